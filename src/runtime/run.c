/* run.c: streams subjects from the facts and evaluates their decisions. */
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "run.h"
#include "run_int.h"

struct Run {
    const Program *p;
    RunOpts o;
    Diags *d;
    Arena *run;             /* lives for the run */
    Arena *a;               /* the current subject's */
    Facts *facts;
    Eval *E;
    Stream *focus;          /* the stream run_focus read its subject from */
    const Section *fsect;
    Row *frow;
    const char *fault;
    volatile sig_atomic_t *stop;    /* set: stop before the next subject (NULL: never) */
    RunCounts counts;
    const RunTwice *twice;  /* run_section_twice: each subject's second evaluation */
    /* --jobs: the workers that evaluate sections by key ranges (run_jobs.c) */
    RunJobs *jobs;
    RunPipe *pipe;          /* --jobs 2: the subjects read ahead on another thread (run_pipe.c) */
    RunStop *stopped;       /* a worker's range: where the fault that stops it goes, unreported */
    Arena *stop_arena;      /* ... and where its words are kept */
    RunTextSink text;       /* how workers may make the sink's output as text (ctx NULL: they may not) */
};

/* Make a run: a reader of the facts as of the date, and an evaluator. */
Run *run_new(const Program *p, FactSource *fs, const RunOpts *o, Diags *d)
{
    Run *r = xcalloc(1, sizeof *r);
    r->p = p;
    r->o = *o;
    r->d = d;
    r->run = arena_new();
    r->a = arena_new();
    r->facts = facts_reader(fs, p, o->as_of, o->every_column, r->run);
    r->E = eval_new(p, r->facts, o->as_of, r->run);
    eval_set_explain(r->E, o->explain);
    return r;
}

/* Free a run and everything read in it. */
void run_free(Run *r)
{
    if (!r)
        return;
    run_jobs_free(r->jobs);
    run_pipe_free(r->pipe);
    facts_stream_free(r->focus);
    eval_free(r->E);
    facts_reader_free(r->facts);
    arena_free(r->a);
    arena_free(r->run);
    free(r);
}

/* The run's evaluator. */
Eval *run_eval(Run *r)
{
    return r->E;
}

/* Stop the run at the next subject while *stop is set. */
void run_set_stop(Run *r, volatile sig_atomic_t *stop)
{
    r->stop = stop;
}

/* The arena that lives as long as the run. */
Arena *run_arena(Run *r)
{
    return r->run;
}

/* The id of a subject row: its key, or its rowid. */
static const char *row_id(Arena *a, const Row *row)
{
    return row->key ? row->key : arena_printf(a, "%lld", (long long)row->rowid);
}

/* Report a fault that stops the run (hint: what the source says to do about it, or NULL). */
static void report(Run *r, const Section *s, const Fault *f, const char *hint)
{
    if (f->kind == FAULT_DATA) {
        diag_plain(r->d, "%s", f->msg);
        diag_hint(r->d, arena_printf(r->a, "%srun with --keep-going to report this %s as undetermined",
                                     strncmp(f->msg, "bad data", 8) ? "" : "fix the data, or ", s->rec->name));
    } else {
        diag_plain(r->d, "%s", f->msg);
        if (hint)
            diag_hint(r->d, hint);
    }
}

/* Report a fault that stops the run, or keep it for the run that reports
   in order (a worker's range). */
static void report_fault(Run *r, const Section *s, const Fault *f)
{
    const char *hint = f->kind == FAULT_SOURCE ? facts_hint(r->facts) : NULL;
    if (!r->stopped) {
        report(r, s, f, hint);
        return;
    }
    r->stopped->fault = *f;
    r->stopped->fault.msg = f->msg ? arena_strdup(r->stop_arena, f->msg) : NULL;
    r->stopped->hint = hint ? arena_strdup(r->stop_arena, hint) : NULL;
}

/* Deliver a subject whose data is bad, every decision undetermined for that reason. */
static void deliver_bad(Run *r, const Section *s, const Row *row, const Fault *f, const RunSink *sink)
{
    Subject subj = {s, row, row ? row_id(r->a, row) : "?", NULL, s->outputs.n, f};
    subj.results = arena_array(r->a, (size_t)s->outputs.n + 1, sizeof *subj.results);
    Value v = v_missing(reason_text(r->a, "%s", f->msg));
    for (int i = 0; i < s->outputs.n; i++) {
        subj.results[i].d = s->outputs.v[i];
        subj.results[i].v = v;
    }
    sink->subject(sink->ctx, &subj);
}

/* Handle a fault met for a subject: deliver it undetermined (with
   --keep-going, for bad data) and go on, or report it and stop (returns 1). */
