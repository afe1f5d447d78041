// SPDX-License-Identifier: GPL-2.0
/*
 * E-Trunk groups (see "E-Trunk groups" in uapi/linux/etrunk.h): per
 * namespace, the configuration of the peer protocol etrunkd runs, the
 * member trunks bound to each group, and what the daemon writes back: the
 * role of each member trunk (applied to a trunk in mode lacp as its LACP
 * role; in mode backup, role backup makes both members stand by) and the
 * state of the peer. Everything here runs under RTNL.
 */

#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "bfd.h"
#include "device.h"
#include "etrunk_group.h"
#include "genetlink.h"
#include "member.h"
#include "rbs.h"

#define ETRUNK_GROUP_RO(attr) \
	{ .type = NLA_REJECT, .reject_message = #attr " is read-only" }

static int etrunk_group_validate_addr(const struct nlattr *attr,
				      struct netlink_ext_ack *extack)
{
	int len = nla_len(attr);

	/* The liveness address may be empty: no liveness address. */
	if (len == 4 || len == 16 ||
	    (!len && nla_type(attr) == ETRUNK_GROUP_A_LIVENESS_ADDR))
		return 0;
	NL_SET_ERR_MSG_ATTR(extack, attr,
			    "An address is 4 (IPv4) or 16 (IPv6) bytes");
	return -EINVAL;
}

static struct netlink_range_validation etrunk_revert_ms_range = {
	.max = ETRUNK_GROUP_MAX_REVERT_DELAY * 1000,
};

static struct netlink_range_validation etrunk_hello_interval_range = {
	.min = ETRUNK_GROUP_MIN_HELLO_INTERVAL,
	.max = ETRUNK_GROUP_MAX_HELLO_INTERVAL,
};

static struct netlink_range_validation etrunk_group_bfd_interval_range = {
	.min = ETRUNK_BFD_MIN_INTERVAL,
	.max = ETRUNK_BFD_MAX_INTERVAL,
};

const struct nla_policy etrunk_group_policy[ETRUNK_GROUP_A_MAX + 1] = {
	[ETRUNK_GROUP_A_ID] = NLA_POLICY_RANGE(NLA_U32, 1, ETRUNK_GROUP_MAX),
	[ETRUNK_GROUP_A_PRIORITY] = NLA_POLICY_RANGE(NLA_U8, 1, 254),
	[ETRUNK_GROUP_A_SYSTEM] = NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[ETRUNK_GROUP_A_PEER_ADDR] =
		NLA_POLICY_VALIDATE_FN(NLA_BINARY, etrunk_group_validate_addr, 16),
	[ETRUNK_GROUP_A_SOURCE_ADDR] =
		NLA_POLICY_VALIDATE_FN(NLA_BINARY, etrunk_group_validate_addr, 16),
	[ETRUNK_GROUP_A_LIVENESS_ADDR] =
		NLA_POLICY_VALIDATE_FN(NLA_BINARY, etrunk_group_validate_addr, 16),
	[ETRUNK_GROUP_A_PORT] = NLA_POLICY_MIN(NLA_U16, 1),
	[ETRUNK_GROUP_A_KEY] = { .type = NLA_BINARY, .len = ETRUNK_GROUP_KEY_MAX },
	[ETRUNK_GROUP_A_KEY_SET] = ETRUNK_GROUP_RO(ETRUNK_GROUP_A_KEY_SET),
	[ETRUNK_GROUP_A_HELLO_INTERVAL] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &etrunk_hello_interval_range),
	[ETRUNK_GROUP_A_HOLD_MULT] =
		NLA_POLICY_MIN(NLA_U8, ETRUNK_GROUP_MIN_HOLD_MULT),
	[ETRUNK_GROUP_A_REVERT_DELAY] =
		NLA_POLICY_MAX(NLA_U32, ETRUNK_GROUP_MAX_REVERT_DELAY),
	[ETRUNK_GROUP_A_DESCRIPTION] = {
		.type = NLA_NUL_STRING, .len = ETRUNK_GROUP_DESCR_MAX
	},
	[ETRUNK_GROUP_A_PEER_STATE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_PEER_MAX),
	[ETRUNK_GROUP_A_HELLOS_TX] = { .type = NLA_U64 },
	[ETRUNK_GROUP_A_HELLOS_RX] = { .type = NLA_U64 },
	[ETRUNK_GROUP_A_AUTH_FAILURES] = { .type = NLA_U64 },
	[ETRUNK_GROUP_A_REPLAYS] = { .type = NLA_U64 },
	[ETRUNK_GROUP_A_ROLE_CHANGES] = { .type = NLA_U64 },
	[ETRUNK_GROUP_A_DROPS] = { .type = NLA_U64 },
	[ETRUNK_GROUP_A_TRUNKS] = ETRUNK_GROUP_RO(ETRUNK_GROUP_A_TRUNKS),
	[ETRUNK_GROUP_A_TRUNK] = ETRUNK_GROUP_RO(ETRUNK_GROUP_A_TRUNK),
	[ETRUNK_GROUP_A_BFD_SESSION] = {
		.type = NLA_NUL_STRING, .len = ETRUNK_BFD_NAME_MAX
	},
	[ETRUNK_GROUP_A_BFD] = NLA_POLICY_MAX(NLA_U8, 1),
	[ETRUNK_GROUP_A_BFD_MIN_TX] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &etrunk_group_bfd_interval_range),
	[ETRUNK_GROUP_A_BFD_MIN_RX] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &etrunk_group_bfd_interval_range),
	[ETRUNK_GROUP_A_BFD_MULT] = NLA_POLICY_MIN(NLA_U8, 1),
};

