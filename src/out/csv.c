/* csv.c: comma-separated values, one row per decision. */
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "json.h"
#include "reason.h"
#include "render.h"
#include "spool.h"
#include "vtext.h"

typedef struct Csv {
    Renderer r;
    Spool *spool;
    Sb line;
    Arena *a;
} Csv;

/* Start writing CSV. */
static Renderer *csv_begin(FILE *out, const RenderInfo *info)
{
    Csv *c = xcalloc(1, sizeof *c);
    c->r.out = out;
    c->r.info = *info;
    c->spool = spool_new(info->p);
    c->a = arena_new();
    return &c->r;
}

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
    sb_putc(b, last ? '\n' : ',');
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
    Csv *c = (Csv *)r;
    Sb *b = &c->line;
    arena_reset(c->a);
    sb_clear(b);
    bool ex = r->info.explain;
    field(b, program_name(r->info.p), false);
    field(b, s->sect->rec->name, false);
    field(b, s->id, false);
    field(b, res->d->name, false);
    field(b, cell(c->a, res->v), false);
    field(b, res->v.k == V_MISSING ? reason_str(c->a, res->v.u.why) : "", !ex);
    if (ex)
        field(b, res->why.cite ? res->why.cite : "", true);
    spool_put(c->spool, res->d, sb_str(b), b->len);
}

/* Write the header and the held rows. */
static void csv_end(Renderer *r)
{
    fprintf(r->out, "policy,subject,id,decision,value,reason%s\n", r->info.explain ? ",cite" : "");
    spool_drain(((Csv *)r)->spool, r->out);
}

/* Free the renderer. */
static void csv_free(Renderer *r)
{
    Csv *c = (Csv *)r;
    spool_free(c->spool);
    sb_free(&c->line);
    arena_free(c->a);
    free(c);
}

const RenderOps render_csv = {"csv", csv_begin, NULL, NULL, csv_decision, csv_end, csv_free};
