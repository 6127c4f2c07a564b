/* eval.c: the evaluator's state: parameters, global definitions, the current
   subject and its memo of definitions and decisions, and the uses noted for
   explanations. Expressions are in eval_expr.c, queries in eval_query.c and
   the decision forms in eval_forms.c. */
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "eval_int.h"

const Reason ev_no_subject = {R_TEXT, "no subject is selected", NULL, NULL, NULL, NULL, NULL, NULL};
const Reason ev_too_deep = {R_TEXT, "expression nested too deeply", NULL, NULL, NULL, NULL, NULL, NULL};
const Reason ev_given_none = {R_TEXT, "the policy gives no value here", NULL, NULL, NULL, NULL, NULL, NULL};
const Reason ev_no_rows = {R_TEXT, "there are no rows to choose from", NULL, NULL, NULL, NULL, NULL, NULL};
REASON(self_cycle, "a definition depends on itself");

/* Create an evaluator over a program's facts, every parameter at its default. */
Eval *eval_new(const Program *p, Facts *f, qdate as_of, Arena *run)
{
    Eval *E = xcalloc(1, sizeof *E);
    E->p = p;
    E->facts = f;
    E->as_of = as_of;
    E->run = run;
    E->a = run;
    E->params = arena_array(run, (size_t)p->params.n + 1, sizeof *E->params);
    E->globals = arena_array(run, (size_t)p->globals.n + 1, sizeof *E->globals);
    E->gstate = arena_alloc(run, (size_t)p->globals.n + 1);
    E->gwhy = arena_array(run, (size_t)p->globals.n + 1, sizeof *E->gwhy);
    for (int i = 0; i < p->params.n; i++) {
        const Sym *s = p->params.v[i];
        E->params[i] = ev(E, s->decl->u.param.def);
    }
    return E;
}

/* Free an evaluator made by eval_new. */
void eval_free(Eval *E)
{
    if (!E)
        return;
    free(E->own);
    free(E);
}

/* Tell the caller what happens in decisions (for coverage). */
void eval_set_hooks(Eval *E, const EvalHooks *h)
{
    E->hooks = *h;
}

/* Turn recording of the facts and decisions behind values on or off. */
void eval_set_explain(Eval *E, bool on)
{
    E->explain = on;
}

/* The first fault met for the current subject. */
const Fault *eval_fault(const Eval *E)
{
    return &E->fault;
}

/* Record a fault; the first one met for a subject is the one reported. */
void ev_fault(Eval *E, FaultKind k, const char *msg)
{
    if (E->fault.kind == FAULT_NONE) {
        E->fault.kind = k;
        E->fault.msg = msg;
    }
}

/* Tell the hooks what happened in a decision. */
void ev_hook(Eval *E, const Decl *d, Outcome o, const Branch *b)
{
    if (E->hooks.outcome)
        E->hooks.outcome(E->hooks.ctx, d, o, b);
}

/* The current value of a parameter. */
Value eval_param(Eval *E, const Sym *param)
{
    return E->params[param->slot];
}

/* Give a parameter a value (a --param, a fixture's `with`, a what-if). */
void eval_set_param(Eval *E, const Sym *param, Value v)
{
    E->params[param->slot] = v;
    E->param_changes++;
    memset(E->gstate, 0, (size_t)E->p->globals.n + 1);     /* (global lets may read it) */
}

/* Start evaluating for a subject row, with fresh memos (in arena a) for its section. */
void eval_subject(Eval *E, const Section *s, Row *row, Arena *a)
{
    E->sect = s;
    E->subject = row;
    E->a = a;
    E->fault.kind = FAULT_NONE;
    E->fault.msg = NULL;
    E->depth = 0;
    E->nslots = s ? s->lets.n : 0;
    if (E->nslots >= E->own_cap) {
        free(E->own);
        E->own_cap = E->nslots + 1;
        E->own = xcalloc((size_t)E->own_cap, sizeof *E->own);
        E->subjects = 0;
    }
    if (++E->subjects == 0) {       /* (after 2^32 subjects: every stamp is stale again) */
        memset(E->own, 0, (size_t)E->own_cap * sizeof *E->own);
        E->subjects = 1;
    }
    E->slots = E->own;
    E->gen = E->subjects;
    if (row)
        E->env[E->depth++] = v_row(row);
}

