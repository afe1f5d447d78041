// SPDX-License-Identifier: GPL-2.0
/*
 * hello.c - encode and decode E-Trunk hellos (the format is in hello.h).
 */
#include <endian.h>
#include <stddef.h>
#include <string.h>

#include "hello.h"

#define OFFSET_IS(type, field, off) \
	_Static_assert(offsetof(type, field) == (off), #type "." #field)

/* The structs must be the wire layout, with no padding anywhere. */
_Static_assert(sizeof(struct etkd_hello_wire_hdr) == ETKD_HELLO_HDR_LEN,
	       "hello header size");
_Static_assert(sizeof(struct etkd_hello_wire_rec) == ETKD_HELLO_REC_LEN,
	       "hello record size");
OFFSET_IS(struct etkd_hello_wire_hdr, magic, 0);
OFFSET_IS(struct etkd_hello_wire_hdr, version, 4);
OFFSET_IS(struct etkd_hello_wire_hdr, type, 5);
OFFSET_IS(struct etkd_hello_wire_hdr, flags, 6);
OFFSET_IS(struct etkd_hello_wire_hdr, length, 8);
OFFSET_IS(struct etkd_hello_wire_hdr, group, 10);
OFFSET_IS(struct etkd_hello_wire_hdr, priority, 11);
OFFSET_IS(struct etkd_hello_wire_hdr, sysid, 12);
OFFSET_IS(struct etkd_hello_wire_hdr, hold_mult, 18);
OFFSET_IS(struct etkd_hello_wire_hdr, n_records, 19);
OFFSET_IS(struct etkd_hello_wire_hdr, interval_ms, 20);
OFFSET_IS(struct etkd_hello_wire_hdr, epoch, 24);
OFFSET_IS(struct etkd_hello_wire_hdr, seq, 32);
OFFSET_IS(struct etkd_hello_wire_rec, trunk_id, 0);
OFFSET_IS(struct etkd_hello_wire_rec, peer_trunk_id, 4);
OFFSET_IS(struct etkd_hello_wire_rec, mode, 8);
OFFSET_IS(struct etkd_hello_wire_rec, basis, 9);
OFFSET_IS(struct etkd_hello_wire_rec, state, 10);
OFFSET_IS(struct etkd_hello_wire_rec, role, 11);
OFFSET_IS(struct etkd_hello_wire_rec, links, 12);
OFFSET_IS(struct etkd_hello_wire_rec, reserved, 14);
OFFSET_IS(struct etkd_hello_wire_rec, bandwidth, 16);
/* Records start 8-aligned, so every u64 in them is naturally aligned. */
_Static_assert(ETKD_HELLO_HDR_LEN % 8 == 0 && ETKD_HELLO_REC_LEN % 8 == 0,
	       "records 8-byte aligned");
/* Never fragmented: IPv6's minimum MTU less the IPv6 and UDP headers. */
_Static_assert(ETKD_HELLO_MAX_LEN <= 1280 - 40 - 8, "fits the minimum MTU");
_Static_assert(ETKD_HELLO_MAX_RECORDS <= UINT8_MAX, "the count is a u8");

size_t etkd_hello_len(unsigned int n, bool hmac)
{
	return ETKD_HELLO_HDR_LEN + (size_t)n * ETKD_HELLO_REC_LEN +
	       (hmac ? ETKD_HMAC_LEN : 0);
}

static bool sysid_valid(const uint8_t *id)
{
	static const uint8_t zero[ETKD_SYSID_LEN];

	/* The group bit of the first octet marks a multicast address. */
	return !(id[0] & 1) && memcmp(id, zero, ETKD_SYSID_LEN) != 0;
}

static bool rec_valid(const struct etkd_hello_rec *r)
{
	if (!r->trunk_id || !r->peer_trunk_id ||
	    r->mode >= __ETKD_MODE_MAX || r->basis >= __ETKD_BASIS_MAX ||
	    r->state >= __ETKD_TRUNK_STATE_MAX || r->role >= __ETKD_ROLE_MAX ||
	    r->links > ETKD_MAX_LINKS)
		return false;
	/* The state and the links say the same thing, or the sender is
	 * confused and its election inputs cannot be trusted.
	 */
	if (r->state == ETKD_TRUNK_UP)
		return r->links > 0;
	return r->links == 0 && r->bandwidth == 0;
}

/* What encode and decode both require of a hello's values. */
static int hello_valid(const struct etkd_hello *h)
{
	unsigned int i, j;

	if (h->n_records > ETKD_HELLO_MAX_RECORDS)
		return ETKD_HELLO_ETOOMANY;
	if (h->group < ETKD_GROUP_MIN || h->group > ETKD_GROUP_MAX ||
	    h->priority < ETKD_PRIORITY_MIN ||
	    h->priority > ETKD_PRIORITY_MAX || !sysid_valid(h->sysid) ||
	    h->hold_mult < ETKD_HOLD_MULT_MIN ||
	    h->interval_ms < ETKD_HELLO_INTERVAL_MIN ||
	    h->interval_ms > ETKD_HELLO_INTERVAL_MAX || !h->epoch)
		return ETKD_HELLO_EINVAL;
	for (i = 0; i < h->n_records; i++) {
		if (!rec_valid(&h->rec[i]))
			return ETKD_HELLO_EINVAL;
		/* At most 48 records: quadratic is cheaper than sorting. */
		for (j = 0; j < i; j++)
			if (h->rec[j].trunk_id == h->rec[i].trunk_id ||
			    h->rec[j].peer_trunk_id == h->rec[i].peer_trunk_id)
				return ETKD_HELLO_EINVAL;
	}
	return ETKD_HELLO_OK;
}

int etkd_hello_encode(const struct etkd_hello *h, const uint8_t *key,
		      size_t key_len, uint8_t *buf, size_t size)
{
	struct etkd_hello_wire_hdr wh;
	size_t len, signed_len;
	unsigned int i;
	int err;

	err = hello_valid(h);
	if (err)
		return err;
	signed_len = etkd_hello_len(h->n_records, false);
	len = etkd_hello_len(h->n_records, !!key);
	if (size < len)
		return ETKD_HELLO_ENOSPC;

	memset(&wh, 0, sizeof(wh));
	wh.magic = htobe32(ETKD_HELLO_MAGIC);
	wh.version = ETKD_HELLO_VERSION;
	wh.type = ETKD_HELLO_TYPE_HELLO;
	wh.flags = htobe16(key ? ETKD_HELLO_F_HMAC : 0);
	wh.length = htobe16((uint16_t)len);
	wh.group = h->group;
	wh.priority = h->priority;
	memcpy(wh.sysid, h->sysid, ETKD_SYSID_LEN);
	wh.hold_mult = h->hold_mult;
	wh.n_records = (uint8_t)h->n_records;
	wh.interval_ms = htobe32(h->interval_ms);
	wh.epoch = htobe64(h->epoch);
	wh.seq = htobe64(h->seq);
	memcpy(buf, &wh, sizeof(wh));

	for (i = 0; i < h->n_records; i++) {
		const struct etkd_hello_rec *r = &h->rec[i];
		struct etkd_hello_wire_rec wr = {
			.trunk_id = htobe32(r->trunk_id),
			.peer_trunk_id = htobe32(r->peer_trunk_id),
			.mode = r->mode,
			.basis = r->basis,
			.state = r->state,
			.role = r->role,
			.links = htobe16(r->links),
			.bandwidth = htobe64(r->bandwidth),
		};

		memcpy(buf + ETKD_HELLO_HDR_LEN + i * ETKD_HELLO_REC_LEN, &wr,
		       sizeof(wr));
	}

	if (key && etkd_hmac(key, key_len, buf, signed_len, buf + signed_len))
		return ETKD_HELLO_ECRYPTO;
	return (int)len;
}

/* Everything that decides where the packet's parts are. */
static int check_structure(const uint8_t *buf, size_t len,
			   struct etkd_hello_wire_hdr *wh)
{
	size_t want;

	if (len < ETKD_HELLO_HDR_LEN)
		return ETKD_HELLO_ESHORT;
	/* Copied out: a receive buffer need not be 8-byte aligned. */
	memcpy(wh, buf, sizeof(*wh));
	if (be32toh(wh->magic) != ETKD_HELLO_MAGIC)
		return ETKD_HELLO_EMAGIC;
	if (wh->version != ETKD_HELLO_VERSION)
		return ETKD_HELLO_EVERSION;
	if (wh->type != ETKD_HELLO_TYPE_HELLO)
		return ETKD_HELLO_ETYPE;
	if (wh->n_records > ETKD_HELLO_MAX_RECORDS)
		return ETKD_HELLO_ETOOMANY;
	want = etkd_hello_len(wh->n_records,
			      be16toh(wh->flags) & ETKD_HELLO_F_HMAC);
	if (be16toh(wh->length) != want)
		return ETKD_HELLO_ELENGTH;
	if (len < want)
		return ETKD_HELLO_ESHORT;
	if (len > want)
		return ETKD_HELLO_ELENGTH;
	return ETKD_HELLO_OK;
}

static int check_hmac(const uint8_t *buf, const struct etkd_hello_wire_hdr *wh,
		      const uint8_t *key, size_t key_len)
{
	uint8_t mac[ETKD_HMAC_LEN];
	size_t signed_len;

	if (!(be16toh(wh->flags) & ETKD_HELLO_F_HMAC))
		return ETKD_HELLO_ENOHMAC;
	signed_len = etkd_hello_len(wh->n_records, false);
	if (etkd_hmac(key, key_len, buf, signed_len, mac))
		return ETKD_HELLO_ECRYPTO;
	if (!etkd_hmac_equal(mac, buf + signed_len))
		return ETKD_HELLO_EBADHMAC;
	return ETKD_HELLO_OK;
}

int etkd_hello_decode(const uint8_t *buf, size_t len, const uint8_t *key,
		      size_t key_len, struct etkd_hello *h)
{
	struct etkd_hello_wire_hdr wh;
	unsigned int i;
	int err;

	err = check_structure(buf, len, &wh);
	if (err)
		return err;
	if (key) {
		err = check_hmac(buf, &wh, key, key_len);
		if (err)
			return err;
	}
	if (be16toh(wh.flags) & ~ETKD_HELLO_F_HMAC)
		return ETKD_HELLO_EINVAL;

	h->group = wh.group;
	h->priority = wh.priority;
	memcpy(h->sysid, wh.sysid, ETKD_SYSID_LEN);
	h->hold_mult = wh.hold_mult;
	h->interval_ms = be32toh(wh.interval_ms);
	h->epoch = be64toh(wh.epoch);
	h->seq = be64toh(wh.seq);
	h->authenticated = !!key;
	h->n_records = wh.n_records;
	for (i = 0; i < h->n_records; i++) {
		struct etkd_hello_rec *r = &h->rec[i];
		struct etkd_hello_wire_rec wr;

		memcpy(&wr, buf + ETKD_HELLO_HDR_LEN + i * ETKD_HELLO_REC_LEN,
		       sizeof(wr));
		if (wr.reserved)
			return ETKD_HELLO_EINVAL;
		r->trunk_id = be32toh(wr.trunk_id);
		r->peer_trunk_id = be32toh(wr.peer_trunk_id);
		r->mode = wr.mode;
		r->basis = wr.basis;
		r->state = wr.state;
		r->role = wr.role;
		r->links = be16toh(wr.links);
		r->bandwidth = be64toh(wr.bandwidth);
	}
	return hello_valid(h);
}

const struct etkd_hello_rec *etkd_hello_find(const struct etkd_hello *h,
					     uint32_t trunk_id)
{
	unsigned int i;

	for (i = 0; i < h->n_records; i++)
		if (h->rec[i].peer_trunk_id == trunk_id)
			return &h->rec[i];
	return NULL;
}

uint8_t etkd_hello_peek_group(const uint8_t *buf, size_t len)
{
	if (len <= offsetof(struct etkd_hello_wire_hdr, group))
		return 0;
	return buf[offsetof(struct etkd_hello_wire_hdr, group)];
}

const char *etkd_hello_strerror(int err)
{
	switch (err) {
	case ETKD_HELLO_OK:
		return "ok";
	case ETKD_HELLO_ESHORT:
		return "short or truncated";
	case ETKD_HELLO_EMAGIC:
		return "bad magic";
	case ETKD_HELLO_EVERSION:
		return "unknown version";
	case ETKD_HELLO_ETYPE:
		return "unknown type";
	case ETKD_HELLO_ELENGTH:
		return "bad length";
	case ETKD_HELLO_ETOOMANY:
		return "too many records";
	case ETKD_HELLO_EINVAL:
		return "invalid field";
	case ETKD_HELLO_ENOHMAC:
		return "HMAC missing";
	case ETKD_HELLO_EBADHMAC:
		return "bad HMAC";
	case ETKD_HELLO_ENOSPC:
		return "buffer too small";
	case ETKD_HELLO_ECRYPTO:
		return "HMAC computation failed";
	}
	return "unknown error";
}
