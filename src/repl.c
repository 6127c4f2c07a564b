/* repl.c: `qpl repl`, an interactive what-if session over a policy and a case
   database. The case database is opened read-only and copied into an
   in-memory SQLite database at start; what-ifs (.set, .sql) change only that
   copy, and parameters changed with .param live in the session. Lines typed at
   the prompt are either commands (starting with a dot), declarations (let,
   decide, ...) that are added to the loaded program in the current subject's
   section, or expressions, evaluated for the current subject. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <editline/readline.h>
#include "check.h"
#include "cli.h"
#include "run.h"
#include "parser.h"

static const char repl_usage[] =
    "usage: qpl repl [FILE] [--db DB] [--as-of DATE] [--echo]\n"
    "\n"
    "An interactive what-if session: evaluate expressions and decisions for a subject,\n"
    "define new ones, and change facts and parameters to see which decisions move.\n"
    "The case database is never modified: it is opened read-only and what-ifs are made\n"
    "on an in-memory copy. Without --db, the facts start from an empty database with\n"
    "the reference schema.\n"
    "\n"
    "options:\n"
    "  --db DB              the case database (read-only)\n"
    "  --as-of DATE         evaluate as of YYYY-MM-DD (default: today)\n"
    "  --echo               when reading from a file or pipe, print each line read\n"
    "                       after the prompt, so the output reads like a session\n"
    "\n"
    "With a terminal, lines are edited with libedit, names and commands complete with\n"
    "TAB, and history is kept in $QPL_HISTORY (default ~/.qpl_history). Otherwise\n"
    "commands are read from standard input without prompts; the exit status is then 1\n"
    "if any command failed. Type .help at the prompt for the commands.\n";

static const char repl_help[] =
    "Type an expression to evaluate it for the current subject, e.g.\n"
    "  count feedback where concern        latest_inspection.overall is below good\n"
    "or a declaration to add it to the current subject's section, e.g.\n"
    "  let recent = count safeguarding where raised in last 90 days\n"
    "  decide band: rag red when recent >= 3 amber when recent >= 1 green otherwise\n"
    "A line ending in \\ continues on the next; a decision with branches continues\n"
    "until its `otherwise` branch, a deadline until its `within` or `due` (or until\n"
    "a blank line).\n"
    "\n"
    "Commands:\n"
    "  .subject [KIND [ID]]       pick the subject (KIND alone lists its ids)\n"
    "  .asof [DATE]               show or change the evaluation date\n"
    "  .decisions                 every decision of the current subject\n"
    "  .explain NAME              why a decision has its value: branch, cite, facts\n"
    "  .param [NAME [VALUE]]      show the parameters, or change one (a what-if)\n"
    "  .set TABLE COLUMN = VALUE [where CONDITION]\n"
    "                             what-if: change facts (VALUE as in fixtures: 3, \"text\",\n"
    "                             2024-05-01, true, missing, code; CONDITION is SQL)\n"
    "  .sql STATEMENT             what-if: run an INSERT, UPDATE or DELETE on the facts;\n"
    "                             a SELECT just shows its rows\n"
    "  .whatifs                   list the what-ifs made so far\n"
    "  .diff                      decisions of every subject that the what-ifs changed\n"
    "  .undo                      undo the last what-if\n"
    "  .reset                     undo every what-if\n"
    "  .reload                    read the policy file again, keeping the what-ifs\n"
    "  .help                      this text\n"
    "  .quit                      leave (or end of input)\n"
    "The case database itself is never changed: what-ifs live in memory only.\n";

typedef enum { W_SQL, W_PARAM } WKind;

/* One what-if, in the order made. */
typedef struct WhatIf {
    WKind kind;
    char *cmd;              /* the command as typed */
    char *sql;              /* W_SQL: the statement run on the overlay */
    char *name, *value;     /* W_PARAM */
} WhatIf;

/* A declaration typed at the prompt, replayed after .reload. */
typedef struct Def {
    char *text;
    char *kind;             /* the subject kind it was typed for, or NULL */
} Def;

typedef struct Repl {
    const char *policy_path;
    Program *p;
    Diags d;
    sqlite3 *orig;          /* the case database, read-only */
    sqlite3 *mem;           /* the in-memory copy what-ifs change */
    bool user_sql;          /* the authorizer checks statements typed by the user */
    qdate as_of;
    char *kind, *id;        /* the current subject */
    WhatIf *w;
    int nw, cw;
    Def *defs;
    int ndefs, cdefs;
    bool tty, echo, failed, quit;
    char *hist;
    char prompt[300];
} Repl;

/* ------------------------------------------------------------------ */
/* small helpers                                                        */

/* realloc, but leave with a message when memory runs out. */
static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q) {
        fputs("qpl: out of memory\n", stderr);
        exit(3);
    }
    return q;
}

/* A heap copy of s (leaves when memory runs out). */
static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

/* Report an error at the prompt (never ends the session). */
static void repl_error(Repl *r, const char *hint, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void repl_error(Repl *r, const char *hint, const char *fmt, ...)
{
    fflush(stdout);
    va_list ap;
    va_start(ap, fmt);
    fputs("qpl: error: ", r->d.out);
    vfprintf(r->d.out, fmt, ap);
    fputc('\n', r->d.out);
    va_end(ap);
    if (hint)
        fprintf(r->d.out, "      = hint: %s\n", hint);
    r->failed = true;
}

/* Strip white space from both ends of s, in place; returns the new start. */
static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = 0;
    return s;
}

/* Whether s is a plain identifier: a letter or underscore, then letters, digits, underscores. */
static bool is_ident(const char *s)
{
    if (!(isalpha((unsigned char)*s) || *s == '_'))
        return false;
    for (s++; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '_'))
            return false;
    return true;
}

/* Split off the next space-separated word of *s (NULL when none). */
static char *next_word(char **s)
{
    char *p = *s;
    while (isspace((unsigned char)*p))
        p++;
    if (!*p) {
        *s = p;
        return NULL;
    }
    char *w = p;
    while (*p && !isspace((unsigned char)*p))
        p++;
    if (*p)
        *p++ = 0;
    *s = p;
    return w;
}

/* Display width of a UTF-8 string. */
static int width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

/* An aligned table of text cells, printed with a dashed line under the header. */
typedef struct Table {
    Arena *a;
    int ncols;
    Vec rows;               /* const char ** */
} Table;

/* Add a row of cells to a table; NULL cells are empty. */
static void tab_row(Table *t, const char *const *cells)
{
    const char **row = arena_alloc(t->a, (size_t)t->ncols * sizeof *row);
    for (int i = 0; i < t->ncols; i++)
        row[i] = cells[i] ? cells[i] : "";
    vec_push(t->a, &t->rows, row);
}

/* Print a table with aligned columns, the first row underlined when it is a header. */
static void tab_print(Table *t, bool header)
{
    int *w = calloc((size_t)t->ncols, sizeof *w);
    for (int r = 0; r < t->rows.n; r++) {
        const char **row = t->rows.v[r];
        for (int i = 0; i < t->ncols; i++)
            if (width(row[i]) > w[i])
                w[i] = width(row[i]);
    }
    for (int r = 0; r < t->rows.n; r++) {
        const char **row = t->rows.v[r];
        int last = t->ncols - 1;
        while (last > 0 && !*row[last])
            last--;
        for (int i = 0; i <= last; i++) {
            fputs(row[i], stdout);
            if (i < last)
                printf("%*s", w[i] - width(row[i]) + 2, "");
        }
        putchar('\n');
        if (r == 0 && header) {
            for (int i = 0; i < t->ncols; i++) {
                for (int k = 0; k < w[i]; k++)
                    putchar('-');
                if (i < t->ncols - 1)
                    fputs("  ", stdout);
            }
            putchar('\n');
        }
    }
    free(w);
}

/* ------------------------------------------------------------------ */
/* showing values                                                       */

/* s as a quoted text literal with escapes, in arena a. */
static const char *quoted(Arena *a, const char *s)
{
    size_t n = 2;
    for (const char *p = s; *p; p++)
        n += (*p == '"' || *p == '\\' || *p == '\n') ? 2 : 1;
    char *out = arena_alloc(a, n + 1), *o = out;
    *o++ = '"';
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            *o++ = '\\';
        if (*p == '\n') {
            *o++ = '\\';
            *o++ = 'n';
            continue;
        }
        *o++ = *p;
    }
    *o++ = '"';
    *o = 0;
    return out;
}

