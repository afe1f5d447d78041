// SPDX-License-Identifier: GPL-2.0
/*
 * BFD sessions (see "BFD sessions" in uapi/linux/etrunk.h): per
 * namespace, the configuration of the sessions etrunkd runs and the state
 * it writes back (that write is bfd_state.c's); the sessions E-Trunk
 * groups own are bfd_group.c's. No packet goes through here. Everything
 * runs under the namespace's store lock (objstore.h), as the groups do:
 * one lock for both stores, so a group's session is created, changed and
 * deleted with the group without a lock order between them. NEW_BFD,
 * SET_BFD and DEL_BFD take RTNL before it (a session's device is looked
 * up and checked); the daemon's SET_BFD_STATE, GET_BFD and the dump do
 * not.
 */

#include <linux/ctype.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/random.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "bfd.h"
#include "bfd_common.h"
#include "device.h"
#include "etrunk_group.h"
#include "genetlink.h"
#include "objstore.h"

#define ETRUNK_BFD_RO(attr) \
	{ .type = NLA_REJECT, .reject_message = #attr " is read-only" }

static int etrunk_bfd_validate_addr(const struct nlattr *attr,
				    struct netlink_ext_ack *extack)
{
	int len = nla_len(attr);

	/* The source may be empty: no source address. */
	if (len == 4 || len == 16 ||
	    (!len && nla_type(attr) == ETRUNK_BFD_A_SOURCE_ADDR))
		return 0;
	NL_SET_ERR_MSG_ATTR(extack, attr,
			    "An address is 4 (IPv4) or 16 (IPv6) bytes");
	return -EINVAL;
}

static struct netlink_range_validation etrunk_bfd_interval_range = {
	.min = ETRUNK_BFD_MIN_INTERVAL,
	.max = ETRUNK_BFD_MAX_INTERVAL,
};

const struct nla_policy etrunk_bfd_policy[ETRUNK_BFD_A_MAX + 1] = {
	/* Length and characters are checked with a message of their own. */
	[ETRUNK_BFD_A_NAME] = { .type = NLA_NUL_STRING },
	[ETRUNK_BFD_A_TYPE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_BFD_TYPE_MAX),
	[ETRUNK_BFD_A_PEER_ADDR] =
		NLA_POLICY_VALIDATE_FN(NLA_BINARY, etrunk_bfd_validate_addr, 16),
	[ETRUNK_BFD_A_SOURCE_ADDR] =
		NLA_POLICY_VALIDATE_FN(NLA_BINARY, etrunk_bfd_validate_addr, 16),
	[ETRUNK_BFD_A_IFINDEX] = { .type = NLA_U32 },
	[ETRUNK_BFD_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[ETRUNK_BFD_A_LOCAL_DISCR] =
		NLA_POLICY_RANGE(NLA_U32, 1, ETRUNK_BFD_STATIC_DISCR_MAX),
	[ETRUNK_BFD_A_REMOTE_DISCR] =
		NLA_POLICY_MAX(NLA_U32, ETRUNK_BFD_STATIC_DISCR_MAX),
	[ETRUNK_BFD_A_MIN_TX] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &etrunk_bfd_interval_range),
	[ETRUNK_BFD_A_MIN_RX] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &etrunk_bfd_interval_range),
	[ETRUNK_BFD_A_MULT] = NLA_POLICY_MIN(NLA_U8, 1),
	[ETRUNK_BFD_A_ADMIN_DOWN] = NLA_POLICY_MAX(NLA_U8, 1),
	[ETRUNK_BFD_A_AUTH_TYPE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_BFD_AUTH_MAX),
	[ETRUNK_BFD_A_AUTH_KEY_ID] = { .type = NLA_U8 },
	[ETRUNK_BFD_A_AUTH_KEY] = { .type = NLA_BINARY, .len = ETRUNK_BFD_KEY_MAX },
	[ETRUNK_BFD_A_AUTH_KEY_SET] = ETRUNK_BFD_RO(ETRUNK_BFD_A_AUTH_KEY_SET),
	[ETRUNK_BFD_A_GROUP] = ETRUNK_BFD_RO(ETRUNK_BFD_A_GROUP),
	[ETRUNK_BFD_A_STATE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_BFD_STATE_MAX),
	[ETRUNK_BFD_A_REMOTE_STATE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_BFD_STATE_MAX),
	[ETRUNK_BFD_A_CHANGE_AGE] = ETRUNK_BFD_RO(ETRUNK_BFD_A_CHANGE_AGE),
	[ETRUNK_BFD_A_DIAG] = NLA_POLICY_MAX(NLA_U8, ETRUNK_BFD_DIAG_MAX),
	[ETRUNK_BFD_A_REMOTE_DIAG] = NLA_POLICY_MAX(NLA_U8, ETRUNK_BFD_DIAG_MAX),
	[ETRUNK_BFD_A_PEER_DISCR] = { .type = NLA_U32 },
	[ETRUNK_BFD_A_TX_INTERVAL] = { .type = NLA_U32 },
	[ETRUNK_BFD_A_DETECT_TIME] = { .type = NLA_U32 },
	[ETRUNK_BFD_A_REMOTE_MIN_TX] = { .type = NLA_U32 },
	[ETRUNK_BFD_A_REMOTE_MIN_RX] = { .type = NLA_U32 },
	[ETRUNK_BFD_A_REMOTE_MULT] = { .type = NLA_U8 },
	[ETRUNK_BFD_A_PKTS_TX] = { .type = NLA_U64 },
	[ETRUNK_BFD_A_PKTS_RX] = { .type = NLA_U64 },
	[ETRUNK_BFD_A_DROPS] = { .type = NLA_U64 },
	[ETRUNK_BFD_A_AUTH_FAILURES] = { .type = NLA_U64 },
	[ETRUNK_BFD_A_UPS] = { .type = NLA_U64 },
	[ETRUNK_BFD_A_DOWNS] = { .type = NLA_U64 },
	[ETRUNK_BFD_A_LINKS] = NLA_POLICY_NESTED_ARRAY(etrunk_bfd_link_policy),
	[ETRUNK_BFD_A_LINK] = {
		.type = NLA_REJECT,
		.reject_message = "ETRUNK_BFD_A_LINK goes in ETRUNK_BFD_A_LINKS",
	},
};

