/* because.c: explanations in words. */
#include "because.h"
#include "vtext.h"
#include "words.h"

/* The branch that fired, or the decision form, in words. */
const char *because_branch(Arena *a, const Explain *why)
{
    const Decl *d = why->decl;
    if (!d)
        return NULL;
    if (why->suspended)
        return "suspended";
    if (!why->branch)
        return NULL;
    const char *t = words_branch(a, d, why->branch);
    if (!why->branch->cond && d->u.dec.branches.n > 1)
        t = arena_printf(a, "%s (no earlier %s holds)", t, d->kind == D_LADDER ? "stage" : "branch");
    if (d->kind == D_LADDER && why->since.k == V_DATE) {
        char ds[16];
        date_format(why->since.u.d, ds);
        t = arena_printf(a, "%s (since %s)", t, ds);
    }
    return t;
}

/* Whether an expression is written as its own value (a literal or a scale value). */
static bool literal(const Expr *e)
{
    return e->kind == E_NUM || e->kind == E_STR || e->kind == E_DATE || e->kind == E_BOOL ||
           (e->kind == E_NAME && e->u.name.code >= 0) || (e->kind == E_FIELD && e->u.field.code >= 0) ||
           (e->kind == E_UNIT && e->u.unit.n->kind == E_NUM);
}

/* How a missing value reads after its name: absent data "is not recorded",
   a decision that does not apply "does not apply", else "is not known" and why. */
static void missing_words(Sb *b, Value v)
{
    switch (v.u.why->kind) {
    case R_NOT_YET:
        sb_puts(b, " is after the as-of date (not yet)");
        break;
    case R_NULL:
    case R_NO_ROW:
        sb_puts(b, " is not recorded");
        break;
    case R_NA:
        sb_puts(b, " does not apply");
        break;
    default:
        sb_puts(b, " is not known (");
        words_reason_to(b, v.u.why);
        sb_putc(b, ')');
        break;
    }
}

/* A fact that has no value, in words: not recorded, or a date after the as-of date. */
static const char *missing_fact(Value v)
{
    return v.u.why->kind == R_NOT_YET ? "after the as-of date (not yet)" : "not recorded";
}

/* One operand: its text, and its value unless it is a literal. */
static void operand(Sb *b, Arena *a, const Decl *d, const Expr *e, Value v)
{
    sb_puts(b, words_expr(a, d, e));
    if (literal(e))
        return;
    sb_puts(b, " = ");
    if (v.k == V_MISSING)
        sb_puts(b, "not known");
    else
        vtext(b, v, VT_WORDS);
}

/* A value in words; a deadline by its status. */
static void value_words(Sb *b, Value v)
{
    if (v.k == V_DEADLINE)
        sb_puts(b, lang_statuses[v.u.dl->status]);
    else
        vtext(b, v, VT_WORDS);
}

/* An `is` form that decided: "overall = Inadequate", "safe = Good, not below Good",
   "closed is not recorded". */
static void held_is(Sb *b, Arena *a, const Held *h, const Decl *d)
{
    static const char *const rel[] = {"", "", "below", "above", "at least", "at most"};
    const Expr *c = h->cond;
    bool holds = h->v.k == V_BOOL && h->v.u.b;
    sb_puts(b, words_expr(a, d, h->lhs));
    if (h->a.k == V_MISSING) {
        missing_words(b, h->a);
        return;
    }
    sb_puts(b, " = ");
    value_words(b, h->a);
    if (c->u.is.is == IS_MISSING || h->b.k == V_MISSING)
        return;
    if (c->u.is.is == IS_VALUE) {
        if (holds == c->u.is.neg) {
            sb_puts(b, ", not ");
            value_words(b, h->b);
        }
        return;
    }
    sb_printf(b, ", %s%s ", holds ? "" : "not ", rel[c->u.is.is]);
    value_words(b, h->b);
}

/* A condition that decided a branch, with the values it compared. */
void because_held(Sb *b, const Held *h, const Decl *d)
{
    Arena *a = arena_new();
    const Expr *c = h->cond;
    if (h->part)
        sb_printf(b, "%s ", h->part);
    if (h->part) {
        sb_puts(b, words_expr(a, d, c));
        if (h->v.k == V_MISSING)
            missing_words(b, h->v);
        else if (!literal(c)) {
            sb_puts(b, " = ");
            value_words(b, h->v);
        }
    } else if (c->kind == E_IS && h->lhs) {
        held_is(b, a, h, d);
    } else if (c->kind == E_BINARY && h->lhs && h->rhs) {
        static const char *const ops[] = {"=", "!=", "<", "<=", ">", ">="};
        operand(b, a, d, h->lhs, h->a);
        sb_printf(b, " %s ", ops[c->u.op.op - OP_EQ]);
        operand(b, a, d, h->rhs, h->b);
        if (h->v.k == V_BOOL && !h->v.u.b)
            sb_puts(b, ": does not hold");
    } else if (h->v.k == V_MISSING) {
        sb_puts(b, words_expr(a, d, c));
        missing_words(b, h->v);
    } else {
        sb_puts(b, words_expr(a, d, c));
        sb_puts(b, h->v.u.b ? " holds" : " does not hold");
        if (c->kind == E_UNARY && h->lhs && h->a.k != V_MISSING) {
            sb_printf(b, " (%s = ", words_expr(a, d, h->lhs));
            vtext(b, h->a, VT_WORDS);
            sb_putc(b, ')');
        }
    }
    arena_free(a);
}

