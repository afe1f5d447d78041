// SPDX-License-Identifier: GPL-2.0
/*
 * etrunk_genl_policy - the generic netlink family "etrunk" as a whole:
 * each command takes its own attributes and refuses any other (one policy
 * per command, Documentation/netlink.md: "Requests are validated strictly").
 *
 * Every case sends a valid request first, which succeeds, then the same
 * request with one attribute the command does not take, which fails with
 * -EINVAL and NLMSGERR_ATTR_OFFS pointing at that attribute. Helpers are
 * in genl_util.c and genl_*.c; each test has its own network namespace.
 */

#include "genl_test.h"

/* A request of one case, valid as built; the foreign attribute goes after. */
typedef struct nlmsghdr *(*build_t)(struct nl *nl, char *buf);

struct policy_case {
	const char *what;
	build_t build;
	__u16 foreign;		/* a top-level attribute the command does not take */
	const char *msg;	/* the extack message if not the kernel's own */
};

static struct nlmsghdr *get_trunk_req(struct nl *nl, char *buf)
{
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_GET_TRUNK, 0);

	put_trunk(nlh, "et0", 0);
	return nlh;
}

static struct nlmsghdr *dump_trunks_req(struct nl *nl, char *buf)
{
	return req_new(nl, buf, ETRUNK_CMD_GET_TRUNK, NLM_F_DUMP);
}

static struct nlmsghdr *set_trunk_req(struct nl *nl, char *buf)
{
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_SET_TRUNK, 0);

	put_trunk(nlh, "et0", 0);
	mnl_attr_put_u32(nlh, ETRUNK_A_MIN_LINKS, 1);
	return nlh;
}

static struct nlmsghdr *member_req(struct nl *nl, char *buf, __u8 cmd)
{
	struct nlmsghdr *nlh = req_new(nl, buf, cmd, 0);
	struct nlattr *nest = nest_start(nlh, ETRUNK_A_MEMBER);

	mnl_attr_put_strz(nlh, ETRUNK_MEMBER_A_IFNAME, "a0");
	if (cmd == ETRUNK_CMD_SET_MEMBER)
		mnl_attr_put_u16(nlh, ETRUNK_MEMBER_A_PRIORITY, 7);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static struct nlmsghdr *get_member_req(struct nl *nl, char *buf)
{
	return member_req(nl, buf, ETRUNK_CMD_GET_MEMBER);
}

static struct nlmsghdr *set_member_req(struct nl *nl, char *buf)
{
	return member_req(nl, buf, ETRUNK_CMD_SET_MEMBER);
}

static struct nlmsghdr *dump_flush_rx_req(struct nl *nl, char *buf)
{
	return req_new(nl, buf, ETRUNK_CMD_GET_FLUSH_RX, NLM_F_DUMP);
}

static struct nlmsghdr *set_flush_rx_req(struct nl *nl, char *buf)
{
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_SET_FLUSH_RX, 0);

	put_trunk(nlh, "b0", 0);
	mnl_attr_put_u8(nlh, ETRUNK_A_FLUSH_RX, 1);
	return nlh;
}

static struct nlmsghdr *group_cmd_req(struct nl *nl, char *buf, __u8 cmd)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest = group_req(nl, buf, cmd, 1, &nlh);

	if (cmd == ETRUNK_CMD_SET_GROUP_STATE)
		mnl_attr_put_u8(nlh, ETRUNK_GROUP_A_PEER_STATE, ETRUNK_PEER_UP);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static struct nlmsghdr *get_group_req(struct nl *nl, char *buf)
{
	return group_cmd_req(nl, buf, ETRUNK_CMD_GET_GROUP);
}

static struct nlmsghdr *set_group_state_req(struct nl *nl, char *buf)
{
	return group_cmd_req(nl, buf, ETRUNK_CMD_SET_GROUP_STATE);
}

static struct nlmsghdr *dump_groups_req(struct nl *nl, char *buf)
{
	return req_new(nl, buf, ETRUNK_CMD_GET_GROUP, NLM_F_DUMP);
}

