// SPDX-License-Identifier: GPL-2.0
/*
 * Remote backup services and profiles (see "Remote backup (RBS and RBP)"
 * in uapi/linux/etrunk.h): per namespace, the configuration etrunkd runs
 * (one TCP channel per service, the entry kinds of a trunk per profile)
 * and the state it writes back. No entry goes through here. Everything
 * runs under RTNL, as the groups and BFD sessions do, so a profile's
 * trunk and its binding are read without another lock.
 */

#include <linux/ctype.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/netns/generic.h>
#include <net/sock.h>

#include "device.h"
#include "etrunk_group.h"
#include "genetlink.h"
#include "rbs.h"

#define ETRUNK_RBS_N_KINDS (ETRUNK_RBP_KIND_MAX + 1)
/* ETRUNK_RBP_KS_A_SENT to ETRUNK_RBP_KS_A_FAILED */
#define ETRUNK_RBP_N_COUNTERS (ETRUNK_RBP_KS_A_FAILED - ETRUNK_RBP_KS_A_SENT + 1)

/**
 * struct etrunk_rbs_conf - what NEW_RBS and SET_RBS write
 * @addr_len: 4 (IPv4) or 16 (IPv6), of @peer.
 * @source_len: likewise, of @source; equal to @addr_len once checked.
 * @peer: the peer's address.
 * @source: ours.
 * @port: the TCP port.
 * @key_len: the key's length, 0: none.
 * @key: the HMAC-SHA256 key.
 * @hold_time: s.
 * @keepalive: ms.
 * @descr: NUL-terminated, "" if none.
 */
struct etrunk_rbs_conf {
	u8 addr_len;
	u8 source_len;
	u8 peer[16];
	u8 source[16];
	u16 port;
	u8 key_len;
	u8 key[ETRUNK_RBS_KEY_MAX];
	u32 hold_time;
	u32 keepalive;
	char descr[ETRUNK_RBS_DESCR_MAX + 1];
};

/**
 * struct etrunk_rbs - one remote backup service of a namespace
 * @list: in struct etrunk_rbs_net, in creation order.
 * @name: NUL-terminated.
 * @conf: the configuration.
 * @n_profiles: the profiles that use it.
 * @state: what etrunkd writes (SET_RBS_STATE), from here on.
 * @changed: jiffies of the last change of @state, if @has_changed.
 * @has_changed: whether @state ever changed.
 * @connects: likewise.
 * @auth_failures: likewise.
 * @errors: likewise.
 * @sync_duration: ms, of the last full sync, if @synced.
 * @synced_at: jiffies when it was written.
 * @synced: whether etrunkd wrote a sync.
 */
struct etrunk_rbs {
	struct list_head list;
	char name[ETRUNK_RBS_NAME_MAX + 1];
	struct etrunk_rbs_conf conf;
	unsigned int n_profiles;
	u8 state;
	u64 changed;
	bool has_changed;
	u64 connects;
	u64 auth_failures;
	u64 errors;
	u32 sync_duration;
	u64 synced_at;
	bool synced;
};

/**
 * struct etrunk_rbp_conf - what NEW_RBP and SET_RBP write
 * @rbs: the service.
 * @backup_id: unique per service.
 * @type: enum etrunk_rbp_type.
 * @kinds: ETRUNK_RBP_KIND_* bits.
 * @ifindex: the trunk.
 */
struct etrunk_rbp_conf {
	struct etrunk_rbs *rbs;
	u32 backup_id;
	u8 type;
	u32 kinds;
	int ifindex;
};

/**
 * struct etrunk_rbp - one remote backup profile of a namespace
 * @list: in struct etrunk_rbs_net, in creation order.
 * @name: NUL-terminated.
 * @conf: the configuration.
 * @stats: per kind, ETRUNK_RBP_KS_A_SENT to _FAILED, written by etrunkd.
 */
struct etrunk_rbp {
	struct list_head list;
	char name[ETRUNK_RBS_NAME_MAX + 1];
	struct etrunk_rbp_conf conf;
	u64 stats[ETRUNK_RBS_N_KINDS][ETRUNK_RBP_N_COUNTERS];
};

/* Per namespace, under RTNL. */
struct etrunk_rbs_net {
	struct list_head services;
	struct list_head profiles;
	unsigned int n_services;
	unsigned int n_profiles;
};

static unsigned int etrunk_rbs_net_id __read_mostly;

static struct etrunk_rbs_net *etrunk_rbs_net(const struct net *net)
{
	return net_generic(net, etrunk_rbs_net_id);
}

/* ---- policies --------------------------------------------------------- */

#define ETRUNK_RBS_RO(attr) \
	{ .type = NLA_REJECT, .reject_message = #attr " is read-only" }

static int etrunk_rbs_validate_addr(const struct nlattr *attr,
				    struct netlink_ext_ack *extack)
{
	if (nla_len(attr) == 4 || nla_len(attr) == 16)
		return 0;
	NL_SET_ERR_MSG_ATTR(extack, attr,
			    "An address is 4 (IPv4) or 16 (IPv6) bytes");
	return -EINVAL;
}

static struct netlink_range_validation etrunk_rbs_keepalive_range = {
	.min = ETRUNK_RBS_MIN_KEEPALIVE,
	.max = ETRUNK_RBS_MAX_KEEPALIVE,
};

const struct nla_policy etrunk_rbs_policy[ETRUNK_RBS_A_MAX + 1] = {
	/* Length and characters are checked with a message of their own. */
	[ETRUNK_RBS_A_NAME] = { .type = NLA_NUL_STRING },
	[ETRUNK_RBS_A_PEER_ADDR] =
		NLA_POLICY_VALIDATE_FN(NLA_BINARY, etrunk_rbs_validate_addr, 16),
	[ETRUNK_RBS_A_SOURCE_ADDR] =
		NLA_POLICY_VALIDATE_FN(NLA_BINARY, etrunk_rbs_validate_addr, 16),
	[ETRUNK_RBS_A_PORT] = NLA_POLICY_MIN(NLA_U16, 1),
	[ETRUNK_RBS_A_KEY] = { .type = NLA_BINARY, .len = ETRUNK_RBS_KEY_MAX },
	[ETRUNK_RBS_A_KEY_SET] = ETRUNK_RBS_RO(ETRUNK_RBS_A_KEY_SET),
	[ETRUNK_RBS_A_HOLD_TIME] = NLA_POLICY_MAX(NLA_U32, ETRUNK_RBS_MAX_HOLD_TIME),
	[ETRUNK_RBS_A_KEEPALIVE] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &etrunk_rbs_keepalive_range),
	[ETRUNK_RBS_A_DESCRIPTION] = {
		.type = NLA_NUL_STRING, .len = ETRUNK_RBS_DESCR_MAX
	},
	[ETRUNK_RBS_A_STATE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_RBS_STATE_MAX),
	[ETRUNK_RBS_A_STATE_AGE] = ETRUNK_RBS_RO(ETRUNK_RBS_A_STATE_AGE),
	[ETRUNK_RBS_A_CONNECTS] = { .type = NLA_U64 },
	[ETRUNK_RBS_A_AUTH_FAILURES] = { .type = NLA_U64 },
	[ETRUNK_RBS_A_ERRORS] = { .type = NLA_U64 },
	[ETRUNK_RBS_A_LAST_SYNC_DURATION] = { .type = NLA_U32 },
	[ETRUNK_RBS_A_LAST_SYNC_AGE] = ETRUNK_RBS_RO(ETRUNK_RBS_A_LAST_SYNC_AGE),
};

