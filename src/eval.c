/* eval.c: the evaluator: three-valued logic, exact numbers, dates and
   calendars, queries over facts, and the decision forms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "eval.h"

#define MAXENV 64
#define MAXNEST 250

struct Eval {
    Program *p;
    Facts *facts;
    qdate as_of;
    Arena *run, *a;
    Value *params;
    Value *globals;
    unsigned char *gstate;
    Section *sect;
    Row *subject;
    Value *memo;
    unsigned char *mstate;
    Explain *mwhy;
    int nmemo;
    Value env[MAXENV];
    int depth;
    int nest;               /* expressions being evaluated, through definitions */
    const char *bad;
    bool explain;
    Vec *facts_used;
};

static Value ev(Eval *E, Expr *x);

/* Create an evaluator over a program's facts, starting every parameter at its default. */
Eval *eval_new(Program *p, Facts *f, qdate as_of, Arena *run)
{
    Eval *E = calloc(1, sizeof *E);
    E->p = p;
    E->facts = f;
    E->as_of = as_of;
    E->run = run;
    E->params = arena_alloc(run, (size_t)(p->params.n + 1) * sizeof *E->params);
    E->globals = arena_alloc(run, (size_t)(p->globals.n + 1) * sizeof *E->globals);
    E->gstate = arena_alloc(run, (size_t)p->globals.n + 1);
    for (int i = 0; i < p->params.n; i++) {
        Sym *s = p->params.v[i];
        E->params[i] = ev(E, s->decl->u.param.def);
    }
    return E;
}

/* Free an evaluator made by eval_new. */
void eval_free(Eval *E)
{
    free(E);
}

/* Turn on or off recording of the branches and facts behind values, for --explain. */
void eval_set_explain(Eval *E, bool on)
{
    E->explain = on;
}

/* The bad data met for the current subject, or NULL if none. */
const char *eval_bad(Eval *E)
{
    return E->bad;
}

/* The current value of a parameter. */
Value eval_param(Eval *E, Sym *param)
{
    return E->params[param->slot];
}

/* Give a parameter an already evaluated value. */
void eval_set_param_value(Eval *E, Sym *param, Value v)
{
    E->params[param->slot] = v;
}

/* Parse a parameter value from the command line according to its type. */
int eval_set_param(Eval *E, const char *name, const char *text, char *err, size_t errlen)
{
    Sym *s = program_find(E->p, name);
    if (!s || s->kind != S_PARAM) {
        const char *cands[128];
        int n = 0;
        for (int i = 0; i < E->p->params.n && n < 128; i++)
            cands[n++] = ((Sym *)E->p->params.v[i])->name;
        const char *best = closest_name(name, cands, n);
        snprintf(err, errlen, "the policy has no parameter `%s`%s%s%s", name, best ? "; did you mean `" : "",
                 best ? best : "", best ? "`?" : "");
        return -1;
    }
    Type *t = s->type;
    Value v = {0};
    Num n;
    switch (t->kind) {
    case T_NUMBER:
        if (!num_parse(text, &n)) {
            snprintf(err, errlen, "parameter `%s` is a number; `%s` is not one", name, text);
            return -1;
        }
        v = v_num(n);
        break;
    case T_BOOL:
        if (strcmp(text, "true") && strcmp(text, "false")) {
            snprintf(err, errlen, "parameter `%s` is true or false, not `%s`", name, text);
            return -1;
        }
        v = v_bool(!strcmp(text, "true"));
        break;
    case T_TEXT:
        v = v_text(arena_strdup(E->run, text));
        break;
    case T_DATE: {
        qdate d;
        if (!date_parse(text, strlen(text), &d)) {
            snprintf(err, errlen, "parameter `%s` is a date (YYYY-MM-DD); `%s` is not one", name, text);
            return -1;
        }
        v = v_date(d);
        break;
    }
    case T_CODE: {
        int c = scale_lookup(t->scale, text, strlen(text));
        if (c < 0) {
            snprintf(err, errlen, "`%s` is not a value of %s", text, t->name);
            return -1;
        }
        v = v_code(t->scale, c);
        break;
    }
    case T_DURATION: {
        char unit[32] = "";
        long long k;
        int used = 0;
        if (sscanf(text, "%lld%n %31s", &k, &used, unit) < 1) {
            snprintf(err, errlen, "parameter `%s` is a duration, e.g. \"3 months\"; `%s` is not one", name, text);
            return -1;
        }
        v.k = V_DUR;
        v.u.dur.n = k;
        v.u.dur.unit = t->unit;
        if (unit[0] && strncmp(unit, t->unit == U_MONTHS ? "month" : t->unit == U_WORKING_DAYS ? "working" : "day", 3)) {
            snprintf(err, errlen, "parameter `%s` is %s", name, type_str(E->p, t));
            return -1;
        }
        break;
    }
    default:
        snprintf(err, errlen, "parameter `%s` cannot be set from the command line", name);
        return -1;
    }
    E->params[s->slot] = v;
    return 0;
}

