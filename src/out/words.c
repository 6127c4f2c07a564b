/* words.c: reasons for missing values, rows and branches, in words. */
#include <stdint.h>
#include <stdlib.h>
#include "../util/mem.h"
#include "vtext.h"
#include "words.h"

/* The source text of a branch, white space folded, for messages. */
const char *words_branch(Arena *a, const Decl *d, const Branch *b)
{
    const char *t = loc_text_flat(a, d->file, b->text);
    return t ? t : "";
}

/* The text of an expression as written, white space folded. */
const char *words_expr(Arena *a, const Decl *d, const Expr *e)
{
    const char *t = d ? loc_text_flat(a, d->file, e->loc) : NULL;
    return t ? t : "";
}

/* A column's value in words, for naming a row. */
static void column_words(Sb *b, const Row *r, int index)
{
    if (index >= 0 && r->cols[index].k != V_MISSING)
        vtext(b, r->cols[index], VT_WORDS);
}

/* How a person knows a row: by its key ("process PC-1"), else by its parent's
   key and its date ("inspection of SOM07 published 2023-04-20"), else its rowid. */
void words_row(Sb *b, const Row *r)
{
    const Record *rec = r->rec;
    sb_puts(b, rec->name);
    if (r->key) {
        sb_putc(b, ' ');
        sb_puts(b, r->key);
        return;
    }
    bool named = rec->named_index >= 0 && r->cols[rec->named_index].k != V_MISSING;
    bool parent = rec->parent_index >= 0 && r->cols[rec->parent_index].k != V_MISSING;
    bool dated = rec->dated_index >= 0 && r->cols[rec->dated_index].k != V_MISSING;
    if (named) {
        sb_putc(b, ' ');
        column_words(b, r, rec->named_index);
    }
    if (parent) {
        sb_puts(b, " of ");
        column_words(b, r, rec->parent_index);
    }
    if (dated) {
        sb_printf(b, " %s ", ((const Field *)rec->fields.v[rec->dated_index])->name);
        column_words(b, r, rec->dated_index);
    }
    if (!named && !parent && !dated)
        sb_printf(b, " row %lld", (long long)r->rowid);
}

static void write_reason(Sb *b, const Reason *r, Quotes *q);

/* The folded text of the spans a renderer has quoted, to be copied the next
   time: a policy has a few dozen conditions, and its reasons quote them on
   most lines. Found by file and span (open addressing); never full. */
typedef struct Quote {
    const SourceFile *file;     /* NULL: an empty entry */
    Loc loc;
    char *text;
    size_t len;
} Quote;

struct Quotes {
    Quote *e;
    size_t cap, n;
};

/* An empty set of quotes. */
Quotes *quotes_new(void)
{
    return xcalloc(1, sizeof(Quotes));
}

/* Free a set of quotes (NULL is nothing). */
void quotes_free(Quotes *q)
{
    if (!q)
        return;
    for (size_t i = 0; i < q->cap; i++)
        free(q->e[i].text);
    free(q->e);
    free(q);
}

/* The entry of a span, or the empty one where it would go. */
static Quote *quote_slot(Quote *e, size_t cap, const SourceFile *f, Loc l)
{
    size_t h = ((uintptr_t)f >> 4) * 31 + (size_t)l.line * 131071 + (size_t)l.col * 8191 +
               (size_t)l.end_line * 127 + (size_t)l.end_col;
    for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1))
        if (!e[i].file || (e[i].file == f && e[i].loc.line == l.line && e[i].loc.col == l.col &&
                           e[i].loc.end_line == l.end_line && e[i].loc.end_col == l.end_col))
            return &e[i];
}

/* Make room for one more quote (the table stays at most half full). */
static void quotes_grow(Quotes *q)
{
    if (2 * (q->n + 1) <= q->cap)
        return;
    size_t cap = q->cap ? q->cap * 2 : 64;
    Quote *e = xcalloc(cap, sizeof *e);
    for (size_t i = 0; i < q->cap; i++)
        if (q->e[i].file)
            *quote_slot(e, cap, q->e[i].file, q->e[i].loc) = q->e[i];
    free(q->e);
    q->e = e;
    q->cap = cap;
}

