/* usage.c: which records, and which of their columns, a program reads, and
   which parameters its decisions depend on. */
#include <stdlib.h>
#include "../util/mem.h"
#include "usage.h"

/* Add to read every record linked from one already in it. */
static void add_linked(const Program *p, bool *read)
{
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = 0; i < p->records.n; i++) {
            const Record *r = p->records.v[i];
            for (int k = 0; read[i] && k < r->fields.n; k++) {
                const Field *f = r->fields.v[k];
                if ((f->kind == FIELD_MANY || f->kind == FIELD_ONE) && f->rec_target && !read[f->rec_target->index]) {
                    read[f->rec_target->index] = true;
                    changed = true;
                }
            }
        }
    }
}

/* Mark the records read: sections' subjects, tables named, and what they link to. */
void usage_records(const Program *p, bool *read)
{
    for (int i = 0; i < p->records.n; i++)
        read[i] = false;
    for (int i = 0; i < p->sections.n; i++)
        read[((Section *)p->sections.v[i])->rec->index] = true;
    for (int i = 0; i < p->symlist.n; i++) {
        const Sym *s = p->symlist.v[i];
        if (s->kind == S_TABLE && s->used)
            read[s->rec->index] = true;
    }
    add_linked(p, read);
}

/* Mark the records read as whole tables, and what they link to. */
void usage_whole(const Program *p, bool *whole)
{
    for (int i = 0; i < p->records.n; i++)
        whole[i] = false;
    for (int i = 0; i < p->symlist.n; i++) {
        const Sym *s = p->symlist.v[i];
        if (s->kind == S_TABLE && s->used)
            whole[s->rec->index] = true;
    }
    add_linked(p, whole);
}

/* Mark in read[k] each column field k of record r that is read: those some
   expression uses, and those that key, date, name or link its rows. */
void usage_columns(const Program *p, const Record *r, bool *read)
{
    for (int k = 0; k < r->fields.n; k++) {
        const Field *f = r->fields.v[k];
        read[k] = f->kind == FIELD_COLUMN && (f->used || k == r->key_index || k == r->dated_index ||
                                              k == r->named_index || k == r->parent_index);
    }
    for (int k = 0; k < r->fields.n; k++) {
        const Field *f = r->fields.v[k];
        if (f->kind == FIELD_ONE && f->by_index >= 0)
            read[f->by_index] = true;
    }
    for (int i = 0; i < p->records.n; i++) {
        const Record *o = p->records.v[i];
        for (int k = 0; k < o->fields.n; k++) {
            const Field *f = o->fields.v[k];
            if (f->kind == FIELD_MANY && f->rec_target == r && f->by_index >= 0)
                read[f->by_index] = true;
        }
    }
}

/* Add sym to an open-addressed set of cap slots (a power of two); false
   when it was there already. */
static bool set_add(const Sym **set, size_t cap, const Sym *sym)
{
    size_t h = ((size_t)sym >> 4) * 0x9E3779B97F4A7C15u;
    for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
        if (set[i] == sym)
            return false;
        if (!set[i]) {
            set[i] = sym;
            return true;
        }
    }
}

/* Whether the definition of sym reads a parameter marked in changed (by the
   parameter's index), itself or through the lets and decisions it uses. */
bool usage_reads_params(const Program *p, const Sym *sym, const bool *changed)
{
    if (p->params_anywhere)
        return true;
    size_t names = (size_t)p->symlist.n, cap = 64;
    for (int i = 0; i < p->sections.n; i++)
        names += (size_t)((const Section *)p->sections.v[i])->lets.n;
    while (cap < 2 * names + 64)
        cap *= 2;
    const Sym **seen = xcalloc(cap, sizeof *seen), **stack = xcalloc(cap, sizeof *stack);
    int n = 0;
    bool yes = false;
    set_add(seen, cap, sym);
    stack[n++] = sym;
    while (n > 0 && !yes) {
        const Sym *s = stack[--n];
        for (int i = 0; i < s->deps.n && !yes; i++) {
            const Sym *d = s->deps.v[i];
            if (d->kind == S_PARAM)
                yes = changed[d->slot];
            else if ((size_t)n < cap / 2 && set_add(seen, cap, d))
                stack[n++] = d;
            else if ((size_t)n >= cap / 2)
                yes = true;     /* (more than the set holds: say it may) */
        }
    }
    free(seen);
    free(stack);
    return yes;
}
