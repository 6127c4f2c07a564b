/* sqlite_ddl.c: the tables a policy brings of its own. A record bound to a
   table the reference schema does not have defines that table (its columns'
   types, NOT NULL for `required`, the key, a CHECK of the values of a scale
   or enumeration, an index on each column that rows are linked by); a field
   added to a reference table (`extend record`) adds a column. `qpl schema`
   prints these statements, `qpl init-db --policy` runs them, and so do
   fixtures, so that `given` works for every table a policy binds. */
#include <string.h>
#include "../util/mem.h"
#include "sqlite.h"
#include "sqlite_int.h"

/* Whether table t has column c in db (a missing table has none). */
bool fsql_has_column(sqlite3 *db, const char *t, const char *c)
{
    sqlite3_stmt *st = NULL;
    bool yes = sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", -1, &st, NULL) == SQLITE_OK &&
               sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC) == SQLITE_OK &&
               sqlite3_bind_text(st, 2, c, -1, SQLITE_STATIC) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return yes;
}

/* Whether db has a table (or view) named t. */
static bool has_table(sqlite3 *db, const char *t)
{
    sqlite3_stmt *st = NULL;
    bool yes = sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_list WHERE name = ?1 AND schema = 'main'", -1, &st, NULL) ==
                   SQLITE_OK &&
               sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return yes;
}

/* The SQL type of a field's values. */
static const char *sql_type(const Field *fl)
{
    switch (fl->type->kind) {
    case T_BOOL: return "INTEGER";
    case T_NUMBER: return "NUMERIC";
    default: return "TEXT";
    }
}

/* A column's definition: name, type, NOT NULL, PRIMARY KEY, CHECK. */
static void column_def(sqlite3_str *s, const Record *r, const Field *fl)
{
    const char *c = fsql_column(fl);
    sqlite3_str_appendf(s, "\"%w\" %s", c, sql_type(fl));
    if (fl->required)
        sqlite3_str_appendall(s, " NOT NULL");
    if (fl->index == r->key_index)
        sqlite3_str_appendall(s, " PRIMARY KEY");
    if (fl->type->kind == T_BOOL) {
        sqlite3_str_appendf(s, " CHECK (\"%w\" IN (0, 1))", c);
    } else if (fl->type->kind == T_CODE) {
        const Decl *sc = fl->type->scale;
        sqlite3_str_appendf(s, " CHECK (\"%w\" IN (", c);
        for (int i = 0; i < sc->u.scale.values.n; i++) {
            const char *alias = sc->u.scale.aliases.v[i];
            sqlite3_str_appendf(s, "%s%Q", i ? ", " : "", (const char *)sc->u.scale.values.v[i]);
            if (alias)
                sqlite3_str_appendf(s, ", %Q", alias);
        }
        sqlite3_str_appendall(s, "))");
    }
}

/* CREATE TABLE for a record whose table db lacks. */
static void create_table(sqlite3_str *s, const Record *r)
{
    sqlite3_str_appendf(s, "CREATE TABLE IF NOT EXISTS \"%w\" (", r->table);
    int n = 0;
    for (int i = 0; i < r->fields.n; i++) {
        const Field *fl = r->fields.v[i];
        if (fl->kind != FIELD_COLUMN || !fl->type)
            continue;
        sqlite3_str_appendall(s, n++ ? ",\n    " : "\n    ");
        column_def(s, r, fl);
    }
    sqlite3_str_appendall(s, "\n);\n");
}

/* ALTER TABLE for each column of a record that db's table lacks: on a table
   of the reference schema, only the columns `extend record` adds (a record
   declared over it binds the columns it has: one it lacks is a mistake that
   the bindings check reports); on the policy's own tables, every one. */
static void add_columns(sqlite3 *db, sqlite3_str *s, const Record *r, bool reference)
{
    for (int i = 0; i < r->fields.n; i++) {
        const Field *fl = r->fields.v[i];
        if (fl->kind != FIELD_COLUMN || !fl->type || (reference && !fl->extension) ||
            fsql_has_column(db, r->table, fsql_column(fl)))
            continue;
        sqlite3_str_appendf(s, "ALTER TABLE \"%w\" ADD COLUMN ", r->table);
        Record plain = *r;
        plain.key_index = -1;   /* (a column added later cannot be the key) */
        column_def(s, &plain, fl);
        sqlite3_str_appendall(s, ";\n");
    }
}

/* An index on every column that rows of record t (created here) are linked by. */
static void link_indexes(sqlite3_str *s, const Program *p, const Record *t)
{
    for (int i = 0; i < p->records.n; i++) {
        const Record *o = p->records.v[i];
        for (int k = 0; k < o->fields.n; k++) {
            const Field *f = o->fields.v[k];
            if (f->kind != FIELD_MANY || f->rec_target != t || f->by_index < 0)
                continue;
            const char *c = fsql_column(t->fields.v[f->by_index]);
            sqlite3_str_appendf(s, "CREATE INDEX IF NOT EXISTS \"%w_%w\" ON \"%w\"(\"%w\");\n", t->table, c, t->table, c);
        }
    }
}

/* The statements that give db (which has the reference schema) the tables
   and columns the program's records bind and it lacks (perhaps none);
   sqlite3_free it. */
char *fsql_policy_ddl(sqlite3 *db, const Program *p)
{
    sqlite3_str *s = sqlite3_str_new(NULL);
    for (int i = 0; i < p->records.n; i++) {
        const Record *r = p->records.v[i];
        bool reference = has_table(db, r->table), exists = reference;
        for (int k = 0; k < i && !exists; k++)
            exists = !strcmp(((const Record *)p->records.v[k])->table, r->table);
        if (exists) {
            add_columns(db, s, r, reference);
        } else {
            create_table(s, r);
            link_indexes(s, p, r);
        }
    }
    if (sqlite3_str_errcode(s) != SQLITE_OK) {
        sqlite3_free(sqlite3_str_finish(s));
        mem_fail();
    }
    char *sql = sqlite3_str_finish(s);
    return sql ? sql : sqlite3_mprintf("%s", "");
}

/* Run the program's own tables' statements in db; 0, or -1 with a message in err. */
int fsql_load_policy(sqlite3 *db, const Program *p, Sb *err)
{
    char *sql = fsql_policy_ddl(db, p), *msg = NULL;
    int rc = sql ? sqlite3_exec(db, sql, NULL, NULL, &msg) : SQLITE_NOMEM;
    if (rc != SQLITE_OK)
        sb_printf(err, "the policy's own tables: %s", msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    sqlite3_free(sql);
    return rc == SQLITE_OK ? 0 : -1;
}

/* The statements that create the tables and columns a policy brings of its
   own, beside the reference schema, in out; 0, or -1 with a message in err. */
int fsql_schema(const Program *p, Sb *out, Sb *err)
{
    FactSource *ref = fsql_reference(err);
    if (!ref)
        return -1;
    char *sql = fsql_policy_ddl(((SqlSource *)ref)->db, p);
    if (sql)
        sb_puts(out, sql);
    sqlite3_free(sql);
    facts_close(ref);
    return sql ? 0 : -1;
}

/* An in-memory database with the reference schema and p's own tables. */
FactSource *fsql_reference_for(const Program *p, Sb *err)
{
    FactSource *ref = fsql_reference(err);
    if (ref && fsql_load_policy(((SqlSource *)ref)->db, p, err) != 0) {
        facts_close(ref);
        return NULL;
    }
    return ref;
}
