/* facts.c: decodes rows of SQLite tables into values, with time travel and
   validation, and merge-joins related facts onto subjects streamed in key order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "facts.h"

typedef struct Cursor {
    Field *fld;
    sqlite3_stmt *st;
    bool started, done;
} Cursor;

struct Subjects {
    Facts *f;
    Record *rec;
    sqlite3_stmt *st;
    Cursor *cur;            /* one per field of rec (many links only) */
    int ncur;
};

typedef struct Cached {
    Record *rec;
    Value list;
} Cached;

struct Facts {
    Program *p;
    sqlite3 *db;
    qdate as_of;
    Arena *run;
    Subjects *active;       /* the subjects stream whose rows are merge-joined */
    sqlite3_stmt **lookup;  /* per record index * field: prepared lookups */
    Cached *tables;
    int ntables;
    const char **why;       /* per record index * field: reasons for NULL (2k) and not yet (2k+1) */
    char err[512];
};

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
        Value *ni = arena_alloc(a, (size_t)cap * sizeof *ni);
        if (rs->n)
            memcpy(ni, rs->items, (size_t)rs->n * sizeof *ni);
        rs->items = ni;
        rs->cap = cap;
    }
    rs->items[rs->n++] = (Value){.k = V_ROW, .u.row = r};
}

/* The collected rows as a list value. */
static Value rows_list(Arena *a, Rows *rs)
{
    List *l = arena_alloc(a, sizeof *l);
    l->n = rs->n;
    l->items = rs->items;
    return (Value){.k = V_LIST, .u.list = l};
}

/* Index of r among the program's records. */
static int rec_index(Program *p, Record *r)
{
    for (int i = 0; i < p->records.n; i++)
        if (p->records.v[i] == r)
            return i;
    return 0;
}

/* Create a reader of program p's facts from db, as they stood on as_of. */
Facts *facts_new(Program *p, sqlite3 *db, qdate as_of, Arena *run)
{
    Facts *f = calloc(1, sizeof *f);
    f->p = p;
    f->db = db;
    f->as_of = as_of;
    f->run = run;
    f->lookup = calloc((size_t)p->records.n * 64 + 1, sizeof *f->lookup);
    f->tables = calloc((size_t)p->records.n + 1, sizeof *f->tables);
    f->why = calloc((size_t)p->records.n * 128 + 2, sizeof *f->why);
    return f;
}

/* Free a facts reader and its cached statements. */
void facts_free(Facts *f)
{
    if (!f)
        return;
    for (int i = 0; i < f->p->records.n * 64; i++)
        if (f->lookup[i])
            sqlite3_finalize(f->lookup[i]);
    free(f->lookup);
    free(f->tables);
    free(f->why);
    free(f);
}

/* The message of the last SQLite failure, or NULL if there was none. */
const char *facts_error(Facts *f)
{
    return f->err[0] ? f->err : NULL;
}

/* The SELECT list of a record: rowid then every column field. */
static char *select_list(Record *r)
{
    size_t cap = 256, len = 0;
    char *s = malloc(cap);
    len += (size_t)snprintf(s, cap, "rowid");
    for (int i = 0; i < r->fields.n; i++) {
        Field *fl = r->fields.v[i];
        if (fl->link)
            continue;
        size_t need = strlen(fl->name) + 8;
        if (len + need >= cap) {
            cap = (cap + need) * 2;
            s = realloc(s, cap);
        }
        len += (size_t)snprintf(s + len, cap - len, ", \"%s\"", fl->name);
    }
    return s;
}

/* Prepare a statement, remembering SQLite's message on failure. */
static sqlite3_stmt *prepare(Facts *f, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(f->db, sql, -1, &st, NULL) != SQLITE_OK) {
        snprintf(f->err, sizeof f->err, "%s", sqlite3_errmsg(f->db));
        return NULL;
    }
    return st;
}

/* SQL condition true for a value whose storage type cannot fit the field's type, or NULL. */
static const char *storage_condition(Arena *a, Field *fl)
{
    const char *n = fl->name;
    switch (fl->type->kind) {
    case T_BOOL: /* 2 is bad data, reported on its row */
        return arena_printf(a, "typeof(\"%s\") NOT IN ('null', 'integer')", n);
    case T_NUMBER: return arena_printf(a, "typeof(\"%s\") NOT IN ('null', 'integer', 'real')", n);
    case T_DATE:
    case T_CODE: return arena_printf(a, "typeof(\"%s\") NOT IN ('null', 'text')", n);
    default: return NULL;
    }
}