/* A value for people: texts quoted, dates bare, lists in brackets. */
static const char *show(Arena *a, Value v)
{
    switch (v.k) {
    case V_MISSING: return "undetermined";
    case V_TEXT: return quoted(a, v.u.s);
    case V_LIST: {
        bool rows = v.u.list->n > 1 && v.u.list->items[0].k == V_ROW && !v.u.list->items[0].u.row->key;
        const char *s = "[";
        for (int i = 0; i < v.u.list->n; i++)
            s = arena_printf(a, "%s%s%s", s, i ? (rows ? ",\n " : ", ") : "", show(a, v.u.list->items[i]));
        return arena_printf(a, "%s]", s);
    }
    case V_ROW: {
        Row *row = v.u.row;
        if (row->key)
            return arena_printf(a, "%s %s", row->rec->name, row->key);
        const char *s = "";
        for (int i = 0; i < row->rec->fields.n; i++) {
            Field *f = row->rec->fields.v[i];
            if (f->link)
                continue;
            const char *x = row->cols[i].k == V_MISSING ? "missing" : show(a, row->cols[i]);
            s = arena_printf(a, "%s%s%s: %s", s, *s ? ", " : "", f->name, x);
        }
        return arena_printf(a, "%s {%s}", row->rec->name, s);
    }
    default: return value_text(a, v);
    }
}

/* A value with the reason when it is undetermined. */
static const char *show_top(Arena *a, Value v)
{
    if (v.k == V_MISSING)
        return arena_printf(a, "undetermined: %s", v.u.why);
    return show(a, v);
}

/* ------------------------------------------------------------------ */
/* the program: parsing and checking what is typed                      */


/* The sizes of everything checking more source can add to, to undo it. */
typedef struct Snap {
    int decls, syms, params, globals, outputs, scales, records, tests, closures, sections;
    int nsect, nrec;
    int *lets, *outs, *slots;
    bool *used;
} Snap;

/* Note the sizes of the program's lists, so that snap_restore can undo what is added. */
static void snap_take(Program *p, Snap *s)
{
    s->decls = p->decls.n;
    s->syms = p->syms.n;
    s->params = p->params.n;
    s->globals = p->globals.n;
    s->outputs = p->outputs.n;
    s->scales = p->scales.n;
    s->records = p->records.n;
    s->tests = p->tests.n;
    s->closures = p->closures.n;
    s->sections = p->sections.n;
    s->nsect = p->sections.n;
    s->lets = calloc((size_t)s->nsect + 1, sizeof *s->lets);
    s->outs = calloc((size_t)s->nsect + 1, sizeof *s->outs);
    s->slots = calloc((size_t)s->nsect + 1, sizeof *s->slots);
    for (int i = 0; i < s->nsect; i++) {
        Section *sc = p->sections.v[i];
        s->lets[i] = sc->lets.n;
        s->outs[i] = sc->outputs.n;
        s->slots[i] = sc->nslots;
    }
    s->nrec = p->records.n;
    s->used = calloc((size_t)s->nrec + 1, sizeof *s->used);
    for (int i = 0; i < s->nrec; i++)
        s->used[i] = ((Record *)p->records.v[i])->used;
}

/* Undo everything added to the program since snap_take. */
static void snap_restore(Program *p, Snap *s)
{
    p->decls.n = s->decls;
    p->syms.n = s->syms;
    p->params.n = s->params;
    p->globals.n = s->globals;
    p->outputs.n = s->outputs;
    p->scales.n = s->scales;
    p->records.n = s->records;
    p->tests.n = s->tests;
    p->closures.n = s->closures;
    p->sections.n = s->sections;
    for (int i = 0; i < s->nsect; i++) {
        Section *sc = p->sections.v[i];
        sc->lets.n = s->lets[i];
        sc->outputs.n = s->outs[i];
        sc->nslots = s->slots[i];
    }
    for (int i = 0; i < s->nrec; i++)
        ((Record *)p->records.v[i])->used = s->used[i];
}

/* Free the arrays of a snapshot. */
static void snap_free(Snap *s)
{
    free(s->lets);
    free(s->outs);
    free(s->slots);
    free(s->used);
}

/* A source file for text typed at the prompt, in the program's arena. */
static SourceFile *new_source(Repl *r, const char *text)
{
    SourceFile *f = arena_alloc(r->p->arena, sizeof *f);
    f->path = "<input>";
    f->src = arena_strdup(r->p->arena, text);
    f->len = strlen(text);
    return f;
}

/* The section of the current subject kind, if any. */
static Section *cur_section(Repl *r)
{
    return r->kind ? program_section(r->p, r->kind) : NULL;
}

static const char *const decl_words[] = {
    "let", "decide", "deadline", "quorum", "ladder", "param", "scale", "enum",
    "policy", "use", "record", "for", "closure", "test", "testing", NULL
};

/* Whether text starts with a declaration keyword. */
static bool is_decl_text(const char *text)
{
    while (isspace((unsigned char)*text))
        text++;
    for (int i = 0; decl_words[i]; i++) {
        size_t n = strlen(decl_words[i]);
        if (!strncmp(text, decl_words[i], n) && !(isalnum((unsigned char)text[n]) || text[n] == '_'))
            return true;
    }
    return false;
}

/* Whether a declaration typed so far needs more lines: the parser met the
   end of the text too early, or a decision's branches have no `otherwise` yet. */
static bool needs_more(const char *text)
{
    if (!is_decl_text(text))
        return false;
    Arena *a = arena_new();
    char *out = NULL;
    size_t outlen = 0;
    FILE *m = open_memstream(&out, &outlen);
    if (!m) {
        arena_free(a);
        return false;
    }
    Diags d;
    diags_init(&d, m);
    SourceFile f;
    memset(&f, 0, sizeof f);
    f.path = "<input>";
    f.src = text;
    f.len = strlen(text);
    parse_text(a, &d, &f, "", NULL);
    fclose(m);
    bool more = false;
    if (d.errors) {
        /* the first error is at the end of the text: the parser wanted more */
        int line = 0, col = 0;
        const char *o = out ? strstr(out, "<input>:") : NULL;
        if (o && sscanf(o, "<input>:%d:%d:", &line, &col) == 2) {
            int l = 1, c = 1, end_line = 1, end_col = 1;   /* just after the last non-blank character */
            for (const char *p = text; *p; p++) {
                if (*p == '\n') {
                    l++;
                    c = 1;
                    continue;
                }
                if (((unsigned char)*p & 0xC0) != 0x80)
                    c++;
                if (!isspace((unsigned char)*p)) {
                    end_line = l;
                    end_col = c;
                }
            }
            more = line > end_line || (line == end_line && col >= end_col);
        }
    } else if (f.decls.n) {
        Decl *last = f.decls.v[f.decls.n - 1];
        if ((last->kind == D_DECIDE || last->kind == D_LADDER) && last->u.dec.branches.n) {
            Branch *b = last->u.dec.branches.v[last->u.dec.branches.n - 1];
            more = b->cond != NULL;
        } else if (last->kind == D_DEADLINE) {
            more = !last->u.dec.within && !last->u.dec.due;
        }
    }
    free(out);
    arena_free(a);
    return more;
}

/* ------------------------------------------------------------------ */
/* facts and evaluation                                                 */

/* An evaluation context: facts from one database, an Eval, maybe a subject. */
typedef struct Ctx {
    Arena *run, *a;
    Facts *f;
    Eval *E;
    Subjects *st;
    Row *row;
    Section *s;
} Ctx;

/* Apply the parameter what-ifs to E, in order. */
static void apply_params(Repl *r, Eval *E)
{
    for (int i = 0; i < r->nw; i++) {
        char err[512];
        if (r->w[i].kind == W_PARAM)
            eval_set_param(E, r->w[i].name, r->w[i].value, err, sizeof err);
    }
}

/* Open an evaluation context on the original facts, or on the what-if facts and parameters. */
static void ctx_open(Repl *r, Ctx *c, bool original)
{
    memset(c, 0, sizeof *c);
    c->run = arena_new();
    c->a = arena_new();
    c->f = facts_new(r->p, original ? r->orig : r->mem, r->as_of, c->run);
    c->E = eval_new(r->p, c->f, r->as_of, c->run);
    if (!original)
        apply_params(r, c->E);
}

