/* build.c: constructors the grammar uses to build the syntax tree. */
#include <string.h>
#include "build.h"
#include "date.h"

#define A (P->arena)

/* Make a declaration of kind k belonging to the current section. */
Decl *mk_decl(Parser *P, DeclKind k, const Loc *loc, const char *name, const Loc *nloc)
{
    Decl *d = arena_alloc(A, sizeof *d);
    d->kind = k;
    d->loc = *loc;
    d->name = name;
    d->nloc = *nloc;
    d->section = P->section;
    return d;
}

/* Make a record declaration from its table and fields. */
Decl *mk_record(Parser *P, const Loc *loc, const char *name, const Loc *nloc,
                const char *table, const Loc *tloc, Vec *fields)
{
    Decl *d = mk_decl(P, D_RECORD, loc, name, nloc);
    d->section = NULL;
    Record *r = arena_alloc(A, sizeof *r);
    r->loc = *loc;
    r->name = name;
    r->table = table;
    r->tloc = *tloc;
    r->key = P->rkey;
    r->kloc = P->rkloc;
    r->dated = P->rdated;
    r->dloc = P->rdloc;
    r->fields = *fields;
    r->key_index = r->dated_index = -1;
    P->rkey = P->rdated = NULL;
    d->u.record = r;
    return d;
}

/* Open a `for` section: later items are decided for this subject. */
Decl *mk_section(Parser *P, const Loc *loc, const char *rec, const Loc *rloc, Expr *where)
{
    Decl *d = mk_decl(P, D_FOR, loc, rec, rloc);
    d->section = NULL;
    d->u.sect.where = where;
    P->section = d;
    return d;
}

/* Make a `decide` declaration (branches are added by the caller). */
Decl *mk_decide(Parser *P, const Loc *loc, const char *name, const Loc *nloc, TypeRef *t, const char *cite)
{
    Decl *d = mk_decl(P, D_DECIDE, loc, name, nloc);
    d->u.dec.tref = t;
    d->u.dec.cite = cite;
    return d;
}

/* Give a decision a single unconditional branch. */
void mk_simple_branch(Parser *P, Decl *d, Expr *e, const Loc *loc, const char *cite)
{
    Branch *b = mk_branch(P, loc, e, NULL, cite ? cite : d->u.dec.cite);
    vec_push(A, &d->u.dec.branches, b);
}

/* Start a test case. */
Decl *mk_test(Parser *P, const Loc *loc, const char *title, const char *date, const Loc *dloc)
{
    Decl *d = mk_decl(P, D_TEST, loc, title, loc);
    d->section = NULL;
    d->u.test.title = title;
    if (!date_parse(date, strlen(date), &d->u.test.as_of))
        diag_error(P->diags, P->file, *dloc, "dates are written YYYY-MM-DD and must exist in the calendar",
                   "`%s` is not a real date", date);
    return d;
}

/* Add facts (inline rows or a .sql file) to the test being built. */
void test_given(Parser *P, const Loc *loc, const char *table, Vec *cols, Vec *rows, const char *sql)
{
    TestGiven *g = arena_alloc(A, sizeof *g);
    g->loc = *loc;
    g->table = table;
    if (cols)
        g->cols = *cols;
    if (rows)
        g->rows = *rows;
    g->sqlfile = sql;
    if (rows)
        for (int i = 0; i < rows->n; i++) {
            Vec *r = rows->v[i];
            if (r->n != cols->n) {
                Expr *first = r->v[0];
                diag_error(P->diags, P->file, first->loc, "give one value for each column named after the table",
                           "this row has %d value%s but %d column%s are named", r->n, r->n == 1 ? "" : "s",
                           cols->n, cols->n == 1 ? "" : "s");
            }
        }
    if (P->test)
        vec_push(A, &P->test->u.test.given, g);
}

/* Override a parameter for the test being built. */
void test_param(Parser *P, const char *name, Expr *value)
{
    if (!P->test)
        return;
    vec_push(A, &P->test->u.test.params, (void *)name);
    vec_push(A, &P->test->u.test.pvalues, value);
}

/* Add an expectation to the test being built. */
void test_expect(Parser *P, const Loc *loc, const char *subject, const char *id,
                 const char *decision, const Loc *dloc, Expr *value)
{
    TestExpect *e = arena_alloc(A, sizeof *e);
    e->loc = *loc;
    e->subject = subject;
    e->id = id;
    e->decision = decision;
    e->dloc = *dloc;
    e->value = value;
    if (P->test)
        vec_push(A, &P->test->u.test.expect, e);
}

