// SPDX-License-Identifier: GPL-2.0
/*
 * etrunk_genl - the generic netlink family "etrunk" against its contract,
 * uapi/linux/etrunk.h: family and group, GET/SET of trunks and members,
 * strict validation with extack, permissions, namespaces and events.
 *
 * Every test runs in a child of its own (the kselftest harness forks) and
 * in a network namespace of its own (the fixture's set-up unshares one),
 * so tests see nothing of each other. Trunks and veths are made with ip(8)
 * through system(). Without the family (module not loaded) everything is
 * skipped.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <net/if.h>
#include <libmnl/libmnl.h>
#include <linux/capability.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <linux/etrunk.h>

/* The 6.1 harness has a handler with an unused parameter (-Wextra). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "kselftest_harness.h"
#pragma GCC diagnostic pop

#define RXBUF_SIZE	65536
#define TXBUF_SIZE	4096
#define MAX_REPLIES	64
#define MAX_MEMBERS	64
#define MAX_EVENTS	128

/* ---- a generic netlink socket ------------------------------------------ */

struct nl {
	struct mnl_socket *sk;
	unsigned int portid;
	unsigned int seq;
	__u16 family;
	__u32 version;
	__u32 events_grp;
	bool have_events_grp;
	/* CTRL_ATTR_OP_FLAGS of each command, and whether it is listed */
	__u32 op_flags[ETRUNK_CMD_MAX + 1];
	bool op_listed[ETRUNK_CMD_MAX + 1];
	size_t rxlen;		/* how much of rx recv() may fill */
	char rx[RXBUF_SIZE];
};

/* What the kernel answered to one request. */
struct reply {
	int err;		/* 0 or a negative errno */
	char msg[256];		/* NLMSGERR_ATTR_MSG, "" if none */
	bool has_offs;
	__u32 offs;		/* NLMSGERR_ATTR_OFFS */
	bool has_miss_type;
	__u32 miss_type;	/* NLMSGERR_ATTR_MISS_TYPE */
	int n;			/* messages before the ACK or DONE */
	struct nlmsghdr *msgs[MAX_REPLIES];
};

static void reply_free(struct reply *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		free(r->msgs[i]);
	memset(r, 0, sizeof(*r));
}

static int nl_socket(struct nl *nl)
{
	int one = 1;

	memset(nl, 0, sizeof(*nl));
	nl->sk = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sk)
		return -errno;
	if (mnl_socket_bind(nl->sk, 0, MNL_SOCKET_AUTOPID) < 0 ||
	    mnl_socket_setsockopt(nl->sk, NETLINK_EXT_ACK, &one,
				  sizeof(one)) < 0 ||
	    mnl_socket_setsockopt(nl->sk, NETLINK_CAP_ACK, &one,
				  sizeof(one)) < 0) {
		int err = -errno;

		mnl_socket_close(nl->sk);
		nl->sk = NULL;
		return err;
	}
	nl->portid = mnl_socket_get_portid(nl->sk);
	nl->rxlen = sizeof(nl->rx);
	nl->seq = (unsigned int)time(NULL);
	return 0;
}

static void nl_close(struct nl *nl)
{
	if (nl->sk)
		mnl_socket_close(nl->sk);
	nl->sk = NULL;
}

static void parse_extack(const struct nlmsghdr *nlh, size_t off,
			 struct reply *r)
{
	const struct nlattr *a;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	mnl_attr_for_each(a, nlh, off) {
		switch (mnl_attr_get_type(a)) {
		case NLMSGERR_ATTR_MSG:
			if (mnl_attr_validate(a, MNL_TYPE_NUL_STRING) == 0)
				snprintf(r->msg, sizeof(r->msg), "%s",
					 mnl_attr_get_str(a));
			break;
		case NLMSGERR_ATTR_OFFS:
			if (mnl_attr_validate(a, MNL_TYPE_U32) == 0) {
				r->has_offs = true;
				r->offs = mnl_attr_get_u32(a);
			}
			break;
		case NLMSGERR_ATTR_MISS_TYPE:
			if (mnl_attr_validate(a, MNL_TYPE_U32) == 0) {
				r->has_miss_type = true;
				r->miss_type = mnl_attr_get_u32(a);
			}
			break;
		}
	}
}

/*
 * Send @nlh (NLM_F_ACK is set here) and collect the answer until its ACK,
 * error or NLMSG_DONE. Returns r->err, or a negative errno of the socket.
 */
static int nl_talk(struct nl *nl, struct nlmsghdr *nlh, struct reply *r)
{
	bool done = false;

	memset(r, 0, sizeof(*r));
	nlh->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++nl->seq;
	if (mnl_socket_sendto(nl->sk, nlh, nlh->nlmsg_len) < 0)
		return -errno;

	while (!done) {
		ssize_t len = mnl_socket_recvfrom(nl->sk, nl->rx, nl->rxlen);
		const struct nlmsghdr *m = (const struct nlmsghdr *)nl->rx;

		if (len < 0)
			return -errno;
		for (; mnl_nlmsg_ok(m, (int)len); m = mnl_nlmsg_next(m, (int *)&len)) {
			if (m->nlmsg_seq != nlh->nlmsg_seq)
				continue;
			if (m->nlmsg_type == NLMSG_ERROR) {
				const struct nlmsgerr *e = mnl_nlmsg_get_payload(m);
				size_t off = sizeof(*e);

				if (!(m->nlmsg_flags & NLM_F_CAPPED))
					off += e->msg.nlmsg_len -
					       sizeof(struct nlmsghdr);
				r->err = e->error;
				parse_extack(m, off, r);
				done = true;
				break;
			}
			if (m->nlmsg_type == NLMSG_DONE) {
				const int *err = mnl_nlmsg_get_payload(m);

				if (m->nlmsg_len >= NLMSG_LENGTH(sizeof(int))) {
					r->err = *err;
					parse_extack(m, sizeof(int), r);
				}
				done = true;
				break;
			}
			if (r->n < MAX_REPLIES) {
				r->msgs[r->n] = malloc(m->nlmsg_len);
				if (!r->msgs[r->n])
					return -ENOMEM;
				memcpy(r->msgs[r->n], m, m->nlmsg_len);
				r->n++;
			}
		}
	}
	return r->err;
}

static struct nlmsghdr *msg_new(char *buf, __u16 type, __u8 cmd,
				__u8 version, __u16 flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *g;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = version;
	return nlh;
}

/* A request to the etrunk family. */
static struct nlmsghdr *req_new(struct nl *nl, char *buf, __u8 cmd,
				__u16 flags)
{
	return msg_new(buf, nl->family, cmd, ETRUNK_GENL_VERSION, flags);
}

/* Where the next attribute of @nlh goes: for NLMSGERR_ATTR_OFFS. */
static __u32 next_offs(const struct nlmsghdr *nlh)
{
	return nlh->nlmsg_len;
}

/* Generic netlink insists on NLA_F_NESTED on nests (strict validation). */
static struct nlattr *nest_start(struct nlmsghdr *nlh, __u16 type)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);

	nest->nla_type |= NLA_F_NESTED;
	return nest;
}

static int ctrl_op_cb(const struct nlattr *op, struct nl *nl)
{
	const struct nlattr *a;
	__u32 id = 0, flags = 0;
	bool have_id = false;

	mnl_attr_for_each_nested(a, op) {
		if (mnl_attr_get_type(a) == CTRL_ATTR_OP_ID &&
		    mnl_attr_validate(a, MNL_TYPE_U32) == 0) {
			id = mnl_attr_get_u32(a);
			have_id = true;
		} else if (mnl_attr_get_type(a) == CTRL_ATTR_OP_FLAGS &&
			   mnl_attr_validate(a, MNL_TYPE_U32) == 0) {
			flags = mnl_attr_get_u32(a);
		}
	}
	if (have_id && id <= ETRUNK_CMD_MAX) {
		nl->op_listed[id] = true;
		nl->op_flags[id] = flags;
	}
	return 0;
}

static void ctrl_grp(const struct nlattr *grp, struct nl *nl)
{
	const struct nlattr *a;
	const char *name = NULL;
	__u32 id = 0;
	bool have_id = false;

	mnl_attr_for_each_nested(a, grp) {
		if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GRP_NAME &&
		    mnl_attr_validate(a, MNL_TYPE_NUL_STRING) == 0)
			name = mnl_attr_get_str(a);
		else if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GRP_ID &&
			 mnl_attr_validate(a, MNL_TYPE_U32) == 0) {
			id = mnl_attr_get_u32(a);
			have_id = true;
		}
	}
	if (name && have_id && strcmp(name, ETRUNK_MCGRP_EVENTS) == 0) {
		nl->events_grp = id;
		nl->have_events_grp = true;
	}
}

/* Resolve the family: 0, or -ENOENT if it is not registered. */
static int nl_resolve(struct nl *nl)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	const struct nlattr *a, *b;
	struct reply r;
	int err;

	nlh = msg_new(buf, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, 0);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, ETRUNK_GENL_NAME);
	err = nl_talk(nl, nlh, &r);
	if (err) {
		reply_free(&r);
		return err;
	}
	if (r.n != 1) {
		reply_free(&r);
		return -EPROTO;
	}
	mnl_attr_for_each(a, r.msgs[0], sizeof(struct genlmsghdr)) {
		switch (mnl_attr_get_type(a)) {
		case CTRL_ATTR_FAMILY_ID:
			nl->family = mnl_attr_get_u16(a);
			break;
		case CTRL_ATTR_VERSION:
			nl->version = mnl_attr_get_u32(a);
			break;
		case CTRL_ATTR_OPS:
			mnl_attr_for_each_nested(b, a)
				ctrl_op_cb(b, nl);
			break;
		case CTRL_ATTR_MCAST_GROUPS:
			mnl_attr_for_each_nested(b, a)
				ctrl_grp(b, nl);
			break;
		}
	}
	reply_free(&r);
	return nl->family ? 0 : -EPROTO;
}

static int nl_open(struct nl *nl)
{
	int err = nl_socket(nl);

	if (err)
		return err;
	err = nl_resolve(nl);
	if (err)
		nl_close(nl);
	return err;
}

/* ---- the messages of the contract, parsed and checked -------------------- */

struct member {
	bool seen[ETRUNK_MEMBER_A_MAX + 1];
	__u32 ifindex;
	char ifname[IFNAMSIZ];
	__u8 state, reason, master, admin_up;
	__u16 priority;
	__u32 link_failures, speed;
};

/* A trunk message, a GET_MEMBER reply or an event. */
struct trunk {
	__u8 cmd;
	bool seen[ETRUNK_A_MAX + 1];
	char bad[160];		/* the first contract violation, if any */
	__u32 ifindex;
	char ifname[IFNAMSIZ];
	__u8 mode, hash_policy, up, carrier, event;
	__u32 min_links, max_links, active_members, event_seq;
	bool stats_seen[ETRUNK_STATS_A_MAX + 1];
	__u64 stats[ETRUNK_STATS_A_MAX + 1];
	int n_members;
	struct member members[MAX_MEMBERS];	/* ETRUNK_A_MEMBERS */
	struct member member;			/* ETRUNK_A_MEMBER */
	__u8 lacp_system[6];
	__u16 lacp_key;
	__u8 lacp_rate, lacp_role;
	__u8 lacp_select, lacp_preempt;
	__u32 lacp_preempt_delay;
	__u32 group_id;		/* ETRUNK_A_GROUP's ETRUNK_GROUP_A_ID */
	__u32 bind_group;	/* ETRUNK_A_BINDING's group, id and role */
	__u32 bind_id;
	__u8 bind_role;
	__u32 active_member, switchovers;	/* mode backup */
	__u8 switch_reason;
	char bfd_name[32];	/* ETRUNK_A_BFD's name, state, links */
	__u8 bfd_state;
	bool bfd_has_links;
};

static void bad(struct trunk *t, const char *fmt, ...)
{
	va_list ap;

	if (t->bad[0])
		return;
	va_start(ap, fmt);
	vsnprintf(t->bad, sizeof(t->bad), fmt, ap);
	va_end(ap);
}

/* The contract's type of each attribute; 0: not in the contract. */
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
	[ETRUNK_A_PAD] = MNL_TYPE_FLAG,		/* empty: aligns the next u64 */
	[ETRUNK_A_REVERTIVE] = MNL_TYPE_U8,
	[ETRUNK_A_REVERT_DELAY] = MNL_TYPE_U32,
	[ETRUNK_A_GRAT_ARP] = MNL_TYPE_U8,
	[ETRUNK_A_FLUSH_COUNT] = MNL_TYPE_U8,
	[ETRUNK_A_FLUSH_INTERVAL] = MNL_TYPE_U16,
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
	[ETRUNK_A_LACP_SYSTEM_PRIO] = MNL_TYPE_U16,
	[ETRUNK_A_LACP_SYSTEM] = MNL_TYPE_BINARY,	/* 6 bytes */
	[ETRUNK_A_LACP_KEY] = MNL_TYPE_U16,
	[ETRUNK_A_LACP_PORT_OFFSET] = MNL_TYPE_U16,
	[ETRUNK_A_LACP_RATE] = MNL_TYPE_U8,
	[ETRUNK_A_LACP_ROLE] = MNL_TYPE_U8,
	[ETRUNK_A_LACP_SELECT] = MNL_TYPE_U8,
	[ETRUNK_A_LACP_PREEMPT] = MNL_TYPE_U8,
	[ETRUNK_A_LACP_PREEMPT_DELAY] = MNL_TYPE_U32,
	[ETRUNK_A_GROUP] = MNL_TYPE_NESTED,	/* E-Trunk group events */
	[ETRUNK_A_BINDING] = MNL_TYPE_NESTED,
	[ETRUNK_A_BFD] = MNL_TYPE_NESTED,	/* BFD session events */
};

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
	/* mode lacp only */
	[ETRUNK_MEMBER_A_LACP_PORT_PRIO] = MNL_TYPE_U16,
	[ETRUNK_MEMBER_A_LACP_ACTIVE] = MNL_TYPE_U8,
	[ETRUNK_MEMBER_A_LACP] = MNL_TYPE_NESTED,
};

/* The NLA_NUL_STRING attributes are names: at most IFNAMSIZ with the NUL. */
static bool attr_ok(const struct nlattr *a, enum mnl_attr_data_type type)
{
	if (mnl_attr_validate(a, type) < 0)
		return false;
	return type != MNL_TYPE_NUL_STRING ||
	       mnl_attr_get_payload_len(a) <= IFNAMSIZ;
}

static void parse_member(const struct nlattr *nest, struct member *m,
			 struct trunk *t)
{
	const struct nlattr *a;

	memset(m, 0, sizeof(*m));
	mnl_attr_for_each_nested(a, nest) {
		__u16 type = mnl_attr_get_type(a);

		if (type > ETRUNK_MEMBER_A_MAX || !member_attr_types[type]) {
			bad(t, "member attribute %u is not in the contract",
			    type);
			continue;
		}
		if (!attr_ok(a, member_attr_types[type])) {
			bad(t, "member attribute %u has a wrong length (%u)",
			    type, mnl_attr_get_payload_len(a));
			continue;
		}
		if (m->seen[type])
			bad(t, "member attribute %u twice", type);
		m->seen[type] = true;
		switch (type) {
		case ETRUNK_MEMBER_A_IFINDEX:
			m->ifindex = mnl_attr_get_u32(a);
			break;
		case ETRUNK_MEMBER_A_IFNAME:
			snprintf(m->ifname, sizeof(m->ifname), "%s",
				 mnl_attr_get_str(a));
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
		}
	}
	/* Every attribute of a member nest is always there but the speed. */
	for (int i = ETRUNK_MEMBER_A_IFINDEX; i < ETRUNK_MEMBER_A_SPEED; i++)
		if (!m->seen[i])
			bad(t, "member nest without attribute %d", i);
	if (m->state >= __ETRUNK_MEMBER_STATE_MAX)
		bad(t, "member state %u out of the enum", m->state);
	if (m->reason >= __ETRUNK_REASON_MAX)
		bad(t, "member reason %u out of the enum", m->reason);
	/* The reason says why a member is not active, and only then. */
	if ((m->state == ETRUNK_MEMBER_ACTIVE) !=
	    (m->reason == ETRUNK_REASON_NONE))
		bad(t, "member %s: state %u with reason %u", m->ifname,
		    m->state, m->reason);
	if ((m->state == ETRUNK_MEMBER_STANDBY) !=
	    (m->reason == ETRUNK_REASON_MAX_LINKS ||
	     m->reason == ETRUNK_REASON_BACKUP ||
	     m->reason == ETRUNK_REASON_LACP_ROLE ||
	     m->reason == ETRUNK_REASON_EROLE_BACKUP))
		bad(t, "member %s: state %u with reason %u", m->ifname,
		    m->state, m->reason);
}

static void parse_stats(const struct nlattr *nest, struct trunk *t)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		__u16 type = mnl_attr_get_type(a);

		if (type == ETRUNK_STATS_A_PAD)
			continue;
		if (type > ETRUNK_STATS_A_MAX || type == 0) {
			bad(t, "stats attribute %u is not in the contract",
			    type);
			continue;
		}
		if (mnl_attr_validate(a, MNL_TYPE_U64) < 0) {
			bad(t, "stats attribute %u is not a u64", type);
			continue;
		}
		t->stats_seen[type] = true;
		t->stats[type] = mnl_attr_get_u64(a);
	}
}

static void parse_trunk(const struct nlmsghdr *nlh, struct trunk *t)
{
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *a, *b;

	memset(t, 0, sizeof(*t));
	t->cmd = g->cmd;
	mnl_attr_for_each(a, nlh, sizeof(*g)) {
		__u16 type = mnl_attr_get_type(a);

		if (type > ETRUNK_A_MAX || !trunk_attr_types[type]) {
			bad(t, "attribute %u is not in the contract", type);
			continue;
		}
		if (!attr_ok(a, trunk_attr_types[type])) {
			bad(t, "attribute %u has a wrong length (%u)", type,
			    mnl_attr_get_payload_len(a));
			continue;
		}
		if (t->seen[type])
			bad(t, "attribute %u twice", type);
		t->seen[type] = true;
		switch (type) {
		case ETRUNK_A_IFINDEX:
			t->ifindex = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_IFNAME:
			snprintf(t->ifname, sizeof(t->ifname), "%s",
				 mnl_attr_get_str(a));
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
		case ETRUNK_A_GROUP:
			mnl_attr_for_each_nested(b, a)
				if (mnl_attr_get_type(b) == ETRUNK_GROUP_A_ID &&
				    !mnl_attr_validate(b, MNL_TYPE_U32))
					t->group_id = mnl_attr_get_u32(b);
			break;
		case ETRUNK_A_BFD:
			mnl_attr_for_each_nested(b, a) {
				if (mnl_attr_get_type(b) == ETRUNK_BFD_A_NAME &&
				    !mnl_attr_validate(b, MNL_TYPE_NUL_STRING))
					snprintf(t->bfd_name, sizeof(t->bfd_name),
						 "%s", mnl_attr_get_str(b));
				if (mnl_attr_get_type(b) == ETRUNK_BFD_A_STATE &&
				    !mnl_attr_validate(b, MNL_TYPE_U8))
					t->bfd_state = mnl_attr_get_u8(b);
				if (mnl_attr_get_type(b) == ETRUNK_BFD_A_LINKS)
					t->bfd_has_links = true;
			}
			break;
		case ETRUNK_A_BINDING:
			mnl_attr_for_each_nested(b, a) {
				if (mnl_attr_get_type(b) == ETRUNK_BIND_A_GROUP &&
				    !mnl_attr_validate(b, MNL_TYPE_U32))
					t->bind_group = mnl_attr_get_u32(b);
				if (mnl_attr_get_type(b) == ETRUNK_BIND_A_ID &&
				    !mnl_attr_validate(b, MNL_TYPE_U32))
					t->bind_id = mnl_attr_get_u32(b);
				if (mnl_attr_get_type(b) == ETRUNK_BIND_A_ROLE &&
				    !mnl_attr_validate(b, MNL_TYPE_U8))
					t->bind_role = mnl_attr_get_u8(b);
			}
			break;
		case ETRUNK_A_STATS:
			parse_stats(a, t);
			break;
		case ETRUNK_A_MEMBERS:
			mnl_attr_for_each_nested(b, a) {
				if (mnl_attr_get_type(b) != ETRUNK_A_MEMBER) {
					bad(t, "ETRUNK_A_MEMBERS holds attribute %u",
					    mnl_attr_get_type(b));
					continue;
				}
				if (t->n_members == MAX_MEMBERS) {
					bad(t, "more than %d members", MAX_MEMBERS);
					break;
				}
				parse_member(b, &t->members[t->n_members++], t);
			}
			break;
		case ETRUNK_A_MEMBER:
			parse_member(a, &t->member, t);
			break;
		case ETRUNK_A_LACP_SYSTEM:
			if (mnl_attr_get_payload_len(a) != 6) {
				bad(t, "ETRUNK_A_LACP_SYSTEM of %u bytes",
				    mnl_attr_get_payload_len(a));
				break;
			}
			memcpy(t->lacp_system, mnl_attr_get_payload(a), 6);
			break;
		case ETRUNK_A_LACP_KEY:
			t->lacp_key = mnl_attr_get_u16(a);
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
		case ETRUNK_A_EVENT:
			t->event = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_EVENT_SEQ:
			t->event_seq = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_ACTIVE_MEMBER:
			t->active_member = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_SWITCHOVERS:
			t->switchovers = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_SWITCHOVER_REASON:
			t->switch_reason = mnl_attr_get_u8(a);
			break;
		}
	}
	/* Every message names its trunk, but group and BFD events. */
	if ((!t->seen[ETRUNK_A_IFINDEX] || !t->seen[ETRUNK_A_IFNAME]) &&
	    !t->seen[ETRUNK_A_GROUP] && !t->seen[ETRUNK_A_BFD])
		bad(t, "message without ETRUNK_A_IFINDEX or ETRUNK_A_IFNAME");
}

/* A trunk message (GET_TRUNK) has everything the contract lists. */
static void check_trunk_message(struct trunk *t)
{
	static const int required[] = {
		ETRUNK_A_IFINDEX, ETRUNK_A_IFNAME, ETRUNK_A_MODE,
		ETRUNK_A_HASH_POLICY, ETRUNK_A_MIN_LINKS, ETRUNK_A_MAX_LINKS,
		ETRUNK_A_UP, ETRUNK_A_CARRIER, ETRUNK_A_ACTIVE_MEMBERS,
		ETRUNK_A_STATS, ETRUNK_A_MEMBERS,
	};
	size_t i;

	if (t->cmd != ETRUNK_CMD_GET_TRUNK)
		bad(t, "trunk message with command %u", t->cmd);
	for (i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		if (!t->seen[required[i]])
			bad(t, "trunk message without attribute %d",
			    required[i]);
	for (i = ETRUNK_STATS_A_RX_PACKETS; i <= ETRUNK_STATS_A_MAX; i++)
		if (!t->stats_seen[i])
			bad(t, "ETRUNK_A_STATS without counter %zu", i);
	if (t->seen[ETRUNK_A_MEMBER] || t->seen[ETRUNK_A_EVENT] ||
	    t->seen[ETRUNK_A_EVENT_SEQ])
		bad(t, "trunk message with a member or event attribute");
	if (t->mode > ETRUNK_MODE_MAX || t->hash_policy > ETRUNK_HASH_MAX ||
	    t->up > 1 || t->carrier > 1)
		bad(t, "trunk message with a value out of its range");
}

/* ---- requests ------------------------------------------------------------ */

/* Put the trunk selector: by name if @name, else by @ifindex. */
static void put_trunk(struct nlmsghdr *nlh, const char *name, __u32 ifindex)
{
	if (name)
		mnl_attr_put_strz(nlh, ETRUNK_A_IFNAME, name);
	else
		mnl_attr_put_u32(nlh, ETRUNK_A_IFINDEX, ifindex);
}

/* GET_TRUNK doit into @t: 0 or the error. */
static int get_trunk(struct nl *nl, const char *name, __u32 ifindex,
		     struct trunk *t, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_GET_TRUNK, 0);
	int err;

	put_trunk(nlh, name, ifindex);
	err = nl_talk(nl, nlh, r);
	memset(t, 0, sizeof(*t));
	if (!err && r->n == 1)
		parse_trunk(r->msgs[0], t);
	else if (!err)
		bad(t, "GET_TRUNK answered with %d messages", r->n);
	return err;
}

/* GET_TRUNK dump: the trunk messages, at most @max. */
static int dump_trunks(struct nl *nl, struct trunk *t, int max, int *n)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_GET_TRUNK,
				       NLM_F_DUMP);
	struct reply r;
	int err, i;

	err = nl_talk(nl, nlh, &r);
	*n = 0;
	for (i = 0; !err && i < r.n && i < max; i++)
		parse_trunk(r.msgs[i], &t[(*n)++]);
	reply_free(&r);
	return err;
}

static int get_member(struct nl *nl, const char *name, __u32 ifindex,
		      struct trunk *t, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_GET_MEMBER, 0);
	struct nlattr *nest = nest_start(nlh, ETRUNK_A_MEMBER);
	int err;

	if (name)
		mnl_attr_put_strz(nlh, ETRUNK_MEMBER_A_IFNAME, name);
	else
		mnl_attr_put_u32(nlh, ETRUNK_MEMBER_A_IFINDEX, ifindex);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(nl, nlh, r);
	memset(t, 0, sizeof(*t));
	if (!err && r->n == 1)
		parse_trunk(r->msgs[0], t);
	else if (!err)
		bad(t, "GET_MEMBER answered with %d messages", r->n);
	return err;
}

/* SET_MEMBER @name: each of @prio, @master, @admin_up unless negative. */
static int set_member(struct nl *nl, const char *name, int prio, int master,
		      int admin_up, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_SET_MEMBER, 0);
	struct nlattr *nest = nest_start(nlh, ETRUNK_A_MEMBER);

	mnl_attr_put_strz(nlh, ETRUNK_MEMBER_A_IFNAME, name);
	if (prio >= 0)
		mnl_attr_put_u16(nlh, ETRUNK_MEMBER_A_PRIORITY, (__u16)prio);
	if (master >= 0)
		mnl_attr_put_u8(nlh, ETRUNK_MEMBER_A_MASTER, (__u8)master);
	if (admin_up >= 0)
		mnl_attr_put_u8(nlh, ETRUNK_MEMBER_A_ADMIN_UP, (__u8)admin_up);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}

/* ---- the test network ---------------------------------------------------- */

static int run(const char *fmt, ...)
{
	char cmd[512];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	rc = system(cmd);
	if (rc)
		fprintf(stderr, "# command failed (%d): %s\n", rc, cmd);
	return rc;
}

static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t len = (ssize_t)strlen(s);
	int err = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, s, len) != len)
		err = -errno;
	close(fd);
	return err;
}

/*
 * A fresh network namespace without IPv6 autoconfiguration (so no packets
 * of its own change counters behind a test's back).
 */
static int new_netns(void)
{
	if (unshare(CLONE_NEWNET))
		return -errno;
	write_file("/proc/sys/net/ipv6/conf/default/disable_ipv6", "1");
	write_file("/proc/sys/net/ipv6/conf/all/disable_ipv6", "1");
	return 0;
}

/*
 * Trunk @trunk with @n members @pfx0..: veth pairs whose peers (peer0..)
 * stay in the namespace, everything up. One ip process (-batch): under
 * emulation every exec counts.
 */
static int make_trunk(const char *trunk, const char *pfx, const char *peer,
		      int n)
{
	FILE *ip = popen("ip -batch -", "w");
	int i, rc;

	if (!ip)
		return -errno;
	fprintf(ip, "link add %s type etrunk\n", trunk);
	for (i = 0; i < n; i++) {
		fprintf(ip, "link add %s%d type veth peer name %s%d\n",
			pfx, i, peer, i);
		fprintf(ip, "link set %s%d master %s\n", pfx, i, trunk);
		fprintf(ip, "link set %s%d up\n", pfx, i);
		fprintf(ip, "link set %s%d up\n", peer, i);
	}
	fprintf(ip, "link set %s up\n", trunk);
	rc = pclose(ip);
	if (rc)
		fprintf(stderr, "# ip -batch failed (%d) making %s\n", rc,
			trunk);
	return rc;
}

static __u32 ifindex_of(const char *name)
{
	return if_nametoindex(name);
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/*
 * Wait up to 10 s (carrier changes come from linkwatch, slow under
 * emulation) until trunk @name has @active active members.
 */
static int wait_active(struct nl *nl, const char *name, __u32 active)
{
	long long end = now_ms() + 10000;
	struct trunk t;
	struct reply r;

	do {
		int err = get_trunk(nl, name, 0, &t, &r);

		reply_free(&r);
		if (err)
			return err;
		if (t.active_members == active)
			return 0;
		usleep(50000);
	} while (now_ms() < end);
	return -ETIMEDOUT;
}

/* Set CAP_NET_ADMIN in the effective set on or off (it stays permitted). */
static int cap_net_admin(bool on)
{
	struct __user_cap_header_struct h = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3];

	if (syscall(SYS_capget, &h, d))
		return -errno;
	if (on)
		d[CAP_TO_INDEX(CAP_NET_ADMIN)].effective |= CAP_TO_MASK(CAP_NET_ADMIN);
	else
		d[CAP_TO_INDEX(CAP_NET_ADMIN)].effective &= ~CAP_TO_MASK(CAP_NET_ADMIN);
	if (syscall(SYS_capset, &h, d))
		return -errno;
	return 0;
}

/* ---- events -------------------------------------------------------------- */

struct evlog {
	int n;
	struct trunk ev[MAX_EVENTS];
};

