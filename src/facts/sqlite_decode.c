/* sqlite_decode.c: the columns a reader selects from a record's table, and
   decoding a selected row into a Row: each value read is checked against
   its field's type as it is decoded (bad data is reported with its table,
   row and column). Cells are the values of one row, taken from a statement
   or from a row held back by a scan (sqlite_scan.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../check/usage.h"
#include "../util/mem.h"
#include "sqlite_int.h"

REASON(not_read, "this column is not read");
REASON(no_column, "the database has no such column");

/* The SQL name of a column field. */
const char *fsql_column(const Field *fl)
{
    return fl->column ? fl->column : fl->name;
}

/* Whether a table is WITHOUT ROWID: 1 yes, 0 no (a table with rowids, a
   view, or none: the SELECT reports it), -1 when the schema cannot be read. */
static int without_rowid(sqlite3 *db, const char *table)
{
    sqlite3_stmt *st = NULL;
    int yes = -1;
    if (sqlite3_prepare_v2(db, "SELECT wr FROM pragma_table_list WHERE name = ?1 AND schema = 'main'", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC) == SQLITE_OK) {
        int rc = sqlite3_step(st);
        yes = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) != 0 : rc == SQLITE_DONE ? 0 : -1;
    }
    sqlite3_finalize(st);
    return yes;
}

/* A WITHOUT ROWID table's primary key columns, as an ORDER BY list in
   *order and as one text in *id (sqlite3_free both); false when they cannot be read. */
static bool primary_key(sqlite3 *db, const char *table, char **order, char **id)
{
    sqlite3_stmt *st = NULL;
    sqlite3_str *o = sqlite3_str_new(NULL), *t = sqlite3_str_new(NULL);
    int rc = sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    int n = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *c = (const char *)sqlite3_column_text(st, 0);
        sqlite3_str_appendf(o, "%s\"%w\"", n ? ", " : "", c ? c : "");
        sqlite3_str_appendf(t, "%squote(\"%w\")", n++ ? " || ', ' || " : "", c ? c : "");
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    *order = fsql_str_finish(o);
    *id = fsql_str_finish(t);
    return rc == SQLITE_DONE && n > 0;
}

/* The columns of record r that f's program reads (or every one bound), and
   their SELECT list, after the row's identity: its rowid (NULL for a view),
   or the primary key of a WITHOUT ROWID table as text. */
void fsql_cols_init(Cols *c, SqlFacts *f, const Record *r)
{
    bool *read = xcalloc((size_t)r->fields.n + 1, sizeof *read);
    usage_columns(f->p, r, read);
    c->absent = xcalloc((size_t)r->fields.n + 1, sizeof *c->absent);
    for (int i = 0; f->every_column && i < r->fields.n; i++) {
        const Field *fl = r->fields.v[i];
        if (fl->kind == FIELD_COLUMN && !read[i]) {     /* (one a rule reads is checked before: facts_check) */
            c->absent[i] = !fsql_has_column(f->src->db, r->table, fsql_column(fl));
            read[i] = !c->absent[i];
        }
    }
    char *id = NULL, *order = NULL;
    c->rowid = without_rowid(f->src->db, r->table) != 1;    /* (a schema that cannot be read fails at the SELECT) */
    if (c->rowid || !primary_key(f->src->db, r->table, &order, &id)) {
        sqlite3_free(order);
        sqlite3_free(id);
        order = fsql_sql("rowid");
        id = fsql_sql("rowid");
    }
    c->order = order;
    c->field = xcalloc((size_t)r->fields.n + 1, sizeof *c->field);
    c->n = 0;
    c->key_col = -1;
    sqlite3_str *s = sqlite3_str_new(NULL);
    sqlite3_str_appendall(s, id);
    sqlite3_free(id);
    for (int i = 0; i < r->fields.n; i++) {
        if (!read[i])
            continue;
        if (i == r->key_index)
            c->key_col = c->n;
        c->field[c->n++] = i;
        sqlite3_str_appendf(s, ", \"%w\"", fsql_column(r->fields.v[i]));
    }
    c->list = fsql_str_finish(s);
    c->blank = xcalloc((size_t)r->fields.n + 1, sizeof *c->blank);
    for (int i = 0; i < r->fields.n; i++)      /* (a column no rule reads keeps its value) */
        if (((const Field *)r->fields.v[i])->kind == FIELD_COLUMN)
            c->blank[i] = v_missing(c->absent[i] ? &no_column : &not_read);
    free(read);
}

/* Free what fsql_cols_init made. */
void fsql_cols_free(Cols *c)
{
    free(c->field);
    free(c->absent);
    free(c->blank);
    sqlite3_free(c->list);
    sqlite3_free(c->order);
}

/* The cells of a statement's current row, from column first on: n of them.
   False when SQLite ran out of memory converting a value to text. Each
   column is fetched once, as the unprotected value SQLite holds for the row,
   and read with the sqlite3_value_ accessors: SQLite allows that on a
   connection used by one thread at a time, as every qpl connection is, and
   it saves two calls through the statement per cell. */
