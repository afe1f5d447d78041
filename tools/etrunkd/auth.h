/* SPDX-License-Identifier: GPL-2.0 */
/*
 * auth.h - HMAC-SHA256 of hellos (OpenSSL libcrypto), kept apart so that
 * the wire format does not depend on a crypto library's API.
 */
#ifndef ETKD_AUTH_H
#define ETKD_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ETKD_HMAC_LEN	32

/* HMAC-SHA256 of @len bytes at @data with @key into @mac. Returns 0, or
 * -1 if libcrypto failed or the key length is out of range.
 */
int etkd_hmac(const uint8_t *key, size_t key_len, const void *data,
	      size_t len, uint8_t mac[ETKD_HMAC_LEN]);

/* Constant time, so that a forger learns nothing from how long a wrong
 * MAC took to reject.
 */
bool etkd_hmac_equal(const uint8_t a[ETKD_HMAC_LEN],
		     const uint8_t b[ETKD_HMAC_LEN]);

#endif /* ETKD_AUTH_H */