static int events_join(struct nl *nl)
{
	int grp = (int)nl->events_grp;

	if (!nl->have_events_grp)
		return -ENOENT;
	if (mnl_socket_setsockopt(nl->sk, NETLINK_ADD_MEMBERSHIP, &grp,
				  sizeof(grp)) < 0)
		return -errno;
	return 0;
}

/* Read events for up to @ms milliseconds, or until @until(log) holds. */
static int events_read(struct nl *nl, struct evlog *log, int ms,
		       bool (*until)(const struct evlog *log, const void *arg),
		       const void *arg)
{
	long long end = now_ms() + ms;
	struct pollfd p = { .fd = mnl_socket_get_fd(nl->sk), .events = POLLIN };

	while (!(until && until(log, arg))) {
		long long left = end - now_ms();
		const struct nlmsghdr *m;
		ssize_t len;
		int rc;

		if (left <= 0)
			break;
		rc = poll(&p, 1, (int)left);
		if (rc < 0)
			return -errno;
		if (rc == 0)
			break;
		len = recv(p.fd, nl->rx, sizeof(nl->rx), 0);
		if (len < 0)
			return -errno;
		m = (const struct nlmsghdr *)nl->rx;
		for (; mnl_nlmsg_ok(m, (int)len); m = mnl_nlmsg_next(m, (int *)&len)) {
			if (m->nlmsg_type != nl->family)
				continue;
			if (log->n == MAX_EVENTS)
				return -ENOSPC;
			parse_trunk(m, &log->ev[log->n++]);
		}
	}
	return 0;
}

/* The index of the first event @type at or after @from (for member events:
 * of member @member), or -1.
 */
static int ev_find(const struct evlog *log, int from, __u8 type,
		   const char *member)
{
	int i;

	for (i = from; i < log->n; i++) {
		const struct trunk *e = &log->ev[i];

		if (e->event != type)
			continue;
		if (member && strcmp(e->member.ifname, member))
			continue;
		return i;
	}
	return -1;
}

/* ---- the tests ------------------------------------------------------------ */

/* Every test: its own network namespace and a socket resolved in it. */
FIXTURE(etrunk) {
	struct nl *nl;
};

FIXTURE_SETUP(etrunk)
{
	self->nl = calloc(1, sizeof(*self->nl));
	ASSERT_NE(NULL, self->nl);
	ASSERT_EQ(0, new_netns());
	ASSERT_EQ(0, nl_open(self->nl));
}

FIXTURE_TEARDOWN(etrunk)
{
	if (self->nl)
		nl_close(self->nl);
	free(self->nl);
}

/* The family: its version, its commands and their permissions, "events". */
TEST_F(etrunk, family)
{
	struct nl *nl = self->nl;
	int cmd;

	EXPECT_EQ((__u32)ETRUNK_GENL_VERSION, nl->version);
	EXPECT_TRUE(nl->have_events_grp)
		TH_LOG("no multicast group \"%s\"", ETRUNK_MCGRP_EVENTS);
	for (cmd = ETRUNK_CMD_GET_TRUNK; cmd <= ETRUNK_CMD_SET_MEMBER; cmd++) {
		EXPECT_TRUE(nl->op_listed[cmd]) TH_LOG("command %d", cmd);
	}
	EXPECT_NE(0U, nl->op_flags[ETRUNK_CMD_GET_TRUNK] & GENL_CMD_CAP_DUMP);
	/* Reading needs no privilege; SET needs CAP_NET_ADMIN in the user
	 * namespace owning the network namespace.
	 */
	EXPECT_EQ(0U, nl->op_flags[ETRUNK_CMD_GET_TRUNK] &
		     (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM));
	EXPECT_EQ(0U, nl->op_flags[ETRUNK_CMD_GET_MEMBER] &
		     (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM));
	EXPECT_EQ((__u32)GENL_UNS_ADMIN_PERM, nl->op_flags[ETRUNK_CMD_SET_TRUNK] &
		  (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM));
	EXPECT_EQ((__u32)GENL_UNS_ADMIN_PERM, nl->op_flags[ETRUNK_CMD_SET_MEMBER] &
		  (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM));
	/* Events are not a request. */
	EXPECT_FALSE(nl->op_listed[ETRUNK_CMD_EVENT]);
}

/* The dump lists the namespace's trunks, and only trunks. */
TEST_F(etrunk, dump)
{
	struct trunk t[4];
	int n, i, seen0 = 0, seen1 = 0;

	ASSERT_EQ(0, dump_trunks(self->nl, t, 4, &n));
	ASSERT_EQ(0, n) TH_LOG("a new namespace has no trunks");

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 2));
	ASSERT_EQ(0, run("ip link add et1 type etrunk"));
	ASSERT_EQ(0, run("ip link add d0 type veth peer name d1"));

	ASSERT_EQ(0, dump_trunks(self->nl, t, 4, &n));
	ASSERT_EQ(2, n);
	for (i = 0; i < n; i++) {
		check_trunk_message(&t[i]);
		EXPECT_STREQ("", t[i].bad);
		if (strcmp(t[i].ifname, "et0") == 0) {
			seen0++;
			EXPECT_EQ(ifindex_of("et0"), t[i].ifindex);
			EXPECT_EQ(2, t[i].n_members);
		} else if (strcmp(t[i].ifname, "et1") == 0) {
			seen1++;
			EXPECT_EQ(ifindex_of("et1"), t[i].ifindex);
			EXPECT_EQ(0, t[i].n_members);
			EXPECT_EQ(0, t[i].up);
		}
	}
	EXPECT_EQ(1, seen0);
	EXPECT_EQ(1, seen1);
}

/*
 * A trunk whose members do not fit one dump message (the reader's buffer
 * is one page): the dump goes on in further messages for the same trunk,
 * each a whole trunk message with the next members, none lost or repeated.
 */
TEST_F_TIMEOUT(etrunk, dump_large_trunk, 120)
{
	enum { N = MAX_MEMBERS };
	struct nl *small = calloc(1, sizeof(*small));
	int i, j, msgs0 = 0, msgs1 = 0, next = 0, last0 = -1;
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct trunk *t = calloc(1, sizeof(*t));
	struct reply r;

	ASSERT_NE(NULL, small);
	ASSERT_NE(NULL, t);
	ASSERT_EQ(0, make_trunk("et0", "member-", "peer-", N));
	ASSERT_EQ(0, make_trunk("et1", "c", "d", 1));

	/* The kernel sizes dump messages by the reader's largest recv(). */
	ASSERT_EQ(0, nl_socket(small));
	small->rxlen = 4096;
	ASSERT_EQ(0, nl_resolve(small));

	nlh = req_new(small, buf, ETRUNK_CMD_GET_TRUNK, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(small, nlh, &r));
	for (i = 0; i < r.n; i++) {
		parse_trunk(r.msgs[i], t);
		check_trunk_message(t);
		EXPECT_STREQ("", t->bad) TH_LOG("message %d", i);
		if (!strcmp(t->ifname, "et1")) {
			msgs1++;
			EXPECT_EQ(1, t->n_members);
			continue;
		}
		ASSERT_STREQ("et0", t->ifname);
		/* Messages of one trunk follow each other. */
		if (msgs0)
			EXPECT_EQ(last0 + 1, i);
		last0 = i;
		msgs0++;
		for (j = 0; j < t->n_members; j++, next++) {
			char name[IFNAMSIZ];

			snprintf(name, sizeof(name), "member-%d", next % 1000);
			EXPECT_STREQ(name, t->members[j].ifname);
		}
	}
	EXPECT_EQ(N, next) TH_LOG("members of et0 over %d messages", msgs0);
	EXPECT_EQ(1, msgs1);
	EXPECT_LT(1, msgs0) TH_LOG("%d members fit one %zu-byte read", N,
				   small->rxlen);
	TH_LOG("et0: %d members in %d dump messages", N, msgs0);
	reply_free(&r);

	/* GET_TRUNK of it is one message with all of them. */
	nl_close(small);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, t, &r));
	reply_free(&r);
	EXPECT_STREQ("", t->bad);
	EXPECT_EQ(N, t->n_members);
	free(t);
	free(small);
}

/* GET_TRUNK by name and by index: the same trunk, all of the contract. */
TEST_F(etrunk, get_trunk)
{
	struct trunk byname, byindex;
	struct reply r;
	int i;

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 2));
	ASSERT_EQ(0, wait_active(self->nl, "et0", 2));

	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &byname, &r));
	reply_free(&r);
	check_trunk_message(&byname);
	ASSERT_STREQ("", byname.bad);
	ASSERT_EQ(0, get_trunk(self->nl, NULL, ifindex_of("et0"), &byindex,
			       &r));
	reply_free(&r);
	check_trunk_message(&byindex);
	ASSERT_STREQ("", byindex.bad);

	/* Nothing but the counters may differ between the two. */
	memset(byname.stats, 0, sizeof(byname.stats));
	memset(byindex.stats, 0, sizeof(byindex.stats));
	EXPECT_EQ(0, memcmp(&byname, &byindex, sizeof(byname)));

	EXPECT_EQ(ifindex_of("et0"), byname.ifindex);
	EXPECT_STREQ("et0", byname.ifname);
	EXPECT_EQ(ETRUNK_MODE_LOADBALANCE, byname.mode);
	EXPECT_EQ(ETRUNK_HASH_LAYER2, byname.hash_policy);
	EXPECT_EQ(0U, byname.min_links);
	EXPECT_EQ(0U, byname.max_links);
	EXPECT_EQ(1, byname.up);
	EXPECT_EQ(1, byname.carrier);
	EXPECT_EQ(2U, byname.active_members);

	/* The members, in enslave order. */
	ASSERT_EQ(2, byname.n_members);
	for (i = 0; i < 2; i++) {
		const struct member *m = &byname.members[i];
		char name[IFNAMSIZ];

		snprintf(name, sizeof(name), "a%d", i);
		EXPECT_STREQ(name, m->ifname);
		EXPECT_EQ(ifindex_of(name), m->ifindex);
		EXPECT_EQ(ETRUNK_MEMBER_ACTIVE, m->state);
		EXPECT_EQ(ETRUNK_REASON_NONE, m->reason);
		EXPECT_EQ(ETRUNK_DEFAULT_PRIORITY, m->priority);
		EXPECT_EQ(0, m->master);
		EXPECT_EQ(1, m->admin_up);
		EXPECT_EQ(0U, m->link_failures);
		/* veth reports 10000 Mb/s. */
		if (m->seen[ETRUNK_MEMBER_A_SPEED])
			EXPECT_EQ(10000U, m->speed);
	}

	/* Index and name of two different devices. */
	{
		char buf[TXBUF_SIZE];
		struct nlmsghdr *nlh = req_new(self->nl, buf,
					       ETRUNK_CMD_GET_TRUNK, 0);

		mnl_attr_put_u32(nlh, ETRUNK_A_IFINDEX, ifindex_of("a0"));
		mnl_attr_put_strz(nlh, ETRUNK_A_IFNAME, "et0");
		EXPECT_NE(0, nl_talk(self->nl, nlh, &r));
		EXPECT_NE(0, r.msg[0]);
		reply_free(&r);
	}
}

/* SET_TRUNK: hash policy, min_links and max_links read back. */
TEST_F(etrunk, set_trunk)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct trunk t;
	struct reply r;
	int p;

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 2));

	for (p = 0; p <= ETRUNK_HASH_MAX; p++) {
		nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
		put_trunk(nlh, "et0", 0);
		mnl_attr_put_u8(nlh, ETRUNK_A_HASH_POLICY, (__u8)p);
		ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
		EXPECT_EQ(0, r.n) TH_LOG("SET has no reply payload");
		reply_free(&r);
		ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
		reply_free(&r);
		EXPECT_EQ(p, t.hash_policy);
	}

	/* All at once, by index. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, NULL, ifindex_of("et0"));
	mnl_attr_put_u8(nlh, ETRUNK_A_MODE, ETRUNK_MODE_LOADBALANCE);
	mnl_attr_put_u8(nlh, ETRUNK_A_HASH_POLICY, ETRUNK_HASH_LAYER34);
	mnl_attr_put_u32(nlh, ETRUNK_A_MIN_LINKS, 2);
	mnl_attr_put_u32(nlh, ETRUNK_A_MAX_LINKS, 1);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	ASSERT_STREQ("", t.bad);
	EXPECT_EQ(ETRUNK_MODE_LOADBALANCE, t.mode);
	EXPECT_EQ(ETRUNK_HASH_LAYER34, t.hash_policy);
	EXPECT_EQ(2U, t.min_links);
	EXPECT_EQ(1U, t.max_links);

	/* max_links 1: one member active, the other on standby; carrier
	 * needs min_links 2 active members: none.
	 */
	ASSERT_EQ(0, wait_active(self->nl, "et0", 1));
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	ASSERT_STREQ("", t.bad);
	ASSERT_EQ(2, t.n_members);
	EXPECT_EQ(ETRUNK_MEMBER_ACTIVE, t.members[0].state);
	EXPECT_EQ(ETRUNK_MEMBER_STANDBY, t.members[1].state);
	EXPECT_EQ(ETRUNK_REASON_MAX_LINKS, t.members[1].reason);
	EXPECT_EQ(0, t.carrier);

	/* The limits at the top of their range; 0 lifts max_links. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	mnl_attr_put_u32(nlh, ETRUNK_A_MIN_LINKS, ETRUNK_MAX_MEMBERS);
	mnl_attr_put_u32(nlh, ETRUNK_A_MAX_LINKS, ETRUNK_MAX_MEMBERS);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ((__u32)ETRUNK_MAX_MEMBERS, t.min_links);
	EXPECT_EQ((__u32)ETRUNK_MAX_MEMBERS, t.max_links);
	EXPECT_EQ(2U, t.active_members);

	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	mnl_attr_put_u32(nlh, ETRUNK_A_MIN_LINKS, 0);
	mnl_attr_put_u32(nlh, ETRUNK_A_MAX_LINKS, 0);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(0U, t.min_links);
	EXPECT_EQ(0U, t.max_links);
	EXPECT_EQ(1, t.carrier);
}

/* SET_MEMBER: priority, master and admin_up; GET_MEMBER reads them. */
TEST_F(etrunk, set_member)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct trunk t;
	struct reply r;

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 2));
	ASSERT_EQ(0, wait_active(self->nl, "et0", 2));

	/* GET_MEMBER by name and by index. */
	ASSERT_EQ(0, get_member(self->nl, "a1", 0, &t, &r));
	reply_free(&r);
	ASSERT_STREQ("", t.bad);
	EXPECT_EQ(ETRUNK_CMD_GET_MEMBER, t.cmd);
	EXPECT_STREQ("et0", t.ifname);
	EXPECT_EQ(ifindex_of("et0"), t.ifindex);
	EXPECT_TRUE(t.seen[ETRUNK_A_MEMBER]);
	EXPECT_STREQ("a1", t.member.ifname);
	EXPECT_EQ(ifindex_of("a1"), t.member.ifindex);
	EXPECT_EQ(ETRUNK_DEFAULT_PRIORITY, t.member.priority);
	ASSERT_EQ(0, get_member(self->nl, NULL, ifindex_of("a1"), &t, &r));
	reply_free(&r);
	EXPECT_STREQ("a1", t.member.ifname);

	ASSERT_EQ(0, set_member(self->nl, "a1", 100, 1, -1, &r))
		TH_LOG("%s", r.msg);
	EXPECT_EQ(0, r.n) TH_LOG("SET has no reply payload");
	reply_free(&r);
	ASSERT_EQ(0, get_member(self->nl, "a1", 0, &t, &r));
	reply_free(&r);
	ASSERT_STREQ("", t.bad);
	EXPECT_EQ(100, t.member.priority);
	EXPECT_EQ(1, t.member.master);
	EXPECT_EQ(1, t.member.admin_up);
	EXPECT_EQ(ETRUNK_MEMBER_ACTIVE, t.member.state);

	/* At most one master: designating a0 clears a1. */
	ASSERT_EQ(0, set_member(self->nl, "a0", -1, 1, -1, &r));
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	ASSERT_EQ(2, t.n_members);
	EXPECT_EQ(1, t.members[0].master);
	EXPECT_EQ(0, t.members[1].master);
	EXPECT_EQ(100, t.members[1].priority);

	/* admin_up 0: down for reason admin while the device stays up. */
	ASSERT_EQ(0, set_member(self->nl, "a1", -1, -1, 0, &r));
	reply_free(&r);
	ASSERT_EQ(0, get_member(self->nl, "a1", 0, &t, &r));
	reply_free(&r);
	ASSERT_STREQ("", t.bad);
	EXPECT_EQ(0, t.member.admin_up);
	EXPECT_EQ(ETRUNK_MEMBER_DOWN, t.member.state);
	EXPECT_EQ(ETRUNK_REASON_ADMIN, t.member.reason);
	/* Not a link failure. */
	EXPECT_EQ(0U, t.member.link_failures);
	EXPECT_EQ(0, wait_active(self->nl, "et0", 1));
	EXPECT_EQ(0, run("ip link show a1 | grep -q 'state UP'"));

	ASSERT_EQ(0, set_member(self->nl, "a1", -1, -1, 1, &r));
	reply_free(&r);
	ASSERT_EQ(0, get_member(self->nl, "a1", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(1, t.member.admin_up);
	EXPECT_EQ(ETRUNK_MEMBER_ACTIVE, t.member.state);
	EXPECT_EQ(ETRUNK_REASON_NONE, t.member.reason);
	EXPECT_EQ(0, wait_active(self->nl, "et0", 2));

	/* Priority decides who is on standby under max_links 1. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	mnl_attr_put_u32(nlh, ETRUNK_A_MAX_LINKS, 1);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	/* a1 (priority 100) beats a0 (32768). */
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_MEMBER_STANDBY, t.members[0].state);
	EXPECT_EQ(ETRUNK_MEMBER_ACTIVE, t.members[1].state);
	ASSERT_EQ(0, set_member(self->nl, "a0", 10, -1, -1, &r));
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_MEMBER_ACTIVE, t.members[0].state);
	EXPECT_EQ(ETRUNK_MEMBER_STANDBY, t.members[1].state);
	EXPECT_EQ(ETRUNK_REASON_MAX_LINKS, t.members[1].reason);
}

/* Wait up to 10 s until member @name has @state and @reason. */
static int wait_member(struct nl *nl, const char *name, __u8 state,
		       __u8 reason, struct trunk *t)
{
	long long end = now_ms() + 10000;
	struct reply r;

	do {
		int err = get_member(nl, name, 0, t, &r);

		reply_free(&r);
		if (err)
			return err;
		if (t->member.state == state && t->member.reason == reason)
			return 0;
		usleep(50000);
	} while (now_ms() < end);
	return -ETIMEDOUT;
}

/*
 * link_failures counts how often a member's link failed (device down or
 * carrier lost), whatever the member was doing; a link reason takes
 * precedence over admin and max-links.
 */
TEST_F(etrunk, link_failures)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct trunk t;
	struct reply r;

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 3));
	ASSERT_EQ(0, wait_active(self->nl, "et0", 3));
	/* a1 taken out, max_links 1: a0 active, a2 standby. */
	ASSERT_EQ(0, set_member(self->nl, "a1", -1, -1, 0, &r));
	reply_free(&r);
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	mnl_attr_put_u32(nlh, ETRUNK_A_MAX_LINKS, 1);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	ASSERT_EQ(0, wait_member(self->nl, "a2", ETRUNK_MEMBER_STANDBY,
				 ETRUNK_REASON_MAX_LINKS, &t));

	/* The active member's link fails: counted; a2 takes over. */
	ASSERT_EQ(0, run("ip link set b0 down"));
	ASSERT_EQ(0, wait_member(self->nl, "a0", ETRUNK_MEMBER_DOWN,
				 ETRUNK_REASON_NO_CARRIER, &t));
	EXPECT_EQ(1U, t.member.link_failures);
	ASSERT_EQ(0, wait_member(self->nl, "a2", ETRUNK_MEMBER_ACTIVE,
				 ETRUNK_REASON_NONE, &t));
	/* a0 is back, first in enslave order at equal priority: a2 waits
	 * again, which is no failure.
	 */
	ASSERT_EQ(0, run("ip link set b0 up"));
	ASSERT_EQ(0, wait_member(self->nl, "a2", ETRUNK_MEMBER_STANDBY,
				 ETRUNK_REASON_MAX_LINKS, &t));
	EXPECT_EQ(0U, t.member.link_failures);

	/* The standby member's link fails: counted too. */
	ASSERT_EQ(0, run("ip link set b2 down"));
	ASSERT_EQ(0, wait_member(self->nl, "a2", ETRUNK_MEMBER_DOWN,
				 ETRUNK_REASON_NO_CARRIER, &t));
	EXPECT_EQ(1U, t.member.link_failures)
		TH_LOG("a standby member's carrier loss was not counted");

	/* And the admin-down member's, whose reason is now its link. */
	ASSERT_EQ(0, run("ip link set b1 down"));
	ASSERT_EQ(0, wait_member(self->nl, "a1", ETRUNK_MEMBER_DOWN,
				 ETRUNK_REASON_NO_CARRIER, &t));
	EXPECT_EQ(1U, t.member.link_failures)
		TH_LOG("an admin-down member's carrier loss was not counted");
	/* Its link back, it is still taken out by admin: not a failure. */
	ASSERT_EQ(0, run("ip link set b1 up"));
	ASSERT_EQ(0, wait_member(self->nl, "a1", ETRUNK_MEMBER_DOWN,
				 ETRUNK_REASON_ADMIN, &t));
	EXPECT_EQ(1U, t.member.link_failures);
}

/* Expect error @e with an extack message; with @offs >= 0, also that
 * NLMSGERR_ATTR_OFFS is @offs.
 */
#define EXPECT_NLERR(r, e, at) do {					\
	EXPECT_EQ((e), (r)->err) TH_LOG("message: \"%s\"", (r)->msg);	\
	EXPECT_NE(0, (r)->msg[0]) TH_LOG("no extack message");		\
	if ((at) >= 0) {						\
		EXPECT_TRUE((r)->has_offs)				\
			TH_LOG("no NLMSGERR_ATTR_OFFS");		\
		if ((r)->has_offs)					\
			EXPECT_EQ((__u32)(at), (r)->offs);		\
	}								\
} while (0)

/* An attribute type above the maximum: -EINVAL, pointing at it. */
TEST_F(etrunk, err_unknown_attribute)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct reply r;
	__u32 offs;

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 1));

	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	offs = next_offs(nlh);
	mnl_attr_put_u32(nlh, ETRUNK_A_MAX + 1, 1);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	reply_free(&r);

	/* The same for GET, and inside the member nest. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_GET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	offs = next_offs(nlh);
	mnl_attr_put_u32(nlh, ETRUNK_A_MAX + 1, 1);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	reply_free(&r);

	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_MEMBER, 0);
	nest = nest_start(nlh, ETRUNK_A_MEMBER);
	mnl_attr_put_strz(nlh, ETRUNK_MEMBER_A_IFNAME, "a0");
	offs = next_offs(nlh);
	mnl_attr_put_u8(nlh, ETRUNK_MEMBER_A_MAX + 1, 1);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	reply_free(&r);

	/* A read-only attribute in a request is refused as well. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	offs = next_offs(nlh);
	mnl_attr_put_u32(nlh, ETRUNK_A_ACTIVE_MEMBERS, 1);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	reply_free(&r);

	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_MEMBER, 0);
	nest = nest_start(nlh, ETRUNK_A_MEMBER);
	mnl_attr_put_strz(nlh, ETRUNK_MEMBER_A_IFNAME, "a0");
	offs = next_offs(nlh);
	mnl_attr_put_u8(nlh, ETRUNK_MEMBER_A_STATE, ETRUNK_MEMBER_ACTIVE);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	reply_free(&r);
}

/* Wrong lengths and types: -EINVAL, pointing at the attribute. */
TEST_F(etrunk, err_wrong_type)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct trunk t;
	struct reply r;
	__u32 offs;

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 1));

	/* A u32 sent as a u16. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	offs = next_offs(nlh);
	mnl_attr_put_u16(nlh, ETRUNK_A_MIN_LINKS, 1);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	reply_free(&r);

	/* A u8 sent as a u32. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	offs = next_offs(nlh);
	mnl_attr_put_u32(nlh, ETRUNK_A_HASH_POLICY, ETRUNK_HASH_LAYER34);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	reply_free(&r);

	/* A u16 (member priority) sent as a u32. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_MEMBER, 0);
	nest = nest_start(nlh, ETRUNK_A_MEMBER);
	mnl_attr_put_strz(nlh, ETRUNK_MEMBER_A_IFNAME, "a0");
	offs = next_offs(nlh);
	mnl_attr_put_u32(nlh, ETRUNK_MEMBER_A_PRIORITY, 1);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	reply_free(&r);

	/* A name without its NUL. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_GET_TRUNK, 0);
	offs = next_offs(nlh);
	mnl_attr_put(nlh, ETRUNK_A_IFNAME, 3, "et0");
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	reply_free(&r);

	/* The member nest without NLA_F_NESTED. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_MEMBER, 0);
	offs = next_offs(nlh);
	nest = nest_start(nlh, ETRUNK_A_MEMBER);
	nest->nla_type &= ~NLA_F_NESTED;
	mnl_attr_put_strz(nlh, ETRUNK_MEMBER_A_IFNAME, "a0");
	mnl_attr_put_u16(nlh, ETRUNK_MEMBER_A_PRIORITY, 1);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	reply_free(&r);

	/* None of it was applied. */
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(0U, t.min_links);
	EXPECT_EQ(ETRUNK_HASH_LAYER2, t.hash_policy);
	ASSERT_EQ(1, t.n_members);
	EXPECT_EQ(ETRUNK_DEFAULT_PRIORITY, t.members[0].priority);
}

/* Values out of range: -ERANGE (NLA_POLICY_MAX), pointing at them; the
 * other attributes of the request are not applied.
 */
TEST_F(etrunk, err_out_of_range)
{
	static const struct {
		int type;
		__u32 value;
		int size;
	} cases[] = {
		{ ETRUNK_A_HASH_POLICY, ETRUNK_HASH_MAX + 1, 1 },
		{ ETRUNK_A_MODE, ETRUNK_MODE_MAX + 1, 1 },
		{ ETRUNK_A_MIN_LINKS, ETRUNK_MAX_MEMBERS + 1, 4 },
		{ ETRUNK_A_MAX_LINKS, ETRUNK_MAX_MEMBERS + 1, 4 },
	};
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct trunk t;
	struct reply r;
	__u32 offs;
	size_t i;

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 1));

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
		put_trunk(nlh, "et0", 0);
		mnl_attr_put_u32(nlh, ETRUNK_A_MIN_LINKS, 1);
		offs = next_offs(nlh);
		if (cases[i].size == 1)
			mnl_attr_put_u8(nlh, cases[i].type, (__u8)cases[i].value);
		else
			mnl_attr_put_u32(nlh, cases[i].type, cases[i].value);
		nl_talk(self->nl, nlh, &r);
		if (r.err != -ERANGE)
			TH_LOG("attribute %d value %u", cases[i].type,
			       cases[i].value);
		EXPECT_NLERR(&r, -ERANGE, (int)offs);
		reply_free(&r);
	}
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(0U, t.min_links) TH_LOG("a refused request changed min_links");

	/* Member flags are 0 or 1. */
	for (i = ETRUNK_MEMBER_A_MASTER; i <= ETRUNK_MEMBER_A_ADMIN_UP; i++) {
		struct nlattr *nest;

		nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_MEMBER, 0);
		nest = nest_start(nlh, ETRUNK_A_MEMBER);
		mnl_attr_put_strz(nlh, ETRUNK_MEMBER_A_IFNAME, "a0");
		mnl_attr_put_u16(nlh, ETRUNK_MEMBER_A_PRIORITY, 7);
		offs = next_offs(nlh);
		mnl_attr_put_u8(nlh, (__u16)i, 2);
		mnl_attr_nest_end(nlh, nest);
		nl_talk(self->nl, nlh, &r);
		if (r.err != -ERANGE)
			TH_LOG("member attribute %zu", i);
		EXPECT_NLERR(&r, -ERANGE, (int)offs);
		reply_free(&r);
	}
	ASSERT_EQ(0, get_member(self->nl, "a0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_DEFAULT_PRIORITY, t.member.priority);

	/* A name longer than a device name can be: no NUL within
	 * IFNAMSIZ, which the policy (NLA_NUL_STRING) takes as malformed.
	 */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_GET_TRUNK, 0);
	offs = next_offs(nlh);
	mnl_attr_put_strz(nlh, ETRUNK_A_IFNAME, "a-name-of-twenty-chars");
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	reply_free(&r);
}

/* Mode lacp: a system ID that is not a unicast MAC address is refused
 * with a message pointing at it, and nothing of the request is applied;
 * good values read back, the system ID is the trunk's MAC until set.
 */
