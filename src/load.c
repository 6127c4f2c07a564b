/* load.c: finds policy files and modules on the search path and reads them. */
#define _XOPEN_SOURCE 700
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "program.h"

#ifndef QPL_SHARE
#define QPL_SHARE "/usr/local/share/qpl"
#endif

static char exe_dir[PATH_MAX];

/* Remember the directory holding the running executable. */
void set_exe_dir(const char *argv0)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) {
        buf[n] = 0;
    } else {
        snprintf(buf, sizeof buf, "%s", argv0);
    }
    char *slash = strrchr(buf, '/');
    if (slash) {
        *slash = 0;
        snprintf(exe_dir, sizeof exe_dir, "%s", buf);
    }
}

/* Whether path names a readable file. */
static bool readable(const char *path)
{
    return access(path, R_OK) == 0;
}

/* A found file's path, without `..` detours (build/../stdlib/x is stdlib/x). */
static char *found(const char *path)
{
    char *rp = realpath(path, NULL);
    return rp ? rp : strdup(path);
}

/* Try dir/name.ext and dir/calendars/name.ext; return a malloc'd path or NULL. */
static char *try_dir(const char *dir, const char *name, const char *ext)
{
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s/%s%s", dir, name, ext);
    if (readable(buf))
        return found(buf);
    snprintf(buf, sizeof buf, "%s/calendars/%s%s", dir, name, ext);
    if (readable(buf))
        return found(buf);
    return NULL;
}

/* Find name+ext next to `near`, on QPL_PATH, in the stdlib beside the
   executable, then in the installed share directory. */
char *find_module_file(const char *name, const char *ext, const char *near)
{
    char *r;
    if (near) {
        char dir[PATH_MAX];
        snprintf(dir, sizeof dir, "%s", near);
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = 0;
        else
            snprintf(dir, sizeof dir, ".");
        if ((r = try_dir(dir, name, ext)))
            return r;
    }
    const char *env = getenv("QPL_PATH");
    if (env && *env) {
        char *copy = strdup(env), *save = NULL;
        for (char *d = strtok_r(copy, ":", &save); d; d = strtok_r(NULL, ":", &save))
            if ((r = try_dir(d, name, ext))) {
                free(copy);
                return r;
            }
        free(copy);
    }
    if (exe_dir[0]) {
        char dir[PATH_MAX + 16];
        snprintf(dir, sizeof dir, "%s/stdlib", exe_dir);
        if ((r = try_dir(dir, name, ext)))
            return r;
        snprintf(dir, sizeof dir, "%s/../stdlib", exe_dir);
        if ((r = try_dir(dir, name, ext)))
            return r;
        snprintf(dir, sizeof dir, "%s/../share/qpl", exe_dir);
        if ((r = try_dir(dir, name, ext)))
            return r;
    }
    return try_dir(QPL_SHARE, name, ext);
}

#include "check.h"
#include "parser.h"

/* Read a whole file into memory, NUL-terminated; NULL if it cannot be read. */
char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    bool err = ferror(f);
    fclose(f);
    if (err || !buf) {
        free(buf);
        return NULL;
    }
    buf[n] = 0;
    if (len)
        *len = n;
    return buf;
}

/* The path relative to the working directory when it lies below it. */
static const char *shorten(const char *path)
{
    static char cwd[PATH_MAX];
    if (!cwd[0] && !getcwd(cwd, sizeof cwd))
        return path;
    size_t n = strlen(cwd);
    if (path[0] == '/' && !strncmp(path, cwd, n) && path[n] == '/')
        return path + n + 1;
    return path;
}

