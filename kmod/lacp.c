// SPDX-License-Identifier: GPL-2.0
/*
 * Mode lacp: the Link Aggregation Control Protocol of IEEE 802.1AX, run
 * for every member in the module. Per member: the receive machine
 * (current, expired, defaulted), periodic transmission, the mux machine
 * with coupled control, the actor and partner churn machines; per trunk:
 * the selection of one aggregator (by count, bandwidth or priority) and
 * of the members beyond max_links that stand by (with or without
 * preemption).
 *
 * This file holds the machines and their scheduling, the members joining
 * and leaving, and the netlink dump of a member's state; the selection
 * logic is in lacp_select.c, the PDUs on the wire (build, send, receive,
 * validate, the marker responder) in lacp_pdu.c.
 *
 * The machines run under the trunk's lock (etrunk.lock), not RTNL, from
 * one work item per trunk (on every received LACPDU and at the earliest
 * timer deadline of any member) and directly from the netdevice notifier
 * and configuration changes (which hold RTNL and take the lock), so a
 * link or setting change is told to the partner at once. Receive only
 * validates a PDU and leaves it for the work item. Timers are deadlines
 * in jiffies that the work item is scheduled for: there is no periodic
 * tick. Nothing here needs RTNL: LACPDUs go out with dev_queue_xmit(),
 * the selection changes the transmit slots and carrier under the lock,
 * and what must be told under RTNL (NETDEV_CHANGELOWERSTATE) waits for
 * etrunk.notify_work, so a task that holds RTNL for long delays no
 * timeout, no periodic LACPDU and no aggregation.
 */

#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/netlink.h>
#include <net/sch_generic.h>

#include "device.h"
#include "genetlink.h"
#include "lacp.h"
#include "lacp_int.h"
#include "member.h"
#include "mode.h"

/* 802.1AX timer values. */
#define ETRUNK_LACP_FAST_PERIODIC	(1 * HZ)
#define ETRUNK_LACP_SLOW_PERIODIC	(30 * HZ)
#define ETRUNK_LACP_SHORT_TIMEOUT	(3 * HZ)
#define ETRUNK_LACP_LONG_TIMEOUT	(90 * HZ)
#define ETRUNK_LACP_AGGREGATE_WAIT	(2 * HZ)
#define ETRUNK_LACP_CHURN_DETECTION	(ETRUNK_LACP_CHURN_TIME * HZ)

/* The actor state bits the configuration sets, not the machines. */
#define ETRUNK_LACP_CONFIG_BITS (ETRUNK_LACP_STATE_ACTIVITY | \
				 ETRUNK_LACP_STATE_TIMEOUT | \
				 ETRUNK_LACP_STATE_AGGREGATION)
/* What update_NTT compares of our state in the partner's PDU. */
#define ETRUNK_LACP_NTT_BITS (ETRUNK_LACP_CONFIG_BITS | ETRUNK_LACP_STATE_SYNC)

void etrunk_lacp_system(const struct etrunk *et, u8 *system)
{
	if (et->lacp.system_set)
		ether_addr_copy(system, et->lacp.system);
	else
		etrunk_get_addr(et, system);
}

void etrunk_lacp_actor(const struct etrunk_member *m,
		       struct etrunk_lacp_info *a)
{
	const struct etrunk *et = m->et;

	a->system_prio = et->lacp.system_prio;
	etrunk_lacp_system(et, a->system);
	a->key = et->lacp.key;
	a->port_prio = m->lacp.port_prio;
	a->port = et->lacp.port_offset + m->lacp.index;
	a->state = m->lacp.state | ETRUNK_LACP_STATE_AGGREGATION;
	if (m->lacp.active)
		a->state |= ETRUNK_LACP_STATE_ACTIVITY;
	if (et->lacp.fast)
		a->state |= ETRUNK_LACP_STATE_TIMEOUT;
}

/* The same port of the same system (802.1AX update_Selected/update_NTT). */
static bool etrunk_lacp_same_port(const struct etrunk_lacp_info *a,
				  const struct etrunk_lacp_info *b)
{
	return a->port == b->port && a->port_prio == b->port_prio &&
	       ether_addr_equal(a->system, b->system) &&
	       a->system_prio == b->system_prio && a->key == b->key;
}

