/* jsonl.c: the JSON Lines format of output.md: one object per decision. */
#include <stdlib.h>
#include "../util/mem.h"
#include "because.h"
#include "json.h"
#include "reason.h"
#include "render.h"
#include "spool.h"

typedef struct Jsonl {
    Renderer r;
    Spool *spool;
    Sb line;
    Arena *a;
} Jsonl;

/* Start writing JSON Lines. */
static Renderer *jsonl_begin(FILE *out, const RenderInfo *info)
{
    Jsonl *j = xcalloc(1, sizeof *j);
    j->r.out = out;
    j->r.info = *info;
    j->spool = spool_new(info->p);
    j->a = arena_new();
    return &j->r;
}

/* The `because` object of an explained decision. */
static void because(Sb *b, Arena *a, const Explain *why)
{
    const char *branch = because_branch(a, why);
    sb_puts(b, ",\"because\":{\"branch\":");
    if (branch)
        json_string(b, branch);
    else
        sb_puts(b, "null");
    sb_puts(b, ",\"cite\":");
    if (why->cite)
        json_string(b, why->cite);
    else
        sb_puts(b, "null");
    sb_puts(b, ",\"facts\":[");
    Sb u = SB_INIT;
    for (int i = 0; i < why->uses.n; i++) {
        sb_clear(&u);
        because_use(&u, why->uses.v[i]);
        if (i)
            sb_putc(b, ',');
        json_string(b, sb_str(&u));
    }
    sb_free(&u);
    sb_puts(b, "]}");
}

/* One decision as a JSON object on its own line. */
static void jsonl_decision(Renderer *r, const Subject *s, const Result *res)
{
    Jsonl *j = (Jsonl *)r;
    Sb *b = &j->line;
    arena_reset(j->a);
    sb_clear(b);
    sb_puts(b, "{\"policy\":");
    json_string(b, program_name(r->info.p));
    sb_puts(b, ",\"subject\":");
    json_string(b, s->sect->rec->name);
    sb_puts(b, ",\"id\":");
    json_string(b, s->id);
    sb_puts(b, ",\"decision\":");
    json_string(b, res->d->name);
    sb_puts(b, ",\"value\":");
    json_value(b, res->v);
    if (res->v.k == V_MISSING) {
        sb_puts(b, ",\"reason\":");
        json_string(b, reason_str(j->a, res->v.u.why));
    }
    if (r->info.explain)
        because(b, j->a, &res->why);
    sb_puts(b, "}\n");
    spool_put(j->spool, res->d, sb_str(b), b->len);
}

/* Write the held lines. */
static void jsonl_end(Renderer *r)
{
    spool_drain(((Jsonl *)r)->spool, r->out);
}

/* Free the renderer. */
static void jsonl_free(Renderer *r)
{
    Jsonl *j = (Jsonl *)r;
    spool_free(j->spool);
    sb_free(&j->line);
    arena_free(j->a);
    free(j);
}

const RenderOps render_jsonl = {"jsonl", jsonl_begin, NULL, NULL, jsonl_decision, jsonl_end, jsonl_free};
