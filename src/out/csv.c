/* csv.c: comma-separated values, one row per decision. */
#include <string.h>
#include "json.h"
#include "words.h"
#include "lineout.h"
#include "vtext.h"

/* Append a CSV field, quoted when it must be. */
static void field(Sb *b, const char *s, bool last)
{
    if (!strpbrk(s, ",\"\n\r")) {
        sb_puts(b, s);
    } else {
        sb_putc(b, '"');
        for (; *s; s++) {
            if (*s == '"')
                sb_putc(b, '"');
            sb_putc(b, *s);
        }
        sb_putc(b, '"');
    }
    if (!last)
        sb_putc(b, ',');
}

/* A value as a CSV cell: codes, texts and dates bare, other values in JSON, nothing when missing. */
static const char *cell(Arena *a, Value v)
{
    if (v.k == V_MISSING)
        return "";
    if (v.k == V_TEXT || v.k == V_CODE || v.k == V_DATE)
        return vtext_str(a, v, VT_CELL);
    return json_str(a, v);
}

/* One decision as a CSV row. */
static void csv_decision(Renderer *r, const Subject *s, const Result *res)
{
    LineOut *c = (LineOut *)r;
    Sb *b = &c->line;
    lineout_start(c);
    bool ex = r->info.explain;
    field(b, program_name(r->info.p), false);
    field(b, s->sect->rec->name, false);
    field(b, s->id, false);
    field(b, res->d->name, false);
    field(b, cell(c->a, res->v), false);
    field(b, res->v.k == V_MISSING ? words_reason(c->a, res->v.u.why) : "", !ex);
    if (ex)
        field(b, res->why.cite ? res->why.cite : "", true);
    lineout_put(c, res->d);
}

/* Write the header and the held rows. */
static void csv_end(Renderer *r)
{
    fprintf(r->out, "policy,subject,id,decision,value,reason%s\n", r->info.explain ? ",cite" : "");
    lineout_end(r);
}

const RenderOps render_csv = {"csv", lineout_begin, NULL, NULL, csv_decision, csv_end, lineout_free};
