/* strbuf.h: a growable string builder, for JSON, text and SQL of any length.
   (SQLite's sqlite3_str would do as well, but would bring sqlite3.h into
   every stage; SQL itself is quoted with sqlite3_mprintf in src/facts/.) */
#ifndef QPL_STRBUF_H
#define QPL_STRBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "arena.h"

/* The bytes are always NUL-terminated; len does not count the NUL. */
typedef struct Sb {
    char *s;
    size_t len, cap;
} Sb;

#define SB_INIT {NULL, 0, 0}

/* Make room for n more bytes and the NUL (the slow path of sb_room). */
void sb_grow_to(Sb *b, size_t n);

/* Make room for n more bytes and the NUL. */
static inline void sb_room(Sb *b, size_t n)
{
    if (b->len + n + 1 > b->cap)
        sb_grow_to(b, n);
}

/* Append one byte. */
static inline void sb_putc(Sb *b, char c)
{
    sb_room(b, 1);
    b->s[b->len++] = c;
    b->s[b->len] = 0;
}

/* Append n bytes. */
static inline void sb_putn(Sb *b, const char *s, size_t n)
{
    sb_room(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

/* Append a NUL-terminated string. */
static inline void sb_puts(Sb *b, const char *s)
{
    sb_putn(b, s, strlen(s));
}
void sb_printf(Sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A decimal integer, without printf. */
void sb_int(Sb *b, int64_t v);
/* Append n bytes of s with the characters that control a terminal written
   as escapes, so that text from the data can neither break a line nor
   command a terminal: newline, return and tab as \n, \r and \t, the other
   C0 controls and DEL as \xHH, the C1 controls (U+0080 to U+009F) as \u00HH. */
void sb_put_visible(Sb *b, const char *s, size_t n);
/* Whether s (n bytes) holds a character sb_put_visible escapes. */
bool sb_needs_escape(const char *s, size_t n);
/* s itself when it needs no escape, else a copy in arena a that sb_put_visible wrote. */
const char *sb_visible(Arena *a, const char *s);
/* The text so far ("" when empty). */
const char *sb_str(const Sb *b);
/* Forget the text but keep the memory. */
void sb_clear(Sb *b);
/* A copy of the text in arena a. */
char *sb_arena(const Sb *b, Arena *a);
void sb_free(Sb *b);

#endif
