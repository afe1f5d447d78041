// SPDX-License-Identifier: GPL-2.0
/*
 * etrunkd - the E-Trunk control-plane daemon: reads the E-Trunk groups
 * the kernel holds (etrunkctl e-trunk ...), exchanges hellos with each
 * group's peer, elects the master of every bound member trunk and writes
 * the roles back to the kernel, which applies them at once. It also runs
 * the BFD sessions the kernel holds (etrunkctl bfd ...): E-Trunk groups
 * bound to one, micro-BFD on the members of a trunk (bfd_daemon.c).
 *
 *   etrunkd [-f] [-l stderr|syslog] [-d] [-r] [-s STATE_FILE] [-H HOOK]
 *           [-P PID_FILE]
 *
 * One daemon per network namespace. It keeps no configuration of its own:
 * killed, it leaves the trunks forwarding in their roles; restarted, it
 * adopts them (see daemon.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#ifndef SCHED_RESET_ON_FORK
#define SCHED_RESET_ON_FORK 0x40000000	/* linux/sched.h */
#endif
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "bfd_daemon.h"
#include "daemon.h"
#include "epoch.h"
#include "hook.h"
#include "log.h"
#include "rbs.h"

#define DEFAULT_STATE_FILE	"/var/lib/etrunkd/epoch"
#define RT_PRIORITY		10

static struct daemon d;

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: etrunkd [-f] [-l stderr|syslog] [-d] [-r] [-s STATE_FILE] [-H HOOK] [-P PID_FILE]\n"
		"  -f  stay in the foreground (log to stderr unless -l syslog)\n"
		"  -l  where messages go (default: stderr with -f, else syslog)\n"
		"  -d  debug messages (every dropped hello)\n"
		"  -r  real-time: SCHED_FIFO priority %d and memory locked (BFD timing)\n"
		"  -s  where the start epoch is kept (default %s)\n"
		"  -H  run HOOK GROUP TRUNK OLD_ROLE NEW_ROLE on every role change\n"
		"  -P  write the daemon's pid there\n",
		RT_PRIORITY, DEFAULT_STATE_FILE);
}

/*
 * -r: BFD's detection times are tens of milliseconds; a daemon scheduled
 * late, or paging, would let the peer's detection time expire. A modest
 * SCHED_FIFO priority (above every normal task, below the kernel's
 * threaded interrupts at 50) and memory locked. Hooks run as normal
 * tasks (SCHED_RESET_ON_FORK; a child does not inherit the lock).
 */
static void realtime(void)
{
	struct sched_param sp = { .sched_priority = RT_PRIORITY };

	if (sched_setscheduler(0, SCHED_FIFO | SCHED_RESET_ON_FORK, &sp))
		log_warn("-r: SCHED_FIFO: %s", strerror(errno));
	if (mlockall(MCL_CURRENT | MCL_FUTURE))
		log_warn("-r: mlockall: %s", strerror(errno));
}

static uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

static void cloexec(int fd)
{
	fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC);
}

static int resync(uint64_t now)
{
	int err = kernel_read(&d.req, &d.ks);

	if (err) {
		log_err("reading the E-Trunk configuration: %s%s%s",
			strerror(-err), d.req.errmsg[0] ? ": " : "",
			d.req.errmsg);
		return err;
	}
	bfdd_sync(d.bfd, &d.ks);
	daemon_sync(&d, now);
	rbs_sync(now);
	return 0;
}

static int setup_signals(void)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };
	sigset_t set;
	int fd;

	sigaction(SIGPIPE, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGCHLD);	/* a hook exited (hook.c) */
	sigprocmask(SIG_BLOCK, &set, NULL);
	fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

static void write_pid(const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		log_err("%s: %s", path, strerror(errno));
		return;
	}
	fprintf(f, "%d\n", (int)getpid());
	fclose(f);
}

