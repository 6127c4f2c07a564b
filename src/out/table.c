/* table.c: one aligned table per subject kind: a row per subject, a column
   per decision. */
#include <stdlib.h>
#include "../util/mem.h"
#include "render.h"
#include "tabular.h"
#include "vtext.h"

typedef struct Block {
    const Section *sect;
    Tabular *tab;
} Block;

typedef struct Table {
    Renderer r;
    Block *parts;            /* one per section rendered, in order */
    int n, cap;
    Arena *a;
    const char **cells;     /* the row being built */
    int ncells;
} Table;

/* Start writing tables. */
static Renderer *table_begin(FILE *out, const RenderInfo *info)
{
    Table *t = xcalloc(1, sizeof *t);
    t->r.out = out;
    t->r.info = *info;
    t->a = arena_new();
    return &t->r;
}

/* A new table for a section, headed by the subject kind and the decision names. */
static void table_section(Renderer *r, const Section *s)
{
    Table *t = (Table *)r;
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 4;
        t->parts = xrealloc(t->parts, (size_t)t->cap * sizeof *t->parts);
    }
    Block *pt = &t->parts[t->n++];
    pt->sect = s;
    pt->tab = tab_new(s->outputs.n + 1);
    const char **head = arena_array(t->a, (size_t)s->outputs.n + 1, sizeof *head);
    head[0] = s->rec->name;
    for (int i = 0; i < s->outputs.n; i++)
        head[i + 1] = ((const Decl *)s->outputs.v[i])->name;
    tab_row(pt->tab, head);
}

/* A subject starts a row with its id. */
static void table_subject(Renderer *r, const Subject *s)
{
    Table *t = (Table *)r;
    arena_reset(t->a);
    t->ncells = s->n + 1;
    t->cells = arena_array(t->a, (size_t)t->ncells, sizeof *t->cells);
    t->cells[0] = s->id;
}

/* A decision fills its cell; the row is added with the last one. */
static void table_decision(Renderer *r, const Subject *s, const Result *res)
{
    Table *t = (Table *)r;
    int col = (int)(res - s->results) + 1;
    const char *text = vtext_str(t->a, res->v, VT_CELL);
    if (r->info.explain && res->why.cite)
        text = arena_printf(t->a, "%s [%s]", text, res->why.cite);
    t->cells[col] = text;
    if (col == s->n && t->n > 0)
        tab_row(t->parts[t->n - 1].tab, t->cells);
}

/* Print every table, each under a line that counts its subjects. */
static void table_end(Renderer *r)
{
    Table *t = (Table *)r;
    const char *policy = r->info.p->policy ? r->info.p->policy->name : "policy";
    for (int i = 0; i < t->n; i++) {
        Block *pt = &t->parts[i];
        const char *kind = pt->sect->rec->name;
        int rows = tab_rows(pt->tab) - 1;
        if (i)
            fputc('\n', r->out);
        if (rows == 0) {
            fprintf(r->out, "%s: no %s subjects as of this date\n", policy, kind);
            continue;
        }
        fprintf(r->out, "%s: %d %s subject%s\n", policy, rows, kind, rows == 1 ? "" : "s");
        tab_print(pt->tab, r->out, true);
    }
}

/* Free the renderer. */
static void table_free(Renderer *r)
{
    Table *t = (Table *)r;
    for (int i = 0; i < t->n; i++)
        tab_free(t->parts[i].tab);
    free(t->parts);
    arena_free(t->a);
    free(t);
}

const RenderOps render_table = {"table", table_begin, table_section, table_subject, table_decision, table_end, table_free};