static const struct nla_policy etrunk_rbp_ks_policy[ETRUNK_RBP_KS_A_MAX + 1] = {
	[ETRUNK_RBP_KS_A_KIND] = NLA_POLICY_MAX(NLA_U8, ETRUNK_RBP_KIND_MAX),
	[ETRUNK_RBP_KS_A_SENT] = { .type = NLA_U64 },
	[ETRUNK_RBP_KS_A_RECEIVED] = { .type = NLA_U64 },
	[ETRUNK_RBP_KS_A_INSTALLED] = { .type = NLA_U64 },
	[ETRUNK_RBP_KS_A_REMOVED] = { .type = NLA_U64 },
	[ETRUNK_RBP_KS_A_ENTRIES] = { .type = NLA_U64 },
	[ETRUNK_RBP_KS_A_FAILED] = { .type = NLA_U64 },
};

const struct nla_policy etrunk_rbp_policy[ETRUNK_RBP_A_MAX + 1] = {
	[ETRUNK_RBP_A_NAME] = { .type = NLA_NUL_STRING },
	[ETRUNK_RBP_A_SERVICE] = {
		.type = NLA_NUL_STRING, .len = ETRUNK_RBS_NAME_MAX
	},
	[ETRUNK_RBP_A_BACKUP_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[ETRUNK_RBP_A_TYPE] = NLA_POLICY_RANGE(NLA_U8, ETRUNK_RBP_HOT,
					       ETRUNK_RBP_TYPE_MAX),
	[ETRUNK_RBP_A_KINDS] = NLA_POLICY_RANGE(NLA_U32, 1, ETRUNK_RBP_KINDS_ALL),
	[ETRUNK_RBP_A_IFINDEX] = { .type = NLA_U32 },
	[ETRUNK_RBP_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[ETRUNK_RBP_A_GROUP] = ETRUNK_RBS_RO(ETRUNK_RBP_A_GROUP),
	[ETRUNK_RBP_A_TRUNK_ID] = ETRUNK_RBS_RO(ETRUNK_RBP_A_TRUNK_ID),
	[ETRUNK_RBP_A_STATS] = NLA_POLICY_NESTED_ARRAY(etrunk_rbp_ks_policy),
	[ETRUNK_RBP_A_KIND_STATS] = {
		.type = NLA_REJECT,
		.reject_message = "ETRUNK_RBP_A_KIND_STATS goes in ETRUNK_RBP_A_STATS",
	},
};

/* The attributes each kind of command takes. */
#define ETRUNK_RBS_CONFIG (BIT_ULL(ETRUNK_RBS_A_NAME) | \
	BIT_ULL(ETRUNK_RBS_A_PEER_ADDR) | BIT_ULL(ETRUNK_RBS_A_SOURCE_ADDR) | \
	BIT_ULL(ETRUNK_RBS_A_PORT) | BIT_ULL(ETRUNK_RBS_A_KEY) | \
	BIT_ULL(ETRUNK_RBS_A_HOLD_TIME) | BIT_ULL(ETRUNK_RBS_A_KEEPALIVE) | \
	BIT_ULL(ETRUNK_RBS_A_DESCRIPTION))
#define ETRUNK_RBS_STATE (BIT_ULL(ETRUNK_RBS_A_NAME) | \
	BIT_ULL(ETRUNK_RBS_A_STATE) | BIT_ULL(ETRUNK_RBS_A_CONNECTS) | \
	BIT_ULL(ETRUNK_RBS_A_AUTH_FAILURES) | BIT_ULL(ETRUNK_RBS_A_ERRORS) | \
	BIT_ULL(ETRUNK_RBS_A_LAST_SYNC_DURATION))
#define ETRUNK_RBP_CONFIG (BIT_ULL(ETRUNK_RBP_A_NAME) | \
	BIT_ULL(ETRUNK_RBP_A_SERVICE) | BIT_ULL(ETRUNK_RBP_A_BACKUP_ID) | \
	BIT_ULL(ETRUNK_RBP_A_TYPE) | BIT_ULL(ETRUNK_RBP_A_KINDS) | \
	BIT_ULL(ETRUNK_RBP_A_IFINDEX) | BIT_ULL(ETRUNK_RBP_A_IFNAME))
#define ETRUNK_RBP_STATE (BIT_ULL(ETRUNK_RBP_A_NAME) | BIT_ULL(ETRUNK_RBP_A_STATS))
/* The name attribute is 2 in both. */
#define ETRUNK_RBS_NAME_ONLY BIT_ULL(ETRUNK_RBS_A_NAME)

/**
 * struct etrunk_rbs_kind - what tells services and profiles apart in the
 *     common code
 * @nest: ETRUNK_A_RBS or ETRUNK_A_RBP.
 * @maxtype: the nest's highest attribute.
 * @policy: the nest's policy.
 * @config: the attributes NEW and SET take.
 * @nest_required: "ETRUNK_A_RBS is required" and the like.
 * @name_required: likewise, of the name.
 * @config_cmd: the message of a configuration attribute elsewhere.
 * @state_cmd: the message of a state attribute elsewhere.
 * @name_only: the message of any other attribute in DEL, GET, GET_KEY.
 * @not_found: the message of an unknown name.
 */
