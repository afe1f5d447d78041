// SPDX-License-Identifier: GPL-2.0
/*
 * rtnetlink: the "etrunk" link kind, its IFLA_INFO_DATA attributes and the
 * per-member IFLA_INFO_SLAVE_DATA attributes (see uapi/linux/etrunk.h).
 */

#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <net/netlink.h>
#include <net/rtnetlink.h>

#include "compat.h"
#include "device.h"
#include "member.h"

#define ETRUNK_IFLA_RO(attr) { .type = NLA_REJECT, .reject_message = #attr " is read-only" }

static const struct nla_policy etrunk_policy[IFLA_ETRUNK_MAX + 1] = {
	[IFLA_ETRUNK_MODE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_MODE_MAX),
	[IFLA_ETRUNK_HASH_POLICY] = NLA_POLICY_MAX(NLA_U8, ETRUNK_HASH_MAX),
	[IFLA_ETRUNK_MIN_LINKS] = NLA_POLICY_MAX(NLA_U32, ETRUNK_MAX_MEMBERS),
	[IFLA_ETRUNK_MEMBERS] = {
		.type = NLA_REJECT,
		.reject_message = "IFLA_ETRUNK_MEMBERS is read-only",
	},
	[IFLA_ETRUNK_ACTIVE_MEMBERS] = {
		.type = NLA_REJECT,
		.reject_message = "IFLA_ETRUNK_ACTIVE_MEMBERS is read-only",
	},
	[IFLA_ETRUNK_MAX_LINKS] = NLA_POLICY_MAX(NLA_U32, ETRUNK_MAX_MEMBERS),
	[IFLA_ETRUNK_PAD] = { .type = NLA_REJECT },
	[IFLA_ETRUNK_REVERTIVE] = NLA_POLICY_MAX(NLA_U8, 1),
	[IFLA_ETRUNK_REVERT_DELAY] = NLA_POLICY_FULL_RANGE(NLA_U32, &etrunk_revert_delay_range),
	[IFLA_ETRUNK_GRAT_ARP] = { .type = NLA_U8 },
	[IFLA_ETRUNK_FLUSH_COUNT] = NLA_POLICY_MAX(NLA_U8, ETRUNK_MAX_FLUSH_COUNT),
	[IFLA_ETRUNK_FLUSH_INTERVAL] = NLA_POLICY_RANGE(NLA_U16, 1, 1000),
	[IFLA_ETRUNK_FLUSH_KEY] = { .type = NLA_BINARY, .len = ETRUNK_FLUSH_KEY_MAX },
	[IFLA_ETRUNK_FLUSH_KEY_SET] = ETRUNK_IFLA_RO(IFLA_ETRUNK_FLUSH_KEY_SET),
	[IFLA_ETRUNK_FLUSH_RX] = NLA_POLICY_MAX(NLA_U8, 1),
	[IFLA_ETRUNK_PROBE_INTERVAL] = NLA_POLICY_FULL_RANGE(NLA_U32, &etrunk_probe_interval_range),
	[IFLA_ETRUNK_PROBE_MISSED] = NLA_POLICY_MIN(NLA_U8, 1),
	[IFLA_ETRUNK_PROBE_TARGETS] = { .type = NLA_NESTED },
	[IFLA_ETRUNK_PROBE_TARGET] = {
		.type = NLA_REJECT,
		.reject_message = "IFLA_ETRUNK_PROBE_TARGET belongs in IFLA_ETRUNK_PROBE_TARGETS",
	},
	[IFLA_ETRUNK_ACTIVE_MEMBER] = ETRUNK_IFLA_RO(IFLA_ETRUNK_ACTIVE_MEMBER),
	[IFLA_ETRUNK_SWITCHOVERS] = ETRUNK_IFLA_RO(IFLA_ETRUNK_SWITCHOVERS),
	[IFLA_ETRUNK_SWITCHOVER_REASON] = ETRUNK_IFLA_RO(IFLA_ETRUNK_SWITCHOVER_REASON),
	[IFLA_ETRUNK_SWITCHOVER_AGE] = ETRUNK_IFLA_RO(IFLA_ETRUNK_SWITCHOVER_AGE),
	[IFLA_ETRUNK_LACP_SYSTEM_PRIO] = NLA_POLICY_MIN(NLA_U16, 1),
	[IFLA_ETRUNK_LACP_SYSTEM] = NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[IFLA_ETRUNK_LACP_KEY] = NLA_POLICY_MIN(NLA_U16, 1),
	[IFLA_ETRUNK_LACP_PORT_OFFSET] =
		NLA_POLICY_FULL_RANGE(NLA_U16, &etrunk_lacp_port_offset_range),
	[IFLA_ETRUNK_LACP_RATE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_LACP_RATE_MAX),
	[IFLA_ETRUNK_LACP_ROLE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_LACP_ROLE_MAX),
	[IFLA_ETRUNK_LACP_SELECT] = NLA_POLICY_MAX(NLA_U8, ETRUNK_LACP_SELECT_MAX),
	[IFLA_ETRUNK_LACP_PREEMPT] = NLA_POLICY_MAX(NLA_U8, 1),
	[IFLA_ETRUNK_LACP_PREEMPT_DELAY] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &etrunk_lacp_preempt_delay_range),
};

