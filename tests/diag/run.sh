#!/bin/sh
# Golden diagnostics: each tests/diag/NAME.qpl is checked and its stderr and
# exit status compared with NAME.expected. When NAME.args exists, it holds
# the arguments of `qpl check` instead ($F stands for the file).
QPL=$1
fail=0
n=0
for f in tests/diag/*.qpl; do
    [ -e "$f" ] || continue
    exp=${f%.qpl}.expected
    if [ -e "${f%.qpl}.args" ]; then
        args=$(sed "s|\$F|$f|g" "${f%.qpl}.args")
        # shellcheck disable=SC2086
        out=$("$QPL" check $args 2>&1 >/dev/null; echo "exit: $?")
    else
        out=$("$QPL" check "$f" 2>&1 >/dev/null; echo "exit: $?")
    fi
    n=$((n + 1))
    if [ "$out" != "$(cat "$exp" 2>/dev/null)" ]; then
        echo "  diagnostics differ for $f:"
        printf '%s\n' "$out" | diff "$exp" - | sed 's/^/    /' | head -20
        fail=1
    fi
done
echo "  $n diagnostic cases"
exit $fail
