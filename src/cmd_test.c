/* cmd_test.c: `qpl test`, fixture cases with expectations, and branch coverage. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "check.h"
#include "cli.h"
#include "run.h"

static const char test_usage[] =
    "usage: qpl test [--coverage] [--min-coverage PCT] [PATH...]\n"
    "\n"
    "Run the fixture cases (`test` declarations) in each file, and in every fixture\n"
    "file (one with a `testing \"POLICY\"` line) under each directory (default: .).\n"
    "Prints one line per test (ok / FAIL with expected and actual values and the\n"
    "explanation), then `N passed, N failed`. Exit status 1 if any test fails.\n"
    "\n"
    "  --coverage           list, per policy, the decision branches no test exercised\n"
    "  --min-coverage PCT   also fail when branch coverage is below PCT percent\n";

/* Coverage of one branch of a policy, merged across fixture files. */
typedef struct Cover {
    char *policy, *what;
    int line;
    bool hit;
} Cover;

typedef struct Tally {
    int passed, failed;
    Cover *cov;
    int ncov, capcov;
    Vec files;
} Tally;

/* Record whether a branch was exercised (merging with earlier files). */
static void cover(Tally *t, const char *policy, const char *what, int line, bool hit)
{
    for (int i = 0; i < t->ncov; i++)
        if (!strcmp(t->cov[i].policy, policy) && !strcmp(t->cov[i].what, what) && t->cov[i].line == line) {
            t->cov[i].hit |= hit;
            return;
        }
    if (t->ncov == t->capcov) {
        t->capcov = t->capcov ? t->capcov * 2 : 64;
        t->cov = realloc(t->cov, (size_t)t->capcov * sizeof *t->cov);
    }
    t->cov[t->ncov++] = (Cover){strdup(policy), strdup(what), line, hit};
}