const struct nla_policy etrunk_binding_policy[ETRUNK_BIND_A_MAX + 1] = {
	[ETRUNK_BIND_A_IFINDEX] = {
		.type = NLA_REJECT,
		.reject_message = "Name the trunk with ETRUNK_A_IFINDEX or ETRUNK_A_IFNAME",
	},
	[ETRUNK_BIND_A_IFNAME] = {
		.type = NLA_REJECT,
		.reject_message = "Name the trunk with ETRUNK_A_IFINDEX or ETRUNK_A_IFNAME",
	},
	[ETRUNK_BIND_A_GROUP] = NLA_POLICY_RANGE(NLA_U32, 1, ETRUNK_GROUP_MAX),
	[ETRUNK_BIND_A_MODE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_EGROUP_MODE_MAX),
	[ETRUNK_BIND_A_REMOTE_ID] = { .type = NLA_U32 },
	[ETRUNK_BIND_A_CLEAR_REMOTE_ID] = { .type = NLA_FLAG },
	[ETRUNK_BIND_A_BASIS] = NLA_POLICY_MAX(NLA_U8, ETRUNK_EGROUP_BASIS_MAX),
	[ETRUNK_BIND_A_ROLE] = NLA_POLICY_RANGE(NLA_U8, ETRUNK_EROLE_MASTER,
						ETRUNK_EROLE_BACKUP),
	[ETRUNK_BIND_A_REASON] = NLA_POLICY_MAX(NLA_U8, ETRUNK_EREASON_MAX),
	[ETRUNK_BIND_A_REVERT_MS] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &etrunk_revert_ms_range),
	[ETRUNK_BIND_A_ID] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* The group attributes each kind of command takes. */
#define ETRUNK_GROUP_CONFIG (BIT(ETRUNK_GROUP_A_ID) | BIT(ETRUNK_GROUP_A_PRIORITY) | \
	BIT(ETRUNK_GROUP_A_SYSTEM) | BIT(ETRUNK_GROUP_A_PEER_ADDR) | \
	BIT(ETRUNK_GROUP_A_SOURCE_ADDR) | BIT(ETRUNK_GROUP_A_LIVENESS_ADDR) | \
	BIT(ETRUNK_GROUP_A_PORT) | BIT(ETRUNK_GROUP_A_KEY) | \
	BIT(ETRUNK_GROUP_A_HELLO_INTERVAL) | BIT(ETRUNK_GROUP_A_HOLD_MULT) | \
	BIT(ETRUNK_GROUP_A_REVERT_DELAY) | BIT(ETRUNK_GROUP_A_DESCRIPTION) | \
	BIT(ETRUNK_GROUP_A_BFD_SESSION) | BIT(ETRUNK_GROUP_A_BFD) | \
	BIT(ETRUNK_GROUP_A_BFD_MIN_TX) | BIT(ETRUNK_GROUP_A_BFD_MIN_RX) | \
	BIT(ETRUNK_GROUP_A_BFD_MULT))
#define ETRUNK_GROUP_STATE (BIT(ETRUNK_GROUP_A_ID) | BIT(ETRUNK_GROUP_A_PEER_STATE) | \
	BIT(ETRUNK_GROUP_A_HELLOS_TX) | BIT(ETRUNK_GROUP_A_HELLOS_RX) | \
	BIT(ETRUNK_GROUP_A_AUTH_FAILURES) | BIT(ETRUNK_GROUP_A_REPLAYS) | \
	BIT(ETRUNK_GROUP_A_ROLE_CHANGES) | BIT(ETRUNK_GROUP_A_DROPS))

#define ETRUNK_BIND_CONFIG (BIT(ETRUNK_BIND_A_GROUP) | BIT(ETRUNK_BIND_A_MODE) | \
	BIT(ETRUNK_BIND_A_REMOTE_ID) | BIT(ETRUNK_BIND_A_CLEAR_REMOTE_ID) | \
	BIT(ETRUNK_BIND_A_BASIS) | BIT(ETRUNK_BIND_A_ID))
#define ETRUNK_BIND_ROLE (BIT(ETRUNK_BIND_A_ROLE) | BIT(ETRUNK_BIND_A_REASON) | \
	BIT(ETRUNK_BIND_A_REVERT_MS))

/* Refuse an attribute of @tb outside @allowed, telling who writes it. */
static int etrunk_group_only(struct nlattr **tb, int max, unsigned long allowed,
			     unsigned long config, const char *config_cmd,
			     const char *other_cmd, struct netlink_ext_ack *extack)
{
	int i;

	for (i = 1; i <= max; i++) {
		if (!tb[i] || (allowed & BIT(i)))
			continue;
		if (extack) {
			extack->_msg = config & BIT(i) ? config_cmd : other_cmd;
			NL_SET_BAD_ATTR(extack, tb[i]);
		}
		return -EINVAL;
	}
	return 0;
}

static const char etrunk_group_config_cmd[] =
	"Written with ETRUNK_CMD_NEW_GROUP or ETRUNK_CMD_SET_GROUP";
static const char etrunk_group_state_cmd[] =
	"Written with ETRUNK_CMD_SET_GROUP_STATE";
static const char etrunk_group_id_only[] = "Only ETRUNK_GROUP_A_ID is taken here";

/*
 * The group nest of a request into @tb: the id is required, and only the
 * attributes in @allowed are taken (the others are refused, naming the
 * command that writes them).
 */
static int etrunk_group_parse(struct genl_info *info, struct nlattr **tb,
			      unsigned long allowed)
{
	struct nlattr *nest = info->attrs[ETRUNK_A_GROUP];
	int err;

	if (!nest) {
		NL_SET_ERR_MSG(info->extack, "ETRUNK_A_GROUP is required");
		return -EINVAL;
	}
	err = nla_parse_nested(tb, ETRUNK_GROUP_A_MAX, nest,
			       etrunk_group_policy, info->extack);
	if (err)
		return err;
	if (!tb[ETRUNK_GROUP_A_ID]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "ETRUNK_GROUP_A_ID is required");
		return -EINVAL;
	}
	if (allowed == BIT(ETRUNK_GROUP_A_ID))
		return etrunk_group_only(tb, ETRUNK_GROUP_A_MAX, allowed, 0,
					 NULL, etrunk_group_id_only,
					 info->extack);
	return etrunk_group_only(tb, ETRUNK_GROUP_A_MAX, allowed,
				 ETRUNK_GROUP_CONFIG, etrunk_group_config_cmd,
				 etrunk_group_state_cmd, info->extack);
}

static struct etrunk_groups *etrunk_groups_of(struct genl_info *info)
{
	return &etrunk_net(genl_info_net(info))->groups;
}