/* Free an evaluation context and everything opened in it. */
static void ctx_close(Ctx *c)
{
    facts_subjects_free(c->st);
    eval_free(c->E);
    facts_free(c->f);
    arena_free(c->a);
    arena_free(c->run);
}

/* Find the current subject's row in the what-if facts and start evaluating for it. */
static int ctx_subject(Repl *r, Ctx *c)
{
    if (!r->kind) {
        eval_subject(c->E, NULL, NULL, c->a);
        return 0;
    }
    c->s = cur_section(r);
    if (!c->s) {
        repl_error(r, "pick another subject with .subject KIND ID", "the policy decides nothing about `%s` any more", r->kind);
        return -1;
    }
    c->st = facts_subjects(c->f, c->s->rec, r->id);
    const char *bad = NULL;
    c->row = facts_next(c->f, c->st, c->a, &bad);
    if (bad) {
        repl_error(r, NULL, "%s", bad);
        return -1;
    }
    if (facts_error(c->f)) {
        repl_error(r, NULL, "reading the database failed: %s", facts_error(c->f));
        return -1;
    }
    if (!c->row) {
        char d[16];
        date_format(r->as_of, d);
        repl_error(r, r->nw ? "a what-if may have deleted it; .whatifs lists them" : NULL,
                   "there is no %s `%s` in the facts as of %s", r->kind, r->id, d);
        return -1;
    }
    eval_subject(c->E, c->s, c->row, c->a);
    return 0;
}

/* Report bad data met while evaluating, if any. */
static bool eval_failed(Repl *r, Ctx *c)
{
    if (eval_bad(c->E)) {
        const char *bad = eval_bad(c->E);
        repl_error(r, strncmp(bad, "bad data", 8) ? NULL : "fix the data in the case database, or change it with .set",
                   "%s", bad);
        return true;
    }
    if (facts_error(c->f)) {
        repl_error(r, NULL, "reading the database failed: %s", facts_error(c->f));
        return true;
    }
    return false;
}

/* Check the records the program now uses against the what-if facts. */
static int validate_facts(Repl *r, sqlite3 *db)
{
    Arena *run = arena_new();
    Facts *f = facts_new(r->p, db, r->as_of, run);
    int rc = facts_validate(f, &r->d);
    facts_free(f);
    arena_free(run);
    return rc;
}

/* ------------------------------------------------------------------ */
/* lines typed at the prompt                                            */

/* Add declarations typed at the prompt to the program. Returns 0 when added. */
static int add_decls(Repl *r, const char *text, const char *kind, bool replay)
{
    Program *p = r->p;
    Section *sect = kind ? program_section(p, kind) : NULL;
    r->d.errors = 0;
    Snap s;
    snap_take(p, &s);
    SourceFile *f = new_source(r, text);
    int errors = parse_text(p->arena, &r->d, f, "", sect ? sect->decl : NULL);
    for (int i = 0; i < f->decls.n && !errors; i++) {
        Decl *d = f->decls.v[i];
        const char *no = NULL, *hint = NULL;
        switch (d->kind) {
        case D_FOR:
            no = "a `for` section";
            hint = "use `.subject KIND ID` to work on one subject; to add a section, edit the policy and .reload";
            break;
        case D_POLICY: no = "a `policy` header"; break;
        case D_USE: no = d->u.policy.source ? "`testing`" : "`use`"; hint = "add it to the policy file and .reload"; break;
        case D_RECORD: no = "a `record`"; hint = "add it to the policy file and .reload"; break;
        case D_CLOSED: no = "a `closure` day"; hint = "add it to the policy file and .reload"; break;
        case D_TEST: no = "a `test`"; hint = "write tests in fixture files and run `qpl test`"; break;
        case D_DECIDE: case D_DEADLINE: case D_QUORUM: case D_LADDER:
            if (!sect) {
                diag_error(&r->d, f, d->nloc, "pick a subject first with `.subject KIND ID`: decisions are about a subject",
                           "decision `%s` is not about any subject", d->name);
                errors++;
            }
            break;
        default: break;
        }
        if (!no && d->name && !strcmp(d->name, "_it")) {
            diag_error(&r->d, f, d->nloc, "choose another name", "the name `_it` is kept for expressions typed at the prompt");
            errors++;
        }
        if (no) {
            diag_error(&r->d, f, d->loc, hint, "%s cannot be declared at the prompt", no);
            errors++;
        }
    }
    if (!errors) {
        int from = p->decls.n;
        for (int i = 0; i < f->decls.n; i++)
            vec_push(p->arena, &p->decls, f->decls.v[i]);
        errors = check_program(p, from);
        if (!errors && validate_facts(r, r->mem) != 0)
            errors = 1;
    }
    if (errors) {
        snap_restore(p, &s);
        r->failed = true;
    } else if (!replay) {
        if (r->ndefs == r->cdefs) {
            r->cdefs = r->cdefs ? r->cdefs * 2 : 8;
            r->defs = xrealloc(r->defs, (size_t)r->cdefs * sizeof *r->defs);
        }
        r->defs[r->ndefs].text = xstrdup(text);
        r->defs[r->ndefs].kind = kind ? xstrdup(kind) : NULL;
        r->ndefs++;
    }
    snap_free(&s);
    return errors ? -1 : 0;
}

/* Whether text names something only known for a subject: a subject kind, a
   column or definition of a section. */
static bool mentions_subject(Program *p, const char *text)
{
    for (const char *c = text; *c;) {
        if (!(isalpha((unsigned char)*c) || *c == '_')) {
            c++;
            continue;
        }
        const char *w = c;
        while (isalnum((unsigned char)*c) || *c == '_')
            c++;
        size_t n = (size_t)(c - w);
        for (int i = 0; i < p->sections.n; i++) {
            Section *s = p->sections.v[i];
            if (strlen(s->rec->name) == n && !strncmp(s->rec->name, w, n))
                return true;
            for (int k = 0; k < s->lets.n; k++) {
                const char *x = ((Sym *)s->lets.v[k])->name;
                if (strlen(x) == n && !strncmp(x, w, n))
                    return true;
            }
            for (int k = 0; k < s->rec->fields.n; k++) {
                const char *x = ((Field *)s->rec->fields.v[k])->name;
                if (strlen(x) == n && !strncmp(x, w, n))
                    return true;
            }
        }
    }
    return false;
}

/* Evaluate an expression typed at the prompt for the current subject. */
static void eval_line(Repl *r, const char *text)
{
    Program *p = r->p;
    Section *sect = cur_section(r);
    r->d.errors = 0;
    Snap s;
    snap_take(p, &s);
    SourceFile *f = new_source(r, text);
    int errors = parse_text(p->arena, &r->d, f, "let _it =\n", sect ? sect->decl : NULL);
    if (!errors && f->decls.n != 1) {
        Decl *d = f->decls.n > 1 ? f->decls.v[1] : NULL;
        diag_error(&r->d, f, d ? d->loc : (Loc){1, 1, 1, 1}, "type one expression or declaration per line",
                   "this line holds more than an expression");
        errors++;
    }
    if (!errors) {
        int from = p->decls.n;
        vec_push(p->arena, &p->decls, f->decls.v[0]);
        errors = check_program(p, from);
        if (errors && !r->kind && mentions_subject(p, text))
            fprintf(r->d.out, "      = note: no subject is selected; `.subject KIND ID` picks one, so that its columns,\n"
                              "        definitions and decisions can be used\n");
    }
    if (!errors) {
        Decl *d = f->decls.v[0];
        Ctx c;
        ctx_open(r, &c, false);
        if (ctx_subject(r, &c) == 0) {
            Value v = eval_expr_value(c.E, d->u.let.def);
            if (!eval_failed(r, &c))
                printf("%s\n", show_top(c.a, v));
        }
        ctx_close(&c);
    } else {
        r->failed = true;
    }
    snap_restore(p, &s);
    snap_free(&s);
}

/* ------------------------------------------------------------------ */
/* the in-memory copy of the facts                                      */

