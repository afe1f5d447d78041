// SPDX-License-Identifier: GPL-2.0
/*
 * E-Trunk member trunks (see "E-Trunk groups" in uapi/linux/etrunk.h):
 * the binding of a trunk to a group of its namespace (etrunk_group.c),
 * and the role the daemon writes back for it, applied to a trunk in mode
 * lacp as its LACP role; in mode backup, role backup makes both members
 * stand by. Everything here runs under RTNL and the namespace's store
 * lock (objstore.h), taken in that order: a binding is the trunk's
 * (struct etrunk's binding, read by the trunk's side under RTNL) as much
 * as its group's, and SET_ROLE applies the role to the trunk (its LACP
 * role, member selection).
 */

#include <linux/jiffies.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/genetlink.h>

#include "device.h"
#include "etrunk_group.h"
#include "genetlink.h"
#include "member.h"
#include "objstore.h"

static struct netlink_range_validation etrunk_revert_ms_range = {
	.max = ETRUNK_GROUP_MAX_REVERT_DELAY * 1000,
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

/* The binding attributes each kind of command takes. */
#define ETRUNK_BIND_CONFIG (BIT(ETRUNK_BIND_A_GROUP) | BIT(ETRUNK_BIND_A_MODE) | \
	BIT(ETRUNK_BIND_A_REMOTE_ID) | BIT(ETRUNK_BIND_A_CLEAR_REMOTE_ID) | \
	BIT(ETRUNK_BIND_A_BASIS) | BIT(ETRUNK_BIND_A_ID))
#define ETRUNK_BIND_ROLE (BIT(ETRUNK_BIND_A_ROLE) | BIT(ETRUNK_BIND_A_REASON) | \
	BIT(ETRUNK_BIND_A_REVERT_MS))

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

/* ---- commands ----------------------------------------------------------- */

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

/*
 * The prologue of BIND_TRUNK, SET_BINDING and SET_ROLE: ETRUNK_A_BINDING
 * into @tb, with only the attributes in @allowed (the others refused,
 * naming the command that writes them) and attribute @required there
 * (0: none), else @required_msg.
 */
static int etrunk_binding_parse_cmd(struct genl_info *info, struct nlattr **tb,
				    unsigned long allowed, int required,
				    const char *required_msg)
{
	int err;

	err = etrunk_binding_parse(info, tb, true);
	if (err)
		return err;
	err = etrunk_group_only(tb, ETRUNK_BIND_A_MAX, allowed,
				ETRUNK_BIND_CONFIG, etrunk_bind_config_cmd,
				etrunk_bind_role_cmd, info->extack);
	if (err)
		return err;
	if (required && !tb[required]) {
		/* NL_SET_ERR_MSG_ATTR() of a message that is not a literal */
		if (info->extack)
			info->extack->_msg = required_msg;
		NL_SET_BAD_ATTR(info->extack, info->attrs[ETRUNK_A_BINDING]);
		return -EINVAL;
	}
	return 0;
}

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

	err = etrunk_binding_parse_cmd(info, tb, ETRUNK_BIND_CONFIG,
				       ETRUNK_BIND_A_GROUP,
				       "ETRUNK_BIND_A_GROUP is required");
	if (err)
		return err;
	if (!tb[ETRUNK_BIND_A_ID]) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[ETRUNK_A_BINDING],
				    "ETRUNK_BIND_A_ID is required: the member trunk's id, the same on both devices unless a remote id is set");
		return -EINVAL;
	}
	etrunk_store_lock_rtnl(genl_info_net(info));
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
	etrunk_store_unlock_rtnl(genl_info_net(info));
	return err;
}

/* RTNL and the store lock: the trunk named by the request and its
 * binding.
 */
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

	err = etrunk_binding_parse_cmd(info, tb, ETRUNK_BIND_CONFIG, 0, NULL);
	if (err)
		return err;
	etrunk_store_lock_rtnl(genl_info_net(info));
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
	etrunk_store_unlock_rtnl(genl_info_net(info));
	return err;
}

/* Role backup on or off. In mode backup, off is a switchover to the
 * master the trunk chooses (ETRUNK_SWITCH_EROLE), on takes both members
 * out; neither for a trunk being deleted, which releases its members.
 * Under the trunk's lock: its selection runs from work items too.
 */
static void etrunk_erole_standby(struct etrunk *et, bool standby)
{
	mutex_lock(&et->lock);
	if (et->erole_backup == standby)
		goto out;
	et->erole_backup = standby;
	if (et->mode != ETRUNK_MODE_BACKUP ||
	    et->dev->reg_state != NETREG_REGISTERED)
		goto out;
	et->erole_release = !standby;
	__etrunk_select(et, NULL);
	et->erole_release = false;
out:
	mutex_unlock(&et->lock);
}

void etrunk_unbind(struct etrunk_binding *b)
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
	etrunk_store_lock_rtnl(genl_info_net(info));
	b = etrunk_genl_binding(info);
	if (IS_ERR(b))
		err = PTR_ERR(b);
	else
		etrunk_unbind(b);
	etrunk_store_unlock_rtnl(genl_info_net(info));
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

	err = etrunk_binding_parse_cmd(info, tb, ETRUNK_BIND_ROLE,
				       ETRUNK_BIND_A_ROLE,
				       "ETRUNK_BIND_A_ROLE is required");
	if (err)
		return err;
	role = nla_get_u8(tb[ETRUNK_BIND_A_ROLE]);
	reason = tb[ETRUNK_BIND_A_REASON] ?
		 nla_get_u8(tb[ETRUNK_BIND_A_REASON]) : ETRUNK_EREASON_NONE;
	if (tb[ETRUNK_BIND_A_REVERT_MS] && reason != ETRUNK_EREASON_REVERT_WAIT) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[ETRUNK_BIND_A_REVERT_MS],
				    "ETRUNK_BIND_A_REVERT_MS goes with reason revert-wait only");
		return -EINVAL;
	}
	etrunk_store_lock_rtnl(genl_info_net(info));
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
	etrunk_store_unlock_rtnl(genl_info_net(info));
	return err;
}

bool etrunk_group_mode_ok(const struct etrunk *et, u8 mode)
{
	return !et->binding || etrunk_mode_bindable(mode);
}
