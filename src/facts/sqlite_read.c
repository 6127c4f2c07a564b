/* sqlite_read.c: reading rows of SQLite tables into values, as they stood on
   the as-of date: subjects streamed in key order with the rows of their
   many links merge-joined (through guides and scans where the tables have
   the indexes, sqlite_scan.c), lookups for other links, whole tables cached.
   Keys and linking columns are ordered and compared as SQLite's BINARY
   collation does (bytes), whatever their declared collation; facts_check
   refuses the bindings where SQLite would compare them otherwise. Any error
   of SQLite stops the read with a fault naming the table: a row list is
   never cut short. A case database is read in one read transaction per
   reader, so a run sees one state of it. A stream of a key range
   (fsql_subjects_range, sqlite_range.c) reads only the range's subjects,
   and merges in only its rows of each many link. */
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "sqlite_int.h"

/* A list of rows being collected. */
typedef struct Rows {
    Value *items;
    int n, cap;
} Rows;

/* Append a row, growing the list in the arena. */
static void rows_push(Arena *a, Rows *rs, Row *r)
{
    if (rs->n == rs->cap) {
        int cap = rs->cap ? rs->cap * 2 : 8;
        Value *ni = arena_array(a, (size_t)cap, sizeof *ni);
        if (rs->n)
            memcpy(ni, rs->items, (size_t)rs->n * sizeof *ni);
        rs->items = ni;
        rs->cap = cap;
    }
    rs->items[rs->n++] = v_row(r);
}

/* The collected rows as a list value. */
static Value rows_list(Arena *a, Rows *rs)
{
    List *l = arena_alloc(a, sizeof *l);
    l->n = rs->n;
    l->items = rs->items;
    return v_list(l);
}

/* The most memory the scans of a reader may hold rows back in before they
   fetch rows by rowid: 24 MB, or QPL_HELD_BUDGET bytes (for tests). */
static size_t held_budget(void)
{
    const char *e = getenv("QPL_HELD_BUDGET");
    char *end;
    long long n = e ? strtoll(e, &end, 10) : -1;
    return e && *e && !*end && n >= 0 ? (size_t)n : (size_t)24 << 20;
}

/* A reader of a SQLite source's facts for a program as of a date. */
Facts *fsql_reader(FactSource *fs, const Program *p, qdate as_of, bool every_column, Arena *run)
{
    SqlFacts *f = xcalloc(1, sizeof *f);
    f->base.ops = fs->ops;
    f->src = (SqlSource *)fs;
    f->p = p;
    f->as_of = as_of;
    date_format(as_of, f->as_of_text);
    f->run = run;
    f->every_column = every_column;
    f->held_budget = held_budget();
    int n = p->records.n;
    f->cols = xcalloc((size_t)n + 1, sizeof *f->cols);
    f->lookup = xcalloc((size_t)n + 1, sizeof *f->lookup);
    for (int i = 0; i < n; i++) {
        f->cols[i].n = -1;
        f->lookup[i] = xcalloc((size_t)((Record *)p->records.v[i])->fields.n + 1, sizeof **f->lookup);
    }
    f->tables = xcalloc((size_t)n + 1, sizeof *f->tables);
    f->have_table = xcalloc((size_t)n + 1, sizeof *f->have_table);
    if (fsql_begin(f) != 0)
        f->begin_failed = arena_printf(run, "cannot start reading %s: %s", fs->name, sqlite3_errmsg(f->src->db));
    return &f->base;
}

/* Free a reader and its prepared statements. */
void fsql_reader_free(Facts *base)
{
    SqlFacts *f = (SqlFacts *)base;
    for (int i = 0; i < f->p->records.n; i++) {
        const Record *r = f->p->records.v[i];
        for (int k = 0; k < r->fields.n; k++)
            sqlite3_finalize(f->lookup[i][k]);
        free(f->lookup[i]);
        if (f->cols[i].n >= 0)
            fsql_cols_free(&f->cols[i]);
    }
    free(f->cols);
    free(f->lookup);
    free(f->tables);
    free(f->have_table);
    fsql_range_free(f);
    fsql_end(f);
    free(f);
}

