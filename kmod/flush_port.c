// SPDX-License-Identifier: GPL-2.0
/*
 * Flush-receive on bridge ports: the intermediate-device role of flush
 * frames (uapi/linux/etrunk.h, "Flush frames"). A port with it enabled
 * has a packet tap that checks the flush frames coming in; an accepted
 * one makes the bridge forget the dynamic FDB entries learned on its
 * flush-receive ports, so traffic to the trunk that switched is flooded
 * until it is learned again on the new path.
 *
 * The flush itself is the bridge's own "flush this port's dynamic
 * entries" (SWITCHDEV_FDB_FLUSH_TO_BRIDGE, what switch drivers ask for
 * when their hardware forgets a port): it takes the bridge's hash lock,
 * not RTNL, so a remote sender cannot keep RTNL busy. Each port has its
 * own work item; the VLANs asked for wait in a bitmap, so a flood of
 * frames costs at most one walk per VLAN and port of the bridge per run,
 * and the token bucket (32 frames per second) bounds the runs.
 */

#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>
#include <net/switchdev.h>

#include "compat.h"
#include "flush.h"
#include "genetlink.h"

/**
 * struct etrunk_flush_port - a bridge port with flush-receive enabled
 * @list: entry in etrunk_flush_ports (changed under RTNL, walked under
 *	RCU by the work).
 * @dev: the port; the entry goes when it leaves its bridge or goes away.
 * @pt: the tap on @dev, seeing its frames before the bridge does.
 * @key: the HMAC key frames must carry, NULL for none.
 * @filter: the VLANs this port acts on (changed under RTNL and @rx.lock);
 *	@n_filter 0: all.
 * @n_filter: VLANs set in @filter.
 * @rx: bucket, senders and counters.
 * @pending: VLANs to flush, set by the tap, taken by @work, under
 *	@rx.lock; @pending_all: all of them.
 * @pending_all: see @pending.
 * @work: flushes what is pending.
 */
struct etrunk_flush_port {
	struct list_head list;
	struct net_device *dev;
	struct packet_type pt;
	struct etrunk_flush_key __rcu *key;
	unsigned long filter[BITS_TO_LONGS(VLAN_N_VID)];
	unsigned int n_filter;
	struct etrunk_flush_rx rx;
	unsigned long pending[BITS_TO_LONGS(VLAN_N_VID)];
	bool pending_all;
	struct work_struct work;
};

/* Every namespace's ports, changed under RTNL, walked under RTNL or RCU.
 * A dump shows those of the caller's namespace.
 */
static LIST_HEAD(etrunk_flush_ports);

static struct etrunk_flush_port *etrunk_flush_port_find(const struct net_device *dev)
{
	struct etrunk_flush_port *p;

	ASSERT_RTNL();
	list_for_each_entry(p, &etrunk_flush_ports, list)
		if (p->dev == dev)
			return p;
	return NULL;
}

/* The tap: a shared reference to every frame of the port, before its
 * rx_handler (the bridge); never changed, only read.
 */
static int etrunk_flush_port_rcv(struct sk_buff *skb, struct net_device *dev,
				 struct packet_type *pt,
				 struct net_device *orig_dev)
{
	struct etrunk_flush_port *p = container_of(pt, struct etrunk_flush_port, pt);
	struct etrunk_flush_hdr h;
	unsigned int i, n;

	if (skb->pkt_type == PACKET_OUTGOING || !etrunk_flush_is_frame(skb))
		goto out;
	if (etrunk_flush_rx_check(&p->rx, rcu_dereference(p->key), skb, &h) !=
	    ETRUNK_FLUSH_ACCEPT)
		goto out;

	n = be16_to_cpu(h.n_vlans);
	spin_lock_bh(&p->rx.lock);
	if (!n)
		p->pending_all = true;
	for (i = 0; i < n; i++) {
		__be16 vbuf, *vp;

		/* Checked by etrunk_flush_rx_check(): present, 1 to 4094. */
		vp = skb_header_pointer(skb, sizeof(h) + 2 * i, sizeof(vbuf), &vbuf);
		if (vp)
			__set_bit(be16_to_cpu(*vp), p->pending);
	}
	spin_unlock_bh(&p->rx.lock);
	schedule_work(&p->work);
out:
	consume_skb(skb);
	return NET_RX_SUCCESS;
}

/* Remove the dynamic entries (neither local nor static, nor learned
 * by a controller) learned on @port in VLAN @vid (0: all), as
 * `bridge fdb flush dev PORT [vlan VID] nopermanent nostatic` would.
 */
