/* cmd_report.c: `qpl report`: a policy's decisions as one self-contained
   HTML page for people (src/out/html.c), written to standard output or to
   a file that appears only when the whole run succeeds. */
#define _XOPEN_SOURCE 700       /* realpath */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../util/file.h"
#include "../util/mem.h"
#include "../util/strbuf.h"
#include "cli.h"
#include "evalrun.h"
#include "opts.h"

static const char report_usage[] =
    "usage: qpl report FILE --db DB [options]\n"
    "\n"
    "Write a report of a policy's decisions for people: one HTML page with a summary\n"
    "(subjects by RAG rating and by stage, the overdue deadlines), the Managed\n"
    "Placements Memo when the policy decides one, and every subject's decisions with\n"
    "why. The page needs nothing else: open it in a browser, print it or save it as PDF.\n"
    "\n"
    "options:\n"
    "  --db DB              the case database (required; opened read-only)\n"
    "  --as-of DATE         decide as of YYYY-MM-DD (default: today)\n"
    "  --param NAME=VALUE   override a policy parameter (repeatable)\n"
    "  --keep-going         report subjects with bad data as undetermined instead of stopping\n"
    "  -o, --output FILE    write the report to FILE (default: standard output); FILE is\n"
    "                       replaced only when the whole report has been written\n"
    "\n"
    "Exit status: 0 success, 1 policy or data errors, 2 usage error or unreadable file.\n";

/* The options that take a value, for finding `-o` among the arguments. */
static const char *const valued[] = {"db", "as-of", "param", "output"};

/* Whether argument arg is a long option that takes its value from the next argument. */
static bool takes_next(const char *arg)
{
    if (strncmp(arg, "--", 2) != 0 || !arg[2] || strchr(arg, '='))
        return false;
    for (size_t i = 0; i < sizeof valued / sizeof *valued; i++)
        if (!strncmp(valued[i], arg + 2, strlen(arg + 2)))
            return true;
    return false;
}

/* A copy of argv (NULL-terminated, in arena a) with `-o FILE` and `-oFILE`
   spelt as --output, up to a `--` (after which every argument is a file). */
static char **short_output(Arena *a, int argc, char **argv)
{
    char **v = arena_array(a, (size_t)argc + 1, sizeof *v);
    bool options = true;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        v[i] = argv[i];
        if (i == 0 || !options)
            continue;
        if (!strcmp(arg, "--"))
            options = false;
        else if (!strcmp(arg, "-o"))
            v[i] = "--output";
        else if (!strncmp(arg, "-o", 2))
            v[i] = arena_printf(a, "--output=%s", arg + 2);
        else if (takes_next(arg) && i + 1 < argc) {
            v[i + 1] = argv[i + 1];
            i++;
        }
    }
    return v;
}

/* Parse report's arguments into a and the output path (NULL: standard
   output); 0, -1 after --help, or the exit status to give. */
static int parse_args(int argc, char **argv, Arena *arena, EvalArgs *a, const char **output)
{
    memset(a, 0, sizeof *a);
    a->cmd = "report";
    a->format = "html";
    a->color = "never";
    a->explain = true;
    a->every_column = true;     /* the Memo shows columns no rule reads (area, address, contact) */
    a->out = stdout;
    a->as_of = opts_today();
    *output = NULL;
    const Opt opts[] = {
        {"db", OPT_TEXT, &a->db, NULL}, {"as-of", OPT_DATE, &a->as_of, NULL},
        {"param", OPT_LIST, &a->params, NULL}, {"keep-going", OPT_FLAG, &a->keep_going, NULL},
        {"output", OPT_TEXT, output, NULL},
    };
    char **rest;
    int nrest;
    int rc = opts_parse("report", report_usage, argc, short_output(arena, argc, argv), opts,
                        sizeof opts / sizeof *opts, &rest, &nrest);
    if (rc)
        return rc == 1 ? -1 : 2;
    if (opts_policy_db("report", report_usage, rest, nrest, &a->file, a->db) != 0)
        return 2;
    if (*output && !strcmp(*output, "-"))
        *output = NULL;
    return 0;
}

