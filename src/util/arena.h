/* arena.h: bump allocation (freed all at once) and growable pointer arrays. */
#ifndef QPL_ARENA_H
#define QPL_ARENA_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* Everything allocated in an arena lives until arena_reset or arena_free.
   The free part of its newest block is here, so that the common allocation
   is a bump inline; the blocks themselves are arena.c's. */
typedef struct Arena {
    char *next;             /* the newest block's free bytes */
    size_t left;
    struct ArenaBlock *head;
} Arena;
Arena *arena_new(void);
/* n bytes (not cleared) from a new block: the slow path of arena_carve. */
void  *arena_carve_block(Arena *a, size_t n);

/* n rounded up to the alignment of any type (at least one unit, so that
   every allocation has an address of its own); n must be far below SIZE_MAX. */
static inline size_t arena_round(size_t n)
{
    enum { ALIGN = _Alignof(max_align_t) };
    return n ? (n + ALIGN - 1) & ~(size_t)(ALIGN - 1) : ALIGN;
}

/* n bytes, not cleared, aligned for any type. */
static inline void *arena_carve(Arena *a, size_t n)
{
    size_t r = n <= a->left ? arena_round(n) : 0;
    if (r == 0 || r > a->left)
        return arena_carve_block(a, n);
    void *p = a->next;
    a->next += r;
    a->left -= r;
    return p;
}

/* n zeroed bytes, aligned for any type. */
static inline void *arena_alloc(Arena *a, size_t n)
{
    return memset(arena_carve(a, n), 0, n);
}

/* A copy of n bytes, in the arena. */
static inline void *arena_copy(Arena *a, const void *p, size_t n)
{
    return memcpy(arena_carve(a, n ? n : 1), p, n);
}
/* n elements of size bytes each, zeroed; stops cleanly if n * size overflows. */
void  *arena_array(Arena *a, size_t n, size_t size);
char  *arena_strndup(Arena *a, const char *s, size_t n);
char  *arena_strdup(Arena *a, const char *s);
char  *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Free everything but the newest block, ready for reuse. */
void   arena_reset(Arena *a);
void   arena_free(Arena *a);

/* A growable array of pointers, grown in an arena. */
typedef struct Vec {
    void **v;
    int n, cap;
} Vec;
void vec_push(Arena *a, Vec *v, void *p);

#endif