/* The session attributes each kind of command takes. */
#define ETRUNK_BFD_CONFIG (BIT_ULL(ETRUNK_BFD_A_NAME) | BIT_ULL(ETRUNK_BFD_A_TYPE) | \
	BIT_ULL(ETRUNK_BFD_A_PEER_ADDR) | BIT_ULL(ETRUNK_BFD_A_SOURCE_ADDR) | \
	BIT_ULL(ETRUNK_BFD_A_IFINDEX) | BIT_ULL(ETRUNK_BFD_A_IFNAME) | \
	BIT_ULL(ETRUNK_BFD_A_LOCAL_DISCR) | BIT_ULL(ETRUNK_BFD_A_REMOTE_DISCR) | \
	BIT_ULL(ETRUNK_BFD_A_MIN_TX) | BIT_ULL(ETRUNK_BFD_A_MIN_RX) | \
	BIT_ULL(ETRUNK_BFD_A_MULT) | BIT_ULL(ETRUNK_BFD_A_ADMIN_DOWN) | \
	BIT_ULL(ETRUNK_BFD_A_AUTH_TYPE) | BIT_ULL(ETRUNK_BFD_A_AUTH_KEY_ID) | \
	BIT_ULL(ETRUNK_BFD_A_AUTH_KEY))
#define ETRUNK_BFD_NAME_ONLY BIT_ULL(ETRUNK_BFD_A_NAME)

/* "The session belongs to E-Trunk group N" and the like, by group id - 1:
 * extack messages are static strings (6.1 has no NL_SET_ERR_MSG_FMT).
 */
char etrunk_bfd_owned_msg[ETRUNK_GROUP_MAX][48] __ro_after_init;
static char etrunk_bfd_bound_msg[ETRUNK_GROUP_MAX][48] __ro_after_init;
char etrunk_bfd_taken_msg[ETRUNK_GROUP_MAX][64] __ro_after_init;

void etrunk_bfd_module_init(void)
{
	int i;

	for (i = 0; i < ETRUNK_GROUP_MAX; i++) {
		snprintf(etrunk_bfd_owned_msg[i], sizeof(etrunk_bfd_owned_msg[i]),
			 "The session belongs to E-Trunk group %d", i + 1);
		snprintf(etrunk_bfd_bound_msg[i], sizeof(etrunk_bfd_bound_msg[i]),
			 "E-Trunk group %d is bound to the session", i + 1);
		snprintf(etrunk_bfd_taken_msg[i], sizeof(etrunk_bfd_taken_msg[i]),
			 "A configured BFD session is named e-trunk-%d", i + 1);
	}
}

static const char etrunk_bfd_config_cmd[] =
	"Written with ETRUNK_CMD_NEW_BFD or ETRUNK_CMD_SET_BFD";
static const char etrunk_bfd_state_cmd[] =
	"Written with ETRUNK_CMD_SET_BFD_STATE";
static const char etrunk_bfd_name_only[] =
	"Only ETRUNK_BFD_A_NAME is taken here";
static const char etrunk_bfd_bad_name[] =
	"A session name is 1 to 31 letters, digits, '-', '_' and '.'";

/* NL_SET_ERR_MSG_ATTR() of a message that is not a literal. */
void etrunk_bfd_err(struct netlink_ext_ack *extack, const struct nlattr *attr,
		    const char *msg)
{
	if (!extack)
		return;
	extack->_msg = msg;
	NL_SET_BAD_ATTR(extack, attr);
}

static bool etrunk_bfd_name_ok(const char *name)
{
	size_t len = strlen(name), i;

	if (!len || len > ETRUNK_BFD_NAME_MAX)
		return false;
	for (i = 0; i < len; i++)
		if (!isalnum(name[i]) && name[i] != '-' && name[i] != '_' &&
		    name[i] != '.')
			return false;
	return true;
}

/*
 * The session nest of a request into @tb: the name is required and
 * valid, and only the attributes in @allowed are taken (the others are
 * refused, naming the command that writes them).
 */
