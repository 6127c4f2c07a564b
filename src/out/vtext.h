/* vtext.h: values as text for people. */
#ifndef QPL_VTEXT_H
#define QPL_VTEXT_H

#include "../runtime/value.h"
#include "../util/strbuf.h"

typedef enum {
    VT_CELL,                /* tables and csv: codes and texts bare, lists joined with ", " */
    VT_REPL,                /* the REPL: texts quoted, lists in brackets, rows by key or columns */
    VT_WORDS,               /* explanations: codes by their display labels, rows as a person knows them */
    VT_PEOPLE               /* the text view: as VT_WORDS, and dates as "8 Jan 2025", yes and no, "none" */
} VStyle;

/* Append a value as text; a missing value is "undetermined". */
void vtext(Sb *b, Value v, VStyle style);
/* A date for people: "8 Jan 2025". */
void vtext_date(Sb *b, qdate d);
/* The same, as a string in arena a. */
const char *vtext_str(Arena *a, Value v, VStyle style);

#endif