struct etrunk_rbs_kind {
	int nest;
	int maxtype;
	const struct nla_policy *policy;
	u64 config;
	const char *nest_required;
	const char *name_required;
	const char *config_cmd;
	const char *state_cmd;
	const char *name_only;
	const char *not_found;
};

static const struct etrunk_rbs_kind etrunk_rbs_service = {
	.nest = ETRUNK_A_RBS,
	.maxtype = ETRUNK_RBS_A_MAX,
	.policy = etrunk_rbs_policy,
	.config = ETRUNK_RBS_CONFIG,
	.nest_required = "ETRUNK_A_RBS is required",
	.name_required = "ETRUNK_RBS_A_NAME is required",
	.config_cmd = "Written with ETRUNK_CMD_NEW_RBS or ETRUNK_CMD_SET_RBS",
	.state_cmd = "Written with ETRUNK_CMD_SET_RBS_STATE",
	.name_only = "Only ETRUNK_RBS_A_NAME is taken here",
	.not_found = "No such remote backup service",
};

static const struct etrunk_rbs_kind etrunk_rbs_profile = {
	.nest = ETRUNK_A_RBP,
	.maxtype = ETRUNK_RBP_A_MAX,
	.policy = etrunk_rbp_policy,
	.config = ETRUNK_RBP_CONFIG,
	.nest_required = "ETRUNK_A_RBP is required",
	.name_required = "ETRUNK_RBP_A_NAME is required",
	.config_cmd = "Written with ETRUNK_CMD_NEW_RBP or ETRUNK_CMD_SET_RBP",
	.state_cmd = "Written with ETRUNK_CMD_SET_RBP_STATE",
	.name_only = "Only ETRUNK_RBP_A_NAME is taken here",
	.not_found = "No such remote backup profile",
};

static const char etrunk_rbs_bad_name[] =
	"A name is 1 to 31 letters, digits, '-', '_' and '.'";

/* NL_SET_ERR_MSG_ATTR() of a message that is not a literal. */
static void etrunk_rbs_err(struct netlink_ext_ack *extack,
			   const struct nlattr *attr, const char *msg)
{
	if (!extack)
		return;
	extack->_msg = msg;
	NL_SET_BAD_ATTR(extack, attr);
}

static bool etrunk_rbs_name_ok(const char *name)
{
	size_t len = strlen(name), i;

	if (!len || len > ETRUNK_RBS_NAME_MAX)
		return false;
	for (i = 0; i < len; i++)
		if (!isalnum(name[i]) && name[i] != '-' && name[i] != '_' &&
		    name[i] != '.')
			return false;
	return true;
}

/*
 * The service or profile nest of a request into @tb: the name is
 * required and valid, and only the attributes in @allowed are taken (the
 * others are refused, naming the command that writes them).
 */
static int etrunk_rbs_parse(struct genl_info *info,
			    const struct etrunk_rbs_kind *k, struct nlattr **tb,
			    u64 allowed)
{
	struct nlattr *nest = info->attrs[k->nest];
	int err, i;

	if (!nest) {
		etrunk_rbs_err(info->extack, NULL, k->nest_required);
		return -EINVAL;
	}
	err = nla_parse_nested(tb, k->maxtype, nest, k->policy, info->extack);
	if (err)
		return err;
	BUILD_BUG_ON((int)ETRUNK_RBS_A_NAME != (int)ETRUNK_RBP_A_NAME);
	if (!tb[ETRUNK_RBS_A_NAME]) {
		etrunk_rbs_err(info->extack, nest, k->name_required);
		return -EINVAL;
	}
	if (!etrunk_rbs_name_ok(nla_data(tb[ETRUNK_RBS_A_NAME]))) {
		etrunk_rbs_err(info->extack, tb[ETRUNK_RBS_A_NAME],
			       etrunk_rbs_bad_name);
		return -EINVAL;
	}
	for (i = 1; i <= k->maxtype; i++) {
		if (!tb[i] || (allowed & BIT_ULL(i)))
			continue;
		etrunk_rbs_err(info->extack, tb[i],
			       allowed == ETRUNK_RBS_NAME_ONLY ? k->name_only :
			       k->config & BIT_ULL(i) ? k->config_cmd :
			       k->state_cmd);
		return -EINVAL;
	}
	return 0;
}

