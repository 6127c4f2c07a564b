/* program.h: a checked program: types, symbols and the declarations in order. */
#ifndef QPL_PROGRAM_H
#define QPL_PROGRAM_H

#include "ast.h"
#include "date.h"
#include "diag.h"

struct Type {
    TypeKind kind;
    const char *name;       /* code: the scale; record: the record */
    Type *elem;             /* list */
    Unit unit;              /* duration: U_DAYS, U_WORKING_DAYS or U_MONTHS */
    Decl *scale;            /* code */
    Record *rec;            /* record */
};

typedef enum {
    S_PARAM, S_LET, S_DECISION, S_ROW, S_VAR, S_TABLE, S_ASOF, S_SCALE, S_RECORD
} SymKind;

struct Sym {
    SymKind kind;
    const char *name;
    Decl *decl;
    Type *type;
    int slot;               /* memo slot (lets, decisions), param index, env depth (rows, vars) */
    Record *rec;            /* S_ROW, S_TABLE, S_RECORD */
    Vec deps;               /* symbols this let/decision refers to */
    int state;              /* cycle detection */
    bool used;
};

typedef struct Section {
    Decl *decl;
    Record *rec;
    Vec lets;               /* Sym* of lets and decisions, slot order */
    Vec outputs;            /* Decl* of decisions of this section, policy order */
    int nslots;
} Section;

typedef struct Program {
    Arena *arena;
    Diags *diags;
    Vec files;              /* SourceFile* */
    Vec decls;              /* every declaration, used modules first */
    Decl *policy;
    SourceFile *main;
    Vec scales;             /* Decl* */
    Vec records;            /* Record* */
    Vec params;             /* Sym* */
    Vec globals;            /* Sym* of top-level lets */
    Vec sections;           /* Section* */
    Vec outputs;            /* Decl* decisions of every kind, policy order */
    Vec tests;              /* Decl* */
    Vec closures;           /* Decl* */
    Vec syms;               /* every global Sym* */
    const char *testing;    /* the policy a fixture file tests */
    Calendar *cal;
    const char *calendar_name;
    Type *t_bool, *t_number, *t_text, *t_date, *t_days, *t_wdays, *t_months,
         *t_deadline, *t_quorum, *t_any, *t_error, *t_status;
    Decl *status_scale;
} Program;

/* Deadline statuses, in the order of the internal status scale. */
enum { ST_MET, ST_LATE, ST_PENDING, ST_OVERDUE, ST_SUSPENDED };

/* Load a policy file and every module it uses, then check it. Returns NULL
   only when the file cannot be read; errors are counted in d. */
Program *program_load(const char *path, Diags *d);
/* An empty program with only the built-in types and `as_of`. */
Program *program_new(Diags *d);
/* Parse and check more source (REPL lines) into an existing program. */
int program_add_source(Program *p, SourceFile *f);
void program_free(Program *p);

Type *type_list(Program *p, Type *elem);
bool  type_eq(const Type *a, const Type *b);
const char *type_str(Program *p, const Type *t);
Sym  *program_find(Program *p, const char *name);
Section *program_section(Program *p, const char *subject);
Decl *program_output(Program *p, const char *name);

/* The search path for `use` and calendars: QPL_PATH, the stdlib next to the
   executable or the working tree, then the installed share directory. */
char *find_module_file(const char *name, const char *ext, const char *near);
void  set_exe_dir(const char *argv0);
/* A whole file, NUL-terminated, malloc'd (length in *len if len); NULL if unreadable. */
char *read_file(const char *path, size_t *len);

int scale_index(const Decl *scale, const char *word);
int scale_lookup(const Decl *scale, const char *text, size_t n);

#endif
