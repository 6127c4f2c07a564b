/* sqlite_scan.c: reading a table's rows in key order without a seek per
   row. A guide steps through an index on the ordering column (covering: it
   holds the column and the rowid, nothing else is read); a scan reads the
   table itself once, in rowid order, as the floor does, with the as-of
   filter in its SQL. The guide says which rowid comes next; the scan moves
   forward to it, holding back the rows it passes over until their turn.
   Rows stored in roughly key order (as a case system exports them) are held
   back only briefly (sqlite_held.c); when the rows held back by a reader
   pass its budget, the scan stops moving forward and fetches each row by
   rowid instead, so memory stays bounded whatever the order of the rows. */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include "../util/mem.h"
#include "sqlite_int.h"

/* The as-of condition of a dated record's rows, for a WHERE clause: a row
   with a well-formed date after ?1 does not exist yet (any other value is
   read, and a bad date reported). Empty for a record that is not dated. */
static char *asof_filter(const Record *r, const char *join)
{
    if (r->dated_index < 0)
        return fsql_sql("");
    const char *c = fsql_column(r->fields.v[r->dated_index]);
    return fsql_sql(" %s NOT (\"%w\" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND \"%w\" > ?1)", join, c, c);
}

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

/* Start a scan of record r's table in rowid order. */
int scan_open(Scan *s, SqlFacts *f, const Record *r, const Cols *cols, Arena *a, Fault *fault)
{
    memset(s, 0, sizeof *s);
    s->f = f;
    s->rec = r;
    s->cols = cols;
    s->cells = xcalloc((size_t)cols->n + 1, sizeof *s->cells);
    s->hcells = xcalloc((size_t)cols->n + 1, sizeof *s->hcells);
    held_init(&s->held, &f->held_bytes);
    char *w = asof_filter(r, "WHERE");
    s->seq = fsql_prepare(f, r->table, fsql_sql("SELECT %s FROM \"%w\" NOT INDEXED%s ORDER BY rowid", cols->list, r->table, w),
                          a, fault);
    sqlite3_free(w);
    return s->seq ? 0 : -1;
}

/* Free a scan and the rows it holds back. */
void scan_close(Scan *s)
{
    sqlite3_finalize(s->seq);
    sqlite3_finalize(s->seek);
    held_free(&s->held);
    free(s->cells);
    free(s->hcells);
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
        char *w = asof_filter(s->rec, "AND");
        s->seek = fsql_prepare(s->f, s->rec->table,
                               fsql_sql("SELECT %s FROM \"%w\" WHERE rowid = ?2%s", s->cols->list, s->rec->table, w), a, fault);
        sqlite3_free(w);
        if (!s->seek)
            return -1;
    }
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

/* The cells of the row with this rowid in *out (valid until the next call
   on the scan): 1; 0 when there is no such row as of the date; -1 on a fault. */
int scan_fetch(Scan *s, sqlite3_int64 rowid, const Cell **out, Arena *a, Fault *fault)
{
    if (held_take(&s->held, rowid, s->hcells)) {
        *out = s->hcells;
        return 1;
    }
    if (s->seeking)
        return scan_seek(s, rowid, out, a, fault);
    if (!s->on_row && !s->ended && scan_step(s, a, fault) != 0)
        return -1;
    while (s->on_row && s->pos < rowid) {
        if (!held_skipping(&s->held, s->pos)) {
            if (s->f->held_bytes > s->f->held_budget) {
                s->seeking = true;      /* held back too much: from here on, fetch by rowid */
                s->on_row = false;
                return scan_seek(s, rowid, out, a, fault);
            }
            held_keep(&s->held, s->pos, s->cells, s->rec, s->cols);
        }
        if (scan_step(s, a, fault) != 0)
            return -1;
    }
    if (!s->on_row || s->pos != rowid)
        return 0;   /* the scan passed it: the as-of filter left it out */
    s->on_row = false;
    *out = s->cells;
    return 1;
}

/* The row with this rowid will not be asked for: forget it if it is held
   back, or skip it when the scan reaches it. */
void scan_drop(Scan *s, sqlite3_int64 rowid)
{
    Cell *scratch = s->hcells;
    if (held_take(&s->held, rowid, scratch))
        return;     /* (freed at the next take) */
    if (!s->seeking && !s->ended && (!s->on_row || rowid >= s->pos))
        held_skip(&s->held, rowid);
}

/* Start a guide: the (column, rowid) pairs of a table in column order
   (BINARY, whatever the column's collation), read from an index on the column. */
int guide_open(Guide *g, SqlFacts *f, const Record *t, const char *col, Arena *a, Fault *fault)
{
    memset(g, 0, sizeof *g);
    g->table = t->table;
    g->st = fsql_prepare(f, t->table, fsql_sql("SELECT \"%w\", rowid FROM \"%w\" ORDER BY \"%w\" COLLATE BINARY, rowid", col,
                                               t->table, col), a, fault);
    return g->st ? guide_step(g, f, a, fault) : -1;
}

/* Move a guide to its next pair. */
int guide_step(Guide *g, SqlFacts *f, Arena *a, Fault *fault)
{
    int rc = sqlite3_step(g->st);
    if (rc == SQLITE_ROW)
        return 0;
    g->done = true;
    if (rc == SQLITE_DONE)
        return 0;
    fsql_failed(f, g->table, a, fault);
    return -1;
}

/* Whether rows of table t can be read in the order of col with a guide and
   a scan: a rowid table with an index whose first column is col (BINARY).
   1 yes, 0 no, -1 when the schema cannot be read (the fault says why). */
int fsql_guided(SqlFacts *f, const Record *t, const char *col, Arena *a, Fault *fault)
{
    sqlite3_stmt *st = NULL;
    const char *sql = "SELECT 1 FROM pragma_table_list AS t, pragma_index_list(?1) AS il, pragma_index_xinfo(il.name) AS ix"
                      " WHERE t.name = ?1 AND t.schema = 'main' AND t.type = 'table' AND t.wr = 0 AND il.partial = 0"
                      " AND ix.seqno = 0 AND ix.name = ?2 AND ix.coll = 'BINARY'";
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
