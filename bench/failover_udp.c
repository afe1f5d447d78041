// SPDX-License-Identifier: GPL-2.0
/*
 * failover_udp: a constant-rate UDP stream and its receiver, for
 * bench/failover.sh, bench/lacp.sh and bench/etrunkd.sh (which build it).
 *
 *   failover_udp send DST PORT RATE MS [FLOWS]
 *   failover_udp recv PORT READY_FILE [NETNS...]
 *
 * send: RATE datagrams per second to DST:PORT (IPv4) for MS milliseconds
 * or until SIGTERM or SIGINT, datagram i carrying the sequence number i
 * and the time it was sent. Datagram i is due at start + i / RATE on
 * CLOCK_MONOTONIC. The sender wakes once a millisecond (absolute
 * deadlines, so the rate does not drift) and sends what is due with
 * sendmmsg(): a timer wake-up per datagram costs too much under
 * emulation. With FLOWS (1 to 64, default 1) above 1, datagram i goes
 * from source port 40000 + i % FLOWS, so a layer 3+4 hash may spread the
 * stream; one flow has any source port. Prints
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
 *
 * recv with NETNS names (/run/netns/NETNS, at most 8): a socket bound to
 * PORT in each of these network namespaces instead of one in its own,
 * all counted as one stream (for a stream that may arrive at any of
 * them, as at two chassis sharing an address); drops are their sum. The
 * line above is followed by one per namespace,
 *
 *   netns NETNS received N drops D
 *
 * N the datagrams of the stream that socket received.
 *
 * Then, on a line of its own,
 *
 *   hole_sent_ns before B after A
 *
 * the send times (CLOCK_MONOTONIC, ns) of the datagrams received just
 * before and just after the longest run above (0: none, at that end): to
 * set the hole beside other events on the same clock, such as etrunkd's
 * log. Then every run of missing sequence numbers below S, in order (at
 * most 100000),
 *
 *   hole start H len L before_ns B after_ns A
 *
 * for a caller that knows when its failure came and wants the hole it
 * caused rather than the longest (a stalled guest makes holes of its own).
 *
 * A stream of several flows is followed by
 *
 *   flows F worst_flow W flow_hole_len L flow_hole_us T
 *
 * of the flow with the longest run of lost datagrams (W): L datagrams of
 * that flow (a run up to S counts too; so does one before the first
 * datagram of the flow received), T as hole_us for that run.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/sock_diag.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
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
#define MAX_NETNS 8
#define MAX_FLOWS 64
#define FLOW_PORT 40000		/* flow k's source port: FLOW_PORT + k */

struct payload {
	uint32_t magic;
	uint16_t flow;		/* seq % flows */
	uint16_t flows;
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

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void on_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
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

/* Send @k prepared datagrams on @fd; counts into @sent and @errors. */
static void send_batch(int fd, unsigned int k, uint64_t *sent, uint64_t *errors)
{
	for (unsigned int done = 0; done < k; ) {
		int r = sendmmsg(fd, msgs + done, k - done, 0);

		if (r > 0) {
			*sent += r;
			done += r;
		} else {
			/* Count the one refused, go on with the rest. */
			(*errors)++;
			done++;
		}
	}
}

static int do_send(const char *dst, long port, long rate, long ms, long flows)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(port) };
	uint64_t n, i = 0, t0, late_max = 0, late = 0, sent = 0, errors = 0;
	int fds[MAX_FLOWS];

	if (inet_pton(AF_INET, dst, &sin.sin_addr) != 1) {
		fprintf(stderr, "bad IPv4 address %s\n", dst);
		return 2;
	}
	for (long f = 0; f < flows; f++) {
		struct sockaddr_in src = {
			.sin_family = AF_INET,
			.sin_port = htons(FLOW_PORT + f),
		};

		fds[f] = socket(AF_INET, SOCK_DGRAM, 0);
		if (fds[f] < 0) {
			perror("socket");
			return 1;
		}
		/* One flow: any source port, as it always was. */
		if (flows > 1 && bind(fds[f], (struct sockaddr *)&src, sizeof(src))) {
			perror("bind");
			return 1;
		}
	}
	init_msgs(&sin);
	on_signals();
	/* Wake up when asked, not up to 50 us later. */
	prctl(PR_SET_TIMERSLACK, 1UL);
	n = (uint64_t)rate * ms / 1000;
	t0 = now_ns() + SEND_TICK;
	while (i < n && !stop) {
		uint64_t due = t0 + i * NSEC / rate, t = now_ns(), end = i;

		if (t < due) {
			/* The first tick at or after it is due. */
			sleep_until(t0 + (due - t0 + SEND_TICK - 1) / SEND_TICK * SEND_TICK);
			t = now_ns();
		}
		late = t - due;
		if (late > late_max)
			late_max = late;
		while (end < n && end - i < BATCH && t0 + end * NSEC / rate <= t)
			end++;
		/* What is due, flow by flow, each on its own socket. */
		for (long f = 0; f < flows; f++) {
			uint64_t q = i + ((uint64_t)f + flows - i % flows) % flows;
			unsigned int k = 0;

			for (; q < end; q += flows, k++)
				bufs[k] = (struct payload){
					.magic = MAGIC, .flow = f, .flows = flows,
					.seq = q, .sent_ns = t,
				};
			send_batch(fds[f], k, &sent, &errors);
		}
		i = end;
	}
	printf("sent %llu errors %llu late_max_us %llu late_end_us %llu\n",
	       (unsigned long long)(sent + errors), (unsigned long long)errors,
	       (unsigned long long)(late_max / 1000), (unsigned long long)(late / 1000));
	return 0;
}

