/* types.h: the types of a checked program: built-in, scales, lists, records. */
#ifndef QPL_TYPES_H
#define QPL_TYPES_H

#include "program.h"

Type *type_new(Program *p, TypeKind k, const char *name);
Type *type_list(Program *p, Type *elem);
/* Structural equality; `any` (a literal `missing`) and error types match everything. */
bool  type_eq(const Type *a, const Type *b);
/* Whether values of t can be ordered with < and >. */
bool  type_ordered(const Type *t);
/* A type as policy authors write it: "number", "a duration in days", "list of rating" (in a). */
const char *type_str(Arena *a, const Type *t);
/* The same with an article, for use in a sentence: "a number", "an inspection record". */
const char *type_a(Arena *a, const Type *t);
/* "a" or "an", whichever reads right before word. */
const char *type_article(const char *word);
/* The duration type of a unit's kind. */
Type *type_duration(Program *p, Unit u);
/* Make the built-in types and the scale of deadline statuses. */
void  types_init(Program *p);

#endif
