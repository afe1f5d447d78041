// SPDX-License-Identifier: GPL-2.0
/*
 * Mode backup (1:1): one master carries all traffic while the other member
 * waits. Here the master is chosen, switchovers are recorded, traffic
 * returns to the designated master after the revert delay, and every
 * switchover is announced: flush frames (flush.c) so switches forget the
 * old path, gratuitous ARP/NA and IGMP/MLD reports so hosts and multicast
 * resume at once.
 *
 * The choice, the revert and the switchover a flush frame asks for run
 * under the trunk's lock (etrunk.lock), not RTNL, so a task holding RTNL
 * delays neither a revert nor a switchover. Only the announcement needs
 * RTNL (NETDEV_NOTIFY_PEERS, NETDEV_RESEND_IGMP): its work item takes it
 * with rtnl_trylock() and retries a jiffy later, because ndo_uninit
 * cancels it synchronously while holding RTNL.
 */

#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/workqueue.h>

#include "backup.h"
#include "device.h"
#include "genetlink.h"
#include "member.h"
#include "mode.h"

/* A flush frame on the backup is acted on this much later, and only if
 * the master has not received one since ETRUNK_FLUSH_SHARED before it:
 * when both members hear the same frames they share one L2 domain, the
 * frame says nothing about which path works, and following it would make
 * two trunks switch each other back and forth.
 */
#define ETRUNK_FLUSH_SETTLE	msecs_to_jiffies(8)
#define ETRUNK_FLUSH_SHARED	HZ

static const char *const etrunk_switch_names[] = {
	[ETRUNK_SWITCH_NONE] = "none",
	[ETRUNK_SWITCH_UP] = "first master",
	[ETRUNK_SWITCH_LINK] = "link failure",
	[ETRUNK_SWITCH_ADMIN] = "taken out by the control plane",
	[ETRUNK_SWITCH_PROBE] = "probe failure",
	[ETRUNK_SWITCH_REVERT] = "revert",
	[ETRUNK_SWITCH_FLUSH] = "flush frame from the peer",
	[ETRUNK_SWITCH_MANUAL] = "designated",
	[ETRUNK_SWITCH_REMOVED] = "master released",
	[ETRUNK_SWITCH_EROLE] = "E-Trunk role no longer backup",
};

static bool etrunk_revert_due(struct etrunk *et, struct etrunk_member *pref)
{
	unsigned long due;

	/* Only a designated master that came back after the last
	 * switchover: one left on purpose (flush frame, designation of
	 * another) stays left until it fails and recovers.
	 */
	if (!time_after(pref->usable_since, et->switch_time))
		return false;
	due = pref->usable_since + msecs_to_jiffies(et->revert_delay);
	if (time_after_eq(jiffies, due))
		return true;
	mod_delayed_work(system_wq, &et->revert_work, due - jiffies);
	return false;
}

static u8 etrunk_switch_reason_of(u8 member_reason)
{
	switch (member_reason) {
	case ETRUNK_REASON_ADMIN:
		return ETRUNK_SWITCH_ADMIN;
	case ETRUNK_REASON_PROBE:
		return ETRUNK_SWITCH_PROBE;
	default:
		return ETRUNK_SWITCH_LINK;
	}
}

static struct etrunk_member *etrunk_backup_choose(struct etrunk *et)
{
	struct etrunk_member *cur = etrunk_dereference(et, et->active);
	struct etrunk_member *pref = NULL, *first = NULL, *chosen, *m;
	bool cur_ok = cur && cur->next_reason == ETRUNK_REASON_NONE;
	u8 reason = ETRUNK_SWITCH_NONE;

	lockdep_assert_held(&et->lock);
	list_for_each_entry(m, &et->members, list) {
		if (m->next_reason != ETRUNK_REASON_NONE)
			continue;
		if (m->master)
			pref = m;
		if (!first || time_before(m->usable_since, first->usable_since))
			first = m;
	}

	chosen = cur_ok ? cur : NULL;
	if (et->prefer && et->prefer != cur &&
	    et->prefer->next_reason == ETRUNK_REASON_NONE) {
		chosen = et->prefer;
		reason = et->prefer_reason;
	} else if (cur_ok) {
		if (pref && pref != cur && et->revertive &&
		    etrunk_revert_due(et, pref)) {
			chosen = pref;
			reason = ETRUNK_SWITCH_REVERT;
		}
	} else {
		chosen = pref ?: first;
		if (cur)
			reason = etrunk_switch_reason_of(cur->next_reason);
		else if (et->erole_release)
			reason = ETRUNK_SWITCH_EROLE;
		else
			reason = et->master_removed ? ETRUNK_SWITCH_REMOVED :
						      ETRUNK_SWITCH_UP;
	}
	et->prefer = NULL;
	et->next_switch_reason = reason;

	list_for_each_entry(m, &et->members, list)
		if (m != chosen && m->next_reason == ETRUNK_REASON_NONE)
			m->next_reason = ETRUNK_REASON_BACKUP;
	return chosen;
}

