// SPDX-License-Identifier: GPL-2.0
/*
 * Receive: the rx_handler on every member hands its frames to the trunk.
 */

#include <linux/etherdevice.h>
#include <linux/netdevice.h>

#include "device.h"
#include "member.h"

rx_handler_result_t etrunk_handle_frame(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct etrunk_member *m = rcu_dereference(skb->dev->rx_handler_data);
	struct etrunk *et = m->et;
	struct etrunk_pcpu_stats *s = this_cpu_ptr(et->stats);

	skb = skb_share_check(skb, GFP_ATOMIC);
	if (unlikely(!skb)) {
		u64_stats_update_begin(&s->syncp);
		u64_stats_inc(&s->rx_dropped);
		u64_stats_update_end(&s->syncp);
		return RX_HANDLER_CONSUMED;
	}
	*pskb = skb;
	skb->dev = et->dev;

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->rx_packets);
	u64_stats_add(&s->rx_bytes, skb->len + ETH_HLEN);
	u64_stats_update_end(&s->syncp);
	return RX_HANDLER_ANOTHER;
}