int main(int argc, char **argv)
{
	const char *state = DEFAULT_STATE_FILE, *pidfile = NULL, *logto = NULL;
	const char *hook = NULL;
	bool foreground = false, debug = false, running = true, rt = false;
	struct epoll_event ev = { .events = EPOLLIN };
	int opt, sfd, err;
	uint64_t next;

	while ((opt = getopt(argc, argv, "fl:drs:H:P:h")) != -1) {
		switch (opt) {
		case 'f':
			foreground = true;
			break;
		case 'l':
			logto = optarg;
			break;
		case 'd':
			debug = true;
			break;
		case 'r':
			rt = true;
			break;
		case 's':
			state = optarg;
			break;
		case 'H':
			hook = optarg;
			break;
		case 'P':
			pidfile = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc ||
	    (logto && strcmp(logto, "stderr") && strcmp(logto, "syslog"))) {
		usage(stderr);
		return 2;
	}
	if (hook && access(hook, X_OK)) {
		fprintf(stderr, "etrunkd: hook %s: %s\n", hook, strerror(errno));
		return 1;
	}
	hook_init(hook, HOOK_TIMEOUT_MS);
	log_init(logto ? !strcmp(logto, "syslog") : !foreground, debug);

	err = kernel_open(&d.req, &d.ev);
	if (err) {
		fprintf(stderr, "etrunkd: %s\n", err == -ENOENT ?
			"the etrunk generic netlink family is missing (is the etrunk module loaded?)" :
			strerror(-err));
		return 1;
	}
	cloexec(mnl_socket_get_fd(d.req.sock));
	cloexec(mnl_socket_get_fd(d.ev.sock));

	d.state = state;
	if (etkd_epoch_start(state, etkd_epoch_clock(), &d.epoch))
		log_warn("cannot store the epoch in %s; going on with the clock's",
			 state);

	if (!foreground && daemon(0, 0)) {
		fprintf(stderr, "etrunkd: daemon: %s\n", strerror(errno));
		return 1;
	}
	if (pidfile)
		write_pid(pidfile);

	d.epfd = epoll_create1(EPOLL_CLOEXEC);
	sfd = setup_signals();
	if (d.epfd < 0 || sfd < 0) {
		log_err("epoll/signalfd: %s", strerror(errno));
		return 1;
	}
	d.bfd = bfdd_new(&d, d.epfd);
	if (!d.bfd) {
		log_err("out of memory");
		return 1;
	}
	if (rt)
		realtime();
	ev.data.u64 = EP_SIGNAL;
	epoll_ctl(d.epfd, EPOLL_CTL_ADD, sfd, &ev);
	ev.data.u64 = EP_NETLINK;
	epoll_ctl(d.epfd, EPOLL_CTL_ADD, mnl_socket_get_fd(d.ev.sock), &ev);

	if (rbs_init(d.epfd, &d.req))
		log_err("remote backup: cannot open rtnetlink");
	log_notice("started, epoch %llu", (unsigned long long)d.epoch);
	/* Subscribed before this read: no change falls between the two. */
	if (resync(now_ms()))
		return 1;
	next = daemon_tick(&d, now_ms());
	next = min_u64(next, bfdd_tick(d.bfd, now_ms()));
	next = min_u64(next, rbs_tick(now_ms()));

	while (running) {
		struct epoll_event evs[64];
		uint64_t now = now_ms();
		int i, n, timeout;

		timeout = next > now ? (int)(next - now) : 0;
		n = epoll_wait(d.epfd, evs, 64, timeout);
		if (n < 0 && errno != EINTR) {
			log_err("epoll_wait: %s", strerror(errno));
			break;
		}
		now = now_ms();
		for (i = 0; i < n; i++) {
			uint64_t tag = evs[i].data.u64 & ~0xffffffffULL;
			unsigned int idx = evs[i].data.u64 & 0xffffffff;

			if (tag == EP_SIGNAL) {
				struct signalfd_siginfo si;

				while (read(sfd, &si, sizeof(si)) == sizeof(si)) {
					if (si.ssi_signo == SIGHUP) {
						log_info("SIGHUP: rereading the configuration");
						resync(now);
					} else if (si.ssi_signo == SIGCHLD) {
						hook_reap(now);
					} else {
						running = false;
					}
				}
			} else if (tag == EP_NETLINK) {
				err = kernel_events(&d.ev);
				if (err < 0)
					log_err("events: %s", strerror(-err));
				if (err)
					resync(now);
			} else if (tag == EP_HSOCK) {
				if (idx < ETRUNK_GROUP_MAX && d.socks[idx].users)
					daemon_rx(&d, &d.socks[idx], now);
			} else if (tag == EP_LIVE) {
				if (idx < ETRUNK_GROUP_MAX && d.groups[idx].used)
					liveness_read(&d.groups[idx].live, now);
			} else if (tag == EP_BFD_SOCK || tag == EP_BFD_TIMER) {
				bfdd_event(d.bfd, tag, idx);
			} else if (tag == EP_RBS) {
				rbs_event(idx, evs[i].events, now);
			}
		}
		next = daemon_tick(&d, now_ms());
		next = min_u64(next, bfdd_tick(d.bfd, now_ms()));
		next = min_u64(next, rbs_tick(now_ms()));
		next = min_u64(next, hook_tick(now_ms()));
	}
	/* The roles stay in the kernel: the trunks keep forwarding. */
	daemon_flush_state(&d);
	bfdd_flush_state(d.bfd);
	bfdd_stop(d.bfd);
	daemon_stop(&d);
	bfdd_free(d.bfd);
	rbs_stop();
	if (hook_waiting())
		log_info("%u role-change hook runs left waiting or running",
			 hook_waiting());
	log_notice("stopped; the member trunks keep their roles");
	nl_close(&d.ev);
	nl_close(&d.req);
	return 0;
}
