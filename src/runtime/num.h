/* num.h: exact numbers (rationals of 64-bit integers), so 0.1 + 0.2 = 0.3. */
#ifndef QPL_NUM_H
#define QPL_NUM_H

#include <stdbool.h>
#include <stdint.h>

typedef struct Num {
    int64_t n, d;           /* d > 0, gcd(n, d) = 1 */
} Num;

bool    num_parse(const char *s, Num *out);        /* decimal literal */
Num     num_int(int64_t i);
bool    num_add(Num a, Num b, Num *out);           /* false on overflow */
bool    num_sub(Num a, Num b, Num *out);
bool    num_mul(Num a, Num b, Num *out);
bool    num_div(Num a, Num b, Num *out);           /* false on overflow or b = 0 */
int     num_cmp(Num a, Num b);
bool    num_is_int(Num a);
int64_t num_to_int(Num a);                         /* truncates */
/* Write a JSON number: exact when the decimal terminates, else 10 places. */
void    num_format(Num a, char *buf, int size);
/* How a REAL became an exact number, or why it could not. */
typedef enum { NUM_EXACT, NUM_TOO_LARGE, NUM_TOO_PRECISE, NUM_NOT_FINITE } NumConv;
/* From a SQLite REAL: a whole number as it is (below 2^63 in size), else
   its value to 15 significant digits (0.1 is 1/10), which must fit 18
   decimal places. */
NumConv num_from_double(double v, Num *out);

#endif
