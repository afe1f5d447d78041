/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hello.h - the E-Trunk hello, the one message two etrunkd daemons of a
 * group exchange over UDP (source address to peer address, port
 * ETKD_DEFAULT_PORT unless configured), every hello interval and at once
 * when a member trunk's state or role changes.
 *
 * Byte by byte (version 1), every field big-endian, every field at an
 * offset that is a multiple of its size:
 *
 *    offset size field
 *     0     4    magic, ETKD_HELLO_MAGIC, "ETKP" (0x45544b50)
 *     4     1    version, ETKD_HELLO_VERSION (1); a receiver drops other
 *                versions (a later one may lay out everything after the
 *                first 8 bytes differently)
 *     5     1    type, ETKD_HELLO_TYPE_HELLO (1)
 *     6     2    flags: ETKD_HELLO_F_HMAC (bit 0), the HMAC is present;
 *                the other bits are zero
 *     8     2    length of the packet: 40 + 24 * n, + 32 with the HMAC.
 *                It must equal the UDP payload's length.
 *    10     1    group id, 1 to 16
 *    11     1    the sender's group priority, 1 to 254, lower wins
 *    12     6    the sender's system ID, a unicast MAC address, not zero
 *    18     1    hold multiplier, 1 to 255: the receiver declares the
 *                sender down after interval * multiplier without a valid
 *                hello (the sender's timers, as in BFD and VRRP)
 *    19     1    n, the number of member-trunk records, 0 to 48
 *    20     4    hello interval in ms, 10 to 60000
 *    24     8    epoch: chosen once per daemon start, greater than every
 *                epoch the sender used before (epoch.h), not zero
 *    32     8    sequence number: 1 for the first hello of an epoch, +1 for
 *                every hello sent
 *    40  24*n    member-trunk records, each:
 *                 +0  4  trunk id, the sender's, not zero
 *                 +4  4  peer trunk id: the receiver's member trunk this one
 *                        pairs with (the sender's configured remote trunk
 *                        id, else its own trunk id), not zero
 *                 +8  1  mode, enum etkd_mode
 *                 +9  1  election basis, enum etkd_basis
 *                +10  1  local state, enum etkd_trunk_state
 *                +11  1  current role, enum etkd_role
 *                +12  2  available links, 0 to 256: at least 1 when the
 *                        state is up, 0 otherwise
 *                +14  2  reserved, zero
 *                +16  8  available bandwidth in Mb/s, the sum of the
 *                        available links' speeds; 0 unless the state is up
 *                No two records of a hello have the same trunk id, nor
 *                the same peer trunk id.
 *  40+24n  32    HMAC-SHA256 with the group's key over bytes 0 to
 *                40+24n-1 (everything before it, flags and length
 *                included), when ETKD_HELLO_F_HMAC is set
 *
 * Why 48 records at most: 40 + 48 * 24 + 32 = 1224 bytes, the largest
 * hello that fits the IPv6 minimum MTU (1280) after the IPv6 (40) and
 * UDP (8) headers, so a hello is never fragmented on any path.
 *
 * Why u64 bandwidth: Linux reports a link's speed as u32 Mb/s, and a
 * trunk sums up to 256 of them, which a u32 cannot hold.
 *
 * A receiver checks, and drops with a distinct error, in this order:
 * shorter than the header (ETKD_HELLO_ESHORT), magic (EMAGIC), version
 * (EVERSION), type (ETYPE), n above 48 (ETOOMANY), a length field that
 * does not match n and the HMAC flag (ELENGTH), a packet shorter than its
 * length field (ESHORT, truncated) or longer (ELENGTH); then, with a key,
 * a missing HMAC (ENOHMAC) or a wrong one (EBADHMAC); last, the fields'
 * values and reserved bits (EINVAL). The HMAC is checked before any field
 * is interpreted, so nothing a forger wrote is acted on. Without a key a
 * present HMAC is not checked (as flush frames do): a pair where only one
 * side has a key is a misconfiguration the keyed side reports.
 */
#ifndef ETKD_HELLO_H
#define ETKD_HELLO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "proto.h"

#define ETKD_HELLO_MAGIC	0x45544b50	/* "ETKP" */
#define ETKD_HELLO_VERSION	1
#define ETKD_HELLO_TYPE_HELLO	1
#define ETKD_HELLO_F_HMAC	0x0001

#define ETKD_HELLO_HDR_LEN	40
#define ETKD_HELLO_REC_LEN	24
#define ETKD_HELLO_MAX_RECORDS	48
#define ETKD_HELLO_MAX_LEN	(ETKD_HELLO_HDR_LEN + \
				 ETKD_HELLO_MAX_RECORDS * ETKD_HELLO_REC_LEN + \
				 ETKD_HMAC_LEN)

