/* because.c: explanations in words. */
#include "because.h"
#include "json.h"
#include "words.h"

/* The branch that fired, or the decision form, in words. */
const char *because_branch(Arena *a, const Explain *why)
{
    const Decl *d = why->decl;
    if (!d)
        return NULL;
    if (why->suspended)
        return "suspended";
    if (d->kind == D_DEADLINE)
        return arena_printf(a, "deadline %s", d->name);
    if (d->kind == D_QUORUM)
        return arena_printf(a, "quorum %s", d->name);
    if (!why->branch)
        return NULL;
    const char *t = words_branch(a, d, why->branch);
    if (d->kind == D_LADDER && why->since.k == V_DATE) {
        char ds[16];
        date_format(why->since.u.d, ds);
        t = arena_printf(a, "%s (since %s)", t, ds);
    }
    return t;
}

/* One use as a line: "inspections row 3: overall = \"good\"", "rag = \"amber\"", "sign x holds". */
void because_use(Sb *b, const Use *u)
{
    switch (u->kind) {
    case USE_FACT:
        if (u->row->key)
            sb_printf(b, "%s %s: %s = ", u->row->rec->table, u->row->key, u->field->name);
        else
            sb_printf(b, "%s row %lld: %s = ", u->row->rec->table, (long long)u->row->rowid, u->field->name);
        json_value(b, u->v);
        break;
    case USE_DECISION:
        sb_printf(b, "%s = ", u->sym->name);
        json_value(b, u->v);
        break;
    case USE_SIGN:
        sb_printf(b, "sign %s %s", u->sym->name,
                  u->v.k == V_MISSING ? "is undetermined" : u->v.u.b ? "holds" : "does not hold");
        break;
    }
}

/* The citation that explains a value: the branch's, else the decision's. */
const char *because_cite(const Explain *why, const Decl *d)
{
    if (why && why->cite)
        return why->cite;
    return d && d->kind != D_LET ? d->u.dec.cite : NULL;
}
