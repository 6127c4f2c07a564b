/* mem.c: allocation that stops the program cleanly when memory runs out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mem.h"

/* Say that memory ran out and stop. */
_Noreturn void mem_fail(void)
{
    fputs("qpl: error: out of memory\n", stderr);
    exit(1);
}

/* malloc that never returns NULL. */
void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        mem_fail();
    return p;
}

/* calloc that never returns NULL. */
void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        mem_fail();
    return p;
}

/* realloc that never returns NULL. */
void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        mem_fail();
    return q;
}

/* A heap copy of s. */
char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

/* A heap copy of the first n bytes of s, NUL-terminated. */
char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}
