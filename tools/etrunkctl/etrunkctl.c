// SPDX-License-Identifier: GPL-2.0
/*
 * etrunkctl - show and configure etrunk trunks and their members, and
 * follow their events, through the "etrunk" generic netlink family (see
 * uapi/linux/etrunk.h and etrunkctl(8)).
 *
 *   etrunkctl [-j [-p]] show [DEV]
 *   etrunkctl set DEV [mode M] [hash_policy P] [min_links N] [max_links N]
 *                     [revertive on|off] [revert_delay MS] [grat_arp N]
 *                     [flush_count N] [flush_interval MS]
 *                     [flush_key HEX|none] [flush_rx on|off]
 *                     [probe_interval MS] [probe_missed N]
 *                     [probe_target ADDR[,ADDR...]|none]
 *   etrunkctl [-j [-p]] member show DEV
 *   etrunkctl member set DEV [priority N] [master on|off] [admin up|down]
 *   etrunkctl flush-receive DEV on [key HEX|none] [vlans VID[,VID...]|all]
 *   etrunkctl flush-receive DEV off
 *   etrunkctl [-j [-p]] flush-receive show [DEV]
 *   etrunkctl [-j [-p]] e-trunk show [ID]
 *   etrunkctl e-trunk add|set ID [system-id MAC] [source ADDR] [peer ADDR]
 *                     [priority N] [liveness ADDR|none] [port N]
 *                     [key HEX|none] [hello MS] [hold-multiplier N]
 *                     [revert-delay S] [description TEXT]
 *   etrunkctl e-trunk del ID
 *   etrunkctl e-trunk bind TRUNK group ID id N
 *                     [mode auto|force-master|force-backup]
 *                     [remote-id N|none] [basis priority|links|bandwidth]
 *   etrunkctl e-trunk bind-set TRUNK [id N] [mode M] [remote-id N|none]
 *                     [basis B]
 *   etrunkctl e-trunk unbind TRUNK
 *   etrunkctl e-trunk role TRUNK master|backup [reason R]
 *   etrunkctl [-j [-p]] rbs show [NAME]
 *   etrunkctl rbs add|set NAME [peer ADDR] [source ADDR] [port N]
 *                     [key STRING|none] [hold-time S] [keepalive MS]
 *                     [description TEXT]
 *   etrunkctl rbs del NAME
 *   etrunkctl [-j [-p]] rbp show [NAME]
 *   etrunkctl rbp add|set NAME [service SVC] [backup-id N] [dev TRUNK]
 *                     [kinds arp,nd,igmp,mld|all] [type hot]
 *   etrunkctl rbp del NAME
 *   etrunkctl [-j] monitor
 *
 * Exit status: 0 on success, 1 if the kernel (or the system) refused, with
 * one line on stderr (the kernel's extack message when it gave one), 2 on
 * a usage error.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <linux/etrunk.h>

#include "../etrunk_names.h"
#include "json.h"
#include "nl.h"

#ifndef ETRUNKCTL_VERSION
#define ETRUNKCTL_VERSION "0.1"
#endif

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define EXIT_FAIL 1
#define EXIT_USAGE 2

static bool json;
static bool pretty;

/* ---- names ---------------------------------------------------------- */

#define NAMES(tbl) tbl, ARRAY_SIZE(tbl)

/* The name of an enum value, or the number of one this tool does not know. */
static const char *enum_str(const char *const *tbl, size_t n, unsigned int v,
			    char *buf, size_t len)
{
	if (v < n && tbl[v])
		return tbl[v];
	snprintf(buf, len, "%u", v);
	return buf;
}

static void json_enum(const char *key, const char *const *tbl, size_t n,
		      unsigned int v)
{
	if (v < n && tbl[v])
		json_string(key, tbl[v]);
	else
		json_uint(key, v);
}

/* ---- errors --------------------------------------------------------- */

static void __attribute__((format(printf, 1, 2), noreturn))
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("etrunkctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(" (see 'etrunkctl help')\n", stderr);
	exit(EXIT_USAGE);
}

/* A failed request: the kernel's message if it gave one, else strerror. */
static void __attribute__((noreturn)) nl_fail(const struct nl *nl, int err)
{
	if (nl->errmsg[0])
		fprintf(stderr, "etrunkctl: %s\n", nl->errmsg);
	else
		fprintf(stderr, "etrunkctl: %s\n", strerror(-err));
	exit(EXIT_FAIL);
}

static void __attribute__((noreturn)) out_of_memory(void)
{
	fputs("etrunkctl: out of memory\n", stderr);
	exit(EXIT_FAIL);
}

static void nl_start(struct nl *nl)
{
	int err = nl_open(nl);

	if (err == -ENOENT) {
		fputs("etrunkctl: no generic netlink family \"" ETRUNK_GENL_NAME
		      "\": is the etrunk module loaded?\n", stderr);
		exit(EXIT_FAIL);
	}
	if (err)
		nl_fail(nl, err);
}

/* ---- messages ------------------------------------------------------- */

#define HAS(s, attr) (((s)->has >> (attr)) & 1u)
#define BIT64(n) ((uint64_t)1 << (n))

/* One end of a link as a LACPDU describes it (ETRUNK_LACP_A_ACTOR_*). */
struct lacp_port {
	uint16_t system_prio;
	uint8_t system[6];
	uint16_t key;
	uint16_t port_prio;
	uint16_t port;
	uint8_t state;
};

/* ETRUNK_MEMBER_A_LACP */
struct lacp_member {
	uint8_t rx_state;
	uint8_t mux_state;
	struct lacp_port actor;
	struct lacp_port partner;
	unsigned int stats_has;	/* bit ETRUNK_LACP_A_x of the counters */
	uint64_t stats[ETRUNK_LACP_A_MAX + 1];
	uint8_t selected;
	uint8_t actor_churn;
	uint8_t partner_churn;
	uint32_t actor_churns;
	uint32_t partner_churns;
};

struct member {
	unsigned int has;	/* bit ETRUNK_MEMBER_A_x: attribute present */
	uint32_t ifindex;
	char ifname[IFNAMSIZ];
	uint8_t state;
	uint8_t reason;
	uint8_t master;
	uint8_t admin_up;
	uint16_t priority;
	uint32_t link_failures;
	uint32_t speed;
	uint16_t lacp_port_prio;
	uint8_t lacp_active;
	struct lacp_member lacp;
};

/* An IPv4 (4 bytes) or IPv6 (16 bytes) address, network order. */
struct addr {
	uint8_t len;
	uint8_t a[16];
};

/* An E-Trunk binding (ETRUNK_A_BINDING, ETRUNK_GROUP_A_TRUNK). */
struct ebinding {
	uint32_t has;	/* bit ETRUNK_BIND_A_x */
	uint32_t ifindex, group, id, remote_id;
	uint32_t revert_ms;	/* revert-wait: ms left */
	char ifname[IFNAMSIZ];
	uint8_t mode, basis, role, reason;
};

/*
 * A trunk message, a GET_MEMBER reply, an event or a flush-receive port
 * (GET_FLUSH_RX reply).
 */
struct trunk {
	uint64_t has;		/* bit ETRUNK_A_x: attribute present */
	uint32_t ifindex;
	char ifname[IFNAMSIZ];
	uint8_t mode;
	uint8_t hash_policy;
	uint8_t up;
	uint8_t carrier;
	uint8_t event;
	uint32_t min_links;
	uint32_t max_links;
	uint32_t active_members;
	uint32_t event_seq;
	unsigned int stats_has;	/* bit ETRUNK_STATS_A_x */
	uint64_t stats[ETRUNK_STATS_A_MAX + 1];
	/* mode backup */
	uint8_t revertive;
	uint8_t grat_arp;
	uint8_t flush_count;
	uint8_t flush_key_set;
	uint8_t flush_rx;
	uint8_t probe_missed;
	uint8_t switchover_reason;
	uint16_t flush_interval;
	uint32_t revert_delay;
	uint32_t probe_interval;
	uint32_t active_member;		/* ifindex, 0: none */
	uint32_t switchovers;
	uint64_t switchover_age;	/* ms */
	struct addr probe_targets[ETRUNK_MAX_PROBE_TARGETS];
	unsigned int n_probe_targets;
	unsigned int flush_stats_has;	/* bit ETRUNK_FLUSH_STATS_A_x */
	uint64_t flush_stats[ETRUNK_FLUSH_STATS_A_MAX + 1];
	/* mode lacp */
	uint16_t lacp_system_prio;
	uint8_t lacp_system[6];
	uint16_t lacp_key;
	uint16_t lacp_port_offset;
	uint8_t lacp_rate;
	uint8_t lacp_role;
	uint8_t lacp_select;
	uint8_t lacp_preempt;
	uint32_t lacp_preempt_delay;
	/* flush-receive port: ETRUNK_A_FLUSH_VLANS, none (or absent): all */
	uint16_t vlans[ETRUNK_FLUSH_MAX_VLANS];
	unsigned int n_vlans;
	struct ebinding binding;	/* ETRUNK_A_BINDING */
	struct member member;	/* ETRUNK_A_MEMBER */
	struct member *members;	/* ETRUNK_A_MEMBERS */
	unsigned int n_members;
	unsigned int cap_members;
};

struct trunk_list {
	struct trunk *v;
	unsigned int n;
	unsigned int cap;
	uint16_t family;
};

static const enum mnl_attr_data_type trunk_attr_types[ETRUNK_A_MAX + 1] = {
	[ETRUNK_A_IFINDEX] = MNL_TYPE_U32,
	[ETRUNK_A_IFNAME] = MNL_TYPE_NUL_STRING,
	[ETRUNK_A_MODE] = MNL_TYPE_U8,
	[ETRUNK_A_HASH_POLICY] = MNL_TYPE_U8,
	[ETRUNK_A_MIN_LINKS] = MNL_TYPE_U32,
	[ETRUNK_A_MAX_LINKS] = MNL_TYPE_U32,
	[ETRUNK_A_UP] = MNL_TYPE_U8,
	[ETRUNK_A_CARRIER] = MNL_TYPE_U8,
	[ETRUNK_A_ACTIVE_MEMBERS] = MNL_TYPE_U32,
	[ETRUNK_A_STATS] = MNL_TYPE_NESTED,
	[ETRUNK_A_MEMBERS] = MNL_TYPE_NESTED,
	[ETRUNK_A_MEMBER] = MNL_TYPE_NESTED,
	[ETRUNK_A_EVENT] = MNL_TYPE_U8,
	[ETRUNK_A_EVENT_SEQ] = MNL_TYPE_U32,
	[ETRUNK_A_REVERTIVE] = MNL_TYPE_U8,
	[ETRUNK_A_REVERT_DELAY] = MNL_TYPE_U32,
	[ETRUNK_A_GRAT_ARP] = MNL_TYPE_U8,
	[ETRUNK_A_FLUSH_COUNT] = MNL_TYPE_U8,
	[ETRUNK_A_FLUSH_INTERVAL] = MNL_TYPE_U16,
	[ETRUNK_A_FLUSH_KEY] = MNL_TYPE_BINARY,	/* write-only */
	[ETRUNK_A_FLUSH_KEY_SET] = MNL_TYPE_U8,
	[ETRUNK_A_FLUSH_RX] = MNL_TYPE_U8,
	[ETRUNK_A_PROBE_INTERVAL] = MNL_TYPE_U32,
	[ETRUNK_A_PROBE_MISSED] = MNL_TYPE_U8,
	[ETRUNK_A_PROBE_TARGETS] = MNL_TYPE_NESTED,
	[ETRUNK_A_ACTIVE_MEMBER] = MNL_TYPE_U32,
	[ETRUNK_A_SWITCHOVERS] = MNL_TYPE_U32,
	[ETRUNK_A_SWITCHOVER_REASON] = MNL_TYPE_U8,
	[ETRUNK_A_SWITCHOVER_AGE] = MNL_TYPE_U64,
	[ETRUNK_A_FLUSH_STATS] = MNL_TYPE_NESTED,
	[ETRUNK_A_FLUSH_VLANS] = MNL_TYPE_NESTED,
	[ETRUNK_A_LACP_SYSTEM_PRIO] = MNL_TYPE_U16,
	[ETRUNK_A_LACP_SYSTEM] = MNL_TYPE_BINARY,	/* 6 bytes */
	[ETRUNK_A_LACP_KEY] = MNL_TYPE_U16,
	[ETRUNK_A_LACP_PORT_OFFSET] = MNL_TYPE_U16,
	[ETRUNK_A_LACP_RATE] = MNL_TYPE_U8,
	[ETRUNK_A_LACP_ROLE] = MNL_TYPE_U8,
	[ETRUNK_A_LACP_SELECT] = MNL_TYPE_U8,
	[ETRUNK_A_LACP_PREEMPT] = MNL_TYPE_U8,
	[ETRUNK_A_LACP_PREEMPT_DELAY] = MNL_TYPE_U32,
	[ETRUNK_A_BINDING] = MNL_TYPE_NESTED,
};
_Static_assert(ETRUNK_A_MAX < 64, "struct trunk's has is 64 bits");

static const enum mnl_attr_data_type member_attr_types[ETRUNK_MEMBER_A_MAX + 1] = {
	[ETRUNK_MEMBER_A_IFINDEX] = MNL_TYPE_U32,
	[ETRUNK_MEMBER_A_IFNAME] = MNL_TYPE_NUL_STRING,
	[ETRUNK_MEMBER_A_STATE] = MNL_TYPE_U8,
	[ETRUNK_MEMBER_A_REASON] = MNL_TYPE_U8,
	[ETRUNK_MEMBER_A_PRIORITY] = MNL_TYPE_U16,
	[ETRUNK_MEMBER_A_MASTER] = MNL_TYPE_U8,
	[ETRUNK_MEMBER_A_ADMIN_UP] = MNL_TYPE_U8,
	[ETRUNK_MEMBER_A_LINK_FAILURES] = MNL_TYPE_U32,
	[ETRUNK_MEMBER_A_SPEED] = MNL_TYPE_U32,
	[ETRUNK_MEMBER_A_LACP_PORT_PRIO] = MNL_TYPE_U16,
	[ETRUNK_MEMBER_A_LACP_ACTIVE] = MNL_TYPE_U8,
	[ETRUNK_MEMBER_A_LACP] = MNL_TYPE_NESTED,
};

/*
 * The type of a known attribute that is well formed, else MNL_TYPE_UNSPEC:
 * attributes of a newer kernel, and malformed ones, are skipped.
 */
static unsigned int attr_known(const struct nlattr *a,
			       const enum mnl_attr_data_type *types,
			       unsigned int max)
{
	unsigned int type = mnl_attr_get_type(a);

	if (type > max || types[type] == MNL_TYPE_UNSPEC ||
	    mnl_attr_validate(a, types[type]) < 0)
		return 0;
	return type;
}

static void copy_name(char *dst, const struct nlattr *a)
{
	snprintf(dst, IFNAMSIZ, "%s", mnl_attr_get_str(a));
}

/* A 6-byte MAC attribute; false (and zeros) if it is not 6 bytes. */
static bool get_mac(const struct nlattr *a, uint8_t mac[6])
{
	if (mnl_attr_get_payload_len(a) != 6) {
		memset(mac, 0, 6);
		return false;
	}
	memcpy(mac, mnl_attr_get_payload(a), 6);
	return true;
}

/* An actor or partner attribute; @field counts from *_SYSTEM_PRIO. */
static void parse_lacp_port(const struct nlattr *a, unsigned int field,
			    struct lacp_port *p)
{
	uint16_t *dst;

	/* The partner's attributes are in the same order as the actor's. */
	switch (field + ETRUNK_LACP_A_ACTOR_SYSTEM_PRIO) {
	case ETRUNK_LACP_A_ACTOR_SYSTEM_PRIO:
		dst = &p->system_prio;
		break;
	case ETRUNK_LACP_A_ACTOR_SYSTEM:
		get_mac(a, p->system);
		return;
	case ETRUNK_LACP_A_ACTOR_KEY:
		dst = &p->key;
		break;
	case ETRUNK_LACP_A_ACTOR_PORT_PRIO:
		dst = &p->port_prio;
		break;
	case ETRUNK_LACP_A_ACTOR_PORT:
		dst = &p->port;
		break;
	case ETRUNK_LACP_A_ACTOR_STATE:
		if (mnl_attr_validate(a, MNL_TYPE_U8) >= 0)
			p->state = mnl_attr_get_u8(a);
		return;
	default:
		return;
	}
	if (mnl_attr_validate(a, MNL_TYPE_U16) >= 0)
		*dst = mnl_attr_get_u16(a);
}

/* The selection and the churn machines (ETRUNK_LACP_A_SELECTED on). */
static void parse_lacp_selection(const struct nlattr *a, unsigned int type,
				 struct lacp_member *l)
{
	bool is32 = type == ETRUNK_LACP_A_ACTOR_CHURNS ||
		    type == ETRUNK_LACP_A_PARTNER_CHURNS;

	if (mnl_attr_validate(a, is32 ? MNL_TYPE_U32 : MNL_TYPE_U8) < 0)
		return;
	switch (type) {
	case ETRUNK_LACP_A_SELECTED:
		l->selected = mnl_attr_get_u8(a);
		break;
	case ETRUNK_LACP_A_ACTOR_CHURN:
		l->actor_churn = mnl_attr_get_u8(a);
		break;
	case ETRUNK_LACP_A_PARTNER_CHURN:
		l->partner_churn = mnl_attr_get_u8(a);
		break;
	case ETRUNK_LACP_A_ACTOR_CHURNS:
		l->actor_churns = mnl_attr_get_u32(a);
		break;
	case ETRUNK_LACP_A_PARTNER_CHURNS:
		l->partner_churns = mnl_attr_get_u32(a);
		break;
	}
}

/* ETRUNK_MEMBER_A_LACP: malformed or unknown attributes are skipped. */
static void parse_lacp_member(const struct nlattr *nest, struct lacp_member *l)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type > ETRUNK_LACP_A_MAX) {
			continue;
		} else if (type >= ETRUNK_LACP_A_SELECTED) {
			parse_lacp_selection(a, type, l);
		} else if (type >= ETRUNK_LACP_A_LACPDU_RX) {
			if (mnl_attr_validate(a, MNL_TYPE_U64) < 0)
				continue;
			l->stats_has |= 1u << type;
			l->stats[type] = mnl_attr_get_u64(a);
		} else if (type >= ETRUNK_LACP_A_PARTNER_SYSTEM_PRIO) {
			parse_lacp_port(a, type - ETRUNK_LACP_A_PARTNER_SYSTEM_PRIO,
					&l->partner);
		} else if (type >= ETRUNK_LACP_A_ACTOR_SYSTEM_PRIO) {
			parse_lacp_port(a, type - ETRUNK_LACP_A_ACTOR_SYSTEM_PRIO,
					&l->actor);
		} else if ((type == ETRUNK_LACP_A_RX_STATE ||
			    type == ETRUNK_LACP_A_MUX_STATE) &&
			   mnl_attr_validate(a, MNL_TYPE_U8) >= 0) {
			if (type == ETRUNK_LACP_A_RX_STATE)
				l->rx_state = mnl_attr_get_u8(a);
			else
				l->mux_state = mnl_attr_get_u8(a);
		}
	}
}

static void parse_member(const struct nlattr *nest, struct member *m)
{
	const struct nlattr *a;

	memset(m, 0, sizeof(*m));
	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = attr_known(a, member_attr_types,
					       ETRUNK_MEMBER_A_MAX);

		if (!type)
			continue;
		m->has |= 1u << type;
		switch (type) {
		case ETRUNK_MEMBER_A_IFINDEX:
			m->ifindex = mnl_attr_get_u32(a);
			break;
		case ETRUNK_MEMBER_A_IFNAME:
			copy_name(m->ifname, a);
			break;
		case ETRUNK_MEMBER_A_STATE:
			m->state = mnl_attr_get_u8(a);
			break;
		case ETRUNK_MEMBER_A_REASON:
			m->reason = mnl_attr_get_u8(a);
			break;
		case ETRUNK_MEMBER_A_PRIORITY:
			m->priority = mnl_attr_get_u16(a);
			break;
		case ETRUNK_MEMBER_A_MASTER:
			m->master = mnl_attr_get_u8(a);
			break;
		case ETRUNK_MEMBER_A_ADMIN_UP:
			m->admin_up = mnl_attr_get_u8(a);
			break;
		case ETRUNK_MEMBER_A_LINK_FAILURES:
			m->link_failures = mnl_attr_get_u32(a);
			break;
		case ETRUNK_MEMBER_A_SPEED:
			m->speed = mnl_attr_get_u32(a);
			break;
		case ETRUNK_MEMBER_A_LACP_PORT_PRIO:
			m->lacp_port_prio = mnl_attr_get_u16(a);
			break;
		case ETRUNK_MEMBER_A_LACP_ACTIVE:
			m->lacp_active = mnl_attr_get_u8(a);
			break;
		case ETRUNK_MEMBER_A_LACP:
			parse_lacp_member(a, &m->lacp);
			break;
		}
	}
}

static void parse_stats(const struct nlattr *nest, struct trunk *t)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type == ETRUNK_STATS_A_PAD || type > ETRUNK_STATS_A_MAX ||
		    mnl_attr_validate(a, MNL_TYPE_U64) < 0)
			continue;
		t->stats_has |= 1u << type;
		t->stats[type] = mnl_attr_get_u64(a);
	}
}

static void parse_flush_stats(const struct nlattr *nest, struct trunk *t)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type == ETRUNK_FLUSH_STATS_A_PAD ||
		    type > ETRUNK_FLUSH_STATS_A_MAX ||
		    mnl_attr_validate(a, MNL_TYPE_U64) < 0)
			continue;
		t->flush_stats_has |= 1u << type;
		t->flush_stats[type] = mnl_attr_get_u64(a);
	}
}

/* A list of 4- or 16-byte addresses; more than this tool holds are left out. */
static void parse_probe_targets(const struct nlattr *nest, struct trunk *t)
{
	const struct nlattr *a;

	t->n_probe_targets = 0;
	mnl_attr_for_each_nested(a, nest) {
		uint16_t len = mnl_attr_get_payload_len(a);
		struct addr *p;

		if (mnl_attr_get_type(a) != ETRUNK_A_PROBE_TARGET ||
		    (len != 4 && len != 16) ||
		    t->n_probe_targets == ARRAY_SIZE(t->probe_targets))
			continue;
		p = &t->probe_targets[t->n_probe_targets++];
		p->len = (uint8_t)len;
		memcpy(p->a, mnl_attr_get_payload(a), len);
	}
}

static void parse_vlans(const struct nlattr *nest, struct trunk *t)
{
	const struct nlattr *a;

	t->n_vlans = 0;
	mnl_attr_for_each_nested(a, nest) {
		if (mnl_attr_get_type(a) != ETRUNK_VLAN_A_VID ||
		    mnl_attr_validate(a, MNL_TYPE_U16) < 0 ||
		    t->n_vlans == ARRAY_SIZE(t->vlans))
			continue;
		t->vlans[t->n_vlans++] = mnl_attr_get_u16(a);
	}
}

/* Members are appended: a dump may continue a trunk in a next message. */
static void parse_members(const struct nlattr *nest, struct trunk *t)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		if (mnl_attr_get_type(a) != ETRUNK_A_MEMBER ||
		    mnl_attr_validate(a, MNL_TYPE_NESTED) < 0)
			continue;
		if (t->n_members == t->cap_members) {
			unsigned int cap = t->cap_members ? 2 * t->cap_members : 8;
			struct member *v = realloc(t->members, cap * sizeof(*v));

			if (!v)
				out_of_memory();
			t->members = v;
			t->cap_members = cap;
		}
		parse_member(a, &t->members[t->n_members++]);
	}
}

static void parse_ebinding(const struct nlattr *nest, struct ebinding *b);

