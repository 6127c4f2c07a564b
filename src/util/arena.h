/* arena.h: bump allocation (freed all at once) and growable pointer arrays. */
#ifndef QPL_ARENA_H
#define QPL_ARENA_H

#include <stdbool.h>
#include <stddef.h>

/* Everything allocated in an arena lives until arena_reset or arena_free. */
typedef struct Arena Arena;
Arena *arena_new(void);
/* n zeroed bytes, aligned for any type. */
void  *arena_alloc(Arena *a, size_t n);
/* A copy of n bytes, in the arena. */
void  *arena_copy(Arena *a, const void *p, size_t n);
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
