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
    const bool *const *only;    /* NULL, or: evaluate only the decisions d with
                                   only[section index][d->sym->slot] (the others are delivered
                                   undetermined, unevaluated) */
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
/* A second evaluation of each subject with other parameters: swap(ctx, E,
   true) sets them, swap(ctx, E, false) sets them back; those subjects go to sink. */
typedef struct RunTwice {
    void (*swap)(void *ctx, Eval *E, bool second);
    void *ctx;
    RunSink sink;
} RunTwice;
/* Evaluate every selected subject of section s, delivering each to sink,
   then again after twice->swap to twice->sink, reading the facts once (for
   what-ifs on parameters alone). Values computed from parameters inside
   rows (computed fields, a section's `where`) would be kept from the first
   evaluation, so a program with p->params_anywhere must not use it. */
int   run_section_twice(Run *r, const Section *s, const RunSink *sink, const RunTwice *twice);

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

/* How workers may make a sink's output themselves, as text, when it is only
   text that each subject makes on its own (JSON Lines, CSV): fork gives a
   copy of the sink for a worker's thread (NULL: the format cannot, the
   subjects are delivered whole); text appends a subject's output to out,
   on that thread; write writes such text here, in order; unfork frees a copy. */
typedef struct RunTextSink {
    void *ctx;
    void *(*fork)(void *ctx);
    void  (*text)(void *copy, const Subject *s, Sb *out);
    void  (*write)(void *ctx, const char *text, size_t n);
    void  (*unfork)(void *copy);
} RunTextSink;

/* The most threads run_set_jobs starts (more are taken as this many). */
#define RUN_MAX_JOBS 64

/* From here on, evaluate each section that facts_partition can split on n
   threads (n >= 2), each with a run of its own (the same program and
   options, and r's parameters as each section starts) over its own
   connection to fs (facts_reopen): they take ranges of keys in turn, and
   run_section delivers the subjects to its sink here, in key order, as one
   stream would (and a fault that stops the run after the subjects before
   it); at most 2n ranges are in flight. Other sections, and run_focus
   and a run_section of one id, run here. 0, or -1 after a message when a
   connection cannot be opened. */
int   run_set_jobs(Run *r, FactSource *fs, int n);
/* With workers, the sections whose sink t forks for every worker have
   their output made as text on the workers, written here in key order
   through t (the subjects are then not kept until their turn, so ranges can
   be larger); t NULL: none. t is copied. */
void  run_set_text_sink(Run *r, const RunTextSink *t);

#endif
