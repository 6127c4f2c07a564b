/* mem.h: the one out-of-memory policy: allocation never returns NULL.
   When memory runs out qpl says so on stderr and exits with status 1
   (the run could not be completed); nothing else checks for NULL. */
#ifndef QPL_MEM_H
#define QPL_MEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Report that memory ran out and exit; for libraries that return NULL. */
_Noreturn void mem_fail(void);

#endif
