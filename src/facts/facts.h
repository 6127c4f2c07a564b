/* facts.h: the fact-source interface. A FactSource is an open store of case
   facts (the one driver is SQLite, facts/sqlite*.c); a Facts is a reader of
   it for one checked program as of one date, which checks the bindings,
   streams the subjects of a record in key order, and reads related rows and
   whole tables. Sources for fixtures and for the REPL's what-ifs are made by
   the driver; everything else goes through the functions below. */
#ifndef QPL_FACTS_H
#define QPL_FACTS_H

#include <signal.h>
#include "../runtime/value.h"
#include "../util/strbuf.h"

typedef struct FactSource FactSource;
typedef struct Facts Facts;
typedef struct Stream Stream;
typedef struct Partition Partition;
typedef struct FactRange FactRange;

/* A problem met while evaluating: bad data in a row (a run may go on past
   it, with --keep-going), a failure of the source itself, or a limit of qpl's
   (both stop the run). */
typedef enum { FAULT_NONE, FAULT_DATA, FAULT_SOURCE, FAULT_LIMIT } FaultKind;

typedef struct Fault {
    FaultKind kind;
    const char *msg;        /* in the arena given to the call that failed */
} Fault;

/* Where a what-if query's rows go: the column names first (as a row), then each row. */
typedef struct RowSink {
    void *ctx;
    void (*row)(void *ctx, int ncol, const char *const *cells);
} RowSink;

/* An error of an overlay operation, for the REPL to show (sb_free its msg). */
typedef struct FactError {
    Sb msg;
    const char *hint;       /* NULL when there is none */
} FactError;

/* What a driver provides (each operation's contract is at its function below). */
typedef struct FactOps {
    int     (*check)(FactSource *fs, const Program *p, bool every_column, Diags *d);
    int     (*check_values)(FactSource *fs, const Program *p, Diags *d);
    Facts  *(*reader)(FactSource *fs, const Program *p, qdate as_of, bool every_column, Arena *run);
    void    (*reader_free)(Facts *f);
    Stream *(*subjects)(Facts *f, const Record *r, const char *only_id);
    Row    *(*next)(Stream *s, Arena *a, Fault *fault);
    void    (*stream_free)(Stream *s);
    Value   (*link)(Facts *f, Row *row, const Field *fld, Arena *a, Fault *fault);
    Value   (*table)(Facts *f, const Record *r, Fault *fault);
    FactSource *(*overlay)(FactSource *fs, FactError *err);
    int     (*whatif)(FactSource *ov, const char *sql, const RowSink *rows, int *changes, FactError *err);
    int     (*reset)(FactSource *ov, FactError *err);
    int     (*touched)(FactSource *ov, const Program *p, const Record *r, Arena *a, Vec *keys, FactError *err);
    int     (*whatif_set)(FactSource *ov, const char *table, const char *assign, const char *cond, int *changes,
                          FactError *err);
    const char *(*hint)(Facts *f);
    void    (*watch)(FactSource *fs, volatile sig_atomic_t *stop);
    void    (*interrupt)(FactSource *fs);
    void    (*close)(FactSource *fs);
    /* Reading a record's subjects in parts, on other threads (qpl eval --jobs). */
    FactSource *(*reopen)(FactSource *fs);
    Partition *(*partition)(Facts *f, const Record *r, long size);
    const FactRange *(*partition_next)(Partition *pt, Arena *a, Fault *fault);
    void    (*partition_free)(Partition *pt);
    Stream *(*subjects_range)(Facts *f, const Record *r, const FactRange *range);
    bool    (*shared_snapshot)(Facts *f);
} FactOps;

/* The first member of every driver's source and reader; a driver's Stream
   and Partition start with a pointer to its reader. */
struct FactSource {
    const FactOps *ops;
    const char *name;       /* for messages: the database's file name */
};
struct Facts {
    const FactOps *ops;
    const char *ahead_hint;     /* the hint of a fault met reading ahead, met again here (facts_link) */
};

/* A fault met reading a link of a row ahead of its evaluation, kept with the
   row (Row.ahead) until the link is read (facts_read_ahead). */
typedef struct AheadFault {
    struct AheadFault *next;
    int field;              /* the link's index among its record's fields */
    Fault fault;
    const char *hint;
} AheadFault;

/* Check every record the program reads against the source: its table, and
   the columns the program uses (every_column: every column its record binds).
   0 when fine; errors reported to d. (Values are checked as they are read.) */
int     facts_check(FactSource *fs, const Program *p, bool every_column, Diags *d);
/* Scan the values of the columns the program uses for ones of the wrong
   storage type (`qpl check --db`: evaluation finds them as it reads). */
int     facts_check_values(FactSource *fs, const Program *p, Diags *d);
/* A reader of the program's facts as they stood on as_of; what it reads for
   the whole run (whole tables) lives in run. It reads the columns the
   program uses (every_column: also the other columns its records bind that
   the table has, to show whole rows; those it lacks read as missing, "the
   database has no such column"). */
