// SPDX-License-Identifier: GPL-2.0
/*
 * test_fuzz.c - a bounded mutation fuzzer for the decoders of untrusted
 * input: hellos (etkd_hello_decode(), with and without a key), BFD
 * packets (etkd_bfd_decode(), etkd_bfd_auth_check(), the Your
 * Discriminator peek) and RBS messages (etkd_rbs_parse() and its body
 * getters). Built with AddressSanitizer and UBSan (any finding aborts);
 * seeds are valid encodings, mutated by bit flips, byte writes,
 * truncation and extension with a fixed-seed PRNG, for FUZZ_SECONDS
 * each (default 3; 0: skip). Asserts, beyond "no crash", that a decoder
 * never reports a length beyond its input.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bfd_pkt.h"
#include "hello.h"
#include "rbs_msg.h"
#include "test.h"

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Mutate @buf of *@len bytes (room for @size) in place. */
static void mutate(uint8_t *buf, size_t *len, size_t size)
{
	unsigned int i, n = 1 + next() % 4;

	for (i = 0; i < n; i++) {
		size_t at = *len ? next() % *len : 0;

		switch (next() % 6) {
		case 0:
			if (*len)
				buf[at] ^= 1u << (next() % 8);
			break;
		case 1:
			if (*len)
				buf[at] = (uint8_t)next();
			break;
		case 2:
			if (*len)
				buf[at] = (uint8_t[]){ 0, 1, 0x7f, 0x80, 0xff }
					  [next() % 5];
			break;
		case 3:
			*len = *len ? next() % *len : 0;
			break;
		case 4:
			while (*len < size && next() % 8)
				buf[(*len)++] = (uint8_t)next();
			break;
		default:
			if (*len >= 4)
				memset(buf + at, 0xff, *len - at < 4 ?
				       *len - at : 4);
		}
	}
}

