// SPDX-License-Identifier: GPL-2.0
/*
 * The trunk's configuration as both netlink families see it: the one
 * function that changes it (rtnetlink, generic netlink and the E-Trunk
 * binding call it), the rules a set of parameters must follow, and the
 * mode backup and mode lacp attributes both families dump.
 */

#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <net/netlink.h>

#include "device.h"
#include "etrunk_group.h"
#include "genetlink.h"
#include "member.h"
#include "mode.h"

/* Ranges beyond what NLA_POLICY_MAX holds, for both netlink policies. */
struct netlink_range_validation etrunk_revert_delay_range = {
	.max = ETRUNK_MAX_REVERT_DELAY,
};

struct netlink_range_validation etrunk_probe_interval_range = {
	.max = ETRUNK_MAX_PROBE_INTERVAL,
};

struct netlink_range_validation etrunk_lacp_port_offset_range = {
	.max = ETRUNK_LACP_MAX_PORT_OFFSET,
};

struct netlink_range_validation etrunk_lacp_preempt_delay_range = {
	.max = ETRUNK_MAX_LACP_PREEMPT_DELAY,
};

/* The checks of etrunk_set_params, on the values it would end up with. */
static int etrunk_check_params(struct etrunk *et, const struct etrunk_params *p,
			       u32 probe_interval, unsigned int n_targets,
			       struct netlink_ext_ack *extack)
{
	u8 mode = p->mode ? *p->mode : et->mode;
	u32 min_links = p->min_links ? *p->min_links : et->min_links;
	u32 max_links = p->max_links ? *p->max_links : et->max_links;

	if (mode != et->mode && et->member_count) {
		NL_SET_ERR_MSG(extack,
			       "The mode cannot change while the trunk has members");
		return -EBUSY;
	}
	if (!etrunk_group_mode_ok(et, mode)) {
		NL_SET_ERR_MSG(extack,
			       "A trunk bound to an E-Trunk group stays in mode lacp or backup");
		return -EBUSY;
	}
	if (mode == ETRUNK_MODE_BACKUP && (min_links > 1 || max_links)) {
		NL_SET_ERR_MSG(extack,
			       "Mode backup has one active member: min_links above 1 and max_links do not apply");
		return -EINVAL;
	}
	if (probe_interval && mode != ETRUNK_MODE_BACKUP) {
		NL_SET_ERR_MSG(extack, "Liveness probing is for mode backup only");
		return -EINVAL;
	}
	if (probe_interval && probe_interval < ETRUNK_MIN_PROBE_INTERVAL) {
		NL_SET_ERR_MSG(extack, "The probe interval is at least 10 ms");
		return -ERANGE;
	}
	if (probe_interval && !n_targets) {
		NL_SET_ERR_MSG(extack, "Liveness probing needs a probe target");
		return -EINVAL;
	}
	/* The partner tells systems apart by this ID alone. */
	if (p->lacp_system && !is_valid_ether_addr(nla_data(p->lacp_system))) {
		NL_SET_ERR_MSG_ATTR(extack, p->lacp_system,
				    "The LACP system ID must be a unicast MAC address, not all zeros");
		return -EINVAL;
	}
	return 0;
}

/**
 * etrunk_set_params - change trunk parameters, all or none
 * @et: the trunk
 * @p: the parameters to change
 * @extack: where a refusal is explained
 *
 * The one place rtnetlink and generic netlink change a trunk, so both
 * follow the same rules. Values are range-checked by the callers' policies;
 * what can still fail (a probe target, the key) is prepared before anything
 * changes. RTNL; takes the trunk's lock.
 */
int etrunk_set_params(struct etrunk *et, const struct etrunk_params *p,
		      struct netlink_ext_ack *extack)
{
	u32 probe_interval = p->probe_interval ? *p->probe_interval :
						 et->probe.interval;
	unsigned int n_targets = etrunk_probe_n_targets(et);
	struct etrunk_probe_targets *targets = NULL;
	const struct etrunk_mode_ops *old_ops = et->ops;
	struct etrunk_flush_key *key = NULL;
	int err;

	ASSERT_RTNL();
	if (p->probe_targets) {
		err = etrunk_probe_parse_targets(p->probe_targets,
						 p->probe_target_type, &targets,
						 extack);
		if (err)
			return err;
		n_targets = targets ? targets->n : 0;
	}
	err = etrunk_check_params(et, p, probe_interval, n_targets, extack);
	if (!err && p->flush_key)
		err = etrunk_flush_new_key(nla_data(p->flush_key),
					   nla_len(p->flush_key), &key, extack);
	if (err) {
		kfree(targets);
		return err;
	}