static struct etrunk_group *etrunk_group_find(struct genl_info *info,
					      struct nlattr *id)
{
	struct etrunk_group *g;

	g = etrunk_groups_of(info)->group[nla_get_u32(id) - 1];
	if (!g)
		NL_SET_ERR_MSG_ATTR(info->extack, id, "No such E-Trunk group");
	return g;
}

/* ---- messages ----------------------------------------------------------- */

size_t etrunk_binding_size(void)
{
	return nla_total_size(0) +			/* the nest */
	       nla_total_size(sizeof(u32)) +		/* IFINDEX */
	       nla_total_size(IFNAMSIZ) +		/* IFNAME */
	       nla_total_size(sizeof(u32)) +		/* GROUP */
	       nla_total_size(sizeof(u32)) +		/* ID */
	       4 * nla_total_size(sizeof(u8)) +		/* MODE ... REASON */
	       nla_total_size(sizeof(u32)) +		/* REMOTE_ID */
	       nla_total_size(sizeof(u32));		/* REVERT_MS */
}

/* The revert wait's ms left, 0 if none (or run out). */
static u32 etrunk_binding_revert_ms(const struct etrunk_binding *b)
{
	if (b->reason != ETRUNK_EREASON_REVERT_WAIT ||
	    !time_before(jiffies, b->revert_at))
		return 0;
	return jiffies_to_msecs(b->revert_at - jiffies);
}

static size_t etrunk_group_size(const struct etrunk_group *g, bool trunks)
{
	return nla_total_size(0) +			/* ETRUNK_A_GROUP */
	       nla_total_size(sizeof(u32)) +		/* ID */
	       nla_total_size(sizeof(u8)) +		/* PRIORITY */
	       nla_total_size(ETH_ALEN) +		/* SYSTEM */
	       3 * nla_total_size(16) +			/* addresses */
	       nla_total_size(sizeof(u16)) +		/* PORT */
	       nla_total_size(sizeof(u8)) +		/* KEY_SET */
	       nla_total_size(sizeof(u32)) +		/* HELLO_INTERVAL */
	       nla_total_size(sizeof(u8)) +		/* HOLD_MULT */
	       nla_total_size(sizeof(u32)) +		/* REVERT_DELAY */
	       nla_total_size(ETRUNK_GROUP_DESCR_MAX + 1) +
	       nla_total_size(sizeof(u8)) +		/* PEER_STATE */
	       6 * nla_total_size_64bit(sizeof(u64)) +	/* counters */
	       nla_total_size(ETRUNK_BFD_NAME_MAX + 1) +	/* BFD_SESSION */
	       2 * nla_total_size(sizeof(u8)) +		/* BFD, BFD_MULT */
	       2 * nla_total_size(sizeof(u32)) +	/* BFD_MIN_TX, _RX */
	       (trunks ? nla_total_size(0) +
			 g->n_bindings * etrunk_binding_size() : 0);
}

int etrunk_binding_put(struct sk_buff *skb, int type,
		       const struct etrunk_binding *b)
{
	u32 revert_ms = etrunk_binding_revert_ms(b);
	struct nlattr *nest;

	nest = nla_nest_start(skb, type);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, ETRUNK_BIND_A_IFINDEX, b->et->dev->ifindex) ||
	    nla_put_string(skb, ETRUNK_BIND_A_IFNAME, b->et->dev->name) ||
	    nla_put_u32(skb, ETRUNK_BIND_A_GROUP, b->group->id) ||
	    nla_put_u32(skb, ETRUNK_BIND_A_ID, b->id) ||
	    nla_put_u8(skb, ETRUNK_BIND_A_MODE, b->mode) ||
	    (b->has_remote_id &&
	     nla_put_u32(skb, ETRUNK_BIND_A_REMOTE_ID, b->remote_id)) ||
	    nla_put_u8(skb, ETRUNK_BIND_A_BASIS, b->basis) ||
	    nla_put_u8(skb, ETRUNK_BIND_A_ROLE, b->role) ||
	    nla_put_u8(skb, ETRUNK_BIND_A_REASON, b->reason) ||
	    (revert_ms &&
	     nla_put_u32(skb, ETRUNK_BIND_A_REVERT_MS, revert_ms))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int etrunk_group_put_counter(struct sk_buff *skb, int type, u64 v)
{
	return nla_put_u64_64bit(skb, type, v, ETRUNK_GROUP_A_PAD);
}