static struct etrunk_rbs *etrunk_rbs_lookup(struct etrunk_rbs_net *rn,
					    const char *name)
{
	struct etrunk_rbs *s;

	list_for_each_entry(s, &rn->services, list)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

static struct etrunk_rbp *etrunk_rbp_lookup(struct etrunk_rbs_net *rn,
					    const char *name)
{
	struct etrunk_rbp *p;

	list_for_each_entry(p, &rn->profiles, list)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

static struct etrunk_rbs *etrunk_rbs_find(struct genl_info *info,
					  struct nlattr *name)
{
	struct etrunk_rbs *s;

	s = etrunk_rbs_lookup(etrunk_rbs_net(genl_info_net(info)),
			      nla_data(name));
	if (!s)
		NL_SET_ERR_MSG_ATTR(info->extack, name,
				    "No such remote backup service");
	return s;
}

static struct etrunk_rbp *etrunk_rbp_find(struct genl_info *info,
					  struct nlattr *name)
{
	struct etrunk_rbp *p;

	p = etrunk_rbp_lookup(etrunk_rbs_net(genl_info_net(info)),
			      nla_data(name));
	if (!p)
		NL_SET_ERR_MSG_ATTR(info->extack, name,
				    "No such remote backup profile");
	return p;
}

/* ---- messages ----------------------------------------------------------- */

static size_t etrunk_rbs_size(void)
{
	return nla_total_size(0) +			/* ETRUNK_A_RBS */
	       nla_total_size(ETRUNK_RBS_NAME_MAX + 1) +
	       2 * nla_total_size(16) +			/* addresses */
	       nla_total_size(sizeof(u16)) +		/* PORT */
	       2 * nla_total_size(sizeof(u8)) +		/* KEY_SET, STATE */
	       3 * nla_total_size(sizeof(u32)) +	/* HOLD_TIME ... */
	       nla_total_size(ETRUNK_RBS_DESCR_MAX + 1) +
	       5 * nla_total_size_64bit(sizeof(u64));	/* ages, counters */
}

static u64 etrunk_rbs_age(u64 then)
{
	return jiffies64_to_msecs(get_jiffies_64() - then);
}

/* ETRUNK_A_RBS of a service: everything but the key. */
static int etrunk_rbs_put(struct sk_buff *skb, struct net *net,
			  const void *obj)
{
	const struct etrunk_rbs *s = obj;
	const struct etrunk_rbs_conf *c = &s->conf;
	struct nlattr *nest;

	nest = nla_nest_start(skb, ETRUNK_A_RBS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_string(skb, ETRUNK_RBS_A_NAME, s->name) ||
	    nla_put(skb, ETRUNK_RBS_A_PEER_ADDR, c->addr_len, c->peer) ||
	    nla_put(skb, ETRUNK_RBS_A_SOURCE_ADDR, c->source_len, c->source) ||
	    nla_put_u16(skb, ETRUNK_RBS_A_PORT, c->port) ||
	    nla_put_u8(skb, ETRUNK_RBS_A_KEY_SET, c->key_len != 0) ||
	    nla_put_u32(skb, ETRUNK_RBS_A_HOLD_TIME, c->hold_time) ||
	    nla_put_u32(skb, ETRUNK_RBS_A_KEEPALIVE, c->keepalive) ||
	    (c->descr[0] &&
	     nla_put_string(skb, ETRUNK_RBS_A_DESCRIPTION, c->descr)) ||
	    nla_put_u8(skb, ETRUNK_RBS_A_STATE, s->state) ||
	    (s->has_changed &&
	     nla_put_u64_64bit(skb, ETRUNK_RBS_A_STATE_AGE,
			       etrunk_rbs_age(s->changed), ETRUNK_RBS_A_PAD)) ||
	    nla_put_u64_64bit(skb, ETRUNK_RBS_A_CONNECTS, s->connects,
			      ETRUNK_RBS_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_RBS_A_AUTH_FAILURES, s->auth_failures,
			      ETRUNK_RBS_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_RBS_A_ERRORS, s->errors,
			      ETRUNK_RBS_A_PAD) ||
	    (s->synced &&
	     (nla_put_u32(skb, ETRUNK_RBS_A_LAST_SYNC_DURATION,
			  s->sync_duration) ||
	      nla_put_u64_64bit(skb, ETRUNK_RBS_A_LAST_SYNC_AGE,
				etrunk_rbs_age(s->synced_at), ETRUNK_RBS_A_PAD)))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static size_t etrunk_rbp_size(void)
{
	return nla_total_size(0) +			/* ETRUNK_A_RBP */
	       2 * nla_total_size(ETRUNK_RBS_NAME_MAX + 1) + /* NAME, SERVICE */
	       5 * nla_total_size(sizeof(u32)) +	/* BACKUP_ID ... */
	       nla_total_size(sizeof(u8)) +		/* TYPE */
	       nla_total_size(IFNAMSIZ) +		/* IFNAME */
	       nla_total_size(0) +			/* STATS */
	       ETRUNK_RBS_N_KINDS * (nla_total_size(0) + nla_total_size(sizeof(u8)) +
				     ETRUNK_RBP_N_COUNTERS *
				     nla_total_size_64bit(sizeof(u64)));
}

static int etrunk_rbp_put_stats(struct sk_buff *skb, const struct etrunk_rbp *p)
{
	struct nlattr *stats, *nest;
	int k, i;

	stats = nla_nest_start(skb, ETRUNK_RBP_A_STATS);
	if (!stats)
		return -EMSGSIZE;
	for (k = 0; k < ETRUNK_RBS_N_KINDS; k++) {
		if (!(p->conf.kinds & BIT(k)))
			continue;
		nest = nla_nest_start(skb, ETRUNK_RBP_A_KIND_STATS);
		if (!nest || nla_put_u8(skb, ETRUNK_RBP_KS_A_KIND, k))
			return -EMSGSIZE;
		for (i = 0; i < ETRUNK_RBP_N_COUNTERS; i++)
			if (nla_put_u64_64bit(skb, ETRUNK_RBP_KS_A_SENT + i,
					      p->stats[k][i], ETRUNK_RBP_KS_A_PAD))
				return -EMSGSIZE;
		nla_nest_end(skb, nest);
	}
	nla_nest_end(skb, stats);
	return 0;
}

/* RTNL: ETRUNK_A_RBP of a profile, with its trunk's binding as it is now. */
static int etrunk_rbp_put(struct sk_buff *skb, struct net *net,
			  const void *obj)
{
	const struct etrunk_rbp *p = obj;
	const struct etrunk_rbp_conf *c = &p->conf;
	const struct etrunk_binding *b = NULL;
	struct net_device *dev;
	struct nlattr *nest;

	dev = __dev_get_by_index(net, c->ifindex);
	if (dev && netif_is_etrunk(dev))
		b = ((struct etrunk *)netdev_priv(dev))->binding;
	nest = nla_nest_start(skb, ETRUNK_A_RBP);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_string(skb, ETRUNK_RBP_A_NAME, p->name) ||
	    nla_put_string(skb, ETRUNK_RBP_A_SERVICE, c->rbs->name) ||
	    nla_put_u32(skb, ETRUNK_RBP_A_BACKUP_ID, c->backup_id) ||
	    nla_put_u8(skb, ETRUNK_RBP_A_TYPE, c->type) ||
	    nla_put_u32(skb, ETRUNK_RBP_A_KINDS, c->kinds) ||
	    nla_put_u32(skb, ETRUNK_RBP_A_IFINDEX, c->ifindex) ||
	    (dev && nla_put_string(skb, ETRUNK_RBP_A_IFNAME, dev->name)) ||
	    nla_put_u32(skb, ETRUNK_RBP_A_GROUP, b ? b->group->id : 0) ||
	    nla_put_u32(skb, ETRUNK_RBP_A_TRUNK_ID, b ? b->id : 0) ||
	    etrunk_rbp_put_stats(skb, p)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static void etrunk_rbs_event(struct net *net, const struct etrunk_rbs *s,
			     u8 event)
{
	etrunk_genl_event(net, event, etrunk_rbs_size(), etrunk_rbs_put, s);
}

static void etrunk_rbp_event(struct net *net, const struct etrunk_rbp *p,
			     u8 event)
{
	etrunk_genl_event(net, event, etrunk_rbp_size(), etrunk_rbp_put, p);
}

/* ---- services ------------------------------------------------------------ */

/* @tb onto @c. */
static void etrunk_rbs_conf_apply(struct etrunk_rbs_conf *c, struct nlattr **tb)
{
	struct nlattr *a;

	a = tb[ETRUNK_RBS_A_PEER_ADDR];
	if (a) {
		c->addr_len = nla_len(a);
		memset(c->peer, 0, sizeof(c->peer));
		memcpy(c->peer, nla_data(a), nla_len(a));
	}
	a = tb[ETRUNK_RBS_A_SOURCE_ADDR];
	if (a) {
		c->source_len = nla_len(a);
		memset(c->source, 0, sizeof(c->source));
		memcpy(c->source, nla_data(a), nla_len(a));
	}
	if (tb[ETRUNK_RBS_A_PORT])
		c->port = nla_get_u16(tb[ETRUNK_RBS_A_PORT]);
	a = tb[ETRUNK_RBS_A_KEY];
	if (a) {
		memzero_explicit(c->key, sizeof(c->key));
		c->key_len = nla_len(a);
		memcpy(c->key, nla_data(a), nla_len(a));
	}
	if (tb[ETRUNK_RBS_A_HOLD_TIME])
		c->hold_time = nla_get_u32(tb[ETRUNK_RBS_A_HOLD_TIME]);
	if (tb[ETRUNK_RBS_A_KEEPALIVE])
		c->keepalive = nla_get_u32(tb[ETRUNK_RBS_A_KEEPALIVE]);
	if (tb[ETRUNK_RBS_A_DESCRIPTION])
		nla_strscpy(c->descr, tb[ETRUNK_RBS_A_DESCRIPTION],
			    sizeof(c->descr));
}

/* RTNL: whether @c, the configuration @s (NULL: a new one) is to take
 * from @tb, holds together.
 */
static int etrunk_rbs_conf_check(struct etrunk_rbs_net *rn,
				 const struct etrunk_rbs *s,
				 const struct etrunk_rbs_conf *c,
				 struct nlattr **tb,
				 struct netlink_ext_ack *extack)
{
	const struct etrunk_rbs *o;

	if (c->source_len != c->addr_len) {
		NL_SET_ERR_MSG_ATTR(extack, tb[ETRUNK_RBS_A_SOURCE_ADDR] ?:
				    tb[ETRUNK_RBS_A_PEER_ADDR],
				    "The addresses of a service must be of one family");
		return -EINVAL;
	}
	list_for_each_entry(o, &rn->services, list) {
		if (o == s || o->conf.port != c->port ||
		    o->conf.addr_len != c->addr_len ||
		    memcmp(o->conf.peer, c->peer, c->addr_len))
			continue;
		NL_SET_ERR_MSG_ATTR(extack, tb[ETRUNK_RBS_A_PEER_ADDR] ?:
				    tb[ETRUNK_RBS_A_PORT],
				    "Another service has this peer address and port");
		return -EEXIST;
	}
	return 0;
}

int etrunk_genl_new_rbs(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_RBS_A_MAX + 1];
	struct nlattr *nest = info->attrs[ETRUNK_A_RBS];
	struct net *net = genl_info_net(info);
	struct etrunk_rbs_net *rn;
	struct etrunk_rbs_conf c;
	struct etrunk_rbs *s;
	int err;

	err = etrunk_rbs_parse(info, &etrunk_rbs_service, tb, ETRUNK_RBS_CONFIG);
	if (err)
		return err;
	if (!tb[ETRUNK_RBS_A_PEER_ADDR] || !tb[ETRUNK_RBS_A_SOURCE_ADDR]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "A new service needs ETRUNK_RBS_A_PEER_ADDR and ETRUNK_RBS_A_SOURCE_ADDR");
		return -EINVAL;
	}
	memset(&c, 0, sizeof(c));
	c.port = ETRUNK_RBS_DEFAULT_PORT;
	c.hold_time = ETRUNK_RBS_DEFAULT_HOLD_TIME;
	c.keepalive = ETRUNK_RBS_DEFAULT_KEEPALIVE;
	etrunk_rbs_conf_apply(&c, tb);

	rtnl_lock();
	rn = etrunk_rbs_net(net);
	err = -EEXIST;
	if (etrunk_rbs_lookup(rn, nla_data(tb[ETRUNK_RBS_A_NAME]))) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[ETRUNK_RBS_A_NAME],
				    "A remote backup service of this name exists");
		goto out;
	}
	err = -ENOSPC;
	if (rn->n_services >= ETRUNK_RBS_MAX_SERVICES) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "The namespace has its maximum of remote backup services");
		goto out;
	}
	err = etrunk_rbs_conf_check(rn, NULL, &c, tb, info->extack);
	if (err)
		goto out;
	err = -ENOMEM;
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		goto out;
	err = 0;
	nla_strscpy(s->name, tb[ETRUNK_RBS_A_NAME], sizeof(s->name));
	s->conf = c;
	s->state = ETRUNK_RBS_DOWN;
	list_add_tail(&s->list, &rn->services);
	rn->n_services++;
	etrunk_rbs_event(net, s, ETRUNK_EVENT_RBS_ADDED);
