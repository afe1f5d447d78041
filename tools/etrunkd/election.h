/* SPDX-License-Identifier: GPL-2.0 */
/*
 * election.h - who of the two devices of an E-Trunk group is master of a
 * member trunk. Pure functions of what each side knows: its own member
 * trunk, the peer's as its last hello reported it, and whether the peer
 * is up. Both devices run the same rules on mirrored inputs and must
 * come to complementary roles without talking further; test_election
 * checks that over many generated inputs.
 *
 * etkd_elect_preferred() decides, first rule that applies:
 *
 *  0. Starting (a daemon that has neither heard the peer nor waited the
 *     hold time since it started): keep the role the kernel holds, so a
 *     restart changes nothing (none held: backup). STARTING
 *  1. No available link: backup; a trunk that cannot carry is never
 *     master, whatever its mode. NO_LINKS
 *  2. Peer down (no valid hello for its interval * multiplier):
 *     a. no backup-liveness address, or it does not answer: master of
 *        everything that can carry, whatever the mode. PEER_DOWN
 *     b. it answers: only the peer link is lost and the peer is alive,
 *        so keep the roles as they were and never go dual-master: never
 *        heard the peer: keep ours; the peer's trunk had no link: master;
 *        we were master and it was not: master; it was master and we
 *        were not: backup (LIVENESS); both or neither: the device order
 *        below decides (master PEER_DOWN, backup LIVENESS).
 *  3. The peer's trunk has no available link (or the peer does not
 *     report it): master. PEER_NO_LINKS
 *  4. Different modes: force-master is master, force-backup is backup,
 *     against auto or the other force. FORCE_MASTER, FORCE_BACKUP,
 *     PEER_FORCE_MASTER, PEER_FORCE_BACKUP. The same force on both sides
 *     cancels out and the basis decides.
 *  5. The basis: both sides' if they agree, else that of the device that
 *     wins the device order (so both use the same one). Links: more
 *     wins (MORE_LINKS, FEWER_LINKS); bandwidth: more wins
 *     (MORE_BANDWIDTH, LESS_BANDWIDTH); a tie, or basis priority, goes to
 *     the device order.
 *
 * The device order: lower group priority (HIGHER_PRIORITY,
 * LOWER_PRIORITY), then lower system ID (SYSID_TIEBREAK), then lower
 * address (ADDR_TIEBREAK: the two ends of the peer link always differ,
 * so the order is total even when both devices were given the same
 * priority and system ID).
 *
 * etkd_elect() adds the two rules that need time and the current roles,
 * both only while the peer is up:
 *
 *  - Revert: a device that would take master from a peer that is master
 *    now, because it wins on the basis or the device order (it came back,
 *    or got more links), waits the revert delay first, as backup
 *    (REVERT_WAIT), and starts over if the reason goes away meanwhile.
 *    A failover (peer down, no links, a force) never waits.
 *  - Handover: a master that should become backup (it loses, or is
 *    forced backup, or the peer is forced master) stays master until the
 *    peer says it is master (HANDOVER): make-before-break, so no moment
 *    has no master, and the peer's revert delay keeps the old master
 *    carrying the whole time. A master without links does not wait.
 */
#ifndef ETKD_ELECTION_H
#define ETKD_ELECTION_H

#include <stdbool.h>
#include <stdint.h>

#include "proto.h"

#define ETKD_ADDR_LEN	16	/* IPv6, or IPv4-mapped IPv6 */

enum etkd_reason {
	ETKD_REASON_NONE = 0,
	ETKD_REASON_STARTING,		/* kept the kernel's role */
	ETKD_REASON_NO_LINKS,		/* backup */
	ETKD_REASON_PEER_DOWN,		/* master */
	ETKD_REASON_LIVENESS,		/* backup: liveness says peer alive */
	ETKD_REASON_PEER_NO_LINKS,	/* master */
	ETKD_REASON_FORCE_MASTER,	/* master */
	ETKD_REASON_FORCE_BACKUP,	/* backup */
	ETKD_REASON_PEER_FORCE_MASTER,	/* backup */
	ETKD_REASON_PEER_FORCE_BACKUP,	/* master */
	ETKD_REASON_HIGHER_PRIORITY,	/* master */
	ETKD_REASON_LOWER_PRIORITY,	/* backup */
	ETKD_REASON_SYSID_TIEBREAK,	/* either */
	ETKD_REASON_ADDR_TIEBREAK,	/* either */
	ETKD_REASON_MORE_LINKS,		/* master */
	ETKD_REASON_FEWER_LINKS,	/* backup */
	ETKD_REASON_MORE_BANDWIDTH,	/* master */
	ETKD_REASON_LESS_BANDWIDTH,	/* backup */
	ETKD_REASON_REVERT_WAIT,	/* backup */
	ETKD_REASON_HANDOVER,		/* master */
	__ETKD_REASON_MAX
};

/* One device's view of one member trunk, and of the device. */
struct etkd_side {
	uint8_t priority;		/* the group's, 1 to 254 */
	uint8_t sysid[ETKD_SYSID_LEN];
	uint8_t addr[ETKD_ADDR_LEN];	/* its end of the peer link */
	uint8_t mode;			/* enum etkd_mode */
	uint8_t basis;			/* enum etkd_basis */
	uint8_t role;			/* enum etkd_role (the peer's: heard) */
	uint16_t links;			/* available; 0 if down or absent */
	uint64_t bandwidth;		/* available, Mb/s */
};

struct etkd_elect_in {
	struct etkd_side local;
	/* The peer's member trunk as its last valid hello reported it; a
	 * trunk its hello does not list has links 0.
	 */
	struct etkd_side remote;
	bool peer_heard;	/* a valid hello arrived since we started */
	bool peer_up;		/* ... and one within the hold time */
	bool liveness_alive;	/* the backup-liveness address answers */
	bool starting;		/* not heard the peer, hold time not passed */
};

struct etkd_verdict {
	uint8_t role;		/* ETKD_ROLE_MASTER or ETKD_ROLE_BACKUP */
	uint8_t reason;		/* enum etkd_reason */
};

/* The revert delay's state, one per member trunk; zero it to start. */
struct etkd_revert {
	bool waiting;
	uint64_t since_ms;	/* when the wait began */
};

/* Rules 0 to 5, without time. */
struct etkd_verdict etkd_elect_preferred(const struct etkd_elect_in *in);

/*
 * The role to hold now (monotonic @now_ms), with the revert delay
 * (@revert_delay_ms) and the handover; updates @rv. Call it whenever an
 * input changes, and at etkd_revert_deadline().
 */
struct etkd_verdict etkd_elect(const struct etkd_elect_in *in,
			       uint64_t revert_delay_ms, uint64_t now_ms,
			       struct etkd_revert *rv);

/* When a waiting revert ends, so the daemon can arm a timer; 0: none. */
uint64_t etkd_revert_deadline(const struct etkd_revert *rv,
			      uint64_t revert_delay_ms);

const char *etkd_reason_name(unsigned int reason);
const char *etkd_role_name(unsigned int role);

#endif /* ETKD_ELECTION_H */
