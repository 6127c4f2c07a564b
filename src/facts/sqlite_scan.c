/* sqlite_scan.c: reading a table's rows in key order without a seek per
   row. A guide steps through an index on the ordering column and reads
   only the rowids, in the column's order (the index alone is read, and
   its values are not decoded); a scan reads the table itself once, in
   rowid order, as the floor does, with the as-of filter in its SQL. The
   guide says which rowid comes next (it reads them a batch at a time, so
   that the held rows ahead can be prefetched); the scan moves forward to
   it, holding back the rows it passes over until their turn. Where one
   subject's rows end is told by the rows' own values of the column
   (scan_peek), kept as SQLite gave them when a row is held back.
   Rows stored in roughly key order (as a case system exports them) are held
   back only briefly (sqlite_held.c); when the rows held back by a reader
   pass its budget, the scan stops moving forward and fetches each row by
   rowid instead, so memory stays bounded whatever the order of the rows.
   A key range's guide and scan (range_open, for readers on other threads)
   read only the range's rows: a guide over the index restricted to the
   range, and a scan over the rowids from the range's first to its last
   when its rows lie close together; else the guide is read whole, and its
   rowids are sorted and read a seek each, in rowid order. */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include "../util/mem.h"
#include "sqlite_int.h"

/* qpl_is_date(v): whether v is text naming a real date "YYYY-MM-DD", as
   qpl reads dates (date_parse). Any other value (an impossible date, a blob
   of a date's bytes, a number) is not: the as-of filter then reads its row,
   and the decoder reports it. */
static void is_date(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
        sqlite3_result_int(cx, 0);
        return;
    }
    const char *t = (const char *)sqlite3_value_text(argv[0]);
    if (!t) {
        sqlite3_result_error_nomem(cx);
        return;
    }
    sqlite3_result_int(cx, date_parse(t, (size_t)sqlite3_value_bytes(argv[0]), NULL));
}

/* Give a connection qpl reads through the SQL functions of its statements. */
int fsql_functions(sqlite3 *db)
{
    return sqlite3_create_function(db, "qpl_is_date", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                   is_date, NULL, NULL);
}

/* The as-of condition of a dated record's rows, after `join` in a WHERE
   clause: a row with a real date after ?1 does not exist yet; any other
   value, NULL included, is read, and a bad or missing date reported
   (the first test alone passes most rows). Empty for a record that is not
   dated. */
char *fsql_asof_cond(const Record *r, const char *join)
{
    if (r->dated_index < 0)
        return fsql_sql("");
    const char *c = fsql_column(r->fields.v[r->dated_index]);
    return fsql_sql(" %s (\"%w\" <= ?1 OR \"%w\" IS NULL OR NOT qpl_is_date(\"%w\"))", join, c, c, c);
}

static int scan_failed(Scan *s, Arena *a, Fault *fault);
static int scan_seek(Scan *s, sqlite3_int64 rowid, const Cell **out, Arena *a, Fault *fault);
static int listed_step(Scan *s, Arena *a, Fault *fault);
static int guide_fill(Guide *g, SqlFacts *f, Arena *a, Fault *fault);

/* Prepare a statement of the reader that reads table (sql is freed),
   binding the as-of date to ?1 when it has one; NULL with the fault set on failure. */
sqlite3_stmt *fsql_prepare(SqlFacts *f, const char *table, char *sql, Arena *a, Fault *fault)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(f->src->db, sql, -1, &st, NULL) != SQLITE_OK ||
        (sqlite3_bind_parameter_count(st) >= 1 && sqlite3_bind_text(st, 1, f->as_of_text, -1, SQLITE_STATIC) != SQLITE_OK)) {
        fsql_failed(f, table, a, fault);
        sqlite3_finalize(st);
        st = NULL;
    }
    sqlite3_free(sql);
    return st;
}

/* An empty scan of record r's table, its rows to be ordered by field by
   (one of the columns read: usage_columns). */
static void scan_init(Scan *s, SqlFacts *f, const Record *r, const Cols *cols, int by)
{
    memset(s, 0, sizeof *s);
    s->f = f;
    s->rec = r;
    s->cols = cols;
    for (s->order_col = 0; s->order_col < cols->n - 1; s->order_col++)
        if (cols->field[s->order_col] == by)
            break;
    s->cells = xcalloc((size_t)cols->n + 1, sizeof *s->cells);
    s->hcells = xcalloc((size_t)cols->n + 1, sizeof *s->hcells);
    held_init(&s->held, &f->held_bytes);
}

