// SPDX-License-Identifier: GPL-2.0
/*
 * bfd_daemon.c - etrunkd's BFD sessions (bfd_daemon.h): the kernel holds
 * their configuration, the engine (bfd.h) runs each one, this file ties
 * the two together in the daemon's epoll loop.
 *
 * An engine session ("eng") is one RFC 5880 session: a single-hop or
 * multihop session has one, a micro-BFD session (RFC 7130) one per
 * member of its trunk. Each has a timerfd (CLOCK_MONOTONIC, absolute)
 * armed at the engine's next deadline, re-armed after every call into the
 * engine. Single-hop and multihop packets arrive on one socket per
 * (family, type) and go to their session by etkd_bfd_lookup(); each
 * session sends from a socket of its own. A micro-BFD member sends and
 * receives through an AF_PACKET socket on the member.
 *
 * A new configuration (ETRUNK_EVENT_BFD_CHANGED) is applied to the
 * running session (etkd_bfd_reconfigure(): a Poll sequence for new
 * intervals); only a new type, address, interface or local discriminator
 * starts it over. A started session is Down (RFC 5880 section 6.8.1),
 * including after a restart of the daemon.
 *
 * Micro-BFD: a member whose session goes from Up to Down, or has not come
 * Up within ETRUNK_BFD_MICRO_START_MS of its start, is taken out of the
 * trunk (ETRUNK_MEMBER_A_ADMIN_UP 0); it is let back when its session
 * comes Up. A member found out at start (taken out by an earlier daemon)
 * stays out until its session comes Up.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/random.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "bfd.h"
#include "bfd_daemon.h"
#include "daemon.h"
#include "log.h"

/* Counters go to the kernel at most this often (states at once). */
#define BFD_STATE_INTERVAL_NS	(2000ULL * 1000000)
#define MICRO_START_NS		((uint64_t)ETRUNK_BFD_MICRO_START_MS * 1000000)
/*
 * Micro-BFD members' local discriminators: etrunkd's own, above those the
 * kernel gives (static ones up to ETRUNK_BFD_STATIC_DISCR_MAX, dynamic
 * ones random up to ETRUNK_BFD_DYNAMIC_DISCR_MAX).
 */
#define MICRO_DISCR_BASE	(ETRUNK_BFD_DYNAMIC_DISCR_MAX + 1u)

#define ENG_MAX		(ETRUNK_BFD_MAX_SESSIONS + KBFD_MEMBERS_MAX)
/* EP_BFD_SOCK indexes: the shared receiving sockets, then micro ones. */
#define RX_SOCKS	4	/* IPv4/IPv6 x single hop/multihop */

struct bsess;

struct eng {
	bool used;
	struct bsess *owner;
	struct etkd_bfd_session s;
	int tfd;			/* timerfd */
	uint64_t armed;			/* its deadline, ns; 0: none */
	int txfd;			/* single hop, multihop */
	int pfd;			/* micro-BFD: AF_PACKET on the member */
	uint32_t ifindex;		/* micro-BFD: the member */
	char ifname[IF_NAMESIZE];
	uint8_t smac[6];
	uint8_t last_state;		/* as last handled */
	bool out;			/* micro: we hold the member out */
	bool start_due;			/* micro: the start check is to come */
	uint64_t start_ns;
};

struct bsess {
	bool used;
	struct kbfd cfg;
	uint8_t state;			/* summary, as last reported */
	uint8_t diag;
	struct kbfd_state written;
	bool written_ok;
	bool dirty;			/* a state change to write */
	uint64_t next_state_ns;
};

struct bfdd {
	struct daemon *d;
	int epfd;
	int rxfd[RX_SOCKS];
	struct bsess sess[ETRUNK_BFD_MAX_SESSIONS];
	struct eng eng[ENG_MAX];
	/* By type, for etkd_bfd_lookup(): rebuilt at each sync. */
	struct etkd_bfd_session *by_type[2][ENG_MAX];
	size_t n_by_type[2];
	uint64_t no_session;		/* packets for no session */
};

static const char *state_name(uint8_t s)
{
	return etkd_bfd_state_name((enum etrunk_bfd_state)s);
}

static const char *diag_name(uint8_t d)
{
	return etkd_bfd_diag_name((enum etrunk_bfd_diag)d);
}