TEST_F(etrunk, lacp_settings)
{
	static const __u8 bad_ids[][6] = {
		{ 0, 0, 0, 0, 0, 0 },
		{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
		{ 0x01, 0x80, 0xc2, 0x00, 0x00, 0x02 },
	};
	static const __u8 id[6] = { 0x02, 0, 0, 0, 0, 0x42 };
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct trunk t;
	struct reply r;
	__u32 offs;
	size_t i;

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 0));
	for (i = 0; i < sizeof(bad_ids) / sizeof(bad_ids[0]); i++) {
		nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
		put_trunk(nlh, "et0", 0);
		mnl_attr_put_u8(nlh, ETRUNK_A_MODE, ETRUNK_MODE_LACP);
		mnl_attr_put_u16(nlh, ETRUNK_A_LACP_KEY, 9);
		offs = next_offs(nlh);
		mnl_attr_put(nlh, ETRUNK_A_LACP_SYSTEM, 6, bad_ids[i]);
		nl_talk(self->nl, nlh, &r);
		EXPECT_NLERR(&r, -EINVAL, (int)offs);
		EXPECT_NE(NULL, strstr(r.msg, "unicast MAC address"))
			TH_LOG("message: %s", r.msg);
		reply_free(&r);
	}
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	ASSERT_STREQ("", t.bad);
	EXPECT_EQ(ETRUNK_MODE_LOADBALANCE, t.mode);
	EXPECT_EQ(ETRUNK_LACP_DEFAULT_KEY, t.lacp_key);

	/* A system ID of the wrong length fails the policy. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	offs = next_offs(nlh);
	mnl_attr_put(nlh, ETRUNK_A_LACP_SYSTEM, 5, id);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -ERANGE, (int)offs);
	reply_free(&r);

	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_MODE, ETRUNK_MODE_LACP);
	mnl_attr_put_u16(nlh, ETRUNK_A_LACP_KEY, 9);
	mnl_attr_put_u8(nlh, ETRUNK_A_LACP_RATE, ETRUNK_LACP_RATE_FAST);
	mnl_attr_put(nlh, ETRUNK_A_LACP_SYSTEM, 6, id);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	ASSERT_STREQ("", t.bad);
	EXPECT_EQ(ETRUNK_MODE_LACP, t.mode);
	EXPECT_EQ(9, t.lacp_key);
	EXPECT_EQ(ETRUNK_LACP_RATE_FAST, t.lacp_rate);
	EXPECT_EQ(0, memcmp(id, t.lacp_system, 6));
	EXPECT_EQ(ETRUNK_LACP_SELECT_COUNT, t.lacp_select);
	EXPECT_EQ(0, t.lacp_preempt);
	EXPECT_EQ(ETRUNK_DEFAULT_LACP_PREEMPT_DELAY, (int)t.lacp_preempt_delay);

	/* Beyond their ranges: refused, and nothing changes. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_LACP_PREEMPT, 1);
	offs = next_offs(nlh);
	mnl_attr_put_u32(nlh, ETRUNK_A_LACP_PREEMPT_DELAY,
			 ETRUNK_MAX_LACP_PREEMPT_DELAY + 1);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -ERANGE, (int)offs);
	reply_free(&r);
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	offs = next_offs(nlh);
	mnl_attr_put_u8(nlh, ETRUNK_A_LACP_SELECT, ETRUNK_LACP_SELECT_PRIORITY + 1);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -ERANGE, (int)offs);
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(0, t.lacp_preempt);

	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_LACP_SELECT, ETRUNK_LACP_SELECT_BANDWIDTH);
	mnl_attr_put_u8(nlh, ETRUNK_A_LACP_PREEMPT, 1);
	mnl_attr_put_u32(nlh, ETRUNK_A_LACP_PREEMPT_DELAY, 5000);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_LACP_SELECT_BANDWIDTH, t.lacp_select);
	EXPECT_EQ(1, t.lacp_preempt);
	EXPECT_EQ(5000, (int)t.lacp_preempt_delay);
}

/* No trunk or member named: -EINVAL with a message. */
TEST_F(etrunk, err_missing_selector)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct reply r;

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 1));

	nlh = req_new(self->nl, buf, ETRUNK_CMD_GET_TRUNK, 0);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	reply_free(&r);

	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_HASH_POLICY, ETRUNK_HASH_LAYER34);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	reply_free(&r);

	/* No member nest at all. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_GET_MEMBER, 0);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	reply_free(&r);

	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_MEMBER, 0);
	put_trunk(nlh, "et0", 0);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	reply_free(&r);

	/* A member nest that names no member. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_MEMBER, 0);
	nest = nest_start(nlh, ETRUNK_A_MEMBER);
	mnl_attr_put_u16(nlh, ETRUNK_MEMBER_A_PRIORITY, 1);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	reply_free(&r);
}

/* A name or index of no device, or of a device that is no trunk. */
TEST_F(etrunk, err_no_such_trunk)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct trunk t;
	struct reply r;

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 1));

	get_trunk(self->nl, "nosuch0", 0, &t, &r);
	EXPECT_NLERR(&r, -ENODEV, -1);
	reply_free(&r);
	get_trunk(self->nl, NULL, 1000000, &t, &r);
	EXPECT_NLERR(&r, -ENODEV, -1);
	reply_free(&r);

	/* lo and a member are devices, not trunks. */
	get_trunk(self->nl, "lo", 0, &t, &r);
	EXPECT_NLERR(&r, -ENODEV, -1);
	reply_free(&r);
	get_trunk(self->nl, NULL, ifindex_of("a0"), &t, &r);
	EXPECT_NLERR(&r, -ENODEV, -1);
	reply_free(&r);

	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "b0", 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_HASH_POLICY, ETRUNK_HASH_LAYER34);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -ENODEV, -1);
	reply_free(&r);
}

/* GET_MEMBER and SET_MEMBER on a device that is no member: -ENODEV. */
TEST_F(etrunk, err_not_a_member)
{
	struct trunk t;
	struct reply r;

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 1));

	/* b0: the veth peer of a member; et0: the trunk itself. */
	set_member(self->nl, "b0", 1, -1, -1, &r);
	EXPECT_NLERR(&r, -ENODEV, -1);
	reply_free(&r);
	set_member(self->nl, "et0", 1, -1, -1, &r);
	EXPECT_NLERR(&r, -ENODEV, -1);
	reply_free(&r);
	set_member(self->nl, "nosuch0", 1, -1, -1, &r);
	EXPECT_NLERR(&r, -ENODEV, -1);
	reply_free(&r);
	get_member(self->nl, "b0", 0, &t, &r);
	EXPECT_NLERR(&r, -ENODEV, -1);
	reply_free(&r);
	get_member(self->nl, NULL, ifindex_of("lo"), &t, &r);
	EXPECT_NLERR(&r, -ENODEV, -1);
	reply_free(&r);

	/* A former member. */
	ASSERT_EQ(0, run("ip link set a0 nomaster"));
	get_member(self->nl, "a0", 0, &t, &r);
	EXPECT_NLERR(&r, -ENODEV, -1);
	reply_free(&r);
}

/*
 * The mode only changes while the trunk has no members. There is one mode
 * so far: setting it (unchanged) is accepted with or without members, and
 * any other value is out of range before membership is looked at.
 */
TEST_F(etrunk, mode_with_members)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct trunk t;
	struct reply r;

	ASSERT_EQ(0, run("ip link add et1 type etrunk"));
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et1", 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_MODE, ETRUNK_MODE_LOADBALANCE);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 1));
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_MODE, ETRUNK_MODE_LOADBALANCE);
	mnl_attr_put_u8(nlh, ETRUNK_A_HASH_POLICY, ETRUNK_HASH_ENCAP34);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_MODE_LOADBALANCE, t.mode);
	EXPECT_EQ(ETRUNK_HASH_ENCAP34, t.hash_policy);
}

/* Without CAP_NET_ADMIN: SET is refused with -EPERM, GET works. */
TEST_F(etrunk, unprivileged)
{
	struct nl *un = calloc(1, sizeof(*un));
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct trunk t[2];
	struct reply r;
	int n;

	ASSERT_NE(NULL, un);
	ASSERT_EQ(0, make_trunk("et0", "a", "b", 1));

	/* The socket is opened and used without the capability. */
	ASSERT_EQ(0, cap_net_admin(false));
	ASSERT_EQ(0, nl_open(un));

	nlh = req_new(un, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_HASH_POLICY, ETRUNK_HASH_LAYER34);
	EXPECT_EQ(-EPERM, nl_talk(un, nlh, &r));
	reply_free(&r);
	EXPECT_EQ(-EPERM, set_member(un, "a0", 1, -1, -1, &r));
	reply_free(&r);

	EXPECT_EQ(0, get_trunk(un, "et0", 0, &t[0], &r));
	reply_free(&r);
	EXPECT_STREQ("et0", t[0].ifname);
	EXPECT_EQ(0, get_member(un, "a0", 0, &t[0], &r));
	reply_free(&r);
	EXPECT_STREQ("a0", t[0].member.ifname);
	EXPECT_EQ(0, dump_trunks(un, t, 2, &n));
	EXPECT_EQ(1, n);
	nl_close(un);
	free(un);

	/* Nothing changed. */
	ASSERT_EQ(0, cap_net_admin(true));
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t[0], &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_HASH_LAYER2, t[0].hash_policy);
	ASSERT_EQ(1, t[0].n_members);
	EXPECT_EQ(ETRUNK_DEFAULT_PRIORITY, t[0].members[0].priority);
}

/* Nothing of another namespace is visible or changeable. */
TEST_F(etrunk, netns_isolation)
{
	struct nl *other = calloc(1, sizeof(*other));
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct evlog *log = calloc(1, sizeof(*log));
	struct trunk t[4];
	struct reply r;
	__u32 other_index;
	int here, there, n;

	ASSERT_NE(NULL, other);
	ASSERT_NE(NULL, log);
	ASSERT_EQ(0, make_trunk("et0", "a", "b", 1));
	ASSERT_EQ(0, events_join(self->nl));

	/* Another namespace with trunk x0 (member x_m0); its socket. */
	here = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, here);
	ASSERT_EQ(0, new_netns());
	there = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, there);
	ASSERT_EQ(0, make_trunk("x0", "xm", "xp", 1));
	other_index = ifindex_of("x0");
	ASSERT_EQ(0, nl_open(other));
	ASSERT_EQ(0, setns(here, CLONE_NEWNET));

	/* Here: only et0. */
	ASSERT_EQ(0, dump_trunks(self->nl, t, 4, &n));
	ASSERT_EQ(1, n);
	EXPECT_STREQ("et0", t[0].ifname);
	get_trunk(self->nl, "x0", 0, &t[0], &r);
	EXPECT_NLERR(&r, -ENODEV, -1);
	reply_free(&r);
	/* Its index may well be another device's here, not x0. */
	if (get_trunk(self->nl, NULL, other_index, &t[0], &r) == 0) {
		EXPECT_STRNE("x0", t[0].ifname);
	} else {
		EXPECT_EQ(-ENODEV, r.err);
	}
	reply_free(&r);
	get_member(self->nl, "xm0", 0, &t[0], &r);
	EXPECT_EQ(-ENODEV, r.err);
	reply_free(&r);
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "x0", 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_HASH_POLICY, ETRUNK_HASH_LAYER34);
	EXPECT_EQ(-ENODEV, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	EXPECT_EQ(-ENODEV, set_member(self->nl, "xm0", 1, -1, -1, &r));
	reply_free(&r);

	/* The other socket keeps to its namespace, wherever its user is. */
	ASSERT_EQ(0, dump_trunks(other, t, 4, &n));
	ASSERT_EQ(1, n);
	EXPECT_STREQ("x0", t[0].ifname);
	EXPECT_EQ(ETRUNK_HASH_LAYER2, t[0].hash_policy);
	get_trunk(other, "et0", 0, &t[0], &r);
	EXPECT_EQ(-ENODEV, r.err);
	reply_free(&r);

	/* Its events do not reach this namespace's listeners. */
	nlh = req_new(other, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "x0", 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_HASH_POLICY, ETRUNK_HASH_LAYER34);
	EXPECT_EQ(0, nl_talk(other, nlh, &r));
	reply_free(&r);
	ASSERT_EQ(0, events_read(self->nl, log, 500, NULL, NULL));
	EXPECT_EQ(0, log->n);

	nl_close(other);
	free(other);
	free(log);
	close(here);
	close(there);
}

static bool got_active(const struct evlog *log, const void *arg)
{
	const __u32 *want = arg;
	int i;

	for (i = 0; i < log->n; i++)
		if (log->ev[i].event == ETRUNK_EVENT_ACTIVE &&
		    log->ev[i].active_members == *want)
			return true;
	return false;
}

struct want_state {
	int from;
	const char *member;
	__u8 state;
	__u32 active;
};

static bool got_state_and_active(const struct evlog *log, const void *arg)
{
	const struct want_state *w = arg;
	int i, state = 0, active = 0;

	for (i = w->from; i < log->n; i++) {
		const struct trunk *e = &log->ev[i];

		if (e->event == ETRUNK_EVENT_MEMBER_STATE &&
		    !strcmp(e->member.ifname, w->member) &&
		    e->member.state == w->state)
			state = 1;
		if (e->event == ETRUNK_EVENT_ACTIVE &&
		    e->active_members == w->active)
			active = 1;
	}
	return state && active;
}

/* Every event: its type, seq, the trunk; seq counts from 1 by one. */
static void check_event_log(struct __test_metadata *_metadata,
			    const struct evlog *log)
{
	int i;

	for (i = 0; i < log->n; i++) {
		const struct trunk *e = &log->ev[i];

		EXPECT_STREQ("", e->bad) TH_LOG("event %d", i);
		EXPECT_EQ(ETRUNK_CMD_EVENT, e->cmd);
		EXPECT_TRUE(e->seen[ETRUNK_A_EVENT]);
		EXPECT_TRUE(e->seen[ETRUNK_A_EVENT_SEQ]);
		EXPECT_TRUE(e->event > ETRUNK_EVENT_UNSPEC &&
			    e->event < __ETRUNK_EVENT_MAX);
		EXPECT_EQ((__u32)(i + 1), e->event_seq)
			TH_LOG("event %d (type %u) has seq %u", i, e->event,
			       e->event_seq);
		switch (e->event) {
		case ETRUNK_EVENT_MEMBER_ADDED:
		case ETRUNK_EVENT_MEMBER_REMOVED:
		case ETRUNK_EVENT_MEMBER_STATE:
			EXPECT_TRUE(e->seen[ETRUNK_A_MEMBER]);
			break;
		case ETRUNK_EVENT_ACTIVE:
			EXPECT_TRUE(e->seen[ETRUNK_A_ACTIVE_MEMBERS]);
			EXPECT_TRUE(e->seen[ETRUNK_A_CARRIER]);
			break;
		}
	}
}

/*
 * A member's peer goes down: MEMBER_STATE for the member and ACTIVE for
 * the trunk; the sequence numbers count every event of the namespace from
 * 1, one by one.
 */
TEST_F_TIMEOUT(etrunk, events_member_state, 60)
{
	struct evlog *log = calloc(1, sizeof(*log));
	struct want_state w = { .member = "a0", .state = ETRUNK_MEMBER_DOWN,
				.active = 1 };
	struct nl *ev = calloc(1, sizeof(*ev));
	const struct trunk *e;
	__u32 two = 2;
	int i;

	ASSERT_NE(NULL, log);
	ASSERT_NE(NULL, ev);
	/* Listening before the namespace has had a single event. */
	ASSERT_EQ(0, nl_open(ev));
	ASSERT_EQ(0, events_join(ev));

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 2));
	ASSERT_EQ(0, events_read(ev, log, 10000, got_active, &two));
	ASSERT_TRUE(got_active(log, &two)) TH_LOG("no ACTIVE event with 2");
	/* Both were added, to et0. */
	i = ev_find(log, 0, ETRUNK_EVENT_MEMBER_ADDED, "a0");
	ASSERT_LE(0, i);
	EXPECT_STREQ("et0", log->ev[i].ifname);
	EXPECT_EQ(ifindex_of("et0"), log->ev[i].ifindex);
	EXPECT_LE(0, ev_find(log, 0, ETRUNK_EVENT_MEMBER_ADDED, "a1"));

	w.from = log->n;
	ASSERT_EQ(0, run("ip link set b0 down"));
	ASSERT_EQ(0, events_read(ev, log, 10000, got_state_and_active, &w));

	i = ev_find(log, w.from, ETRUNK_EVENT_MEMBER_STATE, "a0");
	ASSERT_LE(0, i) TH_LOG("no MEMBER_STATE event for a0");
	e = &log->ev[i];
	EXPECT_STREQ("et0", e->ifname);
	EXPECT_EQ(ifindex_of("et0"), e->ifindex);
	EXPECT_EQ(ifindex_of("a0"), e->member.ifindex);
	EXPECT_EQ(ETRUNK_MEMBER_DOWN, e->member.state);
	EXPECT_EQ(ETRUNK_REASON_NO_CARRIER, e->member.reason);
	EXPECT_EQ(1U, e->member.link_failures);

	i = ev_find(log, w.from, ETRUNK_EVENT_ACTIVE, NULL);
	ASSERT_LE(0, i) TH_LOG("no ACTIVE event");
	e = &log->ev[i];
	EXPECT_STREQ("et0", e->ifname);
	EXPECT_EQ(1U, e->active_members);
	EXPECT_EQ(1, e->carrier);
	/* a1 did not change. */
	EXPECT_EQ(-1, ev_find(log, w.from, ETRUNK_EVENT_MEMBER_STATE, "a1"));

	/* Anything late, then the whole log's numbering. */
	ASSERT_EQ(0, events_read(ev, log, 300, NULL, NULL));
	check_event_log(_metadata, log);

	nl_close(ev);
	free(ev);
	free(log);
}

/* The other events: trunk changed, member state by SET_MEMBER, removed. */
TEST_F_TIMEOUT(etrunk, events_other, 60)
{
	struct evlog *log = calloc(1, sizeof(*log));
	struct nl *ev = calloc(1, sizeof(*ev));
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct reply r;
	__u32 two = 2;
	int from, i;

	ASSERT_NE(NULL, log);
	ASSERT_NE(NULL, ev);
	ASSERT_EQ(0, nl_open(ev));
	ASSERT_EQ(0, events_join(ev));
	ASSERT_EQ(0, make_trunk("et0", "a", "b", 2));
	ASSERT_EQ(0, events_read(ev, log, 10000, got_active, &two));

	from = log->n;
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	mnl_attr_put_u32(nlh, ETRUNK_A_MIN_LINKS, 2);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	ASSERT_EQ(0, events_read(ev, log, 2000, NULL, NULL));
	i = ev_find(log, from, ETRUNK_EVENT_TRUNK_CHANGED, NULL);
	ASSERT_LE(0, i) TH_LOG("no TRUNK_CHANGED event");
	EXPECT_STREQ("et0", log->ev[i].ifname);

	/* admin_up 0: MEMBER_STATE with reason admin, ACTIVE with 1 and,
	 * min_links 2, no carrier.
	 */
	from = log->n;
	ASSERT_EQ(0, set_member(self->nl, "a1", -1, -1, 0, &r));
	reply_free(&r);
	ASSERT_EQ(0, events_read(ev, log, 2000, NULL, NULL));
	i = ev_find(log, from, ETRUNK_EVENT_MEMBER_STATE, "a1");
	ASSERT_LE(0, i) TH_LOG("no MEMBER_STATE event for a1");
	EXPECT_EQ(ETRUNK_MEMBER_DOWN, log->ev[i].member.state);
	EXPECT_EQ(ETRUNK_REASON_ADMIN, log->ev[i].member.reason);
	EXPECT_EQ(0, log->ev[i].member.admin_up);
	i = ev_find(log, from, ETRUNK_EVENT_ACTIVE, NULL);
	ASSERT_LE(0, i) TH_LOG("no ACTIVE event");
	EXPECT_EQ(1U, log->ev[i].active_members);
	EXPECT_EQ(0, log->ev[i].carrier);

	from = log->n;
	ASSERT_EQ(0, run("ip link set a1 nomaster"));
	ASSERT_EQ(0, events_read(ev, log, 2000, NULL, NULL));
	i = ev_find(log, from, ETRUNK_EVENT_MEMBER_REMOVED, "a1");
	ASSERT_LE(0, i) TH_LOG("no MEMBER_REMOVED event for a1");
	EXPECT_STREQ("et0", log->ev[i].ifname);

	check_event_log(_metadata, log);
	nl_close(ev);
	free(ev);
	free(log);
}

/* ---- E-Trunk groups ------------------------------------------------------ */

struct binding {
	__u32 ifindex, group, id, remote_id, revert_ms;
	char ifname[IFNAMSIZ];
	bool has_remote_id, has_revert_ms;
	__u8 mode, basis, role, reason;
};

/* A group message (GET_GROUP) or a group event's nest. */
struct group {
	char bad[160];
	bool seen[ETRUNK_GROUP_A_MAX + 1];
	__u32 id, hello_interval, revert_delay;
	__u8 priority, system[6], key_set, hold_mult, peer_state;
	__u8 peer[16], source[16], liveness[16];
	int peer_len, source_len, liveness_len;
	__u16 port;
	char descr[128];
	__u64 counters[ETRUNK_GROUP_A_MAX + 1];
	char bfd_session[32];
	__u8 bfd, bfd_mult;
	__u32 bfd_min_tx, bfd_min_rx;
	int n_trunks;
	struct binding trunks[8];
	bool raw_has_key;	/* the key's bytes appear in the message */
};

static const enum mnl_attr_data_type group_attr_types[ETRUNK_GROUP_A_MAX + 1] = {
	[ETRUNK_GROUP_A_ID] = MNL_TYPE_U32,
	[ETRUNK_GROUP_A_PAD] = MNL_TYPE_FLAG,
	[ETRUNK_GROUP_A_PRIORITY] = MNL_TYPE_U8,
	[ETRUNK_GROUP_A_SYSTEM] = MNL_TYPE_BINARY,
	[ETRUNK_GROUP_A_PEER_ADDR] = MNL_TYPE_BINARY,
	[ETRUNK_GROUP_A_SOURCE_ADDR] = MNL_TYPE_BINARY,
	[ETRUNK_GROUP_A_LIVENESS_ADDR] = MNL_TYPE_BINARY,
	[ETRUNK_GROUP_A_PORT] = MNL_TYPE_U16,
	[ETRUNK_GROUP_A_KEY_SET] = MNL_TYPE_U8,
	[ETRUNK_GROUP_A_HELLO_INTERVAL] = MNL_TYPE_U32,
	[ETRUNK_GROUP_A_HOLD_MULT] = MNL_TYPE_U8,
	[ETRUNK_GROUP_A_REVERT_DELAY] = MNL_TYPE_U32,
	[ETRUNK_GROUP_A_DESCRIPTION] = MNL_TYPE_NUL_STRING,
	[ETRUNK_GROUP_A_PEER_STATE] = MNL_TYPE_U8,
	[ETRUNK_GROUP_A_HELLOS_TX] = MNL_TYPE_U64,
	[ETRUNK_GROUP_A_HELLOS_RX] = MNL_TYPE_U64,
	[ETRUNK_GROUP_A_AUTH_FAILURES] = MNL_TYPE_U64,
	[ETRUNK_GROUP_A_REPLAYS] = MNL_TYPE_U64,
	[ETRUNK_GROUP_A_ROLE_CHANGES] = MNL_TYPE_U64,
	[ETRUNK_GROUP_A_DROPS] = MNL_TYPE_U64,
	[ETRUNK_GROUP_A_TRUNKS] = MNL_TYPE_NESTED,
	[ETRUNK_GROUP_A_BFD_SESSION] = MNL_TYPE_NUL_STRING,
	[ETRUNK_GROUP_A_BFD] = MNL_TYPE_U8,
	[ETRUNK_GROUP_A_BFD_MIN_TX] = MNL_TYPE_U32,
	[ETRUNK_GROUP_A_BFD_MIN_RX] = MNL_TYPE_U32,
	[ETRUNK_GROUP_A_BFD_MULT] = MNL_TYPE_U8,
	/* never: ETRUNK_GROUP_A_KEY (write-only), ETRUNK_GROUP_A_TRUNK here */
};

static void parse_binding(const struct nlattr *nest, struct binding *b,
			  struct group *g)
{
	const struct nlattr *a;

	memset(b, 0, sizeof(*b));
	mnl_attr_for_each_nested(a, nest) {
		switch (mnl_attr_get_type(a)) {
		case ETRUNK_BIND_A_IFINDEX:
			b->ifindex = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_IFNAME:
			snprintf(b->ifname, sizeof(b->ifname), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_BIND_A_GROUP:
			b->group = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_ID:
			b->id = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_MODE:
			b->mode = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BIND_A_REMOTE_ID:
			b->remote_id = mnl_attr_get_u32(a);
			b->has_remote_id = true;
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
		case ETRUNK_BIND_A_REVERT_MS:
			b->revert_ms = mnl_attr_get_u32(a);
			b->has_revert_ms = true;
			break;
		default:
			snprintf(g->bad, sizeof(g->bad),
				 "binding attribute %u not in the contract",
				 mnl_attr_get_type(a));
		}
	}
}

static void parse_group(const struct nlattr *nest, struct group *g)
{
	const struct nlattr *a, *b;

	memset(g, 0, sizeof(*g));
	mnl_attr_for_each_nested(a, nest) {
		__u16 type = mnl_attr_get_type(a);

		if (type > ETRUNK_GROUP_A_MAX || !group_attr_types[type] ||
		    mnl_attr_validate(a, group_attr_types[type]) < 0) {
			snprintf(g->bad, sizeof(g->bad),
				 "group attribute %u not in the contract", type);
			continue;
		}
		g->seen[type] = true;
		switch (type) {
		case ETRUNK_GROUP_A_ID:
			g->id = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_PRIORITY:
			g->priority = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_SYSTEM:
			memcpy(g->system, mnl_attr_get_payload(a), 6);
			break;
		case ETRUNK_GROUP_A_PEER_ADDR:
			g->peer_len = mnl_attr_get_payload_len(a);
			memcpy(g->peer, mnl_attr_get_payload(a), g->peer_len);
			break;
		case ETRUNK_GROUP_A_SOURCE_ADDR:
			g->source_len = mnl_attr_get_payload_len(a);
			memcpy(g->source, mnl_attr_get_payload(a), g->source_len);
			break;
		case ETRUNK_GROUP_A_LIVENESS_ADDR:
			g->liveness_len = mnl_attr_get_payload_len(a);
			memcpy(g->liveness, mnl_attr_get_payload(a),
			       g->liveness_len);
			break;
		case ETRUNK_GROUP_A_PORT:
			g->port = mnl_attr_get_u16(a);
			break;
		case ETRUNK_GROUP_A_KEY_SET:
			g->key_set = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_HELLO_INTERVAL:
			g->hello_interval = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_HOLD_MULT:
			g->hold_mult = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_REVERT_DELAY:
			g->revert_delay = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_DESCRIPTION:
			snprintf(g->descr, sizeof(g->descr), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_GROUP_A_PEER_STATE:
			g->peer_state = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_BFD_SESSION:
			snprintf(g->bfd_session, sizeof(g->bfd_session), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_GROUP_A_BFD:
			g->bfd = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_BFD_MIN_TX:
			g->bfd_min_tx = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_BFD_MIN_RX:
			g->bfd_min_rx = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_BFD_MULT:
			g->bfd_mult = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_TRUNKS:
			mnl_attr_for_each_nested(b, a) {
				if (mnl_attr_get_type(b) != ETRUNK_GROUP_A_TRUNK ||
				    g->n_trunks == 8)
					continue;
				parse_binding(b, &g->trunks[g->n_trunks++], g);
			}
			break;
		case ETRUNK_GROUP_A_PAD:
			break;
		default:	/* the counters */
			g->counters[type] = mnl_attr_get_u64(a);
		}
	}
}

static const __u8 sys1[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
static const __u8 peer4[4] = { 192, 0, 2, 2 }, src4[4] = { 192, 0, 2, 1 };
static const __u8 peer6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };
static const __u8 key1[8] = { 'k', 'e', 'y', 'S', 'e', 'c', 'r', '1' };

/* A request with ETRUNK_A_GROUP open; the caller ends the nest. */
static struct nlattr *group_req(struct nl *nl, char *buf, __u8 cmd, __u32 id,
				struct nlmsghdr **nlhp)
{
	struct nlattr *nest;

	*nlhp = req_new(nl, buf, cmd, 0);
	nest = nest_start(*nlhp, ETRUNK_A_GROUP);
	if (id)
		mnl_attr_put_u32(*nlhp, ETRUNK_GROUP_A_ID, id);
	return nest;
}

/* NEW_GROUP @id with the required attributes (IPv4). */
static int new_group(struct nl *nl, __u32 id)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = group_req(nl, buf, ETRUNK_CMD_NEW_GROUP, id, &nlh);
	struct reply r;
	int err;

	mnl_attr_put(nlh, ETRUNK_GROUP_A_SYSTEM, 6, sys1);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_PEER_ADDR, 4, peer4);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_SOURCE_ADDR, 4, src4);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(nl, nlh, &r);
	if (err)
		fprintf(stderr, "# NEW_GROUP %u: %d %s\n", id, err, r.msg);
	reply_free(&r);
	return err;
}

static void group_from_msg(const struct nlmsghdr *m, struct group *g)
{
	const struct nlattr *a;

	memset(g, 0, sizeof(*g));
	mnl_attr_for_each(a, m, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == ETRUNK_A_GROUP)
			parse_group(a, g);
		else
			snprintf(g->bad, sizeof(g->bad),
				 "attribute %u beside the group",
				 mnl_attr_get_type(a));
	if (memmem(m, m->nlmsg_len, key1, sizeof(key1)))
		g->raw_has_key = true;
}

static int get_group(struct nl *nl, __u32 id, struct group *g, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = group_req(nl, buf, ETRUNK_CMD_GET_GROUP, id, &nlh);
	int err;

	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(nl, nlh, r);
	memset(g, 0, sizeof(*g));
	if (!err && r->n == 1)
		group_from_msg(r->msgs[0], g);
	else if (!err)
		snprintf(g->bad, sizeof(g->bad), "%d replies", r->n);
	return err;
}

static int dump_groups(struct nl *nl, struct group *g, int max, int *n)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_GET_GROUP, NLM_F_DUMP);
	struct reply r;
	int err, i;

	err = nl_talk(nl, nlh, &r);
	*n = 0;
	for (i = 0; !err && i < r.n && i < max; i++)
		group_from_msg(r.msgs[i], &g[(*n)++]);
	reply_free(&r);
	return err;
}

