// SPDX-License-Identifier: GPL-2.0
/*
 * The store of the per-namespace configuration objects (see objstore.h):
 * lookup, GET and GET_*_KEY replies, dumps and events of any of them,
 * through its struct etrunk_obj_type.
 */

#include <linux/rtnetlink.h>
#include <linux/string.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "genetlink.h"
#include "objstore.h"

/**
 * etrunk_store_lock - take the store lock of a namespace
 * @net: the namespace
 *
 * The lock of its groups, bindings, BFD sessions, remote backup services
 * and profiles (struct etrunk_net's store_lock). Taken after RTNL by a
 * caller that holds both (etrunk_store_lock_rtnl()); never RTNL under it.
 */
void etrunk_store_lock(struct net *net)
{
	mutex_lock(&etrunk_net(net)->store_lock);
}

/**
 * etrunk_store_unlock - release the store lock of a namespace
 * @net: the namespace
 */
void etrunk_store_unlock(struct net *net)
{
	mutex_unlock(&etrunk_net(net)->store_lock);
}

/**
 * etrunk_store_lock_rtnl - take RTNL, then the store lock of a namespace
 * @net: the namespace
 *
 * For a command whose write touches a netdev or a trunk.
 */
void etrunk_store_lock_rtnl(struct net *net)
{
	rtnl_lock();
	etrunk_store_lock(net);
}

/**
 * etrunk_store_unlock_rtnl - release what etrunk_store_lock_rtnl() took
 * @net: the namespace
 */
void etrunk_store_unlock_rtnl(struct net *net)
{
	etrunk_store_unlock(net);
	rtnl_unlock();
}

/**
 * etrunk_store_assert - lockdep: the store lock of a namespace is held
 * @net: the namespace
 */
void etrunk_store_assert(struct net *net)
{
	lockdep_assert_held(&etrunk_net(net)->store_lock);
}

static void *etrunk_obj_of(const struct etrunk_obj_type *type,
			   const struct list_head *pos)
{
	return (void *)pos - type->list_offset;
}

/**
 * etrunk_obj_lookup - an object of a namespace's list, by name
 * @type: the objects' type
 * @list: the namespace's list of them
 * @name: the name
 *
 * Under the store lock. Returns the object or NULL.
 */
void *etrunk_obj_lookup(const struct etrunk_obj_type *type,
			const struct list_head *list, const char *name)
{
	const struct list_head *pos;
	void *obj;

	list_for_each(pos, list) {
		obj = etrunk_obj_of(type, pos);
		if (!strcmp(obj + type->name_offset, name))
			return obj;
	}
	return NULL;
}

/**
 * etrunk_obj_find - etrunk_obj_lookup() of a request's name attribute
 * @type: the objects' type
 * @list: the namespace's list of them
 * @name: the attribute, a NUL-terminated string
 * @extack: where an unknown name is told (@type's not_found)
 *
 * Under the store lock. Returns the object or NULL.
 */
void *etrunk_obj_find(const struct etrunk_obj_type *type,
		      const struct list_head *list, const struct nlattr *name,
		      struct netlink_ext_ack *extack)
{
	void *obj = etrunk_obj_lookup(type, list, nla_data(name));

	if (!obj && extack) {
		/* NL_SET_ERR_MSG_ATTR() of a message that is not a literal */
		extack->_msg = type->not_found;
		NL_SET_BAD_ATTR(extack, name);
	}
	return obj;
}

/**
 * etrunk_obj_reply - the reply of a GET (or GET_*_KEY) of one object
 * @info: the request
 * @type: the object's type
 * @obj: the object, NULL if not found
 * @cmd: @type's get_cmd, or its key_cmd for the reply with the key
 *
 * Under the store lock, which keeps @obj; etrunk_genl_reply_send() sends
 * the reply after the unlock. Returns the message or an ERR_PTR() (-ENOENT without
 * @obj).
 */
struct sk_buff *etrunk_obj_reply(struct genl_info *info,
				 const struct etrunk_obj_type *type,
				 const void *obj, u8 cmd)
{
	if (!obj)
		return ERR_PTR(-ENOENT);
	if (type->put_key && cmd == type->key_cmd)
		return etrunk_genl_reply_new(info, cmd,
					     etrunk_genl_key_size(type->key_id_len,
								  type->key_max),
					     type->put_key, obj);
	return etrunk_genl_reply_new(info, cmd, type->size(obj, false),
				     type->put, obj);
}

/**
 * etrunk_obj_dump_one - one object of a dump, in a message of its own
 * @skb: the dump's message buffer
 * @cb: the dump
 * @type: the object's type
 * @obj: the object
 *
 * Under the store lock. Returns 0 or -EMSGSIZE (the object is for the
 * next round).
 */
int etrunk_obj_dump_one(struct sk_buff *skb, struct netlink_callback *cb,
			const struct etrunk_obj_type *type, const void *obj)
{
	int err;

	err = etrunk_genl_dump_one(skb, cb, type->get_cmd, type->put, obj);
	if (err && !skb->len && type->dump_brief)
		err = etrunk_genl_dump_one(skb, cb, type->get_cmd,
					   type->put_event, obj);
	return err;
}

/**
 * etrunk_obj_dump - the dump of a namespace's list of objects
 * @skb: the dump's message buffer
 * @cb: the dump; cb->args[0] counts the objects already dumped, in the
 *     list's order
 * @type: the objects' type
 * @list: the namespace's list of them
 *
 * Takes the store lock of the dump's namespace. Returns what a dumpit
 * returns.
 */
int etrunk_obj_dump(struct sk_buff *skb, struct netlink_callback *cb,
		    const struct etrunk_obj_type *type,
		    const struct list_head *list)
{
	const struct list_head *pos;
	unsigned long idx = 0;
	int err;

	err = etrunk_genl_dump_check(cb);
	if (err)
		return err;
	etrunk_store_lock(sock_net(skb->sk));
	list_for_each(pos, list) {
		if (idx++ < cb->args[0])
			continue;
		err = etrunk_obj_dump_one(skb, cb, type,
					  etrunk_obj_of(type, pos));
		if (err)
			break;
		cb->args[0] = idx;
	}
	etrunk_store_unlock(sock_net(skb->sk));
	return err && !skb->len ? err : skb->len;
}

/**
 * etrunk_obj_event - multicast an object's event
 * @net: its namespace
 * @type: the object's type
 * @obj: the object
 * @event: ETRUNK_EVENT_*
 *
 * Under the store lock. Nothing goes out if the event does not fit.
 */
void etrunk_obj_event(struct net *net, const struct etrunk_obj_type *type,
		      const void *obj, u8 event)
{
	etrunk_store_assert(net);
	etrunk_genl_event(net, event, type->size(obj, true),
			  type->put_event ?: type->put, obj);
}