static int etrunk_group_put(struct sk_buff *skb, const struct etrunk_group *g,
			    bool trunks)
{
	const struct etrunk_binding *b;
	struct nlattr *nest, *list;

	nest = nla_nest_start(skb, ETRUNK_A_GROUP);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, ETRUNK_GROUP_A_ID, g->id) ||
	    nla_put_u8(skb, ETRUNK_GROUP_A_PRIORITY, g->priority) ||
	    nla_put(skb, ETRUNK_GROUP_A_SYSTEM, ETH_ALEN, g->system) ||
	    nla_put(skb, ETRUNK_GROUP_A_PEER_ADDR, g->addr_len, g->peer) ||
	    nla_put(skb, ETRUNK_GROUP_A_SOURCE_ADDR, g->addr_len, g->source) ||
	    (g->has_liveness &&
	     nla_put(skb, ETRUNK_GROUP_A_LIVENESS_ADDR, g->addr_len,
		     g->liveness)) ||
	    nla_put_u16(skb, ETRUNK_GROUP_A_PORT, g->port) ||
	    nla_put_u8(skb, ETRUNK_GROUP_A_KEY_SET, !!g->key_len) ||
	    nla_put_u32(skb, ETRUNK_GROUP_A_HELLO_INTERVAL, g->hello_interval) ||
	    nla_put_u8(skb, ETRUNK_GROUP_A_HOLD_MULT, g->hold_mult) ||
	    nla_put_u32(skb, ETRUNK_GROUP_A_REVERT_DELAY, g->revert_delay) ||
	    (g->descr[0] &&
	     nla_put_string(skb, ETRUNK_GROUP_A_DESCRIPTION, g->descr)) ||
	    nla_put_u8(skb, ETRUNK_GROUP_A_PEER_STATE, g->peer_state) ||
	    etrunk_group_put_counter(skb, ETRUNK_GROUP_A_HELLOS_TX, g->hellos_tx) ||
	    etrunk_group_put_counter(skb, ETRUNK_GROUP_A_HELLOS_RX, g->hellos_rx) ||
	    etrunk_group_put_counter(skb, ETRUNK_GROUP_A_AUTH_FAILURES,
				     g->auth_failures) ||
	    etrunk_group_put_counter(skb, ETRUNK_GROUP_A_REPLAYS, g->replays) ||
	    etrunk_group_put_counter(skb, ETRUNK_GROUP_A_ROLE_CHANGES,
				     g->role_changes) ||
	    etrunk_group_put_counter(skb, ETRUNK_GROUP_A_DROPS, g->drops) ||
	    (g->bfd_bound &&
	     nla_put_string(skb, ETRUNK_GROUP_A_BFD_SESSION,
			    etrunk_bfd_name(g->bfd_bound))) ||
	    nla_put_u8(skb, ETRUNK_GROUP_A_BFD, !!g->bfd_owned) ||
	    nla_put_u32(skb, ETRUNK_GROUP_A_BFD_MIN_TX, g->bfd_min_tx) ||
	    nla_put_u32(skb, ETRUNK_GROUP_A_BFD_MIN_RX, g->bfd_min_rx) ||
	    nla_put_u8(skb, ETRUNK_GROUP_A_BFD_MULT, g->bfd_mult))
		goto cancel;
	if (trunks) {
		list = nla_nest_start(skb, ETRUNK_GROUP_A_TRUNKS);
		if (!list)
			goto cancel;
		list_for_each_entry(b, &g->bindings, list)
			if (etrunk_binding_put(skb, ETRUNK_GROUP_A_TRUNK, b))
				goto cancel;
		nla_nest_end(skb, list);
	}
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/* etrunk_genl_put_t: replies and dumps have the trunks, events not. */
static int etrunk_group_put_all(struct sk_buff *skb, struct net *net,
				const void *obj)
{
	return etrunk_group_put(skb, obj, true);
}

static int etrunk_group_put_notrunks(struct sk_buff *skb, struct net *net,
				     const void *obj)
{
	return etrunk_group_put(skb, obj, false);
}

static void etrunk_group_event(struct net *net, const struct etrunk_group *g,
			       u8 event)
{
	etrunk_genl_event(net, event, etrunk_group_size(g, false),
			  etrunk_group_put_notrunks, g);
}

void etrunk_group_changed(struct net *net, struct etrunk_group *g)
{
	etrunk_group_event(net, g, ETRUNK_EVENT_GROUP_CHANGED);
}

/* A binding's event: its trunk's ids and ETRUNK_A_BINDING. */
static int etrunk_binding_put_event(struct sk_buff *skb, struct net *net,
				    const void *obj)
{
	const struct etrunk_binding *b = obj;

	if (etrunk_genl_put_ids(skb, b->et) ||
	    etrunk_binding_put(skb, ETRUNK_A_BINDING, b))
		return -EMSGSIZE;
	return 0;
}

static void etrunk_binding_event(const struct etrunk_binding *b, u8 event)
{
	etrunk_genl_event(dev_net(b->et->dev), event,
			  nla_total_size(sizeof(u32)) +
			  nla_total_size(IFNAMSIZ) +
			  etrunk_binding_size(), etrunk_binding_put_event, b);
}

/* ---- groups ------------------------------------------------------------- */

static int etrunk_group_addr_len(struct nlattr *a, u8 len)
{
	return a ? nla_len(a) : len;
}

/* Check the configuration @tb would give @g (NULL: a new group). */
static int etrunk_group_check(const struct etrunk_group *g, struct nlattr **tb,
			      struct netlink_ext_ack *extack)
{
	struct nlattr *sys = tb[ETRUNK_GROUP_A_SYSTEM];
	struct nlattr *live = tb[ETRUNK_GROUP_A_LIVENESS_ADDR];
	u8 cur = g ? g->addr_len : 0;
	struct nlattr *bad;
	int peer, src, lv;

	if (sys && !is_valid_ether_addr(nla_data(sys))) {
		NL_SET_ERR_MSG_ATTR(extack, sys,
				    "The system ID must be a unicast MAC address, not all zeros");
		return -EINVAL;
	}
	peer = etrunk_group_addr_len(tb[ETRUNK_GROUP_A_PEER_ADDR], cur);
	src = etrunk_group_addr_len(tb[ETRUNK_GROUP_A_SOURCE_ADDR], cur);
	lv = live ? nla_len(live) : (g && g->has_liveness ? cur : 0);
	if (peer != src) {
		bad = tb[ETRUNK_GROUP_A_SOURCE_ADDR] ?: tb[ETRUNK_GROUP_A_PEER_ADDR];
	} else if (lv && lv != peer) {
		bad = live ?: tb[ETRUNK_GROUP_A_SOURCE_ADDR] ?:
		      tb[ETRUNK_GROUP_A_PEER_ADDR];
	} else {
		return 0;
	}
	NL_SET_ERR_MSG_ATTR(extack, bad,
			    "The addresses of a group must be of one family");
	return -EINVAL;
}

