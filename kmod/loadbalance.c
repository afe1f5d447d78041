// SPDX-License-Identifier: GPL-2.0
/*
 * Mode loadbalance: every member that is up is active (max_links aside);
 * transmit spreads flows over them by hash, receive takes every frame.
 */

#include "device.h"
#include "member.h"
#include "mode.h"

/* The lock: with max_links, only the best candidates are active. */
static void etrunk_loadbalance_select(struct etrunk *et)
{
	if (et->max_links)
		etrunk_apply_max_links(et);
}

const struct etrunk_mode_ops etrunk_mode_loadbalance = {
	.select		= etrunk_loadbalance_select,
	.lag_tx_type	= NETDEV_LAG_TX_TYPE_HASH,
	.rx_drop	= false,
};
