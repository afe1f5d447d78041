// SPDX-License-Identifier: GPL-2.0
/*
 * test_rx.c - the receive path of a peer without sockets: each check in
 * its order with its counter, the bucket's sizing, the hold time, and
 * that a dropped hello never moves the replay window.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/un.h>

#include "epoch.h"
#include "rx.h"
#include "test.h"

#define MS 1000000ULL

static const uint8_t key[] = "group key";
#define KEY_LEN (sizeof(key) - 1)
static const uint8_t our_sysid[ETKD_SYSID_LEN] = { 0x02, 0, 0, 0, 0, 1 };
static const uint8_t peer_sysid[ETKD_SYSID_LEN] = { 0x02, 0, 0, 0, 0, 2 };

static struct sockaddr_in sin4(const char *a, uint16_t port)
{
	struct sockaddr_in s = { .sin_family = AF_INET };

	inet_pton(AF_INET, a, &s.sin_addr);
	s.sin_port = htons(port);
	return s;
}

static struct sockaddr_in6 sin6(const char *a, uint16_t port)
{
	struct sockaddr_in6 s = { .sin6_family = AF_INET6 };

	inet_pton(AF_INET6, a, &s.sin6_addr);
	s.sin6_port = htons(port);
	return s;
}

#define SA(s) ((const struct sockaddr *)&(s)), sizeof(s)

static void hello_init(struct etkd_hello *h, uint64_t epoch, uint64_t seq)
{
	memset(h, 0, sizeof(*h));
	h->group = 3;
	h->priority = 100;
	memcpy(h->sysid, peer_sysid, ETKD_SYSID_LEN);
	h->hold_mult = 3;
	h->interval_ms = 1000;
	h->epoch = epoch;
	h->seq = seq;
	h->n_records = 1;
	h->rec[0] = (struct etkd_hello_rec){
		.trunk_id = 1, .peer_trunk_id = 1, .state = ETKD_TRUNK_UP,
		.role = ETKD_ROLE_MASTER, .links = 2, .bandwidth = 20000,
	};
}

/* Encode @h with @k into @buf; the length. */
static size_t enc(const struct etkd_hello *h, const uint8_t *k, uint8_t *buf)
{
	int len = etkd_hello_encode(h, k, k ? KEY_LEN : 0, buf,
				    ETKD_HELLO_MAX_LEN);

	return len > 0 ? (size_t)len : 0;
}

static void test_addr(void)
{
	struct sockaddr_in a4 = sin4("192.0.2.1", 1);
	struct sockaddr_in6 a6 = sin6("::ffff:192.0.2.1", 2);
	struct sockaddr_in6 b6 = sin6("2001:db8::1", 3);
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	uint8_t x[ETKD_ADDR_LEN], y[ETKD_ADDR_LEN];

	ok(!etkd_addr_norm(SA(a4), x) && !etkd_addr_norm(SA(a6), y) &&
	   !memcmp(x, y, ETKD_ADDR_LEN),
	   "an IPv4 address and its IPv4-mapped IPv6 form are the same");
	ok(!etkd_addr_norm(SA(b6), x) && !memcmp(x, &b6.sin6_addr, 16),
	   "IPv6 as it is");
	ok(etkd_addr_norm(SA(un), x) == -1 &&
	   etkd_addr_norm((const struct sockaddr *)&a4, 4, x) == -1 &&
	   etkd_addr_norm(NULL, 0, x) == -1,
	   "another family, a short length, NULL: refused");
}

static void test_params(void)
{
	static const uint32_t want[][3] = {
		{ 1000, 8, 16 }, { 100, 40, 80 }, { 10, 400, 800 },
		{ 60000, 8, 16 }, { 300, 14, 28 }, { 500, 8, 16 },
		{ 250, 16, 32 },
	};
	unsigned int i, bad = 0;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		uint32_t rate, burst;

		etkd_rx_rate_params(want[i][0], &rate, &burst);
		if (rate != want[i][1] || burst != want[i][2]) {
			diag("interval %u: rate %u burst %u", want[i][0], rate,
			     burst);
			bad++;
		}
	}
	ok(!bad, "bucket: 4 x the hello rate (at least 8/s), burst 2 s of it");
}

