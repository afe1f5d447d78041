// SPDX-License-Identifier: GPL-2.0
/*
 * link_etrunk.c - iproute2 plugin for the "etrunk" link kind.
 *
 * Built as link_etrunk.so and loaded by ip(8) from $IP_LIB_DIR. ip looks
 * up "<kind>_link_util" in "$IP_LIB_DIR/link_<kind>.so", so this object
 * exports two symbols:
 *
 *   etrunk_link_util        kind "etrunk": the trunk (IFLA_INFO_DATA)
 *   etrunk_slave_link_util  kind "etrunk_slave": a member
 *                           (IFLA_INFO_SLAVE_DATA), found through the
 *                           link_etrunk_slave.so symlink to this file
 *
 * iproute2 ships no development package, so the few types and helpers
 * used here are declared below. They must match the ABI of the ip binary
 * that loads the plugin (iproute2 6.1, as in Debian bookworm): the helper
 * functions are the ones ip exports dynamically (nm -D $(which ip)).
 */

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <linux/types.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include <linux/etrunk.h>

#include "../etrunk_names.h"

/* ---- iproute2 6.1 ABI: ip/ip_common.h and the include/ headers ------ */

struct link_util {
	struct link_util *next;
	const char *id;
	int maxattr;
	int (*parse_opt)(struct link_util *lu, int argc, char **argv,
			 struct nlmsghdr *n);
	void (*print_opt)(struct link_util *lu, FILE *f, struct rtattr *tb[]);
	void (*print_xstats)(struct link_util *lu, FILE *f,
			     struct rtattr *xstats);
	void (*print_help)(struct link_util *lu, int argc, char **argv,
			   FILE *f);
	int (*parse_ifla_xstats)(struct link_util *lu, int argc, char **argv);
	int (*print_ifla_xstats)(struct nlmsghdr *n, void *arg);
};

/* include/json_print.h */
enum output_type {
	PRINT_FP = 1,
	PRINT_JSON = 2,
	PRINT_ANY = 4,
};

/* include/color.h */
enum color_attr {
	COLOR_IFNAME,
	COLOR_MAC,
	COLOR_INET,
	COLOR_INET6,
	COLOR_OPERSTATE_UP,
	COLOR_OPERSTATE_DOWN,
	COLOR_NONE
};

/*
 * print_string() and print_uint() are static inline wrappers in
 * json_print.h; the exported functions are the print_color_*() ones.
 */
int print_color_string(enum output_type t, enum color_attr color,
		       const char *key, const char *fmt, const char *value);
int print_color_uint(enum output_type t, enum color_attr color,
		     const char *key, const char *fmt, unsigned int value);

/* include/utils.h, include/libnetlink.h */
void invarg(const char *msg, const char *arg) __attribute__((noreturn));
void incomplete_command(void) __attribute__((noreturn));
int get_u16(__u16 *val, const char *arg, int base);
int get_u32(__u32 *val, const char *arg, int base);
int addattr8(struct nlmsghdr *n, int maxlen, int type, __u8 data);
int addattr16(struct nlmsghdr *n, int maxlen, int type, __u16 data);
int addattr32(struct nlmsghdr *n, int maxlen, int type, __u32 data);

/*
 * Room in the request ip hands to parse_opt: struct iplink_req has a
 * 1024-byte buffer after the headers; every in-tree plugin passes 1024.
 */
#define ETRUNK_REQ_MAXLEN	1024

#define NEXT_ARG() do {				\
	argv++;					\
	if (--argc <= 0)			\
		incomplete_command();		\
} while (0)

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define STR_(x)		#x
#define STR(x)		STR_(x)
#define PLUGIN_EXPORT	__attribute__((visibility("default")))
#define UNUSED		__attribute__((unused))

/* ---- shared helpers -------------------------------------------------- */

static bool is_opt(const char *arg, const char *name, const char *alias)
{
	return strcmp(arg, name) == 0 || (alias && strcmp(arg, alias) == 0);
}

static int name_to_index(const char * const *tbl, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tbl[i] && strcmp(tbl[i], name) == 0)
			return (int)i;
	return -1;
}

/* The kernel sends well-formed attributes; still, never read past one. */
static bool attr_u8(const struct rtattr *rta, __u8 *val)
{
	if (!rta || RTA_PAYLOAD(rta) < sizeof(__u8))
		return false;
	memcpy(val, RTA_DATA(rta), sizeof(*val));
	return true;
}

static bool attr_u16(const struct rtattr *rta, __u16 *val)
{
	if (!rta || RTA_PAYLOAD(rta) < sizeof(__u16))
		return false;
	memcpy(val, RTA_DATA(rta), sizeof(*val));
	return true;
}

