// SPDX-License-Identifier: GPL-2.0
/*
 * flush_frame: send crafted etrunk flush frames (struct etrunk_flush_hdr,
 * Documentation/flush-frame.md) on an interface, good ones and every kind of bad one,
 * for the selftests.
 *
 *   flush_frame [-n NETNS] -i IFACE [-s SRC_MAC] [-S SYSTEM_MAC] [-t TRUNK_ID]
 *               [-q SEQ] [-v VID[,VID...]] [-k HEX_KEY] [-V VERSION]
 *               [-T PDU_BYTES] [-m] [-c COUNT] [-d] [-8 TAG_VID]
 *
 *   -n  the network namespace (of ip netns) IFACE is in
 *   -s  source MAC (default: the interface's)
 *   -S  system MAC in the PDU (default: the source MAC)
 *   -t  trunk id (default 1)
 *   -q  sequence number of the first frame (default: CLOCK_REALTIME in
 *       ns); each further frame (-c) takes the next one
 *   -v  the VLAN list of the PDU (default: none, i.e. all VLANs)
 *   -k  HMAC-SHA256 key in hex: the frame carries the HMAC
 *   -V  version field (default ETRUNK_FLUSH_VERSION)
 *   -T  cut the PDU to this many bytes (no Ethernet padding then)
 *   -m  a bad magic
 *   -c  send this many frames (default 1)
 *   -d  each further frame comes from the next trunk id (another sender)
 *       with the same sequence number
 *   -8  send with an 802.1Q tag of this VLAN
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <sched.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <linux/etrunk.h>

#include "frame_util.h"

#define MAX_FRAME 2048

static void usage(void)
{
	fprintf(stderr,
		"usage: flush_frame [-n NETNS] -i IFACE [-s SRC_MAC] [-S SYSTEM_MAC] [-t TRUNK_ID]\n"
		"                   [-q SEQ] [-v VID[,VID...]] [-k HEX_KEY] [-V VERSION]\n"
		"                   [-T PDU_BYTES] [-m] [-c COUNT] [-d] [-8 TAG_VID]\n");
	exit(2);
}

/* Enter the namespace `ip netns add NAME` made: cheaper than running
 * under `ip netns exec`, which matters in the emulated test VM.
 */
static void put16(uint8_t *p, uint16_t v)
{
	v = htons(v);
	memcpy(p, &v, sizeof(v));
}

static unsigned long long parse_num(const char *s, unsigned long long max)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || *end || end == s || v > max)
		die("bad number");
	return v;
}

static size_t parse_hex(const char *s, uint8_t *out, size_t max)
{
	size_t n = strlen(s), i;
	unsigned int b;

	if (n % 2 || n / 2 > max)
		die("bad key (hex, at most 64 bytes)");
	for (i = 0; i < n / 2; i++) {
		if (sscanf(s + 2 * i, "%2x", &b) != 1)
			die("bad key (hex)");
		out[i] = b;
	}
	return n / 2;
}

