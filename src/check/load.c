/* load.c: finds a policy's modules and calendar on the search path, reads
   and parses them into the program (modules first). */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../front/parse.h"
#include "../util/file.h"
#include "../util/mem.h"
#include "load.h"

#ifndef QPL_SHARE
#define QPL_SHARE "/usr/local/share/qpl"
#endif

static char exe_dir[PATH_MAX];

/* Remember the directory holding the running executable. */
void load_set_exe_dir(const char *argv0)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0)
        buf[n] = 0;
    else
        snprintf(buf, sizeof buf, "%s", argv0);
    char *slash = strrchr(buf, '/');
    if (slash) {
        *slash = 0;
        snprintf(exe_dir, sizeof exe_dir, "%s", buf);
    }
}

/* A found file's path, without `..` detours (build/../stdlib/x is stdlib/x). */
static char *found(const char *path)
{
    char *rp = realpath(path, NULL);
    return rp ? rp : xstrdup(path);
}

/* dir/sub/name.ext when it can be read (a malloc'd path), else NULL. */
static char *try_file(const char *dir, const char *sub, const char *name, const char *ext)
{
    size_t n = strlen(dir) + strlen(sub) + strlen(name) + strlen(ext) + 3;
    char *path = xmalloc(n);
    snprintf(path, n, "%s/%s%s%s", dir, sub, name, ext);
    char *r = access(path, R_OK) == 0 ? found(path) : NULL;
    free(path);
    return r;
}

/* Try dir/name.ext and dir/calendars/name.ext; a malloc'd path or NULL. */
static char *try_dir(const char *dir, const char *name, const char *ext)
{
    char *r = try_file(dir, "", name, ext);
    return r ? r : try_file(dir, "calendars/", name, ext);
}

/* Try each folder of QPL_PATH (colon-separated). */
static char *try_path(const char *name, const char *ext)
{
    const char *env = getenv("QPL_PATH");
    if (!env || !*env)
        return NULL;
    char *copy = xstrdup(env), *save = NULL, *r = NULL;
    for (char *d = strtok_r(copy, ":", &save); d && !r; d = strtok_r(NULL, ":", &save))
        r = try_dir(d, name, ext);
    free(copy);
    return r;
}

/* Try the standard library beside the executable, in the build tree or installed. */
static char *try_exe(const char *name, const char *ext)
{
    static const char *const below[] = {"stdlib", "../stdlib", "../share/qpl"};
    char *r = NULL;
    for (size_t i = 0; exe_dir[0] && !r && i < sizeof below / sizeof *below; i++) {
        char *dir = file_join(exe_dir, below[i]);
        r = try_dir(dir, name, ext);
        free(dir);
    }
    return r;
}

/* Find name+ext next to `near`, on QPL_PATH, in the stdlib beside the
   executable, then in the installed share directory. */