out:
	rtnl_unlock();
	memzero_explicit(&c, sizeof(c));
	return err;
}

int etrunk_genl_set_rbs(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_RBS_A_MAX + 1];
	struct net *net = genl_info_net(info);
	struct etrunk_rbs_conf c;
	struct etrunk_rbs *s;
	int err;

	err = etrunk_rbs_parse(info, &etrunk_rbs_service, tb, ETRUNK_RBS_CONFIG);
	if (err)
		return err;
	rtnl_lock();
	s = etrunk_rbs_find(info, tb[ETRUNK_RBS_A_NAME]);
	if (!s) {
		err = -ENOENT;
		goto out;
	}
	c = s->conf;
	etrunk_rbs_conf_apply(&c, tb);
	err = etrunk_rbs_conf_check(etrunk_rbs_net(net), s, &c, tb,
				    info->extack);
	if (err)
		goto out;
	s->conf = c;
	etrunk_rbs_event(net, s, ETRUNK_EVENT_RBS_CHANGED);
out:
	rtnl_unlock();
	memzero_explicit(&c, sizeof(c));
	return err;
}

static void etrunk_rbs_free(struct etrunk_rbs *s)
{
	kfree_sensitive(s);
}

int etrunk_genl_del_rbs(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_RBS_A_MAX + 1];
	struct net *net = genl_info_net(info);
	struct etrunk_rbs *s;
	int err;

	err = etrunk_rbs_parse(info, &etrunk_rbs_service, tb,
			       ETRUNK_RBS_NAME_ONLY);
	if (err)
		return err;
	rtnl_lock();
	s = etrunk_rbs_find(info, tb[ETRUNK_RBS_A_NAME]);
	if (!s) {
		err = -ENOENT;
		goto out;
	}
	if (s->n_profiles) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[ETRUNK_RBS_A_NAME],
				    "Profiles use the service; delete them first");
		err = -EBUSY;
		goto out;
	}
	etrunk_rbs_event(net, s, ETRUNK_EVENT_RBS_REMOVED);
	list_del(&s->list);
	etrunk_rbs_net(net)->n_services--;
	etrunk_rbs_free(s);
