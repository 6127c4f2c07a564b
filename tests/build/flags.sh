#!/bin/sh
# Objects are rebuilt when the compiler or its flags change (build/o/flags):
# in a copy of the tree as `make qpl` left it, `make qpl` has nothing to do,
# and with other optimisation flags it recompiles every object.
set -u
[ -x qpl ] && [ -f build/o/flags ] || { echo "  no build to copy: run make qpl first" >&2; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/build"
cp -a Makefile src grammar tools qpl "$tmp/" && cp -a build/o build/gen build/deps.stamp "$tmp/build/" || exit 1
cd "$tmp" || exit 1
fail=0
if make -q qpl; then
    echo "  ok   make qpl: up to date after the build"
else
    echo "  FAIL make qpl: would rebuild what is up to date"; fail=1
fi
n=$(make -n qpl OPT=-O0 | grep -c -- ' -O0 .* -c src/')
total=$(ls src/*/*.c src/*/*/*.c | wc -l)
if [ "$n" -eq "$total" ]; then
    echo "  ok   make qpl OPT=-O0: recompiles all $n objects of src/"
else
    echo "  FAIL make qpl OPT=-O0: recompiles $n of $total objects of src/"; fail=1
fi
exit $fail
