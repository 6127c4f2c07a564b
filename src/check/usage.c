/* usage.c: which records, and which of their columns, a program reads. */
#include "usage.h"

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
