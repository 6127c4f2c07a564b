#!/bin/sh
# Limits that used to truncate or misname: each case builds an input larger
# than an old fixed-size buffer and checks the answer exactly (jq parses the
# JSON Lines; a checksum compares what went in with what came out).
# usage: tests/limits/run.sh QPL
QPL=$1
[ -n "$QPL" ] || { echo "usage: tests/limits/run.sh QPL" >&2; exit 2; }
case $QPL in /*) ;; *) QPL=$PWD/$QPL ;; esac
QPL_PATH=$PWD/stdlib
export QPL_PATH
T=$(mktemp -d "${TMPDIR:-/tmp}/qpl-limits.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
n=0
failed=0

# check NAME CONDITION-COMMAND...: count a case, report it when the command fails.
check() {
    name=$1
    shift
    n=$((n + 1))
    if ! "$@"; then
        echo "  FAIL $name"
        failed=$((failed + 1))
    fi
}

# A database with the reference schema and one Somerset provider with id $1 and name $2.
provider_db() {
    rm -f "$T/db"
    sqlite3 "$T/db" < stdlib/schema.sql
    printf "INSERT INTO providers (id, name, commissioner, service_type, cqc_registered) VALUES ('%s', '%s', 'somerset', 'other', 1);\n" \
        "$1" "$2" | sqlite3 "$T/db"
}

# A string of n copies of a character.
repeat() {
    awk -v n="$1" -v c="$2" 'BEGIN { s = ""; while (n-- > 0) s = s c; printf "%s", s }'
}

cat > "$T/name.qpl" <<'QPL'
policy limits "limits"
use reference
for provider
decide label: text
  = name
QPL

# 1. A JSON line over 64 KiB is whole, valid JSON.
long=$(repeat 70000 x)
provider_db P1 "$long"
"$QPL" eval "$T/name.qpl" --db "$T/db" --as-of 2025-01-31 --format jsonl > "$T/out" 2> "$T/err"
check "a 70 KB jsonl line parses with jq" sh -c "jq -s -e '.[0].value | length == 70000' < '$T/out' > /dev/null"

# 2. A 1 MB id comes out exactly as it went in.
id=$(repeat 1048576 i)
provider_db "$id" "Big id"
"$QPL" eval "$T/name.qpl" --db "$T/db" --as-of 2025-01-31 --format jsonl > "$T/out" 2> "$T/err"
want=$(printf '%s' "$id" | sha256sum)
got=$(jq -j .id < "$T/out" | sha256sum)
check "a 1 MB id round-trips" test "$want" = "$got"

# 3. A record of 100 columns names the 100th in its reason (c64 and c100 are NULL).
awk 'BEGIN {
    printf "CREATE TABLE wide (id TEXT PRIMARY KEY"; for (i = 1; i <= 100; i++) printf ", c%d INTEGER", i; print ");"
    printf "INSERT INTO wide (id"; for (i = 1; i < 100; i++) if (i != 64) printf ", c%d", i; printf ") VALUES (%cW1%c", 39, 39
    for (i = 1; i < 100; i++) if (i != 64) printf ", %d", i; print ");"
}' > "$T/wide.sql"
rm -f "$T/db"
sqlite3 "$T/db" < "$T/wide.sql"
awk 'BEGIN {
    print "policy wide \"wide\""; print "record wide from wide key id:"; print "    id: text required"
    for (i = 1; i <= 100; i++) printf "    c%d: number\n", i
    print "for wide"; print "decide sum_of_ends: number"; print "  = c100 + c1"
}' > "$T/wide.qpl"
"$QPL" eval "$T/wide.qpl" --db "$T/db" --as-of 2025-01-31 --format jsonl > "$T/out" 2> "$T/err"
check "the 100th column is named in its reason" sh -c "jq -s -e '.[0].reason == \"wide W1: c100 is not recorded\"' < '$T/out' > /dev/null"

# 4. A ladder of 300 stages reaches its top stage; a decision of 300 branches its last.
awk 'BEGIN {
    print "policy stages \"stages\""; print "use reference"
    printf "scale level: s0"; for (i = 1; i <= 300; i++) printf " < s%d", i; print ""
    print "for provider"; print "ladder stage: level"
    for (i = 1; i <= 300; i++) printf "  s%d when %s\n", i, i == 300 ? "cqc_registered" : "not cqc_registered"
    print "  s0 otherwise"
    print "decide branch: number"
    for (i = 1; i < 300; i++) printf "  %d when not cqc_registered\n", i
    print "  300 otherwise"
}' > "$T/stages.qpl"
provider_db P1 "Stages"
"$QPL" eval "$T/stages.qpl" --db "$T/db" --as-of 2025-01-31 --format jsonl > "$T/out" 2> "$T/err"
check "a 300-stage ladder reaches s300" sh -c "jq -s -e 'map(select(.decision == \"stage\"))[0].value == \"s300\"' < '$T/out' > /dev/null"
check "a 300-branch decision takes its last" sh -c "jq -s -e 'map(select(.decision == \"branch\"))[0].value == 300' < '$T/out' > /dev/null"

# 5. 200 --param flags are all applied.
awk 'BEGIN {
    print "policy params \"params\""; print "use reference"
    for (i = 1; i <= 200; i++) printf "param p%d = 0\n", i
    print "for provider"; printf "decide total: number\n  = p1"
    for (i = 2; i <= 200; i++) printf " + p%d", i; print ""
}' > "$T/params.qpl"
set --
i=1
while [ $i -le 200 ]; do
    set -- "$@" --param "p$i=$i"
    i=$((i + 1))
done
"$QPL" eval "$T/params.qpl" --db "$T/db" --as-of 2025-01-31 --format jsonl "$@" > "$T/out" 2> "$T/err"
check "200 --param flags add up to 20100" sh -c "jq -s -e '.[0].value == 20100' < '$T/out' > /dev/null"

# 5b. Among 600 parameters, a misspelt name gets the right suggestion (the
# candidates were once capped at 128 or 400, and the wrong name suggested).
awk 'BEGIN {
    print "policy params \"params\""; print "use reference"
    for (i = 1; i <= 600; i++) printf "param p%d = 0\n", i
    print "for provider"; print "decide total: number = p600x"
}' > "$T/many.qpl"
"$QPL" check "$T/many.qpl" > "$T/out" 2> "$T/err"
check "an unknown name among 600 parameters suggests p600" grep -q "did you mean .p600.?" "$T/err"
sed 's/= p600x/= p600/' "$T/many.qpl" > "$T/many2.qpl"
"$QPL" eval "$T/many2.qpl" --db "$T/db" --as-of 2025-01-31 --param p600x=1 > "$T/out" 2> "$T/err"
check "--param with a misspelt name among 600 suggests p600" grep -q "did you mean .p600.?" "$T/err"

# 6. A chain of 200 definitions evaluates; one of 2,000 is refused by check, naming the limit.
awk -v n=200 'BEGIN {
    print "policy chain \"chain\""; print "use reference"; print "for provider"; print "let a0 = 1"
    for (i = 1; i < n; i++) printf "let a%d = a%d + 1\n", i, i - 1
    printf "decide chained: number = a%d\n", n - 1
}' > "$T/chain.qpl"
"$QPL" eval "$T/chain.qpl" --db "$T/db" --as-of 2025-01-31 --format jsonl > "$T/out" 2> "$T/err"
check "a chain of 200 lets evaluates to 200" sh -c "jq -s -e '.[0].value == 200' < '$T/out' > /dev/null"
awk -v n=2000 'BEGIN {
    print "policy chain \"chain\""; print "use reference"; print "for provider"; print "let a0 = 1"
    for (i = 1; i < n; i++) printf "let a%d = a%d + 1\n", i, i - 1
    printf "decide chained: number = a%d\n", n - 1
}' > "$T/chain2.qpl"
"$QPL" check "$T/chain2.qpl" > "$T/out" 2> "$T/err"
status=$?
check "a chain of 2000 lets is refused by check with the limit named" \
    sh -c "[ $status -eq 1 ] && grep -q 'more than 1000 levels' '$T/err'"

# 7. --jobs prints what one thread prints, byte for byte: on generated
#    databases (bench/gen.py; its rows in date order, so each range's rows lie
#    apart) split into ranges of 50 providers (QPL_JOBS_CHUNK), and of the
#    default sizes; every format, explained; ranges whose text (JSON Lines,
#    made by the workers) is more than a range may hold before its turn; and
#    the bundled Somerset policy. --jobs 2 reads the subjects ahead on a
#    second thread instead of splitting them (run_pipe.c): every format,
#    explained, and both policies.
python3 bench/gen.py 3000 "$T/gen.db" --seed 7 --commissioners mixed > /dev/null 2>&1
python3 bench/gen.py 800 "$T/som.db" --seed 7 --commissioners somerset > /dev/null 2>&1
same_with_jobs() {
    db=$1 jobs=$2 chunk=$3
    shift 3
    "$QPL" eval "$@" --db "$db" --as-of 2025-01-31 > "$T/one" 2> "$T/err.one"
    st1=$?
    QPL_JOBS_CHUNK=$chunk "$QPL" eval "$@" --db "$db" --as-of 2025-01-31 --jobs "$jobs" > "$T/many" 2> "$T/err"
    stn=$?
    [ -s "$T/one" ] && [ "$st1" = "$stn" ] && cmp -s "$T/one" "$T/many" && cmp -s "$T/err.one" "$T/err"
}
for fmt in jsonl csv text table; do
    check "--jobs 4 prints what --jobs 1 prints, in ranges of 50 ($fmt --explain)" \
        same_with_jobs "$T/gen.db" 4 50 bench/bench.qpl --format "$fmt" --explain
done
for fmt in jsonl table; do
    check "--jobs 3 prints what --jobs 1 prints, in ranges of the default size ($fmt)" \
        same_with_jobs "$T/gen.db" 3 "" bench/bench.qpl --format "$fmt"
done
check "--jobs 3 prints what --jobs 1 prints when a range's text waits its turn (jsonl --explain, ranges of 1500)" \
    same_with_jobs "$T/gen.db" 3 1500 bench/bench.qpl --format jsonl --explain
for fmt in jsonl csv text table; do
    check "--jobs 2 (read ahead) prints what --jobs 1 prints ($fmt --explain)" \
        same_with_jobs "$T/gen.db" 2 "" bench/bench.qpl --format "$fmt" --explain
done
check "--jobs 2 (read ahead) prints what --jobs 1 prints for policies/somerset.qpl (jsonl --explain)" \
    same_with_jobs "$T/som.db" 2 "" policies/somerset.qpl --format jsonl --explain
lewisham=$(sqlite3 "$T/gen.db" "SELECT count(*) FROM providers WHERE commissioner = 'lewisham'")
check "--jobs 4 decides about every Lewisham provider once, in id order (jq)" sh -c \
    "QPL_JOBS_CHUNK=50 '$QPL' eval bench/bench.qpl --db '$T/gen.db' --as-of 2025-01-31 --format jsonl --jobs 4 |
     jq -s -e 'map(.id) | (unique | length) == $lewisham and . == sort and length == 17 * $lewisham' > /dev/null"
check "--jobs 3 prints what --jobs 1 prints for policies/somerset.qpl (jsonl --explain)" \
    same_with_jobs "$T/som.db" 3 50 policies/somerset.qpl --format jsonl --explain

# 8. Past the memory its scans may hold rows back in, a reader fetches each
#    row by rowid (QPL_HELD_BUDGET sets that memory, in bytes): from the
#    first row held (0) and halfway through (200 KB), with one thread and
#    with the ranges of --jobs 3, it prints what it prints within the budget.
same_past_budget() {
    budget=$1 chunk=$2
    shift 2
    QPL_JOBS_CHUNK=$chunk "$QPL" eval "$@" --as-of 2025-01-31 > "$T/one" 2> "$T/err.one"
    st1=$?
    QPL_JOBS_CHUNK=$chunk QPL_HELD_BUDGET=$budget "$QPL" eval "$@" --as-of 2025-01-31 > "$T/many" 2> "$T/err"
    stn=$?
    [ -s "$T/one" ] && [ "$st1" = "$stn" ] && cmp -s "$T/one" "$T/many" && cmp -s "$T/err.one" "$T/err"
}
for budget in 0 200000; do
    check "rows past a held budget of $budget bytes are fetched by rowid, the output unchanged (jsonl --explain)" \
        same_past_budget "$budget" "" bench/bench.qpl --db "$T/gen.db" --format jsonl --explain
    check "the same with --jobs 3 in ranges of 50 (jsonl --explain)" \
        same_past_budget "$budget" 50 bench/bench.qpl --db "$T/gen.db" --format jsonl --explain --jobs 3
    check "the same for policies/somerset.qpl (jsonl --explain)" \
        same_past_budget "$budget" "" policies/somerset.qpl --db "$T/som.db" --format jsonl --explain
done

for f in "$T"/err; do
    if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$f"; then
        echo "  FAIL the sanitizers reported an error"
        failed=$((failed + 1))
    fi
done
echo "  $n limit cases, $failed failed"
[ "$failed" -eq 0 ]
