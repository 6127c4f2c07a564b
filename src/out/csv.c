/* csv.c: comma-separated values for spreadsheets: a row per decision
   (policy, subject, id, as_of, decision, value, reason, and with --explain
   because, cite and facts), or with --wide a row per subject and a column per
   decision. A value that does not apply is "n/a"; an undetermined one is
   empty, with its reason. --bom starts the file with a byte order mark. */
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "because.h"
#include "json.h"
#include "render.h"
#include "vtext.h"
#include "words.h"

typedef struct Csv {
    Renderer r;
    Sb line, tmp;
    Arena *a;
    char as_of[16];
    const Section *header_for;  /* --wide: the section whose header was written */
} Csv;

/* A CSV renderer writing to out (NULL: a copy, writing nothing itself). */
static Csv *csv_new(FILE *out, const RenderInfo *info)
{
    Csv *c = render_alloc(sizeof *c, out, info);
    c->a = arena_new();
    date_format(info->as_of, c->as_of);
    return c;
}

/* Start writing CSV; the header of the long form is written at once. */
static Renderer *csv_begin(FILE *out, const RenderInfo *info)
{
    Csv *c = csv_new(out, info);
    if (info->bom)
        fputs("\xEF\xBB\xBF", out);
    if (!info->wide)
        fprintf(out, "policy,subject,id,as_of,decision,value,reason%s\n", info->explain ? ",because,cite,facts" : "");
    return &c->r;
}

/* Append a CSV field, quoted when it must be, and a comma unless last. */
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
    sb_puts(b, last ? "\n" : ",");
}

/* A value as a cell: "n/a" when it does not apply, empty when undetermined,
   codes, texts and dates bare, other values in JSON. */
static const char *cell(Arena *a, Value v)
{
    if (value_na(v))
        return "n/a";
    if (v.k == V_MISSING)
        return "";
    if (v.k == V_TEXT || v.k == V_CODE || v.k == V_DATE)
        return vtext_str(a, v, VT_CELL);
    return json_str(a, v);
}

/* Why a value is what it is, on one line. */
static const char *because_text(Csv *c, const Result *res)
{
    sb_clear(&c->tmp);
    because_line(&c->tmp, &res->why);
    return sb_arena(&c->tmp, c->a);
}

/* --wide: the header row of a section (once). */
static void wide_header(Csv *c, const Section *s)
{
    Sb *b = &c->line;
    sb_clear(b);
    sb_puts(b, "policy,subject,id,as_of");
    for (int i = 0; i < s->outputs.n; i++) {
        sb_putc(b, ',');
        field(b, ((const Decl *)s->outputs.v[i])->name, false);
        b->len--;   /* (field's comma) */
    }
    sb_puts(b, "\n");
    fwrite(sb_str(b), 1, b->len, c->r.out);
    c->header_for = s;
}

/* The first cells of a row: policy, subject kind, id, as-of date. */
static void lead(Csv *c, const Subject *s)
{
    field(&c->line, program_name(c->r.info.p), false);
    field(&c->line, s->sect->rec->name, false);
    field(&c->line, s->id, false);
    field(&c->line, c->as_of, false);
}

/* --wide: a subject's row starts. */
static void csv_subject(Renderer *r, const Subject *s)
{
    Csv *c = (Csv *)r;
    if (!r->info.wide)
        return;
    if (c->header_for != s->sect)
        wide_header(c, s->sect);
    arena_reset(c->a);
    sb_clear(&c->line);
    lead(c, s);
}

/* The long form's row of a decision, in c->line. */
static void long_row(Csv *c, const Subject *s, const Result *res)
{
    Renderer *r = &c->r;
    Sb *b = &c->line;
    arena_reset(c->a);
    sb_clear(b);
    lead(c, s);
    field(b, res->d->name, false);
    field(b, cell(c->a, res->v), false);
    field(b, res->v.k == V_MISSING ? words_reason(c->a, res->v.u.why) : "", !r->info.explain);
    if (r->info.explain) {
        field(b, because_text(c, res), false);
        const char *cite = because_cite(&res->why, res->d);
        field(b, cite ? cite : "", false);
        sb_clear(&c->tmp);
        because_facts_line(&c->tmp, &res->why);
        field(b, sb_str(&c->tmp), true);
    }
}

/* One decision: a row of its own, or (--wide) a cell of the subject's row. */
static void csv_decision(Renderer *r, const Subject *s, const Result *res)
{
    Csv *c = (Csv *)r;
    Sb *b = &c->line;
    if (r->info.wide) {
        bool last = res == &s->results[s->n - 1];
        field(b, cell(c->a, res->v), last);
        if (last)
            fwrite(sb_str(b), 1, b->len, r->out);
        return;
    }
    long_row(c, s, res);
    fwrite(sb_str(b), 1, b->len, r->out);
}

/* A copy for another thread (the long form only: --wide heads each kind of
   subject once, at its first). */
static Renderer *csv_fork(const Renderer *r)
{
    return r->info.wide ? NULL : &csv_new(NULL, &r->info)->r;
}

/* A copy: a subject's rows, appended to out. */
static void csv_text(Renderer *r, const Subject *s, Sb *out)
{
    Csv *c = (Csv *)r;
    for (int i = 0; i < s->n; i++) {
        long_row(c, s, &s->results[i]);
        sb_putn(out, sb_str(&c->line), c->line.len);
    }
}

/* Flush the output. */
static void csv_end(Renderer *r)
{
    fflush(r->out);
}

/* Free the renderer. */
static void csv_free(Renderer *r)
{
    Csv *c = (Csv *)r;
    sb_free(&c->line);
    sb_free(&c->tmp);
    arena_free(c->a);
    free(c);
}

const RenderOps render_csv = {"csv", csv_begin, NULL, csv_subject, csv_decision, csv_end, csv_free, csv_fork, csv_text,
                              NULL};
