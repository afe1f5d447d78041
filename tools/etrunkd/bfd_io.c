// SPDX-License-Identifier: GPL-2.0
/*
 * bfd_io.c - BFD sockets (RFC 5881, 5883), demultiplexing, and RFC 7130
 * micro-BFD frames through AF_PACKET.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "bfd.h"

uint16_t etkd_bfd_port(uint8_t type)
{
	switch (type) {
	case ETRUNK_BFD_MULTIHOP:
		return ETRUNK_BFD_PORT_MULTIHOP;
	case ETRUNK_BFD_MICRO:
		return ETRUNK_BFD_PORT_MICRO;
	default:
		return ETRUNK_BFD_PORT_SINGLE_HOP;
	}
}

static socklen_t sa_len(int family)
{
	return family == AF_INET6 ? sizeof(struct sockaddr_in6) :
				    sizeof(struct sockaddr_in);
}

static void set_port(struct sockaddr_storage *ss, uint16_t port)
{
	if (ss->ss_family == AF_INET6)
		((struct sockaddr_in6 *)ss)->sin6_port = htons(port);
	else
		((struct sockaddr_in *)ss)->sin_port = htons(port);
}

static int bind_dev(int fd, const char *ifname)
{
	if (!ifname || !*ifname)
		return 0;
	return setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, ifname,
			  strlen(ifname) + 1);
}

/* TTL / hop limit 255 and CS6 on what a socket sends. */
static int set_tx_opts(int fd, int family)
{
	int ttl = ETKD_BFD_TTL, tos = ETKD_BFD_TOS_CS6;

	if (family == AF_INET6)
		return setsockopt(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &ttl,
				  sizeof(ttl)) ||
		       setsockopt(fd, IPPROTO_IPV6, IPV6_TCLASS, &tos,
				  sizeof(tos)) ? -1 : 0;
	return setsockopt(fd, IPPROTO_IP, IP_TTL, &ttl, sizeof(ttl)) ||
	       setsockopt(fd, IPPROTO_IP, IP_TOS, &tos, sizeof(tos)) ? -1 : 0;
}

int etkd_bfd_rx_socket(int family, uint8_t type, const char *ifname)
{
	struct sockaddr_storage ss = { .ss_family = family };
	int fd, on = 1, err, rcvbuf = 4 << 20;

	fd = socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	set_port(&ss, etkd_bfd_port(type));
	if (family == AF_INET6)
		err = setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on,
				 sizeof(on)) ||
		      setsockopt(fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &on,
				 sizeof(on)) ||
		      setsockopt(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &on,
				 sizeof(on));
	else
		err = setsockopt(fd, IPPROTO_IP, IP_RECVTTL, &on,
				 sizeof(on)) ||
		      setsockopt(fd, IPPROTO_IP, IP_PKTINFO, &on, sizeof(on));
	/* Room for a burst from every session at once, or a short stall:
	 * beyond net.core.rmem_max with CAP_NET_ADMIN, else capped by it
	 * (best effort either way).
	 */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	if (err || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) ||
	    bind_dev(fd, ifname) ||
	    bind(fd, (struct sockaddr *)&ss, sa_len(family))) {
		err = errno;
		close(fd);
		errno = err;
		return -1;
	}
	return fd;
}

int etkd_bfd_tx_socket(const struct sockaddr_storage *peer,
		       const struct sockaddr_storage *local,
		       const char *ifname, uint32_t hint, uint16_t *port)
{
	const unsigned int range = ETKD_BFD_SPORT_MAX - ETKD_BFD_SPORT_MIN + 1;
	int family = peer->ss_family, fd, err, v6only = 1;
	struct sockaddr_storage ss;
	unsigned int i;

	if (local && local->ss_family && local->ss_family != family) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	fd = socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if ((family == AF_INET6 &&
	     setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6only,
			sizeof(v6only))) ||
	    set_tx_opts(fd, family) || bind_dev(fd, ifname))
		goto fail;
	if (local && local->ss_family)
		ss = *local;
	else
		ss = (struct sockaddr_storage){ .ss_family = family };
	/* Walk the range from a start spread by the hint. */
	for (i = 0; i < range; i++) {
		uint16_t p = ETKD_BFD_SPORT_MIN + (hint * 7919u + i) % range;

		set_port(&ss, p);
		if (!bind(fd, (struct sockaddr *)&ss, sa_len(family))) {
			*port = p;
			return fd;
		}
		if (errno != EADDRINUSE)
			goto fail;
	}
fail:
	err = errno;
	close(fd);
	errno = err;
	return -1;
}

