/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mode lacp: static LACP (IEEE 802.1AX) run per member inside the module.
 */
#ifndef _ETRUNK_LACP_H
#define _ETRUNK_LACP_H

#include <linux/if_ether.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include "bucket.h"

struct etrunk;
struct etrunk_member;
struct sk_buff;

/* One end of a link as a LACPDU describes it (host order). */
struct etrunk_lacp_info {
	u16 system_prio;
	u8 system[ETH_ALEN];
	u16 key;
	u16 port_prio;
	u16 port;
	u8 state;
};

/* The TLV of an actor or partner in a LACPDU. */
struct etrunk_lacpdu_port {
	u8 tlv_type;
	u8 tlv_len;
	__be16 system_prio;
	u8 system[ETH_ALEN];
	__be16 key;
	__be16 port_prio;
	__be16 port;
	u8 state;
	u8 reserved[3];
} __packed;

/* A LACPDU after the EtherType: 802.1AX-2008 5.4.2, 110 bytes. */
struct etrunk_lacpdu {
	u8 subtype;
	u8 version;
	struct etrunk_lacpdu_port actor;
	struct etrunk_lacpdu_port partner;
	u8 collector_type;
	u8 collector_len;
	__be16 collector_max_delay;
	u8 collector_reserved[12];
	u8 terminator_type;
	u8 terminator_len;
	u8 reserved[50];
} __packed;

/* A marker PDU after the EtherType: 802.1AX-2008 5.5.3, 110 bytes. */
struct etrunk_marker {
	u8 subtype;
	u8 version;
	u8 tlv_type;
	u8 tlv_len;
	__be16 requester_port;
	u8 requester_system[ETH_ALEN];
	__be32 transaction_id;
	u8 pad[2];
	u8 terminator_type;
	u8 terminator_len;
	u8 reserved[90];
} __packed;

/* Counters of a member, under etrunk_lacp_port.lock. */
struct etrunk_lacp_stats {
	u64 lacpdu_rx;
	u64 lacpdu_tx;
	u64 marker_rx;
	u64 marker_tx;
	u64 rx_malformed;
	u64 rx_rate;
};

/* A protocol timer: a deadline in jiffies, if running. */
struct etrunk_lacp_timer {
	unsigned long at;
	bool on;
};

#define ETRUNK_LACP_TX_LIMIT 3

/**
 * struct etrunk_lacp_port - a member's LACP state
 * @index: 1 to ETRUNK_MAX_MEMBERS; the port number is the trunk's port
 *	offset plus it.
 * @port_prio: actor port priority.
 * @active: actor LACP activity.
 * @state: the actor state bits (ETRUNK_LACP_STATE_*) other than activity,
 *	timeout and aggregation, which come from the configuration.
 * @partner: the partner's operational information.
 * @rx_state: enum etrunk_lacp_rx_state.
 * @mux_state: enum etrunk_lacp_mux_state.
 * @selected: enum etrunk_lacp_sel.
 * @ntt: need to transmit: a LACPDU goes out as soon as the rate allows.
 * @current_while: the receive machine's timer.
 * @wait_while: the mux machine's aggregate wait.
 * @periodic: the next periodic LACPDU.
 * @tx_times: jiffies of the last LACPDUs sent, for the rate limit.
 * @tx_next: the next slot of @tx_times.
 * @reason: enum etrunk_member_reason as LACP sees it, for etrunk_select.
 * @candidate_since: jiffies when the member last became able to
 *	aggregate (for the preemption delay).
 * @actor_churn_timer: runs while the actor is out of sync (churn
 *	detection); @actor_churn when it ran out; @actor_churns counts that.
 * @partner_churn_timer, @partner_churn, @partner_churns: the same for the
 *	partner.
 * @candidate: it was able to aggregate at the last machine run.
 * @holds, @speed, @next_selected: the selection logic's scratch.
 * @reported: what the last ETRUNK_EVENT_LACP said (selection, mux state,
 *	churns, partner port).
 *
 * All of the above are changed under the trunk's lock (etrunk.lock), the
 * configuration (@port_prio, @active) under RTNL too. Receive fills the
 * rest, under @lock (BH):
 * @lock: protects @rx_pdu, @rx_pending, the token bucket and @stats.
 * @rx_pending: @rx_pdu holds a LACPDU the machines have not seen.
 * @rx_pdu: the last valid LACPDU received.
 * @bucket: the token bucket against floods, ETRUNK_LACP_RX_RATE per
 *	second up to ETRUNK_LACP_RX_BURST.
 * @stats: counters.
 */
