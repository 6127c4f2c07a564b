/* cmd_initdb.c: `qpl init-db`, a new case database with the reference
   schema, and the tables of a policy when one is given. */
#include <stdio.h>
#include <sys/stat.h>
#include "../check/program.h"
#include "../facts/sqlite.h"
#include "../util/file.h"
#include "cli.h"
#include "opts.h"

static const char init_usage[] =
    "usage: qpl init-db DB [--policy FILE]\n"
    "\n"
    "Create a new, empty case database with the reference schema (stdlib/schema.sql)\n"
    "and, with --policy, the tables and columns that policy binds beyond it (what\n"
    "`qpl schema FILE` prints). An existing file is never overwritten.\n";

/* Create the database at path (with policy's tables when policy is not NULL); the exit status. */
static int create(const char *path, const char *policy)
{
    Program *p = NULL;
    Diags d;
    diag_init(&d, stderr);
    if (policy && !(p = program_load(policy, &d))) {
        fprintf(stderr, "qpl: error: cannot read `%s`: %s\n", policy, file_last_error());
        return 2;
    }
    if (p && d.errors) {
        program_free(p);
        return 1;
    }
    Sb err = SB_INIT;
    int rc = fsql_create(path, p, &err);
    if (rc != 0)
        fprintf(stderr, "qpl init-db: %s\n", sb_str(&err));
    else if (p)
        printf("created %s with the reference schema (v1.1) and the tables of policy `%s`\n", path, program_name(p));
    else
        printf("created %s with the reference schema (v1.1)\n", path);
    sb_free(&err);
    program_free(p);
    return rc == 0 ? 0 : rc == -2 ? 2 : 1;
}

/* `qpl init-db DB [--policy FILE]`: create a new case database. */
int cmd_init_db(int argc, char **argv)
{
    const char *policy = NULL;
    const Opt opts[] = {{"policy", OPT_TEXT, &policy, NULL}};
    char **args;
    int nargs;
    int rc = opts_parse("init-db", init_usage, argc, argv, opts, 1, &args, &nargs);
    if (rc)
        return rc == 1 ? 0 : 2;
    if (nargs != 1) {
        fprintf(stderr, "qpl init-db: give one database file to create\n\n%s", init_usage);
        return 2;
    }
    struct stat st;
    if (lstat(args[0], &st) == 0) {
        fprintf(stderr, "qpl init-db: `%s` already exists; qpl does not overwrite case databases\n", args[0]);
        return 2;
    }
    return create(args[0], policy);
}
