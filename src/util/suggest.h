/* suggest.h: "did you mean" by edit distance. */
#ifndef QPL_SUGGEST_H
#define QPL_SUGGEST_H

#include <stddef.h>

/* A suggestion being made for word, from candidates offered one by one. */
typedef struct Suggest {
    const char *word;
    const char *near;       /* the candidate nearest by edit distance so far */
    int dist;
    const char *prefix;     /* the longest that is word with a `_suffix` added or removed */
    size_t plen;
} Suggest;

void suggest_begin(Suggest *s, const char *word);
/* Offer a candidate name (NULL is skipped). */
void suggest_offer(Suggest *s, const char *cand);
/* The candidate to suggest, or NULL when none is close enough. */
const char *suggest_best(const Suggest *s);
/* The closest of n candidate names to word (NULL entries skipped), or NULL
   when none is close enough to suggest. */
const char *suggest_closest(const char *word, const char *const *cands, int n);

#endif