/* The columns the reader selects from a record's table. */
static const Cols *cols_of(SqlFacts *f, const Record *r)
{
    Cols *c = &f->cols[r->index];
    if (c->n < 0)
        fsql_cols_init(c, f, r);
    return c;
}

/* Prepare "SELECT [lead,] cols FROM table [WHERE where] [and the as-of
   condition] ORDER BY order" for a record. */
static sqlite3_stmt *select_rows(SqlFacts *f, const Record *r, const char *lead, const char *where, const char *order,
                                 Arena *a, Fault *fault)
{
    char *w = fsql_asof_cond(r, where ? "AND" : "WHERE");
    char *sql = fsql_sql("SELECT %s%s%s FROM \"%w\"%s%s%s ORDER BY %s", lead ? lead : "", lead ? ", " : "", cols_of(f, r)->list,
                         fsql_from(f->src, r->table), where ? " WHERE " : "", where ? where : "", w, order);
    sqlite3_free(w);
    return fsql_prepare(f, r->table, sql, a, fault);
}

/* The SQL name of a record's key column, or NULL. */
static const char *key_column(const Record *r)
{
    return r->key_index >= 0 ? fsql_column(r->fields.v[r->key_index]) : NULL;
}

/* Start streaming a record's rows in key order, or only the one with key only_id. */
Stream *fsql_subjects(Facts *base, const Record *r, const char *only_id)
{
    SqlFacts *f = (SqlFacts *)base;
    SqlStream *s = xcalloc(1, sizeof *s);
    s->f = f;
    s->rec = r;
    s->cols = cols_of(f, r);
    s->only_id = only_id;
    s->cur = xcalloc((size_t)r->fields.n + 1, sizeof *s->cur);
    f->active = s;
    return (Stream *)s;
}

/* Start streaming the rows of a record whose keys are in a range, in key order. */
Stream *fsql_subjects_range(Facts *base, const Record *r, const FactRange *range)
{
    SqlStream *s = (SqlStream *)fsql_subjects(base, r, NULL);
    s->range = (const SqlRange *)range;
    return (Stream *)s;
}

/* Prepare the statements of a stream of a key range (a guide and a scan of
   the range, through the key's index, or the range's rows in key order). */
static int range_start(SqlStream *s, const char *key, Arena *a, Fault *fault)
{
    SqlFacts *f = s->f;
    const Record *r = s->rec;
    int guided = key ? fsql_guided_kept(f, r, key, a, fault) : 0;
    if (guided < 0)
        return -1;
    if (guided) {
        s->guided = true;
        return range_open(&s->g, &s->sc, f, r, s->cols, r->key_index, s->range, a, fault);
    }
    char *order = key ? fsql_sql("\"%w\" COLLATE BINARY, %s", key, s->cols->order) : fsql_sql("%s", s->cols->order);
    char *where = key ? fsql_range_cond(s->range, key, NULL) : NULL;
    s->st = select_rows(f, r, NULL, where && *where ? where : NULL, order, a, fault);
    sqlite3_free(order);
    sqlite3_free(where);
    if (s->st && !fsql_bind_range(s->st, s->range))
        fsql_failed(f, r->table, a, fault);
    return s->st && fault->kind == FAULT_NONE ? 0 : -1;
}

/* Prepare a stream's statements at its first row; 0, or -1 with the fault set. */
static int stream_start(SqlStream *s, Arena *a, Fault *fault)
{
    SqlFacts *f = s->f;
    const Record *r = s->rec;
    const char *key = key_column(r);
    s->started = true;
    if (f->begin_failed) {
        fault->kind = FAULT_SOURCE;
        fault->msg = f->begin_failed;
        return -1;
    }
    if (s->range)
        return range_start(s, key, a, fault);
    int guided = s->only_id || !key ? 0 : fsql_guided(f, r, key, a, fault);
    if (guided < 0)
        return -1;
    if (!guided) {
        char *order = key ? fsql_sql("\"%w\" COLLATE BINARY, %s", key, s->cols->order) : fsql_sql("%s", s->cols->order);
        char *where = s->only_id && key ? fsql_sql("\"%w\" = ?2 COLLATE BINARY", key) : NULL;
        s->st = select_rows(f, r, NULL, where, order, a, fault);
        sqlite3_free(order);
        sqlite3_free(where);
        if (s->st && where && sqlite3_bind_text(s->st, 2, s->only_id, -1, SQLITE_TRANSIENT) != SQLITE_OK)
            fsql_failed(f, r->table, a, fault);
        return s->st && fault->kind == FAULT_NONE ? 0 : -1;
    }
    s->guided = true;
    if (guide_open(&s->g, f, r, r->key_index, a, fault) != 0)
        return -1;
    return scan_open(&s->sc, f, r, s->cols, r->key_index, a, fault);
}

