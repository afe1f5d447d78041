/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The keywords of the trunk and member options that etrunkctl ("set",
 * "member set") and the ip plugin ("ip link add ... type etrunk", "ip
 * link set ... type etrunk_slave") both parse: one table, so that both
 * spell them the same. Each option has its name, the other spelling
 * etrunkctl takes (with '-') and the one ip takes (bonding's name where
 * bonding has the option, else the same as etrunkctl's).
 */
#ifndef ETRUNK_OPTS_H
#define ETRUNK_OPTS_H

#include <stdbool.h>
#include <string.h>

enum etrunk_opt {
	ETRUNK_OPT_MODE,
	ETRUNK_OPT_HASH_POLICY,
	ETRUNK_OPT_MIN_LINKS,
	ETRUNK_OPT_MAX_LINKS,
	ETRUNK_OPT_REVERTIVE,
	ETRUNK_OPT_REVERT_DELAY,
	ETRUNK_OPT_GRAT_ARP,
	ETRUNK_OPT_FLUSH_COUNT,
	ETRUNK_OPT_FLUSH_INTERVAL,
	ETRUNK_OPT_FLUSH_KEY,
	ETRUNK_OPT_FLUSH_RX,
	ETRUNK_OPT_PROBE_INTERVAL,
	ETRUNK_OPT_PROBE_MISSED,
	ETRUNK_OPT_PROBE_TARGET,
	ETRUNK_OPT_LACP_RATE,
	ETRUNK_OPT_LACP_ROLE,
	ETRUNK_OPT_LACP_SELECT,
	ETRUNK_OPT_LACP_PREEMPT,
	ETRUNK_OPT_LACP_PREEMPT_DELAY,
	ETRUNK_OPT_SYSTEM_PRIORITY,
	ETRUNK_OPT_SYSTEM_ID,
	ETRUNK_OPT_ACTOR_KEY,
	ETRUNK_OPT_PORT_OFFSET,
	/* member options */
	ETRUNK_OPT_LACP_PORT_PRIORITY,
	ETRUNK_OPT_LACP_ACTIVE,
};

static const struct {
	const char *name;
	const char *ctl;	/* etrunkctl's other spelling, or NULL */
	const char *ip;		/* the ip plugin's, or NULL */
} etrunk_opts[] = {
	[ETRUNK_OPT_MODE] = { "mode", NULL, NULL },
	[ETRUNK_OPT_HASH_POLICY] = { "hash_policy", "hash", "hash" },
	[ETRUNK_OPT_MIN_LINKS] = { "min_links", "min-links", "min-links" },
	[ETRUNK_OPT_MAX_LINKS] = { "max_links", "max-links", "max-links" },
	[ETRUNK_OPT_REVERTIVE] = { "revertive", NULL, NULL },
	[ETRUNK_OPT_REVERT_DELAY] = { "revert_delay", "revert-delay", "revert-delay" },
	[ETRUNK_OPT_GRAT_ARP] = { "grat_arp", "grat-arp", "grat-arp" },
	[ETRUNK_OPT_FLUSH_COUNT] = { "flush_count", "flush-count", "flush-count" },
	[ETRUNK_OPT_FLUSH_INTERVAL] = { "flush_interval", "flush-interval",
					"flush-interval" },
	[ETRUNK_OPT_FLUSH_KEY] = { "flush_key", "flush-key", "flush-key" },
	[ETRUNK_OPT_FLUSH_RX] = { "flush_rx", "flush-rx", "flush-rx" },
	[ETRUNK_OPT_PROBE_INTERVAL] = { "probe_interval", "probe-interval",
					"probe-interval" },
	[ETRUNK_OPT_PROBE_MISSED] = { "probe_missed", "probe-missed", "probe-missed" },
	[ETRUNK_OPT_PROBE_TARGET] = { "probe_target", "probe-target", "probe-target" },
	[ETRUNK_OPT_LACP_RATE] = { "lacp_rate", "lacp-rate", "lacp-rate" },
	[ETRUNK_OPT_LACP_ROLE] = { "lacp_role", "lacp-role", "lacp-role" },
	[ETRUNK_OPT_LACP_SELECT] = { "lacp_select", "lacp-select", "lacp-select" },
	[ETRUNK_OPT_LACP_PREEMPT] = { "lacp_preempt", "lacp-preempt", "lacp-preempt" },
	[ETRUNK_OPT_LACP_PREEMPT_DELAY] = { "lacp_preempt_delay",
					    "lacp-preempt-delay",
					    "lacp-preempt-delay" },
	[ETRUNK_OPT_SYSTEM_PRIORITY] = { "system_priority", "system-priority",
					 "ad_actor_sys_prio" },
	[ETRUNK_OPT_SYSTEM_ID] = { "system_id", "system-id", "ad_actor_system" },
	[ETRUNK_OPT_ACTOR_KEY] = { "actor_key", "actor-key", "ad_user_port_key" },
	[ETRUNK_OPT_PORT_OFFSET] = { "port_offset", "port-offset", "port-offset" },
	[ETRUNK_OPT_LACP_PORT_PRIORITY] = { "lacp_port_priority",
					    "lacp-port-priority",
					    "lacp-port-priority" },
	[ETRUNK_OPT_LACP_ACTIVE] = { "lacp_active", "lacp-active", "lacp-active" },
};

/* Whether @arg names option @opt, as the ip plugin (@ip) or etrunkctl. */
static inline bool etrunk_opt_is(const char *arg, enum etrunk_opt opt, bool ip)
{
	const char *alias = ip ? etrunk_opts[opt].ip : etrunk_opts[opt].ctl;

	return !strcmp(arg, etrunk_opts[opt].name) ||
	       (alias && !strcmp(arg, alias));
}

#endif
