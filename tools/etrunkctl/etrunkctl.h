/* SPDX-License-Identifier: GPL-2.0 */
/*
 * etrunkctl.h - what the files of etrunkctl share: the parsed messages
 * (struct trunk, struct member, ...), the text table and line printers,
 * the argument parsers and a SET request's values (struct set_args), and
 * one entry point per object for the command table of etrunkctl.c.
 *
 * Exit status: 0 on success, EXIT_FAIL if the kernel (or the system)
 * refused, with one line on stderr, EXIT_USAGE on a usage error.
 */
#ifndef ETRUNKCTL_H
#define ETRUNKCTL_H

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <linux/etrunk.h>

#include "../etrunk_names.h"
#include "../etrunk_opts.h"
#include "json.h"
#include "nl.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define EXIT_FAIL 1
#define EXIT_USAGE 2

#define NAMES(tbl) tbl, ARRAY_SIZE(tbl)

#define HAS(s, attr) (((s)->has >> (attr)) & 1u)
#define BIT64(n) ((uint64_t)1 << (n))

/* One end of a link as a LACPDU describes it (ETRUNK_LACP_A_ACTOR_*). */
struct lacp_port {
	uint16_t system_prio;
	uint8_t system[6];
	uint16_t key;
	uint16_t port_prio;
	uint16_t port;
	uint8_t state;
};

/* ETRUNK_MEMBER_A_LACP */
struct lacp_member {
	uint8_t rx_state;
	uint8_t mux_state;
	struct lacp_port actor;
	struct lacp_port partner;
	unsigned int stats_has;	/* bit ETRUNK_LACP_A_x of the counters */
	uint64_t stats[ETRUNK_LACP_A_MAX + 1];
	uint8_t selected;
	uint8_t actor_churn;
	uint8_t partner_churn;
	uint32_t actor_churns;
	uint32_t partner_churns;
};

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
	uint16_t lacp_port_prio;
	uint8_t lacp_active;
	struct lacp_member lacp;
};

/* An IPv4 (4 bytes) or IPv6 (16 bytes) address, network order. */
struct addr {
	uint8_t len;
	uint8_t a[16];
};

/* An E-Trunk binding (ETRUNK_A_BINDING, ETRUNK_GROUP_A_TRUNK). */
struct ebinding {
	uint32_t has;	/* bit ETRUNK_BIND_A_x */
	uint32_t ifindex, group, id, remote_id;
	uint32_t revert_ms;	/* revert-wait: ms left */
	char ifname[IFNAMSIZ];
	uint8_t mode, basis, role, reason;
};

/*
 * A trunk message, a GET_MEMBER reply, an event or a flush-receive port
 * (GET_FLUSH_RX reply).
 */
