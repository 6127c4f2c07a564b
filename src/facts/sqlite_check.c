/* sqlite_check.c: checking a program's record bindings against a SQLite
   database: the tables exist, with the columns the program reads (values
   are checked as they are read: sqlite_decode.c); and, for `qpl check --db`,
   a scan of those columns for values of a storage type that cannot fit. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "../check/types.h"
#include "../check/usage.h"
#include "../util/mem.h"
#include "../util/suggest.h"
#include "sqlite_int.h"

/* SQL condition true for a value whose storage type cannot fit the field's type, or NULL. */
static char *storage_condition(const Field *fl)
{
    switch (fl->type->kind) {
    case T_BOOL: /* a 2 is bad data, reported on its row */
        return sqlite3_mprintf("typeof(\"%w\") NOT IN ('null', 'integer')", fsql_column(fl));
    case T_NUMBER: return sqlite3_mprintf("typeof(\"%w\") NOT IN ('null', 'integer', 'real')", fsql_column(fl));
    case T_DATE:
    case T_CODE: return sqlite3_mprintf("typeof(\"%w\") NOT IN ('null', 'text')", fsql_column(fl));
    default: return NULL;
    }
}

/* Whether any row of the table holds a value of the wrong storage type in
   a column used (one scan, looking at every column at once). */
static bool any_bad_storage(sqlite3 *db, const Record *r, const bool *used)
{
    sqlite3_str *any = sqlite3_str_new(db);
    int n = 0;
    for (int k = 0; k < r->fields.n; k++) {
        const Field *fl = r->fields.v[k];
        char *c = used[k] ? storage_condition(fl) : NULL;
        if (c)
            sqlite3_str_appendf(any, "%s%s", n++ ? " OR " : "", c);
        sqlite3_free(c);
    }
    char *cond = sqlite3_str_finish(any);
    if (!n) {
        sqlite3_free(cond);
        return false;
    }
    char *sql = sqlite3_mprintf("SELECT 1 FROM \"%w\" WHERE %s LIMIT 1", r->table, cond);
    sqlite3_stmt *st = NULL;
    bool some = sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    sqlite3_free(sql);
    sqlite3_free(cond);
    return some;
}

/* Report the columns holding values of the wrong storage type, each with one row. */
static int check_storage(Arena *a, sqlite3 *db, const Program *p, Diags *d, const Record *r)
{
    bool *used = arena_array(a, (size_t)r->fields.n + 1, sizeof *used);
    usage_columns(p, r, used);
    if (!any_bad_storage(db, r, used))
        return 0;
    int errors = 0;
    for (int k = 0; k < r->fields.n; k++) {
        const Field *fl = r->fields.v[k];
        char *c = used[k] ? storage_condition(fl) : NULL;
        if (!c)
            continue;
        char *sql = sqlite3_mprintf("SELECT rowid, quote(\"%w\") FROM \"%w\" WHERE %s LIMIT 1", fsql_column(fl), r->table, c);
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
            diag_error(d, fl->file, fl->loc, NULL, "column %s.%s should hold %s, but row %lld holds %s", r->table, fsql_column(fl),
                       type_str(a, fl->type), (long long)sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1));
            errors++;
        }
        sqlite3_finalize(st);
        sqlite3_free(sql);
        sqlite3_free(c);
    }
    return errors;
}

/* The column names of a table (none when it does not exist), malloc'd;
   NULL with *ncols -1 when the schema cannot be read. */
static char **table_columns(sqlite3 *db, const char *table, int *ncols)
{
    sqlite3_stmt *st = NULL;
    char **names = NULL;
    *ncols = 0;
    int rc = sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?1)", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        names = xrealloc(names, (size_t)(*ncols + 1) * sizeof *names);
        names[(*ncols)++] = xstrdup(name ? name : "");
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        for (int c = 0; c < *ncols; c++)
            free(names[c]);
        free(names);
        *ncols = -1;
        return NULL;
    }
    return names;
}

/* Report that the schema of table could not be read; 1 (an error). */
static int schema_failed(SqlSource *s, Diags *d, const char *table)
{
    Arena *a = arena_new();
    const char *hint;
    diag_plain(d, "cannot read the schema of table %s of %s: %s", table, s->base.name, fsql_cause(s->db, a, &hint));
    if (hint)
        diag_hint(d, hint);
    arena_free(a);
    return 1;
}

/* Whether a record or field is the policy's own (not of the reference
   schema's): declared in the policy file, or added by `extend record`. */
static bool policy_owned(const Program *p, const Record *r, const Field *fl)
{
    return r->file == p->main || (fl && fl->extension);
}

/* What to do about a column the table lacks: bind the field to a column of
   a like name, or add the column. */