/* Whether two uses are the same fact, decision or sign. */
static bool use_eq(const Use *a, const Use *b)
{
    if (a->kind != b->kind)
        return false;
    if (a->kind != USE_FACT)
        return a->sym == b->sym && a->row == b->row && a->v.k == b->v.k &&
               (a->v.k == V_MISSING || a->v.k == V_DEADLINE || a->v.k == V_QUORUM || value_eq(a->v, b->v));
    if (a->field != b->field || a->row->rec != b->row->rec)
        return false;
    if (a->row->key && b->row->key)
        return !strcmp(a->row->key, b->row->key);
    return a->row->rowid == b->row->rowid;
}

/* Append a use to the list being recorded, unless it is there already (when dedupe). */
static void push_use(Eval *E, const Use *u, bool dedupe, bool capped)
{
    for (int i = 0; dedupe && i < E->uses->n; i++)
        if (use_eq(E->uses->v[i], u))
            return;
    if (capped && E->uses->n >= EXPLAIN_MAX_USES) {
        if (E->dropped)
            (*E->dropped)++;
        return;
    }
    Use *c = arena_alloc(E->a, sizeof *c);
    *c = *u;
    vec_push(E->a, E->uses, c);
}

/* Record a fact read, for explanations. */
void ev_record_fact(Eval *E, const Row *r, const Field *f, Value v)
{
    Use u = {USE_FACT, r, f, NULL, v};
    push_use(E, &u, true, true);
}

/* Record a decision used or a sign counted, for explanations. */
void ev_record_use(Eval *E, UseKind k, const Sym *s, Value v)
{
    Use u = {k, NULL, NULL, s, v};
    push_use(E, &u, true, true);
}

/* Save the frames from `from` up, and start a definition's scope there. */
void ev_scope_enter(Eval *E, EvScope *sc, int from)
{
    sc->depth = E->depth;
    for (int i = from; i < E->depth; i++)
        sc->env[i] = E->env[i];
    E->depth = from;
}

/* Put the frames back as they were. */
void ev_scope_leave(Eval *E, const EvScope *sc, int from)
{
    for (int i = from; i < sc->depth; i++)
        E->env[i] = sc->env[i];
    E->depth = sc->depth;
}

/* Record a decision about another row used, for explanations. */
void ev_record_row_use(Eval *E, const Row *r, const Sym *s, Value v)
{
    Use u = {USE_DECISION, r, NULL, s, v};
    push_use(E, &u, true, true);
}

/* Merge the uses a definition recorded into those being recorded. */
static void merge_uses(Eval *E, const Explain *why)
{
    for (int i = 0; E->uses && i < why->uses.n; i++)
        push_use(E, why->uses.v[i], true, true);
    if (E->uses && E->dropped)
        *E->dropped += why->dropped;
}

/* Where uses were being recorded before a definition's own recording. */
typedef struct Recording {
    Vec *uses;
    int *dropped;
} Recording;

/* Record the uses of the definition about to be computed in why (emptied). */
static Recording record_into(Eval *E, Explain *why)
{
    Recording outer = {E->uses, E->dropped};
    *why = (Explain){0};
    E->uses = &why->uses;
    E->dropped = &why->dropped;
    return outer;
}

/* Go back to recording where it was, adding the definition's uses there. */
static void record_end(Eval *E, Recording outer, const Explain *why)
{
    E->uses = outer.uses;
    E->dropped = outer.dropped;
    merge_uses(E, why);
}

/* The value of a global let, computed once for the run; what it read is
   kept with it (in the run's arena), and added to the uses of every
   subject whose rules use it, as a subject's own let's are. */
static Value global_value(Eval *E, const Sym *s)
{
    Explain *g = &E->gwhy[s->slot];
    if (E->gstate[s->slot] == 2) {
        merge_uses(E, g);
        return E->globals[s->slot];
    }
    if (E->gstate[s->slot] == 1)
        return v_missing(&self_cycle);
    E->gstate[s->slot] = 1;
    EvScope sc;
    ev_scope_enter(E, &sc, 0);
    Arena *a = E->a;
    E->a = E->run;
    Recording outer = record_into(E, g);
    Value v = ev(E, s->decl->u.let.def);
    E->a = a;
    record_end(E, outer, g);
    ev_scope_leave(E, &sc, 0);
    E->globals[s->slot] = v;
    E->gstate[s->slot] = 2;
    return v;
}

/* What a memoised value adds to the uses being recorded: a decision is
   named with its value; a definition's own uses are merged in. */
static void note_memo(Eval *E, const Sym *s, const Slot *m)
{
    if (!E->explain || !E->uses)
        return;
    if (s->kind == S_DECISION) {
        ev_note_use(E, USE_DECISION, s, m->v);
        return;
    }
    merge_uses(E, &m->why);
}

