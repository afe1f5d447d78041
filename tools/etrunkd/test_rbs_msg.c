// SPDX-License-Identifier: GPL-2.0
/*
 * test_rbs_msg.c - the remote backup service's codec: every message type
 * round trip, the byte layout of the header and of an entry, HMAC with
 * the peer's nonce (a wrong key, a missing or an unexpected HMAC, a
 * replayed session under another nonce), sequence numbers, truncation
 * and corruption.
 */
#include <string.h>

#include "rbs_msg.h"
#include "test.h"

static uint8_t buf[ETKD_RBS_MAX_LEN];

static const uint8_t key[] = "secret-key";
static const uint8_t bad_key[] = "secret-kez";

static struct etkd_rbs_auth auth(const uint8_t *k, uint8_t nonce_byte)
{
	struct etkd_rbs_auth a = { .key = k, .key_len = k ? 10 : 0,
				   .dir = ETKD_RBS_DIR_CONNECTOR };

	if (nonce_byte) {
		memset(a.nonce, nonce_byte, sizeof(a.nonce));
		a.has_nonce = true;
	}
	return a;
}

static void test_header(void)
{
	struct etkd_rbs_hdr h;
	const uint8_t *body;
	size_t blen;
	int len;

	len = etkd_rbs_seal(buf, sizeof(buf), ETKD_RBS_KEEPALIVE,
			    0x0102030405060708ULL, 0, 0, NULL);
	ok(len == ETKD_RBS_HDR_LEN, "a keepalive without a key: 24 bytes");
	ok(!memcmp(buf, "ERBS\x01\x06\x00\x00\x00\x00\x00\x18", 12) &&
	   !memcmp(buf + 12, "\x01\x02\x03\x04\x05\x06\x07\x08\0\0\0\0", 12),
	   "header bytes: magic, version, type, flags, length, sequence, id");
	ok(etkd_rbs_parse(buf, len, NULL, 0x0102030405060708ULL, &h, &body,
			  &blen) == len && h.type == ETKD_RBS_KEEPALIVE &&
	   blen == 0, "parsed back");
	ok(etkd_rbs_parse(buf, len, NULL, 1, &h, &body, &blen) ==
	   ETKD_RBS_E_SEQ, "another sequence number: refused");
	ok(etkd_rbs_parse(buf, len - 1, NULL, 0x0102030405060708ULL, &h,
			  &body, &blen) == ETKD_RBS_E_SHORT,
	   "one byte short: wait for more");
	ok(etkd_rbs_parse(buf, 5, NULL, 1, &h, &body, &blen) ==
	   ETKD_RBS_E_SHORT, "five bytes: wait for more");
	/* A read ending inside the length field, an older message's bytes
	 * after it (here a length of 0, then of 0xffffffff).
	 */
	memset(buf + 8, 0, 4);
	ok(etkd_rbs_parse(buf, 9, NULL, 1, &h, &body, &blen) ==
	   ETKD_RBS_E_SHORT, "nine bytes, stale zeros after: wait for more");
	memset(buf + 8, 0xff, 4);
	ok(etkd_rbs_parse(buf, 11, NULL, 1, &h, &body, &blen) ==
	   ETKD_RBS_E_SHORT, "eleven bytes, stale bytes after: wait for more");
	ok(etkd_rbs_parse(buf, ETKD_RBS_HDR_LEN - 1, NULL, 1, &h, &body,
			  &blen) == ETKD_RBS_E_SHORT,
	   "23 bytes: wait for more");
	len = etkd_rbs_seal(buf, sizeof(buf), ETKD_RBS_KEEPALIVE,
			    0x0102030405060708ULL, 0, 0, NULL);
	buf[0] = 'X';
	ok(etkd_rbs_parse(buf, len, NULL, 1, &h, &body, &blen) ==
	   ETKD_RBS_E_MAGIC, "bad magic");
	buf[0] = 'E';
	buf[4] = 2;
	ok(etkd_rbs_parse(buf, len, NULL, 1, &h, &body, &blen) ==
	   ETKD_RBS_E_VERSION, "version 2: refused");
	buf[4] = 1;
	buf[5] = 99;
	ok(etkd_rbs_parse(buf, len, NULL, 1, &h, &body, &blen) ==
	   ETKD_RBS_E_TYPE, "unknown type");
	buf[5] = ETKD_RBS_KEEPALIVE;
	buf[11] = 10;
	ok(etkd_rbs_parse(buf, len, NULL, 1, &h, &body, &blen) ==
	   ETKD_RBS_E_LEN, "length below the header");
	buf[11] = 0;
	buf[9] = 0xff;
	ok(etkd_rbs_parse(buf, sizeof(buf), NULL, 1, &h, &body, &blen) ==
	   ETKD_RBS_E_LEN, "length above the maximum");
	buf[9] = 0;
	buf[11] = 28;
	ok(etkd_rbs_parse(buf, 28, NULL, 0x0102030405060708ULL, &h, &body,
			  &blen) == ETKD_RBS_E_LEN,
	   "a keepalive with a body: refused");
	ok(etkd_rbs_seal(buf, 10, ETKD_RBS_KEEPALIVE, 1, 0, 0, NULL) ==
	   ETKD_RBS_E_SPACE, "seal into a too small buffer");
}

