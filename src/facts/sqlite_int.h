/* sqlite_int.h: the SQLite driver's structures, shared by its files.
   Private to src/facts/. */
#ifndef QPL_SQLITE_INT_H
#define QPL_SQLITE_INT_H

#include <sqlite3.h>
#include "facts.h"

typedef struct SqlSource {
    FactSource base;
    sqlite3 *db;
    struct SqlSource *orig; /* an overlay: the source it copies */
    bool user_sql;          /* a statement typed by the user is being run (the authorizer checks it) */
} SqlSource;

typedef struct SqlStream SqlStream;

typedef struct SqlFacts {
    Facts base;
    SqlSource *src;
    const Program *p;
    qdate as_of;
    Arena *run;
    SqlStream *active;      /* the subject stream whose rows are merge-joined */
    sqlite3_stmt ***lookup; /* [record index][field index]: prepared link lookups */
    Value *tables;          /* [record index]: whole tables read */
    bool *have_table;
} SqlFacts;

/* A merge cursor over the rows of a many link, in linking-column order. */
typedef struct Cursor {
    sqlite3_stmt *st;
    bool started, done;
} Cursor;

struct SqlStream {
    SqlFacts *f;            /* first: facts.c finds the reader through it */
    const Record *rec;
    sqlite3_stmt *st;
    Cursor *cur;            /* one per field of rec (many links only) */
};

/* sqlite.c */
SqlSource *fsql_wrap(sqlite3 *db, const char *name);
const char *fsql_name(sqlite3 *db);
int   fsql_load_schema(sqlite3 *db, Sb *err);
/* sqlite_check.c */
int   fsql_check(FactSource *fs, const Program *p, Diags *d);
/* sqlite_read.c */
Facts *fsql_reader(FactSource *fs, const Program *p, qdate as_of, Arena *run);
void   fsql_reader_free(Facts *f);
Stream *fsql_subjects(Facts *f, const Record *r, const char *only_id);
Row   *fsql_next(Stream *s, Arena *a, Fault *fault);
void   fsql_stream_free(Stream *s);
Value  fsql_link(Facts *f, Row *row, const Field *fld, Arena *a, Fault *fault);
Value  fsql_table(Facts *f, const Record *r, Fault *fault);
/* sqlite_whatif.c */
FactSource *fsql_overlay(FactSource *fs, FactError *err);
int   fsql_whatif(FactSource *ov, const char *sql, const RowSink *rows, int *changes, FactError *err);
int   fsql_reset(FactSource *ov, FactError *err);

#endif