char *load_find(const char *name, const char *ext, const char *near)
{
    char *r = NULL;
    if (near) {
        char *dir = file_dir(near);
        r = try_dir(dir, name, ext);
        free(dir);
    }
    if (!r)
        r = try_path(name, ext);
    if (!r)
        r = try_exe(name, ext);
    return r ? r : try_dir(QPL_SHARE, name, ext);
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

static const SourceFile *load_file(Program *p, const char *path, bool first);

/* The policy a fixture file names with `testing "PATH"` (relative to the fixture). */
static void load_tested(Program *p, const SourceFile *f, const Decl *d)
{
    const char *name = d->u.testing.path;
    char *dir = file_dir(f->path);
    char *path = name[0] == '/' || !strchr(f->path, '/') ? xstrdup(name) : file_join(dir, name);
    char *rp = realpath(path, NULL);
    const SourceFile *pol = load_file(p, rp ? rp : path, false);
    free(rp);
    if (!pol)
        diag_error(p->diags, f, d->nloc, "the path is relative to this file", "cannot read policy `%s`", path);
    else if (!p->main)
        p->main = pol;
    free(path);
    free(dir);
}

/* Load the modules and tested policy a parsed file names. */
static void load_uses(Program *p, const SourceFile *f, Vec *decls)
{
    for (int i = 0; i < decls->n; i++) {
        Decl *d = decls->v[i];
        if (d->kind == D_TESTING) {
            load_tested(p, f, d);
            continue;
        }
        if (d->kind != D_USE)
            continue;
        char *mp = load_find(d->name, ".qpl", f->path);
        if (!mp) {
            diag_error(p->diags, f, d->nloc, "modules are found next to the file, on QPL_PATH, and in the standard library",
                       "cannot find module `%s`", d->name);
            continue;
        }
        load_file(p, mp, false);
        free(mp);
    }
}

/* Parse one file into p, loading the modules it uses first. NULL when it
   cannot be read; a file already loaded is not loaded again. */
static const SourceFile *load_file(Program *p, const char *path, bool first)
{
    path = shorten(path);
    for (int i = 0; i < p->files.n; i++)
        if (!strcmp(((SourceFile *)p->files.v[i])->path, path))
            return p->files.v[i];
    size_t len = 0;
    char *text = file_read(path, first, &len, NULL);
    if (!text)
        return NULL;
    SourceFile *f = loc_file(p->arena, !strcmp(path, "-") && first ? "<stdin>" : path, text, len);
    free(text);
    vec_push(p->arena, &p->files, f);
    if (memchr(f->text, 0, len)) {
        diag_error(p->diags, f, (Loc){0, 0, 0, 0}, "policy files are plain UTF-8 text", "this is not a text file");
        return f;
    }
    Vec decls = {0};
    parse_text(p->arena, p->diags, f, "", NULL, &decls);
    load_uses(p, f, &decls);
    for (int i = 0; i < decls.n; i++)
        vec_push(p->arena, &p->decls, decls.v[i]);
    return f;
}

/* Parse the file at path and every module it uses into p. */
const SourceFile *load_program(Program *p, const char *path)
{
    const SourceFile *f = load_file(p, path, true);
    if (!f)
        return NULL;
    if (p->main && p->main != f)
        p->fixture = f;
    else
        p->main = f;
    return f;
}

/* Load the calendar a policy names, plus its closure days. */
void load_calendar(Program *p)
{
    if (!p->calendar_name)
        return;
    char *path = load_find(p->calendar_name, ".csv", p->main ? p->main->path : NULL);
    if (!path) {
        diag_error(p->diags, p->policy->file, p->policy->u.policy.cloc,
                   "calendars are CSV files of holidays in the standard library's calendars/ folder",
                   "unknown calendar `%s`", p->calendar_name);
        return;
    }
    p->cal = calendar_new(p->calendar_name);
    char err[PATH_MAX + 256];  /* (the path was opened, so it fits) */
    if (calendar_load_csv(p->cal, path, err, sizeof err) != 0)
        diag_plain(p->diags, "%s", err);
    free(path);
    for (int i = 0; i < p->closures.n; i++) {
        Decl *d = p->closures.v[i];
        calendar_add_holiday(p->cal, d->u.closure.date->u.date.day);
    }
}

/* Whether source text declares a scale, enumeration or record called name. */
static bool declares(const char *text, const char *name)
{
    static const char *const kinds[] = {"scale ", "enum ", "record "};
    size_t n = strlen(name);
    for (const char *line = text; line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
        for (int k = 0; k < 3; k++) {
            size_t kl = strlen(kinds[k]);
            if (!strncmp(line, kinds[k], kl) && !strncmp(line + kl, name, n) &&
                (line[kl + n] == ':' || line[kl + n] == ' '))
                return true;
        }
    return false;
}

/* The standard library module that declares a scale, enumeration or record
   called name, or NULL. */
char *load_module_defining(const char *name)
{
    char *ref = load_find("reference", ".qpl", NULL);
    char *dir = ref ? file_dir(ref) : NULL;
    free(ref);
    DIR *d = dir ? opendir(dir) : NULL;
    char *found = NULL;
    for (struct dirent *e; d && !found && (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".qpl"))
            continue;
        char *path = file_join(dir, e->d_name);
        char *text = file_read(path, 0, NULL, NULL);
        if (text && declares(text, name))
            found = xstrndup(e->d_name, len - 4);
        free(text);
        free(path);
    }
    if (d)
        closedir(d);
    free(dir);
    return found;
}
