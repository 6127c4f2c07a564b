#!/usr/bin/env python3
"""Run a command and report its peak memory, split by kind, from /proc (Linux).

usage: bench/peakmem.py [--stdin FILE] -- COMMAND [ARG...]

The command's output is discarded. Prints "hwm_mb anon_mb file_mb": the
kernel's peak resident set size (VmHWM, what /usr/bin/time -v reports), and
the largest anonymous (heap, stack) and file-backed (mapped files, e.g.
SQLite's memory-mapped database pages, which the kernel can drop at any
time) parts of it seen while sampling every 20 ms.
"""
import subprocess
import sys
import time


def status(pid):
    out = {}
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmHWM", "RssAnon", "RssFile", "RssShmem"):
                    out[k] = int(v.split()[0])
    except OSError:
        pass
    return out


def main():
    args = sys.argv[1:]
    stdin = subprocess.DEVNULL
    if args[:1] == ["--stdin"]:
        stdin = open(args[1], "rb")
        args = args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    p = subprocess.Popen(args, stdin=stdin, stdout=subprocess.DEVNULL)
    hwm = anon = filem = 0
    while p.poll() is None:
        s = status(p.pid)
        hwm = max(hwm, s.get("VmHWM", 0))
        anon = max(anon, s.get("RssAnon", 0))
        filem = max(filem, s.get("RssFile", 0) + s.get("RssShmem", 0))
        time.sleep(0.02)
    print("%.1f %.1f %.1f" % (hwm / 1024, anon / 1024, filem / 1024))
    sys.exit(p.returncode)


if __name__ == "__main__":
    main()
