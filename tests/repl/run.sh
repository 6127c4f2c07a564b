#!/bin/sh
# Golden REPL transcripts: each tests/repl/NAME.in is typed into `qpl repl`
# (standard input not a terminal, with --echo) and its standard output and
# error, then a line `exit: N`, compared with NAME.out.
#
# Lines of NAME.in that the REPL reads as comments also drive this script:
#   #args: ARGS        the REPL's arguments (the first such line; default
#                      tests/repl/small.qpl --db $DB --as-of 2025-01-31)
#   #setup: COMMAND    a shell command run before the session
#   #midway: COMMAND   a shell command run once the REPL has read the lines
#                      before it (e.g. to edit the policy before .reload)
# $DB is the demo database (stdlib/schema.sql + examples/demo.sql, built here
# with the sqlite3 command), $TMP a scratch directory; $TMP is written as
# `$TMP` in the transcripts. The demo database's checksum must not change.
# Then tests/repl/pty.sh drives the REPL through a terminal. To write the .out
# files afresh (then review them with git diff): QPL_UPDATE_TRANSCRIPTS=1.
# usage: tests/repl/run.sh QPL
QPL=$1
[ -n "$QPL" ] || { echo "usage: tests/repl/run.sh QPL" >&2; exit 2; }
case $QPL in /*) ;; *) QPL=$PWD/$QPL ;; esac
TMP=$(mktemp -d "${TMPDIR:-/tmp}/qpl-repl.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM
export TMP
unset COLUMNS
DB=$TMP/demo.db
export DB
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "  the sqlite3 command is needed to build the demo database (apt-get install sqlite3)"
    exit 1
fi
sqlite3 "$DB" < stdlib/schema.sql && sqlite3 "$DB" < examples/demo.sql || { echo "  cannot build the demo database"; exit 1; }
sum_before=$(cksum < "$DB")
sum_first=$sum_before

# Feed a transcript's lines to the REPL, running #midway: commands once the
# REPL has echoed them (so has finished everything before).
feed() {
    while IFS= read -r line || [ -n "$line" ]; do
        printf '%s\n' "$line"
        case $line in
        '#midway: '*)
            i=0
            while ! grep -qxF -- "$line" "$2" 2>/dev/null && [ $i -lt 200 ]; do
                sleep 0.05
                i=$((i + 1))
            done
            eval "${line#\#midway: }" >/dev/null
            ;;
        esac
    done < "$1"
}

n=0
fail=0
for t in tests/repl/*.in; do
    [ -e "$t" ] || continue
    n=$((n + 1))
    want=${t%.in}.out
    args=$(sed -n 's/^#args: //p' "$t" | head -n 1)
    [ -n "$args" ] || args='tests/repl/small.qpl --db $DB --as-of 2025-01-31'
    sed -n 's/^#setup: //p' "$t" > "$TMP/setup.sh"
    ( . "$TMP/setup.sh" ) || { echo "  setup failed for $t"; fail=1; continue; }
    out=$TMP/out
    : > "$out"
    eval "set -- $args"
    feed "$t" "$out" | { "$QPL" repl "$@" --echo > "$out" 2>&1; echo "exit: $?" >> "$out"; }
    sed "s#$TMP#\$TMP#g" "$out" > "$TMP/got"
    if [ -n "$QPL_UPDATE_TRANSCRIPTS" ]; then
        cp "$TMP/got" "$want"
    elif ! cmp -s "$want" "$TMP/got"; then
        echo "  transcript differs for $t:"
        diff "$want" "$TMP/got" | head -40 | sed 's/^/    /'
        fail=1
    fi
    if [ "$(cksum < "$DB")" != "$sum_before" ]; then
        echo "  the case database changed during $t"
        fail=1
        sum_before=$(cksum < "$DB")
    fi
done
if [ "$(cksum < "$DB")" = "$sum_first" ]; then
    echo "  $n transcripts; the case database's checksum is unchanged after every session"
fi

sh tests/repl/pty.sh "$QPL" || fail=1
exit $fail
