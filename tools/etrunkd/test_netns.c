// SPDX-License-Identifier: GPL-2.0
/*
 * test_netns.c - hellos over real UDP between two network namespaces
 * joined by a veth pair, over IPv4 (192.0.2.0/24), IPv6 (2001:db8::/64)
 * and IPv4 into a dual-stack IPv6 socket: a hello signed on one side is
 * accepted on the other, and a replayed copy, a copy from another
 * address of the sender, a tampered and an unsigned one are dropped for
 * their reasons, without moving the replay window.
 *
 * Needs root, `ip` and network namespaces with veth; without them it
 * exits 4 (skip). The namespaces carry the process id in their names and
 * are deleted at exit.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "epoch.h"
#include "rx.h"
#include "test.h"

static const uint8_t key[] = "key of the E-Trunk";
#define KEY_LEN (sizeof(key) - 1)
static const uint8_t sysid_a[ETKD_SYSID_LEN] = { 0x02, 0, 0x5e, 0, 0, 0xa };
static const uint8_t sysid_b[ETKD_SYSID_LEN] = { 0x02, 0, 0x5e, 0, 0, 0xb };

static char ns_a[32], ns_b[32];
static bool made_a, made_b;

static int run(const char *fmt, ...) __printf(1, 2);

/* Run an ip command quietly; 0 if it succeeded. */
static int run(const char *fmt, ...)
{
	char cmd[512];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	strncat(cmd, " >/dev/null 2>&1", sizeof(cmd) - strlen(cmd) - 1);
	rc = system(cmd);
	if (rc)
		diag("failed: %s", cmd);
	return rc;
}

static void cleanup(void)
{
	if (made_a)
		run("ip netns del %s", ns_a);
	if (made_b)
		run("ip netns del %s", ns_b);
	made_a = false;
	made_b = false;
}

static void on_signal(int sig)
{
	(void)sig;
	exit(1);	/* runs cleanup() */
}

static void skip(const char *why)
{
	printf("1..0 # SKIP %s\n", why);
	cleanup();
	exit(TEST_SKIP);
}

/* Two namespaces, a veth pair between them, A with .1 and .3 (::1, ::3),
 * B with .2 (::2).
 */
static void setup(void)
{
	char va[16], vb[16];
	int pid = getpid();

	if (geteuid())
		skip("not root");
	if (system("ip -V >/dev/null 2>&1"))
		skip("no ip command");
	snprintf(ns_a, sizeof(ns_a), "etkd-a-%d", pid);
	snprintf(ns_b, sizeof(ns_b), "etkd-b-%d", pid);
	snprintf(va, sizeof(va), "etkda%d", pid % 1000000);
	snprintf(vb, sizeof(vb), "etkdb%d", pid % 1000000);
	atexit(cleanup);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);

	made_a = !run("ip netns add %s", ns_a);
	made_b = made_a && !run("ip netns add %s", ns_b);
	if (!made_a || !made_b)
		skip("cannot create network namespaces");
	if (run("ip -n %s link add %s type veth peer name %s netns %s", ns_a,
		va, vb, ns_b))
		skip("cannot create a veth pair");
	if (run("ip -n %s addr add 192.0.2.1/24 dev %s", ns_a, va) ||
	    run("ip -n %s addr add 192.0.2.3/24 dev %s", ns_a, va) ||
	    run("ip -n %s addr add 2001:db8::1/64 dev %s nodad", ns_a, va) ||
	    run("ip -n %s addr add 2001:db8::3/64 dev %s nodad", ns_a, va) ||
	    run("ip -n %s addr add 192.0.2.2/24 dev %s", ns_b, vb) ||
	    run("ip -n %s addr add 2001:db8::2/64 dev %s nodad", ns_b, vb) ||
	    run("ip -n %s link set %s up", ns_a, va) ||
	    run("ip -n %s link set %s up", ns_b, vb)) {
		ok(false, "set up the namespaces");
		exit(test_end());
	}
}

struct addr {
	struct sockaddr_storage ss;
	socklen_t len;
};

static struct addr mkaddr(const char *ip, uint16_t port)
{
	struct addr a;

	memset(&a, 0, sizeof(a));
	if (strchr(ip, ':')) {
		struct sockaddr_in6 *s6 = (void *)&a.ss;

		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
		inet_pton(AF_INET6, ip, &s6->sin6_addr);
		a.len = sizeof(*s6);
	} else {
		struct sockaddr_in *s4 = (void *)&a.ss;

		s4->sin_family = AF_INET;
		s4->sin_port = htons(port);
		inet_pton(AF_INET, ip, &s4->sin_addr);
		a.len = sizeof(*s4);
	}
	return a;
}

