/* sqlite.c: opening SQLite case databases (read-only), the reference schema,
   what SQLite's errors mean in words, and the driver's table of operations. */
#define _XOPEN_SOURCE 700   /* realpath */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../check/load.h"
#include "../util/file.h"
#include "../util/mem.h"
#include "sqlite.h"
#include "sqlite_int.h"

/* How long a read waits for another program's lock before giving up. */
enum { BUSY_MS = 5000 };

/* Close a source and its connection. */
static void fsql_close(FactSource *fs)
{
    SqlSource *s = (SqlSource *)fs;
    if (sqlite3_close(s->db) != SQLITE_OK)
        fprintf(stderr, "qpl: warning: closing %s: %s\n", s->base.name, sqlite3_errmsg(s->db));
    sb_free(&s->denied);
    sb_free(&s->want);
    for (int i = 0; i < s->nshadowed; i++) {
        free(s->shadowed[i]);
        free(s->rows[i]);
    }
    free(s->shadowed);
    free(s->rows);
    free((char *)s->base.name);
    free(s->path);
    free(s);
}

/* What to do about the last source failure a reader met. */
static const char *fsql_hint(Facts *base)
{
    return ((SqlFacts *)base)->hint;
}

/* Called by SQLite as it runs a statement: non-zero interrupts it. */
static int progress(void *ctx)
{
    const SqlSource *s = ctx;
    return s->stop && *s->stop;
}

/* Interrupt reads of a source while *stop is set. */
static void fsql_watch(FactSource *fs, volatile sig_atomic_t *stop)
{
    SqlSource *s = (SqlSource *)fs;
    s->stop = stop;
    sqlite3_progress_handler(s->db, stop ? 1000 : 0, stop ? progress : NULL, s);
}

/* Interrupt what runs on a source now (sqlite3_interrupt only sets a flag:
   safe in a signal handler). */
static void fsql_interrupt(FactSource *fs)
{
    sqlite3_interrupt(((SqlSource *)fs)->db);
}

/* Reading subjects in parts on other threads (qpl eval --jobs): at the end of this file. */
static FactSource *fsql_open_again(FactSource *fs);

static const FactOps fsql_ops = {
    fsql_check, fsql_check_values, fsql_reader, fsql_reader_free, fsql_subjects, fsql_next, fsql_stream_free,
    fsql_link, fsql_table, fsql_overlay, fsql_whatif, fsql_reset, fsql_touched, fsql_whatif_set, fsql_hint, fsql_watch, fsql_interrupt, fsql_close,
    /* reading subjects in parts (named, so that entries added above keep their places) */
    .reopen = fsql_open_again, .partition = fsql_partition, .partition_next = fsql_partition_next,
    .partition_free = fsql_partition_free, .subjects_range = fsql_subjects_range,
    .shared_snapshot = fsql_shared_snapshot,
};

/* sqlite3_mprintf that never returns NULL (memory runs out in one place). */
char *fsql_sql(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = sqlite3_vmprintf(fmt, ap);
    va_end(ap);
    if (!s)
        mem_fail();
    return s;
}

/* sqlite3_str_finish that never returns NULL (an empty string stays ""). */
char *fsql_str_finish(sqlite3_str *s)
{
    if (sqlite3_str_errcode(s) == SQLITE_NOMEM)
        mem_fail();
    char *t = sqlite3_str_finish(s);
    return t ? t : fsql_sql("");
}

/* A source over an open connection, which it then owns; name is copied. */
SqlSource *fsql_wrap(sqlite3 *db, const char *name)
{
    SqlSource *s = xcalloc(1, sizeof *s);
    s->base.ops = &fsql_ops;
    s->base.name = xstrdup(name);
    s->db = db;
    return s;
}

/* What went wrong in db's last call, in words (in arena a), and what to do
   about it in *hint (NULL when there is nothing to say). SQLite's own words
   come after, in parentheses. */
