// SPDX-License-Identifier: GPL-2.0
/*
 * Liveness probing of mode backup, like bonding's arp_ip_target: every
 * interval the master sends an ARP request (IPv4 target) or a neighbour
 * solicitation (IPv6 target) to each target, and any answer from a
 * target received on it keeps it usable. A path that fails beyond the
 * next switch leaves the carrier up; this is what notices it.
 *
 * A member that failed keeps probing, but from its own MAC address and
 * with an unspecified sender (an ARP probe, a DAD-style NS): with the
 * trunk's MAC the switches would move the trunk's address to the failed
 * path, and with the trunk's IP address the target would point its
 * neighbour entry there. Linux and most hosts answer both kinds.
 *
 * Replies are recognised by what they say, not by matching requests:
 * an ARP reply or request whose sender IP is a target (bonding takes
 * both; a request from the target shows the path as well as a reply),
 * or a neighbour advertisement for a target address. Either shows that
 * the target reaches the member it arrived on.
 *
 * The rounds and their judgement run under the trunk's lock
 * (etrunk.lock), not RTNL: sending a probe and a switchover need none, so
 * a task holding RTNL delays no round. The unicast filter (which may set
 * promiscuous mode) waits for etrunk.notify_work, under RTNL. The
 * configuration (targets, interval) is written under RTNL and the lock.
 */

#include <linux/etherdevice.h>
#include <linux/icmpv6.h>
#include <linux/if_arp.h>
#include <linux/inetdevice.h>
#include <linux/ipv6.h>
#include <linux/jiffies.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <net/addrconf.h>
#include <net/arp.h>
#include <net/if_inet6.h>
#include <net/ip6_checksum.h>
#include <net/ndisc.h>

#include "device.h"
#include "member.h"
#include "probe.h"

/* ARP over Ethernet for IPv4, as it follows struct arphdr. */
struct etrunk_arp_eth_ip4 {
	u8 sha[ETH_ALEN];
	__be32 sip;
	u8 tha[ETH_ALEN];
	__be32 tip;
} __packed;

struct etrunk_probe_arp {
	struct arphdr hdr;
	struct etrunk_arp_eth_ip4 body;
} __packed;

struct etrunk_probe_na {
	struct ipv6hdr ip6;
	struct nd_msg nd;
} __packed;

static bool etrunk_probe_target_eq(const struct etrunk_probe_target *a,
				   const struct etrunk_probe_target *b)
{
	if (a->ipv6 != b->ipv6)
		return false;
	return a->ipv6 ? ipv6_addr_equal(&a->ip6, &b->ip6) : a->ip4 == b->ip4;
}

static int etrunk_probe_parse_one(const struct nlattr *a,
				  struct etrunk_probe_target *t,
				  struct netlink_ext_ack *extack)
{
	memset(t, 0, sizeof(*t));
	switch (nla_len(a)) {
	case sizeof(__be32):
		t->ip4 = nla_get_in_addr(a);
		if (ipv4_is_zeronet(t->ip4) || ipv4_is_lbcast(t->ip4) ||
		    ipv4_is_multicast(t->ip4) || ipv4_is_loopback(t->ip4)) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "A probe target must be a unicast IPv4 address");
			return -EINVAL;
		}
		return 0;
	case sizeof(struct in6_addr):
		t->ipv6 = true;
		t->ip6 = nla_get_in6_addr(a);
		if (ipv6_addr_any(&t->ip6) || ipv6_addr_is_multicast(&t->ip6) ||
		    ipv6_addr_loopback(&t->ip6) ||
		    ipv6_addr_v4mapped(&t->ip6)) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "A probe target must be a unicast IPv6 address");
			return -EINVAL;
		}
		return 0;
	}
	NL_SET_ERR_MSG_ATTR(extack, a,
			    "A probe target is 4 bytes (IPv4) or 16 bytes (IPv6)");
	return -EINVAL;
}

int etrunk_probe_parse_targets(const struct nlattr *nest, int attrtype,
			       struct etrunk_probe_targets **tp,
			       struct netlink_ext_ack *extack)
{
	struct etrunk_probe_targets *t;
	struct etrunk_probe_target tmp[ETRUNK_MAX_PROBE_TARGETS];
	const struct nlattr *a;
	unsigned int cnt = 0, i;
	int rem, err;

