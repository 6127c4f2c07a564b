/* fuzz_eval.c: libFuzzer target for evaluation: the fact source, the
 * evaluator and the renderers.
 *
 * Every bundled policy (the .qpl files of policies/) is loaded and checked
 * once, and gets an empty database of its own: the reference schema
 * (stdlib/schema.sql) and the tables the policy binds beyond it, made as
 * `qpl init-db --policy` makes them, read through a what-if overlay. Each
 * input is a program of rows, read again for each policy: its bytes say
 * which table gets a row and, column by column, what goes in it: NULL, a
 * valid value of the column's type as the policy binds it (an id or a
 * commissioner from a small pool, so that rows link and sections select
 * them; a date near the evaluation date, a value of the column's scale, 0 or
 * 1, a number), or an invalid one (text where a number is due, an impossible
 * date, a year past 9999, an unknown code, 2 for a bool, a blob, a NUL byte,
 * control characters, 1e308). The rows are written into the overlay through
 * the facts API (facts_whatif, as the REPL's .sql does: the overlay keeps
 * the columns' declared types but not the table's constraints, so a row may
 * hold anything), and the policy is evaluated against them
 * through run.h, as `qpl eval` does, with a date, --explain, --keep-going and
 * an output format (jsonl, table, text, csv) chosen by the input; the output
 * goes to /dev/null.
 *
 * Build and run: see docs/fuzzing.md (`make fuzz`).
 */
#define _XOPEN_SOURCE 700  /* realpath, mkdtemp */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../../src/check/program.h"
#include "../../src/facts/sqlite.h"
#include "../../src/out/render.h"
#include "../../src/util/file.h"
#include "../../src/util/mem.h"

enum { MAX_ROWS = 64, MAX_TABLES = 64, MAX_COLS = 64, MAX_POLICIES = 16 };

/* A column of a policy's database, with the field of the policy that binds it (if any). */
typedef struct Column {
    char *name;
    const Field *field;     /* in the first policy's records, or NULL */
} Column;

typedef struct Table {
    char *name;
    Column cols[MAX_COLS];
    int ncols;
} Table;

/* A policy and the database it is evaluated against. */
typedef struct Target {
    Program *p;
    FactSource *db, *facts;     /* its empty database, and the overlay the rows go into */
    Table tables[MAX_TABLES];
    int ntables;
} Target;

static Target targets[MAX_POLICIES];
static int ntargets;
static FILE *devnull;

/* The input, read a byte at a time (zeros once it is used up). */
typedef struct Input {
    const uint8_t *p;
    size_t n;
} Input;