/* Finish a stream of subjects and free its statements. */
void fsql_stream_free(Stream *base)
{
    SqlStream *s = (SqlStream *)base;
    if (s->f->active == s)
        s->f->active = NULL;
    fsql_release(s->f, s->st);
    guide_close(&s->g, s->f);
    if (s->guided)
        scan_close(&s->sc);
    for (int i = 0; i < s->rec->fields.n; i++) {
        Cursor *c = &s->cur[i];
        fsql_release(s->f, c->st);
        guide_close(&c->g, s->f);
        if (c->guided)
            scan_close(&c->sc);
    }
    free(s->cur);
    free(s);
}

/* A failure of the database while reading table (the fault says why); NULL. */
static Row *read_failed(SqlFacts *f, const char *table, Arena *a, Fault *fault)
{
    fsql_failed(f, table, a, fault);
    return NULL;
}

/* cmp_key's answer when SQLite could not give the value (out of memory). */
enum { CMP_FAIL = 2 };

/* Compare a linking column's value (or a key read ahead) with a row's key,
   in SQLite's ORDER BY order with the BINARY collation: NULL, then numbers
   by value, then text by its bytes, then blobs. A row with no key comes
   before every value. */
static int cmp_cell(const Cell *c, const Row *row)
{
    if (c->type == SQLITE_NULL)
        return -1;
    if (!row->key)
        return 1;
    if (c->type == SQLITE_INTEGER)
        return row->key_int ? (c->i > row->ikey) - (c->i < row->ikey) : -1;
    if (c->type == SQLITE_FLOAT) {
        double k = (double)row->ikey;
        return row->key_int ? (c->d > k) - (c->d < k) : -1;
    }
    if (row->key_int || c->type == SQLITE_BLOB)
        return 1;
    size_t n = (size_t)c->len, k = strlen(row->key);
    int d = memcmp(c->s, row->key, n < k ? n : k);
    return d ? (d > 0) - (d < 0) : (n > k) - (n < k);
}

/* Compare column col of a statement's current row with a row's key (cmp_cell). */
static int cmp_key(sqlite3_stmt *st, int col, const Row *row)
{
    Cell c = {.type = sqlite3_column_type(st, col)};
    if (c.type == SQLITE_INTEGER) {
        c.i = sqlite3_column_int64(st, col);
    } else if (c.type == SQLITE_FLOAT) {
        c.d = sqlite3_column_double(st, col);
    } else if (c.type == SQLITE_TEXT && row->key && !row->key_int) {
        c.s = (const char *)sqlite3_column_text(st, col);
        if (!c.s)
            return CMP_FAIL;
        c.len = sqlite3_column_bytes(st, col);
    }
    return cmp_cell(&c, row);
}

/* A guide's current row: its rowid, and its place in its scan's list (-1
   when it has none). */
static sqlite3_int64 guide_rowid(const Guide *g)
{
    return g->rows[g->at].rowid;
}
static sqlite3_int64 guide_place(const Guide *g)
{
    return g->rows[g->at].place;
}

/* How the ordering column of a guide's current row compares with a row's
   key (cmp_cell): -1, 0 or 1; NO_ROW when there is no such row as of the
   date; CMP_FAIL on a fault. */
enum { NO_ROW = 3 };
static int guide_cmp(Guide *g, Scan *sc, const Row *row, Arena *a, Fault *fault)
{
    Cell by;
    int got = scan_peek(sc, guide_rowid(g), guide_place(g), &by, a, fault);
    return got < 0 ? CMP_FAIL : got == 0 ? NO_ROW : cmp_cell(&by, row);
}

/* The fault of a key that more than one subject row has (bad data). */
static void repeated_key(SqlStream *s, const Row *row, Arena *a, Fault *fault)
{
    fault->kind = FAULT_DATA;
    fault->msg = arena_printf(a, "bad data in %s: more than one row has the key %s (column %s); a record's key must be unique",
                              s->rec->table, sb_visible(a, row->key), key_column(s->rec));
}

