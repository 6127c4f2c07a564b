/* explain.c: which parts of a condition decided a branch, with the values
   they compared: for `or`, the disjuncts that held; for `and`, each conjunct
   (or, when it is false, those that failed). Recorded only when explaining. */
#include "eval_int.h"

static void explain_part(Eval *E, const Expr *c, Value v, Vec *held);

/* Note one condition, with its operands when it compares two values. */
static void note_held(Eval *E, const Expr *c, Value v, Vec *held)
{
    Held *h = arena_alloc(E->a, sizeof *h);
    h->cond = c;
    h->v = v;
    if (c->kind == E_BINARY && c->u.op.op >= OP_EQ) {
        h->lhs = c->u.op.a;
        h->rhs = c->u.op.b;
    } else if (c->kind == E_IS) {
        h->lhs = c->u.is.a;
        h->rhs = c->u.is.b;
    } else if (c->kind == E_IN || c->kind == E_WINDOW) {
        h->lhs = c->kind == E_IN ? c->u.in.a : c->u.window.a;
        h->rhs = c->kind == E_IN ? c->u.in.b : NULL;
    } else if (c->kind == E_UNARY && c->u.op.op == OP_NOT) {
        h->lhs = c->u.op.a;
    }
    if (h->lhs)
        h->a = ev(E, h->lhs);
    if (h->rhs)
        h->b = ev(E, h->rhs);
    vec_push(E->a, held, h);
}

/* Explain the parts of `a and b` or `a or b` that decided its value v. */
static void explain_logic(Eval *E, const Expr *c, Value v, Vec *held)
{
    bool is_or = c->u.op.op == OP_OR;
    const Expr *parts[2] = {c->u.op.a, c->u.op.b};
    for (int i = 0; i < 2; i++) {
        Value pv = ev(E, parts[i]);
        int t = ev_truth(pv), want = ev_truth(v);
        /* or: the true parts made it true, every part made it false;
           and: every part made it true, the false parts made it false */
        bool decided = want < 0 ? t < 0 : is_or ? (want == 1 ? t == 1 : true) : (want == 1 ? true : t == 0);
        if (decided)
            explain_part(E, parts[i], pv, held);
    }
}

/* Explain one part of a condition. */
static void explain_part(Eval *E, const Expr *c, Value v, Vec *held)
{
    if (held->n >= EXPLAIN_MAX_USES)
        return;
    if (c->kind == E_BINARY && (c->u.op.op == OP_AND || c->u.op.op == OP_OR))
        explain_logic(E, c, v, held);
    else
        note_held(E, c, v, held);
}

/* Note a part of a decision with its value (a deadline's `from`, `within`, `done`). */
static void note_part(Eval *E, const char *part, const Expr *e, Value v, Vec *held)
{
    if (!e)
        return;
    Held *h = arena_alloc(E->a, sizeof *h);
    h->part = part;
    h->cond = e;
    h->v = v;
    vec_push(E->a, held, h);
}

/* Record a deadline's start, period (or due date) and done date as what decided it. */
void ev_explain_parts(Eval *E, const Decl *d, const Deadline *dl, Explain *why)
{
    if (!E->explain)
        return;
    Vec *saved = E->uses;
    E->uses = NULL;
    note_part(E, "from", d->u.dec.from, dl->start, &why->held);
    if (d->u.dec.within)
        note_part(E, "within", d->u.dec.within, ev(E, d->u.dec.within), &why->held);
    else
        note_part(E, "due", d->u.dec.due, dl->due, &why->held);
    note_part(E, "done", d->u.dec.done, dl->done, &why->held);
    E->uses = saved;
}

/* Record what decided a condition (or boolean value) c whose value is v. */
void ev_explain(Eval *E, const Expr *c, Value v, Explain *why)
{
    if (!E->explain)
        return;
    Vec *saved = E->uses;
    E->uses = NULL;     /* (re-evaluating the parts reads nothing new) */
    explain_part(E, c, v, &why->held);
    E->uses = saved;
}
