/* facts.h: reading case facts from SQLite through a policy's record bindings. */
#ifndef QPL_FACTS_H
#define QPL_FACTS_H

#include <sqlite3.h>
#include "value.h"

typedef struct Facts Facts;
typedef struct Subjects Subjects;

Facts *facts_new(Program *p, sqlite3 *db, qdate as_of, Arena *run);
void   facts_free(Facts *f);
/* Check every used record's table and columns against the database:
   missing tables or columns, values of the wrong storage type. 0 if fine. */
int    facts_validate(Facts *f, Diags *d);
/* Start streaming the subjects of record r in key order (only_id: one key). */
Subjects *facts_subjects(Facts *f, Record *r, const char *only_id);
/* The next visible subject row, or NULL at the end. *bad is set for bad data. */
Row   *facts_next(Facts *f, Subjects *s, Arena *a, const char **bad);
void   facts_subjects_free(Subjects *s);
/* A link field of a row (many: a list of rows; one: a row or missing). */
Value  facts_link(Facts *f, Row *row, Field *fld, Arena *a, const char **bad);
/* Every visible row of a record's table. */
Value  facts_table(Facts *f, Record *r, Arena *a, const char **bad);
/* The error of the last SQLite failure, or NULL. */
const char *facts_error(Facts *f);

#endif
