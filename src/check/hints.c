/* hints.c: the hints under the checker's messages: "did you mean", the values
   of a scale, how to compare what cannot be compared. */
#include <string.h>
#include "../util/suggest.h"
#include "scope.h"
#include "types.h"

/* A hint "did you mean `x`?", or NULL when there is no suggestion. */
const char *hint_did_you_mean(Program *p, const char *best)
{
    return best ? arena_printf(p->arena, "did you mean `%s`?", best) : NULL;
}

/* A hint for a word that is not a value of a scale: the nearest value, or the list of values. */
const char *hint_values(Program *p, const Decl *sc, const char *word)
{
    const Vec *vs = &sc->u.scale.values;
    const char *best = suggest_closest(word, (const char *const *)vs->v, vs->n);
    if (best)
        return hint_did_you_mean(p, best);
    const char *h = arena_printf(p->arena, "the values of %s are", sc->name);
    int i = 0;
    for (; i < vs->n && strlen(h) < 320; i++)
        h = arena_printf(p->arena, "%s%s `%s`", h, i ? "," : "", (const char *)vs->v[i]);
    if (i < vs->n)
        h = arena_printf(p->arena, "%s, ...", h);
    return h;
}

/* The source text of a span on one line of the file being checked, or NULL. */
const char *hint_src(Scope *s, Loc loc)
{
    if (loc.line != loc.end_line || loc.col <= 0 || loc.end_col <= loc.col)
        return NULL;
    return loc_text(s->p->arena, s->file, loc);
}

/* Why a value of type got cannot stand where want is expected, when a hint fits. */
const char *hint_mismatch(Scope *s, Expr *e, Type *want, Type *got)
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
        const char *text = hint_src(s, e->loc);
        return arena_printf(p->arena, "compare it with one of its values, e.g. `%s is %s`", text ? text : "rating",
                            (const char *)got->scale->u.scale.values.v[0]);
    }
    if (want->kind == T_CODE && got->kind == T_CODE && want->scale && got->scale && e->kind == E_NAME)
        return arena_printf(p->arena, "`%s` is a value of %s; %s", e->u.name.name, got->name,
                            hint_values(p, want->scale, e->u.name.name));
    return NULL;
}

/* How to compare values of an unordered type instead. */
const char *hint_order(Program *p, const Type *t)
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

/* Offer the names of the fields of a row frame's record. */
static void frame_fields(const Frame *fr, Suggest *sg)
{
    if (!fr->row || !fr->type->rec)
        return;
    const Record *r = fr->type->rec;
    for (int i = 0; i < r->fields.n; i++)
        suggest_offer(sg, ((Field *)r->fields.v[i])->name);
}

/* The name closest to word among the names visible in scope, or NULL. */
const char *hint_suggest(Scope *s, const char *word)
{
    Suggest sg;
    suggest_begin(&sg, word);
    for (int i = 0; i < s->p->symlist.n; i++)
        suggest_offer(&sg, ((Sym *)s->p->symlist.v[i])->name);
    if (s->sect)
        for (int i = 0; i < s->sect->lets.n; i++)
            suggest_offer(&sg, ((Sym *)s->sect->lets.v[i])->name);
    for (int f = 0; f < s->nframes; f++) {
        suggest_offer(&sg, s->frames[f].name);
        frame_fields(&s->frames[f], &sg);
    }
    return suggest_best(&sg);
}

/* A hint saying where a name declared twice was first declared. */
const char *hint_first_declared(Program *p, const SourceFile *here, const Decl *old)
{
    if (old->file == here)
        return arena_printf(p->arena, "it is first declared on line %d; remove one, or give one another name", old->nloc.line);
    return arena_printf(p->arena, "it is first declared at %s:%d; give this one another name", old->file->path, old->nloc.line);
}