static struct nlmsghdr *set_binding_req(struct nl *nl, char *buf)
{
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_SET_BINDING, 0);
	struct nlattr *nest;

	put_trunk(nlh, "et1", 0);
	nest = nest_start(nlh, ETRUNK_A_BINDING);
	mnl_attr_put_u8(nlh, ETRUNK_BIND_A_BASIS, ETRUNK_EGROUP_BASIS_PRIORITY);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static struct nlmsghdr *get_bfd_req(struct nl *nl, char *buf)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest = bfd_req(nl, buf, ETRUNK_CMD_GET_BFD, "s1", &nlh);

	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static struct nlmsghdr *set_bfd_state_req(struct nl *nl, char *buf)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest = bfd_req(nl, buf, ETRUNK_CMD_SET_BFD_STATE, "s1",
				      &nlh);

	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_STATE, ETRUNK_BFD_STATE_UP);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static struct nlmsghdr *get_rbs_req(struct nl *nl, char *buf)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest = rb_req(nl, buf, ETRUNK_CMD_GET_RBS, ETRUNK_A_RBS,
				     "s1", &nlh);

	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static struct nlmsghdr *set_rbp_state_req(struct nl *nl, char *buf)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest = rb_req(nl, buf, ETRUNK_CMD_SET_RBP_STATE,
				     ETRUNK_A_RBP, "p1", &nlh);

	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static struct nlmsghdr *dump_rbp_req(struct nl *nl, char *buf)
{
	return req_new(nl, buf, ETRUNK_CMD_GET_RBP, NLM_F_DUMP);
}

static const struct policy_case policy_cases[] = {
	{ "GET_TRUNK", get_trunk_req, ETRUNK_A_MODE, NULL },
	{ "GET_TRUNK dump", dump_trunks_req, ETRUNK_A_MIN_LINKS, NULL },
	{ "SET_TRUNK", set_trunk_req, ETRUNK_A_MEMBER, NULL },
	{ "SET_TRUNK", set_trunk_req, ETRUNK_A_GROUP, NULL },
	{ "GET_MEMBER", get_member_req, ETRUNK_A_IFNAME, NULL },
	{ "SET_MEMBER", set_member_req, ETRUNK_A_IFINDEX, NULL },
	{ "GET_FLUSH_RX dump", dump_flush_rx_req, ETRUNK_A_IFNAME,
	  "A dump takes no attributes" },
	{ "SET_FLUSH_RX", set_flush_rx_req, ETRUNK_A_MODE, NULL },
	{ "GET_GROUP", get_group_req, ETRUNK_A_IFINDEX, NULL },
	{ "GET_GROUP dump", dump_groups_req, ETRUNK_A_GROUP,
	  "A dump takes no attributes" },
	{ "SET_GROUP_STATE", set_group_state_req, ETRUNK_A_BFD, NULL },
	{ "SET_BINDING", set_binding_req, ETRUNK_A_GROUP, NULL },
	{ "GET_BFD", get_bfd_req, ETRUNK_A_RBS, NULL },
	{ "SET_BFD_STATE", set_bfd_state_req, ETRUNK_A_IFINDEX, NULL },
	{ "GET_RBS", get_rbs_req, ETRUNK_A_RBP, NULL },
	{ "SET_RBP_STATE", set_rbp_state_req, ETRUNK_A_MODE, NULL },
	{ "GET_RBP dump", dump_rbp_req, ETRUNK_A_RBP,
	  "A dump takes no attributes" },
};

/* @type as the attribute it is elsewhere: a nest, a string or a u8/u32. */
static void put_foreign(struct nlmsghdr *nlh, __u16 type)
{
	struct nlattr *nest;

	switch (type) {
	case ETRUNK_A_MEMBER:
	case ETRUNK_A_GROUP:
	case ETRUNK_A_BFD:
	case ETRUNK_A_RBS:
	case ETRUNK_A_RBP:
		nest = nest_start(nlh, type);
		if (type == ETRUNK_A_MEMBER)
			mnl_attr_put_strz(nlh, ETRUNK_MEMBER_A_IFNAME, "a0");
		else if (type == ETRUNK_A_GROUP)
			mnl_attr_put_u32(nlh, ETRUNK_GROUP_A_ID, 1);
		else
			mnl_attr_put_strz(nlh, ETRUNK_BFD_A_NAME, "s1");
		mnl_attr_nest_end(nlh, nest);
		break;
	case ETRUNK_A_IFNAME:
		mnl_attr_put_strz(nlh, type, "et0");
		break;
	case ETRUNK_A_IFINDEX:
	case ETRUNK_A_MIN_LINKS:
		mnl_attr_put_u32(nlh, type, ifindex_of("et0"));
		break;
	default:
		mnl_attr_put_u8(nlh, type, 1);
		break;
	}
}

/* et0 (member a0, peer b0 on bridge br0), et1 bound to group 1, BFD
 * session s1, RB service s1 and profile p1 on et0.
 */