static int on_fault(Run *r, const Section *s, const Row *row, const Fault *f, const RunSink *sink)
{
    if (f->kind == FAULT_DATA && r->o.keep_going) {
        deliver_bad(r, s, row, f, sink);
        r->counts.delivered++;
        r->counts.bad++;
        return 0;
    }
    report_fault(r, s, f);
    return 1;
}

/* Evaluate every decision of the current subject into out. */
static void run_decisions(Run *r, Subject *out)
{
    const Section *s = r->fsect;
    memset(out, 0, sizeof *out);
    out->sect = s;
    out->row = r->frow;
    out->id = r->frow ? row_id(r->a, r->frow) : "";
    out->n = s ? s->outputs.n : 0;
    out->results = arena_array(r->a, (size_t)out->n + 1, sizeof *out->results);
    for (int i = 0; i < out->n; i++) {
        Result *res = &out->results[i];
        res->d = s->outputs.v[i];
        if (r->o.only && !r->o.only[s->index][res->d->sym->slot]) {
            res->v = v_missing(NULL);
            continue;
        }
        res->v = eval_output(r->E, res->d, &res->why);
        if (eval_fault(r->E)->kind != FAULT_NONE)
            break;
    }
    out->fault = eval_fault(r->E)->kind != FAULT_NONE ? eval_fault(r->E) : NULL;
}

/* Evaluate one streamed subject row: 0 to go on, 1 to stop. */
static int run_one(Run *r, const Section *s, Row *row, const RunSink *sink)
{
    r->fsect = s;
    r->frow = row;
    eval_subject(r->E, s, row, r->a);
    Value keep = eval_filter(r->E);
    const Fault *f = eval_fault(r->E);
    if (f->kind == FAULT_NONE && (keep.k != V_BOOL || !keep.u.b))
        return 0;
    Subject subj;
    if (f->kind == FAULT_NONE)
        run_decisions(r, &subj);
    if (f->kind != FAULT_NONE)
        return on_fault(r, s, row, f, sink);
    sink->subject(sink->ctx, &subj);
    r->counts.delivered++;
    return 0;
}

/* Evaluate one streamed subject row, and again with the other parameters
   of run_section_twice: 0 to go on, 1 to stop. */
static int run_row(Run *r, const Section *s, Row *row, const RunSink *sink)
{
    int status = run_one(r, s, row, sink);
    const RunTwice *t = r->twice;
    if (status != 0 || !t)
        return status;
    t->swap(t->ctx, r->E, true);
    status = run_one(r, s, row, &t->sink);
    t->swap(t->ctx, r->E, false);
    return status;
}

/* Evaluate and deliver every selected subject of a stream (each in a fresh
   r->a when fresh, else all in r->a); 0, or 1 at a fault that stops the run. */
static int run_stream(Run *r, const Section *s, Stream *st, bool fresh, const RunSink *sink)
{
    int status = 0;
    while (status == 0) {
        if (fresh)
            arena_reset(r->a);
        Fault fault = {FAULT_NONE, NULL};
        if (r->stop && *r->stop)
            fault = (Fault){FAULT_SOURCE, "interrupted"};
        Row *row = fault.kind == FAULT_NONE ? facts_next(st, r->a, &fault) : NULL;
        if (fault.kind != FAULT_NONE)
            status = on_fault(r, s, row, &fault, sink);
        else if (!row)
            break;
        else
            status = run_row(r, s, row, sink);
    }
    return status;
}

/* Evaluate and deliver every selected subject of a section: by key ranges
   on the workers when there are workers and the section can be split, else
   here, in one stream. */
int run_section(Run *r, const Section *s, const char *only_id, const RunSink *sink)
{
    int status = -1;
    if (r->pipe && !only_id)
        status = run_pipe_section(r->pipe, r, s, sink);
    else if (r->jobs && !only_id)
        status = run_jobs_section(r->jobs, r, s, sink);
    if (status >= 0)
        return status;
    Stream *st = facts_subjects(r->facts, s->rec, only_id);
    status = run_stream(r, s, st, true, sink);
    facts_stream_free(st);
    return status;
}

/* Evaluate every selected subject of a section with two sets of parameters,
   reading its facts once. */
int run_section_twice(Run *r, const Section *s, const RunSink *sink, const RunTwice *twice)
{
    r->twice = twice;
    Stream *st = facts_subjects(r->facts, s->rec, NULL);
    int status = run_stream(r, s, st, true, sink);
    facts_stream_free(st);
    r->twice = NULL;
    return status;
}