	nla_for_each_nested(a, nest, rem) {
		if (nla_type(a) != attrtype) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "Unknown attribute in the probe target list");
			return -EINVAL;
		}
		if (cnt == ETRUNK_MAX_PROBE_TARGETS) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "Too many probe targets (at most 16)");
			return -E2BIG;
		}
		err = etrunk_probe_parse_one(a, &tmp[cnt], extack);
		if (err)
			return err;
		for (i = 0; i < cnt; i++) {
			if (etrunk_probe_target_eq(&tmp[i], &tmp[cnt])) {
				NL_SET_ERR_MSG_ATTR(extack, a,
						    "Duplicate probe target");
				return -EINVAL;
			}
		}
		cnt++;
	}
	if (rem) {
		NL_SET_ERR_MSG_ATTR(extack, nest, "Malformed probe target list");
		return -EINVAL;
	}
	*tp = NULL;
	if (!cnt)
		return 0;
	t = kmalloc(struct_size(t, t, cnt), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	memcpy(t->t, tmp, cnt * sizeof(tmp[0]));
	t->n = cnt;
	*tp = t;
	return 0;
}

/* Written under RTNL and the trunk's lock: either keeps them. */
static struct etrunk_probe_targets *
etrunk_probe_targets_of(const struct etrunk *et)
{
	return rcu_dereference_protected(et->probe.targets,
					 lockdep_rtnl_is_held() ||
					 lockdep_is_held(&et->lock));
}

unsigned int etrunk_probe_n_targets(const struct etrunk *et)
{
	const struct etrunk_probe_targets *t = etrunk_probe_targets_of(et);

	return t ? t->n : 0;
}

void etrunk_probe_set_targets(struct etrunk *et, struct etrunk_probe_targets *t)
{
	struct etrunk_probe_targets *old;

	old = rcu_replace_pointer(et->probe.targets, t, lockdep_rtnl_is_held());
	if (old)
		kfree_rcu(old, rcu);
}

int etrunk_probe_put_targets(struct sk_buff *skb, const struct etrunk *et,
			     int nesttype, int attrtype)
{
	const struct etrunk_probe_targets *ts = etrunk_probe_targets_of(et);
	const struct etrunk_probe_target *t;
	struct nlattr *nest;
	unsigned int i;
	int err;

	nest = nla_nest_start(skb, nesttype);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; ts && i < ts->n; i++) {
		t = &ts->t[i];
		if (t->ipv6)
			err = nla_put_in6_addr(skb, attrtype, &t->ip6);
		else
			err = nla_put_in_addr(skb, attrtype, t->ip4);
		if (err) {
			nla_nest_cancel(skb, nest);
			return err;
		}
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* A probe's MAC address from a member that is not the master: its own,
 * or, when the trunk took that one, the same with the locally
 * administered bit flipped, so that it is never the trunk's.
 */
static void etrunk_probe_own_addr(const struct etrunk_member *m, u8 *addr)
{
	u8 trunk[ETH_ALEN];

	etrunk_get_addr(m->et, trunk);
	ether_addr_copy(addr, m->orig_addr);
	if (ether_addr_equal(addr, trunk))
		addr[0] ^= 0x02;
}

/* Only members on the trunk's list are dereferenced: an entry is matched
 * by pointer, so a member released without etrunk_probe_member_del()
 * leaves a stale entry that is never followed, and dropped next round.
 */
static struct etrunk_probe_uc *etrunk_probe_uc_find(struct etrunk *et,
						    const struct etrunk_member *m)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(et->probe.uc); i++)
		if (et->probe.uc[i].m == m)
			return &et->probe.uc[i];
	return NULL;
}

/* While @m probes as itself its probe address is in its unicast filter:
 * the replies to ARP probes come unicast to it. RTNL: on a device without
 * a unicast filter dev_uc_add() sets promiscuous mode, which needs it.
 */
