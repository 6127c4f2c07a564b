/* ast.h: the syntax tree of a qpl source file, and its arena. */
#ifndef QPL_AST_H
#define QPL_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A position in a source file (1-based line and column). */
typedef struct Loc {
    int line, col, end_line, end_col;
} Loc;

/* A bump allocator: everything allocated in it is freed at once. */
typedef struct Arena Arena;
Arena *arena_new(void);
void  *arena_alloc(Arena *a, size_t n);
char  *arena_strndup(Arena *a, const char *s, size_t n);
char  *arena_strdup(Arena *a, const char *s);
char  *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void   arena_reset(Arena *a);
void   arena_free(Arena *a);
size_t arena_used(const Arena *a);

/* A growable array of pointers. */
typedef struct Vec {
    void **v;
    int n, cap;
} Vec;
void vec_push(Arena *a, Vec *v, void *p);

typedef struct Type Type;
typedef struct Sym Sym;

/* Duration units. */
typedef enum { U_DAYS, U_WORKING_DAYS, U_WEEKS, U_MONTHS, U_YEARS } Unit;

typedef enum {
    E_NUM, E_STR, E_DATE, E_BOOL, E_MISSING, E_NAME, E_FIELD, E_CALL,
    E_UNARY, E_BINARY, E_IS, E_IN, E_WINDOW, E_UNIT, E_LIST, E_IF,
    E_QUERY, E_EACH, E_HOWMANY
} ExprKind;

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

typedef struct Expr Expr;
struct Expr {
    ExprKind kind;
    Loc loc;
    Type *type;             /* set by the checker */
    union {
        struct { const char *text; } num;      /* decimal literal text */
        struct { const char *s; } str;
        struct { int32_t day; } date;
        struct { bool b; } boolean;
        struct { const char *name; Sym *sym; int code; } name; /* code >= 0: a scale value */
        struct { Expr *obj; const char *name; Loc nloc; int index; Sym *sym; int code; } field;
        struct { const char *name; Vec args; int builtin; } call;
        struct { Op op; Expr *a, *b; } op;
        struct { IsKind is; bool neg; Expr *a, *b; } is;
        struct { bool neg; Expr *a, *b; } in;
        struct { Expr *a, *dur; } window;           /* a in last dur */
        struct { Expr *n; Unit unit; } unit;
        struct { Vec items; Vec conds; } list;      /* conds[i] may be NULL */
        struct { Expr *c, *t, *e; } cond;
        struct {
            QueryKind q; Expr *src; Expr *where; Expr *of; const char *by;
            Loc byloc; int byindex; Expr *limit; Sym *row;
        } query;
        struct { const char *var; Loc vloc; Expr *src; Expr *where; Sym *sym; } each;
        struct { Vec items; } howmany;
    } u;
};

typedef enum {
    T_BOOL, T_NUMBER, T_TEXT, T_DATE, T_DURATION, T_CODE, T_LIST, T_RECORD,
    T_DEADLINE, T_QUORUM, T_ANY, T_ERROR
} TypeKind;

/* A type expression as written, resolved by the checker. */
typedef struct TypeRef {
    Loc loc;
    const char *name;       /* bool, number, ..., or a scale/record name */
    struct TypeRef *elem;   /* list of */
} TypeRef;

typedef struct Branch {
    Loc loc;
    Expr *value;            /* NULL for a ladder stage given by name only */
    Expr *cond;             /* NULL for otherwise */
    Expr *since;            /* ladder: the date the stage was entered */
    const char *cite;
    bool used;
} Branch;

typedef struct Field {
    Loc loc;
    const char *name;
    TypeRef *tref;
    Type *type;
    bool required;
    bool not_yet;           /* a date after as-of reads as missing */
    int link;               /* 0 column, 1 many, 2 one, 3 computed */
    const char *target;     /* linked record */
    const char *by;         /* linking column */
    Loc byloc;
    Expr *expr;             /* computed field */
    int index;
    struct Record *rec_target;
    int by_index;
} Field;

typedef struct Record {
    Loc loc;
    const char *name, *table, *key, *dated;
    Loc tloc, kloc, dloc;
    Vec fields;             /* Field* */
    int key_index, dated_index;
    int ncolumns;           /* fields that are table columns */
    Type *type;
    struct Unit_ *file;
    bool used;
} Record;

typedef enum {
    D_POLICY, D_USE, D_SCALE, D_RECORD, D_PARAM, D_LET, D_FOR, D_DECIDE,
    D_DEADLINE, D_QUORUM, D_LADDER, D_CLOSED, D_TEST
} DeclKind;

typedef struct TestExpect {
    Loc loc;
    const char *subject, *id, *decision, *part;
    Expr *value;            /* NULL: expects undetermined */
    Loc dloc;
} TestExpect;

typedef struct TestGiven {
    Loc loc;
    const char *table;
    Vec cols;               /* const char* */
    Vec rows;               /* Vec* of Expr* */
    const char *sqlfile;
} TestGiven;

typedef struct Decl Decl;
struct Decl {
    DeclKind kind;
    Loc loc;
    const char *name;
    Loc nloc;
    struct Unit_ *file;
    Decl *section;          /* the `for` section an item belongs to */
    Type *type;             /* scales: the code type; decisions: the value type */
    unsigned cover;         /* test coverage: deadline 1 computed, 2 suspended; quorum 1 quorate, 2 not */
    struct Sym *sym;
    bool used;
    union {
        struct { const char *title, *source, *calendar; Loc cloc; } policy;
        struct { Vec values; Vec aliases; Vec locs; bool ordered; } scale;
        Record *record;
        struct { Expr *def; const char *desc; TypeRef *tref; } param;
        struct { Expr *def; } let;
        struct { Expr *where; Record *rec; } sect;
        struct {
            TypeRef *tref; const char *cite; Vec branches;   /* Branch* */
            Expr *from, *within, *due, *done, *suspended;    /* deadline */
            Expr *members, *counting, *minimum, *requiring;  /* quorum */
            Vec roles; Vec role_locs; Expr *k_of; Vec k_roles; Vec k_locs;
            Type *ladder_scale;
        } dec;
        struct { Expr *date; const char *why; } closed;
        struct {
            const char *title; int32_t as_of; Vec given; Vec expect;
            Vec params; Vec pvalues;  /* name, Expr* */
        } test;
    } u;
};

/* A parsed source file. */
typedef struct Unit_ {
    const char *path;
    const char *src;
    size_t len;
    Vec decls;              /* Decl* */
    int errors;
} SourceFile;

#endif
