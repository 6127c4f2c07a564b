/* cmd_eval.c: `qpl eval`: evaluate a policy against a case database, render
   its decisions and, with --record, log them. */
#define _XOPEN_SOURCE 700   /* realpath */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../facts/sqlite.h"
#include "../out/render.h"
#include "../util/file.h"
#include "../util/mem.h"
#include "cli.h"
#include "declog.h"
#include "evalrun.h"
#include "opts.h"

static const char eval_usage[] =
    "usage: qpl eval FILE --db DB [options]\n"
    "\n"
    "Evaluate a policy against the case facts in a SQLite database (opened read-only).\n"
    "\n"
    "options:\n"
    "  --db DB              the case database (required)\n"
    "  --as-of DATE         evaluate as of YYYY-MM-DD (default: today)\n"
    "  --format FMT         text (the default on a terminal), table (the default\n"
    "                       otherwise), jsonl or csv\n"
    "  --color WHEN         colour RAG values in text: auto (default: on a terminal,\n"
    "                       unless NO_COLOR is set), always or never\n"
    "  --wide               csv: one row per subject, a column per decision\n"
    "  --bom                csv: start with a byte order mark (for Excel)\n"
    "  --subject KIND       only this kind of subject (provider, process, meeting, ...)\n"
    "  --id ID              only the subject with this id\n"
    "  --param NAME=VALUE   override a policy parameter (repeatable)\n"
    "  --explain            show why: the branch that fired, the conditions that held\n"
    "                       with their values, the citation and the facts used\n"
    "  --keep-going         report subjects with bad data as undetermined instead of stopping\n"
    "  --record LOGDB       append every decision to a decision-log database\n"
    "  -j, --jobs N         evaluate on N threads, each reading the database on its own\n"
    "                       connection (default 1); the output is the same\n"
    "\n"
    "Exit status: 0 success, 1 policy or data errors, 2 usage error or unreadable file.\n";


/* Refuse a --record path that is not a decision log's file name (usage
   errors, found before anything is read); 0, or 2 after a message. */
static int check_log_name(const EvalArgs *a)
{
    if (!strcmp(a->record, "-")) {
        fprintf(stderr, "qpl %s: --record needs a database file name, not `-`: decisions go to standard output anyway,"
                        " and the log is a SQLite database\n", a->cmd);
        return 2;
    }
    if (!strncmp(a->record, "file:", 5)) {
        fprintf(stderr, "qpl %s: --record `%s`: a SQLite URI is not accepted; give the decision log's file name\n", a->cmd,
                a->record);
        return 2;
    }
    return 0;
}

/* Parse eval's arguments; 0, or the exit status to give. */
static int parse_args(int argc, char **argv, EvalArgs *a)
{
    memset(a, 0, sizeof *a);
    a->cmd = "eval";
    a->out = stdout;
    a->format = isatty(1) ? "text" : "table";
    a->color = "auto";
    a->as_of = opts_today();
    a->jobs = 1;
    const Opt opts[] = {
        {"db", OPT_TEXT, &a->db, NULL}, {"as-of", OPT_DATE, &a->as_of, NULL}, {"format", OPT_TEXT, &a->format, NULL},
        {"subject", OPT_TEXT, &a->subject, NULL}, {"id", OPT_TEXT, &a->id, NULL}, {"param", OPT_LIST, &a->params, NULL},
        {"explain", OPT_FLAG, &a->explain, NULL}, {"keep-going", OPT_FLAG, &a->keep_going, NULL},
        {"record", OPT_TEXT, &a->record, NULL}, {"color", OPT_TEXT, &a->color, NULL},
        {"wide", OPT_FLAG, &a->wide, NULL}, {"bom", OPT_FLAG, &a->bom, NULL},
        {"jobs", OPT_COUNT, &a->jobs, NULL},
    };
    char **rest;
    int nrest;
    int rc = opts_parse("eval", eval_usage, argc, argv, opts, sizeof opts / sizeof *opts, &rest, &nrest);
    if (rc)
        return rc == 1 ? -1 : 2;
    if (opts_policy_db("eval", eval_usage, rest, nrest, &a->file, a->db) != 0)
        return 2;
    if (strcmp(a->color, "auto") && strcmp(a->color, "always") && strcmp(a->color, "never")) {
        fprintf(stderr, "qpl eval: --color `%s`: use auto, always or never\n", a->color);
        return 2;
    }
    if ((a->wide || a->bom) && strcmp(a->format, "csv")) {
        fprintf(stderr, "qpl eval: --%s is for --format csv\n", a->wide ? "wide" : "bom");
        return 2;
    }
    return a->record ? check_log_name(a) : 0;
}

