/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bfd_session.h - one RFC 5880 asynchronous-mode BFD session: the state
 * machine (section 6.8.6), timer negotiation and the Poll/Final sequence
 * (6.8.3), detection (6.8.4), transmission with jitter (6.8.7),
 * authentication state, discriminators (static or learned), counters.
 *
 * No sockets and no clock of its own: the caller passes "now" as
 * CLOCK_MONOTONIC nanoseconds to every call, so tests drive the time.
 *
 * Driving a session (see bfd.h for the whole picture):
 *   etkd_bfd_session_init(s, cfg, now);
 *   loop:
 *     arm a timer (timerfd with TFD_TIMER_ABSTIME, or a heap entry) at
 *     etkd_bfd_next_deadline(s); when it fires:
 *         ev = etkd_bfd_on_timer(s, now);
 *     on a packet for it (see etkd_bfd_lookup() in bfd_io.h):
 *         ev = etkd_bfd_rx(s, buf, len, ttl, now, &why);
 *     on new configuration:
 *         ev = etkd_bfd_reconfigure(s, cfg, now);
 *     whenever ev has ETKD_BFD_EV_TX:
 *         len = etkd_bfd_build_tx(s, buf, sizeof(buf), now); send it;
 *     whenever ev has ETKD_BFD_EV_STATE: report s->state, s->diag;
 *     after every call, re-arm the timer at etkd_bfd_next_deadline(s):
 *     the deadline can move earlier as well as later.
 *
 * Demand mode (section 6.6) is not supported: we never set D, and a
 * packet with D set is dropped (ETKD_BFD_DROP_DEMAND). Honouring a peer's
 * D bit would mean ceasing our periodic packets, which we do not do;
 * accepting its packets while ignoring the bit would leave a session Up
 * that the peer believes is in Demand mode. Dropping them keeps us
 * strictly asynchronous: such a peer never sees us Up, which shows the
 * misconfiguration instead of hiding it. The Echo function is not
 * supported either: we advertise Required Min Echo RX Interval 0.
 */
#ifndef ETKD_BFD_SESSION_H
#define ETKD_BFD_SESSION_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

#include "bfd_pkt.h"

#define ETKD_BFD_SLOW_TX_US	1000000	/* 6.8.3: at least 1 s while not Up */
#define ETKD_NSEC_PER_USEC	1000ULL
#define ETKD_NSEC_PER_SEC	1000000000ULL
#define ETKD_BFD_NEVER		UINT64_MAX

/* What a call asks the caller to do (a bit mask). */
#define ETKD_BFD_EV_TX		0x01	/* build and send a packet now */
#define ETKD_BFD_EV_STATE	0x02	/* state (or diag) changed */
#define ETKD_BFD_EV_DROP	0x04	/* the packet was dropped (see why) */
#define ETKD_BFD_EV_TIMERS	0x08	/* negotiated tx or detect time changed */
#define ETKD_BFD_EV_POLL_DONE	0x10	/* our Poll sequence got its Final */

/*
 * A session's configuration (the ETRUNK_BFD_A_* attributes). Addresses
 * and the interface are the caller's demultiplexing keys (bfd_io.h);
 * the engine only keeps them.
 */
struct etkd_bfd_cfg {
	uint8_t type;			/* enum etrunk_bfd_type */
	uint32_t local_discr;		/* non-zero, unique (the caller's) */
	uint32_t remote_discr;		/* 0: learned; else static, expected */
	uint32_t min_tx;		/* Desired Min TX Interval, us */
	uint32_t min_rx;		/* Required Min RX Interval, us */
	uint8_t mult;			/* Detect Mult, 1..255 */
	bool admin_down;
	struct etkd_bfd_auth auth;	/* type none: no authentication */
	struct sockaddr_storage peer;	/* port ignored */
	struct sockaddr_storage local;	/* family 0: any */
	int ifindex;			/* 0: any (multihop: always 0) */
};

struct etkd_bfd_counters {
	uint64_t tx;			/* packets built */
	uint64_t rx;			/* packets accepted */
	uint64_t drops;			/* non-auth drops */
	uint64_t auth_failures;
	uint64_t ups;			/* transitions to Up */
	uint64_t downs;			/* from Up to a lower state */
	uint64_t polls;			/* Poll sequences completed */
	uint64_t drop[__ETKD_BFD_DROP_MAX];	/* by reason */
};

struct etkd_bfd_session {
	struct etkd_bfd_cfg cfg;

