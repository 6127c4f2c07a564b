/* sqlite_decode.c: the columns a reader selects from a record's table, and
   decoding a selected row into a Row: each value read is checked against
   its field's type as it is decoded (bad data is reported with its table,
   row and column). Cells are the values of one row, taken from a statement
   or from a row held back by a scan (sqlite_scan.c). */
#include <stdlib.h>
#include <string.h>
#include "../check/usage.h"
#include "../util/mem.h"
#include "sqlite_int.h"

REASON(not_read, "this column is not read");

/* The SQL name of a column field. */
const char *fsql_column(const Field *fl)
{
    return fl->column ? fl->column : fl->name;
}

/* The columns of record r that the program reads (or every one), and their SELECT list. */
void fsql_cols_init(Cols *c, const Program *p, const Record *r, bool every_column)
{
    bool *read = xcalloc((size_t)r->fields.n + 1, sizeof *read);
    usage_columns(p, r, read);
    for (int i = 0; every_column && i < r->fields.n; i++)
        read[i] = ((const Field *)r->fields.v[i])->kind == FIELD_COLUMN;
    c->field = xcalloc((size_t)r->fields.n + 1, sizeof *c->field);
    c->n = 0;
    c->key_col = -1;
    sqlite3_str *s = sqlite3_str_new(NULL);
    sqlite3_str_appendall(s, "rowid");
    for (int i = 0; i < r->fields.n; i++) {
        if (!read[i])
            continue;
        if (i == r->key_index)
            c->key_col = c->n;
        c->field[c->n++] = i;
        sqlite3_str_appendf(s, ", \"%w\"", fsql_column(r->fields.v[i]));
    }
    c->list = sqlite3_str_finish(s);
    free(read);
}

/* Free what fsql_cols_init made. */
void fsql_cols_free(Cols *c)
{
    free(c->field);
    sqlite3_free(c->list);
}

/* The cells of a statement's current row, from column first on: n of them. */
void fsql_cells(sqlite3_stmt *st, int first, int n, Cell *out)
{
    for (int i = 0; i < n; i++) {
        Cell *c = &out[i];
        int col = first + i;
        c->type = sqlite3_column_type(st, col);
        if (c->type == SQLITE_INTEGER) {
            c->i = sqlite3_column_int64(st, col);
        } else if (c->type == SQLITE_FLOAT) {
            c->d = sqlite3_column_double(st, col);
        } else if (c->type != SQLITE_NULL) {
            c->s = (const char *)sqlite3_column_text(st, col);
            c->len = sqlite3_column_bytes(st, col);
        }
    }
}

/* How a row is named in messages: by its key, else by its rowid. */
static const char *row_name(Arena *a, const Record *r, const Row *row)
{
    return row->key ? arena_printf(a, "%s row with key %s", r->table, row->key)
                    : arena_printf(a, "%s row %lld", r->table, (long long)row->rowid);
}

/* A cell as SQL would quote it, for messages. */
static const char *cell_text(Arena *a, const Cell *c)
{
    switch (c->type) {
    case SQLITE_INTEGER: return arena_printf(a, "%lld", (long long)c->i);
    case SQLITE_FLOAT: return arena_printf(a, "%.17g", c->d);
    case SQLITE_BLOB: return "a blob";
    default: return arena_printf(a, "\"%.*s\"", c->len, c->s);
    }
}

/* Set a bad-data fault about a row's column. */
static void bad(Fault *fault, Arena *a, const Row *row, const Field *fl, const char *what)
{
    fault->kind = FAULT_DATA;
    fault->msg = arena_printf(a, "bad data in %s: column %s %s", row_name(a, row->rec, row), fsql_column(fl), what);
}

/* Decode a bool or number cell; false (with the fault set) on bad data. */
static bool decode_number(const Field *fl, const Cell *c, Row *row, Arena *a, Fault *fault)
{
    Value *out = &row->cols[fl->index];
    if (fl->type->kind == T_BOOL) {
        if (c->type != SQLITE_INTEGER || (c->i != 0 && c->i != 1)) {
            bad(fault, a, row, fl, arena_printf(a, "holds %s, not 0 or 1", cell_text(a, c)));
            return false;
        }
        *out = v_bool(c->i == 1);
        return true;
    }
    Num n;
    if (c->type == SQLITE_INTEGER) {
        n = num_int(c->i);
    } else if (c->type != SQLITE_FLOAT || !num_from_double(c->d, &n)) {
        bad(fault, a, row, fl, arena_printf(a, "holds %s, not a number", cell_text(a, c)));
        return false;
    }
    *out = v_num(n);
    return true;
}

