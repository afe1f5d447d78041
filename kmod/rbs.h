/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Remote backup services and profiles: the configuration etrunkd runs
 * (per network namespace) and the state it writes back. See "Remote
 * backup (RBS and RBP)" in uapi/linux/etrunk.h.
 */
#ifndef _ETRUNK_RBS_H
#define _ETRUNK_RBS_H

#include <linux/etrunk.h>
#include <linux/netdevice.h>
#include <net/genetlink.h>

extern const struct nla_policy etrunk_rbs_policy[ETRUNK_RBS_A_MAX + 1];
extern const struct nla_policy etrunk_rbp_policy[ETRUNK_RBP_A_MAX + 1];

int etrunk_genl_new_rbs(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_set_rbs(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_del_rbs(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_get_rbs(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_dump_rbs(struct sk_buff *skb, struct netlink_callback *cb);
int etrunk_genl_set_rbs_state(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_get_rbs_key(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_new_rbp(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_set_rbp(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_del_rbp(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_get_rbp(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_dump_rbp(struct sk_buff *skb, struct netlink_callback *cb);
int etrunk_genl_set_rbp_state(struct sk_buff *skb, struct genl_info *info);

/* RTNL and the store lock, NETDEV_UNREGISTER of a trunk: its profiles go
 * with it.
 */
void etrunk_rbp_netdev_unregister(struct net_device *dev);
/* The per-namespace stores; before the genetlink family and after it. */
int etrunk_rbs_init(void);
void etrunk_rbs_exit(void);

#endif /* _ETRUNK_RBS_H */
