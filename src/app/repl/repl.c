/* repl.c: `qpl repl`, an interactive what-if session over a policy and a
   case database, in the manner of the sqlite3 shell: dot commands, a line
   editor with history and completion on a terminal, plain lines otherwise.
   The case database is opened read-only; what-ifs change an overlay of it.
   A line is a command (starting with a dot), a declaration (added to the
   current subject's section) or an expression (evaluated for the subject). */
#include <ctype.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <editline/readline.h>
#include "../../facts/sqlite.h"
#include "../../front/parse.h"
#include "../../util/file.h"
#include "../../util/mem.h"
#include "../cli.h"
#include "../opts.h"
#include "repl.h"

static const char repl_usage[] =
    "usage: qpl repl [FILE] [--db DB] [--as-of DATE] [--echo]\n"
    "\n"
    "An interactive what-if session: evaluate expressions and decisions for a subject,\n"
    "define new ones, and change facts and parameters to see which decisions move.\n"
    "The case database is never modified: it is opened read-only, and what-ifs keep\n"
    "the rows they change in memory beside it. Without --db, the facts start from an\n"
    "empty database with the reference schema.\n"
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

/* Set by Ctrl-C (SIGINT): what runs stops (SQLite's statements are
   interrupted, runs stop before their next subject), the line being typed
   is dropped, and the session goes on. */
volatile sig_atomic_t repl_interrupted;
/* The sources whose statements SIGINT interrupts (while a session runs). */
static FactSource *volatile interruptible[2];

/* SIGINT: note it and interrupt the statements running (both calls only set flags). */
static void on_sigint(int sig)
{
    (void)sig;
    repl_interrupted = 1;
    for (int i = 0; i < 2; i++)
        facts_interrupt(interruptible[i]);
}

/* Catch Ctrl-C for a session (on: with its two sources), or stop catching it. */
static void catch_sigint(Repl *r, bool on)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on ? on_sigint : SIG_DFL;   /* no SA_RESTART: a read at the prompt is cut short */
    interruptible[0] = on ? r->orig : NULL;
    interruptible[1] = on ? r->mem : NULL;
    facts_watch(r->orig, on ? &repl_interrupted : NULL);
    facts_watch(r->mem, on ? &repl_interrupted : NULL);
    if (sigaction(SIGINT, &sa, NULL) != 0)
        perror("qpl repl: cannot catch Ctrl-C");
    repl_interrupted = 0;
}

/* Report an error at the prompt (never ends the session). */
void repl_error(Repl *r, const char *hint, const char *fmt, ...)
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
char *repl_trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = 0;
    return s;
}

/* Whether s is a plain identifier: a letter or underscore, then letters, digits, underscores. */
bool repl_ident(const char *s)
{
    if (!(isalpha((unsigned char)*s) || *s == '_'))
        return false;
    for (s++; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '_'))
            return false;
    return true;
}

/* Split off the next space-separated word of *s (NULL when none). */
char *repl_word(char **s)
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

/* One complete entry: a command, a declaration or an expression. */
static void submit(Repl *r, char *text)
{
    text = repl_trim(text);
    if (!*text || text[0] == '#')
        return;
    if (text[0] == '.')
        repl_command(r, text);
    else if (parse_is_declaration(text))
        repl_add_decls(r, text, r->kind, false);
    else
        repl_eval_line(r, text);
    fflush(stdout);
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
        if (repl_interrupted)
            clearerr(stdin);    /* (the read was interrupted, not at the end) */
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
    sb_clear(&r->prompt);
    if (r->kind)
        sb_printf(&r->prompt, "qpl %s %s> ", r->kind, r->id);
    else
        sb_puts(&r->prompt, "qpl> ");
    return sb_str(&r->prompt);
}

/* Append a line to the entry being read. */
static char *append(char *acc, char *line)
{
    if (!acc)
        return line;
    size_t n = strlen(acc);
    acc = xrealloc(acc, n + strlen(line) + 2);
    acc[n] = '\n';
    strcpy(acc + n + 1, line);
    free(line);
    return acc;
}

/* Read and run entries until the end of input or .quit; an entry goes on
   over lines ending in `\` and over declarations that are not complete. */
