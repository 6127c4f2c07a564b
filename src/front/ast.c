/* ast.c: constructors of the syntax tree, called by the grammar's actions. */
#include <string.h>
#include "../runtime/date.h"
#include "ast_build.h"

/* Report an error found while building the tree, and count it. */
static void build_error(Parser *P, Loc loc, const char *hint, const char *msg)
{
    diag_error(P->diags, P->file, loc, hint, "%s", msg);
    P->errors++;
}

/* Make a declaration of kind k belonging to the current section. */
Decl *ast_decl(Parser *P, DeclKind k, const Loc *loc, const char *name, const Loc *nloc)
{
    Decl *d = arena_alloc(P->arena, sizeof *d);
    d->kind = k;
    d->loc = *loc;
    d->name = name;
    d->nloc = *nloc;
    d->section = P->section;
    return d;
}

/* Make a record declaration from its table and fields. */
Decl *ast_record(Parser *P, const Loc *loc, const char *name, const Loc *nloc,
                 const char *table, const Loc *tloc, Vec *fields)
{
    Decl *d = ast_decl(P, D_RECORD, loc, name, nloc);
    d->section = NULL;
    Record *r = arena_alloc(P->arena, sizeof *r);
    r->loc = *loc;
    r->name = name;
    r->table = table;
    r->tloc = *tloc;
    r->key = P->rkey;
    r->kloc = P->rkloc;
    r->dated = P->rdated;
    r->dloc = P->rdloc;
    r->named = P->rnamed;
    r->nloc = P->rnloc;
    r->fields = *fields;
    r->key_index = r->dated_index = r->parent_index = r->named_index = -1;
    r->file = P->file;
    P->rkey = P->rdated = P->rnamed = NULL;
    d->u.record = r;
    return d;
}

/* Open a `for` section: later items are decided for this subject. */
Decl *ast_section(Parser *P, const Loc *loc, const char *rec, const Loc *rloc, Expr *where)
{
    Decl *d = ast_decl(P, D_FOR, loc, rec, rloc);
    d->section = NULL;
    d->u.sect.where = where;
    P->section = d;
    return d;
}

/* Make a `decide` declaration (its branches are added by the grammar). */
Decl *ast_decide(Parser *P, const Loc *loc, const char *name, const Loc *nloc, TypeRef *t, const char *cite)
{
    Decl *d = ast_decl(P, D_DECIDE, loc, name, nloc);
    d->u.dec.tref = t;
    d->u.dec.cite = cite;
    return d;
}

/* Give a decision a single unconditional branch. */
void ast_simple_branch(Parser *P, Decl *d, Expr *e, const Loc *loc, const char *cite)
{
    Branch *b = ast_branch(P, loc, e, NULL, cite ? cite : d->u.dec.cite);
    b->text = *loc;
    ast_add_branch(P, &d->u.dec.branches, b);
}

/* Finish the scale or enumeration whose values were just read. */
Decl *ast_scale_done(Parser *P, const Loc *loc, const char *name, const Loc *nloc, bool ordered)
{
    Decl *d = P->pending;
    P->pending = NULL;
    d->name = name;
    d->nloc = *nloc;
    d->loc = *loc;
    d->u.scale.ordered = ordered;
    return d;
}

/* Add a value (and its display alias) to the scale or enumeration being read. */
void ast_scale_add(Parser *P, const char *value, const Loc *loc, const char *alias)
{
    if (!P->pending)
        P->pending = ast_decl(P, D_SCALE, loc, NULL, loc);
    P->pending->section = NULL;
    Loc *l = arena_alloc(P->arena, sizeof *l);
    *l = *loc;
    vec_push(P->arena, &P->pending->u.scale.values, (void *)value);
    vec_push(P->arena, &P->pending->u.scale.aliases, (void *)alias);
    vec_push(P->arena, &P->pending->u.scale.locs, l);
}