ssize_t etkd_bfd_recv(int fd, uint8_t *buf, size_t size,
		      struct etkd_bfd_rxinfo *info)
{
	union {
		char buf[CMSG_SPACE(sizeof(struct in6_pktinfo)) +
			 CMSG_SPACE(sizeof(int)) * 2];
		struct cmsghdr align;
	} ctl;
	struct iovec iov = { .iov_base = buf, .iov_len = size };
	struct msghdr msg = {
		.msg_name = &info->from,
		.msg_namelen = sizeof(info->from),
		.msg_iov = &iov,
		.msg_iovlen = 1,
		.msg_control = ctl.buf,
		.msg_controllen = sizeof(ctl.buf),
	};
	struct cmsghdr *c;
	ssize_t n;

	memset(info, 0, sizeof(*info));
	info->ttl = -1;
	n = recvmsg(fd, &msg, 0);
	if (n < 0)
		return -1;
	for (c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
		if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TTL) {
			memcpy(&info->ttl, CMSG_DATA(c), sizeof(int));
		} else if (c->cmsg_level == IPPROTO_IP &&
			   c->cmsg_type == IP_PKTINFO) {
			struct in_pktinfo pi;
			struct sockaddr_in *to = (void *)&info->to;

			memcpy(&pi, CMSG_DATA(c), sizeof(pi));
			info->ifindex = pi.ipi_ifindex;
			to->sin_family = AF_INET;
			to->sin_addr = pi.ipi_addr;
		} else if (c->cmsg_level == IPPROTO_IPV6 &&
			   c->cmsg_type == IPV6_HOPLIMIT) {
			memcpy(&info->ttl, CMSG_DATA(c), sizeof(int));
		} else if (c->cmsg_level == IPPROTO_IPV6 &&
			   c->cmsg_type == IPV6_PKTINFO) {
			struct in6_pktinfo pi;
			struct sockaddr_in6 *to = (void *)&info->to;

			memcpy(&pi, CMSG_DATA(c), sizeof(pi));
			info->ifindex = pi.ipi6_ifindex;
			to->sin6_family = AF_INET6;
			to->sin6_addr = pi.ipi6_addr;
		}
	}
	return n;
}

int etkd_bfd_send(int fd, const uint8_t *buf, size_t len,
		  const struct sockaddr_storage *peer, uint8_t type)
{
	struct sockaddr_storage to = *peer;

	set_port(&to, etkd_bfd_port(type));
	if (sendto(fd, buf, len, 0, (struct sockaddr *)&to,
		   sa_len(to.ss_family)) != (ssize_t)len)
		return -1;
	return 0;
}

/* The address of @ss as 16 bytes, IPv4 as IPv4-mapped; family 0: -1. */
static int addr16(const struct sockaddr_storage *ss, uint8_t out[16])
{
	if (ss->ss_family == AF_INET6) {
		memcpy(out, &((const struct sockaddr_in6 *)ss)->sin6_addr, 16);
		return 0;
	}
	if (ss->ss_family == AF_INET) {
		memset(out, 0, 10);
		out[10] = out[11] = 0xff;
		memcpy(out + 12, &((const struct sockaddr_in *)ss)->sin_addr, 4);
		return 0;
	}
	return -1;
}

int etkd_bfd_addr_equal(const struct sockaddr_storage *a,
			const struct sockaddr_storage *b)
{
	uint8_t x[16], y[16];

	if (addr16(a, x) || addr16(b, y))
		return 0;
	return !memcmp(x, y, 16);
}

/* @info came from @s's peer, on its interface, to its local address. */
static bool from_peer(const struct etkd_bfd_session *s, uint8_t type,
		      const struct etkd_bfd_rxinfo *info)
{
	if (!etkd_bfd_addr_equal(&s->cfg.peer, &info->from))
		return false;
	if (type != ETRUNK_BFD_MULTIHOP && s->cfg.ifindex &&
	    info->ifindex && s->cfg.ifindex != info->ifindex)
		return false;
	if (s->cfg.local.ss_family && info->to.ss_family &&
	    !etkd_bfd_addr_equal(&s->cfg.local, &info->to))
		return false;
	return true;
}

struct etkd_bfd_session *etkd_bfd_lookup(struct etkd_bfd_session **sessions,
					 size_t n, uint8_t type,
					 const uint8_t *buf, size_t len,
					 const struct etkd_bfd_rxinfo *info)
{
	uint32_t yd = etkd_bfd_peek_your_discr(buf, len);
	size_t i;

	for (i = 0; i < n; i++) {
		struct etkd_bfd_session *s = sessions[i];

		if (!s || s->cfg.type != type)
			continue;
		if (yd) {
			if (s->cfg.local_discr != yd)
				continue;
			/* Ours by number, but a packet from elsewhere must
			 * not move the session (a guessed discriminator).
			 */
			if (!from_peer(s, type, info)) {
				etkd_bfd_count_drop(s, ETKD_BFD_DROP_SOURCE);
				return NULL;
			}
			return s;
		}
		if (from_peer(s, type, info))
			return s;
	}
	return NULL;
}

