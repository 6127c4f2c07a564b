/* check_decl.c: checking declarations: written types, records and their
   fields, parameters, definitions, and the bodies of the decision forms
   (decide, deadline, quorum, ladder). */
#include <stdlib.h>
#include <string.h>
#include "../util/suggest.h"
#include "load.h"
#include "scope.h"
#include "types.h"

/* Resolve a written type. */
Type *check_resolve_type(Program *p, const SourceFile *file, TypeRef *tr)
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
        Type *t = check_resolve_type(p, file, base);
        while (depth-- > 0)
            t = type_list(p, t);
        return t;
    }
    const char *n = tr->name;
    int k = lang_type_name(n);
    switch (k) {
    case T_BOOL: return p->t_bool;
    case T_NUMBER: return p->t_number;
    case T_TEXT: return p->t_text;
    case T_DATE: return p->t_date;
    case T_DEADLINE: return p->t_deadline;
    case T_QUORUM: return p->t_quorum;
    default: break;
    }
    Decl *sc = program_scale(p, n);
    if (sc)
        return sc->type;
    Record *r = program_record(p, n);
    if (r)
        return r->type;
    Suggest sg;
    suggest_begin(&sg, n);
    for (int i = 0; i < T_COUNT; i++)
        suggest_offer(&sg, lang_type_names[i]);
    for (int i = 0; i < p->scales.n; i++)
        suggest_offer(&sg, ((Decl *)p->scales.v[i])->name);
    for (int i = 0; i < p->records.n; i++)
        suggest_offer(&sg, ((Record *)p->records.v[i])->name);
    char *module = load_module_defining(n);
    const char *hint = module ? arena_printf(p->arena, "`%s` is declared in the standard library's `%s`: add `use %s` "
                                                       "near the top of the policy", n, module, module)
                              : hint_did_you_mean(p, suggest_best(&sg));
    free(module);
    diag_error(p->diags, file, tr->loc, hint, "unknown type `%s`", n);
    return p->t_error;
}

/* Check a computed record field with the record as the only row in scope. */
void check_computed(Checker *ck, Record *r, Field *f)
{
    Program *p = ck->p;
    if (f->type)
        return;
    if (f->state == 1) {
        /* reached again while its own expression is being checked */
        diag_error(p->diags, f->file, f->loc, "a computed field cannot depend on itself, directly or through other fields",
                   "field `%s` of %s is computed from itself", f->name, r->name);
        f->type = p->t_error;
        return;
    }
    f->state = 1;
    Scope s = {0};
    s.ck = ck;
    s.p = p;
    s.file = f->file;
    check_push_frame(&s, r->name, r->type, true, f->loc);
    f->type = check(&s, f->expr, NULL);
    f->state = 2;
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
            const char *hint = "`otherwise` applies whenever no earlier branch does, so it must be the last branch";
            if (next->value && next->value->kind == E_NAME)
                diag_error(p->diags, d->file, at, hint, "branch `%s` can never apply: it comes after `otherwise` (line %d)",
                           next->value->u.name.name, b->loc.line);
            else
                diag_error(p->diags, d->file, at, hint, "this branch can never apply: it comes after `otherwise` (line %d)",
                           b->loc.line);
        }
        has_otherwise = true;
    }
    Branch *last = bs->n ? bs->v[bs->n - 1] : NULL;
    const char *subject = d->section && d->section->name ? d->section->name : NULL;
    if (last && last->cond && !has_otherwise)
        diag_error(p->diags, d->file, d->nloc,
                   "add a last branch `VALUE otherwise`, or `missing otherwise` to leave it undetermined on purpose",
                   "decision `%s` has no `otherwise` branch: %s %s that meets none of its conditions gets no value", d->name,
                   subject ? type_article(subject) : "a", subject ? subject : "subject");
}

/* Check a `decide`: its conditions, and values of its declared type. */
static void check_decide(Program *p, Decl *d, Scope *s)
{
    Type *t = d->type;
    for (int i = 0; i < d->u.dec.branches.n; i++) {
        Branch *b = d->u.dec.branches.v[i];
        if (b->cond)
            check_expect(s, b->cond, p->t_bool, "a `when` condition");
        if (b->value->kind == E_NA) {
            b->value->type = p->t_any;
            b->value->depth = 1;
            continue;
        }
        Type *vt = check(s, b->value, t);
        if (!type_eq(vt, t))
            ERR(s, b->value->loc, hint_mismatch(s, b->value, t, vt), "decision `%s` is declared as %s, but this value is %s",
                d->name, type_a(p->arena, t), type_a(p->arena, vt));
    }
    check_fallthrough(p, d);
}

/* Check a deadline: a start date, a duration or due date, done, suspended,
   and the conditions under which it does not apply (its `branches`). */
