// SPDX-License-Identifier: GPL-2.0
/*
 * etrunk_genl_binding - trunks bound to E-Trunk groups: binding rules,
 * member trunk ids, the role taken as the LACP role or, for a mode-backup
 * trunk, as its switchover, revert timers, and unbinding when a trunk is
 * deleted.
 *
 * Every test runs in a child of its own (the kselftest harness forks) and
 * in a network namespace of its own (the fixture's set-up unshares one),
 * so tests see nothing of each other. Trunks and veths are made with ip(8)
 * through system(). Without the family (module not loaded) everything is
 * skipped. The helpers are in genl_util.c and genl_*.c.
 */

#include "genl_test.h"

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