/* Start a test case. */
Decl *ast_test(Parser *P, const Loc *loc, const char *title, const char *date, const Loc *dloc)
{
    Decl *d = ast_decl(P, D_TEST, loc, title, loc);
    d->section = NULL;
    d->u.test.title = title;
    if (!date_parse(date, strlen(date), &d->u.test.as_of))
        diag_error(P->diags, P->file, *dloc, "dates are written YYYY-MM-DD and must exist in the calendar",
                   "`%s` is not a real date", date);
    return d;
}

/* Add facts (inline rows or a .sql file) to the test being built. */
void ast_test_given(Parser *P, const Loc *loc, const char *table, Vec *cols, Vec *rows, const char *sql)
{
    TestGiven *g = arena_alloc(P->arena, sizeof *g);
    g->loc = *loc;
    g->table = table;
    if (cols)
        g->cols = *cols;
    if (rows)
        g->rows = *rows;
    g->sqlfile = sql;
    for (int i = 0; rows && i < rows->n; i++) {
        Vec *r = rows->v[i];
        if (r->n != cols->n) {
            Expr *first = r->v[0];
            diag_error(P->diags, P->file, first->loc, "give one value for each column named after the table",
                       "this row has %d value%s but %d column%s are named", r->n, r->n == 1 ? "" : "s",
                       cols->n, cols->n == 1 ? "" : "s");
        }
    }
    if (P->test)
        vec_push(P->arena, &P->test->u.test.given, g);
}

/* Override a parameter for the test being built. */
void ast_test_param(Parser *P, const char *name, Expr *value)
{
    if (!P->test)
        return;
    vec_push(P->arena, &P->test->u.test.params, (void *)name);
    vec_push(P->arena, &P->test->u.test.pvalues, value);
}

/* Add an expectation (on a decision, or one part of it) to the test being built. */
void ast_test_expect(Parser *P, const Loc *loc, const char *subject, const char *id,
                     const char *decision, const Loc *dloc, const char *part, Expr *value)
{
    TestExpect *e = arena_alloc(P->arena, sizeof *e);
    e->loc = *loc;
    e->subject = subject;
    e->id = id;
    e->decision = decision;
    e->dloc = *dloc;
    e->part = part;
    e->value = value;
    if (P->test)
        vec_push(P->arena, &P->test->u.test.expect, e);
}

/* Make the last expectation of the test being built expect "not applicable". */
void ast_expect_na(Parser *P)
{
    Vec *v = P->test ? &P->test->u.test.expect : NULL;
    if (v && v->n)
        ((TestExpect *)v->v[v->n - 1])->na = true;
}

/* Make `extend record NAME:` with the fields to add. */
Decl *ast_extend_record(Parser *P, const Loc *loc, const char *name, const Loc *nloc, Vec *fields)
{
    Decl *d = ast_record(P, loc, name, nloc, name, nloc, fields);
    d->kind = D_EXTEND_RECORD;
    return d;
}

/* Append one row of given values. */
void ast_add_row(Parser *P, Vec *rows, Vec *row)
{
    Vec *r = arena_alloc(P->arena, sizeof *r);
    *r = *row;
    vec_push(P->arena, rows, r);
}

/* Make a record field of the given kind. */
Field *ast_field(Parser *P, const Loc *loc, const char *name, FieldKind kind)
{
    Field *f = arena_alloc(P->arena, sizeof *f);
    f->loc = *loc;
    f->file = P->file;
    f->name = name;
    f->kind = kind;
    f->index = -1;
    f->by_index = -1;
    return f;
}

/* Make a link field: many rows of target by a column of theirs, or one by a column of ours. */
Field *ast_link(Parser *P, const Loc *loc, const char *name, FieldKind kind, const char *target,
                const char *by, const Loc *byloc)
{
    Field *f = ast_field(P, loc, name, kind);
    f->target = target;
    f->by = by;
    f->byloc = *byloc;
    return f;
}

/* Make a written type. */
TypeRef *ast_typeref(Parser *P, const Loc *loc, const char *name, TypeRef *elem)
{
    TypeRef *t = arena_alloc(P->arena, sizeof *t);
    t->loc = *loc;
    t->name = name;
    t->elem = elem;
    return t;
}

