// SPDX-License-Identifier: GPL-2.0
/*
 * daemon.c - etrunkd's groups: hellos out and in, the peer's liveness,
 * the election of each member trunk and its verdict written to the
 * kernel (daemon.h).
 *
 * Restarting loses nothing: a group starts "starting" (election rule 0),
 * keeping the roles the kernel holds, until it hears the peer or the hold
 * time has passed since the start; the kernel kept forwarding meanwhile.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include "bfd_daemon.h"
#include "bfd_pkt.h"
#include "daemon.h"
#include "epoch.h"
#include "hook.h"
#include "log.h"

/* Counters go to the kernel at most this often (and on a peer change). */
#define STATE_INTERVAL_MS	2000

uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static uint64_t hold_ms(const struct group_rt *g)
{
	return (uint64_t)g->cfg.hello_interval * g->cfg.hold_mult;
}

static const char *role_name(uint8_t role)
{
	return etkd_role_name(role);
}

static void addr_str(const uint8_t *a, unsigned int len, char *buf,
		     size_t size)
{
	inet_ntop(len == 4 ? AF_INET : AF_INET6, a, buf, size);
}

static void make_sa(const uint8_t *addr, unsigned int len, uint16_t port,
		    struct sockaddr_storage *ss, socklen_t *sl)
{
	memset(ss, 0, sizeof(*ss));
	if (len == 4) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ss;

		sin->sin_family = AF_INET;
		sin->sin_port = htons(port);
		memcpy(&sin->sin_addr, addr, 4);
		*sl = sizeof(*sin);
	} else {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons(port);
		memcpy(&sin6->sin6_addr, addr, 16);
		*sl = sizeof(*sin6);
	}
}

/* ---- sockets ---------------------------------------------------------- */

