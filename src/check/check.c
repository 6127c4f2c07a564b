/* check.c: checking a program's declarations in order: names and types
   first (scales, records), then sections and their items, then the bodies,
   cycles between definitions, and the fixtures' expectations. */
#include <string.h>
#include "../util/suggest.h"
#include "check.h"
#include "scope.h"
#include "types.h"

/* Add a global name, reporting one declared twice. */
static Sym *add_global(Program *p, Decl *d, SymKind k, const char *name, Loc loc)
{
    Sym *old = program_find(p, name);
    if (old) {
        if (old->decl && old->decl->file)
            diag_error(p->diags, d->file, loc, hint_first_declared(p, d->file, old->decl), "`%s` is declared twice", name);
        else
            diag_error(p->diags, d->file, loc, "choose another name", "`%s` is a name qpl already uses", name);
        return NULL;
    }
    Sym *s = arena_alloc(p->arena, sizeof *s);
    s->kind = k;
    s->name = name;
    s->decl = d;
    vec_push(p->arena, &p->symlist, s);
    map_put(&p->syms, name, s);
    d->sym = s;
    return s;
}

/* Register a scale or enumeration and its type. */
static void declare_scale(Program *p, Decl *d)
{
    Sym *s = add_global(p, d, S_SCALE, d->name, d->nloc);
    Type *t = type_new(p, T_CODE, d->name);
    t->scale = d;
    d->type = t;
    if (s)
        s->type = t;
    vec_push(p->arena, &p->scales, d);
    map_put(&p->scale_map, d->name, d);
    for (int i = 0; i < d->u.scale.values.n; i++)
        for (int j = 0; j < i; j++)
            if (!strcmp(d->u.scale.values.v[i], d->u.scale.values.v[j]))
                diag_error(p->diags, d->file, *(Loc *)d->u.scale.locs.v[i], "list each value once",
                           "`%s` is listed twice in %s `%s`", (const char *)d->u.scale.values.v[i],
                           d->u.scale.ordered ? "scale" : "enum", d->name);
}

/* Register a record, its type, and its table's name (every row of it). */
static void declare_record(Program *p, Decl *d)
{
    Record *r = d->u.record;
    r->file = d->file;
    Sym *s = add_global(p, d, S_RECORD, r->name, d->nloc);
    r->type = type_new(p, T_RECORD, r->name);
    r->type->rec = r;
    if (s) {
        s->type = r->type;
        s->rec = r;
    }
    r->index = p->records.n;
    vec_push(p->arena, &p->records, r);
    map_put(&p->record_map, r->name, r);
    if (strcmp(r->table, r->name) != 0 && !program_find(p, r->table)) {
        Sym *t = add_global(p, d, S_TABLE, r->table, r->tloc);
        if (t) {
            t->type = type_list(p, r->type);
            t->rec = r;
            d->sym = s;
        }
    }
}

/* Resolve the types of a record's columns. */
static void resolve_columns(Program *p, Record *r)
{
    for (int i = 0; i < r->fields.n; i++) {
        Field *f = r->fields.v[i];
        for (int j = 0; j < i; j++)
            if (!strcmp(((Field *)r->fields.v[j])->name, f->name))
                diag_error(p->diags, f->file, f->loc, NULL, "field `%s` is declared twice in %s", f->name, r->name);
        f->index = i;
        f->rec = r;
        if (f->kind != FIELD_COLUMN)
            continue;
        f->type = check_resolve_type(p, f->file, f->tref);
        TypeKind k = f->type->kind;
        if (k == T_LIST || k == T_RECORD || k == T_DEADLINE || k == T_QUORUM)
            diag_error(p->diags, f->file, f->tref->loc, "columns hold bool, number, text, date or a scale value",
                       "a column cannot hold %s", type_str(p->arena, f->type));
        if (f->not_yet && k != T_DATE)
            diag_error(p->diags, f->file, f->loc, NULL, "only a date column can be `not yet after as of`");
    }
}

