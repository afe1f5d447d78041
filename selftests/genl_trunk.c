// SPDX-License-Identifier: GPL-2.0
/*
 * genl_trunk - trunk and member messages of the etrunk family, parsed and
 * checked against the contract of uapi/linux/etrunk.h, and the requests
 * that get, dump and set them.
 */

#include "genl_util.h"

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

void parse_trunk(const struct nlmsghdr *nlh, struct trunk *t)
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
void check_trunk_message(struct trunk *t)
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

/* Put the trunk selector: by name if @name, else by @ifindex. */
void put_trunk(struct nlmsghdr *nlh, const char *name, __u32 ifindex)
{
	if (name)
		mnl_attr_put_strz(nlh, ETRUNK_A_IFNAME, name);
	else
		mnl_attr_put_u32(nlh, ETRUNK_A_IFINDEX, ifindex);
}

/* GET_TRUNK doit into @t: 0 or the error. */
int get_trunk(struct nl *nl, const char *name, __u32 ifindex,
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
int dump_trunks(struct nl *nl, struct trunk *t, int max, int *n)
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

int get_member(struct nl *nl, const char *name, __u32 ifindex,
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
int set_member(struct nl *nl, const char *name, int prio, int master,
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

/* Wait up to 10 s until member @name has @state and @reason. */
int wait_member(struct nl *nl, const char *name, __u8 state,
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

/* A trunk without members in @mode (ip may lack the etrunk plugin). */
int make_mode_trunk(struct nl *nl, const char *name, __u8 mode)
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

int set_mode(struct nl *nl, const char *name, __u8 mode)
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
