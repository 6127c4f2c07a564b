/* qparse.y: the qpl grammar (a pure bison parser with locations). Token kinds
   are the symbol numbers (api.token.raw), so the keywords are the tokens
   whose alias is a quoted lower-case word: the scanner finds them through
   parse_keyword_at(), and this file is their only list. */
%define api.pure full
%define api.token.raw
%define parse.error custom
%locations
/* Two conflicts are the branch boundaries (`-` and `(` after a condition may
   start the next branch; shifting reads them as part of the condition), two
   are error recovery inside a record's fields, which shifts so that the
   record's other fields are still read. */
%expect 4
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
#include <stdio.h>
#include <string.h>
#include "../util/map.h"
#include "ast_build.h"
#include "qlex.h"

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
%token LIST "`list`" WITH "`with`" WORKING "`working`" APPLICABLE "`applicable`" NAMED "`named`"
%token EXTEND "`extend`" COLUMN "`column`"
%token EQ "`=`" NE "`!=`" LT "`<`" LE "`<=`" GT "`>`" GE "`>=`"
%token LPAREN "`(`" RPAREN "`)`" LBRACKET "`[`" RBRACKET "`]`" COMMA "`,`" DOT "`.`"
%token COLON "`:`" PLUS "`+`" MINUS "`-`" STAR "`*`" SLASH "`/`"
%token CHAR_ERROR "an unexpected character"

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
%left PLUS MINUS
%left STAR SLASH
%precedence UMINUS

%%

file
    : %empty
    | file item             { if ($2) { $2->file = P->file; vec_push(P->arena, P->decls, $2); } }
    | file error            { }
    ;

item
    : policy_head           { $$ = $1; }
    | USE IDENT             { $$ = ast_decl(P, D_USE, &@$, $2, &@2); }
    | SCALE IDENT COLON scale_items
                            { $$ = ast_scale_done(P, &@$, $2, &@2, true); }
    | ENUM IDENT COLON enum_items
                            { $$ = ast_scale_done(P, &@$, $2, &@2, false); }
    | RECORD IDENT FROM IDENT record_opts COLON fields
                            { $$ = ast_record(P, &@$, $2, &@2, $4, &@4, &$7); }
    | PARAM IDENT EQ expr desc_opt
                            { $$ = ast_decl(P, D_PARAM, &@$, $2, &@2); $$->u.param.def = $4; $$->u.param.desc = $5; }
    | LET name EQ expr      { $$ = ast_decl(P, D_LET, &@$, $2, &@2); $$->u.let.def = $4; }
    | FOR IDENT             { $$ = ast_section(P, &@$, $2, &@2, NULL); }
    | FOR IDENT WHERE expr  { $$ = ast_section(P, &@$, $2, &@2, $4); }
    | decide_head EQ expr cite_opt
                            { $$ = $1; $$->loc = @$; ast_simple_branch(P, $$, $3, &@3, $4); P->cur = NULL; }
    | decide_head branches  { $$ = $1; $$->loc = @$; $$->u.dec.branches = $2; P->cur = NULL; }
    | deadline_decl         { $$ = $1; P->cur = NULL; }
    | quorum_decl           { $$ = $1; }
    | LADDER IDENT desc_opt COLON typeref cite_opt ladder_branches
                            { $$ = ast_decl(P, D_LADDER, &@$, $2, &@2); $$->u.dec.label = $3; $$->u.dec.tref = $5;
                              $$->u.dec.cite = $6; $$->u.dec.branches = $7; }
    | EXTEND RECORD IDENT COLON fields
                            { $$ = ast_extend_record(P, &@$, $3, &@3, &$5); }
    | EXTEND ENUM IDENT COLON enum_items
                            { $$ = ast_scale_done(P, &@$, $3, &@3, false); $$->kind = D_EXTEND_ENUM; }
    | CLOSURE DATE desc_opt { $$ = ast_decl(P, D_CLOSURE, &@$, NULL, &@2); $$->u.closure.date = ast_date(P, $2, &@2); $$->u.closure.why = $3; }
    | TESTING STRING        { $$ = ast_decl(P, D_TESTING, &@$, NULL, &@2); $$->u.testing.path = $2; }
    | TEST STRING AS OF DATE { P->test = ast_test(P, &@$, $2, $5, &@5); } test_items
                            { $$ = P->test; P->test = NULL; }
    ;

