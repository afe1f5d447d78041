// SPDX-License-Identifier: GPL-2.0
/*
 * Receive: the rx_handler on every member hands its frames to the trunk,
 * unless the trunk's mode takes them (struct etrunk_mode_ops.rx): mode
 * backup drops the backup member's frames (flush frames aside) and lets
 * liveness probing look at ARP and IPv6 (backup.c); mode lacp takes
 * LACPDUs and markers and drops the frames of members not collecting
 * (lacp.c).
 */

#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/netdevice.h>

#include "device.h"
#include "member.h"
#include "mode.h"

static void etrunk_count_rx_drop(struct etrunk *et)
{
	struct etrunk_pcpu_stats *s = this_cpu_ptr(et->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->rx_dropped);
	u64_stats_update_end(&s->syncp);
}

void etrunk_rx_drop(struct etrunk *et, struct sk_buff *skb)
{
	etrunk_count_rx_drop(et);
	kfree_skb(skb);
}

rx_handler_result_t etrunk_handle_frame(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct etrunk_member *m = rcu_dereference(skb->dev->rx_handler_data);
	struct etrunk *et = m->et;
	const struct etrunk_mode_ops *ops;
	struct etrunk_pcpu_stats *s;

	skb = skb_share_check(skb, GFP_ATOMIC);
	if (unlikely(!skb)) {
		etrunk_count_rx_drop(et);
		return RX_HANDLER_CONSUMED;
	}
	*pskb = skb;
	/* The mode's say, where it has one (not in mode loadbalance). */
	ops = READ_ONCE(et->ops);
	if (ops->rx && ops->rx(m, skb))
		return RX_HANDLER_CONSUMED;
	skb->dev = et->dev;

	s = this_cpu_ptr(et->stats);
	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->rx_packets);
	u64_stats_add(&s->rx_bytes, skb->len + ETH_HLEN);
	u64_stats_update_end(&s->syncp);
	return RX_HANDLER_ANOTHER;
}
