/* map.c: chained hashing over an insertion-ordered entry array. */
#include <stdlib.h>
#include <string.h>
#include "map.h"
#include "mem.h"

/* FNV-1a hash of n bytes. */
static unsigned hash(const char *s, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Rebuild the buckets for at least twice the entries. */
static void rehash(Map *m)
{
    int nb = m->nbucket ? m->nbucket * 2 : 64;
    while (nb < m->n * 2)
        nb *= 2;
    free(m->bucket);
    m->bucket = xmalloc((size_t)nb * sizeof *m->bucket);
    for (int i = 0; i < nb; i++)
        m->bucket[i] = -1;
    m->nbucket = nb;
    for (int i = 0; i < m->n; i++) {
        unsigned b = hash(m->e[i].key, strlen(m->e[i].key)) & (unsigned)(nb - 1);
        m->e[i].next = m->bucket[b];
        m->bucket[b] = i;
    }
}

/* Add key -> val; a later entry with the same key hides an earlier one. */
void map_put(Map *m, const char *key, void *val)
{
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 16;
        m->e = xrealloc(m->e, (size_t)m->cap * sizeof *m->e);
    }
    if (m->n * 2 >= m->nbucket) {
        m->e[m->n].key = key;       /* rehash sees it once n counts it */
        m->n++;
        rehash(m);
        m->e[m->n - 1].val = val;
        return;
    }
    unsigned b = hash(key, strlen(key)) & (unsigned)(m->nbucket - 1);
    m->e[m->n] = (MapEntry){key, val, m->bucket[b]};
    m->bucket[b] = m->n++;
}

/* The value of the first n bytes of key, or NULL. */
void *map_getn(const Map *m, const char *key, size_t n)
{
    if (!m->nbucket)
        return NULL;
    unsigned b = hash(key, n) & (unsigned)(m->nbucket - 1);
    for (int i = m->bucket[b]; i >= 0; i = m->e[i].next)
        if (!strncmp(m->e[i].key, key, n) && m->e[i].key[n] == 0)
            return m->e[i].val;
    return NULL;
}

/* The value of key, or NULL. */
void *map_get(const Map *m, const char *key)
{
    return map_getn(m, key, strlen(key));
}

/* Drop the entries added after the first `mark`, newest first: each is then
   the head of its bucket, since entries are added at the head. */
void map_rollback(Map *m, int mark)
{
    while (m->n > mark) {
        MapEntry *e = &m->e[--m->n];
        unsigned b = hash(e->key, strlen(e->key)) & (unsigned)(m->nbucket - 1);
        m->bucket[b] = e->next;
    }
}

/* Free the map's memory (not the keys or values). */
void map_free(Map *m)
{
    free(m->e);
    free(m->bucket);
    memset(m, 0, sizeof *m);
}
