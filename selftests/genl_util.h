/* SPDX-License-Identifier: GPL-2.0 */
/*
 * genl_util.h - the helpers the etrunk_genl_* test programs share: a generic
 * netlink socket on the "etrunk" family, the messages of its contract
 * (uapi/linux/etrunk.h) parsed into the structs below, the requests the
 * tests send, the test network and the event group. No kselftest harness
 * here: genl_test.h adds it for the test programs.
 *
 * A request is built with req_new() (or an object's *_req(), which opens
 * the object's nest) and mnl_attr_put_*(); nl_talk() sends it and fills a
 * struct reply with the answers, the errno, the extack message and offset.
 */
#ifndef GENL_UTIL_H
#define GENL_UTIL_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <net/if.h>
#include <libmnl/libmnl.h>
#include <linux/capability.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <linux/etrunk.h>

#define RXBUF_SIZE	65536
#define TXBUF_SIZE	4096
#define MAX_REPLIES	64
#define MAX_MEMBERS	ETRUNK_MAX_MEMBERS
#define MAX_EVENTS	128

struct nl {
	struct mnl_socket *sk;
	unsigned int portid;
	unsigned int seq;
	__u16 family;
	__u32 version;
	__u32 events_grp;
	bool have_events_grp;
	/* CTRL_ATTR_OP_FLAGS of each command, and whether it is listed */
	__u32 op_flags[ETRUNK_CMD_MAX + 1];
	bool op_listed[ETRUNK_CMD_MAX + 1];
	size_t rxlen;		/* how much of rx recv() may fill */
	char rx[RXBUF_SIZE];
};

/* What the kernel answered to one request. */
struct reply {
	int err;		/* 0 or a negative errno */
	char msg[256];		/* NLMSGERR_ATTR_MSG, "" if none */
	bool has_offs;
	__u32 offs;		/* NLMSGERR_ATTR_OFFS */
	bool has_miss_type;
	__u32 miss_type;	/* NLMSGERR_ATTR_MISS_TYPE */
	int n;			/* messages before the ACK or DONE */
	struct nlmsghdr *msgs[MAX_REPLIES];
};

struct member {
	bool seen[ETRUNK_MEMBER_A_MAX + 1];
	__u32 ifindex;
	char ifname[IFNAMSIZ];
	__u8 state, reason, master, admin_up;
	__u16 priority;
	__u32 link_failures, speed;
};

/* A trunk message, a GET_MEMBER reply or an event. */
struct trunk {
	__u8 cmd;
	bool seen[ETRUNK_A_MAX + 1];
	char bad[160];		/* the first contract violation, if any */
	__u32 ifindex;
	char ifname[IFNAMSIZ];
	__u8 mode, hash_policy, up, carrier, event;
	__u32 min_links, max_links, active_members, event_seq;
	bool stats_seen[ETRUNK_STATS_A_MAX + 1];
	__u64 stats[ETRUNK_STATS_A_MAX + 1];
	int n_members;
	struct member members[MAX_MEMBERS];	/* ETRUNK_A_MEMBERS */
	struct member member;			/* ETRUNK_A_MEMBER */
	__u8 lacp_system[6];
	__u16 lacp_key;
	__u8 lacp_rate, lacp_role;
	__u8 lacp_select, lacp_preempt;
	__u32 lacp_preempt_delay;
	__u32 group_id;		/* ETRUNK_A_GROUP's ETRUNK_GROUP_A_ID */
	__u32 bind_group;	/* ETRUNK_A_BINDING's group, id and role */
	__u32 bind_id;
	__u8 bind_role;
	__u32 active_member, switchovers;	/* mode backup */
	__u8 switch_reason;
	char bfd_name[32];	/* ETRUNK_A_BFD's name, state, links */
	__u8 bfd_state;
	bool bfd_has_links;
};

struct evlog {
	int n;
	struct trunk ev[MAX_EVENTS];
};

struct binding {
	__u32 ifindex, group, id, remote_id, revert_ms;
	char ifname[IFNAMSIZ];
	bool has_remote_id, has_revert_ms;
	__u8 mode, basis, role, reason;
};

