/* eval_query.c: queries over lists of rows: count, any, no, all, sum, min,
   max, count distinct, latest and earliest, and plain `where` selection. */
#include <string.h>
#include "eval_int.h"

REASON(undecided, "a condition could not be decided");
REASON(sum_too_large, "a sum is too large to compute exactly");

/* What a pass over a query's rows found. */
typedef struct Pass {
    int count, unknown;
    const Reason *why;      /* the first reason a row's condition or value was unknown */
    Num sum;
    Value best;             /* min, max */
    Value *sel;             /* rows selected (latest, earliest, where) */
    int nsel, cap;
    Value *seen;            /* count distinct */
    int nseen;
} Pass;

/* Keep a selected row. */
static void select_row(Eval *E, Pass *p, Value item)
{
    if (p->nsel == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 8;
        Value *ns = arena_array(E->a, (size_t)p->cap, sizeof *ns);
        if (p->nsel)
            memcpy(ns, p->sel, (size_t)p->nsel * sizeof *ns);
        p->sel = ns;
    }
    p->sel[p->nsel++] = item;
}

/* Count a value once for `count distinct`. */
static void see(Eval *E, Pass *p, Value of)
{
    for (int k = 0; k < p->nseen; k++)
        if (value_eq(p->seen[k], of))
            return;
    if (p->nseen % 16 == 0) {
        Value *ns = arena_array(E->a, (size_t)p->nseen + 16, sizeof *ns);
        if (p->nseen)
            memcpy(ns, p->seen, (size_t)p->nseen * sizeof *ns);
        p->seen = ns;
    }
    p->seen[p->nseen++] = of;
}

/* Take one row whose condition holds into the pass; returns 1 when the
   query's answer is known already (any, no), with it in *done. */
static int take(Eval *E, const Expr *x, Pass *p, Value item, Value of, Value *done)
{
    QueryKind q = x->u.query.q;
    switch (q) {
    case Q_ANY: *done = v_bool(true); return 1;
    case Q_NONE: *done = v_bool(false); return 1;
    case Q_SUM:
        if (!num_add(p->sum, of.u.n, &p->sum)) {
            *done = v_missing(&sum_too_large);
            return 1;
        }
        return 0;
    case Q_MIN:
    case Q_MAX:
        if (p->best.k == V_MISSING || (q == Q_MIN ? value_cmp(of, p->best) < 0 : value_cmp(of, p->best) > 0))
            p->best = of;
        return 0;
    case Q_COUNT_DISTINCT: see(E, p, of); return 0;
    case Q_LATEST:
    case Q_EARLIEST:
    case Q_WHERE: select_row(E, p, item); return 0;
    default: return 0;
    }
}

/* Look at one row: its condition, then its value; 1 when the answer is known. */
static int visit(Eval *E, const Expr *x, Pass *p, Value item, Value *done)
{
    QueryKind q = x->u.query.q;
    int t = 1;
    if (x->u.query.where) {
        Value c = ev(E, x->u.query.where);
        t = ev_truth(c);
        if (t < 0 && !p->why)
            p->why = c.u.why;
    }
    if (q == Q_ALL || t <= 0) {
        if (q == Q_ALL && t == 0) {
            *done = v_bool(false);
            return 1;
        }
        if (t < 0)
            p->unknown++;
        return 0;
    }
    p->count++;
    Value of = {0};
    if (x->u.query.of) {
        of = ev(E, x->u.query.of);
        if (of.k == V_MISSING) {
            p->unknown++;
            if (!p->why)
                p->why = of.u.why;
            return 0;
        }
    }
    return take(E, x, p, item, of, done);
}

/* Order the selected rows by the `by` column, latest (or earliest) first,
   the later row first among equals; rows with no value are left out. */
