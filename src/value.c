/* value.c: printing and comparing runtime values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "value.h"

/* Append a JSON string literal for s to buf. */
static void json_str(char *buf, size_t size, size_t *len, const char *s)
{
    size_t n = *len;
    if (n < size)
        buf[n++] = '"';
    for (; *s && n + 8 < size; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            buf[n++] = '\\';
            buf[n++] = (char)c;
        } else if (c < 0x20) {
            n += (size_t)snprintf(buf + n, size - n, "\\u%04x", c);
        } else {
            buf[n++] = (char)c;
        }
    }
    if (n < size)
        buf[n++] = '"';
    buf[n < size ? n : size - 1] = 0;
    *len = n;
}

/* A duration as written in a policy: "1 month", "10 working days". */
static void dur_text(Value v, char *buf, size_t size)
{
    static const char *const units[] = {"day", "working day", "week", "month", "year"};
    snprintf(buf, size, "%lld %s%s", (long long)v.u.dur.n, units[v.u.dur.unit], v.u.dur.n == 1 ? "" : "s");
}

/* Order for sorting list items in output: by value, rows by key. */
static int sort_cmp(const void *a, const void *b)
{
    const Value *x = a, *y = b;
    if (x->k != y->k)
        return (x->k > y->k) - (x->k < y->k);
    if (x->k == V_ROW)
        return strcmp(x->u.row->key ? x->u.row->key : "", y->u.row->key ? y->u.row->key : "");
    return value_cmp(*x, *y);
}

/* JSON of a value into buf, appending at *len. */
static void json_into(char *buf, size_t size, size_t *len, Value v)
{
    char tmp[64];
    switch (v.k) {
    case V_MISSING: *len += (size_t)snprintf(buf + *len, size - *len, "null"); break;
    case V_BOOL: *len += (size_t)snprintf(buf + *len, size - *len, v.u.b ? "true" : "false"); break;
    case V_NUM:
        num_format(v.u.n, tmp, sizeof tmp);
        *len += (size_t)snprintf(buf + *len, size - *len, "%s", tmp);
        break;
    case V_TEXT: json_str(buf, size, len, v.u.s); break;
    case V_DATE:
        date_format(v.u.d, tmp);
        *len += (size_t)snprintf(buf + *len, size - *len, "\"%s\"", tmp);
        break;
    case V_DUR: {
        char d[48];
        dur_text(v, d, sizeof d);
        *len += (size_t)snprintf(buf + *len, size - *len, "\"%s\"", d);
        break;
    }
    case V_CODE: json_str(buf, size, len, v.scale->u.scale.values.v[v.u.code]); break;
    case V_LIST: {
        /* codes keep the policy's order; other lists are sorted */
        int n = v.u.list->n;
        Value small[64], *items = n <= 64 ? small : malloc((size_t)n * sizeof *items);
        memcpy(items, v.u.list->items, (size_t)n * sizeof *items);
        if (n > 1 && items[0].k != V_CODE)
            qsort(items, (size_t)n, sizeof *items, sort_cmp);
        *len += (size_t)snprintf(buf + *len, size - *len, "[");
        for (int i = 0; i < n && *len < size; i++) {
            if (i)
                *len += (size_t)snprintf(buf + *len, size - *len, ",");
            json_into(buf, size, len, items[i]);
        }
        *len += (size_t)snprintf(buf + *len, size - *len, "]");
        if (items != small)
            free(items);
        break;
    }
    case V_ROW:
        json_str(buf, size, len, v.u.row->key ? v.u.row->key : v.u.row->rec->name);
        break;
    case V_DEADLINE:
        *len += (size_t)snprintf(buf + *len, size - *len, "{\"due\":");
        json_into(buf, size, len, v.u.dl->due);
        *len += (size_t)snprintf(buf + *len, size - *len, ",\"done\":");
        json_into(buf, size, len, v.u.dl->done);
        {
            static const char *const st[] = {"met", "late", "pending", "overdue", "suspended"};
            *len += (size_t)snprintf(buf + *len, size - *len, ",\"status\":\"%s\"}", st[v.u.dl->status]);
        }
        break;
    case V_QUORUM:
        *len += (size_t)snprintf(buf + *len, size - *len, "{\"quorate\":%s,\"present\":%d,\"missing_roles\":",
                                 v.u.q->quorate ? "true" : "false", v.u.q->present);
        json_into(buf, size, len, (Value){.k = V_LIST, .u.list = v.u.q->missing});
        *len += (size_t)snprintf(buf + *len, size - *len, "}");
        break;
    }
    if (*len >= size)
        *len = size - 1;
}

/* A value as JSON (the jsonl encoding), in arena a. */
const char *value_json(Arena *a, Value v)
{
    char buf[8192];
    size_t len = 0;
    buf[0] = 0;
    json_into(buf, sizeof buf, &len, v);
    return arena_strndup(a, buf, len);
}

/* A value as text for people (tables, csv, the REPL), in arena a. */
const char *value_text(Arena *a, Value v)
{
    switch (v.k) {
    case V_MISSING: return "undetermined";
    case V_TEXT: return v.u.s;
    case V_DATE: {
        char *b = arena_alloc(a, 16);
        date_format(v.u.d, b);
        return b;
    }
    case V_DUR: {
        char d[48];
        dur_text(v, d, sizeof d);
        return arena_strdup(a, d);
    }
    case V_CODE: return v.scale->u.scale.values.v[v.u.code];
    case V_DEADLINE: {
        static const char *const st[] = {"met", "late", "pending", "overdue", "suspended"};
        char due[16] = "-";
        if (v.u.dl->due.k == V_DATE)
            date_format(v.u.dl->due.u.d, due);
        if (v.u.dl->status == ST_SUSPENDED)
            return "suspended";
        return arena_printf(a, "%s %s", st[v.u.dl->status], due);
    }
    case V_QUORUM: {
        if (v.u.q->quorate)
            return arena_printf(a, "quorate (%d present)", v.u.q->present);
        const char *miss = "";
        for (int i = 0; i < v.u.q->missing->n; i++) {
            Value c = v.u.q->missing->items[i];
            miss = arena_printf(a, "%s%s%s", miss, i ? ", " : "", (const char *)c.scale->u.scale.values.v[c.u.code]);
        }
        return arena_printf(a, "not quorate (%d present%s%s)", v.u.q->present, *miss ? "; missing " : "", miss);
    }
    case V_LIST: {
        const char *s = "";
        for (int i = 0; i < v.u.list->n; i++)
            s = arena_printf(a, "%s%s%s", s, i ? ", " : "", value_text(a, v.u.list->items[i]));
        return *s ? s : "(none)";
    }
    default: {
        const char *j = value_json(a, v);
        return j;
    }
    }
}

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
