// SPDX-License-Identifier: GPL-2.0
/*
 * The generic netlink family "etrunk" itself (see uapi/linux/etrunk.h):
 * its events multicast group, one attribute policy per command, the
 * command table, its registration, and the per-namespace state the
 * commands share. The commands are in genetlink.c (trunks, members),
 * flush_port.c, etrunk_group.c, bfd.c and rbs.c.
 */

#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/netns/generic.h>

#include "bfd.h"
#include "device.h"
#include "etrunk_group.h"
#include "flush.h"
#include "genetlink.h"
#include "rbs.h"

static unsigned int etrunk_net_id __read_mostly;

struct etrunk_net *etrunk_net(const struct net *net)
{
	return net_generic(net, etrunk_net_id);
}

static const struct genl_multicast_group etrunk_mcgrps[] = {
	/* The events carry what a GET shows: the same privilege. */
	[ETRUNK_MCGRP_EVENTS_ID] = {
		.name = ETRUNK_MCGRP_EVENTS,
		.flags = GENL_MCAST_CAP_NET_ADMIN,
	},
};

const struct nla_policy etrunk_member_genl_policy[ETRUNK_MEMBER_A_MAX + 1] = {
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

/* GET_MEMBER: the member, nothing else. */
static const struct nla_policy etrunk_member_id_policy[ETRUNK_MEMBER_A_MAX + 1] = {
	[ETRUNK_MEMBER_A_IFINDEX] = { .type = NLA_U32 },
	[ETRUNK_MEMBER_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
};

#define ETRUNK_RO(attr) { .type = NLA_REJECT, .reject_message = #attr " is read-only" }

/*
 * One policy per kind of request: an attribute a command does not take is
 * refused (strict validation: "Unsupported attribute", pointing at it),
 * not ignored. Each has the family's every attribute type, so that
 * info->attrs always has ETRUNK_A_MAX + 1 entries.
 */
#define ETRUNK_POLICY_DEV						\
	[ETRUNK_A_IFINDEX] = { .type = NLA_U32 },			\
	[ETRUNK_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 }

/* GET_TRUNK, GET_FLUSH_RX: a trunk or port (or, dumping, none). */
static const struct nla_policy etrunk_dev_policy[ETRUNK_A_MAX + 1] = {
	ETRUNK_POLICY_DEV,
};

static const struct nla_policy etrunk_set_trunk_policy[ETRUNK_A_MAX + 1] = {
	ETRUNK_POLICY_DEV,
	[ETRUNK_A_MODE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_MODE_MAX),
	[ETRUNK_A_HASH_POLICY] = NLA_POLICY_MAX(NLA_U8, ETRUNK_HASH_MAX),
	[ETRUNK_A_MIN_LINKS] = NLA_POLICY_MAX(NLA_U32, ETRUNK_MAX_MEMBERS),
	[ETRUNK_A_MAX_LINKS] = NLA_POLICY_MAX(NLA_U32, ETRUNK_MAX_MEMBERS),
	[ETRUNK_A_UP] = ETRUNK_RO(ETRUNK_A_UP),
	[ETRUNK_A_CARRIER] = ETRUNK_RO(ETRUNK_A_CARRIER),
	[ETRUNK_A_ACTIVE_MEMBERS] = ETRUNK_RO(ETRUNK_A_ACTIVE_MEMBERS),
	[ETRUNK_A_STATS] = ETRUNK_RO(ETRUNK_A_STATS),
	[ETRUNK_A_MEMBERS] = ETRUNK_RO(ETRUNK_A_MEMBERS),
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
};

static const struct nla_policy etrunk_get_member_policy[ETRUNK_A_MAX + 1] = {
	[ETRUNK_A_MEMBER] = NLA_POLICY_NESTED(etrunk_member_id_policy),
};

static const struct nla_policy etrunk_set_member_policy[ETRUNK_A_MAX + 1] = {
	[ETRUNK_A_MEMBER] = NLA_POLICY_NESTED(etrunk_member_genl_policy),
};

static const struct nla_policy etrunk_set_flush_rx_policy[ETRUNK_A_MAX + 1] = {
	ETRUNK_POLICY_DEV,
	[ETRUNK_A_FLUSH_KEY] = { .type = NLA_BINARY, .len = ETRUNK_FLUSH_KEY_MAX },
	[ETRUNK_A_FLUSH_RX] = NLA_POLICY_MAX(NLA_U8, 1),
	[ETRUNK_A_FLUSH_VLANS] = { .type = NLA_NESTED },
};

static const struct nla_policy etrunk_group_cmd_policy[ETRUNK_A_MAX + 1] = {
	[ETRUNK_A_GROUP] = NLA_POLICY_NESTED(etrunk_group_policy),
};

/* BIND_TRUNK, SET_BINDING, SET_ROLE: the trunk and its binding (UNBIND_TRUNK
 * refuses the binding with a message of its own).
 */
static const struct nla_policy etrunk_binding_cmd_policy[ETRUNK_A_MAX + 1] = {
	ETRUNK_POLICY_DEV,
	[ETRUNK_A_BINDING] = NLA_POLICY_NESTED(etrunk_binding_policy),
};

static const struct nla_policy etrunk_bfd_cmd_policy[ETRUNK_A_MAX + 1] = {
	[ETRUNK_A_BFD] = NLA_POLICY_NESTED(etrunk_bfd_policy),
};

static const struct nla_policy etrunk_rbs_cmd_policy[ETRUNK_A_MAX + 1] = {
	[ETRUNK_A_RBS] = NLA_POLICY_NESTED(etrunk_rbs_policy),
};

static const struct nla_policy etrunk_rbp_cmd_policy[ETRUNK_A_MAX + 1] = {
	[ETRUNK_A_RBP] = NLA_POLICY_NESTED(etrunk_rbp_policy),
};

/*
 * A command: its policy and handlers. Every command, reading ones too,
 * needs CAP_NET_ADMIN in the user namespace owning the network namespace,
 * as WireGuard's and team's do: a GET takes RTNL, asks every member's
 * driver for its speed, and shows peer and source addresses and BFD
 * discriminators. Unprivileged users see trunks and members through
 * rtnetlink (ip -d link show), as for bonding.
 */
#define ETRUNK_OP(c, pol, doit_fn, dumpit_fn) {				\
	.cmd = ETRUNK_CMD_##c,						\
	.doit = doit_fn,						\
	.dumpit = dumpit_fn,						\
	.policy = pol,							\
	.maxattr = ETRUNK_A_MAX,					\
	.flags = GENL_UNS_ADMIN_PERM,					\
}

static const struct genl_ops etrunk_genl_ops[] = {
	ETRUNK_OP(GET_TRUNK, etrunk_dev_policy,
		  etrunk_genl_get_trunk, etrunk_genl_dump_trunks),
	ETRUNK_OP(SET_TRUNK, etrunk_set_trunk_policy,
		  etrunk_genl_set_trunk, NULL),
	ETRUNK_OP(GET_MEMBER, etrunk_get_member_policy,
		  etrunk_genl_get_member, NULL),
	ETRUNK_OP(SET_MEMBER, etrunk_set_member_policy,
		  etrunk_genl_set_member, NULL),
	ETRUNK_OP(GET_FLUSH_RX, etrunk_dev_policy,
		  etrunk_genl_get_flush_rx, etrunk_genl_dump_flush_rx),
	ETRUNK_OP(SET_FLUSH_RX, etrunk_set_flush_rx_policy,
		  etrunk_genl_set_flush_rx, NULL),
	ETRUNK_OP(NEW_GROUP, etrunk_group_cmd_policy,
		  etrunk_genl_new_group, NULL),
	ETRUNK_OP(SET_GROUP, etrunk_group_cmd_policy,
		  etrunk_genl_set_group, NULL),
	ETRUNK_OP(DEL_GROUP, etrunk_group_cmd_policy,
		  etrunk_genl_del_group, NULL),
	ETRUNK_OP(GET_GROUP, etrunk_group_cmd_policy,
		  etrunk_genl_get_group, etrunk_genl_dump_groups),
	ETRUNK_OP(BIND_TRUNK, etrunk_binding_cmd_policy,
		  etrunk_genl_bind_trunk, NULL),
	ETRUNK_OP(SET_BINDING, etrunk_binding_cmd_policy,
		  etrunk_genl_set_binding, NULL),
	ETRUNK_OP(UNBIND_TRUNK, etrunk_binding_cmd_policy,
		  etrunk_genl_unbind_trunk, NULL),
	ETRUNK_OP(SET_ROLE, etrunk_binding_cmd_policy,
		  etrunk_genl_set_role, NULL),
	ETRUNK_OP(SET_GROUP_STATE, etrunk_group_cmd_policy,
		  etrunk_genl_set_group_state, NULL),
	ETRUNK_OP(GET_GROUP_KEY, etrunk_group_cmd_policy,
		  etrunk_genl_get_group_key, NULL),
	ETRUNK_OP(NEW_BFD, etrunk_bfd_cmd_policy,
		  etrunk_genl_new_bfd, NULL),
	ETRUNK_OP(SET_BFD, etrunk_bfd_cmd_policy,
		  etrunk_genl_set_bfd, NULL),
	ETRUNK_OP(DEL_BFD, etrunk_bfd_cmd_policy,
		  etrunk_genl_del_bfd, NULL),
	ETRUNK_OP(GET_BFD, etrunk_bfd_cmd_policy,
		  etrunk_genl_get_bfd, etrunk_genl_dump_bfd),
	ETRUNK_OP(SET_BFD_STATE, etrunk_bfd_cmd_policy,
		  etrunk_genl_set_bfd_state, NULL),
	ETRUNK_OP(GET_BFD_KEY, etrunk_bfd_cmd_policy,
		  etrunk_genl_get_bfd_key, NULL),
	ETRUNK_OP(NEW_RBS, etrunk_rbs_cmd_policy,
		  etrunk_genl_new_rbs, NULL),
	ETRUNK_OP(SET_RBS, etrunk_rbs_cmd_policy,
		  etrunk_genl_set_rbs, NULL),
	ETRUNK_OP(DEL_RBS, etrunk_rbs_cmd_policy,
		  etrunk_genl_del_rbs, NULL),
	ETRUNK_OP(GET_RBS, etrunk_rbs_cmd_policy,
		  etrunk_genl_get_rbs, etrunk_genl_dump_rbs),
	ETRUNK_OP(SET_RBS_STATE, etrunk_rbs_cmd_policy,
		  etrunk_genl_set_rbs_state, NULL),
	ETRUNK_OP(GET_RBS_KEY, etrunk_rbs_cmd_policy,
		  etrunk_genl_get_rbs_key, NULL),
	ETRUNK_OP(NEW_RBP, etrunk_rbp_cmd_policy,
		  etrunk_genl_new_rbp, NULL),
	ETRUNK_OP(SET_RBP, etrunk_rbp_cmd_policy,
		  etrunk_genl_set_rbp, NULL),
	ETRUNK_OP(DEL_RBP, etrunk_rbp_cmd_policy,
		  etrunk_genl_del_rbp, NULL),
	ETRUNK_OP(GET_RBP, etrunk_rbp_cmd_policy,
		  etrunk_genl_get_rbp, etrunk_genl_dump_rbp),
	ETRUNK_OP(SET_RBP_STATE, etrunk_rbp_cmd_policy,
		  etrunk_genl_set_rbp_state, NULL),
};

/* Around an event's sequence number and its sending (genetlink.c) and
 * around the family's registration: the events go out in the order of
 * their numbers whichever lock their senders hold (RTNL, a store lock, a
 * trunk's lock), and none after the family went. Taken last, with nothing
 * under it.
 */
DEFINE_MUTEX(etrunk_genl_event_lock);

/* The family is registered (events can be sent): written under the event
 * lock; read under it, or without it as a hint.
 */
static bool etrunk_genl_up;

bool etrunk_genl_is_up(void)
{
	return READ_ONCE(etrunk_genl_up);
}

struct genl_family etrunk_genl_family __ro_after_init = {
	.name = ETRUNK_GENL_NAME,
	.version = ETRUNK_GENL_VERSION,
	.maxattr = ETRUNK_A_MAX,
	.netnsok = true,
	/* No genl_mutex around the commands: each takes its own locks
	 * (RTNL, the namespace's store lock), so a state write under the
	 * store lock does not wait for a request that waits for RTNL.
	 */
	.parallel_ops = true,
	.module = THIS_MODULE,
	.ops = etrunk_genl_ops,
	.n_ops = ARRAY_SIZE(etrunk_genl_ops),
	.mcgrps = etrunk_mcgrps,
	.n_mcgrps = ARRAY_SIZE(etrunk_mcgrps),
};

static int __net_init etrunk_net_init(struct net *net)
{
	struct etrunk_net *en = etrunk_net(net);

	mutex_init(&en->store_lock);
	etrunk_bfds_init(&en->bfds);
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

/* The per-namespace state (event sequence numbers, the objects' stores)
 * exists before anything can use it: first at module load, last at unload.
 */
int etrunk_genl_pernet_init(void)
{
	return register_pernet_subsys(&etrunk_net_ops);
}

void etrunk_genl_pernet_exit(void)
{
	unregister_pernet_subsys(&etrunk_net_ops);
}

/* The family comes last at module load and goes first at unload, so no
 * request runs while the rest of the module is not set up or torn down
 * (genl_unregister_family() waits for the requests in flight). Events are
 * sent only while it is registered: before, its multicast group has no id.
 */
int etrunk_genl_register(void)
{
	int err;

	err = genl_register_family(&etrunk_genl_family);
	if (err)
		return err;
	mutex_lock(&etrunk_genl_event_lock);
	WRITE_ONCE(etrunk_genl_up, true);
	mutex_unlock(&etrunk_genl_event_lock);
	return 0;
}

void etrunk_genl_unregister(void)
{
	mutex_lock(&etrunk_genl_event_lock);
	WRITE_ONCE(etrunk_genl_up, false);
	mutex_unlock(&etrunk_genl_event_lock);
	genl_unregister_family(&etrunk_genl_family);
}
