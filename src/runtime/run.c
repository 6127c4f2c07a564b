/* run.c: streams subjects from the facts and evaluates their decisions. */
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "run.h"

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

/* Report a fault that stops the run. */
static void report_fault(Run *r, const Section *s, const Fault *f)
{
    if (f->kind == FAULT_DATA) {
        diag_plain(r->d, "%s", f->msg);
        diag_hint(r->d, arena_printf(r->a, "%srun with --keep-going to report this %s as undetermined",
                                     strncmp(f->msg, "bad data", 8) ? "" : "fix the data, or ", s->rec->name));
    } else {
        diag_plain(r->d, "%s", f->msg);
        const char *hint = f->kind == FAULT_SOURCE ? facts_hint(r->facts) : NULL;
        if (hint)
            diag_hint(r->d, hint);
    }
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
        res->v = eval_output(r->E, res->d, &res->why);
        if (eval_fault(r->E)->kind != FAULT_NONE)
            break;
    }
    out->fault = eval_fault(r->E)->kind != FAULT_NONE ? eval_fault(r->E) : NULL;
}

/* Evaluate one streamed subject row: 0 to go on, 1 to stop. */
static int run_row(Run *r, const Section *s, Row *row, const RunSink *sink)
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

/* Evaluate and deliver every selected subject of a section. */
int run_section(Run *r, const Section *s, const char *only_id, const RunSink *sink)
{
    Stream *st = facts_subjects(r->facts, s->rec, only_id);
    int status = 0;
    while (status == 0) {
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
    facts_stream_free(st);
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
