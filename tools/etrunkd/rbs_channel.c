// SPDX-License-Identifier: GPL-2.0
/*
 * rbs_channel.c - the remote backup service's TCP channel to the peer
 * (rbs_int.h): connect and accept, hello, framing, the bulk sync, input.
 *
 * The channel: the side with the lower source address (bytes compared,
 * IPv4 or IPv6) connects, the other listens on its source address and the
 * service's port and accepts only the peer's address; a new connection
 * from the peer replaces the current one (the peer restarted), with a key
 * once it has shown the key (see cand_open()). Both send a hello (signed
 * when a key is set: the HMAC covers the sender's role, so our own
 * messages reflected back do not verify), then on the peer's valid hello a
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
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/etrunk.h>

#include "log.h"
#include "rbs_int.h"

/* ---- helpers --------------------------------------------------------- */

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

/* ---- the channel: output --------------------------------------------------- */

void rbs_ch_epoll(struct svc *s, int fd, bool out, int op)
{
	struct epoll_event ev = { .events = EPOLLIN | (out ? EPOLLOUT : 0) };

	enum rbs_ep_role role = fd == s->lfd ? RBS_EP_LISTENER :
				fd == s->cfd ? RBS_EP_CANDIDATE : RBS_EP_CHANNEL;

	ev.data.u64 = EP_RBS | (uint64_t)((s - rbs.svc) * RBS_EP_N + role);
	epoll_ctl(rbs.epfd, op, fd, &ev);
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
void rbs_ch_put(struct svc *s, uint8_t type, const void *body,
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
	rbs.prof[e->k.prof].st[e->k.kind].sent++;
}

static void bulk_fill(struct svc *s);
static void ch_up_check(struct svc *s, uint64_t now);

/* Send what waits; false if the connection closed. */
bool rbs_ch_flush(struct svc *s, uint64_t now)
{
	rbs.now = now;
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
			rbs_ch_close(s, now, true);
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
		rbs_ch_epoll(s, s->fd, s->want_out, EPOLL_CTL_MOD);
	}
	return true;
}

/* ---- bulk sync ---------------------------------------------------------------- */

static void bulk_fill(struct svc *s)
{
	int si = (int)(s - rbs.svc);

	while (s->cursor && buf_pending(&s->out) < BULK_LOW) {
		struct rbs_ent *e = s->cursor;
		const struct prof *p = &rbs.prof[e->k.prof];

		s->cursor = rbs_table_next(&rbs.local, e);
		if (p->svc != si)
			continue;
		ch_entry(s, ETKD_RBS_ENTRIES, p->backup_id, e);
		s->bulk_count++;
	}
	if (!s->cursor) {
		uint8_t b[4];

		rbs_table_uncursor(&rbs.local, &s->cursor);
		etkd_rbs_put_count(b, s->bulk_count);
		rbs_ch_put(s, ETKD_RBS_BULK_END, b, 4);
		s->bulk_tx_done = true;
		log_info("rbs %s: bulk sent, %u entries", s->name,
			 s->bulk_count);
		ch_up_check(s, rbs.now);
	}
}

static void bulk_start(struct svc *s)
{
	rbs_ch_put(s, ETKD_RBS_BULK_START, NULL, 0);
	s->bulk_tx = true;
	s->bulk_tx_done = false;
	s->bulk_count = 0;
	s->cursor = rbs_table_first(&rbs.local);
	rbs_table_cursor(&rbs.local, &s->cursor);
}

/* A local change to the services that are past the hello. */
void rbs_send_change(const struct rbs_ent *e, bool del)
{
	const struct prof *p = &rbs.prof[e->k.prof];
	struct svc *s;

	if (p->svc < 0)
		return;
	s = &rbs.svc[p->svc];
	if (s->st != CH_SYNC && s->st != CH_UP)
		return;
	ch_entry(s, del ? ETKD_RBS_DELETE : ETKD_RBS_ENTRIES, p->backup_id, e);
}

void rbs_flush_all(uint64_t now)
{
	unsigned int i;

	for (i = 0; i < NSVC; i++) {
		struct svc *s = &rbs.svc[i];

		if (s->used && s->fd >= 0 && (s->st == CH_SYNC || s->st == CH_UP))
			rbs_ch_flush(s, now);
	}
	rbs_rq_flush();
}