/* The decision being parsed is P->cur, so that a syntax error in it can name it. */
decide_head
    : DECIDE IDENT desc_opt COLON typeref cite_opt
                            { $$ = ast_decide(P, &@$, $2, &@2, $5, $6); $$->u.dec.label = $3; P->cur = $$; }
    ;

policy_head
    : POLICY IDENT desc_opt { $$ = ast_decl(P, D_POLICY, &@$, $2, &@2); $$->u.policy.title = $3; P->policy = $$; }
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
    : IDENT desc_opt                    { ast_scale_add(P, $1, &@1, $2); }
    | scale_items LT IDENT desc_opt     { ast_scale_add(P, $3, &@3, $4); }
    ;

enum_items
    : IDENT desc_opt                    { ast_scale_add(P, $1, &@1, $2); }
    | enum_items COMMA IDENT desc_opt   { ast_scale_add(P, $3, &@3, $4); }
    ;

record_opts
    : %empty
    | record_opts KEY name      { P->rkey = $3; P->rkloc = @3; }
    | record_opts DATED name    { P->rdated = $3; P->rdloc = @3; }
    | record_opts NAMED name    { P->rnamed = $3; P->rnloc = @3; }
    ;

fields
    : %empty                { $$ = (Vec){0}; }
    | fields field          { $$ = $1; if ($2) vec_push(P->arena, &$$, $2); }
    ;

field
    : name COLON typeref col_opts
                            { $$ = ast_field(P, &@1, $1, FIELD_COLUMN); $$->tref = $3; $$->required = P->freq;
                              $$->not_yet = P->fnotyet; $$->column = P->fcolumn; P->freq = P->fnotyet = false; P->fcolumn = NULL; }
    | name COLON MANY IDENT BY name { $$ = ast_link(P, &@1, $1, FIELD_MANY, $4, $6, &@6); }
    | name COLON ONE IDENT BY name  { $$ = ast_link(P, &@1, $1, FIELD_ONE, $4, $6, &@6); }
    | name EQ expr                  { $$ = ast_field(P, &@1, $1, FIELD_COMPUTED); $$->expr = $3; }
    | error COLON typeref col_opts  { $$ = NULL; P->freq = P->fnotyet = false; P->fcolumn = NULL; }
    ;

col_opts
    : %empty
    | col_opts REQUIRED             { P->freq = true; }
    | col_opts NOT YET AFTER AS OF  { P->fnotyet = true; }
    | col_opts COLUMN STRING        { P->fcolumn = $3; }
    ;

typeref
    : IDENT                 { $$ = ast_typeref(P, &@$, $1, NULL); }
    | LIST OF typeref       { $$ = ast_typeref(P, &@$, "list", $3); }
    ;

branches
    : branch                { $$ = (Vec){0}; ast_add_branch(P, &$$, $1); }
    | branches branch       { $$ = $1; ast_add_branch(P, &$$, $2); }
    ;

branch
    : expr WHEN expr cite_opt       { $$ = ast_branch(P, &@$, $1, $3, $4); $$->text = ast_span(&@1, &@3); }
    | expr OTHERWISE cite_opt       { $$ = ast_branch(P, &@$, $1, NULL, $3); $$->text = ast_span(&@1, &@2); }
    ;

ladder_branches
    : ladder_branch                 { $$ = (Vec){0}; ast_add_branch(P, &$$, $1); }
    | ladder_branches ladder_branch { $$ = $1; ast_add_branch(P, &$$, $2); }
    ;

ladder_branch
    : IDENT WHEN expr since_opt cite_opt
                            { $$ = ast_branch(P, &@$, ast_name(P, $1, &@1), $3, $5); $$->since = $4; $$->text = ast_span(&@1, &@4); }
    | IDENT OTHERWISE cite_opt
                            { $$ = ast_branch(P, &@$, ast_name(P, $1, &@1), NULL, $3); $$->text = ast_span(&@1, &@2); }
    ;

since_opt
    : %empty                { $$ = NULL; }
    | SINCE expr            { $$ = $2; }
    ;

