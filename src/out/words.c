/* words.c: reasons for missing values, and branches, in words. */
#include "words.h"

/* The source text of a branch, white space folded, for messages. */
const char *words_branch(Arena *a, const Decl *d, const Branch *b)
{
    const char *t = loc_text_flat(a, d->file, b->text);
    return t ? t : "";
}

/* Append a reason (and the reasons inside it) as text. */
static void words_write_reason(Sb *b, const Reason *r)
{
    Arena *a;
    switch (r->kind) {
    case R_NULL:
        sb_printf(b, "%s.%s is not recorded (NULL)", r->row->rec->table, r->field->name);
        return;
    case R_NOT_YET:
        sb_printf(b, "%s.%s is after the as-of date (not yet)", r->row->rec->table, r->field->name);
        return;
    case R_NO_ROW:
        sb_printf(b, "there is no %s row%s as of this date", r->text, r->matches ? " that matches" : "");
        return;
    case R_BRANCH:
    case R_LEFT:
        a = arena_new();
        if (r->kind == R_BRANCH) {
            sb_printf(b, "cannot tell whether `%s` applies: ", words_branch(a, r->decl, r->branch));
            words_write_reason(b, r->inner);
        } else {
            sb_printf(b, "the policy leaves `%s` undetermined: %s", r->decl->name, words_branch(a, r->decl, r->branch));
        }
        arena_free(a);
        return;
    case R_WRAP:
        sb_puts(b, r->text);
        words_write_reason(b, r->inner);
        return;
    default:
        sb_puts(b, r->text);
        return;
    }
}

/* A reason as a string in an arena. */
const char *words_reason(Arena *a, const Reason *r)
{
    Sb b = SB_INIT;
    words_write_reason(&b, r);
    const char *s = sb_arena(&b, a);
    sb_free(&b);
    return s;
}
