// SPDX-License-Identifier: GPL-2.0
/*
 * The generic netlink family "etrunk" (see uapi/linux/etrunk.h): trunks
 * and members shown and changed, and their events multicast, within one
 * network namespace.
 */

#include <linux/ethtool.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "bfd.h"
#include "compat.h"
#include "device.h"
#include "etrunk_group.h"
#include "genetlink.h"
#include "member.h"
#include "rbs.h"

/* Find the device named by an ifindex and/or ifname attribute pair. */
struct net_device *etrunk_genl_dev(struct net *net, struct nlattr *ifindex,
				   struct nlattr *ifname,
				   struct netlink_ext_ack *extack)
{
	struct net_device *dev = NULL;

	if (ifindex)
		dev = __dev_get_by_index(net, nla_get_u32(ifindex));
	else if (ifname)
		dev = __dev_get_by_name(net, nla_data(ifname));
	if (!dev) {
		NL_SET_ERR_MSG_ATTR(extack, ifindex ?: ifname, "No such device");
		return ERR_PTR(-ENODEV);
	}
	if (ifindex && ifname && strcmp(dev->name, nla_data(ifname))) {
		NL_SET_ERR_MSG_ATTR(extack, ifname,
				    "The index and the name are of different devices");
		return ERR_PTR(-EINVAL);
	}
	return dev;
}

struct etrunk *etrunk_genl_trunk(struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct net_device *dev;

	if (!attrs[ETRUNK_A_IFINDEX] && !attrs[ETRUNK_A_IFNAME]) {
		NL_SET_ERR_MSG(info->extack,
			       "ETRUNK_A_IFINDEX or ETRUNK_A_IFNAME is required");
		return ERR_PTR(-EINVAL);
	}
	dev = etrunk_genl_dev(genl_info_net(info), attrs[ETRUNK_A_IFINDEX],
			      attrs[ETRUNK_A_IFNAME], info->extack);
	if (IS_ERR(dev))
		return ERR_CAST(dev);
	if (!netif_is_etrunk(dev)) {
		NL_SET_ERR_MSG_ATTR(info->extack,
				    attrs[ETRUNK_A_IFINDEX] ?: attrs[ETRUNK_A_IFNAME],
				    "The device is not a trunk");
		return ERR_PTR(-ENODEV);
	}
	return netdev_priv(dev);
}

/**
 * etrunk_genl_dump_check - refuse the attributes of a dump request
 * @cb: the dump
 *
 * A dump takes no attributes, but its command's policy is the one of the
 * request without NLM_F_DUMP, which names an object: a dump refuses them
 * here (with a message, as a dump's error has no attribute offset).
 */
int etrunk_genl_dump_check(struct netlink_callback *cb)
{
	struct nlattr **attrs = etrunk_genl_dump_attrs(cb);
	int i;

	for (i = 1; attrs && i <= ETRUNK_A_MAX; i++) {
		if (attrs[i]) {
			NL_SET_ERR_MSG_ATTR(cb->extack, attrs[i],
					    "A dump takes no attributes");
			return -EINVAL;
		}
	}
	return 0;
}

static struct etrunk_member *etrunk_genl_member(struct genl_info *info,
						struct nlattr **tb)
{
	struct nlattr *nest = info->attrs[ETRUNK_A_MEMBER];
	struct etrunk_member *m;
	struct net_device *dev;
	int err;

	if (!nest) {
		NL_SET_ERR_MSG(info->extack, "ETRUNK_A_MEMBER is required");
		return ERR_PTR(-EINVAL);
	}
	err = nla_parse_nested(tb, ETRUNK_MEMBER_A_MAX, nest,
			       etrunk_member_genl_policy, info->extack);
	if (err)
		return ERR_PTR(err);
	if (!tb[ETRUNK_MEMBER_A_IFINDEX] && !tb[ETRUNK_MEMBER_A_IFNAME]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "ETRUNK_MEMBER_A_IFINDEX or ETRUNK_MEMBER_A_IFNAME is required");
		return ERR_PTR(-EINVAL);
	}
	dev = etrunk_genl_dev(genl_info_net(info), tb[ETRUNK_MEMBER_A_IFINDEX],
			      tb[ETRUNK_MEMBER_A_IFNAME], info->extack);
	if (IS_ERR(dev))
		return ERR_CAST(dev);
	m = etrunk_member_get_rtnl(dev);
	if (!m) {
		NL_SET_ERR_MSG_ATTR(info->extack,
				    tb[ETRUNK_MEMBER_A_IFINDEX] ?: tb[ETRUNK_MEMBER_A_IFNAME],
				    "The device is not a trunk member");
		return ERR_PTR(-ENODEV);
	}
	return m;
}