/* A UDP socket in namespace @ns bound to @bind_to; for AF_INET6,
 * @v6only 0 makes it dual-stack. -1 on failure.
 */
static int ns_socket(const char *ns, const struct addr *bind_to, int v6only)
{
	int self, fd, sock = -1;
	struct timeval tv = { .tv_sec = 2 };
	char path[128];

	snprintf(path, sizeof(path), "/run/netns/%s", ns);
	self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (self < 0 || fd < 0 || setns(fd, CLONE_NEWNET))
		goto out;
	/* The socket stays in the namespace it was made in. */
	sock = socket(bind_to->ss.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (sock >= 0 && bind_to->ss.ss_family == AF_INET6)
		setsockopt(sock, IPPROTO_IPV6, IPV6_V6ONLY, &v6only,
			   sizeof(v6only));
	if (sock >= 0 &&
	    (setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) ||
	     bind(sock, (const struct sockaddr *)&bind_to->ss, bind_to->len))) {
		diag("bind in %s: %s", ns, strerror(errno));
		close(sock);
		sock = -1;
	}
	if (setns(self, CLONE_NEWNET)) {
		perror("setns back");
		exit(1);
	}
out:
	if (self >= 0)
		close(self);
	if (fd >= 0)
		close(fd);
	return sock;
}

static void hello_init(struct etkd_hello *h, uint64_t epoch, uint64_t seq)
{
	memset(h, 0, sizeof(*h));
	h->group = 1;
	h->priority = 10;
	memcpy(h->sysid, sysid_a, ETKD_SYSID_LEN);
	h->hold_mult = 3;
	h->interval_ms = 1000;
	h->epoch = epoch;
	h->seq = seq;
	h->n_records = 2;
	h->rec[0] = (struct etkd_hello_rec){
		.trunk_id = 1, .peer_trunk_id = 1, .basis = ETKD_BASIS_LINKS,
		.state = ETKD_TRUNK_UP, .role = ETKD_ROLE_MASTER,
		.links = 2, .bandwidth = 20000,
	};
	h->rec[1] = (struct etkd_hello_rec){
		.trunk_id = 2, .peer_trunk_id = 7, .mode = ETKD_MODE_FORCE_BACKUP,
		.state = ETKD_TRUNK_DOWN, .role = ETKD_ROLE_BACKUP,
	};
}

/* Send @len bytes from @s to @to, receive on @r and run them through
 * @rx; the verdict, or -1 if nothing arrived.
 */
static int exchange(int s, int r, const struct addr *to, const uint8_t *buf,
		    size_t len, struct etkd_rx *rx, struct etkd_hello *out)
{
	uint8_t rbuf[2048];
	struct sockaddr_storage from;
	socklen_t from_len = sizeof(from);
	ssize_t n;

	if (sendto(s, buf, len, 0, (const struct sockaddr *)&to->ss,
		   to->len) != (ssize_t)len) {
		diag("sendto: %s", strerror(errno));
		return -1;
	}
	n = recvfrom(r, rbuf, sizeof(rbuf), 0, (struct sockaddr *)&from,
		     &from_len);
	if (n < 0) {
		diag("recvfrom: %s", strerror(errno));
		return -1;
	}
	return etkd_rx_receive(rx, (const struct sockaddr *)&from, from_len,
			       rbuf, n, etkd_tb_clock(), out);
}

static const char *verdict(int v)
{
	return v < 0 ? "nothing received" : etkd_rx_verdict_name(v);
}

/*
 * One family: A sends from @a_ip (and @a_other_ip) to B listening on
 * @b_bind, which expects the peer @peer_ip.
 */
