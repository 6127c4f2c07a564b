/* output.h: the jsonl, csv and table renderings of decisions (output.md). */
#ifndef QPL_OUTPUT_H
#define QPL_OUTPUT_H

#include <stdio.h>
#include "run.h"

typedef enum { FMT_TABLE, FMT_JSONL, FMT_CSV } Format;

typedef struct Output Output;

Output *output_new(Program *p, Format fmt, bool explain);
/* The EmitFn for run_policy; ctx is the Output. */
void output_emit(void *ctx, Section *s, Row *row, Decl *d, Value v, Explain *why);
/* Write everything collected to out, in the contract's order. */
void output_finish(Output *o, FILE *out);
void output_free(Output *o);
/* Show only subjects of one kind in tables (NULL: every kind). */
void output_only(Output *o, const char *subject);
/* One decision as a jsonl line (no newline) in arena a. */
const char *output_jsonl(Arena *a, Program *p, Section *s, const char *id, Decl *d, Value v, Explain *why);

#endif