static bool attr_u32(const struct rtattr *rta, __u32 *val)
{
	if (!rta || RTA_PAYLOAD(rta) < sizeof(__u32))
		return false;
	memcpy(val, RTA_DATA(rta), sizeof(*val));
	return true;
}

/*
 * Print an enum attribute under @key by name (@fmt_name); a value this
 * plugin does not know (a newer kernel) is printed as a number
 * (@fmt_num) under the same key.
 */
static void print_enum(const struct rtattr *rta, const char *key,
		       const char *fmt_name, const char *fmt_num,
		       const char * const *tbl, size_t n)
{
	__u8 val;

	if (!attr_u8(rta, &val))
		return;

	if (val < n && tbl[val])
		print_color_string(PRINT_ANY, COLOR_NONE, key, fmt_name,
				   tbl[val]);
	else
		print_color_uint(PRINT_ANY, COLOR_NONE, key, fmt_num, val);
}

static void print_u32(const struct rtattr *rta, const char *key,
		      const char *fmt)
{
	__u32 val;

	if (!attr_u32(rta, &val))
		return;

	print_color_uint(PRINT_ANY, COLOR_NONE, key, fmt, val);
}

static void print_u16(const struct rtattr *rta, const char *key,
		      const char *fmt)
{
	__u16 val;

	if (!attr_u16(rta, &val))
		return;

	print_color_uint(PRINT_ANY, COLOR_NONE, key, fmt, val);
}

/* ---- etrunk (the trunk) ---------------------------------------------- */

static void etrunk_print_explain(FILE *f)
{
	fprintf(f,
		"Usage: ... etrunk [ mode MODE ] [ hash_policy POLICY ]\n"
		"                  [ min_links MIN_LINKS ] [ max_links MAX_LINKS ]\n"
		"\n"
		"MODE := loadbalance\n"
		"POLICY := { layer2 | layer2+3 | layer3+4 | encap2+3 | encap3+4 }\n"
		"MIN_LINKS := 0-" STR(ETRUNK_MAX_MEMBERS) "\n"
		"MAX_LINKS := 0-" STR(ETRUNK_MAX_MEMBERS) " (0: no limit)\n"
		"\n"
		"hash and xmit_hash_policy are other names for hash_policy;\n"
		"min-links and max-links for min_links and max_links.\n");
}

static int etrunk_parse_opt(struct link_util *lu UNUSED, int argc,
			    char **argv, struct nlmsghdr *n)
{
	__u32 links;
	int idx;

	while (argc > 0) {
		if (strcmp(*argv, "mode") == 0) {
			NEXT_ARG();
			idx = name_to_index(etrunk_mode_names,
					    ARRAY_SIZE(etrunk_mode_names), *argv);
			if (idx < 0)
				invarg("invalid mode, expected loadbalance",
				       *argv);
			addattr8(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_MODE,
				 (__u8)idx);
		} else if (is_opt(*argv, "hash_policy", "hash") ||
			   strcmp(*argv, "xmit_hash_policy") == 0) {
			NEXT_ARG();
			idx = name_to_index(etrunk_hash_names,
					    ARRAY_SIZE(etrunk_hash_names), *argv);
			if (idx < 0)
				invarg("invalid hash_policy, expected layer2, layer2+3, layer3+4, encap2+3 or encap3+4",
				       *argv);
			addattr8(n, ETRUNK_REQ_MAXLEN,
				 IFLA_ETRUNK_HASH_POLICY, (__u8)idx);
		} else if (is_opt(*argv, "min_links", "min-links")) {
			NEXT_ARG();
			/* The range is the kernel's to check (extack). */
			if (get_u32(&links, *argv, 0))
				invarg("invalid min_links", *argv);
			addattr32(n, ETRUNK_REQ_MAXLEN,
				  IFLA_ETRUNK_MIN_LINKS, links);
		} else if (is_opt(*argv, "max_links", "max-links")) {
			NEXT_ARG();
			if (get_u32(&links, *argv, 0))
				invarg("invalid max_links", *argv);
			addattr32(n, ETRUNK_REQ_MAXLEN,
				  IFLA_ETRUNK_MAX_LINKS, links);
		} else {
			if (strcmp(*argv, "help") != 0)
				fprintf(stderr,
					"etrunk: unknown option \"%s\"?\n",
					*argv);
			etrunk_print_explain(stderr);
			return -1;
		}
		argc--;
		argv++;
	}

	return 0;
}

static void etrunk_print_opt(struct link_util *lu UNUSED, FILE *f UNUSED,
			     struct rtattr *tb[])
{
	/* ip passes NULL when the kernel sent no IFLA_INFO_DATA. */
	if (!tb)
		return;

