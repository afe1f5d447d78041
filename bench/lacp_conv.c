// SPDX-License-Identifier: GPL-2.0
/*
 * lacp_conv: how long LACP takes to converge once links come up, for
 * bench/lacp.sh (which builds it).
 *
 *   lacp_conv [-i POLL_US] [-t TIMEOUT_MS] NETNS:DEV[,DEV...]...
 *
 * Sets every DEV up (in the named network namespace, /run/netns/NETNS),
 * one rtnetlink request after the other, the clock started just before
 * the first. Then polls every POLL_US (default 2000) until every DEV
 * distributes at the same time: an etrunk member whose state is active
 * (mode lacp: its mux is collecting-distributing), or a bonding slave
 * whose 802.3ad actor state has collecting and distributing set. Prints
 *
 *   up_us U converged_us C polls P
 *
 * U the time the up requests took, C the time from the clock's start to
 * the first poll that found them all distributing, P the number of
 * polls; then one line per device, "dev NETNS:DEV first_us F", F when it
 * was first seen distributing. Exits 1 if they do not converge within
 * TIMEOUT_MS (default 30000), 2 on bad usage.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/etrunk.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_DEVS 16
#define MAX_NS 4
#define NSEC 1000000000ull
#define BOND_DISTRIBUTING 0x30	/* 802.3ad collecting | distributing */

struct ns {
	const char *name;
	int fd;			/* rtnetlink socket in that namespace */
};

struct dev {
	struct ns *ns;
	const char *name;
	int ifindex;
	uint64_t first_ns;	/* 0: not yet seen distributing */
};

static struct ns nss[MAX_NS];
static struct dev devs[MAX_DEVS];
static unsigned int n_ns, n_devs;
static unsigned int seq;
static char buf[32768];

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

/* An rtnetlink socket in namespace @name; the process stays there. */
static int ns_socket(const char *name)
{
	char path[256];
	int nsfd, fd;

	snprintf(path, sizeof(path), "/run/netns/%s", name);
	nsfd = open(path, O_RDONLY | O_CLOEXEC);
	if (nsfd < 0 || setns(nsfd, CLONE_NEWNET)) {
		perror(path);
		return -1;
	}
	close(nsfd);
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0)
		perror("socket");
	return fd;
}

/* Parse NETNS:DEV[,DEV...]: the namespace's socket and its devices. */
static int add_arg(char *arg)
{
	char *colon = strchr(arg, ':'), *name, *save = NULL;
	struct ns *ns;

	if (!colon || colon == arg || !colon[1] || n_ns == MAX_NS)
		return -1;
	*colon = '\0';
	ns = &nss[n_ns++];
	ns->name = arg;
	ns->fd = ns_socket(arg);
	if (ns->fd < 0)
		return -1;
	for (name = strtok_r(colon + 1, ",", &save); name;
	     name = strtok_r(NULL, ",", &save)) {
		struct dev *d;

		if (n_devs == MAX_DEVS)
			return -1;
		d = &devs[n_devs++];
		d->ns = ns;
		d->name = name;
		/* The current namespace is ns's, just entered. */
		d->ifindex = if_nametoindex(name);
		if (!d->ifindex) {
			fprintf(stderr, "%s: no device %s\n", arg, name);
			return -1;
		}
	}
	return 0;
}

static int send_req(int fd, void *req, size_t len)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };

	if (sendto(fd, req, len, 0, (struct sockaddr *)&nl, sizeof(nl)) != (ssize_t)len) {
		perror("sendto");
		return -1;
	}
	return 0;
}

/* Ask for @d up; the kernel does it within sendto(). */
static int set_up(struct dev *d)
{
	struct {
		struct nlmsghdr nh;
		struct ifinfomsg ifi;
	} req = {
		.nh = {
			.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg)),
			.nlmsg_type = RTM_NEWLINK,
			.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK,
			.nlmsg_seq = ++seq,
		},
		.ifi = {
			.ifi_family = AF_UNSPEC,
			.ifi_index = d->ifindex,
			.ifi_flags = IFF_UP,
			.ifi_change = IFF_UP,
		},
	};

	return send_req(d->ns->fd, &req, req.nh.nlmsg_len);
}

/* The answer to the last request on @fd: an error (ack) or a link. */
static struct nlmsghdr *recv_answer(int fd)
{
	for (;;) {
		ssize_t len = recv(fd, buf, sizeof(buf), 0);
		struct nlmsghdr *nh;

		if (len < 0) {
			if (errno == EINTR)
				continue;
			perror("recv");
			return NULL;
		}
		for (nh = (struct nlmsghdr *)buf; NLMSG_OK(nh, len);
		     nh = NLMSG_NEXT(nh, len))
			if (nh->nlmsg_seq == seq)
				return nh;
	}
}

static int check_ack(struct dev *d)
{
	struct nlmsghdr *nh = recv_answer(d->ns->fd);
	struct nlmsgerr *e;

	if (!nh)
		return -1;
	if (nh->nlmsg_type != NLMSG_ERROR)
		return 0;
	e = NLMSG_DATA(nh);
	if (e->error) {
		fprintf(stderr, "%s:%s up: %s\n", d->ns->name, d->name,
			strerror(-e->error));
		return -1;
	}
	return 0;
}

