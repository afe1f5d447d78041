// SPDX-License-Identifier: GPL-2.0
/*
 * bfd_session.c - one RFC 5880 asynchronous-mode session, driven by the
 * caller's clock (see bfd_session.h).
 */
#include <string.h>
#include <time.h>

#include "bfd.h"

uint64_t etkd_bfd_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * ETKD_NSEC_PER_SEC + ts.tv_nsec;
}

static uint32_t max32(uint32_t a, uint32_t b)
{
	return a > b ? a : b;
}

static uint64_t min64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/* xorshift64*: jitter only needs to decorrelate sessions, not secrecy. */
static uint32_t rnd(struct etkd_bfd_session *s)
{
	s->rnd ^= s->rnd >> 12;
	s->rnd ^= s->rnd << 25;
	s->rnd ^= s->rnd >> 27;
	return (uint32_t)((s->rnd * 0x2545f4914f6cdd1dULL) >> 32);
}

int etkd_bfd_cfg_valid(const struct etkd_bfd_cfg *c)
{
	if (c->type > ETRUNK_BFD_TYPE_MAX || !c->local_discr || !c->mult)
		return -1;
	if (c->min_tx < ETRUNK_BFD_MIN_INTERVAL ||
	    c->min_tx > ETRUNK_BFD_MAX_INTERVAL ||
	    c->min_rx < ETRUNK_BFD_MIN_INTERVAL ||
	    c->min_rx > ETRUNK_BFD_MAX_INTERVAL)
		return -1;
	return etkd_bfd_auth_valid(&c->auth);
}

/* What we advertise as Desired Min TX: 6.8.3, at least 1 s unless Up. */
static uint32_t want_tx(const struct etkd_bfd_session *s)
{
	if (s->state == ETRUNK_BFD_STATE_UP)
		return s->cfg.min_tx;
	return max32(s->cfg.min_tx, ETKD_BFD_SLOW_TX_US);
}

/* Recompute the negotiated interval and detection time (6.8.2, 6.8.4). */
static unsigned int negotiate(struct etkd_bfd_session *s)
{
	uint32_t tx, det = 0;

	tx = max32(s->use_tx, s->remote_min_rx);
	if (s->remote_heard) {
		uint64_t d = (uint64_t)s->remote_mult * max32(s->use_rx,
						     s->remote_min_tx);
		det = d > UINT32_MAX ? UINT32_MAX : (uint32_t)d;
	}
	if (tx == s->tx_interval && det == s->detect_time)
		return 0;
	s->tx_interval = tx;
	s->detect_time = det;
	return ETKD_BFD_EV_TIMERS;
}

/*
 * The interval to the next periodic packet: 75-100% of the negotiated
 * one, 75-90% with Detect Mult 1 (6.8.7). A peer asking for no packets
 * (Required Min RX 0) gets none.
 */
static void schedule_tx(struct etkd_bfd_session *s, uint64_t now)
{
	uint32_t pct;

	if (!s->remote_min_rx && s->remote_heard) {
		s->tx_at = ETKD_BFD_NEVER;
		return;
	}
	pct = s->cfg.mult == 1 ? 75 + rnd(s) % 16 : 75 + rnd(s) % 26;
	s->tx_at = now + (uint64_t)s->tx_interval * ETKD_NSEC_PER_USEC *
			 pct / 100;
}

/*
 * New advertised intervals (state change, reconfiguration). Up: a Poll
 * sequence, and a larger tx / smaller rx wait for its Final (6.8.3);
 * otherwise they apply at once.
 */
static unsigned int set_intervals(struct etkd_bfd_session *s, uint64_t now)
{
	uint32_t tx = want_tx(s), rx = s->cfg.min_rx;
	bool up = s->state == ETRUNK_BFD_STATE_UP;
	unsigned int ev;

	if (tx == s->adv_tx && rx == s->adv_rx)
		return 0;
	s->adv_tx = tx;
	s->adv_rx = rx;
	if (up && s->remote_heard) {
		if (tx < s->use_tx)
			s->use_tx = tx;
		if (rx > s->use_rx)
			s->use_rx = rx;
		s->poll = true;
	} else {
		s->use_tx = tx;
		s->use_rx = rx;
		s->poll = false;
	}
	ev = negotiate(s);
	/* A faster rate starts now rather than after the old interval. */
	if (s->tx_at != ETKD_BFD_NEVER &&
	    s->tx_at > now + (uint64_t)s->tx_interval * ETKD_NSEC_PER_USEC)
		schedule_tx(s, now);
	if (s->poll)
		ev |= ETKD_BFD_EV_TX;	/* start the Poll at once */
	return ev;
}