/* Make a decision or ladder branch. */
Branch *ast_branch(Parser *P, const Loc *loc, Expr *value, Expr *cond, const char *cite)
{
    Branch *b = arena_alloc(P->arena, sizeof *b);
    b->loc = *loc;
    b->text = *loc;
    b->value = value;
    b->cond = cond;
    b->cite = cite;
    return b;
}

/* Append a branch, numbering it; the decision being read sees it at once. */
void ast_add_branch(Parser *P, Vec *branches, Branch *b)
{
    b->index = branches->n;
    vec_push(P->arena, branches, b);
    if (P->cur)
        P->cur->u.dec.branches = *branches;
}

/* The span from the start of one location to the end of another. */
Loc ast_span(const Loc *from, const Loc *to)
{
    Loc l = {from->line, from->col, to->end_line, to->end_col};
    return l;
}

/* Remember the location of a name in a list of names. */
void ast_push_loc(Parser *P, const Loc *loc)
{
    Loc *l = arena_alloc(P->arena, sizeof *l);
    *l = *loc;
    vec_push(P->arena, &P->idlocs, l);
}

/* A copy of an expression node in the parse arena. */
static Expr *node(Parser *P, Expr init)
{
    Expr *e = arena_alloc(P->arena, sizeof *e);
    *e = init;
    return e;
}

/* Make an expression node with no parts yet. */
Expr *ast_expr(Parser *P, ExprKind k, const Loc *loc)
{
    return node(P, (Expr){.kind = k, .loc = *loc});
}

/* Make a number literal from its source text. */
Expr *ast_num(Parser *P, const char *text, const Loc *loc)
{
    return node(P, (Expr){.kind = E_NUM, .loc = *loc, .u.num = {.text = text}});
}

/* Make a text literal. */
Expr *ast_str(Parser *P, const char *s, const Loc *loc)
{
    return node(P, (Expr){.kind = E_STR, .loc = *loc, .u.str = {s}});
}

/* Make a date literal, reporting one that does not exist. */
Expr *ast_date(Parser *P, const char *text, const Loc *loc)
{
    Expr *e = ast_expr(P, E_DATE, loc);
    if (!date_parse(text, strlen(text), &e->u.date.day))
        build_error(P, *loc, "dates are written YYYY-MM-DD and must exist in the calendar",
                    arena_printf(P->arena, "`%s` is not a real date", text));
    return e;
}

/* Make a `true` or `false` literal. */
Expr *ast_bool(Parser *P, bool b, const Loc *loc)
{
    return node(P, (Expr){.kind = E_BOOL, .loc = *loc, .u.boolean = {b}});
}

/* Make a reference to a name, resolved later by the checker. */
Expr *ast_name(Parser *P, const char *name, const Loc *loc)
{
    return node(P, (Expr){.kind = E_NAME, .loc = *loc, .u.name = {name, NULL, -1}});
}

/* Make a field access `obj.name`. */
Expr *ast_field_expr(Parser *P, const Loc *loc, Expr *obj, const char *name, const Loc *nloc)
{
    return node(P, (Expr){.kind = E_FIELD, .loc = *loc, .u.field = {obj, name, *nloc, NULL, NULL, -1, -1}});
}

/* Make a call of a function by name. */
Expr *ast_call(Parser *P, const Loc *loc, const char *name, Vec *args)
{
    return node(P, (Expr){.kind = E_CALL, .loc = *loc, .u.call = {name, *args, -1}});
}

/* Make a call whose first argument was parsed apart from the rest. */
Expr *ast_call2(Parser *P, const Loc *loc, const char *name, Expr *first, Vec *rest)
{
    Vec args = {0};
    vec_push(P->arena, &args, first);
    for (int i = 0; i < rest->n; i++)
        vec_push(P->arena, &args, rest->v[i]);
    return ast_call(P, loc, name, &args);
}

/* Make a unary (`not`, negation) or binary operator expression. */
Expr *ast_op(Parser *P, const Loc *loc, Op op, Expr *a, Expr *b)
{
    ExprKind k = op == OP_NOT || op == OP_NEG ? E_UNARY : E_BINARY;
    return node(P, (Expr){.kind = k, .loc = *loc, .u.op = {op, a, b}});
}