static void order_rows(Pass *p, const Field *by, bool earliest)
{
    int bi = by->index, m = 0;
    for (int i = 0; i < p->nsel; i++)
        if (p->sel[i].k == V_ROW && p->sel[i].u.row->cols[bi].k != V_MISSING)
            p->sel[m++] = p->sel[i];
    p->nsel = m;
    for (int i = 1; i < p->nsel; i++) {
        Value v = p->sel[i];
        int j = i - 1;
        while (j >= 0) {
            Value w = p->sel[j];
            int c = value_cmp(v.u.row->cols[bi], w.u.row->cols[bi]);
            if (earliest)
                c = -c;
            if (!(c > 0 || (c == 0 && v.u.row->rowid > w.u.row->rowid)))
                break;
            p->sel[j + 1] = w;
            j--;
        }
        p->sel[j + 1] = v;
    }
}

/* The answer of `latest` or `earliest` after the pass. */
static Value latest(Eval *E, const Expr *x, Pass *p)
{
    const Field *by = x->u.query.byfield;
    order_rows(p, by, x->u.query.q == Q_EARLIEST);
    if (x->u.query.limit)
        return value_list(E->a, p->sel, p->nsel < x->u.query.nlimit ? p->nsel : x->u.query.nlimit);
    if (p->nsel == 0) {
        const Expr *src = x->u.query.src;
        Reason *r = arena_alloc(E->a, sizeof *r);
        r->kind = R_NO_ROW;
        r->text = src->kind == E_NAME ? src->u.name.name : src->kind == E_FIELD ? src->u.field.name : "rows";
        r->query = x;
        return v_missing(r);
    }
    Row *r = p->sel[0].u.row;
    ev_note_fact(E, r, by, r->cols[by->index]);
    return p->sel[0];
}

/* The answer of a query after the pass over its rows. */
static Value answer(Eval *E, const Expr *x, Pass *p)
{
    const Reason *uw = p->why ? p->why : &undecided;
    if (p->unknown) {
        switch (x->u.query.q) {
        case Q_COUNT: return v_missing(reason_wrap(E->a, "cannot count: ", uw));
        case Q_LATEST: return v_missing(reason_wrap(E->a, "cannot tell which row is the latest: ", uw));
        case Q_EARLIEST: return v_missing(reason_wrap(E->a, "cannot tell which row is the earliest: ", uw));
        default: return v_missing(uw);
        }
    }
    switch (x->u.query.q) {
    case Q_COUNT: return v_num(num_int(p->count));
    case Q_ANY: return v_bool(false);
    case Q_NONE:
    case Q_ALL: return v_bool(true);
    case Q_SUM: return v_num(p->sum);
    case Q_MIN:
    case Q_MAX: return p->best;
    case Q_COUNT_DISTINCT: return v_num(num_int(p->nseen));
    case Q_WHERE: return value_list(E->a, p->sel, p->nsel);
    case Q_LATEST:
    case Q_EARLIEST: return latest(E, x, p);
    }
    return v_missing(uw);
}

/* Whether a query reads a whole table (its explanations then keep only the
   facts of the rows its condition selects). */
static bool over_table(const Expr *x)
{
    const Expr *src = x->u.query.src;
    return src->kind == E_NAME && src->u.name.sym && src->u.name.sym->kind == S_TABLE;
}

/* Queries over a list of rows (or values). */
Value ev_query(Eval *E, const Expr *x)
{
    Value src = ev(E, x->u.query.src);
    if (src.k == V_MISSING)
        return src;
    List *l = src.u.list;
    bool prune = E->uses && over_table(x) && x->u.query.where;
    Pass p;
    memset(&p, 0, sizeof p);
    p.sum = num_int(0);
    p.best = v_missing(&ev_no_rows);
    for (int i = 0; i < l->n; i++) {
        if (!ev_push(E, l->items[i]))
            return v_missing(&ev_too_deep);
        Value done;
        int mark = prune ? E->uses->n : 0, before = p.count;
        int stop = visit(E, x, &p, l->items[i], &done);
        if (prune && p.count == before && !stop)
            E->uses->n = mark;     /* (a row the condition leaves out) */
        E->depth--;
        if (stop)
            return done;
    }
    return answer(E, x, &p);
}
