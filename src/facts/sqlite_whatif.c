/* sqlite_whatif.c: the REPL's what-if overlay: a second read-only
   connection to the case database (an in-memory copy of a database that is
   not a file) on which statements typed by the user read the tables and
   change their rows, under an authorizer that allows that and nothing else.
   The changes live in its temporary database (sqlite_shadow.c). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "../util/mem.h"
#include "sqlite_int.h"

/* The SQL functions statements typed by the user may call: SQLite's own
   scalar, aggregate, window, date, mathematical and JSON functions, MATCH,
   and qpl_is_date (qpl's own reading of a table calls it, under this
   authorizer too). Not load_extension, not fts3_tokenizer (which can make
   SQLite call any address), nothing that reads files or the process.
   Sorted (bsearch). */
static const char *const functions[] = {
    "abs", "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "avg", "ceil", "ceiling", "changes", "char",
    "coalesce", "concat", "concat_ws", "cos", "cosh", "count", "cume_dist", "date", "datetime", "degrees",
    "dense_rank", "exp", "first_value", "floor", "format", "glob", "group_concat", "hex", "ifnull", "iif", "instr",
    "json", "json_array", "json_array_length", "json_extract", "json_group_array", "json_group_object", "json_insert",
    "json_object", "json_patch", "json_quote", "json_remove", "json_replace", "json_set", "json_type", "json_valid",
    "julianday", "lag", "last_insert_rowid", "last_value", "lead", "length", "like", "likelihood", "likely", "ln",
    "log", "log10", "log2", "lower", "ltrim", "match", "max", "min", "mod", "nth_value", "ntile", "nullif",
    "octet_length", "percent_rank", "pi", "pow", "power", "printf", "qpl_is_date", "quote", "radians", "random",
    "randomblob", "rank", "replace", "round", "row_number", "rtrim", "sign", "sin", "sinh", "soundex",
    "sqlite_version", "sqrt", "strftime", "string_agg", "substr", "substring", "sum", "tan", "tanh", "time",
    "timediff", "total", "total_changes", "trim", "trunc", "typeof", "unhex", "unicode", "unixepoch", "unlikely",
    "upper", "zeroblob",
};

/* strcmp for bsearch over the function names. */
static int name_cmp(const void *key, const void *item)
{
    return strcmp(key, *(const char *const *)item);
}

/* Whether a function may be called, by its name in any case. */
static bool function_allowed(const char *name)
{
    char low[32];   /* every allowed name is shorter */
    size_t n = strlen(name);
    if (n >= sizeof low)
        return false;
    for (size_t i = 0; i <= n; i++)
        low[i] = (char)tolower((unsigned char)name[i]);
    return bsearch(low, functions, sizeof functions / sizeof *functions, sizeof *functions, name_cmp) != NULL;
}

/* Whether a pragma may be read through its table-valued function: the
   ones that describe the schema. */
static bool pragma_allowed(const char *name)
{
    static const char *const pragmas[] = {"foreign_key_list", "index_info", "index_list", "index_xinfo", "table_info",
                                          "table_list", "table_xinfo", NULL};
    for (int i = 0; pragmas[i]; i++)
        if (!strcmp(name, pragmas[i]))
            return true;
    return false;
}

/* Whether a table is the schema table. SQLite checks its use of it for a
   table-valued function as a change to it; it refuses real changes itself
   (the connection is defensive, fsql_configure). */
static bool schema_table(const char *name)
{
    return !strcmp(name, "sqlite_master") || !strcmp(name, "sqlite_schema");
}

/* Statements typed by the user may read tables, call the functions above
   and change rows of ordinary tables (a table not yet shadowed is noted in
   want, to shadow and prepare again); the triggers of the shadows change
   them. What is refused is noted for the message. */
