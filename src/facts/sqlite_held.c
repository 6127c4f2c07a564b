/* sqlite_held.c: the rows a scan has passed over and holds back until their
   turn (sqlite_scan.c). They are packed small, with their dates and codes
   already decoded (a value that does not decode is kept as it is, for the
   decoder to report), in slabs that are freed when their last row is taken;
   they are found by rowid through a ring indexed by rowid (rows are held in
   rowid order, so the ring spans the rows between the oldest one held and
   the scan). Rows to skip when the scan reaches them are in a small heap. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "sqlite_int.h"

struct HeldRow {
    sqlite3_int64 rowid;
    uint32_t size;
    int16_t n;
    bool own;               /* allocated on its own (too big for a slab) */
    unsigned char data[];   /* per cell: a tag, then its bytes */
};

/* Held rows are carved from aligned slabs, found from a row's address. */
struct Slab {
    size_t used;
    int live;
};

enum { SLAB_SIZE = 1 << 18, SLAB_HEAD = (sizeof(Slab) + 15) & ~15, RING_MIN = 1024 };
enum { TAG_SMALL = 32, TAG_LONG = 0xFF };   /* an integer in one byte; a text length in four */

/* Start an empty set of held rows whose memory counts in *bytes. */
void held_init(Held *h, size_t *bytes)
{
    memset(h, 0, sizeof *h);
    h->bytes = bytes;
}

/* Memory for a held row of size bytes. */
static HeldRow *row_alloc(Held *h, size_t size)
{
    size = (size + 7) & ~(size_t)7;
    if (size > SLAB_SIZE - SLAB_HEAD) {
        HeldRow *r = xmalloc(size);
        r->own = true;
        *h->bytes += size;
        return r;
    }
    if (h->slab && h->slab->used + size > SLAB_SIZE) {
        if (h->slab->live == 0)
            h->slab->used = SLAB_HEAD;
        else
            h->slab = NULL;     /* (freed when its last row is taken) */
    }
    if (!h->slab) {
        h->slab = aligned_alloc(SLAB_SIZE, SLAB_SIZE);
        if (!h->slab)
            mem_fail();
        h->slab->used = SLAB_HEAD;
        h->slab->live = 0;
        *h->bytes += SLAB_SIZE;
    }
    HeldRow *r = (HeldRow *)((char *)h->slab + h->slab->used);
    h->slab->used += size;
    h->slab->live++;
    r->own = false;
    return r;
}

/* Free a held row, and its slab when it was the slab's last. */
static void row_free(Held *h, HeldRow *r)
{
    if (!r)
        return;
    if (r->own) {
        *h->bytes -= (r->size + 7) & ~(size_t)7;
        free(r);
        return;
    }
    Slab *sl = (Slab *)((uintptr_t)r & ~(uintptr_t)(SLAB_SIZE - 1));
    if (--sl->live == 0 && sl != h->slab) {
        *h->bytes -= SLAB_SIZE;
        free(sl);
    }
}

/* The bytes a cell packs into (its tag included), decoding the dates and
   codes of field fl (none when fl is NULL). */
static size_t cell_size(const Cell *c, const Field *fl, Cell *pre)
{
    *pre = *c;
    if (fl && c->type == SQLITE_TEXT && fl->type->kind == T_DATE) {
        qdate d;
        if (date_parse(c->s, (size_t)c->len, &d)) {
            pre->type = CELL_DATE;
            pre->i = d;
            return 5;
        }
    } else if (fl && c->type == SQLITE_TEXT && fl->type->kind == T_CODE) {
        int code = scale_lookup(fl->type->scale, c->s, (size_t)c->len);
        if (code >= 0 && code < 65536) {
            pre->type = CELL_CODE;
            pre->i = code;
            return 3;
        }
    }
    switch (c->type) {
    case SQLITE_NULL: return 1;
    case SQLITE_INTEGER: return c->i >= -128 && c->i < 128 ? 2 : 9;
    case SQLITE_FLOAT: return 9;
    default: return (c->len < TAG_LONG ? 2 : 6) + (size_t)c->len;
    }
}

