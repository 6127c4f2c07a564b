/* diag.c: formats errors and warnings with the source line and a caret. */
#include <stdarg.h>
#include <string.h>
#include "diag.h"

/* Start a diagnostics sink writing to out. */
void diags_init(Diags *d, FILE *out)
{
    memset(d, 0, sizeof *d);
    d->out = out;
    d->limit = 20;
}

/* Whether the error limit has been reached. */
bool diag_full(const Diags *d)
{
    return d->errors >= d->limit;
}

/* The start of a line of a source file's text, or NULL. */
const char *source_line(const SourceFile *f, int line)
{
    if (!f || !f->src || line <= 0)
        return NULL;
    const char *p = f->src, *end = f->src + f->len;
    for (int l = 1; l < line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    return p;
}

/* Print line `line` of f's source, then a caret line under [col, end). */
static void show_line(Diags *d, const SourceFile *f, Loc loc)
{
    if (!f || !f->src || loc.line <= 0)
        return;
    const char *p = source_line(f, loc.line), *end = f->src + f->len;
    if (!p)
        return;
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (!e)
        e = end;
    if (e > p && e[-1] == '\r')
        e--;
    fprintf(d->out, "%5d | %.*s\n", loc.line, (int)(e - p), p);
    fprintf(d->out, "      | ");
    int col = 1, width = 0;
    for (const char *q = p; q < e; q++) {
        if (((unsigned char)*q & 0xC0) == 0x80)
            continue;
        if (col < loc.col)
            fputc(*q == '\t' ? '\t' : ' ', d->out);
        else
            break;
        col++;
    }
    width = (loc.end_line == loc.line && loc.end_col > loc.col) ? loc.end_col - loc.col : 1;
    fputc('^', d->out);
    for (int i = 1; i < width; i++)
        fputc('~', d->out);
    fputc('\n', d->out);
}

/* Shared body of errors and warnings. */
static void report(Diags *d, const char *kind, const SourceFile *f, Loc loc,
                   const char *hint, const char *fmt, va_list ap)
{
    if (f && loc.line > 0)
        fprintf(d->out, "%s:%d:%d: %s: ", f->path, loc.line, loc.col, kind);
    else if (f)
        fprintf(d->out, "%s: %s: ", f->path, kind);
    else
        fprintf(d->out, "qpl: %s: ", kind);
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
    show_line(d, f, loc);
    if (hint)
        fprintf(d->out, "      = hint: %s\n", hint);
}

/* Report an error (ignored once the limit is reached, but still counted). */
void diag_error(Diags *d, const SourceFile *f, Loc loc, const char *hint, const char *fmt, ...)
{
    d->errors++;
    if (d->errors > d->limit)
        return;
    va_list ap;
    va_start(ap, fmt);
    report(d, "error", f, loc, hint, fmt, ap);
    va_end(ap);
    if (d->errors == d->limit)
        fprintf(d->out, "qpl: too many errors; stopping after %d\n", d->limit);
}

/* Report a warning. */
void diag_warning(Diags *d, const SourceFile *f, Loc loc, const char *hint, const char *fmt, ...)
{
    d->warnings++;
    va_list ap;
    va_start(ap, fmt);
    report(d, "warning", f, loc, hint, fmt, ap);
    va_end(ap);
}

/* Report an error that has no place in a source file. */
void diag_plain(Diags *d, const char *fmt, ...)
{
    d->errors++;
    va_list ap;
    va_start(ap, fmt);
    fputs("qpl: error: ", d->out);
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
    va_end(ap);
}

/* Levenshtein distance, bounded for short identifiers. */
static int edit_distance(const char *a, const char *b)
{
    int la = (int)strlen(a), lb = (int)strlen(b);
    if (la > 63 || lb > 63)
        return 99;
    int row[64];
    for (int j = 0; j <= lb; j++)
        row[j] = j;
    for (int i = 1; i <= la; i++) {
        int prev = row[0];
        row[0] = i;
        for (int j = 1; j <= lb; j++) {
            int cur = row[j];
            int sub = prev + (a[i - 1] != b[j - 1]);
            int del = row[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            prev = cur;
        }
    }
    return row[lb];
}

/* The candidate nearest to word by edit distance, if near enough to suggest. */
const char *closest_name(const char *word, const char *const *cands, int n)
{
    const char *best = NULL;
    int bestd = 99;
    int len = (int)strlen(word);
    int maxd = len <= 3 ? 1 : len <= 6 ? 2 : 3;
    for (int i = 0; i < n; i++) {
        if (!cands[i])
            continue;
        int dist = edit_distance(word, cands[i]);
        if (dist < bestd) {
            bestd = dist;
            best = cands[i];
        }
    }
    if (bestd <= maxd)
        return best;
    /* `due_date` for `due`: a name that starts with a whole candidate, or the other way round */
    best = NULL;
    size_t bestlen = 0;
    for (int i = 0; i < n; i++) {
        if (!cands[i])
            continue;
        size_t cl = strlen(cands[i]), wl = (size_t)len;
        bool prefix = (cl >= 3 && cl < wl && !strncmp(word, cands[i], cl) && word[cl] == '_') ||
                      (wl >= 4 && wl < cl && !strncmp(word, cands[i], wl) && cands[i][wl] == '_');
        if (prefix && cl > bestlen) {
            best = cands[i];
            bestlen = cl;
        }
    }
    return best;
}
