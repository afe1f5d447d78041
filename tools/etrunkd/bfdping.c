// SPDX-License-Identifier: GPL-2.0
/*
 * bfdping - run BFD sessions with etrunkd's engine from the command
 * line, for tests, interop and benchmarks. It drives the engine as
 * bfd.h says a daemon does: one epoll, one timerfd per session armed at
 * the session's deadline, one receiving socket per family and type, one
 * sending socket per session (micro-BFD: an AF_PACKET socket on the
 * member), signals through a signalfd.
 *
 * Prints each state change with its CLOCK_MONOTONIC time and, at the
 * end (--duration, SIGINT or SIGTERM), every session's counters.
 * SIGUSR1 applies --tx2/--rx2 (a Poll sequence), SIGUSR2 toggles admin
 * down. -r runs it as etrunkd -r runs: SCHED_FIFO, memory locked (and a
 * timer slack of 1 ns), for benchmarks of loaded hosts.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sched.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "bfd.h"

enum tag_kind { TAG_SESSION, TAG_RX, TAG_MICRO, TAG_SIGNAL };

struct tag {
	enum tag_kind kind;
	int fd;
	uint8_t type;		/* TAG_RX */
	size_t idx;		/* TAG_SESSION */
};

struct sess {
	struct etkd_bfd_session s;
	struct tag timer;
	uint64_t armed;		/* the timerfd's deadline, or NEVER */
	int tx_fd;		/* UDP, or the member's packet socket */
	uint16_t sport;
	uint8_t smac[6];
};

static struct sess *sessions;
static struct etkd_bfd_session **table;
static size_t n_sessions;
static bool json, verbose;
static uint64_t t0;
static uint64_t unknown_drops[__ETKD_BFD_DROP_MAX];
/*
 * How late the timers were handled (now - the deadline armed), over all
 * sessions: a process held back (scheduling, a stalled machine) shows
 * here; a detection time expiring while these stay small points at the
 * packets' way instead.
 */
static uint64_t late_max, late_over_ms[3];	/* > 1, 5, 10 ms */

static void die(const char *what)
{
	fprintf(stderr, "bfdping: %s: %s\n", what, strerror(errno));
	exit(1);
}

/*
 * -r: as etrunkd -r (a modest SCHED_FIFO priority, above every normal
 * task and below the kernel's threaded interrupts at 50; memory locked),
 * and the smallest timer slack for epoll_wait's timeout.
 */
#define RT_PRIORITY 10

static void realtime(void)
{
	struct sched_param sp = { .sched_priority = RT_PRIORITY };

	if (sched_setscheduler(0, SCHED_FIFO, &sp))
		fprintf(stderr, "bfdping: -r: SCHED_FIFO: %s\n", strerror(errno));
	if (mlockall(MCL_CURRENT | MCL_FUTURE))
		fprintf(stderr, "bfdping: -r: mlockall: %s\n", strerror(errno));
	if (prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL))
		fprintf(stderr, "bfdping: -r: timer slack: %s\n", strerror(errno));
}

static void usage(void)
{
	fprintf(stderr,
"usage: bfdping -p PEER [-s SRC] [-m | -M] [-i IF] [--tx MS] [--rx MS]\n"
"               [--mult N] [--auth TYPE:KEYID:KEY] [--local-discr N]\n"
"               [--remote-discr N] [--count N] [--step-addr]\n"
"               [--tx2 MS] [--rx2 MS] [--admin-down] [--duration S]\n"
"               [--json] [-v] [-r]\n"
"  -m multihop (UDP 4784), -M micro-BFD on member -i IF (UDP 6784)\n"
"  TYPE: simple, md5, met-md5, sha1, met-sha1 (or 1..5)\n"
"  --count N: N sessions, discriminators +i, addresses +i with\n"
"  --step-addr; SIGUSR1: intervals --tx2/--rx2, SIGUSR2: admin down\n"
"  -r real-time: SCHED_FIFO priority %d, memory locked, timer slack 1 ns\n",
		RT_PRIORITY);
	exit(2);
}

static void parse_addr(const char *s, struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET6, s, &((struct sockaddr_in6 *)ss)->sin6_addr) == 1)
		ss->ss_family = AF_INET6;
	else if (inet_pton(AF_INET, s, &((struct sockaddr_in *)ss)->sin_addr) == 1)
		ss->ss_family = AF_INET;
	else
		usage();
}

