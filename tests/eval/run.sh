#!/bin/sh
# Golden tests of `qpl eval`.
# usage: tests/eval/run.sh QPL        (from the repository root; QPL is ./qpl or build/qpl-san)
#
# A case is a pair tests/eval/NAME.args + tests/eval/NAME.expected, where NAME
# is GROUP or GROUP.VARIANT. Files of a case:
#   GROUP.sql       optional: SQL (mostly INSERTs) run with the sqlite3 CLI into a
#                   fresh database made from stdlib/schema.sql; the cases of a
#                   group share it, and their policy is usually GROUP.qpl
#   NAME.args       the arguments after `qpl eval`, in shell syntax. Variables:
#                     $DB   the case database ($TMP/cases.db)
#                     $LOG  a decision-log path ($TMP/log.db, absent at first)
#                     $TMP  the case's scratch directory
#   NAME.pre        optional: shell commands run before qpl (same variables, and
#                   $QPL); they must succeed; their output is not compared
#   NAME.post       optional: shell commands run after qpl; their output is
#                   compared too
#   NAME.expected   what qpl wrote to stdout, then `--- stderr` and what it
#                   wrote to stderr (when it wrote anything), then `exit: N`,
#                   then `--- post` and the output of NAME.post (when there is
#                   one). The scratch directory's path is written as $TMP.
# Every case also checks that qpl left the case database byte-for-byte unchanged.
# With QPL_EVAL_SAVE=DIR set, each case's actual output is also kept as DIR/NAME.actual.
QPL=$1
if [ -z "$QPL" ]; then
    echo "usage: tests/eval/run.sh QPL" >&2
    exit 2
fi
case $QPL in
    */*) ;;
    *) QPL=./$QPL ;;
esac
# Pin the standard library (and so the paths in diagnostics) to this tree.
QPL_PATH=stdlib
# The text view wraps to $COLUMNS when it is set; the goldens are 80 wide.
unset COLUMNS
# The cases with --jobs split even these small databases into many ranges
# (of two subjects each; the default is a few hundred).
QPL_JOBS_CHUNK=2
export QPL QPL_PATH QPL_JOBS_CHUNK
dir=tests/eval
fail=0
n=0
nfail=0
for args in "$dir"/*.args; do
    [ -e "$args" ] || continue
    name=${args%.args}
    base=${name##*/}
    group=${base%%.*}
    n=$((n + 1))
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/qpl-eval.XXXXXX")
    DB=$TMP/cases.db
    LOG=$TMP/log.db
    export TMP DB LOG
    problem=
    if ! sqlite3 -bail "$DB" <stdlib/schema.sql >"$TMP/sql.out" 2>&1; then
        problem="stdlib/schema.sql does not load"
    elif [ -e "$dir/$group.sql" ] && ! sqlite3 -bail "$DB" <"$dir/$group.sql" >"$TMP/sql.out" 2>&1; then
        problem="$dir/$group.sql does not load: $(cat "$TMP/sql.out")"
    elif [ -e "$name.pre" ] && ! sh -e "$name.pre" >"$TMP/pre.out" 2>&1; then
        problem="$name.pre failed: $(cat "$TMP/pre.out")"
    fi
    if [ -z "$problem" ]; then
        before=$(sha256sum <"$DB")
        # The arguments, one line (newlines in NAME.args separate words).
        words=$(tr '\n' ' ' <"$args")
        eval "set -- $words"
        "$QPL" eval "$@" >"$TMP/stdout" 2>"$TMP/stderr"
        status=$?
        {
            cat "$TMP/stdout"
            if [ -s "$TMP/stderr" ]; then
                echo "--- stderr"
                cat "$TMP/stderr"
            fi
            echo "exit: $status"
            if [ -e "$name.post" ]; then
                echo "--- post"
                sh "$name.post" 2>&1
            fi
        } | sed "s|$TMP|\$TMP|g" >"$TMP/actual"
        after=$(sha256sum <"$DB")
        [ -n "$QPL_EVAL_SAVE" ] && cp "$TMP/actual" "$QPL_EVAL_SAVE/$base.actual"
        if [ "$before" != "$after" ]; then
            problem="qpl eval changed the case database"
        elif ! cmp -s "$name.expected" "$TMP/actual"; then
            if [ -e "$name.expected" ]; then
                problem="output differs from $name.expected:
$(diff "$name.expected" "$TMP/actual" | head -40)"
            else
                problem="no $name.expected; qpl printed:
$(head -40 "$TMP/actual")"
            fi
        fi
    fi
    if [ -n "$problem" ]; then
        echo "  FAIL $base: $problem" | sed '2,$s/^/    /'
        fail=1
        nfail=$((nfail + 1))
    fi
    rm -rf "$TMP"
done
# A golden without its arguments is a case that silently stopped running.
for exp in "$dir"/*.expected; do
    [ -e "$exp" ] || continue
    if [ ! -e "${exp%.expected}.args" ]; then
        echo "  FAIL ${exp##*/}: no ${exp%.expected}.args"
        fail=1
        nfail=$((nfail + 1))
    fi
done
echo "  $n eval cases, $nfail failed"
exit $fail
