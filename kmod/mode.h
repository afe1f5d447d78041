/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The modes of a trunk, as the core (device.c, member.c, receive.c) sees
 * them: one table of operations per mode, defined in the mode's own file
 * (loadbalance.c, backup.c, lacp.c). The core calls a mode only through
 * it, never by name, as team calls its modes through struct
 * team_mode_ops.
 */
#ifndef _ETRUNK_MODE_H
#define _ETRUNK_MODE_H

#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/types.h>

struct etrunk;
struct etrunk_member;

/**
 * struct etrunk_mode_ops - what the core asks of a mode
 *
 * Every operation may be NULL: the core then does nothing more. "Lock"
 * is the trunk's lock (etrunk.lock).
 *
 * @setup: every mode's, at the trunk's set-up: defaults and work items,
 *	nothing that allocates (a trunk may change its mode later).
 * @teardown: every mode's, at ndo_uninit, after the members are gone:
 *	cancel the work items (synchronously; none blocks on RTNL), free
 *	what the configuration allocated.
 * @member_init: every mode's, before the member is visible to receive or
 *	netlink: the defaults of its per-mode state.
 * @start: the lock: the trunk opened or its parameters changed.
 * @stop: the lock: the trunk is set down, or leaves the mode.
 * @changed: the lock, after a selection: the members or the trunk's
 *	parameters changed (the partners must learn it).
 * @link_changed: the lock, after a selection: a member's link changed.
 * @member_check: RTNL: may @et take one more member?
 * @member_add: RTNL, before the member is on the list, the last step
 *	of an enslave that can fail; undoes itself on failure.
 * @member_del: RTNL and the lock: the member leaves, still on the list.
 * @member_reason: the lock, in the selection: why @m cannot be active
 *	in this mode (ETRUNK_REASON_NONE if it can), the common reasons
 *	(device down, no carrier, admin) aside.
 * @select: the lock, in the selection, after the reasons: the mode's
 *	choice among the usable members (etrunk_member.next_reason).
 * @selected: the lock, at the end of the selection, after the active
 *	set, states and events.
 * @master_set: RTNL and the lock: @m became the designated master.
 * @notify: RTNL, from etrunk.notify_work, after
 *	NETDEV_CHANGELOWERSTATE.
 * @rx: RCU (softirq), receive, for every frame on a member: true if the
 *	mode took it (freed it, consumed or as a drop); NULL if the mode
 *	delivers every frame to the trunk.
 * @lag_tx_type: what a driver that offloads the LAG learns.
 * @rx_drop: a new member delivers nothing until the mode's selection
 *	says otherwise (etrunk_member.rx_drop).
 */
struct etrunk_mode_ops {
	void (*setup)(struct etrunk *et);
	void (*teardown)(struct etrunk *et);
	void (*member_init)(struct etrunk_member *m);
	void (*start)(struct etrunk *et);
	void (*stop)(struct etrunk *et);
	void (*changed)(struct etrunk *et);
	void (*link_changed)(struct etrunk *et);
	int (*member_check)(struct etrunk *et, struct netlink_ext_ack *extack);
	int (*member_add)(struct etrunk_member *m);
	void (*member_del)(struct etrunk_member *m);
	u8 (*member_reason)(const struct etrunk_member *m);
	void (*select)(struct etrunk *et);
	void (*selected)(struct etrunk *et);
	void (*master_set)(struct etrunk_member *m);
	void (*notify)(struct etrunk *et);
	bool (*rx)(struct etrunk_member *m, struct sk_buff *skb);
	enum netdev_lag_tx_type lag_tx_type;
	bool rx_drop;
};

/* In the modes' own files. */
extern const struct etrunk_mode_ops etrunk_mode_loadbalance;
extern const struct etrunk_mode_ops etrunk_mode_backup;
extern const struct etrunk_mode_ops etrunk_mode_lacp;

/* mode.c: the operations of enum etrunk_mode @mode (checked by the
 * netlink policies).
 */
const struct etrunk_mode_ops *etrunk_mode_ops_of(u8 mode);
/* mode.c: every mode's @setup, @teardown, @member_init. */
void etrunk_modes_setup(struct etrunk *et);
void etrunk_modes_teardown(struct etrunk *et);
void etrunk_modes_member_init(struct etrunk_member *m);

#endif /* _ETRUNK_MODE_H */
