/* parse.c: runs the scanner and parser over one text. */
#include <ctype.h>
#include <string.h>
#include "parse.h"
#include "parser.h"
#include "qparse.h"
#include "qlex.h"

/* Run the scanner and parser; *eof_error tells whether the first syntax
   error met the end of the text. */
static int parse_run(Arena *a, Diags *d, const SourceFile *f, const char *prefix, Decl *sect, Vec *decls,
                     bool *eof_error)
{
    Parser P;
    memset(&P, 0, sizeof P);
    P.arena = a;
    P.file = f;
    P.diags = d;
    P.decls = decls;
    P.line = 1;
    for (const char *c = prefix; *c; c++)
        if (*c == '\n')
            P.line--;
    P.col = 1;
    P.section = sect;
    const char *text = f->text;
    size_t len = f->len;
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
        text += 3;     /* a byte order mark: not part of the policy */
        len -= 3;
    }
    size_t plen = strlen(prefix);
    char *buf = arena_alloc(a, plen + len + 1);
    memcpy(buf, prefix, plen);
    memcpy(buf + plen, text, len);
    yyscan_t sc;
    yylex_init_extra(&P, &sc);
    YY_BUFFER_STATE b = yy_scan_bytes(buf, (int)(plen + len), sc);
    yyparse(sc, &P);
    yy_delete_buffer(b, sc);
    yylex_destroy(sc);
    if (eof_error)
        *eof_error = P.eof_error;
    return P.errors;
}

/* Parse f's text as if `prefix` came before it (on the lines before line 1,
   so positions in messages are those of f's own text), with declarations
   going into section `sect`. */
int parse_text(Arena *a, Diags *d, const SourceFile *f, const char *prefix, Decl *sect, Vec *decls)
{
    return parse_run(a, d, f, prefix, sect, decls, NULL);
}

/* Whether the last declaration of a complete parse still needs lines: a
   decision whose last branch has a condition, a deadline with no due date. */
static bool decl_open(const Decl *d)
{
    if ((d->kind == D_DECIDE || d->kind == D_LADDER) && d->u.dec.branches.n) {
        const Branch *b = d->u.dec.branches.v[d->u.dec.branches.n - 1];
        return b->cond != NULL;
    }
    if (d->kind == D_DEADLINE)
        return !d->u.dec.within && !d->u.dec.due;
    return false;
}

/* Whether text begins with a word that starts a declaration (`let`, `decide`, ...). */
bool parse_is_declaration(const char *text)
{
    const char *t = text;
    while (isspace((unsigned char)*t))
        t++;
    size_t n = 0;
    while (isalnum((unsigned char)t[n]) || t[n] == '_')
        n++;
    return n && parse_starts_item(t, n);
}

/* Whether text is a declaration that is not complete yet. */
bool parse_needs_more(const char *text)
{
    if (!parse_is_declaration(text))
        return false;
    Arena *a = arena_new();
    Diags d;
    diag_init(&d, NULL);
    SourceFile *f = loc_file(a, "<input>", text, strlen(text));
    Vec decls = {0};
    bool eof_error = false;
    int errors = parse_run(a, &d, f, "", NULL, &decls, &eof_error);
    bool more = errors ? eof_error : decls.n && decl_open(decls.v[decls.n - 1]);
    arena_free(a);
    return more;
}