static void loop(Repl *r)
{
    char *acc = NULL;
    while (!r->quit) {
        repl_interrupted = 0;
        char *line = read_line(r, acc ? "...> " : main_prompt(r));
        if (!line && repl_interrupted) {
            free(acc);      /* Ctrl-C at the prompt: drop what was being typed */
            acc = NULL;
            if (r->tty)
                putchar('\n');
            continue;
        }
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
        acc = append(acc, line);
        size_t n = strlen(acc);
        if (n && acc[n - 1] == '\\') {
            acc[n - 1] = 0;
            continue;
        }
        if (parse_needs_more(acc))
            continue;
        submit(r, acc);
        free(acc);
        acc = NULL;
    }
    if (acc) {
        submit(r, acc);
        free(acc);
    }
}

/* Set up line editing, history and completion, and greet. */
static void terminal_start(Repl *r, const char *db)
{
    const char *h = getenv("QPL_HISTORY"), *home = getenv("HOME");
    if (h && *h)
        r->hist = xstrdup(h);
    else if (home && *home) {
        r->hist = xmalloc(strlen(home) + 20);
        sprintf(r->hist, "%s/.qpl_history", home);
    }
    rl_readline_name = "qpl";
    using_history();
    stifle_history(1000);
    if (r->hist)
        read_history(r->hist);
    repl_complete_init(r);
    char d[16];
    date_format(r->as_of, d);
    printf("qpl repl: %s%s, facts from %s, as of %s\n", r->p->policy ? "policy " : "no policy",
           r->p->policy ? r->p->policy->name : "", db ? db : "an empty reference database", d);
    printf("What-ifs are kept in memory; the database is never written. Type .help for help, .quit to leave.\n");
}

/* Free the session. */
static void repl_free(Repl *r)
{
    for (int i = 0; i < r->nw; i++)
        whatif_free(&r->w[i]);
    free(r->w);
    for (int i = 0; i < r->ndefs; i++) {
        free(r->defs[i].text);
        free(r->defs[i].kind);
    }
    free(r->defs);
    free(r->kind);
    free(r->id);
    free(r->hist);
    sb_free(&r->prompt);
    facts_close(r->mem);
    facts_close(r->orig);
    program_free(r->p);
}

/* Open the policy and the facts of a session; 0, or the exit status to give. */
static int repl_open(Repl *r, const char *file, const char *db)
{
    r->p = file ? program_load(file, &r->d) : program_new(&r->d);
    if (!r->p) {
        fprintf(stderr, "qpl: error: cannot read `%s`: %s\n", file, file_last_error());
        return 2;
    }
    if (r->d.errors)
        return 1;
    Sb err = SB_INIT;
    r->orig = db ? fsql_open(db) : fsql_reference(&err);
    if (!r->orig && !db)
        fprintf(stderr, "qpl repl: %s\n", sb_str(&err));
    sb_free(&err);
    if (!r->orig)
        return 2;
    FactError ferr = {SB_INIT, NULL};
    r->mem = facts_overlay(r->orig, &ferr);
    if (!r->mem)
        fprintf(stderr, "qpl: error: %s\n", sb_str(&ferr.msg));
    sb_free(&ferr.msg);
    if (!r->mem)
        return 2;
    return repl_check_facts(r, r->orig) != 0 ? 1 : 0;
}

/* `qpl repl`: run the interactive what-if session; returns the exit status. */
int cmd_repl(int argc, char **argv)
{
    Repl R;
    memset(&R, 0, sizeof R);
    Repl *r = &R;
    const char *db = NULL;
    r->as_of = opts_today();
    const Opt opts[] = {
        {"db", OPT_TEXT, &db, NULL}, {"as-of", OPT_DATE, &r->as_of, NULL}, {"echo", OPT_FLAG, &r->echo, NULL},
    };
    char **files;
    int nfiles;
    int rc = opts_parse("repl", repl_usage, argc, argv, opts, sizeof opts / sizeof *opts, &files, &nfiles);
    if (rc)
        return rc == 1 ? 0 : 2;
    if (nfiles > 1) {
        fprintf(stderr, "qpl repl: one policy file at a time (got `%s` and `%s`)\n", files[0], files[1]);
        return 2;
    }
    r->policy_path = nfiles ? files[0] : NULL;
    diag_init(&r->d, stderr);
    r->tty = isatty(0);
    r->echo = r->echo && !r->tty;
    int status = repl_open(r, r->policy_path, db);
    if (status == 0) {
        catch_sigint(r, true);
        setvbuf(stdout, NULL, _IOLBF, 0);
        if (r->tty)
            terminal_start(r, db);
        loop(r);
        if (r->tty && !r->quit)
            putchar('\n');
        if (r->tty && r->hist)
            write_history(r->hist);
        if (!r->tty && r->failed)
            status = 1;
        repl_complete_done();
        catch_sigint(r, false);
    }
    repl_free(r);
    return status;
}
