#!/bin/sh
# `make demo`: build the example case database and evaluate the three bundled
# policies against it as of 2025-01-31, as tables.
set -e
QPL=${1:-./qpl}
DB=examples/demo.db
if [ ! -f "$DB" ] || [ examples/demo.sql -nt "$DB" ] || [ stdlib/schema.sql -nt "$DB" ]; then
    rm -f "$DB"
    "$QPL" init-db "$DB" >/dev/null
    sqlite3 "$DB" < examples/demo.sql
fi
for policy in somerset lambeth lewisham; do
    echo "==== policies/$policy.qpl (as of 2025-01-31)"
    "$QPL" check "policies/$policy.qpl"
    "$QPL" eval "policies/$policy.qpl" --db "$DB" --as-of 2025-01-31
    echo
done
