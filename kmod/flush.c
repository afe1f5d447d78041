// SPDX-License-Identifier: GPL-2.0
/*
 * Flush frames of a trunk in mode backup: sending them after a switchover
 * and receiving them on the members; the checks every receiver makes
 * (uapi/linux/etrunk.h, "Flush frames").
 */

#include <crypto/algapi.h>
#include <crypto/hash.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/pkt_sched.h>
#include <linux/skbuff.h>
#include <linux/timekeeping.h>

#include "backup.h"
#include "device.h"
#include "flush.h"
#include "member.h"

static const u8 etrunk_flush_dest[ETH_ALEN] __aligned(2) = ETRUNK_FLUSH_DEST;

#define ETRUNK_FLUSH_HDR_LEN sizeof(struct etrunk_flush_hdr)

/* A member of a trunk in mode backup listens to the flush address, as one
 * in mode lacp listens to the Slow Protocols address: a NIC that filters
 * multicast would drop flush frames otherwise.
 */
int etrunk_flush_member_add(struct etrunk_member *m)
{
	ASSERT_RTNL();
	if (m->et->mode != ETRUNK_MODE_BACKUP)
		return 0;
	return dev_mc_add(m->dev, etrunk_flush_dest);
}

void etrunk_flush_member_del(struct etrunk_member *m)
{
	ASSERT_RTNL();
	if (m->et->mode == ETRUNK_MODE_BACKUP)
		dev_mc_del(m->dev, etrunk_flush_dest);
}

void etrunk_flush_rx_init(struct etrunk_flush_rx *rx)
{
	spin_lock_init(&rx->lock);
	etrunk_bucket_init(&rx->bucket, ETRUNK_FLUSH_RX_BURST);
}

void etrunk_flush_rx_forget(struct etrunk_flush_rx *rx)
{
	spin_lock_bh(&rx->lock);
	rx->n_senders = 0;
	spin_unlock_bh(&rx->lock);
}

/* Under rx->lock: the slot of the sender of @h in rx->senders (@known
 * set), or where a new sender goes: rx->n_senders if there is room, the
 * least recently heard sender's slot when there is no key (nothing is
 * authentic then anyway), or -1 when the table is full and a key is set.
 * A forgotten sender's old frames would be fresh again, so with a key no
 * sender is forgotten: its frames are refused as replays until another
 * key is set, which empties the table.
 */
static int etrunk_flush_sender(struct etrunk_flush_rx *rx,
			       const struct etrunk_flush_hdr *h, bool keyed,
			       bool *known)
{
	u32 trunk_id = be32_to_cpu(h->trunk_id);
	unsigned int i, lru = 0;

	*known = false;
	for (i = 0; i < rx->n_senders; i++) {
		if (rx->senders[i].trunk_id == trunk_id &&
		    ether_addr_equal_unaligned(rx->senders[i].system, h->system)) {
			*known = true;
			return i;
		}
		if (time_before(rx->senders[i].used, rx->senders[lru].used))
			lru = i;
	}
	if (rx->n_senders < ETRUNK_FLUSH_RX_SENDERS)
		return rx->n_senders;
	return keyed ? -1 : lru;
}

/* The HMAC of the first @len bytes of @skb's PDU, read in pieces so that
 * a paged or shared skb is never changed.
 */
static int etrunk_flush_hmac_skb(const struct etrunk_flush_key *key,
				 const struct sk_buff *skb, unsigned int len,
				 u8 *out)
{
	SHASH_DESC_ON_STACK(desc, key->tfm);
	unsigned int off, chunk;
	u8 buf[64];
	const u8 *p;
	int err;

	desc->tfm = key->tfm;
	err = crypto_shash_init(desc);
	for (off = 0; !err && off < len; off += chunk) {
		chunk = min_t(unsigned int, len - off, sizeof(buf));
		p = skb_header_pointer(skb, off, chunk, buf);
		err = p ? crypto_shash_update(desc, p, chunk) : -EINVAL;
	}
	if (!err)
		err = crypto_shash_final(desc, out);
	shash_desc_zero(desc);
	return err;
}

