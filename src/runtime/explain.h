/* explain.h: why a decision has its value, as data: the branch that fired,
   its citation, and what was read on the way. Renderers word it. */
#ifndef QPL_EXPLAIN_H
#define QPL_EXPLAIN_H

#include "value.h"

typedef enum {
    USE_FACT,               /* row's field, read with value v */
    USE_DECISION,           /* decision sym, used with value v */
    USE_SIGN                /* a sign counted by `how many of`: sym (a let or decision), v its truth */
} UseKind;

typedef struct Use {
    UseKind kind;
    const Row *row;
    const Field *field;
    const Sym *sym;
    Value v;
} Use;

/* A part of a condition that decided a branch: a comparison with its
   operands' values, or a condition with its own value. */
typedef struct Held {
    const char *part;       /* a deadline's part ("from", "within", "due", "done"), else NULL */
    const Expr *cond;
    Value v;                /* its value: true when it held (false parts explain a false answer) */
    const Expr *lhs, *rhs;  /* a comparison's (or `is` form's) operands, rhs NULL for one */
    Value a, b;             /* their values */
} Held;

typedef struct Explain {
    const Decl *decl;
    const Branch *branch;   /* the branch (or ladder stage) that fired, or that could not be decided */
    const char *cite;       /* the branch's citation, else the decision's */
    bool suspended;         /* a deadline that was suspended */
    Value since;            /* a ladder: when the stage was entered (missing when not said) */
    Vec uses;               /* Use*, in the order first read, each once */
    int dropped;            /* uses past EXPLAIN_MAX_USES, not recorded */
    Vec held;               /* Held*: the parts of the condition (or boolean value) that decided it */
} Explain;

/* The most uses an explanation lists (the rest are not recorded). */
#define EXPLAIN_MAX_USES 100

#endif
