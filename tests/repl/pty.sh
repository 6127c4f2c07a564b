#!/bin/sh
# Drives `qpl repl` through a terminal (a tmux pane): line editing with the
# arrow keys and backspace, history recall with the up arrow, tab completion,
# and the history file kept across sessions. Skipped (with a message) when
# tmux is not installed. Called by tests/repl/run.sh, which exports DB.
# usage: tests/repl/pty.sh QPL
QPL=$1
case $QPL in /*) ;; *) QPL=$PWD/$QPL ;; esac
if ! command -v tmux >/dev/null 2>&1; then
    echo "  skipped the terminal test: tmux is not installed (apt-get install tmux)"
    exit 0
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/qpl-pty.XXXXXX") || exit 2
sock=qpl-test-$$-1
cleanup() {
    tmux -L "qpl-test-$$-1" kill-server 2>/dev/null
    tmux -L "qpl-test-$$-2" kill-server 2>/dev/null
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM
if [ -z "$DB" ]; then
    DB=$dir/demo.db
    sqlite3 "$DB" < stdlib/schema.sql && sqlite3 "$DB" < examples/demo.sql || exit 1
fi
hist=$dir/history
fail=0

tm() { tmux -L "$sock" "$@"; }
screen() { tm capture-pane -p -t qpl -S -200 2>/dev/null | sed -e 's/[[:space:]]*$//' -e '/./,$!d' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'; }
# Wait until the screen has a line matching the extended regex $1.
wait_for() {
    i=0
    while [ $i -lt 300 ]; do
        screen | grep -qE -- "$1" && return 0
        sleep 0.05
        i=$((i + 1))
    done
    echo "  terminal test: timed out waiting for /$1/; the screen was:"
    screen | sed 's/^/    /'
    fail=1
    return 1
}
keys() { tm send-keys -t qpl "$@"; }

# A session in an 100x40 terminal. tmux's own configuration is not read.
start() {
    tm -f /dev/null new-session -d -s qpl -x 100 -y 40 \
        "cd '$PWD' && env TERM=screen QPL_HISTORY='$hist' ASAN_OPTIONS='$ASAN_OPTIONS' '$QPL' repl tests/repl/small.qpl --db '$DB' --as-of 2025-01-31; echo \"[exit \$?]\"; sleep 30"
    wait_for '^qpl>$' || return 1
}

start || exit 1
# A typo fixed by moving left and inserting: `.subjet` -> `.subject`.
keys -l '.subjet provider SOM05'
keys -N 16 Left
keys c Enter
wait_for '^subject: provider SOM05$'
# Backspace: `rag_x` -> `rag`.
keys -l 'rag_x'
keys BSpace BSpace Enter
wait_for '^green$'
# History: up twice recalls `.subject provider SOM05`; edit it to SOM14.
keys Up Up BSpace BSpace
keys -l '14'
keys Enter
wait_for '^subject: provider SOM14$'
# Up twice again recalls `rag`, now for SOM14.
keys Up Up Enter
wait_for '^red$'
# Completion of a command, of a decision after .explain, and of a name.
keys -l '.dec'
keys Tab Enter
wait_for '^  Questionnaire return +n/a'
keys -l '.explain ra'
keys Tab Enter
wait_for '^rag = red$'
keys -l 'recent_al'
keys Tab
keys -l '+ 1'
keys Enter
wait_for '^1$'
keys -l '.quit'
keys Enter
wait_for '^\[exit 0\]$'

cat > "$dir/want" <<'EOF'
qpl repl: policy repltest, facts from DB, as of 2025-01-31
What-ifs are kept in memory; the database is never written. Type .help for help, .quit to leave.
qpl> .subject provider SOM05
subject: provider SOM05
qpl provider SOM05> rag
green
qpl provider SOM05> .subject provider SOM14
subject: provider SOM14
qpl provider SOM14> rag
red
qpl provider SOM14> .decisions
provider SOM14: Nettle House
  Meets standard        no
  Rag                   Red
  Questionnaire return  n/a (its start, latest_questionnaire.issued, has not happened: there is no
                          questionnaires row as of this date)
qpl provider SOM14> .explain rag
rag = red
  because latest_inspection.overall = Inadequate
  cite    §1 Red (rating)
  facts   inspection of SOM14 published 2024-02-08: overall = Inadequate
qpl provider SOM14> recent_alerts + 1
1
qpl provider SOM14> .quit
[exit 0]
EOF
screen | sed "s#$DB#DB#" > "$dir/got"
if ! cmp -s "$dir/want" "$dir/got"; then
    echo "  terminal test: the screen differs:"
    diff "$dir/want" "$dir/got" | sed 's/^/    /'
    fail=1
fi
tm kill-server 2>/dev/null

# The history file keeps the lines typed, for the next session.
if ! grep -q 'SOM14' "$hist" 2>/dev/null || ! grep -q 'recent_alerts' "$hist"; then
    echo "  terminal test: the history file $hist lacks the lines typed"
    fail=1
fi
# A new session (a new tmux server) recalls the lines of the previous one with the up arrow.
sock=qpl-test-$$-2
start || exit 1
keys Up Up Up Up Up Up Enter
wait_for '^subject: provider SOM14$'
keys C-d
wait_for '^\[exit 0\]$'

[ $fail -eq 0 ] && echo "  terminal session (line editing, history, completion) passed"
exit $fail
