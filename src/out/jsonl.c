/* jsonl.c: the JSON Lines format of output.md: one object per decision,
   subject by subject, written as it is made. The constant parts of each
   line (policy, subject kind, decision name, as-of date) are encoded once
   per section. The shape of `because` is in docs/output.md. */
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "because.h"
#include "json.h"
#include "render.h"
#include "words.h"

enum { FLUSH_AT = 1 << 16 };

typedef struct Jsonl {
    Renderer r;
    Sb buf;                 /* lines not yet written */
    Sb tmp;
    Arena *a;
    int nmid;
    Sb head;                /* {"policy":...,"subject":...,"id": */
    Sb *mid;                /* per decision of the section: ,"decision":...,"value": */
    Sb tail;                /* ,"as_of":"..." */
    Sb id, id_json;         /* the last subject's id, and it as JSON */
    Quotes *quotes;         /* the policy's conditions as reasons quote them */
    const Section *sect;    /* the current section */
} Jsonl;

/* Start writing JSON Lines. */
static Renderer *jsonl_begin(FILE *out, const RenderInfo *info)
{
    Jsonl *j = render_alloc(sizeof *j, out, info);
    j->a = arena_new();
    j->quotes = quotes_new();
    char d[16];
    date_format(info->as_of, d);
    sb_printf(&j->tail, ",\"as_of\":\"%s\"", d);
    return &j->r;
}

/* Forget the constant parts of the last section. */
static void drop_parts(Jsonl *j)
{
    sb_free(&j->head);
    for (int i = 0; i < j->nmid; i++)
        sb_free(&j->mid[i]);
    free(j->mid);
    j->mid = NULL;
    j->nmid = 0;
}

/* Encode a section's constant parts. */
static void jsonl_section(Renderer *r, const Section *s)
{
    Jsonl *j = (Jsonl *)r;
    drop_parts(j);
    j->sect = s;
    Sb *b = &j->head;
    sb_puts(b, "{\"policy\":");
    json_string(b, program_name(r->info.p));
    sb_puts(b, ",\"subject\":");
    json_string(b, s->rec->name);
    sb_puts(b, ",\"id\":");
    j->nmid = s->outputs.n;
    j->mid = xcalloc((size_t)s->outputs.n + 1, sizeof *j->mid);
    for (int i = 0; i < s->outputs.n; i++) {
        Sb *m = &j->mid[i];
        sb_puts(m, ",\"decision\":");
        json_string(m, ((const Decl *)s->outputs.v[i])->name);
        sb_puts(m, ",\"value\":");
    }
}

/* `"key":"text"` (or null), with a leading comma unless first. */
static void field(Sb *b, const char *key, const char *text, bool first)
{
    if (!first)
        sb_putc(b, ',');
    sb_putc(b, '"');
    sb_puts(b, key);
    sb_puts(b, "\":");
    if (text)
        json_string(b, text);
    else
        sb_puts(b, "null");
}

/* The conditions that decided the value. */
static void held(Jsonl *j, Sb *b, const Explain *why)
{
    sb_puts(b, ",\"held\":[");
    for (int i = 0; i < why->held.n; i++) {
        const Held *h = why->held.v[i];
        sb_clear(&j->tmp);
        because_held(&j->tmp, h, why->decl);
        sb_puts(b, i ? ",{" : "{");
        field(b, "text", sb_str(&j->tmp), true);
        if (h->part) {                  /* a deadline's part: its expression and value */
            field(b, "part", h->part, false);
            field(b, "expr", words_expr(j->a, why->decl, h->cond), false);
            sb_puts(b, ",\"value\":");
            json_value(b, h->v);
            sb_putc(b, '}');
            continue;
        }
        field(b, "condition", words_expr(j->a, why->decl, h->cond), false);
        sb_puts(b, ",\"holds\":");
        json_value(b, h->v);
        sb_puts(b, ",\"operands\":[");
        const Expr *ops[2] = {h->lhs, h->rhs};
        Value vals[2] = {h->a, h->b};
        for (int k = 0, n = 0; k < 2; k++)
            if (ops[k]) {
                sb_puts(b, n++ ? ",{" : "{");
                field(b, "expr", words_expr(j->a, why->decl, ops[k]), true);
                sb_puts(b, ",\"value\":");
                json_value(b, vals[k]);
                sb_putc(b, '}');
            }
        sb_puts(b, "]}");
    }
    sb_putc(b, ']');
}

/* One fact read: its words, and the row, table, column and value. */
static void fact(Jsonl *j, Sb *b, const Use *u)
{
    sb_clear(&j->tmp);
    because_use(&j->tmp, u);
    field(b, "text", sb_str(&j->tmp), true);
    sb_clear(&j->tmp);
    words_row(&j->tmp, u->row);
    field(b, "row", sb_str(&j->tmp), false);
    field(b, "table", u->row->rec->table, false);
    field(b, "column", u->field->name, false);
    sb_puts(b, ",\"value\":");
    json_value(b, u->v);
}