static void test_init(void)
{
	struct sockaddr_in p = sin4("192.0.2.2", 61000);
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	struct etkd_rx rx;

	ok(!etkd_rx_init(&rx, 3, SA(p), our_sysid, key, KEY_LEN, 1000, 0) &&
	   rx.tb.rate == 8 && rx.tb.burst == 16 && rx.key_len == KEY_LEN,
	   "init: rate 8/s, burst 16 for 1 s hellos; the key copied");
	ok(!etkd_rx_init(&rx, 3, SA(p), our_sysid, key, 0, 1000, 0) &&
	   !rx.key_len && !etkd_rx_init(&rx, 3, SA(p), our_sysid, NULL, 5,
					1000, 0) && !rx.key_len,
	   "init: no key with NULL or length 0");
	ok(etkd_rx_init(&rx, 0, SA(p), our_sysid, NULL, 0, 1000, 0) &&
	   etkd_rx_init(&rx, 17, SA(p), our_sysid, NULL, 0, 1000, 0) &&
	   etkd_rx_init(&rx, 3, SA(p), our_sysid, NULL, 0, 9, 0) &&
	   etkd_rx_init(&rx, 3, SA(p), our_sysid, NULL, 0, 60001, 0) &&
	   etkd_rx_init(&rx, 3, SA(p), our_sysid, key, ETKD_KEY_MAX + 1,
			1000, 0) &&
	   etkd_rx_init(&rx, 3, SA(un), our_sysid, NULL, 0, 1000, 0),
	   "init refuses group 0 and 17, interval 9 and 60001 ms, a 65-byte key, AF_UNIX");
}

static void test_pipeline(void)
{
	struct sockaddr_in p = sin4("192.0.2.2", 61000);
	struct sockaddr_in other = sin4("192.0.2.3", 61000);
	struct sockaddr_in6 mapped = sin6("::ffff:192.0.2.2", 40000);
	uint8_t buf[ETKD_HELLO_MAX_LEN], buf2[ETKD_HELLO_MAX_LEN];
	uint64_t t = 100 * MS;
	struct etkd_hello h, out;
	struct etkd_rx rx;
	size_t len, len2;

	etkd_rx_init(&rx, 3, SA(p), our_sysid, key, KEY_LEN, 1000, t);
	ok(!etkd_rx_peer_up(&rx, t), "before any hello: peer not up");

	hello_init(&h, 1000, 1);
	len = enc(&h, key, buf);
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t, &out) == ETKD_RX_ACCEPT &&
	   out.seq == 1 && out.authenticated && rx.count[ETKD_RX_ACCEPT] == 1,
	   "a signed hello from the peer: accepted");
	ok(etkd_rx_peer_up(&rx, t + 2999 * MS) &&
	   !etkd_rx_peer_up(&rx, t + 3000 * MS),
	   "peer up for interval x multiplier (3 s), then down");
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t, &out) == ETKD_RX_REPLAY &&
	   rx.count[ETKD_RX_REPLAY] == 1, "the same datagram again: replay");
	ok(etkd_rx_receive(&rx, SA(other), buf, len, t, &out) ==
	   ETKD_RX_ADDR && rx.count[ETKD_RX_ADDR] == 1,
	   "from another address: address");

	hello_init(&h, 1000, 2);
	len = enc(&h, key, buf);
	ok(etkd_rx_receive(&rx, SA(mapped), buf, len, t, &out) ==
	   ETKD_RX_ACCEPT,
	   "from the peer's IPv4-mapped address and another port: accepted");

	hello_init(&h, 1000, 3);
	len = enc(&h, NULL, buf);
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t, &out) == ETKD_RX_AUTH &&
	   rx.last_error == ETKD_HELLO_ENOHMAC, "unsigned: auth (HMAC missing)");
	len = enc(&h, key, buf);
	buf[len - 1] ^= 1;
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t, &out) == ETKD_RX_AUTH &&
	   rx.last_error == ETKD_HELLO_EBADHMAC &&
	   rx.count[ETKD_RX_AUTH] == 2, "a bad HMAC: auth (bad HMAC)");
	buf[4] = 2;
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t, &out) == ETKD_RX_VERSION,
	   "version 2: version");
	ok(etkd_rx_receive(&rx, SA(p), buf, 20, t, &out) == ETKD_RX_MALFORMED &&
	   rx.last_error == ETKD_HELLO_ESHORT, "20 bytes: malformed (short)");

	/* Drops after decode leave the window where it was. */
	hello_init(&h, 1000, 100);
	h.group = 4;
	len = enc(&h, key, buf);
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t, &out) == ETKD_RX_GROUP,
	   "another group's hello (same key): group");
	hello_init(&h, 5000, 100);
	memcpy(h.sysid, our_sysid, ETKD_SYSID_LEN);
	len = enc(&h, key, buf);
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t, &out) == ETKD_RX_LOOP,
	   "our own system ID, a later epoch (reflected): loop");
	hello_init(&h, 1000, 4);
	len = enc(&h, key, buf);
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t, &out) == ETKD_RX_ACCEPT,
	   "... and neither moved the replay window: sequence 4 accepted");

	hello_init(&h, 2000, 1);
	len = enc(&h, key, buf);
	hello_init(&h, 1000, 5);
	len2 = enc(&h, key, buf2);
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t, &out) == ETKD_RX_ACCEPT &&
	   etkd_rx_receive(&rx, SA(p), buf2, len2, t, &out) == ETKD_RX_REPLAY,
	   "the peer restarted (epoch 2000): accepted; its old epoch is now a replay");
	ok(rx.count[ETKD_RX_ACCEPT] == 4 && rx.count[ETKD_RX_REPLAY] == 2 &&
	   rx.count[ETKD_RX_GROUP] == 1 && rx.count[ETKD_RX_LOOP] == 1 &&
	   rx.count[ETKD_RX_MALFORMED] == 1 && rx.count[ETKD_RX_VERSION] == 1,
	   "each verdict counted once per datagram");
}