/* Add @n to the address (the low 32 bits), for --step-addr. */
static void addr_add(struct sockaddr_storage *ss, uint32_t n)
{
	uint32_t v, *p;

	if (!ss->ss_family)
		return;
	if (ss->ss_family == AF_INET6)
		p = (uint32_t *)&((struct sockaddr_in6 *)ss)->sin6_addr.s6_addr[12];
	else
		p = &((struct sockaddr_in *)ss)->sin_addr.s_addr;
	memcpy(&v, p, 4);
	v = htonl(ntohl(v) + n);
	memcpy(p, &v, 4);
}

static void parse_auth(char *arg, struct etkd_bfd_auth *a)
{
	static const char *const names[] = {
		"none", "simple", "md5", "met-md5", "sha1", "met-sha1",
	};
	char *type = strtok(arg, ":"), *id = strtok(NULL, ":");
	char *key = strtok(NULL, "");
	unsigned int i;

	if (!type || !id || !key)
		usage();
	a->type = 0;
	for (i = 1; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(type, names[i]) || atoi(type) == (int)i)
			a->type = i;
	a->key_id = atoi(id);
	a->key_len = strlen(key);
	if (!a->type || a->key_len > ETRUNK_BFD_KEY_MAX)
		usage();
	memcpy(a->key, key, a->key_len);
}

static double secs(uint64_t now)
{
	return (double)(now - t0) / 1e9;
}

/*
 * Every received packet moves the detection deadline on, but the next
 * transmission, 10 ms away at most at 10 ms intervals, is nearly always
 * earlier: a timerfd armed no later than the new deadline is left as it
 * is (it fires early, the engine finds nothing due, it is armed again),
 * which saves a timerfd_settime() per packet received, half of the
 * system calls at short intervals. @fired: the timerfd has expired.
 */
static void arm(struct sess *x, bool fired)
{
	uint64_t at = etkd_bfd_next_deadline(&x->s);
	struct itimerspec its = { 0 };

	if (fired)
		x->armed = ETKD_BFD_NEVER;
	if (x->armed != ETKD_BFD_NEVER && x->armed <= at)
		return;
	if (at != ETKD_BFD_NEVER) {
		if (!at)
			at = 1;	/* 0 would disarm */
		its.it_value.tv_sec = at / ETKD_NSEC_PER_SEC;
		its.it_value.tv_nsec = at % ETKD_NSEC_PER_SEC;
	}
	if (timerfd_settime(x->timer.fd, TFD_TIMER_ABSTIME, &its, NULL))
		die("timerfd_settime");
	x->armed = at;
}

static void send_one(struct sess *x, uint64_t now)
{
	uint8_t buf[ETKD_BFD_MAX_LEN];
	int len = etkd_bfd_build_tx(&x->s, buf, sizeof(buf), now);

	if (len < 0)
		return;
	if (x->s.cfg.type == ETRUNK_BFD_MICRO) {
		uint8_t frame[ETKD_BFD_MICRO_FRAME_MAX];
		struct sockaddr_storage src = x->s.cfg.local;
		int fl;

		if (src.ss_family == AF_INET6)
			((struct sockaddr_in6 *)&src)->sin6_port = htons(x->sport);
		else
			((struct sockaddr_in *)&src)->sin_port = htons(x->sport);
		fl = etkd_bfd_micro_build(frame, sizeof(frame), x->smac, &src,
					  &x->s.cfg.peer, buf, len);
		if (fl < 0 || etkd_bfd_micro_send(x->tx_fd, x->s.cfg.ifindex,
						  frame, fl))
			if (verbose)
				fprintf(stderr, "micro send: %s\n",
					strerror(errno));
		return;
	}
	if (etkd_bfd_send(x->tx_fd, buf, len, &x->s.cfg.peer, x->s.cfg.type) &&
	    verbose)
		fprintf(stderr, "send: %s\n", strerror(errno));
}