/* Start evaluating for a subject row, with fresh memos (in arena a) for its section. */
void eval_subject(Eval *E, Section *s, Row *row, Arena *a)
{
    E->sect = s;
    E->subject = row;
    E->a = a;
    E->bad = NULL;
    E->depth = 0;
    int n = s ? s->nslots : 0;
    E->memo = arena_alloc(a, (size_t)(n + 1) * sizeof *E->memo);
    E->mstate = arena_alloc(a, (size_t)n + 1);
    E->mwhy = arena_alloc(a, (size_t)(n + 1) * sizeof *E->mwhy);
    E->nmemo = n;
    if (row)
        E->env[E->depth++] = (Value){.k = V_ROW, .u.row = row};
}

/* A missing value with a formatted reason. */
#define MISSING(...) v_missing(arena_printf(E->a, __VA_ARGS__))

/* Note a fact used, for --explain. */
static void note_fact(Eval *E, Row *r, Field *f, Value v)
{
    if (!E->explain || !E->facts_used)
        return;
    const char *d = r->key ? arena_printf(E->a, "%s %s: %s = %s", r->rec->table, r->key, f->name, value_json(E->a, v))
                           : arena_printf(E->a, "%s row %lld: %s = %s", r->rec->table, (long long)r->rowid, f->name,
                                          value_json(E->a, v));
    for (int i = 0; i < E->facts_used->n; i++)
        if (!strcmp(E->facts_used->v[i], d))
            return;
    if (E->facts_used->n < 40)
        vec_push(E->a, E->facts_used, (void *)d);
}

/* The value of field index i of row r: a column, a link, or a computed field. */
static Value row_field(Eval *E, Row *r, int i)
{
    Field *f = r->rec->fields.v[i];
    if (f->link == 0) {
        note_fact(E, r, f, r->cols[i]);
        return r->cols[i];
    }
    if (f->link == 3) {
        if (!r->persistent && r->loaded[i])
            return r->cols[i];
        if (E->depth >= MAXENV - 1)
            return MISSING("expression nested too deeply");
        int saved = E->depth;
        Value env0[MAXENV];
        memcpy(env0, E->env, sizeof(Value) * (size_t)saved);
        E->depth = 0;
        E->env[E->depth++] = (Value){.k = V_ROW, .u.row = r};
        Value v = ev(E, f->expr);
        memcpy(E->env, env0, sizeof(Value) * (size_t)saved);
        E->depth = saved;
        if (!r->persistent) {
            r->cols[i] = v;
            r->loaded[i] = 1;
        }
        return v;
    }
    const char *bad = NULL;
    Value v = facts_link(E->facts, r, f, E->a, &bad);
    if (bad && !E->bad)
        E->bad = bad;
    return v;
}

/* Kleene truth: 1 true, 0 false, -1 unknown. */
static int truth(Value v)
{
    return v.k == V_BOOL ? v.u.b : -1;
}

/* The value of a let or decision of the current section, memoised. */
static Value slot_value(Eval *E, Sym *s, Explain *why);

/* The value of a global let, memoised for the run. */
static Value global_value(Eval *E, Sym *s)
{
    if (E->gstate[s->slot] == 2)
        return E->globals[s->slot];
    if (E->gstate[s->slot] == 1)
        return v_missing("a definition depends on itself");
    E->gstate[s->slot] = 1;
    int saved = E->depth;
    E->depth = 0;
    Arena *a = E->a;
    E->a = E->run;
    Value v = ev(E, s->decl->u.let.def);
    E->a = a;
    E->depth = saved;
    E->globals[s->slot] = v;
    E->gstate[s->slot] = 2;
    return v;
}

/* Make a list value. */
static Value mk_list(Eval *E, Value *items, int n)
{
    List *l = arena_alloc(E->a, sizeof *l);
    l->n = n;
    l->items = arena_alloc(E->a, (size_t)(n + 1) * sizeof *items);
    if (n)
        memcpy(l->items, items, (size_t)n * sizeof *items);
    return (Value){.k = V_LIST, .u.list = l};
}

/* date + duration, or a reason why it cannot be computed. */
static Value add_duration(Eval *E, qdate d, Value dur, int sign)
{
    int64_t n = dur.u.dur.n * sign;
    switch (dur.u.dur.unit) {
    case U_MONTHS: {
        qdate r = date_add_months(d, (int)n);
        return v_date(r);
    }
    case U_WORKING_DAYS: {
        if (!E->p->cal)
            return v_missing("working days need a calendar");
        qdate out;
        if (calendar_add_working_days(E->p->cal, d, (int)n, &out) != 0) {
            int y0, y1;
            calendar_years(E->p->cal, &y0, &y1);
            char ds[16];
            date_format(d, ds);
            Value v = MISSING("working days from %s reach beyond the years the %s calendar covers (%d-%d)", ds,
                              calendar_name(E->p->cal), y0, y1);
            if (!E->bad)
                E->bad = v.u.why;
            return v;
        }
        return v_date(out);
    }
    default:
        return v_date(d + (qdate)n);
    }
}

