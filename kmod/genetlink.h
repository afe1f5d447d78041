/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic netlink family "etrunk": configuration, state and events.
 */
#ifndef _ETRUNK_GENETLINK_H
#define _ETRUNK_GENETLINK_H

#include <linux/mutex.h>
#include <net/genetlink.h>

#include "bfd.h"
#include "etrunk_group.h"

struct etrunk;
struct etrunk_member;

/**
 * struct etrunk_net - the module's state of a network namespace
 * @event_seq: the sequence number of the last event, under
 *     etrunk_genl_event_lock.
 * @store_lock: the lock of the namespace's object store (objstore.h): its
 *     E-Trunk groups and their bindings, BFD sessions, remote backup
 *     services and profiles. Taken after RTNL where a command holds both.
 * @groups: its E-Trunk groups (etrunk_group.c), under @store_lock.
 * @bfds: its BFD sessions (bfd.c), under @store_lock.
 */
struct etrunk_net {
	u32 event_seq;
	/* the object store's: RTNL -> store_lock -> etrunk_genl_event_lock */
	struct mutex store_lock;
	struct etrunk_groups groups;
	struct etrunk_bfds bfds;
};

extern struct genl_family etrunk_genl_family;

struct etrunk_net *etrunk_net(const struct net *net);
struct etrunk *etrunk_genl_trunk(struct genl_info *info);
int etrunk_genl_dump_check(struct netlink_callback *cb);
int etrunk_genl_put_ids(struct sk_buff *skb, const struct etrunk *et);
/* Around an event's sequence number and its sending (genl_family.c);
 * taken last, after RTNL, a store lock or a trunk's lock.
 */
extern struct mutex etrunk_genl_event_lock;
void *etrunk_genl_event_begin(struct net *net, u8 event, size_t size,
			      struct sk_buff **skbp);
void etrunk_genl_event_end(struct net *net, struct sk_buff *skb, void *hdr);
void etrunk_genl_event_cancel(struct net *net, struct sk_buff *skb);

/* Puts one object's nest (a group, BFD session, service or profile). */
typedef int (*etrunk_genl_put_t)(struct sk_buff *skb, struct net *net,
				 const void *obj);

struct sk_buff *etrunk_genl_reply_new(struct genl_info *info, u8 cmd,
				      size_t size, etrunk_genl_put_t put,
				      const void *obj);
int etrunk_genl_reply_send(struct genl_info *info, struct sk_buff *msg);
void etrunk_genl_event(struct net *net, u8 event, size_t size,
		       etrunk_genl_put_t put, const void *obj);
int etrunk_genl_dump_one(struct sk_buff *skb, struct netlink_callback *cb,
			 u8 cmd, etrunk_genl_put_t put, const void *obj);
int etrunk_genl_put_key(struct sk_buff *skb, int nest, int id_type,
			int id_len, const void *id, int key_type,
			int key_len, const void *key);

/* Room for etrunk_genl_put_key(). */
static inline size_t etrunk_genl_key_size(int id_len, int key_max)
{
	return nla_total_size(nla_total_size(id_len) + nla_total_size(key_max));
}

struct net_device *etrunk_genl_dev(struct net *net, struct nlattr *ifindex,
				   struct nlattr *ifname,
				   struct netlink_ext_ack *extack);

/* genl_family.c: the family, its registration and the namespaces' state. */
enum etrunk_mcgrp { ETRUNK_MCGRP_EVENTS_ID };
extern const struct nla_policy etrunk_member_genl_policy[ETRUNK_MEMBER_A_MAX + 1];
int etrunk_genl_pernet_init(void);
void etrunk_genl_pernet_exit(void);
int etrunk_genl_register(void);
void etrunk_genl_unregister(void);
/* Events can be sent (the family is registered): a hint without
 * etrunk_genl_event_lock, the answer under it.
 */
bool etrunk_genl_is_up(void);

/* genetlink.c: the trunk and member commands. */
int etrunk_genl_get_trunk(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_dump_trunks(struct sk_buff *skb, struct netlink_callback *cb);
int etrunk_genl_set_trunk(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_get_member(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_set_member(struct sk_buff *skb, struct genl_info *info);

/* Under the trunk's lock, with or without RTNL. */
void etrunk_genl_member_event(struct etrunk_member *m, u8 event);
void etrunk_genl_trunk_event(struct etrunk *et, u8 event);

#endif /* _ETRUNK_GENETLINK_H */
