/* eval_expr.c: evaluating expressions: Kleene logic, exact arithmetic,
   dates and durations, names, fields of rows, lists, built-in functions. */
#include <string.h>
#include "eval_int.h"

REASON(not_a_value, "not a value");
REASON(no_field, "no such field");
REASON(no_calendar, "working days need a calendar");
REASON(div_zero, "division by zero");
REASON(too_large, "a number is too large to compute exactly");
REASON(none_known, "no argument is known");
REASON(whole_units, "a duration must be a whole number of units");
REASON(unknown_expr, "unknown expression");

/* Kleene truth: 1 true, 0 false, -1 unknown. */
int ev_truth(Value v)
{
    if (value_na(v))
        return 0;   /* a rule that does not apply does not hold */
    return v.k == V_BOOL ? v.u.b : -1;
}

/* Evaluate two operands; false (with *miss the first missing one) unless both are known. */
static bool ev_known2(Eval *E, const Expr *x, const Expr *y, Value *a, Value *b, Value *miss)
{
    *a = ev(E, x);
    *b = ev(E, y);
    *miss = a->k == V_MISSING ? *a : *b;
    return a->k != V_MISSING && b->k != V_MISSING;
}

/* Push a value for the scope of a query or `each`. */
bool ev_push(Eval *E, Value v)
{
    if (E->depth >= QPL_MAX_SCOPES)
        return false;
    E->env[E->depth++] = v;
    return true;
}

/* The reason working days cannot be counted past the calendar's years (bad input). */
static Value beyond_calendar(Eval *E, const char *what)
{
    int y0, y1;
    calendar_years(E->p->cal, &y0, &y1);
    Value v = MISSING("working days %s reach beyond the years the %s calendar covers (%d-%d)", what,
                      calendar_name(E->p->cal), y0, y1);
    ev_fault(E, FAULT_DATA, v.u.why->text);
    return v;
}

/* date + duration, or a reason why it cannot be computed (also when the
   date would leave the years qpl handles, 0001 to 9999). */
Value ev_add_duration(Eval *E, qdate d, Value dur, int sign)
{
    int64_t n = dur.u.dur.n * sign;
    qdate out;
    switch (dur.u.dur.unit) {
    case U_MONTHS:
        out = date_add_months(d, (int)n);
        break;
    case U_WORKING_DAYS:
        if (!E->p->cal)
            return v_missing(&no_calendar);
        if (calendar_add_working_days(E->p->cal, d, (int)n, &out) != 0) {
            char ds[16];
            date_format(d, ds);
            return beyond_calendar(E, arena_printf(E->a, "from %s", ds));
        }
        break;
    default:
        out = (qdate)(d + n);
        break;
    }
    if (!date_in_range(out))
        return MISSING("the date would be %s, the %s date qpl handles", out > d ? "after 9999-12-31" : "before 0001-01-01",
                       out > d ? "last" : "first");
    return v_date(out);
}

/* The value of a computed field of row r, evaluated with the row alone in scope. */
static Value computed_field(Eval *E, Row *r, const Field *f)
{
    int i = f->index;
    if (!r->persistent && r->loaded[i])
        return r->cols[i];
    EvScope sc;
    ev_scope_enter(E, &sc, 0);
    E->env[E->depth++] = v_row(r);
    Value v = ev(E, f->expr);
    ev_scope_leave(E, &sc, 0);
    if (!r->persistent) {
        r->cols[i] = v;
        r->loaded[i] = 1;
    }
    return v;
}

/* The value of a field of row r: a column, a link, or a computed field. */
static Value row_field(Eval *E, Row *r, const Field *f)
{
    switch (f->kind) {
    case FIELD_COLUMN:
        ev_note_fact(E, r, f, r->cols[f->index]);
        return r->cols[f->index];
    case FIELD_COMPUTED:
        return computed_field(E, r, f);
    default: {
        Fault fault = {FAULT_NONE, NULL};
        Value v = facts_link(E->facts, r, f, E->a, &fault);
        if (fault.kind != FAULT_NONE)
            ev_fault(E, fault.kind, fault.msg);
        return v;
    }
    }
}

/* Every row of a record's table, read once for the run. */
static Value whole_table(Eval *E, const Record *r)
{
    Fault fault = {FAULT_NONE, NULL};
    Value v = facts_table(E->facts, r, &fault);
    if (fault.kind != FAULT_NONE)
        ev_fault(E, fault.kind, fault.msg);
    return v;
}

