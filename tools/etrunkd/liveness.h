/* SPDX-License-Identifier: GPL-2.0 */
/*
 * liveness.h - the backup-liveness check of an E-Trunk group: ICMP (or
 * ICMPv6) echo requests to the group's liveness address, an address of
 * the peer reached over another path than the peer link (for example a
 * management network). When the hellos stop but the liveness address
 * still answers, only the peer link is lost and the peer is alive: the
 * election then keeps the roles and does not make both devices master.
 *
 * The peer counts as alive when it answered a request sent after the last
 * hello we accepted from it, within the hold time: a peer that died has
 * answered nothing since its last hello, whatever answers were still in
 * flight.
 */
#ifndef ETKD_LIVENESS_H
#define ETKD_LIVENESS_H

#include <stdbool.h>
#include <stdint.h>

#define LIVENESS_OUTSTANDING	8	/* requests awaiting a reply */

struct liveness {
	int fd;			/* raw ICMP/ICMPv6 socket, -1: none */
	int family;
	uint8_t addr[16];
	uint16_t ident;		/* echo identifier, random */
	uint16_t seq;		/* of the last request, from a random start */
	/* The requests not yet answered: a reply counts only if it carries
	 * one's sequence, send time and random cookie (then it is used up),
	 * so that a forged echo reply cannot keep a dead peer alive.
	 */
	struct liveness_req {
		uint64_t cookie;	/* 0: free slot */
		uint64_t sent_ms;
		uint16_t seq;
	} out[LIVENESS_OUTSTANDING];
	uint64_t sent;		/* requests */
	uint64_t answered;	/* replies */
	uint64_t forged;	/* replies to no outstanding request */
	uint64_t reply_ms;	/* when the last reply came */
	uint64_t reply_sent_ms;	/* when the request it answers was sent */
};

/* Open the socket for @addr of @len (4 or 16) bytes, with a random echo
 * identifier. 0 or -errno.
 */
int liveness_open(struct liveness *l, const uint8_t *addr, unsigned int len);
void liveness_close(struct liveness *l);
/* Send a request at @now_ms. */
void liveness_probe(struct liveness *l, uint64_t now_ms);
/* Read what is waiting on the socket (replies to us, others ignored). */
void liveness_read(struct liveness *l, uint64_t now_ms);
/*
 * Whether the liveness address answers: a reply within @hold_ms, and with
 * the peer down (!@peer_up), to a request sent after @since_ms (its last
 * hello).
 */
bool liveness_alive(const struct liveness *l, bool peer_up,
		    uint64_t since_ms, uint64_t hold_ms, uint64_t now_ms);

#endif /* ETKD_LIVENESS_H */