static uint8_t seen[MAX_SEQ / 8];
static uint64_t sent_ns[MAX_SEQ];

/* Of the flows (datagram s on flow s % @flows), the one with the longest
 * run of lost datagrams up to @last: its number, the run's length (in
 * datagrams of that flow; a run up to @last counts too) and the time
 * between the sending of the datagrams received just before and just
 * after it (0 if it is at either end).
 */
static void print_flows(unsigned int flows, int64_t last)
{
	uint64_t worst_len = 0, worst_ns = 0;
	unsigned int worst = 0;

	for (unsigned int f = 0; f < flows; f++) {
		int64_t prev = -1, s;
		uint64_t run = 0;

		for (s = f; s <= last; s += flows) {
			if (!(seen[s / 8] & (1u << (s % 8)))) {
				run++;
				continue;
			}
			if (run > worst_len) {
				worst = f;
				worst_len = run;
				worst_ns = prev >= 0 ? sent_ns[s] - sent_ns[prev] : 0;
			}
			run = 0;
			prev = s;
		}
		if (run > worst_len) {
			worst = f;
			worst_len = run;
			worst_ns = 0;
		}
	}
	printf("flows %u worst_flow %u flow_hole_len %llu flow_hole_us %llu\n",
	       flows, worst, (unsigned long long)worst_len,
	       (unsigned long long)(worst_ns / 1000));
}

/* A UDP socket bound to @port; in namespace @netns unless NULL. */
static int recv_socket(long port, const char *netns)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(port) };
	int fd, size = 8 << 20;

	if (netns) {
		char path[256];
		int nsfd;

		snprintf(path, sizeof(path), "/run/netns/%s", netns);
		nsfd = open(path, O_RDONLY | O_CLOEXEC);
		if (nsfd < 0 || setns(nsfd, CLONE_NEWNET)) {
			perror(path);
			return -1;
		}
		close(nsfd);
	}
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		perror("socket");
		return -1;
	}
	/* Room for a second of the stream if this process is slow to run. */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin))) {
		perror("bind");
		return -1;
	}
	return fd;
}

