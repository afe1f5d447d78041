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
 * The machines run under RTNL, from one work item per trunk (on every
 * received LACPDU and at the earliest timer deadline of any member) and
 * directly from the netdevice notifier and configuration changes, so a
 * link or setting change is told to the partner at once. Receive only
 * validates a PDU and leaves it for the work item. Timers are deadlines
 * in jiffies that the work item is scheduled for: there is no periodic
 * tick. The work item takes RTNL with rtnl_trylock() and retries a jiffy
 * later, because ndo_uninit cancels it synchronously while holding RTNL.
 */

#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/if_vlan.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <net/netlink.h>
#include <net/sch_generic.h>

#include "device.h"
#include "genetlink.h"
#include "lacp.h"
#include "member.h"

#define ETRUNK_LACP_SUBTYPE		1
#define ETRUNK_MARKER_SUBTYPE		2
#define ETRUNK_LACP_VERSION		1
#define ETRUNK_MARKER_VERSION		1
#define ETRUNK_LACP_TLV_ACTOR		1
#define ETRUNK_LACP_TLV_PARTNER		2
#define ETRUNK_LACP_TLV_COLLECTOR	3
#define ETRUNK_LACP_PORT_TLV_LEN	20
#define ETRUNK_LACP_COLLECTOR_TLV_LEN	16
#define ETRUNK_MARKER_TLV_INFO		1
#define ETRUNK_MARKER_TLV_RESPONSE	2
#define ETRUNK_MARKER_TLV_LEN		16

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

static const u8 etrunk_lacp_dest[ETH_ALEN] __aligned(2) = {
	0x01, 0x80, 0xc2, 0x00, 0x00, 0x02
};

static void etrunk_lacp_timer_start(struct etrunk_lacp_timer *t,
				    unsigned long delay)
{
	t->at = jiffies + delay;
	t->on = true;
}

static bool etrunk_lacp_timer_expired(const struct etrunk_lacp_timer *t)
{
	return t->on && time_after_eq(jiffies, t->at);
}

const u8 *etrunk_lacp_system(const struct etrunk *et)
{
	return et->lacp.system_set ? et->lacp.system : et->dev->dev_addr;
}

static bool etrunk_lacp_enabled(const struct etrunk_member *m)
{
	return netif_running(m->dev) && netif_carrier_ok(m->dev);
}

static void etrunk_lacp_actor(const struct etrunk_member *m,
			      struct etrunk_lacp_info *a)
{
	const struct etrunk *et = m->et;

