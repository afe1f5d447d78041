// SPDX-License-Identifier: GPL-2.0
/*
 * rbs_install.c - the remote backup service's install of the peer's
 * entries in the kernel (rbs_int.h): rtnetlink requests batched without
 * acks, their refusals, installing and removing the peer's entries.
 *
 * What we install: neighbours NUD_STALE, NTF_EXT_LEARNED,
 * protocol ETRUNK_RBS_RTPROT, never where a local entry is (the local one
 * wins on each side, and the peer's is installed when the local one
 * goes); MDB entries permanent on the trunk port (Linux 6.1 takes no
 * protocol for them: after a restart the daemon adopts the permanent
 * entries on a profile's trunk port as installed from the peer, and the
 * next bulk keeps or removes them).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_bridge.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/etrunk.h>

#include "log.h"
#include "rbs_int.h"

static bool kind_v4(uint8_t kind)
{
	return kind == ETKD_RBS_ARP || kind == ETKD_RBS_IGMP;
}

/* ---- rtnetlink requests: batched, without acks ------------------------------- */

void rbs_rq_flush(void)
{
	if (!rbs.slen)
		return;
	if (send(rbs.rq, rbs.sbuf, rbs.slen, 0) < 0)
		log_err("rtnetlink: %s", strerror(errno));
	rbs.slen = 0;
	/* The kernel answered the batch in send(): its refusals first, with
	 * the interfaces as the batch saw them (before the events).
	 */
	rbs_rq_read();
	/* Our installs come back as events: read them as they come, before
	 * a bulk's worth overflows the socket (and costs a full dump).
	 */
	rbs_mon_drain();
}

static struct nlmsghdr *rq_msg(uint16_t type, uint16_t flags)
{
	struct nlmsghdr *nlh;

	if (rbs.slen + 512 > sizeof(rbs.sbuf))
		rbs_rq_flush();
	nlh = mnl_nlmsg_put_header(rbs.sbuf + rbs.slen);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = ++rbs.rq_seq;
	return nlh;
}

static void rq_done(struct nlmsghdr *nlh)
{
	rbs.slen += NLMSG_ALIGN(nlh->nlmsg_len);
}

/*
 * The key of the entry an install request @req (RTM_NEWNEIGH or
 * RTM_NEWMDB, as install() builds it) was for, and the interface it went
 * to: 0 if not ours or not understood.
 */
static uint32_t req_key(const struct nlmsghdr *req, struct rbs_ekey *k)
{
	const struct nlattr *a;
	int pi;

	memset(k, 0, sizeof(*k));
	if (req->nlmsg_type == RTM_NEWNEIGH) {
		const struct ndmsg *nd = mnl_nlmsg_get_payload(req);
		const void *dst = NULL;

		if (req->nlmsg_len < NLMSG_HDRLEN + sizeof(*nd))
			return 0;
		if (nd->ndm_family != AF_INET && nd->ndm_family != AF_INET6)
			return 0;
		k->kind = nd->ndm_family == AF_INET ? ETKD_RBS_ARP :
			  ETKD_RBS_ND;
		mnl_attr_for_each(a, req, sizeof(*nd))
			if (mnl_attr_get_type(a) == NDA_DST &&
			    mnl_attr_get_payload_len(a) ==
			    (k->kind == ETKD_RBS_ARP ? 4U : 16U))
				dst = mnl_attr_get_payload(a);
		pi = rbs_resolve(nd->ndm_ifindex, k->kind, &k->rel, &k->vid);
		if (!dst || pi < 0)
			return 0;
		k->prof = (uint16_t)pi;
		addr_to16(k->addr, dst, k->kind == ETKD_RBS_ARP);
		return nd->ndm_ifindex;
	}
	if (req->nlmsg_type == RTM_NEWMDB) {
		const struct br_mdb_entry *me = NULL;
		uint8_t rel;
		uint16_t vid;

		if (req->nlmsg_len < NLMSG_HDRLEN + sizeof(struct br_port_msg))
			return 0;
		mnl_attr_for_each(a, req, sizeof(struct br_port_msg))
			if (mnl_attr_get_type(a) == MDBA_SET_ENTRY &&
			    mnl_attr_get_payload_len(a) >= sizeof(*me))
				me = mnl_attr_get_payload(a);
		if (!me)
			return 0;
		if (me->addr.proto == htons(0x0800))
			k->kind = ETKD_RBS_IGMP;
		else if (me->addr.proto == htons(0x86dd))
			k->kind = ETKD_RBS_MLD;
		else
			return 0;
		pi = rbs_resolve(me->ifindex, k->kind, &rel, &vid);
		if (pi < 0 || rel != ETKD_RBS_REL_TRUNK)
			return 0;
		k->prof = (uint16_t)pi;
		k->rel = ETKD_RBS_REL_BRIDGE;
		k->vid = me->vid;
		addr_to16(k->addr, &me->addr.u, k->kind == ETKD_RBS_IGMP);
		return me->ifindex;
	}
	return 0;
}

