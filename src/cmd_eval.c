/* cmd_eval.c: `qpl eval` and `qpl init-db`. */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "check.h"
#include "cli.h"
#include "output.h"
#include "sha256.h"

static const char eval_usage[] =
    "usage: qpl eval FILE --db DB [options]\n"
    "\n"
    "Evaluate a policy against the case facts in a SQLite database (opened read-only).\n"
    "\n"
    "options:\n"
    "  --db DB              the case database (required)\n"
    "  --as-of DATE         evaluate as of YYYY-MM-DD (default: today)\n"
    "  --format FMT         table (default), jsonl or csv\n"
    "  --subject KIND       only this kind of subject (provider, process, meeting, ...)\n"
    "  --id ID              only the subject with this id\n"
    "  --param NAME=VALUE   override a policy parameter (repeatable)\n"
    "  --explain            show the branch that fired, its citation and the facts used\n"
    "  --keep-going         report subjects with bad data as undetermined instead of stopping\n"
    "  --record LOGDB       append every decision to a decision-log database\n"
    "\n"
    "Exit status: 0 success, 1 policy or data errors, 2 usage error or unreadable file.\n";

/* A decision-log writer: one transaction per run. */
typedef struct Recorder {
    sqlite3 *db;
    sqlite3_stmt *ins;
    sqlite3_int64 run;
    Output *out;
    Program *p;
    Arena *a;
    bool failed;
} Recorder;