/* Apply the --param NAME=VALUE overrides; 0, or 2 after a message. */
static int apply_params(const char *cmd, const Program *p, Eval *E, const OptList *params, Arena *a)
{
    for (int i = 0; i < params->n; i++) {
        const char *arg = params->v[i], *eq = strchr(arg, '=');
        const char *err;
        if (!eq || eq == arg) {
            fprintf(stderr, "qpl %s: --param needs NAME=VALUE, not `%s`\n", cmd, arg);
            return 2;
        }
        const char *name = arena_strndup(a, arg, (size_t)(eq - arg));
        const Sym *s = param_find(p, name, a, &err);
        Value v;
        if (!s || param_parse(s, eq + 1, a, &v, &err) != 0) {
            fprintf(stderr, "qpl %s: --param %s: %s\n", cmd, arg, err);
            return 2;
        }
        eval_set_param(E, s, v);
    }
    return 0;
}

/* Where the subjects of a run go: the renderer, and the decision log. */
typedef struct Out {
    Renderer *render;
    DecLog *log;
} Out;

/* Deliver one subject to the renderer and the log. */
static void out_subject(void *ctx, const Subject *s)
{
    Out *o = ctx;
    render_subject(o->render, s);
    if (o->log)
        declog_subject(o->log, s);
}

/* --jobs: a copy of the renderer for a worker (NULL when the format's output
   of a subject depends on other subjects, or the log needs them whole). */
static void *out_fork(void *ctx)
{
    Out *o = ctx;
    return o->log ? NULL : render_fork(o->render);
}

/* --jobs: a subject's output made on a worker, by its copy of the renderer. */
static void out_text(void *copy, const Subject *s, Sb *out)
{
    render_subject_text(copy, s, out);
}

/* --jobs: write output a worker made. */
static void out_write(void *ctx, const char *text, size_t n)
{
    render_put(((Out *)ctx)->render, text, n);
}

/* --jobs: free a worker's copy of the renderer. */
static void out_unfork(void *copy)
{
    render_free(copy);
}

/* Evaluate the selected sections into the renderer (and log); the exit status. */
static int evaluate(const Program *p, Run *run, const EvalArgs *a, Out *out)
{
    RunSink sink = {out, out_subject};
    RunTextSink text = {out, out_fork, out_text, out_write, out_unfork};
    run_set_text_sink(run, &text);
    int status = 0;
    for (int i = 0; i < p->sections.n && status == 0; i++) {
        const Section *s = p->sections.v[i];
        if (a->subject && strcmp(a->subject, s->rec->name) != 0)
            continue;
        render_section(out->render, s);
        status = run_section(run, s, a->id, &sink);
    }
    run_set_text_sink(run, NULL);
    return status;
}

/* The resolved path a file would have: its real path, or for a file not
   made yet its directory's real path and its name (malloc'd; NULL if neither resolves). */
static char *resolved(const char *path)
{
    char *real = realpath(path, NULL);
    if (real)
        return real;
    const char *slash = strrchr(path, '/');
    char *dir = slash ? xstrndup(path, (size_t)(slash - path + 1)) : xstrdup(".");
    char *rdir = realpath(dir, NULL);
    free(dir);
    if (!rdir)
        return NULL;
    char *out = file_join(rdir, slash ? slash + 1 : path);
    free(rdir);
    return out;
}

/* Whether the log path names the case database db or one of the files
   SQLite keeps beside it (its journal, -wal and -shm files). */
static bool is_case_file(const char *log, const char *db)
{
    struct stat ls, cs;
    if (stat(log, &ls) == 0 && stat(db, &cs) == 0 && ls.st_dev == cs.st_dev && ls.st_ino == cs.st_ino)
        return true;
    char *rlog = resolved(log), *rdb = realpath(db, NULL);
    bool same = false;
    static const char *const companions[] = {"-journal", "-wal", "-shm"};
    for (int i = 0; i < 3 && rlog && rdb && !same; i++) {
        size_t n = strlen(rdb);
        same = !strncmp(rlog, rdb, n) && !strcmp(rlog + n, companions[i]);
    }
    free(rlog);
    free(rdb);
    return same;
}

