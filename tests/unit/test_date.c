/* test_date.c: tests for src/date.c. Usage: test_date path/to/england_and_wales.csv */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen */
#endif

#include "date.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int passed, failed;

#define CHECK(cond) check((cond), __LINE__, "%s", #cond)

/* Counts one check and describes it when it fails. */
static void check(bool ok, int line, const char *fmt, ...)
{
    va_list ap;
    if (ok) {
        passed++;
        return;
    }
    failed++;
    fprintf(stderr, "test_date.c:%d: FAILED: ", line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* Sweeps count their own failures and report the first few, then count as one check. */
static long sweep_bad;
#define SWEEP(cond, ...)                                                         \
    do {                                                                         \
        if (!(cond) && sweep_bad++ < 5) {                                        \
            fprintf(stderr, "test_date.c:%d: FAILED: %s: ", __LINE__, #cond);    \
            fprintf(stderr, __VA_ARGS__);                                        \
            fputc('\n', stderr);                                                 \
        }                                                                        \
    } while (0)
#define SWEEP_DONE(name) check(sweep_bad == 0, __LINE__, "%s: %ld failures", name, sweep_bad)

/* A date from a literal that the test knows to be valid. */
static qdate D(const char *s)
{
    qdate t;
    if (!date_parse(s, strlen(s), &t)) {
        fprintf(stderr, "test_date: bad literal %s\n", s);
        exit(2);
    }
    return t;
}

/* The "YYYY-MM-DD" text of t, in one of a few rotating buffers. */
static const char *S(qdate t)
{
    static char buf[4][11];
    static int next;
    char *b = buf[next++ % 4];
    date_format(t, b);
    return b;
}

/* ---- An independent reference: no closed formulas, only counting. ---- */

/* Gregorian leap year rule, written out separately from date.c. */
static bool ref_leap(int y)
{
    if (y % 400 == 0)
        return true;
    if (y % 100 == 0)
        return false;
    return y % 4 == 0;
}

/* Days in month m of year y. */
static int ref_mdays(int y, int m)
{
    switch (m) {
    case 2:
        return ref_leap(y) ? 29 : 28;
    case 4: case 6: case 9: case 11:
        return 30;
    default:
        return 31;
    }
}

/* Days since 1970-01-01 by adding up whole years and months. */
static long ref_days(int y, int m, int d)
{
    long t = 0;
    for (int i = 1970; i < y; i++)
        t += ref_leap(i) ? 366 : 365;
    for (int i = y; i < 1970; i++)
        t -= ref_leap(i) ? 366 : 365;
    for (int i = 1; i < m; i++)
        t += ref_mdays(y, i);
    return t + d - 1;
}

/* Moves (y, m, d) to the next day. */
static void ref_next(int *y, int *m, int *d)
{
    if (++*d > ref_mdays(*y, *m)) {
        *d = 1;
        if (++*m > 12) {
            *m = 1;
            ++*y;
        }
    }
}

/* Reference calendar over 1999..2036, one year either side of the CSV's years. */
#define REF_Y0 1999
#define REF_Y1 2036
#define REF_MAX (366 * (REF_Y1 - REF_Y0 + 1))
static long ref_base;          /* day number of REF_Y0-01-01 */
static long ref_len;           /* days in the table */
static int ref_wd[REF_MAX];    /* ISO weekday by rolling counter: 1999-01-01 was a Friday */
static bool ref_hol[REF_MAX];  /* holidays read from the CSV by the test itself */
static bool ref_cov[REF_MAX];  /* covered: years from the CSV's first to its last */
static long ref_cum[REF_MAX];  /* working days from ref_base + 1 to index, inclusive */
static int ref_first_year, ref_last_year, ref_rows;

/* Builds the reference tables from the CSV; false if it cannot be read. */
static bool ref_build(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[1024];
    int lineno = 0;

    if (!f)
        return false;
    ref_base = ref_days(REF_Y0, 1, 1);
    ref_len = ref_days(REF_Y1 + 1, 1, 1) - ref_base;
    for (long i = 0, wd = 5; i < ref_len; i++, wd = wd % 7 + 1)
        ref_wd[i] = (int)wd;

    while (fgets(line, sizeof line, f)) {
        int v[3] = {0, 0, 0}, at = 0;
        if (++lineno == 1 || line[0] == '\n' || line[0] == '\r')
            continue;
        for (int k = 0; k < 3; k++, at++)
            for (int j = 0; j < (k ? 2 : 4); j++, at++)
                v[k] = v[k] * 10 + (line[at] - '0');
        if (v[0] < REF_Y0 + 1 || v[0] > REF_Y1 - 1) {
            fprintf(stderr, "test_date: %s:%d outside the reference years\n", path, lineno);
            exit(2);
        }
        ref_hol[ref_days(v[0], v[1], v[2]) - ref_base] = true;
        if (ref_rows++ == 0 || v[0] < ref_first_year)
            ref_first_year = v[0];
        if (v[0] > ref_last_year)
            ref_last_year = v[0];
    }
    fclose(f);

    long lo = ref_days(ref_first_year, 1, 1) - ref_base;
    long hi = ref_days(ref_last_year + 1, 1, 1) - ref_base;
    for (long i = 0; i < ref_len; i++) {
        ref_cov[i] = i >= lo && i < hi;
        bool work = ref_wd[i] <= 5 && !ref_hol[i];
        ref_cum[i] = (i ? ref_cum[i - 1] : 0) + (i && work);
    }
    return true;
}

/* Whether day t is in the reference table and covered. */
static bool ref_covers(long t)
{
    return t >= ref_base && t < ref_base + ref_len && ref_cov[t - ref_base];
}

/* Whether covered day t is a working day. */
static bool ref_working(long t)
{
    return ref_wd[t - ref_base] <= 5 && !ref_hol[t - ref_base];
}

/* The n-th working day after (n > 0) or before (n < 0) start, by stepping. */
static int ref_add(long start, int n, long *out)
{
    long t = start;
    int step = n < 0 ? -1 : 1;
    for (int left = abs(n); left > 0;) {
        t += step;
        if (!ref_covers(t)) {
            *out = t;
            return -1;
        }
        if (ref_working(t))
            left--;
    }
    *out = t;
    return 0;
}

/* ---- Tests ---- */

/* Checks that calendar_add_working_days(start, n) succeeds with want. */
static void check_add(const Calendar *c, int line, const char *start, int n, const char *want)
{
    qdate out = 0;
    int rc = calendar_add_working_days(c, D(start), n, &out);
    check(rc == 0 && out == D(want), line, "%s %+d working days: want %s, got rc %d, %s", start, n,
          want, rc, S(out));
}
#define CHECK_ADD(c, start, n, want) check_add(c, __LINE__, start, n, want)

/* Checks that calendar_add_working_days(start, n) fails, reporting the first uncovered day. */
static void check_add_fails(const Calendar *c, int line, const char *start, int n, const char *uncovered)
{
    qdate out = 0;
    int rc = calendar_add_working_days(c, D(start), n, &out);
    check(rc == -1 && out == D(uncovered), line, "%s %+d working days: want -1 at %s, got rc %d, %s",
          start, n, uncovered, rc, S(out));
}
#define CHECK_ADD_FAILS(c, start, n, uncovered) check_add_fails(c, __LINE__, start, n, uncovered)

/* Checks calendar_working_days_between(a, b): want, or an error when fails. */
static void check_between(const Calendar *c, int line, const char *a, const char *b, bool fails, int want)
{
    int got = 12345;
    int rc = calendar_working_days_between(c, D(a), D(b), &got);
    if (fails)
        check(rc == -1, line, "between %s and %s: want -1, got rc %d", a, b, rc);
    else
        check(rc == 0 && got == want, line, "between %s and %s: want %d, got rc %d, %d", a, b, want,
              rc, got);
}
#define CHECK_BETWEEN(c, a, b, want) check_between(c, __LINE__, a, b, false, want)
#define CHECK_BETWEEN_FAILS(c, a, b) check_between(c, __LINE__, a, b, true, 0)

/* Checks date_add_months(from, months) == want. */
static void check_months(int line, const char *from, int months, const char *want)
{
    qdate got = date_add_months(D(from), months);
    check(got == D(want), line, "%s %+d months: want %s, got %s", from, months, want, S(got));
}
#define CHECK_MONTHS(from, months, want) check_months(__LINE__, from, months, want)

/* Whether date_parse rejects s (given with its full length). */
static bool rejects(const char *s)
{
    qdate t = 777;
    return !date_parse(s, strlen(s), &t) && t == 777;
}

/* date_parse against date_valid and date_from_ymd for every year, month
   0-13 and day 0-32 that "YYYY-MM-DD" can write: it reads the text its own way. */
static void test_parse_all(void)
{
    long wrong = 0;
    for (int y = 0; y <= 9999; y++)
        for (int m = 0; m <= 13; m++)
            for (int d = 0; d <= 32; d++) {
                char s[] = {(char)('0' + y / 1000), (char)('0' + y / 100 % 10), (char)('0' + y / 10 % 10),
                            (char)('0' + y % 10), '-', (char)('0' + m / 10), (char)('0' + m % 10), '-',
                            (char)('0' + d / 10), (char)('0' + d % 10)};
                qdate t = 777;
                bool ok = date_parse(s, 10, &t);
                if (ok != date_valid(y, m, d) || (ok && t != date_from_ymd(y, m, d)))
                    wrong++;
            }
    check(wrong == 0, __LINE__, "date_parse disagrees with date_valid and date_from_ymd on %ld dates", wrong);
}

static void test_parse(void)
{
    CHECK(rejects("2023-02-29"));
    CHECK(rejects("2024-02-30"));
    CHECK(rejects("2024-13-01"));
    CHECK(rejects("2024-00-10"));
    CHECK(rejects("2024-01-00"));
    CHECK(rejects("2024-04-31"));
    CHECK(rejects("24/05/2024"));
    CHECK(rejects(""));
    CHECK(rejects("2024-1-01"));
    CHECK(rejects("2024-01-011"));
    CHECK(rejects("2024-01-01 "));
    CHECK(rejects(" 2024-01-01"));
    CHECK(rejects("2024/01/01"));
    CHECK(rejects("2024-01-0a"));
    CHECK(rejects("+024-01-01"));
    CHECK(rejects("-001-01-01"));
    CHECK(rejects("0000-01-01"));
    CHECK(rejects("10000-01-01"));
    CHECK(rejects("1900-02-29"));
    qdate first, last;
    CHECK(date_parse("0001-01-01", 10, &first) && first == DATE_FIRST && date_in_range(first) && !date_in_range(first - 1));
    CHECK(date_parse("9999-12-31", 10, &last) && last == DATE_LAST && date_in_range(last) && !date_in_range(last + 1));
    CHECK(!date_parse("2024-01-0\0", 10, NULL));
    CHECK(!date_parse("2024-01-01", 9, NULL));
    CHECK(!date_parse(NULL, 0, NULL));
    CHECK(date_parse("2024-01-01 junk", 10, NULL)); /* n bytes are the whole input */

    qdate t = 0;
    CHECK(date_parse("2024-02-29", 10, &t) && t == date_from_ymd(2024, 2, 29));
    CHECK(date_parse("2000-02-29", 10, &t) && t == date_from_ymd(2000, 2, 29));
    CHECK(date_parse("1970-01-01", 10, &t) && t == 0);
    CHECK(date_parse("1969-12-31", 10, &t) && t == -1);
    CHECK(date_parse("0001-01-01", 10, &t) && t == -719162);
    CHECK(date_parse("9999-12-31", 10, &t) && t == 2932896);
    CHECK(strcmp(S(-719162), "0001-01-01") == 0);
    CHECK(strcmp(S(2932896), "9999-12-31") == 0);
    CHECK(strcmp(S(2932897), "0000-00-00") == 0);
    CHECK(strcmp(S(-719163), "0000-00-00") == 0);

    CHECK(date_valid(2024, 2, 29));
    CHECK(!date_valid(2023, 2, 29));
    CHECK(!date_valid(2100, 2, 29));
    CHECK(!date_valid(2024, 6, 31));
    CHECK(!date_valid(0, 1, 1));
    CHECK(!date_valid(10000, 1, 1));
    test_parse_all();
}

static void test_weekday(void)
{
    CHECK(date_weekday(D("1970-01-01")) == 4);
    CHECK(date_weekday(D("1969-12-31")) == 3);
    CHECK(date_weekday(D("1900-01-01")) == 1);
    CHECK(date_weekday(D("0001-01-01")) == 1);
    CHECK(date_weekday(D("2000-01-01")) == 6);
    CHECK(date_weekday(D("2024-12-20")) == 5);
    CHECK(date_weekday(D("2024-12-21")) == 6);
    CHECK(date_weekday(D("2024-12-22")) == 7);
    CHECK(date_weekday(D("2024-12-23")) == 1);
    CHECK(date_weekday(D("2024-12-25")) == 3);
    CHECK(date_weekday(D("2025-01-08")) == 3);
    CHECK(date_weekday(D("9999-12-31")) == 5);
}

/* "YYYY-MM-DD" of y, m and d, without printf (the sweep below writes every day). */
static void ymd_text(char *buf, int y, int m, int d)
{
    const int part[3] = {y, m, d}, width[3] = {4, 2, 2};
    for (int i = 0, at = 0; i < 3; i++) {
        for (int k = width[i] - 1, v = part[i]; k >= 0; k--, v /= 10)
            buf[at + k] = (char)('0' + v % 10);
        at += width[i];
        if (i < 2)
            buf[at++] = '-';
    }
    buf[10] = 0;
}

/* Every day 1900..2100 against a day-by-day walk, and from/to and parsing for every day 0001..9999. */
static void test_round_trip(void)
{
    int y = 1900, m = 1, d = 1, wd = 1; /* 1900-01-01 was a Monday */
    long t = ref_days(1900, 1, 1);

    sweep_bad = 0;
    for (; y <= 2100; ref_next(&y, &m, &d), t++, wd = wd % 7 + 1) {
        char want[32], got[11];
        int yy, mm, dd;
        qdate p = 0;
        snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
        SWEEP(date_valid(y, m, d), "%s", want);
        SWEEP(date_from_ymd(y, m, d) == t, "%s", want);
        date_to_ymd((qdate)t, &yy, &mm, &dd);
        SWEEP(yy == y && mm == m && dd == d, "%s", want);
        date_format((qdate)t, got);
        SWEEP(strcmp(got, want) == 0, "%s vs %s", got, want);
        SWEEP(date_parse(want, 10, &p) && p == t, "%s", want);
        SWEEP(date_weekday((qdate)t) == wd, "%s", want);
        SWEEP(!date_valid(y, m, ref_mdays(y, m) + 1), "%s", want);
    }
    SWEEP_DONE("round trip 1900..2100");

    sweep_bad = 0;
    qdate prev = date_from_ymd(1, 1, 1) - 1;
    for (y = 1, m = 1, d = 1; y <= 9999; ref_next(&y, &m, &d)) {
        int yy, mm, dd;
        qdate q = date_from_ymd(y, m, d);
        char text[16];
        qdate p = 0;
        date_to_ymd(q, &yy, &mm, &dd);
        SWEEP(q == prev + 1 && yy == y && mm == m && dd == d, "%04d-%02d-%02d", y, m, d);
        ymd_text(text, y, m, d);
        SWEEP(date_parse(text, 10, &p) && p == q, "%s", text);
        if (d == 1) {
            ymd_text(text, y, m, ref_mdays(y, m) + 1);
            SWEEP(!date_parse(text, 10, NULL), "%s", text);
        }
        prev = q;
    }
    SWEEP_DONE("round trip 0001..9999");
}

static void test_months(void)
{
    CHECK_MONTHS("2024-08-31", 6, "2025-02-28");
    CHECK_MONTHS("2024-02-29", 12, "2025-02-28");
    CHECK_MONTHS("2024-03-31", -1, "2024-02-29");
    CHECK_MONTHS("2025-01-31", 1, "2025-02-28");
    CHECK_MONTHS("2025-02-28", -12, "2024-02-28");
    CHECK_MONTHS("2025-02-28", 1, "2025-03-28");
    CHECK_MONTHS("2024-12-31", 1, "2025-01-31");
    CHECK_MONTHS("2024-01-31", -13, "2022-12-31");
    CHECK_MONTHS("2024-05-31", -3, "2024-02-29");
    CHECK_MONTHS("2024-10-31", -6, "2024-04-30");
    CHECK_MONTHS("2000-02-29", 48, "2004-02-29");
    CHECK_MONTHS("2000-02-29", 1200, "2100-02-28");
    CHECK_MONTHS("2024-06-15", 0, "2024-06-15");
    CHECK_MONTHS("1970-01-31", -1, "1969-12-31");
    CHECK_MONTHS("0001-03-31", -1, "0001-02-28");

    int y, m, d; /* before year 1, where month arithmetic needs floor division */
    date_to_ymd(date_add_months(D("0001-01-15"), -1), &y, &m, &d);
    CHECK(y == 0 && m == 12 && d == 15);
    date_to_ymd(date_add_months(D("0001-01-31"), -11), &y, &m, &d);
    CHECK(y == 0 && m == 2 && d == 29);
    date_to_ymd(date_add_months(D("0001-01-31"), -23), &y, &m, &d);
    CHECK(y == -1 && m == 2 && d == 28);

    sweep_bad = 0;
    for (int y = 1990, m = 1, d = 1; y <= 2030; ref_next(&y, &m, &d)) {
        for (int k = -30; k <= 30; k++) {
            int total = y * 12 + (m - 1) + k, ey = total / 12, em = total % 12 + 1;
            int ed = d < ref_mdays(ey, em) ? d : ref_mdays(ey, em);
            int gy, gm, gd;
            date_to_ymd(date_add_months(date_from_ymd(y, m, d), k), &gy, &gm, &gd);
            SWEEP(gy == ey && gm == em && gd == ed, "%04d-%02d-%02d %+d months", y, m, d, k);
        }
    }
    SWEEP_DONE("months sweep 1990..2030");
}

static void test_known_days(const Calendar *ew)
{
    int first = 0, last = 0;
    calendar_years(ew, &first, &last);
    CHECK(first == 2000 && last == 2035);
    CHECK(strcmp(calendar_name(ew), "england_and_wales") == 0);

    /* The spec's example: 25, 26 December and 1 January are bank holidays. */
    CHECK_ADD(ew, "2024-12-20", 10, "2025-01-08");
    CHECK_ADD(ew, "2025-01-08", -10, "2024-12-20");
    CHECK_BETWEEN(ew, "2024-12-20", "2025-01-08", 10);
    CHECK_BETWEEN(ew, "2025-01-08", "2024-12-20", -10);

    /* 2012: spring bank holiday moved to 4 June, Diamond Jubilee on 5 June. */
    CHECK(!calendar_is_working(ew, D("2012-06-04")));
    CHECK(!calendar_is_working(ew, D("2012-06-05")));
    CHECK(calendar_is_working(ew, D("2012-05-28")));
    CHECK_ADD(ew, "2012-06-01", 1, "2012-06-06");
    CHECK_ADD(ew, "2012-05-25", 1, "2012-05-28");
    CHECK_BETWEEN(ew, "2012-06-01", "2012-06-08", 3);

    /* One-off days. */
    CHECK(!calendar_is_working(ew, D("2022-09-19")));
    CHECK(!calendar_is_working(ew, D("2023-05-08")));
    CHECK(!calendar_is_working(ew, D("2011-04-29")));
    CHECK(!calendar_is_working(ew, D("2022-06-02")));
    CHECK(!calendar_is_working(ew, D("2022-06-03")));
    CHECK(calendar_is_working(ew, D("2022-05-30")));
    CHECK(!calendar_is_working(ew, D("2020-05-08")));
    CHECK(calendar_is_working(ew, D("2020-05-04")));
    CHECK(!calendar_is_working(ew, D("2002-06-03")));
    CHECK(!calendar_is_working(ew, D("2002-06-04")));
    CHECK_ADD(ew, "2022-09-16", 1, "2022-09-20");
    CHECK_ADD(ew, "2023-05-05", 1, "2023-05-09");

    /* Easter. */
    CHECK(!calendar_is_working(ew, D("2024-03-29")));
    CHECK(!calendar_is_working(ew, D("2024-04-01")));
    CHECK(!calendar_is_working(ew, D("2025-04-18")));
    CHECK(!calendar_is_working(ew, D("2025-04-21")));
    CHECK(calendar_is_working(ew, D("2024-03-28")));
    CHECK(calendar_is_working(ew, D("2024-04-02")));
    CHECK_ADD(ew, "2024-03-28", 1, "2024-04-02");
    CHECK_ADD(ew, "2024-03-28", 5, "2024-04-08");
    CHECK_ADD(ew, "2025-04-17", 1, "2025-04-22");
    CHECK_ADD(ew, "2025-04-22", -1, "2025-04-17");
    CHECK_ADD(ew, "2025-04-18", 3, "2025-04-24");
    CHECK_BETWEEN(ew, "2025-04-17", "2025-04-22", 1);

    /* Starts on a weekend or a bank holiday: the start is never counted. */
    CHECK_ADD(ew, "2024-12-21", 1, "2024-12-23");
    CHECK_ADD(ew, "2024-12-22", 1, "2024-12-23");
    CHECK_ADD(ew, "2024-12-25", 1, "2024-12-27");
    CHECK_ADD(ew, "2024-12-26", 1, "2024-12-27");
    CHECK_ADD(ew, "2024-12-23", 1, "2024-12-24");
    CHECK_ADD(ew, "2024-12-21", 0, "2024-12-21");
    CHECK_ADD(ew, "2024-12-25", 0, "2024-12-25");

    /* Backwards. */
    CHECK_ADD(ew, "2024-12-23", -1, "2024-12-20");
    CHECK_ADD(ew, "2024-12-22", -1, "2024-12-20");
    CHECK_ADD(ew, "2025-01-01", -1, "2024-12-31");
    CHECK_ADD(ew, "2024-12-27", -2, "2024-12-23");
    CHECK_ADD(ew, "2024-04-02", -1, "2024-03-28");

    /* Between, both directions. */
    CHECK_BETWEEN(ew, "2024-12-20", "2024-12-20", 0);
    CHECK_BETWEEN(ew, "2024-12-20", "2024-12-22", 0);
    CHECK_BETWEEN(ew, "2024-12-20", "2024-12-23", 1);
    CHECK_BETWEEN(ew, "2024-12-23", "2024-12-20", -1);
    CHECK_BETWEEN(ew, "2024-12-24", "2024-12-26", 0);
    CHECK_BETWEEN(ew, "2024-12-26", "2024-12-24", 0);
    CHECK_BETWEEN(ew, "2024-12-31", "2024-01-01", -254);
    CHECK_BETWEEN(ew, "2023-12-31", "2024-12-31", 254);
}

static void test_out_of_range(const Calendar *ew)
{
    CHECK(!calendar_covers(ew, D("1999-12-31")));
    CHECK(calendar_covers(ew, D("2000-01-01")));
    CHECK(calendar_covers(ew, D("2035-12-31")));
    CHECK(!calendar_covers(ew, D("2036-01-01")));

    CHECK_ADD_FAILS(ew, "1999-06-01", 5, "1999-06-02");
    CHECK_ADD_FAILS(ew, "1999-06-01", -5, "1999-05-31");
    CHECK_ADD_FAILS(ew, "2036-03-02", 1, "2036-03-03");
    CHECK_ADD_FAILS(ew, "2036-03-02", -1, "2036-03-01");
    CHECK_ADD_FAILS(ew, "2035-12-28", 2, "2036-01-01");
    CHECK_ADD_FAILS(ew, "2000-01-10", -5, "1999-12-31");
    CHECK_ADD(ew, "2035-12-28", 1, "2035-12-31");
    CHECK_ADD(ew, "1999-12-31", 1, "2000-01-04");
    CHECK_ADD(ew, "2000-01-10", -4, "2000-01-04");
    CHECK_ADD(ew, "1999-06-01", 0, "1999-06-01");

    CHECK_BETWEEN_FAILS(ew, "1999-06-01", "1999-06-30");
    CHECK_BETWEEN_FAILS(ew, "1999-06-30", "1999-06-01");
    CHECK_BETWEEN_FAILS(ew, "2036-01-05", "2036-01-10");
    CHECK_BETWEEN_FAILS(ew, "1999-12-30", "2000-01-10");
    CHECK_BETWEEN_FAILS(ew, "2035-12-01", "2036-01-01");
    CHECK_BETWEEN_FAILS(ew, "2036-01-01", "2035-12-01");
    CHECK_BETWEEN(ew, "1999-12-31", "2000-01-10", 5);
    CHECK_BETWEEN(ew, "2000-01-10", "1999-12-31", -5);
    CHECK_BETWEEN(ew, "1999-06-01", "1999-06-01", 0);
}

/* Every covered day, and N from -60 to 60 from every day 2011..2028, against the reference. */
static void test_properties(const Calendar *ew)
{
    long lo = ref_days(ref_first_year, 1, 1), hi = ref_days(ref_last_year + 1, 1, 1) - 1;

    CHECK(ref_rows > 0 && ref_first_year == 2000 && ref_last_year == 2035);

    sweep_bad = 0;
    for (long t = ref_base; t < ref_base + ref_len; t++) {
        SWEEP(calendar_covers(ew, (qdate)t) == ref_covers(t), "%s", S((qdate)t));
        if (ref_covers(t))
            SWEEP(calendar_is_working(ew, (qdate)t) == ref_working(t), "%s", S((qdate)t));
    }
    SWEEP_DONE("covers and is_working against the CSV");

    sweep_bad = 0;
    for (long a = lo - 1; a <= hi; a++) {
        for (long b = a - 45; b <= a + 45; b++) {
            int got = 0;
            int rc = calendar_working_days_between(ew, (qdate)a, (qdate)b, &got);
            long x = a < b ? a : b, y = a < b ? b : a;
            if (x != y && (!ref_covers(x + 1) || !ref_covers(y))) {
                SWEEP(rc == -1, "between %s and %s", S((qdate)a), S((qdate)b));
                continue;
            }
            long want = ref_cum[b - ref_base] - ref_cum[a - ref_base];
            SWEEP(rc == 0 && got == want, "between %s and %s: %d, want %ld", S((qdate)a),
                  S((qdate)b), got, want);
        }
    }
    SWEEP_DONE("between against the reference");

    int whole = 0;
    CHECK(calendar_working_days_between(ew, (qdate)(lo - 1), (qdate)hi, &whole) == 0 &&
          whole == ref_cum[hi - ref_base] - ref_cum[lo - 1 - ref_base]);

    sweep_bad = 0;
    for (long t = ref_days(2011, 1, 1); t <= ref_days(2028, 12, 31); t++) {
        qdate start = (qdate)t, prev_fwd = start, prev_back = start;
        for (int n = 0; n <= 60; n++) {
            for (int sign = 1; sign >= -1; sign -= 2) {
                int k = sign * n, between = 0;
                long want = 0;
                qdate got = 0;
                int rc = calendar_add_working_days(ew, start, k, &got);
                int ref_rc = ref_add(t, k, &want);
                if (rc != 0 || ref_rc != 0 || got != want) {
                    SWEEP(false, "%s %+d: rc %d, %s, want %s", S(start), k, rc, S(got),
                          S((qdate)want));
                    break;
                }
                if (k > 0) {
                    SWEEP(calendar_is_working(ew, got) && ref_working(got), "%s %+d", S(start), k);
                    SWEEP(calendar_working_days_between(ew, start, got, &between) == 0 &&
                              between == k, "%s %+d: between %d", S(start), k, between);
                    SWEEP(calendar_working_days_between(ew, got, start, &between) == 0 &&
                              between == -k, "%s %+d: between back %d", S(start), k, between);
                    SWEEP(got > prev_fwd, "%s %+d", S(start), k);
                    prev_fwd = got;
                } else if (k < 0) {
                    SWEEP(calendar_is_working(ew, got) && ref_working(got), "%s %+d", S(start), k);
                    /* working days in [got, start) */
                    SWEEP(calendar_working_days_between(ew, got - 1, start - 1, &between) == 0 &&
                              between == -k, "%s %+d: between %d", S(start), k, between);
                    SWEEP(got < prev_back, "%s %+d", S(start), k);
                    prev_back = got;
                } else {
                    SWEEP(got == start, "%s +0", S(start));
                }
                if (n == 0)
                    break;
            }
        }
    }
    SWEEP_DONE("working days from every day 2011..2028, N = -60..60");
}

static void test_closures(const char *csv)
{
    char err[256] = "";
    Calendar *c = calendar_new("closures");
    int first = -1, last = -1;

    calendar_years(c, &first, &last);
    CHECK(first == 0 && last == 0);
    CHECK(!calendar_covers(c, D("2024-07-04")));
    CHECK_ADD_FAILS(c, "2024-07-03", 1, "2024-07-04");
    CHECK_ADD(c, "2024-07-03", 0, "2024-07-03");
    CHECK_BETWEEN(c, "2024-07-03", "2024-07-03", 0);
    CHECK_BETWEEN_FAILS(c, "2024-07-03", "2024-07-04");

    calendar_add_holiday(c, D("2024-07-04"));
    calendar_add_holiday(c, D("2024-07-04"));
    calendar_add_holiday(c, D("2024-07-06")); /* a Saturday closure counts once */
    calendar_years(c, &first, &last);
    CHECK(first == 2024 && last == 2024);
    CHECK(calendar_covers(c, D("2024-01-01")) && calendar_covers(c, D("2024-12-31")));
    CHECK(!calendar_is_working(c, D("2024-07-04")));
    CHECK_ADD(c, "2024-07-03", 1, "2024-07-05");
    CHECK_ADD(c, "2024-07-05", -1, "2024-07-03");
    CHECK_BETWEEN(c, "2024-07-03", "2024-07-08", 2);
    CHECK_ADD_FAILS(c, "2024-12-31", 1, "2025-01-01");

    calendar_add_holiday(c, D("2026-01-01"));
    calendar_add_holiday(c, D("2023-12-25"));
    calendar_years(c, &first, &last);
    CHECK(first == 2023 && last == 2026);
    CHECK(calendar_covers(c, D("2025-06-01")));
    CHECK_ADD(c, "2024-12-31", 1, "2025-01-01");
    CHECK_BETWEEN(c, "2023-12-22", "2023-12-26", 1);
    calendar_free(c);

    /* A commissioner's extra closure day on top of the bank holidays. */
    c = calendar_new("england_and_wales");
    CHECK(calendar_load_csv(c, csv, err, sizeof err) == 0);
    calendar_add_holiday(c, D("2024-12-24"));
    CHECK_ADD(c, "2024-12-20", 10, "2025-01-09");
    CHECK(calendar_load_csv(c, csv, err, sizeof err) == 0); /* loading twice changes nothing */
    CHECK_ADD(c, "2024-12-20", 10, "2025-01-09");
    CHECK_BETWEEN(c, "2024-12-20", "2025-01-09", 10);
    calendar_free(c);
    calendar_free(NULL);
}

/* Writes text to a new temporary file, whose name goes into path. */
static bool write_temp(char *path, const char *text)
{
    strcpy(path, "/tmp/test_date_XXXXXX");
    int fd = mkstemp(path);
    if (fd < 0)
        return false;
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        return false;
    }
    fputs(text, f);
    return fclose(f) == 0;
}

/* Loads text as a CSV into a new calendar; returns the result code and the message. */
static int load_text(const char *text, char *path, char *err, size_t errlen, Calendar **out)
{
    if (!write_temp(path, text)) {
        fprintf(stderr, "test_date: cannot write a temporary file\n");
        exit(2);
    }
    *out = calendar_new("t");
    err[0] = '\0';
    int rc = calendar_load_csv(*out, path, err, errlen);
    remove(path);
    return rc;
}

static void test_load_errors(void)
{
    char path[64], err[256], want[512];
    Calendar *c;
    int first, last;

    CHECK(load_text("date,title\n2024-01-01,x\n2023-02-29,bad\n2024-12-25,y\n", path, err, sizeof err,
                    &c) == -1);
    snprintf(want, sizeof want, "%s:3: not a date: \"2023-02-29\"", path);
    check(strcmp(err, want) == 0, __LINE__, "message %s", err);
    calendar_years(c, &first, &last);
    CHECK(first == 0 && last == 0); /* nothing added from a bad file */
    calendar_free(c);

    CHECK(load_text("date\n24/05/2024,x\n", path, err, sizeof err, &c) == -1);
    snprintf(want, sizeof want, "%s:2: not a date: \"24/05/2024\"", path);
    check(strcmp(err, want) == 0, __LINE__, "message %s", err);
    calendar_free(c);

    CHECK(load_text("date\n2024-01-01\n,x\n", path, err, sizeof err, &c) == -1);
    snprintf(want, sizeof want, "%s:3: not a date: \"\"", path);
    check(strcmp(err, want) == 0, __LINE__, "message %s", err);
    calendar_free(c);

    CHECK(load_text("date\n2024-01-01 and then some more text that goes on and on,x\n", path, err,
                    sizeof err, &c) == -1);
    snprintf(want, sizeof want, "%s:2: not a date: \"2024-01-01 and then some more te...\"", path);
    check(strcmp(err, want) == 0, __LINE__, "message %s", err);
    calendar_free(c);

    CHECK(load_text("date\n2024-01-01\tx\n", path, err, sizeof err, &c) == -1);
    snprintf(want, sizeof want, "%s:2: not a date: \"2024-01-01?x\"", path);
    check(strcmp(err, want) == 0, __LINE__, "message %s", err);
    calendar_free(c);

    /* CRLF line ends, a row without other columns, blank lines. */
    CHECK(load_text("date,title\r\n2024-01-01,x\r\n2024-12-25\r\n\r\n\n2025-12-25,y", path, err,
                    sizeof err, &c) == 0);
    calendar_years(c, &first, &last);
    CHECK(first == 2024 && last == 2025);
    CHECK(!calendar_is_working(c, D("2024-12-25")) && !calendar_is_working(c, D("2025-12-25")));
    calendar_free(c);

    CHECK(load_text("date,title,source\n", path, err, sizeof err, &c) == 0);
    calendar_years(c, &first, &last);
    CHECK(first == 0 && last == 0);
    calendar_free(c);

    CHECK(load_text("", path, err, sizeof err, &c) == 0);
    calendar_free(c);

    c = calendar_new("t");
    CHECK(calendar_load_csv(c, "/nonexistent/holidays.csv", err, sizeof err) == -1);
    CHECK(strncmp(err, "/nonexistent/holidays.csv: ", 27) == 0);
    CHECK(calendar_load_csv(c, "/nonexistent/holidays.csv", NULL, 0) == -1);
    char tiny[8];
    CHECK(calendar_load_csv(c, "/nonexistent/holidays.csv", tiny, sizeof tiny) == -1 &&
          strlen(tiny) == 7);
    calendar_free(c);
}

int main(int argc, char **argv)
{
    char err[512];

    if (argc != 2) {
        fprintf(stderr, "usage: %s path/to/england_and_wales.csv\n", argv[0]);
        return 2;
    }
    if (!ref_build(argv[1])) {
        fprintf(stderr, "test_date: cannot read %s\n", argv[1]);
        return 2;
    }
    Calendar *ew = calendar_new("england_and_wales");
    if (!ew || calendar_load_csv(ew, argv[1], err, sizeof err) != 0) {
        fprintf(stderr, "test_date: %s\n", ew ? err : "out of memory");
        calendar_free(ew);
        return 2;
    }

    test_parse();
    test_weekday();
    test_round_trip();
    test_months();
    test_known_days(ew);
    test_out_of_range(ew);
    test_properties(ew);
    test_closures(argv[1]);
    test_load_errors();
    calendar_free(ew);

    printf("date: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