static void parse_trunk(const struct nlmsghdr *nlh, struct trunk *t)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		unsigned int type = attr_known(a, trunk_attr_types, ETRUNK_A_MAX);

		if (!type)
			continue;
		t->has |= BIT64(type);
		switch (type) {
		case ETRUNK_A_IFINDEX:
			t->ifindex = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_IFNAME:
			copy_name(t->ifname, a);
			break;
		case ETRUNK_A_MODE:
			t->mode = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_HASH_POLICY:
			t->hash_policy = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_MIN_LINKS:
			t->min_links = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_MAX_LINKS:
			t->max_links = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_UP:
			t->up = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_CARRIER:
			t->carrier = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_ACTIVE_MEMBERS:
			t->active_members = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_STATS:
			parse_stats(a, t);
			break;
		case ETRUNK_A_MEMBERS:
			parse_members(a, t);
			break;
		case ETRUNK_A_MEMBER:
			parse_member(a, &t->member);
			break;
		case ETRUNK_A_EVENT:
			t->event = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_EVENT_SEQ:
			t->event_seq = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_REVERTIVE:
			t->revertive = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_REVERT_DELAY:
			t->revert_delay = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_GRAT_ARP:
			t->grat_arp = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_FLUSH_COUNT:
			t->flush_count = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_FLUSH_INTERVAL:
			t->flush_interval = mnl_attr_get_u16(a);
			break;
		case ETRUNK_A_FLUSH_KEY_SET:
			t->flush_key_set = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_FLUSH_RX:
			t->flush_rx = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_PROBE_INTERVAL:
			t->probe_interval = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_PROBE_MISSED:
			t->probe_missed = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_PROBE_TARGETS:
			parse_probe_targets(a, t);
			break;
		case ETRUNK_A_ACTIVE_MEMBER:
			t->active_member = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_SWITCHOVERS:
			t->switchovers = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_SWITCHOVER_REASON:
			t->switchover_reason = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_SWITCHOVER_AGE:
			t->switchover_age = mnl_attr_get_u64(a);
			break;
		case ETRUNK_A_FLUSH_STATS:
			parse_flush_stats(a, t);
			break;
		case ETRUNK_A_FLUSH_VLANS:
			parse_vlans(a, t);
			break;
		case ETRUNK_A_LACP_SYSTEM_PRIO:
			t->lacp_system_prio = mnl_attr_get_u16(a);
			break;
		case ETRUNK_A_LACP_SYSTEM:
			get_mac(a, t->lacp_system);
			break;
		case ETRUNK_A_LACP_KEY:
			t->lacp_key = mnl_attr_get_u16(a);
			break;
		case ETRUNK_A_LACP_PORT_OFFSET:
			t->lacp_port_offset = mnl_attr_get_u16(a);
			break;
		case ETRUNK_A_LACP_RATE:
			t->lacp_rate = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_LACP_ROLE:
			t->lacp_role = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_LACP_SELECT:
			t->lacp_select = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_LACP_PREEMPT:
			t->lacp_preempt = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_LACP_PREEMPT_DELAY:
			t->lacp_preempt_delay = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_BINDING:
			parse_ebinding(a, &t->binding);
			break;
		}
	}
}

static bool genl_msg_ok(const struct nlmsghdr *nlh, uint16_t family)
{
	return nlh->nlmsg_type == family &&
	       mnl_nlmsg_get_payload_len(nlh) >= sizeof(struct genlmsghdr);
}

/*
 * One reply message: a new trunk, or the continuation of the last one
 * (same ifindex) when a dump split its members over messages.
 */
static int trunk_list_cb(const struct nlmsghdr *nlh, void *data)
{
	struct trunk_list *l = data;
	struct trunk tmp = { 0 }, *t;

	if (!genl_msg_ok(nlh, l->family))
		return MNL_CB_OK;
	parse_trunk(nlh, &tmp);
	if (l->n && HAS(&tmp, ETRUNK_A_IFINDEX) &&
	    l->v[l->n - 1].ifindex == tmp.ifindex) {
		t = &l->v[l->n - 1];
		if (t->n_members + tmp.n_members > t->cap_members) {
			unsigned int cap = t->n_members + tmp.n_members;
			struct member *v = realloc(t->members, cap * sizeof(*v));

			if (!v)
				out_of_memory();
			t->members = v;
			t->cap_members = cap;
		}
		if (tmp.n_members)
			memcpy(&t->members[t->n_members], tmp.members,
			       tmp.n_members * sizeof(*tmp.members));
		t->n_members += tmp.n_members;
		free(tmp.members);
		return MNL_CB_OK;
	}
	if (l->n == l->cap) {
		unsigned int cap = l->cap ? 2 * l->cap : 4;
		struct trunk *v = realloc(l->v, cap * sizeof(*v));

		if (!v)
			out_of_memory();
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = tmp;
	return MNL_CB_OK;
}

static void trunk_list_free(struct trunk_list *l)
{
	unsigned int i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].members);
	free(l->v);
}

/* ---- plain output --------------------------------------------------- */

#define COLUMNS 16

struct table {
	const char *head[COLUMNS];
	unsigned int ncol;
	unsigned int nrow;
	char (*cell)[COLUMNS][40];
	size_t width[COLUMNS];
};

static void table_init(struct table *tb, unsigned int rows,
		       const char *const *head, unsigned int ncol)
{
	unsigned int c;

	memset(tb, 0, sizeof(*tb));
	tb->ncol = ncol;
	tb->cell = calloc(rows ? rows : 1, sizeof(*tb->cell));
	if (!tb->cell)
		out_of_memory();
	for (c = 0; c < ncol; c++) {
		tb->head[c] = head[c];
		tb->width[c] = strlen(head[c]);
	}
}

static void table_set(struct table *tb, unsigned int row, unsigned int col,
		      const char *s)
{
	size_t len;

	snprintf(tb->cell[row][col], sizeof(tb->cell[row][col]), "%s", s);
	len = strlen(tb->cell[row][col]);
	if (len > tb->width[col])
		tb->width[col] = len;
	if (row >= tb->nrow)
		tb->nrow = row + 1;
}

static void table_line(const struct table *tb, const char *indent,
		       const char *const *cells)
{
	unsigned int c;

	fputs(indent, stdout);
	for (c = 0; c < tb->ncol; c++) {
		if (c + 1 < tb->ncol)
			printf("%-*s  ", (int)tb->width[c], cells[c]);
		else
			printf("%s\n", cells[c]);
	}
}

/* Print the table and free its cells. */
static void table_print(struct table *tb, const char *indent)
{
	unsigned int r, c;

	table_line(tb, indent, tb->head);
	for (r = 0; r < tb->nrow; r++) {
		const char *cells[COLUMNS];

		for (c = 0; c < tb->ncol; c++)
			cells[c] = tb->cell[r][c];
		table_line(tb, indent, cells);
	}
	free(tb->cell);
	tb->cell = NULL;
}

static const char *const member_head[] = {
	"member", "state", "reason", "priority", "master", "admin", "speed",
	"link-failures",
};

/* member show: the same with the trunk in the second column */
static const char *const member_show_head[] = {
	"member", "trunk", "state", "reason", "priority", "master", "admin",
	"speed", "link-failures",
};

/* The member columns of a table row from column @col on ("?": absent). */
static void member_row(struct table *tb, unsigned int row, unsigned int col,
		       const struct member *m)
{
	char buf[24], num[12];

#define CELL(attr, ...) do {						\
		if (HAS(m, attr))					\
			snprintf(buf, sizeof(buf), __VA_ARGS__);	\
		else							\
			snprintf(buf, sizeof(buf), "?");		\
		table_set(tb, row, col++, buf);				\
	} while (0)

	CELL(ETRUNK_MEMBER_A_STATE, "%s",
	     enum_str(NAMES(etrunk_state_names), m->state, num, sizeof(num)));
	if (HAS(m, ETRUNK_MEMBER_A_REASON) && m->reason == ETRUNK_REASON_NONE)
		table_set(tb, row, col++, "-");
	else
		CELL(ETRUNK_MEMBER_A_REASON, "%s",
		     enum_str(NAMES(etrunk_reason_names), m->reason, num, sizeof(num)));
	CELL(ETRUNK_MEMBER_A_PRIORITY, "%u", m->priority);
	CELL(ETRUNK_MEMBER_A_MASTER, "%s", m->master ? "yes" : "no");
	CELL(ETRUNK_MEMBER_A_ADMIN_UP, "%s", m->admin_up ? "up" : "down");
	if (HAS(m, ETRUNK_MEMBER_A_SPEED))
		snprintf(buf, sizeof(buf), "%uMb/s", m->speed);
	else
		snprintf(buf, sizeof(buf), "-");
	table_set(tb, row, col++, buf);
	CELL(ETRUNK_MEMBER_A_LINK_FAILURES, "%u", m->link_failures);
#undef CELL
}

static const char *member_name(const struct member *m, char *buf, size_t len)
{
	if (HAS(m, ETRUNK_MEMBER_A_IFNAME))
		return m->ifname;
	snprintf(buf, len, "if%u", m->ifindex);
	return buf;
}

static const char *addr_str(const struct addr *p, char *buf, size_t len)
{
	if (!inet_ntop(p->len == 4 ? AF_INET : AF_INET6, p->a, buf, len))
		snprintf(buf, len, "?");
	return buf;
}

/*
 * The name of the active member (ifindex t->active_member, not 0): as a
 * member of the message, else as a device of this namespace, else "ifN".
 */
static const char *active_name(const struct trunk *t, char *buf, size_t len)
{
	char name[IF_NAMESIZE];
	unsigned int i;

	for (i = 0; i < t->n_members; i++) {
		const struct member *m = &t->members[i];

		if (HAS(m, ETRUNK_MEMBER_A_IFINDEX) &&
		    HAS(m, ETRUNK_MEMBER_A_IFNAME) &&
		    m->ifindex == t->active_member)
			return m->ifname;
	}
	if (if_indextoname(t->active_member, name))
		snprintf(buf, len, "%s", name);
	else
		snprintf(buf, len, "if%u", t->active_member);
	return buf;
}

/* Fields of one line, ", " between them; the line ends with line_end(). */
struct line {
	const char *sep;	/* before the next field */
};

static void __attribute__((format(printf, 2, 3)))
line_add(struct line *l, const char *fmt, ...)
{
	va_list ap;

	fputs(l->sep, stdout);
	l->sep = ", ";
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

static void line_end(const struct line *l)
{
	if (strcmp(l->sep, ", ") == 0)
		putchar('\n');
}

/*
 *   flush frames: sent 6, accepted 0; dropped: rate 0, malformed 0, ...
 * (no "sent" for a flush-receive port: it sends none)
 */
static void print_flush_stats_plain(const struct trunk *t, bool with_tx)
{
	const uint64_t *s = t->flush_stats;

	if (!t->flush_stats_has)
		return;
	fputs("  flush frames: ", stdout);
	if (with_tx)
		printf("sent %" PRIu64 ", ", s[ETRUNK_FLUSH_STATS_A_TX]);
	printf("accepted %" PRIu64 "; dropped: rate %" PRIu64 ", malformed %"
	       PRIu64 ", version %" PRIu64 ", auth %" PRIu64 ", replay %"
	       PRIu64 "\n",
	       s[ETRUNK_FLUSH_STATS_A_RX_ACCEPTED],
	       s[ETRUNK_FLUSH_STATS_A_RX_RATE],
	       s[ETRUNK_FLUSH_STATS_A_RX_MALFORMED],
	       s[ETRUNK_FLUSH_STATS_A_RX_VERSION],
	       s[ETRUNK_FLUSH_STATS_A_RX_AUTH],
	       s[ETRUNK_FLUSH_STATS_A_RX_REPLAY]);
}

/*
 * Mode backup:
 *   backup: active a0, revertive on, revert-delay 0 ms, grat-arp 1
 *   switchovers 3, last: link, 1.234 s ago
 *   flush: count 3, interval 10 ms, key none, rx on
 *   flush frames: sent 6, accepted 0; dropped: rate 0, ...
 *   probe: interval 100 ms, missed 3, targets 192.0.2.2,2001:db8::2
 * Each field only if the kernel reported it.
 */
static void print_backup_plain(const struct trunk *t)
{
	struct line l = { .sep = "  backup: " };
	char buf[INET6_ADDRSTRLEN];

	if (HAS(t, ETRUNK_A_ACTIVE_MEMBER))
		line_add(&l, "active %s", t->active_member ?
			 active_name(t, buf, sizeof(buf)) : "none");
	if (HAS(t, ETRUNK_A_REVERTIVE))
		line_add(&l, "revertive %s", t->revertive ? "on" : "off");
	if (HAS(t, ETRUNK_A_REVERT_DELAY))
		line_add(&l, "revert-delay %u ms", t->revert_delay);
	if (HAS(t, ETRUNK_A_GRAT_ARP))
		line_add(&l, "grat-arp %u", t->grat_arp);
	line_end(&l);

	if (HAS(t, ETRUNK_A_SWITCHOVERS)) {
		printf("  switchovers %u", t->switchovers);
		if (t->switchovers && HAS(t, ETRUNK_A_SWITCHOVER_REASON))
			printf(", last: %s",
			       enum_str(NAMES(etrunk_switch_names),
					t->switchover_reason, buf, sizeof(buf)));
		if (HAS(t, ETRUNK_A_SWITCHOVER_AGE))
			printf(", %" PRIu64 ".%03" PRIu64 " s ago",
			       t->switchover_age / 1000,
			       t->switchover_age % 1000);
		putchar('\n');
	}

	l.sep = "  flush: ";
	if (HAS(t, ETRUNK_A_FLUSH_COUNT))
		line_add(&l, "count %u", t->flush_count);
	if (HAS(t, ETRUNK_A_FLUSH_INTERVAL))
		line_add(&l, "interval %u ms", t->flush_interval);
	if (HAS(t, ETRUNK_A_FLUSH_KEY_SET))
		line_add(&l, "key %s", t->flush_key_set ? "set" : "none");
	if (HAS(t, ETRUNK_A_FLUSH_RX))
		line_add(&l, "rx %s", t->flush_rx ? "on" : "off");
	line_end(&l);
	print_flush_stats_plain(t, true);

	l.sep = "  probe: ";
	if (HAS(t, ETRUNK_A_PROBE_INTERVAL)) {
		if (t->probe_interval)
			line_add(&l, "interval %u ms", t->probe_interval);
		else
			line_add(&l, "off");
	}
	if (HAS(t, ETRUNK_A_PROBE_MISSED))
		line_add(&l, "missed %u", t->probe_missed);
	if (HAS(t, ETRUNK_A_PROBE_TARGETS)) {
		unsigned int i;

		line_add(&l, "targets %s", t->n_probe_targets ? "" : "none");
		for (i = 0; i < t->n_probe_targets; i++)
			printf("%s%s", i ? "," : "",
			       addr_str(&t->probe_targets[i], buf, sizeof(buf)));
	}
	line_end(&l);
}

static const char *mac_str(const uint8_t *a, char *buf, size_t len)
{
	snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x",
		 a[0], a[1], a[2], a[3], a[4], a[5]);
	return buf;
}

/* The LACP state bits as letters, lowest first: A(ctive) S(hort timeout)
 * G (aggregatable) Y (in sync) C(ollecting) D(istributing) F (defaulted)
 * E(xpired); "-" for none.
 */
static const char *lacp_state_str(uint8_t state, char *buf)
{
	static const char letters[] = "ASGYCDFE";
	unsigned int i, n = 0;

	for (i = 0; i < 8; i++)
		if (state & (1u << i))
			buf[n++] = letters[i];
	if (!n)
		buf[n++] = '-';
	buf[n] = '\0';
	return buf;
}

static const char *const lacp_head[] = {
	"member", "rx", "selected", "mux", "port", "port-prio", "activity",
	"actor", "partner-system", "key", "port", "partner", "churn",
	"pdus-rx", "pdus-tx", "dropped",
};

/* Which churn machines say churned: -, actor, partner or both. */
static const char *lacp_churn_str(const struct lacp_member *l)
{
	if (l->actor_churn && l->partner_churn)
		return "both";
	if (l->actor_churn)
		return "actor";
	return l->partner_churn ? "partner" : "-";
}

/*
 * Mode lacp:
 *   lacp: system 02:00:00:00:00:aa, priority 100, key 7, port-offset 0, ...
 *   member  rx       mux   port  ...  actor   partner-system  ...
 * then one row per member: its machines, actor and partner.
 */
static void print_lacp_plain(const struct trunk *t)
{
	struct line l = { .sep = "  lacp: " };
	char buf[24], num[12];
	struct table tb;
	unsigned int i;

	if (HAS(t, ETRUNK_A_LACP_SYSTEM))
		line_add(&l, "system %s", mac_str(t->lacp_system, buf, sizeof(buf)));
	if (HAS(t, ETRUNK_A_LACP_SYSTEM_PRIO))
		line_add(&l, "priority %u", t->lacp_system_prio);
	if (HAS(t, ETRUNK_A_LACP_KEY))
		line_add(&l, "key %u", t->lacp_key);
	if (HAS(t, ETRUNK_A_LACP_PORT_OFFSET))
		line_add(&l, "port-offset %u", t->lacp_port_offset);
	if (HAS(t, ETRUNK_A_LACP_RATE))
		line_add(&l, "rate %s", enum_str(NAMES(etrunk_lacp_rate_names),
						 t->lacp_rate, num, sizeof(num)));
	if (HAS(t, ETRUNK_A_LACP_ROLE))
		line_add(&l, "role %s", enum_str(NAMES(etrunk_lacp_role_names),
						 t->lacp_role, num, sizeof(num)));
	if (HAS(t, ETRUNK_A_LACP_SELECT))
		line_add(&l, "select %s", enum_str(NAMES(etrunk_lacp_select_names),
						   t->lacp_select, num, sizeof(num)));
	if (HAS(t, ETRUNK_A_LACP_PREEMPT))
		line_add(&l, "preempt %s", t->lacp_preempt ? "on" : "off");
	if (HAS(t, ETRUNK_A_LACP_PREEMPT_DELAY))
		line_add(&l, "preempt-delay %u ms", t->lacp_preempt_delay);
	line_end(&l);
	if (!t->n_members)
		return;

	table_init(&tb, t->n_members, lacp_head, ARRAY_SIZE(lacp_head));
	for (i = 0; i < t->n_members; i++) {
		const struct member *m = &t->members[i];
		const struct lacp_member *lm = &m->lacp;
		unsigned int c = 0;

		table_set(&tb, i, c++, member_name(m, buf, sizeof(buf)));
		if (!HAS(m, ETRUNK_MEMBER_A_LACP)) {
			while (c < ARRAY_SIZE(lacp_head))
				table_set(&tb, i, c++, "?");
			continue;
		}
		table_set(&tb, i, c++, enum_str(NAMES(etrunk_lacp_rx_names),
						lm->rx_state, num, sizeof(num)));
		table_set(&tb, i, c++, enum_str(NAMES(etrunk_lacp_selected_names),
						lm->selected, num, sizeof(num)));
		table_set(&tb, i, c++, enum_str(NAMES(etrunk_lacp_mux_names),
						lm->mux_state, num, sizeof(num)));
		snprintf(buf, sizeof(buf), "%u", lm->actor.port);
		table_set(&tb, i, c++, buf);
		snprintf(buf, sizeof(buf), "%u", lm->actor.port_prio);
		table_set(&tb, i, c++, buf);
		table_set(&tb, i, c++, m->lacp_active ? "active" : "passive");
		table_set(&tb, i, c++, lacp_state_str(lm->actor.state, buf));
		table_set(&tb, i, c++, mac_str(lm->partner.system, buf, sizeof(buf)));
		snprintf(buf, sizeof(buf), "%u", lm->partner.key);
		table_set(&tb, i, c++, buf);
		snprintf(buf, sizeof(buf), "%u", lm->partner.port);
		table_set(&tb, i, c++, buf);
		table_set(&tb, i, c++, lacp_state_str(lm->partner.state, buf));
		table_set(&tb, i, c++, lacp_churn_str(lm));
		snprintf(buf, sizeof(buf), "%" PRIu64, lm->stats[ETRUNK_LACP_A_LACPDU_RX]);
		table_set(&tb, i, c++, buf);
		snprintf(buf, sizeof(buf), "%" PRIu64, lm->stats[ETRUNK_LACP_A_LACPDU_TX]);
		table_set(&tb, i, c++, buf);
		snprintf(buf, sizeof(buf), "%" PRIu64,
			 lm->stats[ETRUNK_LACP_A_RX_MALFORMED] +
			 lm->stats[ETRUNK_LACP_A_RX_RATE]);
		table_set(&tb, i, c++, buf);
	}
	table_print(&tb, "  ");
}

static void json_ebinding_fields(const struct ebinding *t, bool trunk);

/* The reason, with the revert wait's time left: "revert-wait (1.5 s left)". */
static const char *ereason_str(const struct ebinding *b, char *buf,
			       size_t size)
{
	char num[16];
	const char *name;

	name = enum_str(NAMES(etrunk_ereason_names), b->reason, num, sizeof(num));
	if (b->has & (1u << ETRUNK_BIND_A_REVERT_MS))
		snprintf(buf, size, "%s (%u.%u s left)", name,
			 b->revert_ms / 1000, b->revert_ms % 1000 / 100);
	else
		snprintf(buf, size, "%s", name);
	return buf;
}

/*   e-trunk 1 id 10 mode auto basis priority role master (higher-priority) */
static void print_binding_plain(const struct ebinding *b)
{
	char buf[64];

	printf("  e-trunk %u id %u mode %s", b->group, b->id,
	       enum_str(NAMES(etrunk_egroup_mode_names), b->mode, buf,
			sizeof(buf)));
	if (b->has & (1u << ETRUNK_BIND_A_REMOTE_ID))
		printf(" remote-id %u", b->remote_id);
	printf(" basis %s", enum_str(NAMES(etrunk_egroup_basis_names), b->basis,
				     buf, sizeof(buf)));
	printf(" role %s", enum_str(NAMES(etrunk_erole_names), b->role, buf,
				    sizeof(buf)));
	if (b->reason != ETRUNK_EREASON_NONE)
		printf(" (%s)", ereason_str(b, buf, sizeof(buf)));
	putchar('\n');
}

static void print_trunk_plain(const struct trunk *t)
{
	char buf[24];

	/* et0: mode loadbalance, hash layer3+4, up, carrier on */
	printf("%s:", t->ifname);
	if (HAS(t, ETRUNK_A_MODE))
		printf(" mode %s,", enum_str(NAMES(etrunk_mode_names), t->mode, buf,
					     sizeof(buf)));
	if (HAS(t, ETRUNK_A_HASH_POLICY))
		printf(" hash %s,", enum_str(NAMES(etrunk_hash_names), t->hash_policy,
					     buf, sizeof(buf)));
	printf(" %s, carrier %s\n", t->up ? "up" : "down",
	       t->carrier ? "on" : "off");

	/*   members: 2 active of 3 (min-links 1, max-links none)
	 *   rx: 10 packets, 1200 bytes, 0 dropped; tx: ...
	 */
	printf("  members: %u active of %u (min-links %u, max-links ",
	       t->active_members, t->n_members, t->min_links);
	if (t->max_links)
		printf("%u)\n", t->max_links);
	else
		printf("none)\n");

	if (t->stats_has)
		printf("  rx: %" PRIu64 " packets, %" PRIu64 " bytes, %" PRIu64
		       " dropped; tx: %" PRIu64 " packets, %" PRIu64 " bytes, %"
		       PRIu64 " dropped\n",
		       t->stats[ETRUNK_STATS_A_RX_PACKETS],
		       t->stats[ETRUNK_STATS_A_RX_BYTES],
		       t->stats[ETRUNK_STATS_A_RX_DROPPED],
		       t->stats[ETRUNK_STATS_A_TX_PACKETS],
		       t->stats[ETRUNK_STATS_A_TX_BYTES],
		       t->stats[ETRUNK_STATS_A_TX_DROPPED]);

	/* The backup lines: what the JSON has in any mode, the text shows
	 * where it means something.
	 */
	if (HAS(t, ETRUNK_A_MODE) && t->mode == ETRUNK_MODE_BACKUP)
		print_backup_plain(t);
	if (HAS(t, ETRUNK_A_MODE) && t->mode == ETRUNK_MODE_LACP)
		print_lacp_plain(t);
	if (HAS(t, ETRUNK_A_BINDING))
		print_binding_plain(&t->binding);

	if (t->n_members) {
		struct table tb;
		unsigned int i;

		table_init(&tb, t->n_members, member_head,
			   ARRAY_SIZE(member_head));
		for (i = 0; i < t->n_members; i++) {
			table_set(&tb, i, 0, member_name(&t->members[i], buf,
							 sizeof(buf)));
			member_row(&tb, i, 1, &t->members[i]);
		}
		table_print(&tb, "  ");
	}
}