/* Copy database `from` over database `to`. */
static int copy_db(sqlite3 *from, sqlite3 *to)
{
    sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
    if (!b)
        return -1;
    sqlite3_backup_step(b, -1);
    return sqlite3_backup_finish(b) == SQLITE_OK ? 0 : -1;
}

/* Statements typed by the user may read and change rows of ordinary tables, nothing else. */
static int authorize(void *ud, int action, const char *a, const char *b, const char *c, const char *d)
{
    Repl *r = ud;
    (void)b;
    (void)c;
    (void)d;
    if (!r->user_sql)
        return SQLITE_OK;
    switch (action) {
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
        return a && !strncmp(a, "sqlite_", 7) ? SQLITE_DENY : SQLITE_OK;
    case SQLITE_READ:
    case SQLITE_SELECT:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
        return SQLITE_OK;
    default:
        return SQLITE_DENY;
    }
}

/* Run one statement typed by the user on the in-memory facts. A query's rows
   are printed (when show); a change sets *changes. Returns 0, 1 for a query,
   or -1 after reporting an error. */
static int run_user_sql(Repl *r, const char *sql, bool show_rows, int *changes)
{
    static const char *const allowed[] = {"select", "insert", "update", "delete", "replace", "with", "values", NULL};
    const char *s = sql;
    while (isspace((unsigned char)*s))
        s++;
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    bool ok = false;
    for (int i = 0; allowed[i] && !ok; i++)
        ok = strlen(allowed[i]) == n && !strncasecmp(s, allowed[i], n);
    if (!ok) {
        repl_error(r, "what-ifs change rows: INSERT, UPDATE or DELETE (SELECT to look)",
                   "`%.*s` statements cannot be run here", (int)(n ? n : 1), n ? s : sql);
        return -1;
    }
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    r->user_sql = true;
    int rc = sqlite3_prepare_v2(r->mem, sql, -1, &st, &tail);
    if (rc != SQLITE_OK || !st) {
        r->user_sql = false;
        repl_error(r, NULL, "SQL: %s", rc != SQLITE_OK ? sqlite3_errmsg(r->mem) : "no statement");
        sqlite3_finalize(st);
        return -1;
    }
    for (; tail && *tail; tail++)
        if (!isspace((unsigned char)*tail) && *tail != ';') {
            r->user_sql = false;
            sqlite3_finalize(st);
            repl_error(r, "give one statement at a time", "SQL: more than one statement");
            return -1;
        }
    bool query = sqlite3_stmt_readonly(st);
    int ncol = sqlite3_column_count(st);
    Table t = {arena_new(), ncol > 0 ? ncol : 1, {0}};
    if (query && ncol > 0) {
        const char **cells = arena_alloc(t.a, (size_t)ncol * sizeof *cells);
        for (int i = 0; i < ncol; i++)
            cells[i] = arena_strdup(t.a, sqlite3_column_name(st, i));
        tab_row(&t, cells);
    }
    int nrows = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!query || ncol == 0)
            continue;
        const char **cells = arena_alloc(t.a, (size_t)ncol * sizeof *cells);
        for (int i = 0; i < ncol; i++) {
            const unsigned char *v = sqlite3_column_text(st, i);
            cells[i] = v ? arena_strdup(t.a, (const char *)v) : "NULL";
        }
        tab_row(&t, cells);
        nrows++;
    }
    r->user_sql = false;
    int status = query ? 1 : 0;
    if (rc != SQLITE_DONE) {
        repl_error(r, NULL, "SQL: %s", sqlite3_errmsg(r->mem));
        status = -1;
    } else if (query && show_rows) {
        if (nrows)
            tab_print(&t, true);
        printf("(%d row%s)\n", nrows, nrows == 1 ? "" : "s");
    } else if (!query && changes) {
        *changes = sqlite3_changes(r->mem);
    }
    sqlite3_finalize(st);
    arena_free(t.a);
    return status;
}

/* Rebuild the in-memory facts from the case database and replay the what-ifs. */
static void rebuild_overlay(Repl *r)
{
    if (copy_db(r->orig, r->mem) != 0) {
        repl_error(r, NULL, "copying the case database failed: %s", sqlite3_errmsg(r->mem));
        return;
    }
    for (int i = 0; i < r->nw; i++)
        if (r->w[i].kind == W_SQL && run_user_sql(r, r->w[i].sql, false, NULL) < 0)
            fprintf(r->d.out, "      = note: while replaying what-if %d: %s\n", i + 1, r->w[i].cmd);
}

/* Append a what-if to the session's list, copying its strings. */
static void add_whatif(Repl *r, WKind k, const char *cmd, const char *sql, const char *name, const char *value)
{
    if (r->nw == r->cw) {
        r->cw = r->cw ? r->cw * 2 : 8;
        r->w = xrealloc(r->w, (size_t)r->cw * sizeof *r->w);
    }
    WhatIf *w = &r->w[r->nw++];
    w->kind = k;
    w->cmd = xstrdup(cmd);
    w->sql = sql ? xstrdup(sql) : NULL;
    w->name = name ? xstrdup(name) : NULL;
    w->value = value ? xstrdup(value) : NULL;
}

/* Free the strings of a what-if. */
static void free_whatif(WhatIf *w)
{
    free(w->cmd);
    free(w->sql);
    free(w->name);
    free(w->value);
}

/* ------------------------------------------------------------------ */
/* commands                                                             */

/* Whether a subject is selected; reports an error when none is. */
static bool need_subject(Repl *r)
{
    if (r->kind)
        return true;
    const char *hint = r->p->sections.n ? "pick one with `.subject KIND ID`; `.subject KIND` lists the ids" : "load a policy with `for` sections";
    repl_error(r, hint, "no subject is selected");
    return false;
}

/* The ids of the subjects of section s in the what-if facts, into v (arena a). */
static void subject_ids(Repl *r, Section *s, Arena *a, Vec *v)
{
    Ctx c;
    ctx_open(r, &c, false);
    c.st = facts_subjects(c.f, s->rec, NULL);
    for (;;) {
        arena_reset(c.a);
        const char *bad = NULL;
        Row *row = facts_next(c.f, c.st, c.a, &bad);
        if (!row)
            break;
        vec_push(a, v, arena_printf(a, "%s", row->key ? row->key : arena_printf(c.a, "%lld", (long long)row->rowid)));
    }
    ctx_close(&c);
}

/* `.subject [KIND [ID]]`: show the subject, list a kind's ids, or select a subject. */
static void cmd_subject(Repl *r, char *args)
{
    Program *p = r->p;
    char *kind = next_word(&args), *id = next_word(&args), *extra = next_word(&args);
    if (!kind) {
        if (r->kind)
            printf("subject: %s %s\n", r->kind, r->id);
        else
            printf("no subject is selected\n");
        return;
    }
    if (extra) {
        repl_error(r, "write `.subject KIND ID`", "too many words after .subject");
        return;
    }
    Section *s = program_section(p, kind);
    if (!s) {
        const char *cands[64];
        int n = 0;
        for (int i = 0; i < p->sections.n && n < 64; i++)
            cands[n++] = ((Section *)p->sections.v[i])->rec->name;
        const char *best = closest_name(kind, cands, n);
        char hint[256] = "";
        if (best)
            snprintf(hint, sizeof hint, "did you mean `%s`?", best);
        else if (n) {
            size_t len = (size_t)snprintf(hint, sizeof hint, "the subjects are");
            for (int i = 0; i < n && len < sizeof hint; i++)
                len += (size_t)snprintf(hint + len, sizeof hint - len, "%s %s", i ? "," : "", cands[i]);
        }
        repl_error(r, *hint ? hint : NULL, "the policy decides nothing about `%s`", kind);
        return;
    }
    Arena *a = arena_new();
    Vec ids = {0};
    subject_ids(r, s, a, &ids);
    char d[16];
    date_format(r->as_of, d);
    if (!id) {
        printf("%d %s subject%s as of %s:", ids.n, kind, ids.n == 1 ? "" : "s", d);
        int col = 80;
        for (int i = 0; i < ids.n; i++) {
            int w = width(ids.v[i]) + 1;
            if (col + w > 78) {
                printf("\n ");
                col = 1;
            }
            printf(" %s", (const char *)ids.v[i]);
            col += w;
        }
        putchar('\n');
        arena_free(a);
        return;
    }
    bool found = false;
    for (int i = 0; i < ids.n && !found; i++)
        found = !strcmp(ids.v[i], id);
    if (!found) {
        const char *best = closest_name(id, (const char *const *)ids.v, ids.n);
        repl_error(r, best ? arena_printf(a, "did you mean `%s`?", best) : "`.subject KIND` lists the ids",
                   "there is no %s `%s` in the facts as of %s", kind, id, d);
        arena_free(a);
        return;
    }
    arena_free(a);
    free(r->kind);
    free(r->id);
    r->kind = xstrdup(kind);
    r->id = xstrdup(id);
    printf("subject: %s %s\n", kind, id);
    if (s->decl->u.sect.where) {
        Ctx c;
        ctx_open(r, &c, false);
        if (ctx_subject(r, &c) == 0) {
            Value keep = eval_filter(c.E);
            if (keep.k != V_BOOL || !keep.u.b)
                printf("note: the policy's `for %s where ...` does not select it, so `qpl eval` reports no decisions about it\n", kind);
        }
        ctx_close(&c);
    }
}