/* Parse one file into p, loading the modules it uses first. */
static SourceFile *load_file(Program *p, const char *path, bool is_main)
{
    path = shorten(path);
    for (int i = 0; i < p->files.n; i++)
        if (!strcmp(((SourceFile *)p->files.v[i])->path, path))
            return p->files.v[i];
    /* Only the file named on the command line may be a pipe or a device:
       `testing "/dev/zero"` must not read forever. */
    struct stat st;
    if (p->files.n > 0 && (stat(path, &st) != 0 || !S_ISREG(st.st_mode)))
        return NULL;
    size_t len = 0;
    char *text = read_file(path, &len);
    if (!text)
        return NULL;
    SourceFile *f = arena_alloc(p->arena, sizeof *f);
    f->path = arena_strdup(p->arena, path);
    f->src = arena_strndup(p->arena, text, len);
    f->len = len;
    free(text);
    vec_push(p->arena, &p->files, f);
    if (memchr(f->src, 0, len)) {
        diag_error(p->diags, f, (Loc){0, 0, 0, 0}, "policy files are plain UTF-8 text", "this is not a text file");
        return f;
    }
    parse_source(p->arena, p->diags, f);
    for (int i = 0; i < f->decls.n; i++) {
        Decl *d = f->decls.v[i];
        if (d->kind != D_USE)
            continue;
        if (d->u.policy.source && !strcmp(d->u.policy.source, "testing")) {
            char buf[PATH_MAX];
            const char *slash = strrchr(path, '/');
            if (d->name[0] == '/' || !slash)
                snprintf(buf, sizeof buf, "%s", d->name);
            else
                snprintf(buf, sizeof buf, "%.*s/%s", (int)(slash - path), path, d->name);
            char *rp = realpath(buf, NULL);
            SourceFile *pol = load_file(p, rp ? rp : buf, true);
            free(rp);
            if (!pol)
                diag_error(p->diags, f, d->nloc, "the path is relative to this file", "cannot read policy `%s`", buf);
            else if (!p->testing) {
                p->testing = pol->path;
                p->main = pol;
            }
            continue;
        }
        char *mp = find_module_file(d->name, ".qpl", path);
        if (!mp) {
            diag_error(p->diags, f, d->nloc, "modules are found next to the file, on QPL_PATH, and in the standard library",
                       "cannot find module `%s`", d->name);
            continue;
        }
        load_file(p, mp, false);
        free(mp);
    }
    for (int i = 0; i < f->decls.n; i++)
        vec_push(p->arena, &p->decls, f->decls.v[i]);
    if (is_main && !p->main)
        p->main = f;
    return f;
}

/* Load the calendar a policy names, plus its closure days. */
static void load_calendar(Program *p)
{
    if (!p->calendar_name)
        return;
    char *path = find_module_file(p->calendar_name, ".csv", p->main ? p->main->path : NULL);
    if (!path) {
        diag_error(p->diags, p->policy->file, p->policy->u.policy.cloc,
                   "calendars are CSV files of holidays in the standard library's calendars/ folder",
                   "unknown calendar `%s`", p->calendar_name);
        return;
    }
    p->cal = calendar_new(p->calendar_name);
    char err[512];
    if (calendar_load_csv(p->cal, path, err, sizeof err) != 0)
        diag_plain(p->diags, "%s", err);
    free(path);
    for (int i = 0; i < p->closures.n; i++) {
        Decl *d = p->closures.v[i];
        calendar_add_holiday(p->cal, d->u.closed.date->u.date.day);
    }
}

/* An empty program: the built-in types and `as_of` only. */
Program *program_new(Diags *d)
{
    Program *p = calloc(1, sizeof *p);
    p->arena = arena_new();
    p->diags = d;
    program_init_types(p);
    Sym *asof = arena_alloc(p->arena, sizeof *asof);
    asof->kind = S_ASOF;
    asof->name = "as_of";
    asof->type = p->t_date;
    vec_push(p->arena, &p->syms, asof);
    return p;
}

/* Load and check a policy file with its modules; NULL only when the file cannot be read. */
Program *program_load(const char *path, Diags *d)
{
    Program *p = program_new(d);
    SourceFile *f = load_file(p, path, true);
    if (!f) {
        program_free(p);
        return NULL;
    }
    check_program(p, 0);
    load_calendar(p);
    return p;
}

/* Add more source (a REPL line) to a loaded program and check it. */
int program_add_source(Program *p, SourceFile *f)
{
    int before = p->diags->errors;
    int from = p->decls.n;
    parse_source(p->arena, p->diags, f);
    for (int i = 0; i < f->decls.n; i++)
        vec_push(p->arena, &p->decls, f->decls.v[i]);
    if (p->diags->errors == before)
        check_program(p, from);
    return p->diags->errors - before;
}

/* Free a program, its calendar and everything in its arena. */
void program_free(Program *p)
{
    if (!p)
        return;
    if (p->cal)
        calendar_free(p->cal);
    arena_free(p->arena);
    free(p);
}
