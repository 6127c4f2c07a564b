/* file.c: whole-file reading with a size limit, for regular files and stdin. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "file.h"
#include "mem.h"

/* Why the last file_read that failed could not read its file (per
   thread: each thread asks about its own reads). */
static _Thread_local const char *last_error;

/* Read all of f, up to QPL_MAX_FILE bytes (what stands for f in messages: what). */
static char *read_stream(FILE *f, const char *what, size_t *len, const char **why)
{
    size_t cap = 4096, n = 0, got;
    char *buf = xmalloc(cap + 1);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n > QPL_MAX_FILE) {
            free(buf);
            *why = what;
            return NULL;
        }
        if (n == cap) {
            cap = cap * 2 > QPL_MAX_FILE ? QPL_MAX_FILE + 1 : cap * 2;
            buf = xrealloc(buf, cap + 1);
        }
    }
    if (ferror(f)) {
        free(buf);
        *why = "it cannot be read";
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

/* The reason a path cannot be opened, from errno. */
static const char *open_error(void)
{
    return errno == ENOENT ? "there is no such file" : errno == EACCES ? "permission is denied" : "it cannot be opened";
}

/* Why a file of this kind is not read, or NULL for a regular file of a size that may be read. */
static const char *not_regular(const struct stat *st)
{
    if (S_ISDIR(st->st_mode))
        return "it is a directory";
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
        return "it is a device, not a regular file";
    if (S_ISFIFO(st->st_mode))
        return "it is a named pipe, not a regular file (give `-` to read standard input)";
    if (!S_ISREG(st->st_mode))
        return "it is not a regular file";
    if ((unsigned long long)st->st_size > QPL_MAX_FILE)
        return "it is larger than 256 MiB, more than a policy or fixture file may hold";
    return NULL;
}

/* Why the last file_read that failed could not read its file. */
const char *file_last_error(void)
{
    return last_error ? last_error : "it cannot be read";
}

/* Join a directory and a name. */
char *file_join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *s = xmalloc(a + b + 2);
    memcpy(s, dir, a);
    s[a] = '/';
    memcpy(s + (a ? a + 1 : 0), name, b + 1);
    return s;
}

/* The directory of a path. */
char *file_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
}

/* Read a whole regular file (or standard input) into memory. */
char *file_read(const char *path, int allow_stdin, size_t *len, const char **why)
{
    size_t dummy;
    if (!len)
        len = &dummy;
    if (!why)
        why = &last_error;
    char *buf = NULL;
    struct stat st;
    if (allow_stdin && !strcmp(path, "-")) {
        buf = read_stream(stdin, "standard input is larger than 256 MiB, more than a policy may hold", len, why);
    } else if (stat(path, &st) != 0) {
        *why = open_error();
    } else if ((*why = not_regular(&st)) == NULL) {
        FILE *f = fopen(path, "rb");
        if (!f)
            *why = open_error();
        else
            buf = read_stream(f, "it is larger than 256 MiB, more than a policy or fixture file may hold", len, why);
        if (f)
            fclose(f);
    }
    if (!buf)
        last_error = *why;
    return buf;
}
