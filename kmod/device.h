/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The trunk netdevice: its private data and the operations other files of
 * the module call on it.
 */
#ifndef _ETRUNK_DEVICE_H
#define _ETRUNK_DEVICE_H

#include <linux/netdevice.h>
#include <linux/u64_stats_sync.h>
#include <linux/etrunk.h>

#define ETRUNK_VERSION "0.1.0"

struct etrunk_member;

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
 * @tx_count: number of members in @tx; written under RTNL with release
 *	semantics, read locklessly by the transmit path.
 * @hash_policy: enum etrunk_hash_policy; read locklessly by transmit.
 * @stats: per-CPU counters.
 * @dev: the trunk netdevice.
 * @members: all members, in enslave order. Changed under RTNL; RCU
 *	readers (the rx-mode sync) walk it with list_for_each_entry_rcu.
 * @member_count: length of @members.
 * @mode: enum etrunk_mode.
 * @min_links: the trunk has carrier while at least max(1, @min_links)
 *	members are active.
 * @max_links: at most this many members are active (0: no limit).
 * @tx: the active members, slots [0, @tx_count) valid. The transmit path
 *	picks slot reciprocal_scale(hash, tx_count): O(1) whatever the number
 *	of members. Updated in place (see member.c) so that a member state
 *	change never needs an allocation that could fail.
 */
struct etrunk {
	unsigned int tx_count;
	u8 hash_policy;
	struct etrunk_pcpu_stats __percpu *stats;

	struct net_device *dev;
	struct list_head members;
	unsigned int member_count;
	u8 mode;
	u32 min_links;
	u32 max_links;

	struct etrunk_member __rcu *tx[ETRUNK_MAX_MEMBERS];
};

/* Trunk parameters to change; a NULL pointer leaves one as it is. */
struct etrunk_params {
	const u8 *mode;
	const u8 *hash_policy;
	const u32 *min_links;
	const u32 *max_links;
};

void etrunk_setup(struct net_device *dev);
int etrunk_set_params(struct etrunk *et, const struct etrunk_params *p,
		      struct netlink_ext_ack *extack);
bool netif_is_etrunk(const struct net_device *dev);
void etrunk_update_carrier(struct etrunk *et);
void etrunk_compute_features(struct etrunk *et);

/* send.c, hash.c, receive.c */
netdev_tx_t etrunk_xmit(struct sk_buff *skb, struct net_device *dev);
u32 etrunk_flow_hash(const struct sk_buff *skb, u8 policy);
rx_handler_result_t etrunk_handle_frame(struct sk_buff **pskb);

/* netlink.c */
extern struct rtnl_link_ops etrunk_link_ops;

#endif /* _ETRUNK_DEVICE_H */
