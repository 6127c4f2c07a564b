/* map.h: a string-keyed hash map that can be rolled back to an earlier size.
   Entries are kept in insertion order (for listing and suggestions); a
   rollback removes the entries added since a mark, so a checkpoint of the
   program is a count, not a copy. */
#ifndef QPL_MAP_H
#define QPL_MAP_H

#include <stddef.h>

typedef struct MapEntry {
    const char *key;        /* not copied: it must outlive the map */
    void *val;
    int next;               /* next entry in the same bucket, or -1 */
} MapEntry;

typedef struct Map {
    MapEntry *e;
    int n, cap;
    int *bucket;
    int nbucket;
} Map;

void  map_put(Map *m, const char *key, void *val);   /* newest wins on lookup */
void *map_get(const Map *m, const char *key);
void *map_getn(const Map *m, const char *key, size_t n);
/* Remove every entry added after the first `mark` ones (mark = m->n earlier). */
void  map_rollback(Map *m, int mark);
void  map_free(Map *m);

#endif
