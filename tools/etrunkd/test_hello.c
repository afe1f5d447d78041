// SPDX-License-Identifier: GPL-2.0
/*
 * test_hello.c - the hello wire format: a known packet byte for byte (its
 * HMAC computed independently, with Python's hmac module), round trips,
 * and every class of malformed input rejected with its own error:
 * truncation at every offset, every bit of an authenticated packet
 * flipped, every field out of range.
 */
#include <string.h>

#include "hello.h"
#include "test.h"

static const uint8_t key[] = "key of the path";
#define KEY_LEN (sizeof(key) - 1)

/* The hello of known_hello(), with HMAC, as hello.h lays it out. */
static const uint8_t known_packet[] = {
	0x45, 0x54, 0x4b, 0x50, 0x01, 0x01, 0x00, 0x01,
	0x00, 0x78, 0x03, 0x64, 0x02, 0x00, 0x5e, 0x10,
	0x20, 0x30, 0x03, 0x02, 0x00, 0x00, 0x03, 0xe8,
	0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2a,
	0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x14,
	0x00, 0x01, 0x01, 0x01, 0x00, 0x02, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x4e, 0x20,
	0x00, 0x00, 0x00, 0x0b, 0x00, 0x00, 0x00, 0x0b,
	0x02, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x95, 0xec, 0xf4, 0x45, 0xcc, 0x50, 0xc8, 0x5d,
	0xd7, 0x38, 0xe8, 0xce, 0x57, 0x95, 0x6e, 0x66,
	0x0b, 0x7b, 0x12, 0x7a, 0x5d, 0x77, 0xfb, 0xf2,
	0x83, 0x20, 0xde, 0xb9, 0x7f, 0x36, 0x2a, 0xa0,
};

