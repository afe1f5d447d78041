// SPDX-License-Identifier: GPL-2.0
/*
 * Members: the checks and steps of enslaving and releasing a netdevice, the
 * set of active members the transmit path chooses from, and the netdevice
 * notifier that moves members in and out of that set as their carrier
 * comes and goes.
 *
 * The selection runs under the trunk's lock (etrunk.lock): from the
 * notifier and the configuration, which hold RTNL too, and from the
 * protocol machines' work items, which do not. What it must tell under
 * RTNL, NETDEV_CHANGELOWERSTATE, it leaves to etrunk.notify_work.
 */

#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/if_arp.h>
#include <linux/if_vlan.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "compat.h"
#include "device.h"
#include "genetlink.h"
#include "member.h"
#include "mode.h"

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
	struct etrunk_member *moved = etrunk_dereference(et, et->tx[last]);

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

/* Why @m cannot be active, max-links aside; the mode has the last word. */
static u8 etrunk_member_reason(const struct etrunk_member *m,
			       const struct etrunk_member *going_down)
{
	const struct etrunk_mode_ops *ops = m->et->ops;

	if (m == going_down || !netif_running(m->dev))
		return ETRUNK_REASON_DEV_DOWN;
	if (!netif_carrier_ok(m->dev))
		return ETRUNK_REASON_NO_CARRIER;
	if (!m->admin_up)
		return ETRUNK_REASON_ADMIN;
	if (ops->member_reason)
		return ops->member_reason(m);
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
void etrunk_apply_max_links(struct etrunk *et)
{
	struct etrunk_member *m, *o;

	lockdep_assert_held(&et->lock);
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

/* RTNL: NETDEV_CHANGELOWERSTATE for the members whose state the selection
 * changed since, then what the mode does under RTNL (mode backup: the
 * probe addresses in the members' unicast filters). rtnl_trylock():
 * ndo_uninit cancels this synchronously under RTNL; only the
 * notification waits, never the protocols.
 */
static void etrunk_notify_work(struct work_struct *work)
{
	struct etrunk *et = container_of(to_delayed_work(work), struct etrunk,
					 notify_work);
	struct netdev_lag_lower_state_info info;
	struct etrunk_member *m;
	bool any = false;

	if (!rtnl_trylock()) {
		schedule_delayed_work(&et->notify_work, 1);
		return;
	}
	mutex_lock(&et->lock);
	list_for_each_entry(m, &et->members, list) {
		m->lower_notify = m->lower_pending;
		m->lower_pending = false;
		any |= m->lower_notify;
	}
	mutex_unlock(&et->lock);
	/* The list changes only under RTNL too: the members stay. A state
	 * change meanwhile sets lower_pending again and requeues us.
	 */
	list_for_each_entry(m, &et->members, list) {
		if (!any || !m->lower_notify)
			continue;
		m->lower_notify = false;
		info.link_up = netif_carrier_ok(m->dev);
		info.tx_enabled = READ_ONCE(m->state) == ETRUNK_MEMBER_ACTIVE;
		netdev_lower_state_changed(m->dev, &info);
	}
	if (et->ops->notify)
		et->ops->notify(et);
	rtnl_unlock();
}

/**
 * __etrunk_select - bring the active set in line with the members' state
 * @et: the trunk
 * @going_down: a member about to stop (NETDEV_GOING_DOWN): it leaves
 *	before it stops, so that no packet is sent to it in between
 *
 * Leaving members go first (each handing its slot to a joining one if
 * there is one), then the remaining joining ones, then states, counters
 * and events follow. The mode may have its say after the reasons (mode
 * backup picks the one master, mode loadbalance applies max-links) and
 * at the end (mode backup switches over).
 */
void __etrunk_select(struct etrunk *et, const struct etrunk_member *going_down)
{
	const struct etrunk_mode_ops *ops = et->ops;
	struct etrunk_member *m, *j;
	bool active_changed = false, notify = false;

	lockdep_assert_held(&et->lock);
	list_for_each_entry(m, &et->members, list) {
		m->next_reason = etrunk_member_reason(m, going_down);
		if (m->next_reason == ETRUNK_REASON_NONE &&
		    !etrunk_reason_usable(m->reason))
			m->usable_since = jiffies;
	}
	if (ops->select)
		ops->select(et);

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
			WRITE_ONCE(m->link_failures, m->link_failures + 1);
		if (was_active != is_active)
			active_changed = true;
		WRITE_ONCE(m->state, state);
		WRITE_ONCE(m->reason, m->next_reason);

		m->lower_pending = true;
		notify = true;
		etrunk_genl_member_event(m, ETRUNK_EVENT_MEMBER_STATE);
	}
	if (notify)
		mod_delayed_work(system_wq, &et->notify_work, 0);

	if (active_changed) {
		etrunk_update_carrier(et);
		etrunk_genl_trunk_event(et, ETRUNK_EVENT_ACTIVE);
	}
	if (ops->selected)
		ops->selected(et);
}

void etrunk_select(struct etrunk *et, const struct etrunk_member *going_down)
{
	ASSERT_RTNL();
	mutex_lock(&et->lock);
	__etrunk_select(et, going_down);
	mutex_unlock(&et->lock);
}

void etrunk_member_update_speed(struct etrunk_member *m)
{
	struct ethtool_link_ksettings ks;
	u32 speed = 0;

	ASSERT_RTNL();
	if (!__ethtool_get_link_ksettings(m->dev, &ks) &&
	    ks.base.speed != (u32)SPEED_UNKNOWN)
		speed = ks.base.speed;
	m->speed = speed;
}

/* At most one designated master per trunk; RTNL and the trunk's lock. */
void etrunk_member_set_master(struct etrunk_member *m, bool master)
{
	struct etrunk_member *o;

	ASSERT_RTNL();
	lockdep_assert_held(&m->et->lock);
	if (master)
		list_for_each_entry(o, &m->et->members, list)
			o->master = false;
	m->master = master;
	if (master && m->et->ops->master_set)
		m->et->ops->master_set(m);
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
	if (et->ops->member_check)
		return et->ops->member_check(et, extack);
	return 0;
}

/* Give the member the trunk's MAC address, closing it for the change if
 * its driver cannot change the address while up (etrunk_member_add opens
 * it again).
 */
static int etrunk_member_set_addr(struct net_device *dev, const u8 *addr,
				  struct netlink_ext_ack *extack)
{
	if (ether_addr_equal(dev->dev_addr, addr))
		return 0;
	if (netif_running(dev) && !(dev->priv_flags & IFF_LIVE_ADDR_CHANGE))
		dev_close(dev);
	return etrunk_dev_set_mac(dev, addr, extack);
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
	etrunk_set_addr(netdev_priv(tdev), addr);
	tdev->addr_assign_type = assign_type;
	call_netdevice_notifiers(NETDEV_CHANGEADDR, tdev);
}

int etrunk_member_add(struct etrunk *et, struct net_device *dev,
		      struct netlink_ext_ack *extack)
{
	/* What a driver that offloads the LAG learns (mlxsw, mlx5, DSA):
	 * mode backup sends on one member, as bonding's active-backup.
	 */
	const struct etrunk_mode_ops *ops = et->ops;
	struct netdev_lag_upper_info lag = {
		.tx_type = ops->lag_tx_type,
		.hash_type = etrunk_lag_hash(et->hash_policy),
	};
	struct net_device *tdev = et->dev;
	bool was_up = dev->flags & IFF_UP;
	u8 trunk_addr[ETH_ALEN];
	struct etrunk_member *m;
	bool took_addr = false;
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
	m->rx_drop = ops->rx_drop;
	m->tx_slot = -1;
	m->orig_mtu = dev->mtu;
	etrunk_member_update_speed(m);
	ether_addr_copy(m->orig_addr, dev->dev_addr);
	etrunk_modes_member_init(m);

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
	 * a host of its own.
	 */
	dev->flags |= IFF_SLAVE;
	etrunk_dev_no_addrconf(dev, true);
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
	if (ops->member_add) {
		err = ops->member_add(m);
		if (err)
			goto err_vids;
	}

	/* On the list before the address sync, so that a concurrent
	 * ndo_set_rx_mode of the trunk reaches this member too.
	 */
	mutex_lock(&et->lock);
	list_add_tail_rcu(&m->list, &et->members);
	et->member_count++;
	mutex_unlock(&et->lock);
	netif_addr_lock_bh(tdev);
	dev_uc_sync_multiple(dev, tdev);
	dev_mc_sync_multiple(dev, tdev);
	netif_addr_unlock_bh(tdev);

	etrunk_compute_features(et);
	mutex_lock(&et->lock);
	etrunk_genl_member_event(m, ETRUNK_EVENT_MEMBER_ADDED);
	__etrunk_select(et, NULL);
	if (ops->changed)
		ops->changed(et);
	mutex_unlock(&et->lock);
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
	etrunk_dev_no_addrconf(dev, false);
	if (!was_up)
		dev_close(dev);
	etrunk_dev_set_mac(dev, m->orig_addr, NULL);
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
 * @unregistering: called from NETDEV_UNREGISTER (the device is being
 * deleted or moved to another namespace): IPv4 and IPv6 have already let
 * go of it, and the NETDEV_CHANGEMTU of dev_set_mtu() would make them
 * take it again, each with a reference that nothing drops.
 */
static void etrunk_member_release(struct etrunk_member *m, bool unregistering)
{
	struct etrunk *et = m->et;
	const struct etrunk_mode_ops *ops = et->ops;
	struct net_device *dev = m->dev, *tdev = et->dev;
	bool trunk_alive = tdev->reg_state == NETREG_REGISTERED;

	bool was_active;

	ASSERT_RTNL();
	mutex_lock(&et->lock);
	was_active = m->state == ETRUNK_MEMBER_ACTIVE;
	if (was_active)
		etrunk_tx_remove(et, m);
	if (ops->member_del)
		ops->member_del(m);
	list_del_rcu(&m->list);
	et->member_count--;
	if (trunk_alive)
		etrunk_genl_member_event(m, ETRUNK_EVENT_MEMBER_REMOVED);
	mutex_unlock(&et->lock);

	dev_uc_unsync(dev, tdev);
	dev_mc_unsync(dev, tdev);
	vlan_vids_del_by_dev(dev, tdev);
	if (tdev->flags & IFF_ALLMULTI)
		dev_set_allmulti(dev, -1);
	if (tdev->flags & IFF_PROMISC)
		dev_set_promiscuity(dev, -1);
	dev->flags &= ~IFF_SLAVE;
	etrunk_dev_no_addrconf(dev, false);
	netdev_upper_dev_unlink(dev, tdev);
	/* Waits for an RCU grace period: after it no packet sees m. */
	netdev_rx_handler_unregister(dev);

	dev_close(dev);
	etrunk_dev_set_mac(dev, m->orig_addr, NULL);
	if (unregistering)
		etrunk_set_mtu_quiet(dev, m->orig_mtu);
	else
		dev_set_mtu(dev, m->orig_mtu);

	if (trunk_alive) {
		/* Do not keep a released member's address: it has it again. */
		if (!et->member_count && tdev->addr_assign_type == NET_ADDR_STOLEN) {
			u8 addr[ETH_ALEN];

			eth_random_addr(addr);
			etrunk_set_trunk_addr(tdev, addr, NET_ADDR_RANDOM);
		}
		etrunk_compute_features(et);
		mutex_lock(&et->lock);
		/* A standby member may take the released one's place. */
		__etrunk_select(et, NULL);
		if (ops->changed)
			ops->changed(et);
		if (was_active) {
			etrunk_update_carrier(et);
			etrunk_genl_trunk_event(et, ETRUNK_EVENT_ACTIVE);
		}
		mutex_unlock(&et->lock);
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
	etrunk_member_release(m, false);
	return 0;
}

void etrunk_members_release_all(struct etrunk *et)
{
	struct etrunk_member *m, *tmp;

	list_for_each_entry_safe(m, tmp, &et->members, list)
		etrunk_member_release(m, false);
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

/* A member's link changed: the selection, then the mode (LACP tells the
 * partner). Under the trunk's lock.
 */
static void etrunk_member_link_changed(struct etrunk *et)
{
	__etrunk_select(et, NULL);
	if (et->ops->link_changed)
		et->ops->link_changed(et);
}

/* Transmit found the carrier of a member in the active set gone before
 * linkwatch told the notifier: for a port that is not bonding's or team's
 * that takes up to a second (linkwatch_urgent_event()), in which every
 * packet hashed to it would take the fallback scan. The selection runs
 * now instead; linkwatch's NETDEV_CHANGE later finds nothing to change.
 */
static void etrunk_select_work(struct work_struct *work)
{
	struct etrunk *et = container_of(to_delayed_work(work), struct etrunk,
					 select_work);

	mutex_lock(&et->lock);
	etrunk_member_link_changed(et);
	mutex_unlock(&et->lock);
}

void etrunk_select_init(struct etrunk *et)
{
	INIT_DELAYED_WORK(&et->select_work, etrunk_select_work);
	INIT_DELAYED_WORK(&et->notify_work, etrunk_notify_work);
}

/* After the members are gone: nothing is left to queue them (the select
 * work may queue the notify work: it goes first).
 */
void etrunk_select_uninit(struct etrunk *et)
{
	cancel_delayed_work_sync(&et->select_work);
	cancel_delayed_work_sync(&et->notify_work);
}

static int etrunk_netdev_event(struct notifier_block *nb,
			       unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct etrunk_member *m = etrunk_member_get_rtnl(dev);
	struct etrunk *et;

	if (!m)
		return NOTIFY_DONE;
	et = m->et;

	switch (event) {
	case NETDEV_GOING_DOWN:
		etrunk_select(et, m);
		break;
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
		mutex_lock(&et->lock);
		etrunk_member_update_speed(m);
		etrunk_member_link_changed(et);
		mutex_unlock(&et->lock);
		break;
	case NETDEV_FEAT_CHANGE:
		etrunk_compute_features(m->et);
		break;
	case NETDEV_PRE_CHANGEADDR:
		return etrunk_member_pre_changeaddr(m, ptr);
	case NETDEV_PRE_TYPE_CHANGE:
		return notifier_from_errno(-EBUSY);
	case NETDEV_UNREGISTER:
		etrunk_member_release(m, true);
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
