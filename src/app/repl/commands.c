/* commands.c: the REPL's dot commands: the table of commands, and those that
   look at the policy and the facts (.subject, .asof, .decisions, .explain,
   .reload, .help, .quit). The what-if commands are in whatif.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../out/because.h"
#include "../../out/render.h"
#include "../../out/words.h"
#include "../../out/tabular.h"
#include "../../out/text.h"
#include "../../out/vtext.h"
#include "../../util/file.h"
#include "../../util/mem.h"
#include "../../util/suggest.h"
#include "../opts.h"
#include "repl.h"

static void cmd_subject(Repl *r, char *args, const char *line);
static void cmd_asof(Repl *r, char *args, const char *line);
static void cmd_decisions(Repl *r, char *args, const char *line);
static void cmd_explain(Repl *r, char *args, const char *line);
static void cmd_reload(Repl *r, char *args, const char *line);
static void cmd_help(Repl *r, char *args, const char *line);
static void cmd_quit(Repl *r, char *args, const char *line);

/* ORDER COMMANDS: the order .help lists them in. */
const Command repl_commands[] = {
    {".subject", "[KIND [ID]]", "pick the subject (KIND alone lists its ids)", cmd_subject},
    {".asof", "[DATE]", "show or change the evaluation date", cmd_asof},
    {".decisions", "", "every decision of the current subject", cmd_decisions},
    {".explain", "NAME", "why a decision has its value: branch, cite, facts", cmd_explain},
    {".param", "[NAME [VALUE]]", "show the parameters, or change one (a what-if)", whatif_param},
    {".set", "TABLE COLUMN = VALUE [where CONDITION]",
     "what-if: change facts (VALUE as in fixtures: 3, \"text\",\n2024-05-01, true, missing, code; CONDITION is SQL)", whatif_set},
    {".sql", "STATEMENT", "what-if: run an INSERT, UPDATE or DELETE on the facts;\na SELECT just shows its rows", whatif_sql},
    {".whatifs", "", "list the what-ifs made so far", whatif_list},
    {".diff", "", "decisions of every subject that the what-ifs changed", whatif_diff},
    {".undo", "", "undo the last what-if", whatif_undo},
    {".reset", "", "undo every what-if", whatif_reset},
    {".reload", "", "read the policy file again, keeping the what-ifs", cmd_reload},
    {".help", "", "this text", cmd_help},
    {".quit", "", "leave (or end of input)", cmd_quit},
    {NULL, NULL, NULL, NULL},
};

static const char help_intro[] =
    "Type an expression to evaluate it for the current subject, e.g.\n"
    "  count feedback where concern        latest_inspection.overall is below good\n"
    "or a declaration to add it to the current subject's section, e.g.\n"
    "  let recent = count safeguarding where raised in last 90 days\n"
    "  decide band: rag red when recent >= 3 amber when recent >= 1 green otherwise\n"
    "A line ending in \\ continues on the next; a decision with branches continues\n"
    "until its `otherwise` branch, a deadline until its `within` or `due` (or until\n"
    "a blank line).\n"
    "\n"
    "Commands:\n";

/* `.help`: what can be typed, and each command. */
static void cmd_help(Repl *r, char *args, const char *line)
{
    (void)r, (void)args, (void)line;
    fputs(help_intro, stdout);
    for (const Command *c = repl_commands; c->name; c++) {
        char head[80];
        snprintf(head, sizeof head, "%s%s%s", c->name, *c->usage ? " " : "", c->usage);
        const char *h = c->help;
        if (strlen(head) > 26) {
            printf("  %s\n%29s", head, "");
        } else {
            printf("  %-27s", head);
        }
        for (; *h; h++) {
            putchar(*h);
            if (*h == '\n')
                printf("%29s", "");
        }
        putchar('\n');
    }
    fputs("The case database itself is never changed: what-ifs live in memory only.\n", stdout);
}

/* `.quit`: leave the session. */
static void cmd_quit(Repl *r, char *args, const char *line)
{
    (void)args, (void)line;
    r->quit = true;
}

/* Whether a subject is selected; reports an error when none is. */
static bool need_subject(Repl *r)
{
    if (r->kind)
        return true;
    const char *hint = r->p->sections.n ? "pick one with `.subject KIND ID`; `.subject KIND` lists the ids" : "load a policy with `for` sections";
    repl_error(r, hint, "no subject is selected");
    return false;
}

