/* run.h: evaluating every decision of a policy for every subject in a database. */
#ifndef QPL_RUN_H
#define QPL_RUN_H

#include "eval.h"

typedef struct RunOpts {
    qdate as_of;
    const char *subject;    /* only this subject kind */
    const char *id;         /* only this subject id */
    bool explain;
    bool keep_going;        /* bad data makes a subject undetermined instead of stopping */
} RunOpts;

/* Called once per (subject, decision), subject by subject in key order. */
typedef void (*EmitFn)(void *ctx, Section *s, Row *row, Decl *d, Value v, Explain *why);

/* Run; returns 0, or 1 after reporting bad data or a database error to d. */
int run_policy(Program *p, Facts *f, Eval *E, const RunOpts *o, EmitFn emit, void *ctx, Diags *d);

/* Open a case database read-only; NULL (with a message to stderr) if it cannot be. */
sqlite3 *open_case_db(const char *path);
/* Create the reference schema (stdlib/schema.sql) in db. 0 on success; on
   failure -1 with a message in err. */
int load_reference_schema(sqlite3 *db, char *err, size_t errlen);
/* Today's date in the local time zone. */
qdate today(void);

#endif
