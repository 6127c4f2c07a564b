/* qparse.y: the qpl grammar (a pure bison parser with locations). */
%define api.pure full
%define parse.error custom
%locations
%expect 2
%param {void *scanner}
%parse-param {Parser *P}

%code requires {
#include "parser.h"
}

%union {
    const char *str;
    int num;
    Expr *expr;
    Decl *decl;
    TypeRef *tref;
    Branch *branch;
    Vec vec;
    Field *field;
}

%code {
#include <limits.h>
#include <string.h>
#include "qlex.h"
#include "build.h"

#define A (P->arena)
static void yyerror(Loc *loc, void *scanner, Parser *P, const char *msg);
}

%token <str> IDENT "a name" NUMBER "a number" STRING "a text in quotes" DATE "a date"
%token <num> UNIT "a unit (days, months...)"
%token POLICY "`policy`" SOURCE "`source`" CALENDAR "`calendar`" CLOSURE "`closure`"
%token USE "`use`" SCALE "`scale`" ENUM "`enum`" RECORD "`record`" FROM "`from`"
%token KEY "`key`" DATED "`dated`" REQUIRED "`required`" YET "`yet`" AFTER "`after`"
%token AS "`as`" MANY "`many`" ONE "`one`" BY "`by`" PARAM "`param`" LET "`let`"
%token FOR "`for`" WHERE "`where`" DECIDE "`decide`" CITE "`cite`" WHEN "`when`"
%token OTHERWISE "`otherwise`" DEADLINE "`deadline`" WITHIN "`within`" DUE "`due`"
%token DONE "`done`" SUSPENDED "`suspended`" QUORUM "`quorum`" MEMBERS "`members`"
%token COUNTING "`counting`" ROLES "`roles`" AT "`at`" LEAST "`least`" MOST "`most`"
%token BELOW "`below`" ABOVE "`above`" INCLUDING "`including`" REQUIRING "`requiring`"
%token LADDER "`ladder`" SINCE "`since`" TEST "`test`" TESTING "`testing`" GIVEN "`given`"
%token EXPECT "`expect`" UNDETERMINED "`undetermined`" AND "`and`" OR "`or`" NOT "`not`"
%token IS "`is`" MISSING "`missing`" IN "`in`" LAST "`last`" TRUE "`true`" FALSE "`false`"
%token IF "`if`" THEN "`then`" ELSE "`else`" COUNT "`count`" ANY "`any`" NO "`no`"
%token ALL "`all`" SUM "`sum`" MIN "`min`" MAX "`max`" DISTINCT "`distinct`"
%token LATEST "`latest`" EARLIEST "`earliest`" EACH "`each`" HOW "`how`" OF "`of`"
%token LIST "`list`" WITH "`with`" WORKING "`working`"
%token EQ "`=`" NE "`!=`" LT "`<`" LE "`<=`" GT "`>`" GE "`>=`"
%token NUMBER_ERROR "a malformed number" STRING_ERROR "a malformed text" CHAR_ERROR "an unexpected character"

%type <expr> expr primary postfix query source atom opt_where opt_limit since_opt
%type <str> name cite_opt desc_opt idv
%type <decl> item policy_head deadline_decl quorum_decl decide_head
%type <tref> typeref
%type <branch> branch ladder_branch
%type <vec> branches ladder_branches args opt_args idlist namelist fields exprlist rows
%type <expr> list_items   /* the list literal being built: lists nest, so not in P */
%type <field> field

%precedence WHERE
%precedence ELSE
%left OR
%left AND
%precedence NOT
%nonassoc EQ NE LT LE GT GE IS IN
%left '+' '-'
%left '*' '/'
%precedence UMINUS

%%

file
    : %empty
    | file item             { if ($2) { $2->file = P->file; vec_push(A, &P->file->decls, $2); } }
    | file error            { }
    ;

