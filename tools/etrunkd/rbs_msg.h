/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rbs_msg.h - the remote backup service's wire format: versioned,
 * length-prefixed messages on one TCP connection per service, each
 * optionally followed by an HMAC-SHA256. A pure codec, no I/O: the
 * Documentation/rbs-protocol.md is its specification.
 *
 * Header (24 bytes, network byte order):
 *   0  u32 magic "ERBS" (0x45524253)
 *   4  u8  version (1)
 *   5  u8  type (enum etkd_rbs_type)
 *   6  u8  flags (bit 0: an HMAC of 32 bytes follows the body)
 *   7  u8  reserved (0)
 *   8  u32 length of the whole message: header, body and HMAC
 *  12  u64 sequence number: 1 for the first message of each side of a
 *          connection, then +1 per message (TCP is in order: any other
 *          value is an error)
 *  20  u32 backup ID (entries, delete; 0 otherwise)
 */
#ifndef ETKD_RBS_MSG_H
#define ETKD_RBS_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ETKD_RBS_MAGIC		0x45524253u
#define ETKD_RBS_VERSION	1
#define ETKD_RBS_HDR_LEN	24
#define ETKD_RBS_MAC_LEN	32
#define ETKD_RBS_FLAG_MAC	0x01
#define ETKD_RBS_NONCE_LEN	16
#define ETKD_RBS_HELLO_LEN	32	/* body of a hello */
#define ETKD_RBS_ENTRY_LEN	32
#define ETKD_RBS_COUNT_LEN	4	/* the entry count of entries/delete */
/* Entries per message: a message stays under 32 KiB. */
#define ETKD_RBS_MAX_ENTRIES	1000
#define ETKD_RBS_MAX_LEN	(ETKD_RBS_HDR_LEN + ETKD_RBS_COUNT_LEN + \
				 ETKD_RBS_MAX_ENTRIES * ETKD_RBS_ENTRY_LEN + \
				 ETKD_RBS_MAC_LEN)

enum etkd_rbs_type {
	ETKD_RBS_HELLO = 1,
	ETKD_RBS_BULK_START = 2,
	ETKD_RBS_ENTRIES = 3,
	ETKD_RBS_BULK_END = 4,
	ETKD_RBS_DELETE = 5,
	ETKD_RBS_KEEPALIVE = 6,
	__ETKD_RBS_TYPE_MAX
};

/* Entry kinds: the bit index of ETRUNK_RBP_KIND_*. */
enum etkd_rbs_kind {
	ETKD_RBS_ARP = 0,
	ETKD_RBS_ND = 1,
	ETKD_RBS_IGMP = 2,
	ETKD_RBS_MLD = 3,
	__ETKD_RBS_KIND_MAX
};

/* Which interface of the profile's trunk an entry is on. */
enum etkd_rbs_rel {
	ETKD_RBS_REL_TRUNK = 0,		/* the trunk itself */
	ETKD_RBS_REL_VLAN = 1,		/* its VLAN sub-interface @vid */
	ETKD_RBS_REL_BRIDGE = 2,	/* the bridge over it, VLAN @vid (0:
					 * the bridge device itself) */
	__ETKD_RBS_REL_MAX
};

#define ETKD_RBS_EF_ROUTER	0x01	/* an IPv6 neighbour that is a router */

/*
 * One entry (32 bytes):
 *   0  u8  kind		 4  u8  flags
 *   1  u8  relation		 5..7  reserved (0)
 *   2  u16 VLAN ID		 8..23 address (IPv4: ::ffff:a.b.c.d)
 *  24..29 link-layer address (neighbours; 0 for MDB)  30..31 reserved
 */
struct etkd_rbs_entry {
	uint8_t kind;
	uint8_t rel;
	uint16_t vid;
	uint8_t flags;
	uint8_t addr[16];
	uint8_t lladdr[6];
};

/*
 * Hello body (32 bytes):
 *   0  u16 lowest version the sender speaks (1)
 *   2  u16 keepalive interval, ms (the receiver's dead time is 3 times it)
 *   4  u32 reserved (0)
 *   8..23 nonce: random per connection; the peer's nonce is mixed into
 *         every later HMAC the other side computes, so a recorded session
 *         cannot be replayed into a new one
 *  24..31 reserved (0)
 */
