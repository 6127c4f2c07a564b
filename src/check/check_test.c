/* check_test.c: checking fixture cases against the policy they test: each
   expectation names a decision of a subject kind (and maybe one of its
   parts) and a value of its type; each `with` names a parameter. */
#include <string.h>
#include "../util/suggest.h"
#include "scope.h"
#include "types.h"

/* Where `word` is written on the line of loc, after loc; loc itself when it cannot be found. */
static Loc word_loc(const SourceFile *f, Loc loc, const char *word)
{
    size_t len;
    const char *p = loc_line(f, loc.line, &len);
    if (!p || !word)
        return loc;
    size_t n = strlen(word);
    int col = 1;
    for (const char *q = p; q < p + len; q++) {
        if (((unsigned char)*q & 0xC0) == 0x80)
            continue;
        bool starts = q == p || !(q[-1] == '_' || (q[-1] >= 'a' && q[-1] <= 'z') || (q[-1] >= 'A' && q[-1] <= 'Z') ||
                                  (q[-1] >= '0' && q[-1] <= '9'));
        bool ends = (size_t)(p + len - q) >= n && !(q[n] == '_' || (q[n] >= 'a' && q[n] <= 'z') ||
                                                  (q[n] >= 'A' && q[n] <= 'Z') || (q[n] >= '0' && q[n] <= '9'));
        if (col >= loc.end_col && (size_t)(p + len - q) >= n && !strncmp(q, word, n) && starts && ends)
            return (Loc){loc.line, col, loc.line, col + (int)n};
        col++;
    }
    return loc;
}

/* The decision an expectation names; NULL (reported) when there is none. */
static Decl *expected_decision(Program *p, const Decl *d, const TestExpect *x)
{
    Section *sect = program_section(p, x->subject);
    if (!sect) {
        Suggest sg;
        suggest_begin(&sg, x->subject);
        for (int k = 0; k < p->sections.n; k++)
            suggest_offer(&sg, ((Section *)p->sections.v[k])->rec->name);
        diag_error(p->diags, d->file, word_loc(d->file, x->loc, x->subject), hint_did_you_mean(p, suggest_best(&sg)),
                   "the policy decides nothing about `%s`", x->subject);
        return NULL;
    }
    Sym *s = section_find(sect, x->decision);
    if (s && s->kind == S_DECISION)
        return s->decl;
    Suggest sg;
    suggest_begin(&sg, x->decision);
    for (int k = 0; k < sect->outputs.n; k++)
        suggest_offer(&sg, ((Decl *)sect->outputs.v[k])->name);
    diag_error(p->diags, d->file, x->dloc, hint_did_you_mean(p, suggest_best(&sg)),
               "`%s` is not a decision about %s", x->decision, x->subject);
    return NULL;
}

/* Whether an expectation's part exists on the decision's value (reported when not). */
static bool expected_part(Program *p, const Decl *d, const TestExpect *x, const Decl *o)
{
    if (!x->part)
        return true;
    TypeKind k = o->type->kind;
    if ((k == T_DEADLINE || k == T_QUORUM) && lang_part(k, x->part) >= 0)
        return true;
    Loc at = word_loc(d->file, x->dloc, x->part);
    if (k != T_DEADLINE && k != T_QUORUM) {
        diag_error(p->diags, d->file, at, arena_printf(p->arena, "expect the value itself: `expect %s %s %s = ...`", x->subject,
                                                       x->id, x->decision),
                   "`%s` is %s and has no parts", x->decision, type_a(p->arena, o->type));
        return false;
    }
    const char *parts[P_COUNT];
    int np = 0;
    for (int i = 0; i < P_COUNT; i++)
        if (lang_parts[i].kind == k)
            parts[np++] = lang_parts[i].name;
    const char *hint = hint_did_you_mean(p, suggest_closest(x->part, parts, np));
    char list[160];
    const char *what = k == T_DEADLINE ? "a deadline" : "a quorum";
    if (!hint)
        hint = arena_printf(p->arena, "%s has %s", what, lang_part_list(k, list, sizeof list));
    diag_error(p->diags, d->file, at, hint, "%s has no part `%s`", what, x->part);
    return false;
}

/* The type an expectation's value must have: a deadline's status, a quorum's
   `quorate`, or the part named. */
static Type *expected_type(Program *p, const TestExpect *x, const Decl *o)
{
    Type *want = o->type;
    if (want->kind != T_DEADLINE && want->kind != T_QUORUM)
        return want;
    Part part = x->part ? (Part)lang_part(want->kind, x->part) : want->kind == T_DEADLINE ? P_STATUS : P_QUORATE;
    switch (lang_parts[part].type) {
    case PT_DATE: return p->t_date;
    case PT_STATUS: return p->t_status;
    case PT_BOOL: return p->t_bool;
    case PT_NUMBER: return p->t_number;
    default: return type_list(p, want->elem);
    }
}

/* Check one expectation of a test. */
static void check_expectation(Checker *ck, const Decl *d, const TestExpect *x)
{
    Program *p = ck->p;
    Decl *o = expected_decision(p, d, x);
    if (!o || !expected_part(p, d, x, o) || !x->value)
        return;
    Scope s = {0};
    s.ck = ck;
    s.p = p;
    s.file = d->file;
    Type *want = expected_type(p, x, o);
    Type *t = check(&s, x->value, want);
    if (!type_eq(t, want))
        check_mismatch(&s, x->value, want, t,
                       x->part ? arena_printf(p->arena, "`%s.%s` is %s", x->decision, x->part, type_a(p->arena, want))
                               : arena_printf(p->arena, "`%s` is %s", x->decision, type_a(p->arena, want)));
}

/* Check one `with NAME = VALUE` of a test. */
static void check_with(Checker *ck, const Decl *d, int i)
{
    Program *p = ck->p;
    const char *name = d->u.test.params.v[i];
    Expr *value = d->u.test.pvalues.v[i];
    Sym *ps = program_find(p, name);
    if (!ps || ps->kind != S_PARAM) {
        Suggest sg;
        suggest_begin(&sg, name);
        for (int k = 0; k < p->params.n; k++)
            suggest_offer(&sg, ((Sym *)p->params.v[k])->name);
        const char *best = suggest_best(&sg);
        const char *hint = best ? hint_did_you_mean(p, best) : NULL;
        if (!best && p->params.n) {
            hint = arena_printf(p->arena, "the policy's parameters are `%s`", ((Sym *)p->params.v[0])->name);
            for (int k = 1; k < p->params.n; k++)
                hint = arena_printf(p->arena, "%s, `%s`", hint, ((Sym *)p->params.v[k])->name);
        } else if (!best) {
            hint = "the policy declares no parameters";
        }
        diag_error(p->diags, d->file, value->loc, hint, "`%s` is not a parameter of the policy", name);
        return;
    }
    Scope s = {0};
    s.ck = ck;
    s.p = p;
    s.file = d->file;
    check_expect(&s, value, ps->type, "a parameter keeps its type");
}

/* Check the expectations and parameter settings of a test case. */
void check_tests(Checker *ck, Decl *d)
{
    for (int i = 0; i < d->u.test.expect.n; i++)
        check_expectation(ck, d, d->u.test.expect.v[i]);
    for (int i = 0; i < d->u.test.params.n; i++)
        check_with(ck, d, i);
}