static unsigned int set_state(struct etkd_bfd_session *s, uint8_t state,
			      uint8_t diag, uint64_t now)
{
	if (s->state == state)
		return 0;
	if (state == ETRUNK_BFD_STATE_UP)
		s->cnt.ups++;
	else if (s->state == ETRUNK_BFD_STATE_UP)
		s->cnt.downs++;
	if (state != ETRUNK_BFD_STATE_UP)
		s->diag = diag;
	s->state = state;
	s->changed_at = now;
	/* A Poll of the old state means nothing to the new one. */
	if (state != ETRUNK_BFD_STATE_UP)
		s->poll = false;
	/* Tell the peer at once rather than at the next (slow) packet. */
	return ETKD_BFD_EV_STATE | ETKD_BFD_EV_TX | set_intervals(s, now);
}

/* The peer is gone: 6.8.1 resets what was learned from it. */
static void forget_peer(struct etkd_bfd_session *s)
{
	s->remote_heard = false;
	s->remote_state = ETRUNK_BFD_STATE_DOWN;
	s->remote_discr = s->cfg.remote_discr;
	s->remote_min_rx = 1;	/* 6.8.1: initial bfd.RemoteMinRxInterval */
	s->remote_min_tx = 0;
	s->remote_mult = 0;
	s->detect_at = ETKD_BFD_NEVER;
}

int etkd_bfd_session_init(struct etkd_bfd_session *s,
			  const struct etkd_bfd_cfg *cfg, uint64_t now)
{
	if (etkd_bfd_cfg_valid(cfg))
		return -1;
	memset(s, 0, sizeof(*s));
	s->cfg = *cfg;
	s->state = cfg->admin_down ? ETRUNK_BFD_STATE_ADMIN_DOWN :
				     ETRUNK_BFD_STATE_DOWN;
	s->diag = cfg->admin_down ? ETRUNK_BFD_DIAG_ADMIN_DOWN :
				    ETRUNK_BFD_DIAG_NONE;
	s->rnd = (now ^ ((uint64_t)cfg->local_discr << 32 | cfg->local_discr))
		 | 1;
	/* 6.8.1: XmitAuthSeq starts at a random value. */
	s->xmit_seq = rnd(s);
	forget_peer(s);
	s->auth_reset_at = ETKD_BFD_NEVER;
	s->changed_at = now;
	s->adv_tx = s->use_tx = want_tx(s);
	s->adv_rx = s->use_rx = cfg->min_rx;
	negotiate(s);
	/* The first packet within 100 ms: soon, but sessions created
	 * together (a daemon starting) do not all send at once.
	 */
	s->tx_at = now + rnd(s) % (100 * 1000) * ETKD_NSEC_PER_USEC;
	return 0;
}

int etkd_bfd_reconfigure(struct etkd_bfd_session *s,
			 const struct etkd_bfd_cfg *cfg, uint64_t now)
{
	struct etkd_bfd_cfg c = *cfg;
	unsigned int ev = 0;

	c.type = s->cfg.type;
	c.local_discr = s->cfg.local_discr;
	c.peer = s->cfg.peer;
	c.local = s->cfg.local;
	c.ifindex = s->cfg.ifindex;
	if (etkd_bfd_cfg_valid(&c))
		return -1;
	if (c.auth.type != s->cfg.auth.type ||
	    c.auth.key_id != s->cfg.auth.key_id)
		s->auth_rx.known = false;
	/* A new static remote discriminator: used at once, and the session
	 * starts over. Static to learned (0): the one in use stays until a
	 * packet says otherwise; sending Your Discriminator 0 from Up would
	 * make the peer discard our packets (RFC 5880 6.8.6).
	 */
	if (c.remote_discr && c.remote_discr != s->cfg.remote_discr) {
		s->remote_discr = c.remote_discr;
		if (s->state != ETRUNK_BFD_STATE_ADMIN_DOWN)
			ev |= set_state(s, ETRUNK_BFD_STATE_DOWN,
					ETRUNK_BFD_DIAG_PATH_DOWN, now);
	}
	s->cfg = c;
	if (c.admin_down && s->state != ETRUNK_BFD_STATE_ADMIN_DOWN) {
		ev |= set_state(s, ETRUNK_BFD_STATE_ADMIN_DOWN,
				ETRUNK_BFD_DIAG_ADMIN_DOWN, now);
		forget_peer(s);
		negotiate(s);
	} else if (!c.admin_down &&
		   s->state == ETRUNK_BFD_STATE_ADMIN_DOWN) {
		ev |= set_state(s, ETRUNK_BFD_STATE_DOWN,
				ETRUNK_BFD_DIAG_NONE, now);
	}
	ev |= set_intervals(s, now);
	if (negotiate(s))
		ev |= ETKD_BFD_EV_TIMERS;
	return (int)ev;
}