/* Micro-BFD. */

#define ETH_HLEN_ 14
#define IP4_HLEN 20
#define IP6_HLEN 40
#define UDP_HLEN 8

int etkd_bfd_micro_socket(int ifindex)
{
	/*
	 * ldh [12]; IPv4: ldb [23] == 17, no fragment offset, ldxb the
	 * header length, ldh [x + 16] == 6784; IPv6: ldb [20] == 17,
	 * ldh [56] == 6784. Accept the whole frame, else drop.
	 */
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 12),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ETH_P_IP, 0, 7),
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 23),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, IPPROTO_UDP, 0, 11),
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 20),
		BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, 0x1fff, 9, 0),
		BPF_STMT(BPF_LDX | BPF_B | BPF_MSH, 14),
		BPF_STMT(BPF_LD | BPF_H | BPF_IND, 16),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ETRUNK_BFD_PORT_MICRO, 5, 6),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ETH_P_IPV6, 0, 5),
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 20),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, IPPROTO_UDP, 0, 3),
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 56),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ETRUNK_BFD_PORT_MICRO, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0x40000),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_fprog prog = { .len = sizeof(code) / sizeof(code[0]), .filter = code };
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_ALL),
		.sll_ifindex = ifindex,
	};
	int fd;

	/* Protocol 0 until the filter is in, so nothing unfiltered queues. */
	fd = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog,
		       sizeof(prog)) ||
	    bind(fd, (struct sockaddr *)&sll, sizeof(sll))) {
		int err = errno;

		close(fd);
		errno = err;
		return -1;
	}
	return fd;
}

int etkd_bfd_ifmac(int ifindex, uint8_t mac[6])
{
	struct ifreq ifr;
	int fd, rc = -1;

	memset(&ifr, 0, sizeof(ifr));
	if (!if_indextoname(ifindex, ifr.ifr_name))
		return -1;
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (!ioctl(fd, SIOCGIFHWADDR, &ifr)) {
		memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
		rc = 0;
	}
	close(fd);
	return rc;
}

/* The Internet checksum's running sum over @len bytes. */
static uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)p[i] << 8 | p[i + 1];
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	return sum;
}

static uint16_t csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v;
}

int etkd_bfd_micro_build(uint8_t *frame, size_t size, const uint8_t smac[6],
			 const struct sockaddr_storage *src,
			 const struct sockaddr_storage *dst,
			 const uint8_t *payload, size_t len)
{
	static const uint8_t dmac[6] = ETRUNK_BFD_MICRO_MAC;
	bool v6 = src->ss_family == AF_INET6;
	size_t iph = v6 ? IP6_HLEN : IP4_HLEN, ulen = UDP_HLEN + len;
	size_t total = ETH_HLEN_ + iph + ulen, alen = v6 ? 16 : 4;
	uint8_t *ip = frame + ETH_HLEN_, *udp = ip + iph;
	const uint8_t *sa, *da;
	uint16_t sport, c;
	uint32_t sum;

	if (src->ss_family != dst->ss_family ||
	    (src->ss_family != AF_INET && !v6) || size < total ||
	    len > ETKD_BFD_MAX_LEN) {
		errno = EINVAL;
		return -1;
	}
	if (v6) {
		sa = (const uint8_t *)&((const struct sockaddr_in6 *)src)->sin6_addr;
		da = (const uint8_t *)&((const struct sockaddr_in6 *)dst)->sin6_addr;
		sport = ntohs(((const struct sockaddr_in6 *)src)->sin6_port);
	} else {
		sa = (const uint8_t *)&((const struct sockaddr_in *)src)->sin_addr;
		da = (const uint8_t *)&((const struct sockaddr_in *)dst)->sin_addr;
		sport = ntohs(((const struct sockaddr_in *)src)->sin_port);
	}
	if (!sport)
		sport = ETKD_BFD_SPORT_MIN;
	memset(frame, 0, total);
	memcpy(frame, dmac, 6);
	memcpy(frame + 6, smac, 6);
	put16(frame + 12, v6 ? ETH_P_IPV6 : ETH_P_IP);
	if (v6) {
		/* version 6, traffic class CS6, no flow label */
		ip[0] = 0x60 | ETKD_BFD_TOS_CS6 >> 4;
		ip[1] = (ETKD_BFD_TOS_CS6 & 0x0f) << 4;
		put16(ip + 4, ulen);
		ip[6] = IPPROTO_UDP;
		ip[7] = ETKD_BFD_TTL;
		memcpy(ip + 8, sa, 16);
		memcpy(ip + 24, da, 16);
	} else {
		ip[0] = 0x45;
		ip[1] = ETKD_BFD_TOS_CS6;
		put16(ip + 2, iph + ulen);
		put16(ip + 6, 0x4000);	/* DF */
		ip[8] = ETKD_BFD_TTL;
		ip[9] = IPPROTO_UDP;
		memcpy(ip + 12, sa, 4);
		memcpy(ip + 16, da, 4);
		put16(ip + 10, csum_fold(csum_add(0, ip, IP4_HLEN)));
	}
	put16(udp, sport);
	put16(udp + 2, ETRUNK_BFD_PORT_MICRO);
	put16(udp + 4, ulen);
	memcpy(udp + UDP_HLEN, payload, len);
	/* Pseudo-header: addresses, protocol, UDP length. */
	sum = csum_add(0, sa, alen);
	sum = csum_add(sum, da, alen);
	sum += IPPROTO_UDP + ulen;
	c = csum_fold(csum_add(sum, udp, ulen));
	put16(udp + 6, c ? c : 0xffff);	/* 0 means "none" in IPv4 */
	return (int)total;
}

