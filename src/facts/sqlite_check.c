/* sqlite_check.c: checking a program's record bindings against a SQLite
   database: the tables and columns exist, and the values stored in them are
   of a storage type that fits the declared type. */
#include <stdlib.h>
#include <string.h>
#include "../check/types.h"
#include "../check/usage.h"
#include "../util/mem.h"
#include "sqlite_int.h"

/* SQL condition true for a value whose storage type cannot fit the field's type, or NULL. */
static char *storage_condition(const Field *fl)
{
    switch (fl->type->kind) {
    case T_BOOL: /* a 2 is bad data, reported on its row */
        return sqlite3_mprintf("typeof(\"%w\") NOT IN ('null', 'integer')", fl->name);
    case T_NUMBER: return sqlite3_mprintf("typeof(\"%w\") NOT IN ('null', 'integer', 'real')", fl->name);
    case T_DATE:
    case T_CODE: return sqlite3_mprintf("typeof(\"%w\") NOT IN ('null', 'text')", fl->name);
    default: return NULL;
    }
}

/* Whether any row of the table holds a value of the wrong storage type
   (one scan, looking for every column at once). */
static bool any_bad_storage(sqlite3 *db, const Record *r)
{
    sqlite3_str *any = sqlite3_str_new(db);
    int n = 0;
    for (int k = 0; k < r->fields.n; k++) {
        const Field *fl = r->fields.v[k];
        char *c = fl->kind == FIELD_COLUMN ? storage_condition(fl) : NULL;
        if (c)
            sqlite3_str_appendf(any, "%s%s", n++ ? " OR " : "", c);
        sqlite3_free(c);
    }
    char *cond = sqlite3_str_finish(any);
    if (!n) {
        sqlite3_free(cond);
        return false;
    }
    char *sql = sqlite3_mprintf("SELECT 1 FROM \"%w\" WHERE %s LIMIT 1", r->table, cond);
    sqlite3_stmt *st = NULL;
    bool some = sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    sqlite3_free(sql);
    sqlite3_free(cond);
    return some;
}

/* Report the columns holding values of the wrong storage type, each with one row. */
static int check_storage(Arena *a, sqlite3 *db, Diags *d, const Record *r)
{
    if (!any_bad_storage(db, r))
        return 0;
    int errors = 0;
    for (int k = 0; k < r->fields.n; k++) {
        const Field *fl = r->fields.v[k];
        char *c = fl->kind == FIELD_COLUMN ? storage_condition(fl) : NULL;
        if (!c)
            continue;
        char *sql = sqlite3_mprintf("SELECT rowid, quote(\"%w\") FROM \"%w\" WHERE %s LIMIT 1", fl->name, r->table, c);
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
            diag_error(d, fl->file, fl->loc, NULL, "column %s.%s should hold %s, but row %lld holds %s", r->table, fl->name,
                       type_str(a, fl->type), (long long)sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1));
            errors++;
        }
        sqlite3_finalize(st);
        sqlite3_free(sql);
        sqlite3_free(c);
    }
    return errors;
}

/* The column names of a table (none when it does not exist), malloc'd. */
static char **table_columns(sqlite3 *db, const char *table, int *ncols)
{
    char *sql = sqlite3_mprintf("SELECT name FROM pragma_table_info(%Q)", table);
    sqlite3_stmt *st = NULL;
    char **names = NULL;
    *ncols = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW) {
            names = xrealloc(names, (size_t)(*ncols + 1) * sizeof *names);
            names[(*ncols)++] = xstrdup((const char *)sqlite3_column_text(st, 0));
        }
    sqlite3_finalize(st);
    sqlite3_free(sql);
    return names;
}

/* Check one record's table and columns. */
static int check_record(Arena *a, sqlite3 *db, const char *dbname, Diags *d, const Record *r)
{
    int ncols, errors = 0;
    char **names = table_columns(db, r->table, &ncols);
    if (ncols == 0) {
        diag_error(d, r->file, r->tloc, "create it with `qpl init-db`, or bind the record to a table or view you have",
                   "policy expects table `%s`; %s has no such table", r->table, dbname);
        errors++;
    }
    for (int k = 0; ncols && k < r->fields.n; k++) {
        const Field *fl = r->fields.v[k];
        if (fl->kind != FIELD_COLUMN)
            continue;
        bool found = false;
        for (int c = 0; c < ncols && !found; c++)
            found = !strcmp(names[c], fl->name);
        if (!found) {
            diag_error(d, fl->file, fl->loc, NULL, "policy expects column %s.%s; %s has no such column", r->table, fl->name, dbname);
            errors++;
        }
    }
    if (ncols && errors == 0)
        errors += check_storage(a, db, d, r);
    for (int c = 0; c < ncols; c++)
        free(names[c]);
    free(names);
    return errors;
}

/* Check every record the program reads against the database. */
int fsql_check(FactSource *fs, const Program *p, Diags *d)
{
    SqlSource *s = (SqlSource *)fs;
    bool *read = xcalloc((size_t)p->records.n + 1, sizeof *read);
    usage_records(p, read);
    int errors = 0;
    Arena *a = arena_new();
    for (int i = 0; i < p->records.n; i++)
        if (read[i])
            errors += check_record(a, s->db, fsql_name(s->db), d, p->records.v[i]);
    arena_free(a);
    free(read);
    return errors;
}
