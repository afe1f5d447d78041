/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the BFD store (bfd.c) gives the sessions of E-Trunk groups
 * (bfd_group.c) and the daemon's state writes (bfd_state.c). Under the
 * namespace's store lock (objstore.h).
 */
#ifndef _ETRUNK_BFD_COMMON_H
#define _ETRUNK_BFD_COMMON_H

#include <net/genetlink.h>

#include "bfd.h"

/* "The session belongs to E-Trunk group N" and "A configured BFD session
 * is named e-trunk-N", by group id - 1 (etrunk_bfd_module_init()).
 */
extern char etrunk_bfd_owned_msg[ETRUNK_GROUP_MAX][48];
extern char etrunk_bfd_taken_msg[ETRUNK_GROUP_MAX][64];

/* The nest of a micro-BFD session's link (bfd_state.c). */
extern const struct nla_policy etrunk_bfd_link_policy[ETRUNK_BFD_LINK_A_MAX + 1];

/* NL_SET_ERR_MSG_ATTR() of a message that is not a literal. */
void etrunk_bfd_err(struct netlink_ext_ack *extack, const struct nlattr *attr,
		    const char *msg);
/* The session nest of a request into @tb, the name required and valid,
 * only the attributes in @allowed (a mask of ETRUNK_BFD_A_* bits) taken.
 */
int etrunk_bfd_parse(struct genl_info *info, struct nlattr **tb, u64 allowed);
/* The session a request's name attribute @name names, or NULL (told in
 * extack).
 */
struct etrunk_bfd *etrunk_bfd_find(struct genl_info *info, struct nlattr *name);
/* The sessions of @net. */
struct etrunk_bfds *etrunk_bfds_of(struct net *net);
/* The session named @name, or NULL. */
struct etrunk_bfd *etrunk_bfd_lookup(struct etrunk_bfds *bs, const char *name);
/* A new session's configuration, before its attributes. */
void etrunk_bfd_conf_default(struct etrunk_bfd_conf *c);
/* List @s, named @name, with configuration @c (event ADDED). */
void etrunk_bfd_add(struct net *net, struct etrunk_bfd *s, const char *name,
		    const struct etrunk_bfd_conf *c);
/* Unlist and free @s (event REMOVED). */
void etrunk_bfd_del(struct net *net, struct etrunk_bfd *s);
/* Multicast event @event of @s. */
void etrunk_bfd_event(struct net *net, const struct etrunk_bfd *s, u8 event);

#endif /* _ETRUNK_BFD_COMMON_H */