/* The member trunk id bind_req() gives @trunk: unique, from its ifindex. */
static __u32 default_bind_id(const char *trunk)
{
	return 1000 + ifindex_of(trunk);
}

/* BIND_TRUNK / SET_BINDING / SET_ROLE: @trunk and a binding nest of
 * u32 @group (0: none), and u8 attributes @a1 = @v1, @a2 = @v2 (0: none).
 * BIND_TRUNK also gets the id default_bind_id() (a1 ETRUNK_BIND_A_ID
 * instead: @v1 as the u32 id; 0: no id).
 */
static int bind_req(struct nl *nl, __u8 cmd, const char *trunk, __u32 group,
		    __u16 a1, __u8 v1, __u16 a2, __u8 v2, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh = req_new(nl, buf, cmd, 0);
	struct nlattr *nest;

	put_trunk(nlh, trunk, 0);
	nest = nest_start(nlh, ETRUNK_A_BINDING);
	if (group)
		mnl_attr_put_u32(nlh, ETRUNK_BIND_A_GROUP, group);
	if (a1 == ETRUNK_BIND_A_ID) {
		if (v1)
			mnl_attr_put_u32(nlh, a1, v1);
		a1 = 0;
	} else if (cmd == ETRUNK_CMD_BIND_TRUNK) {
		mnl_attr_put_u32(nlh, ETRUNK_BIND_A_ID, default_bind_id(trunk));
	}
	if (a1)
		mnl_attr_put_u8(nlh, a1, v1);
	if (a2)
		mnl_attr_put_u8(nlh, a2, v2);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}

static int unbind(struct nl *nl, const char *trunk, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_UNBIND_TRUNK, 0);

	put_trunk(nlh, trunk, 0);
	return nl_talk(nl, nlh, r);
}

/* A trunk without members in @mode (ip may lack the etrunk plugin). */
static int make_mode_trunk(struct nl *nl, const char *name, __u8 mode)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct reply r;
	int err;

	if (run("ip link add %s type etrunk", name))
		return -1;
	nlh = req_new(nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, name, 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_MODE, mode);
	err = nl_talk(nl, nlh, &r);
	reply_free(&r);
	return err;
}

static int set_mode(struct nl *nl, const char *name, __u8 mode)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	struct reply r;
	int err;

	put_trunk(nlh, name, 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_MODE, mode);
	err = nl_talk(nl, nlh, &r);
	reply_free(&r);
	return err;
}

/* The commands, their permissions, GET_GROUP's dump. */
TEST_F(etrunk, group_family)
{
	struct nl *nl = self->nl;
	int cmd;

	for (cmd = ETRUNK_CMD_NEW_GROUP; cmd <= ETRUNK_CMD_SET_GROUP_STATE; cmd++) {
		__u32 perm = nl->op_flags[cmd] & (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM);

		EXPECT_TRUE(nl->op_listed[cmd]) TH_LOG("command %d", cmd);
		EXPECT_EQ(cmd == ETRUNK_CMD_GET_GROUP ? 0U : (__u32)GENL_UNS_ADMIN_PERM,
			  perm) TH_LOG("command %d", cmd);
	}
	EXPECT_NE(0U, nl->op_flags[ETRUNK_CMD_GET_GROUP] & GENL_CMD_CAP_DUMP);
}

/* Create with defaults, read back, set everything, dump, delete. */
TEST_F(etrunk, group_crud)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct group g[3];
	struct reply r;
	int n;

	ASSERT_EQ(0, dump_groups(self->nl, g, 3, &n));
	EXPECT_EQ(0, n);
	ASSERT_EQ(0, new_group(self->nl, 5));
	ASSERT_EQ(0, get_group(self->nl, 5, &g[0], &r));
	reply_free(&r);
	EXPECT_STREQ("", g[0].bad);
	EXPECT_EQ(5U, g[0].id);
	EXPECT_EQ(ETRUNK_GROUP_DEFAULT_PRIORITY, g[0].priority);
	EXPECT_EQ(0, memcmp(sys1, g[0].system, 6));
	EXPECT_EQ(4, g[0].peer_len);
	EXPECT_EQ(0, memcmp(peer4, g[0].peer, 4));
	EXPECT_EQ(0, memcmp(src4, g[0].source, 4));
	EXPECT_FALSE(g[0].seen[ETRUNK_GROUP_A_LIVENESS_ADDR]);
	EXPECT_FALSE(g[0].seen[ETRUNK_GROUP_A_DESCRIPTION]);
	EXPECT_EQ(ETRUNK_GROUP_DEFAULT_PORT, g[0].port);
	EXPECT_EQ(0, g[0].key_set);
	EXPECT_EQ((__u32)ETRUNK_GROUP_DEFAULT_HELLO_INTERVAL, g[0].hello_interval);
	EXPECT_EQ(ETRUNK_GROUP_DEFAULT_HOLD_MULT, g[0].hold_mult);
	EXPECT_EQ((__u32)ETRUNK_GROUP_DEFAULT_REVERT_DELAY, g[0].revert_delay);
	EXPECT_EQ(ETRUNK_PEER_UNKNOWN, g[0].peer_state);
	EXPECT_TRUE(g[0].seen[ETRUNK_GROUP_A_HELLOS_TX]);
	EXPECT_TRUE(g[0].seen[ETRUNK_GROUP_A_ROLE_CHANGES]);
	EXPECT_TRUE(g[0].seen[ETRUNK_GROUP_A_TRUNKS]);
	EXPECT_EQ(0, g[0].n_trunks);

	/* The id is taken. */
	EXPECT_EQ(-EEXIST, new_group(self->nl, 5));

	/* Set everything: to IPv6, a liveness address, a description. */
	nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP, 5, &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_GROUP_A_PRIORITY, 254);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_PEER_ADDR, 16, peer6);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_SOURCE_ADDR, 16, peer6);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_LIVENESS_ADDR, 16, peer6);
	mnl_attr_put_u16(nlh, ETRUNK_GROUP_A_PORT, 4000);
	mnl_attr_put_u32(nlh, ETRUNK_GROUP_A_HELLO_INTERVAL, 10);
	mnl_attr_put_u8(nlh, ETRUNK_GROUP_A_HOLD_MULT, 255);
	mnl_attr_put_u32(nlh, ETRUNK_GROUP_A_REVERT_DELAY, 3600);
	mnl_attr_put_strz(nlh, ETRUNK_GROUP_A_DESCRIPTION, "to pe2");
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_group(self->nl, 5, &g[0], &r));
	reply_free(&r);
	EXPECT_EQ(254, g[0].priority);
	EXPECT_EQ(16, g[0].peer_len);
	EXPECT_EQ(16, g[0].source_len);
	EXPECT_EQ(16, g[0].liveness_len);
	EXPECT_EQ(4000, g[0].port);
	EXPECT_EQ(10U, g[0].hello_interval);
	EXPECT_EQ(255, g[0].hold_mult);
	EXPECT_EQ(3600U, g[0].revert_delay);
	EXPECT_STREQ("to pe2", g[0].descr);

	/* Empty liveness address and description remove them. */
	nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP, 5, &nlh);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_LIVENESS_ADDR, 0, NULL);
	mnl_attr_put_strz(nlh, ETRUNK_GROUP_A_DESCRIPTION, "");
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_group(self->nl, 5, &g[0], &r));
	reply_free(&r);
	EXPECT_FALSE(g[0].seen[ETRUNK_GROUP_A_LIVENESS_ADDR]);
	EXPECT_FALSE(g[0].seen[ETRUNK_GROUP_A_DESCRIPTION]);

	/* The dump: in id order. */
	ASSERT_EQ(0, new_group(self->nl, 16));
	ASSERT_EQ(0, new_group(self->nl, 1));
	ASSERT_EQ(0, dump_groups(self->nl, g, 3, &n));
	ASSERT_EQ(3, n);
	EXPECT_EQ(1U, g[0].id);
	EXPECT_EQ(5U, g[1].id);
	EXPECT_EQ(16U, g[2].id);
	EXPECT_STREQ("", g[2].bad);

	/* Delete. */
	nest = group_req(self->nl, buf, ETRUNK_CMD_DEL_GROUP, 5, &nlh);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	get_group(self->nl, 5, &g[0], &r);
	EXPECT_NLERR(&r, -ENOENT, -1);
	reply_free(&r);
	nest = group_req(self->nl, buf, ETRUNK_CMD_DEL_GROUP, 5, &nlh);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -ENOENT, -1);
	reply_free(&r);
	nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP, 5, &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_GROUP_A_PRIORITY, 3);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-ENOENT, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	ASSERT_EQ(0, dump_groups(self->nl, g, 3, &n));
	EXPECT_EQ(2, n);
}

/* Ranges (-ERANGE), types and values (-EINVAL), each pointing at the
 * attribute, and nothing changed.
 */
TEST_F(etrunk, group_refusals)
{
	static const struct {
		__u16 type;
		int size;	/* 1, 2, 4; or -n: n bytes of 0x01 */
		__u32 value;
		int err;
	} cases[] = {
		{ ETRUNK_GROUP_A_ID, 4, 0, -ERANGE },
		{ ETRUNK_GROUP_A_ID, 4, ETRUNK_GROUP_MAX + 1, -ERANGE },
		{ ETRUNK_GROUP_A_PRIORITY, 1, 0, -ERANGE },
		{ ETRUNK_GROUP_A_PRIORITY, 1, 255, -ERANGE },
		{ ETRUNK_GROUP_A_PORT, 2, 0, -ERANGE },
		{ ETRUNK_GROUP_A_HELLO_INTERVAL, 4, 9, -ERANGE },
		{ ETRUNK_GROUP_A_HELLO_INTERVAL, 4, 60001, -ERANGE },
		{ ETRUNK_GROUP_A_HOLD_MULT, 1, 2, -ERANGE },
		{ ETRUNK_GROUP_A_REVERT_DELAY, 4, 3601, -ERANGE },
		{ ETRUNK_GROUP_A_PRIORITY, 4, 10, -EINVAL },	/* a u32 */
		{ ETRUNK_GROUP_A_HELLO_INTERVAL, 2, 100, -EINVAL },
		{ ETRUNK_GROUP_A_SYSTEM, -5, 0, -ERANGE },
		{ ETRUNK_GROUP_A_PEER_ADDR, -5, 0, -EINVAL },
		{ ETRUNK_GROUP_A_SOURCE_ADDR, -0, 0, -EINVAL },
		{ ETRUNK_GROUP_A_LIVENESS_ADDR, -6, 0, -EINVAL },
		{ ETRUNK_GROUP_A_KEY, -65, 0, -ERANGE },
		{ ETRUNK_GROUP_A_DESCRIPTION, -65, 0, -EINVAL },
		{ ETRUNK_GROUP_A_KEY_SET, 1, 1, -EINVAL },	/* read-only */
		{ ETRUNK_GROUP_A_TRUNKS, -4, 0, -EINVAL },
		{ ETRUNK_GROUP_A_PEER_STATE, 1, 1, -EINVAL },	/* SET_GROUP_STATE's */
		{ ETRUNK_GROUP_A_ROLE_CHANGES, -8, 0, -EINVAL },
		{ ETRUNK_GROUP_A_MAX + 1, 1, 1, -EINVAL },	/* unknown */
	};
	__u8 bytes[80], zero[6] = {}, mcast[6] = { 0x01, 0, 0x5e, 0, 0, 1 };
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct group g;
	struct reply r;
	__u32 offs;
	size_t i;

	memset(bytes, 1, sizeof(bytes));
	ASSERT_EQ(0, new_group(self->nl, 1));
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP,
				 cases[i].type == ETRUNK_GROUP_A_ID ? 0 : 1, &nlh);
		mnl_attr_put_u16(nlh, ETRUNK_GROUP_A_PORT, 999);
		offs = next_offs(nlh);
		if (cases[i].size == 1)
			mnl_attr_put_u8(nlh, cases[i].type, (__u8)cases[i].value);
		else if (cases[i].size == 2)
			mnl_attr_put_u16(nlh, cases[i].type, (__u16)cases[i].value);
		else if (cases[i].size == 4)
			mnl_attr_put_u32(nlh, cases[i].type, cases[i].value);
		else if (cases[i].type == ETRUNK_GROUP_A_DESCRIPTION)
			mnl_attr_put(nlh, cases[i].type, -cases[i].size, bytes);
		else
			mnl_attr_put(nlh, cases[i].type, -cases[i].size, bytes);
		mnl_attr_nest_end(nlh, nest);
		nl_talk(self->nl, nlh, &r);
		if (r.err != cases[i].err)
			TH_LOG("case %zu: attribute %u", i, cases[i].type);
		EXPECT_NLERR(&r, cases[i].err, (int)offs);
		reply_free(&r);
	}

	/* System IDs as the LACP one: all zeros, multicast. */
	for (i = 0; i < 2; i++) {
		nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP, 1, &nlh);
		offs = next_offs(nlh);
		mnl_attr_put(nlh, ETRUNK_GROUP_A_SYSTEM, 6, i ? mcast : zero);
		mnl_attr_nest_end(nlh, nest);
		nl_talk(self->nl, nlh, &r);
		EXPECT_NLERR(&r, -EINVAL, (int)offs);
		EXPECT_NE(NULL, strstr(r.msg, "unicast"));
		reply_free(&r);
	}

	/* Mixed families, at creation and by a change. */
	nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP, 1, &nlh);
	offs = next_offs(nlh);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_SOURCE_ADDR, 16, peer6);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	EXPECT_STREQ("The addresses of a group must be of one family", r.msg);
	reply_free(&r);
	nest = group_req(self->nl, buf, ETRUNK_CMD_NEW_GROUP, 2, &nlh);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_SYSTEM, 6, sys1);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_PEER_ADDR, 4, peer4);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_SOURCE_ADDR, 4, src4);
	offs = next_offs(nlh);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_LIVENESS_ADDR, 16, peer6);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	reply_free(&r);

	/* Required at creation; the id always. */
	nest = group_req(self->nl, buf, ETRUNK_CMD_NEW_GROUP, 2, &nlh);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_PEER_ADDR, 4, peer4);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_SOURCE_ADDR, 4, src4);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	reply_free(&r);
	nest = group_req(self->nl, buf, ETRUNK_CMD_GET_GROUP, 0, &nlh);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	reply_free(&r);
	nlh = req_new(self->nl, buf, ETRUNK_CMD_DEL_GROUP, 0);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	reply_free(&r);

	/* The configuration is not SET_GROUP_STATE's. */
	nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP_STATE, 1, &nlh);
	offs = next_offs(nlh);
	mnl_attr_put_u8(nlh, ETRUNK_GROUP_A_PRIORITY, 3);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	EXPECT_NE(NULL, strstr(r.msg, "ETRUNK_CMD_SET_GROUP"));
	reply_free(&r);

	/* Nothing of it changed the group, and group 2 does not exist. */
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_GROUP_DEFAULT_PORT, g.port);
	EXPECT_EQ(4, g.source_len);
	EXPECT_EQ(0, memcmp(sys1, g.system, 6));
	EXPECT_EQ(ETRUNK_PEER_UNKNOWN, g.peer_state);
	EXPECT_EQ(-ENOENT, get_group(self->nl, 2, &g, &r));
	reply_free(&r);
}

/* The key is written, reported as set, never read back; empty clears. */
TEST_F(etrunk, group_key_write_only)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct group g[1];
	struct reply r;
	int n;

	ASSERT_EQ(0, new_group(self->nl, 3));
	nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP, 3, &nlh);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_KEY, sizeof(key1), key1);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	ASSERT_EQ(0, get_group(self->nl, 3, &g[0], &r));
	reply_free(&r);
	EXPECT_EQ(1, g[0].key_set);
	EXPECT_FALSE(g[0].raw_has_key);
	EXPECT_STREQ("", g[0].bad);
	ASSERT_EQ(0, dump_groups(self->nl, g, 1, &n));
	EXPECT_EQ(1, g[0].key_set);
	EXPECT_FALSE(g[0].raw_has_key);
	/* The daemon's read, GET_GROUP_KEY, has it (and nothing else). */
	nest = group_req(self->nl, buf, ETRUNK_CMD_GET_GROUP_KEY, 3, &nlh);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	ASSERT_EQ(1, r.n);
	EXPECT_NE(NULL, memmem(r.msgs[0], r.msgs[0]->nlmsg_len, key1,
			       sizeof(key1)));
	reply_free(&r);

	nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP, 3, &nlh);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_KEY, 0, NULL);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	ASSERT_EQ(0, get_group(self->nl, 3, &g[0], &r));
	reply_free(&r);
	EXPECT_EQ(0, g[0].key_set);
}

/* The daemon's peer state and counters. */
TEST_F(etrunk, group_state)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct group g;
	struct reply r;
	__u16 t;

	ASSERT_EQ(0, new_group(self->nl, 4));
	nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP_STATE, 4, &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_GROUP_A_PEER_STATE, ETRUNK_PEER_UP);
	for (t = ETRUNK_GROUP_A_HELLOS_TX; t <= ETRUNK_GROUP_A_ROLE_CHANGES; t++)
		mnl_attr_put_u64(nlh, t, (1ULL << 40) + t);
	mnl_attr_put_u64(nlh, ETRUNK_GROUP_A_DROPS, 77);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_group(self->nl, 4, &g, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_PEER_UP, g.peer_state);
	for (t = ETRUNK_GROUP_A_HELLOS_TX; t <= ETRUNK_GROUP_A_ROLE_CHANGES; t++)
		EXPECT_EQ((1ULL << 40) + t, g.counters[t]);
	EXPECT_EQ(77ULL, g.counters[ETRUNK_GROUP_A_DROPS]);

	nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP_STATE, 4, &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_GROUP_A_PEER_STATE, ETRUNK_PEER_MAX + 1);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-ERANGE, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP_STATE, 9, &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_GROUP_A_PEER_STATE, ETRUNK_PEER_DOWN);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-ENOENT, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
}

/* Groups of another namespace are invisible; ids are per namespace. */
TEST_F(etrunk, group_netns)
{
	struct nl *other = calloc(1, sizeof(*other));
	struct group g[2];
	struct reply r;
	int here, n;

	ASSERT_NE(NULL, other);
	ASSERT_EQ(0, new_group(self->nl, 1));
	here = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, here);
	ASSERT_EQ(0, new_netns());
	ASSERT_EQ(0, nl_open(other));
	ASSERT_EQ(0, setns(here, CLONE_NEWNET));

	ASSERT_EQ(0, dump_groups(other, g, 2, &n));
	EXPECT_EQ(0, n);
	EXPECT_EQ(-ENOENT, get_group(other, 1, &g[0], &r));
	reply_free(&r);
	ASSERT_EQ(0, new_group(other, 1));
	ASSERT_EQ(0, new_group(other, 2));
	ASSERT_EQ(0, dump_groups(self->nl, g, 2, &n));
	EXPECT_EQ(1, n);
	nl_close(other);
	free(other);
	close(here);
	/* The other namespace goes with its groups (kmemleak would say). */
}

/* Binding: who may be bound, once, to an existing group; what it blocks. */
TEST_F(etrunk, group_bind)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct group g;
	struct trunk t;
	struct reply r;

	ASSERT_EQ(0, make_mode_trunk(self->nl, "et0", ETRUNK_MODE_LACP));
	ASSERT_EQ(0, run("ip link add et1 type etrunk"));
	ASSERT_EQ(0, make_mode_trunk(self->nl, "et2", ETRUNK_MODE_BACKUP));
	ASSERT_EQ(0, run("ip link add d0 type veth peer name d1"));
	ASSERT_EQ(0, new_group(self->nl, 1));
	ASSERT_EQ(0, new_group(self->nl, 2));

	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et0", 1,
			      ETRUNK_BIND_A_MODE, ETRUNK_EGROUP_MODE_FORCE_MASTER,
			      ETRUNK_BIND_A_BASIS, ETRUNK_EGROUP_BASIS_LINKS, &r))
		TH_LOG("%s", r.msg);
	reply_free(&r);
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et2", 1, 0, 0,
			      0, 0, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_STREQ("", g.bad);
	ASSERT_EQ(2, g.n_trunks);
	EXPECT_STREQ("et0", g.trunks[0].ifname);
	EXPECT_EQ(ifindex_of("et0"), g.trunks[0].ifindex);
	EXPECT_EQ(1U, g.trunks[0].group);
	EXPECT_EQ(ETRUNK_EGROUP_MODE_FORCE_MASTER, g.trunks[0].mode);
	EXPECT_EQ(ETRUNK_EGROUP_BASIS_LINKS, g.trunks[0].basis);
	EXPECT_EQ(ETRUNK_EROLE_NONE, g.trunks[0].role);
	EXPECT_FALSE(g.trunks[0].has_remote_id);
	EXPECT_STREQ("et2", g.trunks[1].ifname);
	EXPECT_EQ(ETRUNK_EGROUP_MODE_AUTO, g.trunks[1].mode);
	EXPECT_EQ(ETRUNK_EGROUP_BASIS_PRIORITY, g.trunks[1].basis);

	/* One group per trunk. */
	bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et0", 1, 0, 0, 0, 0, &r);
	EXPECT_NLERR(&r, -EBUSY, -1);
	reply_free(&r);
	bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et0", 2, 0, 0, 0, 0, &r);
	EXPECT_NLERR(&r, -EBUSY, -1);
	EXPECT_STREQ("The trunk is already bound to an E-Trunk group", r.msg);
	reply_free(&r);
	/* Not in mode lacp or backup; not a trunk; no such group or device. */
	bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et1", 1, 0, 0, 0, 0, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	EXPECT_STREQ("E-Trunk member trunks are in mode lacp or backup", r.msg);
	reply_free(&r);
	bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "d0", 1, 0, 0, 0, 0, &r);
	EXPECT_NLERR(&r, -ENODEV, -1);
	EXPECT_STREQ("The device is not a trunk", r.msg);
	reply_free(&r);
	bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "nosuch", 1, 0, 0, 0, 0, &r);
	EXPECT_NLERR(&r, -ENODEV, -1);
	reply_free(&r);
	ASSERT_EQ(0, set_mode(self->nl, "et1", ETRUNK_MODE_LACP));
	bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et1", 3, 0, 0, 0, 0, &r);
	EXPECT_NLERR(&r, -ENOENT, -1);
	EXPECT_STREQ("No such E-Trunk group", r.msg);
	reply_free(&r);
	bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et1", 0, 0, 0, 0, 0, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	reply_free(&r);
	/* Roles are SET_ROLE's. */
	bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et1", 2, ETRUNK_BIND_A_ROLE,
		 ETRUNK_EROLE_MASTER, 0, 0, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	EXPECT_STREQ("Written with ETRUNK_CMD_SET_ROLE", r.msg);
	reply_free(&r);
	bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et1", 2, ETRUNK_BIND_A_MODE,
		 ETRUNK_EGROUP_MODE_MAX + 1, 0, 0, &r);
	EXPECT_EQ(-ERANGE, r.err);
	reply_free(&r);

	/* A group with member trunks stays; a bound trunk stays lacp/backup. */
	nest = group_req(self->nl, buf, ETRUNK_CMD_DEL_GROUP, 1, &nlh);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EBUSY, -1);
	EXPECT_STREQ("The group has member trunks; unbind them first", r.msg);
	reply_free(&r);
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_MODE, ETRUNK_MODE_LOADBALANCE);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EBUSY, -1);
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_MODE_LACP, t.mode);
	/* The trunk message carries its binding. */
	EXPECT_STREQ("", t.bad);
	EXPECT_EQ(1U, t.bind_group);

	/* SET_BINDING: remote id set and cleared, basis; not another group. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_BINDING, 0);
	put_trunk(nlh, "et0", 0);
	nest = nest_start(nlh, ETRUNK_A_BINDING);
	mnl_attr_put_u32(nlh, ETRUNK_BIND_A_REMOTE_ID, 77);
	mnl_attr_put_u8(nlh, ETRUNK_BIND_A_BASIS, ETRUNK_EGROUP_BASIS_BANDWIDTH);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_TRUE(g.trunks[0].has_remote_id);
	EXPECT_EQ(77U, g.trunks[0].remote_id);
	EXPECT_EQ(ETRUNK_EGROUP_BASIS_BANDWIDTH, g.trunks[0].basis);
	EXPECT_EQ(ETRUNK_EGROUP_MODE_FORCE_MASTER, g.trunks[0].mode);
	nlh = req_new(self->nl, buf, ETRUNK_CMD_SET_BINDING, 0);
	put_trunk(nlh, "et0", 0);
	nest = nest_start(nlh, ETRUNK_A_BINDING);
	mnl_attr_put(nlh, ETRUNK_BIND_A_CLEAR_REMOTE_ID, 0, NULL);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_FALSE(g.trunks[0].has_remote_id);
	bind_req(self->nl, ETRUNK_CMD_SET_BINDING, "et0", 2, 0, 0, 0, 0, &r);
	EXPECT_NLERR(&r, -EBUSY, -1);
	reply_free(&r);
	bind_req(self->nl, ETRUNK_CMD_SET_BINDING, "et1", 0, ETRUNK_BIND_A_MODE,
		 0, 0, 0, &r);
	EXPECT_NLERR(&r, -ENOENT, -1);
	EXPECT_STREQ("The trunk is not bound to an E-Trunk group", r.msg);
	reply_free(&r);

	/* Unbind, then the group goes. */
	EXPECT_EQ(0, unbind(self->nl, "et0", &r));
	reply_free(&r);
	unbind(self->nl, "et0", &r);
	EXPECT_NLERR(&r, -ENOENT, -1);
	reply_free(&r);
	EXPECT_EQ(0, unbind(self->nl, "et2", &r));
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_FALSE(t.seen[ETRUNK_A_BINDING]);
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_EQ(0, g.n_trunks);
	nest = group_req(self->nl, buf, ETRUNK_CMD_DEL_GROUP, 1, &nlh);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	/* Unbound, it may change mode again. */
	ASSERT_EQ(0, set_mode(self->nl, "et0", ETRUNK_MODE_LOADBALANCE));
}

/* The member trunk id: required, unique in a group, changeable, shown. */
TEST_F(etrunk, group_bind_id)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct group g;
	struct trunk t;
	struct reply r;

	ASSERT_EQ(0, make_mode_trunk(self->nl, "et0", ETRUNK_MODE_LACP));
	ASSERT_EQ(0, make_mode_trunk(self->nl, "et1", ETRUNK_MODE_BACKUP));
	ASSERT_EQ(0, make_mode_trunk(self->nl, "et2", ETRUNK_MODE_BACKUP));
	ASSERT_EQ(0, new_group(self->nl, 1));
	ASSERT_EQ(0, new_group(self->nl, 2));

	/* Without an id; id 0. */
	bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et0", 1, ETRUNK_BIND_A_ID, 0,
		 0, 0, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	EXPECT_STREQ("ETRUNK_BIND_A_ID is required: the member trunk's id, the same on both devices unless a remote id is set",
		     r.msg);
	reply_free(&r);
	nlh = req_new(self->nl, buf, ETRUNK_CMD_BIND_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	nest = nest_start(nlh, ETRUNK_A_BINDING);
	mnl_attr_put_u32(nlh, ETRUNK_BIND_A_GROUP, 1);
	mnl_attr_put_u32(nlh, ETRUNK_BIND_A_ID, 0);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -ERANGE, -1);
	reply_free(&r);

	/* The largest id; unique in a group, free in another. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_BIND_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	nest = nest_start(nlh, ETRUNK_A_BINDING);
	mnl_attr_put_u32(nlh, ETRUNK_BIND_A_GROUP, 1);
	mnl_attr_put_u32(nlh, ETRUNK_BIND_A_ID, 0xffffffff);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et1", 1,
			      ETRUNK_BIND_A_ID, 10, 0, 0, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et2", 1, ETRUNK_BIND_A_ID, 10,
		 0, 0, &r);
	EXPECT_NLERR(&r, -EEXIST, -1);
	EXPECT_STREQ("Another member trunk of the group has this id", r.msg);
	reply_free(&r);
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et2", 2,
			      ETRUNK_BIND_A_ID, 10, 0, 0, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);

	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_STREQ("", g.bad);
	ASSERT_EQ(2, g.n_trunks);
	EXPECT_EQ(0xffffffffU, g.trunks[0].id);
	EXPECT_EQ(10U, g.trunks[1].id);
	ASSERT_EQ(0, get_trunk(self->nl, "et2", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(2U, t.bind_group);
	EXPECT_EQ(10U, t.bind_id);

	/* SET_BINDING: to a taken id, its own, a free one. */
	bind_req(self->nl, ETRUNK_CMD_SET_BINDING, "et0", 0, ETRUNK_BIND_A_ID,
		 10, 0, 0, &r);
	EXPECT_NLERR(&r, -EEXIST, -1);
	EXPECT_STREQ("Another member trunk of the group has this id", r.msg);
	reply_free(&r);
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_SET_BINDING, "et1", 0,
			      ETRUNK_BIND_A_ID, 10, 0, 0, &r));
	reply_free(&r);
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_SET_BINDING, "et0", 0,
			      ETRUNK_BIND_A_ID, 20, 0, 0, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(20U, t.bind_id);
	/* Unbound, its id is free again. */
	EXPECT_EQ(0, unbind(self->nl, "et1", &r));
	reply_free(&r);
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_SET_BINDING, "et0", 0,
			      ETRUNK_BIND_A_ID, 10, 0, 0, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	ASSERT_EQ(1, g.n_trunks);
	EXPECT_EQ(10U, g.trunks[0].id);
}

