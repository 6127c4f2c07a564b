/* sqlite_shadow.c: the rows what-ifs change, kept beside the case database.
   A table that a what-if changes is shadowed by two temporary views.
   "T$rows" shows the table's rows, with their rowids, less those changed or
   deleted (their rowids in "T$gone") and plus the changed and added ones
   ("T$new", by rowid: a changed row keeps its own, an added one gets one
   past the table's); qpl reads it in the table's place (fsql_from). "T", of
   the table's name and columns, shows the same rows as the table would, so
   that statements typed by the user read and change it as they would the
   table (`INSERT INTO T VALUES ...` included); a view has no rowid, so a
   row it changes is found by its values (any one of identical rows: they
   are interchangeable), and a statement that names a rowid is given
   "T$rows" in its place (sqlite_whatif.c). INSTEAD OF triggers on the views
   keep "T$gone" and "T$new" up to date and count the rows they change. The
   case database itself is only read, and only the changed rows are held. */
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "sqlite_int.h"

/* The place of a shadowed table among the shadows, or -1. */
static int shadow_index(const SqlSource *s, const char *table)
{
    for (int i = 0; i < s->nshadowed; i++)
        if (!strcmp(s->shadowed[i], table))
            return i;
    return -1;
}

/* Whether a what-if has shadowed a table. */
bool fsql_shadowed(const SqlSource *s, const char *table)
{
    return shadow_index(s, table) >= 0;
}

/* Whether name is one of the views of a shadow, "T" or "T$rows". */
bool fsql_shadow_view(const SqlSource *s, const char *name)
{
    for (int i = 0; i < s->nshadowed; i++)
        if (!strcmp(s->shadowed[i], name) || !strcmp(s->rows[i], name))
            return true;
    return false;
}

/* The name qpl reads a table by: its "T$rows" view once shadowed. */
const char *fsql_from(const SqlSource *s, const char *table)
{
    int i = shadow_index(s, table);
    return i < 0 ? table : s->rows[i];
}

/* Why table cannot be shadowed (a view, a WITHOUT ROWID or missing table),
   or NULL; the largest rowid of a table that can, in *max. */
static const char *cannot_shadow(sqlite3 *db, const char *table, sqlite3_int64 *max)
{
    sqlite3_stmt *st = NULL;
    const char *why = "it cannot be read";
    if (sqlite3_prepare_v2(db, "SELECT type, wr FROM pragma_table_list WHERE name = ?1 AND schema = 'main'", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC) == SQLITE_OK) {
        int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            why = "there is no such table";
        else if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "table"))
            why = "it is a view, not a table";
        else if (rc == SQLITE_ROW && sqlite3_column_int(st, 1))
            why = "it is a WITHOUT ROWID table, which what-ifs cannot change";
        else if (rc == SQLITE_ROW)
            why = NULL;
    }
    sqlite3_finalize(st);
    if (why)
        return why;
    char *sql = fsql_sql("SELECT coalesce(max(rowid), 0) FROM main.\"%w\"", table);
    st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        *max = sqlite3_column_int64(st, 0);
    else
        why = "it cannot be read";
    sqlite3_finalize(st);
    return why;
}

/* A shadowed table's columns, as SQL lists (sqlite3_free each). */
typedef struct Lists {
    char *plain;    /* "a", "b" */
    char *typed;    /* "a" TEXT, "b" INTEGER: the declared types, for the same conversions as the table's */
    char *fresh;    /* NEW."a", NEW."b" */
    char *added;    /* as fresh, but a NOT NULL column's default for a NULL (an INSERT into a view leaves
                       the columns it does not name NULL, so the table's defaults are put back there) */
    char *match;    /* "a" IS OLD."a" AND "b" IS OLD."b": a row of these values */
} Lists;

/* Free the lists. */
static void lists_free(Lists *l)
{
    sqlite3_free(l->plain);
    sqlite3_free(l->typed);
    sqlite3_free(l->fresh);
    sqlite3_free(l->added);
    sqlite3_free(l->match);
}