static int policy_setup(struct nl *nl)
{
	struct reply r;
	int err;

	err = make_trunk("et0", "a", "b", 1) ||
	      run("ip link add br0 type bridge") ||
	      run("ip link set b0 master br0") ||
	      make_mode_trunk(nl, "et1", ETRUNK_MODE_LACP) ||
	      new_group(nl, 1) || new_bfd(nl, "s1", false);
	if (err)
		return -1;
	err = bind_req(nl, ETRUNK_CMD_BIND_TRUNK, "et1", 1, 0, 0, 0, 0, &r);
	reply_free(&r);
	if (err)
		return err;
	err = new_rbs(nl, "s1", 2, 0, &r);
	reply_free(&r);
	if (err)
		return err;
	err = new_rbp(nl, "p1", "s1", 1, "et0", &r);
	reply_free(&r);
	return err;
}

/*
 * Each command refuses an attribute it does not take, pointing at it;
 * the same request without it succeeds.
 */
TEST_F(etrunk, foreign_attribute)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct reply r;
	unsigned int i;
	__u32 offs;

	ASSERT_EQ(0, policy_setup(self->nl));
	for (i = 0; i < sizeof(policy_cases) / sizeof(policy_cases[0]); i++) {
		const struct policy_case *c = &policy_cases[i];

		nlh = c->build(self->nl, buf);
		offs = next_offs(nlh);
		put_foreign(nlh, c->foreign);
		nl_talk(self->nl, nlh, &r);
		/* A dump's error comes with its NLMSG_DONE: a message, no
		 * offset (it is not the request's ACK).
		 */
		EXPECT_NLERR(&r, -EINVAL, c->msg ? -1 : (int)offs);
		if (c->msg)
			EXPECT_STREQ(c->msg, r.msg);
		if (r.err != -EINVAL)
			TH_LOG("%s with attribute %u: %d \"%s\"", c->what,
			       c->foreign, r.err, r.msg);
		reply_free(&r);

		nlh = c->build(self->nl, buf);
		EXPECT_EQ(0, nl_talk(self->nl, nlh, &r))
			TH_LOG("%s: \"%s\"", c->what, r.msg);
		reply_free(&r);
	}
}

/* Refused means not applied: SET_TRUNK changes nothing. */
TEST_F(etrunk, foreign_attribute_applies_nothing)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct trunk t;
	struct reply r;

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 1));
	nlh = set_trunk_req(self->nl, buf);
	put_foreign(nlh, ETRUNK_A_RBS);
	EXPECT_EQ(-EINVAL, nl_talk(self->nl, nlh, &r));
	reply_free(&r);
	ASSERT_EQ(0, get_trunk(self->nl, "et0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(0U, t.min_links);
}

/* Inside the member nest: GET_MEMBER takes the member's name or index. */
TEST_F(etrunk, foreign_member_attribute)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct trunk t;
	struct reply r;
	__u32 offs;

	ASSERT_EQ(0, make_trunk("et0", "a", "b", 1));
	nlh = req_new(self->nl, buf, ETRUNK_CMD_GET_MEMBER, 0);
	nest = nest_start(nlh, ETRUNK_A_MEMBER);
	mnl_attr_put_strz(nlh, ETRUNK_MEMBER_A_IFNAME, "a0");
	offs = next_offs(nlh);
	mnl_attr_put_u16(nlh, ETRUNK_MEMBER_A_PRIORITY, 7);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	reply_free(&r);

	ASSERT_EQ(0, get_member(self->nl, "a0", 0, &t, &r));
	reply_free(&r);
	EXPECT_EQ(ETRUNK_DEFAULT_PRIORITY, t.member.priority);
}

/* UNBIND_TRUNK takes the trunk only, with a message of its own. */
TEST_F(etrunk, unbind_takes_trunk_only)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct reply r;
	__u32 offs;

	ASSERT_EQ(0, make_mode_trunk(self->nl, "et0", ETRUNK_MODE_LACP));
	ASSERT_EQ(0, new_group(self->nl, 1));
	ASSERT_EQ(0, bind_req(self->nl, ETRUNK_CMD_BIND_TRUNK, "et0", 1, 0, 0,
			      0, 0, &r));
	reply_free(&r);
	nlh = req_new(self->nl, buf, ETRUNK_CMD_UNBIND_TRUNK, 0);
	put_trunk(nlh, "et0", 0);
	offs = next_offs(nlh);
	nest = nest_start(nlh, ETRUNK_A_BINDING);
	mnl_attr_put_u32(nlh, ETRUNK_BIND_A_GROUP, 1);
	mnl_attr_nest_end(nlh, nest);
	nl_talk(self->nl, nlh, &r);
	EXPECT_NLERR(&r, -EINVAL, (int)offs);
	EXPECT_STREQ("Unbinding takes only the trunk", r.msg);
	reply_free(&r);
	EXPECT_EQ(0, unbind(self->nl, "et0", &r));
	reply_free(&r);
}
