/* check_expr.c: resolving names and typing expressions. Each check records
   on the node its type and its depth (how deeply it nests, counting the
   definitions it uses), which the evaluator's nesting limit relies on. */
#include <limits.h>
#include <string.h>
#include "../runtime/num.h"
#include "../util/suggest.h"
#include "scope.h"
#include "types.h"

static Type *check_expr(Scope *s, Expr *e, Type *want);

/* Report that e has type got where want was expected, with a hint when one fits. */
void check_mismatch(Scope *s, Expr *e, Type *want, Type *got, const char *what)
{
    ERR(s, e->loc, hint_mismatch(s, e, want, got), "%s: expected %s, found %s", what, type_str(s->p->arena, want),
        type_str(s->p->arena, got));
}

/* Check e and require type want. */
Type *check_expect(Scope *s, Expr *e, Type *want, const char *what)
{
    Type *t = check(s, e, want);
    if (!type_eq(t, want)) {
        check_mismatch(s, e, want, t, what);
        return s->p->t_error;
    }
    return t;
}

/* Bring a row or variable into scope; false (reported) past the limit. */
bool check_push_frame(Scope *s, const char *name, Type *t, bool row, Loc loc)
{
    if (s->nframes >= QPL_MAX_SCOPES) {
        ERR(s, loc, "split it into smaller definitions with `let`",
            "queries are nested too deeply: more than %d inside one another", QPL_MAX_SCOPES - 1);
        return false;
    }
    s->frames[s->nframes++] = (Frame){name, t, row};
    return true;
}

/* The scope of a declaration: its section's names, and the subject as frame 0. */
void check_scope(Checker *ck, Decl *d, Scope *s)
{
    memset(s, 0, sizeof *s);
    s->ck = ck;
    s->p = ck->p;
    s->file = d->file;
    s->owner = d->sym;
    s->sect = program_section_of(ck->p, d);
    if (s->sect && s->sect->rec)
        check_push_frame(s, s->sect->rec->name, s->sect->rec->type, true, d->loc);
}

/* Record that the definition being checked refers to sym. */
static void add_dep(Scope *s, Sym *sym)
{
    sym->used = true;
    if (s->owner && (sym->kind == S_LET || sym->kind == S_DECISION || sym->kind == S_PARAM))
        vec_push(s->p->arena, &s->owner->deps, sym);
    else if (sym->kind == S_PARAM)
        s->p->params_anywhere = true;
}

/* The value `name` in code type want, or -1. */
static int code_in(Type *want, const char *name)
{
    if (!want || want->kind != T_CODE)
        return -1;
    return scale_index(want->scale, name);
}

/* A decision about the rows of record rec (in the section for rec) named n,
   for a rule of another subject to use; NULL if there is none. */
static Sym *row_decision(Scope *s, const Record *rec, const char *n)
{
    Section *sect = program_section(s->p, rec->name);
    Sym *sym = sect ? section_find(sect, n) : NULL;
    if (!sym || sym->kind != S_DECISION)
        return NULL;
    if (sym->state == 0 && sym->decl)
        check_item(s->ck, sym);
    add_dep(s, sym);
    return sym;
}

/* Turn a name that is a field (or, with f NULL, decision sym) of frame
   `depth`'s row into a field access. */
static Type *as_row_field(Scope *s, Expr *e, int depth, Field *f, Sym *decision)
{
    Expr *obj = arena_alloc(s->p->arena, sizeof *obj);
    obj->kind = E_NAME;
    obj->loc = e->loc;
    obj->u.name.name = s->frames[depth].name ? s->frames[depth].name : "row";
    Sym *sym = arena_alloc(s->p->arena, sizeof *sym);
    sym->kind = S_VAR;
    sym->name = obj->u.name.name;
    sym->slot = depth;
    sym->type = s->frames[depth].type;
    obj->u.name.sym = sym;
    obj->u.name.code = -1;
    obj->type = sym->type;
    obj->depth = 1;
    const char *name = e->u.name.name;
    e->kind = E_FIELD;
    e->u.field.obj = obj;
    e->u.field.name = name;
    e->u.field.nloc = e->loc;
    e->u.field.field = f;
    e->u.field.decision = decision;
    e->u.field.part = -1;
    e->u.field.code = -1;
    if (decision)
        return decision->type ? decision->type : s->p->t_error;
    f->used = true;
    return f->type ? f->type : s->p->t_error;
}

/* A name bound in a frame: a variable, or a field of a row in scope. NULL if none. */
static Type *name_in_frames(Scope *s, Expr *e)
{
    const char *n = e->u.name.name;
    for (int d = s->nframes - 1; d >= 0; d--) {
        Frame *fr = &s->frames[d];
        if (fr->name && strcmp(fr->name, n) == 0) {
            Sym *sym = arena_alloc(s->p->arena, sizeof *sym);
            sym->kind = S_VAR;
            sym->name = n;
            sym->slot = d;
            sym->type = fr->type;
            e->u.name.sym = sym;
            return fr->type;
        }
        if (fr->row && fr->type->kind == T_RECORD) {
            Field *f = record_field(fr->type->rec, n);
            if (f) {
                if (f->kind == FIELD_COMPUTED)
                    check_computed(s->ck, fr->type->rec, f);
                return as_row_field(s, e, d, f, NULL);
            }
            Sym *dec = d > 0 ? row_decision(s, fr->type->rec, n) : NULL;    /* (the subject's own are in scope) */
            if (dec)
                return as_row_field(s, e, d, NULL, dec);
        }
    }
    return NULL;
}

