/* eval_forms.c: the decision forms: decide (first branch that holds),
   ladder (highest stage that holds), deadline (due date and status as of
   the evaluation date) and quorum (who is present, which roles). */
#include <string.h>
#include "eval_int.h"

REASON(no_branch, "no branch applies");
REASON(no_since, "no `since` date");
REASON(suspended_r, "suspended");
REASON(not_done, "not done");
REASON(done_later, "done after the as-of date");
REASON(not_a_decision, "not a decision");

/* Sort a ladder's stages into the order they are tried: highest first, `otherwise` last. */
static void ladder_order(const Decl *d, int *order, int n)
{
    const Vec *bs = &d->u.dec.branches;
    for (int i = 1; i < n; i++) {
        int v = order[i], j = i - 1;
        const Branch *bv = bs->v[v];
        while (j >= 0) {
            const Branch *bj = bs->v[order[j]];
            bool before = (!bj->cond && bv->cond) ||
                          (bj->cond && bv->cond && bv->value->u.name.code > bj->value->u.name.code);
            if (!before)
                break;
            order[j + 1] = order[j];
            j--;
        }
        order[j + 1] = v;
    }
}

/* The part of a condition that held, for a reason to name: the first
   alternative of an `or` that held (within it, the same again); with the
   missing fact behind an `is missing` part in *fact. */
static const Expr *held_part(Eval *E, const Expr *c, const Reason **fact)
{
    while (c->kind == E_BINARY && c->u.op.op == OP_OR) {
        Value a = ev(E, c->u.op.a);
        c = ev_truth(a) == 1 ? c->u.op.a : c->u.op.b;
    }
    if (c->kind == E_IS && c->u.is.is == IS_MISSING && !c->u.is.neg) {
        Value v = ev(E, c->u.is.a);
        if (v.k == V_MISSING)
            *fact = v.u.why;
    }
    return c;
}

/* The value of a branch that fired (a ladder's: its stage, and since when). */
static Value branch_value(Eval *E, const Decl *d, const Branch *b, Explain *why)
{
    if (d->kind == D_LADDER) {
        why->since = b->since ? ev(E, b->since) : v_missing(&no_since);
        return v_code(d->type->scale, b->value->u.name.code);
    }
    if (b->value->kind == E_MISSING || b->value->kind == E_NA) {
        Reason *r = arena_alloc(E->a, sizeof *r);
        r->kind = b->value->kind == E_NA ? R_NA : R_LEFT;
        r->decl = d;
        r->branch = b;
        if (b->cond) {
            Vec *uses = E->uses;
            E->uses = NULL;     /* (re-evaluating reads nothing new) */
            r->query = held_part(E, b->cond, &r->inner);
            E->uses = uses;
        }
        return v_missing(r);
    }
    Value v = ev(E, b->value);
    if (v.k == V_CODE && !v.scale)
        v.scale = d->type->scale;
    return v;
}

/* A decide or ladder: the first branch (highest stage) whose condition holds. */
static Value decide(Eval *E, const Decl *d, Explain *why)
{
    const Vec *bs = &d->u.dec.branches;
    int n = bs->n;
    int *order = arena_array(E->a, (size_t)n + 1, sizeof *order);
    for (int i = 0; i < n; i++)
        order[i] = i;
    if (d->kind == D_LADDER)
        ladder_order(d, order, n);
    for (int i = 0; i < n; i++) {
        const Branch *b = bs->v[order[i]];
        if (b->cond) {
            Value c = ev(E, b->cond);
            if (value_na(c))
                continue;   /* a rule that does not apply does not hold */
            if (c.k == V_MISSING) {
                why->branch = b;
                why->cite = b->cite ? b->cite : d->u.dec.cite;
                Reason *r = arena_alloc(E->a, sizeof *r);
                r->kind = R_BRANCH;
                r->decl = d;
                r->branch = b;
                r->inner = c.u.why;
                return v_missing(r);
            }
            if (!c.u.b)
                continue;
            ev_explain(E, b->cond, c, why);
        }
        why->branch = b;
        why->cite = b->cite ? b->cite : d->u.dec.cite;
        ev_hook(E, d, OUT_BRANCH, b);
        Value v = branch_value(E, d, b, why);
        if (!b->cond && v.k == V_BOOL && b->value->kind != E_BOOL)
            ev_explain(E, b->value, v, why);
        return v;
    }
    return v_missing(&no_branch);
}

/* A deadline value. */
static Value v_deadline(Deadline *dl)
{
    Value v = {0};
    v.k = V_DEADLINE;
    v.u.dl = dl;
    return v;
}

