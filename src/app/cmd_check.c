/* cmd_check.c: `qpl check`, static checking of policy files. */
#include <stdio.h>
#include "../check/check.h"
#include "cli.h"
#include "opts.h"

static const char check_usage[] =
    "usage: qpl check FILE...\n"
    "\n"
    "Parse, resolve and type-check each policy file and the modules it uses.\n"
    "Every error is reported as file:line:col with the line and a caret.\n"
    "Exit status: 0 no errors, 1 errors found, 2 a file cannot be read.\n";

/* `qpl check FILE...`: check each file. */
int cmd_check(int argc, char **argv)
{
    char **files;
    int nfiles;
    int status = opts_args("check", check_usage, argc, argv, 1, -1, &files, &nfiles);
    if (status >= 0)
        return status;
    status = 0;
    for (int i = 0; i < nfiles; i++) {
        Diags d;
        diag_init(&d, stderr);
        Program *p = program_load(files[i], &d);
        if (!p) {
            fprintf(stderr, "qpl: error: cannot read `%s`\n", files[i]);
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
