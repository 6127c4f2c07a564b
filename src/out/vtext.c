/* vtext.c: values as text for tables, csv and the REPL. */
#include <string.h>
#include "json.h"
#include "vtext.h"
#include "words.h"

/* A text in double quotes, with quotes and backslashes escaped, and the
   characters that control a terminal (sb_put_visible). */
static void quoted(Sb *b, const char *s)
{
    sb_putc(b, '"');
    const char *run = s;
    for (;; s++) {
        if (*s && *s != '"' && *s != '\\')
            continue;
        sb_put_visible(b, run, (size_t)(s - run));
        if (!*s)
            break;
        sb_putc(b, '\\');
        sb_putc(b, *s);
        run = s + 1;
    }
    sb_putc(b, '"');
}

/* A duration as written in a policy: "1 month", "10 working days". */
static void duration(Sb *b, Value v)
{
    sb_int(b, v.u.dur.n);
    sb_putc(b, ' ');
    const UnitInfo *u = &lang_units[v.u.dur.unit];
    sb_puts(b, v.u.dur.n == 1 ? u->one : u->many);
}

/* A deadline: "overdue (due 2024-12-02)", "suspended". */
static void deadline(Sb *b, const Deadline *dl)
{
    if (dl->status == ST_SUSPENDED) {
        sb_puts(b, "suspended");
        return;
    }
    char due[16] = "-";
    if (dl->due.k == V_DATE)
        date_format(dl->due.u.d, due);
    sb_puts(b, lang_statuses[dl->status]);
    sb_puts(b, " (due ");
    sb_puts(b, due);
    sb_putc(b, ')');
}

/* A quorum: "quorate (3 present)", "not quorate (2 present; missing x, y)". */
static void quorum(Sb *b, const Quorum *q)
{
    sb_puts(b, q->quorate ? "quorate (" : "not quorate (");
    sb_int(b, q->present);
    sb_puts(b, " present");
    for (int i = 0; !q->quorate && i < q->missing->n; i++) {
        Value c = q->missing->items[i];
        sb_puts(b, i ? ", " : "; missing ");
        sb_puts(b, c.scale->u.scale.values.v[c.u.code]);
    }
    sb_putc(b, ')');
}

/* A row in the REPL: "record KEY", or its columns when it has no key. */
static void row(Sb *b, const Row *r)
{
    if (r->key) {
        sb_printf(b, "%s ", r->rec->name);
        sb_put_visible(b, r->key, strlen(r->key));
        return;
    }
    sb_puts(b, r->rec->name);
    sb_puts(b, " {");
    bool first = true;
    for (int i = 0; i < r->rec->fields.n; i++) {
        const Field *f = r->rec->fields.v[i];
        if (f->kind != FIELD_COLUMN)
            continue;
        sb_printf(b, "%s%s: ", first ? "" : ", ", f->name);
        first = false;
        if (r->cols[i].k == V_MISSING)
            sb_puts(b, "missing");
        else
            vtext(b, r->cols[i], VT_REPL);
    }
    sb_putc(b, '}');
}

/* A list: "a, b" or "(none)" in cells; "[a, b]" in the REPL (rows with no key one per line). */
static void list(Sb *b, const List *l, VStyle style)
{
    if ((style == VT_CELL || style == VT_PEOPLE) && l->n == 0) {
        sb_puts(b, style == VT_CELL ? "(none)" : "none");
        return;
    }
    bool rows = style == VT_REPL && l->n > 1 && l->items[0].k == V_ROW && !l->items[0].u.row->key;
    if (style == VT_REPL)
        sb_putc(b, '[');
    for (int i = 0; i < l->n; i++) {
        if (i)
            sb_puts(b, rows ? ",\n " : ", ");
        vtext(b, l->items[i], style);
    }
    if (style == VT_REPL)
        sb_putc(b, ']');
}

/* A date for people: "8 Jan 2025". */
void vtext_date(Sb *b, qdate d)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y, m, dd;
    date_to_ymd(d, &y, &m, &dd);
    sb_int(b, dd);
    sb_putc(b, ' ');
    sb_puts(b, months[m - 1]);
    sb_putc(b, ' ');
    sb_int(b, y);
}

/* Append a value as text for people. */
void vtext(Sb *b, Value v, VStyle style)
{
    char tmp[16];
    switch (v.k) {
    case V_MISSING: sb_puts(b, "undetermined"); break;
    case V_TEXT:
        if (style == VT_REPL)
            quoted(b, v.u.s);
        else
            sb_puts(b, v.u.s);
        break;
    case V_DATE:
        if (style == VT_PEOPLE) {
            vtext_date(b, v.u.d);
            break;
        }
        date_format(v.u.d, tmp);
        sb_puts(b, tmp);
        break;
    case V_BOOL:
        if (style == VT_PEOPLE)
            sb_puts(b, v.u.b ? "yes" : "no");
        else
            json_value(b, v);
        break;
    case V_DUR: duration(b, v); break;
    case V_CODE:
        if ((style == VT_WORDS || style == VT_PEOPLE) && v.scale->u.scale.aliases.v[v.u.code])
            sb_puts(b, v.scale->u.scale.aliases.v[v.u.code]);
        else
            sb_puts(b, v.scale->u.scale.values.v[v.u.code]);
        break;
    case V_DEADLINE: deadline(b, v.u.dl); break;
    case V_QUORUM: quorum(b, v.u.q); break;
    case V_LIST: list(b, v.u.list, style); break;
    case V_ROW:
        if (style == VT_REPL)
            row(b, v.u.row);
        else if (style == VT_WORDS || style == VT_PEOPLE)
            words_row(b, v.u.row);
        else
            json_value(b, v);
        break;
    default: json_value(b, v); break;
    }
}

/* A value as text, in an arena. */
const char *vtext_str(Arena *a, Value v, VStyle style)
{
    Sb b = SB_INIT;
    vtext(&b, v, style);
    const char *s = sb_arena(&b, a);
    sb_free(&b);
    return s;
}