/* Report columns holding values of the wrong storage type: one scan of the
   table finds whether any does, then each column is asked which row. */
static int check_storage(Facts *f, Diags *d, Record *r)
{
    Arena *a = arena_new();
    const char *any = NULL;
    for (int k = 0; k < r->fields.n; k++) {
        Field *fl = r->fields.v[k];
        const char *c = fl->link ? NULL : storage_condition(a, fl);
        if (c)
            any = any ? arena_printf(a, "%s OR %s", any, c) : c;
    }
    int errors = 0;
    sqlite3_stmt *st = any ? prepare(f, arena_printf(a, "SELECT 1 FROM \"%s\" WHERE %s LIMIT 1", r->table, any)) : NULL;
    bool some = st && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    for (int k = 0; some && k < r->fields.n; k++) {
        Field *fl = r->fields.v[k];
        const char *c = fl->link ? NULL : storage_condition(a, fl);
        if (!c)
            continue;
        st = prepare(f, arena_printf(a, "SELECT rowid, quote(\"%s\") FROM \"%s\" WHERE %s LIMIT 1", fl->name, r->table, c));
        if (st && sqlite3_step(st) == SQLITE_ROW) {
            diag_error(d, r->file, fl->loc, NULL, "column %s.%s should hold %s, but row %lld holds %s", r->table, fl->name,
                       type_str(f->p, fl->type), (long long)sqlite3_column_int64(st, 0),
                       (const char *)sqlite3_column_text(st, 1));
            errors++;
        }
        sqlite3_finalize(st);
    }
    arena_free(a);
    return errors;
}

/* Whether a table exists, and which of its columns. */
int facts_validate(Facts *f, Diags *d)
{
    Program *p = f->p;
    int errors = 0;
    const char *dbname = sqlite3_db_filename(f->db, "main");
    if (!dbname || !*dbname)
        dbname = "the database";
    else if (strrchr(dbname, '/'))
        dbname = strrchr(dbname, '/') + 1;
    /* records read: those used directly, and every record linked from them */
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = 0; i < p->records.n; i++) {
            Record *r = p->records.v[i];
            for (int k = 0; r->used && k < r->fields.n; k++) {
                Field *fl = r->fields.v[k];
                if ((fl->link == 1 || fl->link == 2) && fl->rec_target && !fl->rec_target->used) {
                    fl->rec_target->used = true;
                    changed = true;
                }
            }
        }
    }
    for (int i = 0; i < p->records.n; i++) {
        Record *r = p->records.v[i];
        if (!r->used)
            continue;
        char sql[512];
        snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info('%s')", r->table);
        sqlite3_stmt *st = prepare(f, sql);
        if (!st)
            return 1;
        int ncols = 0;
        char **names = NULL;
        while (sqlite3_step(st) == SQLITE_ROW) {
            names = realloc(names, (size_t)(ncols + 1) * sizeof *names);
            names[ncols++] = strdup((const char *)sqlite3_column_text(st, 0));
        }
        sqlite3_finalize(st);
        int table_errors = errors;
        if (ncols == 0) {
            diag_error(d, r->file, r->tloc, "create it with `qpl init-db`, or bind the record to a table or view you have",
                       "policy expects table `%s`; %s has no such table", r->table, dbname);
            errors++;
        }
        for (int k = 0; ncols && k < r->fields.n; k++) {
            Field *fl = r->fields.v[k];
            if (fl->link)
                continue;
            bool found = false;
            for (int c = 0; c < ncols; c++)
                if (!strcmp(names[c], fl->name))
                    found = true;
            if (!found) {
                diag_error(d, r->file, fl->loc, NULL, "policy expects column %s.%s; %s has no such column", r->table, fl->name, dbname);
                errors++;
                continue;
            }
        }
        if (ncols && errors == table_errors)
            errors += check_storage(f, d, r);
        for (int c = 0; c < ncols; c++)
            free(names[c]);
        free(names);
    }
    return errors;
}

