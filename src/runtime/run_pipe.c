/* run_pipe.c: reading ahead on another thread (qpl eval --jobs 2). A reader
   thread streams a section's subjects over a connection of its own, reads
   the rows of the many links their rules use, and hands them over a batch
   at a time; this thread evaluates and delivers them in the same order, as
   from one stream. The links are read whether or not the rules come to
   read them: a fault met reading one is kept with the row and met when the
   rules read that link (facts_read_ahead), so that what is delivered, and
   which fault stops the run after which subject, is what one thread does.
   At most BATCHES batches are in flight: memory does not grow with the
   number of subjects. A thread that waits, for a batch to evaluate or for
   room to fill one, is woken only once WAKE batches are ready for it (or
   the stream has ended): each wake is a system call, and on a virtual
   machine an interrupt to another processor, so it is made to cover many. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "run_int.h"

enum { BATCH = 8, BATCHES = 16, WAKE = BATCHES / 2 };

/* Subjects read ahead, in the reader's order, and the arena they live in.
   The reader owns it until it is filled, this thread until it is emptied. */
typedef struct Batch {
    Arena *a;
    RunAhead item[BATCH];
    int n;
    bool last;              /* the stream ends with it */
} Batch;

struct RunPipe {
    Run *reader;            /* a run over another connection: its reader of the facts */
    FactSource *fs;
    bool keep_going;        /* bad data does not stop the run: read on past it */
    Batch ring[BATCHES];    /* batch k (in order) is ring[k % BATCHES] */
    const Section *s;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t filled;  /* a batch was filled */
    pthread_cond_t emptied; /* a batch was emptied, or closing */
    long nfilled, nemptied; /* (under mu) */
    bool filling_waits, emptying_waits;     /* (under mu) the reader, or this thread, waits */
    bool closing;           /* (under mu) stop reading */
};

/* A reader of r's facts on another connection to fs; NULL after a message
   when the connection cannot be opened. */
RunPipe *run_pipe_new(Run *r, FactSource *fs, bool keep_going)
{
    FactSource *again = facts_reopen(fs);
    if (!again)
        return NULL;
    RunPipe *p = xcalloc(1, sizeof *p);
    p->fs = again;
    p->reader = run_worker(r, again);
    p->keep_going = keep_going;
    for (int i = 0; i < BATCHES; i++)
        p->ring[i].a = arena_new();
    if (pthread_mutex_init(&p->mu, NULL) || pthread_cond_init(&p->filled, NULL) || pthread_cond_init(&p->emptied, NULL))
        mem_fail();     /* (they fail only for want of memory) */
    return p;
}

/* Free a reader made by run_pipe_new. */
void run_pipe_free(RunPipe *p)
{
    if (!p)
        return;
    run_free(p->reader);
    facts_close(p->fs);
    for (int i = 0; i < BATCHES; i++)
        arena_free(p->ring[i].a);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->filled);
    pthread_cond_destroy(&p->emptied);
    free(p);
}

/* Whether the stream ends at a fault read: one that stops the run. */
static bool stops(const RunPipe *p, const Fault *f)
{
    return f->kind != FAULT_NONE && !(f->kind == FAULT_DATA && p->keep_going);
}

/* Fill batch b from the stream: false when the stream ends in it. */
static bool fill(RunPipe *p, Facts *f, Stream *st, Batch *b)
{
    arena_reset(b->a);
    b->n = 0;
    b->last = false;
    while (!b->last && b->n < BATCH) {
        RunAhead *it = &b->item[b->n];
        it->fault = (Fault){FAULT_NONE, NULL};
        it->hint = NULL;
        it->row = facts_next(st, b->a, &it->fault);
        if (it->fault.kind == FAULT_SOURCE && facts_hint(f))
            it->hint = arena_strdup(b->a, facts_hint(f));
        if (it->fault.kind == FAULT_NONE && !it->row) {
            b->last = true;
            break;
        }
        if (it->fault.kind == FAULT_NONE)
            facts_read_ahead(f, it->row, b->a);
        b->n++;
        b->last = stops(p, &it->fault);
    }
    return !b->last;
}

/* The reader thread: fill batches while fewer than BATCHES are in flight,
   until the stream ends or this thread is told to close. */
static void *read_ahead(void *arg)
{
    RunPipe *p = arg;
    Facts *f = run_facts(p->reader);
    Stream *st = facts_subjects(f, p->s->rec, NULL);
    for (bool more = true; more;) {
        pthread_mutex_lock(&p->mu);
        while (p->nfilled - p->nemptied == BATCHES && !p->closing) {
            p->filling_waits = true;
            pthread_cond_wait(&p->emptied, &p->mu);
        }
        p->filling_waits = false;
        Batch *b = p->closing ? NULL : &p->ring[p->nfilled % BATCHES];
        pthread_mutex_unlock(&p->mu);
        if (!b)
            break;
        more = fill(p, f, st, b);
        pthread_mutex_lock(&p->mu);
        p->nfilled++;
        if (p->emptying_waits && (p->nfilled - p->nemptied >= WAKE || !more))
            pthread_cond_signal(&p->filled);
        pthread_mutex_unlock(&p->mu);
    }
    facts_stream_free(st);
    return NULL;
}

/* Evaluate section s with its subjects read ahead, delivering them in order:
   0, or 1 after a fault that stops the run was reported; -1 when they cannot
   be read on another connection (evaluate it in one stream). */
int run_pipe_section(RunPipe *p, Run *r, const Section *s, const RunSink *sink)
{
    if (!facts_shared_snapshot(run_facts(r)))
        return -1;
    p->s = s;
    p->nfilled = p->nemptied = 0;
    p->closing = p->filling_waits = p->emptying_waits = false;
    if (pthread_create(&p->thread, NULL, read_ahead, p) != 0)
        return -1;
    int status = 0;
    for (bool last = false; status == 0 && !last;) {
        pthread_mutex_lock(&p->mu);
        while (p->nfilled == p->nemptied) {
            p->emptying_waits = true;
            pthread_cond_wait(&p->filled, &p->mu);
        }
        p->emptying_waits = false;
        Batch *b = &p->ring[p->nemptied % BATCHES];
        pthread_mutex_unlock(&p->mu);
        status = run_ahead(r, s, b->item, b->n, b->a, sink);
        last = b->last;
        pthread_mutex_lock(&p->mu);
        p->nemptied++;
        if (p->filling_waits && BATCHES - (p->nfilled - p->nemptied) >= WAKE)
            pthread_cond_signal(&p->emptied);
        pthread_mutex_unlock(&p->mu);
    }
    pthread_mutex_lock(&p->mu);
    p->closing = true;
    pthread_cond_signal(&p->emptied);
    pthread_mutex_unlock(&p->mu);
    pthread_join(p->thread, NULL);
    return status;
}