	mutex_lock(&et->lock);
	if (p->mode) {
		WRITE_ONCE(et->mode, *p->mode);
		WRITE_ONCE(et->ops, etrunk_mode_ops_of(*p->mode));
	}
	if (p->hash_policy)
		WRITE_ONCE(et->hash_policy, *p->hash_policy);
	if (p->min_links)
		et->min_links = *p->min_links;
	if (p->max_links)
		et->max_links = *p->max_links;
	if (p->revertive)
		et->revertive = *p->revertive;
	if (p->revert_delay)
		et->revert_delay = *p->revert_delay;
	if (p->grat_arp)
		et->grat_arp = *p->grat_arp;
	if (p->flush_count)
		et->flush_count = *p->flush_count;
	if (p->flush_interval)
		et->flush_interval = *p->flush_interval;
	if (p->flush_rx)
		et->flush_rx = *p->flush_rx;
	if (p->flush_key)
		etrunk_flush_set_key(et, key);
	/* Allowed, but said (ip prints it as a warning). */
	if ((p->flush_rx || p->flush_key) && et->flush_rx &&
	    !rcu_access_pointer(et->flush.key))
		NL_SET_ERR_MSG(extack,
			       "flush_rx is on without a flush key: any host on the backup's segment can move the trunk");
	if (p->probe_missed)
		et->probe.missed = *p->probe_missed;
	et->probe.interval = probe_interval;
	if (p->probe_targets)
		etrunk_probe_set_targets(et, targets);
	if (p->lacp_system_prio)
		et->lacp.system_prio = *p->lacp_system_prio;
	if (p->lacp_system) {
		ether_addr_copy(et->lacp.system, nla_data(p->lacp_system));
		et->lacp.system_set = true;
	}
	if (p->lacp_key)
		et->lacp.key = *p->lacp_key;
	if (p->lacp_port_offset)
		et->lacp.port_offset = *p->lacp_port_offset;
	if (p->lacp_rate)
		et->lacp.fast = *p->lacp_rate == ETRUNK_LACP_RATE_FAST;
	if (p->lacp_role)
		et->lacp.backup = *p->lacp_role == ETRUNK_LACP_ROLE_BACKUP;
	if (p->lacp_select)
		et->lacp.select = *p->lacp_select;
	if (p->lacp_preempt)
		et->lacp.preempt = *p->lacp_preempt;
	if (p->lacp_preempt_delay)
		et->lacp.preempt_delay = *p->lacp_preempt_delay;

	if (et->dev->reg_state == NETREG_REGISTERED) {
		/* The mode left (only ever without members) stops. */
		if (et->ops != old_ops && old_ops->stop)
			old_ops->stop(et);
		if (et->ops->start)
			et->ops->start(et);
		__etrunk_select(et, NULL);
		/* New actor information: the partners learn it at once. */
		if (et->ops->changed)
			et->ops->changed(et);
		etrunk_update_carrier(et);
		etrunk_genl_trunk_event(et, ETRUNK_EVENT_TRUNK_CHANGED);
	}
	mutex_unlock(&et->lock);
	return 0;
}

/* The mode-backup attributes come in the same order in IFLA_ETRUNK_* and
 * ETRUNK_A_*, so one function fills both: @first is the REVERTIVE and
 * @pad the PAD of either.
 */