/* Append the folded text of a span of file f, from q when it was quoted before. */
static void put_span(Sb *b, const SourceFile *f, Loc l, Quotes *q)
{
    if (!q) {
        loc_put_flat(b, f, l);
        return;
    }
    quotes_grow(q);
    Quote *e = quote_slot(q->e, q->cap, f, l);
    if (!e->file) {
        Sb t = SB_INIT;
        loc_put_flat(&t, f, l);
        e->file = f;
        e->loc = l;
        e->len = t.len;
        e->text = t.s ? t.s : xstrdup("");
        q->n++;
    }
    sb_putn(b, e->text, e->len);
}

/* Append an expression of a decision as written, white space folded. */
static void put_expr(Sb *b, const Decl *d, const Expr *e, Quotes *q)
{
    if (d)
        put_span(b, d->file, e->loc, q);
}

/* A query that found no row, in words. */
static void write_no_row(Sb *b, const Reason *r, Quotes *q)
{
    sb_puts(b, "there is no ");
    sb_puts(b, r->text);
    sb_puts(b, " row");
    if (r->query && r->query->u.query.where) {
        sb_puts(b, " where ");
        put_span(b, r->query->u.query.file, r->query->u.query.where->loc, q);
    }
    sb_puts(b, " as of this date");
}

/* Why a value does not apply, in words. */
static void write_not_applicable(Sb *b, const Reason *r, Quotes *q)
{
    if (!r->decl) {             /* a row no section decides about */
        words_row(b, r->row);
        sb_puts(b, ": ");
        sb_puts(b, r->text);
    } else if (r->branch) {
        sb_puts(b, "the policy says it does not apply when ");
        put_expr(b, r->decl, r->query ? r->query : r->branch->cond, q);
    } else {
        sb_puts(b, "its start, ");
        put_expr(b, r->decl, r->decl->u.dec.from, q);
        sb_puts(b, ", has not happened: ");
        write_reason(b, r->inner, q);
    }
}

/* Append a reason (and the reasons inside it) as text. */
static void write_reason(Sb *b, const Reason *r, Quotes *q)
{
    switch (r->kind) {
    case R_NULL:
    case R_NOT_YET:
        words_row(b, r->row);
        sb_puts(b, ": ");
        sb_puts(b, r->field->name);
        sb_puts(b, r->kind == R_NULL ? " is not recorded" : " is after the as-of date (not yet)");
        break;
    case R_NO_ROW:
        write_no_row(b, r, q);
        break;
    case R_BRANCH:
        sb_puts(b, "cannot tell whether `");
        put_span(b, r->decl->file, r->branch->text, q);
        sb_puts(b, "` applies: ");
        write_reason(b, r->inner, q);
        break;
    case R_LEFT:
        if (!r->branch->cond) {
            sb_puts(b, "the policy leaves it undetermined");
            break;
        }
        sb_puts(b, "the policy leaves it undetermined when ");
        put_expr(b, r->decl, r->query ? r->query : r->branch->cond, q);
        if (r->inner && (r->inner->kind == R_NULL || r->inner->kind == R_NOT_YET || r->inner->kind == R_NO_ROW)) {
            sb_puts(b, " (");
            write_reason(b, r->inner, q);
            sb_putc(b, ')');
        }
        break;
    case R_NA:
        write_not_applicable(b, r, q);
        break;
    case R_WRAP:
        sb_puts(b, r->text);
        write_reason(b, r->inner, q);
        break;
    default:
        sb_puts(b, r->text);
        break;
    }
}

/* Append a reason as text. */
void words_reason_to(Sb *b, const Reason *r)
{
    write_reason(b, r, NULL);
}

/* Append a reason as text, its quotes of the policy kept in q for next time. */
void words_reason_quoting(Sb *b, const Reason *r, Quotes *q)
{
    write_reason(b, r, q);
}

/* A reason as a string in an arena. */
const char *words_reason(Arena *a, const Reason *r)
{
    Sb b = SB_INIT;
    write_reason(&b, r, NULL);
    const char *s = sb_arena(&b, a);
    sb_free(&b);
    return s;
}

/* The first fact a reason says is missing (a row's field not recorded, or
   not yet), or NULL. */
const Reason *words_missing_fact(const Reason *r)
{
    for (; r; r = r->inner)
        if (r->kind == R_NULL || r->kind == R_NOT_YET)
            return r;
    return NULL;
}