/* The wire layout; fields in network byte order. */
struct etkd_hello_wire_hdr {
	uint32_t magic;
	uint8_t version;
	uint8_t type;
	uint16_t flags;
	uint16_t length;
	uint8_t group;
	uint8_t priority;
	uint8_t sysid[ETKD_SYSID_LEN];
	uint8_t hold_mult;
	uint8_t n_records;
	uint32_t interval_ms;
	uint64_t epoch;
	uint64_t seq;
};

struct etkd_hello_wire_rec {
	uint32_t trunk_id;
	uint32_t peer_trunk_id;
	uint8_t mode;
	uint8_t basis;
	uint8_t state;
	uint8_t role;
	uint16_t links;
	uint16_t reserved;
	uint64_t bandwidth;
};

/* A member trunk as the sender reports it (host byte order). */
struct etkd_hello_rec {
	uint32_t trunk_id;
	uint32_t peer_trunk_id;
	uint8_t mode;		/* enum etkd_mode */
	uint8_t basis;		/* enum etkd_basis */
	uint8_t state;		/* enum etkd_trunk_state */
	uint8_t role;		/* enum etkd_role */
	uint16_t links;
	uint64_t bandwidth;	/* Mb/s */
};

/* A hello (host byte order). */
struct etkd_hello {
	uint8_t group;
	uint8_t priority;
	uint8_t sysid[ETKD_SYSID_LEN];
	uint8_t hold_mult;
	uint32_t interval_ms;
	uint64_t epoch;
	uint64_t seq;
	/* Set by decode: the HMAC was present and verified with our key. */
	bool authenticated;
	unsigned int n_records;
	struct etkd_hello_rec rec[ETKD_HELLO_MAX_RECORDS];
};

enum etkd_hello_err {
	ETKD_HELLO_OK = 0,
	ETKD_HELLO_ESHORT = -1,		/* short or truncated */
	ETKD_HELLO_EMAGIC = -2,
	ETKD_HELLO_EVERSION = -3,
	ETKD_HELLO_ETYPE = -4,
	ETKD_HELLO_ELENGTH = -5,	/* length field inconsistent */
	ETKD_HELLO_ETOOMANY = -6,	/* more than 48 records */
	ETKD_HELLO_EINVAL = -7,		/* a field's value, reserved bits */
	ETKD_HELLO_ENOHMAC = -8,	/* no HMAC though we have a key */
	ETKD_HELLO_EBADHMAC = -9,
	ETKD_HELLO_ENOSPC = -10,	/* encode: the buffer is too small */
	ETKD_HELLO_ECRYPTO = -11,	/* libcrypto failed, or a bad key */
};

/*
 * Encode @h into @buf of @size bytes, with an HMAC when @key is not NULL.
 * @h is validated as a receiver would (EINVAL, ETOOMANY), so a daemon
 * never sends what its peer drops. Returns the length (at most
 * ETKD_HELLO_MAX_LEN) or a negative enum etkd_hello_err.
 */
int etkd_hello_encode(const struct etkd_hello *h, const uint8_t *key,
		      size_t key_len, uint8_t *buf, size_t size);

/*
 * Decode and validate the @len bytes of a UDP payload at @buf into @h;
 * @key (NULL: none) is the group's. Returns ETKD_HELLO_OK or a negative
 * enum etkd_hello_err; @h is meaningful only on ETKD_HELLO_OK.
 */
int etkd_hello_decode(const uint8_t *buf, size_t len, const uint8_t *key,
		      size_t key_len, struct etkd_hello *h);

/*
 * The group id byte of a packet, unauthenticated, so that a receiver can
 * pick the group (its key, its rate limit) before decoding; 0 if @len is
 * too short to hold it.
 */
uint8_t etkd_hello_peek_group(const uint8_t *buf, size_t len);

/*
 * The record of @h that pairs with our member trunk @trunk_id (its peer
 * trunk id), or NULL: the peer does not report that trunk, which the
 * election counts as no available links.
 */
const struct etkd_hello_rec *etkd_hello_find(const struct etkd_hello *h,
					     uint32_t trunk_id);

/* The total length of a hello of @n records. */
size_t etkd_hello_len(unsigned int n, bool hmac);

const char *etkd_hello_strerror(int err);

#endif /* ETKD_HELLO_H */