item
    : policy_head           { $$ = $1; }
    | USE IDENT             { $$ = mk_decl(P, D_USE, &@$, $2, &@2); }
    | SCALE IDENT ':' scale_items
                            { $$ = P->pending; P->pending = NULL; $$->name = $2; $$->nloc = @2; $$->loc = @$; $$->u.scale.ordered = true; }
    | ENUM IDENT ':' enum_items
                            { $$ = P->pending; P->pending = NULL; $$->name = $2; $$->nloc = @2; $$->loc = @$; }
    | RECORD IDENT FROM IDENT record_opts ':' fields
                            { $$ = mk_record(P, &@$, $2, &@2, $4, &@4, &$7); }
    | PARAM IDENT EQ expr desc_opt
                            { $$ = mk_decl(P, D_PARAM, &@$, $2, &@2); $$->u.param.def = $4; $$->u.param.desc = $5; }
    | LET name EQ expr     { $$ = mk_decl(P, D_LET, &@$, $2, &@2); $$->u.let.def = $4; }
    | FOR IDENT             { $$ = mk_section(P, &@$, $2, &@2, NULL); }
    | FOR IDENT WHERE expr  { $$ = mk_section(P, &@$, $2, &@2, $4); }
    | decide_head EQ expr cite_opt
                            { $$ = $1; $$->loc = @$; mk_simple_branch(P, $$, $3, &@3, $4); P->cur = NULL; }
    | decide_head branches  { $$ = $1; $$->loc = @$; $$->u.dec.branches = $2; P->cur = NULL; }
    | deadline_decl         { $$ = $1; }
    | quorum_decl           { $$ = $1; }
    | LADDER IDENT ':' typeref cite_opt ladder_branches
                            { $$ = mk_decl(P, D_LADDER, &@$, $2, &@2); $$->u.dec.tref = $4; $$->u.dec.cite = $5; $$->u.dec.branches = $6; }
    | CLOSURE DATE desc_opt { $$ = mk_decl(P, D_CLOSED, &@$, NULL, &@2); $$->u.closed.date = mk_date(P, $2, &@2); $$->u.closed.why = $3; }
    | TESTING STRING        { $$ = mk_decl(P, D_USE, &@$, $2, &@2); $$->u.policy.source = "testing"; }
    | TEST STRING AS OF DATE { P->test = mk_test(P, &@$, $2, $5, &@5); } test_items
                            { $$ = P->test; P->test = NULL; }
    ;

/* The decision being parsed is P->cur, so that a syntax error in it can name it. */
decide_head
    : DECIDE IDENT ':' typeref cite_opt
                            { $$ = mk_decide(P, &@$, $2, &@2, $4, $5); P->cur = $$; }
    ;

policy_head
    : POLICY IDENT desc_opt { $$ = mk_decl(P, D_POLICY, &@$, $2, &@2); $$->u.policy.title = $3; P->policy = $$; }
    | policy_head SOURCE STRING { $$ = $1; $$->u.policy.source = $3; }
    | policy_head CALENDAR IDENT { $$ = $1; $$->u.policy.calendar = $3; $$->u.policy.cloc = @3; }
    ;

desc_opt
    : %empty                { $$ = NULL; }
    | STRING                { $$ = $1; }
    ;

cite_opt
    : %empty                { $$ = NULL; }
    | CITE STRING           { $$ = $2; }
    ;

name
    : IDENT | DONE { $$ = "done"; } | DUE { $$ = "due"; } | SINCE { $$ = "since"; }
    | SOURCE { $$ = "source"; } | DATED { $$ = "dated"; } | KEY { $$ = "key"; }
    | MEMBERS { $$ = "members"; } | SUSPENDED { $$ = "suspended"; } | ROLES { $$ = "roles"; }
    ;

scale_items
    : IDENT desc_opt                    { scale_add(P, $1, &@1, $2); }
    | scale_items LT IDENT desc_opt     { scale_add(P, $3, &@3, $4); }
    ;

enum_items
    : IDENT desc_opt                    { scale_add(P, $1, &@1, $2); }
    | enum_items ',' IDENT desc_opt     { scale_add(P, $3, &@3, $4); }
    ;

record_opts
    : %empty
    | record_opts KEY name      { P->rkey = $3; P->rkloc = @3; }
    | record_opts DATED name    { P->rdated = $3; P->rdloc = @3; }
    ;

fields
    : %empty                { $$ = (Vec){0}; }
    | fields field          { $$ = $1; vec_push(A, &$$, $2); }
    ;

field
    : name ':' typeref col_opts     { $$ = mk_field(P, &@1, $1, 0); $$->tref = $3; $$->required = P->freq; $$->not_yet = P->fnotyet; P->freq = P->fnotyet = false; }
    | name ':' MANY IDENT BY name   { $$ = mk_field(P, &@1, $1, 1); $$->target = $4; $$->by = $6; $$->byloc = @6; }
    | name ':' ONE IDENT BY name    { $$ = mk_field(P, &@1, $1, 2); $$->target = $4; $$->by = $6; $$->byloc = @6; }
    | name EQ expr                 { $$ = mk_field(P, &@1, $1, 3); $$->expr = $3; }
    ;