static void etrunk_probe_uc_set(struct etrunk *et, struct etrunk_member *m,
				bool want)
{
	struct etrunk_probe_uc *e = etrunk_probe_uc_find(et, m);
	u8 addr[ETH_ALEN];

	if (want)
		etrunk_probe_own_addr(m, addr);
	if (e) {
		if (want && ether_addr_equal(e->addr, addr))
			return;
		dev_uc_del(m->dev, e->addr);
		e->m = NULL;
	}
	if (!want)
		return;
	e = etrunk_probe_uc_find(et, NULL);
	/* Without it, probing goes on; only NICs that filter miss replies. */
	if (!e || dev_uc_add(m->dev, addr))
		return;
	e->m = m;
	ether_addr_copy(e->addr, addr);
}

static void etrunk_probe_uc_prune(struct etrunk *et)
{
	struct etrunk_member *m;
	unsigned int i;
	bool found;

	for (i = 0; i < ARRAY_SIZE(et->probe.uc); i++) {
		if (!et->probe.uc[i].m)
			continue;
		found = false;
		list_for_each_entry(m, &et->members, list)
			found |= m == et->probe.uc[i].m;
		if (!found)
			et->probe.uc[i].m = NULL;
	}
}

void etrunk_probe_member_del(struct etrunk_member *m)
{
	ASSERT_RTNL();
	lockdep_assert_held(&m->et->lock);
	m->probe_uc = false;
	etrunk_probe_uc_set(m->et, m, false);
}

/* The trunk's lock: whether @m's probe address belongs in its unicast
 * filter; etrunk.notify_work makes it so under RTNL.
 */
static void etrunk_probe_uc_want(struct etrunk *et, struct etrunk_member *m,
				 bool want)
{
	if (m->probe_uc == want)
		return;
	WRITE_ONCE(m->probe_uc, want);
	mod_delayed_work(system_wq, &et->notify_work, 0);
}

void etrunk_probe_uc_sync(struct etrunk *et)
{
	struct etrunk_member *m;

	ASSERT_RTNL();
	etrunk_probe_uc_prune(et);
	list_for_each_entry(m, &et->members, list)
		etrunk_probe_uc_set(et, m, READ_ONCE(m->probe_uc));
}

/* The trunk's primary address in @dst's subnet, else any primary one,
 * else 0.0.0.0 (an ARP probe).
 */
static __be32 etrunk_probe_saddr4(struct net_device *dev, __be32 dst)
{
	const struct in_ifaddr *ifa;
	struct in_device *in_dev;
	__be32 any = 0;

	rcu_read_lock();
	in_dev = __in_dev_get_rcu(dev);
	if (in_dev) {
		in_dev_for_each_ifa_rcu(ifa, in_dev) {
			if (ifa->ifa_flags & IFA_F_SECONDARY)
				continue;
			if (inet_ifa_match(dst, ifa)) {
				any = ifa->ifa_local;
				break;
			}
			if (!any)
				any = ifa->ifa_local;
		}
	}
	rcu_read_unlock();
	return any;
}

/* The trunk's link-local address once DAD is done; false: use ::. */
static bool etrunk_probe_saddr6(struct net_device *dev, struct in6_addr *a)
{
	const struct inet6_ifaddr *ifp;
	struct inet6_dev *idev;
	bool found = false;

	rcu_read_lock();
	idev = __in6_dev_get(dev);
	if (idev) {
		read_lock_bh(&idev->lock);
		list_for_each_entry(ifp, &idev->addr_list, if_list) {
			if (ifp->scope == IFA_LINK &&
			    !(ifp->flags & (IFA_F_TENTATIVE | IFA_F_DADFAILED))) {
				*a = ifp->addr;
				found = true;
				break;
			}
		}
		read_unlock_bh(&idev->lock);
	}
	rcu_read_unlock();
	return found;
}

static bool etrunk_probe_xmit(struct sk_buff *skb, struct net_device *dev)
{
	skb->dev = dev;
	skb->priority = TC_PRIO_CONTROL;
	dev_queue_xmit(skb);
	return true;
}

