/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rbs_int.h - the remote backup service's internals, shared by its files
 * (not installed): rbs.c (the state, services and profiles, timers,
 * events, start and stop), rbs_channel.c (the TCP channel),
 * rbs_install.c (the peer's entries in the kernel), rbs_monitor.c (the
 * interfaces and local entries from rtnetlink).
 */
#ifndef ETKD_RBS_INT_H
#define ETKD_RBS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <linux/etrunk.h>

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

/* What a service's epoll entry is: index = service * RBS_EP_N + role. */
enum rbs_ep_role {
	RBS_EP_CHANNEL,
	RBS_EP_LISTENER,
	RBS_EP_CANDIDATE,
	RBS_EP_N = 4
};

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
	uint32_t max_entries;	/* the most peer entries held */

	/* The peer's entries held (in rbs.peer) for this service's
	 * profiles: rbs_peer_add() and rbs_peer_remove() count them.
	 */
	uint32_t peer_n;
	/* @connects of the session whose new entries were refused at the
	 * limit (logged once per session); 0: none.
	 */
	uint64_t refused_session;

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
	/* A new connection from the peer while an authenticated channel is
	 * up: it replaces the channel once it has shown the key.
	 */
	int cfd;		/* -1: none */
	struct buf cin;
	uint8_t cnonce[ETKD_RBS_NONCE_LEN];
	uint64_t cand_ms;
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

struct rbs_state {
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
};

/* The service's state (rbs.c). */
extern struct rbs_state rbs;

static inline void addr_to16(uint8_t *dst, const void *src, bool v4)
{
	if (v4) {
		memset(dst, 0, 10);
		dst[10] = dst[11] = 0xff;
		memcpy(dst + 12, src, 4);
	} else {
		memcpy(dst, src, 16);
	}
}

static inline size_t buf_pending(const struct buf *b)
{
	return b->len - b->off;
}

/* rbs.c: the state and counters for the kernel */
void rbs_write_svc(struct svc *s, uint64_t now, bool force);
void rbs_write_svc_profs(int si);

/* rbs_channel.c */
void rbs_ch_epoll(struct svc *s, int fd, bool out, int op);
void rbs_ch_put(struct svc *s, uint8_t type, const void *body, size_t blen);
bool rbs_ch_flush(struct svc *s, uint64_t now);
void rbs_send_change(const struct rbs_ent *e, bool del);
void rbs_flush_all(uint64_t now);
void rbs_set_state(struct svc *s, enum ch_state st, uint64_t now);
void rbs_ch_reset(struct svc *s);
void rbs_ch_close(struct svc *s, uint64_t now, bool error);
int rbs_sock_new(struct svc *s, bool bind_port);
void rbs_ch_connect(struct svc *s, uint64_t now);
void rbs_ch_read(struct svc *s, uint64_t now);
void rbs_ch_event(struct svc *s, enum rbs_ep_role role, uint32_t events,
		  uint64_t now);
uint64_t rbs_cand_tick(struct svc *s, uint64_t now, uint64_t next);

/* rbs_install.c */
void rbs_rq_flush(void);
void rbs_rq_read(void);
void rbs_rq_error(const struct nlmsghdr *nlh);
struct rbs_ent *rbs_peer_add(const struct rbs_ekey *k);
void rbs_peer_install(struct rbs_ent *e);
void rbs_peer_remove(struct rbs_ent *e);
void rbs_peer_flush(int si, int pi);
void rbs_peer_retry(void);

/* rbs_monitor.c */
struct ifinfo *rbs_ifi(uint32_t ifindex);
int rbs_resolve(uint32_t ifindex, uint8_t kind, uint8_t *rel, uint16_t *vid);
uint32_t rbs_ifindex_of(const struct prof *p, uint8_t rel, uint16_t vid);
void rbs_full_dump(uint64_t now);
void rbs_mon_drain(void);
void rbs_mon_read(uint64_t now);

#endif /* ETKD_RBS_INT_H */
