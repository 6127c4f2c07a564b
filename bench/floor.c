/* floor.c: the read-and-write floor of the qpl benchmark.
 *
 * usage: floor DB OUTPUT_FILE TABLE...
 *
 * Opens DB read-only and, for each TABLE, runs SELECT * FROM "TABLE" (plain
 * rowid order), steps every row and reads every column with the
 * sqlite3_column_* call that matches the value's storage type (text and blobs
 * with their byte counts, integers, reals), folding everything into a
 * checksum so that no read can be optimised away. Then it copies the bytes of
 * OUTPUT_FILE (the output `qpl eval` printed for the same database, saved
 * beforehand) to standard output in large blocks.
 *
 * That is the least any evaluator of the benchmark policy has to do: read
 * the facts it depends on once and write its answer. bench/run.sh builds it
 * (cc -O2 ... -lsqlite3) into bench/data/floor and times it beside qpl. The
 * checksum and row count go to standard error; the exit status is 0, or 1
 * with a message on any SQLite or I/O error, or 2 on a usage error.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#define BLOCK (1 << 20)

static const char *prog = "floor";

/* Report an SQLite error (what was being done, SQLite's message, the code) and exit 1. */
static void die_db(sqlite3 *db, const char *table, const char *what, int rc)
{
    fprintf(stderr, "%s: %s%s%s%s: %s (SQLite result code %d)\n", prog, table ? "table " : "", table ? table : "",
            table ? ": " : "", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc), rc);
    exit(1);
}

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

static uint64_t mix_bytes(uint64_t h, const unsigned char *p, int n)
{
    /* FNV-1a over the bytes, folded in */
    uint64_t f = 0xcbf29ce484222325ULL;
    for (int i = 0; i < n; i++)
        f = (f ^ p[i]) * 0x100000001b3ULL;
    return mix(h, f ^ (uint64_t)n);
}

/* Read every row and column of one table; returns the number of rows. */
static long long scan_table(sqlite3 *db, const char *table, uint64_t *sum)
{
    char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", table);
    if (!sql)
        die_db(NULL, table, "building the query", SQLITE_NOMEM);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK)
        die_db(db, table, "cannot prepare the SELECT", rc);
    int ncol = sqlite3_column_count(st);
    long long rows = 0;
    uint64_t h = *sum;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rows++;
        for (int c = 0; c < ncol; c++) {
            switch (sqlite3_column_type(st, c)) {
            case SQLITE_INTEGER:
                h = mix(h, (uint64_t)sqlite3_column_int64(st, c));
                break;
            case SQLITE_FLOAT: {
                double d = sqlite3_column_double(st, c);
                uint64_t u;
                memcpy(&u, &d, sizeof u);
                h = mix(h, u);
                break;
            }
            case SQLITE_TEXT: {
                const unsigned char *t = sqlite3_column_text(st, c);
                int n = sqlite3_column_bytes(st, c);
                if (!t)
                    die_db(NULL, table, "reading a text column", SQLITE_NOMEM);
                h = mix_bytes(h, t, n);
                break;
            }
            case SQLITE_BLOB: {
                const void *b = sqlite3_column_blob(st, c);
                int n = sqlite3_column_bytes(st, c);
                if (!b && n > 0)
                    die_db(NULL, table, "reading a blob column", SQLITE_NOMEM);
                h = mix_bytes(h, b, n);
                break;
            }
            default: /* SQLITE_NULL */
                h = mix(h, 0x6e756c6cULL);
                break;
            }
        }
    }
    if (rc != SQLITE_DONE) {
        die_db(db, table, "reading rows", rc);
    }
    rc = sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        die_db(db, table, "finalizing the SELECT", rc);
    *sum = h;
    return rows;
}

/* Copy a file to standard output in large blocks; returns the byte count. */
static long long copy_out(const char *path)
{
    FILE *in = fopen(path, "rb");
    if (!in) {
        fprintf(stderr, "%s: cannot open %s: %s\n", prog, path, strerror(errno));
        exit(1);
    }
    char *buf = malloc(BLOCK);
    if (!buf) {
        fprintf(stderr, "%s: out of memory\n", prog);
        exit(1);
    }
    long long total = 0;
    size_t n;
    while ((n = fread(buf, 1, BLOCK, in)) > 0) {
        if (fwrite(buf, 1, n, stdout) != n) {
            fprintf(stderr, "%s: writing standard output: %s\n", prog, strerror(errno));
            exit(1);
        }
        total += (long long)n;
    }
    if (ferror(in)) {
        fprintf(stderr, "%s: reading %s: %s\n", prog, path, strerror(errno));
        exit(1);
    }
    fclose(in);
    free(buf);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "%s: writing standard output: %s\n", prog, strerror(errno));
        exit(1);
    }
    return total;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s DB OUTPUT_FILE TABLE...\n", prog);
        return 2;
    }
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK)
        die_db(db, NULL, argv[1], rc);
    uint64_t sum = 0;
    long long rows = 0;
    for (int i = 3; i < argc; i++)
        rows += scan_table(db, argv[i], &sum);
    rc = sqlite3_close(db);
    if (rc != SQLITE_OK)
        die_db(NULL, NULL, "closing the database", rc);
    static char obuf[BLOCK];
    if (setvbuf(stdout, obuf, _IOFBF, sizeof obuf) != 0) {
        fprintf(stderr, "%s: cannot set the output buffer\n", prog);
        return 1;
    }
    long long bytes = copy_out(argv[2]);
    fprintf(stderr, "%s: %lld rows of %d tables read (checksum %016llx), %lld bytes written\n", prog, rows, argc - 3,
            (unsigned long long)sum, bytes);
    return 0;
}
