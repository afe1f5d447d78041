// SPDX-License-Identifier: GPL-2.0
/*
 * etrunkctl - show and configure etrunk trunks and their members, and
 * follow their events, through the "etrunk" generic netlink family (see
 * uapi/linux/etrunk.h and etrunkctl(8)).
 *
 *   etrunkctl [-j [-p]] show [DEV]
 *   etrunkctl set DEV [mode M] [hash_policy P] [min_links N] [max_links N]
 *   etrunkctl [-j [-p]] member show DEV
 *   etrunkctl member set DEV [priority N] [master on|off] [admin up|down]
 *   etrunkctl [-j] monitor
 *
 * Exit status: 0 on success, 1 if the kernel (or the system) refused, with
 * one line on stderr (the kernel's extack message when it gave one), 2 on
 * a usage error.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <linux/etrunk.h>

#include "../etrunk_names.h"
#include "json.h"
#include "nl.h"

#ifndef ETRUNKCTL_VERSION
#define ETRUNKCTL_VERSION "0.1"
#endif

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define EXIT_FAIL 1
#define EXIT_USAGE 2

static bool json;
static bool pretty;

/* ---- names ---------------------------------------------------------- */

#define NAMES(tbl) tbl, ARRAY_SIZE(tbl)

/* The name of an enum value, or the number of one this tool does not know. */
static const char *enum_str(const char *const *tbl, size_t n, unsigned int v,
			    char *buf, size_t len)
{
	if (v < n && tbl[v])
		return tbl[v];
	snprintf(buf, len, "%u", v);
	return buf;
}

static void json_enum(const char *key, const char *const *tbl, size_t n,
		      unsigned int v)
{
	if (v < n && tbl[v])
		json_string(key, tbl[v]);
	else
		json_uint(key, v);
}

/* ---- errors --------------------------------------------------------- */

static void __attribute__((format(printf, 1, 2), noreturn))
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("etrunkctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(" (see 'etrunkctl help')\n", stderr);
	exit(EXIT_USAGE);
}

/* A failed request: the kernel's message if it gave one, else strerror. */
static void __attribute__((noreturn)) nl_fail(const struct nl *nl, int err)
{
	if (nl->errmsg[0])
		fprintf(stderr, "etrunkctl: %s\n", nl->errmsg);
	else
		fprintf(stderr, "etrunkctl: %s\n", strerror(-err));
	exit(EXIT_FAIL);
}

static void __attribute__((noreturn)) out_of_memory(void)
{
	fputs("etrunkctl: out of memory\n", stderr);
	exit(EXIT_FAIL);
}

static void nl_start(struct nl *nl)
{
	int err = nl_open(nl);

	if (err == -ENOENT) {
		fputs("etrunkctl: no generic netlink family \"" ETRUNK_GENL_NAME
		      "\": is the etrunk module loaded?\n", stderr);
		exit(EXIT_FAIL);
	}
	if (err)
		nl_fail(nl, err);
}

/* ---- messages ------------------------------------------------------- */

#define HAS(s, attr) (((s)->has >> (attr)) & 1u)

struct member {
	unsigned int has;	/* bit ETRUNK_MEMBER_A_x: attribute present */
	uint32_t ifindex;
	char ifname[IFNAMSIZ];
	uint8_t state;
	uint8_t reason;
	uint8_t master;
	uint8_t admin_up;
	uint16_t priority;
	uint32_t link_failures;
	uint32_t speed;
};

/* A trunk message, a GET_MEMBER reply or an event. */
struct trunk {
	unsigned int has;	/* bit ETRUNK_A_x: attribute present */
	uint32_t ifindex;
	char ifname[IFNAMSIZ];
	uint8_t mode;
	uint8_t hash_policy;
	uint8_t up;
	uint8_t carrier;
	uint8_t event;
	uint32_t min_links;
	uint32_t max_links;
	uint32_t active_members;
	uint32_t event_seq;
	unsigned int stats_has;	/* bit ETRUNK_STATS_A_x */
	uint64_t stats[ETRUNK_STATS_A_MAX + 1];
	struct member member;	/* ETRUNK_A_MEMBER */
	struct member *members;	/* ETRUNK_A_MEMBERS */
	unsigned int n_members;
	unsigned int cap_members;
};