static const struct nla_policy etrunk_member_policy[IFLA_ETRUNK_MEMBER_MAX + 1] = {
	[IFLA_ETRUNK_MEMBER_STATE] = {
		.type = NLA_REJECT,
		.reject_message = "IFLA_ETRUNK_MEMBER_STATE is read-only",
	},
	[IFLA_ETRUNK_MEMBER_LINK_FAILURES] = {
		.type = NLA_REJECT,
		.reject_message = "IFLA_ETRUNK_MEMBER_LINK_FAILURES is read-only",
	},
	[IFLA_ETRUNK_MEMBER_PRIORITY] = { .type = NLA_U16 },
	[IFLA_ETRUNK_MEMBER_REASON] = {
		.type = NLA_REJECT,
		.reject_message = "IFLA_ETRUNK_MEMBER_REASON is read-only",
	},
	[IFLA_ETRUNK_MEMBER_LACP_PORT_PRIO] = NLA_POLICY_MIN(NLA_U16, 1),
	[IFLA_ETRUNK_MEMBER_LACP_ACTIVE] = NLA_POLICY_MAX(NLA_U8, 1),
	[IFLA_ETRUNK_MEMBER_LACP] = ETRUNK_IFLA_RO(IFLA_ETRUNK_MEMBER_LACP),
};

/* rtnetlink parses IFLA_INFO_DATA liberally (unknown attributes are
 * skipped); validate it again strictly so a request with an attribute this
 * module does not know fails instead of being half applied.
 */
static int etrunk_validate(struct nlattr *tb[], struct nlattr *data[],
			   struct netlink_ext_ack *extack)
{
	const struct nlattr *info_data;

	if (tb[IFLA_ADDRESS]) {
		if (nla_len(tb[IFLA_ADDRESS]) != ETH_ALEN ||
		    !is_valid_ether_addr(nla_data(tb[IFLA_ADDRESS]))) {
			NL_SET_ERR_MSG_ATTR(extack, tb[IFLA_ADDRESS],
					    "Invalid trunk MAC address");
			return -EADDRNOTAVAIL;
		}
	}
	if (!tb[IFLA_LINKINFO])
		return 0;
	info_data = nla_find_nested(tb[IFLA_LINKINFO], IFLA_INFO_DATA);
	if (!info_data)
		return 0;
	return nla_validate_nested(info_data, IFLA_ETRUNK_MAX, etrunk_policy,
				   extack);
}

static const void *etrunk_attr_data(const struct nlattr *attr)
{
	return attr ? nla_data(attr) : NULL;
}

static int etrunk_changelink(struct net_device *dev, struct nlattr *tb[],
			     struct nlattr *data[],
			     struct netlink_ext_ack *extack)
{
	struct etrunk_params p;

	if (!data)
		return 0;
	p.mode = etrunk_attr_data(data[IFLA_ETRUNK_MODE]);
	p.hash_policy = etrunk_attr_data(data[IFLA_ETRUNK_HASH_POLICY]);
	p.min_links = etrunk_attr_data(data[IFLA_ETRUNK_MIN_LINKS]);
	p.max_links = etrunk_attr_data(data[IFLA_ETRUNK_MAX_LINKS]);
	p.revertive = etrunk_attr_data(data[IFLA_ETRUNK_REVERTIVE]);
	p.revert_delay = etrunk_attr_data(data[IFLA_ETRUNK_REVERT_DELAY]);
	p.grat_arp = etrunk_attr_data(data[IFLA_ETRUNK_GRAT_ARP]);
	p.flush_count = etrunk_attr_data(data[IFLA_ETRUNK_FLUSH_COUNT]);
	p.flush_interval = etrunk_attr_data(data[IFLA_ETRUNK_FLUSH_INTERVAL]);
	p.flush_rx = etrunk_attr_data(data[IFLA_ETRUNK_FLUSH_RX]);
	p.flush_key = data[IFLA_ETRUNK_FLUSH_KEY];
	p.probe_interval = etrunk_attr_data(data[IFLA_ETRUNK_PROBE_INTERVAL]);
	p.probe_missed = etrunk_attr_data(data[IFLA_ETRUNK_PROBE_MISSED]);
	p.probe_targets = data[IFLA_ETRUNK_PROBE_TARGETS];
	p.probe_target_type = IFLA_ETRUNK_PROBE_TARGET;
	p.lacp_system_prio = etrunk_attr_data(data[IFLA_ETRUNK_LACP_SYSTEM_PRIO]);
	p.lacp_system = data[IFLA_ETRUNK_LACP_SYSTEM];
	p.lacp_key = etrunk_attr_data(data[IFLA_ETRUNK_LACP_KEY]);
	p.lacp_port_offset = etrunk_attr_data(data[IFLA_ETRUNK_LACP_PORT_OFFSET]);
	p.lacp_rate = etrunk_attr_data(data[IFLA_ETRUNK_LACP_RATE]);
	p.lacp_role = etrunk_attr_data(data[IFLA_ETRUNK_LACP_ROLE]);
	p.lacp_select = etrunk_attr_data(data[IFLA_ETRUNK_LACP_SELECT]);
	p.lacp_preempt = etrunk_attr_data(data[IFLA_ETRUNK_LACP_PREEMPT]);
	p.lacp_preempt_delay =
		etrunk_attr_data(data[IFLA_ETRUNK_LACP_PREEMPT_DELAY]);
	return etrunk_set_params(netdev_priv(dev), &p, extack);
}

