/* json.c: the JSON encoding of values. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif
#include "../util/mem.h"
#include "json.h"
#include "vtext.h"

/* Whether any of the 8 bytes of w needs escaping in JSON: a control byte
   (below 0x20), '"' or a backslash (the bit tricks of "Bit Twiddling Hacks",
   haszero and hasless). */
static bool word_needs_escape(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t quote = w ^ (ones * '"'), slash = w ^ (ones * '\\');
    uint64_t hits = ((quote - ones) & ~quote) | ((slash - ones) & ~slash) | ((w - ones * 0x20) & ~w);
    return (hits & high) != 0;
}

/* 16 when none of the bytes s[0..16) needs escaping in JSON, else an offset
   at or before the first that does: with SSE2 (which every x86-64 processor
   has), exactly it, the sixteen bytes compared at once; elsewhere the start
   of the word of word_needs_escape that holds it. */
static int block_escape(const char *s)
{
#if defined(__SSE2__) && defined(__GNUC__)
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
                                _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1f)), x));
    int mask = _mm_movemask_epi8(hits);
    return mask ? __builtin_ctz((unsigned)mask) : 16;
#else
    uint64_t w;
    memcpy(&w, s, 8);
    if (word_needs_escape(w))
        return 0;
    memcpy(&w, s + 8, 8);
    return word_needs_escape(w) ? 8 : 16;
#endif
}

/* Append the n bytes at s as a JSON string literal. */
void json_string_n(Sb *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    sb_putc(b, '"');
    size_t run = 0, i = 0;
    while (i < n) {
        if (i + 16 <= n) {
            int k = block_escape(s + i);
            i += (size_t)k;
            if (k == 16)
                continue;
        } else {
            uint64_t w;
            if (i + 8 <= n && (memcpy(&w, s + i, 8), !word_needs_escape(w))) {
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i];
        if (c != '"' && c != '\\' && c >= 0x20) {
            i++;
            continue;
        }
        sb_putn(b, s + run, i - run);
        run = ++i;
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            sb_putn(b, esc, 2);
        } else {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            sb_putn(b, esc, 6);
        }
    }
    sb_putn(b, s + run, n - run);
    sb_putc(b, '"');
}

/* Append the string s as a JSON string literal. */
void json_string(Sb *b, const char *s)
{
    json_string_n(b, s, strlen(s));
}

/* Order for sorting list items in output: by value, rows by key. */
static int sort_cmp(const void *a, const void *b)
{
    const Value *x = a, *y = b;
    if (x->k != y->k)
        return (x->k > y->k) - (x->k < y->k);
    if (x->k == V_ROW)
        return strcmp(x->u.row->key ? x->u.row->key : "", y->u.row->key ? y->u.row->key : "");
    return value_cmp(*x, *y);
}

/* A list: codes keep the policy's order; other items are sorted. */
static void json_list(Sb *b, const List *l)
{
    int n = l->n;
    Value *items = xmalloc((size_t)(n ? n : 1) * sizeof *items);
    if (n)
        memcpy(items, l->items, (size_t)n * sizeof *items);
    if (n > 1 && items[0].k != V_CODE)
        qsort(items, (size_t)n, sizeof *items, sort_cmp);
    sb_putc(b, '[');
    for (int i = 0; i < n; i++) {
        if (i)
            sb_putc(b, ',');
        json_value(b, items[i]);
    }
    sb_putc(b, ']');
    free(items);
}

/* Append a value in the contract's JSON encoding. */
void json_value(Sb *b, Value v)
{
    char tmp[64];
    switch (v.k) {
    case V_MISSING: sb_puts(b, "null"); break;
    case V_BOOL: sb_puts(b, v.u.b ? "true" : "false"); break;
    case V_NUM:
        if (v.u.n.d == 1) {
            sb_int(b, v.u.n.n);     /* (the common case, without printf) */
            break;
        }
        num_format(v.u.n, tmp, sizeof tmp);
        sb_puts(b, tmp);
        break;
    case V_TEXT: json_string(b, v.u.s); break;
    case V_DATE:
        date_format(v.u.d, tmp);
        sb_putc(b, '"');
        sb_puts(b, tmp);
        sb_putc(b, '"');
        break;
    case V_DUR:
        sb_putc(b, '"');
        vtext(b, v, VT_CELL);
        sb_putc(b, '"');
        break;
    case V_CODE: json_string(b, v.scale->u.scale.values.v[v.u.code]); break;
    case V_LIST: json_list(b, v.u.list); break;
    case V_ROW: json_string(b, v.u.row->key ? v.u.row->key : v.u.row->rec->name); break;
    case V_DEADLINE:
        sb_puts(b, "{\"due\":");
        json_value(b, v.u.dl->due);
        sb_puts(b, ",\"done\":");
        json_value(b, v.u.dl->done);
        sb_puts(b, ",\"status\":\"");
        sb_puts(b, lang_statuses[v.u.dl->status]);
        sb_puts(b, "\"}");
        break;
    case V_QUORUM:
        sb_puts(b, "{\"quorate\":");
        sb_puts(b, v.u.q->quorate ? "true" : "false");
        sb_puts(b, ",\"present\":");
        sb_int(b, v.u.q->present);
        sb_puts(b, ",\"missing_roles\":");
        json_list(b, v.u.q->missing);
        sb_putc(b, '}');
        break;
    }
}

/* A value's JSON as a string in an arena. */
const char *json_str(Arena *a, Value v)
{
    Sb b = SB_INIT;
    json_value(&b, v);
    const char *s = sb_arena(&b, a);
    sb_free(&b);
    return s;
}