struct trunk_list {
	struct trunk *v;
	unsigned int n;
	unsigned int cap;
	uint16_t family;
};

static const enum mnl_attr_data_type trunk_attr_types[ETRUNK_A_MAX + 1] = {
	[ETRUNK_A_IFINDEX] = MNL_TYPE_U32,
	[ETRUNK_A_IFNAME] = MNL_TYPE_NUL_STRING,
	[ETRUNK_A_MODE] = MNL_TYPE_U8,
	[ETRUNK_A_HASH_POLICY] = MNL_TYPE_U8,
	[ETRUNK_A_MIN_LINKS] = MNL_TYPE_U32,
	[ETRUNK_A_MAX_LINKS] = MNL_TYPE_U32,
	[ETRUNK_A_UP] = MNL_TYPE_U8,
	[ETRUNK_A_CARRIER] = MNL_TYPE_U8,
	[ETRUNK_A_ACTIVE_MEMBERS] = MNL_TYPE_U32,
	[ETRUNK_A_STATS] = MNL_TYPE_NESTED,
	[ETRUNK_A_MEMBERS] = MNL_TYPE_NESTED,
	[ETRUNK_A_MEMBER] = MNL_TYPE_NESTED,
	[ETRUNK_A_EVENT] = MNL_TYPE_U8,
	[ETRUNK_A_EVENT_SEQ] = MNL_TYPE_U32,
};

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
};

/*
 * The type of a known attribute that is well formed, else MNL_TYPE_UNSPEC:
 * attributes of a newer kernel, and malformed ones, are skipped.
 */
static unsigned int attr_known(const struct nlattr *a,
			       const enum mnl_attr_data_type *types,
			       unsigned int max)
{
	unsigned int type = mnl_attr_get_type(a);

	if (type > max || types[type] == MNL_TYPE_UNSPEC ||
	    mnl_attr_validate(a, types[type]) < 0)
		return 0;
	return type;
}

static void copy_name(char *dst, const struct nlattr *a)
{
	snprintf(dst, IFNAMSIZ, "%s", mnl_attr_get_str(a));
}

static void parse_member(const struct nlattr *nest, struct member *m)
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
		}
	}
}

static void parse_stats(const struct nlattr *nest, struct trunk *t)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type == ETRUNK_STATS_A_PAD || type > ETRUNK_STATS_A_MAX ||
		    mnl_attr_validate(a, MNL_TYPE_U64) < 0)
			continue;
		t->stats_has |= 1u << type;
		t->stats[type] = mnl_attr_get_u64(a);
	}
}

/* Members are appended: a dump may continue a trunk in a next message. */
static void parse_members(const struct nlattr *nest, struct trunk *t)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		if (mnl_attr_get_type(a) != ETRUNK_A_MEMBER ||
		    mnl_attr_validate(a, MNL_TYPE_NESTED) < 0)
			continue;
		if (t->n_members == t->cap_members) {
			unsigned int cap = t->cap_members ? 2 * t->cap_members : 8;
			struct member *v = realloc(t->members, cap * sizeof(*v));

			if (!v)
				out_of_memory();
			t->members = v;
			t->cap_members = cap;
		}
		parse_member(a, &t->members[t->n_members++]);
	}
}

