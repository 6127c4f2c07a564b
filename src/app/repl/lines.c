/* lines.c: what is typed at the prompt that is not a command: declarations,
   added to the program in the current subject's section, and expressions,
   evaluated for the current subject (added, evaluated, then rolled back). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../check/program.h"
#include "../../out/words.h"
#include "../../out/vtext.h"
#include "../../util/mem.h"
#include "repl.h"

/* The section of the current subject kind, if any. */
const Section *repl_section(Repl *r)
{
    return r->kind ? program_section(r->p, r->kind) : NULL;
}

/* A run over the original facts, or over the what-if facts and parameters. */
Run *repl_run(Repl *r, bool original, bool explain)
{
    RunOpts o = {r->as_of, explain, false, true, NULL};
    Run *run = run_new(r->p, original ? r->orig : r->mem, &o, &r->d);
    run_set_stop(run, &repl_interrupted);
    if (!original)
        whatif_apply_params(r, run);
    return run;
}

/* Focus a run on the current subject (if any); 0, or -1 after an error. */
int repl_focus(Repl *r, Run *run)
{
    if (!r->kind) {
        run_focus(run, NULL, NULL);
        return 0;
    }
    const Section *s = repl_section(r);
    if (!s) {
        repl_error(r, "pick another subject with .subject KIND ID", "the policy decides nothing about `%s` any more", r->kind);
        return -1;
    }
    Focus f = run_focus(run, s, r->id);
    if (f == FOCUS_FAULT) {
        repl_error(r, NULL, "%s", run_fault(run));
        return -1;
    }
    if (f == FOCUS_NONE) {
        char d[16];
        date_format(r->as_of, d);
        repl_error(r, r->nw ? "a what-if may have deleted it; .whatifs lists them" : NULL,
                   "there is no %s `%s` in the facts as of %s", r->kind, r->id, d);
        return -1;
    }
    return 0;
}

/* Report bad data or a failure met while evaluating, if any. */
bool repl_failed(Repl *r, Run *run)
{
    const char *bad = run_fault(run);
    if (!bad)
        return false;
    repl_error(r, strncmp(bad, "bad data", 8) ? NULL : "fix the data in the case database, or change it with .set", "%s", bad);
    return true;
}

/* Check the records the program now reads against a fact source. */
int repl_check_facts(Repl *r, FactSource *fs)
{
    return facts_check(fs, r->p, false, &r->d);     /* (columns no rule reads may be absent: shown so) */
}

/* Why a declaration cannot be typed at the prompt (with a hint), or NULL when it can. */
static const char *not_at_prompt(const Decl *d, const char **hint)
{
    *hint = "add it to the policy file and .reload";
    switch (d->kind) {
    case D_FOR:
        *hint = "use `.subject KIND ID` to work on one subject; to add a section, edit the policy and .reload";
        return "a `for` section";
    case D_POLICY: *hint = NULL; return "a `policy` header";
    case D_USE: return "`use`";
    case D_TESTING: return "`testing`";
    case D_RECORD: return "a `record`";
    case D_CLOSURE: return "a `closure` day";
    case D_TEST: *hint = "write tests in fixture files and run `qpl test`"; return "a `test`";
    default: return NULL;
    }
}

