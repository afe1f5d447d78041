/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Flush frames (uapi/linux/etrunk.h, "Flush frames"): sent by the new
 * master of a trunk in mode backup after a switchover, and received by a
 * trunk's backup member or by a bridge port with flush-receive enabled.
 */
#ifndef _ETRUNK_FLUSH_H
#define _ETRUNK_FLUSH_H

#include <crypto/sha2.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>
#include <linux/etrunk.h>

#include "bucket.h"

struct etrunk;
struct etrunk_member;
struct sk_buff;

/* Counters of one sender or receiver, changed under the receiver's lock
 * (or RTNL for tx), read by netlink dumps.
 */
struct etrunk_flush_stats {
	u64 tx;
	u64 rx_accepted;
	u64 rx_rate;
	u64 rx_malformed;
	u64 rx_version;
	u64 rx_auth;
	u64 rx_replay;
};

/* An HMAC-SHA256 key, replaced as a whole under RTNL, read under RCU;
 * the old one is freed after a grace period (synchronize_net()).
 */
struct etrunk_flush_key {
	struct crypto_shash *tfm;
	u8 id[SHA256_DIGEST_SIZE];	/* SHA-256 of the key: is it the same? */
};

/* What a receiver remembers: a token bucket against floods and the last
 * sequence number of each recent sender against replays.
 */
struct etrunk_flush_rx {
	spinlock_t lock;	/* the fields below */
	struct etrunk_bucket bucket;
	struct {
		u8 system[ETH_ALEN];
		u32 trunk_id;
		u64 seq;
		unsigned long used;
	} senders[ETRUNK_FLUSH_RX_SENDERS];
	unsigned int n_senders;
	struct etrunk_flush_stats stats;
};

/**
 * struct etrunk_flush - a trunk's flush-frame state
 * @key: the HMAC key for frames sent and received, NULL for none.
 * @seq: the sequence number of the next frame.
 * @left: frames still to send (each untagged plus on every VLAN).
 * @tx_work: sends them, flush_interval apart. It reads the master under
 *	RCU and never takes RTNL, so it can be cancelled under RTNL.
 * @rx: receive state for frames arriving on the trunk's members.
 */
struct etrunk_flush {
	struct etrunk_flush_key __rcu *key;
	u64 seq;
	u8 left;
	struct delayed_work tx_work;
	struct etrunk_flush_rx rx;
};

/* The trunk's side; all under RTNL unless said otherwise. */
void etrunk_flush_init(struct etrunk *et);
void etrunk_flush_uninit(struct etrunk *et);
int etrunk_flush_new_key(const u8 *key, unsigned int len,
			 struct etrunk_flush_key **keyp,
			 struct netlink_ext_ack *extack);
void etrunk_flush_set_key(struct etrunk *et, struct etrunk_flush_key *key);
void etrunk_flush_free_key(struct etrunk_flush_key *key);
/* The trunk's lock: a switchover's series of flush frames begins. */
void etrunk_flush_start(struct etrunk *et);
/* RTNL: a member of a trunk in mode backup joins (leaves) the flush
 * frames' multicast address.
 */
int etrunk_flush_member_add(struct etrunk_member *m);
void etrunk_flush_member_del(struct etrunk_member *m);
/* RTNL (with or without the trunk's lock): no more flush frames of the
 * current series (the trunk went down).
 */
void etrunk_flush_stop(struct etrunk *et);
/* RCU (softirq): true if @skb is a flush frame, handled and counted; it
 * is then freed, as consumed or, if dropped, as a drop (kfree_skb).
 */
bool etrunk_flush_rx_member(struct etrunk_member *m, struct sk_buff *skb);
/* A nest @attrtype of ETRUNK_FLUSH_STATS_A_*: @tx frames sent (a
 * trunk's flush.rx.stats.tx, 0 for a bridge port) and the counters of @rx.
 */
int etrunk_flush_put_stats(struct sk_buff *skb, int attrtype,
			   struct etrunk_flush_rx *rx, u64 tx);

/* Shared by both receivers (flush.c). */
void etrunk_flush_rx_init(struct etrunk_flush_rx *rx);
/* Another key: the senders heard so far are forgotten (their old frames
 * fail the new key's check). The same key again forgets nothing, or
 * their old frames would be fresh again.
 */
void etrunk_flush_rx_forget(struct etrunk_flush_rx *rx);
/* Are @a and @b (either may be NULL: no key) the same key? */
bool etrunk_flush_key_same(const struct etrunk_flush_key *a,
			   const struct etrunk_flush_key *b);
/* RCU: is @skb a flush frame (EtherType and destination)? */
bool etrunk_flush_is_frame(const struct sk_buff *skb);
/* What a receiver made of a flush frame: accepted, or why it dropped it. */
enum etrunk_flush_verdict {
	ETRUNK_FLUSH_ACCEPT,
	ETRUNK_FLUSH_RATE,
	ETRUNK_FLUSH_MALFORMED,
	ETRUNK_FLUSH_VERSION_BAD,
	ETRUNK_FLUSH_AUTH,
	ETRUNK_FLUSH_REPLAY,
};

/* RCU: the checks of "Flush frames" in their order, each drop counted in
 * @rx. Past the format checks (from ETRUNK_FLUSH_VERSION_BAD on, and for
 * an accepted frame) the header is copied to @hdr. Reads @skb only (it
 * may be shared).
 */
enum etrunk_flush_verdict
etrunk_flush_rx_check(struct etrunk_flush_rx *rx,
		      const struct etrunk_flush_key *key,
		      const struct sk_buff *skb, struct etrunk_flush_hdr *hdr);

/* The bridge-port side (flush-receive). */
int etrunk_flush_port_init(void);
void etrunk_flush_port_exit(void);
int etrunk_genl_get_flush_rx(struct sk_buff *skb, struct genl_info *info);
int etrunk_genl_dump_flush_rx(struct sk_buff *skb, struct netlink_callback *cb);
int etrunk_genl_set_flush_rx(struct sk_buff *skb, struct genl_info *info);

#endif /* _ETRUNK_FLUSH_H */