/* A let or decision of the section, or a global parameter, let, table or as_of. NULL if none. */
static Type *name_as_symbol(Scope *s, Expr *e, Sym *sym)
{
    if (!sym)
        return NULL;
    bool item = sym->kind == S_LET || sym->kind == S_DECISION;
    if (!item && sym->kind != S_PARAM && sym->kind != S_ASOF && sym->kind != S_TABLE)
        return NULL;
    if (!sym->type && sym->state == 0 && sym->decl)
        check_item(s->ck, sym);
    e->u.name.sym = sym;
    add_dep(s, sym);
    return sym->type ? sym->type : s->p->t_error;
}

/* A value of some scale, when the context does not say which; NULL if none. */
static Type *name_as_code(Scope *s, Expr *e, Type *want)
{
    Program *p = s->p;
    const char *n = e->u.name.name;
    Decl *found = NULL;
    int fi = -1, nfound = 0;
    for (int i = 0; i < p->scales.n; i++) {
        Decl *sc = p->scales.v[i];
        int k = scale_index(sc, n);
        if (k >= 0) {
            if (!found) {
                found = sc;
                fi = k;
            }
            nfound++;
        }
    }
    if (!(nfound == 1 || (nfound > 1 && !want)))
        return NULL;
    if (nfound > 1) {
        const char *which = NULL;
        for (int i = 0; i < p->scales.n; i++) {
            Decl *sc = p->scales.v[i];
            if (scale_index(sc, n) >= 0)
                which = which ? arena_printf(p->arena, "%s, %s", which, sc->name) : sc->name;
        }
        ERR(s, e->loc,
            arena_printf(p->arena, "write it with the name of its scale, e.g. `%s.%s`; after `=` or `is`, "
                                   "a value takes the scale of the other side", found->name, n),
            "`%s` is a value of more than one scale (%s), so qpl cannot tell which is meant", n, which);
        return p->t_error;
    }
    e->u.name.code = fi;
    return found->type;
}

/* Report a name that resolves to nothing usable here. */
static Type *unknown_name(Scope *s, Expr *e, Type *want, Sym *sym)
{
    Program *p = s->p;
    const char *n = e->u.name.name;
    if (want && want->kind == T_ERROR)
        return p->t_error;      /* (a value of a type already reported unknown) */
    if (want && want->kind == T_CODE)
        ERR(s, e->loc, hint_values(p, want->scale, n), "`%s` is not a value of %s", n, want->name);
    else if (sym && sym->kind == S_DECISION)
        ERR(s, e->loc, "a decision can only be used by decisions about the same subject",
            "`%s` is decided for another subject", n);
    else if (sym && (sym->kind == S_SCALE || sym->kind == S_RECORD))
        ERR(s, e->loc, sym->kind == S_SCALE ? arena_printf(p->arena, "write one of its values, e.g. `%s`",
                                                           (const char *)sym->decl->u.scale.values.v[0]) : NULL,
            "`%s` is a %s, not a value", n, sym->kind == S_SCALE ? "scale" : "record type");
    else
        /* (no suggestion past the error limit: it would not be shown, and costs an edit distance per name) */
        ERR(s, e->loc, diag_full(p->diags) ? NULL : hint_did_you_mean(p, hint_suggest(s, n)), "unknown name `%s`", n);
    return p->t_error;
}

/* Resolve a bare name: a value of the wanted scale, variables and row fields,
   section items, globals, then values of any scale. */
static Type *check_name(Scope *s, Expr *e, Type *want)
{
    const char *n = e->u.name.name;
    int c = code_in(want, n);
    if (c >= 0) {
        e->u.name.code = c;
        return want;
    }
    Type *t = name_in_frames(s, e);
    if (!t && s->sect)
        t = name_as_symbol(s, e, section_find(s->sect, n));
    Sym *sym = program_find(s->p, n);
    if (!t)
        t = name_as_symbol(s, e, sym);
    if (!t)
        t = name_as_code(s, e, want);
    return t ? t : unknown_name(s, e, want, sym);
}

/* `scale.value`: a value named with its scale; NULL when obj is not a scale's name. */
static Type *field_as_code(Scope *s, Expr *e)
{
    Expr *obj = e->u.field.obj;
    if (obj->kind != E_NAME)
        return NULL;
    Sym *sym = program_find(s->p, obj->u.name.name);
    if (!sym || sym->kind != S_SCALE)
        return NULL;
    for (int d = 0; d < s->nframes; d++)
        if (s->frames[d].name && strcmp(s->frames[d].name, obj->u.name.name) == 0)
            return NULL;    /* a variable of that name hides the scale */
    int k = scale_index(sym->decl, e->u.field.name);
    if (k < 0) {
        ERR(s, e->u.field.nloc, hint_values(s->p, sym->decl, e->u.field.name), "`%s` is not a value of %s",
            e->u.field.name, sym->name);
        return s->p->t_error;
    }
    e->u.field.code = k;
    return sym->type;
}

/* The type of a part of a deadline, quorum or ladder value. */
static Type *part_type(Program *p, Part part, Type *of)
{
    switch (lang_parts[part].type) {
    case PT_DATE: return p->t_date;
    case PT_STATUS: return p->t_status;
    case PT_BOOL: return p->t_bool;
    case PT_NUMBER: return p->t_number;
    default: return type_list(p, of->elem ? of->elem : p->t_any);
    }
}

