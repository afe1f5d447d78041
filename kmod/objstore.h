/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The store of the per-namespace configuration objects of the genetlink
 * family: E-Trunk groups, BFD sessions, remote backup services and
 * profiles. One implementation of what they share (lookup by name, the
 * GET reply, the dump, the event, the GET_*_KEY reply), with a type of
 * callbacks per object; each object's file keeps its attributes, policy,
 * parse, check, apply and put.
 *
 * The store of a namespace has a lock of its own, struct etrunk_net's
 * store_lock (etrunk_store_lock()): every lookup, GET, dump and event of
 * its objects and every write to them runs under it. A command whose
 * write touches a netdev or a trunk (creating a BFD session on a device,
 * a profile on a trunk, binding a trunk, a role applied to a trunk) takes
 * RTNL first, then the store lock: the lock order is RTNL -> store lock ->
 * the event lock. The daemon's state and counter writes (SET_GROUP_STATE,
 * SET_BFD_STATE, SET_RBS_STATE, SET_RBP_STATE), GETs and dumps take the
 * store lock alone: what their messages show of a device (its name, a
 * trunk's binding) is read under RCU or kept by the store lock, whose
 * holders remove the objects of a device that goes (NETDEV_UNREGISTER,
 * under RTNL and the store lock).
 */
#ifndef _ETRUNK_OBJSTORE_H
#define _ETRUNK_OBJSTORE_H

#include <linux/list.h>
#include <linux/lockdep.h>
#include <net/genetlink.h>

#include "genetlink.h"

/**
 * struct etrunk_obj_type - what the store knows of one kind of object
 * @list_offset: of the object's struct list_head in its namespace's list
 *     (etrunk_obj_lookup(), etrunk_obj_dump()); unused by an object kept
 *     otherwise.
 * @name_offset: of the object's NUL-terminated name (etrunk_obj_lookup()).
 * @not_found: the extack message of a name that is not there.
 * @get_cmd: the command of GET replies and dump messages.
 * @key_cmd: the GET_*_KEY command, whose reply is @put_key's; 0: none.
 * @size: room for @put (@event false) or @put_event (@event true).
 * @put: the object's nest in GET replies and dumps.
 * @put_event: its nest in events; NULL: @put.
 * @dump_brief: a dump puts an object that @put does not fit into an empty
 *     message with @put_event (whose GET reply has it all).
 * @put_key: the nest of @key_cmd's reply: the name (or id) and the key.
 * @key_id_len: room for @put_key: the name's (or id's) longest...
 * @key_max: ...and the key's.
 */
struct etrunk_obj_type {
	size_t list_offset;
	size_t name_offset;
	const char *not_found;
	u8 get_cmd;
	u8 key_cmd;
	size_t (*size)(const void *obj, bool event);
	etrunk_genl_put_t put;
	etrunk_genl_put_t put_event;
	bool dump_brief;
	etrunk_genl_put_t put_key;
	int key_id_len;
	int key_max;
};

void etrunk_store_lock(struct net *net);
void etrunk_store_unlock(struct net *net);
void etrunk_store_lock_rtnl(struct net *net);
void etrunk_store_unlock_rtnl(struct net *net);
void etrunk_store_assert(struct net *net);

void *etrunk_obj_lookup(const struct etrunk_obj_type *type,
			const struct list_head *list, const char *name);
void *etrunk_obj_find(const struct etrunk_obj_type *type,
		      const struct list_head *list, const struct nlattr *name,
		      struct netlink_ext_ack *extack);
struct sk_buff *etrunk_obj_reply(struct genl_info *info,
				 const struct etrunk_obj_type *type,
				 const void *obj, u8 cmd);
int etrunk_obj_dump_one(struct sk_buff *skb, struct netlink_callback *cb,
			const struct etrunk_obj_type *type, const void *obj);
int etrunk_obj_dump(struct sk_buff *skb, struct netlink_callback *cb,
		    const struct etrunk_obj_type *type,
		    const struct list_head *list);
void etrunk_obj_event(struct net *net, const struct etrunk_obj_type *type,
		      const void *obj, u8 event);

#endif /* _ETRUNK_OBJSTORE_H */
