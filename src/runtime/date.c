/* date.c: civil dates, durations and working-day calendars. */
#include "date.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Calendar {
    qdate  *days;        /* holidays, sorted, without duplicates */
    size_t  n, cap;
    int     first, last; /* covered years, meaningful when n > 0 */
    int64_t lo, hi;      /* first and last covered day */
    char    name[];
};

/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Proleptic Gregorian date of a day count (Hinnant's civil_from_days). */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = era * 400 + yoe + (*m <= 2);
}

/* Saturates a day count to the range of qdate. */
static qdate clamp_qdate(int64_t t)
{
    if (t < INT32_MIN) return INT32_MIN;
    if (t > INT32_MAX) return INT32_MAX;
    return (qdate)t;
}

/* Whether y is a Gregorian leap year. */
static bool is_leap(int64_t y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/* Length of month m (1-12) of year y. */
static int days_in_month(int64_t y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

/* Days of the year before the first of month m (1-12) of year y. */
static int days_before_month(int64_t y, int m)
{
    static const int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    return before[m - 1] + (m > 2 && is_leap(y));
}

/* Whether y-m-d is a real date in years 1 to 9999, the years "YYYY-MM-DD" can write. */
bool date_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Whether t is a date qpl handles. */
bool date_in_range(qdate t)
{
    return t >= DATE_FIRST && t <= DATE_LAST;
}

/* The qdate of a valid civil date. */
qdate date_from_ymd(int y, int m, int d)
{
    return clamp_qdate(days_from_civil(y, m, d));
}

/* The civil date of a qdate. */
void date_to_ymd(qdate t, int *y, int *m, int *d)
{
    int64_t yy;
    civil_from_days(t, &yy, m, d);
    *y = (int)yy;
}

/* Parses exactly "YYYY-MM-DD" naming a real date in years 0001 to 9999. */
bool date_parse(const char *s, size_t n, qdate *out)
{
    if (!s || n != 10 || s[4] != '-' || s[7] != '-')
        return false;
    const unsigned char *u = (const unsigned char *)s;
    unsigned y0 = u[0] - '0', y1 = u[1] - '0', y2 = u[2] - '0', y3 = u[3] - '0';
    unsigned m0 = u[5] - '0', m1 = u[6] - '0', d0 = u[8] - '0', d1 = u[9] - '0';
    if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (m0 > 9) | (m1 > 9) | (d0 > 9) | (d1 > 9))
        return false;
    int y = (int)(y0 * 1000 + y1 * 100 + y2 * 10 + y3), m = (int)(m0 * 10 + m1), d = (int)(d0 * 10 + d1);
    if (!date_valid(y, m, d))
        return false;
    if (out) {
        int p = y - 1;      /* whole years before: day 0 is 0001-01-01, 719162 days before 1970-01-01 */
        *out = (qdate)(p * 365 + p / 4 - p / 100 + p / 400 + days_before_month(y, m) + d - 1 - 719162);
    }
    return true;
}

/* Writes "YYYY-MM-DD"; dates outside years 1 to 9999 come out as "0000-00-00". */
void date_format(qdate t, char *buf)
{
    int y, m, d;
    date_to_ymd(t, &y, &m, &d);
    if (y < 1 || y > 9999) {
        memcpy(buf, "0000-00-00", 11);
        return;
    }
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + d / 10);
    buf[9] = (char)('0' + d % 10);
    buf[10] = '\0';
}

/* ISO weekday of t; 1970-01-01 was a Thursday. */
int date_weekday(qdate t)
{
    return (t % 7 + 10) % 7 + 1;
}

/* Adds calendar months, keeping the day of month and clamping it to the target month's end. */
qdate date_add_months(qdate t, int months)
{
    int64_t y;
    int m, d;
    civil_from_days(t, &y, &m, &d);

    int64_t total = y * 12 + (m - 1) + months;
    int64_t ny = total / 12;
    if (total % 12 < 0)
        ny--;
    int nm = (int)(total - ny * 12) + 1;
    int last = days_in_month(ny, nm);
    return clamp_qdate(days_from_civil(ny, nm, d < last ? d : last));
}