static void etrunk_group_apply(struct etrunk_group *g, struct nlattr **tb)
{
	struct nlattr *a;

	if (tb[ETRUNK_GROUP_A_PRIORITY])
		g->priority = nla_get_u8(tb[ETRUNK_GROUP_A_PRIORITY]);
	if (tb[ETRUNK_GROUP_A_SYSTEM])
		ether_addr_copy(g->system, nla_data(tb[ETRUNK_GROUP_A_SYSTEM]));
	a = tb[ETRUNK_GROUP_A_PEER_ADDR];
	if (a) {
		g->addr_len = nla_len(a);
		memcpy(g->peer, nla_data(a), nla_len(a));
	}
	a = tb[ETRUNK_GROUP_A_SOURCE_ADDR];
	if (a) {
		g->addr_len = nla_len(a);
		memcpy(g->source, nla_data(a), nla_len(a));
	}
	a = tb[ETRUNK_GROUP_A_LIVENESS_ADDR];
	if (a) {
		g->has_liveness = nla_len(a) != 0;
		memcpy(g->liveness, nla_data(a), nla_len(a));
	}
	if (tb[ETRUNK_GROUP_A_PORT])
		g->port = nla_get_u16(tb[ETRUNK_GROUP_A_PORT]);
	a = tb[ETRUNK_GROUP_A_KEY];
	if (a) {
		memzero_explicit(g->key, sizeof(g->key));
		g->key_len = nla_len(a);
		memcpy(g->key, nla_data(a), nla_len(a));
	}
	if (tb[ETRUNK_GROUP_A_HELLO_INTERVAL])
		g->hello_interval = nla_get_u32(tb[ETRUNK_GROUP_A_HELLO_INTERVAL]);
	if (tb[ETRUNK_GROUP_A_HOLD_MULT])
		g->hold_mult = nla_get_u8(tb[ETRUNK_GROUP_A_HOLD_MULT]);
	if (tb[ETRUNK_GROUP_A_REVERT_DELAY])
		g->revert_delay = nla_get_u32(tb[ETRUNK_GROUP_A_REVERT_DELAY]);
	if (tb[ETRUNK_GROUP_A_DESCRIPTION])
		nla_strscpy(g->descr, tb[ETRUNK_GROUP_A_DESCRIPTION],
			    sizeof(g->descr));
}

static void etrunk_group_free(struct etrunk_group *g)
{
	kfree_sensitive(g);
}

int etrunk_genl_new_group(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_GROUP_A_MAX + 1];
	struct nlattr *nest = info->attrs[ETRUNK_A_GROUP];
	struct etrunk_bfd *bound, *owned = NULL;
	struct net *net = genl_info_net(info);
	struct etrunk_groups *gs;
	struct etrunk_group *g;
	u32 id;
	int err;

	err = etrunk_group_parse(info, tb, ETRUNK_GROUP_CONFIG);
	if (err)
		return err;
	if (!tb[ETRUNK_GROUP_A_SYSTEM] || !tb[ETRUNK_GROUP_A_PEER_ADDR] ||
	    !tb[ETRUNK_GROUP_A_SOURCE_ADDR]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "A new group needs ETRUNK_GROUP_A_SYSTEM, ETRUNK_GROUP_A_PEER_ADDR and ETRUNK_GROUP_A_SOURCE_ADDR");
		return -EINVAL;
	}
	err = etrunk_group_check(NULL, tb, info->extack);
	if (err)
		return err;
	id = nla_get_u32(tb[ETRUNK_GROUP_A_ID]);

	rtnl_lock();
	gs = etrunk_groups_of(info);
	if (gs->group[id - 1]) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[ETRUNK_GROUP_A_ID],
				    "The E-Trunk group exists");
		err = -EEXIST;
		goto out;
	}
	err = etrunk_bfd_group_check(net, NULL, id, tb, &bound, &owned,
				     info->extack);
	if (err)
		goto out;
	g = kzalloc(sizeof(*g), GFP_KERNEL);
	if (!g) {
		kfree(owned);
		err = -ENOMEM;
		goto out;
	}
	g->id = id;
	g->priority = ETRUNK_GROUP_DEFAULT_PRIORITY;
	g->port = ETRUNK_GROUP_DEFAULT_PORT;
	g->hello_interval = ETRUNK_GROUP_DEFAULT_HELLO_INTERVAL;
	g->hold_mult = ETRUNK_GROUP_DEFAULT_HOLD_MULT;
	g->revert_delay = ETRUNK_GROUP_DEFAULT_REVERT_DELAY;
	g->peer_state = ETRUNK_PEER_UNKNOWN;
	g->bfd_min_tx = ETRUNK_BFD_DEFAULT_INTERVAL;
	g->bfd_min_rx = ETRUNK_BFD_DEFAULT_INTERVAL;
	g->bfd_mult = ETRUNK_BFD_DEFAULT_MULT;
	INIT_LIST_HEAD(&g->bindings);
	etrunk_group_apply(g, tb);
	gs->group[id - 1] = g;
	etrunk_group_event(net, g, ETRUNK_EVENT_GROUP_ADDED);
	etrunk_bfd_group_apply(net, g, tb, bound, owned);
out:
	rtnl_unlock();
	return err;
}

int etrunk_genl_set_group(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_GROUP_A_MAX + 1];
	struct etrunk_bfd *bound, *owned;
	struct etrunk_group *g;
	int err;

	err = etrunk_group_parse(info, tb, ETRUNK_GROUP_CONFIG);
	if (err)
		return err;
	rtnl_lock();
	g = etrunk_group_find(info, tb[ETRUNK_GROUP_A_ID]);
	if (!g) {
		err = -ENOENT;
		goto out;
	}
	err = etrunk_group_check(g, tb, info->extack);
	if (err)
		goto out;
	err = etrunk_bfd_group_check(genl_info_net(info), g, g->id, tb, &bound,
				     &owned, info->extack);
	if (err)
		goto out;
	etrunk_group_apply(g, tb);
	etrunk_bfd_group_apply(genl_info_net(info), g, tb, bound, owned);
	etrunk_group_event(genl_info_net(info), g, ETRUNK_EVENT_GROUP_CHANGED);
out:
	rtnl_unlock();
	return err;
}

