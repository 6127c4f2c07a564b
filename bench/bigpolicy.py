#!/usr/bin/env python3
"""Write a large, valid policy for timing `qpl check` (bench/check.sh).

usage: bench/bigpolicy.py N OUT.qpl

The policy has the header `policy big "..."`, `use reference` (and `use
rag`), one `for provider` section, N `let` definitions, one a line, and at
the end three decisions that use the last one. Every definition after the
first refers to earlier ones, and every one is used by a later one, so
`qpl check` has nothing to warn about:

- the first counts feedback rows;
- the first half ("measures") each refer to the first or to the measure
  before it, in a handful of the forms real policies use (counts of related
  rows with conditions, arithmetic, comparisons, `if ... then ... else`);
- the second half combine two earlier definitions each, the two oldest not
  yet used (a balanced reduction), so that references reach across the
  whole file while definitions nest only about log2(N) deep, and the
  policy can be evaluated as well as checked.

The same N always gives the same file. Standard library only.
"""
import collections
import sys


def name(i):
    return "measure_%d" % i


def measure(i, k):
    """Measure number k (from 0), definition i: refers to the first definition or the measure before it."""
    prev = name(0) if k % 4 == 0 else name(i - 1)
    form = k % 6
    if form == 0:
        return "%s + count safeguarding where kind is alert and raised in last 90 days" % prev
    if form == 1:
        return "%s + 1" % prev
    if form == 2:
        return "if %s >= %d then %s - 1 else %s + 2" % (prev, 3 + k % 7, prev, prev)
    if form == 3:
        return "%s + count interventions where dated in last 12 months" % prev
    if form == 4:
        return "%s + count processes where kind is quality_improvement and open" % prev
    return "%s - %d" % (prev, k % 5)


def combine(a, b, k):
    a, b = name(a), name(b)
    form = k % 3
    if form == 0:
        return "if %s > %s then %s else %s" % (a, b, a, b)
    if form == 1:
        return "%s + %s" % (a, b)
    return "if %s >= %s then %s - %s else %s - %s" % (a, b, a, b, b, a)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: bench/bigpolicy.py N OUT.qpl")
    try:
        n = int(sys.argv[1])
    except ValueError:
        sys.exit("bigpolicy.py: N must be a number of definitions, not %r" % sys.argv[1])
    if n < 1:
        sys.exit("bigpolicy.py: N must be at least 1")
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        w = out.write
        w("# big: a generated policy of %d definitions for timing `qpl check` (bench/bigpolicy.py).\n\n" % n)
        w('policy big "A generated policy of %d definitions"\n' % n)
        w('  source "bench/bigpolicy.py"\n\n')
        w("use reference\nuse rag\n\n")
        w('for provider where commissioner = "lewisham"\n\n')
        w("let %s = count feedback where concern and received in last 6 months\n" % name(0))
        unused = collections.deque()
        measures = n // 2
        if measures == 0:
            unused.append(0)
        i = 1
        for k in range(measures):
            if i >= n:
                break
            w("let %s = %s\n" % (name(i), measure(i, k)))
            unused.append(i)
            i += 1
        k = 0
        while i < n:
            if len(unused) >= 2:
                a, b = unused.popleft(), unused.popleft()
                w("let %s = %s\n" % (name(i), combine(a, b, k)))
            else:
                a = unused.popleft()
                w("let %s = %s + 1\n" % (name(i), name(a)))
            unused.append(i)
            i += 1
            k += 1
        last = " + ".join(name(j) for j in unused)
        w("\ndecide big_total: number\n")
        w('  cite "generated"\n')
        w("  = %s\n\n" % last)
        w("decide big_flag: bool\n")
        w('  cite "generated"\n')
        w("  = big_total >= 10\n\n")
        w("decide big_band: rag\n")
        w('  cite "generated"\n')
        w("  red when big_total >= 100000\n")
        w("  amber when big_total >= 10\n")
        w("  green otherwise\n")


if __name__ == "__main__":
    main()
