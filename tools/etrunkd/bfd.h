/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bfd.h - etrunkd's BFD engine (RFC 5880 asynchronous mode, 5881 single
 * hop, 5883 multihop, 7130 micro-BFD), a library in libetkd.a with no
 * daemon or kernel dependency:
 *
 *   bfd_pkt.h      packet codec, section 6.8.6 checks, section 6.7 auth
 *   bfd_session.h  one session: state machine, timers, Poll/Final
 *   bfd_io.h       sockets, demultiplexing, micro-BFD frames
 *
 * How a daemon drives it (bfdping.c does exactly this):
 *
 *   - One receiving socket per (family, type) in use, from
 *     etkd_bfd_rx_socket() (micro-BFD: one etkd_bfd_micro_socket() per
 *     member), in epoll. On readable: etkd_bfd_recv() (or _micro_recv),
 *     etkd_bfd_lookup() for the session (none: count it globally), then
 *     etkd_bfd_rx(s, buf, len, info.ttl, now, &why).
 *   - One sending socket per session, etkd_bfd_tx_socket() (its own
 *     source port, RFC 5881 section 4), never read.
 *   - One deadline per session: etkd_bfd_next_deadline(), absolute
 *     CLOCK_MONOTONIC ns. Either one timerfd per session armed with
 *     TFD_TIMER_ABSTIME (bfdping; simplest: with the sending socket two
 *     descriptors a session, so ETRUNK_BFD_MAX_SESSIONS = 1024 needs
 *     RLIMIT_NOFILE above 2048 + the rest), or a min-heap feeding one
 *     timerfd / the epoll_wait() timeout. Re-arm after every call
 *     into the session (rx, on_timer, reconfigure, build_tx): the
 *     deadline may move earlier (a Poll answered, a faster peer).
 *   - Every call returns ETKD_BFD_EV_* bits: EV_TX means call
 *     etkd_bfd_build_tx() and send now; EV_STATE means report the state
 *     (ETRUNK_CMD_SET_BFD_STATE).
 *   - Time comes from the caller (clock_gettime(CLOCK_MONOTONIC)); the
 *     engine never reads a clock, so tests drive it.
 *
 * Values of the uapi: enum etrunk_bfd_type/state/diag/auth and the
 * ETRUNK_BFD_* constants of <linux/etrunk.h>; intervals in us as there.
 */
#ifndef ETKD_BFD_H
#define ETKD_BFD_H

#include "bfd_io.h"
#include "bfd_pkt.h"
#include "bfd_session.h"

/* CLOCK_MONOTONIC now, ns: what the caller passes as "now". */
uint64_t etkd_bfd_now(void);

#endif /* ETKD_BFD_H */