/* Why a column reads as missing (made once per column and kept for the run). */
static const char *reason(Facts *f, Record *r, int field, bool not_yet)
{
    int slot = (rec_index(f->p, r) * 64 + (field < 64 ? field : 63)) * 2 + not_yet;
    if (!f->why[slot]) {
        Field *fl = r->fields.v[field];
        f->why[slot] = not_yet ? arena_printf(f->run, "%s.%s is after the as-of date (not yet)", r->table, fl->name)
                               : arena_printf(f->run, "%s.%s is not recorded (NULL)", r->table, fl->name);
    }
    return f->why[slot];
}

/* How a row is named in messages: by its key, else by its rowid. */
static const char *row_name(Arena *a, Record *r, Row *row)
{
    return row->key ? arena_printf(a, "%s row with key %s", r->table, row->key)
                    : arena_printf(a, "%s row %lld", r->table, (long long)row->rowid);
}

/* Decode the current row of st (rowid, columns...) into a Row; NULL when the
   row is dated after as-of. Bad data sets *bad and returns NULL. */
static Row *decode(Facts *f, Record *r, sqlite3_stmt *st, int first_col, Arena *a, const char **bad)
{
    Program *p = f->p;
    Row *row = arena_alloc(a, sizeof *row);
    row->rec = r;
    row->rowid = sqlite3_column_int64(st, first_col);
    row->cols = arena_alloc(a, (size_t)r->fields.n * sizeof *row->cols);
    row->loaded = arena_alloc(a, (size_t)r->fields.n);
    if (r->key_index >= 0) {
        int kc = first_col + 1 + r->key_index;
        if (sqlite3_column_type(st, kc) == SQLITE_INTEGER) {
            row->key_int = true;
            row->ikey = sqlite3_column_int64(st, kc);
        }
        const unsigned char *k = sqlite3_column_text(st, kc);
        row->key = k ? arena_strdup(a, (const char *)k) : NULL;
    }
    int col = first_col + 1;
    for (int i = 0; i < r->fields.n; i++) {
        Field *fl = r->fields.v[i];
        if (fl->link)
            continue;
        Value *out = &row->cols[i];
        int ty = sqlite3_column_type(st, col);
        if (ty == SQLITE_NULL) {
            if (fl->required) {
                *bad = arena_printf(a, "bad data in %s: column %s is NULL, but the policy's binding says it is required", row_name(a, r, row), fl->name);
                return row;
            }
            *out = v_missing(reason(f, r, i, false));
            col++;
            continue;
        }
        switch (fl->type->kind) {
        case T_BOOL: {
            sqlite3_int64 v = sqlite3_column_int64(st, col);
            if (ty != SQLITE_INTEGER || (v != 0 && v != 1)) {
                *bad = arena_printf(a, "bad data in %s: column %s holds %s, not 0 or 1", row_name(a, r, row), fl->name,
                                    (const char *)sqlite3_column_text(st, col));
                return row;
            }
            *out = v_bool(v == 1);
            break;
        }
        case T_NUMBER: {
            Num n;
            if (ty == SQLITE_INTEGER)
                n = num_int(sqlite3_column_int64(st, col));
            else if (ty != SQLITE_FLOAT || !num_from_double(sqlite3_column_double(st, col), &n)) {
                *bad = arena_printf(a, "bad data in %s: column %s holds %s, not a number", row_name(a, r, row), fl->name,
                                    (const char *)sqlite3_column_text(st, col));
                return row;
            }
            *out = v_num(n);
            break;
        }
        case T_TEXT:
            *out = v_text(arena_strdup(a, (const char *)sqlite3_column_text(st, col)));
            break;
        case T_DATE: {
            const char *s = (const char *)sqlite3_column_text(st, col);
            qdate d;
            if (ty != SQLITE_TEXT || !date_parse(s, (size_t)sqlite3_column_bytes(st, col), &d)) {
                *bad = arena_printf(a, "bad data in %s: column %s holds \"%s\", which is not a date (YYYY-MM-DD)",
                                    row_name(a, r, row), fl->name, s);
                return row;
            }
            if (fl->not_yet && d > f->as_of)
                *out = v_missing(reason(f, r, i, true));
            else
                *out = v_date(d);
            break;
        }
        case T_CODE: {
            const char *s = (const char *)sqlite3_column_text(st, col);
            int c = scale_lookup(fl->type->scale, s, (size_t)sqlite3_column_bytes(st, col));
            if (c < 0) {
                *bad = arena_printf(a, "bad data in %s: column %s holds \"%s\", which is not a known %s", row_name(a, r, row),
                                    fl->name, s, fl->type->name);
                return row;
            }
            *out = v_code(fl->type->scale, c);
            break;
        }
        default:
            break;
        }
        col++;
    }
    (void)p;
    if (r->dated_index >= 0) {
        Value dv = row->cols[r->dated_index];
        if (dv.k == V_DATE && dv.u.d > f->as_of)
            return NULL;
    }
    return row;
}