int etrunk_genl_set_group_state(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_GROUP_A_MAX + 1];
	struct etrunk_group *g;
	int err;

	err = etrunk_group_parse(info, tb, ETRUNK_GROUP_STATE);
	if (err)
		return err;
	rtnl_lock();
	g = etrunk_group_find(info, tb[ETRUNK_GROUP_A_ID]);
	if (!g) {
		err = -ENOENT;
		goto out;
	}
	if (tb[ETRUNK_GROUP_A_PEER_STATE])
		g->peer_state = nla_get_u8(tb[ETRUNK_GROUP_A_PEER_STATE]);
	if (tb[ETRUNK_GROUP_A_HELLOS_TX])
		g->hellos_tx = nla_get_u64(tb[ETRUNK_GROUP_A_HELLOS_TX]);
	if (tb[ETRUNK_GROUP_A_HELLOS_RX])
		g->hellos_rx = nla_get_u64(tb[ETRUNK_GROUP_A_HELLOS_RX]);
	if (tb[ETRUNK_GROUP_A_AUTH_FAILURES])
		g->auth_failures = nla_get_u64(tb[ETRUNK_GROUP_A_AUTH_FAILURES]);
	if (tb[ETRUNK_GROUP_A_REPLAYS])
		g->replays = nla_get_u64(tb[ETRUNK_GROUP_A_REPLAYS]);
	if (tb[ETRUNK_GROUP_A_ROLE_CHANGES])
		g->role_changes = nla_get_u64(tb[ETRUNK_GROUP_A_ROLE_CHANGES]);
	if (tb[ETRUNK_GROUP_A_DROPS])
		g->drops = nla_get_u64(tb[ETRUNK_GROUP_A_DROPS]);
	etrunk_group_event(genl_info_net(info), g, ETRUNK_EVENT_GROUP_STATE);
out:
	rtnl_unlock();
	return err;
}

int etrunk_genl_del_group(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_GROUP_A_MAX + 1];
	struct etrunk_group *g;
	int err;

	err = etrunk_group_parse(info, tb, BIT(ETRUNK_GROUP_A_ID));
	if (err)
		return err;
	rtnl_lock();
	g = etrunk_group_find(info, tb[ETRUNK_GROUP_A_ID]);
	if (!g) {
		err = -ENOENT;
		goto out;
	}
	if (g->n_bindings) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[ETRUNK_GROUP_A_ID],
				    "The group has member trunks; unbind them first");
		err = -EBUSY;
		goto out;
	}
	etrunk_bfd_group_gone(genl_info_net(info), g);
	etrunk_groups_of(info)->group[g->id - 1] = NULL;
	etrunk_group_event(genl_info_net(info), g, ETRUNK_EVENT_GROUP_REMOVED);
	etrunk_group_free(g);
out:
	rtnl_unlock();
	return err;
}

/* GET_GROUP_KEY's reply: ETRUNK_A_GROUP with the id and the key only. */
static int etrunk_group_put_key(struct sk_buff *skb, struct net *net,
				const void *obj)
{
	const struct etrunk_group *g = obj;

	return etrunk_genl_put_key(skb, ETRUNK_A_GROUP, ETRUNK_GROUP_A_ID,
				   sizeof(g->id), &g->id, ETRUNK_GROUP_A_KEY,
				   g->key_len, g->key);
}

/*
 * GET_GROUP, and GET_GROUP_KEY (the key, for the daemon: CAP_NET_ADMIN;
 * GET_GROUP never has it): one group, named by its id.
 */
static int etrunk_group_reply(struct genl_info *info, u8 cmd)
{
	struct nlattr *tb[ETRUNK_GROUP_A_MAX + 1];
	struct etrunk_group *g;
	struct sk_buff *msg;
	int err;

	err = etrunk_group_parse(info, tb, BIT(ETRUNK_GROUP_A_ID));
	if (err)
		return err;
	rtnl_lock();
	g = etrunk_group_find(info, tb[ETRUNK_GROUP_A_ID]);
	if (!g)
		msg = ERR_PTR(-ENOENT);
	else if (cmd == ETRUNK_CMD_GET_GROUP_KEY)
		msg = etrunk_genl_reply_new(info, cmd,
					    etrunk_genl_key_size(sizeof(u32),
								 ETRUNK_GROUP_KEY_MAX),
					    etrunk_group_put_key, g);
	else
		msg = etrunk_genl_reply_new(info, cmd, etrunk_group_size(g, true),
					    etrunk_group_put_all, g);
	rtnl_unlock();
	return etrunk_genl_reply_send(info, msg);
}

int etrunk_genl_get_group(struct sk_buff *skb, struct genl_info *info)
{
	return etrunk_group_reply(info, ETRUNK_CMD_GET_GROUP);
}

int etrunk_genl_get_group_key(struct sk_buff *skb, struct genl_info *info)
{
	return etrunk_group_reply(info, ETRUNK_CMD_GET_GROUP_KEY);
}

/* cb->args[0]: the next group id - 1 to dump. */
int etrunk_genl_dump_groups(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct etrunk_groups *gs = &etrunk_net(sock_net(skb->sk))->groups;
	int err = 0;

	rtnl_lock();
	for (; cb->args[0] < ETRUNK_GROUP_MAX; cb->args[0]++) {
		const struct etrunk_group *g = gs->group[cb->args[0]];

		if (!g)
			continue;
		err = etrunk_genl_dump_one(skb, cb, ETRUNK_CMD_GET_GROUP,
					   etrunk_group_put_all, g);
		if (err)
			break;
	}
	rtnl_unlock();
	return err && !skb->len ? err : skb->len;
}

/* ---- member trunks ------------------------------------------------------ */

static int etrunk_binding_parse(struct genl_info *info, struct nlattr **tb,
				bool required)
{
	struct nlattr *nest = info->attrs[ETRUNK_A_BINDING];

	if (!nest) {
		memset(tb, 0, sizeof(*tb) * (ETRUNK_BIND_A_MAX + 1));
		if (!required)
			return 0;
		NL_SET_ERR_MSG(info->extack, "ETRUNK_A_BINDING is required");
		return -EINVAL;
	}
	return nla_parse_nested(tb, ETRUNK_BIND_A_MAX, nest,
				etrunk_binding_policy, info->extack);
}

static const char etrunk_bind_config_cmd[] =
	"Written with ETRUNK_CMD_BIND_TRUNK or ETRUNK_CMD_SET_BINDING";
static const char etrunk_bind_role_cmd[] = "Written with ETRUNK_CMD_SET_ROLE";

/* A member trunk id is unique in its group; @self (NULL when binding)
 * may keep its own.
 */
static int etrunk_binding_check_id(const struct etrunk_group *g,
				   const struct etrunk_binding *self,
				   struct nlattr *id,
				   struct netlink_ext_ack *extack)
{
	const struct etrunk_binding *b;

