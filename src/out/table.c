/* table.c: one wide, aligned table per subject kind: a row per subject, a
   column per decision; with --explain, why each value is what it is on the
   lines under its row. */
#include <stdlib.h>
#include "../util/mem.h"
#include "because.h"
#include "render.h"
#include "tabular.h"
#include "vtext.h"
#include "words.h"

typedef struct Block {
    const Section *sect;
    Tabular *tab;
} Block;

typedef struct Table {
    Renderer r;
    Block *blocks;          /* one per section rendered, in order */
    int n, cap;
    Arena *a;
    const char **cells;     /* the row being built */
    Sb line;
} Table;

/* Start writing tables. */
static Renderer *table_begin(FILE *out, const RenderInfo *info)
{
    Table *t = render_alloc(sizeof *t, out, info);
    t->a = arena_new();
    return &t->r;
}

/* A new table for a section, headed by the subject kind and the decision names. */
static void table_section(Renderer *r, const Section *s)
{
    Table *t = (Table *)r;
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 4;
        t->blocks = xrealloc(t->blocks, (size_t)t->cap * sizeof *t->blocks);
    }
    Block *b = &t->blocks[t->n++];
    b->sect = s;
    b->tab = tab_new(s->outputs.n + 1);
    const char **head = arena_array(t->a, (size_t)s->outputs.n + 1, sizeof *head);
    head[0] = s->rec->name;
    for (int i = 0; i < s->outputs.n; i++)
        head[i + 1] = ((const Decl *)s->outputs.v[i])->name;
    tab_row(b->tab, head);
}

/* A subject starts a row with its id. */
static void table_subject(Renderer *r, const Subject *s)
{
    Table *t = (Table *)r;
    arena_reset(t->a);
    t->cells = arena_array(t->a, (size_t)s->n + 1, sizeof *t->cells);
    t->cells[0] = s->id;
}

/* A value's cell: its text, "n/a" when it does not apply. */
static const char *cell(Arena *a, Value v)
{
    return value_na(v) ? "n/a" : vtext_str(a, v, VT_CELL);
}

/* The line under a row that says why a decision has its value. */
static void explain_line(Table *t, const Result *res)
{
    Sb *b = &t->line;
    sb_clear(b);
    sb_printf(b, "    %s: ", res->d->name);
    size_t start = b->len;
    if (res->v.k == V_MISSING)
        words_reason_to(b, res->v.u.why);
    else
        because_line(b, &res->why);
    const char *cite = because_cite(&res->why, res->d);
    if (cite)
        sb_printf(b, "%s[%s]", b->len > start ? " " : "", cite);
    tab_line(t->blocks[t->n - 1].tab, sb_str(b));
    sb_clear(b);
    sb_puts(b, "      facts: ");
    size_t head = b->len;
    because_facts_line(b, &res->why);
    if (b->len > head)
        tab_line(t->blocks[t->n - 1].tab, sb_str(b));
}

/* A decision fills its cell; the row is added with the last one, then the explanations. */
static void table_decision(Renderer *r, const Subject *s, const Result *res)
{
    Table *t = (Table *)r;
    int col = (int)(res - s->results) + 1;
    t->cells[col] = cell(t->a, res->v);
    if (col < s->n || t->n == 0)
        return;
    tab_row(t->blocks[t->n - 1].tab, t->cells);
    for (int i = 0; r->info.explain && i < s->n; i++)
        explain_line(t, &s->results[i]);
}

/* Print every table, each under a line that counts its subjects and says the date. */
static void table_end(Renderer *r)
{
    Table *t = (Table *)r;
    const char *policy = r->info.p->policy ? r->info.p->policy->name : "policy";
    char d[16];
    date_format(r->info.as_of, d);
    for (int i = 0; i < t->n; i++) {
        Block *b = &t->blocks[i];
        const char *kind = b->sect->rec->name;
        int rows = tab_rows(b->tab) - 1;
        if (i)
            fputc('\n', r->out);
        if (rows == 0) {
            fprintf(r->out, "%s: no %s subjects as of %s\n", policy, kind, d);
            continue;
        }
        fprintf(r->out, "%s: %d %s subject%s as of %s\n", policy, rows, kind, rows == 1 ? "" : "s", d);
        tab_print(b->tab, r->out, true);
    }
    fflush(r->out);
}

/* Free the renderer. */
static void table_free(Renderer *r)
{
    Table *t = (Table *)r;
    for (int i = 0; i < t->n; i++)
        tab_free(t->blocks[i].tab);
    free(t->blocks);
    sb_free(&t->line);
    arena_free(t->a);
    free(t);
}

const RenderOps render_table = {"table", table_begin, table_section, table_subject, table_decision, table_end, table_free, NULL, NULL, NULL};