void etkd_bfd_count_drop(struct etkd_bfd_session *s, enum etkd_bfd_drop why)
{
	if ((unsigned int)why > ETKD_BFD_DROP_MAX || why == ETKD_BFD_ACCEPT)
		return;
	s->cnt.drop[why]++;
	if (etkd_bfd_drop_is_auth(why))
		s->cnt.auth_failures++;
	else
		s->cnt.drops++;
}

/* The checks of 6.8.6 that need the session, before any state moves. */
static enum etkd_bfd_drop check(struct etkd_bfd_session *s,
				const uint8_t *buf, size_t len, int ttl,
				struct etkd_bfd_pkt *p)
{
	enum etkd_bfd_drop why = etkd_bfd_decode(buf, len, p);

	if (why)
		return why;
	/* RFC 5881 section 5 / RFC 7130: one hop, so nothing decremented. */
	if (s->cfg.type != ETRUNK_BFD_MULTIHOP && ttl >= 0 &&
	    ttl != ETKD_BFD_TTL)
		return ETKD_BFD_DROP_TTL;
	if (p->your_discr && p->your_discr != s->cfg.local_discr)
		return ETKD_BFD_DROP_YOUR_DISCR;
	if (s->cfg.remote_discr && p->my_discr != s->cfg.remote_discr)
		return ETKD_BFD_DROP_REMOTE_DISCR;
	why = etkd_bfd_auth_check(buf, p, &s->cfg.auth, &s->auth_rx);
	if (why)
		return why;
	/* After authentication, so that a forged packet is an auth failure. */
	if (p->flags & ETKD_BFD_F_DEMAND)
		return ETKD_BFD_DROP_DEMAND;
	if (s->state == ETRUNK_BFD_STATE_ADMIN_DOWN)
		return ETKD_BFD_DROP_ADMIN_DOWN;
	return ETKD_BFD_ACCEPT;
}

unsigned int etkd_bfd_rx(struct etkd_bfd_session *s, const uint8_t *buf,
			 size_t len, int ttl, uint64_t now,
			 enum etkd_bfd_drop *why)
{
	unsigned int ev = 0;
	struct etkd_bfd_pkt p;
	uint32_t old_min_rx;

	*why = check(s, buf, len, ttl, &p);
	if (*why) {
		etkd_bfd_count_drop(s, *why);
		return ETKD_BFD_EV_DROP;
	}
	s->cnt.rx++;
	s->last_rx = now;
	old_min_rx = s->remote_min_rx;
	s->remote_discr = p.my_discr;
	s->remote_state = p.state;
	s->remote_diag = p.diag;
	s->remote_min_tx = p.min_tx;
	s->remote_min_rx = p.min_rx;
	s->remote_mult = p.mult;
	s->remote_heard = true;

	/* A Final ends our Poll: the new intervals take full effect. */
	if ((p.flags & ETKD_BFD_F_FINAL) && s->poll) {
		s->poll = false;
		s->use_tx = s->adv_tx;
		s->use_rx = s->adv_rx;
		s->cnt.polls++;
		ev |= ETKD_BFD_EV_POLL_DONE;
	}
	ev |= negotiate(s);
	/* A peer that now wants packets sooner (or none, or again) gets
	 * them so at once (6.8.7).
	 */
	if (s->remote_min_rx != old_min_rx &&
	    (s->tx_at == ETKD_BFD_NEVER || !s->remote_min_rx ||
	     s->tx_at > now + (uint64_t)s->tx_interval * ETKD_NSEC_PER_USEC))
		schedule_tx(s, now);
	if (s->detect_time)
		s->detect_at = now + (uint64_t)s->detect_time *
				     ETKD_NSEC_PER_USEC;
	s->auth_reset_at = s->cfg.auth.type && s->detect_time ?
		now + 2ULL * s->detect_time * ETKD_NSEC_PER_USEC :
		ETKD_BFD_NEVER;

