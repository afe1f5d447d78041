// SPDX-License-Identifier: GPL-2.0
/*
 * E-Trunk groups (see "E-Trunk groups" in uapi/linux/etrunk.h): per
 * namespace, the configuration of the peer protocol etrunkd runs and what
 * the daemon writes back of the peer; the member trunks bound to each
 * group and their roles are binding.c's. Everything here runs under the
 * namespace's store lock (objstore.h); the configuration commands take
 * RTNL before it, SET_GROUP_STATE, GET_GROUP and the dump do not.
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
#include "objstore.h"
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

int etrunk_group_only(struct nlattr **tb, int max, unsigned long allowed,
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

struct etrunk_group *etrunk_group_find(struct genl_info *info,
				       struct nlattr *id)
{
	struct etrunk_group *g;

	g = etrunk_groups_of(info)->group[nla_get_u32(id) - 1];
	if (!g)
		NL_SET_ERR_MSG_ATTR(info->extack, id, "No such E-Trunk group");
	return g;
}

/* ---- messages ----------------------------------------------------------- */

/* Room for ETRUNK_A_GROUP of @obj; its trunks but in an event. */
static size_t etrunk_group_size(const void *obj, bool event)
{
	const struct etrunk_group *g = obj;
	bool trunks = !event;

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

/* GET_GROUP_KEY's reply: ETRUNK_A_GROUP with the id and the key only. */
static int etrunk_group_put_key(struct sk_buff *skb, struct net *net,
				const void *obj)
{
	const struct etrunk_group *g = obj;

	return etrunk_genl_put_key(skb, ETRUNK_A_GROUP, ETRUNK_GROUP_A_ID,
				   sizeof(g->id), &g->id, ETRUNK_GROUP_A_KEY,
				   g->key_len, g->key);
}

/* Groups are kept by id (struct etrunk_groups), not in a list. */
static const struct etrunk_obj_type etrunk_group_type = {
	.get_cmd = ETRUNK_CMD_GET_GROUP,
	.key_cmd = ETRUNK_CMD_GET_GROUP_KEY,
	.size = etrunk_group_size,
	.put = etrunk_group_put_all,
	.put_event = etrunk_group_put_notrunks,
	.put_key = etrunk_group_put_key,
	.key_id_len = sizeof(u32),
	.key_max = ETRUNK_GROUP_KEY_MAX,
};

static void etrunk_group_event(struct net *net, const struct etrunk_group *g,
			       u8 event)
{
	etrunk_obj_event(net, &etrunk_group_type, g, event);
}

void etrunk_group_changed(struct net *net, struct etrunk_group *g)
{
	etrunk_group_event(net, g, ETRUNK_EVENT_GROUP_CHANGED);
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

	etrunk_store_lock_rtnl(genl_info_net(info));
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
	etrunk_store_unlock_rtnl(genl_info_net(info));
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
	etrunk_store_lock_rtnl(genl_info_net(info));
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
	etrunk_store_unlock_rtnl(genl_info_net(info));
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
	/* The peer's state and the counters: nothing of a trunk (roles come
	 * with SET_ROLE), so the store lock alone.
	 */
	etrunk_store_lock(genl_info_net(info));
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
	etrunk_store_unlock(genl_info_net(info));
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
	etrunk_store_lock_rtnl(genl_info_net(info));
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
	etrunk_store_unlock_rtnl(genl_info_net(info));
	return err;
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
	etrunk_store_lock(genl_info_net(info));
	g = etrunk_group_find(info, tb[ETRUNK_GROUP_A_ID]);
	msg = etrunk_obj_reply(info, &etrunk_group_type, g, cmd);
	etrunk_store_unlock(genl_info_net(info));
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
	int err;

	err = etrunk_genl_dump_check(cb);
	if (err)
		return err;
	etrunk_store_lock(sock_net(skb->sk));
	for (; cb->args[0] < ETRUNK_GROUP_MAX; cb->args[0]++) {
		const struct etrunk_group *g = gs->group[cb->args[0]];

		if (!g)
			continue;
		err = etrunk_obj_dump_one(skb, cb, &etrunk_group_type, g);
		if (err)
			break;
	}
	etrunk_store_unlock(sock_net(skb->sk));
	return err && !skb->len ? err : skb->len;
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
	/* Under RTNL; the objects on the device go under the store lock. */
	etrunk_store_lock(dev_net(dev));
	/* BFD sessions on the device go with it, whatever the device. */
	etrunk_bfd_netdev_unregister(dev);
	if (netif_is_etrunk(dev)) {
		et = netdev_priv(dev);
		etrunk_rbp_netdev_unregister(dev);
		if (et->binding)
			etrunk_unbind(et->binding);
	}
	etrunk_store_unlock(dev_net(dev));
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