static struct etrunk_member *etrunk_backup_spare(struct etrunk *et)
{
	struct etrunk_member *m;

	list_for_each_entry(m, &et->members, list)
		if (m->next_reason == ETRUNK_REASON_BACKUP)
			return m;
	return NULL;
}

/* Gratuitous ARP and unsolicited NA for the trunk's addresses (and, by
 * the 8021q notifier, for its VLAN devices'), and the multicast
 * memberships reported again, one round every flush interval.
 */
static void etrunk_announce_work(struct work_struct *work)
{
	struct etrunk *et = container_of(to_delayed_work(work), struct etrunk,
					 announce_work);
	bool announce = false;

	if (!rtnl_trylock()) {
		schedule_delayed_work(&et->announce_work, 1);
		return;
	}
	mutex_lock(&et->lock);
	if (et->announce_left && netif_running(et->dev) &&
	    netif_carrier_ok(et->dev)) {
		et->announce_left--;
		announce = true;
		if (et->announce_left)
			schedule_delayed_work(&et->announce_work,
					      msecs_to_jiffies(et->flush_interval));
	}
	mutex_unlock(&et->lock);
	if (announce) {
		call_netdevice_notifiers(NETDEV_NOTIFY_PEERS, et->dev);
		call_netdevice_notifiers(NETDEV_RESEND_IGMP, et->dev);
	}
	rtnl_unlock();
}

static void etrunk_backup_switched(struct etrunk *et,
				   struct etrunk_member *old, u8 reason)
{
	struct etrunk_member *m, *master = etrunk_dereference(et, et->active);

	lockdep_assert_held(&et->lock);
	et->master_removed = false;
	list_for_each_entry(m, &et->members, list)
		WRITE_ONCE(m->rx_drop, m != master);
	if (!master)
		return;

	WRITE_ONCE(et->switchovers, et->switchovers + 1);
	WRITE_ONCE(et->switch_reason, reason);
	WRITE_ONCE(et->switch_time, jiffies);
	netdev_info(et->dev, "master %s (was %s): %s\n", master->dev->name,
		    old ? old->dev->name : "none",
		    etrunk_switch_names[reason]);

	etrunk_flush_start(et);
	et->announce_left = et->grat_arp;
	if (et->announce_left)
		mod_delayed_work(system_wq, &et->announce_work, 0);
	etrunk_probe_restart(et);
	etrunk_genl_trunk_event(et, ETRUNK_EVENT_SWITCHOVER);
}

void etrunk_request_master(struct etrunk_member *m)
{
	struct etrunk *et = m->et;

	WRITE_ONCE(et->switch_req, m->dev->ifindex);
	schedule_delayed_work(&et->switch_work, ETRUNK_FLUSH_SETTLE);
}

static void etrunk_switch_work(struct work_struct *work)
{
	struct etrunk *et = container_of(to_delayed_work(work), struct etrunk,
					 switch_work);
	struct etrunk_member *m, *master;
	int ifindex;

	mutex_lock(&et->lock);
	ifindex = xchg(&et->switch_req, 0);
	master = etrunk_dereference(et, et->active);
	if (et->mode != ETRUNK_MODE_BACKUP || !ifindex)
		goto out;
	if (master && time_before(jiffies, READ_ONCE(master->flush_seen) +
				  ETRUNK_FLUSH_SHARED + ETRUNK_FLUSH_SETTLE)) {
		netdev_dbg(et->dev, "flush frames on both members: not switching\n");
		goto out;
	}
	list_for_each_entry(m, &et->members, list) {
		if (m->dev->ifindex != ifindex || m == master)
			continue;
		et->prefer = m;
		et->prefer_reason = ETRUNK_SWITCH_FLUSH;
		__etrunk_select(et, NULL);
		break;
	}
out:
	mutex_unlock(&et->lock);
}

static void etrunk_revert_work(struct work_struct *work)
{
	struct etrunk *et = container_of(to_delayed_work(work), struct etrunk,
					 revert_work);

	mutex_lock(&et->lock);
	__etrunk_select(et, NULL);
	mutex_unlock(&et->lock);
}

static void etrunk_backup_init(struct etrunk *et)
{
	et->revertive = true;
	et->grat_arp = 1;
	et->flush_count = 3;
	et->flush_interval = 10;
	et->probe.missed = 3;
	/* Before any member became usable. */
	et->switch_time = jiffies - 1;
	INIT_DELAYED_WORK(&et->revert_work, etrunk_revert_work);
	INIT_DELAYED_WORK(&et->announce_work, etrunk_announce_work);
	INIT_DELAYED_WORK(&et->switch_work, etrunk_switch_work);
}

/* After the members are gone: nothing is left to reschedule these. */
static void etrunk_backup_uninit(struct etrunk *et)
{
	cancel_delayed_work_sync(&et->revert_work);
	cancel_delayed_work_sync(&et->announce_work);
	cancel_delayed_work_sync(&et->switch_work);
}