static void known_hello(struct etkd_hello *h)
{
	static const uint8_t sysid[] = { 0x02, 0x00, 0x5e, 0x10, 0x20, 0x30 };

	memset(h, 0, sizeof(*h));
	h->group = 3;
	h->priority = 100;
	memcpy(h->sysid, sysid, sizeof(sysid));
	h->hold_mult = 3;
	h->interval_ms = 1000;
	h->epoch = 0x1122334455667788ULL;
	h->seq = 42;
	h->n_records = 2;
	h->rec[0] = (struct etkd_hello_rec){
		.trunk_id = 10, .peer_trunk_id = 20,
		.mode = ETKD_MODE_AUTO, .basis = ETKD_BASIS_LINKS,
		.state = ETKD_TRUNK_UP, .role = ETKD_ROLE_MASTER,
		.links = 2, .bandwidth = 20000,
	};
	h->rec[1] = (struct etkd_hello_rec){
		.trunk_id = 11, .peer_trunk_id = 11,
		.mode = ETKD_MODE_FORCE_BACKUP, .basis = ETKD_BASIS_PRIORITY,
		.state = ETKD_TRUNK_DOWN, .role = ETKD_ROLE_BACKUP,
	};
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
	/* xorshift64: reproducible, so a failure can be replayed. */
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static uint64_t rnd_range(uint64_t lo, uint64_t hi)
{
	return lo + rnd() % (hi - lo + 1);
}

/* A valid hello of @n records with random values. */
static void random_hello(struct etkd_hello *h, unsigned int n)
{
	unsigned int i;

	memset(h, 0, sizeof(*h));
	h->group = rnd_range(ETKD_GROUP_MIN, ETKD_GROUP_MAX);
	h->priority = rnd_range(ETKD_PRIORITY_MIN, ETKD_PRIORITY_MAX);
	for (i = 0; i < ETKD_SYSID_LEN; i++)
		h->sysid[i] = rnd();
	h->sysid[0] &= ~1;	/* unicast */
	h->sysid[5] |= 1;	/* not zero */
	h->hold_mult = rnd_range(ETKD_HOLD_MULT_MIN, ETKD_HOLD_MULT_MAX);
	h->interval_ms = rnd_range(ETKD_HELLO_INTERVAL_MIN,
				   ETKD_HELLO_INTERVAL_MAX);
	h->epoch = rnd() | 1;
	h->seq = rnd();
	h->n_records = n;
	for (i = 0; i < n; i++) {
		struct etkd_hello_rec *r = &h->rec[i];

		r->trunk_id = 1000 * i + rnd_range(1, 999);
		/* Unique, as trunk ids, and up to the largest. */
		r->peer_trunk_id = UINT32_MAX - 1000 * i - rnd_range(0, 999);
		r->mode = rnd_range(0, __ETKD_MODE_MAX - 1);
		r->basis = rnd_range(0, __ETKD_BASIS_MAX - 1);
		r->state = rnd_range(0, __ETKD_TRUNK_STATE_MAX - 1);
		r->role = rnd_range(0, __ETKD_ROLE_MAX - 1);
		if (r->state == ETKD_TRUNK_UP) {
			r->links = rnd_range(1, ETKD_MAX_LINKS);
			r->bandwidth = rnd();
		}
	}
}

static bool hello_equal(const struct etkd_hello *a, const struct etkd_hello *b)
{
	unsigned int i;

	if (a->group != b->group || a->priority != b->priority ||
	    memcmp(a->sysid, b->sysid, ETKD_SYSID_LEN) ||
	    a->hold_mult != b->hold_mult || a->interval_ms != b->interval_ms ||
	    a->epoch != b->epoch || a->seq != b->seq ||
	    a->n_records != b->n_records)
		return false;
	/* Field by field: the struct has padding decode does not write. */
	for (i = 0; i < a->n_records; i++) {
		const struct etkd_hello_rec *x = &a->rec[i], *y = &b->rec[i];

		if (x->trunk_id != y->trunk_id ||
		    x->peer_trunk_id != y->peer_trunk_id ||
		    x->mode != y->mode || x->basis != y->basis ||
		    x->state != y->state || x->role != y->role ||
		    x->links != y->links || x->bandwidth != y->bandwidth)
			return false;
	}
	return true;
}

/* Recompute the HMAC of a packet we patched, so that the check under test
 * is the one after authentication.
 */
static void resign(uint8_t *buf, size_t len)
{
	etkd_hmac(key, KEY_LEN, buf, len - ETKD_HMAC_LEN,
		  buf + len - ETKD_HMAC_LEN);
}

static void test_known_packet(void)
{
	uint8_t buf[ETKD_HELLO_MAX_LEN];
	struct etkd_hello h, d;
	int len, err;

	known_hello(&h);
	len = etkd_hello_encode(&h, key, KEY_LEN, buf, sizeof(buf));
	ok(len == (int)sizeof(known_packet) &&
	   !memcmp(buf, known_packet, sizeof(known_packet)),
	   "encode: a known hello gives the documented bytes and HMAC");

	err = etkd_hello_decode(known_packet, sizeof(known_packet), key,
				KEY_LEN, &d);
	ok(err == ETKD_HELLO_OK && hello_equal(&h, &d) && d.authenticated,
	   "decode: the documented bytes give the known hello, authenticated");

	err = etkd_hello_decode(known_packet, sizeof(known_packet), NULL, 0,
				&d);
	ok(err == ETKD_HELLO_OK && hello_equal(&h, &d) && !d.authenticated,
	   "decode without a key: accepted, HMAC not checked, not authenticated");
	ok(etkd_hello_find(&d, 20) == &d.rec[0] &&
	   etkd_hello_find(&d, 11) == &d.rec[1] && !etkd_hello_find(&d, 10),
	   "find: by the peer trunk id the sender pairs it with");
	ok(etkd_hello_peek_group(known_packet, sizeof(known_packet)) == 3 &&
	   etkd_hello_peek_group(known_packet, 10) == 0 &&
	   etkd_hello_peek_group(known_packet, 11) == 3,
	   "peek_group: the group byte, 0 when too short");
}

static void test_round_trips(void)
{
	uint8_t buf[ETKD_HELLO_MAX_LEN];
	unsigned int i, bad = 0;
	struct etkd_hello h, d;

	for (i = 0; i < 2000; i++) {
		bool with_key = i & 1;
		int len, err;

		random_hello(&h, i % (ETKD_HELLO_MAX_RECORDS + 1));
		len = etkd_hello_encode(&h, with_key ? key : NULL, KEY_LEN,
					buf, sizeof(buf));
		if (len != (int)etkd_hello_len(h.n_records, with_key)) {
			diag("hello %u: encode returned %d", i, len);
			bad++;
			continue;
		}
		err = etkd_hello_decode(buf, len, with_key ? key : NULL,
					KEY_LEN, &d);
		if (err || !hello_equal(&h, &d) || d.authenticated != with_key) {
			diag("hello %u: decode: %s", i, etkd_hello_strerror(err));
			bad++;
		}
	}
	ok(!bad, "2000 random hellos of 0 to 48 records, with and without HMAC, round-trip");

	random_hello(&h, ETKD_HELLO_MAX_RECORDS);
	ok(etkd_hello_encode(&h, key, KEY_LEN, buf, sizeof(buf)) ==
	   ETKD_HELLO_MAX_LEN && ETKD_HELLO_MAX_LEN == 1224,
	   "48 records with HMAC: 1224 bytes, within the IPv6 minimum MTU");
	ok(etkd_hello_encode(&h, key, KEY_LEN, buf, ETKD_HELLO_MAX_LEN - 1) ==
	   ETKD_HELLO_ENOSPC, "encode into a buffer one byte short: ENOSPC");
	h.n_records = ETKD_HELLO_MAX_RECORDS + 1;
	ok(etkd_hello_encode(&h, NULL, 0, buf, sizeof(buf)) ==
	   ETKD_HELLO_ETOOMANY, "encode 49 records: ETOOMANY");
	known_hello(&h);
	ok(etkd_hello_encode(&h, key, 0, buf, sizeof(buf)) ==
	   ETKD_HELLO_ECRYPTO &&
	   etkd_hello_encode(&h, key, ETKD_KEY_MAX + 1, buf, sizeof(buf)) ==
	   ETKD_HELLO_ECRYPTO, "encode with a key of 0 or 65 bytes: ECRYPTO");
}

static void test_truncation(void)
{
	uint8_t buf[ETKD_HELLO_MAX_LEN + 1];
	unsigned int pass, bad = 0;
	struct etkd_hello h, d;
	size_t cut;

	for (pass = 0; pass < 2; pass++) {
		const uint8_t *k = pass ? key : NULL;
		int len;

		random_hello(&h, ETKD_HELLO_MAX_RECORDS);
		len = etkd_hello_encode(&h, k, KEY_LEN, buf, sizeof(buf));
		for (cut = 0; cut < (size_t)len; cut++) {
			int err = etkd_hello_decode(buf, cut, k, KEY_LEN, &d);

			/* The first few failures say enough. */
			if (err != ETKD_HELLO_ESHORT && bad++ < 10)
				diag("cut at %zu of %d: %s", cut, len,
				     etkd_hello_strerror(err));
		}
		buf[len] = 0;
		ok(etkd_hello_decode(buf, len + 1, k, KEY_LEN, &d) ==
		   ETKD_HELLO_ELENGTH, "%s: one trailing byte: ELENGTH",
		   k ? "with HMAC" : "without HMAC");
	}
	ok(!bad, "truncated at every offset 0..1223, with and without HMAC: ESHORT");
}

/* The error a bit flip at @bit of the known packet must give a receiver
 * with the key.
 */
static int flip_expect(unsigned int bit)
{
	unsigned int byte = bit / 8, mask = 0x80 >> (bit % 8);

	if (byte < 4)
		return ETKD_HELLO_EMAGIC;
	if (byte == 4)
		return ETKD_HELLO_EVERSION;
	if (byte == 5)
		return ETKD_HELLO_ETYPE;
	/* Clearing the HMAC flag changes the length the count implies. */
	if (byte == 7 && mask == 0x01)
		return ETKD_HELLO_ELENGTH;
	if (byte == 8 || byte == 9)
		return ETKD_HELLO_ELENGTH;
	if (byte == 19) {
		/* Count 2 becomes 3, 0, 6, 10, ...: 66, 130 are too many. */
		unsigned int n = 2 ^ mask;

		return n > ETKD_HELLO_MAX_RECORDS ? ETKD_HELLO_ETOOMANY :
						    ETKD_HELLO_ELENGTH;
	}
	/* Everything else is covered by the HMAC (the HMAC itself too), which
	 * is checked before reserved bits and values.
	 */
	return ETKD_HELLO_EBADHMAC;
}

static void test_bit_flips(void)
{
	unsigned int bit, bad = 0, nbits = sizeof(known_packet) * 8;
	uint8_t buf[sizeof(known_packet)];
	struct etkd_hello d;

	for (bit = 0; bit < nbits; bit++) {
		int err;

		memcpy(buf, known_packet, sizeof(buf));
		buf[bit / 8] ^= 0x80 >> (bit % 8);
		err = etkd_hello_decode(buf, sizeof(buf), key, KEY_LEN, &d);
		if (err != flip_expect(bit) && bad++ < 10)
			diag("bit %u (byte %u): %s, expected %s", bit, bit / 8,
			     etkd_hello_strerror(err),
			     etkd_hello_strerror(flip_expect(bit)));
	}
	ok(!bad, "each of the %u bits of a signed hello flipped: the expected error",
	   nbits);
}

static void test_auth(void)
{
	static const uint8_t other_key[] = "another key";
	uint8_t buf[ETKD_HELLO_MAX_LEN];
	struct etkd_hello h, d;
	int len;

	known_hello(&h);
	len = etkd_hello_encode(&h, NULL, 0, buf, sizeof(buf));
	ok(etkd_hello_decode(buf, len, key, KEY_LEN, &d) == ETKD_HELLO_ENOHMAC,
	   "no HMAC while the receiver has a key: ENOHMAC");
	len = etkd_hello_encode(&h, other_key, sizeof(other_key) - 1, buf,
				sizeof(buf));
	ok(etkd_hello_decode(buf, len, key, KEY_LEN, &d) == ETKD_HELLO_EBADHMAC,
	   "HMAC with another key: EBADHMAC");
	ok(etkd_hello_decode(buf, len, key, KEY_LEN - 1, &d) ==
	   ETKD_HELLO_EBADHMAC, "a key that is a prefix of the sender's: EBADHMAC");
	/* An attacker stripping the HMAC must also fix the flag and length. */
	len = etkd_hello_encode(&h, key, KEY_LEN, buf, sizeof(buf));
	buf[7] = 0;
	buf[9] -= ETKD_HMAC_LEN;
	ok(etkd_hello_decode(buf, len - ETKD_HMAC_LEN, key, KEY_LEN, &d) ==
	   ETKD_HELLO_ENOHMAC, "HMAC stripped with flag and length fixed: ENOHMAC");
}

struct mutation {
	const char *what;
	unsigned int off;	/* byte offset in known_packet */
	uint8_t val;
	int err;
	unsigned int off2;	/* a second byte, if not 0 */
	uint8_t val2;
};

/* Patch one byte of the known packet, re-sign it and decode with the key;
 * the offsets are those of hello.h.
 */
static const struct mutation mutations[] = {
	{ "magic byte 0", 0, 'X', ETKD_HELLO_EMAGIC, 0, 0 },
	{ "magic byte 3", 3, 'Q', ETKD_HELLO_EMAGIC, 0, 0 },
	{ "version 0", 4, 0, ETKD_HELLO_EVERSION, 0, 0 },
	{ "version 2", 4, 2, ETKD_HELLO_EVERSION, 0, 0 },
	{ "version 255", 4, 255, ETKD_HELLO_EVERSION, 0, 0 },
	{ "type 0", 5, 0, ETKD_HELLO_ETYPE, 0, 0 },
	{ "type 2", 5, 2, ETKD_HELLO_ETYPE, 0, 0 },
	{ "flags bit 15", 6, 0x80, ETKD_HELLO_EINVAL, 0, 0 },
	{ "flags bit 1", 7, 0x03, ETKD_HELLO_EINVAL, 0, 0 },
	{ "length 0", 9, 0, ETKD_HELLO_ELENGTH, 0, 0 },
	{ "length - 1", 9, 0x77, ETKD_HELLO_ELENGTH, 0, 0 },
	{ "length + 1", 9, 0x79, ETKD_HELLO_ELENGTH, 0, 0 },
	{ "length + 24", 9, 0x90, ETKD_HELLO_ELENGTH, 0, 0 },
	{ "count 1", 19, 1, ETKD_HELLO_ELENGTH, 0, 0 },
	{ "count 3", 19, 3, ETKD_HELLO_ELENGTH, 0, 0 },
	{ "count 49", 19, 49, ETKD_HELLO_ETOOMANY, 0, 0 },
	{ "count 255", 19, 255, ETKD_HELLO_ETOOMANY, 0, 0 },
	{ "group 0", 10, 0, ETKD_HELLO_EINVAL, 0, 0 },
	{ "group 17", 10, 17, ETKD_HELLO_EINVAL, 0, 0 },
	{ "priority 0", 11, 0, ETKD_HELLO_EINVAL, 0, 0 },
	{ "priority 255", 11, 255, ETKD_HELLO_EINVAL, 0, 0 },
	{ "multicast system ID", 12, 0x03, ETKD_HELLO_EINVAL, 0, 0 },
	{ "hold multiplier 0", 18, 0, ETKD_HELLO_EINVAL, 0, 0 },
	{ "interval 16712680 ms", 21, 0xff, ETKD_HELLO_EINVAL, 0, 0 },
	{ "interval 66536 ms", 21, 0x01, ETKD_HELLO_EINVAL, 0, 0 },
	{ "interval 60001 ms", 22, 0xea, ETKD_HELLO_EINVAL, 23, 0x61 },
	{ "interval 9 ms", 22, 0, ETKD_HELLO_EINVAL, 23, 9 },
	{ "record 0 trunk id 0 (byte 43)", 43, 0, ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 0 peer trunk id 0", 47, 0, ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 0 mode 3", 48, 3, ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 0 basis 3", 49, 3, ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 0 state 3", 50, 3, ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 0 state down with 2 links", 50,
	  ETKD_TRUNK_DOWN, ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 0 state admin-down with 2 links", 50,
	  ETKD_TRUNK_ADMIN_DOWN, ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 0 role 3", 51, 3, ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 0 up with 0 links", 53, 0, ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 0 258 links", 52, 0x01, ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 0 reserved byte 54", 54, 1, ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 0 reserved byte 55", 55, 0x80, ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 1 down with bandwidth", 87, 1, ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 1 down with 1 link", 77, 1, ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 1 trunk id 10, a duplicate", 67, 10,
	  ETKD_HELLO_EINVAL, 0, 0 },
	{ "record 1 peer trunk id 20, a duplicate", 71, 20,
	  ETKD_HELLO_EINVAL, 0, 0 },
	/* Values at the edges of their ranges are fine. */
	{ "group 16", 10, 16, ETKD_HELLO_OK, 0, 0 },
	{ "group 1", 10, 1, ETKD_HELLO_OK, 0, 0 },
	{ "priority 1", 11, 1, ETKD_HELLO_OK, 0, 0 },
	{ "priority 254", 11, 254, ETKD_HELLO_OK, 0, 0 },
	{ "hold multiplier 255", 18, 255, ETKD_HELLO_OK, 0, 0 },
	{ "interval 60000 ms", 22, 0xea, ETKD_HELLO_OK, 23, 0x60 },
	{ "interval 10 ms", 22, 0, ETKD_HELLO_OK, 23, 10 },
	{ "record 0 256 links", 52, 1, ETKD_HELLO_OK, 53, 0 },
	{ "record 1 admin-down", 74,
	  ETKD_TRUNK_ADMIN_DOWN, ETKD_HELLO_OK, 0, 0 },
	{ "record 1 role none", 75, ETKD_ROLE_NONE, ETKD_HELLO_OK, 0, 0 },
};

static void test_mutations(void)
{
	uint8_t buf[sizeof(known_packet)];
	struct etkd_hello d;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mutations); i++) {
		const struct mutation *m = &mutations[i];
		int err;

		memcpy(buf, known_packet, sizeof(buf));
		buf[m->off] = m->val;
		if (m->off2)
			buf[m->off2] = m->val2;
		resign(buf, sizeof(buf));
		err = etkd_hello_decode(buf, sizeof(buf), key, KEY_LEN, &d);
		ok(err == m->err, "%s: %s", m->what, etkd_hello_strerror(err));
	}
}

