/* parse.c: runs the scanner and parser over one source file. */
#include <string.h>
#include "parser.h"
#include "qparse.h"
#include "qlex.h"

/* Copy a token's text into the parse arena. */
const char *parser_str(Parser *p, const char *s, int n)
{
    return arena_strndup(p->arena, s, (size_t)n);
}

/* Strip the quotes of a text token and resolve its escapes. */
const char *parser_unquote(Parser *p, const char *s, int n)
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
void parser_lex_error(Parser *p, const Loc *loc, const char *msg, const char *hint)
{
    diag_error(p->diags, p->file, *loc, hint, "%s", msg);
    p->errors++;
}

/* Report a character that cannot start any token. */
void parser_bad_char(Parser *p, const Loc *loc, const char *s, int n)
{
    const char *hint = NULL;
    if (n == 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA7)
        hint = "clause references such as §1.10 belong in a cite \"...\" text";
    else if (s[0] == '\'' || (n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
                              ((unsigned char)s[2] == 0x98 || (unsigned char)s[2] == 0x99 || (unsigned char)s[2] == 0x9D)))
        hint = "texts are written in double quotes: \"like this\"";
    else if (s[0] == ';')
        hint = "qpl needs no semicolons";
    else if (s[0] == '{' || s[0] == '}')
        hint = "qpl has no braces; items start with a keyword such as `decide`";
    if ((unsigned char)s[0] >= 0x80)
        diag_error(p->diags, p->file, *loc, hint, "unexpected character `%.*s`", n, s);
    else if ((unsigned char)s[0] < 0x20 || s[0] == 0x7f)
        diag_error(p->diags, p->file, *loc, hint, "unexpected control character (code %d)", (unsigned char)s[0]);
    else
        diag_error(p->diags, p->file, *loc, hint, "unexpected character `%c`", s[0]);
    p->errors++;
}

/* Parse f's text as if `prefix` came before it (on the lines before line 1,
   so positions in messages are those of f's own text), with declarations
   going into section `sect`. Returns the number of errors found. */
int parse_text(Arena *a, Diags *d, SourceFile *f, const char *prefix, Decl *sect)
{
    Parser P;
    memset(&P, 0, sizeof P);
    P.arena = a;
    P.file = f;
    P.diags = d;
    P.line = 1;
    for (const char *c = prefix; *c; c++)
        if (*c == '\n')
            P.line--;
    P.col = 1;
    P.section = sect;
    size_t plen = strlen(prefix);
    char *buf = arena_alloc(a, plen + f->len + 1);
    memcpy(buf, prefix, plen);
    memcpy(buf + plen, f->src, f->len);
    yyscan_t sc;
    yylex_init_extra(&P, &sc);
    YY_BUFFER_STATE b = yy_scan_bytes(buf, (int)(plen + f->len), sc);
    yyparse(sc, &P);
    yy_delete_buffer(b, sc);
    yylex_destroy(sc);
    f->errors = P.errors;
    return P.errors;
}

/* Parse f into f->decls. Returns the number of errors found. */
int parse_source(Arena *a, Diags *d, SourceFile *f)
{
    return parse_text(a, d, f, "", NULL);
}
