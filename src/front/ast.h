/* ast.h: the syntax tree of qpl source. The parser builds it; the checker
   resolves names and types in place (the fields marked "checker"); later
   stages only read it. */
#ifndef QPL_AST_H
#define QPL_AST_H

#include <stdbool.h>
#include <stdint.h>
#include "../lang/lang.h"
#include "../util/arena.h"
#include "locfile.h"

typedef struct Type Type;
typedef struct Sym Sym;
typedef struct Expr Expr;
typedef struct Decl Decl;
typedef struct Record Record;

typedef enum {
    E_NUM, E_STR, E_DATE, E_BOOL, E_MISSING, E_NAME, E_FIELD, E_CALL,
    E_UNARY, E_BINARY, E_IS, E_IN, E_WINDOW, E_UNIT, E_LIST, E_IF,
    E_QUERY, E_EACH, E_HOWMANY,
    E_NA                    /* `not applicable`: only a decision's branch value */
} ExprKind;

/* ORDER OP: comparisons come last, from OP_EQ (the checker tests op >= OP_EQ). */
typedef enum {
    OP_AND, OP_OR, OP_NOT, OP_NEG, OP_ADD, OP_SUB, OP_MUL, OP_DIV,
    OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE
} Op;

/* `x is ...` forms. */
typedef enum {
    IS_VALUE, IS_MISSING, IS_BELOW, IS_ABOVE, IS_AT_LEAST, IS_AT_MOST
} IsKind;

typedef enum {
    Q_COUNT, Q_ANY, Q_NONE, Q_ALL, Q_SUM, Q_MIN, Q_MAX, Q_COUNT_DISTINCT,
    Q_LATEST, Q_EARLIEST, Q_WHERE
} QueryKind;

struct Expr {
    ExprKind kind;
    Loc loc;
    Type *type;             /* checker */
    int depth;              /* checker: how deeply it nests, counting the definitions it uses */
    union {
        struct {
            const char *text;                           /* decimal literal text */
            bool checked;                               /* checker: its value, a reduced fraction n/d */
            int64_t n, d;
        } num;
        struct { const char *s; } str;
        struct { int32_t day; } date;
        struct { bool b; } boolean;
        struct {
            const char *name;
            Sym *sym;       /* checker: what it names */
            int code;       /* checker: >= 0 when it is a scale value */
        } name;
        struct {
            Expr *obj;
            const char *name;
            Loc nloc;
            struct Field *field;    /* checker: a record field */
            Sym *decision;          /* checker: else a decision about the row (its section's) */
            int part;               /* checker: a Part of a deadline, quorum or ladder, or -1 */
            int code;               /* checker: >= 0 for `scale.value` */
        } field;
        struct { const char *name; Vec args; int builtin; } call;   /* builtin: checker, a Builtin */
        struct { Op op; Expr *a, *b; } op;
        struct { IsKind is; bool neg; Expr *a, *b; } is;
        struct { bool neg; Expr *a, *b; } in;
        struct { Expr *a, *dur; } window;               /* a in last dur */
        struct { Expr *n; Unit unit; } unit;
        struct { Vec items; Vec conds; } list;          /* conds[i] may be NULL */
        struct { Expr *c, *t, *e; } cond;
        struct {
            QueryKind q;
            Expr *src, *where, *of;
            const SourceFile *file; /* where it is written, to quote its condition */
            const char *by;
            Loc byloc;
            struct Field *byfield;  /* checker */
            Expr *limit;
            int nlimit;             /* checker: latest N */
        } query;
        struct { const char *var; Loc vloc; Expr *src; Expr *where; } each;
        struct { Vec items; } howmany;
    } u;
};

/* A type as written, resolved by the checker. */
typedef struct TypeRef {
    Loc loc;
    const char *name;       /* bool, number, ..., or a scale or record name */
    struct TypeRef *elem;   /* list of */
} TypeRef;

