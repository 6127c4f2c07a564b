/* check.h: name resolution and type checking. */
#ifndef QPL_CHECK_H
#define QPL_CHECK_H

#include "program.h"

/* Set up the built-in types of a new program. */
void program_init_types(Program *p);
/* Register, resolve and type-check every declaration not yet checked
   (from index `from` of p->decls). Returns the number of new errors. */
int check_program(Program *p, int from);

/* Warn about unused parameters and definitions of the main file. */
void check_unused(Program *p);

#endif

