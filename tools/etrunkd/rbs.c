// SPDX-License-Identifier: GPL-2.0
/*
 * rbs.c - etrunkd's remote backup service (rbs.h): hot backup of the
 * ARP/ND neighbours and bridge MDB entries of each profile's trunk to the
 * E-Trunk peer, over one TCP connection per service.
 *
 * The channel: the side with the lower source address (bytes compared,
 * IPv4 or IPv6) connects, the other listens on its source address and the
 * service's port and accepts only the peer's address; a new connection
 * from the peer replaces the current one (the peer restarted). Both send
 * a hello (signed when a key is set), then on the peer's valid hello a
 * full sync: bulk-start, the local entries of every profile of the
 * service, bulk-end. The receiver marks the entries it holds from the
 * peer stale at bulk-start and removes those still stale at bulk-end,
 * so a bulk cut off half-way and a restart of either daemon leave
 * nothing stale behind. Every change after the bulk's start goes at once
 * (entries, delete). A keepalive goes every interval without other
 * traffic; 3 intervals without a message end the connection; the
 * connecting side retries after 100 ms, doubling to 5 s, back to 100 ms
 * once a session came up. The peer's entries stay the service's hold
 * time after the channel went down.
 *
 * Flow control: sockets are non-blocking; what the socket does not take
 * waits in an output buffer sent on EPOLLOUT, and a bulk is produced only
 * while less than BULK_LOW bytes wait, so a table of 100,000 entries
 * never blocks the loop nor fills memory.
 *
 * What is local: a neighbour whose NDA_PROTOCOL is not ETRUNK_RBS_RTPROT
 * in a state with a link-layer address (reachable, stale, delay, probe,
 * permanent), and an MDB entry learned by snooping (temporary) on the
 * trunk port. What we install: neighbours NUD_STALE, NTF_EXT_LEARNED,
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
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/genetlink.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/etrunk.h>

#include "log.h"
#include "rbs.h"
#include "rbs_msg.h"
#include "rbs_table.h"

#define NSVC		ETRUNK_RBS_MAX_SERVICES
#define NPROF		ETRUNK_RBP_MAX_PROFILES
#define IDX_MON		0xfffffff0u
#define IDX_REQ		0xfffffff1u
#define BACKOFF_MIN_MS	100
#define BACKOFF_MAX_MS	5000
#define STATE_INTERVAL_MS 2000
#define BULK_LOW	(256 * 1024)	/* produce bulk below this backlog */
#define RTNL_BUF	(1 << 20)

enum ch_state { CH_IDLE, CH_CONNECTING, CH_HELLO, CH_SYNC, CH_UP };

struct buf {
	uint8_t *p;
	size_t len, cap, off;	/* off: consumed (output: sent) */
};

struct kstat {
	uint64_t sent, received, installed, removed, entries, failed;
};

struct prof {
	bool used;
	char name[ETRUNK_RBS_NAME_MAX + 1];
	char svc_name[ETRUNK_RBS_NAME_MAX + 1];
	int svc;		/* slot, -1: none */
	uint32_t backup_id;
	uint32_t kinds;
	uint32_t ifindex;
	struct kstat st[__ETKD_RBS_KIND_MAX];
	struct kstat written[__ETKD_RBS_KIND_MAX];
	bool seen;
};

struct svc {
	bool used;
	bool seen;
	char name[ETRUNK_RBS_NAME_MAX + 1];
	uint8_t alen;
	uint8_t peer[16], src[16];
	uint16_t port;
	uint8_t key[ETRUNK_RBS_KEY_MAX];
	unsigned int key_len;
	uint32_t hold_s;
	uint32_t keepalive_ms;

	bool connector;		/* our address is the lower */
	int lfd, fd;
	enum ch_state st;
	uint64_t next_try_ms;
	uint32_t backoff_ms;
	struct buf in, out;
	bool want_out;		/* EPOLLOUT registered */
	bool rx_more;		/* input left for the next round */
	uint64_t tx_seq, rx_seq;
	struct etkd_rbs_auth tx_auth, rx_auth;
	uint32_t peer_keepalive;
	uint64_t last_rx_ms, last_tx_ms, hello_ms;
	/* bulk out */
	bool bulk_tx, bulk_tx_done;
	struct rbs_ent *cursor;
	uint32_t bulk_count;
	bool bulk_rx_done;
	/* the open incremental message in @out */
	size_t open_off;
	uint8_t open_type;
	uint32_t open_id, open_n;
	/* channel down: the peer's entries go at hold_deadline */
	uint64_t hold_deadline;	/* 0: none */
	uint64_t down_ms;	/* when the channel went down */
	/* state for the kernel */
	uint64_t connects, auth_failures, errors;
	uint32_t last_sync_ms;
	bool sync_to_write;
	uint8_t kstate_written;
	uint64_t w_connects, w_auth, w_errors;
	uint64_t next_state_ms;
};

struct ifinfo {
	uint32_t link;		/* IFLA_LINK (VLAN's lower device) */
	uint32_t master;
	uint16_t vid;		/* a VLAN device's id */
	bool vlan, bridge, present;
};

static struct {
	int epfd;
	struct nl *req;
	int mon, rq;		/* rtnetlink: events, requests */
	uint32_t rq_seq;
	struct svc svc[NSVC];
	struct prof prof[NPROF];
	struct rbs_table local, peer;
	struct ifinfo *ifs;
	uint32_t nifs;
	uint8_t *rbuf;		/* requests' answers */
	uint8_t *mbuf;		/* events */
	uint8_t sbuf[65536];	/* batched rtnetlink requests */
	size_t slen;
	bool redump;
	bool retry;		/* install the peer's entries not installed */
	uint64_t now;
} R;

/* ---- helpers --------------------------------------------------------- */

static void addr_str(const uint8_t *a, unsigned int len, char *s, size_t n)
{
	inet_ntop(len == 4 ? AF_INET : AF_INET6, a, s, n);
}

static void make_sa(const uint8_t *a, unsigned int len, uint16_t port,
		    struct sockaddr_storage *ss, socklen_t *sl)
{
	memset(ss, 0, sizeof(*ss));
	if (len == 4) {
		struct sockaddr_in *s = (struct sockaddr_in *)ss;

		s->sin_family = AF_INET;
		s->sin_port = htons(port);
		memcpy(&s->sin_addr, a, 4);
		*sl = sizeof(*s);
	} else {
		struct sockaddr_in6 *s = (struct sockaddr_in6 *)ss;

		s->sin6_family = AF_INET6;
		s->sin6_port = htons(port);
		memcpy(&s->sin6_addr, a, 16);
		*sl = sizeof(*s);
	}
}

static void addr_to16(uint8_t *dst, const void *src, bool v4)
{
	if (v4) {
		memset(dst, 0, 10);
		dst[10] = dst[11] = 0xff;
		memcpy(dst + 12, src, 4);
	} else {
		memcpy(dst, src, 16);
	}
}

static bool kind_v4(uint8_t kind)
{
	return kind == ETKD_RBS_ARP || kind == ETKD_RBS_IGMP;
}

static int buf_reserve(struct buf *b, size_t more)
{
	size_t cap;
	uint8_t *p;

	if (b->len + more <= b->cap)
		return 0;
	if (b->off) {	/* compact first */
		memmove(b->p, b->p + b->off, b->len - b->off);
		b->len -= b->off;
		b->off = 0;
		if (b->len + more <= b->cap)
			return 0;
	}
	cap = b->cap ? b->cap : 65536;
	while (cap < b->len + more)
		cap *= 2;
	p = realloc(b->p, cap);
	if (!p)
		return -ENOMEM;
	b->p = p;
	b->cap = cap;
	return 0;
}

static void buf_free(struct buf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

static size_t buf_pending(const struct buf *b)
{
	return b->len - b->off;
}

/* ---- the kernel's configuration and our state ---------------------------- */

static const struct nlattr *genl_nest(const struct nlmsghdr *nlh, int type)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == type)
			return a;
	return NULL;
}

static void copy_name(char *dst, const struct nlattr *a)
{
	size_t n = mnl_attr_get_payload_len(a);

	if (n > ETRUNK_RBS_NAME_MAX)
		n = ETRUNK_RBS_NAME_MAX;
	memcpy(dst, mnl_attr_get_payload(a), n);
	dst[n] = '\0';
}

