/* sqlite_int.h: the SQLite driver's structures, shared by its files.
   Private to src/facts/. */
#ifndef QPL_SQLITE_INT_H
#define QPL_SQLITE_INT_H

#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include "facts.h"

typedef struct SqlSource {
    FactSource base;
    sqlite3 *db;
    struct SqlSource *orig; /* an overlay: the source it copies */
    bool user_sql;          /* a statement typed by the user is being run (the authorizer checks it) */
    Sb denied;              /* what the authorizer refused last, for the message ("" when nothing) */
    bool snapshot;          /* a case database: each reader reads it in one read transaction */
    int readers;            /* readers open on it (the transaction ends with the last) */
    bool immutable;         /* opened as unchanging (a WAL database with no -wal file; see sqlite.c) */
    char *path;             /* a case database: the file, to tell whether it changed */
    struct stat st;         /* ... and how it was when opened */
    volatile sig_atomic_t *stop;    /* set by a signal handler: interrupt what runs on it (progress handler) */
    char **shadowed;        /* an overlay: the tables what-ifs changed, shadowed (sqlite_shadow.c) */
    char **rows;            /* ... and the names of their "T$rows" views, which qpl reads */
    int nshadowed;
    Sb want;                /* a table a statement typed by the user would change, not shadowed yet */
    long changed_rows;      /* rows the triggers of the shadows changed for the current statement */
} SqlSource;

typedef struct SqlStream SqlStream;

/* The columns of a record that a reader selects, after the row's identity:
   its rowid, or for a WITHOUT ROWID table its primary key quoted as text
   (views have none: NULL). */
typedef struct Cols {
    int n;
    int *field;             /* the field index of each selected column */
    char *list;             /* "rowid, \"a\", ..." (sqlite3_free) */
    char *order;            /* the row order among equal keys: "rowid", or the primary key (sqlite3_free) */
    bool rowid;             /* the identity is the rowid (NULL for a view), not a WITHOUT ROWID table's primary key */
    bool *absent;           /* [field]: every_column, a column no rule reads that the table lacks */
    int key_col;            /* the key's position among them, or -1 */
    Value *blank;           /* [field]: a row's values before its cells are decoded */
} Cols;

/* One value of a selected row (text points into the statement or a held row). */
typedef struct Cell {
    int type;               /* SQLITE_INTEGER, _FLOAT, _TEXT, _BLOB or _NULL */
    sqlite3_int64 i;
    double d;
    const char *s;
    int len;
} Cell;

typedef struct HeldRow HeldRow;
typedef struct Slab Slab;

/* Cell types of values already decoded (in i) by a scan that held the row back. */
enum { CELL_DATE = 16, CELL_CODE = 17 };

/* The rows a scan holds back, by rowid (sqlite_held.c). */
typedef struct Held {
    HeldRow **ring;         /* [rowid % cap]: the rows held, all in [base, end) */
    size_t cap, n;
    sqlite3_int64 base, end;
    sqlite3_int64 *skip;    /* a min-heap of rowids to skip when the scan reaches them */
    int nskip, capskip;
    Slab *slab;             /* where rows are being carved from */
    HeldRow *taken;         /* the row handed out last */
    Cell *pre;              /* scratch: a row's cells, decoded for packing */
    int npre;
    size_t *bytes;          /* the reader's count of memory held */
} Held;

/* A table read once in rowid order, rows passed over held back (sqlite_scan.c). */
typedef struct Scan {
    struct SqlFacts *f;
    const Record *rec;
    const Cols *cols;
    sqlite3_stmt *seq, *seek;
    sqlite3_int64 pos;      /* the rowid of seq's current row */
    bool on_row;            /* seq is on a row not yet handed out or held back */
    bool ended, seeking;    /* seq is done; rows are fetched by rowid instead */
    Held held;
    Cell *cells, *hcells;   /* the cells of seq's row, and of the held row handed out */
    int order_col;          /* the cell of the column its guide orders the rows by */
    bool sought;            /* seek is on the row with rowid at_sought, peeked (scan_peek) */
    sqlite3_int64 at_sought;
    /* A sparse key range's scan (range_open) reads only the rows listed,
       in rowid order: pos, and the rows held and skipped, are then their
       places in the list, not rowids. */
    sqlite3_int64 *ids;     /* the rowids of the range's rows, ascending (NULL: the whole table) */
    size_t nids, next;      /* how many; the place of the next one to read */
} Scan;

/* One row of a guide: its rowid, and its place in a listed scan. */
typedef struct GuideRow {
    sqlite3_int64 rowid;
    sqlite3_int64 place;    /* its place in the list of its range's scan, or -1 */
} GuideRow;