/* Decode one non-NULL cell into its field; false (with the fault set) on bad data. */
static bool decode_value(SqlFacts *f, const Field *fl, const Cell *c, Row *row, Arena *a, Fault *fault)
{
    Value *out = &row->cols[fl->index];
    switch (fl->type->kind) {
    case T_BOOL:
    case T_NUMBER:
        return decode_number(fl, c, row, a, fault);
    case T_TEXT:
        if (c->type != SQLITE_TEXT && c->type != SQLITE_INTEGER && c->type != SQLITE_FLOAT) {
            bad(fault, a, row, fl, "holds a blob, not text");
            return false;
        }
        *out = v_text(c->type == SQLITE_TEXT ? arena_strndup(a, c->s, (size_t)c->len) : cell_text(a, c));
        return true;
    case T_DATE: {
        qdate d = (qdate)c->i;
        if (c->type != CELL_DATE && (c->type != SQLITE_TEXT || !date_parse(c->s, (size_t)c->len, &d))) {
            bad(fault, a, row, fl, arena_printf(a, "holds %s, which is not a date (YYYY-MM-DD)", cell_text(a, c)));
            return false;
        }
        *out = fl->not_yet && d > f->as_of ? v_missing(reason_field(a, R_NOT_YET, row, fl)) : v_date(d);
        return true;
    }
    case T_CODE: {
        int code = c->type == CELL_CODE   ? (int)c->i
                   : c->type == SQLITE_TEXT ? scale_lookup(fl->type->scale, c->s, (size_t)c->len)
                                            : -1;
        if (code < 0) {
            bad(fault, a, row, fl, arena_printf(a, "holds %s, which is not a known %s", cell_text(a, c), fl->type->name));
            return false;
        }
        *out = v_code(fl->type->scale, code);
        return true;
    }
    default:
        return true;
    }
}

/* Read a row's key from its cell (its text, and its integer when stored as one). */
static void decode_key(const Cell *c, Row *row, Arena *a)
{
    if (c->type == SQLITE_INTEGER) {
        row->key_int = true;
        row->ikey = c->i;
        row->key = arena_printf(a, "%lld", (long long)c->i);
    } else if (c->type == SQLITE_TEXT) {
        row->key = arena_strndup(a, c->s, (size_t)c->len);
    } else if (c->type == SQLITE_FLOAT) {
        row->key = arena_printf(a, "%.17g", c->d);
    }
}

/* Decode a row's cells (the selected columns of cols) into a Row in arena a;
   NULL when the row is dated after as-of. Bad data sets the fault (the row
   is returned). */
Row *fsql_decode(SqlFacts *f, const Record *r, const Cols *cols, sqlite3_int64 rowid, const Cell *cells, Arena *a,
                 Fault *fault)
{
    Row *row = arena_alloc(a, sizeof *row);
    row->rec = r;
    row->rowid = rowid;
    row->cols = arena_array(a, (size_t)r->fields.n + 1, sizeof *row->cols);
    row->loaded = arena_alloc(a, (size_t)r->fields.n + 1);
    if (cols->key_col >= 0)
        decode_key(&cells[cols->key_col], row, a);
    for (int i = 0; i < r->fields.n; i++)
        if (((const Field *)r->fields.v[i])->kind == FIELD_COLUMN)
            row->cols[i] = v_missing(&not_read);    /* (the program reads none of these) */
    for (int i = 0; i < cols->n; i++) {
        const Field *fl = r->fields.v[cols->field[i]];
        const Cell *c = &cells[i];
        if (c->type == SQLITE_NULL) {
            if (fl->required) {
                bad(fault, a, row, fl, "is NULL, but the policy's binding says it is required");
                return row;
            }
            row->cols[fl->index] = v_missing(reason_field(a, R_NULL, row, fl));
        } else if (!decode_value(f, fl, c, row, a, fault)) {
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