/* Check that what was typed may be declared at the prompt; the number of errors. */
static int vet_decls(Repl *r, const SourceFile *f, const Vec *decls, const Section *sect)
{
    int errors = 0;
    for (int i = 0; i < decls->n && !errors; i++) {
        const Decl *d = decls->v[i];
        const char *hint;
        const char *no = not_at_prompt(d, &hint);
        bool decision = d->kind == D_DECIDE || d->kind == D_DEADLINE || d->kind == D_QUORUM || d->kind == D_LADDER;
        if (decision && !sect) {
            diag_error(&r->d, f, d->nloc, "pick a subject first with `.subject KIND ID`: decisions are about a subject",
                       "decision `%s` is not about any subject", d->name);
            errors++;
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
    return errors;
}

/* Keep a typed declaration, to replay it after .reload. */
static void keep_def(Repl *r, const char *text, const char *kind)
{
    if (r->ndefs == r->cdefs) {
        r->cdefs = r->cdefs ? r->cdefs * 2 : 8;
        r->defs = xrealloc(r->defs, (size_t)r->cdefs * sizeof *r->defs);
    }
    r->defs[r->ndefs].text = xstrdup(text);
    r->defs[r->ndefs].kind = kind ? xstrdup(kind) : NULL;
    r->ndefs++;
}

/* Parse text typed at the prompt (as if prefix came first) into decls,
   after marking the program to roll back to; the number of syntax errors. */
static int parse_typed(Repl *r, const char *text, const char *prefix, Section *sect, ProgramMark *m,
                       SourceFile **f, Vec *decls)
{
    r->d.errors = 0;
    program_mark(r->p, m);
    *f = loc_file(r->p->arena, "<input>", text, strlen(text));
    *decls = (Vec){0};
    return program_parse(r->p, *f, prefix, sect, decls);
}

/* The checker's marks of the fields that expressions read, in record and
   field order (malloc'd), or (keep not NULL) set back to keep, which is freed:
   an expression typed at the prompt reads what it reads once only. */
static bool *used_fields(Program *p, bool *keep)
{
    int n = 0;
    for (int i = 0; i < p->records.n; i++)
        n += ((Record *)p->records.v[i])->fields.n;
    bool *v = keep ? keep : xcalloc((size_t)n + 1, sizeof *v);
    for (int i = 0, k = 0; i < p->records.n; i++) {
        Record *rec = p->records.v[i];
        for (int j = 0; j < rec->fields.n; j++, k++) {
            Field *f = rec->fields.v[j];
            if (keep)
                f->used = keep[k];
            else
                v[k] = f->used;
        }
    }
    if (keep) {
        free(keep);
        return NULL;
    }
    return v;
}

/* Add declarations typed at the prompt to the program. Returns 0 when added. */
int repl_add_decls(Repl *r, const char *text, const char *kind, bool replay)
{
    Program *p = r->p;
    Section *sect = kind ? program_section(p, kind) : NULL;
    ProgramMark m;
    SourceFile *f;
    Vec decls;
    int errors = parse_typed(r, text, "", sect, &m, &f, &decls);
    if (!errors)
        errors = vet_decls(r, f, &decls, sect);
    if (!errors)
        errors = program_add(p, &decls);
    if (!errors && repl_check_facts(r, r->orig) != 0)
        errors = 1;
    if (errors) {
        program_rollback(p, &m);
        r->failed = true;
        return -1;
    }
    program_mark_free(&m);
    if (!replay)
        keep_def(r, text, kind);
    return 0;
}

/* Whether a word of text names something only known for a subject: a
   subject kind, or a column or definition of a section. */
static bool mentions_subject(const Program *p, const char *text)
{
    for (const char *c = text; *c;) {
        if (!(isalpha((unsigned char)*c) || *c == '_')) {
            c++;
            continue;
        }
        const char *w = c;
        while (isalnum((unsigned char)*c) || *c == '_')
            c++;
        char *word = xstrndup(w, (size_t)(c - w));
        bool found = false;
        for (int i = 0; i < p->sections.n && !found; i++) {
            const Section *s = p->sections.v[i];
            found = !strcmp(s->rec->name, word) || section_find(s, word) || record_field(s->rec, word);
        }
        free(word);
        if (found)
            return true;
    }
    return false;
}

/* Print an expression's value for the current subject. */
static void show_value(Repl *r, const Expr *x)
{
    Run *run = repl_run(r, false, false);
    if (repl_focus(r, run) == 0) {
        Value v = eval_expr(run_eval(run), x);
        if (!repl_failed(r, run)) {
            Arena *a = arena_new();
            if (v.k == V_MISSING)
                printf("%s: %s\n", value_na(v) ? "not applicable" : "undetermined", words_reason(a, v.u.why));
            else
                printf("%s\n", vtext_str(a, v, VT_REPL));
            arena_free(a);
        }
    }
    run_free(run);
}

/* Evaluate an expression typed at the prompt for the current subject: it is
   checked as `let _it = ...` in the subject's section, then taken out again. */
void repl_eval_line(Repl *r, const char *text)
{
    Program *p = r->p;
    bool *used = used_fields(p, NULL);
    ProgramMark m;
    SourceFile *f;
    Vec decls;
    int errors = parse_typed(r, text, "let _it =\n", (Section *)repl_section(r), &m, &f, &decls);
    if (!errors && decls.n != 1) {
        Decl *d = decls.n > 1 ? decls.v[1] : NULL;
        diag_error(&r->d, f, d ? d->loc : (Loc){1, 1, 1, 1}, "type one expression or declaration per line",
                   "this line holds more than an expression");
        errors++;
    }
    if (!errors) {
        errors = program_add(p, &decls);
        if (errors && !r->kind && mentions_subject(p, text))
            fprintf(r->d.out, "      = note: no subject is selected; `.subject KIND ID` picks one, so that its columns,\n"
                              "        definitions and decisions can be used\n");
    }
    if (!errors && repl_check_facts(r, r->orig) != 0)     /* (it may read a column no rule read before) */
        errors = 1;
    if (!errors)
        show_value(r, ((Decl *)decls.v[0])->u.let.def);
    else
        r->failed = true;
    program_rollback(p, &m);
    used_fields(p, used);
}
