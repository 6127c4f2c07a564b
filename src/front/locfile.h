/* locfile.h: source text and positions. A SourceFile owns a file's text and
   its line index; every message that points into a policy (diagnostics,
   explanations quoting a branch) finds its line and columns here. Columns
   count characters (UTF-8 code points), from 1. */
#ifndef QPL_LOCFILE_H
#define QPL_LOCFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "../util/arena.h"
#include "../util/strbuf.h"

/* A span of source: from (line, col) up to, not including, (end_line, end_col). */
typedef struct Loc {
    int line, col, end_line, end_col;
} Loc;

typedef struct SourceFile {
    const char *path;       /* as shown in messages */
    const char *text;       /* NUL-terminated */
    size_t len;
    int nlines;
    size_t *line_start;     /* byte offset of each line; line n starts at line_start[n - 1] */
} SourceFile;

/* A source file over a copy of text (n bytes), allocated in a. */
SourceFile *loc_file(Arena *a, const char *path, const char *text, size_t n);
/* The bytes of line `line` (no newline, no trailing CR); NULL if there is none. */
const char *loc_line(const SourceFile *f, int line, size_t *len);
/* Display columns of n bytes of UTF-8 text. */
int loc_width(const char *s, size_t n);
/* The text of a span, as written (NULL if it is not in the file). */
char *loc_text(Arena *a, const SourceFile *f, Loc loc);
/* The text of a span on one line, with its white space runs and comments
   folded into single spaces (NULL if it is not in the file). */
char *loc_text_flat(Arena *a, const SourceFile *f, Loc loc);
/* The same, appended to b (nothing when the span is not in the file). */
void loc_put_flat(Sb *b, const SourceFile *f, Loc loc);
/* Print line loc.line of f, then a caret line under the span. */
void loc_show(FILE *out, const SourceFile *f, Loc loc);
/* Whether position (l1, c1) comes before (l2, c2). */
bool loc_before(int l1, int c1, int l2, int c2);

#endif