/* Evaluate two operands; false (with *miss the first missing one) unless both are known. */
static bool known2(Eval *E, Expr *x, Expr *y, Value *a, Value *b, Value *miss)
{
    *a = ev(E, x);
    *b = ev(E, y);
    *miss = a->k == V_MISSING ? *a : *b;
    return a->k != V_MISSING && b->k != V_MISSING;
}

/* Arithmetic and comparison operators, with missing propagation. */
static Value binary(Eval *E, Expr *x)
{
    Op op = x->u.op.op;
    if (op == OP_AND || op == OP_OR) {
        Value a = ev(E, x->u.op.a);
        int ta = truth(a);
        if (op == OP_AND && ta == 0)
            return v_bool(false);
        if (op == OP_OR && ta == 1)
            return v_bool(true);
        Value b = ev(E, x->u.op.b);
        int tb = truth(b);
        if (op == OP_AND) {
            if (tb == 0)
                return v_bool(false);
            if (ta == 1 && tb == 1)
                return v_bool(true);
        } else {
            if (tb == 1)
                return v_bool(true);
            if (ta == 0 && tb == 0)
                return v_bool(false);
        }
        return ta < 0 ? a : b;
    }
    Value a, b, miss;
    if (!known2(E, x->u.op.a, x->u.op.b, &a, &b, &miss))
        return miss;
    if (op >= OP_EQ) {
        int c = (op == OP_EQ || op == OP_NE) ? !value_eq(a, b) : value_cmp(a, b);
        switch (op) {
        case OP_EQ: return v_bool(c == 0);
        case OP_NE: return v_bool(c != 0);
        case OP_LT: return v_bool(c < 0);
        case OP_LE: return v_bool(c <= 0);
        case OP_GT: return v_bool(c > 0);
        default: return v_bool(c >= 0);
        }
    }
    if (a.k == V_DATE && b.k == V_DUR)
        return add_duration(E, a.u.d, b, op == OP_SUB ? -1 : 1);
    if (a.k == V_DUR && b.k == V_DUR) {
        Value r = a;
        r.u.dur.n = op == OP_SUB ? a.u.dur.n - b.u.dur.n : a.u.dur.n + b.u.dur.n;
        return r;
    }
    Num r;
    bool ok;
    switch (op) {
    case OP_ADD: ok = num_add(a.u.n, b.u.n, &r); break;
    case OP_SUB: ok = num_sub(a.u.n, b.u.n, &r); break;
    case OP_MUL: ok = num_mul(a.u.n, b.u.n, &r); break;
    default:
        if (b.u.n.n == 0)
            return v_missing("division by zero");
        ok = num_div(a.u.n, b.u.n, &r);
        break;
    }
    if (!ok)
        return v_missing("a number is too large to compute exactly");
    return v_num(r);
}

/* `x is ...` forms: definite answers, never missing. */
static Value is_form(Eval *E, Expr *x)
{
    Value a = ev(E, x->u.is.a);
    bool r;
    if (x->u.is.is == IS_MISSING) {
        r = a.k == V_MISSING;
    } else if (a.k == V_MISSING) {
        r = false;
    } else {
        Value b = ev(E, x->u.is.b);
        if (b.k == V_MISSING) {
            r = false;
        } else {
            if (a.k == V_DEADLINE)
                a = v_code(E->p->status_scale, a.u.dl->status);
            int c = x->u.is.is == IS_VALUE ? !value_eq(a, b) : value_cmp(a, b);
            switch (x->u.is.is) {
            case IS_VALUE: r = c == 0; break;
            case IS_BELOW: r = c < 0; break;
            case IS_ABOVE: r = c > 0; break;
            case IS_AT_LEAST: r = c >= 0; break;
            default: r = c <= 0; break;
            }
        }
    }
    return v_bool(x->u.is.neg ? !r : r);
}

/* Push a value for the scope of a query or `each`. */
static bool push(Eval *E, Value v)
{
    if (E->depth >= MAXENV)
        return false;
    E->env[E->depth++] = v;
    return true;
}

