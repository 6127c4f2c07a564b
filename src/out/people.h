/* people.h: decisions and their values in words for people, shared by the
   text view and the HTML report: display labels, deadlines ("overdue since
   13 Dec 2024"), quorums, and which RAG colour a value has. */
#ifndef QPL_PEOPLE_H
#define QPL_PEOPLE_H

#include "render.h"

/* A decision's label for people: its display label, else its name with
   underscores as spaces and a capital first letter (in arena a). */
const char *people_label(Arena *a, const Decl *d);
/* A subject as people know it: its kind and id, and its name when its
   record has one ("provider SOM07: Elm House"). */
void people_subject(Sb *b, const Subject *s);
/* A deadline of decision d in words: "met on 19 Apr 2024", "overdue since
   13 Dec 2024", "due in 5 working days, 8 Jan 2025". */
void people_deadline(Sb *b, const RenderInfo *info, const Decl *d, const Deadline *dl);
/* A quorum in words: "quorate: 4 members present", "not quorate: ...; missing X". */
void people_quorum(Sb *b, const Quorum *q);
/* A decision's value in words; a missing value as "n/a (REASON)" when it
   does not apply, else "unknown (REASON)". */
void people_value(Sb *b, const RenderInfo *info, const Result *res);
/* The RAG colour of a value: "red", "amber" or "green" for a code of that
   name, else NULL. */
const char *people_rag(Value v);

#endif