int etrunk_bfd_parse(struct genl_info *info, struct nlattr **tb, u64 allowed)
{
	struct nlattr *nest = info->attrs[ETRUNK_A_BFD];
	int err, i;

	if (!nest) {
		NL_SET_ERR_MSG(info->extack, "ETRUNK_A_BFD is required");
		return -EINVAL;
	}
	err = nla_parse_nested(tb, ETRUNK_BFD_A_MAX, nest, etrunk_bfd_policy,
			       info->extack);
	if (err)
		return err;
	if (!tb[ETRUNK_BFD_A_NAME]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "ETRUNK_BFD_A_NAME is required");
		return -EINVAL;
	}
	if (!etrunk_bfd_name_ok(nla_data(tb[ETRUNK_BFD_A_NAME]))) {
		etrunk_bfd_err(info->extack, tb[ETRUNK_BFD_A_NAME],
			       etrunk_bfd_bad_name);
		return -EINVAL;
	}
	for (i = 1; i <= ETRUNK_BFD_A_MAX; i++) {
		if (!tb[i] || (allowed & BIT_ULL(i)))
			continue;
		etrunk_bfd_err(info->extack, tb[i],
			       allowed == ETRUNK_BFD_NAME_ONLY ? etrunk_bfd_name_only :
			       ETRUNK_BFD_CONFIG & BIT_ULL(i) ? etrunk_bfd_config_cmd :
			       etrunk_bfd_state_cmd);
		return -EINVAL;
	}
	return 0;
}

struct etrunk_bfds *etrunk_bfds_of(struct net *net)
{
	return &etrunk_net(net)->bfds;
}

static const struct etrunk_obj_type etrunk_bfd_type;

struct etrunk_bfd *etrunk_bfd_lookup(struct etrunk_bfds *bs, const char *name)
{
	return etrunk_obj_lookup(&etrunk_bfd_type, &bs->list, name);
}

struct etrunk_bfd *etrunk_bfd_find(struct genl_info *info, struct nlattr *name)
{
	return etrunk_obj_find(&etrunk_bfd_type,
			       &etrunk_bfds_of(genl_info_net(info))->list,
			       name, info->extack);
}

/* The group bound to @s (ETRUNK_GROUP_A_BFD_SESSION), or NULL. */
static struct etrunk_group *etrunk_bfd_bound_group(struct net *net,
						   const struct etrunk_bfd *s)
{
	struct etrunk_groups *gs = &etrunk_net(net)->groups;
	int i;

	for (i = 0; i < ETRUNK_GROUP_MAX; i++)
		if (gs->group[i] && gs->group[i]->bfd_bound == s)
			return gs->group[i];
	return NULL;
}

/* ---- messages ----------------------------------------------------------- */

static size_t etrunk_bfd_link_size(void)
{
	return nla_total_size(0) +			/* ETRUNK_BFD_A_LINK */
	       nla_total_size(sizeof(u32)) +		/* IFINDEX */
	       nla_total_size(IFNAMSIZ) +		/* IFNAME */
	       3 * nla_total_size(sizeof(u8)) +		/* STATE ... DIAG */
	       2 * nla_total_size(sizeof(u32)) +	/* discriminators */
	       2 * nla_total_size_64bit(sizeof(u64));	/* UPS, DOWNS */
}

/* Room for ETRUNK_A_BFD of @obj; its links but in an event. */
static size_t etrunk_bfd_size(const void *obj, bool event)
{
	const struct etrunk_bfd *s = obj;
	bool links = !event;

	return nla_total_size(0) +			/* ETRUNK_A_BFD */
	       nla_total_size(ETRUNK_BFD_NAME_MAX + 1) +
	       2 * nla_total_size(16) +			/* addresses */
	       nla_total_size(sizeof(u32)) +		/* IFINDEX */
	       nla_total_size(IFNAMSIZ) +		/* IFNAME */
	       10 * nla_total_size(sizeof(u32)) +	/* LOCAL_DISCR ... */
	       12 * nla_total_size(sizeof(u8)) +	/* TYPE ... */
	       7 * nla_total_size_64bit(sizeof(u64)) +	/* age, counters */
	       (links ? nla_total_size(0) +
			s->n_links * etrunk_bfd_link_size() : 0);
}

