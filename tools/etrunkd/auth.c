// SPDX-License-Identifier: GPL-2.0
/*
 * auth.c - HMAC-SHA256 through OpenSSL's one-shot HMAC(), which OpenSSL 3
 * keeps undeprecated (unlike HMAC_CTX).
 */
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "auth.h"
#include "proto.h"

int etkd_hmac(const uint8_t *key, size_t key_len, const void *data,
	      size_t len, uint8_t mac[ETKD_HMAC_LEN])
{
	unsigned int mac_len = 0;

	if (!key || key_len < ETKD_KEY_MIN || key_len > ETKD_KEY_MAX)
		return -1;
	if (!HMAC(EVP_sha256(), key, (int)key_len, data, len, mac, &mac_len) ||
	    mac_len != ETKD_HMAC_LEN)
		return -1;
	return 0;
}

bool etkd_hmac_equal(const uint8_t a[ETKD_HMAC_LEN],
		     const uint8_t b[ETKD_HMAC_LEN])
{
	return CRYPTO_memcmp(a, b, ETKD_HMAC_LEN) == 0;
}