deadline_decl
    : DEADLINE IDENT desc_opt cite_opt FROM expr
                            { $$ = ast_decl(P, D_DEADLINE, &@$, $2, &@2); $$->u.dec.label = $3; $$->u.dec.cite = $4;
                              $$->u.dec.from = $6; P->cur = $$; }
    | deadline_decl WITHIN expr     { $$ = $1; $$->u.dec.within = $3; $$->loc.end_line = @3.end_line; }
    | deadline_decl DUE expr        { $$ = $1; $$->u.dec.due = $3; }
    | deadline_decl DONE expr       { $$ = $1; $$->u.dec.done = $3; }
    | deadline_decl SUSPENDED WHEN expr { $$ = $1; $$->u.dec.suspended = $4; }
    | deadline_decl NOT APPLICABLE WHEN expr cite_opt
                            { $$ = $1; Branch *b = ast_branch(P, &@$, ast_expr(P, E_NA, &@2), $5, $6);
                              b->text = ast_span(&@2, &@5); ast_add_branch(P, &$$->u.dec.branches, b); }
    ;

quorum_decl
    : QUORUM IDENT desc_opt cite_opt MEMBERS source opt_where COUNTING expr ROLES FROM expr AT LEAST expr
                            { $$ = ast_decl(P, D_QUORUM, &@$, $2, &@2); $$->u.dec.label = $3; $$->u.dec.cite = $4;
                              $$->u.dec.members = ast_query(P, &@6, Q_WHERE, $6, $7);
                              $$->u.dec.counting = $9; $$->u.dec.from = $12; $$->u.dec.minimum = $15; }
    | quorum_decl INCLUDING idlist  { $$ = $1; $$->u.dec.roles = $3; $$->u.dec.role_locs = P->idlocs; P->idlocs = (Vec){0}; }
    | quorum_decl INCLUDING expr OF idlist
                            { $$ = $1; $$->u.dec.k_of = $3; $$->u.dec.k_roles = $5; $$->u.dec.k_locs = P->idlocs; P->idlocs = (Vec){0}; }
    | quorum_decl REQUIRING expr    { $$ = $1; $$->u.dec.requiring = $3; }
    ;

namelist
    : name                  { $$ = (Vec){0}; vec_push(P->arena, &$$, (void *)$1); ast_push_loc(P, &@1); }
    | namelist COMMA name   { $$ = $1; vec_push(P->arena, &$$, (void *)$3); ast_push_loc(P, &@3); }
    ;

idlist
    : IDENT                 { $$ = (Vec){0}; vec_push(P->arena, &$$, (void *)$1); ast_push_loc(P, &@1); }
    | idlist COMMA IDENT    { $$ = $1; vec_push(P->arena, &$$, (void *)$3); ast_push_loc(P, &@3); }
    ;

opt_where
    : %empty %prec WHERE    { $$ = NULL; }
    | WHERE expr            { $$ = $2; }
    ;

test_items
    : %empty
    | test_items GIVEN IDENT LPAREN namelist RPAREN rows
                            { ast_test_given(P, &@2, $3, &$5, &$7, NULL); P->idlocs = (Vec){0}; }
    | test_items GIVEN IDENT FROM STRING        { ast_test_given(P, &@2, $3, NULL, NULL, $5); }
    | test_items WITH name EQ expr              { ast_test_param(P, $3, $5); }
    | test_items EXPECT IDENT idv name EQ expr  { ast_test_expect(P, &@2, $3, $4, $5, &@5, NULL, $7); }
    | test_items EXPECT IDENT idv name DOT name EQ expr
                            { ast_test_expect(P, &@2, $3, $4, $5, &@5, $7, $9); }
    | test_items EXPECT IDENT idv name IS UNDETERMINED
                            { ast_test_expect(P, &@2, $3, $4, $5, &@5, NULL, NULL); }
    | test_items EXPECT IDENT idv name IS NOT APPLICABLE
                            { ast_test_expect(P, &@2, $3, $4, $5, &@5, NULL, NULL); ast_expect_na(P); }
    ;

idv
    : IDENT | STRING | NUMBER
    ;

rows
    : LPAREN exprlist RPAREN        { $$ = (Vec){0}; ast_add_row(P, &$$, &$2); }
    | rows LPAREN exprlist RPAREN   { $$ = $1; ast_add_row(P, &$$, &$3); }
    ;

exprlist
    : expr                  { $$ = (Vec){0}; vec_push(P->arena, &$$, $1); }
    | exprlist COMMA expr   { $$ = $1; vec_push(P->arena, &$$, $3); }
    ;