struct ksvc_list {
	unsigned int n;
	struct svc s[NSVC];
};

static int svc_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *nest = genl_nest(nlh, ETRUNK_A_RBS), *a;
	struct ksvc_list *l = data;
	struct svc *s;
	uint8_t slen = 0;

	if (!nest || l->n >= NSVC)
		return MNL_CB_OK;
	s = &l->s[l->n];
	memset(s, 0, sizeof(*s));
	s->port = ETRUNK_RBS_DEFAULT_PORT;
	s->hold_s = ETRUNK_RBS_DEFAULT_HOLD_TIME;
	s->keepalive_ms = ETRUNK_RBS_DEFAULT_KEEPALIVE;
	mnl_attr_for_each_nested(a, nest) {
		uint16_t len = mnl_attr_get_payload_len(a);

		switch (mnl_attr_get_type(a)) {
		case ETRUNK_RBS_A_NAME:
			copy_name(s->name, a);
			break;
		case ETRUNK_RBS_A_PEER_ADDR:
			if (len == 4 || len == 16) {
				memcpy(s->peer, mnl_attr_get_payload(a), len);
				s->alen = len;
			}
			break;
		case ETRUNK_RBS_A_SOURCE_ADDR:
			if (len == 4 || len == 16) {
				memcpy(s->src, mnl_attr_get_payload(a), len);
				slen = len;
			}
			break;
		case ETRUNK_RBS_A_PORT:
			if (len == 2)
				s->port = mnl_attr_get_u16(a);
			break;
		case ETRUNK_RBS_A_HOLD_TIME:
			if (len == 4)
				s->hold_s = mnl_attr_get_u32(a);
			break;
		case ETRUNK_RBS_A_KEEPALIVE:
			if (len == 4)
				s->keepalive_ms = mnl_attr_get_u32(a);
			break;
		}
	}
	if (!s->name[0] || !s->alen || slen != s->alen)
		return MNL_CB_OK;
	if (s->keepalive_ms < ETRUNK_RBS_MIN_KEEPALIVE)
		s->keepalive_ms = ETRUNK_RBS_MIN_KEEPALIVE;
	l->n++;
	return MNL_CB_OK;
}

static int key_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *nest = genl_nest(nlh, ETRUNK_A_RBS), *a;
	struct svc *s = data;

	if (!nest)
		return MNL_CB_OK;
	mnl_attr_for_each_nested(a, nest) {
		uint16_t n = mnl_attr_get_payload_len(a);

		if (mnl_attr_get_type(a) != ETRUNK_RBS_A_KEY ||
		    n > sizeof(s->key))
			continue;
		memcpy(s->key, mnl_attr_get_payload(a), n);
		s->key_len = n;
	}
	return MNL_CB_OK;
}

struct kprof_list {
	unsigned int n;
	struct prof p[NPROF];
};

static int prof_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *nest = genl_nest(nlh, ETRUNK_A_RBP), *a;
	struct kprof_list *l = data;
	struct prof *p;

	if (!nest || l->n >= NPROF)
		return MNL_CB_OK;
	p = &l->p[l->n];
	memset(p, 0, sizeof(*p));
	p->kinds = ETRUNK_RBP_KINDS_ALL;
	mnl_attr_for_each_nested(a, nest) {
		uint16_t len = mnl_attr_get_payload_len(a);

		switch (mnl_attr_get_type(a)) {
		case ETRUNK_RBP_A_NAME:
			copy_name(p->name, a);
			break;
		case ETRUNK_RBP_A_SERVICE:
			copy_name(p->svc_name, a);
			break;
		case ETRUNK_RBP_A_BACKUP_ID:
			if (len == 4)
				p->backup_id = mnl_attr_get_u32(a);
			break;
		case ETRUNK_RBP_A_KINDS:
			if (len == 4)
				p->kinds = mnl_attr_get_u32(a);
			break;
		case ETRUNK_RBP_A_IFINDEX:
			if (len == 4)
				p->ifindex = mnl_attr_get_u32(a);
			break;
		}
	}
	if (p->name[0] && p->svc_name[0] && p->backup_id && p->ifindex)
		l->n++;
	return MNL_CB_OK;
}

static void put_stat(struct nlmsghdr *nlh, uint8_t kind, const struct kstat *k)
{
	struct nlattr *n = mnl_attr_nest_start(nlh, ETRUNK_RBP_A_KIND_STATS);

	mnl_attr_put_u8(nlh, ETRUNK_RBP_KS_A_KIND, kind);
	mnl_attr_put_u64(nlh, ETRUNK_RBP_KS_A_SENT, k->sent);
	mnl_attr_put_u64(nlh, ETRUNK_RBP_KS_A_RECEIVED, k->received);
	mnl_attr_put_u64(nlh, ETRUNK_RBP_KS_A_INSTALLED, k->installed);
	mnl_attr_put_u64(nlh, ETRUNK_RBP_KS_A_REMOVED, k->removed);
	mnl_attr_put_u64(nlh, ETRUNK_RBP_KS_A_ENTRIES, k->entries);
	mnl_attr_put_u64(nlh, ETRUNK_RBP_KS_A_FAILED, k->failed);
	mnl_attr_nest_end(nlh, n);
}

static void write_prof(struct prof *p)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest, *st;
	uint8_t k;
	int err;

	if (!memcmp(p->st, p->written, sizeof(p->st)))
		return;
	nlh = nl_request(R.req, ETRUNK_CMD_SET_RBP_STATE, NLM_F_ACK);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_RBP);
	mnl_attr_put_strz(nlh, ETRUNK_RBP_A_NAME, p->name);
	st = mnl_attr_nest_start(nlh, ETRUNK_RBP_A_STATS);
	for (k = 0; k < __ETKD_RBS_KIND_MAX; k++)
		if (p->kinds & (1U << k))
			put_stat(nlh, k, &p->st[k]);
	mnl_attr_nest_end(nlh, st);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(R.req, nlh, NULL, NULL);
	if (err && err != -ENOENT)
		log_err("rbp %s: writing the counters: %s%s%s", p->name,
			strerror(-err), R.req->errmsg[0] ? ": " : "",
			R.req->errmsg);
	if (!err)
		memcpy(p->written, p->st, sizeof(p->st));
}

static uint8_t ch_kstate(const struct svc *s)
{
	switch (s->st) {
	case CH_IDLE:
		return ETRUNK_RBS_DOWN;
	case CH_CONNECTING:
	case CH_HELLO:
		return ETRUNK_RBS_CONNECTING;
	case CH_SYNC:
		return ETRUNK_RBS_SYNCING;
	case CH_UP:
		return ETRUNK_RBS_UP;
	}
	return ETRUNK_RBS_DOWN;
}

static void write_svc(struct svc *s, uint64_t now, bool force)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	uint8_t ks = ch_kstate(s);
	int err;

	s->next_state_ms = now + STATE_INTERVAL_MS;
	if (!force && ks == s->kstate_written && !s->sync_to_write &&
	    s->w_connects == s->connects && s->w_auth == s->auth_failures &&
	    s->w_errors == s->errors)
		return;
	nlh = nl_request(R.req, ETRUNK_CMD_SET_RBS_STATE, NLM_F_ACK);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_RBS);
	mnl_attr_put_strz(nlh, ETRUNK_RBS_A_NAME, s->name);
	mnl_attr_put_u8(nlh, ETRUNK_RBS_A_STATE, ks);
	mnl_attr_put_u64(nlh, ETRUNK_RBS_A_CONNECTS, s->connects);
	mnl_attr_put_u64(nlh, ETRUNK_RBS_A_AUTH_FAILURES, s->auth_failures);
	mnl_attr_put_u64(nlh, ETRUNK_RBS_A_ERRORS, s->errors);
	if (s->sync_to_write)
		mnl_attr_put_u32(nlh, ETRUNK_RBS_A_LAST_SYNC_DURATION,
				 s->last_sync_ms);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(R.req, nlh, NULL, NULL);
	if (err) {
		if (err != -ENOENT)
			log_err("rbs %s: writing the state: %s%s%s", s->name,
				strerror(-err), R.req->errmsg[0] ? ": " : "",
				R.req->errmsg);
		return;
	}
	s->kstate_written = ks;
	s->sync_to_write = false;
	s->w_connects = s->connects;
	s->w_auth = s->auth_failures;
	s->w_errors = s->errors;
}