/* `value.part` on a deadline or quorum. */
static Type *check_part(Scope *s, Expr *e, Type *t)
{
    const char *n = e->u.field.name;
    int part = lang_part(t->kind, n);
    if (part < 0) {
        char parts[160];
        const char *what = t->kind == T_DEADLINE ? "a deadline" : "a quorum";
        ERR(s, e->u.field.nloc, arena_printf(s->p->arena, "%s has %s", what, lang_part_list(t->kind, parts, sizeof parts)),
            "%s has no part `%s`", what, n);
        return s->p->t_error;
    }
    e->u.field.part = part;
    return part_type(s->p, (Part)part, t);
}

/* `record.field`: a column, link or computed field of a record. */
static Type *check_record_field(Scope *s, Expr *e, Type *t)
{
    Program *p = s->p;
    const char *n = e->u.field.name;
    Field *f = record_field(t->rec, n);
    Sym *dec = f ? NULL : row_decision(s, t->rec, n);
    if (dec) {
        e->u.field.decision = dec;
        return dec->type ? dec->type : p->t_error;
    }
    if (!f) {
        Suggest sg;
        suggest_begin(&sg, n);
        for (int i = 0; i < t->rec->fields.n; i++)
            suggest_offer(&sg, ((Field *)t->rec->fields.v[i])->name);
        Section *sect = program_section(p, t->rec->name);
        for (int i = 0; sect && i < sect->outputs.n; i++)
            suggest_offer(&sg, ((Decl *)sect->outputs.v[i])->name);
        ERR(s, e->u.field.nloc, hint_did_you_mean(p, suggest_best(&sg)),
            "%s %s record has no field%s `%s`", type_article(t->rec->name), t->rec->name, sect ? " or decision" : "", n);
        return p->t_error;
    }
    if (f->kind == FIELD_COMPUTED)
        check_computed(s->ck, t->rec, f);
    e->u.field.field = f;
    f->used = true;
    return f->type ? f->type : p->t_error;
}

/* Check a field access: scale values, record fields, parts of values. */
static Type *check_field(Scope *s, Expr *e)
{
    Type *code = field_as_code(s, e);
    if (code)
        return code;
    Expr *obj = e->u.field.obj;
    Type *t = check(s, obj, NULL);
    if (obj->kind == E_NAME && obj->u.name.sym && obj->u.name.sym->kind == S_DECISION &&
        obj->u.name.sym->decl->kind == D_LADDER && !strcmp(e->u.field.name, lang_parts[P_SINCE].name)) {
        e->u.field.part = P_SINCE;   /* the date the ladder's stage was entered */
        return s->p->t_date;
    }
    switch (t->kind) {
    case T_RECORD: return check_record_field(s, e, t);
    case T_DEADLINE:
    case T_QUORUM: return check_part(s, e, t);
    case T_ERROR: return t;
    default:
        ERR(s, e->u.field.nloc, NULL, "%s has no fields; `.%s` cannot be used on it", type_str(s->p->arena, t), e->u.field.name);
        return s->p->t_error;
    }
}

/* The common type of two branches or items, or NULL if they differ. */
static Type *unify(Type *a, Type *b)
{
    if (!a || a->kind == T_ANY || a->kind == T_ERROR)
        return b;
    if (!b || b->kind == T_ANY || b->kind == T_ERROR)
        return a;
    return type_eq(a, b) ? a : NULL;
}

/* Report a call of a function that does not exist. */
static Type *unknown_function(Scope *s, Expr *e)
{
    Program *p = s->p;
    Loc nloc = e->loc;
    nloc.end_line = nloc.line;
    nloc.end_col = nloc.col + (int)strlen(e->u.call.name);
    const char *names[B_COUNT];
    const char *all = "";
    for (int i = 0; i < B_COUNT; i++) {
        names[i] = lang_builtins[i].name;
        all = arena_printf(p->arena, "%s%s%s", all, i == 0 ? "" : i == B_COUNT - 1 ? " and " : ", ", names[i]);
    }
    const char *best = suggest_closest(e->u.call.name, names, B_COUNT);
    ERR(s, nloc, best ? hint_did_you_mean(p, best) : arena_printf(p->arena, "the functions are %s", all),
        "unknown function `%s`", e->u.call.name);
    for (int i = 0; i < e->u.call.args.n; i++)
        check(s, e->u.call.args.v[i], NULL);
    return p->t_error;
}

/* first_known, min and max: arguments of one type (min and max: an ordered one). */
static Type *check_same_args(Scope *s, Expr *e, Builtin b, Type *want)
{
    Vec *a = &e->u.call.args;
    Type *t = want;
    for (int i = 0; i < a->n; i++) {
        Type *ti = check(s, a->v[i], t);
        Type *u = unify(t, ti);
        if (!u) {
            check_mismatch(s, a->v[i], t, ti, "all arguments must have the same type");
            return s->p->t_error;
        }
        t = u;
    }
    if (b != B_FIRST_KNOWN && t && !type_ordered(t)) {
        ERR(s, e->loc, NULL, "`%s` needs values that have an order, not %s", lang_builtins[b].name, type_str(s->p->arena, t));
        return s->p->t_error;
    }
    return t ? t : s->p->t_any;
}