/* ---- the channel: connections ----------------------------------------------- */

void rbs_set_state(struct svc *s, enum ch_state st, uint64_t now)
{
	if (s->st == st)
		return;
	s->st = st;
	rbs_write_svc(s, now, false);
}

static void cand_drop(struct svc *s, const char *why);

void rbs_ch_reset(struct svc *s)
{
	cand_drop(s, NULL);
	if (s->fd >= 0)
		close(s->fd);	/* leaves the epoll set */
	s->fd = -1;
	s->want_out = false;
	s->rx_more = false;
	buf_free(&s->in);
	buf_free(&s->out);
	s->open_type = 0;
	if (s->bulk_tx && !s->bulk_tx_done)
		rbs_table_uncursor(&rbs.local, &s->cursor);
	s->bulk_tx = s->bulk_tx_done = s->bulk_rx_done = false;
	s->cursor = NULL;
}

void rbs_ch_close(struct svc *s, uint64_t now, bool error)
{
	bool was_up = s->st == CH_SYNC || s->st == CH_UP;

	if (error)
		s->errors++;
	rbs_ch_reset(s);
	if (was_up) {
		log_notice("rbs %s: channel down; the peer's entries stay %u s",
			   s->name, s->hold_s);
		s->down_ms = now;
		s->hold_deadline = now + (uint64_t)s->hold_s * 1000;
	}
	s->next_try_ms = now + s->backoff_ms;
	s->backoff_ms = s->backoff_ms * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS :
			s->backoff_ms * 2;
	rbs_set_state(s, CH_CONNECTING, now);
	rbs_write_svc_profs((int)(s - rbs.svc));
}

int rbs_sock_new(struct svc *s, bool bind_port)
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

/* Our hello's body, with a fresh nonce. */
static void hello_new(const struct svc *s, struct etkd_rbs_hello *h,
		      uint8_t body[ETKD_RBS_HELLO_LEN], uint64_t now)
{
	memset(h, 0, sizeof(*h));
	h->min_version = ETKD_RBS_VERSION;
	h->keepalive_ms = s->keepalive_ms > 0xffff ? 0xffff :
			  (uint16_t)s->keepalive_ms;
	if (getrandom(h->nonce, sizeof(h->nonce), 0) != sizeof(h->nonce))
		memset(h->nonce, (int)now, sizeof(h->nonce));
	etkd_rbs_put_hello(body, h);
}

/*
 * The HMAC contexts of a connection on which our hello carried @nonce:
 * ours signs as our role, over the peer's nonce once its hello came;
 * the peer's is checked as the other role, over our nonce.
 */
static void ch_auth(struct svc *s, const uint8_t nonce[ETKD_RBS_NONCE_LEN])
{
	s->tx_auth.key = s->key_len ? s->key : NULL;
	s->tx_auth.key_len = s->key_len;
	s->tx_auth.dir = s->connector ? ETKD_RBS_DIR_CONNECTOR :
					ETKD_RBS_DIR_LISTENER;
	s->tx_auth.has_nonce = false;
	s->rx_auth = s->tx_auth;
	s->rx_auth.dir = s->connector ? ETKD_RBS_DIR_LISTENER :
					ETKD_RBS_DIR_CONNECTOR;
	memcpy(s->rx_auth.nonce, nonce, ETKD_RBS_NONCE_LEN);
	s->rx_auth.has_nonce = true;
}

static void ch_hello(struct svc *s, uint64_t now)
{
	struct etkd_rbs_hello h;
	uint8_t body[ETKD_RBS_HELLO_LEN];

	hello_new(s, &h, body, now);
	s->tx_seq = 0;
	s->rx_seq = 1;
	ch_auth(s, h.nonce);
	rbs_ch_put(s, ETKD_RBS_HELLO, body, sizeof(body));
	s->hello_ms = now;
	s->last_rx_ms = now;
	rbs_set_state(s, CH_HELLO, now);
	rbs_ch_flush(s, now);
}

