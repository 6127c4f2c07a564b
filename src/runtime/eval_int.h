/* eval_int.h: the evaluator's state, shared by its modules (eval.c, the
   expressions, queries and decision forms). Private to src/runtime/. */
#ifndef QPL_EVAL_INT_H
#define QPL_EVAL_INT_H

#include "eval.h"

/* A let or decision of the current subject, computed once. */
typedef struct Slot {
    Value v;
    Explain why;
    unsigned gen;           /* the memo's generation when state was set; older means not yet */
    unsigned char state;    /* 1 being computed, 2 done */
} Slot;

struct Eval {
    const Program *p;
    Facts *facts;
    qdate as_of;
    Arena *run;             /* values that live for the run: parameters, global lets, whole tables */
    Arena *a;               /* values of the current subject */
    Value *params;
    unsigned param_changes;     /* how many times a parameter was set (memos made before are stale) */
    Value *globals;
    unsigned char *gstate;
    Explain *gwhy;          /* [global let]: what it read when computed */
    const Section *sect;
    Row *subject;
    Slot *slots;            /* the memo in use: the subject's own, or another row's */
    int nslots;
    unsigned gen;           /* the generation of the memo in use */
    Slot *own;              /* the subject's memo, reused from subject to subject */
    int own_cap;
    unsigned subjects;      /* subjects started, the generation of the subject's memo */
    Value env[QPL_MAX_SCOPES + 1];  /* rows and variables in scope, the subject first */
    int depth;
    int nest;               /* expressions being evaluated, through definitions */
    Fault fault;
    bool explain;
    Vec *uses;              /* where the uses of the value being computed are noted */
    int *dropped;           /* and where those past the limit are counted */
    EvalHooks hooks;
};

/* Reasons shared by the evaluator's modules. */
extern const Reason ev_no_subject, ev_too_deep;
/* The reasons of "no value": the policy's own `missing`, and min or max of no rows. */
extern const Reason ev_given_none, ev_no_rows;

/* A missing value with a formatted reason, in the subject's arena. */
#define MISSING(...) v_missing(reason_text(E->a, __VA_ARGS__))

/* How each kind of expression is evaluated (eval_expr.c), and the fault of
   a policy nested more deeply than the limit. */
extern Value (*const ev_kind[])(Eval *E, const Expr *x);
Value ev_nested_too_deeply(Eval *E);

/* Evaluate an expression in the current environment, counting the nesting
   as the checker does: a checked program never exceeds the limit; should
   one, the run stops. (Inline: every node of every expression comes here.) */
static inline Value ev(Eval *E, const Expr *x)
{
    if (E->nest >= QPL_MAX_NESTING)
        return ev_nested_too_deeply(E);
    E->nest++;
    Value v = ev_kind[x->kind](E, x);
    E->nest--;
    return v;
}

/* Kleene truth: 1 true, 0 false (or not applicable), -1 unknown. */
int   ev_truth(Value v);
/* date + duration (sign -1: minus), or the reason it cannot be computed. */
Value ev_add_duration(Eval *E, qdate d, Value dur, int sign);
/* Push a row or variable for a query's scope; false when too deep. */
bool  ev_push(Eval *E, Value v);
/* Note a fact read, or a decision used, for explanations (the ev_note_
   forms only while explaining, and inline: they are met at every field). */
void  ev_record_fact(Eval *E, const Row *r, const Field *f, Value v);
void  ev_record_use(Eval *E, UseKind k, const Sym *s, Value v);
void  ev_record_row_use(Eval *E, const Row *r, const Sym *s, Value v);
static inline void ev_note_fact(Eval *E, const Row *r, const Field *f, Value v)
{
    if (E->explain && E->uses)
        ev_record_fact(E, r, f, v);
}
static inline void ev_note_use(Eval *E, UseKind k, const Sym *s, Value v)
{
    if (E->explain && E->uses)
        ev_record_use(E, k, s, v);
}
static inline void ev_note_row_use(Eval *E, const Row *r, const Sym *s, Value v)
{
    if (E->explain && E->uses)
        ev_record_row_use(E, r, s, v);
}
/* The value of a let or decision of the current subject, memoised. */
Value ev_slot(Eval *E, const Sym *s, Explain *why);
/* Record a fault for the current subject (the first one is kept). */
void  ev_fault(Eval *E, FaultKind k, const char *msg);
void  ev_hook(Eval *E, const Decl *d, Outcome o, const Branch *b);

Value ev_query(Eval *E, const Expr *x);
/* Record what decided a condition (or boolean value) whose value is v (explain.c). */
void  ev_explain(Eval *E, const Expr *c, Value v, Explain *why);
/* Record a deadline's start, due date and done date as what decided it. */
void  ev_explain_parts(Eval *E, const Decl *d, const Deadline *dl, Explain *why);
Value ev_decision(Eval *E, const Decl *d, Explain *why);
/* Decision s (of the section for r's record) about row r, for another
   subject's rule: computed in r's own scope, once per row. */
Value ev_row_decision(Eval *E, Row *r, const Sym *s);
/* Keep the frames from `from` up while a definition is computed in its own
   scope, and put them back (saved in sc). */
typedef struct EvScope {
    Value env[QPL_MAX_SCOPES + 1];
    int depth;
} EvScope;
void  ev_scope_enter(Eval *E, EvScope *sc, int from);
void  ev_scope_leave(Eval *E, const EvScope *sc, int from);

#endif
