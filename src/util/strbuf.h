/* strbuf.h: a growable string builder, for JSON, text and SQL of any length.
   (SQLite's sqlite3_str would do as well, but would bring sqlite3.h into
   every stage; SQL itself is quoted with sqlite3_mprintf in src/facts/.) */
#ifndef QPL_STRBUF_H
#define QPL_STRBUF_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "arena.h"

/* The bytes are always NUL-terminated; len does not count the NUL. */
typedef struct Sb {
    char *s;
    size_t len, cap;
} Sb;

#define SB_INIT {NULL, 0, 0}

void sb_putc(Sb *b, char c);
void sb_putn(Sb *b, const char *s, size_t n);
void sb_puts(Sb *b, const char *s);
void sb_printf(Sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A decimal integer, without printf. */
void sb_int(Sb *b, int64_t v);
/* The text so far ("" when empty). */
const char *sb_str(const Sb *b);
/* Forget the text but keep the memory. */
void sb_clear(Sb *b);
/* A copy of the text in arena a. */
char *sb_arena(const Sb *b, Arena *a);
void sb_free(Sb *b);

#endif
