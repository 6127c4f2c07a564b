/* value.h: runtime values: three-valued, exact, with a reason for every
   missing value. Values point into the checked program (scales, records) and
   into the arena of the subject being evaluated (rows, lists, reasons). */
#ifndef QPL_VALUE_H
#define QPL_VALUE_H

#include "../check/program.h"
#include "num.h"

typedef enum {
    V_MISSING, V_BOOL, V_NUM, V_TEXT, V_DATE, V_DUR, V_CODE, V_LIST, V_ROW, V_DEADLINE, V_QUORUM
} VKind;

typedef struct List List;
typedef struct Row Row;
typedef struct Deadline Deadline;
typedef struct Quorum Quorum;
typedef struct Reason Reason;

typedef struct Value {
    VKind k;
    union {
        bool b;
        Num n;
        const char *s;
        qdate d;
        struct { int64_t n; Unit unit; } dur;   /* unit: U_DAYS, U_WORKING_DAYS or U_MONTHS */
        int code;
        List *list;
        Row *row;
        Deadline *dl;
        Quorum *q;
        const Reason *why;  /* V_MISSING: why, never NULL */
    } u;
    const Decl *scale;      /* V_CODE: its scale */
} Value;

struct List {
    int n;
    Value *items;
};

/* A row of a record's table as of the evaluation date. */
struct Row {
    const Record *rec;
    int64_t rowid;
    const char *key;        /* the key as text, for messages and output; NULL when the record has none */
    int64_t ikey;           /* the key, when it is stored as an integer */
    bool key_int;
    Value *cols;            /* one per field; links and computed fields start unset */
    unsigned char *loaded;  /* links and computed fields loaded */
    bool persistent;        /* lives for the run (a whole table): nothing is cached in it */
    bool subject;           /* the current subject: its links are read from the subject stream */
    void *memo;             /* the evaluator's memo of the decisions about this row, for other subjects' rules */
    struct AheadFault *ahead;   /* faults met reading its links ahead, not met yet (facts_read_ahead) */
    unsigned memo_params;   /* ... made with the parameters as they were at this count of changes */
};

struct Deadline {
    Value start, due, done;
    Status status;
};

struct Quorum {
    bool quorate;
    int present;
    List *missing;          /* codes of the required roles absent */
};

/* Why a value is missing: data for the renderers, which word it (out/reason.c). */
typedef enum {
    R_TEXT,                 /* text says it all */
    R_NULL,                 /* row's field is not recorded */
    R_NOT_YET,              /* row's field is a date after the as-of date */
    R_NO_ROW,               /* there is no `text` row as of the date (that passes query's `where`) */
    R_BRANCH,               /* cannot tell whether decl's branch applies: inner */
    R_LEFT,                 /* the policy leaves decl undetermined, in branch */
    R_WRAP,                 /* text, then inner ("no start date: ...") */
    R_NA                    /* decl does not apply: its branch says so, or (inner) the
                               row its deadline starts from does not exist */
} ReasonKind;

struct Reason {
    ReasonKind kind;
    const char *text;
    const Row *row;
    const Field *field;
    const Decl *decl;
    const Branch *branch;
    const Reason *inner;
    const Expr *query;      /* R_NO_ROW: the query that found no row; R_LEFT, R_NA: the part of
                               the branch's condition that held (inner: the missing fact behind it) */
};

/* A reason with a fixed text, for use with v_missing. */
#define REASON(name, msg) static const Reason name = {R_TEXT, msg, NULL, NULL, NULL, NULL, NULL, NULL}

static inline Value v_missing(const Reason *why) { Value v = {0}; v.k = V_MISSING; v.u.why = why; return v; }
static inline Value v_bool(bool b) { Value v = {0}; v.k = V_BOOL; v.u.b = b; return v; }
static inline Value v_num(Num n) { Value v = {0}; v.k = V_NUM; v.u.n = n; return v; }
static inline Value v_date(qdate d) { Value v = {0}; v.k = V_DATE; v.u.d = d; return v; }
static inline Value v_text(const char *s) { Value v = {0}; v.k = V_TEXT; v.u.s = s; return v; }
static inline Value v_code(const Decl *scale, int c) { Value v = {0}; v.k = V_CODE; v.u.code = c; v.scale = scale; return v; }
static inline Value v_row(Row *r) { Value v = {0}; v.k = V_ROW; v.u.row = r; return v; }
static inline Value v_list(List *l) { Value v = {0}; v.k = V_LIST; v.u.list = l; return v; }

/* A reason with formatted text, in arena a. */
const Reason *reason_text(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A reason: prefix, then an inner reason. */
const Reason *reason_wrap(Arena *a, const char *prefix, const Reason *inner);
/* A reason of kind k about row's field. */
const Reason *reason_field(Arena *a, ReasonKind k, const Row *row, const Field *field);

/* Whether a missing value is "not applicable" rather than undetermined. */
static inline bool value_na(Value v) { return v.k == V_MISSING && v.u.why->kind == R_NA; }

/* Whether two known values are equal. */
bool value_eq(Value a, Value b);
/* Order two known values of the same ordered type. */
int value_cmp(Value a, Value b);
/* A list value of n items (copied into a). */
Value value_list(Arena *a, const Value *items, int n);
/* A deadline's status as a code of the built-in status scale. */
Value value_status(const Program *p, const Deadline *dl);

#endif