	print_enum(tb[IFLA_ETRUNK_MODE], "mode", "mode %s ", "mode %u ",
		   etrunk_mode_names, ARRAY_SIZE(etrunk_mode_names));
	print_enum(tb[IFLA_ETRUNK_HASH_POLICY], "hash_policy",
		   "hash_policy %s ", "hash_policy %u ",
		   etrunk_hash_names, ARRAY_SIZE(etrunk_hash_names));
	print_u32(tb[IFLA_ETRUNK_MIN_LINKS], "min_links", "min_links %u ");
	print_u32(tb[IFLA_ETRUNK_MAX_LINKS], "max_links", "max_links %u ");
	print_u32(tb[IFLA_ETRUNK_MEMBERS], "members", "members %u ");
	print_u32(tb[IFLA_ETRUNK_ACTIVE_MEMBERS], "active_members",
		  "active_members %u ");
}

static void etrunk_print_help(struct link_util *lu UNUSED, int argc UNUSED,
			      char **argv UNUSED, FILE *f)
{
	etrunk_print_explain(f);
}

PLUGIN_EXPORT struct link_util etrunk_link_util = {
	.id		= "etrunk",
	.maxattr	= IFLA_ETRUNK_MAX,
	.parse_opt	= etrunk_parse_opt,
	.print_opt	= etrunk_print_opt,
	.print_help	= etrunk_print_help,
};

/* ---- etrunk_slave (a member) ----------------------------------------- */

static void etrunk_slave_print_explain(FILE *f)
{
	fprintf(f,
		"Usage: ... etrunk_slave [ priority PRIORITY ]\n"
		"\n"
		"PRIORITY := 0-65535, lower is preferred (default "
		STR(ETRUNK_DEFAULT_PRIORITY) ")\n"
		"\n"
		"Set on a member: ip link set DEVICE type etrunk_slave priority N\n"
		"Its state, reason, priority and link_failures are shown by\n"
		"\"ip -d link show DEVICE\".\n");
}

static int etrunk_slave_parse_opt(struct link_util *lu UNUSED, int argc,
				  char **argv, struct nlmsghdr *n)
{
	__u16 prio;

	while (argc > 0) {
		if (strcmp(*argv, "priority") == 0) {
			NEXT_ARG();
			if (get_u16(&prio, *argv, 0))
				invarg("invalid priority, expected 0-65535",
				       *argv);
			addattr16(n, ETRUNK_REQ_MAXLEN,
				  IFLA_ETRUNK_MEMBER_PRIORITY, prio);
		} else {
			if (strcmp(*argv, "help") != 0)
				fprintf(stderr,
					"etrunk_slave: unknown option \"%s\"?\n",
					*argv);
			etrunk_slave_print_explain(stderr);
			return -1;
		}
		argc--;
		argv++;
	}
	return 0;
}

/* "reason -" in text, "reason": "none" in JSON, when the member is active. */
static void print_reason(const struct rtattr *rta)
{
	__u8 val;

	if (!attr_u8(rta, &val))
		return;

	if (val == ETRUNK_REASON_NONE) {
		print_color_string(PRINT_FP, COLOR_NONE, NULL, "reason %s ",
				   "-");
		print_color_string(PRINT_JSON, COLOR_NONE, "reason", NULL,
				   etrunk_reason_names[val]);
		return;
	}
	print_enum(rta, "reason", "reason %s ", "reason %u ",
		   etrunk_reason_names, ARRAY_SIZE(etrunk_reason_names));
}

static void etrunk_slave_print_opt(struct link_util *lu UNUSED,
				   FILE *f UNUSED, struct rtattr *tb[])
{
	if (!tb)
		return;

	print_enum(tb[IFLA_ETRUNK_MEMBER_STATE], "state",
		   "state %s ", "state %u ",
		   etrunk_state_names, ARRAY_SIZE(etrunk_state_names));
	print_reason(tb[IFLA_ETRUNK_MEMBER_REASON]);
	print_u16(tb[IFLA_ETRUNK_MEMBER_PRIORITY], "priority",
		  "priority %u ");
	print_u32(tb[IFLA_ETRUNK_MEMBER_LINK_FAILURES], "link_failures",
		  "link_failures %u ");
}

static void etrunk_slave_print_help(struct link_util *lu UNUSED,
				    int argc UNUSED, char **argv UNUSED,
				    FILE *f)
{
	etrunk_slave_print_explain(f);
}

PLUGIN_EXPORT struct link_util etrunk_slave_link_util = {
	.id		= "etrunk_slave",
	.maxattr	= IFLA_ETRUNK_MEMBER_MAX,
	.parse_opt	= etrunk_slave_parse_opt,
	.print_opt	= etrunk_slave_print_opt,
	.print_help	= etrunk_slave_print_help,
};
