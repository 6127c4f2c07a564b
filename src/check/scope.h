/* scope.h: what the checker's modules share while checking: the names in
   scope for an expression, and the nesting count. Private to src/check/. */
#ifndef QPL_SCOPE_H
#define QPL_SCOPE_H

#include "program.h"

/* A checking run over some declarations. */
typedef struct Checker {
    Program *p;
    int nesting;            /* checks in progress, counting definitions checked on the way */
    bool nesting_reported;  /* the current too-deep expression is reported */
    bool deep_reported;     /* a nesting limit was reported in this run (once is enough) */
} Checker;

/* A row or variable in scope: the subject, a query's rows, an `each` variable. */
typedef struct Frame {
    const char *name;       /* variable name, the subject's record name, or NULL */
    Type *type;
    bool row;               /* the fields of its record are in scope by name */
} Frame;

typedef struct Scope {
    Checker *ck;
    Program *p;
    const SourceFile *file;
    Section *sect;          /* the section whose lets and decisions are in scope */
    Sym *owner;             /* the definition being checked (its dependencies are noted) */
    Frame frames[QPL_MAX_SCOPES];
    int nframes;
    Expr *count_q;          /* the count/sum/min/max query whose `where` is being checked */
    bool where_took;        /* its `where` took in a comparison meant for the count */
} Scope;

#define ERR(s, loc, hint, ...) diag_error((s)->p->diags, (s)->file, (loc), (hint), __VA_ARGS__)

/* check_expr.c */
Type *check(Scope *s, Expr *e, Type *want);
Type *check_expect(Scope *s, Expr *e, Type *want, const char *what);
bool  check_push_frame(Scope *s, const char *name, Type *t, bool row, Loc loc);
void  check_mismatch(Scope *s, Expr *e, Type *want, Type *got, const char *what);
void  check_scope(Checker *ck, Decl *d, Scope *s);

/* check_decl.c */
void  check_item(Checker *ck, Sym *sym);
void  check_computed(Checker *ck, Record *r, Field *f);
Type *check_resolve_type(Program *p, const SourceFile *file, TypeRef *tr);

/* check_test.c */
void  check_tests(Checker *ck, Decl *d);

/* hints.c */
const char *hint_did_you_mean(Program *p, const char *best);
const char *hint_values(Program *p, const Decl *scale, const char *word);
const char *hint_mismatch(Scope *s, Expr *e, Type *want, Type *got);
const char *hint_order(Program *p, const Type *t);
const char *hint_suggest(Scope *s, const char *word);
const char *hint_first_declared(Program *p, const SourceFile *here, const Decl *old);
const char *hint_names(Program *p, const char *lead, const Vec *names, const char *(*name_of)(void *));
const char *hint_src(Scope *s, Loc loc);

#endif