static struct rtattr *find_attr(struct rtattr *rta, int len, unsigned short type)
{
	for (; RTA_OK(rta, len); rta = RTA_NEXT(rta, len))
		if ((rta->rta_type & NLA_TYPE_MASK) == type)
			return rta;
	return NULL;
}

/* Whether the slave data of kind @kind says the member distributes. */
static bool slave_distributes(const char *kind, struct rtattr *data)
{
	struct rtattr *a;

	if (!strcmp(kind, "etrunk")) {
		a = find_attr(RTA_DATA(data), RTA_PAYLOAD(data), IFLA_ETRUNK_MEMBER_STATE);
		return a && *(uint8_t *)RTA_DATA(a) == ETRUNK_MEMBER_ACTIVE;
	}
	if (!strcmp(kind, "bond")) {
		a = find_attr(RTA_DATA(data), RTA_PAYLOAD(data),
			      IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE);
		return a && (*(uint8_t *)RTA_DATA(a) & BOND_DISTRIBUTING) ==
			    BOND_DISTRIBUTING;
	}
	return false;
}

/* 1: @d distributes, 0: not, -1: could not ask. */
static int distributes(struct dev *d)
{
	struct {
		struct nlmsghdr nh;
		struct ifinfomsg ifi;
	} req = {
		.nh = {
			.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg)),
			.nlmsg_type = RTM_GETLINK,
			.nlmsg_flags = NLM_F_REQUEST,
			.nlmsg_seq = ++seq,
		},
		.ifi = { .ifi_family = AF_UNSPEC, .ifi_index = d->ifindex },
	};
	struct rtattr *info, *kind, *data;
	struct nlmsghdr *nh;
	int len;

	if (send_req(d->ns->fd, &req, req.nh.nlmsg_len))
		return -1;
	nh = recv_answer(d->ns->fd);
	if (!nh)
		return -1;
	if (nh->nlmsg_type != RTM_NEWLINK) {
		fprintf(stderr, "%s:%s: no link in the answer\n", d->ns->name, d->name);
		return -1;
	}
	len = nh->nlmsg_len - NLMSG_LENGTH(sizeof(struct ifinfomsg));
	info = find_attr(IFLA_RTA(NLMSG_DATA(nh)), len, IFLA_LINKINFO);
	if (!info)
		return 0;
	kind = find_attr(RTA_DATA(info), RTA_PAYLOAD(info), IFLA_INFO_SLAVE_KIND);
	data = find_attr(RTA_DATA(info), RTA_PAYLOAD(info), IFLA_INFO_SLAVE_DATA);
	if (!kind || !data)
		return 0;
	return slave_distributes(RTA_DATA(kind), data);
}

int main(int argc, char **argv)
{
	long poll_us = 2000, timeout_ms = 30000;
	uint64_t t0, t_up, t, deadline, tick;
	unsigned int polls = 0, i;
	int opt;

	while ((opt = getopt(argc, argv, "i:t:")) != -1) {
		switch (opt) {
		case 'i':
			poll_us = strtol(optarg, NULL, 10);
			break;
		case 't':
			timeout_ms = strtol(optarg, NULL, 10);
			break;
		default:
			goto usage;
		}
	}
	if (optind == argc || poll_us < 100 || poll_us > 1000000 || timeout_ms < 1)
		goto usage;
	for (; optind < argc; optind++)
		if (add_arg(argv[optind])) {
			fprintf(stderr, "bad or unusable argument %s\n", argv[optind]);
			return 2;
		}
	/* Wake up when asked, not up to 50 us later. */
	prctl(PR_SET_TIMERSLACK, 1UL);

	t0 = now_ns();
	for (i = 0; i < n_devs; i++)
		if (set_up(&devs[i]) || check_ack(&devs[i]))
			return 1;
	t_up = now_ns();
	deadline = t0 + (uint64_t)timeout_ms * 1000000;
	tick = t_up;
	for (;;) {
		bool all = true;

		t = now_ns();
		polls++;
		for (i = 0; i < n_devs; i++) {
			int r = distributes(&devs[i]);

			if (r < 0)
				return 1;
			if (!r) {
				all = false;
				continue;
			}
			if (!devs[i].first_ns)
				devs[i].first_ns = t;
		}
		if (all)
			break;
		if (t > deadline) {
			fprintf(stderr, "no convergence within %ld ms\n", timeout_ms);
			return 1;
		}
		tick += poll_us * 1000ull;
		if (tick < now_ns())
			tick = now_ns();
		sleep_until(tick);
	}
	printf("up_us %llu converged_us %llu polls %u\n",
	       (unsigned long long)((t_up - t0) / 1000),
	       (unsigned long long)((t - t0) / 1000), polls);
	for (i = 0; i < n_devs; i++)
		printf("dev %s:%s first_us %llu\n", devs[i].ns->name, devs[i].name,
		       (unsigned long long)((devs[i].first_ns - t0) / 1000));
	return 0;
usage:
	fprintf(stderr, "usage: %s [-i POLL_US] [-t TIMEOUT_MS] NETNS:DEV[,DEV...]...\n",
		argv[0]);
	return 2;
}
