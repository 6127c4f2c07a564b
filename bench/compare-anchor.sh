#!/bin/sh
# compare-anchor.sh: check that `qpl eval bench/bench.qpl` and the benchmark's
# anchor SQL (../shared/bench/anchor.sql) make the same decisions.
#
# usage: bench/compare-anchor.sh [N]    (default N = 10000 providers)
#   QPL=path/to/qpl   the interpreter to check (default: ./qpl, from `make qpl`)
#   ANCHOR=path       the anchor SQL (default: ../shared/bench/anchor.sql,
#                     relative to the repository)
#   AS_OF="D1 D2"     as-of dates to compare (default: the benchmark's 2025-01-31
#                     plus dates that exercise month-end clamping)
#
# The anchor prints its lines in another order than qpl, without the `as_of`
# and `applicable` keys, and with reason texts of an earlier qpl (see its
# header), so the lines are not compared byte for byte: each line is reduced
# with jq to [subject, id, decision, value], the lists are sorted, and they
# must be equal. It checks an all-Lewisham database and a mixed one (70%
# Lewisham), generated once and cached in bench/data/. Exit status 0 when
# all match, 1 otherwise.
set -eu
AS_OF_LIST=${AS_OF:-"2025-01-31 2024-08-31 2024-02-29 2025-03-31"}
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"
bench_init compare-anchor.sh
N=$(size_to_n "${1:-10000}")

need jq jq
need sqlite3 sqlite3
need python3 python3
need_qpl
[ -f "$ANCHOR" ] || die "no anchor SQL at $ANCHOR: set ANCHOR=path/to/anchor.sql"
"$QPL" check bench/bench.qpl

keys() {
    jq -c '[.subject, .id, .decision, .value]' | LC_ALL=C sort
}

out=$DATA/compare-anchor.jsonl
q=$DATA/compare-anchor-qpl.keys
a=$DATA/compare-anchor-sql.keys
status=0
for mix in lewisham mixed; do
    db=$(db_for "$N" "$mix")
    for d in $AS_OF_LIST; do
        "$QPL" eval bench/bench.qpl --db "$db" --as-of "$d" --format jsonl > "$out" || die "qpl eval failed on $db as of $d"
        keys < "$out" > "$q"
        sed "s/'2025-01-31' AS as_of/'$d' AS as_of/" "$ANCHOR" | sqlite3 "$db" > "$out" || die "the anchor failed on $db as of $d"
        keys < "$out" > "$a"
        lines=$(wc -l < "$q")
        if cmp -s "$q" "$a"; then
            echo "same      $db as of $d: $lines decisions agree"
        else
            echo "DIFFERENT $db as of $d: qpl $lines lines, anchor $(wc -l < "$a") lines; qpl's lines not in the anchor's, by decision:"
            LC_ALL=C comm -23 "$q" "$a" | jq -r '.[2]' | sort | uniq -c || true
            echo "  first differences (< qpl, > anchor):"
            diff "$q" "$a" | grep '^[<>]' | head -6 || true
            status=1
        fi
    done
done
rm -f "$out" "$q" "$a"
exit $status