/* The value a name stands for. */
static Value eval_name(Eval *E, const Expr *x)
{
    if (x->u.name.code >= 0)
        return v_code(x->type->scale, x->u.name.code);
    const Sym *s = x->u.name.sym;
    switch (s->kind) {
    case S_VAR: return s->slot < E->depth ? E->env[s->slot] : v_missing(&ev_no_subject);
    case S_PARAM: return E->params[s->slot];
    case S_ASOF: return v_date(E->as_of);
    case S_TABLE: return whole_table(E, s->rec);
    case S_LET:
    case S_DECISION: return ev_slot(E, s, NULL);
    default: return v_missing(&not_a_value);
    }
}

/* The date a ladder's stage was entered, when the stage says. */
static Value ladder_since(Eval *E, const Expr *x)
{
    Explain ex = {0};
    Value st = ev_slot(E, x->u.field.obj->u.name.sym, &ex);
    if (st.k == V_MISSING)
        return st;
    if (ex.since.k == V_DATE)
        return ex.since;
    return MISSING("the ladder does not say since when it is at `%s`",
                   (const char *)st.scale->u.scale.values.v[st.u.code]);
}

/* A part of a deadline or quorum. */
static Value value_part(Eval *E, Value o, Part part)
{
    switch (part) {
    case P_START: return o.u.dl->start;
    case P_DUE: return o.u.dl->due;
    case P_DONE: return o.u.dl->done;
    case P_STATUS: return value_status(E->p, o.u.dl);
    case P_QUORATE: return v_bool(o.u.q->quorate);
    case P_PRESENT: return v_num(num_int(o.u.q->present));
    case P_MISSING_ROLES: return v_list(o.u.q->missing);
    default: return v_missing(&no_field);
    }
}

/* The value of `obj.name`: a scale value, a ladder's since, a row's field, a part. */
static Value eval_field(Eval *E, const Expr *x)
{
    if (x->u.field.code >= 0)
        return v_code(x->type->scale, x->u.field.code);
    if (x->u.field.part == P_SINCE)
        return ladder_since(E, x);
    Value o = ev(E, x->u.field.obj);
    if (o.k == V_MISSING)
        return o;
    if (o.k == V_ROW && x->u.field.decision)
        return ev_row_decision(E, o.u.row, x->u.field.decision);
    if (o.k == V_ROW)
        return row_field(E, o.u.row, x->u.field.field);
    if ((o.k == V_DEADLINE || o.k == V_QUORUM) && x->u.field.part >= 0)
        return value_part(E, o, (Part)x->u.field.part);
    return v_missing(&no_field);
}

