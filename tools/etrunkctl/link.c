// SPDX-License-Identifier: GPL-2.0
/*
 * link.c - etrunkctl: the trunk and member devices themselves, through
 * rtnetlink as ip link does, so that a configuration file (save, apply)
 * can make them before the network is configured on top:
 *
 *   add TRUNK [mode MODE]          a trunk, or the mode of the one there
 *   del TRUNK                      delete a trunk (only a trunk)
 *   member add DEV trunk TRUNK     DEV a member of TRUNK (no change if it is)
 *   member del DEV                 release a member
 *
 * "add" sends RTM_NEWLINK with NLM_F_CREATE and without NLM_F_EXCL: the
 * kernel creates the trunk, or changes the existing one's mode (refused
 * while it has members), or refuses a device of another kind. "member
 * add" sets IFLA_MASTER as ip link set DEV master TRUNK does.
 */
#include <net/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "etrunkctl.h"

static void route_start(struct nl *nl)
{
	int err = nl_open_route(nl);

	if (err)
		nl_fail(nl, err);
}

static void link_talk(struct nl *nl, struct nlmsghdr *nlh)
{
	int err = nl_talk(nl, nlh, NULL, NULL);

	if (err)
		nl_fail(nl, err);
	nl_close(nl);
}

/* Refuse @name unless it is a trunk (the kernel's message). */
static void must_be_trunk(const char *name)
{
	struct trunk_list l = { 0 };
	char *argv[] = { (char *)name };

	fetch_list(ETRUNK_CMD_GET_TRUNK, 1, argv, &l);
	trunk_list_free(&l);
}

/* add TRUNK [mode MODE] */
int cmd_add(int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nlattr *info;
	int mode = -1, i;
	struct nl nl;

	if (argc < 1)
		usage_error("add needs a trunk name");
	if (strlen(argv[0]) >= IFNAMSIZ)
		usage_error("add: '%s' is longer than %d bytes", argv[0],
			    IFNAMSIZ - 1);
	for (i = 1; i < argc; i += 2) {
		if (!strcmp(argv[i], "mode"))
			mode = parse_enum("mode", value_of(argc, argv, i),
					  NAMES(etrunk_mode_names));
		else
			usage_error("add: unknown option '%s' (the others go with set)",
				    argv[i]);
	}
	route_start(&nl);
	nlh = nl_link_request(&nl, RTM_NEWLINK, NLM_F_CREATE);
	mnl_attr_put_strz(nlh, IFLA_IFNAME, argv[0]);
	info = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
	mnl_attr_put_strz(nlh, IFLA_INFO_KIND, "etrunk");
	if (mode >= 0) {
		struct nlattr *data = mnl_attr_nest_start(nlh, IFLA_INFO_DATA);

		mnl_attr_put_u8(nlh, IFLA_ETRUNK_MODE, (uint8_t)mode);
		mnl_attr_nest_end(nlh, data);
	}
	mnl_attr_nest_end(nlh, info);
	link_talk(&nl, nlh);
	return 0;
}

/* del TRUNK */
int cmd_del(int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nl nl;

	if (argc != 1)
		usage_error("del needs one trunk");
	must_be_trunk(argv[0]);
	route_start(&nl);
	nlh = nl_link_request(&nl, RTM_DELLINK, 0);
	mnl_attr_put_strz(nlh, IFLA_IFNAME, argv[0]);
	link_talk(&nl, nlh);
	return 0;
}

/* IFLA_MASTER of @dev: the ifindex of @trunk, 0 to release it. */
static void set_master(const char *dev, uint32_t trunk)
{
	struct nlmsghdr *nlh;
	struct nl nl;

	route_start(&nl);
	nlh = nl_link_request(&nl, RTM_NEWLINK, 0);
	mnl_attr_put_strz(nlh, IFLA_IFNAME, dev);
	mnl_attr_put_u32(nlh, IFLA_MASTER, trunk);
	link_talk(&nl, nlh);
}

/* member add DEV trunk TRUNK */
int cmd_member_add(int argc, char **argv)
{
	uint32_t trunk = 0;

	if (argc != 3 || strcmp(argv[1], "trunk"))
		usage_error("member add needs DEV trunk TRUNK");
	if (!if_nametoindex(argv[0]))
		usage_error("member add: no device '%s'", argv[0]);
	/* apply --check: the trunk may be one the file makes. */
	if (!nl_dry_run) {
		trunk = if_nametoindex(argv[2]);
		if (!trunk)
			usage_error("member add: no trunk '%s'", argv[2]);
		must_be_trunk(argv[2]);
	}
	set_master(argv[0], trunk);
	return 0;
}

/* Refuse @name unless it is a trunk member (the kernel's message). */
static void must_be_member(const char *name)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int err;

	nl_start(&nl);
	nlh = nl_request(&nl, ETRUNK_CMD_GET_MEMBER, NLM_F_ACK);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_MEMBER);
	put_name(nlh, ETRUNK_MEMBER_A_IFNAME, name);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
}

/* member del DEV */
int cmd_member_del(int argc, char **argv)
{
	if (argc != 1)
		usage_error("member del needs one member device");
	/* Only a member: not a port of a bridge or a bond. */
	must_be_member(argv[0]);
	set_master(argv[0], 0);
	return 0;
}