col_opts
    : %empty
    | col_opts REQUIRED             { P->freq = true; }
    | col_opts NOT YET AFTER AS OF  { P->fnotyet = true; }
    ;

typeref
    : IDENT                 { $$ = mk_tref(P, &@$, $1, NULL); }
    | LIST OF typeref       { $$ = mk_tref(P, &@$, "list", $3); }
    ;

branches
    : branch                { $$ = (Vec){0}; vec_push(A, &$$, $1); if (P->cur) P->cur->u.dec.branches = $$; }
    | branches branch       { $$ = $1; vec_push(A, &$$, $2); if (P->cur) P->cur->u.dec.branches = $$; }
    ;

branch
    : expr WHEN expr cite_opt       { $$ = mk_branch(P, &@$, $1, $3, $4); }
    | expr OTHERWISE cite_opt       { $$ = mk_branch(P, &@$, $1, NULL, $3); }
    ;

ladder_branches
    : ladder_branch                 { $$ = (Vec){0}; vec_push(A, &$$, $1); }
    | ladder_branches ladder_branch { $$ = $1; vec_push(A, &$$, $2); }
    ;

ladder_branch
    : IDENT WHEN expr since_opt cite_opt { $$ = mk_branch(P, &@$, mk_name(P, $1, &@1), $3, $5); $$->since = $4; }
    | IDENT OTHERWISE cite_opt           { $$ = mk_branch(P, &@$, mk_name(P, $1, &@1), NULL, $3); }
    ;

since_opt
    : %empty                { $$ = NULL; }
    | SINCE expr            { $$ = $2; }
    ;

deadline_decl
    : DEADLINE IDENT cite_opt FROM expr
                            { $$ = mk_decl(P, D_DEADLINE, &@$, $2, &@2); $$->u.dec.cite = $3; $$->u.dec.from = $5; P->cur = $$; }
    | deadline_decl WITHIN expr     { $$ = $1; $$->u.dec.within = $3; $$->loc.end_line = @3.end_line; }
    | deadline_decl DUE expr        { $$ = $1; $$->u.dec.due = $3; }
    | deadline_decl DONE expr       { $$ = $1; $$->u.dec.done = $3; }
    | deadline_decl SUSPENDED WHEN expr { $$ = $1; $$->u.dec.suspended = $4; }
    ;

quorum_decl
    : QUORUM IDENT cite_opt MEMBERS source opt_where COUNTING expr ROLES FROM expr AT LEAST expr
                            { $$ = mk_decl(P, D_QUORUM, &@$, $2, &@2); $$->u.dec.cite = $3;
                              $$->u.dec.members = mk_query(P, &@5, Q_WHERE, $5, $6);
                              $$->u.dec.counting = $8; $$->u.dec.from = $11; $$->u.dec.minimum = $14; }
    | quorum_decl INCLUDING idlist  { $$ = $1; $$->u.dec.roles = $3; $$->u.dec.role_locs = P->idlocs; P->idlocs = (Vec){0}; }
    | quorum_decl INCLUDING expr OF idlist
                            { $$ = $1; $$->u.dec.k_of = $3; $$->u.dec.k_roles = $5; $$->u.dec.k_locs = P->idlocs; P->idlocs = (Vec){0}; }
    | quorum_decl REQUIRING expr    { $$ = $1; $$->u.dec.requiring = $3; }
    ;

namelist
    : name                  { $$ = (Vec){0}; vec_push(A, &$$, (void *)$1); push_loc(P, &@1); }
    | namelist ',' name     { $$ = $1; vec_push(A, &$$, (void *)$3); push_loc(P, &@3); }
    ;

idlist
    : IDENT                 { $$ = (Vec){0}; vec_push(A, &$$, (void *)$1); push_loc(P, &@1); }
    | idlist ',' IDENT      { $$ = $1; vec_push(A, &$$, (void *)$3); push_loc(P, &@3); }
    ;

opt_where
    : %empty %prec WHERE    { $$ = NULL; }
    | WHERE expr            { $$ = $2; }
    ;