/* Start a scan of record r's table in rowid order, its rows to be ordered by field by. */
int scan_open(Scan *s, SqlFacts *f, const Record *r, const Cols *cols, int by, Arena *a, Fault *fault)
{
    scan_init(s, f, r, cols, by);
    char *w = fsql_asof_cond(r, "WHERE");
    s->seq = fsql_prepare(f, r->table, fsql_sql("SELECT %s FROM \"%w\" NOT INDEXED%s ORDER BY rowid", cols->list, r->table, w),
                          a, fault);
    sqlite3_free(w);
    return s->seq ? 0 : -1;
}

/* A guide's row and its index, to sort by rowid. */
typedef struct Placed {
    sqlite3_int64 rowid;
    size_t at;
} Placed;

/* Compare two guide rows by rowid, for qsort. */
static int placed_cmp(const void *x, const void *y)
{
    sqlite3_int64 a = ((const Placed *)x)->rowid, b = ((const Placed *)y)->rowid;
    return (a > b) - (a < b);
}

/* List a range's rowids in ascending order in the scan, and give each row
   of its guide its place in the list. */
static void list_rows(Scan *s, Guide *g)
{
    Placed *p = xmalloc((g->n + 1) * sizeof *p);
    for (size_t i = 0; i < g->n; i++)
        p[i] = (Placed){g->rows[i].rowid, i};
    qsort(p, g->n, sizeof *p, placed_cmp);
    s->ids = xmalloc((g->n + 1) * sizeof *s->ids);
    for (size_t i = 0; i < g->n; i++) {
        s->ids[i] = p[i].rowid;
        g->rows[p[i].at].place = (sqlite3_int64)i;
    }
    s->nids = g->n;
    free(p);
}

/* Free a scan and the rows it holds back. */
void scan_close(Scan *s)
{
    if (s->f) {
        fsql_release(s->f, s->seq);
        fsql_release(s->f, s->seek);
    }
    held_free(&s->held);
    free(s->cells);
    free(s->hcells);
    free(s->ids);
    memset(s, 0, sizeof *s);
}

/* A failure of the database while scanning. */
static int scan_failed(Scan *s, Arena *a, Fault *fault)
{
    fsql_failed(s->f, s->rec->table, a, fault);
    return -1;
}

/* Step the sequential scan to its next row. */
static int scan_step(Scan *s, Arena *a, Fault *fault)
{
    if (s->ids)
        return listed_step(s, a, fault);
    int rc = sqlite3_step(s->seq);
    if (rc == SQLITE_DONE) {
        s->ended = true;
        s->on_row = false;
        return 0;
    }
    if (rc != SQLITE_ROW)
        return scan_failed(s, a, fault);
    s->pos = sqlite3_column_int64(s->seq, 0);
    if (!fsql_cells(s->seq, 1, s->cols->n, s->cells))
        return scan_failed(s, a, fault);
    s->on_row = true;
    return 0;
}

/* Fetch one row by its rowid (once the scan has stopped moving forward). */
static int scan_seek(Scan *s, sqlite3_int64 rowid, const Cell **out, Arena *a, Fault *fault)
{
    if (!s->seek) {
        char *w = fsql_asof_cond(s->rec, "AND");
        s->seek = fsql_prepare(s->f, s->rec->table,
                               fsql_sql("SELECT %s FROM \"%w\" WHERE rowid = ?2%s", s->cols->list, s->rec->table, w), a, fault);
        sqlite3_free(w);
        if (!s->seek)
            return -1;
    }
    s->sought = false;
    sqlite3_reset(s->seek);     /* (its last step's result was seen) */
    if (sqlite3_bind_int64(s->seek, 2, rowid) != SQLITE_OK)
        return scan_failed(s, a, fault);
    int rc = sqlite3_step(s->seek);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc != SQLITE_ROW || !fsql_cells(s->seek, 1, s->cols->n, s->cells))
        return scan_failed(s, a, fault);
    *out = s->cells;
    return 1;
}

/* Step a listed scan to its next row dated by as-of: seek the next rowid
   of its list. */
static int listed_step(Scan *s, Arena *a, Fault *fault)
{
    s->on_row = false;
    while (s->next < s->nids) {
        const Cell *cells;
        sqlite3_int64 at = (sqlite3_int64)s->next++;
        int got = scan_seek(s, s->ids[at], &cells, a, fault);
        if (got < 0)
            return -1;
        if (got > 0) {
            s->pos = at;
            s->on_row = true;
            return 0;
        }
    }
    s->ended = true;
    return 0;
}