/* Partner information when none was received (802.1AX recordDefault):
 * all zeros, so a defaulted member never matches an aggregator.
 */
static void etrunk_lacp_record_default(struct etrunk_member *m)
{
	struct etrunk_lacp_port *p = &m->lacp;
	static const struct etrunk_lacp_info none;

	if (memcmp(&p->partner, &none, sizeof(none))) {
		p->partner = none;
		m->et->lacp.reselect = true;
	}
}

static void etrunk_lacp_set_state(struct etrunk_member *m, u8 set, u8 clear)
{
	struct etrunk_lacp_port *p = &m->lacp;
	u8 state = (p->state | set) & ~clear;

	if (state != p->state) {
		p->state = state;
		p->ntt = true;
	}
}

static void etrunk_lacp_set_rx_state(struct etrunk_member *m, u8 state)
{
	if (m->lacp.rx_state != state) {
		m->lacp.rx_state = state;
		m->et->lacp.reselect = true;
	}
}

/* 802.1AX EXPIRED: keep the partner, out of sync, for a short timeout,
 * and ask it for fast LACPDUs.
 */
static void etrunk_lacp_expire(struct etrunk_member *m)
{
	struct etrunk_lacp_port *p = &m->lacp;

	p->partner.state &= ~ETRUNK_LACP_STATE_SYNC;
	p->partner.state |= ETRUNK_LACP_STATE_TIMEOUT;
	etrunk_lacp_timer_start(&p->current_while, ETRUNK_LACP_SHORT_TIMEOUT);
	etrunk_lacp_set_state(m, ETRUNK_LACP_STATE_EXPIRED, 0);
	etrunk_lacp_set_rx_state(m, ETRUNK_LACP_RX_EXPIRED);
}

static void etrunk_lacp_detach(struct etrunk_member *m)
{
	m->lacp.mux_state = ETRUNK_LACP_MUX_DETACHED;
	m->lacp.wait_while.on = false;
	etrunk_lacp_set_state(m, 0, ETRUNK_LACP_STATE_SYNC |
			      ETRUNK_LACP_STATE_COLLECTING |
			      ETRUNK_LACP_STATE_DISTRIBUTING);
}

/* 802.1AX CURRENT: update_Selected, update_NTT and recordPDU. */
static void etrunk_lacp_record(struct etrunk_member *m,
			       const struct etrunk_lacpdu *pdu)
{
	struct etrunk_lacp_port *p = &m->lacp;
	struct etrunk_lacp_info actor, in_actor, in_partner;
	bool sync;

	etrunk_lacp_actor(m, &actor);
	etrunk_lacp_decode(&pdu->actor, &in_actor);
	etrunk_lacp_decode(&pdu->partner, &in_partner);

	/* Another partner, or one that changed what it aggregates with:
	 * detach, to attach again to whatever selection decides.
	 */
	if (!etrunk_lacp_same_port(&in_actor, &p->partner) ||
	    ((in_actor.state ^ p->partner.state) & ETRUNK_LACP_STATE_AGGREGATION)) {
		p->selected = ETRUNK_LACP_UNSELECTED;
		if (p->mux_state != ETRUNK_LACP_MUX_DETACHED)
			etrunk_lacp_detach(m);
		m->et->lacp.reselect = true;
	}
	/* The partner's view of us is wrong: tell it. */
	if (!etrunk_lacp_same_port(&in_partner, &actor) ||
	    ((in_partner.state ^ actor.state) & ETRUNK_LACP_NTT_BITS))
		p->ntt = true;

	sync = (in_actor.state & ETRUNK_LACP_STATE_SYNC) &&
	       ((etrunk_lacp_same_port(&in_partner, &actor) &&
		 !((in_partner.state ^ actor.state) &
		   ETRUNK_LACP_STATE_AGGREGATION)) ||
		!(in_actor.state & ETRUNK_LACP_STATE_AGGREGATION));
	p->partner = in_actor;
	if (!sync)
		p->partner.state &= ~ETRUNK_LACP_STATE_SYNC;

	etrunk_lacp_set_state(m, 0, ETRUNK_LACP_STATE_DEFAULTED |
			      ETRUNK_LACP_STATE_EXPIRED);
	etrunk_lacp_timer_start(&p->current_while,
				m->et->lacp.fast ? ETRUNK_LACP_SHORT_TIMEOUT :
						   ETRUNK_LACP_LONG_TIMEOUT);
	etrunk_lacp_set_rx_state(m, ETRUNK_LACP_RX_CURRENT);
}