static void write_svc_profs(int si)
{
	unsigned int i;

	for (i = 0; i < NPROF; i++)
		if (R.prof[i].used && R.prof[i].svc == si)
			write_prof(&R.prof[i]);
}

/* ---- interfaces ---------------------------------------------------------- */

static struct ifinfo *ifi(uint32_t ifindex)
{
	if (ifindex >= R.nifs || !R.ifs[ifindex].present)
		return NULL;
	return &R.ifs[ifindex];
}

static void link_msg(const struct nlmsghdr *nlh)
{
	const struct ifinfomsg *ifm = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *a, *li, *d;
	struct ifinfo *f, old;
	uint32_t idx = ifm->ifi_index;

	if (idx >= R.nifs) {
		uint32_t n = idx + 64;
		struct ifinfo *p = realloc(R.ifs, n * sizeof(*p));

		if (!p)
			return;
		memset(p + R.nifs, 0, (n - R.nifs) * sizeof(*p));
		R.ifs = p;
		R.nifs = n;
	}
	/* The bridge's view of a port or of itself changed (VLANs, STP
	 * state): what the kernel refused for a profile's trunk (an MDB
	 * entry of a VLAN not configured) may go in now.
	 */
	if (ifm->ifi_family == AF_BRIDGE && nlh->nlmsg_type == RTM_NEWLINK) {
		unsigned int i;

		for (i = 0; i < NPROF; i++) {
			const struct ifinfo *t = ifi(R.prof[i].ifindex);

			if (R.prof[i].used && (R.prof[i].ifindex == idx ||
					       (t && t->master == idx)))
				R.retry = true;
		}
	}
	f = &R.ifs[idx];
	old = *f;
	memset(f, 0, sizeof(*f));
	if (nlh->nlmsg_type == RTM_DELLINK) {
		if (old.present)
			R.redump = true;
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
		R.redump = true;
}

/* Which profile carrying @kind an entry on @ifindex belongs to. */
static int resolve(uint32_t ifindex, uint8_t kind, uint8_t *rel,
		   uint16_t *vid)
{
	const struct ifinfo *f = ifi(ifindex);
	unsigned int i;

	if (!f)
		return -1;
	for (i = 0; i < NPROF; i++) {
		const struct prof *p = &R.prof[i];
		const struct ifinfo *t;

		if (!p->used || p->svc < 0 || !(p->kinds & (1U << kind)))
			continue;
		t = ifi(p->ifindex);
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
static uint32_t ifindex_of(const struct prof *p, uint8_t rel, uint16_t vid)
{
	const struct ifinfo *t = ifi(p->ifindex);
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
	for (i = 0; i < R.nifs; i++)
		if (R.ifs[i].present && R.ifs[i].vlan &&
		    R.ifs[i].link == lower && R.ifs[i].vid == vid)
			return i;
	return 0;
}

/* ---- rtnetlink requests: batched, without acks ------------------------------- */

static void mon_drain(void);
static void rq_read(void);

static void rq_flush(void)
{
	if (!R.slen)
		return;
	if (send(R.rq, R.sbuf, R.slen, 0) < 0)
		log_err("rtnetlink: %s", strerror(errno));
	R.slen = 0;
	/* The kernel answered the batch in send(): its refusals first, with
	 * the interfaces as the batch saw them (before the events).
	 */
	rq_read();
	/* Our installs come back as events: read them as they come, before
	 * a bulk's worth overflows the socket (and costs a full dump).
	 */
	mon_drain();
}

static struct nlmsghdr *rq_msg(uint16_t type, uint16_t flags)
{
	struct nlmsghdr *nlh;

	if (R.slen + 512 > sizeof(R.sbuf))
		rq_flush();
	nlh = mnl_nlmsg_put_header(R.sbuf + R.slen);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = ++R.rq_seq;
	return nlh;
}

static void rq_done(struct nlmsghdr *nlh)
{
	R.slen += NLMSG_ALIGN(nlh->nlmsg_len);
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
		pi = resolve(nd->ndm_ifindex, k->kind, &k->rel, &k->vid);
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
		pi = resolve(me->ifindex, k->kind, &rel, &vid);
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
 * counted failed, and tried again where peer_install() runs again.
 * Deletions of entries already gone (-ENOENT) and entries already there
 * (-EEXIST: an MDB entry is not replaced) are not failures.
 */
static void rq_error(const struct nlmsghdr *nlh)
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
	pe = rbs_table_find(&R.peer, &k);
	if (!pe || !pe->installed || pe->ifindex != (int)ifindex)
		return;
	pe->installed = false;
	p = &R.prof[k.prof];
	if (p->st[k.kind].installed)
		p->st[k.kind].installed--;
	if (p->st[k.kind].entries)
		p->st[k.kind].entries--;
	p->st[k.kind].failed++;
	log_debug("rbp %s: the kernel refused an entry of the peer on ifindex %u: %s",
		  p->name, ifindex, strerror(-err->error));
}

/* Errors of the batched requests (no acks: only failures answer). */
static void rq_read(void)
{
	for (;;) {
		ssize_t n = recv(R.rq, R.rbuf, RTNL_BUF, MSG_DONTWAIT);
		const struct nlmsghdr *nlh;
		int len;

		if (n < 0 && errno == ENOBUFS) {
			log_info("rbs: rtnetlink errors lost");
			continue;
		}
		if (n <= 0)
			return;
		len = (int)n;
		for (nlh = (struct nlmsghdr *)R.rbuf; mnl_nlmsg_ok(nlh, len);
		     nlh = mnl_nlmsg_next(nlh, &len))
			if (nlh->nlmsg_type == NLMSG_ERROR)
				rq_error(nlh);
	}
}

/*
 * Returns the interface it went to, 0 if none is there. A neighbour goes
 * to the interface of its relation; an MDB entry to the trunk port, in
 * its VLAN, whether or not the bridge has an interface in that VLAN.
 */
static uint32_t install(struct rbs_ent *e, bool del)
{
	const struct prof *p = &R.prof[e->k.prof];
	bool neigh = e->k.kind == ETKD_RBS_ARP || e->k.kind == ETKD_RBS_ND;
	uint32_t ifindex = del ? (uint32_t)e->ifindex :
			   neigh ? ifindex_of(p, e->k.rel, e->k.vid) :
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
		const struct ifinfo *t = ifi(p->ifindex);
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
 * when the request goes; rq_error() takes it back (counting it failed) if
 * the kernel refuses it. An entry not installed (no interface for it, a
 * local one there, refused) is tried again here from full_dump() (the
 * tables read again: a link changed, events lost), peer_retry() (the
 * trunk's bridge port or bridge changed: AF_BRIDGE RTM_NEWLINK, e.g. a
 * VLAN added), local_del() and rx_entries().
 */
static void peer_install(struct rbs_ent *e)
{
	struct prof *p = &R.prof[e->k.prof];

	uint32_t ifindex;

	if (e->installed || rbs_table_find(&R.local, &e->k))
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
	struct prof *p = &R.prof[e->k.prof];

	if (!e->installed)
		return;
	install(e, true);
	e->installed = false;
	p->st[e->k.kind].removed++;
	p->st[e->k.kind].entries--;
}

static void peer_remove(struct rbs_ent *e)
{
	peer_uninstall(e);
	rbs_table_del(&R.peer, e);
}

/* Remove the peer's entries of service @si (profile @pi if >= 0). */
static void peer_flush(int si, int pi)
{
	struct rbs_ent *e = rbs_table_first(&R.peer), *n;

	for (; e; e = n) {
		n = rbs_table_next(&R.peer, e);
		if ((pi >= 0 && e->k.prof != pi) ||
		    (pi < 0 && R.prof[e->k.prof].svc != si))
			continue;
		peer_remove(e);
	}
	rq_flush();
}

/* ---- the channel: output --------------------------------------------------- */

static void ch_close(struct svc *s, uint64_t now, bool error);

static void ch_epoll(struct svc *s, int fd, bool out, int op)
{
	struct epoll_event ev = { .events = EPOLLIN | (out ? EPOLLOUT : 0) };

	ev.data.u64 = EP_RBS | (uint64_t)((s - R.svc) * 2 + (fd == s->lfd));
	epoll_ctl(R.epfd, op, fd, &ev);
}

static void seal_open(struct svc *s)
{
	uint8_t *m;
	int len;

	if (!s->open_type)
		return;
	m = s->out.p + s->open_off;
	etkd_rbs_put_count(m + ETKD_RBS_HDR_LEN, s->open_n);
	len = etkd_rbs_seal(m, s->out.cap - s->open_off, s->open_type,
			    ++s->tx_seq, s->open_id,
			    ETKD_RBS_COUNT_LEN + s->open_n * ETKD_RBS_ENTRY_LEN,
			    &s->tx_auth);
	s->open_type = 0;
	if (len < 0) {
		log_err("rbs %s: sealing a message: %s", s->name,
			etkd_rbs_strerror(len));
		return;
	}
	s->out.len = s->open_off + len;
}

/* A message without entries. */
static void ch_put(struct svc *s, uint8_t type, const void *body,
		   size_t blen)
{
	int len;

	seal_open(s);
	if (buf_reserve(&s->out, ETKD_RBS_MAX_LEN))
		return;
	if (blen)
		memcpy(s->out.p + s->out.len + ETKD_RBS_HDR_LEN, body, blen);
	len = etkd_rbs_seal(s->out.p + s->out.len, s->out.cap - s->out.len,
			    type, ++s->tx_seq, 0, blen, &s->tx_auth);
	if (len > 0)
		s->out.len += len;
}

/* Append an entry to the open message of @type for @backup_id. */
static void ch_entry(struct svc *s, uint8_t type, uint32_t backup_id,
		     const struct rbs_ent *e)
{
	struct etkd_rbs_entry w;

	if (s->open_type && (s->open_type != type ||
			     s->open_id != backup_id ||
			     s->open_n == ETKD_RBS_MAX_ENTRIES))
		seal_open(s);
	if (!s->open_type) {
		if (buf_reserve(&s->out, ETKD_RBS_MAX_LEN))
			return;
		s->open_off = s->out.len;
		s->open_type = type;
		s->open_id = backup_id;
		s->open_n = 0;
		/* header and count, written at sealing */
		s->out.len += ETKD_RBS_HDR_LEN + ETKD_RBS_COUNT_LEN;
	}
	memset(&w, 0, sizeof(w));
	w.kind = e->k.kind;
	w.rel = e->k.rel;
	w.vid = e->k.vid;
	w.flags = e->flags;
	memcpy(w.addr, e->k.addr, 16);
	memcpy(w.lladdr, e->lladdr, 6);
	etkd_rbs_put_entry(s->out.p + s->out.len, &w);
	s->out.len += ETKD_RBS_ENTRY_LEN;
	s->open_n++;
	R.prof[e->k.prof].st[e->k.kind].sent++;
}

static void bulk_fill(struct svc *s);
static void ch_up_check(struct svc *s, uint64_t now);

/* Send what waits; false if the connection closed. */
static bool ch_flush(struct svc *s, uint64_t now)
{
	R.now = now;
	for (;;) {
		ssize_t n;

		seal_open(s);
		if (!buf_pending(&s->out)) {
			if (s->bulk_tx && !s->bulk_tx_done) {
				bulk_fill(s);
				if (buf_pending(&s->out))
					continue;
			}
			s->out.off = s->out.len = 0;
			break;
		}
		n = send(s->fd, s->out.p + s->out.off, buf_pending(&s->out),
			 MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				break;
			if (errno == EINTR)
				continue;
			log_info("rbs %s: send: %s", s->name, strerror(errno));
			ch_close(s, now, true);
			return false;
		}
		s->out.off += n;
		s->last_tx_ms = now;
		if (s->bulk_tx && !s->bulk_tx_done &&
		    buf_pending(&s->out) < BULK_LOW)
			bulk_fill(s);
	}
	if (!!buf_pending(&s->out) != s->want_out) {
		s->want_out = !!buf_pending(&s->out);
		ch_epoll(s, s->fd, s->want_out, EPOLL_CTL_MOD);
	}
	return true;
}

/* ---- bulk sync ---------------------------------------------------------------- */

static void bulk_fill(struct svc *s)
{
	int si = (int)(s - R.svc);

	while (s->cursor && buf_pending(&s->out) < BULK_LOW) {
		struct rbs_ent *e = s->cursor;
		const struct prof *p = &R.prof[e->k.prof];

		s->cursor = rbs_table_next(&R.local, e);
		if (p->svc != si)
			continue;
		ch_entry(s, ETKD_RBS_ENTRIES, p->backup_id, e);
		s->bulk_count++;
	}
	if (!s->cursor) {
		uint8_t b[4];

		rbs_table_uncursor(&R.local, &s->cursor);
		etkd_rbs_put_count(b, s->bulk_count);
		ch_put(s, ETKD_RBS_BULK_END, b, 4);
		s->bulk_tx_done = true;
		log_info("rbs %s: bulk sent, %u entries", s->name,
			 s->bulk_count);
		ch_up_check(s, R.now);
	}
}

static void bulk_start(struct svc *s)
{
	ch_put(s, ETKD_RBS_BULK_START, NULL, 0);
	s->bulk_tx = true;
	s->bulk_tx_done = false;
	s->bulk_count = 0;
	s->cursor = rbs_table_first(&R.local);
	rbs_table_cursor(&R.local, &s->cursor);
}

/* A local change to the services that are past the hello. */
static void send_change(const struct rbs_ent *e, bool del)
{
	const struct prof *p = &R.prof[e->k.prof];
	struct svc *s;

	if (p->svc < 0)
		return;
	s = &R.svc[p->svc];
	if (s->st != CH_SYNC && s->st != CH_UP)
		return;
	ch_entry(s, del ? ETKD_RBS_DELETE : ETKD_RBS_ENTRIES, p->backup_id, e);
}

static void flush_all(uint64_t now)
{
	unsigned int i;

	for (i = 0; i < NSVC; i++) {
		struct svc *s = &R.svc[i];

		if (s->used && s->fd >= 0 && (s->st == CH_SYNC || s->st == CH_UP))
			ch_flush(s, now);
	}
	rq_flush();
}

/* ---- local entries from rtnetlink -------------------------------------------- */

static void local_set(const struct rbs_ekey *k, const uint8_t *lladdr,
		      uint8_t flags, int ifindex)
{
	struct rbs_ent *e = rbs_table_find(&R.local, k), *pe;

	if (e)
		e->stale = false;	/* seen by a full dump */
	if (e && !memcmp(e->lladdr, lladdr, 6) && e->flags == flags)
		return;
	if (!e) {
		e = rbs_table_add(&R.local, k);
		if (!e)
			return;
	}
	memcpy(e->lladdr, lladdr, 6);
	e->flags = flags;
	e->ifindex = ifindex;
	/* A local entry replaced the peer's (admin, or learned before). */
	pe = rbs_table_find(&R.peer, k);
	if (pe && pe->installed && k->kind <= ETKD_RBS_ND) {
		pe->installed = false;
		R.prof[k->prof].st[k->kind].removed++;
		R.prof[k->prof].st[k->kind].entries--;
	}
	send_change(e, false);
}

static void local_del(const struct rbs_ekey *k)
{
	struct rbs_ent *e = rbs_table_find(&R.local, k), *pe;

	if (!e)
		return;
	send_change(e, true);
	rbs_table_del(&R.local, e);
	pe = rbs_table_find(&R.peer, k);
	if (pe)
		peer_install(pe);
}

/* The peer's entry went from the kernel without us (admin, device). */
static void peer_gone(const struct rbs_ekey *k, int ifindex)
{
	struct rbs_ent *pe = rbs_table_find(&R.peer, k);

	if (pe && pe->installed && pe->ifindex == ifindex) {
		pe->installed = false;
		R.prof[k->prof].st[k->kind].removed++;
		R.prof[k->prof].st[k->kind].entries--;
	}
}

static void adopt(const struct rbs_ekey *k, const uint8_t *lladdr,
		  uint8_t flags, int ifindex)
{
	struct rbs_ent *e = rbs_table_find(&R.peer, k);

	if (e)
		return;
	e = rbs_table_add(&R.peer, k);
	if (!e)
		return;
	memcpy(e->lladdr, lladdr, 6);
	e->flags = flags;
	e->ifindex = ifindex;
	e->installed = true;
	e->stale = true;
	R.prof[k->prof].st[k->kind].entries++;
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
	pi = resolve(nd->ndm_ifindex, k.kind, &k.rel, &k.vid);
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
	pi = resolve(me->ifindex, k.kind, &rel, &vid);
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
	pe = rbs_table_find(&R.peer, &k);
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
	 * answer is read here, not by rq_read().
	 */
	rq_flush();
	rq_read();
	memset(req, 0, sizeof(req));
	nlh = mnl_nlmsg_put_header(req);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	nlh->nlmsg_seq = seq = ++R.rq_seq;
	g = mnl_nlmsg_put_extra_header(nlh, type == RTM_GETLINK ?
				       sizeof(struct ifinfomsg) :
				       type == RTM_GETNEIGH ?
				       sizeof(struct ndmsg) :
				       sizeof(struct br_port_msg));
	g->rtgen_family = family;
	if (send(R.rq, nlh, nlh->nlmsg_len, 0) < 0)
		return -errno;
	while (!done) {
		ssize_t n = recv(R.rq, R.rbuf, RTNL_BUF, 0);
		int len;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		len = (int)n;
		for (nlh = (struct nlmsghdr *)R.rbuf; mnl_nlmsg_ok(nlh, len);
		     nlh = mnl_nlmsg_next(nlh, &len)) {
			if (nlh->nlmsg_seq != seq) {
				if (nlh->nlmsg_type == NLMSG_ERROR)
					rq_error(nlh);
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
static void full_dump(uint64_t now)
{
	struct rbs_ent *e, *n;

	memset(R.ifs, 0, R.nifs * sizeof(*R.ifs));
	dump(RTM_GETLINK, AF_UNSPEC);
	R.redump = false;
	for (e = rbs_table_first(&R.local); e; e = rbs_table_next(&R.local, e))
		e->stale = true;
	dump(RTM_GETNEIGH, AF_UNSPEC);
	dump(RTM_GETMDB, AF_BRIDGE);
	for (e = rbs_table_first(&R.local); e; e = n) {
		n = rbs_table_next(&R.local, e);
		if (e->stale) {
			struct rbs_ekey k = e->k;

			local_del(&k);
		}
	}
	/* Interfaces may have come: install what waited for them (or was
	 * refused).
	 */
	R.retry = false;
	for (e = rbs_table_first(&R.peer); e; e = rbs_table_next(&R.peer, e))
		peer_install(e);
	flush_all(now);
}

/* Install again the peer's entries not installed (refused, maybe taken
 * now): the trunk's bridge port or bridge changed.
 */
static void peer_retry(void)
{
	struct rbs_ent *e;

	R.retry = false;
	for (e = rbs_table_first(&R.peer); e; e = rbs_table_next(&R.peer, e))
		if (!e->installed)
			peer_install(e);
	rq_flush();
}

static bool draining;

static void mon_drain(void)
{
	if (draining || R.mon < 0)
		return;
	draining = true;
	for (;;) {
		ssize_t n = recv(R.mon, R.mbuf, RTNL_BUF, MSG_DONTWAIT);
		const struct nlmsghdr *nlh;
		int len;

		if (n < 0) {
			if (errno == ENOBUFS) {
				log_info("rbs: rtnetlink events lost, reading the tables again");
				R.redump = true;
				continue;
			}
			break;
		}
		len = (int)n;
		for (nlh = (struct nlmsghdr *)R.mbuf; mnl_nlmsg_ok(nlh, len);
		     nlh = mnl_nlmsg_next(nlh, &len))
			rtnl_msg(nlh, false);
	}
	draining = false;
}

static void mon_read(uint64_t now)
{
	mon_drain();
	if (R.redump)
		full_dump(now);
	if (R.retry)
		peer_retry();
	flush_all(now);
}

/* ---- the channel: connections ----------------------------------------------- */

static void set_state(struct svc *s, enum ch_state st, uint64_t now)
{
	if (s->st == st)
		return;
	s->st = st;
	write_svc(s, now, false);
}

static void ch_reset(struct svc *s)
{
	if (s->fd >= 0)
		close(s->fd);	/* leaves the epoll set */
	s->fd = -1;
	s->want_out = false;
	s->rx_more = false;
	buf_free(&s->in);
	buf_free(&s->out);
	s->open_type = 0;
	if (s->bulk_tx && !s->bulk_tx_done)
		rbs_table_uncursor(&R.local, &s->cursor);
	s->bulk_tx = s->bulk_tx_done = s->bulk_rx_done = false;
	s->cursor = NULL;
}

static void ch_close(struct svc *s, uint64_t now, bool error)
{
	bool was_up = s->st == CH_SYNC || s->st == CH_UP;

	if (error)
		s->errors++;
	ch_reset(s);
	if (was_up) {
		log_notice("rbs %s: channel down; the peer's entries stay %u s",
			   s->name, s->hold_s);
		s->down_ms = now;
		s->hold_deadline = now + (uint64_t)s->hold_s * 1000;
	}
	s->next_try_ms = now + s->backoff_ms;
	s->backoff_ms = s->backoff_ms * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS :
			s->backoff_ms * 2;
	set_state(s, CH_CONNECTING, now);
	write_svc_profs((int)(s - R.svc));
}

static int sock_new(struct svc *s, bool bind_port)
{
	struct sockaddr_storage ss;
	int one = 1, fd, fam = s->alen == 4 ? AF_INET : AF_INET6;
	socklen_t sl;

	fd = socket(fam, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (fam == AF_INET) {
		setsockopt(fd, IPPROTO_IP, IP_FREEBIND, &one, sizeof(one));
	} else {
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
		setsockopt(fd, IPPROTO_IPV6, IPV6_FREEBIND, &one, sizeof(one));
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	make_sa(s->src, s->alen, bind_port ? s->port : 0, &ss, &sl);
	if (bind(fd, (struct sockaddr *)&ss, sl) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

static void ch_hello(struct svc *s, uint64_t now)
{
	struct etkd_rbs_hello h = { .min_version = ETKD_RBS_VERSION };
	uint8_t body[ETKD_RBS_HELLO_LEN];

	h.keepalive_ms = s->keepalive_ms > 0xffff ? 0xffff :
			 (uint16_t)s->keepalive_ms;
	if (getrandom(h.nonce, sizeof(h.nonce), 0) != sizeof(h.nonce))
		memset(h.nonce, (int)now, sizeof(h.nonce));
	s->tx_seq = 0;
	s->rx_seq = 1;
	s->tx_auth.key = s->key_len ? s->key : NULL;
	s->tx_auth.key_len = s->key_len;
	s->tx_auth.has_nonce = false;
	s->rx_auth = s->tx_auth;
	memcpy(s->rx_auth.nonce, h.nonce, sizeof(h.nonce));
	s->rx_auth.has_nonce = true;
	etkd_rbs_put_hello(body, &h);
	ch_put(s, ETKD_RBS_HELLO, body, sizeof(body));
	s->hello_ms = now;
	s->last_rx_ms = now;
	set_state(s, CH_HELLO, now);
	ch_flush(s, now);
}

static void ch_connected(struct svc *s, int fd, uint64_t now)
{
	s->fd = fd;
	s->want_out = false;
	ch_epoll(s, fd, false, EPOLL_CTL_ADD);
	ch_hello(s, now);
}

static void ch_connect(struct svc *s, uint64_t now)
{
	struct sockaddr_storage ss;
	socklen_t sl;
	int fd = sock_new(s, false);

	if (fd < 0) {
		s->next_try_ms = now + BACKOFF_MAX_MS;
		return;
	}
	make_sa(s->peer, s->alen, s->port, &ss, &sl);
	if (connect(fd, (struct sockaddr *)&ss, sl) < 0 &&
	    errno != EINPROGRESS) {
		close(fd);
		s->next_try_ms = now + s->backoff_ms;
		s->backoff_ms = s->backoff_ms * 2 > BACKOFF_MAX_MS ?
				BACKOFF_MAX_MS : s->backoff_ms * 2;
		return;
	}
	s->fd = fd;
	s->want_out = true;
	ch_epoll(s, fd, true, EPOLL_CTL_ADD);
	s->last_rx_ms = now;
	s->hello_ms = 0;	/* connecting */
	set_state(s, CH_CONNECTING, now);
}

static void ch_accept(struct svc *s, uint64_t now)
{
	for (;;) {
		struct sockaddr_storage ss;
		socklen_t sl = sizeof(ss);
		const uint8_t *a;
		int fd = accept4(s->lfd, (struct sockaddr *)&ss, &sl,
				 SOCK_NONBLOCK | SOCK_CLOEXEC);
		int one = 1;

		if (fd < 0)
			return;
		a = ss.ss_family == AF_INET ?
		    (const uint8_t *)&((struct sockaddr_in *)&ss)->sin_addr :
		    (const uint8_t *)&((struct sockaddr_in6 *)&ss)->sin6_addr;
		if ((ss.ss_family == AF_INET) != (s->alen == 4) ||
		    memcmp(a, s->peer, s->alen)) {
			close(fd);
			continue;
		}
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		if (s->fd >= 0) {
			log_info("rbs %s: a new connection from the peer replaces the current one",
				 s->name);
			ch_close(s, now, false);
		}
		ch_connected(s, fd, now);
	}
}

/* ---- the channel: input -------------------------------------------------------- */

static int prof_by_id(int si, uint32_t id)
{
	unsigned int i;

	for (i = 0; i < NPROF; i++)
		if (R.prof[i].used && R.prof[i].svc == si &&
		    R.prof[i].backup_id == id)
			return i;
	return -1;
}

static void ch_up_check(struct svc *s, uint64_t now)
{
	if (s->st != CH_SYNC || !s->bulk_rx_done || !s->bulk_tx_done)
		return;
	s->last_sync_ms = (uint32_t)(now - s->hello_ms);
	s->sync_to_write = true;
	log_notice("rbs %s: synchronised in %u ms", s->name, s->last_sync_ms);
	set_state(s, CH_UP, now);
	write_svc_profs((int)(s - R.svc));
}

static void rx_entries(const struct svc *s, const struct etkd_rbs_hdr *h,
		       const uint8_t *body, size_t blen)
{
	int si = (int)(s - R.svc), pi = prof_by_id(si, h->backup_id);
	uint32_t n, i;
	struct prof *p;

	if (pi < 0 || etkd_rbs_get_count(body, blen, &n))
		return;	/* no such profile here: nothing to install */
	p = &R.prof[pi];
	for (i = 0; i < n; i++) {
		struct etkd_rbs_entry w;
		struct rbs_ekey k;
		struct rbs_ent *e;

		if (etkd_rbs_get_entry(body, i, &w))
			continue;
		if (!(p->kinds & (1U << w.kind)))
			continue;
		memset(&k, 0, sizeof(k));
		k.prof = (uint16_t)pi;
		k.kind = w.kind;
		k.rel = w.rel;
		k.vid = w.vid;
		memcpy(k.addr, w.addr, 16);
		p->st[w.kind].received++;
		e = rbs_table_find(&R.peer, &k);
		if (h->type == ETKD_RBS_DELETE) {
			if (e)
				peer_remove(e);
			continue;
		}
		if (!e) {
			e = rbs_table_add(&R.peer, &k);
			if (!e)
				continue;
		} else if (memcmp(e->lladdr, w.lladdr, 6) || e->flags != w.flags) {
			if (e->installed) {
				/* Replace: installed again below. */
				e->installed = false;
				p->st[w.kind].entries--;
			}
		}
		e->stale = false;
		memcpy(e->lladdr, w.lladdr, 6);
		e->flags = w.flags;
		peer_install(e);
	}
}

static void rx_bulk(struct svc *s, bool start, uint64_t now)
{
	int si = (int)(s - R.svc);
	struct rbs_ent *e, *n;
	unsigned int removed = 0;

	for (e = rbs_table_first(&R.peer); e; e = n) {
		n = rbs_table_next(&R.peer, e);
		if (R.prof[e->k.prof].svc != si)
			continue;
		if (start) {
			e->stale = true;
		} else if (e->stale) {
			peer_remove(e);
			removed++;
		}
	}
	if (start)
		return;
	rq_flush();
	log_info("rbs %s: peer's bulk received, %u stale entries removed",
		 s->name, removed);
	s->bulk_rx_done = true;
	ch_up_check(s, now);
}

static bool rx_msg(struct svc *s, const struct etkd_rbs_hdr *h,
		   const uint8_t *body, size_t blen, uint64_t now)
{
	struct etkd_rbs_hello hello;

	if (s->st == CH_HELLO && h->type != ETKD_RBS_HELLO)
		return false;
	switch (h->type) {
	case ETKD_RBS_HELLO:
		if (s->st != CH_HELLO || etkd_rbs_get_hello(body, blen, &hello))
			return false;
		s->peer_keepalive = hello.keepalive_ms;
		memcpy(s->tx_auth.nonce, hello.nonce, sizeof(hello.nonce));
		s->tx_auth.has_nonce = true;
		s->connects++;
		s->backoff_ms = BACKOFF_MIN_MS;
		s->hold_deadline = 0;
		log_notice("rbs %s: channel up%s, synchronising", s->name,
			   s->key_len ? " (authenticated)" : "");
		set_state(s, CH_SYNC, now);
		bulk_start(s);
		break;
	case ETKD_RBS_BULK_START:
		rx_bulk(s, true, now);
		break;
	case ETKD_RBS_BULK_END:
		rx_bulk(s, false, now);
		break;
	case ETKD_RBS_ENTRIES:
	case ETKD_RBS_DELETE:
		rx_entries(s, h, body, blen);
		break;
	case ETKD_RBS_KEEPALIVE:
		break;
	}
	return true;
}

/*
 * Messages handled per call: a bulk of 100,000 entries is installed in
 * slices, the loop going round in between (keepalives go out, so the
 * peer does not take a receiver busy installing for dead).
 */
#define RX_BUDGET	2

static void ch_read(struct svc *s, uint64_t now)
{
	unsigned int budget = RX_BUDGET;

	for (;;) {
		ssize_t n;

		while (budget) {
			struct etkd_rbs_hdr h;
			const uint8_t *body;
			size_t blen;
			int len = etkd_rbs_parse(s->in.p + s->in.off,
						 buf_pending(&s->in),
						 &s->rx_auth, s->rx_seq, &h,
						 &body, &blen);

			if (len == ETKD_RBS_E_SHORT)
				break;
			if (len < 0 || !rx_msg(s, &h, body, blen, now)) {
				if (len == ETKD_RBS_E_AUTH) {
					s->auth_failures++;
					log_warn("rbs %s: %s message refused: authentication failed (wrong key?)",
						 s->name, etkd_rbs_type_name(h.type));
				} else {
					log_warn("rbs %s: protocol error: %s",
						 s->name, len < 0 ?
						 etkd_rbs_strerror(len) :
						 "unexpected message");
				}
				ch_close(s, now, len != ETKD_RBS_E_AUTH);
				return;
			}
			s->rx_seq++;
			s->in.off += len;
			s->last_rx_ms = now;
			budget--;
			if (s->fd < 0)
				return;
		}
		if (!budget) {
			s->rx_more = true;	/* rbs_tick() comes back */
			break;
		}
		if (s->in.off == s->in.len)
			s->in.off = s->in.len = 0;
		if (buf_reserve(&s->in, ETKD_RBS_MAX_LEN)) {
			ch_close(s, now, true);
			return;
		}
		n = recv(s->fd, s->in.p + s->in.len, s->in.cap - s->in.len,
			 MSG_DONTWAIT);
		if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR &&
			       errno != EWOULDBLOCK)) {
			log_info("rbs %s: connection %s", s->name,
				 n ? strerror(errno) : "closed by the peer");
			ch_close(s, now, s->st != CH_HELLO || n);
			return;
		}
		if (n < 0) {
			s->rx_more = false;
			break;
		}
		s->in.len += n;
		s->last_rx_ms = now;
	}
	flush_all(now);
}

static void ch_event(struct svc *s, bool listener, uint32_t events,
		     uint64_t now)
{
	if (listener) {
		ch_accept(s, now);
		return;
	}
	if (s->fd < 0)
		return;
	if (s->st == CH_CONNECTING && s->connector) {
		int err = 0;
		socklen_t l = sizeof(err);

		if (!(events & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
			return;
		getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &l);
		if (err) {
			close(s->fd);
			s->fd = -1;
			s->next_try_ms = now + s->backoff_ms;
			s->backoff_ms = s->backoff_ms * 2 > BACKOFF_MAX_MS ?
					BACKOFF_MAX_MS : s->backoff_ms * 2;
			return;
		}
		ch_epoll(s, s->fd, false, EPOLL_CTL_MOD);
		s->want_out = false;
		ch_hello(s, now);
		return;
	}
	if (events & (EPOLLIN | EPOLLERR | EPOLLHUP))
		ch_read(s, now);
	if (s->fd >= 0 && (events & EPOLLOUT))
		ch_flush(s, now);
}

/* ---- services and profiles in step with the kernel --------------------------- */

static void svc_stop(struct svc *s)
{
	int si = (int)(s - R.svc);

	ch_reset(s);
	if (s->lfd >= 0)
		close(s->lfd);
	s->lfd = -1;
	peer_flush(si, -1);
	s->used = false;
}

static bool same_channel(const struct svc *a, const struct svc *b)
{
	return a->alen == b->alen && a->port == b->port &&
	       !memcmp(a->peer, b->peer, 16) && !memcmp(a->src, b->src, 16) &&
	       a->key_len == b->key_len && !memcmp(a->key, b->key, a->key_len);
}

static void svc_start(struct svc *s, const struct svc *c, uint64_t now)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

	*s = *c;
	s->used = true;
	s->fd = s->lfd = -1;
	s->connector = memcmp(s->src, s->peer, s->alen) < 0;
	s->backoff_ms = BACKOFF_MIN_MS;
	s->next_try_ms = now;
	s->kstate_written = 0xff;
	/* Entries adopted from a previous daemon wait for a bulk. */
	s->down_ms = now;
	s->hold_deadline = now + (uint64_t)s->hold_s * 1000;
	if (!s->connector) {
		int fd = sock_new(s, true);

		if (fd < 0 || listen(fd, 4) < 0) {
			log_err("rbs %s: cannot listen on port %u: %s", s->name,
				s->port, strerror(fd < 0 ? -fd : errno));
			if (fd >= 0)
				close(fd);
		} else {
			s->lfd = fd;
			ch_epoll(s, fd, false, EPOLL_CTL_ADD);
		}
	}
	addr_str(s->src, s->alen, a, sizeof(a));
	addr_str(s->peer, s->alen, b, sizeof(b));
	log_info("rbs %s: started, %s -> %s port %u (%s)%s", s->name, a, b,
		 s->port, s->connector ? "connecting" : "listening",
		 s->key_len ? ", authenticated" : "");
	set_state(s, CH_CONNECTING, now);
}

static int svc_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < NSVC; i++)
		if (R.svc[i].used && !strcmp(R.svc[i].name, name))
			return i;
	return -1;
}

static bool prof_same(const struct prof *a, const struct prof *b)
{
	return a->backup_id == b->backup_id && a->kinds == b->kinds &&
	       a->ifindex == b->ifindex && !strcmp(a->svc_name, b->svc_name);
}

static struct ksvc_list ksl;
static struct kprof_list kpl;

void rbs_sync(uint64_t now)
{
	struct nlmsghdr *nlh;
	bool changed = false, restart[NSVC] = {};
	unsigned int i, j;
	int err;

	ksl.n = 0;
	nlh = nl_request(R.req, ETRUNK_CMD_GET_RBS, NLM_F_DUMP);
	err = nl_talk(R.req, nlh, svc_cb, &ksl);
	if (err) {
		if (err != -EOPNOTSUPP && err != -EINVAL)
			log_err("rbs: reading the services: %s", strerror(-err));
		return;
	}
	for (i = 0; i < ksl.n; i++) {
		struct nlattr *nest;

		nlh = nl_request(R.req, ETRUNK_CMD_GET_RBS_KEY, NLM_F_ACK);
		nest = mnl_attr_nest_start(nlh, ETRUNK_A_RBS);
		mnl_attr_put_strz(nlh, ETRUNK_RBS_A_NAME, ksl.s[i].name);
		mnl_attr_nest_end(nlh, nest);
		nl_talk(R.req, nlh, key_cb, &ksl.s[i]);
	}
	kpl.n = 0;
	nlh = nl_request(R.req, ETRUNK_CMD_GET_RBP, NLM_F_DUMP);
	err = nl_talk(R.req, nlh, prof_cb, &kpl);
	if (err) {
		log_err("rbs: reading the profiles: %s", strerror(-err));
		return;
	}

	/* Services: gone, changed, new. */
	for (i = 0; i < NSVC; i++)
		R.svc[i].seen = false;
	for (i = 0; i < ksl.n; i++) {
		struct svc *c = &ksl.s[i];
		int si = svc_find(c->name);

		if (si >= 0 && !same_channel(&R.svc[si], c)) {
			struct svc *s = &R.svc[si];
			uint64_t cn = s->connects, af = s->auth_failures,
				 er = s->errors;

			/* In place: the peer's entries stay the hold time. */
			log_info("rbs %s: configuration changed, reconnecting",
				 c->name);
			ch_reset(s);
			if (s->lfd >= 0)
				close(s->lfd);
			svc_start(s, c, now);
			s->connects = cn;
			s->auth_failures = af;
			s->errors = er;
		}
		if (si < 0) {
			for (j = 0; j < NSVC && R.svc[j].used; j++)
				;
			if (j == NSVC)
				continue;
			svc_start(&R.svc[j], c, now);
			si = (int)j;
			changed = true;
		}
		R.svc[si].seen = true;
		if (R.svc[si].hold_deadline && R.svc[si].hold_s != c->hold_s)
			R.svc[si].hold_deadline = R.svc[si].down_ms +
						  (uint64_t)c->hold_s * 1000;
		R.svc[si].hold_s = c->hold_s;
		R.svc[si].keepalive_ms = c->keepalive_ms;
	}
	/* Profiles: gone or changed first (their entries go), then new. */
	for (i = 0; i < NPROF; i++)
		R.prof[i].seen = false;
	for (i = 0; i < kpl.n; i++) {
		struct prof *c = &kpl.p[i];

		for (j = 0; j < NPROF; j++) {
			struct prof *p = &R.prof[j];

			if (!p->used || strcmp(p->name, c->name))
				continue;
			if (prof_same(p, c) && p->svc >= 0 &&
			    p->svc == svc_find(c->svc_name) &&
			    R.svc[p->svc].seen)
				p->seen = true;
			break;
		}
	}
	for (i = 0; i < NPROF; i++) {
		struct prof *p = &R.prof[i];

		if (!p->used || p->seen)
			continue;
		log_info("rbp %s: removed or changed", p->name);
		if (p->svc >= 0 && R.svc[p->svc].used)
			restart[p->svc] = true;
		peer_flush(-1, (int)i);
		p->used = false;
		changed = true;
	}
	for (i = 0; i < kpl.n; i++) {
		struct prof *c = &kpl.p[i];
		int si;

		for (j = 0; j < NPROF; j++)
			if (R.prof[j].used && !strcmp(R.prof[j].name, c->name))
				break;
		if (j < NPROF)
			continue;
		for (j = 0; j < NPROF && R.prof[j].used; j++)
			;
		if (j == NPROF)
			break;
		si = svc_find(c->svc_name);
		R.prof[j] = *c;
		R.prof[j].used = true;
		R.prof[j].svc = si;
		memset(R.prof[j].written, 0xff, sizeof(R.prof[j].written));
		if (si >= 0)
			restart[si] = true;
		log_info("rbp %s: backup id %u on ifindex %u, service %s",
			 c->name, c->backup_id, c->ifindex, c->svc_name);
		changed = true;
	}
	for (i = 0; i < NSVC; i++) {
		if (R.svc[i].used && !R.svc[i].seen) {
			log_info("rbs %s: deleted", R.svc[i].name);
			svc_stop(&R.svc[i]);
			changed = true;
		}
	}
	if (!changed)
		return;
	/* The local tables again for the new profiles, then a new bulk for
	 * each service whose profiles changed.
	 */
	{
		struct rbs_ent *e, *n;

		for (e = rbs_table_first(&R.local); e; e = n) {
			n = rbs_table_next(&R.local, e);
			if (!R.prof[e->k.prof].used)
				rbs_table_del(&R.local, e);
		}
	}
	full_dump(now);
	for (i = 0; i < NSVC; i++) {
		if (restart[i] && R.svc[i].used && R.svc[i].fd >= 0) {
			log_info("rbs %s: profiles changed, synchronising again",
				 R.svc[i].name);
			ch_close(&R.svc[i], now, false);
			R.svc[i].backoff_ms = BACKOFF_MIN_MS;
			R.svc[i].next_try_ms = now;
		}
	}
}

/* ---- timers, events, start and stop ------------------------------------------ */

static uint64_t svc_tick(struct svc *s, uint64_t now)
{
	uint64_t next = s->next_state_ms, ka = s->keepalive_ms;
	int si = (int)(s - R.svc);

	if (s->hold_deadline && now >= s->hold_deadline) {
		s->hold_deadline = 0;
		log_notice("rbs %s: hold time over, removing the peer's entries",
			   s->name);
		peer_flush(si, -1);
		write_svc_profs(si);
	}
	if (s->hold_deadline && s->hold_deadline < next)
		next = s->hold_deadline;
	if (s->fd < 0 && s->connector) {
		if (now >= s->next_try_ms)
			ch_connect(s, now);
		if (s->fd < 0 && s->next_try_ms < next)
			next = s->next_try_ms;
	}
	if (s->fd >= 0) {
		uint64_t dead = (s->peer_keepalive > ka ? s->peer_keepalive : ka) *
		       ETRUNK_RBS_KEEPALIVE_MULT;
		if (now >= s->last_rx_ms + dead) {
			log_notice("rbs %s: %s", s->name,
				   s->st == CH_CONNECTING ?
				   "connection timed out" :
				   "no message for 3 keepalive intervals");
			ch_close(s, now, true);
			return now + 1;
		}
		if (s->last_rx_ms + dead < next)
			next = s->last_rx_ms + dead;
		if (s->st != CH_CONNECTING) {
			if (now >= s->last_tx_ms + ka &&
			    !buf_pending(&s->out)) {
				ch_put(s, ETKD_RBS_KEEPALIVE, NULL, 0);
				ch_flush(s, now);
				s->last_tx_ms = now;
			}
			/* With output waiting, EPOLLOUT or the next round
			 * sends it (a deadline in the past would spin).
			 */
			if (!buf_pending(&s->out) && s->last_tx_ms + ka < next)
				next = s->last_tx_ms + ka;
		}
	}
	if (now >= s->next_state_ms) {
		write_svc(s, now, false);
		write_svc_profs(si);
		next = s->next_state_ms;
	}
	return next;
}

uint64_t rbs_tick(uint64_t now)
{
	uint64_t next = now + 60000;
	unsigned int i;

	if (R.mon < 0)
		return next;
	for (i = 0; i < NSVC; i++) {
		struct svc *s = &R.svc[i];

		if (!s->used)
			continue;
		if (s->rx_more && s->fd >= 0)
			ch_read(s, now);
		if (s->used) {
			uint64_t n = svc_tick(s, now);

			if (n < next)
				next = n;
			if (s->rx_more && s->fd >= 0)
				next = now;
		}
	}
	/* rq_flush() reads the events too (mon_drain()), outside mon_read():
	 * what they changed waits in an open message, and the events they
	 * say were lost (ENOBUFS) or the links they changed want the tables
	 * read again. Both now, not at the next event, which may be far.
	 */
	if (R.redump)
		full_dump(now);
	if (R.retry)
		peer_retry();
	flush_all(now);
	for (i = 0; i < NSVC; i++)
		if (R.svc[i].used && R.svc[i].open_type)
			next = now;	/* the last flush's drain queued more */
	return next;
}

void rbs_event(uint32_t idx, uint32_t events, uint64_t now)
{
	if (idx == IDX_MON) {
		mon_read(now);
		return;
	}
	if (idx == IDX_REQ) {
		rq_read();
		return;
	}
	if (idx / 2 < NSVC && R.svc[idx / 2].used)
		ch_event(&R.svc[idx / 2], idx & 1, events, now);
	rq_flush();
}

static int rtnl_open(bool join)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int sz = 32 << 20, one = 1;

	if (fd < 0)
		return -errno;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &sz, sizeof(sz)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		close(fd);
		return -errno;
	}
	if (join) {
		unsigned int g[] = { RTNLGRP_LINK, RTNLGRP_NEIGH, RTNLGRP_MDB };
		unsigned int i;

		for (i = 0; i < 3; i++)
			setsockopt(fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
				   &g[i], sizeof(g[i]));
	}
	return fd;
}

/*
 * The kernel stamps the event of a neighbour created or replaced by a
 * request with the requester's port id: on the monitor socket, drop the
 * RTM_NEWNEIGH events of our own installs (from the request socket).
 * Ours, they would be read and ignored; a full sync of 100,000 entries
 * would cost as many reads and could overrun the socket. Deletions carry
 * no port id, and nothing else is ours: every other event goes through.
 * cBPF loads are big-endian: the constants are swapped to match.
 */
static void mon_filter_own(int mon, uint32_t own)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS,
			 offsetof(struct nlmsghdr, nlmsg_type)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, htons(RTM_NEWNEIGH), 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct nlmsghdr, nlmsg_pid)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, htonl(own), 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0),
		BPF_STMT(BPF_RET | BPF_K, 0xffffffff),
	};
	struct sock_fprog prog = {
		.len = sizeof(code) / sizeof(code[0]),
		.filter = code,
	};

	if (setsockopt(mon, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof(prog)))
		log_info("rbs: no event filter (%s): reading our own installs back",
			 strerror(errno));
}

/* The port id the kernel gave socket @fd at bind, 0 if unknown. */
static uint32_t nl_portid(int fd)
{
	struct sockaddr_nl sa;
	socklen_t len = sizeof(sa);

	if (getsockname(fd, (struct sockaddr *)&sa, &len))
		return 0;
	return sa.nl_pid;
}

int rbs_init(int epfd, struct nl *req)
{
	struct epoll_event ev = { .events = EPOLLIN };
	uint32_t own;

	memset(&R, 0, sizeof(R));
	R.mon = R.rq = -1;
	R.epfd = epfd;
	R.req = req;
	R.rbuf = malloc(RTNL_BUF);
	R.mbuf = malloc(RTNL_BUF);
	if (!R.rbuf || !R.mbuf || rbs_table_init(&R.local) || rbs_table_init(&R.peer))
		return -ENOMEM;
	R.mon = rtnl_open(true);
	R.rq = rtnl_open(false);
	if (R.mon < 0 || R.rq < 0)
		return -EIO;
	own = nl_portid(R.rq);
	if (own)
		mon_filter_own(R.mon, own);
	fcntl(R.mon, F_SETFL, O_NONBLOCK);
	ev.data.u64 = EP_RBS | IDX_MON;
	epoll_ctl(epfd, EPOLL_CTL_ADD, R.mon, &ev);
	ev.data.u64 = EP_RBS | IDX_REQ;
	epoll_ctl(epfd, EPOLL_CTL_ADD, R.rq, &ev);
	return 0;
}

void rbs_stop(void)
{
	unsigned int i;

	if (R.mon < 0)
		return;
	for (i = 0; i < NSVC; i++) {
		struct svc *s = &R.svc[i];

		if (!s->used)
			continue;
		/* The peer keeps our entries its hold time: a restart within
		 * it changes nothing there.
		 */
		ch_reset(s);
		if (s->lfd >= 0)
			close(s->lfd);
		s->st = CH_IDLE;
		write_svc(s, 0, true);
		write_svc_profs((int)i);
	}
	rq_flush();
	close(R.mon);
	close(R.rq);
	rbs_table_free(&R.local);
	rbs_table_free(&R.peer);
	free(R.rbuf);
	free(R.mbuf);
	free(R.ifs);
}
