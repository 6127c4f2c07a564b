#!/bin/sh
# somerset.sh: time the bundled Somerset policy per decision, against the
# benchmark policy, so that a real policy's cost can be compared with the
# fixed one that bench/run.sh reports.
#
# usage: bench/somerset.sh [SIZE]     SIZE: 10k, 100k (default), 1M or a number
#   QPL=path/to/qpl   the interpreter to time (default: ./qpl, from `make qpl`)
#   RUNS=5            timed runs per command, after one warm-up run
#
# It generates (once, cached in bench/data/) an all-Somerset database
# (bench/gen.py --commissioners somerset: the Board's meetings and members
# too) and the all-Lewisham benchmark database of the same size, counts the
# output lines (decisions) of each evaluation, then times in one hyperfine
# invocation, the runs alternating (see time_alternating in bench/lib.sh):
#   somerset  QPL eval policies/somerset.qpl --db SOMERSET_DB --as-of 2025-01-31 --format jsonl > /dev/null
#   bench     QPL eval bench/bench.qpl --db BENCH_DB --as-of 2025-01-31 --format jsonl > /dev/null
# and reports the median time per output line of each and their ratio
# (the target: Somerset within 1.2x of bench.qpl per decision). The table is
# printed and saved to bench/data/somerset-results.txt; hyperfine's JSON to
# bench/data/hyperfine-somerset-N.json.
set -eu
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"
bench_init somerset.sh
RUNS=${RUNS:-5}
[ $# -le 1 ] || die "usage: bench/somerset.sh [SIZE]"

need hyperfine hyperfine
need python3 python3
need_qpl
"$QPL" check policies/somerset.qpl bench/bench.qpl

size=${1:-100k}
n=$(size_to_n "$size")
sdb=$(db_for "$n" somerset)
bdb=$(db_for "$n")
scmd="$QPL eval policies/somerset.qpl --db $sdb --as-of $AS_OF --format jsonl"
bcmd="$QPL eval bench/bench.qpl --db $bdb --as-of $AS_OF --format jsonl"
# the number of output lines, and the subjects they are about
sout=$DATA/somerset-$n.jsonl
$scmd > "$sout"
slines=$(wc -l < "$sout")
skinds=$(grep -o '"subject":"[a-z_]*"' "$sout" | sort | uniq -c | awk '{ sub(/"subject":/, "", $2); gsub(/"/, "", $2); printf "%s%s %s", sep, $1, $2; sep = ", " }')
rm -f "$sout"
blines=$($bcmd | wc -l)

json=$DATA/hyperfine-somerset-$n.json
time_alternating "$json" somerset "$scmd > /dev/null" bench "$bcmd > /dev/null"
st=$(median_of "$json" somerset)
bt=$(median_of "$json" bench)

{
    echo "qpl eval per decision: policies/somerset.qpl against bench/bench.qpl, $size providers, as of $AS_OF"
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $("$QPL" --version 2>/dev/null | head -1) ($QPL); $(uname -sr), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "hyperfine: 1 warm-up and $RUNS timed runs of each command, alternating; medians (wall clock)"
    echo "somerset output lines by subject: $skinds"
    echo
    python3 - "$size" "$sdb" "$slines" "$st" "$bdb" "$blines" "$bt" <<'EOF'
import sys
size, sdb, sl, st, bdb, bl, bt = sys.argv[1:]
sl, bl, st, bt = int(sl), int(bl), float(st), float(bt)
print("| policy | database | output lines | median (s) | per decision (us) |")
print("| --- | --- | ---: | ---: | ---: |")
print("| policies/somerset.qpl | %s | %s | %.3f | %.2f |" % (sdb, format(sl, ","), st, st / sl * 1e6))
print("| bench/bench.qpl | %s | %s | %.3f | %.2f |" % (bdb, format(bl, ","), bt, bt / bl * 1e6))
ratio = (st / sl) / (bt / bl)
print()
print("somerset / bench per decision: %.2f (target: at most 1.20: %s)" % (ratio, "met" if ratio <= 1.2 else "NOT met"))
EOF
} | tee "$DATA/somerset-results.txt"