/* Everything but the rate and the replay check, which need the lock. */
static enum etrunk_flush_verdict
etrunk_flush_parse(const struct etrunk_flush_key *key,
		   const struct sk_buff *skb, struct etrunk_flush_hdr *h)
{
	u8 mac[ETRUNK_FLUSH_HMAC_LEN], buf[ETRUNK_FLUSH_HMAC_LEN];
	const struct etrunk_flush_hdr *hp;
	unsigned int n, i, len, signed_len;
	const __be16 *vp = NULL;
	__be16 vbuf[32];
	const u8 *mp;
	u16 flags;

	hp = skb_header_pointer(skb, 0, sizeof(*h), h);
	if (!hp)
		return ETRUNK_FLUSH_MALFORMED;
	if (hp != h)
		memcpy(h, hp, sizeof(*h));
	flags = be16_to_cpu(h->flags);
	n = be16_to_cpu(h->n_vlans);
	signed_len = ETRUNK_FLUSH_HDR_LEN + 2 * n;
	len = signed_len + (flags & ETRUNK_FLUSH_F_HMAC ? ETRUNK_FLUSH_HMAC_LEN : 0);
	if (h->magic != htonl(ETRUNK_FLUSH_MAGIC) ||
	    h->type != ETRUNK_FLUSH_TYPE_FLUSH ||
	    (flags & ~ETRUNK_FLUSH_F_HMAC) || h->reserved ||
	    n > ETRUNK_FLUSH_MAX_VLANS || be16_to_cpu(h->length) != len ||
	    skb->len < len)
		return ETRUNK_FLUSH_MALFORMED;
	for (i = 0; i < n; i++) {
		u16 vid;

		if (!(i % ARRAY_SIZE(vbuf))) {
			unsigned int c = min_t(unsigned int, n - i, ARRAY_SIZE(vbuf));

			vp = skb_header_pointer(skb, ETRUNK_FLUSH_HDR_LEN + 2 * i,
						2 * c, vbuf);
			if (!vp)
				return ETRUNK_FLUSH_MALFORMED;
		}
		vid = be16_to_cpu(vp[i % ARRAY_SIZE(vbuf)]);
		if (!vid || vid >= VLAN_N_VID - 1)
			return ETRUNK_FLUSH_MALFORMED;
	}
	if (h->version != ETRUNK_FLUSH_VERSION)
		return ETRUNK_FLUSH_VERSION_BAD;
	if (!key)
		return ETRUNK_FLUSH_ACCEPT;
	if (!(flags & ETRUNK_FLUSH_F_HMAC) ||
	    etrunk_flush_hmac_skb(key, skb, signed_len, mac))
		return ETRUNK_FLUSH_AUTH;
	mp = skb_header_pointer(skb, signed_len, sizeof(buf), buf);
	if (!mp || crypto_memneq(mp, mac, sizeof(mac)))
		return ETRUNK_FLUSH_AUTH;
	return ETRUNK_FLUSH_ACCEPT;
}

bool etrunk_flush_is_frame(const struct sk_buff *skb)
{
	return skb->protocol == htons(ETRUNK_FLUSH_ETHERTYPE) &&
	       skb_mac_header_was_set(skb) &&
	       ether_addr_equal_unaligned(eth_hdr(skb)->h_dest,
					  etrunk_flush_dest);
}

