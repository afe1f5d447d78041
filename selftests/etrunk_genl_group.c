// SPDX-License-Identifier: GPL-2.0
/*
 * etrunk_genl_group - E-Trunk groups over generic netlink: create, get,
 * dump, set, delete, the refusals with errno and offset, the write-only
 * key, the daemon's peer state and counters, namespaces, events and
 * permissions.
 *
 * Every test runs in a child of its own (the kselftest harness forks) and
 * in a network namespace of its own (the fixture's set-up unshares one),
 * so tests see nothing of each other. Trunks and veths are made with ip(8)
 * through system(). Without the family (module not loaded) everything is
 * skipped. The helpers are in genl_util.c and genl_*.c.
 */

#include "genl_test.h"

/* The commands, their permissions, GET_GROUP's dump. */
TEST_F(etrunk, group_family)
{
	EXPECT_OBJECT_COMMANDS(self->nl, ETRUNK_CMD_NEW_GROUP,
			       ETRUNK_CMD_SET_GROUP_STATE,
			       cmd == ETRUNK_CMD_GET_GROUP);
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
	EXPECT_EQ(-EPERM, get_group(un, 1, &g, &r));
	reply_free(&r);
	nl_close(un);
	free(un);
	ASSERT_EQ(0, cap_net_admin(true));
}
