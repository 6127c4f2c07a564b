/* sha256.h: SHA-256 (FIPS 180-4), to fingerprint policy files in decision logs. */
#ifndef QPL_SHA256_H
#define QPL_SHA256_H

#include <stddef.h>

/* Hex digest (65 bytes with the NUL) of n bytes at data. */
void sha256_hex(const void *data, size_t n, char out[65]);

#endif
