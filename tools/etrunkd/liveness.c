// SPDX-License-Identifier: GPL-2.0
/*
 * liveness.c - ICMP echo to the backup-liveness address (liveness.h).
 */
#include <errno.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include "liveness.h"
#include "log.h"
#include "rx.h"

/* An echo's payload: the time it was sent, to tell which request a reply
 * answers, and a random cookie, so that only the target, which echoes it,
 * can answer.
 */
struct echo {
	uint8_t type;
	uint8_t code;
	uint16_t csum;
	uint16_t ident;
	uint16_t seq;
	uint64_t sent_ms;
	uint64_t cookie;	/* random, per request */
};

static uint16_t csum(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint32_t s = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		s += (uint32_t)b[i] << 8 | b[i + 1];
	if (len & 1)
		s += (uint32_t)b[len - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return htons((uint16_t)~s);
}

static uint64_t random64(void)
{
	uint64_t r = 0;

	/* getrandom() of 8 bytes does not return short once the pool is
	 * initialised; a zero is never a cookie (0 marks a free slot).
	 */
	while (getrandom(&r, sizeof(r), 0) != sizeof(r) || !r)
		;
	return r;
}

int liveness_open(struct liveness *l, const uint8_t *addr, unsigned int len)
{
	uint64_t r = random64();

	memset(l, 0, sizeof(*l));
	l->family = len == 4 ? AF_INET : AF_INET6;
	memcpy(l->addr, addr, len);
	l->ident = (uint16_t)r;
	l->seq = (uint16_t)(r >> 16);
	l->fd = socket(l->family, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC,
		       l->family == AF_INET ? IPPROTO_ICMP : IPPROTO_ICMPV6);
	if (l->fd < 0)
		return -errno;
	if (l->family == AF_INET6) {
		struct icmp6_filter f;

		/* The kernel computes ICMPv6 checksums; take echo replies only. */
		ICMP6_FILTER_SETBLOCKALL(&f);
		ICMP6_FILTER_SETPASS(ICMP6_ECHO_REPLY, &f);
		setsockopt(l->fd, IPPROTO_ICMPV6, ICMP6_FILTER, &f, sizeof(f));
	}
	return 0;
}

void liveness_close(struct liveness *l)
{
	if (l->fd >= 0)
		close(l->fd);
	l->fd = -1;
}

void liveness_probe(struct liveness *l, uint64_t now_ms)
{
	struct sockaddr_storage ss = {};
	struct liveness_req *rq;
	struct echo e = {};
	socklen_t sl;

	if (l->fd < 0)
		return;
	e.type = l->family == AF_INET ? ICMP_ECHO : ICMP6_ECHO_REQUEST;
	e.code = 0;
	e.ident = htons(l->ident);
	e.seq = htons(++l->seq);
	e.sent_ms = now_ms;
	e.cookie = random64();
	/* The oldest outstanding request makes room. */
	rq = &l->out[l->seq % LIVENESS_OUTSTANDING];
	rq->cookie = e.cookie;
	rq->sent_ms = now_ms;
	rq->seq = l->seq;
	if (l->family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)&ss;

		sin->sin_family = AF_INET;
		memcpy(&sin->sin_addr, l->addr, 4);
		sl = sizeof(*sin);
		e.csum = csum(&e, sizeof(e));
	} else {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;

		sin6->sin6_family = AF_INET6;
		memcpy(&sin6->sin6_addr, l->addr, 16);
		sl = sizeof(*sin6);
	}
	if (sendto(l->fd, &e, sizeof(e), 0, (struct sockaddr *)&ss, sl) < 0)
		log_debug("liveness: sendto: %s", strerror(errno));
	else
		l->sent++;
}

void liveness_read(struct liveness *l, uint64_t now_ms)
{
	uint8_t buf[512];
	struct sockaddr_storage from;
	unsigned int i;

	/* A bounded batch: level-triggered epoll brings us back for more. */
	for (i = 0; i < ETKD_RX_BATCH; i++) {
		socklen_t fl = sizeof(from);
		const uint8_t *src;
		struct liveness_req *rq;
		struct echo e;
		size_t off = 0;
		ssize_t n;

		n = recvfrom(l->fd, buf, sizeof(buf), 0,
			     (struct sockaddr *)&from, &fl);
		if (n < 0)
			return;
		if (l->family == AF_INET) {
			/* A raw IPv4 socket hands over the IP header too. */
			if (n < 20)
				continue;
			off = (buf[0] & 0x0f) * 4;
			src = (const uint8_t *)&((struct sockaddr_in *)&from)->sin_addr;
			if (memcmp(src, l->addr, 4))
				continue;
		} else {
			src = ((struct sockaddr_in6 *)&from)->sin6_addr.s6_addr;
			if (memcmp(src, l->addr, 16))
				continue;
		}
		if ((size_t)n < off + sizeof(e))
			continue;
		memcpy(&e, buf + off, sizeof(e));
		if (e.type != (l->family == AF_INET ? ICMP_ECHOREPLY :
			       ICMP6_ECHO_REPLY) ||
		    ntohs(e.ident) != l->ident || e.sent_ms > now_ms)
			continue;
		rq = &l->out[ntohs(e.seq) % LIVENESS_OUTSTANDING];
		if (!rq->cookie || rq->seq != ntohs(e.seq) ||
		    rq->sent_ms != e.sent_ms || rq->cookie != e.cookie) {
			l->forged++;
			continue;
		}
		rq->cookie = 0;	/* one reply per request */
		l->answered++;
		l->reply_ms = now_ms;
		if (e.sent_ms > l->reply_sent_ms)
			l->reply_sent_ms = e.sent_ms;
	}
}

bool liveness_alive(const struct liveness *l, bool peer_up,
		    uint64_t since_ms, uint64_t hold_ms, uint64_t now_ms)
{
	if (l->fd < 0 || !l->answered || now_ms - l->reply_ms >= hold_ms)
		return false;
	/* While hellos come, the last reply need not be newer than them. */
	return peer_up || l->reply_sent_ms > since_ms;
}