static void ch_connected(struct svc *s, int fd, uint64_t now)
{
	s->fd = fd;
	s->want_out = false;
	rbs_ch_epoll(s, fd, false, EPOLL_CTL_ADD);
	ch_hello(s, now);
}

void rbs_ch_connect(struct svc *s, uint64_t now)
{
	struct sockaddr_storage ss;
	socklen_t sl;
	int fd = rbs_sock_new(s, false);

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
	rbs_ch_epoll(s, fd, true, EPOLL_CTL_ADD);
	s->last_rx_ms = now;
	s->hello_ms = 0;	/* connecting */
	rbs_set_state(s, CH_CONNECTING, now);
}

/* ---- a new connection while an authenticated channel is up ------------- */

/*
 * A new connection from the peer's address replaces a working,
 * authenticated channel only once it has shown the key. Our hello with a
 * fresh nonce goes out on it at once; the peer's hello (a recording can
 * replay it: it is signed before any nonce is known) and the message
 * after it (its bulk-start), signed over that nonce, must verify. Until
 * then the channel goes on; a newer connection replaces the candidate,
 * and one that has not shown the key within the channel's dead time is
 * closed. Without a key nothing can be shown: a new connection replaces
 * the channel at once (the peer restarted), as it does when the channel
 * is not up.
 */
static void cand_drop(struct svc *s, const char *why)
{
	if (s->cfd < 0)
		return;
	if (why)
		log_warn("rbs %s: the new connection from the peer is closed: %s; the channel stays",
			 s->name, why);
	close(s->cfd);	/* leaves the epoll set */
	s->cfd = -1;
	buf_free(&s->cin);
}

static void cand_open(struct svc *s, int fd, uint64_t now)
{
	uint8_t msg[ETKD_RBS_HDR_LEN + ETKD_RBS_HELLO_LEN + ETKD_RBS_MAC_LEN];
	struct etkd_rbs_auth a = {
		.key = s->key, .key_len = s->key_len,
		.dir = ETKD_RBS_DIR_LISTENER,
	};
	struct etkd_rbs_hello h;
	int len;

	cand_drop(s, s->cfd >= 0 ? "a newer one came" : NULL);
	hello_new(s, &h, msg + ETKD_RBS_HDR_LEN, now);
	len = etkd_rbs_seal(msg, sizeof(msg), ETKD_RBS_HELLO, 1, 0,
			    ETKD_RBS_HELLO_LEN, &a);
	/* A new socket's buffer takes 88 bytes. */
	if (len < 0 || send(fd, msg, (size_t)len, MSG_DONTWAIT | MSG_NOSIGNAL) !=
		       len) {
		close(fd);
		return;
	}
	log_info("rbs %s: a new connection from the peer; it replaces the channel once it shows the key",
		 s->name);
	s->cfd = fd;
	memcpy(s->cnonce, h.nonce, sizeof(h.nonce));
	s->cand_ms = now;
	rbs_ch_epoll(s, fd, false, EPOLL_CTL_ADD);
}

/* The candidate showed the key: it becomes the channel. */
static void cand_adopt(struct svc *s, uint64_t now)
{
	uint8_t nonce[ETKD_RBS_NONCE_LEN];
	struct buf in = s->cin;
	int fd = s->cfd;

	memcpy(nonce, s->cnonce, sizeof(nonce));
	s->cfd = -1;
	memset(&s->cin, 0, sizeof(s->cin));
	log_notice("rbs %s: the new connection from the peer showed the key; it replaces the channel",
		   s->name);
	rbs_ch_close(s, now, false);
	s->fd = fd;
	s->want_out = false;
	rbs_ch_epoll(s, fd, false, EPOLL_CTL_MOD);
	buf_free(&s->in);
	s->in = in;
	s->tx_seq = 1;		/* our hello went out */
	s->rx_seq = 1;
	ch_auth(s, nonce);
	s->hello_ms = now;
	s->last_rx_ms = now;
	s->last_tx_ms = now;
	rbs_set_state(s, CH_HELLO, now);
	rbs_ch_read(s, now);	/* the peer's hello and bulk-start, again */
}

/*
 * Verify the candidate's first two messages: 1 the key is shown, 0 wait
 * for more, else a negative enum etkd_rbs_err.
 */
