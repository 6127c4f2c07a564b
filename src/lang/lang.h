/* lang.h: the language's fixed vocabulary, each fact defined once in a .def
   file beside this header: duration units, built-in functions, the parts of
   deadlines, quorums and ladders, and deadline statuses. The keywords are
   the grammar's tokens (grammar/qparse.y), listed by parse_keyword_at().
   The scanner, checker, evaluator, renderers and REPL completion all read
   these tables; tests/unit/test_lang.c checks them against docs/language.md. */
#ifndef QPL_LANG_H
#define QPL_LANG_H

#include <stddef.h>

typedef enum {
#define TYPEKIND(id, name) id,
#include "types.def"
#undef TYPEKIND
    T_COUNT
} TypeKind;

typedef enum {
#define UNIT(id, one, many, kind, factor) id,
#include "units.def"
#undef UNIT
    U_COUNT
} Unit;

typedef enum {
#define BUILTIN(id, name, min, max, usage) id,
#include "builtins.def"
#undef BUILTIN
    B_COUNT
} Builtin;

/* The type of a part, resolved by the checker. */
typedef enum { PT_DATE, PT_STATUS, PT_BOOL, PT_NUMBER, PT_ROLES } PartType;

typedef enum {
#define PART(id, kind, name, type) id,
#include "parts.def"
#undef PART
    P_COUNT
} Part;

typedef enum {
#define STATUS(id, name) id,
#include "statuses.def"
#undef STATUS
    ST_COUNT
} Status;

typedef struct UnitInfo {
    const char *one, *many;
    Unit kind;              /* U_DAYS, U_WORKING_DAYS or U_MONTHS */
    int factor;
} UnitInfo;

typedef struct BuiltinInfo {
    const char *name;
    int min_args, max_args; /* max -1: any number */
    const char *usage;
} BuiltinInfo;

typedef struct PartInfo {
    TypeKind kind;          /* the values that have the part */
    const char *name;
    PartType type;
} PartInfo;

extern const char *const lang_type_names[T_COUNT];   /* NULL where not written by name */
extern const UnitInfo lang_units[U_COUNT];
extern const BuiltinInfo lang_builtins[B_COUNT];
extern const PartInfo lang_parts[P_COUNT];
extern const char *const lang_statuses[ST_COUNT];

/* The kind of the built-in type a policy writes as `name` (bool, date, ...), or -1. */
int lang_type_name(const char *name);
/* The unit written as one word (`day`, `months`, ...), or -1. */
int lang_unit_word(const char *s, size_t n);
/* The built-in function of that name, or -1. */
int lang_builtin(const char *name);
/* The part `name` of values of type kind `kind`, or -1. */
int lang_part(TypeKind kind, const char *name);
/* The names of the parts of kind `kind`, joined as "`a`, `b` and `c`" into buf. */
const char *lang_part_list(TypeKind kind, char *buf, size_t size);

#endif
