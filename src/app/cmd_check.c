/* cmd_check.c: `qpl check`, static checking of policy files, and with --db
   of their bindings against a case database. */
#include <stdio.h>
#include "../check/check.h"
#include "../facts/sqlite.h"
#include "../util/file.h"
#include "cli.h"
#include "opts.h"

static const char check_usage[] =
    "usage: qpl check FILE... [--strict] [--db DB]\n"
    "\n"
    "Parse, resolve and type-check each policy file and the modules it uses.\n"
    "Every error is reported as file:line:col with the line and a caret; so are\n"
    "warnings (a parameter or definition never used, a decision citing no clause).\n"
    "\n"
    "options:\n"
    "  --strict   count warnings as errors (the bundled policies pass with it)\n"
    "  --db DB    also check the bindings against a case database, without\n"
    "             evaluating: the tables and columns the policy reads exist, and\n"
    "             their values are of the storage type the policy expects\n"
    "\n"
    "Exit status: 0 no errors, 1 errors found, 2 a file cannot be read.\n";

/* Check a program's bindings against the case database at path; the exit status. */
static int check_db(const Program *p, const char *path, Diags *d)
{
    FactSource *fs = fsql_open(path);
    if (!fs)
        return 2;
    int errors = facts_check(fs, p, false, d);
    if (errors == 0)
        errors = facts_check_values(fs, p, d);
    facts_close(fs);
    return errors ? 1 : 0;
}

/* Check a program's records against the reference schema and the tables it
   brings (a column a record binds that is in neither is a mistake); the
   exit status. */
static int check_reference(const Program *p, Diags *d)
{
    Sb err = SB_INIT;
    FactSource *ref = fsql_reference_for(p, &err);
    if (!ref)
        fprintf(stderr, "qpl: error: %s\n", sb_str(&err));
    sb_free(&err);
    if (!ref)
        return 1;
    int errors = facts_check(ref, p, true, d);
    facts_close(ref);
    return errors ? 1 : 0;
}

/* Check one policy file; the exit status for it. */
static int check_file(const char *file, bool strict, const char *db)
{
    Diags d;
    diag_init(&d, stderr);
    d.strict = strict;
    Program *p = program_load(file, &d);
    if (!p) {
        fprintf(stderr, "qpl: error: cannot read `%s`: %s\n", file, file_last_error());
        return 2;
    }
    if (d.errors == 0) {
        check_unused(p);
        check_cites(p);
    }
    int status = d.errors ? 1 : 0;
    if (status == 0)
        status = db ? check_db(p, db, &d) : check_reference(p, &d);
    program_free(p);
    return status;
}

/* `qpl check FILE...`: check each file. */
int cmd_check(int argc, char **argv)
{
    bool strict = false;
    const char *db = NULL;
    const Opt opts[] = {{"strict", OPT_FLAG, &strict, NULL}, {"db", OPT_TEXT, &db, NULL}};
    char **files;
    int nfiles;
    int rc = opts_parse("check", check_usage, argc, argv, opts, sizeof opts / sizeof *opts, &files, &nfiles);
    if (rc)
        return rc == 1 ? 0 : 2;
    if (nfiles == 0) {
        fprintf(stderr, "qpl check: no policy file given\n\n%s", check_usage);
        return 2;
    }
    int status = 0;
    for (int i = 0; i < nfiles; i++) {
        int s = check_file(files[i], strict, db);
        if (s > status)
            status = s;
    }
    return status;
}
