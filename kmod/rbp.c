// SPDX-License-Identifier: GPL-2.0
/*
 * Remote backup profiles (see "Remote backup (RBS and RBP)" in
 * uapi/linux/etrunk.h): per namespace, the entry kinds of a trunk that
 * etrunkd backs up over a service (rbs.c), and the counters it writes
 * back. Everything runs under the namespace's store lock (objstore.h);
 * the configuration commands take RTNL before it (a profile's trunk is
 * looked up), the daemon's SET_RBP_STATE, GET_RBP and the dump do not: a
 * profile's trunk is read under RCU, its binding under the store lock.
 */

#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "device.h"
#include "etrunk_group.h"
#include "genetlink.h"
#include "objstore.h"
#include "rbs.h"
#include "rbs_common.h"

#define ETRUNK_RBS_N_KINDS (ETRUNK_RBP_KIND_MAX + 1)
/* ETRUNK_RBP_KS_A_SENT to ETRUNK_RBP_KS_A_FAILED */
#define ETRUNK_RBP_N_COUNTERS (ETRUNK_RBP_KS_A_FAILED - ETRUNK_RBP_KS_A_SENT + 1)

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

/* ---- policies --------------------------------------------------------- */

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
#define ETRUNK_RBP_CONFIG (BIT_ULL(ETRUNK_RBP_A_NAME) | \
	BIT_ULL(ETRUNK_RBP_A_SERVICE) | BIT_ULL(ETRUNK_RBP_A_BACKUP_ID) | \
	BIT_ULL(ETRUNK_RBP_A_TYPE) | BIT_ULL(ETRUNK_RBP_A_KINDS) | \
	BIT_ULL(ETRUNK_RBP_A_IFINDEX) | BIT_ULL(ETRUNK_RBP_A_IFNAME))
#define ETRUNK_RBP_STATE (BIT_ULL(ETRUNK_RBP_A_NAME) | BIT_ULL(ETRUNK_RBP_A_STATS))
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

static const struct etrunk_obj_type etrunk_rbp_type;

static struct etrunk_rbp *etrunk_rbp_lookup(struct etrunk_rbs_net *rn,
					    const char *name)
{
	return etrunk_obj_lookup(&etrunk_rbp_type, &rn->profiles, name);
}

static struct etrunk_rbp *etrunk_rbp_find(struct genl_info *info,
					  struct nlattr *name)
{
	return etrunk_obj_find(&etrunk_rbp_type,
			       &etrunk_rbs_net(genl_info_net(info))->profiles,
			       name, info->extack);
}

/* ---- messages ----------------------------------------------------------- */

static size_t etrunk_rbp_size(const void *obj, bool event)
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

/* Under RCU and the store lock: etrunk_rbp_put(). */
static int etrunk_rbp_put_rcu(struct sk_buff *skb, struct net *net,
			      const struct etrunk_rbp *p)
{
	const struct etrunk_rbp_conf *c = &p->conf;
	const struct etrunk_binding *b = NULL;
	struct net_device *dev;
	struct nlattr *nest;

	dev = dev_get_by_index_rcu(net, c->ifindex);
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

/* The store lock: ETRUNK_A_RBP of a profile, with its trunk's binding as
 * it is now. The trunk is looked up under RCU; its binding is written
 * under the store lock (binding.c), and the profile goes with its trunk
 * under it too.
 */
static int etrunk_rbp_put(struct sk_buff *skb, struct net *net,
			  const void *obj)
{
	int err;

	rcu_read_lock();
	err = etrunk_rbp_put_rcu(skb, net, obj);
	rcu_read_unlock();
	return err;
}

static const struct etrunk_obj_type etrunk_rbp_type = {
	.list_offset = offsetof(struct etrunk_rbp, list),
	.name_offset = offsetof(struct etrunk_rbp, name),
	.not_found = "No such remote backup profile",
	.get_cmd = ETRUNK_CMD_GET_RBP,
	.size = etrunk_rbp_size,
	.put = etrunk_rbp_put,
};

static void etrunk_rbp_event(struct net *net, const struct etrunk_rbp *p,
			     u8 event)
{
	etrunk_obj_event(net, &etrunk_rbp_type, p, event);
}

/* ---- profiles ------------------------------------------------------------ */

/* RTNL and the store lock: @tb onto @c, with the service and the trunk
 * it names looked up.
 */
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

/* The store lock: -EEXIST if another profile of @c's service has its
 * backup id.
 */
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

	etrunk_store_lock_rtnl(net);
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
	etrunk_store_unlock_rtnl(net);
	return err;
}

