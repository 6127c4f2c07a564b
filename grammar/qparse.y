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
%type <vec> branches ladder_branches args opt_args list_items idlist namelist fields exprlist rows
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
    | '[' list_items ']'    { $$ = P->list; P->list = NULL; $$->loc = @$; }
    ;

list_items
    : expr                  { P->list = mk_list(P, &@$); list_add(P, P->list, $1, NULL); $$ = (Vec){0}; }
    | expr IF expr          { P->list = mk_list(P, &@$); list_add(P, P->list, $1, $3); $$ = (Vec){0}; }
    | list_items ',' expr          { list_add(P, P->list, $3, NULL); $$ = (Vec){0}; }
    | list_items ',' expr IF expr  { list_add(P, P->list, $3, $5); $$ = (Vec){0}; }
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
    return yysymbol_name(k);
}

/* Report a syntax error as "expected X, found Y" with the place it happened. */
static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner, Parser *P)
{
    (void)scanner;
    yysymbol_kind_t found = yypcontext_token(ctx);
    const Loc *loc = yypcontext_location(ctx);
    if (found == YYSYMBOL_NUMBER_ERROR || found == YYSYMBOL_STRING_ERROR || found == YYSYMBOL_CHAR_ERROR)
        return 0;   /* the scanner already said what is wrong */
    yysymbol_kind_t exp[128];
    int n = yypcontext_expected_tokens(ctx, exp, 128);
    char buf[400];
    size_t len = 0;
    if (n > 0 && n < 6) {
        len += (size_t)snprintf(buf, sizeof buf, "expected ");
        for (int i = 0; i < n && len < sizeof buf; i++)
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
                                    i == 0 ? "" : i == n - 1 ? " or " : ", ", tok_name(exp[i]));
        snprintf(buf + len, sizeof buf - len, ", found %s", tok_name(found));
    } else {
        snprintf(buf, sizeof buf, "%s is not expected here", tok_name(found));
    }
    bool wants_name = false;
    for (int i = 0; i < n; i++)
        if (exp[i] == YYSYMBOL_IDENT)
            wants_name = true;
    const char *fname = yysymbol_name(found);
    if (wants_name && fname[0] == '`' && found != YYSYMBOL_EQ && found != YYSYMBOL_LT && found != YYSYMBOL_GT &&
        found != YYSYMBOL_LE && found != YYSYMBOL_GE && found != YYSYMBOL_NE) {
        char hint[160];
        snprintf(hint, sizeof hint, "%s is a reserved word of qpl; choose another name", fname);
        syntax_error(P, loc, false, buf, hint, 1);
        return 0;
    }
    syntax_error(P, loc, found == YYSYMBOL_YYEOF, buf, NULL, 0);
    return 0;
}

static void yyerror(Loc *loc, void *scanner, Parser *P, const char *msg)
{
    (void)scanner;
    syntax_error(P, loc, false, msg, NULL, 0);
}
