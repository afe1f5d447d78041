/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The trunk netdevice: its private data and the operations other files of
 * the module call on it.
 */
#ifndef _ETRUNK_DEVICE_H
#define _ETRUNK_DEVICE_H

#include <linux/if_vlan.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/u64_stats_sync.h>
#include <linux/etrunk.h>

#include "flush.h"
#include "lacp.h"
#include "probe.h"

#define ETRUNK_VERSION "0.1.0"

struct etrunk_member;
struct etrunk_binding;
struct etrunk_mode_ops;

/* Per-CPU counters, so that the fast path writes no cache line shared
 * across CPUs. Summed by etrunk_get_stats64().
 */
struct etrunk_pcpu_stats {
	u64_stats_t rx_packets;
	u64_stats_t rx_bytes;
	u64_stats_t rx_dropped;
	u64_stats_t tx_packets;
	u64_stats_t tx_bytes;
	u64_stats_t tx_dropped;
	struct u64_stats_sync syncp;
};

/**
 * struct etrunk - private data of a trunk netdevice
 *
 * Locking: RTNL, then @lock. The protocol machines (LACP, the probe
 * rounds and their judgement, mode backup's switchover and revert) and
 * the selection of the active members (etrunk_select()) run under @lock
 * alone, from their work items, so that their timing does not depend on
 * RTNL; what needs RTNL (NETDEV_CHANGELOWERSTATE, NETDEV_NOTIFY_PEERS and
 * NETDEV_RESEND_IGMP) is left to @notify_work and @announce_work. What
 * the selection and the machines write is marked "@lock" below: read it
 * under @lock, or with READ_ONCE() where one value alone is enough (the
 * rtnetlink dumps, under RTNL only). Configuration is written under RTNL
 * and @lock, so either lock keeps it stable.
 *
 * @lock: see above. A mutex: everything it covers runs in process
 *	context, and the machines send frames and genetlink events under it.
 * @tx_count: number of members in @tx; written under @lock with release
 *	semantics, read locklessly by the transmit path.
 * @hash_policy: enum etrunk_hash_policy; read locklessly by transmit.
 * @stats: per-CPU counters.
 * @dev: the trunk netdevice.
 * @addr: its MAC address as a u64, for readers without RTNL (the flush
 *	frames' receive path and sending work): one READ_ONCE, never torn
 *	by a change under RTNL. Set with etrunk_set_addr().
 * @members: all members, in enslave order. Changed under RTNL and @lock,
 *	so holders of either may walk it; RCU readers (the rx-mode sync)
 *	walk it with list_for_each_entry_rcu.
 * @member_count: length of @members (RTNL and @lock).
 * @mode: enum etrunk_mode.
 * @ops: the mode's operations (mode.h), set with @mode; the only way the
 *	core calls a mode. Receive reads it with READ_ONCE() (it changes
 *	only while the trunk has no members).
 * @min_links: the trunk has carrier while at least max(1, @min_links)
 *	members are active.
 * @max_links: at most this many members are active (0: no limit).
 * @tx: the active members, slots [0, @tx_count) valid (written under
 *	@lock, read under RCU). The transmit path
 *	picks slot reciprocal_scale(hash, tx_count): O(1) whatever the number
 *	of members. Updated in place (see member.c) so that a member state
 *	change never needs an allocation that could fail.
 * @vlans: the 802.1Q VLANs the trunk carries (VLAN devices on it, bridge
 *	VLANs of it), from ndo_vlan_rx_add_vid; flush frames go on each.
 *
 * @notify_work: tells NETDEV_CHANGELOWERSTATE, under RTNL, for the members
 *	whose etrunk_member.lower_pending the selection set (member.c).
 *
 * Mode backup (see backup.c); the state below is @lock's unless said:
 * @active: the master, NULL if none (written under @lock, read under
 *	RCU or @lock).
 * @spare: the backup while it is usable, NULL otherwise: transmit and
 *	receive fall over to it the moment the master's carrier goes, before
 *	the notifier (from linkwatch) makes it the master.
 * @revertive: return to the designated master after @revert_delay ms.
 * @grat_arp: rounds of gratuitous ARP/NA and IGMP/MLD after a switchover.
 * @flush_count: flush frames after a switchover (each untagged and tagged).
 * @flush_interval: ms between flush frames and between ARP rounds.
 * @flush_rx: a valid flush frame on the backup makes it the master.
 * @switchovers: how many times the master changed to a member (@lock;
 *	rtnetlink reads it, @switch_reason and @switch_time with READ_ONCE).
 * @switch_reason: enum etrunk_switch_reason of the last change.
 * @switch_time: jiffies of the last change.
 * @prefer: a member to make master at the next selection (flush frame,
 *	designation), with @prefer_reason; cleared by it.
 * @next_switch_reason: scratch of the selection: why the master changes.
 * @next_master: scratch of the selection: the master chosen.
 * @master_removed: the master was released; the next one's reason.
 * @revert_work: reselects when a revert delay ends.
 * @select_work: reselects at once when transmit finds a member's carrier
 *	gone before linkwatch reports it (member.c).
 * @announce_left: gratuitous ARP rounds still to do.
 * @announce_work: does them, under RTNL (the notifiers need it).
 * @switch_req: ifindex of a member whose flush frame asks to become
 *	master, set by receive; @switch_work acts on it under @lock.
 * @flush: flush-frame state (flush.c).
 * @probe: liveness probing (probe.c).
 * @lacp: mode lacp (lacp.c).
 * @binding: the trunk's E-Trunk group binding, NULL if none
 *	(etrunk_group.c); RTNL.
 * @erole_backup: bound, in E-Trunk role backup: in mode backup every
 *	member stands by (ETRUNK_REASON_EROLE_BACKUP). Written under
 *	@lock (binding.c), which runs the selection in the same hold.
 * @erole_release: the selection runs because the trunk left E-Trunk role
 *	backup: a new master is a switchover for ETRUNK_SWITCH_EROLE (under
 *	@lock, as @erole_backup).
 */