static void etrunk_lacp_rx_machine(struct etrunk_member *m,
				   const struct etrunk_lacpdu *pdu)
{
	struct etrunk_lacp_port *p = &m->lacp;

	if (!etrunk_lacp_enabled(m)) {
		if (p->rx_state != ETRUNK_LACP_RX_DISABLED) {
			p->partner.state &= ~ETRUNK_LACP_STATE_SYNC;
			p->current_while.on = false;
			etrunk_lacp_set_rx_state(m, ETRUNK_LACP_RX_DISABLED);
		}
		return;
	}
	if (p->rx_state == ETRUNK_LACP_RX_DISABLED)
		etrunk_lacp_expire(m);
	if (pdu) {
		etrunk_lacp_record(m, pdu);
		return;
	}
	if (!etrunk_lacp_timer_expired(&p->current_while))
		return;
	if (p->rx_state == ETRUNK_LACP_RX_CURRENT) {
		etrunk_lacp_expire(m);
	} else {
		/* EXPIRED ran out too: no partner. */
		p->current_while.on = false;
		etrunk_lacp_record_default(m);
		etrunk_lacp_set_state(m, ETRUNK_LACP_STATE_DEFAULTED,
				      ETRUNK_LACP_STATE_EXPIRED);
		etrunk_lacp_set_rx_state(m, ETRUNK_LACP_RX_DEFAULTED);
	}
}

/* The mux machine with coupled control (802.1AX 6.4.15). In role backup
 * a member attaches but stays out of sync, so the partner never
 * distributes to it.
 */
static void etrunk_lacp_mux(struct etrunk_member *m, bool ready)
{
	struct etrunk_lacp_port *p = &m->lacp;
	bool backup = m->et->lacp.backup;
	u8 sync = backup ? 0 : ETRUNK_LACP_STATE_SYNC;

	for (;;) {
		switch (p->mux_state) {
		case ETRUNK_LACP_MUX_DETACHED:
			if (p->selected == ETRUNK_LACP_UNSELECTED)
				return;
			p->mux_state = ETRUNK_LACP_MUX_WAITING;
			etrunk_lacp_timer_start(&p->wait_while,
						ETRUNK_LACP_AGGREGATE_WAIT);
			return;
		case ETRUNK_LACP_MUX_WAITING:
			if (p->selected == ETRUNK_LACP_UNSELECTED) {
				etrunk_lacp_detach(m);
				continue;
			}
			if (p->selected != ETRUNK_LACP_SELECTED || !ready)
				return;
			p->wait_while.on = false;
			p->mux_state = ETRUNK_LACP_MUX_ATTACHED;
			continue;
		case ETRUNK_LACP_MUX_ATTACHED:
			if (p->selected != ETRUNK_LACP_SELECTED) {
				etrunk_lacp_detach(m);
				continue;
			}
			etrunk_lacp_set_state(m, sync, (sync ^ ETRUNK_LACP_STATE_SYNC) |
					      ETRUNK_LACP_STATE_COLLECTING |
					      ETRUNK_LACP_STATE_DISTRIBUTING);
			if (backup || !(p->partner.state & ETRUNK_LACP_STATE_SYNC))
				return;
			p->mux_state = ETRUNK_LACP_MUX_COLLECTING_DISTRIBUTING;
			etrunk_lacp_set_state(m, ETRUNK_LACP_STATE_COLLECTING |
					      ETRUNK_LACP_STATE_DISTRIBUTING, 0);
			return;
		case ETRUNK_LACP_MUX_COLLECTING_DISTRIBUTING:
			if (p->selected == ETRUNK_LACP_SELECTED && !backup &&
			    (p->partner.state & ETRUNK_LACP_STATE_SYNC))
				return;
			p->mux_state = ETRUNK_LACP_MUX_ATTACHED;
			continue;
		}
		return;
	}
}

