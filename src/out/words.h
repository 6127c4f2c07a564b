/* words.h: reasons, rows, branches and expressions in words. */
#ifndef QPL_WORDS_H
#define QPL_WORDS_H

#include "../runtime/value.h"
#include "../util/strbuf.h"

/* A reason as one line of text, in arena a (or appended to b). */
const char *words_reason(Arena *a, const Reason *r);
void words_reason_to(Sb *b, const Reason *r);
/* The same, keeping the conditions it quotes in q to copy the next time
   (for renderers that write many lines). */
typedef struct Quotes Quotes;
Quotes *quotes_new(void);
void quotes_free(Quotes *q);
void words_reason_quoting(Sb *b, const Reason *r, Quotes *q);
/* The first fact (row and field) a reason says is missing, or NULL. */
const Reason *words_missing_fact(const Reason *r);
/* How a person knows a row: "process PC-1", "inspection of SOM07 published 2023-04-20". */
void words_row(Sb *b, const Row *r);
/* The text of a branch as written (its value and condition, on one line). */
const char *words_branch(Arena *a, const Decl *d, const Branch *b);
/* The text of an expression of decision d's file, as written, on one line. */
const char *words_expr(Arena *a, const Decl *d, const Expr *e);

#endif