/* Check a call of a built-in function. */
static Type *check_call(Scope *s, Expr *e, Type *want)
{
    Program *p = s->p;
    int b = lang_builtin(e->u.call.name);
    if (b < 0)
        return unknown_function(s, e);
    e->u.call.builtin = b;
    const BuiltinInfo *bi = &lang_builtins[b];
    Vec *a = &e->u.call.args;
    if (a->n < bi->min_args || (bi->max_args >= 0 && a->n > bi->max_args)) {
        const char *count = bi->max_args < 0 ? "two or more" : bi->max_args == 1 ? "one" : "two";
        ERR(s, e->loc, bi->usage, "`%s` takes %s argument%s, not %d", bi->name, count, bi->max_args == 1 ? "" : "s", a->n);
        return p->t_error;
    }
    switch ((Builtin)b) {
    case B_FIRST_KNOWN:
    case B_MIN:
    case B_MAX:
        return check_same_args(s, e, (Builtin)b, want);
    case B_DAYS_BETWEEN:
    case B_WORKING_DAYS_BETWEEN:
        check_expect(s, a->v[0], p->t_date, "first argument");
        check_expect(s, a->v[1], p->t_date, "second argument");
        return p->t_number;
    default:
        check_expect(s, a->v[0], p->t_date, "argument");
        return p->t_number;
    }
}

/* Check the source of a query: a list, usually of records. */
static Type *check_source(Scope *s, Expr *src)
{
    Type *t = check(s, src, NULL);
    if (t->kind == T_ERROR)
        return t;
    if (t->kind == T_RECORD) {
        ERR(s, src->loc, "queries read lists of rows, e.g. `count inspections`", "`%s` is a single record, not a list",
            src->kind == E_NAME ? src->u.name.name : "this");
        return s->p->t_error;
    }
    if (t->kind != T_LIST) {
        ERR(s, src->loc, NULL, "expected a list to query, found %s", type_str(s->p->arena, t));
        return s->p->t_error;
    }
    return t;
}

/* The last condition of a chain of `and` and `or`: the one a trailing comparison ends up in. */
static Expr *last_condition(Expr *e)
{
    while (e && e->kind == E_BINARY && (e->u.op.op == OP_AND || e->u.op.op == OP_OR))
        e = e->u.op.b;
    return e;
}

/* Report `count L where c >= 3`: the comparison meant for the count went into the condition. */
static void where_took_comparison(Scope *s, Expr *cmp)
{
    static const char *const ops[] = {"=", "!=", "<", "<=", ">", ">="};
    Expr *q = s->count_q, *a = cmp->u.op.a, *b = cmp->u.op.b;
    QueryKind k = q->u.query.q;
    const char *what = k == Q_SUM ? "sum" : k == Q_MIN ? "minimum" : k == Q_MAX ? "maximum" : "count";
    const char *op = ops[cmp->u.op.op - OP_EQ];
    const char *cond = NULL, *rhs = NULL, *head = NULL;
    if (q->loc.line == cmp->loc.line && cmp->loc.end_line == cmp->loc.line) {
        cond = hint_src(s, a->loc);
        rhs = hint_src(s, b->loc);
        head = hint_src(s, (Loc){q->loc.line, q->loc.col, a->loc.line, a->loc.end_col});
    }
    s->where_took = true;
    if (cond && rhs && head)
        ERR(s, cmp->loc,
            arena_printf(s->p->arena, "a `where` condition runs to the end of the expression: write `(%s) %s %s`", head, op, rhs),
            "`%s %s %s` is read as part of the `where` condition, so the %s is never compared with %s", cond, op, rhs, what, rhs);
    else
        ERR(s, cmp->loc,
            "a `where` condition runs to the end of the expression: put the query in parentheses, "
            "e.g. (count feedback where concern) >= 3",
            "this comparison is read as part of the `where` condition, so the %s is never compared", what);
}

/* Check a query's `where`, noting whether it took in a comparison meant for the count. */
static bool check_where(Scope *s, Expr *e)
{
    QueryKind q = e->u.query.q;
    Expr *outer = s->count_q;
    bool outer_took = s->where_took;
    s->count_q = q == Q_COUNT || q == Q_COUNT_DISTINCT || q == Q_SUM || q == Q_MIN || q == Q_MAX ? e : NULL;
    s->where_took = false;
    check_expect(s, e->u.query.where, s->p->t_bool, "a `where` condition");
    bool took = s->where_took;
    s->count_q = outer;
    s->where_took = outer_took;
    return took;
}

/* Check `latest ... by COLUMN`: a column of the rows that has an order. */
static void check_by(Scope *s, Expr *e, Type *et)
{
    Program *p = s->p;
    if (et->kind != T_RECORD) {
        if (et->kind != T_ERROR)
            ERR(s, e->u.query.byloc, NULL, "`by` orders rows of a record, not %s", type_str(p->arena, et));
        return;
    }
    Field *f = record_field(et->rec, e->u.query.by);
    if (!f || f->kind != FIELD_COLUMN) {
        Suggest sg;
        suggest_begin(&sg, e->u.query.by);
        for (int i = 0; i < et->rec->fields.n; i++) {
            Field *c = et->rec->fields.v[i];
            if (c->kind == FIELD_COLUMN && c->type && type_ordered(c->type))
                suggest_offer(&sg, c->name);
        }
        ERR(s, e->u.query.byloc, hint_did_you_mean(p, suggest_best(&sg)),
            "%s %s record has no column `%s` to order by", type_article(et->rec->name), et->rec->name, e->u.query.by);
    } else if (!type_ordered(f->type)) {
        ERR(s, e->u.query.byloc, NULL, "`%s` is %s, which has no order", f->name, type_str(p->arena, f->type));
    } else {
        e->u.query.byfield = f;
        f->used = true;
    }
}