	/* The state machine of 6.8.6. */
	if (p.state == ETRUNK_BFD_STATE_ADMIN_DOWN) {
		if (s->state != ETRUNK_BFD_STATE_DOWN)
			ev |= set_state(s, ETRUNK_BFD_STATE_DOWN,
					ETRUNK_BFD_DIAG_NEIGHBOR_DOWN, now);
	} else {
		switch (s->state) {
		case ETRUNK_BFD_STATE_DOWN:
			if (p.state == ETRUNK_BFD_STATE_DOWN)
				ev |= set_state(s, ETRUNK_BFD_STATE_INIT,
						s->diag, now);
			else if (p.state == ETRUNK_BFD_STATE_INIT)
				ev |= set_state(s, ETRUNK_BFD_STATE_UP,
						s->diag, now);
			break;
		case ETRUNK_BFD_STATE_INIT:
			if (p.state == ETRUNK_BFD_STATE_INIT ||
			    p.state == ETRUNK_BFD_STATE_UP)
				ev |= set_state(s, ETRUNK_BFD_STATE_UP,
						s->diag, now);
			break;
		default:	/* Up */
			if (p.state == ETRUNK_BFD_STATE_DOWN)
				ev |= set_state(s, ETRUNK_BFD_STATE_DOWN,
					ETRUNK_BFD_DIAG_NEIGHBOR_DOWN, now);
			break;
		}
	}
	/* 6.8.7: a Poll is answered with a Final at once. */
	if (p.flags & ETKD_BFD_F_POLL) {
		s->final_due = true;
		ev |= ETKD_BFD_EV_TX;
	}
	return ev;
}

unsigned int etkd_bfd_on_timer(struct etkd_bfd_session *s, uint64_t now)
{
	unsigned int ev = 0;

	if (now >= s->detect_at) {
		/* 6.8.4: only Init and Up go down; Down just forgets. */
		if (s->state == ETRUNK_BFD_STATE_INIT ||
		    s->state == ETRUNK_BFD_STATE_UP)
			ev |= set_state(s, ETRUNK_BFD_STATE_DOWN,
					ETRUNK_BFD_DIAG_DETECT_EXPIRED, now);
		forget_peer(s);
		ev |= negotiate(s);
		if (s->tx_at == ETKD_BFD_NEVER)
			s->tx_at = now;
	}
	if (now >= s->auth_reset_at) {
		s->auth_rx.known = false;
		s->auth_reset_at = ETKD_BFD_NEVER;
	}
	if (now >= s->tx_at)
		ev |= ETKD_BFD_EV_TX;
	return ev;
}

uint64_t etkd_bfd_next_deadline(const struct etkd_bfd_session *s)
{
	return min64(min64(s->tx_at, s->detect_at), s->auth_reset_at);
}

int etkd_bfd_build_tx(struct etkd_bfd_session *s, uint8_t *buf,
		      size_t size, uint64_t now)
{
	struct etkd_bfd_pkt p = {
		.diag = s->diag,
		.state = s->state,
		.mult = s->cfg.mult,
		.my_discr = s->cfg.local_discr,
		.your_discr = s->remote_discr,
		.min_tx = s->adv_tx,
		.min_rx = s->adv_rx,
	};
	int len;

	/* Never P and F together: the Final goes first, P on the next. */
	if (s->final_due)
		p.flags |= ETKD_BFD_F_FINAL;
	else if (s->poll)
		p.flags |= ETKD_BFD_F_POLL;
	if (s->cfg.auth.type)
		s->xmit_seq++;	/* every packet: fine for keyed, needed
				 * for meticulous */
	len = etkd_bfd_encode(&p, &s->cfg.auth, s->xmit_seq, buf, size);
	if (len < 0)
		return -1;
	s->final_due = false;
	s->cnt.tx++;
	s->last_tx = now;
	schedule_tx(s, now);
	return len;
}
