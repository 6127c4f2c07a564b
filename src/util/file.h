/* file.h: reading whole input files: policies, modules, fixture SQL. Only
   regular files are read (a device or pipe named as a module could be read
   forever), and "-" means standard input, up to a size limit. */
#ifndef QPL_FILE_H
#define QPL_FILE_H

#include <stddef.h>

/* The most a file read through file_read may hold. */
#define QPL_MAX_FILE (256u << 20)

/* The whole of path ("-": standard input, when allow_stdin), NUL-terminated,
   malloc'd, its length in *len. NULL on failure, with the reason in *why
   ("no such file", "is a directory", ...; a static string). */
char *file_read(const char *path, int allow_stdin, size_t *len, const char **why);
/* The reason of the last file_read that failed (for callers of functions
   that read through it, such as program_load); a static string. */
const char *file_last_error(void);

/* "dir/name" (dir "": name), malloc'd. */
char *file_join(const char *dir, const char *name);
/* The directory part of a path ("." when it has none), malloc'd. */
char *file_dir(const char *path);

#endif