/* Year of a qdate. */
static int year_of(qdate t)
{
    int y, m, d;
    date_to_ymd(t, &y, &m, &d);
    return y;
}

/* A new empty calendar called name; NULL when out of memory. */
Calendar *calendar_new(const char *name)
{
    if (!name)
        name = "";
    size_t len = strlen(name) + 1;
    Calendar *c = calloc(1, sizeof *c + len);
    if (c)
        memcpy(c->name, name, len);
    return c;
}

/* Frees a calendar and its holidays. */
void calendar_free(Calendar *c)
{
    if (c)
        free(c->days);
    free(c);
}

/* The calendar's name. */
const char *calendar_name(const Calendar *c)
{
    return c->name;
}

/* Index of the first holiday on or after d. */
static size_t lower_bound(const Calendar *c, qdate d)
{
    size_t lo = 0, hi = c->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->days[mid] < d)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether d is in the holiday set. */
static bool is_holiday(const Calendar *c, qdate d)
{
    size_t i = lower_bound(c, d);
    return i < c->n && c->days[i] == d;
}

/* Makes room for `extra` more holidays; false when out of memory. */
static bool reserve(Calendar *c, size_t extra)
{
    if (extra <= c->cap - c->n)
        return true;
    if (extra > SIZE_MAX / sizeof *c->days - c->n)
        return false;
    size_t want = c->n + extra;
    size_t cap = c->cap ? c->cap : 16;
    while (cap < want)
        cap = cap > SIZE_MAX / sizeof *c->days / 2 ? want : cap * 2;
    qdate *days = realloc(c->days, cap * sizeof *days);
    if (!days)
        return false;
    c->days = days;
    c->cap = cap;
    return true;
}

/* Adds d to the holiday set and its year to the coverage; false when out of memory. */
static bool insert_holiday(Calendar *c, qdate d)
{
    size_t i = lower_bound(c, d);
    if (i == c->n || c->days[i] != d) {
        if (!reserve(c, 1))
            return false;
        int y = year_of(d);
        if (c->n == 0) {
            c->first = c->last = y;
        } else {
            if (y < c->first)
                c->first = y;
            if (y > c->last)
                c->last = y;
        }
        memmove(c->days + i + 1, c->days + i, (c->n - i) * sizeof *c->days);
        c->days[i] = d;
        c->n++;
        c->lo = clamp_qdate(days_from_civil(c->first, 1, 1));
        c->hi = clamp_qdate(days_from_civil(c->last, 12, 31));
    }
    return true;
}

/* Adds a holiday or closure day; aborts when out of memory, as there is no way to report it. */
void calendar_add_holiday(Calendar *c, qdate d)
{
    if (!insert_holiday(c, d)) {
        fputs("qpl: out of memory\n", stderr);
        abort();
    }
}

/* Formats an error message into err, if there is room for one. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    if (!err || errlen == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* Reads one line and keeps up to cap bytes of its first field; false at end of file. */
static bool read_first_field(FILE *f, char *buf, size_t cap, size_t *len, bool *blank)
{
    int ch = getc(f);
    if (ch == EOF)
        return false;

    size_t n = 0;
    bool in_field = true;
    *blank = true;
    for (; ch != EOF && ch != '\n'; ch = getc(f)) {
        if (ch != '\r')
            *blank = false;
        if (!in_field)
            continue;
        if (ch == ',') {
            in_field = false;
            continue;
        }
        if (n < cap)
            buf[n] = (char)ch;
        n++;
    }
    if (n > 0 && n <= cap && buf[n - 1] == '\r')
        n--;
    *len = n;
    return true;
}