static int authorize(void *ud, int action, const char *a, const char *b, const char *db, const char *trigger)
{
    SqlSource *s = ud;
    if (!s->user_sql || trigger)    /* (qpl's own statements, and the shadows' triggers: users cannot make triggers) */
        return SQLITE_OK;
    switch (action) {
    case SQLITE_READ:
    case SQLITE_SELECT:
    case SQLITE_RECURSIVE:
        return SQLITE_OK;
    case SQLITE_FUNCTION:
        if (b && function_allowed(b))
            return SQLITE_OK;
        if (!s->denied.len)
            sb_printf(&s->denied, "the SQL function %s()", b ? b : "?");
        return SQLITE_DENY;
    case SQLITE_PRAGMA:     /* (only from pragma_* table-valued functions: PRAGMA statements are refused) */
        if (a && pragma_allowed(a))
            return SQLITE_OK;
        if (!s->denied.len)
            sb_printf(&s->denied, "pragma_%s()", a ? a : "?");
        return SQLITE_DENY;
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
        if (action == SQLITE_UPDATE && a && schema_table(a))
            return SQLITE_OK;
        if (a && db && !strcmp(db, "temp") && fsql_shadow_view(s, a))
            return SQLITE_OK;
        if (a && db && !strcmp(db, "main") && strncmp(a, "sqlite_", 7) && !s->want.len && !fsql_shadowed(s, a)) {
            sb_puts(&s->want, a);
            return SQLITE_DENY;
        }
        if (!s->denied.len)
            sb_printf(&s->denied, "changing %s%s%s", db && strcmp(db, "main") ? db : "", db && strcmp(db, "main") ? "." : "",
                      a ? a : "that table");
        return SQLITE_DENY;
    default:
        if (!s->denied.len)
            sb_puts(&s->denied, "this kind of statement");
        return SQLITE_DENY;
    }
}

/* Copy database `from` over database `to`: 0, or -1 with the message in err. */
static int copy_db(sqlite3 *from, sqlite3 *to, const char *what, FactError *err)
{
    sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
    if (b) {
        sqlite3_backup_step(b, -1);     /* (its error is the one finish returns) */
        if (sqlite3_backup_finish(b) == SQLITE_OK)
            return 0;
    }
    Arena *a = arena_new();
    sb_printf(&err->msg, "%s: %s", what, fsql_cause(to, a, &err->hint));
    arena_free(a);
    return -1;
}

/* Counts a row changed by a shadow's trigger (the SQL function qpl_whatif_row()). */
static void count_row(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc, (void)argv;
    ((SqlSource *)sqlite3_user_data(ctx))->changed_rows++;
    sqlite3_result_null(ctx);
}

/* The connection what-ifs are made on: the case database again, or an
   in-memory copy of one that is not a file. NULL with a message in err. */
static sqlite3 *overlay_db(SqlSource *orig, FactError *err)
{
    if (orig->path)
        return fsql_reopen(orig, &err->msg);
    sqlite3 *mem = NULL;
    if (sqlite3_open(":memory:", &mem) != SQLITE_OK) {
        sb_printf(&err->msg, "cannot make an in-memory database: %s", mem ? sqlite3_errmsg(mem) : "out of memory");
        sqlite3_close(mem);
        return NULL;
    }
    if (fsql_configure(mem) != SQLITE_OK) {
        sb_printf(&err->msg, "cannot make an in-memory database: %s", sqlite3_errmsg(mem));
        sqlite3_close(mem);
        return NULL;
    }
    if (copy_db(orig->db, mem, "cannot copy the database into memory", err) != 0) {
        sqlite3_close(mem);
        return NULL;
    }
    return mem;
}

