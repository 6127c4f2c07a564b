/* tabular.h: aligned text tables (the table format, the REPL's listings). */
#ifndef QPL_TABULAR_H
#define QPL_TABULAR_H

#include <stdbool.h>
#include <stdio.h>
#include "../util/arena.h"

typedef struct Tabular Tabular;

Tabular *tab_new(int ncols);
/* Add a row of ncols cells (copied, with control characters escaped:
   sb_put_visible; NULL cells are empty). */
void tab_row(Tabular *t, const char *const *cells);
/* Add a line of text that is not aligned with the columns (it is not a
   row; copied with control characters escaped). */
void tab_line(Tabular *t, const char *text);
/* The number of rows (lines not counted). */
int  tab_rows(const Tabular *t);
/* Print the rows with aligned columns; with header, a line of dashes under the first. */
void tab_print(const Tabular *t, FILE *out, bool header);
void tab_free(Tabular *t);

#endif