/* Move the sequential scan up to the row at (a rowid, or a place in a
   listed scan's list), holding back the rows it passes: 1 when it is on
   that row, 0 when there is no such row as of the date, 2 when too much is
   held and rows are fetched by rowid from now on, -1 on a fault. */
static int scan_reach(Scan *s, sqlite3_int64 at, Arena *a, Fault *fault)
{
    if (!s->on_row && !s->ended && scan_step(s, a, fault) != 0)
        return -1;
    while (s->on_row && s->pos < at) {
        if (!held_skipping(&s->held, s->pos)) {
            if (s->f->held_bytes > s->f->held_budget) {
                s->seeking = true;
                s->on_row = false;
                return 2;
            }
            held_keep(&s->held, s->pos, s->cells, s->rec, s->cols, s->order_col);
        }
        if (scan_step(s, a, fault) != 0)
            return -1;
    }
    return s->on_row && s->pos == at;   /* (else the scan passed it: the as-of filter left it out) */
}

/* The cells of the row with this rowid in *out (valid until the next call
   on the scan; place: its place in a listed scan's list, from its guide):
   1; 0 when there is no such row as of the date; -1 on a fault. */
int scan_fetch(Scan *s, sqlite3_int64 rowid, sqlite3_int64 place, const Cell **out, Arena *a, Fault *fault)
{
    sqlite3_int64 at = s->ids ? place : rowid;
    if (at < 0)
        return 0;
    if (held_take(&s->held, at, s->hcells)) {
        *out = s->hcells;
        return 1;
    }
    if (s->seeking && s->sought && s->at_sought == rowid) {
        s->sought = false;
        *out = s->cells;
        return 1;
    }
    int got = s->seeking ? 2 : scan_reach(s, at, a, fault);
    if (got == 2)
        return scan_seek(s, rowid, out, a, fault);
    if (got == 1) {
        s->on_row = false;
        *out = s->cells;
    }
    return got;
}

/* The value of the ordering column of the row with this rowid in *by
   (valid until the next call on the scan), the row left to be fetched or
   dropped: 1; 0 when there is no such row as of the date; -1 on a fault. */
int scan_peek(Scan *s, sqlite3_int64 rowid, sqlite3_int64 place, Cell *by, Arena *a, Fault *fault)
{
    sqlite3_int64 at = s->ids ? place : rowid;
    if (at < 0)
        return 0;
    if (held_cell(&s->held, at, s->order_col, by))
        return 1;
    int got = s->seeking ? 2 : scan_reach(s, at, a, fault);
    if (got == 2) {
        const Cell *cells;
        got = scan_seek(s, rowid, &cells, a, fault);
        s->sought = got > 0;
        s->at_sought = rowid;
    }
    if (got == 1)
        *by = s->cells[s->order_col];
    return got;
}

/* The row with this rowid will not be asked for: forget it if it is held
   back, or skip it when the scan reaches it. */
void scan_drop(Scan *s, sqlite3_int64 rowid, sqlite3_int64 place)
{
    Cell *scratch = s->hcells;
    sqlite3_int64 at = s->ids ? place : rowid;
    if (at < 0 || held_take(&s->held, at, scratch))
        return;     /* (freed at the next take) */
    if (!s->seeking && !s->ended && (!s->on_row || at >= s->pos))
        held_skip(&s->held, at);
}

/* Prefetch the held rows of the guide's rows ahead of its current one
   (held_prefetch): the slots of those far ahead, the rows of those near. */
void scan_prefetch(const Scan *s, const Guide *g)
{
    enum { NEAR = 4, FAR = 16 };
    if (g->at + NEAR < g->n)
        held_prefetch(&s->held, s->ids ? g->rows[g->at + NEAR].place : g->rows[g->at + NEAR].rowid, true);
    if (g->at + FAR < g->n)
        held_prefetch(&s->held, s->ids ? g->rows[g->at + FAR].place : g->rows[g->at + FAR].rowid, false);
}

/* Start a guide: the rowids of a table's rows in the order of its field by
   (BINARY, whatever the column's collation), read from an index on the column. */
int guide_open(Guide *g, SqlFacts *f, const Record *t, int by, Arena *a, Fault *fault)
{
    const char *col = fsql_column(t->fields.v[by]);
    memset(g, 0, sizeof *g);
    g->table = t->table;
    g->st = fsql_prepare(f, t->table, fsql_sql("SELECT rowid FROM \"%w\" ORDER BY \"%w\" COLLATE BINARY, rowid", t->table,
                                               col), a, fault);
    return g->st ? guide_fill(g, f, a, fault) : -1;
}

