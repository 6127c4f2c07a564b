/* cmd_initdb.c: `qpl init-db`, a new case database with the reference schema. */
#include <stdio.h>
#include <sys/stat.h>
#include "../facts/sqlite.h"
#include "cli.h"
#include "opts.h"

static const char init_usage[] =
    "usage: qpl init-db DB\n"
    "\n"
    "Create a new, empty case database with the reference schema (stdlib/schema.sql).\n";

/* `qpl init-db DB`: create a new case database; an existing file is never overwritten. */
int cmd_init_db(int argc, char **argv)
{
    char **args;
    int nargs;
    int rc = opts_args("init-db", init_usage, argc, argv, 1, 1, &args, &nargs);
    if (rc >= 0)
        return rc;
    struct stat st;
    if (lstat(args[0], &st) == 0) {
        fprintf(stderr, "qpl init-db: `%s` already exists; qpl does not overwrite case databases\n", args[0]);
        return 2;
    }
    Sb err = SB_INIT;
    rc = fsql_create(args[0], &err);
    if (rc != 0)
        fprintf(stderr, "qpl init-db: %s\n", sb_str(&err));
    sb_free(&err);
    if (rc != 0)
        return rc == -2 ? 2 : 1;
    printf("created %s with the reference schema (v1)\n", args[0]);
    return 0;
}
