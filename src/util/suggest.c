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

/* Start a suggestion for word. */
void suggest_begin(Suggest *s, const char *word)
{
    *s = (Suggest){word, NULL, 99, NULL, 0};
}

/* Weigh one candidate: by edit distance, and as word with a `_suffix` added
   or removed (`due_date` for `due`). */
void suggest_offer(Suggest *s, const char *cand)
{
    if (!cand)
        return;
    int dist = edit_distance(s->word, cand);
    if (dist < s->dist) {
        s->dist = dist;
        s->near = cand;
    }
    size_t cl = strlen(cand), wl = strlen(s->word);
    bool prefix = (cl >= 3 && cl < wl && !strncmp(s->word, cand, cl) && s->word[cl] == '_') ||
                  (wl >= 4 && wl < cl && !strncmp(s->word, cand, wl) && cand[wl] == '_');
    if (prefix && cl > s->plen) {
        s->prefix = cand;
        s->plen = cl;
    }
}

/* The nearest candidate if near enough for the word's length, else the prefix one. */
const char *suggest_best(const Suggest *s)
{
    int len = (int)strlen(s->word);
    int maxd = len <= 3 ? 1 : len <= 6 ? 2 : 3;
    return s->dist <= maxd ? s->near : s->prefix;
}

/* The candidate nearest to word, if near enough to suggest. */
const char *suggest_closest(const char *word, const char *const *cands, int n)
{
    Suggest s;
    suggest_begin(&s, word);
    for (int i = 0; i < n; i++)
        suggest_offer(&s, cands[i]);
    return suggest_best(&s);
}