/* The daemon's role: mode lacp takes it as its LACP role. */
TEST_F(etrunk, group_role)
{
	struct group g;
	struct trunk t;
	struct reply r;

	ASSERT_EQ(0, make_mode_trunk(self->nl, "et0", ETRUNK_MODE_LACP));
	ASSERT_EQ(0, make_mode_trunk(self->nl, "et2", ETRUNK_MODE_BACKUP));
	ASSERT_EQ(0, new_group(self->nl, 1));
	bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et0", 0, ETRUNK_BIND_A_ROLE,
		 ETRUNK_EROLE_BACKUP, 0, 0, &r);
	EXPECT_NLERR(&r, -ENOENT, -1);
	reply_free(&r);
	ASSERT_EQ(0, bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et0", 1, 0, 0,
			      0, 0, &r));
	reply_free(&r);
	ASSERT_EQ(0, bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et2", 1, 0, 0,
			      0, 0, &r));
	reply_free(&r);

	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et0", 0,
			      ETRUNK_BIND_A_ROLE, ETRUNK_EROLE_BACKUP,
			      ETRUNK_BIND_A_REASON, ETRUNK_EREASON_LOWER_PRIORITY,
			      &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_LACP_ROLE_BACKUP, t.lacp_role);
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_EROLE_BACKUP, g.trunks[0].role);
	EXPECT_EQ(ETRUNK_EREASON_LOWER_PRIORITY, g.trunks[0].reason);

	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et0", 0,
			      ETRUNK_BIND_A_ROLE, ETRUNK_EROLE_MASTER, 0, 0, &r));
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_LACP_ROLE_MASTER, t.lacp_role);
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_EROLE_MASTER, g.trunks[0].role);
	EXPECT_EQ(ETRUNK_EREASON_NONE, g.trunks[0].reason);

	/* Mode backup (without members here; see group_role_backup_mode). */
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et2", 0,
			      ETRUNK_BIND_A_ROLE, ETRUNK_EROLE_BACKUP,
			      ETRUNK_BIND_A_REASON, ETRUNK_EREASON_PEER_FORCE_MASTER,
			      &r));
	reply_free(&r);
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_EROLE_BACKUP, g.trunks[1].role);
	EXPECT_EQ(ETRUNK_EREASON_PEER_FORCE_MASTER, g.trunks[1].reason);

	/* Refusals: none is not a verdict; a reason beyond the last; no role;
	 * the configuration is not SET_ROLE's.
	 */
	bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et0", 0, ETRUNK_BIND_A_ROLE,
		 ETRUNK_EROLE_NONE, 0, 0, &r);
	EXPECT_NLERR(&r, -ERANGE, -1);
	reply_free(&r);
	bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et0", 0, ETRUNK_BIND_A_ROLE,
		 ETRUNK_EROLE_MASTER, ETRUNK_BIND_A_REASON,
		 ETRUNK_EREASON_MAX + 1, &r);
	EXPECT_NLERR(&r, -ERANGE, -1);
	reply_free(&r);
	bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et0", 0, ETRUNK_BIND_A_REASON,
		 1, 0, 0, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	reply_free(&r);
	bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et0", 0, ETRUNK_BIND_A_ROLE,
		 ETRUNK_EROLE_MASTER, ETRUNK_BIND_A_MODE, 1, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	EXPECT_STREQ("Written with ETRUNK_CMD_BIND_TRUNK or ETRUNK_CMD_SET_BINDING",
		     r.msg);
	reply_free(&r);
}

/* SET_ROLE @trunk backup with @reason and ETRUNK_BIND_A_REVERT_MS @ms. */
static int set_role_revert(struct nl *nl, const char *trunk, __u8 reason,
			   __u32 ms, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_SET_ROLE, 0);
	struct nlattr *nest;

	put_trunk(nlh, trunk, 0);
	nest = nest_start(nlh, ETRUNK_A_BINDING);
	mnl_attr_put_u8(nlh, ETRUNK_BIND_A_ROLE, ETRUNK_EROLE_BACKUP);
	mnl_attr_put_u8(nlh, ETRUNK_BIND_A_REASON, reason);
	mnl_attr_put_u32(nlh, ETRUNK_BIND_A_REVERT_MS, ms);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}

/* The revert wait's countdown: written with revert-wait, counting down. */
TEST_F(etrunk, group_revert_ms)
{
	struct group g;
	struct reply r;

	ASSERT_EQ(0, make_mode_trunk(self->nl, "et0", ETRUNK_MODE_LACP));
	ASSERT_EQ(0, new_group(self->nl, 1));
	ASSERT_EQ(0, bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et0", 1, 0, 0,
			      0, 0, &r));
	reply_free(&r);

	set_role_revert(self->nl, "et0", ETRUNK_EREASON_LOWER_PRIORITY, 5000, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	EXPECT_STREQ("ETRUNK_BIND_A_REVERT_MS goes with reason revert-wait only",
		     r.msg);
	reply_free(&r);
	set_role_revert(self->nl, "et0", ETRUNK_EREASON_REVERT_WAIT, 3600001, &r);
	EXPECT_NLERR(&r, -ERANGE, -1);
	reply_free(&r);

	EXPECT_EQ(0, set_role_revert(self->nl, "et0", ETRUNK_EREASON_REVERT_WAIT,
				     5000, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_EREASON_REVERT_WAIT, g.trunks[0].reason);
	EXPECT_TRUE(g.trunks[0].has_revert_ms);
	EXPECT_GT(g.trunks[0].revert_ms, 0U);
	EXPECT_LE(g.trunks[0].revert_ms, 5000U);

	/* Another reason: no countdown. */
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et0", 0,
			      ETRUNK_BIND_A_ROLE, ETRUNK_EROLE_BACKUP,
			      ETRUNK_BIND_A_REASON, ETRUNK_EREASON_LOWER_PRIORITY,
			      &r));
	reply_free(&r);
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_FALSE(g.trunks[0].has_revert_ms);
}

/*
 * Mode backup in role backup: both members stand by (also when a link
 * comes back), no master, no carrier; role master and unbinding choose a
 * master again, a switchover for ETRUNK_SWITCH_EROLE.
 */
TEST_F_TIMEOUT(etrunk, group_role_backup_mode, 120)
{
	struct trunk t;
	struct reply r;
	__u32 before;
	int i;

	ASSERT_EQ(0, make_mode_trunk(self->nl, "et0", ETRUNK_MODE_BACKUP));
	ASSERT_EQ(0, run("ip link add a0 type veth peer name b0 && "
			 "ip link add a1 type veth peer name b1 && "
			 "ip link set a0 master et0 && ip link set a1 master et0 && "
			 "ip link set b0 up && ip link set b1 up && "
			 "ip link set a0 up && ip link set a1 up && "
			 "ip link set et0 up"));
	ASSERT_EQ(0, wait_active(self->nl, "et0", 1));
	ASSERT_EQ(0, new_group(self->nl, 1));
	ASSERT_EQ(0, bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et0", 1, 0, 0,
			      0, 0, &r));
	reply_free(&r);
	/* Role none: as unbound. */
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(1U, t.active_members);
	EXPECT_NE(0U, t.active_member);
	EXPECT_EQ(1, t.carrier);
	before = t.switchovers;

	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et0", 0,
			      ETRUNK_BIND_A_ROLE, ETRUNK_EROLE_BACKUP, 0, 0, &r))
		TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_STREQ("", t.bad);
	EXPECT_EQ(0U, t.active_members);
	EXPECT_EQ(0U, t.active_member);
	EXPECT_EQ(0, t.carrier);
	EXPECT_EQ(before, t.switchovers);
	ASSERT_EQ(2, t.n_members);
	for (i = 0; i < 2; i++) {
		EXPECT_EQ(ETRUNK_MEMBER_STANDBY, t.members[i].state);
		EXPECT_EQ(ETRUNK_REASON_EROLE_BACKUP, t.members[i].reason);
		EXPECT_EQ(14, t.members[i].reason);
	}
	/* A link that goes and comes back does not make a member active. */
	ASSERT_EQ(0, run("ip link set b0 down"));
	ASSERT_EQ(0, wait_member(self->nl, "a0", ETRUNK_MEMBER_DOWN,
				 ETRUNK_REASON_NO_CARRIER, &t));
	ASSERT_EQ(0, run("ip link set b0 up"));
	ASSERT_EQ(0, wait_member(self->nl, "a0", ETRUNK_MEMBER_STANDBY,
				 ETRUNK_REASON_EROLE_BACKUP, &t));
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(0U, t.active_members);
	EXPECT_EQ(0U, t.active_member);
	EXPECT_EQ(0, t.carrier);

	/* Role master: a master again, a switchover for E-Trunk. */
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et0", 0,
			      ETRUNK_BIND_A_ROLE, ETRUNK_EROLE_MASTER, 0, 0, &r));
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(1U, t.active_members);
	EXPECT_NE(0U, t.active_member);
	EXPECT_EQ(1, t.carrier);
	EXPECT_EQ(before + 1, t.switchovers);
	EXPECT_EQ(ETRUNK_SWITCH_EROLE, t.switch_reason);
	for (i = 0; i < 2; i++)
		EXPECT_NE(ETRUNK_REASON_EROLE_BACKUP, t.members[i].reason);

	/* Backup again, then unbound: a master again. */
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et0", 0,
			      ETRUNK_BIND_A_ROLE, ETRUNK_EROLE_BACKUP, 0, 0, &r));
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(0U, t.active_member);
	EXPECT_EQ(0, t.carrier);
	EXPECT_EQ(0, unbind(self->nl, "et0", &r));
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(1U, t.active_members);
	EXPECT_NE(0U, t.active_member);
	EXPECT_EQ(1, t.carrier);
	EXPECT_EQ(before + 2, t.switchovers);
	EXPECT_EQ(ETRUNK_SWITCH_EROLE, t.switch_reason);

	/* Bound in role backup, a member that joins stands by. */
	ASSERT_EQ(0, bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et0", 1, 0, 0,
			      0, 0, &r));
	reply_free(&r);
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et0", 0,
			      ETRUNK_BIND_A_ROLE, ETRUNK_EROLE_BACKUP, 0, 0, &r));
	reply_free(&r);
	ASSERT_EQ(0, run("ip link set a1 nomaster && ip link set a1 master et0 && "
			 "ip link set a1 up"));
	ASSERT_EQ(0, wait_member(self->nl, "a1", ETRUNK_MEMBER_STANDBY,
				 ETRUNK_REASON_EROLE_BACKUP, &t));
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(0U, t.active_members);
	/* Deleted while in role backup: it goes, with its binding. */
	ASSERT_EQ(0, run("ip link del et0"));
}

/* A deleted trunk leaves its group, with an event. */
TEST_F(etrunk, group_trunk_deleted)
{
	struct evlog *log = calloc(1, sizeof(*log));
	struct group g;
	struct reply r;
	int i;

	ASSERT_NE(NULL, log);
	ASSERT_EQ(0, make_trunk("et0", "a", "b", 1));
	ASSERT_EQ(0, run("ip link set et0 down"));
	ASSERT_EQ(0, run("ip link set a0 nomaster"));
	ASSERT_EQ(0, set_mode(self->nl, "et0", ETRUNK_MODE_LACP));
	ASSERT_EQ(0, run("ip link set a0 master et0"));
	ASSERT_EQ(0, new_group(self->nl, 7));
	ASSERT_EQ(0, bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et0", 7, 0, 0,
			      0, 0, &r));
	reply_free(&r);
	ASSERT_EQ(0, events_join(self->nl));
	ASSERT_EQ(0, run("ip link del et0"));
	ASSERT_EQ(0, events_read(self->nl, log, 2000, NULL, NULL));
	i = ev_find(log, 0, ETRUNK_EVENT_TRUNK_UNBOUND, NULL);
	ASSERT_LE(0, i) TH_LOG("no TRUNK_UNBOUND event");
	EXPECT_STREQ("et0", log->ev[i].ifname);
	EXPECT_EQ(7U, log->ev[i].bind_group);
	ASSERT_EQ(0, get_group(self->nl, 7, &g, &r));
	reply_free(&r);
	EXPECT_EQ(0, g.n_trunks);
	/* Free to go now. */
	EXPECT_EQ(0, g.n_trunks);
	free(log);
}

/* Every change is an event, in order, with what changed. */
TEST_F_TIMEOUT(etrunk, group_events, 60)
{
	static const __u8 want[] = {
		ETRUNK_EVENT_GROUP_ADDED, ETRUNK_EVENT_GROUP_CHANGED,
		ETRUNK_EVENT_GROUP_STATE, ETRUNK_EVENT_TRUNK_BOUND,
		ETRUNK_EVENT_TRUNK_BINDING, ETRUNK_EVENT_TRUNK_ROLE,
		ETRUNK_EVENT_TRUNK_UNBOUND, ETRUNK_EVENT_GROUP_REMOVED,
	};
	struct evlog *log = calloc(1, sizeof(*log));
	struct nl *ev = calloc(1, sizeof(*ev));
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct reply r;
	size_t i;
	int at = 0, j;

	ASSERT_NE(NULL, log);
	ASSERT_NE(NULL, ev);
	ASSERT_EQ(0, make_mode_trunk(self->nl, "et0", ETRUNK_MODE_BACKUP));
	/* A socket of its own: nl_talk() skips what is not its answer. */
	ASSERT_EQ(0, nl_open(ev));
	ASSERT_EQ(0, events_join(ev));
	ASSERT_EQ(0, new_group(self->nl, 2));
	nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP, 2, &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_GROUP_A_PRIORITY, 9);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP_STATE, 2, &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_GROUP_A_PEER_STATE, ETRUNK_PEER_DOWN);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et0", 2, 0, 0,
			      0, 0, &r));
	reply_free(&r);
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_SET_BINDING, "et0", 0,
			      ETRUNK_BIND_A_MODE, 2, 0, 0, &r));
	reply_free(&r);
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et0", 0,
			      ETRUNK_BIND_A_ROLE, ETRUNK_EROLE_MASTER, 0, 0, &r));
	reply_free(&r);
	/* The same role again is no change: no event. */
	EXPECT_EQ(0, bind_req(self->nl, ETRUNK_CMD_SET_ROLE, "et0", 0,
			      ETRUNK_BIND_A_ROLE, ETRUNK_EROLE_MASTER, 0, 0, &r));
	reply_free(&r);
	EXPECT_EQ(0, unbind(self->nl, "et0", &r));
	reply_free(&r);
	nest = group_req(self->nl, buf, ETRUNK_CMD_DEL_GROUP, 2, &nlh);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	ASSERT_EQ(0, events_read(ev, log, 1000, NULL, NULL));

	for (i = 0; i < sizeof(want); i++) {
		j = ev_find(log, at, want[i], NULL);
		ASSERT_LE(0, j) TH_LOG("no event %u after %d", want[i], at);
		EXPECT_STREQ("", log->ev[j].bad);
		if (want[i] >= ETRUNK_EVENT_TRUNK_BOUND) {
			EXPECT_STREQ("et0", log->ev[j].ifname);
			EXPECT_EQ(2U, log->ev[j].bind_group);
			EXPECT_EQ(default_bind_id("et0"), log->ev[j].bind_id);
		} else {
			EXPECT_EQ(2U, log->ev[j].group_id);
			EXPECT_FALSE(log->ev[j].seen[ETRUNK_A_IFINDEX]);
		}
		if (j > 0)
			EXPECT_EQ(log->ev[j - 1].event_seq + 1,
				  log->ev[j].event_seq);
		at = j + 1;
	}
	EXPECT_EQ((int)sizeof(want), log->n) TH_LOG("a repeated role is no event");
	nl_close(ev);
	free(ev);
	free(log);
}

/* Without CAP_NET_ADMIN: read, not write. */
TEST_F(etrunk, group_unprivileged)
{
	struct nl *un = calloc(1, sizeof(*un));
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct group g;
	struct reply r;

	ASSERT_NE(NULL, un);
	ASSERT_EQ(0, make_mode_trunk(self->nl, "et0", ETRUNK_MODE_LACP));
	ASSERT_EQ(0, new_group(self->nl, 1));
	ASSERT_EQ(0, cap_net_admin(false));
	ASSERT_EQ(0, nl_open(un));
	EXPECT_EQ(-EPERM, new_group(un, 2));
	nest = group_req(un, buf, ETRUNK_CMD_SET_GROUP, 1, &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_GROUP_A_PRIORITY, 9);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-EPERM, nl_talk(un, nlh, &r));
	reply_free(&r);
	EXPECT_EQ(-EPERM, bind_req(un, ETRUNK_CMD_BIND_TRUNK, "et0", 1, 0, 0,
				   0, 0, &r));
	reply_free(&r);
	nest = group_req(un, buf, ETRUNK_CMD_GET_GROUP_KEY, 1, &nlh);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-EPERM, nl_talk(un, nlh, &r));	/* the key: daemon only */
	reply_free(&r);
	EXPECT_EQ(0, get_group(un, 1, &g, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_GROUP_DEFAULT_PRIORITY, g.priority);
	EXPECT_EQ(0, g.n_trunks);
	nl_close(un);
	free(un);
	ASSERT_EQ(0, cap_net_admin(true));
}

/* ---- BFD sessions ----------------------------------------------------------- */

struct bfd_link {
	__u32 ifindex, local_discr, peer_discr;
	char ifname[IFNAMSIZ];
	__u8 state, remote_state, diag;
	__u64 ups, downs;
};

/* A BFD session message (GET_BFD) or a BFD event's nest. */
struct bfd {
	char bad[160];
	bool seen[ETRUNK_BFD_A_MAX + 1];
	char name[64], ifname[IFNAMSIZ];
	__u8 type, mult, admin_down, auth_type, auth_key_id, key_set;
	__u8 state, remote_state, diag, remote_diag, remote_mult;
	__u8 peer[16], source[16];
	int peer_len, source_len;
	__u32 ifindex, local_discr, remote_discr, min_tx, min_rx, group;
	__u32 peer_discr, tx_interval, detect_time, remote_min_tx, remote_min_rx;
	__u64 change_age;
	__u64 counters[ETRUNK_BFD_A_MAX + 1];
	int n_links;
	struct bfd_link links[8];
	bool raw_has_key;
};

static const enum mnl_attr_data_type bfd_attr_types[ETRUNK_BFD_A_MAX + 1] = {
	[ETRUNK_BFD_A_PAD] = MNL_TYPE_FLAG,
	[ETRUNK_BFD_A_NAME] = MNL_TYPE_NUL_STRING,
	[ETRUNK_BFD_A_TYPE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_PEER_ADDR] = MNL_TYPE_BINARY,
	[ETRUNK_BFD_A_SOURCE_ADDR] = MNL_TYPE_BINARY,
	[ETRUNK_BFD_A_IFINDEX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_IFNAME] = MNL_TYPE_NUL_STRING,
	[ETRUNK_BFD_A_LOCAL_DISCR] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_REMOTE_DISCR] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_MIN_TX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_MIN_RX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_MULT] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_ADMIN_DOWN] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_AUTH_TYPE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_AUTH_KEY_ID] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_AUTH_KEY_SET] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_GROUP] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_STATE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_REMOTE_STATE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_CHANGE_AGE] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_DIAG] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_REMOTE_DIAG] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_PEER_DISCR] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_TX_INTERVAL] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_DETECT_TIME] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_REMOTE_MIN_TX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_REMOTE_MIN_RX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_REMOTE_MULT] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_PKTS_TX] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_PKTS_RX] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_DROPS] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_AUTH_FAILURES] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_UPS] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_DOWNS] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_LINKS] = MNL_TYPE_NESTED,
	/* never: ETRUNK_BFD_A_AUTH_KEY (but GET_BFD_KEY's), _LINK here */
};

static void parse_bfd_link(const struct nlattr *nest, struct bfd_link *l)
{
	const struct nlattr *a;

	memset(l, 0, sizeof(*l));
	mnl_attr_for_each_nested(a, nest) {
		switch (mnl_attr_get_type(a)) {
		case ETRUNK_BFD_LINK_A_IFINDEX:
			l->ifindex = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BFD_LINK_A_IFNAME:
			snprintf(l->ifname, sizeof(l->ifname), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_BFD_LINK_A_STATE:
			l->state = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BFD_LINK_A_REMOTE_STATE:
			l->remote_state = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BFD_LINK_A_DIAG:
			l->diag = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BFD_LINK_A_LOCAL_DISCR:
			l->local_discr = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BFD_LINK_A_PEER_DISCR:
			l->peer_discr = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BFD_LINK_A_UPS:
			l->ups = mnl_attr_get_u64(a);
			break;
		case ETRUNK_BFD_LINK_A_DOWNS:
			l->downs = mnl_attr_get_u64(a);
			break;
		}
	}
}

static void parse_bfd(const struct nlattr *nest, struct bfd *s)
{
	const struct nlattr *a, *b;

	memset(s, 0, sizeof(*s));
	mnl_attr_for_each_nested(a, nest) {
		__u16 type = mnl_attr_get_type(a);

		if (type > ETRUNK_BFD_A_MAX || !bfd_attr_types[type] ||
		    mnl_attr_validate(a, bfd_attr_types[type]) < 0) {
			snprintf(s->bad, sizeof(s->bad),
				 "BFD attribute %u not in the contract", type);
			continue;
		}
		if (s->seen[type] && type != ETRUNK_BFD_A_PAD)
			snprintf(s->bad, sizeof(s->bad),
				 "BFD attribute %u twice", type);
		s->seen[type] = true;
		switch (type) {
		case ETRUNK_BFD_A_NAME:
			snprintf(s->name, sizeof(s->name), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_BFD_A_IFNAME:
			snprintf(s->ifname, sizeof(s->ifname), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_BFD_A_PEER_ADDR:
			s->peer_len = mnl_attr_get_payload_len(a);
			if (s->peer_len <= 16)
				memcpy(s->peer, mnl_attr_get_payload(a), s->peer_len);
			break;
		case ETRUNK_BFD_A_SOURCE_ADDR:
			s->source_len = mnl_attr_get_payload_len(a);
			if (s->source_len <= 16)
				memcpy(s->source, mnl_attr_get_payload(a),
				       s->source_len);
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
		case ETRUNK_BFD_A_LINKS:
			mnl_attr_for_each_nested(b, a) {
				if (mnl_attr_get_type(b) != ETRUNK_BFD_A_LINK) {
					snprintf(s->bad, sizeof(s->bad),
						 "ETRUNK_BFD_A_LINKS holds %u",
						 mnl_attr_get_type(b));
					continue;
				}
				if (s->n_links < 8)
					parse_bfd_link(b, &s->links[s->n_links]);
				s->n_links++;
			}
			break;
		case ETRUNK_BFD_A_PAD:
			break;
		default:	/* the counters */
			s->counters[type] = mnl_attr_get_u64(a);
		}
	}
}

static void bfd_from_msg(const struct nlmsghdr *m, struct bfd *s)
{
	const struct nlattr *a;

	memset(s, 0, sizeof(*s));
	mnl_attr_for_each(a, m, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == ETRUNK_A_BFD)
			parse_bfd(a, s);
		else
			snprintf(s->bad, sizeof(s->bad),
				 "attribute %u beside the session",
				 mnl_attr_get_type(a));
	if (memmem(m, m->nlmsg_len, key1, sizeof(key1)))
		s->raw_has_key = true;
}

/* A request with ETRUNK_A_BFD open (and the name, if any); the caller
 * ends the nest.
 */
static struct nlattr *bfd_req(struct nl *nl, char *buf, __u8 cmd,
			      const char *name, struct nlmsghdr **nlhp)
{
	struct nlattr *nest;

	*nlhp = req_new(nl, buf, cmd, 0);
	nest = nest_start(*nlhp, ETRUNK_A_BFD);
	if (name)
		mnl_attr_put_strz(*nlhp, ETRUNK_BFD_A_NAME, name);
	return nest;
}

/* NEW_BFD @name: single hop to peer4 (the source if @source). */
static int new_bfd(struct nl *nl, const char *name, bool source)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = bfd_req(nl, buf, ETRUNK_CMD_NEW_BFD, name, &nlh);
	struct reply r;
	int err;

	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	if (source)
		mnl_attr_put(nlh, ETRUNK_BFD_A_SOURCE_ADDR, 4, src4);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(nl, nlh, &r);
	if (err)
		fprintf(stderr, "# NEW_BFD %s: %d %s\n", name, err, r.msg);
	reply_free(&r);
	return err;
}

/* NEW_BFD @name: single hop to peer4 on device @ifname. */
static int new_bfd_dev(struct nl *nl, const char *name, const char *ifname)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = bfd_req(nl, buf, ETRUNK_CMD_NEW_BFD, name, &nlh);
	struct reply r;
	int err;

	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put_strz(nlh, ETRUNK_BFD_A_IFNAME, ifname);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(nl, nlh, &r);
	if (err)
		fprintf(stderr, "# NEW_BFD %s: %d %s\n", name, err, r.msg);
	reply_free(&r);
	return err;
}

/* A request of @cmd on @name, with nothing else. */
static int bfd_name_req(struct nl *nl, __u8 cmd, const char *name,
			struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = bfd_req(nl, buf, cmd, name, &nlh);

	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}

static int get_bfd(struct nl *nl, const char *name, struct bfd *s,
		   struct reply *r)
{
	int err = bfd_name_req(nl, ETRUNK_CMD_GET_BFD, name, r);

	memset(s, 0, sizeof(*s));
	if (!err && r->n == 1)
		bfd_from_msg(r->msgs[0], s);
	else if (!err)
		snprintf(s->bad, sizeof(s->bad), "%d replies", r->n);
	return err;
}

static int dump_bfd(struct nl *nl, struct bfd *s, int max, int *n)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_GET_BFD, NLM_F_DUMP);
	struct reply r;
	int err, i;

	err = nl_talk(nl, nlh, &r);
	*n = r.n;
	for (i = 0; !err && i < r.n && i < max; i++)
		bfd_from_msg(r.msgs[i], &s[i]);
	reply_free(&r);
	return err;
}

/* SET_BFD of one u8 (@size 1) or u32 (4) attribute. */
static int set_bfd_attr(struct nl *nl, const char *name, __u16 type, int size,
			__u32 v, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = bfd_req(nl, buf, ETRUNK_CMD_SET_BFD, name, &nlh);

	if (size == 1)
		mnl_attr_put_u8(nlh, type, (__u8)v);
	else
		mnl_attr_put_u32(nlh, type, v);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}

/* The BFD commands and their permissions; GET_BFD dumps. */
TEST_F(etrunk, bfd_family)
{
	struct nl *nl = self->nl;
	int cmd;

	for (cmd = ETRUNK_CMD_NEW_BFD; cmd <= ETRUNK_CMD_GET_BFD_KEY; cmd++) {
		__u32 perm = nl->op_flags[cmd] & (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM);

		EXPECT_TRUE(nl->op_listed[cmd]) TH_LOG("command %d", cmd);
		EXPECT_EQ(cmd == ETRUNK_CMD_GET_BFD ? 0U : (__u32)GENL_UNS_ADMIN_PERM,
			  perm) TH_LOG("command %d", cmd);
	}
	EXPECT_NE(0U, nl->op_flags[ETRUNK_CMD_GET_BFD] & GENL_CMD_CAP_DUMP);
}

