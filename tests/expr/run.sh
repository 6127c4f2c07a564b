#!/bin/sh
# Expression tests, in the manner of jq's tests/jq.test. Each tests/expr/*.test
# file is a list of cases separated by blank lines; a case is one line typed at
# the `qpl repl` prompt followed by the lines it must print (none for a
# definition). Lines starting with `#` are comments; a first line
# `#args: ...` replaces the default REPL arguments. Every file is run as one
# session (in order, so definitions carry over to later cases), with
# standard input not a terminal, and compared case by case.
# usage: tests/expr/run.sh QPL
QPL=$1
[ -n "$QPL" ] || { echo "usage: tests/expr/run.sh QPL" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/qpl-expr.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
total=0
failed=0
for t in tests/expr/*.test; do
    [ -e "$t" ] || continue
    args=$(sed -n 's/^#args: //p' "$t" | head -n 1)
    [ -n "$args" ] || args="tests/expr/expr.qpl --as-of 2025-01-31"
    # the lines typed, and the expected output of each case after a marker
    awk -v IN="$tmp/in" -v EXP="$tmp/exp" '
        /^#/ { next }
        /^[ \t]*$/ { inblock = 0; next }
        {
            if (!inblock) { inblock = 1; n++; print > IN; printf "@@ %d\n", n > EXP }
            else print > EXP
        }
        END { if (!n) { printf "" > IN; printf "" > EXP } }
    ' "$t"
    # shellcheck disable=SC2086
    "$QPL" repl $args --echo < "$tmp/in" > "$tmp/out" 2>&1
    # the actual output of each case: what follows its echoed prompt line
    awk '/^qpl( [^>]*)?> / { n++; printf "@@ %d\n", n; next } { print }' "$tmp/out" > "$tmp/act"
    # compare: failures are printed, the last line is "COUNT cases failed"
    awk -v FILE="$t" '
        { f = FILENAME == ARGV[1] ? 1 : FILENAME == ARGV[2] ? 2 : 3 }
        f == 1 { input[++ni] = $0; next }
        /^@@ [0-9]+$/ { c = $2; if (f == 2 && c > nc) nc = c; if (f == 3 && c > na) na = c; next }
        f == 2 { want[c] = want[c] "    " $0 "\n"; next }
        f == 3 { got[c] = got[c] "    " $0 "\n"; next }
        END {
            bad = 0
            for (i = 1; i <= nc; i++) {
                if (want[i] != got[i]) {
                    bad++
                    printf "  FAIL %s case %d: %s\n  expected:\n%s  got:\n%s", FILE, i, input[i], want[i], got[i]
                }
            }
            if (na > nc) {
                bad++
                printf "  FAIL %s: more output than cases:\n%s", FILE, got[na]
            }
            printf "COUNT %d %d\n", nc, bad
        }
    ' "$tmp/in" "$tmp/exp" "$tmp/act" > "$tmp/result"
    grep -v '^COUNT ' "$tmp/result"
    set -- $(sed -n 's/^COUNT //p' "$tmp/result")
    n=${1:-0}
    bad=${2:-1}
    total=$((total + n))
    failed=$((failed + bad))
    if grep -q -E 'AddressSanitizer|LeakSanitizer|runtime error:' "$tmp/out"; then
        echo "  FAIL $t: the sanitizers reported an error:"
        grep -E -A5 'AddressSanitizer|LeakSanitizer|runtime error:' "$tmp/out" | head -20 | sed 's/^/    /'
        failed=$((failed + 1))
    fi
done
echo "  $total expression cases, $((total - failed < 0 ? 0 : total - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