/* Whether a missing `done` means "not done": its date is not recorded (or
   is later), there is no row, or the policy says there is no value; anything
   else (a condition that could not be decided) leaves the deadline undetermined. */
static bool absent(const Reason *why)
{
    return why->kind == R_NULL || why->kind == R_NOT_YET || why->kind == R_NO_ROW || why->kind == R_NA || why == &done_later ||
           why == &not_done || why == &ev_given_none || why == &ev_no_rows;
}

/* Whether a deadline does not apply: a `not applicable when` that holds
   (its reason in *na), or one that cannot be told (*na undetermined). */
static bool deadline_na(Eval *E, const Decl *d, Explain *why, Value *na)
{
    for (int i = 0; i < d->u.dec.branches.n; i++) {
        const Branch *b = d->u.dec.branches.v[i];
        Value c = ev(E, b->cond);
        if (c.k == V_MISSING && !value_na(c)) {
            Reason *r = arena_alloc(E->a, sizeof *r);
            *r = (Reason){.kind = R_BRANCH, .decl = d, .branch = b, .inner = c.u.why};
            *na = v_missing(r);
            return true;
        }
        if (ev_truth(c) == 1) {
            why->branch = b;
            why->cite = b->cite ? b->cite : d->u.dec.cite;
            ev_explain(E, b->cond, c, why);
            *na = branch_value(E, d, b, why);
            return true;
        }
    }
    return false;
}

/* Whether a deadline is suspended (*v then its value, or undetermined). */
static bool deadline_suspended(Eval *E, const Decl *d, Deadline *dl, Explain *why, Value *v)
{
    if (!d->u.dec.suspended)
        return false;
    Value sv = ev(E, d->u.dec.suspended);
    if (sv.k == V_MISSING && !value_na(sv)) {
        *v = v_missing(reason_wrap(E->a, "cannot tell whether the deadline is suspended: ", sv.u.why));
        return true;
    }
    if (ev_truth(sv) != 1)
        return false;
    dl->start = dl->due = dl->done = v_missing(&suspended_r);
    dl->status = ST_SUSPENDED;
    why->suspended = true;
    ev_explain(E, d->u.dec.suspended, sv, why);
    ev_hook(E, d, OUT_SUSPENDED, NULL);
    *v = v_deadline(dl);
    return true;
}

/* A deadline: not applicable, suspended, or due a duration after its start
   (or on a date), done or not. A start that never happened comes before a
   suspension: a deadline that does not apply is not suspended either. */
static Value deadline(Eval *E, const Decl *d, Explain *why)
{
    Deadline *dl = arena_alloc(E->a, sizeof *dl);
    Value v;
    if (deadline_na(E, d, why, &v))
        return v;
    Value from = ev(E, d->u.dec.from);
    if (value_na(from))
        return from;    /* it runs from something that does not apply */
    if (from.k == V_MISSING && from.u.why->kind == R_NO_ROW) {
        Reason *r = arena_alloc(E->a, sizeof *r);   /* the event it runs from never happened */
        r->kind = R_NA;
        r->decl = d;
        r->inner = from.u.why;
        return v_missing(r);
    }
    if (deadline_suspended(E, d, dl, why, &v))
        return v;
    if (from.k == V_MISSING)
        return v_missing(reason_wrap(E->a, "no start date: ", from.u.why));
    dl->start = from;
    if (d->u.dec.within) {
        Value w = ev(E, d->u.dec.within);
        if (w.k == V_MISSING)
            return w;
        dl->due = ev_add_duration(E, from.u.d, w, 1);
    } else {
        dl->due = ev(E, d->u.dec.due);
    }
    if (value_na(dl->due))
        return dl->due;
    if (dl->due.k == V_MISSING)
        return v_missing(reason_wrap(E->a, "no due date: ", dl->due.u.why));
    dl->done = d->u.dec.done ? ev(E, d->u.dec.done) : v_missing(&not_done);
    if (dl->done.k == V_DATE && dl->done.u.d > E->as_of)
        dl->done = v_missing(&done_later);
    if (dl->done.k == V_MISSING && !absent(dl->done.u.why))
        return v_missing(reason_wrap(E->a, "cannot tell whether it was done: ", dl->done.u.why));
    ev_explain_parts(E, d, dl, why);
    ev_hook(E, d, OUT_COMPUTED, NULL);
    if (dl->done.k == V_DATE)
        dl->status = dl->done.u.d <= dl->due.u.d ? ST_MET : ST_LATE;
    else
        dl->status = E->as_of <= dl->due.u.d ? ST_PENDING : ST_OVERDUE;
    return v_deadline(dl);
}

