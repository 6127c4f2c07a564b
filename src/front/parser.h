/* parser.h: the state the scanner (grammar/qlex.l), the parser
   (grammar/qparse.y) and the syntax-error wording (synerr.c) share while
   one text is parsed. Private to src/front/ and grammar/. */
#ifndef QPL_PARSER_H
#define QPL_PARSER_H

#include "ast.h"
#include "diag.h"

typedef struct Parser {
    Arena *arena;
    const SourceFile *file;
    Diags *diags;
    Vec *decls;             /* where parsed declarations go */
    int line, col;          /* the scanner's position */
    Decl *section;          /* the current `for` section */
    int errors;
    bool eof_error;         /* a syntax error met the end of the text */
    /* rules under construction */
    Decl *pending, *test, *policy, *cur;
    const char *rkey, *rdated, *rnamed;
    Loc rkloc, rdloc, rnloc;
    bool freq, fnotyet;
    const char *fcolumn;
    Vec idlocs;
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

/* scanner support (lex.c) */
const char *lex_copy(Parser *p, const char *s, int n);
const char *lex_unquote(Parser *p, const char *s, int n);
void lex_error(Parser *p, const Loc *loc, const char *msg, const char *hint);
void lex_bad_char(Parser *p, const Loc *loc, const char *s, int n);
/* A date written day first (01/04/2024): reported, and read as YYYY-MM-DD. */
const char *lex_day_first(Parser *p, const Loc *loc, const char *s, int n);
/* The token of a word: a keyword's, else a unit's (setting *unit), else the name token. */
int lex_word(const char *s, int n, int *unit);

/* What the parser knew when it met a syntax error (filled in grammar/qparse.y). */
typedef struct SynErr {
    Loc loc;
    bool at_eof;
    const char *found;      /* the found token's name in messages ("`when`", "a name") */
    bool found_keyword, found_word;     /* word: a name, number, date or text */
    const char *found_what; /* "the name", "the number" or "the date" when it is one, else NULL */
    bool starts_item;       /* the found token begins a declaration */
    int nexpected;          /* how many tokens could have come (all of them) */
    const char *expected[6];/* their names, when there are fewer than 6 */
    bool wants_name, wants_value, wants_when, wants_otherwise, wants_close, wants_else;
} SynErr;

/* Report a syntax error in the words of the policy (synerr.c). */
void synerr_report(Parser *p, const SynErr *e);
/* Report a syntax error with a message already worded, and a hint. */
void synerr_at(Parser *p, const Loc *loc, const char *msg, const char *hint);

#endif