expr
    : postfix
    | query
    | expr OR expr          { $$ = ast_op(P, &@$, OP_OR, $1, $3); }
    | expr AND expr         { $$ = ast_op(P, &@$, OP_AND, $1, $3); }
    | NOT expr              { $$ = ast_op(P, &@$, OP_NOT, $2, NULL); }
    | expr EQ expr          { $$ = ast_op(P, &@$, OP_EQ, $1, $3); }
    | expr NE expr          { $$ = ast_op(P, &@$, OP_NE, $1, $3); }
    | expr LT expr          { $$ = ast_op(P, &@$, OP_LT, $1, $3); }
    | expr LE expr          { $$ = ast_op(P, &@$, OP_LE, $1, $3); }
    | expr GT expr          { $$ = ast_op(P, &@$, OP_GT, $1, $3); }
    | expr GE expr          { $$ = ast_op(P, &@$, OP_GE, $1, $3); }
    | expr IS MISSING       { $$ = ast_is(P, &@$, IS_MISSING, false, $1, NULL); }
    | expr IS NOT MISSING   { $$ = ast_is(P, &@$, IS_MISSING, true, $1, NULL); }
    | expr IS atom          { $$ = ast_is(P, &@$, IS_VALUE, false, $1, $3); }
    | expr IS NOT atom      { $$ = ast_is(P, &@$, IS_VALUE, true, $1, $4); }
    | expr IS BELOW atom    { $$ = ast_is(P, &@$, IS_BELOW, false, $1, $4); }
    | expr IS ABOVE atom    { $$ = ast_is(P, &@$, IS_ABOVE, false, $1, $4); }
    | expr IS AT LEAST atom { $$ = ast_is(P, &@$, IS_AT_LEAST, false, $1, $5); }
    | expr IS AT MOST atom  { $$ = ast_is(P, &@$, IS_AT_MOST, false, $1, $5); }
    | expr IN postfix       { $$ = ast_in(P, &@$, false, $1, $3); }
    | expr IN LAST postfix  { $$ = ast_window(P, &@$, $1, $4); }
    | expr PLUS expr        { $$ = ast_op(P, &@$, OP_ADD, $1, $3); }
    | expr MINUS expr       { $$ = ast_op(P, &@$, OP_SUB, $1, $3); }
    | expr STAR expr        { $$ = ast_op(P, &@$, OP_MUL, $1, $3); }
    | expr SLASH expr       { $$ = ast_op(P, &@$, OP_DIV, $1, $3); }
    | MINUS expr %prec UMINUS { $$ = ast_op(P, &@$, OP_NEG, $2, NULL); }
    | IF expr THEN expr ELSE expr %prec ELSE { $$ = ast_if(P, &@$, $2, $4, $6); }
    ;

query
    : COUNT source opt_where                   { $$ = ast_query(P, &@$, Q_COUNT, $2, $3); }
    | ANY source opt_where                     { $$ = ast_query(P, &@$, Q_ANY, $2, $3); }
    | NO source opt_where                      { $$ = ast_query(P, &@$, Q_NONE, $2, $3); }
    | ALL source WHERE expr                    { $$ = ast_query(P, &@$, Q_ALL, $2, $4); }
    | SUM postfix OF source opt_where          { $$ = ast_query_of(P, &@$, Q_SUM, $2, $4, $5); }
    | MIN postfix OF source opt_where          { $$ = ast_query_of(P, &@$, Q_MIN, $2, $4, $5); }
    | MAX postfix OF source opt_where          { $$ = ast_query_of(P, &@$, Q_MAX, $2, $4, $5); }
    | COUNT DISTINCT postfix OF source opt_where { $$ = ast_query_of(P, &@$, Q_COUNT_DISTINCT, $3, $5, $6); }
    | LATEST opt_limit source opt_where BY name
                            { $$ = ast_query_by(P, &@$, Q_LATEST, $2, $3, $4, $6, &@6); }
    | EARLIEST opt_limit source opt_where BY name
                            { $$ = ast_query_by(P, &@$, Q_EARLIEST, $2, $3, $4, $6, &@6); }
    | EACH source opt_where                    { $$ = ast_query(P, &@$, Q_WHERE, $2, $3); }
    | EACH name IN source opt_where            { $$ = ast_each(P, &@$, $2, &@2, $4, $5); }
    | HOW MANY OF LPAREN exprlist RPAREN       { $$ = ast_howmany(P, &@$, &$5); }
    ;

