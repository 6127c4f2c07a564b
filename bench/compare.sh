#!/bin/sh
# compare.sh: check that `qpl eval bench/bench.qpl` and the hand-written SQL
# (bench/bench.sql) give byte-identical JSON Lines on a generated database.
#
# usage: bench/compare.sh [N]          (default N = 10000 providers)
#   QPL=path/to/qpl  the interpreter to check (default: ./qpl, built by `make qpl`)
#   AS_OF="D1 D2"    as-of dates to compare (default: the benchmark's 2025-01-31
#                    plus dates that exercise month-end clamping)
# It checks an all-Lewisham database and a mixed one (70% Lewisham), which
# are generated once and cached in bench/data/. Exit status 0 when all match.
set -eu
cd "$(dirname "$0")/.."
QPL=${QPL:-./qpl}
N=${1:-10000}
AS_OF=${AS_OF:-"2025-01-31 2024-08-31 2024-02-29 2025-03-31"}
DATA=bench/data
mkdir -p "$DATA"
[ -x "$QPL" ] || { echo "compare.sh: no $QPL: run \`make qpl\` first" >&2; exit 2; }
"$QPL" check bench/bench.qpl

status=0
for mix in lewisham mixed; do
    if [ "$mix" = lewisham ]; then db=$DATA/providers-$N.db; else db=$DATA/providers-$N-mixed.db; fi
    [ -f "$db" ] || python3 bench/gen.py "$N" "$db" --commissioners "$mix"
    for d in $AS_OF; do
        q=$DATA/compare-qpl.jsonl s=$DATA/compare-sql.jsonl
        "$QPL" eval bench/bench.qpl --db "$db" --as-of "$d" --format jsonl > "$q"
        sed "s/'2025-01-31' AS as_of/'$d' AS as_of/" bench/bench.sql | sqlite3 "$db" > "$s"
        lines=$(wc -l < "$q")
        if cmp -s "$q" "$s"; then
            echo "same     $db as of $d: $lines lines identical"
        elif [ "$(sort "$q" | md5sum)" = "$(sort "$s" | md5sum)" ]; then
            echo "ORDER    $db as of $d: the same $lines lines, in a different order"
            status=1
        else
            echo "DIFFERENT $db as of $d: qpl $lines lines, sql $(wc -l < "$s") lines; differing qpl lines by decision:"
            diff "$q" "$s" | grep '^<' | grep -o '"decision":"[a-z0-9_]*"' | sort | uniq -c || true
            echo "  first differences (< qpl, > sql):"
            diff "$q" "$s" | grep '^[<>]' | head -4 || true
            status=1
        fi
    done
done
rm -f "$DATA/compare-qpl.jsonl" "$DATA/compare-sql.jsonl"
exit $status
