/* opts.h: command-line options, parsed with getopt_long for every command:
   --name value and --name=value, `--` ends the options, `-` is an argument.
   Values are checked here (dates, numbers); a bad one is a usage error. */
#ifndef QPL_OPTS_H
#define QPL_OPTS_H

#include <stdbool.h>
#include "../runtime/date.h"

typedef enum {
    OPT_FLAG,               /* target: bool */
    OPT_TEXT,               /* target: const char * */
    OPT_DATE,               /* target: qdate (YYYY-MM-DD) */
    OPT_PERCENT,            /* target: double, from 0 to 100 */
    OPT_LIST,               /* target: OptList, repeatable */
    OPT_COUNT               /* target: int, a whole number from 1 up */
} OptKind;

typedef struct OptList {
    const char **v;
    int n;
} OptList;

typedef struct Opt {
    const char *name;       /* without the leading -- */
    OptKind kind;
    void *target;
    bool *given;            /* may be NULL: set when the option is given */
} Opt;

/* Parse argv[1..] for command cmd (argv[0] is the command's name). An
   option may also have a letter (-j N for --jobs N: the table in opts.c). The
   arguments that are not options go to *args (argv's own strings), *nargs
   of them. 0 when parsed; 1 when --help was printed (exit 0); 2 after a
   usage error was printed to stderr (exit 2). */
int  opts_parse(const char *cmd, const char *usage, int argc, char **argv, const Opt *opts, int nopts,
                char ***args, int *nargs);
/* For a command whose only option is --help: its arguments, min to max of
   them (max -1: any number). -1 when they are fine; otherwise the exit status
   to give (0 after --help, 2 after the usage was printed to stderr). */
int  opts_args(const char *cmd, const char *usage, int argc, char **argv, int min, int max, char ***args, int *nargs);
void opts_free_list(OptList *l);
/* For a command run on one policy file and a database (--db): the file from
   its arguments, in *file. 0, or 2 after the usage error was printed. */
int  opts_policy_db(const char *cmd, const char *usage, char **args, int nargs, const char **file, const char *db);
/* Today's date in the local time zone (the default of --as-of). */
qdate opts_today(void);

/* The columns of the terminal (COLUMNS, else the terminal's own), 80 when unknown. */
int opts_width(void);

/* Whether to colour output: "always", or "auto" on a terminal unless NO_COLOR is set. */
bool opts_color(const char *when);

#endif
