/* sqlite.c: opening SQLite case databases (read-only), the reference schema,
   and the driver's table of operations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../check/load.h"
#include "../util/file.h"
#include "../util/mem.h"
#include "sqlite.h"
#include "sqlite_int.h"

/* Close a source and its connection. */
static void fsql_close(FactSource *fs)
{
    SqlSource *s = (SqlSource *)fs;
    sqlite3_close(s->db);
    free(s);
}

static const FactOps fsql_ops = {
    fsql_check, fsql_reader, fsql_reader_free, fsql_subjects, fsql_next, fsql_stream_free,
    fsql_link, fsql_table, fsql_overlay, fsql_whatif, fsql_reset, fsql_close,
};

/* The file name of a connection's main database, for messages. */
const char *fsql_name(sqlite3 *db)
{
    const char *name = sqlite3_db_filename(db, "main");
    if (!name || !*name)
        return "the database";
    const char *slash = strrchr(name, '/');
    return slash ? slash + 1 : name;
}

/* A source over an open connection, which it then owns. */
SqlSource *fsql_wrap(sqlite3 *db, const char *name)
{
    SqlSource *s = xcalloc(1, sizeof *s);
    s->base.ops = &fsql_ops;
    s->base.name = name;
    s->db = db;
    return s;
}

/* Open a case database read-only and make sure it is SQLite; NULL after a message if not. */
FactSource *fsql_open(const char *path)
{
    if (access(path, R_OK) != 0) {
        fprintf(stderr, "qpl: error: cannot open database `%s`: no such readable file\n", path);
        return NULL;
    }
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        fprintf(stderr, "qpl: error: cannot open database `%s`: %s\n", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)0); /* "col" never falls back to a string */
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
        fprintf(stderr, "qpl: error: `%s` is not a SQLite database: %s\n", path, sqlite3_errmsg(db));
        sqlite3_finalize(st);
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_finalize(st);
    sqlite3_exec(db, "PRAGMA cache_size = -2048", NULL, NULL, NULL);
    return &fsql_wrap(db, fsql_name(db))->base;
}

/* Run the reference schema (stdlib/schema.sql) in db. */
int fsql_load_schema(sqlite3 *db, Sb *err)
{
    char *path = load_find("schema", ".sql", NULL);
    char *sql = path ? file_read(path, 0, NULL, NULL) : NULL;
    free(path);
    if (!sql) {
        sb_printf(err, "cannot find the reference schema (schema.sql) in the standard library");
        return -1;
    }
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    free(sql);
    if (rc != SQLITE_OK) {
        sb_printf(err, "the reference schema: %s", msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* An in-memory database with the reference schema. */
FactSource *fsql_reference(Sb *err)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
        sb_printf(err, "cannot make an in-memory database: %s", db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    if (fsql_load_schema(db, err) != 0) {
        sqlite3_close(db);
        return NULL;
    }
    return &fsql_wrap(db, "the database")->base;
}

/* Create a database file with the reference schema (it must not exist). */
int fsql_create(const char *path, Sb *err)
{
    sqlite3 *db;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        sb_printf(err, "cannot create `%s`: %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return -2;
    }
    int rc = fsql_load_schema(db, err);
    sqlite3_close(db);
    if (rc != 0)
        unlink(path);
    return rc;
}