	if (!id)
		return 0;
	list_for_each_entry(b, &g->bindings, list) {
		if (b != self && b->id == nla_get_u32(id)) {
			NL_SET_ERR_MSG_ATTR(extack, id,
					    "Another member trunk of the group has this id");
			return -EEXIST;
		}
	}
	return 0;
}

static void etrunk_binding_apply(struct etrunk_binding *b, struct nlattr **tb)
{
	if (tb[ETRUNK_BIND_A_ID])
		b->id = nla_get_u32(tb[ETRUNK_BIND_A_ID]);
	if (tb[ETRUNK_BIND_A_MODE])
		b->mode = nla_get_u8(tb[ETRUNK_BIND_A_MODE]);
	if (tb[ETRUNK_BIND_A_BASIS])
		b->basis = nla_get_u8(tb[ETRUNK_BIND_A_BASIS]);
	if (tb[ETRUNK_BIND_A_CLEAR_REMOTE_ID])
		b->has_remote_id = false;
	if (tb[ETRUNK_BIND_A_REMOTE_ID]) {
		b->remote_id = nla_get_u32(tb[ETRUNK_BIND_A_REMOTE_ID]);
		b->has_remote_id = true;
	}
}

static bool etrunk_mode_bindable(u8 mode)
{
	return mode == ETRUNK_MODE_LACP || mode == ETRUNK_MODE_BACKUP;
}

int etrunk_genl_bind_trunk(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_BIND_A_MAX + 1];
	struct etrunk_group *g;
	struct etrunk_binding *b;
	struct etrunk *et;
	int err;

	err = etrunk_binding_parse(info, tb, true);
	if (err)
		return err;
	err = etrunk_group_only(tb, ETRUNK_BIND_A_MAX, ETRUNK_BIND_CONFIG,
				ETRUNK_BIND_CONFIG, etrunk_bind_config_cmd,
				etrunk_bind_role_cmd, info->extack);
	if (err)
		return err;
	if (!tb[ETRUNK_BIND_A_GROUP]) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[ETRUNK_A_BINDING],
				    "ETRUNK_BIND_A_GROUP is required");
		return -EINVAL;
	}
	if (!tb[ETRUNK_BIND_A_ID]) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[ETRUNK_A_BINDING],
				    "ETRUNK_BIND_A_ID is required: the member trunk's id, the same on both devices unless a remote id is set");
		return -EINVAL;
	}
	rtnl_lock();
	et = etrunk_genl_trunk(info);
	if (IS_ERR(et)) {
		err = PTR_ERR(et);
		goto out;
	}
	err = -EINVAL;
	if (!etrunk_mode_bindable(et->mode)) {
		NL_SET_ERR_MSG(info->extack,
			       "E-Trunk member trunks are in mode lacp or backup");
		goto out;
	}
	err = -EBUSY;
	if (et->binding) {
		NL_SET_ERR_MSG(info->extack,
			       "The trunk is already bound to an E-Trunk group");
		goto out;
	}
	err = -ENOENT;
	g = etrunk_group_find(info, tb[ETRUNK_BIND_A_GROUP]);
	if (!g)
		goto out;
	err = -ENOSPC;
	if (g->n_bindings >= ETRUNK_GROUP_MAX_TRUNKS) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[ETRUNK_BIND_A_GROUP],
				    "The group has its maximum of member trunks");
		goto out;
	}
	err = etrunk_binding_check_id(g, NULL, tb[ETRUNK_BIND_A_ID],
				      info->extack);
	if (err)
		goto out;
	err = -ENOMEM;
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		goto out;
	err = 0;
	b->group = g;
	b->et = et;
	b->mode = ETRUNK_EGROUP_MODE_AUTO;
	b->basis = ETRUNK_EGROUP_BASIS_PRIORITY;
	b->role = ETRUNK_EROLE_NONE;
	b->reason = ETRUNK_EREASON_NONE;
	etrunk_binding_apply(b, tb);
	list_add_tail(&b->list, &g->bindings);
	g->n_bindings++;
	et->binding = b;
	etrunk_binding_event(b, ETRUNK_EVENT_TRUNK_BOUND);
out:
	rtnl_unlock();
	return err;
}

/* RTNL: the trunk named by the request and its binding. */
static struct etrunk_binding *etrunk_genl_binding(struct genl_info *info)
{
	struct etrunk *et = etrunk_genl_trunk(info);

	if (IS_ERR(et))
		return ERR_CAST(et);
	if (!et->binding) {
		NL_SET_ERR_MSG_ATTR(info->extack,
				    info->attrs[ETRUNK_A_IFINDEX] ?:
				    info->attrs[ETRUNK_A_IFNAME],
				    "The trunk is not bound to an E-Trunk group");
		return ERR_PTR(-ENOENT);
	}
	return et->binding;
}

int etrunk_genl_set_binding(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_BIND_A_MAX + 1];
	struct etrunk_binding *b;
	int err;

	err = etrunk_binding_parse(info, tb, true);
	if (err)
		return err;
	err = etrunk_group_only(tb, ETRUNK_BIND_A_MAX, ETRUNK_BIND_CONFIG,
				ETRUNK_BIND_CONFIG, etrunk_bind_config_cmd,
				etrunk_bind_role_cmd, info->extack);
	if (err)
		return err;
	rtnl_lock();
	b = etrunk_genl_binding(info);
	if (IS_ERR(b)) {
		err = PTR_ERR(b);
		goto out;
	}
	if (tb[ETRUNK_BIND_A_GROUP] &&
	    nla_get_u32(tb[ETRUNK_BIND_A_GROUP]) != b->group->id) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[ETRUNK_BIND_A_GROUP],
				    "The trunk is bound to another group; unbind it first");
		err = -EBUSY;
		goto out;
	}
	err = etrunk_binding_check_id(b->group, b, tb[ETRUNK_BIND_A_ID],
				      info->extack);
	if (err)
		goto out;
	etrunk_binding_apply(b, tb);
	etrunk_binding_event(b, ETRUNK_EVENT_TRUNK_BINDING);
out:
	rtnl_unlock();
	return err;
}

