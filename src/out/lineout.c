/* lineout.c: lines of output held per decision until the run ends. */
#include <stdlib.h>
#include "../util/mem.h"
#include "lineout.h"

/* Start a line renderer. */
Renderer *lineout_begin(FILE *out, const RenderInfo *info)
{
    LineOut *l = xcalloc(1, sizeof *l);
    l->r.out = out;
    l->r.info = *info;
    l->a = arena_new();
    l->held = xcalloc((size_t)info->p->outputs.n + 1, sizeof *l->held);
    return &l->r;
}

/* Start a new line. */
void lineout_start(LineOut *l)
{
    arena_reset(l->a);
    sb_clear(&l->line);
}

/* The position of d among the program's decisions. */
static int out_index(const Program *p, const Decl *d)
{
    for (int i = 0; i < p->outputs.n; i++)
        if (p->outputs.v[i] == d)
            return i;
    return 0;
}

/* Hold the line just built, for decision d. */
void lineout_put(LineOut *l, const Decl *d)
{
    int i = out_index(l->r.info.p, d);
    if (!l->held[i] && !(l->held[i] = tmpfile())) {
        fputs("qpl: error: cannot make a temporary file for the output\n", stderr);
        exit(1);
    }
    sb_putc(&l->line, '\n');
    fwrite(sb_str(&l->line), 1, l->line.len, l->held[i]);
}

/* Write out the held lines, decision by decision. */
void lineout_end(Renderer *r)
{
    LineOut *l = (LineOut *)r;
    char buf[65536];
    for (int i = 0; i < r->info.p->outputs.n; i++) {
        if (!l->held[i])
            continue;
        rewind(l->held[i]);
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, l->held[i])) > 0)
            fwrite(buf, 1, n, r->out);
    }
}

/* Close the held files and free the renderer. */
void lineout_free(Renderer *r)
{
    LineOut *l = (LineOut *)r;
    for (int i = 0; i < r->info.p->outputs.n; i++)
        if (l->held[i])
            fclose(l->held[i]);
    free(l->held);
    sb_free(&l->line);
    arena_free(l->a);
    free(l);
}
