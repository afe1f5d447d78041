// SPDX-License-Identifier: GPL-2.0
/*
 * rx.c - the receive path of one peer (see rx.h).
 */
#include <netinet/in.h>
#include <string.h>

#include "epoch.h"
#include "rx.h"

int etkd_addr_norm(const struct sockaddr *sa, socklen_t len,
		   uint8_t out[ETKD_ADDR_LEN])
{
	if (!sa)
		return -1;
	if (sa->sa_family == AF_INET6 &&
	    len >= (socklen_t)sizeof(struct sockaddr_in6)) {
		const struct sockaddr_in6 *s6 = (const void *)sa;

		memcpy(out, &s6->sin6_addr, ETKD_ADDR_LEN);
		return 0;
	}
	if (sa->sa_family == AF_INET &&
	    len >= (socklen_t)sizeof(struct sockaddr_in)) {
		const struct sockaddr_in *s4 = (const void *)sa;

		memset(out, 0, 10);
		out[10] = 0xff;
		out[11] = 0xff;
		memcpy(out + 12, &s4->sin_addr, 4);
		return 0;
	}
	return -1;
}

void etkd_rx_rate_params(uint32_t interval_ms, uint32_t *rate,
			 uint32_t *burst)
{
	uint32_t r;

	if (!interval_ms)
		interval_ms = 1;
	/* Four times the hello rate, rounded up. */
	r = (4000 + interval_ms - 1) / interval_ms;
	if (r < ETKD_RX_MIN_RATE)
		r = ETKD_RX_MIN_RATE;
	*rate = r;
	*burst = 2 * r;
}

static void rx_size_bucket(struct etkd_rx *rx, uint32_t interval_ms,
			   uint64_t now_ns, bool init)
{
	uint32_t rate, burst;

	etkd_rx_rate_params(interval_ms, &rate, &burst);
	if (init)
		etkd_tb_init(&rx->tb, rate, burst, now_ns);
	else
		etkd_tb_set(&rx->tb, rate, burst, now_ns);
	rx->tb_interval_ms = interval_ms;
}

int etkd_rx_init(struct etkd_rx *rx, uint8_t group,
		 const struct sockaddr *peer, socklen_t peer_len,
		 const uint8_t sysid[ETKD_SYSID_LEN], const uint8_t *key,
		 size_t key_len, uint32_t interval_ms, uint64_t now_ns)
{
	memset(rx, 0, sizeof(*rx));
	if (group < ETKD_GROUP_MIN || group > ETKD_GROUP_MAX ||
	    interval_ms < ETKD_HELLO_INTERVAL_MIN ||
	    interval_ms > ETKD_HELLO_INTERVAL_MAX ||
	    etkd_addr_norm(peer, peer_len, rx->peer))
		return -1;
	if (key && key_len) {
		if (key_len < ETKD_KEY_MIN || key_len > ETKD_KEY_MAX)
			return -1;
		memcpy(rx->key, key, key_len);
		rx->key_len = key_len;
	}
	rx->group = group;
	rx->reset_ns = 3ULL * interval_ms * 1000000;
	memcpy(rx->sysid, sysid, ETKD_SYSID_LEN);
	etkd_replay_init(&rx->replay);
	rx_size_bucket(rx, interval_ms, now_ns, true);
	return 0;
}

static enum etkd_rx_verdict decode_verdict(int err)
{
	switch (err) {
	case ETKD_HELLO_OK:
		return ETKD_RX_ACCEPT;
	case ETKD_HELLO_EVERSION:
		return ETKD_RX_VERSION;
	case ETKD_HELLO_ENOHMAC:
	case ETKD_HELLO_EBADHMAC:
	case ETKD_HELLO_ECRYPTO:
		return ETKD_RX_AUTH;
	}
	return ETKD_RX_MALFORMED;
}

static enum etkd_rx_verdict rx_check(struct etkd_rx *rx,
				     const struct sockaddr *from,
				     socklen_t from_len, const uint8_t *buf,
				     size_t len, uint64_t now_ns,
				     struct etkd_hello *h)
{
	uint8_t addr[ETKD_ADDR_LEN];
	int err;

