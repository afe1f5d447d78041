/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bfd_pkt.h - RFC 5880 BFD Control packets: encoding, the reception
 * checks of section 6.8.6 in their order, and authentication (section
 * 6.7: simple password, keyed and meticulous keyed MD5 and SHA1).
 *
 * Pure functions over byte buffers: no sockets, no clock, no session
 * state beyond the receive sequence window the caller passes in.
 */
#ifndef ETKD_BFD_PKT_H
#define ETKD_BFD_PKT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/etrunk.h>

#define ETKD_BFD_VERSION	1
#define ETKD_BFD_HDR_LEN	24	/* mandatory section */
#define ETKD_BFD_AUTH_MIN_LEN	2	/* auth type + auth len */
#define ETKD_BFD_SIMPLE_MAX	16	/* password bytes */
#define ETKD_BFD_MD5_AUTH_LEN	24	/* auth section of the MD5 types */
#define ETKD_BFD_SHA1_AUTH_LEN	28	/* auth section of the SHA1 types */
#define ETKD_BFD_MAX_LEN	(ETKD_BFD_HDR_LEN + ETKD_BFD_SHA1_AUTH_LEN)

/* Flags: the byte after Vers/Diag, State in its top two bits. */
#define ETKD_BFD_F_POLL		0x20
#define ETKD_BFD_F_FINAL	0x10
#define ETKD_BFD_F_CPI		0x08	/* control plane independent */
#define ETKD_BFD_F_AUTH		0x04
#define ETKD_BFD_F_DEMAND	0x02
#define ETKD_BFD_F_MULTIPOINT	0x01

/*
 * Why a received packet was not accepted. The first ones are section
 * 6.8.6's checks in its order; ETKD_BFD_DROP_AUTH* count as
 * authentication failures, the others as drops.
 */
enum etkd_bfd_drop {
	ETKD_BFD_ACCEPT = 0,
	ETKD_BFD_DROP_SHORT,		/* shorter than 24 bytes (26 with A) */
	ETKD_BFD_DROP_VERSION,		/* version is not 1 */
	ETKD_BFD_DROP_LENGTH,		/* Length field vs. the UDP payload */
	ETKD_BFD_DROP_MULT,		/* Detect Mult 0 */
	ETKD_BFD_DROP_MULTIPOINT,	/* M bit set */
	ETKD_BFD_DROP_DISCR,		/* My Discriminator 0 */
	ETKD_BFD_DROP_YOUR_DISCR,	/* Your Discr. 0 in Init/Up, or not ours */
	ETKD_BFD_DROP_NO_SESSION,	/* no session for it (caller's lookup) */
	ETKD_BFD_DROP_REMOTE_DISCR,	/* static session: not the peer's discr. */
	ETKD_BFD_DROP_TTL,		/* single hop / micro: TTL not 255 */
	ETKD_BFD_DROP_ADMIN_DOWN,	/* our session is AdminDown */
	ETKD_BFD_DROP_DEMAND,		/* D bit: demand mode is not supported */
	ETKD_BFD_DROP_SOURCE,		/* Your Discr. ours, sender not the peer */
	ETKD_BFD_DROP_AUTH_MISMATCH,	/* A bit vs. the configured type */
	ETKD_BFD_DROP_AUTH,		/* bad section, key id, password, digest */
	ETKD_BFD_DROP_AUTH_SEQ,		/* sequence number out of the window */
	__ETKD_BFD_DROP_MAX
};

#define ETKD_BFD_DROP_MAX (__ETKD_BFD_DROP_MAX - 1)

static inline bool etkd_bfd_drop_is_auth(enum etkd_bfd_drop d)
{
	return d >= ETKD_BFD_DROP_AUTH_MISMATCH;
}

/* A short name for logs and JSON: "short", "version", ... */
const char *etkd_bfd_drop_name(enum etkd_bfd_drop d);
const char *etkd_bfd_state_name(enum etrunk_bfd_state s);
const char *etkd_bfd_diag_name(enum etrunk_bfd_diag d);

/* The decoded mandatory section plus the auth header. Intervals in us. */
struct etkd_bfd_pkt {
	uint8_t version;
	uint8_t diag;		/* enum etrunk_bfd_diag */
	uint8_t state;		/* enum etrunk_bfd_state */
	uint8_t flags;		/* ETKD_BFD_F_* */
	uint8_t mult;
	uint8_t length;
	uint32_t my_discr;
	uint32_t your_discr;
	uint32_t min_tx;
	uint32_t min_rx;
	uint32_t min_echo_rx;
	/* Valid with ETKD_BFD_F_AUTH. */
	uint8_t auth_type;	/* enum etrunk_bfd_auth */
	uint8_t auth_len;
	uint8_t key_id;
	uint32_t seq;		/* MD5/SHA1 types */
};

/* A session's authentication: type, Auth Key ID and the key (password). */
struct etkd_bfd_auth {
	uint8_t type;		/* enum etrunk_bfd_auth */
	uint8_t key_id;
	uint8_t key_len;	/* 1..16 (simple, MD5) or 1..20 (SHA1) */
	uint8_t key[ETRUNK_BFD_KEY_MAX];
};

/*
 * The receive side of authentication (RFC 5880 bfd.RcvAuthSeq and
 * bfd.AuthSeqKnown): keyed types accept a sequence number in
 * [last, last + 3 * Detect Mult], meticulous ones in
 * [last + 1, last + 3 * Detect Mult] (mod 2^32). Detect Mult is the
 * received packet's: the window is how many of the sender's packets may
 * be lost in a detection time.
 */
struct etkd_bfd_auth_rx {
	bool known;
	uint32_t last;
};

/* 0, or -1 if @a is not a valid configuration (type, key length). */
int etkd_bfd_auth_valid(const struct etkd_bfd_auth *a);

/*
 * Encode @p into @buf (at least ETKD_BFD_MAX_LEN bytes), with the auth
 * section of @auth (NULL or type none: no A bit) and sequence number
 * @seq; p->version, p->length, p->auth_* and the A bit are set here.
 * Returns the length, or -1 (bad auth configuration, crypto failure).
 */
int etkd_bfd_encode(const struct etkd_bfd_pkt *p,
		    const struct etkd_bfd_auth *auth, uint32_t seq,
		    uint8_t *buf, size_t size);

/*
 * Section 6.8.6's checks that need only the packet, in its order:
 * version, length (24, or 26 with the A bit, and at most @len), Detect
 * Mult, Multipoint, My Discriminator, Your Discriminator 0 outside
 * Down/AdminDown; then the auth section's own length for its type.
 * Fills @p (may be partly filled on a drop). Returns ETKD_BFD_ACCEPT or
 * the reason.
 */
enum etkd_bfd_drop etkd_bfd_decode(const uint8_t *buf, size_t len,
				   struct etkd_bfd_pkt *p);

/*
 * Checks 6.8.6's authentication steps on a decoded packet: the A bit
 * against @auth's type, then section 6.7 (type, key id, password or
 * digest, then the sequence window in @rx, which moves only on success).
 * @buf/@p as decode() left them. ETKD_BFD_ACCEPT or an auth reason.
 */
enum etkd_bfd_drop etkd_bfd_auth_check(const uint8_t *buf,
				       const struct etkd_bfd_pkt *p,
				       const struct etkd_bfd_auth *auth,
				       struct etkd_bfd_auth_rx *rx);

/* Your Discriminator of a packet with at least 12 bytes, else 0: for the
 * demultiplexing before a session is known.
 */
uint32_t etkd_bfd_peek_your_discr(const uint8_t *buf, size_t len);

#endif /* ETKD_BFD_PKT_H */
