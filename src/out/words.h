/* words.h: reasons and branches in words: why a value is missing, and the
   text of a branch as written. */
#ifndef QPL_WORDS_H
#define QPL_WORDS_H

#include "../runtime/value.h"
#include "../util/strbuf.h"

/* A reason as one line of text, in arena a. */
const char *words_reason(Arena *a, const Reason *r);
/* The text of a branch as written (its value and condition, on one line). */
const char *words_branch(Arena *a, const Decl *d, const Branch *b);

#endif
