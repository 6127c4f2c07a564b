/* diag.h: diagnostics for policy authors: file:line:col, the line, a caret,
   a hint. A sink with no output stream counts without printing. */
#ifndef QPL_DIAG_H
#define QPL_DIAG_H

#include <stdbool.h>
#include <stdio.h>
#include "locfile.h"

typedef struct Diags {
    FILE *out;              /* NULL: count, print nothing */
    int errors, warnings;
    int limit;              /* stop printing after this many errors */
    bool strict;            /* warnings count as errors */
} Diags;

void diag_init(Diags *d, FILE *out);
/* An error at loc in f (f NULL: no source position). */
void diag_error(Diags *d, const SourceFile *f, Loc loc, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void diag_warning(Diags *d, const SourceFile *f, Loc loc, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* An error with no source position: "qpl: error: ...". */
void diag_plain(Diags *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A hint line under the last message. */
void diag_hint(Diags *d, const char *hint);
/* Whether the error limit has been reached (later errors are counted, not shown). */
bool diag_full(const Diags *d);

#endif