static void test_epoch_zero_and_sysid(void)
{
	uint8_t buf[sizeof(known_packet)];
	struct etkd_hello h, d;

	memcpy(buf, known_packet, sizeof(buf));
	memset(buf + 24, 0, 8);
	resign(buf, sizeof(buf));
	ok(etkd_hello_decode(buf, sizeof(buf), key, KEY_LEN, &d) ==
	   ETKD_HELLO_EINVAL, "epoch 0: EINVAL");
	memcpy(buf, known_packet, sizeof(buf));
	memset(buf + 12, 0, ETKD_SYSID_LEN);
	resign(buf, sizeof(buf));
	ok(etkd_hello_decode(buf, sizeof(buf), key, KEY_LEN, &d) ==
	   ETKD_HELLO_EINVAL, "system ID zero: EINVAL");

	known_hello(&h);
	h.interval_ms = ETKD_HELLO_INTERVAL_MIN - 1;
	ok(etkd_hello_encode(&h, NULL, 0, buf, sizeof(buf)) ==
	   ETKD_HELLO_EINVAL, "encode refuses what decode would (interval 9 ms)");
	known_hello(&h);
	h.rec[1].trunk_id = h.rec[0].trunk_id;
	ok(etkd_hello_encode(&h, NULL, 0, buf, sizeof(buf)) ==
	   ETKD_HELLO_EINVAL, "encode refuses duplicate trunk ids");
}

