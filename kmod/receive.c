// SPDX-License-Identifier: GPL-2.0
/*
 * Receive: the rx_handler on every member hands its frames to the trunk,
 * except, in mode backup, those of the backup member, which are dropped
 * (flush frames aside), and in mode lacp those of members not collecting
 * and LACPDUs and markers, which lacp.c takes; liveness probing gets a
 * look at ARP and IPv6.
 */

#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/netdevice.h>

#include "device.h"
#include "member.h"

static void etrunk_count_rx_drop(struct etrunk *et)
{
	struct etrunk_pcpu_stats *s = this_cpu_ptr(et->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->rx_dropped);
	u64_stats_update_end(&s->syncp);
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

/* Mode backup only: the slow path of a frame that is a flush frame, a
 * probe reply, or arrives on the backup.
 */
static bool etrunk_backup_rx(struct etrunk_member *m, struct sk_buff *skb)
{
	struct etrunk *et = m->et;

	if (skb->protocol == htons(ETRUNK_FLUSH_ETHERTYPE) &&
	    etrunk_flush_rx_member(m, skb)) {
		consume_skb(skb);
		return true;
	}
	if (READ_ONCE(et->probe.enabled) &&
	    (skb->protocol == htons(ETH_P_ARP) ||
	     skb->protocol == htons(ETH_P_IPV6)))
		etrunk_probe_rx(m, skb);
	if (READ_ONCE(m->rx_drop) && !etrunk_master_lost(et, m)) {
		etrunk_count_rx_drop(et);
		kfree_skb(skb);
		return true;
	}
	return false;
}

/* Mode lacp: LACPDUs and markers are the module's; a member that is not
 * collecting delivers nothing.
 */
static bool etrunk_lacp_member_rx(struct etrunk_member *m, struct sk_buff *skb)
{
	if (skb->protocol == htons(ETH_P_SLOW) && etrunk_lacp_rx(m, skb)) {
		consume_skb(skb);
		return true;
	}
	if (READ_ONCE(m->rx_drop)) {
		etrunk_count_rx_drop(m->et);
		kfree_skb(skb);
		return true;
	}
	return false;
}

rx_handler_result_t etrunk_handle_frame(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct etrunk_member *m = rcu_dereference(skb->dev->rx_handler_data);
	struct etrunk *et = m->et;
	struct etrunk_pcpu_stats *s;

	skb = skb_share_check(skb, GFP_ATOMIC);
	if (unlikely(!skb)) {
		etrunk_count_rx_drop(et);
		return RX_HANDLER_CONSUMED;
	}
	*pskb = skb;
	switch (READ_ONCE(et->mode)) {
	case ETRUNK_MODE_BACKUP:
		if (etrunk_backup_rx(m, skb))
			return RX_HANDLER_CONSUMED;
		break;
	case ETRUNK_MODE_LACP:
		if (etrunk_lacp_member_rx(m, skb))
			return RX_HANDLER_CONSUMED;
		break;
	}
	skb->dev = et->dev;

	s = this_cpu_ptr(et->stats);
	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->rx_packets);
	u64_stats_add(&s->rx_bytes, skb->len + ETH_HLEN);
	u64_stats_update_end(&s->syncp);
	return RX_HANDLER_ANOTHER;
}
