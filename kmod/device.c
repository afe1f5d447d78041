// SPDX-License-Identifier: GPL-2.0
/*
 * The trunk netdevice: set-up, netdevice and ethtool operations, and the
 * properties (MAC address, MTU, features, carrier, address lists) that
 * follow its members.
 */

#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/if_vlan.h>
#include <linux/rtnetlink.h>

#include "backup.h"
#include "device.h"
#include "etrunk_group.h"
#include "genetlink.h"
#include "member.h"

/* Features the trunk offers to VLAN devices above it and to tunnels; the
 * members' own sets are intersected with these.
 */
#define ETRUNK_VLAN_FEATURES (NETIF_F_HW_CSUM | NETIF_F_SG | \
			      NETIF_F_FRAGLIST | NETIF_F_GSO_SOFTWARE | \
			      NETIF_F_HIGHDMA | NETIF_F_LRO)
#define ETRUNK_ENC_FEATURES (NETIF_F_HW_CSUM | NETIF_F_SG | \
			     NETIF_F_RXCSUM | NETIF_F_GSO_SOFTWARE)

static const struct net_device_ops etrunk_netdev_ops;
static const struct ethtool_ops etrunk_ethtool_ops;

bool netif_is_etrunk(const struct net_device *dev)
{
	return dev->netdev_ops == &etrunk_netdev_ops;
}

/* Carrier is up while enough members are active (min-links). */
void etrunk_update_carrier(struct etrunk *et)
{
	bool up = et->tx_count >= max_t(u32, et->min_links, 1);

	ASSERT_RTNL();
	if (up && !netif_carrier_ok(et->dev))
		netif_carrier_on(et->dev);
	else if (!up && netif_carrier_ok(et->dev))
		netif_carrier_off(et->dev);
}

/* Ranges beyond what NLA_POLICY_MAX holds, for both netlink policies. */
struct netlink_range_validation etrunk_revert_delay_range = {
	.max = ETRUNK_MAX_REVERT_DELAY,
};

struct netlink_range_validation etrunk_probe_interval_range = {
	.max = ETRUNK_MAX_PROBE_INTERVAL,
};

struct netlink_range_validation etrunk_lacp_port_offset_range = {
	.max = ETRUNK_LACP_MAX_PORT_OFFSET,
};

struct netlink_range_validation etrunk_lacp_preempt_delay_range = {
	.max = ETRUNK_MAX_LACP_PREEMPT_DELAY,
};

/* The checks of etrunk_set_params, on the values it would end up with. */
static int etrunk_check_params(struct etrunk *et, const struct etrunk_params *p,
			       u32 probe_interval, unsigned int n_targets,
			       struct netlink_ext_ack *extack)
{
	u8 mode = p->mode ? *p->mode : et->mode;
	u32 min_links = p->min_links ? *p->min_links : et->min_links;
	u32 max_links = p->max_links ? *p->max_links : et->max_links;

	if (mode != et->mode && et->member_count) {
		NL_SET_ERR_MSG(extack,
			       "The mode cannot change while the trunk has members");
		return -EBUSY;
	}
	if (!etrunk_group_mode_ok(et, mode)) {
		NL_SET_ERR_MSG(extack,
			       "A trunk bound to an E-Trunk group stays in mode lacp or backup");
		return -EBUSY;
	}
	if (mode == ETRUNK_MODE_BACKUP && (min_links > 1 || max_links)) {
		NL_SET_ERR_MSG(extack,
			       "Mode backup has one active member: min_links above 1 and max_links do not apply");
		return -EINVAL;
	}
	if (probe_interval && mode != ETRUNK_MODE_BACKUP) {
		NL_SET_ERR_MSG(extack, "Liveness probing is for mode backup only");
		return -EINVAL;
	}
	if (probe_interval && probe_interval < ETRUNK_MIN_PROBE_INTERVAL) {
		NL_SET_ERR_MSG(extack, "The probe interval is at least 10 ms");
		return -ERANGE;
	}
	if (probe_interval && !n_targets) {
		NL_SET_ERR_MSG(extack, "Liveness probing needs a probe target");
		return -EINVAL;
	}
	/* The partner tells systems apart by this ID alone. */
	if (p->lacp_system && !is_valid_ether_addr(nla_data(p->lacp_system))) {
		NL_SET_ERR_MSG_ATTR(extack, p->lacp_system,
				    "The LACP system ID must be a unicast MAC address, not all zeros");
		return -EINVAL;
	}
	return 0;
}