static void parse_trunk(const struct nlmsghdr *nlh, struct trunk *t)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		unsigned int type = attr_known(a, trunk_attr_types, ETRUNK_A_MAX);

		if (!type)
			continue;
		t->has |= 1u << type;
		switch (type) {
		case ETRUNK_A_IFINDEX:
			t->ifindex = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_IFNAME:
			copy_name(t->ifname, a);
			break;
		case ETRUNK_A_MODE:
			t->mode = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_HASH_POLICY:
			t->hash_policy = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_MIN_LINKS:
			t->min_links = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_MAX_LINKS:
			t->max_links = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_UP:
			t->up = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_CARRIER:
			t->carrier = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_ACTIVE_MEMBERS:
			t->active_members = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_STATS:
			parse_stats(a, t);
			break;
		case ETRUNK_A_MEMBERS:
			parse_members(a, t);
			break;
		case ETRUNK_A_MEMBER:
			parse_member(a, &t->member);
			break;
		case ETRUNK_A_EVENT:
			t->event = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_EVENT_SEQ:
			t->event_seq = mnl_attr_get_u32(a);
			break;
		}
	}
}

static bool genl_msg_ok(const struct nlmsghdr *nlh, uint16_t family)
{
	return nlh->nlmsg_type == family &&
	       mnl_nlmsg_get_payload_len(nlh) >= sizeof(struct genlmsghdr);
}

/*
 * One reply message: a new trunk, or the continuation of the last one
 * (same ifindex) when a dump split its members over messages.
 */
static int trunk_list_cb(const struct nlmsghdr *nlh, void *data)
{
	struct trunk_list *l = data;
	struct trunk tmp = { 0 }, *t;

	if (!genl_msg_ok(nlh, l->family))
		return MNL_CB_OK;
	parse_trunk(nlh, &tmp);
	if (l->n && HAS(&tmp, ETRUNK_A_IFINDEX) &&
	    l->v[l->n - 1].ifindex == tmp.ifindex) {
		t = &l->v[l->n - 1];
		if (t->n_members + tmp.n_members > t->cap_members) {
			unsigned int cap = t->n_members + tmp.n_members;
			struct member *v = realloc(t->members, cap * sizeof(*v));

			if (!v)
				out_of_memory();
			t->members = v;
			t->cap_members = cap;
		}
		if (tmp.n_members)
			memcpy(&t->members[t->n_members], tmp.members,
			       tmp.n_members * sizeof(*tmp.members));
		t->n_members += tmp.n_members;
		free(tmp.members);
		return MNL_CB_OK;
	}
	if (l->n == l->cap) {
		unsigned int cap = l->cap ? 2 * l->cap : 4;
		struct trunk *v = realloc(l->v, cap * sizeof(*v));

		if (!v)
			out_of_memory();
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = tmp;
	return MNL_CB_OK;
}

static void trunk_list_free(struct trunk_list *l)
{
	unsigned int i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].members);
	free(l->v);
}

/* ---- plain output --------------------------------------------------- */

#define COLUMNS 9

struct table {
	const char *head[COLUMNS];
	unsigned int ncol;
	unsigned int nrow;
	char (*cell)[COLUMNS][24];
	size_t width[COLUMNS];
};

static void table_init(struct table *tb, unsigned int rows,
		       const char *const *head, unsigned int ncol)
{
	unsigned int c;

	memset(tb, 0, sizeof(*tb));
	tb->ncol = ncol;
	tb->cell = calloc(rows ? rows : 1, sizeof(*tb->cell));
	if (!tb->cell)
		out_of_memory();
	for (c = 0; c < ncol; c++) {
		tb->head[c] = head[c];
		tb->width[c] = strlen(head[c]);
	}
}

static void table_set(struct table *tb, unsigned int row, unsigned int col,
		      const char *s)
{
	size_t len;

	snprintf(tb->cell[row][col], sizeof(tb->cell[row][col]), "%s", s);
	len = strlen(tb->cell[row][col]);
	if (len > tb->width[col])
		tb->width[col] = len;
	if (row >= tb->nrow)
		tb->nrow = row + 1;
}