/* Collect the ids of a section's subjects in the what-if facts. */
void repl_subject_ids(Repl *r, const Section *s, Arena *a, Vec *ids)
{
    FactSource *fs = r->mem;
    Arena *run = arena_new(), *row = arena_new();
    Facts *f = facts_reader(fs, r->p, r->as_of, false, run);
    Stream *st = facts_subjects(f, s->rec, NULL);
    for (;;) {
        arena_reset(row);
        Fault fault = {FAULT_NONE, NULL};
        Row *rw = facts_next(st, row, &fault);
        if (!rw)
            break;
        vec_push(a, ids, rw->key ? arena_strdup(a, rw->key) : arena_printf(a, "%lld", (long long)rw->rowid));
    }
    facts_stream_free(st);
    facts_reader_free(f);
    arena_free(row);
    arena_free(run);
}

/* Report a subject kind the policy decides nothing about, suggesting one. */
static void unknown_kind(Repl *r, const char *kind)
{
    const Program *p = r->p;
    Suggest sg;
    suggest_begin(&sg, kind);
    for (int i = 0; i < p->sections.n; i++)
        suggest_offer(&sg, ((Section *)p->sections.v[i])->rec->name);
    const char *best = suggest_best(&sg);
    Sb hint = SB_INIT;
    if (best)
        sb_printf(&hint, "did you mean `%s`?", best);
    else if (p->sections.n)
        sb_puts(&hint, "the subjects are");
    for (int i = 0; !best && i < p->sections.n; i++)
        sb_printf(&hint, "%s %s", i ? "," : "", ((Section *)p->sections.v[i])->rec->name);
    repl_error(r, hint.len ? sb_str(&hint) : NULL, "the policy decides nothing about `%s`", kind);
    sb_free(&hint);
}

/* List the ids of a kind's subjects, wrapped at 78 columns. */
static void list_ids(const char *kind, const Vec *ids, const char *date)
{
    printf("%d %s subject%s as of %s:", ids->n, kind, ids->n == 1 ? "" : "s", date);
    int col = 80;
    for (int i = 0; i < ids->n; i++) {
        int w = loc_width(ids->v[i], strlen(ids->v[i])) + 1;
        if (col + w > 78) {
            printf("\n ");
            col = 1;
        }
        printf(" %s", (const char *)ids->v[i]);
        col += w;
    }
    putchar('\n');
}

/* Tell when the policy's `where` does not select the current subject. */
static void note_unselected(Repl *r, const Section *s)
{
    if (!s->decl->u.sect.where)
        return;
    Run *run = repl_run(r, false, false);
    if (repl_focus(r, run) == 0) {
        Value keep = eval_filter(run_eval(run));
        if (keep.k != V_BOOL || !keep.u.b)
            printf("note: the policy's `for %s where ...` does not select it, so `qpl eval` reports no decisions about it\n",
                   r->kind);
    }
    run_free(run);
}

/* `.subject [KIND [ID]]`: show the subject, list a kind's ids, or select a subject. */
static void cmd_subject(Repl *r, char *args, const char *line)
{
    (void)line;
    char *kind = repl_word(&args), *id = repl_word(&args), *extra = repl_word(&args);
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
    const Section *s = program_section(r->p, kind);
    if (!s) {
        unknown_kind(r, kind);
        return;
    }
    Arena *a = arena_new();
    Vec ids = {0};
    repl_subject_ids(r, s, a, &ids);
    char d[16];
    date_format(r->as_of, d);
    bool found = false;
    for (int i = 0; id && i < ids.n && !found; i++)
        found = !strcmp(ids.v[i], id);
    if (!id) {
        list_ids(kind, &ids, d);
    } else if (!found) {
        const char *best = suggest_closest(id, (const char *const *)ids.v, ids.n);
        repl_error(r, best ? arena_printf(a, "did you mean `%s`?", best) : "`.subject KIND` lists the ids",
                   "there is no %s `%s` in the facts as of %s", kind, id, d);
    } else {
        free(r->kind);
        free(r->id);
        r->kind = xstrdup(kind);
        r->id = xstrdup(id);
        printf("subject: %s %s\n", kind, id);
        note_unselected(r, s);
    }
    arena_free(a);
}

