/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Members of a trunk: enslaving, releasing, and their state.
 */
#ifndef _ETRUNK_MEMBER_H
#define _ETRUNK_MEMBER_H

#include <linux/netdevice.h>
#include <linux/if_ether.h>

#include "lacp.h"

struct etrunk;

/**
 * struct etrunk_member - one member netdevice of a trunk
 * @list: entry in etrunk.members.
 * @dev: the member netdevice.
 * @et: the trunk.
 * The selection (etrunk_select()) and the machines write @state,
 * @reason, @next_reason, @tx_slot, @link_failures, @rx_drop,
 * @usable_since, @probe_ok, @probe_sent, @probe_uc, @lower_pending and
 * @lacp under
 * the trunk's lock (etrunk.lock); the configuration (@priority, @master,
 * @admin_up, @lacp's port priority and activity) and @speed are written
 * under RTNL and that lock. rtnetlink's dump reads @state, @reason and
 * @link_failures with READ_ONCE() under RTNL alone.
 *
 * @state: enum etrunk_member_state.
 * @reason: enum etrunk_member_reason: why it is not active.
 * @next_reason: scratch of etrunk_select().
 * @priority: lower is preferred (max-links selection).
 * @master: designated master (for master/backup modes).
 * @admin_up: false when taken out over genetlink.
 * @tx_slot: index in etrunk.tx while active, -1 otherwise.
 * @link_failures: times its link failed (device down, carrier lost).
 * @orig_mtu: MTU before enslaving, restored on release.
 * @orig_addr: MAC address before enslaving, restored on release.
 * @rx_drop: mode backup: not the master, so received frames are dropped
 *	(flush frames aside); mode lacp: not collecting. Written under the
 *	trunk's lock, read by receive.
 * @usable_since: jiffies when its reason last became none (mode backup
 *	picks the member usable the longest; revert waits from it).
 * @probe_ok: false after it failed liveness probing.
 * @probe_reply: jiffies of the last probe reply received on it, written
 *	by receive.
 * @probe_sent: jiffies of the first probe sent since it became master or
 *	began probing, the start of its grace period (probe.c).
 * @probe_uc: probing wants its own probe address in its unicast filter
 *	(etrunk.notify_work puts it there under RTNL, probe.c).
 * @flush_seen: jiffies of the last flush frame received on it, written by
 *	receive (backup.c: do both members hear the same frames?).
 * @speed: its link speed in Mb/s (0: unknown), as ethtool said at the
 *	last link event (the query needs RTNL, the LACP selection by
 *	bandwidth and the events run without it).
 * @lower_pending: its state changed since the last
 *	NETDEV_CHANGELOWERSTATE (etrunk.notify_work tells it).
 * @lower_notify: scratch of etrunk.notify_work (RTNL).
 * @lacp: mode lacp: its protocol state (lacp.c).
 * @rcu: frees the member after the readers of etrunk.tx are done.
 */
struct etrunk_member {
	struct list_head list;
	struct net_device *dev;
	struct etrunk *et;
	u8 state;
	u8 reason;
	u8 next_reason;
	u16 priority;
	bool master;
	bool admin_up;
	int tx_slot;
	u32 link_failures;
	unsigned int orig_mtu;
	u8 orig_addr[ETH_ALEN];
	bool rx_drop;
	unsigned long usable_since;
	bool probe_ok;
	unsigned long probe_reply;
	unsigned long probe_sent;
	bool probe_uc;
	unsigned long flush_seen;
	u32 speed;
	bool lower_pending;
	bool lower_notify;
	struct etrunk_lacp_port lacp;
	struct rcu_head rcu;
};

int etrunk_member_add(struct etrunk *et, struct net_device *dev,
		      struct netlink_ext_ack *extack);
int etrunk_member_del(struct etrunk *et, struct net_device *dev,
		      struct netlink_ext_ack *extack);
void etrunk_members_release_all(struct etrunk *et);
struct etrunk_member *etrunk_member_get_rtnl(const struct net_device *dev);
/* Under the trunk's lock. */
void __etrunk_select(struct etrunk *et, const struct etrunk_member *going_down);
/* RTNL: takes the trunk's lock for __etrunk_select(). */
void etrunk_select(struct etrunk *et, const struct etrunk_member *going_down);
/* RTNL: @m's link speed into @m->speed (the caller holds the trunk's
 * lock if @m is on the trunk's list).
 */
void etrunk_member_update_speed(struct etrunk_member *m);
/* Under the trunk's lock, in the selection: max-links (mode loadbalance). */
void etrunk_apply_max_links(struct etrunk *et);
void etrunk_select_init(struct etrunk *et);
void etrunk_select_uninit(struct etrunk *et);
void etrunk_member_set_master(struct etrunk_member *m, bool master);

int etrunk_notifier_register(void);
void etrunk_notifier_unregister(void);

#endif /* _ETRUNK_MEMBER_H */