static void make_sa(const uint8_t *addr, unsigned int len,
		    struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	if (len == 4) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ss;

		sin->sin_family = AF_INET;
		memcpy(&sin->sin_addr, addr, 4);
	} else if (len == 16) {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

		sin6->sin6_family = AF_INET6;
		memcpy(&sin6->sin6_addr, addr, 16);
	}
}

static int rx_index(int family, uint8_t type)
{
	return (family == AF_INET6 ? 2 : 0) + (type == ETRUNK_BFD_MULTIHOP);
}

static void ep_add(struct bfdd *b, int fd, uint64_t tag, uint32_t idx)
{
	struct epoll_event ev = { .events = EPOLLIN };

	ev.data.u64 = tag | idx;
	epoll_ctl(b->epfd, EPOLL_CTL_ADD, fd, &ev);
}

static uint32_t eng_idx(const struct bfdd *b, const struct eng *e)
{
	return (uint32_t)(e - b->eng);
}

/* ---- state to the kernel -------------------------------------------------- */

static bool is_micro(const struct bsess *ss)
{
	return ss->cfg.type == ETRUNK_BFD_MICRO;
}

/* The summary of a micro-BFD session: Up when every member's is. */
static uint8_t summarise(uint8_t cur, uint8_t link, bool first)
{
	if (first)
		return link;
	if (cur == ETRUNK_BFD_STATE_UP)
		return link;
	if (link == ETRUNK_BFD_STATE_UP)
		return cur;
	return link > cur ? link : cur;
}

static void fill_state(struct bfdd *b, struct bsess *ss, struct kbfd_state *k,
		       struct kbfd_link *links, unsigned int *n_links)
{
	bool first = true, diag_set = false;
	unsigned int i;

	memset(k, 0, sizeof(*k));
	*n_links = 0;
	if (is_micro(ss))
		k->state = ss->cfg.admin_down ? ETRUNK_BFD_STATE_ADMIN_DOWN :
						ETRUNK_BFD_STATE_DOWN;
	for (i = 0; i < ENG_MAX; i++) {
		const struct eng *e = &b->eng[i];
		const struct etkd_bfd_session *s = &e->s;

		if (!e->used || e->owner != ss)
			continue;
		if (!is_micro(ss)) {
			k->state = s->state;
			k->remote_state = s->remote_state;
			k->diag = s->diag;
			k->remote_diag = s->remote_diag;
			k->peer_discr = s->remote_discr;
			k->tx_interval = s->tx_interval;
			k->detect_time = s->detect_time;
			k->remote_min_tx = s->remote_min_tx;
			k->remote_min_rx = s->remote_min_rx;
			k->remote_mult = s->remote_mult;
		} else {
			struct kbfd_link *l = &links[(*n_links)++];

			memset(l, 0, sizeof(*l));
			l->ifindex = e->ifindex;
			memcpy(l->ifname, e->ifname, sizeof(l->ifname));
			l->state = s->state;
			l->remote_state = s->remote_state;
			l->diag = s->diag;
			l->local_discr = s->cfg.local_discr;
			l->peer_discr = s->remote_discr;
			l->ups = s->cnt.ups;
			l->downs = s->cnt.downs;
			k->state = summarise(k->state, s->state, first);
			k->remote_state = summarise(k->remote_state,
						    s->remote_state, first);
			if (s->state != ETRUNK_BFD_STATE_UP && !diag_set) {
				k->diag = s->diag;
				k->remote_diag = s->remote_diag;
				diag_set = true;
			}
			if (s->tx_interval > k->tx_interval)
				k->tx_interval = s->tx_interval;
			if (s->detect_time > k->detect_time)
				k->detect_time = s->detect_time;
			if (first) {
				k->remote_min_tx = s->remote_min_tx;
				k->remote_min_rx = s->remote_min_rx;
				k->remote_mult = s->remote_mult;
			}
			first = false;
		}
		k->pkts_tx += s->cnt.tx;
		k->pkts_rx += s->cnt.rx;
		k->drops += s->cnt.drops;
		k->auth_failures += s->cnt.auth_failures;
		k->ups += s->cnt.ups;
		k->downs += s->cnt.downs;
	}
}