/* Create with defaults, read back, set everything, dump, delete. */
TEST_F(etrunk, bfd_crud)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct bfd s[3];
	struct reply r;
	int n;

	ASSERT_EQ(0, dump_bfd(self->nl, s, 3, &n));
	EXPECT_EQ(0, n);
	ASSERT_EQ(0, new_bfd(self->nl, "to-pe2", false));
	ASSERT_EQ(0, get_bfd(self->nl, "to-pe2", &s[0], &r));
	reply_free(&r);
	EXPECT_STREQ("", s[0].bad);
	EXPECT_STREQ("to-pe2", s[0].name);
	EXPECT_EQ(ETRUNK_BFD_SINGLE_HOP, s[0].type);
	EXPECT_EQ(4, s[0].peer_len);
	EXPECT_EQ(0, memcmp(peer4, s[0].peer, 4));
	EXPECT_FALSE(s[0].seen[ETRUNK_BFD_A_SOURCE_ADDR]);
	EXPECT_FALSE(s[0].seen[ETRUNK_BFD_A_IFINDEX]);
	EXPECT_LT((__u32)ETRUNK_BFD_STATIC_DISCR_MAX, s[0].local_discr);
	EXPECT_EQ(0U, s[0].remote_discr);
	EXPECT_EQ((__u32)ETRUNK_BFD_DEFAULT_INTERVAL, s[0].min_tx);
	EXPECT_EQ((__u32)ETRUNK_BFD_DEFAULT_INTERVAL, s[0].min_rx);
	EXPECT_EQ(ETRUNK_BFD_DEFAULT_MULT, s[0].mult);
	EXPECT_EQ(0, s[0].admin_down);
	EXPECT_EQ(ETRUNK_BFD_AUTH_NONE, s[0].auth_type);
	EXPECT_EQ(0, s[0].key_set);
	EXPECT_EQ(0U, s[0].group);
	EXPECT_EQ(ETRUNK_BFD_STATE_DOWN, s[0].state);
	EXPECT_EQ(ETRUNK_BFD_STATE_DOWN, s[0].remote_state);
	EXPECT_TRUE(s[0].seen[ETRUNK_BFD_A_CHANGE_AGE]);
	EXPECT_TRUE(s[0].seen[ETRUNK_BFD_A_PKTS_TX]);
	EXPECT_TRUE(s[0].seen[ETRUNK_BFD_A_DOWNS]);
	EXPECT_FALSE(s[0].seen[ETRUNK_BFD_A_LINKS]);

	/* The name is taken. */
	EXPECT_EQ(-EEXIST, new_bfd(self->nl, "to-pe2", false));

	/* Everything: to IPv6, a device, static discriminators, timers. */
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD, "to-pe2", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 16, peer6);
	mnl_attr_put(nlh, ETRUNK_BFD_A_SOURCE_ADDR, 16, peer6);
	mnl_attr_put_strz(nlh, ETRUNK_BFD_A_IFNAME, "lo");
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_LOCAL_DISCR, 7);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_REMOTE_DISCR, 8191);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_MIN_TX, ETRUNK_BFD_MIN_INTERVAL);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_MIN_RX, ETRUNK_BFD_MAX_INTERVAL);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_MULT, 255);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_ADMIN_DOWN, 1);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_AUTH_TYPE, ETRUNK_BFD_AUTH_METICULOUS_SHA1);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_AUTH_KEY_ID, 9);
	mnl_attr_put(nlh, ETRUNK_BFD_A_AUTH_KEY, sizeof(key1), key1);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_bfd(self->nl, "to-pe2", &s[0], &r));
	reply_free(&r);
	EXPECT_STREQ("", s[0].bad);
	EXPECT_EQ(16, s[0].peer_len);
	EXPECT_EQ(16, s[0].source_len);
	EXPECT_EQ(1U, s[0].ifindex);
	EXPECT_STREQ("lo", s[0].ifname);
	EXPECT_EQ(7U, s[0].local_discr);
	EXPECT_EQ(8191U, s[0].remote_discr);
	EXPECT_EQ((__u32)ETRUNK_BFD_MIN_INTERVAL, s[0].min_tx);
	EXPECT_EQ((__u32)ETRUNK_BFD_MAX_INTERVAL, s[0].min_rx);
	EXPECT_EQ(255, s[0].mult);
	EXPECT_EQ(1, s[0].admin_down);
	EXPECT_EQ(ETRUNK_BFD_AUTH_METICULOUS_SHA1, s[0].auth_type);
	EXPECT_EQ(9, s[0].auth_key_id);
	EXPECT_EQ(1, s[0].key_set);
	EXPECT_FALSE(s[0].raw_has_key);

	/* Empty source and index 0 remove them (single hop). */
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD, "to-pe2", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_SOURCE_ADDR, 0, NULL);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_IFINDEX, 0);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_bfd(self->nl, "to-pe2", &s[0], &r));
	reply_free(&r);
	EXPECT_FALSE(s[0].seen[ETRUNK_BFD_A_SOURCE_ADDR]);
	EXPECT_FALSE(s[0].seen[ETRUNK_BFD_A_IFINDEX]);

	/* The dump: in creation order; dynamic discriminators differ. */
	ASSERT_EQ(0, new_bfd(self->nl, "b", true));
	ASSERT_EQ(0, new_bfd(self->nl, "a.1_x", true));
	ASSERT_EQ(0, dump_bfd(self->nl, s, 3, &n));
	ASSERT_EQ(3, n);
	EXPECT_STREQ("to-pe2", s[0].name);
	EXPECT_STREQ("b", s[1].name);
	EXPECT_STREQ("a.1_x", s[2].name);
	EXPECT_STREQ("", s[2].bad);
	EXPECT_EQ(4, s[2].source_len);
	EXPECT_LT((__u32)ETRUNK_BFD_STATIC_DISCR_MAX, s[1].local_discr);
	EXPECT_LT((__u32)ETRUNK_BFD_STATIC_DISCR_MAX, s[2].local_discr);
	EXPECT_NE(s[1].local_discr, s[2].local_discr);

	/* Delete. */
	EXPECT_EQ(0, bfd_name_req(self->nl, ETRUNK_CMD_DEL_BFD, "b", &r));
	reply_free(&r);
	get_bfd(self->nl, "b", &s[0], &r);
	EXPECT_NLERR(&r, -ENOENT, -1);
	EXPECT_STREQ("No such BFD session", r.msg);
	reply_free(&r);
	bfd_name_req(self->nl, ETRUNK_CMD_DEL_BFD, "b", &r);
	EXPECT_NLERR(&r, -ENOENT, -1);
	reply_free(&r);
	EXPECT_EQ(-ENOENT, set_bfd_attr(self->nl, "b", ETRUNK_BFD_A_MULT, 1, 5, &r));
	reply_free(&r);
	ASSERT_EQ(0, dump_bfd(self->nl, s, 3, &n));
	EXPECT_EQ(2, n);
}

/* One refused request: @err, the message (if @msg), nothing changed. */
#define EXPECT_BFD_REFUSED(nlh, e, m) do {				\
	const char *_m = (m);						\
	struct reply _r;						\
									\
	nl_talk(self->nl, (nlh), &_r);					\
	EXPECT_NLERR(&_r, (e), -1);					\
	if (_m)								\
		EXPECT_STREQ(_m, _r.msg);				\
	reply_free(&_r);						\
} while (0)

/* Every refusal of the contract, with its message. */
TEST_F(etrunk, bfd_refusals)
{
	static const char bad_name[] =
		"A session name is 1 to 31 letters, digits, '-', '_' and '.'";
	static const char *const names[] = {
		"", "a b", "a/b", "x23456789012345678901234567890123",
	};
	__u8 key17[17], key21[21];
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct bfd s;
	struct reply r;
	size_t i;

	memset(key17, 'k', sizeof(key17));
	memset(key21, 'k', sizeof(key21));
	ASSERT_EQ(0, make_mode_trunk(self->nl, "et0", ETRUNK_MODE_LACP));
	ASSERT_EQ(0, new_bfd(self->nl, "s1", true));

	/* Names. */
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, names[i], &nlh);
		mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
		mnl_attr_nest_end(nlh, nest);
		EXPECT_BFD_REFUSED(nlh, -EINVAL, bad_name);
	}
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD,
		       "x234567890123456789012345678901", &nlh);	/* 31 */
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_GET_BFD, NULL, &nlh);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "ETRUNK_BFD_A_NAME is required");
	nlh = req_new(self->nl, buf, ETRUNK_CMD_DEL_BFD, 0);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "ETRUNK_A_BFD is required");

	/* Creation: the peer; the name once. */
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "s2", &nlh);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "A new session needs ETRUNK_BFD_A_PEER_ADDR");
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "s1", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EEXIST, "A BFD session of this name exists");

	/* Addresses: sizes, one family. */
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD, "s1", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 5, key1);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "An address is 4 (IPv4) or 16 (IPv6) bytes");
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD, "s1", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 16, peer6);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "The addresses of a session must be of one family");
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "s2", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put(nlh, ETRUNK_BFD_A_SOURCE_ADDR, 16, peer6);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "The addresses of a session must be of one family");

	/* Multihop: a source, no device. */
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "s2", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_TYPE, ETRUNK_BFD_MULTIHOP);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "A multihop session needs a source address");
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "s2", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put(nlh, ETRUNK_BFD_A_SOURCE_ADDR, 4, src4);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_TYPE, ETRUNK_BFD_MULTIHOP);
	mnl_attr_put_strz(nlh, ETRUNK_BFD_A_IFNAME, "lo");
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "A multihop session takes no device");

	/* Micro-BFD: a source, a trunk, no discriminators. */
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "s2", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_TYPE, ETRUNK_BFD_MICRO);
	mnl_attr_put_strz(nlh, ETRUNK_BFD_A_IFNAME, "et0");
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "A micro-BFD session needs a source address");
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "s2", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put(nlh, ETRUNK_BFD_A_SOURCE_ADDR, 4, src4);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_TYPE, ETRUNK_BFD_MICRO);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL,
			   "A micro-BFD session needs its trunk (ETRUNK_BFD_A_IFINDEX or ETRUNK_BFD_A_IFNAME)");
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "s2", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put(nlh, ETRUNK_BFD_A_SOURCE_ADDR, 4, src4);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_TYPE, ETRUNK_BFD_MICRO);
	mnl_attr_put_strz(nlh, ETRUNK_BFD_A_IFNAME, "lo");
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -ENODEV, "The device is not a trunk");
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "s2", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put(nlh, ETRUNK_BFD_A_SOURCE_ADDR, 4, src4);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_TYPE, ETRUNK_BFD_MICRO);
	mnl_attr_put_strz(nlh, ETRUNK_BFD_A_IFNAME, "nosuch");
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -ENODEV, "No such device");
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "s2", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put(nlh, ETRUNK_BFD_A_SOURCE_ADDR, 4, src4);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_TYPE, ETRUNK_BFD_MICRO);
	mnl_attr_put_strz(nlh, ETRUNK_BFD_A_IFNAME, "et0");
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_LOCAL_DISCR, 5);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL,
			   "A micro-BFD session takes no discriminators: etrunkd picks each member's");

	/* Discriminators: ranges, a static one once. */
	EXPECT_EQ(-ERANGE, set_bfd_attr(self->nl, "s1", ETRUNK_BFD_A_LOCAL_DISCR,
					4, 0, &r));
	reply_free(&r);
	EXPECT_EQ(-ERANGE, set_bfd_attr(self->nl, "s1", ETRUNK_BFD_A_LOCAL_DISCR,
					4, ETRUNK_BFD_STATIC_DISCR_MAX + 1, &r));
	reply_free(&r);
	EXPECT_EQ(-ERANGE, set_bfd_attr(self->nl, "s1", ETRUNK_BFD_A_REMOTE_DISCR,
					4, ETRUNK_BFD_STATIC_DISCR_MAX + 1, &r));
	reply_free(&r);
	EXPECT_EQ(0, set_bfd_attr(self->nl, "s1", ETRUNK_BFD_A_LOCAL_DISCR,
				  4, 100, &r));
	reply_free(&r);
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "s2", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_LOCAL_DISCR, 100);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EEXIST, "Another session has this local discriminator");
	/* Its own again is no conflict. */
	EXPECT_EQ(0, set_bfd_attr(self->nl, "s1", ETRUNK_BFD_A_LOCAL_DISCR,
				  4, 100, &r));
	reply_free(&r);

	/* Timers. */
	EXPECT_EQ(-ERANGE, set_bfd_attr(self->nl, "s1", ETRUNK_BFD_A_MIN_TX, 4,
					ETRUNK_BFD_MIN_INTERVAL - 1, &r));
	reply_free(&r);
	EXPECT_EQ(-ERANGE, set_bfd_attr(self->nl, "s1", ETRUNK_BFD_A_MIN_RX, 4,
					ETRUNK_BFD_MAX_INTERVAL + 1, &r));
	reply_free(&r);
	EXPECT_EQ(-ERANGE, set_bfd_attr(self->nl, "s1", ETRUNK_BFD_A_MULT, 1, 0, &r));
	reply_free(&r);
	EXPECT_EQ(-ERANGE, set_bfd_attr(self->nl, "s1", ETRUNK_BFD_A_AUTH_TYPE, 1,
					ETRUNK_BFD_AUTH_MAX + 1, &r));
	reply_free(&r);

	/* Authentication: a key with a type, of the type's length. */
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD, "s1", &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_AUTH_TYPE, ETRUNK_BFD_AUTH_KEYED_MD5);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "The authentication type needs a key");
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD, "s1", &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_AUTH_TYPE, ETRUNK_BFD_AUTH_KEYED_MD5);
	mnl_attr_put(nlh, ETRUNK_BFD_A_AUTH_KEY, 17, key17);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL,
			   "The key is too long for the authentication type: 16 bytes at most (simple password, MD5), 20 (SHA1)");
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD, "s1", &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_AUTH_TYPE, ETRUNK_BFD_AUTH_SIMPLE);
	mnl_attr_put(nlh, ETRUNK_BFD_A_AUTH_KEY, 17, key17);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, NULL);
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD, "s1", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_AUTH_KEY, 21, key21);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -ERANGE, NULL);
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD, "s1", &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_AUTH_TYPE, ETRUNK_BFD_AUTH_KEYED_SHA1);
	mnl_attr_put(nlh, ETRUNK_BFD_A_AUTH_KEY, 20, key21);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	/* The key may not go while a type needs it. */
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD, "s1", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_AUTH_KEY, 0, NULL);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "The authentication type needs a key");

	/* The type is the creation's. */
	EXPECT_EQ(-EINVAL, set_bfd_attr(self->nl, "s1", ETRUNK_BFD_A_TYPE, 1,
					ETRUNK_BFD_MULTIHOP, &r));
	EXPECT_STREQ("The type of a session is set at its creation only", r.msg);
	reply_free(&r);

	/* Who writes what. */
	EXPECT_EQ(-EINVAL, set_bfd_attr(self->nl, "s1", ETRUNK_BFD_A_STATE, 1,
					ETRUNK_BFD_STATE_UP, &r));
	EXPECT_STREQ("Written with ETRUNK_CMD_SET_BFD_STATE", r.msg);
	reply_free(&r);
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD_STATE, "s1", &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_MULT, 4);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "Written with ETRUNK_CMD_NEW_BFD or ETRUNK_CMD_SET_BFD");
	EXPECT_EQ(-EINVAL, set_bfd_attr(self->nl, "s1", ETRUNK_BFD_A_GROUP, 4, 1, &r));
	EXPECT_STREQ("ETRUNK_BFD_A_GROUP is read-only", r.msg);
	reply_free(&r);
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_DEL_BFD, "s1", &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_MULT, 4);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "Only ETRUNK_BFD_A_NAME is taken here");
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD_STATE, "s1", &nlh);
	mnl_attr_nest_end(nlh, nest_start(nlh, ETRUNK_BFD_A_LINKS));
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "Only micro-BFD sessions have links");

	/* Nothing of it changed s1; s2 does not exist. */
	ASSERT_EQ(0, get_bfd(self->nl, "s1", &s, &r));
	reply_free(&r);
	EXPECT_EQ(4, s.peer_len);
	EXPECT_EQ(100U, s.local_discr);
	EXPECT_EQ(ETRUNK_BFD_DEFAULT_MULT, s.mult);
	EXPECT_EQ(ETRUNK_BFD_AUTH_KEYED_SHA1, s.auth_type);
	EXPECT_EQ(1, s.key_set);
	EXPECT_EQ(ETRUNK_BFD_SINGLE_HOP, s.type);
	EXPECT_EQ(ETRUNK_BFD_STATE_DOWN, s.state);
	EXPECT_EQ(-ENOENT, get_bfd(self->nl, "s2", &s, &r));
	reply_free(&r);
}

/* SET_BFD_STATE @name to @state with @n links of @et's members a0..:
 * their states @ls (NULL: no links attribute).
 */
static int set_bfd_state(struct nl *nl, const char *name, int state,
			 const __u8 *ls, int n, __u64 pkts)
{
	char buf[TXBUF_SIZE], ifname[IFNAMSIZ];
	struct nlmsghdr *nlh;
	struct nlattr *nest = bfd_req(nl, buf, ETRUNK_CMD_SET_BFD_STATE, name,
				      &nlh);
	struct nlattr *links, *link;
	struct reply r;
	int err, i;

	if (state >= 0)
		mnl_attr_put_u8(nlh, ETRUNK_BFD_A_STATE, (__u8)state);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_REMOTE_STATE, ETRUNK_BFD_STATE_INIT);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_DIAG, ETRUNK_BFD_DIAG_DETECT_EXPIRED);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_PEER_DISCR, 4242);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_TX_INTERVAL, 300000);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_DETECT_TIME, 900000);
	mnl_attr_put_u64(nlh, ETRUNK_BFD_A_PKTS_TX, pkts);
	mnl_attr_put_u64(nlh, ETRUNK_BFD_A_DOWNS, 3);
	if (ls) {
		links = nest_start(nlh, ETRUNK_BFD_A_LINKS);
		for (i = 0; i < n; i++) {
			snprintf(ifname, sizeof(ifname), "a%d", i);
			link = nest_start(nlh, ETRUNK_BFD_A_LINK);
			mnl_attr_put_u32(nlh, ETRUNK_BFD_LINK_A_IFINDEX,
					 ifindex_of(ifname));
			mnl_attr_put_strz(nlh, ETRUNK_BFD_LINK_A_IFNAME, ifname);
			mnl_attr_put_u8(nlh, ETRUNK_BFD_LINK_A_STATE, ls[i]);
			mnl_attr_put_u32(nlh, ETRUNK_BFD_LINK_A_LOCAL_DISCR, 10 + i);
			mnl_attr_put_u64(nlh, ETRUNK_BFD_LINK_A_UPS, 20 + i);
			mnl_attr_nest_end(nlh, link);
		}
		mnl_attr_nest_end(nlh, links);
	}
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(nl, nlh, &r);
	if (err)
		fprintf(stderr, "# SET_BFD_STATE %s: %d %s\n", name, err, r.msg);
	reply_free(&r);
	return err;
}

/* A micro-BFD session: etrunkd's state with links; events on changes of
 * state only; CHANGE_AGE counts from the last change.
 */
TEST_F_TIMEOUT(etrunk, bfd_state, 60)
{
	static const __u8 init2[] = { ETRUNK_BFD_STATE_INIT, ETRUNK_BFD_STATE_INIT };
	static const __u8 up_down[] = { ETRUNK_BFD_STATE_UP, ETRUNK_BFD_STATE_DOWN };
	struct evlog *log = calloc(1, sizeof(*log));
	struct nl *ev = calloc(1, sizeof(*ev));
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	__u64 age;
	struct bfd s;
	struct reply r;
	int i, n;

	ASSERT_NE(NULL, log);
	ASSERT_NE(NULL, ev);
	ASSERT_EQ(0, make_trunk("et0", "a", "b", 2));
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "micro", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put(nlh, ETRUNK_BFD_A_SOURCE_ADDR, 4, src4);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_TYPE, ETRUNK_BFD_MICRO);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_IFINDEX, ifindex_of("et0"));
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_ADMIN_DOWN, 1);
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_bfd(self->nl, "micro", &s, &r));
	reply_free(&r);
	EXPECT_STREQ("", s.bad);
	EXPECT_EQ(ETRUNK_BFD_MICRO, s.type);
	EXPECT_STREQ("et0", s.ifname);
	EXPECT_EQ(ETRUNK_BFD_STATE_ADMIN_DOWN, s.state);
	EXPECT_FALSE(s.seen[ETRUNK_BFD_A_LOCAL_DISCR]);
	EXPECT_TRUE(s.seen[ETRUNK_BFD_A_LINKS]);
	EXPECT_EQ(0, s.n_links);

	ASSERT_EQ(0, nl_open(ev));
	ASSERT_EQ(0, events_join(ev));
	/* State and links: an event. */
	ASSERT_EQ(0, set_bfd_state(self->nl, "micro", ETRUNK_BFD_STATE_INIT,
				   init2, 2, 5));
	/* Counters alone: none. */
	ASSERT_EQ(0, set_bfd_state(self->nl, "micro", -1, NULL, 0, 6));
	ASSERT_EQ(0, set_bfd_state(self->nl, "micro", ETRUNK_BFD_STATE_INIT,
				   init2, 2, 7));
	/* A link's state: an event. */
	ASSERT_EQ(0, set_bfd_state(self->nl, "micro", ETRUNK_BFD_STATE_INIT,
				   up_down, 2, 8));
	ASSERT_EQ(0, events_read(ev, log, 1000, NULL, NULL));
	n = 0;
	for (i = 0; i < log->n; i++) {
		if (log->ev[i].event != ETRUNK_EVENT_BFD_STATE)
			continue;
		n++;
		EXPECT_STREQ("", log->ev[i].bad);
		EXPECT_STREQ("micro", log->ev[i].bfd_name);
		EXPECT_EQ(ETRUNK_BFD_STATE_INIT, log->ev[i].bfd_state);
		EXPECT_FALSE(log->ev[i].bfd_has_links);
	}
	EXPECT_EQ(2, n) TH_LOG("BFD_STATE events: one per change of state");

	ASSERT_EQ(0, get_bfd(self->nl, "micro", &s, &r));
	reply_free(&r);
	EXPECT_STREQ("", s.bad);
	EXPECT_EQ(ETRUNK_BFD_STATE_INIT, s.state);
	EXPECT_EQ(ETRUNK_BFD_STATE_INIT, s.remote_state);
	EXPECT_EQ(ETRUNK_BFD_DIAG_DETECT_EXPIRED, s.diag);
	EXPECT_EQ(4242U, s.peer_discr);
	EXPECT_EQ(300000U, s.tx_interval);
	EXPECT_EQ(900000U, s.detect_time);
	EXPECT_EQ(8ULL, s.counters[ETRUNK_BFD_A_PKTS_TX]);
	EXPECT_EQ(3ULL, s.counters[ETRUNK_BFD_A_DOWNS]);
	ASSERT_EQ(2, s.n_links);
	EXPECT_EQ(ifindex_of("a0"), s.links[0].ifindex);
	EXPECT_STREQ("a0", s.links[0].ifname);
	EXPECT_EQ(ETRUNK_BFD_STATE_UP, s.links[0].state);
	EXPECT_EQ(ETRUNK_BFD_STATE_DOWN, s.links[1].state);
	EXPECT_EQ(11U, s.links[1].local_discr);
	EXPECT_EQ(21ULL, s.links[1].ups);

	/* The age grows while the state stays; a change resets it. */
	age = s.change_age;
	usleep(400000);
	ASSERT_EQ(0, set_bfd_state(self->nl, "micro", ETRUNK_BFD_STATE_INIT,
				   NULL, 0, 9));
	ASSERT_EQ(0, get_bfd(self->nl, "micro", &s, &r));
	reply_free(&r);
	EXPECT_LE(age + 350, s.change_age);
	EXPECT_EQ(2, s.n_links) TH_LOG("no LINKS keeps the links");
	ASSERT_EQ(0, set_bfd_state(self->nl, "micro", ETRUNK_BFD_STATE_UP,
				   up_down, 1, 10));
	ASSERT_EQ(0, get_bfd(self->nl, "micro", &s, &r));
	reply_free(&r);
	EXPECT_GT(age + 350, s.change_age);
	EXPECT_EQ(1, s.n_links) TH_LOG("LINKS is written whole");

	/* Links: members of a trunk at most; LINK nests only. */
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD_STATE, "micro", &nlh);
	{
		struct nlattr *links = nest_start(nlh, ETRUNK_BFD_A_LINKS);

		for (i = 0; i <= ETRUNK_MAX_MEMBERS; i++) {
			struct nlattr *l = nest_start(nlh, ETRUNK_BFD_A_LINK);

			mnl_attr_put_u32(nlh, ETRUNK_BFD_LINK_A_IFINDEX, 1);
			mnl_attr_nest_end(nlh, l);
		}
		mnl_attr_nest_end(nlh, links);
	}
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL,
			   "More links than a trunk has members (ETRUNK_MAX_MEMBERS)");
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD_STATE, "micro", &nlh);
	{
		struct nlattr *links = nest_start(nlh, ETRUNK_BFD_A_LINKS);
		struct nlattr *l = nest_start(nlh, ETRUNK_BFD_A_LINK);

		mnl_attr_put_u8(nlh, ETRUNK_BFD_LINK_A_STATE, 1);
		mnl_attr_nest_end(nlh, l);
		mnl_attr_nest_end(nlh, links);
	}
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -EINVAL, "ETRUNK_BFD_LINK_A_IFINDEX is required");
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD_STATE, "micro", &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_STATE, ETRUNK_BFD_STATE_MAX + 1);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_BFD_REFUSED(nlh, -ERANGE, NULL);
	nl_close(ev);
	free(ev);
	free(log);
}

/* The key: written, reported as set, read by GET_BFD_KEY only, which
 * needs CAP_NET_ADMIN as every write.
 */
TEST_F(etrunk, bfd_key)
{
	struct nl *un = calloc(1, sizeof(*un));
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct bfd s[1];
	struct reply r;
	int n;

	ASSERT_NE(NULL, un);
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "k", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_AUTH_TYPE, ETRUNK_BFD_AUTH_METICULOUS_MD5);
	mnl_attr_put(nlh, ETRUNK_BFD_A_AUTH_KEY, sizeof(key1), key1);
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_bfd(self->nl, "k", &s[0], &r));
	reply_free(&r);
	EXPECT_EQ(1, s[0].key_set);
	EXPECT_FALSE(s[0].raw_has_key);
	ASSERT_EQ(0, dump_bfd(self->nl, s, 1, &n));
	EXPECT_EQ(1, s[0].key_set);
	EXPECT_FALSE(s[0].raw_has_key);
	EXPECT_EQ(0, bfd_name_req(self->nl, ETRUNK_CMD_GET_BFD_KEY, "k", &r))
		TH_LOG("%s", r.msg);
	ASSERT_EQ(1, r.n);
	EXPECT_NE(NULL, memmem(r.msgs[0], r.msgs[0]->nlmsg_len, key1,
			       sizeof(key1)));
	reply_free(&r);

	ASSERT_EQ(0, cap_net_admin(false));
	ASSERT_EQ(0, nl_open(un));
	EXPECT_EQ(-EPERM, bfd_name_req(un, ETRUNK_CMD_GET_BFD_KEY, "k", &r));
	reply_free(&r);
	EXPECT_EQ(-EPERM, new_bfd(un, "k2", false));
	EXPECT_EQ(-EPERM, set_bfd_attr(un, "k", ETRUNK_BFD_A_MULT, 1, 5, &r));
	reply_free(&r);
	EXPECT_EQ(-EPERM, bfd_name_req(un, ETRUNK_CMD_DEL_BFD, "k", &r));
	reply_free(&r);
	EXPECT_EQ(0, get_bfd(un, "k", &s[0], &r));
	reply_free(&r);
	EXPECT_STREQ("k", s[0].name);
	nl_close(un);
	free(un);
	ASSERT_EQ(0, cap_net_admin(true));

	/* Type none may keep the key; an empty key clears it. */
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_SET_BFD, "k", &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_AUTH_TYPE, ETRUNK_BFD_AUTH_NONE);
	mnl_attr_put(nlh, ETRUNK_BFD_A_AUTH_KEY, 0, NULL);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_bfd(self->nl, "k", &s[0], &r));
	reply_free(&r);
	EXPECT_EQ(0, s[0].key_set);
}

/* SET_GROUP of a string (@type BFD_SESSION) or u8/u32 attributes. */
static int group_bfd(struct nl *nl, __u32 id, const char *session,
		     int bfd, __u32 min_tx, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = group_req(nl, buf, ETRUNK_CMD_SET_GROUP, id, &nlh);

	if (session)
		mnl_attr_put_strz(nlh, ETRUNK_GROUP_A_BFD_SESSION, session);
	if (bfd >= 0)
		mnl_attr_put_u8(nlh, ETRUNK_GROUP_A_BFD, (__u8)bfd);
	if (min_tx)
		mnl_attr_put_u32(nlh, ETRUNK_GROUP_A_BFD_MIN_TX, min_tx);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}

