/* jsonl.c: the JSON Lines format of output.md: one object per decision. */
#include "because.h"
#include "json.h"
#include "words.h"
#include "lineout.h"

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
    LineOut *j = (LineOut *)r;
    Sb *b = &j->line;
    lineout_start(j);
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
        json_string(b, words_reason(j->a, res->v.u.why));
    }
    if (r->info.explain)
        because(b, j->a, &res->why);
    sb_putc(b, '}');
    lineout_put(j, res->d);
}

const RenderOps render_jsonl = {"jsonl", lineout_begin, NULL, NULL, jsonl_decision, lineout_end, lineout_free};