bool fsql_cells(sqlite3_stmt *st, int first, int n, Cell *out)
{
    for (int i = 0; i < n; i++) {
        Cell *c = &out[i];
        sqlite3_value *v = sqlite3_column_value(st, first + i);
        c->type = sqlite3_value_type(v);
        if (c->type == SQLITE_INTEGER) {
            c->i = sqlite3_value_int64(v);
        } else if (c->type == SQLITE_FLOAT) {
            c->d = sqlite3_value_double(v);
        } else if (c->type != SQLITE_NULL) {
            c->s = (const char *)sqlite3_value_text(v);
            c->len = sqlite3_value_bytes(v);
            if (!c->s)          /* (again through the statement, which records a failure) */
                c->s = (const char *)sqlite3_column_text(st, first + i);
            if (!c->s && sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM)
                return false;
            if (!c->s)
                c->s = "";
        }
    }
    return true;
}

/* How a row is named in messages: by its key, else by its rowid (or the
   primary key of a WITHOUT ROWID table, in id). */
static const char *row_name(Arena *a, const Record *r, const Row *row, const Cell *id)
{
    if (row->key)
        return arena_printf(a, "%s row with key %s", r->table, sb_visible(a, row->key));
    if (id && id->type == SQLITE_TEXT)
        return arena_printf(a, "%s row with primary key (%s)", r->table, sb_visible(a, arena_strndup(a, id->s, (size_t)id->len)));
    return arena_printf(a, "%s row %lld", r->table, (long long)row->rowid);
}

/* A cell as SQL would quote it, for messages. */
static const char *cell_text(Arena *a, const Cell *c)
{
    switch (c->type) {
    case SQLITE_INTEGER: return arena_printf(a, "%lld", (long long)c->i);
    case SQLITE_FLOAT: return arena_printf(a, "%.15g", c->d);
    case SQLITE_BLOB: return "a blob";
    default: return arena_printf(a, "\"%s\"", sb_visible(a, arena_strndup(a, c->s, (size_t)c->len)));
    }
}

/* What is being decoded: one row, named in messages with its identity. */
typedef struct Dec {
    SqlFacts *f;
    Row *row;
    const Cell *id;
    Arena *a;
    Fault *fault;
} Dec;

/* Set a bad-data fault about a column of the row being decoded; false. */
static bool bad(Dec *x, const Field *fl, const char *what)
{
    x->fault->kind = FAULT_DATA;
    x->fault->msg = arena_printf(x->a, "bad data in %s: column %s %s", row_name(x->a, x->row->rec, x->row, x->id),
                                 fsql_column(fl), what);
    return false;
}

/* Why a REAL is not an exact number, for messages. */
static const char *inexact(NumConv why)
{
    switch (why) {
    case NUM_TOO_LARGE: return "which is too large for exact arithmetic (qpl's numbers have at most 18 digits)";
    case NUM_TOO_PRECISE: return "which has more decimal places than exact arithmetic holds (at most 18)";
    default: return "which is not a finite number";
    }
}

/* Decode a bool or number cell; false (with the fault set) on bad data. */
static bool decode_number(Dec *x, const Field *fl, const Cell *c)
{
    Value *out = &x->row->cols[fl->index];
    if (fl->type->kind == T_BOOL) {
        if (c->type != SQLITE_INTEGER || (c->i != 0 && c->i != 1))
            return bad(x, fl, arena_printf(x->a, "holds %s, not 0 or 1", cell_text(x->a, c)));
        *out = v_bool(c->i == 1);
        return true;
    }
    Num n;
    if (c->type == SQLITE_INTEGER) {
        n = num_int(c->i);
    } else if (c->type != SQLITE_FLOAT) {
        return bad(x, fl, arena_printf(x->a, "holds %s, not a number", cell_text(x->a, c)));
    } else {
        NumConv why = num_from_double(c->d, &n);
        if (why != NUM_EXACT)
            return bad(x, fl, arena_printf(x->a, "holds %s, %s", cell_text(x->a, c), inexact(why)));
    }
    *out = v_num(n);
    return true;
}

/* Decode a text cell (numbers as they are written); false on bad data. */
static bool decode_text(Dec *x, const Field *fl, const Cell *c)
{
    if (c->type != SQLITE_TEXT && c->type != SQLITE_INTEGER && c->type != SQLITE_FLOAT)
        return bad(x, fl, "holds a blob, not text");
    if (c->type == SQLITE_TEXT && memchr(c->s, 0, (size_t)c->len))
        return bad(x, fl, "holds text with a NUL (zero) byte, which qpl does not accept in text");
    x->row->cols[fl->index] = v_text(c->type == SQLITE_TEXT ? arena_strndup(x->a, c->s, (size_t)c->len) : cell_text(x->a, c));
    return true;
}