/* ---- JSON output ---------------------------------------------------- */

/* An actor or partner: its state as an array of flag names. */
static void json_lacp_port(const char *key, const struct lacp_port *p)
{
	char buf[24];
	unsigned int i;

	json_open_object(key);
	json_uint("system_priority", p->system_prio);
	json_string("system", mac_str(p->system, buf, sizeof(buf)));
	json_uint("key", p->key);
	json_uint("port_priority", p->port_prio);
	json_uint("port", p->port);
	json_open_array("state");
	for (i = 0; i < ARRAY_SIZE(etrunk_lacp_state_names); i++)
		if (p->state & (1u << i))
			json_string(NULL, etrunk_lacp_state_names[i]);
	json_close_array();
	json_close_object();
}

static const char *const lacp_stats_keys[ETRUNK_LACP_A_MAX + 1] = {
	[ETRUNK_LACP_A_LACPDU_RX] = "lacpdu_rx",
	[ETRUNK_LACP_A_LACPDU_TX] = "lacpdu_tx",
	[ETRUNK_LACP_A_MARKER_RX] = "marker_rx",
	[ETRUNK_LACP_A_MARKER_TX] = "marker_tx",
	[ETRUNK_LACP_A_RX_MALFORMED] = "rx_malformed",
	[ETRUNK_LACP_A_RX_RATE] = "rx_rate",
};

static void json_lacp_member(const struct lacp_member *l)
{
	unsigned int i;

	json_open_object("lacp");
	json_enum("rx", NAMES(etrunk_lacp_rx_names), l->rx_state);
	json_enum("selected", NAMES(etrunk_lacp_selected_names), l->selected);
	json_enum("mux", NAMES(etrunk_lacp_mux_names), l->mux_state);
	json_lacp_port("actor", &l->actor);
	json_lacp_port("partner", &l->partner);
	json_bool("actor_churn", l->actor_churn);
	json_bool("partner_churn", l->partner_churn);
	json_uint("actor_churns", l->actor_churns);
	json_uint("partner_churns", l->partner_churns);
	json_open_object("stats");
	for (i = 0; i <= ETRUNK_LACP_A_MAX; i++)
		if (lacp_stats_keys[i] && (l->stats_has >> i) & 1u)
			json_uint(lacp_stats_keys[i], l->stats[i]);
	json_close_object();
	json_close_object();
}

/* A member object; with @trunk, also the trunk it belongs to. */
static void json_member(const char *key, const struct member *m,
			const struct trunk *trunk)
{
	json_open_object(key);
	if (HAS(m, ETRUNK_MEMBER_A_IFNAME))
		json_string("ifname", m->ifname);
	if (HAS(m, ETRUNK_MEMBER_A_IFINDEX))
		json_uint("ifindex", m->ifindex);
	if (trunk && HAS(trunk, ETRUNK_A_IFNAME))
		json_string("trunk", trunk->ifname);
	if (trunk && HAS(trunk, ETRUNK_A_IFINDEX))
		json_uint("trunk_ifindex", trunk->ifindex);
	if (HAS(m, ETRUNK_MEMBER_A_STATE))
		json_enum("state", NAMES(etrunk_state_names), m->state);
	if (HAS(m, ETRUNK_MEMBER_A_REASON))
		json_enum("reason", NAMES(etrunk_reason_names), m->reason);
	if (HAS(m, ETRUNK_MEMBER_A_PRIORITY))
		json_uint("priority", m->priority);
	if (HAS(m, ETRUNK_MEMBER_A_MASTER))
		json_bool("master", m->master);
	if (HAS(m, ETRUNK_MEMBER_A_ADMIN_UP))
		json_bool("admin_up", m->admin_up);
	if (HAS(m, ETRUNK_MEMBER_A_LINK_FAILURES))
		json_uint("link_failures", m->link_failures);
	if (HAS(m, ETRUNK_MEMBER_A_SPEED))
		json_uint("speed", m->speed);
	if (HAS(m, ETRUNK_MEMBER_A_LACP_PORT_PRIO))
		json_uint("lacp_port_priority", m->lacp_port_prio);
	if (HAS(m, ETRUNK_MEMBER_A_LACP_ACTIVE))
		json_bool("lacp_active", m->lacp_active);
	if (HAS(m, ETRUNK_MEMBER_A_LACP))
		json_lacp_member(&m->lacp);
	json_close_object();
}

static const char *const stats_keys[ETRUNK_STATS_A_MAX + 1] = {
	[ETRUNK_STATS_A_RX_PACKETS] = "rx_packets",
	[ETRUNK_STATS_A_RX_BYTES] = "rx_bytes",
	[ETRUNK_STATS_A_RX_DROPPED] = "rx_dropped",
	[ETRUNK_STATS_A_TX_PACKETS] = "tx_packets",
	[ETRUNK_STATS_A_TX_BYTES] = "tx_bytes",
	[ETRUNK_STATS_A_TX_DROPPED] = "tx_dropped",
};

static const char *const flush_stats_keys[ETRUNK_FLUSH_STATS_A_MAX + 1] = {
	[ETRUNK_FLUSH_STATS_A_TX] = "tx",
	[ETRUNK_FLUSH_STATS_A_RX_ACCEPTED] = "rx_accepted",
	[ETRUNK_FLUSH_STATS_A_RX_RATE] = "rx_rate",
	[ETRUNK_FLUSH_STATS_A_RX_MALFORMED] = "rx_malformed",
	[ETRUNK_FLUSH_STATS_A_RX_VERSION] = "rx_version",
	[ETRUNK_FLUSH_STATS_A_RX_AUTH] = "rx_auth",
	[ETRUNK_FLUSH_STATS_A_RX_REPLAY] = "rx_replay",
};

static void json_flush_stats(const struct trunk *t)
{
	unsigned int i;

	if (!HAS(t, ETRUNK_A_FLUSH_STATS))
		return;
	json_open_object("flush_stats");
	for (i = 0; i <= ETRUNK_FLUSH_STATS_A_MAX; i++)
		if (flush_stats_keys[i] && (t->flush_stats_has >> i) & 1u)
			json_uint(flush_stats_keys[i], t->flush_stats[i]);
	json_close_object();
}

/* The mode-backup attributes that are present, into the open object. */
static void json_backup_fields(const struct trunk *t)
{
	char buf[INET6_ADDRSTRLEN];

	if (HAS(t, ETRUNK_A_REVERTIVE))
		json_bool("revertive", t->revertive);
	if (HAS(t, ETRUNK_A_REVERT_DELAY))
		json_uint("revert_delay", t->revert_delay);
	if (HAS(t, ETRUNK_A_GRAT_ARP))
		json_uint("grat_arp", t->grat_arp);
	if (HAS(t, ETRUNK_A_FLUSH_COUNT))
		json_uint("flush_count", t->flush_count);
	if (HAS(t, ETRUNK_A_FLUSH_INTERVAL))
		json_uint("flush_interval", t->flush_interval);
	if (HAS(t, ETRUNK_A_FLUSH_KEY_SET))
		json_string("flush_key", t->flush_key_set ? "set" : "none");
	if (HAS(t, ETRUNK_A_FLUSH_RX))
		json_bool("flush_rx", t->flush_rx);
	if (HAS(t, ETRUNK_A_PROBE_INTERVAL))
		json_uint("probe_interval", t->probe_interval);
	if (HAS(t, ETRUNK_A_PROBE_MISSED))
		json_uint("probe_missed", t->probe_missed);
	if (HAS(t, ETRUNK_A_PROBE_TARGETS)) {
		unsigned int i;

		json_open_array("probe_targets");
		for (i = 0; i < t->n_probe_targets; i++)
			json_string(NULL, addr_str(&t->probe_targets[i], buf,
						   sizeof(buf)));
		json_close_array();
	}
	if (HAS(t, ETRUNK_A_ACTIVE_MEMBER)) {
		if (t->active_member)
			json_string("active_member",
				    active_name(t, buf, sizeof(buf)));
		else
			json_null("active_member");
	}
	if (HAS(t, ETRUNK_A_SWITCHOVERS))
		json_uint("switchovers", t->switchovers);
	if (HAS(t, ETRUNK_A_SWITCHOVER_REASON))
		json_enum("switchover_reason", NAMES(etrunk_switch_names),
			  t->switchover_reason);
	if (HAS(t, ETRUNK_A_SWITCHOVER_AGE))
		json_uint("switchover_age_ms", t->switchover_age);
	json_flush_stats(t);
}

/* The mode-lacp attributes that are present, into the open object. */
static void json_lacp_fields(const struct trunk *t)
{
	if (HAS(t, ETRUNK_A_LACP_SYSTEM_PRIO))
		json_uint("lacp_system_priority", t->lacp_system_prio);
	if (HAS(t, ETRUNK_A_LACP_SYSTEM)) {
		char buf[24];

		json_string("lacp_system", mac_str(t->lacp_system, buf, sizeof(buf)));
	}
	if (HAS(t, ETRUNK_A_LACP_KEY))
		json_uint("lacp_key", t->lacp_key);
	if (HAS(t, ETRUNK_A_LACP_PORT_OFFSET))
		json_uint("lacp_port_offset", t->lacp_port_offset);
	if (HAS(t, ETRUNK_A_LACP_RATE))
		json_enum("lacp_rate", NAMES(etrunk_lacp_rate_names), t->lacp_rate);
	if (HAS(t, ETRUNK_A_LACP_ROLE))
		json_enum("lacp_role", NAMES(etrunk_lacp_role_names), t->lacp_role);
	if (HAS(t, ETRUNK_A_LACP_SELECT))
		json_enum("lacp_select", NAMES(etrunk_lacp_select_names),
			  t->lacp_select);
	if (HAS(t, ETRUNK_A_LACP_PREEMPT))
		json_bool("lacp_preempt", t->lacp_preempt);
	if (HAS(t, ETRUNK_A_LACP_PREEMPT_DELAY))
		json_uint("lacp_preempt_delay", t->lacp_preempt_delay);
}

/* The trunk's attributes that are present, into the open object. */
static void json_trunk_fields(const struct trunk *t)
{
	unsigned int i;

	if (HAS(t, ETRUNK_A_IFNAME))
		json_string("ifname", t->ifname);
	if (HAS(t, ETRUNK_A_IFINDEX))
		json_uint("ifindex", t->ifindex);
	if (HAS(t, ETRUNK_A_MODE))
		json_enum("mode", NAMES(etrunk_mode_names), t->mode);
	if (HAS(t, ETRUNK_A_HASH_POLICY))
		json_enum("hash_policy", NAMES(etrunk_hash_names), t->hash_policy);
	if (HAS(t, ETRUNK_A_MIN_LINKS))
		json_uint("min_links", t->min_links);
	if (HAS(t, ETRUNK_A_MAX_LINKS))
		json_uint("max_links", t->max_links);
	if (HAS(t, ETRUNK_A_UP))
		json_bool("up", t->up);
	if (HAS(t, ETRUNK_A_CARRIER))
		json_bool("carrier", t->carrier);
	if (HAS(t, ETRUNK_A_ACTIVE_MEMBERS))
		json_uint("active_members", t->active_members);
	if (HAS(t, ETRUNK_A_STATS)) {
		json_open_object("stats");
		for (i = 0; i <= ETRUNK_STATS_A_MAX; i++)
			if (stats_keys[i] && (t->stats_has >> i) & 1u)
				json_uint(stats_keys[i], t->stats[i]);
		json_close_object();
	}
	json_backup_fields(t);
	json_lacp_fields(t);
	if (HAS(t, ETRUNK_A_BINDING)) {
		json_open_object("e_trunk");
		json_ebinding_fields(&t->binding, false);
		json_close_object();
	}
	if (HAS(t, ETRUNK_A_MEMBERS)) {
		json_open_array("members");
		for (i = 0; i < t->n_members; i++)
			json_member(NULL, &t->members[i], NULL);
		json_close_array();
	}
}

/* ---- commands ------------------------------------------------------- */

static bool matches(const char *arg, const char *name, const char *alias)
{
	return !strcmp(arg, name) || (alias && !strcmp(arg, alias));
}

static uint32_t parse_uint(const char *key, const char *s, uint32_t max)
{
	unsigned long long v;
	char *end;

	errno = 0;
	if (*s < '0' || *s > '9')
		usage_error("%s: '%s' is not a number", key, s);
	v = strtoull(s, &end, 10);
	if (*end || errno || v > max)
		usage_error("%s: '%s' is not a number from 0 to %" PRIu32,
			    key, s, max);
	return (uint32_t)v;
}

/* A name of @tbl, or a number (so the kernel can judge any value). */
static uint8_t parse_enum(const char *key, const char *s,
			  const char *const *tbl, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tbl[i] && !strcmp(tbl[i], s))
			return (uint8_t)i;
	if (*s >= '0' && *s <= '9')
		return (uint8_t)parse_uint(key, s, UINT8_MAX);
	usage_error("%s: unknown value '%s'", key, s);
}

static bool parse_bool(const char *key, const char *s, const char *yes,
		       const char *no)
{
	if (!strcmp(s, yes))
		return true;
	if (!strcmp(s, no))
		return false;
	usage_error("%s: '%s' is neither %s nor %s", key, s, yes, no);
}

/* A number from @min to @max, checked here: @unit (" ms" or "") says of what. */
static uint32_t parse_range(const char *key, const char *s, uint32_t min,
			    uint32_t max, const char *unit)
{
	errno = 0;
	if (*s >= '0' && *s <= '9') {
		char *end;
		unsigned long long v = strtoull(s, &end, 10);

		if (!*end && !errno && v >= min && v <= max)
			return (uint32_t)v;
	}
	usage_error("%s: expected %" PRIu32 " to %" PRIu32 "%s, not '%s'",
		    key, min, max, unit, s);
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * A flush key: "none" (0 bytes) or 1 to ETRUNK_FLUSH_KEY_MAX bytes as an
 * even number of hex digits, into @out. The message does not repeat the
 * value: it is a secret.
 */
static unsigned int parse_key(const char *key, const char *s, uint8_t *out)
{
	size_t n = strlen(s), i;

	if (!strcmp(s, "none"))
		return 0;
	if (n == 0 || n % 2 || n / 2 > ETRUNK_FLUSH_KEY_MAX)
		goto bad;
	for (i = 0; i < n; i += 2) {
		int hi = hex_digit(s[i]), lo = hex_digit(s[i + 1]);

		if (hi < 0 || lo < 0)
			goto bad;
		out[i / 2] = (uint8_t)(hi << 4 | lo);
	}
	return (unsigned int)(n / 2);
bad:
	usage_error("%s: expected 1 to %d bytes in hex (an even number of hex digits), or none",
		    key, ETRUNK_FLUSH_KEY_MAX);
}

/*
 * A comma-separated list: each item (not empty, shorter than @item_max)
 * into the NUL-terminated @item for @fn, which stores it at index @i.
 * Returns the number of items; @none (if not NULL) alone means none.
 */
static unsigned int parse_list(const char *key, const char *s,
			       const char *none, unsigned int max,
			       void (*fn)(const char *key, const char *item,
					  unsigned int i, void *out),
			       void *out)
{
	char item[64];
	unsigned int n = 0;

	if (none && !strcmp(s, none))
		return 0;
	for (;;) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);

		if (n == max)
			usage_error("%s: at most %u values", key, max);
		if (len == 0)
			usage_error("%s: an empty value in the list", key);
		if (len >= sizeof(item))
			len = sizeof(item) - 1;	/* fn refuses it */
		memcpy(item, s, len);
		item[len] = '\0';
		fn(key, item, n++, out);
		if (!comma)
			return n;
		s = comma + 1;
	}
}

static void parse_target(const char *key, const char *item, unsigned int i,
			 void *out)
{
	struct addr *a = (struct addr *)out + i;

	if (inet_pton(AF_INET, item, a->a) == 1)
		a->len = 4;
	else if (inet_pton(AF_INET6, item, a->a) == 1)
		a->len = 16;
	else
		usage_error("%s: '%s' is not an IPv4 or IPv6 address", key, item);
}

static void parse_vid(const char *key, const char *item, unsigned int i,
		      void *out)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(item, &end, 10);
	if (*item < '0' || *item > '9' || *end || errno || v < 1 || v > 4094)
		usage_error("%s: expected VLAN IDs from 1 to 4094 separated by commas, or all, not '%s'",
			    key, item);
	((uint16_t *)out)[i] = (uint16_t)v;
}

static void put_name(struct nlmsghdr *nlh, uint16_t type, const char *name)
{
	if (!mnl_attr_put_strz_check(nlh, NL_SEND_SIZE, type, name))
		usage_error("device name too long: '%.32s...'", name);
}

/* A keyword's value: the next argument, which must exist. */
static const char *value_of(int argc, char **argv, int i)
{
	if (i + 1 >= argc)
		usage_error("%s needs a value", argv[i]);
	return argv[i + 1];
}

/* The GET @cmd reply for the one device in @argv, or the dump of all
 * when there is none, into @l.
 */
static void fetch_list(uint8_t cmd, int argc, char **argv,
		       struct trunk_list *l)
{
	struct nlmsghdr *nlh;
	struct nl nl;
	int err;

	nl_start(&nl);
	l->family = nl.family;
	if (argc == 1) {
		nlh = nl_request(&nl, cmd, NLM_F_ACK);
		put_name(nlh, ETRUNK_A_IFNAME, argv[0]);
	} else {
		nlh = nl_request(&nl, cmd, NLM_F_DUMP);
	}
	err = nl_talk(&nl, nlh, trunk_list_cb, l);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
}

static int cmd_show(int argc, char **argv)
{
	struct trunk_list l = { 0 };
	unsigned int i;

	if (argc > 1)
		usage_error("show takes at most one device, not '%s'", argv[1]);
	fetch_list(ETRUNK_CMD_GET_TRUNK, argc, argv, &l);

	if (json) {
		json_init(stdout, pretty);
		json_open_array(NULL);
		for (i = 0; i < l.n; i++) {
			json_open_object(NULL);
			json_trunk_fields(&l.v[i]);
			/* Unbound: null, so scripts need not test for it. */
			if (!HAS(&l.v[i], ETRUNK_A_BINDING))
				json_null("e_trunk");
			json_close_object();
		}
		json_close_array();
	} else {
		for (i = 0; i < l.n; i++) {
			if (i)
				putchar('\n');
			print_trunk_plain(&l.v[i]);
		}
	}
	trunk_list_free(&l);
	return 0;
}

/* A SET request's values, parsed before the kernel is asked anything. */
#define SET_ARGS_MAX 63
_Static_assert(ETRUNK_A_MAX <= SET_ARGS_MAX &&
	       ETRUNK_MEMBER_A_MAX <= SET_ARGS_MAX, "seen is 64 bits");

struct set_args {
	uint64_t seen;	/* bit ETRUNK_A_x or ETRUNK_MEMBER_A_x */
	uint8_t u8[SET_ARGS_MAX + 1];
	uint16_t u16[SET_ARGS_MAX + 1];
	uint32_t u32[SET_ARGS_MAX + 1];
	/* ETRUNK_A_FLUSH_KEY, ETRUNK_A_PROBE_TARGETS, ETRUNK_A_FLUSH_VLANS */
	uint8_t key[ETRUNK_FLUSH_KEY_MAX];
	unsigned int key_len;
	struct addr targets[ETRUNK_MAX_PROBE_TARGETS];
	unsigned int n_targets;
	uint16_t vlans[ETRUNK_FLUSH_MAX_VLANS];
	unsigned int n_vlans;
	uint8_t mac[6];		/* ETRUNK_A_LACP_SYSTEM */
	char mac_end;
};

static void once(struct set_args *a, unsigned int attr, const char *key)
{
	if (a->seen & BIT64(attr))
		usage_error("%s given twice", key);
	a->seen |= BIT64(attr);
}

static bool given(const struct set_args *a, unsigned int attr)
{
	return a->seen & BIT64(attr);
}

/* The scalar values; the others are put by put_set_extra(). */
static void put_set_args(struct nlmsghdr *nlh, const struct set_args *a,
			 const enum mnl_attr_data_type *types, unsigned int max)
{
	unsigned int i;

	for (i = 0; i <= max; i++) {
		if (!given(a, i))
			continue;
		switch (types[i]) {
		case MNL_TYPE_U8:
			mnl_attr_put_u8(nlh, i, a->u8[i]);
			break;
		case MNL_TYPE_U16:
			mnl_attr_put_u16(nlh, i, a->u16[i]);
			break;
		case MNL_TYPE_U32:
			mnl_attr_put_u32(nlh, i, a->u32[i]);
			break;
		default:
			break;
		}
	}
}

/* The key and the lists of a trunk or flush-receive request. */
static void put_set_extra(struct nlmsghdr *nlh, const struct set_args *a)
{
	struct nlattr *nest;
	unsigned int i;

	if (given(a, ETRUNK_A_FLUSH_KEY))
		mnl_attr_put(nlh, ETRUNK_A_FLUSH_KEY, a->key_len, a->key);
	if (given(a, ETRUNK_A_LACP_SYSTEM))
		mnl_attr_put(nlh, ETRUNK_A_LACP_SYSTEM, sizeof(a->mac), a->mac);
	if (given(a, ETRUNK_A_PROBE_TARGETS)) {
		nest = mnl_attr_nest_start(nlh, ETRUNK_A_PROBE_TARGETS);
		for (i = 0; i < a->n_targets; i++)
			mnl_attr_put(nlh, ETRUNK_A_PROBE_TARGET,
				     a->targets[i].len, a->targets[i].a);
		mnl_attr_nest_end(nlh, nest);
	}
	if (given(a, ETRUNK_A_FLUSH_VLANS)) {
		nest = mnl_attr_nest_start(nlh, ETRUNK_A_FLUSH_VLANS);
		for (i = 0; i < a->n_vlans; i++)
			mnl_attr_put_u16(nlh, ETRUNK_VLAN_A_VID, a->vlans[i]);
		mnl_attr_nest_end(nlh, nest);
	}
}

/* "flush_key HEX|none", for set and flush-receive. */
static void set_key(struct set_args *a, const char *key, const char *val)
{
	once(a, ETRUNK_A_FLUSH_KEY, key);
	a->key_len = parse_key(key, val, a->key);
}

/* 0 or ETRUNK_MIN_PROBE_INTERVAL to ETRUNK_MAX_PROBE_INTERVAL, else UINT32_MAX. */
static uint32_t probe_interval(const char *s)
{
	unsigned long long v;
	char *end;

	errno = 0;
	if (*s < '0' || *s > '9')
		return UINT32_MAX;
	v = strtoull(s, &end, 10);
	if (*end || errno || (v && v < ETRUNK_MIN_PROBE_INTERVAL) ||
	    v > ETRUNK_MAX_PROBE_INTERVAL)
		return UINT32_MAX;
	return (uint32_t)v;
}