/* `.asof [DATE]`: show or change the evaluation date. */
static void cmd_asof(Repl *r, char *args)
{
    char *w = next_word(&args);
    char d[16];
    if (w) {
        qdate t;
        if (!date_parse(w, strlen(w), &t) || next_word(&args)) {
            repl_error(r, "write `.asof YYYY-MM-DD`", "`%s` is not a date", w);
            return;
        }
        r->as_of = t;
    }
    date_format(r->as_of, d);
    printf("as of %s\n", d);
}

/* `.param [NAME [VALUE]]`: list the parameters, show one, or change one as a what-if. */
static void cmd_param(Repl *r, char *args, const char *cmdline)
{
    Program *p = r->p;
    char *name = next_word(&args);
    char *value = trim(args);
    Arena *a = arena_new();
    Ctx c, o;
    ctx_open(r, &c, false);
    ctx_open(r, &o, true);
    if (!name) {
        if (!p->params.n)
            printf("the policy has no parameters\n");
        Table t = {a, 2, {0}};
        for (int i = 0; i < p->params.n; i++) {
            Sym *s = p->params.v[i];
            Value now = eval_param(c.E, s), def = eval_param(o.E, s);
            bool same = now.k == def.k && (now.k == V_MISSING || value_eq(now, def));
            const char *cells[2] = {arena_printf(a, "%s = %s", s->name, show(a, now)),
                                    same ? "" : arena_printf(a, "(policy: %s)", show(a, def))};
            tab_row(&t, cells);
        }
        tab_print(&t, false);
    } else if (!*value) {
        Sym *s = program_find(p, name);
        if (!s || s->kind != S_PARAM) {
            char err[512];
            eval_set_param(c.E, name, "", err, sizeof err);
            repl_error(r, NULL, "%s", err);
        } else {
            printf("%s = %s\n", name, show(a, eval_param(c.E, s)));
            if (s->decl->u.param.desc)
                printf("  %s\n", s->decl->u.param.desc);
        }
    } else {
        char err[512];
        Sym *s = program_find(p, name);
        Value before = s && s->kind == S_PARAM ? eval_param(c.E, s) : v_missing("");
        if (eval_set_param(c.E, name, value, err, sizeof err) != 0) {
            repl_error(r, NULL, "%s", err);
        } else {
            add_whatif(r, W_PARAM, cmdline, NULL, name, value);
            printf("%s = %s (was %s)\n", name, show(a, eval_param(c.E, s)), show(a, before));
        }
    }
    ctx_close(&c);
    ctx_close(&o);
    arena_free(a);
}

/* A value written as in fixtures (3, "text", 2024-05-01, true, missing, code)
   as an SQL literal; anything else is taken as SQL. */
static char *sql_value(const char *v)
{
    size_t n = strlen(v);
    qdate d;
    char *out;
    if (!strcmp(v, "true") || !strcmp(v, "false"))
        return xstrdup(v[0] == 't' ? "1" : "0");
    if (!strcmp(v, "missing"))
        return xstrdup("NULL");
    bool dq = n >= 2 && v[0] == '"' && v[n - 1] == '"' && !memchr(v + 1, '"', n - 2);
    if (date_parse(v, n, &d) || (is_ident(v) && strcasecmp(v, "null")) || dq) {
        const char *s = dq ? v + 1 : v;
        size_t len = dq ? n - 2 : n;
        out = xrealloc(NULL, 2 * len + 3);
        char *o = out;
        *o++ = '\'';
        for (size_t i = 0; i < len; i++) {
            if (s[i] == '\'')
                *o++ = '\'';
            *o++ = s[i];
        }
        *o++ = '\'';
        *o = 0;
        return out;
    }
    return xstrdup(v);
}

/* `.set TABLE COLUMN = VALUE [where CONDITION]`: a what-if that updates the in-memory facts. */
static void cmd_set(Repl *r, char *args, const char *cmdline)
{
    const char *usage = "write `.set TABLE COLUMN = VALUE where CONDITION`, e.g. "
                        ".set inspections overall = inadequate where provider_id = 'SOM05'";
    /* TABLE COLUMN = ..., with or without spaces around `=` */
    char *c = args, *table, *col;
    while (isspace((unsigned char)*c))
        c++;
    table = c;
    while (isalnum((unsigned char)*c) || *c == '_')
        c++;
    bool ok = c > table && isspace((unsigned char)*c);
    if (ok)
        *c++ = 0;
    while (isspace((unsigned char)*c))
        c++;
    col = c;
    while (isalnum((unsigned char)*c) || *c == '_')
        c++;
    ok = ok && c > col && is_ident(table);
    char *rest = c;
    while (isspace((unsigned char)*rest))
        rest++;
    ok = ok && *rest == '=';
    *c = 0;     /* ends the column name (this may overwrite the `=`, already seen) */
    if (!ok || !is_ident(col)) {
        repl_error(r, usage, "cannot read this `.set`");
        return;
    }
    rest++;
    /* split VALUE and CONDITION at a `where` outside quotes */
    char *where = NULL;
    char q = 0;
    for (char *c = rest; *c; c++) {
        if (q) {
            if (*c == q)
                q = 0;
        } else if (*c == '\'' || *c == '"') {
            q = *c;
        } else if (!strncasecmp(c, "where", 5) && c > rest && isspace((unsigned char)c[-1]) &&
                   (!c[5] || isspace((unsigned char)c[5]))) {
            where = c;
            break;
        }
    }
    char *cond = NULL;
    if (where) {
        *where = 0;
        cond = trim(where + 5);
    }
    char *value = trim(rest);
    if (!*value || (where && !*cond)) {
        repl_error(r, usage, "%s", !*value ? "`.set` needs a value after `=`" : "`where` needs a condition");
        return;
    }
    char *v = sql_value(value);
    size_t n = strlen(table) + strlen(col) + strlen(v) + (cond ? strlen(cond) : 0) + 64;
    char *sql = xrealloc(NULL, n);
    snprintf(sql, n, "UPDATE \"%s\" SET \"%s\" = %s%s%s", table, col, v, cond ? " WHERE " : "", cond ? cond : "");
    free(v);
    int changes = 0;
    int rc = run_user_sql(r, sql, false, &changes);
    if (rc == 0) {
        if (changes == 0) {
            printf("no row matched: nothing changed\n");
        } else {
            add_whatif(r, W_SQL, cmdline, sql, NULL, NULL);
            printf("%d row%s changed\n", changes, changes == 1 ? "" : "s");
        }
    }
    free(sql);
}

/* `.sql STATEMENT`: change the in-memory facts as a what-if, or show a query's rows. */
static void cmd_sql(Repl *r, char *args, const char *cmdline)
{
    char *sql = trim(args);
    if (!*sql) {
        repl_error(r, "e.g. .sql DELETE FROM safeguarding WHERE provider_id = 'LEW01'", "`.sql` needs a statement");
        return;
    }
    int changes = 0;
    int rc = run_user_sql(r, sql, true, &changes);
    if (rc == 0) {
        if (changes)
            add_whatif(r, W_SQL, cmdline, sql, NULL, NULL);
        printf("%d row%s changed\n", changes, changes == 1 ? "" : "s");
    }
}

