/* run_jobs.c: evaluating a section on worker threads (qpl eval --jobs).
   The subjects are split into ranges of keys (facts_partition), made one at
   a time by this thread as workers need them: a chunk is a range and what
   its subjects came to. Each worker has a run of its own over a connection
   of its own and takes the next chunk in key order; this thread delivers
   the chunks strictly in that order, then reuses them, so at most 2n are in
   flight and the output comes out as from one stream. A chunk keeps its
   subjects whole, all their values in its own arena, for the run's sink
   here (the renderer, the decision log); or, when the sink's output is only
   text that each subject makes on its own (run_set_text_sink), the worker
   makes that text itself with its own copy of the sink and passes it on in
   pieces: the chunk being delivered is written as it comes, and a later one
   waits while it holds more than TEXT_HELD. A fault that stops a chunk is
   reported when its turn comes, after the subjects before it: what follows
   it is never delivered. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "run_int.h"

/* Subjects per range: few enough that 2n chunks of whole subjects stay
   small; as text, more (ranges of more rows are read better); the text a
   worker passes on at a time; the most a chunk not being delivered holds.
   QPL_JOBS_CHUNK sets the subjects per range, for tests. */
enum { CHUNK_SUBJECTS = 256, TEXT_CHUNK_SUBJECTS = 4096, PIECE = 1 << 16, TEXT_HELD = 4 << 20 };

/* Text a worker made, passed on to be written. */
typedef struct Piece {
    struct Piece *next;
    size_t n;
    char text[];
} Piece;

/* A range of keys and what its subjects came to. This thread owns it until
   it is made (given out), the worker that takes it until it is ready, then
   this thread again; text pieces pass between them under the lock. */
typedef struct Chunk {
    long seq;               /* its place in key order */
    Arena *a;               /* the range, the fault that stopped it, and (whole) every value of its subjects */
    const FactRange *range;
    Subject *subj;          /* whole: its subjects, in key order */
    int n, cap;
    Piece *first, *last;    /* as text: what is not written yet (under the lock) */
    size_t held;            /* ... its bytes */
    long nsubj, nbad;       /* as text: the subjects made, and those reported undetermined for bad data */
    int status;             /* run_range's: 1 when a fault stopped it */
    RunStop stop;           /* ... that fault */
    bool ready;             /* evaluated, all passed on (under the lock) */
} Chunk;

/* One worker thread and its run. */
typedef struct Worker {
    RunJobs *j;
    Run *run;
    FactSource *fs;
    pthread_t thread;
    Chunk *c;               /* the chunk it evaluates */
    void *copy;             /* as text: its copy of the sink */
    Sb text;                /* ... text not passed on yet */
} Worker;

struct RunJobs {
    int n;                  /* workers */
    int running;            /* threads started for the section */
    Worker *w;
    long chunk_size;        /* QPL_JOBS_CHUNK, or 0 */
    Chunk *ring;            /* chunk k (in key order) is ring[k % cap] */
    int cap;
    pthread_mutex_t mu;
    pthread_cond_t more;    /* a chunk was made, or closing */
    pthread_cond_t ready;   /* a chunk has text, or is ready */
    pthread_cond_t turn;    /* another chunk is being delivered, or closing */
    /* the section being evaluated (under mu, but s and text): */
    const Section *s;
    const RunTextSink *text;    /* its output is made as text by the workers, or NULL */
    long made, taken, head; /* chunks made, taken by workers, and the one being delivered */
    bool closing;           /* no more chunks: workers stop */
};

/* QPL_JOBS_CHUNK when it is a number from 1 up, else 0. */
static long chunk_env(void)
{
    const char *e = getenv("QPL_JOBS_CHUNK");
    char *end;
    long n = e ? strtol(e, &end, 10) : 0;
    return e && *e && !*end && n >= 1 ? n : 0;
}

/* Workers for r: n runs over n more connections to fs. NULL after a message
   when a connection cannot be opened. */
RunJobs *run_jobs_new(Run *r, FactSource *fs, int n)
{
    RunJobs *j = xcalloc(1, sizeof *j);
    j->w = xcalloc((size_t)n, sizeof *j->w);
    for (int i = 0; i < n; i++) {
        j->w[i].j = j;
        if (!(j->w[i].fs = facts_reopen(fs))) {
            run_jobs_free(j);
            return NULL;
        }
        j->w[i].run = run_worker(r, j->w[i].fs);
        j->n++;
    }
    j->chunk_size = chunk_env();
    j->cap = 2 * n;
    j->ring = xcalloc((size_t)j->cap, sizeof *j->ring);
    for (int i = 0; i < j->cap; i++)
        j->ring[i].a = arena_new();
    if (pthread_mutex_init(&j->mu, NULL) || pthread_cond_init(&j->more, NULL) || pthread_cond_init(&j->ready, NULL) ||
        pthread_cond_init(&j->turn, NULL))
        mem_fail();     /* (they fail only for want of memory) */
    return j;
}

