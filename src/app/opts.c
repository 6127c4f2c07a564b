/* opts.c: getopt_long over a table of options, with checked values. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include "../util/mem.h"
#include "opts.h"

/* Today's date, in local time. */
qdate opts_today(void)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Store an option's value in its target; false (reported) when it is not valid. */
static bool store(const char *cmd, const Opt *o, const char *arg)
{
    if (o->given)
        *o->given = true;
    switch (o->kind) {
    case OPT_FLAG: *(bool *)o->target = true; return true;
    case OPT_TEXT: *(const char **)o->target = arg; return true;
    case OPT_DATE:
        if (!date_parse(arg, strlen(arg), o->target)) {
            fprintf(stderr, "qpl %s: --%s `%s` is not a date: write YYYY-MM-DD\n", cmd, o->name, arg);
            return false;
        }
        return true;
    case OPT_PERCENT: {
        char *end;
        double v = strtod(arg, &end);
        if (end == arg || *end || v < 0 || v > 100) {
            fprintf(stderr, "qpl %s: --%s `%s` is not a percentage: write a number from 0 to 100\n", cmd, o->name, arg);
            return false;
        }
        *(double *)o->target = v;
        return true;
    }
    case OPT_LIST: {
        OptList *l = o->target;
        l->v = xrealloc(l->v, (size_t)(l->n + 1) * sizeof *l->v);
        l->v[l->n++] = arg;
        return true;
    }
    case OPT_COUNT: {
        char *end;
        long v = strtol(arg, &end, 10);
        if (end == arg || *end || v < 1) {
            fprintf(stderr, "qpl %s: --%s `%s` is not a number from 1 up: write a whole number, such as 2\n", cmd, o->name,
                    arg);
            return false;
        }
        *(int *)o->target = v > INT_MAX ? INT_MAX : (int)v;    /* (more than a command can use: it takes its most) */
        return true;
    }
    }
    return false;
}

/* The options that also have a letter, in every command that has them. */
static const struct {
    char letter;
    const char *name;
} letters[] = {{'j', "jobs"}};

/* The getopt short options of opts: "-h" and the letters of those that have one. */
static char *short_options(const Opt *opts, int nopts)
{
    char *so = xmalloc(3 + 2 * sizeof letters / sizeof *letters + 1), *p = so;
    *p++ = ':';
    *p++ = 'h';
    for (size_t k = 0; k < sizeof letters / sizeof *letters; k++)
        for (int i = 0; i < nopts; i++)
            if (!strcmp(opts[i].name, letters[k].name)) {
                *p++ = letters[k].letter;
                if (opts[i].kind != OPT_FLAG)
                    *p++ = ':';
            }
    *p = 0;
    return so;
}

/* The option a letter stands for, or -1. */
static int letter_option(int c, const Opt *opts, int nopts)
{
    for (size_t k = 0; k < sizeof letters / sizeof *letters; k++)
        for (int i = 0; c == letters[k].letter && i < nopts; i++)
            if (!strcmp(opts[i].name, letters[k].name))
                return i;
    return -1;
}

/* The getopt_long table for opts, with --help last. */
static struct option *long_options(const Opt *opts, int nopts)
{
    struct option *lo = xcalloc((size_t)nopts + 2, sizeof *lo);
    for (int i = 0; i < nopts; i++)
        lo[i] = (struct option){opts[i].name, opts[i].kind == OPT_FLAG ? no_argument : required_argument, NULL, 1000 + i};
    lo[nopts] = (struct option){"help", no_argument, NULL, 'h'};
    return lo;
}

/* Parse the options of a command (see opts.h). */
int opts_parse(const char *cmd, const char *usage, int argc, char **argv, const Opt *opts, int nopts,
               char ***args, int *nargs)
{
    struct option *lo = long_options(opts, nopts);
    char *so = short_options(opts, nopts);
    int status = 0, c;
    opterr = 0;
    optind = 0;     /* (GNU: start afresh) */
    while (status == 0 && (c = getopt_long(argc, argv, so, lo, NULL)) != -1) {
        int letter = c < 1000 ? letter_option(c, opts, nopts) : -1;
        if (letter >= 0) {
            if (!store(cmd, &opts[letter], optarg))
                status = 2;
        } else if (c == 'h') {
            fputs(usage, stdout);
            status = 1;
        } else if (c == ':') {
            fprintf(stderr, "qpl %s: %s needs a value\n", cmd, argv[optind - 1]);
            status = 2;
        } else if (c == '?') {
            const char *bad = argv[optind - 1];
            size_t n = strcspn(bad, "=");
            fprintf(stderr, "qpl %s: unknown option `%.*s`\n\n%s", cmd, (int)n, bad, usage);
            status = 2;
        } else if (!store(cmd, &opts[c - 1000], optarg)) {
            status = 2;
        }
    }
    free(lo);
    free(so);
    *args = argv + optind;
    *nargs = argc - optind;
    return status;
}

/* The arguments of a command with no options of its own. */
int opts_args(const char *cmd, const char *usage, int argc, char **argv, int min, int max, char ***args, int *nargs)
{
    int rc = opts_parse(cmd, usage, argc, argv, NULL, 0, args, nargs);
    if (rc)
        return rc == 1 ? 0 : 2;
    if (*nargs >= min && (max < 0 || *nargs <= max))
        return -1;
    fputs(usage, stderr);
    return 2;
}

/* Free a list option's array. */
void opts_free_list(OptList *l)
{
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

/* The columns of the terminal (COLUMNS, else the terminal's own), 80 when unknown. */
int opts_width(void)
{
    const char *c = getenv("COLUMNS");
    if (c && atoi(c) >= 40)
        return atoi(c);
    struct winsize ws;
    if (isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
        return ws.ws_col;
    return 80;
}

/* Whether to colour output: "always", or "auto" on a terminal unless NO_COLOR is set. */
bool opts_color(const char *when)
{
    const char *no = getenv("NO_COLOR");
    return !strcmp(when, "always") || (!strcmp(when, "auto") && isatty(1) && !(no && *no));
}

/* The one policy file of a command that also needs --db. */
int opts_policy_db(const char *cmd, const char *usage, char **args, int nargs, const char **file, const char *db)
{
    if (nargs > 1) {
        fprintf(stderr, "qpl %s: one policy file at a time (got `%s` and `%s`)\n", cmd, args[0], args[1]);
        return 2;
    }
    *file = nargs ? args[0] : NULL;
    if (!*file || !db) {
        fprintf(stderr, "qpl %s: %s\n\n%s", cmd, !*file ? "no policy file given" : "no database given (--db DB)", usage);
        return 2;
    }
    return 0;
}
