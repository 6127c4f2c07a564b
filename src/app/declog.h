/* declog.h: the decision log (--record): every decision of a run appended
   to a SQLite database of its own, in one transaction. */
#ifndef QPL_DECLOG_H
#define QPL_DECLOG_H

#include "../runtime/run.h"

typedef struct DecLog DecLog;

/* Open (or create) the log and start a run; NULL after a message on stderr
   (*status: the exit status to give). */
DecLog *declog_open(const char *path, const Program *p, const char *policy_path, qdate as_of, int *status);
/* Log every decision of a subject. */
void declog_subject(DecLog *l, const Subject *s);
/* Commit the run (ok) or roll it back, and close the log: 0, or 1 when writing failed. */
int declog_close(DecLog *l, bool ok);

#endif
