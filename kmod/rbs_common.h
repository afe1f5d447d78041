/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What services (rbs.c) and profiles (rbp.c) share: a service as a
 * profile sees it, the namespace's lists, and the parse of a request's
 * nest. Under the store lock (objstore.h).
 */
#ifndef _ETRUNK_RBS_COMMON_H
#define _ETRUNK_RBS_COMMON_H

#include <linux/etrunk.h>
#include <linux/list.h>
#include <net/genetlink.h>

/**
 * struct etrunk_rbs_conf - what NEW_RBS and SET_RBS write
 * @addr_len: 4 (IPv4) or 16 (IPv6), of @peer.
 * @source_len: likewise, of @source; equal to @addr_len once checked.
 * @peer: the peer's address.
 * @source: ours.
 * @port: the TCP port.
 * @key_len: the key's length, 0: none.
 * @key: the HMAC-SHA256 key.
 * @hold_time: s.
 * @keepalive: ms.
 * @max_entries: the most entries installed from the peer.
 * @descr: NUL-terminated, "" if none.
 */
struct etrunk_rbs_conf {
	u8 addr_len;
	u8 source_len;
	u8 peer[16];
	u8 source[16];
	u16 port;
	u8 key_len;
	u8 key[ETRUNK_RBS_KEY_MAX];
	u32 hold_time;
	u32 keepalive;
	u32 max_entries;
	char descr[ETRUNK_RBS_DESCR_MAX + 1];
};

/**
 * struct etrunk_rbs - one remote backup service of a namespace
 * @list: in struct etrunk_rbs_net, in creation order.
 * @name: NUL-terminated.
 * @conf: the configuration.
 * @n_profiles: the profiles that use it.
 * @state: what etrunkd writes (SET_RBS_STATE), from here on.
 * @changed: jiffies of the last change of @state, if @has_changed.
 * @has_changed: whether @state ever changed.
 * @connects: likewise.
 * @auth_failures: likewise.
 * @errors: likewise.
 * @sync_duration: ms, of the last full sync, if @synced.
 * @synced_at: jiffies when it was written.
 * @synced: whether etrunkd wrote a sync.
 */
struct etrunk_rbs {
	struct list_head list;
	char name[ETRUNK_RBS_NAME_MAX + 1];
	struct etrunk_rbs_conf conf;
	unsigned int n_profiles;
	u8 state;
	u64 changed;
	bool has_changed;
	u64 connects;
	u64 auth_failures;
	u64 errors;
	u32 sync_duration;
	u64 synced_at;
	bool synced;
};

/* Per namespace, under its store lock (objstore.h). */
struct etrunk_rbs_net {
	struct list_head services;
	struct list_head profiles;
	unsigned int n_services;
	unsigned int n_profiles;
};

#define ETRUNK_RBS_RO(attr) \
	{ .type = NLA_REJECT, .reject_message = #attr " is read-only" }

/* The name attribute is 2 in both. */
#define ETRUNK_RBS_NAME_ONLY BIT_ULL(ETRUNK_RBS_A_NAME)

/**
 * struct etrunk_rbs_kind - what tells services and profiles apart in the
 *     common code
 * @nest: ETRUNK_A_RBS or ETRUNK_A_RBP.
 * @maxtype: the nest's highest attribute.
 * @policy: the nest's policy.
 * @config: the attributes NEW and SET take.
 * @nest_required: "ETRUNK_A_RBS is required" and the like.
 * @name_required: likewise, of the name.
 * @config_cmd: the message of a configuration attribute elsewhere.
 * @state_cmd: the message of a state attribute elsewhere.
 * @name_only: the message of any other attribute in DEL, GET, GET_KEY.
 * @not_found: the message of an unknown name.
 */
struct etrunk_rbs_kind {
	int nest;
	int maxtype;
	const struct nla_policy *policy;
	u64 config;
	const char *nest_required;
	const char *name_required;
	const char *config_cmd;
	const char *state_cmd;
	const char *name_only;
	const char *not_found;
};

struct etrunk_rbs_net *etrunk_rbs_net(const struct net *net);
struct etrunk_rbs *etrunk_rbs_lookup(struct etrunk_rbs_net *rn,
				     const char *name);
int etrunk_rbs_parse(struct genl_info *info, const struct etrunk_rbs_kind *k,
		     struct nlattr **tb, u64 allowed);
/* rbp.c: the profiles of a namespace that is going, freed. */
void etrunk_rbp_net_exit(struct etrunk_rbs_net *rn);

#endif /* _ETRUNK_RBS_COMMON_H */