/* Bind one literal of a `given` row as a SQL parameter. */
static void bind_literal(sqlite3_stmt *st, int i, Expr *e)
{
    char buf[16];
    switch (e->kind) {
    case E_NUM:
        if (strchr(e->u.num.text, '.'))
            sqlite3_bind_double(st, i, atof(e->u.num.text));
        else
            sqlite3_bind_int64(st, i, atoll(e->u.num.text));
        break;
    case E_UNARY:
        if (e->u.op.a->kind == E_NUM) {
            if (strchr(e->u.op.a->u.num.text, '.'))
                sqlite3_bind_double(st, i, -atof(e->u.op.a->u.num.text));
            else
                sqlite3_bind_int64(st, i, -atoll(e->u.op.a->u.num.text));
        }
        break;
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

/* Build a test's database in memory: the reference schema, then its facts. */
static sqlite3 *build_db(Decl *t, const char *dir, char *err, size_t errlen)
{
    sqlite3 *db;
    sqlite3_open(":memory:", &db);
    char *msg = NULL;
    if (load_reference_schema(db, err, errlen) != 0) {
        sqlite3_close(db);
        return NULL;
    }
    for (int g = 0; g < t->u.test.given.n; g++) {
        TestGiven *gv = t->u.test.given.v[g];
        if (gv->sqlfile) {
            char p[8192];
            if ((size_t)snprintf(p, sizeof p, "%s/%s", dir, gv->sqlfile) >= sizeof p)
                p[0] = 0;
            char *sql = read_file(p, NULL);
            if (!sql || sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
                snprintf(err, errlen, "line %d: facts from `%.200s`: %.300s", gv->loc.line, gv->sqlfile, sql ? msg : "cannot read the file");
                sqlite3_free(msg);
                free(sql);
                sqlite3_close(db);
                return NULL;
            }
            free(sql);
            continue;
        }
        Arena *tmp = arena_new();
        const char *cols = "", *marks = "";
        for (int c = 0; c < gv->cols.n; c++) {
            cols = arena_printf(tmp, "%s%s\"%s\"", cols, c ? ", " : "", (const char *)gv->cols.v[c]);
            marks = arena_printf(tmp, "%s%s?", marks, c ? ", " : "");
        }
        const char *sql = arena_printf(tmp, "INSERT INTO \"%s\" (%s) VALUES (%s)", gv->table, cols, marks);
        sqlite3_stmt *st;
        int prc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
        arena_free(tmp);
        if (prc != SQLITE_OK) {
            snprintf(err, errlen, "line %d: given %s: %s", gv->loc.line, gv->table, sqlite3_errmsg(db));
            sqlite3_close(db);
            return NULL;
        }
        for (int r = 0; r < gv->rows.n; r++) {
            Vec *row = gv->rows.v[r];
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            for (int c = 0; c < row->n && c < gv->cols.n; c++)
                bind_literal(st, c + 1, row->v[c]);
            if (sqlite3_step(st) != SQLITE_DONE) {
                snprintf(err, errlen, "line %d: given %s row %d: %s", gv->loc.line, gv->table, r + 1, sqlite3_errmsg(db));
                sqlite3_finalize(st);
                sqlite3_close(db);
                return NULL;
            }
        }
        sqlite3_finalize(st);
    }
    return db;
}

/* The part of an actual value an expectation compares. */
static Value expected_part(Program *p, Value v, const char *part)
{
    if (v.k == V_DEADLINE) {
        if (!part || !strcmp(part, "status"))
            return v_code(p->status_scale, v.u.dl->status);
        return !strcmp(part, "due") ? v.u.dl->due : !strcmp(part, "done") ? v.u.dl->done : v.u.dl->start;
    }
    if (v.k == V_QUORUM) {
        if (!part || !strcmp(part, "quorate"))
            return v_bool(v.u.q->quorate);
        if (!strcmp(part, "present"))
            return v_num(num_int(v.u.q->present));
        return (Value){.k = V_LIST, .u.list = v.u.q->missing};
    }
    return v;
}

/* Run one test case; prints its line(s) and returns whether it passed. */
static bool run_test(Program *p, Decl *t, const char *file, bool quiet)
{
    char err[1024] = "";
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", file);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    else
        snprintf(dir, sizeof dir, ".");
    sqlite3 *db = build_db(t, dir, err, sizeof err);
    if (!db) {
        printf("FAIL %s:%d: %s\n  %s\n", file, t->loc.line, t->u.test.title, err);
        return false;
    }
    Arena *run = arena_new(), *a = arena_new();
    Facts *f = facts_new(p, db, t->u.test.as_of, run);
    Eval *E = eval_new(p, f, t->u.test.as_of, run);
    eval_set_explain(E, true);
    eval_subject(E, NULL, NULL, a);
    for (int i = 0; i < t->u.test.params.n; i++) {
        Sym *ps = program_find(p, t->u.test.params.v[i]);
        if (ps && ps->kind == S_PARAM)
            eval_set_param_value(E, ps, eval_expr_value(E, t->u.test.pvalues.v[i]));
    }
    bool ok = true;
    const char *report = "";
    for (int i = 0; i < t->u.test.expect.n; i++) {
        TestExpect *x = t->u.test.expect.v[i];
        Section *s = program_section(p, x->subject);
        Decl *d = NULL;
        for (int k = 0; s && k < s->outputs.n; k++)
            if (!strcmp(((Decl *)s->outputs.v[k])->name, x->decision))
                d = s->outputs.v[k];
        if (!d)
            continue;
        arena_reset(a);
        Subjects *st = facts_subjects(f, s->rec, x->id);
        const char *bad = NULL;
        Row *row = facts_next(f, st, a, &bad);
        const char *problem = NULL;
        Value v = {0};
        Explain why = {0};
        if (bad)
            problem = bad;
        else if (!row)
            problem = arena_printf(run, "there is no %s `%s` as of the test's date", x->subject, x->id);
        else {
            eval_subject(E, s, row, a);
            Value keep = eval_filter(E);
            if (keep.k != V_BOOL || !keep.u.b)
                problem = arena_printf(run, "%s `%s` is not one the policy decides about (its `for %s where` does not hold)",
                                       x->subject, x->id, x->subject);
            else {
                v = eval_output(E, d, &why);
                if (eval_bad(E))
                    problem = eval_bad(E);
            }
        }
        const char *want_s, *got_s;
        bool pass;
        if (problem) {
            pass = false;
            want_s = x->value ? "a value" : "undetermined";
            got_s = problem;
        } else {
            Value got = expected_part(p, v, x->part);
            if (!x->value) {
                pass = v.k == V_MISSING;
                want_s = "undetermined";
            } else {
                Value want = eval_expr_value(E, x->value);
                pass = (got.k != V_MISSING && want.k != V_MISSING && value_eq(got, want)) ||
                       (x->value->kind == E_MISSING && got.k == V_MISSING);
                want_s = value_json(run, want);
            }
            got_s = got.k == V_MISSING ? arena_printf(run, "undetermined (%s)", got.u.why) : value_json(run, got);
            if (!pass && v.k != V_MISSING && x->part == NULL && (v.k == V_DEADLINE || v.k == V_QUORUM))
                got_s = arena_printf(run, "%s (%s)", got_s, value_json(run, v));
        }
        if (!pass) {
            ok = false;
            report = arena_printf(run, "%s  expect %s %s %s%s%s: expected %s, got %s\n", report, x->subject, x->id,
                                  x->decision, x->part ? "." : "", x->part ? x->part : "", want_s, got_s);
            if (why.branch)
                report = arena_printf(run, "%s    because: %s%s%s%s\n", report, why.branch, why.cite ? " (cite \"" : "",
                                      why.cite ? why.cite : "", why.cite ? "\")" : "");
            for (int k = 0; k < why.facts.n && k < 8; k++)
                report = arena_printf(run, "%s    fact: %s\n", report, (const char *)why.facts.v[k]);
        }
        facts_subjects_free(st);
    }
    if (ok && !quiet)
        printf("ok   %s:%d: %s\n", file, t->loc.line, t->u.test.title);
    else if (!ok)
        printf("FAIL %s:%d: %s\n%s", file, t->loc.line, t->u.test.title, report);
    eval_free(E);
    facts_free(f);
    sqlite3_close(db);
    arena_free(a);
    arena_free(run);
    return ok;
}

/* Merge the branch coverage of a loaded program into the tally. */
static void collect_coverage(Tally *t, Program *p)
{
    if (!p->main)
        return;
    for (int i = 0; i < p->outputs.n; i++) {
        Decl *d = p->outputs.v[i];
        if (d->file != p->main)
            continue;
        const char *pol = p->main->path;
        if (d->kind == D_DECIDE || d->kind == D_LADDER) {
            for (int k = 0; k < d->u.dec.branches.n; k++) {
                Branch *b = d->u.dec.branches.v[k];
                char what[256];
                if (d->kind == D_LADDER || b->value->kind == E_NAME)
                    snprintf(what, sizeof what, "%s: branch `%s %s`", d->name, b->value->u.name.name, b->cond ? "when ..." : "otherwise");
                else
                    snprintf(what, sizeof what, "%s: branch %d%s", d->name, k + 1, b->cond ? "" : " (otherwise)");
                cover(t, pol, what, b->loc.line, b->used);
            }
        } else if (d->kind == D_DEADLINE) {
            cover(t, pol, arena_printf(p->arena, "%s: deadline computed", d->name), d->loc.line, d->cover & 1);
            if (d->u.dec.suspended)
                cover(t, pol, arena_printf(p->arena, "%s: deadline suspended", d->name), d->loc.line, d->cover & 2);
        } else if (d->kind == D_QUORUM) {
            cover(t, pol, arena_printf(p->arena, "%s: quorate", d->name), d->loc.line, d->cover & 1);
            cover(t, pol, arena_printf(p->arena, "%s: not quorate", d->name), d->loc.line, d->cover & 2);
        }
    }
}

/* Run every test of one file. */
static void run_file(Tally *t, const char *file, bool quiet)
{
    Diags d;
    diags_init(&d, stdout);
    Program *p = program_load(file, &d);
    if (!p) {
        printf("FAIL %s: cannot read the file\n", file);
        t->failed++;
        return;
    }
    if (d.errors) {
        printf("FAIL %s: the file has errors (see above); none of its tests ran\n", file);
        t->failed += p->tests.n ? p->tests.n : 1;
        program_free(p);
        return;
    }
    for (int i = 0; i < p->tests.n; i++) {
        if (run_test(p, p->tests.v[i], file, quiet))
            t->passed++;
        else
            t->failed++;
    }
    collect_coverage(t, p);
    program_free(p);
}

/* Whether a file is a fixture file (has a `testing "..."` line). */
static bool is_fixture(const char *path)
{
    char *s = read_file(path, NULL);
    if (!s)
        return false;
    bool yes = !strncmp(s, "testing ", 8) || strstr(s, "\ntesting ");
    free(s);
    return yes;
}

/* qsort order of path names: alphabetical. */
static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collect fixture files under a directory, sorted. */
static void walk(Tally *t, Arena *a, const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    Vec names = {0};
    struct dirent *e;
    while ((e = readdir(dp)))
        if (e->d_name[0] != '.')
            vec_push(a, &names, arena_printf(a, "%s/%s", dir, e->d_name));
    closedir(dp);
    if (names.n > 1)
        qsort(names.v, (size_t)names.n, sizeof *names.v, name_cmp);
    for (int i = 0; i < names.n; i++) {
        const char *p = names.v[i];
        struct stat sb;
        if (stat(p, &sb) != 0)
            continue;
        if (S_ISDIR(sb.st_mode))
            walk(t, a, p);
        else if (strlen(p) > 4 && !strcmp(p + strlen(p) - 4, ".qpl") && is_fixture(p))
            vec_push(a, &t->files, (void *)p);
    }
}

/* `qpl test`: run the fixture tests in files and directories, optionally with branch coverage. */
int cmd_test(int argc, char **argv)
{
    bool coverage = false, quiet = false;
    double min_cov = -1;
    Tally t = {0};
    Arena *a = arena_new();
    int npaths = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(test_usage, stdout);
            arena_free(a);
            return 0;
        }
        if (!strcmp(argv[i], "--coverage")) {
            coverage = true;
            continue;
        }
        if (!strcmp(argv[i], "--quiet")) {
            quiet = true;
            continue;
        }
        if (!strcmp(argv[i], "--min-coverage") && i + 1 < argc) {
            min_cov = atof(argv[++i]);
            coverage = true;
            continue;
        }
        if (argv[i][0] == '-') {
            fprintf(stderr, "qpl test: unknown option `%s`\n\n%s", argv[i], test_usage);
            arena_free(a);
            return 2;
        }
        npaths++;
        struct stat sb;
        if (stat(argv[i], &sb) != 0) {
            fprintf(stderr, "qpl test: cannot read `%s`\n", argv[i]);
            arena_free(a);
            return 2;
        }
        if (S_ISDIR(sb.st_mode)) {
            char *d = arena_strdup(a, argv[i]);
            size_t n = strlen(d);
            while (n > 1 && d[n - 1] == '/')
                d[--n] = 0;
            walk(&t, a, d);
        } else
            vec_push(a, &t.files, argv[i]);
    }
    if (!npaths)
        walk(&t, a, ".");
    for (int i = 0; i < t.files.n; i++)
        run_file(&t, t.files.v[i], quiet);
    int status = t.failed ? 1 : 0;
    if (coverage) {
        const char *cur = NULL;
        int hit = 0, total = 0;
        for (int i = 0; i <= t.ncov; i++) {
            if (i == t.ncov || (cur && strcmp(cur, t.cov[i].policy))) {
                if (cur) {
                    double pct = total ? 100.0 * hit / total : 100.0;
                    printf("coverage %s: %d of %d branches (%.1f%%)\n", cur, hit, total, pct);
                    if (min_cov >= 0 && pct < min_cov) {
                        printf("coverage of %s is below %.0f%%\n", cur, min_cov);
                        status = 1;
                    }
                }
                if (i == t.ncov)
                    break;
                hit = total = 0;
            }
            cur = t.cov[i].policy;
            total++;
            if (t.cov[i].hit)
                hit++;
            else
                printf("  not exercised: %s:%d: %s\n", t.cov[i].policy, t.cov[i].line, t.cov[i].what);
        }
    }
    printf("%d passed, %d failed\n", t.passed, t.failed);
    for (int i = 0; i < t.ncov; i++) {
        free(t.cov[i].policy);
        free(t.cov[i].what);
    }
    free(t.cov);
    arena_free(a);
    return status;
}