int etkd_bfd_micro_send(int fd, int ifindex, const uint8_t *frame,
			size_t len)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_ifindex = ifindex,
		.sll_halen = 6,
	};

	memcpy(sll.sll_addr, frame, 6);
	sll.sll_protocol = htons(frame[12] << 8 | frame[13]);
	if (sendto(fd, frame, len, 0, (struct sockaddr *)&sll,
		   sizeof(sll)) != (ssize_t)len)
		return -1;
	return 0;
}

ssize_t etkd_bfd_micro_recv(int fd, uint8_t *frame, size_t size,
			    const uint8_t **payload,
			    struct etkd_bfd_rxinfo *info)
{
	struct sockaddr_ll sll;
	socklen_t sl = sizeof(sll);
	const uint8_t *ip, *udp;
	size_t iph, ulen;
	ssize_t n;

	memset(info, 0, sizeof(*info));
	info->ttl = -1;
	n = recvfrom(fd, frame, size, 0, (struct sockaddr *)&sll, &sl);
	if (n < 0)
		return -1;
	if (sll.sll_pkttype == PACKET_OUTGOING || n < ETH_HLEN_ + IP4_HLEN)
		return 0;
	info->ifindex = sll.sll_ifindex;
	ip = frame + ETH_HLEN_;
	if ((frame[12] << 8 | frame[13]) == ETH_P_IP && ip[0] >> 4 == 4) {
		struct sockaddr_in *f = (void *)&info->from;
		struct sockaddr_in *t = (void *)&info->to;

		iph = (ip[0] & 0x0f) * 4;
		if (iph < IP4_HLEN || ip[9] != IPPROTO_UDP ||
		    (size_t)n < ETH_HLEN_ + iph + UDP_HLEN)
			return 0;
		info->ttl = ip[8];
		f->sin_family = t->sin_family = AF_INET;
		memcpy(&f->sin_addr, ip + 12, 4);
		memcpy(&t->sin_addr, ip + 16, 4);
	} else if ((frame[12] << 8 | frame[13]) == ETH_P_IPV6 &&
		   ip[0] >> 4 == 6 && n >= ETH_HLEN_ + IP6_HLEN + UDP_HLEN) {
		struct sockaddr_in6 *f = (void *)&info->from;
		struct sockaddr_in6 *t = (void *)&info->to;

		iph = IP6_HLEN;
		if (ip[6] != IPPROTO_UDP)
			return 0;
		info->ttl = ip[7];
		f->sin6_family = t->sin6_family = AF_INET6;
		memcpy(&f->sin6_addr, ip + 8, 16);
		memcpy(&t->sin6_addr, ip + 24, 16);
	} else {
		return 0;
	}
	udp = ip + iph;
	if ((udp[2] << 8 | udp[3]) != ETRUNK_BFD_PORT_MICRO)
		return 0;
	ulen = udp[4] << 8 | udp[5];
	if (ulen < UDP_HLEN || udp + ulen > frame + n)
		return 0;
	set_port(&info->from, udp[0] << 8 | udp[1]);
	*payload = udp + UDP_HLEN;
	return (ssize_t)(ulen - UDP_HLEN);
}