static void check_deadline(Program *p, Decl *d, Scope *s)
{
    check_expect(s, d->u.dec.from, p->t_date, "a deadline runs `from` a date");
    if (d->u.dec.within) {
        Type *w = check(s, d->u.dec.within, NULL);
        if (w->kind != T_DURATION && w->kind != T_ERROR)
            diag_error(p->diags, d->file, d->u.dec.within->loc, "write a duration such as `28 days` or `10 working days`",
                       "`within` needs a duration, found %s", type_str(p->arena, w));
    } else if (d->u.dec.due) {
        check_expect(s, d->u.dec.due, p->t_date, "`due` needs a date");
    } else {
        diag_error(p->diags, d->file, d->nloc, "add `within DURATION` or `due DATE`", "deadline `%s` has no due date", d->name);
    }
    if (d->u.dec.done)
        check_expect(s, d->u.dec.done, p->t_date, "`done` needs a date");
    if (d->u.dec.suspended)
        check_expect(s, d->u.dec.suspended, p->t_bool, "`suspended when` needs a condition");
    for (int i = 0; i < d->u.dec.branches.n; i++)
        check_expect(s, ((Branch *)d->u.dec.branches.v[i])->cond, p->t_bool, "`not applicable when` needs a condition");
}

/* Check that each required role is a value of the role type. */
static void check_roles(Program *p, Decl *d, Type *rt)
{
    Vec *lists[2] = {&d->u.dec.roles, &d->u.dec.k_roles};
    Vec *locs[2] = {&d->u.dec.role_locs, &d->u.dec.k_locs};
    for (int l = 0; l < 2 && rt->kind == T_CODE; l++)
        for (int i = 0; i < lists[l]->n; i++) {
            const char *role = lists[l]->v[i];
            if (scale_index(rt->scale, role) < 0)
                diag_error(p->diags, d->file, *(Loc *)locs[l]->v[i], hint_values(p, rt->scale, role),
                           "required role `%s` is not a value of %s", role, rt->name);
        }
}

/* Check a quorum: members, who counts, their roles, the minimum and requirements. */
static void check_quorum(Program *p, Decl *d, Scope *s)
{
    Expr *m = d->u.dec.members;
    Type *lt = check(s, m, NULL);
    Type *et = lt->kind == T_LIST ? lt->elem : p->t_error;
    if (check_push_frame(s, NULL, et, et->kind == T_RECORD, m->loc)) {
        check(s, d->u.dec.counting, NULL);
        Type *rt = check(s, d->u.dec.from, NULL);
        s->nframes--;
        if (rt->kind != T_CODE && rt->kind != T_ERROR)
            diag_error(p->diags, d->file, d->u.dec.from->loc, "roles are values of a scale or enum, e.g. `role`",
                       "`roles from` needs a scale value, found %s", type_str(p->arena, rt));
        d->type->elem = rt;
        check_roles(p, d, rt);
    }
    check_expect(s, d->u.dec.minimum, p->t_number, "`at least` needs a number");
    if (d->u.dec.k_of)
        check_expect(s, d->u.dec.k_of, p->t_number, "`including K of` needs a number");
    if (d->u.dec.requiring)
        check_expect(s, d->u.dec.requiring, p->t_bool, "`requiring` needs a condition");
}

/* A ladder's type must be an ordered scale; false (reported) when it is not. */
static bool ladder_scale(Program *p, Decl *d, Type *t)
{
    if (t->kind == T_CODE && t->scale->u.scale.ordered)
        return true;
    if (t->kind == T_CODE && t->scale->u.scale.values.n) {
        const char *decl = arena_printf(p->arena, "scale %s: %s", t->name, (const char *)t->scale->u.scale.values.v[0]);
        for (int i = 1; i < t->scale->u.scale.values.n; i++)
            decl = arena_printf(p->arena, "%s < %s", decl, (const char *)t->scale->u.scale.values.v[i]);
        diag_error(p->diags, d->file, d->u.dec.tref->loc, arena_printf(p->arena, "declare it as a scale, lowest stage first: `%s`", decl),
                   "ladder `%s` needs stages in order, but %s is an enum, whose values have no order", d->name, t->name);
    } else if (t->kind != T_ERROR) {
        diag_error(p->diags, d->file, d->u.dec.tref->loc, "declare the stages with `scale NAME: a < b < c`",
                   "a ladder climbs an ordered scale, not %s", type_a(p->arena, t));
    }
    return false;
}

/* Check one stage of a ladder, recording it in by_stage; false when it names no stage. */
static bool ladder_stage(Program *p, Decl *d, Scope *s, Branch *b, Branch **by_stage, Branch **base)
{
    Decl *sc = d->type->scale;
    const char *stage = b->value->u.name.name;
    int k = scale_index(sc, stage);
    if (k < 0) {
        diag_error(p->diags, d->file, b->value->loc, hint_values(p, sc, stage),
                   "`%s` is not a value of %s, the scale of ladder `%s`", stage, sc->name, d->name);
        return false;
    }
    b->value->u.name.code = k;
    b->value->type = d->type;
    if (by_stage[k]) {
        diag_error(p->diags, d->file, b->value->loc,
                   arena_printf(p->arena, "it is first listed on line %d; join the two conditions with `or`", by_stage[k]->loc.line),
                   "stage `%s` is listed twice in ladder `%s`", stage, d->name);
        return true;
    }
    by_stage[k] = b;
    if (b->cond)
        check_expect(s, b->cond, p->t_bool, "a stage condition");
    else if (*base)
        diag_error(p->diags, d->file, b->loc, NULL, "a ladder has one `otherwise` stage");
    else
        *base = b;
    if (b->since)
        check_expect(s, b->since, p->t_date, "`since` needs a date");
    return true;
}

