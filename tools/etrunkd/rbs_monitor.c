// SPDX-License-Identifier: GPL-2.0
/*
 * rbs_monitor.c - the remote backup service's view of the kernel through
 * rtnetlink (rbs_int.h): the interfaces, the monitor's events and the
 * dumps, the local entries tracked (and sent), the peer's entries found
 * installed (adopted after a restart, or gone).
 *
 * What is local: a neighbour whose NDA_PROTOCOL is not ETRUNK_RBS_RTPROT
 * in a state with a link-layer address (reachable, stale, delay, probe,
 * permanent), and an MDB entry learned by snooping (temporary) on the
 * trunk port.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/etrunk.h>

#include "log.h"
#include "rbs_int.h"

/* ---- interfaces ---------------------------------------------------------- */

struct ifinfo *rbs_ifi(uint32_t ifindex)
{
	if (ifindex >= rbs.nifs || !rbs.ifs[ifindex].present)
		return NULL;
	return &rbs.ifs[ifindex];
}

static void link_msg(const struct nlmsghdr *nlh)
{
	const struct ifinfomsg *ifm = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *a, *li, *d;
	struct ifinfo *f, old;
	uint32_t idx = ifm->ifi_index;

	if (idx >= rbs.nifs) {
		uint32_t n = idx + 64;
		struct ifinfo *p = realloc(rbs.ifs, n * sizeof(*p));

		if (!p)
			return;
		memset(p + rbs.nifs, 0, (n - rbs.nifs) * sizeof(*p));
		rbs.ifs = p;
		rbs.nifs = n;
	}
	/* The bridge's view of a port or of itself changed (VLANs, STP
	 * state): what the kernel refused for a profile's trunk (an MDB
	 * entry of a VLAN not configured) may go in now.
	 */
	if (ifm->ifi_family == AF_BRIDGE && nlh->nlmsg_type == RTM_NEWLINK) {
		unsigned int i;

		for (i = 0; i < NPROF; i++) {
			const struct ifinfo *t = rbs_ifi(rbs.prof[i].ifindex);

			if (rbs.prof[i].used && (rbs.prof[i].ifindex == idx ||
						 (t && t->master == idx)))
				rbs.retry = true;
		}
	}
	f = &rbs.ifs[idx];
	old = *f;
	memset(f, 0, sizeof(*f));
	if (nlh->nlmsg_type == RTM_DELLINK) {
		if (old.present)
			rbs.redump = true;
		return;
	}
	f->present = true;
	mnl_attr_for_each(a, nlh, sizeof(*ifm)) {
		switch (mnl_attr_get_type(a)) {
		case IFLA_LINK:
			f->link = mnl_attr_get_u32(a);
			break;
		case IFLA_MASTER:
			f->master = mnl_attr_get_u32(a);
			break;
		case IFLA_LINKINFO:
			mnl_attr_for_each_nested(li, a) {
				if (mnl_attr_get_type(li) == IFLA_INFO_KIND) {
					const char *k = mnl_attr_get_str(li);

					f->vlan = !strcmp(k, "vlan");
					f->bridge = !strcmp(k, "bridge");
				} else if (mnl_attr_get_type(li) ==
					   IFLA_INFO_DATA) {
					mnl_attr_for_each_nested(d, li)
						if (mnl_attr_get_type(d) ==
						    IFLA_VLAN_ID)
							f->vid = mnl_attr_get_u16(d);
				}
			}
			break;
		}
	}
	if (!f->vlan)
		f->vid = 0;
	if (memcmp(&old, f, sizeof(old)))
		rbs.redump = true;
}

/* Which profile carrying @kind an entry on @ifindex belongs to. */
int rbs_resolve(uint32_t ifindex, uint8_t kind, uint8_t *rel,
		uint16_t *vid)
{
	const struct ifinfo *f = rbs_ifi(ifindex);
	unsigned int i;

	if (!f)
		return -1;
	for (i = 0; i < NPROF; i++) {
		const struct prof *p = &rbs.prof[i];
		const struct ifinfo *t;

		if (!p->used || p->svc < 0 || !(p->kinds & (1U << kind)))
			continue;
		t = rbs_ifi(p->ifindex);
		if (ifindex == p->ifindex) {
			*rel = ETKD_RBS_REL_TRUNK;
			*vid = 0;
			return i;
		}
		if (f->vlan && f->link == p->ifindex) {
			*rel = ETKD_RBS_REL_VLAN;
			*vid = f->vid;
			return i;
		}
		if (!t || !t->master)
			continue;
		if (ifindex == t->master) {
			*rel = ETKD_RBS_REL_BRIDGE;
			*vid = 0;
			return i;
		}
		if (f->vlan && f->link == t->master) {
			*rel = ETKD_RBS_REL_BRIDGE;
			*vid = f->vid;
			return i;
		}
	}
	return -1;
}