static void table_line(const struct table *tb, const char *indent,
		       const char *const *cells)
{
	unsigned int c;

	fputs(indent, stdout);
	for (c = 0; c < tb->ncol; c++) {
		if (c + 1 < tb->ncol)
			printf("%-*s  ", (int)tb->width[c], cells[c]);
		else
			printf("%s\n", cells[c]);
	}
}

/* Print the table and free its cells. */
static void table_print(struct table *tb, const char *indent)
{
	unsigned int r, c;

	table_line(tb, indent, tb->head);
	for (r = 0; r < tb->nrow; r++) {
		const char *cells[COLUMNS];

		for (c = 0; c < tb->ncol; c++)
			cells[c] = tb->cell[r][c];
		table_line(tb, indent, cells);
	}
	free(tb->cell);
	tb->cell = NULL;
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
static void member_row(struct table *tb, unsigned int row, unsigned int col,
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

static const char *member_name(const struct member *m, char *buf, size_t len)
{
	if (HAS(m, ETRUNK_MEMBER_A_IFNAME))
		return m->ifname;
	snprintf(buf, len, "if%u", m->ifindex);
	return buf;
}

static void print_trunk_plain(const struct trunk *t)
{
	char buf[24];

	/* et0: mode loadbalance, hash layer3+4, up, carrier on */
	printf("%s:", t->ifname);
	if (HAS(t, ETRUNK_A_MODE))
		printf(" mode %s,", enum_str(NAMES(etrunk_mode_names), t->mode, buf,
					     sizeof(buf)));
	if (HAS(t, ETRUNK_A_HASH_POLICY))
		printf(" hash %s,", enum_str(NAMES(etrunk_hash_names), t->hash_policy,
					     buf, sizeof(buf)));
	printf(" %s, carrier %s\n", t->up ? "up" : "down",
	       t->carrier ? "on" : "off");

	/*   members: 2 active of 3 (min-links 1, max-links none)
	 *   rx: 10 packets, 1200 bytes, 0 dropped; tx: ...
	 */
	printf("  members: %u active of %u (min-links %u, max-links ",
	       t->active_members, t->n_members, t->min_links);
	if (t->max_links)
		printf("%u)\n", t->max_links);
	else
		printf("none)\n");

	if (t->stats_has)
		printf("  rx: %" PRIu64 " packets, %" PRIu64 " bytes, %" PRIu64
		       " dropped; tx: %" PRIu64 " packets, %" PRIu64 " bytes, %"
		       PRIu64 " dropped\n",
		       t->stats[ETRUNK_STATS_A_RX_PACKETS],
		       t->stats[ETRUNK_STATS_A_RX_BYTES],
		       t->stats[ETRUNK_STATS_A_RX_DROPPED],
		       t->stats[ETRUNK_STATS_A_TX_PACKETS],
		       t->stats[ETRUNK_STATS_A_TX_BYTES],
		       t->stats[ETRUNK_STATS_A_TX_DROPPED]);

	if (t->n_members) {
		struct table tb;
		unsigned int i;

		table_init(&tb, t->n_members, member_head,
			   ARRAY_SIZE(member_head));
		for (i = 0; i < t->n_members; i++) {
			table_set(&tb, i, 0, member_name(&t->members[i], buf,
							 sizeof(buf)));
			member_row(&tb, i, 1, &t->members[i]);
		}
		table_print(&tb, "  ");
	}
}

/* ---- JSON output ---------------------------------------------------- */

/* A member object; with @trunk, also the trunk it belongs to. */
static void json_member(const char *key, const struct member *m,
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
	json_close_object();
}

static const char *const stats_keys[ETRUNK_STATS_A_MAX + 1] = {
	[ETRUNK_STATS_A_RX_PACKETS] = "rx_packets",
	[ETRUNK_STATS_A_RX_BYTES] = "rx_bytes",
	[ETRUNK_STATS_A_RX_DROPPED] = "rx_dropped",
	[ETRUNK_STATS_A_TX_PACKETS] = "tx_packets",
	[ETRUNK_STATS_A_TX_BYTES] = "tx_bytes",
	[ETRUNK_STATS_A_TX_DROPPED] = "tx_dropped",
};

/* The trunk's attributes that are present, into the open object. */
static void json_trunk_fields(const struct trunk *t)
{
	unsigned int i;

	if (HAS(t, ETRUNK_A_IFNAME))
		json_string("ifname", t->ifname);
	if (HAS(t, ETRUNK_A_IFINDEX))
		json_uint("ifindex", t->ifindex);
	if (HAS(t, ETRUNK_A_MODE))
		json_enum("mode", NAMES(etrunk_mode_names), t->mode);
	if (HAS(t, ETRUNK_A_HASH_POLICY))
		json_enum("hash_policy", NAMES(etrunk_hash_names), t->hash_policy);
	if (HAS(t, ETRUNK_A_MIN_LINKS))
		json_uint("min_links", t->min_links);
	if (HAS(t, ETRUNK_A_MAX_LINKS))
		json_uint("max_links", t->max_links);
	if (HAS(t, ETRUNK_A_UP))
		json_bool("up", t->up);
	if (HAS(t, ETRUNK_A_CARRIER))
		json_bool("carrier", t->carrier);
	if (HAS(t, ETRUNK_A_ACTIVE_MEMBERS))
		json_uint("active_members", t->active_members);
	if (HAS(t, ETRUNK_A_STATS)) {
		json_open_object("stats");
		for (i = 0; i <= ETRUNK_STATS_A_MAX; i++)
			if (stats_keys[i] && (t->stats_has >> i) & 1u)
				json_uint(stats_keys[i], t->stats[i]);
		json_close_object();
	}
	if (HAS(t, ETRUNK_A_MEMBERS)) {
		json_open_array("members");
		for (i = 0; i < t->n_members; i++)
			json_member(NULL, &t->members[i], NULL);
		json_close_array();
	}
}

/* ---- commands ------------------------------------------------------- */

static bool matches(const char *arg, const char *name, const char *alias)
{
	return !strcmp(arg, name) || (alias && !strcmp(arg, alias));
}

static uint32_t parse_uint(const char *key, const char *s, uint32_t max)
{
	unsigned long long v;
	char *end;

	errno = 0;
	if (*s < '0' || *s > '9')
		usage_error("%s: '%s' is not a number", key, s);
	v = strtoull(s, &end, 10);
	if (*end || errno || v > max)
		usage_error("%s: '%s' is not a number from 0 to %" PRIu32,
			    key, s, max);
	return (uint32_t)v;
}

/* A name of @tbl, or a number (so the kernel can judge any value). */
static uint8_t parse_enum(const char *key, const char *s,
			  const char *const *tbl, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tbl[i] && !strcmp(tbl[i], s))
			return (uint8_t)i;
	if (*s >= '0' && *s <= '9')
		return (uint8_t)parse_uint(key, s, UINT8_MAX);
	usage_error("%s: unknown value '%s'", key, s);
}

static bool parse_bool(const char *key, const char *s, const char *yes,
		       const char *no)
{
	if (!strcmp(s, yes))
		return true;
	if (!strcmp(s, no))
		return false;
	usage_error("%s: '%s' is neither %s nor %s", key, s, yes, no);
}

static void put_name(struct nlmsghdr *nlh, uint16_t type, const char *name)
{
	if (!mnl_attr_put_strz_check(nlh, NL_SEND_SIZE, type, name))
		usage_error("device name too long: '%.32s...'", name);
}

/* A keyword's value: the next argument, which must exist. */
static const char *value_of(int argc, char **argv, int i)
{
	if (i + 1 >= argc)
		usage_error("%s needs a value", argv[i]);
	return argv[i + 1];
}

static int cmd_show(int argc, char **argv)
{
	struct trunk_list l = { 0 };
	struct nlmsghdr *nlh;
	struct nl nl;
	unsigned int i;
	int err;

	if (argc > 1)
		usage_error("show takes at most one device, not '%s'", argv[1]);
	nl_start(&nl);
	l.family = nl.family;
	if (argc == 1) {
		nlh = nl_request(&nl, ETRUNK_CMD_GET_TRUNK, NLM_F_ACK);
		put_name(nlh, ETRUNK_A_IFNAME, argv[0]);
	} else {
		nlh = nl_request(&nl, ETRUNK_CMD_GET_TRUNK, NLM_F_DUMP);
	}
	err = nl_talk(&nl, nlh, trunk_list_cb, &l);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);

	if (json) {
		json_init(stdout, pretty);
		json_open_array(NULL);
		for (i = 0; i < l.n; i++) {
			json_open_object(NULL);
			json_trunk_fields(&l.v[i]);
			json_close_object();
		}
		json_close_array();
	} else {
		for (i = 0; i < l.n; i++) {
			if (i)
				putchar('\n');
			print_trunk_plain(&l.v[i]);
		}
	}
	trunk_list_free(&l);
	return 0;
}

