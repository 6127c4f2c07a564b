/* eval.h: evaluation of a checked program against facts, one subject at a time. */
#ifndef QPL_EVAL_H
#define QPL_EVAL_H

#include "facts.h"
#include "value.h"

typedef struct Eval Eval;

/* Why a decision has its value: the branch that fired, its citation, facts read. */
typedef struct Explain {
    const char *branch;
    const char *cite;
    Vec facts;              /* const char* descriptions of facts used */
    Value since;            /* ladders: when the stage was entered (missing if not said) */
} Explain;

Eval *eval_new(Program *p, Facts *f, qdate as_of, Arena *run);
void  eval_free(Eval *e);
void  eval_set_explain(Eval *e, bool on);
/* Parse `text` as a value of parameter `name`'s type and use it. */
int   eval_set_param(Eval *e, const char *name, const char *text, char *err, size_t errlen);
/* Use an already evaluated value for a parameter. */
void  eval_set_param_value(Eval *e, Sym *param, Value v);
Value eval_param(Eval *e, Sym *param);
/* Start evaluating decisions for a subject row (a is reset by the caller). */
void  eval_subject(Eval *e, Section *s, Row *row, Arena *a);
/* Whether the subject passes its section's `where` (missing counts as no). */
Value eval_filter(Eval *e);
/* The value of an output declaration for the current subject. */
Value eval_output(Eval *e, Decl *d, Explain *why);
/* Evaluate a free-standing expression (REPL) for the current subject, if any. */
Value eval_expr_value(Eval *e, Expr *x);
/* Bad data met while evaluating the current subject, or NULL. */
const char *eval_bad(Eval *e);

#endif