static void write_state(struct bfdd *b, struct bsess *ss, uint64_t now)
{
	static struct kbfd_link links[ETRUNK_MAX_MEMBERS];
	struct kbfd_state k;
	unsigned int n;
	int err;

	fill_state(b, ss, &k, links, &n);
	ss->next_state_ns = now + BFD_STATE_INTERVAL_NS;
	if (!ss->dirty && ss->written_ok && !memcmp(&k, &ss->written, sizeof(k)))
		return;
	err = kernel_set_bfd_state(&b->d->req, ss->cfg.name, &k,
				   is_micro(ss) ? links : NULL, n);
	if (err) {
		/* Deleted meanwhile: the event brings a reread. */
		if (err != -ENOENT)
			log_err("bfd %s: writing the state: %s%s%s",
				ss->cfg.name, strerror(-err),
				b->d->req.errmsg[0] ? ": " : "",
				b->d->req.errmsg);
		return;
	}
	ss->written = k;
	ss->written_ok = true;
	ss->dirty = false;
}

/* ---- engine sessions -------------------------------------------------------- */

static void arm(struct bfdd *b, struct eng *e)
{
	struct itimerspec its = {};
	uint64_t dl = etkd_bfd_next_deadline(&e->s);

	(void)b;
	if (e->start_due && e->start_ns + MICRO_START_NS < dl)
		dl = e->start_ns + MICRO_START_NS;
	if (dl == ETKD_BFD_NEVER)
		dl = 0;
	if (dl == e->armed)
		return;
	e->armed = dl;
	its.it_value.tv_sec = dl / ETKD_NSEC_PER_SEC;
	its.it_value.tv_nsec = dl % ETKD_NSEC_PER_SEC;
	if (dl && !its.it_value.tv_sec && !its.it_value.tv_nsec)
		its.it_value.tv_nsec = 1;
	timerfd_settime(e->tfd, TFD_TIMER_ABSTIME, &its, NULL);
}

static void send_packet(struct bfdd *b, struct eng *e, uint64_t now)
{
	uint8_t buf[ETKD_BFD_MAX_LEN], frame[ETKD_BFD_MICRO_FRAME_MAX];
	int len = etkd_bfd_build_tx(&e->s, buf, sizeof(buf), now);
	int flen;

	(void)b;
	if (len < 0)
		return;
	if (e->owner->cfg.type != ETRUNK_BFD_MICRO) {
		if (etkd_bfd_send(e->txfd, buf, len, &e->s.cfg.peer,
				  e->s.cfg.type) < 0)
			log_debug("bfd %s: send: %s", e->owner->cfg.name,
				  strerror(errno));
		return;
	}
	flen = etkd_bfd_micro_build(frame, sizeof(frame), e->smac,
				    &e->s.cfg.local, &e->s.cfg.peer, buf, len);
	if (flen < 0 || etkd_bfd_micro_send(e->pfd, e->ifindex, frame, flen) < 0)
		log_debug("bfd %s: %s: send: %s", e->owner->cfg.name,
			  e->ifname, strerror(errno));
}

static void member_admin(struct bfdd *b, struct eng *e, bool up,
			 const char *why)
{
	int err = kernel_set_member_admin(&b->d->req, e->ifindex, up);

	if (err && err != -ENODEV) {
		log_err("bfd %s: %s: %s the trunk: %s%s%s", e->owner->cfg.name,
			e->ifname, up ? "back into" : "out of", strerror(-err),
			b->d->req.errmsg[0] ? ": " : "", b->d->req.errmsg);
		return;
	}
	e->out = !up;
	log_notice("bfd %s: member %s %s the trunk (%s)", e->owner->cfg.name,
		   e->ifname, up ? "back into" : "out of", why);
}

/* Bring the session's summary up to date; tell daemon.c of a change. */
static void summary_change(struct bfdd *b, struct bsess *ss, uint64_t now)
{
	static struct kbfd_link links[ETRUNK_MAX_MEMBERS];
	struct kbfd_state k;
	uint8_t old = ss->state;
	unsigned int n;

	fill_state(b, ss, &k, links, &n);
	ss->dirty = true;
	write_state(b, ss, now);
	if (k.state == old)
		return;
	ss->state = k.state;
	ss->diag = k.diag;
	if (is_micro(ss))
		log_notice("bfd %s: %s -> %s", ss->cfg.name, state_name(old),
			   state_name(k.state));
	daemon_bfd_change(b->d, ss->cfg.name, old, k.state, k.diag,
			  k.remote_state);
}