static size_t etrunk_genl_member_size(void)
{
	return nla_total_size(0) +			/* ETRUNK_A_MEMBER */
	       nla_total_size(sizeof(u32)) +		/* IFINDEX */
	       nla_total_size(IFNAMSIZ) +		/* IFNAME */
	       4 * nla_total_size(sizeof(u8)) +		/* STATE ... ADMIN_UP */
	       nla_total_size(sizeof(u16)) +		/* PRIORITY */
	       2 * nla_total_size(sizeof(u32)) +	/* LINK_FAILURES, SPEED */
	       nla_total_size(sizeof(u16)) +		/* LACP_PORT_PRIO */
	       nla_total_size(sizeof(u8)) +		/* LACP_ACTIVE */
	       etrunk_lacp_member_size();		/* LACP */
}

/* The mode-backup attributes, probe targets and flush statistics. */
static size_t etrunk_genl_backup_size(void)
{
	return 6 * nla_total_size(sizeof(u8)) +		/* REVERTIVE ... */
	       nla_total_size(sizeof(u16)) +		/* FLUSH_INTERVAL */
	       4 * nla_total_size(sizeof(u32)) +	/* REVERT_DELAY ... */
	       nla_total_size(sizeof(u8)) +		/* SWITCHOVER_REASON */
	       nla_total_size_64bit(sizeof(u64)) +	/* SWITCHOVER_AGE */
	       nla_total_size(0) +			/* PROBE_TARGETS */
	       ETRUNK_MAX_PROBE_TARGETS * nla_total_size(16) +
	       nla_total_size(0) +			/* FLUSH_STATS */
	       7 * nla_total_size_64bit(sizeof(u64));
}

static size_t etrunk_genl_trunk_size(const struct etrunk *et)
{
	return nla_total_size(sizeof(u32)) +		/* IFINDEX */
	       nla_total_size(IFNAMSIZ) +		/* IFNAME */
	       4 * nla_total_size(sizeof(u8)) +		/* MODE ... CARRIER */
	       3 * nla_total_size(sizeof(u32)) +	/* MIN, MAX, ACTIVE */
	       nla_total_size(0) +			/* STATS */
	       6 * nla_total_size_64bit(sizeof(u64)) +
	       nla_total_size(0) +			/* MEMBERS */
	       et->member_count * etrunk_genl_member_size() +
	       etrunk_genl_backup_size() +
	       etrunk_lacp_size() +
	       etrunk_binding_size();
}

/* Under the trunk's lock. The speed is the one of the last link event
 * (the query needs RTNL, which an event from a work item does not hold);
 * a GET refreshes it first.
 */
static int etrunk_genl_put_member(struct sk_buff *skb,
				  struct etrunk_member *m)
{
	struct nlattr *nest;

	lockdep_assert_held(&m->et->lock);
	nest = nla_nest_start(skb, ETRUNK_A_MEMBER);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, ETRUNK_MEMBER_A_IFINDEX, m->dev->ifindex) ||
	    nla_put_string(skb, ETRUNK_MEMBER_A_IFNAME, m->dev->name) ||
	    nla_put_u8(skb, ETRUNK_MEMBER_A_STATE, m->state) ||
	    nla_put_u8(skb, ETRUNK_MEMBER_A_REASON, m->reason) ||
	    nla_put_u16(skb, ETRUNK_MEMBER_A_PRIORITY, m->priority) ||
	    nla_put_u8(skb, ETRUNK_MEMBER_A_MASTER, m->master) ||
	    nla_put_u8(skb, ETRUNK_MEMBER_A_ADMIN_UP, m->admin_up) ||
	    nla_put_u32(skb, ETRUNK_MEMBER_A_LINK_FAILURES, m->link_failures))
		goto cancel;
	if (m->speed && nla_put_u32(skb, ETRUNK_MEMBER_A_SPEED, m->speed))
		goto cancel;
	if (m->et->mode == ETRUNK_MODE_LACP &&
	    (nla_put_u16(skb, ETRUNK_MEMBER_A_LACP_PORT_PRIO, m->lacp.port_prio) ||
	     nla_put_u8(skb, ETRUNK_MEMBER_A_LACP_ACTIVE, m->lacp.active) ||
	     etrunk_lacp_put_member(skb, m, ETRUNK_MEMBER_A_LACP)))
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

