// SPDX-License-Identifier: GPL-2.0
/*
 * test_liveness.c - backup liveness over a real raw ICMP socket, in a
 * network namespace of its own (192.0.2.1 on its loopback, which the
 * kernel answers): a forged echo reply, one to no request or one without
 * the request's random cookie, never counts as an answer; the real reply
 * does. Needs root (CAP_NET_ADMIN, CAP_NET_RAW); otherwise exits 4 (skip).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "liveness.h"
#include "test.h"

static uint16_t cksum(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint32_t s = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		s += (uint32_t)b[i] << 8 | b[i + 1];
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return htons((uint16_t)~s);
}

/* An echo reply "from" 192.0.2.1 (our own address) with the given fields:
 * what an attacker who guessed or saw the identifier could send.
 */
static void forge(int fd, uint16_t ident, uint16_t seq, uint64_t sent_ms,
		  uint64_t cookie)
{
	/* type, code, checksum, identifier, sequence, then liveness.c's
	 * payload: send time and cookie, in host order.
	 */
	uint8_t e[24] = { ICMP_ECHOREPLY, 0 };
	struct sockaddr_in to = { .sin_family = AF_INET };
	uint16_t c;

	ident = htons(ident);
	seq = htons(seq);
	memcpy(e + 4, &ident, 2);
	memcpy(e + 6, &seq, 2);
	memcpy(e + 8, &sent_ms, 8);
	memcpy(e + 16, &cookie, 8);
	inet_pton(AF_INET, "192.0.2.1", &to.sin_addr);
	c = cksum(e, sizeof(e));
	memcpy(e + 2, &c, 2);
	if (sendto(fd, e, sizeof(e), 0, (struct sockaddr *)&to,
		   sizeof(to)) != sizeof(e))
		diag("forge: sendto failed");
}

static void settle(void)
{
	struct timespec ts = { 0, 100 * 1000000L };

	nanosleep(&ts, NULL);
}

int main(void)
{
	uint8_t addr[4];
	struct liveness l;
	int raw;

	if (geteuid() || unshare(CLONE_NEWNET) ||
	    system("ip link set lo up && ip addr add 192.0.2.1/32 dev lo"))
		return TEST_SKIP;
	test_start();
	inet_pton(AF_INET, "192.0.2.1", addr);
	raw = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	if (raw < 0 || liveness_open(&l, addr, 4)) {
		diag("raw sockets");
		return TEST_SKIP;
	}

	forge(raw, l.ident, l.seq + 1, 1000, 0x1234);
	settle();
	liveness_read(&l, 1000);
	ok(l.answered == 0 && !liveness_alive(&l, false, 0, 3000, 1000),
	   "a forged reply to no request: not an answer, the peer not alive");

	liveness_probe(&l, 2000);
	forge(raw, l.ident, l.seq, 2000, 0x1234);
	settle();
	liveness_read(&l, 2100);
	ok(l.answered == 1 && liveness_alive(&l, false, 1500, 3000, 2100),
	   "a request: the real reply counts once, a forged one without its cookie not");

	forge(raw, l.ident, l.seq, 2000, 0x1234);
	settle();
	liveness_read(&l, 2200);
	ok(l.answered == 1, "a reply to an answered request: not counted");
	liveness_close(&l);
	close(raw);
	return test_end();
}
