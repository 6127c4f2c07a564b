/* cmd_test.c: `qpl test`: fixture cases with expectations, and branch coverage. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "../facts/sqlite.h"
#include "../out/because.h"
#include "../out/text.h"
#include "../out/json.h"
#include "../out/words.h"
#include "../runtime/run.h"
#include "../util/file.h"
#include "../util/mem.h"
#include "cli.h"
#include "opts.h"

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

/* Coverage of one branch (or outcome) of a policy, merged across fixture files. */
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
    bool quiet;
} Tally;

/* What the tests of one fixture file exercised, decision by decision. */
typedef struct Hits {
    const Program *p;
    bool **branch;          /* [output index][branch index] */
    unsigned *outcome;      /* [output index]: bits 1 << Outcome */
} Hits;

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
        t->cov = xrealloc(t->cov, (size_t)t->capcov * sizeof *t->cov);
    }
    t->cov[t->ncov++] = (Cover){xstrdup(policy), xstrdup(what), line, hit};
}

/* The evaluator's hook: note what a decision did. */
static void on_outcome(void *ctx, const Decl *d, Outcome o, const Branch *b)
{
    Hits *h = ctx;
    for (int i = 0; i < h->p->outputs.n; i++)
        if (h->p->outputs.v[i] == d) {
            if (o == OUT_BRANCH)
                h->branch[i][b->index] = true;
            h->outcome[i] |= 1u << o;
            return;
        }
}

/* Empty hit records for a program's decisions. */
static void hits_init(Hits *h, const Program *p)
{
    h->p = p;
    h->branch = xcalloc((size_t)p->outputs.n + 1, sizeof *h->branch);
    h->outcome = xcalloc((size_t)p->outputs.n + 1, sizeof *h->outcome);
    for (int i = 0; i < p->outputs.n; i++)
        h->branch[i] = xcalloc((size_t)((Decl *)p->outputs.v[i])->u.dec.branches.n + 1, sizeof **h->branch);
}

/* Free hit records. */
static void hits_free(Hits *h)
{
    for (int i = 0; i < h->p->outputs.n; i++)
        free(h->branch[i]);
    free(h->branch);
    free(h->outcome);
}

/* The part of an actual value an expectation compares. */
static Value expected_part(const Program *p, Value v, const char *part)
{
    if (v.k == V_DEADLINE) {
        if (!part || !strcmp(part, "status"))
            return value_status(p, v.u.dl);
        return !strcmp(part, "due") ? v.u.dl->due : !strcmp(part, "done") ? v.u.dl->done : v.u.dl->start;
    }
    if (v.k == V_QUORUM) {
        if (!part || !strcmp(part, "quorate"))
            return v_bool(v.u.q->quorate);
        if (!strcmp(part, "present"))
            return v_num(num_int(v.u.q->present));
        return v_list(v.u.q->missing);
    }
    return v;
}

/* The actual value of an expectation's decision; NULL problem when it was evaluated. */
static const char *actual(Run *run, const Program *p, const TestExpect *x, const Decl *d, Arena *a, Value *v, Explain *why)
{
    const Section *s = program_section(p, x->subject);
    Focus f = run_focus(run, s, x->id);
    if (f == FOCUS_FAULT)
        return run_fault(run);
    if (f == FOCUS_NONE)
        return arena_printf(a, "there is no %s `%s` as of the test's date", x->subject, x->id);
    Eval *E = run_eval(run);
    Value keep = eval_filter(E);
    if (keep.k != V_BOOL || !keep.u.b)
        return arena_printf(a, "%s `%s` is not one the policy decides about (its `for %s where` does not hold)", x->subject,
                            x->id, x->subject);
    *v = eval_output(E, d, why);
    return run_fault(run);
}

/* Append the explanation of a failed expectation, as the text view words it. */
static const char *explanation(Arena *a, const char *report, Value v, const Explain *why, const Decl *d)
{
    Sb b = SB_INIT;
    text_why(&b, a, v, why, d, 4, 1 << 20);
    report = arena_printf(a, "%s%s", report, sb_str(&b));
    sb_free(&b);
    return report;
}