/* The rowids of a table's rows in the order of a column, from an index on
   it (sqlite_scan.c): read whole (a sparse key range's), or stepped
   through st a batch at a time, so that the rows ahead can be fetched
   into the cache before they are asked for. The column's values are not
   read from the index: they are the rows' own (scan_peek). */
typedef struct Guide {
    sqlite3_stmt *st;       /* NULL once every row is in rows */
    const char *table;      /* for messages */
    bool done;
    GuideRow *rows;         /* the rows read: rows[at] is the current one */
    size_t n, at, cap;
    char *failed;           /* st failed after the batch read: the fault's message, when the batch ends */
    const char *hint;
} Guide;

typedef struct SqlFacts {
    Facts base;
    SqlSource *src;
    const Program *p;
    qdate as_of;
    char as_of_text[16];
    bool every_column;      /* read every column bound, not only those used */
    Arena *run;
    SqlStream *active;      /* the subject stream whose rows are merge-joined */
    Cols *cols;             /* [record index]: the columns read (n < 0 until known) */
    sqlite3_stmt ***lookup; /* [record index][field index]: prepared link lookups */
    Value *tables;          /* [record index]: whole tables read */
    bool *have_table;
    size_t held_bytes, held_budget;     /* rows held back by scans, and the most before seeking */
    const char *hint;       /* what to do about the last source fault, or NULL */
    const char *begin_failed;   /* the read transaction could not start: why (reported at the first read) */
    /* Reading key ranges (sqlite_range.c): what stays prepared from one range to the next. */
    Map range_stmts;        /* SQL -> statement of range streams (reset between ranges) */
    Map range_guided;       /* "table\037column" -> fsql_guided's answer + 1 */
} SqlFacts;

/* How a many link's rows are found for each subject, in the linking column's order. */
typedef struct Cursor {
    const char *table;      /* the linked table, for messages */
    bool started, guided;
    Guide g;                /* guided: the index on the linking column, and the table's scan */
    Scan sc;
    sqlite3_stmt *st;       /* otherwise: the rows ordered by the linking column */
    bool done;
} Cursor;

/* One end of a key range: a key as SQLite stores it (text and blobs copied). */
typedef struct Bound {
    int type;               /* SQLITE_INTEGER, _FLOAT, _TEXT or _BLOB; 0 when the range has no such end */
    sqlite3_int64 i;
    double d;
    const char *s;
    int len;
} Bound;

/* A range of keys [lo, hi), in SQLite's order with the BINARY collation (a
   FactRange of facts.h). */
typedef struct SqlRange {
    Bound lo, hi;
} SqlRange;

struct SqlStream {
    SqlFacts *f;            /* first: facts.c finds the reader through it */
    const SqlRange *range;  /* only the rows whose keys are in it (facts_subjects_range), or NULL */
    const Record *rec;
    const Cols *cols;
    bool guided;
    Guide g;                /* guided: the key index and the table's scan */
    Scan sc;
    sqlite3_stmt *st;       /* otherwise: the rows in key order */
    const char *only_id;
    bool started;
    bool pending;           /* plain: st is on a row not handed out yet (read ahead for a repeated key) */
    bool ended;             /* plain: st is done */
    Cursor *cur;            /* one per field of rec (many links only) */
};

/* sqlite.c */
SqlSource *fsql_wrap(sqlite3 *db, const char *name);
int   fsql_configure(sqlite3 *db);
sqlite3 *fsql_reopen(const SqlSource *s, Sb *err);
int   fsql_load_schema(sqlite3 *db, Sb *err);
char *fsql_sql(const char *fmt, ...);
char *fsql_str_finish(sqlite3_str *s);
const char *fsql_cause(sqlite3 *db, Arena *a, const char **hint);
void  fsql_failed(SqlFacts *f, const char *table, Arena *a, Fault *fault);
bool  fsql_changed(SqlFacts *f, Arena *a, Fault *fault);
int   fsql_begin(SqlFacts *f);
void  fsql_end(SqlFacts *f);
/* sqlite_ddl.c */
bool  fsql_has_column(sqlite3 *db, const char *t, const char *c);
char *fsql_policy_ddl(sqlite3 *db, const Program *p);
int   fsql_load_policy(sqlite3 *db, const Program *p, Sb *err);
/* sqlite_check.c */
int   fsql_check(FactSource *fs, const Program *p, bool every_column, Diags *d);
int   fsql_check_values(FactSource *fs, const Program *p, Diags *d);
char  fsql_affinity(const char *type);
/* sqlite_decode.c */
const char *fsql_column(const Field *fl);
void  fsql_cols_init(Cols *c, SqlFacts *f, const Record *r);
void  fsql_cols_free(Cols *c);
bool  fsql_cells(sqlite3_stmt *st, int first, int n, Cell *out);
Row  *fsql_decode(SqlFacts *f, const Record *r, const Cols *cols, const Cell *id, const Cell *cells, Arena *a,
                  Fault *fault);