/* The backup @m receives while the master has lost its link and the
 * notifier has not yet switched: the far end may have switched already.
 */
static bool etrunk_master_lost(struct etrunk *et, struct etrunk_member *m)
{
	struct etrunk_member *master = rcu_dereference(et->active);

	return rcu_access_pointer(et->spare) == m &&
	       (!master || !netif_carrier_ok(master->dev));
}

/* Receive (RCU): a frame that is a flush frame, a probe reply, or arrives
 * on the backup is the mode's.
 */
static bool etrunk_backup_rx(struct etrunk_member *m, struct sk_buff *skb)
{
	struct etrunk *et = m->et;

	/* A flush frame is the module's: freed there, consumed or dropped. */
	if (skb->protocol == htons(ETRUNK_FLUSH_ETHERTYPE) &&
	    etrunk_flush_rx_member(m, skb))
		return true;
	if (READ_ONCE(et->probe.enabled) &&
	    (skb->protocol == htons(ETH_P_ARP) ||
	     skb->protocol == htons(ETH_P_IPV6)))
		etrunk_probe_rx(m, skb);
	if (READ_ONCE(m->rx_drop) && !etrunk_master_lost(et, m)) {
		etrunk_rx_drop(et, skb);
		return true;
	}
	return false;
}

/* The lock: why @m cannot be active in mode backup. */
static u8 etrunk_backup_member_reason(const struct etrunk_member *m)
{
	const struct etrunk *et = m->et;

	if (!m->probe_ok && et->probe.interval)
		return ETRUNK_REASON_PROBE;
	/* The whole 1:1 pair stands by for the peer's trunk. */
	if (et->erole_backup)
		return ETRUNK_REASON_EROLE_BACKUP;
	return ETRUNK_REASON_NONE;
}

static void etrunk_backup_select(struct etrunk *et)
{
	et->next_master = etrunk_backup_choose(et);
}

/* The lock, at the end of the selection: the spare, and the switchover. */
static void etrunk_backup_selected(struct etrunk *et)
{
	struct etrunk_member *old = etrunk_dereference(et, et->active);

	rcu_assign_pointer(et->spare, etrunk_backup_spare(et));
	if (et->next_master != old) {
		rcu_assign_pointer(et->active, et->next_master);
		etrunk_backup_switched(et, old, et->next_switch_reason);
	}
}

/* The designated member takes over at the next selection if it is
 * usable.
 */
static void etrunk_backup_master_set(struct etrunk_member *m)
{
	m->et->prefer = m;
	m->et->prefer_reason = ETRUNK_SWITCH_MANUAL;
}

static int etrunk_backup_member_check(struct etrunk *et,
				      struct netlink_ext_ack *extack)
{
	if (et->member_count >= ETRUNK_BACKUP_MEMBERS) {
		NL_SET_ERR_MSG(extack,
			       "A trunk in mode backup (1:1) has exactly two members: it has them already");
		return -ENOSPC;
	}
	return 0;
}

/* RTNL and the lock: @m leaves; no reference to it stays. */
static void etrunk_backup_member_del(struct etrunk_member *m)
{
	struct etrunk *et = m->et;

	etrunk_flush_member_del(m);
	if (etrunk_dereference(et, et->active) == m) {
		RCU_INIT_POINTER(et->active, NULL);
		et->master_removed = true;
	}
	if (etrunk_dereference(et, et->spare) == m)
		RCU_INIT_POINTER(et->spare, NULL);
	if (et->prefer == m)
		et->prefer = NULL;
	etrunk_probe_member_del(m);
}

/* The lock: the trunk went down, or leaves mode backup. */
static void etrunk_backup_stop(struct etrunk *et)
{
	etrunk_probe_restart(et);
	etrunk_flush_stop(et);
}

/* Every trunk's, whatever its mode: the switchover, flush and probe
 * defaults and work items.
 */
static void etrunk_backup_setup(struct etrunk *et)
{
	etrunk_backup_init(et);
	etrunk_flush_init(et);
	etrunk_probe_init(et);
}

static void etrunk_backup_teardown(struct etrunk *et)
{
	etrunk_probe_uninit(et);
	etrunk_backup_uninit(et);
	etrunk_flush_uninit(et);
}

const struct etrunk_mode_ops etrunk_mode_backup = {
	.setup		= etrunk_backup_setup,
	.teardown	= etrunk_backup_teardown,
	.start		= etrunk_probe_restart,
	.stop		= etrunk_backup_stop,
	.notify		= etrunk_probe_uc_sync,
	.member_check	= etrunk_backup_member_check,
	.member_add	= etrunk_flush_member_add,
	.member_del	= etrunk_backup_member_del,
	.member_reason	= etrunk_backup_member_reason,
	.select		= etrunk_backup_select,
	.selected	= etrunk_backup_selected,
	.master_set	= etrunk_backup_master_set,
	.rx		= etrunk_backup_rx,
	.lag_tx_type	= NETDEV_LAG_TX_TYPE_ACTIVEBACKUP,
	.rx_drop	= true,
};
