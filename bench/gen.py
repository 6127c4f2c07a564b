#!/usr/bin/env python3
"""Generate a seeded case database with the reference schema for the qpl benchmark.

usage: bench/gen.py N OUT.db [--seed S] [--commissioners lewisham|mixed|somerset]
                           [--schema SCHEMA.sql]

N providers, each with a realistic handful of related rows: inspections (0-3),
questionnaires (0-2), feedback (0-6), safeguarding (0-8, alerts, enquiries and
whole service concerns), finance (0-2), visits (0-3), processes (0-2),
notices (0-2), interventions (0-4, by agency), evidence (0-1) and placements
(0-1). Event dates fall in 2022-01-01 .. 2025-12-31, so some rows lie after
the benchmark's as-of date (2025-01-31) and must be ignored. About one
provider in ten is "troubled": its alerts, interventions and processes
cluster before the as-of date, so every decision takes all of its values.

Commissioners: all Lewisham (the default), mixed (70% Lewisham, 15%
Somerset, 15% Lambeth), or all Somerset. The Somerset database has the same
providers and rows as the Lewisham one of the same N and seed (but for the
commissioner), plus what policies/somerset.qpl reads beyond bench.qpl:
escalation chains of notices for some troubled providers (rectification,
final warning, termination, with board referrals), the Board's evidence
assessments after final warnings and after their closure, quality
improvement and other process meetings with attendees, and the Care
Provider Commissioning & Quality Board: members in eight seats with
successive holders (since/until), one Board meeting per 250 providers
(at least monthly) with papers (some late or not recorded), attendees in
their roles, some apologies, independent members, deputies, provider
representatives and observers.

Schema v1.1 (case-schema.md) adds providers.area, providers.address and
placements.contact: they are filled when the schema has them (read with
PRAGMA table_info) and left out otherwise. The extra Somerset rows and the
v1.1 columns are drawn from random streams of their own, so the other
columns are the same whichever the schema and the commissioners.

The same N, seed, commissioner mix and schema always give the same
database. Rows are inserted in date order within blocks of providers (as a
live system would record them), not grouped by provider. Standard library
only; the schema (tables and indexes) is read from stdlib/schema.sql (or
--schema), and the indexes are created after the data is loaded.
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


# --- Somerset: what policies/somerset.qpl reads beyond bench.qpl ---------------

# seats of the Care Provider Commissioning & Quality Board (App.4 ToR §3, §5)
SEATS = ["ccg_safeguarding_commissioning", "la_quality_performance_manager", "la_quality_performance_manager",
         "la_strategic_commissioner", "la_procurement_manager", "ccg_deputy_director_quality", "advisor", "minutes"]
FIRST = "abcdeghjklmnprstw"
SURNAMES = ["price", "khan", "jones", "owen", "farr", "ross", "mills", "patel", "hughes", "clarke", "wood", "baker",
            "shaw", "lloyd", "ellis", "grant", "hart", "reid", "walsh", "young", "fox", "lane", "moss", "webb"]
QIM_KIND = {"quality_improvement": "qim", "provider_concerns": "provider_information", "risk_summit": "risk_summit",
            "board_referral": "provider", "informal": "provider"}
STAFF = ["ccg_safeguarding_commissioning", "la_quality_performance_manager", "la_strategic_commissioner"]

# --- schema v1.1 columns -------------------------------------------------------
# areas of each commissioner: (area, post town, postcode district, telephone prefix, digits after it)
AREAS = {
    "somerset": [("Taunton", "Taunton", "TA1", "01823", 6), ("Mendip", "Wells", "BA5", "01749", 6),
                 ("Sedgemoor", "Bridgwater", "TA6", "01278", 6), ("South Somerset", "Yeovil", "BA20", "01935", 6),
                 ("West Somerset", "Minehead", "TA24", "01643", 6)],
    "lewisham": [("Catford", "London", "SE6", "020 8314", 4), ("Deptford", "London", "SE8", "020 8691", 4),
                 ("Lewisham Central", "London", "SE13", "020 8314", 4), ("Sydenham", "London", "SE26", "020 8778", 4),
                 ("Brockley", "London", "SE4", "020 8692", 4), ("Forest Hill", "London", "SE23", "020 8699", 4)],
    "lambeth": [("Brixton", "London", "SW9", "020 7926", 4), ("Streatham", "London", "SW16", "020 8769", 4),
                ("Clapham", "London", "SW4", "020 7622", 4), ("Norwood", "London", "SE27", "020 8670", 4),
                ("Kennington", "London", "SE11", "020 7735", 4), ("Vauxhall", "London", "SW8", "020 7582", 4)],
}
STREETS = ["Church Road", "Station Road", "High Street", "Park Lane", "Mill Lane", "Victoria Road", "Manor Way",
           "Orchard Close", "The Green", "Kings Road", "Queens Avenue", "Grove Park"]
GIVEN = ["Alex", "Sam", "Jo", "Chris", "Pat", "Ruth", "Dev", "Amira", "Tom", "Nadia", "Owen", "Grace", "Ian", "Leah"]


class Somerset:
    """The extra Somerset rows, drawn from a random stream of their own."""

    def __init__(self, seed, n):
        self.rng = random.Random("%d somerset" % seed)
        self.n = n
        self.officers = ["qo.%s%d" % (SURNAMES[k % 24], k) for k in range(40)]

    def provider(self, pid, troubled, proc, noti, evid, mtgs):
        """Rows for one provider: proc and noti hold its processes and notices so far."""
        r = self.rng.random
        kinds = [nt[1] for nt in noti]
        if troubled and r() < 0.35 and "final_warning_notice" not in kinds and "termination" not in kinds:
            # an escalation chain: board referral, rectification, final warning, then improvement or termination
            d0 = AS_OF_OFF - 200 - int(r() * 700)
            d1 = d0 + 60 + int(r() * 120)
            escalated = r() < 0.6
            d2 = d1 + 90 + int(r() * 150) if escalated and r() < 0.55 else None
            improved = d2 is not None and r() < 0.5
            bclosed = day(d2) if d2 is not None else (day(d1) if not escalated else None)
            proc.append(("%s-%d" % (pid, len(proc) + 1), pid, "board_referral", day(d0 - 30), bclosed, PRISK(r()),
                         1 if r() < 0.05 else 0, ("improved" if improved or not escalated else "not_improved") if bclosed else None))
            noti.append((pid, "rectification_notice", day(d0), day(d1), "escalated" if escalated else "improved"))
            if escalated:
                noti.append((pid, "final_warning_notice", day(d1), day(d2) if d2 is not None else None,
                             ("improved" if improved else "escalated") if d2 is not None else None))
                if d2 is not None and not improved:
                    noti.append((pid, "termination", day(d2), None, None))
        # the Board's assessments after each final warning, and after a closure for improvement
        for nt in list(noti):
            if nt[1] != "final_warning_notice":
                continue
            i0 = _off(nt[2])
            closed = _off(nt[3]) if nt[3] else None
            k = 1 + int(r() * 3)
            for m in range(k):
                a = i0 + 40 + 50 * m + int(r() * 20)
                if closed is not None and a > closed:
                    break
                last = m == k - 1 or (closed is not None and a + 70 > closed)
                sustained = 1 if (nt[4] == "improved" and last) or r() < 0.1 else 0
                evid.append((pid, day(a), sustained))
            if nt[4] == "improved" and closed is not None and r() < 0.7:
                evid.append((pid, day(closed + 150 + int(r() * 60)), 1 if r() < 0.8 else 0))
        # meetings of the provider's processes
        for pr in proc:
            kind = QIM_KIND[pr[2]]
            if kind == "provider" and r() < 0.5:
                continue
            opened = _off(pr[3])
            closed = _off(pr[4]) if pr[4] else None
            for m in range(1 if kind != "qim" else 1 + int(r() * 3)):
                sched = opened + 10 + 42 * m + int(r() * 10)
                if closed is not None and sched > closed:
                    break
                u = r()
                held = None if u < 0.05 else day(sched + 1 + int(r() * 10)) if u < 0.15 else day(sched)
                papers = day(sched - 2 - int(r() * 5)) if r() < 0.3 else None
                mid = "%s-%s-%d" % ({"qim": "QIM", "provider_information": "PIM", "risk_summit": "RSM"}.get(kind, "PM"), pr[0], m + 1)
                att = [(mid, "rep.%s" % pid, "provider", 1 if r() < 0.9 else 0, 0),
                       (mid, self.officers[int(r() * 40)], "la_quality_performance_manager", 1, 0)]
                if r() < 0.5:
                    att.append((mid, self.officers[int(r() * 40)], STAFF[int(r() * 3)], 1 if r() < 0.9 else 0, 0))
                mtgs.append((day(sched), (mid, kind, pid, pr[0], day(sched), held, papers), att))

    def board(self):
        """The Board: its members (eight seats, successive holders) and its meetings with attendees."""
        r = self.rng.random
        members, used = [], set()
        tenures = []                    # (seat, person, since, until) offsets from START, until None while a member
        for seat, role in enumerate(SEATS):
            start = -1460 - int(r() * 700)              # first holders joined in 2016-2018
            while True:
                while True:
                    person = "%s%s" % (FIRST[int(r() * len(FIRST))], SURNAMES[int(r() * 24)])
                    if person not in used:
                        break
                    person += str(2 + int(r() * 8))
                    if person not in used:
                        break
                used.add(person)
                end = start + 500 + int(r() * 1700)
                if end >= SPAN:
                    tenures.append((seat, person, start, None))
                    members.append((person, role, day(start), None))
                    break
                tenures.append((seat, person, start, end))
                members.append((person, role, day(start), day(end)))
                start = end + 1 + (int(r() * 60) if r() < 0.3 else 0)     # now and then a vacancy
        m_count = max(48, self.n // 250)
        mtgs = []
        for m in range(m_count + 2):                    # the last two: scheduled after the snapshot, not held
            sched = START.toordinal() + (m * SPAN) // m_count + 10
            wd = datetime.date.fromordinal(sched).weekday()
            if wd >= 5:
                sched += 7 - wd
            sched -= START.toordinal()
            u = r()
            if m >= m_count:
                held = None
            else:
                held = None if u < 0.03 else sched + 1 + int(r() * 14) if u < 0.10 else sched
            u = r()
            papers = None if u < 0.10 else day(sched - 1 - int(r() * 6)) if u < 0.25 else day(sched - 7 - int(r() * 8))
            mid = "BRD-%05d" % (m + 1)
            att = []
            when = held if held is not None else sched
            for seat, role in enumerate(SEATS):
                holder = [t for t in tenures if t[0] == seat and t[2] <= when and (t[3] is None or when <= t[3])]
                if not holder:
                    continue
                u = r()
                if u < 0.02:
                    continue                            # not on the list at all
                if u < 0.05:                            # a deputy attends instead
                    att.append((mid, "deputy.%s%d" % (role[:6], int(r() * 5)), role, 1, 0))
                    continue
                present = 1 if u >= 0.12 else 0         # else apologies
                att.append((mid, holder[0][1], role, present, 1 if present and r() < 0.2 else 0))
                if r() < 0.02:
                    att.append(att[-1])                 # listed twice
            for _ in range(int(r() * 4)):               # providers presenting their case
                att.append((mid, "rep.P%07d" % (1 + int(r() * self.n)), "provider", 1, 0))
            if r() < 0.3:
                att.append((mid, "cqc.%s" % SURNAMES[int(r() * 24)], "other", 1, 1))
            mtgs.append((day(sched), (mid, "board", None, None, day(sched), day(held) if held is not None else None, papers), att))
        return members, mtgs


def _off(iso):
    """Offset from START of an ISO date of the table."""
    return DAYS_INDEX[iso] - ORIGIN


DAYS_INDEX = {d: i for i, d in enumerate(DAYS)}


class V11:
    """Values of the schema v1.1 columns, drawn from a random stream of their own."""

    def __init__(self, seed):
        self.r = random.Random("%d v1.1" % seed).random

    def provider(self, comm):
        r = self.r
        areas = AREAS.get(comm, AREAS["lewisham"])
        area, town, district, _, _ = areas[int(r() * len(areas))]
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        address = "%d %s, %s %s %d%s%s" % (1 + int(r() * 180), STREETS[int(r() * len(STREETS))], town, district,
                                           1 + int(r() * 9), letters[int(r() * 20)], letters[int(r() * 20)])
        u = r()
        return (None if u < 0.04 else area), (None if u > 0.98 else address)

    def contact(self, comm):
        """The commissioner's named manager for a provider, with telephone."""
        r = self.r
        areas = AREAS.get(comm, AREAS["lewisham"])
        _, _, _, prefix, digits = areas[int(r() * len(areas))]
        if r() < 0.1:
            return None
        return "%s %s %s %0*d" % (GIVEN[int(r() * len(GIVEN))], SURNAMES[int(r() * 24)].capitalize(), prefix, digits,
                                  int(r() * 10 ** digits))