static int etrunk_bfd_put_link(struct sk_buff *skb,
			       const struct etrunk_bfd_link *l)
{
	struct nlattr *nest = nla_nest_start(skb, ETRUNK_BFD_A_LINK);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, ETRUNK_BFD_LINK_A_IFINDEX, l->ifindex) ||
	    (l->ifname[0] &&
	     nla_put_string(skb, ETRUNK_BFD_LINK_A_IFNAME, l->ifname)) ||
	    nla_put_u8(skb, ETRUNK_BFD_LINK_A_STATE, l->state) ||
	    nla_put_u8(skb, ETRUNK_BFD_LINK_A_REMOTE_STATE, l->remote_state) ||
	    nla_put_u8(skb, ETRUNK_BFD_LINK_A_DIAG, l->diag) ||
	    nla_put_u32(skb, ETRUNK_BFD_LINK_A_LOCAL_DISCR, l->local_discr) ||
	    nla_put_u32(skb, ETRUNK_BFD_LINK_A_PEER_DISCR, l->peer_discr) ||
	    nla_put_u64_64bit(skb, ETRUNK_BFD_LINK_A_UPS, l->ups,
			      ETRUNK_BFD_LINK_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_BFD_LINK_A_DOWNS, l->downs,
			      ETRUNK_BFD_LINK_A_PAD)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int etrunk_bfd_put_links(struct sk_buff *skb,
				const struct etrunk_bfd *s)
{
	struct nlattr *nest = nla_nest_start(skb, ETRUNK_BFD_A_LINKS);
	unsigned int i;

	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < s->n_links; i++) {
		if (etrunk_bfd_put_link(skb, &s->links[i])) {
			nla_nest_cancel(skb, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* Under RCU: etrunk_bfd_put(). */
static int etrunk_bfd_put_rcu(struct sk_buff *skb, struct net *net,
			      const struct etrunk_bfd *s, bool links)
{
	const struct etrunk_bfd_conf *c = &s->conf;
	u64 age = jiffies64_to_msecs(get_jiffies_64() - s->changed);
	struct net_device *dev = NULL;
	struct nlattr *nest;
	unsigned int i;

	if (c->ifindex)
		dev = dev_get_by_index_rcu(net, c->ifindex);
	nest = nla_nest_start(skb, ETRUNK_A_BFD);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_string(skb, ETRUNK_BFD_A_NAME, s->name) ||
	    nla_put_u8(skb, ETRUNK_BFD_A_TYPE, c->type) ||
	    nla_put(skb, ETRUNK_BFD_A_PEER_ADDR, c->addr_len, c->peer) ||
	    (c->source_len &&
	     nla_put(skb, ETRUNK_BFD_A_SOURCE_ADDR, c->source_len, c->source)) ||
	    (dev && (nla_put_u32(skb, ETRUNK_BFD_A_IFINDEX, dev->ifindex) ||
		     nla_put_string(skb, ETRUNK_BFD_A_IFNAME, dev->name))) ||
	    (c->type != ETRUNK_BFD_MICRO &&
	     (nla_put_u32(skb, ETRUNK_BFD_A_LOCAL_DISCR, c->local_discr) ||
	      nla_put_u32(skb, ETRUNK_BFD_A_REMOTE_DISCR, c->remote_discr))) ||
	    nla_put_u32(skb, ETRUNK_BFD_A_MIN_TX, c->min_tx) ||
	    nla_put_u32(skb, ETRUNK_BFD_A_MIN_RX, c->min_rx) ||
	    nla_put_u8(skb, ETRUNK_BFD_A_MULT, c->mult) ||
	    nla_put_u8(skb, ETRUNK_BFD_A_ADMIN_DOWN, c->admin_down) ||
	    nla_put_u8(skb, ETRUNK_BFD_A_AUTH_TYPE, c->auth_type) ||
	    nla_put_u8(skb, ETRUNK_BFD_A_AUTH_KEY_ID, c->auth_key_id) ||
	    nla_put_u8(skb, ETRUNK_BFD_A_AUTH_KEY_SET, c->key_len != 0) ||
	    nla_put_u32(skb, ETRUNK_BFD_A_GROUP, s->group) ||
	    nla_put_u8(skb, ETRUNK_BFD_A_STATE, s->state) ||
	    nla_put_u8(skb, ETRUNK_BFD_A_REMOTE_STATE, s->remote_state) ||
	    nla_put_u64_64bit(skb, ETRUNK_BFD_A_CHANGE_AGE, age,
			      ETRUNK_BFD_A_PAD) ||
	    nla_put_u8(skb, ETRUNK_BFD_A_DIAG, s->diag) ||
	    nla_put_u8(skb, ETRUNK_BFD_A_REMOTE_DIAG, s->remote_diag) ||
	    nla_put_u32(skb, ETRUNK_BFD_A_PEER_DISCR, s->peer_discr) ||
	    nla_put_u32(skb, ETRUNK_BFD_A_TX_INTERVAL, s->tx_interval) ||
	    nla_put_u32(skb, ETRUNK_BFD_A_DETECT_TIME, s->detect_time) ||
	    nla_put_u32(skb, ETRUNK_BFD_A_REMOTE_MIN_TX, s->remote_min_tx) ||
	    nla_put_u32(skb, ETRUNK_BFD_A_REMOTE_MIN_RX, s->remote_min_rx) ||
	    nla_put_u8(skb, ETRUNK_BFD_A_REMOTE_MULT, s->remote_mult))
		goto cancel;
	for (i = 0; i < ARRAY_SIZE(s->counters); i++)
		if (nla_put_u64_64bit(skb, ETRUNK_BFD_A_PKTS_TX + i,
				      s->counters[i], ETRUNK_BFD_A_PAD))
			goto cancel;
	if (links && c->type == ETRUNK_BFD_MICRO && etrunk_bfd_put_links(skb, s))
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/* The store lock: ETRUNK_A_BFD of @s: everything but the key; the links
 * if @links. Its device is looked up under RCU (the store lock is enough
 * for the session: it goes with its device, under the store lock).
 */
static int etrunk_bfd_put(struct sk_buff *skb, struct net *net,
			  const struct etrunk_bfd *s, bool links)
{
	int err;

	rcu_read_lock();
	err = etrunk_bfd_put_rcu(skb, net, s, links);
	rcu_read_unlock();
	return err;
}

/* etrunk_genl_put_t: replies and dumps have the links, events not. */
static int etrunk_bfd_put_all(struct sk_buff *skb, struct net *net,
			      const void *obj)
{
	return etrunk_bfd_put(skb, net, obj, true);
}

static int etrunk_bfd_put_nolinks(struct sk_buff *skb, struct net *net,
				  const void *obj)
{
	return etrunk_bfd_put(skb, net, obj, false);
}

/* GET_BFD_KEY's reply: ETRUNK_A_BFD with the name and the key only. */
static int etrunk_bfd_put_key(struct sk_buff *skb, struct net *net,
			      const void *obj)
{
	const struct etrunk_bfd *s = obj;

	return etrunk_genl_put_key(skb, ETRUNK_A_BFD, ETRUNK_BFD_A_NAME,
				   strlen(s->name) + 1, s->name,
				   ETRUNK_BFD_A_AUTH_KEY, s->conf.key_len,
				   s->conf.key);
}

/* A session whose links do not fit an empty message goes without them in
 * a dump (GET_BFD of it has them).
 */
static const struct etrunk_obj_type etrunk_bfd_type = {
	.list_offset = offsetof(struct etrunk_bfd, list),
	.name_offset = offsetof(struct etrunk_bfd, name),
	.not_found = "No such BFD session",
	.get_cmd = ETRUNK_CMD_GET_BFD,
	.key_cmd = ETRUNK_CMD_GET_BFD_KEY,
	.size = etrunk_bfd_size,
	.put = etrunk_bfd_put_all,
	.put_event = etrunk_bfd_put_nolinks,
	.dump_brief = true,
	.put_key = etrunk_bfd_put_key,
	.key_id_len = ETRUNK_BFD_NAME_MAX + 1,
	.key_max = ETRUNK_BFD_KEY_MAX,
};

void etrunk_bfd_event(struct net *net, const struct etrunk_bfd *s, u8 event)
{
	etrunk_obj_event(net, &etrunk_bfd_type, s, event);
}

/* ---- the store ------------------------------------------------------------ */

static bool etrunk_bfd_discr_used(const struct etrunk_bfds *bs,
				  const struct etrunk_bfd *self, u32 discr)
{
	const struct etrunk_bfd *s;

	list_for_each_entry(s, &bs->list, list)
		if (s != self && s->conf.local_discr == discr)
			return true;
	return false;
}

/* A dynamic discriminator: random above the static ones, unused in @bs,
 * so that a spoofer cannot guess it from the order sessions were made in.
 * There are far fewer sessions than numbers, so the search ends.
 */
static u32 etrunk_bfd_dynamic_discr(struct etrunk_bfds *bs)
{
	const u32 n = ETRUNK_BFD_DYNAMIC_DISCR_MAX - ETRUNK_BFD_STATIC_DISCR_MAX;
	u32 d;

	do {
		d = ETRUNK_BFD_STATIC_DISCR_MAX + 1 + get_random_u32() % n;
	} while (etrunk_bfd_discr_used(bs, NULL, d));
	return d;
}

/* List @s, named @name, with configuration @c (a dynamic discriminator
 * if it has none and needs one), its state as a new session's.
 */
void etrunk_bfd_add(struct net *net, struct etrunk_bfd *s, const char *name,
		    const struct etrunk_bfd_conf *c)
{
	struct etrunk_bfds *bs = etrunk_bfds_of(net);

	strscpy(s->name, name, sizeof(s->name));
	s->conf = *c;
	if (c->type != ETRUNK_BFD_MICRO && !c->local_discr)
		s->conf.local_discr = etrunk_bfd_dynamic_discr(bs);
	s->state = c->admin_down ? ETRUNK_BFD_STATE_ADMIN_DOWN :
				   ETRUNK_BFD_STATE_DOWN;
	/* RFC 5880 6.8.1: bfd.RemoteSessionState starts Down. */
	s->remote_state = ETRUNK_BFD_STATE_DOWN;
	s->changed = get_jiffies_64();
	list_add_tail(&s->list, &bs->list);
	bs->n++;
	etrunk_bfd_event(net, s, ETRUNK_EVENT_BFD_ADDED);
}

static void etrunk_bfd_free(struct etrunk_bfd *s)
{
	kfree(s->links);
	kfree_sensitive(s);
}

void etrunk_bfd_del(struct net *net, struct etrunk_bfd *s)
{
	etrunk_bfd_event(net, s, ETRUNK_EVENT_BFD_REMOVED);
	list_del(&s->list);
	etrunk_bfds_of(net)->n--;
	etrunk_bfd_free(s);
}

void etrunk_bfd_conf_default(struct etrunk_bfd_conf *c)
{
	memset(c, 0, sizeof(*c));
	c->type = ETRUNK_BFD_SINGLE_HOP;
	c->min_tx = ETRUNK_BFD_DEFAULT_INTERVAL;
	c->min_rx = ETRUNK_BFD_DEFAULT_INTERVAL;
	c->mult = ETRUNK_BFD_DEFAULT_MULT;
	c->auth_type = ETRUNK_BFD_AUTH_NONE;
}

/* @tb onto @c, but the device (etrunk_bfd_conf_dev()). */
static void etrunk_bfd_conf_apply(struct etrunk_bfd_conf *c,
				  struct nlattr **tb)
{
	struct nlattr *a;

	if (tb[ETRUNK_BFD_A_TYPE])
		c->type = nla_get_u8(tb[ETRUNK_BFD_A_TYPE]);
	a = tb[ETRUNK_BFD_A_PEER_ADDR];
	if (a) {
		c->addr_len = nla_len(a);
		memcpy(c->peer, nla_data(a), nla_len(a));
	}
	a = tb[ETRUNK_BFD_A_SOURCE_ADDR];
	if (a) {
		c->source_len = nla_len(a);
		memset(c->source, 0, sizeof(c->source));
		memcpy(c->source, nla_data(a), nla_len(a));
	}
	if (tb[ETRUNK_BFD_A_LOCAL_DISCR])
		c->local_discr = nla_get_u32(tb[ETRUNK_BFD_A_LOCAL_DISCR]);
	if (tb[ETRUNK_BFD_A_REMOTE_DISCR])
		c->remote_discr = nla_get_u32(tb[ETRUNK_BFD_A_REMOTE_DISCR]);
	if (tb[ETRUNK_BFD_A_MIN_TX])
		c->min_tx = nla_get_u32(tb[ETRUNK_BFD_A_MIN_TX]);
	if (tb[ETRUNK_BFD_A_MIN_RX])
		c->min_rx = nla_get_u32(tb[ETRUNK_BFD_A_MIN_RX]);
	if (tb[ETRUNK_BFD_A_MULT])
		c->mult = nla_get_u8(tb[ETRUNK_BFD_A_MULT]);
	if (tb[ETRUNK_BFD_A_ADMIN_DOWN])
		c->admin_down = nla_get_u8(tb[ETRUNK_BFD_A_ADMIN_DOWN]);
	if (tb[ETRUNK_BFD_A_AUTH_TYPE])
		c->auth_type = nla_get_u8(tb[ETRUNK_BFD_A_AUTH_TYPE]);
	if (tb[ETRUNK_BFD_A_AUTH_KEY_ID])
		c->auth_key_id = nla_get_u8(tb[ETRUNK_BFD_A_AUTH_KEY_ID]);
	a = tb[ETRUNK_BFD_A_AUTH_KEY];
	if (a) {
		memzero_explicit(c->key, sizeof(c->key));
		c->key_len = nla_len(a);
		memcpy(c->key, nla_data(a), nla_len(a));
	}
}

/* RTNL and the store lock: the device of the request onto @c; an index
 * of 0 (or an empty name) removes it.
 */
static int etrunk_bfd_conf_dev(struct net *net, struct etrunk_bfd_conf *c,
			       struct nlattr **tb,
			       struct netlink_ext_ack *extack)
{
	struct nlattr *ifindex = tb[ETRUNK_BFD_A_IFINDEX];
	struct nlattr *ifname = tb[ETRUNK_BFD_A_IFNAME];
	struct net_device *dev;

	if (!ifindex && !ifname)
		return 0;
	if ((ifindex && !nla_get_u32(ifindex) && !ifname) ||
	    (ifname && !*(char *)nla_data(ifname) && !ifindex)) {
		c->ifindex = 0;
		return 0;
	}
	dev = etrunk_genl_dev(net, ifindex, ifname, extack);
	if (IS_ERR(dev))
		return PTR_ERR(dev);
	c->ifindex = dev->ifindex;
	return 0;
}

/* The key's maximum length for an authentication type (RFC 5880 4.2-4.4). */
static unsigned int etrunk_bfd_key_max(u8 auth_type)
{
	if (auth_type == ETRUNK_BFD_AUTH_KEYED_SHA1 ||
	    auth_type == ETRUNK_BFD_AUTH_METICULOUS_SHA1)
		return 20;
	return 16;
}

/* RTNL and the store lock: whether @c, the configuration @s (NULL: a new
 * session) is to take from @tb, holds together.
 */
static int etrunk_bfd_conf_check(struct net *net, const struct etrunk_bfd *s,
				 const struct etrunk_bfd_conf *c,
				 struct nlattr **tb, struct nlattr *nest,
				 struct netlink_ext_ack *extack)
{
	struct nlattr *dev_attr = tb[ETRUNK_BFD_A_IFINDEX] ?: tb[ETRUNK_BFD_A_IFNAME];
	struct nlattr *type = tb[ETRUNK_BFD_A_TYPE];
	struct net_device *dev;

	if (s && type && nla_get_u8(type) != s->conf.type) {
		NL_SET_ERR_MSG_ATTR(extack, type,
				    "The type of a session is set at its creation only");
		return -EINVAL;
	}
	if (c->source_len && c->source_len != c->addr_len) {
		NL_SET_ERR_MSG_ATTR(extack, tb[ETRUNK_BFD_A_SOURCE_ADDR] ?:
				    tb[ETRUNK_BFD_A_PEER_ADDR],
				    "The addresses of a session must be of one family");
		return -EINVAL;
	}
	switch (c->type) {
	case ETRUNK_BFD_MULTIHOP:
		if (!c->source_len) {
			NL_SET_ERR_MSG_ATTR(extack, tb[ETRUNK_BFD_A_SOURCE_ADDR] ?: nest,
					    "A multihop session needs a source address");
			return -EINVAL;
		}
		if (c->ifindex) {
			NL_SET_ERR_MSG_ATTR(extack, dev_attr,
					    "A multihop session takes no device");
			return -EINVAL;
		}
		break;
	case ETRUNK_BFD_MICRO:
		if (!c->source_len) {
			NL_SET_ERR_MSG_ATTR(extack, tb[ETRUNK_BFD_A_SOURCE_ADDR] ?: nest,
					    "A micro-BFD session needs a source address");
			return -EINVAL;
		}
		if (!c->ifindex) {
			NL_SET_ERR_MSG_ATTR(extack, dev_attr ?: nest,
					    "A micro-BFD session needs its trunk (ETRUNK_BFD_A_IFINDEX or ETRUNK_BFD_A_IFNAME)");
			return -EINVAL;
		}
		dev = __dev_get_by_index(net, c->ifindex);
		if (!dev || !netif_is_etrunk(dev)) {
			NL_SET_ERR_MSG_ATTR(extack, dev_attr,
					    "The device is not a trunk");
			return -ENODEV;
		}
		if (tb[ETRUNK_BFD_A_LOCAL_DISCR] || tb[ETRUNK_BFD_A_REMOTE_DISCR]) {
			NL_SET_ERR_MSG_ATTR(extack, tb[ETRUNK_BFD_A_LOCAL_DISCR] ?:
					    tb[ETRUNK_BFD_A_REMOTE_DISCR],
					    "A micro-BFD session takes no discriminators: etrunkd picks each member's");
			return -EINVAL;
		}
		break;
	}
	if (c->auth_type != ETRUNK_BFD_AUTH_NONE) {
		if (!c->key_len) {
			NL_SET_ERR_MSG_ATTR(extack, tb[ETRUNK_BFD_A_AUTH_KEY] ?:
					    tb[ETRUNK_BFD_A_AUTH_TYPE],
					    "The authentication type needs a key");
			return -EINVAL;
		}
		if (c->key_len > etrunk_bfd_key_max(c->auth_type)) {
			NL_SET_ERR_MSG_ATTR(extack, tb[ETRUNK_BFD_A_AUTH_KEY] ?:
					    tb[ETRUNK_BFD_A_AUTH_TYPE],
					    "The key is too long for the authentication type: 16 bytes at most (simple password, MD5), 20 (SHA1)");
			return -EINVAL;
		}
	}
	if (tb[ETRUNK_BFD_A_LOCAL_DISCR] &&
	    etrunk_bfd_discr_used(etrunk_bfds_of(net), s, c->local_discr)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[ETRUNK_BFD_A_LOCAL_DISCR],
				    "Another session has this local discriminator");
		return -EEXIST;
	}
	return 0;
}

/* ---- commands ------------------------------------------------------------- */

int etrunk_genl_new_bfd(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_BFD_A_MAX + 1];
	struct nlattr *nest = info->attrs[ETRUNK_A_BFD];
	struct net *net = genl_info_net(info);
	struct etrunk_bfd_conf c;
	struct etrunk_bfds *bs;
	struct etrunk_bfd *s;
	int err;

	err = etrunk_bfd_parse(info, tb, ETRUNK_BFD_CONFIG);
	if (err)
		return err;
	if (!tb[ETRUNK_BFD_A_PEER_ADDR]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "A new session needs ETRUNK_BFD_A_PEER_ADDR");
		return -EINVAL;
	}
	etrunk_bfd_conf_default(&c);
	etrunk_bfd_conf_apply(&c, tb);

	etrunk_store_lock_rtnl(net);
	bs = etrunk_bfds_of(net);
	err = -EEXIST;
	if (etrunk_bfd_lookup(bs, nla_data(tb[ETRUNK_BFD_A_NAME]))) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[ETRUNK_BFD_A_NAME],
				    "A BFD session of this name exists");
		goto out;
	}
	err = -ENOSPC;
	if (bs->n >= ETRUNK_BFD_MAX_SESSIONS) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "The namespace has its maximum of BFD sessions");
		goto out;
	}
	err = etrunk_bfd_conf_dev(net, &c, tb, info->extack);
	if (err)
		goto out;
	err = etrunk_bfd_conf_check(net, NULL, &c, tb, nest, info->extack);
	if (err)
		goto out;
	err = -ENOMEM;
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		goto out;
	err = 0;
	etrunk_bfd_add(net, s, nla_data(tb[ETRUNK_BFD_A_NAME]), &c);
