/* sqlite_fixture.c: the database of a fixture case, built in memory: the
   reference schema and the policy's own tables, then the rows the test gives
   and the SQL files it names, which run under an authorizer: they may change
   this in-memory database only (no ATTACH, no VACUUM INTO, no PRAGMA, no
   extensions). */
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

/* What fixture SQL tried that it may not do, for the message. */
typedef struct Refused {
    const char *what;
} Refused;

/* What a fixture's SQL may do: change its own in-memory database, nothing else. */
static int fixture_auth(void *ctx, int action, const char *a, const char *b, const char *dbname, const char *trigger)
{
    (void)b, (void)trigger;
    Refused *r = ctx;
    const char *what = NULL;
    if (action == SQLITE_ATTACH || action == SQLITE_DETACH)
        what = "ATTACH, DETACH and VACUUM INTO";
    else if (action == SQLITE_PRAGMA)
        what = "PRAGMA";
    else if (action == SQLITE_FUNCTION && a && (!strcmp(a, "load_extension") || !strcmp(a, "fts3_tokenizer")))
        what = a;
    else if (dbname && strcmp(dbname, "main") && strcmp(dbname, "temp"))
        what = "statements on another database";
    if (what && !r->what)
        r->what = what;
    return what ? SQLITE_DENY : SQLITE_OK;
}

/* Make the fixture database refuse what fixture SQL may not do; 0 or -1. */
static int lock_down(sqlite3 *db, Refused *r)
{
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    if (sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)0) != SQLITE_OK ||
        sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, (int *)0) != SQLITE_OK ||
        sqlite3_set_authorizer(db, fixture_auth, r) != SQLITE_OK)
        return -1;
    return 0;
}

/* Run a fixture's SQL file (relative to dir) in db. */
static int given_sql(sqlite3 *db, const TestGiven *gv, const char *dir, Refused *refused, Sb *err)
{
    char *path = sqlite3_mprintf("%s/%s", dir, gv->sqlfile);
    char *sql = file_read(path, 0, NULL, NULL);
    sqlite3_free(path);
    char *msg = NULL;
    int rc = sql ? sqlite3_exec(db, sql, NULL, NULL, &msg) : SQLITE_ERROR;
    if (rc != SQLITE_OK && refused->what)
        sb_printf(err, "line %d: facts from `%s`: %s is not allowed: fixture SQL may only change the test's own in-memory "
                       "database", gv->loc.line, gv->sqlfile, refused->what);
    else if (rc != SQLITE_OK)
        sb_printf(err, "line %d: facts from `%s`: %s", gv->loc.line, gv->sqlfile,
                 sql ? (msg ? msg : sqlite3_errmsg(db)) : "cannot read the file");
    sqlite3_free(msg);
    free(sql);
    return rc == SQLITE_OK ? 0 : -1;
}

/* The SQL column a `given` names: a field of a record bound to the table is
   its column (`period: date column "month"` is given as `period`); any other
   name is the column itself. */
static const char *given_column(const Program *p, const char *table, const char *name)
{
    for (int i = 0; i < p->records.n; i++) {
        const Record *r = p->records.v[i];
        const Field *f = strcmp(r->table, table) ? NULL : record_field(r, name);
        if (f && f->kind == FIELD_COLUMN)
            return fsql_column(f);
    }
    return name;
}

/* Insert a fixture's given rows into their table. */
static int given_rows(sqlite3 *db, const Program *p, const TestGiven *gv, Sb *err)
{
    sqlite3_str *cols = sqlite3_str_new(db), *marks = sqlite3_str_new(db);
    for (int c = 0; c < gv->cols.n; c++) {
        sqlite3_str_appendf(cols, "%s\"%w\"", c ? ", " : "", given_column(p, gv->table, gv->cols.v[c]));
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

/* Build a test's database in memory: the reference schema and the policy's
   own tables, then its facts. */
FactSource *fsql_fixture(const Program *p, const Decl *t, const char *dir, Sb *err)
{
    sqlite3 *db = NULL;
    Refused refused = {NULL};
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || fsql_functions(db) != SQLITE_OK ||
        fsql_load_schema(db, err) != 0 || fsql_load_policy(db, p, err) != 0 || lock_down(db, &refused) != 0) {
        if (db && !err->len)
            sb_printf(err, "%s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    for (int g = 0; g < t->u.test.given.n; g++) {
        const TestGiven *gv = t->u.test.given.v[g];
        int rc = gv->sqlfile ? given_sql(db, gv, dir, &refused, err) : given_rows(db, p, gv, err);
        if (rc != 0) {
            sqlite3_close(db);
            return NULL;
        }
    }
    sqlite3_set_authorizer(db, NULL, NULL);     /* (qpl's own reading is not fixture SQL) */
    return &fsql_wrap(db, "the database")->base;
}
