/* repl.h: the REPL's session, shared by its modules: the loop and line
   reading (repl.c), lines typed at the prompt (lines.c), dot commands
   (commands.c), what-ifs (whatif.c), `.diff` (diff.c) and completion
   (complete.c). */
#ifndef QPL_REPL_H
#define QPL_REPL_H

#include "../../check/program.h"
#include "../../runtime/run.h"
#include "../../util/strbuf.h"

typedef enum { W_SQL, W_PARAM } WhatIfKind;

/* One what-if, in the order made. */
typedef struct WhatIf {
    WhatIfKind kind;
    char *cmd;              /* the command as typed */
    char *sql;              /* W_SQL: the statement run on the overlay */
    char *name, *value;     /* W_PARAM */
} WhatIf;

/* A declaration typed at the prompt, replayed after .reload. */
typedef struct Def {
    char *text;
    char *kind;             /* the subject kind it was typed for, or NULL */
} Def;

typedef struct Repl {
    const char *policy_path;
    Program *p;
    Diags d;
    FactSource *orig;       /* the case database, read-only */
    FactSource *mem;        /* the overlay what-ifs change */
    qdate as_of;
    char *kind, *id;        /* the current subject */
    WhatIf *w;
    int nw, cw;
    Def *defs;
    int ndefs, cdefs;
    bool tty, echo, failed, quit;
    char *hist;
    Sb prompt;
} Repl;

/* A dot command: its name, what it does (help lines), and its handler. */
typedef struct Command {
    const char *name;
    const char *usage, *help;
    void (*run)(Repl *r, char *args, const char *line);
} Command;

/* repl.c */
extern volatile sig_atomic_t repl_interrupted;
void repl_error(Repl *r, const char *hint, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
char *repl_trim(char *s);
char *repl_word(char **s);
bool  repl_ident(const char *s);
/* lines.c */
Run  *repl_run(Repl *r, bool original, bool explain);
int   repl_focus(Repl *r, Run *run);
bool  repl_failed(Repl *r, Run *run);
int   repl_check_facts(Repl *r, FactSource *fs);
int   repl_add_decls(Repl *r, const char *text, const char *kind, bool replay);
void  repl_eval_line(Repl *r, const char *text);
const Section *repl_section(Repl *r);
/* commands.c */
extern const Command repl_commands[];
void  repl_command(Repl *r, char *line);
void  repl_subject_ids(Repl *r, const Section *s, Arena *a, Vec *ids);
/* whatif.c */
void  whatif_param(Repl *r, char *args, const char *line);
void  whatif_set(Repl *r, char *args, const char *line);
void  whatif_sql(Repl *r, char *args, const char *line);
void  whatif_list(Repl *r, char *args, const char *line);
void  whatif_undo(Repl *r, char *args, const char *line);
void  whatif_reset(Repl *r, char *args, const char *line);
/* diff.c */
void  whatif_diff(Repl *r, char *args, const char *line);
void  whatif_free(WhatIf *w);
void  whatif_apply_params(Repl *r, Run *run);
void  whatif_reload(Repl *r);
/* complete.c */
void  repl_complete_init(Repl *r);
void  repl_complete_done(void);

#endif