/* Decode one non-NULL cell into its field; false (with the fault set) on bad data. */
static bool decode_value(Dec *x, const Field *fl, const Cell *c)
{
    Value *out = &x->row->cols[fl->index];
    switch (fl->type->kind) {
    case T_BOOL:
    case T_NUMBER:
        return decode_number(x, fl, c);
    case T_TEXT:
        return decode_text(x, fl, c);
    case T_DATE: {
        qdate d = (qdate)c->i;
        if (c->type != CELL_DATE && (c->type != SQLITE_TEXT || !date_parse(c->s, (size_t)c->len, &d)))
            return bad(x, fl, arena_printf(x->a, "holds %s, which is not a date (YYYY-MM-DD)", cell_text(x->a, c)));
        *out = fl->not_yet && d > x->f->as_of ? v_missing(reason_field(x->a, R_NOT_YET, x->row, fl)) : v_date(d);
        return true;
    }
    case T_CODE: {
        int code = c->type == CELL_CODE   ? (int)c->i
                   : c->type == SQLITE_TEXT ? scale_lookup(fl->type->scale, c->s, (size_t)c->len)
                                            : -1;
        if (code < 0)
            return bad(x, fl, arena_printf(x->a, "holds %s, which is not a known %s", cell_text(x->a, c), fl->type->name));
        *out = v_code(fl->type->scale, code);
        return true;
    }
    default:
        return true;
    }
}

/* Read a row's key from its cell: its text, and its integer when stored as
   one (a REAL that is a whole number counts as one, as SQLite compares it);
   false on a key qpl cannot link by (NUL bytes, a fraction, a blob). */
static bool decode_key(Dec *x, const Field *fl, const Cell *c)
{
    Row *row = x->row;
    if (c->type == SQLITE_FLOAT && c->d < 9.2e18 && c->d > -9.2e18 && c->d == (double)(sqlite3_int64)c->d) {
        row->key_int = true;
        row->ikey = (sqlite3_int64)c->d;
        row->key = arena_printf(x->a, "%lld", (long long)row->ikey);
    } else if (c->type == SQLITE_INTEGER) {
        row->key_int = true;
        row->ikey = c->i;
        row->key = arena_printf(x->a, "%lld", (long long)c->i);
    } else if (c->type == SQLITE_TEXT && !memchr(c->s, 0, (size_t)c->len)) {
        row->key = arena_strndup(x->a, c->s, (size_t)c->len);
    } else if (c->type == SQLITE_TEXT) {
        return bad(x, fl, "holds text with a NUL (zero) byte, which qpl does not accept in a key");
    } else if (c->type != SQLITE_NULL) {
        return bad(x, fl, arena_printf(x->a, "holds %s, but a key must be text or a whole number", cell_text(x->a, c)));
    }
    return true;
}

/* A row's identity from its first selected cell: its rowid; for a WITHOUT
   ROWID table a hash of its primary key (FNV-1a, 62 bits), the same
   however the row is read; 0 for a view's rows. */
static sqlite3_int64 row_identity(const Cell *id)
{
    if (id->type == SQLITE_INTEGER)
        return id->i;
    if (id->type != SQLITE_TEXT)
        return 0;
    uint64_t h = 14695981039346656037u;
    for (int i = 0; i < id->len; i++)
        h = (h ^ (unsigned char)id->s[i]) * 1099511628211u;
    return (sqlite3_int64)(h >> 2);
}

/* Decode a row's cells (the selected columns of cols) into a Row in arena a;
   NULL when the row is dated after as-of. Bad data sets the fault (the row
   is returned). */
Row *fsql_decode(SqlFacts *f, const Record *r, const Cols *cols, const Cell *id, const Cell *cells, Arena *a,
                 Fault *fault)
{
    Row *row = arena_alloc(a, sizeof *row);
    Dec x = {f, row, id, a, fault};
    row->rec = r;
    row->rowid = row_identity(id);
    row->cols = arena_copy(a, cols->blank, (size_t)r->fields.n * sizeof *row->cols);
    row->loaded = arena_alloc(a, (size_t)r->fields.n + 1);
    if (cols->key_col >= 0 && !decode_key(&x, r->fields.v[r->key_index], &cells[cols->key_col]))
        return row;
    for (int i = 0; i < cols->n; i++) {
        const Field *fl = r->fields.v[cols->field[i]];
        const Cell *c = &cells[i];
        if (c->type == SQLITE_NULL) {
            if (fl->required) {
                bad(&x, fl, "is NULL, but the policy's binding says it is required");
                return row;
            }
            row->cols[fl->index] = v_missing(reason_field(a, R_NULL, row, fl));
        } else if (!decode_value(&x, fl, c)) {
            return row;
        }
    }
    if (r->dated_index >= 0) {
        Value dv = row->cols[r->dated_index];
        if (dv.k == V_DATE && dv.u.d > f->as_of)
            return NULL;
    }
    return row;
}