static const char *column_hint(Arena *a, const Program *p, const Record *r, const Field *fl, char **names, int ncols)
{
    const char *like = suggest_closest(fsql_column(fl), (const char *const *)names, ncols);
    if (like)
        return arena_printf(a, "the table has a column `%s`: if that is it, bind the field to it (`%s: ... column \"%s\"`)"
                            " or rename the column", like, fl->name, like);
    if (policy_owned(p, r, fl))
        return arena_printf(a, "add the column (`qpl schema %s` prints the tables and columns the policy expects), or"
                            " make a new database with `qpl init-db DB --policy %s`", p->main->path, p->main->path);
    return arena_printf(a, "the database may follow an older version of the reference schema (stdlib/schema.sql):"
                        " add the column (`ALTER TABLE %s ADD COLUMN %s`), or export the database again", r->table,
                        fsql_column(fl));
}

/* Check one record's table and columns. */
static int check_record(SqlSource *s, const Program *p, bool every_column, Diags *d, const Record *r)
{
    int ncols, errors = 0;
    char **names = table_columns(s->db, r->table, &ncols);
    if (ncols < 0)
        return schema_failed(s, d, r->table);
    if (ncols == 0) {
        Arena *a = arena_new();
        const char *hint = policy_owned(p, r, NULL)
                               ? arena_printf(a, "the policy brings this table: `qpl init-db DB --policy %s` makes a"
                                                 " database with it (`qpl schema %s` prints its CREATE TABLE)",
                                              p->main->path, p->main->path)
                               : "create it with `qpl init-db`, or bind the record to a table or view you have";
        diag_error(d, r->file, r->tloc, hint, "policy expects table `%s`; %s has no such table", r->table, s->base.name);
        arena_free(a);
        errors++;
    }
    bool *used = xcalloc((size_t)r->fields.n + 1, sizeof *used);
    usage_columns(p, r, used);
    for (int k = 0; ncols && k < r->fields.n; k++) {
        const Field *fl = r->fields.v[k];
        if (!used[k] && !(every_column && fl->kind == FIELD_COLUMN))
            continue;
        bool found = false;
        for (int c = 0; c < ncols && !found; c++)
            found = !strcmp(names[c], fsql_column(fl));
        if (!found) {
            Arena *a = arena_new();
            diag_error(d, fl->file, fl->loc, column_hint(a, p, r, fl, names, ncols),
                       "policy expects column %s.%s; %s has no such column", r->table, fsql_column(fl), s->base.name);
            arena_free(a);
            errors++;
        }
    }
    for (int c = 0; c < ncols; c++)
        free(names[c]);
    free(names);
    free(used);
    return errors;
}

/* A column as SQLite declares it: its type and collation (coll NULL when
   SQLite does not say, as for a view's columns). */
typedef struct ColDecl {
    const char *table, *col;
    char *type, *coll;      /* malloc'd */
} ColDecl;