static int cand_check(struct svc *s)
{
	struct etkd_rbs_auth a = {
		.key = s->key, .key_len = s->key_len,
		.dir = ETKD_RBS_DIR_CONNECTOR,
	};
	struct etkd_rbs_hello hello;
	struct etkd_rbs_hdr h;
	const uint8_t *body;
	size_t blen;
	int len, len2;

	if (!s->cin.len)
		return 0;
	len = etkd_rbs_parse(s->cin.p, s->cin.len, &a, 1, &h, &body, &blen);
	if (len < 0)
		return len == ETKD_RBS_E_SHORT ? 0 : len;
	if (h.type != ETKD_RBS_HELLO)
		return ETKD_RBS_E_TYPE;
	if (etkd_rbs_get_hello(body, blen, &hello))
		return ETKD_RBS_E_VERSION;
	if (!memcmp(hello.nonce, s->cnonce, sizeof(hello.nonce)))
		return ETKD_RBS_E_AUTH;	/* our own hello, reflected */
	memcpy(a.nonce, s->cnonce, sizeof(a.nonce));
	a.has_nonce = true;
	len2 = etkd_rbs_parse(s->cin.p + len, s->cin.len - (size_t)len, &a, 2,
			      &h, &body, &blen);
	if (len2 < 0)
		return len2 == ETKD_RBS_E_SHORT ? 0 : len2;
	return 1;
}

static void cand_read(struct svc *s, uint64_t now)
{
	ssize_t n;
	int ret;

	/* Two messages at most are looked at: the largest is the limit. */
	if (buf_reserve(&s->cin, 2 * ETKD_RBS_MAX_LEN - s->cin.len)) {
		cand_drop(s, "out of memory");
		return;
	}
	n = recv(s->cfd, s->cin.p + s->cin.len,
		 2 * ETKD_RBS_MAX_LEN - s->cin.len, MSG_DONTWAIT);
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR &&
		       errno != EWOULDBLOCK)) {
		cand_drop(s, n ? strerror(errno) : "closed by the peer");
		return;
	}
	if (n < 0)
		return;
	s->cin.len += (size_t)n;
	ret = cand_check(s);
	if (ret == 1) {
		cand_adopt(s, now);
		return;
	}
	if (ret < 0) {
		if (ret == ETKD_RBS_E_AUTH)
			s->auth_failures++;
		cand_drop(s, etkd_rbs_strerror(ret));
		return;
	}
	if (s->cin.len >= 2 * ETKD_RBS_MAX_LEN)
		cand_drop(s, "no key shown in two messages");
}

uint64_t rbs_cand_tick(struct svc *s, uint64_t now, uint64_t next)
{
	uint64_t dead = (uint64_t)s->keepalive_ms * ETRUNK_RBS_KEEPALIVE_MULT;

	if (s->cfd < 0)
		return next;
	if (now >= s->cand_ms + dead) {
		cand_drop(s, "it did not show the key in time");
		return next;
	}
	return s->cand_ms + dead < next ? s->cand_ms + dead : next;
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
		if (s->fd >= 0 && s->key_len &&
		    (s->st == CH_SYNC || s->st == CH_UP)) {
			cand_open(s, fd, now);
			continue;
		}
		if (s->fd >= 0) {
			log_info("rbs %s: a new connection from the peer replaces the current one",
				 s->name);
			rbs_ch_close(s, now, false);
		}
		ch_connected(s, fd, now);
	}
}

/* ---- the channel: input -------------------------------------------------------- */

static int prof_by_id(int si, uint32_t id)
{
	unsigned int i;

	for (i = 0; i < NPROF; i++)
		if (rbs.prof[i].used && rbs.prof[i].svc == si &&
		    rbs.prof[i].backup_id == id)
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
	rbs_set_state(s, CH_UP, now);
	rbs_write_svc_profs((int)(s - rbs.svc));
}

/*
 * The peer's entries or deletions. A new entry past the service's
 * max_entries is refused: not held, counted failed, logged once per
 * session (s->connects counts the sessions); updates and deletions of
 * the entries held still apply.
 */
