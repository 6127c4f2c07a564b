#!/bin/sh
# run.sh: time `qpl eval` against two baselines measured in the same run: the
# SQL anchor (a hand-written SQLite query of the same decisions) and the
# floor (reading the facts once and writing the answer), and report ratios.
#
# usage: bench/run.sh [SIZE...]     SIZE: 10k, 100k, 1M or a plain number of
#                                   providers (default: 100k 1M)
#   QPL=path/to/qpl     the interpreter to time (default: ./qpl, from `make qpl`)
#   RUNS=5              timed runs per command, after one warm-up run
#   JOBS="1 2"          qpl variants to time: 1 is plain `qpl eval`, any other
#                       N adds `--jobs N` (skipped, with a note, when
#                       `qpl eval --help` does not mention --jobs); default
#                       "1 2": one thread, and two
#   ANCHOR=path         the anchor SQL (default: ../shared/bench/anchor.sql,
#                       relative to the repository)
#
# For each size it generates the case database once (bench/gen.py, cached as
# bench/data/providers-N.db), saves qpl's output once (bench/data/qpl-N.jsonl,
# which the floor copies), then times in ONE hyperfine invocation, the runs
# of the commands alternating (one warm-up round, then RUNS rounds of one run
# of each; see time_alternating in bench/lib.sh), medians reported:
#   qpl     QPL eval bench/bench.qpl --db DB --as-of 2025-01-31 --format jsonl > /dev/null
#           (once per JOBS value)
#   anchor  sed (as-of date) ANCHOR | sqlite3 DB > /dev/null
#   floor   bench/data/floor DB bench/data/qpl-N.jsonl TABLES... > /dev/null
# floor is bench/floor.c, built here with `cc -O2`; TABLES are the tables
# bench.qpl reads (BENCH_TABLES in bench/lib.sh). It then measures each qpl
# variant's peak resident memory (/usr/bin/time -v) and its heap part
# (bench/peakmem.py). The table is printed and saved to
# bench/data/results.txt; hyperfine's JSON to bench/data/hyperfine-N.json
# (its times split by command in hyperfine-N.json.tsv).
# The outputs are checked elsewhere: bench/compare-anchor.sh (qpl against the
# anchor) and bench/compare.sh (qpl against bench/bench.sql, byte for byte).
# At 1M the saved output takes about 1.8 GB of disk.
set -eu
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"
bench_init run.sh
RUNS=${RUNS:-5}
JOBS=${JOBS:-1 2}

need hyperfine hyperfine
need sqlite3 sqlite3
need python3 python3
need cc gcc
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (Debian: apt-get install -y time)"
need_qpl
[ -f "$ANCHOR" ] || die "no anchor SQL at $ANCHOR: set ANCHOR=path/to/anchor.sql"
"$QPL" check bench/bench.qpl

# the floor program
FLOOR=$DATA/floor
if [ ! -x "$FLOOR" ] || [ -n "$(find bench/floor.c -newer "$FLOOR")" ]; then
    cc -std=c11 -O2 -Wall -Wextra -Werror -o "$FLOOR" bench/floor.c -lsqlite3 ||
        die "cannot build $FLOOR from bench/floor.c (Debian: apt-get install -y gcc libsqlite3-dev)"
fi

# the qpl variants, one a line: NAME|EXTRA OPTIONS
notes=""
variants=""
jobs_ok=no
if "$QPL" eval --help 2>&1 | grep -q -- '--jobs'; then jobs_ok=yes; fi
for j in $JOBS; do
    case $j in ''|*[!0-9]*|0) die "bad JOBS value \`$j\`: write numbers of jobs, e.g. JOBS=\"1 2\"" ;; esac
    if [ "$j" = 1 ]; then
        variants="${variants}qpl|
"
    elif [ $jobs_ok = yes ]; then
        variants="${variants}qpl --jobs $j|--jobs $j
"
    else
        note="note: \`$QPL eval --help\` does not mention --jobs: the --jobs $j variant is skipped"
        echo "$PROG: $note" >&2
        notes="$notes$note
"
    fi
done
if [ -z "$variants" ]; then
    variants="qpl|
"
    notes="${notes}note: no JOBS variant could be run, so plain qpl eval was timed
"
fi

[ $# -gt 0 ] || set -- 100k 1M

rows=""
for size in "$@"; do
    n=$(size_to_n "$size")
    db=$(db_for "$n")
    out=$DATA/qpl-$n.jsonl
    echo "$PROG: $size: saving qpl's output to $out" >&2
    "$QPL" eval bench/bench.qpl --db "$db" --as-of $AS_OF --format jsonl > "$out"
    lines=$(wc -l < "$out")
    json=$DATA/hyperfine-$n.json
    # NAME COMMAND pairs: the qpl variants, then the anchor and the floor
    set --
    while IFS='|' read -r name opts; do
        [ -n "$name" ] || continue
        set -- "$@" "$name" "$QPL eval bench/bench.qpl --db $db --as-of $AS_OF --format jsonl${opts:+ $opts} > /dev/null"
    done <<EOF
$variants
EOF
    set -- "$@" anchor "sed \"s/'2025-01-31' AS as_of/'$AS_OF' AS as_of/\" $ANCHOR | sqlite3 $db > /dev/null"
    set -- "$@" floor "$FLOOR $db $out $BENCH_TABLES > /dev/null"
    time_alternating "$json" "$@"
    while IFS='|' read -r name opts; do
        [ -n "$name" ] || continue
        qcmd="$QPL eval bench/bench.qpl --db $db --as-of $AS_OF --format jsonl${opts:+ $opts}"
        rss=$(peak_mb "$qcmd > /dev/null")
        # the anonymous part (heap) of the peak, apart from mapped database pages
        # shellcheck disable=SC2086
        heap=$(python3 bench/peakmem.py -- $qcmd | cut -d' ' -f2)
        rows="$rows$size|$n|$lines|$json|$name|$rss|$heap
"
    done <<EOF
$variants
EOF
done

{
    echo "qpl eval bench/bench.qpl as of $AS_OF, against the anchor ($ANCHOR) and the floor (bench/floor.c)"
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $("$QPL" --version 2>/dev/null | head -1) ($QPL); $(uname -sr), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "hyperfine: 1 warm-up and $RUNS timed runs of each command, alternating; medians (wall clock)"
    printf '%s' "$notes"
    echo
    printf '%s' "$rows" | python3 -c '
import sys
print("| size | providers | output lines | qpl | qpl (s) | anchor (s) | floor (s) | qpl / anchor | qpl / floor | qpl peak RSS (MB) | of which heap (MB) |")
print("| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for line in sys.stdin:
    size, n, lines, path, name, rss, heap = line.rstrip("\n").split("|")
    res = {}
    for l in open(path + ".tsv"):
        f = l.split("\t")
        res[f[0]] = float(f[1])
    q, a, f = res[name], res["anchor"], res["floor"]
    print("| %s | %s | %s | `%s` | %.3f | %.3f | %.3f | %.2f | %.2f | %s | %s |" % (
        size, format(int(n), ","), format(int(lines), ","), name, q, a, f, q / a, q / f, rss, heap))
'
} | tee "$DATA/results.txt"