/* Queries over a list: count, any, no, all, sum, min, max, distinct, latest, earliest, where. */
static Value query(Eval *E, Expr *x)
{
    Value src = ev(E, x->u.query.src);
    if (src.k == V_MISSING)
        return src;
    List *l = src.u.list;
    QueryKind q = x->u.query.q;
    int count = 0, unknown = 0;
    const char *why = NULL;
    Num sum = num_int(0);
    Value best = v_missing("there are no rows to choose from");
    Value bestkey = {0};
    int nsel = 0, cap = 0;
    Value *sel = NULL;
    Value *seen = NULL;
    int nseen = 0;
    int limit = 0;
    if (x->u.query.limit) {
        Num n;
        num_parse(x->u.query.limit->u.num.text, &n);
        limit = (int)num_to_int(n);
    }
    for (int i = 0; i < l->n; i++) {
        Value item = l->items[i];
        if (!push(E, item))
            return v_missing("expression nested too deeply");
        int t = 1;
        if (x->u.query.where) {
            Value c = ev(E, x->u.query.where);
            t = truth(c);
            if (t < 0 && !why)
                why = c.u.why;
        }
        if (q == Q_ALL) {
            if (t == 0) {
                E->depth--;
                return v_bool(false);
            }
            if (t < 0)
                unknown++;
            E->depth--;
            continue;
        }
        if (t < 0) {
            unknown++;
            E->depth--;
            continue;
        }
        if (t == 0) {
            E->depth--;
            continue;
        }
        count++;
        Value of = {0};
        if (x->u.query.of) {
            of = ev(E, x->u.query.of);
            if (of.k == V_MISSING) {
                unknown++;
                if (!why)
                    why = of.u.why;
                E->depth--;
                continue;
            }
        }
        E->depth--;
        switch (q) {
        case Q_ANY:
            return v_bool(true);
        case Q_NONE:
            return v_bool(false);
        case Q_SUM:
            if (!num_add(sum, of.u.n, &sum))
                return v_missing("a sum is too large to compute exactly");
            break;
        case Q_MIN:
        case Q_MAX:
            if (best.k == V_MISSING || (q == Q_MIN ? value_cmp(of, best) < 0 : value_cmp(of, best) > 0))
                best = of;
            break;
        case Q_COUNT_DISTINCT: {
            bool dup = false;
            for (int k = 0; k < nseen && !dup; k++)
                dup = value_eq(seen[k], of);
            if (!dup) {
                if (nseen % 16 == 0) {
                    Value *ns = arena_alloc(E->a, (size_t)(nseen + 16) * sizeof *ns);
                    if (nseen)
                        memcpy(ns, seen, (size_t)nseen * sizeof *ns);
                    seen = ns;
                }
                seen[nseen++] = of;
            }
            break;
        }
        case Q_LATEST:
        case Q_EARLIEST:
        case Q_WHERE:
            if (nsel == cap) {
                cap = cap ? cap * 2 : 8;
                Value *ns = arena_alloc(E->a, (size_t)cap * sizeof *ns);
                if (nsel)
                    memcpy(ns, sel, (size_t)nsel * sizeof *ns);
                sel = ns;
            }
            sel[nsel++] = item;
            break;
        default:
            break;
        }
    }
    const char *uw = why ? why : "a condition could not be decided";
    switch (q) {
    case Q_COUNT:
        if (unknown)
            return MISSING("cannot count: %s", uw);
        return v_num(num_int(count));
    case Q_ANY:
        return unknown ? v_missing(uw) : v_bool(false);
    case Q_NONE:
        return unknown ? v_missing(uw) : v_bool(true);
    case Q_ALL:
        return unknown ? v_missing(uw) : v_bool(true);
    case Q_SUM:
        return unknown ? v_missing(uw) : v_num(sum);
    case Q_MIN:
    case Q_MAX:
        return unknown ? v_missing(uw) : best;
    case Q_COUNT_DISTINCT:
        return unknown ? v_missing(uw) : v_num(num_int(nseen));
    case Q_WHERE:
        if (unknown)
            return v_missing(uw);
        return mk_list(E, sel, nsel);
    case Q_LATEST:
    case Q_EARLIEST: {
        if (unknown)
            return v_missing(uw);
        /* order by the column, later rowid first among equals; rows with no value are left out */
        int bi = x->u.query.byindex;
        int m = 0;
        for (int i = 0; i < nsel; i++)
            if (sel[i].k == V_ROW && sel[i].u.row->cols[bi].k != V_MISSING)
                sel[m++] = sel[i];
        nsel = m;
        for (int i = 1; i < nsel; i++) {
            Value v = sel[i];
            int j = i - 1;
            while (j >= 0) {
                Value w = sel[j];
                int c = value_cmp(v.u.row->cols[bi], w.u.row->cols[bi]);
                if (q == Q_EARLIEST)
                    c = -c;
                if (c > 0 || (c == 0 && v.u.row->rowid > w.u.row->rowid)) {
                    sel[j + 1] = w;
                    j--;
                } else
                    break;
            }
            sel[j + 1] = v;
        }
        (void)bestkey;
        if (limit)
            return mk_list(E, sel, nsel < limit ? nsel : limit);
        if (nsel == 0) {
            Record *r = l->n && l->items[0].k == V_ROW ? l->items[0].u.row->rec : NULL;
            Expr *src = x->u.query.src;
            const char *what = src->kind == E_NAME ? src->u.name.name : src->kind == E_FIELD ? src->u.field.name : "rows";
            (void)r;
            return MISSING("there is no %s row%s as of this date", what, x->u.query.where ? " that matches" : "");
        }
        Row *r = sel[0].u.row;
        Field *bf = r->rec->fields.v[bi];
        note_fact(E, r, bf, r->cols[bi]);
        return sel[0];
    }
    }
    return v_missing("unknown query");
}

