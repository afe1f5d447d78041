// SPDX-License-Identifier: GPL-2.0
/*
 * bfd_pkt.c - RFC 5880 Control packets: codec, section 6.8.6 checks,
 * section 6.7 authentication (digests through OpenSSL EVP).
 */
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <string.h>

#include "bfd_pkt.h"

static const char *const drop_names[__ETKD_BFD_DROP_MAX] = {
	[ETKD_BFD_ACCEPT] = "accept",
	[ETKD_BFD_DROP_SHORT] = "short",
	[ETKD_BFD_DROP_VERSION] = "version",
	[ETKD_BFD_DROP_LENGTH] = "length",
	[ETKD_BFD_DROP_MULT] = "mult",
	[ETKD_BFD_DROP_MULTIPOINT] = "multipoint",
	[ETKD_BFD_DROP_DISCR] = "discr",
	[ETKD_BFD_DROP_YOUR_DISCR] = "your_discr",
	[ETKD_BFD_DROP_NO_SESSION] = "no_session",
	[ETKD_BFD_DROP_REMOTE_DISCR] = "remote_discr",
	[ETKD_BFD_DROP_TTL] = "ttl",
	[ETKD_BFD_DROP_ADMIN_DOWN] = "admin_down",
	[ETKD_BFD_DROP_DEMAND] = "demand",
	[ETKD_BFD_DROP_SOURCE] = "source",
	[ETKD_BFD_DROP_AUTH_MISMATCH] = "auth_mismatch",
	[ETKD_BFD_DROP_AUTH] = "auth",
	[ETKD_BFD_DROP_AUTH_SEQ] = "auth_seq",
};

const char *etkd_bfd_drop_name(enum etkd_bfd_drop d)
{
	return (unsigned int)d < __ETKD_BFD_DROP_MAX ? drop_names[d] : "?";
}

const char *etkd_bfd_state_name(enum etrunk_bfd_state s)
{
	static const char *const n[] = { "AdminDown", "Down", "Init", "Up" };

	return (unsigned int)s <= ETRUNK_BFD_STATE_MAX ? n[s] : "?";
}