/*
 * Random bytes, and valid hellos with random bytes changed, decoded
 * without a key (so that every field check is reached): nothing crashes,
 * and whatever is accepted encodes back to exactly the same bytes, so no
 * bit of an accepted hello goes unchecked.
 */
static void test_fuzz(void)
{
	unsigned int i, j, accepted = 0, bad = 0;
	uint8_t buf[ETKD_HELLO_MAX_LEN + 8], again[ETKD_HELLO_MAX_LEN];
	struct etkd_hello h, d;

	for (i = 0; i < 200000; i++) {
		size_t len, signed_len;
		int err;

		if (i % 4 == 0) {
			len = rnd_range(0, sizeof(buf));
			for (j = 0; j < len; j++)
				buf[j] = rnd();
		} else {
			random_hello(&h, rnd_range(0, 3));
			len = etkd_hello_encode(&h, i & 1 ? key : NULL, KEY_LEN,
						buf, sizeof(buf));
			for (j = rnd_range(1, 3); j > 0; j--)
				buf[rnd_range(0, len - 1)] = rnd();
		}
		err = etkd_hello_decode(buf, len, NULL, 0, &d);
		if (err)
			continue;
		accepted++;
		/* Everything but the HMAC, which a receiver without a key
		 * does not check.
		 */
		signed_len = len - (buf[7] & ETKD_HELLO_F_HMAC ? ETKD_HMAC_LEN : 0);
		if ((etkd_hello_encode(&d, signed_len < len ? key : NULL,
				       KEY_LEN, again, sizeof(again)) !=
		     (int)len || memcmp(buf, again, signed_len)) && bad++ < 5)
			diag("fuzz %u: accepted, but not canonical", i);
	}
	ok(!bad && accepted > 10000,
	   "200000 random and mutated packets: the %u accepted are canonical",
	   accepted);
}

static void test_strerror(void)
{
	unsigned int i, j, bad = 0;

	for (i = 0; i <= 11; i++)
		for (j = 0; j < i; j++)
			if (!strcmp(etkd_hello_strerror(-(int)i),
				    etkd_hello_strerror(-(int)j)))
				bad++;
	ok(!bad && !strcmp(etkd_hello_strerror(-99), "unknown error"),
	   "every error code has its own message");
}

int main(void)
{
	test_start();
	test_known_packet();
	test_round_trips();
	test_truncation();
	test_bit_flips();
	test_auth();
	test_mutations();
	test_epoch_zero_and_sysid();
	test_fuzz();
	test_strerror();
	return test_end();
}