test_items
    : %empty
    | test_items GIVEN IDENT '(' namelist ')' rows  { test_given(P, &@2, $3, &$5, &$7, NULL); P->idlocs = (Vec){0}; }
    | test_items GIVEN IDENT FROM STRING          { test_given(P, &@2, $3, NULL, NULL, $5); }
    | test_items WITH name EQ expr               { test_param(P, $3, $5); }
    | test_items EXPECT IDENT idv name EQ expr   { test_expect(P, &@2, $3, $4, $5, &@5, $7); }
    | test_items EXPECT IDENT idv name '.' name EQ expr
                            { test_expect(P, &@2, $3, $4, $5, &@5, $9); P->test->u.test.expect.v[P->test->u.test.expect.n - 1] = with_part(P, $7); }
    | test_items EXPECT IDENT idv name IS UNDETERMINED { test_expect(P, &@2, $3, $4, $5, &@5, NULL); }
    ;

idv
    : IDENT | STRING | NUMBER
    ;

rows
    : '(' exprlist ')'      { $$ = (Vec){0}; Vec *r = arena_alloc(A, sizeof *r); *r = $2; vec_push(A, &$$, r); }
    | rows '(' exprlist ')' { $$ = $1; Vec *r = arena_alloc(A, sizeof *r); *r = $3; vec_push(A, &$$, r); }
    ;

exprlist
    : expr                  { $$ = (Vec){0}; vec_push(A, &$$, $1); }
    | exprlist ',' expr     { $$ = $1; vec_push(A, &$$, $3); }
    ;

expr
    : postfix
    | query
    | expr OR expr          { $$ = mk_op(P, &@$, OP_OR, $1, $3); }
    | expr AND expr         { $$ = mk_op(P, &@$, OP_AND, $1, $3); }
    | NOT expr              { $$ = mk_op(P, &@$, OP_NOT, $2, NULL); }
    | expr EQ expr          { $$ = mk_op(P, &@$, OP_EQ, $1, $3); }
    | expr NE expr          { $$ = mk_op(P, &@$, OP_NE, $1, $3); }
    | expr LT expr          { $$ = mk_op(P, &@$, OP_LT, $1, $3); }
    | expr LE expr          { $$ = mk_op(P, &@$, OP_LE, $1, $3); }
    | expr GT expr          { $$ = mk_op(P, &@$, OP_GT, $1, $3); }
    | expr GE expr          { $$ = mk_op(P, &@$, OP_GE, $1, $3); }
    | expr IS MISSING       { $$ = mk_is(P, &@$, IS_MISSING, false, $1, NULL); }
    | expr IS NOT MISSING   { $$ = mk_is(P, &@$, IS_MISSING, true, $1, NULL); }
    | expr IS atom       { $$ = mk_is(P, &@$, IS_VALUE, false, $1, $3); }
    | expr IS NOT atom   { $$ = mk_is(P, &@$, IS_VALUE, true, $1, $4); }
    | expr IS BELOW atom { $$ = mk_is(P, &@$, IS_BELOW, false, $1, $4); }
    | expr IS ABOVE atom { $$ = mk_is(P, &@$, IS_ABOVE, false, $1, $4); }
    | expr IS AT LEAST atom { $$ = mk_is(P, &@$, IS_AT_LEAST, false, $1, $5); }
    | expr IS AT MOST atom  { $$ = mk_is(P, &@$, IS_AT_MOST, false, $1, $5); }
    | expr IN postfix       { $$ = mk_in(P, &@$, false, $1, $3); }
    | expr IN LAST postfix  { $$ = mk_window(P, &@$, $1, $4); }
    | expr '+' expr         { $$ = mk_op(P, &@$, OP_ADD, $1, $3); }
    | expr '-' expr         { $$ = mk_op(P, &@$, OP_SUB, $1, $3); }
    | expr '*' expr         { $$ = mk_op(P, &@$, OP_MUL, $1, $3); }
    | expr '/' expr         { $$ = mk_op(P, &@$, OP_DIV, $1, $3); }
    | '-' expr %prec UMINUS { $$ = mk_op(P, &@$, OP_NEG, $2, NULL); }
    | IF expr THEN expr ELSE expr %prec ELSE { $$ = mk_if(P, &@$, $2, $4, $6); }
    ;