int etrunk_create(struct net_device *dev, struct nlattr *tb[],
		  struct nlattr *data[], struct netlink_ext_ack *extack)
{
	struct etrunk *et = netdev_priv(dev);
	int err;

	err = etrunk_changelink(dev, tb, data, extack);
	if (!err)
		err = register_netdevice(dev);
	/* An unregistered device is freed without ndo_uninit: the key and
	 * the probe targets.
	 */
	if (err) {
		etrunk_flush_set_key(et, NULL);
		etrunk_probe_set_targets(et, NULL);
	}
	return err;
}

static size_t etrunk_get_size(const struct net_device *dev)
{
	return nla_total_size(sizeof(u8)) +	/* IFLA_ETRUNK_MODE */
	       nla_total_size(sizeof(u8)) +	/* IFLA_ETRUNK_HASH_POLICY */
	       nla_total_size(sizeof(u32)) +	/* IFLA_ETRUNK_MIN_LINKS */
	       nla_total_size(sizeof(u32)) +	/* IFLA_ETRUNK_MEMBERS */
	       nla_total_size(sizeof(u32)) +	/* IFLA_ETRUNK_ACTIVE_MEMBERS */
	       nla_total_size(sizeof(u32)) +	/* IFLA_ETRUNK_MAX_LINKS */
	       5 * nla_total_size(sizeof(u8)) +	/* REVERTIVE ... FLUSH_RX */
	       nla_total_size(sizeof(u16)) +	/* FLUSH_INTERVAL */
	       2 * nla_total_size(sizeof(u32)) +	/* REVERT_DELAY, PROBE_INTERVAL */
	       nla_total_size(sizeof(u8)) +	/* PROBE_MISSED */
	       nla_total_size(0) +		/* PROBE_TARGETS */
	       ETRUNK_MAX_PROBE_TARGETS * nla_total_size(16) +
	       2 * nla_total_size(sizeof(u32)) +	/* ACTIVE_MEMBER, SWITCHOVERS */
	       nla_total_size(sizeof(u8)) +	/* SWITCHOVER_REASON */
	       nla_total_size_64bit(sizeof(u64)) +	/* SWITCHOVER_AGE */
	       etrunk_lacp_size();
}

static int etrunk_fill_info(struct sk_buff *skb, const struct net_device *dev)
{
	const struct etrunk *et = netdev_priv(dev);

	if (nla_put_u8(skb, IFLA_ETRUNK_MODE, et->mode) ||
	    nla_put_u8(skb, IFLA_ETRUNK_HASH_POLICY, et->hash_policy) ||
	    nla_put_u32(skb, IFLA_ETRUNK_MIN_LINKS, et->min_links) ||
	    nla_put_u32(skb, IFLA_ETRUNK_MEMBERS, et->member_count) ||
	    nla_put_u32(skb, IFLA_ETRUNK_ACTIVE_MEMBERS,
			READ_ONCE(et->tx_count)) ||
	    nla_put_u32(skb, IFLA_ETRUNK_MAX_LINKS, et->max_links))
		return -EMSGSIZE;
	if (et->mode == ETRUNK_MODE_LACP)
		return etrunk_put_lacp(skb, et, IFLA_ETRUNK_LACP_SYSTEM_PRIO);
	if (et->mode != ETRUNK_MODE_BACKUP)
		return 0;
	if (etrunk_put_backup(skb, et, IFLA_ETRUNK_REVERTIVE, IFLA_ETRUNK_PAD) ||
	    etrunk_probe_put_targets(skb, et, IFLA_ETRUNK_PROBE_TARGETS,
				     IFLA_ETRUNK_PROBE_TARGET))
		return -EMSGSIZE;
	return 0;
}

