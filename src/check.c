/* check.c: name resolution and static type checking of a loaded program. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "num.h"

#define MAXFRAMES 32

typedef struct Frame {
    const char *name;       /* variable name, or the subject's name */
    Type *type;
    bool row;               /* fields of the record are in scope */
} Frame;

typedef struct Scope {
    Program *p;
    SourceFile *file;
    Section *sect;
    Sym *owner;
    Frame frames[MAXFRAMES];
    int nframes;
    Expr *count_q;          /* the count/sum/min/max query whose `where` is being checked */
    bool where_took;        /* its `where` took in a comparison meant for the count */
} Scope;

static Type *check(Scope *s, Expr *e, Type *want);
static void check_item(Program *p, Sym *sym);

#define ERR(s, loc, hint, ...) diag_error((s)->p->diags, (s)->file, (loc), (hint), __VA_ARGS__)

/* Make a new type. */
static Type *new_type(Program *p, TypeKind k, const char *name)
{
    Type *t = arena_alloc(p->arena, sizeof *t);
    t->kind = k;
    t->name = name;
    return t;
}

/* "a" or "an", whichever reads right before word. */
static const char *article(const char *word)
{
    return word && word[0] && strchr("aeiouAEIOU", word[0]) ? "an" : "a";
}

/* A type with an article, for use in a sentence: "a number", "a duration in days". */
static const char *a_type(Program *p, const Type *t)
{
    const char *s = type_str(p, t);
    if (!strncmp(s, "a ", 2) || !strncmp(s, "an ", 3) || (t && (t->kind == T_ANY || t->kind == T_ERROR)))
        return s;
    return arena_printf(p->arena, "%s %s", article(s), s);
}

/* The list type of elem. */
Type *type_list(Program *p, Type *elem)
{
    Type *t = new_type(p, T_LIST, "list");
    t->elem = elem;
    return t;
}

/* Structural type equality; `any` and error types match everything. */
bool type_eq(const Type *a, const Type *b)
{
    if (!a || !b || a->kind == T_ANY || b->kind == T_ANY || a->kind == T_ERROR || b->kind == T_ERROR)
        return true;
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case T_LIST: return type_eq(a->elem, b->elem);
    case T_CODE: return a->scale == b->scale;
    case T_RECORD: return a->rec == b->rec;
    case T_DURATION: return a->unit == b->unit;
    default: return true;
    }
}

/* A type as policy authors write it. */
const char *type_str(Program *p, const Type *t)
{
    if (!t)
        return "nothing";
    switch (t->kind) {
    case T_BOOL: return "bool";
    case T_NUMBER: return "number";
    case T_TEXT: return "text";
    case T_DATE: return "date";
    case T_DURATION:
        return t->unit == U_MONTHS ? "a duration in months" : t->unit == U_WORKING_DAYS ? "a duration in working days"
                                                                                   : "a duration in days";
    case T_CODE: return arena_printf(p->arena, "%s", t->name);
    case T_LIST: return arena_printf(p->arena, "list of %s", type_str(p, t->elem));
    case T_RECORD: return arena_printf(p->arena, "%s %s record", article(t->name), t->name);
    case T_DEADLINE: return "deadline";
    case T_QUORUM: return "quorum";
    case T_ANY: return "missing";
    case T_ERROR: return "an erroneous value";
    }
    return "?";
}

/* Index of a value (or its display alias) in a scale, or -1. */
int scale_index(const Decl *scale, const char *word)
{
    for (int i = 0; i < scale->u.scale.values.n; i++)
        if (strcmp(scale->u.scale.values.v[i], word) == 0)
            return i;
    return -1;
}

/* Index of a code read from data: a value name or a display alias, or -1. */
int scale_lookup(const Decl *scale, const char *text, size_t n)
{
    for (int i = 0; i < scale->u.scale.values.n; i++) {
        const char *v = scale->u.scale.values.v[i], *al = scale->u.scale.aliases.v[i];
        if (strlen(v) == n && memcmp(v, text, n) == 0)
            return i;
        if (al && strlen(al) == n && memcmp(al, text, n) == 0)
            return i;
    }
    return -1;
}

/* Global symbol by name. */
Sym *program_find(Program *p, const char *name)
{
    for (int i = 0; i < p->syms.n; i++) {
        Sym *s = p->syms.v[i];
        if (strcmp(s->name, name) == 0)
            return s;
    }
    return NULL;
}

/* The section deciding about subject kind `subject`. */
Section *program_section(Program *p, const char *subject)
{
    for (int i = 0; i < p->sections.n; i++) {
        Section *s = p->sections.v[i];
        if (strcmp(s->rec->name, subject) == 0)
            return s;
    }
    return NULL;
}

/* The output decision named `name`. */
Decl *program_output(Program *p, const char *name)
{
    for (int i = 0; i < p->outputs.n; i++) {
        Decl *d = p->outputs.v[i];
        if (strcmp(d->name, name) == 0)
            return d;
    }
    return NULL;
}

/* The scale declaration named `name`. */
static Decl *find_scale(Program *p, const char *name)
{
    for (int i = 0; i < p->scales.n; i++) {
        Decl *d = p->scales.v[i];
        if (strcmp(d->name, name) == 0)
            return d;
    }
    return NULL;
}

/* The record declaration named `name`. */
static Record *find_record(Program *p, const char *name)
{
    for (int i = 0; i < p->records.n; i++) {
        Record *r = p->records.v[i];
        if (strcmp(r->name, name) == 0)
            return r;
    }
    return NULL;
}

/* Field `name` of record r, or NULL. */
static Field *find_field(Record *r, const char *name)
{
    for (int i = 0; i < r->fields.n; i++) {
        Field *f = r->fields.v[i];
        if (strcmp(f->name, name) == 0)
            return f;
    }
    return NULL;
}

/* Suggest a name close to `word` among the names visible in scope. */
static const char *suggest(Scope *s, const char *word)
{
    const char *cands[512];
    int n = 0;
    for (int i = 0; i < s->p->syms.n && n < 400; i++)
        cands[n++] = ((Sym *)s->p->syms.v[i])->name;
    if (s->sect)
        for (int i = 0; i < s->sect->lets.n && n < 450; i++)
            cands[n++] = ((Sym *)s->sect->lets.v[i])->name;
    for (int f = 0; f < s->nframes; f++) {
        if (s->frames[f].name && n < 500)
            cands[n++] = s->frames[f].name;
        if (s->frames[f].row && s->frames[f].type->rec) {
            Record *r = s->frames[f].type->rec;
            for (int i = 0; i < r->fields.n && n < 510; i++)
                cands[n++] = ((Field *)r->fields.v[i])->name;
        }
    }
    return closest_name(word, cands, n);
}

/* A hint "did you mean `x`?" in the program arena, or NULL. */
static const char *did_you_mean(Program *p, const char *best)
{
    return best ? arena_printf(p->arena, "did you mean `%s`?", best) : NULL;
}

/* A hint for a word that is not a value of scale sc: the nearest value, or the list of values. */
static const char *value_hint(Program *p, const Decl *sc, const char *word)
{
    const Vec *vs = &sc->u.scale.values;
    const char *best = closest_name(word, (const char *const *)vs->v, vs->n);
    if (best)
        return did_you_mean(p, best);
    /* (built in the arena: long names must not overrun a fixed buffer) */
    const char *h = arena_printf(p->arena, "the values of %s are", sc->name);
    int i = 0;
    for (; i < vs->n && strlen(h) < 320; i++)
        h = arena_printf(p->arena, "%s%s `%s`", h, i ? "," : "", (const char *)vs->v[i]);
    if (i < vs->n)
        h = arena_printf(p->arena, "%s, ...", h);
    return h;
}