static bool etrunk_probe_send_arp(struct net_device *dev, __be32 dst,
				  __be32 src, const u8 *mac)
{
	struct sk_buff *skb;

	skb = arp_create(ARPOP_REQUEST, ETH_P_ARP, dst, dev, src, NULL, mac,
			 NULL);
	if (!skb)
		return false;
	return etrunk_probe_xmit(skb, dev);
}

/* A neighbour solicitation for @target to its solicited-node group, from
 * @src (:: without a source link-layer option) and @mac.
 */
static bool etrunk_probe_send_ns(struct net_device *dev,
				 const struct in6_addr *target,
				 const struct in6_addr *src, const u8 *mac)
{
	int hlen = LL_RESERVED_SPACE(dev), tlen = dev->needed_tailroom;
	bool sllao = !ipv6_addr_any(src);
	int icmp_len = sizeof(struct nd_msg) + (sllao ? 8 : 0);
	u8 dmac[ETH_ALEN], *opt;
	struct in6_addr daddr;
	struct ipv6hdr *ip6;
	struct sk_buff *skb;
	struct nd_msg *msg;

	skb = alloc_skb(hlen + sizeof(*ip6) + icmp_len + tlen, GFP_ATOMIC);
	if (!skb)
		return false;
	skb_reserve(skb, hlen);
	addrconf_addr_solict_mult(target, &daddr);

	skb_reset_network_header(skb);
	ip6 = skb_put(skb, sizeof(*ip6));
	ip6_flow_hdr(ip6, 0, 0);
	ip6->payload_len = htons(icmp_len);
	ip6->nexthdr = IPPROTO_ICMPV6;
	ip6->hop_limit = 255;
	ip6->saddr = *src;
	ip6->daddr = daddr;

	skb_set_transport_header(skb, skb->len);
	msg = skb_put_zero(skb, icmp_len);
	msg->icmph.icmp6_type = NDISC_NEIGHBOUR_SOLICITATION;
	msg->target = *target;
	if (sllao) {
		opt = msg->opt;
		opt[0] = ND_OPT_SOURCE_LL_ADDR;
		opt[1] = 1;	/* in units of 8 bytes */
		ether_addr_copy(opt + 2, mac);
	}
	msg->icmph.icmp6_cksum =
		csum_ipv6_magic(src, &daddr, icmp_len, IPPROTO_ICMPV6,
				csum_partial(msg, icmp_len, 0));

	skb->protocol = htons(ETH_P_IPV6);
	ipv6_eth_mc_map(&daddr, dmac);
	if (dev_hard_header(skb, dev, ETH_P_IPV6, dmac, mac, skb->len) < 0) {
		kfree_skb(skb);
		return false;
	}
	return etrunk_probe_xmit(skb, dev);
}

/* One probe to each target from @m: as the trunk when @as_trunk (the
 * master), else as itself. True if at least one went out.
 */
static bool etrunk_probe_send(struct etrunk *et, struct etrunk_member *m,
			      bool as_trunk)
{
	struct net_device *tdev = et->dev;
	struct in6_addr src6 = {};
	bool have_src6 = false;
	const struct etrunk_probe_targets *ts;
	u8 mac[ETH_ALEN];
	bool sent = false;
	unsigned int i;

	if (as_trunk)
		etrunk_get_addr(et, mac);
	else
		etrunk_probe_own_addr(m, mac);

	ts = etrunk_probe_targets_of(et);
	for (i = 0; ts && i < ts->n; i++) {
		const struct etrunk_probe_target *t = &ts->t[i];

		if (!t->ipv6) {
			__be32 src = as_trunk ?
				     etrunk_probe_saddr4(tdev, t->ip4) : 0;

			sent |= etrunk_probe_send_arp(m->dev, t->ip4, src, mac);
			continue;
		}
		if (as_trunk && !have_src6) {
			etrunk_probe_saddr6(tdev, &src6);
			have_src6 = true;
		}
		sent |= etrunk_probe_send_ns(m->dev, &t->ip6, &src6, mac);
	}
	return sent;
}

static unsigned long etrunk_probe_period(const struct etrunk *et)
{
	return msecs_to_jiffies(et->probe.interval);
}