int etrunk_genl_put_ids(struct sk_buff *skb, const struct etrunk *et)
{
	if (nla_put_u32(skb, ETRUNK_A_IFINDEX, et->dev->ifindex) ||
	    nla_put_string(skb, ETRUNK_A_IFNAME, et->dev->name))
		return -EMSGSIZE;
	return 0;
}

static int etrunk_genl_put_params(struct sk_buff *skb, const struct etrunk *et)
{
	if (nla_put_u8(skb, ETRUNK_A_MODE, et->mode) ||
	    nla_put_u8(skb, ETRUNK_A_HASH_POLICY, et->hash_policy) ||
	    nla_put_u32(skb, ETRUNK_A_MIN_LINKS, et->min_links) ||
	    nla_put_u32(skb, ETRUNK_A_MAX_LINKS, et->max_links))
		return -EMSGSIZE;
	return 0;
}

static int etrunk_genl_put_stats(struct sk_buff *skb, struct etrunk *et)
{
	struct rtnl_link_stats64 st;
	struct nlattr *nest;

	dev_get_stats(et->dev, &st);
	nest = nla_nest_start(skb, ETRUNK_A_STATS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(skb, ETRUNK_STATS_A_RX_PACKETS, st.rx_packets,
			      ETRUNK_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_STATS_A_RX_BYTES, st.rx_bytes,
			      ETRUNK_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_STATS_A_RX_DROPPED, st.rx_dropped,
			      ETRUNK_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_STATS_A_TX_PACKETS, st.tx_packets,
			      ETRUNK_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_STATS_A_TX_BYTES, st.tx_bytes,
			      ETRUNK_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_STATS_A_TX_DROPPED, st.tx_dropped,
			      ETRUNK_STATS_A_PAD)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * etrunk_genl_put_trunk - a trunk message
 * @skb: where
 * @et: the trunk
 * @hdr_portid: netlink header's port id
 * @hdr_seq: netlink header's sequence number
 * @flags: netlink header's flags
 * @next_member: in: the first member to put; out: the first member that
 *	did not fit, or the member count when all did
 *
 * A dump continues a trunk whose members do not fit one message in the
 * next one, which again names the trunk (WireGuard dumps peers so).
 */
static int etrunk_genl_put_trunk(struct sk_buff *skb, struct etrunk *et,
				 u32 hdr_portid, u32 hdr_seq, int flags,
				 unsigned int *next_member)
{
	const unsigned int first = *next_member;
	struct etrunk_member *m;
	struct nlattr *members;
	unsigned int i = 0;
	void *hdr;

	ASSERT_RTNL();
	hdr = genlmsg_put(skb, hdr_portid, hdr_seq, &etrunk_genl_family, flags,
			  ETRUNK_CMD_GET_TRUNK);
	if (!hdr)
		return -EMSGSIZE;
	mutex_lock(&et->lock);
	if (etrunk_genl_put_ids(skb, et) || etrunk_genl_put_params(skb, et) ||
	    nla_put_u8(skb, ETRUNK_A_UP, !!(et->dev->flags & IFF_UP)) ||
	    nla_put_u8(skb, ETRUNK_A_CARRIER, netif_carrier_ok(et->dev)) ||
	    nla_put_u32(skb, ETRUNK_A_ACTIVE_MEMBERS, et->tx_count) ||
	    etrunk_genl_put_stats(skb, et) ||
	    etrunk_put_backup(skb, et, ETRUNK_A_REVERTIVE, ETRUNK_A_PAD) ||
	    etrunk_put_lacp(skb, et, ETRUNK_A_LACP_SYSTEM_PRIO) ||
	    etrunk_probe_put_targets(skb, et, ETRUNK_A_PROBE_TARGETS,
				     ETRUNK_A_PROBE_TARGET) ||
	    etrunk_flush_put_stats(skb, ETRUNK_A_FLUSH_STATS, &et->flush.rx,
				   et->flush.rx.stats.tx) ||
	    (et->binding &&
	     etrunk_binding_put(skb, ETRUNK_A_BINDING, et->binding)))
		goto cancel;

	members = nla_nest_start(skb, ETRUNK_A_MEMBERS);
	if (!members)
		goto cancel;
	list_for_each_entry(m, &et->members, list) {
		if (i++ < first)
			continue;
		etrunk_member_update_speed(m);
		if (etrunk_genl_put_member(skb, m)) {
			/* Not even one member fits: the message is useless. */
			if (*next_member == first)
				goto cancel;
			break;
		}
		*next_member = i;
	}
	mutex_unlock(&et->lock);
	nla_nest_end(skb, members);
	genlmsg_end(skb, hdr);
	return 0;

cancel:
	mutex_unlock(&et->lock);
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* The most one GET_TRUNK reply message takes (the uapi promises that a
 * reader's 32 KiB buffer is enough): a trunk whose members do not fit
 * continues in further messages, as a dump does.
 */
#define ETRUNK_GENL_REPLY_MAX 32768

/* A message buffer of at most ETRUNK_GENL_REPLY_MAX bytes, whatever the
 * slab rounded the allocation up to.
 */
static struct sk_buff *etrunk_genl_trunk_msg_new(size_t payload)
{
	size_t len = min_t(size_t, nlmsg_total_size(GENL_HDRLEN + payload),
			   ETRUNK_GENL_REPLY_MAX);
	struct sk_buff *skb = alloc_skb(len, GFP_KERNEL);

	if (skb && skb_tailroom(skb) > len)
		skb_reserve(skb, skb_tailroom(skb) - len);
	return skb;
}

int etrunk_genl_get_trunk(struct sk_buff *skb, struct genl_info *info)
{
	unsigned int next_member = 0;
	struct sk_buff_head parts;
	struct nlmsghdr *nlh;
	struct sk_buff *msg;
	struct etrunk *et;
	size_t size;
	bool multi;
	int err;

	__skb_queue_head_init(&parts);
	rtnl_lock();
	et = etrunk_genl_trunk(info);
	if (IS_ERR(et)) {
		err = PTR_ERR(et);
		goto out;
	}
	size = etrunk_genl_trunk_size(et);
	multi = nlmsg_total_size(GENL_HDRLEN + size) > ETRUNK_GENL_REPLY_MAX;
	do {
		msg = etrunk_genl_trunk_msg_new(size);
		if (!msg) {
			err = -ENOMEM;
			goto out;
		}
		__skb_queue_tail(&parts, msg);
		err = etrunk_genl_put_trunk(msg, et, info->snd_portid,
					    info->snd_seq,
					    multi ? NLM_F_MULTI : 0,
					    &next_member);
		if (err)
			goto out;
	} while (next_member < et->member_count);
	rtnl_unlock();

	if (!multi)
		return genlmsg_reply(__skb_dequeue(&parts), info);
	/* Parts, then NLMSG_DONE, as a dump ends (the ack follows). */
	msg = nlmsg_new(sizeof(int), GFP_KERNEL);
	if (!msg) {
		err = -ENOMEM;
		goto free;
	}
	nlh = nlmsg_put(msg, info->snd_portid, info->snd_seq, NLMSG_DONE,
			sizeof(int), NLM_F_MULTI);
	*(int *)nlmsg_data(nlh) = 0;
	__skb_queue_tail(&parts, msg);
	while ((msg = __skb_dequeue(&parts))) {
		err = genlmsg_reply(msg, info);
		if (err)
			goto free;
	}
	return 0;

out:
	rtnl_unlock();
free:
	__skb_queue_purge(&parts);
	return err;
}

/* cb->args[0]: trunks of the namespace already dumped; cb->args[1]: the
 * next member of the trunk after them, when it did not fit one message.
 */
int etrunk_genl_dump_trunks(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	unsigned long idx = 0;
	struct net_device *dev;
	int err;

	err = etrunk_genl_dump_check(cb);
	if (err)
		return err;
	rtnl_lock();
	for_each_netdev(net, dev) {
		unsigned int next_member = cb->args[1];
		struct etrunk *et;

		if (!netif_is_etrunk(dev) || idx++ < cb->args[0])
			continue;
		et = netdev_priv(dev);
		err = etrunk_genl_put_trunk(skb, et, NETLINK_CB(cb->skb).portid,
					    cb->nlh->nlmsg_seq, NLM_F_MULTI,
					    &next_member);
		if (err)
			break;
		if (next_member < et->member_count) {
			cb->args[1] = next_member;
			break;
		}
		cb->args[0] = idx;
		cb->args[1] = 0;
	}
	rtnl_unlock();
	/* What did not fit goes in the next message; an error only if not
	 * even an empty message could take it.
	 */
	return err && !skb->len ? err : skb->len;
}

int etrunk_genl_set_trunk(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct etrunk_params p = {};
	struct etrunk *et;
	int err;

	rtnl_lock();
	et = etrunk_genl_trunk(info);
	if (IS_ERR(et)) {
		err = PTR_ERR(et);
		goto out;
	}
	if (attrs[ETRUNK_A_MODE])
		p.mode = nla_data(attrs[ETRUNK_A_MODE]);
	if (attrs[ETRUNK_A_HASH_POLICY])
		p.hash_policy = nla_data(attrs[ETRUNK_A_HASH_POLICY]);
	if (attrs[ETRUNK_A_MIN_LINKS])
		p.min_links = nla_data(attrs[ETRUNK_A_MIN_LINKS]);
	if (attrs[ETRUNK_A_MAX_LINKS])
		p.max_links = nla_data(attrs[ETRUNK_A_MAX_LINKS]);
	if (attrs[ETRUNK_A_REVERTIVE])
		p.revertive = nla_data(attrs[ETRUNK_A_REVERTIVE]);
	if (attrs[ETRUNK_A_REVERT_DELAY])
		p.revert_delay = nla_data(attrs[ETRUNK_A_REVERT_DELAY]);
	if (attrs[ETRUNK_A_GRAT_ARP])
		p.grat_arp = nla_data(attrs[ETRUNK_A_GRAT_ARP]);
	if (attrs[ETRUNK_A_FLUSH_COUNT])
		p.flush_count = nla_data(attrs[ETRUNK_A_FLUSH_COUNT]);
	if (attrs[ETRUNK_A_FLUSH_INTERVAL])
		p.flush_interval = nla_data(attrs[ETRUNK_A_FLUSH_INTERVAL]);
	if (attrs[ETRUNK_A_FLUSH_RX])
		p.flush_rx = nla_data(attrs[ETRUNK_A_FLUSH_RX]);
	if (attrs[ETRUNK_A_PROBE_INTERVAL])
		p.probe_interval = nla_data(attrs[ETRUNK_A_PROBE_INTERVAL]);
	if (attrs[ETRUNK_A_PROBE_MISSED])
		p.probe_missed = nla_data(attrs[ETRUNK_A_PROBE_MISSED]);
	p.flush_key = attrs[ETRUNK_A_FLUSH_KEY];
	p.probe_targets = attrs[ETRUNK_A_PROBE_TARGETS];
	p.probe_target_type = ETRUNK_A_PROBE_TARGET;
	if (attrs[ETRUNK_A_LACP_SYSTEM_PRIO])
		p.lacp_system_prio = nla_data(attrs[ETRUNK_A_LACP_SYSTEM_PRIO]);
	p.lacp_system = attrs[ETRUNK_A_LACP_SYSTEM];
	if (attrs[ETRUNK_A_LACP_KEY])
		p.lacp_key = nla_data(attrs[ETRUNK_A_LACP_KEY]);
	if (attrs[ETRUNK_A_LACP_PORT_OFFSET])
		p.lacp_port_offset = nla_data(attrs[ETRUNK_A_LACP_PORT_OFFSET]);
	if (attrs[ETRUNK_A_LACP_RATE])
		p.lacp_rate = nla_data(attrs[ETRUNK_A_LACP_RATE]);
	if (attrs[ETRUNK_A_LACP_ROLE])
		p.lacp_role = nla_data(attrs[ETRUNK_A_LACP_ROLE]);
	if (attrs[ETRUNK_A_LACP_SELECT])
		p.lacp_select = nla_data(attrs[ETRUNK_A_LACP_SELECT]);
	if (attrs[ETRUNK_A_LACP_PREEMPT])
		p.lacp_preempt = nla_data(attrs[ETRUNK_A_LACP_PREEMPT]);
	if (attrs[ETRUNK_A_LACP_PREEMPT_DELAY])
		p.lacp_preempt_delay = nla_data(attrs[ETRUNK_A_LACP_PREEMPT_DELAY]);
	err = etrunk_set_params(et, &p, info->extack);
out:
	rtnl_unlock();
	return err;
}

int etrunk_genl_get_member(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_MEMBER_A_MAX + 1];
	struct etrunk_member *m;
	struct sk_buff *msg;
	void *hdr;
	int err;

	rtnl_lock();
	m = etrunk_genl_member(info, tb);
	if (IS_ERR(m)) {
		err = PTR_ERR(m);
		goto out;
	}
	err = -ENOMEM;
	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		goto out;
	hdr = genlmsg_put_reply(msg, info, &etrunk_genl_family, 0,
				ETRUNK_CMD_GET_MEMBER);
	mutex_lock(&m->et->lock);
	etrunk_member_update_speed(m);
	err = !hdr || etrunk_genl_put_ids(msg, m->et) ||
	      etrunk_genl_put_member(msg, m) ? -EMSGSIZE : 0;
	mutex_unlock(&m->et->lock);
	if (err) {
		nlmsg_free(msg);
		goto out;
	}
	genlmsg_end(msg, hdr);
	rtnl_unlock();
	return genlmsg_reply(msg, info);

out:
	rtnl_unlock();
	return err;
}

int etrunk_genl_set_member(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_MEMBER_A_MAX + 1];
	struct etrunk_member *m;
	int err = 0;

	rtnl_lock();
	m = etrunk_genl_member(info, tb);
	if (IS_ERR(m)) {
		err = PTR_ERR(m);
		goto out;
	}
	mutex_lock(&m->et->lock);
	if (tb[ETRUNK_MEMBER_A_PRIORITY])
		m->priority = nla_get_u16(tb[ETRUNK_MEMBER_A_PRIORITY]);
	if (tb[ETRUNK_MEMBER_A_MASTER])
		etrunk_member_set_master(m, nla_get_u8(tb[ETRUNK_MEMBER_A_MASTER]));
	if (tb[ETRUNK_MEMBER_A_ADMIN_UP])
		m->admin_up = nla_get_u8(tb[ETRUNK_MEMBER_A_ADMIN_UP]);
	if (tb[ETRUNK_MEMBER_A_LACP_PORT_PRIO])
		m->lacp.port_prio = nla_get_u16(tb[ETRUNK_MEMBER_A_LACP_PORT_PRIO]);
	if (tb[ETRUNK_MEMBER_A_LACP_ACTIVE])
		m->lacp.active = nla_get_u8(tb[ETRUNK_MEMBER_A_LACP_ACTIVE]);
	__etrunk_select(m->et, NULL);
	etrunk_lacp_changed(m->et);
	mutex_unlock(&m->et->lock);
out:
	rtnl_unlock();
	return err;
}

/* The next sequence number of @net's events, under the event lock. */
static u32 etrunk_genl_event_seq(struct etrunk_net *en)
{
	lockdep_assert_held(&etrunk_genl_event_lock);
	return ++en->event_seq;
}

/* An event dropped (nobody listens, memory ran out, or its message, @skb
 * if any, did not fit): its sequence number is used all the same, as a
 * lost event's.
 */
void etrunk_genl_event_cancel(struct net *net, struct sk_buff *skb)
{
	struct etrunk_net *en = etrunk_net(net);

	nlmsg_free(skb);
	mutex_lock(&etrunk_genl_event_lock);
	etrunk_genl_event_seq(en);
	mutex_unlock(&etrunk_genl_event_lock);
}

/**
 * etrunk_genl_event_begin - start an event of a namespace
 * @net: the namespace
 * @event: enum etrunk_event
 * @size: room for what the caller adds
 * @skbp: out: the message
 *
 * Events are sent under RTNL (trunks, members, bindings), under a
 * trunk's lock (its protocol machines, without RTNL) or under the
 * namespace's store lock alone (the daemon's state writes): the event
 * lock, taken only around the sequence number and the sending (in
 * etrunk_genl_event_end()), keeps the numbers in the order the events go
 * out. Returns the header for etrunk_genl_event_end(), or NULL if nobody
 * listens (the event still counts) or memory ran out.
 */
void *etrunk_genl_event_begin(struct net *net, u8 event, size_t size,
			      struct sk_buff **skbp)
{
	struct sk_buff *skb = NULL;
	void *hdr;

	if (!etrunk_genl_is_up() ||
	    !genl_has_listeners(&etrunk_genl_family, net, ETRUNK_MCGRP_EVENTS_ID))
		goto none;
	skb = genlmsg_new(nla_total_size(sizeof(u8)) +	/* EVENT */
			  nla_total_size(sizeof(u32)) +	/* EVENT_SEQ */
			  size, GFP_KERNEL);
	if (!skb)
		goto none;
	/* The sequence number is the sending's (etrunk_genl_event_end()). */
	hdr = genlmsg_put(skb, 0, 0, &etrunk_genl_family, 0, ETRUNK_CMD_EVENT);
	if (!hdr || nla_put_u8(skb, ETRUNK_A_EVENT, event) ||
	    nla_put_u32(skb, ETRUNK_A_EVENT_SEQ, 0))
		goto none;
	*skbp = skb;
	return hdr;

none:
	etrunk_genl_event_cancel(net, skb);
	return NULL;
}

/* The event of etrunk_genl_event_begin() numbered and sent. */
void etrunk_genl_event_end(struct net *net, struct sk_buff *skb, void *hdr)
{
	struct etrunk_net *en = etrunk_net(net);
	struct nlattr *seq;

	genlmsg_end(skb, hdr);
	seq = nla_find(hdr, skb_tail_pointer(skb) - (unsigned char *)hdr,
		       ETRUNK_A_EVENT_SEQ);
	mutex_lock(&etrunk_genl_event_lock);
	if (seq)
		*(u32 *)nla_data(seq) = etrunk_genl_event_seq(en);
	/* The family may have gone since etrunk_genl_event_begin(). */
	if (etrunk_genl_is_up())
		genlmsg_multicast_netns(&etrunk_genl_family, net, skb, 0,
					ETRUNK_MCGRP_EVENTS_ID, GFP_KERNEL);
	else
		nlmsg_free(skb);
	mutex_unlock(&etrunk_genl_event_lock);
}

/* One object's event, under the lock that keeps @obj (RTNL, the store
 * lock or a trunk's lock); nothing goes out if it does not fit @size.
 */
void etrunk_genl_event(struct net *net, u8 event, size_t size,
		       etrunk_genl_put_t put, const void *obj)
{
	struct sk_buff *skb;
	void *hdr;

	hdr = etrunk_genl_event_begin(net, event, size, &skb);
	if (!hdr)
		return;
	if (put(skb, net, obj)) {
		etrunk_genl_event_cancel(net, skb);
		return;
	}
	etrunk_genl_event_end(net, skb, hdr);
}

/**
 * etrunk_genl_reply_new - the reply of a GET of one object
 * @info: the request
 * @cmd: the reply's command
 * @size: room for the object
 * @put: puts it
 * @obj: the object
 *
 * Under the lock that keeps @obj (RTNL or the store lock);
 * etrunk_genl_reply_send() sends the reply after the unlock. Returns the message or an ERR_PTR().
 */
struct sk_buff *etrunk_genl_reply_new(struct genl_info *info, u8 cmd,
				      size_t size, etrunk_genl_put_t put,
				      const void *obj)
{
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(size, GFP_KERNEL);
	if (!msg)
		return ERR_PTR(-ENOMEM);
	hdr = genlmsg_put_reply(msg, info, &etrunk_genl_family, 0, cmd);
	if (!hdr || put(msg, genl_info_net(info), obj)) {
		nlmsg_free(msg);
		return ERR_PTR(-EMSGSIZE);
	}
	genlmsg_end(msg, hdr);
	return msg;
}

/* @msg from etrunk_genl_reply_new(), or its error. */
int etrunk_genl_reply_send(struct genl_info *info, struct sk_buff *msg)
{
	if (IS_ERR(msg))
		return PTR_ERR(msg);
	return genlmsg_reply(msg, info);
}

/* One object of a dump in a message of its own, or -EMSGSIZE; under the
 * lock that keeps @obj (RTNL or the store lock).
 */
int etrunk_genl_dump_one(struct sk_buff *skb, struct netlink_callback *cb,
			 u8 cmd, etrunk_genl_put_t put, const void *obj)
{
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &etrunk_genl_family, NLM_F_MULTI, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (put(skb, sock_net(skb->sk), obj)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/*
 * A GET_*_KEY reply's nest: the object's name (or id) and its key only;
 * the key goes to CAP_NET_ADMIN callers alone.
 */
int etrunk_genl_put_key(struct sk_buff *skb, int nest, int id_type,
			int id_len, const void *id, int key_type,
			int key_len, const void *key)
{
	struct nlattr *start = nla_nest_start(skb, nest);

	if (!start)
		return -EMSGSIZE;
	if (nla_put(skb, id_type, id_len, id) ||
	    nla_put(skb, key_type, key_len, key)) {
		nla_nest_cancel(skb, start);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, start);
	return 0;
}

static void *etrunk_genl_event_start(struct etrunk *et, u8 event,
				     size_t size, struct sk_buff **skbp)
{
	void *hdr;

	hdr = etrunk_genl_event_begin(dev_net(et->dev), event,
				      nla_total_size(sizeof(u32)) +	/* IFINDEX */
				      nla_total_size(IFNAMSIZ) +	/* IFNAME */
				      size, skbp);
	if (hdr && etrunk_genl_put_ids(*skbp, et)) {
		etrunk_genl_event_cancel(dev_net(et->dev), *skbp);
		return NULL;
	}
	return hdr;
}

static void etrunk_genl_event_send(struct etrunk *et, struct sk_buff *skb,
				   void *hdr)
{
	etrunk_genl_event_end(dev_net(et->dev), skb, hdr);
}

/* Under the trunk's lock, with or without RTNL. */
void etrunk_genl_member_event(struct etrunk_member *m, u8 event)
{
	struct sk_buff *skb;
	void *hdr;

	lockdep_assert_held(&m->et->lock);
	hdr = etrunk_genl_event_start(m->et, event, etrunk_genl_member_size(),
				      &skb);
	if (!hdr)
		return;
	if (etrunk_genl_put_member(skb, m)) {
		etrunk_genl_event_cancel(dev_net(m->et->dev), skb);
		return;
	}
	etrunk_genl_event_send(m->et, skb, hdr);
}

/* Under the trunk's lock, with or without RTNL. */
void etrunk_genl_trunk_event(struct etrunk *et, u8 event)
{
	const struct etrunk_member *master = etrunk_dereference(et, et->active);
	struct sk_buff *skb;
	void *hdr;

	lockdep_assert_held(&et->lock);
	hdr = etrunk_genl_event_start(et, event,
				      5 * nla_total_size(sizeof(u32)) +
				      4 * nla_total_size(sizeof(u8)), &skb);
	if (!hdr)
		return;
	if ((event == ETRUNK_EVENT_SWITCHOVER &&
	     (nla_put_u32(skb, ETRUNK_A_ACTIVE_MEMBER,
			  master ? master->dev->ifindex : 0) ||
	      nla_put_u8(skb, ETRUNK_A_SWITCHOVER_REASON, et->switch_reason) ||
	      nla_put_u32(skb, ETRUNK_A_SWITCHOVERS, et->switchovers))) ||
	    nla_put_u32(skb, ETRUNK_A_ACTIVE_MEMBERS, et->tx_count) ||
	    nla_put_u8(skb, ETRUNK_A_CARRIER, netif_carrier_ok(et->dev)) ||
	    (event == ETRUNK_EVENT_TRUNK_CHANGED &&
	     etrunk_genl_put_params(skb, et))) {
		etrunk_genl_event_cancel(dev_net(et->dev), skb);
		return;
	}
	etrunk_genl_event_send(et, skb, hdr);
}