/* `.whatifs`: list the what-ifs made so far, numbered. */
static void cmd_whatifs(Repl *r)
{
    if (!r->nw) {
        printf("no what-ifs: the facts and parameters are the original ones\n");
        return;
    }
    for (int i = 0; i < r->nw; i++)
        printf("%d  %s\n", i + 1, r->w[i].cmd);
}

/* `.undo`: drop the last what-if, rebuilding the facts if it changed them. */
static void cmd_undo(Repl *r)
{
    if (!r->nw) {
        printf("nothing to undo\n");
        return;
    }
    WhatIf w = r->w[--r->nw];
    if (w.kind == W_SQL)
        rebuild_overlay(r);
    printf("undone: %s\n", w.cmd);
    free_whatif(&w);
}

/* `.reset`: drop every what-if and go back to the original facts. */
static void cmd_reset(Repl *r)
{
    if (!r->nw) {
        printf("no what-ifs to undo\n");
        return;
    }
    int n = r->nw;
    for (int i = 0; i < r->nw; i++)
        free_whatif(&r->w[i]);
    r->nw = 0;
    rebuild_overlay(r);
    printf("undone %d what-if%s: the facts and parameters are the original ones\n", n, n == 1 ? "" : "s");
}

/* `.decisions`: a table of every decision about the current subject and its value. */
static void cmd_decisions(Repl *r)
{
    if (!need_subject(r))
        return;
    Ctx c;
    ctx_open(r, &c, false);
    if (ctx_subject(r, &c) == 0) {
        if (!c.s->outputs.n)
            printf("the policy makes no decisions about %s\n", r->kind);
        Arena *a = arena_new();
        Table t = {a, 2, {0}};
        const char *head[2] = {"decision", "value"};
        tab_row(&t, head);
        bool bad = false;
        for (int i = 0; i < c.s->outputs.n && !bad; i++) {
            Decl *d = c.s->outputs.v[i];
            Value v = eval_output(c.E, d, NULL);
            if ((bad = eval_failed(r, &c)))
                break;
            const char *cells[2] = {d->name, show_top(a, v)};
            tab_row(&t, cells);
        }
        if (!bad && c.s->outputs.n)
            tab_print(&t, true);
        arena_free(a);
    }
    ctx_close(&c);
}

/* `.explain NAME`: why a decision or definition has its value: branch, citation, facts. */
static void cmd_explain(Repl *r, char *args)
{
    char *name = next_word(&args);
    if (!name || next_word(&args)) {
        repl_error(r, "write `.explain DECISION`", "`.explain` needs the name of one decision");
        return;
    }
    if (!need_subject(r))
        return;
    Section *s = cur_section(r);
    Sym *sym = NULL;
    const char *cands[256];
    int n = 0;
    for (int i = 0; s && i < s->lets.n; i++) {
        Sym *x = s->lets.v[i];
        if (!strcmp(x->name, name))
            sym = x;
        if (n < 256)
            cands[n++] = x->name;
    }
    if (!sym) {
        const char *best = closest_name(name, cands, n);
        char hint[160];
        snprintf(hint, sizeof hint, "did you mean `%s`?", best ? best : "");
        repl_error(r, best ? hint : ".decisions lists the decisions", "`%s` is not a decision or definition about %s", name,
                   r->kind);
        return;
    }
    Ctx c;
    ctx_open(r, &c, false);
    if (ctx_subject(r, &c) == 0) {
        eval_set_explain(c.E, true);
        Explain why;
        memset(&why, 0, sizeof why);
        Value v = eval_output(c.E, sym->decl, &why);
        if (!eval_failed(r, &c)) {
            printf("%s = %s\n", name, show_top(c.a, v));
            if (why.branch)
                printf("  branch: %s\n", why.branch);
            const char *cite = why.cite ? why.cite : sym->kind == S_DECISION ? sym->decl->u.dec.cite : NULL;
            if (cite)
                printf("  cite:   %s\n", cite);
            if (why.facts.n) {
                printf("  facts:\n");
                for (int i = 0; i < why.facts.n; i++) {
                    bool seen = false;
                    for (int k = 0; k < i && !seen; k++)
                        seen = !strcmp(why.facts.v[k], why.facts.v[i]);
                    if (!seen)
                        printf("    %s\n", (const char *)why.facts.v[i]);
                }
            } else {
                printf("  facts:  none\n");
            }
        }
    }
    ctx_close(&c);
}

/* Decisions collected from one run of the whole policy. */
typedef struct DEnt {
    int si;
    const char *id;
    Decl *d;
    const char *json, *text;
    bool matched;
} DEnt;

typedef struct Collect {
    Arena *a;
    Program *p;
    Vec ents;
} Collect;

/* EmitFn keeping every decision of a policy run, for `.diff`. */
static void collect(void *ctx, Section *s, Row *row, Decl *d, Value v, Explain *why)
{
    (void)why;
    Collect *c = ctx;
    DEnt *e = arena_alloc(c->a, sizeof *e);
    for (int i = 0; i < c->p->sections.n; i++)
        if (c->p->sections.v[i] == s)
            e->si = i;
    e->id = row && row->key ? arena_strdup(c->a, row->key) : arena_printf(c->a, "%lld", row ? (long long)row->rowid : 0LL);
    e->d = d;
    e->json = value_json(c->a, v);
    e->text = show(c->a, v);
    vec_push(c->a, &c->ents, e);
}

/* Order collected decisions by section, subject id, then decision name. */
static int dent_cmp(const void *x, const void *y)
{
    const DEnt *a = *(const DEnt *const *)x, *b = *(const DEnt *const *)y;
    if (a->si != b->si)
        return a->si - b->si;
    int c = strcmp(a->id, b->id);
    return c ? c : strcmp(a->d->name, b->d->name);
}

/* `.diff`: every subject's decisions that differ between the original and the what-if facts. */
static void cmd_diff(Repl *r)
{
    Program *p = r->p;
    if (!p->sections.n) {
        printf("the policy makes no decisions to compare\n");
        return;
    }
    Arena *a = arena_new();
    Collect before = {a, p, {0}}, after = {a, p, {0}};
    RunOpts o = {r->as_of, NULL, NULL, false, true};
    Ctx c;
    r->d.errors = 0;
    ctx_open(r, &c, true);
    int rc = run_policy(p, c.f, c.E, &o, collect, &before, &r->d);
    ctx_close(&c);
    if (rc == 0) {
        ctx_open(r, &c, false);
        rc = run_policy(p, c.f, c.E, &o, collect, &after, &r->d);
        ctx_close(&c);
    }
    if (rc != 0) {
        r->failed = true;
        arena_free(a);
        return;
    }
    DEnt **sorted = calloc((size_t)before.ents.n + 1, sizeof *sorted);
    for (int i = 0; i < before.ents.n; i++)
        sorted[i] = before.ents.v[i];
    qsort(sorted, (size_t)before.ents.n, sizeof *sorted, dent_cmp);
    Table t = {a, 5, {0}};
    const char *head[5] = {"subject", "id", "decision", "before", "after"};
    tab_row(&t, head);
    int ndiff = 0;
    for (int i = 0; i < after.ents.n; i++) {
        DEnt *e = after.ents.v[i];
        DEnt **hit = bsearch(&e, sorted, (size_t)before.ents.n, sizeof *sorted, dent_cmp);
        const char *was = "(none)";
        if (hit) {
            (*hit)->matched = true;
            if (!strcmp((*hit)->json, e->json))
                continue;
            was = (*hit)->text;
        }
        const char *cells[5] = {((Section *)p->sections.v[e->si])->rec->name, e->id, e->d->name, was, e->text};
        tab_row(&t, cells);
        ndiff++;
    }
    for (int i = 0; i < before.ents.n; i++) {
        DEnt *e = before.ents.v[i];
        if (e->matched)
            continue;
        const char *cells[5] = {((Section *)p->sections.v[e->si])->rec->name, e->id, e->d->name, e->text, "(none)"};
        tab_row(&t, cells);
        ndiff++;
    }
    free(sorted);
    if (!ndiff) {
        printf("no decision differs from the original facts and parameters%s\n",
               r->nw ? "" : " (there are no what-ifs)");
    } else {
        tab_print(&t, true);
        printf("%d decision%s differ%s from the original facts and parameters\n", ndiff, ndiff == 1 ? "" : "s",
               ndiff == 1 ? "s" : "");
    }
    arena_free(a);
}