/* After a subject row of a guided stream, pass the rows with the same key
   (the guide is on the next one): if one is dated by as-of, the key is not
   unique, a fault. False when the stream can go on. */
static bool repeated_guided(SqlStream *s, const Row *row, Arena *a, Fault *fault)
{
    bool found = false;
    while (!s->g.done && fault->kind == FAULT_NONE) {
        int cmp = guide_cmp(&s->g, &s->sc, row, a, fault);
        if (cmp == CMP_FAIL)
            return true;
        if (cmp != 0 && cmp != NO_ROW)
            break;
        sqlite3_int64 rowid = guide_rowid(&s->g);
        if (cmp == 0 && found) {
            scan_drop(&s->sc, rowid, guide_place(&s->g));
        } else if (cmp == 0) {
            const Cell *cells;
            Cell id = {.type = SQLITE_INTEGER, .i = rowid};
            int got = scan_fetch(&s->sc, rowid, guide_place(&s->g), &cells, a, fault);
            found = got > 0 && fsql_decode(s->f, s->rec, s->cols, &id, cells, a, fault) != NULL;
        }
        guide_step(&s->g, s->f, a, fault);
    }
    if (found && fault->kind == FAULT_NONE)
        repeated_key(s, row, a, fault);
    return fault->kind != FAULT_NONE;
}

/* The next row of a guided stream (key order through the index), or NULL. */
static Row *next_guided(SqlStream *s, Arena *a, Fault *fault)
{
    while (!s->g.done) {
        sqlite3_int64 rowid = guide_rowid(&s->g);
        const Cell *cells;
        Cell id = {.type = SQLITE_INTEGER, .i = rowid};
        int got = scan_fetch(&s->sc, rowid, guide_place(&s->g), &cells, a, fault);
        Row *row = got > 0 ? fsql_decode(s->f, s->rec, s->cols, &id, cells, a, fault) : NULL;
        if (got < 0 || fault->kind != FAULT_NONE || guide_step(&s->g, s->f, a, fault) != 0)
            return row;
        if (row) {
            repeated_guided(s, row, a, fault);
            return row;
        }
    }
    return NULL;
}

/* After a subject row of a plain stream, pass the rows with the same key:
   if one is dated by as-of, the key is not unique, a fault. The statement
   is left on the next row (pending) or done. */
static void repeated_plain(SqlStream *s, const Row *row, Arena *a, Fault *fault)
{
    bool found = false;
    Cell *cells = arena_array(a, (size_t)s->cols->n + 1, sizeof *cells);
    while (fault->kind == FAULT_NONE) {
        int rc = sqlite3_step(s->st);
        if (rc == SQLITE_DONE) {
            s->ended = true;
            break;
        }
        int cmp = rc == SQLITE_ROW ? cmp_key(s->st, 1 + s->cols->key_col, row) : CMP_FAIL;
        if (cmp == CMP_FAIL) {
            read_failed(s->f, s->rec->table, a, fault);
        } else if (cmp != 0) {
            s->pending = true;
            break;
        } else if (!found) {
            Cell id;
            if (!fsql_cells(s->st, 0, 1, &id) || !fsql_cells(s->st, 1, s->cols->n, cells))
                read_failed(s->f, s->rec->table, a, fault);
            else
                found = fsql_decode(s->f, s->rec, s->cols, &id, cells, a, fault) != NULL;
        }
    }
    if (found && fault->kind == FAULT_NONE)
        repeated_key(s, row, a, fault);
}

/* The next row of a plain stream (its statement in key order), or NULL. */
static Row *next_plain(SqlStream *s, Arena *a, Fault *fault)
{
    while (!s->ended) {
        int rc = s->pending ? SQLITE_ROW : sqlite3_step(s->st);
        s->pending = false;
        if (rc == SQLITE_DONE)
            s->ended = true;
        if (rc == SQLITE_DONE)
            return NULL;
        Cell id;
        Cell *cells = arena_array(a, (size_t)s->cols->n + 1, sizeof *cells);
        if (rc != SQLITE_ROW || !fsql_cells(s->st, 0, 1, &id) || !fsql_cells(s->st, 1, s->cols->n, cells))
            return read_failed(s->f, s->rec->table, a, fault);
        Row *row = fsql_decode(s->f, s->rec, s->cols, &id, cells, a, fault);
        if (row && fault->kind == FAULT_NONE && row->key)
            repeated_plain(s, row, a, fault);
        if (row || fault->kind != FAULT_NONE)
            return row;
    }
    return NULL;
}

