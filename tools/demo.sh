#!/bin/sh
# `make demo`: build the example case databases and evaluate the five bundled
# policies against them: Somerset, Lambeth and Lewisham on examples/demo.db
# (the reference schema), Leicestershire and North Lincolnshire each on a
# database of its own tables (`qpl init-db --policy`), in the text view.
set -e
QPL=${1:-./qpl}

# build DB from SQL with the reference schema (and POLICY's tables, if given), when out of date
build() {
    db=$1 sql=$2 policy=$3
    if [ ! -f "$db" ] || [ "$sql" -nt "$db" ] || [ stdlib/schema.sql -nt "$db" ] ||
        { [ -n "$policy" ] && [ "$policy" -nt "$db" ]; }; then
        rm -f "$db"
        if [ -n "$policy" ]; then
            "$QPL" init-db "$db" --policy "$policy" >/dev/null
        else
            "$QPL" init-db "$db" >/dev/null
        fi
        sqlite3 "$db" < "$sql"
    fi
}

# show POLICY on DB as of DATE
show() {
    echo "==== $1 (as of $3)"
    "$QPL" check --strict "$1"
    "$QPL" eval "$1" --db "$2" --as-of "$3" --format text --color never
    echo
}

build examples/demo.db examples/demo.sql ""
build examples/leicestershire.db examples/leicestershire.sql policies/leicestershire.qpl
build examples/northlincs.db examples/northlincs.sql policies/northlincs.qpl
for policy in somerset lambeth lewisham; do
    show "policies/$policy.qpl" examples/demo.db 2025-01-31
done
show policies/leicestershire.qpl examples/leicestershire.db 2025-01-31
show policies/northlincs.qpl examples/northlincs.db 2014-09-30