/**
 * etrunk_set_params - change trunk parameters, all or none
 * @et: the trunk
 * @p: the parameters to change
 * @extack: where a refusal is explained
 *
 * The one place rtnetlink and generic netlink change a trunk, so both
 * follow the same rules. Values are range-checked by the callers' policies;
 * what can still fail (a probe target, the key) is prepared before anything
 * changes.
 */
int etrunk_set_params(struct etrunk *et, const struct etrunk_params *p,
		      struct netlink_ext_ack *extack)
{
	struct etrunk_probe_target targets[ETRUNK_MAX_PROBE_TARGETS];
	u32 probe_interval = p->probe_interval ? *p->probe_interval :
						 et->probe.interval;
	unsigned int n_targets = et->probe.n_targets;
	struct etrunk_flush_key *key = NULL;
	int err;

	ASSERT_RTNL();
	if (p->probe_targets) {
		err = etrunk_probe_parse_targets(p->probe_targets,
						 p->probe_target_type, targets,
						 &n_targets, extack);
		if (err)
			return err;
	}
	err = etrunk_check_params(et, p, probe_interval, n_targets, extack);
	if (err)
		return err;
	if (p->flush_key) {
		err = etrunk_flush_new_key(nla_data(p->flush_key),
					   nla_len(p->flush_key), &key, extack);
		if (err)
			return err;
	}

	if (p->mode)
		WRITE_ONCE(et->mode, *p->mode);
	if (p->hash_policy)
		WRITE_ONCE(et->hash_policy, *p->hash_policy);
	if (p->min_links)
		et->min_links = *p->min_links;
	if (p->max_links)
		et->max_links = *p->max_links;
	if (p->revertive)
		et->revertive = *p->revertive;
	if (p->revert_delay)
		et->revert_delay = *p->revert_delay;
	if (p->grat_arp)
		et->grat_arp = *p->grat_arp;
	if (p->flush_count)
		et->flush_count = *p->flush_count;
	if (p->flush_interval)
		et->flush_interval = *p->flush_interval;
	if (p->flush_rx)
		et->flush_rx = *p->flush_rx;
	if (p->flush_key)
		etrunk_flush_set_key(et, key);
	if (p->probe_missed)
		et->probe.missed = *p->probe_missed;
	et->probe.interval = probe_interval;
	if (p->probe_targets) {
		memcpy(et->probe.targets, targets,
		       n_targets * sizeof(targets[0]));
		et->probe.n_targets = n_targets;
	}
	if (p->lacp_system_prio)
		et->lacp.system_prio = *p->lacp_system_prio;
	if (p->lacp_system) {
		ether_addr_copy(et->lacp.system, nla_data(p->lacp_system));
		et->lacp.system_set = true;
	}
	if (p->lacp_key)
		et->lacp.key = *p->lacp_key;
	if (p->lacp_port_offset)
		et->lacp.port_offset = *p->lacp_port_offset;
	if (p->lacp_rate)
		et->lacp.fast = *p->lacp_rate == ETRUNK_LACP_RATE_FAST;
	if (p->lacp_role)
		et->lacp.backup = *p->lacp_role == ETRUNK_LACP_ROLE_BACKUP;
	if (p->lacp_select)
		et->lacp.select = *p->lacp_select;
	if (p->lacp_preempt)
		et->lacp.preempt = *p->lacp_preempt;
	if (p->lacp_preempt_delay)
		et->lacp.preempt_delay = *p->lacp_preempt_delay;

