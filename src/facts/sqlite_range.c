/* sqlite_range.c: a record's subjects split into ranges of keys, for
   readers on other threads (qpl eval --jobs). The splitting reader steps
   through the key's index once, in key order, and ends a range at the first
   key that differs from the one at its size-th row, so that rows with equal
   keys share a range. A range is two keys as SQLite stores them, bound to
   the statements of the other readers as values of their own type: the
   subjects' guide and scan, and the merge cursors of their many links, read
   only `col >= lo AND col < hi` (BINARY), so each reader reads the rows of
   its own ranges and nothing else. Records whose rows cannot be read that
   way, or not well, are not split (facts_partition says NULL). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "../util/mem.h"
#include "sqlite_int.h"

/* A partition of a record's subjects: its key column read in key order. */
typedef struct SqlPartition {
    SqlFacts *f;            /* first: facts.c finds the reader through it */
    const Record *rec;
    sqlite3_stmt *keys;     /* the keys, in key order */
    long size;
    bool pending;           /* keys is on a row not counted yet (the first of the next range) */
    bool done;
    Bound last;             /* where the last range ended (its hi), in `store` */
    Bound edge;             /* the key of the size-th row of the range being made, in `edge_store` */
    char *store, *edge_store;
} SqlPartition;

/* The affinity SQLite gives a column's declared type (fsql_affinity); 0
   when the declaration cannot be read (a view's column). */
static char column_affinity(sqlite3 *db, const char *table, const char *col)
{
    const char *type = NULL;
    if (sqlite3_table_column_metadata(db, "main", table, col, &type, NULL, NULL, NULL, NULL) != SQLITE_OK)
        return 0;
    return fsql_affinity(type ? type : "");
}

/* Whether SQLite would compare a linking column with a range's keys (values
   of the key column) as they are: the two columns have the same affinity
   (a stored key is as that affinity leaves it), or the linking column has none. */
static bool same_comparison(SqlFacts *f, const Record *r, const char *key, const Record *t, const char *by)
{
    char ka = column_affinity(f->src->db, r->table, key), ba = column_affinity(f->src->db, t->table, by);
    return ka && ba && (ka == ba || ba == 'b');
}

/* Whether a statement of one row answers: 1 a row, 0 none, -1 failed. */
static int one_row(sqlite3 *db, char *sql)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    int yes = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
    sqlite3_finalize(st);
    return yes;
}

/* Whether the database may be changed by another program while it is read
   (a WAL database read with its -wal file: each connection would see the
   state of its own first read). */
