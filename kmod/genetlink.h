/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic netlink family "etrunk": configuration, state and events.
 */
#ifndef _ETRUNK_GENETLINK_H
#define _ETRUNK_GENETLINK_H

#include <net/genetlink.h>

#include "bfd.h"
#include "etrunk_group.h"

struct etrunk;
struct etrunk_member;

/**
 * struct etrunk_net - the module's state of a network namespace
 * @event_seq: the sequence number of the last event sent.
 * @groups: its E-Trunk groups (etrunk_group.c).
 * @bfds: its BFD sessions (bfd.c).
 */
struct etrunk_net {
	u32 event_seq;
	struct etrunk_groups groups;
	struct etrunk_bfds bfds;
};

extern struct genl_family etrunk_genl_family;

struct etrunk_net *etrunk_net(const struct net *net);
struct etrunk *etrunk_genl_trunk(struct genl_info *info);
int etrunk_genl_put_ids(struct sk_buff *skb, const struct etrunk *et);
void *etrunk_genl_event_begin(struct net *net, u8 event, size_t size,
			      struct sk_buff **skbp);
void etrunk_genl_event_end(struct net *net, struct sk_buff *skb, void *hdr);

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

int etrunk_genl_init(void);
void etrunk_genl_uninit(void);

void etrunk_genl_member_event(struct etrunk_member *m, u8 event);
void etrunk_genl_trunk_event(struct etrunk *et, u8 event);

#endif /* _ETRUNK_GENETLINK_H */
