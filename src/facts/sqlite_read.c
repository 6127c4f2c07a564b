/* sqlite_read.c: reading rows of SQLite tables into values, as they stood on
   the as-of date: subjects streamed in key order with the rows of their
   many links merge-joined, lookups for other links, whole tables cached. */
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

/* A reader of a SQLite source's facts for a program as of a date. */
Facts *fsql_reader(FactSource *fs, const Program *p, qdate as_of, Arena *run)
{
    SqlFacts *f = xcalloc(1, sizeof *f);
    f->base.ops = fs->ops;
    f->src = (SqlSource *)fs;
    f->p = p;
    f->as_of = as_of;
    f->run = run;
    f->lookup = xcalloc((size_t)p->records.n + 1, sizeof *f->lookup);
    for (int i = 0; i < p->records.n; i++)
        f->lookup[i] = xcalloc((size_t)((Record *)p->records.v[i])->fields.n + 1, sizeof **f->lookup);
    f->tables = xcalloc((size_t)p->records.n + 1, sizeof *f->tables);
    f->have_table = xcalloc((size_t)p->records.n + 1, sizeof *f->have_table);
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
    }
    free(f->lookup);
    free(f->tables);
    free(f->have_table);
    free(f);
}

/* The SELECT list of a record: rowid, then every column field (sqlite3_free it). */
static char *fsql_select_list(const Record *r)
{
    sqlite3_str *s = sqlite3_str_new(NULL);
    sqlite3_str_appendall(s, "rowid");
    for (int i = 0; i < r->fields.n; i++) {
        const Field *fl = r->fields.v[i];
        if (fl->kind == FIELD_COLUMN)
            sqlite3_str_appendf(s, ", \"%w\"", fl->name);
    }
    return sqlite3_str_finish(s);
}

/* Prepare a statement (sql is freed); NULL with the fault set on failure. */
static sqlite3_stmt *prepare(SqlFacts *f, char *sql, Arena *a, Fault *fault)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(f->src->db, sql, -1, &st, NULL) != SQLITE_OK) {
        fault->kind = FAULT_SOURCE;
        fault->msg = arena_printf(a, "reading the database failed: %s", sqlite3_errmsg(f->src->db));
        st = NULL;
    }
    sqlite3_free(sql);
    return st;
}

/* How a row is named in messages: by its key, else by its rowid. */
static const char *row_name(Arena *a, const Record *r, const Row *row)
{
    return row->key ? arena_printf(a, "%s row with key %s", r->table, row->key)
                    : arena_printf(a, "%s row %lld", r->table, (long long)row->rowid);
}

/* Set a bad-data fault about a row's column. */
static void bad(Fault *fault, Arena *a, const Record *r, const Row *row, const char *fmt, const char *col, const char *text)
{
    fault->kind = FAULT_DATA;
    fault->msg = arena_printf(a, "bad data in %s: column %s %s", row_name(a, r, row), col, arena_printf(a, fmt, text));
}

/* Decode one column value of a known storage type into out; false on bad data. */
static bool decode_value(SqlFacts *f, const Field *fl, sqlite3_stmt *st, int col, int ty, Row *row, Arena *a, Fault *fault)
{
    Value *out = &row->cols[fl->index];
    const Record *r = row->rec;
    const char *text = (const char *)sqlite3_column_text(st, col);
    switch (fl->type->kind) {
    case T_BOOL: {
        sqlite3_int64 v = sqlite3_column_int64(st, col);
        if (ty != SQLITE_INTEGER || (v != 0 && v != 1)) {
            bad(fault, a, r, row, "holds %s, not 0 or 1", fl->name, text);
            return false;
        }
        *out = v_bool(v == 1);
        return true;
    }
    case T_NUMBER: {
        Num n;
        if (ty == SQLITE_INTEGER)
            n = num_int(sqlite3_column_int64(st, col));
        else if (ty != SQLITE_FLOAT || !num_from_double(sqlite3_column_double(st, col), &n)) {
            bad(fault, a, r, row, "holds %s, not a number", fl->name, text);
            return false;
        }
        *out = v_num(n);
        return true;
    }
    case T_TEXT:
        *out = v_text(arena_strdup(a, text));
        return true;
    case T_DATE: {
        qdate d;
        if (ty != SQLITE_TEXT || !date_parse(text, (size_t)sqlite3_column_bytes(st, col), &d)) {
            bad(fault, a, r, row, "holds \"%s\", which is not a date (YYYY-MM-DD)", fl->name, text);
            return false;
        }
        *out = fl->not_yet && d > f->as_of ? v_missing(reason_field(a, R_NOT_YET, row, fl)) : v_date(d);
        return true;
    }
    case T_CODE: {
        int c = scale_lookup(fl->type->scale, text, (size_t)sqlite3_column_bytes(st, col));
        if (c < 0) {
            fault->kind = FAULT_DATA;
            fault->msg = arena_printf(a, "bad data in %s: column %s holds \"%s\", which is not a known %s", row_name(a, r, row),
                                      fl->name, text, fl->type->name);
            return false;
        }
        *out = v_code(fl->type->scale, c);
        return true;
    }
    default:
        return true;
    }
}