/* Free a chunk's text not written. */
static void drop_text(Chunk *c)
{
    while (c->first) {
        Piece *p = c->first;
        c->first = p->next;
        free(p);
    }
    c->last = NULL;
    c->held = 0;
}

/* Free the workers, their runs and connections. */
void run_jobs_free(RunJobs *j)
{
    if (!j)
        return;
    for (int i = 0; i < j->n; i++) {
        run_free(j->w[i].run);
        facts_close(j->w[i].fs);
        sb_free(&j->w[i].text);
    }
    for (int i = 0; j->ring && i < j->cap; i++) {
        drop_text(&j->ring[i]);
        arena_free(j->ring[i].a);
        free(j->ring[i].subj);
    }
    if (j->ring) {
        pthread_mutex_destroy(&j->mu);
        pthread_cond_destroy(&j->more);
        pthread_cond_destroy(&j->ready);
        pthread_cond_destroy(&j->turn);
    }
    free(j->ring);
    free(j->w);
    free(j);
}

/* A worker's sink for whole subjects: keep the subject in its chunk (its
   values are in the chunk's arena already; the fault that made it
   undetermined is copied there). */
static void keep_subject(void *ctx, const Subject *s)
{
    Chunk *c = ((Worker *)ctx)->c;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->subj = xrealloc(c->subj, (size_t)c->cap * sizeof *c->subj);
    }
    Subject *k = &c->subj[c->n++];
    *k = *s;
    if (s->fault) {
        Fault *f = arena_alloc(c->a, sizeof *f);
        *f = *s->fault;
        k->fault = f;
    }
}

/* Pass a worker's text on to its chunk (last: all of it, the chunk is
   ready). A chunk not being delivered then waits while it holds too much. */
static void pass_on(Worker *w, bool last)
{
    RunJobs *j = w->j;
    Chunk *c = w->c;
    Piece *p = NULL;
    if (w->text.len) {
        p = xmalloc(sizeof *p + w->text.len);
        p->next = NULL;
        p->n = w->text.len;
        memcpy(p->text, w->text.s, p->n);
        sb_clear(&w->text);
    }
    pthread_mutex_lock(&j->mu);
    if (p) {
        *(c->last ? &c->last->next : &c->first) = p;
        c->last = p;
        c->held += p->n;
    }
    c->ready = last;
    pthread_cond_signal(&j->ready);
    while (!last && !j->closing && c->seq != j->head && c->held > TEXT_HELD)
        pthread_cond_wait(&j->turn, &j->mu);
    pthread_mutex_unlock(&j->mu);
}

/* A worker's sink for text: the subject's output made by its copy of the sink. */
static void text_subject(void *ctx, const Subject *s)
{
    Worker *w = ctx;
    w->j->text->text(w->copy, s, &w->text);
    w->c->nsubj++;
    w->c->nbad += s->fault != NULL;
    if (w->text.len >= PIECE)
        pass_on(w, false);
}

/* A worker: take the next chunk made, evaluate it, mark it ready; until closing. */
static void *work(void *arg)
{
    Worker *w = arg;
    RunJobs *j = w->j;
    pthread_mutex_lock(&j->mu);
    for (;;) {
        while (j->taken == j->made && !j->closing)
            pthread_cond_wait(&j->more, &j->mu);
        if (j->closing)
            break;
        w->c = &j->ring[j->taken++ % j->cap];
        pthread_mutex_unlock(&j->mu);
        RunSink sink = {w, j->text ? text_subject : keep_subject};
        w->c->status = run_range(w->run, j->s, w->c->range, w->c->a, !j->text, &sink, &w->c->stop);
        pass_on(w, true);
        pthread_mutex_lock(&j->mu);
    }
    pthread_mutex_unlock(&j->mu);
    return NULL;
}

/* Make chunks while fewer than cap are in flight (next: the first not yet
   delivered) and the partition has ranges; false once it has no more (a
   fault reading it is then in *fault). */
static bool make_chunks(RunJobs *j, Partition *pt, long next, Fault *fault)
{
    while (j->made - next < j->cap) {
        Chunk *c = &j->ring[j->made % j->cap];     /* (not in flight: this thread's) */
        c->seq = j->made;
        c->n = 0;
        c->nsubj = c->nbad = 0;
        c->status = 0;
        c->ready = false;
        c->range = facts_partition_next(pt, c->a, fault);
        if (!c->range)
            return false;
        pthread_mutex_lock(&j->mu);
        j->made++;
        pthread_cond_signal(&j->more);
        pthread_mutex_unlock(&j->mu);
    }
    return true;
}

