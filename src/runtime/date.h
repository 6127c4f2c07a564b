/* date.h: civil dates, durations and working-day calendars. */
#ifndef QPL_DATE_H
#define QPL_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A civil date as a count of days since 1970-01-01 (proleptic Gregorian).
   The dates qpl handles are those YYYY-MM-DD can write, 0001-01-01 to
   9999-12-31: a value outside them is never made (arithmetic that would
   leave them gives a missing value instead). */
typedef int32_t qdate;

#define DATE_FIRST (-719162)    /* 0001-01-01 */
#define DATE_LAST 2932896       /* 9999-12-31 */

bool  date_valid(int y, int m, int d);
/* Whether t is one of the dates qpl handles (DATE_FIRST to DATE_LAST). */
bool  date_in_range(qdate t);
qdate date_from_ymd(int y, int m, int d);        /* caller ensures date_valid */
void  date_to_ymd(qdate t, int *y, int *m, int *d);
/* Parse exactly "YYYY-MM-DD" (n bytes, no trailing text); false if not a real date. */
bool  date_parse(const char *s, size_t n, qdate *out);
/* Write "YYYY-MM-DD" and a NUL into buf (at least 11 bytes); t must be in
   range (a date outside it is written "0000-00-00"). */
void  date_format(qdate t, char *buf);
/* ISO weekday: 1 = Monday ... 7 = Sunday. */
int   date_weekday(qdate t);
/* Add calendar months (negative to subtract), clamping to the month's last day. */
qdate date_add_months(qdate t, int months);

/* A calendar is weekends plus a sorted set of holidays, covering whole years. */
typedef struct Calendar Calendar;

Calendar   *calendar_new(const char *name);
void        calendar_free(Calendar *c);
const char *calendar_name(const Calendar *c);
/* Load holidays from a CSV whose first column is an ISO date (header line skipped).
   Extends the covered years to every year that has a row. 0 on success; on
   failure -1 with a message "path:line: ..." in err. */
int  calendar_load_csv(Calendar *c, const char *path, char *err, size_t errlen);
/* Add one holiday or closure day; extends coverage to its year. */
void calendar_add_holiday(Calendar *c, qdate d);
/* First and last covered years (0, 0 when empty). */
void calendar_years(const Calendar *c, int *first, int *last);
bool calendar_covers(const Calendar *c, qdate d);
/* Whether d is a working day; d must be covered. */
bool calendar_is_working(const Calendar *c, qdate d);
/* The n-th working day after start (n > 0), before it (n < 0), or start (n = 0).
   start itself is never counted. 0 on success; -1 when a day outside the
   covered years would be needed (then *out is the first uncovered date met). */
int  calendar_add_working_days(const Calendar *c, qdate start, int n, qdate *out);
/* Number of working days d with a < d <= b (negated when b < a).
   0 on success, -1 when the range leaves the covered years. */
int  calendar_working_days_between(const Calendar *c, qdate a, qdate b, int *out);

#endif