query
    : COUNT source opt_where                   { $$ = mk_query(P, &@$, Q_COUNT, $2, $3); }
    | ANY source opt_where                     { $$ = mk_query(P, &@$, Q_ANY, $2, $3); }
    | NO source opt_where                      { $$ = mk_query(P, &@$, Q_NONE, $2, $3); }
    | ALL source WHERE expr                    { $$ = mk_query(P, &@$, Q_ALL, $2, $4); }
    | SUM postfix OF source opt_where          { $$ = mk_query(P, &@$, Q_SUM, $4, $5); $$->u.query.of = $2; }
    | MIN postfix OF source opt_where          { $$ = mk_query(P, &@$, Q_MIN, $4, $5); $$->u.query.of = $2; }
    | MAX postfix OF source opt_where          { $$ = mk_query(P, &@$, Q_MAX, $4, $5); $$->u.query.of = $2; }
    | COUNT DISTINCT postfix OF source opt_where { $$ = mk_query(P, &@$, Q_COUNT_DISTINCT, $5, $6); $$->u.query.of = $3; }
    | LATEST opt_limit source opt_where BY name
                            { $$ = mk_query(P, &@$, Q_LATEST, $3, $4); $$->u.query.limit = $2; $$->u.query.by = $6; $$->u.query.byloc = @6; }
    | EARLIEST opt_limit source opt_where BY name
                            { $$ = mk_query(P, &@$, Q_EARLIEST, $3, $4); $$->u.query.limit = $2; $$->u.query.by = $6; $$->u.query.byloc = @6; }
    | EACH source opt_where                    { $$ = mk_query(P, &@$, Q_WHERE, $2, $3); }
    | EACH name IN source opt_where            { $$ = mk_each(P, &@$, $2, &@2, $4, $5); }
    | HOW MANY OF '(' exprlist ')'              { $$ = mk_howmany(P, &@$, &$5); }
    ;

source
    : name %prec WHERE      { $$ = mk_name(P, $1, &@$); }
    | source '.' name       { $$ = mk_field_expr(P, &@$, $1, $3, &@3); }
    | '(' expr ')'          { $$ = $2; $$->loc = @$; }
    ;

atom
    : source
    | NUMBER                { $$ = mk_num(P, $1, &@$); }
    | STRING                { $$ = mk_str(P, $1, &@$); }
    | DATE                  { $$ = mk_date(P, $1, &@$); }
    | TRUE                  { $$ = mk_bool(P, true, &@$); }
    | FALSE                 { $$ = mk_bool(P, false, &@$); }
    ;

opt_limit
    : %empty                { $$ = NULL; }
    | NUMBER                { $$ = mk_num(P, $1, &@1); }
    ;

postfix
    : primary
    | postfix '.' name      { $$ = mk_field_expr(P, &@$, $1, $3, &@3); }
    | postfix UNIT          { $$ = mk_unit(P, &@$, $1, (Unit)$2); }
    | postfix WORKING UNIT  { $$ = mk_unit(P, &@$, $1, U_WORKING_DAYS); if ($3 != 0) bad_working(P, &@$); }
    ;

primary
    : NUMBER                { $$ = mk_num(P, $1, &@$); }
    | STRING                { $$ = mk_str(P, $1, &@$); }
    | DATE                  { $$ = mk_date(P, $1, &@$); }
    | TRUE                  { $$ = mk_bool(P, true, &@$); }
    | FALSE                 { $$ = mk_bool(P, false, &@$); }
    | MISSING               { $$ = mk_expr(P, E_MISSING, &@$); }
    | name                  { $$ = mk_name(P, $1, &@$); }
    | name '(' opt_args ')' { $$ = mk_call(P, &@$, $1, &$3); }
    | MIN '(' expr ',' args ')' { $$ = mk_call2(P, &@$, "min", $3, &$5); }
    | MAX '(' expr ',' args ')' { $$ = mk_call2(P, &@$, "max", $3, &$5); }
    | '(' expr ')'          { $$ = $2; $$->loc = @$; }
    | '[' ']'               { $$ = mk_list(P, &@$); }
    | '[' list_items ']'    { $$ = $2; $$->loc = @$; }
    ;

list_items
    : expr                  { $$ = mk_list(P, &@$); list_add(P, $$, $1, NULL); }
    | expr IF expr          { $$ = mk_list(P, &@$); list_add(P, $$, $1, $3); }
    | list_items ',' expr          { $$ = $1; list_add(P, $$, $3, NULL); }
    | list_items ',' expr IF expr  { $$ = $1; list_add(P, $$, $3, $5); }
    ;

opt_args
    : %empty                { $$ = (Vec){0}; }
    | args
    ;

args
    : expr                  { $$ = (Vec){0}; vec_push(A, &$$, $1); }
    | args ',' expr         { $$ = $1; vec_push(A, &$$, $3); }
    ;

%%

