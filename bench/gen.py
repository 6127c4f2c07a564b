#!/usr/bin/env python3
"""Generate a seeded case database with the reference schema for the qpl benchmark.

usage: bench/gen.py N OUT.db [--seed S] [--commissioners lewisham|mixed]

N providers, each with a realistic handful of related rows: inspections (0-3),
questionnaires (0-2), feedback (0-6), safeguarding (0-8, alerts, enquiries and
whole service concerns), finance (0-2), visits (0-3), processes (0-2),
notices (0-2), interventions (0-4, by agency), evidence (0-1) and placements
(0-1). Event dates fall in 2022-01-01 .. 2025-12-31, so some rows lie after
the benchmark's as-of date (2025-01-31) and must be ignored. About one
provider in ten is "troubled": its alerts, interventions and processes
cluster before the as-of date, so every decision takes all of its values.

The same N, seed and commissioner mix always give the same database. Rows
are inserted in date order within blocks of providers (as a live system
would record them), not grouped by provider. Standard library only; the
schema (tables and indexes) is read from stdlib/schema.sql, and the indexes
are created after the data is loaded.
"""
import argparse
import datetime
import os
import random
import re
import sqlite3
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "stdlib", "schema.sql")

AS_OF = datetime.date(2025, 1, 31)      # the benchmark's as-of date (troubled clusters)
START = datetime.date(2022, 1, 1)
END = datetime.date(2025, 12, 31)
SPAN = (END - START).days + 1
AS_OF_OFF = (AS_OF - START).days
# every date of 2012-01-01 .. 2026-12-31 as ISO text, indexed by offset from START
BASE = datetime.date(2012, 1, 1)
ORIGIN = (START - BASE).days
DAYS = [(BASE + datetime.timedelta(days=i)).isoformat() for i in range((datetime.date(2026, 12, 31) - BASE).days + 1)]
LAST = len(DAYS) - 1 - ORIGIN           # largest offset (from START) that has a date

BLOCK = 20000                           # providers generated, sorted and inserted at a time


def day(off):
    """ISO date of an offset (days) from START, clamped to the table."""
    if off > LAST:
        off = LAST
    return DAYS[ORIGIN + off]


def weighted(pairs):
    """A picker function for (value, weight) pairs, driven by a uniform u in [0, 1)."""
    total = float(sum(w for _, w in pairs))
    cum, acc = [], 0.0
    for v, w in pairs:
        acc += w / total
        cum.append((acc, v))
    cum[-1] = (2.0, cum[-1][1])

    def pick(u):
        for c, v in cum:
            if u < c:
                return v
    return pick


SERVICE = weighted([("residential", 30), ("nursing", 20), ("domiciliary", 25), ("supported_living", 15),
                    ("specialist_residential", 5), ("other", 5)])
OVERALL = weighted([("outstanding", 5), ("good", 63), ("requires_improvement", 22), ("inadequate", 6), (None, 4)])
KEYQ = weighted([("outstanding", 6), ("good", 72), ("requires_improvement", 15), ("inadequate", 4), (None, 3)])
SOURCE = weighted([("professional", 25), ("service_user", 20), ("relative", 25), ("public", 10), ("healthwatch", 8),
                   ("whistleblower", 5), ("other", 7), (None, 5)])
SGKIND = weighted([("alert", 68), ("enquiry", 27), ("whole_service_concern", 5)])
RISK = weighted([("low", 60), ("medium", 30), ("high", 10)])
VISIT = weighted([("contract", 45), ("announced", 20), ("unannounced", 20), ("quality_assurance", 15)])
PKIND = weighted([("informal", 30), ("quality_improvement", 30), ("board_referral", 12), ("provider_concerns", 18),
                  ("risk_summit", 10)])
PRISK = weighted([("low", 35), ("medium", 35), ("high", 20), (None, 10)])
POUT = weighted([("improved", 50), ("not_improved", 25), ("transferred_to_safeguarding", 10), (None, 15)])
NKIND = weighted([("quality_improvement_notice", 35), ("contract_performance_notice", 25), ("rectification_notice", 20),
                  ("final_warning_notice", 15), ("termination", 5)])