/* Add a value to the scale or enumeration being built. */
void scale_add(Parser *P, const char *value, const Loc *loc, const char *alias)
{
    if (!P->pending)
        P->pending = mk_decl(P, D_SCALE, loc, NULL, loc);
    P->pending->section = NULL;
    Loc *l = arena_alloc(A, sizeof *l);
    *l = *loc;
    vec_push(A, &P->pending->u.scale.values, (void *)value);
    vec_push(A, &P->pending->u.scale.aliases, (void *)alias);
    vec_push(A, &P->pending->u.scale.locs, l);
}

/* Make a record field: a column (0), a many link (1), a one link (2) or computed (3). */
Field *mk_field(Parser *P, const Loc *loc, const char *name, int link)
{
    Field *f = arena_alloc(A, sizeof *f);
    f->loc = *loc;
    f->name = name;
    f->link = link;
    f->index = -1;
    f->by_index = -1;
    return f;
}

/* Make a written type. */
TypeRef *mk_tref(Parser *P, const Loc *loc, const char *name, TypeRef *elem)
{
    TypeRef *t = arena_alloc(A, sizeof *t);
    t->loc = *loc;
    t->name = name;
    t->elem = elem;
    return t;
}

/* Make a decision or ladder branch. */
Branch *mk_branch(Parser *P, const Loc *loc, Expr *value, Expr *cond, const char *cite)
{
    Branch *b = arena_alloc(A, sizeof *b);
    b->loc = *loc;
    b->value = value;
    b->cond = cond;
    b->cite = cite;
    return b;
}

/* Remember the location of a name in a list of names. */
void push_loc(Parser *P, const Loc *loc)
{
    Loc *l = arena_alloc(A, sizeof *l);
    *l = *loc;
    vec_push(A, &P->idlocs, l);
}

/* Make an expression node. */
Expr *mk_expr(Parser *P, ExprKind k, const Loc *loc)
{
    Expr *e = arena_alloc(A, sizeof *e);
    e->kind = k;
    e->loc = *loc;
    return e;
}

/* Make a number literal from its source text. */
Expr *mk_num(Parser *P, const char *text, const Loc *loc)
{
    Expr *e = mk_expr(P, E_NUM, loc);
    e->u.num.text = text;
    return e;
}

/* Make a text literal. */
Expr *mk_str(Parser *P, const char *s, const Loc *loc)
{
    Expr *e = mk_expr(P, E_STR, loc);
    e->u.str.s = s;
    return e;
}

/* Make a date literal, reporting one that does not exist. */
Expr *mk_date(Parser *P, const char *text, const Loc *loc)
{
    Expr *e = mk_expr(P, E_DATE, loc);
    if (!date_parse(text, strlen(text), &e->u.date.day)) {
        diag_error(P->diags, P->file, *loc, "dates are written YYYY-MM-DD and must exist in the calendar",
                   "`%s` is not a real date", text);
        P->errors++;
    }
    return e;
}

/* Make a `true` or `false` literal. */
Expr *mk_bool(Parser *P, bool b, const Loc *loc)
{
    Expr *e = mk_expr(P, E_BOOL, loc);
    e->u.boolean.b = b;
    return e;
}

/* Make a reference to a name, resolved later by the checker. */
Expr *mk_name(Parser *P, const char *name, const Loc *loc)
{
    Expr *e = mk_expr(P, E_NAME, loc);
    e->u.name.name = name;
    e->u.name.code = -1;
    return e;
}

/* Make a field access `obj.name`. */
Expr *mk_field_expr(Parser *P, const Loc *loc, Expr *obj, const char *name, const Loc *nloc)
{
    Expr *e = mk_expr(P, E_FIELD, loc);
    e->u.field.obj = obj;
    e->u.field.name = name;
    e->u.field.nloc = *nloc;
    e->u.field.index = -1;
    e->u.field.code = -1;
    return e;
}

/* Make a call of a function by name. */
Expr *mk_call(Parser *P, const Loc *loc, const char *name, Vec *args)
{
    Expr *e = mk_expr(P, E_CALL, loc);
    e->u.call.name = name;
    e->u.call.args = *args;
    e->u.call.builtin = -1;
    return e;
}

/* Make a unary (`not`, negation) or binary operator expression. */
Expr *mk_op(Parser *P, const Loc *loc, Op op, Expr *a, Expr *b)
{
    Expr *e = mk_expr(P, b || op == OP_NOT || op == OP_NEG ? E_BINARY : E_UNARY, loc);
    if (op == OP_NOT || op == OP_NEG)
        e->kind = E_UNARY;
    e->u.op.op = op;
    e->u.op.a = a;
    e->u.op.b = b;
    return e;
}