/* What the renderer is told besides the decisions. */
static RenderInfo render_info(const Program *p, const EvalArgs *a)
{
    RenderInfo info = {p, a->as_of, a->explain, opts_color(a->color), a->wide, a->bom, opts_width(), false};
    return info;
}

/* Say what a run that finished leaves unsaid: subjects reported undetermined
   for bad data, an --id that names no subject; the exit status. */
static int after_run(const Run *run, const EvalArgs *a, int status)
{
    RunCounts c = run_counts(run);
    char d[16];
    date_format(a->as_of, d);
    if (status == 0 && c.bad)
        fprintf(stderr, "qpl: warning: %ld subject%s had bad data and %s reported undetermined (--keep-going); the reasons "
                        "name the rows\n", c.bad, c.bad == 1 ? "" : "s", c.bad == 1 ? "is" : "are");
    if (status == 0 && a->id && c.delivered == 0) {
        fprintf(stderr, "qpl %s: no subject with id `%s` is decided about as of %s\n", a->cmd, a->id, d);
        return 1;
    }
    return status;
}

/* Run with the output and the log set up; the exit status. */
static int run_and_output(const Program *p, Run *run, const EvalArgs *a)
{
    RenderInfo info = render_info(p, a);
    Out out = {render_begin(a->format, a->out, &info), NULL};
    struct stat st;
    bool log_existed = a->record && lstat(a->record, &st) == 0;
    int status = 0;
    bool refused = a->record && is_case_file(a->record, a->db);
    if (refused) {
        fprintf(stderr, "qpl %s: --record `%s` is the case database; decisions are logged to a separate database\n", a->cmd,
                a->record);
        status = 2;
    } else if (a->record) {
        out.log = declog_open(a->record, p, a->file, a->as_of, &status);
    }
    if (status == 0) {
        status = evaluate(p, run, a, &out);
        status = after_run(run, a, status);
        if (out.log && declog_close(out.log, status == 0) != 0 && status == 0)
            status = 1;
        if (out.log && status != 0 && !log_existed)
            unlink(a->record);
        render_end(out.render);     /* (the subjects before a failure, complete) */
    } else if (a->record && !log_existed && !refused) {
        unlink(a->record);     /* a log the failed open may have made */
    }
    render_free(out.render);
    return status;
}

/* Evaluate a policy as the arguments say: load and check it, open the
   database, run and render; the exit status. */
int eval_run(EvalArgs *a)
{
    int status = 0;
    Diags d;
    diag_init(&d, stderr);
    if (a->jobs > 1)
        fsql_threads();     /* (before any database is opened) */
    Program *p = program_load(a->file, &d);
    FactSource *fs = NULL;
    Run *run = NULL;
    Arena *tmp = arena_new();
    if (!p) {
        fprintf(stderr, "qpl: error: cannot read `%s`: %s\n", a->file, file_last_error());
        status = 2;
    } else if (d.errors) {
        status = 1;
    } else if (a->subject && !program_section(p, a->subject)) {
        fprintf(stderr, "qpl %s: the policy decides nothing about `%s`\n", a->cmd, a->subject);
        status = 2;
    } else if (!(fs = fsql_open(a->db))) {
        status = 2;
    } else if (facts_check(fs, p, false, &d) != 0) {     /* (a column no rule reads may be absent) */
        status = 1;
    } else {
        RunOpts o = {a->as_of, a->explain, a->keep_going, a->every_column, NULL};
        run = run_new(p, fs, &o, &d);
        status = apply_params(a->cmd, p, run_eval(run), &a->params, tmp);
        if (status == 0 && a->jobs > 1 && run_set_jobs(run, fs, a->jobs) != 0)
            status = 2;
        if (status == 0)
            status = run_and_output(p, run, a);
    }
    run_free(run);
    facts_close(fs);
    program_free(p);
    arena_free(tmp);
    return status;
}

/* `qpl eval`: evaluate a policy against a case database. */
int cmd_eval(int argc, char **argv)
{
    EvalArgs a;
    int status = parse_args(argc, argv, &a);
    if (status == 0 && !render_known(a.format)) {
        fprintf(stderr, "qpl eval: unknown format `%s`: use %s\n", a.format, render_formats());
        status = 2;
    } else if (status == 0) {
        status = eval_run(&a);
    }
    opts_free_list(&a.params);
    return status < 0 ? 0 : status;
}