/* A source to make what-ifs on, reading like fs. */
FactSource *fsql_overlay(FactSource *fs, FactError *err)
{
    SqlSource *orig = (SqlSource *)fs;
    err->hint = NULL;
    sqlite3 *db = overlay_db(orig, err);
    if (!db)
        return NULL;
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    SqlSource *s = fsql_wrap(db, orig->base.name);
    s->orig = orig;
    s->immutable = orig->immutable;
    if (sqlite3_exec(db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_create_function(db, "qpl_whatif_row", 0, SQLITE_UTF8, s, count_row, NULL, NULL) != SQLITE_OK ||
        sqlite3_set_authorizer(db, authorize, s) != SQLITE_OK) {
        sb_printf(&err->msg, "cannot prepare the what-ifs on %s: %s", orig->base.name, sqlite3_errmsg(db));
        facts_close(&s->base);
        return NULL;
    }
    return &s->base;
}

/* Undo every what-if: drop the shadows. */
int fsql_reset(FactSource *ov, FactError *err)
{
    err->hint = NULL;
    return fsql_unshadow((SqlSource *)ov, err);
}

/* Whether a statement starts with a word what-ifs may use. */
static bool allowed_statement(const char *sql, FactError *err)
{
    static const char *const allowed[] = {"select", "insert", "update", "delete", "replace", "with", "values", NULL};
    const char *s = sql;
    while (isspace((unsigned char)*s))
        s++;
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    for (int i = 0; allowed[i]; i++)
        if (strlen(allowed[i]) == n && !strncasecmp(s, allowed[i], n))
            return true;
    sb_printf(&err->msg, "`%.*s` statements cannot be run here", (int)(n ? n : 1), n ? s : sql);
    err->hint = "what-ifs change rows: INSERT, UPDATE or DELETE (SELECT to look)";
    return false;
}

/* The kinds of token the rowid rewrite tells apart. */
enum { TOKEN_OTHER, TOKEN_WORD, TOKEN_QUOTED, TOKEN_SKIP };

/* Whether c may be part of an unquoted SQL name. */
static bool name_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '$' || (unsigned char)c >= 0x80;
}

/* The end of the token of SQL text at p (not at its end), its kind in *kind:
   a name, a quoted name, a string or comment (TOKEN_SKIP), or one other byte. */
static const char *sql_token(const char *p, int *kind)
{
    if (*p == '\'' || *p == '"' || *p == '`' || *p == '[') {
        char close = *p == '[' ? ']' : *p;
        *kind = *p == '\'' ? TOKEN_SKIP : TOKEN_QUOTED;
        for (p++; *p && !(*p == close && (close == ']' || p[1] != close)); p += *p == close ? 2 : 1)
            ;
        return *p ? p + 1 : p;
    }
    *kind = TOKEN_SKIP;
    if (p[0] == '-' && p[1] == '-')
        return p + strcspn(p, "\n");
    if (p[0] == '/' && p[1] == '*') {
        const char *e = strstr(p + 2, "*/");
        return e ? e + 2 : p + strlen(p);
    }
    *kind = name_char(*p) ? TOKEN_WORD : TOKEN_OTHER;
    if (*kind == TOKEN_OTHER)
        return p + 1;
    while (name_char(*p))
        p++;
    return p;
}

/* Whether a name token [b, e) (quotes included for a quoted one) is name, ignoring case. */
static bool token_is(const char *b, const char *e, int kind, const char *name)
{
    if (kind == TOKEN_QUOTED)
        b++, e--;
    size_t n = strlen(name);
    return (size_t)(e - b) == n && !strncasecmp(b, name, n);
}

/* Whether sql names a rowid (rowid, oid or _rowid_). */
static bool names_rowid(const char *sql)
{
    for (const char *p = sql, *e; *p; p = e) {
        int kind;
        e = sql_token(p, &kind);
        if ((kind == TOKEN_WORD || kind == TOKEN_QUOTED) &&
            (token_is(p, e, kind, "rowid") || token_is(p, e, kind, "oid") || token_is(p, e, kind, "_rowid_")))
            return true;
    }
    return false;
}

/* A statement that names a rowid, with each shadowed table it names (not
   qualified by a schema) read through the shadow's rowid view "T$rows" in
   place of the view "T", which has none (SQLite would give NULL); NULL when
   the statement is to be run as it is. sqlite3_free it. */
static char *with_rowid_views(const SqlSource *s, const char *sql)
{
    if (!s->nshadowed || !names_rowid(sql))
        return NULL;
    sqlite3_str *out = sqlite3_str_new(NULL);
    char prev = 0;      /* the last byte before this token that is not a space */
    for (const char *p = sql, *e; *p; p = e) {
        int kind;
        e = sql_token(p, &kind);
        int t = -1;
        for (int i = 0; prev != '.' && (kind == TOKEN_WORD || kind == TOKEN_QUOTED) && i < s->nshadowed; i++)
            if (token_is(p, e, kind, s->shadowed[i]))
                t = i;
        if (t >= 0)
            sqlite3_str_appendf(out, "\"%w\"", s->rows[t]);
        else
            sqlite3_str_append(out, p, (int)(e - p));
        if (!isspace((unsigned char)*p))
            prev = e[-1];
    }
    return fsql_str_finish(out);
}

