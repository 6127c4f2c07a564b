/* value.h: runtime values of evaluation: three-valued, with reasons for missing. */
#ifndef QPL_VALUE_H
#define QPL_VALUE_H

#include "num.h"
#include "program.h"

typedef enum { V_MISSING, V_BOOL, V_NUM, V_TEXT, V_DATE, V_DUR, V_CODE, V_LIST, V_ROW, V_DEADLINE, V_QUORUM } VKind;

typedef struct List List;
typedef struct Row Row;
typedef struct Deadline Deadline;
typedef struct Quorum Quorum;

typedef struct Value {
    VKind k;
    union {
        bool b;
        Num n;
        const char *s;
        qdate d;
        struct { int64_t n; Unit unit; } dur;
        int code;
        List *list;
        Row *row;
        Deadline *dl;
        Quorum *q;
        const char *why;    /* V_MISSING: the reason, never NULL */
    } u;
    Decl *scale;            /* V_CODE: its scale */
} Value;

struct List {
    int n;
    Value *items;
};

struct Row {
    Record *rec;
    int64_t rowid;
    const char *key;        /* key text, for messages and output */
    int64_t ikey;           /* the key, when it is stored as an integer */
    bool key_int;
    Value *cols;            /* one per field; links and computed fields start unset */
    unsigned char *loaded;  /* links loaded */
    bool persistent;        /* lives in the run arena: do not cache links in it */
    bool subject;           /* the current subject row: links are merge-joined */
};

struct Deadline {
    Value start, due, done;
    int status;             /* ST_* */
};

struct Quorum {
    bool quorate;
    int present;
    List *missing;          /* codes of missing roles */
};

static inline Value v_missing(const char *why) { Value v = {0}; v.k = V_MISSING; v.u.why = why; return v; }
static inline Value v_bool(bool b) { Value v = {0}; v.k = V_BOOL; v.u.b = b; return v; }
static inline Value v_num(Num n) { Value v = {0}; v.k = V_NUM; v.u.n = n; return v; }
static inline Value v_date(qdate d) { Value v = {0}; v.k = V_DATE; v.u.d = d; return v; }
static inline Value v_text(const char *s) { Value v = {0}; v.k = V_TEXT; v.u.s = s; return v; }
static inline Value v_code(Decl *scale, int c) { Value v = {0}; v.k = V_CODE; v.u.code = c; v.scale = scale; return v; }

/* Write a value as JSON (the jsonl encoding of output.md) into an arena string. */
const char *value_json(Arena *a, Value v);
/* Write a value for people (tables, the REPL). */
const char *value_text(Arena *a, Value v);
/* Whether two known values are equal. */
bool value_eq(Value a, Value b);
/* Order two known values of the same ordered type. */
int value_cmp(Value a, Value b);

#endif
