/* SPDX-License-Identifier: GPL-2.0 */
/*
 * E-Trunk groups: the configuration etrunkd reads (per network
 * namespace), the member trunks bound to each group, and the state the
 * daemon writes back (roles, the peer). See "E-Trunk groups" in
 * uapi/linux/etrunk.h.
 */
#ifndef _ETRUNK_GROUP_H
#define _ETRUNK_GROUP_H

#include <linux/etrunk.h>
#include <linux/in6.h>
#include <linux/list.h>
#include <net/genetlink.h>

struct etrunk;
struct etrunk_bfd;

/**
 * struct etrunk_group - one E-Trunk group of a namespace
 * @id: 1 to ETRUNK_GROUP_MAX.
 * @priority: lower wins.
 * @system: the system ID.
 * @addr_len: 4 (IPv4) or 16 (IPv6): the length of every address below.
 * @peer: the peer's address.
 * @source: ours.
 * @liveness: the backup-liveness address, if @has_liveness.
 * @has_liveness: whether one is set.
 * @port: UDP port of hellos.
 * @key: the hello key, @key_len bytes (0: none).
 * @key_len: its length.
 * @hello_interval: ms.
 * @hold_mult: hello intervals without a hello until the peer is down.
 * @revert_delay: s.
 * @descr: the description, NUL-terminated.
 * @peer_state: enum etrunk_peer_state, written by the daemon.
 * @hellos_tx: the daemon's counters.
 * @hellos_rx: likewise.
 * @auth_failures: likewise.
 * @replays: likewise.
 * @role_changes: likewise.
 * @drops: likewise.
 * @bindings: the bound member trunks, struct etrunk_binding, in bind order.
 * @n_bindings: how many.
 * @bfd_bound: the configured BFD session the group is bound to, or NULL.
 * @bfd_owned: the group's own BFD session (ETRUNK_GROUP_A_BFD 1), or NULL.
 * @bfd_min_tx: us, for @bfd_owned.
 * @bfd_min_rx: likewise.
 * @bfd_mult: likewise.
 */
struct etrunk_group {
	u32 id;
	u8 priority;
	u8 system[ETH_ALEN];
	u8 addr_len;
	u8 peer[16];
	u8 source[16];
	u8 liveness[16];
	bool has_liveness;
	u16 port;
	u8 key[ETRUNK_GROUP_KEY_MAX];
	u8 key_len;
	u32 hello_interval;
	u8 hold_mult;
	u32 revert_delay;
	char descr[ETRUNK_GROUP_DESCR_MAX + 1];
	u8 peer_state;
	u64 hellos_tx;
	u64 hellos_rx;
	u64 auth_failures;
	u64 replays;
	u64 role_changes;
	u64 drops;
	struct list_head bindings;
	unsigned int n_bindings;
	struct etrunk_bfd *bfd_bound;
	struct etrunk_bfd *bfd_owned;
	u32 bfd_min_tx;
	u32 bfd_min_rx;
	u8 bfd_mult;
};

/**
 * struct etrunk_binding - a member trunk bound to a group
 * @list: in the group's @bindings.
 * @group: the group.
 * @et: the trunk; its @binding points back here.
 * @mode: enum etrunk_egroup_mode.
 * @basis: enum etrunk_egroup_basis.
 * @role: enum etrunk_egroup_role, written by the daemon.
 * @reason: enum etrunk_egroup_reason, with @role.
 * @id: the member trunk's E-Trunk id, unique in @group.
 * @remote_id: the peer's member trunk id, if @has_remote_id.
 * @has_remote_id: whether one is set.
 * @revert_at: jiffies when the revert wait ends, with reason revert-wait.
 */
struct etrunk_binding {
	struct list_head list;
	struct etrunk_group *group;
	struct etrunk *et;
	u8 mode;
	u8 basis;
	u8 role;
	u8 reason;
	u32 id;
	u32 remote_id;
	bool has_remote_id;
	unsigned long revert_at;
};

/* Per namespace, in struct etrunk_net: the groups by id - 1, under its
 * store lock.
 */
struct etrunk_groups {
	struct etrunk_group *group[ETRUNK_GROUP_MAX];
};

extern const struct nla_policy etrunk_group_policy[ETRUNK_GROUP_A_MAX + 1];
extern const struct nla_policy etrunk_binding_policy[ETRUNK_BIND_A_MAX + 1];

int etrunk_genl_new_group(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_set_group(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_del_group(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_get_group(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_dump_groups(struct sk_buff *skb, struct netlink_callback *cb);
int etrunk_genl_bind_trunk(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_set_binding(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_unbind_trunk(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_set_role(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_set_group_state(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_get_group_key(struct sk_buff *skb, struct genl_info *info);

/* The ETRUNK_BIND_A_* nest @type of a binding, and its size. */
int etrunk_binding_put(struct sk_buff *skb, int type,
		       const struct etrunk_binding *b);
size_t etrunk_binding_size(void);
/* RTNL: whether the trunk may take @mode (a bound one stays lacp/backup). */
bool etrunk_group_mode_ok(const struct etrunk *et, u8 mode);
/* RTNL and the store lock, binding.c: @b unbound from its group and freed
 * (with its event).
 */
void etrunk_unbind(struct etrunk_binding *b);
/* The store lock: the group of a request's id attribute, or NULL (told in
 * extack).
 */
struct etrunk_group *etrunk_group_find(struct genl_info *info,
				       struct nlattr *id);
/* Refuse an attribute of @tb outside @allowed, telling who writes it:
 * @config_cmd of one in @config, else @other_cmd.
 */
int etrunk_group_only(struct nlattr **tb, int max, unsigned long allowed,
		      unsigned long config, const char *config_cmd,
		      const char *other_cmd, struct netlink_ext_ack *extack);
/* The store lock: event ETRUNK_EVENT_GROUP_CHANGED of @g. */
void etrunk_group_changed(struct net *net, struct etrunk_group *g);
/* The namespace goes: free its groups. */
void etrunk_groups_exit(struct etrunk_groups *gs);
int etrunk_group_init(void);
void etrunk_group_exit(void);

#endif /* _ETRUNK_GROUP_H */