Facts  *facts_reader(FactSource *fs, const Program *p, qdate as_of, bool every_column, Arena *run);
void    facts_reader_free(Facts *f);
/* Stream the rows of record r in key order (only_id: just that key). */
Stream *facts_subjects(Facts *f, const Record *r, const char *only_id);
/* The next row of the stream dated on or before as-of, in arena a; NULL at
   the end or on a fault (then fault->kind is set). */
Row    *facts_next(Stream *s, Arena *a, Fault *fault);
void    facts_stream_free(Stream *s);
/* A link field of a row: a list of rows (many) or one row (one, missing when
   there is none). Cached on the row unless it is persistent. */
Value   facts_link(Facts *f, Row *row, const Field *fld, Arena *a, Fault *fault);
/* Every visible row of a record's table, read once per reader. */
Value   facts_table(Facts *f, const Record *r, Fault *fault);
/* Read, on f, every many link of subject row the program reads (in arena
   a), for the row to be evaluated on another reader of the same database: a
   fault met is kept with the row, and met when facts_link reads the link,
   as if it were read then. */
void    facts_read_ahead(Facts *f, Row *row, Arena *a);
/* Whether another connection's reader (facts_reopen) sees what f sees, for
   the whole run: no other program can change the database meanwhile. */
bool    facts_shared_snapshot(Facts *f);
/* Say hint (NULL: none) about the next source fault of f to be reported: that
   of a fault met reading ahead on another reader. */
void    facts_forward_hint(Facts *f, const char *hint);
/* A what-if overlay over fs: a source that reads like fs and that what-if
   statements change, leaving fs itself as it is. NULL with a message in err. */
FactSource *facts_overlay(FactSource *fs, FactError *err);
/* Run one statement typed by the user on an overlay: a query's rows go to
   rows; a change sets *changes. 0, 1 for a query, -1 with a message in err. */
int     facts_whatif(FactSource *ov, const char *sql, const RowSink *rows, int *changes, FactError *err);
/* On an overlay, `UPDATE table SET assign WHERE cond` (cond NULL: every
   row), typed by the user, with the rows found first (so that a condition
   with a subquery finds them through the table's indexes); as facts_whatif. */
int     facts_whatif_set(FactSource *ov, const char *table, const char *assign, const char *cond, int *changes,
                         FactError *err);
/* Undo every change made to an overlay. 0, or -1 with a message in err. */
int     facts_overlay_reset(FactSource *ov, FactError *err);
/* After what-ifs on an overlay: the keys of record r's rows whose facts
   they may have changed (the old and new versions of the rows changed, and
   rows linked to those through the links the program reads), as text in
   arena a, in *keys. 1 when that is known; 0 when every row may have (a
   changed table is read whole, or r has no key); -1 with a message in err. */
int     facts_touched(FactSource *ov, const Program *p, const Record *r, Arena *a, Vec *keys, FactError *err);
/* What to do about the last failure of the source that a reader met (a
   fault of kind FAULT_SOURCE), or NULL when there is nothing to say. */
const char *facts_hint(Facts *f);
/* Interrupt whatever reads the source while *stop is set (checked as it
   reads; stop NULL: no longer). */
void    facts_watch(FactSource *fs, volatile sig_atomic_t *stop);
/* Interrupt what reads the source now; safe to call from a signal handler.
   (A read interrupted fails with the fault "interrupted".) */
void    facts_interrupt(FactSource *fs);
void    facts_close(FactSource *fs);

/* Reading a record's subjects in parts, each by a reader of its own on a
   thread of its own (qpl eval --jobs). A FactRange is a range of keys,
   [lo, hi) in the order facts_subjects streams them; it is plain data, read
   by any reader of the same database. */

/* Another connection to the same database, opened as fs was (read-only, as
   unchanging when fs is), for readers on another thread: a source and its
   readers are used by one thread at a time. NULL after a message on stderr,
   or at once (no message) when the source cannot be opened again. */
FactSource *facts_reopen(FactSource *fs);
/* Split the subjects of record r into ranges of about size rows each, in
   key order, to be read with facts_subjects_range by readers of sources
   opened with facts_reopen, which then read only the rows of their range
   (the subjects, and the rows their many links merge in). NULL when r's
   subjects cannot be read that way, or not well (no key, NULL keys, no
   index on the key or on a linking column, a database another program may
   be writing in WAL mode): then read them with facts_subjects. */
Partition *facts_partition(Facts *f, const Record *r, long size);
/* The next range of a partition, in arena a (it lives as long as a's
   contents); NULL after the last, or on a fault (then fault->kind is set). */
const FactRange *facts_partition_next(Partition *pt, Arena *a, Fault *fault);
void    facts_partition_free(Partition *pt);
/* Stream the rows of record r whose keys are in range, in key order (as
   facts_subjects would stream them), their many links merged in as
   facts_link reads them; facts_next and facts_stream_free as for any stream. */
Stream *facts_subjects_range(Facts *f, const Record *r, const FactRange *range);

#endif
