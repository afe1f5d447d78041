// SPDX-License-Identifier: GPL-2.0
/*
 * member.c - etrunkctl: members: their attributes, "member show" and
 * "member set".
 */
#include "etrunkctl.h"

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
	[ETRUNK_MEMBER_A_LACP_PORT_PRIO] = MNL_TYPE_U16,
	[ETRUNK_MEMBER_A_LACP_ACTIVE] = MNL_TYPE_U8,
	[ETRUNK_MEMBER_A_LACP] = MNL_TYPE_NESTED,
};

void parse_member(const struct nlattr *nest, struct member *m)
{
	const struct nlattr *a;

	memset(m, 0, sizeof(*m));
	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = attr_known(a, member_attr_types,
					       ETRUNK_MEMBER_A_MAX);

		if (!type)
			continue;
		m->has |= 1u << type;
		switch (type) {
		case ETRUNK_MEMBER_A_IFINDEX:
			m->ifindex = mnl_attr_get_u32(a);
			break;
		case ETRUNK_MEMBER_A_IFNAME:
			copy_name(m->ifname, a);
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
		case ETRUNK_MEMBER_A_LACP_PORT_PRIO:
			m->lacp_port_prio = mnl_attr_get_u16(a);
			break;
		case ETRUNK_MEMBER_A_LACP_ACTIVE:
			m->lacp_active = mnl_attr_get_u8(a);
			break;
		case ETRUNK_MEMBER_A_LACP:
			parse_lacp_member(a, &m->lacp);
			break;
		}
	}
}

static const char *const member_head[] = {
	"member", "state", "reason", "priority", "master", "admin", "speed",
	"link-failures",
};

/* member show: the same with the trunk in the second column */
static const char *const member_show_head[] = {
	"member", "trunk", "state", "reason", "priority", "master", "admin",
	"speed", "link-failures",
};

/* The member columns of a table row from column @col on ("?": absent). */
void member_row(struct table *tb, unsigned int row, unsigned int col,
		const struct member *m)
{
	char buf[24], num[12];

#define CELL(attr, ...) do {						\
		if (HAS(m, attr))					\
			snprintf(buf, sizeof(buf), __VA_ARGS__);	\
		else							\
			snprintf(buf, sizeof(buf), "?");		\
		table_set(tb, row, col++, buf);				\
	} while (0)

	CELL(ETRUNK_MEMBER_A_STATE, "%s",
	     enum_str(NAMES(etrunk_state_names), m->state, num, sizeof(num)));
	if (HAS(m, ETRUNK_MEMBER_A_REASON) && m->reason == ETRUNK_REASON_NONE)
		table_set(tb, row, col++, "-");
	else
		CELL(ETRUNK_MEMBER_A_REASON, "%s",
		     enum_str(NAMES(etrunk_reason_names), m->reason, num, sizeof(num)));
	CELL(ETRUNK_MEMBER_A_PRIORITY, "%u", m->priority);
	CELL(ETRUNK_MEMBER_A_MASTER, "%s", m->master ? "yes" : "no");
	CELL(ETRUNK_MEMBER_A_ADMIN_UP, "%s", m->admin_up ? "up" : "down");
	if (HAS(m, ETRUNK_MEMBER_A_SPEED))
		snprintf(buf, sizeof(buf), "%uMb/s", m->speed);
	else
		snprintf(buf, sizeof(buf), "-");
	table_set(tb, row, col++, buf);
	CELL(ETRUNK_MEMBER_A_LINK_FAILURES, "%u", m->link_failures);
#undef CELL
}

const char *member_name(const struct member *m, char *buf, size_t len)
{
	if (HAS(m, ETRUNK_MEMBER_A_IFNAME))
		return m->ifname;
	snprintf(buf, len, "if%u", m->ifindex);
	return buf;
}

/* A member object; with @trunk, also the trunk it belongs to. */
void json_member(const char *key, const struct member *m,
		 const struct trunk *trunk)
{
	json_open_object(key);
	if (HAS(m, ETRUNK_MEMBER_A_IFNAME))
		json_string("ifname", m->ifname);
	if (HAS(m, ETRUNK_MEMBER_A_IFINDEX))
		json_uint("ifindex", m->ifindex);
	if (trunk && HAS(trunk, ETRUNK_A_IFNAME))
		json_string("trunk", trunk->ifname);
	if (trunk && HAS(trunk, ETRUNK_A_IFINDEX))
		json_uint("trunk_ifindex", trunk->ifindex);
	if (HAS(m, ETRUNK_MEMBER_A_STATE))
		json_enum("state", NAMES(etrunk_state_names), m->state);
	if (HAS(m, ETRUNK_MEMBER_A_REASON))
		json_enum("reason", NAMES(etrunk_reason_names), m->reason);
	if (HAS(m, ETRUNK_MEMBER_A_PRIORITY))
		json_uint("priority", m->priority);
	if (HAS(m, ETRUNK_MEMBER_A_MASTER))
		json_bool("master", m->master);
	if (HAS(m, ETRUNK_MEMBER_A_ADMIN_UP))
		json_bool("admin_up", m->admin_up);
	if (HAS(m, ETRUNK_MEMBER_A_LINK_FAILURES))
		json_uint("link_failures", m->link_failures);
	if (HAS(m, ETRUNK_MEMBER_A_SPEED))
		json_uint("speed", m->speed);
	if (HAS(m, ETRUNK_MEMBER_A_LACP_PORT_PRIO))
		json_uint("lacp_port_priority", m->lacp_port_prio);
	if (HAS(m, ETRUNK_MEMBER_A_LACP_ACTIVE))
		json_bool("lacp_active", m->lacp_active);
	if (HAS(m, ETRUNK_MEMBER_A_LACP))
		json_lacp_member(&m->lacp);
	json_close_object();
}

