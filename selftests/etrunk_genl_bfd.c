// SPDX-License-Identifier: GPL-2.0
/*
 * etrunk_genl_bfd - BFD sessions over generic netlink: create, get, dump,
 * set, delete, every refusal with its message, the daemon's state with
 * micro-BFD links, the key, a group bound to a session, sessions deleted
 * with their device, namespaces.
 *
 * Every test runs in a child of its own (the kselftest harness forks) and
 * in a network namespace of its own (the fixture's set-up unshares one),
 * so tests see nothing of each other. Trunks and veths are made with ip(8)
 * through system(). Without the family (module not loaded) everything is
 * skipped. The helpers are in genl_util.c and genl_*.c.
 */

#include "genl_test.h"

/* The BFD commands and their permissions; GET_BFD dumps. */
TEST_F(etrunk, bfd_family)
{
	EXPECT_OBJECT_COMMANDS(self->nl, ETRUNK_CMD_NEW_BFD,
			       ETRUNK_CMD_GET_BFD_KEY,
			       cmd == ETRUNK_CMD_GET_BFD);
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
	/* Random, not counted up: a spoofer cannot guess the next one. */
	EXPECT_GE((__u32)ETRUNK_BFD_DYNAMIC_DISCR_MAX, s[1].local_discr);
	EXPECT_GE((__u32)ETRUNK_BFD_DYNAMIC_DISCR_MAX, s[2].local_discr);
	EXPECT_NE(s[0].local_discr + 1, s[1].local_discr);
	EXPECT_NE(s[1].local_discr + 1, s[2].local_discr);

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
	EXPECT_EQ(-EPERM, get_bfd(un, "k", &s[0], &r));
	reply_free(&r);
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
 * The daemon's state write and GET_BFD take the store's own lock, not
 * RTNL: both complete while one task holds RTNL for a long stretch (a
 * dummy with VLANs deleted in one request) and another still waits
 * for it, and the state and counters written are read back meanwhile.
 */
struct bfd_state_write {
	struct nl *nl;
	int err, got;
	struct bfd s;
};

/* SET_BFD_STATE of s1, then GET_BFD. */
static void bfd_state_write(void *arg)
{
	struct bfd_state_write *w = arg;
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct reply r;

	nest = bfd_req(w->nl, buf, ETRUNK_CMD_SET_BFD_STATE, "s1", &nlh);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_STATE, ETRUNK_BFD_STATE_UP);
	mnl_attr_put_u64(nlh, ETRUNK_BFD_A_PKTS_TX, 11);
	mnl_attr_put_u64(nlh, ETRUNK_BFD_A_UPS, 1);
	mnl_attr_nest_end(nlh, nest);
	w->err = nl_talk(w->nl, nlh, &r);
	reply_free(&r);
	w->got = get_bfd(w->nl, "s1", &w->s, &r);
	reply_free(&r);
}

TEST_F_TIMEOUT(etrunk, bfd_state_without_rtnl, 300)
{
	struct bfd_state_write w = { .nl = self->nl };
	struct rtnl_held res;

	ASSERT_EQ(0, new_bfd(self->nl, "s1", false));
	if (rtnl_held_run(bfd_state_write, &w, &res))
		SKIP(return, "RTNL was not held long enough to see a task wait for it");
	fprintf(stderr, "# SET_BFD_STATE and GET_BFD: %lld ms; RTNL free %lld ms later\n",
		res.ms, res.free_ms);

	ASSERT_EQ(0, w.err);
	ASSERT_EQ(0, w.got);
	EXPECT_EQ(ETRUNK_BFD_STATE_UP, w.s.state);
	EXPECT_EQ(11U, w.s.counters[ETRUNK_BFD_A_PKTS_TX]);
	EXPECT_EQ(1U, w.s.counters[ETRUNK_BFD_A_UPS]);
	EXPECT_TRUE(res.waiting)
		TH_LOG("the task waiting for RTNL got it first: the write waited for RTNL");
	EXPECT_EQ(0, res.ended);
}