	a->system_prio = et->lacp.system_prio;
	ether_addr_copy(a->system, etrunk_lacp_system(et));
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

static void etrunk_lacp_decode(const struct etrunk_lacpdu_port *t,
			       struct etrunk_lacp_info *i)
{
	i->system_prio = ntohs(t->system_prio);
	ether_addr_copy(i->system, t->system);
	i->key = ntohs(t->key);
	i->port_prio = ntohs(t->port_prio);
	i->port = ntohs(t->port);
	i->state = t->state;
}

static void etrunk_lacp_encode(struct etrunk_lacpdu_port *t, u8 type,
			       const struct etrunk_lacp_info *i)
{
	t->tlv_type = type;
	t->tlv_len = ETRUNK_LACP_PORT_TLV_LEN;
	t->system_prio = htons(i->system_prio);
	ether_addr_copy(t->system, i->system);
	t->key = htons(i->key);
	t->port_prio = htons(i->port_prio);
	t->port = htons(i->port);
	t->state = i->state;
}

/* A slow-protocols frame from the member's own address (802.1AX: the
 * port's individual MAC), not the trunk's that every member shares.
 */
static bool etrunk_lacp_xmit(struct etrunk_member *m, const void *pdu)
{
	struct net_device *dev = m->dev;
	struct sk_buff *skb;
	struct ethhdr *eth;

	skb = alloc_skb(LL_RESERVED_SPACE(dev) + ETH_HLEN + ETRUNK_LACP_PDU_LEN +
			dev->needed_tailroom, GFP_ATOMIC);
	if (!skb)
		return false;
	skb_reserve(skb, LL_RESERVED_SPACE(dev));
	skb_reset_mac_header(skb);
	eth = skb_put(skb, ETH_HLEN);
	ether_addr_copy(eth->h_dest, etrunk_lacp_dest);
	ether_addr_copy(eth->h_source, m->orig_addr);
	eth->h_proto = htons(ETH_P_SLOW);
	skb_reset_network_header(skb);
	skb_put_data(skb, pdu, ETRUNK_LACP_PDU_LEN);
	skb->dev = dev;
	skb->protocol = htons(ETH_P_SLOW);
	skb->priority = TC_PRIO_CONTROL;
	return dev_queue_xmit(skb) == NET_XMIT_SUCCESS;
}

static void etrunk_lacp_send_pdu(struct etrunk_member *m)
{
	struct etrunk_lacp_port *p = &m->lacp;
	struct etrunk_lacp_info actor;
	struct etrunk_lacpdu pdu = {
		.subtype = ETRUNK_LACP_SUBTYPE,
		.version = ETRUNK_LACP_VERSION,
		.collector_type = ETRUNK_LACP_TLV_COLLECTOR,
		.collector_len = ETRUNK_LACP_COLLECTOR_TLV_LEN,
	};

	BUILD_BUG_ON(sizeof(struct etrunk_lacpdu) != ETRUNK_LACP_PDU_LEN);
	etrunk_lacp_actor(m, &actor);
	etrunk_lacp_encode(&pdu.actor, ETRUNK_LACP_TLV_ACTOR, &actor);
	etrunk_lacp_encode(&pdu.partner, ETRUNK_LACP_TLV_PARTNER, &p->partner);
	if (!etrunk_lacp_xmit(m, &pdu))
		return;
	spin_lock_bh(&p->lock);
	p->stats.lacpdu_tx++;
	spin_unlock_bh(&p->lock);
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

/* Our own LACPDUs came back: the partner is this trunk. */
static bool etrunk_lacp_looped(const struct etrunk_member *m)
{
	const struct etrunk *et = m->et;
	const struct etrunk_lacp_info *pa = &m->lacp.partner;

	return pa->key == et->lacp.key &&
	       pa->system_prio == et->lacp.system_prio &&
	       ether_addr_equal(pa->system, etrunk_lacp_system(et));
}

/* Members that may aggregate: enabled, not taken out, with a partner
 * that is not this trunk itself.
 */
static bool etrunk_lacp_candidate(const struct etrunk_member *m)
{
	return m->admin_up && etrunk_lacp_enabled(m) &&
	       (m->lacp.rx_state == ETRUNK_LACP_RX_CURRENT ||
		m->lacp.rx_state == ETRUNK_LACP_RX_EXPIRED) &&
	       !etrunk_lacp_looped(m);
}

/* Same aggregator: the same partner system and key, both aggregatable. */
static bool etrunk_lacp_same_agg(const struct etrunk_lacp_info *a,
				 const struct etrunk_lacp_info *b)
{
	return (a->state & ETRUNK_LACP_STATE_AGGREGATION) &&
	       (b->state & ETRUNK_LACP_STATE_AGGREGATION) &&
	       ether_addr_equal(a->system, b->system) &&
	       a->system_prio == b->system_prio && a->key == b->key;
}

static bool etrunk_lacp_same_group(const struct etrunk_member *m,
				   const struct etrunk_member *o)
{
	return m == o || etrunk_lacp_same_agg(&m->lacp.partner, &o->lacp.partner);
}

/* Port priority order: lower port priority, then lower port number. */
static bool etrunk_lacp_prio_before(const struct etrunk_member *a,
				    const struct etrunk_member *b)
{
	if (a->lacp.port_prio != b->lacp.port_prio)
		return a->lacp.port_prio < b->lacp.port_prio;
	return a->lacp.index < b->lacp.index;
}

/* Who keeps a place beyond max_links: members that hold one (aggregated
 * already, or with preemption a candidate for the preemption delay)
 * before the others, then port priority order.
 */
static bool etrunk_lacp_better(const struct etrunk_member *a,
			       const struct etrunk_member *b)
{
	if (a->lacp.holds != b->lacp.holds)
		return a->lacp.holds;
	return etrunk_lacp_prio_before(a, b);
}

static unsigned int etrunk_lacp_n_better(const struct etrunk *et,
					 const struct etrunk_member *m,
					 const struct etrunk_member *best)
{
	const struct etrunk_member *o;
	unsigned int n = 0;

	list_for_each_entry(o, &et->members, list)
		if (o != m && etrunk_lacp_candidate(o) &&
		    etrunk_lacp_same_group(o, best) && etrunk_lacp_better(o, m))
			n++;
	return n;
}

static unsigned long etrunk_lacp_preempt_at(const struct etrunk_member *m)
{
	return m->lacp.candidate_since +
	       msecs_to_jiffies(m->et->lacp.preempt_delay);
}

static bool etrunk_lacp_holds(const struct etrunk_member *m)
{
	if (m->lacp.selected == ETRUNK_LACP_SELECTED)
		return true;
	return m->et->lacp.preempt &&
	       time_after_eq(jiffies, etrunk_lacp_preempt_at(m));
}

/* What the aggregator choice compares of a group of members. */
struct etrunk_lacp_group {
	unsigned int count;
	u64 speed;
	const struct etrunk_member *first;	/* in port priority order */
};

static void etrunk_lacp_group_of(const struct etrunk *et,
				 const struct etrunk_member *m,
				 struct etrunk_lacp_group *g)
{
	const struct etrunk_member *o;

	memset(g, 0, sizeof(*g));
	list_for_each_entry(o, &et->members, list) {
		if (!etrunk_lacp_candidate(o) || !etrunk_lacp_same_group(m, o))
			continue;
		g->count++;
		g->speed += o->lacp.speed;
		if (!g->first || etrunk_lacp_prio_before(o, g->first))
			g->first = o;
	}
}

/* > 0 if @a is the better aggregator, < 0 if @b is, 0 on a tie. */
static int etrunk_lacp_group_cmp(const struct etrunk *et,
				 const struct etrunk_lacp_group *a,
				 const struct etrunk_lacp_group *b)
{
	switch (et->lacp.select) {
	case ETRUNK_LACP_SELECT_BANDWIDTH:
		if (a->speed != b->speed)
			return a->speed > b->speed ? 1 : -1;
		break;
	case ETRUNK_LACP_SELECT_PRIORITY:
		if (a->first != b->first)
			return etrunk_lacp_prio_before(a->first, b->first) ? 1 : -1;
		break;
	}
	if (a->count != b->count)
		return a->count > b->count ? 1 : -1;
	return 0;
}

static u32 etrunk_lacp_speed(struct etrunk_member *m)
{
	struct ethtool_link_ksettings ks;

	if (__ethtool_get_link_ksettings(m->dev, &ks) ||
	    ks.base.speed == (u32)SPEED_UNKNOWN)
		return 0;
	return ks.base.speed;
}

/* The selection logic: one aggregator per trunk, the best group of
 * candidates with the same partner as lacp.select says; on a tie the one
 * already chosen, else the group of the member enslaved first. O(n^2),
 * only when a partner, a candidate or a setting changed.
 */
static void etrunk_lacp_select(struct etrunk *et)
{
	struct etrunk_lacp_group best_g = {}, g;
	struct etrunk_member *m, *best = NULL;
	bool best_cur = false;

	list_for_each_entry(m, &et->members, list) {
		m->lacp.holds = etrunk_lacp_holds(m);
		m->lacp.speed = et->lacp.select == ETRUNK_LACP_SELECT_BANDWIDTH &&
				etrunk_lacp_candidate(m) ? etrunk_lacp_speed(m) : 0;
	}
	list_for_each_entry(m, &et->members, list) {
		bool cur;
		int cmp;

		if (!etrunk_lacp_candidate(m))
			continue;
		etrunk_lacp_group_of(et, m, &g);
		cur = et->lacp.agg_valid &&
		      etrunk_lacp_same_agg(&m->lacp.partner, &et->lacp.agg);
		cmp = best ? etrunk_lacp_group_cmp(et, &g, &best_g) : 1;
		if (cmp > 0 || (!cmp && cur && !best_cur)) {
			best = m;
			best_g = g;
			best_cur = cur;
		}
	}
	et->lacp.agg_valid = !!best;
	if (best)
		et->lacp.agg = best->lacp.partner;

	list_for_each_entry(m, &et->members, list) {
		u8 selected = ETRUNK_LACP_SELECTED;

		if (!best || !etrunk_lacp_candidate(m) ||
		    !etrunk_lacp_same_group(m, best))
			selected = ETRUNK_LACP_UNSELECTED;
		else if (et->max_links &&
			 etrunk_lacp_n_better(et, m, best) >= et->max_links)
			selected = ETRUNK_LACP_STANDBY;
		m->lacp.next_selected = selected;
	}
	list_for_each_entry(m, &et->members, list)
		m->lacp.selected = m->lacp.next_selected;
}

/* With preemption, a standby member whose delay ran out since the last
 * selection may now take a place.
 */
static bool etrunk_lacp_preempt_due(const struct etrunk *et)
{
	const struct etrunk_member *m;

	if (!et->lacp.preempt)
		return false;
	list_for_each_entry(m, &et->members, list)
		if (m->lacp.selected == ETRUNK_LACP_STANDBY && !m->lacp.holds &&
		    time_after_eq(jiffies, etrunk_lacp_preempt_at(m)))
			return true;
	return false;
}

/* 802.1AX Ready: every member selected for the aggregator that waits has
 * waited the aggregate wait time, so they attach together; or nothing is
 * left to wait for.
 */
static bool etrunk_lacp_ready(const struct etrunk *et)
{
	const struct etrunk_member *m;
	bool heard = true;

	/* No member can still join: every member with carrier has heard
	 * from its partner since its link came up, so waiting longer
	 * gathers no one.
	 */
	list_for_each_entry(m, &et->members, list)
		if (m->admin_up && etrunk_lacp_enabled(m) &&
		    m->lacp.rx_state == ETRUNK_LACP_RX_EXPIRED)
			heard = false;
	if (heard)
		return true;
	list_for_each_entry(m, &et->members, list)
		if (m->lacp.selected == ETRUNK_LACP_SELECTED &&
		    m->lacp.mux_state == ETRUNK_LACP_MUX_WAITING &&
		    !etrunk_lacp_timer_expired(&m->lacp.wait_while))
			return false;
	return true;
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

	ASSERT_RTNL();
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
		etrunk_select(et, NULL);
	list_for_each_entry(m, &et->members, list)
		etrunk_lacp_report(m);
	etrunk_lacp_schedule(et, now);
}

void etrunk_lacp_changed(struct etrunk *et)
{
	struct etrunk_member *m;

	ASSERT_RTNL();
	list_for_each_entry(m, &et->members, list)
		m->lacp.ntt = true;
	et->lacp.reselect = true;
	etrunk_lacp_run(et);
}

static void etrunk_lacp_work(struct work_struct *work)
{
	struct etrunk *et = container_of(to_delayed_work(work), struct etrunk,
					 lacp.work);

	if (!rtnl_trylock()) {
		schedule_delayed_work(&et->lacp.work, 1);
		return;
	}
	etrunk_lacp_run(et);
	rtnl_unlock();
}

void etrunk_lacp_member_init(struct etrunk_member *m)
{
	struct etrunk_lacp_port *p = &m->lacp;
	int i;

	spin_lock_init(&p->lock);
	p->tokens = ETRUNK_LACP_RX_BURST;
	p->refilled = jiffies;
	p->port_prio = ETRUNK_LACP_DEFAULT_PORT_PRIO;
	p->active = true;
	p->rx_state = ETRUNK_LACP_RX_DISABLED;
	p->mux_state = ETRUNK_LACP_MUX_DETACHED;
	p->reason = ETRUNK_REASON_LACP_DEFAULTED;
	for (i = 0; i < ETRUNK_LACP_TX_LIMIT; i++)
		p->tx_times[i] = jiffies - ETRUNK_LACP_FAST_PERIODIC - 1;
}

int etrunk_lacp_member_add(struct etrunk_member *m)
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
void etrunk_lacp_member_del(struct etrunk_member *m)
{
	ASSERT_RTNL();
	if (m->et->mode != ETRUNK_MODE_LACP)
		return;
	if (etrunk_lacp_enabled(m) &&
	    m->lacp.mux_state != ETRUNK_LACP_MUX_DETACHED) {
		etrunk_lacp_detach(m);
		etrunk_lacp_send_pdu(m);
	}
	dev_mc_del(m->dev, etrunk_lacp_dest);
}

/* Under p->lock: the token bucket against floods. */
static bool etrunk_lacp_take_token(struct etrunk_lacp_port *p)
{
	unsigned long now = jiffies;
	unsigned long n = (now - p->refilled) * ETRUNK_LACP_RX_RATE / HZ;

	if (n) {
		if (p->tokens + n >= ETRUNK_LACP_RX_BURST) {
			p->tokens = ETRUNK_LACP_RX_BURST;
			p->refilled = now;
		} else {
			p->tokens += n;
			p->refilled += n * HZ / ETRUNK_LACP_RX_RATE;
		}
	}
	if (!p->tokens)
		return false;
	p->tokens--;
	return true;
}

/* A later version may put more TLVs after the collector's: only those of
 * version 1 before it are checked and used then.
 */
static bool etrunk_lacpdu_valid(const struct etrunk_lacpdu *pdu,
				unsigned int len)
{
	bool later = pdu->version > ETRUNK_LACP_VERSION;

	if (!pdu->version || (later ? len > ETRUNK_LACP_PDU_MAX_LEN :
				      len != ETRUNK_LACP_PDU_LEN))
		return false;
	return pdu->actor.tlv_type == ETRUNK_LACP_TLV_ACTOR &&
	       pdu->actor.tlv_len == ETRUNK_LACP_PORT_TLV_LEN &&
	       pdu->partner.tlv_type == ETRUNK_LACP_TLV_PARTNER &&
	       pdu->partner.tlv_len == ETRUNK_LACP_PORT_TLV_LEN &&
	       pdu->collector_type == ETRUNK_LACP_TLV_COLLECTOR &&
	       pdu->collector_len == ETRUNK_LACP_COLLECTOR_TLV_LEN &&
	       (later || (!pdu->terminator_type && !pdu->terminator_len));
}

static bool etrunk_marker_valid(const struct etrunk_marker *pdu)
{
	return pdu->version == ETRUNK_MARKER_VERSION &&
	       (pdu->tlv_type == ETRUNK_MARKER_TLV_INFO ||
		pdu->tlv_type == ETRUNK_MARKER_TLV_RESPONSE) &&
	       pdu->tlv_len == ETRUNK_MARKER_TLV_LEN &&
	       !pdu->terminator_type && !pdu->terminator_len;
}

bool etrunk_lacp_rx(struct etrunk_member *m, struct sk_buff *skb)
{
	struct etrunk_lacp_port *p = &m->lacp;
	union {
		u8 subtype;
		struct etrunk_lacpdu lacpdu;
		struct etrunk_marker marker;
	} buf;
	const u8 *subtype;
	bool respond = false;

	BUILD_BUG_ON(sizeof(struct etrunk_marker) != ETRUNK_LACP_PDU_LEN);
	/* Other slow protocols (OAM, ...) and tagged frames go up. */
	subtype = skb_header_pointer(skb, 0, 1, &buf);
	if (skb_vlan_tag_present(skb) || !subtype ||
	    (*subtype != ETRUNK_LACP_SUBTYPE && *subtype != ETRUNK_MARKER_SUBTYPE))
		return false;

	spin_lock_bh(&p->lock);
	if (!etrunk_lacp_take_token(p)) {
		p->stats.rx_rate++;
		goto out;
	}
	/* Version 1 PDUs of both kinds are exactly this long; LACPDUs of a
	 * later version may be longer (checked below).
	 */
	if (skb->len < ETRUNK_LACP_PDU_LEN ||
	    (*subtype == ETRUNK_MARKER_SUBTYPE && skb->len != ETRUNK_LACP_PDU_LEN) ||
	    skb_copy_bits(skb, 0, &buf, ETRUNK_LACP_PDU_LEN)) {
		p->stats.rx_malformed++;
		goto out;
	}
	if (buf.subtype == ETRUNK_LACP_SUBTYPE) {
		if (!etrunk_lacpdu_valid(&buf.lacpdu, skb->len)) {
			p->stats.rx_malformed++;
			goto out;
		}
		p->stats.lacpdu_rx++;
		p->rx_pdu = buf.lacpdu;
		p->rx_pending = true;
		mod_delayed_work(system_wq, &m->et->lacp.work, 0);
		goto out;
	}
	if (!etrunk_marker_valid(&buf.marker)) {
		p->stats.rx_malformed++;
		goto out;
	}
	p->stats.marker_rx++;
	respond = buf.marker.tlv_type == ETRUNK_MARKER_TLV_INFO;
out:
	spin_unlock_bh(&p->lock);
	if (!respond)
		return true;

	/* The response is the information TLV sent back as a response. */
	buf.marker.tlv_type = ETRUNK_MARKER_TLV_RESPONSE;
	memset(buf.marker.pad, 0, sizeof(buf.marker.pad));
	memset(buf.marker.reserved, 0, sizeof(buf.marker.reserved));
	if (etrunk_lacp_xmit(m, &buf.marker)) {
		spin_lock_bh(&p->lock);
		p->stats.marker_tx++;
		spin_unlock_bh(&p->lock);
	}
	return true;
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

void etrunk_lacp_init(struct etrunk *et)
{
	et->lacp.system_prio = ETRUNK_LACP_DEFAULT_SYSTEM_PRIO;
	et->lacp.key = ETRUNK_LACP_DEFAULT_KEY;
	et->lacp.preempt_delay = ETRUNK_DEFAULT_LACP_PREEMPT_DELAY;
	INIT_DELAYED_WORK(&et->lacp.work, etrunk_lacp_work);
}

/* After the members are gone: nothing is left to queue the work. */
void etrunk_lacp_uninit(struct etrunk *et)
{
	cancel_delayed_work_sync(&et->lacp.work);
}
