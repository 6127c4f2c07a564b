#!/usr/bin/env python3
"""Helpers of the fault-injection suite (tests/faults/run.sh).

    faults.py copy-db SRC DST [changes]   copy a case database, declaring some
                                          tables or columns differently
    faults.py same-jsonl REF GOT [--subset]
                                          compare two `qpl eval --format jsonl`
                                          outputs; print what differs
    faults.py hold-lock DB FLAG [SECONDS] hold an exclusive lock on DB (touch
                                          FLAG once held), then release it
    faults.py hot-journal DB FLAG         start a large write to DB and never
                                          commit it (touch FLAG, then wait to
                                          be killed, leaving a hot journal)

Only the Python standard library is used (Debian: python3).
"""
import argparse
import json
import os
import sqlite3
import sys
import time


def quote(name):
    return '"' + name.replace('"', '""') + '"'


def is_provider_id(table, column):
    """Columns that hold a provider's key in the reference schema."""
    return (table == "providers" and column == "id") or column == "provider_id"


def copy_db(args):
    """Rebuild DST from SRC table by table, with the declarations changed as
    asked, and the provider ids renamed as asked (in providers.id and every
    provider_id column). Rows are copied in rowid order."""
    if os.path.exists(args.dst):
        sys.exit("copy-db: %s already exists" % args.dst)
    col_decl = {}
    for spec in args.column:
        target, _, decl = spec.partition("=")
        table, _, column = target.partition(".")
        if not decl or not column:
            sys.exit("copy-db: --column wants TABLE.COLUMN=DECLARATION, not %r" % spec)
        col_decl[(table, column)] = decl
    table_pk = {}
    for spec in args.primary_key:
        table, _, cols = spec.partition("=")
        table_pk[table] = [c.strip() for c in cols.split(",") if c.strip()]
    renames = {}
    for spec in args.rename_provider:
        old, _, new = spec.partition("=")
        renames[old] = new

    src = sqlite3.connect("file:%s?mode=ro" % args.src, uri=True)
    dst = sqlite3.connect(args.dst, isolation_level=None)
    dst.execute("ATTACH DATABASE ? AS s", (args.src,))
    dst.execute("BEGIN")
    dst.execute("CREATE TEMP TABLE idmap (old TEXT PRIMARY KEY, new)")
    if args.number_providers:
        # 101, 102, ...: three digits, so that text order is number order.
        dst.execute("INSERT INTO temp.idmap SELECT id, 100 + row_number() OVER (ORDER BY id) FROM s.providers")
    for old, new in renames.items():
        dst.execute("INSERT OR REPLACE INTO temp.idmap VALUES (?, ?)", (old, new))

    tables = src.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
    for (table,) in tables:
        info = src.execute("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)", (table,)).fetchall()
        defs, pk = [], []
        for name, ctype, notnull, dflt, pkpos in info:
            if (table, name) in col_decl:
                defs.append("%s %s" % (quote(name), col_decl[(table, name)]))
                continue
            d = "%s %s" % (quote(name), ctype)
            if notnull:
                d += " NOT NULL"
            if dflt is not None:
                d += " DEFAULT %s" % dflt
            defs.append(d)
            if pkpos:
                pk.append((pkpos, name))
        cols = [r[0] for r in info]
        if table in table_pk:
            pk_cols = table_pk[table]
        elif table in args.no_primary_key:
            pk_cols = []
        else:
            pk_cols = [n for _, n in sorted(pk)]
        if pk_cols:
            defs.append("PRIMARY KEY (%s)" % ", ".join(quote(c) for c in pk_cols))
        tail = " WITHOUT ROWID" if table in args.without_rowid else ""
        dst.execute("CREATE TABLE %s (\n    %s\n)%s" % (quote(table), ",\n    ".join(defs), tail))
        exprs = []
        for c in cols:
            if is_provider_id(table, c):
                exprs.append("coalesce((SELECT new FROM temp.idmap WHERE old = t.%s), t.%s)" % (quote(c), quote(c)))
            else:
                exprs.append("t.%s" % quote(c))
        dst.execute("INSERT INTO main.%s (%s) SELECT %s FROM s.%s AS t ORDER BY t.rowid"
                    % (quote(table), ", ".join(quote(c) for c in cols), ", ".join(exprs), quote(table)))
    for (sql,) in src.execute("SELECT sql FROM sqlite_schema WHERE type IN ('index', 'view', 'trigger') AND sql IS NOT NULL ORDER BY rowid"):
        dst.execute(sql)
    dst.execute("COMMIT")
    dst.execute("DETACH DATABASE s")
    dst.close()
    src.close()