	/* Before the bucket: packets from elsewhere must not drain it. */
	if (etkd_addr_norm(from, from_len, addr) ||
	    memcmp(addr, rx->peer, ETKD_ADDR_LEN))
		return ETKD_RX_ADDR;
	/* Without a key a hello costs no HMAC, and a forgery cannot be told
	 * from the peer's: the bucket comes first. With a key, it comes after
	 * the HMAC, so that forgeries with the peer's address cannot use up
	 * its budget; what they cost is bounded by the datagrams read per
	 * wakeup (ETKD_RX_BATCH).
	 */
	if (!rx->key_len && !etkd_tb_take(&rx->tb, now_ns))
		return ETKD_RX_RATE;
	err = etkd_hello_decode(buf, len, rx->key_len ? rx->key : NULL,
				rx->key_len, h);
	if (err) {
		rx->last_error = err;
		return decode_verdict(err);
	}
	if (h->group != rx->group)
		return ETKD_RX_GROUP;
	if (!memcmp(h->sysid, rx->sysid, ETKD_SYSID_LEN))
		return ETKD_RX_LOOP;
	if (!rx->key_len && h->epoch > etkd_epoch_clock() + ETKD_RX_EPOCH_AHEAD)
		return ETKD_RX_EPOCH;
	if (etkd_replay_check(&rx->replay, h->epoch, h->seq) ==
	    ETKD_REPLAY_OLD) {
		/* Without a key, a forgery that moved the window must not
		 * lock the real peer out for long: once nothing was accepted
		 * for three of our intervals (not the hold time, which the
		 * forgery chose), the window starts over.
		 */
		if (rx->key_len || now_ns < rx->last_ns ||
		    now_ns - rx->last_ns < rx->reset_ns)
			return ETKD_RX_REPLAY;
		etkd_replay_init(&rx->replay);
	}
	/* Only a fresh authenticated hello takes a token: a captured one
	 * sent again does not either.
	 */
	if (rx->key_len && !etkd_tb_take(&rx->tb, now_ns))
		return ETKD_RX_RATE;
	/* Last, so that a hello dropped above does not move the window. */
	etkd_replay_accept(&rx->replay, h->epoch, h->seq);
	return ETKD_RX_ACCEPT;
}

enum etkd_rx_verdict etkd_rx_receive(struct etkd_rx *rx,
				     const struct sockaddr *from,
				     socklen_t from_len, const uint8_t *buf,
				     size_t len, uint64_t now_ns,
				     struct etkd_hello *h)
{
	enum etkd_rx_verdict v;

	v = rx_check(rx, from, from_len, buf, len, now_ns, h);
	rx->count[v]++;
	if (v != ETKD_RX_ACCEPT)
		return v;
	rx->last_ns = now_ns;
	rx->hold_ns = (uint64_t)h->interval_ms * h->hold_mult * 1000000ULL;
	/* A peer configured faster than us must not be rate limited into
	 * looking down.
	 */
	if (h->interval_ms < rx->tb_interval_ms)
		rx_size_bucket(rx, h->interval_ms, now_ns, false);
	return v;
}

bool etkd_rx_peer_up(const struct etkd_rx *rx, uint64_t now_ns)
{
	return rx->replay.seen && now_ns >= rx->last_ns &&
	       now_ns - rx->last_ns < rx->hold_ns;
}

static const char *const verdict_names[__ETKD_RX_MAX] = {
	[ETKD_RX_ACCEPT] = "accepted",
	[ETKD_RX_ADDR] = "address",
	[ETKD_RX_RATE] = "rate",
	[ETKD_RX_MALFORMED] = "malformed",
	[ETKD_RX_VERSION] = "version",
	[ETKD_RX_AUTH] = "auth",
	[ETKD_RX_GROUP] = "group",
	[ETKD_RX_LOOP] = "loop",
	[ETKD_RX_REPLAY] = "replay",
	[ETKD_RX_EPOCH] = "epoch",
};

const char *etkd_rx_verdict_name(unsigned int v)
{
	return v < __ETKD_RX_MAX ? verdict_names[v] : "unknown";
}