/* Start streaming record r's rows in key order, or only the one with key only_id. */
Subjects *facts_subjects(Facts *f, Record *r, const char *only_id)
{
    Subjects *s = calloc(1, sizeof *s);
    s->f = f;
    s->rec = r;
    char *cols = select_list(r);
    char *sql;
    const char *key = r->key ? r->key : "rowid";
    size_t n = strlen(cols) + strlen(r->table) + 2 * strlen(key) + 128;
    sql = malloc(n);
    snprintf(sql, n, "SELECT %s FROM \"%s\"%s%s%s ORDER BY \"%s\"", cols, r->table, only_id ? " WHERE \"" : "",
             only_id ? key : "", only_id ? "\" = ?1" : "", key);
    s->st = prepare(f, sql);
    if (s->st && only_id)
        sqlite3_bind_text(s->st, 1, only_id, -1, SQLITE_TRANSIENT);
    free(sql);
    free(cols);
    s->cur = calloc((size_t)r->fields.n + 1, sizeof *s->cur);
    s->ncur = r->fields.n;
    f->active = s;
    return s;
}

/* Finish a stream of subjects and free its statements. */
void facts_subjects_free(Subjects *s)
{
    if (!s)
        return;
    if (s->f->active == s)
        s->f->active = NULL;
    sqlite3_finalize(s->st);
    for (int i = 0; i < s->ncur; i++)
        if (s->cur[i].st)
            sqlite3_finalize(s->cur[i].st);
    free(s->cur);
    free(s);
}