/* A group message (GET_GROUP) or a group event's nest. */
struct group {
	char bad[160];
	bool seen[ETRUNK_GROUP_A_MAX + 1];
	__u32 id, hello_interval, revert_delay;
	__u8 priority, system[6], key_set, hold_mult, peer_state;
	__u8 peer[16], source[16], liveness[16];
	int peer_len, source_len, liveness_len;
	__u16 port;
	char descr[128];
	__u64 counters[ETRUNK_GROUP_A_MAX + 1];
	char bfd_session[32];
	__u8 bfd, bfd_mult;
	__u32 bfd_min_tx, bfd_min_rx;
	int n_trunks;
	struct binding trunks[8];
	bool raw_has_key;	/* the key's bytes appear in the message */
};

struct bfd_link {
	__u32 ifindex, local_discr, peer_discr;
	char ifname[IFNAMSIZ];
	__u8 state, remote_state, diag;
	__u64 ups, downs;
};

/* A BFD session message (GET_BFD) or a BFD event's nest. */
struct bfd {
	char bad[160];
	bool seen[ETRUNK_BFD_A_MAX + 1];
	char name[64], ifname[IFNAMSIZ];
	__u8 type, mult, admin_down, auth_type, auth_key_id, key_set;
	__u8 state, remote_state, diag, remote_diag, remote_mult;
	__u8 peer[16], source[16];
	int peer_len, source_len;
	__u32 ifindex, local_discr, remote_discr, min_tx, min_rx, group;
	__u32 peer_discr, tx_interval, detect_time, remote_min_tx, remote_min_rx;
	__u64 change_age;
	__u64 counters[ETRUNK_BFD_A_MAX + 1];
	int n_links;
	struct bfd_link links[8];
	bool raw_has_key;
};

/* A service or profile message, by attribute type (both under 32). */
struct rbmsg {
	bool seen[32];
	long long val[32];	/* the integers */
	char str[32][72];	/* the strings */
	__u8 bin[32][16];	/* the addresses */
	int len[32];		/* payload lengths */
	__u32 stats_kinds;	/* the kinds in ETRUNK_RBP_A_STATS */
	__u64 stats[ETRUNK_RBP_KIND_MAX + 1][ETRUNK_RBP_KS_A_MAX + 1];
};

/* An event of RBS or RBP: what etrunk_genl's struct trunk does not hold. */
struct rbevent {
	__u8 event;
	__u32 seq;
	__u16 nest;		/* ETRUNK_A_RBS or ETRUNK_A_RBP */
	char name[72];
};

/* the socket, the test network, events (genl_util.c) */
void reply_free(struct reply *r);
int nl_socket(struct nl *nl);
void nl_close(struct nl *nl);
int nl_talk(struct nl *nl, struct nlmsghdr *nlh, struct reply *r);
struct nlmsghdr *req_new(struct nl *nl, char *buf, __u8 cmd,
			 __u16 flags);
__u32 next_offs(const struct nlmsghdr *nlh);
struct nlattr *nest_start(struct nlmsghdr *nlh, __u16 type);
int nl_resolve(struct nl *nl);
int nl_open(struct nl *nl);
int run(const char *fmt, ...);
int write_file(const char *path, const char *s);
int new_netns(void);
int make_trunk(const char *trunk, const char *pfx, const char *peer,
	       int n);
/* The same, on a trunk that exists already unless @create. */
int make_trunk_members(const char *trunk, bool create, const char *pfx,
		       const char *peer, int n);
int del_trunk_members(const char *trunk, const char *pfx, int n);
__u32 ifindex_of(const char *name);
long long now_ms(void);

/*
 * RTNL held for a long stretch by one task, waited for by another: see
 * rtnl_hold_begin() in genl_util.c.
 */
struct rtnl_hold {
	pid_t holder;		/* ip link del of a dummy with its VLANs */
	pid_t waiter;		/* ip link add, waiting for RTNL */
};

/* ms of VLANs made for rtnl_hold_begin(): 1,000 VLANs, made in 4.7 s
 * under TCG, held RTNL 3.3 s in their deletion.
 */
#define RTNL_HOLD_CREATE_MS 8000

int rtnl_hold_begin(struct rtnl_hold *h, int create_ms);
bool rtnl_waits(pid_t pid);
int rtnl_hold_end(struct rtnl_hold *h);

