// SPDX-License-Identifier: GPL-2.0
/*
 * BFD sessions and E-Trunk groups (see "BFD sessions" in
 * uapi/linux/etrunk.h): a group bound to a configured session, or owning
 * one of its own (named e-trunk-ID, from the group's addresses and
 * timers), created, changed and deleted with the group. Under the
 * namespace's store lock (objstore.h), the lock of both stores.
 */

#include <linux/netdevice.h>
#include <linux/slab.h>
#include <net/genetlink.h>

#include "bfd.h"
#include "bfd_common.h"
#include "etrunk_group.h"

const char *etrunk_bfd_name(const struct etrunk_bfd *s)
{
	return s->name;
}

int etrunk_bfd_group_check(struct net *net, const struct etrunk_group *g,
			   u32 id, struct nlattr **tb,
			   struct etrunk_bfd **bound, struct etrunk_bfd **owned,
			   struct netlink_ext_ack *extack)
{
	struct etrunk_bfds *bs = etrunk_bfds_of(net);
	struct nlattr *name = tb[ETRUNK_GROUP_A_BFD_SESSION];
	struct nlattr *own = tb[ETRUNK_GROUP_A_BFD];
	bool has_bound, has_own;
	char own_name[ETRUNK_BFD_NAME_MAX + 1];
	struct etrunk_bfd *s;

	*bound = NULL;
	*owned = NULL;
	has_own = own ? nla_get_u8(own) : g && g->bfd_owned;
	has_bound = g && g->bfd_bound;
	if (name) {
		has_bound = false;
		if (*(char *)nla_data(name)) {
			s = etrunk_bfd_lookup(bs, nla_data(name));
			if (!s) {
				NL_SET_ERR_MSG_ATTR(extack, name,
						    "No such BFD session");
				return -ENOENT;
			}
			if (s->group) {
				etrunk_bfd_err(extack, name,
					       etrunk_bfd_owned_msg[s->group - 1]);
				return -EBUSY;
			}
			*bound = s;
			has_bound = true;
		}
	}
	if (has_own && has_bound) {
		NL_SET_ERR_MSG_ATTR(extack, own ?: name,
				    "A group is bound to a configured session or has one of its own, not both");
		return -EINVAL;
	}
	if (!has_own || (g && g->bfd_owned))
		return 0;
	snprintf(own_name, sizeof(own_name), "e-trunk-%u", id);
	if (etrunk_bfd_lookup(bs, own_name)) {
		etrunk_bfd_err(extack, own, etrunk_bfd_taken_msg[id - 1]);
		return -EEXIST;
	}
	if (bs->n >= ETRUNK_BFD_MAX_SESSIONS) {
		NL_SET_ERR_MSG_ATTR(extack, own,
				    "The namespace has its maximum of BFD sessions");
		return -ENOSPC;
	}
	*owned = kzalloc(sizeof(**owned), GFP_KERNEL);
	return *owned ? 0 : -ENOMEM;
}

/* The configuration of @g's own session: from its addresses and timers. */
static void etrunk_bfd_group_conf(const struct etrunk_group *g,
				  struct etrunk_bfd_conf *c)
{
	c->type = ETRUNK_BFD_SINGLE_HOP;
	c->addr_len = g->addr_len;
	c->source_len = g->addr_len;
	memcpy(c->peer, g->peer, sizeof(c->peer));
	memcpy(c->source, g->source, sizeof(c->source));
	c->min_tx = g->bfd_min_tx;
	c->min_rx = g->bfd_min_rx;
	c->mult = g->bfd_mult;
}

void etrunk_bfd_group_apply(struct net *net, struct etrunk_group *g,
			    struct nlattr **tb, struct etrunk_bfd *bound,
			    struct etrunk_bfd *owned)
{
	struct etrunk_bfd_conf c;
	char name[ETRUNK_BFD_NAME_MAX + 1];

	if (tb[ETRUNK_GROUP_A_BFD_MIN_TX])
		g->bfd_min_tx = nla_get_u32(tb[ETRUNK_GROUP_A_BFD_MIN_TX]);
	if (tb[ETRUNK_GROUP_A_BFD_MIN_RX])
		g->bfd_min_rx = nla_get_u32(tb[ETRUNK_GROUP_A_BFD_MIN_RX]);
	if (tb[ETRUNK_GROUP_A_BFD_MULT])
		g->bfd_mult = nla_get_u8(tb[ETRUNK_GROUP_A_BFD_MULT]);
	if (tb[ETRUNK_GROUP_A_BFD_SESSION])
		g->bfd_bound = bound;

	if (owned) {
		etrunk_bfd_conf_default(&c);
		etrunk_bfd_group_conf(g, &c);
		snprintf(name, sizeof(name), "e-trunk-%u", g->id);
		owned->group = g->id;
		etrunk_bfd_add(net, owned, name, &c);
		g->bfd_owned = owned;
		return;
	}
	if (!g->bfd_owned)
		return;
	if (tb[ETRUNK_GROUP_A_BFD] && !nla_get_u8(tb[ETRUNK_GROUP_A_BFD])) {
		etrunk_bfd_del(net, g->bfd_owned);
		g->bfd_owned = NULL;
		return;
	}
	c = g->bfd_owned->conf;
	etrunk_bfd_group_conf(g, &c);
	if (c.addr_len != g->bfd_owned->conf.addr_len ||
	    memcmp(c.peer, g->bfd_owned->conf.peer, sizeof(c.peer)) ||
	    memcmp(c.source, g->bfd_owned->conf.source, sizeof(c.source)) ||
	    c.min_tx != g->bfd_owned->conf.min_tx ||
	    c.min_rx != g->bfd_owned->conf.min_rx ||
	    c.mult != g->bfd_owned->conf.mult) {
		g->bfd_owned->conf = c;
		etrunk_bfd_event(net, g->bfd_owned, ETRUNK_EVENT_BFD_CHANGED);
	}
}

void etrunk_bfd_group_gone(struct net *net, struct etrunk_group *g)
{
	g->bfd_bound = NULL;
	if (g->bfd_owned)
		etrunk_bfd_del(net, g->bfd_owned);
	g->bfd_owned = NULL;
}
