/* sqlite_check.c: checking a program's record bindings against a SQLite
   database: the tables exist, with the columns the program reads. (The
   values are checked as they are read: sqlite_decode.c.) */
#include <stdlib.h>
#include <string.h>
#include "../check/usage.h"
#include "../util/mem.h"
#include "sqlite_int.h"

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
static int check_record(sqlite3 *db, const Program *p, bool every_column, Diags *d, const Record *r)
{
    int ncols, errors = 0;
    char **names = table_columns(db, r->table, &ncols);
    if (ncols == 0) {
        diag_error(d, r->file, r->tloc, "create it with `qpl init-db`, or bind the record to a table or view you have",
                   "policy expects table `%s`; %s has no such table", r->table, fsql_name(db));
        errors++;
    }
    bool *used = xcalloc((size_t)r->fields.n + 1, sizeof *used);
    usage_columns(p, r, used);
    for (int k = 0; ncols && k < r->fields.n; k++) {
        const Field *fl = r->fields.v[k];
        if (!used[k] && !(every_column && fl->kind == FIELD_COLUMN))
            continue;
        bool found = false;
        for (int c = 0; c < ncols && !found; c++)
            found = !strcmp(names[c], fsql_column(fl));
        if (!found) {
            diag_error(d, fl->file, fl->loc, NULL, "policy expects column %s.%s; %s has no such column", r->table, fsql_column(fl), fsql_name(db));
            errors++;
        }
    }
    for (int c = 0; c < ncols; c++)
        free(names[c]);
    free(names);
    free(used);
    return errors;
}

/* Check every record the program reads against the database. */
int fsql_check(FactSource *fs, const Program *p, bool every_column, Diags *d)
{
    SqlSource *s = (SqlSource *)fs;
    bool *read = xcalloc((size_t)p->records.n + 1, sizeof *read);
    usage_records(p, read);
    int errors = 0;
    for (int i = 0; i < p->records.n; i++)
        if (read[i])
            errors += check_record(s->db, p, every_column, d, p->records.v[i]);
    free(read);
    return errors;
}
