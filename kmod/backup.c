// SPDX-License-Identifier: GPL-2.0
/*
 * Mode backup (1:1): one master carries all traffic while the other member
 * waits. Here the master is chosen, switchovers are recorded, traffic
 * returns to the designated master after the revert delay, and every
 * switchover is announced: flush frames (flush.c) so switches forget the
 * old path, gratuitous ARP/NA and IGMP/MLD reports so hosts and multicast
 * resume at once.
 *
 * The work items take RTNL with rtnl_trylock() and retry a jiffy later,
 * because ndo_uninit cancels them synchronously while holding RTNL.
 */

#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/workqueue.h>

#include "backup.h"
#include "device.h"
#include "genetlink.h"
#include "member.h"

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

struct etrunk_member *etrunk_backup_choose(struct etrunk *et)
{
	struct etrunk_member *cur = rtnl_dereference(et->active);
	struct etrunk_member *pref = NULL, *first = NULL, *chosen, *m;
	bool cur_ok = cur && cur->next_reason == ETRUNK_REASON_NONE;
	u8 reason = ETRUNK_SWITCH_NONE;

	ASSERT_RTNL();
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

struct etrunk_member *etrunk_backup_spare(struct etrunk *et)
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

	if (!rtnl_trylock()) {
		schedule_delayed_work(&et->announce_work, 1);
		return;
	}
	if (et->announce_left && netif_running(et->dev) &&
	    netif_carrier_ok(et->dev)) {
		et->announce_left--;
		call_netdevice_notifiers(NETDEV_NOTIFY_PEERS, et->dev);
		call_netdevice_notifiers(NETDEV_RESEND_IGMP, et->dev);
		if (et->announce_left)
			schedule_delayed_work(&et->announce_work,
					      msecs_to_jiffies(et->flush_interval));
	}
	rtnl_unlock();
}

void etrunk_backup_switched(struct etrunk *et, struct etrunk_member *old,
			    u8 reason)
{
	struct etrunk_member *m, *master = rtnl_dereference(et->active);

	ASSERT_RTNL();
	et->master_removed = false;
	list_for_each_entry(m, &et->members, list)
		WRITE_ONCE(m->rx_drop, m != master);
	if (!master)
		return;

	et->switchovers++;
	et->switch_reason = reason;
	et->switch_time = jiffies;
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

	if (!rtnl_trylock()) {
		schedule_delayed_work(&et->switch_work, 1);
		return;
	}
	ifindex = xchg(&et->switch_req, 0);
	master = rtnl_dereference(et->active);
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
		etrunk_select(et, NULL);
		break;
	}
out:
	rtnl_unlock();
}

static void etrunk_revert_work(struct work_struct *work)
{
	struct etrunk *et = container_of(to_delayed_work(work), struct etrunk,
					 revert_work);

	if (!rtnl_trylock()) {
		schedule_delayed_work(&et->revert_work, 1);
		return;
	}
	etrunk_select(et, NULL);
	rtnl_unlock();
}

void etrunk_backup_init(struct etrunk *et)
{
	et->revertive = true;
	et->grat_arp = 1;
	et->flush_count = 3;
	et->flush_interval = 10;
	et->flush_rx = true;
	et->probe.missed = 3;
	/* Before any member became usable. */
	et->switch_time = jiffies - 1;
	INIT_DELAYED_WORK(&et->revert_work, etrunk_revert_work);
	INIT_DELAYED_WORK(&et->announce_work, etrunk_announce_work);
	INIT_DELAYED_WORK(&et->switch_work, etrunk_switch_work);
}

/* After the members are gone: nothing is left to reschedule these. */
void etrunk_backup_uninit(struct etrunk *et)
{
	cancel_delayed_work_sync(&et->revert_work);
	cancel_delayed_work_sync(&et->announce_work);
	cancel_delayed_work_sync(&et->switch_work);
}