/* The mode-backup options of set; false if @key is none of them. */
static bool set_backup_option(struct set_args *a, const char *key,
			      const char *val)
{
	uint32_t v;

	if (matches(key, "revertive", NULL)) {
		once(a, ETRUNK_A_REVERTIVE, key);
		a->u8[ETRUNK_A_REVERTIVE] = parse_bool(key, val, "on", "off");
	} else if (matches(key, "revert_delay", "revert-delay")) {
		once(a, ETRUNK_A_REVERT_DELAY, key);
		a->u32[ETRUNK_A_REVERT_DELAY] =
			parse_range(key, val, 0, ETRUNK_MAX_REVERT_DELAY, " ms");
	} else if (matches(key, "grat_arp", "grat-arp")) {
		once(a, ETRUNK_A_GRAT_ARP, key);
		a->u8[ETRUNK_A_GRAT_ARP] =
			(uint8_t)parse_range(key, val, 0, UINT8_MAX, "");
	} else if (matches(key, "flush_count", "flush-count")) {
		once(a, ETRUNK_A_FLUSH_COUNT, key);
		a->u8[ETRUNK_A_FLUSH_COUNT] =
			(uint8_t)parse_range(key, val, 0, ETRUNK_MAX_FLUSH_COUNT, "");
	} else if (matches(key, "flush_interval", "flush-interval")) {
		once(a, ETRUNK_A_FLUSH_INTERVAL, key);
		a->u16[ETRUNK_A_FLUSH_INTERVAL] =
			(uint16_t)parse_range(key, val, 1, 1000, " ms");
	} else if (matches(key, "flush_key", "flush-key")) {
		set_key(a, key, val);
	} else if (matches(key, "flush_rx", "flush-rx")) {
		once(a, ETRUNK_A_FLUSH_RX, key);
		a->u8[ETRUNK_A_FLUSH_RX] = parse_bool(key, val, "on", "off");
	} else if (matches(key, "probe_interval", "probe-interval")) {
		once(a, ETRUNK_A_PROBE_INTERVAL, key);
		v = probe_interval(val);
		if (v == UINT32_MAX)
			usage_error("%s: expected 0 (off) or %d to %d ms, not '%s'",
				    key, ETRUNK_MIN_PROBE_INTERVAL,
				    ETRUNK_MAX_PROBE_INTERVAL, val);
		a->u32[ETRUNK_A_PROBE_INTERVAL] = v;
	} else if (matches(key, "probe_missed", "probe-missed")) {
		once(a, ETRUNK_A_PROBE_MISSED, key);
		a->u8[ETRUNK_A_PROBE_MISSED] =
			(uint8_t)parse_range(key, val, 1, UINT8_MAX, "");
	} else if (matches(key, "probe_target", "probe-target") ||
		   matches(key, "probe_targets", NULL)) {
		once(a, ETRUNK_A_PROBE_TARGETS, key);
		a->n_targets = parse_list(key, val, "none",
					  ETRUNK_MAX_PROBE_TARGETS,
					  parse_target, a->targets);
	} else {
		return false;
	}
	return true;
}

/* The mode-lacp options of set; false if @key is none of them. */
static bool set_lacp_option(struct set_args *a, const char *key,
			    const char *val)
{
	if (matches(key, "lacp_rate", "lacp-rate")) {
		once(a, ETRUNK_A_LACP_RATE, key);
		a->u8[ETRUNK_A_LACP_RATE] =
			parse_enum(key, val, NAMES(etrunk_lacp_rate_names));
	} else if (matches(key, "lacp_role", "lacp-role")) {
		once(a, ETRUNK_A_LACP_ROLE, key);
		a->u8[ETRUNK_A_LACP_ROLE] =
			parse_enum(key, val, NAMES(etrunk_lacp_role_names));
	} else if (matches(key, "lacp_select", "lacp-select")) {
		once(a, ETRUNK_A_LACP_SELECT, key);
		a->u8[ETRUNK_A_LACP_SELECT] =
			parse_enum(key, val, NAMES(etrunk_lacp_select_names));
	} else if (matches(key, "lacp_preempt", "lacp-preempt")) {
		once(a, ETRUNK_A_LACP_PREEMPT, key);
		a->u8[ETRUNK_A_LACP_PREEMPT] = parse_bool(key, val, "on", "off");
	} else if (matches(key, "lacp_preempt_delay", "lacp-preempt-delay")) {
		once(a, ETRUNK_A_LACP_PREEMPT_DELAY, key);
		a->u32[ETRUNK_A_LACP_PREEMPT_DELAY] =
			parse_range(key, val, 0, ETRUNK_MAX_LACP_PREEMPT_DELAY, " ms");
	} else if (matches(key, "system_priority", "system-priority")) {
		once(a, ETRUNK_A_LACP_SYSTEM_PRIO, key);
		a->u16[ETRUNK_A_LACP_SYSTEM_PRIO] =
			(uint16_t)parse_range(key, val, 1, UINT16_MAX, "");
	} else if (matches(key, "system_id", "system-id")) {
		once(a, ETRUNK_A_LACP_SYSTEM, key);
		if (sscanf(val, "%2hhx:%2hhx:%2hhx:%2hhx:%2hhx:%2hhx%c",
			   &a->mac[0], &a->mac[1], &a->mac[2], &a->mac[3],
			   &a->mac[4], &a->mac[5], &a->mac_end) != 6)
			usage_error("%s: '%s' is not a MAC address", key, val);
	} else if (matches(key, "actor_key", "actor-key")) {
		once(a, ETRUNK_A_LACP_KEY, key);
		a->u16[ETRUNK_A_LACP_KEY] =
			(uint16_t)parse_range(key, val, 1, UINT16_MAX, "");
	} else if (matches(key, "port_offset", "port-offset")) {
		once(a, ETRUNK_A_LACP_PORT_OFFSET, key);
		a->u16[ETRUNK_A_LACP_PORT_OFFSET] =
			(uint16_t)parse_range(key, val, 0,
					      ETRUNK_LACP_MAX_PORT_OFFSET, "");
	} else {
		return false;
	}
	return true;
}

static int cmd_set(int argc, char **argv)
{
	struct set_args a = { 0 };
	struct nlmsghdr *nlh;
	struct nl nl;
	int i, err;

	if (argc < 1)
		usage_error("set needs a trunk device");
	if (argc < 2)
		usage_error("set %s: nothing to set", argv[0]);
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);

		if (matches(key, "mode", NULL)) {
			once(&a, ETRUNK_A_MODE, key);
			a.u8[ETRUNK_A_MODE] = parse_enum(key, val,
							 NAMES(etrunk_mode_names));
		} else if (matches(key, "hash_policy", "hash")) {
			once(&a, ETRUNK_A_HASH_POLICY, key);
			a.u8[ETRUNK_A_HASH_POLICY] =
				parse_enum(key, val, NAMES(etrunk_hash_names));
		} else if (matches(key, "min_links", "min-links")) {
			once(&a, ETRUNK_A_MIN_LINKS, key);
			a.u32[ETRUNK_A_MIN_LINKS] = parse_uint(key, val,
							       UINT32_MAX);
		} else if (matches(key, "max_links", "max-links")) {
			once(&a, ETRUNK_A_MAX_LINKS, key);
			a.u32[ETRUNK_A_MAX_LINKS] = parse_uint(key, val,
							       UINT32_MAX);
		} else if (!set_backup_option(&a, key, val) &&
			   !set_lacp_option(&a, key, val)) {
			usage_error("set: unknown option '%s'", key);
		}
	}
	nl_start(&nl);
	nlh = nl_request(&nl, ETRUNK_CMD_SET_TRUNK, NLM_F_ACK);
	put_name(nlh, ETRUNK_A_IFNAME, argv[0]);
	put_set_args(nlh, &a, trunk_attr_types, ETRUNK_A_MAX);
	put_set_extra(nlh, &a);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

static int cmd_member_show(int argc, char **argv)
{
	struct trunk_list l = { 0 };
	const struct trunk *t;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int err;

	if (argc != 1)
		usage_error("member show needs one member device");
	nl_start(&nl);
	l.family = nl.family;
	nlh = nl_request(&nl, ETRUNK_CMD_GET_MEMBER, NLM_F_ACK);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_MEMBER);
	put_name(nlh, ETRUNK_MEMBER_A_IFNAME, argv[0]);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, trunk_list_cb, &l);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	if (!l.n) {
		fputs("etrunkctl: the kernel sent no reply\n", stderr);
		return EXIT_FAIL;
	}

	t = &l.v[0];
	if (json) {
		json_init(stdout, pretty);
		json_open_array(NULL);
		json_member(NULL, &t->member, t);
		json_close_array();
	} else {
		struct table tb;
		char buf[24];

		table_init(&tb, 1, member_show_head,
			   ARRAY_SIZE(member_show_head));
		table_set(&tb, 0, 0, member_name(&t->member, buf, sizeof(buf)));
		table_set(&tb, 0, 1, t->ifname);
		member_row(&tb, 0, 2, &t->member);
		table_print(&tb, "");
	}
	trunk_list_free(&l);
	return 0;
}

static int cmd_member_set(int argc, char **argv)
{
	struct set_args a = { 0 };
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int i, err;

	if (argc < 1)
		usage_error("member set needs a member device");
	if (argc < 2)
		usage_error("member set %s: nothing to set", argv[0]);
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);

		if (matches(key, "priority", "prio")) {
			once(&a, ETRUNK_MEMBER_A_PRIORITY, key);
			a.u16[ETRUNK_MEMBER_A_PRIORITY] =
				(uint16_t)parse_uint(key, val, UINT16_MAX);
		} else if (matches(key, "master", NULL)) {
			once(&a, ETRUNK_MEMBER_A_MASTER, key);
			a.u8[ETRUNK_MEMBER_A_MASTER] =
				parse_bool(key, val, "on", "off");
		} else if (matches(key, "admin", NULL)) {
			once(&a, ETRUNK_MEMBER_A_ADMIN_UP, key);
			a.u8[ETRUNK_MEMBER_A_ADMIN_UP] =
				parse_bool(key, val, "up", "down");
		} else if (matches(key, "lacp_port_priority", "lacp-port-priority")) {
			once(&a, ETRUNK_MEMBER_A_LACP_PORT_PRIO, key);
			a.u16[ETRUNK_MEMBER_A_LACP_PORT_PRIO] =
				(uint16_t)parse_range(key, val, 1, UINT16_MAX, "");
		} else if (matches(key, "lacp_active", "lacp-active")) {
			once(&a, ETRUNK_MEMBER_A_LACP_ACTIVE, key);
			a.u8[ETRUNK_MEMBER_A_LACP_ACTIVE] =
				parse_bool(key, val, "on", "off");
		} else {
			usage_error("member set: unknown option '%s'", key);
		}
	}
	nl_start(&nl);
	nlh = nl_request(&nl, ETRUNK_CMD_SET_MEMBER, NLM_F_ACK);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_MEMBER);
	put_name(nlh, ETRUNK_MEMBER_A_IFNAME, argv[0]);
	put_set_args(nlh, &a, member_attr_types, ETRUNK_MEMBER_A_MAX);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

/* ---- flush-receive ---------------------------------------------------- */

/*
 * p1: flush-receive on, key none, vlans all
 *   flush frames: accepted 2; dropped: rate 0, malformed 0, ...
 */
static void print_port_plain(const struct trunk *t)
{
	unsigned int i;

	printf("%s: flush-receive %s", t->ifname,
	       !HAS(t, ETRUNK_A_FLUSH_RX) || t->flush_rx ? "on" : "off");
	if (HAS(t, ETRUNK_A_FLUSH_KEY_SET))
		printf(", key %s", t->flush_key_set ? "set" : "none");
	fputs(", vlans ", stdout);
	if (!t->n_vlans)
		fputs("all", stdout);
	for (i = 0; i < t->n_vlans; i++)
		printf("%s%u", i ? "," : "", t->vlans[i]);
	putchar('\n');
	print_flush_stats_plain(t, false);
}

static void json_port(const struct trunk *t)
{
	unsigned int i;

	json_open_object(NULL);
	if (HAS(t, ETRUNK_A_IFNAME))
		json_string("ifname", t->ifname);
	if (HAS(t, ETRUNK_A_IFINDEX))
		json_uint("ifindex", t->ifindex);
	if (HAS(t, ETRUNK_A_FLUSH_RX))
		json_bool("flush_rx", t->flush_rx);
	if (HAS(t, ETRUNK_A_FLUSH_KEY_SET))
		json_string("flush_key", t->flush_key_set ? "set" : "none");
	/* Empty: all VLANs. */
	json_open_array("vlans");
	for (i = 0; i < t->n_vlans; i++)
		json_uint(NULL, t->vlans[i]);
	json_close_array();
	json_flush_stats(t);
	json_close_object();
}

static int cmd_flush_show(int argc, char **argv)
{
	struct trunk_list l = { 0 };
	unsigned int i;

	if (argc > 1)
		usage_error("flush-receive show takes at most one device, not '%s'",
			    argv[1]);
	fetch_list(ETRUNK_CMD_GET_FLUSH_RX, argc, argv, &l);

	if (json) {
		json_init(stdout, pretty);
		json_open_array(NULL);
		for (i = 0; i < l.n; i++)
			json_port(&l.v[i]);
		json_close_array();
	} else {
		for (i = 0; i < l.n; i++)
			print_port_plain(&l.v[i]);
	}
	trunk_list_free(&l);
	return 0;
}

/*
 * flush-receive DEV on [key HEX|none] [vlans VID[,VID...]|all]
 * flush-receive DEV off
 * flush-receive show [DEV]
 */
static int cmd_flush_receive(int argc, char **argv)
{
	struct set_args a = { 0 };
	struct nlmsghdr *nlh;
	struct nl nl;
	bool on;
	int i, err;

	if (argc < 1)
		usage_error("flush-receive needs a device and on or off, or show");
	if (!strcmp(argv[0], "show"))
		return cmd_flush_show(argc - 1, argv + 1);
	if (argc < 2)
		usage_error("flush-receive %s: on or off?", argv[0]);
	on = parse_bool("flush-receive", argv[1], "on", "off");
	if (!on && argc > 2)
		usage_error("flush-receive off takes no options, not '%s'",
			    argv[2]);
	for (i = 2; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);

		if (matches(key, "key", "flush_key")) {
			set_key(&a, key, val);
		} else if (matches(key, "vlans", "vlan")) {
			once(&a, ETRUNK_A_FLUSH_VLANS, key);
			a.n_vlans = parse_list(key, val, "all",
					       ETRUNK_FLUSH_MAX_VLANS,
					       parse_vid, a.vlans);
		} else {
			usage_error("flush-receive: unknown option '%s'", key);
		}
	}
	nl_start(&nl);
	nlh = nl_request(&nl, ETRUNK_CMD_SET_FLUSH_RX, NLM_F_ACK);
	put_name(nlh, ETRUNK_A_IFNAME, argv[0]);
	mnl_attr_put_u8(nlh, ETRUNK_A_FLUSH_RX, on);
	put_set_extra(nlh, &a);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

/* ---- monitor -------------------------------------------------------- */

/*
 * seq 7 member-state trunk et0 member a1 state down reason no-carrier ...
 * seq 9 switchover trunk et0 active-member a1 reason link switchovers 2
 *     active-members 1 carrier on
 */
/* lacp: selected selected mux attached partner 02:..:aa port 101 churn - */
static void print_lacp_event(const struct lacp_member *l)
{
	char buf[24];

	printf(" selected %s", enum_str(NAMES(etrunk_lacp_selected_names),
					 l->selected, buf, sizeof(buf)));
	printf(" mux %s", enum_str(NAMES(etrunk_lacp_mux_names), l->mux_state,
				   buf, sizeof(buf)));
	printf(" partner %s", mac_str(l->partner.system, buf, sizeof(buf)));
	printf(" port %u churn %s", l->partner.port, lacp_churn_str(l));
}

static void print_event_plain(const struct trunk *t)
{
	char buf[IFNAMSIZ + 8];

	printf("seq %u %s trunk %s", t->event_seq,
	       enum_str(NAMES(etrunk_event_names), t->event, buf, sizeof(buf)),
	       t->ifname);
	if (HAS(t, ETRUNK_A_MEMBER)) {
		const struct member *m = &t->member;

		printf(" member %s", member_name(m, buf, sizeof(buf)));
		if (HAS(m, ETRUNK_MEMBER_A_STATE))
			printf(" state %s", enum_str(NAMES(etrunk_state_names),
						     m->state, buf, sizeof(buf)));
		if (HAS(m, ETRUNK_MEMBER_A_REASON))
			printf(" reason %s", m->reason == ETRUNK_REASON_NONE ?
			       "-" : enum_str(NAMES(etrunk_reason_names), m->reason,
					      buf, sizeof(buf)));
		if (HAS(m, ETRUNK_MEMBER_A_LINK_FAILURES))
			printf(" link-failures %u", m->link_failures);
		if (t->event == ETRUNK_EVENT_LACP &&
		    HAS(m, ETRUNK_MEMBER_A_LACP))
			print_lacp_event(&m->lacp);
	}
	if (HAS(t, ETRUNK_A_MODE))
		printf(" mode %s", enum_str(NAMES(etrunk_mode_names), t->mode, buf,
					    sizeof(buf)));
	if (HAS(t, ETRUNK_A_HASH_POLICY))
		printf(" hash %s", enum_str(NAMES(etrunk_hash_names), t->hash_policy,
					    buf, sizeof(buf)));
	if (HAS(t, ETRUNK_A_MIN_LINKS))
		printf(" min-links %u", t->min_links);
	if (HAS(t, ETRUNK_A_MAX_LINKS))
		printf(" max-links %u", t->max_links);
	/* switchover: active-member a1 reason link switchovers 3 */
	if (HAS(t, ETRUNK_A_ACTIVE_MEMBER))
		printf(" active-member %s", t->active_member ?
		       active_name(t, buf, sizeof(buf)) : "none");
	if (HAS(t, ETRUNK_A_SWITCHOVER_REASON))
		printf(" reason %s", enum_str(NAMES(etrunk_switch_names),
					      t->switchover_reason, buf,
					      sizeof(buf)));
	if (HAS(t, ETRUNK_A_SWITCHOVERS))
		printf(" switchovers %u", t->switchovers);
	if (HAS(t, ETRUNK_A_ACTIVE_MEMBERS))
		printf(" active-members %u", t->active_members);
	if (HAS(t, ETRUNK_A_CARRIER))
		printf(" carrier %s", t->carrier ? "on" : "off");
	putchar('\n');
}

static void print_event_json(const struct trunk *t)
{
	json_open_object(NULL);
	if (HAS(t, ETRUNK_A_EVENT_SEQ))
		json_uint("seq", t->event_seq);
	if (HAS(t, ETRUNK_A_EVENT))
		json_enum("event", NAMES(etrunk_event_names), t->event);
	json_trunk_fields(t);
	if (HAS(t, ETRUNK_A_MEMBER))
		json_member("member", &t->member, NULL);
	json_close_object();
}

/* ---- e-trunk: E-Trunk groups ------------------------------------------ */

#define EGROUP_MAX_TRUNKS ETRUNK_GROUP_MAX_TRUNKS

struct egroup {
	uint32_t has;	/* bit ETRUNK_GROUP_A_x */
	uint32_t id, hello_interval, revert_delay;
	uint8_t priority, system[6], key_set, hold_mult, peer_state;
	struct addr peer, source, liveness;
	uint16_t port;
	char descr[ETRUNK_GROUP_DESCR_MAX + 1];
	uint64_t counters[ETRUNK_GROUP_A_MAX + 1];
	char bfd_session[ETRUNK_BFD_NAME_MAX + 1];
	uint8_t bfd, bfd_mult;
	uint32_t bfd_min_tx, bfd_min_rx;
	unsigned int n_trunks;
	struct ebinding trunks[EGROUP_MAX_TRUNKS];
};

static void parse_ebinding(const struct nlattr *nest, struct ebinding *b)
{
	const struct nlattr *a;

	memset(b, 0, sizeof(*b));
	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);
		enum mnl_attr_data_type want;

		switch (type) {
		case ETRUNK_BIND_A_IFNAME:
			want = MNL_TYPE_NUL_STRING;
			break;
		case ETRUNK_BIND_A_IFINDEX:
		case ETRUNK_BIND_A_GROUP:
		case ETRUNK_BIND_A_ID:
		case ETRUNK_BIND_A_REMOTE_ID:
		case ETRUNK_BIND_A_REVERT_MS:
			want = MNL_TYPE_U32;
			break;
		case ETRUNK_BIND_A_MODE:
		case ETRUNK_BIND_A_BASIS:
		case ETRUNK_BIND_A_ROLE:
		case ETRUNK_BIND_A_REASON:
			want = MNL_TYPE_U8;
			break;
		default:
			continue;
		}
		if (mnl_attr_validate(a, want) < 0)
			continue;
		b->has |= 1u << type;
		switch (type) {
		case ETRUNK_BIND_A_IFNAME:
			copy_name(b->ifname, a);
			break;
		case ETRUNK_BIND_A_IFINDEX:
			b->ifindex = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_GROUP:
			b->group = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_ID:
			b->id = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_REMOTE_ID:
			b->remote_id = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_REVERT_MS:
			b->revert_ms = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_MODE:
			b->mode = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BIND_A_BASIS:
			b->basis = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BIND_A_ROLE:
			b->role = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BIND_A_REASON:
			b->reason = mnl_attr_get_u8(a);
			break;
		}
	}
}

static void get_addr(const struct nlattr *a, struct addr *p)
{
	uint16_t len = mnl_attr_get_payload_len(a);

	if (len == 4 || len == 16) {
		p->len = (uint8_t)len;
		memcpy(p->a, mnl_attr_get_payload(a), len);
	}
}

/* ---- BFD sessions --------------------------------------------------- */

static const char *const bfd_type_names[] = {
	[ETRUNK_BFD_SINGLE_HOP] = "single-hop",
	[ETRUNK_BFD_MULTIHOP] = "multihop",
	[ETRUNK_BFD_MICRO] = "micro",
};

static const char *const bfd_state_names[] = {
	[ETRUNK_BFD_STATE_ADMIN_DOWN] = "admin-down",
	[ETRUNK_BFD_STATE_DOWN] = "down",
	[ETRUNK_BFD_STATE_INIT] = "init",
	[ETRUNK_BFD_STATE_UP] = "up",
};

/* RFC 5880 section 4.1's diagnostics, named as FRR's bfdd names them. */
static const char *const bfd_diag_names[] = {
	[ETRUNK_BFD_DIAG_NONE] = "none",
	[ETRUNK_BFD_DIAG_DETECT_EXPIRED] = "control-detection-time-expired",
	[ETRUNK_BFD_DIAG_ECHO_FAILED] = "echo-function-failed",
	[ETRUNK_BFD_DIAG_NEIGHBOR_DOWN] = "neighbor-signaled-session-down",
	[ETRUNK_BFD_DIAG_FWD_RESET] = "forwarding-plane-reset",
	[ETRUNK_BFD_DIAG_PATH_DOWN] = "path-down",
	[ETRUNK_BFD_DIAG_CONCAT_DOWN] = "concatenated-path-down",
	[ETRUNK_BFD_DIAG_ADMIN_DOWN] = "administratively-down",
	[ETRUNK_BFD_DIAG_REV_CONCAT_DOWN] = "reverse-concatenated-path-down",
};

static const char *const bfd_auth_names[] = {
	[ETRUNK_BFD_AUTH_NONE] = "none",
	[ETRUNK_BFD_AUTH_SIMPLE] = "simple",
	[ETRUNK_BFD_AUTH_KEYED_MD5] = "keyed-md5",
	[ETRUNK_BFD_AUTH_METICULOUS_MD5] = "meticulous-md5",
	[ETRUNK_BFD_AUTH_KEYED_SHA1] = "keyed-sha1",
	[ETRUNK_BFD_AUTH_METICULOUS_SHA1] = "meticulous-sha1",
};

static const char *const bfd_event_names[] = {
	[ETRUNK_EVENT_BFD_ADDED - ETRUNK_EVENT_BFD_ADDED] = "bfd-added",
	[ETRUNK_EVENT_BFD_CHANGED - ETRUNK_EVENT_BFD_ADDED] = "bfd-changed",
	[ETRUNK_EVENT_BFD_REMOVED - ETRUNK_EVENT_BFD_ADDED] = "bfd-removed",
	[ETRUNK_EVENT_BFD_STATE - ETRUNK_EVENT_BFD_ADDED] = "bfd-state",
};

/* An interval in us as ms, with the decimals it needs: 300, 3.3, 0.05. */
static const char *ms_str(uint32_t us, char *buf, size_t len)
{
	size_t n;

	if (us % 1000 == 0) {
		snprintf(buf, len, "%" PRIu32, us / 1000);
		return buf;
	}
	snprintf(buf, len, "%" PRIu32 ".%03" PRIu32, us / 1000, us % 1000);
	n = strlen(buf);
	while (n && buf[n - 1] == '0')
		buf[--n] = '\0';
	return buf;
}

/* An interval in ms (up to three decimals) as us, from @min to @max us. */
static uint32_t parse_ms(const char *key, const char *s, uint32_t min,
			 uint32_t max)
{
	unsigned long long us = 0;
	const char *p = s;
	int decimals = 0;

	if (*p < '0' || *p > '9')
		goto bad;
	for (; *p >= '0' && *p <= '9'; p++) {
		us = us * 10 + (unsigned long long)(*p - '0');
		if (us > max)
			goto bad;
	}
	us *= 1000;
	if (*p == '.') {
		unsigned long long scale = 100;

		for (p++; *p >= '0' && *p <= '9'; p++, decimals++) {
			if (decimals == 3)
				goto bad;
			us += (unsigned long long)(*p - '0') * scale;
			scale /= 10;
		}
		if (!decimals)
			goto bad;
	}
	if (*p || us < min || us > max)
		goto bad;
	return (uint32_t)us;
bad:
	{
		char lo[24], hi[24];

		usage_error("%s: expected %s to %s ms (at most 3 decimals), not '%s'",
			    key, ms_str(min, lo, sizeof(lo)),
			    ms_str(max, hi, sizeof(hi)), s);
	}
}

