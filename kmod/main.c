// SPDX-License-Identifier: GPL-2.0
/*
 * etrunk: Linux link aggregation with device-level redundancy.
 * Module entry and exit.
 */

#include <linux/module.h>
#include <net/rtnetlink.h>

#include "bfd.h"
#include "compat.h"
#include "device.h"
#include "etrunk_group.h"
#include "flush.h"
#include "genetlink.h"
#include "member.h"
#include "rbs.h"

/* Everything a request may touch exists before the generic netlink family
 * is registered, last; at unload the family goes first, so no request
 * (e.g. SET_FLUSH_RX adding a packet handler) runs into a half torn-down
 * module.
 */
static int __init etrunk_mod_init(void)
{
	int err;

	etrunk_bfd_module_init();
	/* The stores of remote backup exist before a request can reach them. */
	err = etrunk_rbs_init();
	if (err)
		return err;
	err = etrunk_genl_pernet_init();
	if (err)
		goto err_rbs;
	err = etrunk_notifier_register();
	if (err)
		goto err_pernet;
	err = etrunk_group_init();
	if (err)
		goto err_notifier;
	err = etrunk_flush_port_init();
	if (err)
		goto err_group;
	err = rtnl_link_register(&etrunk_link_ops);
	if (err)
		goto err_flush_port;
	err = etrunk_genl_register();
	if (err)
		goto err_link;
	pr_info("etrunk " ETRUNK_VERSION " loaded\n");
	return 0;

err_link:
	rtnl_link_unregister(&etrunk_link_ops);
err_flush_port:
	etrunk_flush_port_exit();
err_group:
	etrunk_group_exit();
err_notifier:
	etrunk_notifier_unregister();
err_pernet:
	etrunk_genl_pernet_exit();
err_rbs:
	etrunk_rbs_exit();
	return err;
}

/* Deleting the link kind deletes every trunk in every namespace, which
 * releases their members; only then may the notifier go.
 */
static void __exit etrunk_mod_exit(void)
{
	etrunk_genl_unregister();
	rtnl_link_unregister(&etrunk_link_ops);
	etrunk_flush_port_exit();
	etrunk_group_exit();
	etrunk_notifier_unregister();
	etrunk_genl_pernet_exit();
	etrunk_rbs_exit();
}

module_init(etrunk_mod_init);
module_exit(etrunk_mod_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Link aggregation with device-level redundancy");
MODULE_AUTHOR("etrunk developers");
MODULE_VERSION(ETRUNK_VERSION);
MODULE_ALIAS_RTNL_LINK(ETRUNK_LINK_KIND);
ETRUNK_MODULE_IMPORTS;