/* `.asof [DATE]`: show or change the evaluation date. */
static void cmd_asof(Repl *r, char *args, const char *line)
{
    (void)line;
    char *w = repl_word(&args);
    char d[16];
    if (w) {
        qdate t;
        if (!date_parse(w, strlen(w), &t) || repl_word(&args)) {
            repl_error(r, "write `.asof YYYY-MM-DD`", "`%s` is not a date", w);
            return;
        }
        r->as_of = t;
    }
    date_format(r->as_of, d);
    printf("as of %s\n", d);
}

/* A value for the REPL, with the reason when it is undetermined. */
static const char *shown(Arena *a, Value v)
{
    if (v.k == V_MISSING)
        return arena_printf(a, "%s: %s", value_na(v) ? "not applicable" : "undetermined", words_reason(a, v.u.why));
    return vtext_str(a, v, VT_REPL);
}

/* `.decisions`: every decision about the current subject, as the text view shows it. */
static void cmd_decisions(Repl *r, char *args, const char *line)
{
    (void)args, (void)line;
    if (!need_subject(r))
        return;
    Run *run = repl_run(r, false, false);
    if (repl_focus(r, run) == 0) {
        const Section *s = repl_section(r);
        if (!s->outputs.n)
            printf("the policy makes no decisions about %s\n", r->kind);
        Eval *E = run_eval(run);
        Result *res = xcalloc((size_t)s->outputs.n + 1, sizeof *res);
        int n = 0;
        for (; n < s->outputs.n; n++) {
            res[n].d = s->outputs.v[n];
            res[n].v = eval_output(E, res[n].d, NULL);
            if (repl_failed(r, run))
                break;
        }
        if (n == s->outputs.n && n) {
            Subject sub = {s, eval_current(E), r->id, res, n, NULL};
            RenderInfo info = {r->p, r->as_of, false, opts_color("auto"), false, false, opts_width(), true};
            Renderer *out = render_begin("text", stdout, &info);
            render_section(out, s);
            render_subject(out, &sub);
            render_end(out);
            render_free(out);
        }
        free(res);
    }
    run_free(run);
}

/* Print why a value is what it is, as the text view words it. */
static void print_explanation(const char *name, Value v, const Explain *why, const Sym *sym)
{
    Arena *a = arena_new();
    Sb b = SB_INIT;
    sb_printf(&b, "%s = %s\n", name, shown(a, v));
    size_t head = b.len;
    text_why(&b, a, v, why, sym->decl, 2, opts_width());
    if (b.len == head)
        sb_puts(&b, "  (it reads no facts and no decisions)\n");
    fputs(sb_str(&b), stdout);
    sb_free(&b);
    arena_free(a);
}

/* `.explain NAME`: why a decision or definition has its value. */
static void cmd_explain(Repl *r, char *args, const char *line)
{
    (void)line;
    char *name = repl_word(&args);
    if (!name || repl_word(&args)) {
        repl_error(r, "write `.explain DECISION`", "`.explain` needs the name of one decision");
        return;
    }
    if (!need_subject(r))
        return;
    const Section *s = repl_section(r);
    const Sym *sym = s ? section_find(s, name) : NULL;
    if (!sym) {
        Suggest sg;
        suggest_begin(&sg, name);
        for (int i = 0; s && i < s->lets.n; i++)
            suggest_offer(&sg, ((Sym *)s->lets.v[i])->name);
        const char *best = suggest_best(&sg);
        Arena *a = arena_new();
        repl_error(r, best ? arena_printf(a, "did you mean `%s`?", best) : ".decisions lists the decisions",
                   "`%s` is not a decision or definition about %s", name, r->kind);
        arena_free(a);
        return;
    }
    Run *run = repl_run(r, false, true);
    if (repl_focus(r, run) == 0) {
        Explain why = {0};
        Value v = eval_output(run_eval(run), sym->decl, &why);
        if (!repl_failed(r, run))
            print_explanation(name, v, &why, sym);
    }
    run_free(run);
}