static void state_changed(struct bfdd *b, struct eng *e, uint64_t now)
{
	struct bsess *ss = e->owner;
	uint8_t old = e->last_state, st = e->s.state;

	if (st == old) {
		ss->dirty = true;	/* a diagnostic */
		write_state(b, ss, now);
		return;
	}
	e->last_state = st;
	/* The diagnostic says why it went down; Up has none to tell. */
	log_notice("bfd %s%s%s: %s -> %s%s%s%s", ss->cfg.name,
		   is_micro(ss) ? ": " : "", is_micro(ss) ? e->ifname : "",
		   state_name(old), state_name(st),
		   st == ETRUNK_BFD_STATE_UP ? "" : " (",
		   st == ETRUNK_BFD_STATE_UP ? "" : diag_name(e->s.diag),
		   st == ETRUNK_BFD_STATE_UP ? "" : ")");
	if (is_micro(ss)) {
		if (st == ETRUNK_BFD_STATE_UP) {
			e->start_due = false;
			if (e->out)
				member_admin(b, e, true, "micro-BFD up");
		} else if (old == ETRUNK_BFD_STATE_UP && !e->out &&
			   st != ETRUNK_BFD_STATE_ADMIN_DOWN) {
			/* The peer AdminDown (its daemon stopping): no failure. */
			if (e->s.remote_state == ETRUNK_BFD_STATE_ADMIN_DOWN)
				log_info("bfd %s: %s: the peer went AdminDown: the member stays in",
					 ss->cfg.name, e->ifname);
			else
				member_admin(b, e, false, "micro-BFD down");
		}
	}
	summary_change(b, ss, now);
}

static void handle(struct bfdd *b, struct eng *e, unsigned int ev,
		   uint64_t now)
{
	if (ev & ETKD_BFD_EV_TX)
		send_packet(b, e, now);
	if (ev & ETKD_BFD_EV_STATE) {
		state_changed(b, e, now);
	} else if (ev & ETKD_BFD_EV_TIMERS) {
		/* New negotiated intervals: shown at once too. */
		e->owner->dirty = true;
		write_state(b, e->owner, now);
	}
	arm(b, e);
}

static void eng_stop(struct bfdd *b, struct eng *e)
{
	(void)b;
	if (e->tfd >= 0)
		close(e->tfd);
	if (e->txfd >= 0)
		close(e->txfd);
	if (e->pfd >= 0)
		close(e->pfd);
	memset(e, 0, sizeof(*e));
	e->tfd = e->txfd = e->pfd = -1;
}

static struct eng *eng_alloc(struct bfdd *b)
{
	unsigned int i;

	for (i = 0; i < ENG_MAX; i++)
		if (!b->eng[i].used)
			return &b->eng[i];
	return NULL;
}

static void make_cfg(const struct kbfd *c, struct etkd_bfd_cfg *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->type = c->type;
	cfg->local_discr = c->local_discr;
	cfg->remote_discr = c->remote_discr;
	cfg->min_tx = c->min_tx;
	cfg->min_rx = c->min_rx;
	cfg->mult = c->mult;
	cfg->admin_down = c->admin_down;
	cfg->auth.type = c->auth_type;
	cfg->auth.key_id = c->auth_key_id;
	cfg->auth.key_len = c->key_len;
	memcpy(cfg->auth.key, c->key, c->key_len);
	make_sa(c->peer, c->addr_len, &cfg->peer);
	if (c->has_source)
		make_sa(c->source, c->addr_len, &cfg->local);
	if (c->type == ETRUNK_BFD_SINGLE_HOP)
		cfg->ifindex = c->ifindex;
}

static int rx_socket(struct bfdd *b, int family, uint8_t type)
{
	int i = rx_index(family, type), fd;

	if (b->rxfd[i] >= 0)
		return 0;
	fd = etkd_bfd_rx_socket(family, type, NULL);
	if (fd < 0) {
		log_err("bfd: cannot open the %s %s socket (port %u): %s",
			family == AF_INET ? "IPv4" : "IPv6",
			type == ETRUNK_BFD_MULTIHOP ? "multihop" : "single-hop",
			etkd_bfd_port(type), strerror(errno));
		return -1;
	}
	b->rxfd[i] = fd;
	ep_add(b, fd, EP_BFD_SOCK, i);
	return 0;
}

static struct eng *eng_start(struct bfdd *b, struct bsess *ss,
			     const struct etkd_bfd_cfg *cfg, uint64_t now)
{
	struct eng *e = eng_alloc(b);

	if (!e) {
		log_err("bfd %s: too many sessions", ss->cfg.name);
		return NULL;
	}
	memset(e, 0, sizeof(*e));
	e->tfd = e->txfd = e->pfd = -1;
	e->owner = ss;
	if (etkd_bfd_session_init(&e->s, cfg, now)) {
		log_err("bfd %s: invalid configuration", ss->cfg.name);
		return NULL;
	}
	e->tfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (e->tfd < 0) {
		log_err("bfd %s: timerfd: %s", ss->cfg.name, strerror(errno));
		return NULL;
	}
	e->used = true;
	e->last_state = e->s.state;
	ep_add(b, e->tfd, EP_BFD_TIMER, eng_idx(b, e));
	return e;
}