static double secs(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static const uint8_t key[] = "fuzzing key";
#define KEY_LEN (sizeof(key) - 1)

static unsigned long fuzz_hello(double budget)
{
	uint8_t seed[2][ETKD_HELLO_MAX_LEN], buf[ETKD_HELLO_MAX_LEN + 64];
	struct etkd_hello h = { .group = 3, .priority = 100, .hold_mult = 3,
				.interval_ms = 1000, .epoch = 1, .seq = 1,
				.n_records = 2 };
	size_t slen[2], len;
	unsigned long n = 0;
	double end = secs() + budget;
	int l;

	h.rec[0].trunk_id = 1;
	h.rec[1].trunk_id = 2;
	l = etkd_hello_encode(&h, NULL, 0, seed[0], ETKD_HELLO_MAX_LEN);
	slen[0] = l > 0 ? (size_t)l : 0;
	l = etkd_hello_encode(&h, key, KEY_LEN, seed[1], ETKD_HELLO_MAX_LEN);
	slen[1] = l > 0 ? (size_t)l : 0;
	while (secs() < end) {
		unsigned int i, k = next() % 2;

		for (i = 0; i < 256; i++, n++) {
			struct etkd_hello out;

			len = slen[k];
			memcpy(buf, seed[k], len);
			mutate(buf, &len, sizeof(buf));
			etkd_hello_peek_group(buf, len);
			etkd_hello_decode(buf, len, k ? key : NULL,
					  k ? KEY_LEN : 0, &out);
		}
	}
	return n;
}

static unsigned long fuzz_bfd(double budget, unsigned long *bad)
{
	struct etkd_bfd_auth auth = { .type = ETRUNK_BFD_AUTH_KEYED_SHA1,
				      .key_id = 1, .key_len = 8 }, none = { 0 };
	struct etkd_bfd_pkt p = { .state = 3, .mult = 3, .my_discr = 1,
				  .your_discr = 2, .min_tx = 1000,
				  .min_rx = 1000 };
	uint8_t seed[2][ETKD_BFD_MAX_LEN], buf[ETKD_BFD_MAX_LEN + 64];
	size_t slen[2], len;
	unsigned long n = 0;
	double end = secs() + budget;
	int l;

	memcpy(auth.key, "bfd key!", 8);
	l = etkd_bfd_encode(&p, NULL, 0, seed[0], ETKD_BFD_MAX_LEN);
	slen[0] = l > 0 ? (size_t)l : 0;
	l = etkd_bfd_encode(&p, &auth, 7, seed[1], ETKD_BFD_MAX_LEN);
	slen[1] = l > 0 ? (size_t)l : 0;
	while (secs() < end) {
		unsigned int i, k = next() % 2;

		for (i = 0; i < 256; i++, n++) {
			struct etkd_bfd_auth_rx rx = { 0 };
			struct etkd_bfd_pkt out;

			len = slen[k];
			memcpy(buf, seed[k], len);
			mutate(buf, &len, sizeof(buf));
			etkd_bfd_peek_your_discr(buf, len);
			if (etkd_bfd_decode(buf, len, &out) != ETKD_BFD_ACCEPT)
				continue;
			/* Decoded: the fixed part's checks held. */
			if (len < 24 || !out.mult || !out.my_discr)
				(*bad)++;
			etkd_bfd_auth_check(buf, &out, k ? &auth : &none, &rx);
		}
	}
	return n;
}

static unsigned long fuzz_rbs(double budget, unsigned long *bad)
{
	static uint8_t seed[3][1024], buf[1024 + 64];
	struct etkd_rbs_hello hello = { .min_version = 1, .keepalive_ms = 1000 };
	struct etkd_rbs_entry e = { .kind = 1, .rel = 1, .vid = 100 };
	size_t slen[3], len;
	unsigned long n = 0;
	double end = secs() + budget;
	int l;

	l = etkd_rbs_seal(seed[0], sizeof(seed[0]), ETKD_RBS_HELLO, 0, 7,
			  etkd_rbs_put_hello(seed[0] + ETKD_RBS_HDR_LEN, &hello),
			  NULL);
	slen[0] = l > 0 ? (size_t)l : 0;
	etkd_rbs_put_count(seed[1] + ETKD_RBS_HDR_LEN, 2);
	etkd_rbs_put_entry(seed[1] + ETKD_RBS_HDR_LEN + ETKD_RBS_COUNT_LEN, &e);
	etkd_rbs_put_entry(seed[1] + ETKD_RBS_HDR_LEN + ETKD_RBS_COUNT_LEN +
			   ETKD_RBS_ENTRY_LEN, &e);
	l = etkd_rbs_seal(seed[1], sizeof(seed[1]), ETKD_RBS_ENTRIES, 1, 7,
			  ETKD_RBS_COUNT_LEN + 2 * ETKD_RBS_ENTRY_LEN, NULL);
	slen[1] = l > 0 ? (size_t)l : 0;
	l = etkd_rbs_seal(seed[2], sizeof(seed[2]), ETKD_RBS_KEEPALIVE, 2, 7,
			  0, NULL);
	slen[2] = l > 0 ? (size_t)l : 0;
	while (secs() < end) {
		unsigned int i, k = next() % 3;

		for (i = 0; i < 256; i++, n++) {
			struct etkd_rbs_hello hout;
			struct etkd_rbs_hdr hdr;
			const uint8_t *body;
			size_t blen;
			uint32_t cnt, j;
			int r;

			len = slen[k];
			memcpy(buf, seed[k], len);
			mutate(buf, &len, sizeof(buf));
			r = etkd_rbs_parse(buf, len, NULL, k, &hdr, &body,
					   &blen);
			if (r <= 0)
				continue;
			if ((size_t)r > len || body < buf ||
			    body + blen > buf + len) {
				(*bad)++;
				continue;
			}
			etkd_rbs_get_hello(body, blen, &hout);
			if (etkd_rbs_get_count(body, blen, &cnt))
				continue;
			for (j = 0; j < cnt; j++)
				etkd_rbs_get_entry(body, j, &e);
		}
	}
	return n;
}

int main(void)
{
	const char *env = getenv("FUZZ_SECONDS");
	double budget = env ? atof(env) : 3;
	unsigned long bad_bfd = 0, bad_rbs = 0, n;

	if (budget <= 0)
		return TEST_SKIP;
	test_start();
	n = fuzz_hello(budget);
	ok(n > 0, "hello decoder: %lu mutated inputs, no finding", n);
	n = fuzz_bfd(budget, &bad_bfd);
	ok(n > 0 && !bad_bfd, "BFD decoder: %lu mutated inputs, no finding", n);
	n = fuzz_rbs(budget, &bad_rbs);
	ok(n > 0 && !bad_rbs, "RBS decoder: %lu mutated inputs, no finding", n);
	return test_end();
}
