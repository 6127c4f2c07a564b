/* sqlite_touched.c: which subjects the what-ifs on an overlay may have
   changed, so that the REPL evaluates those again and no others. The rows
   changed (their old versions in the case database, their new ones in the
   shadows) mark their records' rows as touched, by key (rowid for a record
   without one); links then carry the marks until nothing changes. A row is
   touched when one it reads through its links is, so marks travel against
   the links: from a linked row to the rows that link to it. The marks are
   kept in a temporary table of the overlay. */
#include <stdlib.h>
#include <string.h>
#include "../check/usage.h"
#include "../util/mem.h"
#include "sqlite_int.h"

/* How a record's rows are named in the marks: its key column, or rowid. */
static char *ident(const Record *r)
{
    return r->key_index >= 0 ? fsql_sql("\"%w\"", fsql_column(r->fields.v[r->key_index])) : fsql_sql("rowid");
}

/* Run one statement of the marking; the rows it added, or -1 with the message in err. */
static int mark(SqlSource *s, char *sql, FactError *err)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) {
        sb_printf(&err->msg, "cannot tell which subjects the what-ifs change: %s", sqlite3_errmsg(s->db));
        return -1;
    }
    return sqlite3_changes(s->db);
}

/* Mark the rows of record r that what-ifs changed: the old versions and the new. */
static int mark_changed(SqlSource *s, const Record *r, FactError *err)
{
    char *id = ident(r);
    const char *newid = r->key_index >= 0 ? id : "\"$rid\"";
    int n = mark(s, fsql_sql("INSERT OR IGNORE INTO temp.\"$touched\" SELECT %d, %s FROM main.\"%w\" WHERE rowid IN"
                             " (SELECT \"$rid\" FROM temp.\"%w$gone\") UNION ALL SELECT %d, %s FROM temp.\"%w$new\"",
                             r->index, id, r->table, r->table, r->index, newid, r->table),
                 err);
    sqlite3_free(id);
    return n;
}

/* Mark the rows of record r that link to a touched row of t through the
   field f: by f's column in t (many) or in r (one); the rows added, or -1.
   Both versions of the linking rows count: the case database's, and the
   what-ifs' new ones when their table is shadowed (a row moved from one
   subject to another touches both). */
static int mark_link(SqlSource *s, const Record *r, const Field *f, FactError *err)
{
    const Record *t = f->rec_target;
    bool many = f->kind == FIELD_MANY;
    const Record *linking = many ? t : r;
    const char *by = fsql_column(linking->fields.v[f->by_index]);
    const Record *named = many ? t : r;
    char *id = ident(named);
    int total = 0;
    for (int v = 0; v < (fsql_shadowed(s, linking->table) ? 2 : 1) && total >= 0; v++) {
        /* the case database's rows, then the what-ifs' new versions ("T$new", whose rowid is "$rid") */
        char *from = v ? fsql_sql("temp.\"%w$new\"", linking->table) : fsql_sql("main.\"%w\"", linking->table);
        const char *nid = v && named->key_index < 0 ? "\"$rid\"" : id;
        char *sql = many ? fsql_sql("INSERT OR IGNORE INTO temp.\"$touched\" SELECT %d, \"%w\" FROM %s"
                                    " WHERE \"%w\" IS NOT NULL AND %s IN (SELECT v FROM temp.\"$touched\" WHERE rec = %d)",
                                    r->index, by, from, by, nid, t->index)
                         : fsql_sql("INSERT OR IGNORE INTO temp.\"$touched\" SELECT %d, %s FROM %s"
                                    " WHERE \"%w\" IN (SELECT v FROM temp.\"$touched\" WHERE rec = %d)",
                                    r->index, nid, from, by, t->index);
        sqlite3_free(from);
        int n = mark(s, sql, err);
        total = n < 0 ? -1 : total + n;
    }
    sqlite3_free(id);
    return total;
}

/* Carry the marks across every link of the records read until none is added. */
static int mark_linked(SqlSource *s, const Program *p, const bool *read, FactError *err)
{
    for (int added = 1; added > 0;) {
        added = 0;
        for (int i = 0; i < p->records.n; i++) {
            const Record *r = p->records.v[i];
            for (int k = 0; read[i] && k < r->fields.n; k++) {
                const Field *f = r->fields.v[k];
                bool link = (f->kind == FIELD_MANY || f->kind == FIELD_ONE) && f->rec_target && f->by_index >= 0;
                if (!link || (f->kind == FIELD_MANY && r->key_index < 0) || (f->kind == FIELD_ONE && f->rec_target->key_index < 0))
                    continue;
                int n = mark_link(s, r, f, err);
                if (n < 0)
                    return -1;
                added += n;
            }
        }
    }
    return 0;
}

/* Whether the program reads a changed table whole (every subject may then
   have changed); -1 never. */
static bool whole_changed(SqlSource *s, const Program *p)
{
    bool *whole = xcalloc((size_t)p->records.n + 1, sizeof *whole);
    usage_whole(p, whole);
    bool yes = false;
    for (int i = 0; i < p->records.n && !yes; i++)
        yes = whole[i] && fsql_shadowed(s, ((const Record *)p->records.v[i])->table);
    free(whole);
    return yes;
}

/* Mark every row the what-ifs touch, for the records p reads; 0 or -1. */
static int mark_all(SqlSource *s, const Program *p, FactError *err)
{
    if (mark(s, fsql_sql("CREATE TEMP TABLE IF NOT EXISTS \"$touched\"(rec INTEGER, v, PRIMARY KEY (rec, v));"
                         " DELETE FROM temp.\"$touched\""), err) < 0)
        return -1;
    bool *read = xcalloc((size_t)p->records.n + 1, sizeof *read);
    usage_records(p, read);
    int rc = 0;
    for (int i = 0; i < p->records.n && rc == 0; i++) {
        const Record *r = p->records.v[i];
        if (read[i] && fsql_shadowed(s, r->table))
            rc = mark_changed(s, r, err) < 0 ? -1 : 0;
    }
    if (rc == 0)
        rc = mark_linked(s, p, read, err);
    free(read);
    return rc;
}

/* The keys of record r's rows that the what-ifs may have changed (see facts.h). */
int fsql_touched(FactSource *ov, const Program *p, const Record *r, Arena *a, Vec *keys, FactError *err)
{
    SqlSource *s = (SqlSource *)ov;
    err->hint = NULL;
    keys->n = 0;
    if (!s->nshadowed)
        return 1;
    if (r->key_index < 0 || whole_changed(s, p))
        return 0;
    if (mark_all(s, p, err) != 0)
        return -1;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT v FROM temp.\"$touched\" WHERE rec = ?1 AND v IS NOT NULL ORDER BY"
                                       " CAST(v AS TEXT) COLLATE BINARY", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(st, 1, r->index);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *v = sqlite3_column_text(st, 0);
        if (!v)
            mem_fail();
        vec_push(a, keys, arena_strdup(a, (const char *)v));
        rc = SQLITE_OK;
    }
    if (rc != SQLITE_DONE)
        sb_printf(&err->msg, "cannot tell which subjects the what-ifs change: %s", sqlite3_errmsg(s->db));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 1 : -1;
}
