/* whatif.c: the REPL's what-ifs: changed parameters, and statements run on
   the overlay of the facts; listing and undoing them (diff.c compares the
   decisions they change). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "../../out/tabular.h"
#include "../../out/vtext.h"
#include "../../util/mem.h"
#include "repl.h"

/* Append a what-if to the session's list, copying its strings. */
static void add_whatif(Repl *r, WhatIfKind k, const char *cmd, const char *sql, const char *name, const char *value)
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
void whatif_free(WhatIf *w)
{
    free(w->cmd);
    free(w->sql);
    free(w->name);
    free(w->value);
}

/* Set a parameter of a run from its text; 0, or -1 with a message in *err. */
static int set_param(Repl *r, Run *run, const char *name, const char *value, const char **err)
{
    const Sym *s = param_find(r->p, name, run_arena(run), err);
    Value v;
    if (!s || param_parse(s, value, run_arena(run), &v, err) != 0)
        return -1;
    eval_set_param(run_eval(run), s, v);
    return 0;
}

/* Apply the parameter what-ifs to a run, in order. */
void whatif_apply_params(Repl *r, Run *run)
{
    for (int i = 0; i < r->nw; i++) {
        const char *err;
        if (r->w[i].kind == W_PARAM)
            set_param(r, run, r->w[i].name, r->w[i].value, &err);
    }
}

/* After .reload: drop the parameter what-ifs that no longer fit the policy. */
void whatif_reload(Repl *r)
{
    Run *run = repl_run(r, true, false);
    int kept = 0;
    for (int i = 0; i < r->nw; i++) {
        const char *err;
        if (r->w[i].kind == W_PARAM && set_param(r, run, r->w[i].name, r->w[i].value, &err) != 0) {
            printf("note: dropped the what-if `%s`: %s\n", r->w[i].cmd, err);
            whatif_free(&r->w[i]);
            continue;
        }
        r->w[kept++] = r->w[i];
    }
    r->nw = kept;
    run_free(run);
}

/* A value for the REPL. */
static const char *shown(Arena *a, Value v)
{
    return vtext_str(a, v, VT_REPL);
}

/* List the parameters, with the policy's value beside one that was changed. */
static void list_params(Repl *r, Eval *now, Eval *orig, Arena *a)
{
    const Program *p = r->p;
    if (!p->params.n)
        printf("the policy has no parameters\n");
    Tabular *t = tab_new(2);
    for (int i = 0; i < p->params.n; i++) {
        const Sym *s = p->params.v[i];
        Value v = eval_param(now, s), def = eval_param(orig, s);
        bool same = v.k == def.k && (v.k == V_MISSING || value_eq(v, def));
        const char *cells[2] = {arena_printf(a, "%s = %s", s->name, shown(a, v)),
                                same ? "" : arena_printf(a, "(policy: %s)", shown(a, def))};
        tab_row(t, cells);
    }
    tab_print(t, stdout, false);
    tab_free(t);
}

/* `.param [NAME [VALUE]]`: list the parameters, show one, or change one as a what-if. */
void whatif_param(Repl *r, char *args, const char *line)
{
    char *name = repl_word(&args);
    char *value = repl_trim(args);
    Arena *a = arena_new();
    Run *now = repl_run(r, false, false), *orig = repl_run(r, true, false);
    const char *err = NULL;
    const Sym *s = name ? param_find(r->p, name, a, &err) : NULL;
    if (!name) {
        list_params(r, run_eval(now), run_eval(orig), a);
    } else if (!s) {
        repl_error(r, NULL, "%s", err);
    } else if (!*value) {
        printf("%s = %s\n", name, shown(a, eval_param(run_eval(now), s)));
        if (s->decl->u.param.desc)
            printf("  %s\n", s->decl->u.param.desc);
    } else {
        Value before = eval_param(run_eval(now), s);
        if (set_param(r, now, name, value, &err) != 0) {
            repl_error(r, NULL, "%s", err);
        } else {
            add_whatif(r, W_PARAM, line, NULL, name, value);
            printf("%s = %s (was %s)\n", name, shown(a, eval_param(run_eval(now), s)), shown(a, before));
        }
    }
    run_free(now);
    run_free(orig);
    arena_free(a);
}