/* Periodic transmission: fast while the partner asks for the short
 * timeout, slow otherwise, none when both ends are passive. Going from
 * slow to fast sends at once.
 */
static void etrunk_lacp_periodic(struct etrunk_member *m)
{
	struct etrunk_lacp_port *p = &m->lacp;
	unsigned long period;

	if (!etrunk_lacp_enabled(m) ||
	    (!p->active && !(p->partner.state & ETRUNK_LACP_STATE_ACTIVITY))) {
		p->periodic.on = false;
		return;
	}
	period = p->partner.state & ETRUNK_LACP_STATE_TIMEOUT ?
		 ETRUNK_LACP_FAST_PERIODIC : ETRUNK_LACP_SLOW_PERIODIC;
	if (!p->periodic.on || etrunk_lacp_timer_expired(&p->periodic) ||
	    time_after(p->periodic.at, jiffies + period)) {
		if (p->periodic.on)
			p->ntt = true;
		etrunk_lacp_timer_start(&p->periodic, period);
	}
}

/* The transmit machine: at most ETRUNK_LACP_TX_LIMIT LACPDUs per fast
 * periodic time; NTT waits for the oldest of them to age out.
 */
static void etrunk_lacp_tx(struct etrunk_member *m)
{
	struct etrunk_lacp_port *p = &m->lacp;
	unsigned long oldest = p->tx_times[p->tx_next];

	if (!p->ntt)
		return;
	if (!etrunk_lacp_enabled(m) ||
	    (!p->active && !(p->partner.state & ETRUNK_LACP_STATE_ACTIVITY))) {
		p->ntt = false;
		return;
	}
	if (time_before(jiffies, oldest + ETRUNK_LACP_FAST_PERIODIC))
		return;
	/* Carrier comes before linkwatch activates the qdisc; until then a
	 * frame would be dropped. Keep NTT: linkwatch's NETDEV_CHANGE runs
	 * the machines again.
	 */
	if (qdisc_tx_is_noop(m->dev))
		return;
	p->ntt = false;
	p->tx_times[p->tx_next] = jiffies;
	p->tx_next = (p->tx_next + 1) % ETRUNK_LACP_TX_LIMIT;
	etrunk_lacp_send_pdu(m);
}

/* Why LACP keeps @m out of the transmit set (its link aside). */
static u8 etrunk_lacp_reason_of(const struct etrunk_member *m)
{
	const struct etrunk_lacp_port *p = &m->lacp;

	if (p->mux_state == ETRUNK_LACP_MUX_COLLECTING_DISTRIBUTING)
		return ETRUNK_REASON_NONE;
	if (p->selected == ETRUNK_LACP_STANDBY)
		return ETRUNK_REASON_MAX_LINKS;
	if (p->rx_state == ETRUNK_LACP_RX_DEFAULTED)
		return ETRUNK_REASON_LACP_DEFAULTED;
	if (p->rx_state == ETRUNK_LACP_RX_EXPIRED)
		return ETRUNK_REASON_LACP_EXPIRED;
	if (p->rx_state == ETRUNK_LACP_RX_DISABLED)
		return ETRUNK_REASON_NO_CARRIER;
	if (etrunk_lacp_looped(m))
		return ETRUNK_REASON_LACP_LOOPBACK;
	if (p->selected == ETRUNK_LACP_UNSELECTED)
		return ETRUNK_REASON_LACP_AGGREGATOR;
	if (p->mux_state == ETRUNK_LACP_MUX_ATTACHED)
		return m->et->lacp.backup ? ETRUNK_REASON_LACP_ROLE :
					    ETRUNK_REASON_LACP_PARTNER;
	return ETRUNK_REASON_LACP_WAITING;
}