/* Append the rowid of st's row to a guide. */
static void guide_keep(Guide *g, sqlite3_stmt *st)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 256;
        g->rows = xrealloc(g->rows, g->cap * sizeof *g->rows);
    }
    g->rows[g->n++] = (GuideRow){sqlite3_column_int64(st, 0), -1};
}

/* Read the next batch of a stepped guide's rowids. A failure after some
   were read is kept until they have been stepped through, so that it
   stops the run where stepping one row at a time would have. */
static int guide_fill(Guide *g, SqlFacts *f, Arena *a, Fault *fault)
{
    enum { BATCH = 256 };
    int rc = SQLITE_ROW;
    g->n = g->at = 0;
    while (g->n < BATCH && (rc = sqlite3_step(g->st)) == SQLITE_ROW)
        guide_keep(g, g->st);
    g->done = g->n == 0;
    if (rc == SQLITE_ROW)
        return 0;
    if (rc != SQLITE_DONE)
        fsql_failed(f, g->table, a, fault);
    fsql_release(f, g->st);     /* (stepped again, it would start over) */
    g->st = NULL;
    if (rc == SQLITE_DONE)
        return 0;
    if (g->n == 0)
        return -1;
    g->failed = xstrdup(fault->msg);
    g->hint = f->hint;
    fault->kind = FAULT_NONE;
    fault->msg = NULL;
    return 0;
}