/* Resolve a link field: its target record and the column it links by. */
static void resolve_link(Program *p, Record *r, Field *f)
{
    Record *t = program_record(p, f->target);
    if (!t) {
        diag_error(p->diags, f->file, f->loc, NULL, "unknown record type `%s`", f->target);
        f->type = p->t_error;
        return;
    }
    f->rec_target = t;
    f->type = f->kind == FIELD_MANY ? type_list(p, t->type) : t->type;
    Record *holder = f->kind == FIELD_MANY ? t : r;
    Field *by = record_field(holder, f->by);
    if (!by || by->kind != FIELD_COLUMN) {
        diag_error(p->diags, f->file, f->byloc, NULL, "%s %s record has no column `%s` to link by", type_article(holder->name),
                   holder->name, f->by);
        return;
    }
    f->by_index = by->index;
    if (f->kind == FIELD_MANY && t->parent_index < 0)
        t->parent_index = by->index;
    if (f->kind == FIELD_ONE && (!t->key || !record_field(t, t->key)))
        diag_error(p->diags, f->file, f->loc, "declare the record with `key COLUMN`", "a one-to-one link needs %s to have a key",
                   t->name);
}

/* The index of the column that a record's `key`, `dated` or `named` clause
   names (a date column when date), or -1 when there is no clause or after
   the error why (with the column's name, then the record's) was reported. */
static int own_column(Program *p, const Record *r, const char *name, Loc loc, bool date, const char *why)
{
    if (!name)
        return -1;
    const Field *k = record_field(r, name);
    if (k && k->kind == FIELD_COLUMN && !(date && k->type && k->type->kind != T_DATE))
        return k->index;
    diag_error(p->diags, r->file, loc, NULL, why, name, r->name);
    return -1;
}

/* Resolve a record's links, key, date column and naming column (after every
   record's columns are resolved, so links can find the columns of others). */
static void resolve_record(Program *p, Record *r)
{
    for (int i = 0; i < r->fields.n; i++) {
        Field *f = r->fields.v[i];
        if (f->kind == FIELD_MANY || f->kind == FIELD_ONE)
            resolve_link(p, r, f);
    }
    r->key_index = own_column(p, r, r->key, r->kloc, false, "the key `%s` is not a column of %s");
    r->dated_index = own_column(p, r, r->dated, r->dloc, true, "`dated` needs a date column of %2$s; `%1$s` is not one");
    r->named_index = own_column(p, r, r->named, r->nloc, false, "`named` needs a column of %2$s; `%1$s` is not one");
}

/* The name of a record near word, to suggest, or NULL. */
static const char *near_record(const Program *p, const char *word)
{
    Suggest sg;
    suggest_begin(&sg, word);
    for (int k = 0; k < p->records.n; k++)
        suggest_offer(&sg, ((Record *)p->records.v[k])->name);
    return suggest_best(&sg);
}

/* Add the fields of `extend record NAME:` to the record. */
static void extend_record(Program *p, Decl *d)
{
    Record *ext = d->u.record;
    Record *r = program_record(p, ext->name);
    if (!r) {
        diag_error(p->diags, d->file, d->nloc, hint_did_you_mean(p, near_record(p, ext->name)),
                   "`extend record %s`: no record of that name is declared", ext->name);
        return;
    }
    for (int i = 0; i < ext->fields.n; i++) {
        Field *f = ext->fields.v[i];
        Field *old = record_field(r, f->name);
        if (old) {
            diag_error(p->diags, d->file, f->loc, arena_printf(p->arena, "%s declares it at %s:%d; give this one another name",
                                                               r->name, r->file->path, old->loc.line),
                       "record %s already has a field `%s`", r->name, f->name);
            continue;
        }
        f->rec = r;
        f->extension = true;
        vec_push(p->arena, &r->fields, f);
    }
}

