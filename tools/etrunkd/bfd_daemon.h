/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bfd_daemon.h - etrunkd's BFD sessions: one engine session (bfd_session.h)
 * per session the kernel holds (ETRUNK_CMD_GET_BFD), or, for a micro-BFD
 * session (RFC 7130), one per member of its trunk; their sockets and
 * timers in the daemon's epoll loop, their state written back to the
 * kernel (ETRUNK_CMD_SET_BFD_STATE) at once on a change and the counters
 * every STATE_INTERVAL_MS, a micro-BFD member taken out of its trunk
 * (admin down) while its session is not Up. daemon.c learns of a
 * session's state changes through daemon_bfd_change() (the E-Trunk groups
 * bound to it).
 */
#ifndef ETKD_BFD_DAEMON_H
#define ETKD_BFD_DAEMON_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel.h"

struct daemon;
struct bfdd;

/* Epoll tags (daemon.h): a BFD socket, a session's timer. */
#define EP_BFD_SOCK	(5ULL << 32)
#define EP_BFD_TIMER	(6ULL << 32)

/* The BFD side of the daemon, allocated once. */
struct bfdd *bfdd_new(struct daemon *d, int epfd);
void bfdd_free(struct bfdd *b);

/* Bring the sessions in step with the kernel's (after kernel_read()). */
void bfdd_sync(struct bfdd *b, const struct kstate *ks);

/* An epoll event with tag EP_BFD_SOCK or EP_BFD_TIMER and index @idx. */
void bfdd_event(struct bfdd *b, uint64_t tag, uint32_t idx);

/*
 * Write the counters that are due; returns the next deadline, in now_ms()
 * milliseconds (UINT64_MAX: none).
 */
uint64_t bfdd_tick(struct bfdd *b, uint64_t now_ms);

/* Write every session's state and counters now (at exit). */
void bfdd_flush_state(struct bfdd *b);

/*
 * The state of session @name (enum etrunk_bfd_state), -1 if the daemon
 * runs no such session.
 */
int bfdd_session_state(const struct bfdd *b, const char *name);

/*
 * A stopping daemon (SIGTERM) tells each peer its sessions go AdminDown,
 * which RFC 5880 section 6.8.16 says is not a failure of the path: the
 * peer's clients (an E-Trunk group, a micro-BFD member) stay as they are
 * and the hellos decide. A killed daemon sends nothing, and the peer's
 * detection time applies.
 */
void bfdd_stop(struct bfdd *b);

/*
 * daemon.c: session @name went from state @old to @state (enum
 * etrunk_bfd_state) with diagnostic @diag, the peer's state being
 * @remote_state.
 */
void daemon_bfd_change(struct daemon *d, const char *name, uint8_t old,
		       uint8_t state, uint8_t diag, uint8_t remote_state);

#endif /* ETKD_BFD_DAEMON_H */
