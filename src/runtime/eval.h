/* eval.h: evaluating a checked program's definitions and decisions for one
   subject at a time, against a reader of facts. The program is only read;
   what callers want to know besides values (branch coverage, explanations)
   comes through hooks and Explain records they own. */
#ifndef QPL_EVAL_H
#define QPL_EVAL_H

#include "../facts/facts.h"
#include "explain.h"

typedef struct Eval Eval;

/* What happened in a decision, for coverage. */
typedef enum {
    OUT_BRANCH,             /* branch b fired (decide, ladder) */
    OUT_COMPUTED,           /* a deadline was computed */
    OUT_SUSPENDED,          /* a deadline was suspended */
    OUT_QUORATE,            /* a meeting was quorate */
    OUT_NOT_QUORATE         /* ... or not */
} Outcome;

typedef struct EvalHooks {
    void *ctx;
    void (*outcome)(void *ctx, const Decl *d, Outcome o, const Branch *b);
} EvalHooks;

Eval *eval_new(const Program *p, Facts *f, qdate as_of, Arena *run);
void  eval_free(Eval *E);
void  eval_set_hooks(Eval *E, const EvalHooks *h);
/* Record the facts and decisions behind values (for Explain). */
void  eval_set_explain(Eval *E, bool on);
void  eval_set_param(Eval *E, const Sym *param, Value v);
Value eval_param(Eval *E, const Sym *param);
/* Start evaluating for a subject row of section s (NULL, NULL: no subject);
   per-subject values go in a, which the caller resets between subjects. */
void  eval_subject(Eval *E, const Section *s, Row *row, Arena *a);
/* Whether the subject passes its section's `where` (true when it has none). */
Value eval_filter(Eval *E);
/* The row of the current subject, or NULL. */
const Row *eval_current(const Eval *E);
/* The value of a decision for the current subject, and why (why may be NULL). */
Value eval_output(Eval *E, const Decl *d, Explain *why);
/* Evaluate an expression (typed at the REPL, or a fixture's value) for the current subject. */
Value eval_expr(Eval *E, const Expr *x);
/* The first fault met for the current subject (kind FAULT_NONE when none). */
const Fault *eval_fault(const Eval *E);

/* Parse text as a value of param's type, in arena a: 0, or -1 with a message in *err (in a). */
int param_parse(const Sym *param, const char *text, Arena *a, Value *out, const char **err);
/* The parameter called name; NULL with a message (and a suggestion) in *err (in a). */
const Sym *param_find(const Program *p, const char *name, Arena *a, const char **err);

#endif
