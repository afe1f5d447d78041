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
	/* The BFD session the group is bound to ("" if none): a configured
	 * one (ETRUNK_GROUP_A_BFD_SESSION) or its own "e-trunk-<id>".
	 */
	char bfd[ETRUNK_BFD_NAME_MAX + 1];
	unsigned int n_trunks;
	struct kbinding trunks[ETRUNK_GROUP_MAX_TRUNKS];
};

/* A member of a micro-BFD session's trunk. */
struct kbfd_member {
	uint32_t ifindex;
	char ifname[IF_NAMESIZE];
	bool admin_up;
};

/* A BFD session's configuration (and the state the kernel holds). */
struct kbfd {
	char name[ETRUNK_BFD_NAME_MAX + 1];
	uint8_t type;		/* enum etrunk_bfd_type */
	uint8_t addr_len;	/* 4 or 16 */
	uint8_t peer[16];
	uint8_t source[16];
	bool has_source;
	uint32_t ifindex;	/* single hop: the interface; micro: the trunk */
	char ifname[IF_NAMESIZE];
	uint32_t local_discr;	/* 0: none (micro-BFD) */
	uint32_t remote_discr;	/* 0: learned */
	uint32_t min_tx;	/* us */
	uint32_t min_rx;	/* us */
	uint8_t mult;
	bool admin_down;
	uint8_t auth_type;	/* enum etrunk_bfd_auth */
	uint8_t auth_key_id;
	uint8_t key[ETRUNK_BFD_KEY_MAX];
	unsigned int key_len;
	uint32_t group;		/* the owning group, 0 if configured */
	uint8_t state;		/* as last written */
	/* Micro-BFD: the trunk's members, in kstate.members. */
	unsigned int first_member;
	unsigned int n_members;
};

/* Members of micro-BFD trunks, all sessions together. */
#define KBFD_MEMBERS_MAX	1024

struct kstate {
	unsigned int n_groups;
	struct kgroup groups[ETRUNK_GROUP_MAX];
	unsigned int n_bfd;
	struct kbfd bfd[ETRUNK_BFD_MAX_SESSIONS];
	unsigned int n_members;
	struct kbfd_member members[KBFD_MEMBERS_MAX];
};

/* Open the request socket @req and the event socket @ev (joined). */
int kernel_open(struct nl *req, struct nl *ev);

/*
 * Read every group, its key and its trunks' state, and every BFD session
 * with its key (and a micro-BFD session's trunk members) into @ks.
 */
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

/* What etrunkd writes of a BFD session (ETRUNK_CMD_SET_BFD_STATE). */
struct kbfd_state {
	uint8_t state;
	uint8_t remote_state;
	uint8_t diag;
	uint8_t remote_diag;
	uint32_t peer_discr;
	uint32_t tx_interval;	/* us */
	uint32_t detect_time;	/* us */
	uint32_t remote_min_tx;	/* us */
	uint32_t remote_min_rx;	/* us */
	uint8_t remote_mult;
	uint64_t pkts_tx;
	uint64_t pkts_rx;
	uint64_t drops;
	uint64_t auth_failures;
	uint64_t ups;
	uint64_t downs;
};

/* A micro-BFD member's session, in ETRUNK_BFD_A_LINKS. */
struct kbfd_link {
	uint32_t ifindex;
	char ifname[IF_NAMESIZE];
	uint8_t state;
	uint8_t remote_state;
	uint8_t diag;
	uint32_t local_discr;
	uint32_t peer_discr;
	uint64_t ups;
	uint64_t downs;
};

/*
 * The state of session @name; with @links (micro-BFD), the links nest of
 * @n_links (0: an empty nest) as well.
 */
int kernel_set_bfd_state(struct nl *req, const char *name,
			 const struct kbfd_state *s,
			 const struct kbfd_link *links, unsigned int n_links);

/* Take trunk member @ifindex out (@up false) or let it back. */
int kernel_set_member_admin(struct nl *req, uint32_t ifindex, bool up);

/*
 * Read what is waiting on the event socket without blocking. Returns 1 if
 * at least one event (or an overrun: events lost) calls for a new
 * kernel_read(), 0 if none, a negative errno on failure.
 */
int kernel_events(struct nl *ev);

#endif /* ETKD_KERNEL_H */