/*
 * A refused request. The answer echoes it in full (the socket does not
 * set NETLINK_CAP_ACK): an install's entry is not installed after all,
 * counted failed, and tried again where rbs_peer_install() runs again.
 * Deletions of entries already gone (-ENOENT) and entries already there
 * (-EEXIST: an MDB entry is not replaced) are not failures.
 */
void rbs_rq_error(const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);
	size_t plen = mnl_nlmsg_get_payload_len(nlh);
	const size_t hlen = offsetof(struct nlmsgerr, msg);
	const struct nlmsghdr *req = &err->msg;
	struct rbs_ent *pe;
	struct rbs_ekey k;
	struct prof *p;
	uint32_t ifindex;

	if (plen < sizeof(*err) || !err->error || err->error == -EEXIST)
		return;
	if (req->nlmsg_type != RTM_NEWNEIGH && req->nlmsg_type != RTM_NEWMDB)
		return;
	if ((nlh->nlmsg_flags & NLM_F_CAPPED) || req->nlmsg_len > plen - hlen)
		return;
	ifindex = req_key(req, &k);
	if (!ifindex)
		return;
	pe = rbs_table_find(&rbs.peer, &k);
	if (!pe || !pe->installed || pe->ifindex != (int)ifindex)
		return;
	pe->installed = false;
	p = &rbs.prof[k.prof];
	if (p->st[k.kind].installed)
		p->st[k.kind].installed--;
	if (p->st[k.kind].entries)
		p->st[k.kind].entries--;
	p->st[k.kind].failed++;
	log_debug("rbp %s: the kernel refused an entry of the peer on ifindex %u: %s",
		  p->name, ifindex, strerror(-err->error));
}

/* Errors of the batched requests (no acks: only failures answer). */
void rbs_rq_read(void)
{
	for (;;) {
		ssize_t n = recv(rbs.rq, rbs.rbuf, RTNL_BUF, MSG_DONTWAIT);
		const struct nlmsghdr *nlh;
		int len;

		if (n < 0 && errno == ENOBUFS) {
			log_info("rbs: rtnetlink errors lost");
			continue;
		}
		if (n <= 0)
			return;
		len = (int)n;
		for (nlh = (struct nlmsghdr *)rbs.rbuf; mnl_nlmsg_ok(nlh, len);
		     nlh = mnl_nlmsg_next(nlh, &len))
			if (nlh->nlmsg_type == NLMSG_ERROR)
				rbs_rq_error(nlh);
	}
}

/*
 * Returns the interface it went to, 0 if none is there. A neighbour goes
 * to the interface of its relation; an MDB entry to the trunk port, in
 * its VLAN, whether or not the bridge has an interface in that VLAN.
 */
static uint32_t install(struct rbs_ent *e, bool del)
{
	const struct prof *p = &rbs.prof[e->k.prof];
	bool neigh = e->k.kind == ETKD_RBS_ARP || e->k.kind == ETKD_RBS_ND;
	uint32_t ifindex = del ? (uint32_t)e->ifindex :
			   neigh ? rbs_ifindex_of(p, e->k.rel, e->k.vid) :
			   p->ifindex;
	bool v4 = kind_v4(e->k.kind);
	struct nlmsghdr *nlh;

	if (!ifindex)
		return 0;
	if (neigh) {
		struct ndmsg *nd;

		nlh = rq_msg(del ? RTM_DELNEIGH : RTM_NEWNEIGH,
			     del ? 0 : NLM_F_CREATE | NLM_F_REPLACE);
		nd = mnl_nlmsg_put_extra_header(nlh, sizeof(*nd));
		nd->ndm_family = v4 ? AF_INET : AF_INET6;
		nd->ndm_ifindex = ifindex;
		if (!del) {
			/* Stale, not reachable: a reachable entry is on the
			 * kernel's timer and turns stale base_reachable_time
			 * (15 to 45 s) later with an RTM_NEWNEIGH of its own,
			 * so a bulk of 100,000 came back as 100,000 events at
			 * once, enough to overrun rtnetlink listeners (ours,
			 * ip monitor, a routing daemon) while the incremental
			 * updates went on. A stale one has no timer, is used
			 * at once and verified by the kernel on first use.
			 */
			nd->ndm_state = NUD_STALE;
			nd->ndm_flags = NTF_EXT_LEARNED;
			if (e->flags & ETKD_RBS_EF_ROUTER)
				nd->ndm_flags |= NTF_ROUTER;
		}
		mnl_attr_put(nlh, NDA_DST, v4 ? 4 : 16,
			     v4 ? e->k.addr + 12 : e->k.addr);
		if (!del) {
			mnl_attr_put(nlh, NDA_LLADDR, 6, e->lladdr);
			mnl_attr_put_u8(nlh, NDA_PROTOCOL, ETRUNK_RBS_RTPROT);
		}
	} else {
		const struct ifinfo *t = rbs_ifi(p->ifindex);
		struct br_port_msg *bpm;
		struct br_mdb_entry me;

		if (!t || !t->master)
			return 0;
		nlh = rq_msg(del ? RTM_DELMDB : RTM_NEWMDB,
			     del ? 0 : NLM_F_CREATE);
		bpm = mnl_nlmsg_put_extra_header(nlh, sizeof(*bpm));
		bpm->family = AF_BRIDGE;
		bpm->ifindex = t->master;
		memset(&me, 0, sizeof(me));
		me.ifindex = p->ifindex;
		me.state = MDB_PERMANENT;
		me.vid = e->k.vid;
		if (v4) {
			memcpy(&me.addr.u.ip4, e->k.addr + 12, 4);
			me.addr.proto = htons(0x0800);
		} else {
			memcpy(&me.addr.u.ip6, e->k.addr, 16);
			me.addr.proto = htons(0x86dd);
		}
		mnl_attr_put(nlh, MDBA_SET_ENTRY, sizeof(me), &me);
		ifindex = p->ifindex;
	}
	rq_done(nlh);
	return ifindex;
}

