// SPDX-License-Identifier: GPL-2.0
/*
 * Transmit: choose a member by the flow hash and hand the packet to it.
 */

#include <linux/netdevice.h>

#include "device.h"
#include "member.h"

static void etrunk_count_tx_drop(struct etrunk *et)
{
	struct etrunk_pcpu_stats *s = this_cpu_ptr(et->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->tx_dropped);
	u64_stats_update_end(&s->syncp);
}

/* Carrier and running are bits of the member's state word, which its own
 * transmit reads anyway: no extra shared cache line.
 */
static bool etrunk_member_can_xmit(const struct etrunk_member *m)
{
	return netif_running(m->dev) && netif_carrier_ok(m->dev);
}

/* The hashed member lost its link and the notifier, which runs from
 * linkwatch up to a second later, has not yet taken it out of the set.
 * Ask for the selection now (member.c: the window closes as soon as it
 * gets RTNL) and take the next live slot meanwhile, so the flows of a dead
 * link move at once and each still to one member. Only ever runs in that
 * window; the pending bit is read before it is set, once.
 */
static struct etrunk_member *etrunk_tx_fallback(struct etrunk *et,
						unsigned int slot,
						unsigned int n)
{
	struct etrunk_member *m;
	unsigned int i;

	if (!delayed_work_pending(&et->select_work))
		schedule_delayed_work(&et->select_work, 0);
	for (i = 1; i < n; i++) {
		if (++slot == n)
			slot = 0;
		m = rcu_dereference_bh(et->tx[slot]);
		if (etrunk_member_can_xmit(m))
			return m;
	}
	return NULL;
}

/* Mode backup: the master lost its link and the notifier has not yet
 * switched; the backup takes the traffic already.
 */
static struct etrunk_member *etrunk_tx_spare(struct etrunk *et)
{
	struct etrunk_member *m = rcu_dereference_bh(et->spare);

	return m && etrunk_member_can_xmit(m) ? m : NULL;
}

/* Runs under rcu_read_lock_bh (dev_queue_xmit), without a lock of ours
 * (LLTX) and without an atomic shared across CPUs.
 */
netdev_tx_t etrunk_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct etrunk *et = netdev_priv(dev);
	struct etrunk_pcpu_stats *s;
	struct etrunk_member *m;
	unsigned int n, len, slot;
	int ret;

	/* Pairs with smp_store_release() in member.c: the slots below the
	 * count are published before the count.
	 */
	n = smp_load_acquire(&et->tx_count);
	if (unlikely(!n))
		goto drop;
	slot = reciprocal_scale(etrunk_flow_hash(skb, READ_ONCE(et->hash_policy)),
				n);
	m = rcu_dereference_bh(et->tx[slot]);
	if (unlikely(!etrunk_member_can_xmit(m))) {
		m = etrunk_tx_fallback(et, slot, n);
		if (!m)
			m = etrunk_tx_spare(et);
		if (!m)
			goto drop;
	}

	len = skb->len;
	skb->dev = m->dev;
	ret = dev_queue_xmit(skb);
	if (unlikely(ret != NET_XMIT_SUCCESS && ret != NET_XMIT_CN)) {
		etrunk_count_tx_drop(et);
		return NETDEV_TX_OK;
	}

	s = this_cpu_ptr(et->stats);
	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->tx_packets);
	u64_stats_add(&s->tx_bytes, len);
	u64_stats_update_end(&s->syncp);
	return NETDEV_TX_OK;

drop:
	etrunk_count_tx_drop(et);
	kfree_skb(skb);
	return NETDEV_TX_OK;
}
