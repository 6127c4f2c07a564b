/* ast_build.h: the constructors the grammar builds the syntax tree with. */
#ifndef QPL_AST_BUILD_H
#define QPL_AST_BUILD_H

#include "parser.h"

Decl  *ast_decl(Parser *P, DeclKind k, const Loc *loc, const char *name, const Loc *nloc);
Decl  *ast_record(Parser *P, const Loc *loc, const char *name, const Loc *nloc,
                  const char *table, const Loc *tloc, Vec *fields);
Decl  *ast_section(Parser *P, const Loc *loc, const char *rec, const Loc *rloc, Expr *where);
Decl  *ast_decide(Parser *P, const Loc *loc, const char *name, const Loc *nloc, TypeRef *t, const char *cite);
void   ast_simple_branch(Parser *P, Decl *d, Expr *e, const Loc *loc, const char *cite);
Decl  *ast_scale_done(Parser *P, const Loc *loc, const char *name, const Loc *nloc, bool ordered);
void   ast_scale_add(Parser *P, const char *value, const Loc *loc, const char *alias);
Decl  *ast_test(Parser *P, const Loc *loc, const char *title, const char *date, const Loc *dloc);
void   ast_test_given(Parser *P, const Loc *loc, const char *table, Vec *cols, Vec *rows, const char *sql);
void   ast_test_param(Parser *P, const char *name, Expr *value);
void   ast_test_expect(Parser *P, const Loc *loc, const char *subject, const char *id,
                       const char *decision, const Loc *dloc, const char *part, Expr *value);
void   ast_add_row(Parser *P, Vec *rows, Vec *row);
void   ast_expect_na(Parser *P);
Decl  *ast_extend_record(Parser *P, const Loc *loc, const char *name, const Loc *nloc, Vec *fields);
Field *ast_field(Parser *P, const Loc *loc, const char *name, FieldKind kind);
Field *ast_link(Parser *P, const Loc *loc, const char *name, FieldKind kind, const char *target,
                const char *by, const Loc *byloc);
TypeRef *ast_typeref(Parser *P, const Loc *loc, const char *name, TypeRef *elem);
Branch *ast_branch(Parser *P, const Loc *loc, Expr *value, Expr *cond, const char *cite);
void   ast_add_branch(Parser *P, Vec *branches, Branch *b);
Loc    ast_span(const Loc *from, const Loc *to);
void   ast_push_loc(Parser *P, const Loc *loc);

Expr *ast_expr(Parser *P, ExprKind k, const Loc *loc);
Expr *ast_num(Parser *P, const char *text, const Loc *loc);
Expr *ast_str(Parser *P, const char *s, const Loc *loc);
Expr *ast_date(Parser *P, const char *text, const Loc *loc);
Expr *ast_bool(Parser *P, bool b, const Loc *loc);
Expr *ast_name(Parser *P, const char *name, const Loc *loc);
Expr *ast_field_expr(Parser *P, const Loc *loc, Expr *obj, const char *name, const Loc *nloc);
Expr *ast_call(Parser *P, const Loc *loc, const char *name, Vec *args);
Expr *ast_call2(Parser *P, const Loc *loc, const char *name, Expr *first, Vec *rest);
Expr *ast_op(Parser *P, const Loc *loc, Op op, Expr *a, Expr *b);
Expr *ast_is(Parser *P, const Loc *loc, IsKind is, bool neg, Expr *a, Expr *b);
Expr *ast_in(Parser *P, const Loc *loc, bool neg, Expr *a, Expr *b);
Expr *ast_window(Parser *P, const Loc *loc, Expr *a, Expr *dur);
Expr *ast_unit(Parser *P, const Loc *loc, Expr *n, Unit u);
Expr *ast_working(Parser *P, const Loc *loc, Expr *n, Unit u);
Expr *ast_if(Parser *P, const Loc *loc, Expr *c, Expr *t, Expr *e);
Expr *ast_query(Parser *P, const Loc *loc, QueryKind q, Expr *src, Expr *where);
Expr *ast_query_of(Parser *P, const Loc *loc, QueryKind q, Expr *of, Expr *src, Expr *where);
Expr *ast_query_by(Parser *P, const Loc *loc, QueryKind q, Expr *limit, Expr *src, Expr *where,
                   const char *by, const Loc *byloc);
Expr *ast_each(Parser *P, const Loc *loc, const char *var, const Loc *vloc, Expr *src, Expr *where);
Expr *ast_howmany(Parser *P, const Loc *loc, Vec *items);
Expr *ast_list(Parser *P, const Loc *loc);
void  ast_list_add(Parser *P, Expr *list, Expr *item, Expr *cond);

#endif
