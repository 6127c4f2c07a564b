#!/bin/sh
# Fault-injection suite: the bad inputs and faults of issue #11 (corrupt
# pages, odd schemas, hostile ids, decision logs aimed at the case database,
# fixture SQL that writes files, SQL functions that must not be reachable from
# the REPL, inputs that never end, locks, journals, WAL files, unprintable
# ids), each with the verdict a correct qpl gives.
#
# usage: tests/faults/run.sh QPL [CASE...]
#   QPL    the qpl to test (./qpl, or build/qpl-san for the sanitizer build)
#   CASE   run only these cases: a number (07) or a word of the name (wal)
# Prints one line per failing case saying what was wrong (and SKIP lines),
# then `N fault cases, M failed`. Exit status 0 when every case passed.
# QPL_FAULTS_KEEP=1 keeps the scratch directories (and prints where they are).
# QPL_FAULTS_JOBS=N adds `--jobs N` to every `qpl eval` of the cases: the
# verdicts are the same whatever the threads (tests/run.sh runs it with 2).
#
# Each case is one file tests/faults/cases/NN-name.case (a shell fragment,
# see lib/case.sh for its words): setup() builds the case in its own scratch
# directory $DIR under ${TMPDIR:-/tmp}, run() runs qpl there, and the
# expectations at the file's top level say what a correct qpl does (the
# comment above them says what the user did, and what a correct qpl prints).
# Besides those expectations, every case checks that
#   - qpl finished within the case's time limit (60 s unless it says
#     otherwise) and did not die of a signal;
#   - the sanitizers printed nothing (no AddressSanitizer, LeakSanitizer or
#     `runtime error:` in its output);
#   - the sha256 of every case database it made is unchanged;
#   - no file appeared, changed or vanished in $DIR, except the one decision
#     log path the case names (allow_file);
#   - nothing was left in TMPDIR, which run() gets as an empty directory.
# Messages are matched with case-insensitive extended regexes that require
# the key facts (table, column, cause), not exact wording.
#
# Long inputs: 25-check-million-lets (1,000,000 `let` lines, 120 s) runs with
# the normal build only; with a sanitizer build (build/qpl-san, detected by its
# AddressSanitizer runtime) it is reported as SKIP, and 26-check-200k-lets
# (200,000 lines, 60 s) is the one that runs under both.
#
# Like the other suites, it is meant to run from tests/run.sh (make check)
# with each binary:  run_suite "faults (fault injection)" sh tests/faults/run.sh "$bin"
# A qpl that passes every case takes about a minute; one that hangs costs
# each hanging case its time limit.
#
# Needs only Debian packages: sqlite3 (the command), python3, jq, coreutils
# (timeout, sha256sum, dd, od), findutils, util-linux (mount, setpriv). As
# root, a missing sqlite3, python3 or jq is installed with apt-get, as
# `make check` installs its own dependencies; nothing else is installed.
# 34-wal-read-only-media mounts a tmpfs (root with CAP_SYS_ADMIN), else runs
# qpl as `nobody` on a read-only directory (root, setpriv), else is SKIPped.

QPL=$1
if [ -z "$QPL" ]; then
    echo "usage: tests/faults/run.sh QPL [CASE...]" >&2
    exit 2
fi
shift
case $QPL in
/*) ;;
*/*) QPL=$PWD/$QPL ;;
*) QPL=$(command -v "$QPL") || { echo "tests/faults/run.sh: no qpl at $1" >&2; exit 2; } ;;
esac
[ -x "$QPL" ] || { echo "tests/faults/run.sh: $QPL is not an executable" >&2; exit 2; }
REPO=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
LIB=$REPO/tests/faults/lib
POLICIES=$REPO/policies
QPL_PATH=$REPO/stdlib
export QPL REPO LIB POLICIES QPL_PATH
# The sanitizers' settings of tests/run.sh, when run on its own.
: "${ASAN_OPTIONS:=detect_leaks=1:abort_on_error=0}"
: "${UBSAN_OPTIONS:=print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS UBSAN_OPTIONS
unset QPL_HISTORY