static void test_hello(void)
{
	struct etkd_rbs_hello h = { .min_version = 1, .keepalive_ms = 1000 }, g;
	struct etkd_rbs_auth a = auth(key, 0), b = auth(bad_key, 0),
			     none = auth(NULL, 0);
	struct etkd_rbs_hdr hdr;
	const uint8_t *body;
	size_t blen;
	int len;

	memset(h.nonce, 0xab, sizeof(h.nonce));
	len = etkd_rbs_seal(buf, sizeof(buf), ETKD_RBS_HELLO, 1, 0,
			    etkd_rbs_put_hello(buf + ETKD_RBS_HDR_LEN, &h), &a);
	ok(len == ETKD_RBS_HDR_LEN + ETKD_RBS_HELLO_LEN + ETKD_RBS_MAC_LEN,
	   "a signed hello: 88 bytes");
	ok(buf[6] == ETKD_RBS_FLAG_MAC, "flags say an HMAC follows");
	ok(etkd_rbs_parse(buf, len, &a, 1, &hdr, &body, &blen) == len &&
	   !etkd_rbs_get_hello(body, blen, &g) && g.keepalive_ms == 1000 &&
	   !memcmp(g.nonce, h.nonce, sizeof(g.nonce)),
	   "the same key: accepted, the nonce read back");
	ok(etkd_rbs_parse(buf, len, &b, 1, &hdr, &body, &blen) ==
	   ETKD_RBS_E_AUTH, "a wrong key: authentication failed");
	ok(etkd_rbs_parse(buf, len, &none, 1, &hdr, &body, &blen) ==
	   ETKD_RBS_E_AUTH, "no key here, an HMAC there: authentication failed");
	buf[ETKD_RBS_HDR_LEN + 3] ^= 1;
	ok(etkd_rbs_parse(buf, len, &a, 1, &hdr, &body, &blen) ==
	   ETKD_RBS_E_AUTH, "a flipped body bit: authentication failed");
	len = etkd_rbs_seal(buf, sizeof(buf), ETKD_RBS_HELLO, 1, 0,
			    etkd_rbs_put_hello(buf + ETKD_RBS_HDR_LEN, &h),
			    &none);
	ok(etkd_rbs_parse(buf, len, &a, 1, &hdr, &body, &blen) ==
	   ETKD_RBS_E_AUTH, "a key here, none there: authentication failed");
	h.min_version = 2;
	len = etkd_rbs_seal(buf, sizeof(buf), ETKD_RBS_HELLO, 1, 0,
			    etkd_rbs_put_hello(buf + ETKD_RBS_HDR_LEN, &h),
			    &none);
	ok(etkd_rbs_parse(buf, len, &none, 1, &hdr, &body, &blen) == len &&
	   etkd_rbs_get_hello(body, blen, &g) == ETKD_RBS_E_VERSION,
	   "a peer needing version 2: refused");
}

