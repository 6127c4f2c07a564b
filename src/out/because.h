/* because.h: explanations in words: the branch that fired and what was read. */
#ifndef QPL_BECAUSE_H
#define QPL_BECAUSE_H

#include "../runtime/explain.h"
#include "../util/strbuf.h"

/* The branch that fired (or the form: "deadline NAME", "quorum NAME",
   "suspended"), in arena a; NULL when there is none. */
const char *because_branch(Arena *a, const Explain *why);
/* One fact, decision or sign used, as a line of text. */
void because_use(Sb *b, const Use *u);
/* The citation of an explanation, else of its decision. */
const char *because_cite(const Explain *why, const Decl *d);

#endif