/* Read a key range's guide whole into memory (col in rg). */
static int guide_read(Guide *g, SqlFacts *f, const Record *t, const char *col, const SqlRange *rg, Arena *a, Fault *fault)
{
    char *w = fsql_range_cond(rg, col, "WHERE");
    sqlite3_stmt *st = fsql_prepare_kept(f, t->table, fsql_sql("SELECT rowid FROM \"%w\"%s ORDER BY \"%w\" COLLATE BINARY,"
                                                              " rowid", t->table, w, col), a, fault);
    sqlite3_free(w);
    if (!st)
        return -1;
    int rc = fsql_bind_range(st, rg) ? SQLITE_ROW : SQLITE_ERROR;
    while (rc == SQLITE_ROW && (rc = sqlite3_step(st)) == SQLITE_ROW)
        guide_keep(g, st);
    if (rc != SQLITE_DONE)
        fsql_failed(f, t->table, a, fault);
    fsql_release(f, st);
    g->done = g->n == 0;
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Start a guide that steps through a key range's rows (col in rg). */
static int guide_stream(Guide *g, SqlFacts *f, const Record *t, const char *col, const SqlRange *rg, Arena *a,
                        Fault *fault)
{
    char *w = fsql_range_cond(rg, col, "WHERE");
    g->st = fsql_prepare_kept(f, t->table, fsql_sql("SELECT rowid FROM \"%w\"%s ORDER BY \"%w\" COLLATE BINARY, rowid",
                                                    t->table, w, col), a, fault);
    sqlite3_free(w);
    if (g->st && !fsql_bind_range(g->st, rg)) {
        fsql_failed(f, t->table, a, fault);
        return -1;
    }
    return g->st ? guide_fill(g, f, a, fault) : -1;
}

/* How many rows a key range has (col in rg), and their first and last rowid. */
static int range_extent(SqlFacts *f, const Record *t, const char *col, const SqlRange *rg, sqlite3_int64 ext[3],
                        Arena *a, Fault *fault)
{
    char *w = fsql_range_cond(rg, col, "WHERE");
    sqlite3_stmt *st = fsql_prepare_kept(f, t->table, fsql_sql("SELECT count(*), min(rowid), max(rowid) FROM \"%w\"%s",
                                                              t->table, w), a, fault);
    sqlite3_free(w);
    if (!st)
        return -1;
    int rc = fsql_bind_range(st, rg) ? sqlite3_step(st) : SQLITE_ERROR;
    for (int i = 0; i < 3 && rc == SQLITE_ROW; i++)
        ext[i] = sqlite3_column_int64(st, i);
    if (rc != SQLITE_ROW)
        fsql_failed(f, t->table, a, fault);
    fsql_release(f, st);
    return rc == SQLITE_ROW ? 0 : -1;
}

/* Start a scan of a key range's rows in rowid order, by one statement over
   the rowids from lo to hi (the range's own rows only, as of the date). */
static int scan_span(Scan *s, const char *col, const SqlRange *rg, sqlite3_int64 lo, sqlite3_int64 hi, Arena *a,
                     Fault *fault)
{
    char *w = fsql_asof_cond(s->rec, "AND"), *in = fsql_range_cond(rg, col, "AND");
    s->seq = fsql_prepare_kept(s->f, s->rec->table, fsql_sql("SELECT %s FROM \"%w\" NOT INDEXED WHERE rowid BETWEEN ?5 AND"
                                                            " ?6%s%s ORDER BY rowid", s->cols->list, s->rec->table, in, w),
                               a, fault);
    sqlite3_free(w);
    sqlite3_free(in);
    if (s->seq && (!fsql_bind_range(s->seq, rg) || sqlite3_bind_int64(s->seq, 5, lo) != SQLITE_OK ||
                   sqlite3_bind_int64(s->seq, 6, hi) != SQLITE_OK))
        return scan_failed(s, a, fault);
    return s->seq ? 0 : -1;
}

/* Open the guide and the scan of the rows of record t whose column col is in
   a key range. When most of the rows between the range's first rowid and
   its last are its own (SPAN_DENSITY), the guide steps through the index
   and the scan reads them by one statement in rowid order, holding rows
   back as scan_open does; otherwise the guide is read whole, its rowids are
   listed in ascending order, and the scan reads them a seek each in that
   order (rows held back by their place in the list). */
int range_open(Guide *g, Scan *s, SqlFacts *f, const Record *t, const Cols *cols, int by, const SqlRange *rg,
               Arena *a, Fault *fault)
{
    const char *col = fsql_column(t->fields.v[by]);
    enum { SPAN_DENSITY = 10 };     /* at most this many rows between two of the range's, on average */
    memset(g, 0, sizeof *g);
    g->table = t->table;
    scan_init(s, f, t, cols, by);
    sqlite3_int64 ext[3] = {0, 0, 0};
    if (range_extent(f, t, col, rg, ext, a, fault) != 0)
        return -1;
    if (ext[0] == 0) {
        g->done = s->ended = true;
        return 0;
    }
    if ((uint64_t)(ext[2] - ext[1]) / SPAN_DENSITY < (uint64_t)ext[0])
        return guide_stream(g, f, t, col, rg, a, fault) == 0 ? scan_span(s, col, rg, ext[1], ext[2], a, fault) : -1;
    if (guide_read(g, f, t, col, rg, a, fault) != 0)
        return -1;
    list_rows(s, g);
    return 0;
}

/* Free a guide. */
void guide_close(Guide *g, SqlFacts *f)
{
    fsql_release(f, g->st);
    free(g->rows);
    free(g->failed);
    memset(g, 0, sizeof *g);
}

/* Move a guide to its next pair. */
int guide_step(Guide *g, SqlFacts *f, Arena *a, Fault *fault)
{
    if (++g->at < g->n)
        return 0;
    if (g->failed) {
        g->done = true;
        fault->kind = FAULT_SOURCE;
        fault->msg = arena_strdup(a, g->failed);
        f->hint = g->hint;
        return -1;
    }
    if (!g->st) {
        g->done = true;
        return 0;
    }
    return guide_fill(g, f, a, fault);
}

/* Whether rows of table t can be read in the order of col with a guide and
   a scan: a rowid table with an index whose first column is col (BINARY).
   1 yes, 0 no, -1 when the schema cannot be read (the fault says why). */
int fsql_guided(SqlFacts *f, const Record *t, const char *col, Arena *a, Fault *fault)
{
    sqlite3_stmt *st = NULL;
    const char *sql = "SELECT 1 FROM pragma_table_list AS t, pragma_index_list(?1) AS il, pragma_index_xinfo(il.name) AS ix"
                      " WHERE t.name = ?1 AND t.schema = 'main' AND t.type = 'table' AND t.wr = 0 AND il.partial = 0"
                      " AND ix.seqno = 0 AND ix.name = ?2 AND ix.coll = 'BINARY'"
                      " AND NOT EXISTS (SELECT 1 FROM temp.sqlite_schema WHERE name = ?1)";  /* (a what-if view over it) */
    int rc = sqlite3_prepare_v2(f->src->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_bind_text(st, 1, t->table, -1, SQLITE_STATIC)) == SQLITE_OK &&
        (rc = sqlite3_bind_text(st, 2, col, -1, SQLITE_STATIC)) == SQLITE_OK)
        rc = sqlite3_step(st);
    int yes = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
    if (yes < 0)
        fsql_failed(f, t->table, a, fault);
    sqlite3_finalize(st);
    return yes;
}