/* A group bound to a configured session; one owning its own. */
TEST_F_TIMEOUT(etrunk, bfd_group, 60)
{
	static const __u8 want[] = {
		ETRUNK_EVENT_BFD_ADDED, ETRUNK_EVENT_BFD_CHANGED,
		ETRUNK_EVENT_BFD_CHANGED, ETRUNK_EVENT_BFD_REMOVED,
		ETRUNK_EVENT_BFD_ADDED, ETRUNK_EVENT_BFD_REMOVED,
	};
	struct evlog *log = calloc(1, sizeof(*log));
	struct nl *ev = calloc(1, sizeof(*ev));
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct group g;
	struct bfd s;
	struct reply r;
	size_t i;
	int at = 0, j;

	ASSERT_NE(NULL, log);
	ASSERT_NE(NULL, ev);
	ASSERT_EQ(0, new_group(self->nl, 1));
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_STREQ("", g.bad);
	EXPECT_FALSE(g.seen[ETRUNK_GROUP_A_BFD_SESSION]);
	EXPECT_EQ(0, g.bfd);
	EXPECT_EQ((__u32)ETRUNK_BFD_DEFAULT_INTERVAL, g.bfd_min_tx);
	EXPECT_EQ((__u32)ETRUNK_BFD_DEFAULT_INTERVAL, g.bfd_min_rx);
	EXPECT_EQ(ETRUNK_BFD_DEFAULT_MULT, g.bfd_mult);

	/* Bound to a configured session. */
	group_bfd(self->nl, 1, "nosuch", -1, 0, &r);
	EXPECT_NLERR(&r, -ENOENT, -1);
	EXPECT_STREQ("No such BFD session", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, new_bfd(self->nl, "conf", true));
	EXPECT_EQ(0, group_bfd(self->nl, 1, "conf", -1, 0, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_STREQ("conf", g.bfd_session);
	bfd_name_req(self->nl, ETRUNK_CMD_DEL_BFD, "conf", &r);
	EXPECT_NLERR(&r, -EBUSY, -1);
	EXPECT_STREQ("E-Trunk group 1 is bound to the session", r.msg);
	reply_free(&r);
	group_bfd(self->nl, 1, NULL, 1, 0, &r);
	EXPECT_NLERR(&r, -EINVAL, -1);
	reply_free(&r);
	EXPECT_EQ(0, group_bfd(self->nl, 1, "", -1, 0, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_FALSE(g.seen[ETRUNK_GROUP_A_BFD_SESSION]);
	EXPECT_EQ(0, bfd_name_req(self->nl, ETRUNK_CMD_DEL_BFD, "conf", &r));
	reply_free(&r);

	/* Its own session: made, kept in step with the group, deleted. */
	ASSERT_EQ(0, nl_open(ev));
	ASSERT_EQ(0, events_join(ev));
	EXPECT_EQ(0, group_bfd(self->nl, 1, NULL, 1, 0, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_bfd(self->nl, "e-trunk-1", &s, &r));
	reply_free(&r);
	EXPECT_STREQ("", s.bad);
	EXPECT_EQ(1U, s.group);
	EXPECT_EQ(ETRUNK_BFD_SINGLE_HOP, s.type);
	EXPECT_EQ(0, memcmp(peer4, s.peer, 4));
	EXPECT_EQ(4, s.source_len);
	EXPECT_EQ(0, memcmp(src4, s.source, 4));
	EXPECT_LT((__u32)ETRUNK_BFD_STATIC_DISCR_MAX, s.local_discr);
	EXPECT_EQ((__u32)ETRUNK_BFD_DEFAULT_INTERVAL, s.min_tx);
	ASSERT_EQ(0, get_group(self->nl, 1, &g, &r));
	reply_free(&r);
	EXPECT_EQ(1, g.bfd);
	set_bfd_attr(self->nl, "e-trunk-1", ETRUNK_BFD_A_MULT, 1, 5, &r);
	EXPECT_NLERR(&r, -EBUSY, -1);
	EXPECT_STREQ("The session belongs to E-Trunk group 1", r.msg);
	reply_free(&r);
	bfd_name_req(self->nl, ETRUNK_CMD_DEL_BFD, "e-trunk-1", &r);
	EXPECT_NLERR(&r, -EBUSY, -1);
	EXPECT_STREQ("The session belongs to E-Trunk group 1", r.msg);
	reply_free(&r);
	/* Nor may another group bind to it. */
	ASSERT_EQ(0, new_group(self->nl, 2));
	group_bfd(self->nl, 2, "e-trunk-1", -1, 0, &r);
	EXPECT_NLERR(&r, -EBUSY, -1);
	reply_free(&r);
	/* The group's timers and addresses follow. */
	EXPECT_EQ(0, group_bfd(self->nl, 1, NULL, -1, 50000, &r));
	reply_free(&r);
	nest = group_req(self->nl, buf, ETRUNK_CMD_SET_GROUP, 1, &nlh);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_PEER_ADDR, 16, peer6);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_SOURCE_ADDR, 16, peer6);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_bfd(self->nl, "e-trunk-1", &s, &r));
	reply_free(&r);
	EXPECT_EQ(50000U, s.min_tx);
	EXPECT_EQ(16, s.peer_len);
	EXPECT_EQ(0, memcmp(peer6, s.peer, 16));
	/* BFD 0 deletes it; so does deleting the group. */
	EXPECT_EQ(0, group_bfd(self->nl, 1, NULL, 0, 0, &r));
	reply_free(&r);
	EXPECT_EQ(-ENOENT, get_bfd(self->nl, "e-trunk-1", &s, &r));
	reply_free(&r);
	EXPECT_EQ(0, group_bfd(self->nl, 1, NULL, 1, 0, &r));
	reply_free(&r);
	nest = group_req(self->nl, buf, ETRUNK_CMD_DEL_GROUP, 1, &nlh);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	EXPECT_EQ(-ENOENT, get_bfd(self->nl, "e-trunk-1", &s, &r));
	reply_free(&r);

	/* A configured session may not take the name of a group's own. */
	ASSERT_EQ(0, new_bfd(self->nl, "e-trunk-2", true));
	group_bfd(self->nl, 2, NULL, 1, 0, &r);
	EXPECT_NLERR(&r, -EEXIST, -1);
	reply_free(&r);

	ASSERT_EQ(0, events_read(ev, log, 1000, NULL, NULL));
	for (i = 0; i < sizeof(want); i++) {
		j = ev_find(log, at, want[i], NULL);
		ASSERT_LE(0, j) TH_LOG("no event %u after %d", want[i], at);
		EXPECT_STREQ("", log->ev[j].bad);
		EXPECT_STREQ("e-trunk-1", log->ev[j].bfd_name);
		at = j + 1;
	}
	nl_close(ev);
	free(ev);
	free(log);
}

/* A session goes with its device (and a group bound to it is unbound). */
TEST_F_TIMEOUT(etrunk, bfd_device_deleted, 60)
{
	struct evlog *log = calloc(1, sizeof(*log));
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct group g;
	struct bfd s[2];
	struct reply r;
	int n, i, removed = 0;

	ASSERT_NE(NULL, log);
	ASSERT_EQ(0, make_mode_trunk(self->nl, "et0", ETRUNK_MODE_LACP));
	ASSERT_EQ(0, run("ip link add v0 type veth peer name v1"));
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "micro", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put(nlh, ETRUNK_BFD_A_SOURCE_ADDR, 4, src4);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_TYPE, ETRUNK_BFD_MICRO);
	mnl_attr_put_strz(nlh, ETRUNK_BFD_A_IFNAME, "et0");
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	nest = bfd_req(self->nl, buf, ETRUNK_CMD_NEW_BFD, "hop", &nlh);
	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_IFINDEX, ifindex_of("v0"));
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, new_bfd(self->nl, "stays", false));
	ASSERT_EQ(0, new_group(self->nl, 3));
	EXPECT_EQ(0, group_bfd(self->nl, 3, "hop", -1, 0, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, events_join(self->nl));
	ASSERT_EQ(0, run("ip link del et0"));
	ASSERT_EQ(0, run("ip link del v0"));
	ASSERT_EQ(0, events_read(self->nl, log, 2000, NULL, NULL));
	for (i = 0; i < log->n; i++)
		if (log->ev[i].event == ETRUNK_EVENT_BFD_REMOVED)
			removed++;
	EXPECT_EQ(2, removed);
	EXPECT_LE(0, ev_find(log, 0, ETRUNK_EVENT_GROUP_CHANGED, NULL));
	ASSERT_EQ(0, dump_bfd(self->nl, s, 2, &n));
	ASSERT_EQ(1, n);
	EXPECT_STREQ("stays", s[0].name);
	ASSERT_EQ(0, get_group(self->nl, 3, &g, &r));
	reply_free(&r);
	EXPECT_FALSE(g.seen[ETRUNK_GROUP_A_BFD_SESSION]);
	free(log);
}

/* Sessions are per namespace, at most ETRUNK_BFD_MAX_SESSIONS, and go with
 * it (kmemleak would say).
 */
TEST_F_TIMEOUT(etrunk, bfd_netns, 120)
{
	struct nl *other = calloc(1, sizeof(*other));
	char name[32];
	struct bfd s[2];
	struct reply r;
	int here, n, i;

	ASSERT_NE(NULL, other);
	ASSERT_EQ(0, new_bfd(self->nl, "s", true));
	here = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	ASSERT_LE(0, here);
	ASSERT_EQ(0, new_netns());
	ASSERT_EQ(0, nl_open(other));
	ASSERT_EQ(0, run("ip link add v0 type veth peer name v1"));
	ASSERT_EQ(0, new_bfd_dev(other, "on-v0", "v0"));
	ASSERT_EQ(0, setns(here, CLONE_NEWNET));

	ASSERT_EQ(0, dump_bfd(other, s, 2, &n));
	ASSERT_EQ(1, n);
	EXPECT_STREQ("on-v0", s[0].name);
	EXPECT_STREQ("v0", s[0].ifname);
	EXPECT_EQ(-ENOENT, get_bfd(other, "s", &s[0], &r));
	reply_free(&r);
	for (i = 1; i < ETRUNK_BFD_MAX_SESSIONS; i++) {
		snprintf(name, sizeof(name), "s%d", i);
		ASSERT_EQ(0, new_bfd(other, name, false));
	}
	EXPECT_EQ(-ENOSPC, new_bfd(other, "one-more", false));
	/* Deleting one makes room. */
	EXPECT_EQ(0, bfd_name_req(other, ETRUNK_CMD_DEL_BFD, "s7", &r));
	reply_free(&r);
	EXPECT_EQ(0, new_bfd(other, "one-more", false));
	ASSERT_EQ(0, dump_bfd(self->nl, s, 2, &n));
	EXPECT_EQ(1, n);
	nl_close(other);
	free(other);
	close(here);
}

/*
 * CAP_NET_ADMIN in the user namespace that owns the network namespace is
 * enough to SET: a container's root manages its own trunks.
 */
FIXTURE(userns) {
	int unused;
};

FIXTURE_SETUP(userns)
{
}

FIXTURE_TEARDOWN(userns)
{
}

TEST_F(userns, owner_may_set)
{
	struct nl *nl = calloc(1, sizeof(*nl));
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct trunk t;
	struct reply r;

	ASSERT_NE(NULL, nl);
	if (unshare(CLONE_NEWUSER | CLONE_NEWNET)) {
		/* As in the test VM, which runs tests in a chroot. */
		if (errno == EPERM)
			SKIP(goto out, "no user namespace here (a chroot?)");
		ASSERT_EQ(0, -errno) TH_LOG("unshare: %m");
	}
	ASSERT_EQ(0, write_file("/proc/self/setgroups", "deny"));
	ASSERT_EQ(0, write_file("/proc/self/uid_map", "0 0 1"));
	ASSERT_EQ(0, write_file("/proc/self/gid_map", "0 0 1"));
	ASSERT_EQ(0, run("ip link add et0 type etrunk"));
	ASSERT_EQ(0, nl_open(nl));

	nlh = req_new(nl, buf, ETRUNK_CMD_SET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_HASH_POLICY, ETRUNK_HASH_LAYER34);
	EXPECT_EQ(0, nl_talk(nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_HASH_LAYER34, t.hash_policy);
	nl_close(nl);
out:
	free(nl);
}

/* ---- remote backup services and profiles (RBS, RBP) ---------------------- */

/* A service or profile message, by attribute type (both under 32). */
struct rbmsg {
	bool seen[32];
	long long val[32];	/* the integers */
	char str[32][72];	/* the strings */
	__u8 bin[32][16];	/* the addresses */
	int len[32];		/* payload lengths */
	__u32 stats_kinds;	/* the kinds in ETRUNK_RBP_A_STATS */
	__u64 stats[ETRUNK_RBP_KIND_MAX + 1][ETRUNK_RBP_KS_A_MAX + 1];
};

/* An event of RBS or RBP: what etrunk_genl's struct trunk does not hold. */
struct rbevent {
	__u8 event;
	__u32 seq;
	__u16 nest;		/* ETRUNK_A_RBS or ETRUNK_A_RBP */
	char name[72];
};

static void rb_parse_nest(const struct nlattr *nest, struct rbmsg *m)
{
	const struct nlattr *a, *b, *c;

	memset(m, 0, sizeof(*m));
	mnl_attr_for_each_nested(a, nest) {
		__u16 type = mnl_attr_get_type(a);
		__u16 len = mnl_attr_get_payload_len(a);

		if (type >= 32)
			continue;
		m->seen[type] = true;
		m->len[type] = len;
		if (type == ETRUNK_RBP_A_STATS && nest->nla_type ==
		    (NLA_F_NESTED | ETRUNK_A_RBP)) {
			mnl_attr_for_each_nested(b, a) {
				__u64 v[ETRUNK_RBP_KS_A_MAX + 1] = { 0 };
				int kind = -1;

				mnl_attr_for_each_nested(c, b) {
					__u16 t = mnl_attr_get_type(c);

					if (t == ETRUNK_RBP_KS_A_KIND)
						kind = mnl_attr_get_u8(c);
					else if (t <= ETRUNK_RBP_KS_A_MAX &&
						 mnl_attr_get_payload_len(c) == 8)
						v[t] = mnl_attr_get_u64(c);
				}
				if (kind >= 0 && kind <= ETRUNK_RBP_KIND_MAX) {
					m->stats_kinds |= 1u << kind;
					memcpy(m->stats[kind], v, sizeof(v));
				}
			}
			continue;
		}
		switch (len) {
		case 1: m->val[type] = mnl_attr_get_u8(a); break;
		case 2: m->val[type] = mnl_attr_get_u16(a); break;
		case 4: m->val[type] = mnl_attr_get_u32(a); break;
		case 8: m->val[type] = mnl_attr_get_u64(a); break;
		}
		if (len <= 16)
			memcpy(m->bin[type], mnl_attr_get_payload(a), len);
		if (len && len <= sizeof(m->str[0]) &&
		    ((const char *)mnl_attr_get_payload(a))[len - 1] == '\0')
			memcpy(m->str[type], mnl_attr_get_payload(a), len);
	}
}

/* The nest @attr of a reply message into @m; false if it has none. */
static bool rb_from_msg(const struct nlmsghdr *nlh, __u16 attr,
			struct rbmsg *m)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) == attr) {
			rb_parse_nest(a, m);
			return true;
		}
	}
	return false;
}

/* A request @cmd with the nest @attr and, unless NULL, the name. */
static struct nlattr *rb_req(struct nl *nl, char *buf, __u8 cmd, __u16 attr,
			     const char *name, struct nlmsghdr **nlhp)
{
	struct nlattr *nest;

	*nlhp = req_new(nl, buf, cmd, 0);
	nest = nest_start(*nlhp, attr);
	if (name)
		mnl_attr_put_strz(*nlhp, ETRUNK_RBS_A_NAME, name);
	return nest;
}

/* NEW_RBS @name to the IPv4 peer 192.0.2.@peer, port @port (0: default). */
static int new_rbs(struct nl *nl, const char *name, __u8 peer, __u16 port,
		   struct reply *r)
{
	__u8 p[4] = { 192, 0, 2, peer };
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = rb_req(nl, buf, ETRUNK_CMD_NEW_RBS, ETRUNK_A_RBS,
				     name, &nlh);

	mnl_attr_put(nlh, ETRUNK_RBS_A_PEER_ADDR, 4, p);
	mnl_attr_put(nlh, ETRUNK_RBS_A_SOURCE_ADDR, 4, src4);
	if (port)
		mnl_attr_put_u16(nlh, ETRUNK_RBS_A_PORT, port);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}

/* NEW_RBP @name on @trunk over @service with @id. */
static int new_rbp(struct nl *nl, const char *name, const char *service,
		   __u32 id, const char *trunk, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = rb_req(nl, buf, ETRUNK_CMD_NEW_RBP, ETRUNK_A_RBP,
				     name, &nlh);

	if (service)
		mnl_attr_put_strz(nlh, ETRUNK_RBP_A_SERVICE, service);
	if (id)
		mnl_attr_put_u32(nlh, ETRUNK_RBP_A_BACKUP_ID, id);
	if (trunk)
		mnl_attr_put_strz(nlh, ETRUNK_RBP_A_IFNAME, trunk);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}

/* A request naming @name alone: DEL_*, GET_RBS_KEY, GET_* (one reply). */
static int rb_name_req(struct nl *nl, __u8 cmd, const char *name,
		       struct reply *r)
{
	__u16 attr = cmd >= ETRUNK_CMD_NEW_RBP ? ETRUNK_A_RBP : ETRUNK_A_RBS;
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = rb_req(nl, buf, cmd, attr, name, &nlh);

	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}

/* GET_RBS / GET_RBP of @name into @m. */
static int rb_get(struct nl *nl, __u8 cmd, const char *name, struct rbmsg *m)
{
	struct reply r;
	int err = rb_name_req(nl, cmd, name, &r);

	if (!err && (r.n != 1 ||
		     !rb_from_msg(r.msgs[0], cmd == ETRUNK_CMD_GET_RBS ?
				  ETRUNK_A_RBS : ETRUNK_A_RBP, m)))
		err = -EPROTO;
	reply_free(&r);
	return err;
}

/* Read the RBS and RBP events that come within @ms into @ev (up to @max). */
static int rb_events_read(struct nl *nl, struct rbevent *ev, int max, int ms)
{
	struct pollfd p = { .fd = mnl_socket_get_fd(nl->sk), .events = POLLIN };
	long long end = now_ms() + ms;
	int n = 0;

	for (;;) {
		long long left = end - now_ms();
		const struct nlmsghdr *m;
		ssize_t len;

		if (left <= 0 || poll(&p, 1, (int)left) <= 0)
			return n;
		len = recv(p.fd, nl->rx, sizeof(nl->rx), 0);
		if (len < 0)
			return -errno;
		m = (const struct nlmsghdr *)nl->rx;
		for (; mnl_nlmsg_ok(m, (int)len); m = mnl_nlmsg_next(m, (int *)&len)) {
			const struct nlattr *a;
			struct rbevent e = { 0 };

			if (m->nlmsg_type != nl->family)
				continue;
			mnl_attr_for_each(a, m, sizeof(struct genlmsghdr)) {
				__u16 type = mnl_attr_get_type(a);
				struct rbmsg rb;

				if (type == ETRUNK_A_EVENT)
					e.event = mnl_attr_get_u8(a);
				else if (type == ETRUNK_A_EVENT_SEQ)
					e.seq = mnl_attr_get_u32(a);
				else if (type == ETRUNK_A_RBS || type == ETRUNK_A_RBP) {
					e.nest = type;
					rb_parse_nest(a, &rb);
					snprintf(e.name, sizeof(e.name), "%s",
						 rb.str[ETRUNK_RBS_A_NAME]);
				}
			}
			if (e.nest && n < max)
				ev[n++] = e;
		}
	}
}

/* The commands, their permissions, the dumps. */
TEST_F(etrunk, rbs_family)
{
	struct nl *nl = self->nl;
	int cmd;

	for (cmd = ETRUNK_CMD_NEW_RBS; cmd <= ETRUNK_CMD_SET_RBP_STATE; cmd++) {
		__u32 perm = nl->op_flags[cmd] & (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM);
		bool get = cmd == ETRUNK_CMD_GET_RBS || cmd == ETRUNK_CMD_GET_RBP;

		EXPECT_TRUE(nl->op_listed[cmd]) TH_LOG("command %d", cmd);
		EXPECT_EQ(get ? 0U : (__u32)GENL_UNS_ADMIN_PERM, perm)
			TH_LOG("command %d", cmd);
		if (get)
			EXPECT_NE(0U, nl->op_flags[cmd] & GENL_CMD_CAP_DUMP);
	}
}

/* A service: defaults, every setting, the key read by the daemon, dump, delete. */
TEST_F(etrunk, rbs_crud)
{
	static const char key[] = "rbs-secret";
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct rbmsg m;
	struct reply r;

	ASSERT_EQ(0, new_rbs(self->nl, "pe2", 2, 0, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, rb_get(self->nl, ETRUNK_CMD_GET_RBS, "pe2", &m));
	EXPECT_STREQ("pe2", m.str[ETRUNK_RBS_A_NAME]);
	EXPECT_EQ(4, m.len[ETRUNK_RBS_A_PEER_ADDR]);
	EXPECT_EQ(2, m.bin[ETRUNK_RBS_A_PEER_ADDR][3]);
	EXPECT_EQ(0, memcmp(src4, m.bin[ETRUNK_RBS_A_SOURCE_ADDR], 4));
	EXPECT_EQ(ETRUNK_RBS_DEFAULT_PORT, m.val[ETRUNK_RBS_A_PORT]);
	EXPECT_EQ(ETRUNK_RBS_DEFAULT_HOLD_TIME, m.val[ETRUNK_RBS_A_HOLD_TIME]);
	EXPECT_EQ(ETRUNK_RBS_DEFAULT_KEEPALIVE, m.val[ETRUNK_RBS_A_KEEPALIVE]);
	EXPECT_TRUE(m.seen[ETRUNK_RBS_A_KEY_SET]);
	EXPECT_EQ(0U, m.val[ETRUNK_RBS_A_KEY_SET]);
	EXPECT_FALSE(m.seen[ETRUNK_RBS_A_KEY]);
	EXPECT_FALSE(m.seen[ETRUNK_RBS_A_DESCRIPTION]);
	EXPECT_EQ(ETRUNK_RBS_DOWN, m.val[ETRUNK_RBS_A_STATE]);
	EXPECT_FALSE(m.seen[ETRUNK_RBS_A_STATE_AGE]);
	EXPECT_TRUE(m.seen[ETRUNK_RBS_A_CONNECTS]);
	EXPECT_FALSE(m.seen[ETRUNK_RBS_A_LAST_SYNC_AGE]);
	EXPECT_FALSE(m.seen[ETRUNK_RBS_A_LAST_SYNC_DURATION]);

	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBS, ETRUNK_A_RBS, "pe2", &nlh);
	mnl_attr_put(nlh, ETRUNK_RBS_A_PEER_ADDR, 16, peer6);
	mnl_attr_put(nlh, ETRUNK_RBS_A_SOURCE_ADDR, 16, peer6);
	mnl_attr_put_u16(nlh, ETRUNK_RBS_A_PORT, 7000);
	mnl_attr_put(nlh, ETRUNK_RBS_A_KEY, strlen(key), key);
	mnl_attr_put_u32(nlh, ETRUNK_RBS_A_HOLD_TIME, 0);
	mnl_attr_put_u32(nlh, ETRUNK_RBS_A_KEEPALIVE, 250);
	mnl_attr_put_strz(nlh, ETRUNK_RBS_A_DESCRIPTION, "to PE2");
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, rb_get(self->nl, ETRUNK_CMD_GET_RBS, "pe2", &m));
	EXPECT_EQ(16, m.len[ETRUNK_RBS_A_PEER_ADDR]);
	EXPECT_EQ(7000U, m.val[ETRUNK_RBS_A_PORT]);
	EXPECT_EQ(1U, m.val[ETRUNK_RBS_A_KEY_SET]);
	EXPECT_FALSE(m.seen[ETRUNK_RBS_A_KEY]) TH_LOG("GET never has the key");
	EXPECT_EQ(0U, m.val[ETRUNK_RBS_A_HOLD_TIME]);
	EXPECT_EQ(250U, m.val[ETRUNK_RBS_A_KEEPALIVE]);
	EXPECT_STREQ("to PE2", m.str[ETRUNK_RBS_A_DESCRIPTION]);

	/* The daemon's read: the key. */
	ASSERT_EQ(0, rb_name_req(self->nl, ETRUNK_CMD_GET_RBS_KEY, "pe2", &r));
	ASSERT_EQ(1, r.n);
	ASSERT_TRUE(rb_from_msg(r.msgs[0], ETRUNK_A_RBS, &m));
	reply_free(&r);
	EXPECT_EQ((int)strlen(key), m.len[ETRUNK_RBS_A_KEY]);
	EXPECT_EQ(0, memcmp(key, m.bin[ETRUNK_RBS_A_KEY], strlen(key)));
	EXPECT_FALSE(m.seen[ETRUNK_RBS_A_PORT]);

	/* 0 bytes: no key; "": no description. */
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBS, ETRUNK_A_RBS, "pe2", &nlh);
	mnl_attr_put(nlh, ETRUNK_RBS_A_KEY, 0, NULL);
	mnl_attr_put_strz(nlh, ETRUNK_RBS_A_DESCRIPTION, "");
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, rb_get(self->nl, ETRUNK_CMD_GET_RBS, "pe2", &m));
	EXPECT_EQ(0U, m.val[ETRUNK_RBS_A_KEY_SET]);
	EXPECT_FALSE(m.seen[ETRUNK_RBS_A_DESCRIPTION]);

	/* The dump: every service, in creation order. */
	ASSERT_EQ(0, new_rbs(self->nl, "pe3", 3, 0, &r));
	reply_free(&r);
	nlh = req_new(self->nl, buf, ETRUNK_CMD_GET_RBS, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r));
	ASSERT_EQ(2, r.n);
	ASSERT_TRUE(rb_from_msg(r.msgs[0], ETRUNK_A_RBS, &m));
	EXPECT_STREQ("pe2", m.str[ETRUNK_RBS_A_NAME]);
	ASSERT_TRUE(rb_from_msg(r.msgs[1], ETRUNK_A_RBS, &m));
	EXPECT_STREQ("pe3", m.str[ETRUNK_RBS_A_NAME]);
	reply_free(&r);

	EXPECT_EQ(0, rb_name_req(self->nl, ETRUNK_CMD_DEL_RBS, "pe2", &r));
	reply_free(&r);
	EXPECT_EQ(-ENOENT, rb_get(self->nl, ETRUNK_CMD_GET_RBS, "pe2", &m));
	EXPECT_EQ(-ENOENT, rb_name_req(self->nl, ETRUNK_CMD_DEL_RBS, "pe2", &r));
	EXPECT_STREQ("No such remote backup service", r.msg);
	reply_free(&r);
}

/* What a service request may not be, with the kernel's messages. */
TEST_F(etrunk, rbs_refusals)
{
	static const __u8 five[5] = { 1, 2, 3, 4, 5 };
	static const struct {
		const char *name;
		__u8 cmd;
		__u16 attr;		/* 0: none */
		int len;		/* -1 u8, -2 u16, -4 u32, -8 u64, else bytes */
		__u64 val;
		int err;
		const char *msg;	/* NULL: any */
	} cases[] = {
		{ "pe9", ETRUNK_CMD_NEW_RBS, ETRUNK_RBS_A_SOURCE_ADDR, 16, 0, -EINVAL,
		  "The addresses of a service must be of one family" },
		{ "pe2", ETRUNK_CMD_SET_RBS, ETRUNK_RBS_A_SOURCE_ADDR, 16, 0, -EINVAL,
		  "The addresses of a service must be of one family" },
		{ "pe2", ETRUNK_CMD_SET_RBS, ETRUNK_RBS_A_PEER_ADDR, 5, 0, -EINVAL,
		  "An address is 4 (IPv4) or 16 (IPv6) bytes" },
		{ "pe2", ETRUNK_CMD_SET_RBS, ETRUNK_RBS_A_PORT, -2, 0, -ERANGE, NULL },
		{ "pe2", ETRUNK_CMD_SET_RBS, ETRUNK_RBS_A_HOLD_TIME, -4,
		  ETRUNK_RBS_MAX_HOLD_TIME + 1, -ERANGE, NULL },
		{ "pe2", ETRUNK_CMD_SET_RBS, ETRUNK_RBS_A_KEEPALIVE, -4,
		  ETRUNK_RBS_MIN_KEEPALIVE - 1, -ERANGE, NULL },
		{ "pe2", ETRUNK_CMD_SET_RBS, ETRUNK_RBS_A_KEY_SET, -1, 1, -EINVAL,
		  "ETRUNK_RBS_A_KEY_SET is read-only" },
		{ "pe2", ETRUNK_CMD_SET_RBS, ETRUNK_RBS_A_LAST_SYNC_AGE, -8, 1, -EINVAL,
		  "ETRUNK_RBS_A_LAST_SYNC_AGE is read-only" },
		{ "pe2", ETRUNK_CMD_SET_RBS, ETRUNK_RBS_A_STATE, -1, 1, -EINVAL,
		  "Written with ETRUNK_CMD_SET_RBS_STATE" },
		{ "pe2", ETRUNK_CMD_SET_RBS_STATE, ETRUNK_RBS_A_PORT, -2, 9, -EINVAL,
		  "Written with ETRUNK_CMD_NEW_RBS or ETRUNK_CMD_SET_RBS" },
		{ "pe2", ETRUNK_CMD_SET_RBS_STATE, ETRUNK_RBS_A_STATE, -1,
		  ETRUNK_RBS_STATE_MAX + 1, -ERANGE, NULL },
		{ "pe2", ETRUNK_CMD_DEL_RBS, ETRUNK_RBS_A_PORT, -2, 9, -EINVAL,
		  "Only ETRUNK_RBS_A_NAME is taken here" },
		{ "pe2", ETRUNK_CMD_GET_RBS_KEY, ETRUNK_RBS_A_PORT, -2, 9, -EINVAL,
		  "Only ETRUNK_RBS_A_NAME is taken here" },
		{ "pe 2", ETRUNK_CMD_GET_RBS, 0, 0, 0, -EINVAL,
		  "A name is 1 to 31 letters, digits, '-', '_' and '.'" },
		{ "", ETRUNK_CMD_GET_RBS, 0, 0, 0, -EINVAL,
		  "A name is 1 to 31 letters, digits, '-', '_' and '.'" },
		{ "a23456789012345678901234567890123", ETRUNK_CMD_SET_RBS, 0, 0, 0,
		  -EINVAL, "A name is 1 to 31 letters, digits, '-', '_' and '.'" },
		{ NULL, ETRUNK_CMD_GET_RBS, 0, 0, 0, -EINVAL,
		  "ETRUNK_RBS_A_NAME is required" },
		{ "pe9", ETRUNK_CMD_SET_RBS, ETRUNK_RBS_A_PORT, -2, 9, -ENOENT,
		  "No such remote backup service" },
		{ "pe9", ETRUNK_CMD_SET_RBS_STATE, ETRUNK_RBS_A_STATE, -1, 1, -ENOENT,
		  "No such remote backup service" },
	};
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct rbmsg m;
	struct reply r;
	size_t i;

	ASSERT_EQ(0, new_rbs(self->nl, "pe2", 2, 0, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		__u8 bytes[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };

		nest = rb_req(self->nl, buf, cases[i].cmd, ETRUNK_A_RBS,
			      cases[i].name, &nlh);
		if (cases[i].cmd == ETRUNK_CMD_NEW_RBS) {
			mnl_attr_put(nlh, ETRUNK_RBS_A_PEER_ADDR, 4, peer4);
		}
		if (cases[i].attr) {
			if (cases[i].len == -1)
				mnl_attr_put_u8(nlh, cases[i].attr, (__u8)cases[i].val);
			else if (cases[i].len == -2)
				mnl_attr_put_u16(nlh, cases[i].attr, (__u16)cases[i].val);
			else if (cases[i].len == -4)
				mnl_attr_put_u32(nlh, cases[i].attr, (__u32)cases[i].val);
			else if (cases[i].len == -8)
				mnl_attr_put_u64(nlh, cases[i].attr, cases[i].val);
			else if (cases[i].len == 5)
				mnl_attr_put(nlh, cases[i].attr, 5, five);
			else
				mnl_attr_put(nlh, cases[i].attr, cases[i].len, bytes);
		}
		mnl_attr_nest_end(nlh, nest);
		EXPECT_EQ(cases[i].err, nl_talk(self->nl, nlh, &r))
			TH_LOG("case %zu: %s", i, r.msg);
		if (cases[i].msg)
			EXPECT_STREQ(cases[i].msg, r.msg) TH_LOG("case %zu", i);
		reply_free(&r);
	}

	/* Without the nest; without the source; the name or peer and port taken. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_NEW_RBS, 0);
	EXPECT_EQ(-EINVAL, nl_talk(self->nl, nlh, &r));
	EXPECT_STREQ("ETRUNK_A_RBS is required", r.msg);
	reply_free(&r);
	nest = rb_req(self->nl, buf, ETRUNK_CMD_NEW_RBS, ETRUNK_A_RBS, "pe3", &nlh);
	mnl_attr_put(nlh, ETRUNK_RBS_A_PEER_ADDR, 4, peer4);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-EINVAL, nl_talk(self->nl, nlh, &r));
	EXPECT_STREQ("A new service needs ETRUNK_RBS_A_PEER_ADDR and ETRUNK_RBS_A_SOURCE_ADDR",
		     r.msg);
	reply_free(&r);
	EXPECT_EQ(-EEXIST, new_rbs(self->nl, "pe2", 7, 0, &r));
	EXPECT_STREQ("A remote backup service of this name exists", r.msg);
	reply_free(&r);
	EXPECT_EQ(-EEXIST, new_rbs(self->nl, "pe3", 2, 0, &r));
	EXPECT_STREQ("Another service has this peer address and port", r.msg);
	reply_free(&r);
	EXPECT_EQ(0, new_rbs(self->nl, "pe3", 2, 7000, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	/* ... also by a change; all or nothing. */
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBS, ETRUNK_A_RBS, "pe3", &nlh);
	mnl_attr_put_u32(nlh, ETRUNK_RBS_A_HOLD_TIME, 7);
	mnl_attr_put_u16(nlh, ETRUNK_RBS_A_PORT, ETRUNK_RBS_DEFAULT_PORT);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-EEXIST, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	ASSERT_EQ(0, rb_get(self->nl, ETRUNK_CMD_GET_RBS, "pe3", &m));
	EXPECT_EQ(ETRUNK_RBS_DEFAULT_HOLD_TIME, m.val[ETRUNK_RBS_A_HOLD_TIME]);
	EXPECT_EQ(7000U, m.val[ETRUNK_RBS_A_PORT]);
	/* A key longer than ETRUNK_RBS_KEY_MAX. */
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBS, ETRUNK_A_RBS, "pe3", &nlh);
	mnl_attr_put(nlh, ETRUNK_RBS_A_KEY, ETRUNK_RBS_KEY_MAX + 1, buf + 2048);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_NE(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
}