/* Compute a let or decision of the current subject, recording its uses. */
static Value compute_slot(Eval *E, const Sym *s, Slot *m)
{
    EvScope sc;
    int from = E->subject ? 1 : 0;
    ev_scope_enter(E, &sc, from < E->depth ? from : E->depth);
    Recording outer = record_into(E, &m->why);
    Value v = s->kind == S_LET ? ev(E, s->decl->u.let.def) : ev_decision(E, s->decl, &m->why);
    record_end(E, outer, &m->why);
    ev_scope_leave(E, &sc, from < sc.depth ? from : sc.depth);
    return v;
}

/* The value of a subject's let or decision, computed once per subject, and why. */
Value ev_slot(Eval *E, const Sym *s, Explain *why)
{
    if (!s->decl->section)
        return global_value(E, s);
    int k = s->slot;
    if (k >= E->nslots)
        return v_missing(&ev_no_subject);
    Slot *m = &E->slots[k];
    if (m->gen != E->gen) {
        m->gen = E->gen;
        m->state = 0;
    }
    if (m->state == 2) {
        if (why)
            *why = m->why;
        else
            note_memo(E, s, m);
        return m->v;
    }
    if (m->state == 1)
        return v_missing(&self_cycle);
    m->state = 1;
    Value v = compute_slot(E, s, m);
    m->v = v;
    m->state = 2;
    if (why)
        *why = m->why;
    else if (s->kind == S_DECISION)
        ev_note_use(E, USE_DECISION, s, v);
    return v;
}

/* The row of the current subject, or NULL. */
const Row *eval_current(const Eval *E)
{
    return E->subject;
}

/* The reason a row's decision does not apply: the row is not a subject the
   policy decides about (its section's `where` does not hold). */
static const Reason *not_a_subject(Eval *E, const Row *r, Value keep)
{
    if (keep.k == V_MISSING)
        return reason_wrap(E->a, "cannot tell whether the policy decides about it: ", keep.u.why);
    Reason *why = arena_alloc(E->a, sizeof *why);
    why->kind = R_NA;
    why->row = r;
    why->text = "it is not one the policy decides about (its section's `where` does not hold)";
    return why;
}

/* Decision s about row r, for another subject's rule: computed in r's own
   scope (its section, its memo, r as the subject), once per row. */
Value ev_row_decision(Eval *E, Row *r, const Sym *s)
{
    if (r == E->subject && s->sect == E->sect)
        return ev_slot(E, s, NULL);
    Slot *memo = r->memo_params == E->param_changes ? r->memo : NULL;
    if (!memo) {
        memo = arena_array(E->a, (size_t)s->sect->lets.n + 1, sizeof *memo);
        if (!r->persistent) {
            r->memo = memo;
            r->memo_params = E->param_changes;
        }
    }
    const Section *sect = E->sect;
    Row *subject = E->subject;
    Slot *slots = E->slots;
    int nslots = E->nslots;
    unsigned gen = E->gen;
    Vec *uses = E->uses;
    int *dropped = E->dropped;
    EvScope sc;
    ev_scope_enter(E, &sc, 0);
    E->sect = s->sect;
    E->subject = r;
    E->slots = memo;
    E->nslots = s->sect->lets.n;
    E->gen = 1;         /* (a row's memo is made zeroed and lives as long as the row) */
    E->env[E->depth++] = v_row(r);
    E->uses = NULL;     /* (its own facts are not this decision's) */
    E->dropped = NULL;
    Value keep = eval_filter(E);
    Value v = keep.k == V_BOOL && keep.u.b ? ev_slot(E, s, NULL) : v_missing(not_a_subject(E, r, keep));
    E->sect = sect;
    E->subject = subject;
    E->slots = slots;
    E->nslots = nslots;
    E->gen = gen;
    E->uses = uses;
    E->dropped = dropped;
    ev_scope_leave(E, &sc, 0);
    ev_note_row_use(E, r, s, v);
    return v;
}

/* The value of the section's `where` for the current subject; true when it has none. */
Value eval_filter(Eval *E)
{
    const Expr *w = E->sect ? E->sect->decl->u.sect.where : NULL;
    return w ? ev(E, w) : v_bool(true);
}

/* The value of decision d for the current subject, and why it has it. */
Value eval_output(Eval *E, const Decl *d, Explain *why)
{
    Explain ex = {0};
    Value v = ev_slot(E, d->sym, &ex);
    if (why)
        *why = ex;
    return v;
}

/* Evaluate a free-standing expression for the current subject, if any. */
Value eval_expr(Eval *E, const Expr *x)
{
    return ev(E, x);
}