/* sqlite_held.c */
void  held_init(Held *h, size_t *bytes);
void  held_keep(Held *h, sqlite3_int64 rowid, const Cell *cells, const Record *rec, const Cols *cols, int raw);
bool  held_take(Held *h, sqlite3_int64 rowid, Cell *out);
bool  held_cell(const Held *h, sqlite3_int64 rowid, int k, Cell *out);
void  held_skip(Held *h, sqlite3_int64 rowid);
bool  held_skipping(Held *h, sqlite3_int64 rowid);
void  held_prefetch(const Held *h, sqlite3_int64 rowid, bool row);
void  held_free(Held *h);
/* sqlite_scan.c */
int   fsql_functions(sqlite3 *db);
char *fsql_asof_cond(const Record *r, const char *join);
sqlite3_stmt *fsql_prepare(SqlFacts *f, const char *table, char *sql, Arena *a, Fault *fault);
int   fsql_guided(SqlFacts *f, const Record *t, const char *col, Arena *a, Fault *fault);
int   scan_open(Scan *s, SqlFacts *f, const Record *r, const Cols *cols, int by, Arena *a, Fault *fault);
void  scan_close(Scan *s);
int   scan_fetch(Scan *s, sqlite3_int64 rowid, sqlite3_int64 place, const Cell **out, Arena *a, Fault *fault);
int   scan_peek(Scan *s, sqlite3_int64 rowid, sqlite3_int64 place, Cell *by, Arena *a, Fault *fault);
void  scan_drop(Scan *s, sqlite3_int64 rowid, sqlite3_int64 place);
void  scan_prefetch(const Scan *s, const Guide *g);
int   guide_open(Guide *g, SqlFacts *f, const Record *t, int by, Arena *a, Fault *fault);
int   guide_step(Guide *g, SqlFacts *f, Arena *a, Fault *fault);
/* sqlite_read.c */
Facts *fsql_reader(FactSource *fs, const Program *p, qdate as_of, bool every_column, Arena *run);
void   fsql_reader_free(Facts *f);
Stream *fsql_subjects(Facts *f, const Record *r, const char *only_id);
Row   *fsql_next(Stream *s, Arena *a, Fault *fault);
void   fsql_stream_free(Stream *s);
Value  fsql_link(Facts *f, Row *row, const Field *fld, Arena *a, Fault *fault);
Value  fsql_table(Facts *f, const Record *r, Fault *fault);
/* sqlite_range.c (key ranges, for readers on other threads) */
Partition *fsql_partition(Facts *f, const Record *r, long size);
bool  fsql_shared_snapshot(Facts *f);
const FactRange *fsql_partition_next(Partition *pt, Arena *a, Fault *fault);
void  fsql_partition_free(Partition *pt);
char *fsql_range_cond(const SqlRange *rg, const char *col, const char *join);
bool  fsql_bind_range(sqlite3_stmt *st, const SqlRange *rg);
sqlite3_stmt *fsql_prepare_kept(SqlFacts *f, const char *table, char *sql, Arena *a, Fault *fault);
void  fsql_release(SqlFacts *f, sqlite3_stmt *st);
int   fsql_guided_kept(SqlFacts *f, const Record *t, const char *col, Arena *a, Fault *fault);
void  fsql_range_free(SqlFacts *f);
/* sqlite_scan.c, sqlite_read.c: reading a key range */
int   range_open(Guide *g, Scan *s, SqlFacts *f, const Record *t, const Cols *cols, int by, const SqlRange *rg,
                 Arena *a, Fault *fault);
void  guide_close(Guide *g, SqlFacts *f);
Stream *fsql_subjects_range(Facts *f, const Record *r, const FactRange *range);
/* sqlite_whatif.c */
FactSource *fsql_overlay(FactSource *fs, FactError *err);
int   fsql_whatif(FactSource *ov, const char *sql, const RowSink *rows, int *changes, FactError *err);
int   fsql_reset(FactSource *ov, FactError *err);
int   fsql_whatif_set(FactSource *ov, const char *table, const char *assign, const char *cond, int *changes,
                      FactError *err);
/* sqlite_shadow.c */
int   fsql_shadow(SqlSource *s, const char *table, FactError *err);
bool  fsql_shadowed(const SqlSource *s, const char *table);
const char *fsql_from(const SqlSource *s, const char *table);
bool  fsql_shadow_view(const SqlSource *s, const char *name);
int   fsql_unshadow(SqlSource *s, FactError *err);
/* sqlite_touched.c */
int   fsql_touched(FactSource *ov, const Program *p, const Record *r, Arena *a, Vec *keys, FactError *err);

#endif