struct bfd_link {
	uint32_t ifindex, local_discr, peer_discr;
	char ifname[IFNAMSIZ];
	uint8_t state, remote_state, diag;
	uint64_t ups, downs;
};

struct bfd {
	uint64_t has;	/* bit ETRUNK_BFD_A_x */
	char name[ETRUNK_BFD_NAME_MAX + 1];
	char ifname[IFNAMSIZ];
	struct addr peer, source;
	uint8_t type, mult, admin_down, auth_type, auth_key_id, key_set;
	uint8_t state, remote_state, diag, remote_diag, remote_mult;
	uint32_t ifindex, local_discr, remote_discr, min_tx, min_rx, group;
	uint32_t peer_discr, tx_interval, detect_time, remote_min_tx;
	uint32_t remote_min_rx;
	uint64_t change_age;
	uint64_t counters[ETRUNK_BFD_A_MAX + 1];
	unsigned int n_links;
	struct bfd_link *links;
};

static const enum mnl_attr_data_type bfd_attr_types[ETRUNK_BFD_A_MAX + 1] = {
	[ETRUNK_BFD_A_NAME] = MNL_TYPE_NUL_STRING,
	[ETRUNK_BFD_A_IFNAME] = MNL_TYPE_NUL_STRING,
	[ETRUNK_BFD_A_TYPE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_MULT] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_ADMIN_DOWN] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_AUTH_TYPE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_AUTH_KEY_ID] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_AUTH_KEY_SET] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_STATE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_REMOTE_STATE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_DIAG] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_REMOTE_DIAG] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_REMOTE_MULT] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_IFINDEX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_LOCAL_DISCR] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_REMOTE_DISCR] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_MIN_TX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_MIN_RX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_GROUP] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_PEER_DISCR] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_TX_INTERVAL] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_DETECT_TIME] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_REMOTE_MIN_TX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_REMOTE_MIN_RX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_CHANGE_AGE] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_PKTS_TX] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_PKTS_RX] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_DROPS] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_AUTH_FAILURES] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_UPS] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_DOWNS] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_LINKS] = MNL_TYPE_NESTED,
};

static void parse_bfd_link(const struct nlattr *nest, struct bfd_link *l)
{
	const struct nlattr *a;

	memset(l, 0, sizeof(*l));
	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type == ETRUNK_BFD_LINK_A_IFNAME) {
			if (!mnl_attr_validate(a, MNL_TYPE_NUL_STRING))
				copy_name(l->ifname, a);
		} else if (type == ETRUNK_BFD_LINK_A_STATE ||
			   type == ETRUNK_BFD_LINK_A_REMOTE_STATE ||
			   type == ETRUNK_BFD_LINK_A_DIAG) {
			if (mnl_attr_validate(a, MNL_TYPE_U8))
				continue;
			if (type == ETRUNK_BFD_LINK_A_STATE)
				l->state = mnl_attr_get_u8(a);
			else if (type == ETRUNK_BFD_LINK_A_REMOTE_STATE)
				l->remote_state = mnl_attr_get_u8(a);
			else
				l->diag = mnl_attr_get_u8(a);
		} else if (type == ETRUNK_BFD_LINK_A_IFINDEX ||
			   type == ETRUNK_BFD_LINK_A_LOCAL_DISCR ||
			   type == ETRUNK_BFD_LINK_A_PEER_DISCR) {
			if (mnl_attr_validate(a, MNL_TYPE_U32))
				continue;
			if (type == ETRUNK_BFD_LINK_A_IFINDEX)
				l->ifindex = mnl_attr_get_u32(a);
			else if (type == ETRUNK_BFD_LINK_A_LOCAL_DISCR)
				l->local_discr = mnl_attr_get_u32(a);
			else
				l->peer_discr = mnl_attr_get_u32(a);
		} else if (type == ETRUNK_BFD_LINK_A_UPS ||
			   type == ETRUNK_BFD_LINK_A_DOWNS) {
			if (mnl_attr_validate(a, MNL_TYPE_U64))
				continue;
			if (type == ETRUNK_BFD_LINK_A_UPS)
				l->ups = mnl_attr_get_u64(a);
			else
				l->downs = mnl_attr_get_u64(a);
		}
	}
}

static void parse_bfd(const struct nlattr *nest, struct bfd *s)
{
	const struct nlattr *a, *b;
	unsigned int n;

	memset(s, 0, sizeof(*s));
	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type > ETRUNK_BFD_A_MAX)
			continue;
		if (type == ETRUNK_BFD_A_PEER_ADDR) {
			get_addr(a, &s->peer);
		} else if (type == ETRUNK_BFD_A_SOURCE_ADDR) {
			get_addr(a, &s->source);
		} else if (!bfd_attr_types[type] ||
			   mnl_attr_validate(a, bfd_attr_types[type]) < 0) {
			continue;
		}
		switch (type) {
		case ETRUNK_BFD_A_NAME:
			snprintf(s->name, sizeof(s->name), "%s", mnl_attr_get_str(a));
			break;
		case ETRUNK_BFD_A_IFNAME:
			copy_name(s->ifname, a);
			break;
		case ETRUNK_BFD_A_TYPE: s->type = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_MULT: s->mult = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_ADMIN_DOWN: s->admin_down = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_AUTH_TYPE: s->auth_type = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_AUTH_KEY_ID: s->auth_key_id = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_AUTH_KEY_SET: s->key_set = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_STATE: s->state = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_REMOTE_STATE: s->remote_state = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_DIAG: s->diag = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_REMOTE_DIAG: s->remote_diag = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_REMOTE_MULT: s->remote_mult = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_IFINDEX: s->ifindex = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_LOCAL_DISCR: s->local_discr = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_REMOTE_DISCR: s->remote_discr = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_MIN_TX: s->min_tx = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_MIN_RX: s->min_rx = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_GROUP: s->group = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_PEER_DISCR: s->peer_discr = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_TX_INTERVAL: s->tx_interval = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_DETECT_TIME: s->detect_time = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_REMOTE_MIN_TX: s->remote_min_tx = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_REMOTE_MIN_RX: s->remote_min_rx = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_CHANGE_AGE: s->change_age = mnl_attr_get_u64(a); break;
		case ETRUNK_BFD_A_PKTS_TX:
		case ETRUNK_BFD_A_PKTS_RX:
		case ETRUNK_BFD_A_DROPS:
		case ETRUNK_BFD_A_AUTH_FAILURES:
		case ETRUNK_BFD_A_UPS:
		case ETRUNK_BFD_A_DOWNS:
			s->counters[type] = mnl_attr_get_u64(a);
			break;
		case ETRUNK_BFD_A_LINKS:
			n = 0;
			mnl_attr_for_each_nested(b, a)
				n++;
			free(s->links);
			s->links = calloc(n + 1, sizeof(*s->links));
			if (!s->links)
				out_of_memory();
			s->n_links = 0;
			mnl_attr_for_each_nested(b, a)
				if (mnl_attr_get_type(b) == ETRUNK_BFD_A_LINK)
					parse_bfd_link(b, &s->links[s->n_links++]);
			break;
		}
		s->has |= BIT64(type);
	}
}

struct bfd_list {
	uint16_t family;
	unsigned int n, cap;
	struct bfd *v;
};

static int bfd_list_cb(const struct nlmsghdr *nlh, void *data)
{
	struct bfd_list *l = data;
	const struct nlattr *a;

	if (!genl_msg_ok(nlh, l->family))
		return MNL_CB_OK;
	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) != ETRUNK_A_BFD)
			continue;
		if (l->n == l->cap) {
			unsigned int cap = l->cap ? 2 * l->cap : 4;
			struct bfd *v = realloc(l->v, cap * sizeof(*v));

			if (!v)
				out_of_memory();
			l->v = v;
			l->cap = cap;
		}
		parse_bfd(a, &l->v[l->n++]);
	}
	return MNL_CB_OK;
}

static const char *const bfd_link_head[] = {
	"member", "state", "remote", "diagnostic", "local-discr", "peer-discr",
	"ups", "downs",
};

static void print_bfd_links_plain(const struct bfd *s)
{
	char buf[40];
	struct table tb;
	unsigned int i;

	if (!s->n_links) {
		puts("  no member sessions yet");
		return;
	}
	table_init(&tb, s->n_links, bfd_link_head, ARRAY_SIZE(bfd_link_head));
	for (i = 0; i < s->n_links; i++) {
		const struct bfd_link *l = &s->links[i];

		if (l->ifname[0])
			table_set(&tb, i, 0, l->ifname);
		else {
			snprintf(buf, sizeof(buf), "ifindex %u", l->ifindex);
			table_set(&tb, i, 0, buf);
		}
		table_set(&tb, i, 1, enum_str(NAMES(bfd_state_names), l->state,
					      buf, sizeof(buf)));
		table_set(&tb, i, 2, enum_str(NAMES(bfd_state_names),
					      l->remote_state, buf, sizeof(buf)));
		table_set(&tb, i, 3, enum_str(NAMES(bfd_diag_names), l->diag,
					      buf, sizeof(buf)));
		snprintf(buf, sizeof(buf), "%u", l->local_discr);
		table_set(&tb, i, 4, buf);
		snprintf(buf, sizeof(buf), "%u", l->peer_discr);
		table_set(&tb, i, 5, buf);
		snprintf(buf, sizeof(buf), "%" PRIu64, l->ups);
		table_set(&tb, i, 6, buf);
		snprintf(buf, sizeof(buf), "%" PRIu64, l->downs);
		table_set(&tb, i, 7, buf);
	}
	table_print(&tb, "  ");
}

static void print_bfd_plain(const struct bfd *s)
{
	char a[INET6_ADDRSTRLEN + 8], b[40], c[40], d[40];
	struct line l = { "  " };

	printf("bfd %s: %s, remote %s, %s\n", s->name,
	       enum_str(NAMES(bfd_state_names), s->state, b, sizeof(b)),
	       enum_str(NAMES(bfd_state_names), s->remote_state, c, sizeof(c)),
	       enum_str(NAMES(bfd_type_names), s->type, d, sizeof(d)));
	line_add(&l, "peer %s", addr_str(&s->peer, a, sizeof(a)));
	if (s->source.len)
		line_add(&l, "source %s", addr_str(&s->source, a, sizeof(a)));
	if (HAS(s, ETRUNK_BFD_A_IFNAME))
		line_add(&l, "%s %s", s->type == ETRUNK_BFD_MICRO ? "trunk" : "dev",
			 s->ifname);
	if (s->admin_down)
		line_add(&l, "shutdown");
	if (s->group)
		line_add(&l, "e-trunk %u's own", s->group);
	line_end(&l);
	l.sep = "  ";
	if (HAS(s, ETRUNK_BFD_A_LOCAL_DISCR))
		line_add(&l, "local-discr %u", s->local_discr);
	line_add(&l, "peer-discr %u", s->peer_discr);
	if (HAS(s, ETRUNK_BFD_A_REMOTE_DISCR))
		line_add(&l, s->remote_discr ? "remote-discr %u" :
			 "remote-discr learned", s->remote_discr);
	line_end(&l);
	printf("  configured: min-tx %s ms, min-rx %s ms, multiplier %u\n",
	       ms_str(s->min_tx, b, sizeof(b)), ms_str(s->min_rx, c, sizeof(c)),
	       s->mult);
	printf("  negotiated: tx %s ms, detection time %s ms\n",
	       ms_str(s->tx_interval, b, sizeof(b)),
	       ms_str(s->detect_time, c, sizeof(c)));
	printf("  peer sends: min-tx %s ms, min-rx %s ms, multiplier %u\n",
	       ms_str(s->remote_min_tx, b, sizeof(b)),
	       ms_str(s->remote_min_rx, c, sizeof(c)), s->remote_mult);
	printf("  diagnostic %s, remote %s\n",
	       enum_str(NAMES(bfd_diag_names), s->diag, b, sizeof(b)),
	       enum_str(NAMES(bfd_diag_names), s->remote_diag, c, sizeof(c)));
	printf("  authentication %s", enum_str(NAMES(bfd_auth_names),
					       s->auth_type, b, sizeof(b)));
	if (s->auth_type != ETRUNK_BFD_AUTH_NONE)
		printf(" key-id %u", s->auth_key_id);
	printf(", key %s\n", s->key_set ? "set" : "unset");
	printf("  last change %" PRIu64 ".%" PRIu64 " s ago\n",
	       s->change_age / 1000, s->change_age % 1000 / 100);
	printf("  packets: sent %" PRIu64 ", received %" PRIu64 "; drops %" PRIu64
	       ", auth-failures %" PRIu64 "; ups %" PRIu64 ", downs %" PRIu64 "\n",
	       s->counters[ETRUNK_BFD_A_PKTS_TX], s->counters[ETRUNK_BFD_A_PKTS_RX],
	       s->counters[ETRUNK_BFD_A_DROPS],
	       s->counters[ETRUNK_BFD_A_AUTH_FAILURES],
	       s->counters[ETRUNK_BFD_A_UPS], s->counters[ETRUNK_BFD_A_DOWNS]);
	if (s->type == ETRUNK_BFD_MICRO)
		print_bfd_links_plain(s);
}

/* @links: with the micro-BFD links (not in events, which have none). */
static void json_bfd_fields(const struct bfd *s, bool links)
{
	char a[INET6_ADDRSTRLEN + 8];
	unsigned int i;

	json_string("name", s->name);
	json_enum("type", NAMES(bfd_type_names), s->type);
	json_enum("state", NAMES(bfd_state_names), s->state);
	json_enum("remote_state", NAMES(bfd_state_names), s->remote_state);
	json_string("peer", addr_str(&s->peer, a, sizeof(a)));
	if (s->source.len)
		json_string("source", addr_str(&s->source, a, sizeof(a)));
	else
		json_null("source");
	if (HAS(s, ETRUNK_BFD_A_IFNAME)) {
		json_string("dev", s->ifname);
		json_uint("ifindex", s->ifindex);
	} else {
		json_null("dev");
		json_null("ifindex");
	}
	if (HAS(s, ETRUNK_BFD_A_LOCAL_DISCR))
		json_uint("local_discr", s->local_discr);
	else
		json_null("local_discr");
	if (HAS(s, ETRUNK_BFD_A_REMOTE_DISCR))
		json_uint("remote_discr", s->remote_discr);
	else
		json_null("remote_discr");
	json_uint("peer_discr", s->peer_discr);
	json_uint("min_tx_us", s->min_tx);
	json_uint("min_rx_us", s->min_rx);
	json_uint("multiplier", s->mult);
	json_bool("shutdown", s->admin_down);
	json_enum("auth", NAMES(bfd_auth_names), s->auth_type);
	json_uint("auth_key_id", s->auth_key_id);
	json_bool("key_set", s->key_set);
	if (s->group)
		json_uint("e_trunk", s->group);
	else
		json_null("e_trunk");
	json_uint("tx_interval_us", s->tx_interval);
	json_uint("detect_time_us", s->detect_time);
	json_uint("remote_min_tx_us", s->remote_min_tx);
	json_uint("remote_min_rx_us", s->remote_min_rx);
	json_uint("remote_multiplier", s->remote_mult);
	json_enum("diag", NAMES(bfd_diag_names), s->diag);
	json_enum("remote_diag", NAMES(bfd_diag_names), s->remote_diag);
	json_uint("last_change_ms", s->change_age);
	json_open_object("counters");
	json_uint("pkts_tx", s->counters[ETRUNK_BFD_A_PKTS_TX]);
	json_uint("pkts_rx", s->counters[ETRUNK_BFD_A_PKTS_RX]);
	json_uint("drops", s->counters[ETRUNK_BFD_A_DROPS]);
	json_uint("auth_failures", s->counters[ETRUNK_BFD_A_AUTH_FAILURES]);
	json_uint("ups", s->counters[ETRUNK_BFD_A_UPS]);
	json_uint("downs", s->counters[ETRUNK_BFD_A_DOWNS]);
	json_close_object();
	if (!links)
		return;
	if (s->type != ETRUNK_BFD_MICRO) {
		json_null("links");
		return;
	}
	json_open_array("links");
	for (i = 0; i < s->n_links; i++) {
		const struct bfd_link *l = &s->links[i];

		json_open_object(NULL);
		json_string("dev", l->ifname);
		json_uint("ifindex", l->ifindex);
		json_enum("state", NAMES(bfd_state_names), l->state);
		json_enum("remote_state", NAMES(bfd_state_names), l->remote_state);
		json_enum("diag", NAMES(bfd_diag_names), l->diag);
		json_uint("local_discr", l->local_discr);
		json_uint("peer_discr", l->peer_discr);
		json_uint("ups", l->ups);
		json_uint("downs", l->downs);
		json_close_object();
	}
	json_close_array();
}

static void put_bfd_name(struct nlmsghdr *nlh, const char *name)
{
	if (strlen(name) > ETRUNK_BFD_NAME_MAX)
		usage_error("bfd: a session name is at most %d bytes, not '%s'",
			    ETRUNK_BFD_NAME_MAX, name);
	mnl_attr_put_strz(nlh, ETRUNK_BFD_A_NAME, name);
}

static struct nlattr *bfd_request(struct nl *nl, struct nlmsghdr **nlh,
				  uint8_t cmd, uint16_t flags, const char *name)
{
	struct nlattr *nest;

	*nlh = nl_request(nl, cmd, flags);
	nest = mnl_attr_nest_start(*nlh, ETRUNK_A_BFD);
	nest->nla_type |= NLA_F_NESTED;
	put_bfd_name(*nlh, name);
	return nest;
}

static int cmd_bfd_show(int argc, char **argv)
{
	struct bfd_list l = { 0 };
	struct nlmsghdr *nlh;
	unsigned int i;
	struct nl nl;
	int err;

	if (argc > 1)
		usage_error("bfd show takes at most one session name, not '%s'",
			    argv[1]);
	nl_start(&nl);
	l.family = nl.family;
	if (argc == 1) {
		struct nlattr *nest = bfd_request(&nl, &nlh, ETRUNK_CMD_GET_BFD,
						  NLM_F_ACK, argv[0]);
		mnl_attr_nest_end(nlh, nest);
	} else {
		nlh = nl_request(&nl, ETRUNK_CMD_GET_BFD, NLM_F_DUMP);
	}
	err = nl_talk(&nl, nlh, bfd_list_cb, &l);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	if (json) {
		json_init(stdout, pretty);
		json_open_array(NULL);
		for (i = 0; i < l.n; i++) {
			json_open_object(NULL);
			json_bfd_fields(&l.v[i], true);
			json_close_object();
		}
		json_close_array();
	} else {
		for (i = 0; i < l.n; i++) {
			if (i)
				putchar('\n');
			print_bfd_plain(&l.v[i]);
		}
	}
	for (i = 0; i < l.n; i++)
		free(l.v[i].links);
	free(l.v);
	return 0;
}

/* bfd add|set NAME [ option value | shutdown | no-shutdown ]... */
static int cmd_bfd_change(uint8_t cmd, int argc, char **argv)
{
	const char *what = cmd == ETRUNK_CMD_NEW_BFD ? "add" : "set";
	uint64_t seen = 0;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int i, err;

	if (argc < 1)
		usage_error("bfd %s needs a session name", what);
	if (cmd == ETRUNK_CMD_SET_BFD && argc < 2)
		usage_error("bfd set %s: nothing to set", argv[0]);
	nl_start(&nl);
	nest = bfd_request(&nl, &nlh, cmd, NLM_F_ACK, argv[0]);
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val;
		unsigned int type;
		struct addr ad = { 0 };

		if (!strcmp(key, "shutdown") || !strcmp(key, "no-shutdown")) {
			type = ETRUNK_BFD_A_ADMIN_DOWN;
			mnl_attr_put_u8(nlh, type, !strcmp(key, "shutdown"));
			i--;
			goto next;
		}
		val = value_of(argc, argv, i);
		if (!strcmp(key, "peer") || !strcmp(key, "source")) {
			type = !strcmp(key, "peer") ? ETRUNK_BFD_A_PEER_ADDR :
						      ETRUNK_BFD_A_SOURCE_ADDR;
			if (type == ETRUNK_BFD_A_SOURCE_ADDR && !strcmp(val, "none"))
				mnl_attr_put(nlh, type, 0, NULL);
			else {
				parse_target(key, val, 0, &ad);
				mnl_attr_put(nlh, type, ad.len, ad.a);
			}
		} else if (!strcmp(key, "dev")) {
			type = ETRUNK_BFD_A_IFNAME;
			if (!strcmp(val, "none"))
				mnl_attr_put_u32(nlh, ETRUNK_BFD_A_IFINDEX, 0);
			else
				put_name(nlh, type, val);
		} else if (!strcmp(key, "type")) {
			type = ETRUNK_BFD_A_TYPE;
			mnl_attr_put_u8(nlh, type,
					parse_enum(key, val, NAMES(bfd_type_names)));
		} else if (matches(key, "local-discr", "local_discr")) {
			type = ETRUNK_BFD_A_LOCAL_DISCR;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, 1,
						     ETRUNK_BFD_STATIC_DISCR_MAX, ""));
		} else if (matches(key, "remote-discr", "remote_discr")) {
			type = ETRUNK_BFD_A_REMOTE_DISCR;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, 0,
						     ETRUNK_BFD_STATIC_DISCR_MAX, ""));
		} else if (matches(key, "min-tx", "min_tx")) {
			type = ETRUNK_BFD_A_MIN_TX;
			mnl_attr_put_u32(nlh, type,
					 parse_ms(key, val, ETRUNK_BFD_MIN_INTERVAL,
						  ETRUNK_BFD_MAX_INTERVAL));
		} else if (matches(key, "min-rx", "min_rx")) {
			type = ETRUNK_BFD_A_MIN_RX;
			mnl_attr_put_u32(nlh, type,
					 parse_ms(key, val, ETRUNK_BFD_MIN_INTERVAL,
						  ETRUNK_BFD_MAX_INTERVAL));
		} else if (matches(key, "multiplier", "mult")) {
			type = ETRUNK_BFD_A_MULT;
			mnl_attr_put_u8(nlh, type,
					(uint8_t)parse_range(key, val, 1, 255, ""));
		} else if (!strcmp(key, "auth")) {
			type = ETRUNK_BFD_A_AUTH_TYPE;
			mnl_attr_put_u8(nlh, type,
					parse_enum(key, val, NAMES(bfd_auth_names)));
		} else if (matches(key, "key-id", "key_id")) {
			type = ETRUNK_BFD_A_AUTH_KEY_ID;
			mnl_attr_put_u8(nlh, type,
					(uint8_t)parse_range(key, val, 0, 255, ""));
		} else if (!strcmp(key, "key")) {
			/* The message does not repeat the value: a secret. */
			type = ETRUNK_BFD_A_AUTH_KEY;
			if (strlen(val) > ETRUNK_BFD_KEY_MAX)
				usage_error("%s: at most %d bytes", key,
					    ETRUNK_BFD_KEY_MAX);
			mnl_attr_put(nlh, type, strlen(val), val);
		} else {
			usage_error("bfd %s: unknown option '%s'", what, key);
		}
next:
		if (seen & BIT64(type))
			usage_error("%s given twice", key);
		seen |= BIT64(type);
	}
	if (cmd == ETRUNK_CMD_NEW_BFD && !(seen & BIT64(ETRUNK_BFD_A_PEER_ADDR)))
		usage_error("bfd add %s: which peer? (peer ADDR)", argv[0]);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

