/* program.h: a checked program: the syntax tree of a policy and the modules
   it uses, with every name resolved and every expression typed. The
   lifecycle is here too: load, add source (the REPL), checkpoint and roll
   back. After checking, a Program is read-only to every later stage. */
#ifndef QPL_PROGRAM_H
#define QPL_PROGRAM_H

#include "../front/ast.h"
#include "../front/diag.h"
#include "../runtime/date.h"
#include "../util/map.h"

struct Type {
    TypeKind kind;
    const char *name;       /* code: the scale's name; record: the record's */
    Type *elem;             /* list: the items; quorum: the role type */
    Unit unit;              /* duration: U_DAYS, U_WORKING_DAYS or U_MONTHS */
    Decl *scale;            /* code */
    Record *rec;            /* record */
};

typedef enum {
    S_PARAM,                /* a parameter */
    S_LET,                  /* a definition (of a section, or global) */
    S_DECISION,             /* a decision, deadline, quorum or ladder */
    S_VAR,                  /* a row in scope: the subject, a query's row, an `each` variable */
    S_TABLE,                /* a table's name: every row of a record */
    S_ASOF,                 /* the evaluation date */
    S_SCALE,                /* a scale or enumeration */
    S_RECORD                /* a record type */
} SymKind;

typedef struct Section Section;

struct Sym {
    SymKind kind;
    const char *name;
    Decl *decl;
    Type *type;
    int slot;               /* lets, decisions: memo slot of their section (global lets: index);
                               params: index; vars: environment depth */
    Record *rec;            /* S_TABLE, S_RECORD */
    Section *sect;          /* lets and decisions of a section */
    Vec deps;               /* lets, decisions and parameters its definition refers to */
    int state;              /* checking: 0 not yet, 1 in progress, 2 done; cycles: 3 visited */
    int depth;              /* how deeply its definition nests, counting what it uses */
    bool used;              /* something refers to it */
};

struct Section {
    Decl *decl;
    Record *rec;
    Vec lets;               /* Sym* of lets and decisions, in slot order */
    Vec outputs;            /* Decl* of its decisions, in policy order */
    Map names;              /* name -> Sym* of lets and decisions; a Sym's slot is its index in lets */
    int index;              /* position among the program's sections */
    Sym *filter;            /* checker: its `where`, as a definition (what it depends on), or NULL */
};

/* How many rows and variables may be in scope at once (the subject, and a
   row for each query or `each` inside another). */
#define QPL_MAX_SCOPES 32

/* How deeply expressions may nest, counting the definitions they use: the
   checker rejects deeper ones, naming this limit, and the evaluator counts
   the same way, so a checked program always evaluates within it. */
#define QPL_MAX_NESTING 1000

typedef struct Program {
    Arena *arena;
    Diags *diags;
    Vec files;              /* SourceFile* */
    Vec decls;              /* every declaration, used modules first */
    Decl *policy;
    const SourceFile *main; /* the policy file (for a fixture file, the policy it tests) */
    const SourceFile *fixture;  /* the fixture file, when one was loaded */
    Vec scales;             /* Decl* */
    Vec records;            /* Record* */
    Vec params;             /* Sym* */
    Vec globals;            /* Sym* of top-level lets */
    Vec sections;           /* Section* */
    Vec outputs;            /* Decl* decisions of every section, policy order */
    Vec tests;              /* Decl* */
    Vec closures;           /* Decl* */
    Vec symlist;            /* Sym* of every global name, in order */
    Map syms;               /* name -> Sym* of global names */
    Map scale_map, record_map, output_map;
    Calendar *cal;
    const char *calendar_name;
    Type *t_bool, *t_number, *t_text, *t_date, *t_days, *t_wdays, *t_months,
         *t_deadline, *t_quorum, *t_any, *t_error, *t_status;
    Decl *status_scale;     /* the built-in scale of deadline statuses */
    bool params_anywhere;   /* checker: a parameter is read outside every let, decision and
                               section's `where` (a computed field): any decision may depend on it */
} Program;

/* A checkpoint: the program as it was, to roll back to. */
typedef struct ProgramMark {
    int decls, files, scales, records, params, globals, sections, outputs, tests, closures;
    int symlist, syms, scale_map, record_map, output_map;
    int nsect;
    int *lets, *outs, *names;   /* per section */
} ProgramMark;

/* An empty program: the built-in types and `as_of` only. */
Program *program_new(Diags *d);
/* Load a policy (or fixture) file and every module it uses, check it and
   load its calendar. NULL only when the file cannot be read (said on d). */
Program *program_load(const char *path, Diags *d);
/* Parse more source (typed at the REPL) into decls, as if prefix came first,
   its items going into section sect (NULL: none); nothing is added yet.
   Returns the number of syntax errors. */
int program_parse(Program *p, const SourceFile *f, const char *prefix, Section *sect, Vec *decls);
/* Add parsed declarations and check them. Returns the number of new errors;
   the caller rolls back to a mark taken before to undo a failed addition. */
int program_add(Program *p, Vec *decls);
void program_mark(Program *p, ProgramMark *m);
/* Undo everything added since the mark, and free the mark. */
void program_rollback(Program *p, ProgramMark *m);
void program_mark_free(ProgramMark *m);
void program_free(Program *p);

Sym     *program_find(const Program *p, const char *name);
Section *program_section(const Program *p, const char *subject);
Decl    *program_output(const Program *p, const char *name);
Record  *program_record(const Program *p, const char *name);
Decl    *program_scale(const Program *p, const char *name);
/* The section of a declaration that belongs to one, or NULL. */
Section *program_section_of(const Program *p, const Decl *d);
/* A let or decision of section s by name, or NULL. */
Sym     *section_find(const Section *s, const char *name);
/* Field `name` of record r, or NULL. */
struct Field *record_field(const Record *r, const char *name);
/* The policy's name ("" when it has none). */
const char *program_name(const Program *p);

/* Index of a value in a scale, or -1. */
int scale_index(const Decl *scale, const char *word);
/* Index of a code read from data (a value name or a display alias, n bytes), or -1. */
int scale_lookup(const Decl *scale, const char *text, size_t n);

#endif