/* A value written as in fixtures (3, "text", 2024-05-01, true, missing, code)
   as an SQL literal; anything else is taken as SQL. (sqlite3's %Q quoting is
   in src/facts/; the quoting here doubles single quotes the same way.) */
static char *sql_value(const char *v)
{
    size_t n = strlen(v);
    qdate d;
    if (!strcmp(v, "true") || !strcmp(v, "false"))
        return xstrdup(v[0] == 't' ? "1" : "0");
    if (!strcmp(v, "missing"))
        return xstrdup("NULL");
    bool dq = n >= 2 && v[0] == '"' && v[n - 1] == '"' && !memchr(v + 1, '"', n - 2);
    if (!date_parse(v, n, &d) && !(repl_ident(v) && strcasecmp(v, "null")) && !dq)
        return xstrdup(v);
    const char *s = dq ? v + 1 : v;
    size_t len = dq ? n - 2 : n;
    Sb b = SB_INIT;
    sb_putc(&b, '\'');
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\'')
            sb_putc(&b, '\'');
        sb_putc(&b, s[i]);
    }
    sb_putc(&b, '\'');
    return b.s;
}

/* The rows of a what-if query, collected into a table. */
typedef struct Collected {
    Tabular *t;
    int rows;
} Collected;

/* Add a row (the first one is the header) to the collected table. */
static void collect_row(void *ctx, int ncol, const char *const *cells)
{
    Collected *c = ctx;
    if (!c->t)
        c->t = tab_new(ncol);
    else
        c->rows++;
    tab_row(c->t, cells);
}

/* Run one statement typed by the user on the what-if facts: 0 a change,
   1 a query (its rows printed when show), -1 after an error. */
static int user_sql(Repl *r, const char *sql, bool show, int *changes)
{
    Collected c = {NULL, 0};
    RowSink sink = {&c, collect_row};
    FactError err = {SB_INIT, NULL};
    int rc = facts_whatif(r->mem, sql, show ? &sink : NULL, changes, &err);
    if (rc < 0)
        repl_error(r, err.hint, "%s", sb_str(&err.msg));
    else if (rc == 1 && show) {
        if (c.rows)
            tab_print(c.t, stdout, true);
        printf("(%d row%s)\n", c.rows, c.rows == 1 ? "" : "s");
    }
    sb_free(&err.msg);
    tab_free(c.t);
    return rc;
}

/* Split `.set`'s `TABLE COLUMN = REST`; false when it does not read so. */
static bool set_target(char *args, char **table, char **col, char **rest)
{
    char *c = args;
    while (isspace((unsigned char)*c))
        c++;
    *table = c;
    while (isalnum((unsigned char)*c) || *c == '_')
        c++;
    bool ok = c > *table && isspace((unsigned char)*c);
    if (ok)
        *c++ = 0;
    while (isspace((unsigned char)*c))
        c++;
    *col = c;
    while (isalnum((unsigned char)*c) || *c == '_')
        c++;
    ok = ok && c > *col && repl_ident(*table);
    char *r = c;
    while (isspace((unsigned char)*r))
        r++;
    ok = ok && *r == '=';
    *c = 0;     /* ends the column name (this may overwrite the `=`, already seen) */
    *rest = r + 1;
    return ok && repl_ident(*col);
}

/* Split `VALUE [where CONDITION]` at a `where` outside quotes. */
static char *split_where(char *rest)
{
    char q = 0;
    for (char *c = rest; *c; c++) {
        if (q) {
            if (*c == q)
                q = 0;
        } else if (*c == '\'' || *c == '"') {
            q = *c;
        } else if (!strncasecmp(c, "where", 5) && c > rest && isspace((unsigned char)c[-1]) && (!c[5] || isspace((unsigned char)c[5]))) {
            *c = 0;
            return repl_trim(c + 5);
        }
    }
    return NULL;
}