/* Role backup on or off. In mode backup, off is a switchover to the
 * master the trunk chooses (ETRUNK_SWITCH_EROLE), on takes both members
 * out; neither for a trunk being deleted, which releases its members.
 */
static void etrunk_erole_standby(struct etrunk *et, bool standby)
{
	if (et->erole_backup == standby)
		return;
	et->erole_backup = standby;
	if (et->mode != ETRUNK_MODE_BACKUP ||
	    et->dev->reg_state != NETREG_REGISTERED)
		return;
	et->erole_release = !standby;
	etrunk_select(et, NULL);
	et->erole_release = false;
}

static void etrunk_unbind(struct etrunk_binding *b)
{
	struct etrunk *et = b->et;

	etrunk_binding_event(b, ETRUNK_EVENT_TRUNK_UNBOUND);
	list_del(&b->list);
	b->group->n_bindings--;
	et->binding = NULL;
	kfree(b);
	etrunk_erole_standby(et, false);
}

int etrunk_genl_unbind_trunk(struct sk_buff *skb, struct genl_info *info)
{
	struct etrunk_binding *b;
	int err = 0;

	if (info->attrs[ETRUNK_A_BINDING]) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[ETRUNK_A_BINDING],
				    "Unbinding takes only the trunk");
		return -EINVAL;
	}
	rtnl_lock();
	b = etrunk_genl_binding(info);
	if (IS_ERR(b))
		err = PTR_ERR(b);
	else
		etrunk_unbind(b);
	rtnl_unlock();
	return err;
}

/* Mode lacp: the role becomes the LACP role. Mode backup: role backup
 * makes the whole trunk stand by, role master lets it choose a master.
 */
static int etrunk_binding_apply_role(struct etrunk_binding *b, u8 role,
				     struct netlink_ext_ack *extack)
{
	bool backup = role == ETRUNK_EROLE_BACKUP;
	struct etrunk *et = b->et;
	struct etrunk_params p = {};
	u8 lacp_role;
	int err;

	if (et->mode == ETRUNK_MODE_LACP && et->lacp.backup != backup) {
		lacp_role = backup ? ETRUNK_LACP_ROLE_BACKUP :
				     ETRUNK_LACP_ROLE_MASTER;
		p.lacp_role = &lacp_role;
		err = etrunk_set_params(et, &p, extack);
		if (err)
			return err;
	}
	etrunk_erole_standby(et, backup);
	return 0;
}

int etrunk_genl_set_role(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_BIND_A_MAX + 1];
	struct etrunk_binding *b;
	u8 role, reason;
	int err;

	err = etrunk_binding_parse(info, tb, true);
	if (err)
		return err;
	err = etrunk_group_only(tb, ETRUNK_BIND_A_MAX, ETRUNK_BIND_ROLE,
				ETRUNK_BIND_CONFIG, etrunk_bind_config_cmd,
				etrunk_bind_role_cmd, info->extack);
	if (err)
		return err;
	if (!tb[ETRUNK_BIND_A_ROLE]) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[ETRUNK_A_BINDING],
				    "ETRUNK_BIND_A_ROLE is required");
		return -EINVAL;
	}
	role = nla_get_u8(tb[ETRUNK_BIND_A_ROLE]);
	reason = tb[ETRUNK_BIND_A_REASON] ?
		 nla_get_u8(tb[ETRUNK_BIND_A_REASON]) : ETRUNK_EREASON_NONE;
	if (tb[ETRUNK_BIND_A_REVERT_MS] && reason != ETRUNK_EREASON_REVERT_WAIT) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[ETRUNK_BIND_A_REVERT_MS],
				    "ETRUNK_BIND_A_REVERT_MS goes with reason revert-wait only");
		return -EINVAL;
	}
	rtnl_lock();
	b = etrunk_genl_binding(info);
	if (IS_ERR(b)) {
		err = PTR_ERR(b);
		goto out;
	}
	err = etrunk_binding_apply_role(b, role, info->extack);
	if (err)
		goto out;
	if (tb[ETRUNK_BIND_A_REVERT_MS])
		b->revert_at = jiffies +
			msecs_to_jiffies(nla_get_u32(tb[ETRUNK_BIND_A_REVERT_MS]));
	if (b->role != role || b->reason != reason) {
		b->role = role;
		b->reason = reason;
		etrunk_binding_event(b, ETRUNK_EVENT_TRUNK_ROLE);
	}
out:
	rtnl_unlock();
	return err;
}

bool etrunk_group_mode_ok(const struct etrunk *et, u8 mode)
{
	return !et->binding || etrunk_mode_bindable(mode);
}

void etrunk_groups_exit(struct etrunk_groups *gs)
{
	struct etrunk_binding *b, *tmp;
	unsigned int i;

	for (i = 0; i < ETRUNK_GROUP_MAX; i++) {
		struct etrunk_group *g = gs->group[i];

		if (!g)
			continue;
		/* The namespace's trunks went first (NETDEV_UNREGISTER). */
		WARN_ON_ONCE(g->n_bindings);
		list_for_each_entry_safe(b, tmp, &g->bindings, list) {
			b->et->binding = NULL;
			b->et->erole_backup = false;
			kfree(b);
		}
		gs->group[i] = NULL;
		etrunk_group_free(g);
	}
}

static int etrunk_group_netdev_event(struct notifier_block *nb,
				     unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct etrunk *et;

	if (event != NETDEV_UNREGISTER)
		return NOTIFY_DONE;
	/* BFD sessions on the device go with it, whatever the device. */
	etrunk_bfd_netdev_unregister(dev);
	if (!netif_is_etrunk(dev))
		return NOTIFY_DONE;
	et = netdev_priv(dev);
	etrunk_rbp_netdev_unregister(dev);
	if (et->binding)
		etrunk_unbind(et->binding);
	return NOTIFY_DONE;
}

static struct notifier_block etrunk_group_notifier = {
	.notifier_call = etrunk_group_netdev_event,
};

int etrunk_group_init(void)
{
	return register_netdevice_notifier(&etrunk_group_notifier);
}

void etrunk_group_exit(void)
{
	unregister_netdevice_notifier(&etrunk_group_notifier);
}
