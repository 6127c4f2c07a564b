/* diag.h: diagnostics for policy authors: file:line:col, the line, a caret, a hint. */
#ifndef QPL_DIAG_H
#define QPL_DIAG_H

#include <stdio.h>
#include "ast.h"

typedef struct Diags {
    FILE *out;
    int errors, warnings;
    int limit;              /* stop reporting after this many errors */
    bool color;
} Diags;

void diags_init(Diags *d, FILE *out);
/* Report an error at loc in f (f may be NULL for errors with no source). */
void diag_error(Diags *d, const SourceFile *f, Loc loc, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void diag_warning(Diags *d, const SourceFile *f, Loc loc, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* An error with no source position: "qpl: error: ...". */
void diag_plain(Diags *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool diag_full(const Diags *d);

/* The start of line `line` (1-based) of f's text, or NULL if there is no such line. */
const char *source_line(const SourceFile *f, int line);

/* The closest of n candidate names to word, or NULL when none is close. */
const char *closest_name(const char *word, const char *const *cands, int n);

#endif
