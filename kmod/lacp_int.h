/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mode lacp, inside the module's LACP files: what lacp.c (the machines),
 * lacp_select.c (the selection logic) and lacp_pdu.c (the PDUs on the
 * wire) share. lacp.h is what the rest of the module uses.
 */
#ifndef _ETRUNK_LACP_INT_H
#define _ETRUNK_LACP_INT_H

#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/types.h>

#include "lacp.h"
#include "member.h"

struct etrunk;

static inline void etrunk_lacp_timer_start(struct etrunk_lacp_timer *t,
					   unsigned long delay)
{
	t->at = jiffies + delay;
	t->on = true;
}

static inline bool etrunk_lacp_timer_expired(const struct etrunk_lacp_timer *t)
{
	return t->on && time_after_eq(jiffies, t->at);
}

static inline bool etrunk_lacp_enabled(const struct etrunk_member *m)
{
	return netif_running(m->dev) && netif_carrier_ok(m->dev);
}

/* lacp.c */
void etrunk_lacp_actor(const struct etrunk_member *m,
		       struct etrunk_lacp_info *a);

/* lacp_select.c, under the trunk's lock */
bool etrunk_lacp_looped(const struct etrunk_member *m);
bool etrunk_lacp_candidate(const struct etrunk_member *m);
unsigned long etrunk_lacp_preempt_at(const struct etrunk_member *m);
void etrunk_lacp_select(struct etrunk *et);
bool etrunk_lacp_preempt_due(const struct etrunk *et);
bool etrunk_lacp_ready(const struct etrunk *et);

/* lacp_pdu.c */
extern const u8 etrunk_lacp_dest[ETH_ALEN] __aligned(2);
void etrunk_lacp_decode(const struct etrunk_lacpdu_port *t,
			struct etrunk_lacp_info *i);
void etrunk_lacp_send_pdu(struct etrunk_member *m);

#endif /* _ETRUNK_LACP_INT_H */