/* The facts, decisions and signs used, each in its own list. */
static void uses(Jsonl *j, Sb *b, const Explain *why)
{
    static const char *const lists[] = {"facts", "decisions", "signs"};
    for (UseKind k = USE_FACT; k <= USE_SIGN; k++) {
        sb_printf(b, ",\"%s\":[", lists[k]);
        int n = 0;
        for (int i = 0; i < why->uses.n; i++) {
            const Use *u = why->uses.v[i];
            if (u->kind != k)
                continue;
            sb_puts(b, n++ ? ",{" : "{");
            if (k == USE_FACT) {
                fact(j, b, u);
            } else {
                field(b, k == USE_DECISION ? "decision" : "sign", u->sym->name, true);
                if (u->row) {                   /* a decision about another subject */
                    sb_clear(&j->tmp);
                    words_row(&j->tmp, u->row);
                    field(b, "row", sb_str(&j->tmp), false);
                }
                sb_puts(b, k == USE_DECISION ? ",\"value\":" : ",\"holds\":");
                json_value(b, u->v);
            }
            sb_putc(b, '}');
        }
        sb_putc(b, ']');
    }
}

/* The `because` object of an explained decision. */
static void because(Jsonl *j, Sb *b, const Result *res)
{
    const Explain *why = &res->why;
    sb_puts(b, ",\"because\":{");
    field(b, "branch", because_branch(j->a, why), true);
    field(b, "cite", because_cite(why, res->d), false);
    if (why->since.k == V_DATE) {
        sb_puts(b, ",\"since\":");
        json_value(b, why->since);
    }
    held(j, b, why);
    uses(j, b, why);
    if (why->dropped) {             /* facts and uses past the limit, not listed */
        sb_puts(b, ",\"more\":");
        sb_int(b, why->dropped);
    }
    const Reason *m = res->v.k == V_MISSING ? words_missing_fact(res->v.u.why) : NULL;
    if (m) {
        sb_clear(&j->tmp);
        words_row(&j->tmp, m->row);
        sb_puts(b, ",\"missing\":{");
        field(b, "row", sb_str(&j->tmp), true);
        field(b, "table", m->row->rec->table, false);
        field(b, "column", m->field->name, false);
        sb_putc(b, '}');
    }
    sb_putc(b, '}');
}

/* One decision as a JSON object on its own line, appended to b. */
static void line(Jsonl *j, Sb *b, const Subject *s, const Result *res)
{
    Renderer *r = &j->r;
    arena_reset(j->a);
    if (!j->id.s || strcmp(j->id.s, s->id) != 0) {
        sb_clear(&j->id);
        sb_puts(&j->id, s->id);
        sb_clear(&j->id_json);
        json_string(&j->id_json, s->id);
    }
    const Sb *mid = &j->mid[res - s->results];
    sb_putn(b, j->head.s, j->head.len);
    sb_putn(b, j->id_json.s, j->id_json.len);
    sb_putn(b, mid->s, mid->len);
    json_value(b, res->v);
    if (value_na(res->v))
        sb_puts(b, ",\"applicable\":false");
    if (res->v.k == V_MISSING) {
        sb_puts(b, ",\"reason\":");
        sb_clear(&j->tmp);
        words_reason_quoting(&j->tmp, res->v.u.why, j->quotes);
        json_string_n(b, j->tmp.s ? j->tmp.s : "", j->tmp.len);
    }
    sb_putn(b, j->tail.s, j->tail.len);
    if (r->info.explain)
        because(j, b, res);
    sb_puts(b, "}\n");
}

/* Write the lines held back once there are enough of them. */
static void flush_some(Jsonl *j)
{
    if (j->buf.len >= FLUSH_AT) {
        fwrite(j->buf.s, 1, j->buf.len, j->r.out);
        sb_clear(&j->buf);
    }
}

/* One decision as a JSON object on its own line. */
static void jsonl_decision(Renderer *r, const Subject *s, const Result *res)
{
    Jsonl *j = (Jsonl *)r;
    line(j, &j->buf, s, res);
    flush_some(j);
}

/* A copy for another thread: the same options and section, writing nothing itself. */
static Renderer *jsonl_fork(const Renderer *r)
{
    Renderer *c = jsonl_begin(NULL, &r->info);
    const Jsonl *j = (const Jsonl *)r;
    if (j->sect)
        jsonl_section(c, j->sect);
    return c;
}

/* A copy: a subject's lines, appended to out. */
static void jsonl_text(Renderer *r, const Subject *s, Sb *out)
{
    for (int i = 0; i < s->n; i++)
        line((Jsonl *)r, out, s, &s->results[i]);
}

/* Lines a copy made, after those held back. */
static void jsonl_put(Renderer *r, const char *text, size_t n)
{
    Jsonl *j = (Jsonl *)r;
    sb_putn(&j->buf, text, n);
    flush_some(j);
}

/* Write what is left. */
static void jsonl_end(Renderer *r)
{
    Jsonl *j = (Jsonl *)r;
    fwrite(sb_str(&j->buf), 1, j->buf.len, r->out);
    sb_clear(&j->buf);
    fflush(r->out);
}

/* Free the renderer. */
static void jsonl_free(Renderer *r)
{
    Jsonl *j = (Jsonl *)r;
    drop_parts(j);
    sb_free(&j->tail);
    sb_free(&j->id);
    sb_free(&j->id_json);
    sb_free(&j->buf);
    sb_free(&j->tmp);
    arena_free(j->a);
    quotes_free(j->quotes);
    free(j);
}

const RenderOps render_jsonl = {"jsonl", jsonl_begin, jsonl_section, NULL, jsonl_decision, jsonl_end, jsonl_free,
                                jsonl_fork, jsonl_text, jsonl_put};
