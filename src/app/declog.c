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
    sqlite3_stmt *ins;
    sqlite3_int64 run;
    Arena *a;
    bool failed;
};

static const char log_schema[] =
    "BEGIN IMMEDIATE;"
    "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, policy TEXT NOT NULL, policy_file TEXT NOT NULL,"
    " policy_sha256 TEXT NOT NULL, as_of TEXT NOT NULL, run_at TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS decisions (run_id INTEGER NOT NULL REFERENCES runs(id), subject TEXT NOT NULL,"
    " id TEXT NOT NULL, decision TEXT NOT NULL, value TEXT, reason TEXT, citation TEXT);";

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
    sqlite3_bind_text(st, 1, program_name(p), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, policy_path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, sha, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, asof, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
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
        fprintf(stderr, "qpl: error: cannot open decision log `%s`: %s\n", path, sqlite3_errmsg(l->db));
        sqlite3_close(l->db);
        free(l);
        return NULL;
    }
    sqlite3_busy_timeout(l->db, 5000);
    char *err = NULL;
    if (sqlite3_exec(l->db, log_schema, NULL, NULL, &err) != SQLITE_OK || insert_run(l, p, policy_path, as_of) != 0) {
        fprintf(stderr, "qpl: error: cannot write decision log `%s`: %s\n", path, err ? err : sqlite3_errmsg(l->db));
        sqlite3_free(err);
        sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_finalize(l->ins);
        sqlite3_close(l->db);
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
    sqlite3_reset(l->ins);
    sqlite3_bind_int64(l->ins, 1, l->run);
    sqlite3_bind_text(l->ins, 2, s->sect->rec->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(l->ins, 3, s->row && s->row->key ? s->row->key : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(l->ins, 4, res->d->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(l->ins, 5, json_str(l->a, res->v), -1, SQLITE_TRANSIENT);
    if (res->v.k == V_MISSING)
        sqlite3_bind_text(l->ins, 6, words_reason(l->a, res->v.u.why), -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(l->ins, 6);
    const char *cite = res->why.cite ? res->why.cite : res->d->u.dec.cite;
    if (cite)
        sqlite3_bind_text(l->ins, 7, cite, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(l->ins, 7);
    if (sqlite3_step(l->ins) != SQLITE_DONE)
        l->failed = true;
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
    if (!(ok && !l->failed && sqlite3_exec(l->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)) {
        if (ok)
            fprintf(stderr, "qpl: error: writing the decision log failed: %s; nothing was recorded\n", sqlite3_errmsg(l->db));
        sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
        status = 1;
    }
    sqlite3_close(l->db);
    arena_free(l->a);
    free(l);
    return status;
}