# Test-time dependencies: only Debian packages, only as root, only if missing.
missing=
for tool in sqlite3 python3 jq; do
    command -v $tool >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null 2>&1; }
fi
for tool in sqlite3 python3 timeout sha256sum; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "  the fault suite needs \`$tool\` (apt-get install $tool)"
        exit 1
    fi
done

ROOT=$(mktemp -d "${TMPDIR:-/tmp}/qpl-faults.XXXXXX") || exit 2
if [ -n "$QPL_FAULTS_KEEP" ]; then
    echo "  scratch directories kept in $ROOT"
    trap 'exit 130' INT TERM HUP
else
    trap 'rm -rf "$ROOT"' EXIT
    trap 'rm -rf "$ROOT"; exit 130' INT TERM HUP
fi
DEMO=$ROOT/demo.db
if ! sqlite3 -bail "$DEMO" <"$REPO/stdlib/schema.sql" >"$ROOT/demo.log" 2>&1 ||
    ! sqlite3 -bail "$DEMO" <"$REPO/examples/demo.sql" >>"$ROOT/demo.log" 2>&1; then
    echo "  cannot build the demo database: $(head -c 300 "$ROOT/demo.log")"
    exit 1
fi
chmod 444 "$DEMO"
SANITIZED=0
grep -qa __asan_init "$QPL" 2>/dev/null && SANITIZED=1
export DEMO SANITIZED

# A listing of every entry under a directory: kind, path, and content hash
# (or link target), tab-separated, sorted.
snapshot() {
    (cd "$1" && find . -mindepth 1 -print | LC_ALL=C sort | while IFS= read -r p; do
        if [ -L "$p" ]; then
            printf 'link\t%s\t%s\n' "$p" "$(readlink "$p")"
        elif [ -d "$p" ]; then
            printf 'dir\t%s\t-\n' "$p"
        elif [ -f "$p" ]; then
            printf 'file\t%s\t%s\n' "$p" "$(sha256sum <"$p" | cut -c1-64)"
        else
            printf 'other\t%s\t-\n' "$p"
        fi
    done)
}

# Paths that differ between two snapshots, as `PATH (new|changed|gone)`,
# leaving out the paths listed in the file $3.
snapshot_diff() {
    awk -F '\t' -v allowed="$3" '
        BEGIN { while ((getline line < allowed) > 0) ok[line] = 1 }
        FNR == NR { before[$2] = $1 "\t" $3; next }
        {
            after[$2] = 1
            if (!($2 in before)) { if (!($2 in ok)) print $2 " (new)" }
            else if (before[$2] != $1 "\t" $3 && !($2 in ok)) print $2 " (changed)"
        }
        END { for (p in before) if (!(p in after) && !(p in ok)) print p " (gone)" }
    ' "$1" "$2" | LC_ALL=C sort
}

# The first bytes of a file on one line, for messages.
excerpt() {
    head -c 400 "$1" | LC_ALL=C tr -c '[:print:]' ' ' | cut -c1-${2:-160}
}

# Stop the helper processes a case started (by their process ids).
stop_helpers() {
    [ -s "$WORK/pids" ] || return 0
    while read -r pid; do
        kill "$pid" 2>/dev/null
    done <"$WORK/pids"
    i=0
    while read -r pid; do
        while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
            sleep 0.1
            i=$((i + 1))
        done
        kill -KILL "$pid" 2>/dev/null
    done <"$WORK/pids"
    : >"$WORK/pids"
}