/* One churn detection machine (802.1AX 6.4.17): churned once @monitor
 * (out of sync on an enabled link) held for the churn detection time.
 */
static void etrunk_lacp_churn_machine(struct etrunk_lacp_timer *t,
				      bool *churn, u32 *count, bool monitor)
{
	if (!monitor) {
		t->on = false;
		*churn = false;
		return;
	}
	if (*churn)
		return;
	if (!t->on) {
		etrunk_lacp_timer_start(t, ETRUNK_LACP_CHURN_DETECTION);
	} else if (etrunk_lacp_timer_expired(t)) {
		t->on = false;
		*churn = true;
		(*count)++;
	}
}

/* The actor in role backup is out of sync on purpose: no churn. */
static void etrunk_lacp_churn(struct etrunk_member *m)
{
	struct etrunk_lacp_port *p = &m->lacp;
	bool enabled = etrunk_lacp_enabled(m);

	etrunk_lacp_churn_machine(&p->actor_churn_timer, &p->actor_churn,
				  &p->actor_churns,
				  enabled && !m->et->lacp.backup &&
				  !(p->state & ETRUNK_LACP_STATE_SYNC));
	etrunk_lacp_churn_machine(&p->partner_churn_timer, &p->partner_churn,
				  &p->partner_churns,
				  enabled &&
				  !(p->partner.state & ETRUNK_LACP_STATE_SYNC));
}

/* Frames a member receives go up while it collects; also while attached
 * and either in sync (the partner may distribute as soon as it hears
 * that, before we hear its own sync) or, in role backup, while the
 * partner still says it distributes to us (it has not yet heard that we
 * left), so neither a new aggregation nor a role change loses frames.
 */
static bool etrunk_lacp_collects(const struct etrunk_member *m)
{
	const struct etrunk_lacp_port *p = &m->lacp;

	if (p->mux_state == ETRUNK_LACP_MUX_COLLECTING_DISTRIBUTING)
		return true;
	return p->mux_state == ETRUNK_LACP_MUX_ATTACHED &&
	       ((p->state & ETRUNK_LACP_STATE_SYNC) ||
		(p->partner.state & ETRUNK_LACP_STATE_DISTRIBUTING));
}

/* ETRUNK_EVENT_LACP when what it reports changed. */
static void etrunk_lacp_report(struct etrunk_member *m)
{
	struct etrunk_lacp_port *p = &m->lacp;

	if (p->reported.selected == p->selected &&
	    p->reported.mux_state == p->mux_state &&
	    p->reported.actor_churn == p->actor_churn &&
	    p->reported.partner_churn == p->partner_churn &&
	    etrunk_lacp_same_port(&p->reported.partner, &p->partner))
		return;
	p->reported.selected = p->selected;
	p->reported.mux_state = p->mux_state;
	p->reported.actor_churn = p->actor_churn;
	p->reported.partner_churn = p->partner_churn;
	p->reported.partner = p->partner;
	etrunk_genl_member_event(m, ETRUNK_EVENT_LACP);
}

/* Deadlines up to @now were handled by the run that started at @now;
 * later ones (even if past by now) are scheduled.
 */
static void etrunk_lacp_deadline(const struct etrunk_lacp_timer *t,
				 unsigned long now, unsigned long *next,
				 bool *any)
{
	if (!t->on || !time_after(t->at, now))
		return;
	if (!*any || time_before(t->at, *next))
		*next = t->at;
	*any = true;
}