/* Built-in functions. */
static Value call(Eval *E, Expr *x)
{
    Vec *a = &x->u.call.args;
    switch (x->u.call.builtin) {
    case 0: { /* first_known */
        Value last = v_missing("no argument is known");
        for (int i = 0; i < a->n; i++) {
            Value v = ev(E, a->v[i]);
            if (v.k != V_MISSING)
                return v;
            last = v;
        }
        return last;
    }
    case 1:
    case 2: {
        Value best = {0};
        for (int i = 0; i < a->n; i++) {
            Value v = ev(E, a->v[i]);
            if (v.k == V_MISSING)
                return v;
            if (i == 0 || (x->u.call.builtin == 1 ? value_cmp(v, best) < 0 : value_cmp(v, best) > 0))
                best = v;
        }
        return best;
    }
    case 3:
    case 4: {
        Value d1, d2, miss;
        if (!known2(E, a->v[0], a->v[1], &d1, &d2, &miss))
            return miss;
        if (x->u.call.builtin == 3)
            return v_num(num_int(d2.u.d - d1.u.d));
        int n;
        if (!E->p->cal)
            return v_missing("working days need a calendar");
        if (calendar_working_days_between(E->p->cal, d1.u.d, d2.u.d, &n) != 0) {
            int y0, y1;
            calendar_years(E->p->cal, &y0, &y1);
            Value v = MISSING("working days between these dates reach beyond the years the %s calendar covers (%d-%d)",
                              calendar_name(E->p->cal), y0, y1);
            if (!E->bad)
                E->bad = v.u.why;
            return v;
        }
        return v_num(num_int(n));
    }
    default: {
        Value d = ev(E, a->v[0]);
        if (d.k == V_MISSING)
            return d;
        return v_num(num_int(date_weekday(d.u.d)));
    }
    }
}

