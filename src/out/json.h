/* json.h: values in the JSON encoding of the output contract (output.md). */
#ifndef QPL_JSON_H
#define QPL_JSON_H

#include "../runtime/value.h"
#include "../util/strbuf.h"

/* s as a JSON string literal. */
void json_string(Sb *b, const char *s);
void json_string_n(Sb *b, const char *s, size_t n);
/* A value: booleans, numbers, codes by name, dates "YYYY-MM-DD", lists
   (codes in the policy's order, others sorted), deadlines and quorums as
   objects; a missing value is null. */
void json_value(Sb *b, Value v);
/* The same, as a string in arena a. */
const char *json_str(Arena *a, Value v);

#endif
