// SPDX-License-Identifier: GPL-2.0
/*
 * test_bfd_daemon.c - etrunkd's BFD side (bfd_daemon.c) on real sockets
 * between two network namespaces joined by veth pairs, with the kernel
 * replaced by stubs that record what the daemon would write (the states,
 * the members taken out and let back, the changes daemon.c is told of):
 *
 *   - a single-hop session with FRR's bfdd (/usr/lib/frr/bfdd, run
 *     standalone, 300 ms: a bfdd that is not real-time flaps at 100 ms on
 *     a loaded host) over IPv4 and IPv6: Up, the negotiated intervals; a new
 *     interval through a Poll sequence without leaving Up; bfdd stopped:
 *     Down by detection-time expiry, in about the detection time;
 *   - micro-BFD between two daemons over two members: both Up; one
 *     member cut (one end down): that member's sessions go Down and both
 *     ends take it out; healed: back in.
 *
 * Needs root, `ip` and network namespaces with veth; without them it
 * exits 4 (skip). Without bfdd, the FRR checks are skipped.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bfd.h"
#include "bfd_daemon.h"
#include "daemon.h"
#include "test.h"

#define BFDD "/usr/lib/frr/bfdd"

static char ns_a[32], ns_b[32], dir[64];
static bool made;
static pid_t frr_pid;

/* ---- the kernel and daemon.c, stubbed ------------------------------------- */

#define SIDES 2
static struct daemon dmn[SIDES];
static struct kbfd_state last[SIDES];
static struct kbfd_link last_links[SIDES][4];
static unsigned int n_last_links[SIDES];
static int members_out[SIDES][2];	/* by member index: 1 out, 0 in */
static uint32_t member_if[SIDES][2];
static unsigned int ups_to_down[SIDES];
static uint64_t down_at[SIDES];

static int side_of(const struct nl *req)
{
	return req == &dmn[1].req;
}

int kernel_set_bfd_state(struct nl *req, const char *name,
			 const struct kbfd_state *s,
			 const struct kbfd_link *links, unsigned int n_links)
{
	int i = side_of(req);

	(void)name;
	last[i] = *s;
	if (links) {
		n_last_links[i] = n_links > 4 ? 4 : n_links;
		memcpy(last_links[i], links, n_last_links[i] * sizeof(*links));
	}
	return 0;
}

int kernel_set_member_admin(struct nl *req, uint32_t ifindex, bool up)
{
	int i = side_of(req), m;

	for (m = 0; m < 2; m++)
		if (member_if[i][m] == ifindex)
			members_out[i][m] = !up;
	return 0;
}

// cppcheck-suppress constParameter
void daemon_bfd_change(struct daemon *d, const char *name, uint8_t old,
		       uint8_t state, uint8_t diag, uint8_t remote_state)
{
	int i = d == &dmn[1];

	(void)name;
	(void)diag;
	if (old == ETRUNK_BFD_STATE_UP && state != ETRUNK_BFD_STATE_UP &&
	    remote_state != ETRUNK_BFD_STATE_ADMIN_DOWN) {
		ups_to_down[i]++;
		down_at[i] = etkd_bfd_now();
	}
}

/* ---- plumbing ------------------------------------------------------------------ */

static int run(const char *fmt, ...) __printf(1, 2);

