// SPDX-License-Identifier: GPL-2.0
/*
 * Members: the checks and steps of enslaving and releasing a netdevice, the
 * set of active members the transmit path chooses from, and the netdevice
 * notifier that moves members in and out of that set as their carrier
 * comes and goes.
 */

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/if_vlan.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "backup.h"
#include "device.h"
#include "genetlink.h"
#include "member.h"

struct etrunk_member *etrunk_member_get_rtnl(const struct net_device *dev)
{
	if (rcu_access_pointer(dev->rx_handler) != etrunk_handle_frame)
		return NULL;
	return rtnl_dereference(dev->rx_handler_data);
}

/* The active set is changed in place: a member joins at the end; a leaving
 * member's slot takes the last member. A reader that loaded the old count
 * may still pick the last slot, which then holds a member that is, at
 * worst, just going down and still allocated (members are freed after an
 * RCU grace period), so the fast path never needs a lock or an allocation.
 */
static void etrunk_tx_add(struct etrunk *et, struct etrunk_member *m)
{
	unsigned int slot = et->tx_count;

	rcu_assign_pointer(et->tx[slot], m);
	m->tx_slot = slot;
	/* Publish the slot before the count that makes it visible; pairs
	 * with smp_load_acquire() in etrunk_xmit().
	 */
	smp_store_release(&et->tx_count, slot + 1);
}

static void etrunk_tx_remove(struct etrunk *et, struct etrunk_member *m)
{
	unsigned int last = et->tx_count - 1;
	struct etrunk_member *moved = rtnl_dereference(et->tx[last]);

	if (moved != m) {
		rcu_assign_pointer(et->tx[m->tx_slot], moved);
		moved->tx_slot = m->tx_slot;
	}
	/* The moved member is in its new slot before the count drops;
	 * pairs with smp_load_acquire() in etrunk_xmit().
	 */
	smp_store_release(&et->tx_count, last);
	m->tx_slot = -1;
}

/* Why @m cannot be active, max-links aside. */
static u8 etrunk_member_reason(const struct etrunk_member *m,
			       const struct etrunk_member *going_down)
{
	if (m == going_down || !netif_running(m->dev))
		return ETRUNK_REASON_DEV_DOWN;
	if (!netif_carrier_ok(m->dev))
		return ETRUNK_REASON_NO_CARRIER;
	if (!m->admin_up)
		return ETRUNK_REASON_ADMIN;
	if (!m->probe_ok && m->et->mode == ETRUNK_MODE_BACKUP &&
	    m->et->probe.interval)
		return ETRUNK_REASON_PROBE;
	/* The whole 1:1 pair stands by for the peer's trunk. */
	if (m->et->mode == ETRUNK_MODE_BACKUP && m->et->erole_backup)
		return ETRUNK_REASON_EROLE_BACKUP;
	/* lacp.c decided, max-links included. */
	if (m->et->mode == ETRUNK_MODE_LACP)
		return m->lacp.reason;
	return ETRUNK_REASON_NONE;
}

static bool etrunk_reason_link_failed(u8 reason)
{
	return reason == ETRUNK_REASON_DEV_DOWN ||
	       reason == ETRUNK_REASON_NO_CARRIER;
}

/* With max-links, only the best candidates are active: lower priority
 * value first, then enslave order. O(n^2) on the control path, n <= 256.
 */
static void etrunk_apply_max_links(struct etrunk *et)
{
	struct etrunk_member *m, *o;

	list_for_each_entry(m, &et->members, list) {
		unsigned int better = 0;
		bool before = true;

		if (m->next_reason != ETRUNK_REASON_NONE)
			continue;
		list_for_each_entry(o, &et->members, list) {
			if (o == m) {
				before = false;
				continue;
			}
			if (o->next_reason != ETRUNK_REASON_NONE &&
			    o->next_reason != ETRUNK_REASON_MAX_LINKS)
				continue;
			if (o->priority < m->priority ||
			    (o->priority == m->priority && before))
				better++;
		}
		if (better >= et->max_links)
			m->next_reason = ETRUNK_REASON_MAX_LINKS;
	}
}

