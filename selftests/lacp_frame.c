// SPDX-License-Identifier: GPL-2.0
/*
 * lacp_frame: send crafted slow-protocols PDUs (IEEE 802.1AX LACPDUs and
 * marker PDUs) on an interface, good ones and bad ones, for the selftests.
 *
 *   lacp_frame [-n NETNS] -i IFACE [-m] [-S SYSTEM_MAC] [-k KEY] [-p PORT]
 *              [-s STATE] [-V VERSION] [-L ACTOR_TLV_LEN] [-T PDU_BYTES]
 *              [-c COUNT]
 *
 *   -n  the network namespace (of ip netns) IFACE is in
 *   -m  a marker information PDU instead of a LACPDU
 *   -S  the actor system in the LACPDU (default 02:00:00:00:00:99)
 *   -k  the actor key (default 1), -p the actor port (default 1)
 *   -s  the actor state octet (default 0x3d: active, aggregatable, in
 *       sync, collecting, distributing)
 *   -V  the version field (default 1)
 *   -L  the length field of the actor TLV (LACPDU) or of the marker
 *       information TLV (default 20 and 16, the right ones)
 *   -T  the PDU's length in bytes after the EtherType (default 110): a
 *       shorter one is cut, a longer one padded with zeros
 *   -c  send this many (default 1)
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/etrunk.h>

#include "frame_util.h"

#define ETH_P_SLOW_PROTO 0x8809
#define MAX_PDU 1400

static void usage(void)
{
	fprintf(stderr,
		"usage: lacp_frame [-n NETNS] -i IFACE [-m] [-S SYSTEM_MAC] [-k KEY] [-p PORT]\n"
		"                  [-s STATE] [-V VERSION] [-L TLV_LEN] [-T PDU_BYTES] [-c COUNT]\n");
	exit(2);
}

static unsigned long parse_num(const char *s, unsigned long max)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || *end || end == s || v > max)
		die("bad number");
	return v;
}

static void put16(uint8_t *p, unsigned long v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

int main(int argc, char **argv)
{
	uint8_t system[6] = { 0x02, 0, 0, 0, 0, 0x99 };
	unsigned long key = 1, port = 1, state = 0x3d, version = 1;
	unsigned long tlv_len = 0, pdu_len = ETRUNK_LACP_PDU_LEN, count = 1;
	static const uint8_t dest[6] = { 0x01, 0x80, 0xc2, 0, 0, 0x02 };
	uint8_t frame[ETH_HLEN + MAX_PDU] = { 0 }, *pdu = frame + ETH_HLEN;
	const char *ifname = NULL;
	struct sockaddr_ll sll = { 0 };
	bool marker = false;
	unsigned long i;
	size_t len;
	int opt, fd;

	while ((opt = getopt(argc, argv, "n:i:mS:k:p:s:V:L:T:c:")) != -1) {
		switch (opt) {
		case 'n': enter_netns(optarg); break;
		case 'i': ifname = optarg; break;
		case 'm': marker = true; break;
		case 'S': parse_mac(optarg, system); break;
		case 'k': key = parse_num(optarg, 0xffff); break;
		case 'p': port = parse_num(optarg, 0xffff); break;
		case 's': state = parse_num(optarg, 0xff); break;
		case 'V': version = parse_num(optarg, 0xff); break;
		case 'L': tlv_len = parse_num(optarg, 0xff); break;
		case 'T': pdu_len = parse_num(optarg, MAX_PDU); break;
		case 'c': count = parse_num(optarg, 100000); break;
		default: usage();
		}
	}
	if (!ifname || optind != argc)
		usage();

	/* 802.1AX-2008 5.4.2 and 5.5.3; both are 110 bytes. */
	pdu[0] = marker ? 2 : 1;
	pdu[1] = (uint8_t)version;
	if (marker) {
		pdu[2] = 1;			/* marker information */
		pdu[3] = (uint8_t)(tlv_len ? tlv_len : 16);
		put16(pdu + 4, port);
		memcpy(pdu + 6, system, 6);
		put16(pdu + 12, 0x1234);	/* transaction id */
		put16(pdu + 14, 0x5678);
		/* terminator at 18 and reserved: zeros */
	} else {
		pdu[2] = 1;			/* actor */
		pdu[3] = (uint8_t)(tlv_len ? tlv_len : 20);
		put16(pdu + 4, 0x8000);
		memcpy(pdu + 6, system, 6);
		put16(pdu + 12, key);
		put16(pdu + 14, 0xff);
		put16(pdu + 16, port);
		pdu[18] = (uint8_t)state;
		pdu[22] = 2;			/* partner, all zeros */
		pdu[23] = 20;
		pdu[42] = 3;			/* collector */
		pdu[43] = 16;
		/* terminator at 58 and reserved: zeros */
	}

	fd = socket(AF_PACKET, SOCK_RAW, 0);
	if (fd < 0)
		die("socket (needs CAP_NET_RAW)");
	sll.sll_family = AF_PACKET;
	sll.sll_ifindex = (int)if_nametoindex(ifname);
	if (!sll.sll_ifindex)
		die("no such interface");
	memcpy(frame, dest, 6);
	memcpy(frame + 6, system, 6);
	frame[12] = ETH_P_SLOW_PROTO >> 8;
	frame[13] = ETH_P_SLOW_PROTO & 0xff;
	len = ETH_HLEN + pdu_len;
	for (i = 0; i < count; i++)
		if (sendto(fd, frame, len, 0, (struct sockaddr *)&sll,
			   sizeof(sll)) != (ssize_t)len)
			die("sendto");
	close(fd);
	return 0;
}