static void etrunk_lacp_schedule(struct etrunk *et, unsigned long now)
{
	struct etrunk_member *m;
	unsigned long next = 0;
	bool any = false;
	long delay;

	list_for_each_entry(m, &et->members, list) {
		struct etrunk_lacp_port *p = &m->lacp;
		struct etrunk_lacp_timer hold = {
			.at = p->tx_times[p->tx_next] + ETRUNK_LACP_FAST_PERIODIC,
			.on = p->ntt,
		};

		etrunk_lacp_deadline(&p->current_while, now, &next, &any);
		etrunk_lacp_deadline(&p->wait_while, now, &next, &any);
		etrunk_lacp_deadline(&p->periodic, now, &next, &any);
		etrunk_lacp_deadline(&hold, now, &next, &any);
		etrunk_lacp_deadline(&p->actor_churn_timer, now, &next, &any);
		etrunk_lacp_deadline(&p->partner_churn_timer, now, &next, &any);
		if (et->lacp.preempt && p->selected == ETRUNK_LACP_STANDBY &&
		    !p->holds) {
			struct etrunk_lacp_timer preempt = {
				.at = etrunk_lacp_preempt_at(m),
				.on = true,
			};

			etrunk_lacp_deadline(&preempt, now, &next, &any);
		}
	}
	if (!any)
		return;
	/* The deadline may have passed since it was found in the future. */
	delay = (long)(next - jiffies);
	mod_delayed_work(system_wq, &et->lacp.work, max(delay, 0L));
}

void etrunk_lacp_run(struct etrunk *et)
{
	unsigned long now = jiffies;
	struct etrunk_lacpdu pdu;
	struct etrunk_member *m;
	bool changed = false;
	bool ready;

	lockdep_assert_held(&et->lock);
	if (et->mode != ETRUNK_MODE_LACP)
		return;
	list_for_each_entry(m, &et->members, list) {
		struct etrunk_lacp_port *p = &m->lacp;
		bool got;

		spin_lock_bh(&p->lock);
		got = p->rx_pending;
		if (got)
			pdu = p->rx_pdu;
		p->rx_pending = false;
		spin_unlock_bh(&p->lock);
		etrunk_lacp_rx_machine(m, got ? &pdu : NULL);
	}
	list_for_each_entry(m, &et->members, list) {
		bool candidate = etrunk_lacp_candidate(m);

		if (candidate != m->lacp.candidate) {
			m->lacp.candidate = candidate;
			if (candidate)
				m->lacp.candidate_since = jiffies;
			et->lacp.reselect = true;
		}
	}
	if (et->lacp.reselect || etrunk_lacp_preempt_due(et)) {
		et->lacp.reselect = false;
		etrunk_lacp_select(et);
	}
	list_for_each_entry(m, &et->members, list)
		if (m->lacp.mux_state == ETRUNK_LACP_MUX_DETACHED)
			etrunk_lacp_mux(m, false);
	ready = etrunk_lacp_ready(et);
	list_for_each_entry(m, &et->members, list) {
		u8 reason;

		etrunk_lacp_mux(m, ready);
		etrunk_lacp_churn(m);
		etrunk_lacp_periodic(m);
		etrunk_lacp_tx(m);
		reason = etrunk_lacp_reason_of(m);
		if (reason != m->lacp.reason) {
			m->lacp.reason = reason;
			changed = true;
		}
		WRITE_ONCE(m->rx_drop, !etrunk_lacp_collects(m));
	}
	if (changed)
		__etrunk_select(et, NULL);
	list_for_each_entry(m, &et->members, list)
		etrunk_lacp_report(m);
	etrunk_lacp_schedule(et, now);
}

void etrunk_lacp_changed(struct etrunk *et)
{
	struct etrunk_member *m;

	lockdep_assert_held(&et->lock);
	list_for_each_entry(m, &et->members, list)
		m->lacp.ntt = true;
	et->lacp.reselect = true;
	etrunk_lacp_run(et);
}

static void etrunk_lacp_work(struct work_struct *work)
{
	struct etrunk *et = container_of(to_delayed_work(work), struct etrunk,
					 lacp.work);

	mutex_lock(&et->lock);
	etrunk_lacp_run(et);
	mutex_unlock(&et->lock);
}

static void etrunk_lacp_member_init(struct etrunk_member *m)
{
	struct etrunk_lacp_port *p = &m->lacp;
	int i;

	spin_lock_init(&p->lock);
	etrunk_bucket_init(&p->bucket, ETRUNK_LACP_RX_BURST);
	p->port_prio = ETRUNK_LACP_DEFAULT_PORT_PRIO;
	p->active = true;
	p->rx_state = ETRUNK_LACP_RX_DISABLED;
	p->mux_state = ETRUNK_LACP_MUX_DETACHED;
	p->reason = ETRUNK_REASON_LACP_DEFAULTED;
	for (i = 0; i < ETRUNK_LACP_TX_LIMIT; i++)
		p->tx_times[i] = jiffies - ETRUNK_LACP_FAST_PERIODIC - 1;
}