/* Add the values of `extend enum NAME:` to the enumeration. */
static void extend_enum(Program *p, Decl *d)
{
    Decl *sc = program_scale(p, d->name);
    if (!sc || sc->u.scale.ordered) {
        diag_error(p->diags, d->file, d->nloc, sc ? "the values of a scale are in order: change the scale where it is declared" : NULL,
                   sc ? "`%s` is a scale, which cannot be extended" : "`extend enum %s`: no enum of that name is declared", d->name);
        return;
    }
    for (int i = 0; i < d->u.scale.values.n; i++) {
        const char *v = d->u.scale.values.v[i];
        if (scale_index(sc, v) >= 0) {
            diag_error(p->diags, d->file, *(Loc *)d->u.scale.locs.v[i], "list each value once",
                       "`%s` is a value of %s already", v, sc->name);
            continue;
        }
        vec_push(p->arena, &sc->u.scale.values, (void *)v);
        vec_push(p->arena, &sc->u.scale.aliases, d->u.scale.aliases.v[i]);
        vec_push(p->arena, &sc->u.scale.locs, d->u.scale.locs.v[i]);
    }
}

/* Register the names and types declared from index `from` on. */
static void declare_types(Program *p, int from)
{
    Vec *ds = &p->decls;
    for (int i = from; i < ds->n; i++) {
        Decl *d = ds->v[i];
        if (d->kind == D_SCALE) {
            declare_scale(p, d);
        } else if (d->kind == D_RECORD) {
            declare_record(p, d);
        } else if (d->kind == D_POLICY) {
            if (p->policy && p->policy != d)
                diag_error(p->diags, d->file, d->loc, NULL, "a file declares one policy");
            p->policy = d;
            if (d->u.policy.calendar)
                p->calendar_name = d->u.policy.calendar;
        } else if (d->kind == D_CLOSURE) {
            vec_push(p->arena, &p->closures, d);
        } else if (d->kind == D_TEST) {
            vec_push(p->arena, &p->tests, d);
        }
    }
    for (int i = from; i < ds->n; i++) {
        Decl *d = ds->v[i];
        if (d->kind == D_EXTEND_RECORD)
            extend_record(p, d);
        else if (d->kind == D_EXTEND_ENUM)
            extend_enum(p, d);
    }
    for (int i = from; i < ds->n; i++) {
        Decl *d = ds->v[i];
        if (d->kind == D_RECORD)
            resolve_columns(p, d->u.record);
    }
    for (int i = from; i < ds->n; i++) {
        Decl *d = ds->v[i];
        if (d->kind == D_RECORD)
            resolve_record(p, d->u.record);
    }
}

/* Open the section of a `for`; NULL (reported) for an unknown or repeated subject. */
static Section *declare_section(Program *p, Decl *d)
{
    Record *r = program_record(p, d->name);
    if (!r) {
        const char *hint = hint_did_you_mean(p, near_record(p, d->name));
        if (!hint && p->records.n == 0)
            hint = "subjects are records such as `provider`; the reference records come with `use reference`";
        diag_error(p->diags, d->file, d->nloc, hint, "unknown subject `%s`: no record of that name is declared", d->name);
        return NULL;
    }
    Section *old = program_section(p, d->name);
    if (old) {
        diag_error(p->diags, d->file, d->nloc, "put every decision about this subject in one `for` section",
                   "a second `for %s` section: there is one already at line %d", d->name, old->decl->nloc.line);
        return NULL;
    }
    Section *s = arena_alloc(p->arena, sizeof *s);
    s->decl = d;
    s->rec = r;
    s->index = p->sections.n;
    vec_push(p->arena, &p->sections, s);
    return s;
}

/* The symbol a section item's name would clash with, or NULL. */
static Sym *item_clash(Program *p, Section *sect, const char *name)
{
    Sym *dup = program_find(p, name);
    if (dup && (dup->kind == S_SCALE || dup->kind == S_RECORD))
        dup = NULL;
    if (!dup)
        dup = section_find(sect, name);
    if (!dup) {
        Decl *o = program_output(p, name);
        dup = o ? o->sym : NULL;
    }
    return dup;
}

/* The type of a decision, known before its body is checked. */
static Type *decision_type(Program *p, Decl *d)
{
    switch (d->kind) {
    case D_DECIDE:
    case D_LADDER: return check_resolve_type(p, d->file, d->u.dec.tref);
    case D_DEADLINE: return p->t_deadline;
    case D_QUORUM: {
        Type *t = type_new(p, T_QUORUM, "quorum");
        t->elem = p->t_any;
        return t;
    }
    default: return p->t_error;
    }
}