/* Evaluate an expression in the current environment. */
static Value ev_inner(Eval *E, Expr *x)
{
    switch (x->kind) {
    case E_NUM: {
        Num n;
        num_parse(x->u.num.text, &n);
        return v_num(n);
    }
    case E_STR: return v_text(x->u.str.s);
    case E_DATE: return v_date(x->u.date.day);
    case E_BOOL: return v_bool(x->u.boolean.b);
    case E_MISSING: return v_missing("the policy gives no value here");
    case E_NAME: {
        if (x->u.name.code >= 0)
            return v_code(x->type->scale, x->u.name.code);
        Sym *s = x->u.name.sym;
        switch (s->kind) {
        case S_VAR: return s->slot < E->depth ? E->env[s->slot] : v_missing("no subject is selected");
        case S_PARAM: return E->params[s->slot];
        case S_ASOF: return v_date(E->as_of);
        case S_TABLE: {
            const char *bad = NULL;
            Value v = facts_table(E->facts, s->rec, E->a, &bad);
            if (bad && !E->bad)
                E->bad = bad;
            return v;
        }
        case S_LET:
            if (!s->decl->section)
                return global_value(E, s);
            return slot_value(E, s, NULL);
        case S_DECISION: return slot_value(E, s, NULL);
        default: return v_missing("not a value");
        }
    }
    case E_FIELD: {
        if (x->u.field.code >= 0)
            return v_code(x->type->scale, x->u.field.code);
        if (x->u.field.index == -3) {
            Explain ex = {0};
            Value st = slot_value(E, x->u.field.obj->u.name.sym, &ex);
            if (st.k == V_MISSING)
                return st;
            return ex.since.k == V_DATE ? ex.since : MISSING("the ladder does not say since when it is at `%s`", value_text(E->a, st));
        }
        Value o = ev(E, x->u.field.obj);
        if (o.k == V_MISSING)
            return o;
        if (o.k == V_ROW)
            return row_field(E, o.u.row, x->u.field.index);
        if (o.k == V_DEADLINE) {
            switch (x->u.field.index) {
            case 0: return o.u.dl->start;
            case 1: return o.u.dl->due;
            case 2: return o.u.dl->done;
            default: return v_code(E->p->status_scale, o.u.dl->status);
            }
        }
        if (o.k == V_QUORUM) {
            switch (x->u.field.index) {
            case 0: return v_bool(o.u.q->quorate);
            case 1: return v_num(num_int(o.u.q->present));
            default: return (Value){.k = V_LIST, .u.list = o.u.q->missing};
            }
        }
        return v_missing("no such field");
    }
    case E_CALL: return call(E, x);
    case E_UNARY: {
        Value a = ev(E, x->u.op.a);
        if (a.k == V_MISSING)
            return a;
        if (x->u.op.op == OP_NOT)
            return v_bool(!a.u.b);
        return v_num((Num){-a.u.n.n, a.u.n.d});
    }
    case E_BINARY: return binary(E, x);
    case E_IS: return is_form(E, x);
    case E_IN: {
        Value a, l, miss;
        if (!known2(E, x->u.in.a, x->u.in.b, &a, &l, &miss))
            return miss;
        for (int i = 0; i < l.u.list->n; i++)
            if (value_eq(a, l.u.list->items[i]))
                return v_bool(!x->u.in.neg);
        return v_bool(x->u.in.neg);
    }
    case E_WINDOW: {
        Value d, dur, miss;
        if (!known2(E, x->u.window.a, x->u.window.dur, &d, &dur, &miss))
            return miss;
        Value start = add_duration(E, E->as_of, dur, -1);
        if (start.k == V_MISSING)
            return start;
        return v_bool(d.u.d > start.u.d && d.u.d <= E->as_of);
    }
    case E_UNIT: {
        Value n = ev(E, x->u.unit.n);
        if (n.k == V_MISSING)
            return n;
        if (!num_is_int(n.u.n))
            return MISSING("a duration must be a whole number of units");
        Value v = {0};
        v.k = V_DUR;
        int64_t k = num_to_int(n.u.n);
        switch (x->u.unit.unit) {
        case U_WEEKS: v.u.dur.n = k * 7; v.u.dur.unit = U_DAYS; break;
        case U_YEARS: v.u.dur.n = k * 12; v.u.dur.unit = U_MONTHS; break;
        default: v.u.dur.n = k; v.u.dur.unit = x->u.unit.unit; break;
        }
        if (k > 100000 || k < -100000)
            return MISSING("a duration of %lld units is out of range", (long long)k);
        return v;
    }
    case E_LIST: {
        int n = x->u.list.items.n, m = 0;
        Value *items = arena_alloc(E->a, (size_t)(n + 1) * sizeof *items);
        for (int i = 0; i < n; i++) {
            Expr *c = x->u.list.conds.v[i];
            if (c) {
                Value cv = ev(E, c);
                if (cv.k == V_MISSING)
                    return cv;
                if (!cv.u.b)
                    continue;
            }
            items[m++] = ev(E, x->u.list.items.v[i]);
        }
        return mk_list(E, items, m);
    }
    case E_IF: {
        Value c = ev(E, x->u.cond.c);
        if (c.k == V_MISSING)
            return c;
        return ev(E, c.u.b ? x->u.cond.t : x->u.cond.e);
    }
    case E_QUERY: return query(E, x);
    case E_EACH: {
        Value src = ev(E, x->u.each.src);
        if (src.k == V_MISSING)
            return src;
        List *l = src.u.list;
        Value *items = arena_alloc(E->a, (size_t)(l->n + 1) * sizeof *items);
        int m = 0;
        for (int i = 0; i < l->n; i++) {
            if (x->u.each.where) {
                if (!push(E, l->items[i]))
                    return v_missing("expression nested too deeply");
                Value c = ev(E, x->u.each.where);
                E->depth--;
                if (c.k == V_MISSING)
                    return c;
                if (!c.u.b)
                    continue;
            }
            items[m++] = l->items[i];
        }
        return mk_list(E, items, m);
    }
    case E_HOWMANY: {
        int yes = 0;
        const char *why = NULL;
        for (int i = 0; i < x->u.howmany.items.n; i++) {
            Expr *it = x->u.howmany.items.v[i];
            Value c = ev(E, it);
            if (E->explain && E->facts_used && it->kind == E_NAME)
                vec_push(E->a, E->facts_used, arena_printf(E->a, "sign %s %s", it->u.name.name,
                                                           c.k == V_MISSING ? "is undetermined" : c.u.b ? "holds" : "does not hold"));
            if (c.k == V_MISSING && !why)
                why = c.u.why;
            else if (c.k == V_BOOL && c.u.b)
                yes++;
        }
        if (why)
            return v_missing(why);
        return v_num(num_int(yes));
    }
    }
    return v_missing("unknown expression");
}

/* Evaluate an expression, refusing nesting (through definitions) too deep for the stack. */
static Value ev(Eval *E, Expr *x)
{
    if (E->nest >= MAXNEST)
        return v_missing("the policy's definitions nest too deeply to evaluate");
    E->nest++;
    Value v = ev_inner(E, x);
    E->nest--;
    return v;
}

/* Where (line, col) falls in a source file's text (columns count characters). */
static const char *source_pos(SourceFile *f, int line, int col)
{
    const char *p = source_line(f, line), *end = f->src + f->len;
    if (!p)
        return NULL;
    for (int c = 1; c < col && p < end && *p != '\n'; p++)
        if (((unsigned char)p[1] & 0xC0) != 0x80)
            c++;
    return p;
}

/* The source text of a branch, on one line, for explanations. */
static const char *branch_text(Eval *E, Decl *d, Loc loc)
{
    SourceFile *f = d->file;
    if (!f || !f->src)
        return "";
    const char *p = source_pos(f, loc.line, loc.col), *q = source_pos(f, loc.end_line, loc.end_col);
    if (!p || !q || q < p)
        return "";
    /* collapse whitespace, drop the cite and comments */
    char buf[512];
    size_t n = 0;
    bool sp = false, comment = false;
    for (const char *s = p; s < q && n < sizeof buf - 1; s++) {
        if (*s == '#')
            comment = true;
        if (*s == '\n')
            comment = false;
        if (comment)
            continue;
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            sp = n > 0;
            continue;
        }
        if (sp)
            buf[n++] = ' ';
        sp = false;
        buf[n++] = *s;
    }
    buf[n] = 0;
    char *c = strstr(buf, " cite \"");
    if (c)
        *c = 0;
    return arena_strdup(E->a, buf);
}