/* Replay the declarations typed earlier into a freshly loaded policy. */
static void replay_defs(Repl *r)
{
    int kept = 0;
    for (int i = 0; i < r->ndefs; i++) {
        Def *d = &r->defs[i];
        if ((!d->kind || program_section(r->p, d->kind)) && repl_add_decls(r, d->text, d->kind, true) == 0) {
            r->defs[kept++] = *d;
            continue;
        }
        printf("note: dropped a definition typed earlier, which no longer fits the policy: %s\n", d->text);
        free(d->text);
        free(d->kind);
    }
    r->ndefs = kept;
}

/* `.reload`: read the policy file again, keeping the typed definitions and
   what-ifs that still fit it. */
static void cmd_reload(Repl *r, char *args, const char *line)
{
    (void)args, (void)line;
    if (!r->policy_path) {
        repl_error(r, "start the REPL with a policy file: qpl repl FILE", "there is no policy file to reload");
        return;
    }
    r->d.errors = 0;
    Program *np = program_load(r->policy_path, &r->d);
    if (!np) {
        repl_error(r, NULL, "cannot read `%s` (%s); keeping the policy as it was", r->policy_path, file_last_error());
        return;
    }
    if (r->d.errors) {
        program_free(np);
        repl_error(r, "fix the errors and .reload again", "the policy has errors; keeping the policy as it was");
        return;
    }
    Program *old = r->p;
    r->p = np;
    if (repl_check_facts(r, r->orig) != 0) {
        r->p = old;
        program_free(np);
        repl_error(r, NULL, "the case database does not fit the policy; keeping the policy as it was");
        return;
    }
    program_free(old);
    replay_defs(r);
    whatif_reload(r);
    if (r->kind && !repl_section(r)) {
        printf("note: the policy no longer decides about %s; no subject is selected\n", r->kind);
        free(r->kind);
        free(r->id);
        r->kind = r->id = NULL;
    }
    printf("reloaded %s (%d what-if%s kept)\n", r->policy_path, r->nw, r->nw == 1 ? "" : "s");
}

/* qsort order of names: alphabetical. */
static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Report a command that is unknown, or a prefix of more than one (listed alphabetically). */
static void unknown_command(Repl *r, const char *word, int hits)
{
    const char *names[32], *matches[32];
    int n = 0, m = 0;
    for (const Command *c = repl_commands; c->name && n < 32; c++) {
        names[n++] = c->name;
        if (!strncmp(c->name, word, strlen(word)))
            matches[m++] = c->name;
    }
    qsort(names, (size_t)n, sizeof *names, name_cmp);
    qsort(matches, (size_t)m, sizeof *matches, name_cmp);
    const char *best = suggest_closest(word, names, n);
    Sb hint = SB_INIT;
    if (hits > 1)
        sb_puts(&hint, "it could be");
    else
        sb_printf(&hint, "did you mean `%s`?", best ? best : "");
    for (int k = 0; hits > 1 && k < m; k++)
        sb_printf(&hint, "%s `%s`", k == 0 ? "" : k == m - 1 ? " or" : ",", matches[k]);
    repl_error(r, (best && hits == 0) || hits > 1 ? sb_str(&hint) : ".help lists the commands", "%s command `%s`",
               hits > 1 ? "ambiguous" : "unknown", word);
    sb_free(&hint);
}

/* The command a word names: itself, or the one command it is a prefix of (*hits counts them). */
static const Command *find_command(const char *word, int *hits)
{
    const Command *cmd = NULL;
    *hits = 0;
    for (const Command *c = repl_commands; c->name; c++) {
        if (!strcmp(c->name, word)) {
            *hits = 1;
            return c;
        }
        if (!strncmp(c->name, word, strlen(word))) {
            cmd = c;
            (*hits)++;
        }
    }
    if (strlen(word) < 2)
        *hits = 0;
    return *hits == 1 ? cmd : NULL;
}

/* Run a dot command; any unambiguous prefix of its name will do. */
void repl_command(Repl *r, char *line)
{
    char *cmdline = xstrdup(line);
    char *args = line;
    char *word = repl_word(&args);
    if (!strcmp(word, ".exit"))
        word = ".quit";
    int hits;
    const Command *c = find_command(word, &hits);
    if (!c)
        unknown_command(r, word, hits);
    else
        c->run(r, args, cmdline);
    free(cmdline);
}
