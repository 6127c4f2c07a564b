#!/bin/sh
# check.sh: time `qpl check` on very large generated policies.
#
# usage: bench/check.sh [SIZE...]   SIZE: definitions in the policy, e.g. 20k,
#                                   1M (the default) or a plain number
#   QPL=path/to/qpl   the interpreter to time (default: ./qpl, from `make qpl`)
#   RUNS=5            timed runs per size, after one warm-up run
#   TIMEOUT=120       seconds a first, untimed-by-hyperfine run may take; a
#                     size whose first run takes longer is reported as timed
#                     out and not timed further
#
# Each policy is written once by bench/bigpolicy.py (N `let` lines, about N
# lines in all) and cached as bench/data/big-N.qpl. Each size is first run
# once under `timeout TIMEOUT` with /usr/bin/time (elapsed time and peak
# memory; the check must succeed, with no warnings); the sizes that finish
# are then timed in one hyperfine invocation, the runs alternating (see
# time_alternating in bench/lib.sh). The table gives the median, the time per
# 1,000 lines, the peak RSS and, from one size to the next, the exponent k of
# time ~ lines^k (1 is linear, 2 quadratic). It is printed and saved to
# bench/data/check-results.txt; hyperfine's JSON to
# bench/data/hyperfine-check.json. An interpreter that is quadratic here
# needs hours at 1M: try `bench/check.sh 20k 40k` first.
set -eu
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"
bench_init check.sh
RUNS=${RUNS:-5}
TIMEOUT=${TIMEOUT:-120}

need hyperfine hyperfine
need python3 python3
need timeout coreutils
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (Debian: apt-get install -y time)"
need_qpl

[ $# -gt 0 ] || set -- 1M

rows=""
timed=""
for size in "$@"; do
    n=$(size_to_n "$size")
    pol=$DATA/big-$n.qpl
    if [ ! -f "$pol" ]; then
        echo "$PROG: writing $pol" >&2
        python3 bench/bigpolicy.py "$n" "$pol.tmp"
        mv "$pol.tmp" "$pol"
    fi
    lines=$(wc -l < "$pol")
    log=$DATA/check-$n.log
    echo "$PROG: $size: a first run of \`qpl check $pol\` (timeout $TIMEOUT s)" >&2
    set +e
    /usr/bin/time -f 'elapsed %e\nrss %M' -o "$log.time" timeout "$TIMEOUT" "$QPL" check "$pol" > "$log" 2>&1
    rc=$?
    set -e
    if [ $rc = 124 ]; then
        echo "$PROG: $size: timed out after $TIMEOUT s" >&2
        rows="$rows$size|$n|$lines|timeout|-|-
"
        continue
    fi
    [ $rc = 0 ] || { cat "$log" >&2; die "qpl check failed on $pol (exit status $rc)"; }
    [ ! -s "$log" ] || { head -5 "$log" >&2; die "qpl check printed diagnostics for $pol (see $log)"; }
    first=$(awk '$1 == "elapsed" { print $2 }' "$log.time")
    rss=$(awk '$1 == "rss" { printf "%.1f", $2 / 1024 }' "$log.time")
    echo "$PROG: $size: $first s, peak RSS $rss MB" >&2
    rows="$rows$size|$n|$lines|timed|$first|$rss
"
    timed="$timed $size"
done
rm -f "$DATA"/check-*.log "$DATA"/check-*.log.time

json=$DATA/hyperfine-check.json
rm -f "$json" "$json.tsv"
if [ -n "$timed" ]; then
    set --
    for size in $timed; do
        n=$(size_to_n "$size")
        set -- "$@" "check $size" "$QPL check $DATA/big-$n.qpl"
    done
    time_alternating "$json" "$@"
fi

{
    echo "qpl check of generated policies (bench/bigpolicy.py)"
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $("$QPL" --version 2>/dev/null | head -1) ($QPL); $(uname -sr), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "hyperfine: 1 warm-up and $RUNS timed runs of each size, alternating; medians (wall clock); timeout $TIMEOUT s for a first run"
    echo
    printf '%s' "$rows" | python3 -c '
import math, sys
path = sys.argv[1]
med = {}
try:
    for l in open(path + ".tsv"):
        f = l.split("\t")
        med[f[0]] = float(f[1])
except OSError:
    pass
print("| size | definitions | lines | qpl check (s) | per 1,000 lines (ms) | peak RSS (MB) | growth exponent |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
prev = None
for line in sys.stdin:
    size, n, lines, state, first, rss = line.rstrip("\n").split("|")
    lines = int(lines)
    if state == "timeout":
        print("| %s | %s | %s | over %s (timed out) | | | |" % (size, format(int(n), ","), format(lines, ","), sys.argv[2]))
        prev = None
        continue
    t = med.get("check " + size, float(first))
    k = "%.2f" % (math.log(t / prev[1]) / math.log(lines / prev[0])) if prev and lines != prev[0] else ""
    print("| %s | %s | %s | %.3f | %.3f | %s | %s |" % (size, format(int(n), ","), format(lines, ","), t, t / lines * 1e6, rss, k))
    prev = (lines, t)
' "$json" "$TIMEOUT"
} | tee "$DATA/check-results.txt"