struct etrunk_lacp_port {
	u16 index;
	u16 port_prio;
	bool active;
	u8 state;
	struct etrunk_lacp_info partner;
	u8 rx_state;
	u8 mux_state;
	u8 selected;
	bool ntt;
	struct etrunk_lacp_timer current_while;
	struct etrunk_lacp_timer wait_while;
	struct etrunk_lacp_timer periodic;
	unsigned long tx_times[ETRUNK_LACP_TX_LIMIT];
	u8 tx_next;
	u8 reason;
	unsigned long candidate_since;
	struct etrunk_lacp_timer actor_churn_timer;
	struct etrunk_lacp_timer partner_churn_timer;
	bool actor_churn;
	bool partner_churn;
	u32 actor_churns;
	u32 partner_churns;
	bool candidate;
	bool holds;
	u32 speed;
	u8 next_selected;
	struct {
		u8 selected;
		u8 mux_state;
		bool actor_churn;
		bool partner_churn;
		struct etrunk_lacp_info partner;
	} reported;

	spinlock_t lock;	/* see above */
	bool rx_pending;
	struct etrunk_lacpdu rx_pdu;
	struct etrunk_bucket bucket;
	struct etrunk_lacp_stats stats;
};

/**
 * struct etrunk_lacp - a trunk's LACP configuration and aggregator
 * @system_prio: actor system priority.
 * @system: the configured system ID, if @system_set; else the trunk's
 *	MAC address is used.
 * @system_set: a system ID was configured.
 * @key: the actor key.
 * @port_offset: added to each member's index to make its port number.
 * @fast: advertise the short timeout.
 * @backup: role backup.
 * @select: enum etrunk_lacp_select.
 * @preempt: a better member takes an aggregated member's place (max_links).
 * @preempt_delay: milliseconds it must have been a candidate first.
 * @agg: the chosen aggregator's partner (system, priority, key), if
 *	@agg_valid.
 * @agg_valid: an aggregator has been chosen.
 * @reselect: the selection logic runs at the next machine run.
 * @work: runs the machines under the trunk's lock (not RTNL): on received
 *	LACPDUs and at the earliest timer deadline of any member.
 *
 * The configuration is written under RTNL and the trunk's lock; @agg,
 * @agg_valid and @reselect are the machines', under the trunk's lock.
 */
struct etrunk_lacp {
	u16 system_prio;
	u8 system[ETH_ALEN];
	bool system_set;
	u16 key;
	u16 port_offset;
	bool fast;
	bool backup;
	u8 select;
	bool preempt;
	u32 preempt_delay;
	struct etrunk_lacp_info agg;
	bool agg_valid;
	bool reselect;
	struct delayed_work work;
};

/* The trunk's lock: run every member's machines now (a link, setting or
 * member changed); then the selection if what LACP allows changed.
 */
void etrunk_lacp_run(struct etrunk *et);
/* The trunk's lock: the configuration changed in a way the partners must
 * learn.
 */
void etrunk_lacp_changed(struct etrunk *et);
/* Receive, RCU: a slow-protocols frame on a member. Returns true if it
 * was a LACPDU or marker: it is then freed, as consumed or, if dropped
 * (rate, malformed), as a drop (kfree_skb).
 */
bool etrunk_lacp_rx(struct etrunk_member *m, struct sk_buff *skb);
/* The system ID in use, into @system. */
void etrunk_lacp_system(const struct etrunk *et, u8 *system);
/* The trunk's lock, or RTNL alone (rtnetlink's dump: the machines' fields
 * are then read one by one, as they are at that moment).
 */
int etrunk_lacp_put_member(struct sk_buff *skb, struct etrunk_member *m,
			   int attr);
size_t etrunk_lacp_member_size(void);

#endif /* _ETRUNK_LACP_H */