out:
	etrunk_store_unlock_rtnl(net);
	memzero_explicit(&c, sizeof(c));
	return err;
}

/* RTNL and the store lock: the session @name for SET and DEL: one a
 * group does not own (those change with their group only), else an
 * ERR_PTR with the extack message set.
 */
static struct etrunk_bfd *
etrunk_bfd_find_configured(struct genl_info *info, struct nlattr *name)
{
	struct etrunk_bfd *s = etrunk_bfd_find(info, name);

	if (!s)
		return ERR_PTR(-ENOENT);
	if (s->group) {
		etrunk_bfd_err(info->extack, name,
			       etrunk_bfd_owned_msg[s->group - 1]);
		return ERR_PTR(-EBUSY);
	}
	return s;
}

int etrunk_genl_set_bfd(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_BFD_A_MAX + 1];
	struct net *net = genl_info_net(info);
	struct etrunk_bfd_conf c;
	struct etrunk_bfd *s;
	int err;

	err = etrunk_bfd_parse(info, tb, ETRUNK_BFD_CONFIG);
	if (err)
		return err;
	etrunk_store_lock_rtnl(net);
	s = etrunk_bfd_find_configured(info, tb[ETRUNK_BFD_A_NAME]);
	if (IS_ERR(s)) {
		err = PTR_ERR(s);
		goto out;
	}
	c = s->conf;
	etrunk_bfd_conf_apply(&c, tb);
	err = etrunk_bfd_conf_dev(net, &c, tb, info->extack);
	if (err)
		goto out;
	err = etrunk_bfd_conf_check(net, s, &c, tb, info->attrs[ETRUNK_A_BFD],
				    info->extack);
	if (err)
		goto out;
	s->conf = c;
	etrunk_bfd_event(net, s, ETRUNK_EVENT_BFD_CHANGED);