def columns(db, table):
    return [row[1] for row in db.execute("SELECT * FROM pragma_table_info('%s')" % table)]


def generate(n, out, seed, mix, schema_path=SCHEMA):
    rng = random.Random(seed)
    r = rng.random

    schema = open(schema_path, encoding="utf-8").read()
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

    # the columns written, in this order (v1.1 ones only when the schema has them)
    cols = {
        "providers": ["id", "name", "commissioner", "service_type", "cqc_registered", "market_risk", "chc_funded",
                      "contract_start", "annual_spend", "people_supported"],
        "inspections": ["provider_id", "published", "overall", "safe", "effective", "caring", "responsive", "well_led"],
        "questionnaires": ["provider_id", "issued", "returned"],
        "feedback": ["provider_id", "received", "source", "concern"],
        "safeguarding": ["provider_id", "raised", "kind", "closed"],
        "finance": ["provider_id", "assessed", "risk"],
        "visits": ["provider_id", "held", "kind"],
        "processes": ["id", "provider_id", "kind", "opened", "closed", "risk", "criminal", "outcome"],
        "notices": ["provider_id", "kind", "issued", "closed", "outcome"],
        "interventions": ["provider_id", "agency", "dated"],
        "evidence": ["provider_id", "assessed", "sustained"],
        "placements": ["provider_id", "status", "decided"],
    }
    somerset = mix == "somerset"
    if somerset:
        cols["meetings"] = ["id", "kind", "provider_id", "process_id", "scheduled", "held", "papers_issued"]
        cols["attendees"] = ["meeting_id", "person", "role", "present", "independent"]
        cols["board_members"] = ["person", "role", "since", "until"]
    have_p = columns(db, "providers")
    v11_provider = "area" in have_p and "address" in have_p
    v11_contact = "contact" in columns(db, "placements")
    if v11_provider:
        cols["providers"] += ["area", "address"]
    if v11_contact:
        cols["placements"] += ["contact"]
    ins = {t: "INSERT INTO %s (%s) VALUES (%s)" % (t, ", ".join(c), ",".join("?" * len(c))) for t, c in cols.items()}
    # column holding each table's event date: rows of a block are inserted in that order
    date_col = {"inspections": 1, "questionnaires": 1, "feedback": 1, "safeguarding": 1, "finance": 1,
                "visits": 1, "processes": 3, "notices": 2, "interventions": 2, "evidence": 1, "placements": 2}
    counts = dict.fromkeys(ins, 0)
    som = Somerset(seed, n) if somerset else None
    v11 = V11(seed) if v11_provider or v11_contact else None

    def some_day():
        return int(r() * SPAN)

    def add_meetings(mtgs):
        mtgs.sort(key=lambda m: m[0])
        db.executemany(ins["meetings"], [m[1] for m in mtgs])
        att = [a for m in mtgs for a in m[2]]
        db.executemany(ins["attendees"], att)
        counts["meetings"] += len(mtgs)
        counts["attendees"] += len(att)

    db.execute("BEGIN")
    for lo in range(0, n, BLOCK):
        rows = {t: [] for t in ins}
        prov, insp, ques, feed, safe = rows["providers"], rows["inspections"], rows["questionnaires"], rows["feedback"], rows["safeguarding"]
        fin, vis, proc, noti, intv = rows["finance"], rows["visits"], rows["processes"], rows["notices"], rows["interventions"]
        evid, plac = rows["evidence"], rows["placements"]
        mtgs = []
        for i in range(lo, min(n, lo + BLOCK)):
            pid = "P%07d" % (i + 1)
            troubled = r() < 0.10
            comm = mix if mix in ("lewisham", "somerset") else MIXED(r())
            reg = 1 if r() < 0.9 else 0
            cstart = None if r() < 0.05 else day(-int(r() * 3650))
            prov.append((pid, "%s %s %d" % (NAMES[i % 12], KINDS[(i // 12) % 8], i + 1), comm, SERVICE(r()), reg,
                         1 if r() < 0.10 else 0, 1 if r() < 0.15 else 0, cstart,
                         None if r() < 0.1 else round(50000 + r() * 2000000, 2), None if r() < 0.1 else 1 + int(r() * 120))
                        + (v11.provider(comm) if v11_provider else ()))
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
            p0 = len(proc)
            np = (1 if r() < 0.5 else 2) if troubled else (1 if r() < 0.15 else 2 if r() < 0.04 else 0)
            for j in range(np):
                d = AS_OF_OFF - 180 - int(r() * 500) if troubled and r() < 0.7 else some_day()
                closed = None if r() < 0.5 else day(d + 30 + int(r() * 400))
                proc.append(("%s-%d" % (pid, j + 1), pid, PKIND(r()), day(d), closed, PRISK(r()),
                             1 if r() < 0.05 else 0, POUT(r()) if closed else None))
            n0 = len(noti)
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
                plac.append((pid, PLACE(r()), day(some_day())) + ((v11.contact(comm),) if v11_contact else ()))
            if som:
                mine_p, mine_n = proc[p0:], noti[n0:]
                som.provider(pid, troubled, mine_p, mine_n, evid, mtgs)
                proc[p0:], noti[n0:] = mine_p, mine_n
        for t, sql in ins.items():
            if t in ("meetings", "attendees", "board_members"):
                continue
            lst = rows[t]
            if t in date_col:
                c = date_col[t]
                lst.sort(key=lambda row: row[c])
            db.executemany(sql, lst)
            counts[t] += len(lst)
        if som:
            add_meetings(mtgs)
    if som:
        members, board = som.board()
        members.sort(key=lambda row: row[2])
        db.executemany(ins["board_members"], members)
        counts["board_members"] += len(members)
        add_meetings(board)
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
    ap.add_argument("--commissioners", choices=["lewisham", "mixed", "somerset"], default="lewisham",
                    help="all providers commissioned by lewisham (default), 70%% lewisham, 15%% somerset, 15%% lambeth "
                         "(mixed), or all by somerset, with the Board's meetings and members")
    ap.add_argument("--schema", default=SCHEMA, help="the schema to create (default: stdlib/schema.sql)")
    a = ap.parse_args()
    t0 = time.time()
    counts = generate(a.n, a.out, a.seed, a.commissioners, a.schema)
    rows = sum(counts.values())
    print("%s: %d providers, %d rows in all (%s), %.1f s" % (
        a.out, a.n, rows, ", ".join("%s %d" % kv for kv in counts.items() if kv[0] != "providers"),
        time.time() - t0), file=sys.stderr)


if __name__ == "__main__":
    main()