/* The next byte of the input. */
static unsigned next(Input *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

/* The repository of this executable (build/fuzz_eval -> ..), malloc'd. */
static char *repo_dir(const char *argv0)
{
    char *exe = realpath("/proc/self/exe", NULL);
    if (!exe)
        exe = realpath(argv0, NULL);
    if (!exe)
        return xstrdup(".");
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = 0;
    Sb b = SB_INIT;
    sb_printf(&b, "%s/..", exe);
    free(exe);
    char *real = realpath(sb_str(&b), NULL);
    sb_free(&b);
    return real ? real : xstrdup(".");
}

/* The first cells of a query's rows. */
typedef struct Names {
    char **v;
    int n, cap, seen;
} Names;

/* A row sink: keep the first cell of each row but the header. */
static void keep_name(void *ctx, int ncol, const char *const *cells)
{
    Names *s = ctx;
    if (ncol < 1 || s->seen++ == 0)
        return;
    if (s->n < s->cap)
        s->v[s->n++] = xstrdup(cells[0]);
}

/* The first column of a query's rows on t's facts, into names (at most cap). */
static int query_names(Target *t, const char *sql, char **names, int cap)
{
    Names s = {names, 0, cap, 0};
    RowSink sink = {&s, keep_name};
    FactError err = {SB_INIT, NULL};
    if (facts_whatif(t->facts, sql, &sink, NULL, &err) < 0) {
        fprintf(stderr, "fuzz_eval: %s: %s\n", sql, sb_str(&err.msg));
        exit(1);
    }
    sb_free(&err.msg);
    return s.n;
}

/* The field of t's policy that binds table.col, or NULL. */
static const Field *binding(const Target *t, const char *table, const char *col)
{
    for (int i = 0; i < t->p->records.n; i++) {
        const Record *r = t->p->records.v[i];
        for (int k = 0; !strcmp(r->table, table) && k < r->fields.n; k++) {
            const Field *f = r->fields.v[k];
            if (f->kind == FIELD_COLUMN && !strcmp(f->column ? f->column : f->name, col))
                return f;
        }
    }
    return NULL;
}

/* Learn the tables and columns of t's database (through the facts API). */
static void learn_schema(Target *t)
{
    char *names[MAX_TABLES];
    t->ntables = query_names(t, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY"
                                " name", names, MAX_TABLES);
    for (int i = 0; i < t->ntables; i++) {
        Table *tb = &t->tables[i];
        tb->name = names[i];
        char *cols[MAX_COLS];
        Sb sql = SB_INIT;
        sb_printf(&sql, "SELECT name FROM pragma_table_info('%s') ORDER BY cid", tb->name);
        tb->ncols = query_names(t, sb_str(&sql), cols, MAX_COLS);
        sb_free(&sql);
        for (int c = 0; c < tb->ncols; c++) {
            tb->cols[c].name = cols[c];
            tb->cols[c].field = binding(t, tb->name, cols[c]);
        }
    }
}

/* Empty every table of t's overlay. The database itself is empty, so a
   DELETE removes only rows the overlay holds, and the tables stay shadowed
   (the first DELETE shadows them): every input starts from the same state,
   without making and dropping the shadows each time. */
static void empty_tables(Target *t)
{
    Sb sql = SB_INIT;
    FactError err = {SB_INIT, NULL};
    for (int i = 0; i < t->ntables; i++) {
        sb_clear(&sql);
        sb_printf(&sql, "DELETE FROM \"%s\"", t->tables[i].name);
        if (facts_whatif(t->facts, sb_str(&sql), NULL, NULL, &err) != 0) {
            fprintf(stderr, "fuzz_eval: %s: %s\n", sb_str(&sql), sb_str(&err.msg));
            abort();
        }
    }
    sb_free(&sql);
    sb_free(&err.msg);
}

/* Load the policy at path and make its empty database (as a file in dir,
   removed once open); exit when either cannot be done. */
static void add_target(const char *path, const char *dir)
{
    Target *t = &targets[ntargets];
    Diags quiet;
    diag_init(&quiet, devnull);
    t->p = program_load(path, &quiet);
    if (!t->p || quiet.errors) {
        fprintf(stderr, "fuzz_eval: %s does not load and check\n", path);
        exit(1);
    }
    Sb err = SB_INIT, name = SB_INIT;
    sb_printf(&name, "%s/policy%d.db", dir, ntargets);
    FactError ferr = {SB_INIT, NULL};
    if (fsql_create(sb_str(&name), t->p, &err) != 0 || !(t->db = fsql_open(sb_str(&name))) ||
        !(t->facts = facts_overlay(t->db, &ferr))) {
        fprintf(stderr, "fuzz_eval: no database for %s: %s%s\n", path, sb_str(&err), sb_str(&ferr.msg));
        exit(1);
    }
    unlink(sb_str(&name));
    sb_free(&name);
    sb_free(&err);
    sb_free(&ferr.msg);
    learn_schema(t);
    empty_tables(t);
    ntargets++;
}

/* strcmp for qsort over file names. */
static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Load every policy of the repository's policies/, in name order, each with its database. */
static void add_targets(const char *repo)
{
    char *pdir = file_join(repo, "policies"), *names[MAX_POLICIES];
    int n = 0;
    DIR *d = opendir(pdir);
    struct dirent *e;
    while (d && (e = readdir(d)) && n < MAX_POLICIES) {
        size_t len = strlen(e->d_name);
        if (len > 4 && !strcmp(e->d_name + len - 4, ".qpl"))
            names[n++] = xstrdup(e->d_name);
    }
    if (d)
        closedir(d);
    qsort(names, (size_t)n, sizeof *names, name_cmp);
    char tmp[] = "/tmp/qpl-fuzz-eval-XXXXXX";
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        exit(1);
    }
    for (int i = 0; i < n; i++) {
        char *path = file_join(pdir, names[i]);
        add_target(path, tmp);
        free(path);
        free(names[i]);
    }
    rmdir(tmp);
    free(pdir);
    if (ntargets == 0) {
        fprintf(stderr, "fuzz_eval: no policies in %s/policies\n", repo);
        exit(1);
    }
}

/* Load the policies and their empty databases, once. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char *repo = repo_dir(*argc > 0 ? (*argv)[0] : "fuzz_eval");
    char *stdlib = file_join(repo, "stdlib");
    if (!getenv("QPL_PATH"))
        setenv("QPL_PATH", stdlib, 1);
    free(stdlib);
    devnull = fopen("/dev/null", "w");
    if (!devnull) {
        perror("/dev/null");
        exit(1);
    }
    add_targets(repo);
    free(repo);
    return 0;
}

/* Text as a SQL literal that keeps every byte (NUL and controls too). */
static void text_literal(Sb *sql, const uint8_t *s, size_t n)
{
    sb_puts(sql, "CAST(X'");
    for (size_t i = 0; i < n; i++)
        sb_printf(sql, "%02X", s[i]);
    sb_puts(sql, "' AS TEXT)");
}

