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
	[ETRUNK_REASON_EROLE_BACKUP] = "e-trunk-backup",
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
	[ETRUNK_EVENT_GROUP_ADDED] = "e-trunk-added",
	[ETRUNK_EVENT_GROUP_CHANGED] = "e-trunk-changed",
	[ETRUNK_EVENT_GROUP_REMOVED] = "e-trunk-removed",
	[ETRUNK_EVENT_GROUP_STATE] = "e-trunk-state",
	[ETRUNK_EVENT_TRUNK_BOUND] = "e-trunk-bound",
	[ETRUNK_EVENT_TRUNK_BINDING] = "e-trunk-binding",
	[ETRUNK_EVENT_TRUNK_UNBOUND] = "e-trunk-unbound",
	[ETRUNK_EVENT_TRUNK_ROLE] = "e-trunk-role",
};

/* E-Trunk groups: the names of tools/etrunkd (proto.h, election.c). */
static const char *const etrunk_egroup_mode_names[] = {
	[ETRUNK_EGROUP_MODE_AUTO] = "auto",
	[ETRUNK_EGROUP_MODE_FORCE_MASTER] = "force-master",
	[ETRUNK_EGROUP_MODE_FORCE_BACKUP] = "force-backup",
};

static const char *const etrunk_egroup_basis_names[] = {
	[ETRUNK_EGROUP_BASIS_PRIORITY] = "priority",
	[ETRUNK_EGROUP_BASIS_LINKS] = "links",
	[ETRUNK_EGROUP_BASIS_BANDWIDTH] = "bandwidth",
};

static const char *const etrunk_erole_names[] = {
	[ETRUNK_EROLE_NONE] = "none",
	[ETRUNK_EROLE_MASTER] = "master",
	[ETRUNK_EROLE_BACKUP] = "backup",
};

static const char *const etrunk_ereason_names[] = {
	[ETRUNK_EREASON_NONE] = "none",
	[ETRUNK_EREASON_STARTING] = "starting",
	[ETRUNK_EREASON_NO_LINKS] = "no-links",
	[ETRUNK_EREASON_PEER_DOWN] = "peer-down",
	[ETRUNK_EREASON_LIVENESS] = "liveness-says-peer-alive",
	[ETRUNK_EREASON_PEER_NO_LINKS] = "peer-no-links",
	[ETRUNK_EREASON_FORCE_MASTER] = "force-master",
	[ETRUNK_EREASON_FORCE_BACKUP] = "force-backup",
	[ETRUNK_EREASON_PEER_FORCE_MASTER] = "peer-force-master",
	[ETRUNK_EREASON_PEER_FORCE_BACKUP] = "peer-force-backup",
	[ETRUNK_EREASON_HIGHER_PRIORITY] = "higher-priority",
	[ETRUNK_EREASON_LOWER_PRIORITY] = "lower-priority",
	[ETRUNK_EREASON_SYSID_TIEBREAK] = "system-id-tiebreak",
	[ETRUNK_EREASON_ADDR_TIEBREAK] = "address-tiebreak",
	[ETRUNK_EREASON_MORE_LINKS] = "more-links",
	[ETRUNK_EREASON_FEWER_LINKS] = "fewer-links",
	[ETRUNK_EREASON_MORE_BANDWIDTH] = "more-bandwidth",
	[ETRUNK_EREASON_LESS_BANDWIDTH] = "less-bandwidth",
	[ETRUNK_EREASON_REVERT_WAIT] = "revert-wait",
	[ETRUNK_EREASON_HANDOVER] = "handover",
};

static const char *const etrunk_peer_state_names[] = {
	[ETRUNK_PEER_UNKNOWN] = "unknown",
	[ETRUNK_PEER_UP] = "up",
	[ETRUNK_PEER_DOWN] = "down",
	[ETRUNK_PEER_DOWN_ALIVE] = "down-liveness-answers",
	[ETRUNK_PEER_DOWN_BFD] = "down-bfd",
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
	[ETRUNK_SWITCH_EROLE] = "e-trunk",
};

#endif /* ETRUNK_NAMES_H */