source
    : name %prec WHERE      { $$ = ast_name(P, $1, &@$); }
    | source DOT name       { $$ = ast_field_expr(P, &@$, $1, $3, &@3); }
    | LPAREN expr RPAREN    { $$ = $2; $$->loc = @$; }
    ;

atom
    : source
    | NUMBER                { $$ = ast_num(P, $1, &@$); }
    | STRING                { $$ = ast_str(P, $1, &@$); }
    | DATE                  { $$ = ast_date(P, $1, &@$); }
    | TRUE                  { $$ = ast_bool(P, true, &@$); }
    | FALSE                 { $$ = ast_bool(P, false, &@$); }
    ;

opt_limit
    : %empty                { $$ = NULL; }
    | NUMBER                { $$ = ast_num(P, $1, &@1); }
    ;

postfix
    : primary
    | postfix DOT name      { $$ = ast_field_expr(P, &@$, $1, $3, &@3); }
    | postfix UNIT          { $$ = ast_unit(P, &@$, $1, (Unit)$2); }
    | postfix WORKING UNIT  { $$ = ast_working(P, &@$, $1, (Unit)$3); }
    ;

primary
    : NUMBER                { $$ = ast_num(P, $1, &@$); }
    | STRING                { $$ = ast_str(P, $1, &@$); }
    | DATE                  { $$ = ast_date(P, $1, &@$); }
    | TRUE                  { $$ = ast_bool(P, true, &@$); }
    | FALSE                 { $$ = ast_bool(P, false, &@$); }
    | MISSING               { $$ = ast_expr(P, E_MISSING, &@$); }
    | NOT APPLICABLE        { $$ = ast_expr(P, E_NA, &@$); }
    | name                  { $$ = ast_name(P, $1, &@$); }
    | name LPAREN opt_args RPAREN { $$ = ast_call(P, &@$, $1, &$3); }
    | MIN LPAREN expr COMMA args RPAREN { $$ = ast_call2(P, &@$, "min", $3, &$5); }
    | MAX LPAREN expr COMMA args RPAREN { $$ = ast_call2(P, &@$, "max", $3, &$5); }
    | LPAREN expr RPAREN    { $$ = $2; $$->loc = @$; }
    | LBRACKET RBRACKET     { $$ = ast_list(P, &@$); }
    | LBRACKET list_items RBRACKET { $$ = $2; $$->loc = @$; }
    ;

list_items
    : expr                  { $$ = ast_list(P, &@$); ast_list_add(P, $$, $1, NULL); }
    | expr IF expr          { $$ = ast_list(P, &@$); ast_list_add(P, $$, $1, $3); }
    | list_items COMMA expr         { $$ = $1; ast_list_add(P, $$, $3, NULL); }
    | list_items COMMA expr IF expr { $$ = $1; ast_list_add(P, $$, $3, $5); }
    ;

opt_args
    : %empty                { $$ = (Vec){0}; }
    | args
    ;

args
    : expr                  { $$ = (Vec){0}; vec_push(P->arena, &$$, $1); }
    | args COMMA expr       { $$ = $1; vec_push(P->arena, &$$, $3); }
    ;

%%

/* The keywords: the tokens whose alias is a back-quoted lower-case word,
   found on first use (parsing happens on one thread). */
static struct Keyword {
    char word[24];
    int token;
} keywords[YYNTOKENS];
static int nkeywords = -1;
static Map keyword_map;

/* Fill the keyword table and its index from the token aliases. */
static void keywords_init(void)
{
    nkeywords = 0;
    for (int k = 0; k < YYNTOKENS; k++) {
        const char *n = yysymbol_name((yysymbol_kind_t)k);
        size_t len = strlen(n);
        if (len < 3 || len - 2 >= sizeof keywords[0].word || n[0] != '`' || n[len - 1] != '`' || n[1] < 'a' || n[1] > 'z')
            continue;
        struct Keyword *w = &keywords[nkeywords++];
        memcpy(w->word, n + 1, len - 2);
        w->word[len - 2] = 0;
        w->token = k;
        map_put(&keyword_map, w->word, w);
    }
}

/* The i-th keyword (from 0), or NULL past the last. */
const char *parse_keyword_at(int i)
{
    if (nkeywords < 0)
        keywords_init();
    return i >= 0 && i < nkeywords ? keywords[i].word : NULL;
}