/* The stream's next subject row dated by as-of, or NULL at the end; bad data sets *bad. */
Row *facts_next(Facts *f, Subjects *s, Arena *a, const char **bad)
{
    if (!s->st)
        return NULL;
    for (;;) {
        int rc = sqlite3_step(s->st);
        if (rc != SQLITE_ROW) {
            if (rc != SQLITE_DONE)
                snprintf(f->err, sizeof f->err, "%s", sqlite3_errmsg(f->db));
            return NULL;
        }
        Row *row = decode(f, s->rec, s->st, 0, a, bad);
        if (*bad) {
            row->subject = true;
            return row;
        }
        if (!row)
            continue;
        row->subject = true;
        return row;
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

/* Collect a subject's rows of a many link from its merge cursor. */
static Value merge_link(Facts *f, Subjects *s, Row *row, Field *fld, Arena *a, const char **bad)
{
    Cursor *c = &s->cur[fld->index];
    Record *t = fld->rec_target;
    if (!c->st && !c->done) {
        char *cols = select_list(t);
        size_t n = strlen(cols) + strlen(t->table) + 2 * strlen(fld->by) + 96;
        char *sql = malloc(n);
        snprintf(sql, n, "SELECT \"%s\", %s FROM \"%s\" ORDER BY \"%s\", rowid", fld->by, cols, t->table, fld->by);
        c->st = prepare(f, sql);
        free(sql);
        free(cols);
        if (!c->st) {
            c->done = true;
            return v_missing(arena_printf(a, "cannot read %s: %s", t->table, f->err));
        }
        c->started = sqlite3_step(c->st) == SQLITE_ROW;
        c->done = !c->started;
    }
    Rows rows = {0};
    while (!c->done) {
        int cmp = cmp_key(c->st, 0, row);
        if (cmp > 0)
            break;
        if (cmp == 0) {
            Row *r = decode(f, t, c->st, 1, a, bad);
            if (*bad)
                return v_missing(*bad);
            if (r) {
                rows_push(a, &rows, r);
            }
        }
        if (sqlite3_step(c->st) != SQLITE_ROW)
            c->done = true;
    }
    return rows_list(a, &rows);
}

/* Rows of a link through a prepared lookup by key. */
static Value lookup_link(Facts *f, Row *row, Field *fld, Arena *a, const char **bad)
{
    Program *p = f->p;
    int slot = rec_index(p, row->rec) * 64 + (fld->index < 64 ? fld->index : 63);
    Record *t = fld->rec_target;
    sqlite3_stmt *st = f->lookup[slot];
    if (!st) {
        char *cols = select_list(t);
        const char *col = fld->link == 1 ? fld->by : t->key;
        size_t n = strlen(cols) + strlen(t->table) + strlen(col) + 96;
        char *sql = malloc(n);
        snprintf(sql, n, "SELECT %s FROM \"%s\" WHERE \"%s\" = ?1 ORDER BY rowid", cols, t->table, col);
        st = f->lookup[slot] = prepare(f, sql);
        free(sql);
        free(cols);
        if (!st)
            return v_missing(arena_printf(a, "cannot read %s: %s", t->table, f->err));
    }
    sqlite3_reset(st);
    Value keyv = {0};
    if (fld->link == 1) {
        if (!row->key)
            return v_missing("the record has no key to link by");
        sqlite3_bind_text(st, 1, row->key, -1, SQLITE_TRANSIENT);
    } else {
        keyv = row->cols[fld->by_index];
        if (keyv.k == V_MISSING)
            return v_missing(keyv.u.why);
        if (keyv.k == V_TEXT)
            sqlite3_bind_text(st, 1, keyv.u.s, -1, SQLITE_TRANSIENT);
        else if (keyv.k == V_NUM)
            sqlite3_bind_int64(st, 1, num_to_int(keyv.u.n));
    }
    Rows rows = {0};
    while (sqlite3_step(st) == SQLITE_ROW) {
        Row *r = decode(f, t, st, 0, a, bad);
        if (*bad)
            return v_missing(*bad);
        if (!r)
            continue;
        rows_push(a, &rows, r);
    }
    if (fld->link == 2) {
        if (rows.n == 0)
            return v_missing(arena_printf(a, "no %s row with %s = %s", t->table, t->key ? t->key : "key",
                                          keyv.k == V_TEXT ? keyv.u.s : "?"));
        return rows.items[0];
    }
    return rows_list(a, &rows);
}

/* Follow a row's link field, cached on the row: a list of rows, or one row (or missing). */
Value facts_link(Facts *f, Row *row, Field *fld, Arena *a, const char **bad)
{
    if (row->loaded[fld->index])
        return row->cols[fld->index];
    Value v;
    if (row->subject && fld->link == 1 && f->active && f->active->rec == row->rec)
        v = merge_link(f, f->active, row, fld, a, bad);
    else
        v = lookup_link(f, row, fld, a, bad);
    if (!row->persistent) {
        row->cols[fld->index] = v;
        row->loaded[fld->index] = 1;
    }
    return v;
}

/* Every visible row of record r's table, read once per run. */
Value facts_table(Facts *f, Record *r, Arena *a, const char **bad)
{
    int ri = rec_index(f->p, r);
    if (f->tables[ri].rec)
        return f->tables[ri].list;
    char *cols = select_list(r);
    size_t n = strlen(cols) + strlen(r->table) + 64;
    char *sql = malloc(n);
    snprintf(sql, n, "SELECT %s FROM \"%s\" ORDER BY rowid", cols, r->table);
    sqlite3_stmt *st = prepare(f, sql);
    free(sql);
    free(cols);
    (void)a;
    if (!st)
        return v_missing(arena_printf(f->run, "cannot read %s: %s", r->table, f->err));
    Rows rows = {0};
    while (sqlite3_step(st) == SQLITE_ROW) {
        Row *row = decode(f, r, st, 0, f->run, bad);
        if (*bad) {
            sqlite3_finalize(st);
            return v_missing(*bad);
        }
        if (!row)
            continue;
        row->persistent = true;
        rows_push(f->run, &rows, row);
    }
    sqlite3_finalize(st);
    f->tables[ri].rec = r;
    f->tables[ri].list = rows_list(f->run, &rows);
    return f->tables[ri].list;
}