/* Before the next round: the master failed when its last probe_missed
 * rounds went unanswered. Rounds, not time, so that a round the work sent
 * late (a stalled guest) is no missed reply; and each round
 * sent counts once, a round that could not be sent not at all.
 */
static bool etrunk_probe_master_failed(struct etrunk *et,
				       const struct etrunk_member *m)
{
	struct etrunk_probe *p = &et->probe;

	if (p->round_of != m || !p->last_round)
		return false;
	if (time_after_eq(READ_ONCE(m->probe_reply), p->last_round))
		p->unanswered = 0;
	else
		p->unanswered++;
	p->last_round = 0;
	return p->unanswered >= p->missed;
}

/* The next round of @master counts from scratch. */
static void etrunk_probe_rounds_reset(struct etrunk *et,
				      const struct etrunk_member *master)
{
	et->probe.round_of = master;
	et->probe.last_round = 0;
	et->probe.unanswered = 0;
}

/* A failed member is back with the first answer after it began probing. */
static bool etrunk_probe_member_back(const struct etrunk_member *m)
{
	return m->probe_sent &&
	       time_after_eq(READ_ONCE(m->probe_reply), m->probe_sent);
}

static void etrunk_probe_judge(struct etrunk *et)
{
	struct etrunk_member *master = etrunk_dereference(et, et->active);
	struct etrunk_member *m;
	bool changed = false;

	list_for_each_entry(m, &et->members, list) {
		if (m == master) {
			if (m->probe_ok && etrunk_probe_master_failed(et, m)) {
				netdev_info(et->dev,
					    "%s: no reply to %u probe rounds\n",
					    m->dev->name, et->probe.missed);
				m->probe_ok = false;
				m->probe_sent = 0;
				changed = true;
			}
		} else if (!m->probe_ok && etrunk_probe_member_back(m)) {
			netdev_info(et->dev, "%s: probe reply, usable again\n",
				    m->dev->name);
			m->probe_ok = true;
			m->probe_sent = 0;
			changed = true;
		}
	}
	if (changed)
		__etrunk_select(et, NULL);
}

static void etrunk_probe_round(struct etrunk *et)
{
	struct etrunk_member *master, *m;
	unsigned long now;

	etrunk_probe_judge(et);

	/* Judging may have switched, and the switchover restarted us. */
	master = etrunk_dereference(et, et->active);
	if (et->probe.round_of != master)
		etrunk_probe_rounds_reset(et, master);
	list_for_each_entry(m, &et->members, list) {
		bool as_trunk = m == master;
		bool as_self = !as_trunk && m->reason == ETRUNK_REASON_PROBE;

		etrunk_probe_uc_want(et, m, as_self);
		if (!as_trunk && !as_self)
			continue;
		if (!netif_running(m->dev) || !netif_carrier_ok(m->dev))
			continue;
		now = jiffies ?: 1;
		if (!etrunk_probe_send(et, m, as_trunk))
			continue;
		if (!m->probe_sent)
			m->probe_sent = now;
		if (as_trunk)
			et->probe.last_round = now;
	}
}

static void etrunk_probe_work(struct work_struct *work)
{
	struct etrunk *et = container_of(to_delayed_work(work), struct etrunk,
					 probe.work);
	struct etrunk_member *master;

	mutex_lock(&et->lock);
	if (!et->probe.enabled)
		goto out;
	if (netif_running(et->dev)) {
		etrunk_probe_round(et);
	} else {
		/* Not judged while down: a fresh start when it comes up. */
		master = etrunk_dereference(et, et->active);
		if (master)
			master->probe_sent = 0;
		etrunk_probe_rounds_reset(et, master);
	}
	schedule_delayed_work(&et->probe.work, etrunk_probe_period(et));
out:
	mutex_unlock(&et->lock);
}

void etrunk_probe_init(struct etrunk *et)
{
	et->probe.missed = 3;
	INIT_DELAYED_WORK(&et->probe.work, etrunk_probe_work);
}

void etrunk_probe_uninit(struct etrunk *et)
{
	cancel_delayed_work_sync(&et->probe.work);
	etrunk_probe_set_targets(et, NULL);
}

