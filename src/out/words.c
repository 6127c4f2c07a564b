/* words.c: reasons for missing values, rows and branches, in words. */
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

static void write_reason(Sb *b, const Reason *r);

/* Append an expression of a decision as written, white space folded. */
static void put_expr(Sb *b, const Decl *d, const Expr *e)
{
    if (d)
        loc_put_flat(b, d->file, e->loc);
}

/* A query that found no row, in words. */
static void write_no_row(Sb *b, const Reason *r)
{
    sb_puts(b, "there is no ");
    sb_puts(b, r->text);
    sb_puts(b, " row");
    if (r->query && r->query->u.query.where) {
        sb_puts(b, " where ");
        loc_put_flat(b, r->query->u.query.file, r->query->u.query.where->loc);
    }
    sb_puts(b, " as of this date");
}

/* Why a value does not apply, in words. */
static void write_not_applicable(Sb *b, const Reason *r)
{
    if (!r->decl) {             /* a row no section decides about */
        words_row(b, r->row);
        sb_puts(b, ": ");
        sb_puts(b, r->text);
    } else if (r->branch) {
        sb_puts(b, "the policy says it does not apply when ");
        put_expr(b, r->decl, r->query ? r->query : r->branch->cond);
    } else {
        sb_puts(b, "its start, ");
        put_expr(b, r->decl, r->decl->u.dec.from);
        sb_puts(b, ", has not happened: ");
        write_reason(b, r->inner);
    }
}

/* Append a reason (and the reasons inside it) as text. */
static void write_reason(Sb *b, const Reason *r)
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
        write_no_row(b, r);
        break;
    case R_BRANCH:
        sb_puts(b, "cannot tell whether `");
        loc_put_flat(b, r->decl->file, r->branch->text);
        sb_puts(b, "` applies: ");
        write_reason(b, r->inner);
        break;
    case R_LEFT:
        if (!r->branch->cond) {
            sb_puts(b, "the policy leaves it undetermined");
            break;
        }
        sb_puts(b, "the policy leaves it undetermined when ");
        put_expr(b, r->decl, r->query ? r->query : r->branch->cond);
        if (r->inner && (r->inner->kind == R_NULL || r->inner->kind == R_NOT_YET || r->inner->kind == R_NO_ROW)) {
            sb_puts(b, " (");
            write_reason(b, r->inner);
            sb_putc(b, ')');
        }
        break;
    case R_NA:
        write_not_applicable(b, r);
        break;
    case R_WRAP:
        sb_puts(b, r->text);
        write_reason(b, r->inner);
        break;
    default:
        sb_puts(b, r->text);
        break;
    }
}

/* Append a reason as text. */
void words_reason_to(Sb *b, const Reason *r)
{
    write_reason(b, r);
}

/* A reason as a string in an arena. */
const char *words_reason(Arena *a, const Reason *r)
{
    Sb b = SB_INIT;
    write_reason(&b, r);
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