/* One use as a line of words. */
void because_use(Sb *b, const Use *u)
{
    switch (u->kind) {
    case USE_FACT:
        words_row(b, u->row);
        sb_printf(b, ": %s = ", u->field->name);
        if (u->v.k == V_MISSING)
            sb_puts(b, missing_fact(u->v));
        else
            vtext(b, u->v, VT_WORDS);
        break;
    case USE_DECISION:
        if (u->row) {
            words_row(b, u->row);
            sb_puts(b, ": ");
        }
        sb_printf(b, "%s = ", u->sym->name);
        if (u->v.k == V_MISSING)
            sb_puts(b, value_na(u->v) ? "not applicable" : "undetermined");
        else
            vtext(b, u->v, VT_WORDS);
        break;
    case USE_SIGN:
        sb_printf(b, "sign %s %s", u->sym->name,
                  u->v.k == V_MISSING ? "is undetermined" : u->v.u.b ? "holds" : "does not hold");
        break;
    }
}

/* Whether a field's value is already said by the row's name ("of SOM07
   published 2023-04-20"). */
static bool in_row_name(const Row *r, const Field *f)
{
    const Record *rec = r->rec;
    return f->index == rec->named_index || f->index == rec->parent_index || f->index == rec->dated_index ||
           (f->index == rec->key_index && r->key);
}

/* The facts read from one row, from use i on: "ROW: f = v, g = w" (the
   fields its name already says left out), or NULL for a row read only for
   what names it; the row's uses are marked done. */
static const char *row_facts(Arena *a, const Explain *why, int i, bool *done)
{
    Sb b = SB_INIT;
    const Use *first = why->uses.v[i];
    words_row(&b, first->row);
    int shown = 0;
    bool dated = false;     /* its date was read (a name or parent alone says nothing) */
    for (int k = i; k < why->uses.n; k++) {
        const Use *u = why->uses.v[k];
        if (done[k] || u->kind != USE_FACT || u->row != first->row)
            continue;
        done[k] = true;
        if (in_row_name(u->row, u->field) && u->v.k != V_MISSING) {
            dated |= u->field->index == u->row->rec->dated_index;
            continue;
        }
        sb_printf(&b, "%s%s = ", shown++ ? ", " : ": ", u->field->name);
        if (u->v.k == V_MISSING)
            sb_puts(&b, missing_fact(u->v));
        else
            vtext(&b, u->v, VT_WORDS);
    }
    const char *t = shown || dated ? sb_arena(&b, a) : NULL;
    sb_free(&b);
    return t;
}

/* An explanation in words, in arena a, for decision (or definition) d. */
Because because_words(Arena *a, const Explain *why, const Decl *d)
{
    Because w = {0};
    w.branch = because_branch(a, why);
    w.cite = because_cite(why, d);
    w.held = arena_array(a, (size_t)why->held.n + 1, sizeof *w.held);
    for (int i = 0; i < why->held.n; i++) {
        Sb b = SB_INIT;
        because_held(&b, why->held.v[i], why->decl ? why->decl : d);
        w.held[w.nheld++] = sb_arena(&b, a);
        sb_free(&b);
    }
    int n = why->uses.n;
    bool *done = arena_array(a, (size_t)n + 1, sizeof *done);
    w.facts = arena_array(a, (size_t)n + 1, sizeof *w.facts);
    w.used = arena_array(a, (size_t)n + 1, sizeof *w.used);
    for (int i = 0; i < n; i++) {
        const Use *u = why->uses.v[i];
        if (done[i])
            continue;
        if (u->kind == USE_FACT) {
            const char *line = row_facts(a, why, i, done);
            if (line)
                w.facts[w.nfacts++] = line;
        } else {
            Sb b = SB_INIT;
            because_use(&b, u);
            w.used[w.nused++] = sb_arena(&b, a);
            sb_free(&b);
        }
    }
    return w;
}

/* Why a value is what it is, on one line. */
void because_line(Sb *b, const Explain *why)
{
    for (int i = 0; i < why->held.n; i++) {
        if (i)
            sb_puts(b, "; ");
        because_held(b, why->held.v[i], why->decl);
    }
    if (why->held.n)
        return;
    Arena *a = arena_new();
    const char *branch = because_branch(a, why);
    if (branch)
        sb_puts(b, branch);
    arena_free(a);
}

/* The facts an explanation read, on one line: "ROW: f = v, g = w; ROW2: ...". */
void because_facts_line(Sb *b, const Explain *why)
{
    Arena *a = arena_new();
    Because w = because_words(a, why, why->decl);
    for (int i = 0; i < w.nfacts; i++) {
        if (i)
            sb_puts(b, "; ");
        sb_puts(b, w.facts[i]);
    }
    arena_free(a);
}

/* The citation that explains a value: the branch's, else the decision's. */
const char *because_cite(const Explain *why, const Decl *d)
{
    if (why && why->cite)
        return why->cite;
    return d && d->kind != D_LET ? d->u.dec.cite : NULL;
}
