/* main.c: the qpl command line: dispatch to a subcommand. */
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__     /* (defined by the headers above) */
#include <malloc.h>
#endif
#include "../check/load.h"
#include "cli.h"

static const char usage[] =
    "usage: qpl COMMAND [ARGS]\n"
    "\n"
    "qpl evaluates care-quality policies written in the qpl language.\n"
    "\n"
    "commands:\n"
    "  check FILE...        parse, resolve and type-check policy files\n"
    "  eval FILE --db DB    evaluate a policy against a case database\n"
    "  report FILE --db DB  write a policy's decisions as an HTML page for people\n"
    "  test [PATH...]       run fixture cases\n"
    "  repl [FILE]          interactive what-if session\n"
    "  init-db DB           create an empty case database with the reference schema\n"
    "  schema FILE          print the SQL of the tables a policy brings of its own\n"
    "\n"
    "Run `qpl COMMAND --help` for a command's options; `qpl --version` for the version.\n";

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"check", cmd_check}, {"eval", cmd_eval}, {"report", cmd_report}, {"test", cmd_test}, {"repl", cmd_repl},
    {"init-db", cmd_init_db}, {"schema", cmd_schema},
};

/* Run the qpl command named by the first argument; returns its exit status. */
int main(int argc, char **argv)
{
    load_set_exe_dir(argv[0]);
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);   /* large blocks (scans' slabs) go back to the system when freed */
#endif
    if (argc < 2) {
        fputs(usage, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("qpl %s\n", QPL_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(cmd, commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "qpl: unknown command `%s`\n\n%s", cmd, usage);
    return 2;
}