static int cmd_bfd_del(int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int err;

	if (argc != 1)
		usage_error("bfd del needs one session name");
	nl_start(&nl);
	nest = bfd_request(&nl, &nlh, ETRUNK_CMD_DEL_BFD, NLM_F_ACK, argv[0]);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

static int cmd_bfd(int argc, char **argv)
{
	if (argc < 1)
		usage_error("bfd needs add, set, del or show");
	if (!strcmp(argv[0], "show"))
		return cmd_bfd_show(argc - 1, argv + 1);
	if (!strcmp(argv[0], "add"))
		return cmd_bfd_change(ETRUNK_CMD_NEW_BFD, argc - 1, argv + 1);
	if (!strcmp(argv[0], "set"))
		return cmd_bfd_change(ETRUNK_CMD_SET_BFD, argc - 1, argv + 1);
	if (matches(argv[0], "del", "delete"))
		return cmd_bfd_del(argc - 1, argv + 1);
	usage_error("unknown bfd command '%s'", argv[0]);
}

/* Events of BFD sessions: the session, without its links. */
static void print_bfd_event(const struct nlmsghdr *nlh, const struct trunk *t)
{
	const char *ev = bfd_event_names[t->event - ETRUNK_EVENT_BFD_ADDED];
	const struct nlattr *a;
	struct bfd s = { 0 };

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == ETRUNK_A_BFD)
			parse_bfd(a, &s);
	if (json) {
		json_open_object(NULL);
		json_uint("seq", t->event_seq);
		json_string("event", ev);
		json_open_object("bfd");
		json_bfd_fields(&s, false);
		json_close_object();
		json_close_object();
	} else {
		char b[40], c[40], d[40];

		printf("seq %u %s bfd %s state %s remote %s diagnostic %s\n",
		       t->event_seq, ev, s.name,
		       enum_str(NAMES(bfd_state_names), s.state, b, sizeof(b)),
		       enum_str(NAMES(bfd_state_names), s.remote_state, c,
				sizeof(c)),
		       enum_str(NAMES(bfd_diag_names), s.diag, d, sizeof(d)));
	}
	free(s.links);
}

static void parse_egroup(const struct nlattr *nest, struct egroup *g)
{
	const struct nlattr *a, *b;

	memset(g, 0, sizeof(*g));
	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type > ETRUNK_GROUP_A_MAX)
			continue;
		switch (type) {
		case ETRUNK_GROUP_A_ID:
		case ETRUNK_GROUP_A_HELLO_INTERVAL:
		case ETRUNK_GROUP_A_REVERT_DELAY:
			if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
				continue;
			if (type == ETRUNK_GROUP_A_ID)
				g->id = mnl_attr_get_u32(a);
			else if (type == ETRUNK_GROUP_A_HELLO_INTERVAL)
				g->hello_interval = mnl_attr_get_u32(a);
			else
				g->revert_delay = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_PRIORITY:
		case ETRUNK_GROUP_A_KEY_SET:
		case ETRUNK_GROUP_A_HOLD_MULT:
		case ETRUNK_GROUP_A_PEER_STATE:
			if (mnl_attr_validate(a, MNL_TYPE_U8) < 0)
				continue;
			if (type == ETRUNK_GROUP_A_PRIORITY)
				g->priority = mnl_attr_get_u8(a);
			else if (type == ETRUNK_GROUP_A_KEY_SET)
				g->key_set = mnl_attr_get_u8(a);
			else if (type == ETRUNK_GROUP_A_HOLD_MULT)
				g->hold_mult = mnl_attr_get_u8(a);
			else
				g->peer_state = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_PORT:
			if (mnl_attr_validate(a, MNL_TYPE_U16) < 0)
				continue;
			g->port = mnl_attr_get_u16(a);
			break;
		case ETRUNK_GROUP_A_SYSTEM:
			if (!get_mac(a, g->system))
				continue;
			break;
		case ETRUNK_GROUP_A_PEER_ADDR:
			get_addr(a, &g->peer);
			break;
		case ETRUNK_GROUP_A_SOURCE_ADDR:
			get_addr(a, &g->source);
			break;
		case ETRUNK_GROUP_A_LIVENESS_ADDR:
			get_addr(a, &g->liveness);
			break;
		case ETRUNK_GROUP_A_DESCRIPTION:
			if (mnl_attr_validate(a, MNL_TYPE_NUL_STRING) < 0)
				continue;
			snprintf(g->descr, sizeof(g->descr), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_GROUP_A_BFD_SESSION:
			if (mnl_attr_validate(a, MNL_TYPE_NUL_STRING) < 0)
				continue;
			snprintf(g->bfd_session, sizeof(g->bfd_session), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_GROUP_A_BFD:
		case ETRUNK_GROUP_A_BFD_MULT:
			if (mnl_attr_validate(a, MNL_TYPE_U8) < 0)
				continue;
			if (type == ETRUNK_GROUP_A_BFD)
				g->bfd = mnl_attr_get_u8(a);
			else
				g->bfd_mult = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_BFD_MIN_TX:
		case ETRUNK_GROUP_A_BFD_MIN_RX:
			if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
				continue;
			if (type == ETRUNK_GROUP_A_BFD_MIN_TX)
				g->bfd_min_tx = mnl_attr_get_u32(a);
			else
				g->bfd_min_rx = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_HELLOS_TX:
		case ETRUNK_GROUP_A_HELLOS_RX:
		case ETRUNK_GROUP_A_AUTH_FAILURES:
		case ETRUNK_GROUP_A_REPLAYS:
		case ETRUNK_GROUP_A_ROLE_CHANGES:
		case ETRUNK_GROUP_A_DROPS:
			if (mnl_attr_validate(a, MNL_TYPE_U64) < 0)
				continue;
			g->counters[type] = mnl_attr_get_u64(a);
			break;
		case ETRUNK_GROUP_A_TRUNKS:
			mnl_attr_for_each_nested(b, a) {
				if (mnl_attr_get_type(b) != ETRUNK_GROUP_A_TRUNK ||
				    g->n_trunks == EGROUP_MAX_TRUNKS)
					continue;
				parse_ebinding(b, &g->trunks[g->n_trunks++]);
			}
			break;
		default:
			continue;
		}
		g->has |= 1u << type;
	}
}

struct egroup_list {
	uint16_t family;
	unsigned int n, cap;
	struct egroup *v;
};

static int egroup_list_cb(const struct nlmsghdr *nlh, void *data)
{
	struct egroup_list *l = data;
	const struct nlattr *a;

	if (!genl_msg_ok(nlh, l->family))
		return MNL_CB_OK;
	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) != ETRUNK_A_GROUP)
			continue;
		if (l->n == l->cap) {
			unsigned int cap = l->cap ? 2 * l->cap : 4;
			struct egroup *v = realloc(l->v, cap * sizeof(*v));

			if (!v)
				out_of_memory();
			l->v = v;
			l->cap = cap;
		}
		parse_egroup(a, &l->v[l->n++]);
	}
	return MNL_CB_OK;
}

static const char *const egroup_trunk_head[] = {
	"trunk", "id", "mode", "remote-id", "basis", "role", "reason",
};

static void print_egroup_plain(const struct egroup *g)
{
	char a[INET6_ADDRSTRLEN + 8], b[INET6_ADDRSTRLEN + 8], buf[40];
	struct table tb;
	unsigned int i;

	printf("e-trunk %u", g->id);
	if (g->descr[0])
		printf(": %s", g->descr);
	putchar('\n');
	printf("  priority %u, system-id %s\n", g->priority,
	       mac_str(g->system, buf, sizeof(buf)));
	printf("  source %s, peer %s, port %u", addr_str(&g->source, a, sizeof(a)),
	       addr_str(&g->peer, b, sizeof(b)), g->port);
	if (g->liveness.len)
		printf(", liveness %s", addr_str(&g->liveness, a, sizeof(a)));
	putchar('\n');
	printf("  peer state %s, hello %u ms, hold-multiplier %u, revert-delay %u s, key %s\n",
	       enum_str(NAMES(etrunk_peer_state_names), g->peer_state, buf,
			sizeof(buf)),
	       g->hello_interval, g->hold_mult, g->revert_delay,
	       g->key_set ? "set" : "unset");
	printf("  hellos: sent %" PRIu64 ", received %" PRIu64
	       "; auth-failures %" PRIu64 ", replays %" PRIu64
	       ", other drops %" PRIu64 ", role-changes %" PRIu64 "\n",
	       g->counters[ETRUNK_GROUP_A_HELLOS_TX],
	       g->counters[ETRUNK_GROUP_A_HELLOS_RX],
	       g->counters[ETRUNK_GROUP_A_AUTH_FAILURES],
	       g->counters[ETRUNK_GROUP_A_REPLAYS],
	       g->counters[ETRUNK_GROUP_A_DROPS],
	       g->counters[ETRUNK_GROUP_A_ROLE_CHANGES]);
	if (g->bfd_session[0])
		printf("  bfd session %s\n", g->bfd_session);
	else if (g->bfd)
		printf("  bfd on (session e-trunk-%u), min-tx %s ms, min-rx %s ms, multiplier %u\n",
		       g->id, ms_str(g->bfd_min_tx, a, sizeof(a)),
		       ms_str(g->bfd_min_rx, b, sizeof(b)), g->bfd_mult);
	else if (HAS(g, ETRUNK_GROUP_A_BFD))
		puts("  bfd off");
	if (!g->n_trunks) {
		puts("  no member trunks");
		return;
	}
	table_init(&tb, g->n_trunks, egroup_trunk_head,
		   ARRAY_SIZE(egroup_trunk_head));
	for (i = 0; i < g->n_trunks; i++) {
		const struct ebinding *t = &g->trunks[i];

		table_set(&tb, i, 0, t->ifname);
		snprintf(buf, sizeof(buf), "%u", t->id);
		table_set(&tb, i, 1, buf);
		table_set(&tb, i, 2, enum_str(NAMES(etrunk_egroup_mode_names),
					      t->mode, buf, sizeof(buf)));
		if (t->has & (1u << ETRUNK_BIND_A_REMOTE_ID))
			snprintf(buf, sizeof(buf), "%u", t->remote_id);
		else
			snprintf(buf, sizeof(buf), "-");
		table_set(&tb, i, 3, buf);
		table_set(&tb, i, 4, enum_str(NAMES(etrunk_egroup_basis_names),
					      t->basis, buf, sizeof(buf)));
		table_set(&tb, i, 5, enum_str(NAMES(etrunk_erole_names),
					      t->role, buf, sizeof(buf)));
		table_set(&tb, i, 6, t->reason == ETRUNK_EREASON_NONE ? "-" :
			  ereason_str(t, buf, sizeof(buf)));
	}
	table_print(&tb, "  ");
}

/* @trunk: with the trunk's name and ifindex (not in a trunk's view). */
static void json_ebinding_fields(const struct ebinding *t, bool trunk)
{
	if (trunk) {
		json_string("trunk", t->ifname);
		json_uint("ifindex", t->ifindex);
	}
	json_uint("group", t->group);
	json_uint("id", t->id);
	json_enum("mode", NAMES(etrunk_egroup_mode_names), t->mode);
	if (t->has & (1u << ETRUNK_BIND_A_REMOTE_ID))
		json_uint("remote_id", t->remote_id);
	else
		json_null("remote_id");
	json_enum("basis", NAMES(etrunk_egroup_basis_names), t->basis);
	json_enum("role", NAMES(etrunk_erole_names), t->role);
	json_enum("reason", NAMES(etrunk_ereason_names), t->reason);
	if (t->has & (1u << ETRUNK_BIND_A_REVERT_MS))
		json_uint("revert_in_ms", t->revert_ms);
	else
		json_null("revert_in_ms");
}

static void json_egroup_fields(const struct egroup *g, bool trunks)
{
	char a[INET6_ADDRSTRLEN + 8], buf[32];
	unsigned int i;

	json_uint("id", g->id);
	json_uint("priority", g->priority);
	json_string("system_id", mac_str(g->system, buf, sizeof(buf)));
	json_string("source", addr_str(&g->source, a, sizeof(a)));
	json_string("peer", addr_str(&g->peer, a, sizeof(a)));
	if (g->liveness.len)
		json_string("liveness", addr_str(&g->liveness, a, sizeof(a)));
	else
		json_null("liveness");
	json_uint("port", g->port);
	json_bool("key_set", g->key_set);
	json_uint("hello_interval_ms", g->hello_interval);
	json_uint("hold_multiplier", g->hold_mult);
	json_uint("revert_delay_s", g->revert_delay);
	json_string("description", g->descr);
	json_enum("peer_state", NAMES(etrunk_peer_state_names), g->peer_state);
	json_open_object("counters");
	json_uint("hellos_tx", g->counters[ETRUNK_GROUP_A_HELLOS_TX]);
	json_uint("hellos_rx", g->counters[ETRUNK_GROUP_A_HELLOS_RX]);
	json_uint("auth_failures", g->counters[ETRUNK_GROUP_A_AUTH_FAILURES]);
	json_uint("replays", g->counters[ETRUNK_GROUP_A_REPLAYS]);
	json_uint("drops", g->counters[ETRUNK_GROUP_A_DROPS]);
	json_uint("role_changes", g->counters[ETRUNK_GROUP_A_ROLE_CHANGES]);
	json_close_object();
	if (g->bfd_session[0])
		json_string("bfd_session", g->bfd_session);
	else
		json_null("bfd_session");
	json_bool("bfd", g->bfd);
	json_uint("bfd_min_tx_us", g->bfd_min_tx);
	json_uint("bfd_min_rx_us", g->bfd_min_rx);
	json_uint("bfd_multiplier", g->bfd_mult);
	if (!trunks)
		return;
	json_open_array("trunks");
	for (i = 0; i < g->n_trunks; i++) {
		json_open_object(NULL);
		json_ebinding_fields(&g->trunks[i], true);
		json_close_object();
	}
	json_close_array();
}

static uint32_t parse_egroup_id(const char *s)
{
	return parse_range("e-trunk ID", s, 1, ETRUNK_GROUP_MAX, "");
}

static struct nlattr *egroup_request(struct nl *nl, struct nlmsghdr **nlh,
				     uint8_t cmd, uint32_t id)
{
	struct nlattr *nest;

	*nlh = nl_request(nl, cmd, NLM_F_ACK);
	nest = mnl_attr_nest_start(*nlh, ETRUNK_A_GROUP);
	nest->nla_type |= NLA_F_NESTED;
	mnl_attr_put_u32(*nlh, ETRUNK_GROUP_A_ID, id);
	return nest;
}

static int cmd_egroup_show(int argc, char **argv)
{
	struct egroup_list l = { 0 };
	struct nlmsghdr *nlh;
	unsigned int i;
	struct nl nl;
	int err;

	if (argc > 1)
		usage_error("e-trunk show takes at most one ID, not '%s'", argv[1]);
	nl_start(&nl);
	l.family = nl.family;
	if (argc == 1) {
		struct nlattr *nest = egroup_request(&nl, &nlh, ETRUNK_CMD_GET_GROUP,
				      parse_egroup_id(argv[0]));
		mnl_attr_nest_end(nlh, nest);
	} else {
		nlh = nl_request(&nl, ETRUNK_CMD_GET_GROUP, NLM_F_DUMP);
	}
	err = nl_talk(&nl, nlh, egroup_list_cb, &l);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	if (json) {
		json_init(stdout, pretty);
		json_open_array(NULL);
		for (i = 0; i < l.n; i++) {
			json_open_object(NULL);
			json_egroup_fields(&l.v[i], true);
			json_close_object();
		}
		json_close_array();
	} else {
		for (i = 0; i < l.n; i++) {
			if (i)
				putchar('\n');
			print_egroup_plain(&l.v[i]);
		}
	}
	free(l.v);
	return 0;
}

static void put_egroup_addr(struct nlmsghdr *nlh, uint16_t type,
			    const char *key, const char *val)
{
	struct addr a = { 0 };

	if (type == ETRUNK_GROUP_A_LIVENESS_ADDR && !strcmp(val, "none")) {
		mnl_attr_put(nlh, type, 0, NULL);
		return;
	}
	parse_target(key, val, 0, &a);
	mnl_attr_put(nlh, type, a.len, a.a);
}

/* e-trunk add|set ID [ option value ]... */
static int cmd_egroup_change(uint8_t cmd, int argc, char **argv)
{
	uint32_t seen = 0;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	uint32_t id;
	int i, err;

	if (argc < 1)
		usage_error("e-trunk %s needs an ID",
			    cmd == ETRUNK_CMD_NEW_GROUP ? "add" : "set");
	id = parse_egroup_id(argv[0]);
	if (cmd == ETRUNK_CMD_SET_GROUP && argc < 2)
		usage_error("e-trunk set %s: nothing to set", argv[0]);
	nl_start(&nl);
	nest = egroup_request(&nl, &nlh, cmd, id);
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);
		unsigned int type;
		uint8_t mac[6];
		char end;

		if (!strcmp(key, "priority")) {
			type = ETRUNK_GROUP_A_PRIORITY;
			mnl_attr_put_u8(nlh, type, (uint8_t)parse_range(key, val, 1, 254, ""));
		} else if (matches(key, "system-id", "system_id")) {
			type = ETRUNK_GROUP_A_SYSTEM;
			if (sscanf(val, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx%c", &mac[0],
				   &mac[1], &mac[2], &mac[3], &mac[4], &mac[5],
				   &end) != 6)
				usage_error("%s: '%s' is not a MAC address", key, val);
			mnl_attr_put(nlh, type, 6, mac);
		} else if (!strcmp(key, "peer")) {
			type = ETRUNK_GROUP_A_PEER_ADDR;
			put_egroup_addr(nlh, type, key, val);
		} else if (!strcmp(key, "source")) {
			type = ETRUNK_GROUP_A_SOURCE_ADDR;
			put_egroup_addr(nlh, type, key, val);
		} else if (!strcmp(key, "liveness")) {
			type = ETRUNK_GROUP_A_LIVENESS_ADDR;
			put_egroup_addr(nlh, type, key, val);
		} else if (!strcmp(key, "port")) {
			type = ETRUNK_GROUP_A_PORT;
			mnl_attr_put_u16(nlh, type, (uint16_t)parse_range(key, val, 1, 65535, ""));
		} else if (!strcmp(key, "key")) {
			uint8_t k[ETRUNK_GROUP_KEY_MAX];

			type = ETRUNK_GROUP_A_KEY;
			mnl_attr_put(nlh, type, parse_key(key, val, k), k);
		} else if (matches(key, "hello", "hello-interval")) {
			type = ETRUNK_GROUP_A_HELLO_INTERVAL;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, ETRUNK_GROUP_MIN_HELLO_INTERVAL,
						     ETRUNK_GROUP_MAX_HELLO_INTERVAL, " ms"));
		} else if (matches(key, "hold-multiplier", "hold")) {
			type = ETRUNK_GROUP_A_HOLD_MULT;
			mnl_attr_put_u8(nlh, type,
					(uint8_t)parse_range(key, val, ETRUNK_GROUP_MIN_HOLD_MULT,
							     255, ""));
		} else if (matches(key, "revert-delay", "revert_delay")) {
			type = ETRUNK_GROUP_A_REVERT_DELAY;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, 0, ETRUNK_GROUP_MAX_REVERT_DELAY,
						     " s"));
		} else if (matches(key, "description", "descr")) {
			type = ETRUNK_GROUP_A_DESCRIPTION;
			if (strlen(val) > ETRUNK_GROUP_DESCR_MAX)
				usage_error("%s: at most %d bytes", key,
					    ETRUNK_GROUP_DESCR_MAX);
			mnl_attr_put_strz(nlh, type, val);
		} else if (matches(key, "bfd-session", "bfd_session")) {
			type = ETRUNK_GROUP_A_BFD_SESSION;
			if (strlen(val) > ETRUNK_BFD_NAME_MAX)
				usage_error("%s: at most %d bytes", key,
					    ETRUNK_BFD_NAME_MAX);
			mnl_attr_put_strz(nlh, type, strcmp(val, "none") ? val : "");
		} else if (!strcmp(key, "bfd")) {
			type = ETRUNK_GROUP_A_BFD;
			mnl_attr_put_u8(nlh, type, parse_bool(key, val, "on", "off"));
		} else if (matches(key, "bfd-min-tx", "bfd_min_tx")) {
			type = ETRUNK_GROUP_A_BFD_MIN_TX;
			mnl_attr_put_u32(nlh, type,
					 parse_ms(key, val, ETRUNK_BFD_MIN_INTERVAL,
						  ETRUNK_BFD_MAX_INTERVAL));
		} else if (matches(key, "bfd-min-rx", "bfd_min_rx")) {
			type = ETRUNK_GROUP_A_BFD_MIN_RX;
			mnl_attr_put_u32(nlh, type,
					 parse_ms(key, val, ETRUNK_BFD_MIN_INTERVAL,
						  ETRUNK_BFD_MAX_INTERVAL));
		} else if (matches(key, "bfd-multiplier", "bfd_multiplier")) {
			type = ETRUNK_GROUP_A_BFD_MULT;
			mnl_attr_put_u8(nlh, type,
					(uint8_t)parse_range(key, val, 1, 255, ""));
		} else {
			usage_error("e-trunk: unknown option '%s'", key);
		}
		if (seen & (1u << type))
			usage_error("%s given twice", key);
		seen |= 1u << type;
	}
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

static int cmd_egroup_del(int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int err;

	if (argc != 1)
		usage_error("e-trunk del needs one ID");
	nl_start(&nl);
	nest = egroup_request(&nl, &nlh, ETRUNK_CMD_DEL_GROUP,
			      parse_egroup_id(argv[0]));
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

/*
 * e-trunk bind TRUNK group ID id N [mode M] [remote-id N|none] [basis B]
 * (BIND_TRUNK), or with @cmd SET_BINDING without "group ID" and "id N"
 * needed.
 */
static int cmd_egroup_bind(uint8_t cmd, int argc, char **argv)
{
	const char *what = cmd == ETRUNK_CMD_BIND_TRUNK ? "bind" : "bind-set";
	bool have_group = false;
	uint32_t seen = 0;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int i, err;

	if (argc < 1)
		usage_error("e-trunk %s needs a trunk device", what);
	nl_start(&nl);
	nlh = nl_request(&nl, cmd, NLM_F_ACK);
	put_name(nlh, ETRUNK_A_IFNAME, argv[0]);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_BINDING);
	nest->nla_type |= NLA_F_NESTED;
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);
		unsigned int type;

		if (!strcmp(key, "group")) {
			type = ETRUNK_BIND_A_GROUP;
			mnl_attr_put_u32(nlh, type, parse_egroup_id(val));
			have_group = true;
		} else if (!strcmp(key, "id")) {
			type = ETRUNK_BIND_A_ID;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, 1, UINT32_MAX, ""));
		} else if (!strcmp(key, "mode")) {
			type = ETRUNK_BIND_A_MODE;
			mnl_attr_put_u8(nlh, type,
					parse_enum(key, val, NAMES(etrunk_egroup_mode_names)));
		} else if (matches(key, "remote-id", "remote_id")) {
			type = ETRUNK_BIND_A_REMOTE_ID;
			if (!strcmp(val, "none"))
				mnl_attr_put(nlh, ETRUNK_BIND_A_CLEAR_REMOTE_ID, 0, NULL);
			else
				mnl_attr_put_u32(nlh, type,
						 parse_uint(key, val, UINT32_MAX));
		} else if (!strcmp(key, "basis")) {
			type = ETRUNK_BIND_A_BASIS;
			mnl_attr_put_u8(nlh, type,
					parse_enum(key, val, NAMES(etrunk_egroup_basis_names)));
		} else {
			usage_error("e-trunk %s: unknown option '%s'", what, key);
		}
		if (seen & (1u << type))
			usage_error("%s given twice", key);
		seen |= 1u << type;
	}
	if (cmd == ETRUNK_CMD_BIND_TRUNK && !have_group)
		usage_error("e-trunk bind %s: which group? (group ID)", argv[0]);
	if (cmd == ETRUNK_CMD_BIND_TRUNK && !(seen & (1u << ETRUNK_BIND_A_ID)))
		usage_error("e-trunk bind %s: which member trunk id? (id N, the same on both devices unless remote-id is set)",
			    argv[0]);
	if (cmd == ETRUNK_CMD_SET_BINDING && !seen)
		usage_error("e-trunk bind-set %s: nothing to set", argv[0]);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

