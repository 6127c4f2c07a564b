/* sqlite_whatif.c: the REPL's what-if overlay: an in-memory copy of the case
   database that statements typed by the user change, under an authorizer
   that lets them read and change rows of ordinary tables, nothing else. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "../util/mem.h"
#include "sqlite_int.h"

/* Statements typed by the user may read and change rows of ordinary tables, nothing else. */
static int authorize(void *ud, int action, const char *a, const char *b, const char *c, const char *d)
{
    SqlSource *s = ud;
    (void)b;
    (void)c;
    (void)d;
    if (!s->user_sql)
        return SQLITE_OK;
    switch (action) {
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
        return a && !strncmp(a, "sqlite_", 7) ? SQLITE_DENY : SQLITE_OK;
    case SQLITE_READ:
    case SQLITE_SELECT:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
        return SQLITE_OK;
    default:
        return SQLITE_DENY;
    }
}

/* Copy database `from` over database `to`. */
static int copy_db(sqlite3 *from, sqlite3 *to)
{
    sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
    if (!b)
        return -1;
    sqlite3_backup_step(b, -1);
    return sqlite3_backup_finish(b) == SQLITE_OK ? 0 : -1;
}

/* An in-memory copy of a source, to make what-ifs on. */
FactSource *fsql_overlay(FactSource *fs, FactError *err)
{
    SqlSource *orig = (SqlSource *)fs;
    sqlite3 *mem = NULL;
    if (sqlite3_open(":memory:", &mem) != SQLITE_OK || copy_db(orig->db, mem) != 0) {
        sb_printf(&err->msg, "cannot copy the case database into memory: %s", mem ? sqlite3_errmsg(mem) : "out of memory");
        err->hint = NULL;
        sqlite3_close(mem);
        return NULL;
    }
    SqlSource *s = fsql_wrap(mem, orig->base.name);
    s->orig = orig;
    sqlite3_set_authorizer(mem, authorize, s);
    return &s->base;
}

/* Undo every what-if: copy the original database over the overlay again. */
int fsql_reset(FactSource *ov, FactError *err)
{
    SqlSource *s = (SqlSource *)ov;
    if (copy_db(s->orig->db, s->db) == 0)
        return 0;
    sb_printf(&err->msg, "copying the case database failed: %s", sqlite3_errmsg(s->db));
    err->hint = NULL;
    return -1;
}

/* Whether a statement starts with a word what-ifs may use. */
static bool allowed_statement(const char *sql, FactError *err)
{
    static const char *const allowed[] = {"select", "insert", "update", "delete", "replace", "with", "values", NULL};
    const char *s = sql;
    while (isspace((unsigned char)*s))
        s++;
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    for (int i = 0; allowed[i]; i++)
        if (strlen(allowed[i]) == n && !strncasecmp(s, allowed[i], n))
            return true;
    sb_printf(&err->msg, "`%.*s` statements cannot be run here", (int)(n ? n : 1), n ? s : sql);
    err->hint = "what-ifs change rows: INSERT, UPDATE or DELETE (SELECT to look)";
    return false;
}

/* Prepare one statement typed by the user; NULL with the error set. */
static sqlite3_stmt *prepare_user(SqlSource *s, const char *sql, FactError *err)
{
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, &tail);
    if (rc != SQLITE_OK || !st) {
        sb_printf(&err->msg, "SQL: %s", rc != SQLITE_OK ? sqlite3_errmsg(s->db) : "no statement");
        sqlite3_finalize(st);
        return NULL;
    }
    for (; tail && *tail; tail++)
        if (!isspace((unsigned char)*tail) && *tail != ';') {
            sqlite3_finalize(st);
            sb_puts(&err->msg, "SQL: more than one statement");
            err->hint = "give one statement at a time";
            return NULL;
        }
    return st;
}

/* Send a query's column names, then each row, to the sink. */
static int send_rows(sqlite3_stmt *st, const RowSink *rows)
{
    int ncol = sqlite3_column_count(st), rc;
    const char **cells = xcalloc((size_t)ncol + 1, sizeof *cells);
    for (int i = 0; i < ncol; i++)
        cells[i] = sqlite3_column_name(st, i);
    if (rows && ncol > 0)
        rows->row(rows->ctx, ncol, cells);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!rows || ncol == 0)
            continue;
        for (int i = 0; i < ncol; i++) {
            const unsigned char *v = sqlite3_column_text(st, i);
            cells[i] = v ? (const char *)v : "NULL";
        }
        rows->row(rows->ctx, ncol, cells);
    }
    free(cells);
    return rc;
}

/* Run one statement typed by the user on the overlay. */
int fsql_whatif(FactSource *ov, const char *sql, const RowSink *rows, int *changes, FactError *err)
{
    SqlSource *s = (SqlSource *)ov;
    err->hint = NULL;
    sb_clear(&err->msg);
    if (!allowed_statement(sql, err))
        return -1;
    s->user_sql = true;
    sqlite3_stmt *st = prepare_user(s, sql, err);
    if (!st) {
        s->user_sql = false;
        return -1;
    }
    bool query = sqlite3_stmt_readonly(st);
    int rc = send_rows(st, query ? rows : NULL);
    s->user_sql = false;
    int status = query ? 1 : 0;
    if (rc != SQLITE_DONE) {
        sb_printf(&err->msg, "SQL: %s", sqlite3_errmsg(s->db));
        status = -1;
    } else if (!query && changes) {
        *changes = sqlite3_changes(s->db);
    }
    sqlite3_finalize(st);
    return status;
}