/* The type of a query's result. */
static Type *query_type(Scope *s, Expr *e, Type *lt, Type *et, Type *of)
{
    Program *p = s->p;
    switch (e->u.query.q) {
    case Q_COUNT:
    case Q_COUNT_DISTINCT:
        return p->t_number;
    case Q_ANY:
    case Q_NONE:
    case Q_ALL:
        return p->t_bool;
    case Q_SUM:
        if (of && !type_eq(of, p->t_number))
            check_mismatch(s, e->u.query.of, p->t_number, of, "`sum` adds numbers");
        return p->t_number;
    case Q_MIN:
    case Q_MAX:
        if (of && !type_ordered(of)) {
            ERR(s, e->u.query.of->loc, NULL, "`min` and `max` need values that have an order, not %s", type_str(p->arena, of));
            return p->t_error;
        }
        return of ? of : p->t_error;
    case Q_LATEST:
    case Q_EARLIEST:
        return e->u.query.limit ? lt : et;
    case Q_WHERE:
        return lt;
    }
    return p->t_error;
}

/* Check a query (count, any, latest, ...) over a list. */
static Type *check_query(Scope *s, Expr *e)
{
    Program *p = s->p;
    Type *lt = check_source(s, e->u.query.src);
    Type *et = lt->kind == T_LIST ? lt->elem : p->t_error;
    if (!check_push_frame(s, NULL, et, et->kind == T_RECORD, e->loc))
        return p->t_error;
    bool took = e->u.query.where && check_where(s, e);
    Type *of = e->u.query.of ? check(s, e->u.query.of, NULL) : NULL;
    if (e->u.query.by)
        check_by(s, e, et);
    s->nframes--;
    if (e->u.query.limit) {
        Num n;
        if (!num_parse(e->u.query.limit->u.num.text, &n) || !num_is_int(n) || num_to_int(n) < 1)
            ERR(s, e->u.query.limit->loc, NULL, "the number of rows must be a whole number of at least 1");
        else    /* (more rows than an int counts are all the rows) */
            e->u.query.nlimit = num_to_int(n) > INT_MAX ? INT_MAX : (int)num_to_int(n);
    }
    if (took)
        return p->t_error;  /* reported; the count has no comparison to check */
    return query_type(s, e, lt, et, of);
}

/* A comparison whose left side is a deadline or a quorum: reported, with how to say it. */
static void compare_composite(Scope *s, Expr *e, Type *a, Type *b, const char *opname)
{
    Program *p = s->p;
    Op op = e->u.op.op;
    const char *aname = e->u.op.a->kind == E_NAME ? e->u.op.a->u.name.name : NULL;
    if (a->kind == T_DEADLINE) {
        const char *hint, *nm = aname ? aname : "the_deadline";
        if (b == p->t_status && e->u.op.b->kind == E_NAME && op <= OP_NE)
            hint = arena_printf(p->arena, "ask for its status with `is`: `%s is %s%s`", nm, op == OP_NE ? "not " : "",
                                e->u.op.b->u.name.name);
        else
            hint = arena_printf(p->arena, "ask for its status, e.g. `%s is overdue`, or compare its due date, `%s.due`", nm, nm);
        ERR(s, e->loc, hint, "a deadline cannot be compared with `%s`", opname);
    } else {
        const char *nm = aname ? aname : "the_quorum";
        ERR(s, e->loc, arena_printf(p->arena, "use one of its parts: `%s.quorate` (true or false) or `%s.present` (a number)", nm, nm),
            "a quorum cannot be compared with `%s`", opname);
    }
}

/* Check `a op b` for a comparison operator. */
static Type *check_compare(Scope *s, Expr *e, Type *a, Type *b)
{
    static const char *const cmp_ops[] = {"=", "!=", "<", "<=", ">", ">="};
    Program *p = s->p;
    Op op = e->u.op.op;
    const char *opname = cmp_ops[op - OP_EQ];
    if (s->count_q && e == last_condition(s->count_q->u.query.where) && a->kind == T_BOOL && b->kind == T_NUMBER) {
        where_took_comparison(s, e);
    } else if (a->kind == T_DEADLINE || a->kind == T_QUORUM) {
        compare_composite(s, e, a, b, opname);
    } else if (!type_eq(a, b)) {
        check_mismatch(s, e->u.op.b, a, b, "the two sides of a comparison must have the same type");
    } else if (op >= OP_LT && !type_ordered(a->kind == T_ANY ? b : a)) {
        Type *ot = a->kind == T_ANY ? b : a;
        ERR(s, e->loc, hint_order(p, ot), "%s values have no order, so `%s` cannot compare them", type_str(p->arena, ot), opname);
    } else if (a->kind == T_LIST || a->kind == T_RECORD) {
        ERR(s, e->loc, NULL, "%s values cannot be compared with `=`", type_str(p->arena, a));
    }
    return p->t_bool;
}

