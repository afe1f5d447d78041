// SPDX-License-Identifier: GPL-2.0
/*
 * The state of BFD sessions (see "BFD sessions" in uapi/linux/etrunk.h):
 * what etrunkd writes back with ETRUNK_CMD_SET_BFD_STATE, the session's
 * state and counters and a micro-BFD session's links, under the
 * namespace's store lock alone (objstore.h). The store and the
 * configuration are bfd.c's.
 */

#include <linux/jiffies.h>
#include <linux/slab.h>
#include <net/genetlink.h>

#include "bfd.h"
#include "bfd_common.h"
#include "genetlink.h"
#include "objstore.h"

const struct nla_policy etrunk_bfd_link_policy[ETRUNK_BFD_LINK_A_MAX + 1] = {
	[ETRUNK_BFD_LINK_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[ETRUNK_BFD_LINK_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[ETRUNK_BFD_LINK_A_STATE] = NLA_POLICY_MAX(NLA_U8, ETRUNK_BFD_STATE_MAX),
	[ETRUNK_BFD_LINK_A_REMOTE_STATE] =
		NLA_POLICY_MAX(NLA_U8, ETRUNK_BFD_STATE_MAX),
	[ETRUNK_BFD_LINK_A_DIAG] = NLA_POLICY_MAX(NLA_U8, ETRUNK_BFD_DIAG_MAX),
	[ETRUNK_BFD_LINK_A_LOCAL_DISCR] = { .type = NLA_U32 },
	[ETRUNK_BFD_LINK_A_PEER_DISCR] = { .type = NLA_U32 },
	[ETRUNK_BFD_LINK_A_UPS] = { .type = NLA_U64 },
	[ETRUNK_BFD_LINK_A_DOWNS] = { .type = NLA_U64 },
};

/* The session attributes SET_BFD_STATE takes. */
#define ETRUNK_BFD_STATE (BIT_ULL(ETRUNK_BFD_A_NAME) | BIT_ULL(ETRUNK_BFD_A_STATE) | \
	BIT_ULL(ETRUNK_BFD_A_REMOTE_STATE) | BIT_ULL(ETRUNK_BFD_A_DIAG) | \
	BIT_ULL(ETRUNK_BFD_A_REMOTE_DIAG) | BIT_ULL(ETRUNK_BFD_A_PEER_DISCR) | \
	BIT_ULL(ETRUNK_BFD_A_TX_INTERVAL) | BIT_ULL(ETRUNK_BFD_A_DETECT_TIME) | \
	BIT_ULL(ETRUNK_BFD_A_REMOTE_MIN_TX) | BIT_ULL(ETRUNK_BFD_A_REMOTE_MIN_RX) | \
	BIT_ULL(ETRUNK_BFD_A_REMOTE_MULT) | BIT_ULL(ETRUNK_BFD_A_PKTS_TX) | \
	BIT_ULL(ETRUNK_BFD_A_PKTS_RX) | BIT_ULL(ETRUNK_BFD_A_DROPS) | \
	BIT_ULL(ETRUNK_BFD_A_AUTH_FAILURES) | BIT_ULL(ETRUNK_BFD_A_UPS) | \
	BIT_ULL(ETRUNK_BFD_A_DOWNS) | BIT_ULL(ETRUNK_BFD_A_LINKS))

/* Parse the links of a SET_BFD_STATE: a new array in *@links (NULL if
 * there are none), *@n of them.
 */
static int etrunk_bfd_parse_links(struct nlattr *links,
				  struct etrunk_bfd_link **linksp,
				  unsigned int *n, struct netlink_ext_ack *extack)
{
	struct nlattr *tb[ETRUNK_BFD_LINK_A_MAX + 1];
	struct etrunk_bfd_link *arr, *l;
	struct nlattr *a;
	int rem, count = 0, err;

	*linksp = NULL;
	*n = 0;
	nla_for_each_nested(a, links, rem) {
		if (nla_type(a) != ETRUNK_BFD_A_LINK) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "ETRUNK_BFD_A_LINKS holds ETRUNK_BFD_A_LINK nests only");
			return -EINVAL;
		}
		if (++count > ETRUNK_MAX_MEMBERS) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "More links than a trunk has members (ETRUNK_MAX_MEMBERS)");
			return -EINVAL;
		}
	}
	if (!count)
		return 0;
	arr = kcalloc(count, sizeof(*arr), GFP_KERNEL);
	if (!arr)
		return -ENOMEM;
	l = arr;
	nla_for_each_nested(a, links, rem) {
		err = nla_parse_nested(tb, ETRUNK_BFD_LINK_A_MAX, a,
				       etrunk_bfd_link_policy, extack);
		if (err)
			goto err;
		if (!tb[ETRUNK_BFD_LINK_A_IFINDEX]) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "ETRUNK_BFD_LINK_A_IFINDEX is required");
			err = -EINVAL;
			goto err;
		}
		l->ifindex = nla_get_u32(tb[ETRUNK_BFD_LINK_A_IFINDEX]);
		if (tb[ETRUNK_BFD_LINK_A_IFNAME])
			nla_strscpy(l->ifname, tb[ETRUNK_BFD_LINK_A_IFNAME],
				    sizeof(l->ifname));
		l->state = ETRUNK_BFD_STATE_DOWN;
		if (tb[ETRUNK_BFD_LINK_A_STATE])
			l->state = nla_get_u8(tb[ETRUNK_BFD_LINK_A_STATE]);
		if (tb[ETRUNK_BFD_LINK_A_REMOTE_STATE])
			l->remote_state = nla_get_u8(tb[ETRUNK_BFD_LINK_A_REMOTE_STATE]);
		if (tb[ETRUNK_BFD_LINK_A_DIAG])
			l->diag = nla_get_u8(tb[ETRUNK_BFD_LINK_A_DIAG]);
		if (tb[ETRUNK_BFD_LINK_A_LOCAL_DISCR])
			l->local_discr = nla_get_u32(tb[ETRUNK_BFD_LINK_A_LOCAL_DISCR]);
		if (tb[ETRUNK_BFD_LINK_A_PEER_DISCR])
			l->peer_discr = nla_get_u32(tb[ETRUNK_BFD_LINK_A_PEER_DISCR]);
		if (tb[ETRUNK_BFD_LINK_A_UPS])
			l->ups = nla_get_u64(tb[ETRUNK_BFD_LINK_A_UPS]);
		if (tb[ETRUNK_BFD_LINK_A_DOWNS])
			l->downs = nla_get_u64(tb[ETRUNK_BFD_LINK_A_DOWNS]);
		l++;
	}
	*linksp = arr;
	*n = count;
	return 0;