/* Whether the output path may be written: a new file, or an existing
   regular file that is not the case database (the same device and inode);
   else says why. */
static bool output_allowed(const char *out, const char *db)
{
    struct stat os, ds;
    if (stat(out, &os) != 0)
        return true;
    if (S_ISDIR(os.st_mode)) {
        fprintf(stderr, "qpl report: --output `%s` is a directory; name the report's file\n", out);
        return false;
    }
    if (!S_ISREG(os.st_mode)) {
        fprintf(stderr, "qpl report: --output `%s` is not a regular file; leave out --output to write to"
                        " standard output\n", out);
        return false;
    }
    if (stat(db, &ds) == 0 && os.st_dev == ds.st_dev && os.st_ino == ds.st_ino) {
        fprintf(stderr, "qpl report: --output `%s` is the case database; write the report to another file\n", out);
        return false;
    }
    return true;
}

/* A new temporary file beside path, open for writing, readable as a new
   file would be (the umask applies); its name in *tmp (malloc'd). NULL
   after a message. */
static FILE *open_beside(const char *path, char **tmp)
{
    const char *slash = strrchr(path, '/');
    char *dir = file_dir(path);
    Sb name = SB_INIT;
    sb_printf(&name, "%s/.%s.XXXXXX", dir, slash ? slash + 1 : path);
    free(dir);
    *tmp = xstrdup(sb_str(&name));
    sb_free(&name);
    int fd = mkstemp(*tmp);
    mode_t mask = umask(0);
    umask(mask);
    FILE *f = NULL;
    if (fd < 0 || fchmod(fd, 0666 & ~mask) != 0 || !(f = fdopen(fd, "w"))) {
        fprintf(stderr, "qpl report: cannot write `%s`: %s\n", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(*tmp);
        }
        free(*tmp);
        *tmp = NULL;
    }
    return f;
}

/* Run into a temporary file beside path (beside the file it links to, when
   it is a symbolic link) and rename it into place when the run and every
   write succeed; otherwise remove it. The exit status. */
static int report_to_file(EvalArgs *a, const char *output)
{
    char *real = realpath(output, NULL);
    const char *path = real ? real : output;
    char *tmp;
    FILE *f = open_beside(path, &tmp);
    if (!f) {
        free(real);
        return 2;
    }
    a->out = f;
    int status = eval_run(a);
    bool failed_write = ferror(f) != 0;
    if (fclose(f) != 0)
        failed_write = true;
    if (status == 0 && failed_write) {
        fprintf(stderr, "qpl report: cannot write `%s`: %s\n", path, strerror(errno ? errno : EIO));
        status = 2;
    }
    if (status == 0 && rename(tmp, path) != 0) {
        fprintf(stderr, "qpl report: cannot write `%s`: %s\n", path, strerror(errno));
        status = 2;
    }
    if (status != 0 && unlink(tmp) != 0 && errno != ENOENT)
        fprintf(stderr, "qpl report: cannot remove `%s`: %s\n", tmp, strerror(errno));
    free(tmp);
    free(real);
    return status;
}

/* `qpl report`: a policy's decisions as an HTML page for people. */
int cmd_report(int argc, char **argv)
{
    EvalArgs a;
    const char *output;
    Arena *arena = arena_new();
    int status = parse_args(argc, argv, arena, &a, &output);
    if (status == 0 && output && !output_allowed(output, a.db)) {
        status = 2;
    } else if (status == 0 && output) {
        status = report_to_file(&a, output);
    } else if (status == 0) {
        status = eval_run(&a);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "qpl report: cannot write the report to standard output\n");
            status = status ? status : 2;
        }
    }
    opts_free_list(&a.params);
    arena_free(arena);
    return status < 0 ? 0 : status;
}
