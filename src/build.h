/* build.h: constructors the grammar uses to build the syntax tree. */
#ifndef QPL_BUILD_H
#define QPL_BUILD_H

#include "parser.h"

Decl  *mk_decl(Parser *P, DeclKind k, const Loc *loc, const char *name, const Loc *nloc);
Decl  *mk_record(Parser *P, const Loc *loc, const char *name, const Loc *nloc,
                 const char *table, const Loc *tloc, Vec *fields);
Decl  *mk_section(Parser *P, const Loc *loc, const char *rec, const Loc *rloc, Expr *where);
Decl  *mk_decide(Parser *P, const Loc *loc, const char *name, const Loc *nloc, TypeRef *t, const char *cite);
void   mk_simple_branch(Parser *P, Decl *d, Expr *e, const Loc *loc, const char *cite);
Decl  *mk_test(Parser *P, const Loc *loc, const char *title, const char *date, const Loc *dloc);
void   test_given(Parser *P, const Loc *loc, const char *table, Vec *cols, Vec *rows, const char *sql);
void   test_param(Parser *P, const char *name, Expr *value);
void   test_expect(Parser *P, const Loc *loc, const char *subject, const char *id,
                   const char *decision, const Loc *dloc, Expr *value);
TestExpect *with_part(Parser *P, const char *part);
void   scale_add(Parser *P, const char *value, const Loc *loc, const char *alias);
Field *mk_field(Parser *P, const Loc *loc, const char *name, int link);
TypeRef *mk_tref(Parser *P, const Loc *loc, const char *name, TypeRef *elem);
Branch *mk_branch(Parser *P, const Loc *loc, Expr *value, Expr *cond, const char *cite);
void   push_loc(Parser *P, const Loc *loc);

Expr *mk_expr(Parser *P, ExprKind k, const Loc *loc);
Expr *mk_num(Parser *P, const char *text, const Loc *loc);
Expr *mk_str(Parser *P, const char *s, const Loc *loc);
Expr *mk_date(Parser *P, const char *text, const Loc *loc);
Expr *mk_bool(Parser *P, bool b, const Loc *loc);
Expr *mk_name(Parser *P, const char *name, const Loc *loc);
Expr *mk_field_expr(Parser *P, const Loc *loc, Expr *obj, const char *name, const Loc *nloc);
Expr *mk_call(Parser *P, const Loc *loc, const char *name, Vec *args);
Expr *mk_call2(Parser *P, const Loc *loc, const char *name, Expr *first, Vec *rest);
Expr *mk_op(Parser *P, const Loc *loc, Op op, Expr *a, Expr *b);
Expr *mk_is(Parser *P, const Loc *loc, IsKind is, bool neg, Expr *a, Expr *b);
Expr *mk_in(Parser *P, const Loc *loc, bool neg, Expr *a, Expr *b);
Expr *mk_window(Parser *P, const Loc *loc, Expr *a, Expr *dur);
Expr *mk_unit(Parser *P, const Loc *loc, Expr *n, Unit u);
Expr *mk_if(Parser *P, const Loc *loc, Expr *c, Expr *t, Expr *e);
Expr *mk_query(Parser *P, const Loc *loc, QueryKind q, Expr *src, Expr *where);
Expr *mk_each(Parser *P, const Loc *loc, const char *var, const Loc *vloc, Expr *src, Expr *where);
Expr *mk_howmany(Parser *P, const Loc *loc, Vec *items);
Expr *mk_list(Parser *P, const Loc *loc);
void  list_add(Parser *P, Expr *list, Expr *item, Expr *cond);
void  bad_working(Parser *P, const Loc *loc);
void  syntax_error(Parser *P, const Loc *loc, bool at_eof, const char *msg, const char *expected, int n);

#endif