static void start_ip(struct bfdd *b, struct bsess *ss, uint64_t now)
{
	const struct kbfd *c = &ss->cfg;
	struct etkd_bfd_cfg cfg;
	struct eng *e;
	uint16_t port;

	make_cfg(c, &cfg);
	if (rx_socket(b, cfg.peer.ss_family, c->type))
		return;
	e = eng_start(b, ss, &cfg, now);
	if (!e)
		return;
	e->txfd = etkd_bfd_tx_socket(&cfg.peer, &cfg.local,
				     c->type == ETRUNK_BFD_SINGLE_HOP &&
				     c->ifname[0] ? c->ifname : NULL,
				     c->local_discr, &port);
	if (e->txfd < 0)
		log_err("bfd %s: cannot open its sending socket: %s", c->name,
			strerror(errno));
	arm(b, e);
}

/*
 * A micro-BFD member's local discriminator: random among etrunkd's own
 * (MICRO_DISCR_BASE to 2^31 - 1), unused by any engine, so that a spoofer
 * cannot guess it from the order sessions were made in.
 */
static uint32_t micro_discr(const struct bfdd *b)
{
	for (;;) {
		uint32_t r = 0, d;
		bool used = false;
		int i;

		if (getrandom(&r, sizeof(r), 0) != sizeof(r))
			r = (uint32_t)etkd_bfd_now();
		d = MICRO_DISCR_BASE + r % 0x3fffffffu;
		for (i = 0; i < ENG_MAX && !used; i++)
			used = b->eng[i].used && b->eng[i].s.cfg.local_discr == d;
		if (!used)
			return d;
	}
}

static void start_member(struct bfdd *b, struct bsess *ss,
			 const struct kbfd_member *m, uint64_t now)
{
	struct etkd_bfd_cfg cfg;
	struct eng *e;

	make_cfg(&ss->cfg, &cfg);
	cfg.local_discr = micro_discr(b);
	e = eng_start(b, ss, &cfg, now);
	if (!e)
		return;
	e->ifindex = m->ifindex;
	memcpy(e->ifname, m->ifname, sizeof(e->ifname));
	e->out = !m->admin_up;
	e->start_due = true;
	e->start_ns = now;
	if (etkd_bfd_ifmac(m->ifindex, e->smac))
		log_warn("bfd %s: %s: no MAC address: %s", ss->cfg.name,
			 m->ifname, strerror(errno));
	e->pfd = etkd_bfd_micro_socket(m->ifindex);
	if (e->pfd < 0)
		log_err("bfd %s: %s: micro-BFD socket: %s", ss->cfg.name,
			m->ifname, strerror(errno));
	else
		ep_add(b, e->pfd, EP_BFD_SOCK, RX_SOCKS + eng_idx(b, e));
	log_info("bfd %s: member %s, discriminator %u%s", ss->cfg.name,
		 m->ifname, cfg.local_discr,
		 e->out ? ", out of the trunk until its session is up" : "");
	arm(b, e);
}

/* Micro-BFD: one engine session per member, members come and go. */
static void sync_members(struct bfdd *b, struct bsess *ss,
			 const struct kstate *ks, uint64_t now)
{
	const struct kbfd *c = &ss->cfg;
	unsigned int i, j;

	for (i = 0; i < ENG_MAX; i++) {
		struct eng *e = &b->eng[i];
		bool found = false;

		if (!e->used || e->owner != ss)
			continue;
		for (j = 0; j < c->n_members; j++)
			found |= ks->members[c->first_member + j].ifindex ==
				 e->ifindex;
		if (!found) {
			log_info("bfd %s: member %s left the trunk",
				 c->name, e->ifname);
			eng_stop(b, e);
		}
	}
	for (j = 0; j < c->n_members; j++) {
		const struct kbfd_member *m = &ks->members[c->first_member + j];
		bool found = false;

		for (i = 0; i < ENG_MAX && !found; i++)
			found = b->eng[i].used && b->eng[i].owner == ss &&
				b->eng[i].ifindex == m->ifindex;
		if (!found)
			start_member(b, ss, m, now);
	}
}