/* Pack one cell at p; the end of what was written. */
static unsigned char *pack(unsigned char *p, const Cell *c)
{
    if (c->type == SQLITE_INTEGER && c->i >= -128 && c->i < 128) {
        *p++ = TAG_SMALL;
        *p++ = (unsigned char)(int8_t)c->i;
        return p;
    }
    *p++ = (unsigned char)c->type;
    if (c->type == CELL_DATE) {
        int32_t d = (int32_t)c->i;
        memcpy(p, &d, 4);
        return p + 4;
    }
    if (c->type == CELL_CODE) {
        uint16_t k = (uint16_t)c->i;
        memcpy(p, &k, 2);
        return p + 2;
    }
    if (c->type == SQLITE_INTEGER || c->type == SQLITE_FLOAT) {
        memcpy(p, c->type == SQLITE_INTEGER ? (const void *)&c->i : (const void *)&c->d, 8);
        return p + 8;
    }
    if (c->type == SQLITE_NULL)
        return p;
    uint32_t len = (uint32_t)c->len;
    if (len < TAG_LONG) {
        *p++ = (unsigned char)len;
    } else {
        *p++ = TAG_LONG;
        memcpy(p, &len, 4);
        p += 4;
    }
    memcpy(p, c->s, len);
    return p + len;
}

/* Unpack the cell packed at p into c (its text stays in the row); the
   next cell's place. */
static const unsigned char *unpack_cell(const unsigned char *p, Cell *c)
{
    int tag = *p++;
    c->type = tag == TAG_SMALL ? SQLITE_INTEGER : tag;
    if (tag == TAG_SMALL) {
        c->i = (int8_t)*p++;
    } else if (tag == CELL_DATE) {
        int32_t d;
        memcpy(&d, p, 4);
        c->i = d;
        p += 4;
    } else if (tag == CELL_CODE) {
        uint16_t k;
        memcpy(&k, p, 2);
        c->i = k;
        p += 2;
    } else if (tag == SQLITE_INTEGER || tag == SQLITE_FLOAT) {
        memcpy(tag == SQLITE_INTEGER ? (void *)&c->i : (void *)&c->d, p, 8);
        p += 8;
    } else if (tag != SQLITE_NULL) {
        uint32_t len = *p++;
        if (len == TAG_LONG) {
            memcpy(&len, p, 4);
            p += 4;
        }
        c->s = (const char *)p;
        c->len = (int)len;
        p += len;
    }
    return p;
}

/* Unpack a held row's cells into out. */
static void unpack(const HeldRow *r, Cell *out)
{
    const unsigned char *p = r->data;
    for (int i = 0; i < r->n; i++)
        p = unpack_cell(p, &out[i]);
}

/* Make room in the ring for rowids up to rowid (the ring doubles). */
static void ring_fit(Held *h, sqlite3_int64 rowid)
{
    if (h->cap && (uint64_t)(rowid - h->base) < h->cap)
        return;
    size_t cap = h->cap ? h->cap : RING_MIN;
    while ((uint64_t)(rowid - h->base) >= cap)
        cap *= 2;
    HeldRow **ring = xcalloc(cap, sizeof *ring);
    for (sqlite3_int64 r = h->base; r < h->end; r++)
        ring[(size_t)r & (cap - 1)] = h->ring[(size_t)r & (h->cap - 1)];
    *h->bytes += (cap - h->cap) * sizeof *ring;
    free(h->ring);
    h->ring = ring;
    h->cap = cap;
}

/* Hold back a row (rowid after every row held): its cells, as the fields
   of cols read them, but cell raw (the column its scan is ordered by, to
   compare as SQLite orders it) as SQLite gave it. */
void held_keep(Held *h, sqlite3_int64 rowid, const Cell *cells, const Record *rec, const Cols *cols, int raw)
{
    if (h->npre < cols->n) {
        h->npre = cols->n;
        h->pre = xrealloc(h->pre, (size_t)h->npre * sizeof *h->pre);
    }
    Cell *pre = h->pre;
    size_t size = sizeof(HeldRow);
    for (int i = 0; i < cols->n; i++)
        size += cell_size(&cells[i], i == raw ? NULL : rec->fields.v[cols->field[i]], &pre[i]);
    HeldRow *r = row_alloc(h, size);
    r->rowid = rowid;
    r->n = (int16_t)cols->n;
    r->size = (uint32_t)size;
    unsigned char *p = r->data;
    for (int i = 0; i < cols->n; i++)
        p = pack(p, &pre[i]);
    if (h->n == 0)
        h->base = h->end = rowid;
    ring_fit(h, rowid);
    h->ring[(size_t)rowid & (h->cap - 1)] = r;
    h->end = rowid + 1;
    h->n++;
}