/* etrunkd's write-back: state, counters, the last full sync; events. */
TEST_F(etrunk, rbs_state)
{
	struct nl *ev = calloc(1, sizeof(*ev));
	struct rbevent e[16];
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct rbmsg m;
	struct reply r;
	int n;

	ASSERT_NE(NULL, ev);
	ASSERT_EQ(0, new_rbs(self->nl, "pe2", 2, 0, &r));
	reply_free(&r);
	ASSERT_EQ(0, nl_open(ev));
	ASSERT_EQ(0, events_join(ev));

	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBS_STATE, ETRUNK_A_RBS, "pe2", &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_RBS_A_STATE, ETRUNK_RBS_SYNCING);
	mnl_attr_put_u64(nlh, ETRUNK_RBS_A_CONNECTS, 3);
	mnl_attr_put_u64(nlh, ETRUNK_RBS_A_AUTH_FAILURES, 4);
	mnl_attr_put_u64(nlh, ETRUNK_RBS_A_ERRORS, 5);
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	/* Counters alone: no event. */
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBS_STATE, ETRUNK_A_RBS, "pe2", &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_RBS_A_STATE, ETRUNK_RBS_SYNCING);
	mnl_attr_put_u64(nlh, ETRUNK_RBS_A_ERRORS, 6);
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	ASSERT_EQ(0, rb_get(self->nl, ETRUNK_CMD_GET_RBS, "pe2", &m));
	EXPECT_EQ(ETRUNK_RBS_SYNCING, m.val[ETRUNK_RBS_A_STATE]);
	EXPECT_TRUE(m.seen[ETRUNK_RBS_A_STATE_AGE]);
	EXPECT_GT(5000U, m.val[ETRUNK_RBS_A_STATE_AGE]);
	EXPECT_EQ(3U, m.val[ETRUNK_RBS_A_CONNECTS]);
	EXPECT_EQ(4U, m.val[ETRUNK_RBS_A_AUTH_FAILURES]);
	EXPECT_EQ(6U, m.val[ETRUNK_RBS_A_ERRORS]);
	EXPECT_FALSE(m.seen[ETRUNK_RBS_A_LAST_SYNC_AGE]);

	/* The end of a full sync: its duration, and the kernel's time stamp. */
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBS_STATE, ETRUNK_A_RBS, "pe2", &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_RBS_A_STATE, ETRUNK_RBS_UP);
	mnl_attr_put_u32(nlh, ETRUNK_RBS_A_LAST_SYNC_DURATION, 410);
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	usleep(300 * 1000);
	ASSERT_EQ(0, rb_get(self->nl, ETRUNK_CMD_GET_RBS, "pe2", &m));
	EXPECT_EQ(ETRUNK_RBS_UP, m.val[ETRUNK_RBS_A_STATE]);
	EXPECT_EQ(410U, m.val[ETRUNK_RBS_A_LAST_SYNC_DURATION]);
	EXPECT_TRUE(m.seen[ETRUNK_RBS_A_LAST_SYNC_AGE]);
	EXPECT_LE(250U, m.val[ETRUNK_RBS_A_LAST_SYNC_AGE]);
	EXPECT_GT(10000U, m.val[ETRUNK_RBS_A_LAST_SYNC_AGE]);

	n = rb_events_read(ev, e, 16, 500);
	ASSERT_EQ(2, n) TH_LOG("two state changes, no event for counters alone");
	EXPECT_EQ(ETRUNK_EVENT_RBS_STATE, e[0].event);
	EXPECT_EQ(ETRUNK_EVENT_RBS_STATE, e[1].event);
	EXPECT_STREQ("pe2", e[1].name);
	EXPECT_EQ(e[0].seq + 1, e[1].seq);
	nl_close(ev);
	free(ev);
}

/* Profiles: required attributes, the service, the trunk, the backup id. */
TEST_F(etrunk, rbp_crud)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct rbmsg m;
	struct reply r;
	int k;

	ASSERT_EQ(0, run("ip link add et0 type etrunk"));
	ASSERT_EQ(0, run("ip link add dummy0 type dummy"));
	ASSERT_EQ(0, new_rbs(self->nl, "s1", 2, 0, &r));
	reply_free(&r);
	ASSERT_EQ(0, new_rbs(self->nl, "s2", 3, 0, &r));
	reply_free(&r);

	EXPECT_EQ(-EINVAL, new_rbp(self->nl, "p1", NULL, 10, "et0", &r));
	EXPECT_STREQ("A new profile needs ETRUNK_RBP_A_SERVICE", r.msg);
	reply_free(&r);
	EXPECT_EQ(-EINVAL, new_rbp(self->nl, "p1", "s1", 0, "et0", &r));
	EXPECT_STREQ("A new profile needs ETRUNK_RBP_A_BACKUP_ID", r.msg);
	reply_free(&r);
	EXPECT_EQ(-EINVAL, new_rbp(self->nl, "p1", "s1", 10, NULL, &r));
	EXPECT_STREQ("A new profile needs its trunk (ETRUNK_RBP_A_IFINDEX or ETRUNK_RBP_A_IFNAME)",
		     r.msg);
	reply_free(&r);
	EXPECT_EQ(-ENOENT, new_rbp(self->nl, "p1", "s9", 10, "et0", &r));
	EXPECT_STREQ("No such remote backup service", r.msg);
	reply_free(&r);
	EXPECT_EQ(-ENODEV, new_rbp(self->nl, "p1", "s1", 10, "dummy0", &r));
	EXPECT_STREQ("The device is not a trunk", r.msg);
	reply_free(&r);
	EXPECT_EQ(-ENODEV, new_rbp(self->nl, "p1", "s1", 10, "nosuch0", &r));
	EXPECT_STREQ("No such device", r.msg);
	reply_free(&r);

	ASSERT_EQ(0, new_rbp(self->nl, "p1", "s1", 10, "et0", &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, rb_get(self->nl, ETRUNK_CMD_GET_RBP, "p1", &m));
	EXPECT_STREQ("p1", m.str[ETRUNK_RBP_A_NAME]);
	EXPECT_STREQ("s1", m.str[ETRUNK_RBP_A_SERVICE]);
	EXPECT_EQ(10U, m.val[ETRUNK_RBP_A_BACKUP_ID]);
	EXPECT_EQ(ETRUNK_RBP_HOT, m.val[ETRUNK_RBP_A_TYPE]);
	EXPECT_EQ(ETRUNK_RBP_KINDS_ALL, m.val[ETRUNK_RBP_A_KINDS]);
	EXPECT_EQ(ifindex_of("et0"), m.val[ETRUNK_RBP_A_IFINDEX]);
	EXPECT_STREQ("et0", m.str[ETRUNK_RBP_A_IFNAME]);
	EXPECT_TRUE(m.seen[ETRUNK_RBP_A_GROUP]);
	EXPECT_EQ(0U, m.val[ETRUNK_RBP_A_GROUP]);
	EXPECT_EQ(0U, m.val[ETRUNK_RBP_A_TRUNK_ID]);
	EXPECT_EQ(ETRUNK_RBP_KINDS_ALL, m.stats_kinds);
	for (k = 0; k <= ETRUNK_RBP_KIND_MAX; k++)
		EXPECT_EQ(0U, m.stats[k][ETRUNK_RBP_KS_A_SENT]);

	EXPECT_EQ(-EEXIST, new_rbp(self->nl, "p1", "s2", 11, "et0", &r));
	EXPECT_STREQ("A remote backup profile of this name exists", r.msg);
	reply_free(&r);
	EXPECT_EQ(-EEXIST, new_rbp(self->nl, "p2", "s1", 10, "et0", &r));
	EXPECT_STREQ("Another profile of the service has this backup id", r.msg);
	reply_free(&r);
	EXPECT_EQ(0, new_rbp(self->nl, "p2", "s2", 10, "et0", &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	/* Moving p2 to s1 would make two with id 10. */
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBP, ETRUNK_A_RBP, "p2", &nlh);
	mnl_attr_put_strz(nlh, ETRUNK_RBP_A_SERVICE, "s1");
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-EEXIST, nl_talk(self->nl, nlh, &r));
	reply_free(&r);

	/* Kinds and type: ranges; a change reports the kinds it carries. */
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBP, ETRUNK_A_RBP, "p1", &nlh);
	mnl_attr_put_u32(nlh, ETRUNK_RBP_A_KINDS, 0);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-ERANGE, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBP, ETRUNK_A_RBP, "p1", &nlh);
	mnl_attr_put_u32(nlh, ETRUNK_RBP_A_KINDS, ETRUNK_RBP_KINDS_ALL + 1);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-ERANGE, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBP, ETRUNK_A_RBP, "p1", &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_RBP_A_TYPE, 0);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-ERANGE, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBP, ETRUNK_A_RBP, "p1", &nlh);
	mnl_attr_put_u32(nlh, ETRUNK_RBP_A_GROUP, 1);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-EINVAL, nl_talk(self->nl, nlh, &r));
	EXPECT_STREQ("ETRUNK_RBP_A_GROUP is read-only", r.msg);
	reply_free(&r);
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBP, ETRUNK_A_RBP, "p1", &nlh);
	mnl_attr_put_u32(nlh, ETRUNK_RBP_A_KINDS, ETRUNK_RBP_KIND_ARP | ETRUNK_RBP_KIND_ND);
	mnl_attr_put_u32(nlh, ETRUNK_RBP_A_BACKUP_ID, 12);
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, rb_get(self->nl, ETRUNK_CMD_GET_RBP, "p1", &m));
	EXPECT_EQ(12U, m.val[ETRUNK_RBP_A_BACKUP_ID]);
	EXPECT_EQ(ETRUNK_RBP_KIND_ARP | ETRUNK_RBP_KIND_ND, m.val[ETRUNK_RBP_A_KINDS]);
	EXPECT_EQ(ETRUNK_RBP_KIND_ARP | ETRUNK_RBP_KIND_ND, m.stats_kinds);

	/* A service in use is not deleted. */
	EXPECT_EQ(-EBUSY, rb_name_req(self->nl, ETRUNK_CMD_DEL_RBS, "s2", &r));
	EXPECT_STREQ("Profiles use the service; delete them first", r.msg);
	reply_free(&r);

	/* The dump, in creation order. */
	nlh = req_new(self->nl, buf, ETRUNK_CMD_GET_RBP, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r));
	ASSERT_EQ(2, r.n);
	ASSERT_TRUE(rb_from_msg(r.msgs[0], ETRUNK_A_RBP, &m));
	EXPECT_STREQ("p1", m.str[ETRUNK_RBP_A_NAME]);
	ASSERT_TRUE(rb_from_msg(r.msgs[1], ETRUNK_A_RBP, &m));
	EXPECT_STREQ("p2", m.str[ETRUNK_RBP_A_NAME]);
	reply_free(&r);

	EXPECT_EQ(0, rb_name_req(self->nl, ETRUNK_CMD_DEL_RBP, "p2", &r));
	reply_free(&r);
	EXPECT_EQ(0, rb_name_req(self->nl, ETRUNK_CMD_DEL_RBS, "s2", &r))
		TH_LOG("%s", r.msg);
	reply_free(&r);
	EXPECT_EQ(-ENOENT, rb_get(self->nl, ETRUNK_CMD_GET_RBP, "p2", &m));
}

/* A profile follows its trunk's E-Trunk binding. */
TEST_F(etrunk, rbp_follows_binding)
{
	struct rbmsg m;
	struct reply r;

	ASSERT_EQ(0, make_mode_trunk(self->nl, "et0", ETRUNK_MODE_LACP));
	ASSERT_EQ(0, new_group(self->nl, 3));
	ASSERT_EQ(0, new_rbs(self->nl, "s1", 2, 0, &r));
	reply_free(&r);
	ASSERT_EQ(0, new_rbp(self->nl, "p1", "s1", 1, "et0", &r));
	reply_free(&r);
	ASSERT_EQ(0, bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et0", 3, 0, 0,
			      0, 0, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, rb_get(self->nl, ETRUNK_CMD_GET_RBP, "p1", &m));
	EXPECT_EQ(3U, m.val[ETRUNK_RBP_A_GROUP]);
	EXPECT_EQ(default_bind_id("et0"), m.val[ETRUNK_RBP_A_TRUNK_ID]);
	ASSERT_EQ(0, unbind(self->nl, "et0", &r));
	reply_free(&r);
	ASSERT_EQ(0, rb_get(self->nl, ETRUNK_CMD_GET_RBP, "p1", &m));
	EXPECT_EQ(0U, m.val[ETRUNK_RBP_A_GROUP]);
	EXPECT_EQ(0U, m.val[ETRUNK_RBP_A_TRUNK_ID]);
}

/* etrunkd's per-kind counters. */
TEST_F(etrunk, rbp_state)
{
	struct nl *ev = calloc(1, sizeof(*ev));
	struct nlattr *nest, *stats, *ks;
	struct rbevent e[16];
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct rbmsg m;
	struct reply r;
	int i;

	ASSERT_NE(NULL, ev);
	ASSERT_EQ(0, run("ip link add et0 type etrunk"));
	ASSERT_EQ(0, new_rbs(self->nl, "s1", 2, 0, &r));
	reply_free(&r);
	ASSERT_EQ(0, new_rbp(self->nl, "p1", "s1", 1, "et0", &r));
	reply_free(&r);
	ASSERT_EQ(0, nl_open(ev));
	ASSERT_EQ(0, events_join(ev));

	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBP_STATE, ETRUNK_A_RBP, "p1", &nlh);
	stats = nest_start(nlh, ETRUNK_RBP_A_STATS);
	ks = nest_start(nlh, ETRUNK_RBP_A_KIND_STATS);
	mnl_attr_put_u8(nlh, ETRUNK_RBP_KS_A_KIND, ETRUNK_RBP_ND);
	for (i = ETRUNK_RBP_KS_A_SENT; i <= ETRUNK_RBP_KS_A_FAILED; i++)
		mnl_attr_put_u64(nlh, i, 100 + i);
	mnl_attr_nest_end(nlh, ks);
	ks = nest_start(nlh, ETRUNK_RBP_A_KIND_STATS);
	mnl_attr_put_u8(nlh, ETRUNK_RBP_KS_A_KIND, ETRUNK_RBP_MLD);
	mnl_attr_put_u64(nlh, ETRUNK_RBP_KS_A_ENTRIES, 7);
	mnl_attr_nest_end(nlh, ks);
	mnl_attr_nest_end(nlh, stats);
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	/* A later write of one counter keeps the others. */
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBP_STATE, ETRUNK_A_RBP, "p1", &nlh);
	stats = nest_start(nlh, ETRUNK_RBP_A_STATS);
	ks = nest_start(nlh, ETRUNK_RBP_A_KIND_STATS);
	mnl_attr_put_u8(nlh, ETRUNK_RBP_KS_A_KIND, ETRUNK_RBP_ND);
	mnl_attr_put_u64(nlh, ETRUNK_RBP_KS_A_SENT, 1000);
	mnl_attr_nest_end(nlh, ks);
	ks = nest_start(nlh, ETRUNK_RBP_A_KIND_STATS);
	mnl_attr_put_u8(nlh, ETRUNK_RBP_KS_A_KIND, ETRUNK_RBP_MLD);
	mnl_attr_put_u64(nlh, ETRUNK_RBP_KS_A_FAILED, 5);
	mnl_attr_nest_end(nlh, ks);
	mnl_attr_nest_end(nlh, stats);
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, rb_get(self->nl, ETRUNK_CMD_GET_RBP, "p1", &m));
	EXPECT_EQ(1000U, m.stats[ETRUNK_RBP_ND][ETRUNK_RBP_KS_A_SENT]);
	EXPECT_EQ(100U + ETRUNK_RBP_KS_A_RECEIVED,
		  m.stats[ETRUNK_RBP_ND][ETRUNK_RBP_KS_A_RECEIVED]);
	EXPECT_EQ(100U + ETRUNK_RBP_KS_A_ENTRIES,
		  m.stats[ETRUNK_RBP_ND][ETRUNK_RBP_KS_A_ENTRIES]);
	EXPECT_EQ(100U + ETRUNK_RBP_KS_A_FAILED,
		  m.stats[ETRUNK_RBP_ND][ETRUNK_RBP_KS_A_FAILED]);
	EXPECT_EQ(7U, m.stats[ETRUNK_RBP_MLD][ETRUNK_RBP_KS_A_ENTRIES]);
	EXPECT_EQ(5U, m.stats[ETRUNK_RBP_MLD][ETRUNK_RBP_KS_A_FAILED]);
	EXPECT_EQ(0U, m.stats[ETRUNK_RBP_ARP][ETRUNK_RBP_KS_A_SENT]);
	EXPECT_EQ(0U, m.stats[ETRUNK_RBP_ARP][ETRUNK_RBP_KS_A_FAILED]);
	EXPECT_EQ(2, rb_events_read(ev, e, 16, 500)) TH_LOG("one event per write");
	EXPECT_EQ(ETRUNK_EVENT_RBP_STATE, e[0].event);
	EXPECT_STREQ("p1", e[0].name);

	/* A kind twice, none, out of range; a configuration attribute. */
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBP_STATE, ETRUNK_A_RBP, "p1", &nlh);
	stats = nest_start(nlh, ETRUNK_RBP_A_STATS);
	for (i = 0; i < 2; i++) {
		ks = nest_start(nlh, ETRUNK_RBP_A_KIND_STATS);
		mnl_attr_put_u8(nlh, ETRUNK_RBP_KS_A_KIND, ETRUNK_RBP_ARP);
		mnl_attr_put_u64(nlh, ETRUNK_RBP_KS_A_SENT, 9);
		mnl_attr_nest_end(nlh, ks);
	}
	mnl_attr_nest_end(nlh, stats);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-EINVAL, nl_talk(self->nl, nlh, &r));
	EXPECT_STREQ("Each kind once in ETRUNK_RBP_A_STATS", r.msg);
	reply_free(&r);
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBP_STATE, ETRUNK_A_RBP, "p1", &nlh);
	stats = nest_start(nlh, ETRUNK_RBP_A_STATS);
	ks = nest_start(nlh, ETRUNK_RBP_A_KIND_STATS);
	mnl_attr_put_u64(nlh, ETRUNK_RBP_KS_A_SENT, 9);
	mnl_attr_nest_end(nlh, ks);
	mnl_attr_nest_end(nlh, stats);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-EINVAL, nl_talk(self->nl, nlh, &r));
	EXPECT_STREQ("ETRUNK_RBP_KS_A_KIND is required", r.msg);
	reply_free(&r);
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBP_STATE, ETRUNK_A_RBP, "p1", &nlh);
	stats = nest_start(nlh, ETRUNK_RBP_A_STATS);
	ks = nest_start(nlh, ETRUNK_RBP_A_KIND_STATS);
	mnl_attr_put_u8(nlh, ETRUNK_RBP_KS_A_KIND, ETRUNK_RBP_KIND_MAX + 1);
	mnl_attr_nest_end(nlh, ks);
	mnl_attr_nest_end(nlh, stats);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-ERANGE, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBP_STATE, ETRUNK_A_RBP, "p1", &nlh);
	mnl_attr_put_u32(nlh, ETRUNK_RBP_A_BACKUP_ID, 2);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-EINVAL, nl_talk(self->nl, nlh, &r));
	EXPECT_STREQ("Written with ETRUNK_CMD_NEW_RBP or ETRUNK_CMD_SET_RBP", r.msg);
	reply_free(&r);
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBP, ETRUNK_A_RBP, "p1", &nlh);
	stats = nest_start(nlh, ETRUNK_RBP_A_STATS);
	mnl_attr_nest_end(nlh, stats);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_EQ(-EINVAL, nl_talk(self->nl, nlh, &r));
	EXPECT_STREQ("Written with ETRUNK_CMD_SET_RBP_STATE", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, rb_get(self->nl, ETRUNK_CMD_GET_RBP, "p1", &m));
	EXPECT_EQ(0U, m.stats[ETRUNK_RBP_ARP][ETRUNK_RBP_KS_A_SENT])
		TH_LOG("a refused write changes nothing");
	nl_close(ev);
	free(ev);
}

/* The events of configuration, in order; a profile goes with its trunk. */
TEST_F(etrunk, rb_events_and_device_gone)
{
	static const struct { __u8 event; const char *name; } want[] = {
		{ ETRUNK_EVENT_RBS_ADDED, "s1" },
		{ ETRUNK_EVENT_RBS_CHANGED, "s1" },
		{ ETRUNK_EVENT_RBP_ADDED, "p1" },
		{ ETRUNK_EVENT_RBP_ADDED, "p2" },
		{ ETRUNK_EVENT_RBP_CHANGED, "p1" },
		{ ETRUNK_EVENT_RBP_REMOVED, "p1" },
		{ ETRUNK_EVENT_RBP_REMOVED, "p2" },
		{ ETRUNK_EVENT_RBS_REMOVED, "s1" },
	};
	struct nl *ev = calloc(1, sizeof(*ev));
	struct rbevent e[32];
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct rbmsg m;
	struct reply r;
	int n, i;

	ASSERT_NE(NULL, ev);
	ASSERT_EQ(0, run("ip link add et0 type etrunk"));
	ASSERT_EQ(0, run("ip link add et1 type etrunk"));
	ASSERT_EQ(0, nl_open(ev));
	ASSERT_EQ(0, events_join(ev));
	ASSERT_EQ(0, new_rbs(self->nl, "s1", 2, 0, &r));
	reply_free(&r);
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBS, ETRUNK_A_RBS, "s1", &nlh);
	mnl_attr_put_u32(nlh, ETRUNK_RBS_A_HOLD_TIME, 5);
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	ASSERT_EQ(0, new_rbp(self->nl, "p1", "s1", 1, "et0", &r));
	reply_free(&r);
	ASSERT_EQ(0, new_rbp(self->nl, "p2", "s1", 2, "et1", &r));
	reply_free(&r);
	/* p1 moves to et1: both go with et1. */
	nest = rb_req(self->nl, buf, ETRUNK_CMD_SET_RBP, ETRUNK_A_RBP, "p1", &nlh);
	mnl_attr_put_u32(nlh, ETRUNK_RBP_A_IFINDEX, ifindex_of("et1"));
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r)) TH_LOG("%s", r.msg);
	reply_free(&r);
	ASSERT_EQ(0, run("ip link del et0"));
	ASSERT_EQ(0, rb_get(self->nl, ETRUNK_CMD_GET_RBP, "p1", &m));
	ASSERT_EQ(0, run("ip link del et1"));
	EXPECT_EQ(-ENOENT, rb_get(self->nl, ETRUNK_CMD_GET_RBP, "p1", &m));
	EXPECT_EQ(-ENOENT, rb_get(self->nl, ETRUNK_CMD_GET_RBP, "p2", &m));
	/* The service is free again. */
	EXPECT_EQ(0, rb_name_req(self->nl, ETRUNK_CMD_DEL_RBS, "s1", &r))
		TH_LOG("%s", r.msg);
	reply_free(&r);

	n = rb_events_read(ev, e, 32, 500);
	ASSERT_EQ((int)(sizeof(want) / sizeof(want[0])), n);
	for (i = 0; i < n; i++) {
		EXPECT_EQ(want[i].event, e[i].event) TH_LOG("event %d", i);
		EXPECT_STREQ(want[i].name, e[i].name) TH_LOG("event %d", i);
		if (i)	/* the trunks' own events come between */
			EXPECT_LT(e[i - 1].seq, e[i].seq) TH_LOG("event %d", i);
	}
	nl_close(ev);
	free(ev);
}

/* Without CAP_NET_ADMIN: read, not write, and never the key. */
TEST_F(etrunk, rb_unprivileged)
{
	struct nl *un = calloc(1, sizeof(*un));
	struct rbmsg m;
	struct reply r;

	ASSERT_NE(NULL, un);
	ASSERT_EQ(0, run("ip link add et0 type etrunk"));
	ASSERT_EQ(0, new_rbs(self->nl, "s1", 2, 0, &r));
	reply_free(&r);
	ASSERT_EQ(0, new_rbp(self->nl, "p1", "s1", 1, "et0", &r));
	reply_free(&r);
	ASSERT_EQ(0, cap_net_admin(false));
	ASSERT_EQ(0, nl_open(un));
	EXPECT_EQ(-EPERM, new_rbs(un, "s2", 3, 0, &r));
	reply_free(&r);
	EXPECT_EQ(-EPERM, new_rbp(un, "p2", "s1", 2, "et0", &r));
	reply_free(&r);
	EXPECT_EQ(-EPERM, rb_name_req(un, ETRUNK_CMD_GET_RBS_KEY, "s1", &r));
	reply_free(&r);
	EXPECT_EQ(-EPERM, rb_name_req(un, ETRUNK_CMD_DEL_RBP, "p1", &r));
	reply_free(&r);
	EXPECT_EQ(0, rb_get(un, ETRUNK_CMD_GET_RBS, "s1", &m));
	EXPECT_FALSE(m.seen[ETRUNK_RBS_A_KEY]);
	EXPECT_EQ(0, rb_get(un, ETRUNK_CMD_GET_RBP, "p1", &m));
	nl_close(un);
	free(un);
	ASSERT_EQ(0, cap_net_admin(true));
}

/* At most ETRUNK_RBS_MAX_SERVICES and ETRUNK_RBP_MAX_PROFILES per namespace. */
TEST_F(etrunk, rb_limits)
{
	char name[32];
	struct reply r;
	int i;

	ASSERT_EQ(0, run("ip link add et0 type etrunk"));
	for (i = 0; i < ETRUNK_RBS_MAX_SERVICES; i++) {
		snprintf(name, sizeof(name), "s%d", i);
		ASSERT_EQ(0, new_rbs(self->nl, name, 2, (__u16)(1000 + i), &r))
			TH_LOG("%d: %s", i, r.msg);
		reply_free(&r);
	}
	EXPECT_EQ(-ENOSPC, new_rbs(self->nl, "one-more", 2, 999, &r));
	EXPECT_STREQ("The namespace has its maximum of remote backup services", r.msg);
	reply_free(&r);
	for (i = 0; i < ETRUNK_RBP_MAX_PROFILES; i++) {
		snprintf(name, sizeof(name), "p%d", i);
		ASSERT_EQ(0, new_rbp(self->nl, name, "s0", (__u32)i + 1, "et0", &r))
			TH_LOG("%d: %s", i, r.msg);
		reply_free(&r);
	}
	EXPECT_EQ(-ENOSPC, new_rbp(self->nl, "one-more", "s1", 1, "et0", &r));
	EXPECT_STREQ("The namespace has its maximum of remote backup profiles", r.msg);
	reply_free(&r);
	/* Deleting one makes room; deleting the trunk removes them all. */
	EXPECT_EQ(0, rb_name_req(self->nl, ETRUNK_CMD_DEL_RBP, "p0", &r));
	reply_free(&r);
	EXPECT_EQ(0, new_rbp(self->nl, "one-more", "s1", 1, "et0", &r));
	reply_free(&r);
	ASSERT_EQ(0, run("ip link del et0"));
	EXPECT_EQ(0, rb_name_req(self->nl, ETRUNK_CMD_DEL_RBS, "s0", &r))
		TH_LOG("%s", r.msg);
	reply_free(&r);
}

int main(int argc, char **argv)
{
	struct nl *nl = calloc(1, sizeof(*nl));
	int err;

	if (!nl)
		return KSFT_FAIL;
	err = nl_open(nl);
	if (err == -ENOENT) {
		ksft_print_header();
		ksft_exit_skip("generic netlink family \"%s\" is not registered (etrunk not loaded?)\n",
			       ETRUNK_GENL_NAME);
	}
	if (err) {
		ksft_print_header();
		ksft_exit_fail_msg("generic netlink: %s\n", strerror(-err));
	}
	nl_close(nl);
	free(nl);
	return test_harness_run(argc, argv);
}