static int cmd_egroup_unbind(int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nl nl;
	int err;

	if (argc != 1)
		usage_error("e-trunk unbind needs one trunk device");
	nl_start(&nl);
	nlh = nl_request(&nl, ETRUNK_CMD_UNBIND_TRUNK, NLM_F_ACK);
	put_name(nlh, ETRUNK_A_IFNAME, argv[0]);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

/*
 * e-trunk role TRUNK master|backup [reason R]: what etrunkd writes
 * (SET_ROLE), for tests and for running without etrunkd.
 */
static int cmd_egroup_role(int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	uint8_t role;
	struct nl nl;
	int err;

	if (argc != 2 && argc != 4)
		usage_error("e-trunk role needs a trunk device and master or backup [reason R]");
	if (!strcmp(argv[1], "master"))
		role = ETRUNK_EROLE_MASTER;
	else if (!strcmp(argv[1], "backup"))
		role = ETRUNK_EROLE_BACKUP;
	else
		usage_error("e-trunk role: master or backup, not '%s'", argv[1]);
	if (argc == 4 && strcmp(argv[2], "reason"))
		usage_error("e-trunk role: unknown option '%s'", argv[2]);
	nl_start(&nl);
	nlh = nl_request(&nl, ETRUNK_CMD_SET_ROLE, NLM_F_ACK);
	put_name(nlh, ETRUNK_A_IFNAME, argv[0]);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_BINDING);
	nest->nla_type |= NLA_F_NESTED;
	mnl_attr_put_u8(nlh, ETRUNK_BIND_A_ROLE, role);
	if (argc == 4)
		mnl_attr_put_u8(nlh, ETRUNK_BIND_A_REASON,
				parse_enum("reason", argv[3],
					   NAMES(etrunk_ereason_names)));
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

static int cmd_egroup(int argc, char **argv)
{
	if (argc < 1)
		usage_error("e-trunk needs add, set, del, show, bind, bind-set, unbind or role");
	if (!strcmp(argv[0], "show"))
		return cmd_egroup_show(argc - 1, argv + 1);
	if (!strcmp(argv[0], "add"))
		return cmd_egroup_change(ETRUNK_CMD_NEW_GROUP, argc - 1, argv + 1);
	if (!strcmp(argv[0], "set"))
		return cmd_egroup_change(ETRUNK_CMD_SET_GROUP, argc - 1, argv + 1);
	if (matches(argv[0], "del", "delete"))
		return cmd_egroup_del(argc - 1, argv + 1);
	if (!strcmp(argv[0], "bind"))
		return cmd_egroup_bind(ETRUNK_CMD_BIND_TRUNK, argc - 1, argv + 1);
	if (!strcmp(argv[0], "bind-set"))
		return cmd_egroup_bind(ETRUNK_CMD_SET_BINDING, argc - 1, argv + 1);
	if (!strcmp(argv[0], "unbind"))
		return cmd_egroup_unbind(argc - 1, argv + 1);
	if (!strcmp(argv[0], "role"))
		return cmd_egroup_role(argc - 1, argv + 1);
	usage_error("unknown e-trunk command '%s'", argv[0]);
}

/* Events of E-Trunk groups: the group, or the trunk and its binding. */
static void print_egroup_event(const struct nlmsghdr *nlh,
			       const struct trunk *t)
{
	const struct nlattr *a;
	struct ebinding b = { 0 };
	struct egroup *g = calloc(1, sizeof(*g));
	bool has_g = false, has_b = false;

	if (!g)
		out_of_memory();
	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) == ETRUNK_A_GROUP) {
			parse_egroup(a, g);
			has_g = true;
		} else if (mnl_attr_get_type(a) == ETRUNK_A_BINDING) {
			parse_ebinding(a, &b);
			has_b = true;
		}
	}
	if (json) {
		json_open_object(NULL);
		json_uint("seq", t->event_seq);
		json_enum("event", NAMES(etrunk_event_names), t->event);
		if (has_g) {
			json_open_object("e_trunk");
			json_egroup_fields(g, false);
			json_close_object();
		}
		if (has_b) {
			json_open_object("binding");
			json_ebinding_fields(&b, true);
			json_close_object();
		}
		json_close_object();
	} else {
		char buf[32];

		printf("seq %u %s", t->event_seq,
		       enum_str(NAMES(etrunk_event_names), t->event, buf,
				sizeof(buf)));
		if (has_g)
			printf(" e-trunk %u priority %u peer-state %s", g->id,
			       g->priority,
			       enum_str(NAMES(etrunk_peer_state_names),
					g->peer_state, buf, sizeof(buf)));
		if (has_b) {
			printf(" trunk %s e-trunk %u mode %s", b.ifname, b.group,
			       enum_str(NAMES(etrunk_egroup_mode_names), b.mode,
					buf, sizeof(buf)));
			printf(" role %s", enum_str(NAMES(etrunk_erole_names),
						    b.role, buf, sizeof(buf)));
			printf(" reason %s\n", enum_str(NAMES(etrunk_ereason_names),
							b.reason, buf,
							sizeof(buf)));
		} else {
			putchar('\n');
		}
	}
	free(g);
}

/* ---- remote backup services and profiles ------------------------------ */

static const char *const rbs_state_names[] = {
	[ETRUNK_RBS_DOWN] = "down",
	[ETRUNK_RBS_CONNECTING] = "connecting",
	[ETRUNK_RBS_SYNCING] = "syncing",
	[ETRUNK_RBS_UP] = "up",
};

static const char *const rbp_type_names[] = {
	[ETRUNK_RBP_HOT] = "hot",
};

/* By bit index (enum etrunk_rbp_kind). */
static const char *const rbp_kind_names[] = {
	[ETRUNK_RBP_ARP] = "arp",
	[ETRUNK_RBP_ND] = "nd",
	[ETRUNK_RBP_IGMP] = "igmp",
	[ETRUNK_RBP_MLD] = "mld",
};

static const char *const rbs_event_names[] = {
	[ETRUNK_EVENT_RBS_ADDED - ETRUNK_EVENT_RBS_ADDED] = "rbs-added",
	[ETRUNK_EVENT_RBS_CHANGED - ETRUNK_EVENT_RBS_ADDED] = "rbs-changed",
	[ETRUNK_EVENT_RBS_REMOVED - ETRUNK_EVENT_RBS_ADDED] = "rbs-removed",
	[ETRUNK_EVENT_RBS_STATE - ETRUNK_EVENT_RBS_ADDED] = "rbs-state",
	[ETRUNK_EVENT_RBP_ADDED - ETRUNK_EVENT_RBS_ADDED] = "rbp-added",
	[ETRUNK_EVENT_RBP_CHANGED - ETRUNK_EVENT_RBS_ADDED] = "rbp-changed",
	[ETRUNK_EVENT_RBP_REMOVED - ETRUNK_EVENT_RBS_ADDED] = "rbp-removed",
	[ETRUNK_EVENT_RBP_STATE - ETRUNK_EVENT_RBS_ADDED] = "rbp-state",
};

/* The per-kind counters, in ETRUNK_RBP_KS_A_SENT ... _FAILED order. */
static const char *const rbp_counter_names[] = {
	"sent", "received", "installed", "removed", "entries", "failed",
};

#define RBP_N_COUNTERS ARRAY_SIZE(rbp_counter_names)

_Static_assert(ETRUNK_RBP_KS_A_FAILED - ETRUNK_RBP_KS_A_SENT + 1 ==
	       ARRAY_SIZE(rbp_counter_names), "one name per counter");
_Static_assert(ETRUNK_RBS_A_MAX < 64 && ETRUNK_RBP_A_MAX < 64,
	       "struct rbs's and rbp's has are 64 bits");

struct rbs {
	uint64_t has;	/* bit ETRUNK_RBS_A_x */
	char name[ETRUNK_RBS_NAME_MAX + 1];
	char descr[ETRUNK_RBS_DESCR_MAX + 1];
	struct addr peer, source;
	uint16_t port;
	uint8_t key_set, state;
	uint32_t hold_time, keepalive, sync_duration;
	uint64_t state_age, connects, auth_failures, errors, sync_age;
};

struct rbp {
	uint64_t has;	/* bit ETRUNK_RBP_A_x */
	char name[ETRUNK_RBS_NAME_MAX + 1];
	char service[ETRUNK_RBS_NAME_MAX + 1];
	char ifname[IFNAMSIZ];
	uint8_t type;
	uint32_t backup_id, kinds, ifindex, group, trunk_id;
	uint32_t stats_kinds;	/* the kinds ETRUNK_RBP_A_STATS reported */
	uint64_t stats[ETRUNK_RBP_KIND_MAX + 1][RBP_N_COUNTERS];
};

static void parse_rbs(const struct nlattr *nest, struct rbs *s)
{
	const struct nlattr *a;

	memset(s, 0, sizeof(*s));
	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);
		enum mnl_attr_data_type dt = MNL_TYPE_UNSPEC;

		switch (type) {
		case ETRUNK_RBS_A_NAME:
		case ETRUNK_RBS_A_DESCRIPTION:
			dt = MNL_TYPE_NUL_STRING;
			break;
		case ETRUNK_RBS_A_PORT:
			dt = MNL_TYPE_U16;
			break;
		case ETRUNK_RBS_A_KEY_SET:
		case ETRUNK_RBS_A_STATE:
			dt = MNL_TYPE_U8;
			break;
		case ETRUNK_RBS_A_HOLD_TIME:
		case ETRUNK_RBS_A_KEEPALIVE:
		case ETRUNK_RBS_A_LAST_SYNC_DURATION:
			dt = MNL_TYPE_U32;
			break;
		case ETRUNK_RBS_A_STATE_AGE:
		case ETRUNK_RBS_A_CONNECTS:
		case ETRUNK_RBS_A_AUTH_FAILURES:
		case ETRUNK_RBS_A_ERRORS:
		case ETRUNK_RBS_A_LAST_SYNC_AGE:
			dt = MNL_TYPE_U64;
			break;
		case ETRUNK_RBS_A_PEER_ADDR:
			get_addr(a, &s->peer);
			break;
		case ETRUNK_RBS_A_SOURCE_ADDR:
			get_addr(a, &s->source);
			break;
		default:
			continue;
		}
		if (dt != MNL_TYPE_UNSPEC && mnl_attr_validate(a, dt) < 0)
			continue;
		switch (type) {
		case ETRUNK_RBS_A_NAME:
			snprintf(s->name, sizeof(s->name), "%s", mnl_attr_get_str(a));
			break;
		case ETRUNK_RBS_A_DESCRIPTION:
			snprintf(s->descr, sizeof(s->descr), "%s", mnl_attr_get_str(a));
			break;
		case ETRUNK_RBS_A_PORT: s->port = mnl_attr_get_u16(a); break;
		case ETRUNK_RBS_A_KEY_SET: s->key_set = mnl_attr_get_u8(a); break;
		case ETRUNK_RBS_A_STATE: s->state = mnl_attr_get_u8(a); break;
		case ETRUNK_RBS_A_HOLD_TIME: s->hold_time = mnl_attr_get_u32(a); break;
		case ETRUNK_RBS_A_KEEPALIVE: s->keepalive = mnl_attr_get_u32(a); break;
		case ETRUNK_RBS_A_LAST_SYNC_DURATION:
			s->sync_duration = mnl_attr_get_u32(a);
			break;
		case ETRUNK_RBS_A_STATE_AGE: s->state_age = mnl_attr_get_u64(a); break;
		case ETRUNK_RBS_A_CONNECTS: s->connects = mnl_attr_get_u64(a); break;
		case ETRUNK_RBS_A_AUTH_FAILURES:
			s->auth_failures = mnl_attr_get_u64(a);
			break;
		case ETRUNK_RBS_A_ERRORS: s->errors = mnl_attr_get_u64(a); break;
		case ETRUNK_RBS_A_LAST_SYNC_AGE: s->sync_age = mnl_attr_get_u64(a); break;
		}
		s->has |= BIT64(type);
	}
}

static void parse_rbp_kind_stats(const struct nlattr *nest, struct rbp *p)
{
	uint64_t v[RBP_N_COUNTERS] = { 0 };
	const struct nlattr *a;
	int kind = -1;

	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type == ETRUNK_RBP_KS_A_KIND) {
			if (!mnl_attr_validate(a, MNL_TYPE_U8))
				kind = mnl_attr_get_u8(a);
		} else if (type >= ETRUNK_RBP_KS_A_SENT &&
			   type <= ETRUNK_RBP_KS_A_FAILED &&
			   !mnl_attr_validate(a, MNL_TYPE_U64)) {
			v[type - ETRUNK_RBP_KS_A_SENT] = mnl_attr_get_u64(a);
		}
	}
	if (kind < 0 || kind > ETRUNK_RBP_KIND_MAX)
		return;
	memcpy(p->stats[kind], v, sizeof(v));
	p->stats_kinds |= 1u << kind;
}

static void parse_rbp(const struct nlattr *nest, struct rbp *p)
{
	const struct nlattr *a, *b;

	memset(p, 0, sizeof(*p));
	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);
		enum mnl_attr_data_type dt;

		switch (type) {
		case ETRUNK_RBP_A_NAME:
		case ETRUNK_RBP_A_SERVICE:
		case ETRUNK_RBP_A_IFNAME:
			dt = MNL_TYPE_NUL_STRING;
			break;
		case ETRUNK_RBP_A_TYPE:
			dt = MNL_TYPE_U8;
			break;
		case ETRUNK_RBP_A_BACKUP_ID:
		case ETRUNK_RBP_A_KINDS:
		case ETRUNK_RBP_A_IFINDEX:
		case ETRUNK_RBP_A_GROUP:
		case ETRUNK_RBP_A_TRUNK_ID:
			dt = MNL_TYPE_U32;
			break;
		case ETRUNK_RBP_A_STATS:
			dt = MNL_TYPE_NESTED;
			break;
		default:
			continue;
		}
		if (mnl_attr_validate(a, dt) < 0)
			continue;
		switch (type) {
		case ETRUNK_RBP_A_NAME:
			snprintf(p->name, sizeof(p->name), "%s", mnl_attr_get_str(a));
			break;
		case ETRUNK_RBP_A_SERVICE:
			snprintf(p->service, sizeof(p->service), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_RBP_A_IFNAME:
			copy_name(p->ifname, a);
			break;
		case ETRUNK_RBP_A_TYPE: p->type = mnl_attr_get_u8(a); break;
		case ETRUNK_RBP_A_BACKUP_ID: p->backup_id = mnl_attr_get_u32(a); break;
		case ETRUNK_RBP_A_KINDS: p->kinds = mnl_attr_get_u32(a); break;
		case ETRUNK_RBP_A_IFINDEX: p->ifindex = mnl_attr_get_u32(a); break;
		case ETRUNK_RBP_A_GROUP: p->group = mnl_attr_get_u32(a); break;
		case ETRUNK_RBP_A_TRUNK_ID: p->trunk_id = mnl_attr_get_u32(a); break;
		case ETRUNK_RBP_A_STATS:
			mnl_attr_for_each_nested(b, a)
				if (mnl_attr_get_type(b) == ETRUNK_RBP_A_KIND_STATS)
					parse_rbp_kind_stats(b, p);
			break;
		}
		p->has |= BIT64(type);
	}
}

/* Services or profiles of a reply or dump, by their nest @attr. */
struct rb_list {
	uint16_t family;
	uint16_t attr;
	size_t size;
	unsigned int n, cap;
	void *v;
};

static int rb_list_cb(const struct nlmsghdr *nlh, void *data)
{
	struct rb_list *l = data;
	const struct nlattr *a;

	if (!genl_msg_ok(nlh, l->family))
		return MNL_CB_OK;
	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) != l->attr)
			continue;
		if (l->n == l->cap) {
			unsigned int cap = l->cap ? 2 * l->cap : 4;
			void *v = realloc(l->v, cap * l->size);

			if (!v)
				out_of_memory();
			l->v = v;
			l->cap = cap;
		}
		if (l->attr == ETRUNK_A_RBS)
			parse_rbs(a, (struct rbs *)l->v + l->n++);
		else
			parse_rbp(a, (struct rbp *)l->v + l->n++);
	}
	return MNL_CB_OK;
}

/* Milliseconds as seconds with one decimal: 12.3. */
static const char *secs_str(uint64_t ms, char *buf, size_t len)
{
	snprintf(buf, len, "%" PRIu64 ".%" PRIu64, ms / 1000, ms % 1000 / 100);
	return buf;
}

/* Milliseconds as seconds with two decimals: 0.41. */
static const char *secs2_str(uint64_t ms, char *buf, size_t len)
{
	snprintf(buf, len, "%" PRIu64 ".%02" PRIu64, ms / 1000, ms % 1000 / 10);
	return buf;
}

/*
 *   rbs pe2: up for 5.2 s, peer 192.0.2.2, source 192.0.2.1, port 6787
 *     key set, hold-time 60 s, keepalive 1000 ms
 *     description "to PE2"
 *     connects 3, errors 0, auth-failures 0
 *     last full sync 12.3 s ago, took 0.41 s
 */
static void print_rbs_plain(const struct rbs *s)
{
	char a[INET6_ADDRSTRLEN], b[40];

	printf("rbs %s: %s", s->name,
	       enum_str(NAMES(rbs_state_names), s->state, b, sizeof(b)));
	if (HAS(s, ETRUNK_RBS_A_STATE_AGE))
		printf(" for %s s", secs_str(s->state_age, b, sizeof(b)));
	printf(", peer %s", addr_str(&s->peer, a, sizeof(a)));
	printf(", source %s, port %u\n", addr_str(&s->source, a, sizeof(a)),
	       s->port);
	printf("  key %s, hold-time %" PRIu32 " s, keepalive %" PRIu32 " ms\n",
	       s->key_set ? "set" : "unset", s->hold_time, s->keepalive);
	if (s->descr[0])
		printf("  description \"%s\"\n", s->descr);
	printf("  connects %" PRIu64 ", errors %" PRIu64 ", auth-failures %" PRIu64
	       "\n", s->connects, s->errors, s->auth_failures);
	if (HAS(s, ETRUNK_RBS_A_LAST_SYNC_AGE)) {
		char c[40];

		printf("  last full sync %s s ago, took %s s\n",
		       secs_str(s->sync_age, b, sizeof(b)),
		       secs2_str(s->sync_duration, c, sizeof(c)));
	} else {
		puts("  no full sync yet");
	}
}

static void json_rbs_fields(const struct rbs *s)
{
	char a[INET6_ADDRSTRLEN];

	json_string("name", s->name);
	json_enum("state", NAMES(rbs_state_names), s->state);
	if (HAS(s, ETRUNK_RBS_A_STATE_AGE))
		json_uint("state_age_ms", s->state_age);
	else
		json_null("state_age_ms");
	json_string("peer", addr_str(&s->peer, a, sizeof(a)));
	json_string("source", addr_str(&s->source, a, sizeof(a)));
	json_uint("port", s->port);
	json_bool("key_set", s->key_set);
	json_uint("hold_time_s", s->hold_time);
	json_uint("keepalive_ms", s->keepalive);
	if (s->descr[0])
		json_string("description", s->descr);
	else
		json_null("description");
	json_uint("connects", s->connects);
	json_uint("errors", s->errors);
	json_uint("auth_failures", s->auth_failures);
	if (HAS(s, ETRUNK_RBS_A_LAST_SYNC_AGE)) {
		json_uint("last_sync_age_ms", s->sync_age);
		json_uint("last_sync_duration_ms", s->sync_duration);
	} else {
		json_null("last_sync_age_ms");
		json_null("last_sync_duration_ms");
	}
}

/* "arp,nd,igmp,mld" of ETRUNK_RBP_KIND_* bits. */
static const char *kinds_str(uint32_t kinds, char *buf, size_t len)
{
	size_t n = 0;
	unsigned int k;

	buf[0] = '\0';
	for (k = 0; k < ARRAY_SIZE(rbp_kind_names); k++) {
		if (!(kinds & (1u << k)))
			continue;
		n += (size_t)snprintf(buf + n, n < len ? len - n : 0, "%s%s",
				      n ? "," : "", rbp_kind_names[k]);
	}
	if (!n)
		snprintf(buf, len, "none");
	return buf;
}

static const char *const rbp_stats_head[] = {
	"kind", "sent", "received", "installed", "removed", "entries",
	"failed",
};

/*
 *   rbp arp10: service pe2, backup-id 10, hot, kinds arp,nd,igmp,mld
 *     trunk et0, e-trunk 1, trunk id 10
 *     kind  sent  received  installed  removed  entries  failed
 *     arp   12    8         8          0        8        0
 */
static void print_rbp_plain(const struct rbp *p)
{
	char b[64];
	struct table tb;
	unsigned int k, i, row = 0;

	printf("rbp %s: service %s, backup-id %" PRIu32 ", %s, kinds %s\n",
	       p->name, p->service, p->backup_id,
	       enum_str(NAMES(rbp_type_names), p->type, b, sizeof(b)),
	       kinds_str(p->kinds, b, sizeof(b)));
	if (p->ifname[0])
		printf("  trunk %s", p->ifname);
	else
		printf("  trunk if%" PRIu32, p->ifindex);
	if (p->group)
		printf(", e-trunk %" PRIu32 ", trunk id %" PRIu32 "\n", p->group,
		       p->trunk_id);
	else
		puts(", not bound to an e-trunk");
	table_init(&tb, ETRUNK_RBP_KIND_MAX + 1, rbp_stats_head,
		   ARRAY_SIZE(rbp_stats_head));
	for (k = 0; k <= ETRUNK_RBP_KIND_MAX; k++) {
		if (!(p->stats_kinds & (1u << k)))
			continue;
		table_set(&tb, row, 0, rbp_kind_names[k]);
		for (i = 0; i < RBP_N_COUNTERS; i++) {
			snprintf(b, sizeof(b), "%" PRIu64, p->stats[k][i]);
			table_set(&tb, row, 1 + i, b);
		}
		row++;
	}
	table_print(&tb, "  ");
}

static void json_rbp_fields(const struct rbp *p)
{
	char b[40];
	unsigned int k, i;

	json_string("name", p->name);
	json_string("service", p->service);
	json_uint("backup_id", p->backup_id);
	json_enum("type", NAMES(rbp_type_names), p->type);
	json_open_array("kinds");
	for (k = 0; k < ARRAY_SIZE(rbp_kind_names); k++)
		if (p->kinds & (1u << k))
			json_string(NULL, rbp_kind_names[k]);
	json_close_array();
	if (p->ifname[0])
		json_string("dev", p->ifname);
	else
		json_null("dev");
	json_uint("ifindex", p->ifindex);
	if (p->group) {
		json_uint("e_trunk", p->group);
		json_uint("trunk_id", p->trunk_id);
	} else {
		json_null("e_trunk");
		json_null("trunk_id");
	}
	json_open_object("stats");
	for (k = 0; k <= ETRUNK_RBP_KIND_MAX; k++) {
		if (!(p->stats_kinds & (1u << k)))
			continue;
		json_open_object(enum_str(NAMES(rbp_kind_names), k, b, sizeof(b)));
		for (i = 0; i < RBP_N_COUNTERS; i++)
			json_uint(rbp_counter_names[i], p->stats[k][i]);
		json_close_object();
	}
	json_close_object();
}

/* Start a request of @cmd with the nest @attr naming @name. */
static struct nlattr *rb_request(struct nl *nl, struct nlmsghdr **nlh,
				 uint8_t cmd, uint16_t flags, uint16_t attr,
				 const char *name)
{
	struct nlattr *nest;

	if (strlen(name) > ETRUNK_RBS_NAME_MAX)
		usage_error("a name is at most %d bytes, not '%s'",
			    ETRUNK_RBS_NAME_MAX, name);
	*nlh = nl_request(nl, cmd, flags);
	nest = mnl_attr_nest_start(*nlh, attr);
	nest->nla_type |= NLA_F_NESTED;
	/* ETRUNK_RBS_A_NAME and ETRUNK_RBP_A_NAME are the same number. */
	mnl_attr_put_strz(*nlh, ETRUNK_RBS_A_NAME, name);
	return nest;
}