/* Prepare one statement typed by the user, shadowing the table it changes
   first; NULL with the error set. */
static sqlite3_stmt *prepare_user(SqlSource *s, const char *sql, FactError *err)
{
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    char *text = NULL;
    int rc;
    for (;;) {
        sb_clear(&s->denied);
        sb_clear(&s->want);
        sqlite3_free(text);
        text = with_rowid_views(s, sql);
        rc = sqlite3_prepare_v2(s->db, text ? text : sql, -1, &st, &tail);
        if (rc == SQLITE_OK || !s->want.len)
            break;
        s->user_sql = false;
        int shadowed = fsql_shadow(s, sb_str(&s->want), err);
        s->user_sql = true;
        if (shadowed != 0) {
            sqlite3_free(text);
            return NULL;
        }
    }
    bool more = false;
    for (; rc == SQLITE_OK && tail && *tail && !more; tail++)
        more = !isspace((unsigned char)*tail) && *tail != ';';
    sqlite3_free(text);
    if (rc != SQLITE_OK && s->denied.len) {
        sb_printf(&err->msg, "%s cannot be used here", sb_str(&s->denied));
        err->hint = "what-ifs read tables and change their rows, with SQLite's own scalar, aggregate, date and JSON"
                    " functions";
    } else if (rc != SQLITE_OK || !st) {
        sb_printf(&err->msg, "SQL: %s", rc != SQLITE_OK ? sqlite3_errmsg(s->db) : "no statement");
    }
    if (rc != SQLITE_OK || !st) {
        sqlite3_finalize(st);
        return NULL;
    }
    if (more) {
        sqlite3_finalize(st);
        sb_puts(&err->msg, "SQL: more than one statement");
        err->hint = "give one statement at a time";
        return NULL;
    }
    return st;
}

/* Send a query's column names, then each row, to the sink. */
static int send_rows(sqlite3_stmt *st, const RowSink *rows)
{
    int ncol = sqlite3_column_count(st), rc;
    const char **cells = xcalloc((size_t)ncol + 1, sizeof *cells);
    for (int i = 0; i < ncol; i++)
        if (!(cells[i] = sqlite3_column_name(st, i)))
            mem_fail();
    if (rows && ncol > 0)
        rows->row(rows->ctx, ncol, cells);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!rows || ncol == 0)
            continue;
        for (int i = 0; i < ncol; i++) {
            const unsigned char *v = sqlite3_column_text(st, i);
            if (!v && sqlite3_column_type(st, i) != SQLITE_NULL)
                mem_fail();     /* (SQLite could not make the text) */
            cells[i] = v ? (const char *)v : "NULL";
        }
        rows->row(rows->ctx, ncol, cells);
    }
    free(cells);
    return rc;
}

/* Run one statement typed by the user on the overlay (or made by qpl from
   what the user typed: .set); the rows of a query go to rows. */
int fsql_whatif(FactSource *ov, const char *sql, const RowSink *rows, int *changes, FactError *err)
{
    SqlSource *s = (SqlSource *)ov;
    err->hint = NULL;
    sb_clear(&err->msg);
    if (!allowed_statement(sql, err))
        return -1;
    s->user_sql = true;
    sqlite3_stmt *st = prepare_user(s, sql, err);
    if (!st) {
        s->user_sql = false;
        return -1;
    }
    bool query = sqlite3_stmt_readonly(st);
    s->changed_rows = 0;
    int rc = send_rows(st, query ? rows : NULL);
    s->user_sql = false;
    int status = query ? 1 : 0;
    if (rc == SQLITE_INTERRUPT) {
        sb_puts(&err->msg, "interrupted");
        err->hint = query ? NULL : "the statement was undone: what-ifs made before it are kept";
        status = -1;
    } else if (rc != SQLITE_DONE && s->denied.len) {
        sb_printf(&err->msg, "%s cannot be used here", sb_str(&s->denied));
        status = -1;
    } else if (rc != SQLITE_DONE) {
        sb_printf(&err->msg, "SQL: %s", sqlite3_errmsg(s->db));
        status = -1;
    } else if (!query && changes) {
        *changes = (int)s->changed_rows;
    }
    sqlite3_finalize(st);
    return status;
}