out:
	rtnl_unlock();
	return err;
}

int etrunk_genl_set_rbs_state(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_RBS_A_MAX + 1];
	bool changed = false;
	struct etrunk_rbs *s;
	u8 state;
	int err;

	err = etrunk_rbs_parse(info, &etrunk_rbs_service, tb, ETRUNK_RBS_STATE);
	if (err)
		return err;
	rtnl_lock();
	s = etrunk_rbs_find(info, tb[ETRUNK_RBS_A_NAME]);
	if (!s) {
		err = -ENOENT;
		goto out;
	}
	if (tb[ETRUNK_RBS_A_STATE]) {
		state = nla_get_u8(tb[ETRUNK_RBS_A_STATE]);
		if (state != s->state) {
			s->state = state;
			s->changed = get_jiffies_64();
			s->has_changed = true;
			changed = true;
		}
	}
	if (tb[ETRUNK_RBS_A_CONNECTS])
		s->connects = nla_get_u64(tb[ETRUNK_RBS_A_CONNECTS]);
	if (tb[ETRUNK_RBS_A_AUTH_FAILURES])
		s->auth_failures = nla_get_u64(tb[ETRUNK_RBS_A_AUTH_FAILURES]);
	if (tb[ETRUNK_RBS_A_ERRORS])
		s->errors = nla_get_u64(tb[ETRUNK_RBS_A_ERRORS]);
	if (tb[ETRUNK_RBS_A_LAST_SYNC_DURATION]) {
		s->sync_duration = nla_get_u32(tb[ETRUNK_RBS_A_LAST_SYNC_DURATION]);
		s->synced_at = get_jiffies_64();
		s->synced = true;
		changed = true;
	}
	if (changed)
		etrunk_rbs_event(genl_info_net(info), s, ETRUNK_EVENT_RBS_STATE);
out:
	rtnl_unlock();
	return err;
}

/* GET_RBS_KEY's reply: ETRUNK_A_RBS with the name and the key only. */
static int etrunk_rbs_put_key(struct sk_buff *skb, struct net *net,
			      const void *obj)
{
	const struct etrunk_rbs *s = obj;

	return etrunk_genl_put_key(skb, ETRUNK_A_RBS, ETRUNK_RBS_A_NAME,
				   strlen(s->name) + 1, s->name,
				   ETRUNK_RBS_A_KEY, s->conf.key_len,
				   s->conf.key);
}

/*
 * GET_RBS, and GET_RBS_KEY (the key, for the daemon: CAP_NET_ADMIN;
 * GET_RBS never has it): one service, named.
 */
static int etrunk_rbs_reply(struct genl_info *info, u8 cmd)
{
	struct nlattr *tb[ETRUNK_RBS_A_MAX + 1];
	struct etrunk_rbs *s;
	struct sk_buff *msg;
	int err;

	err = etrunk_rbs_parse(info, &etrunk_rbs_service, tb,
			       ETRUNK_RBS_NAME_ONLY);
	if (err)
		return err;
	rtnl_lock();
	s = etrunk_rbs_find(info, tb[ETRUNK_RBS_A_NAME]);
	if (!s)
		msg = ERR_PTR(-ENOENT);
	else if (cmd == ETRUNK_CMD_GET_RBS_KEY)
		msg = etrunk_genl_reply_new(info, cmd,
					    etrunk_genl_key_size(ETRUNK_RBS_NAME_MAX + 1,
								 ETRUNK_RBS_KEY_MAX),
					    etrunk_rbs_put_key, s);
	else
		msg = etrunk_genl_reply_new(info, cmd, etrunk_rbs_size(),
					    etrunk_rbs_put, s);
	rtnl_unlock();
	return etrunk_genl_reply_send(info, msg);
}

int etrunk_genl_get_rbs(struct sk_buff *skb, struct genl_info *info)
{
	return etrunk_rbs_reply(info, ETRUNK_CMD_GET_RBS);
}

int etrunk_genl_get_rbs_key(struct sk_buff *skb, struct genl_info *info)
{
	return etrunk_rbs_reply(info, ETRUNK_CMD_GET_RBS_KEY);
}

/* cb->args[0]: services already dumped, in creation order. */
int etrunk_genl_dump_rbs(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	const struct etrunk_rbs *s;
	unsigned long idx = 0;
	int err = 0;

	rtnl_lock();
	list_for_each_entry(s, &etrunk_rbs_net(net)->services, list) {
		if (idx++ < cb->args[0])
			continue;
		err = etrunk_genl_dump_one(skb, cb, ETRUNK_CMD_GET_RBS,
					   etrunk_rbs_put, s);
		if (err)
			break;
		cb->args[0] = idx;
	}
	rtnl_unlock();
	return err && !skb->len ? err : skb->len;
}

/* ---- profiles ------------------------------------------------------------ */

/* RTNL: @tb onto @c, with the service and the trunk it names looked up. */
static int etrunk_rbp_conf_apply(struct net *net, struct etrunk_rbp_conf *c,
				 struct nlattr **tb,
				 struct netlink_ext_ack *extack)
{
	struct nlattr *ifindex = tb[ETRUNK_RBP_A_IFINDEX];
	struct nlattr *ifname = tb[ETRUNK_RBP_A_IFNAME];
	struct nlattr *a = tb[ETRUNK_RBP_A_SERVICE];
	struct net_device *dev;