/* rbs show [NAME] and rbp show [NAME] */
static int cmd_rb_show(bool rbs, int argc, char **argv)
{
	struct rb_list l = { 0 };
	uint8_t cmd = rbs ? ETRUNK_CMD_GET_RBS : ETRUNK_CMD_GET_RBP;
	struct nlmsghdr *nlh;
	unsigned int i;
	struct nl nl;
	int err;

	if (argc > 1)
		usage_error("%s show takes at most one name, not '%s'",
			    rbs ? "rbs" : "rbp", argv[1]);
	nl_start(&nl);
	l.family = nl.family;
	l.attr = rbs ? ETRUNK_A_RBS : ETRUNK_A_RBP;
	l.size = rbs ? sizeof(struct rbs) : sizeof(struct rbp);
	if (argc == 1) {
		struct nlattr *nest = rb_request(&nl, &nlh, cmd, NLM_F_ACK,
						 l.attr, argv[0]);
		mnl_attr_nest_end(nlh, nest);
	} else {
		nlh = nl_request(&nl, cmd, NLM_F_DUMP);
	}
	err = nl_talk(&nl, nlh, rb_list_cb, &l);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	if (json) {
		json_init(stdout, pretty);
		json_open_array(NULL);
	}
	for (i = 0; i < l.n; i++) {
		if (json) {
			json_open_object(NULL);
			if (rbs)
				json_rbs_fields((struct rbs *)l.v + i);
			else
				json_rbp_fields((struct rbp *)l.v + i);
			json_close_object();
			continue;
		}
		if (i)
			putchar('\n');
		if (rbs)
			print_rbs_plain((struct rbs *)l.v + i);
		else
			print_rbp_plain((struct rbp *)l.v + i);
	}
	if (json)
		json_close_array();
	free(l.v);
	return 0;
}

static void put_rbs_addr(struct nlmsghdr *nlh, uint16_t type, const char *key,
			 const char *val)
{
	struct addr a = { 0 };

	parse_target(key, val, 0, &a);
	mnl_attr_put(nlh, type, a.len, a.a);
}

/* rbs add|set NAME [ option value ]... */
static int cmd_rbs_change(uint8_t cmd, int argc, char **argv)
{
	const char *what = cmd == ETRUNK_CMD_NEW_RBS ? "add" : "set";
	uint64_t seen = 0;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int i, err;

	if (argc < 1)
		usage_error("rbs %s needs a service name", what);
	if (cmd == ETRUNK_CMD_SET_RBS && argc < 2)
		usage_error("rbs set %s: nothing to set", argv[0]);
	nl_start(&nl);
	nest = rb_request(&nl, &nlh, cmd, NLM_F_ACK, ETRUNK_A_RBS, argv[0]);
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);
		unsigned int type;

		if (!strcmp(key, "peer")) {
			type = ETRUNK_RBS_A_PEER_ADDR;
			put_rbs_addr(nlh, type, key, val);
		} else if (!strcmp(key, "source")) {
			type = ETRUNK_RBS_A_SOURCE_ADDR;
			put_rbs_addr(nlh, type, key, val);
		} else if (!strcmp(key, "port")) {
			type = ETRUNK_RBS_A_PORT;
			mnl_attr_put_u16(nlh, type,
					 (uint16_t)parse_range(key, val, 1, 65535, ""));
		} else if (!strcmp(key, "key")) {
			/* The message does not repeat the value: a secret. */
			type = ETRUNK_RBS_A_KEY;
			if (!strcmp(val, "none"))
				mnl_attr_put(nlh, type, 0, NULL);
			else if (!*val || strlen(val) > ETRUNK_RBS_KEY_MAX)
				usage_error("%s: 1 to %d bytes, or none", key,
					    ETRUNK_RBS_KEY_MAX);
			else
				mnl_attr_put(nlh, type, strlen(val), val);
		} else if (matches(key, "hold-time", "hold_time")) {
			type = ETRUNK_RBS_A_HOLD_TIME;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, 0,
						     ETRUNK_RBS_MAX_HOLD_TIME, " s"));
		} else if (!strcmp(key, "keepalive")) {
			type = ETRUNK_RBS_A_KEEPALIVE;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, ETRUNK_RBS_MIN_KEEPALIVE,
						     ETRUNK_RBS_MAX_KEEPALIVE, " ms"));
		} else if (matches(key, "description", "descr")) {
			type = ETRUNK_RBS_A_DESCRIPTION;
			if (strlen(val) > ETRUNK_RBS_DESCR_MAX)
				usage_error("%s: at most %d bytes", key,
					    ETRUNK_RBS_DESCR_MAX);
			mnl_attr_put_strz(nlh, type, val);
		} else {
			usage_error("rbs %s: unknown option '%s'", what, key);
		}
		if (seen & BIT64(type))
			usage_error("%s given twice", key);
		seen |= BIT64(type);
	}
	if (cmd == ETRUNK_CMD_NEW_RBS &&
	    !(seen & BIT64(ETRUNK_RBS_A_PEER_ADDR)))
		usage_error("rbs add %s: which peer? (peer ADDR)", argv[0]);
	if (cmd == ETRUNK_CMD_NEW_RBS &&
	    !(seen & BIT64(ETRUNK_RBS_A_SOURCE_ADDR)))
		usage_error("rbs add %s: which source? (source ADDR)", argv[0]);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

/* "arp,nd" or "all" as ETRUNK_RBP_KIND_* bits. */
static uint32_t parse_kinds(const char *key, const char *s)
{
	uint32_t kinds = 0;
	const char *p = s;

	if (!strcmp(s, "all"))
		return ETRUNK_RBP_KINDS_ALL;
	while (*p) {
		size_t len = strcspn(p, ",");
		unsigned int k;

		for (k = 0; k < ARRAY_SIZE(rbp_kind_names); k++)
			if (strlen(rbp_kind_names[k]) == len &&
			    !strncmp(p, rbp_kind_names[k], len))
				break;
		if (k == ARRAY_SIZE(rbp_kind_names))
			usage_error("%s: expected arp, nd, igmp and mld separated by commas, or all, not '%s'",
				    key, s);
		kinds |= 1u << k;
		p += len;
		if (*p == ',' && *++p == '\0')
			usage_error("%s: an empty value in the list", key);
	}
	if (!kinds)
		usage_error("%s: which kinds?", key);
	return kinds;
}

/* rbp add|set NAME [ option value ]... */
static int cmd_rbp_change(uint8_t cmd, int argc, char **argv)
{
	const char *what = cmd == ETRUNK_CMD_NEW_RBP ? "add" : "set";
	uint64_t seen = 0;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int i, err;

	if (argc < 1)
		usage_error("rbp %s needs a profile name", what);
	if (cmd == ETRUNK_CMD_SET_RBP && argc < 2)
		usage_error("rbp set %s: nothing to set", argv[0]);
	nl_start(&nl);
	nest = rb_request(&nl, &nlh, cmd, NLM_F_ACK, ETRUNK_A_RBP, argv[0]);
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);
		unsigned int type;

		if (!strcmp(key, "service")) {
			type = ETRUNK_RBP_A_SERVICE;
			if (strlen(val) > ETRUNK_RBS_NAME_MAX)
				usage_error("%s: a name is at most %d bytes", key,
					    ETRUNK_RBS_NAME_MAX);
			mnl_attr_put_strz(nlh, type, val);
		} else if (matches(key, "backup-id", "backup_id")) {
			type = ETRUNK_RBP_A_BACKUP_ID;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, 1, UINT32_MAX, ""));
		} else if (matches(key, "dev", "trunk")) {
			type = ETRUNK_RBP_A_IFNAME;
			put_name(nlh, type, val);
		} else if (!strcmp(key, "kinds")) {
			type = ETRUNK_RBP_A_KINDS;
			mnl_attr_put_u32(nlh, type, parse_kinds(key, val));
		} else if (!strcmp(key, "type")) {
			type = ETRUNK_RBP_A_TYPE;
			mnl_attr_put_u8(nlh, type,
					parse_enum(key, val, NAMES(rbp_type_names)));
		} else {
			usage_error("rbp %s: unknown option '%s'", what, key);
		}
		if (seen & BIT64(type))
			usage_error("%s given twice", key);
		seen |= BIT64(type);
	}
	if (cmd == ETRUNK_CMD_NEW_RBP) {
		if (!(seen & BIT64(ETRUNK_RBP_A_SERVICE)))
			usage_error("rbp add %s: which service? (service NAME)",
				    argv[0]);
		if (!(seen & BIT64(ETRUNK_RBP_A_BACKUP_ID)))
			usage_error("rbp add %s: which backup id? (backup-id N)",
				    argv[0]);
		if (!(seen & BIT64(ETRUNK_RBP_A_IFNAME)))
			usage_error("rbp add %s: which trunk? (dev TRUNK)", argv[0]);
	}
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

static int cmd_rb_del(bool rbs, int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int err;

	if (argc != 1)
		usage_error("%s del needs one name", rbs ? "rbs" : "rbp");
	nl_start(&nl);
	nest = rb_request(&nl, &nlh, rbs ? ETRUNK_CMD_DEL_RBS : ETRUNK_CMD_DEL_RBP,
			  NLM_F_ACK, rbs ? ETRUNK_A_RBS : ETRUNK_A_RBP, argv[0]);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

/* rbs ... and rbp ... */
static int cmd_rb(bool rbs, int argc, char **argv)
{
	const char *what = rbs ? "rbs" : "rbp";

	if (argc < 1)
		usage_error("%s needs add, set, del or show", what);
	if (!strcmp(argv[0], "show"))
		return cmd_rb_show(rbs, argc - 1, argv + 1);
	if (!strcmp(argv[0], "add"))
		return rbs ? cmd_rbs_change(ETRUNK_CMD_NEW_RBS, argc - 1, argv + 1) :
			     cmd_rbp_change(ETRUNK_CMD_NEW_RBP, argc - 1, argv + 1);
	if (!strcmp(argv[0], "set"))
		return rbs ? cmd_rbs_change(ETRUNK_CMD_SET_RBS, argc - 1, argv + 1) :
			     cmd_rbp_change(ETRUNK_CMD_SET_RBP, argc - 1, argv + 1);
	if (matches(argv[0], "del", "delete"))
		return cmd_rb_del(rbs, argc - 1, argv + 1);
	usage_error("unknown %s command '%s'", what, argv[0]);
}

/* Events of services and profiles. */
static void print_rb_event(const struct nlmsghdr *nlh, const struct trunk *t)
{
	const char *ev = rbs_event_names[t->event - ETRUNK_EVENT_RBS_ADDED];
	bool has_s = false, has_p = false;
	const struct nlattr *a;
	struct rbs s = { 0 };
	struct rbp p = { 0 };

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) == ETRUNK_A_RBS) {
			parse_rbs(a, &s);
			has_s = true;
		} else if (mnl_attr_get_type(a) == ETRUNK_A_RBP) {
			parse_rbp(a, &p);
			has_p = true;
		}
	}
	if (json) {
		json_open_object(NULL);
		json_uint("seq", t->event_seq);
		json_string("event", ev);
		if (has_s) {
			json_open_object("rbs");
			json_rbs_fields(&s);
			json_close_object();
		}
		if (has_p) {
			json_open_object("rbp");
			json_rbp_fields(&p);
			json_close_object();
		}
		json_close_object();
		return;
	}
	printf("seq %u %s", t->event_seq, ev);
	if (has_s) {
		char b[40];

		printf(" rbs %s state %s", s.name,
		       enum_str(NAMES(rbs_state_names), s.state, b, sizeof(b)));
	}
	if (has_p)
		printf(" rbp %s service %s backup-id %" PRIu32 " trunk %s", p.name,
		       p.service, p.backup_id, p.ifname);
	putchar('\n');
}

static int event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nl *nl = data;
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	struct trunk t = { 0 };

	if (!genl_msg_ok(nlh, nl->family) || genl->cmd != ETRUNK_CMD_EVENT)
		return MNL_CB_OK;
	parse_trunk(nlh, &t);
	if (t.event >= ETRUNK_EVENT_BFD_ADDED && t.event <= ETRUNK_EVENT_BFD_STATE)
		print_bfd_event(nlh, &t);
	else if (t.event >= ETRUNK_EVENT_RBS_ADDED && t.event <= ETRUNK_EVENT_RBP_STATE)
		print_rb_event(nlh, &t);
	else if (t.event >= ETRUNK_EVENT_GROUP_ADDED)
		print_egroup_event(nlh, &t);
	else if (json)
		print_event_json(&t);
	else
		print_event_plain(&t);
	free(t.members);
	/* One event, one line, at once: readers follow the output live. */
	fflush(stdout);
	return MNL_CB_OK;
}

static int cmd_monitor(int argc, char **argv)
{
	int rcvbuf = 1 << 20;
	struct nl nl;
	int err;

	if (argc)
		usage_error("monitor takes no arguments, not '%s'", argv[0]);
	nl_start(&nl);
	err = nl_join_events(&nl);
	if (err == -ENOENT) {
		fputs("etrunkctl: the etrunk family has no \"" ETRUNK_MCGRP_EVENTS
		      "\" group\n", stderr);
		return EXIT_FAIL;
	}
	if (err)
		nl_fail(&nl, err);
	/* Room for bursts (a trunk deleted with all its members); the
	 * kernel caps it at net.core.rmem_max.
	 */
	setsockopt(mnl_socket_get_fd(nl.sock), SOL_SOCKET, SO_RCVBUF, &rcvbuf,
		   sizeof(rcvbuf));
	json_init(stdout, false);
	for (;;) {
		ssize_t n = mnl_socket_recvfrom(nl.sock, nl.rbuf, NL_RECV_SIZE);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				/* The sequence numbers show how many. */
				fputs("etrunkctl: events lost: receive buffer full\n",
				      stderr);
				continue;
			}
			fprintf(stderr, "etrunkctl: %s\n", strerror(errno));
			return EXIT_FAIL;
		}
		mnl_cb_run(nl.rbuf, n, 0, 0, event_cb, &nl);
	}
}

/* ---- main ----------------------------------------------------------- */

static void usage(FILE *f)
{
	fputs("Usage: etrunkctl [OPTIONS] COMMAND\n"
	      "\n"
	      "       etrunkctl [-j [-p]] show [TRUNK]\n"
	      "       etrunkctl set TRUNK [ mode MODE ] [ hash_policy POLICY ]\n"
	      "                           [ min_links N ] [ max_links N ]\n"
	      "                           [ revertive { on | off } ] [ revert_delay MS ]\n"
	      "                           [ grat_arp N ] [ flush_count N ]\n"
	      "                           [ flush_interval MS ] [ flush_key { HEX | none } ]\n"
	      "                           [ flush_rx { on | off } ] [ probe_interval MS ]\n"
	      "                           [ probe_missed N ]\n"
	      "                           [ probe_target { ADDR[,ADDR...] | none } ]\n"
	      "                           [ lacp_rate { slow | fast } ]\n"
	      "                           [ lacp_role { master | backup } ]\n"
	      "                           [ lacp_select { count | bandwidth | priority } ]\n"
	      "                           [ lacp_preempt { on | off } ] [ lacp_preempt_delay MS ]\n"
	      "                           [ system_priority N ] [ system_id MAC ]\n"
	      "                           [ actor_key N ] [ port_offset N ]\n"
	      "       etrunkctl [-j [-p]] member show MEMBER\n"
	      "       etrunkctl member set MEMBER [ priority N ] [ master { on | off } ]\n"
	      "                                   [ admin { up | down } ]\n"
	      "                                   [ lacp_port_priority N ]\n"
	      "                                   [ lacp_active { on | off } ]\n"
	      "       etrunkctl flush-receive PORT on [ key { HEX | none } ]\n"
	      "                                       [ vlans { VID[,VID...] | all } ]\n"
	      "       etrunkctl flush-receive PORT off\n"
	      "       etrunkctl [-j [-p]] flush-receive show [PORT]\n"
	      "       etrunkctl [-j [-p]] e-trunk show [ID]\n"
	      "       etrunkctl e-trunk add ID system-id MAC source ADDR peer ADDR\n"
	      "                            [ priority N ] [ liveness { ADDR | none } ]\n"
	      "                            [ port N ] [ key { HEX | none } ]\n"
	      "                            [ hello MS ] [ hold-multiplier N ]\n"
	      "                            [ revert-delay S ] [ description TEXT ]\n"
	      "                            [ bfd-session { BFDNAME | none } ]\n"
	      "                            [ bfd { on | off } ] [ bfd-min-tx BFDMS ]\n"
	      "                            [ bfd-min-rx BFDMS ] [ bfd-multiplier N ]\n"
	      "       etrunkctl e-trunk set ID [ the options of add ]\n"
	      "       etrunkctl e-trunk del ID\n"
	      "       etrunkctl e-trunk bind TRUNK group ID id N [ mode EMODE ]\n"
	      "                              [ remote-id { N | none } ] [ basis BASIS ]\n"
	      "       etrunkctl e-trunk bind-set TRUNK [ id N ] [ mode EMODE ]\n"
	      "                                  [ remote-id { N | none } ] [ basis BASIS ]\n"
	      "       etrunkctl e-trunk unbind TRUNK\n"
	      "       etrunkctl e-trunk role TRUNK { master | backup } [ reason EREASON ]\n"
	      "       etrunkctl [-j [-p]] bfd show [BFDNAME]\n"
	      "       etrunkctl bfd add BFDNAME peer ADDR [ source { ADDR | none } ]\n"
	      "                             [ dev { IFNAME | none } ] [ type BFDTYPE ]\n"
	      "                             [ local-discr N ] [ remote-discr N ]\n"
	      "                             [ min-tx BFDMS ] [ min-rx BFDMS ]\n"
	      "                             [ multiplier N ] [ auth BFDAUTH ]\n"
	      "                             [ key-id N ] [ key TEXT ]\n"
	      "                             [ shutdown | no-shutdown ]\n"
	      "       etrunkctl bfd set BFDNAME [ the options of add ]\n"
	      "       etrunkctl bfd del BFDNAME\n"
	      "       etrunkctl [-j [-p]] rbs show [NAME]\n"
	      "       etrunkctl rbs add NAME peer ADDR source ADDR [ port N ]\n"
	      "                          [ key { STRING | none } ] [ hold-time S ]\n"
	      "                          [ keepalive MS ] [ description TEXT ]\n"
	      "       etrunkctl rbs set NAME [ the options of add ]\n"
	      "       etrunkctl rbs del NAME\n"
	      "       etrunkctl [-j [-p]] rbp show [NAME]\n"
	      "       etrunkctl rbp add NAME service SVC backup-id N dev TRUNK\n"
	      "                          [ kinds { KIND[,KIND...] | all } ] [ type hot ]\n"
	      "       etrunkctl rbp set NAME [ the options of add ]\n"
	      "       etrunkctl rbp del NAME\n"
	      "       etrunkctl [-j] monitor\n"
	      "       etrunkctl help\n"
	      "\n"
	      "OPTIONS := { -j[son] | -p[retty] | -V[ersion] | -h[elp] }\n"
	      "MODE := { loadbalance | backup | lacp }\n"
	      "POLICY := { layer2 | layer2+3 | layer3+4 | encap2+3 | encap3+4 }\n"
	      "N: min_links, max_links 0 to 256 (max_links 0: no limit);\n"
	      "   priority 0 to 65535, lower is preferred;\n"
	      "   grat_arp 0 to 255; flush_count 0 to 16; probe_missed 1 to 255;\n"
	      "   system_priority, actor_key, lacp_port_priority 1 to 65535;\n"
	      "   port_offset 0 to 65279\n"
	      "MAC: a unicast MAC address, the LACP system ID\n"
	      "MS: revert_delay 0 to 3600000; flush_interval 1 to 1000;\n"
	      "    probe_interval 0 (off) or 10 to 60000; lacp_preempt_delay\n"
	      "    0 to 180000\n"
	      "HEX: a key of 1 to 64 bytes as hex digits; none: no key\n"
	      "ADDR: an IPv4 or IPv6 address, at most 16; none: no targets\n"
	      "VID: 1 to 4094, at most 512; all: every VLAN\n"
	      "PORT: a bridge port\n"
	      "E-Trunk: ID 1 to 16; priority 1 to 254 (lower wins, default 100);\n"
	      "   port 1 to 65535 (default 61000); hello 10 to 60000 ms (default\n"
	      "   1000); hold-multiplier 3 to 255 (default 3); revert-delay 0 to\n"
	      "   3600 s (default 120); description up to 64 bytes; key as above;\n"
	      "   source, peer and liveness of one family; a member trunk's id 1 to\n"
	      "   4294967295, unique in its group\n"
	      "EMODE := { auto | force-master | force-backup }\n"
	      "EREASON: a reason of etrunkd's election (e.g. higher-priority)\n"
	      "BASIS := { priority | links | bandwidth }\n"
	      "BFD: BFDNAME 1 to 31 letters, digits, '-', '_', '.'; BFDTYPE := {\n"
	      "   single-hop | multihop | micro } (multihop and micro need a source;\n"
	      "   micro: dev is the trunk); local-discr 1 to 8191 (default: one\n"
	      "   above 8191 picked by the kernel); remote-discr 0 (learned) to 8191;\n"
	      "   BFDMS 1 to 60000 ms, decimals allowed (default 300); multiplier\n"
	      "   1 to 255 (default 3); BFDAUTH := { none | simple | keyed-md5 |\n"
	      "   meticulous-md5 | keyed-sha1 | meticulous-sha1 }, key 1 to 16\n"
	      "   bytes (20 for SHA1)\n"
	      "Remote backup: NAME 1 to 31 letters, digits, '-', '_', '.'; port 1\n"
	      "   to 65535 (default 6787); key up to 64 bytes; hold-time 0 to 3600 s\n"
	      "   (default 60); keepalive 100 to 60000 ms (default 1000);\n"
	      "   backup-id 1 to 4294967295, unique per service\n"
	      "KIND := { arp | nd | igmp | mld }\n"
	      "\n"
	      "Member states: down, active, standby. Reasons: - (none), dev-down,\n"
	      "no-carrier, admin, max-links, probe, backup, lacp-defaulted,\n"
	      "lacp-expired, lacp-aggregator, lacp-waiting, lacp-partner, lacp-role,\n"
	      "lacp-loopback, e-trunk-backup. Events: member-added, member-removed,\n"
	      "member-state, active, trunk-changed, switchover, lacp, e-trunk-added,\n"
	      "e-trunk-changed, e-trunk-removed, e-trunk-state, e-trunk-bound,\n"
	      "e-trunk-binding, e-trunk-unbound, e-trunk-role, bfd-added,\n"
	      "bfd-changed, bfd-removed, bfd-state, rbs-added, rbs-changed,\n"
	      "rbs-removed, rbs-state, rbp-added, rbp-changed, rbp-removed,\n"
	      "rbp-state.\n"
	      "Switchover reasons: up, link, admin, probe, revert, flush, manual,\n"
	      "removed, e-trunk. See etrunkctl(8).\n", f);
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "pretty", no_argument, NULL, 'p' },
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+jpVh", options, NULL)) != -1) {
		switch (c) {
		case 'j':
			json = true;
			break;
		case 'p':
			json = true;
			pretty = true;
			break;
		case 'V':
			printf("etrunkctl %s (generic netlink family \"%s\" version %d)\n",
			       ETRUNKCTL_VERSION, ETRUNK_GENL_NAME,
			       ETRUNK_GENL_VERSION);
			return 0;
		case 'h':
			usage(stdout);
			return 0;
		default:
			if (optopt)
				usage_error("unknown option '-%c'", optopt);
			usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage_error("no command");
	cmd = argv[0];
	argc--;
	argv++;

	if (!strcmp(cmd, "show"))
		return cmd_show(argc, argv);
	if (!strcmp(cmd, "set"))
		return cmd_set(argc, argv);
	if (!strcmp(cmd, "monitor"))
		return cmd_monitor(argc, argv);
	if (!strcmp(cmd, "flush-receive"))
		return cmd_flush_receive(argc, argv);
	if (!strcmp(cmd, "e-trunk"))
		return cmd_egroup(argc, argv);
	if (!strcmp(cmd, "bfd"))
		return cmd_bfd(argc, argv);
	if (!strcmp(cmd, "rbs") || !strcmp(cmd, "rbp"))
		return cmd_rb(!strcmp(cmd, "rbs"), argc, argv);
	if (!strcmp(cmd, "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(cmd, "member")) {
		if (argc < 1)
			usage_error("member needs 'show' or 'set'");
		if (!strcmp(argv[0], "show"))
			return cmd_member_show(argc - 1, argv + 1);
		if (!strcmp(argv[0], "set"))
			return cmd_member_set(argc - 1, argv + 1);
		usage_error("unknown member command '%s'", argv[0]);
	}
	usage_error("unknown command '%s'", cmd);
}
