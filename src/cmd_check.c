/* cmd_check.c: `qpl check`, static checking of policy files. */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "cli.h"

static const char check_usage[] =
    "usage: qpl check FILE...\n"
    "\n"
    "Parse, resolve and type-check each policy file and the modules it uses.\n"
    "Every error is reported as file:line:col with the line and a caret.\n"
    "Exit status: 0 no errors, 1 errors found, 2 a file cannot be read.\n";

/* `qpl check FILE...`: check each file. Exit status 0 if clean, 1 on errors,
   2 if a file cannot be read. */
int cmd_check(int argc, char **argv)
{
    if (argc < 2) {
        fputs(check_usage, stderr);
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(check_usage, stdout);
            return 0;
        }
    }
    for (int i = 1; i < argc; i++) {
        Diags d;
        diags_init(&d, stderr);
        Program *p = program_load(argv[i], &d);
        if (!p) {
            fprintf(stderr, "qpl: error: cannot read `%s`\n", argv[i]);
            status = 2;
            continue;
        }
        if (d.errors == 0)
            check_unused(p);
        if (d.errors && status == 0)
            status = 1;
        program_free(p);
    }
    return status;
}