/* Emit to the output, and to the decision log when recording. */
static void emit_both(void *ctx, Section *s, Row *row, Decl *d, Value v, Explain *why)
{
    Recorder *r = ctx;
    output_emit(r->out, s, row, d, v, why);
    if (!r->db || r->failed)
        return;
    arena_reset(r->a);
    const char *id = row && row->key ? row->key : "";
    sqlite3_reset(r->ins);
    sqlite3_bind_int64(r->ins, 1, r->run);
    sqlite3_bind_text(r->ins, 2, s->rec->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(r->ins, 3, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(r->ins, 4, d->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(r->ins, 5, value_json(r->a, v), -1, SQLITE_TRANSIENT);
    if (v.k == V_MISSING)
        sqlite3_bind_text(r->ins, 6, v.u.why, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(r->ins, 6);
    const char *cite = why && why->cite ? why->cite : d->u.dec.cite;
    if (cite)
        sqlite3_bind_text(r->ins, 7, cite, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(r->ins, 7);
    if (sqlite3_step(r->ins) != SQLITE_DONE)
        r->failed = true;
}

/* Open the decision log and start a run in one transaction. */
static int recorder_open(Recorder *r, const char *path, Program *p, const char *policy_path, qdate as_of)
{
    if (sqlite3_open_v2(path, &r->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        fprintf(stderr, "qpl: error: cannot open decision log `%s`: %s\n", path, sqlite3_errmsg(r->db));
        return 2;
    }
    sqlite3_busy_timeout(r->db, 5000);
    const char *schema =
        "BEGIN IMMEDIATE;"
        "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, policy TEXT NOT NULL, policy_file TEXT NOT NULL,"
        " policy_sha256 TEXT NOT NULL, as_of TEXT NOT NULL, run_at TEXT NOT NULL);"
        "CREATE TABLE IF NOT EXISTS decisions (run_id INTEGER NOT NULL REFERENCES runs(id), subject TEXT NOT NULL,"
        " id TEXT NOT NULL, decision TEXT NOT NULL, value TEXT, reason TEXT, citation TEXT);";
    char *err = NULL;
    if (sqlite3_exec(r->db, schema, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "qpl: error: cannot write decision log `%s`: %s\n", path, err);
        sqlite3_free(err);
        return 2;
    }
    char sha[65];
    SourceFile *f = p->main;
    sha256_hex(f->src, f->len, sha);
    char asof[16], now[32];
    date_format(as_of, asof);
    time_t t = time(NULL);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
    sqlite3_stmt *st;
    sqlite3_prepare_v2(r->db, "INSERT INTO runs (policy, policy_file, policy_sha256, as_of, run_at) VALUES (?,?,?,?,?)", -1, &st, NULL);
    sqlite3_bind_text(st, 1, p->policy ? p->policy->name : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, policy_path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, sha, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, asof, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return 2;
    r->run = sqlite3_last_insert_rowid(r->db);
    sqlite3_prepare_v2(r->db, "INSERT INTO decisions VALUES (?,?,?,?,?,?,?)", -1, &r->ins, NULL);
    r->a = arena_new();
    return 0;
}

/* Commit (ok) or roll back the run, and close the log. */
static int recorder_close(Recorder *r, bool ok)
{
    if (!r->db)
        return 0;
    sqlite3_finalize(r->ins);
    int status = 0;
    if (ok && !r->failed && sqlite3_exec(r->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
        status = 0;
    } else {
        if (ok)
            fprintf(stderr, "qpl: error: writing the decision log failed: %s; nothing was recorded\n", sqlite3_errmsg(r->db));
        sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
        status = 1;
    }
    sqlite3_close(r->db);
    arena_free(r->a);
    return status;
}

/* `qpl eval`: evaluate a policy against a case database, print its decisions
   and, with --record, log them. */
int cmd_eval(int argc, char **argv)
{
    const char *file = NULL, *db = NULL, *subject = NULL, *id = NULL, *record = NULL;
    const char *as_of_s = NULL, *fmt_s = "table";
    bool explain = false, keep_going = false;
    const char *params[64];
    int nparams = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(eval_usage, stdout);
            return 0;
        }
        if (!strcmp(a, "--explain")) {
            explain = true;
            continue;
        }
        if (!strcmp(a, "--keep-going")) {
            keep_going = true;
            continue;
        }
        if (!strcmp(a, "--db")) slot = &db;
        else if (!strcmp(a, "--as-of")) slot = &as_of_s;
        else if (!strcmp(a, "--format")) slot = &fmt_s;
        else if (!strcmp(a, "--subject")) slot = &subject;
        else if (!strcmp(a, "--id")) slot = &id;
        else if (!strcmp(a, "--record")) slot = &record;
        else if (!strcmp(a, "--param")) {
            if (i + 1 >= argc || nparams == 64) {
                fprintf(stderr, "qpl eval: --param needs NAME=VALUE\n");
                return 2;
            }
            params[nparams++] = argv[++i];
            continue;
        } else if (a[0] == '-') {
            fprintf(stderr, "qpl eval: unknown option `%s`\n\n%s", a, eval_usage);
            return 2;
        } else if (!file) {
            file = a;
            continue;
        } else {
            fprintf(stderr, "qpl eval: one policy file at a time (got `%s` and `%s`)\n", file, a);
            return 2;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "qpl eval: %s needs a value\n", a);
            return 2;
        }
        *slot = argv[++i];
    }
    if (!file || !db) {
        fprintf(stderr, "qpl eval: %s\n\n%s", !file ? "no policy file given" : "no database given (--db DB)", eval_usage);
        return 2;
    }
    Format fmt;
    if (!strcmp(fmt_s, "table")) fmt = FMT_TABLE;
    else if (!strcmp(fmt_s, "jsonl")) fmt = FMT_JSONL;
    else if (!strcmp(fmt_s, "csv")) fmt = FMT_CSV;
    else {
        fprintf(stderr, "qpl eval: unknown format `%s`: use table, jsonl or csv\n", fmt_s);
        return 2;
    }
    qdate as_of = today();
    if (as_of_s && !date_parse(as_of_s, strlen(as_of_s), &as_of)) {
        fprintf(stderr, "qpl eval: --as-of `%s` is not a date: write YYYY-MM-DD\n", as_of_s);
        return 2;
    }
    Diags d;
    diags_init(&d, stderr);
    Program *p = program_load(file, &d);
    if (!p) {
        fprintf(stderr, "qpl: error: cannot read `%s`\n", file);
        return 2;
    }
    if (d.errors) {
        program_free(p);
        return 1;
    }
    if (subject && !program_section(p, subject)) {
        fprintf(stderr, "qpl eval: the policy decides nothing about `%s`\n", subject);
        program_free(p);
        return 2;
    }
    sqlite3 *cdb = open_case_db(db);
    if (!cdb) {
        program_free(p);
        return 2;
    }
    Arena *run = arena_new();
    Facts *f = facts_new(p, cdb, as_of, run);
    int status = 0;
    if (facts_validate(f, &d) != 0) {
        status = 1;
        goto done;
    }
    Eval *E = eval_new(p, f, as_of, run);
    for (int i = 0; i < nparams; i++) {
        char name[128], err[512];
        const char *eq = strchr(params[i], '=');
        if (!eq || eq == params[i] || (size_t)(eq - params[i]) >= sizeof name) {
            fprintf(stderr, "qpl eval: --param needs NAME=VALUE, not `%s`\n", params[i]);
            status = 2;
            break;
        }
        snprintf(name, sizeof name, "%.*s", (int)(eq - params[i]), params[i]);
        if (eval_set_param(E, name, eq + 1, err, sizeof err) != 0) {
            fprintf(stderr, "qpl eval: --param %s: %s\n", params[i], err);
            status = 2;
            break;
        }
    }
    if (status == 0) {
        Recorder rec = {0};
        rec.out = output_new(p, fmt, explain);
        output_only(rec.out, subject);
        rec.p = p;
        struct stat ls, cs;
        bool log_existed = record && stat(record, &ls) == 0;
        if (log_existed && stat(db, &cs) == 0 && ls.st_dev == cs.st_dev && ls.st_ino == cs.st_ino) {
            fprintf(stderr, "qpl eval: --record `%s` is the case database; decisions are logged to a separate database\n", record);
            status = 2;
        } else if (record) {
            status = recorder_open(&rec, record, p, file, as_of);
        }
        if (status == 0) {
            RunOpts o = {as_of, subject, id, explain, keep_going};
            status = run_policy(p, f, E, &o, emit_both, &rec, &d);
            if (record && recorder_close(&rec, status == 0) != 0 && status == 0)
                status = 1;
            if (record && status != 0 && !log_existed)
                unlink(record);
            if (status == 0)
                output_finish(rec.out, stdout);
        } else if (rec.db) {
            recorder_close(&rec, false);
            if (!log_existed)
                unlink(record);
        }
        output_free(rec.out);
    }
    eval_free(E);
done:
    facts_free(f);
    arena_free(run);
    sqlite3_close(cdb);
    program_free(p);
    return status;
}

static const char init_usage[] =
    "usage: qpl init-db DB\n"
    "\n"
    "Create a new, empty case database with the reference schema (stdlib/schema.sql).\n";

/* `qpl init-db DB`: create a new case database with the reference schema. */
int cmd_init_db(int argc, char **argv)
{
    if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(init_usage, stdout);
        return 0;
    }
    if (argc != 2) {
        fputs(init_usage, stderr);
        return 2;
    }
    FILE *probe = fopen(argv[1], "rb");
    if (probe) {
        fclose(probe);
        fprintf(stderr, "qpl init-db: `%s` already exists; qpl does not overwrite case databases\n", argv[1]);
        return 2;
    }
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        fprintf(stderr, "qpl init-db: cannot create `%s`: %s\n", argv[1], sqlite3_errmsg(db));
        sqlite3_close(db);
        return 2;
    }
    char err[512];
    if (load_reference_schema(db, err, sizeof err) != 0) {
        fprintf(stderr, "qpl init-db: %s\n", err);
        sqlite3_close(db);
        unlink(argv[1]);
        return 1;
    }
    sqlite3_close(db);
    printf("created %s with the reference schema (v1)\n", argv[1]);
    return 0;
}