/* Position the evaluator on one subject of section s (or on none). */
Focus run_focus(Run *r, const Section *s, const char *id)
{
    facts_stream_free(r->focus);
    r->focus = NULL;
    r->fault = NULL;
    arena_reset(r->a);
    r->fsect = s;
    r->frow = NULL;
    if (!s) {
        eval_subject(r->E, NULL, NULL, r->a);
        return FOCUS_OK;
    }
    r->focus = facts_subjects(r->facts, s->rec, id);
    Fault fault = {FAULT_NONE, NULL};
    r->frow = facts_next(r->focus, r->a, &fault);
    eval_subject(r->E, r->frow ? s : NULL, r->frow, r->a);
    if (fault.kind != FAULT_NONE) {
        r->fault = fault.msg;
        return FOCUS_FAULT;
    }
    return r->frow ? FOCUS_OK : FOCUS_NONE;
}

/* The message of the fault the evaluator last met, or NULL. */
const char *run_fault(Run *r)
{
    const Fault *f = eval_fault(r->E);
    return f->kind != FAULT_NONE ? f->msg : r->fault;
}

/* How many subjects the run has delivered, and how many of them for bad data. */
RunCounts run_counts(const Run *r)
{
    return r->counts;
}

/* Evaluating sections on other threads (qpl eval --jobs; see run_jobs.c). */

/* Evaluate sections by key ranges on n threads, each with a run of its own. */
int run_set_jobs(Run *r, FactSource *fs, int n)
{
    if (n < 2 || r->jobs || r->pipe)
        return 0;
    if (n == 2) {
        r->pipe = run_pipe_new(r, fs, r->o.keep_going);
        return r->pipe ? 0 : -1;
    }
    r->jobs = run_jobs_new(r, fs, n < RUN_MAX_JOBS ? n : RUN_MAX_JOBS);
    return r->jobs ? 0 : -1;
}

/* Evaluate and deliver subjects read ahead (run_pipe.c), each with the fault
   met reading it, all in arena a: as run_stream does. 0, or 1 at a fault
   that stops the run. */
int run_ahead(Run *r, const Section *s, const RunAhead *items, int n, Arena *a, const RunSink *sink)
{
    Arena *own = r->a;
    r->a = a;
    int status = 0;
    for (int i = 0; i < n && status == 0; i++) {
        Fault fault = items[i].fault;
        Row *row = items[i].row;
        const char *hint = items[i].hint;
        if (r->stop && *r->stop) {
            fault = (Fault){FAULT_SOURCE, "interrupted"};
            row = NULL;
            hint = NULL;
        }
        if (fault.kind != FAULT_NONE) {
            facts_forward_hint(r->facts, hint);
            status = on_fault(r, s, row, &fault, sink);
        } else {
            status = run_row(r, s, row, sink);
        }
    }
    r->a = own;
    return status;
}

/* A worker's run like r, over another source: the same options, no workers. */
Run *run_worker(const Run *r, FactSource *fs)
{
    return run_new(r->p, fs, &r->o, r->d);
}

/* The run's reader of the facts. */
Facts *run_facts(Run *r)
{
    return r->facts;
}

/* Give a worker's run the parameter values of the run it works for. */
void run_copy_params(Run *to, Run *from)
{
    for (int i = 0; i < from->p->params.n; i++) {
        const Sym *param = from->p->params.v[i];
        eval_set_param(to->E, param, eval_param(from->E, param));
    }
}

/* Evaluate the selected subjects of section s whose keys are in a range,
   delivering each to sink: all in arena a when keep (they outlive the
   call), else each in the run's own arena, reset from one to the next. 0,
   or 1 when a fault stops it (then kept in *stop, in a, not reported). */
int run_range(Run *r, const Section *s, const FactRange *range, Arena *a, bool keep, const RunSink *sink,
              RunStop *stop)
{
    Arena *own = r->a;
    if (keep)
        r->a = a;
    r->stopped = stop;
    r->stop_arena = a;
    Stream *st = facts_subjects_range(r->facts, s->rec, range);
    int status = run_stream(r, s, st, !keep, sink);
    facts_stream_free(st);
    r->a = own;
    r->stopped = NULL;
    return status;
}

/* Let workers make the sink's output themselves, as text. */
void run_set_text_sink(Run *r, const RunTextSink *t)
{
    r->text = t ? *t : (RunTextSink){0};
}

/* How workers may make the sink's output as text, or NULL. */
const RunTextSink *run_text_sink(const Run *r)
{
    return r->text.ctx ? &r->text : NULL;
}

/* Report the fault that stopped a worker's range, as run_section would have. */
void run_report_stop(Run *r, const Section *s, const RunStop *stop)
{
    report(r, s, &stop->fault, stop->hint);
}

/* Count subjects delivered from a worker's range (bad: reported undetermined for bad data). */
void run_delivered(Run *r, long n, long bad)
{
    r->counts.delivered += n;
    r->counts.bad += bad;
}