/* A SET request's values, parsed before the kernel is asked anything. */
#define SET_ARGS_MAX 31
_Static_assert(ETRUNK_A_MAX <= SET_ARGS_MAX &&
	       ETRUNK_MEMBER_A_MAX <= SET_ARGS_MAX, "seen is 32 bits");

struct set_args {
	unsigned int seen;	/* bit ETRUNK_A_x or ETRUNK_MEMBER_A_x */
	uint8_t u8[SET_ARGS_MAX + 1];
	uint16_t u16[SET_ARGS_MAX + 1];
	uint32_t u32[SET_ARGS_MAX + 1];
};

static void once(struct set_args *a, unsigned int attr, const char *key)
{
	if (a->seen & (1u << attr))
		usage_error("%s given twice", key);
	a->seen |= 1u << attr;
}

static void put_set_args(struct nlmsghdr *nlh, const struct set_args *a,
			 const enum mnl_attr_data_type *types, unsigned int max)
{
	unsigned int i;

	for (i = 0; i <= max; i++) {
		if (!(a->seen & (1u << i)))
			continue;
		switch (types[i]) {
		case MNL_TYPE_U8:
			mnl_attr_put_u8(nlh, i, a->u8[i]);
			break;
		case MNL_TYPE_U16:
			mnl_attr_put_u16(nlh, i, a->u16[i]);
			break;
		default:
			mnl_attr_put_u32(nlh, i, a->u32[i]);
			break;
		}
	}
}

