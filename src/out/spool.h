/* spool.h: lines held back per decision, so that jsonl and csv come out
   decision by decision in bounded memory (temporary files). */
#ifndef QPL_SPOOL_H
#define QPL_SPOOL_H

#include <stdio.h>
#include "../check/program.h"

typedef struct Spool Spool;

Spool *spool_new(const Program *p);
/* Hold a line (with its newline) for decision d. */
void spool_put(Spool *s, const Decl *d, const char *line, size_t n);
/* Write every held line to out, decision by decision in policy order. */
void spool_drain(Spool *s, FILE *out);
void spool_free(Spool *s);

#endif
