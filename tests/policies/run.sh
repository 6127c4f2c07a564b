#!/bin/sh
# Fixture cases of the bundled policies, with 100% branch coverage required.
QPL=$1
out=$("$QPL" test --coverage --min-coverage 100 --quiet tests/policies 2>&1)
status=$?
printf '%s\n' "$out" | sed 's/^/  /'
exit $status