out:
	etrunk_store_unlock_rtnl(net);
	memzero_explicit(&c, sizeof(c));
	return err;
}

int etrunk_genl_del_bfd(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_BFD_A_MAX + 1];
	struct net *net = genl_info_net(info);
	struct etrunk_group *g;
	struct etrunk_bfd *s;
	int err;

	err = etrunk_bfd_parse(info, tb, ETRUNK_BFD_NAME_ONLY);
	if (err)
		return err;
	etrunk_store_lock_rtnl(net);
	s = etrunk_bfd_find_configured(info, tb[ETRUNK_BFD_A_NAME]);
	if (IS_ERR(s)) {
		err = PTR_ERR(s);
		goto out;
	}
	g = etrunk_bfd_bound_group(net, s);
	if (g) {
		etrunk_bfd_err(info->extack, tb[ETRUNK_BFD_A_NAME],
			       etrunk_bfd_bound_msg[g->id - 1]);
		err = -EBUSY;
		goto out;
	}
	etrunk_bfd_del(net, s);
out:
	etrunk_store_unlock_rtnl(net);
	return err;
}

/*
 * GET_BFD, and GET_BFD_KEY (the key, for the daemon: CAP_NET_ADMIN;
 * GET_BFD never has it): one session, named.
 */
static int etrunk_bfd_reply(struct genl_info *info, u8 cmd)
{
	struct nlattr *tb[ETRUNK_BFD_A_MAX + 1];
	struct etrunk_bfd *s;
	struct sk_buff *msg;
	int err;

	err = etrunk_bfd_parse(info, tb, ETRUNK_BFD_NAME_ONLY);
	if (err)
		return err;
	etrunk_store_lock(genl_info_net(info));
	s = etrunk_bfd_find(info, tb[ETRUNK_BFD_A_NAME]);
	msg = etrunk_obj_reply(info, &etrunk_bfd_type, s, cmd);
	etrunk_store_unlock(genl_info_net(info));
	return etrunk_genl_reply_send(info, msg);
}

