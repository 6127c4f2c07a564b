/* reason.h: the words for why a value is missing. */
#ifndef QPL_REASON_H
#define QPL_REASON_H

#include "../runtime/value.h"
#include "../util/strbuf.h"

/* Append a reason as one line of text. */
void reason_write(Sb *b, const Reason *r);
/* The same, as a string in arena a. */
const char *reason_str(Arena *a, const Reason *r);
/* The text of a branch as written (its value and condition, on one line). */
const char *branch_words(Arena *a, const Decl *d, const Branch *b);

#endif