enum etrunk_flush_verdict
etrunk_flush_rx_check(struct etrunk_flush_rx *rx,
		      const struct etrunk_flush_key *key,
		      const struct sk_buff *skb, struct etrunk_flush_hdr *hdr)
{
	enum etrunk_flush_verdict v;
	bool known = false;
	int i = -1;

	/* Format and HMAC first, so that only authentic frames reach the
	 * sender table and the bucket: forgeries cannot use up a real
	 * sender's budget.
	 */
	v = etrunk_flush_parse(key, skb, hdr);

	spin_lock_bh(&rx->lock);
	if (v == ETRUNK_FLUSH_ACCEPT) {
		i = etrunk_flush_sender(rx, hdr, key, &known);
		if (i < 0 ||
		    (known && be64_to_cpu(hdr->seq) <= rx->senders[i].seq))
			v = ETRUNK_FLUSH_REPLAY;
	}
	if (v == ETRUNK_FLUSH_ACCEPT &&
	    !etrunk_bucket_take(&rx->bucket, ETRUNK_FLUSH_RX_RATE,
				ETRUNK_FLUSH_RX_BURST))
		v = ETRUNK_FLUSH_RATE;
	switch (v) {
	case ETRUNK_FLUSH_ACCEPT:
		if (i == rx->n_senders)
			rx->n_senders++;
		ether_addr_copy(rx->senders[i].system, hdr->system);
		rx->senders[i].trunk_id = be32_to_cpu(hdr->trunk_id);
		rx->senders[i].seq = be64_to_cpu(hdr->seq);
		rx->senders[i].used = jiffies;
		rx->stats.rx_accepted++;
		break;
	case ETRUNK_FLUSH_RATE:
		rx->stats.rx_rate++;
		break;
	case ETRUNK_FLUSH_MALFORMED:
		rx->stats.rx_malformed++;
		break;
	case ETRUNK_FLUSH_VERSION_BAD:
		rx->stats.rx_version++;
		break;
	case ETRUNK_FLUSH_AUTH:
		rx->stats.rx_auth++;
		break;
	case ETRUNK_FLUSH_REPLAY:
		rx->stats.rx_replay++;
		break;
	}
	spin_unlock_bh(&rx->lock);
	return v;
}

bool etrunk_flush_rx_member(struct etrunk_member *m, struct sk_buff *skb)
{
	struct etrunk *et = m->et;
	enum etrunk_flush_verdict v;
	struct etrunk_flush_hdr h;
	u8 addr[ETH_ALEN];

	if (!etrunk_flush_is_frame(skb))
		return false;
	v = etrunk_flush_rx_check(&et->flush.rx, rcu_dereference(et->flush.key),
				  skb, &h);
	if (v != ETRUNK_FLUSH_ACCEPT && v != ETRUNK_FLUSH_REPLAY) {
		kfree_skb(skb);	/* counted: a drop the drop monitor sees */
		return true;
	}
	consume_skb(skb);
	/* Our own, come back over a loop: no news about the paths. */
	etrunk_get_addr(et, addr);
	if (ether_addr_equal_unaligned(h.system, addr))
		return true;
	/* Authentic (a replay too: the copy of a frame that came the
	 * other way): backup.c asks whether both members hear the peer.
	 */
	WRITE_ONCE(m->flush_seen, jiffies);
	if (v == ETRUNK_FLUSH_ACCEPT && READ_ONCE(et->flush_rx) &&
	    READ_ONCE(m->rx_drop))
		etrunk_request_master(m);
	return true;
}

int etrunk_flush_put_stats(struct sk_buff *skb, int attrtype,
			   struct etrunk_flush_rx *rx, u64 tx)
{
	struct etrunk_flush_stats s;
	struct nlattr *nest;

	spin_lock_bh(&rx->lock);
	s = rx->stats;
	spin_unlock_bh(&rx->lock);

	nest = nla_nest_start(skb, attrtype);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(skb, ETRUNK_FLUSH_STATS_A_TX, tx,
			      ETRUNK_FLUSH_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_FLUSH_STATS_A_RX_ACCEPTED,
			      s.rx_accepted, ETRUNK_FLUSH_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_FLUSH_STATS_A_RX_RATE, s.rx_rate,
			      ETRUNK_FLUSH_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_FLUSH_STATS_A_RX_MALFORMED,
			      s.rx_malformed, ETRUNK_FLUSH_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_FLUSH_STATS_A_RX_VERSION,
			      s.rx_version, ETRUNK_FLUSH_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_FLUSH_STATS_A_RX_AUTH, s.rx_auth,
			      ETRUNK_FLUSH_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, ETRUNK_FLUSH_STATS_A_RX_REPLAY,
			      s.rx_replay, ETRUNK_FLUSH_STATS_A_PAD)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

int etrunk_flush_new_key(const u8 *key, unsigned int len,
			 struct etrunk_flush_key **keyp,
			 struct netlink_ext_ack *extack)
{
	struct etrunk_flush_key *k;
	int err;