	if (a) {
		c->rbs = etrunk_rbs_lookup(etrunk_rbs_net(net), nla_data(a));
		if (!c->rbs) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "No such remote backup service");
			return -ENOENT;
		}
	}
	if (ifindex || ifname) {
		dev = etrunk_genl_dev(net, ifindex, ifname, extack);
		if (IS_ERR(dev))
			return PTR_ERR(dev);
		if (!netif_is_etrunk(dev)) {
			NL_SET_ERR_MSG_ATTR(extack, ifindex ?: ifname,
					    "The device is not a trunk");
			return -ENODEV;
		}
		c->ifindex = dev->ifindex;
	}
	if (tb[ETRUNK_RBP_A_BACKUP_ID])
		c->backup_id = nla_get_u32(tb[ETRUNK_RBP_A_BACKUP_ID]);
	if (tb[ETRUNK_RBP_A_TYPE])
		c->type = nla_get_u8(tb[ETRUNK_RBP_A_TYPE]);
	if (tb[ETRUNK_RBP_A_KINDS])
		c->kinds = nla_get_u32(tb[ETRUNK_RBP_A_KINDS]);
	return 0;
}

/* RTNL: -EEXIST if another profile of @c's service has its backup id. */
static int etrunk_rbp_conf_check(struct etrunk_rbs_net *rn,
				 const struct etrunk_rbp *p,
				 const struct etrunk_rbp_conf *c,
				 struct nlattr **tb,
				 struct netlink_ext_ack *extack)
{
	const struct etrunk_rbp *o;

	list_for_each_entry(o, &rn->profiles, list) {
		if (o == p || o->conf.rbs != c->rbs ||
		    o->conf.backup_id != c->backup_id)
			continue;
		NL_SET_ERR_MSG_ATTR(extack, tb[ETRUNK_RBP_A_BACKUP_ID] ?:
				    tb[ETRUNK_RBP_A_SERVICE],
				    "Another profile of the service has this backup id");
		return -EEXIST;
	}
	return 0;
}

int etrunk_genl_new_rbp(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_RBP_A_MAX + 1];
	struct nlattr *nest = info->attrs[ETRUNK_A_RBP];
	struct net *net = genl_info_net(info);
	struct etrunk_rbs_net *rn;
	struct etrunk_rbp_conf c;
	struct etrunk_rbp *p;
	int err;

	err = etrunk_rbs_parse(info, &etrunk_rbs_profile, tb, ETRUNK_RBP_CONFIG);
	if (err)
		return err;
	if (!tb[ETRUNK_RBP_A_SERVICE]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "A new profile needs ETRUNK_RBP_A_SERVICE");
		return -EINVAL;
	}
	if (!tb[ETRUNK_RBP_A_BACKUP_ID]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "A new profile needs ETRUNK_RBP_A_BACKUP_ID");
		return -EINVAL;
	}
	if (!tb[ETRUNK_RBP_A_IFINDEX] && !tb[ETRUNK_RBP_A_IFNAME]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "A new profile needs its trunk (ETRUNK_RBP_A_IFINDEX or ETRUNK_RBP_A_IFNAME)");
		return -EINVAL;
	}
	memset(&c, 0, sizeof(c));
	c.type = ETRUNK_RBP_HOT;
	c.kinds = ETRUNK_RBP_KINDS_ALL;

	rtnl_lock();
	rn = etrunk_rbs_net(net);
	err = -EEXIST;
	if (etrunk_rbp_lookup(rn, nla_data(tb[ETRUNK_RBP_A_NAME]))) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[ETRUNK_RBP_A_NAME],
				    "A remote backup profile of this name exists");
		goto out;
	}
	err = -ENOSPC;
	if (rn->n_profiles >= ETRUNK_RBP_MAX_PROFILES) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "The namespace has its maximum of remote backup profiles");
		goto out;
	}
	err = etrunk_rbp_conf_apply(net, &c, tb, info->extack);
	if (err)
		goto out;
	err = etrunk_rbp_conf_check(rn, NULL, &c, tb, info->extack);
	if (err)
		goto out;
	err = -ENOMEM;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		goto out;
	err = 0;
	nla_strscpy(p->name, tb[ETRUNK_RBP_A_NAME], sizeof(p->name));
	p->conf = c;
	c.rbs->n_profiles++;
	list_add_tail(&p->list, &rn->profiles);
	rn->n_profiles++;
	etrunk_rbp_event(net, p, ETRUNK_EVENT_RBP_ADDED);
out:
	rtnl_unlock();
	return err;
}

int etrunk_genl_set_rbp(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_RBP_A_MAX + 1];
	struct net *net = genl_info_net(info);
	struct etrunk_rbp_conf c;
	struct etrunk_rbp *p;
	int err;

	err = etrunk_rbs_parse(info, &etrunk_rbs_profile, tb, ETRUNK_RBP_CONFIG);
	if (err)
		return err;
	rtnl_lock();
	p = etrunk_rbp_find(info, tb[ETRUNK_RBP_A_NAME]);
	if (!p) {
		err = -ENOENT;
		goto out;
	}
	c = p->conf;
	err = etrunk_rbp_conf_apply(net, &c, tb, info->extack);
	if (err)
		goto out;
	err = etrunk_rbp_conf_check(etrunk_rbs_net(net), p, &c, tb,
				    info->extack);
	if (err)
		goto out;
	p->conf.rbs->n_profiles--;
	c.rbs->n_profiles++;
	p->conf = c;
	etrunk_rbp_event(net, p, ETRUNK_EVENT_RBP_CHANGED);
out:
	rtnl_unlock();
	return err;
}

static void etrunk_rbp_del(struct net *net, struct etrunk_rbp *p)
{
	etrunk_rbp_event(net, p, ETRUNK_EVENT_RBP_REMOVED);
	list_del(&p->list);
	p->conf.rbs->n_profiles--;
	etrunk_rbs_net(net)->n_profiles--;
	kfree(p);
}

int etrunk_genl_del_rbp(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_RBP_A_MAX + 1];
	struct etrunk_rbp *p;
	int err;

	err = etrunk_rbs_parse(info, &etrunk_rbs_profile, tb,
			       ETRUNK_RBS_NAME_ONLY);
	if (err)
		return err;
	rtnl_lock();
	p = etrunk_rbp_find(info, tb[ETRUNK_RBP_A_NAME]);
	if (p)
		etrunk_rbp_del(genl_info_net(info), p);
	else
		err = -ENOENT;
	rtnl_unlock();
	return err;
}

/* The counters of a SET_RBP_STATE into @stats (marking the kinds and
 * counters given in @given), before anything changes.
 */
static int etrunk_rbp_parse_stats(struct nlattr *stats,
				  u64 stats_out[][ETRUNK_RBP_N_COUNTERS],
				  bool given[][ETRUNK_RBP_N_COUNTERS],
				  struct netlink_ext_ack *extack)
{
	struct nlattr *tb[ETRUNK_RBP_KS_A_MAX + 1];
	u32 seen = 0;
	struct nlattr *a;
	int rem, err, i;
	u8 k;