/* Register a let or decision in its section. */
static void declare_item(Program *p, Decl *d, Section *sect)
{
    bool output = d->kind != D_LET;
    Sym *dup = item_clash(p, sect, d->name);
    if (dup) {
        if (dup->decl && dup->decl->file)
            diag_error(p->diags, d->file, d->nloc, hint_first_declared(p, d->file, dup->decl), "`%s` is declared twice", d->name);
        else
            diag_error(p->diags, d->file, d->nloc, "choose another name", "`%s` is a name qpl already uses", d->name);
        return;
    }
    Sym *s = arena_alloc(p->arena, sizeof *s);
    s->kind = output ? S_DECISION : S_LET;
    s->name = d->name;
    s->decl = d;
    s->sect = sect;
    s->slot = sect->lets.n;
    d->sym = s;
    vec_push(p->arena, &sect->lets, s);
    map_put(&sect->names, s->name, s);
    if (output) {
        d->type = s->type = decision_type(p, d);
        vec_push(p->arena, &sect->outputs, d);
        vec_push(p->arena, &p->outputs, d);
        map_put(&p->output_map, d->name, d);
    }
}

/* Register sections, parameters, definitions and decisions from index `from` on. */
static void declare_items(Program *p, int from)
{
    for (int i = from; i < p->decls.n; i++) {
        Decl *d = p->decls.v[i];
        if (d->kind == D_FOR) {
            declare_section(p, d);
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
        if (!d->section) {
            if (d->kind != D_LET) {
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
        Section *sect = program_section_of(p, d);
        if (sect)   /* (else the section itself was in error) */
            declare_item(p, d, sect);
    }
}

/* Check a section's `where` with the subject in scope. */
static void check_section_where(Checker *ck, Decl *d)
{
    Section *sect = program_section(ck->p, d->name);
    if (!sect || sect->decl != d)
        return;
    Scope s = {0};
    s.ck = ck;
    s.p = ck->p;
    s.file = d->file;
    sect->filter = arena_alloc(ck->p->arena, sizeof *sect->filter);
    *sect->filter = (Sym){.kind = S_LET, .name = "where", .decl = d, .sect = sect};
    s.owner = sect->filter;
    check_push_frame(&s, sect->rec->name, sect->rec->type, true, d->loc);
    check_expect(&s, d->u.sect.where, ck->p->t_bool, "a `where` condition");
}

/* Check the bodies of the declarations from `from` on. */
static void check_bodies(Checker *ck, int from)
{
    Program *p = ck->p;
    for (int i = from; i < p->decls.n; i++) {
        Decl *d = p->decls.v[i];
        if (d->kind == D_FOR && d->u.sect.where)
            check_section_where(ck, d);
        if (d->sym && (d->kind == D_LET || d->kind == D_PARAM || d->kind == D_DECIDE || d->kind == D_DEADLINE ||
                       d->kind == D_QUORUM || d->kind == D_LADDER))
            check_item(ck, d->sym);
        if (d->kind == D_RECORD) {
            Record *r = d->u.record;
            for (int k = 0; k < r->fields.n; k++) {
                Field *f = r->fields.v[k];
                if (f->kind == FIELD_COMPUTED)
                    check_computed(ck, r, f);
            }
        }
    }
}

/* Report the cycle that closes at stack[top] -> sym, where sym is on the stack. */
static void report_cycle(Program *p, Sym **stack, int top, Sym *sym)
{
    int i = top;
    while (i > 0 && stack[i] != sym)
        i--;
    const char *path = "";  /* in the arena: long names must not overrun a fixed buffer */
    for (int j = i; j <= top && strlen(path) < 448; j++)
        path = arena_printf(p->arena, "%s%s -> ", path, stack[j]->name);
    path = arena_printf(p->arena, "%s%s", path, sym->name);
    diag_error(p->diags, sym->decl->file, sym->decl->nloc, "a definition cannot depend on itself, directly or through others",
               "`%s` is defined in terms of itself: %s", sym->name, path);
    for (int j = i; j <= top; j++)
        stack[j]->state = 3;
}

enum { ON_PATH = 4, VISITED = 3 };

/* Report cycles between lets and decisions reachable from root, depth first
   with an explicit stack (a chain of a million definitions is fine). */
static void find_cycles(Program *p, Sym *root)
{
    if (root->state == VISITED)
        return;
    Arena *a = arena_new();
    int cap = 64, n = 0;
    Sym **stack = arena_array(a, (size_t)cap, sizeof *stack);
    int *next = arena_array(a, (size_t)cap, sizeof *next);
    stack[n] = root;
    next[n++] = 0;
    root->state = ON_PATH;
    while (n > 0) {
        Sym *s = stack[n - 1];
        if (next[n - 1] >= s->deps.n) {
            s->state = VISITED;
            n--;
            continue;
        }
        Sym *dep = s->deps.v[next[n - 1]++];
        if (dep->state == VISITED || dep->kind == S_PARAM)
            continue;
        if (dep->state == ON_PATH) {
            report_cycle(p, stack, n - 1, dep);
            next[n - 1] = s->deps.n;    /* stop following this one's definitions */
            continue;
        }
        if (n == cap) {
            Sym **ns = arena_array(a, (size_t)cap * 2, sizeof *ns);
            int *nn = arena_array(a, (size_t)cap * 2, sizeof *nn);
            memcpy(ns, stack, (size_t)cap * sizeof *ns);
            memcpy(nn, next, (size_t)cap * sizeof *nn);
            stack = ns;
            next = nn;
            cap *= 2;
        }
        dep->state = ON_PATH;
        stack[n] = dep;
        next[n++] = 0;
    }
    arena_free(a);
}

/* Declare, resolve and type-check the declarations from index `from` on.
   Returns the number of new errors. */
int check_program(Program *p, int from)
{
    Checker ck = {p, 0, false, false};
    int before = p->diags->errors;
    declare_types(p, from);
    declare_items(p, from);
    if (p->diags->errors != before && diag_full(p->diags))
        return p->diags->errors - before;
    check_bodies(&ck, from);
    for (int i = from; i < p->decls.n; i++) {
        Decl *d = p->decls.v[i];
        if (d->sym && (d->sym->kind == S_LET || d->sym->kind == S_DECISION) && d->sym->decl == d)
            find_cycles(p, d->sym);
    }
    for (int i = from; i < p->decls.n; i++) {
        Decl *d = p->decls.v[i];
        if (d->kind == D_TEST)
            check_tests(&ck, d);
    }
    return p->diags->errors - before;
}

/* Warn about parameters and definitions of the main file that nothing uses. */
void check_unused(Program *p)
{
    for (int i = 0; i < p->decls.n; i++) {
        Decl *d = p->decls.v[i];
        if (d->file != p->main || !d->sym || d->sym->used || d->sym->decl != d)
            continue;
        if (d->kind == D_PARAM)
            diag_warning(p->diags, d->file, d->nloc, "remove it, or use it in a rule", "parameter `%s` is never used", d->name);
        else if (d->kind == D_LET)
            diag_warning(p->diags, d->file, d->nloc, "remove it, or use it in a rule", "definition `%s` is never used", d->name);
    }
}

/* Whether a decision cites a clause: itself, or one of its branches. */
static bool cites(const Decl *d)
{
    if (d->u.dec.cite)
        return true;
    for (int i = 0; i < d->u.dec.branches.n; i++)
        if (((const Branch *)d->u.dec.branches.v[i])->cite)
            return true;
    return false;
}

/* Warn about decisions of the policy file that cite no clause. */
void check_cites(Program *p)
{
    for (int i = 0; i < p->outputs.n; i++) {
        const Decl *d = p->outputs.v[i];
        if (d->file == p->main && !cites(d))
            diag_warning(p->diags, d->file, d->nloc,
                         arena_printf(p->arena, "add the clause it comes from after its type, e.g. `cite \"§2.3\"`"),
                         "`%s` cites no clause of the policy document", d->name);
    }
}