/* Read a row's key (its text, and its integer when stored as one). */
static void decode_key(const Record *r, sqlite3_stmt *st, int first_col, Row *row, Arena *a)
{
    if (r->key_index < 0)
        return;
    int kc = first_col + 1;
    for (int i = 0; i < r->key_index; i++)
        kc += ((const Field *)r->fields.v[i])->kind == FIELD_COLUMN;
    if (sqlite3_column_type(st, kc) == SQLITE_INTEGER) {
        row->key_int = true;
        row->ikey = sqlite3_column_int64(st, kc);
    }
    const unsigned char *k = sqlite3_column_text(st, kc);
    row->key = k ? arena_strdup(a, (const char *)k) : NULL;
}

/* Decode the current row of st (rowid, columns...) into a Row; NULL when the
   row is dated after as-of. Bad data sets the fault (the row is returned). */
static Row *decode(SqlFacts *f, const Record *r, sqlite3_stmt *st, int first_col, Arena *a, Fault *fault)
{
    Row *row = arena_alloc(a, sizeof *row);
    row->rec = r;
    row->rowid = sqlite3_column_int64(st, first_col);
    row->cols = arena_array(a, (size_t)r->fields.n + 1, sizeof *row->cols);
    row->loaded = arena_alloc(a, (size_t)r->fields.n + 1);
    decode_key(r, st, first_col, row, a);
    int col = first_col + 1;
    for (int i = 0; i < r->fields.n; i++) {
        const Field *fl = r->fields.v[i];
        if (fl->kind != FIELD_COLUMN)
            continue;
        int ty = sqlite3_column_type(st, col);
        if (ty == SQLITE_NULL) {
            if (fl->required) {
                fault->kind = FAULT_DATA;
                fault->msg = arena_printf(a, "bad data in %s: column %s is NULL, but the policy's binding says it is required",
                                          row_name(a, r, row), fl->name);
                return row;
            }
            row->cols[i] = v_missing(reason_field(a, R_NULL, row, fl));
        } else if (!decode_value(f, fl, st, col, ty, row, a, fault)) {
            return row;
        }
        col++;
    }
    if (r->dated_index >= 0) {
        Value dv = row->cols[r->dated_index];
        if (dv.k == V_DATE && dv.u.d > f->as_of)
            return NULL;
    }
    return row;
}

/* Start streaming a record's rows in key order, or only the one with key only_id. */
Stream *fsql_subjects(Facts *base, const Record *r, const char *only_id)
{
    SqlFacts *f = (SqlFacts *)base;
    SqlStream *s = xcalloc(1, sizeof *s);
    s->f = f;
    s->rec = r;
    char *cols = fsql_select_list(r);
    const char *key = r->key ? r->key : "rowid";
    char *sql = only_id ? sqlite3_mprintf("SELECT %s FROM \"%w\" WHERE \"%w\" = ?1 ORDER BY \"%w\"", cols, r->table, key, key)
                        : sqlite3_mprintf("SELECT %s FROM \"%w\" ORDER BY \"%w\"", cols, r->table, key);
    sqlite3_free(cols);
    Fault ignore = {FAULT_NONE, NULL};
    s->st = prepare(f, sql, f->run, &ignore);
    if (s->st && only_id)
        sqlite3_bind_text(s->st, 1, only_id, -1, SQLITE_TRANSIENT);
    s->cur = xcalloc((size_t)r->fields.n + 1, sizeof *s->cur);
    f->active = s;
    return (Stream *)s;
}