/* Friendly names for tokens in messages. */
static const char *tok_name(yysymbol_kind_t k)
{
    if (k == YYSYMBOL_YYEOF)
        return "the end of the file";
    const char *n = yysymbol_name(k);
    if (n[0] == '\'' && n[1] && n[2] == '\'') {
        static const char punct[] = "()[],.:+-*/";
        static const char *const shown[] = {"`(`", "`)`", "`[`", "`]`", "`,`", "`.`", "`:`", "`+`", "`-`", "`*`", "`/`"};
        const char *at = strchr(punct, n[1]);
        if (at)
            return shown[at - punct];
    }
    return n;
}

/* A token of the source, found by the light scanner below (for messages only). */
typedef struct Tok {
    const char *s, *e;
    Loc loc;
} Tok;

/* Scan the next token from *pp, skipping blanks and comments and counting lines and
   columns as the real scanner does. False at the end of the source. */
static bool scan_tok(const char **pp, const char *end, int *line, int *col, Tok *t)
{
    const char *p = *pp;
    for (;;) {
        if (p >= end) {
            *pp = p;
            return false;
        }
        if (*p == '\n') {
            (*line)++;
            *col = 1;
            p++;
        } else if (*p == ' ' || *p == '\t' || *p == '\r') {
            (*col)++;
            p++;
        } else if (*p == '#') {
            while (p < end && *p != '\n')
                p++;
        } else {
            break;
        }
    }
    t->s = p;
    t->loc.line = t->loc.end_line = *line;
    t->loc.col = *col;
    unsigned char c = (unsigned char)*p;
    if (c == '"') {
        for (p++; p < end && *p != '"' && *p != '\n'; p++)
            if (*p == '\\' && p + 1 < end && p[1] != '\n')
                p++;
        if (p < end && *p == '"')
            p++;
    } else if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        bool digits = c >= '0' && c <= '9';
        while (p < end && (*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                           (digits && (*p == '-' || *p == '.'))))
            p++;
    } else if (p + 1 < end && strchr("!<>=&|", c) && (p[1] == '=' || p[1] == c)) {
        p += 2;
    } else {
        for (p++; p < end && ((unsigned char)*p & 0xC0) == 0x80; p++)
            ;
    }
    for (const char *q = t->s; q < p; q++)
        if (((unsigned char)*q & 0xC0) != 0x80)
            (*col)++;
    t->e = p;
    t->loc.end_col = *col;
    *pp = p;
    return true;
}

/* Whether position (l1, c1) comes before (l2, c2). */
static bool before(int l1, int c1, int l2, int c2)
{
    return l1 < l2 || (l1 == l2 && c1 < c2);
}

/* The last token that starts before loc. */
static bool tok_before(Parser *P, const Loc *loc, Tok *out)
{
    const char *p = P->file->src, *end = P->file->src + P->file->len;
    int line = 1, col = 1;
    bool got = false;
    Tok t;
    while (scan_tok(&p, end, &line, &col, &t) && before(t.loc.line, t.loc.col, loc->line, loc->col)) {
        *out = t;
        got = true;
    }
    return got;
}

/* The first token that starts at or after the end of loc. */
static bool tok_after(Parser *P, const Loc *loc, Tok *out)
{
    const char *p = P->file->src, *end = P->file->src + P->file->len;
    int line = 1, col = 1;
    while (scan_tok(&p, end, &line, &col, out))
        if (!before(out->loc.line, out->loc.col, loc->end_line, loc->end_col))
            return true;
    return false;
}

/* Whether the text of t is a reserved word of qpl. */
static bool is_reserved(const Tok *t)
{
    size_t n = (size_t)(t->e - t->s);
    for (int k = 0; k < YYNTOKENS; k++) {
        const char *name = yysymbol_name((yysymbol_kind_t)k);
        if (name[0] == '`' && strlen(name) == n + 2 && !strncmp(name + 1, t->s, n) && name[n + 1] == '`' &&
            ((name[1] >= 'a' && name[1] <= 'z')))
            return true;
    }
    return false;
}

/* Report a reserved word written where a name is wanted. */
static void reserved_word(Parser *P, const Loc *loc, const char *word, int n)
{
    char msg[160], hint[160];
    snprintf(msg, sizeof msg, "`%.*s` is a reserved word of qpl and cannot be used as a name", n, word);
    snprintf(hint, sizeof hint, "choose another name, e.g. `%.*s_value`", n, word);
    syntax_error(P, loc, false, msg, hint, 1);
}