typedef struct Branch {
    Loc loc;
    Loc text;               /* the value and condition, without the cite */
    Expr *value;            /* a ladder stage is a name */
    Expr *cond;             /* NULL for otherwise */
    Expr *since;            /* ladder: the date the stage was entered */
    const char *cite;
    int index;              /* position among its decision's branches */
} Branch;

typedef enum { FIELD_COLUMN, FIELD_MANY, FIELD_ONE, FIELD_COMPUTED } FieldKind;

typedef struct Field {
    Loc loc;
    const SourceFile *file; /* where it is declared (an extension's file, for its fields) */
    const char *name;
    FieldKind kind;
    TypeRef *tref;          /* columns */
    bool required;
    bool not_yet;           /* a date after as-of reads as missing */
    const char *target;     /* links: the linked record */
    const char *by;         /* links: the linking column */
    Loc byloc;
    Expr *expr;             /* computed fields */
    const char *column;     /* columns: the SQL column, when not the field's name */
    int index;              /* position among its record's fields */
    Type *type;             /* checker */
    Record *rec_target;     /* checker: links */
    int by_index;           /* checker: links */
    int state;              /* checker: computed fields, 1 while being checked */
    bool used;              /* checker: some expression reads it */
    bool extension;         /* checker: added by `extend record` (a column the policy brings) */
    Record *rec;            /* checker: the record it belongs to */
} Field;

struct Record {
    Loc loc;
    const char *name, *table, *key, *dated, *named;
    Loc tloc, kloc, dloc, nloc;
    Vec fields;             /* Field* */
    const SourceFile *file;
    int key_index, dated_index;     /* checker; -1 when none */
    int named_index;        /* checker: the field that names a row for people, or -1 */
    int parent_index;       /* checker: the column a parent record links by, or -1 */
    int index;              /* checker: position among the program's records */
    Type *type;             /* checker */
};

typedef enum {
    D_POLICY, D_USE, D_TESTING, D_SCALE, D_RECORD, D_PARAM, D_LET, D_FOR,
    D_DECIDE, D_DEADLINE, D_QUORUM, D_LADDER, D_CLOSURE, D_TEST,
    D_EXTEND_RECORD,        /* fields added to a record declared elsewhere */
    D_EXTEND_ENUM           /* values added to an enumeration declared elsewhere */
} DeclKind;

typedef struct TestExpect {
    Loc loc;
    const char *subject, *id, *decision, *part;
    Expr *value;            /* NULL: expects undetermined (or, with na, not applicable) */
    bool na;
    Loc dloc;
} TestExpect;

typedef struct TestGiven {
    Loc loc;
    const char *table;
    Vec cols;               /* const char* */
    Vec rows;               /* Vec* of Expr* */
    const char *sqlfile;
} TestGiven;

struct Decl {
    DeclKind kind;
    Loc loc;
    const char *name;
    Loc nloc;
    const SourceFile *file;
    Decl *section;          /* the `for` section an item belongs to */
    Type *type;             /* checker: scales, the code type; decisions, the value type */
    Sym *sym;               /* checker */
    union {
        struct { const char *title, *source, *calendar; Loc cloc; } policy;
        struct { Vec values; Vec aliases; Vec locs; bool ordered; } scale;
        Record *record;             /* a record, or the fields of an extension */
        struct { Expr *def; const char *desc; } param;
        struct { Expr *def; } let;
        struct { Expr *where; } sect;
        struct {
            TypeRef *tref;
            const char *label;      /* the display label, when given */
            const char *cite;
            Vec branches;                                   /* Branch* */
            Expr *from, *within, *due, *done, *suspended;   /* deadline */
            Expr *members, *counting, *minimum, *requiring; /* quorum; `roles from` is `from` */
            Vec roles, role_locs;
            Expr *k_of;
            Vec k_roles, k_locs;
        } dec;
        struct { Expr *date; const char *why; } closure;
        struct {
            const char *title;
            int32_t as_of;
            Vec given;      /* TestGiven* */
            Vec expect;     /* TestExpect* */
            Vec params;     /* const char* names */
            Vec pvalues;    /* Expr* */
        } test;
        struct { const char *path; } testing;
    } u;
};

#endif