/* The interface of profile @p for (@rel, @vid), 0 if none here. */
uint32_t rbs_ifindex_of(const struct prof *p, uint8_t rel, uint16_t vid)
{
	const struct ifinfo *t = rbs_ifi(p->ifindex);
	uint32_t lower, i;

	if (!t)
		return 0;
	switch (rel) {
	case ETKD_RBS_REL_TRUNK:
		return p->ifindex;
	case ETKD_RBS_REL_VLAN:
		lower = p->ifindex;
		break;
	case ETKD_RBS_REL_BRIDGE:
		if (!t->master)
			return 0;
		if (!vid)
			return t->master;
		lower = t->master;
		break;
	default:
		return 0;
	}
	for (i = 0; i < rbs.nifs; i++)
		if (rbs.ifs[i].present && rbs.ifs[i].vlan &&
		    rbs.ifs[i].link == lower && rbs.ifs[i].vid == vid)
			return i;
	return 0;
}

/* ---- local entries from rtnetlink -------------------------------------------- */

static void local_set(const struct rbs_ekey *k, const uint8_t *lladdr,
		      uint8_t flags, int ifindex)
{
	struct rbs_ent *e = rbs_table_find(&rbs.local, k), *pe;

	if (e)
		e->stale = false;	/* seen by a full dump */
	if (e && !memcmp(e->lladdr, lladdr, 6) && e->flags == flags)
		return;
	if (!e) {
		e = rbs_table_add(&rbs.local, k);
		if (!e)
			return;
	}
	memcpy(e->lladdr, lladdr, 6);
	e->flags = flags;
	e->ifindex = ifindex;
	/* A local entry replaced the peer's (admin, or learned before). */
	pe = rbs_table_find(&rbs.peer, k);
	if (pe && pe->installed && k->kind <= ETKD_RBS_ND) {
		pe->installed = false;
		rbs.prof[k->prof].st[k->kind].removed++;
		rbs.prof[k->prof].st[k->kind].entries--;
	}
	rbs_send_change(e, false);
}

static void local_del(const struct rbs_ekey *k)
{
	struct rbs_ent *e = rbs_table_find(&rbs.local, k), *pe;

	if (!e)
		return;
	rbs_send_change(e, true);
	rbs_table_del(&rbs.local, e);
	pe = rbs_table_find(&rbs.peer, k);
	if (pe)
		rbs_peer_install(pe);
}

/* The peer's entry went from the kernel without us (admin, device). */
static void peer_gone(const struct rbs_ekey *k, int ifindex)
{
	struct rbs_ent *pe = rbs_table_find(&rbs.peer, k);

	if (pe && pe->installed && pe->ifindex == ifindex) {
		pe->installed = false;
		rbs.prof[k->prof].st[k->kind].removed++;
		rbs.prof[k->prof].st[k->kind].entries--;
	}
}

static void adopt(const struct rbs_ekey *k, const uint8_t *lladdr,
		  uint8_t flags, int ifindex)
{
	struct rbs_ent *e = rbs_table_find(&rbs.peer, k);

	if (e)
		return;
	e = rbs_peer_add(k);
	if (!e)
		return;
	memcpy(e->lladdr, lladdr, 6);
	e->flags = flags;
	e->ifindex = ifindex;
	e->installed = true;
	e->stale = true;
	rbs.prof[k->prof].st[k->kind].entries++;
}