NOUT = weighted([("improved", 50), ("escalated", 25), ("withdrawn", 10), (None, 15)])
AGENCIES = ["cqc", "fire_service", "police", "la_safeguarding", "nhs_england", "commissioner", "other"]
PLACE = weighted([("placing", 75), ("restricted", 18), ("not_placing", 7)])
MIXED = weighted([("lewisham", 70), ("somerset", 15), ("lambeth", 15)])
NAMES = ["Elm", "Oak", "Ash", "Birch", "Cedar", "Willow", "Rowan", "Hazel", "Maple", "Holly", "Laurel", "Alder"]
KINDS = ["House", "Lodge", "Court", "Care Home", "Gardens", "Manor", "Homecare", "View"]


def generate(n, out, seed, mix):
    rng = random.Random(seed)
    r = rng.random

    schema = open(SCHEMA, encoding="utf-8").read()
    indexes = re.findall(r"^CREATE INDEX[^;]*;", schema, flags=re.M)
    tables = re.sub(r"^CREATE INDEX[^;]*;", "", schema, flags=re.M)

    tmp = out + ".tmp"
    for p in (tmp, tmp + "-journal"):
        if os.path.exists(p):
            os.remove(p)
    db = sqlite3.connect(tmp, isolation_level=None)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-262144")
    db.executescript(tables)

    ins = {
        "providers": "INSERT INTO providers VALUES (?,?,?,?,?,?,?,?,?,?)",
        "inspections": "INSERT INTO inspections VALUES (?,?,?,?,?,?,?,?)",
        "questionnaires": "INSERT INTO questionnaires VALUES (?,?,?)",
        "feedback": "INSERT INTO feedback VALUES (?,?,?,?)",
        "safeguarding": "INSERT INTO safeguarding VALUES (?,?,?,?)",
        "finance": "INSERT INTO finance VALUES (?,?,?)",
        "visits": "INSERT INTO visits VALUES (?,?,?)",
        "processes": "INSERT INTO processes VALUES (?,?,?,?,?,?,?,?)",
        "notices": "INSERT INTO notices VALUES (?,?,?,?,?)",
        "interventions": "INSERT INTO interventions VALUES (?,?,?)",
        "evidence": "INSERT INTO evidence VALUES (?,?,?)",
        "placements": "INSERT INTO placements VALUES (?,?,?)",
    }
    # column holding each table's event date: rows of a block are inserted in that order
    date_col = {"inspections": 1, "questionnaires": 1, "feedback": 1, "safeguarding": 1, "finance": 1,
                "visits": 1, "processes": 3, "notices": 2, "interventions": 2, "evidence": 1, "placements": 2}
    counts = dict.fromkeys(ins, 0)

    def some_day():
        return int(r() * SPAN)

    db.execute("BEGIN")
    for lo in range(0, n, BLOCK):
        rows = {t: [] for t in ins}
        prov, insp, ques, feed, safe = rows["providers"], rows["inspections"], rows["questionnaires"], rows["feedback"], rows["safeguarding"]
        fin, vis, proc, noti, intv = rows["finance"], rows["visits"], rows["processes"], rows["notices"], rows["interventions"]
        evid, plac = rows["evidence"], rows["placements"]
        for i in range(lo, min(n, lo + BLOCK)):
            pid = "P%07d" % (i + 1)
            troubled = r() < 0.10
            comm = "lewisham" if mix == "lewisham" else MIXED(r())
            reg = 1 if r() < 0.9 else 0
            cstart = None if r() < 0.05 else day(-int(r() * 3650))
            prov.append((pid, "%s %s %d" % (NAMES[i % 12], KINDS[(i // 12) % 8], i + 1), comm, SERVICE(r()), reg,
                         1 if r() < 0.10 else 0, 1 if r() < 0.15 else 0, cstart,
                         None if r() < 0.1 else round(50000 + r() * 2000000, 2), None if r() < 0.1 else 1 + int(r() * 120)))
            # inspections: distinct publication dates
            if reg:
                k = int(r() * 4)
                used = set()
                for _ in range(k):
                    d = some_day()
                    while d in used:
                        d = some_day()
                    used.add(d)
                    insp.append((pid, day(d), OVERALL(r()), KEYQ(r()), KEYQ(r()), KEYQ(r()), KEYQ(r()), KEYQ(r())))
            for _ in range(int(r() * 3)):
                d = some_day()
                ret = None if r() < 0.3 else day(d + int(r() * 60))
                ques.append((pid, day(d), ret))
            for _ in range(int(r() * 7)):
                d = AS_OF_OFF - int(r() * 200) if troubled and r() < 0.6 else some_day()
                feed.append((pid, day(d), SOURCE(r()), 1 if r() < (0.6 if troubled else 0.25) else 0))
            for _ in range(int(r() * 9)):
                if troubled and r() < 0.8:
                    d = AS_OF_OFF - int(r() * 110) + 10
                    kind = "alert" if r() < 0.85 else SGKIND(r())
                else:
                    d = some_day()
                    kind = SGKIND(r())
                closed = None if r() < 0.3 else day(d + 5 + int(r() * 200))
                safe.append((pid, day(d), kind, closed))
            for _ in range(int(r() * 3)):
                fin.append((pid, day(some_day()), RISK(r())))
            for _ in range(int(r() * 4)):
                vis.append((pid, day(some_day()), VISIT(r())))
            np = (1 if r() < 0.5 else 2) if troubled else (1 if r() < 0.15 else 2 if r() < 0.04 else 0)
            for j in range(np):
                d = AS_OF_OFF - 180 - int(r() * 500) if troubled and r() < 0.7 else some_day()
                closed = None if r() < 0.5 else day(d + 30 + int(r() * 400))
                proc.append(("%s-%d" % (pid, j + 1), pid, PKIND(r()), day(d), closed, PRISK(r()),
                             1 if r() < 0.05 else 0, POUT(r()) if closed else None))
            nn = int(r() * 3) if troubled else (1 if r() < 0.12 else 0)
            for _ in range(nn):
                d = some_day()
                closed = None if r() < 0.5 else day(d + 30 + int(r() * 300))
                noti.append((pid, NKIND(r()), day(d), closed, NOUT(r()) if closed else None))
            for _ in range(int(r() * 5)):
                d = AS_OF_OFF - int(r() * 360) if troubled and r() < 0.8 else some_day()
                intv.append((pid, AGENCIES[int(r() * 7)], day(d)))
            if r() < 0.3:
                evid.append((pid, day(some_day()), 1 if r() < 0.6 else 0))
            if r() < 0.5:
                plac.append((pid, PLACE(r()), day(some_day())))
        for t, sql in ins.items():
            lst = rows[t]
            if t in date_col:
                c = date_col[t]
                lst.sort(key=lambda row: row[c])
            db.executemany(sql, lst)
            counts[t] += len(lst)
    db.execute("COMMIT")
    for stmt in indexes:
        db.execute(stmt)
    db.close()
    os.replace(tmp, out)
    return counts


def main():
    ap = argparse.ArgumentParser(description="Generate a seeded reference-schema case database for the qpl benchmark.")
    ap.add_argument("n", type=int, help="number of providers")
    ap.add_argument("out", help="database file to create (replaced if it exists)")
    ap.add_argument("--seed", type=int, default=20250131)
    ap.add_argument("--commissioners", choices=["lewisham", "mixed"], default="lewisham",
                    help="all providers commissioned by lewisham (default), or 70%% lewisham, 15%% somerset, 15%% lambeth")
    a = ap.parse_args()
    t0 = time.time()
    counts = generate(a.n, a.out, a.seed, a.commissioners)
    rows = sum(counts.values())
    print("%s: %d providers, %d rows in all (%s), %.1f s" % (
        a.out, a.n, rows, ", ".join("%s %d" % kv for kv in counts.items() if kv[0] != "providers"),
        time.time() - t0), file=sys.stderr)


if __name__ == "__main__":
    main()
