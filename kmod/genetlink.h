/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic netlink family "etrunk": configuration, state and events.
 */
#ifndef _ETRUNK_GENETLINK_H
#define _ETRUNK_GENETLINK_H

#include <net/genetlink.h>

struct etrunk;
struct etrunk_member;

extern struct genl_family etrunk_genl_family;

struct net_device *etrunk_genl_dev(struct net *net, struct nlattr *ifindex,
				   struct nlattr *ifname,
				   struct netlink_ext_ack *extack);

int etrunk_genl_init(void);
void etrunk_genl_uninit(void);

void etrunk_genl_member_event(struct etrunk_member *m, u8 event);
void etrunk_genl_trunk_event(struct etrunk *et, u8 event);

#endif /* _ETRUNK_GENETLINK_H */
