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
   scalar, aggregate, window, date, mathematical and JSON functions, and
   MATCH. Not load_extension, not fts3_tokenizer (which can make SQLite call
   any address), nothing that reads files or the process. Sorted (bsearch). */
static const char *const functions[] = {
    "abs", "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "avg", "ceil", "ceiling", "changes", "char",
    "coalesce", "concat", "concat_ws", "cos", "cosh", "count", "cume_dist", "date", "datetime", "degrees", "dense_rank",
    "exp", "first_value", "floor", "format", "glob", "group_concat", "hex", "ifnull", "iif", "instr", "json",
    "json_array", "json_array_length", "json_extract", "json_group_array", "json_group_object", "json_insert",
    "json_object", "json_patch", "json_quote", "json_remove", "json_replace", "json_set", "json_type", "json_valid",
    "julianday", "lag", "last_insert_rowid", "last_value", "lead", "length", "like", "likelihood", "likely", "ln",
    "log", "log10", "log2", "lower", "ltrim", "match", "max", "min", "mod", "nth_value", "ntile", "nullif",
    "octet_length", "percent_rank", "pi", "pow", "power", "printf", "quote", "radians", "random", "randomblob", "rank",
    "replace", "round", "row_number", "rtrim", "sign", "sin", "sinh", "soundex", "sqlite_version", "sqrt",
    "strftime", "string_agg", "substr", "substring", "sum", "tan", "tanh", "time", "timediff", "total",
    "total_changes", "trim", "trunc", "typeof", "unhex", "unicode", "unixepoch", "unlikely", "upper", "zeroblob",
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
    fsql_configure(mem);
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

/* Prepare one statement typed by the user, shadowing the table it changes
   first; NULL with the error set. */
static sqlite3_stmt *prepare_user(SqlSource *s, const char *sql, FactError *err)
{
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    int rc;
    for (;;) {
        sb_clear(&s->denied);
        sb_clear(&s->want);
        rc = sqlite3_prepare_v2(s->db, sql, -1, &st, &tail);
        if (rc == SQLITE_OK || !s->want.len)
            break;
        s->user_sql = false;
        int shadowed = fsql_shadow(s, sb_str(&s->want), err);
        s->user_sql = true;
        if (shadowed != 0)
            return NULL;
    }
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
    for (; tail && *tail; tail++)
        if (!isspace((unsigned char)*tail) && *tail != ';') {
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

/* Whether a word of sql (outside string literals) is w, ignoring case;
   with bare, only where it is not qualified (`main.w`). */
static bool says_word(const char *sql, const char *w, bool bare)
{
    size_t n = strlen(w);
    for (const char *p = sql; *p;) {
        if (*p == '\'') {
            for (p++; *p && !(*p == '\'' && p[1] != '\''); p += *p == '\'' ? 2 : 1)
                ;
            p += *p != 0;
        } else if (isalnum((unsigned char)*p) || *p == '_' || *p == '$') {
            const char *b = p;
            while (isalnum((unsigned char)*p) || *p == '_' || *p == '$')
                p++;
            const char *q = b;
            while (q > sql && isspace((unsigned char)q[-1]))
                q--;
            if ((size_t)(p - b) == n && !strncasecmp(b, w, n) && !(bare && q > sql && q[-1] == '.'))
                return true;
        } else {
            p++;
        }
    }
    return false;
}

/* The shadowed table a statement names while it also names a rowid, which
   the shadow's view of the table has not (SQLite gives NULL), or NULL. */
static const char *rowid_of_shadow(const SqlSource *s, const char *sql)
{
    if (!says_word(sql, "rowid", false) && !says_word(sql, "oid", false) && !says_word(sql, "_rowid_", false))
        return NULL;
    for (int i = 0; i < s->nshadowed; i++)
        if (says_word(sql, s->shadowed[i], true))
            return s->shadowed[i];
    return NULL;
}

/* Run one statement on the overlay, typed by the user or made by qpl from
   what the user typed (.set); the rows of a query go to rows. */
static int run_sql(SqlSource *s, const char *sql, bool typed, const RowSink *rows, int *changes, FactError *err)
{
    err->hint = NULL;
    sb_clear(&err->msg);
    if (!allowed_statement(sql, err))
        return -1;
    s->user_sql = true;
    sqlite3_stmt *st = prepare_user(s, sql, err);
    const char *t = st && typed ? rowid_of_shadow(s, sql) : NULL;
    if (t) {
        sqlite3_finalize(st);
        st = NULL;
        sb_printf(&err->msg, "%s has no rowid here: a what-if has changed it, and SQL sees it through a view", t);
        err->hint = "name its rows by their values (WHERE provider_id = ... AND ...), or use"
                    " `.set TABLE COLUMN = VALUE where rowid = N`, which finds rows by rowid";
    }
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

/* Run one statement typed by the user on the overlay. */
int fsql_whatif(FactSource *ov, const char *sql, const RowSink *rows, int *changes, FactError *err)
{
    return run_sql((SqlSource *)ov, sql, true, rows, changes, err);
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
        rc = run_sql((SqlSource *)ov, upd, false, NULL, &part, err);
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
        int rc = run_sql(s, sql, false, NULL, changes, err);
        sqlite3_free(sql);
        return rc;
    }
    Rowids ids = {NULL, 0, 0, false};
    RowSink sink = {&ids, keep_rowid};
    char *sql = fsql_sql("SELECT rowid FROM main.\"%w\" WHERE rowid NOT IN (SELECT \"$rid\" FROM temp.\"%w$gone\")"
                         " AND (%s) UNION ALL SELECT \"$rid\" FROM temp.\"%w$new\" WHERE (%s)", table, table, cond, table, cond);
    int rc = run_sql(s, sql, false, &sink, NULL, err) < 0 ? -1 : 0;
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