static int hsock_open(struct hsock *s)
{
	struct sockaddr_storage ss;
	int one = 1, tos = 0xc0;	/* DSCP CS6, network control */
	socklen_t sl;
	int fd;

	fd = socket(s->family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	make_sa(s->addr, s->family == AF_INET ? 4 : 16, s->port, &ss, &sl);
	/* Bind even before the address is configured (daemon start order). */
	if (s->family == AF_INET) {
		setsockopt(fd, IPPROTO_IP, IP_FREEBIND, &one, sizeof(one));
		setsockopt(fd, IPPROTO_IP, IP_TOS, &tos, sizeof(tos));
	} else {
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
		setsockopt(fd, IPPROTO_IPV6, IPV6_FREEBIND, &one, sizeof(one));
		setsockopt(fd, IPPROTO_IPV6, IPV6_TCLASS, &tos, sizeof(tos));
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&ss, sl) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	s->fd = fd;
	return 0;
}

static struct hsock *hsock_get(struct daemon *d, const struct kgroup *c)
{
	int family = c->addr_len == 4 ? AF_INET : AF_INET6;
	struct hsock *free_slot = NULL;
	struct epoll_event ev = { .events = EPOLLIN };
	unsigned int i;
	int err;

	for (i = 0; i < ETRUNK_GROUP_MAX; i++) {
		struct hsock *s = &d->socks[i];

		if (!s->users) {
			if (!free_slot)
				free_slot = s;
			continue;
		}
		if (s->family == family && s->port == c->port &&
		    !memcmp(s->addr, c->source, c->addr_len)) {
			s->users++;
			return s;
		}
	}
	if (!free_slot)
		return NULL;
	free_slot->family = family;
	free_slot->port = c->port;
	memset(free_slot->addr, 0, sizeof(free_slot->addr));
	memcpy(free_slot->addr, c->source, c->addr_len);
	err = hsock_open(free_slot);
	if (err) {
		char a[INET6_ADDRSTRLEN];

		addr_str(c->source, c->addr_len, a, sizeof(a));
		log_err("e-trunk %u: cannot bind %s port %u: %s", c->id, a,
			c->port, strerror(-err));
		return NULL;
	}
	ev.data.u64 = EP_HSOCK | (uint64_t)(free_slot - d->socks);
	epoll_ctl(d->epfd, EPOLL_CTL_ADD, free_slot->fd, &ev);
	free_slot->users = 1;
	return free_slot;
}

static void hsock_put(struct hsock *s)
{
	if (!s || --s->users)
		return;
	close(s->fd);	/* leaves the epoll set with its last descriptor */
	s->fd = -1;
}

/* ---- hellos out ----------------------------------------------------------- */

static uint8_t trunk_state(const struct kbinding *k)
{
	if (!k->up)
		return ETKD_TRUNK_ADMIN_DOWN;
	return k->links ? ETKD_TRUNK_UP : ETKD_TRUNK_DOWN;
}

static uint16_t trunk_links(const struct kbinding *k)
{
	if (!k->up)
		return 0;
	return k->links > ETKD_MAX_LINKS ? ETKD_MAX_LINKS : k->links;
}

/* @hold_mult: the group's, or a longer one in a last hello (daemon_stop()). */
static void send_hello(struct daemon *d, struct group_rt *g, uint8_t hold_mult,
		       uint64_t now)
{
	static struct etkd_hello h;
	uint8_t buf[ETKD_HELLO_MAX_LEN];
	unsigned int i, j;
	int len;

	memset(&h, 0, sizeof(h));
	h.group = g->cfg.id;
	h.priority = g->cfg.priority;
	memcpy(h.sysid, g->cfg.system, ETKD_SYSID_LEN);
	h.hold_mult = hold_mult;
	h.interval_ms = g->cfg.hello_interval;
	h.epoch = d->epoch;
	h.seq = ++d->seq[g->cfg.id - 1];
	for (i = 0; i < g->n_trunks; i++) {
		const struct trunk_rt *t = &g->trunks[i];
		struct etkd_hello_rec *r;
		bool dup = false;

		if (!t->k.id || h.n_records == ETKD_HELLO_MAX_RECORDS)
			continue;
		for (j = 0; j < h.n_records; j++)
			dup |= h.rec[j].peer_trunk_id == t->k.peer_id;
		if (dup)
			continue;	/* reported once at sync */
		r = &h.rec[h.n_records++];
		r->trunk_id = t->k.id;
		r->peer_trunk_id = t->k.peer_id;
		r->mode = t->k.mode;
		r->basis = t->k.basis;
		r->state = trunk_state(&t->k);
		r->role = t->role;
		r->links = trunk_links(&t->k);
		r->bandwidth = r->links ? t->k.bandwidth : 0;
	}
	len = etkd_hello_encode(&h, g->cfg.key_len ? g->cfg.key : NULL,
				g->cfg.key_len, buf, sizeof(buf));
	g->next_hello_ms = now + g->cfg.hello_interval;
	if (len < 0) {
		log_err("e-trunk %u: cannot encode a hello: %s", g->cfg.id,
			etkd_hello_strerror(len));
		return;
	}
	if (!g->sock)
		return;
	if (sendto(g->sock->fd, buf, len, 0, (struct sockaddr *)&g->peer_sa,
		   g->peer_sa_len) < 0) {
		log_debug("e-trunk %u: sendto: %s", g->cfg.id, strerror(errno));
		return;
	}
	g->hellos_tx++;
}

/* ---- state to the kernel ------------------------------------------------ */

static void counters(const struct group_rt *g, struct kcounters *c)
{
	unsigned int v;

	c->hellos_tx = g->hellos_tx;
	c->hellos_rx = g->rx.count[ETKD_RX_ACCEPT];
	c->auth_failures = g->rx.count[ETKD_RX_AUTH];
	c->replays = g->rx.count[ETKD_RX_REPLAY];
	c->drops = 0;
	for (v = 0; v < __ETKD_RX_MAX; v++)
		if (v != ETKD_RX_ACCEPT && v != ETKD_RX_AUTH &&
		    v != ETKD_RX_REPLAY)
			c->drops += g->rx.count[v];
	c->role_changes = g->role_changes;
}

static uint8_t peer_state(const struct group_rt *g)
{
	if (g->peer_up)
		return ETRUNK_PEER_UP;
	if (g->bfd_down)
		return ETRUNK_PEER_DOWN_BFD;
	return g->live_alive ? ETRUNK_PEER_DOWN_ALIVE : ETRUNK_PEER_DOWN;
}

static void write_state(struct daemon *d, struct group_rt *g, uint64_t now)
{
	uint8_t ps = peer_state(g);
	struct kcounters c;
	int err;

	counters(g, &c);
	g->next_state_ms = now + STATE_INTERVAL_MS;
	if (ps == g->peer_state_written && !memcmp(&c, &g->written, sizeof(c)))
		return;
	err = kernel_set_group_state(&d->req, g->cfg.id, ps, &c);
	if (err) {
		if (err != -ENOENT)
			log_err("e-trunk %u: writing the peer state: %s",
				g->cfg.id, strerror(-err));
		return;
	}
	g->peer_state_written = ps;
	g->written = c;
}

/* ---- the election --------------------------------------------------------- */

/*
 * How long a start waits for the peer: the hold time, but at least
 * START_MIN_MS, because the first hellos after a boot or a restart of the
 * peer link wait for ARP/ND (and DAD) first, which can take longer than a
 * short hold time; taking master then would disturb for nothing.
 */
#define START_MIN_MS	1000

static uint64_t start_wait_ms(const struct group_rt *g)
{
	return hold_ms(g) > START_MIN_MS ? hold_ms(g) : START_MIN_MS;
}

static bool group_starting(const struct group_rt *g, uint64_t now)
{
	return !g->peer_heard && now < g->start_ms + start_wait_ms(g);
}

static void elect_trunk(struct daemon *d, struct group_rt *g,
			struct trunk_rt *t, uint64_t now, bool *changed)
{
	const struct etkd_hello_rec *rec = NULL;
	struct etkd_elect_in in = {};
	struct etkd_verdict v;
	uint8_t old = t->role;
	uint64_t delay, dl;
	int err;

	in.local.priority = g->cfg.priority;
	memcpy(in.local.sysid, g->cfg.system, ETKD_SYSID_LEN);
	memcpy(in.local.addr, g->src_norm, ETKD_ADDR_LEN);
	in.local.mode = t->k.mode;
	in.local.basis = t->k.basis;
	in.local.role = t->role;
	in.local.links = trunk_links(&t->k);
	in.local.bandwidth = in.local.links ? t->k.bandwidth : 0;
	if (g->peer_heard) {
		in.remote.priority = g->peer.priority;
		memcpy(in.remote.sysid, g->peer.sysid, ETKD_SYSID_LEN);
		rec = etkd_hello_find(&g->peer, t->k.id);
	}
	memcpy(in.remote.addr, g->rx.peer, ETKD_ADDR_LEN);
	if (rec) {
		in.remote.mode = rec->mode;
		in.remote.basis = rec->basis;
		in.remote.role = rec->role;
		in.remote.links = rec->links;
		in.remote.bandwidth = rec->bandwidth;
	}
	in.peer_heard = g->peer_heard;
	in.peer_up = g->peer_up;
	in.liveness_alive = g->live_alive;
	in.starting = group_starting(g, now);

	delay = (uint64_t)g->cfg.revert_delay * 1000;
	v = etkd_elect(&in, delay, now, &t->rv);
	if (t->written && v.role == t->role && v.reason == t->reason)
		return;
	dl = etkd_revert_deadline(&t->rv, delay);
	err = kernel_set_role(&d->req, t->k.ifindex, v.role, v.reason,
			      dl > now ? (uint32_t)(dl - now) : 0);
	if (err) {
		/* Unbound or gone meanwhile: the event brings a reread. */
		if (err != -ENOENT && err != -ENODEV)
			log_err("e-trunk %u: %s: setting role %s: %s%s%s",
				g->cfg.id, t->k.ifname, role_name(v.role),
				strerror(-err), d->req.errmsg[0] ? ": " : "",
				d->req.errmsg);
		return;
	}
	t->written = true;
	t->reason = v.reason;
	if (v.role == old)
		return;
	t->role = v.role;
	g->role_changes++;
	*changed = true;
	log_notice("e-trunk %u: %s (id %u): %s -> %s (%s)", g->cfg.id,
		   t->k.ifname, t->k.id, role_name(old), role_name(v.role),
		   etkd_reason_name(v.reason));
	hook_run(g->cfg.id, t->k.ifname, t->k.id, role_name(old),
		 role_name(v.role), etkd_reason_name(v.reason), now);
}

static void elect_group(struct daemon *d, struct group_rt *g, uint64_t now)
{
	bool changed = false;
	unsigned int i;

	for (i = 0; i < g->n_trunks; i++)
		elect_trunk(d, g, &g->trunks[i], now, &changed);
	/* Tell the peer at once: its handover waits for our master. */
	if (changed)
		send_hello(d, g, g->cfg.hold_mult, now);
}

/* ---- groups in step with the kernel ---------------------------------------- */

static void group_stop(struct group_rt *g)
{
	hsock_put(g->sock);
	liveness_close(&g->live);
	memset(g, 0, sizeof(*g));
}

/* What, if changed, starts the peer over: its address, key, port, ... */
static bool same_peer_config(const struct kgroup *a, const struct kgroup *b)
{
	return a->addr_len == b->addr_len && a->port == b->port &&
	       !memcmp(a->peer, b->peer, sizeof(a->peer)) &&
	       !memcmp(a->source, b->source, sizeof(a->source)) &&
	       a->key_len == b->key_len &&
	       !memcmp(a->key, b->key, a->key_len) &&
	       !memcmp(a->system, b->system, sizeof(a->system)) &&
	       a->has_liveness == b->has_liveness &&
	       !memcmp(a->liveness, b->liveness, sizeof(a->liveness));
}

static int group_start(struct daemon *d, struct group_rt *g,
		       const struct kgroup *c, uint64_t now)
{
	struct sockaddr_storage src;
	socklen_t sl;
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

	memset(g, 0, sizeof(*g));
	g->live.fd = -1;
	g->used = true;
	g->cfg = *c;
	g->start_ms = now;
	g->peer_state_written = 0xff;
	make_sa(c->peer, c->addr_len, c->port, &g->peer_sa, &g->peer_sa_len);
	make_sa(c->source, c->addr_len, c->port, &src, &sl);
	etkd_addr_norm((struct sockaddr *)&src, sl, g->src_norm);
	if (etkd_rx_init(&g->rx, c->id, (struct sockaddr *)&g->peer_sa,
			 g->peer_sa_len, c->system, c->key_len ? c->key : NULL,
			 c->key_len, c->hello_interval, now * 1000000)) {
		log_err("e-trunk %u: bad configuration", c->id);
		return -EINVAL;
	}
	/* With a key, hellos accepted before a restart stay replays. */
	if (c->key_len && d->state &&
	    snprintf(g->win_path, sizeof(g->win_path), "%s.peer%u", d->state,
		     c->id) >= (int)sizeof(g->win_path))
		g->win_path[0] = '\0';
	if (g->win_path[0] && !etkd_replay_load(&g->rx.replay, g->win_path)) {
		g->win_epoch = g->rx.replay.epoch;
		g->win_saved_ms = now;
	}
	g->sock = hsock_get(d, c);
	if (c->has_liveness) {
		int err = liveness_open(&g->live, c->liveness, c->addr_len);
		if (err) {
			log_err("e-trunk %u: liveness socket: %s", c->id,
				strerror(-err));
		} else {
			struct epoll_event ev = { .events = EPOLLIN };

			ev.data.u64 = EP_LIVE | (uint64_t)(c->id - 1);
			epoll_ctl(d->epfd, EPOLL_CTL_ADD, g->live.fd, &ev);
		}
	}
	addr_str(c->source, c->addr_len, a, sizeof(a));
	addr_str(c->peer, c->addr_len, b, sizeof(b));
	log_info("e-trunk %u: started, %s -> %s port %u, priority %u, hello %u ms x %u%s",
		 c->id, a, b, c->port, c->priority, c->hello_interval,
		 c->hold_mult, c->key_len ? ", authenticated" : "");
	g->next_hello_ms = now;
	g->next_state_ms = now;
	return 0;
}

/* Carry the trunks' runtime over to the new kernel view. */
static void sync_trunks(struct group_rt *g, const struct kgroup *c)
{
	static struct trunk_rt old[ETRUNK_GROUP_MAX_TRUNKS];
	unsigned int n_old = g->n_trunks, i, j;

	memcpy(old, g->trunks, sizeof(old[0]) * n_old);
	g->n_trunks = 0;
	for (i = 0; i < c->n_trunks; i++) {
		struct trunk_rt *t = &g->trunks[g->n_trunks++];

		memset(t, 0, sizeof(*t));
		t->k = c->trunks[i];
		for (j = 0; j < n_old; j++)
			if (old[j].k.ifindex == t->k.ifindex)
				break;
		if (j < n_old) {
			t->role = old[j].role;
			t->reason = old[j].reason;
			t->written = old[j].written && t->k.role == t->role;
			t->rv = old[j].rv;
		} else {
			/* Adopt the kernel's role: a restart changes nothing. */
			t->role = t->k.role;
			t->reason = t->k.reason;
			log_info("e-trunk %u: member trunk %s, id %u (peer's %u), role %s",
				 c->id, t->k.ifname, t->k.id, t->k.peer_id,
				 role_name(t->role));
		}
	}
}

void daemon_sync(struct daemon *d, uint64_t now)
{
	bool seen[ETRUNK_GROUP_MAX] = {};
	unsigned int i;

	for (i = 0; i < d->ks.n_groups; i++) {
		const struct kgroup *c = &d->ks.groups[i];
		struct group_rt *g;

		if (c->id < 1 || c->id > ETRUNK_GROUP_MAX)
			continue;
		g = &d->groups[c->id - 1];
		seen[c->id - 1] = true;
		if (g->used && !same_peer_config(&g->cfg, c)) {
			log_info("e-trunk %u: configuration changed, restarting its peer session",
				 c->id);
			group_stop(g);
		}
		if (!g->used && group_start(d, g, c, now))
			continue;
		if (strcmp(g->cfg.bfd, c->bfd)) {
			if (c->bfd[0])
				log_info("e-trunk %u: bound to BFD session %s",
					 c->id, c->bfd);
			else
				log_info("e-trunk %u: unbound from BFD session %s",
					 c->id, g->cfg.bfd);
			g->bfd_down = false;
		}
		/* Timers, priority, revert delay: take them as they are. */
		if (g->cfg.hello_interval != c->hello_interval)
			g->next_hello_ms = now;
		g->cfg = *c;
		sync_trunks(g, c);
	}
	for (i = 0; i < ETRUNK_GROUP_MAX; i++) {
		if (d->groups[i].used && !seen[i]) {
			log_info("e-trunk %u: deleted", i + 1);
			group_stop(&d->groups[i]);
		}
	}
	for (i = 0; i < ETRUNK_GROUP_MAX; i++)
		if (d->groups[i].used)
			elect_group(d, &d->groups[i], now);
}

/* ---- hellos in ----------------------------------------------------------------- */

static void peer_change(struct daemon *d, struct group_rt *g, bool up,
			uint64_t now)
{
	char a[INET6_ADDRSTRLEN];

	g->peer_up = up;
	addr_str(g->cfg.peer, g->cfg.addr_len, a, sizeof(a));
	if (up)
		log_notice("e-trunk %u: peer %s up", g->cfg.id, a);
	else if (g->bfd_down)
		log_notice("e-trunk %u: peer %s down (BFD session %s left up: %s)%s",
			   g->cfg.id, a, g->cfg.bfd, etkd_bfd_diag_name(g->bfd_diag),
			   g->live_alive ?
			   "; its liveness address still answers" : "");
	else
		log_notice("e-trunk %u: peer %s down (no hello for %u ms)%s",
			   g->cfg.id, a, g->peer.interval_ms * g->peer.hold_mult,
			   g->live_alive ?
			   "; its liveness address still answers" : "");
	write_state(d, g, now);
}

static void group_hello(struct daemon *d, struct group_rt *g,
			const struct etkd_hello *h, uint64_t now)
{
	bool first = !g->peer_heard;

	g->peer = *h;
	g->peer_heard = true;
	g->peer_last_ms = now;
	if (first)
		log_info("e-trunk %u: first hello from the peer, priority %u, system %02x:%02x:%02x:%02x:%02x:%02x",
			 g->cfg.id, h->priority, h->sysid[0], h->sysid[1],
			 h->sysid[2], h->sysid[3], h->sysid[4], h->sysid[5]);
	/* Down by BFD: a hello brings the peer back once the session is Up. */
	if (g->bfd_down) {
		if (bfdd_session_state(d->bfd, g->cfg.bfd) != ETRUNK_BFD_STATE_UP) {
			elect_group(d, g, now);
			return;
		}
		g->bfd_down = false;
	}
	if (!g->peer_up)
		peer_change(d, g, true, now);
	elect_group(d, g, now);
}

/* The replay window to its file: on a new epoch at once, else at a
 * bounded rate (@force: at exit).
 */
static void win_save(struct group_rt *g, bool force, uint64_t now)
{
	const struct etkd_replay *r = &g->rx.replay;
	int err;

	if (!g->win_path[0] || !r->seen)
		return;
	if (!force && r->epoch == g->win_epoch &&
	    now - g->win_saved_ms < ETKD_REPLAY_SAVE_MS)
		return;
	err = etkd_replay_save(r, g->win_path);
	if (err)
		log_warn("e-trunk %u: cannot store the replay window in %s: %s",
			 g->cfg.id, g->win_path, strerror(-err));
	g->win_epoch = r->epoch;
	g->win_saved_ms = now;
}

void daemon_rx(struct daemon *d, struct hsock *s, uint64_t now)
{
	static struct etkd_hello h;
	uint8_t buf[2048];
	unsigned int i;

	/* A bounded batch: level-triggered epoll brings us back for more. */
	for (i = 0; i < ETKD_RX_BATCH; i++) {
		struct sockaddr_storage from;
		socklen_t fl = sizeof(from);
		enum etkd_rx_verdict v;
		struct group_rt *g;
		uint8_t id;
		ssize_t n;

		n = recvfrom(s->fd, buf, sizeof(buf), 0,
			     (struct sockaddr *)&from, &fl);
		if (n < 0)
			return;
		id = etkd_hello_peek_group(buf, n);
		if (id < 1 || id > ETRUNK_GROUP_MAX)
			continue;
		g = &d->groups[id - 1];
		if (!g->used || g->sock != s)
			continue;
		v = etkd_rx_receive(&g->rx, (struct sockaddr *)&from, fl, buf,
				    n, now * 1000000, &h);
		if (v != ETKD_RX_ACCEPT) {
			log_debug("e-trunk %u: hello dropped: %s", id,
				  etkd_rx_verdict_name(v));
			continue;
		}
		win_save(g, false, now);
		group_hello(d, g, &h, now);
	}
}

/* ---- BFD ------------------------------------------------------------------- */

/*
 * A session left Up: every group bound to it has its peer down at once
 * (the election runs as after a hold-time expiry); only a hello after the
 * session is Up again brings the peer back (group_hello()).
 */
void daemon_bfd_change(struct daemon *d, const char *name, uint8_t old,
		       uint8_t state, uint8_t diag, uint8_t remote_state)
{
	uint64_t now = now_ms();
	unsigned int i;

	if (old != ETRUNK_BFD_STATE_UP || state == ETRUNK_BFD_STATE_UP)
		return;
	for (i = 0; i < ETRUNK_GROUP_MAX; i++) {
		struct group_rt *g = &d->groups[i];

		if (!g->used || strcmp(g->cfg.bfd, name))
			continue;
		/*
		 * Not a failure of the path (RFC 5880 section 6.8.16): our
		 * session administratively down, or the peer's (its daemon
		 * stopping; its last hello asks to wait). The hellos decide.
		 */
		if (state == ETRUNK_BFD_STATE_ADMIN_DOWN ||
		    remote_state == ETRUNK_BFD_STATE_ADMIN_DOWN) {
			log_info("e-trunk %u: BFD session %s administratively down: the hellos decide",
				 g->cfg.id, name);
			continue;
		}
		g->bfd_down = true;
		g->bfd_diag = diag;
		if (g->peer_up)
			peer_change(d, g, false, now);
		else
			write_state(d, g, now);
		elect_group(d, g, now);
	}
}

/* ---- timers ----------------------------------------------------------------- */

static uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

static uint64_t group_tick(struct daemon *d, struct group_rt *g, uint64_t now)
{
	bool starting = group_starting(g, now);
	bool up = g->peer_heard && !g->bfd_down &&
		  etkd_rx_peer_up(&g->rx, now * 1000000);
	bool alive = liveness_alive(&g->live, g->peer_up, g->peer_last_ms,
				    hold_ms(g), now);
	uint64_t next;
	unsigned int i;

	if (up != g->peer_up)
		peer_change(d, g, up, now);
	if (alive != g->live_alive) {
		g->live_alive = alive;
		log_info("e-trunk %u: liveness address %s", g->cfg.id,
			 alive ? "answers" : "does not answer");
		/* Show says at once whether a lost peer is alive. */
		if (!g->peer_up)
			write_state(d, g, now);
	}
	if (now >= g->next_hello_ms) {
		send_hello(d, g, g->cfg.hold_mult, now);
		/* The liveness probe goes with the hello, as often. */
		liveness_probe(&g->live, now);
	}
	/* Elect on every tick: the revert delay, the end of starting. */
	elect_group(d, g, now);
	if (now >= g->next_state_ms)
		write_state(d, g, now);

	next = min_u64(g->next_hello_ms, g->next_state_ms);
	if (starting)
		next = min_u64(next, g->start_ms + start_wait_ms(g));
	if (g->peer_up)
		next = min_u64(next, g->rx.last_ns / 1000000 +
				     g->rx.hold_ns / 1000000 + 1);
	for (i = 0; i < g->n_trunks; i++) {
		uint64_t dl = etkd_revert_deadline(&g->trunks[i].rv,
					  (uint64_t)g->cfg.revert_delay * 1000);
		if (dl)
			next = min_u64(next, dl);
	}
	return next;
}

uint64_t daemon_tick(struct daemon *d, uint64_t now)
{
	uint64_t next = now + 60000;
	unsigned int i;

	for (i = 0; i < ETRUNK_GROUP_MAX; i++)
		if (d->groups[i].used)
			next = min_u64(next, group_tick(d, &d->groups[i], now));
	return next;
}

void daemon_flush_state(struct daemon *d)
{
	uint64_t now = now_ms();
	unsigned int i;

	for (i = 0; i < ETRUNK_GROUP_MAX; i++)
		if (d->groups[i].used) {
			write_state(d, &d->groups[i], now);
			win_save(&d->groups[i], true, now);
		}
}

/*
 * A daemon that stops (SIGTERM: systemctl stop or restart, an upgrade)
 * sends a last hello asking the peer to wait STOP_GRACE_MS for the next
 * (a hello carries its sender's timers): a restart takes longer than a
 * short hold time, and the peer taking master meanwhile would swap the
 * roles twice for nothing while the kernel keeps forwarding. A daemon that
 * is killed sends nothing, and the peer's hold time applies.
 */
#define STOP_GRACE_MS	3000

void daemon_stop(struct daemon *d)
{
	uint64_t now = now_ms();
	unsigned int i;

	for (i = 0; i < ETRUNK_GROUP_MAX; i++) {
		struct group_rt *g = &d->groups[i];
		uint32_t mult;

		if (!g->used)
			continue;
		mult = (STOP_GRACE_MS + g->cfg.hello_interval - 1) /
		       g->cfg.hello_interval;
		if (mult < g->cfg.hold_mult)
			mult = g->cfg.hold_mult;
		send_hello(d, g, mult > ETKD_HOLD_MULT_MAX ? ETKD_HOLD_MULT_MAX :
				 mult, now);
		group_stop(g);
	}
}