	*keyp = NULL;
	if (!len)
		return 0;
	if (len > ETRUNK_FLUSH_KEY_MAX) {
		NL_SET_ERR_MSG(extack, "The flush key is at most 64 bytes");
		return -EINVAL;
	}
	k = kzalloc(sizeof(*k), GFP_KERNEL);
	if (!k)
		return -ENOMEM;
	k->tfm = crypto_alloc_shash("hmac(sha256)", 0, 0);
	if (IS_ERR(k->tfm)) {
		err = PTR_ERR(k->tfm);
		NL_SET_ERR_MSG(extack, "HMAC-SHA256 is not available for the flush key");
		kfree(k);
		return err;
	}
	sha256(key, len, k->id);
	err = crypto_shash_setkey(k->tfm, key, len);
	if (err) {
		NL_SET_ERR_MSG(extack, "The flush key was refused by HMAC-SHA256");
		etrunk_flush_free_key(k);
		return err;
	}
	*keyp = k;
	return 0;
}

bool etrunk_flush_key_same(const struct etrunk_flush_key *a,
			   const struct etrunk_flush_key *b)
{
	if (!a || !b)
		return a == b;
	return !crypto_memneq(a->id, b->id, sizeof(a->id));
}

void etrunk_flush_free_key(struct etrunk_flush_key *key)
{
	if (!key)
		return;
	/* Frees the tfm with the key material in it, zeroed. */
	crypto_free_shash(key->tfm);
	kfree(key);
}

/* The old key is freed after the readers in receive are done; a tfm is
 * not freed from an RCU callback, as its last reference may sleep.
 */
void etrunk_flush_set_key(struct etrunk *et, struct etrunk_flush_key *key)
{
	struct etrunk_flush_key *old;

	old = rcu_replace_pointer(et->flush.key, key, lockdep_rtnl_is_held());
	if (!etrunk_flush_key_same(old, key))
		etrunk_flush_rx_forget(&et->flush.rx);
	if (old) {
		synchronize_net();
		etrunk_flush_free_key(old);
	}
}

/* One flush frame from @dev, untagged (@vid 0, listing no VLAN: all) or
 * on VLAN @vid listing it.
 */
static void etrunk_flush_send(struct etrunk *et, struct net_device *dev,
			      u16 vid)
{
	unsigned int len = ETRUNK_FLUSH_HDR_LEN + (vid ? 2 : 0);
	const struct etrunk_flush_key *key;
	struct etrunk_flush_hdr *h;
	unsigned int pdu_len;
	struct sk_buff *skb;
	struct ethhdr *eth;
	int hlen, tlen;

	hlen = LL_RESERVED_SPACE(dev);
	tlen = dev->needed_tailroom;
	skb = alloc_skb(hlen + ETH_HLEN + len + ETRUNK_FLUSH_HMAC_LEN +
			ETH_ZLEN + tlen, GFP_KERNEL);
	if (!skb)
		return;
	skb_reserve(skb, hlen);
	skb_reset_mac_header(skb);
	eth = skb_put(skb, ETH_HLEN);
	ether_addr_copy(eth->h_dest, etrunk_flush_dest);
	etrunk_get_addr(et, eth->h_source);
	eth->h_proto = htons(ETRUNK_FLUSH_ETHERTYPE);
	skb_reset_network_header(skb);

	h = skb_put_zero(skb, len);
	h->magic = htonl(ETRUNK_FLUSH_MAGIC);
	h->version = ETRUNK_FLUSH_VERSION;
	h->type = ETRUNK_FLUSH_TYPE_FLUSH;
	etrunk_get_addr(et, h->system);
	h->trunk_id = htonl(et->dev->ifindex);
	h->seq = cpu_to_be64(et->flush.seq++);
	if (vid) {
		h->n_vlans = htons(1);
		h->vlans[0] = htons(vid);
	}

	rcu_read_lock();
	key = rcu_dereference(et->flush.key);
	pdu_len = len + (key ? ETRUNK_FLUSH_HMAC_LEN : 0);
	h->length = htons(pdu_len);
	if (key) {
		SHASH_DESC_ON_STACK(desc, key->tfm);
		int err;

		h->flags = htons(ETRUNK_FLUSH_F_HMAC);
		desc->tfm = key->tfm;
		err = crypto_shash_digest(desc, (u8 *)h, len,
					  skb_put(skb, ETRUNK_FLUSH_HMAC_LEN));
		shash_desc_zero(desc);
		if (err) {
			rcu_read_unlock();
			kfree_skb(skb);
			return;
		}
	}
	rcu_read_unlock();

	if (skb->len < ETH_ZLEN)
		skb_put_zero(skb, ETH_ZLEN - skb->len);
	if (vid)
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), vid);
	skb->protocol = htons(ETRUNK_FLUSH_ETHERTYPE);
	skb->priority = TC_PRIO_CONTROL;
	skb->dev = dev;

	spin_lock_bh(&et->flush.rx.lock);
	et->flush.rx.stats.tx++;
	spin_unlock_bh(&et->flush.rx.lock);
	dev_queue_xmit(skb);
}