/* Evaluate a decide / deadline / quorum / ladder for the current subject. */
static Value decide(Eval *E, Decl *d, Explain *why)
{
    Program *p = E->p;
    why->cite = d->u.dec.cite;
    switch (d->kind) {
    case D_DECIDE:
    case D_LADDER: {
        Vec *bs = &d->u.dec.branches;
        int order[256];
        int n = bs->n < 256 ? bs->n : 256;
        for (int i = 0; i < n; i++)
            order[i] = i;
        if (d->kind == D_LADDER) {
            /* highest stage first; the otherwise stage last */
            for (int i = 1; i < n; i++) {
                int v = order[i], j = i - 1;
                Branch *bv = bs->v[v];
                while (j >= 0) {
                    Branch *bj = bs->v[order[j]];
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
        for (int i = 0; i < n; i++) {
            Branch *b = bs->v[order[i]];
            if (b->cond) {
                Value c = ev(E, b->cond);
                if (c.k == V_MISSING) {
                    why->branch = branch_text(E, d, b->loc);
                    why->cite = b->cite ? b->cite : d->u.dec.cite;
                    return MISSING("cannot tell whether `%s` applies: %s", why->branch, c.u.why);
                }
                if (!c.u.b)
                    continue;
            }
            why->branch = E->explain ? branch_text(E, d, b->loc) : NULL;
            why->cite = b->cite ? b->cite : d->u.dec.cite;
            b->used = true;
            if (d->kind == D_LADDER) {
                why->since = v_missing("no `since` date");
                if (b->since) {
                    Value since = ev(E, b->since);
                    why->since = since;
                    if (since.k == V_DATE && E->explain) {
                        char ds[16];
                        date_format(since.u.d, ds);
                        why->branch = arena_printf(E->a, "%s (since %s)", why->branch, ds);
                    }
                }
                return v_code(d->type->scale, b->value->u.name.code);
            }
            Value v = ev(E, b->value);
            if (b->value->kind == E_MISSING)
                v = MISSING("the policy leaves `%s` undetermined: %s", d->name,
                            why->branch ? why->branch : branch_text(E, d, b->loc));
            if (v.k == V_CODE && !v.scale)
                v.scale = d->type->scale;
            return v;
        }
        return v_missing("no branch applies");
    }
    case D_DEADLINE: {
        why->branch = arena_printf(E->a, "deadline %s", d->name);
        Deadline *dl = arena_alloc(E->a, sizeof *dl);
        Value sv = {0};
        if (d->u.dec.suspended) {
            sv = ev(E, d->u.dec.suspended);
            if (sv.k == V_MISSING)
                return MISSING("cannot tell whether the deadline is suspended: %s", sv.u.why);
            if (sv.u.b) {
                dl->start = dl->due = dl->done = v_missing("suspended");
                dl->status = ST_SUSPENDED;
                why->branch = "suspended";
                d->cover |= 2;
                return (Value){.k = V_DEADLINE, .u.dl = dl};
            }
        }
        Value from = ev(E, d->u.dec.from);
        if (from.k == V_MISSING)
            return MISSING("no start date: %s", from.u.why);
        dl->start = from;
        if (d->u.dec.within) {
            Value w = ev(E, d->u.dec.within);
            if (w.k == V_MISSING)
                return w;
            dl->due = add_duration(E, from.u.d, w, 1);
        } else {
            dl->due = ev(E, d->u.dec.due);
        }
        if (dl->due.k == V_MISSING)
            return MISSING("no due date: %s", dl->due.u.why);
        dl->done = d->u.dec.done ? ev(E, d->u.dec.done) : v_missing("not done");
        if (dl->done.k == V_DATE && dl->done.u.d > E->as_of)
            dl->done = v_missing("done after the as-of date");
        d->cover |= 1;
        if (dl->done.k == V_DATE)
            dl->status = dl->done.u.d <= dl->due.u.d ? ST_MET : ST_LATE;
        else
            dl->status = E->as_of <= dl->due.u.d ? ST_PENDING : ST_OVERDUE;
        return (Value){.k = V_DEADLINE, .u.dl = dl};
    }
    case D_QUORUM: {
        why->branch = arena_printf(E->a, "quorum %s", d->name);
        Value ml = ev(E, d->u.dec.members);
        if (ml.k == V_MISSING)
            return ml;
        List *l = ml.u.list;
        Value *persons = arena_alloc(E->a, (size_t)(l->n + 1) * sizeof *persons);
        Value *roles = arena_alloc(E->a, (size_t)(l->n + 1) * sizeof *roles);
        int np = 0, nr = 0;
        for (int i = 0; i < l->n; i++) {
            if (!push(E, l->items[i]))
                return v_missing("expression nested too deeply");
            Value who = ev(E, d->u.dec.counting);
            Value role = ev(E, d->u.dec.from);
            E->depth--;
            if (who.k == V_MISSING)
                return who;
            bool dup = false;
            for (int k = 0; k < np && !dup; k++)
                dup = value_eq(persons[k], who);
            if (!dup)
                persons[np++] = who;
            if (role.k != V_MISSING)
                roles[nr++] = role;
        }
        Quorum *q = arena_alloc(E->a, sizeof *q);
        q->present = np;
        Value *miss = arena_alloc(E->a, (size_t)(d->u.dec.roles.n + 1) * sizeof *miss);
        int nm = 0;
        Decl *rs = d->type->elem && d->type->elem->kind == T_CODE ? d->type->elem->scale : NULL;
        for (int i = 0; rs && i < d->u.dec.roles.n; i++) {
            int c = scale_index(rs, d->u.dec.roles.v[i]);
            bool found = false;
            for (int k = 0; k < nr && !found; k++)
                found = roles[k].u.code == c;
            if (!found)
                miss[nm++] = v_code(rs, c);
        }
        q->missing = mk_list(E, miss, nm).u.list;
        Value min = ev(E, d->u.dec.minimum);
        if (min.k == V_MISSING)
            return min;
        bool ok = num_cmp(num_int(np), min.u.n) >= 0 && nm == 0;
        if (d->u.dec.k_of && rs) {
            Value k = ev(E, d->u.dec.k_of);
            if (k.k == V_MISSING)
                return k;
            int have = 0;
            for (int i = 0; i < d->u.dec.k_roles.n; i++) {
                int c = scale_index(rs, d->u.dec.k_roles.v[i]);
                for (int j = 0; j < nr; j++)
                    if (roles[j].u.code == c) {
                        have++;
                        break;
                    }
            }
            ok = ok && num_cmp(num_int(have), k.u.n) >= 0;
        }
        if (d->u.dec.requiring) {
            Value r = ev(E, d->u.dec.requiring);
            if (r.k == V_MISSING)
                return r;
            ok = ok && r.u.b;
        }
        q->quorate = ok;
        d->cover |= ok ? 1 : 2;
        (void)p;
        return (Value){.k = V_QUORUM, .u.q = q};
    }
    default:
        return v_missing("not a decision");
    }
}

/* The value of a subject's let or decision, computed once per subject, and why it has it. */
static Value slot_value(Eval *E, Sym *s, Explain *why)
{
    int k = s->slot;
    if (k >= E->nmemo)
        return v_missing("no subject is selected");
    if (E->mstate[k] == 2) {
        if (why)
            *why = E->mwhy[k];
        else if (E->explain && E->facts_used && s->kind == S_DECISION && E->facts_used->n < 40)
            vec_push(E->a, E->facts_used, arena_printf(E->a, "%s = %s", s->name, value_json(E->a, E->memo[k])));
        else if (E->explain && E->facts_used && s->kind == S_LET)
            for (int i = 0; i < E->mwhy[k].facts.n && E->facts_used->n < 40; i++) {
                bool dup = false;
                for (int j = 0; j < E->facts_used->n && !dup; j++)
                    dup = !strcmp(E->facts_used->v[j], E->mwhy[k].facts.v[i]);
                if (!dup)
                    vec_push(E->a, E->facts_used, E->mwhy[k].facts.v[i]);
            }
        return E->memo[k];
    }
    if (E->mstate[k] == 1)
        return v_missing("a definition depends on itself");
    E->mstate[k] = 1;
    int saved = E->depth;
    E->depth = E->subject ? 1 : 0;
    Value v;
    Explain ex = {0};
    Vec *outer = E->facts_used;
    E->facts_used = &ex.facts;
    if (s->kind == S_LET)
        v = ev(E, s->decl->u.let.def);
    else
        v = decide(E, s->decl, &ex);
    if (outer)
        for (int i = 0; i < ex.facts.n; i++)
            vec_push(E->a, outer, ex.facts.v[i]);
    E->facts_used = outer;
    E->depth = saved;
    E->memo[k] = v;
    E->mwhy[k] = ex;
    E->mstate[k] = 2;
    if (!why && E->explain && E->facts_used && s->kind == S_DECISION && E->facts_used->n < 40)
        vec_push(E->a, E->facts_used, arena_printf(E->a, "%s = %s", s->name, value_json(E->a, v)));
    if (why)
        *why = ex;
    return v;
}

/* The value of the section's `where` for the current subject; true when it has none. */
Value eval_filter(Eval *E)
{
    Expr *w = E->sect ? E->sect->decl->u.sect.where : NULL;
    if (!w)
        return v_bool(true);
    return ev(E, w);
}

/* The value of output declaration d for the current subject, and why it has it. */
Value eval_output(Eval *E, Decl *d, Explain *why)
{
    Explain ex = {0};
    Value v = slot_value(E, d->sym, &ex);
    if (why)
        *why = ex;
    return v;
}

/* Evaluate an expression typed at the REPL for the current subject, if any. */
Value eval_expr_value(Eval *E, Expr *x)
{
    return ev(E, x);
}
