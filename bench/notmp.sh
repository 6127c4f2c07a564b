#!/bin/sh
# notmp.sh: show whether `qpl eval` creates temporary (or any) files.
#
# usage: bench/notmp.sh [SIZE]       SIZE: providers in the case database, as
#                                    for run.sh (default: 10k)
#   QPL=path/to/qpl   the interpreter to check (default: ./qpl, from `make qpl`)
#
# 1. It runs `qpl eval bench/bench.qpl --db DB --as-of 2025-01-31 --format
#    jsonl > FILE` under `strace -f -e trace=openat,open,creat,mkdir,unlink`
#    (and mkdirat, unlinkat) and lists every file opened for writing (O_WRONLY,
#    O_RDWR, O_CREAT, O_TRUNC, O_APPEND, O_TMPFILE) or created, made or
#    removed, with how many times. (glibc's tmpfile() shows as an openat of
#    /tmp with O_TMPFILE: a file without a name, in /tmp whatever TMPDIR says.)
# 2. Where `unshare -m` works (as root), it runs the same command again in a
#    private mount namespace in which /tmp is an empty read-only tmpfs and
#    TMPDIR names a read-only directory (bench/data/notmp-ro, bind-mounted
#    read-only there), also under strace, and reports whether it still
#    succeeds and prints the same output. (An interpreter under /tmp, such as
#    QPL=/tmp/x/qpl, is reached through a bind mount of the real /tmp.)
# The report is printed and saved to bench/data/notmp-results.txt. Exit
# status: 0 when no file is written or created and the read-only run (if it
# could be made) succeeds with the same output, 1 otherwise.
set -eu
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
. "$BENCH_DIR/lib.sh"
bench_init notmp.sh
[ $# -le 1 ] || die "usage: bench/notmp.sh [SIZE]"

need strace strace
need python3 python3
need_qpl
"$QPL" check bench/bench.qpl

n=$(size_to_n "${1:-10k}")
db=$(db_for "$n")
trace=openat,open,creat,mkdir,mkdirat,unlink,unlinkat
out=$DATA/notmp-out.jsonl
nsout=$DATA/notmp-ns.jsonl
st=$DATA/notmp-strace.txt
nsst=$DATA/notmp-ns-strace.txt
report=$DATA/notmp-results.txt

# writes STRACE_FILE: the files a traced run opened for writing or created, one a line
writes() {
    python3 - "$1" <<'EOF'
import collections, re, sys
WRITE = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND", "O_TMPFILE")
pending, calls = {}, []
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    line = line.rstrip("\n")
    m = re.match(r"^(\d+)\s+(.*)$", line)
    pid, rest = (m.group(1), m.group(2)) if m else ("", line)
    if rest.endswith("<unfinished ...>"):
        pending[pid] = rest[: -len("<unfinished ...>")]
        continue
    r = re.match(r"^<\.\.\. \w+ resumed>(.*)$", rest)
    if r:
        rest = pending.pop(pid, "") + r.group(1)
    c = re.match(r"^(\w+)\((.*)\)\s+=\s+(-?\d+|\?)(.*)$", rest)
    if c:
        calls.append(c.groups())
seen = collections.Counter()
for name, args, ret, tail in calls:
    path = re.search(r'"((?:[^"\\]|\\.)*)"', args)
    path = path.group(1) if path else "?"
    if name in ("open", "openat"):
        flags = [f for f in WRITE if f in args]
        if not flags:
            continue
        what = "%s %s %s" % (name, path, "|".join(flags))
    else:
        what = "%s %s" % (name, path)
    if ret == "-1":
        err = tail.strip().split(" ")[0]
        what += " (failed: %s)" % err
    seen[what] += 1
for what, k in seen.items():
    print("  %s%s" % (what, "" if k == 1 else "  (%d times)" % k))
EOF
}

status=0
{
    echo "files written or created by qpl eval bench/bench.qpl ($db, as of $AS_OF)"
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $("$QPL" --version 2>/dev/null | head -1) ($QPL); $(uname -sr)"
    echo
} > "$report"

# 1. traced, as is
set +e
strace -f -qq -e trace=$trace -o "$st" "$QPL" eval bench/bench.qpl --db "$db" --as-of $AS_OF --format jsonl > "$out"
rc=$?
set -e
[ $rc = 0 ] || die "qpl eval failed (exit status $rc)"
w=$(writes "$st")
if [ -n "$w" ]; then
    status=1
    { echo "1. traced with strace -f -e trace=$trace: files opened for writing or created:"; echo "$w"; } >> "$report"
else
    echo "1. traced with strace -f -e trace=$trace: no file opened for writing or created" >> "$report"
fi

# 2. with no writable temporary directory
echo >> "$report"
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
    hold=$DATA/notmp-hold
    ro=$DATA/notmp-ro
    mkdir -p "$hold" "$ro"
    case $QPL in
        /tmp/*) nsqpl=$PWD/$hold${QPL#/tmp} ;;
        /tmp) die "QPL=/tmp is not an executable" ;;
        *) nsqpl=$QPL ;;
    esac
    set +e
    unshare -m sh -eu -c '
        hold=$1 ro=$2
        shift 2
        mount --make-rprivate /
        mount --bind /tmp "$hold"
        mount --bind "$ro" "$ro"
        mount -o remount,bind,ro "$ro"
        mount -t tmpfs -o ro,size=16k,mode=0755 notmp /tmp
        exec "$@"' sh "$PWD/$hold" "$PWD/$ro" \
        env TMPDIR="$PWD/$ro" strace -f -qq -e trace=$trace -o "$nsst" \
        "$nsqpl" eval bench/bench.qpl --db "$db" --as-of $AS_OF --format jsonl > "$nsout" 2> "$DATA/notmp-ns.err"
    rc=$?
    set -e
    rmdir "$hold" "$ro" 2>/dev/null || true
    echo "2. with /tmp an empty read-only tmpfs and TMPDIR=$PWD/$ro (read-only), in a private mount namespace:" >> "$report"
    if [ $rc = 0 ] && cmp -s "$out" "$nsout"; then
        echo "  qpl eval succeeded, with the same output" >> "$report"
    elif [ $rc = 0 ]; then
        echo "  qpl eval succeeded, but its output DIFFERS from the first run's" >> "$report"
        status=1
    else
        echo "  qpl eval FAILED (exit status $rc): $(head -n 1 "$DATA/notmp-ns.err")" >> "$report"
        status=1
    fi
    w=$([ -f "$nsst" ] && writes "$nsst" || true)
    if [ -n "$w" ]; then
        { echo "  files it opened for writing or created:"; echo "$w"; } >> "$report"
    fi
else
    echo "2. skipped: \`unshare -m\` does not work here (it needs root, or a user namespace)" >> "$report"
fi
rm -f "$out" "$nsout" "$st" "$nsst" "$DATA/notmp-ns.err"
cat "$report"
exit $status
