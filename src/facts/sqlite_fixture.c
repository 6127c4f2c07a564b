/* sqlite_fixture.c: the database of a fixture case, built in memory: the
   reference schema, then the rows the test gives and the SQL files it names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../runtime/date.h"
#include "../util/file.h"
#include "sqlite.h"
#include "sqlite_int.h"

/* Bind one literal of a `given` row as a SQL parameter. */
static void bind_literal(sqlite3_stmt *st, int i, const Expr *e)
{
    char buf[16];
    const Expr *num = e->kind == E_UNARY && e->u.op.a->kind == E_NUM ? e->u.op.a : e->kind == E_NUM ? e : NULL;
    double sign = e->kind == E_UNARY ? -1 : 1;
    if (num) {
        if (strchr(num->u.num.text, '.'))
            sqlite3_bind_double(st, i, sign * atof(num->u.num.text));
        else
            sqlite3_bind_int64(st, i, (sqlite3_int64)sign * atoll(num->u.num.text));
        return;
    }
    switch (e->kind) {
    case E_STR: sqlite3_bind_text(st, i, e->u.str.s, -1, SQLITE_TRANSIENT); break;
    case E_DATE:
        date_format(e->u.date.day, buf);
        sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
        break;
    case E_BOOL: sqlite3_bind_int(st, i, e->u.boolean.b); break;
    case E_NAME: sqlite3_bind_text(st, i, e->u.name.name, -1, SQLITE_TRANSIENT); break;
    default: sqlite3_bind_null(st, i); break;
    }
}

/* Run a fixture's SQL file (relative to dir) in db. */
static int given_sql(sqlite3 *db, const TestGiven *gv, const char *dir, Sb *err)
{
    char *path = sqlite3_mprintf("%s/%s", dir, gv->sqlfile);
    char *sql = file_read(path, 0, NULL, NULL);
    sqlite3_free(path);
    char *msg = NULL;
    int rc = sql ? sqlite3_exec(db, sql, NULL, NULL, &msg) : SQLITE_ERROR;
    if (rc != SQLITE_OK)
        sb_printf(err, "line %d: facts from `%s`: %s", gv->loc.line, gv->sqlfile,
                 sql ? (msg ? msg : sqlite3_errmsg(db)) : "cannot read the file");
    sqlite3_free(msg);
    free(sql);
    return rc == SQLITE_OK ? 0 : -1;
}

/* Insert a fixture's given rows into their table. */
static int given_rows(sqlite3 *db, const TestGiven *gv, Sb *err)
{
    sqlite3_str *cols = sqlite3_str_new(db), *marks = sqlite3_str_new(db);
    for (int c = 0; c < gv->cols.n; c++) {
        sqlite3_str_appendf(cols, "%s\"%w\"", c ? ", " : "", (const char *)gv->cols.v[c]);
        sqlite3_str_appendf(marks, "%s?", c ? ", " : "");
    }
    char *cs = sqlite3_str_finish(cols), *ms = sqlite3_str_finish(marks);
    char *sql = sqlite3_mprintf("INSERT INTO \"%w\" (%s) VALUES (%s)", gv->table, cs, ms);
    sqlite3_free(cs);
    sqlite3_free(ms);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) {
        sb_printf(err, "line %d: given %s: %s", gv->loc.line, gv->table, sqlite3_errmsg(db));
        return -1;
    }
    for (int r = 0; r < gv->rows.n; r++) {
        const Vec *row = gv->rows.v[r];
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        for (int c = 0; c < row->n && c < gv->cols.n; c++)
            bind_literal(st, c + 1, row->v[c]);
        if (sqlite3_step(st) != SQLITE_DONE) {
            sb_printf(err, "line %d: given %s row %d: %s", gv->loc.line, gv->table, r + 1, sqlite3_errmsg(db));
            sqlite3_finalize(st);
            return -1;
        }
    }
    sqlite3_finalize(st);
    return 0;
}

/* Build a test's database in memory: the reference schema, then its facts. */
FactSource *fsql_fixture(const Decl *t, const char *dir, Sb *err)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || fsql_load_schema(db, err) != 0) {
        if (db && !err->len)
            sb_printf(err, "%s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    for (int g = 0; g < t->u.test.given.n; g++) {
        const TestGiven *gv = t->u.test.given.v[g];
        int rc = gv->sqlfile ? given_sql(db, gv, dir, err) : given_rows(db, gv, err);
        if (rc != 0) {
            sqlite3_close(db);
            return NULL;
        }
    }
    return &fsql_wrap(db, "the database")->base;
}