/* The source text from column col to end_col of one line of the file being checked, or NULL. */
static const char *src_text(Scope *s, int line, int col, int end_col)
{
    const SourceFile *f = s->file;
    if (!f || !f->src || line <= 0 || col <= 0 || end_col <= col)
        return NULL;
    const char *p = source_line(f, line), *end = f->src + f->len;
    if (!p)
        return NULL;
    const char *from = NULL, *to = NULL;
    int c = 1;
    for (const char *q = p; q <= end; q++) {
        if (q < end && ((unsigned char)*q & 0xC0) == 0x80)
            continue;
        if (c == col)
            from = q;
        if (c == end_col) {
            to = q;
            break;
        }
        if (q == end || *q == '\n')
            break;
        c++;
    }
    return from && to ? arena_strndup(s->p->arena, from, (size_t)(to - from)) : NULL;
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
        cond = src_text(s, a->loc.line, a->loc.col, a->loc.end_col);
        rhs = src_text(s, b->loc.line, b->loc.col, b->loc.end_col);
        head = src_text(s, q->loc.line, q->loc.col, a->loc.end_col);
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

/* Record that the symbol being checked depends on sym. */
static void add_dep(Scope *s, Sym *sym)
{
    sym->used = true;
    if (sym->decl)
        sym->decl->used = true;
    if (s->owner && (sym->kind == S_LET || sym->kind == S_DECISION))
        vec_push(s->p->arena, &s->owner->deps, sym);
}

/* Report a value of the wrong type. */
static const char *mismatch_hint(Scope *s, Expr *e, Type *want, Type *got)
{
    Program *p = s->p;
    if (want->kind == T_CODE && got->kind == T_DATE)
        return "a rating or other scale value cannot be compared with a date";
    if (want->kind == T_DURATION && got->kind == T_DURATION)
        return "months and days are different kinds of duration: 1 month is not 30 days";
    if (want->kind == T_NUMBER && got->kind == T_BOOL && e->kind == E_QUERY &&
        (e->u.query.q == Q_ANY || e->u.query.q == Q_NONE || e->u.query.q == Q_ALL))
        return arena_printf(p->arena, "`%s` tells whether there are such rows, not how many: use `count` to count them",
                            e->u.query.q == Q_ANY ? "any" : e->u.query.q == Q_NONE ? "no" : "all");
    if (want->kind == T_BOOL && got->kind == T_CODE && got->scale && got->scale->u.scale.values.n) {
        const char *text = e->loc.line == e->loc.end_line ? src_text(s, e->loc.line, e->loc.col, e->loc.end_col) : NULL;
        return arena_printf(p->arena, "compare it with one of its values, e.g. `%s is %s`", text ? text : "rating",
                            (const char *)got->scale->u.scale.values.v[0]);
    }
    if (want->kind == T_CODE && got->kind == T_CODE && want->scale && got->scale && e->kind == E_NAME)
        return arena_printf(p->arena, "`%s` is a value of %s; %s", e->u.name.name, got->name,
                            value_hint(p, want->scale, e->u.name.name));
    return NULL;
}

/* Report that e has type got where want was expected, with a hint when one fits. */
static void mismatch(Scope *s, Expr *e, Type *want, Type *got, const char *what)
{
    ERR(s, e->loc, mismatch_hint(s, e, want, got), "%s: expected %s, found %s", what, type_str(s->p, want), type_str(s->p, got));
}

/* Check e and require type want. */
static Type *expect(Scope *s, Expr *e, Type *want, const char *what)
{
    Type *t = check(s, e, want);
    if (!type_eq(t, want)) {
        mismatch(s, e, want, t, what);
        return s->p->t_error;
    }
    return t;
}

/* Whether t can be ordered with < and >. */
static bool ordered(const Type *t)
{
    return t->kind == T_NUMBER || t->kind == T_DATE || t->kind == T_DURATION ||
           (t->kind == T_CODE && t->scale->u.scale.ordered) || t->kind == T_ANY || t->kind == T_ERROR;
}

/* How to compare values of an unordered type t instead. */
static const char *order_hint(Program *p, const Type *t)
{
    if (t->kind == T_CODE && t->scale && t->scale->name && strcmp(t->scale->name, "deadline_status") != 0)
        return arena_printf(p->arena, "%s is declared with `enum`, which has no order; test a value with `is`, "
                            "or declare it as a `scale` with `<`", t->name);
    if (t->kind == T_TEXT)
        return "texts can only be tested for a value, e.g. `commissioner is \"somerset\"`";
    if (t->kind == T_BOOL)
        return "test a condition with `is true` or `is false`, or use it as it is";
    return NULL;
}

/* Resolve the value `name` in code type want, or -1. */
static int code_in(Type *want, const char *name)
{
    if (!want || want->kind != T_CODE)
        return -1;
    return scale_index(want->scale, name);
}

/* Push a frame for a row or variable. */
static bool push_frame(Scope *s, const char *name, Type *t, bool row, Loc loc)
{
    if (s->nframes >= MAXFRAMES) {
        ERR(s, loc, NULL, "expressions are nested too deeply");
        return false;
    }
    s->frames[s->nframes++] = (Frame){name, t, row};
    return true;
}

/* Turn a name that is a field of frame `depth` into a field access. */
static Type *as_row_field(Scope *s, Expr *e, int depth, Field *f)
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
    const char *name = e->u.name.name;
    e->kind = E_FIELD;
    e->u.field.obj = obj;
    e->u.field.name = name;
    e->u.field.nloc = e->loc;
    e->u.field.index = f->index;
    e->u.field.code = -1;
    e->u.field.sym = NULL;
    return f->type ? f->type : s->p->t_error;
}

/* Check a computed field of a record in that record's own scope. */
static void check_computed(Program *p, Record *r, Field *f);

