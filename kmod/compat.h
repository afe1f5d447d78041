/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel interfaces etrunk uses that changed between the series it
 * supports (Debian 12's 6.1, Debian 13's 6.12, sid's 7.2), each as one
 * named helper, so that no other file tests the kernel version.
 */
#ifndef _ETRUNK_COMPAT_H
#define _ETRUNK_COMPAT_H

#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/version.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/rtnetlink.h>
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 15, 0)
#include <net/netdev_lock.h>
#endif

/* A software device with its own locking (no TX lock taken for it, 6.12:
 * dev->lltx instead of NETIF_F_LLTX), kept in its netns (6.12:
 * dev->netns_local instead of NETIF_F_NETNS_LOCAL, renamed
 * dev->netns_immutable in 6.14 and in later 6.12.y: probed by Kbuild).
 */
static inline void etrunk_dev_set_lltx_netns_local(struct net_device *dev)
{
#if defined(ETRUNK_HAVE_NETNS_IMMUTABLE)
	dev->lltx = true;
	dev->netns_immutable = true;
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
	dev->lltx = true;
	dev->netns_local = true;
#else
	dev->features |= NETIF_F_LLTX | NETIF_F_NETNS_LOCAL;
#endif
}

/* Keep IPv6 addrconf off a lower device (bonding's slaves, our members):
 * since 6.2 addrconf skips devices with IFF_NO_ADDRCONF, no longer those
 * with IFF_SLAVE (which the caller sets as well, enough before 6.2).
 */
static inline void etrunk_dev_no_addrconf(struct net_device *dev, bool on)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
	if (on)
		dev->priv_flags |= IFF_NO_ADDRCONF;
	else
		dev->priv_flags &= ~IFF_NO_ADDRCONF;
#endif
}

/* dev_set_mac_address() with an Ethernet address (6.16: it takes a
 * struct sockaddr_storage instead of a struct sockaddr).
 */
static inline int etrunk_dev_set_mac(struct net_device *dev, const u8 *addr,
				     struct netlink_ext_ack *extack)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 16, 0)
	struct sockaddr_storage ss = { .ss_family = dev->type };

	ether_addr_copy((u8 *)ss.__data, addr);
	return dev_set_mac_address(dev, &ss, extack);
#else
	struct sockaddr sa = { .sa_family = dev->type };

	ether_addr_copy((u8 *)sa.sa_data, addr);
	return dev_set_mac_address(dev, &sa, extack);
#endif
}

/* Set a device's MTU without the NETDEV_CHANGEMTU notification, for a
 * member released in NETDEV_UNREGISTER (6.15: __netif_set_mtu(), under the
 * device's ops lock, as bonding does; it is in the NETDEV_INTERNAL symbol
 * namespace, which main.c imports with ETRUNK_MODULE_IMPORTS).
 */
static inline void etrunk_set_mtu_quiet(struct net_device *dev, int mtu)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 15, 0)
	netdev_lock_ops(dev);
	__netif_set_mtu(dev, mtu);
	netdev_unlock_ops(dev);
#else
	__dev_set_mtu(dev, mtu);
#endif
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 15, 0)
#define ETRUNK_MODULE_IMPORTS MODULE_IMPORT_NS("NETDEV_INTERNAL")
#else
#define ETRUNK_MODULE_IMPORTS
#endif

/* rtnl_link_ops.newlink (6.15: the arguments come packed in a struct
 * rtnl_newlink_params): etrunk_newlink() calls rtnetlink.c's
 * etrunk_create() with the device, its IFLA_* and IFLA_INFO_DATA
 * attributes.
 */
int etrunk_create(struct net_device *dev, struct nlattr *tb[],
		  struct nlattr *data[], struct netlink_ext_ack *extack);

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 15, 0)
static inline int etrunk_newlink(struct net_device *dev,
				 struct rtnl_newlink_params *params,
				 struct netlink_ext_ack *extack)
{
	return etrunk_create(dev, params->tb, params->data, extack);
}
#else
static inline int etrunk_newlink(struct net *src_net, struct net_device *dev,
				 struct nlattr *tb[], struct nlattr *data[],
				 struct netlink_ext_ack *extack)
{
	return etrunk_create(dev, tb, data, extack);
}
#endif

/* The attributes of a dump request, parsed with the command's policy
 * (6.6: in the struct genl_info of the dump; probed by Kbuild).
 */
static inline struct nlattr **etrunk_genl_dump_attrs(struct netlink_callback *cb)
{
#if defined(ETRUNK_HAVE_GENL_INFO_DUMP)
	return genl_info_dump(cb)->attrs;
#else
	return genl_dumpit_info(cb)->attrs;
#endif
}

#endif /* _ETRUNK_COMPAT_H */
