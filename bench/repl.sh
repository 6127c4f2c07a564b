#!/bin/sh
# repl.sh: how long what-if questions take in `qpl repl` on large databases.
#
# usage: bench/repl.sh [BIG [SMALL]]   sizes as for run.sh (default: 1M 100k)
#   QPL=path/to/qpl   the interpreter to time (default: ./qpl, from `make qpl`)
#   RUNS=5            timed runs per session, after one warm-up run
#
# Each figure is a difference of whole sessions, `qpl repl bench/bench.qpl
# --db DB --as-of 2025-01-31` reading its commands from a file (standard
# input not a terminal), timed in one hyperfine invocation with the runs of
# the commands alternating (see time_alternating in bench/lib.sh):
#   (a) startup: a session that only quits (.quit), on BIG; its peak
#       resident memory is reported too;
#   (b) a what-if on facts: `.set inspections overall = inadequate where
#       rowid = ...` on the inspection that is the latest, as of the date, of
#       one provider rated good there (the first such provider id), then
#       `.diff`, on BIG: session (b) minus session (a);
#   (c) a what-if on a parameter: `.param sqf_concern_threshold 4` then
#       `.diff`, on SMALL: session minus the startup session on SMALL,
#       against one `qpl eval bench/whatif-base.qpl` on SMALL (bench.qpl
#       reduced to the decisions that depend on that parameter), the least
#       such a what-if has to evaluate, and their ratio.
# Every session is run once first, checked to succeed, and its `.diff`
# summary reported. Sessions go to bench/data/repl-*.txt, the table is printed
# and saved to bench/data/repl-results.txt, hyperfine's JSON to
# bench/data/hyperfine-repl.json. The REPL reads BIG in place (what-ifs keep
# only the rows they change), and `.diff` evaluates, with the original facts
# and with the what-ifs, only the subjects a what-if on facts touches, or
# only the decisions that read a changed parameter (docs/repl.md).
set -eu
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"
bench_init repl.sh
RUNS=${RUNS:-5}
[ $# -le 2 ] || die "usage: bench/repl.sh [BIG [SMALL]]"

need hyperfine hyperfine
need sqlite3 sqlite3
need python3 python3
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (Debian: apt-get install -y time)"
need_qpl
"$QPL" check bench/bench.qpl bench/whatif-base.qpl

big=${1:-1M}
small=${2:-100k}
nb=$(size_to_n "$big")
ns=$(size_to_n "$small")
bdb=$(db_for "$nb")
sdb=$(db_for "$ns")

# a provider whose latest inspection as of the date is rated good overall
pid=$(sqlite3 "$bdb" "SELECT p.id FROM providers p WHERE p.commissioner = 'lewisham' AND p.cqc_registered = 1
    AND (SELECT overall FROM inspections i WHERE i.provider_id = p.id AND i.published <= '$AS_OF'
         ORDER BY i.published DESC, i.rowid DESC LIMIT 1) = 'good' ORDER BY p.id LIMIT 1")
[ -n "$pid" ] || die "no provider in $bdb is rated good as of $AS_OF"

quit=$DATA/repl-quit.txt
set1=$DATA/repl-set.txt
param=$DATA/repl-param.txt
printf '.quit\n' > "$quit"
cat > "$set1" <<EOF
.set inspections overall = inadequate where rowid = (SELECT rowid FROM inspections WHERE provider_id = '$pid' AND published <= '$AS_OF' ORDER BY published DESC, rowid DESC LIMIT 1)
.diff
.quit
EOF
cat > "$param" <<EOF
.param sqf_concern_threshold 4
.diff
.quit
EOF

repl() {   # repl DB SESSION
    echo "$QPL repl bench/bench.qpl --db $1 --as-of $AS_OF < $2 > /dev/null"
}
wcmd="$QPL eval bench/whatif-base.qpl --db $sdb --as-of $AS_OF --format jsonl > /dev/null"

# each session once: it must succeed, and its .diff must find the changes
summary() {   # summary DB SESSION: the last line the session prints
    out=$("$QPL" repl bench/bench.qpl --db "$1" --as-of $AS_OF < "$2") || die "the session $2 failed on $1"
    printf '%s\n' "$out" | tail -n 1
}
echo "$PROG: checking the sessions once" >&2
summary "$bdb" "$quit" > /dev/null
set_diff=$(summary "$bdb" "$set1")
param_diff=$(summary "$sdb" "$param")
echo "$PROG: .set on $pid: $set_diff; .param: $param_diff" >&2
case $set_diff$param_diff in
*"no decision differs"*) die "a what-if changed nothing: the sessions would time no work" ;;
esac
rss=$(peak_mb "$(repl "$bdb" "$quit")")

json=$DATA/hyperfine-repl.json
time_alternating "$json" \
    "(a) startup $big" "$(repl "$bdb" "$quit")" \
    "(b) set+diff $big" "$(repl "$bdb" "$set1")" \
    "startup $small" "$(repl "$sdb" "$quit")" \
    "(c) param+diff $small" "$(repl "$sdb" "$param")" \
    "eval whatif-base $small" "$wcmd"

ta=$(median_of "$json" "(a) startup $big")
tb=$(median_of "$json" "(b) set+diff $big")
ts=$(median_of "$json" "startup $small")
tc=$(median_of "$json" "(c) param+diff $small")
tw=$(median_of "$json" "eval whatif-base $small")

{
    echo "qpl repl bench/bench.qpl what-ifs as of $AS_OF: $big ($bdb) and $small ($sdb) providers"
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $("$QPL" --version 2>/dev/null | head -1) ($QPL); $(uname -sr), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "hyperfine: 1 warm-up and $RUNS timed runs of each session, alternating; medians (wall clock)"
    echo "(b) sets the latest inspection of $pid: $set_diff"
    echo "(c) $param_diff"
    echo
    python3 - "$big" "$small" "$ta" "$tb" "$ts" "$tc" "$tw" "$rss" <<'EOF'
import sys
big, small = sys.argv[1:3]
ta, tb, ts, tc, tw = map(float, sys.argv[3:8])
rss = sys.argv[8]
print("| what | size | session (s) | what-if (s) |")
print("| --- | ---: | ---: | ---: |")
print("| (a) startup: `.quit` (peak RSS %s MB) | %s | %.3f | |" % (rss, big, ta))
print("| (b) `.set` latest inspection, `.diff` | %s | %.3f | %.3f |" % (big, tb, tb - ta))
print("| startup: `.quit` | %s | %.3f | |" % (small, ts))
print("| (c) `.param sqf_concern_threshold 4`, `.diff` | %s | %.3f | %.3f |" % (small, tc, tc - ts))
print("| `qpl eval bench/whatif-base.qpl` | %s | %.3f | |" % (small, tw))
print()
print("(c) what-if / eval of the decisions that depend on the parameter: %.2f" % ((tc - ts) / tw))
EOF
} | tee "$DATA/repl-results.txt"