const char *fsql_cause(sqlite3 *db, Arena *a, const char **hint)
{
    int ext = sqlite3_extended_errcode(db);
    const char *what, *sqlite_says = sqlite3_errmsg(db);
    *hint = NULL;
    switch (ext & 0xff) {
    case SQLITE_CORRUPT:
        what = "the database file is corrupt";
        *hint = "`PRAGMA integrity_check` in sqlite3 lists the damage; restore the database from a backup, or export it again";
        break;
    case SQLITE_NOTADB: what = "the file is not a SQLite database"; break;
    case SQLITE_IOERR:
        what = "the file could not be read (an input/output error)";
        *hint = "check the disk, or the network share, that the database is on";
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        what = "another program holds the database locked";
        *hint = "try again when the other program has finished writing";
        break;
    case SQLITE_NOMEM: what = "out of memory"; break;
    case SQLITE_INTERRUPT: return "interrupted";
    case SQLITE_TOOBIG: what = "a value is larger than SQLite allows"; break;
    case SQLITE_CANTOPEN: what = "the file cannot be opened"; break;
    case SQLITE_AUTH:
    case SQLITE_PERM: what = "access was refused"; break;
    default: return arena_printf(a, "SQLite reports: %s", sqlite_says);
    }
    return arena_printf(a, "%s (SQLite: %s)", what, sqlite_says);
}

/* Set a source fault: reading table failed, for the reason db gives. */
void fsql_failed(SqlFacts *f, const char *table, Arena *a, Fault *fault)
{
    const char *cause = fsql_cause(f->src->db, a, &f->hint);
    fault->kind = FAULT_SOURCE;
    if (!strcmp(cause, "interrupted"))
        fault->msg = cause;
    else
        fault->msg = arena_printf(a, "cannot read table %s of %s: %s", table, f->src->base.name, cause);
}

/* Whether the file of a source opened as unchanging was changed all the
   same (then the fault says so): what was read may mix two states of it. */
bool fsql_changed(SqlFacts *f, Arena *a, Fault *fault)
{
    const SqlSource *s = f->src;
    struct stat now;
    if (!s->immutable || !s->path)
        return false;
    if (stat(s->path, &now) == 0 && now.st_dev == s->st.st_dev && now.st_ino == s->st.st_ino &&
        now.st_size == s->st.st_size && now.st_mtim.tv_sec == s->st.st_mtim.tv_sec &&
        now.st_mtim.tv_nsec == s->st.st_mtim.tv_nsec)
        return false;
    fault->kind = FAULT_SOURCE;
    fault->msg = arena_printf(a, "%s was changed by another program while qpl was reading it, so what was read may mix"
                              " the old and the new data", s->base.name);
    f->hint = "run qpl again";
    return true;
}

/* Start a reader's read transaction on a case database (one snapshot for a
   whole run); 0, or -1 when it cannot start. */
int fsql_begin(SqlFacts *f)
{
    SqlSource *s = f->src;
    if (!s->snapshot || s->readers++ > 0)
        return 0;
    return sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* End a reader's read transaction (with the last reader of the source).
   It wrote nothing: ROLLBACK ends it, and also after a read failed. */
void fsql_end(SqlFacts *f)
{
    SqlSource *s = f->src;
    if (!s->snapshot || --s->readers > 0)
        return;
    if (sqlite3_get_autocommit(s->db) == 0 && sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
        fprintf(stderr, "qpl: warning: ending the read of %s: %s\n", s->base.name, sqlite3_errmsg(s->db));
}

/* Why path cannot be read as a case database file, or NULL when it can. */
static const char *not_a_database_file(const char *path, struct stat *st)
{
    if (stat(path, st) != 0)
        return errno == ENOENT ? "there is no such file" : errno == EACCES ? "permission to read it is denied" : strerror(errno);
    if (S_ISDIR(st->st_mode))
        return "it is a directory, not a SQLite database file";
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
        return "it is a device, not a regular file";
    if (S_ISFIFO(st->st_mode) || S_ISSOCK(st->st_mode))
        return "it is a pipe or a socket, not a regular file";
    if (!S_ISREG(st->st_mode))
        return "it is not a regular file";
    if (access(path, R_OK) != 0)
        return "permission to read it is denied";
    return NULL;
}

/* Whether a database file's header says it is in WAL mode. */
static bool header_says_wal(const char *path)
{
    unsigned char h[20];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ssize_t n = pread(fd, h, sizeof h, 0);
    close(fd);
    return n == (ssize_t)sizeof h && !memcmp(h, "SQLite format 3", 16) && h[18] == 2 && h[19] == 2;
}

/* Whether the file real (a resolved path) has a companion file real+suffix. */
static bool has_companion(const char *real, const char *suffix)
{
    char *p = xmalloc(strlen(real) + strlen(suffix) + 1);
    strcpy(p, real);
    strcat(p, suffix);
    bool yes = access(p, F_OK) == 0;
    free(p);
    return yes;
}

/* A read-only URI for the file at real (an absolute path), as unchanging
   when immutable; sqlite3_free it. */
static char *file_uri(const char *real, bool immutable)
{
    sqlite3_str *s = sqlite3_str_new(NULL);
    sqlite3_str_appendall(s, "file:");
    for (const unsigned char *p = (const unsigned char *)real; *p; p++) {
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("/._-~", *p);
        if (plain)
            sqlite3_str_appendchar(s, 1, (char)*p);
        else
            sqlite3_str_appendf(s, "%%%02X", *p);
    }
    sqlite3_str_appendall(s, immutable ? "?mode=ro&immutable=1" : "?mode=ro");
    return fsql_str_finish(s);
}

/* Settings of every connection qpl reads facts through, and its functions;
   SQLite's result code. */
int fsql_configure(sqlite3 *db)
{
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, BUSY_MS);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)0); /* "col" never falls back to a string */
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)0);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, (int *)0);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)0);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
    return fsql_functions(db);
}

