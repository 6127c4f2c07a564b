/* usage.c: which records a program reads. */
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