/* A valid value for a column bound as field f (a pool of ids when unbound or text). */
static void valid_value(Sb *sql, const Field *f, Input *in)
{
    static const char *const ids[] = {"P1", "P2", "P3", "SOM01", "somerset", "lambeth", "lewisham", "leicestershire",
                                      "northlincs", "M1", "Q1", "K1"};
    static const char *const dates[] = {"2023-01-31", "2024-06-30", "2024-12-01", "2025-01-30", "2025-01-31",
                                        "2025-02-01", "2025-06-30", "0001-01-01", "9999-12-31", "2024-02-29"};
    unsigned b = next(in);
    TypeKind k = f && f->type ? f->type->kind : T_TEXT;
    if (k == T_DATE)
        sb_printf(sql, "'%s'", dates[b % 10]);
    else if (k == T_BOOL)
        sb_printf(sql, "%u", b & 1);
    else if (k == T_NUMBER)
        sb_printf(sql, b & 1 ? "%u" : "%u.%u", b >> 1, next(in) % 100);
    else if (k == T_CODE && f->type->scale && f->type->scale->u.scale.values.n)
        sb_printf(sql, "'%s'", (const char *)f->type->scale->u.scale.values.v[b % f->type->scale->u.scale.values.n]);
    else
        sb_printf(sql, "'%s'", ids[b % (sizeof ids / sizeof *ids)]);
}

/* An invalid or unusual value: wrong types, impossible dates, odd text. */
static void odd_value(Sb *sql, Input *in)
{
    static const char *const odd[] = {"'2024-02-30'", "'10000-01-01'", "'0000-00-00'", "'not a code'", "2", "-1",
                                      "1e308", "-1e308", "1.5", "0.000000000000000000001", "9223372036854775807",
                                      "X'00FF'", "''", "'P1 '", "'p1'", "123", "'2024-1-1'", "1e15"};
    unsigned b = next(in);
    if (b < 200) {
        sb_puts(sql, odd[b % (sizeof odd / sizeof *odd)]);
        return;
    }
    size_t n = next(in) % 16;
    uint8_t bytes[16];
    for (size_t i = 0; i < n; i++)
        bytes[i] = (uint8_t)next(in);
    text_literal(sql, bytes, n);
}

/* One INSERT of a row made from the input into a table of tg it chooses. */
static void row_sql(const Target *tg, Sb *sql, Input *in)
{
    const Table *t = &tg->tables[next(in) % tg->ntables];
    sb_printf(sql, "INSERT INTO \"%s\" VALUES (", t->name);
    for (int c = 0; c < t->ncols; c++) {
        unsigned how = next(in) % 32;     /* mostly valid, so that whole rows are, and sections select them */
        if (c)
            sb_puts(sql, ", ");
        if (how == 0)
            sb_puts(sql, "NULL");
        else if (how == 1)
            odd_value(sql, in);
        else
            valid_value(sql, t->cols[c].field, in);
    }
    sb_putc(sql, ')');
}

/* Deliver a subject to the renderer. */
static void to_renderer(void *ctx, const Subject *s)
{
    render_subject(ctx, s);
}

/* Evaluate t's policy against its facts as the input's options say. */
static void evaluate(Target *t, Input *in)
{
    static const char *const formats[] = {"jsonl", "table", "text", "csv"};
    static const char *const as_of[] = {"2025-01-31", "2024-06-30", "9999-12-31", "0001-01-01"};
    unsigned b = next(in);
    qdate d;
    date_parse(as_of[b & 3], 10, &d);
    RunOpts o = {d, (b & 4) != 0, (b & 8) != 0, (b & 16) != 0, NULL};
    Diags dg;
    diag_init(&dg, devnull);
    if (facts_check(t->db, t->p, o.every_column, &dg) != 0)     /* (the bindings, as the REPL checks them: on the database) */
        return;
    RenderInfo info = {t->p, d, o.explain, (b & 32) != 0, false, false, 80, false};
    Renderer *r = render_begin(formats[(b >> 6) & 3], devnull, &info);
    Run *run = run_new(t->p, t->facts, &o, &dg);
    RunSink sink = {r, to_renderer};
    for (int i = 0; i < t->p->sections.n; i++) {
        render_section(r, t->p->sections.v[i]);
        if (run_section(run, t->p->sections.v[i], NULL, &sink) != 0)
            break;
    }
    render_end(r);
    render_free(r);
    run_free(run);
}

/* Fill t's facts with the input's rows (the overlay emptied first). */
static void fill(Target *t, Input *in)
{
    FactError err = {SB_INIT, NULL};
    empty_tables(t);
    Sb sql = SB_INIT;
    int nrows = (int)(next(in) % MAX_ROWS);
    for (int i = 0; i < nrows && in->n; i++) {
        sb_clear(&sql);
        row_sql(t, &sql, in);
        int changes = 0;
        sb_clear(&err.msg);
        if (facts_whatif(t->facts, sb_str(&sql), NULL, &changes, &err) != 0 || changes != 1)
            abort();    /* (every row is accepted: a refused one would leave the input's tables empty unseen) */
    }
    sb_free(&sql);
    sb_free(&err.msg);
}

/* For each policy: its facts made from the input, then the policy evaluated on them. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (int i = 0; i < ntargets; i++) {
        Input in = {data, size};
        fill(&targets[i], &in);
        evaluate(&targets[i], &in);
    }
    fflush(devnull);
    return 0;
}