static u8 etrunk_state_of(u8 reason)
{
	if (reason == ETRUNK_REASON_NONE)
		return ETRUNK_MEMBER_ACTIVE;
	if (reason == ETRUNK_REASON_MAX_LINKS || reason == ETRUNK_REASON_BACKUP ||
	    reason == ETRUNK_REASON_LACP_ROLE ||
	    reason == ETRUNK_REASON_EROLE_BACKUP)
		return ETRUNK_MEMBER_STANDBY;
	return ETRUNK_MEMBER_DOWN;
}

/* Usable: could be active, or waits only because others are preferred
 * (or the trunk stands by in E-Trunk role backup: a member keeps its age,
 * so the one usable the longest is still known when the role ends).
 */
static bool etrunk_reason_usable(u8 reason)
{
	return reason == ETRUNK_REASON_NONE ||
	       reason == ETRUNK_REASON_MAX_LINKS ||
	       reason == ETRUNK_REASON_BACKUP ||
	       reason == ETRUNK_REASON_EROLE_BACKUP;
}

/* A member that leaves hands its slot to one that joins, so a switchover
 * never shows the transmit path an empty set.
 */
static void etrunk_tx_replace(struct etrunk *et, struct etrunk_member *out,
			      struct etrunk_member *in)
{
	rcu_assign_pointer(et->tx[out->tx_slot], in);
	in->tx_slot = out->tx_slot;
	out->tx_slot = -1;
}

static bool etrunk_joins(const struct etrunk_member *m)
{
	return m->state != ETRUNK_MEMBER_ACTIVE &&
	       m->next_reason == ETRUNK_REASON_NONE;
}

/**
 * etrunk_select - bring the active set in line with the members' state
 * @et: the trunk
 * @going_down: a member about to stop (NETDEV_GOING_DOWN): it leaves
 *	before it stops, so that no packet is sent to it in between
 *
 * Leaving members go first (each handing its slot to a joining one if
 * there is one), then the remaining joining ones, then states, counters
 * and events follow. In mode backup, backup.c picks the one master.
 */
void etrunk_select(struct etrunk *et, const struct etrunk_member *going_down)
{
	struct etrunk_member *m, *j, *old_master = NULL, *master = NULL;
	struct netdev_lag_lower_state_info info;
	bool backup = et->mode == ETRUNK_MODE_BACKUP;
	bool active_changed = false;

	ASSERT_RTNL();
	list_for_each_entry(m, &et->members, list) {
		m->next_reason = etrunk_member_reason(m, going_down);
		if (m->next_reason == ETRUNK_REASON_NONE &&
		    !etrunk_reason_usable(m->reason))
			m->usable_since = jiffies;
	}
	if (backup) {
		old_master = rtnl_dereference(et->active);
		master = etrunk_backup_choose(et);
	} else if (et->max_links && et->mode != ETRUNK_MODE_LACP) {
		etrunk_apply_max_links(et);
	}

	j = list_first_entry(&et->members, struct etrunk_member, list);
	list_for_each_entry(m, &et->members, list) {
		if (m->state != ETRUNK_MEMBER_ACTIVE ||
		    m->next_reason == ETRUNK_REASON_NONE)
			continue;
		list_for_each_entry_from(j, &et->members, list)
			if (etrunk_joins(j) && j->tx_slot < 0)
				break;
		if (list_entry_is_head(j, &et->members, list))
			etrunk_tx_remove(et, m);
		else
			etrunk_tx_replace(et, m, j);
	}
	list_for_each_entry(m, &et->members, list)
		if (etrunk_joins(m) && m->tx_slot < 0)
			etrunk_tx_add(et, m);

	list_for_each_entry(m, &et->members, list) {
		u8 state = etrunk_state_of(m->next_reason);
		bool was_active = m->state == ETRUNK_MEMBER_ACTIVE;
		bool is_active = state == ETRUNK_MEMBER_ACTIVE;

		if (state == m->state && m->next_reason == m->reason)
			continue;
		if (etrunk_reason_link_failed(m->next_reason) &&
		    !etrunk_reason_link_failed(m->reason))
			m->link_failures++;
		if (was_active != is_active)
			active_changed = true;
		m->state = state;
		m->reason = m->next_reason;

		info.link_up = netif_carrier_ok(m->dev);
		info.tx_enabled = is_active;
		netdev_lower_state_changed(m->dev, &info);
		etrunk_genl_member_event(m, ETRUNK_EVENT_MEMBER_STATE);
	}

	if (active_changed) {
		etrunk_update_carrier(et);
		etrunk_genl_trunk_event(et, ETRUNK_EVENT_ACTIVE);
	}
	if (backup)
		rcu_assign_pointer(et->spare, etrunk_backup_spare(et));
	if (backup && master != old_master) {
		rcu_assign_pointer(et->active, master);
		etrunk_backup_switched(et, old_master, et->next_switch_reason);
	}
}