/* Say why a case database could not be opened or read at first (db's last
   error), with what to do. */
static void open_failed(const char *path, sqlite3 *db, bool wal)
{
    int ext = db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM, rc = ext & 0xff;
    const char *hint = NULL;
    Arena *a = arena_new();
    if (ext == SQLITE_READONLY_ROLLBACK) {
        fprintf(stderr, "qpl: error: `%s` has an unfinished write: a program stopped while writing it and left %s-journal"
                        " (a hot journal), which qpl cannot roll back because it only reads case databases\n", path, path);
        hint = arena_printf(a, "open the database once with the program that was writing it, or with sqlite3 (`sqlite3"
                            " %s 'PRAGMA integrity_check'`), which rolls the unfinished write back; then run qpl again", path);
    } else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        fprintf(stderr, "qpl: error: `%s` is locked by another program (it is being written); qpl waited %d seconds\n", path,
                BUSY_MS / 1000);
        hint = "try again when the other program has finished writing";
    } else if (wal && (rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY)) {
        fprintf(stderr, "qpl: error: `%s` is in WAL mode with a -wal file beside it, and SQLite cannot create or write the"
                        " %s-shm file it needs to read it (the directory or the file is read-only)\n", path, path);
        hint = "copy the database and its -wal file to a writable place, or convert it with `PRAGMA journal_mode = DELETE`"
               " where it can be written";
    } else if ((ext & 0xff) == SQLITE_NOTADB) {
        fprintf(stderr, "qpl: error: `%s` is not a SQLite database\n", path);
        hint = "give the case database file: an export of the case system, or one made with `qpl init-db`";
    } else {
        fprintf(stderr, "qpl: error: cannot open database `%s`: %s\n", path, db ? fsql_cause(db, a, &hint) : "out of memory");
    }
    if (hint)
        fprintf(stderr, "      = hint: %s\n", hint);
    arena_free(a);
}

