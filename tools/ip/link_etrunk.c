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

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/types.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include <linux/etrunk.h>

#include "../etrunk_names.h"
#include "../etrunk_opts.h"

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
int print_color_u64(enum output_type t, enum color_attr color,
		    const char *key, const char *fmt, uint64_t value);
/* "on"/"off" in text (through fmt's %s), true/false in JSON */
int print_color_on_off(enum output_type t, enum color_attr color,
		       const char *key, const char *fmt, bool value);
/* null in JSON, value through fmt in text */
int print_color_null(enum output_type t, enum color_attr color,
		     const char *key, const char *fmt, const char *value);
/* in text these print @str itself: use them with PRINT_JSON only */
void open_json_array(enum output_type type, const char *str);
void close_json_array(enum output_type type, const char *str);
const char *ll_index_to_name(unsigned int idx);

/* include/utils.h, include/libnetlink.h */
void invarg(const char *msg, const char *arg) __attribute__((noreturn));
void incomplete_command(void) __attribute__((noreturn));
int get_u8(__u8 *val, const char *arg, int base);
int get_u16(__u16 *val, const char *arg, int base);
int get_u32(__u32 *val, const char *arg, int base);
int addattr8(struct nlmsghdr *n, int maxlen, int type, __u8 data);
int addattr16(struct nlmsghdr *n, int maxlen, int type, __u16 data);
int addattr32(struct nlmsghdr *n, int maxlen, int type, __u32 data);
int addattr_l(struct nlmsghdr *n, int maxlen, int type, const void *data,
	      int alen);
struct rtattr *addattr_nest(struct nlmsghdr *n, int maxlen, int type);
int addattr_nest_end(struct nlmsghdr *n, struct rtattr *nest);

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

/* An option of tools/etrunk_opts.h, as ip spells it. */
#define ip_opt(arg, opt)	etrunk_opt_is(arg, opt, true)

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

static void print_u8(const struct rtattr *rta, const char *key,
		     const char *fmt)
{
	__u8 val;

	if (!attr_u8(rta, &val))
		return;

	print_color_uint(PRINT_ANY, COLOR_NONE, key, fmt, val);
}

/* "KEY on|off" in text, "KEY": true|false in JSON. */
static void print_flag(const struct rtattr *rta, const char *key,
		       const char *fmt)
{
	__u8 val;

	if (!attr_u8(rta, &val))
		return;

	print_color_on_off(PRINT_ANY, COLOR_NONE, key, fmt, val != 0);
}

/* ---- etrunk (the trunk) ---------------------------------------------- */