def load_jsonl(path):
    """Lines of a jsonl file as (key, normalised line, shown part, raw line);
    a line that is not JSON is kept as text."""
    out = []
    with open(path, "rb") as f:
        for raw in f.read().split(b"\n"):
            if not raw.strip():
                continue
            text = raw.decode("utf-8", "replace")
            try:
                obj = json.loads(text)
            except ValueError:
                obj = None
            if not isinstance(obj, dict):
                out.append((("?", text, ""), text, text, text))
                continue
            if "id" in obj and not isinstance(obj["id"], str):
                obj["id"] = str(obj["id"])  # an integer key written as a JSON number is the same key
            key = (obj.get("subject"), obj.get("id"), obj.get("decision"))
            shown = {k: v for k, v in obj.items() if k not in ("policy", "subject", "id", "decision", "as_of")}
            out.append((key, json.dumps(obj, sort_keys=True), json.dumps(shown, sort_keys=True), text))
    return out


def short(s, n=160):
    s = s.replace("\n", "\\n")
    return s if len(s) <= n else s[:n] + "..."


def same_jsonl(args):
    """Exit 0 when GOT has the decisions of REF (in the same order), or with
    --subset when every line of GOT is one of REF's; else print the first
    differences, one per line, and exit 1."""
    ref = load_jsonl(args.ref)
    got = load_jsonl(args.got)
    problems = []
    if args.subset:
        allowed = {norm for _, norm, _, _ in ref}
        wrong = [raw for _, norm, _, raw in got if norm not in allowed]
        if wrong:
            problems.append("%d decision line(s) that the intact data does not give, e.g. %s" % (len(wrong), short(wrong[0])))
    else:
        refd = {k: (norm, shown) for k, norm, shown, _ in ref}
        gotd = {k: (norm, shown) for k, norm, shown, _ in got}
        changed = [k for k in refd if k in gotd and gotd[k][0] != refd[k][0]]
        missing = [k for k in refd if k not in gotd]
        extra = [k for k in gotd if k not in refd]
        if changed:
            k = changed[0]
            problems.append("%d of %d decisions changed, e.g. %s %s %s: expected %s, got %s"
                            % (len(changed), len(ref), k[0], short(str(k[1]), 40), k[2],
                               short(refd[k][1], 100), short(gotd[k][1], 100)))
        if missing:
            k = missing[0]
            problems.append("%d decisions missing, e.g. %s %s %s" % (len(missing), k[0], short(str(k[1]), 40), k[2]))
        if extra:
            k = extra[0]
            problems.append("%d unexpected decision lines, e.g. %s %s %s" % (len(extra), k[0], short(str(k[1]), 40), k[2]))
        if not problems and len(got) != len(ref):
            problems.append("%d decision lines, expected %d (some are repeated)" % (len(got), len(ref)))
        if not problems and [n for _, n, _, _ in ref] != [n for _, n, _, _ in got]:
            problems.append("the decisions are right but not in the order of the intact data")
        if not problems and len(ref) == 0:
            problems.append("the reference output is empty")
    for p in problems:
        print(p)
    return 1 if problems else 0


def touch(path):
    with open(path, "w"):
        pass


def hold_lock(args):
    con = sqlite3.connect(args.db, isolation_level=None, timeout=30)
    con.execute("BEGIN EXCLUSIVE")
    touch(args.flag)
    time.sleep(args.seconds)
    con.execute("ROLLBACK")
    con.close()


def hot_journal(args):
    con = sqlite3.connect(args.db, isolation_level=None)
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute("PRAGMA cache_size = 5")  # spill changed pages to the database file before commit
    con.execute("BEGIN")
    con.execute("UPDATE inspections SET overall = 'inadequate'")
    con.execute("""INSERT INTO feedback (provider_id, received, source, concern)
                   WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
                   SELECT 'SOM01', '2024-01-01', 'other', 1 FROM n""")
    touch(args.flag)
    time.sleep(600)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("copy-db")
    c.add_argument("src")
    c.add_argument("dst")
    c.add_argument("--column", action="append", default=[], metavar="TABLE.COLUMN=DECLARATION")
    c.add_argument("--primary-key", action="append", default=[], metavar="TABLE=COL[,COL]")
    c.add_argument("--no-primary-key", action="append", default=[], metavar="TABLE")
    c.add_argument("--without-rowid", action="append", default=[], metavar="TABLE")
    c.add_argument("--number-providers", action="store_true", help="provider ids become 101, 102, ... (in id order)")
    c.add_argument("--rename-provider", action="append", default=[], metavar="OLD=NEW")
    c.set_defaults(fn=copy_db)
    c = sub.add_parser("same-jsonl")
    c.add_argument("ref")
    c.add_argument("got")
    c.add_argument("--subset", action="store_true")
    c.set_defaults(fn=same_jsonl)
    c = sub.add_parser("hold-lock")
    c.add_argument("db")
    c.add_argument("flag")
    c.add_argument("seconds", nargs="?", type=float, default=600)
    c.set_defaults(fn=hold_lock)
    c = sub.add_parser("hot-journal")
    c.add_argument("db")
    c.add_argument("flag")
    c.set_defaults(fn=hot_journal)
    args = ap.parse_args()
    sys.exit(args.fn(args) or 0)


if __name__ == "__main__":
    main()