/* `date - date`: reported, with days_between written out. */
static Type *dates_subtracted(Scope *s, Expr *e)
{
    const char *later = hint_src(s, e->u.op.a->loc), *earlier = hint_src(s, e->u.op.b->loc);
    if (e->loc.line != e->loc.end_line)
        later = earlier = NULL;
    ERR(s, e->loc,
        later && earlier ? arena_printf(s->p->arena, "to count the days from one to the other, write `days_between(%s, %s)` "
                                                     "(or working_days_between)", earlier, later)
                         : "use days_between(earlier, later) or working_days_between(earlier, later)",
        "dates cannot be subtracted from each other");
    return s->p->t_error;
}

/* `+` and `-`: numbers, date and duration, durations of one kind. */
static Type *check_add(Scope *s, Expr *e, Type *a, Type *b)
{
    Program *p = s->p;
    Op op = e->u.op.op;
    if (a->kind == T_DATE && b->kind == T_DURATION)
        return p->t_date;
    if (a->kind == T_DATE && b->kind == T_DATE && op == OP_SUB)
        return dates_subtracted(s, e);
    if (a->kind == T_DURATION && b->kind == T_DURATION && a->unit == b->unit)
        return a;
    if (type_eq(a, p->t_number) && type_eq(b, p->t_number))
        return p->t_number;
    if (a->kind == T_DURATION && b->kind == T_DATE) {
        ERR(s, e->loc, op == OP_ADD ? "write the date first: `date + duration`" : "write `date - duration`",
            op == OP_ADD ? "a duration cannot have a date added to it" : "a date cannot be subtracted from a duration");
    } else if (a->kind == T_DATE && b->kind == T_NUMBER) {
        const char *n = e->u.op.b->kind == E_NUM ? e->u.op.b->u.num.text : "28";
        char sign = op == OP_ADD ? '+' : '-';
        ERR(s, e->loc, arena_printf(p->arena, "say the unit: `%c %s days`, `%c %s working days` or `%c %s months`",
                                    sign, n, sign, n, sign, n),
            "a plain number cannot be %s a date: is it days, weeks or months?", op == OP_ADD ? "added to" : "subtracted from");
    } else {
        ERR(s, e->loc,
            a->kind == T_DURATION && b->kind == T_DURATION ? "months and days are different kinds of duration: 1 month is not 30 days" : NULL,
            "cannot %s %s %s %s", op == OP_ADD ? "add" : "subtract", type_a(p->arena, b), op == OP_ADD ? "to" : "from", type_a(p->arena, a));
    }
    return p->t_error;
}

/* `x is 3 or more` (or `>= 3 or more`, `or fewer`, `or less`): the words
   people use for a threshold; true when reported. */
static bool or_more(Scope *s, Expr *e)
{
    const Expr *b = e->u.op.b, *a = e->u.op.a;
    if (e->u.op.op != OP_OR || b->kind != E_NAME)
        return false;
    const char *w = b->u.name.name;
    bool more = !strcmp(w, "more");
    if (!more && strcmp(w, "fewer") && strcmp(w, "less"))
        return false;
    bool cmp = a->kind == E_IS || (a->kind == E_BINARY && a->u.op.op >= OP_EQ);
    const Expr *n = a->kind == E_IS ? a->u.is.b : cmp ? a->u.op.b : a;
    const Expr *lhs = a->kind == E_IS ? a->u.is.a : cmp ? a->u.op.a : NULL;
    const char *num = n && n->kind == E_NUM ? n->u.num.text : "N";
    const char *left = lhs ? loc_text_flat(s->p->arena, s->file, lhs->loc) : NULL;
    Loc at = a->loc;
    at.end_line = b->loc.end_line;
    at.end_col = b->loc.end_col;
    ERR(s, at, arena_printf(s->p->arena, "write `%s %s %s`", left ? left : "...", more ? ">=" : "<=", num),
        "`%s or %s` is written `%s %s` in qpl", num, w, more ? ">=" : "<=", num);
    return true;
}

/* Check a binary operator: logic, comparison, arithmetic. */
static Type *check_binary(Scope *s, Expr *e)
{
    Program *p = s->p;
    Op op = e->u.op.op;
    if (or_more(s, e))
        return p->t_bool;
    if (op == OP_AND || op == OP_OR) {
        const char *what = op == OP_AND ? "`and` joins conditions" : "`or` joins conditions";
        check_expect(s, e->u.op.a, p->t_bool, what);
        check_expect(s, e->u.op.b, p->t_bool, what);
        return p->t_bool;
    }
    Type *a = check(s, e->u.op.a, NULL);
    Type *b = check(s, e->u.op.b, a->kind == T_CODE ? a : a->kind == T_DEADLINE && op >= OP_EQ ? p->t_status : NULL);
    if (a->kind == T_ERROR || b->kind == T_ERROR)
        return op >= OP_EQ ? p->t_bool : p->t_error;
    if (op >= OP_EQ)
        return check_compare(s, e, a, b);
    if (op == OP_ADD || op == OP_SUB)
        return check_add(s, e, a, b);
    if (!type_eq(a, p->t_number) || !type_eq(b, p->t_number)) {
        ERR(s, e->loc, NULL, "`%c` works on numbers, not %s and %s", op == OP_MUL ? '*' : '/', type_str(p->arena, a), type_str(p->arena, b));
        return p->t_error;
    }
    return p->t_number;
}