static void exchange_family(const char *what, const char *a_ip,
			    const char *a_other_ip, const char *b_ip,
			    const char *b_bind, int v6only, uint16_t port)
{
	struct addr a = mkaddr(a_ip, port), a2 = mkaddr(a_other_ip, port);
	struct addr b = mkaddr(b_ip, port), bb = mkaddr(b_bind, port);
	struct addr peer = mkaddr(a_ip, port);
	uint8_t buf[ETKD_HELLO_MAX_LEN], first[ETKD_HELLO_MAX_LEN];
	int sa, sa2, sb, v, len, first_len, i;
	struct etkd_hello h, out;
	struct etkd_rx rx;

	sa = ns_socket(ns_a, &a, 1);
	sa2 = ns_socket(ns_a, &a2, 1);
	sb = ns_socket(ns_b, &bb, v6only);
	if (sa < 0 || sa2 < 0 || sb < 0) {
		ok(false, "%s: sockets", what);
		goto out;
	}
	if (etkd_rx_init(&rx, 1, (const struct sockaddr *)&peer.ss, peer.len,
			 sysid_b, key, KEY_LEN, 1000, etkd_tb_clock())) {
		ok(false, "%s: rx init", what);
		goto out;
	}

	hello_init(&h, etkd_epoch_clock(), 1);
	first_len = etkd_hello_encode(&h, key, KEY_LEN, first, sizeof(first));
	v = exchange(sa, sb, &b, first, first_len, &rx, &out);
	ok(v == ETKD_RX_ACCEPT && out.authenticated && out.seq == 1 &&
	   out.n_records == 2 && out.rec[1].peer_trunk_id == 7 &&
	   out.rec[0].bandwidth == 20000 && etkd_hello_find(&out, 1) &&
	   etkd_rx_peer_up(&rx, etkd_tb_clock()),
	   "%s: a signed hello from %s accepted on the other side: %s", what,
	   a_ip, verdict(v));

	v = exchange(sa, sb, &b, first, first_len, &rx, &out);
	ok(v == ETKD_RX_REPLAY, "%s: the same datagram replayed: %s", what,
	   verdict(v));

	hello_init(&h, h.epoch, 2);
	len = etkd_hello_encode(&h, key, KEY_LEN, buf, sizeof(buf));
	v = exchange(sa2, sb, &b, buf, len, &rx, &out);
	ok(v == ETKD_RX_ADDR, "%s: a valid hello from %s, not the peer address: %s",
	   what, a_other_ip, verdict(v));

	buf[len - ETKD_HMAC_LEN - 1] ^= 0x01;	/* the last record's bandwidth */
	v = exchange(sa, sb, &b, buf, len, &rx, &out);
	ok(v == ETKD_RX_AUTH, "%s: tampered in transit: %s", what, verdict(v));

	len = etkd_hello_encode(&h, NULL, 0, buf, sizeof(buf));
	v = exchange(sa, sb, &b, buf, len, &rx, &out);
	ok(v == ETKD_RX_AUTH, "%s: unsigned: %s", what, verdict(v));

	len = etkd_hello_encode(&h, key, KEY_LEN, buf, sizeof(buf));
	v = exchange(sa, sb, &b, buf, len, &rx, &out);
	ok(v == ETKD_RX_ACCEPT && out.seq == 2,
	   "%s: the next hello (sequence 2) accepted after the drops: %s",
	   what, verdict(v));
	v = exchange(sa, sb, &b, first, first_len, &rx, &out);
	ok(v == ETKD_RX_REPLAY && rx.count[ETKD_RX_ACCEPT] == 2 &&
	   rx.count[ETKD_RX_REPLAY] == 2 && rx.count[ETKD_RX_ADDR] == 1 &&
	   rx.count[ETKD_RX_AUTH] == 2,
	   "%s: the first hello replayed late: %s; counters right", what,
	   verdict(v));

	/* 100 forgeries with the peer's address (unsigned, seq 3), at once:
	 * they must not use up the bucket of the peer's real hellos.
	 */
	hello_init(&h, h.epoch, 3);
	len = etkd_hello_encode(&h, NULL, 0, buf, sizeof(buf));
	for (i = 0; i < 100; i++)
		exchange(sa, sb, &b, buf, len, &rx, &out);
	len = etkd_hello_encode(&h, key, KEY_LEN, buf, sizeof(buf));
	v = exchange(sa, sb, &b, buf, len, &rx, &out);
	ok(v == ETKD_RX_ACCEPT && out.seq == 3 && rx.count[ETKD_RX_AUTH] == 102 &&
	   !rx.count[ETKD_RX_RATE],
	   "%s: after 100 forged hellos from the peer's address, its next one accepted: %s",
	   what, verdict(v));
out:
	if (sa >= 0)
		close(sa);
	if (sa2 >= 0)
		close(sa2);
	if (sb >= 0)
		close(sb);
}

int main(void)
{
	setup();
	test_start();
	exchange_family("IPv4", "192.0.2.1", "192.0.2.3", "192.0.2.2",
			"192.0.2.2", 1, ETKD_DEFAULT_PORT);
	exchange_family("IPv6", "2001:db8::1", "2001:db8::3", "2001:db8::2",
			"2001:db8::2", 1, ETKD_DEFAULT_PORT + 1);
	exchange_family("IPv4 to a dual-stack socket", "192.0.2.1",
			"192.0.2.3", "192.0.2.2", "::", 0,
			ETKD_DEFAULT_PORT + 2);
	cleanup();
	return test_end();
}
