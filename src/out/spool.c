/* spool.c: per-decision temporary files of output lines. */
#include <stdlib.h>
#include "../util/mem.h"
#include "spool.h"

struct Spool {
    const Program *p;
    FILE **files;           /* one per program output, made on first use */
};

/* A spool for the decisions of p. */
Spool *spool_new(const Program *p)
{
    Spool *s = xcalloc(1, sizeof *s);
    s->p = p;
    s->files = xcalloc((size_t)p->outputs.n + 1, sizeof *s->files);
    return s;
}

/* The position of d among the program's decisions. */
static int out_index(const Program *p, const Decl *d)
{
    for (int i = 0; i < p->outputs.n; i++)
        if (p->outputs.v[i] == d)
            return i;
    return 0;
}

/* Hold a line for decision d. */
void spool_put(Spool *s, const Decl *d, const char *line, size_t n)
{
    int i = out_index(s->p, d);
    if (!s->files[i] && !(s->files[i] = tmpfile())) {
        fputs("qpl: error: cannot make a temporary file for the output\n", stderr);
        exit(1);
    }
    fwrite(line, 1, n, s->files[i]);
}

/* Write out the held lines, decision by decision. */
void spool_drain(Spool *s, FILE *out)
{
    char buf[65536];
    for (int i = 0; i < s->p->outputs.n; i++) {
        if (!s->files[i])
            continue;
        rewind(s->files[i]);
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, s->files[i])) > 0)
            fwrite(buf, 1, n, out);
    }
}

/* Close the spool's files. */
void spool_free(Spool *s)
{
    for (int i = 0; i < s->p->outputs.n; i++)
        if (s->files[i])
            fclose(s->files[i]);
    free(s->files);
    free(s);
}