static int cmd_set(int argc, char **argv)
{
	struct set_args a = { 0 };
	struct nlmsghdr *nlh;
	struct nl nl;
	int i, err;

	if (argc < 1)
		usage_error("set needs a trunk device");
	if (argc < 2)
		usage_error("set %s: nothing to set", argv[0]);
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);

		if (matches(key, "mode", NULL)) {
			once(&a, ETRUNK_A_MODE, key);
			a.u8[ETRUNK_A_MODE] = parse_enum(key, val,
							 NAMES(etrunk_mode_names));
		} else if (matches(key, "hash_policy", "hash")) {
			once(&a, ETRUNK_A_HASH_POLICY, key);
			a.u8[ETRUNK_A_HASH_POLICY] =
				parse_enum(key, val, NAMES(etrunk_hash_names));
		} else if (matches(key, "min_links", "min-links")) {
			once(&a, ETRUNK_A_MIN_LINKS, key);
			a.u32[ETRUNK_A_MIN_LINKS] = parse_uint(key, val,
							       UINT32_MAX);
		} else if (matches(key, "max_links", "max-links")) {
			once(&a, ETRUNK_A_MAX_LINKS, key);
			a.u32[ETRUNK_A_MAX_LINKS] = parse_uint(key, val,
							       UINT32_MAX);
		} else {
			usage_error("set: unknown option '%s'", key);
		}
	}
	nl_start(&nl);
	nlh = nl_request(&nl, ETRUNK_CMD_SET_TRUNK, NLM_F_ACK);
	put_name(nlh, ETRUNK_A_IFNAME, argv[0]);
	put_set_args(nlh, &a, trunk_attr_types, ETRUNK_A_MAX);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
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