static void sess_start(struct bfdd *b, struct bsess *ss, const struct kbfd *c,
		       const struct kstate *ks, uint64_t now)
{
	char a[INET6_ADDRSTRLEN] = "any", p[INET6_ADDRSTRLEN];
	static const char *const types[] = { "single-hop", "multihop", "micro" };

	memset(ss, 0, sizeof(*ss));
	ss->used = true;
	ss->cfg = *c;
	ss->state = c->admin_down ? ETRUNK_BFD_STATE_ADMIN_DOWN :
				    ETRUNK_BFD_STATE_DOWN;
	ss->dirty = true;
	if (c->has_source)
		inet_ntop(c->addr_len == 4 ? AF_INET : AF_INET6, c->source, a,
			  sizeof(a));
	inet_ntop(c->addr_len == 4 ? AF_INET : AF_INET6, c->peer, p, sizeof(p));
	log_info("bfd %s: started, %s, %s -> %s%s%s, tx %u us, rx %u us, x %u%s",
		 c->name, types[c->type], a, p, c->ifname[0] ? " on " : "",
		 c->ifname, c->min_tx, c->min_rx, c->mult,
		 c->auth_type ? ", authenticated" : "");
	if (c->type == ETRUNK_BFD_MICRO)
		sync_members(b, ss, ks, now);
	else
		start_ip(b, ss, now);
	/* Started Down: the kernel may hold an older daemon's Up. */
	write_state(b, ss, now);
}

static void sess_stop(struct bfdd *b, struct bsess *ss, bool restore)
{
	unsigned int i;

	for (i = 0; i < ENG_MAX; i++) {
		struct eng *e = &b->eng[i];

		if (!e->used || e->owner != ss)
			continue;
		/* A member we held out goes back with its session. */
		if (restore && e->out)
			member_admin(b, e, true, "micro-BFD session gone");
		eng_stop(b, e);
	}
	memset(ss, 0, sizeof(*ss));
}

/* What, if changed, makes a new session (not a reconfiguration). */
static bool same_identity(const struct kbfd *a, const struct kbfd *c)
{
	return a->type == c->type && a->addr_len == c->addr_len &&
	       !memcmp(a->peer, c->peer, sizeof(a->peer)) &&
	       a->has_source == c->has_source &&
	       !memcmp(a->source, c->source, sizeof(a->source)) &&
	       a->ifindex == c->ifindex && a->local_discr == c->local_discr;
}

static bool same_params(const struct kbfd *a, const struct kbfd *c)
{
	return a->remote_discr == c->remote_discr && a->min_tx == c->min_tx &&
	       a->min_rx == c->min_rx && a->mult == c->mult &&
	       a->admin_down == c->admin_down &&
	       a->auth_type == c->auth_type &&
	       a->auth_key_id == c->auth_key_id && a->key_len == c->key_len &&
	       !memcmp(a->key, c->key, a->key_len);
}

static void sess_reconfigure(struct bfdd *b, const struct bsess *ss,
			     const struct kbfd *c, uint64_t now)
{
	unsigned int i;

	log_info("bfd %s: reconfigured: tx %u us, rx %u us, x %u%s",
		 c->name, c->min_tx, c->min_rx, c->mult,
		 c->admin_down ? ", admin down" : "");
	for (i = 0; i < ENG_MAX; i++) {
		struct eng *e = &b->eng[i];
		struct etkd_bfd_cfg cfg;
		int ev;

		if (!e->used || e->owner != ss)
			continue;
		make_cfg(c, &cfg);
		cfg.local_discr = e->s.cfg.local_discr;
		cfg.ifindex = e->s.cfg.ifindex;
		ev = etkd_bfd_reconfigure(&e->s, &cfg, now);
		if (ev < 0) {
			log_err("bfd %s: invalid configuration, kept the last",
				c->name);
			continue;
		}
		handle(b, e, ev, now);
	}
}

static void rebuild_lookup(struct bfdd *b)
{
	unsigned int i;

	b->n_by_type[0] = b->n_by_type[1] = 0;
	for (i = 0; i < ENG_MAX; i++) {
		struct eng *e = &b->eng[i];
		uint8_t t = e->s.cfg.type;

		if (e->used && t <= ETRUNK_BFD_MULTIHOP)
			b->by_type[t][b->n_by_type[t]++] = &e->s;
	}
}