static void test_flood(void)
{
	struct sockaddr_in6 p = sin6("2001:db8::2", 61000);
	struct sockaddr_in6 other = sin6("2001:db8::3", 61000);
	uint8_t buf[ETKD_HELLO_MAX_LEN];
	uint64_t t = 7 * MS;
	struct etkd_hello h, out;
	struct etkd_rx rx;
	unsigned int i;
	size_t len;

	etkd_rx_init(&rx, 3, SA(p), our_sysid, key, KEY_LEN, 1000, t);
	hello_init(&h, 1, 1);
	len = enc(&h, key, buf);
	for (i = 0; i < 1000; i++)
		etkd_rx_receive(&rx, SA(p), buf, len, t, &out);
	ok(rx.count[ETKD_RX_ACCEPT] == 1 && rx.count[ETKD_RX_REPLAY] == 999 &&
	   rx.count[ETKD_RX_RATE] == 0 && rx.tb.credit == 15 * 1000000000ULL,
	   "1000 copies at once (key): 1 accepted, 999 replays, one token taken");
	for (i = 0; i < 1000; i++)
		etkd_rx_receive(&rx, SA(other), buf, len, t, &out);
	ok(rx.count[ETKD_RX_ADDR] == 1000 && rx.count[ETKD_RX_RATE] == 0,
	   "1000 from another address: dropped before the bucket");
	for (i = 2; i <= 17; i++) {
		hello_init(&h, 1, i);
		len = enc(&h, key, buf);
		etkd_rx_receive(&rx, SA(p), buf, len, t, &out);
	}
	ok(rx.count[ETKD_RX_ACCEPT] == 16 && rx.count[ETKD_RX_RATE] == 1,
	   "16 fresh signed hellos at once: 15 accepted, then the bucket is empty");
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t + 125 * MS, &out) ==
	   ETKD_RX_ACCEPT,
	   "the dropped hello: accepted 1/8 s later");

	h.seq = 18;
	h.interval_ms = 100;
	len = enc(&h, key, buf);
	etkd_rx_receive(&rx, SA(p), buf, len, t + 250 * MS, &out);
	ok(rx.tb.rate == 40 && rx.tb.burst == 80 && rx.tb_interval_ms == 100 &&
	   rx.hold_ns == 300 * MS,
	   "a peer hello every 100 ms: bucket resized to 40/s, hold 300 ms");
	h.seq = 19;
	h.interval_ms = 5000;
	len = enc(&h, key, buf);
	etkd_rx_receive(&rx, SA(p), buf, len, t + 500 * MS, &out);
	ok(rx.tb.rate == 40 && rx.hold_ns == 15000 * MS,
	   "a slower peer later: the bucket stays, hold follows the hello");
}

/* Forgeries with the peer's address and no key (a spoofer's UDP) must
 * not use up the budget of the keyed peer's real hellos.
 */
