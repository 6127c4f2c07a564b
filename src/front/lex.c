/* lex.c: what the scanner needs beyond its rules: token text, escapes,
   and the messages for characters no token can start with. */
#include "parser.h"

/* Copy a token's text into the parse arena. */
const char *lex_copy(Parser *p, const char *s, int n)
{
    return arena_strndup(p->arena, s, (size_t)n);
}

/* Strip the quotes of a text token and resolve its escapes. */
const char *lex_unquote(Parser *p, const char *s, int n)
{
    char *out = arena_alloc(p->arena, (size_t)n);
    int j = 0;
    for (int i = 1; i < n - 1; i++) {
        if (s[i] == '\\' && i + 1 < n - 1) {
            i++;
            out[j++] = s[i] == 'n' ? '\n' : s[i] == 't' ? '\t' : s[i];
        } else {
            out[j++] = s[i];
        }
    }
    out[j] = 0;
    return out;
}

/* Report a scanning error. */
void lex_error(Parser *p, const Loc *loc, const char *msg, const char *hint)
{
    diag_error(p->diags, p->file, *loc, hint, "%s", msg);
    p->errors++;
}

/* A hint for a character that cannot start a token, or NULL. */
static const char *bad_char_hint(const unsigned char *s, int n)
{
    if (n == 2 && s[0] == 0xC2 && s[1] == 0xA7)
        return "clause references such as §1.10 belong in a cite \"...\" text";
    if (s[0] == '\'' || (n == 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x98 || s[2] == 0x99 || s[2] == 0x9D)))
        return "texts are written in double quotes: \"like this\"";
    if (s[0] == ';')
        return "qpl needs no semicolons";
    if (s[0] == '{' || s[0] == '}')
        return "qpl has no braces; items start with a keyword such as `decide`";
    return NULL;
}

/* Report a character that cannot start any token. */
void lex_bad_char(Parser *p, const Loc *loc, const char *s, int n)
{
    const unsigned char *u = (const unsigned char *)s;
    const char *hint = bad_char_hint(u, n);
    if (u[0] >= 0x80)
        diag_error(p->diags, p->file, *loc, hint, "unexpected character `%.*s`", n, s);
    else if (u[0] < 0x20 || u[0] == 0x7f)
        diag_error(p->diags, p->file, *loc, hint, "unexpected control character (code %d)", u[0]);
    else
        diag_error(p->diags, p->file, *loc, hint, "unexpected character `%c`", s[0]);
    p->errors++;
}

/* A date written day first, as people write them in England (01/04/2024 is
   1 April 2024): an error saying how qpl writes dates; the date is read as
   meant so that checking goes on. */
const char *lex_day_first(Parser *p, const Loc *loc, const char *s, int n)
{
    int d = 0, m = 0, y = 0, i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        d = d * 10 + (s[i++] - '0');
    i++;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        m = m * 10 + (s[i++] - '0');
    i++;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        y = y * 10 + (s[i++] - '0');
    const char *iso = arena_printf(p->arena, "%04d-%02d-%02d", y, m, d);
    const char *hint = m >= 1 && m <= 12 && d >= 1 && d <= 31
                           ? arena_printf(p->arena, "write %s (year-month-day), if %.*s means day %d of month %d", iso, n, s, d, m)
                           : "write dates as year-month-day, e.g. 2024-04-01";
    diag_error(p->diags, p->file, *loc, hint, "dates are written year-month-day in qpl, not `%.*s`", n, s);
    p->errors++;
    return iso;
}