static void test_entries(void)
{
	struct etkd_rbs_auth tx = auth(key, 0x11), rx = auth(key, 0x11),
			     other;
	struct etkd_rbs_entry e = { .kind = ETKD_RBS_ND, .rel = ETKD_RBS_REL_VLAN,
				    .vid = 100, .flags = ETKD_RBS_EF_ROUTER,
				    .addr = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 },
				    .lladdr = { 2, 0, 0, 0, 0, 7 } }, g;
	uint8_t *body = buf + ETKD_RBS_HDR_LEN;
	const uint8_t *pb;
	struct etkd_rbs_hdr hdr;
	size_t blen;
	uint32_t n, i;
	int len;
	bool same = true;

	etkd_rbs_put_count(body, ETKD_RBS_MAX_ENTRIES);
	for (i = 0; i < ETKD_RBS_MAX_ENTRIES; i++) {
		e.addr[14] = i >> 8;
		e.addr[15] = i;
		etkd_rbs_put_entry(body + 4 + i * ETKD_RBS_ENTRY_LEN, &e);
	}
	len = etkd_rbs_seal(buf, sizeof(buf), ETKD_RBS_ENTRIES, 7, 42,
			    4 + ETKD_RBS_MAX_ENTRIES * ETKD_RBS_ENTRY_LEN, &tx);
	ok(len == ETKD_RBS_MAX_LEN, "the largest message: %d bytes", len);
	ok(etkd_rbs_parse(buf, len, &rx, 7, &hdr, &pb, &blen) == len &&
	   hdr.backup_id == 42 && !etkd_rbs_get_count(pb, blen, &n) &&
	   n == ETKD_RBS_MAX_ENTRIES, "parsed: backup id 42, 1000 entries");
	for (i = 0; i < n; i++) {
		same &= !etkd_rbs_get_entry(pb, i, &g);
		same &= g.kind == e.kind && g.rel == e.rel && g.vid == 100 &&
			g.flags == e.flags && g.addr[15] == (uint8_t)i &&
			g.addr[14] == (uint8_t)(i >> 8) &&
			!memcmp(g.lladdr, e.lladdr, 6);
	}
	ok(same, "every entry read back");
	ok(!memcmp(body + 4, "\x01\x01\x00\x64\x01\x00\x00\x00\x20\x01\x0d\xb8",
		   12) && !memcmp(body + 4 + 24, "\x02\0\0\0\0\x07\0\0", 8),
	   "entry bytes: kind, relation, vid, flags, address, lladdr");
	other = rx;
	other.dir = ETKD_RBS_DIR_LISTENER;
	ok(etkd_rbs_parse(buf, len, &other, 7, &hdr, &pb, &blen) ==
	   ETKD_RBS_E_AUTH,
	   "signed by one role, checked as from the other: refused (a reflection)");
	other = auth(key, 0x22);
	ok(etkd_rbs_parse(buf, len, &other, 7, &hdr, &pb, &blen) ==
	   ETKD_RBS_E_AUTH,
	   "the same message under another connection's nonce: refused (no replay)");
	ok(etkd_rbs_parse(buf, len, &rx, 8, &hdr, &pb, &blen) ==
	   ETKD_RBS_E_SEQ, "a valid message out of sequence: refused");
	etkd_rbs_put_count(body, 3);
	len = etkd_rbs_seal(buf, sizeof(buf), ETKD_RBS_DELETE, 1, 1,
			    4 + 2 * ETKD_RBS_ENTRY_LEN, NULL);
	ok(etkd_rbs_parse(buf, len, NULL, 1, &hdr, &pb, &blen) ==
	   ETKD_RBS_E_LEN, "a count beyond the body: refused");
	etkd_rbs_put_count(body, 9);
	len = etkd_rbs_seal(buf, sizeof(buf), ETKD_RBS_BULK_END, 2, 0, 4, NULL);
	ok(etkd_rbs_parse(buf, len, NULL, 2, &hdr, &pb, &blen) == len &&
	   etkd_rbs_get_u32(pb) == 9, "bulk-end carries its count");
	len = etkd_rbs_seal(buf, sizeof(buf), ETKD_RBS_BULK_START, 1, 0, 0, NULL);
	ok(etkd_rbs_parse(buf, len, NULL, 1, &hdr, &pb, &blen) == len &&
	   hdr.type == ETKD_RBS_BULK_START, "bulk-start");
	body[0] = 9;
	etkd_rbs_put_count(body, 1);
	body[4] = 7;
	ok(etkd_rbs_get_entry(body, 0, &g) == ETKD_RBS_E_LEN,
	   "an unknown kind: refused");
}

static void test_stream(void)
{
	/* Two messages back to back, read as a stream in pieces. */
	uint8_t s[256];
	struct etkd_rbs_hdr hdr;
	const uint8_t *pb;
	size_t blen, off = 0, avail;
	int a, b, got = 0;
	uint64_t seq = 1;

	a = etkd_rbs_seal(s, sizeof(s), ETKD_RBS_KEEPALIVE, 1, 0, 0, NULL);
	b = etkd_rbs_seal(s + a, sizeof(s) - a, ETKD_RBS_BULK_START, 2, 0, 0,
			  NULL);
	for (avail = 1; avail <= (size_t)(a + b); avail++) {
		int r = etkd_rbs_parse(s + off, avail - off, NULL, seq, &hdr, &pb,
				   &blen);
		if (r > 0) {
			off += r;
			seq++;
			got++;
		} else if (r != ETKD_RBS_E_SHORT) {
			break;
		}
	}
	ok(got == 2 && off == (size_t)(a + b),
	   "a stream read a byte at a time: both messages, in order");
}

int main(void)
{
	test_start();
	test_header();
	test_hello();
	test_entries();
	test_stream();
	return test_end();
}