/* What rtnl_held_run() saw. */
struct rtnl_held {
	long long ms;		/* the requests took */
	long long free_ms;	/* RTNL was free that much later */
	bool waiting;		/* the waiter still waited after them */
	int ended;		/* rtnl_hold_end() */
};

int rtnl_held_run(void (*requests)(void *arg), void *arg,
		  struct rtnl_held *res);
int wait_active(struct nl *nl, const char *name, __u32 active);
int cap_net_admin(bool on);
int events_join(struct nl *nl);
int events_read(struct nl *nl, struct evlog *log, int ms,
		bool (*until)(const struct evlog *log, const void *arg),
		const void *arg);
int ev_find(const struct evlog *log, int from, __u8 type,
	    const char *member);

/* Addresses, a system id and a key the tests use (genl_util.c). */
extern const __u8 sys1[6], peer4[4], src4[4], peer6[16], key1[8];

/* trunks and members (genl_trunk.c) */
void parse_trunk(const struct nlmsghdr *nlh, struct trunk *t);
void check_trunk_message(struct trunk *t);
void put_trunk(struct nlmsghdr *nlh, const char *name, __u32 ifindex);
int get_trunk(struct nl *nl, const char *name, __u32 ifindex,
	      struct trunk *t, struct reply *r);
int dump_trunks(struct nl *nl, struct trunk *t, int max, int *n);
int get_member(struct nl *nl, const char *name, __u32 ifindex,
	       struct trunk *t, struct reply *r);
int set_member(struct nl *nl, const char *name, int prio, int master,
	       int admin_up, struct reply *r);
int wait_member(struct nl *nl, const char *name, __u8 state,
		__u8 reason, struct trunk *t);
int make_mode_trunk(struct nl *nl, const char *name, __u8 mode);
int set_mode(struct nl *nl, const char *name, __u8 mode);

/* E-Trunk groups (genl_group.c) */
struct nlattr *group_req(struct nl *nl, char *buf, __u8 cmd, __u32 id,
			 struct nlmsghdr **nlhp);
int new_group(struct nl *nl, __u32 id);
int get_group(struct nl *nl, __u32 id, struct group *g, struct reply *r);
int dump_groups(struct nl *nl, struct group *g, int max, int *n);
__u32 default_bind_id(const char *trunk);
int bind_req(struct nl *nl, __u8 cmd, const char *trunk, __u32 group,
	     __u16 a1, __u8 v1, __u16 a2, __u8 v2, struct reply *r);
int unbind(struct nl *nl, const char *trunk, struct reply *r);

/* BFD sessions (genl_bfd.c) */
struct nlattr *bfd_req(struct nl *nl, char *buf, __u8 cmd,
		       const char *name, struct nlmsghdr **nlhp);
int new_bfd(struct nl *nl, const char *name, bool source);
int new_bfd_dev(struct nl *nl, const char *name, const char *ifname);
int bfd_name_req(struct nl *nl, __u8 cmd, const char *name,
		 struct reply *r);
int get_bfd(struct nl *nl, const char *name, struct bfd *s,
	    struct reply *r);
int dump_bfd(struct nl *nl, struct bfd *s, int max, int *n);
int set_bfd_attr(struct nl *nl, const char *name, __u16 type, int size,
		 __u32 v, struct reply *r);

/* RBS and RBP (genl_rb.c) */
bool rb_from_msg(const struct nlmsghdr *nlh, __u16 attr,
		 struct rbmsg *m);
struct nlattr *rb_req(struct nl *nl, char *buf, __u8 cmd, __u16 attr,
		      const char *name, struct nlmsghdr **nlhp);
int new_rbs(struct nl *nl, const char *name, __u8 peer, __u16 port,
	    struct reply *r);
int new_rbp(struct nl *nl, const char *name, const char *service,
	    __u32 id, const char *trunk, struct reply *r);
int rb_name_req(struct nl *nl, __u8 cmd, const char *name,
		struct reply *r);
int rb_get(struct nl *nl, __u8 cmd, const char *name, struct rbmsg *m);
int rb_events_read(struct nl *nl, struct rbevent *ev, int max, int ms);

#endif /* GENL_UTIL_H */