struct etkd_rbs_hello {
	uint16_t min_version;
	uint16_t keepalive_ms;
	uint8_t nonce[ETKD_RBS_NONCE_LEN];
};

struct etkd_rbs_hdr {
	uint8_t version;
	uint8_t type;
	uint8_t flags;
	uint32_t len;
	uint64_t seq;
	uint32_t backup_id;
};

enum etkd_rbs_err {
	ETKD_RBS_OK = 0,
	ETKD_RBS_E_SHORT = -1,		/* incomplete: wait for more bytes */
	ETKD_RBS_E_MAGIC = -2,
	ETKD_RBS_E_VERSION = -3,
	ETKD_RBS_E_TYPE = -4,
	ETKD_RBS_E_LEN = -5,
	ETKD_RBS_E_AUTH = -6,		/* no, a wrong or an unexpected HMAC */
	ETKD_RBS_E_SEQ = -7,
	ETKD_RBS_E_SPACE = -8,		/* the output buffer is too small */
	ETKD_RBS_E_CRYPTO = -9,
};

const char *etkd_rbs_strerror(int err);
const char *etkd_rbs_type_name(uint8_t type);
const char *etkd_rbs_kind_name(uint8_t kind);

/*
 * The sender's role, the first byte the HMAC covers: a message signed by
 * the connecting side does not verify as one from the listening side, so
 * a daemon's own messages reflected back to it are refused.
 */
#define ETKD_RBS_DIR_CONNECTOR	0x43	/* 'C' */
#define ETKD_RBS_DIR_LISTENER	0x4c	/* 'L' */

/* The HMAC context of one direction of a connection. */
struct etkd_rbs_auth {
	const uint8_t *key;		/* NULL: no HMAC */
	size_t key_len;
	uint8_t dir;			/* ETKD_RBS_DIR_*: the sender's role */
	uint8_t nonce[ETKD_RBS_NONCE_LEN];	/* the receiver's, once known */
	bool has_nonce;
};

/*
 * Encode a message of @type with @body_len bytes of body already at
 * @buf + ETKD_RBS_HDR_LEN: write the header, append the HMAC. Returns the
 * message's length or a negative enum etkd_rbs_err.
 */
int etkd_rbs_seal(uint8_t *buf, size_t size, uint8_t type, uint64_t seq,
		  uint32_t backup_id, size_t body_len,
		  const struct etkd_rbs_auth *auth);

/* Body encoders: return the body length. */
size_t etkd_rbs_put_hello(uint8_t *body, const struct etkd_rbs_hello *h);
void etkd_rbs_put_entry(uint8_t *p, const struct etkd_rbs_entry *e);
void etkd_rbs_put_count(uint8_t *body, uint32_t n);

/*
 * Parse the message at the start of @buf (@len bytes available): checks
 * magic, version, type, length, the HMAC (@auth) and that the sequence is
 * @expect_seq. Returns the message's length (consume that many bytes),
 * ETKD_RBS_E_SHORT if more bytes are needed, or another error: then the
 * connection cannot go on. @body/@body_len: the body.
 */
int etkd_rbs_parse(const uint8_t *buf, size_t len,
		   const struct etkd_rbs_auth *auth, uint64_t expect_seq,
		   struct etkd_rbs_hdr *hdr, const uint8_t **body,
		   size_t *body_len);

int etkd_rbs_get_hello(const uint8_t *body, size_t len,
		       struct etkd_rbs_hello *h);
/* Entries/delete body: the count, checked against the length. */
int etkd_rbs_get_count(const uint8_t *body, size_t len, uint32_t *n);
/* The u32 body of a bulk-end: how many entries the bulk carried. */
uint32_t etkd_rbs_get_u32(const uint8_t *body);
/* Entry @i of an entries/delete body (after etkd_rbs_get_count()). */
int etkd_rbs_get_entry(const uint8_t *body, uint32_t i,
		       struct etkd_rbs_entry *e);

#endif /* ETKD_RBS_MSG_H */
