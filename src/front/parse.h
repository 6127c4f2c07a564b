/* parse.h: source text to syntax tree. */
#ifndef QPL_PARSE_H
#define QPL_PARSE_H

#include "ast.h"
#include "diag.h"

/* Parse f into decls (Decl*, allocated in a), as if `prefix` came first (on
   lines before line 1, so positions are those of f), declarations of items
   going into section `sect` (NULL: none yet). Returns the number of errors. */
int parse_text(Arena *a, Diags *d, const SourceFile *f, const char *prefix, Decl *sect, Vec *decls);
/* Whether text typed so far is an incomplete declaration: the parser met its
   end too early, or a decision has no `otherwise` or a deadline no due date yet. */
bool parse_needs_more(const char *text);
/* Whether text begins with a word that starts a declaration (`let`, `decide`, ...). */
bool parse_is_declaration(const char *text);
/* Whether the n bytes at s spell a word that starts a declaration. */
bool parse_starts_item(const char *s, size_t n);
/* The i-th keyword of the language (i from 0), or NULL past the last. */
const char *parse_keyword_at(int i);
/* Whether the n bytes at s spell a keyword. */
bool parse_is_keyword(const char *s, size_t n);

#endif
