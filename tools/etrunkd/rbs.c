// SPDX-License-Identifier: GPL-2.0
/*
 * rbs.c - etrunkd's remote backup service (rbs.h): hot backup of the
 * ARP/ND neighbours and bridge MDB entries of each profile's trunk to the
 * E-Trunk peer, over one TCP connection per service.
 *
 * This file: the service's state, the services and profiles read from
 * the kernel and kept in step with it, the state and counters written
 * back, the timers, the epoll events, start and stop (the rbs_* API of
 * rbs.h). The rest (rbs_int.h): the TCP channel (rbs_channel.c), the
 * peer's entries in the kernel (rbs_install.c), the local entries from
 * rtnetlink (rbs_monitor.c).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/genetlink.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/etrunk.h>

#include "log.h"
#include "rbs_int.h"

struct rbs_state rbs;

/* ---- helpers --------------------------------------------------------- */

static void addr_str(const uint8_t *a, unsigned int len, char *s, size_t n)
{
	inet_ntop(len == 4 ? AF_INET : AF_INET6, a, s, n);
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
	s->max_entries = ETRUNK_RBS_DEFAULT_MAX_ENTRIES;
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
		case ETRUNK_RBS_A_MAX_ENTRIES:
			if (len == 4 && mnl_attr_get_u32(a))
				s->max_entries = mnl_attr_get_u32(a);
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
	nlh = nl_request(rbs.req, ETRUNK_CMD_SET_RBP_STATE, NLM_F_ACK);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_RBP);
	mnl_attr_put_strz(nlh, ETRUNK_RBP_A_NAME, p->name);
	st = mnl_attr_nest_start(nlh, ETRUNK_RBP_A_STATS);
	for (k = 0; k < __ETKD_RBS_KIND_MAX; k++)
		if (p->kinds & (1U << k))
			put_stat(nlh, k, &p->st[k]);
	mnl_attr_nest_end(nlh, st);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(rbs.req, nlh, NULL, NULL);
	if (err && err != -ENOENT)
		log_err("rbp %s: writing the counters: %s%s%s", p->name,
			strerror(-err), rbs.req->errmsg[0] ? ": " : "",
			rbs.req->errmsg);
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

void rbs_write_svc(struct svc *s, uint64_t now, bool force)
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
	nlh = nl_request(rbs.req, ETRUNK_CMD_SET_RBS_STATE, NLM_F_ACK);
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
	err = nl_talk(rbs.req, nlh, NULL, NULL);
	if (err) {
		if (err != -ENOENT)
			log_err("rbs %s: writing the state: %s%s%s", s->name,
				strerror(-err), rbs.req->errmsg[0] ? ": " : "",
				rbs.req->errmsg);
		return;
	}
	s->kstate_written = ks;
	s->sync_to_write = false;
	s->w_connects = s->connects;
	s->w_auth = s->auth_failures;
	s->w_errors = s->errors;
}

void rbs_write_svc_profs(int si)
{
	unsigned int i;

	for (i = 0; i < NPROF; i++)
		if (rbs.prof[i].used && rbs.prof[i].svc == si)
			write_prof(&rbs.prof[i]);
}

/* ---- services and profiles in step with the kernel --------------------------- */

static void svc_stop(struct svc *s)
{
	int si = (int)(s - rbs.svc);

	rbs_ch_reset(s);
	if (s->lfd >= 0)
		close(s->lfd);
	s->lfd = -1;
	rbs_peer_flush(si, -1);
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
	s->fd = s->lfd = s->cfd = -1;
	s->connector = memcmp(s->src, s->peer, s->alen) < 0;
	s->backoff_ms = BACKOFF_MIN_MS;
	s->next_try_ms = now;
	s->kstate_written = 0xff;
	/* Entries adopted from a previous daemon wait for a bulk. */
	s->down_ms = now;
	s->hold_deadline = now + (uint64_t)s->hold_s * 1000;
	if (!s->connector) {
		int fd = rbs_sock_new(s, true);

		if (fd < 0 || listen(fd, 4) < 0) {
			log_err("rbs %s: cannot listen on port %u: %s", s->name,
				s->port, strerror(fd < 0 ? -fd : errno));
			if (fd >= 0)
				close(fd);
		} else {
			s->lfd = fd;
			rbs_ch_epoll(s, fd, false, EPOLL_CTL_ADD);
		}
	}
	addr_str(s->src, s->alen, a, sizeof(a));
	addr_str(s->peer, s->alen, b, sizeof(b));
	log_info("rbs %s: started, %s -> %s port %u (%s)%s", s->name, a, b,
		 s->port, s->connector ? "connecting" : "listening",
		 s->key_len ? ", authenticated" : "");
	rbs_set_state(s, CH_CONNECTING, now);
}

