/* load.h: the search path for modules and calendars, and loading a policy's files. */
#ifndef QPL_LOAD_H
#define QPL_LOAD_H

#include "program.h"

/* Remember where the executable is, for the standard library beside it. */
void load_set_exe_dir(const char *argv0);
/* Find name+ext: next to the file `near` (may be NULL), on QPL_PATH, in the
   stdlib beside the executable or the build tree, then in the installed
   share directory. A malloc'd path, or NULL. */
char *load_find(const char *name, const char *ext, const char *near);
/* Parse the file at path ("-": standard input) and every module and tested
   policy it names into p. NULL when the file itself cannot be read. */
const SourceFile *load_program(Program *p, const char *path);
/* The standard library module that declares a scale, enumeration or record
   called name (a malloc'd module name), or NULL: for "add `use ...`" hints. */
char *load_module_defining(const char *name);
/* Load the calendar the policy names, with its closure days. */
void load_calendar(Program *p);

#endif