/* A round: untagged, then on each VLAN the trunk carries. The master is
 * read under RCU, neither RTNL nor the trunk's lock, so that
 * etrunk_flush_start() (under the trunk's lock), etrunk_flush_stop() and
 * etrunk_flush_uninit() may cancel this work synchronously.
 */
static void etrunk_flush_tx_work(struct work_struct *work)
{
	struct etrunk *et = container_of(to_delayed_work(work), struct etrunk,
					 flush.tx_work);
	struct etrunk_member *m;
	struct net_device *dev;
	unsigned int vid;

	rcu_read_lock();
	m = rcu_dereference(et->active);
	dev = m ? m->dev : NULL;
	dev_hold(dev);
	rcu_read_unlock();
	if (!dev) {
		et->flush.left = 0;
		return;
	}

	etrunk_flush_send(et, dev, 0);
	vid = 1;	/* VID 0 is the priority tag the 8021q module adds */
	for_each_set_bit_from(vid, et->vlans, VLAN_N_VID)
		etrunk_flush_send(et, dev, vid);
	dev_put(dev);

	if (et->flush.left && --et->flush.left)
		queue_delayed_work(system_wq, &et->flush.tx_work,
				   msecs_to_jiffies(READ_ONCE(et->flush_interval)));
}

void etrunk_flush_start(struct etrunk *et)
{
	lockdep_assert_held(&et->lock);
	/* The work takes no lock of ours: no deadlock, no stale series. */
	cancel_delayed_work_sync(&et->flush.tx_work);
	et->flush.left = et->flush_count;
	if (et->flush.left)
		queue_delayed_work(system_wq, &et->flush.tx_work, 0);
}

void etrunk_flush_stop(struct etrunk *et)
{
	cancel_delayed_work_sync(&et->flush.tx_work);
	et->flush.left = 0;
}

void etrunk_flush_init(struct etrunk *et)
{
	INIT_DELAYED_WORK(&et->flush.tx_work, etrunk_flush_tx_work);
	etrunk_flush_rx_init(&et->flush.rx);
	et->flush.seq = ktime_get_real_ns();
	et->flush.left = 0;
}

void etrunk_flush_uninit(struct etrunk *et)
{
	etrunk_flush_stop(et);
	etrunk_flush_set_key(et, NULL);
}
