#!/bin/sh
# run.sh: time `qpl eval` against the hand-written SQL of the same decisions.
#
# usage: bench/run.sh [SIZE...]        SIZE: 10k, 100k, 1M or a plain number
#                                      (default: 10k 100k 1M)
#   QPL=path/to/qpl   the interpreter to time (default: ./qpl, built by `make qpl`)
#   RUNS=5            timed runs per command (after one warm-up run)
#
# For each size it generates the case database once (bench/gen.py, cached in
# bench/data/providers-N.db), then times, in the same hyperfine session,
#   qpl eval bench/bench.qpl --db DB --as-of 2025-01-31 --format jsonl > /dev/null
#   sqlite3 DB < bench/bench.sql > /dev/null
# and measures both programs' peak resident memory with /usr/bin/time -v, and
# the anonymous (heap) part of qpl's with bench/peakmem.py (the SQL maps the
# database into memory, PRAGMA mmap_size, and mapped pages count in RSS).
# hyperfine's JSON goes to bench/data/hyperfine-N.json; the summary table is
# printed and saved to bench/data/results.txt. Check that both commands give
# the same output with bench/compare.sh.
set -eu
cd "$(dirname "$0")/.."
QPL=${QPL:-./qpl}
RUNS=${RUNS:-5}
DATA=bench/data
AS_OF=2025-01-31
mkdir -p "$DATA"
for tool in hyperfine sqlite3 python3 /usr/bin/time; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "run.sh: $tool is missing (Debian: apt-get install -y hyperfine sqlite3 python3 time)" >&2
        exit 2
    }
done
[ -x "$QPL" ] || { echo "run.sh: no $QPL: run \`make qpl\` first" >&2; exit 2; }
"$QPL" check bench/bench.qpl

[ $# -gt 0 ] || set -- 10k 100k 1M

# Peak resident set size of a shell command, in MB.
peak_mb() {
    /usr/bin/time -v sh -c "$1" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }'
}

rows=""
for size in "$@"; do
    case $size in
        *[kK]) n=$(( ${size%?} * 1000 )) ;;
        *[mM]) n=$(( ${size%?} * 1000000 )) ;;
        *) n=$size ;;
    esac
    db=$DATA/providers-$n.db
    [ -f "$db" ] || python3 bench/gen.py "$n" "$db"
    qcmd="$QPL eval bench/bench.qpl --db $db --as-of $AS_OF --format jsonl > /dev/null"
    scmd="sqlite3 $db < bench/bench.sql > /dev/null"
    json=$DATA/hyperfine-$n.json
    hyperfine --warmup 1 --runs "$RUNS" --export-json "$json" -n qpl "$qcmd" -n sql "$scmd" >&2
    qrss=$(peak_mb "$qcmd")
    srss=$(peak_mb "$scmd")
    # the anonymous part (heap) of qpl's peak, apart from mapped database pages
    qanon=$(python3 bench/peakmem.py -- "$QPL" eval bench/bench.qpl --db "$db" --as-of $AS_OF --format jsonl | cut -d' ' -f2)
    rows="$rows$size $n $json $qrss $qanon $srss
"
done

printf '%s' "$rows" | python3 -c '
import json, sys
print("| size | providers | qpl median (s) | sql median (s) | qpl / sql | qpl peak RSS (MB) | qpl peak anon (MB) | sql peak RSS (MB) |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for line in sys.stdin:
    size, n, path, qrss, qanon, srss = line.split()
    res = {r["command"]: r for r in json.load(open(path))["results"]}
    q, s = res["qpl"]["median"], res["sql"]["median"]
    print("| %s | %s | %.3f | %.3f | %.2f | %s | %s | %s |" % (size, format(int(n), ","), q, s, q / s, qrss, qanon, srss))
' | tee "$DATA/results.txt"