static void neigh_msg(const struct nlmsghdr *nlh, bool dump)
{
	const struct ndmsg *nd = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *a;
	const void *dst = NULL;
	uint8_t lladdr[6] = {}, proto = 0, flags = 0;
	bool has_ll = false, valid;
	struct rbs_ekey k;
	int pi;

	if (nd->ndm_family != AF_INET && nd->ndm_family != AF_INET6)
		return;
	memset(&k, 0, sizeof(k));
	k.kind = nd->ndm_family == AF_INET ? ETKD_RBS_ARP : ETKD_RBS_ND;
	pi = rbs_resolve(nd->ndm_ifindex, k.kind, &k.rel, &k.vid);
	if (pi < 0)
		return;
	k.prof = (uint16_t)pi;
	mnl_attr_for_each(a, nlh, sizeof(*nd)) {
		switch (mnl_attr_get_type(a)) {
		case NDA_DST:
			if (mnl_attr_get_payload_len(a) ==
			    (k.kind == ETKD_RBS_ARP ? 4 : 16))
				dst = mnl_attr_get_payload(a);
			break;
		case NDA_LLADDR:
			if (mnl_attr_get_payload_len(a) == 6) {
				memcpy(lladdr, mnl_attr_get_payload(a), 6);
				has_ll = true;
			}
			break;
		case NDA_PROTOCOL:
			proto = mnl_attr_get_u8(a);
			break;
		}
	}
	if (!dst)
		return;
	addr_to16(k.addr, dst, k.kind == ETKD_RBS_ARP);
	if (nd->ndm_flags & NTF_ROUTER)
		flags |= ETKD_RBS_EF_ROUTER;
	/* Ours: the marker and extern_learn (an admin's replace clears the
	 * flag and keeps the protocol: local from then on).
	 */
	if (proto == ETRUNK_RBS_RTPROT && (nd->ndm_flags & NTF_EXT_LEARNED)) {
		if (nlh->nlmsg_type == RTM_DELNEIGH)
			peer_gone(&k, nd->ndm_ifindex);
		else if (dump)
			adopt(&k, lladdr, flags, nd->ndm_ifindex);
		return;
	}
	valid = nlh->nlmsg_type == RTM_NEWNEIGH && has_ll &&
		(nd->ndm_state & (NUD_REACHABLE | NUD_STALE | NUD_DELAY |
				  NUD_PROBE | NUD_PERMANENT));
	if (valid)
		local_set(&k, lladdr, flags, nd->ndm_ifindex);
	else
		local_del(&k);
}

static void mdb_entry(uint16_t type, const struct br_mdb_entry *me,
		      bool has_src, bool dump)
{
	struct rbs_ekey k;
	const uint8_t zero[6] = {};
	struct rbs_ent *pe;
	uint8_t rel;
	uint16_t vid;
	int pi;

	if (has_src)
		return;
	memset(&k, 0, sizeof(k));
	if (me->addr.proto == htons(0x0800))
		k.kind = ETKD_RBS_IGMP;
	else if (me->addr.proto == htons(0x86dd))
		k.kind = ETKD_RBS_MLD;
	else
		return;
	pi = rbs_resolve(me->ifindex, k.kind, &rel, &vid);
	if (pi < 0 || rel != ETKD_RBS_REL_TRUNK)
		return;
	k.prof = (uint16_t)pi;
	k.rel = ETKD_RBS_REL_BRIDGE;
	k.vid = me->vid;
	addr_to16(k.addr, &me->addr.u, k.kind == ETKD_RBS_IGMP);
	if (me->state == MDB_PERMANENT) {
		/* Ours (installed from the peer), or adopted after a restart. */
		if (type == RTM_DELMDB)
			peer_gone(&k, me->ifindex);
		else if (dump)
			adopt(&k, zero, 0, me->ifindex);
		return;
	}
	pe = rbs_table_find(&rbs.peer, &k);
	(void)pe;
	if (type == RTM_NEWMDB)
		local_set(&k, zero, 0, me->ifindex);
	else
		local_del(&k);
}

/* A dump's messages are RTM_GETMDB: as RTM_NEWMDB. */
static void mdb_msg(const struct nlmsghdr *nlh, bool dump)
{
	uint16_t type = nlh->nlmsg_type == RTM_DELMDB ? RTM_DELMDB :
			RTM_NEWMDB;
	const struct br_port_msg *bpm = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *a, *en, *in, *ea;

	/* Events say AF_BRIDGE, a dump's messages 0. */
	if (bpm->family != AF_BRIDGE && bpm->family != AF_UNSPEC)
		return;
	mnl_attr_for_each(a, nlh, sizeof(*bpm)) {
		if (mnl_attr_get_type(a) != MDBA_MDB)
			continue;
		mnl_attr_for_each_nested(en, a) {
			if (mnl_attr_get_type(en) != MDBA_MDB_ENTRY)
				continue;
			mnl_attr_for_each_nested(in, en) {
				const struct br_mdb_entry *me;
				bool has_src = false;
				size_t off = NLA_ALIGN(sizeof(*me));

				if (mnl_attr_get_type(in) != MDBA_MDB_ENTRY_INFO ||
				    mnl_attr_get_payload_len(in) < sizeof(*me))
					continue;
				me = mnl_attr_get_payload(in);
				/* nested MDBA_MDB_EATTR_* follow the struct */
				while (off + sizeof(struct nlattr) <=
				       mnl_attr_get_payload_len(in)) {
					ea = (const struct nlattr *)
					     ((const uint8_t *)me + off);
					if (ea->nla_len < sizeof(*ea))
						break;
					if ((ea->nla_type & NLA_TYPE_MASK) ==
					    MDBA_MDB_EATTR_SOURCE)
						has_src = true;
					off += NLA_ALIGN(ea->nla_len);
				}
				mdb_entry(type, me, has_src, dump);
			}
		}
	}
}