static void test_forged_flood(void)
{
	struct sockaddr_in p = sin4("192.0.2.2", 61000);
	static const uint8_t bad_key[] = "not the key";
	uint8_t buf[ETKD_HELLO_MAX_LEN], fake[ETKD_HELLO_MAX_LEN];
	uint64_t t = 9 * MS;
	struct etkd_hello h, out;
	struct etkd_rx rx;
	unsigned int i, acc = 0;

	etkd_rx_init(&rx, 3, SA(p), our_sysid, key, KEY_LEN, 1000, t);
	for (i = 1; i <= 10; i++) {
		size_t len, flen, nfake;
		unsigned int j;

		/* 50 forgeries a second, from the peer's address. */
		hello_init(&h, 1ULL << 40, i);
		flen = enc(&h, bad_key, fake);
		for (j = 0; j < 50; j++)
			etkd_rx_receive(&rx, SA(p), fake, flen, t + j * 20 * MS,
					&out);
		nfake = enc(&h, NULL, fake);
		for (j = 0; j < 50; j++)
			etkd_rx_receive(&rx, SA(p), fake, nfake, t + j * 20 * MS,
					&out);
		hello_init(&h, 1, i);
		len = enc(&h, key, buf);
		acc += etkd_rx_receive(&rx, SA(p), buf, len, t + 999 * MS,
				       &out) == ETKD_RX_ACCEPT;
		t += 1000 * MS;
	}
	ok(acc == 10 && rx.count[ETKD_RX_AUTH] == 1000 &&
	   rx.count[ETKD_RX_RATE] == 0,
	   "key: 1000 forgeries (bad or no HMAC) from the peer's address, all 10 real hellos accepted");
	ok(etkd_rx_peer_up(&rx, t), "and the peer stays up");
}

/* Without a key: a forged epoch far ahead is refused; one that got in
 * locks the real peer out for three intervals at most.
 */
static void test_nokey_epoch(void)
{
	struct sockaddr_in p = sin4("192.0.2.2", 61000);
	uint64_t t = 5 * MS, e = etkd_epoch_clock();
	uint8_t buf[ETKD_HELLO_MAX_LEN];
	struct etkd_hello h, out;
	struct etkd_rx rx;
	size_t len;

	etkd_rx_init(&rx, 3, SA(p), our_sysid, NULL, 0, 1000, t);
	hello_init(&h, e, 1);
	len = enc(&h, NULL, buf);
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t, &out) == ETKD_RX_ACCEPT,
	   "no key: the peer's hello accepted");
	hello_init(&h, UINT64_MAX, 1);
	len = enc(&h, NULL, buf);
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t + 10 * MS, &out) ==
	   ETKD_RX_EPOCH && rx.count[ETKD_RX_EPOCH] == 1,
	   "no key: a forged hello with epoch 2^64 - 1 refused (epoch)");
	hello_init(&h, e, 2);
	len = enc(&h, NULL, buf);
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t + 1000 * MS, &out) ==
	   ETKD_RX_ACCEPT, "no key: the peer's next hello still accepted");

	/* A forgery within the bound: the peer is locked out 3 s at most. */
	hello_init(&h, e + 3600ULL * 1000000000, 1);
	h.interval_ms = 60000;
	h.hold_mult = 255;
	len = enc(&h, NULL, buf);
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t + 1100 * MS, &out) ==
	   ETKD_RX_ACCEPT, "no key: a forged epoch an hour ahead gets in");
	hello_init(&h, e, 3);
	len = enc(&h, NULL, buf);
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t + 2000 * MS, &out) ==
	   ETKD_RX_REPLAY, "no key: then the real peer's hello is a replay");
	hello_init(&h, e, 5);
	len = enc(&h, NULL, buf);
	ok(etkd_rx_receive(&rx, SA(p), buf, len, t + 4100 * MS, &out) ==
	   ETKD_RX_ACCEPT && etkd_rx_peer_up(&rx, t + 4100 * MS),
	   "no key: 3 intervals later the window starts over, the peer is back");
}

static void test_names(void)
{
	unsigned int i, j, bad = 0;

	for (i = 0; i < __ETKD_RX_MAX; i++)
		for (j = 0; j < i; j++)
			bad += !strcmp(etkd_rx_verdict_name(i),
				       etkd_rx_verdict_name(j));
	ok(!bad && !strcmp(etkd_rx_verdict_name(__ETKD_RX_MAX), "unknown"),
	   "every verdict has its own name");
}

int main(void)
{
	test_start();
	test_addr();
	test_params();
	test_init();
	test_pipeline();
	test_flood();
	test_forged_flood();
	test_nokey_epoch();
	test_names();
	return test_end();
}