/* Report a ladder with no `otherwise`, stages no condition reaches (when every
   stage named is one), and stages below the `otherwise` one. */
static void ladder_reach(Program *p, Decl *d, Branch **by_stage, Branch *base, bool bad_stage)
{
    Decl *sc = d->type->scale;
    int n = sc->u.scale.values.n;
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
    for (int k = 0; base && k < base->value->u.name.code; k++)
        if (by_stage[k])
            diag_error(p->diags, d->file, by_stage[k]->loc, "the `otherwise` stage is the lowest one a subject can be at",
                       "stage `%s` is unreachable: it is below the `otherwise` stage `%s`",
                       (const char *)sc->u.scale.values.v[k], base->value->u.name.name);
}

/* Check a ladder: stages of an ordered scale, each once, one `otherwise`, all reachable. */
static void check_ladder(Program *p, Decl *d, Scope *s)
{
    if (!ladder_scale(p, d, d->type))
        return;
    int n = d->type->scale->u.scale.values.n;
    Branch **by_stage = arena_array(p->arena, (size_t)n, sizeof *by_stage);
    Branch *base = NULL;
    bool bad_stage = false;
    for (int i = 0; i < d->u.dec.branches.n; i++)
        bad_stage |= !ladder_stage(p, d, s, d->u.dec.branches.v[i], by_stage, &base);
    ladder_reach(p, d, by_stage, base, bad_stage);
}

/* The deepest of a decision's expressions. */
static int decision_depth(const Decl *d)
{
    int depth = 0;
    const Expr *parts[] = {d->u.dec.from, d->u.dec.within, d->u.dec.due, d->u.dec.done, d->u.dec.suspended,
                           d->u.dec.members, d->u.dec.counting, d->u.dec.minimum, d->u.dec.requiring, d->u.dec.k_of};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (parts[i] && parts[i]->depth > depth)
            depth = parts[i]->depth;
    for (int i = 0; i < d->u.dec.branches.n; i++) {
        const Branch *b = d->u.dec.branches.v[i];
        const Expr *bx[] = {b->value, b->cond, b->since};
        for (size_t k = 0; k < 3; k++)
            if (bx[k] && bx[k]->depth > depth)
                depth = bx[k]->depth;
    }
    return depth;
}

/* Whether a parameter's default is a plain value. */
static bool plain_value(const Expr *e)
{
    return e->kind == E_NUM || e->kind == E_STR || e->kind == E_DATE || e->kind == E_BOOL ||
           (e->kind == E_UNIT && e->u.unit.n->kind == E_NUM) || (e->kind == E_NAME && e->u.name.code >= 0) ||
           (e->kind == E_FIELD && e->u.field.code >= 0) ||
           (e->kind == E_UNARY && e->u.op.op == OP_NEG && e->u.op.a->kind == E_NUM);
}

/* Report a definition nested deeper than the evaluator allows (once a run). */
static void check_nesting(Checker *ck, Sym *sym)
{
    if (sym->depth <= QPL_MAX_NESTING || ck->deep_reported)
        return;
    ck->deep_reported = true;
    Decl *d = sym->decl;
    diag_error(ck->p->diags, d->file, d->nloc,
               "each definition that uses the one before adds to the nesting: shorten the chain, or combine its steps",
               "`%s` is nested too deeply: more than %d levels, counting the definitions it uses", d->name, QPL_MAX_NESTING);
}

/* Check the body of a decision form. */
static void check_decision(Program *p, Decl *d, Scope *s)
{
    switch (d->kind) {
    case D_DECIDE: check_decide(p, d, s); break;
    case D_DEADLINE: check_deadline(p, d, s); break;
    case D_QUORUM: check_quorum(p, d, s); break;
    case D_LADDER: check_ladder(p, d, s); break;
    default: break;
    }
}

/* Type-check a parameter, let or decision once, recording its type and depth;
   a parameter's default must be a plain value. */
void check_item(Checker *ck, Sym *sym)
{
    Program *p = ck->p;
    if (sym->state)
        return;
    sym->state = 1;
    Decl *d = sym->decl;
    Scope s;
    check_scope(ck, d, &s);
    if (d->kind == D_LET) {
        sym->type = check(&s, d->u.let.def, NULL);
        sym->depth = d->u.let.def->depth;
    } else if (d->kind == D_PARAM) {
        s.owner = NULL;
        sym->type = check(&s, d->u.param.def, NULL);
        if (!plain_value(d->u.param.def))
            diag_error(p->diags, d->file, d->u.param.def->loc, "give a number, text, date, duration or scale value",
                       "the default of parameter `%s` must be a plain value", d->name);
    } else {
        check_decision(p, d, &s);
        sym->depth = decision_depth(d);
    }
    check_nesting(ck, sym);
    sym->state = 2;
}