/* Check `x is ...`. */
static Type *check_is(Scope *s, Expr *e)
{
    static const char *const words[] = {"", "", "below", "above", "at least", "at most"};
    Program *p = s->p;
    Type *a = check(s, e->u.is.a, NULL);
    if (e->u.is.is == IS_MISSING)
        return p->t_bool;
    Type *w = a->kind == T_DEADLINE ? p->t_status : a;
    Type *b = check(s, e->u.is.b, w->kind == T_CODE ? w : NULL);
    if (a->kind == T_ERROR || b->kind == T_ERROR)
        return p->t_bool;
    if (!type_eq(w, b))
        check_mismatch(s, e->u.is.b, w, b, a->kind == T_DEADLINE ? "a deadline is compared with its status" : "`is` compares values of the same type");
    else if (e->u.is.is != IS_VALUE && !type_ordered(w))
        ERR(s, e->loc, hint_order(p, w), "%s values have no order, so `is %s` cannot compare them", type_str(p->arena, w), words[e->u.is.is]);
    return p->t_bool;
}

/* Check `x in list`; a written list takes the type of the left side. */
static Type *check_in(Scope *s, Expr *e)
{
    Program *p = s->p;
    Type *lt, *et, *a;
    if (e->u.in.b->kind == E_LIST) {
        a = check(s, e->u.in.a, NULL);
        lt = check(s, e->u.in.b, a->kind == T_CODE ? type_list(p, a) : NULL);
        et = lt->kind == T_LIST ? lt->elem : NULL;
    } else {
        lt = check(s, e->u.in.b, NULL);
        et = lt->kind == T_LIST ? lt->elem : NULL;
        a = check(s, e->u.in.a, et && et->kind == T_CODE ? et : NULL);
    }
    if (lt->kind != T_LIST && lt->kind != T_ERROR)
        ERR(s, e->u.in.b->loc, NULL, "`in` needs a list, found %s", type_str(p->arena, lt));
    if (et && !type_eq(a, et))
        check_mismatch(s, e->u.in.a, et, a, "`in` looks for an item of the list's type");
    return p->t_bool;
}

/* Check `d in last DURATION`. */
static Type *check_window(Scope *s, Expr *e)
{
    Program *p = s->p;
    check_expect(s, e->u.window.a, p->t_date, "`in last` is asked of a date");
    Expr *dur = e->u.window.dur;
    Type *d = check(s, dur, NULL);
    if (d->kind != T_DURATION && d->kind != T_ERROR) {
        const char *n = dur->kind == E_NUM ? dur->u.num.text : NULL;
        ERR(s, dur->loc,
            d->kind == T_NUMBER && n ? arena_printf(p->arena, "say the unit: `in last %s days`, `in last %s weeks` or `in last %s months`", n, n, n)
                                     : "write a duration such as `90 days` or `6 months`",
            "`in last` needs a duration, found %s", type_a(p->arena, d));
    }
    return p->t_bool;
}

/* Check `N unit`. */
static Type *check_unit(Scope *s, Expr *e)
{
    Program *p = s->p;
    check_expect(s, e->u.unit.n, p->t_number, "a duration counts a number of units");
    if (e->u.unit.unit == U_WORKING_DAYS && !p->calendar_name && p->policy)
        ERR(s, e->loc, "name one in the policy header, e.g. `calendar england_and_wales`",
            "working days need a calendar, and this policy names none");
    return type_duration(p, e->u.unit.unit);
}

/* Check a list literal: items of one type (the wanted item type, if any). */
static Type *check_list(Scope *s, Expr *e, Type *want)
{
    Program *p = s->p;
    Type *et = want && want->kind == T_LIST ? want->elem : NULL;
    for (int i = 0; i < e->u.list.items.n; i++) {
        Expr *it = e->u.list.items.v[i];
        Type *ti = check(s, it, et);
        Type *u = unify(et, ti);
        if (!u) {
            check_mismatch(s, it, et, ti, "all items of a list must have the same type");
            u = et;
        }
        et = u;
        if (e->u.list.conds.v[i])
            check_expect(s, e->u.list.conds.v[i], p->t_bool, "an `if` condition");
    }
    return type_list(p, et ? et : p->t_any);
}

/* Check `if c then a else b`. */
static Type *check_if(Scope *s, Expr *e, Type *want)
{
    check_expect(s, e->u.cond.c, s->p->t_bool, "`if` needs a condition");
    Type *a = check(s, e->u.cond.t, want);
    Type *b = check(s, e->u.cond.e, want ? want : a);
    Type *t = unify(a, b);
    if (!t) {
        check_mismatch(s, e->u.cond.e, a, b, "both results of `if` must have the same type");
        return s->p->t_error;
    }
    return t;
}

/* Check `each x in L where c`. */
static Type *check_each(Scope *s, Expr *e)
{
    Type *lt = check_source(s, e->u.each.src);
    Type *et = lt->kind == T_LIST ? lt->elem : s->p->t_error;
    if (check_push_frame(s, e->u.each.var, et, false, e->loc)) {
        if (e->u.each.where)
            check_expect(s, e->u.each.where, s->p->t_bool, "a `where` condition");
        s->nframes--;
    }
    return lt;
}