/*
 * Install a peer entry unless a local one is there. Counted installed
 * when the request goes; rbs_rq_error() takes it back (counting it failed) if
 * the kernel refuses it. An entry not installed (no interface for it, a
 * local one there, refused) is tried again here from rbs_full_dump() (the
 * tables read again: a link changed, events lost), rbs_peer_retry() (the
 * trunk's bridge port or bridge changed: AF_BRIDGE RTM_NEWLINK, e.g. a
 * VLAN added), local_del() and rx_entries().
 */
void rbs_peer_install(struct rbs_ent *e)
{
	struct prof *p = &rbs.prof[e->k.prof];

	uint32_t ifindex;

	if (e->installed || rbs_table_find(&rbs.local, &e->k))
		return;
	ifindex = install(e, false);
	if (!ifindex)
		return;
	e->ifindex = (int)ifindex;
	e->installed = true;
	p->st[e->k.kind].installed++;
	p->st[e->k.kind].entries++;
}

static void peer_uninstall(struct rbs_ent *e)
{
	struct prof *p = &rbs.prof[e->k.prof];

	if (!e->installed)
		return;
	install(e, true);
	e->installed = false;
	p->st[e->k.kind].removed++;
	p->st[e->k.kind].entries--;
}

/* The service whose peer entries @prof's are; NULL: none. */
static struct svc *peer_svc(uint16_t prof)
{
	int si = rbs.prof[prof].svc;

	return si >= 0 && si < NSVC ? &rbs.svc[si] : NULL;
}

/*
 * A new entry of the peer's table (none with key @k there yet), counted
 * in its service's peer_n (whatever its max_entries: the caller checks
 * it); NULL: no memory.
 */
struct rbs_ent *rbs_peer_add(const struct rbs_ekey *k)
{
	struct rbs_ent *e = rbs_table_add(&rbs.peer, k);
	struct svc *s = peer_svc(k->prof);

	if (e && s)
		s->peer_n++;
	return e;
}

void rbs_peer_remove(struct rbs_ent *e)
{
	struct svc *s = peer_svc(e->k.prof);

	peer_uninstall(e);
	if (s && s->peer_n)
		s->peer_n--;
	rbs_table_del(&rbs.peer, e);
}

/* Remove the peer's entries of service @si (profile @pi if >= 0). */
void rbs_peer_flush(int si, int pi)
{
	struct rbs_ent *e = rbs_table_first(&rbs.peer), *n;

	for (; e; e = n) {
		n = rbs_table_next(&rbs.peer, e);
		if ((pi >= 0 && e->k.prof != pi) ||
		    (pi < 0 && rbs.prof[e->k.prof].svc != si))
			continue;
		rbs_peer_remove(e);
	}
	rbs_rq_flush();
}

/* Install again the peer's entries not installed (refused, maybe taken
 * now): the trunk's bridge port or bridge changed.
 */
void rbs_peer_retry(void)
{
	struct rbs_ent *e;

	rbs.retry = false;
	for (e = rbs_table_first(&rbs.peer); e;
	     e = rbs_table_next(&rbs.peer, e))
		if (!e->installed)
			rbs_peer_install(e);
	rbs_rq_flush();
}