struct trunk {
	uint64_t has;		/* bit ETRUNK_A_x: attribute present */
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
	/* mode backup */
	uint8_t revertive;
	uint8_t grat_arp;
	uint8_t flush_count;
	uint8_t flush_key_set;
	uint8_t flush_rx;
	uint8_t probe_missed;
	uint8_t switchover_reason;
	uint16_t flush_interval;
	uint32_t revert_delay;
	uint32_t probe_interval;
	uint32_t active_member;		/* ifindex, 0: none */
	uint32_t switchovers;
	uint64_t switchover_age;	/* ms */
	struct addr probe_targets[ETRUNK_MAX_PROBE_TARGETS];
	unsigned int n_probe_targets;
	unsigned int flush_stats_has;	/* bit ETRUNK_FLUSH_STATS_A_x */
	uint64_t flush_stats[ETRUNK_FLUSH_STATS_A_MAX + 1];
	/* mode lacp */
	uint16_t lacp_system_prio;
	uint8_t lacp_system[6];
	uint16_t lacp_key;
	uint16_t lacp_port_offset;
	uint8_t lacp_rate;
	uint8_t lacp_role;
	uint8_t lacp_select;
	uint8_t lacp_preempt;
	uint32_t lacp_preempt_delay;
	/* flush-receive port: ETRUNK_A_FLUSH_VLANS, none (or absent): all */
	uint16_t vlans[ETRUNK_FLUSH_MAX_VLANS];
	unsigned int n_vlans;
	struct ebinding binding;	/* ETRUNK_A_BINDING */
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

#define COLUMNS 16

struct table {
	const char *head[COLUMNS];
	unsigned int ncol;
	unsigned int nrow;
	char (*cell)[COLUMNS][40];
	size_t width[COLUMNS];
};

/* Fields of one line, ", " between them; the line ends with line_end(). */
struct line {
	const char *sep;	/* before the next field */
};

/* A SET request's values, parsed before the kernel is asked anything. */
#define SET_ARGS_MAX 63
_Static_assert(ETRUNK_A_MAX <= SET_ARGS_MAX &&
	       ETRUNK_MEMBER_A_MAX <= SET_ARGS_MAX, "seen is 64 bits");

struct set_args {
	uint64_t seen;	/* bit ETRUNK_A_x or ETRUNK_MEMBER_A_x */
	uint8_t u8[SET_ARGS_MAX + 1];
	uint16_t u16[SET_ARGS_MAX + 1];
	uint32_t u32[SET_ARGS_MAX + 1];
	/* ETRUNK_A_FLUSH_KEY, ETRUNK_A_PROBE_TARGETS, ETRUNK_A_FLUSH_VLANS */
	uint8_t key[ETRUNK_FLUSH_KEY_MAX];
	unsigned int key_len;
	struct addr targets[ETRUNK_MAX_PROBE_TARGETS];
	unsigned int n_targets;
	uint16_t vlans[ETRUNK_FLUSH_MAX_VLANS];
	unsigned int n_vlans;
	uint8_t mac[6];		/* ETRUNK_A_LACP_SYSTEM */
	char mac_end;
};

/* An option of tools/etrunk_opts.h, as etrunkctl spells it. */
#define ctl_opt(arg, opt)	etrunk_opt_is(arg, opt, false)

/* -j and -p */
extern bool json;
extern bool pretty;

void __attribute__((format(printf, 1, 2), noreturn))
usage_error(const char *fmt, ...);
void __attribute__((noreturn)) nl_fail(const struct nl *nl, int err);
void __attribute__((noreturn)) out_of_memory(void);
void __attribute__((format(printf, 2, 3)))
line_add(struct line *l, const char *fmt, ...);

/* common.c */
const char *addr_str(const struct addr *p, char *buf, size_t len);
unsigned int attr_known(const struct nlattr *a,
			const enum mnl_attr_data_type *types,
			unsigned int max);
void copy_name(char *dst, const struct nlattr *a);
const char *enum_str(const char *const *tbl, size_t n, unsigned int v,
		     char *buf, size_t len);
bool genl_msg_ok(const struct nlmsghdr *nlh, uint16_t family);
void get_addr(const struct nlattr *a, struct addr *p);
bool get_mac(const struct nlattr *a, uint8_t mac[6]);
void json_enum(const char *key, const char *const *tbl, size_t n,
	       unsigned int v);
void line_end(const struct line *l);
const char *mac_str(const uint8_t *a, char *buf, size_t len);
const char *ms_str(uint32_t us, char *buf, size_t len);
void nl_start(struct nl *nl);
const char *secs2_str(uint64_t ms, char *buf, size_t len);
const char *secs_str(uint64_t ms, char *buf, size_t len);
void table_init(struct table *tb, unsigned int rows,
		const char *const *head, unsigned int ncol);
void table_print(struct table *tb, const char *indent);
void table_set(struct table *tb, unsigned int row, unsigned int col,
	       const char *s);
void save_str(const char *key, const char *value);
void save_uint(const char *key, uint64_t value);
void save_addr(const char *key, const struct addr *a);

/* trunk.c */
const char *active_name(const struct trunk *t, char *buf, size_t len);
int cmd_set(int argc, char **argv);
int cmd_show(int argc, char **argv);
void fetch_list(uint8_t cmd, int argc, char **argv,
		struct trunk_list *l);
void json_trunk_fields(const struct trunk *t);
void parse_trunk(const struct nlmsghdr *nlh, struct trunk *t);
int trunk_list_cb(const struct nlmsghdr *nlh, void *data);
void trunk_list_free(struct trunk_list *l);

/* member.c */
int cmd_member(int argc, char **argv);
void json_member(const char *key, const struct member *m,
		 const struct trunk *trunk);
void print_members_plain(const struct trunk *t);
const char *member_name(const struct member *m, char *buf, size_t len);
void member_row(struct table *tb, unsigned int row, unsigned int col,
		const struct member *m);
void parse_member(const struct nlattr *nest, struct member *m);

/* lacp.c */
void json_lacp_fields(const struct trunk *t);
void json_lacp_member(const struct lacp_member *l);
void parse_lacp_member(const struct nlattr *nest, struct lacp_member *l);
void print_lacp_event(const struct lacp_member *l);
void print_lacp_plain(const struct trunk *t);

/* flush.c */
int cmd_flush_receive(int argc, char **argv);
void json_flush_stats(const struct trunk *t);
void print_flush_stats_plain(const struct trunk *t, bool with_tx);

/* egroup.c */
int cmd_egroup(int argc, char **argv);
void json_ebinding_fields(const struct ebinding *t, bool trunk);
void parse_ebinding(const struct nlattr *nest, struct ebinding *b);
void print_binding_plain(const struct ebinding *b);
void print_egroup_event(const struct nlmsghdr *nlh,
			const struct trunk *t);

/* args.c */
bool given(const struct set_args *a, unsigned int attr);
bool matches(const char *arg, const char *name, const char *alias);
void once(struct set_args *a, unsigned int attr, const char *key);
bool parse_bool(const char *key, const char *s, const char *yes,
		const char *no);
uint8_t parse_enum(const char *key, const char *s,
		   const char *const *tbl, size_t n);
unsigned int parse_key(const char *key, const char *s, uint8_t *out);
unsigned int parse_list(const char *key, const char *s,
			const char *none, unsigned int max,
			void (*fn)(const char *key, const char *item,
				   unsigned int i, void *out),
			void *out);
uint32_t parse_ms(const char *key, const char *s, uint32_t min,
		  uint32_t max);
uint32_t parse_range(const char *key, const char *s, uint32_t min,
		     uint32_t max, const char *unit);
void parse_target(const char *key, const char *item, unsigned int i,
		  void *out);
uint32_t parse_uint(const char *key, const char *s, uint32_t max);
void parse_vid(const char *key, const char *item, unsigned int i,
	       void *out);
void put_name(struct nlmsghdr *nlh, uint16_t type, const char *name);
void put_set_args(struct nlmsghdr *nlh, const struct set_args *a,
		  const enum mnl_attr_data_type *types, unsigned int max);
void put_set_extra(struct nlmsghdr *nlh, const struct set_args *a);
void set_key(struct set_args *a, const char *key, const char *val);
const char *value_of(int argc, char **argv, int i);

/* monitor.c */
int cmd_monitor(int argc, char **argv);

/* bfd.c */
int cmd_bfd(int argc, char **argv);
void print_bfd_event(const struct nlmsghdr *nlh, const struct trunk *t);

/* rbs.c */
int cmd_rbs(int argc, char **argv);
int cmd_rbp(int argc, char **argv);
void print_rb_event(const struct nlmsghdr *nlh, const struct trunk *t);

/* obj.c: E-Trunk groups, BFD sessions, RBS services and RBP profiles */
struct obj_type {
	uint16_t attr;		/* ETRUNK_A_x: the nest of one object */
	uint8_t get_cmd;	/* ETRUNK_CMD_GET_x */
	size_t size;		/* of the parsed object */
	/* The name (or ID) of the command line into the nest. */
	void (*put_name)(struct nlmsghdr *nlh, const char *name);
	void (*parse)(const struct nlattr *nest, void *obj);
	void (*print)(const void *obj);
	void (*json)(const void *obj);	/* the fields of its object */
	void (*release)(void *obj);	/* may be NULL */
	void (*save)(const void *obj);	/* its command lines */
};

void *grow(void *v, unsigned int n, unsigned int *cap, unsigned int first,
	   size_t size);
struct nlattr *obj_request(struct nl *nl, struct nlmsghdr **nlh,
			   const struct obj_type *type, uint8_t cmd,
			   uint16_t flags, const char *name);
int obj_send(struct nl *nl, struct nlmsghdr *nlh, struct nlattr *nest);
int obj_show(const struct obj_type *type, const char *name);
int obj_del(const struct obj_type *type, uint8_t cmd, const char *name);
void obj_save(const struct obj_type *type);
size_t obj_key(const struct obj_type *type, uint8_t cmd, const char *name,
	       uint16_t key_attr, uint8_t *buf, size_t size);
/* save -o FILE: read the keys and write them too */
extern bool save_keys;
extern const struct obj_type bfd_type, egroup_type, rbs_type, rbp_type;

/* config.c */
int cmd_save(int argc, char **argv);

/* link.c: the devices, through rtnetlink */
int cmd_add(int argc, char **argv);
int cmd_del(int argc, char **argv);
int cmd_member_add(int argc, char **argv);
int cmd_member_del(int argc, char **argv);

/* apply.c */
int cmd_apply(int argc, char **argv);

/* etrunkctl.c: one command line, as given after the options; a line of
 * a file split into at most BATCH_WORDS words (-1: a bad quote or too
 * many words).
 */
#define BATCH_WORDS 128
int run(int argc, char **argv);
int split_line(char *line, char **argv);

#endif