int etrunk_genl_get_bfd(struct sk_buff *skb, struct genl_info *info)
{
	return etrunk_bfd_reply(info, ETRUNK_CMD_GET_BFD);
}

int etrunk_genl_get_bfd_key(struct sk_buff *skb, struct genl_info *info)
{
	return etrunk_bfd_reply(info, ETRUNK_CMD_GET_BFD_KEY);
}

/* cb->args[0]: sessions already dumped, in creation order. A session
 * whose links do not fit an empty message goes without them (GET_BFD of
 * it has them).
 */
int etrunk_genl_dump_bfd(struct sk_buff *skb, struct netlink_callback *cb)
{
	return etrunk_obj_dump(skb, cb, &etrunk_bfd_type,
			       &etrunk_bfds_of(sock_net(skb->sk))->list);
}

/* ---- devices and namespaces ---------------------------------------------- */

void etrunk_bfd_netdev_unregister(struct net_device *dev)
{
	struct net *net = dev_net(dev);
	struct etrunk_bfd *s, *tmp;
	struct etrunk_group *g;

	etrunk_store_assert(net);
	list_for_each_entry_safe(s, tmp, &etrunk_bfds_of(net)->list, list) {
		if (s->conf.ifindex != dev->ifindex)
			continue;
		g = etrunk_bfd_bound_group(net, s);
		if (g) {
			g->bfd_bound = NULL;
			etrunk_group_changed(net, g);
		}
		etrunk_bfd_del(net, s);
	}
}

void etrunk_bfds_init(struct etrunk_bfds *bs)
{
	INIT_LIST_HEAD(&bs->list);
	bs->n = 0;
}

void etrunk_bfds_exit(struct etrunk_bfds *bs)
{
	struct etrunk_bfd *s, *tmp;

	list_for_each_entry_safe(s, tmp, &bs->list, list) {
		list_del(&s->list);
		etrunk_bfd_free(s);
	}
	bs->n = 0;
}