static void rtnl_msg(const struct nlmsghdr *nlh, bool dump)
{
	switch (nlh->nlmsg_type) {
	case RTM_NEWLINK:
	case RTM_DELLINK:
		link_msg(nlh);
		break;
	case RTM_NEWNEIGH:
	case RTM_DELNEIGH:
		neigh_msg(nlh, dump);
		break;
	case RTM_GETMDB:
		if (dump)
			mdb_msg(nlh, dump);
		break;
	case RTM_NEWMDB:
	case RTM_DELMDB:
		mdb_msg(nlh, dump);
		break;
	}
}

/* A dump on the request socket, each message to rtnl_msg(). */
static int dump(uint16_t type, uint8_t family)
{
	uint8_t req[NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct ifinfomsg))];
	struct nlmsghdr *nlh;
	struct rtgenmsg *g;
	uint32_t seq;
	bool done = false;

	/* The batch first (with its errors); the dump's request alone, its
	 * answer is read here, not by rbs_rq_read().
	 */
	rbs_rq_flush();
	rbs_rq_read();
	memset(req, 0, sizeof(req));
	nlh = mnl_nlmsg_put_header(req);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	nlh->nlmsg_seq = seq = ++rbs.rq_seq;
	g = mnl_nlmsg_put_extra_header(nlh, type == RTM_GETLINK ?
				       sizeof(struct ifinfomsg) :
				       type == RTM_GETNEIGH ?
				       sizeof(struct ndmsg) :
				       sizeof(struct br_port_msg));
	g->rtgen_family = family;
	if (send(rbs.rq, nlh, nlh->nlmsg_len, 0) < 0)
		return -errno;
	while (!done) {
		ssize_t n = recv(rbs.rq, rbs.rbuf, RTNL_BUF, 0);
		int len;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		len = (int)n;
		for (nlh = (struct nlmsghdr *)rbs.rbuf; mnl_nlmsg_ok(nlh, len);
		     nlh = mnl_nlmsg_next(nlh, &len)) {
			if (nlh->nlmsg_seq != seq) {
				if (nlh->nlmsg_type == NLMSG_ERROR)
					rbs_rq_error(nlh);
				continue;
			}
			if (nlh->nlmsg_type == NLMSG_DONE ||
			    nlh->nlmsg_type == NLMSG_ERROR) {
				done = true;
				break;
			}
			rtnl_msg(nlh, true);
		}
	}
	return 0;
}

/*
 * Read the links, then every neighbour and MDB entry: entries we hold as
 * local and no longer find are gone (sent as deletions).
 */
void rbs_full_dump(uint64_t now)
{
	struct rbs_ent *e, *n;

	if (rbs.nifs)	/* none yet: rbs.ifs is NULL */
		memset(rbs.ifs, 0, rbs.nifs * sizeof(*rbs.ifs));
	dump(RTM_GETLINK, AF_UNSPEC);
	rbs.redump = false;
	for (e = rbs_table_first(&rbs.local); e;
	     e = rbs_table_next(&rbs.local, e))
		e->stale = true;
	dump(RTM_GETNEIGH, AF_UNSPEC);
	dump(RTM_GETMDB, AF_BRIDGE);
	for (e = rbs_table_first(&rbs.local); e; e = n) {
		n = rbs_table_next(&rbs.local, e);
		if (e->stale) {
			struct rbs_ekey k = e->k;

			local_del(&k);
		}
	}
	/* Interfaces may have come: install what waited for them (or was
	 * refused).
	 */
	rbs.retry = false;
	for (e = rbs_table_first(&rbs.peer); e;
	     e = rbs_table_next(&rbs.peer, e))
		rbs_peer_install(e);
	rbs_flush_all(now);
}

static bool draining;

void rbs_mon_drain(void)
{
	if (draining || rbs.mon < 0)
		return;
	draining = true;
	for (;;) {
		ssize_t n = recv(rbs.mon, rbs.mbuf, RTNL_BUF, MSG_DONTWAIT);
		const struct nlmsghdr *nlh;
		int len;

		if (n < 0) {
			if (errno == ENOBUFS) {
				log_info("rbs: rtnetlink events lost, reading the tables again");
				rbs.redump = true;
				continue;
			}
			break;
		}
		len = (int)n;
		for (nlh = (struct nlmsghdr *)rbs.mbuf; mnl_nlmsg_ok(nlh, len);
		     nlh = mnl_nlmsg_next(nlh, &len))
			rtnl_msg(nlh, false);
	}
	draining = false;
}

void rbs_mon_read(uint64_t now)
{
	rbs_mon_drain();
	if (rbs.redump)
		rbs_full_dump(now);
	if (rbs.retry)
		rbs_peer_retry();
	rbs_flush_all(now);
}