/* Check one expectation; NULL when it holds, else the lines reporting it. */
static const char *check_expect(Run *run, const Program *p, const TestExpect *x, Arena *a)
{
    const Section *s = program_section(p, x->subject);
    const Sym *sym = s ? section_find(s, x->decision) : NULL;
    if (!sym || sym->kind != S_DECISION)
        return NULL;
    Value v = {0};
    Explain why = {0};
    const char *problem = actual(run, p, x, sym->decl, a, &v, &why);
    const char *want_s, *got_s;
    bool pass;
    if (problem) {
        pass = false;
        want_s = x->value ? "a value" : x->na ? "not applicable" : "undetermined";
        got_s = problem;
    } else {
        Value got = expected_part(p, v, x->part);
        if (!x->value) {
            pass = v.k == V_MISSING && value_na(v) == x->na;
            want_s = x->na ? "not applicable" : "undetermined";
        } else {
            Value want = eval_expr(run_eval(run), x->value);
            pass = (got.k != V_MISSING && want.k != V_MISSING && value_eq(got, want)) ||
                   (x->value->kind == E_MISSING && got.k == V_MISSING);
            want_s = json_str(a, want);
        }
        got_s = got.k == V_MISSING ? arena_printf(a, "%s (%s)", value_na(got) ? "not applicable" : "undetermined",
                                                  words_reason(a, got.u.why))
                                   : json_str(a, got);
        if (!pass && v.k != V_MISSING && !x->part && (v.k == V_DEADLINE || v.k == V_QUORUM))
            got_s = arena_printf(a, "%s (%s)", got_s, json_str(a, v));
    }
    if (pass)
        return NULL;
    const char *report = arena_printf(a, "  expect %s %s %s%s%s: expected %s, got %s\n", x->subject, x->id, x->decision,
                                      x->part ? "." : "", x->part ? x->part : "", want_s, got_s);
    return explanation(a, report, v, &why, sym->decl);
}

/* Apply a test's `with NAME = VALUE` settings. */
static void apply_with(Run *run, const Program *p, const Decl *t)
{
    run_focus(run, NULL, NULL);
    Eval *E = run_eval(run);
    for (int i = 0; i < t->u.test.params.n; i++) {
        const Sym *ps = program_find(p, t->u.test.params.v[i]);
        if (ps && ps->kind == S_PARAM)
            eval_set_param(E, ps, eval_expr(E, t->u.test.pvalues.v[i]));
    }
}

/* Run one test case; prints its line(s) and returns whether it passed. */
static bool run_test(const Program *p, const Decl *t, const char *file, Hits *hits, bool quiet)
{
    Sb err = SB_INIT;
    char *dir = xstrdup(file);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    FactSource *fs = fsql_fixture(p, t, slash ? dir : ".", &err);
    free(dir);
    if (!fs)
        printf("FAIL %s:%d: %s\n  %s\n", file, t->loc.line, t->u.test.title, sb_str(&err));
    sb_free(&err);
    if (!fs)
        return false;
    Diags d;
    diag_init(&d, stdout);
    RunOpts o = {t->u.test.as_of, true, false, false, NULL};
    Run *run = run_new(p, fs, &o, &d);
    EvalHooks h = {hits, on_outcome};
    eval_set_hooks(run_eval(run), &h);
    apply_with(run, p, t);
    Arena *a = arena_new();
    const char *report = "";
    for (int i = 0; i < t->u.test.expect.n; i++) {
        const char *r = check_expect(run, p, t->u.test.expect.v[i], a);
        if (r)
            report = arena_printf(a, "%s%s", report, r);
    }
    bool ok = !*report;
    if (ok && !quiet)
        printf("ok   %s:%d: %s\n", file, t->loc.line, t->u.test.title);
    else if (!ok)
        printf("FAIL %s:%d: %s\n%s", file, t->loc.line, t->u.test.title, report);
    arena_free(a);
    run_free(run);
    facts_close(fs);
    return ok;
}

/* The coverage entries of one decide or ladder's branches. */
static void cover_branches(Tally *t, const char *pol, const Decl *d, const bool *hit, Arena *a)
{
    for (int k = 0; k < d->u.dec.branches.n; k++) {
        const Branch *b = d->u.dec.branches.v[k];
        const char *what;
        if (d->kind == D_LADDER || b->value->kind == E_NAME)
            what = arena_printf(a, "%s: branch `%s %s`", d->name, b->value->u.name.name, b->cond ? "when ..." : "otherwise");
        else
            what = arena_printf(a, "%s: branch %d%s", d->name, k + 1, b->cond ? "" : " (otherwise)");
        cover(t, pol, what, b->loc.line, hit[k]);
    }
}

/* Merge the coverage of one fixture file's tests into the tally. */
static void collect_coverage(Tally *t, const Program *p, const Hits *h)
{
    if (!p->main)
        return;
    Arena *a = arena_new();
    const char *pol = p->main->path;
    for (int i = 0; i < p->outputs.n; i++) {
        const Decl *d = p->outputs.v[i];
        unsigned o = h->outcome[i];
        if (d->file != p->main)
            continue;
        if (d->kind == D_DECIDE || d->kind == D_LADDER) {
            cover_branches(t, pol, d, h->branch[i], a);
        } else if (d->kind == D_DEADLINE) {
            cover(t, pol, arena_printf(a, "%s: deadline computed", d->name), d->loc.line, o & (1u << OUT_COMPUTED));
            if (d->u.dec.suspended)
                cover(t, pol, arena_printf(a, "%s: deadline suspended", d->name), d->loc.line, o & (1u << OUT_SUSPENDED));
        } else if (d->kind == D_QUORUM) {
            cover(t, pol, arena_printf(a, "%s: quorate", d->name), d->loc.line, o & (1u << OUT_QUORATE));
            cover(t, pol, arena_printf(a, "%s: not quorate", d->name), d->loc.line, o & (1u << OUT_NOT_QUORATE));
        }
    }
    arena_free(a);
}