static void etrunk_print_explain(FILE *f)
{
	fprintf(f,
		"Usage: ... etrunk [ mode MODE ] [ hash_policy POLICY ]\n"
		"                  [ min_links MIN_LINKS ] [ max_links MAX_LINKS ]\n"
		"                  [ revertive { on | off } ] [ revert_delay MS ]\n"
		"                  [ grat_arp N ] [ flush_count N ] [ flush_interval MS ]\n"
		"                  [ flush_key { HEX | none } ] [ flush_rx { on | off } ]\n"
		"                  [ probe_interval MS ] [ probe_missed N ]\n"
		"                  [ probe_target { ADDR[,ADDR...] | none } ]\n"
		"                  [ lacp_rate { slow | fast } ] [ system_priority N ]\n"
		"                  [ system_id MAC ] [ actor_key N ] [ port_offset N ]\n"
		"                  [ lacp_role { master | backup } ]\n"
		"                  [ lacp_select { count | bandwidth | priority } ]\n"
		"                  [ lacp_preempt { on | off } ] [ lacp_preempt_delay MS ]\n"
		"\n"
		"MODE := { loadbalance | backup | lacp }\n"
		"POLICY := { layer2 | layer2+3 | layer3+4 | encap2+3 | encap3+4 }\n"
		"MIN_LINKS := 0-" STR(ETRUNK_MAX_MEMBERS) "\n"
		"MAX_LINKS := 0-" STR(ETRUNK_MAX_MEMBERS) " (0: no limit)\n"
		"\n"
		"Mode backup (1:1 master/backup, two members):\n"
		"revert_delay := 0-" STR(ETRUNK_MAX_REVERT_DELAY) " ms\n"
		"grat_arp := 0-255 rounds of gratuitous ARP after a switchover\n"
		"flush_count := 0-" STR(ETRUNK_MAX_FLUSH_COUNT) " flush frames after a switchover\n"
		"flush_interval := 1-1000 ms\n"
		"flush_key := 1-" STR(ETRUNK_FLUSH_KEY_MAX) " bytes in hex (HMAC-SHA256 key), none: no key\n"
		"probe_interval := 0 (off) or " STR(ETRUNK_MIN_PROBE_INTERVAL) "-"
		STR(ETRUNK_MAX_PROBE_INTERVAL) " ms\n"
		"probe_missed := 1-255\n"
		"probe_target := up to " STR(ETRUNK_MAX_PROBE_TARGETS)
		" IPv4/IPv6 addresses, none: no targets\n"
		"\n"
		"Mode lacp (static LACP, IEEE 802.1AX):\n"
		"system_priority, actor_key := 1-65535\n"
		"system_id := a unicast MAC address (default: the trunk's)\n"
		"port_offset := 0-" STR(ETRUNK_LACP_MAX_PORT_OFFSET) ", added to each member's index\n"
		"lacp_select := the aggregator when members see different partners\n"
		"lacp_preempt_delay := 0-" STR(ETRUNK_MAX_LACP_PREEMPT_DELAY) " ms (default "
		STR(ETRUNK_DEFAULT_LACP_PREEMPT_DELAY) ")\n"
		"\n"
		"hash and xmit_hash_policy are other names for hash_policy;\n"
		"min-links and max-links for min_links and max_links.\n");
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * flush_key HEX|none: an empty attribute for none. An error names the
 * option, not the value: it is a secret.
 */
static void parse_flush_key(struct nlmsghdr *n, const char *arg)
{
	__u8 key[ETRUNK_FLUSH_KEY_MAX];
	size_t len = strlen(arg), i;

	if (strcmp(arg, "none") == 0) {
		addattr_l(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_FLUSH_KEY, NULL, 0);
		return;
	}
	if (len == 0 || len % 2 || len / 2 > ETRUNK_FLUSH_KEY_MAX)
		invarg("expected 1 to " STR(ETRUNK_FLUSH_KEY_MAX)
		       " bytes as an even number of hex digits, or none",
		       "flush_key");
	for (i = 0; i < len; i += 2) {
		int hi = hex_digit(arg[i]), lo = hex_digit(arg[i + 1]);

		if (hi < 0 || lo < 0)
			invarg("expected hex digits, or none", "flush_key");
		key[i / 2] = (__u8)(hi << 4 | lo);
	}
	addattr_l(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_FLUSH_KEY, key,
		  (int)(len / 2));
}

/* probe_target ADDR[,ADDR...]|none: a nest of 4- or 16-byte addresses. */
static void parse_probe_targets(struct nlmsghdr *n, const char *arg)
{
	struct rtattr *nest;
	const char *p = arg;

	nest = addattr_nest(n, ETRUNK_REQ_MAXLEN,
			    IFLA_ETRUNK_PROBE_TARGETS | NLA_F_NESTED);
	if (strcmp(arg, "none") != 0) {
		int count = 0;

		for (;;) {
			const char *comma = strchr(p, ',');
			size_t len = comma ? (size_t)(comma - p) : strlen(p);
			char item[INET6_ADDRSTRLEN];
			__u8 addr[16];

			if (len == 0 || len >= sizeof(item))
				invarg("invalid probe_target, expected IPv4 or IPv6 addresses separated by commas, or none",
				       arg);
			memcpy(item, p, len);
			item[len] = '\0';
			if (++count > ETRUNK_MAX_PROBE_TARGETS)
				invarg("too many probe targets, at most "
				       STR(ETRUNK_MAX_PROBE_TARGETS), arg);
			if (inet_pton(AF_INET, item, addr) == 1)
				addattr_l(n, ETRUNK_REQ_MAXLEN,
					  IFLA_ETRUNK_PROBE_TARGET, addr, 4);
			else if (inet_pton(AF_INET6, item, addr) == 1)
				addattr_l(n, ETRUNK_REQ_MAXLEN,
					  IFLA_ETRUNK_PROBE_TARGET, addr, 16);
			else
				invarg("invalid probe_target, not an IPv4 or IPv6 address",
				       item);
			if (!comma)
				break;
			p = comma + 1;
		}
	}
	addattr_nest_end(n, nest);
}

/* aa:bb:cc:dd:ee:ff; the kernel judges whether it may be a system ID. */
static int parse_mac(const char *arg, __u8 mac[6])
{
	unsigned int b[6];
	char end;
	int i;

	if (sscanf(arg, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2],
		   &b[3], &b[4], &b[5], &end) != 6)
		return -1;
	for (i = 0; i < 6; i++)
		mac[i] = (__u8)b[i];
	return 0;
}