static void etrunk_flush_fdb_del(struct net_device *port, u16 vid)
{
	struct switchdev_notifier_fdb_info info = { .vid = vid };

	call_switchdev_notifiers(SWITCHDEV_FDB_FLUSH_TO_BRIDGE, port,
				 &info.info, NULL);
}

/* RCU: @vid (0: all) was asked for by a frame on @p: flush it, as far as
 * @filter (@p's, @n_filter VLANs, 0: all) allows, on every flush-receive
 * port of @p's bridge.
 */
static void etrunk_flush_port_vid(struct etrunk_flush_port *p, u16 vid,
				  const unsigned long *filter,
				  unsigned int n_filter)
{
	struct net_device *br = netdev_master_upper_dev_get_rcu(p->dev);
	struct etrunk_flush_port *q;
	unsigned int v;

	if (!br || !netif_is_bridge_master(br))
		return;
	if (vid && n_filter && !test_bit(vid, filter))
		return;
	list_for_each_entry_rcu(q, &etrunk_flush_ports, list) {
		if (netdev_master_upper_dev_get_rcu(q->dev) != br)
			continue;
		if (vid || !n_filter) {
			etrunk_flush_fdb_del(q->dev, vid);
			continue;
		}
		for_each_set_bit(v, filter, VLAN_N_VID)
			etrunk_flush_fdb_del(q->dev, v);
	}
}

static void etrunk_flush_port_work_fn(struct work_struct *work)
{
	struct etrunk_flush_port *p = container_of(work, struct etrunk_flush_port,
						   work);
	unsigned long filter[BITS_TO_LONGS(VLAN_N_VID)];
	unsigned int vid, n_filter;

	for (;;) {
		spin_lock_bh(&p->rx.lock);
		bitmap_copy(filter, p->filter, VLAN_N_VID);
		n_filter = p->n_filter;
		if (p->pending_all) {
			p->pending_all = false;
			bitmap_zero(p->pending, VLAN_N_VID);
			vid = 0;
		} else {
			vid = find_first_bit(p->pending, VLAN_N_VID);
			if (vid < VLAN_N_VID)
				__clear_bit(vid, p->pending);
		}
		spin_unlock_bh(&p->rx.lock);
		if (vid >= VLAN_N_VID)
			break;
		rcu_read_lock();
		etrunk_flush_port_vid(p, vid, filter, n_filter);
		rcu_read_unlock();
		cond_resched();
	}
}

/* Forget a port's setting: its tap is gone once dev_remove_pack()
 * returns (it waits for a grace period), so nothing reads it after.
 */
static void etrunk_flush_port_del(struct etrunk_flush_port *p)
{
	ASSERT_RTNL();
	list_del_rcu(&p->list);
	/* Waits for a grace period: no tap, no RCU walk of the list sees
	 * @p after it; the work does not take RTNL.
	 */
	dev_remove_pack(&p->pt);
	cancel_work_sync(&p->work);
	etrunk_flush_free_key(rtnl_dereference(p->key));
	kfree(p);
}

static size_t etrunk_flush_port_size(const struct etrunk_flush_port *p)
{
	return nla_total_size(sizeof(u32)) +		/* IFINDEX */
	       nla_total_size(IFNAMSIZ) +		/* IFNAME */
	       2 * nla_total_size(sizeof(u8)) +		/* FLUSH_RX, KEY_SET */
	       nla_total_size(0) +			/* FLUSH_VLANS */
	       p->n_filter * nla_total_size(sizeof(u16)) +
	       nla_total_size(0) +			/* FLUSH_STATS */
	       7 * nla_total_size_64bit(sizeof(u64));
}

static int etrunk_flush_port_fill(struct sk_buff *skb,
				  struct etrunk_flush_port *p, u32 portid,
				  u32 seq, int flags)
{
	struct nlattr *nest;
	unsigned int vid;
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &etrunk_genl_family, flags,
			  ETRUNK_CMD_GET_FLUSH_RX);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, ETRUNK_A_IFINDEX, p->dev->ifindex) ||
	    nla_put_string(skb, ETRUNK_A_IFNAME, p->dev->name) ||
	    nla_put_u8(skb, ETRUNK_A_FLUSH_RX, 1) ||
	    nla_put_u8(skb, ETRUNK_A_FLUSH_KEY_SET,
		       !!rcu_access_pointer(p->key)) ||
	    etrunk_flush_put_stats(skb, ETRUNK_A_FLUSH_STATS, &p->rx, 0))
		goto cancel;
	if (p->n_filter) {
		nest = nla_nest_start(skb, ETRUNK_A_FLUSH_VLANS);
		if (!nest)
			goto cancel;
		for_each_set_bit(vid, p->filter, VLAN_N_VID)
			if (nla_put_u16(skb, ETRUNK_VLAN_A_VID, vid))
				goto cancel;
		nla_nest_end(skb, nest);
	}
	genlmsg_end(skb, hdr);
	return 0;

cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

static struct net_device *etrunk_flush_port_dev(struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;

	if (!attrs[ETRUNK_A_IFINDEX] && !attrs[ETRUNK_A_IFNAME]) {
		NL_SET_ERR_MSG(info->extack,
			       "ETRUNK_A_IFINDEX or ETRUNK_A_IFNAME is required");
		return ERR_PTR(-EINVAL);
	}
	return etrunk_genl_dev(genl_info_net(info), attrs[ETRUNK_A_IFINDEX],
			       attrs[ETRUNK_A_IFNAME], info->extack);
}

int etrunk_genl_get_flush_rx(struct sk_buff *skb, struct genl_info *info)
{
	struct etrunk_flush_port *p;
	struct net_device *dev;
	struct sk_buff *msg;
	int err;

	rtnl_lock();
	dev = etrunk_flush_port_dev(info);
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
		goto out;
	}
	p = etrunk_flush_port_find(dev);
	if (!p) {
		NL_SET_ERR_MSG(info->extack,
			       "Flush-receive is not enabled on the device");
		err = -ENOENT;
		goto out;
	}
	msg = genlmsg_new(etrunk_flush_port_size(p), GFP_KERNEL);
	if (!msg) {
		err = -ENOMEM;
		goto out;
	}
	err = etrunk_flush_port_fill(msg, p, info->snd_portid, info->snd_seq, 0);
	if (err) {
		nlmsg_free(msg);
		goto out;
	}
	rtnl_unlock();
	return genlmsg_reply(msg, info);

out:
	rtnl_unlock();
	return err;
}

/* cb->args[0]: ports of the namespace already dumped. */
int etrunk_genl_dump_flush_rx(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct etrunk_flush_port *p;
	unsigned long idx = 0;
	int err;

	err = etrunk_genl_dump_check(cb);
	if (err)
		return err;
	rtnl_lock();
	list_for_each_entry(p, &etrunk_flush_ports, list) {
		if (!net_eq(dev_net(p->dev), net) || idx++ < cb->args[0])
			continue;
		err = etrunk_flush_port_fill(skb, p, NETLINK_CB(cb->skb).portid,
					     cb->nlh->nlmsg_seq, NLM_F_MULTI);
		if (err)
			break;
		cb->args[0] = idx;
	}
	rtnl_unlock();
	return err && !skb->len ? err : skb->len;
}

static const struct nla_policy etrunk_flush_vlan_policy[ETRUNK_VLAN_A_MAX + 1] = {
	[ETRUNK_VLAN_A_VID] = NLA_POLICY_RANGE(NLA_U16, 1, VLAN_N_VID - 2),
};

/* ETRUNK_A_FLUSH_VLANS into @filter and @n, strictly. */
static int etrunk_flush_parse_vlans(const struct nlattr *nest,
				    unsigned long *filter, unsigned int *n,
				    struct netlink_ext_ack *extack)
{
	const struct nlattr *a;
	unsigned int count = 0;
	int rem, err;

	err = nla_validate_nested(nest, ETRUNK_VLAN_A_MAX,
				  etrunk_flush_vlan_policy, extack);
	if (err)
		return err;
	bitmap_zero(filter, VLAN_N_VID);
	nla_for_each_nested(a, nest, rem) {
		if (++count > ETRUNK_FLUSH_MAX_VLANS) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "At most 512 VLANs in ETRUNK_A_FLUSH_VLANS");
			return -EINVAL;
		}
		__set_bit(nla_get_u16(a), filter);
	}
	*n = bitmap_weight(filter, VLAN_N_VID);
	return 0;
}