/* `.reload`: read the policy file again, keeping the typed definitions and what-ifs
   that still fit it. */
static void cmd_reload(Repl *r)
{
    if (!r->policy_path) {
        repl_error(r, "start the REPL with a policy file: qpl repl FILE", "there is no policy file to reload");
        return;
    }
    r->d.errors = 0;
    Program *np = program_load(r->policy_path, &r->d);
    if (!np) {
        repl_error(r, NULL, "cannot read `%s`; keeping the policy as it was", r->policy_path);
        return;
    }
    if (r->d.errors) {
        program_free(np);
        repl_error(r, "fix the errors and .reload again", "the policy has errors; keeping the policy as it was");
        return;
    }
    Program *old = r->p;
    r->p = np;
    if (validate_facts(r, r->orig) != 0) {
        r->p = old;
        program_free(np);
        repl_error(r, NULL, "the case database does not fit the policy; keeping the policy as it was");
        return;
    }
    program_free(old);
    /* declarations typed at the prompt */
    int kept = 0;
    for (int i = 0; i < r->ndefs; i++) {
        Def *d = &r->defs[i];
        if ((!d->kind || program_section(r->p, d->kind)) && add_decls(r, d->text, d->kind, true) == 0) {
            r->defs[kept++] = *d;
            continue;
        }
        printf("note: dropped a definition typed earlier, which no longer fits the policy: %s\n", d->text);
        free(d->text);
        free(d->kind);
    }
    r->ndefs = kept;
    /* parameter what-ifs */
    Ctx c;
    ctx_open(r, &c, true);
    kept = 0;
    for (int i = 0; i < r->nw; i++) {
        char err[512];
        if (r->w[i].kind == W_PARAM && eval_set_param(c.E, r->w[i].name, r->w[i].value, err, sizeof err) != 0) {
            printf("note: dropped the what-if `%s`: %s\n", r->w[i].cmd, err);
            free_whatif(&r->w[i]);
            continue;
        }
        r->w[kept++] = r->w[i];
    }
    r->nw = kept;
    ctx_close(&c);
    if (r->kind && !cur_section(r)) {
        printf("note: the policy no longer decides about %s; no subject is selected\n", r->kind);
        free(r->kind);
        free(r->id);
        r->kind = r->id = NULL;
    }
    printf("reloaded %s (%d what-if%s kept)\n", r->policy_path, r->nw, r->nw == 1 ? "" : "s");
}

static const char *const commands[] = {
    ".asof", ".decisions", ".diff", ".explain", ".help", ".param", ".quit", ".reload",
    ".reset", ".set", ".sql", ".subject", ".undo", ".whatifs", NULL
};

/* Run a dot command; any unambiguous prefix of its name will do. */
static void command(Repl *r, char *line)
{
    char *cmdline = xstrdup(line);
    char *args = line;
    char *word = next_word(&args);
    const char *cmd = NULL;
    int hits = 0;
    if (!strcmp(word, ".exit"))
        word = ".quit";
    for (int i = 0; commands[i]; i++) {
        if (!strcmp(commands[i], word)) {
            cmd = commands[i];
            hits = 1;
            break;
        }
        if (!strncmp(commands[i], word, strlen(word))) {
            cmd = commands[i];
            hits++;
        }
    }
    if (strlen(word) < 2)
        hits = 0;
    if (hits != 1) {
        const char *best = closest_name(word, commands, (int)(sizeof commands / sizeof *commands) - 1);
        char hint[256];
        snprintf(hint, sizeof hint, "did you mean `%s`?", best ? best : "");
        if (hits > 1) {
            size_t len = (size_t)snprintf(hint, sizeof hint, "it could be");
            for (int i = 0, k = 0; commands[i]; i++)
                if (!strncmp(commands[i], word, strlen(word)) && len < sizeof hint) {
                    len += (size_t)snprintf(hint + len, sizeof hint - len, "%s `%s`", k == 0 ? "" : k == hits - 1 ? " or" : ",",
                                            commands[i]);
                    k++;
                }
        }
        repl_error(r, (best && hits == 0) || hits > 1 ? hint : ".help lists the commands", "%s command `%s`",
                   hits > 1 ? "ambiguous" : "unknown", word);
    } else if (!strcmp(cmd, ".help")) {
        fputs(repl_help, stdout);
    } else if (!strcmp(cmd, ".quit")) {
        r->quit = true;
    } else if (!strcmp(cmd, ".subject")) {
        cmd_subject(r, args);
    } else if (!strcmp(cmd, ".asof")) {
        cmd_asof(r, args);
    } else if (!strcmp(cmd, ".param")) {
        cmd_param(r, args, cmdline);
    } else if (!strcmp(cmd, ".set")) {
        cmd_set(r, args, cmdline);
    } else if (!strcmp(cmd, ".sql")) {
        cmd_sql(r, args, cmdline);
    } else if (!strcmp(cmd, ".whatifs")) {
        cmd_whatifs(r);
    } else if (!strcmp(cmd, ".undo")) {
        cmd_undo(r);
    } else if (!strcmp(cmd, ".reset")) {
        cmd_reset(r);
    } else if (!strcmp(cmd, ".diff")) {
        cmd_diff(r);
    } else if (!strcmp(cmd, ".decisions")) {
        cmd_decisions(r);
    } else if (!strcmp(cmd, ".explain")) {
        cmd_explain(r, args);
    } else if (!strcmp(cmd, ".reload")) {
        cmd_reload(r);
    }
    free(cmdline);
}

/* One complete entry: a command, a declaration or an expression. */
static void submit(Repl *r, char *text)
{
    text = trim(text);
    if (!*text || text[0] == '#')
        return;
    if (text[0] == '.')
        command(r, text);
    else if (is_decl_text(text))
        add_decls(r, text, r->kind, false);
    else
        eval_line(r, text);
    fflush(stdout);
}

/* ------------------------------------------------------------------ */
/* line editing: completion and history                                 */

static Repl *g_repl;
static Vec g_cands;
static Arena *g_ca;

/* Add s to the completion candidates. */
static void cand(const char *s)
{
    vec_push(g_ca, &g_cands, (void *)s);
}

/* Fill the completion candidates for the word at `start` of the line. */
static void candidates(Repl *r, int start)
{
    static const char *const keywords[] = {
        "and", "or", "not", "is", "missing", "in", "last", "if", "then", "else", "count", "any", "no", "all",
        "sum", "min", "max", "distinct", "latest", "earliest", "each", "how", "many", "of", "where", "by",
        "below", "above", "at", "least", "most", "true", "false", "days", "working", "weeks", "months", "years",
        "let", "decide", "when", "otherwise", "cite", "first_known", "days_between", "working_days_between",
        "day_of_week", "as_of", NULL
    };
    Program *p = r->p;
    arena_reset(g_ca);
    memset(&g_cands, 0, sizeof g_cands);
    /* the words before the one completed */
    char *head = arena_strndup(g_ca, rl_line_buffer, (size_t)start);
    char *w[3] = {0};
    int nw = 0;
    for (char *s = head, *x; nw < 3 && (x = next_word(&s));)
        w[nw++] = x;
    if (nw == 0) {
        for (int i = 0; commands[i]; i++)
            cand(commands[i]);
    }
    if (nw >= 1 && w[0][0] == '.') {
        if (!strcmp(w[0], ".subject") && nw == 1) {
            for (int i = 0; i < p->sections.n; i++)
                cand(((Section *)p->sections.v[i])->rec->name);
        } else if (!strcmp(w[0], ".subject") && nw == 2) {
            Section *s = program_section(p, w[1]);
            if (s)
                subject_ids(r, s, g_ca, &g_cands);
        } else if (!strcmp(w[0], ".param") && nw == 1) {
            for (int i = 0; i < p->params.n; i++)
                cand(((Sym *)p->params.v[i])->name);
        } else if (!strcmp(w[0], ".explain") && nw == 1) {
            Section *s = cur_section(r);
            for (int i = 0; s && i < s->lets.n; i++)
                cand(((Sym *)s->lets.v[i])->name);
        } else if ((!strcmp(w[0], ".set") && nw <= 2) || !strcmp(w[0], ".sql")) {
            for (int i = 0; i < p->records.n; i++) {
                Record *rec = p->records.v[i];
                cand(rec->table);
                if (nw == 2 && !strcmp(w[0], ".set") && !strcmp(rec->table, w[1]))
                    for (int k = 0; k < rec->fields.n; k++)
                        if (!((Field *)rec->fields.v[k])->link)
                            cand(((Field *)rec->fields.v[k])->name);
            }
        }
        return;
    }
    for (int i = 0; keywords[i]; i++)
        cand(keywords[i]);
    for (int i = 0; i < p->syms.n; i++) {
        Sym *s = p->syms.v[i];
        if (s->kind == S_PARAM || s->kind == S_LET)
            cand(s->name);
    }
    for (int i = 0; i < p->scales.n; i++) {
        Decl *d = p->scales.v[i];
        for (int k = 0; k < d->u.scale.values.n; k++)
            cand(d->u.scale.values.v[k]);
    }
    Section *s = cur_section(r);
    if (s) {
        cand(s->rec->name);
        for (int i = 0; i < s->lets.n; i++)
            cand(((Sym *)s->lets.v[i])->name);
        for (int i = 0; i < s->rec->fields.n; i++)
            cand(((Field *)s->rec->fields.v[i])->name);
    }
}