/* The VLAN list, written big-endian after the header; the count. */
static unsigned int parse_vlans(char *s, uint16_t *vids)
{
	unsigned int n = 0;
	char *tok, *save = NULL;

	for (tok = strtok_r(s, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (n == ETRUNK_FLUSH_MAX_VLANS)
			die("too many VLANs");
		vids[n++] = htons(parse_num(tok, 4095));
	}
	return n;
}

int main(int argc, char **argv)
{
	static const uint8_t dest[ETH_ALEN] = ETRUNK_FLUSH_DEST;
	uint16_t vids[ETRUNK_FLUSH_MAX_VLANS];
	unsigned int n_vlans = 0, version = ETRUNK_FLUSH_VERSION;
	unsigned long long seq, count = 1, trunk_id = 1, i;
	long long trunc = -1;
	uint8_t src[ETH_ALEN], system[ETH_ALEN], key[ETRUNK_FLUSH_KEY_MAX];
	int have_src = 0, have_system = 0, bad_magic = 0, senders = 0, opt, fd;
	size_t key_len = 0, pdu_len, signed_len;
	const char *ifname = NULL;
	struct sockaddr_ll sll;
	struct timespec ts;
	struct ifreq ifr;
	long tag = -1;
	uint8_t frame[MAX_FRAME];

	clock_gettime(CLOCK_REALTIME, &ts);
	seq = (unsigned long long)ts.tv_sec * 1000000000ULL + ts.tv_nsec;

	while ((opt = getopt(argc, argv, "n:i:s:S:t:q:v:k:V:T:mc:d8:")) != -1) {
		switch (opt) {
		case 'n':
			enter_netns(optarg);
			break;
		case 'i':
			ifname = optarg;
			break;
		case 's':
			parse_mac(optarg, src);
			have_src = 1;
			break;
		case 'S':
			parse_mac(optarg, system);
			have_system = 1;
			break;
		case 't':
			trunk_id = parse_num(optarg, UINT32_MAX);
			break;
		case 'q':
			seq = parse_num(optarg, UINT64_MAX);
			break;
		case 'v':
			n_vlans = parse_vlans(optarg, vids);
			break;
		case 'k':
			key_len = parse_hex(optarg, key, sizeof(key));
			break;
		case 'V':
			version = parse_num(optarg, 255);
			break;
		case 'T':
			trunc = parse_num(optarg, MAX_FRAME - 64);
			break;
		case 'm':
			bad_magic = 1;
			break;
		case 'c':
			count = parse_num(optarg, 1000000);
			break;
		case 'd':
			senders = 1;
			break;
		case '8':
			tag = parse_num(optarg, 4095);
			break;
		default:
			usage();
		}
	}
	if (!ifname || optind != argc)
		usage();

	fd = socket(AF_PACKET, SOCK_RAW, 0);
	if (fd < 0)
		die("socket(AF_PACKET) failed");
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	if (ioctl(fd, SIOCGIFINDEX, &ifr) < 0)
		die("no such interface");
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_ifindex = ifr.ifr_ifindex;
	sll.sll_halen = ETH_ALEN;
	memcpy(sll.sll_addr, dest, ETH_ALEN);
	if (!have_src) {
		if (ioctl(fd, SIOCGIFHWADDR, &ifr) < 0)
			die("cannot read the interface's MAC address");
		memcpy(src, ifr.ifr_hwaddr.sa_data, ETH_ALEN);
	}
	if (!have_system)
		memcpy(system, src, ETH_ALEN);

	signed_len = sizeof(struct etrunk_flush_hdr) + 2 * n_vlans;
	pdu_len = signed_len + (key_len ? ETRUNK_FLUSH_HMAC_LEN : 0);

	for (i = 0; i < count; i++) {
		struct etrunk_flush_hdr *h;
		size_t frame_len, off;

		memset(frame, 0, sizeof(frame));
		memcpy(frame, dest, ETH_ALEN);
		memcpy(frame + ETH_ALEN, src, ETH_ALEN);
		off = 2 * ETH_ALEN;
		if (tag >= 0) {
			put16(frame + off, ETH_P_8021Q);
			put16(frame + off + 2, tag);
			off += 4;
		}
		put16(frame + off, ETRUNK_FLUSH_ETHERTYPE);
		off += 2;

		h = (struct etrunk_flush_hdr *)(frame + off);
		h->magic = htonl(bad_magic ? 0x45545258 : ETRUNK_FLUSH_MAGIC);
		h->version = version;
		h->type = ETRUNK_FLUSH_TYPE_FLUSH;
		h->flags = htons(key_len ? ETRUNK_FLUSH_F_HMAC : 0);
		h->length = htons(pdu_len);
		memcpy(h->system, system, ETH_ALEN);
		h->trunk_id = htonl(senders ? trunk_id + i : trunk_id);
		h->seq = htobe64(senders ? seq : seq + i);
		h->n_vlans = htons(n_vlans);
		memcpy(frame + off + sizeof(*h), vids, 2 * n_vlans);
		if (key_len) {
			unsigned int md_len = 0;

			if (!HMAC(EVP_sha256(), key, key_len, frame + off,
				  signed_len, frame + off + signed_len, &md_len) ||
			    md_len != ETRUNK_FLUSH_HMAC_LEN)
				die("HMAC failed");
		}

		if (trunc >= 0) {
			frame_len = off + trunc;
		} else {
			frame_len = off + pdu_len;
			if (frame_len < 60)
				frame_len = 60;
		}
		if (sendto(fd, frame, frame_len, 0, (struct sockaddr *)&sll,
			   sizeof(sll)) != (ssize_t)frame_len)
			die("sendto failed");
	}
	close(fd);
	return 0;
}
