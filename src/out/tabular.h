/* tabular.h: aligned text tables (the table format, the REPL's listings). */
#ifndef QPL_TABULAR_H
#define QPL_TABULAR_H

#include <stdbool.h>
#include <stdio.h>
#include "../util/arena.h"

typedef struct Tabular Tabular;

Tabular *tab_new(int ncols);
/* Add a row of ncols cells (copied; NULL cells are empty). */
void tab_row(Tabular *t, const char *const *cells);
int  tab_rows(const Tabular *t);
/* Print the rows with aligned columns; with header, a line of dashes under the first. */
void tab_print(const Tabular *t, FILE *out, bool header);
void tab_free(Tabular *t);

#endif