static void report(struct sess *x, unsigned int ev, uint8_t old,
		   uint64_t now)
{
	size_t i = x - sessions;
	const struct etkd_bfd_session *s = &x->s;

	if (ev & ETKD_BFD_EV_STATE) {
		if (json)
			printf("{\"t\":%.6f,\"mono\":%.6f,\"session\":%zu,"
			       "\"event\":\"state\",\"from\":\"%s\","
			       "\"state\":\"%s\",\"diag\":\"%s\","
			       "\"remote_diag\":\"%s\"}\n", secs(now),
			       now / 1e9, i,
			       etkd_bfd_state_name(old),
			       etkd_bfd_state_name(s->state),
			       etkd_bfd_diag_name(s->diag),
			       etkd_bfd_diag_name(s->remote_diag));
		else
			printf("%.6f session %zu %s -> %s diag %s remote-diag %s\n",
			       secs(now), i, etkd_bfd_state_name(old),
			       etkd_bfd_state_name(s->state),
			       etkd_bfd_diag_name(s->diag),
			       etkd_bfd_diag_name(s->remote_diag));
	}
	if (ev & (ETKD_BFD_EV_TIMERS | ETKD_BFD_EV_POLL_DONE) && verbose) {
		if (json)
			printf("{\"t\":%.6f,\"session\":%zu,\"event\":\"%s\","
			       "\"tx_interval\":%u,\"detect_time\":%u}\n",
			       secs(now), i,
			       ev & ETKD_BFD_EV_POLL_DONE ? "poll_done" : "timers",
			       s->tx_interval, s->detect_time);
		else
			printf("%.6f session %zu %s tx %u us detect %u us\n",
			       secs(now), i,
			       ev & ETKD_BFD_EV_POLL_DONE ? "poll-done" : "timers",
			       s->tx_interval, s->detect_time);
	}
	fflush(stdout);
}

static void handle(struct sess *x, unsigned int ev, uint8_t old,
		   uint64_t now, bool fired)
{
	report(x, ev, old, now);
	if (ev & ETKD_BFD_EV_TX)
		send_one(x, now);
	arm(x, fired);
}

static void on_rx(const uint8_t *buf, ssize_t n, const struct etkd_bfd_rxinfo *info,
		  uint8_t type)
{
	struct etkd_bfd_session *s;
	enum etkd_bfd_drop why;
	struct sess *x;
	uint64_t now = etkd_bfd_now();
	uint8_t old;
	unsigned int ev;

	s = etkd_bfd_lookup(table, n_sessions, type, buf, n, info);
	if (!s) {
		unknown_drops[ETKD_BFD_DROP_NO_SESSION]++;
		return;
	}
	x = (struct sess *)s;	/* s is the first member */
	old = s->state;
	ev = etkd_bfd_rx(s, buf, n, info->ttl, now, &why);
	if (why && verbose)
		fprintf(stderr, "%.6f session %zu drop %s\n", secs(now),
			(size_t)(x - sessions), etkd_bfd_drop_name(why));
	handle(x, ev, old, now, false);
}