/* The rowids a query found. */
typedef struct Rowids {
    sqlite3_int64 *v;
    size_t n, cap;
    bool header;            /* its first row (the column names) was seen */
} Rowids;

/* RowSink keeping the rowids a query finds (its one column). */
static void keep_rowid(void *ctx, int ncol, const char *const *cells)
{
    Rowids *r = ctx;
    if (!r->header || ncol != 1) {
        r->header = true;
        return;
    }
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->v = xrealloc(r->v, r->cap * sizeof *r->v);
    }
    r->v[r->n++] = strtoll(cells[0], NULL, 10);
}

/* Update the rows found, by rowid, a thousand to a statement; 0 or -1. */
static int update_rowids(FactSource *ov, const char *table, const char *assign, const Rowids *ids, int *changes,
                         FactError *err)
{
    int rc = 0;
    for (size_t i = 0; rc >= 0 && i < ids->n; i += 1000) {
        sqlite3_str *u = sqlite3_str_new(NULL);
        sqlite3_str_appendf(u, "UPDATE temp.\"%w\" SET %s WHERE rowid IN (", fsql_from((SqlSource *)ov, table), assign);
        for (size_t k = i; k < ids->n && k < i + 1000; k++)
            sqlite3_str_appendf(u, "%s%lld", k > i ? ", " : "", (long long)ids->v[k]);
        sqlite3_str_appendall(u, ")");
        char *upd = fsql_str_finish(u);
        int part = 0;
        rc = fsql_whatif(ov, upd, NULL, &part, err);
        sqlite3_free(upd);
        *changes += part;
    }
    return rc < 0 ? -1 : 0;
}

/* `UPDATE table SET assign WHERE cond` on the overlay: the rows are found
   in the table and in its changed rows separately (SQLite does not push a
   condition with a subquery into the two halves of the view), then updated
   by rowid, all or none. */
int fsql_whatif_set(FactSource *ov, const char *table, const char *assign, const char *cond, int *changes, FactError *err)
{
    SqlSource *s = (SqlSource *)ov;
    err->hint = NULL;
    sb_clear(&err->msg);
    *changes = 0;
    if (fsql_shadow(s, table, err) != 0)
        return -1;
    if (!cond) {
        char *sql = fsql_sql("UPDATE temp.\"%w\" SET %s", fsql_from(s, table), assign);
        int rc = fsql_whatif(ov, sql, NULL, changes, err);
        sqlite3_free(sql);
        return rc;
    }
    Rowids ids = {NULL, 0, 0, false};
    RowSink sink = {&ids, keep_rowid};
    char *sql = fsql_sql("SELECT rowid FROM main.\"%w\" WHERE rowid NOT IN (SELECT \"$rid\" FROM temp.\"%w$gone\")"
                         " AND (%s) UNION ALL SELECT \"$rid\" FROM temp.\"%w$new\" WHERE (%s)", table, table, cond, table, cond);
    int rc = fsql_whatif(ov, sql, &sink, NULL, err) < 0 ? -1 : 0;
    sqlite3_free(sql);
    if (rc == 0 && sqlite3_exec(s->db, "SAVEPOINT whatif_set", NULL, NULL, NULL) != SQLITE_OK) {
        sb_printf(&err->msg, "cannot change %s: %s", table, sqlite3_errmsg(s->db));
        rc = -1;
    }
    if (rc == 0) {
        rc = update_rowids(ov, table, assign, &ids, changes, err);
        if (rc != 0) {
            sqlite3_exec(s->db, "ROLLBACK TO whatif_set", NULL, NULL, NULL);
            *changes = 0;
        }
        sqlite3_exec(s->db, "RELEASE whatif_set", NULL, NULL, NULL);
    }
    free(ids.v);
    return rc;
}
