/* suggest.c: the nearest name by edit distance, for "did you mean" hints. */
#include <stdbool.h>
#include <string.h>
#include "suggest.h"

/* Levenshtein distance, bounded for short identifiers. */
static int edit_distance(const char *a, const char *b)
{
    int la = (int)strlen(a), lb = (int)strlen(b);
    if (la > 63 || lb > 63)
        return 99;
    int row[64];
    for (int j = 0; j <= lb; j++)
        row[j] = j;
    for (int i = 1; i <= la; i++) {
        int prev = row[0];
        row[0] = i;
        for (int j = 1; j <= lb; j++) {
            int cur = row[j];
            int sub = prev + (a[i - 1] != b[j - 1]);
            int del = row[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            prev = cur;
        }
    }
    return row[lb];
}

/* A candidate that is word with a `_suffix` added or removed (`due_date` for `due`). */
static const char *by_prefix(const char *word, const char *const *cands, int n)
{
    const char *best = NULL;
    size_t bestlen = 0, wl = strlen(word);
    for (int i = 0; i < n; i++) {
        if (!cands[i])
            continue;
        size_t cl = strlen(cands[i]);
        bool prefix = (cl >= 3 && cl < wl && !strncmp(word, cands[i], cl) && word[cl] == '_') ||
                      (wl >= 4 && wl < cl && !strncmp(word, cands[i], wl) && cands[i][wl] == '_');
        if (prefix && cl > bestlen) {
            best = cands[i];
            bestlen = cl;
        }
    }
    return best;
}

/* The candidate nearest to word, if near enough to suggest. */
const char *suggest_closest(const char *word, const char *const *cands, int n)
{
    const char *best = NULL;
    int bestd = 99;
    int len = (int)strlen(word);
    int maxd = len <= 3 ? 1 : len <= 6 ? 2 : 3;
    for (int i = 0; i < n; i++) {
        if (!cands[i])
            continue;
        int dist = edit_distance(word, cands[i]);
        if (dist < bestd) {
            bestd = dist;
            best = cands[i];
        }
    }
    if (bestd <= maxd)
        return best;
    return by_prefix(word, cands, n);
}
