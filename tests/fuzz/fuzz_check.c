/* fuzz_check.c: libFuzzer target for the qpl front end.
 *
 * Each input is a policy source file. It is written to a private temporary
 * directory and loaded with program_load, exactly as `qpl check FILE` does:
 * the scanner, the parser, `use` of modules from the standard library (found
 * on QPL_PATH, set to the repository's stdlib/ below), `testing "..."`,
 * calendars, and the checker, then check_unused. Diagnostics go to /dev/null.
 *
 * Build and run: see docs/fuzzing.md (`make fuzz`).
 */
#define _XOPEN_SOURCE 700  /* realpath */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../../src/check/check.h"

static char input_path[4096];
static FILE *devnull;

/* The directory holding this executable's repository: build/fuzz_check -> repo. */
static void set_qpl_path(const char *argv0)
{
    if (getenv("QPL_PATH"))
        return;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        snprintf(exe, sizeof exe, "%s", argv0);
    else
        exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = 0;
    else
        snprintf(exe, sizeof exe, ".");
    char path[4200];
    snprintf(path, sizeof path, "%s/../stdlib", exe);
    char *real = realpath(path, NULL);
    if (real) {
        setenv("QPL_PATH", real, 1);
        free(real);
    } else {
        setenv("QPL_PATH", "stdlib", 1);
    }
}

static void remove_input(void)
{
    unlink(input_path);
    char *slash = strrchr(input_path, '/');
    if (slash) {
        *slash = 0;
        rmdir(input_path);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    set_qpl_path((*argc > 0) ? (*argv)[0] : "fuzz_check");
    /* Keep the load path off the stdlib: a private directory holding only the input. */
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    char dir[256];
    snprintf(dir, sizeof dir, "%s/qpl-fuzz-XXXXXX", base);
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        exit(1);
    }
    snprintf(input_path, sizeof input_path, "%s/input.qpl", dir);
    atexit(remove_input);
    devnull = fopen("/dev/null", "w");
    if (!devnull) {
        perror("/dev/null");
        exit(1);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(input_path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);

    Diags d;
    diag_init(&d, devnull);
    Program *p = program_load(input_path, &d);
    if (!p)
        abort();    /* the file was just written: it must be readable */
    if (d.errors == 0)
        check_unused(p);
    program_free(p);
    return 0;
}
