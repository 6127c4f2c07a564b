/* parser.h: state shared by the scanner and the parser, and the parse entry points. */
#ifndef QPL_PARSER_H
#define QPL_PARSER_H

#include "ast.h"
#include "diag.h"

typedef struct Parser {
    Arena *arena;
    SourceFile *file;
    Diags *diags;
    int line, col;
    void *scanner;
    Decl *section;          /* the current `for` section */
    int errors;
    /* scratch state of rules under construction */
    Decl *pending, *test, *policy, *cur;
    const char *rkey, *rdated;
    Loc rkloc, rdloc;
    bool freq, fnotyet;
    Vec idlocs;
    Expr *list;
} Parser;

#define YYLTYPE Loc
#define YYLTYPE_IS_DECLARED 1
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                   \
    do {                                                              \
        if (N) {                                                      \
            (Cur).line = YYRHSLOC(Rhs, 1).line;                       \
            (Cur).col = YYRHSLOC(Rhs, 1).col;                         \
            (Cur).end_line = YYRHSLOC(Rhs, N).end_line;               \
            (Cur).end_col = YYRHSLOC(Rhs, N).end_col;                 \
        } else {                                                      \
            (Cur).line = (Cur).end_line = YYRHSLOC(Rhs, 0).end_line;  \
            (Cur).col = (Cur).end_col = YYRHSLOC(Rhs, 0).end_col;     \
        }                                                             \
    } while (0)

const char *parser_str(Parser *p, const char *s, int n);
const char *parser_unquote(Parser *p, const char *s, int n);
void parser_lex_error(Parser *p, const Loc *loc, const char *msg, const char *hint);
void parser_bad_char(Parser *p, const Loc *loc, const char *s, int n);

/* Parse a whole source file into f->decls; returns the number of syntax errors. */
int parse_source(Arena *a, Diags *d, SourceFile *f);
/* Parse f's text as if `prefix` came before it, declarations going into `sect`. */
int parse_text(Arena *a, Diags *d, SourceFile *f, const char *prefix, Decl *sect);

#endif