void bfdd_sync(struct bfdd *b, const struct kstate *ks)
{
	static bool seen[ETRUNK_BFD_MAX_SESSIONS];
	uint64_t now = etkd_bfd_now();
	unsigned int i, j;

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < ks->n_bfd; i++) {
		const struct kbfd *c = &ks->bfd[i];
		struct bsess *ss = NULL, *free_slot = NULL;

		for (j = 0; j < ETRUNK_BFD_MAX_SESSIONS; j++) {
			struct bsess *x = &b->sess[j];

			if (!x->used) {
				if (!free_slot)
					free_slot = x;
			} else if (!strcmp(x->cfg.name, c->name)) {
				ss = x;
				break;
			}
		}
		if (ss && !same_identity(&ss->cfg, c)) {
			log_info("bfd %s: new address, interface, type or discriminator: started over",
				 c->name);
			sess_stop(b, ss, true);
			free_slot = ss;
			ss = NULL;
		}
		if (!ss) {
			if (!free_slot)
				continue;
			sess_start(b, free_slot, c, ks, now);
			seen[free_slot - b->sess] = true;
			continue;
		}
		seen[ss - b->sess] = true;
		if (!same_params(&ss->cfg, c))
			sess_reconfigure(b, ss, c, now);
		ss->cfg = *c;
		if (is_micro(ss))
			sync_members(b, ss, ks, now);
	}
	for (j = 0; j < ETRUNK_BFD_MAX_SESSIONS; j++) {
		struct bsess *ss = &b->sess[j];

		if (ss->used && !seen[j]) {
			log_info("bfd %s: deleted", ss->cfg.name);
			sess_stop(b, ss, true);
		}
	}
	rebuild_lookup(b);
}

/* ---- events ------------------------------------------------------------- */

static void rx_shared(struct bfdd *b, int fd, uint8_t type)
{
	uint8_t buf[256];
	unsigned int i;

	/* A bounded batch: level-triggered epoll brings us back for more. */
	for (i = 0; i < ETKD_RX_BATCH; i++) {
		struct etkd_bfd_rxinfo info;
		struct etkd_bfd_session *s;
		enum etkd_bfd_drop why;
		unsigned int ev;
		ssize_t n = etkd_bfd_recv(fd, buf, sizeof(buf), &info);
		uint64_t now;

		if (n < 0)
			return;
		s = etkd_bfd_lookup(b->by_type[type], b->n_by_type[type], type,
				    buf, n, &info);
		if (!s) {
			b->no_session++;
			continue;
		}
		now = etkd_bfd_now();
		ev = etkd_bfd_rx(s, buf, n, info.ttl, now, &why);
		if (why != ETKD_BFD_ACCEPT)
			log_debug("bfd: packet dropped: %s", etkd_bfd_drop_name(why));
		handle(b, (struct eng *)((char *)s - offsetof(struct eng, s)),
		       ev, now);
	}
}

static void rx_micro(struct bfdd *b, struct eng *e)
{
	uint8_t frame[2048];
	unsigned int i;

	/* A bounded batch: level-triggered epoll brings us back for more. */
	for (i = 0; i < ETKD_RX_BATCH; i++) {
		struct etkd_bfd_rxinfo info;
		const uint8_t *payload;
		enum etkd_bfd_drop why;
		unsigned int ev;
		ssize_t n = etkd_bfd_micro_recv(e->pfd, frame, sizeof(frame),
						&payload, &info);
		uint64_t now;

		if (n < 0)
			return;
		if (!n)
			continue;
		/* From our peer address to our source only. */
		if (!etkd_bfd_addr_equal(&info.from, &e->s.cfg.peer))
			continue;
		now = etkd_bfd_now();
		ev = etkd_bfd_rx(&e->s, payload, n, info.ttl, now, &why);
		if (why != ETKD_BFD_ACCEPT)
			log_debug("bfd %s: %s: packet dropped: %s",
				  e->owner->cfg.name, e->ifname,
				  etkd_bfd_drop_name(why));
		handle(b, e, ev, now);
	}
}