/* At most one designated master per trunk. */
void etrunk_member_set_master(struct etrunk_member *m, bool master)
{
	struct etrunk_member *o;

	ASSERT_RTNL();
	if (master)
		list_for_each_entry(o, &m->et->members, list)
			o->master = false;
	m->master = master;
	/* Mode backup: the designated member takes over at the next
	 * selection if it is usable.
	 */
	if (master && m->et->mode == ETRUNK_MODE_BACKUP) {
		m->et->prefer = m;
		m->et->prefer_reason = ETRUNK_SWITCH_MANUAL;
	}
}

static int etrunk_member_check(struct etrunk *et, struct net_device *dev,
			       struct netlink_ext_ack *extack)
{
	if (dev == et->dev) {
		NL_SET_ERR_MSG(extack, "A trunk cannot be a member of itself");
		return -EINVAL;
	}
	if (dev->flags & IFF_LOOPBACK) {
		NL_SET_ERR_MSG(extack, "A loopback device cannot be a trunk member");
		return -EINVAL;
	}
	if (dev->type != ARPHRD_ETHER || dev->addr_len != ETH_ALEN) {
		NL_SET_ERR_MSG(extack, "Only Ethernet devices can be trunk members");
		return -EINVAL;
	}
	if (netif_is_etrunk(dev)) {
		NL_SET_ERR_MSG(extack, "A trunk cannot be a member of another trunk");
		return -EINVAL;
	}
	/* Members are IFF_SLAVE; bonding takes a device with IFF_SLAVE and
	 * IFF_BONDING (which its masters have) for one of its own slaves.
	 */
	if (netif_is_bond_master(dev)) {
		NL_SET_ERR_MSG(extack, "A bonding device cannot be a trunk member");
		return -EINVAL;
	}
	if (netdev_master_upper_dev_get(dev)) {
		NL_SET_ERR_MSG(extack, "The device already has a master device");
		return -EBUSY;
	}
	if (netdev_has_upper_dev(et->dev, dev)) {
		NL_SET_ERR_MSG(extack,
			       "The device is stacked on the trunk: enslaving it would make a loop");
		return -ELOOP;
	}
	if (netdev_is_rx_handler_busy(dev)) {
		NL_SET_ERR_MSG(extack,
			       "The device already has a receive handler (macvlan, ipvlan or similar on top of it)");
		return -EBUSY;
	}
	if (!dev->netdev_ops->ndo_set_mac_address) {
		NL_SET_ERR_MSG(extack, "The device cannot change its MAC address");
		return -EOPNOTSUPP;
	}
	if ((dev->features & NETIF_F_VLAN_CHALLENGED) && vlan_uses_dev(et->dev)) {
		NL_SET_ERR_MSG(extack,
			       "The trunk carries VLANs and the device cannot");
		return -EPERM;
	}
	if (et->member_count >= ETRUNK_MAX_MEMBERS) {
		NL_SET_ERR_MSG(extack, "The trunk has the most members it can have");
		return -ENOSPC;
	}
	if (et->mode == ETRUNK_MODE_BACKUP &&
	    et->member_count >= ETRUNK_BACKUP_MEMBERS) {
		NL_SET_ERR_MSG(extack,
			       "A trunk in mode backup (1:1) has exactly two members: it has them already");
		return -ENOSPC;
	}
	return 0;
}

