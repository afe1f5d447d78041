// SPDX-License-Identifier: GPL-2.0
/*
 * etrunk_genl_trunk - the generic netlink family "etrunk" and its trunks
 * against the contract, uapi/linux/etrunk.h: the family, GET/SET and dump
 * of trunks, strict validation with extack (unknown attributes, wrong
 * types, ranges, selectors), permissions and namespaces.
 *
 * Every test runs in a child of its own (the kselftest harness forks) and
 * in a network namespace of its own (the fixture's set-up unshares one),
 * so tests see nothing of each other. Trunks and veths are made with ip(8)
 * through system(). Without the family (module not loaded) everything is
 * skipped. The helpers are in genl_util.c and genl_*.c.
 */

#include "genl_test.h"

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
	/* Every command, reading ones too, needs CAP_NET_ADMIN in the user
	 * namespace owning the network namespace.
	 */
	EXPECT_EQ((__u32)GENL_UNS_ADMIN_PERM, nl->op_flags[ETRUNK_CMD_GET_TRUNK] &
		  (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM));
	EXPECT_EQ((__u32)GENL_UNS_ADMIN_PERM, nl->op_flags[ETRUNK_CMD_GET_MEMBER] &
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
	enum { N = 64 };
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

/* GET_TRUNK of a trunk whose members do not fit 32 KiB (in mode lacp
 * each carries its LACP state): the uapi promises that a 32 KiB buffer
 * reads it, so it comes in parts as a dump does, each a whole trunk
 * message with the next members, ended by NLMSG_DONE.
 */
TEST_F_TIMEOUT(etrunk, get_large_trunk, 300)
{
	enum { N = ETRUNK_MAX_MEMBERS };
	struct nl *small = calloc(1, sizeof(*small));
	struct trunk *t = calloc(1, sizeof(*t));
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	int i, j, next = 0;
	struct reply r;
	__u32 largest = 0;

	ASSERT_NE(NULL, small);
	ASSERT_NE(NULL, t);
	ASSERT_EQ(0, make_mode_trunk(self->nl, "et0", ETRUNK_MODE_LACP));
	ASSERT_EQ(0, make_trunk_members("et0", false, "member-", "peer-", N));
	ASSERT_EQ(0, nl_socket(small));
	small->rxlen = 32768;
	ASSERT_EQ(0, nl_resolve(small));

	nlh = req_new(small, buf, ETRUNK_CMD_GET_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	/* A message above 32 KiB fails the read here (MSG_TRUNC). */
	ASSERT_EQ(0, nl_talk(small, nlh, &r)) TH_LOG("%s", r.msg);
	EXPECT_LT(1, r.n);
	for (i = 0; i < r.n; i++) {
		if (r.msgs[i]->nlmsg_len > largest)
			largest = r.msgs[i]->nlmsg_len;
		EXPECT_TRUE(r.msgs[i]->nlmsg_flags & NLM_F_MULTI);
		parse_trunk(r.msgs[i], t);
		check_trunk_message(t);
		EXPECT_STREQ("", t->bad) TH_LOG("message %d", i);
		ASSERT_STREQ("et0", t->ifname);
		EXPECT_EQ(ETRUNK_MODE_LACP, t->mode);
		for (j = 0; j < t->n_members; j++, next++) {
			char name[IFNAMSIZ];

			snprintf(name, sizeof(name), "member-%d", next % 1000);
			EXPECT_STREQ(name, t->members[j].ifname);
		}
	}
	EXPECT_EQ(N, next) TH_LOG("members of et0 over %d messages", r.n);
	EXPECT_GE(32768U, largest);
	TH_LOG("et0 (lacp): %d members in %d messages, the largest %u bytes",
	       N, r.n, largest);
	reply_free(&r);
	nl_close(small);
	free(t);
	free(small);
	EXPECT_EQ(0, del_trunk_members("et0", "member-", N));
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

/*
 * Without CAP_NET_ADMIN every command is refused with -EPERM, GETs and
 * dumps too (as WireGuard's), and the events group cannot be joined.
 */
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

	EXPECT_EQ(-EPERM, get_trunk(un, "et0", 0, &t[0], &r));
	reply_free(&r);
	EXPECT_EQ(-EPERM, get_member(un, "a0", 0, &t[0], &r));
	reply_free(&r);
	EXPECT_EQ(-EPERM, dump_trunks(un, t, 2, &n));
	EXPECT_EQ(0, n);
	nlh = req_new(un, buf, ETRUNK_CMD_GET_FLUSH_RX, NLM_F_DUMP);
	EXPECT_EQ(-EPERM, nl_talk(un, nlh, &r));
	reply_free(&r);
	EXPECT_EQ(-EPERM, events_join(un));
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