/* ---- monitor -------------------------------------------------------- */

/* seq 7 member-state trunk et0 member a1 state down reason no-carrier ... */
static void print_event_plain(const struct trunk *t)
{
	char buf[24];

	printf("seq %u %s trunk %s", t->event_seq,
	       enum_str(NAMES(etrunk_event_names), t->event, buf, sizeof(buf)),
	       t->ifname);
	if (HAS(t, ETRUNK_A_MEMBER)) {
		const struct member *m = &t->member;

		printf(" member %s", member_name(m, buf, sizeof(buf)));
		if (HAS(m, ETRUNK_MEMBER_A_STATE))
			printf(" state %s", enum_str(NAMES(etrunk_state_names),
						     m->state, buf, sizeof(buf)));
		if (HAS(m, ETRUNK_MEMBER_A_REASON))
			printf(" reason %s", m->reason == ETRUNK_REASON_NONE ?
			       "-" : enum_str(NAMES(etrunk_reason_names), m->reason,
					      buf, sizeof(buf)));
		if (HAS(m, ETRUNK_MEMBER_A_LINK_FAILURES))
			printf(" link-failures %u", m->link_failures);
	}
	if (HAS(t, ETRUNK_A_MODE))
		printf(" mode %s", enum_str(NAMES(etrunk_mode_names), t->mode, buf,
					    sizeof(buf)));
	if (HAS(t, ETRUNK_A_HASH_POLICY))
		printf(" hash %s", enum_str(NAMES(etrunk_hash_names), t->hash_policy,
					    buf, sizeof(buf)));
	if (HAS(t, ETRUNK_A_MIN_LINKS))
		printf(" min-links %u", t->min_links);
	if (HAS(t, ETRUNK_A_MAX_LINKS))
		printf(" max-links %u", t->max_links);
	if (HAS(t, ETRUNK_A_ACTIVE_MEMBERS))
		printf(" active-members %u", t->active_members);
	if (HAS(t, ETRUNK_A_CARRIER))
		printf(" carrier %s", t->carrier ? "on" : "off");
	putchar('\n');
}

static void print_event_json(const struct trunk *t)
{
	json_open_object(NULL);
	if (HAS(t, ETRUNK_A_EVENT_SEQ))
		json_uint("seq", t->event_seq);
	if (HAS(t, ETRUNK_A_EVENT))
		json_enum("event", NAMES(etrunk_event_names), t->event);
	json_trunk_fields(t);
	if (HAS(t, ETRUNK_A_MEMBER))
		json_member("member", &t->member, NULL);
	json_close_object();
}

static int event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nl *nl = data;
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	struct trunk t = { 0 };

	if (!genl_msg_ok(nlh, nl->family) || genl->cmd != ETRUNK_CMD_EVENT)
		return MNL_CB_OK;
	parse_trunk(nlh, &t);
	if (json)
		print_event_json(&t);
	else
		print_event_plain(&t);
	free(t.members);
	/* One event, one line, at once: readers follow the output live. */
	fflush(stdout);
	return MNL_CB_OK;
}