/* Check an expression, preferring type want where it could be several. */
static Type *check_expr(Scope *s, Expr *e, Type *want)
{
    Program *p = s->p;
    switch (e->kind) {
    case E_NUM: {
        Num n;
        if (!num_parse(e->u.num.text, &n)) {
            ERR(s, e->loc, "numbers have at most 18 significant digits", "number `%s` is too long", e->u.num.text);
        } else {
            e->u.num.checked = true;
            e->u.num.n = n.n;
            e->u.num.d = n.d;
        }
        return p->t_number;
    }
    case E_STR: return p->t_text;
    case E_DATE: return p->t_date;
    case E_BOOL: return p->t_bool;
    case E_MISSING: return p->t_any;
    case E_NA:
        ERR(s, e->loc, "write it as a branch of a decision: `not applicable when CONDITION`",
            "`not applicable` is a decision's answer, not a value");
        return p->t_error;
    case E_NAME: return check_name(s, e, want);
    case E_FIELD: return check_field(s, e);
    case E_CALL: return check_call(s, e, want);
    case E_UNARY:
        if (e->u.op.op == OP_NOT) {
            check_expect(s, e->u.op.a, p->t_bool, "`not` needs a condition");
            return p->t_bool;
        }
        check_expect(s, e->u.op.a, p->t_number, "`-` needs a number");
        return p->t_number;
    case E_BINARY: return check_binary(s, e);
    case E_IS: return check_is(s, e);
    case E_IN: return check_in(s, e);
    case E_WINDOW: return check_window(s, e);
    case E_UNIT: return check_unit(s, e);
    case E_LIST: return check_list(s, e, want);
    case E_IF: return check_if(s, e, want);
    case E_QUERY: return check_query(s, e);
    case E_EACH: return check_each(s, e);
    case E_HOWMANY:
        for (int i = 0; i < e->u.howmany.items.n; i++)
            check_expect(s, e->u.howmany.items.v[i], p->t_bool, "`how many of` counts conditions");
        return p->t_number;
    }
    return p->t_error;
}

/* The larger of two depths. */
static int dmax(int a, int b)
{
    return a > b ? a : b;
}

/* The depth of an expression whose parts are checked: one more than its
   deepest part, and for a name or field, the depth of what it stands for. */
static int depth_of(const Expr *e)
{
    int d = 0;
    switch (e->kind) {
    case E_NAME: {
        const Sym *s = e->u.name.sym;
        return 1 + (s && (s->kind == S_LET || s->kind == S_DECISION) ? s->depth : 0);
    }
    case E_FIELD: {
        const Field *f = e->u.field.field;
        d = e->u.field.obj->depth;
        if (f && f->kind == FIELD_COMPUTED && f->expr)
            d = dmax(d, f->expr->depth);
        if (e->u.field.decision)
            d = dmax(d, e->u.field.decision->depth);
        return 1 + d;
    }
    case E_CALL:
        for (int i = 0; i < e->u.call.args.n; i++)
            d = dmax(d, ((Expr *)e->u.call.args.v[i])->depth);
        return 1 + d;
    case E_UNARY: return 1 + e->u.op.a->depth;
    case E_BINARY: return 1 + dmax(e->u.op.a->depth, e->u.op.b->depth);
    case E_IS: return 1 + dmax(e->u.is.a->depth, e->u.is.b ? e->u.is.b->depth : 0);
    case E_IN: return 1 + dmax(e->u.in.a->depth, e->u.in.b->depth);
    case E_WINDOW: return 1 + dmax(e->u.window.a->depth, e->u.window.dur->depth);
    case E_UNIT: return 1 + e->u.unit.n->depth;
    case E_LIST:
        for (int i = 0; i < e->u.list.items.n; i++) {
            d = dmax(d, ((Expr *)e->u.list.items.v[i])->depth);
            if (e->u.list.conds.v[i])
                d = dmax(d, ((Expr *)e->u.list.conds.v[i])->depth);
        }
        return 1 + d;
    case E_IF: return 1 + dmax(e->u.cond.c->depth, dmax(e->u.cond.t->depth, e->u.cond.e->depth));
    case E_QUERY:
        d = e->u.query.src->depth;
        if (e->u.query.where)
            d = dmax(d, e->u.query.where->depth);
        if (e->u.query.of)
            d = dmax(d, e->u.query.of->depth);
        return 1 + d;
    case E_EACH: return 1 + dmax(e->u.each.src->depth, e->u.each.where ? e->u.each.where->depth : 0);
    case E_HOWMANY:
        for (int i = 0; i < e->u.howmany.items.n; i++)
            d = dmax(d, ((Expr *)e->u.howmany.items.v[i])->depth);
        return 1 + d;
    default: return 1;
    }
}

/* Check an expression, refusing one nested too deeply to check and evaluate safely. */
Type *check(Scope *s, Expr *e, Type *want)
{
    Checker *ck = s->ck;
    if (ck->nesting >= QPL_MAX_NESTING) {
        if (!ck->nesting_reported)
            ERR(s, e->loc, "split it into smaller definitions with `let`, each declared before it is used",
                "this expression is nested too deeply: more than %d levels, counting the definitions it uses", QPL_MAX_NESTING);
        ck->nesting_reported = ck->deep_reported = true;
        e->type = s->p->t_error;
        e->depth = 1;   /* (reported: the definition is not reported again) */
        return s->p->t_error;
    }
    ck->nesting++;
    Type *t = check_expr(s, e, want);
    if (--ck->nesting == 0)
        ck->nesting_reported = false;
    e->type = t;
    e->depth = depth_of(e);
    return t;
}