	nla_for_each_nested(a, stats, rem) {
		if (nla_type(a) != ETRUNK_RBP_A_KIND_STATS) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "ETRUNK_RBP_A_STATS holds ETRUNK_RBP_A_KIND_STATS nests only");
			return -EINVAL;
		}
		err = nla_parse_nested(tb, ETRUNK_RBP_KS_A_MAX, a,
				       etrunk_rbp_ks_policy, extack);
		if (err)
			return err;
		if (!tb[ETRUNK_RBP_KS_A_KIND]) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "ETRUNK_RBP_KS_A_KIND is required");
			return -EINVAL;
		}
		k = nla_get_u8(tb[ETRUNK_RBP_KS_A_KIND]);
		if (seen & BIT(k)) {
			NL_SET_ERR_MSG_ATTR(extack, tb[ETRUNK_RBP_KS_A_KIND],
					    "Each kind once in ETRUNK_RBP_A_STATS");
			return -EINVAL;
		}
		seen |= BIT(k);
		for (i = 0; i < ETRUNK_RBP_N_COUNTERS; i++) {
			if (!tb[ETRUNK_RBP_KS_A_SENT + i])
				continue;
			stats_out[k][i] = nla_get_u64(tb[ETRUNK_RBP_KS_A_SENT + i]);
			given[k][i] = true;
		}
	}
	return 0;
}

int etrunk_genl_set_rbp_state(struct sk_buff *skb, struct genl_info *info)
{
	bool given[ETRUNK_RBS_N_KINDS][ETRUNK_RBP_N_COUNTERS] = {};
	u64 stats[ETRUNK_RBS_N_KINDS][ETRUNK_RBP_N_COUNTERS];
	struct nlattr *tb[ETRUNK_RBP_A_MAX + 1];
	struct etrunk_rbp *p;
	int err, k, i;

	err = etrunk_rbs_parse(info, &etrunk_rbs_profile, tb, ETRUNK_RBP_STATE);
	if (err)
		return err;
	if (tb[ETRUNK_RBP_A_STATS]) {
		err = etrunk_rbp_parse_stats(tb[ETRUNK_RBP_A_STATS], stats,
					     given, info->extack);
		if (err)
			return err;
	}
	rtnl_lock();
	p = etrunk_rbp_find(info, tb[ETRUNK_RBP_A_NAME]);
	if (!p) {
		err = -ENOENT;
		goto out;
	}
	for (k = 0; k < ETRUNK_RBS_N_KINDS; k++)
		for (i = 0; i < ETRUNK_RBP_N_COUNTERS; i++)
			if (given[k][i])
				p->stats[k][i] = stats[k][i];
	etrunk_rbp_event(genl_info_net(info), p, ETRUNK_EVENT_RBP_STATE);
out:
	rtnl_unlock();
	return err;
}

int etrunk_genl_get_rbp(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_RBP_A_MAX + 1];
	struct etrunk_rbp *p;
	struct sk_buff *msg;
	int err;

	err = etrunk_rbs_parse(info, &etrunk_rbs_profile, tb,
			       ETRUNK_RBS_NAME_ONLY);
	if (err)
		return err;
	rtnl_lock();
	p = etrunk_rbp_find(info, tb[ETRUNK_RBP_A_NAME]);
	msg = p ? etrunk_genl_reply_new(info, ETRUNK_CMD_GET_RBP,
					etrunk_rbp_size(), etrunk_rbp_put, p) :
		  ERR_PTR(-ENOENT);
	rtnl_unlock();
	return etrunk_genl_reply_send(info, msg);
}

/* cb->args[0]: profiles already dumped, in creation order. */
int etrunk_genl_dump_rbp(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	const struct etrunk_rbp *p;
	unsigned long idx = 0;
	int err = 0;

	rtnl_lock();
	list_for_each_entry(p, &etrunk_rbs_net(net)->profiles, list) {
		if (idx++ < cb->args[0])
			continue;
		err = etrunk_genl_dump_one(skb, cb, ETRUNK_CMD_GET_RBP,
					   etrunk_rbp_put, p);
		if (err)
			break;
		cb->args[0] = idx;
	}
	rtnl_unlock();
	return err && !skb->len ? err : skb->len;
}

/* ---- devices and namespaces ---------------------------------------------- */

void etrunk_rbp_netdev_unregister(struct net_device *dev)
{
	struct net *net = dev_net(dev);
	struct etrunk_rbp *p, *tmp;

	ASSERT_RTNL();
	list_for_each_entry_safe(p, tmp, &etrunk_rbs_net(net)->profiles, list)
		if (p->conf.ifindex == dev->ifindex)
			etrunk_rbp_del(net, p);
}

static int __net_init etrunk_rbs_net_init(struct net *net)
{
	struct etrunk_rbs_net *rn = etrunk_rbs_net(net);

	INIT_LIST_HEAD(&rn->services);
	INIT_LIST_HEAD(&rn->profiles);
	rn->n_services = 0;
	rn->n_profiles = 0;
	return 0;
}

/* The namespace's trunks went first (NETDEV_UNREGISTER), with their
 * profiles; no event goes out of a namespace that is going.
 */
static void __net_exit etrunk_rbs_net_exit(struct net *net)
{
	struct etrunk_rbs_net *rn = etrunk_rbs_net(net);
	struct etrunk_rbp *p, *ptmp;
	struct etrunk_rbs *s, *stmp;

	WARN_ON_ONCE(!list_empty(&rn->profiles));
	list_for_each_entry_safe(p, ptmp, &rn->profiles, list) {
		list_del(&p->list);
		kfree(p);
	}
	list_for_each_entry_safe(s, stmp, &rn->services, list) {
		list_del(&s->list);
		etrunk_rbs_free(s);
	}
	rn->n_profiles = 0;
	rn->n_services = 0;
}

static struct pernet_operations etrunk_rbs_net_ops = {
	.init = etrunk_rbs_net_init,
	.exit = etrunk_rbs_net_exit,
	.id = &etrunk_rbs_net_id,
	.size = sizeof(struct etrunk_rbs_net),
};

int etrunk_rbs_init(void)
{
	return register_pernet_subsys(&etrunk_rbs_net_ops);
}

void etrunk_rbs_exit(void)
{
	unregister_pernet_subsys(&etrunk_rbs_net_ops);
}
