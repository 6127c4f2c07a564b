/* facts.c: the fact-source interface, dispatching to the driver of a source. */
#include "facts.h"

/* Check the bindings of the records the program reads. */
int facts_check(FactSource *fs, const Program *p, bool every_column, Diags *d)
{
    return fs->ops->check(fs, p, every_column, d);
}

/* Scan the values of the columns the program uses. */
int facts_check_values(FactSource *fs, const Program *p, Diags *d)
{
    return fs->ops->check_values(fs, p, d);
}

/* A reader of the program's facts as of a date. */
Facts *facts_reader(FactSource *fs, const Program *p, qdate as_of, bool every_column, Arena *run)
{
    return fs->ops->reader(fs, p, as_of, every_column, run);
}

/* Free a reader. */
void facts_reader_free(Facts *f)
{
    if (f)
        f->ops->reader_free(f);
}

/* Stream a record's rows in key order. */
Stream *facts_subjects(Facts *f, const Record *r, const char *only_id)
{
    return f->ops->subjects(f, r, only_id);
}

/* The operations of the reader that a driver's stream or partition starts with. */
static const FactOps *owner_ops(void *handle)
{
    return (*(Facts **)handle)->ops;
}

/* The next row of a stream. */
Row *facts_next(Stream *s, Arena *a, Fault *fault)
{
    return owner_ops(s)->next(s, a, fault);
}

/* Free a stream. */
void facts_stream_free(Stream *s)
{
    if (!s)
        return;
    owner_ops(s)->stream_free(s);
}

/* A link field of a row (with the fault met reading it ahead, if one was). */
Value facts_link(Facts *f, Row *row, const Field *fld, Arena *a, Fault *fault)
{
    for (AheadFault **at = &row->ahead; *at; at = &(*at)->next) {
        if ((*at)->field != fld->index)
            continue;
        if (fault->kind == FAULT_NONE) {
            *fault = (*at)->fault;
            facts_forward_hint(f, (*at)->hint);
        }
        *at = (*at)->next;
        break;
    }
    return f->ops->link(f, row, fld, a, fault);
}

/* Read a subject row's many links ahead of its evaluation. */
void facts_read_ahead(Facts *f, Row *row, Arena *a)
{
    const Record *r = row->rec;
    for (int i = 0; i < r->fields.n; i++) {
        const Field *fld = r->fields.v[i];
        if (fld->kind != FIELD_MANY || !fld->used)
            continue;
        Fault fault = {FAULT_NONE, NULL};
        f->ops->link(f, row, fld, a, &fault);
        if (fault.kind == FAULT_NONE)
            continue;
        AheadFault *k = arena_alloc(a, sizeof *k);
        const char *hint = fault.kind == FAULT_SOURCE ? facts_hint(f) : NULL;
        k->field = i;
        k->fault = (Fault){fault.kind, fault.msg ? arena_strdup(a, fault.msg) : NULL};
        k->hint = hint ? arena_strdup(a, hint) : NULL;
        k->next = row->ahead;
        row->ahead = k;
    }
}

/* Whether a reader on another connection sees what f sees. */
bool facts_shared_snapshot(Facts *f)
{
    return f->ops->shared_snapshot && f->ops->shared_snapshot(f);
}

/* Forward the hint of a fault met ahead, for the next fault reported. */
void facts_forward_hint(Facts *f, const char *hint)
{
    f->ahead_hint = hint;
}

/* Every row of a record's table. */
Value facts_table(Facts *f, const Record *r, Fault *fault)
{
    return f->ops->table(f, r, fault);
}

/* A what-if overlay over a source. */
FactSource *facts_overlay(FactSource *fs, FactError *err)
{
    return fs->ops->overlay(fs, err);
}

/* Run a what-if statement on an overlay. */
int facts_whatif(FactSource *ov, const char *sql, const RowSink *rows, int *changes, FactError *err)
{
    return ov->ops->whatif(ov, sql, rows, changes, err);
}

/* Undo an overlay's changes. */
int facts_overlay_reset(FactSource *ov, FactError *err)
{
    return ov->ops->reset(ov, err);
}

/* Update rows of an overlay's table where a condition holds. */
int facts_whatif_set(FactSource *ov, const char *table, const char *assign, const char *cond, int *changes, FactError *err)
{
    return ov->ops->whatif_set(ov, table, assign, cond, changes, err);
}

/* The keys of a record's rows that the what-ifs on an overlay may have changed. */
int facts_touched(FactSource *ov, const Program *p, const Record *r, Arena *a, Vec *keys, FactError *err)
{
    return ov->ops->touched(ov, p, r, a, keys, err);
}

/* What to do about the last source failure a reader met. */
const char *facts_hint(Facts *f)
{
    if (f->ahead_hint)
        return f->ahead_hint;
    return f->ops->hint(f);
}

/* Interrupt reads of a source while *stop is set. */
void facts_watch(FactSource *fs, volatile sig_atomic_t *stop)
{
    fs->ops->watch(fs, stop);
}

/* Interrupt what reads a source now (from a signal handler too). */
void facts_interrupt(FactSource *fs)
{
    if (fs)
        fs->ops->interrupt(fs);
}

/* Close a source. */
void facts_close(FactSource *fs)
{
    if (fs)
        fs->ops->close(fs);
}

/* Reading subjects in parts (qpl eval --jobs). */

/* Another connection to a source's database, for another thread. */
FactSource *facts_reopen(FactSource *fs)
{
    return fs->ops->reopen ? fs->ops->reopen(fs) : NULL;
}

/* Split a record's subjects into key ranges, or NULL. */
Partition *facts_partition(Facts *f, const Record *r, long size)
{
    return f->ops->partition ? f->ops->partition(f, r, size) : NULL;
}

/* The next key range of a partition. */
const FactRange *facts_partition_next(Partition *pt, Arena *a, Fault *fault)
{
    return owner_ops(pt)->partition_next(pt, a, fault);
}

/* Free a partition. */
void facts_partition_free(Partition *pt)
{
    if (!pt)
        return;
    owner_ops(pt)->partition_free(pt);
}

/* Stream the rows of a record in a key range. */
Stream *facts_subjects_range(Facts *f, const Record *r, const FactRange *range)
{
    return f->ops->subjects_range(f, r, range);
}
