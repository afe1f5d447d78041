// SPDX-License-Identifier: GPL-2.0
/*
 * etrunk_genl_rbs - remote backup services (RBS) and profiles (RBP) over
 * generic netlink: create, get, dump, set, delete, refusals, etrunkd's
 * state write-back, events, permissions and limits.
 *
 * Every test runs in a child of its own (the kselftest harness forks) and
 * in a network namespace of its own (the fixture's set-up unshares one),
 * so tests see nothing of each other. Trunks and veths are made with ip(8)
 * through system(). Without the family (module not loaded) everything is
 * skipped. The helpers are in genl_util.c and genl_*.c.
 */

#include "genl_test.h"

/* The commands, their permissions, the dumps. */
TEST_F(etrunk, rbs_family)
{
	EXPECT_OBJECT_COMMANDS(self->nl, ETRUNK_CMD_NEW_RBS,
			       ETRUNK_CMD_SET_RBP_STATE,
			       cmd == ETRUNK_CMD_GET_RBS ||
			       cmd == ETRUNK_CMD_GET_RBP);
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
	EXPECT_EQ(4, m.len[ETRUNK_RBS_A_MAX_ENTRIES]);
	EXPECT_EQ(ETRUNK_RBS_DEFAULT_MAX_ENTRIES, m.val[ETRUNK_RBS_A_MAX_ENTRIES]);
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
	mnl_attr_put_u32(nlh, ETRUNK_RBS_A_MAX_ENTRIES, 3);
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
	EXPECT_EQ(3U, m.val[ETRUNK_RBS_A_MAX_ENTRIES]);
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
		{ "pe2", ETRUNK_CMD_SET_RBS, ETRUNK_RBS_A_MAX_ENTRIES, -4, 0,
		  -ERANGE, "integer out of range" },
		{ "pe2", ETRUNK_CMD_SET_RBS, ETRUNK_RBS_A_MAX_ENTRIES, -4,
		  ETRUNK_RBS_MAX_MAX_ENTRIES + 1, -ERANGE, "integer out of range" },
		{ "pe9", ETRUNK_CMD_NEW_RBS, ETRUNK_RBS_A_MAX_ENTRIES, -4, 0,
		  -ERANGE, "integer out of range" },
		{ "pe2", ETRUNK_CMD_SET_RBS_STATE, ETRUNK_RBS_A_MAX_ENTRIES, -4, 9,
		  -EINVAL, "Written with ETRUNK_CMD_NEW_RBS or ETRUNK_CMD_SET_RBS" },
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

/*
 * The daemon's state write and GET_RBS take the store's own lock, not
 * RTNL: both complete while one task holds RTNL for a long stretch (a
 * dummy with VLANs deleted in one request) and another still waits
 * for it, and the counters written are read back meanwhile.
 */
struct rbs_state_write {
	struct nl *nl;
	int err, got;
	struct rbmsg m;
};

/* SET_RBS_STATE of pe2, then GET_RBS. */
static void rbs_state_write(void *arg)
{
	struct rbs_state_write *w = arg;
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct reply r;

	nest = rb_req(w->nl, buf, ETRUNK_CMD_SET_RBS_STATE, ETRUNK_A_RBS, "pe2", &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_RBS_A_STATE, ETRUNK_RBS_SYNCING);
	mnl_attr_put_u64(nlh, ETRUNK_RBS_A_CONNECTS, 7);
	mnl_attr_put_u64(nlh, ETRUNK_RBS_A_ERRORS, 9);
	mnl_attr_nest_end(nlh, nest);
	w->err = nl_talk(w->nl, nlh, &r);
	reply_free(&r);
	w->got = rb_get(w->nl, ETRUNK_CMD_GET_RBS, "pe2", &w->m);
}

TEST_F_TIMEOUT(etrunk, rbs_state_without_rtnl, 300)
{
	struct rbs_state_write w = { .nl = self->nl };
	struct rtnl_held res;
	struct reply r;

	ASSERT_EQ(0, new_rbs(self->nl, "pe2", 2, 0, &r));
	reply_free(&r);
	if (rtnl_held_run(rbs_state_write, &w, &res))
		SKIP(return, "RTNL was not held long enough to see a task wait for it");
	fprintf(stderr, "# SET_RBS_STATE and GET_RBS: %lld ms; RTNL free %lld ms later\n",
		res.ms, res.free_ms);

	ASSERT_EQ(0, w.err);
	ASSERT_EQ(0, w.got);
	EXPECT_EQ(ETRUNK_RBS_SYNCING, w.m.val[ETRUNK_RBS_A_STATE]);
	EXPECT_EQ(7, w.m.val[ETRUNK_RBS_A_CONNECTS]);
	EXPECT_EQ(9, w.m.val[ETRUNK_RBS_A_ERRORS]);
	EXPECT_TRUE(res.waiting)
		TH_LOG("the task waiting for RTNL got it first: the write waited for RTNL");
	EXPECT_EQ(0, res.ended);
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
	EXPECT_EQ(-EPERM, rb_get(un, ETRUNK_CMD_GET_RBS, "s1", &m));
	EXPECT_EQ(-EPERM, rb_get(un, ETRUNK_CMD_GET_RBP, "p1", &m));
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
