/* SPDX-License-Identifier: GPL-2.0 */
/*
 * BFD sessions: the configuration etrunkd runs (per network namespace)
 * and the state it writes back. See "BFD sessions" in
 * uapi/linux/etrunk.h.
 */
#ifndef _ETRUNK_BFD_H
#define _ETRUNK_BFD_H

#include <linux/etrunk.h>
#include <linux/if.h>
#include <linux/list.h>
#include <net/genetlink.h>

struct etrunk_group;

/**
 * struct etrunk_bfd_conf - what NEW_BFD and SET_BFD write
 * @type: enum etrunk_bfd_type.
 * @addr_len: 4 (IPv4) or 16 (IPv6): of @peer, and of @source if set.
 * @source_len: 0 (no source) or @addr_len.
 * @peer: the peer's address.
 * @source: ours.
 * @ifindex: the interface (single hop) or trunk (micro-BFD), 0: none.
 * @local_discr: static (1 to ETRUNK_BFD_STATIC_DISCR_MAX) or dynamic.
 * @remote_discr: the expected peer discriminator, 0: learned.
 * @min_tx: us.
 * @min_rx: us.
 * @mult: Detect Mult.
 * @admin_down: held in AdminDown.
 * @auth_type: enum etrunk_bfd_auth.
 * @auth_key_id: the Auth Key ID.
 * @key_len: the key's length, 0: none.
 * @key: the key.
 */
struct etrunk_bfd_conf {
	u8 type;
	u8 addr_len;
	u8 source_len;
	u8 peer[16];
	u8 source[16];
	int ifindex;
	u32 local_discr;
	u32 remote_discr;
	u32 min_tx;
	u32 min_rx;
	u8 mult;
	bool admin_down;
	u8 auth_type;
	u8 auth_key_id;
	u8 key_len;
	u8 key[ETRUNK_BFD_KEY_MAX];
};

/**
 * struct etrunk_bfd_link - a member's micro-BFD session, as etrunkd wrote it
 * @ifindex: the member.
 * @ifname: its name when written.
 * @state: enum etrunk_bfd_state.
 * @remote_state: likewise, the peer's.
 * @diag: enum etrunk_bfd_diag.
 * @local_discr: the member session's discriminators.
 * @peer_discr: likewise.
 * @ups: its counters.
 * @downs: likewise.
 */
struct etrunk_bfd_link {
	u32 ifindex;
	char ifname[IFNAMSIZ];
	u8 state;
	u8 remote_state;
	u8 diag;
	u32 local_discr;
	u32 peer_discr;
	u64 ups;
	u64 downs;
};

/**
 * struct etrunk_bfd - one BFD session of a namespace
 * @list: in struct etrunk_bfds, in creation order.
 * @name: NUL-terminated.
 * @conf: the configuration.
 * @group: the E-Trunk group that owns the session, 0: configured.
 * @state: what etrunkd writes (ETRUNK_CMD_SET_BFD_STATE), from here on.
 * @remote_state: likewise.
 * @diag: likewise.
 * @remote_diag: likewise.
 * @remote_mult: likewise.
 * @changed: jiffies of the last change of @state.
 * @peer_discr: likewise.
 * @tx_interval: likewise.
 * @detect_time: likewise.
 * @remote_min_tx: likewise.
 * @remote_min_rx: likewise.
 * @counters: ETRUNK_BFD_A_PKTS_TX to ETRUNK_BFD_A_DOWNS, in that order.
 * @n_links: how many @links (micro-BFD).
 * @links: kmalloc'ed array, NULL if none.
 */
struct etrunk_bfd {
	struct list_head list;
	char name[ETRUNK_BFD_NAME_MAX + 1];
	struct etrunk_bfd_conf conf;
	u32 group;
	u8 state;
	u8 remote_state;
	u8 diag;
	u8 remote_diag;
	u8 remote_mult;
	unsigned long changed;
	u32 peer_discr;
	u32 tx_interval;
	u32 detect_time;
	u32 remote_min_tx;
	u32 remote_min_rx;
	u64 counters[ETRUNK_BFD_A_DOWNS - ETRUNK_BFD_A_PKTS_TX + 1];
	unsigned int n_links;
	struct etrunk_bfd_link *links;
};

/* Per namespace, in struct etrunk_net: the sessions, under its store lock. */
struct etrunk_bfds {
	struct list_head list;
	unsigned int n;
};

extern const struct nla_policy etrunk_bfd_policy[ETRUNK_BFD_A_MAX + 1];

int etrunk_genl_new_bfd(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_set_bfd(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_del_bfd(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_get_bfd(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_dump_bfd(struct sk_buff *skb, struct netlink_callback *cb);
int etrunk_genl_set_bfd_state(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_get_bfd_key(struct sk_buff *skb, struct genl_info *info);

/*
 * E-Trunk groups (the store lock): ETRUNK_GROUP_A_BFD_SESSION and
 * ETRUNK_GROUP_A_BFD of a NEW_GROUP (@g NULL) or SET_GROUP request
 * checked, before anything changes: *@bound is the session to bind (NULL:
 * none or no change), *@owned a new session the group is to own
 * (allocated here, not yet listed), or NULL.
 */
int etrunk_bfd_group_check(struct net *net, const struct etrunk_group *g,
			   u32 id, struct nlattr **tb,
			   struct etrunk_bfd **bound, struct etrunk_bfd **owned,
			   struct netlink_ext_ack *extack);
/* After the group took its new configuration: bind, create, update or
 * delete the group's session (with events). Cannot fail.
 */
void etrunk_bfd_group_apply(struct net *net, struct etrunk_group *g,
			    struct nlattr **tb, struct etrunk_bfd *bound,
			    struct etrunk_bfd *owned);
/* The group goes: its own session with it. */
void etrunk_bfd_group_gone(struct net *net, struct etrunk_group *g);
/* The name of a session (for GET_GROUP). */
const char *etrunk_bfd_name(const struct etrunk_bfd *s);

/* The device goes (RTNL and the store lock): the sessions on it with it. */
void etrunk_bfd_netdev_unregister(struct net_device *dev);
void etrunk_bfds_init(struct etrunk_bfds *bs);
/* The namespace goes: free its sessions (after its groups). */
void etrunk_bfds_exit(struct etrunk_bfds *bs);
void etrunk_bfd_module_init(void);

#endif /* _ETRUNK_BFD_H */