/* `.set TABLE COLUMN = VALUE [where CONDITION]`: a what-if that updates the facts. */
void whatif_set(Repl *r, char *args, const char *line)
{
    const char *usage = "write `.set TABLE COLUMN = VALUE where CONDITION`, e.g. "
                        ".set inspections overall = inadequate where provider_id = 'SOM05'";
    char *table, *col, *rest;
    if (!set_target(args, &table, &col, &rest)) {
        repl_error(r, usage, "cannot read this `.set`");
        return;
    }
    char *cond = split_where(rest);
    char *value = repl_trim(rest);
    if (!*value || (cond && !*cond)) {
        repl_error(r, usage, "%s", !*value ? "`.set` needs a value after `=`" : "`where` needs a condition");
        return;
    }
    char *v = sql_value(value);
    Sb sql = SB_INIT, assign = SB_INIT;
    sb_printf(&assign, "\"%s\" = %s", col, v);
    sb_printf(&sql, "UPDATE \"%s\" SET %s%s%s", table, sb_str(&assign), cond ? " WHERE " : "", cond ? cond : "");
    free(v);
    int changes = 0;
    FactError err = {SB_INIT, NULL};
    int rc = facts_whatif_set(r->mem, table, sb_str(&assign), cond, &changes, &err);  /* (replayed as the UPDATE) */
    if (rc < 0)
        repl_error(r, err.hint, "%s", sb_str(&err.msg));
    sb_free(&err.msg);
    sb_free(&assign);
    if (rc == 0) {
        if (changes == 0) {
            printf("no row matched: nothing changed\n");
        } else {
            add_whatif(r, W_SQL, line, sb_str(&sql), NULL, NULL);
            printf("%d row%s changed\n", changes, changes == 1 ? "" : "s");
        }
    }
    sb_free(&sql);
}

/* `.sql STATEMENT`: change the facts as a what-if, or show a query's rows. */
void whatif_sql(Repl *r, char *args, const char *line)
{
    char *sql = repl_trim(args);
    if (!*sql) {
        repl_error(r, "e.g. .sql DELETE FROM safeguarding WHERE provider_id = 'LEW01'", "`.sql` needs a statement");
        return;
    }
    int changes = 0;
    if (user_sql(r, sql, true, &changes) == 0) {
        if (changes)
            add_whatif(r, W_SQL, line, sql, NULL, NULL);
        printf("%d row%s changed\n", changes, changes == 1 ? "" : "s");
    }
}

/* `.whatifs`: list the what-ifs made so far, numbered. */
void whatif_list(Repl *r, char *args, const char *line)
{
    (void)args, (void)line;
    if (!r->nw) {
        printf("no what-ifs: the facts and parameters are the original ones\n");
        return;
    }
    for (int i = 0; i < r->nw; i++)
        printf("%d  %s\n", i + 1, r->w[i].cmd);
}

/* Rebuild the what-if facts from the case database and replay the statements. */
static void rebuild(Repl *r)
{
    FactError err = {SB_INIT, NULL};
    int rc = facts_overlay_reset(r->mem, &err);
    if (rc != 0)
        repl_error(r, err.hint, "%s", sb_str(&err.msg));
    sb_free(&err.msg);
    if (rc != 0)
        return;
    for (int i = 0; i < r->nw; i++)
        if (r->w[i].kind == W_SQL && user_sql(r, r->w[i].sql, false, NULL) < 0)
            fprintf(r->d.out, "      = note: while replaying what-if %d: %s\n", i + 1, r->w[i].cmd);
}

/* `.undo`: drop the last what-if, rebuilding the facts if it changed them. */
void whatif_undo(Repl *r, char *args, const char *line)
{
    (void)args, (void)line;
    if (!r->nw) {
        printf("nothing to undo\n");
        return;
    }
    WhatIf w = r->w[--r->nw];
    if (w.kind == W_SQL)
        rebuild(r);
    printf("undone: %s\n", w.cmd);
    whatif_free(&w);
}

/* `.reset`: drop every what-if and go back to the original facts. */
void whatif_reset(Repl *r, char *args, const char *line)
{
    (void)args, (void)line;
    if (!r->nw) {
        printf("no what-ifs to undo\n");
        return;
    }
    int n = r->nw;
    for (int i = 0; i < r->nw; i++)
        whatif_free(&r->w[i]);
    r->nw = 0;
    rebuild(r);
    printf("undone %d what-if%s: the facts and parameters are the original ones\n", n, n == 1 ? "" : "s");
}