static void print_mac(const struct rtattr *rta, const char *key,
		      const char *fmt)
{
	const __u8 *a;
	char buf[18];

	if (!rta || RTA_PAYLOAD(rta) != 6)
		return;
	a = RTA_DATA(rta);
	snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x",
		 a[0], a[1], a[2], a[3], a[4], a[5]);
	print_color_string(PRINT_ANY, COLOR_MAC, key, fmt, buf);
}

static __u8 parse_on_off(const char *opt_msg, const char *arg)
{
	if (strcmp(arg, "on") == 0)
		return 1;
	if (strcmp(arg, "off") == 0)
		return 0;
	invarg(opt_msg, arg);
}

static int etrunk_parse_opt(struct link_util *lu UNUSED, int argc,
			    char **argv, struct nlmsghdr *n)
{
	__u32 links, u32;
	__u16 u16;
	__u8 u8;
	int idx;

	while (argc > 0) {
		if (ip_opt(*argv, ETRUNK_OPT_MODE)) {
			NEXT_ARG();
			idx = name_to_index(etrunk_mode_names,
					    ARRAY_SIZE(etrunk_mode_names), *argv);
			if (idx < 0)
				invarg("invalid mode, expected loadbalance, backup or lacp",
				       *argv);
			addattr8(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_MODE,
				 (__u8)idx);
		} else if (ip_opt(*argv, ETRUNK_OPT_HASH_POLICY) ||
			   strcmp(*argv, "xmit_hash_policy") == 0) {
			NEXT_ARG();
			idx = name_to_index(etrunk_hash_names,
					    ARRAY_SIZE(etrunk_hash_names), *argv);
			if (idx < 0)
				invarg("invalid hash_policy, expected layer2, layer2+3, layer3+4, encap2+3 or encap3+4",
				       *argv);
			addattr8(n, ETRUNK_REQ_MAXLEN,
				 IFLA_ETRUNK_HASH_POLICY, (__u8)idx);
		} else if (ip_opt(*argv, ETRUNK_OPT_MIN_LINKS)) {
			NEXT_ARG();
			/* The range is the kernel's to check (extack). */
			if (get_u32(&links, *argv, 0))
				invarg("invalid min_links", *argv);
			addattr32(n, ETRUNK_REQ_MAXLEN,
				  IFLA_ETRUNK_MIN_LINKS, links);
		} else if (ip_opt(*argv, ETRUNK_OPT_MAX_LINKS)) {
			NEXT_ARG();
			if (get_u32(&links, *argv, 0))
				invarg("invalid max_links", *argv);
			addattr32(n, ETRUNK_REQ_MAXLEN,
				  IFLA_ETRUNK_MAX_LINKS, links);
		/*
		 * Mode backup. Numbers are checked against the width of the
		 * attribute only: the range is the kernel's to check (extack).
		 */
		} else if (ip_opt(*argv, ETRUNK_OPT_REVERTIVE)) {
			NEXT_ARG();
			addattr8(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_REVERTIVE,
				 parse_on_off("invalid revertive, expected on or off",
					      *argv));
		} else if (ip_opt(*argv, ETRUNK_OPT_REVERT_DELAY)) {
			NEXT_ARG();
			if (get_u32(&u32, *argv, 0))
				invarg("invalid revert_delay, expected milliseconds",
				       *argv);
			addattr32(n, ETRUNK_REQ_MAXLEN,
				  IFLA_ETRUNK_REVERT_DELAY, u32);
		} else if (ip_opt(*argv, ETRUNK_OPT_GRAT_ARP)) {
			NEXT_ARG();
			if (get_u8(&u8, *argv, 0))
				invarg("invalid grat_arp, expected 0-255", *argv);
			addattr8(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_GRAT_ARP, u8);
		} else if (ip_opt(*argv, ETRUNK_OPT_FLUSH_COUNT)) {
			NEXT_ARG();
			if (get_u8(&u8, *argv, 0))
				invarg("invalid flush_count, expected 0-"
				       STR(ETRUNK_MAX_FLUSH_COUNT), *argv);
			addattr8(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_FLUSH_COUNT,
				 u8);
		} else if (ip_opt(*argv, ETRUNK_OPT_FLUSH_INTERVAL)) {
			NEXT_ARG();
			if (get_u16(&u16, *argv, 0))
				invarg("invalid flush_interval, expected 1-1000 ms",
				       *argv);
			addattr16(n, ETRUNK_REQ_MAXLEN,
				  IFLA_ETRUNK_FLUSH_INTERVAL, u16);
		} else if (ip_opt(*argv, ETRUNK_OPT_FLUSH_KEY)) {
			NEXT_ARG();
			parse_flush_key(n, *argv);
		} else if (ip_opt(*argv, ETRUNK_OPT_FLUSH_RX)) {
			NEXT_ARG();
			addattr8(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_FLUSH_RX,
				 parse_on_off("invalid flush_rx, expected on or off",
					      *argv));
		} else if (ip_opt(*argv, ETRUNK_OPT_PROBE_INTERVAL)) {
			NEXT_ARG();
			if (get_u32(&u32, *argv, 0))
				invarg("invalid probe_interval, expected milliseconds",
				       *argv);
			addattr32(n, ETRUNK_REQ_MAXLEN,
				  IFLA_ETRUNK_PROBE_INTERVAL, u32);
		} else if (ip_opt(*argv, ETRUNK_OPT_PROBE_MISSED)) {
			NEXT_ARG();
			if (get_u8(&u8, *argv, 0))
				invarg("invalid probe_missed, expected 1-255",
				       *argv);
			addattr8(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_PROBE_MISSED,
				 u8);
		} else if (ip_opt(*argv, ETRUNK_OPT_PROBE_TARGET) ||
			   strcmp(*argv, "probe_targets") == 0) {
			NEXT_ARG();
			parse_probe_targets(n, *argv);
		/* Mode lacp. */
		} else if (ip_opt(*argv, ETRUNK_OPT_LACP_RATE)) {
			NEXT_ARG();
			idx = name_to_index(etrunk_lacp_rate_names,
					    ARRAY_SIZE(etrunk_lacp_rate_names),
					    *argv);
			if (idx < 0)
				invarg("invalid lacp_rate, expected slow or fast",
				       *argv);
			addattr8(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_LACP_RATE,
				 (__u8)idx);
		} else if (ip_opt(*argv, ETRUNK_OPT_LACP_ROLE)) {
			NEXT_ARG();
			idx = name_to_index(etrunk_lacp_role_names,
					    ARRAY_SIZE(etrunk_lacp_role_names),
					    *argv);
			if (idx < 0)
				invarg("invalid lacp_role, expected master or backup",
				       *argv);
			addattr8(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_LACP_ROLE,
				 (__u8)idx);
		} else if (ip_opt(*argv, ETRUNK_OPT_LACP_SELECT)) {
			NEXT_ARG();
			idx = name_to_index(etrunk_lacp_select_names,
					    ARRAY_SIZE(etrunk_lacp_select_names),
					    *argv);
			if (idx < 0)
				invarg("invalid lacp_select, expected count, bandwidth or priority",
				       *argv);
			addattr8(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_LACP_SELECT,
				 (__u8)idx);
		} else if (ip_opt(*argv, ETRUNK_OPT_LACP_PREEMPT)) {
			NEXT_ARG();
			addattr8(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_LACP_PREEMPT,
				 parse_on_off("invalid lacp_preempt, expected on or off",
					      *argv));
		} else if (ip_opt(*argv, ETRUNK_OPT_LACP_PREEMPT_DELAY)) {
			NEXT_ARG();
			if (get_u32(&u32, *argv, 0))
				invarg("invalid lacp_preempt_delay, expected milliseconds",
				       *argv);
			addattr32(n, ETRUNK_REQ_MAXLEN,
				  IFLA_ETRUNK_LACP_PREEMPT_DELAY, u32);
		} else if (ip_opt(*argv, ETRUNK_OPT_SYSTEM_PRIORITY)) {
			NEXT_ARG();
			if (get_u16(&u16, *argv, 0))
				invarg("invalid system_priority, expected 1-65535",
				       *argv);
			addattr16(n, ETRUNK_REQ_MAXLEN,
				  IFLA_ETRUNK_LACP_SYSTEM_PRIO, u16);
		} else if (ip_opt(*argv, ETRUNK_OPT_SYSTEM_ID)) {
			__u8 mac[6];

			NEXT_ARG();
			if (parse_mac(*argv, mac))
				invarg("invalid system_id, expected a MAC address",
				       *argv);
			addattr_l(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_LACP_SYSTEM,
				  mac, sizeof(mac));
		} else if (ip_opt(*argv, ETRUNK_OPT_ACTOR_KEY)) {
			NEXT_ARG();
			if (get_u16(&u16, *argv, 0))
				invarg("invalid actor_key, expected 1-65535",
				       *argv);
			addattr16(n, ETRUNK_REQ_MAXLEN, IFLA_ETRUNK_LACP_KEY,
				  u16);
		} else if (ip_opt(*argv, ETRUNK_OPT_PORT_OFFSET)) {
			NEXT_ARG();
			if (get_u16(&u16, *argv, 0))
				invarg("invalid port_offset", *argv);
			addattr16(n, ETRUNK_REQ_MAXLEN,
				  IFLA_ETRUNK_LACP_PORT_OFFSET, u16);
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

/*
 * probe_target 192.0.2.2,2001:db8::2 (none if empty) in text; an array of
 * strings in JSON.
 */
static void print_probe_targets(const struct rtattr *nest)
{
	const struct rtattr *rta;
	char buf[INET6_ADDRSTRLEN];
	int len, count = 0;

	if (!nest)
		return;
	open_json_array(PRINT_JSON, "probe_target");
	print_color_string(PRINT_FP, COLOR_NONE, NULL, "%s", "probe_target ");
	len = (int)RTA_PAYLOAD(nest);
	for (rta = RTA_DATA(nest); RTA_OK(rta, len); rta = RTA_NEXT(rta, len)) {
		int family;

		if ((rta->rta_type & ~NLA_F_NESTED) != IFLA_ETRUNK_PROBE_TARGET)
			continue;
		if (RTA_PAYLOAD(rta) == 4)
			family = AF_INET;
		else if (RTA_PAYLOAD(rta) == 16)
			family = AF_INET6;
		else
			continue;
		if (!inet_ntop(family, RTA_DATA(rta), buf, sizeof(buf)))
			continue;
		if (count++)
			print_color_string(PRINT_FP, COLOR_NONE, NULL, "%s", ",");
		print_color_string(PRINT_ANY, COLOR_NONE, NULL, "%s", buf);
	}
	if (!count)
		print_color_string(PRINT_FP, COLOR_NONE, NULL, "%s", "none");
	print_color_string(PRINT_FP, COLOR_NONE, NULL, "%s", " ");
	close_json_array(PRINT_JSON, NULL);
}

/*
 * The attributes of mode backup, whichever the kernel sent:
 * revertive on revert_delay 0 grat_arp 1 flush_count 3 flush_interval 10
 * flush_key none flush_rx on probe_interval 0 probe_missed 3
 * probe_target none active_member a0 switchovers 1 switchover_reason up
 * switchover_age 1234
 */
static void etrunk_print_backup(struct rtattr *tb[])
{
	uint64_t age;
	__u32 ifindex;
	__u8 val;

	print_flag(tb[IFLA_ETRUNK_REVERTIVE], "revertive", "revertive %s ");
	print_u32(tb[IFLA_ETRUNK_REVERT_DELAY], "revert_delay",
		  "revert_delay %u ");
	print_u8(tb[IFLA_ETRUNK_GRAT_ARP], "grat_arp", "grat_arp %u ");
	print_u8(tb[IFLA_ETRUNK_FLUSH_COUNT], "flush_count", "flush_count %u ");
	print_u16(tb[IFLA_ETRUNK_FLUSH_INTERVAL], "flush_interval",
		  "flush_interval %u ");
	if (attr_u8(tb[IFLA_ETRUNK_FLUSH_KEY_SET], &val))
		print_color_string(PRINT_ANY, COLOR_NONE, "flush_key",
				   "flush_key %s ", val ? "set" : "none");
	print_flag(tb[IFLA_ETRUNK_FLUSH_RX], "flush_rx", "flush_rx %s ");
	/* Any host on the segment can move a trunk that follows frames
	 * without a key: say so (the JSON has flush_key and flush_rx).
	 */
	if (attr_u8(tb[IFLA_ETRUNK_FLUSH_RX], &val) && val &&
	    attr_u8(tb[IFLA_ETRUNK_FLUSH_KEY_SET], &val) && !val)
		print_color_string(PRINT_FP, COLOR_NONE, NULL, "%s ",
				   "(unauthenticated)");
	print_u32(tb[IFLA_ETRUNK_PROBE_INTERVAL], "probe_interval",
		  "probe_interval %u ");
	print_u8(tb[IFLA_ETRUNK_PROBE_MISSED], "probe_missed",
		 "probe_missed %u ");
	print_probe_targets(tb[IFLA_ETRUNK_PROBE_TARGETS]);
	if (attr_u32(tb[IFLA_ETRUNK_ACTIVE_MEMBER], &ifindex)) {
		if (ifindex)
			print_color_string(PRINT_ANY, COLOR_IFNAME,
					   "active_member", "active_member %s ",
					   ll_index_to_name(ifindex));
		else
			print_color_null(PRINT_ANY, COLOR_NONE, "active_member",
					 "active_member %s ", "none");
	}
	print_u32(tb[IFLA_ETRUNK_SWITCHOVERS], "switchovers",
		  "switchovers %u ");
	print_enum(tb[IFLA_ETRUNK_SWITCHOVER_REASON], "switchover_reason",
		   "switchover_reason %s ", "switchover_reason %u ",
		   etrunk_switch_names, ARRAY_SIZE(etrunk_switch_names));
	if (tb[IFLA_ETRUNK_SWITCHOVER_AGE] &&
	    RTA_PAYLOAD(tb[IFLA_ETRUNK_SWITCHOVER_AGE]) >= sizeof(age)) {
		memcpy(&age, RTA_DATA(tb[IFLA_ETRUNK_SWITCHOVER_AGE]),
		       sizeof(age));
		print_color_u64(PRINT_ANY, COLOR_NONE, "switchover_age",
				"switchover_age %" PRIu64 " ", age);
	}
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
	etrunk_print_backup(tb);
	/* Mode lacp. */
	print_enum(tb[IFLA_ETRUNK_LACP_RATE], "lacp_rate", "lacp_rate %s ",
		   "lacp_rate %u ", etrunk_lacp_rate_names,
		   ARRAY_SIZE(etrunk_lacp_rate_names));
	print_u16(tb[IFLA_ETRUNK_LACP_SYSTEM_PRIO], "system_priority",
		  "system_priority %u ");
	print_mac(tb[IFLA_ETRUNK_LACP_SYSTEM], "system_id", "system_id %s ");
	print_u16(tb[IFLA_ETRUNK_LACP_KEY], "actor_key", "actor_key %u ");
	print_u16(tb[IFLA_ETRUNK_LACP_PORT_OFFSET], "port_offset",
		  "port_offset %u ");
	print_enum(tb[IFLA_ETRUNK_LACP_ROLE], "lacp_role", "lacp_role %s ",
		   "lacp_role %u ", etrunk_lacp_role_names,
		   ARRAY_SIZE(etrunk_lacp_role_names));
	print_enum(tb[IFLA_ETRUNK_LACP_SELECT], "lacp_select", "lacp_select %s ",
		   "lacp_select %u ", etrunk_lacp_select_names,
		   ARRAY_SIZE(etrunk_lacp_select_names));
	print_flag(tb[IFLA_ETRUNK_LACP_PREEMPT], "lacp_preempt",
		   "lacp_preempt %s ");
	print_u32(tb[IFLA_ETRUNK_LACP_PREEMPT_DELAY], "lacp_preempt_delay",
		  "lacp_preempt_delay %u ");
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
		"                        [ lacp_port_priority N ] [ lacp_active { on | off } ]\n"
		"\n"
		"PRIORITY := 0-65535, lower is preferred (default "
		STR(ETRUNK_DEFAULT_PRIORITY) ")\n"
		"lacp_port_priority := 1-65535, lower is preferred (default "
		STR(ETRUNK_LACP_DEFAULT_PORT_PRIO) ")\n"
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
		} else if (ip_opt(*argv, ETRUNK_OPT_LACP_PORT_PRIORITY)) {
			NEXT_ARG();
			if (get_u16(&prio, *argv, 0))
				invarg("invalid lacp_port_priority, expected 1-65535",
				       *argv);
			addattr16(n, ETRUNK_REQ_MAXLEN,
				  IFLA_ETRUNK_MEMBER_LACP_PORT_PRIO, prio);
		} else if (ip_opt(*argv, ETRUNK_OPT_LACP_ACTIVE)) {
			NEXT_ARG();
			addattr8(n, ETRUNK_REQ_MAXLEN,
				 IFLA_ETRUNK_MEMBER_LACP_ACTIVE,
				 parse_on_off("invalid lacp_active, expected on or off",
					      *argv));
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

/* "actor_state active,aggregation,sync" (none: "-") */
static void print_lacp_state(const struct rtattr *rta, const char *key,
			     const char *fmt)
{
	char buf[128] = "";
	size_t i, len = 0;
	__u8 val;

	if (!attr_u8(rta, &val))
		return;
	for (i = 0; i < ARRAY_SIZE(etrunk_lacp_state_names); i++) {
		if (!(val & (1u << i)))
			continue;
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s",
					len ? "," : "",
					etrunk_lacp_state_names[i]);
	}
	print_color_string(PRINT_ANY, COLOR_NONE, key, fmt, len ? buf : "-");
}

static void print_u64(const struct rtattr *rta, const char *key,
		      const char *fmt)
{
	uint64_t val;

	if (!rta || RTA_PAYLOAD(rta) < sizeof(val))
		return;
	memcpy(&val, RTA_DATA(rta), sizeof(val));
	print_color_u64(PRINT_ANY, COLOR_NONE, key, fmt, val);
}

/* One end of the link: the actor_ or partner_ attributes from @first. */
static void print_lacp_port(struct rtattr *tb[], int first, const char *who)
{
	static const char *const names[] = {
		"system_priority", "system", "key", "port_priority", "port",
		"state",
	};
	char key[32], fmt[48];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		struct rtattr *rta = tb[first + (int)i];

		snprintf(key, sizeof(key), "%s_%s", who, names[i]);
		snprintf(fmt, sizeof(fmt), "%s_%s %s ", who, names[i],
			 i == 1 || i == 5 ? "%s" : "%u");
		if (i == 1)
			print_mac(rta, key, fmt);
		else if (i == 5)
			print_lacp_state(rta, key, fmt);
		else
			print_u16(rta, key, fmt);
	}
}

/* IFLA_ETRUNK_MEMBER_LACP: the machines, actor, partner, counters. */
static void print_lacp_member(const struct rtattr *nest)
{
	struct rtattr *tb[ETRUNK_LACP_A_MAX + 1] = { NULL };
	struct rtattr *rta;
	int len;

	if (!nest)
		return;
	len = (int)RTA_PAYLOAD(nest);
	for (rta = RTA_DATA(nest); RTA_OK(rta, len); rta = RTA_NEXT(rta, len)) {
		unsigned short type = rta->rta_type & ~NLA_F_NESTED;

		if (type <= ETRUNK_LACP_A_MAX)
			tb[type] = rta;
	}
	print_enum(tb[ETRUNK_LACP_A_RX_STATE], "lacp_rx", "lacp_rx %s ",
		   "lacp_rx %u ", etrunk_lacp_rx_names,
		   ARRAY_SIZE(etrunk_lacp_rx_names));
	print_enum(tb[ETRUNK_LACP_A_MUX_STATE], "lacp_mux", "lacp_mux %s ",
		   "lacp_mux %u ", etrunk_lacp_mux_names,
		   ARRAY_SIZE(etrunk_lacp_mux_names));
	print_lacp_port(tb, ETRUNK_LACP_A_ACTOR_SYSTEM_PRIO, "actor");
	print_lacp_port(tb, ETRUNK_LACP_A_PARTNER_SYSTEM_PRIO, "partner");
	print_u64(tb[ETRUNK_LACP_A_LACPDU_RX], "lacpdu_rx", "lacpdu_rx %" PRIu64 " ");
	print_u64(tb[ETRUNK_LACP_A_LACPDU_TX], "lacpdu_tx", "lacpdu_tx %" PRIu64 " ");
	print_u64(tb[ETRUNK_LACP_A_MARKER_RX], "marker_rx", "marker_rx %" PRIu64 " ");
	print_u64(tb[ETRUNK_LACP_A_MARKER_TX], "marker_tx", "marker_tx %" PRIu64 " ");
	print_u64(tb[ETRUNK_LACP_A_RX_MALFORMED], "lacp_rx_malformed",
		  "lacp_rx_malformed %" PRIu64 " ");
	print_u64(tb[ETRUNK_LACP_A_RX_RATE], "lacp_rx_rate",
		  "lacp_rx_rate %" PRIu64 " ");
	print_enum(tb[ETRUNK_LACP_A_SELECTED], "lacp_selected",
		   "lacp_selected %s ", "lacp_selected %u ",
		   etrunk_lacp_selected_names,
		   ARRAY_SIZE(etrunk_lacp_selected_names));
	print_flag(tb[ETRUNK_LACP_A_ACTOR_CHURN], "actor_churn",
		   "actor_churn %s ");
	print_flag(tb[ETRUNK_LACP_A_PARTNER_CHURN], "partner_churn",
		   "partner_churn %s ");
	print_u32(tb[ETRUNK_LACP_A_ACTOR_CHURNS], "actor_churns",
		  "actor_churns %u ");
	print_u32(tb[ETRUNK_LACP_A_PARTNER_CHURNS], "partner_churns",
		  "partner_churns %u ");
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
	print_u16(tb[IFLA_ETRUNK_MEMBER_LACP_PORT_PRIO], "lacp_port_priority",
		  "lacp_port_priority %u ");
	print_flag(tb[IFLA_ETRUNK_MEMBER_LACP_ACTIVE], "lacp_active",
		   "lacp_active %s ");
	print_lacp_member(tb[IFLA_ETRUNK_MEMBER_LACP]);
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