static void print_counters(void)
{
	size_t i;
	int d;

	if (json)
		printf("{\"event\":\"counters\",\"sessions\":[");
	for (i = 0; i < n_sessions; i++) {
		const struct etkd_bfd_session *s = &sessions[i].s;
		const struct etkd_bfd_counters *c = &s->cnt;

		if (json) {
			printf("%s{\"session\":%zu,\"state\":\"%s\","
			       "\"remote_state\":\"%s\",\"diag\":\"%s\","
			       "\"local_discr\":%u,\"remote_discr\":%u,"
			       "\"tx_interval\":%u,\"detect_time\":%u,"
			       "\"remote_min_tx\":%u,\"remote_min_rx\":%u,"
			       "\"remote_mult\":%u,\"adv_tx\":%u,\"adv_rx\":%u,"
			       "\"tx\":%llu,\"rx\":%llu,\"drops\":%llu,"
			       "\"auth_failures\":%llu,\"ups\":%llu,"
			       "\"downs\":%llu,\"polls\":%llu,\"drop\":{",
			       i ? "," : "", i, etkd_bfd_state_name(s->state),
			       etkd_bfd_state_name(s->remote_state),
			       etkd_bfd_diag_name(s->diag), s->cfg.local_discr,
			       s->remote_discr, s->tx_interval, s->detect_time,
			       s->remote_min_tx, s->remote_min_rx,
			       s->remote_mult, s->adv_tx, s->adv_rx,
			       (unsigned long long)c->tx,
			       (unsigned long long)c->rx,
			       (unsigned long long)c->drops,
			       (unsigned long long)c->auth_failures,
			       (unsigned long long)c->ups,
			       (unsigned long long)c->downs,
			       (unsigned long long)c->polls);
			for (d = 1; d <= ETKD_BFD_DROP_MAX; d++)
				printf("%s\"%s\":%llu", d > 1 ? "," : "",
				       etkd_bfd_drop_name(d),
				       (unsigned long long)c->drop[d]);
			printf("}}");
			continue;
		}
		printf("session %zu: %s (remote %s) diag %s discr %u/%u tx %u us "
		       "detect %u us; tx %llu rx %llu drops %llu auth %llu "
		       "ups %llu downs %llu polls %llu\n", i,
		       etkd_bfd_state_name(s->state),
		       etkd_bfd_state_name(s->remote_state),
		       etkd_bfd_diag_name(s->diag), s->cfg.local_discr,
		       s->remote_discr, s->tx_interval, s->detect_time,
		       (unsigned long long)c->tx, (unsigned long long)c->rx,
		       (unsigned long long)c->drops,
		       (unsigned long long)c->auth_failures,
		       (unsigned long long)c->ups,
		       (unsigned long long)c->downs,
		       (unsigned long long)c->polls);
		for (d = 1; d <= ETKD_BFD_DROP_MAX; d++)
			if (c->drop[d])
				printf("  drop %s %llu\n", etkd_bfd_drop_name(d),
				       (unsigned long long)c->drop[d]);
	}
	if (json)
		printf("],\"no_session\":%llu,\"timer_late_max_us\":%llu,"
		       "\"timer_late_1ms\":%llu,\"timer_late_5ms\":%llu,"
		       "\"timer_late_10ms\":%llu}\n",
		       (unsigned long long)unknown_drops[ETKD_BFD_DROP_NO_SESSION],
		       (unsigned long long)(late_max / 1000),
		       (unsigned long long)late_over_ms[0],
		       (unsigned long long)late_over_ms[1],
		       (unsigned long long)late_over_ms[2]);
	else
		printf("no session: %llu\ntimers late: max %llu us, > 1 ms %llu, "
		       "> 5 ms %llu, > 10 ms %llu\n",
		       (unsigned long long)unknown_drops[ETKD_BFD_DROP_NO_SESSION],
		       (unsigned long long)(late_max / 1000),
		       (unsigned long long)late_over_ms[0],
		       (unsigned long long)late_over_ms[1],
		       (unsigned long long)late_over_ms[2]);
	fflush(stdout);
}

static int epfd;