/* Make an `is` test (`is missing`, `is below`, ...), negated by `not` when neg. */
Expr *mk_is(Parser *P, const Loc *loc, IsKind is, bool neg, Expr *a, Expr *b)
{
    Expr *e = mk_expr(P, E_IS, loc);
    e->u.is.is = is;
    e->u.is.neg = neg;
    e->u.is.a = a;
    e->u.is.b = b;
    return e;
}

/* Make an `in` (or `not in`) membership test of a in b. */
Expr *mk_in(Parser *P, const Loc *loc, bool neg, Expr *a, Expr *b)
{
    Expr *e = mk_expr(P, E_IN, loc);
    e->u.in.neg = neg;
    e->u.in.a = a;
    e->u.in.b = b;
    return e;
}

/* Make `a in last dur`: whether a date falls within a recent period. */
Expr *mk_window(Parser *P, const Loc *loc, Expr *a, Expr *dur)
{
    Expr *e = mk_expr(P, E_WINDOW, loc);
    e->u.window.a = a;
    e->u.window.dur = dur;
    return e;
}

/* Make a duration: n days, working days, weeks, months or years. */
Expr *mk_unit(Parser *P, const Loc *loc, Expr *n, Unit u)
{
    Expr *e = mk_expr(P, E_UNIT, loc);
    e->u.unit.n = n;
    e->u.unit.unit = u;
    return e;
}

/* Make an `if ... then ... else` expression. */
Expr *mk_if(Parser *P, const Loc *loc, Expr *c, Expr *t, Expr *el)
{
    Expr *e = mk_expr(P, E_IF, loc);
    e->u.cond.c = c;
    e->u.cond.t = t;
    e->u.cond.e = el;
    return e;
}

/* Make a query (count, any, sum, latest, ...) over the rows of src that pass where. */
Expr *mk_query(Parser *P, const Loc *loc, QueryKind q, Expr *src, Expr *where)
{
    Expr *e = mk_expr(P, E_QUERY, loc);
    e->u.query.q = q;
    e->u.query.src = src;
    e->u.query.where = where;
    e->u.query.byindex = -1;
    return e;
}

/* Make `each VAR in SOURCE where ...`: the rows of src, named var, that pass where. */
Expr *mk_each(Parser *P, const Loc *loc, const char *var, const Loc *vloc, Expr *src, Expr *where)
{
    Expr *e = mk_expr(P, E_EACH, loc);
    e->u.each.var = var;
    e->u.each.vloc = *vloc;
    e->u.each.src = src;
    e->u.each.where = where;
    return e;
}

/* Make `how many of (...)`: the number of its conditions that hold. */
Expr *mk_howmany(Parser *P, const Loc *loc, Vec *items)
{
    Expr *e = mk_expr(P, E_HOWMANY, loc);
    e->u.howmany.items = *items;
    return e;
}

/* Make an empty list literal; list_add adds its items. */
Expr *mk_list(Parser *P, const Loc *loc)
{
    return mk_expr(P, E_LIST, loc);
}

/* Add an item, with an optional inclusion condition, to a list literal. */
void list_add(Parser *P, Expr *list, Expr *item, Expr *cond)
{
    vec_push(A, &list->u.list.items, item);
    vec_push(A, &list->u.list.conds, cond);
}

/* Report `working weeks` and the like. */
void bad_working(Parser *P, const Loc *loc)
{
    diag_error(P->diags, P->file, *loc, "write `N working days`, or use calendar weeks or months",
               "only days can be working days");
    P->errors++;
}

/* Report a syntax error, with a hint for the usual causes. */
void syntax_error(Parser *P, const Loc *loc, bool at_eof, const char *msg, const char *expected, int n)
{
    const char *hint = n == 1 ? (const char *)expected : NULL;
    if (!hint && at_eof)
        hint = "the file ends before this item is complete";
    else if (!hint && (strstr(msg, "found the name") || (!strncmp(msg, "the name", 8) && strstr(msg, "not expected"))))
        hint = "two names in a row: is an operator such as `and`, `or` or `=` missing?";
    else if (!hint && strstr(msg, "found `when`"))
        hint = "a branch reads `VALUE when CONDITION`; is the value missing?";
    diag_error(P->diags, P->file, *loc, hint, "%s", msg);
    P->errors++;
}

/* Make a call whose first argument was parsed apart from the rest. */
Expr *mk_call2(Parser *P, const Loc *loc, const char *name, Expr *first, Vec *rest)
{
    Vec args = {0};
    vec_push(A, &args, first);
    for (int i = 0; i < rest->n; i++)
        vec_push(A, &args, rest->v[i]);
    return mk_call(P, loc, name, &args);
}

/* Make the last expectation of the current test look at one part of the value. */
TestExpect *with_part(Parser *P, const char *part)
{
    Vec *v = &P->test->u.test.expect;
    TestExpect *e = v->v[v->n - 1];
    e->part = part;
    return e;
}