static size_t etrunk_get_member_size(const struct net_device *dev,
				     const struct net_device *mdev)
{
	return nla_total_size(sizeof(u8)) +	/* IFLA_ETRUNK_MEMBER_STATE */
	       nla_total_size(sizeof(u32)) +	/* IFLA_ETRUNK_MEMBER_LINK_FAILURES */
	       nla_total_size(sizeof(u16)) +	/* IFLA_ETRUNK_MEMBER_PRIORITY */
	       nla_total_size(sizeof(u8)) +	/* IFLA_ETRUNK_MEMBER_REASON */
	       nla_total_size(sizeof(u16)) +	/* IFLA_ETRUNK_MEMBER_LACP_PORT_PRIO */
	       nla_total_size(sizeof(u8)) +	/* IFLA_ETRUNK_MEMBER_LACP_ACTIVE */
	       etrunk_lacp_member_size();	/* IFLA_ETRUNK_MEMBER_LACP */
}

/* Under RTNL alone, which keeps the member and its configuration: what
 * the protocol machines change under the trunk's lock is read one value
 * at a time, as it is at that moment (bonding's slave dump does the same).
 */
static int etrunk_fill_member_info(struct sk_buff *skb,
				   const struct net_device *dev,
				   const struct net_device *mdev)
{
	struct etrunk_member *m = etrunk_member_get_rtnl(mdev);

	if (!m)
		return 0;
	if (nla_put_u8(skb, IFLA_ETRUNK_MEMBER_STATE, READ_ONCE(m->state)) ||
	    nla_put_u32(skb, IFLA_ETRUNK_MEMBER_LINK_FAILURES,
			READ_ONCE(m->link_failures)) ||
	    nla_put_u16(skb, IFLA_ETRUNK_MEMBER_PRIORITY, m->priority) ||
	    nla_put_u8(skb, IFLA_ETRUNK_MEMBER_REASON, READ_ONCE(m->reason)))
		return -EMSGSIZE;
	if (m->et->mode != ETRUNK_MODE_LACP)
		return 0;
	if (nla_put_u16(skb, IFLA_ETRUNK_MEMBER_LACP_PORT_PRIO,
			m->lacp.port_prio) ||
	    nla_put_u8(skb, IFLA_ETRUNK_MEMBER_LACP_ACTIVE, m->lacp.active) ||
	    etrunk_lacp_put_member(skb, m, IFLA_ETRUNK_MEMBER_LACP))
		return -EMSGSIZE;
	return 0;
}

static int etrunk_member_changelink(struct net_device *dev,
				    struct net_device *mdev,
				    struct nlattr *tb[], struct nlattr *data[],
				    struct netlink_ext_ack *extack)
{
	struct etrunk_member *m = etrunk_member_get_rtnl(mdev);
	int err;

	if (!m || !data)
		return 0;
	/* As for IFLA_INFO_DATA: rtnetlink parsed it liberally. */
	err = nla_validate_nested(nla_find_nested(tb[IFLA_LINKINFO],
						  IFLA_INFO_SLAVE_DATA),
				  IFLA_ETRUNK_MEMBER_MAX, etrunk_member_policy,
				  extack);
	if (err)
		return err;
	mutex_lock(&m->et->lock);
	if (data[IFLA_ETRUNK_MEMBER_PRIORITY])
		m->priority = nla_get_u16(data[IFLA_ETRUNK_MEMBER_PRIORITY]);
	if (data[IFLA_ETRUNK_MEMBER_LACP_PORT_PRIO])
		m->lacp.port_prio = nla_get_u16(data[IFLA_ETRUNK_MEMBER_LACP_PORT_PRIO]);
	if (data[IFLA_ETRUNK_MEMBER_LACP_ACTIVE])
		m->lacp.active = nla_get_u8(data[IFLA_ETRUNK_MEMBER_LACP_ACTIVE]);
	__etrunk_select(m->et, NULL);
	etrunk_lacp_changed(m->et);
	mutex_unlock(&m->et->lock);
	return 0;
}

struct rtnl_link_ops etrunk_link_ops __read_mostly = {
	.kind			= ETRUNK_LINK_KIND,
	.priv_size		= sizeof(struct etrunk),
	.setup			= etrunk_setup,
	.maxtype		= IFLA_ETRUNK_MAX,
	.policy			= etrunk_policy,
	.validate		= etrunk_validate,
	.newlink		= etrunk_newlink,
	.changelink		= etrunk_changelink,
	.get_size		= etrunk_get_size,
	.fill_info		= etrunk_fill_info,
	.slave_maxtype		= IFLA_ETRUNK_MEMBER_MAX,
	.slave_policy		= etrunk_member_policy,
	.slave_changelink	= etrunk_member_changelink,
	.get_slave_size		= etrunk_get_member_size,
	.fill_slave_info	= etrunk_fill_member_info,
};
