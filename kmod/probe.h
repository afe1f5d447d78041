/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Liveness probing of mode backup (IFLA_ETRUNK_PROBE_*): ARP requests and
 * IPv6 neighbour solicitations to targets beyond the next switch, so that a
 * failure carrier does not show still moves traffic to the backup.
 */
#ifndef _ETRUNK_PROBE_H
#define _ETRUNK_PROBE_H

#include <linux/if_ether.h>
#include <linux/in6.h>
#include <linux/workqueue.h>
#include <net/netlink.h>
#include <linux/etrunk.h>

struct etrunk;
struct etrunk_member;
struct sk_buff;

struct etrunk_probe_target {
	bool ipv6;
	union {
		__be32 ip4;
		struct in6_addr ip6;
	};
};

/* A member's own probe address in its unicast filter, so that the
 * replies to its ARP probes (unicast to it) pass real NICs.
 */
struct etrunk_probe_uc {
	struct etrunk_member *m;
	u8 addr[ETH_ALEN];
};

/* The probe targets, replaced as a whole under RTNL and the trunk's lock,
 * read under either by the work and netlink, and under RCU by the receive
 * path, which matches replies against them.
 */
struct etrunk_probe_targets {
	struct rcu_head rcu;
	unsigned int n;
	struct etrunk_probe_target t[];
};

/**
 * struct etrunk_probe - a trunk's probing configuration and timer
 * @interval: milliseconds between probes, 0 when probing is off.
 * @missed: intervals without a reply after which the master has failed.
 * @targets: where probes go, NULL for none.
 * @enabled: @interval && mode backup; read locklessly by receive.
 * @work: sends the probes and judges the replies, every @interval.
 * @round_of: the master whose probe rounds @last_round and @unanswered
 *	count (only compared, never followed).
 * @last_round: jiffies of its last probe round, 0 once that was judged.
 * @unanswered: its rounds in a row that got no reply before the next.
 * @uc: the members whose probe address is in their unicast filter
 *	(RTNL: etrunk_probe_uc_sync() makes it what etrunk_member.probe_uc
 *	asks); probing is for mode backup, which has two members at most.
 *
 * @round_of, @last_round and @unanswered are the work's, under the
 * trunk's lock (etrunk.lock); the configuration is written under RTNL and
 * that lock.
 */
struct etrunk_probe {
	u32 interval;
	u8 missed;
	struct etrunk_probe_targets __rcu *targets;
	bool enabled;
	struct delayed_work work;
	const struct etrunk_member *round_of;
	unsigned long last_round;
	unsigned int unanswered;
	struct etrunk_probe_uc uc[ETRUNK_BACKUP_MEMBERS];
};

void etrunk_probe_init(struct etrunk *et);
void etrunk_probe_uninit(struct etrunk *et);
/* Parse a nest of @attrtype address attributes into a new list *@tp
 * (NULL for an empty nest); free it with kfree() if it is not set.
 */
int etrunk_probe_parse_targets(const struct nlattr *nest, int attrtype,
			       struct etrunk_probe_targets **tp,
			       struct netlink_ext_ack *extack);
/* RTNL or the trunk's lock: how many targets the trunk has. */
unsigned int etrunk_probe_n_targets(const struct etrunk *et);
/* RTNL and the trunk's lock: @t (may be NULL) replaces the trunk's
 * targets.
 */
void etrunk_probe_set_targets(struct etrunk *et, struct etrunk_probe_targets *t);
int etrunk_probe_put_targets(struct sk_buff *skb, const struct etrunk *et,
			     int nesttype, int attrtype);
/* After the configuration or the master changed (the trunk's lock). */
void etrunk_probe_restart(struct etrunk *et);
/* RTNL and the trunk's lock: @m leaves the trunk; undoes what probing
 * changed on its device.
 */
void etrunk_probe_member_del(struct etrunk_member *m);
/* RTNL: each member's unicast filter as its probe_uc asks. */
void etrunk_probe_uc_sync(struct etrunk *et);
/* RCU (softirq): look at an ARP or IPv6 frame received on @m; never
 * consumes it.
 */
void etrunk_probe_rx(struct etrunk_member *m, const struct sk_buff *skb);

#endif /* _ETRUNK_PROBE_H */