/* The token kind of the keyword spelled by n bytes at s, or -1. */
static int keyword_token(const char *s, size_t n)
{
    if (nkeywords < 0)
        keywords_init();
    struct Keyword *w = map_getn(&keyword_map, s, n);
    return w ? w->token : -1;
}

/* Whether n bytes at s spell a keyword. */
bool parse_is_keyword(const char *s, size_t n)
{
    return keyword_token(s, n) >= 0;
}

/* The token of a word: a keyword, a one-word unit, or a name. */
int lex_word(const char *s, int n, int *unit)
{
    int k = keyword_token(s, (size_t)n);
    if (k >= 0)
        return k;
    int u = lang_unit_word(s, (size_t)n);
    if (u >= 0) {
        *unit = u;
        return UNIT;
    }
    return IDENT;
}

/* Whether a token of kind k starts a declaration. */
static bool starts_item(yysymbol_kind_t k)
{
    static const yysymbol_kind_t starts[] = {YYSYMBOL_POLICY, YYSYMBOL_USE, YYSYMBOL_SCALE, YYSYMBOL_ENUM,
        YYSYMBOL_RECORD, YYSYMBOL_PARAM, YYSYMBOL_LET, YYSYMBOL_FOR, YYSYMBOL_DECIDE, YYSYMBOL_DEADLINE,
        YYSYMBOL_QUORUM, YYSYMBOL_LADDER, YYSYMBOL_CLOSURE, YYSYMBOL_TEST, YYSYMBOL_TESTING, YYSYMBOL_EXTEND};
    for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
        if (k == starts[i])
            return true;
    return false;
}

/* Whether n bytes at s spell a keyword that starts a declaration. */
bool parse_starts_item(const char *s, size_t n)
{
    int k = keyword_token(s, n);
    return k >= 0 && starts_item((yysymbol_kind_t)k);
}

/* Describe a syntax error for synerr.c: what was found and what could have come. */
static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner, Parser *P)
{
    (void)scanner;
    yysymbol_kind_t found = yypcontext_token(ctx);
    if (found == YYSYMBOL_CHAR_ERROR)
        return 0;   /* the scanner already said what is wrong */
    SynErr e;
    memset(&e, 0, sizeof e);
    e.loc = *yypcontext_location(ctx);
    e.at_eof = found == YYSYMBOL_YYEOF;
    if (e.at_eof && P->errors == 0)
        P->eof_error = true;
    e.found = e.at_eof ? "the end of the file" : yysymbol_name(found);
    e.found_keyword = e.found[0] == '`' && e.found[1] >= 'a' && e.found[1] <= 'z';
    e.found_word = found == YYSYMBOL_IDENT || found == YYSYMBOL_NUMBER || found == YYSYMBOL_STRING || found == YYSYMBOL_DATE;
    if (found == YYSYMBOL_IDENT || found == YYSYMBOL_NUMBER || found == YYSYMBOL_DATE)
        e.found_what = found == YYSYMBOL_IDENT ? "the name" : found == YYSYMBOL_NUMBER ? "the number" : "the date";
    e.starts_item = starts_item(found);
    yysymbol_kind_t exp[YYNTOKENS];
    e.nexpected = yypcontext_expected_tokens(ctx, exp, YYNTOKENS);
    for (int i = 0; i < e.nexpected; i++) {
        if (i < 6)
            e.expected[i] = exp[i] == YYSYMBOL_YYEOF ? "the end of the file" : yysymbol_name(exp[i]);
        e.wants_name |= exp[i] == YYSYMBOL_IDENT;
        e.wants_value |= exp[i] == YYSYMBOL_NUMBER;
        e.wants_when |= exp[i] == YYSYMBOL_WHEN;
        e.wants_otherwise |= exp[i] == YYSYMBOL_OTHERWISE;
        e.wants_close |= exp[i] == YYSYMBOL_RPAREN;
        e.wants_else |= exp[i] == YYSYMBOL_ELSE;
    }
    synerr_report(P, &e);
    return 0;
}

/* Bison's own messages: only "memory exhausted" (the parser stack is full) reaches here. */
static void yyerror(Loc *loc, void *scanner, Parser *P, const char *msg)
{
    (void)scanner;
    if (!strcmp(msg, "memory exhausted"))
        synerr_at(P, loc, "this is nested too deeply to read", "split it into smaller definitions with `let`");
    else
        synerr_at(P, loc, msg, NULL);
}
