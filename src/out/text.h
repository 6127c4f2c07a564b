/* text.h: the text view's explanation lines, shared with the REPL's
   `.explain` and `qpl test`'s failure reports. */
#ifndef QPL_TEXT_H
#define QPL_TEXT_H

#include "../runtime/explain.h"
#include "../util/strbuf.h"

/* Append the lines that say why value v (of decision or definition d) is
   what it is, tagged "because", "cite", "facts", "uses", indented by indent
   and wrapped to width; words are built in arena a. */
void text_why(Sb *out, Arena *a, Value v, const Explain *why, const Decl *d, int indent, int width);

#endif
