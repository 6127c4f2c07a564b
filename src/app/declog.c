/* declog.c: the decision log. It is a SQLite database by the output
   contract, so this module uses SQLite directly; it writes only its own
   tables (runs, decisions) and never the case database. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "../out/json.h"
#include "../out/words.h"
#include "../util/mem.h"
#include "../util/sha256.h"
#include "declog.h"

struct DecLog {
    sqlite3 *db;
    const char *path;
    sqlite3_stmt *ins;
    sqlite3_int64 run;
    Arena *a;
    char *failed;           /* why writing failed (the log is rolled back at the close), or NULL */
};

static const char log_schema[] =
    "BEGIN IMMEDIATE;"
    "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, policy TEXT NOT NULL, policy_file TEXT NOT NULL,"
    " policy_sha256 TEXT NOT NULL, as_of TEXT NOT NULL, run_at TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS decisions (run_id INTEGER NOT NULL REFERENCES runs(id), subject TEXT NOT NULL,"
    " id TEXT NOT NULL, decision TEXT NOT NULL, value TEXT, reason TEXT, citation TEXT);";

/* Why the log's last call failed, in words, with SQLite's own after them (malloc'd). */
static char *log_cause(sqlite3 *db)
{
    const char *what;
    switch (sqlite3_errcode(db)) {
    case SQLITE_FULL: what = "the disk is full"; break;
    case SQLITE_READONLY: what = "the file or its directory cannot be written"; break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: what = "another program holds it locked"; break;
    case SQLITE_IOERR: what = "an input/output error"; break;
    case SQLITE_CANTOPEN: what = "the file cannot be opened or created"; break;
    case SQLITE_CORRUPT: what = "the file is corrupt"; break;
    case SQLITE_NOTADB: what = "the file is not a SQLite database"; break;
    default: what = "SQLite failed"; break;
    }
    char *m = sqlite3_mprintf("%s (SQLite: %s)", what, sqlite3_errmsg(db));
    if (!m)
        mem_fail();
    char *out = xstrdup(m);
    sqlite3_free(m);
    return out;
}

/* Insert the run's row. */
static int insert_run(DecLog *l, const Program *p, const char *policy_path, qdate as_of)
{
    char sha[65], asof[16], now[32];
    sha256_hex(p->main->text, p->main->len, sha);
    date_format(as_of, asof);
    time_t t = time(NULL);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(l->db, "INSERT INTO runs (policy, policy_file, policy_sha256, as_of, run_at) VALUES (?,?,?,?,?)",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    const char *cols[5] = {program_name(p), policy_path, sha, asof, now};
    int rc = SQLITE_OK;
    for (int i = 0; i < 5 && rc == SQLITE_OK; i++)
        rc = sqlite3_bind_text(st, i + 1, cols[i], -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return -1;
    l->run = sqlite3_last_insert_rowid(l->db);
    return sqlite3_prepare_v2(l->db, "INSERT INTO decisions VALUES (?,?,?,?,?,?,?)", -1, &l->ins, NULL) == SQLITE_OK ? 0 : -1;
}

/* Open the decision log and start a run in one transaction. */
DecLog *declog_open(const char *path, const Program *p, const char *policy_path, qdate as_of, int *status)
{
    DecLog *l = xcalloc(1, sizeof *l);
    *status = 2;
    if (sqlite3_open_v2(path, &l->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        char *why = l->db ? log_cause(l->db) : xstrdup("out of memory");
        fprintf(stderr, "qpl: error: cannot open decision log `%s`: %s\n", path, why);
        free(why);
        sqlite3_close(l->db);
        free(l);
        return NULL;
    }
    sqlite3_busy_timeout(l->db, 5000);
    l->path = path;
    if (sqlite3_exec(l->db, log_schema, NULL, NULL, NULL) != SQLITE_OK || insert_run(l, p, policy_path, as_of) != 0) {
        char *why = log_cause(l->db);
        fprintf(stderr, "qpl: error: cannot write decision log `%s`: %s\n", path, why);
        free(why);
        sqlite3_finalize(l->ins);
        sqlite3_close(l->db);   /* (closing rolls back what was begun; nothing else can be done) */
        free(l);
        return NULL;
    }
    l->a = arena_new();
    *status = 0;
    return l;
}

/* Log one decision. */
static void log_result(DecLog *l, const Subject *s, const Result *res)
{
    arena_reset(l->a);
    sqlite3_reset(l->ins);      /* (its last step's result was seen) */
    const char *reason = res->v.k == V_MISSING ? words_reason(l->a, res->v.u.why) : NULL;
    const char *cite = res->why.cite ? res->why.cite : res->d->u.dec.cite;
    bool ok = sqlite3_bind_int64(l->ins, 1, l->run) == SQLITE_OK &&
              sqlite3_bind_text(l->ins, 2, s->sect->rec->name, -1, SQLITE_STATIC) == SQLITE_OK &&
              sqlite3_bind_text(l->ins, 3, s->row && s->row->key ? s->row->key : "", -1, SQLITE_TRANSIENT) == SQLITE_OK &&
              sqlite3_bind_text(l->ins, 4, res->d->name, -1, SQLITE_STATIC) == SQLITE_OK &&
              sqlite3_bind_text(l->ins, 5, json_str(l->a, res->v), -1, SQLITE_TRANSIENT) == SQLITE_OK &&
              (reason ? sqlite3_bind_text(l->ins, 6, reason, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(l->ins, 6)) == SQLITE_OK &&
              (cite ? sqlite3_bind_text(l->ins, 7, cite, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(l->ins, 7)) == SQLITE_OK;
    if (!ok || sqlite3_step(l->ins) != SQLITE_DONE)
        l->failed = log_cause(l->db);
}

/* Log every decision of a subject. */
void declog_subject(DecLog *l, const Subject *s)
{
    for (int i = 0; i < s->n && !l->failed; i++)
        log_result(l, s, &s->results[i]);
}

/* Commit (ok) or roll back the run, and close the log. */
int declog_close(DecLog *l, bool ok)
{
    sqlite3_finalize(l->ins);
    int status = 0;
    if (ok && !l->failed && sqlite3_exec(l->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        l->failed = log_cause(l->db);
    if (!ok || l->failed) {
        if (ok)
            fprintf(stderr, "qpl: error: cannot write decision log `%s`: %s; nothing of this run was recorded\n", l->path,
                    l->failed);
        if (!sqlite3_get_autocommit(l->db) && sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
            fprintf(stderr, "qpl: error: cannot roll back decision log `%s`: SQLite: %s\n", l->path, sqlite3_errmsg(l->db));
        status = 1;
    }
    if (sqlite3_close(l->db) != SQLITE_OK && status == 0) {
        fprintf(stderr, "qpl: error: cannot close decision log `%s`: SQLite: %s\n", l->path, sqlite3_errmsg(l->db));
        status = 1;
    }
    free(l->failed);
    arena_free(l->a);
    free(l);
    return status;
}