/* Read how table.col is declared into c; false when it cannot be read. */
static bool column_decl(sqlite3 *db, const char *table, const char *col, ColDecl *c)
{
    const char *type = NULL, *coll = NULL;
    c->table = table;
    c->col = col;
    if (sqlite3_table_column_metadata(db, "main", table, col, &type, &coll, NULL, NULL, NULL) == SQLITE_OK) {
        c->type = xstrdup(type ? type : "");
        c->coll = xstrdup(coll ? coll : "BINARY");
        return true;
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT type FROM pragma_table_xinfo(?1) WHERE name = ?2", -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC)) == SQLITE_OK &&
        (rc = sqlite3_bind_text(st, 2, col, -1, SQLITE_STATIC)) == SQLITE_OK)
        rc = sqlite3_step(st);
    const char *t = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    c->type = xstrdup(t ? t : "");
    c->coll = NULL;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* Whether s contains word, ignoring case. */
static bool has_word(const char *s, const char *word)
{
    size_t n = strlen(word);
    for (; *s; s++)
        if (!strncasecmp(s, word, n))
            return true;
    return false;
}

/* The affinity SQLite gives a declared type (its rules, in order): 'i'
   INTEGER, 't' TEXT, 'b' BLOB (none), 'r' REAL, 'n' NUMERIC. */
char fsql_affinity(const char *type)
{
    if (has_word(type, "INT"))
        return 'i';
    if (has_word(type, "CHAR") || has_word(type, "CLOB") || has_word(type, "TEXT"))
        return 't';
    if (!*type || has_word(type, "BLOB"))
        return 'b';
    if (has_word(type, "REAL") || has_word(type, "FLOA") || has_word(type, "DOUB"))
        return 'r';
    return 'n';
}

/* Whether a column of numeric affinity holds numbers (the first value in
   ORDER BY order is one: numbers sort before text). One step of an index
   on the column, or one scan of the table without one. -1 on failure. */
static int holds_numbers(sqlite3 *db, const ColDecl *c)
{
    char *sql = fsql_sql("SELECT typeof(\"%w\") FROM \"%w\" WHERE \"%w\" IS NOT NULL ORDER BY \"%w\" LIMIT 1", c->col,
                         c->table, c->col, c->col);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    const char *t = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    int yes = rc == SQLITE_DONE ? 0 : t ? !strcmp(t, "integer") || !strcmp(t, "real") : -1;
    sqlite3_finalize(st);
    return yes;
}

/* Check that SQLite compares the two columns of a link as qpl does: not a
   number with text (SQLite converts the text, qpl does not), and with the
   BINARY collation. The number of errors reported. */
static int check_pair(SqlSource *s, Diags *d, const Field *link, const ColDecl *key, const ColDecl *by)
{
    int errors = 0;
    const ColDecl *both[2] = {key, by};
    for (int i = 0; i < 2; i++)
        if (both[i]->coll && strcasecmp(both[i]->coll, "BINARY")) {
            diag_error(d, link->file, link->loc, "declare the column without the collation, or bind the record to a view"
                       " that gives it with COLLATE BINARY",
                       "%s.%s is declared COLLATE %s, but qpl links `%s` by comparing values exactly (BINARY): values"
                       " that SQLite takes as equal would not be linked", both[i]->table, both[i]->col, both[i]->coll,
                       link->name);
            errors++;
        }
    char ka = fsql_affinity(key->type), ba = fsql_affinity(by->type);
    bool knum = strchr("irn", ka) != NULL, bnum = strchr("irn", ba) != NULL;
    if (!((knum && ba == 't') || (bnum && ka == 't')))
        return errors;
    const ColDecl *num = knum ? key : by, *text = knum ? by : key;
    int yes = holds_numbers(s->db, num);
    if (yes < 0)
        return errors + schema_failed(s, d, num->table);
    if (yes) {
        diag_error(d, link->file, link->loc, "declare both columns with the same type (both TEXT, or both INTEGER), or"
                   " bind one record to a view that casts the column",
                   "%s.%s holds numbers (it is declared %s) but %s.%s holds text (declared %s), so the link `%s` would"
                   " find no rows: qpl links a number only to a number, and text only to text", num->table, num->col,
                   num->type, text->table, text->col, text->type, link->name);
        errors++;
    }
    return errors;
}

/* Check the key and linking columns of every link of record r that the
   program uses. The number of errors reported. */
static int check_links(SqlSource *s, Diags *d, const Record *r, const bool *read)
{
    int errors = 0;
    for (int k = 0; k < r->fields.n; k++) {
        const Field *f = r->fields.v[k];
        const Record *t = f->rec_target;
        if ((f->kind != FIELD_MANY && f->kind != FIELD_ONE) || !f->used || !t || !read[t->index] || f->by_index < 0)
            continue;
        const Record *keyrec = f->kind == FIELD_MANY ? r : t, *byrec = f->kind == FIELD_MANY ? t : r;
        if (keyrec->key_index < 0)
            continue;
        ColDecl key = {0}, by = {0};
        bool ok = column_decl(s->db, keyrec->table, fsql_column(keyrec->fields.v[keyrec->key_index]), &key) &&
                  column_decl(s->db, byrec->table, fsql_column(byrec->fields.v[f->by_index]), &by);
        errors += ok ? check_pair(s, d, f, &key, &by) : schema_failed(s, d, keyrec->table);
        free(key.type);
        free(key.coll);
        free(by.type);
        free(by.coll);
    }
    return errors;
}

/* Check every record the program reads against the database: tables and
   columns, then the columns its links compare (schema only, but for one
   probe of a column whose type differs from its partner's). */
int fsql_check(FactSource *fs, const Program *p, bool every_column, Diags *d)
{
    SqlSource *s = (SqlSource *)fs;
    bool *read = xcalloc((size_t)p->records.n + 1, sizeof *read);
    usage_records(p, read);
    int errors = 0;
    for (int i = 0; i < p->records.n; i++)
        if (read[i])
            errors += check_record(s, p, every_column, d, p->records.v[i]);
    for (int i = 0; i < p->records.n && errors == 0; i++)
        if (read[i])
            errors += check_links(s, d, p->records.v[i], read);
    free(read);
    return errors;
}

/* Scan the columns every record the program reads uses for values of the
   wrong storage type, reporting one row for each column. */
int fsql_check_values(FactSource *fs, const Program *p, Diags *d)
{
    SqlSource *s = (SqlSource *)fs;
    bool *read = xcalloc((size_t)p->records.n + 1, sizeof *read);
    usage_records(p, read);
    int errors = 0;
    Arena *a = arena_new();
    for (int i = 0; i < p->records.n; i++)
        if (read[i])
            errors += check_storage(a, s->db, p, d, p->records.v[i]);
    arena_free(a);
    free(read);
    return errors;
}