int etrunk_genl_set_flush_rx(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct etrunk_flush_key *key = NULL;
	struct etrunk_flush_port *p, *new = NULL;
	unsigned long *filter = NULL;
	unsigned int n_filter = 0;
	struct net_device *dev;
	int err;

	rtnl_lock();
	dev = etrunk_flush_port_dev(info);
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
		goto out;
	}
	if (!netif_is_bridge_port(dev)) {
		NL_SET_ERR_MSG_ATTR(info->extack,
				    attrs[ETRUNK_A_IFINDEX] ?: attrs[ETRUNK_A_IFNAME],
				    "Flush-receive works on bridge ports");
		err = -EOPNOTSUPP;
		goto out;
	}
	if (!attrs[ETRUNK_A_FLUSH_RX]) {
		NL_SET_ERR_MSG(info->extack, "ETRUNK_A_FLUSH_RX is required");
		err = -EINVAL;
		goto out;
	}
	p = etrunk_flush_port_find(dev);

	if (!nla_get_u8(attrs[ETRUNK_A_FLUSH_RX])) {
		struct nlattr *extra = attrs[ETRUNK_A_FLUSH_KEY] ?:
				       attrs[ETRUNK_A_FLUSH_VLANS];

		if (extra) {
			NL_SET_ERR_MSG_ATTR(info->extack, extra,
					    "A key or VLANs need ETRUNK_A_FLUSH_RX 1");
			err = -EINVAL;
			goto out;
		}
		if (p)
			etrunk_flush_port_del(p);
		err = 0;
		goto out;
	}

	/* Everything that can fail, before anything changes. */
	if (attrs[ETRUNK_A_FLUSH_VLANS]) {
		err = -ENOMEM;
		filter = bitmap_zalloc(VLAN_N_VID, GFP_KERNEL);
		if (!filter)
			goto out;
		err = etrunk_flush_parse_vlans(attrs[ETRUNK_A_FLUSH_VLANS],
					       filter, &n_filter, info->extack);
		if (err)
			goto out;
	}
	if (attrs[ETRUNK_A_FLUSH_KEY]) {
		err = etrunk_flush_new_key(nla_data(attrs[ETRUNK_A_FLUSH_KEY]),
					   nla_len(attrs[ETRUNK_A_FLUSH_KEY]),
					   &key, info->extack);
		if (err)
			goto out;
	}
	if (!p) {
		err = -ENOMEM;
		new = kzalloc(sizeof(*new), GFP_KERNEL);
		if (!new)
			goto out;
		p = new;
		p->dev = dev;
		etrunk_flush_rx_init(&p->rx);
		p->pt.type = htons(ETH_P_ALL);
		p->pt.dev = dev;
		p->pt.func = etrunk_flush_port_rcv;
		/* Not a clone of every frame the port sends. */
		p->pt.ignore_outgoing = true;
		INIT_WORK(&p->work, etrunk_flush_port_work_fn);
	}

	if (filter) {
		spin_lock_bh(&p->rx.lock);
		bitmap_copy(p->filter, filter, VLAN_N_VID);
		p->n_filter = n_filter;
		spin_unlock_bh(&p->rx.lock);
	}
	if (attrs[ETRUNK_A_FLUSH_KEY]) {
		struct etrunk_flush_key *old;

		old = rcu_replace_pointer(p->key, key, lockdep_rtnl_is_held());
		if (!etrunk_flush_key_same(old, key))
			etrunk_flush_rx_forget(&p->rx);
		key = NULL;
		if (old) {
			synchronize_net();
			etrunk_flush_free_key(old);
		}
	}
	if (new) {
		list_add_tail_rcu(&new->list, &etrunk_flush_ports);
		dev_add_pack(&new->pt);
	}
	if (!rcu_access_pointer(p->key))
		NL_SET_ERR_MSG(info->extack,
			       "Flush-receive without a key: any host on the port's segment can flush the bridge");
	err = 0;
out:
	rtnl_unlock();
	etrunk_flush_free_key(key);
	bitmap_free(filter);
	return err;
}

static int etrunk_flush_port_event(struct notifier_block *nb,
				   unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct netdev_notifier_changeupper_info *info;
	struct etrunk_flush_port *p;

	switch (event) {
	case NETDEV_CHANGEUPPER:
		info = ptr;
		if (info->linking || !netif_is_bridge_master(info->upper_dev))
			break;
		fallthrough;
	case NETDEV_UNREGISTER:
		p = etrunk_flush_port_find(dev);
		if (p)
			etrunk_flush_port_del(p);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block etrunk_flush_port_nb = {
	.notifier_call = etrunk_flush_port_event,
};

int etrunk_flush_port_init(void)
{
	return register_netdevice_notifier(&etrunk_flush_port_nb);
}

void etrunk_flush_port_exit(void)
{
	struct etrunk_flush_port *p, *tmp;

	unregister_netdevice_notifier(&etrunk_flush_port_nb);
	rtnl_lock();
	list_for_each_entry_safe(p, tmp, &etrunk_flush_ports, list)
		etrunk_flush_port_del(p);
	rtnl_unlock();
}