/* Give the member the trunk's MAC address, closing it for the change if
 * its driver cannot change the address while up (etrunk_member_add opens
 * it again).
 */
static int etrunk_member_set_addr(struct net_device *dev, const u8 *addr,
				  struct netlink_ext_ack *extack)
{
	struct sockaddr sa = { .sa_family = dev->type };

	if (ether_addr_equal(dev->dev_addr, addr))
		return 0;
	if (netif_running(dev) && !(dev->priv_flags & IFF_LIVE_ADDR_CHANGE))
		dev_close(dev);
	ether_addr_copy(sa.sa_data, addr);
	return dev_set_mac_address(dev, &sa, extack);
}

static enum netdev_lag_hash etrunk_lag_hash(u8 policy)
{
	switch (policy) {
	case ETRUNK_HASH_LAYER2:
		return NETDEV_LAG_HASH_L2;
	case ETRUNK_HASH_LAYER23:
		return NETDEV_LAG_HASH_L23;
	case ETRUNK_HASH_LAYER34:
		return NETDEV_LAG_HASH_L34;
	case ETRUNK_HASH_ENCAP23:
		return NETDEV_LAG_HASH_E23;
	case ETRUNK_HASH_ENCAP34:
		return NETDEV_LAG_HASH_E34;
	}
	return NETDEV_LAG_HASH_UNKNOWN;
}

/* A trunk without members has a random address; it takes the first
 * member's, so a trunk over real ports has a MAC from their hardware.
 */
static void etrunk_set_trunk_addr(struct net_device *tdev, const u8 *addr,
				  unsigned char assign_type)
{
	eth_hw_addr_set(tdev, addr);
	tdev->addr_assign_type = assign_type;
	call_netdevice_notifiers(NETDEV_CHANGEADDR, tdev);
}

int etrunk_member_add(struct etrunk *et, struct net_device *dev,
		      struct netlink_ext_ack *extack)
{
	struct netdev_lag_upper_info lag = {
		.tx_type = NETDEV_LAG_TX_TYPE_HASH,
		.hash_type = etrunk_lag_hash(et->hash_policy),
	};
	struct net_device *tdev = et->dev;
	bool was_up = dev->flags & IFF_UP;
	u8 trunk_addr[ETH_ALEN];
	struct etrunk_member *m;
	bool took_addr = false;
	struct sockaddr sa;
	int err;

	ASSERT_RTNL();
	err = etrunk_member_check(et, dev, extack);
	if (err)
		return err;

	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	m->dev = dev;
	m->et = et;
	m->state = ETRUNK_MEMBER_DOWN;
	m->reason = ETRUNK_REASON_DEV_DOWN;
	m->priority = ETRUNK_DEFAULT_PRIORITY;
	m->admin_up = true;
	m->probe_ok = true;
	m->rx_drop = et->mode != ETRUNK_MODE_LOADBALANCE;
	m->tx_slot = -1;
	m->orig_mtu = dev->mtu;
	ether_addr_copy(m->orig_addr, dev->dev_addr);
	etrunk_lacp_member_init(m);

	err = dev_set_mtu(dev, tdev->mtu);
	if (err) {
		NL_SET_ERR_MSG(extack, "The device cannot take the trunk's MTU");
		goto err_free;
	}

	if (!et->member_count && tdev->addr_assign_type == NET_ADDR_RANDOM) {
		ether_addr_copy(trunk_addr, tdev->dev_addr);
		etrunk_set_trunk_addr(tdev, dev->dev_addr, NET_ADDR_STOLEN);
		took_addr = true;
	}
	err = etrunk_member_set_addr(dev, tdev->dev_addr, extack);
	if (err) {
		NL_SET_ERR_MSG(extack, "The device cannot take the trunk's MAC address");
		goto err_addr;
	}