/* Readline generator: the next distinct candidate starting with text, or NULL. */
static char *complete_next(const char *text, int state)
{
    static int idx;
    if (!state)
        idx = 0;
    size_t n = strlen(text);
    while (idx < g_cands.n) {
        const char *c = g_cands.v[idx++];
        bool dup = false;
        for (int k = 0; k < idx - 1 && !dup; k++)
            dup = !strcmp(g_cands.v[k], c);
        if (!dup && !strncmp(c, text, n))
            return xstrdup(c);
    }
    return NULL;
}

/* Readline completion hook: the matches for the word at `start`. */
static char **complete(const char *text, int start, int end)
{
    (void)end;
    rl_attempted_completion_over = 1;
    candidates(g_repl, start);
    return rl_completion_matches(text, complete_next);
}

/* Read a line: with libedit on a terminal, else plainly. NULL at the end. */
static char *read_line(Repl *r, const char *prompt)
{
    if (r->tty) {
        char *l = readline(prompt);
        if (l && *l) {
            add_history(l);
            if (r->hist)
                write_history(r->hist);
        }
        return l;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        return NULL;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = 0;
    if (r->echo) {
        const char *t = line;
        while (isspace((unsigned char)*t))
            t++;
        if (!*t || *t == '#')
            printf("%s\n", line);
        else
            printf("%s%s\n", prompt, line);
    }
    return line;
}

/* The prompt, naming the current subject if there is one. */
static const char *main_prompt(Repl *r)
{
    if (r->kind)
        snprintf(r->prompt, sizeof r->prompt, "qpl %s %s> ", r->kind, r->id);
    else
        snprintf(r->prompt, sizeof r->prompt, "qpl> ");
    return r->prompt;
}

/* Open an in-memory database with the reference schema, for a session without --db. */
static sqlite3 *schema_db(void)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK)
        return db;
    char err[512];
    if (load_reference_schema(db, err, sizeof err) != 0)
        fprintf(stderr, "qpl repl: %s\n", err);
    return db;
}

/* `qpl repl`: run the interactive what-if session; returns the exit status. */
int cmd_repl(int argc, char **argv)
{
    const char *file = NULL, *db = NULL, *as_of_s = NULL;
    bool echo = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(repl_usage, stdout);
            return 0;
        }
        if (!strcmp(a, "--echo")) {
            echo = true;
        } else if (!strcmp(a, "--db") || !strcmp(a, "--as-of")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "qpl repl: %s needs a value\n", a);
                return 2;
            }
            *(!strcmp(a, "--db") ? &db : &as_of_s) = argv[++i];
        } else if (a[0] == '-') {
            fprintf(stderr, "qpl repl: unknown option `%s`\n\n%s", a, repl_usage);
            return 2;
        } else if (!file) {
            file = a;
        } else {
            fprintf(stderr, "qpl repl: one policy file at a time (got `%s` and `%s`)\n", file, a);
            return 2;
        }
    }
    Repl R;
    memset(&R, 0, sizeof R);
    Repl *r = &R;
    diags_init(&r->d, stderr);
    r->tty = isatty(0);
    r->echo = echo && !r->tty;
    r->policy_path = file;
    r->as_of = today();
    if (as_of_s && !date_parse(as_of_s, strlen(as_of_s), &r->as_of)) {
        fprintf(stderr, "qpl repl: --as-of `%s` is not a date: write YYYY-MM-DD\n", as_of_s);
        return 2;
    }
    if (file) {
        r->p = program_load(file, &r->d);
        if (!r->p) {
            fprintf(stderr, "qpl: error: cannot read `%s`\n", file);
            return 2;
        }
        if (r->d.errors) {
            program_free(r->p);
            return 1;
        }
    } else {
        r->p = program_new(&r->d);
    }
    r->orig = db ? open_case_db(db) : schema_db();
    if (!r->orig) {
        program_free(r->p);
        return 2;
    }
    int status = 0;
    if (sqlite3_open(":memory:", &r->mem) != SQLITE_OK || copy_db(r->orig, r->mem) != 0) {
        fprintf(stderr, "qpl: error: cannot copy the case database into memory: %s\n", sqlite3_errmsg(r->mem));
        status = 2;
        goto done;
    }
    sqlite3_set_authorizer(r->mem, authorize, r);
    if (validate_facts(r, r->orig) != 0) {
        status = 1;
        goto done;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    g_repl = r;
    g_ca = arena_new();
    if (r->tty) {
        const char *h = getenv("QPL_HISTORY"), *home = getenv("HOME");
        if (h && *h)
            r->hist = xstrdup(h);
        else if (home && *home) {
            r->hist = xrealloc(NULL, strlen(home) + 20);
            sprintf(r->hist, "%s/.qpl_history", home);
        }
        rl_readline_name = "qpl";
        using_history();
        stifle_history(1000);
        if (r->hist)
            read_history(r->hist);
        static char breaks[] = " \t\n\"'`()[],=<>+-*/";
        rl_completer_word_break_characters = breaks;
        rl_attempted_completion_function = complete;
        char d[16];
        date_format(r->as_of, d);
        printf("qpl repl: %s%s, facts from %s, as of %s\n", r->p->policy ? "policy " : "no policy",
               r->p->policy ? r->p->policy->name : "", db ? db : "an empty reference database", d);
        printf("What-ifs change an in-memory copy of the facts. Type .help for help, .quit to leave.\n");
    }
    char *acc = NULL;
    while (!r->quit) {
        char *line = read_line(r, acc ? "...> " : main_prompt(r));
        if (!line)
            break;
        const char *t = line;
        while (isspace((unsigned char)*t))
            t++;
        if (acc && (!*t || *t == '.')) {
            submit(r, acc);
            free(acc);
            acc = NULL;
            if (!*t || r->quit) {
                free(line);
                continue;
            }
        }
        if (acc) {
            size_t n = strlen(acc);
            acc = xrealloc(acc, n + strlen(line) + 2);
            acc[n] = '\n';
            strcpy(acc + n + 1, line);
            free(line);
        } else {
            acc = line;
        }
        size_t n = strlen(acc);
        if (n && acc[n - 1] == '\\') {
            acc[n - 1] = 0;
            continue;
        }
        if (needs_more(acc))
            continue;
        submit(r, acc);
        free(acc);
        acc = NULL;
    }
    if (acc) {
        submit(r, acc);
        free(acc);
    }
    if (r->tty && !r->quit)
        putchar('\n');
    if (r->tty && r->hist)
        write_history(r->hist);
    if (!r->tty && r->failed)
        status = 1;
    arena_free(g_ca);
done:
    for (int i = 0; i < r->nw; i++)
        free_whatif(&r->w[i]);
    free(r->w);
    for (int i = 0; i < r->ndefs; i++) {
        free(r->defs[i].text);
        free(r->defs[i].kind);
    }
    free(r->defs);
    free(r->kind);
    free(r->id);
    free(r->hist);
    sqlite3_close(r->mem);
    sqlite3_close(r->orig);
    program_free(r->p);
    return status;
}