static int svc_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < NSVC; i++)
		if (rbs.svc[i].used && !strcmp(rbs.svc[i].name, name))
			return i;
	return -1;
}

static bool prof_same(const struct prof *a, const struct prof *b)
{
	return a->backup_id == b->backup_id && a->kinds == b->kinds &&
	       a->ifindex == b->ifindex && !strcmp(a->svc_name, b->svc_name);
}

/*
 * A new limit of the peer's entries. Lowered, the entries held stay (only
 * new ones are refused). Raised after entries were refused on the
 * channel up now, a new full sync brings them (the peer does not send
 * them again by itself): reconnect, the entries held stay meanwhile.
 */
static void svc_set_max_entries(struct svc *s, uint32_t max, uint64_t now)
{
	bool more = max > s->max_entries;

	s->max_entries = max;
	if (!more || s->fd < 0 || !s->refused_session ||
	    s->refused_session != s->connects)
		return;
	log_info("rbs %s: the limit of the peer's entries raised to %u, synchronising again",
		 s->name, max);
	s->refused_session = 0;
	rbs_ch_close(s, now, false);
	s->backoff_ms = BACKOFF_MIN_MS;
	s->next_try_ms = now;
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
	nlh = nl_request(rbs.req, ETRUNK_CMD_GET_RBS, NLM_F_DUMP);
	err = nl_talk(rbs.req, nlh, svc_cb, &ksl);
	if (err) {
		if (err != -EOPNOTSUPP && err != -EINVAL)
			log_err("rbs: reading the services: %s", strerror(-err));
		return;
	}
	for (i = 0; i < ksl.n; i++) {
		struct nlattr *nest;

		nlh = nl_request(rbs.req, ETRUNK_CMD_GET_RBS_KEY, NLM_F_ACK);
		nest = mnl_attr_nest_start(nlh, ETRUNK_A_RBS);
		mnl_attr_put_strz(nlh, ETRUNK_RBS_A_NAME, ksl.s[i].name);
		mnl_attr_nest_end(nlh, nest);
		nl_talk(rbs.req, nlh, key_cb, &ksl.s[i]);
	}
	kpl.n = 0;
	nlh = nl_request(rbs.req, ETRUNK_CMD_GET_RBP, NLM_F_DUMP);
	err = nl_talk(rbs.req, nlh, prof_cb, &kpl);
	if (err) {
		log_err("rbs: reading the profiles: %s", strerror(-err));
		return;
	}

	/* Services: gone, changed, new. */
	for (i = 0; i < NSVC; i++)
		rbs.svc[i].seen = false;
	for (i = 0; i < ksl.n; i++) {
		struct svc *c = &ksl.s[i];
		int si = svc_find(c->name);

		if (si >= 0 && !same_channel(&rbs.svc[si], c)) {
			struct svc *s = &rbs.svc[si];
			uint64_t cn = s->connects, af = s->auth_failures,
				 er = s->errors;
			uint32_t held = s->peer_n;

			/* In place: the peer's entries stay the hold time. */
			log_info("rbs %s: configuration changed, reconnecting",
				 c->name);
			rbs_ch_reset(s);
			if (s->lfd >= 0)
				close(s->lfd);
			svc_start(s, c, now);
			s->connects = cn;
			s->auth_failures = af;
			s->errors = er;
			s->peer_n = held;
		}
		if (si < 0) {
			for (j = 0; j < NSVC && rbs.svc[j].used; j++)
				;
			if (j == NSVC)
				continue;
			svc_start(&rbs.svc[j], c, now);
			si = (int)j;
			changed = true;
		}
		rbs.svc[si].seen = true;
		if (rbs.svc[si].hold_deadline &&
		    rbs.svc[si].hold_s != c->hold_s)
			rbs.svc[si].hold_deadline = rbs.svc[si].down_ms +
						    (uint64_t)c->hold_s * 1000;
		rbs.svc[si].hold_s = c->hold_s;
		rbs.svc[si].keepalive_ms = c->keepalive_ms;
		svc_set_max_entries(&rbs.svc[si], c->max_entries, now);
	}
	/* Profiles: gone or changed first (their entries go), then new. */
	for (i = 0; i < NPROF; i++)
		rbs.prof[i].seen = false;
	for (i = 0; i < kpl.n; i++) {
		struct prof *c = &kpl.p[i];

		for (j = 0; j < NPROF; j++) {
			struct prof *p = &rbs.prof[j];

			if (!p->used || strcmp(p->name, c->name))
				continue;
			if (prof_same(p, c) && p->svc >= 0 &&
			    p->svc == svc_find(c->svc_name) &&
			    rbs.svc[p->svc].seen)
				p->seen = true;
			break;
		}
	}
	for (i = 0; i < NPROF; i++) {
		struct prof *p = &rbs.prof[i];

		if (!p->used || p->seen)
			continue;
		log_info("rbp %s: removed or changed", p->name);
		if (p->svc >= 0 && rbs.svc[p->svc].used)
			restart[p->svc] = true;
		rbs_peer_flush(-1, (int)i);
		p->used = false;
		changed = true;
	}
	for (i = 0; i < kpl.n; i++) {
		struct prof *c = &kpl.p[i];
		int si;

		for (j = 0; j < NPROF; j++)
			if (rbs.prof[j].used &&
			    !strcmp(rbs.prof[j].name, c->name))
				break;
		if (j < NPROF)
			continue;
		for (j = 0; j < NPROF && rbs.prof[j].used; j++)
			;
		if (j == NPROF)
			break;
		si = svc_find(c->svc_name);
		rbs.prof[j] = *c;
		rbs.prof[j].used = true;
		rbs.prof[j].svc = si;
		memset(rbs.prof[j].written, 0xff, sizeof(rbs.prof[j].written));
		if (si >= 0)
			restart[si] = true;
		log_info("rbp %s: backup id %u on ifindex %u, service %s",
			 c->name, c->backup_id, c->ifindex, c->svc_name);
		changed = true;
	}
	for (i = 0; i < NSVC; i++) {
		if (rbs.svc[i].used && !rbs.svc[i].seen) {
			log_info("rbs %s: deleted", rbs.svc[i].name);
			svc_stop(&rbs.svc[i]);
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

		for (e = rbs_table_first(&rbs.local); e; e = n) {
			n = rbs_table_next(&rbs.local, e);
			if (!rbs.prof[e->k.prof].used)
				rbs_table_del(&rbs.local, e);
		}
	}
	rbs_full_dump(now);
	for (i = 0; i < NSVC; i++) {
		if (restart[i] && rbs.svc[i].used && rbs.svc[i].fd >= 0) {
			log_info("rbs %s: profiles changed, synchronising again",
				 rbs.svc[i].name);
			rbs_ch_close(&rbs.svc[i], now, false);
			rbs.svc[i].backoff_ms = BACKOFF_MIN_MS;
			rbs.svc[i].next_try_ms = now;
		}
	}
}

/* ---- timers, events, start and stop ------------------------------------------ */

static uint64_t svc_tick(struct svc *s, uint64_t now)
{
	uint64_t next = s->next_state_ms, ka = s->keepalive_ms;
	int si = (int)(s - rbs.svc);

	if (s->hold_deadline && now >= s->hold_deadline) {
		s->hold_deadline = 0;
		log_notice("rbs %s: hold time over, removing the peer's entries",
			   s->name);
		rbs_peer_flush(si, -1);
		rbs_write_svc_profs(si);
	}
	if (s->hold_deadline && s->hold_deadline < next)
		next = s->hold_deadline;
	next = rbs_cand_tick(s, now, next);
	if (s->fd < 0 && s->connector) {
		if (now >= s->next_try_ms)
			rbs_ch_connect(s, now);
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
			rbs_ch_close(s, now, true);
			return now + 1;
		}
		if (s->last_rx_ms + dead < next)
			next = s->last_rx_ms + dead;
		if (s->st != CH_CONNECTING) {
			if (now >= s->last_tx_ms + ka &&
			    !buf_pending(&s->out)) {
				rbs_ch_put(s, ETKD_RBS_KEEPALIVE, NULL, 0);
				rbs_ch_flush(s, now);
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
		rbs_write_svc(s, now, false);
		rbs_write_svc_profs(si);
		next = s->next_state_ms;
	}
	return next;
}

uint64_t rbs_tick(uint64_t now)
{
	uint64_t next = now + 60000;
	unsigned int i;

	if (rbs.mon < 0)
		return next;
	for (i = 0; i < NSVC; i++) {
		struct svc *s = &rbs.svc[i];

		if (!s->used)
			continue;
		if (s->rx_more && s->fd >= 0)
			rbs_ch_read(s, now);
		if (s->used) {
			uint64_t n = svc_tick(s, now);

			if (n < next)
				next = n;
			if (s->rx_more && s->fd >= 0)
				next = now;
		}
	}
	/* rbs_rq_flush() reads the events too (rbs_mon_drain()), outside
	 * rbs_mon_read(): what they changed waits in an open message, and
	 * the events they say were lost (ENOBUFS) or the links they changed
	 * want the tables read again. Both now, not at the next event, which
	 * may be far.
	 */
	if (rbs.redump)
		rbs_full_dump(now);
	if (rbs.retry)
		rbs_peer_retry();
	rbs_flush_all(now);
	for (i = 0; i < NSVC; i++)
		if (rbs.svc[i].used && rbs.svc[i].open_type)
			next = now;	/* the last flush's drain queued more */
	return next;
}

void rbs_event(uint32_t idx, uint32_t events, uint64_t now)
{
	if (idx == IDX_MON) {
		rbs_mon_read(now);
		return;
	}
	if (idx == IDX_REQ) {
		rbs_rq_read();
		return;
	}
	if (idx / RBS_EP_N < NSVC && rbs.svc[idx / RBS_EP_N].used)
		rbs_ch_event(&rbs.svc[idx / RBS_EP_N], idx % RBS_EP_N, events,
			     now);
	rbs_rq_flush();
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

	memset(&rbs, 0, sizeof(rbs));
	rbs.mon = rbs.rq = -1;
	rbs.epfd = epfd;
	rbs.req = req;
	rbs.rbuf = malloc(RTNL_BUF);
	rbs.mbuf = malloc(RTNL_BUF);
	if (!rbs.rbuf || !rbs.mbuf || rbs_table_init(&rbs.local) ||
	    rbs_table_init(&rbs.peer))
		return -ENOMEM;
	rbs.mon = rtnl_open(true);
	rbs.rq = rtnl_open(false);
	if (rbs.mon < 0 || rbs.rq < 0)
		return -EIO;
	own = nl_portid(rbs.rq);
	if (own)
		mon_filter_own(rbs.mon, own);
	fcntl(rbs.mon, F_SETFL, O_NONBLOCK);
	ev.data.u64 = EP_RBS | IDX_MON;
	epoll_ctl(epfd, EPOLL_CTL_ADD, rbs.mon, &ev);
	ev.data.u64 = EP_RBS | IDX_REQ;
	epoll_ctl(epfd, EPOLL_CTL_ADD, rbs.rq, &ev);
	return 0;
}

void rbs_stop(void)
{
	unsigned int i;

	if (rbs.mon < 0)
		return;
	for (i = 0; i < NSVC; i++) {
		struct svc *s = &rbs.svc[i];

		if (!s->used)
			continue;
		/* The peer keeps our entries its hold time: a restart within
		 * it changes nothing there.
		 */
		rbs_ch_reset(s);
		if (s->lfd >= 0)
			close(s->lfd);
		s->st = CH_IDLE;
		rbs_write_svc(s, 0, true);
		rbs_write_svc_profs((int)i);
	}
	rbs_rq_flush();
	close(rbs.mon);
	close(rbs.rq);
	rbs_table_free(&rbs.local);
	rbs_table_free(&rbs.peer);
	free(rbs.rbuf);
	free(rbs.mbuf);
	free(rbs.ifs);
}
