// SPDX-License-Identifier: GPL-2.0
/*
 * etrunk_genl_member - members of a trunk over generic netlink: SET_MEMBER,
 * link failures, LACP settings, member refusals, mode changes with
 * members, and the events of member state and trunk changes in order.
 *
 * Every test runs in a child of its own (the kselftest harness forks) and
 * in a network namespace of its own (the fixture's set-up unshares one),
 * so tests see nothing of each other. Trunks and veths are made with ip(8)
 * through system(). Without the family (module not loaded) everything is
 * skipped. The helpers are in genl_util.c and genl_*.c.
 */

#include "genl_test.h"

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