static int cmd_member_show(int argc, char **argv)
{
	struct trunk_list l = { 0 };
	const struct trunk *t;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int err;

	if (argc != 1)
		usage_error("member show needs one member device");
	nl_start(&nl);
	l.family = nl.family;
	nlh = nl_request(&nl, ETRUNK_CMD_GET_MEMBER, NLM_F_ACK);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_MEMBER);
	put_name(nlh, ETRUNK_MEMBER_A_IFNAME, argv[0]);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, trunk_list_cb, &l);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	if (!l.n) {
		fputs("etrunkctl: the kernel sent no reply\n", stderr);
		return EXIT_FAIL;
	}

	t = &l.v[0];
	if (json) {
		json_init(stdout, pretty);
		json_open_array(NULL);
		json_member(NULL, &t->member, t);
		json_close_array();
	} else {
		struct table tb;
		char buf[24];

		table_init(&tb, 1, member_show_head,
			   ARRAY_SIZE(member_show_head));
		table_set(&tb, 0, 0, member_name(&t->member, buf, sizeof(buf)));
		table_set(&tb, 0, 1, t->ifname);
		member_row(&tb, 0, 2, &t->member);
		table_print(&tb, "");
	}
	trunk_list_free(&l);
	return 0;
}

static int cmd_member_set(int argc, char **argv)
{
	struct set_args a = { 0 };
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int i, err;

	if (argc < 1)
		usage_error("member set needs a member device");
	if (argc < 2)
		usage_error("member set %s: nothing to set", argv[0]);
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);

		if (matches(key, "priority", "prio")) {
			once(&a, ETRUNK_MEMBER_A_PRIORITY, key);
			a.u16[ETRUNK_MEMBER_A_PRIORITY] =
				(uint16_t)parse_uint(key, val, UINT16_MAX);
		} else if (matches(key, "master", NULL)) {
			once(&a, ETRUNK_MEMBER_A_MASTER, key);
			a.u8[ETRUNK_MEMBER_A_MASTER] =
				parse_bool(key, val, "on", "off");
		} else if (matches(key, "admin", NULL)) {
			once(&a, ETRUNK_MEMBER_A_ADMIN_UP, key);
			a.u8[ETRUNK_MEMBER_A_ADMIN_UP] =
				parse_bool(key, val, "up", "down");
		} else if (ctl_opt(key, ETRUNK_OPT_LACP_PORT_PRIORITY)) {
			once(&a, ETRUNK_MEMBER_A_LACP_PORT_PRIO, key);
			a.u16[ETRUNK_MEMBER_A_LACP_PORT_PRIO] =
				(uint16_t)parse_range(key, val, 1, UINT16_MAX, "");
		} else if (ctl_opt(key, ETRUNK_OPT_LACP_ACTIVE)) {
			once(&a, ETRUNK_MEMBER_A_LACP_ACTIVE, key);
			a.u8[ETRUNK_MEMBER_A_LACP_ACTIVE] =
				parse_bool(key, val, "on", "off");
		} else {
			usage_error("member set: unknown option '%s'", key);
		}
	}
	nl_start(&nl);
	nlh = nl_request(&nl, ETRUNK_CMD_SET_MEMBER, NLM_F_ACK);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_MEMBER);
	put_name(nlh, ETRUNK_MEMBER_A_IFNAME, argv[0]);
	put_set_args(nlh, &a, member_attr_types, ETRUNK_MEMBER_A_MAX);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

/* The member table of "show": one row a member, indented by two spaces. */
void print_members_plain(const struct trunk *t)
{
	struct table tb;
	unsigned int i;
	char buf[24];

	table_init(&tb, t->n_members, member_head, ARRAY_SIZE(member_head));
	for (i = 0; i < t->n_members; i++) {
		table_set(&tb, i, 0, member_name(&t->members[i], buf,
						 sizeof(buf)));
		member_row(&tb, i, 1, &t->members[i]);
	}
	table_print(&tb, "  ");
}

/* member show|set ... */
int cmd_member(int argc, char **argv)
{
	if (argc < 1)
		usage_error("member needs 'show', 'set', 'add' or 'del'");
	if (!strcmp(argv[0], "show"))
		return cmd_member_show(argc - 1, argv + 1);
	if (!strcmp(argv[0], "set"))
		return cmd_member_set(argc - 1, argv + 1);
	if (!strcmp(argv[0], "add"))
		return cmd_member_add(argc - 1, argv + 1);
	if (!strcmp(argv[0], "del"))
		return cmd_member_del(argc - 1, argv + 1);
	usage_error("unknown member command '%s'", argv[0]);
}
