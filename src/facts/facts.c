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

/* The next row of a stream. */
Row *facts_next(Stream *s, Arena *a, Fault *fault)
{
    Facts **owner = (Facts **)s;    /* every driver's stream starts with its reader */
    return (*owner)->ops->next(s, a, fault);
}

/* Free a stream. */
void facts_stream_free(Stream *s)
{
    if (!s)
        return;
    Facts **owner = (Facts **)s;
    (*owner)->ops->stream_free(s);
}

/* A link field of a row. */
Value facts_link(Facts *f, Row *row, const Field *fld, Arena *a, Fault *fault)
{
    return f->ops->link(f, row, fld, a, fault);
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

/* What to do about the last source failure a reader met. */
const char *facts_hint(Facts *f)
{
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