static int run(const char *fmt, ...)
{
	char cmd[1024];
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

static void stop_frr(void)
{
	if (frr_pid > 0) {
		kill(frr_pid, SIGTERM);
		waitpid(frr_pid, NULL, 0);
	}
	frr_pid = 0;
}

static void cleanup(void)
{
	stop_frr();
	if (made) {
		run("ip netns del %s", ns_a);
		run("ip netns del %s", ns_b);
		run("rm -rf %s", dir);
	}
	made = false;
}

static void on_signal(int sig)
{
	(void)sig;
	exit(1);
}

static void skip(const char *why)
{
	printf("1..0 # SKIP %s\n", why);
	cleanup();
	exit(TEST_SKIP);
}

static int enter(const char *ns)
{
	int fd, rc;

	if (!ns) {
		fd = open("/proc/1/ns/net", O_RDONLY | O_CLOEXEC);
	} else {
		char path[64];

		snprintf(path, sizeof(path), "/run/netns/%s", ns);
		fd = open(path, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0)
		return -1;
	rc = setns(fd, CLONE_NEWNET);
	close(fd);
	return rc;
}

static int self_ns = -1;

static void leave(void)
{
	if (setns(self_ns, CLONE_NEWNET))
		perror("setns back");
}

static unsigned int ifindex_in(const char *ns, const char *dev)
{
	unsigned int i;

	if (enter(ns))
		return 0;
	i = if_nametoindex(dev);
	leave();
	return i;
}

/* ---- the sessions --------------------------------------------------------- */

static struct kbfd *add_session(int side, const char *name, uint8_t type,
				const char *peer, const char *src, uint32_t discr)
{
	struct kstate *ks = &dmn[side].ks;
	struct kbfd *b = &ks->bfd[ks->n_bfd++];
	int family = strchr(peer, ':') ? AF_INET6 : AF_INET;

	memset(b, 0, sizeof(*b));
	snprintf(b->name, sizeof(b->name), "%s", name);
	b->type = type;
	b->addr_len = family == AF_INET ? 4 : 16;
	inet_pton(family, peer, b->peer);
	inet_pton(family, src, b->source);
	b->has_source = true;
	b->local_discr = discr;
	b->min_tx = 50000;
	b->min_rx = 50000;
	b->mult = 3;
	b->state = ETRUNK_BFD_STATE_DOWN;
	return b;
}

static void sync_side(int side, const char *ns)
{
	if (enter(ns)) {
		diag("cannot enter %s", ns);
		return;
	}
	bfdd_sync(dmn[side].bfd, &dmn[side].ks);
	leave();
}

static int top;

/* Run both daemons' events for @ms, or until @cond() holds. */
static bool run_until(unsigned int ms, bool (*cond)(void))
{
	uint64_t end = etkd_bfd_now() + (uint64_t)ms * 1000000;

	while (etkd_bfd_now() < end) {
		struct epoll_event ev[32];
		int s, n, i;

		if (cond && cond())
			return true;
		epoll_wait(top, ev, 1, 5);
		for (s = 0; s < SIDES; s++) {
			if (!dmn[s].bfd)
				continue;
			n = epoll_wait(dmn[s].epfd, ev, 32, 0);
			for (i = 0; i < n; i++)
				bfdd_event(dmn[s].bfd,
					   ev[i].data.u64 & ~0xffffffffULL,
					   ev[i].data.u64 & 0xffffffff);
			bfdd_tick(dmn[s].bfd, 0);
		}
	}
	return cond && cond();
}

static bool a_up(void)
{
	return bfdd_session_state(dmn[0].bfd, "frr") == ETRUNK_BFD_STATE_UP;
}

static bool a_down(void)
{
	return bfdd_session_state(dmn[0].bfd, "frr") == ETRUNK_BFD_STATE_DOWN;
}

static bool micro_up(void)
{
	return bfdd_session_state(dmn[0].bfd, "micro") == ETRUNK_BFD_STATE_UP &&
	       bfdd_session_state(dmn[1].bfd, "micro") == ETRUNK_BFD_STATE_UP;
}

static bool m1_out(void)
{
	return members_out[0][1] == 1 && members_out[1][1] == 1;
}

static bool m1_in(void)
{
	return members_out[0][1] == 0 && members_out[1][1] == 0 && micro_up();
}

static int start_frr(const char *peer, const char *local)
{
	char conf[128];
	FILE *f;

	snprintf(conf, sizeof(conf), "%s/bfdd.conf", dir);
	f = fopen(conf, "w");
	if (!f)
		return -1;
	fprintf(f, "bfd\n peer %s local-address %s\n  receive-interval 300\n"
		"  transmit-interval 300\n  detect-multiplier 3\n !\n!\n",
		peer, local);
	fclose(f);
	frr_pid = fork();
	if (frr_pid == 0) {
		char vty[128], pid[128], ctl[128], zs[128];
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 1);
		dup2(null, 2);
		snprintf(vty, sizeof(vty), "%s", dir);
		snprintf(pid, sizeof(pid), "%s/bfdd.pid", dir);
		snprintf(ctl, sizeof(ctl), "%s/bfdd.sock", dir);
		snprintf(zs, sizeof(zs), "%s/zserv.api", dir);
		if (enter(ns_b))
			_exit(127);
		execl(BFDD, BFDD, "-f", conf, "--vty_socket", vty, "-i", pid,
		      "--bfdctl", ctl, "-z", zs, "-A", "127.0.0.1",
		      (char *)NULL);
		_exit(127);
	}
	return frr_pid > 0 ? 0 : -1;
}

static void frr_checks(const char *fam, const char *peer, const char *local)
{
	struct kstate *ks = &dmn[0].ks;
	uint64_t t0;
	int dt;

	ks->n_bfd = 0;
	add_session(0, "frr", ETRUNK_BFD_SINGLE_HOP, peer, local, 17);
	ks->bfd[0].min_tx = ks->bfd[0].min_rx = 150000;
	sync_side(0, ns_a);
	if (start_frr(local, peer)) {
		ok(false, "%s: bfdd started", fam);
		return;
	}
	ok(run_until(10000, a_up), "%s: the session with FRR's bfdd comes Up", fam);
	run_until(500, NULL);
	ok(last[0].state == ETRUNK_BFD_STATE_UP, "%s: Up written", fam);
	ok(last[0].tx_interval == 300000,
	   "%s: negotiated tx interval 300000 us (ours 150 ms, its rx 300 ms): %u",
	   fam, last[0].tx_interval);
	ok(last[0].detect_time == 900000,
	   "%s: detection time 900000 us (its tx 300 ms x 3): %u", fam,
	   last[0].detect_time);
	ok(last[0].remote_min_rx == 300000 && last[0].remote_mult == 3,
	   "%s: its timers: rx %u us, x %u", fam, last[0].remote_min_rx,
	   last[0].remote_mult);

	/* A new interval: a Poll sequence, the session stays Up. */
	ks->bfd[0].min_tx = 600000;
	ups_to_down[0] = 0;
	sync_side(0, ns_a);
	run_until(3000, NULL);
	ok(a_up() && !ups_to_down[0], "%s: reconfigured without leaving Up", fam);
	ok(last[0].tx_interval == 600000, "%s: new tx interval 600000 us: %u",
	   fam, last[0].tx_interval);

	ups_to_down[0] = 0;
	t0 = etkd_bfd_now();
	stop_frr();
	ok(run_until(5000, a_down), "%s: bfdd gone: Down", fam);
	dt = (int)((down_at[0] - t0) / 1000000);
	ok(ups_to_down[0] == 1 && last[0].diag == ETRUNK_BFD_DIAG_DETECT_EXPIRED,
	   "%s: detection time expired (diag %u), after %d ms (detection time 900 ms)",
	   fam, last[0].diag, dt);
	ks->n_bfd = 0;
	sync_side(0, ns_a);
	ok(bfdd_session_state(dmn[0].bfd, "frr") == -1, "%s: session deleted", fam);
}

static void micro_checks(void)
{
	int s, m;

	for (s = 0; s < SIDES; s++) {
		struct kstate *ks = &dmn[s].ks;
		struct kbfd *b;

		ks->n_bfd = 0;
		ks->n_members = 0;
		b = add_session(s, "micro", ETRUNK_BFD_MICRO,
				s ? "192.0.2.1" : "192.0.2.2",
				s ? "192.0.2.2" : "192.0.2.1", 0);
		b->first_member = 0;
		b->n_members = 2;
		b->min_tx = b->min_rx = 50000;
		for (m = 0; m < 2; m++) {
			char dev[IF_NAMESIZE];

			snprintf(dev, sizeof(dev), "m%c%d", s ? 'b' : 'a', m);
			member_if[s][m] = ifindex_in(s ? ns_b : ns_a, dev);
			ks->members[m].ifindex = member_if[s][m];
			snprintf(ks->members[m].ifname, IF_NAMESIZE, "%s", dev);
			ks->members[m].admin_up = true;
			members_out[s][m] = -1;
		}
		ks->n_members = 2;
		sync_side(s, s ? ns_b : ns_a);
	}
	ok(run_until(8000, micro_up), "micro-BFD: both ends Up on both members");
	run_until(300, NULL);
	ok(n_last_links[0] == 2 && last_links[0][0].state == ETRUNK_BFD_STATE_UP &&
	   last_links[0][1].state == ETRUNK_BFD_STATE_UP,
	   "micro-BFD: the links nest has both members Up");
	ok(members_out[0][0] == -1 && members_out[1][1] == -1,
	   "micro-BFD: no member touched while Up");
	/* Beyond the start time: a member down now is one that went down. */
	run_until(3000, NULL);
	/* The selftest cuts behind a bridge; here one end goes down. */
	run("ip -n %s link set mb1 down", ns_b);
	ok(run_until(3000, m1_out), "micro-BFD: member 1 cut: out at both ends");
	ok(members_out[0][0] != 1 && members_out[1][0] != 1,
	   "micro-BFD: member 0 stays in");
	run("ip -n %s link set mb1 up", ns_b);
	ok(run_until(5000, m1_in), "micro-BFD: healed: member 1 back in at both ends");

	/* B stops (SIGTERM): AdminDown, A's members stay in, no failure. */
	ups_to_down[0] = 0;
	bfdd_stop(dmn[1].bfd);
	bfdd_free(dmn[1].bfd);
	dmn[1].bfd = NULL;
	run_until(1000, NULL);
	ok(bfdd_session_state(dmn[0].bfd, "micro") == ETRUNK_BFD_STATE_DOWN &&
	   last_links[0][0].remote_state == ETRUNK_BFD_STATE_ADMIN_DOWN,
	   "micro-BFD: the other end stopped: Down, its state AdminDown");
	ok(members_out[0][0] != 1 && members_out[0][1] != 1 && !ups_to_down[0],
	   "micro-BFD: AdminDown is no failure: both members stay in");
}

int main(void)
{
	int s;

	test_start();
	if (geteuid())
		skip("needs root");
	snprintf(ns_a, sizeof(ns_a), "etkd-bfda-%d", getpid());
	snprintf(ns_b, sizeof(ns_b), "etkd-bfdb-%d", getpid());
	snprintf(dir, sizeof(dir), "/tmp/etkd-bfd-%d", getpid());
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	atexit(cleanup);
	self_ns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (self_ns < 0 || run("ip netns add %s", ns_a))
		skip("no network namespaces");
	made = true;
	if (run("ip netns add %s", ns_b) ||
	    run("ip -n %s link add va type veth peer name vb netns %s", ns_a, ns_b) ||
	    run("ip -n %s link add ma0 type veth peer name mb0 netns %s", ns_a, ns_b) ||
	    run("ip -n %s link add ma1 type veth peer name mb1 netns %s", ns_a, ns_b))
		skip("no veth");
	run("ip -n %s addr add 198.51.100.1/24 dev va", ns_a);
	run("ip -n %s addr add 198.51.100.2/24 dev vb", ns_b);
	run("ip -n %s addr add 2001:db8::1/64 dev va nodad", ns_a);
	run("ip -n %s addr add 2001:db8::2/64 dev vb nodad", ns_b);
	run("ip -n %s link set va up && ip -n %s link set vb up", ns_a, ns_b);
	run("ip -n %s link set lo up && ip -n %s link set lo up", ns_a, ns_b);
	run("ip -n %s link set ma0 up && ip -n %s link set ma1 up", ns_a, ns_a);
	run("ip -n %s link set mb0 up && ip -n %s link set mb1 up", ns_b, ns_b);
	mkdir(dir, 0777);
	chmod(dir, 0777);

	top = epoll_create1(EPOLL_CLOEXEC);
	for (s = 0; s < SIDES; s++) {
		struct epoll_event ev = { .events = EPOLLIN };

		dmn[s].epfd = epoll_create1(EPOLL_CLOEXEC);
		dmn[s].bfd = bfdd_new(&dmn[s], dmn[s].epfd);
		epoll_ctl(top, EPOLL_CTL_ADD, dmn[s].epfd, &ev);
	}
	if (access(BFDD, X_OK)) {
		diag("no %s: the FRR checks are skipped", BFDD);
	} else {
		frr_checks("IPv4", "198.51.100.2", "198.51.100.1");
		frr_checks("IPv6", "2001:db8::2", "2001:db8::1");
	}
	micro_checks();
	for (s = 0; s < SIDES; s++)
		bfdd_free(dmn[s].bfd);
	return test_end();
}
