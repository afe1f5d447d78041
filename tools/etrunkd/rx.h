/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rx.h - the receive path of one peer: the checks a UDP datagram passes,
 * cheapest first, before its hello counts, each drop counted by reason.
 *
 * A peer is one E-Trunk group's peer address. The daemon reads a
 * datagram, picks the group by its unauthenticated group byte
 * (etkd_hello_peek_group()), and passes it to that group's etkd_rx:
 *
 *  1. the source address is the configured peer address (ADDR); the
 *     source port is not checked, so a peer may send from any port;
 *  2. without a key: a token from the peer's bucket (RATE): a flood,
 *     spoofed or not, costs a comparison per packet and leaves the daemon
 *     time for its timers; but a spoofer with the peer's address can use
 *     up the peer's tokens, as it can forge its hellos;
 *  3. decode: structure (MALFORMED), version (VERSION), the HMAC with the
 *     group's key (AUTH), the fields (MALFORMED);
 *  4. the group id is this peer's (GROUP);
 *  5. the system ID is not ours (LOOP): a hello of ours sent back to us
 *     with the peer's address forged would carry our epoch, likely
 *     greater than the peer's, and lock the real peer out as a replay;
 *  6. without a key: an epoch at most ETKD_RX_EPOCH_AHEAD ahead of our
 *     CLOCK_REALTIME (EPOCH), since epochs are the peer's start time
 *     (epoch.h): one forged hello with epoch 2^64 - 1 would otherwise
 *     make every later real hello a replay;
 *  7. (epoch, sequence) greater than the last accepted (REPLAY). Without
 *     a key, once nothing was accepted for three of our hello intervals,
 *     the window starts over: a forgery that got in (a spoofer can send
 *     anything a peer can) locks the real peer out that long at most.
 *  8. with a key: a token from the bucket (RATE), taken only here, by an
 *     authenticated fresh hello, so that forgeries and replays with the
 *     peer's address never use up the real peer's budget. The HMACs they
 *     cost are bounded by the daemon reading at most ETKD_RX_BATCH
 *     datagrams per wakeup before its timers run.
 *
 * The bucket: rate = 4 times the hello rate (1000 / interval ms, rounded
 * up), at least ETKD_RX_MIN_RATE per second, and a burst of two seconds of
 * it: room for the hellos sent at once on role changes, and for a peer
 * configured faster than us. It is sized from our interval at init, and
 * from the peer's once an accepted hello says it is shorter.
 */
#ifndef ETKD_RX_H
#define ETKD_RX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "election.h"
#include "hello.h"
#include "ratelimit.h"
#include "replay.h"

#define ETKD_RX_MIN_RATE	8	/* hellos per second */
/* Without a key, an epoch (CLOCK_REALTIME ns at the peer's start, epoch.h)
 * more than this ahead of our clock is refused (EPOCH).
 */
#define ETKD_RX_EPOCH_AHEAD	(24ULL * 3600 * 1000000000)
/* Datagrams a socket's reader takes per wakeup (level-triggered epoll
 * brings it back for the rest), so that a flood cannot starve the timers.
 */
#define ETKD_RX_BATCH		64

enum etkd_rx_verdict {
	ETKD_RX_ACCEPT = 0,
	ETKD_RX_ADDR,		/* not from the peer address */
	ETKD_RX_RATE,		/* beyond the token bucket */
	ETKD_RX_MALFORMED,	/* short, magic, type, length, fields */
	ETKD_RX_VERSION,
	ETKD_RX_AUTH,		/* HMAC missing or bad */
	ETKD_RX_GROUP,		/* another group's */
	ETKD_RX_LOOP,		/* our own system ID */
	ETKD_RX_REPLAY,
	ETKD_RX_EPOCH,		/* no key: epoch far ahead of our clock */
	__ETKD_RX_MAX
};

struct etkd_rx {
	uint8_t group;
	uint8_t peer[ETKD_ADDR_LEN];	/* normalised (etkd_addr_norm()) */
	uint8_t sysid[ETKD_SYSID_LEN];	/* ours */
	uint8_t key[ETKD_KEY_MAX];
	size_t key_len;			/* 0: no key */

	struct etkd_tb tb;
	uint32_t tb_interval_ms;	/* what the bucket is sized for */
	struct etkd_replay replay;
	uint64_t last_ns;		/* when the last hello was accepted */
	uint64_t hold_ns;		/* its interval * multiplier */
	uint64_t reset_ns;		/* no key: window reset after this */
	int last_error;			/* of the last decode that failed */
	uint64_t count[__ETKD_RX_MAX];	/* per verdict */
};

/*
 * Write @sa's address as 16 bytes: IPv6 as it is, IPv4 as IPv4-mapped
 * IPv6 (::ffff:a.b.c.d), so that a dual-stack socket's view and a
 * configured IPv4 address compare equal. Returns 0, or -1 for another
 * family or a short @len.
 */
int etkd_addr_norm(const struct sockaddr *sa, socklen_t len,
		   uint8_t out[ETKD_ADDR_LEN]);

/* Rate (per second) and burst of the bucket for hellos @interval_ms apart. */
void etkd_rx_rate_params(uint32_t interval_ms, uint32_t *rate,
			 uint32_t *burst);

/*
 * Set up @rx for @group's peer at @peer, our system ID @sysid, the group's
 * key (@key NULL or @key_len 0: none) and hello interval. Returns 0, or -1
 * for a bad address, group, key length or interval.
 */
int etkd_rx_init(struct etkd_rx *rx, uint8_t group,
		 const struct sockaddr *peer, socklen_t peer_len,
		 const uint8_t sysid[ETKD_SYSID_LEN], const uint8_t *key,
		 size_t key_len, uint32_t interval_ms, uint64_t now_ns);

/*
 * Run the checks on a datagram of @len bytes from @from at monotonic
 * @now_ns, count the verdict and, on ETKD_RX_ACCEPT, fill @h.
 */
enum etkd_rx_verdict etkd_rx_receive(struct etkd_rx *rx,
				     const struct sockaddr *from,
				     socklen_t from_len, const uint8_t *buf,
				     size_t len, uint64_t now_ns,
				     struct etkd_hello *h);

/* A valid hello came within the last one's interval * multiplier. */
bool etkd_rx_peer_up(const struct etkd_rx *rx, uint64_t now_ns);

const char *etkd_rx_verdict_name(unsigned int v);

#endif /* ETKD_RX_H */