struct etrunk {
	struct mutex lock;	/* see above */
	unsigned int tx_count;
	u8 hash_policy;
	struct etrunk_pcpu_stats __percpu *stats;

	struct net_device *dev;
	u64 addr;
	struct list_head members;
	unsigned int member_count;
	u8 mode;
	const struct etrunk_mode_ops *ops;
	u32 min_links;
	u32 max_links;

	struct etrunk_member __rcu *tx[ETRUNK_MAX_MEMBERS];
	unsigned long vlans[BITS_TO_LONGS(VLAN_N_VID)];

	struct etrunk_member __rcu *active;
	struct etrunk_member __rcu *spare;
	bool revertive;
	u32 revert_delay;
	u8 grat_arp;
	u8 flush_count;
	u16 flush_interval;
	bool flush_rx;
	u32 switchovers;
	u8 switch_reason;
	unsigned long switch_time;
	struct etrunk_member *prefer;
	u8 prefer_reason;
	u8 next_switch_reason;
	struct etrunk_member *next_master;
	bool master_removed;
	struct delayed_work revert_work;
	struct delayed_work select_work;
	struct delayed_work notify_work;
	u8 announce_left;
	struct delayed_work announce_work;
	int switch_req;
	struct delayed_work switch_work;
	struct etrunk_flush flush;
	struct etrunk_probe probe;
	struct etrunk_lacp lacp;
	struct etrunk_binding *binding;
	bool erole_backup;
	bool erole_release;
};

/* What the selection and the machines write: under @et's lock. */
#define etrunk_dereference(et, p) \
	rcu_dereference_protected(p, lockdep_is_held(&(et)->lock))

/* RTNL: set the trunk's MAC address (and its copy in @addr). */
void etrunk_set_addr(struct etrunk *et, const u8 *addr);

/* Any context: the trunk's MAC address. */
static inline void etrunk_get_addr(const struct etrunk *et, u8 *addr)
{
	u64_to_ether_addr(READ_ONCE(et->addr), addr);
}

/* Trunk parameters to change; a NULL pointer leaves one as it is. */
struct etrunk_params {
	const u8 *mode;
	const u8 *hash_policy;
	const u32 *min_links;
	const u32 *max_links;
	const u8 *revertive;
	const u32 *revert_delay;
	const u8 *grat_arp;
	const u8 *flush_count;
	const u16 *flush_interval;
	const u8 *flush_rx;
	const struct nlattr *flush_key;
	const u32 *probe_interval;
	const u8 *probe_missed;
	const struct nlattr *probe_targets;
	int probe_target_type;
	const u16 *lacp_system_prio;
	const struct nlattr *lacp_system;
	const u16 *lacp_key;
	const u16 *lacp_port_offset;
	const u8 *lacp_rate;
	const u8 *lacp_role;
	const u8 *lacp_select;
	const u8 *lacp_preempt;
	const u32 *lacp_preempt_delay;
};

extern struct netlink_range_validation etrunk_revert_delay_range;
extern struct netlink_range_validation etrunk_probe_interval_range;
extern struct netlink_range_validation etrunk_lacp_port_offset_range;
extern struct netlink_range_validation etrunk_lacp_preempt_delay_range;

void etrunk_setup(struct net_device *dev);
bool netif_is_etrunk(const struct net_device *dev);
void etrunk_update_carrier(struct etrunk *et);
void etrunk_compute_features(struct etrunk *et);

/* params.c: the configuration rtnetlink and generic netlink change and
 * dump.
 */
int etrunk_set_params(struct etrunk *et, const struct etrunk_params *p,
		      struct netlink_ext_ack *extack);
int etrunk_put_backup(struct sk_buff *skb, const struct etrunk *et,
		      int first, int pad);
int etrunk_put_lacp(struct sk_buff *skb, const struct etrunk *et, int first);
size_t etrunk_lacp_size(void);

/* send.c, hash.c, receive.c */
netdev_tx_t etrunk_xmit(struct sk_buff *skb, struct net_device *dev);
u32 etrunk_flow_hash(const struct sk_buff *skb, u8 policy);
rx_handler_result_t etrunk_handle_frame(struct sk_buff **pskb);
/* Receive: count @skb as dropped and free it. */
void etrunk_rx_drop(struct etrunk *et, struct sk_buff *skb);

/* netlink.c */
extern struct rtnl_link_ops etrunk_link_ops;

#endif /* _ETRUNK_DEVICE_H */
