/* run.h: the one way decisions are evaluated: every subject of a section,
   streamed in key order, or one subject by its id. `qpl eval`, `qpl test`
   and the REPL all evaluate through here. */
#ifndef QPL_RUN_H
#define QPL_RUN_H

#include "eval.h"

typedef struct RunOpts {
    qdate as_of;
    bool explain;           /* record why each decision has its value */
    bool keep_going;        /* bad data makes a subject undetermined instead of stopping */
    bool every_column;      /* read whole rows (to show them), not only the columns used */
} RunOpts;

/* One decision of one subject. */
typedef struct Result {
    const Decl *d;
    Value v;
    Explain why;
} Result;

/* One subject and its decisions, in policy order (valid until the next subject). */
typedef struct Subject {
    const Section *sect;
    const Row *row;
    const char *id;         /* its key, or its rowid when the record has no key */
    Result *results;
    int n;
    const Fault *fault;     /* bad data met, with --keep-going (every result is then undetermined) */
} Subject;

/* Where a run delivers its subjects. */
typedef struct RunSink {
    void *ctx;
    void (*subject)(void *ctx, const Subject *s);
} RunSink;

typedef struct Run Run;

/* A run of program p against a fact source; problems are reported to d. */
Run  *run_new(const Program *p, FactSource *fs, const RunOpts *o, Diags *d);
void  run_free(Run *r);
/* The run's evaluator (to set parameters and hooks before evaluating). */
Eval *run_eval(Run *r);
/* Stop the run before its next subject while *stop is set (by a signal
   handler; reads of the facts are interrupted by facts_watch): the run then
   fails with the fault "interrupted". */
void  run_set_stop(Run *r, volatile sig_atomic_t *stop);
/* The arena of values that live as long as the run (parameter values). */
Arena *run_arena(Run *r);
/* Evaluate every subject of section s that its `where` selects (only_id:
   only that one), delivering each to sink. 0, or 1 after reporting bad data
   or a failure of the source (which stop the run). */
int   run_section(Run *r, const Section *s, const char *only_id, const RunSink *sink);
typedef enum { FOCUS_OK, FOCUS_NONE, FOCUS_FAULT } Focus;

/* Focus the evaluator on one subject, for expressions and single decisions
   (s NULL: on no subject). FOCUS_NONE when there is no such subject as of
   the date; FOCUS_FAULT when reading it met a fault (run_fault says which). */
Focus run_focus(Run *r, const Section *s, const char *id);
/* What a run has delivered so far: subjects, and those reported undetermined
   for bad data (--keep-going). */
typedef struct RunCounts {
    long delivered, bad;
} RunCounts;
RunCounts run_counts(const Run *r);
/* The message of the fault met by the last focus or decisions, or NULL. */
const char *run_fault(Run *r);

#endif
