/* complete.c: TAB completion at the prompt: commands, then after a command
   what it takes (subject kinds and ids, parameters, decisions, tables and
   columns), else the language's words and the policy's names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <editline/readline.h>
#include "../../front/parse.h"
#include "../../util/mem.h"
#include "repl.h"

static Repl *g_repl;
static Vec g_cands;
static Arena *g_ca;

/* Add s to the completion candidates. */
static void cand(const char *s)
{
    vec_push(g_ca, &g_cands, (void *)s);
}

/* The candidates after a command word. */
static void command_args(Repl *r, char **w, int nw)
{
    const Program *p = r->p;
    if (!strcmp(w[0], ".subject") && nw == 1) {
        for (int i = 0; i < p->sections.n; i++)
            cand(((Section *)p->sections.v[i])->rec->name);
    } else if (!strcmp(w[0], ".subject") && nw == 2) {
        const Section *s = program_section(p, w[1]);
        if (s)
            repl_subject_ids(r, s, g_ca, &g_cands);
    } else if (!strcmp(w[0], ".param") && nw == 1) {
        for (int i = 0; i < p->params.n; i++)
            cand(((Sym *)p->params.v[i])->name);
    } else if (!strcmp(w[0], ".explain") && nw == 1) {
        const Section *s = repl_section(r);
        for (int i = 0; s && i < s->lets.n; i++)
            cand(((Sym *)s->lets.v[i])->name);
    } else if ((!strcmp(w[0], ".set") && nw <= 2) || !strcmp(w[0], ".sql")) {
        for (int i = 0; i < p->records.n; i++) {
            const Record *rec = p->records.v[i];
            cand(rec->table);
            if (nw == 2 && !strcmp(w[0], ".set") && !strcmp(rec->table, w[1]))
                for (int k = 0; k < rec->fields.n; k++)
                    if (((Field *)rec->fields.v[k])->kind == FIELD_COLUMN)
                        cand(((Field *)rec->fields.v[k])->name);
        }
    }
}

/* The language's words and the names of the policy and the current subject. */
static void names(Repl *r)
{
    const Program *p = r->p;
    const char *w;
    for (int i = 0; (w = parse_keyword_at(i)); i++)
        cand(w);
    for (int u = 0; u < U_COUNT; u++)
        if (!strchr(lang_units[u].many, ' '))
            cand(lang_units[u].many);
    for (int b = 0; b < B_COUNT; b++)
        cand(lang_builtins[b].name);
    cand("as_of");
    for (int i = 0; i < p->symlist.n; i++) {
        const Sym *s = p->symlist.v[i];
        if (s->kind == S_PARAM || s->kind == S_LET)
            cand(s->name);
    }
    for (int i = 0; i < p->scales.n; i++) {
        const Decl *d = p->scales.v[i];
        for (int k = 0; k < d->u.scale.values.n; k++)
            cand(d->u.scale.values.v[k]);
    }
    const Section *s = repl_section(r);
    if (s) {
        cand(s->rec->name);
        for (int i = 0; i < s->lets.n; i++)
            cand(((Sym *)s->lets.v[i])->name);
        for (int i = 0; i < s->rec->fields.n; i++)
            cand(((Field *)s->rec->fields.v[i])->name);
    }
}

/* Fill the completion candidates for the word at `start` of the line. */
static void candidates(Repl *r, int start)
{
    arena_reset(g_ca);
    memset(&g_cands, 0, sizeof g_cands);
    char *head = arena_strndup(g_ca, rl_line_buffer, (size_t)start);
    char *w[3] = {0};
    int nw = 0;
    for (char *s = head, *x; nw < 3 && (x = repl_word(&s));)
        w[nw++] = x;
    if (nw == 0)
        for (const Command *c = repl_commands; c->name; c++)
            cand(c->name);
    if (nw >= 1 && w[0][0] == '.')
        command_args(r, w, nw);
    else
        names(r);
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

/* Set up completion for a terminal session. */
void repl_complete_init(Repl *r)
{
    static char breaks[] = " \t\n\"'`()[],=<>+-*/";
    g_repl = r;
    g_ca = arena_new();
    rl_completer_word_break_characters = breaks;
    rl_attempted_completion_function = complete;
}

/* Free what completion kept. */
void repl_complete_done(void)
{
    arena_free(g_ca);
    g_ca = NULL;
}
