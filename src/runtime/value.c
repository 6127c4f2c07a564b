/* value.c: comparing values, building lists, and making reasons. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "value.h"

/* Whether two values are equal; missing values, deadlines and quorums never are. */
bool value_eq(Value a, Value b)
{
    if (a.k != b.k)
        return false;
    switch (a.k) {
    case V_BOOL: return a.u.b == b.u.b;
    case V_NUM: return num_cmp(a.u.n, b.u.n) == 0;
    case V_TEXT: return strcmp(a.u.s, b.u.s) == 0;
    case V_DATE: return a.u.d == b.u.d;
    case V_DUR: return a.u.dur.n == b.u.dur.n && a.u.dur.unit == b.u.dur.unit;
    case V_CODE: return a.u.code == b.u.code;
    case V_ROW: return a.u.row == b.u.row || (a.u.row->rowid == b.u.row->rowid && a.u.row->rec == b.u.row->rec);
    case V_LIST:
        if (a.u.list->n != b.u.list->n)
            return false;
        for (int i = 0; i < a.u.list->n; i++)
            if (!value_eq(a.u.list->items[i], b.u.list->items[i]))
                return false;
        return true;
    default: return false;
    }
}

/* Compare two values of the same ordered type: negative, zero or positive. */
int value_cmp(Value a, Value b)
{
    switch (a.k) {
    case V_NUM: return num_cmp(a.u.n, b.u.n);
    case V_DATE: return (a.u.d > b.u.d) - (a.u.d < b.u.d);
    case V_DUR: return (a.u.dur.n > b.u.dur.n) - (a.u.dur.n < b.u.dur.n);
    case V_CODE: return (a.u.code > b.u.code) - (a.u.code < b.u.code);
    case V_TEXT: return strcmp(a.u.s, b.u.s);
    case V_BOOL: return (int)a.u.b - (int)b.u.b;
    default: return 0;
    }
}

/* A list value holding a copy of n items. */
Value value_list(Arena *a, const Value *items, int n)
{
    List *l = arena_alloc(a, sizeof *l);
    l->n = n;
    l->items = arena_array(a, (size_t)n + 1, sizeof *items);
    if (n)
        memcpy(l->items, items, (size_t)n * sizeof *items);
    return v_list(l);
}

/* A deadline's status, as a value of the built-in status scale. */
Value value_status(const Program *p, const Deadline *dl)
{
    return v_code(p->status_scale, (int)dl->status);
}

/* A reason with formatted text. */
const Reason *reason_text(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *text = arena_alloc(a, (size_t)(n > 0 ? n : 0) + 1);
    va_start(ap, fmt);
    vsnprintf(text, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
    va_end(ap);
    Reason *r = arena_alloc(a, sizeof *r);
    r->kind = R_TEXT;
    r->text = text;
    return r;
}

/* A reason that is a prefix followed by another reason. */
const Reason *reason_wrap(Arena *a, const char *prefix, const Reason *inner)
{
    Reason *r = arena_alloc(a, sizeof *r);
    r->kind = R_WRAP;
    r->text = prefix;
    r->inner = inner;
    return r;
}

/* A reason about one field of one row. */
const Reason *reason_field(Arena *a, ReasonKind k, const Row *row, const Field *field)
{
    Reason *r = arena_alloc(a, sizeof *r);
    r->kind = k;
    r->row = row;
    r->field = field;
    return r;
}
