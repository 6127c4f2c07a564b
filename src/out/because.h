/* because.h: explanations in words: the branch that fired, the conditions
   that decided it with their values, and the facts and decisions read. */
#ifndef QPL_BECAUSE_H
#define QPL_BECAUSE_H

#include "../runtime/explain.h"
#include "../util/strbuf.h"

/* An explanation in words. */
typedef struct Because {
    const char *branch;     /* the branch that fired, or NULL */
    const char *cite;       /* the clause it cites, or NULL */
    const char **held;      /* the conditions that decided it, with their values */
    const char **facts;     /* the facts read, a line per row: "ROW: f = v, g = w" */
    const char **used;      /* the decisions and signs used: "rag = Amber" */
    int nheld, nfacts, nused;
} Because;

/* An explanation in words, in arena a, for decision (or definition) d. */
Because because_words(Arena *a, const Explain *why, const Decl *d);

/* The branch that fired (or the form: "deadline NAME", "quorum NAME",
   "suspended"), in arena a; NULL when there is none. */
const char *because_branch(Arena *a, const Explain *why);
/* A condition that decided it: "recent_sqf_concerns = 3 >= sqf_concern_threshold = 3". */
void because_held(Sb *b, const Held *h, const Decl *d);
/* One fact, decision or sign used: "inspection of SOM07 published 2023-04-20:
   overall = Requires improvement", "questionnaire_return = overdue", "sign x holds". */
void because_use(Sb *b, const Use *u);
/* Why, on one line: the conditions that decided it ("a = 3 >= b = 3; c holds"),
   else the branch that fired; nothing when there is neither. */
void because_line(Sb *b, const Explain *why);
/* The facts read, on one line: "ROW: f = v, g = w; ROW2: h = x". */
void because_facts_line(Sb *b, const Explain *why);
/* The citation of an explanation, else of its decision. */
const char *because_cite(const Explain *why, const Decl *d);

#endif
