/* run.c: streams subjects from the database and evaluates their decisions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "run.h"

/* Today's date, in local time. */
qdate today(void)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Open a case database read-only and make sure it is SQLite; NULL after a message if not. */
sqlite3 *open_case_db(const char *path)
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
    sqlite3_exec(db, "PRAGMA cache_size = -16384", NULL, NULL, NULL);
    return db;
}

int load_reference_schema(sqlite3 *db, char *err, size_t errlen)
{
    char *path = find_module_file("schema", ".sql", NULL);
    char *sql = path ? read_file(path, NULL) : NULL;
    free(path);
    if (!sql) {
        snprintf(err, errlen, "cannot find the reference schema (schema.sql) in the standard library");
        return -1;
    }
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    free(sql);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "the reference schema: %s", msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* Emit every decision of a subject as undetermined for a bad-data reason. */
static void emit_bad(Section *s, Row *row, const char *why, EmitFn emit, void *ctx)
{
    for (int i = 0; i < s->outputs.n; i++) {
        Explain ex = {0};
        emit(ctx, s, row, s->outputs.v[i], v_missing(why), &ex);
    }
}

/* Handle bad data met for a subject: stop (returns true) or, with
   --keep-going, report the subject undetermined. */
static bool bad_data(Section *s, Row *row, const char *bad, const RunOpts *o, EmitFn emit, void *ctx, Diags *d)
{
    if (!o->keep_going) {
        diag_plain(d, "%s", bad);
        fprintf(d->out, "      = hint: %srun with --keep-going to report this %s as undetermined\n",
                strncmp(bad, "bad data", 8) ? "" : "fix the data, or ", s->rec->name);
        return true;
    }
    emit_bad(s, row, bad, emit, ctx);
    return false;
}

/* Evaluate and emit every decision about each selected subject. Returns 0, or 1
   after reporting bad data or a database error. */
int run_policy(Program *p, Facts *f, Eval *E, const RunOpts *o, EmitFn emit, void *ctx, Diags *d)
{
    Arena *a = arena_new();
    int status = 0;
    eval_set_explain(E, o->explain);
    for (int si = 0; si < p->sections.n && status == 0; si++) {
        Section *s = p->sections.v[si];
        if (o->subject && strcmp(o->subject, s->rec->name) != 0)
            continue;
        Subjects *st = facts_subjects(f, s->rec, o->id);
        for (;;) {
            arena_reset(a);
            const char *bad = NULL;
            Row *row = facts_next(f, st, a, &bad);
            if (bad) {
                if (bad_data(s, row, bad, o, emit, ctx, d)) {
                    status = 1;
                    break;
                }
                continue;
            }
            if (!row)
                break;
            eval_subject(E, s, row, a);
            Value keep = eval_filter(E);
            if (eval_bad(E)) {
                bad = eval_bad(E);
            } else if (keep.k != V_BOOL || !keep.u.b) {
                continue;
            }
            Value *vals = NULL;
            Explain *whys = NULL;
            if (!bad) {
                vals = arena_alloc(a, (size_t)(s->outputs.n + 1) * sizeof *vals);
                whys = arena_alloc(a, (size_t)(s->outputs.n + 1) * sizeof *whys);
                for (int i = 0; i < s->outputs.n && !bad; i++) {
                    vals[i] = eval_output(E, s->outputs.v[i], &whys[i]);
                    bad = eval_bad(E);
                }
            }
            if (bad) {
                if (bad_data(s, row, bad, o, emit, ctx, d)) {
                    status = 1;
                    break;
                }
                continue;
            }
            for (int i = 0; i < s->outputs.n; i++)
                emit(ctx, s, row, s->outputs.v[i], vals[i], &whys[i]);
        }
        if (status == 0 && facts_error(f)) {
            diag_plain(d, "reading the database failed: %s", facts_error(f));
            status = 1;
        }
        facts_subjects_free(st);
    }
    arena_free(a);
    return status;
}
