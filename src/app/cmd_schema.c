/* cmd_schema.c: `qpl schema`, the tables a policy brings of its own, as SQL. */
#include <stdio.h>
#include "../check/program.h"
#include "../facts/sqlite.h"
#include "../util/file.h"
#include "cli.h"
#include "opts.h"

static const char schema_usage[] =
    "usage: qpl schema FILE\n"
    "\n"
    "Print the SQL that creates the tables and columns a policy binds beyond the\n"
    "reference schema (stdlib/schema.sql): a CREATE TABLE for each table of its\n"
    "own records (column types, NOT NULL for `required`, the key, a CHECK of the\n"
    "values of a scale or enumeration, an index on each linking column), and an\n"
    "ALTER TABLE for each column it adds to a reference table. `qpl init-db DB\n"
    "--policy FILE` creates a database with both.\n";

/* `qpl schema FILE`: print a policy's own tables. */
int cmd_schema(int argc, char **argv)
{
    char **args;
    int nargs;
    int rc = opts_args("schema", schema_usage, argc, argv, 1, 1, &args, &nargs);
    if (rc >= 0)
        return rc;
    Diags d;
    diag_init(&d, stderr);
    Program *p = program_load(args[0], &d);
    if (!p) {
        fprintf(stderr, "qpl: error: cannot read `%s`: %s\n", args[0], file_last_error());
        return 2;
    }
    int status = d.errors ? 1 : 0;
    Sb out = SB_INIT, err = SB_INIT;
    if (status == 0 && fsql_schema(p, &out, &err) != 0) {
        fprintf(stderr, "qpl schema: %s\n", sb_str(&err));
        status = 1;
    } else if (status == 0) {
        printf("-- The tables and columns policy `%s` binds beyond the reference schema\n"
               "-- (stdlib/schema.sql), as made by `qpl schema %s`.\n", program_name(p), args[0]);
        if (out.len)
            fputs(sb_str(&out), stdout);
        else
            puts("-- (none: the policy reads the reference schema only)");
    }
    sb_free(&out);
    sb_free(&err);
    program_free(p);
    return status;
}
