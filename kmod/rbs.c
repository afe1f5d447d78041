// SPDX-License-Identifier: GPL-2.0
/*
 * Remote backup services (see "Remote backup (RBS and RBP)" in
 * uapi/linux/etrunk.h): per namespace, the configuration etrunkd runs
 * (one TCP channel per service) and the state it writes back; the
 * profiles that use them are rbp.c's. No entry goes through here.
 * Everything runs under the namespace's store lock (objstore.h), as the
 * groups and BFD sessions do; the configuration commands take RTNL before
 * it, the daemon's SET_RBS_STATE, GET_RBS and the dump do not.
 */

#include <linux/ctype.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/netns/generic.h>
#include <net/sock.h>

#include "genetlink.h"
#include "objstore.h"
#include "rbs.h"
#include "rbs_common.h"

static unsigned int etrunk_rbs_net_id __read_mostly;

struct etrunk_rbs_net *etrunk_rbs_net(const struct net *net)
{
	return net_generic(net, etrunk_rbs_net_id);
}

/* ---- policies --------------------------------------------------------- */

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

static struct netlink_range_validation etrunk_rbs_max_entries_range = {
	.min = 1,
	.max = ETRUNK_RBS_MAX_MAX_ENTRIES,
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
	[ETRUNK_RBS_A_MAX_ENTRIES] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &etrunk_rbs_max_entries_range),
};

/* The attributes each kind of command takes. */
#define ETRUNK_RBS_CONFIG (BIT_ULL(ETRUNK_RBS_A_NAME) | \
	BIT_ULL(ETRUNK_RBS_A_PEER_ADDR) | BIT_ULL(ETRUNK_RBS_A_SOURCE_ADDR) | \
	BIT_ULL(ETRUNK_RBS_A_PORT) | BIT_ULL(ETRUNK_RBS_A_KEY) | \
	BIT_ULL(ETRUNK_RBS_A_HOLD_TIME) | BIT_ULL(ETRUNK_RBS_A_KEEPALIVE) | \
	BIT_ULL(ETRUNK_RBS_A_DESCRIPTION) | BIT_ULL(ETRUNK_RBS_A_MAX_ENTRIES))
#define ETRUNK_RBS_STATE (BIT_ULL(ETRUNK_RBS_A_NAME) | \
	BIT_ULL(ETRUNK_RBS_A_STATE) | BIT_ULL(ETRUNK_RBS_A_CONNECTS) | \
	BIT_ULL(ETRUNK_RBS_A_AUTH_FAILURES) | BIT_ULL(ETRUNK_RBS_A_ERRORS) | \
	BIT_ULL(ETRUNK_RBS_A_LAST_SYNC_DURATION))
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
int etrunk_rbs_parse(struct genl_info *info, const struct etrunk_rbs_kind *k,
		     struct nlattr **tb, u64 allowed)
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

static const struct etrunk_obj_type etrunk_rbs_type;

struct etrunk_rbs *etrunk_rbs_lookup(struct etrunk_rbs_net *rn,
				     const char *name)
{
	return etrunk_obj_lookup(&etrunk_rbs_type, &rn->services, name);
}

static struct etrunk_rbs *etrunk_rbs_find(struct genl_info *info,
					  struct nlattr *name)
{
	return etrunk_obj_find(&etrunk_rbs_type,
			       &etrunk_rbs_net(genl_info_net(info))->services,
			       name, info->extack);
}

/* ---- messages ----------------------------------------------------------- */

static size_t etrunk_rbs_size(const void *obj, bool event)
{
	return nla_total_size(0) +			/* ETRUNK_A_RBS */
	       nla_total_size(ETRUNK_RBS_NAME_MAX + 1) +
	       2 * nla_total_size(16) +			/* addresses */
	       nla_total_size(sizeof(u16)) +		/* PORT */
	       2 * nla_total_size(sizeof(u8)) +		/* KEY_SET, STATE */
	       4 * nla_total_size(sizeof(u32)) +	/* HOLD_TIME ... */
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
	    nla_put_u32(skb, ETRUNK_RBS_A_MAX_ENTRIES, c->max_entries) ||
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

static const struct etrunk_obj_type etrunk_rbs_type = {
	.list_offset = offsetof(struct etrunk_rbs, list),
	.name_offset = offsetof(struct etrunk_rbs, name),
	.not_found = "No such remote backup service",
	.get_cmd = ETRUNK_CMD_GET_RBS,
	.key_cmd = ETRUNK_CMD_GET_RBS_KEY,
	.size = etrunk_rbs_size,
	.put = etrunk_rbs_put,
	.put_key = etrunk_rbs_put_key,
	.key_id_len = ETRUNK_RBS_NAME_MAX + 1,
	.key_max = ETRUNK_RBS_KEY_MAX,
};

static void etrunk_rbs_event(struct net *net, const struct etrunk_rbs *s,
			     u8 event)
{
	etrunk_obj_event(net, &etrunk_rbs_type, s, event);
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
	if (tb[ETRUNK_RBS_A_MAX_ENTRIES])
		c->max_entries = nla_get_u32(tb[ETRUNK_RBS_A_MAX_ENTRIES]);
	if (tb[ETRUNK_RBS_A_DESCRIPTION])
		nla_strscpy(c->descr, tb[ETRUNK_RBS_A_DESCRIPTION],
			    sizeof(c->descr));
}

/* The store lock: whether @c, the configuration @s (NULL: a new one) is
 * to take from @tb, holds together.
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
	c.max_entries = ETRUNK_RBS_DEFAULT_MAX_ENTRIES;
	etrunk_rbs_conf_apply(&c, tb);

	etrunk_store_lock_rtnl(net);
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
	etrunk_store_unlock_rtnl(net);
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
	etrunk_store_lock_rtnl(net);
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
	etrunk_store_unlock_rtnl(net);
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
	etrunk_store_lock_rtnl(net);
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
	etrunk_store_unlock_rtnl(net);
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
	/* The channel's state and counters: nothing of a device, so the
	 * store lock alone, not RTNL.
	 */
	etrunk_store_lock(genl_info_net(info));
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
	etrunk_store_unlock(genl_info_net(info));
	return err;
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
	etrunk_store_lock(genl_info_net(info));
	s = etrunk_rbs_find(info, tb[ETRUNK_RBS_A_NAME]);
	msg = etrunk_obj_reply(info, &etrunk_rbs_type, s, cmd);
	etrunk_store_unlock(genl_info_net(info));
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
	return etrunk_obj_dump(skb, cb, &etrunk_rbs_type,
			       &etrunk_rbs_net(sock_net(skb->sk))->services);
}

/* ---- namespaces ---------------------------------------------------------- */

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
	struct etrunk_rbs *s, *stmp;

	etrunk_rbp_net_exit(rn);
	list_for_each_entry_safe(s, stmp, &rn->services, list) {
		list_del(&s->list);
		etrunk_rbs_free(s);
	}
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