	/* RFC 5880 section 6.8.1 variables. */
	uint8_t state;			/* enum etrunk_bfd_state */
	uint8_t remote_state;
	uint8_t diag;			/* enum etrunk_bfd_diag */
	uint8_t remote_diag;
	uint32_t remote_discr;		/* in use: learned or static */
	uint32_t remote_min_tx;		/* us, the peer's Desired Min TX */
	uint32_t remote_min_rx;		/* us, the peer's Required Min RX */
	uint8_t remote_mult;
	bool remote_heard;		/* a packet accepted since Down */
	uint32_t xmit_seq;		/* bfd.XmitAuthSeq */
	struct etkd_bfd_auth_rx auth_rx;

	/*
	 * Intervals, us. adv_*: what we advertise now (bfd.DesiredMinTx,
	 * bfd.RequiredMinRx, at least 1 s of tx while not Up). use_*: what
	 * our own transmission and detection go by, which lag adv_* while
	 * a Poll sequence runs (6.8.3: a larger tx, a smaller rx wait for
	 * the Final).
	 */
	uint32_t adv_tx, adv_rx, use_tx, use_rx;
	bool poll;			/* our Poll sequence runs */
	bool final_due;			/* the peer polled: answer with F */

	/*
	 * Negotiated, us: the transmit interval in use (before the peer is
	 * heard: our own, slow, rate; report 0 then, as the uapi says, if
	 * !remote_heard) and the detection time (0 until heard).
	 */
	uint32_t tx_interval;
	uint32_t detect_time;

	/* Deadlines, CLOCK_MONOTONIC ns, ETKD_BFD_NEVER when off. */
	uint64_t tx_at;			/* next periodic packet */
	uint64_t detect_at;		/* detection time expiry */
	uint64_t auth_reset_at;		/* 2 x detection: forget RcvAuthSeq */
	uint64_t last_tx;		/* when the last packet was built */
	uint64_t last_rx;		/* last accepted packet */
	uint64_t changed_at;		/* last state change */

	uint64_t rnd;			/* jitter generator state */
	struct etkd_bfd_counters cnt;
};

/*
 * Set up @s from @cfg (copied) at @now: Down (or AdminDown), slow
 * transmission, a first packet due within 100 ms (spread, so that many
 * sessions created together do not burst). 0, or -1 if @cfg is invalid
 * (discriminator 0, intervals or mult out of range, auth key).
 */
int etkd_bfd_session_init(struct etkd_bfd_session *s,
			  const struct etkd_bfd_cfg *cfg, uint64_t now);

/* Validation alone, as init and reconfigure do it. */
int etkd_bfd_cfg_valid(const struct etkd_bfd_cfg *cfg);

/*
 * Apply a changed configuration: admin down/up, intervals (a Poll
 * sequence when Up, 6.8.3), mult, auth, static remote discriminator.
 * Local discriminator, type, addresses and interface are kept from
 * init (a new one is a new session). -1 if invalid (@s untouched), else
 * events.
 */
int etkd_bfd_reconfigure(struct etkd_bfd_session *s,
			 const struct etkd_bfd_cfg *cfg, uint64_t now);

/*
 * A received packet for @s: @ttl is the received TTL / hop limit (-1:
 * unknown, only for tests: not checked), required to be 255 for single
 * hop and micro-BFD. Runs decode, discriminator, TTL, auth, demand
 * checks and then the state machine. Sets *@why (ETKD_BFD_ACCEPT or the
 * drop reason, counted in @s). Returns events.
 */
unsigned int etkd_bfd_rx(struct etkd_bfd_session *s, const uint8_t *buf,
			 size_t len, int ttl, uint64_t now,
			 enum etkd_bfd_drop *why);

/* The timer fired (or any time): detection expiry, periodic tx. Events. */
unsigned int etkd_bfd_on_timer(struct etkd_bfd_session *s, uint64_t now);

/* The earliest instant on_timer() has something to do. */
uint64_t etkd_bfd_next_deadline(const struct etkd_bfd_session *s);

/*
 * Build the packet to send now into @buf (>= ETKD_BFD_MAX_LEN): P while
 * our Poll runs, F if the peer polled (never both), and schedule the
 * next periodic one with jitter. Length, or -1.
 */
int etkd_bfd_build_tx(struct etkd_bfd_session *s, uint8_t *buf,
		      size_t size, uint64_t now);

/* Count a drop found before the session was (e.g. by the caller). */
void etkd_bfd_count_drop(struct etkd_bfd_session *s, enum etkd_bfd_drop why);

#endif /* ETKD_BFD_SESSION_H */