err:
	kfree(arr);
	return err;
}

/* Whether a link came, went, or changed its state. */
static bool etrunk_bfd_links_changed(const struct etrunk_bfd *s,
				     const struct etrunk_bfd_link *links,
				     unsigned int n)
{
	unsigned int i;

	if (n != s->n_links)
		return true;
	for (i = 0; i < n; i++)
		if (links[i].ifindex != s->links[i].ifindex ||
		    links[i].state != s->links[i].state)
			return true;
	return false;
}

int etrunk_genl_set_bfd_state(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ETRUNK_BFD_A_MAX + 1];
	struct etrunk_bfd_link *links = NULL;
	bool changed = false;
	struct etrunk_bfd *s;
	unsigned int n = 0, i;
	u8 state;
	int err;

	err = etrunk_bfd_parse(info, tb, ETRUNK_BFD_STATE);
	if (err)
		return err;
	if (tb[ETRUNK_BFD_A_LINKS]) {
		err = etrunk_bfd_parse_links(tb[ETRUNK_BFD_A_LINKS], &links, &n,
					     info->extack);
		if (err)
			return err;
	}
	/* The session's state, counters and links: nothing of a device or a
	 * trunk (the daemon takes a micro-BFD link out of its trunk itself,
	 * with SET_MEMBER), so the store lock alone, not RTNL.
	 */
	etrunk_store_lock(genl_info_net(info));
	s = etrunk_bfd_find(info, tb[ETRUNK_BFD_A_NAME]);
	if (!s) {
		err = -ENOENT;
		goto out;
	}
	if (tb[ETRUNK_BFD_A_LINKS] && s->conf.type != ETRUNK_BFD_MICRO) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[ETRUNK_BFD_A_LINKS],
				    "Only micro-BFD sessions have links");
		err = -EINVAL;
		goto out;
	}
	if (tb[ETRUNK_BFD_A_STATE]) {
		state = nla_get_u8(tb[ETRUNK_BFD_A_STATE]);
		if (state != s->state) {
			s->state = state;
			s->changed = get_jiffies_64();
			changed = true;
		}
	}
	if (tb[ETRUNK_BFD_A_REMOTE_STATE])
		s->remote_state = nla_get_u8(tb[ETRUNK_BFD_A_REMOTE_STATE]);
	if (tb[ETRUNK_BFD_A_DIAG])
		s->diag = nla_get_u8(tb[ETRUNK_BFD_A_DIAG]);
	if (tb[ETRUNK_BFD_A_REMOTE_DIAG])
		s->remote_diag = nla_get_u8(tb[ETRUNK_BFD_A_REMOTE_DIAG]);
	if (tb[ETRUNK_BFD_A_PEER_DISCR])
		s->peer_discr = nla_get_u32(tb[ETRUNK_BFD_A_PEER_DISCR]);
	if (tb[ETRUNK_BFD_A_TX_INTERVAL])
		s->tx_interval = nla_get_u32(tb[ETRUNK_BFD_A_TX_INTERVAL]);
	if (tb[ETRUNK_BFD_A_DETECT_TIME])
		s->detect_time = nla_get_u32(tb[ETRUNK_BFD_A_DETECT_TIME]);
	if (tb[ETRUNK_BFD_A_REMOTE_MIN_TX])
		s->remote_min_tx = nla_get_u32(tb[ETRUNK_BFD_A_REMOTE_MIN_TX]);
	if (tb[ETRUNK_BFD_A_REMOTE_MIN_RX])
		s->remote_min_rx = nla_get_u32(tb[ETRUNK_BFD_A_REMOTE_MIN_RX]);
	if (tb[ETRUNK_BFD_A_REMOTE_MULT])
		s->remote_mult = nla_get_u8(tb[ETRUNK_BFD_A_REMOTE_MULT]);
	for (i = 0; i < ARRAY_SIZE(s->counters); i++)
		if (tb[ETRUNK_BFD_A_PKTS_TX + i])
			s->counters[i] = nla_get_u64(tb[ETRUNK_BFD_A_PKTS_TX + i]);
	if (tb[ETRUNK_BFD_A_LINKS]) {
		if (etrunk_bfd_links_changed(s, links, n))
			changed = true;
		swap(s->links, links);
		s->n_links = n;
	}
	if (changed)
		etrunk_bfd_event(genl_info_net(info), s, ETRUNK_EVENT_BFD_STATE);
out:
	etrunk_store_unlock(genl_info_net(info));
	kfree(links);
	return err;
}