static void etrunk_rbp_unlock(struct net *net, bool rtnl)
{
	etrunk_store_unlock(net);
	if (rtnl)
		rtnl_unlock();
}

/*
 * The profile a request names, for SET_RBP, DEL_RBP and GET_RBP: its
 * ETRUNK_A_RBP parsed into @tb (only the attributes in @allowed), the
 * store lock taken (RTNL before it if @rtnl), the profile found. Returns
 * it with the locks held (etrunk_rbp_unlock() releases them), or an
 * ERR_PTR with nothing held.
 */
static struct etrunk_rbp *etrunk_rbp_lock_named(struct genl_info *info,
						struct nlattr **tb, u64 allowed,
						bool rtnl)
{
	struct net *net = genl_info_net(info);
	struct etrunk_rbp *p;
	int err;

	err = etrunk_rbs_parse(info, &etrunk_rbs_profile, tb, allowed);
	if (err)
		return ERR_PTR(err);
	if (rtnl)
		rtnl_lock();
	etrunk_store_lock(net);
	p = etrunk_rbp_find(info, tb[ETRUNK_RBP_A_NAME]);
	if (!p) {
		etrunk_rbp_unlock(net, rtnl);
		return ERR_PTR(-ENOENT);
	}
	return p;
}

int etrunk_genl_set_rbp(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_RBP_A_MAX + 1];
	struct net *net = genl_info_net(info);
	struct etrunk_rbp_conf c;
	struct etrunk_rbp *p;
	int err;

	p = etrunk_rbp_lock_named(info, tb, ETRUNK_RBP_CONFIG, true);
	if (IS_ERR(p))
		return PTR_ERR(p);
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
	etrunk_rbp_unlock(net, true);
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

	p = etrunk_rbp_lock_named(info, tb, ETRUNK_RBS_NAME_ONLY, true);
	if (IS_ERR(p))
		return PTR_ERR(p);
	etrunk_rbp_del(genl_info_net(info), p);
	etrunk_rbp_unlock(genl_info_net(info), true);
	return 0;
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
	/* The counters: nothing of a trunk (the event reads the trunk's name
	 * and binding under RCU and the store lock), so the store lock alone,
	 * not RTNL.
	 */
	etrunk_store_lock(genl_info_net(info));
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
	etrunk_store_unlock(genl_info_net(info));
	return err;
}

int etrunk_genl_get_rbp(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_RBP_A_MAX + 1];
	struct etrunk_rbp *p;
	struct sk_buff *msg;

	p = etrunk_rbp_lock_named(info, tb, ETRUNK_RBS_NAME_ONLY, false);
	if (IS_ERR(p))
		return PTR_ERR(p);
	msg = etrunk_obj_reply(info, &etrunk_rbp_type, p, ETRUNK_CMD_GET_RBP);
	etrunk_rbp_unlock(genl_info_net(info), false);
	return etrunk_genl_reply_send(info, msg);
}

/* cb->args[0]: profiles already dumped, in creation order. */
int etrunk_genl_dump_rbp(struct sk_buff *skb, struct netlink_callback *cb)
{
	return etrunk_obj_dump(skb, cb, &etrunk_rbp_type,
			       &etrunk_rbs_net(sock_net(skb->sk))->profiles);
}

/* ---- devices and namespaces ---------------------------------------------- */

void etrunk_rbp_netdev_unregister(struct net_device *dev)
{
	struct net *net = dev_net(dev);
	struct etrunk_rbp *p, *tmp;

	ASSERT_RTNL();
	etrunk_store_assert(net);
	list_for_each_entry_safe(p, tmp, &etrunk_rbs_net(net)->profiles, list)
		if (p->conf.ifindex == dev->ifindex)
			etrunk_rbp_del(net, p);
}

/* The namespace's trunks went first (NETDEV_UNREGISTER), with their
 * profiles; no event goes out of a namespace that is going.
 */
void etrunk_rbp_net_exit(struct etrunk_rbs_net *rn)
{
	struct etrunk_rbp *p, *ptmp;

	WARN_ON_ONCE(!list_empty(&rn->profiles));
	list_for_each_entry_safe(p, ptmp, &rn->profiles, list) {
		list_del(&p->list);
		kfree(p);
	}
	rn->n_profiles = 0;
}