static int etrunk_lacp_member_add(struct etrunk_member *m)
{
	struct etrunk_lacp_port *p = &m->lacp;
	struct etrunk *et = m->et;
	struct etrunk_member *o;

	ASSERT_RTNL();
	if (et->mode != ETRUNK_MODE_LACP)
		return 0;

	/* The lowest index no member has. */
	for (p->index = 1; ; p->index++) {
		bool used = false;

		list_for_each_entry(o, &et->members, list)
			if (o != m && o->lacp.index == p->index)
				used = true;
		if (!used)
			break;
	}
	return dev_mc_add(m->dev, etrunk_lacp_dest);
}

/* A member leaving says so first, so the partner stops distributing to
 * it at once instead of after its timeout.
 */
static void etrunk_lacp_member_del(struct etrunk_member *m)
{
	ASSERT_RTNL();
	lockdep_assert_held(&m->et->lock);
	if (m->et->mode != ETRUNK_MODE_LACP)
		return;
	if (etrunk_lacp_enabled(m) &&
	    m->lacp.mux_state != ETRUNK_LACP_MUX_DETACHED) {
		etrunk_lacp_detach(m);
		etrunk_lacp_send_pdu(m);
	}
	dev_mc_del(m->dev, etrunk_lacp_dest);
}

size_t etrunk_lacp_member_size(void)
{
	return nla_total_size(0) +				/* nest */
	       4 * nla_total_size(sizeof(u8)) +		/* states */
	       2 * nla_total_size(ETH_ALEN) +		/* systems */
	       8 * nla_total_size(sizeof(u16)) +
	       6 * nla_total_size_64bit(sizeof(u64)) +	/* counters */
	       3 * nla_total_size(sizeof(u8)) +		/* selected, churns */
	       2 * nla_total_size(sizeof(u32));		/* churn counts */
}