/* Take the row with this rowid out, its cells in out (valid until the next
   take): true, or false when it is not held. */
bool held_take(Held *h, sqlite3_int64 rowid, Cell *out)
{
    row_free(h, h->taken);
    h->taken = NULL;
    if (h->n == 0 || rowid < h->base || rowid >= h->end)
        return false;
    HeldRow **slot = &h->ring[(size_t)rowid & (h->cap - 1)];
    if (!*slot)
        return false;
    h->taken = *slot;
    *slot = NULL;
    if (--h->n == 0)
        h->base = h->end;
    while (h->base < h->end && !h->ring[(size_t)h->base & (h->cap - 1)])
        h->base++;
    unpack(h->taken, out);
    return true;
}

/* Cell k of the row held with this rowid, left held, in *out (its text
   valid while the row is held): true, or false when it is not held. */
bool held_cell(const Held *h, sqlite3_int64 rowid, int k, Cell *out)
{
    if (h->n == 0 || rowid < h->base || rowid >= h->end)
        return false;
    const HeldRow *r = h->ring[(size_t)rowid & (h->cap - 1)];
    if (!r)
        return false;
    const unsigned char *p = r->data;
    for (int i = 0; i <= k; i++)
        p = unpack_cell(p, out);
    return true;
}

/* Note a rowid not reached yet that is to be skipped. */
void held_skip(Held *h, sqlite3_int64 rowid)
{
    if (h->nskip == h->capskip) {
        h->capskip = h->capskip ? h->capskip * 2 : 64;
        h->skip = xrealloc(h->skip, (size_t)h->capskip * sizeof *h->skip);
    }
    int i = h->nskip++;
    while (i > 0 && h->skip[(i - 1) / 2] > rowid) {
        h->skip[i] = h->skip[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->skip[i] = rowid;
}

/* Remove the smallest rowid to skip. */
static void skip_pop(Held *h)
{
    sqlite3_int64 last = h->skip[--h->nskip];
    int i = 0;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= h->nskip)
            break;
        if (c + 1 < h->nskip && h->skip[c + 1] < h->skip[c])
            c++;
        if (h->skip[c] >= last)
            break;
        h->skip[i] = h->skip[c];
        i = c;
    }
    if (h->nskip)
        h->skip[i] = last;
}

/* Whether the scan's row at rowid is to be skipped (rowids come in order). */
bool held_skipping(Held *h, sqlite3_int64 rowid)
{
    while (h->nskip && h->skip[0] < rowid)
        skip_pop(h);
    if (!h->nskip || h->skip[0] != rowid)
        return false;
    skip_pop(h);
    return true;
}

/* Free every row held. */
void held_free(Held *h)
{
    for (sqlite3_int64 r = h->base; h->n && r < h->end; r++) {
        HeldRow **slot = &h->ring[(size_t)r & (h->cap - 1)];
        if (*slot) {
            row_free(h, *slot);
            *slot = NULL;
            h->n--;
        }
    }
    row_free(h, h->taken);
    if (h->slab && h->slab->live == 0) {
        *h->bytes -= SLAB_SIZE;
        free(h->slab);
    }
    *h->bytes -= h->cap * sizeof *h->ring;
    free(h->ring);
    free(h->skip);
    free(h->pre);
    memset(h, 0, sizeof *h);
}

/* Ask the processor to bring into its cache, ahead of the take, the ring
   slot of a row that may be held (row false), or the row itself (row true,
   once its slot is likely cached): the rows are taken in another order
   than they were held in, so each take would otherwise wait on memory. */
void held_prefetch(const Held *h, sqlite3_int64 rowid, bool row)
{
    if (h->n == 0 || rowid < h->base || rowid >= h->end)
        return;
    HeldRow *const *slot = &h->ring[(size_t)rowid & (h->cap - 1)];
#if defined(__GNUC__)
    if (!row)
        __builtin_prefetch(slot);
    else if (*slot)
        __builtin_prefetch(*slot);
#endif
}