	/* Flagged before it opens, so IPv6 does not configure the member as
	 * a host of its own (addrconf skips IFF_SLAVE devices).
	 */
	dev->flags |= IFF_SLAVE;
	err = dev_open(dev, extack);
	if (err)
		goto err_addr;

	err = netdev_rx_handler_register(dev, etrunk_handle_frame, m);
	if (err) {
		NL_SET_ERR_MSG(extack, "The device already has a receive handler");
		goto err_addr;
	}

	err = netdev_master_upper_dev_link(dev, tdev, m, &lag, extack);
	if (err)
		goto err_rx_handler;

	/* Members receive what the trunk receives. */
	if (tdev->flags & IFF_PROMISC) {
		err = dev_set_promiscuity(dev, 1);
		if (err)
			goto err_unlink;
	}
	if (tdev->flags & IFF_ALLMULTI) {
		err = dev_set_allmulti(dev, 1);
		if (err)
			goto err_promisc;
	}
	err = vlan_vids_add_by_dev(dev, tdev);
	if (err)
		goto err_allmulti;
	err = etrunk_lacp_member_add(m);
	if (err)
		goto err_vids;

	/* On the list before the address sync, so that a concurrent
	 * ndo_set_rx_mode of the trunk reaches this member too.
	 */
	list_add_tail_rcu(&m->list, &et->members);
	et->member_count++;
	netif_addr_lock_bh(tdev);
	dev_uc_sync_multiple(dev, tdev);
	dev_mc_sync_multiple(dev, tdev);
	netif_addr_unlock_bh(tdev);

	etrunk_compute_features(et);
	etrunk_genl_member_event(m, ETRUNK_EVENT_MEMBER_ADDED);
	etrunk_select(et, NULL);
	etrunk_lacp_changed(et);
	return 0;

err_vids:
	vlan_vids_del_by_dev(dev, tdev);
err_allmulti:
	if (tdev->flags & IFF_ALLMULTI)
		dev_set_allmulti(dev, -1);
err_promisc:
	if (tdev->flags & IFF_PROMISC)
		dev_set_promiscuity(dev, -1);
err_unlink:
	netdev_upper_dev_unlink(dev, tdev);
err_rx_handler:
	netdev_rx_handler_unregister(dev);
err_addr:
	dev->flags &= ~IFF_SLAVE;
	if (!was_up)
		dev_close(dev);
	sa.sa_family = dev->type;
	ether_addr_copy(sa.sa_data, m->orig_addr);
	dev_set_mac_address(dev, &sa, NULL);
	if (took_addr)
		etrunk_set_trunk_addr(tdev, trunk_addr, NET_ADDR_RANDOM);
	if (was_up)
		dev_open(dev, NULL);
	dev_set_mtu(dev, m->orig_mtu);
err_free:
	kfree(m);
	return err;
}

/* Undo every step of etrunk_member_add. The member device goes down, as
 * a released bonding slave does, with its own MAC address and MTU back.
 */