/* The stream's next subject row dated by as-of, or NULL at the end or on a
   fault. At the end, a database read as unchanging is checked for change. */
Row *fsql_next(Stream *base, Arena *a, Fault *fault)
{
    SqlStream *s = (SqlStream *)base;
    if (!s->started && stream_start(s, a, fault) != 0)
        return NULL;
    Row *row = s->guided ? next_guided(s, a, fault) : next_plain(s, a, fault);
    if (row)
        row->subject = true;
    else if (fault->kind == FAULT_NONE)
        fsql_changed(s->f, a, fault);
    return row;
}

/* Step a plain cursor, noting a failure as a fault. */
static void cursor_step(SqlFacts *f, Cursor *c, Arena *a, Fault *fault)
{
    int rc = sqlite3_step(c->st);
    if (rc == SQLITE_ROW)
        return;
    c->done = true;
    if (rc != SQLITE_DONE)
        fsql_failed(f, c->table, a, fault);
}

/* Start the merge cursor of a many link: a guide and a scan of the linked
   table when it has an index on the linking column, else its rows in that order. */
static bool cursor_start(SqlFacts *f, Cursor *c, const SqlRange *rg, const Field *fld, Arena *a, Fault *fault)
{
    const Record *t = fld->rec_target;
    const char *by = fsql_column(t->fields.v[fld->by_index]);
    c->started = true;
    c->table = t->table;
    int guided = rg ? fsql_guided_kept(f, t, by, a, fault) : fsql_guided(f, t, by, a, fault);
    if (guided < 0)
        return false;
    if (guided) {
        c->guided = true;
        c->done = false;
        if (rg)
            return range_open(&c->g, &c->sc, f, t, cols_of(f, t), fld->by_index, rg, a, fault) == 0;
        return guide_open(&c->g, f, t, fld->by_index, a, fault) == 0 &&
               scan_open(&c->sc, f, t, cols_of(f, t), fld->by_index, a, fault) == 0;
    }
    char *lead = fsql_sql("\"%w\"", by), *order = fsql_sql("\"%w\" COLLATE BINARY, %s", by, cols_of(f, t)->order);
    char *where = rg ? fsql_range_cond(rg, by, NULL) : NULL;
    c->st = select_rows(f, t, lead, where && *where ? where : NULL, order, a, fault);
    sqlite3_free(lead);
    sqlite3_free(order);
    sqlite3_free(where);
    if (c->st && rg && !fsql_bind_range(c->st, rg))
        fsql_failed(f, t->table, a, fault);
    if (!c->st || fault->kind != FAULT_NONE) {
        c->done = true;
        return false;
    }
    cursor_step(f, c, a, fault);
    return fault->kind == FAULT_NONE;
}

/* Collect a subject's rows of a many link through its guide and scan. */
static bool merge_guided(SqlFacts *f, Cursor *c, const Row *row, const Record *t, Rows *rows, Arena *a, Fault *fault)
{
    while (!c->g.done) {
        scan_prefetch(&c->sc, &c->g);
        int cmp = guide_cmp(&c->g, &c->sc, row, a, fault);
        if (cmp == CMP_FAIL)
            return false;
        if (cmp == 1)
            break;
        sqlite3_int64 rowid = guide_rowid(&c->g);
        if (cmp < 0) {
            scan_drop(&c->sc, rowid, guide_place(&c->g));   /* a row no subject links to */
        } else if (cmp == 0) {
            const Cell *cells;
            Cell id = {.type = SQLITE_INTEGER, .i = rowid};
            int got = scan_fetch(&c->sc, rowid, guide_place(&c->g), &cells, a, fault);
            Row *r = got > 0 ? fsql_decode(f, t, cols_of(f, t), &id, cells, a, fault) : NULL;
            if (got < 0 || fault->kind != FAULT_NONE)
                return false;
            if (r)
                rows_push(a, rows, r);
        }
        if (guide_step(&c->g, f, a, fault) != 0)
            return false;
    }
    return true;
}