/* Run every test of one file. */
static void run_file(Tally *t, const char *file)
{
    Diags d;
    diag_init(&d, stdout);
    Program *p = program_load(file, &d);
    if (!p) {
        printf("FAIL %s: cannot read the file: %s\n", file, file_last_error());
        t->failed++;
        return;
    }
    if (d.errors) {
        printf("FAIL %s: the file has errors (see above); none of its tests ran\n", file);
        t->failed += p->tests.n ? p->tests.n : 1;
        program_free(p);
        return;
    }
    Hits h;
    hits_init(&h, p);
    for (int i = 0; i < p->tests.n; i++) {
        if (run_test(p, p->tests.v[i], file, &h, t->quiet))
            t->passed++;
        else
            t->failed++;
    }
    collect_coverage(t, p, &h);
    hits_free(&h);
    program_free(p);
}

/* Whether a file is a fixture file (has a `testing "..."` line). */
static bool is_fixture(const char *path)
{
    char *s = file_read(path, 0, NULL, NULL);
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

/* Collect the fixture files under a directory, sorted. */
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

/* Print the coverage of each policy; 1 when one is below the minimum. */
static int report_coverage(const Tally *t, double min_cov)
{
    int status = 0, hit = 0, total = 0;
    const char *cur = NULL;
    for (int i = 0; i <= t->ncov; i++) {
        if (i == t->ncov || (cur && strcmp(cur, t->cov[i].policy))) {
            if (cur) {
                double pct = total ? 100.0 * hit / total : 100.0;
                printf("coverage %s: %d of %d branches (%.1f%%)\n", cur, hit, total, pct);
                if (min_cov >= 0 && pct < min_cov) {
                    printf("coverage of %s is below %.0f%%\n", cur, min_cov);
                    status = 1;
                }
            }
            if (i == t->ncov)
                break;
            hit = total = 0;
        }
        cur = t->cov[i].policy;
        total++;
        if (t->cov[i].hit)
            hit++;
        else
            printf("  not exercised: %s:%d: %s\n", t->cov[i].policy, t->cov[i].line, t->cov[i].what);
    }
    return status;
}

/* Collect the files to test from the paths given (default: .); 2 on a bad path. */
static int gather(Tally *t, Arena *a, char **paths, int npaths)
{
    for (int i = 0; i < npaths; i++) {
        struct stat sb;
        if (stat(paths[i], &sb) != 0) {
            fprintf(stderr, "qpl test: cannot read `%s`\n", paths[i]);
            return 2;
        }
        if (S_ISDIR(sb.st_mode)) {
            char *d = arena_strdup(a, paths[i]);
            size_t n = strlen(d);
            while (n > 1 && d[n - 1] == '/')
                d[--n] = 0;
            walk(t, a, d);
        } else {
            vec_push(a, &t->files, paths[i]);
        }
    }
    if (!npaths)
        walk(t, a, ".");
    return 0;
}

/* `qpl test`: run the fixture tests in files and directories, with branch coverage. */
int cmd_test(int argc, char **argv)
{
    bool coverage = false, min_given = false;
    double min_cov = -1;
    Tally t = {0};
    const Opt opts[] = {
        {"coverage", OPT_FLAG, &coverage, NULL}, {"quiet", OPT_FLAG, &t.quiet, NULL},
        {"min-coverage", OPT_PERCENT, &min_cov, &min_given},
    };
    char **paths;
    int npaths;
    int rc = opts_parse("test", test_usage, argc, argv, opts, sizeof opts / sizeof *opts, &paths, &npaths);
    if (rc)
        return rc == 1 ? 0 : 2;
    coverage |= min_given;
    Arena *a = arena_new();
    int status = gather(&t, a, paths, npaths);
    for (int i = 0; status == 0 && i < t.files.n; i++)
        run_file(&t, t.files.v[i]);
    if (status == 0) {
        status = t.failed ? 1 : 0;
        if (coverage && report_coverage(&t, min_cov))
            status = 1;
        printf("%d passed, %d failed\n", t.passed, t.failed);
    }
    for (int i = 0; i < t.ncov; i++) {
        free(t.cov[i].policy);
        free(t.cov[i].what);
    }
    free(t.cov);
    arena_free(a);
    return status;
}