	if (et->dev->reg_state == NETREG_REGISTERED) {
		etrunk_probe_restart(et);
		etrunk_select(et, NULL);
		/* New actor information: the partners learn it at once. */
		etrunk_lacp_changed(et);
		etrunk_update_carrier(et);
		etrunk_genl_trunk_event(et, ETRUNK_EVENT_TRUNK_CHANGED);
	}
	return 0;
}

/* The mode-backup attributes come in the same order in IFLA_ETRUNK_* and
 * ETRUNK_A_*, so one function fills both: @first is the REVERTIVE and
 * @pad the PAD of either.
 */
#define ETRUNK_BACKUP_ATTR(x) (first + (IFLA_ETRUNK_##x - IFLA_ETRUNK_REVERTIVE))
#define ETRUNK_SAME_ORDER(x) \
	BUILD_BUG_ON(IFLA_ETRUNK_##x - IFLA_ETRUNK_REVERTIVE != \
		     ETRUNK_A_##x - ETRUNK_A_REVERTIVE)

int etrunk_put_backup(struct sk_buff *skb, const struct etrunk *et,
		      int first, int pad)
{
	const struct etrunk_member *master = rtnl_dereference(et->active);

	ETRUNK_SAME_ORDER(FLUSH_KEY_SET);
	ETRUNK_SAME_ORDER(PROBE_MISSED);
	ETRUNK_SAME_ORDER(SWITCHOVER_AGE);
	if (nla_put_u8(skb, ETRUNK_BACKUP_ATTR(REVERTIVE), et->revertive) ||
	    nla_put_u32(skb, ETRUNK_BACKUP_ATTR(REVERT_DELAY), et->revert_delay) ||
	    nla_put_u8(skb, ETRUNK_BACKUP_ATTR(GRAT_ARP), et->grat_arp) ||
	    nla_put_u8(skb, ETRUNK_BACKUP_ATTR(FLUSH_COUNT), et->flush_count) ||
	    nla_put_u16(skb, ETRUNK_BACKUP_ATTR(FLUSH_INTERVAL),
			et->flush_interval) ||
	    nla_put_u8(skb, ETRUNK_BACKUP_ATTR(FLUSH_KEY_SET),
		       !!rcu_access_pointer(et->flush.key)) ||
	    nla_put_u8(skb, ETRUNK_BACKUP_ATTR(FLUSH_RX), et->flush_rx) ||
	    nla_put_u32(skb, ETRUNK_BACKUP_ATTR(PROBE_INTERVAL),
			et->probe.interval) ||
	    nla_put_u8(skb, ETRUNK_BACKUP_ATTR(PROBE_MISSED), et->probe.missed) ||
	    nla_put_u32(skb, ETRUNK_BACKUP_ATTR(ACTIVE_MEMBER),
			master ? master->dev->ifindex : 0) ||
	    nla_put_u32(skb, ETRUNK_BACKUP_ATTR(SWITCHOVERS), et->switchovers) ||
	    nla_put_u8(skb, ETRUNK_BACKUP_ATTR(SWITCHOVER_REASON),
		       et->switch_reason))
		return -EMSGSIZE;
	if (et->switchovers &&
	    nla_put_u64_64bit(skb, ETRUNK_BACKUP_ATTR(SWITCHOVER_AGE),
			      jiffies64_to_msecs(jiffies - et->switch_time),
			      pad))
		return -EMSGSIZE;
	return 0;
}

/* The mode-lacp attributes, also in the same order in both families:
 * @first is the LACP_SYSTEM_PRIO of either.
 */
#define ETRUNK_LACP_ATTR(x) (first + (IFLA_ETRUNK_LACP_##x - IFLA_ETRUNK_LACP_SYSTEM_PRIO))
#define ETRUNK_SAME_LACP_ORDER(x) \
	BUILD_BUG_ON(IFLA_ETRUNK_LACP_##x - IFLA_ETRUNK_LACP_SYSTEM_PRIO != \
		     ETRUNK_A_LACP_##x - ETRUNK_A_LACP_SYSTEM_PRIO)

int etrunk_put_lacp(struct sk_buff *skb, const struct etrunk *et, int first)
{
	ETRUNK_SAME_LACP_ORDER(SYSTEM);
	ETRUNK_SAME_LACP_ORDER(KEY);
	ETRUNK_SAME_LACP_ORDER(PORT_OFFSET);
	ETRUNK_SAME_LACP_ORDER(RATE);
	ETRUNK_SAME_LACP_ORDER(ROLE);
	ETRUNK_SAME_LACP_ORDER(SELECT);
	ETRUNK_SAME_LACP_ORDER(PREEMPT);
	ETRUNK_SAME_LACP_ORDER(PREEMPT_DELAY);
	if (nla_put_u16(skb, ETRUNK_LACP_ATTR(SYSTEM_PRIO), et->lacp.system_prio) ||
	    nla_put(skb, ETRUNK_LACP_ATTR(SYSTEM), ETH_ALEN,
		    etrunk_lacp_system(et)) ||
	    nla_put_u16(skb, ETRUNK_LACP_ATTR(KEY), et->lacp.key) ||
	    nla_put_u16(skb, ETRUNK_LACP_ATTR(PORT_OFFSET), et->lacp.port_offset) ||
	    nla_put_u8(skb, ETRUNK_LACP_ATTR(RATE),
		       et->lacp.fast ? ETRUNK_LACP_RATE_FAST : ETRUNK_LACP_RATE_SLOW) ||
	    nla_put_u8(skb, ETRUNK_LACP_ATTR(ROLE),
		       et->lacp.backup ? ETRUNK_LACP_ROLE_BACKUP :
					 ETRUNK_LACP_ROLE_MASTER) ||
	    nla_put_u8(skb, ETRUNK_LACP_ATTR(SELECT), et->lacp.select) ||
	    nla_put_u8(skb, ETRUNK_LACP_ATTR(PREEMPT), et->lacp.preempt) ||
	    nla_put_u32(skb, ETRUNK_LACP_ATTR(PREEMPT_DELAY),
			et->lacp.preempt_delay))
		return -EMSGSIZE;
	return 0;
}

size_t etrunk_lacp_size(void)
{
	return 3 * nla_total_size(sizeof(u16)) +	/* SYSTEM_PRIO, KEY, PORT_OFFSET */
	       nla_total_size(ETH_ALEN) +		/* SYSTEM */
	       4 * nla_total_size(sizeof(u8)) +		/* RATE, ROLE, SELECT, PREEMPT */
	       nla_total_size(sizeof(u32));		/* PREEMPT_DELAY */
}

/* Recompute what the trunk can offload from what all members can: a
 * feature is offered only if every member has it.
 */
void etrunk_compute_features(struct etrunk *et)
{
	unsigned int dst_release = IFF_XMIT_DST_RELEASE |
				   IFF_XMIT_DST_RELEASE_PERM;
	netdev_features_t vlan_features = ETRUNK_VLAN_FEATURES;
	netdev_features_t enc_features = ETRUNK_ENC_FEATURES;
	unsigned short hard_header_len = ETH_HLEN;
	unsigned int tso_max_size = TSO_MAX_SIZE;
	u16 tso_max_segs = TSO_MAX_SEGS;
	struct net_device *dev = et->dev;
	struct etrunk_member *m;

	ASSERT_RTNL();
	if (et->member_count) {
		vlan_features &= NETIF_F_ALL_FOR_ALL;
		enc_features &= NETIF_F_ALL_FOR_ALL;
	}
	list_for_each_entry(m, &et->members, list) {
		struct net_device *mdev = m->dev;

		vlan_features = netdev_increment_features(vlan_features,
							  mdev->vlan_features,
							  ETRUNK_VLAN_FEATURES);
		enc_features = netdev_increment_features(enc_features,
							 mdev->hw_enc_features,
							 ETRUNK_ENC_FEATURES);
		dst_release &= mdev->priv_flags;
		hard_header_len = max(hard_header_len, mdev->hard_header_len);
		tso_max_size = min(tso_max_size, mdev->tso_max_size);
		tso_max_segs = min(tso_max_segs, mdev->tso_max_segs);
	}

	dev->hard_header_len = hard_header_len;
	dev->vlan_features = vlan_features;
	dev->hw_enc_features = enc_features | NETIF_F_GSO_ENCAP_ALL |
			       NETIF_F_HW_VLAN_CTAG_TX |
			       NETIF_F_HW_VLAN_STAG_TX;
	netif_set_tso_max_size(dev, tso_max_size);
	netif_set_tso_max_segs(dev, tso_max_segs);

	/* The skb's dst may only be dropped early if every member agrees. */
	dev->priv_flags &= ~IFF_XMIT_DST_RELEASE;
	if (dst_release == (IFF_XMIT_DST_RELEASE | IFF_XMIT_DST_RELEASE_PERM))
		dev->priv_flags |= IFF_XMIT_DST_RELEASE;

	netdev_change_features(dev);
}

static netdev_features_t etrunk_fix_features(struct net_device *dev,
					     netdev_features_t features)
{
	struct etrunk *et = netdev_priv(dev);
	netdev_features_t mask = features;
	struct etrunk_member *m;

	features &= ~NETIF_F_ONE_FOR_ALL;
	features |= NETIF_F_ALL_FOR_ALL;
	list_for_each_entry(m, &et->members, list)
		features = netdev_increment_features(features, m->dev->features,
						     mask);
	return netdev_add_tso_features(features, mask);
}

static int etrunk_init(struct net_device *dev)
{
	struct etrunk *et = netdev_priv(dev);

	et->stats = netdev_alloc_pcpu_stats(struct etrunk_pcpu_stats);
	if (!et->stats)
		return -ENOMEM;
	netif_carrier_off(dev);
	return 0;
}

static void etrunk_uninit(struct net_device *dev)
{
	struct etrunk *et = netdev_priv(dev);

	etrunk_members_release_all(et);
	etrunk_probe_uninit(et);
	etrunk_backup_uninit(et);
	etrunk_flush_uninit(et);
	etrunk_lacp_uninit(et);
}

static void etrunk_destructor(struct net_device *dev)
{
	struct etrunk *et = netdev_priv(dev);

	free_percpu(et->stats);
}

static int etrunk_open(struct net_device *dev)
{
	struct etrunk *et = netdev_priv(dev);

	etrunk_update_carrier(et);
	etrunk_probe_restart(et);
	return 0;
}

static int etrunk_stop(struct net_device *dev)
{
	etrunk_probe_restart(netdev_priv(dev));
	return 0;
}

static void etrunk_get_stats64(struct net_device *dev,
			       struct rtnl_link_stats64 *tot)
{
	struct etrunk *et = netdev_priv(dev);
	int cpu;

	for_each_possible_cpu(cpu) {
		const struct etrunk_pcpu_stats *s = per_cpu_ptr(et->stats, cpu);
		u64 rxp, rxb, rxd, txp, txb, txd;
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			rxp = u64_stats_read(&s->rx_packets);
			rxb = u64_stats_read(&s->rx_bytes);
			rxd = u64_stats_read(&s->rx_dropped);
			txp = u64_stats_read(&s->tx_packets);
			txb = u64_stats_read(&s->tx_bytes);
			txd = u64_stats_read(&s->tx_dropped);
		} while (u64_stats_fetch_retry(&s->syncp, start));

		tot->rx_packets += rxp;
		tot->rx_bytes += rxb;
		tot->rx_dropped += rxd;
		tot->tx_packets += txp;
		tot->tx_bytes += txb;
		tot->tx_dropped += txd;
	}
}

/* The trunk's MAC address is every member's MAC address. The trunk takes
 * the new address first so that the members' pre-change check (which
 * insists a member keeps its trunk's address) lets them follow.
 */
static int etrunk_set_mac_address(struct net_device *dev, void *p)
{
	struct etrunk *et = netdev_priv(dev);
	struct sockaddr *sa = p, old;
	struct etrunk_member *m;
	int err;

	if (!is_valid_ether_addr(sa->sa_data))
		return -EADDRNOTAVAIL;

	old.sa_family = dev->type;
	ether_addr_copy(old.sa_data, dev->dev_addr);
	eth_hw_addr_set(dev, sa->sa_data);
	list_for_each_entry(m, &et->members, list) {
		err = dev_set_mac_address(m->dev, sa, NULL);
		if (err)
			goto undo;
	}
	dev->addr_assign_type = NET_ADDR_SET;
	return 0;

undo:
	eth_hw_addr_set(dev, old.sa_data);
	list_for_each_entry_continue_reverse(m, &et->members, list)
		dev_set_mac_address(m->dev, &old, NULL);
	return err;
}

/* The MTU too: the trunk goes first, members follow, all or nothing. */
static int etrunk_change_mtu(struct net_device *dev, int new_mtu)
{
	struct etrunk *et = netdev_priv(dev);
	int old_mtu = dev->mtu;
	struct etrunk_member *m;
	int err;

	WRITE_ONCE(dev->mtu, new_mtu);
	list_for_each_entry(m, &et->members, list) {
		err = dev_set_mtu(m->dev, new_mtu);
		if (err)
			goto undo;
	}
	return 0;

undo:
	WRITE_ONCE(dev->mtu, old_mtu);
	list_for_each_entry_continue_reverse(m, &et->members, list)
		dev_set_mtu(m->dev, old_mtu);
	return err;
}

static void etrunk_change_rx_flags(struct net_device *dev, int change)
{
	struct etrunk *et = netdev_priv(dev);
	struct etrunk_member *m;

	list_for_each_entry(m, &et->members, list) {
		if (change & IFF_PROMISC)
			dev_set_promiscuity(m->dev,
					    dev->flags & IFF_PROMISC ? 1 : -1);
		if (change & IFF_ALLMULTI)
			dev_set_allmulti(m->dev,
					 dev->flags & IFF_ALLMULTI ? 1 : -1);
	}
}

/* Called with the trunk's address-list lock held, BH off, maybe without
 * RTNL: hence the RCU walk.
 */
static void etrunk_set_rx_mode(struct net_device *dev)
{
	struct etrunk *et = netdev_priv(dev);
	struct etrunk_member *m;

	rcu_read_lock();
	list_for_each_entry_rcu(m, &et->members, list) {
		dev_uc_sync_multiple(m->dev, dev);
		dev_mc_sync_multiple(m->dev, dev);
	}
	rcu_read_unlock();
}

static int etrunk_vlan_rx_add_vid(struct net_device *dev, __be16 proto,
				  u16 vid)
{
	struct etrunk *et = netdev_priv(dev);
	struct etrunk_member *m;
	int err;

	list_for_each_entry(m, &et->members, list) {
		err = vlan_vid_add(m->dev, proto, vid);
		if (err)
			goto undo;
	}
	if (proto == htons(ETH_P_8021Q) && vid)
		set_bit(vid, et->vlans);
	return 0;

undo:
	list_for_each_entry_continue_reverse(m, &et->members, list)
		vlan_vid_del(m->dev, proto, vid);
	return err;
}

static int etrunk_vlan_rx_kill_vid(struct net_device *dev, __be16 proto,
				   u16 vid)
{
	struct etrunk *et = netdev_priv(dev);
	struct etrunk_member *m;

	list_for_each_entry(m, &et->members, list)
		vlan_vid_del(m->dev, proto, vid);
	if (proto == htons(ETH_P_8021Q))
		clear_bit(vid, et->vlans);
	return 0;
}

static int etrunk_add_slave(struct net_device *dev, struct net_device *mdev,
			    struct netlink_ext_ack *extack)
{
	return etrunk_member_add(netdev_priv(dev), mdev, extack);
}

static int etrunk_del_slave(struct net_device *dev, struct net_device *mdev)
{
	return etrunk_member_del(netdev_priv(dev), mdev, NULL);
}

static const struct net_device_ops etrunk_netdev_ops = {
	.ndo_init		= etrunk_init,
	.ndo_uninit		= etrunk_uninit,
	.ndo_open		= etrunk_open,
	.ndo_stop		= etrunk_stop,
	.ndo_start_xmit		= etrunk_xmit,
	.ndo_get_stats64	= etrunk_get_stats64,
	.ndo_set_mac_address	= etrunk_set_mac_address,
	.ndo_change_mtu		= etrunk_change_mtu,
	.ndo_change_rx_flags	= etrunk_change_rx_flags,
	.ndo_set_rx_mode	= etrunk_set_rx_mode,
	.ndo_vlan_rx_add_vid	= etrunk_vlan_rx_add_vid,
	.ndo_vlan_rx_kill_vid	= etrunk_vlan_rx_kill_vid,
	.ndo_add_slave		= etrunk_add_slave,
	.ndo_del_slave		= etrunk_del_slave,
	.ndo_fix_features	= etrunk_fix_features,
	.ndo_features_check	= passthru_features_check,
};

static void etrunk_get_drvinfo(struct net_device *dev,
			       struct ethtool_drvinfo *info)
{
	strscpy(info->driver, KBUILD_MODNAME, sizeof(info->driver));
	strscpy(info->version, ETRUNK_VERSION, sizeof(info->version));
}

/* Speed is the sum of the active members' speeds, like a LAG's. */
static int etrunk_get_link_ksettings(struct net_device *dev,
				     struct ethtool_link_ksettings *cmd)
{
	struct etrunk *et = netdev_priv(dev);
	struct etrunk_member *m;
	u32 speed = 0;

	ASSERT_RTNL();
	list_for_each_entry(m, &et->members, list) {
		struct ethtool_link_ksettings mcmd;

		if (m->state != ETRUNK_MEMBER_ACTIVE ||
		    __ethtool_get_link_ksettings(m->dev, &mcmd) ||
		    mcmd.base.speed == (u32)SPEED_UNKNOWN)
			continue;
		speed += mcmd.base.speed;
	}
	cmd->base.speed = speed ? speed : SPEED_UNKNOWN;
	cmd->base.duplex = speed ? DUPLEX_FULL : DUPLEX_UNKNOWN;
	cmd->base.port = PORT_OTHER;
	return 0;
}

static const struct ethtool_ops etrunk_ethtool_ops = {
	.get_drvinfo		= etrunk_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_link_ksettings	= etrunk_get_link_ksettings,
};

void etrunk_setup(struct net_device *dev)
{
	struct etrunk *et = netdev_priv(dev);

	ether_setup(dev);
	et->dev = dev;
	INIT_LIST_HEAD(&et->members);
	/* Before newlink applies the parameters: defaults and work items,
	 * nothing that allocates.
	 */
	etrunk_backup_init(et);
	etrunk_flush_init(et);
	etrunk_probe_init(et);
	etrunk_lacp_init(et);

	dev->netdev_ops = &etrunk_netdev_ops;
	dev->ethtool_ops = &etrunk_ethtool_ops;
	dev->needs_free_netdev = true;
	dev->priv_destructor = etrunk_destructor;
	dev->flags |= IFF_MASTER;
	dev->priv_flags |= IFF_NO_QUEUE | IFF_UNICAST_FLT;
	dev->priv_flags &= ~(IFF_XMIT_DST_RELEASE | IFF_TX_SKB_SHARING);
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_MAX_MTU;

	/* LLTX: transmit takes no lock of ours. NETNS_LOCAL: members must
	 * stay in the trunk's namespace, so the trunk does not move.
	 */
	dev->hw_features = ETRUNK_VLAN_FEATURES | NETIF_F_HW_VLAN_CTAG_TX |
			   NETIF_F_HW_VLAN_CTAG_RX | NETIF_F_HW_VLAN_CTAG_FILTER |
			   NETIF_F_HW_VLAN_STAG_TX | NETIF_F_RXCSUM |
			   NETIF_F_GSO_ENCAP_ALL;
	dev->features |= dev->hw_features | NETIF_F_LLTX | NETIF_F_NETNS_LOCAL;
	dev->hw_features &= ~NETIF_F_HW_VLAN_CTAG_FILTER;

	eth_hw_addr_random(dev);
}
