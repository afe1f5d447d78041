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
#include <net/netns/generic.h>

#include "bfd.h"
#include "device.h"
#include "etrunk_group.h"
#include "genetlink.h"
#include "member.h"
#include "rbs.h"

static unsigned int etrunk_net_id __read_mostly;

struct etrunk_net *etrunk_net(const struct net *net)
{
	return net_generic(net, etrunk_net_id);
}

enum etrunk_mcgrp { ETRUNK_MCGRP_EVENTS_ID };

static const struct genl_multicast_group etrunk_mcgrps[] = {
	[ETRUNK_MCGRP_EVENTS_ID] = { .name = ETRUNK_MCGRP_EVENTS },
};

static const struct nla_policy etrunk_member_genl_policy[ETRUNK_MEMBER_A_MAX + 1] = {
	[ETRUNK_MEMBER_A_IFINDEX] = { .type = NLA_U32 },
	[ETRUNK_MEMBER_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[ETRUNK_MEMBER_A_STATE] = {
		.type = NLA_REJECT,
		.reject_message = "ETRUNK_MEMBER_A_STATE is read-only",
	},
	[ETRUNK_MEMBER_A_REASON] = {
		.type = NLA_REJECT,
		.reject_message = "ETRUNK_MEMBER_A_REASON is read-only",
	},
	[ETRUNK_MEMBER_A_PRIORITY] = { .type = NLA_U16 },
	[ETRUNK_MEMBER_A_MASTER] = NLA_POLICY_MAX(NLA_U8, 1),
	[ETRUNK_MEMBER_A_ADMIN_UP] = NLA_POLICY_MAX(NLA_U8, 1),
	[ETRUNK_MEMBER_A_LINK_FAILURES] = {
		.type = NLA_REJECT,
		.reject_message = "ETRUNK_MEMBER_A_LINK_FAILURES is read-only",
	},
	[ETRUNK_MEMBER_A_SPEED] = {
		.type = NLA_REJECT,
		.reject_message = "ETRUNK_MEMBER_A_SPEED is read-only",
	},
	[ETRUNK_MEMBER_A_LACP_PORT_PRIO] = NLA_POLICY_MIN(NLA_U16, 1),
	[ETRUNK_MEMBER_A_LACP_ACTIVE] = NLA_POLICY_MAX(NLA_U8, 1),
	[ETRUNK_MEMBER_A_LACP] = {
		.type = NLA_REJECT,
		.reject_message = "ETRUNK_MEMBER_A_LACP is read-only",
	},
};

#define ETRUNK_RO(attr) { .type = NLA_REJECT, .reject_message = #attr " is read-only" }

static const struct nla_policy etrunk_genl_policy[ETRUNK_A_MAX + 1] = {
	[ETRUNK_A_IFINDEX] = { .type = NLA_U32 },
	[ETRUNK_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[ETRUNK_A_MODE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_MODE_MAX),
	[ETRUNK_A_HASH_POLICY] = NLA_POLICY_MAX(NLA_U8, ETRUNK_HASH_MAX),
	[ETRUNK_A_MIN_LINKS] = NLA_POLICY_MAX(NLA_U32, ETRUNK_MAX_MEMBERS),
	[ETRUNK_A_MAX_LINKS] = NLA_POLICY_MAX(NLA_U32, ETRUNK_MAX_MEMBERS),
	[ETRUNK_A_UP] = ETRUNK_RO(ETRUNK_A_UP),
	[ETRUNK_A_CARRIER] = ETRUNK_RO(ETRUNK_A_CARRIER),
	[ETRUNK_A_ACTIVE_MEMBERS] = ETRUNK_RO(ETRUNK_A_ACTIVE_MEMBERS),
	[ETRUNK_A_STATS] = ETRUNK_RO(ETRUNK_A_STATS),
	[ETRUNK_A_MEMBERS] = ETRUNK_RO(ETRUNK_A_MEMBERS),
	[ETRUNK_A_MEMBER] = NLA_POLICY_NESTED(etrunk_member_genl_policy),
	[ETRUNK_A_EVENT] = ETRUNK_RO(ETRUNK_A_EVENT),
	[ETRUNK_A_EVENT_SEQ] = ETRUNK_RO(ETRUNK_A_EVENT_SEQ),
	[ETRUNK_A_REVERTIVE] = NLA_POLICY_MAX(NLA_U8, 1),
	[ETRUNK_A_REVERT_DELAY] = NLA_POLICY_FULL_RANGE(NLA_U32, &etrunk_revert_delay_range),
	[ETRUNK_A_GRAT_ARP] = { .type = NLA_U8 },
	[ETRUNK_A_FLUSH_COUNT] = NLA_POLICY_MAX(NLA_U8, ETRUNK_MAX_FLUSH_COUNT),
	[ETRUNK_A_FLUSH_INTERVAL] = NLA_POLICY_RANGE(NLA_U16, 1, 1000),
	[ETRUNK_A_FLUSH_KEY] = { .type = NLA_BINARY, .len = ETRUNK_FLUSH_KEY_MAX },
	[ETRUNK_A_FLUSH_KEY_SET] = ETRUNK_RO(ETRUNK_A_FLUSH_KEY_SET),
	[ETRUNK_A_FLUSH_RX] = NLA_POLICY_MAX(NLA_U8, 1),
	[ETRUNK_A_PROBE_INTERVAL] = NLA_POLICY_FULL_RANGE(NLA_U32, &etrunk_probe_interval_range),
	[ETRUNK_A_PROBE_MISSED] = NLA_POLICY_MIN(NLA_U8, 1),
	[ETRUNK_A_PROBE_TARGETS] = { .type = NLA_NESTED },
	[ETRUNK_A_PROBE_TARGET] = ETRUNK_RO(ETRUNK_A_PROBE_TARGET),
	[ETRUNK_A_ACTIVE_MEMBER] = ETRUNK_RO(ETRUNK_A_ACTIVE_MEMBER),
	[ETRUNK_A_SWITCHOVERS] = ETRUNK_RO(ETRUNK_A_SWITCHOVERS),
	[ETRUNK_A_SWITCHOVER_REASON] = ETRUNK_RO(ETRUNK_A_SWITCHOVER_REASON),
	[ETRUNK_A_SWITCHOVER_AGE] = ETRUNK_RO(ETRUNK_A_SWITCHOVER_AGE),
	[ETRUNK_A_FLUSH_STATS] = ETRUNK_RO(ETRUNK_A_FLUSH_STATS),
	[ETRUNK_A_FLUSH_VLANS] = { .type = NLA_NESTED },
	[ETRUNK_A_LACP_SYSTEM_PRIO] = NLA_POLICY_MIN(NLA_U16, 1),
	[ETRUNK_A_LACP_SYSTEM] = NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[ETRUNK_A_LACP_KEY] = NLA_POLICY_MIN(NLA_U16, 1),
	[ETRUNK_A_LACP_PORT_OFFSET] =
		NLA_POLICY_FULL_RANGE(NLA_U16, &etrunk_lacp_port_offset_range),
	[ETRUNK_A_LACP_RATE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_LACP_RATE_MAX),
	[ETRUNK_A_LACP_ROLE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_LACP_ROLE_MAX),
	[ETRUNK_A_LACP_SELECT] = NLA_POLICY_MAX(NLA_U8, ETRUNK_LACP_SELECT_MAX),
	[ETRUNK_A_LACP_PREEMPT] = NLA_POLICY_MAX(NLA_U8, 1),
	[ETRUNK_A_LACP_PREEMPT_DELAY] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &etrunk_lacp_preempt_delay_range),
	[ETRUNK_A_GROUP] = NLA_POLICY_NESTED(etrunk_group_policy),
	[ETRUNK_A_BINDING] = NLA_POLICY_NESTED(etrunk_binding_policy),
	[ETRUNK_A_BFD] = NLA_POLICY_NESTED(etrunk_bfd_policy),
	[ETRUNK_A_RBS] = NLA_POLICY_NESTED(etrunk_rbs_policy),
	[ETRUNK_A_RBP] = NLA_POLICY_NESTED(etrunk_rbp_policy),
};

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

static int etrunk_genl_put_member(struct sk_buff *skb,
				  struct etrunk_member *m)
{
	struct ethtool_link_ksettings ks;
	struct nlattr *nest;

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
	if (!__ethtool_get_link_ksettings(m->dev, &ks) &&
	    ks.base.speed != (u32)SPEED_UNKNOWN &&
	    nla_put_u32(skb, ETRUNK_MEMBER_A_SPEED, ks.base.speed))
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

	hdr = genlmsg_put(skb, hdr_portid, hdr_seq, &etrunk_genl_family, flags,
			  ETRUNK_CMD_GET_TRUNK);
	if (!hdr)
		return -EMSGSIZE;
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
		if (etrunk_genl_put_member(skb, m)) {
			/* Not even one member fits: the message is useless. */
			if (*next_member == first)
				goto cancel;
			break;
		}
		*next_member = i;
	}
	nla_nest_end(skb, members);
	genlmsg_end(skb, hdr);
	return 0;

cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

static int etrunk_genl_get_trunk(struct sk_buff *skb, struct genl_info *info)
{
	unsigned int next_member = 0;
	struct sk_buff *msg;
	struct etrunk *et;
	int err;

	rtnl_lock();
	et = etrunk_genl_trunk(info);
	if (IS_ERR(et)) {
		err = PTR_ERR(et);
		goto out;
	}
	msg = genlmsg_new(etrunk_genl_trunk_size(et), GFP_KERNEL);
	if (!msg) {
		err = -ENOMEM;
		goto out;
	}
	err = etrunk_genl_put_trunk(msg, et, info->snd_portid, info->snd_seq,
				    0, &next_member);
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

/* cb->args[0]: trunks of the namespace already dumped; cb->args[1]: the
 * next member of the trunk after them, when it did not fit one message.
 */
static int etrunk_genl_dump_trunks(struct sk_buff *skb,
				   struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	unsigned long idx = 0;
	struct net_device *dev;
	int err = 0;

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

static int etrunk_genl_set_trunk(struct sk_buff *skb, struct genl_info *info)
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

static int etrunk_genl_get_member(struct sk_buff *skb, struct genl_info *info)
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
	if (!hdr || etrunk_genl_put_ids(msg, m->et) ||
	    etrunk_genl_put_member(msg, m)) {
		nlmsg_free(msg);
		err = -EMSGSIZE;
		goto out;
	}
	genlmsg_end(msg, hdr);
	rtnl_unlock();
	return genlmsg_reply(msg, info);

out:
	rtnl_unlock();
	return err;
}

static int etrunk_genl_set_member(struct sk_buff *skb, struct genl_info *info)
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
	etrunk_select(m->et, NULL);
	etrunk_lacp_changed(m->et);
out:
	rtnl_unlock();
	return err;
}

static const struct genl_small_ops etrunk_genl_ops[] = {
	{
		.cmd = ETRUNK_CMD_GET_TRUNK,
		.doit = etrunk_genl_get_trunk,
		.dumpit = etrunk_genl_dump_trunks,
	},
	{
		.cmd = ETRUNK_CMD_SET_TRUNK,
		.doit = etrunk_genl_set_trunk,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_GET_MEMBER,
		.doit = etrunk_genl_get_member,
	},
	{
		.cmd = ETRUNK_CMD_SET_MEMBER,
		.doit = etrunk_genl_set_member,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_GET_FLUSH_RX,
		.doit = etrunk_genl_get_flush_rx,
		.dumpit = etrunk_genl_dump_flush_rx,
	},
	{
		.cmd = ETRUNK_CMD_SET_FLUSH_RX,
		.doit = etrunk_genl_set_flush_rx,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_NEW_GROUP,
		.doit = etrunk_genl_new_group,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_SET_GROUP,
		.doit = etrunk_genl_set_group,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_DEL_GROUP,
		.doit = etrunk_genl_del_group,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_GET_GROUP,
		.doit = etrunk_genl_get_group,
		.dumpit = etrunk_genl_dump_groups,
	},
	{
		.cmd = ETRUNK_CMD_BIND_TRUNK,
		.doit = etrunk_genl_bind_trunk,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_SET_BINDING,
		.doit = etrunk_genl_set_binding,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_UNBIND_TRUNK,
		.doit = etrunk_genl_unbind_trunk,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_SET_ROLE,
		.doit = etrunk_genl_set_role,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_SET_GROUP_STATE,
		.doit = etrunk_genl_set_group_state,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_GET_GROUP_KEY,
		.doit = etrunk_genl_get_group_key,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_NEW_BFD,
		.doit = etrunk_genl_new_bfd,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_SET_BFD,
		.doit = etrunk_genl_set_bfd,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_DEL_BFD,
		.doit = etrunk_genl_del_bfd,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_GET_BFD,
		.doit = etrunk_genl_get_bfd,
		.dumpit = etrunk_genl_dump_bfd,
	},
	{
		.cmd = ETRUNK_CMD_SET_BFD_STATE,
		.doit = etrunk_genl_set_bfd_state,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_GET_BFD_KEY,
		.doit = etrunk_genl_get_bfd_key,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_NEW_RBS,
		.doit = etrunk_genl_new_rbs,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_SET_RBS,
		.doit = etrunk_genl_set_rbs,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_DEL_RBS,
		.doit = etrunk_genl_del_rbs,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_GET_RBS,
		.doit = etrunk_genl_get_rbs,
		.dumpit = etrunk_genl_dump_rbs,
	},
	{
		.cmd = ETRUNK_CMD_SET_RBS_STATE,
		.doit = etrunk_genl_set_rbs_state,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_GET_RBS_KEY,
		.doit = etrunk_genl_get_rbs_key,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_NEW_RBP,
		.doit = etrunk_genl_new_rbp,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_SET_RBP,
		.doit = etrunk_genl_set_rbp,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_DEL_RBP,
		.doit = etrunk_genl_del_rbp,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ETRUNK_CMD_GET_RBP,
		.doit = etrunk_genl_get_rbp,
		.dumpit = etrunk_genl_dump_rbp,
	},
	{
		.cmd = ETRUNK_CMD_SET_RBP_STATE,
		.doit = etrunk_genl_set_rbp_state,
		.flags = GENL_UNS_ADMIN_PERM,
	},
};

struct genl_family etrunk_genl_family __ro_after_init = {
	.name = ETRUNK_GENL_NAME,
	.version = ETRUNK_GENL_VERSION,
	.maxattr = ETRUNK_A_MAX,
	.policy = etrunk_genl_policy,
	.netnsok = true,
	.module = THIS_MODULE,
	.small_ops = etrunk_genl_ops,
	.n_small_ops = ARRAY_SIZE(etrunk_genl_ops),
	.mcgrps = etrunk_mcgrps,
	.n_mcgrps = ARRAY_SIZE(etrunk_mcgrps),
};

/**
 * etrunk_genl_event_begin - start an event of a namespace
 * @net: the namespace
 * @event: enum etrunk_event
 * @size: room for what the caller adds
 * @skbp: out: the message
 *
 * Events are sent under RTNL, which orders the sequence numbers. Returns
 * the header for etrunk_genl_event_end(), or NULL if nobody listens (the
 * event still counts) or memory ran out.
 */
void *etrunk_genl_event_begin(struct net *net, u8 event, size_t size,
			      struct sk_buff **skbp)
{
	struct etrunk_net *en = etrunk_net(net);
	struct sk_buff *skb;
	void *hdr;

	ASSERT_RTNL();
	en->event_seq++;
	if (!genl_has_listeners(&etrunk_genl_family, net, ETRUNK_MCGRP_EVENTS_ID))
		return NULL;
	skb = genlmsg_new(nla_total_size(sizeof(u8)) +	/* EVENT */
			  nla_total_size(sizeof(u32)) +	/* EVENT_SEQ */
			  size, GFP_KERNEL);
	if (!skb)
		return NULL;
	hdr = genlmsg_put(skb, 0, 0, &etrunk_genl_family, 0, ETRUNK_CMD_EVENT);
	if (!hdr || nla_put_u8(skb, ETRUNK_A_EVENT, event) ||
	    nla_put_u32(skb, ETRUNK_A_EVENT_SEQ, en->event_seq)) {
		nlmsg_free(skb);
		return NULL;
	}
	*skbp = skb;
	return hdr;
}

void etrunk_genl_event_end(struct net *net, struct sk_buff *skb, void *hdr)
{
	genlmsg_end(skb, hdr);
	genlmsg_multicast_netns(&etrunk_genl_family, net, skb, 0,
				ETRUNK_MCGRP_EVENTS_ID, GFP_KERNEL);
}

/* RTNL: one object's event; nothing goes out if it does not fit @size. */
void etrunk_genl_event(struct net *net, u8 event, size_t size,
		       etrunk_genl_put_t put, const void *obj)
{
	struct sk_buff *skb;
	void *hdr;

	hdr = etrunk_genl_event_begin(net, event, size, &skb);
	if (!hdr)
		return;
	if (put(skb, net, obj)) {
		nlmsg_free(skb);
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
 * Under RTNL, which keeps @obj; etrunk_genl_reply_send() sends the reply
 * after the unlock. Returns the message or an ERR_PTR().
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

/* RTNL: one object of a dump in a message of its own, or -EMSGSIZE. */
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
		nlmsg_free(*skbp);
		return NULL;
	}
	return hdr;
}

static void etrunk_genl_event_send(struct etrunk *et, struct sk_buff *skb,
				   void *hdr)
{
	etrunk_genl_event_end(dev_net(et->dev), skb, hdr);
}

void etrunk_genl_member_event(struct etrunk_member *m, u8 event)
{
	struct sk_buff *skb;
	void *hdr;

	hdr = etrunk_genl_event_start(m->et, event, etrunk_genl_member_size(),
				      &skb);
	if (!hdr)
		return;
	if (etrunk_genl_put_member(skb, m)) {
		nlmsg_free(skb);
		return;
	}
	etrunk_genl_event_send(m->et, skb, hdr);
}

void etrunk_genl_trunk_event(struct etrunk *et, u8 event)
{
	const struct etrunk_member *master = rtnl_dereference(et->active);
	struct sk_buff *skb;
	void *hdr;

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
		nlmsg_free(skb);
		return;
	}
	etrunk_genl_event_send(et, skb, hdr);
}

static int __net_init etrunk_net_init(struct net *net)
{
	etrunk_bfds_init(&etrunk_net(net)->bfds);
	return 0;
}

/* The namespace's devices went first (NETDEV_UNREGISTER), with the BFD
 * sessions on them; the groups go before the sessions they point to.
 */
static void __net_exit etrunk_net_exit(struct net *net)
{
	etrunk_groups_exit(&etrunk_net(net)->groups);
	etrunk_bfds_exit(&etrunk_net(net)->bfds);
}

static struct pernet_operations etrunk_net_ops = {
	.init = etrunk_net_init,
	.exit = etrunk_net_exit,
	.id = &etrunk_net_id,
	.size = sizeof(struct etrunk_net),
};

int etrunk_genl_init(void)
{
	int err;

	err = register_pernet_subsys(&etrunk_net_ops);
	if (err)
		return err;
	err = genl_register_family(&etrunk_genl_family);
	if (err)
		unregister_pernet_subsys(&etrunk_net_ops);
	return err;
}

void etrunk_genl_uninit(void)
{
	genl_unregister_family(&etrunk_genl_family);
	unregister_pernet_subsys(&etrunk_net_ops);
}
