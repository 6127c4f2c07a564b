/* arena.c: bump allocation in blocks, and growable pointer arrays. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "mem.h"

typedef struct Block {
    struct Block *next;
    size_t size, used;
    max_align_t data[];
} Block;

struct Arena {
    Block *head;
};

enum { BLOCK_SIZE = 32768 };

/* Make an empty arena. */
Arena *arena_new(void)
{
    return xcalloc(1, sizeof(Arena));
}

/* Carve n bytes (not cleared) that live until the arena is reset or freed. */
static void *carve(Arena *a, size_t n)
{
    if (n > SIZE_MAX / 2)
        mem_fail();
    n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    if (!a->head || a->head->size - a->head->used < n) {
        size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
        Block *b = xmalloc(sizeof *b + size);
        b->size = size;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)a->head->data + a->head->used;
    a->head->used += n;
    return p;
}

/* Allocate n zeroed bytes that live until the arena is reset or freed. */
void *arena_alloc(Arena *a, size_t n)
{
    return memset(carve(a, n), 0, n);
}

/* A copy of the n bytes at p, in the arena. */
void *arena_copy(Arena *a, const void *p, size_t n)
{
    return memcpy(carve(a, n ? n : 1), p, n);
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
    char *p = carve(a, n + 1);
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
    a->head->used = 0;
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
