#!/bin/sh
# Runs every test suite against a qpl binary (and again under the sanitizers).
# usage: tests/run.sh QPL QPL_SANITIZED DATE_TEST LANG_TEST
QPL=$1
SAN=$2
DATE_TEST=$3
LANG_TEST=$4
failed=0

run_suite() {
    name=$1
    shift
    if "$@"; then
        echo "PASS  $name"
    else
        echo "FAIL  $name"
        failed=1
    fi
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for bin in "$QPL" "$SAN"; do
    echo "== suites with $bin"
    run_suite "date arithmetic (unit)" "$DATE_TEST" stdlib/calendars/england_and_wales.csv
    run_suite "vocabulary (unit)"      "$LANG_TEST" docs/language.md
    run_suite "diagnostics (golden)"   sh tests/diag/run.sh "$bin"
    run_suite "expressions"            sh tests/expr/run.sh "$bin"
    run_suite "eval (golden jsonl)"    sh tests/eval/run.sh "$bin"
    run_suite "policies (qpl test)"    sh tests/policies/run.sh "$bin"
    run_suite "repl (transcripts)"     sh tests/repl/run.sh "$bin"
    run_suite "limits (long and many)" sh tests/limits/run.sh "$bin"
    run_suite "report (HTML in chromium)" sh tests/report/run.sh "$bin"
    run_suite "faults (fault injection)" sh tests/faults/run.sh "$bin"
    run_suite "faults, eval --jobs 2"  env QPL_FAULTS_JOBS=2 sh tests/faults/run.sh "$bin"
done
run_suite "sources under clang"    sh tests/build/run.sh
run_suite "rebuilt when flags change" sh tests/build/flags.sh
exit $failed
