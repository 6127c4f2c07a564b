#!/bin/sh
# Golden diagnostics: each tests/diag/NAME.qpl is checked and its stderr and
# exit status compared with NAME.expected.
QPL=$1
fail=0
n=0
for f in tests/diag/*.qpl; do
    [ -e "$f" ] || continue
    exp=${f%.qpl}.expected
    out=$("$QPL" check "$f" 2>&1 >/dev/null; echo "exit: $?")
    n=$((n + 1))
    if [ "$out" != "$(cat "$exp" 2>/dev/null)" ]; then
        echo "  diagnostics differ for $f:"
        printf '%s\n' "$out" | diff "$exp" - | sed 's/^/    /' | head -20
        fail=1
    fi
done
echo "  $n diagnostic cases"
exit $fail