const char *etkd_bfd_diag_name(enum etrunk_bfd_diag d)
{
	static const char *const n[] = {
		"none", "detect-expired", "echo-failed", "neighbor-down",
		"forwarding-reset", "path-down", "concat-down", "admin-down",
		"reverse-concat-down",
	};

	return (unsigned int)d <= ETRUNK_BFD_DIAG_MAX ? n[d] : "?";
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static bool is_md5(uint8_t t)
{
	return t == ETRUNK_BFD_AUTH_KEYED_MD5 ||
	       t == ETRUNK_BFD_AUTH_METICULOUS_MD5;
}

static bool is_sha1(uint8_t t)
{
	return t == ETRUNK_BFD_AUTH_KEYED_SHA1 ||
	       t == ETRUNK_BFD_AUTH_METICULOUS_SHA1;
}

static bool is_meticulous(uint8_t t)
{
	return t == ETRUNK_BFD_AUTH_METICULOUS_MD5 ||
	       t == ETRUNK_BFD_AUTH_METICULOUS_SHA1;
}

/* The auth section's length for a type and key (simple: 3 + password). */
static int auth_len(const struct etkd_bfd_auth *a)
{
	if (is_md5(a->type))
		return ETKD_BFD_MD5_AUTH_LEN;
	if (is_sha1(a->type))
		return ETKD_BFD_SHA1_AUTH_LEN;
	return 3 + a->key_len;
}

/* Digest bytes (16 MD5, 20 SHA1). */
static size_t digest_len(uint8_t t)
{
	return is_md5(t) ? 16 : 20;
}

int etkd_bfd_auth_valid(const struct etkd_bfd_auth *a)
{
	if (a->type == ETRUNK_BFD_AUTH_NONE)
		return 0;
	if (a->type > ETRUNK_BFD_AUTH_MAX || !a->key_len)
		return -1;
	if ((a->type == ETRUNK_BFD_AUTH_SIMPLE || is_md5(a->type)) &&
	    a->key_len > ETKD_BFD_SIMPLE_MAX)
		return -1;
	return a->key_len > ETRUNK_BFD_KEY_MAX ? -1 : 0;
}

/*
 * The digest of the packet @buf (@len bytes, auth section at 24) with
 * the key, zero-padded to the digest length, in the digest field
 * (section 6.7.3/6.7.4), into @out; the field is restored first so
 * that verification can compare with the received one.
 */
static int digest(uint8_t *buf, size_t len, const struct etkd_bfd_auth *a,
		  uint8_t *out)
{
	size_t dl = digest_len(a->type);
	uint8_t *field = buf + ETKD_BFD_HDR_LEN + 8, saved[20], md[64];
	unsigned int n = 0;
	EVP_MD_CTX *ctx;
	int ok;

	memcpy(saved, field, dl);
	memset(field, 0, dl);
	memcpy(field, a->key, a->key_len < dl ? a->key_len : dl);
	ctx = EVP_MD_CTX_new();
	ok = ctx &&
	     EVP_DigestInit_ex(ctx, is_md5(a->type) ? EVP_md5() : EVP_sha1(),
			       NULL) &&
	     EVP_DigestUpdate(ctx, buf, len) &&
	     EVP_DigestFinal_ex(ctx, md, &n) && n == dl;
	EVP_MD_CTX_free(ctx);
	/* @out may be the field itself (encoding): restore, then write. */
	memcpy(field, saved, dl);
	if (ok)
		memcpy(out, md, dl);
	return ok ? 0 : -1;
}

int etkd_bfd_encode(const struct etkd_bfd_pkt *p,
		    const struct etkd_bfd_auth *auth, uint32_t seq,
		    uint8_t *buf, size_t size)
{
	bool with_auth = auth && auth->type != ETRUNK_BFD_AUTH_NONE;
	int len = ETKD_BFD_HDR_LEN, alen = 0;
	uint8_t flags = p->flags & ~ETKD_BFD_F_AUTH;

	if (with_auth) {
		if (etkd_bfd_auth_valid(auth))
			return -1;
		alen = auth_len(auth);
		flags |= ETKD_BFD_F_AUTH;
	}
	len += alen;
	if (size < (size_t)len)
		return -1;
	memset(buf, 0, len);
	buf[0] = ETKD_BFD_VERSION << 5 | (p->diag & 0x1f);
	buf[1] = (p->state & 3) << 6 | (flags & 0x3f);
	buf[2] = p->mult;
	buf[3] = len;
	put32(buf + 4, p->my_discr);
	put32(buf + 8, p->your_discr);
	put32(buf + 12, p->min_tx);
	put32(buf + 16, p->min_rx);
	put32(buf + 20, p->min_echo_rx);
	if (!with_auth)
		return len;
	buf[24] = auth->type;
	buf[25] = alen;
	buf[26] = auth->key_id;
	if (auth->type == ETRUNK_BFD_AUTH_SIMPLE) {
		memcpy(buf + 27, auth->key, auth->key_len);
		return len;
	}
	/* buf[27] reserved, 0 */
	put32(buf + 28, seq);
	if (digest(buf, len, auth, buf + 32))
		return -1;
	return len;
}

enum etkd_bfd_drop etkd_bfd_decode(const uint8_t *buf, size_t len,
				   struct etkd_bfd_pkt *p)
{
	memset(p, 0, sizeof(*p));
	/* Too short to hold the fields the first checks read. */
	if (len < 4)
		return ETKD_BFD_DROP_SHORT;
	p->version = buf[0] >> 5;
	p->diag = buf[0] & 0x1f;
	p->state = buf[1] >> 6;
	p->flags = buf[1] & 0x3f;
	p->mult = buf[2];
	p->length = buf[3];
	if (p->version != ETKD_BFD_VERSION)
		return ETKD_BFD_DROP_VERSION;
	if (len < ETKD_BFD_HDR_LEN)
		return ETKD_BFD_DROP_SHORT;
	if (p->length < ETKD_BFD_HDR_LEN ||
	    ((p->flags & ETKD_BFD_F_AUTH) &&
	     p->length < ETKD_BFD_HDR_LEN + ETKD_BFD_AUTH_MIN_LEN))
		return ETKD_BFD_DROP_LENGTH;
	if (p->length > len)
		return ETKD_BFD_DROP_LENGTH;
	p->my_discr = get32(buf + 4);
	p->your_discr = get32(buf + 8);
	p->min_tx = get32(buf + 12);
	p->min_rx = get32(buf + 16);
	p->min_echo_rx = get32(buf + 20);
	if (!p->mult)
		return ETKD_BFD_DROP_MULT;
	if (p->flags & ETKD_BFD_F_MULTIPOINT)
		return ETKD_BFD_DROP_MULTIPOINT;
	if (!p->my_discr)
		return ETKD_BFD_DROP_DISCR;
	if (!p->your_discr && p->state != ETRUNK_BFD_STATE_DOWN &&
	    p->state != ETRUNK_BFD_STATE_ADMIN_DOWN)
		return ETKD_BFD_DROP_YOUR_DISCR;
	if (p->flags & ETKD_BFD_F_AUTH) {
		p->auth_type = buf[24];
		p->auth_len = buf[25];
		/* The section must fit in the packet as Length says. */
		if (p->auth_len < ETKD_BFD_AUTH_MIN_LEN ||
		    ETKD_BFD_HDR_LEN + p->auth_len > p->length)
			return ETKD_BFD_DROP_LENGTH;
		if (p->auth_len >= 3)
			p->key_id = buf[26];
		if (p->auth_len >= 8)
			p->seq = get32(buf + 28);
	}
	return ETKD_BFD_ACCEPT;
}

/* Section 6.7.2: the password of @p matches @a's key and key id. */
static bool simple_ok(const uint8_t *buf, const struct etkd_bfd_pkt *p,
		      const struct etkd_bfd_auth *a)
{
	if (p->auth_len < 4 || p->auth_len > 3 + ETKD_BFD_SIMPLE_MAX ||
	    p->auth_len != 3 + a->key_len || p->key_id != a->key_id)
		return false;
	return CRYPTO_memcmp(buf + 27, a->key, a->key_len) == 0;
}

/* Sections 6.7.3/6.7.4: length, key id and digest. */
static bool digest_ok(const uint8_t *buf, const struct etkd_bfd_pkt *p,
		      const struct etkd_bfd_auth *a)
{
	uint8_t copy[ETKD_BFD_MAX_LEN], want[20];
	size_t dl = digest_len(a->type);

	if (p->auth_len != auth_len(a) || p->key_id != a->key_id ||
	    p->length != ETKD_BFD_HDR_LEN + p->auth_len)
		return false;
	/* The digest covers Length bytes; work on a copy (buf is const). */
	memcpy(copy, buf, p->length);
	if (digest(copy, p->length, a, want))
		return false;
	return CRYPTO_memcmp(want, buf + 32, dl) == 0;
}

enum etkd_bfd_drop etkd_bfd_auth_check(const uint8_t *buf,
				       const struct etkd_bfd_pkt *p,
				       const struct etkd_bfd_auth *auth,
				       struct etkd_bfd_auth_rx *rx)
{
	bool have = p->flags & ETKD_BFD_F_AUTH;

	if (have != (auth->type != ETRUNK_BFD_AUTH_NONE))
		return ETKD_BFD_DROP_AUTH_MISMATCH;
	if (!have)
		return ETKD_BFD_ACCEPT;
	if (p->auth_type != auth->type)
		return ETKD_BFD_DROP_AUTH;
	if (auth->type == ETRUNK_BFD_AUTH_SIMPLE)
		return simple_ok(buf, p, auth) ? ETKD_BFD_ACCEPT :
						 ETKD_BFD_DROP_AUTH;
	if (!digest_ok(buf, p, auth))
		return ETKD_BFD_DROP_AUTH;
	/* The sequence window, checked only after the digest so that a
	 * forger cannot learn it; unsigned arithmetic wraps mod 2^32.
	 */
	if (rx->known) {
		uint32_t lo, window;

		lo = rx->last + (is_meticulous(auth->type) ? 1 : 0);
		window = 3U * p->mult - (is_meticulous(auth->type) ? 1 : 0);
		if (p->seq - lo > window)
			return ETKD_BFD_DROP_AUTH_SEQ;
	}
	rx->known = true;
	rx->last = p->seq;
	return ETKD_BFD_ACCEPT;
}

uint32_t etkd_bfd_peek_your_discr(const uint8_t *buf, size_t len)
{
	return len >= 12 ? get32(buf + 8) : 0;
}
