/* program.c: the lifecycle of a checked program (new, load, add source,
   checkpoint and roll back, free) and lookups by name. */
#include <stdlib.h>
#include <string.h>
#include "../front/parse.h"
#include "../util/mem.h"
#include "check.h"
#include "load.h"
#include "types.h"

/* An empty program: the built-in types and `as_of` only. */
Program *program_new(Diags *d)
{
    Program *p = xcalloc(1, sizeof *p);
    p->arena = arena_new();
    p->diags = d;
    types_init(p);
    Sym *asof = arena_alloc(p->arena, sizeof *asof);
    asof->kind = S_ASOF;
    asof->name = "as_of";
    asof->type = p->t_date;
    vec_push(p->arena, &p->symlist, asof);
    map_put(&p->syms, asof->name, asof);
    return p;
}

/* Load and check a policy file with its modules; NULL only when the file cannot be read. */
Program *program_load(const char *path, Diags *d)
{
    Program *p = program_new(d);
    if (!load_program(p, path)) {
        program_free(p);
        return NULL;
    }
    check_program(p, 0);
    load_calendar(p);
    return p;
}

/* Parse more source (typed at the REPL) into decls, items going into section
   sect; nothing is added to the program yet. Returns the number of errors. */
int program_parse(Program *p, const SourceFile *f, const char *prefix, Section *sect, Vec *decls)
{
    return parse_text(p->arena, p->diags, f, prefix, sect ? sect->decl : NULL, decls);
}

/* Add parsed declarations to the program and check them. Returns the number
   of new errors (the caller rolls back to a mark to undo a failed addition). */
int program_add(Program *p, Vec *decls)
{
    int from = p->decls.n;
    for (int i = 0; i < decls->n; i++)
        vec_push(p->arena, &p->decls, decls->v[i]);
    return check_program(p, from);
}

/* Note how much the program holds, to roll back to. */
void program_mark(Program *p, ProgramMark *m)
{
    m->decls = p->decls.n;
    m->files = p->files.n;
    m->scales = p->scales.n;
    m->records = p->records.n;
    m->params = p->params.n;
    m->globals = p->globals.n;
    m->sections = p->sections.n;
    m->outputs = p->outputs.n;
    m->tests = p->tests.n;
    m->closures = p->closures.n;
    m->symlist = p->symlist.n;
    m->syms = p->syms.n;
    m->scale_map = p->scale_map.n;
    m->record_map = p->record_map.n;
    m->output_map = p->output_map.n;
    m->nsect = p->sections.n;
    m->lets = xcalloc((size_t)m->nsect + 1, sizeof *m->lets);
    m->outs = xcalloc((size_t)m->nsect + 1, sizeof *m->outs);
    m->names = xcalloc((size_t)m->nsect + 1, sizeof *m->names);
    for (int i = 0; i < m->nsect; i++) {
        Section *s = p->sections.v[i];
        m->lets[i] = s->lets.n;
        m->outs[i] = s->outputs.n;
        m->names[i] = s->names.n;
    }
}

/* Undo everything added to the program since the mark, and free the mark.
   (Memory stays in the program's arena until the program is freed.) */
void program_rollback(Program *p, ProgramMark *m)
{
    p->decls.n = m->decls;
    p->files.n = m->files;
    p->scales.n = m->scales;
    p->records.n = m->records;
    p->params.n = m->params;
    p->globals.n = m->globals;
    p->outputs.n = m->outputs;
    p->tests.n = m->tests;
    p->closures.n = m->closures;
    p->symlist.n = m->symlist;
    map_rollback(&p->syms, m->syms);
    map_rollback(&p->scale_map, m->scale_map);
    map_rollback(&p->record_map, m->record_map);
    map_rollback(&p->output_map, m->output_map);
    for (int i = m->nsect; i < p->sections.n; i++)
        map_free(&((Section *)p->sections.v[i])->names);
    p->sections.n = m->sections;
    for (int i = 0; i < m->nsect; i++) {
        Section *s = p->sections.v[i];
        s->lets.n = m->lets[i];
        s->outputs.n = m->outs[i];
        map_rollback(&s->names, m->names[i]);
    }
    program_mark_free(m);
}

/* Free a mark that will not be rolled back to. */
void program_mark_free(ProgramMark *m)
{
    free(m->lets);
    free(m->outs);
    free(m->names);
    memset(m, 0, sizeof *m);
}

/* Free a program, its calendar and everything in its arena. */
void program_free(Program *p)
{
    if (!p)
        return;
    if (p->cal)
        calendar_free(p->cal);
    for (int i = 0; i < p->sections.n; i++)
        map_free(&((Section *)p->sections.v[i])->names);
    map_free(&p->syms);
    map_free(&p->scale_map);
    map_free(&p->record_map);
    map_free(&p->output_map);
    arena_free(p->arena);
    free(p);
}

/* A global symbol by name. */
Sym *program_find(const Program *p, const char *name)
{
    return map_get(&p->syms, name);
}

/* The section deciding about subject kind `subject`. */
Section *program_section(const Program *p, const char *subject)
{
    for (int i = 0; i < p->sections.n; i++) {
        Section *s = p->sections.v[i];
        if (strcmp(s->rec->name, subject) == 0)
            return s;
    }
    return NULL;
}

/* The section a declaration belongs to. */
Section *program_section_of(const Program *p, const Decl *d)
{
    for (int i = 0; d->section && i < p->sections.n; i++)
        if (((Section *)p->sections.v[i])->decl == d->section)
            return p->sections.v[i];
    return NULL;
}

/* The decision named `name`, of any section. */
Decl *program_output(const Program *p, const char *name)
{
    return map_get(&p->output_map, name);
}

/* The record declared as `name`. */
Record *program_record(const Program *p, const char *name)
{
    return map_get(&p->record_map, name);
}

/* The scale or enumeration declared as `name`. */
Decl *program_scale(const Program *p, const char *name)
{
    return map_get(&p->scale_map, name);
}

/* A let or decision of a section, by name. */
Sym *section_find(const Section *s, const char *name)
{
    return map_get(&s->names, name);
}

/* A record's field by name. */
Field *record_field(const Record *r, const char *name)
{
    for (int i = 0; i < r->fields.n; i++) {
        Field *f = r->fields.v[i];
        if (strcmp(f->name, name) == 0)
            return f;
    }
    return NULL;
}

/* The policy's declared name. */
const char *program_name(const Program *p)
{
    return p->policy ? p->policy->name : "";
}

/* Index of a value in a scale, or -1. */
int scale_index(const Decl *scale, const char *word)
{
    for (int i = 0; i < scale->u.scale.values.n; i++)
        if (strcmp(scale->u.scale.values.v[i], word) == 0)
            return i;
    return -1;
}

/* Whether the string v is the n bytes of text (which may hold a NUL). */
static bool same_text(const char *v, const char *text, size_t n)
{
    return (n ? v[0] == text[0] : !v[0]) && strlen(v) == n && memcmp(v, text, n) == 0;
}

/* Index of a code read from data: a value name or a display alias, or -1. */
int scale_lookup(const Decl *scale, const char *text, size_t n)
{
    for (int i = 0; i < scale->u.scale.values.n; i++) {
        const char *v = scale->u.scale.values.v[i], *al = scale->u.scale.aliases.v[i];
        if (same_text(v, text, n) || (al && same_text(al, text, n)))
            return i;
    }
    return -1;
}