/* Loads a holiday CSV; nothing is added unless every row is a date. */
int calendar_load_csv(Calendar *c, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        set_err(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }

    qdate *rows = NULL;
    size_t n = 0, cap = 0;
    char field[32];
    size_t len;
    bool blank;
    long line = 0;
    int rc = 0;

    while (read_first_field(f, field, sizeof field, &len, &blank)) {
        qdate d;
        if (++line == 1 || blank)
            continue;
        if (!date_parse(field, len, &d)) {
            size_t shown = len < sizeof field ? len : sizeof field;
            for (size_t i = 0; i < shown; i++)
                if ((unsigned char)field[i] < 0x20 || field[i] == 0x7f)
                    field[i] = '?';
            set_err(err, errlen, "%s:%ld: not a date: \"%.*s%s\"", path, line, (int)shown,
                    field, len > shown ? "..." : "");
            rc = -1;
            break;
        }
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            qdate *grown = ncap <= SIZE_MAX / sizeof *rows ? realloc(rows, ncap * sizeof *rows) : NULL;
            if (!grown) {
                set_err(err, errlen, "%s:%ld: out of memory", path, line);
                rc = -1;
                break;
            }
            rows = grown;
            cap = ncap;
        }
        rows[n++] = d;
    }
    if (rc == 0 && ferror(f)) {
        set_err(err, errlen, "%s:%ld: read error", path, line + 1);
        rc = -1;
    }
    fclose(f);

    if (rc == 0 && !reserve(c, n)) {
        set_err(err, errlen, "%s: out of memory", path);
        rc = -1;
    }
    for (size_t i = 0; rc == 0 && i < n; i++)
        insert_holiday(c, rows[i]);
    free(rows);
    return rc;
}

/* First and last covered years, or 0 and 0 for an empty calendar. */
void calendar_years(const Calendar *c, int *first, int *last)
{
    *first = c->n ? c->first : 0;
    *last = c->n ? c->last : 0;
}

/* Whether day t (which may lie beyond the qdate range) is in a covered year. */
static bool covers(const Calendar *c, int64_t t)
{
    return c->n > 0 && t >= c->lo && t <= c->hi;
}

/* Whether d is in a covered year. */
bool calendar_covers(const Calendar *c, qdate d)
{
    return covers(c, d);
}

/* Whether d is neither a weekend day nor a holiday. */
bool calendar_is_working(const Calendar *c, qdate d)
{
    return date_weekday(d) <= 5 && !is_holiday(c, d);
}

/* Steps day by day to the n-th working day after (or before) start. */
int calendar_add_working_days(const Calendar *c, qdate start, int n, qdate *out)
{
    int step = n < 0 ? -1 : 1;
    int64_t left = n < 0 ? -(int64_t)n : n;
    int64_t d = start;

    while (left > 0) {
        d += step;
        if (!covers(c, d)) {
            if (out)
                *out = clamp_qdate(d);
            return -1;
        }
        if (calendar_is_working(c, (qdate)d))
            left--;
    }
    if (out)
        *out = (qdate)d;
    return 0;
}

/* Number of Monday-to-Friday days up to and including t, counted from a fixed Monday. */
static int64_t weekdays_through(int64_t t)
{
    int64_t u = t - 4; /* 1970-01-05 was a Monday */
    int64_t w = u / 7, r = u % 7;
    if (r < 0) {
        r += 7;
        w--;
    }
    return 5 * w + (r < 5 ? r + 1 : 5);
}

/* Counts working days in (a, b] as weekdays minus the weekday holidays among them. */
int calendar_working_days_between(const Calendar *c, qdate a, qdate b, int *out)
{
    qdate lo = a < b ? a : b, hi = a < b ? b : a;
    int64_t count = 0;

    if (lo != hi) {
        if (!covers(c, (int64_t)lo + 1) || !covers(c, hi))
            return -1;
        count = weekdays_through(hi) - weekdays_through(lo);
        for (size_t i = lower_bound(c, lo + 1); i < c->n && c->days[i] <= hi; i++)
            if (date_weekday(c->days[i]) <= 5)
                count--;
        if (count > INT_MAX) /* only a calendar spanning millions of years gets here */
            return -1;
    }
    if (out)
        *out = (int)(a <= b ? count : -count);
    return 0;
}
