/* num.c: exact rational arithmetic with overflow checks. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "num.h"

/* Greatest common divisor of non-negative values. */
static int64_t gcd(int64_t a, int64_t b)
{
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* Reduce a 128-bit fraction into a Num, false if it does not fit. */
static bool make(__int128 n, __int128 d, Num *out)
{
    if (d == 0)
        return false;
    if (d < 0) {
        n = -n;
        d = -d;
    }
    __int128 a = n < 0 ? -n : n, b = d;
    while (b) {
        __int128 t = a % b;
        a = b;
        b = t;
    }
    if (a > 1) {
        n /= a;
        d /= a;
    }
    if (n > INT64_MAX || n < -INT64_MAX || d > INT64_MAX)
        return false;
    out->n = (int64_t)n;
    out->d = (int64_t)d;
    return true;
}

/* The number equal to the integer i. */
Num num_int(int64_t i)
{
    return (Num){i, 1};
}

/* Parse digits with an optional fraction; at most 18 significant digits. */
bool num_parse(const char *s, Num *out)
{
    int64_t n = 0, d = 1;
    int digits = 0;
    bool frac = false, neg = false;
    if (*s == '-') {
        neg = true;
        s++;
    }
    if (!*s)
        return false;
    for (; *s; s++) {
        if (*s == '.' && !frac) {
            frac = true;
            continue;
        }
        if (*s < '0' || *s > '9')
            return false;
        if (n || *s != '0')
            digits++;
        if (digits > 18)
            return false;
        n = n * 10 + (*s - '0');
        if (frac) {
            if (d > INT64_MAX / 10)
                return false;
            d *= 10;
        }
    }
    int64_t g = gcd(n, d);
    out->n = neg ? -(n / g) : n / g;
    out->d = d / g;
    return true;
}

/* a + b into *out; false on overflow. */
bool num_add(Num a, Num b, Num *out)
{
    return make((__int128)a.n * b.d + (__int128)b.n * a.d, (__int128)a.d * b.d, out);
}

/* a - b into *out; false on overflow. */
bool num_sub(Num a, Num b, Num *out)
{
    return make((__int128)a.n * b.d - (__int128)b.n * a.d, (__int128)a.d * b.d, out);
}

/* a * b into *out; false on overflow. */
bool num_mul(Num a, Num b, Num *out)
{
    return make((__int128)a.n * b.n, (__int128)a.d * b.d, out);
}

/* a / b into *out; false on overflow or when b is zero. */
bool num_div(Num a, Num b, Num *out)
{
    if (b.n == 0)
        return false;
    return make((__int128)a.n * b.d, (__int128)a.d * b.n, out);
}

/* -1, 0 or 1 as a is less than, equal to or greater than b. */
int num_cmp(Num a, Num b)
{
    __int128 l = (__int128)a.n * b.d, r = (__int128)b.n * a.d;
    return l < r ? -1 : l > r;
}

/* Whether a is a whole number. */
bool num_is_int(Num a)
{
    return a.d == 1;
}

/* The integer part of a, truncated toward zero. */
int64_t num_to_int(Num a)
{
    return a.n / a.d;
}

/* Format as a decimal; exact when the denominator has only factors 2 and 5. */
void num_format(Num a, char *buf, int size)
{
    if (a.d == 1) {
        snprintf(buf, (size_t)size, "%lld", (long long)a.n);
        return;
    }
    int64_t d = a.d;
    int places = 0;
    while (d % 10 == 0) d /= 10, places++;
    while (d % 2 == 0) d /= 2, places++;
    while (d % 5 == 0) d /= 5, places++;
    bool exact = d == 1 && places <= 18;
    if (!exact)
        places = 10;
    __int128 scale = 1;
    for (int i = 0; i < places; i++)
        scale *= 10;
    __int128 v = (__int128)a.n * scale;
    __int128 q = v / a.d, r = v % a.d;
    if (!exact && (r < 0 ? -r : r) * 2 >= a.d)
        q += v < 0 ? -1 : 1;
    bool neg = q < 0;
    if (neg)
        q = -q;
    __int128 ip = q / scale, fp = q % scale;
    char frac[40];
    for (int i = places - 1; i >= 0; i--) {
        frac[i] = (char)('0' + (int)(fp % 10));
        fp /= 10;
    }
    int len = places;
    while (len > 0 && frac[len - 1] == '0')
        len--;
    frac[len] = 0;
    snprintf(buf, (size_t)size, "%s%lld%s%s", neg ? "-" : "", (long long)ip, len ? "." : "", frac);
}

/* Convert a double: a whole number exactly, else its 15 significant digits. */
NumConv num_from_double(double v, Num *out)
{
    if (!isfinite(v))
        return NUM_NOT_FINITE;
    if (v >= 9.2e18 || v <= -9.2e18)
        return NUM_TOO_LARGE;
    if (v == (double)(int64_t)v) {
        *out = num_int((int64_t)v);
        return NUM_EXACT;
    }
    char buf[40];   /* "d.dddddddddddddde-XXX": a double's form is bounded */
    snprintf(buf, sizeof buf, "%.14e", v < 0 ? -v : v);
    int64_t m = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            m = m * 10 + (*p - '0');
    int e = (*p ? atoi(p + 1) : 0) - 14;
    while (m && m % 10 == 0) {
        m /= 10;
        e++;
    }
    if (e < -18)
        return NUM_TOO_PRECISE;
    __int128 n = m, d = 1;
    for (; e > 0; e--)
        n *= 10;
    for (; e < 0; e++)
        d *= 10;
    return make(v < 0 ? -n : n, d, out) ? NUM_EXACT : NUM_TOO_LARGE;
}
