/* run_int.h: what run.c, run_jobs.c and run_pipe.c share: evaluating a
   section's subjects by key ranges on worker threads, or with them read
   ahead on another thread. Private to src/runtime/. */
#ifndef QPL_RUN_INT_H
#define QPL_RUN_INT_H

#include "run.h"

typedef struct RunJobs RunJobs;
typedef struct RunPipe RunPipe;

/* A subject read ahead on another thread, or the fault met reading it. */
typedef struct RunAhead {
    Row *row;
    Fault fault;
    const char *hint;       /* what the source says to do about a source fault, or NULL */
} RunAhead;

/* The fault that stopped a worker's range, kept to be reported in order. */
typedef struct RunStop {
    Fault fault;
    const char *hint;       /* what the source says to do about it, or NULL */
} RunStop;

/* run.c */
Run   *run_worker(const Run *r, FactSource *fs);
Facts *run_facts(Run *r);
void   run_copy_params(Run *to, Run *from);
int    run_range(Run *r, const Section *s, const FactRange *range, Arena *a, bool keep, const RunSink *sink,
                 RunStop *stop);
void   run_report_stop(Run *r, const Section *s, const RunStop *stop);
void   run_delivered(Run *r, long n, long bad);
const RunTextSink *run_text_sink(const Run *r);
int    run_ahead(Run *r, const Section *s, const RunAhead *items, int n, Arena *a, const RunSink *sink);
/* run_jobs.c */
RunJobs *run_jobs_new(Run *r, FactSource *fs, int n);
int    run_jobs_section(RunJobs *j, Run *r, const Section *s, const RunSink *sink);
void   run_jobs_free(RunJobs *j);
/* run_pipe.c */
RunPipe *run_pipe_new(Run *r, FactSource *fs, bool keep_going);
int    run_pipe_section(RunPipe *p, Run *r, const Section *s, const RunSink *sink);
void   run_pipe_free(RunPipe *p);

#endif