static void rx_entries(struct svc *s, const struct etkd_rbs_hdr *h,
		       const uint8_t *body, size_t blen)
{
	int si = (int)(s - rbs.svc), pi = prof_by_id(si, h->backup_id);
	uint32_t n, i;
	struct prof *p;

	if (pi < 0 || etkd_rbs_get_count(body, blen, &n))
		return;	/* no such profile here: nothing to install */
	p = &rbs.prof[pi];
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
		e = rbs_table_find(&rbs.peer, &k);
		if (h->type == ETKD_RBS_DELETE) {
			if (e)
				rbs_peer_remove(e);
			continue;
		}
		if (!e && s->peer_n >= s->max_entries) {
			p->st[w.kind].failed++;
			if (s->refused_session != s->connects) {
				s->refused_session = s->connects;
				log_warn("rbs %s: the peer's entries reached the limit of %u; more are refused",
					 s->name, s->max_entries);
			}
			continue;
		}
		if (!e) {
			e = rbs_peer_add(&k);
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
		rbs_peer_install(e);
	}
}

static void rx_bulk(struct svc *s, bool start, uint64_t now)
{
	int si = (int)(s - rbs.svc);
	struct rbs_ent *e, *n;
	unsigned int removed = 0;

	for (e = rbs_table_first(&rbs.peer); e; e = n) {
		n = rbs_table_next(&rbs.peer, e);
		if (rbs.prof[e->k.prof].svc != si)
			continue;
		if (start) {
			e->stale = true;
		} else if (e->stale) {
			rbs_peer_remove(e);
			removed++;
		}
	}
	if (start)
		return;
	rbs_rq_flush();
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
		if (!memcmp(hello.nonce, s->rx_auth.nonce, sizeof(hello.nonce))) {
			/* Our own hello: only a reflection carries our nonce. */
			s->auth_failures++;
			log_warn("rbs %s: hello refused: it carries our own nonce (our messages reflected back)",
				 s->name);
			return false;
		}
		s->peer_keepalive = hello.keepalive_ms;
		memcpy(s->tx_auth.nonce, hello.nonce, sizeof(hello.nonce));
		s->tx_auth.has_nonce = true;
		s->connects++;
		s->backoff_ms = BACKOFF_MIN_MS;
		s->hold_deadline = 0;
		log_notice("rbs %s: channel up%s, synchronising", s->name,
			   s->key_len ? " (authenticated)" : "");
		rbs_set_state(s, CH_SYNC, now);
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

void rbs_ch_read(struct svc *s, uint64_t now)
{
	unsigned int budget = RX_BUDGET;

	for (;;) {
		ssize_t n;

		while (budget && buf_pending(&s->in)) {
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
				rbs_ch_close(s, now, len != ETKD_RBS_E_AUTH);
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
			rbs_ch_close(s, now, true);
			return;
		}
		n = recv(s->fd, s->in.p + s->in.len, s->in.cap - s->in.len,
			 MSG_DONTWAIT);
		if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR &&
			       errno != EWOULDBLOCK)) {
			log_info("rbs %s: connection %s", s->name,
				 n ? strerror(errno) : "closed by the peer");
			rbs_ch_close(s, now, s->st != CH_HELLO || n);
			return;
		}
		if (n < 0) {
			s->rx_more = false;
			break;
		}
		s->in.len += n;
		s->last_rx_ms = now;
	}
	rbs_flush_all(now);
}

void rbs_ch_event(struct svc *s, enum rbs_ep_role role, uint32_t events,
		  uint64_t now)
{
	if (role == RBS_EP_LISTENER) {
		ch_accept(s, now);
		return;
	}
	if (role == RBS_EP_CANDIDATE) {
		if (s->cfd >= 0)
			cand_read(s, now);
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
		rbs_ch_epoll(s, s->fd, false, EPOLL_CTL_MOD);
		s->want_out = false;
		ch_hello(s, now);
		return;
	}
	if (events & (EPOLLIN | EPOLLERR | EPOLLHUP))
		rbs_ch_read(s, now);
	if (s->fd >= 0 && (events & EPOLLOUT))
		rbs_ch_flush(s, now);
}
