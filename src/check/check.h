/* check.h: name resolution and type checking. */
#ifndef QPL_CHECK_H
#define QPL_CHECK_H

#include "program.h"

/* Register, resolve and type-check the declarations from index `from` of
   p->decls on. Returns the number of new errors. */
int check_program(Program *p, int from);
/* Warn about parameters and definitions of the policy file that nothing uses. */
void check_unused(Program *p);
/* Warn about decisions of the policy file that cite no clause of the policy
   document (neither the decision nor any of its branches). */
void check_cites(Program *p);

#endif
