/* sqlite.h: the SQLite driver of the fact-source interface: the ways to
   open a source (a case database, an empty reference database, a fixture's
   database) and to create a case database. Callers need not include sqlite3.h. */
#ifndef QPL_FACTS_SQLITE_H
#define QPL_FACTS_SQLITE_H

#include "facts.h"

/* Open a case database read-only; NULL after a message on stderr. */
FactSource *fsql_open(const char *path);
/* An empty in-memory database with the reference schema; NULL with a message added to err. */
FactSource *fsql_reference(Sb *err);
/* The database of a fixture case of program p: the reference schema and
   p's own tables, then the test's given rows and SQL files (paths relative
   to dir; the SQL may only change this in-memory database). NULL with a
   message added to err. */
FactSource *fsql_fixture(const Program *p, const Decl *test, const char *dir, Sb *err);
/* Create a new database file with the reference schema (and, when p is not
   NULL, the tables and columns p brings of its own). 0; -2 when the file
   cannot be created, -1 when the schema cannot be, with a message in err. */
int fsql_create(const char *path, const Program *p, Sb *err);
/* An in-memory database with the reference schema and policy p's own tables
   and columns (for checking p's bindings without a case database); NULL with
   a message added to err. */
FactSource *fsql_reference_for(const Program *p, Sb *err);
/* The statements that create the tables and columns a policy brings of its
   own, beside the reference schema (`qpl schema`); 0, or -1 with a message in err. */
int fsql_schema(const Program *p, Sb *out, Sb *err);

/* Set SQLite up for readers on several threads at once (qpl eval --jobs):
   call it before anything opens a database. (SQLite then no longer keeps a
   count of its memory, under one lock for the whole process.) */
void fsql_threads(void);

#endif
