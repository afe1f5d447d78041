// SPDX-License-Identifier: GPL-2.0
/*
 * rbs_msg.c - the remote backup service's message codec (rbs_msg.h).
 *
 * The HMAC of a message is HMAC-SHA256(key, nonce | header | body) where
 * nonce is the receiver's hello nonce (16 zero bytes in a hello, which
 * comes before the peer's nonce is known), header and body as sent (the
 * flags say an HMAC follows, the length counts it).
 */
#include <string.h>

#include "auth.h"
#include "rbs_msg.h"

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v >> 16);
	put16(p + 2, v);
}

static void put64(uint8_t *p, uint64_t v)
{
	put32(p, v >> 32);
	put32(p + 4, v);
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)get16(p) << 16 | get16(p + 2);
}

static uint64_t get64(const uint8_t *p)
{
	return (uint64_t)get32(p) << 32 | get32(p + 4);
}

const char *etkd_rbs_strerror(int err)
{
	switch (err) {
	case ETKD_RBS_OK:
		return "ok";
	case ETKD_RBS_E_SHORT:
		return "incomplete message";
	case ETKD_RBS_E_MAGIC:
		return "bad magic";
	case ETKD_RBS_E_VERSION:
		return "unsupported version";
	case ETKD_RBS_E_TYPE:
		return "unknown message type";
	case ETKD_RBS_E_LEN:
		return "bad length";
	case ETKD_RBS_E_AUTH:
		return "authentication failed";
	case ETKD_RBS_E_SEQ:
		return "unexpected sequence number";
	case ETKD_RBS_E_SPACE:
		return "no room";
	case ETKD_RBS_E_CRYPTO:
		return "HMAC failed";
	}
	return "unknown error";
}

const char *etkd_rbs_type_name(uint8_t type)
{
	static const char *const names[] = {
		[ETKD_RBS_HELLO] = "hello",
		[ETKD_RBS_BULK_START] = "bulk-start",
		[ETKD_RBS_ENTRIES] = "entries",
		[ETKD_RBS_BULK_END] = "bulk-end",
		[ETKD_RBS_DELETE] = "delete",
		[ETKD_RBS_KEEPALIVE] = "keepalive",
	};

	return type < __ETKD_RBS_TYPE_MAX && names[type] ? names[type] : "?";
}

const char *etkd_rbs_kind_name(uint8_t kind)
{
	static const char *const names[] = { "arp", "nd", "igmp", "mld" };

	return kind < __ETKD_RBS_KIND_MAX ? names[kind] : "?";
}

/* Room for the sender's role, the nonce and the largest message. */
#define MAC_PREFIX	(1 + ETKD_RBS_NONCE_LEN)
static uint8_t mac_buf[MAC_PREFIX + ETKD_RBS_MAX_LEN];

static int compute_mac(const struct etkd_rbs_auth *auth, uint8_t type,
		       const uint8_t *msg, size_t len,
		       uint8_t mac[ETKD_RBS_MAC_LEN])
{
	if (len > ETKD_RBS_MAX_LEN - ETKD_RBS_MAC_LEN)
		return ETKD_RBS_E_LEN;
	mac_buf[0] = auth->dir;
	if (type != ETKD_RBS_HELLO && auth->has_nonce)
		memcpy(mac_buf + 1, auth->nonce, ETKD_RBS_NONCE_LEN);
	else
		memset(mac_buf + 1, 0, ETKD_RBS_NONCE_LEN);
	memcpy(mac_buf + MAC_PREFIX, msg, len);
	if (etkd_hmac(auth->key, auth->key_len, mac_buf, MAC_PREFIX + len, mac))
		return ETKD_RBS_E_CRYPTO;
	return 0;
}

int etkd_rbs_seal(uint8_t *buf, size_t size, uint8_t type, uint64_t seq,
		  uint32_t backup_id, size_t body_len,
		  const struct etkd_rbs_auth *auth)
{
	bool mac = auth && auth->key && auth->key_len;
	size_t len = ETKD_RBS_HDR_LEN + body_len +
		     (mac ? ETKD_RBS_MAC_LEN : 0);

	if (len > size)
		return ETKD_RBS_E_SPACE;
	if (len > ETKD_RBS_MAX_LEN)
		return ETKD_RBS_E_LEN;
	put32(buf, ETKD_RBS_MAGIC);
	buf[4] = ETKD_RBS_VERSION;
	buf[5] = type;
	buf[6] = mac ? ETKD_RBS_FLAG_MAC : 0;
	buf[7] = 0;
	put32(buf + 8, (uint32_t)len);
	put64(buf + 12, seq);
	put32(buf + 20, backup_id);
	if (mac) {
		int err = compute_mac(auth, type, buf, len - ETKD_RBS_MAC_LEN,
				  buf + len - ETKD_RBS_MAC_LEN);
		if (err)
			return err;
	}
	return (int)len;
}

size_t etkd_rbs_put_hello(uint8_t *body, const struct etkd_rbs_hello *h)
{
	memset(body, 0, ETKD_RBS_HELLO_LEN);
	put16(body, h->min_version);
	put16(body + 2, h->keepalive_ms);
	memcpy(body + 8, h->nonce, ETKD_RBS_NONCE_LEN);
	return ETKD_RBS_HELLO_LEN;
}

void etkd_rbs_put_entry(uint8_t *p, const struct etkd_rbs_entry *e)
{
	memset(p, 0, ETKD_RBS_ENTRY_LEN);
	p[0] = e->kind;
	p[1] = e->rel;
	put16(p + 2, e->vid);
	p[4] = e->flags;
	memcpy(p + 8, e->addr, 16);
	memcpy(p + 24, e->lladdr, 6);
}