/* Open the file at real read-only and read its schema; NULL after a message. */
static sqlite3 *open_readonly(const char *path, const char *real, bool wal, bool immutable)
{
    char *uri = file_uri(real, immutable);
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    sqlite3_free(uri);
    sqlite3_stmt *st = NULL;
    if (rc == SQLITE_OK && (rc = fsql_configure(db)) == SQLITE_OK)
        rc = sqlite3_exec(db, "PRAGMA query_only = 1; PRAGMA cache_size = -2048", NULL, NULL, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL)) == SQLITE_OK)
        rc = sqlite3_step(st) == SQLITE_ROW ? SQLITE_OK : SQLITE_ERROR;
    if (rc != SQLITE_OK)
        open_failed(path, db, wal);
    sqlite3_finalize(st);
    if (rc != SQLITE_OK) {
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

/* Open a case database read-only; NULL after a message on stderr. A WAL
   database is read with SQLite's locks and its -wal and -shm files, which
   SQLite creates when they are missing and a reader cannot remove, so a
   WAL database without a -wal file (closed cleanly: all of it is in the
   database file) is read as unchanging (immutable=1), which needs no other
   file and works on read-only media too. That is safe only while no other
   program writes it: one that checkpoints changes the database file, so
   the file is checked again when a stream of subjects ends (fsql_changed). */
FactSource *fsql_open(const char *path)
{
    struct stat st;
    const char *why = not_a_database_file(path, &st);
    char *real = why ? NULL : realpath(path, NULL);
    if (!why && !real)
        why = strerror(errno);
    if (why) {
        fprintf(stderr, "qpl: error: cannot open database `%s`: %s\n", path, why);
        return NULL;
    }
    bool wal = header_says_wal(real);
    bool immutable = wal && !has_companion(real, "-wal");
    sqlite3 *db = open_readonly(path, real, wal, immutable);
    if (!db) {
        free(real);
        return NULL;
    }
    SqlSource *s = fsql_wrap(db, path);
    s->snapshot = true;
    s->immutable = immutable;
    s->path = real;
    s->st = st;
    return &s->base;
}

/* Another read-only connection to the case database a source has open, for
   the REPL's what-if overlay (which writes only its temporary database, so
   it is not query_only); NULL with SQLite's message in err. */
sqlite3 *fsql_reopen(const SqlSource *s, Sb *err)
{
    char *uri = file_uri(s->path, s->immutable);
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    sqlite3_free(uri);
    if (rc == SQLITE_OK)
        rc = fsql_configure(db);
    if (rc != SQLITE_OK) {
        sb_printf(err, "cannot open %s again: %s", s->base.name, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

/* Run the reference schema (stdlib/schema.sql) in db. */
int fsql_load_schema(sqlite3 *db, Sb *err)
{
    char *path = load_find("schema", ".sql", NULL);
    char *sql = path ? file_read(path, 0, NULL, NULL) : NULL;
    free(path);
    if (!sql) {
        sb_printf(err, "cannot find the reference schema (schema.sql) in the standard library");
        return -1;
    }
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    free(sql);
    if (rc != SQLITE_OK) {
        sb_printf(err, "the reference schema: %s", msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* An in-memory database with the reference schema. */
FactSource *fsql_reference(Sb *err)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
        sb_printf(err, "cannot make an in-memory database: %s", db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    if (fsql_configure(db) != SQLITE_OK) {
        sb_printf(err, "cannot make an in-memory database: %s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    if (fsql_load_schema(db, err) != 0) {
        sqlite3_close(db);
        return NULL;
    }
    return &fsql_wrap(db, "the database")->base;
}

/* Create a database file with the reference schema, and the tables and
   columns p brings of its own when p is not NULL (the file must not exist). */
int fsql_create(const char *path, const Program *p, Sb *err)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        sb_printf(err, "cannot create `%s`: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return -2;
    }
    int rc = fsql_load_schema(db, err);
    if (rc == 0 && p)
        rc = fsql_load_policy(db, p, err);
    if (sqlite3_close(db) != SQLITE_OK && rc == 0) {
        sb_printf(err, "cannot finish writing `%s`", path);
        rc = -1;
    }
    if (rc != 0)
        unlink(path);
    return rc;
}

/* Reading subjects in parts on other threads (qpl eval --jobs). */

/* Set SQLite up for readers on several threads: without the count of its
   memory, which every allocation of every thread would update under one
   lock. Only possible before SQLite starts (SQLITE_MISUSE after: then the
   count stays, which is slower, not wrong). */
void fsql_threads(void)
{
    int rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if (rc != SQLITE_OK && rc != SQLITE_MISUSE)
        fprintf(stderr, "qpl: warning: SQLite: %s\n", sqlite3_errstr(rc));
}

/* Another connection to the case database of a source, for a reader on
   another thread, opened as the source was (read-only, as unchanging when it
   is; its settings): NULL after a message when it cannot be opened, or at
   once for a source that is not a case database file (a fixture's, an
   overlay). The file must still be the one the source opened. */
static FactSource *fsql_open_again(FactSource *fs)
{
    SqlSource *s = (SqlSource *)fs;
    if (!s->snapshot || !s->path || s->orig)
        return NULL;
    struct stat st;
    if (stat(s->path, &st) != 0 || st.st_dev != s->st.st_dev || st.st_ino != s->st.st_ino) {
        fprintf(stderr, "qpl: error: `%s` was replaced by another program while qpl was opening it\n", s->base.name);
        return NULL;
    }
    sqlite3 *db = open_readonly(s->base.name, s->path, header_says_wal(s->path), s->immutable);
    if (!db)
        return NULL;
    SqlSource *t = fsql_wrap(db, s->base.name);
    t->snapshot = true;
    t->immutable = s->immutable;
    t->path = xstrdup(s->path);
    t->st = s->st;
    return &t->base;
}
