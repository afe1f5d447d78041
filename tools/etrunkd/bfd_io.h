/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bfd_io.h - BFD's sockets: RFC 5881 single hop (UDP 3784, TTL 255 sent
 * and required), RFC 5883 multihop (UDP 4784, TTL 255 sent), IPv4 and
 * IPv6, DSCP CS6; the demultiplexing of a received packet to its
 * session; RFC 7130 micro-BFD frames on a trunk member through an
 * AF_PACKET socket (UDP 6784 to 01:00:5e:90:00:01), which sees the
 * member's frames before the trunk's rx handler and sends on it even
 * when the trunk has taken it out.
 *
 * Sockets are non-blocking and close-on-exec; every function returns -1
 * with errno set on failure.
 */
#ifndef ETKD_BFD_IO_H
#define ETKD_BFD_IO_H

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>

#include "bfd_session.h"

#define ETKD_BFD_TTL		255
#define ETKD_BFD_TOS_CS6	0xc0	/* DSCP 48 in the TOS / traffic class */
#define ETKD_BFD_SPORT_MIN	49152	/* RFC 5881 section 4 */
#define ETKD_BFD_SPORT_MAX	65535

/* The UDP port of a session type (3784, 4784 or 6784). */
uint16_t etkd_bfd_port(uint8_t type);

/*
 * The receiving socket of a type and family: bound to the wildcard
 * address and the type's port (SO_REUSEADDR), IPV6_V6ONLY, with
 * IP_RECVTTL/IP_PKTINFO or IPV6_RECVHOPLIMIT/IPV6_RECVPKTINFO; @ifname
 * non-NULL: SO_BINDTODEVICE. One per (family, type) serves every
 * session; the caller puts it into epoll.
 */
int etkd_bfd_rx_socket(int family, uint8_t type, const char *ifname);

/*
 * A session's sending socket: bound to @local (family 0: the peer's
 * family, any address) and a free source port in 49152-65535 (tried
 * from a start spread by @hint, e.g. the local discriminator), TTL /
 * hop limit 255, CS6, @ifname: SO_BINDTODEVICE. *@port gets the port.
 */
int etkd_bfd_tx_socket(const struct sockaddr_storage *peer,
		       const struct sockaddr_storage *local,
		       const char *ifname, uint32_t hint, uint16_t *port);

/* What the ancillary data told about a received packet. */
struct etkd_bfd_rxinfo {
	struct sockaddr_storage from;	/* the sender (with its port) */
	struct sockaddr_storage to;	/* our address it was sent to */
	int ifindex;			/* where it came in; 0: unknown */
	int ttl;			/* TTL / hop limit; -1: unknown */
};

/* recvmsg() one datagram into @buf. Length, or -1. */
ssize_t etkd_bfd_recv(int fd, uint8_t *buf, size_t size,
		      struct etkd_bfd_rxinfo *info);

/* Send @len bytes to @peer at the type's port. 0, or -1. */
int etkd_bfd_send(int fd, const uint8_t *buf, size_t len,
		  const struct sockaddr_storage *peer, uint8_t type);

/*
 * The session of a received packet among @n sessions of @type (a linear
 * scan; NULL entries skipped): by Your Discriminator (its local one)
 * when non-zero, else by the sender. Either way the sender must be the
 * session's peer address, on its interface for single hop sessions bound
 * to one (ifindex 0 matches any), to its local address when it has one:
 * a packet with our discriminator from elsewhere is counted as the
 * session's ETKD_BFD_DROP_SOURCE and gives NULL. NULL: none.
 */
struct etkd_bfd_session *etkd_bfd_lookup(struct etkd_bfd_session **sessions,
					 size_t n, uint8_t type,
					 const uint8_t *buf, size_t len,
					 const struct etkd_bfd_rxinfo *info);

/* Whether two addresses (ports ignored, IPv4-mapped IPv6 = IPv4) match. */
int etkd_bfd_addr_equal(const struct sockaddr_storage *a,
			const struct sockaddr_storage *b);

/* Micro-BFD (RFC 7130). */
#define ETKD_BFD_MICRO_FRAME_MAX (14 + 40 + 8 + ETKD_BFD_MAX_LEN)

/*
 * An AF_PACKET socket on member @ifindex receiving only IPv4/IPv6 UDP
 * to port 6784 (a classic BPF filter; no IPv6 extension headers), not
 * our own outgoing frames.
 */
int etkd_bfd_micro_socket(int ifindex);

/* The device's MAC address (for the frames' source). 0, or -1. */
int etkd_bfd_ifmac(int ifindex, uint8_t mac[6]);

/*
 * Build an Ethernet/IP/UDP frame to 01:00:5e:90:00:01 carrying @len
 * bytes of @payload from @src (with its port as source port; 0: 49152)
 * to @dst, UDP 6784, TTL 255, CS6, checksums computed. Frame length, or
 * -1 (families differ, no room).
 */
int etkd_bfd_micro_build(uint8_t *frame, size_t size, const uint8_t smac[6],
			 const struct sockaddr_storage *src,
			 const struct sockaddr_storage *dst,
			 const uint8_t *payload, size_t len);

/* Send a frame on @ifindex through the micro socket. 0, or -1. */
int etkd_bfd_micro_send(int fd, int ifindex, const uint8_t *frame,
			size_t len);

/*
 * Receive a frame and take it apart: *@payload/@plen the BFD packet
 * inside @frame, @info the addresses, TTL and ifindex. Length of the
 * payload; 0 for a frame that is not ours (skip it); -1 on error.
 */
ssize_t etkd_bfd_micro_recv(int fd, uint8_t *frame, size_t size,
			    const uint8_t **payload,
			    struct etkd_bfd_rxinfo *info);

#endif /* ETKD_BFD_IO_H */
