/* usage.h: what a checked program reads: derived from the program, never
   written into it. */
#ifndef QPL_USAGE_H
#define QPL_USAGE_H

#include "program.h"

/* Mark in read[r->index] every record the program reads: the subjects of its
   sections, the tables it names, and every record linked from those. read
   has p->records.n entries. */
void usage_records(const Program *p, bool *read);
/* Mark in whole[r->index] every record the program reads as a whole table
   (by naming it), and every record linked from those: rows that every
   subject may read. */
void usage_whole(const Program *p, bool *whole);
/* Mark in read[k] each column field k of record r that is read: those some
   expression uses, and those that key, date, name or link its rows. read
   has r->fields.n entries. */
void usage_columns(const Program *p, const Record *r, bool *read);
/* Whether the definition of a let or decision reads a parameter marked in
   changed[param->slot], itself or through the lets and decisions it uses
   (always, when the program reads parameters elsewhere too). */
bool usage_reads_params(const Program *p, const Sym *sym, const bool *changed);

#endif