/* Resolve a bare name: variables and row fields, section items, globals, codes. */
static Type *check_name(Scope *s, Expr *e, Type *want)
{
    const char *n = e->u.name.name;
    Program *p = s->p;
    int c = code_in(want, n);
    if (c >= 0) {
        e->u.name.code = c;
        return want;
    }
    for (int d = s->nframes - 1; d >= 0; d--) {
        Frame *fr = &s->frames[d];
        if (fr->name && strcmp(fr->name, n) == 0) {
            Sym *sym = arena_alloc(p->arena, sizeof *sym);
            sym->kind = S_VAR;
            sym->name = n;
            sym->slot = d;
            sym->type = fr->type;
            e->u.name.sym = sym;
            return fr->type;
        }
        if (fr->row && fr->type->kind == T_RECORD) {
            Field *f = find_field(fr->type->rec, n);
            if (f) {
                if (f->link == 3)
                    check_computed(p, fr->type->rec, f);
                return as_row_field(s, e, d, f);
            }
        }
    }
    if (s->sect)
        for (int i = 0; i < s->sect->lets.n; i++) {
            Sym *sym = s->sect->lets.v[i];
            if (strcmp(sym->name, n) == 0) {
                if (!sym->type && sym->state == 0)
                    check_item(p, sym);
                e->u.name.sym = sym;
                add_dep(s, sym);
                return sym->type ? sym->type : p->t_error;
            }
        }
    Sym *sym = program_find(p, n);
    if (sym && (sym->kind == S_PARAM || sym->kind == S_LET || sym->kind == S_ASOF || sym->kind == S_TABLE)) {
        if (!sym->type && sym->state == 0 && sym->decl)
            check_item(p, sym);
        e->u.name.sym = sym;
        add_dep(s, sym);
        if (sym->kind == S_TABLE)
            sym->rec->used = true;
        return sym->type ? sym->type : p->t_error;
    }
    /* a value of some scale, when the context does not say which */
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
    if (nfound == 1 || (nfound > 1 && !want)) {
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
    if (want && want->kind == T_CODE) {
        ERR(s, e->loc, value_hint(p, want->scale, n), "`%s` is not a value of %s", n, want->name);
        return p->t_error;
    }
    if (sym && sym->kind == S_DECISION)
        ERR(s, e->loc, "a decision can only be used by decisions about the same subject",
            "`%s` is decided for another subject", n);
    else if (sym && (sym->kind == S_SCALE || sym->kind == S_RECORD))
        ERR(s, e->loc, sym->kind == S_SCALE ? arena_printf(p->arena, "write one of its values, e.g. `%s`",
                                                           (const char *)sym->decl->u.scale.values.v[0]) : NULL,
            "`%s` is a %s, not a value", n, sym->kind == S_SCALE ? "scale" : "record type");
    else
        /* (no suggestion past the error limit: it would not be shown, and costs an edit distance per name) */
        ERR(s, e->loc, diag_full(p->diags) ? NULL : did_you_mean(p, suggest(s, n)), "unknown name `%s`", n);
    return p->t_error;
}

/* Check a field access: record fields, deadline and quorum parts, scale values. */
static Type *check_field(Scope *s, Expr *e, Type *want)
{
    Program *p = s->p;
    Expr *obj = e->u.field.obj;
    const char *n = e->u.field.name;
    if (obj->kind == E_NAME) {
        Sym *sym = program_find(p, obj->u.name.name);
        bool shadowed = false;
        for (int d = 0; d < s->nframes; d++)
            if (s->frames[d].name && strcmp(s->frames[d].name, obj->u.name.name) == 0)
                shadowed = true;
        if (sym && sym->kind == S_SCALE && !shadowed) {
            int k = scale_index(sym->decl, n);
            if (k < 0) {
                ERR(s, e->u.field.nloc, value_hint(p, sym->decl, n), "`%s` is not a value of %s", n, sym->name);
                return p->t_error;
            }
            e->u.field.code = k;
            return sym->type;
        }
    }
    Type *t = check(s, obj, NULL);
    (void)want;
    if (obj->kind == E_NAME && obj->u.name.sym && obj->u.name.sym->kind == S_DECISION &&
        obj->u.name.sym->decl->kind == D_LADDER && !strcmp(n, "since")) {
        e->u.field.index = -3;  /* the date the ladder's stage was entered */
        return p->t_date;
    }
    switch (t->kind) {
    case T_RECORD: {
        Field *f = find_field(t->rec, n);
        if (!f) {
            const char *cands[256];
            int k = 0;
            for (int i = 0; i < t->rec->fields.n && k < 256; i++)
                cands[k++] = ((Field *)t->rec->fields.v[i])->name;
            ERR(s, e->u.field.nloc, did_you_mean(p, closest_name(n, cands, k)),
                "%s %s record has no field `%s`", article(t->rec->name), t->rec->name, n);
            return p->t_error;
        }
        if (f->link == 3)
            check_computed(p, t->rec, f);
        e->u.field.index = f->index;
        return f->type ? f->type : p->t_error;
    }
    case T_DEADLINE:
        if (!strcmp(n, "due") || !strcmp(n, "done") || !strcmp(n, "start")) {
            e->u.field.index = !strcmp(n, "start") ? 0 : !strcmp(n, "due") ? 1 : 2;
            return p->t_date;
        }
        if (!strcmp(n, "status")) {
            e->u.field.index = 3;
            return p->t_status;
        }
        ERR(s, e->u.field.nloc, "a deadline has `start`, `due`, `done` and `status`", "a deadline has no part `%s`", n);
        return p->t_error;
    case T_QUORUM:
        if (!strcmp(n, "quorate")) {
            e->u.field.index = 0;
            return p->t_bool;
        }
        if (!strcmp(n, "present")) {
            e->u.field.index = 1;
            return p->t_number;
        }
        if (!strcmp(n, "missing_roles")) {
            e->u.field.index = 2;
            return type_list(p, p->t_any);
        }
        ERR(s, e->u.field.nloc, "a quorum has `quorate`, `present` and `missing_roles`", "a quorum has no part `%s`", n);
        return p->t_error;
    case T_ERROR:
        return t;
    default:
        ERR(s, e->u.field.nloc, NULL, "%s has no fields; `.%s` cannot be used on it", type_str(p, t), n);
        return p->t_error;
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

enum { B_FIRST_KNOWN, B_MIN, B_MAX, B_DAYS_BETWEEN, B_WDAYS_BETWEEN, B_DAY_OF_WEEK, B_NBUILTIN };
static const char *const builtins[] = {"first_known", "min", "max", "days_between", "working_days_between",
                                       "day_of_week"};

/* Check a call of a built-in function. */
static Type *check_call(Scope *s, Expr *e, Type *want)
{
    Program *p = s->p;
    int b = -1;
    for (int i = 0; i < B_NBUILTIN; i++)
        if (!strcmp(builtins[i], e->u.call.name))
            b = i;
    if (b < 0) {
        Loc nloc = e->loc;
        nloc.end_line = nloc.line;
        nloc.end_col = nloc.col + (int)strlen(e->u.call.name);
        const char *best = closest_name(e->u.call.name, builtins, B_NBUILTIN);
        ERR(s, nloc, best ? did_you_mean(p, best) : "the functions are first_known, min, max, days_between, "
                                                   "working_days_between, day_of_week, year and month",
            "unknown function `%s`", e->u.call.name);
        for (int i = 0; i < e->u.call.args.n; i++)
            check(s, e->u.call.args.v[i], NULL);
        return p->t_error;
    }
    e->u.call.builtin = b;
    Vec *a = &e->u.call.args;
    int want_n = (b == B_DAY_OF_WEEK) ? 1 : (b == B_DAYS_BETWEEN || b == B_WDAYS_BETWEEN) ? 2 : -1;
    if ((want_n > 0 && a->n != want_n) || (want_n < 0 && a->n < 2)) {
        static const char *const usage[] = {
            "write `first_known(a, b)`: the first of its values that is known",
            "write `min(a, b)`: the smaller of its values",
            "write `max(a, b)`: the larger of its values",
            "write `days_between(earlier, later)`: the days from the first date to the second",
            "write `working_days_between(earlier, later)`: the working days from the first date to the second",
            "write `day_of_week(date)`",
            "write `year(date)`",
            "write `month(date)`",
        };
        ERR(s, e->loc, usage[b], "`%s` takes %s argument%s, not %d", builtins[b],
            want_n == 1 ? "one" : want_n == 2 ? "two" : "two or more", want_n == 1 ? "" : "s", a->n);
        return p->t_error;
    }
    switch (b) {
    case B_FIRST_KNOWN:
    case B_MIN:
    case B_MAX: {
        Type *t = want;
        for (int i = 0; i < a->n; i++) {
            Type *ti = check(s, a->v[i], t);
            Type *u = unify(t, ti);
            if (!u) {
                mismatch(s, a->v[i], t, ti, "all arguments must have the same type");
                return p->t_error;
            }
            t = u;
        }
        if (b != B_FIRST_KNOWN && t && !ordered(t)) {
            ERR(s, e->loc, NULL, "`%s` needs values that have an order, not %s", builtins[b], type_str(p, t));
            return p->t_error;
        }
        return t ? t : p->t_any;
    }
    case B_DAYS_BETWEEN:
    case B_WDAYS_BETWEEN:
        expect(s, a->v[0], p->t_date, "first argument");
        expect(s, a->v[1], p->t_date, "second argument");
        return p->t_number;
    default:
        expect(s, a->v[0], p->t_date, "argument");
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
        ERR(s, src->loc, NULL, "expected a list to query, found %s", type_str(s->p, t));
        return s->p->t_error;
    }
    return t;
}

/* Check a query (count, any, latest, ...) over a list. */
static Type *check_query(Scope *s, Expr *e)
{
    Program *p = s->p;
    Type *lt = check_source(s, e->u.query.src);
    Type *et = lt->kind == T_LIST ? lt->elem : p->t_error;
    bool isrow = et->kind == T_RECORD;
    if (!push_frame(s, NULL, et, isrow, e->loc))
        return p->t_error;
    bool took = false;
    if (e->u.query.where) {
        QueryKind q = e->u.query.q;
        Expr *outer = s->count_q;
        bool outer_took = s->where_took;
        s->count_q = q == Q_COUNT || q == Q_COUNT_DISTINCT || q == Q_SUM || q == Q_MIN || q == Q_MAX ? e : NULL;
        s->where_took = false;
        expect(s, e->u.query.where, p->t_bool, "a `where` condition");
        took = s->where_took;
        s->count_q = outer;
        s->where_took = outer_took;
    }
    Type *of = NULL;
    if (e->u.query.of)
        of = check(s, e->u.query.of, NULL);
    if (e->u.query.by) {
        if (!isrow) {
            if (et->kind != T_ERROR)
                ERR(s, e->u.query.byloc, NULL, "`by` orders rows of a record, not %s", type_str(p, et));
        } else {
            Field *f = find_field(et->rec, e->u.query.by);
            if (!f || f->link) {
                const char *cands[256];
                int k = 0;
                for (int i = 0; i < et->rec->fields.n && k < 256; i++) {
                    Field *c = et->rec->fields.v[i];
                    if (!c->link && c->type && ordered(c->type))
                        cands[k++] = c->name;
                }
                ERR(s, e->u.query.byloc, did_you_mean(p, closest_name(e->u.query.by, cands, k)),
                    "%s %s record has no column `%s` to order by", article(et->rec->name), et->rec->name, e->u.query.by);
            } else if (!ordered(f->type)) {
                ERR(s, e->u.query.byloc, NULL, "`%s` is %s, which has no order", f->name, type_str(p, f->type));
            } else {
                e->u.query.byindex = f->index;
            }
        }
    }
    s->nframes--;
    if (e->u.query.limit) {
        Num n;
        if (!num_parse(e->u.query.limit->u.num.text, &n) || !num_is_int(n) || num_to_int(n) < 1)
            ERR(s, e->u.query.limit->loc, NULL, "the number of rows must be a whole number of at least 1");
    }
    if (took)
        return p->t_error;  /* reported; the count has no comparison to check */
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
            mismatch(s, e->u.query.of, p->t_number, of, "`sum` adds numbers");
        return p->t_number;
    case Q_MIN:
    case Q_MAX:
        if (of && !ordered(of)) {
            ERR(s, e->u.query.of->loc, NULL, "`min` and `max` need values that have an order, not %s", type_str(p, of));
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

/* How deeply checks may nest, counting the definitions checked on the way:
   deeper expressions would overflow the stack here and in the evaluator. */
#define MAXDEPTH 256
static int check_depth;
static bool depth_reported;

static Type *check_expr(Scope *s, Expr *e, Type *want);

/* Check an expression, refusing one nested too deeply to check and evaluate safely. */
static Type *check(Scope *s, Expr *e, Type *want)
{
    if (check_depth >= MAXDEPTH) {
        if (!depth_reported)
            ERR(s, e->loc, "split it into smaller definitions with `let`, each declared before it is used",
                "this expression is nested too deeply: more than %d levels, counting the definitions it uses", MAXDEPTH);
        depth_reported = true;
        e->type = s->p->t_error;
        return s->p->t_error;
    }
    check_depth++;
    Type *t = check_expr(s, e, want);
    if (--check_depth == 0)
        depth_reported = false;
    return t;
}

/* Check an expression, preferring type want where the expression could be several. */
static Type *check_expr(Scope *s, Expr *e, Type *want)
{
    Program *p = s->p;
    Type *t = p->t_error;
    switch (e->kind) {
    case E_NUM: {
        Num n;
        if (!num_parse(e->u.num.text, &n))
            ERR(s, e->loc, "numbers have at most 18 significant digits", "number `%s` is too long", e->u.num.text);
        t = p->t_number;
        break;
    }
    case E_STR: t = p->t_text; break;
    case E_DATE: t = p->t_date; break;
    case E_BOOL: t = p->t_bool; break;
    case E_MISSING: t = p->t_any; break;
    case E_NAME: t = check_name(s, e, want); break;
    case E_FIELD: t = check_field(s, e, want); break;
    case E_CALL: t = check_call(s, e, want); break;
    case E_UNARY:
        if (e->u.op.op == OP_NOT)
            t = expect(s, e->u.op.a, p->t_bool, "`not` needs a condition");
        else
            t = expect(s, e->u.op.a, p->t_number, "`-` needs a number");
        t = e->u.op.op == OP_NOT ? p->t_bool : p->t_number;
        break;
    case E_BINARY: {
        Op op = e->u.op.op;
        if (op == OP_AND || op == OP_OR) {
            expect(s, e->u.op.a, p->t_bool, op == OP_AND ? "`and` joins conditions" : "`or` joins conditions");
            expect(s, e->u.op.b, p->t_bool, op == OP_AND ? "`and` joins conditions" : "`or` joins conditions");
            t = p->t_bool;
            break;
        }
        Type *a = check(s, e->u.op.a, NULL);
        Type *b = check(s, e->u.op.b, a->kind == T_CODE ? a : a->kind == T_DEADLINE && op >= OP_EQ ? p->t_status : NULL);
        if (a->kind == T_ERROR || b->kind == T_ERROR) {
            t = (op >= OP_EQ) ? p->t_bool : p->t_error;
            break;
        }
        if (op >= OP_EQ) {
            static const char *const cmp_ops[] = {"=", "!=", "<", "<=", ">", ">="};
            const char *opname = cmp_ops[op - OP_EQ];
            const char *aname = e->u.op.a->kind == E_NAME ? e->u.op.a->u.name.name : NULL;
            if (s->count_q && e == last_condition(s->count_q->u.query.where) && a->kind == T_BOOL && b->kind == T_NUMBER) {
                where_took_comparison(s, e);
            } else if (a->kind == T_DEADLINE) {
                const char *hint;
                if (b == p->t_status && e->u.op.b->kind == E_NAME && op <= OP_NE)
                    hint = arena_printf(p->arena, "ask for its status with `is`: `%s is %s%s`", aname ? aname : "the_deadline",
                                        op == OP_NE ? "not " : "", e->u.op.b->u.name.name);
                else
                    hint = arena_printf(p->arena, "ask for its status, e.g. `%s is overdue`, or compare its due date, `%s.due`",
                                        aname ? aname : "the_deadline", aname ? aname : "the_deadline");
                ERR(s, e->loc, hint, "a deadline cannot be compared with `%s`", opname);
            } else if (a->kind == T_QUORUM) {
                ERR(s, e->loc, arena_printf(p->arena, "use one of its parts: `%s.quorate` (true or false) or `%s.present` (a number)",
                                            aname ? aname : "the_quorum", aname ? aname : "the_quorum"),
                    "a quorum cannot be compared with `%s`", opname);
            } else if (!type_eq(a, b)) {
                mismatch(s, e->u.op.b, a, b, "the two sides of a comparison must have the same type");
            } else if (op >= OP_LT && !ordered(a->kind == T_ANY ? b : a)) {
                Type *ot = a->kind == T_ANY ? b : a;
                ERR(s, e->loc, order_hint(p, ot), "%s values have no order, so `%s` cannot compare them", type_str(p, ot), opname);
            } else if (a->kind == T_LIST || a->kind == T_RECORD || a->kind == T_DEADLINE || a->kind == T_QUORUM) {
                ERR(s, e->loc, a->kind == T_DEADLINE ? "compare its status, e.g. `questionnaire_return is overdue`" : NULL,
                    "%s values cannot be compared with `=`", type_str(p, a));
            }
            t = p->t_bool;
            break;
        }
        if (op == OP_ADD || op == OP_SUB) {
            if (a->kind == T_DATE && b->kind == T_DURATION)
                t = p->t_date;
            else if (a->kind == T_DATE && b->kind == T_DATE && op == OP_SUB) {
                const char *later = NULL, *earlier = NULL;
                if (e->loc.line == e->loc.end_line) {
                    later = src_text(s, e->u.op.a->loc.line, e->u.op.a->loc.col, e->u.op.a->loc.end_col);
                    earlier = src_text(s, e->u.op.b->loc.line, e->u.op.b->loc.col, e->u.op.b->loc.end_col);
                }
                ERR(s, e->loc,
                    later && earlier ? arena_printf(p->arena, "to count the days from one to the other, write `days_between(%s, %s)` "
                                                              "(or working_days_between)", earlier, later)
                                     : "use days_between(earlier, later) or working_days_between(earlier, later)",
                    "dates cannot be subtracted from each other");
                t = p->t_error;
            } else if (a->kind == T_DURATION && b->kind == T_DURATION && a->unit == b->unit)
                t = a;
            else if (type_eq(a, p->t_number) && type_eq(b, p->t_number))
                t = p->t_number;
            else if (a->kind == T_DURATION && b->kind == T_DATE) {
                ERR(s, e->loc, op == OP_ADD ? "write the date first: `date + duration`" : "write `date - duration`",
                    op == OP_ADD ? "a duration cannot have a date added to it" : "a date cannot be subtracted from a duration");
                t = p->t_error;
            } else if (a->kind == T_DATE && b->kind == T_NUMBER) {
                const char *n = e->u.op.b->kind == E_NUM ? e->u.op.b->u.num.text : "28";
                char sign = op == OP_ADD ? '+' : '-';
                ERR(s, e->loc, arena_printf(p->arena, "say the unit: `%c %s days`, `%c %s working days` or `%c %s months`",
                                            sign, n, sign, n, sign, n),
                    "a plain number cannot be %s a date: is it days, weeks or months?",
                    op == OP_ADD ? "added to" : "subtracted from");
                t = p->t_error;
            } else {
                ERR(s, e->loc, a->kind == T_DURATION && b->kind == T_DURATION ? "months and days are different kinds of duration: 1 month is not 30 days" : NULL,
                    "cannot %s %s %s %s", op == OP_ADD ? "add" : "subtract", a_type(p, b),
                    op == OP_ADD ? "to" : "from", a_type(p, a));
                t = p->t_error;
            }
        } else {
            if (!type_eq(a, p->t_number) || !type_eq(b, p->t_number)) {
                ERR(s, e->loc, NULL, "`%c` works on numbers, not %s and %s", op == OP_MUL ? '*' : '/', type_str(p, a), type_str(p, b));
                t = p->t_error;
            } else
                t = p->t_number;
        }
        break;
    }
    case E_IS: {
        Type *a = check(s, e->u.is.a, NULL);
        t = p->t_bool;
        if (e->u.is.is == IS_MISSING)
            break;
        Type *w = a->kind == T_DEADLINE ? p->t_status : a;
        Type *b = check(s, e->u.is.b, w->kind == T_CODE ? w : NULL);
        if (a->kind == T_ERROR || b->kind == T_ERROR)
            break;
        if (!type_eq(w, b))
            mismatch(s, e->u.is.b, w, b, a->kind == T_DEADLINE ? "a deadline is compared with its status" : "`is` compares values of the same type");
        else if (e->u.is.is != IS_VALUE && !ordered(w)) {
            IsKind k = e->u.is.is;
            ERR(s, e->loc, order_hint(p, w), "%s values have no order, so `is %s` cannot compare them", type_str(p, w),
                k == IS_BELOW ? "below" : k == IS_ABOVE ? "above" : k == IS_AT_LEAST ? "at least" : "at most");
        }
        break;
    }
    case E_IN: {
        Type *lt, *et, *a;
        if (e->u.in.b->kind == E_LIST) {
            /* a written list takes the type of the left side: `service_type in [nursing, residential]` */
            a = check(s, e->u.in.a, NULL);
            lt = check(s, e->u.in.b, a->kind == T_CODE ? type_list(p, a) : NULL);
            et = lt->kind == T_LIST ? lt->elem : NULL;
        } else {
            lt = check(s, e->u.in.b, NULL);
            et = lt->kind == T_LIST ? lt->elem : NULL;
            a = check(s, e->u.in.a, et && et->kind == T_CODE ? et : NULL);
        }
        if (lt->kind != T_LIST && lt->kind != T_ERROR)
            ERR(s, e->u.in.b->loc, NULL, "`in` needs a list, found %s", type_str(p, lt));
        if (et && !type_eq(a, et))
            mismatch(s, e->u.in.a, et, a, "`in` looks for an item of the list's type");
        t = p->t_bool;
        break;
    }
    case E_WINDOW: {
        expect(s, e->u.window.a, p->t_date, "`in last` is asked of a date");
        Type *d = check(s, e->u.window.dur, NULL);
        if (d->kind != T_DURATION && d->kind != T_ERROR)
            ERR(s, e->u.window.dur->loc,
                d->kind == T_NUMBER && e->u.window.dur->kind == E_NUM
                    ? arena_printf(p->arena, "say the unit: `in last %s days`, `in last %s weeks` or `in last %s months`",
                                   e->u.window.dur->u.num.text, e->u.window.dur->u.num.text, e->u.window.dur->u.num.text)
                    : "write a duration such as `90 days` or `6 months`",
                "`in last` needs a duration, found %s", a_type(p, d));
        t = p->t_bool;
        break;
    }
    case E_UNIT: {
        expect(s, e->u.unit.n, p->t_number, "a duration counts a number of units");
        Unit u = e->u.unit.unit;
        t = u == U_MONTHS || u == U_YEARS ? p->t_months : u == U_WORKING_DAYS ? p->t_wdays : p->t_days;
        if (u == U_WORKING_DAYS && !p->calendar_name && p->policy)
            ERR(s, e->loc, "name one in the policy header, e.g. `calendar england_and_wales`",
                "working days need a calendar, and this policy names none");
        break;
    }
    case E_LIST: {
        Type *et = want && want->kind == T_LIST ? want->elem : NULL;
        for (int i = 0; i < e->u.list.items.n; i++) {
            Expr *it = e->u.list.items.v[i];
            Type *ti = check(s, it, et);
            Type *u = unify(et, ti);
            if (!u) {
                mismatch(s, it, et, ti, "all items of a list must have the same type");
                u = et;
            }
            et = u;
            if (e->u.list.conds.v[i])
                expect(s, e->u.list.conds.v[i], p->t_bool, "an `if` condition");
        }
        t = type_list(p, et ? et : p->t_any);
        break;
    }
    case E_IF: {
        expect(s, e->u.cond.c, p->t_bool, "`if` needs a condition");
        Type *a = check(s, e->u.cond.t, want);
        Type *b = check(s, e->u.cond.e, want ? want : a);
        t = unify(a, b);
        if (!t) {
            mismatch(s, e->u.cond.e, a, b, "both results of `if` must have the same type");
            t = p->t_error;
        }
        break;
    }
    case E_QUERY: t = check_query(s, e); break;
    case E_EACH: {
        Type *lt = check_source(s, e->u.each.src);
        Type *et = lt->kind == T_LIST ? lt->elem : p->t_error;
        if (push_frame(s, e->u.each.var, et, false, e->loc)) {
            if (e->u.each.where)
                expect(s, e->u.each.where, p->t_bool, "a `where` condition");
            s->nframes--;
        }
        t = lt;
        break;
    }
    case E_HOWMANY:
        for (int i = 0; i < e->u.howmany.items.n; i++)
            expect(s, e->u.howmany.items.v[i], p->t_bool, "`how many of` counts conditions");
        t = p->t_number;
        break;
    }
    e->type = t;
    return t;
}

/* Check a computed record field with the record as the only row in scope. */
static void check_computed(Program *p, Record *r, Field *f)
{
    if (f->type)
        return;
    if (f->index == -2) {
        /* reached again while its own expression is being checked */
        diag_error(p->diags, r->file, f->loc, "a computed field cannot depend on itself, directly or through other fields",
                   "field `%s` of %s is computed from itself", f->name, r->name);
        f->type = p->t_error;
        return;
    }
    f->index = -2;  /* in progress */
    Scope s = {0};
    s.p = p;
    s.file = r->file;
    push_frame(&s, r->name, r->type, true, f->loc);
    f->type = check(&s, f->expr, NULL);
    for (int i = 0; i < r->fields.n; i++)
        if (r->fields.v[i] == f)
            f->index = i;
}

/* Resolve a written type. */
static Type *resolve_type(Program *p, SourceFile *file, TypeRef *tr)
{
    if (!tr)
        return p->t_error;
    if (tr->elem) {
        int depth = 0;
        TypeRef *base = tr;
        for (; base->elem; base = base->elem)
            depth++;
        if (depth > 32) {
            diag_error(p->diags, file, tr->loc, NULL, "lists are nested too deeply: more than 32 `list of`");
            return p->t_error;
        }
        Type *t = resolve_type(p, file, base);
        while (depth-- > 0)
            t = type_list(p, t);
        return t;
    }
    const char *n = tr->name;
    if (!strcmp(n, "bool")) return p->t_bool;
    if (!strcmp(n, "number")) return p->t_number;
    if (!strcmp(n, "text")) return p->t_text;
    if (!strcmp(n, "date")) return p->t_date;
    if (!strcmp(n, "deadline")) return p->t_deadline;
    if (!strcmp(n, "quorum")) return p->t_quorum;
    Decl *sc = find_scale(p, n);
    if (sc)
        return sc->type;
    Record *r = find_record(p, n);
    if (r)
        return r->type;
    const char *cands[256] = {"bool", "number", "text", "date", "deadline", "quorum"};
    int k = 6;
    for (int i = 0; i < p->scales.n && k < 200; i++)
        cands[k++] = ((Decl *)p->scales.v[i])->name;
    for (int i = 0; i < p->records.n && k < 250; i++)
        cands[k++] = ((Record *)p->records.v[i])->name;
    diag_error(p->diags, file, tr->loc, did_you_mean(p, closest_name(n, cands, k)), "unknown type `%s`", n);
    return p->t_error;
}

/* Make the built-in types, and the scale of deadline statuses. */
void program_init_types(Program *p)
{
    p->t_bool = new_type(p, T_BOOL, "bool");
    p->t_number = new_type(p, T_NUMBER, "number");
    p->t_text = new_type(p, T_TEXT, "text");
    p->t_date = new_type(p, T_DATE, "date");
    p->t_days = new_type(p, T_DURATION, "days");
    p->t_days->unit = U_DAYS;
    p->t_wdays = new_type(p, T_DURATION, "working days");
    p->t_wdays->unit = U_WORKING_DAYS;
    p->t_months = new_type(p, T_DURATION, "months");
    p->t_months->unit = U_MONTHS;
    p->t_deadline = new_type(p, T_DEADLINE, "deadline");
    p->t_quorum = new_type(p, T_QUORUM, "quorum");
    p->t_any = new_type(p, T_ANY, "missing");
    p->t_error = new_type(p, T_ERROR, "error");
    Decl *st = arena_alloc(p->arena, sizeof *st);
    st->kind = D_SCALE;
    st->name = "deadline_status";
    static const char *const names[] = {"met", "late", "pending", "overdue", "suspended"};
    for (int i = 0; i < 5; i++) {
        vec_push(p->arena, &st->u.scale.values, (void *)names[i]);
        vec_push(p->arena, &st->u.scale.aliases, NULL);
    }
    p->t_status = new_type(p, T_CODE, st->name);
    p->t_status->scale = st;
    st->type = p->t_status;
    p->status_scale = st;
}

/* A hint saying where a name declared twice was first declared. */
static const char *first_declared(Program *p, SourceFile *here, Decl *old)
{
    if (old->file == here)
        return arena_printf(p->arena, "it is first declared on line %d; remove one, or give one another name", old->nloc.line);
    return arena_printf(p->arena, "it is first declared at %s:%d; give this one another name", old->file->path, old->nloc.line);
}

/* Add a global symbol, reporting a duplicate name. */
static Sym *add_global(Program *p, Decl *d, SymKind k, const char *name, Loc loc)
{
    Sym *old = program_find(p, name);
    if (old) {
        if (old->decl && old->decl->file)
            diag_error(p->diags, d->file, loc,
                       first_declared(p, d->file, old->decl),
                       "`%s` is declared twice", name);
        else
            diag_error(p->diags, d->file, loc, "choose another name", "`%s` is a name qpl already uses", name);
        return NULL;
    }
    Sym *s = arena_alloc(p->arena, sizeof *s);
    s->kind = k;
    s->name = name;
    s->decl = d;
    vec_push(p->arena, &p->syms, s);
    d->sym = s;
    return s;
}

/* Register a scale or enumeration and its type. */
static void declare_scale(Program *p, Decl *d)
{
    Sym *s = add_global(p, d, S_SCALE, d->name, d->nloc);
    Type *t = new_type(p, T_CODE, d->name);
    t->scale = d;
    d->type = t;
    if (s)
        s->type = t;
    vec_push(p->arena, &p->scales, d);
    for (int i = 0; i < d->u.scale.values.n; i++)
        for (int j = 0; j < i; j++)
            if (!strcmp(d->u.scale.values.v[i], d->u.scale.values.v[j]))
                diag_error(p->diags, d->file, *(Loc *)d->u.scale.locs.v[i], "list each value once",
                           "`%s` is listed twice in %s `%s`", (const char *)d->u.scale.values.v[i],
                           d->u.scale.ordered ? "scale" : "enum", d->name);
}

/* Register a record, its table and its type. */
static void declare_record(Program *p, Decl *d)
{
    Record *r = d->u.record;
    r->file = d->file;
    Sym *s = add_global(p, d, S_RECORD, r->name, d->nloc);
    r->type = new_type(p, T_RECORD, r->name);
    r->type->rec = r;
    if (s) {
        s->type = r->type;
        s->rec = r;
    }
    vec_push(p->arena, &p->records, r);
    if (strcmp(r->table, r->name) != 0 && !program_find(p, r->table)) {
        Sym *t = add_global(p, d, S_TABLE, r->table, r->tloc);
        if (t) {
            t->type = type_list(p, r->type);
            t->rec = r;
            d->sym = s;
        }
    }
}

/* Resolve a record's field types, key, date column and links. */
static void resolve_record(Program *p, Record *r)
{
    int col = 0;
    for (int i = 0; i < r->fields.n; i++) {
        Field *f = r->fields.v[i];
        for (int j = 0; j < i; j++)
            if (!strcmp(((Field *)r->fields.v[j])->name, f->name))
                diag_error(p->diags, r->file, f->loc, NULL, "field `%s` is declared twice in %s", f->name, r->name);
        f->index = i;
        if (f->link == 0) {
            f->type = resolve_type(p, r->file, f->tref);
            if (f->type->kind == T_LIST || f->type->kind == T_RECORD || f->type->kind == T_DEADLINE || f->type->kind == T_QUORUM)
                diag_error(p->diags, r->file, f->tref->loc, "columns hold bool, number, text, date or a scale value",
                           "a column cannot hold %s", type_str(p, f->type));
            if (f->not_yet && f->type->kind != T_DATE)
                diag_error(p->diags, r->file, f->loc, NULL, "only a date column can be `not yet after as of`");
            col++;
        }
    }
    r->ncolumns = col;
    for (int i = 0; i < r->fields.n; i++) {
        Field *f = r->fields.v[i];
        if (f->link == 1 || f->link == 2) {
            Record *t = find_record(p, f->target);
            if (!t) {
                diag_error(p->diags, r->file, f->loc, NULL, "unknown record type `%s`", f->target);
                f->type = p->t_error;
                continue;
            }
            f->rec_target = t;
            f->type = f->link == 1 ? type_list(p, t->type) : t->type;
            Record *holder = f->link == 1 ? t : r;
            Field *by = find_field(holder, f->by);
            if (!by || by->link) {
                diag_error(p->diags, r->file, f->byloc, NULL, "%s %s record has no column `%s` to link by", article(holder->name),
                           holder->name, f->by);
                continue;
            }
            f->by_index = by->index;
            if (f->link == 2 && (!t->key || !find_field(t, t->key)))
                diag_error(p->diags, r->file, f->loc, "declare the record with `key COLUMN`",
                           "a one-to-one link needs %s to have a key", t->name);
        }
    }
    if (r->key) {
        Field *k = find_field(r, r->key);
        if (!k || k->link)
            diag_error(p->diags, r->file, r->kloc, NULL, "the key `%s` is not a column of %s", r->key, r->name);
        else
            r->key_index = k->index;
    }
    if (r->dated) {
        Field *k = find_field(r, r->dated);
        if (!k || k->link || (k->type && k->type->kind != T_DATE))
            diag_error(p->diags, r->file, r->dloc, NULL, "`dated` needs a date column of %s; `%s` is not one", r->name, r->dated);
        else
            r->dated_index = k->index;
    }
}


/* Scope for a declaration in its section (with the subject as frame 0). */
static void item_scope(Program *p, Decl *d, Scope *s)
{
    memset(s, 0, sizeof *s);
    s->p = p;
    s->file = d->file;
    s->owner = d->sym;
    if (d->section) {
        for (int i = 0; i < p->sections.n; i++)
            if (((Section *)p->sections.v[i])->decl == d->section)
                s->sect = p->sections.v[i];
        if (s->sect && s->sect->rec)
            push_frame(s, s->sect->rec->name, s->sect->rec->type, true, d->loc);
    }
}

/* Require that a decision's branches cannot all fail to apply. */
static void check_fallthrough(Program *p, Decl *d)
{
    Vec *bs = &d->u.dec.branches;
    bool has_otherwise = false;
    for (int i = 0; i < bs->n; i++) {
        Branch *b = bs->v[i];
        if (b->cond)
            continue;
        if (i != bs->n - 1 && !has_otherwise) {
            Branch *next = bs->v[i + 1];
            Loc at = next->value ? next->value->loc : next->loc;
            if (next->value && next->value->kind == E_NAME)
                diag_error(p->diags, d->file, at, "`otherwise` applies whenever no earlier branch does, so it must be the last branch",
                           "branch `%s` can never apply: it comes after `otherwise` (line %d)", next->value->u.name.name, b->loc.line);
            else
                diag_error(p->diags, d->file, at, "`otherwise` applies whenever no earlier branch does, so it must be the last branch",
                           "this branch can never apply: it comes after `otherwise` (line %d)", b->loc.line);
        }
        has_otherwise = true;
    }
    Branch *last = bs->n ? bs->v[bs->n - 1] : NULL;
    if (last && last->cond && !has_otherwise)
        diag_error(p->diags, d->file, d->nloc, "add a last branch `VALUE otherwise`, or `missing otherwise` to leave it undetermined on purpose",
                   "decision `%s` has no `otherwise` branch: %s %s that meets none of its conditions gets no value", d->name,
                   d->section && d->section->name ? article(d->section->name) : "a",
                   d->section && d->section->name ? d->section->name : "subject");
}

/* Check the body of a decide / deadline / quorum / ladder declaration. */
static void check_decision(Program *p, Decl *d, Scope *s)
{
    switch (d->kind) {
    case D_DECIDE: {
        Type *t = d->type;
        for (int i = 0; i < d->u.dec.branches.n; i++) {
            Branch *b = d->u.dec.branches.v[i];
            if (b->cond)
                expect(s, b->cond, p->t_bool, "a `when` condition");
            Type *vt = check(s, b->value, t);
            if (!type_eq(vt, t))
                ERR(s, b->value->loc, mismatch_hint(s, b->value, t, vt), "decision `%s` is declared as %s, but this value is %s",
                    d->name, a_type(p, t), a_type(p, vt));
        }
        check_fallthrough(p, d);
        break;
    }
    case D_DEADLINE:
        expect(s, d->u.dec.from, p->t_date, "a deadline runs `from` a date");
        if (d->u.dec.within) {
            Type *w = check(s, d->u.dec.within, NULL);
            if (w->kind != T_DURATION && w->kind != T_ERROR)
                diag_error(p->diags, d->file, d->u.dec.within->loc, "write a duration such as `28 days` or `10 working days`",
                           "`within` needs a duration, found %s", type_str(p, w));
        } else if (d->u.dec.due) {
            expect(s, d->u.dec.due, p->t_date, "`due` needs a date");
        } else {
            diag_error(p->diags, d->file, d->nloc, "add `within DURATION` or `due DATE`", "deadline `%s` has no due date", d->name);
        }
        if (d->u.dec.done)
            expect(s, d->u.dec.done, p->t_date, "`done` needs a date");
        if (d->u.dec.suspended)
            expect(s, d->u.dec.suspended, p->t_bool, "`suspended when` needs a condition");
        break;
    case D_QUORUM: {
        Expr *m = d->u.dec.members;
        Type *lt = check(s, m, NULL);
        Type *et = lt->kind == T_LIST ? lt->elem : p->t_error;
        if (push_frame(s, NULL, et, et->kind == T_RECORD, m->loc)) {
            check(s, d->u.dec.counting, NULL);
            Type *rt = check(s, d->u.dec.from, NULL);
            s->nframes--;
            if (rt->kind != T_CODE && rt->kind != T_ERROR)
                diag_error(p->diags, d->file, d->u.dec.from->loc, "roles are values of a scale or enum, e.g. `role`",
                           "`roles from` needs a scale value, found %s", type_str(p, rt));
            d->type->elem = rt;
            Vec *lists[2] = {&d->u.dec.roles, &d->u.dec.k_roles};
            Vec *locs[2] = {&d->u.dec.role_locs, &d->u.dec.k_locs};
            for (int l = 0; l < 2; l++)
                for (int i = 0; i < lists[l]->n; i++) {
                    const char *role = lists[l]->v[i];
                    if (rt->kind == T_CODE && scale_index(rt->scale, role) < 0) {
                        diag_error(p->diags, d->file, *(Loc *)locs[l]->v[i], value_hint(p, rt->scale, role),
                                   "required role `%s` is not a value of %s", role, rt->name);
                    }
                }
        }
        expect(s, d->u.dec.minimum, p->t_number, "`at least` needs a number");
        if (d->u.dec.k_of)
            expect(s, d->u.dec.k_of, p->t_number, "`including K of` needs a number");
        if (d->u.dec.requiring)
            expect(s, d->u.dec.requiring, p->t_bool, "`requiring` needs a condition");
        break;
    }
    case D_LADDER: {
        Type *t = d->type;
        if (t->kind != T_CODE || !t->scale->u.scale.ordered) {
            if (t->kind == T_CODE && t->scale->u.scale.values.n) {
                const char *decl = arena_printf(p->arena, "scale %s: %s", t->name, (const char *)t->scale->u.scale.values.v[0]);
                for (int i = 1; i < t->scale->u.scale.values.n; i++)
                    decl = arena_printf(p->arena, "%s < %s", decl, (const char *)t->scale->u.scale.values.v[i]);
                diag_error(p->diags, d->file, d->u.dec.tref->loc,
                           arena_printf(p->arena, "declare it as a scale, lowest stage first: `%s`", decl),
                           "ladder `%s` needs stages in order, but %s is an enum, whose values have no order", d->name, t->name);
            } else if (t->kind != T_ERROR)
                diag_error(p->diags, d->file, d->u.dec.tref->loc, "declare the stages with `scale NAME: a < b < c`",
                           "a ladder climbs an ordered scale, not %s", a_type(p, t));
            break;
        }
        Decl *sc = t->scale;
        int n = sc->u.scale.values.n;
        Branch **by_stage = arena_alloc(p->arena, (size_t)n * sizeof *by_stage);
        Branch *base = NULL;
        bool bad_stage = false;
        for (int i = 0; i < d->u.dec.branches.n; i++) {
            Branch *b = d->u.dec.branches.v[i];
            const char *stage = b->value->u.name.name;
            int k = scale_index(sc, stage);
            if (k < 0) {
                diag_error(p->diags, d->file, b->value->loc, value_hint(p, sc, stage),
                           "`%s` is not a value of %s, the scale of ladder `%s`", stage, sc->name, d->name);
                bad_stage = true;
                continue;
            }
            b->value->u.name.code = k;
            b->value->type = t;
            if (by_stage[k]) {
                diag_error(p->diags, d->file, b->value->loc,
                           arena_printf(p->arena, "it is first listed on line %d; join the two conditions with `or`",
                                        by_stage[k]->loc.line),
                           "stage `%s` is listed twice in ladder `%s`", stage, d->name);
                continue;
            }
            by_stage[k] = b;
            if (b->cond)
                expect(s, b->cond, p->t_bool, "a stage condition");
            else if (base)
                diag_error(p->diags, d->file, b->loc, NULL, "a ladder has one `otherwise` stage");
            else
                base = b;
            if (b->since)
                expect(s, b->since, p->t_date, "`since` needs a date");
        }
        if (!base)
            diag_error(p->diags, d->file, d->nloc,
                       arena_printf(p->arena, "add a last line `%s otherwise` for subjects that meet no condition",
                                    (const char *)sc->u.scale.values.v[0]),
                       "ladder `%s` has no `otherwise` stage", d->name);
        for (int k = 0; k < n && !bad_stage; k++) {
            if (by_stage[k] || (k == 0 && !base))
                continue;   /* (a missing base stage is reported above) */
            const char *stage = sc->u.scale.values.v[k];
            diag_error(p->diags, d->file, d->nloc,
                       arena_printf(p->arena, "give it a condition (`%s when ...`), or remove it from scale %s", stage, sc->name),
                       "ladder `%s` never reaches stage `%s`: no condition leads to it", d->name, stage);
        }
        if (base && base->value->u.name.code > 0) {
            for (int k = 0; k < base->value->u.name.code; k++)
                if (by_stage[k])
                    diag_error(p->diags, d->file, by_stage[k]->loc, "the `otherwise` stage is the lowest one a subject can be at",
                               "stage `%s` is unreachable: it is below the `otherwise` stage `%s`",
                               (const char *)sc->u.scale.values.v[k], base->value->u.name.name);
        }
        break;
    }
    default:
        break;
    }
}

/* Type-check a parameter, let or decision once, recording its type;
   a parameter's default must be a plain value. */
static void check_item(Program *p, Sym *sym)
{
    if (sym->state)
        return;
    sym->state = 1;
    Decl *d = sym->decl;
    Scope s;
    item_scope(p, d, &s);
    if (d->kind == D_LET) {
        sym->type = check(&s, d->u.let.def, NULL);
    } else if (d->kind == D_PARAM) {
        s.owner = NULL;
        sym->type = check(&s, d->u.param.def, NULL);
        Expr *e = d->u.param.def;
        bool literal = e->kind == E_NUM || e->kind == E_STR || e->kind == E_DATE || e->kind == E_BOOL ||
                       (e->kind == E_UNIT && e->u.unit.n->kind == E_NUM) || (e->kind == E_NAME && e->u.name.code >= 0) ||
                       (e->kind == E_FIELD && e->u.field.code >= 0) ||
                       (e->kind == E_UNARY && e->u.op.op == OP_NEG && e->u.op.a->kind == E_NUM);
        if (!literal)
            diag_error(p->diags, d->file, e->loc, "give a number, text, date, duration or scale value",
                       "the default of parameter `%s` must be a plain value", d->name);
    } else {
        check_decision(p, d, &s);
    }
    sym->state = 2;
}

/* Report cycles between lets and decisions, depth first. */
static bool find_cycle(Program *p, Sym *s, Vec *path)
{
    if (s->state == 3)
        return false;
    for (int i = 0; i < path->n; i++)
        if (path->v[i] == s) {
            const char *buf = "";   /* in the arena: long names must not overrun a fixed buffer */
            for (int j = i; j < path->n && strlen(buf) < 448; j++)
                buf = arena_printf(p->arena, "%s%s -> ", buf, ((Sym *)path->v[j])->name);
            buf = arena_printf(p->arena, "%s%s", buf, s->name);
            Sym *first = path->v[i];
            diag_error(p->diags, first->decl->file, first->decl->nloc, "a definition cannot depend on itself, directly or through others",
                       "`%s` is defined in terms of itself: %s", first->name, buf);
            for (int j = i; j < path->n; j++)
                ((Sym *)path->v[j])->state = 3;
            return true;
        }
    vec_push(p->arena, path, s);
    for (int i = 0; i < s->deps.n; i++)
        if (find_cycle(p, s->deps.v[i], path))
            break;
    path->n--;
    s->state = 3;
    return false;
}

/* Type of an output declaration before its body is checked. */
static Type *decision_type(Program *p, Decl *d)
{
    switch (d->kind) {
    case D_DECIDE:
    case D_LADDER: return resolve_type(p, d->file, d->u.dec.tref);
    case D_DEADLINE: return p->t_deadline;
    case D_QUORUM: {
        Type *t = new_type(p, T_QUORUM, "quorum");
        t->elem = p->t_any;
        return t;
    }
    default: return p->t_error;
    }
}

/* Where `word` is written on the line of loc, after loc; loc itself when it cannot be found. */
static Loc word_loc(const SourceFile *f, Loc loc, const char *word)
{
    if (!f || !f->src || loc.line <= 0 || !word)
        return loc;
    const char *p = f->src, *end = f->src + f->len;
    for (int l = 1; l < loc.line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return loc;
        p = nl + 1;
    }
    size_t n = strlen(word);
    int col = 1;
    for (const char *q = p; q < end && *q != '\n'; q++) {
        if (((unsigned char)*q & 0xC0) == 0x80)
            continue;
        if (col >= loc.end_col && (size_t)(end - q) >= n && !strncmp(q, word, n) &&
            (q == p || !(q[-1] == '_' || (q[-1] >= 'a' && q[-1] <= 'z') || (q[-1] >= 'A' && q[-1] <= 'Z') || (q[-1] >= '0' && q[-1] <= '9'))) &&
            !(q[n] == '_' || (q[n] >= 'a' && q[n] <= 'z') || (q[n] >= 'A' && q[n] <= 'Z') || (q[n] >= '0' && q[n] <= '9'))) {
            Loc r = {loc.line, col, loc.line, col + (int)n};
            return r;
        }
        col++;
    }
    return loc;
}

/* Check the tests of a fixture file against the program. */
static void check_tests(Program *p, Decl *d)
{
    for (int i = 0; i < d->u.test.expect.n; i++) {
        TestExpect *x = d->u.test.expect.v[i];
        Section *sect = program_section(p, x->subject);
        if (!sect) {
            const char *cands[128];
            int n = 0;
            for (int k = 0; k < p->sections.n && n < 128; k++)
                cands[n++] = ((Section *)p->sections.v[k])->rec->name;
            diag_error(p->diags, d->file, word_loc(d->file, x->loc, x->subject), did_you_mean(p, closest_name(x->subject, cands, n)),
                       "the policy decides nothing about `%s`", x->subject);
            continue;
        }
        Decl *o = NULL;
        for (int k = 0; k < sect->outputs.n; k++)
            if (!strcmp(((Decl *)sect->outputs.v[k])->name, x->decision))
                o = sect->outputs.v[k];
        if (!o) {
            const char *cands[128];
            int n = 0;
            for (int k = 0; k < sect->outputs.n && n < 128; k++)
                cands[n++] = ((Decl *)sect->outputs.v[k])->name;
            diag_error(p->diags, d->file, x->dloc, did_you_mean(p, closest_name(x->decision, cands, n)),
                       "`%s` is not a decision about %s", x->decision, x->subject);
            continue;
        }
        if (x->part) {
            static const char *const dl_parts[] = {"start", "due", "done", "status"};
            static const char *const q_parts[] = {"quorate", "present", "missing_roles"};
            const char *const *parts = o->type->kind == T_DEADLINE ? dl_parts : o->type->kind == T_QUORUM ? q_parts : NULL;
            int np = o->type->kind == T_DEADLINE ? 4 : o->type->kind == T_QUORUM ? 3 : 0;
            bool ok = false;
            for (int k = 0; k < np; k++)
                ok |= !strcmp(parts[k], x->part);
            if (!ok) {
                Loc at = word_loc(d->file, x->dloc, x->part);
                if (!parts)
                    diag_error(p->diags, d->file, at, arena_printf(p->arena, "expect the value itself: `expect %s %s %s = ...`",
                                                                   x->subject, x->id, x->decision),
                               "`%s` is %s and has no parts", x->decision, a_type(p, o->type));
                else {
                    const char *hint = did_you_mean(p, closest_name(x->part, parts, np));
                    if (!hint)
                        hint = o->type->kind == T_DEADLINE ? "a deadline has `start`, `due`, `done` and `status`"
                                                           : "a quorum has `quorate`, `present` and `missing_roles`";
                    diag_error(p->diags, d->file, at, hint, "%s has no part `%s`",
                               o->type->kind == T_DEADLINE ? "a deadline" : "a quorum", x->part);
                }
                continue;
            }
        }
        if (!x->value)
            continue;
        Scope s = {0};
        s.p = p;
        s.file = d->file;
        Type *want = o->type;
        if (x->part) {
            if (want->kind == T_DEADLINE)
                want = !strcmp(x->part, "status") ? p->t_status : p->t_date;
            else if (want->kind == T_QUORUM)
                want = !strcmp(x->part, "quorate") ? p->t_bool : !strcmp(x->part, "present") ? p->t_number : type_list(p, want->elem);
        } else if (want->kind == T_DEADLINE) {
            want = p->t_status;
        } else if (want->kind == T_QUORUM) {
            want = p->t_bool;
        }
        Type *t = check(&s, x->value, want);
        if (!type_eq(t, want))
            mismatch(&s, x->value, want, t, x->part ? arena_printf(p->arena, "`%s.%s` is %s", x->decision, x->part, a_type(p, want))
                                                    : arena_printf(p->arena, "`%s` is %s", x->decision, a_type(p, want)));
    }
    Scope s = {0};
    s.p = p;
    s.file = d->file;
    for (int i = 0; i < d->u.test.params.n; i++) {
        Sym *ps = program_find(p, d->u.test.params.v[i]);
        if (!ps || ps->kind != S_PARAM) {
            const char *cands[128];
            int n = 0;
            for (int k = 0; k < p->params.n && n < 128; k++)
                cands[n++] = ((Sym *)p->params.v[k])->name;
            const char *best = closest_name(d->u.test.params.v[i], cands, n);
            const char *hint = best ? did_you_mean(p, best) : NULL;
            if (!best && n) {
                hint = arena_printf(p->arena, "the policy's parameters are `%s`", cands[0]);
                for (int k = 1; k < n; k++)
                    hint = arena_printf(p->arena, "%s, `%s`", hint, cands[k]);
            } else if (!best) {
                hint = "the policy declares no parameters";
            }
            diag_error(p->diags, d->file, ((Expr *)d->u.test.pvalues.v[i])->loc, hint, "`%s` is not a parameter of the policy",
                       (const char *)d->u.test.params.v[i]);
            continue;
        }
        expect(&s, d->u.test.pvalues.v[i], ps->type, "a parameter keeps its type");
    }
}

/* Declare, resolve and type-check the declarations from index `from` on.
   Returns the number of new errors. */
int check_program(Program *p, int from)
{
    int before = p->diags->errors;
    Vec *ds = &p->decls;
    /* register names and types */
    for (int i = from; i < ds->n; i++) {
        Decl *d = ds->v[i];
        if (d->kind == D_SCALE)
            declare_scale(p, d);
        else if (d->kind == D_RECORD)
            declare_record(p, d);
        else if (d->kind == D_POLICY) {
            if (p->policy && p->policy != d)
                diag_error(p->diags, d->file, d->loc, NULL, "a file declares one policy");
            p->policy = d;
            if (d->u.policy.calendar)
                p->calendar_name = d->u.policy.calendar;
        } else if (d->kind == D_CLOSED)
            vec_push(p->arena, &p->closures, d);
        else if (d->kind == D_TEST)
            vec_push(p->arena, &p->tests, d);
    }
    for (int i = from; i < ds->n; i++) {
        Decl *d = ds->v[i];
        if (d->kind == D_RECORD)
            resolve_record(p, d->u.record);
    }
    /* sections, params, lets and decisions */
    Section *cur = NULL;
    for (int i = from; i < ds->n; i++) {
        Decl *d = ds->v[i];
        if (d->kind == D_FOR) {
            Record *r = find_record(p, d->name);
            if (!r) {
                const char *cands[128];
                int n = 0;
                for (int k = 0; k < p->records.n && n < 128; k++)
                    cands[n++] = ((Record *)p->records.v[k])->name;
                const char *hint = did_you_mean(p, closest_name(d->name, cands, n));
                if (!hint && n == 0)
                    hint = "subjects are records such as `provider`; the reference records come with `use reference`";
                diag_error(p->diags, d->file, d->nloc, hint, "unknown subject `%s`: no record of that name is declared", d->name);
                cur = NULL;
                continue;
            }
            r->used = true;
            cur = program_section(p, d->name);
            if (cur) {
                diag_error(p->diags, d->file, d->nloc, "put every decision about this subject in one `for` section",
                           "a second `for %s` section: there is one already at line %d", d->name, cur->decl->nloc.line);
                continue;
            }
            cur = arena_alloc(p->arena, sizeof *cur);
            cur->decl = d;
            cur->rec = r;
            d->u.sect.rec = r;
            vec_push(p->arena, &p->sections, cur);
            continue;
        }
        if (d->kind == D_PARAM) {
            Sym *s = add_global(p, d, S_PARAM, d->name, d->nloc);
            if (s) {
                s->slot = p->params.n;
                vec_push(p->arena, &p->params, s);
            }
            continue;
        }
        if (d->kind != D_LET && d->kind != D_DECIDE && d->kind != D_DEADLINE && d->kind != D_QUORUM && d->kind != D_LADDER)
            continue;
        bool output = d->kind != D_LET;
        if (!d->section) {
            if (output) {
                diag_error(p->diags, d->file, d->nloc, "start a section with `for provider` (or another subject) first",
                           "decision `%s` is not about any subject", d->name);
                continue;
            }
            Sym *s = add_global(p, d, S_LET, d->name, d->nloc);
            if (s) {
                s->slot = p->globals.n;
                vec_push(p->arena, &p->globals, s);
            }
            continue;
        }
        Section *sect = NULL;
        for (int k = 0; k < p->sections.n; k++)
            if (((Section *)p->sections.v[k])->decl == d->section)
                sect = p->sections.v[k];
        if (!sect)
            continue;   /* the section itself was in error */
        Sym *dup = program_find(p, d->name);
        if (dup && (dup->kind == S_SCALE || dup->kind == S_RECORD))
            dup = NULL;
        for (int k = 0; k < sect->lets.n && !dup; k++)
            if (!strcmp(((Sym *)sect->lets.v[k])->name, d->name))
                dup = sect->lets.v[k];
        for (int k = 0; k < p->outputs.n && !dup; k++)
            if (!strcmp(((Decl *)p->outputs.v[k])->name, d->name))
                dup = ((Decl *)p->outputs.v[k])->sym;
        if (dup) {
            if (dup->decl && dup->decl->file)
                diag_error(p->diags, d->file, d->nloc,
                           first_declared(p, d->file, dup->decl),
                           "`%s` is declared twice", d->name);
            else
                diag_error(p->diags, d->file, d->nloc, "choose another name", "`%s` is a name qpl already uses", d->name);
            continue;
        }
        Sym *s = arena_alloc(p->arena, sizeof *s);
        s->kind = output ? S_DECISION : S_LET;
        s->name = d->name;
        s->decl = d;
        s->slot = sect->nslots++;
        d->sym = s;
        vec_push(p->arena, &sect->lets, s);
        if (output) {
            d->type = s->type = decision_type(p, d);
            vec_push(p->arena, &sect->outputs, d);
            vec_push(p->arena, &p->outputs, d);
        }
    }
    if (p->diags->errors == before || !diag_full(p->diags)) {
        /* check bodies: lets first (their types are inferred), then everything */
        for (int i = from; i < ds->n; i++) {
            Decl *d = ds->v[i];
            if (d->kind == D_FOR && d->u.sect.where) {
                Section *sect = program_section(p, d->name);
                if (sect && sect->decl == d) {
                    Scope s = {0};
                    s.p = p;
                    s.file = d->file;
                    s.sect = NULL;
                    push_frame(&s, sect->rec->name, sect->rec->type, true, d->loc);
                    expect(&s, d->u.sect.where, p->t_bool, "a `where` condition");
                }
            }
            if (d->sym && (d->kind == D_LET || d->kind == D_PARAM || d->kind == D_DECIDE || d->kind == D_DEADLINE ||
                           d->kind == D_QUORUM || d->kind == D_LADDER))
                check_item(p, d->sym);
            if (d->kind == D_RECORD) {
                Record *r = d->u.record;
                for (int k = 0; k < r->fields.n; k++) {
                    Field *f = r->fields.v[k];
                    if (f->link == 3)
                        check_computed(p, r, f);
                }
            }
        }
        Vec path = {0};
        for (int i = from; i < ds->n; i++) {
            Decl *d = ds->v[i];
            if (d->sym && (d->sym->kind == S_LET || d->sym->kind == S_DECISION))
                find_cycle(p, d->sym, &path);
        }
        for (int i = from; i < ds->n; i++) {
            Decl *d = ds->v[i];
            if (d->kind == D_TEST)
                check_tests(p, d);
        }
    }
    return p->diags->errors - before;
}

/* Warn about parameters and definitions of the main file that nothing uses. */
void check_unused(Program *p)
{
    for (int i = 0; i < p->decls.n; i++) {
        Decl *d = p->decls.v[i];
        if (d->file != p->main || !d->sym || d->used)
            continue;
        if (d->kind == D_PARAM)
            diag_warning(p->diags, d->file, d->nloc, "remove it, or use it in a rule", "parameter `%s` is never used", d->name);
        else if (d->kind == D_LET)
            diag_warning(p->diags, d->file, d->nloc, "remove it, or use it in a rule", "definition `%s` is never used", d->name);
    }
}