/* Deliver a chunk of whole subjects to sink, once it is ready. */
static void deliver_subjects(RunJobs *j, Run *r, Chunk *c, const RunSink *sink)
{
    pthread_mutex_lock(&j->mu);
    while (!c->ready)
        pthread_cond_wait(&j->ready, &j->mu);
    pthread_mutex_unlock(&j->mu);
    long bad = 0;
    for (int i = 0; i < c->n; i++) {
        sink->subject(sink->ctx, &c->subj[i]);
        bad += c->subj[i].fault != NULL;
    }
    run_delivered(r, c->n, bad);
}

/* Write a chunk's text as it comes, until it is ready. */
static void deliver_text(RunJobs *j, Run *r, Chunk *c)
{
    pthread_mutex_lock(&j->mu);
    j->head = c->seq;
    pthread_cond_broadcast(&j->turn);
    for (bool done = false; !done;) {
        while (!c->first && !c->ready)
            pthread_cond_wait(&j->ready, &j->mu);
        Piece *p = c->first;
        c->first = c->last = NULL;
        c->held = 0;
        done = c->ready;
        pthread_mutex_unlock(&j->mu);
        while (p) {
            Piece *next = p->next;
            j->text->write(j->text->ctx, p->text, p->n);
            free(p);
            p = next;
        }
        pthread_mutex_lock(&j->mu);
    }
    pthread_mutex_unlock(&j->mu);
    run_delivered(r, c->nsubj, c->nbad);
}

/* Whether the section's output can be made as text by the workers: then
   each has a copy of the sink, and j->text is set. */
static void fork_text(RunJobs *j, Run *r)
{
    const RunTextSink *t = run_text_sink(r);
    int made = 0;
    while (t && made < j->n && (j->w[made].copy = t->fork(t->ctx)))
        made++;
    j->text = t && made == j->n ? t : NULL;
    for (int i = 0; !j->text && i < made; i++) {
        t->unfork(j->w[i].copy);
        j->w[i].copy = NULL;
    }
}

/* Start the workers on section s: as many threads as can be started (the
   system may have fewer to give than were asked for). */
static void start(RunJobs *j, Run *r, const Section *s)
{
    j->s = s;
    j->made = j->taken = 0;
    j->head = -1;
    j->closing = false;
    for (j->running = 0; j->running < j->n; j->running++) {
        Worker *w = &j->w[j->running];
        run_copy_params(w->run, r);
        if (pthread_create(&w->thread, NULL, work, w) != 0)
            break;
    }
}

/* Stop the workers (those evaluating a chunk finish it first), free their
   copies of the sink, and empty every chunk. */
static void finish(RunJobs *j)
{
    pthread_mutex_lock(&j->mu);
    j->closing = true;
    pthread_cond_broadcast(&j->more);
    pthread_cond_broadcast(&j->turn);
    pthread_mutex_unlock(&j->mu);
    for (int i = 0; i < j->running; i++)
        pthread_join(j->w[i].thread, NULL);
    j->running = 0;
    for (int i = 0; j->text && i < j->n; i++) {
        j->text->unfork(j->w[i].copy);
        j->w[i].copy = NULL;
        sb_clear(&j->w[i].text);
    }
    for (int i = 0; i < j->cap; i++) {
        drop_text(&j->ring[i]);
        arena_reset(j->ring[i].a);
    }
    j->text = NULL;
}

/* Evaluate section s on the workers, delivering its subjects (or their text)
   in key order: 0, or 1 after a fault that stops the run was reported; -1
   when the section cannot be split (evaluate it in one stream). */
int run_jobs_section(RunJobs *j, Run *r, const Section *s, const RunSink *sink)
{
    fork_text(j, r);
    long size = j->chunk_size ? j->chunk_size : j->text ? TEXT_CHUNK_SUBJECTS : CHUNK_SUBJECTS;
    Partition *pt = facts_partition(run_facts(r), s->rec, size);
    if (pt)
        start(j, r, s);
    if (!pt || j->running == 0) {
        finish(j);
        facts_partition_free(pt);
        return -1;      /* (or no thread could be started: evaluate it here) */
    }
    Fault fault = {FAULT_NONE, NULL};
    bool more = true;
    int status = 0;
    for (long next = 0; status == 0; next++) {
        if (more)
            more = make_chunks(j, pt, next, &fault);
        if (next == j->made)
            break;
        Chunk *c = &j->ring[next % j->cap];
        if (j->text)
            deliver_text(j, r, c);
        else
            deliver_subjects(j, r, c, sink);
        if ((status = c->status) != 0)
            run_report_stop(r, s, &c->stop);
        arena_reset(c->a);
    }
    if (status == 0 && fault.kind != FAULT_NONE) {
        RunStop stop = {fault, fault.kind == FAULT_SOURCE ? facts_hint(run_facts(r)) : NULL};
        run_report_stop(r, s, &stop);
        status = 1;
    }
    finish(j);
    facts_partition_free(pt);
    return status;
}