/* The people and roles present among a quorum's members. */
typedef struct Present {
    Value *persons, *roles;
    int np, nr;
} Present;

/* Collect the distinct persons, and the roles, of a quorum's members; a
   missing value when one cannot be told. */
static Value gather(Eval *E, const Decl *d, const List *l, Present *pr)
{
    pr->np = pr->nr = 0;
    pr->persons = arena_array(E->a, (size_t)l->n + 1, sizeof *pr->persons);
    pr->roles = arena_array(E->a, (size_t)l->n + 1, sizeof *pr->roles);
    for (int i = 0; i < l->n; i++) {
        if (!ev_push(E, l->items[i]))
            return v_missing(&ev_too_deep);
        Value who = ev(E, d->u.dec.counting);
        Value role = ev(E, d->u.dec.from);
        E->depth--;
        if (who.k == V_MISSING)
            return who;
        bool dup = false;
        for (int k = 0; k < pr->np && !dup; k++)
            dup = value_eq(pr->persons[k], who);
        if (!dup)
            pr->persons[pr->np++] = who;
        if (role.k != V_MISSING)
            pr->roles[pr->nr++] = role;
    }
    return v_bool(true);
}

/* How many of the roles named (by their names in scale rs) are among those present. */
static int roles_present(const Vec *names, const Decl *rs, const Present *pr, Value *missing, int *nm)
{
    int have = 0;
    for (int i = 0; i < names->n; i++) {
        int c = scale_index(rs, names->v[i]);
        bool found = false;
        for (int k = 0; k < pr->nr && !found; k++)
            found = pr->roles[k].u.code == c;
        if (found)
            have++;
        else if (missing)
            missing[(*nm)++] = v_code(rs, c);
    }
    return have;
}

/* Whether the quorum's `including K of ...` and `requiring` hold (a missing value if unknown). */
static Value quorum_extra(Eval *E, const Decl *d, const Decl *rs, const Present *pr)
{
    bool ok = true;
    if (d->u.dec.k_of && rs) {
        Value k = ev(E, d->u.dec.k_of);
        if (k.k == V_MISSING)
            return k;
        ok = num_cmp(num_int(roles_present(&d->u.dec.k_roles, rs, pr, NULL, NULL)), k.u.n) >= 0;
    }
    if (d->u.dec.requiring) {
        Value r = ev(E, d->u.dec.requiring);
        if (r.k == V_MISSING)
            return r;
        ok = ok && r.u.b;
    }
    return v_bool(ok);
}

/* A quorum: the distinct members present, the required roles absent, whether quorate. */
static Value quorum(Eval *E, const Decl *d)
{
    Value ml = ev(E, d->u.dec.members);
    if (ml.k == V_MISSING)
        return ml;
    Present pr;
    Value ok = gather(E, d, ml.u.list, &pr);
    if (ok.k == V_MISSING)
        return ok;
    Quorum *q = arena_alloc(E->a, sizeof *q);
    q->present = pr.np;
    const Decl *rs = d->type->elem && d->type->elem->kind == T_CODE ? d->type->elem->scale : NULL;
    Value *miss = arena_array(E->a, (size_t)d->u.dec.roles.n + 1, sizeof *miss);
    int nm = 0;
    if (rs)
        roles_present(&d->u.dec.roles, rs, &pr, miss, &nm);
    q->missing = value_list(E->a, miss, nm).u.list;
    Value min = ev(E, d->u.dec.minimum);
    if (min.k == V_MISSING)
        return min;
    Value extra = quorum_extra(E, d, rs, &pr);
    if (extra.k == V_MISSING)
        return extra;
    q->quorate = num_cmp(num_int(pr.np), min.u.n) >= 0 && nm == 0 && extra.u.b;
    bool quorate = q->quorate;
    ev_hook(E, d, quorate ? OUT_QUORATE : OUT_NOT_QUORATE, NULL);
    Value v = {0};
    v.k = V_QUORUM;
    v.u.q = q;
    return v;
}

/* Evaluate a decide / deadline / quorum / ladder for the current subject. */
Value ev_decision(Eval *E, const Decl *d, Explain *why)
{
    why->decl = d;
    why->cite = d->u.dec.cite;
    switch (d->kind) {
    case D_DECIDE:
    case D_LADDER: return decide(E, d, why);
    case D_DEADLINE: return deadline(E, d, why);
    case D_QUORUM: return quorum(E, d);
    default: return v_missing(&not_a_decision);
    }
}
