// SPDX-License-Identifier: GPL-2.0
/*
 * failover_udp: a constant-rate UDP stream and its receiver, for
 * bench/failover.sh (which builds it).
 *
 *   failover_udp send DST PORT RATE MS
 *   failover_udp recv PORT READY_FILE
 *
 * send: RATE datagrams per second to DST:PORT (IPv4) for MS milliseconds,
 * datagram i carrying the sequence number i and the time it was sent.
 * Datagram i is due at start + i / RATE on CLOCK_MONOTONIC. The sender
 * wakes once a millisecond (absolute deadlines, so the rate does not
 * drift) and sends what is due with sendmmsg(): a timer wake-up per
 * datagram costs too much under emulation. Prints
 *
 *   sent N errors E late_max_us L late_end_us F
 *
 * N datagrams handed to the kernel (E of them refused), the most a
 * datagram was sent after it was due, and how late the last one was.
 *
 * recv: counts the datagrams arriving on PORT, writes "ready" to
 * READY_FILE once bound, and after SIGTERM or SIGINT, once nothing has
 * arrived for 200 ms, prints
 *
 *   received N last S hole_start H hole_len L hole_us T holes K drops D
 *
 * N distinct sequence numbers received, the highest one S (-1: none), the
 * longest run of missing sequence numbers below S (its first number and
 * length; those before the first one received count too), the time
 * between the sending of the datagrams received just before and just
 * after it (0 if it is at the start), the number of such runs, and the
 * datagrams the socket dropped (SO_MEMINFO). What is missing above S the
 * caller knows from the sender's count. It drains the socket every 5 ms
 * rather than waking up for each datagram.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/sock_diag.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAGIC 0x4554464fu	/* "ETFO" */
#define MAX_SEQ (1u << 22)	/* 4 Mi datagrams: 32 MiB of send times */
#define BATCH 64
#define NSEC 1000000000ull
#define SEND_TICK 1000000ull	/* ns */
#define RECV_TICK 5000000ull	/* ns */
#define RECV_IDLE 40		/* ticks: 200 ms */

struct payload {
	uint32_t magic;
	uint32_t pad;
	uint64_t seq;
	uint64_t sent_ns;
	char fill[8];
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * NSEC + ts.tv_nsec;
}

static void sleep_until(uint64_t t)
{
	struct timespec ts = { t / NSEC, t % NSEC };

	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
		;
}

static struct payload bufs[BATCH];
static struct mmsghdr msgs[BATCH];
static struct iovec iovs[BATCH];

static void init_msgs(struct sockaddr_in *sin)
{
	for (int i = 0; i < BATCH; i++) {
		iovs[i].iov_base = &bufs[i];
		iovs[i].iov_len = sizeof(bufs[i]);
		memset(&msgs[i], 0, sizeof(msgs[i]));
		msgs[i].msg_hdr.msg_iov = &iovs[i];
		msgs[i].msg_hdr.msg_iovlen = 1;
		if (sin) {
			msgs[i].msg_hdr.msg_name = sin;
			msgs[i].msg_hdr.msg_namelen = sizeof(*sin);
		}
	}
}

static int do_send(const char *dst, long port, long rate, long ms)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(port) };
	uint64_t n, i = 0, t0, late_max = 0, late = 0, sent = 0, errors = 0;
	int fd;

	if (inet_pton(AF_INET, dst, &sin.sin_addr) != 1) {
		fprintf(stderr, "bad IPv4 address %s\n", dst);
		return 2;
	}
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		perror("socket");
		return 1;
	}
	init_msgs(&sin);
	/* Wake up when asked, not up to 50 us later. */
	prctl(PR_SET_TIMERSLACK, 1UL);
	n = (uint64_t)rate * ms / 1000;
	t0 = now_ns() + SEND_TICK;
	while (i < n) {
		uint64_t due = t0 + i * NSEC / rate, t = now_ns();
		unsigned int k = 0;
		int r;

		if (t < due) {
			/* The first tick at or after it is due. */
			sleep_until(t0 + (due - t0 + SEND_TICK - 1) / SEND_TICK * SEND_TICK);
			t = now_ns();
		}
		late = t - due;
		if (late > late_max)
			late_max = late;
		while (i < n && k < BATCH && t0 + i * NSEC / rate <= t) {
			bufs[k] = (struct payload){ .magic = MAGIC, .seq = i, .sent_ns = t };
			i++;
			k++;
		}
		for (unsigned int done = 0; done < k; ) {
			r = sendmmsg(fd, msgs + done, k - done, 0);
			if (r > 0) {
				sent += r;
				done += r;
			} else {
				/* Count the one refused, go on with the rest. */
				errors++;
				done++;
			}
		}
	}
	printf("sent %llu errors %llu late_max_us %llu late_end_us %llu\n",
	       (unsigned long long)(sent + errors), (unsigned long long)errors,
	       (unsigned long long)(late_max / 1000), (unsigned long long)(late / 1000));
	return 0;
}

