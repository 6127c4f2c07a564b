/* locfile.c: line index, columns and spans of source files. */
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "locfile.h"

/* Copy text into a new source file and index its lines. */
SourceFile *loc_file(Arena *a, const char *path, const char *text, size_t n)
{
    SourceFile *f = arena_alloc(a, sizeof *f);
    f->path = arena_strdup(a, path);
    f->text = arena_strndup(a, text, n);
    f->len = n;
    int lines = 1;
    for (const char *p = f->text; (p = memchr(p, '\n', (size_t)(f->text + n - p))); p++)
        lines++;
    f->line_start = arena_array(a, (size_t)lines, sizeof *f->line_start);
    f->nlines = lines;
    int k = 0;
    f->line_start[k++] = 0;
    for (size_t i = 0; i < n; i++)
        if (f->text[i] == '\n')
            f->line_start[k++] = i + 1;
    return f;
}

/* The bytes of one line, without its line end. */
const char *loc_line(const SourceFile *f, int line, size_t *len)
{
    if (!f || !f->text || line <= 0 || line > f->nlines)
        return NULL;
    const char *p = f->text + f->line_start[line - 1];
    const char *end = f->text + f->len;
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (!e)
        e = end;
    if (e > p && e[-1] == '\r')
        e--;
    if (len)
        *len = (size_t)(e - p);
    return p;
}

/* Characters in n bytes of UTF-8: continuation bytes take no column. */
int loc_width(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            w++;
    return w;
}

/* The byte where column col of a line starts (the line's end for the column after it). */
static const char *loc_at(const SourceFile *f, int line, int col)
{
    size_t len;
    const char *p = loc_line(f, line, &len);
    if (!p || col <= 0)
        return NULL;
    const char *e = p + len;
    int c = 1;
    for (const char *q = p; q <= e; q++) {
        if (q < e && ((unsigned char)*q & 0xC0) == 0x80)
            continue;
        if (c == col)
            return q;
        c++;
    }
    return NULL;
}

/* The raw text of a span. */
char *loc_text(Arena *a, const SourceFile *f, Loc loc)
{
    const char *p = loc_at(f, loc.line, loc.col), *q = loc_at(f, loc.end_line, loc.end_col);
    if (!p || !q || q < p)
        return NULL;
    return arena_strndup(a, p, (size_t)(q - p));
}

/* Fold the text from p to q into out (room for q - p bytes): white space
   runs and comments become single spaces. Its length. */
static size_t flatten(const char *p, const char *q, char *out)
{
    size_t n = 0;
    bool space = false, comment = false, quoted = false;
    for (const char *s = p; s < q; s++) {
        if (*s == '"' && !comment)
            quoted = !quoted;
        if (*s == '#' && !quoted)
            comment = true;
        if (*s == '\n')
            comment = quoted = false;
        if (comment)
            continue;
        if (!quoted && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
            space = n > 0;
            continue;
        }
        if (space)
            out[n++] = ' ';
        space = false;
        out[n++] = *s;
    }
    return n;
}

/* The text of a span with white space and comments folded to single spaces. */
char *loc_text_flat(Arena *a, const SourceFile *f, Loc loc)
{
    const char *p = loc_at(f, loc.line, loc.col), *q = loc_at(f, loc.end_line, loc.end_col);
    if (!p || !q || q < p)
        return NULL;
    char *out = arena_alloc(a, (size_t)(q - p) + 1);
    out[flatten(p, q, out)] = 0;
    return out;
}

/* Append the folded text of a span to b (nothing if it is not in the file). */
void loc_put_flat(Sb *b, const SourceFile *f, Loc loc)
{
    const char *p = loc_at(f, loc.line, loc.col), *q = loc_at(f, loc.end_line, loc.end_col);
    if (!p || !q || q < p)
        return;
    char small[256];
    size_t room = (size_t)(q - p);
    char *out = room <= sizeof small ? small : xmalloc(room);
    sb_putn(b, out, flatten(p, q, out));
    if (out != small)
        free(out);
}

/* Show the line of a span and a caret (and tildes) under it. */
void loc_show(FILE *out, const SourceFile *f, Loc loc)
{
    size_t len;
    const char *p = loc_line(f, loc.line, &len);
    if (!p)
        return;
    fprintf(out, "%5d | %.*s\n", loc.line, (int)len, p);
    fputs("      | ", out);
    int col = 1;
    for (const char *q = p; q < p + len && col < loc.col; q++) {
        if (((unsigned char)*q & 0xC0) == 0x80)
            continue;
        fputc(*q == '\t' ? '\t' : ' ', out);
        col++;
    }
    int width = (loc.end_line == loc.line && loc.end_col > loc.col) ? loc.end_col - loc.col : 1;
    fputc('^', out);
    for (int i = 1; i < width; i++)
        fputc('~', out);
    fputc('\n', out);
}

/* Position order. */
bool loc_before(int l1, int c1, int l2, int c2)
{
    return l1 < l2 || (l1 == l2 && c1 < c2);
}