/* `and` and `or` in Kleene's three-valued logic. */
static Value logic(Eval *E, const Expr *x)
{
    Op op = x->u.op.op;
    Value a = ev(E, x->u.op.a);
    int ta = ev_truth(a);
    if (op == OP_AND && ta == 0)
        return v_bool(false);
    if (op == OP_OR && ta == 1)
        return v_bool(true);
    Value b = ev(E, x->u.op.b);
    int tb = ev_truth(b);
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

/* A comparison of two known values. */
static Value compare(Op op, Value a, Value b)
{
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

/* Arithmetic on two known numbers. */
static Value arith(Eval *E, Op op, Num a, Num b)
{
    (void)E;
    Num r;
    bool ok;
    switch (op) {
    case OP_ADD: ok = num_add(a, b, &r); break;
    case OP_SUB: ok = num_sub(a, b, &r); break;
    case OP_MUL: ok = num_mul(a, b, &r); break;
    default:
        if (b.n == 0)
            return v_missing(&div_zero);
        ok = num_div(a, b, &r);
        break;
    }
    return ok ? v_num(r) : v_missing(&too_large);
}

/* Binary operators, with missing values propagated. */
static Value binary(Eval *E, const Expr *x)
{
    Op op = x->u.op.op;
    if (op == OP_AND || op == OP_OR)
        return logic(E, x);
    Value a, b, miss;
    if (!ev_known2(E, x->u.op.a, x->u.op.b, &a, &b, &miss))
        return miss;
    if (op >= OP_EQ)
        return compare(op, a, b);
    if (a.k == V_DATE && b.k == V_DUR)
        return ev_add_duration(E, a.u.d, b, op == OP_SUB ? -1 : 1);
    if (a.k == V_DUR && b.k == V_DUR) {
        Value r = a;
        r.u.dur.n = op == OP_SUB ? a.u.dur.n - b.u.dur.n : a.u.dur.n + b.u.dur.n;
        return r;
    }
    return arith(E, op, a.u.n, b.u.n);
}

/* `x is ...` forms: definite answers, never missing. */
static Value is_form(Eval *E, const Expr *x)
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
                a = value_status(E->p, a.u.dl);
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

/* first_known, min and max of the arguments. */
static Value call_pick(Eval *E, const Expr *x, Builtin b)
{
    const Vec *a = &x->u.call.args;
    if (b == B_FIRST_KNOWN) {
        Value last = v_missing(&none_known);
        for (int i = 0; i < a->n; i++) {
            Value v = ev(E, a->v[i]);
            if (v.k != V_MISSING)
                return v;
            last = v;
        }
        return last;
    }
    Value best = {0};
    for (int i = 0; i < a->n; i++) {
        Value v = ev(E, a->v[i]);
        if (v.k == V_MISSING)
            return v;
        if (i == 0 || (b == B_MIN ? value_cmp(v, best) < 0 : value_cmp(v, best) > 0))
            best = v;
    }
    return best;
}

/* Built-in functions. */
static Value call(Eval *E, const Expr *x)
{
    const Vec *a = &x->u.call.args;
    Builtin b = (Builtin)x->u.call.builtin;
    switch (b) {
    case B_FIRST_KNOWN:
    case B_MIN:
    case B_MAX:
        return call_pick(E, x, b);
    case B_DAYS_BETWEEN:
    case B_WORKING_DAYS_BETWEEN: {
        Value d1, d2, miss;
        if (!ev_known2(E, a->v[0], a->v[1], &d1, &d2, &miss))
            return miss;
        if (b == B_DAYS_BETWEEN)
            return v_num(num_int(d2.u.d - d1.u.d));
        int n;
        if (!E->p->cal)
            return v_missing(&no_calendar);
        if (calendar_working_days_between(E->p->cal, d1.u.d, d2.u.d, &n) != 0)
            return beyond_calendar(E, "between these dates");
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

/* `n unit`: a duration of the unit's kind. */
static Value duration(Eval *E, const Expr *x)
{
    Value n = ev(E, x->u.unit.n);
    if (n.k == V_MISSING)
        return n;
    if (!num_is_int(n.u.n))
        return v_missing(&whole_units);
    int64_t k = num_to_int(n.u.n);
    if (k > 100000 || k < -100000)
        return MISSING("a duration of %lld units is out of range", (long long)k);
    const UnitInfo *u = &lang_units[x->u.unit.unit];
    Value v = {0};
    v.k = V_DUR;
    v.u.dur.n = k * u->factor;
    v.u.dur.unit = u->kind;
    return v;
}

/* A list literal: its items whose conditions hold. */
static Value list_literal(Eval *E, const Expr *x)
{
    int n = x->u.list.items.n, m = 0;
    Value *items = arena_array(E->a, (size_t)n + 1, sizeof *items);
    for (int i = 0; i < n; i++) {
        const Expr *c = x->u.list.conds.v[i];
        if (c) {
            Value cv = ev(E, c);
            if (cv.k == V_MISSING)
                return cv;
            if (!cv.u.b)
                continue;
        }
        items[m++] = ev(E, x->u.list.items.v[i]);
    }
    return value_list(E->a, items, m);
}

/* `each x in L where c`: the rows of L for which c holds. */
static Value each(Eval *E, const Expr *x)
{
    Value src = ev(E, x->u.each.src);
    if (src.k == V_MISSING)
        return src;
    List *l = src.u.list;
    Value *items = arena_array(E->a, (size_t)l->n + 1, sizeof *items);
    int m = 0;
    for (int i = 0; i < l->n; i++) {
        if (x->u.each.where) {
            if (!ev_push(E, l->items[i]))
                return v_missing(&ev_too_deep);
            Value c = ev(E, x->u.each.where);
            E->depth--;
            if (c.k == V_MISSING)
                return c;
            if (!c.u.b)
                continue;
        }
        items[m++] = l->items[i];
    }
    return value_list(E->a, items, m);
}

/* `how many of (...)`: how many of its conditions hold (missing if one is missing). */
static Value how_many(Eval *E, const Expr *x)
{
    int yes = 0;
    const Value *miss = NULL;
    Value first_missing = {0};
    for (int i = 0; i < x->u.howmany.items.n; i++) {
        const Expr *it = x->u.howmany.items.v[i];
        Value c = ev(E, it);
        if (it->kind == E_NAME)
            ev_note_use(E, USE_SIGN, it->u.name.sym, c);
        if (c.k == V_MISSING && !miss) {
            first_missing = c;
            miss = &first_missing;
        } else if (c.k == V_BOOL && c.u.b) {
            yes++;
        }
    }
    return miss ? *miss : v_num(num_int(yes));
}

/* `x in list`. */
static Value member(Eval *E, const Expr *x)
{
    Value a, l, miss;
    if (!ev_known2(E, x->u.in.a, x->u.in.b, &a, &l, &miss))
        return miss;
    for (int i = 0; i < l.u.list->n; i++)
        if (value_eq(a, l.u.list->items[i]))
            return v_bool(!x->u.in.neg);
    return v_bool(x->u.in.neg);
}

/* `d in last DURATION`: as_of - DURATION < d <= as_of. */
static Value window(Eval *E, const Expr *x)
{
    Value d, dur, miss;
    if (!ev_known2(E, x->u.window.a, x->u.window.dur, &d, &dur, &miss))
        return miss;
    Value start = ev_add_duration(E, E->as_of, dur, -1);
    if (start.k == V_MISSING)
        return start;
    return v_bool(d.u.d > start.u.d && d.u.d <= E->as_of);
}

/* `not c` and `-n`. */
static Value unary(Eval *E, const Expr *x)
{
    Value a = ev(E, x->u.op.a);
    if (a.k == V_MISSING)
        return a;
    return x->u.op.op == OP_NOT ? v_bool(!a.u.b) : v_num((Num){-a.u.n.n, a.u.n.d});
}

/* `if c then a else b` (missing when c is). */
static Value if_then(Eval *E, const Expr *x)
{
    Value c = ev(E, x->u.cond.c);
    return c.k == V_MISSING ? c : ev(E, c.u.b ? x->u.cond.t : x->u.cond.e);
}

/* A number, as written (its value as the checker found it). */
static Value number(Eval *E, const Expr *x)
{
    (void)E;
    Num n = {x->u.num.n, x->u.num.d};
    if (!x->u.num.checked)
        num_parse(x->u.num.text, &n);
    return v_num(n);
}

/* A text, as written. */
static Value string(Eval *E, const Expr *x)
{
    (void)E;
    return v_text(x->u.str.s);
}

/* A date, as written. */
static Value date_literal(Eval *E, const Expr *x)
{
    (void)E;
    return v_date(x->u.date.day);
}

/* `true` or `false`. */
static Value bool_literal(Eval *E, const Expr *x)
{
    (void)E;
    return v_bool(x->u.boolean.b);
}

/* `missing`, and what has no value (`not applicable`, which the checker
   allows only as a branch's value). */
static Value no_value(Eval *E, const Expr *x)
{
    (void)E;
    return v_missing(x->kind == E_MISSING ? &ev_given_none : &unknown_expr);
}

/* How each kind of expression is evaluated. Called through this table, each
   has a frame of its own, so that the common ones (names, fields, operators)
   do not pay for the locals of the rare ones. */
Value (*const ev_kind[])(Eval *E, const Expr *x) = {
    [E_NUM] = number,       [E_STR] = string,       [E_DATE] = date_literal, [E_BOOL] = bool_literal,
    [E_MISSING] = no_value, [E_NAME] = eval_name,   [E_FIELD] = eval_field,  [E_CALL] = call,
    [E_UNARY] = unary,      [E_BINARY] = binary,    [E_IS] = is_form,        [E_IN] = member,
    [E_WINDOW] = window,    [E_UNIT] = duration,    [E_LIST] = list_literal, [E_IF] = if_then,
    [E_QUERY] = ev_query,   [E_EACH] = each,        [E_HOWMANY] = how_many,  [E_NA] = no_value,
};
_Static_assert(sizeof ev_kind / sizeof *ev_kind == E_NA + 1, "every kind of expression is evaluated");

/* The run stops: the policy's definitions nest too deeply. */
Value ev_nested_too_deeply(Eval *E)
{
    ev_fault(E, FAULT_LIMIT, arena_printf(E->a, "the policy's definitions nest more deeply than the %d levels qpl "
                                                 "evaluates", QPL_MAX_NESTING));
    return MISSING("the policy's definitions nest too deeply to evaluate");
}
