/* diag.c: formats errors and warnings with the source line and a caret. */
#include <stdarg.h>
#include <string.h>
#include "diag.h"

/* Start a diagnostics sink writing to out (NULL: silent). */
void diag_init(Diags *d, FILE *out)
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

/* The shared body of errors and warnings. */
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
    if (f && loc.line > 0)
        loc_show(d->out, f, loc);
    if (hint)
        fprintf(d->out, "      = hint: %s\n", hint);
}

/* Report an error (counted always, shown up to the limit). */
void diag_error(Diags *d, const SourceFile *f, Loc loc, const char *hint, const char *fmt, ...)
{
    d->errors++;
    if (!d->out || d->errors > d->limit)
        return;
    va_list ap;
    va_start(ap, fmt);
    report(d, "error", f, loc, hint, fmt, ap);
    va_end(ap);
    if (d->errors == d->limit)
        fprintf(d->out, "qpl: too many errors; stopping after %d\n", d->limit);
}

/* Report a warning (an error under --strict). */
void diag_warning(Diags *d, const SourceFile *f, Loc loc, const char *hint, const char *fmt, ...)
{
    if (d->strict)
        d->errors++;
    else
        d->warnings++;
    if (!d->out)
        return;
    va_list ap;
    va_start(ap, fmt);
    report(d, d->strict ? "error" : "warning", f, loc, hint, fmt, ap);
    va_end(ap);
}

/* Report an error that has no place in a source file. */
void diag_plain(Diags *d, const char *fmt, ...)
{
    d->errors++;
    if (!d->out)
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("qpl: error: ", d->out);
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
    va_end(ap);
}

/* Add a hint under the message just reported. */
void diag_hint(Diags *d, const char *hint)
{
    if (d->out)
        fprintf(d->out, "      = hint: %s\n", hint);
}
