/* arena.c: bump allocation in blocks, and growable pointer arrays. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "mem.h"

typedef struct ArenaBlock {
    struct ArenaBlock *next;
    size_t size;
    max_align_t data[];
} Block;

enum { BLOCK_SIZE = 32768 };

/* Make an empty arena. */
Arena *arena_new(void)
{
    return xcalloc(1, sizeof(Arena));
}

/* Carve n bytes from a new block, made the newest unless n is larger than a
   block (then it goes behind the newest, whose free bytes stay in use). */
void *arena_carve_block(Arena *a, size_t n)
{
    if (n > SIZE_MAX / 2)
        mem_fail();
    n = arena_round(n);
    size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
    Block *b = xmalloc(sizeof *b + size);
    b->size = size;
    if (size > BLOCK_SIZE && a->head) {
        b->next = a->head->next;
        a->head->next = b;
        return b->data;
    }
    b->next = a->head;
    a->head = b;
    a->next = (char *)b->data + n;
    a->left = size - n;
    return b->data;
}

/* Allocate a zeroed array of n elements, refusing sizes that overflow. */
void *arena_array(Arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / 4 / size)
        mem_fail();
    return arena_alloc(a, n * size);
}

/* Copy n bytes of s into the arena as a NUL-terminated string. */
char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_carve(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

/* Copy a string into the arena. */
char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

/* Format a string into the arena. */
char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return arena_strdup(a, "");
    char *p = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

/* Free every block but the newest, and empty that one. */
void arena_reset(Arena *a)
{
    if (!a->head)
        return;
    Block *b = a->head->next;
    while (b) {
        Block *n = b->next;
        free(b);
        b = n;
    }
    a->head->next = NULL;
    a->next = (char *)a->head->data;
    a->left = a->head->size;
}

/* Free the arena and everything in it. */
void arena_free(Arena *a)
{
    if (!a)
        return;
    Block *b = a->head;
    while (b) {
        Block *n = b->next;
        free(b);
        b = n;
    }
    free(a);
}

/* Append p to v, growing it in the arena. */
void vec_push(Arena *a, Vec *v, void *p)
{
    if (v->n == v->cap) {
        int cap = v->cap ? v->cap * 2 : 4;
        void **nv = arena_array(a, (size_t)cap, sizeof *nv);
        if (v->n)
            memcpy(nv, v->v, (size_t)v->n * sizeof *nv);
        v->v = nv;
        v->cap = cap;
    }
    v->v[v->n++] = p;
}