static volatile sig_atomic_t stop;
static uint8_t seen[MAX_SEQ / 8];
static uint64_t sent_ns[MAX_SEQ];

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int do_recv(long port, const char *ready)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(port) };
	struct sigaction sa = { .sa_handler = on_signal };
	uint64_t received = 0, holes = 0, hole_start = 0, hole_len = 0, hole_ns = 0, run;
	uint32_t meminfo[SK_MEMINFO_VARS] = { 0 };
	socklen_t mlen = sizeof(meminfo);
	int64_t last = -1, s;
	int fd, size = 8 << 20, idle = 0;
	FILE *f;

	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		perror("socket");
		return 1;
	}
	/* Room for a second of the stream if this process is slow to run. */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin))) {
		perror("bind");
		return 1;
	}
	f = fopen(ready, "w");
	if (!f || fputs("ready\n", f) == EOF || fclose(f)) {
		perror(ready);
		return 1;
	}
	init_msgs(NULL);
	/* After the signal, until RECV_IDLE ticks bring nothing. */
	while (idle < RECV_IDLE) {
		int n = recvmmsg(fd, msgs, BATCH, MSG_DONTWAIT, NULL);

		if (n < 0) {
			if (errno != EAGAIN && errno != EINTR) {
				perror("recvmmsg");
				return 1;
			}
			if (stop)
				idle++;
			sleep_until(now_ns() + RECV_TICK);
			continue;
		}
		idle = 0;
		for (int i = 0; i < n; i++) {
			uint64_t q = bufs[i].seq;

			if (msgs[i].msg_len != sizeof(bufs[i]) || bufs[i].magic != MAGIC ||
			    q >= MAX_SEQ || seen[q / 8] & (1u << (q % 8)))
				continue;
			seen[q / 8] |= 1u << (q % 8);
			sent_ns[q] = bufs[i].sent_ns;
			received++;
			if ((int64_t)q > last)
				last = q;
		}
	}
	run = 0;
	for (s = 0; s <= last; s++) {
		if (!(seen[s / 8] & (1u << (s % 8)))) {
			run++;
			continue;
		}
		if (run) {
			holes++;
			if (run > hole_len) {
				hole_len = run;
				hole_start = s - run;
				hole_ns = s > (int64_t)run ? sent_ns[s] - sent_ns[s - run - 1] : 0;
			}
		}
		run = 0;
	}
	getsockopt(fd, SOL_SOCKET, SO_MEMINFO, meminfo, &mlen);
	printf("received %llu last %lld hole_start %llu hole_len %llu hole_us %llu holes %llu drops %u\n",
	       (unsigned long long)received, (long long)last,
	       (unsigned long long)hole_start, (unsigned long long)hole_len,
	       (unsigned long long)(hole_ns / 1000), (unsigned long long)holes,
	       meminfo[SK_MEMINFO_DROPS]);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 6 && !strcmp(argv[1], "send")) {
		long port = strtol(argv[3], NULL, 10), rate = strtol(argv[4], NULL, 10);
		long ms = strtol(argv[5], NULL, 10);

		if (port < 1 || port > 65535 || rate < 1 || rate > 1000000 ||
		    ms < 1 || (uint64_t)rate * ms / 1000 >= MAX_SEQ) {
			fprintf(stderr, "bad PORT, RATE or MS\n");
			return 2;
		}
		return do_send(argv[2], port, rate, ms);
	}
	if (argc == 4 && !strcmp(argv[1], "recv")) {
		long port = strtol(argv[2], NULL, 10);

		if (port < 1 || port > 65535) {
			fprintf(stderr, "bad PORT\n");
			return 2;
		}
		return do_recv(port, argv[3]);
	}
	fprintf(stderr, "usage: %s send DST PORT RATE MS\n"
		"       %s recv PORT READY_FILE\n", argv[0], argv[0]);
	return 2;
}