static int do_recv(long port, const char *ready, char **netns, int n_netns)
{
	uint64_t received = 0, holes = 0, hole_start = 0, hole_len = 0, hole_ns = 0, run;
	uint64_t hole_before = 0, hole_after = 0;
	uint64_t per_fd[MAX_NETNS] = { 0 };
	uint32_t drops[MAX_NETNS] = { 0 }, all_drops = 0;
	int fds[MAX_NETNS], n_fds = n_netns ? n_netns : 1;
	int64_t last = -1, s;
	unsigned int flows = 1;
	int idle = 0;
	FILE *f;

	on_signals();
	for (int k = 0; k < n_fds; k++) {
		fds[k] = recv_socket(port, n_netns ? netns[k] : NULL);
		if (fds[k] < 0)
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
		bool got = false;

		for (int k = 0; k < n_fds; k++) {
			int n = recvmmsg(fds[k], msgs, BATCH, MSG_DONTWAIT, NULL);

			if (n < 0) {
				if (errno != EAGAIN && errno != EINTR) {
					perror("recvmmsg");
					return 1;
				}
				continue;
			}
			got = true;
			for (int i = 0; i < n; i++) {
				uint64_t q = bufs[i].seq;

				if (msgs[i].msg_len != sizeof(bufs[i]) ||
				    bufs[i].magic != MAGIC || q >= MAX_SEQ)
					continue;
				per_fd[k]++;
				if (bufs[i].flows > flows)
					flows = bufs[i].flows;
				if (seen[q / 8] & (1u << (q % 8)))
					continue;
				seen[q / 8] |= 1u << (q % 8);
				sent_ns[q] = bufs[i].sent_ns;
				received++;
				if ((int64_t)q > last)
					last = q;
			}
		}
		if (got) {
			idle = 0;
			continue;
		}
		if (stop)
			idle++;
		sleep_until(now_ns() + RECV_TICK);
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
				hole_before = s > (int64_t)run ? sent_ns[s - run - 1] : 0;
				hole_after = sent_ns[s];
			}
		}
		run = 0;
	}
	for (int k = 0; k < n_fds; k++) {
		uint32_t meminfo[SK_MEMINFO_VARS] = { 0 };
		socklen_t mlen = sizeof(meminfo);

		getsockopt(fds[k], SOL_SOCKET, SO_MEMINFO, meminfo, &mlen);
		drops[k] = meminfo[SK_MEMINFO_DROPS];
		all_drops += drops[k];
	}
	printf("received %llu last %lld hole_start %llu hole_len %llu hole_us %llu holes %llu drops %u\n",
	       (unsigned long long)received, (long long)last,
	       (unsigned long long)hole_start, (unsigned long long)hole_len,
	       (unsigned long long)(hole_ns / 1000), (unsigned long long)holes,
	       all_drops);
	for (int k = 0; k < n_netns; k++)
		printf("netns %s received %llu drops %u\n", netns[k],
		       (unsigned long long)per_fd[k], drops[k]);
	printf("hole_sent_ns before %llu after %llu\n",
	       (unsigned long long)hole_before, (unsigned long long)hole_after);
	run = 0;
	holes = 0;
	for (s = 0; s <= last && holes < 100000; s++) {
		if (!(seen[s / 8] & (1u << (s % 8)))) {
			run++;
			continue;
		}
		if (run) {
			holes++;
			printf("hole start %llu len %llu before_ns %llu after_ns %llu\n",
			       (unsigned long long)(s - run), (unsigned long long)run,
			       (unsigned long long)(s > (int64_t)run ? sent_ns[s - run - 1] : 0),
			       (unsigned long long)sent_ns[s]);
		}
		run = 0;
	}
	if (flows > 1)
		print_flows(flows, last);
	return 0;
}

int main(int argc, char **argv)
{
	if ((argc == 6 || argc == 7) && !strcmp(argv[1], "send")) {
		long port = strtol(argv[3], NULL, 10), rate = strtol(argv[4], NULL, 10);
		long ms = strtol(argv[5], NULL, 10);
		long flows = argc == 7 ? strtol(argv[6], NULL, 10) : 1;

		if (port < 1 || port > 65535 || rate < 1 || rate > 1000000 ||
		    ms < 1 || (uint64_t)rate * ms / 1000 >= MAX_SEQ ||
		    flows < 1 || flows > MAX_FLOWS) {
			fprintf(stderr, "bad PORT, RATE, MS or FLOWS\n");
			return 2;
		}
		return do_send(argv[2], port, rate, ms, flows);
	}
	if (argc >= 4 && argc <= 4 + MAX_NETNS && !strcmp(argv[1], "recv")) {
		long port = strtol(argv[2], NULL, 10);

		if (port < 1 || port > 65535) {
			fprintf(stderr, "bad PORT\n");
			return 2;
		}
		return do_recv(port, argv[3], argv + 4, argc - 4);
	}
	fprintf(stderr, "usage: %s send DST PORT RATE MS [FLOWS]\n"
		"       %s recv PORT READY_FILE [NETNS...]\n", argv[0], argv[0]);
	return 2;
}
