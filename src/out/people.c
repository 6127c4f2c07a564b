/* people.c: decisions and their values in words for people. */
#include <ctype.h>
#include <string.h>
#include "people.h"
#include "vtext.h"
#include "words.h"

/* A decision's label for people: its display label, else its name in words. */
const char *people_label(Arena *a, const Decl *d)
{
    if (d->u.dec.label)
        return d->u.dec.label;
    char *s = arena_strdup(a, d->name);
    for (char *c = s; *c; c++)
        if (*c == '_')
            *c = ' ';
    s[0] = (char)toupper((unsigned char)s[0]);
    return s;
}

/* A deadline in words. */
void people_deadline(Sb *b, const RenderInfo *info, const Decl *d, const Deadline *dl)
{
    qdate due = dl->due.k == V_DATE ? dl->due.u.d : 0;
    switch (dl->status) {
    case ST_MET:
        sb_puts(b, "met on ");
        vtext_date(b, dl->done.u.d);
        return;
    case ST_LATE:
        sb_puts(b, "late: done ");
        vtext_date(b, dl->done.u.d);
        sb_puts(b, ", due ");
        vtext_date(b, due);
        return;
    case ST_OVERDUE:
        sb_puts(b, "overdue since ");
        vtext_date(b, due + 1);
        return;
    case ST_SUSPENDED:
        sb_puts(b, "suspended");
        return;
    default:
        break;
    }
    int n = due - info->as_of;
    bool working = d->u.dec.within && d->u.dec.within->type && d->u.dec.within->type->unit == U_WORKING_DAYS &&
                   info->p->cal && calendar_working_days_between(info->p->cal, info->as_of, due, &n) == 0;
    if (n == 0)
        sb_puts(b, "due today, ");
    else
        sb_printf(b, "due in %d %sday%s, ", n, working ? "working " : "", n == 1 ? "" : "s");
    vtext_date(b, due);
}

/* A quorum in words. */
void people_quorum(Sb *b, const Quorum *q)
{
    sb_printf(b, "%squorate: %d member%s present", q->quorate ? "" : "not ", q->present, q->present == 1 ? "" : "s");
    for (int i = 0; i < q->missing->n; i++) {
        sb_puts(b, i ? ", " : "; missing ");
        vtext(b, q->missing->items[i], VT_PEOPLE);
    }
}

/* A value in words: "n/a (...)" and "unknown (...)" with the reason. */
void people_value(Sb *b, const RenderInfo *info, const Result *res)
{
    Value v = res->v;
    if (v.k == V_MISSING) {
        sb_puts(b, value_na(v) ? "n/a (" : "unknown (");
        words_reason_to(b, v.u.why);
        sb_putc(b, ')');
    } else if (v.k == V_DEADLINE) {
        people_deadline(b, info, res->d, v.u.dl);
    } else if (v.k == V_QUORUM) {
        people_quorum(b, v.u.q);
    } else {
        vtext(b, v, VT_PEOPLE);
    }
}

/* The RAG colour of a value: a code named red, amber or green. */
const char *people_rag(Value v)
{
    if (v.k != V_CODE)
        return NULL;
    const char *n = v.scale->u.scale.values.v[v.u.code];
    return !strcmp(n, "red") ? "red" : !strcmp(n, "amber") ? "amber" : !strcmp(n, "green") ? "green" : NULL;
}

/* A subject's kind, id and name. */
void people_subject(Sb *b, const Subject *s)
{
    int ni = s->sect->rec->named_index;
    sb_printf(b, "%s %s", s->sect->rec->name, s->id);
    if (ni >= 0 && s->row && s->row->cols[ni].k != V_MISSING) {
        sb_puts(b, ": ");
        vtext(b, s->row->cols[ni], VT_PEOPLE);
    }
}
