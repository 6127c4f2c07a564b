/* suggest.h: "did you mean" by edit distance. */
#ifndef QPL_SUGGEST_H
#define QPL_SUGGEST_H

/* The closest of n candidate names to word (NULL entries skipped), or NULL
   when none is close enough to suggest. */
const char *suggest_closest(const char *word, const char *const *cands, int n);

#endif
