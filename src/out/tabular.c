/* tabular.c: tables of text cells printed with aligned columns. */
#include <stdlib.h>
#include <string.h>
#include "../front/locfile.h"
#include "../util/mem.h"
#include "../util/strbuf.h"
#include "tabular.h"

struct Tabular {
    Arena *a;
    int ncols;
    int *width;
    Vec rows;               /* const char **: ncols cells and NULL, or for a line its text ... "" */
    int nrows;
};

/* A copy of text in the table's arena, with characters that would break
   the table or command a terminal escaped. */
static const char *visible(Tabular *t, const char *text)
{
    const char *v = sb_visible(t->a, text);
    return v == text ? arena_strdup(t->a, text) : v;
}

/* An empty table of ncols columns. */
Tabular *tab_new(int ncols)
{
    Tabular *t = xcalloc(1, sizeof *t);
    t->a = arena_new();
    t->ncols = ncols;
    t->width = arena_array(t->a, (size_t)ncols + 1, sizeof *t->width);
    return t;
}

/* Add a row, widening the columns it needs. */
void tab_row(Tabular *t, const char *const *cells)
{
    const char **row = arena_array(t->a, (size_t)t->ncols + 1, sizeof *row);
    for (int i = 0; i < t->ncols; i++) {
        row[i] = cells[i] ? visible(t, cells[i]) : "";
        int w = loc_width(row[i], strlen(row[i]));
        if (w > t->width[i])
            t->width[i] = w;
    }
    vec_push(t->a, &t->rows, row);
    t->nrows++;
}

/* Add a line that is printed as it is. */
void tab_line(Tabular *t, const char *text)
{
    const char **row = arena_array(t->a, (size_t)t->ncols + 1, sizeof *row);
    row[0] = visible(t, text);
    row[t->ncols] = "";     /* (marks a line) */
    vec_push(t->a, &t->rows, row);
}

/* How many rows the table has. */
int tab_rows(const Tabular *t)
{
    return t->nrows;
}

/* Print one row, padding every cell but the last non-empty one. */
static void print_row(const Tabular *t, FILE *out, const char **row)
{
    int last = t->ncols - 1;
    while (last > 0 && !*row[last])
        last--;
    for (int i = 0; i <= last; i++) {
        fputs(row[i], out);
        if (i < last)
            fprintf(out, "%*s", t->width[i] - loc_width(row[i], strlen(row[i])) + 2, "");
    }
    fputc('\n', out);
}

/* Print the table. */
void tab_print(const Tabular *t, FILE *out, bool header)
{
    for (int r = 0; r < t->rows.n; r++) {
        const char **row = t->rows.v[r];
        if (row[t->ncols]) {
            fprintf(out, "%s\n", row[0]);
            continue;
        }
        print_row(t, out, row);
        if (r == 0 && header) {
            for (int i = 0; i < t->ncols; i++) {
                for (int k = 0; k < t->width[i]; k++)
                    fputc('-', out);
                if (i < t->ncols - 1)
                    fputs("  ", out);
            }
            fputc('\n', out);
        }
    }
}

/* Free a table. */
void tab_free(Tabular *t)
{
    if (t)
        arena_free(t->a);
    free(t);
}
