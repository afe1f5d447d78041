/* SPDX-License-Identifier: GPL-2.0 */
/*
 * daemon.h - etrunkd's state: per E-Trunk group of the kernel, the hello
 * socket, the peer's receive path and last hello, the liveness check,
 * and per bound member trunk the role the daemon holds and its revert
 * timer. daemon.c keeps it in step with the kernel (daemon_sync() after
 * every kernel_read()), runs the timers and the election, and writes the
 * verdicts back.
 */
#ifndef ETKD_DAEMON_H
#define ETKD_DAEMON_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

#include "election.h"
#include "hello.h"
#include "kernel.h"
#include "liveness.h"
#include "rx.h"

/* What an epoll event is about: the tag, and an index in the low 32 bits. */
#define EP_HSOCK	(1ULL << 32)	/* d->socks[i] */
#define EP_LIVE		(2ULL << 32)	/* d->groups[i].live */
#define EP_NETLINK	(3ULL << 32)
#define EP_SIGNAL	(4ULL << 32)

struct trunk_rt {
	struct kbinding k;	/* the kernel's view, at the last read */
	uint8_t role;		/* what we hold (and wrote) */
	uint8_t reason;
	bool written;		/* role and reason are in the kernel */
	struct etkd_revert rv;
};

/* A UDP socket, shared by the groups with one source address and port. */
struct hsock {
	int fd;
	int family;
	uint8_t addr[16];
	uint16_t port;
	unsigned int users;
};

struct group_rt {
	bool used;
	struct kgroup cfg;
	struct hsock *sock;
	struct sockaddr_storage peer_sa;
	socklen_t peer_sa_len;
	uint8_t src_norm[ETKD_ADDR_LEN];
	/* Keyed groups: the replay window's file, "" for none, and when
	 * it was last saved (replay.h).
	 */
	char win_path[256];
	uint64_t win_epoch;
	uint64_t win_saved_ms;
	struct etkd_rx rx;
	struct etkd_hello peer;		/* the last accepted hello */
	bool peer_heard;
	bool peer_up;
	uint64_t peer_last_ms;		/* when it was accepted */
	uint64_t start_ms;		/* this group's start in this daemon */
	uint64_t next_hello_ms;
	uint64_t next_state_ms;		/* the next counters write-back */
	struct kcounters written;	/* as last written */
	uint8_t peer_state_written;	/* 0xff: never */
	uint64_t role_changes;
	uint64_t hellos_tx;
	struct liveness live;
	bool live_alive;
	/* The bound BFD session (cfg.bfd) left Up: the peer is down until a
	 * hello arrives with the session Up again.
	 */
	bool bfd_down;
	uint8_t bfd_diag;		/* the session's, when it left Up */
	unsigned int n_trunks;
	struct trunk_rt trunks[ETRUNK_GROUP_MAX_TRUNKS];
};

struct daemon {
	struct nl req;
	struct nl ev;
	int epfd;
	uint64_t epoch;
	const char *state;	/* the epoch file; windows beside it */
	struct group_rt groups[ETRUNK_GROUP_MAX];	/* by id - 1 */
	/* Hello sequence numbers by group id - 1: they go on when a group
	 * restarts (a new key, address, ...) within one epoch, so that a
	 * peer that did not restart its side does not take them for replays.
	 */
	uint64_t seq[ETRUNK_GROUP_MAX];
	struct hsock socks[ETRUNK_GROUP_MAX];
	struct kstate ks;				/* scratch */
	struct bfdd *bfd;				/* bfd_daemon.h */
};

uint64_t now_ms(void);

/* Bring the groups in step with what kernel_read() left in d->ks. */
void daemon_sync(struct daemon *d, uint64_t now);
/* Run the timers due at @now; returns the next deadline (ms). */
uint64_t daemon_tick(struct daemon *d, uint64_t now);
/* A hello socket is readable. */
void daemon_rx(struct daemon *d, struct hsock *s, uint64_t now);
/* Write every group's state back (at exit, and now and then). */
void daemon_flush_state(struct daemon *d);
/* Say goodbye to each peer (a last hello with a longer hold), close all. */
void daemon_stop(struct daemon *d);

#endif /* ETKD_DAEMON_H */
