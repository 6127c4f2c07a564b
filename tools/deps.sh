#!/bin/sh
# Check the build dependencies; install them from Debian as root, else say how.
missing=""
command -v flex  >/dev/null 2>&1 || missing="$missing flex"
command -v bison >/dev/null 2>&1 || missing="$missing bison"
[ -f /usr/include/sqlite3.h ]          || missing="$missing libsqlite3-dev"
[ -f /usr/include/histedit.h ] || [ -f /usr/include/editline/readline.h ] || missing="$missing libedit-dev"
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
# For `make check`: jq reads the JSON Lines of the limits and fault suites;
# python3 builds and compares the fault suite's cases (tests/faults/lib/faults.py).
command -v jq >/dev/null 2>&1 || missing="$missing jq"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
# Optional: tmux, for the terminal test of `make check` (skipped without it).
if ! command -v tmux >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q tmux >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q tmux >/dev/null 2>&1; } || true
fi
# For `make check`: chromium, which the report test opens its pages in (it fails without it).
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 &&
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "qpl: installing chromium (for the report test of make check)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1; } || true
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "qpl: installing build dependencies:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q $missing >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null && apt-get install -y -q $missing >/dev/null; } ||
        { echo "qpl: could not install:$missing" >&2; exit 1; }
    exit 0
fi
echo "qpl: missing build dependencies:$missing" >&2
echo "run: sudo apt-get install$missing" >&2
exit 1