/* Read the table's column lists into l: false when they cannot be read. */
static bool column_lists(sqlite3 *db, const char *table, Lists *l)
{
    sqlite3_stmt *st = NULL;
    sqlite3_str *p = sqlite3_str_new(NULL), *t = sqlite3_str_new(NULL), *n = sqlite3_str_new(NULL),
                *d = sqlite3_str_new(NULL), *m = sqlite3_str_new(NULL);
    int rc = sqlite3_prepare_v2(db, "SELECT name, type, \"notnull\", dflt_value FROM pragma_table_xinfo(?1, 'main')"
                                    " WHERE hidden = 0 ORDER BY cid", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    int ncols = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *c = (const char *)sqlite3_column_text(st, 0), *type = (const char *)sqlite3_column_text(st, 1);
        const char *dflt = (const char *)sqlite3_column_text(st, 3);
        const char *sep = ncols ? ", " : "";
        c = c ? c : "";
        sqlite3_str_appendf(p, "%s\"%w\"", sep, c);
        sqlite3_str_appendf(t, "%s\"%w\" \"%w\"", sep, c, type ? type : "");
        sqlite3_str_appendf(n, "%sNEW.\"%w\"", sep, c);
        if (sqlite3_column_int(st, 2) && dflt)
            sqlite3_str_appendf(d, "%scoalesce(NEW.\"%w\", %s)", sep, c, dflt);
        else
            sqlite3_str_appendf(d, "%sNEW.\"%w\"", sep, c);
        sqlite3_str_appendf(m, "%s\"%w\" IS OLD.\"%w\"", ncols ? " AND " : "", c, c);
        ncols++;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    l->plain = fsql_str_finish(p);
    l->typed = fsql_str_finish(t);
    l->fresh = fsql_str_finish(n);
    l->added = fsql_str_finish(d);
    l->match = fsql_str_finish(m);
    return rc == SQLITE_DONE && ncols > 0;
}

/* The statements that shadow table (its largest rowid max); sqlite3_free it.
   The triggers on "T" find the row of the old values in "$pick", then do as
   those on "T$rows" do with a rowid. */
static char *shadow_sql(const char *t, const Lists *l, sqlite3_int64 max)
{
    long long m = (long long)max;
    char *pick = fsql_sql(
        "INSERT INTO \"$pick\" SELECT coalesce((SELECT rowid FROM main.\"%w\" WHERE %s AND rowid NOT IN"
        " (SELECT \"$rid\" FROM temp.\"%w$gone\") LIMIT 1), (SELECT \"$rid\" FROM temp.\"%w$new\" WHERE %s LIMIT 1));"
        " SELECT qpl_whatif_row();"
        " INSERT OR IGNORE INTO \"%w$gone\" SELECT rid FROM temp.\"$pick\" WHERE rid <= %lld;",
        t, l->match, t, t, l->match, t, m);
    char *sql = fsql_sql(
        "CREATE TEMP TABLE IF NOT EXISTS \"$pick\"(rid INTEGER);"
        "CREATE TEMP TABLE \"%w$new\"(\"$rid\" INTEGER PRIMARY KEY, %s);"
        "CREATE TEMP TABLE \"%w$gone\"(\"$rid\" INTEGER PRIMARY KEY);"
        "CREATE TEMP VIEW \"%w$rows\"(rowid, %s) AS SELECT rowid, %s FROM main.\"%w\""
        " WHERE rowid NOT IN (SELECT \"$rid\" FROM temp.\"%w$gone\") UNION ALL SELECT \"$rid\", %s FROM temp.\"%w$new\";"
        "CREATE TEMP VIEW \"%w\"(%s) AS SELECT %s FROM temp.\"%w$rows\";"
        "CREATE TEMP TRIGGER \"%w$delete\" INSTEAD OF DELETE ON \"%w$rows\" BEGIN SELECT qpl_whatif_row();"
        " INSERT OR IGNORE INTO \"%w$gone\" SELECT OLD.rowid WHERE OLD.rowid <= %lld;"
        " DELETE FROM \"%w$new\" WHERE \"$rid\" = OLD.rowid; END;"
        "CREATE TEMP TRIGGER \"%w$update\" INSTEAD OF UPDATE ON \"%w$rows\" BEGIN SELECT qpl_whatif_row();"
        " INSERT OR IGNORE INTO \"%w$gone\" SELECT OLD.rowid WHERE OLD.rowid <= %lld;"
        " INSERT OR REPLACE INTO \"%w$new\"(\"$rid\", %s) VALUES (OLD.rowid, %s); END;"
        "CREATE TEMP TRIGGER \"%w$insert\" INSTEAD OF INSERT ON \"%w$rows\" BEGIN SELECT qpl_whatif_row();"
        " INSERT INTO \"%w$new\"(\"$rid\", %s) VALUES"
        " (max(%lld, (SELECT coalesce(max(\"$rid\"), 0) FROM temp.\"%w$new\")) + 1, %s); END;"
        "CREATE TEMP TRIGGER \"%w$vdelete\" INSTEAD OF DELETE ON \"%w\" BEGIN %s"
        " DELETE FROM \"%w$new\" WHERE \"$rid\" IN (SELECT rid FROM temp.\"$pick\");"
        " DELETE FROM \"$pick\"; END;"
        "CREATE TEMP TRIGGER \"%w$vupdate\" INSTEAD OF UPDATE ON \"%w\" BEGIN %s"
        " INSERT OR REPLACE INTO \"%w$new\"(\"$rid\", %s) SELECT rid, %s FROM temp.\"$pick\" WHERE rid IS NOT NULL;"
        " DELETE FROM \"$pick\"; END;"
        "CREATE TEMP TRIGGER \"%w$vinsert\" INSTEAD OF INSERT ON \"%w\" BEGIN"
        " INSERT INTO \"%w$rows\"(%s) VALUES (%s); END;",
        t, l->typed, t,
        t, l->plain, l->plain, t, t, l->plain, t,
        t, l->plain, l->plain, t,
        t, t, t, m, t,
        t, t, t, m, t, l->plain, l->fresh,
        t, t, t, l->plain, m, t, l->added,
        t, t, pick, t,
        t, t, pick, t, l->plain, l->fresh,
        t, t, t, l->plain, l->fresh);
    sqlite3_free(pick);
    return sql;
}

/* Shadow a table so that what-ifs can change it (once per table): 0, or -1
   with a message in err. */
int fsql_shadow(SqlSource *s, const char *table, FactError *err)
{
    if (fsql_shadowed(s, table))
        return 0;
    sqlite3_int64 max = 0;
    const char *why = cannot_shadow(s->db, table, &max);
    Lists l = {NULL, NULL, NULL, NULL, NULL};
    if (!why && !column_lists(s->db, table, &l))
        why = "its columns cannot be read";
    char *sql = why ? NULL : shadow_sql(table, &l, max);
    lists_free(&l);
    if (why) {
        sb_printf(&err->msg, "what-ifs cannot change %s: %s", table, why);
        return -1;
    }
    char *all = fsql_sql("SAVEPOINT shadow; %s RELEASE shadow;", sql);
    sqlite3_free(sql);
    int rc = sqlite3_exec(s->db, all, NULL, NULL, NULL);
    sqlite3_free(all);
    if (rc != SQLITE_OK) {
        sb_printf(&err->msg, "cannot keep what-ifs on %s: %s", table, sqlite3_errmsg(s->db));
        sqlite3_exec(s->db, "ROLLBACK TO shadow; RELEASE shadow", NULL, NULL, NULL);
        return -1;
    }
    s->shadowed = xrealloc(s->shadowed, (size_t)(s->nshadowed + 1) * sizeof *s->shadowed);
    s->rows = xrealloc(s->rows, (size_t)(s->nshadowed + 1) * sizeof *s->rows);
    s->shadowed[s->nshadowed] = xstrdup(table);
    size_t n = strlen(table);
    s->rows[s->nshadowed] = xmalloc(n + sizeof "$rows");
    memcpy(s->rows[s->nshadowed], table, n);
    memcpy(s->rows[s->nshadowed++] + n, "$rows", sizeof "$rows");
    return 0;
}

/* Drop every shadow, back to the case database as it is: 0, or -1 with a
   message in err. */
int fsql_unshadow(SqlSource *s, FactError *err)
{
    int status = 0;
    while (s->nshadowed > 0) {
        char *t = s->shadowed[--s->nshadowed];
        free(s->rows[s->nshadowed]);
        char *sql = fsql_sql("DROP VIEW temp.\"%w\"; DROP VIEW temp.\"%w$rows\"; DROP TABLE temp.\"%w$new\";"
                             " DROP TABLE temp.\"%w$gone\";", t, t, t, t);
        if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK && status == 0) {
            sb_printf(&err->msg, "cannot undo the what-ifs on %s: %s", t, sqlite3_errmsg(s->db));
            status = -1;
        }
        sqlite3_free(sql);
        free(t);
    }
    return status;
}