/* Collect a subject's rows of a many link from its ordered statement. */
static bool merge_plain(SqlFacts *f, Cursor *c, const Row *row, const Record *t, Rows *rows, Arena *a, Fault *fault)
{
    const Cols *cols = cols_of(f, t);
    Cell *cells = arena_array(a, (size_t)cols->n + 1, sizeof *cells);
    while (!c->done) {
        int cmp = cmp_key(c->st, 0, row);
        if (cmp == CMP_FAIL)
            return read_failed(f, t->table, a, fault), false;
        if (cmp > 0)
            break;
        if (cmp == 0) {
            Cell id;
            if (!fsql_cells(c->st, 1, 1, &id) || !fsql_cells(c->st, 2, cols->n, cells))
                return read_failed(f, t->table, a, fault), false;
            Row *r = fsql_decode(f, t, cols, &id, cells, a, fault);
            if (fault->kind != FAULT_NONE)
                return false;
            if (r)
                rows_push(a, rows, r);
        }
        cursor_step(f, c, a, fault);
        if (fault->kind != FAULT_NONE)
            return false;
    }
    return true;
}

/* Collect a subject's rows of a many link from its merge cursor. */
static Value merge_link(SqlFacts *f, SqlStream *s, Row *row, const Field *fld, Arena *a, Fault *fault)
{
    Cursor *c = &s->cur[fld->index];
    const Record *t = fld->rec_target;
    if (!c->started && !cursor_start(f, c, s->range, fld, a, fault))
        return v_missing(reason_text(a, "cannot read %s", t->table));
    if (!row->key)
        return v_missing(reason_text(a, "the record has no key to link by"));
    Rows rows = {0};
    bool ok = c->guided ? merge_guided(f, c, row, t, &rows, a, fault) : merge_plain(f, c, row, t, &rows, a, fault);
    if (!ok)
        return v_missing(reason_text(a, "%s", fault->msg ? fault->msg : "cannot read the rows"));
    return rows_list(a, &rows);
}

/* The prepared lookup of a link: rows whose column matches ?2 (BINARY). */
static sqlite3_stmt *lookup_stmt(SqlFacts *f, const Row *row, const Field *fld, Arena *a, Fault *fault)
{
    sqlite3_stmt **slot = &f->lookup[row->rec->index][fld->index];
    if (!*slot) {
        const Record *t = fld->rec_target;
        const char *col = fld->kind == FIELD_MANY ? fsql_column(t->fields.v[fld->by_index]) : key_column(t);
        char *where = fsql_sql("\"%w\" = ?2 COLLATE BINARY", col);
        *slot = select_rows(f, t, NULL, where, cols_of(f, t)->order, a, fault);
        sqlite3_free(where);
    }
    return *slot;
}

/* Bind the value a link looks up by: the row's key (many) or its linking
   column (one), that value in *keyv. 1 bound; 0 when there is none to link
   by (*keyv says why when missing); -1 when SQLite fails. */
static int bind_link_key(sqlite3_stmt *st, const Row *row, const Field *fld, Value *keyv)
{
    int rc;
    if (fld->kind == FIELD_MANY) {
        if (!row->key)
            return 0;
        *keyv = v_text(row->key);
        rc = row->key_int ? sqlite3_bind_int64(st, 2, row->ikey) : sqlite3_bind_text(st, 2, row->key, -1, SQLITE_TRANSIENT);
        return rc == SQLITE_OK ? 1 : -1;
    }
    *keyv = row->cols[fld->by_index];
    if (keyv->k == V_TEXT)
        rc = sqlite3_bind_text(st, 2, keyv->u.s, -1, SQLITE_TRANSIENT);
    else if (keyv->k == V_NUM && num_is_int(keyv->u.n))
        rc = sqlite3_bind_int64(st, 2, num_to_int(keyv->u.n));
    else
        return 0;
    return rc == SQLITE_OK ? 1 : -1;
}

