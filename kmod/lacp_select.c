// SPDX-License-Identifier: GPL-2.0
/*
 * Mode lacp: the selection logic of IEEE 802.1AX, per trunk. Which
 * members are candidates (enabled, with a partner that is not this
 * trunk), the choice of one aggregator among the groups of candidates
 * with the same partner (by count, bandwidth or priority, lacp.select),
 * the members beyond max_links that stand by (with or without
 * preemption), and Ready for the mux machines of lacp.c. Under the
 * trunk's lock (etrunk.lock), without RTNL: the bandwidth is each
 * member's speed as the notifier last read it (etrunk_member.speed).
 */

#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>

#include "device.h"
#include "lacp.h"
#include "lacp_int.h"
#include "member.h"

/* Our own LACPDUs came back: the partner is this trunk. */
bool etrunk_lacp_looped(const struct etrunk_member *m)
{
	const struct etrunk *et = m->et;
	const struct etrunk_lacp_info *pa = &m->lacp.partner;
	u8 system[ETH_ALEN];

	if (pa->key != et->lacp.key || pa->system_prio != et->lacp.system_prio)
		return false;
	etrunk_lacp_system(et, system);
	return ether_addr_equal(pa->system, system);
}

/* Members that may aggregate: enabled, not taken out, with a partner
 * that is not this trunk itself.
 */
bool etrunk_lacp_candidate(const struct etrunk_member *m)
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

unsigned long etrunk_lacp_preempt_at(const struct etrunk_member *m)
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

/* The selection logic: one aggregator per trunk, the best group of
 * candidates with the same partner as lacp.select says; on a tie the one
 * already chosen, else the group of the member enslaved first. O(n^2),
 * only when a partner, a candidate or a setting changed.
 */
void etrunk_lacp_select(struct etrunk *et)
{
	struct etrunk_lacp_group best_g = {}, g;
	struct etrunk_member *m, *best = NULL;
	bool best_cur = false;

	list_for_each_entry(m, &et->members, list) {
		m->lacp.holds = etrunk_lacp_holds(m);
		m->lacp.speed = et->lacp.select == ETRUNK_LACP_SELECT_BANDWIDTH &&
				etrunk_lacp_candidate(m) ? m->speed : 0;
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
bool etrunk_lacp_preempt_due(const struct etrunk *et)
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
bool etrunk_lacp_ready(const struct etrunk *et)
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
