# The words that tests/faults/cases/*.case files are written in. Sourced by
# tests/faults/run.sh, once per case, in the case's own subshell.
#
# A case file is a shell fragment that defines
#   setup()    builds the case in $DIR (the current directory when it runs):
#              databases, policies, fixtures; runs with `set -e`
#   run()      the qpl command(s) under test; their stdout and stderr (the
#              files $WORK/stdout and $WORK/stderr, also while it runs) are
#              what the expectations look at, and its status is the exit
#              status checked; stdin is /dev/null unless redirected; TMPDIR
#              is an empty directory of its own
#   check()    optional: more checks, run after run() in $DIR; every line it
#              prints is a problem (none: the checks passed)
#   cleanup()  optional: undoes what removing $WORK cannot (a mount)
# and, at its top level, its expectations (below).
#
# Variables: $REPO the repository, $QPL the qpl under test, $DIR the case
# directory, $WORK a scratch directory beside it (for reference outputs and
# session scripts; not watched), $DEMO the demonstration case database
# (stdlib/schema.sql + examples/demo.sql, read-only), $POLICIES the bundled
# policies, $LIB this directory, $SANITIZED 1 when $QPL was built with
# AddressSanitizer. In check(): $OUT, $ERR (the files run() wrote) and $STATUS.

# ---- running things --------------------------------------------------------

# qpl ARGS...: the qpl under test, stopped after the case's time limit (a hang
# is a failure, never a stuck CI). Its process id is written to $WORK/qpl.pid
# (so that a case can signal it); `timeout` gives it the default action for
# SIGINT even when the suite runs in the background. With $QPL_AS set (e.g.
# to a setpriv command line), qpl runs under that command. With
# $QPL_FAULTS_JOBS set, `qpl eval` gets `--jobs $QPL_FAULTS_JOBS` as well.
qpl() {
    rm -f "$WORK/qpl.pid"
    if [ -n "$QPL_FAULTS_JOBS" ] && [ "$1" = eval ]; then
        set -- "$@" --jobs "$QPL_FAULTS_JOBS"
    fi
    QPL_PIDFILE=$WORK/qpl.pid timeout -k 5 "$CASE_TIMEOUT" \
        sh -c 'echo $$ >"$QPL_PIDFILE"; exec $QPL_AS "$@"' qpl "$QPL" "$@"
}

# time_limit SECONDS: the time qpl may take in this case (default 60).
time_limit() {
    CASE_TIMEOUT=$1
}

# reference OUT ARGS...: (in setup) run qpl ARGS on intact data, keeping its
# stdout in OUT: the answer that the faulty variant of the case must still give.
reference() {
    ref_out=$1
    shift
    if ! qpl "$@" >"$ref_out" 2>"$WORK/reference.err"; then
        echo "the reference run (qpl $*) on the intact data failed:"
        cat "$WORK/reference.err"
        return 1
    fi
    [ -s "$ref_out" ] || { echo "the reference run (qpl $*) printed nothing"; return 1; }
}

# demo_db PATH: a fresh copy of the demonstration database.
demo_db() {
    cp "$DEMO" "$1"
    chmod 644 "$1"
}

# copy_db SRC DST [changes]: see lib/faults.py copy-db.
copy_db() {
    python3 "$LIB/faults.py" copy-db "$@"
}

# smash_page DB TABLE: overwrite the page header of TABLE's root page, a page
# that belongs to that table alone, so that reading the table fails with
# SQLITE_CORRUPT; checks that `PRAGMA integrity_check` now fails.
smash_page() {
    sp_page=$(sqlite3 "$1" "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = '$2'")
    sp_size=$(sqlite3 "$1" "PRAGMA page_size")
    [ -n "$sp_page" ] && [ "$sp_page" -gt 1 ] || { echo "smash_page: no table $2 in $1"; return 1; }
    printf '\377\377\377\377\377\377\377\377' |
        dd of="$1" bs=1 seek=$(((sp_page - 1) * sp_size)) conv=notrunc status=none
    if [ "$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1 | head -n 1)" = ok ]; then
        echo "smash_page: $1 still passes PRAGMA integrity_check"
        return 1
    fi
}

# spawn COMMAND...: start a helper process (a lock holder...) in the
# background; it is stopped, by its process id, when the case ends.
spawn() {
    "$@" &
    echo $! >>"$WORK/pids"
}

# wait_for FILE [SECONDS]: wait until FILE exists (default: up to 30 s).
wait_for() {
    wf_n=0
    wf_max=$((${2:-30} * 10))
    while [ ! -e "$1" ]; do
        wf_n=$((wf_n + 1))
        [ $wf_n -le $wf_max ] || { echo "gave up waiting for $1"; return 1; }
        sleep 0.1
    done
}

# skip REASON: (in setup) this case cannot be built here; it is reported as
# SKIP with the reason, and not counted as failed.
skip() {
    echo "$*" >"$WORK/skip"
    exit 77
}

# need COMMAND...: skip the case when one of the commands is not installed.
need() {
    for n_cmd in "$@"; do
        command -v "$n_cmd" >/dev/null 2>&1 || skip "needs \`$n_cmd\` (Debian: apt-get install $n_cmd)"
    done
}

# ---- what is watched -------------------------------------------------------

# case_db PATH...: (in setup) case databases: their sha256 must not change.
case_db() {
    for cd_db in "$@"; do
        printf '%s\n' "$cd_db" >>"$WORK/case_dbs"
    done
}

# allow_file PATH: the one documented path (a decision log) that the run may
# create or change in $DIR. Every other file there must stay as setup left it.
allow_file() {
    printf './%s\n' "${1#./}" >>"$WORK/allowed"
}

# ---- expectations (at the top level of a case file) ------------------------

# expect_exit N...: the exit status must be one of these.
expect_exit() {
    printf '%s\n' "$*" >"$WORK/expect/exit"
}

# expect_stderr / expect_stdout / expect_output ERE: some line of stderr,
# stdout, or either, must match the extended regex (case-insensitive). Each
# call adds one regex; all must match.
expect_stderr() { printf '%s\n' "$1" >>"$WORK/expect/stderr"; }
expect_stdout() { printf '%s\n' "$1" >>"$WORK/expect/stdout"; }
expect_output() { printf '%s\n' "$1" >>"$WORK/expect/output"; }

# reject_stderr / reject_stdout / reject_output ERE: no line may match.
reject_stderr() { printf '%s\n' "$1" >>"$WORK/expect/no-stderr"; }
reject_stdout() { printf '%s\n' "$1" >>"$WORK/expect/no-stdout"; }
reject_output() { printf '%s\n' "$1" >>"$WORK/expect/no-output"; }

# answer_ok REF: exiting 0 is also a pass, if stdout holds exactly the
# decisions of REF (a jsonl reference made in setup); the other expectations
# then describe the only acceptable error. Either way, stdout may not hold a
# decision that REF does not.
answer_ok() { printf '%s\n' "$1" >"$WORK/expect/answer"; }

# no_wrong_answers REF: stdout may hold only decisions of REF (an error
# found part-way through a streamed run may follow the subjects already
# written, but nothing that the intact data does not give).
no_wrong_answers() { printf '%s\n' "$1" >"$WORK/expect/subset"; }