static bool live_wal(SqlFacts *f)
{
    if (f->src->immutable)
        return false;
    sqlite3_stmt *st = NULL;
    bool wal = true;    /* (when it cannot be told) */
    if (sqlite3_prepare_v2(f->src->db, "PRAGMA main.journal_mode", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        const char *mode = (const char *)sqlite3_column_text(st, 0);
        wal = !mode || !strcasecmp(mode, "wal");
    }
    sqlite3_finalize(st);
    return wal;
}

/* Whether the many links of r that the program reads can be merged in by
   key range: their tables have an index on the linking column, compared
   with the key as it is. */
static bool links_split(SqlFacts *f, const Record *r, const char *key, Arena *a, Fault *fault)
{
    for (int i = 0; i < r->fields.n; i++) {
        const Field *fld = r->fields.v[i];
        if (fld->kind != FIELD_MANY || !fld->used || !fld->rec_target || fld->by_index < 0)
            continue;
        const Record *t = fld->rec_target;
        const char *by = fsql_column(t->fields.v[fld->by_index]);
        if (fsql_guided_kept(f, t, by, a, fault) != 1 || !same_comparison(f, r, key, t, by))
            return false;
    }
    return true;
}

/* Whether readers on other connections see what f sees for the whole run: a
   case database that no other program writes meanwhile. */
bool fsql_shared_snapshot(Facts *base)
{
    SqlFacts *f = (SqlFacts *)base;
    return !f->begin_failed && f->src->snapshot && !live_wal(f);
}

/* Whether record r's subjects can be read by key ranges, and well: a case
   database no other program writes meanwhile; a key with an index on it and
   no NULL keys; many links merged through indexes. */
static bool splittable(SqlFacts *f, const Record *r)
{
    if (!fsql_shared_snapshot(&f->base) || r->key_index < 0)
        return false;
    const char *key = fsql_column(r->fields.v[r->key_index]);
    Arena *a = arena_new();
    Fault fault = {FAULT_NONE, NULL};
    bool yes = fsql_guided_kept(f, r, key, a, &fault) == 1 &&
               one_row(f->src->db, fsql_sql("SELECT 1 FROM \"%w\" WHERE \"%w\" IS NULL LIMIT 1", r->table, key)) == 0 &&
               links_split(f, r, key, a, &fault);
    arena_free(a);
    return yes;
}

/* Split a record's subjects into key ranges of about size rows, or NULL. */
Partition *fsql_partition(Facts *base, const Record *r, long size)
{
    SqlFacts *f = (SqlFacts *)base;
    if (size < 1 || !splittable(f, r))
        return NULL;
    const char *key = fsql_column(r->fields.v[r->key_index]);
    char *sql = fsql_sql("SELECT \"%w\" FROM \"%w\" ORDER BY \"%w\" COLLATE BINARY", key, r->table, key);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(f->src->db, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(st);
        return NULL;
    }
    SqlPartition *pt = xcalloc(1, sizeof *pt);
    pt->f = f;
    pt->rec = r;
    pt->keys = st;
    pt->size = size;
    return (Partition *)pt;
}

/* Free a partition. */
void fsql_partition_free(Partition *base)
{
    SqlPartition *pt = (SqlPartition *)base;
    sqlite3_finalize(pt->keys);
    free(pt->store);
    free(pt->edge_store);
    free(pt);
}

/* The key in column 0 of st's row as a bound, its text or blob in the
   statement (valid until its next step); false when SQLite fails (or for a
   NULL, which splittable found none of). */
static bool key_peek(sqlite3_stmt *st, Bound *b)
{
    memset(b, 0, sizeof *b);
    b->type = sqlite3_column_type(st, 0);
    if (b->type == SQLITE_INTEGER) {
        b->i = sqlite3_column_int64(st, 0);
    } else if (b->type == SQLITE_FLOAT) {
        b->d = sqlite3_column_double(st, 0);
    } else if (b->type == SQLITE_TEXT || b->type == SQLITE_BLOB) {
        b->s = b->type == SQLITE_TEXT ? (const char *)sqlite3_column_text(st, 0) : sqlite3_column_blob(st, 0);
        b->len = sqlite3_column_bytes(st, 0);
        if (!b->s && (b->len || sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM))
            return false;
        b->s = b->s ? b->s : "";
    } else {
        return false;
    }
    return true;
}

/* Keep a bound in *store (malloc'd, replacing what was there). */
static void bound_keep(Bound *to, const Bound *b, char **store)
{
    *to = *b;
    if (b->type == SQLITE_TEXT || b->type == SQLITE_BLOB) {
        *store = xrealloc(*store, (size_t)b->len + 1);
        if (b->len)
            memcpy(*store, b->s, (size_t)b->len);
        (*store)[b->len] = 0;
        to->s = *store;
    }
}

/* A bound copied into arena a. */
static Bound bound_copy(const Bound *b, Arena *a)
{
    Bound c = *b;
    if (b->type == SQLITE_TEXT || b->type == SQLITE_BLOB)
        c.s = arena_strndup(a, b->s, (size_t)b->len);
    return c;
}

/* Order two keys as SQLite does with the BINARY collation: numbers by
   value, then text, then blobs, by their bytes. */
static int bound_cmp(const Bound *x, const Bound *y)
{
    bool xn = x->type == SQLITE_INTEGER || x->type == SQLITE_FLOAT, yn = y->type == SQLITE_INTEGER || y->type == SQLITE_FLOAT;
    if (xn && yn) {
        if (x->type == SQLITE_INTEGER && y->type == SQLITE_INTEGER)
            return (x->i > y->i) - (x->i < y->i);
        double a = x->type == SQLITE_INTEGER ? (double)x->i : x->d, b = y->type == SQLITE_INTEGER ? (double)y->i : y->d;
        return (a > b) - (a < b);
    }
    if (xn != yn)
        return xn ? -1 : 1;
    if (x->type != y->type)
        return x->type == SQLITE_TEXT ? -1 : 1;
    int n = x->len < y->len ? x->len : y->len, c = n ? memcmp(x->s, y->s, (size_t)n) : 0;
    return c ? (c > 0) - (c < 0) : (x->len > y->len) - (x->len < y->len);
}

/* The next range: from where the last ended to the first key after its
   size-th row that differs from that row's key (or to the end). */
const FactRange *fsql_partition_next(Partition *base, Arena *a, Fault *fault)
{
    SqlPartition *pt = (SqlPartition *)base;
    if (pt->done)
        return NULL;
    SqlRange *rg = arena_alloc(a, sizeof *rg);
    rg->lo = bound_copy(&pt->last, a);
    for (long n = 0;; n++) {
        int rc = pt->pending ? SQLITE_ROW : sqlite3_step(pt->keys);
        pt->pending = false;
        if (rc == SQLITE_DONE) {
            pt->done = true;
            return (const FactRange *)rg;   /* (to the end) */
        }
        Bound k;
        if (rc != SQLITE_ROW || !key_peek(pt->keys, &k)) {
            pt->done = true;
            fsql_failed(pt->f, pt->rec->table, a, fault);
            return NULL;
        }
        if (n + 1 == pt->size)
            bound_keep(&pt->edge, &k, &pt->edge_store);
        if (n >= pt->size && bound_cmp(&k, &pt->edge) != 0) {
            rg->hi = bound_copy(&k, a);
            bound_keep(&pt->last, &k, &pt->store);
            pt->pending = true;
            return (const FactRange *)rg;
        }
    }
}

/* The condition that col is in a range, after " join " (join NULL: alone);
   "" when the range is the whole table. Its ends are ?3 and ?4 (fsql_bind_range). */
char *fsql_range_cond(const SqlRange *rg, const char *col, const char *join)
{
    sqlite3_str *c = sqlite3_str_new(NULL);
    if ((rg->lo.type || rg->hi.type) && join)
        sqlite3_str_appendf(c, " %s ", join);
    if (rg->lo.type)
        sqlite3_str_appendf(c, "\"%w\" >= ?3 COLLATE BINARY", col);
    if (rg->lo.type && rg->hi.type)
        sqlite3_str_appendall(c, " AND ");
    if (rg->hi.type)
        sqlite3_str_appendf(c, "\"%w\" < ?4 COLLATE BINARY", col);
    return fsql_str_finish(c);
}

/* Bind one end of a range to parameter i. */
static int bind_bound(sqlite3_stmt *st, int i, const Bound *b)
{
    switch (b->type) {
    case SQLITE_INTEGER: return sqlite3_bind_int64(st, i, b->i);
    case SQLITE_FLOAT: return sqlite3_bind_double(st, i, b->d);
    case SQLITE_TEXT: return sqlite3_bind_text(st, i, b->s, b->len, SQLITE_STATIC);
    case SQLITE_BLOB: return sqlite3_bind_blob(st, i, b->s, b->len, SQLITE_STATIC);
    default: return SQLITE_OK;
    }
}

/* Bind the ends of a range to ?3 and ?4 of a statement made with
   fsql_range_cond (the range outlives the statement's use); false when SQLite fails. */
bool fsql_bind_range(sqlite3_stmt *st, const SqlRange *rg)
{
    return bind_bound(st, 3, &rg->lo) == SQLITE_OK && bind_bound(st, 4, &rg->hi) == SQLITE_OK;
}

/* A statement of range streams, kept prepared for the next range. */
typedef struct KeptStmt {
    char *sql;
    sqlite3_stmt *st;
    bool busy;              /* in use by a stream */
} KeptStmt;

/* Prepare a statement of a range stream (sql is freed), or take the one
   an earlier range prepared with the same SQL, binding the as-of date to ?1
   when it has one; NULL with the fault set on failure. fsql_release gives it back. */
sqlite3_stmt *fsql_prepare_kept(SqlFacts *f, const char *table, char *sql, Arena *a, Fault *fault)
{
    KeptStmt *k = map_get(&f->range_stmts, sql);
    if (k && !k->busy) {
        sqlite3_free(sql);
        if (sqlite3_bind_parameter_count(k->st) >= 1 &&
            sqlite3_bind_text(k->st, 1, f->as_of_text, -1, SQLITE_STATIC) != SQLITE_OK) {
            fsql_failed(f, table, a, fault);
            return NULL;
        }
        k->busy = true;
        return k->st;
    }
    char *copy = k ? NULL : xstrdup(sql);
    sqlite3_stmt *st = fsql_prepare(f, table, sql, a, fault);
    if (!st || !copy) {
        free(copy);
        return st;      /* (the same SQL twice at once: this one is not kept) */
    }
    k = xcalloc(1, sizeof *k);
    k->sql = copy;
    k->st = st;
    k->busy = true;
    map_put(&f->range_stmts, k->sql, k);
    return st;
}

/* Be done with a statement of the reader: a kept one is reset for the next
   range (its bindings cleared), any other finalized. */
void fsql_release(SqlFacts *f, sqlite3_stmt *st)
{
    if (!st)
        return;
    for (int i = 0; i < f->range_stmts.n; i++) {
        KeptStmt *k = f->range_stmts.e[i].val;
        if (k->st == st) {
            sqlite3_reset(st);      /* (its last step's result was seen) */
            sqlite3_clear_bindings(st);    /* (always SQLITE_OK) */
            k->busy = false;
            return;
        }
    }
    sqlite3_finalize(st);
}

/* fsql_guided, asked once per table and column by a reader of ranges. */
int fsql_guided_kept(SqlFacts *f, const Record *t, const char *col, Arena *a, Fault *fault)
{
    char *key = fsql_sql("%s\037%s", t->table, col);
    intptr_t known = (intptr_t)map_get(&f->range_guided, key);
    if (known) {
        sqlite3_free(key);
        return (int)known - 1;
    }
    int yes = fsql_guided(f, t, col, a, fault);
    if (yes >= 0) {
        char *copy = xstrdup(key);
        map_put(&f->range_guided, copy, (void *)(intptr_t)(yes + 1));
    }
    sqlite3_free(key);
    return yes;
}

/* Free what a reader kept for reading ranges. */
void fsql_range_free(SqlFacts *f)
{
    for (int i = 0; i < f->range_stmts.n; i++) {
        KeptStmt *k = f->range_stmts.e[i].val;
        sqlite3_finalize(k->st);
        free(k->sql);
        free(k);
    }
    map_free(&f->range_stmts);
    for (int i = 0; i < f->range_guided.n; i++)
        free((char *)f->range_guided.e[i].key);
    map_free(&f->range_guided);
}
