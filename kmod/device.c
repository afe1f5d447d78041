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

#include "compat.h"
#include "device.h"
#include "member.h"
#include "mode.h"

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

/* Carrier is up while enough members are active (min-links). Under the
 * trunk's lock, which orders it with the active set; netif_carrier_on()
 * and netif_carrier_off() need no RTNL.
 */
void etrunk_update_carrier(struct etrunk *et)
{
	bool up = et->tx_count >= max_t(u32, et->min_links, 1);

	lockdep_assert_held(&et->lock);
	if (up && !netif_carrier_ok(et->dev))
		netif_carrier_on(et->dev);
	else if (!up && netif_carrier_ok(et->dev))
		netif_carrier_off(et->dev);
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
	/* None of these works blocks on RTNL: cancelled synchronously. */
	etrunk_select_uninit(et);
	etrunk_modes_teardown(et);
}

static void etrunk_destructor(struct net_device *dev)
{
	struct etrunk *et = netdev_priv(dev);

	free_percpu(et->stats);
	mutex_destroy(&et->lock);
}

static int etrunk_open(struct net_device *dev)
{
	struct etrunk *et = netdev_priv(dev);

	mutex_lock(&et->lock);
	etrunk_update_carrier(et);
	if (et->ops->start)
		et->ops->start(et);
	mutex_unlock(&et->lock);
	return 0;
}

static int etrunk_stop(struct net_device *dev)
{
	struct etrunk *et = netdev_priv(dev);

	mutex_lock(&et->lock);
	/* Mode backup: a trunk set down sends nothing more of a
	 * switchover's series, and probes no more.
	 */
	if (et->ops->stop)
		et->ops->stop(et);
	mutex_unlock(&et->lock);
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
	const struct sockaddr *sa = p;
	struct etrunk_member *m;
	u8 old[ETH_ALEN];
	int err;

	if (!is_valid_ether_addr(sa->sa_data))
		return -EADDRNOTAVAIL;

	ether_addr_copy(old, dev->dev_addr);
	etrunk_set_addr(et, sa->sa_data);
	list_for_each_entry(m, &et->members, list) {
		err = etrunk_dev_set_mac(m->dev, sa->sa_data, NULL);
		if (err)
			goto undo;
	}
	dev->addr_assign_type = NET_ADDR_SET;
	return 0;

undo:
	etrunk_set_addr(et, old);
	list_for_each_entry_continue_reverse(m, &et->members, list)
		etrunk_dev_set_mac(m->dev, old, NULL);
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

		if (READ_ONCE(m->state) != ETRUNK_MEMBER_ACTIVE ||
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

void etrunk_set_addr(struct etrunk *et, const u8 *addr)
{
	ASSERT_RTNL();
	eth_hw_addr_set(et->dev, addr);
	WRITE_ONCE(et->addr, ether_addr_to_u64(addr));
}

void etrunk_setup(struct net_device *dev)
{
	struct etrunk *et = netdev_priv(dev);

	ether_setup(dev);
	et->dev = dev;
	mutex_init(&et->lock);
	INIT_LIST_HEAD(&et->members);
	/* Before newlink applies the parameters: defaults and work items,
	 * nothing that allocates.
	 */
	et->ops = etrunk_mode_ops_of(et->mode);
	etrunk_select_init(et);
	etrunk_modes_setup(et);

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
	dev->features |= dev->hw_features;
	etrunk_dev_set_lltx_netns_local(dev);
	dev->hw_features &= ~NETIF_F_HW_VLAN_CTAG_FILTER;

	eth_hw_addr_random(dev);
	WRITE_ONCE(et->addr, ether_addr_to_u64(dev->dev_addr));
}