/* Read every row of a prepared statement (identity, cols...) into rows. */
static bool read_all(SqlFacts *f, sqlite3_stmt *st, const Record *t, Rows *rows, bool persistent, Arena *a, Fault *fault)
{
    const Cols *cols = cols_of(f, t);
    Cell *cells = arena_array(a, (size_t)cols->n + 1, sizeof *cells);
    Cell id;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!fsql_cells(st, 0, 1, &id) || !fsql_cells(st, 1, cols->n, cells))
            return read_failed(f, t->table, a, fault), false;
        Row *r = fsql_decode(f, t, cols, &id, cells, a, fault);
        if (fault->kind != FAULT_NONE)
            return false;
        if (!r)
            continue;
        r->persistent = persistent;
        rows_push(a, rows, r);
    }
    if (rc != SQLITE_DONE) {
        read_failed(f, t->table, a, fault);
        return false;
    }
    return true;
}

/* Rows of a link through a prepared lookup by key; a one link's key must
   be on one row of the linked table (else bad data). */
static Value lookup_link(SqlFacts *f, Row *row, const Field *fld, Arena *a, Fault *fault)
{
    const Record *t = fld->rec_target;
    sqlite3_stmt *st = lookup_stmt(f, row, fld, a, fault);
    if (!st)
        return v_missing(reason_text(a, "cannot read %s", t->table));
    sqlite3_reset(st);      /* (its last step's result was seen) */
    Value keyv = {0};
    int bound = bind_link_key(st, row, fld, &keyv);
    if (bound < 0) {
        read_failed(f, t->table, a, fault);
        return v_missing(reason_text(a, "%s", fault->msg));
    }
    if (bound == 0) {
        if (fld->kind == FIELD_MANY)
            return v_missing(reason_text(a, "the record has no key to link by"));
        return keyv.k == V_MISSING ? keyv : v_missing(reason_text(a, "cannot link by this value"));
    }
    Rows rows = {0};
    if (!read_all(f, st, t, &rows, false, a, fault))
        return v_missing(reason_text(a, "%s", fault->msg));
    if (fld->kind == FIELD_MANY)
        return rows_list(a, &rows);
    const char *k = keyv.k == V_TEXT ? keyv.u.s : arena_printf(a, "%lld", (long long)num_to_int(keyv.u.n));
    if (rows.n == 0)
        return v_missing(reason_text(a, "no %s row with %s = %s", t->table, t->key ? t->key : "key", sb_visible(a, k)));
    if (rows.n > 1) {
        fault->kind = FAULT_DATA;
        fault->msg = arena_printf(a, "bad data in %s: more than one row has the key %s (column %s); a record's key must be"
                                  " unique", t->table, sb_visible(a, k), key_column(t));
        return v_missing(reason_text(a, "%s", fault->msg));
    }
    return rows.items[0];
}

/* Follow a row's link field, cached on the row: a list of rows, or one row (or missing). */
Value fsql_link(Facts *base, Row *row, const Field *fld, Arena *a, Fault *fault)
{
    SqlFacts *f = (SqlFacts *)base;
    if (row->loaded[fld->index])
        return row->cols[fld->index];
    Value v;
    if (row->subject && fld->kind == FIELD_MANY && f->active && f->active->rec == row->rec && !f->active->only_id)
        v = merge_link(f, f->active, row, fld, a, fault);
    else
        v = lookup_link(f, row, fld, a, fault);
    if (!row->persistent) {
        row->cols[fld->index] = v;
        row->loaded[fld->index] = 1;
    }
    return v;
}

/* Every visible row of a record's table, read once per reader. */
Value fsql_table(Facts *base, const Record *r, Fault *fault)
{
    SqlFacts *f = (SqlFacts *)base;
    if (f->have_table[r->index])
        return f->tables[r->index];
    sqlite3_stmt *st = select_rows(f, r, NULL, NULL, cols_of(f, r)->order, f->run, fault);
    if (!st)
        return v_missing(reason_text(f->run, "cannot read %s", r->table));
    Rows rows = {0};
    bool ok = read_all(f, st, r, &rows, true, f->run, fault);
    sqlite3_finalize(st);
    if (!ok)
        return v_missing(reason_text(f->run, "%s", fault->msg ? fault->msg : "cannot read the table"));
    f->have_table[r->index] = true;
    f->tables[r->index] = rows_list(f->run, &rows);
    return f->tables[r->index];
}