# Run one case file in the current (sub)shell. Prints its FAIL or SKIP line;
# returns 0 (passed), 1 (failed) or 77 (skipped).
run_case() {
    file=$1
    name=$(basename "$file" .case)
    WORK=$(mktemp -d "$ROOT/$name.XXXXXX") || return 1
    DIR=$WORK/dir
    mkdir "$DIR" "$WORK/tmp" "$WORK/expect"
    : >"$WORK/allowed"
    : >"$WORK/case_dbs"
    : >"$WORK/pids"
    : >"$WORK/problems"
    CASE_TIMEOUT=60
    export WORK DIR
    . "$LIB/case.sh"
    . "$file"
    trap 'stop_helpers; type cleanup >/dev/null 2>&1 && (cd "$DIR" && cleanup) >/dev/null 2>&1; exit 130' INT TERM HUP
    problem() { printf '%s\n' "$*" >>"$WORK/problems"; }

    (cd "$DIR" || exit 1; set -e; setup) </dev/null >"$WORK/setup.log" 2>&1
    rc=$?
    if [ $rc -eq 77 ] && [ -e "$WORK/skip" ]; then
        stop_helpers
        type cleanup >/dev/null 2>&1 && (cd "$DIR" && cleanup) >/dev/null 2>&1
        printf '  SKIP %s: %s\n' "$name" "$(cat "$WORK/skip")"
        return 77
    elif [ $rc -ne 0 ]; then
        problem "setup failed (status $rc): $(excerpt "$WORK/setup.log" 300)"
    fi

    if [ ! -s "$WORK/problems" ]; then
        while IFS= read -r db; do
            sha256sum <"$DIR/$db" | cut -c1-64
        done <"$WORK/case_dbs" >"$WORK/dbs.before"
        snapshot "$DIR" >"$WORK/files.before"

        (cd "$DIR" || exit 1; TMPDIR=$WORK/tmp; export TMPDIR; run) </dev/null >"$WORK/stdout" 2>"$WORK/stderr"
        STATUS=$?
        stop_helpers
        OUT=$WORK/stdout
        ERR=$WORK/stderr
        cat "$OUT" "$ERR" >"$WORK/output"
        export OUT ERR STATUS

        # How it ended.
        verdict_checks=1
        if [ $STATUS -eq 124 ] || [ $STATUS -eq 137 ]; then
            problem "hang: qpl was still running after ${CASE_TIMEOUT}s and was stopped"
            verdict_checks=0
        elif [ $STATUS -gt 128 ]; then
            sig=$(kill -l $((STATUS - 128)) 2>/dev/null)
            case $sig in
            SEGV | BUS | ABRT | ILL | FPE | TRAP | SYS) problem "crash: qpl died of signal $((STATUS - 128)) (SIG$sig)" ;;
            *) problem "qpl was killed by signal $((STATUS - 128)) (SIG$sig)" ;;
            esac
            verdict_checks=0
        fi
        if grep -Eq 'AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:' "$WORK/output"; then
            problem "the sanitizers reported: $(grep -Em1 'AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:' "$WORK/output" | cut -c1-160)"
        fi
        if [ $verdict_checks = 1 ] && [ -s "$WORK/expect/answer" ] && [ $STATUS -eq 0 ]; then
            # A right answer is acceptable: it must be exactly the intact data's.
            ref=$(cat "$WORK/expect/answer")
            if ! python3 "$LIB/faults.py" same-jsonl "$ref" "$OUT" >"$WORK/answer.diff"; then
                problem "exit 0 with wrong answers: $(paste -sd";" "$WORK/answer.diff" | cut -c1-300)"
            fi
            verdict_checks=0
        fi
        if [ $verdict_checks = 1 ]; then
            want=$(cat "$WORK/expect/exit" 2>/dev/null || echo 0)
            ok=0
            for w in $want; do
                [ "$w" = "$STATUS" ] && ok=1
            done
            if [ $ok = 0 ]; then
                problem "exit $STATUS, expected $(echo "$want" | sed 's/ / or /g')"
            fi
            for kind in stderr stdout output; do
                case $kind in
                stderr) f=$ERR ;;
                stdout) f=$OUT ;;
                output) f=$WORK/output ;;
                esac
                if [ -s "$WORK/expect/$kind" ]; then
                    unsaid=
                    while IFS= read -r re; do
                        grep -Eiq -e "$re" "$f" || unsaid="$unsaid${unsaid:+, }/$re/"
                    done <"$WORK/expect/$kind"
                    if [ -n "$unsaid" ] && [ -s "$f" ]; then
                        problem "$kind does not say $unsaid ($kind: $(excerpt "$f"))"
                    elif [ -n "$unsaid" ]; then
                        problem "$kind does not say $unsaid ($kind is empty)"
                    fi
                fi
                if [ -s "$WORK/expect/no-$kind" ]; then
                    while IFS= read -r re; do
                        if grep -Eiq -e "$re" "$f"; then
                            problem "$kind says /$re/: $(grep -Eim1 -e "$re" "$f" | LC_ALL=C tr -c '[:print:]' ' ' | cut -c1-160)"
                        fi
                    done <"$WORK/expect/no-$kind"
                fi
            done
        fi
        for kind in answer subset; do
            # (answer_ok with exit 0 was compared in full above)
            if [ -s "$WORK/expect/$kind" ] && { [ $kind = subset ] || [ $STATUS -ne 0 ]; }; then
                ref=$(cat "$WORK/expect/$kind")
                if ! python3 "$LIB/faults.py" same-jsonl --subset "$ref" "$OUT" >"$WORK/subset.diff"; then
                    problem "wrong decisions printed: $(paste -sd";" "$WORK/subset.diff" | cut -c1-300)"
                fi
            fi
        done
        if [ $STATUS -ne 124 ] && [ $STATUS -ne 137 ] && [ $STATUS -le 128 ] && type check >/dev/null 2>&1; then
            (cd "$DIR" && check) >"$WORK/check.out" 2>&1
            while IFS= read -r line; do
                problem "$line"
            done <"$WORK/check.out"
        fi

        # What it touched.
        i=0
        while IFS= read -r db; do
            i=$((i + 1))
            before=$(sed -n "${i}p" "$WORK/dbs.before")
            if [ ! -e "$DIR/$db" ]; then
                problem "the case database $db is gone"
            elif [ "$(sha256sum <"$DIR/$db" | cut -c1-64)" != "$before" ]; then
                problem "the case database $db changed (sha256)"
            fi
        done <"$WORK/case_dbs"
        sed 's|^\./||; s|^|./|' "$WORK/case_dbs" >>"$WORK/allowed.all"
        cat "$WORK/allowed" >>"$WORK/allowed.all"
        snapshot "$DIR" >"$WORK/files.after"
        touched=$(snapshot_diff "$WORK/files.before" "$WORK/files.after" "$WORK/allowed.all" | tr '\n' ' ')
        [ -z "$touched" ] || problem "files changed in the case directory: ${touched% }"
        left=$(cd "$WORK/tmp" && find . -mindepth 1 -print | head -n 5 | tr '\n' ' ')
        [ -z "$left" ] || problem "files left in TMPDIR: ${left% }"
    fi

    stop_helpers
    type cleanup >/dev/null 2>&1 && (cd "$DIR" && cleanup) >>"$WORK/setup.log" 2>&1
    trap - INT TERM HUP
    if [ -s "$WORK/problems" ]; then
        printf '  FAIL %s: %s\n' "$name" "$(LC_ALL=C tr -c '[:print:]\n' ' ' <"$WORK/problems" | awk 'NR > 1 { printf "; " } { printf "%s", $0 }')"
        [ -n "$QPL_FAULTS_KEEP" ] && echo "       (kept in $WORK)"
        return 1
    fi
    return 0
}

n=0
nfail=0
nskip=0
for file in "$REPO"/tests/faults/cases/*.case; do
    [ -e "$file" ] || continue
    if [ $# -gt 0 ]; then
        want=0
        for pat in "$@"; do
            case $pat in
            *[!0-9]*) case ${file##*/} in *"$pat"*) want=1 ;; esac ;;
            *) case ${file##*/} in "$pat"-*) want=1 ;; esac ;;
            esac
        done
        [ $want = 1 ] || continue
    fi
    n=$((n + 1))
    (run_case "$file")
    case $? in
    0) ;;
    77) nskip=$((nskip + 1)) ;;
    1) nfail=$((nfail + 1)) ;;
    *)
        printf '  FAIL %s: the case file could not be run (a shell error in it?)\n' "$(basename "$file" .case)"
        nfail=$((nfail + 1))
        ;;
    esac
    if [ -z "$QPL_FAULTS_KEEP" ]; then
        chmod -R u+rwX "$ROOT" 2>/dev/null
        find "$ROOT" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} + 2>/dev/null
    fi
done
[ $nskip -eq 0 ] || echo "  $nskip skipped"
echo "  $n fault cases, $nfail failed"
[ $nfail -eq 0 ]
