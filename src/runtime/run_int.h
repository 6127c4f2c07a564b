/* run_int.h: what run.c and run_jobs.c share: evaluating a section's
   subjects by key ranges on worker threads. Private to src/runtime/. */
#ifndef QPL_RUN_INT_H
#define QPL_RUN_INT_H

#include "run.h"

typedef struct RunJobs RunJobs;

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
/* run_jobs.c */
RunJobs *run_jobs_new(Run *r, FactSource *fs, int n);
int    run_jobs_section(RunJobs *j, Run *r, const Section *s, const RunSink *sink);
void   run_jobs_free(RunJobs *j);

#endif
