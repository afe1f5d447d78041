/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The names user space gives the etrunk enums of uapi/linux/etrunk.h: one
 * table each, shared by etrunkctl and the ip plugin so that both speak
 * the same words. ETRUNK_REASON_NONE is "none" in JSON and "-" in text.
 */
#ifndef ETRUNK_NAMES_H
#define ETRUNK_NAMES_H

#include <linux/etrunk.h>

static const char *const etrunk_mode_names[] = {
	[ETRUNK_MODE_LOADBALANCE] = "loadbalance",
	[ETRUNK_MODE_BACKUP] = "backup",
	[ETRUNK_MODE_LACP] = "lacp",
};

static const char *const etrunk_hash_names[] = {
	[ETRUNK_HASH_LAYER2] = "layer2",
	[ETRUNK_HASH_LAYER23] = "layer2+3",
	[ETRUNK_HASH_LAYER34] = "layer3+4",
	[ETRUNK_HASH_ENCAP23] = "encap2+3",
	[ETRUNK_HASH_ENCAP34] = "encap3+4",
};

static const char *const etrunk_state_names[] = {
	[ETRUNK_MEMBER_DOWN] = "down",
	[ETRUNK_MEMBER_ACTIVE] = "active",
	[ETRUNK_MEMBER_STANDBY] = "standby",
};

static const char *const etrunk_reason_names[] = {
	[ETRUNK_REASON_NONE] = "none",
	[ETRUNK_REASON_DEV_DOWN] = "dev-down",
	[ETRUNK_REASON_NO_CARRIER] = "no-carrier",
	[ETRUNK_REASON_ADMIN] = "admin",
	[ETRUNK_REASON_MAX_LINKS] = "max-links",
	[ETRUNK_REASON_PROBE] = "probe",
	[ETRUNK_REASON_BACKUP] = "backup",
	[ETRUNK_REASON_LACP_DEFAULTED] = "lacp-defaulted",
	[ETRUNK_REASON_LACP_EXPIRED] = "lacp-expired",
	[ETRUNK_REASON_LACP_AGGREGATOR] = "lacp-aggregator",
	[ETRUNK_REASON_LACP_WAITING] = "lacp-waiting",
	[ETRUNK_REASON_LACP_PARTNER] = "lacp-partner",
	[ETRUNK_REASON_LACP_ROLE] = "lacp-role",
	[ETRUNK_REASON_LACP_LOOPBACK] = "lacp-loopback",
};

static const char *const etrunk_lacp_rate_names[] = {
	[ETRUNK_LACP_RATE_SLOW] = "slow",
	[ETRUNK_LACP_RATE_FAST] = "fast",
};

static const char *const etrunk_lacp_role_names[] = {
	[ETRUNK_LACP_ROLE_MASTER] = "master",
	[ETRUNK_LACP_ROLE_BACKUP] = "backup",
};

static const char *const etrunk_lacp_select_names[] = {
	[ETRUNK_LACP_SELECT_COUNT] = "count",
	[ETRUNK_LACP_SELECT_BANDWIDTH] = "bandwidth",
	[ETRUNK_LACP_SELECT_PRIORITY] = "priority",
};

static const char *const etrunk_lacp_selected_names[] = {
	[ETRUNK_LACP_UNSELECTED] = "unselected",
	[ETRUNK_LACP_SELECTED] = "selected",
	[ETRUNK_LACP_STANDBY] = "standby",
};

static const char *const etrunk_lacp_rx_names[] = {
	[ETRUNK_LACP_RX_DISABLED] = "disabled",
	[ETRUNK_LACP_RX_EXPIRED] = "expired",
	[ETRUNK_LACP_RX_DEFAULTED] = "defaulted",
	[ETRUNK_LACP_RX_CURRENT] = "current",
};

static const char *const etrunk_lacp_mux_names[] = {
	[ETRUNK_LACP_MUX_DETACHED] = "detached",
	[ETRUNK_LACP_MUX_WAITING] = "waiting",
	[ETRUNK_LACP_MUX_ATTACHED] = "attached",
	[ETRUNK_LACP_MUX_COLLECTING_DISTRIBUTING] = "collecting-distributing",
};

/* The ETRUNK_LACP_STATE_* bits, lowest first. */
static const char *const etrunk_lacp_state_names[] = {
	"active", "short-timeout", "aggregation", "sync",
	"collecting", "distributing", "defaulted", "expired",
};

static const char *const etrunk_event_names[] = {
	[ETRUNK_EVENT_MEMBER_ADDED] = "member-added",
	[ETRUNK_EVENT_MEMBER_REMOVED] = "member-removed",
	[ETRUNK_EVENT_MEMBER_STATE] = "member-state",
	[ETRUNK_EVENT_ACTIVE] = "active",
	[ETRUNK_EVENT_TRUNK_CHANGED] = "trunk-changed",
	[ETRUNK_EVENT_SWITCHOVER] = "switchover",
	[ETRUNK_EVENT_LACP] = "lacp",
};

static const char *const etrunk_switch_names[] = {
	[ETRUNK_SWITCH_NONE] = "none",
	[ETRUNK_SWITCH_UP] = "up",
	[ETRUNK_SWITCH_LINK] = "link",
	[ETRUNK_SWITCH_ADMIN] = "admin",
	[ETRUNK_SWITCH_PROBE] = "probe",
	[ETRUNK_SWITCH_REVERT] = "revert",
	[ETRUNK_SWITCH_FLUSH] = "flush",
	[ETRUNK_SWITCH_MANUAL] = "manual",
	[ETRUNK_SWITCH_REMOVED] = "removed",
};

#endif /* ETRUNK_NAMES_H */