void etkd_rbs_put_count(uint8_t *body, uint32_t n)
{
	put32(body, n);
}

static bool type_has_entries(uint8_t type)
{
	return type == ETKD_RBS_ENTRIES || type == ETKD_RBS_DELETE;
}

int etkd_rbs_parse(const uint8_t *buf, size_t len,
		   const struct etkd_rbs_auth *auth, uint64_t expect_seq,
		   struct etkd_rbs_hdr *hdr, const uint8_t **body,
		   size_t *body_len)
{
	bool want_mac = auth && auth->key && auth->key_len;
	size_t min, blen;
	int err;

	/* The whole header: the length is at 8 to 11 (a TCP read may end
	 * anywhere; what follows in the buffer is an older message's).
	 */
	if (len < ETKD_RBS_HDR_LEN)
		return ETKD_RBS_E_SHORT;
	if (get32(buf) != ETKD_RBS_MAGIC)
		return ETKD_RBS_E_MAGIC;
	if (buf[4] != ETKD_RBS_VERSION)
		return ETKD_RBS_E_VERSION;
	if (buf[5] < ETKD_RBS_HELLO || buf[5] >= __ETKD_RBS_TYPE_MAX)
		return ETKD_RBS_E_TYPE;
	hdr->version = buf[4];
	hdr->type = buf[5];
	hdr->flags = buf[6];
	hdr->len = get32(buf + 8);
	if (buf[6] & ~ETKD_RBS_FLAG_MAC)
		return ETKD_RBS_E_LEN;
	min = ETKD_RBS_HDR_LEN + (buf[6] & ETKD_RBS_FLAG_MAC ?
				  ETKD_RBS_MAC_LEN : 0);
	if (hdr->len < min || hdr->len > ETKD_RBS_MAX_LEN)
		return ETKD_RBS_E_LEN;
	if (len < hdr->len)
		return ETKD_RBS_E_SHORT;
	/* Both sides agree on the key: a message with or without an HMAC
	 * unlike ours is a key mismatch (one side has none).
	 */
	if (!!(buf[6] & ETKD_RBS_FLAG_MAC) != want_mac)
		return ETKD_RBS_E_AUTH;
	blen = hdr->len - min;
	if (want_mac) {
		uint8_t mac[ETKD_RBS_MAC_LEN];

		err = compute_mac(auth, hdr->type, buf,
				  hdr->len - ETKD_RBS_MAC_LEN, mac);
		if (err)
			return err;
		if (!etkd_hmac_equal(mac, buf + hdr->len - ETKD_RBS_MAC_LEN))
			return ETKD_RBS_E_AUTH;
	}
	hdr->seq = get64(buf + 12);
	hdr->backup_id = get32(buf + 20);
	if (hdr->seq != expect_seq)
		return ETKD_RBS_E_SEQ;
	switch (hdr->type) {
	case ETKD_RBS_HELLO:
		if (blen != ETKD_RBS_HELLO_LEN)
			return ETKD_RBS_E_LEN;
		break;
	case ETKD_RBS_ENTRIES:
	case ETKD_RBS_DELETE:
		if (blen < ETKD_RBS_COUNT_LEN)
			return ETKD_RBS_E_LEN;
		break;
	case ETKD_RBS_BULK_END:
		if (blen != ETKD_RBS_COUNT_LEN)
			return ETKD_RBS_E_LEN;
		break;
	default:
		if (blen)
			return ETKD_RBS_E_LEN;
	}
	*body = buf + ETKD_RBS_HDR_LEN;
	*body_len = blen;
	if (type_has_entries(hdr->type)) {
		uint32_t n;

		err = etkd_rbs_get_count(*body, blen, &n);
		if (err)
			return err;
	}
	return (int)hdr->len;
}

int etkd_rbs_get_hello(const uint8_t *body, size_t len,
		       struct etkd_rbs_hello *h)
{
	if (len != ETKD_RBS_HELLO_LEN)
		return ETKD_RBS_E_LEN;
	h->min_version = get16(body);
	h->keepalive_ms = get16(body + 2);
	memcpy(h->nonce, body + 8, ETKD_RBS_NONCE_LEN);
	if (h->min_version > ETKD_RBS_VERSION)
		return ETKD_RBS_E_VERSION;
	return 0;
}

int etkd_rbs_get_count(const uint8_t *body, size_t len, uint32_t *n)
{
	if (len < ETKD_RBS_COUNT_LEN)
		return ETKD_RBS_E_LEN;
	*n = get32(body);
	if (*n > ETKD_RBS_MAX_ENTRIES ||
	    len != ETKD_RBS_COUNT_LEN + (size_t)*n * ETKD_RBS_ENTRY_LEN)
		return ETKD_RBS_E_LEN;
	return 0;
}

uint32_t etkd_rbs_get_u32(const uint8_t *body)
{
	return get32(body);
}

int etkd_rbs_get_entry(const uint8_t *body, uint32_t i,
		       struct etkd_rbs_entry *e)
{
	const uint8_t *p = body + ETKD_RBS_COUNT_LEN +
			   (size_t)i * ETKD_RBS_ENTRY_LEN;

	e->kind = p[0];
	e->rel = p[1];
	e->vid = get16(p + 2);
	e->flags = p[4];
	memcpy(e->addr, p + 8, 16);
	memcpy(e->lladdr, p + 24, 6);
	if (e->kind >= __ETKD_RBS_KIND_MAX || e->rel >= __ETKD_RBS_REL_MAX ||
	    e->vid > 4094)
		return ETKD_RBS_E_LEN;
	return 0;
}