void etrunk_probe_restart(struct etrunk *et)
{
	bool enabled = et->probe.interval && et->mode == ETRUNK_MODE_BACKUP;
	struct etrunk_member *m;
	bool changed = false;

	lockdep_assert_held(&et->lock);
	WRITE_ONCE(et->probe.enabled, enabled);
	etrunk_probe_rounds_reset(et, etrunk_dereference(et, et->active));
	/* Every grace period starts again with the next probe sent. */
	list_for_each_entry(m, &et->members, list) {
		m->probe_sent = 0;
		if (!enabled)
			etrunk_probe_uc_want(et, m, false);
		if (!enabled && !m->probe_ok) {
			m->probe_ok = true;
			changed = true;
		}
	}
	if (enabled) {
		/* Probe the new master (or with the new settings) at once. */
		mod_delayed_work(system_wq, &et->probe.work, 0);
		return;
	}
	/* Not _sync: this may run inside the work; without enabled it
	 * does not requeue itself.
	 */
	cancel_delayed_work(&et->probe.work);
	if (changed)
		__etrunk_select(et, NULL);
}

/* RCU (receive): is @ip one of the targets? */
static bool etrunk_probe_is_target4(const struct etrunk *et, __be32 ip)
{
	const struct etrunk_probe_targets *ts = rcu_dereference(et->probe.targets);
	unsigned int i;

	for (i = 0; ts && i < ts->n; i++)
		if (!ts->t[i].ipv6 && ts->t[i].ip4 == ip)
			return true;
	return false;
}

static bool etrunk_probe_is_target6(const struct etrunk *et,
				    const struct in6_addr *ip)
{
	const struct etrunk_probe_targets *ts = rcu_dereference(et->probe.targets);
	unsigned int i;

	for (i = 0; ts && i < ts->n; i++)
		if (ts->t[i].ipv6 && ipv6_addr_equal(&ts->t[i].ip6, ip))
			return true;
	return false;
}

static bool etrunk_probe_rx_arp(const struct etrunk *et,
				const struct sk_buff *skb)
{
	struct etrunk_probe_arp buf;
	const struct etrunk_probe_arp *arp;

	arp = skb_header_pointer(skb, 0, sizeof(buf), &buf);
	if (!arp || arp->hdr.ar_hrd != htons(ARPHRD_ETHER) ||
	    arp->hdr.ar_pro != htons(ETH_P_IP) ||
	    arp->hdr.ar_hln != ETH_ALEN || arp->hdr.ar_pln != 4)
		return false;
	if (arp->hdr.ar_op != htons(ARPOP_REPLY) &&
	    arp->hdr.ar_op != htons(ARPOP_REQUEST))
		return false;
	return etrunk_probe_is_target4(et, arp->body.sip);
}

static bool etrunk_probe_rx_na(const struct etrunk *et,
			       const struct sk_buff *skb)
{
	struct etrunk_probe_na buf;
	const struct etrunk_probe_na *na;

	na = skb_header_pointer(skb, 0, sizeof(buf), &buf);
	/* Neighbour discovery is only valid with hop limit 255 (RFC 4861). */
	if (!na || na->ip6.version != 6 || na->ip6.nexthdr != IPPROTO_ICMPV6 ||
	    na->ip6.hop_limit != 255 ||
	    na->nd.icmph.icmp6_type != NDISC_NEIGHBOUR_ADVERTISEMENT ||
	    na->nd.icmph.icmp6_code)
		return false;
	return etrunk_probe_is_target6(et, &na->nd.target);
}

void etrunk_probe_rx(struct etrunk_member *m, const struct sk_buff *skb)
{
	const struct etrunk *et = m->et;
	bool reply;

	/* Probes go untagged; a tagged frame belongs to a VLAN. */
	if (skb_vlan_tag_present(skb))
		return;
	if (skb->protocol == htons(ETH_P_ARP))
		reply = etrunk_probe_rx_arp(et, skb);
	else if (skb->protocol == htons(ETH_P_IPV6))
		reply = etrunk_probe_rx_na(et, skb);
	else
		return;
	if (reply)
		WRITE_ONCE(m->probe_reply, jiffies);
}