/* Finish a stream of subjects and free its statements. */
void fsql_stream_free(Stream *base)
{
    SqlStream *s = (SqlStream *)base;
    if (s->f->active == s)
        s->f->active = NULL;
    sqlite3_finalize(s->st);
    for (int i = 0; i < s->rec->fields.n; i++)
        sqlite3_finalize(s->cur[i].st);
    free(s->cur);
    free(s);
}

/* The stream's next subject row dated by as-of, or NULL at the end or on a fault. */
Row *fsql_next(Stream *base, Arena *a, Fault *fault)
{
    SqlStream *s = (SqlStream *)base;
    if (!s->st) {
        fault->kind = FAULT_SOURCE;
        fault->msg = arena_printf(a, "reading the database failed: %s", sqlite3_errmsg(s->f->src->db));
        return NULL;
    }
    for (;;) {
        int rc = sqlite3_step(s->st);
        if (rc != SQLITE_ROW) {
            if (rc != SQLITE_DONE) {
                fault->kind = FAULT_SOURCE;
                fault->msg = arena_printf(a, "reading the database failed: %s", sqlite3_errmsg(s->f->src->db));
            }
            return NULL;
        }
        Row *row = decode(s->f, s->rec, s->st, 0, a, fault);
        if (fault->kind != FAULT_NONE || row) {
            row->subject = true;
            return row;
        }
    }
}

/* Compare the link column of the cursor's current row with a subject's key,
   in SQLite's ORDER BY order: NULL, then integers by value, then text. */
static int cmp_key(sqlite3_stmt *st, int col, const Row *row)
{
    int ty = sqlite3_column_type(st, col);
    if (ty == SQLITE_NULL)
        return -1;
    if (row->key_int) {
        if (ty == SQLITE_INTEGER || ty == SQLITE_FLOAT) {
            sqlite3_int64 v = sqlite3_column_int64(st, col);
            return (v > row->ikey) - (v < row->ikey);
        }
        return 1;
    }
    if (ty == SQLITE_INTEGER || ty == SQLITE_FLOAT)
        return -1;
    const unsigned char *k = sqlite3_column_text(st, col);
    return strcmp((const char *)k, row->key ? row->key : "");
}

/* Step a cursor, noting a failure as a fault. */
static void cursor_step(SqlFacts *f, Cursor *c, Arena *a, Fault *fault)
{
    int rc = sqlite3_step(c->st);
    if (rc == SQLITE_ROW)
        return;
    c->done = true;
    if (rc != SQLITE_DONE) {
        fault->kind = FAULT_SOURCE;
        fault->msg = arena_printf(a, "reading the database failed: %s", sqlite3_errmsg(f->src->db));
    }
}

/* Start the merge cursor of a many link: its rows in linking-column order. */
static bool cursor_start(SqlFacts *f, Cursor *c, const Field *fld, Arena *a, Fault *fault)
{
    const Record *t = fld->rec_target;
    char *cols = fsql_select_list(t);
    char *sql = sqlite3_mprintf("SELECT \"%w\", %s FROM \"%w\" ORDER BY \"%w\", rowid", fld->by, cols, t->table, fld->by);
    sqlite3_free(cols);
    c->st = prepare(f, sql, a, fault);
    if (!c->st) {
        c->done = true;
        return false;
    }
    c->started = true;
    cursor_step(f, c, a, fault);
    return fault->kind == FAULT_NONE;
}

/* Collect a subject's rows of a many link from its merge cursor. */
static Value merge_link(SqlFacts *f, SqlStream *s, Row *row, const Field *fld, Arena *a, Fault *fault)
{
    Cursor *c = &s->cur[fld->index];
    const Record *t = fld->rec_target;
    if (!c->started && !cursor_start(f, c, fld, a, fault))
        return v_missing(reason_text(a, "cannot read %s", t->table));
    Rows rows = {0};
    while (!c->done) {
        int cmp = cmp_key(c->st, 0, row);
        if (cmp > 0)
            break;
        if (cmp == 0) {
            Row *r = decode(f, t, c->st, 1, a, fault);
            if (fault->kind != FAULT_NONE)
                return v_missing(reason_text(a, "%s", fault->msg));
            if (r)
                rows_push(a, &rows, r);
        }
        cursor_step(f, c, a, fault);
        if (fault->kind != FAULT_NONE)
            return v_missing(reason_text(a, "%s", fault->msg));
    }
    return rows_list(a, &rows);
}

