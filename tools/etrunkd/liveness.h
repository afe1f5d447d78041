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

struct liveness {
	int fd;			/* raw ICMP/ICMPv6 socket, -1: none */
	int family;
	uint8_t addr[16];
	uint16_t ident;		/* echo identifier */
	uint16_t seq;
	uint64_t sent;		/* requests */
	uint64_t answered;	/* replies */
	uint64_t reply_ms;	/* when the last reply came */
	uint64_t reply_sent_ms;	/* when the request it answers was sent */
};

/* Open the socket for @addr of @len (4 or 16) bytes. 0 or -errno. */
int liveness_open(struct liveness *l, const uint8_t *addr, unsigned int len,
		  uint16_t ident);
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
