/* lineout.h: what the line-per-decision formats (jsonl, csv) share: a line
   being built, an arena for its pieces, and the lines held back so that they
   come out decision by decision (in temporary files, in bounded memory). */
#ifndef QPL_LINEOUT_H
#define QPL_LINEOUT_H

#include "render.h"
#include "../util/strbuf.h"

typedef struct LineOut {
    Renderer r;
    Sb line;                /* the line being built */
    Arena *a;               /* its pieces; reset for each line */
    FILE **held;            /* one per program decision, made on first use */
} LineOut;

/* Start a line renderer (the `begin` of jsonl and csv). */
Renderer *lineout_begin(FILE *out, const RenderInfo *info);
/* Start a new line. */
void lineout_start(LineOut *l);
/* Hold the line built for decision d (a newline is added). */
void lineout_put(LineOut *l, const Decl *d);
/* Write every held line, decision by decision in policy order. */
void lineout_end(Renderer *r);
void lineout_free(Renderer *r);

#endif