/* The prepared lookup of a link: rows whose column matches ?1. */
static sqlite3_stmt *lookup_stmt(SqlFacts *f, const Row *row, const Field *fld, Arena *a, Fault *fault)
{
    sqlite3_stmt **slot = &f->lookup[row->rec->index][fld->index];
    if (!*slot) {
        const Record *t = fld->rec_target;
        char *cols = fsql_select_list(t);
        const char *col = fld->kind == FIELD_MANY ? fld->by : t->key;
        *slot = prepare(f, sqlite3_mprintf("SELECT %s FROM \"%w\" WHERE \"%w\" = ?1 ORDER BY rowid", cols, t->table, col), a, fault);
        sqlite3_free(cols);
    }
    return *slot;
}

/* Bind the value a link looks up by: the row's key (many) or its linking column (one). */
static bool bind_link_key(sqlite3_stmt *st, const Row *row, const Field *fld, Value *keyv)
{
    if (fld->kind == FIELD_MANY) {
        if (!row->key)
            return false;
        sqlite3_bind_text(st, 1, row->key, -1, SQLITE_TRANSIENT);
        return true;
    }
    *keyv = row->cols[fld->by_index];
    if (keyv->k == V_TEXT)
        sqlite3_bind_text(st, 1, keyv->u.s, -1, SQLITE_TRANSIENT);
    else if (keyv->k == V_NUM)
        sqlite3_bind_int64(st, 1, num_to_int(keyv->u.n));
    return keyv->k != V_MISSING;
}

/* Rows of a link through a prepared lookup by key. */
static Value lookup_link(SqlFacts *f, Row *row, const Field *fld, Arena *a, Fault *fault)
{
    const Record *t = fld->rec_target;
    sqlite3_stmt *st = lookup_stmt(f, row, fld, a, fault);
    if (!st)
        return v_missing(reason_text(a, "cannot read %s", t->table));
    sqlite3_reset(st);
    Value keyv = {0};
    if (!bind_link_key(st, row, fld, &keyv))
        return fld->kind == FIELD_MANY ? v_missing(reason_text(a, "the record has no key to link by")) : keyv;
    Rows rows = {0};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        Row *r = decode(f, t, st, 0, a, fault);
        if (fault->kind != FAULT_NONE)
            return v_missing(reason_text(a, "%s", fault->msg));
        if (r)
            rows_push(a, &rows, r);
    }
    if (rc != SQLITE_DONE) {
        fault->kind = FAULT_SOURCE;
        fault->msg = arena_printf(a, "reading the database failed: %s", sqlite3_errmsg(f->src->db));
    }
    if (fld->kind == FIELD_ONE) {
        if (rows.n == 0)
            return v_missing(reason_text(a, "no %s row with %s = %s", t->table, t->key ? t->key : "key",
                                         keyv.k == V_TEXT ? keyv.u.s : "?"));
        return rows.items[0];
    }
    return rows_list(a, &rows);
}

/* Follow a row's link field, cached on the row: a list of rows, or one row (or missing). */
Value fsql_link(Facts *base, Row *row, const Field *fld, Arena *a, Fault *fault)
{
    SqlFacts *f = (SqlFacts *)base;
    if (row->loaded[fld->index])
        return row->cols[fld->index];
    Value v;
    if (row->subject && fld->kind == FIELD_MANY && f->active && f->active->rec == row->rec)
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
    char *cols = fsql_select_list(r);
    sqlite3_stmt *st = prepare(f, sqlite3_mprintf("SELECT %s FROM \"%w\" ORDER BY rowid", cols, r->table), f->run, fault);
    sqlite3_free(cols);
    if (!st)
        return v_missing(reason_text(f->run, "cannot read %s", r->table));
    Rows rows = {0};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        Row *row = decode(f, r, st, 0, f->run, fault);
        if (fault->kind != FAULT_NONE) {
            sqlite3_finalize(st);
            return v_missing(reason_text(f->run, "%s", fault->msg));
        }
        if (!row)
            continue;
        row->persistent = true;
        rows_push(f->run, &rows, row);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        fault->kind = FAULT_SOURCE;
        fault->msg = arena_printf(f->run, "reading the database failed: %s", sqlite3_errmsg(f->src->db));
        return v_missing(reason_text(f->run, "cannot read %s", r->table));
    }
    f->have_table[r->index] = true;
    f->tables[r->index] = rows_list(f->run, &rows);
    return f->tables[r->index];
}
