/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernel.h - etrunkd's side of the generic netlink family "etrunk": the
 * kernel holds the configuration (E-Trunk groups, the member trunks bound
 * to them) and the state of the trunks; the daemon reads both, and writes
 * back each member trunk's role and each group's peer state and counters.
 * See "E-Trunk groups" in uapi/linux/etrunk.h.
 */
#ifndef ETKD_KERNEL_H
#define ETKD_KERNEL_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

#include <linux/etrunk.h>

#include "../etrunkctl/nl.h"
#include "hello.h"

/* Every member trunk of a group fits one hello. */
_Static_assert(ETRUNK_GROUP_MAX_TRUNKS <= ETKD_HELLO_MAX_RECORDS,
	       "a group's member trunks must fit one hello");

/* A member trunk bound to a group, as the kernel reports it. */
struct kbinding {
	uint32_t ifindex;
	char ifname[IF_NAMESIZE];
	uint32_t id;		/* its E-Trunk id */
	uint32_t peer_id;	/* the remote id if set, else @id */
	uint8_t mode;		/* enum etrunk_egroup_mode */
	uint8_t basis;		/* enum etrunk_egroup_basis */
	uint8_t role;		/* enum etrunk_egroup_role, last written */
	uint8_t reason;		/* enum etrunk_egroup_reason */
	/* The trunk device (from GET_TRUNK). */
	bool up;		/* administratively */
	uint16_t links;		/* members that can carry */
	uint64_t bandwidth;	/* their speeds summed, Mb/s */
};

/* A group's configuration. */
struct kgroup {
	uint32_t id;
	uint8_t priority;
	uint8_t system[6];
	uint8_t addr_len;	/* 4 or 16 */
	uint8_t peer[16];
	uint8_t source[16];
	uint8_t liveness[16];
	bool has_liveness;
	uint16_t port;
	uint8_t key[ETRUNK_GROUP_KEY_MAX];
	unsigned int key_len;
	uint32_t hello_interval;	/* ms */
	uint8_t hold_mult;
	uint32_t revert_delay;		/* s */
	char descr[ETRUNK_GROUP_DESCR_MAX + 1];
	unsigned int n_trunks;
	struct kbinding trunks[ETRUNK_GROUP_MAX_TRUNKS];
};

struct kstate {
	unsigned int n_groups;
	struct kgroup groups[ETRUNK_GROUP_MAX];
};

/* Open the request socket @req and the event socket @ev (joined). */
int kernel_open(struct nl *req, struct nl *ev);

/* Read every group, its key and its trunks' state into @ks. */
int kernel_read(struct nl *req, struct kstate *ks);

/*
 * The trunk's role and why (ETRUNK_CMD_SET_ROLE); with reason revert-wait,
 * @revert_ms: when the wait ends, for show to count down.
 */
int kernel_set_role(struct nl *req, uint32_t ifindex, uint8_t role,
		    uint8_t reason, uint32_t revert_ms);

struct kcounters {
	uint64_t hellos_tx;
	uint64_t hellos_rx;
	uint64_t auth_failures;
	uint64_t replays;
	uint64_t drops;
	uint64_t role_changes;
};

/* The peer state and the counters of group @id. */
int kernel_set_group_state(struct nl *req, uint32_t id, uint8_t peer_state,
			   const struct kcounters *c);

/*
 * Read what is waiting on the event socket without blocking. Returns 1 if
 * at least one event (or an overrun: events lost) calls for a new
 * kernel_read(), 0 if none, a negative errno on failure.
 */
int kernel_events(struct nl *ev);

#endif /* ETKD_KERNEL_H */