#define ETRUNK_BACKUP_ATTR(x) (first + (IFLA_ETRUNK_##x - IFLA_ETRUNK_REVERTIVE))
#define ETRUNK_SAME_ORDER(x) \
	BUILD_BUG_ON(IFLA_ETRUNK_##x - IFLA_ETRUNK_REVERTIVE != \
		     ETRUNK_A_##x - ETRUNK_A_REVERTIVE)

/* Under RTNL (the configuration); what switchovers change is read once
 * each, under RCU for the master.
 */
int etrunk_put_backup(struct sk_buff *skb, const struct etrunk *et,
		      int first, int pad)
{
	const struct etrunk_member *master;
	u32 switchovers = READ_ONCE(et->switchovers);
	int master_ifindex;

	rcu_read_lock();
	master = rcu_dereference(et->active);
	master_ifindex = master ? master->dev->ifindex : 0;
	rcu_read_unlock();

	ETRUNK_SAME_ORDER(FLUSH_KEY_SET);
	ETRUNK_SAME_ORDER(PROBE_MISSED);
	ETRUNK_SAME_ORDER(SWITCHOVER_AGE);
	if (nla_put_u8(skb, ETRUNK_BACKUP_ATTR(REVERTIVE), et->revertive) ||
	    nla_put_u32(skb, ETRUNK_BACKUP_ATTR(REVERT_DELAY), et->revert_delay) ||
	    nla_put_u8(skb, ETRUNK_BACKUP_ATTR(GRAT_ARP), et->grat_arp) ||
	    nla_put_u8(skb, ETRUNK_BACKUP_ATTR(FLUSH_COUNT), et->flush_count) ||
	    nla_put_u16(skb, ETRUNK_BACKUP_ATTR(FLUSH_INTERVAL),
			et->flush_interval) ||
	    nla_put_u8(skb, ETRUNK_BACKUP_ATTR(FLUSH_KEY_SET),
		       !!rcu_access_pointer(et->flush.key)) ||
	    nla_put_u8(skb, ETRUNK_BACKUP_ATTR(FLUSH_RX), et->flush_rx) ||
	    nla_put_u32(skb, ETRUNK_BACKUP_ATTR(PROBE_INTERVAL),
			et->probe.interval) ||
	    nla_put_u8(skb, ETRUNK_BACKUP_ATTR(PROBE_MISSED), et->probe.missed) ||
	    nla_put_u32(skb, ETRUNK_BACKUP_ATTR(ACTIVE_MEMBER), master_ifindex) ||
	    nla_put_u32(skb, ETRUNK_BACKUP_ATTR(SWITCHOVERS), switchovers) ||
	    nla_put_u8(skb, ETRUNK_BACKUP_ATTR(SWITCHOVER_REASON),
		       READ_ONCE(et->switch_reason)))
		return -EMSGSIZE;
	if (switchovers &&
	    nla_put_u64_64bit(skb, ETRUNK_BACKUP_ATTR(SWITCHOVER_AGE),
			      jiffies64_to_msecs(jiffies -
						 READ_ONCE(et->switch_time)),
			      pad))
		return -EMSGSIZE;
	return 0;
}

/* The mode-lacp attributes, also in the same order in both families:
 * @first is the LACP_SYSTEM_PRIO of either.
 */
#define ETRUNK_LACP_ATTR(x) (first + (IFLA_ETRUNK_LACP_##x - IFLA_ETRUNK_LACP_SYSTEM_PRIO))
#define ETRUNK_SAME_LACP_ORDER(x) \
	BUILD_BUG_ON(IFLA_ETRUNK_LACP_##x - IFLA_ETRUNK_LACP_SYSTEM_PRIO != \
		     ETRUNK_A_LACP_##x - ETRUNK_A_LACP_SYSTEM_PRIO)

int etrunk_put_lacp(struct sk_buff *skb, const struct etrunk *et, int first)
{
	u8 system[ETH_ALEN];

	ETRUNK_SAME_LACP_ORDER(SYSTEM);
	ETRUNK_SAME_LACP_ORDER(KEY);
	ETRUNK_SAME_LACP_ORDER(PORT_OFFSET);
	ETRUNK_SAME_LACP_ORDER(RATE);
	ETRUNK_SAME_LACP_ORDER(ROLE);
	ETRUNK_SAME_LACP_ORDER(SELECT);
	ETRUNK_SAME_LACP_ORDER(PREEMPT);
	ETRUNK_SAME_LACP_ORDER(PREEMPT_DELAY);
	etrunk_lacp_system(et, system);
	if (nla_put_u16(skb, ETRUNK_LACP_ATTR(SYSTEM_PRIO), et->lacp.system_prio) ||
	    nla_put(skb, ETRUNK_LACP_ATTR(SYSTEM), ETH_ALEN, system) ||
	    nla_put_u16(skb, ETRUNK_LACP_ATTR(KEY), et->lacp.key) ||
	    nla_put_u16(skb, ETRUNK_LACP_ATTR(PORT_OFFSET), et->lacp.port_offset) ||
	    nla_put_u8(skb, ETRUNK_LACP_ATTR(RATE),
		       et->lacp.fast ? ETRUNK_LACP_RATE_FAST : ETRUNK_LACP_RATE_SLOW) ||
	    nla_put_u8(skb, ETRUNK_LACP_ATTR(ROLE),
		       et->lacp.backup ? ETRUNK_LACP_ROLE_BACKUP :
					 ETRUNK_LACP_ROLE_MASTER) ||
	    nla_put_u8(skb, ETRUNK_LACP_ATTR(SELECT), et->lacp.select) ||
	    nla_put_u8(skb, ETRUNK_LACP_ATTR(PREEMPT), et->lacp.preempt) ||
	    nla_put_u32(skb, ETRUNK_LACP_ATTR(PREEMPT_DELAY),
			et->lacp.preempt_delay))
		return -EMSGSIZE;
	return 0;
}

size_t etrunk_lacp_size(void)
{
	return 3 * nla_total_size(sizeof(u16)) +	/* SYSTEM_PRIO, KEY, PORT_OFFSET */
	       nla_total_size(ETH_ALEN) +		/* SYSTEM */
	       4 * nla_total_size(sizeof(u8)) +		/* RATE, ROLE, SELECT, PREEMPT */
	       nla_total_size(sizeof(u32));		/* PREEMPT_DELAY */
}
