/* strbuf.c: a growable, NUL-terminated string builder. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "mem.h"
#include "strbuf.h"

/* Make room for n more bytes and the NUL, when there is not enough already. */
void sb_grow_to(Sb *b, size_t n)
{
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + n + 1) {
        if (cap > SIZE_MAX / 2)
            mem_fail();
        cap *= 2;
    }
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
}

/* Append formatted text. */
void sb_printf(Sb *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    sb_room(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Append a decimal integer. */
void sb_int(Sb *b, int64_t v)
{
    char tmp[24];
    int i = sizeof tmp;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[--i] = '-';
    sb_putn(b, tmp + i, sizeof tmp - (size_t)i);
}

/* The text built so far. */
const char *sb_str(const Sb *b)
{
    return b->s ? b->s : "";
}

/* Empty the builder, keeping its memory. */
void sb_clear(Sb *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = 0;
}

/* Copy the text into an arena. */
char *sb_arena(const Sb *b, Arena *a)
{
    return arena_strndup(a, sb_str(b), b->len);
}

/* Free the builder's memory. */
void sb_free(Sb *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

/* Append n bytes of s with the characters that control a terminal written
   as escapes. */
void sb_put_visible(Sb *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F) {
            unsigned char c1 = (unsigned char)s[++i];
            char esc[6] = {'\\', 'u', '0', '0', hex[c1 >> 4], hex[c1 & 15]};
            sb_putn(b, esc, sizeof esc);
        } else if (c >= 0x20 && c != 0x7F) {
            sb_putc(b, (char)c);
        } else if (c == '\n' || c == '\r' || c == '\t') {
            sb_putc(b, '\\');
            sb_putc(b, c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
        } else {
            char esc[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
            sb_putn(b, esc, sizeof esc);
        }
    }
}

/* Whether s (n bytes) holds a character that sb_put_visible would escape. */
bool sb_needs_escape(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F || (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                                      (unsigned char)s[i + 1] <= 0x9F))
            return true;
    }
    return false;
}

/* s itself, or a copy in arena a with its control characters escaped. */
const char *sb_visible(Arena *a, const char *s)
{
    size_t n = strlen(s);
    if (!sb_needs_escape(s, n))
        return s;
    Sb b = SB_INIT;
    sb_put_visible(&b, s, n);
    const char *out = sb_arena(&b, a);
    sb_free(&b);
    return out;
}
