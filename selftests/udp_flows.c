// SPDX-License-Identifier: GPL-2.0
/*
 * udp_flows: send UDP datagrams on a fixed set of flows, for the etrunk
 * selftests and benchmarks.
 *
 *   udp_flows DST FLOWS ROUNDS [INTERVAL_US]
 *
 * Flow i (0 <= i < FLOWS) goes from source port 40000 + i to destination
 * port 5000 + i, so the same command always makes the same flows and hence
 * the same choice of members. Each round sends one datagram per flow; with
 * INTERVAL_US the rounds are that far apart. The sockets are unconnected,
 * so ICMP errors from a receiver without listeners do not stop the sender
 * (the receiver counts the datagrams as Udp NoPorts). Prints the number of
 * datagrams sent; exits non-zero if any send failed.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_FLOWS 1024

static void sleep_us(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

int main(int argc, char **argv)
{
	static int fds[MAX_FLOWS];
	struct sockaddr_storage dst;
	struct addrinfo hints = { .ai_flags = AI_NUMERICHOST };
	struct addrinfo *ai;
	long flows, rounds, interval = 0, sent = 0, failed = 0;
	char payload[18] = "etrunk-selftest";
	socklen_t len;

	if (argc < 4 || argc > 5) {
		fprintf(stderr, "usage: %s DST FLOWS ROUNDS [INTERVAL_US]\n", argv[0]);
		return 2;
	}
	flows = strtol(argv[2], NULL, 10);
	rounds = strtol(argv[3], NULL, 10);
	if (argc == 5)
		interval = strtol(argv[4], NULL, 10);
	if (flows < 1 || flows > MAX_FLOWS || rounds < 1 || interval < 0) {
		fprintf(stderr, "bad FLOWS, ROUNDS or INTERVAL_US\n");
		return 2;
	}
	if (getaddrinfo(argv[1], NULL, &hints, &ai)) {
		fprintf(stderr, "bad address %s\n", argv[1]);
		return 2;
	}
	memcpy(&dst, ai->ai_addr, ai->ai_addrlen);
	len = ai->ai_addrlen;
	freeaddrinfo(ai);

	for (long i = 0; i < flows; i++) {
		struct sockaddr_storage src = { .ss_family = dst.ss_family };
		int one = 1;

		fds[i] = socket(dst.ss_family, SOCK_DGRAM, 0);
		if (fds[i] < 0) {
			perror("socket");
			return 1;
		}
		setsockopt(fds[i], SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (dst.ss_family == AF_INET)
			((struct sockaddr_in *)&src)->sin_port = htons(40000 + i);
		else
			((struct sockaddr_in6 *)&src)->sin6_port = htons(40000 + i);
		if (bind(fds[i], (struct sockaddr *)&src, len)) {
			perror("bind");
			return 1;
		}
	}

	for (long r = 0; r < rounds; r++) {
		for (long i = 0; i < flows; i++) {
			if (dst.ss_family == AF_INET)
				((struct sockaddr_in *)&dst)->sin_port = htons(5000 + i);
			else
				((struct sockaddr_in6 *)&dst)->sin6_port = htons(5000 + i);
			if (sendto(fds[i], payload, sizeof(payload), 0,
				   (struct sockaddr *)&dst, len) < 0)
				failed++;
			else
				sent++;
		}
		if (interval)
			sleep_us(interval);
	}
	printf("%ld\n", sent);
	return failed ? 1 : 0;
}