static void on_timer(struct bfdd *b, struct eng *e)
{
	uint64_t exp, now;
	unsigned int ev;

	if (read(e->tfd, &exp, sizeof(exp)) < 0 && errno != EAGAIN)
		return;
	now = etkd_bfd_now();
	/* Late by more than a third of the detection time: say so (-d). */
	if (e->armed && now > e->armed && e->s.detect_time &&
	    now - e->armed > (uint64_t)e->s.detect_time * 1000 / 3)
		log_debug("bfd %s%s%s: timer %llu us late", e->owner->cfg.name,
			  e->ifname[0] ? ": " : "", e->ifname,
			  (unsigned long long)((now - e->armed) / 1000));
	e->armed = 0;
	ev = etkd_bfd_on_timer(&e->s, now);
	if (e->start_due && now >= e->start_ns + MICRO_START_NS) {
		e->start_due = false;
		if (e->s.state != ETRUNK_BFD_STATE_UP && !e->out &&
		    !e->owner->cfg.admin_down)
			member_admin(b, e, false, "micro-BFD not up in time");
	}
	handle(b, e, ev, now);
}

void bfdd_event(struct bfdd *b, uint64_t tag, uint32_t idx)
{
	if (tag == EP_BFD_TIMER) {
		if (idx < ENG_MAX && b->eng[idx].used)
			on_timer(b, &b->eng[idx]);
	} else if (idx < RX_SOCKS) {
		if (b->rxfd[idx] >= 0)
			rx_shared(b, b->rxfd[idx], idx & 1 ? ETRUNK_BFD_MULTIHOP :
						ETRUNK_BFD_SINGLE_HOP);
	} else if (idx - RX_SOCKS < ENG_MAX) {
		struct eng *e = &b->eng[idx - RX_SOCKS];

		if (e->used && e->pfd >= 0)
			rx_micro(b, e);
	}
}

uint64_t bfdd_tick(struct bfdd *b, uint64_t now_ms)
{
	uint64_t now = etkd_bfd_now(), next = ETKD_BFD_NEVER;
	unsigned int i;

	(void)now_ms;
	for (i = 0; i < ETRUNK_BFD_MAX_SESSIONS; i++) {
		struct bsess *ss = &b->sess[i];

		if (!ss->used)
			continue;
		if (now >= ss->next_state_ns)
			write_state(b, ss, now);
		if (ss->next_state_ns < next)
			next = ss->next_state_ns;
	}
	if (next == ETKD_BFD_NEVER)
		return UINT64_MAX;
	/* In the caller's milliseconds (both CLOCK_MONOTONIC). */
	return next / 1000000 + 1;
}

void bfdd_stop(struct bfdd *b)
{
	uint64_t now = etkd_bfd_now();
	unsigned int i;

	for (i = 0; i < ENG_MAX; i++) {
		struct eng *e = &b->eng[i];
		struct etkd_bfd_cfg cfg;

		if (!e->used || e->s.state == ETRUNK_BFD_STATE_ADMIN_DOWN)
			continue;
		cfg = e->s.cfg;
		cfg.admin_down = true;
		if (etkd_bfd_reconfigure(&e->s, &cfg, now) < 0)
			continue;
		/* Twice: one may be lost; nothing follows. */
		send_packet(b, e, now);
		send_packet(b, e, now);
	}
}

void bfdd_flush_state(struct bfdd *b)
{
	uint64_t now = etkd_bfd_now();
	unsigned int i;

	for (i = 0; i < ETRUNK_BFD_MAX_SESSIONS; i++)
		if (b->sess[i].used)
			write_state(b, &b->sess[i], now);
}

int bfdd_session_state(const struct bfdd *b, const char *name)
{
	unsigned int i;

	if (!b || !name[0])
		return -1;
	for (i = 0; i < ETRUNK_BFD_MAX_SESSIONS; i++)
		if (b->sess[i].used && !strcmp(b->sess[i].cfg.name, name))
			return b->sess[i].state;
	return -1;
}

struct bfdd *bfdd_new(struct daemon *d, int epfd)
{
	struct bfdd *b = calloc(1, sizeof(*b));
	unsigned int i;

	if (!b)
		return NULL;
	b->d = d;
	b->epfd = epfd;
	for (i = 0; i < RX_SOCKS; i++)
		b->rxfd[i] = -1;
	for (i = 0; i < ENG_MAX; i++)
		b->eng[i].tfd = b->eng[i].txfd = b->eng[i].pfd = -1;
	return b;
}

void bfdd_free(struct bfdd *b)
{
	unsigned int i;

	if (!b)
		return;
	for (i = 0; i < ETRUNK_BFD_MAX_SESSIONS; i++)
		if (b->sess[i].used)
			sess_stop(b, &b->sess[i], false);
	for (i = 0; i < RX_SOCKS; i++)
		if (b->rxfd[i] >= 0)
			close(b->rxfd[i]);
	free(b);
}