static void add_fd(int fd, struct tag *t)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.ptr = t };

	if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev))
		die("epoll_ctl");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "tx", 1, NULL, 't' }, { "rx", 1, NULL, 'y' },
		{ "mult", 1, NULL, 'x' }, { "auth", 1, NULL, 'a' },
		{ "local-discr", 1, NULL, 'L' }, { "remote-discr", 1, NULL, 'R' },
		{ "count", 1, NULL, 'c' }, { "step-addr", 0, NULL, 'S' },
		{ "tx2", 1, NULL, 'T' }, { "rx2", 1, NULL, 'X' },
		{ "admin-down", 0, NULL, 'A' }, { "duration", 1, NULL, 'd' },
		{ "json", 0, NULL, 'j' }, { "verbose", 0, NULL, 'v' },
		{ "realtime", 0, NULL, 'r' },
		{ "help", 0, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	struct etkd_bfd_cfg cfg = {
		.type = ETRUNK_BFD_SINGLE_HOP,
		.min_tx = ETRUNK_BFD_DEFAULT_INTERVAL,
		.min_rx = ETRUNK_BFD_DEFAULT_INTERVAL,
		.mult = ETRUNK_BFD_DEFAULT_MULT,
	};
	uint32_t local_discr = 0, remote_discr = 0, tx2 = 0, rx2 = 0;
	struct tag rx_tags[1], sig_tag = { .kind = TAG_SIGNAL };
	const char *ifname = NULL;
	bool step = false, have_peer = false, rt = false;
	double duration = 0;
	uint64_t end = ETKD_BFD_NEVER, now;
	size_t count = 1, i;
	int c, fam, micro_fd = -1;
	struct tag micro_tag = { .kind = TAG_MICRO };
	sigset_t set;

	while ((c = getopt_long(argc, argv, "p:s:mMi:jvrh", opts, NULL)) != -1) {
		switch (c) {
		case 'p': parse_addr(optarg, &cfg.peer); have_peer = true; break;
		case 's': parse_addr(optarg, &cfg.local); break;
		case 'm': cfg.type = ETRUNK_BFD_MULTIHOP; break;
		case 'M': cfg.type = ETRUNK_BFD_MICRO; break;
		case 'i': ifname = optarg; break;
		case 't': cfg.min_tx = atoi(optarg) * 1000; break;
		case 'y': cfg.min_rx = atoi(optarg) * 1000; break;
		case 'x': cfg.mult = atoi(optarg); break;
		case 'a': parse_auth(optarg, &cfg.auth); break;
		case 'L': local_discr = strtoul(optarg, NULL, 0); break;
		case 'R': remote_discr = strtoul(optarg, NULL, 0); break;
		case 'c': count = strtoul(optarg, NULL, 0); break;
		case 'S': step = true; break;
		case 'T': tx2 = atoi(optarg) * 1000; break;
		case 'X': rx2 = atoi(optarg) * 1000; break;
		case 'A': cfg.admin_down = true; break;
		case 'd': duration = atof(optarg); break;
		case 'j': json = true; break;
		case 'v': verbose = true; break;
		case 'r': rt = true; break;
		default: usage();
		}
	}
	if (!have_peer || !count || count > ETRUNK_BFD_MAX_SESSIONS ||
	    (cfg.local.ss_family && cfg.local.ss_family != cfg.peer.ss_family) ||
	    (cfg.type == ETRUNK_BFD_MICRO && (!ifname || !cfg.local.ss_family)))
		usage();
	if (ifname) {
		cfg.ifindex = if_nametoindex(ifname);
		if (!cfg.ifindex)
			die(ifname);
	}
	if (cfg.type == ETRUNK_BFD_MULTIHOP) {
		cfg.ifindex = 0;
		ifname = NULL;
	}
	if (!local_discr)
		local_discr = ((uint32_t)getpid() << 10) | 1;

	if (rt)
		realtime();
	epfd = epoll_create1(EPOLL_CLOEXEC);
	if (epfd < 0)
		die("epoll_create1");
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sig_tag.fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	if (sig_tag.fd < 0)
		die("signalfd");
	add_fd(sig_tag.fd, &sig_tag);

	fam = cfg.peer.ss_family;
	if (cfg.type == ETRUNK_BFD_MICRO) {
		micro_fd = etkd_bfd_micro_socket(cfg.ifindex);
		if (micro_fd < 0)
			die("micro socket");
		micro_tag.fd = micro_fd;
		add_fd(micro_fd, &micro_tag);
	} else {
		rx_tags[0] = (struct tag){ .kind = TAG_RX, .type = cfg.type };
		/* The interface binds the single-hop receiver too. */
		rx_tags[0].fd = etkd_bfd_rx_socket(fam, cfg.type, ifname);
		if (rx_tags[0].fd < 0)
			die("rx socket");
		add_fd(rx_tags[0].fd, &rx_tags[0]);
	}

	sessions = calloc(count, sizeof(*sessions));
	table = calloc(count, sizeof(*table));
	if (!sessions || !table)
		die("calloc");
	now = etkd_bfd_now();
	t0 = now;
	for (i = 0; i < count; i++) {
		struct sess *x = &sessions[i];
		struct etkd_bfd_cfg sc = cfg;

		sc.local_discr = local_discr + i;
		sc.remote_discr = remote_discr ? remote_discr + i : 0;
		if (step) {
			addr_add(&sc.peer, i);
			addr_add(&sc.local, i);
		}
		if (etkd_bfd_session_init(&x->s, &sc, now)) {
			fprintf(stderr, "bfdping: invalid configuration\n");
			return 2;
		}
		table[i] = &x->s;
		n_sessions = i + 1;
		if (cfg.type == ETRUNK_BFD_MICRO) {
			x->tx_fd = micro_fd;
			x->sport = ETKD_BFD_SPORT_MIN + sc.local_discr % 16384;
			if (etkd_bfd_ifmac(cfg.ifindex, x->smac))
				die("interface MAC");
		} else {
			x->tx_fd = etkd_bfd_tx_socket(&sc.peer, &sc.local, ifname,
						      sc.local_discr, &x->sport);
			if (x->tx_fd < 0)
				die("tx socket");
		}
		x->timer = (struct tag){ .kind = TAG_SESSION, .idx = i };
		x->timer.fd = timerfd_create(CLOCK_MONOTONIC,
					     TFD_NONBLOCK | TFD_CLOEXEC);
		if (x->timer.fd < 0)
			die("timerfd_create");
		add_fd(x->timer.fd, &x->timer);
		x->armed = ETKD_BFD_NEVER;
		arm(x, false);
	}
	if (json)
		printf("{\"event\":\"start\",\"sessions\":%zu,\"local_discr\":%u,"
		       "\"monotonic\":%.6f}\n", count, local_discr, t0 / 1e9);
	else
		printf("bfdping: %zu session(s), local discriminator %u, t0 %.6f\n",
		       count, local_discr, t0 / 1e9);
	fflush(stdout);
	if (duration > 0)
		end = t0 + (uint64_t)(duration * 1e9);

	for (;;) {
		struct epoll_event evs[64];
		int n, k, timeout = -1;

		now = etkd_bfd_now();
		if (end != ETKD_BFD_NEVER) {
			if (now >= end)
				break;
			timeout = (int)((end - now) / 1000000) + 1;
		}
		n = epoll_wait(epfd, evs, 64, timeout);
		if (n < 0 && errno != EINTR)
			die("epoll_wait");
		/* Two passes: packets first, then timers (see bfd.h). */
		for (k = 0; k < 2 * n; k++) {
			struct tag *t = evs[k % n].data.ptr;
			uint8_t buf[2048];
			struct etkd_bfd_rxinfo info;
			const uint8_t *pl;
			ssize_t len;

			if ((k < n) == (t->kind == TAG_SESSION))
				continue;
			now = etkd_bfd_now();
			if (t->kind == TAG_SESSION) {
				struct sess *x = &sessions[t->idx];
				uint64_t exp;
				uint8_t old = x->s.state;

				if (read(t->fd, &exp, sizeof(exp)) < 0 &&
				    errno != EAGAIN)
					die("timerfd read");
				if (x->armed != ETKD_BFD_NEVER && now > x->armed) {
					uint64_t late = now - x->armed;

					if (late > late_max)
						late_max = late;
					late_over_ms[0] += late > 1000000;
					late_over_ms[1] += late > 5000000;
					late_over_ms[2] += late > 10000000;
				}
				handle(x, etkd_bfd_on_timer(&x->s, now), old,
				       now, true);
			} else if (t->kind == TAG_RX) {
				while ((len = etkd_bfd_recv(t->fd, buf,
							    sizeof(buf),
							    &info)) >= 0)
					on_rx(buf, len, &info, t->type);
			} else if (t->kind == TAG_MICRO) {
				while ((len = etkd_bfd_micro_recv(t->fd, buf,
								  sizeof(buf),
								  &pl,
								  &info)) >= 0)
					if (len > 0)
						on_rx(pl, len, &info,
						      ETRUNK_BFD_MICRO);
			} else {
				struct signalfd_siginfo si;

				if (read(t->fd, &si, sizeof(si)) !=
				    sizeof(si))
					continue;
				if (si.ssi_signo == SIGINT ||
				    si.ssi_signo == SIGTERM)
					goto out;
				for (i = 0; i < n_sessions; i++) {
					struct sess *x = &sessions[i];
					struct etkd_bfd_cfg nc = x->s.cfg;
					uint8_t old = x->s.state;
					int ev;

					if (si.ssi_signo == SIGUSR1) {
						if (tx2)
							nc.min_tx = tx2;
						if (rx2)
							nc.min_rx = rx2;
					} else {
						nc.admin_down = !nc.admin_down;
					}
					ev = etkd_bfd_reconfigure(&x->s, &nc,
								  now);
					if (ev >= 0)
						handle(x, ev, old, now, false);
				}
			}
		}
	}
out:
	print_counters();
	return 0;
}
