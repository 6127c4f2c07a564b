/* sqlite_shadow.c: the rows what-ifs change, kept beside the case database.
   A table that a what-if changes is shadowed: a temporary view of the same
   name, which statements then read and change in its place, shows the
   table's rows less those changed or deleted (their rowids in "T$gone") and
   plus the changed and added ones ("T$new", by rowid: a changed row keeps
   its own, an added one gets one past the table's). INSTEAD OF triggers on
   the view keep the two up to date and count the rows they change. The case
   database itself is only read, and only the changed rows are held. */
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "sqlite_int.h"

/* Whether a what-if has shadowed a table. */
bool fsql_shadowed(const SqlSource *s, const char *table)
{
    for (int i = 0; i < s->nshadowed; i++)
        if (!strcmp(s->shadowed[i], table))
            return true;
    return false;
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

/* The table's columns as `"a", "b"` (plain), as `NEW."a", NEW."b"` (fresh)
   and as fresh but with a NOT NULL column's default for a NULL (added: an
   INSERT into a view leaves the columns it does not name NULL, so the
   table's defaults are put back there); sqlite3_free them. False when they
   cannot be read. */
static bool column_lists(sqlite3 *db, const char *table, char **plain, char **fresh, char **added)
{
    sqlite3_stmt *st = NULL;
    sqlite3_str *p = sqlite3_str_new(NULL), *n = sqlite3_str_new(NULL), *d = sqlite3_str_new(NULL);
    int rc = sqlite3_prepare_v2(db, "SELECT name, \"notnull\", dflt_value FROM pragma_table_xinfo(?1, 'main')"
                                    " WHERE hidden = 0 ORDER BY cid", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    int ncols = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *c = (const char *)sqlite3_column_text(st, 0), *dflt = (const char *)sqlite3_column_text(st, 2);
        const char *sep = ncols ? ", " : "";
        sqlite3_str_appendf(p, "%s\"%w\"", sep, c ? c : "");
        sqlite3_str_appendf(n, "%sNEW.\"%w\"", sep, c ? c : "");
        if (sqlite3_column_int(st, 1) && dflt)
            sqlite3_str_appendf(d, "%scoalesce(NEW.\"%w\", %s)", sep, c ? c : "", dflt);
        else
            sqlite3_str_appendf(d, "%sNEW.\"%w\"", sep, c ? c : "");
        ncols++;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    *plain = fsql_str_finish(p);
    *fresh = fsql_str_finish(n);
    *added = fsql_str_finish(d);
    return rc == SQLITE_DONE && ncols > 0;
}

/* The statements that shadow table (its largest rowid max); sqlite3_free it. */
static char *shadow_sql(const char *table, const char *cols, const char *fresh, const char *added, sqlite3_int64 max)
{
    return fsql_sql(
        "CREATE TEMP TABLE \"%w$new\"(\"$rid\" INTEGER PRIMARY KEY, %s);"
        "CREATE TEMP TABLE \"%w$gone\"(\"$rid\" INTEGER PRIMARY KEY);"
        "CREATE TEMP VIEW \"%w\"(rowid, %s) AS SELECT rowid, %s FROM main.\"%w\""
        " WHERE rowid NOT IN (SELECT \"$rid\" FROM temp.\"%w$gone\") UNION ALL SELECT \"$rid\", %s FROM temp.\"%w$new\";"
        "CREATE TEMP TRIGGER \"%w$delete\" INSTEAD OF DELETE ON \"%w\" BEGIN SELECT qpl_whatif_row();"
        " INSERT OR IGNORE INTO \"%w$gone\" SELECT OLD.rowid WHERE OLD.rowid <= %lld;"
        " DELETE FROM \"%w$new\" WHERE \"$rid\" = OLD.rowid; END;"
        "CREATE TEMP TRIGGER \"%w$update\" INSTEAD OF UPDATE ON \"%w\" BEGIN SELECT qpl_whatif_row();"
        " INSERT OR IGNORE INTO \"%w$gone\" SELECT OLD.rowid WHERE OLD.rowid <= %lld;"
        " INSERT OR REPLACE INTO \"%w$new\"(\"$rid\", %s) VALUES (OLD.rowid, %s); END;"
        "CREATE TEMP TRIGGER \"%w$insert\" INSTEAD OF INSERT ON \"%w\" BEGIN SELECT qpl_whatif_row();"
        " INSERT INTO \"%w$new\"(\"$rid\", %s) VALUES"
        " (max(%lld, (SELECT coalesce(max(\"$rid\"), 0) FROM \"%w$new\")) + 1, %s); END;",
        table, cols, table, table, cols, cols, table, table, cols, table, table, table, table, (long long)max, table,
        table, table, table, (long long)max, table, cols, fresh, table, table, table, cols, (long long)max, table, added);
}

/* Shadow a table so that what-ifs can change it (once per table): 0, or -1
   with a message in err. */
int fsql_shadow(SqlSource *s, const char *table, FactError *err)
{
    if (fsql_shadowed(s, table))
        return 0;
    sqlite3_int64 max = 0;
    const char *why = cannot_shadow(s->db, table, &max);
    char *cols = NULL, *fresh = NULL, *added = NULL;
    if (!why && !column_lists(s->db, table, &cols, &fresh, &added))
        why = "its columns cannot be read";
    if (why) {
        sqlite3_free(cols);
        sqlite3_free(fresh);
        sqlite3_free(added);
        sb_printf(&err->msg, "what-ifs cannot change %s: %s", table, why);
        return -1;
    }
    char *sql = shadow_sql(table, cols, fresh, added, max);
    sqlite3_free(cols);
    sqlite3_free(fresh);
    sqlite3_free(added);
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
    s->shadowed[s->nshadowed++] = xstrdup(table);
    return 0;
}

/* Drop every shadow, back to the case database as it is: 0, or -1 with a
   message in err. */
int fsql_unshadow(SqlSource *s, FactError *err)
{
    int status = 0;
    while (s->nshadowed > 0) {
        char *t = s->shadowed[--s->nshadowed];
        char *sql = fsql_sql("DROP VIEW temp.\"%w\"; DROP TABLE temp.\"%w$new\"; DROP TABLE temp.\"%w$gone\";", t, t, t);
        if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK && status == 0) {
            sb_printf(&err->msg, "cannot undo the what-ifs on %s: %s", t, sqlite3_errmsg(s->db));
            status = -1;
        }
        sqlite3_free(sql);
        free(t);
    }
    return status;
}