static int etrunk_lacp_put_info(struct sk_buff *skb, int first,
				const struct etrunk_lacp_info *i)
{
#define ETRUNK_LACP_INFO_ATTR(x) \
	(first + ETRUNK_LACP_A_ACTOR_##x - ETRUNK_LACP_A_ACTOR_SYSTEM_PRIO)
	if (nla_put_u16(skb, ETRUNK_LACP_INFO_ATTR(SYSTEM_PRIO), i->system_prio) ||
	    nla_put(skb, ETRUNK_LACP_INFO_ATTR(SYSTEM), ETH_ALEN, i->system) ||
	    nla_put_u16(skb, ETRUNK_LACP_INFO_ATTR(KEY), i->key) ||
	    nla_put_u16(skb, ETRUNK_LACP_INFO_ATTR(PORT_PRIO), i->port_prio) ||
	    nla_put_u16(skb, ETRUNK_LACP_INFO_ATTR(PORT), i->port) ||
	    nla_put_u8(skb, ETRUNK_LACP_INFO_ATTR(STATE), i->state))
		return -EMSGSIZE;
	return 0;
#undef ETRUNK_LACP_INFO_ATTR
}

int etrunk_lacp_put_member(struct sk_buff *skb, struct etrunk_member *m,
			   int attr)
{
	struct etrunk_lacp_port *p = &m->lacp;
	struct etrunk_lacp_stats st;
	struct etrunk_lacp_info actor;
	struct nlattr *nest;

	BUILD_BUG_ON(ETRUNK_LACP_A_PARTNER_STATE - ETRUNK_LACP_A_PARTNER_SYSTEM_PRIO !=
		     ETRUNK_LACP_A_ACTOR_STATE - ETRUNK_LACP_A_ACTOR_SYSTEM_PRIO);
	spin_lock_bh(&p->lock);
	st = p->stats;
	spin_unlock_bh(&p->lock);
	etrunk_lacp_actor(m, &actor);

	nest = nla_nest_start(skb, attr);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u8(skb, ETRUNK_LACP_A_RX_STATE, p->rx_state) ||
	    nla_put_u8(skb, ETRUNK_LACP_A_MUX_STATE, p->mux_state) ||
	    etrunk_lacp_put_info(skb, ETRUNK_LACP_A_ACTOR_SYSTEM_PRIO, &actor) ||
	    etrunk_lacp_put_info(skb, ETRUNK_LACP_A_PARTNER_SYSTEM_PRIO,
				 &p->partner) ||
	    nla_put_u64_64bit(skb, ETRUNK_LACP_A_LACPDU_RX, st.lacpdu_rx,
			      ETRUNK_LACP_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_LACP_A_LACPDU_TX, st.lacpdu_tx,
			      ETRUNK_LACP_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_LACP_A_MARKER_RX, st.marker_rx,
			      ETRUNK_LACP_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_LACP_A_MARKER_TX, st.marker_tx,
			      ETRUNK_LACP_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_LACP_A_RX_MALFORMED, st.rx_malformed,
			      ETRUNK_LACP_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_LACP_A_RX_RATE, st.rx_rate,
			      ETRUNK_LACP_A_PAD) ||
	    nla_put_u8(skb, ETRUNK_LACP_A_SELECTED, p->selected) ||
	    nla_put_u8(skb, ETRUNK_LACP_A_ACTOR_CHURN, p->actor_churn) ||
	    nla_put_u8(skb, ETRUNK_LACP_A_PARTNER_CHURN, p->partner_churn) ||
	    nla_put_u32(skb, ETRUNK_LACP_A_ACTOR_CHURNS, p->actor_churns) ||
	    nla_put_u32(skb, ETRUNK_LACP_A_PARTNER_CHURNS, p->partner_churns)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static void etrunk_lacp_init(struct etrunk *et)
{
	et->lacp.system_prio = ETRUNK_LACP_DEFAULT_SYSTEM_PRIO;
	et->lacp.key = ETRUNK_LACP_DEFAULT_KEY;
	et->lacp.preempt_delay = ETRUNK_DEFAULT_LACP_PREEMPT_DELAY;
	INIT_DELAYED_WORK(&et->lacp.work, etrunk_lacp_work);
}

/* After the members are gone: nothing is left to queue the work. */
static void etrunk_lacp_uninit(struct etrunk *et)
{
	cancel_delayed_work_sync(&et->lacp.work);
}

/* Receive (RCU): LACPDUs and markers are the module's; a member that is
 * not collecting delivers nothing.
 */
static bool etrunk_lacp_member_rx(struct etrunk_member *m, struct sk_buff *skb)
{
	/* LACPDUs and markers are freed there, consumed or dropped. */
	if (skb->protocol == htons(ETH_P_SLOW) && etrunk_lacp_rx(m, skb))
		return true;
	if (READ_ONCE(m->rx_drop)) {
		etrunk_rx_drop(m->et, skb);
		return true;
	}
	return false;
}

/* The lock: lacp.c decided, max-links included. */
static u8 etrunk_lacp_member_reason(const struct etrunk_member *m)
{
	return m->lacp.reason;
}

/* The lock: a member's link changed: the partner learns it. */
static void etrunk_lacp_link_changed(struct etrunk *et)
{
	et->lacp.reselect = true;
	etrunk_lacp_run(et);
}

const struct etrunk_mode_ops etrunk_mode_lacp = {
	.setup		= etrunk_lacp_init,
	.teardown	= etrunk_lacp_uninit,
	.member_init	= etrunk_lacp_member_init,
	.changed	= etrunk_lacp_changed,
	.link_changed	= etrunk_lacp_link_changed,
	.member_add	= etrunk_lacp_member_add,
	.member_del	= etrunk_lacp_member_del,
	.member_reason	= etrunk_lacp_member_reason,
	.rx		= etrunk_lacp_member_rx,
	.lag_tx_type	= NETDEV_LAG_TX_TYPE_HASH,
	.rx_drop	= true,
};