static void etrunk_member_release(struct etrunk_member *m)
{
	struct etrunk *et = m->et;
	struct net_device *dev = m->dev, *tdev = et->dev;
	bool trunk_alive = tdev->reg_state == NETREG_REGISTERED;
	bool was_active = m->state == ETRUNK_MEMBER_ACTIVE;
	struct sockaddr sa;

	ASSERT_RTNL();
	if (was_active)
		etrunk_tx_remove(et, m);
	etrunk_lacp_member_del(m);
	if (rtnl_dereference(et->active) == m) {
		RCU_INIT_POINTER(et->active, NULL);
		et->master_removed = true;
	}
	if (rtnl_dereference(et->spare) == m)
		RCU_INIT_POINTER(et->spare, NULL);
	if (et->prefer == m)
		et->prefer = NULL;
	list_del_rcu(&m->list);
	et->member_count--;
	if (trunk_alive)
		etrunk_genl_member_event(m, ETRUNK_EVENT_MEMBER_REMOVED);

	dev_uc_unsync(dev, tdev);
	dev_mc_unsync(dev, tdev);
	etrunk_probe_member_del(m);
	vlan_vids_del_by_dev(dev, tdev);
	if (tdev->flags & IFF_ALLMULTI)
		dev_set_allmulti(dev, -1);
	if (tdev->flags & IFF_PROMISC)
		dev_set_promiscuity(dev, -1);
	dev->flags &= ~IFF_SLAVE;
	netdev_upper_dev_unlink(dev, tdev);
	/* Waits for an RCU grace period: after it no packet sees m. */
	netdev_rx_handler_unregister(dev);

	dev_close(dev);
	sa.sa_family = dev->type;
	ether_addr_copy(sa.sa_data, m->orig_addr);
	dev_set_mac_address(dev, &sa, NULL);
	dev_set_mtu(dev, m->orig_mtu);

	if (trunk_alive) {
		/* Do not keep a released member's address: it has it again. */
		if (!et->member_count && tdev->addr_assign_type == NET_ADDR_STOLEN) {
			u8 addr[ETH_ALEN];

			eth_random_addr(addr);
			etrunk_set_trunk_addr(tdev, addr, NET_ADDR_RANDOM);
		}
		etrunk_compute_features(et);
		/* A standby member may take the released one's place. */
		etrunk_select(et, NULL);
		etrunk_lacp_changed(et);
		if (was_active) {
			etrunk_update_carrier(et);
			etrunk_genl_trunk_event(et, ETRUNK_EVENT_ACTIVE);
		}
	}
	kfree_rcu(m, rcu);
}

int etrunk_member_del(struct etrunk *et, struct net_device *dev,
		      struct netlink_ext_ack *extack)
{
	struct etrunk_member *m = etrunk_member_get_rtnl(dev);

	if (!m || m->et != et) {
		NL_SET_ERR_MSG(extack, "The device is not a member of this trunk");
		return -EINVAL;
	}
	etrunk_member_release(m);
	return 0;
}

void etrunk_members_release_all(struct etrunk *et)
{
	struct etrunk_member *m, *tmp;

	list_for_each_entry_safe(m, tmp, &et->members, list)
		etrunk_member_release(m);
}

/* A member keeps its trunk's MAC address; changing it would silently
 * break reception on that member.
 */
static int etrunk_member_pre_changeaddr(struct etrunk_member *m, void *ptr)
{
	struct netdev_notifier_pre_changeaddr_info *info = ptr;

	if (ether_addr_equal(info->dev_addr, m->et->dev->dev_addr))
		return NOTIFY_DONE;
	NL_SET_ERR_MSG(info->info.extack,
		       "A trunk member's MAC address is its trunk's; change the trunk's");
	return notifier_from_errno(-EBUSY);
}

static int etrunk_netdev_event(struct notifier_block *nb,
			       unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct etrunk_member *m = etrunk_member_get_rtnl(dev);

	if (!m)
		return NOTIFY_DONE;

	switch (event) {
	case NETDEV_GOING_DOWN:
		etrunk_select(m->et, m);
		break;
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
		etrunk_select(m->et, NULL);
		/* LACP tells the partner at once. */
		m->et->lacp.reselect = true;
		etrunk_lacp_run(m->et);
		break;
	case NETDEV_FEAT_CHANGE:
		etrunk_compute_features(m->et);
		break;
	case NETDEV_PRE_CHANGEADDR:
		return etrunk_member_pre_changeaddr(m, ptr);
	case NETDEV_PRE_TYPE_CHANGE:
		return notifier_from_errno(-EBUSY);
	case NETDEV_UNREGISTER:
		etrunk_member_release(m);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block etrunk_notifier = {
	.notifier_call = etrunk_netdev_event,
};

int etrunk_notifier_register(void)
{
	return register_netdevice_notifier(&etrunk_notifier);
}

void etrunk_notifier_unregister(void)
{
	unregister_netdevice_notifier(&etrunk_notifier);
}
