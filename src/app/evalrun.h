/* evalrun.h: what `qpl eval` and `qpl report` share: their arguments, and
   the run that loads a policy, reads the database and renders the decisions. */
#ifndef QPL_EVALRUN_H
#define QPL_EVALRUN_H

#include <stdio.h>
#include "opts.h"

typedef struct EvalArgs {
    const char *cmd;        /* "eval" or "report", for messages */
    const char *file, *db, *subject, *id, *record, *format, *color;
    qdate as_of;
    bool explain, keep_going, wide, bom;
    bool every_column;      /* read whole rows (the report shows columns no rule reads) */
    int jobs;               /* threads that evaluate (1: this one; 0 is taken as 1) */
    OptList params;
    FILE *out;              /* where the rendered decisions go */
} EvalArgs;

/* Load and check the policy, open the database read-only, evaluate and
   render into a->out; the exit status (output.md). */
int eval_run(EvalArgs *a);

#endif
