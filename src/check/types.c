/* types.c: making, comparing and naming types. */
#include <string.h>
#include "types.h"

/* Make a new type. */
Type *type_new(Program *p, TypeKind k, const char *name)
{
    Type *t = arena_alloc(p->arena, sizeof *t);
    t->kind = k;
    t->name = name;
    return t;
}

/* The list type of elem. */
Type *type_list(Program *p, Type *elem)
{
    Type *t = type_new(p, T_LIST, "list");
    t->elem = elem;
    return t;
}

/* Structural type equality; `any` and error types match everything. */
bool type_eq(const Type *a, const Type *b)
{
    if (!a || !b || a->kind == T_ANY || b->kind == T_ANY || a->kind == T_ERROR || b->kind == T_ERROR)
        return true;
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case T_LIST: return type_eq(a->elem, b->elem);
    case T_CODE: return a->scale == b->scale;
    case T_RECORD: return a->rec == b->rec;
    case T_DURATION: return a->unit == b->unit;
    default: return true;
    }
}

/* Whether t can be ordered with < and >. */
bool type_ordered(const Type *t)
{
    return t->kind == T_NUMBER || t->kind == T_DATE || t->kind == T_DURATION ||
           (t->kind == T_CODE && t->scale->u.scale.ordered) || t->kind == T_ANY || t->kind == T_ERROR;
}

/* "a" or "an", whichever reads right before word. */
const char *type_article(const char *word)
{
    return word && word[0] && strchr("aeiouAEIOU", word[0]) ? "an" : "a";
}

/* A type as policy authors write it. */
const char *type_str(Arena *a, const Type *t)
{
    if (!t)
        return "nothing";
    switch (t->kind) {
    case T_DURATION: return arena_printf(a, "a duration in %s", lang_units[t->unit].many);
    case T_CODE: return t->name;
    case T_LIST: return arena_printf(a, "list of %s", type_str(a, t->elem));
    case T_RECORD: return arena_printf(a, "%s %s record", type_article(t->name), t->name);
    case T_ANY: return "missing";
    case T_ERROR: return "an erroneous value";
    default: return lang_type_names[t->kind];
    }
}

/* A type with an article, for use in a sentence. */
const char *type_a(Arena *a, const Type *t)
{
    const char *s = type_str(a, t);
    if (!strncmp(s, "a ", 2) || !strncmp(s, "an ", 3) || (t && (t->kind == T_ANY || t->kind == T_ERROR)))
        return s;
    return arena_printf(a, "%s %s", type_article(s), s);
}

/* The duration type of the kind of unit u. */
Type *type_duration(Program *p, Unit u)
{
    Unit k = lang_units[u].kind;
    return k == U_MONTHS ? p->t_months : k == U_WORKING_DAYS ? p->t_wdays : p->t_days;
}

/* Make the built-in types, and the scale of deadline statuses. */
void types_init(Program *p)
{
    p->t_bool = type_new(p, T_BOOL, "bool");
    p->t_number = type_new(p, T_NUMBER, "number");
    p->t_text = type_new(p, T_TEXT, "text");
    p->t_date = type_new(p, T_DATE, "date");
    p->t_days = type_new(p, T_DURATION, "days");
    p->t_days->unit = U_DAYS;
    p->t_wdays = type_new(p, T_DURATION, "working days");
    p->t_wdays->unit = U_WORKING_DAYS;
    p->t_months = type_new(p, T_DURATION, "months");
    p->t_months->unit = U_MONTHS;
    p->t_deadline = type_new(p, T_DEADLINE, "deadline");
    p->t_quorum = type_new(p, T_QUORUM, "quorum");
    p->t_any = type_new(p, T_ANY, "missing");
    p->t_error = type_new(p, T_ERROR, "error");
    Decl *st = arena_alloc(p->arena, sizeof *st);
    st->kind = D_SCALE;
    st->name = "deadline_status";
    for (int i = 0; i < ST_COUNT; i++) {
        vec_push(p->arena, &st->u.scale.values, (void *)lang_statuses[i]);
        vec_push(p->arena, &st->u.scale.aliases, NULL);
    }
    p->t_status = type_new(p, T_CODE, st->name);
    p->t_status->scale = st;
    st->type = p->t_status;
    p->status_scale = st;
}