/* Make an `is` test (`is missing`, `is below`, ...), negated by `not` when neg. */
Expr *ast_is(Parser *P, const Loc *loc, IsKind is, bool neg, Expr *a, Expr *b)
{
    return node(P, (Expr){.kind = E_IS, .loc = *loc, .u.is = {is, neg, a, b}});
}

/* Make an `in` (or `not in`) membership test of a in b. */
Expr *ast_in(Parser *P, const Loc *loc, bool neg, Expr *a, Expr *b)
{
    return node(P, (Expr){.kind = E_IN, .loc = *loc, .u.in = {neg, a, b}});
}

/* Make `a in last dur`: whether a date falls within a recent period. */
Expr *ast_window(Parser *P, const Loc *loc, Expr *a, Expr *dur)
{
    return node(P, (Expr){.kind = E_WINDOW, .loc = *loc, .u.window = {a, dur}});
}

/* Make a duration: n days, weeks, months or years. */
Expr *ast_unit(Parser *P, const Loc *loc, Expr *n, Unit u)
{
    return node(P, (Expr){.kind = E_UNIT, .loc = *loc, .u.unit = {n, u}});
}

/* Make `n working days`, reporting `working weeks` and the like. */
Expr *ast_working(Parser *P, const Loc *loc, Expr *n, Unit u)
{
    if (u != U_DAYS)
        build_error(P, *loc, "write `N working days`, or use calendar weeks or months", "only days can be working days");
    return ast_unit(P, loc, n, U_WORKING_DAYS);
}

/* Make an `if ... then ... else` expression. */
Expr *ast_if(Parser *P, const Loc *loc, Expr *c, Expr *t, Expr *el)
{
    return node(P, (Expr){.kind = E_IF, .loc = *loc, .u.cond = {c, t, el}});
}

/* Make a query (count, any, latest, ...) over the rows of src that pass where. */
Expr *ast_query(Parser *P, const Loc *loc, QueryKind q, Expr *src, Expr *where)
{
    return node(P, (Expr){.kind = E_QUERY, .loc = *loc, .u.query = {.q = q, .src = src, .where = where, .file = P->file}});
}

/* Make a query of a value of each row: sum, min, max, count distinct. */
Expr *ast_query_of(Parser *P, const Loc *loc, QueryKind q, Expr *of, Expr *src, Expr *where)
{
    return node(P, (Expr){.kind = E_QUERY, .loc = *loc, .u.query = {.q = q, .src = src, .where = where, .of = of, .file = P->file}});
}

/* Make `latest [N] src [where c] by column` (or earliest). */
Expr *ast_query_by(Parser *P, const Loc *loc, QueryKind q, Expr *limit, Expr *src, Expr *where,
                   const char *by, const Loc *byloc)
{
    Expr *e = ast_query(P, loc, q, src, where);
    e->u.query.limit = limit;
    e->u.query.by = by;
    e->u.query.byloc = *byloc;
    return e;
}

/* Make `each VAR in SOURCE where ...`: the rows of src, named var, that pass where. */
Expr *ast_each(Parser *P, const Loc *loc, const char *var, const Loc *vloc, Expr *src, Expr *where)
{
    return node(P, (Expr){.kind = E_EACH, .loc = *loc, .u.each = {var, *vloc, src, where}});
}

/* Make `how many of (...)`: the number of its conditions that hold. */
Expr *ast_howmany(Parser *P, const Loc *loc, Vec *items)
{
    return node(P, (Expr){.kind = E_HOWMANY, .loc = *loc, .u.howmany = {*items}});
}

/* Make an empty list literal; ast_list_add adds its items. */
Expr *ast_list(Parser *P, const Loc *loc)
{
    return ast_expr(P, E_LIST, loc);
}

/* Add an item, with an optional inclusion condition, to a list literal. */
void ast_list_add(Parser *P, Expr *list, Expr *item, Expr *cond)
{
    vec_push(P->arena, &list->u.list.items, item);
    vec_push(P->arena, &list->u.list.conds, cond);
}