/* Report a syntax error in the words of the policy: what was expected, what was found. */
static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner, Parser *P)
{
    (void)scanner;
    yysymbol_kind_t found = yypcontext_token(ctx);
    const Loc *loc = yypcontext_location(ctx);
    if (found == YYSYMBOL_NUMBER_ERROR || found == YYSYMBOL_STRING_ERROR || found == YYSYMBOL_CHAR_ERROR)
        return 0;   /* the scanner already said what is wrong */
    if (diag_full(P->diags)) {
        /* past the error limit nothing is shown: count it, but skip the analysis, which rescans the file */
        syntax_error(P, loc, false, "syntax error", NULL, 0);
        return 0;
    }
    yysymbol_kind_t exp[128];
    int n = yypcontext_expected_tokens(ctx, exp, 128);
    bool wants_name = false, wants_value = false, has_when = false, has_otherwise = false;
    for (int i = 0; i < n; i++) {
        wants_name |= exp[i] == YYSYMBOL_IDENT;
        wants_value |= exp[i] == YYSYMBOL_NUMBER;
        has_when |= exp[i] == YYSYMBOL_WHEN;
        has_otherwise |= exp[i] == YYSYMBOL_OTHERWISE;
    }
    const char *fname = yysymbol_name(found);
    bool keyword = fname[0] == '`' && fname[1] >= 'a' && fname[1] <= 'z';
    bool at_eof = found == YYSYMBOL_YYEOF;

    /* what was found, with its text for names, numbers and dates */
    char ftext[120];
    Tok ft, prev;
    Loc here = *loc;    /* at the end of the file, the scanner's location is stale */
    if (at_eof)
        here.line = here.end_line = here.col = here.end_col = INT_MAX;
    bool have_prev = tok_before(P, &here, &prev);
    Loc at = *loc;
    at.end_col = at.col;
    at.end_line = at.line;
    if ((found == YYSYMBOL_IDENT || found == YYSYMBOL_NUMBER || found == YYSYMBOL_DATE) && tok_after(P, &at, &ft) &&
        ft.loc.line == loc->line && ft.loc.col == loc->col)
        snprintf(ftext, sizeof ftext, "%s `%.*s`", found == YYSYMBOL_IDENT ? "the name" : found == YYSYMBOL_NUMBER ? "the number" : "the date",
                 (int)(ft.e - ft.s > 60 ? 60 : ft.e - ft.s), ft.s);
    else
        snprintf(ftext, sizeof ftext, "%s", tok_name(found));

    /* `latest.overall`: a reserved word used as a name, followed by a field */
    if (!strcmp(fname, "'.'") && have_prev && prev.loc.line == loc->line && prev.loc.end_col == loc->col && is_reserved(&prev)) {
        reserved_word(P, &prev.loc, prev.s, (int)(prev.e - prev.s));
        return 0;
    }
    /* `let latest = ...`: a reserved word where only a name can go */
    if (wants_name && !wants_value && keyword) {
        reserved_word(P, loc, fname + 1, (int)strlen(fname) - 2);
        return 0;
    }
    /* a decision whose value is followed by neither `when` nor `otherwise` */
    if (has_when && has_otherwise && P->cur && P->cur->kind == D_DECIDE &&
        (at_eof || keyword || found == YYSYMBOL_IDENT || found == YYSYMBOL_NUMBER || found == YYSYMBOL_STRING || found == YYSYMBOL_DATE)) {
        Vec *bs = &P->cur->u.dec.branches;
        Loc after = bs->n ? ((Branch *)bs->v[bs->n - 1])->loc : P->cur->loc;
        Tok st;
        if (tok_after(P, &after, &st) && before(st.loc.line, st.loc.col, here.line, here.col)) {
            char msg[200];
            if (bs->n == 0 && (at_eof || loc->line > st.loc.line)) {
                snprintf(msg, sizeof msg, "expected `=` before the value of decision `%s`", P->cur->name);
                syntax_error(P, &st.loc, false, msg,
                             "a decision with one value reads `= VALUE`; a decision with branches reads "
                             "`VALUE when CONDITION` on each line and `VALUE otherwise` last", 1);
            } else {
                snprintf(msg, sizeof msg, "this branch of decision `%s` has no `when` or `otherwise`", P->cur->name);
                syntax_error(P, &st.loc, false, msg, "each branch reads `VALUE when CONDITION`, and the last one `VALUE otherwise`", 1);
            }
            return 0;
        }
    }

    char buf[400], hint[200];
    size_t len = 0;
    const char *h = NULL;
    bool closes = false, starts_item = false;
    for (int i = 0; i < n; i++)
        closes |= !strcmp(yysymbol_name(exp[i]), "')'");
    static const yysymbol_kind_t item_starts[] = {YYSYMBOL_POLICY, YYSYMBOL_USE, YYSYMBOL_SCALE, YYSYMBOL_ENUM,
        YYSYMBOL_RECORD, YYSYMBOL_PARAM, YYSYMBOL_LET, YYSYMBOL_FOR, YYSYMBOL_DECIDE, YYSYMBOL_DEADLINE,
        YYSYMBOL_QUORUM, YYSYMBOL_LADDER, YYSYMBOL_CLOSURE, YYSYMBOL_TEST, YYSYMBOL_TESTING};
    for (size_t i = 0; i < sizeof item_starts / sizeof *item_starts; i++)
        starts_item |= found == item_starts[i];
    bool wants_else = false;
    for (int i = 0; i < n; i++)
        wants_else |= exp[i] == YYSYMBOL_ELSE;
    /* when the error shows only on a later line, point just after the last good token */
    Loc eloc = *loc;
    if (have_prev && (at_eof || loc->line > prev.loc.line)) {
        eloc = prev.loc;
        eloc.col = prev.loc.end_col;
        eloc.end_col = eloc.col + 1;
    }
    if (wants_else && have_prev && prev.e - prev.s <= 40) {
        snprintf(buf, sizeof buf, "expected `else` after `%.*s`, found %s", (int)(prev.e - prev.s), prev.s, ftext);
        syntax_error(P, &eloc, false, buf, "`if` needs both parts: `if CONDITION then VALUE else OTHER_VALUE`", 1);
        return 0;
    }
    if (closes && (at_eof || starts_item)) {
        if (have_prev && prev.e - prev.s <= 40)
            snprintf(buf, sizeof buf, "a `(` is not closed: expected `)` after `%.*s`, found %s", (int)(prev.e - prev.s), prev.s, ftext);
        else
            snprintf(buf, sizeof buf, "a `(` is not closed: expected `)` before %s", ftext);
        syntax_error(P, &eloc, false, buf, "every `(` needs a matching `)`", 1);
        return 0;
    }
    if (starts_item && n >= 6 && have_prev && prev.e - prev.s <= 40) {
        snprintf(buf, sizeof buf, "%s starts a new item, but the one before it is not complete", ftext);
        snprintf(hint, sizeof hint, "something is missing after `%.*s`", (int)(prev.e - prev.s), prev.s);
        syntax_error(P, &eloc, false, buf, hint, 1);
        return 0;
    }
    if (n > 0 && n < 6) {
        len += (size_t)snprintf(buf, sizeof buf, "expected ");
        for (int i = 0; i < n && len < sizeof buf; i++)
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
                                    i == 0 ? "" : i == n - 1 ? " or " : ", ", tok_name(exp[i]));
        if (len < sizeof buf && have_prev && prev.e - prev.s <= 40)
            len += (size_t)snprintf(buf + len, sizeof buf - len, " after `%.*s`", (int)(prev.e - prev.s), prev.s);
        if (len < sizeof buf)
            snprintf(buf + len, sizeof buf - len, ", found %s", ftext);
        if (at_eof)
            h = "the file ends before this item is complete";
    } else if (at_eof) {
        snprintf(buf, sizeof buf, "the file ends before this item is complete");
        if (have_prev && prev.e - prev.s <= 40) {
            snprintf(hint, sizeof hint, "something is missing after `%.*s`", (int)(prev.e - prev.s), prev.s);
            h = hint;
        }
    } else if (wants_value && have_prev && prev.e - prev.s <= 40) {
        snprintf(buf, sizeof buf, "expected a value or a condition after `%.*s`, found %s", (int)(prev.e - prev.s), prev.s, ftext);
    } else {
        snprintf(buf, sizeof buf, "%s is not expected here", ftext);
    }
    syntax_error(P, &eloc, false, buf, h, h ? 1 : 0);
    return 0;
}

static void yyerror(Loc *loc, void *scanner, Parser *P, const char *msg)
{
    (void)scanner;
    if (!strcmp(msg, "memory exhausted"))   /* the parser stack is full (YYMAXDEPTH) */
        syntax_error(P, loc, false, "this is nested too deeply to read",
                     "split it into smaller definitions with `let`", 1);
    else
        syntax_error(P, loc, false, msg, NULL, 0);
}