static int cmd_monitor(int argc, char **argv)
{
	int rcvbuf = 1 << 20;
	struct nl nl;
	int err;

	if (argc)
		usage_error("monitor takes no arguments, not '%s'", argv[0]);
	nl_start(&nl);
	err = nl_join_events(&nl);
	if (err == -ENOENT) {
		fputs("etrunkctl: the etrunk family has no \"" ETRUNK_MCGRP_EVENTS
		      "\" group\n", stderr);
		return EXIT_FAIL;
	}
	if (err)
		nl_fail(&nl, err);
	/* Room for bursts (a trunk deleted with all its members); the
	 * kernel caps it at net.core.rmem_max.
	 */
	setsockopt(mnl_socket_get_fd(nl.sock), SOL_SOCKET, SO_RCVBUF, &rcvbuf,
		   sizeof(rcvbuf));
	json_init(stdout, false);
	for (;;) {
		ssize_t n = mnl_socket_recvfrom(nl.sock, nl.rbuf, NL_RECV_SIZE);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				/* The sequence numbers show how many. */
				fputs("etrunkctl: events lost: receive buffer full\n",
				      stderr);
				continue;
			}
			fprintf(stderr, "etrunkctl: %s\n", strerror(errno));
			return EXIT_FAIL;
		}
		mnl_cb_run(nl.rbuf, n, 0, 0, event_cb, &nl);
	}
}

/* ---- main ----------------------------------------------------------- */

static void usage(FILE *f)
{
	fputs("Usage: etrunkctl [OPTIONS] COMMAND\n"
	      "\n"
	      "       etrunkctl [-j [-p]] show [TRUNK]\n"
	      "       etrunkctl set TRUNK [ mode MODE ] [ hash_policy POLICY ]\n"
	      "                           [ min_links N ] [ max_links N ]\n"
	      "       etrunkctl [-j [-p]] member show MEMBER\n"
	      "       etrunkctl member set MEMBER [ priority N ] [ master { on | off } ]\n"
	      "                                   [ admin { up | down } ]\n"
	      "       etrunkctl [-j] monitor\n"
	      "       etrunkctl help\n"
	      "\n"
	      "OPTIONS := { -j[son] | -p[retty] | -V[ersion] | -h[elp] }\n"
	      "MODE := loadbalance\n"
	      "POLICY := { layer2 | layer2+3 | layer3+4 | encap2+3 | encap3+4 }\n"
	      "N: min_links, max_links 0 to 256 (max_links 0: no limit);\n"
	      "   priority 0 to 65535, lower is preferred\n"
	      "\n"
	      "Member states: down, active, standby. Reasons: - (none), dev-down,\n"
	      "no-carrier, admin, max-links. Events: member-added, member-removed,\n"
	      "member-state, active, trunk-changed. See etrunkctl(8).\n", f);
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "pretty", no_argument, NULL, 'p' },
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+jpVh", options, NULL)) != -1) {
		switch (c) {
		case 'j':
			json = true;
			break;
		case 'p':
			json = true;
			pretty = true;
			break;
		case 'V':
			printf("etrunkctl %s (generic netlink family \"%s\" version %d)\n",
			       ETRUNKCTL_VERSION, ETRUNK_GENL_NAME,
			       ETRUNK_GENL_VERSION);
			return 0;
		case 'h':
			usage(stdout);
			return 0;
		default:
			if (optopt)
				usage_error("unknown option '-%c'", optopt);
			usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage_error("no command");
	cmd = argv[0];
	argc--;
	argv++;

	if (!strcmp(cmd, "show"))
		return cmd_show(argc, argv);
	if (!strcmp(cmd, "set"))
		return cmd_set(argc, argv);
	if (!strcmp(cmd, "monitor"))
		return cmd_monitor(argc, argv);
	if (!strcmp(cmd, "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(cmd, "member")) {
		if (argc < 1)
			usage_error("member needs 'show' or 'set'");
		if (!strcmp(argv[0], "show"))
			return cmd_member_show(argc - 1, argv + 1);
		if (!strcmp(argv[0], "set"))
			return cmd_member_set(argc - 1, argv + 1);
		usage_error("unknown member command '%s'", argv[0]);
	}
	usage_error("unknown command '%s'", cmd);
}
