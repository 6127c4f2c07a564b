/* file.c: whole-file reading with a size limit, for regular files and stdin. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "file.h"
#include "mem.h"

/* Read all of f, up to QPL_MAX_FILE bytes. */
static char *read_stream(FILE *f, size_t *len, const char **why)
{
    size_t cap = 4096, n = 0, got;
    char *buf = xmalloc(cap + 1);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n > QPL_MAX_FILE) {
            free(buf);
            *why = "it is larger than the 256 MiB a policy or fixture file may hold";
            return NULL;
        }
        if (n == cap) {
            cap *= 2;
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
    const char *dwhy;
    if (!len)
        len = &dummy;
    if (!why)
        why = &dwhy;
    if (allow_stdin && !strcmp(path, "-"))
        return read_stream(stdin, len, why);
    struct stat st;
    if (stat(path, &st) != 0) {
        *why = open_error();
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        *why = "it is a directory";
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        *why = "it is not a regular file";
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        *why = open_error();
        return NULL;
    }
    char *buf = read_stream(f, len, why);
    fclose(f);
    return buf;
}
