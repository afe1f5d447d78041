// SPDX-License-Identifier: GPL-2.0
/*
 * genl_util - what every etrunk_genl_* test program shares: a generic
 * netlink socket resolved to the "etrunk" family (requests, replies,
 * extack), the test network (namespaces, veths and trunks made with
 * ip(8)), waiting, capabilities and the event group.
 */

#include "genl_util.h"

void reply_free(struct reply *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		free(r->msgs[i]);
	memset(r, 0, sizeof(*r));
}

int nl_socket(struct nl *nl)
{
	int one = 1;

	memset(nl, 0, sizeof(*nl));
	nl->sk = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sk)
		return -errno;
	if (mnl_socket_bind(nl->sk, 0, MNL_SOCKET_AUTOPID) < 0 ||
	    mnl_socket_setsockopt(nl->sk, NETLINK_EXT_ACK, &one,
				  sizeof(one)) < 0 ||
	    mnl_socket_setsockopt(nl->sk, NETLINK_CAP_ACK, &one,
				  sizeof(one)) < 0) {
		int err = -errno;

		mnl_socket_close(nl->sk);
		nl->sk = NULL;
		return err;
	}
	nl->portid = mnl_socket_get_portid(nl->sk);
	nl->rxlen = sizeof(nl->rx);
	nl->seq = (unsigned int)time(NULL);
	return 0;
}

void nl_close(struct nl *nl)
{
	if (nl->sk)
		mnl_socket_close(nl->sk);
	nl->sk = NULL;
}

static void parse_extack(const struct nlmsghdr *nlh, size_t off,
			 struct reply *r)
{
	const struct nlattr *a;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	mnl_attr_for_each(a, nlh, off) {
		switch (mnl_attr_get_type(a)) {
		case NLMSGERR_ATTR_MSG:
			if (mnl_attr_validate(a, MNL_TYPE_NUL_STRING) == 0)
				snprintf(r->msg, sizeof(r->msg), "%s",
					 mnl_attr_get_str(a));
			break;
		case NLMSGERR_ATTR_OFFS:
			if (mnl_attr_validate(a, MNL_TYPE_U32) == 0) {
				r->has_offs = true;
				r->offs = mnl_attr_get_u32(a);
			}
			break;
		case NLMSGERR_ATTR_MISS_TYPE:
			if (mnl_attr_validate(a, MNL_TYPE_U32) == 0) {
				r->has_miss_type = true;
				r->miss_type = mnl_attr_get_u32(a);
			}
			break;
		}
	}
}

/*
 * Send @nlh (NLM_F_ACK is set here) and collect the answer until its ACK,
 * error or NLMSG_DONE. Returns r->err, or a negative errno of the socket.
 */
int nl_talk(struct nl *nl, struct nlmsghdr *nlh, struct reply *r)
{
	bool done = false;

	memset(r, 0, sizeof(*r));
	nlh->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++nl->seq;
	if (mnl_socket_sendto(nl->sk, nlh, nlh->nlmsg_len) < 0)
		return -errno;

	while (!done) {
		ssize_t len = mnl_socket_recvfrom(nl->sk, nl->rx, nl->rxlen);
		const struct nlmsghdr *m = (const struct nlmsghdr *)nl->rx;

		if (len < 0)
			return -errno;
		for (; mnl_nlmsg_ok(m, (int)len); m = mnl_nlmsg_next(m, (int *)&len)) {
			if (m->nlmsg_seq != nlh->nlmsg_seq)
				continue;
			if (m->nlmsg_type == NLMSG_ERROR) {
				const struct nlmsgerr *e = mnl_nlmsg_get_payload(m);
				size_t off = sizeof(*e);

				if (!(m->nlmsg_flags & NLM_F_CAPPED))
					off += e->msg.nlmsg_len -
					       sizeof(struct nlmsghdr);
				r->err = e->error;
				parse_extack(m, off, r);
				done = true;
				break;
			}
			if (m->nlmsg_type == NLMSG_DONE) {
				const int *err = mnl_nlmsg_get_payload(m);

				if (m->nlmsg_len >= NLMSG_LENGTH(sizeof(int))) {
					r->err = *err;
					parse_extack(m, sizeof(int), r);
				}
				done = true;
				break;
			}
			if (r->n < MAX_REPLIES) {
				r->msgs[r->n] = malloc(m->nlmsg_len);
				if (!r->msgs[r->n])
					return -ENOMEM;
				memcpy(r->msgs[r->n], m, m->nlmsg_len);
				r->n++;
			}
		}
	}
	return r->err;
}

static struct nlmsghdr *msg_new(char *buf, __u16 type, __u8 cmd,
				__u8 version, __u16 flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *g;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	g->version = version;
	return nlh;
}

/* A request to the etrunk family. */
struct nlmsghdr *req_new(struct nl *nl, char *buf, __u8 cmd,
			 __u16 flags)
{
	return msg_new(buf, nl->family, cmd, ETRUNK_GENL_VERSION, flags);
}

/* Where the next attribute of @nlh goes: for NLMSGERR_ATTR_OFFS. */
__u32 next_offs(const struct nlmsghdr *nlh)
{
	return nlh->nlmsg_len;
}

/* Generic netlink insists on NLA_F_NESTED on nests (strict validation). */
struct nlattr *nest_start(struct nlmsghdr *nlh, __u16 type)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);

	nest->nla_type |= NLA_F_NESTED;
	return nest;
}

static int ctrl_op_cb(const struct nlattr *op, struct nl *nl)
{
	const struct nlattr *a;
	__u32 id = 0, flags = 0;
	bool have_id = false;

	mnl_attr_for_each_nested(a, op) {
		if (mnl_attr_get_type(a) == CTRL_ATTR_OP_ID &&
		    mnl_attr_validate(a, MNL_TYPE_U32) == 0) {
			id = mnl_attr_get_u32(a);
			have_id = true;
		} else if (mnl_attr_get_type(a) == CTRL_ATTR_OP_FLAGS &&
			   mnl_attr_validate(a, MNL_TYPE_U32) == 0) {
			flags = mnl_attr_get_u32(a);
		}
	}
	if (have_id && id <= ETRUNK_CMD_MAX) {
		nl->op_listed[id] = true;
		nl->op_flags[id] = flags;
	}
	return 0;
}

static void ctrl_grp(const struct nlattr *grp, struct nl *nl)
{
	const struct nlattr *a;
	const char *name = NULL;
	__u32 id = 0;
	bool have_id = false;

	mnl_attr_for_each_nested(a, grp) {
		if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GRP_NAME &&
		    mnl_attr_validate(a, MNL_TYPE_NUL_STRING) == 0)
			name = mnl_attr_get_str(a);
		else if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GRP_ID &&
			 mnl_attr_validate(a, MNL_TYPE_U32) == 0) {
			id = mnl_attr_get_u32(a);
			have_id = true;
		}
	}
	if (name && have_id && strcmp(name, ETRUNK_MCGRP_EVENTS) == 0) {
		nl->events_grp = id;
		nl->have_events_grp = true;
	}
}

/* Resolve the family: 0, or -ENOENT if it is not registered. */
int nl_resolve(struct nl *nl)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	const struct nlattr *a, *b;
	struct reply r;
	int err;

	nlh = msg_new(buf, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, 0);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, ETRUNK_GENL_NAME);
	err = nl_talk(nl, nlh, &r);
	if (err) {
		reply_free(&r);
		return err;
	}
	if (r.n != 1) {
		reply_free(&r);
		return -EPROTO;
	}
	mnl_attr_for_each(a, r.msgs[0], sizeof(struct genlmsghdr)) {
		switch (mnl_attr_get_type(a)) {
		case CTRL_ATTR_FAMILY_ID:
			nl->family = mnl_attr_get_u16(a);
			break;
		case CTRL_ATTR_VERSION:
			nl->version = mnl_attr_get_u32(a);
			break;
		case CTRL_ATTR_OPS:
			mnl_attr_for_each_nested(b, a)
				ctrl_op_cb(b, nl);
			break;
		case CTRL_ATTR_MCAST_GROUPS:
			mnl_attr_for_each_nested(b, a)
				ctrl_grp(b, nl);
			break;
		}
	}
	reply_free(&r);
	return nl->family ? 0 : -EPROTO;
}

int nl_open(struct nl *nl)
{
	int err = nl_socket(nl);

	if (err)
		return err;
	err = nl_resolve(nl);
	if (err)
		nl_close(nl);
	return err;
}

int run(const char *fmt, ...)
{
	char cmd[512];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	rc = system(cmd);
	if (rc)
		fprintf(stderr, "# command failed (%d): %s\n", rc, cmd);
	return rc;
}

int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t len = (ssize_t)strlen(s);
	int err = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, s, len) != len)
		err = -errno;
	close(fd);
	return err;
}

/*
 * A fresh network namespace without IPv6 autoconfiguration (so no packets
 * of its own change counters behind a test's back).
 */
int new_netns(void)
{
	if (unshare(CLONE_NEWNET))
		return -errno;
	write_file("/proc/sys/net/ipv6/conf/default/disable_ipv6", "1");
	write_file("/proc/sys/net/ipv6/conf/all/disable_ipv6", "1");
	return 0;
}

/*
 * Trunk @trunk with @n members @pfx0..: veth pairs whose peers (peer0..)
 * stay in the namespace, everything up. One ip process (-batch): under
 * emulation every exec counts.
 */
int make_trunk(const char *trunk, const char *pfx, const char *peer,
	       int n)
{
	return make_trunk_members(trunk, true, pfx, peer, n);
}

int make_trunk_members(const char *trunk, bool create, const char *pfx,
		       const char *peer, int n)
{
	FILE *ip = popen("ip -batch -", "w");
	int i, rc;

	if (!ip)
		return -errno;
	if (create)
		fprintf(ip, "link add %s type etrunk\n", trunk);
	for (i = 0; i < n; i++) {
		fprintf(ip, "link add %s%d type veth peer name %s%d\n",
			pfx, i, peer, i);
		fprintf(ip, "link set %s%d master %s\n", pfx, i, trunk);
		fprintf(ip, "link set %s%d up\n", pfx, i);
		fprintf(ip, "link set %s%d up\n", peer, i);
	}
	fprintf(ip, "link set %s up\n", trunk);
	rc = pclose(ip);
	if (rc)
		fprintf(stderr, "# ip -batch failed (%d) making %s\n", rc,
			trunk);
	return rc;
}

/*
 * Delete trunk @trunk and the veth pairs @pfx0..: a test that made many
 * does it within its own time, not the next test's (a namespace's devices
 * go in its deletion, asynchronously, holding RTNL: on a debug kernel for
 * longer than the next test's default timeout).
 */
int del_trunk_members(const char *trunk, const char *pfx, int n)
{
	FILE *ip = popen("ip -batch -", "w");
	int i;

	if (!ip)
		return -errno;
	fprintf(ip, "link del %s\n", trunk);
	for (i = 0; i < n; i++)
		fprintf(ip, "link del %s%d\n", pfx, i);
	return pclose(ip);
}

__u32 ifindex_of(const char *name)
{
	return if_nametoindex(name);
}

long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Whether /proc/net/dev (the namespace's) lists device @name. */
static bool proc_net_dev_has(const char *name)
{
	char line[512], want[IFNAMSIZ + 2];
	bool found = false;
	FILE *f;
	char *p;

	f = fopen("/proc/net/dev", "r");
	if (!f)
		return false;
	snprintf(want, sizeof(want), "%s:", name);
	while (!found && fgets(line, sizeof(line), f)) {
		for (p = line; *p == ' '; p++)
			;
		found = !strncmp(p, want, strlen(want));
	}
	fclose(f);
	return found;
}

/* /proc/PID/NAME into BUF, NUL-terminated; false if unreadable or empty. */
static bool read_proc(pid_t pid, const char *name, char *buf, size_t size)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, name);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return false;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	return true;
}

/*
 * Whether task @pid waits for RTNL: it sleeps (state D) and the top of its
 * kernel stack is rtnetlink_rcv_msg(), where rtnl_lock() is (the mutex's
 * own functions are scheduler functions, left out of /proc/PID/stack).
 */
bool rtnl_waits(pid_t pid)
{
	char buf[8192], *p;

	if (!read_proc(pid, "stat", buf, sizeof(buf)))
		return false;
	p = strrchr(buf, ')');
	if (!p || strncmp(p, ") D", 3))
		return false;
	if (!read_proc(pid, "stack", buf, sizeof(buf)))
		return false;
	p = strchr(buf, '\n');
	if (p)
		*p = '\0';
	return strstr(buf, "] rtnetlink_rcv_msg+");
}

static pid_t spawn(char *const argv[])
{
	pid_t pid = fork();

	if (!pid) {
		execvp(argv[0], argv);
		_exit(127);
	}
	return pid;
}

/*
 * RTNL held for a long stretch: a dummy with VLANs on it, deleted in one
 * request (ip link del: the dummy's NETDEV_UNREGISTER unregisters its
 * VLANs, all in one RTNL section), and once that runs (the dummy left
 * /proc/net/dev), a second ip that waits for RTNL (ip link add). The
 * VLANs are made 50 at a time for @create_ms (at least 400, at most
 * 4,000): their deletion takes about as long, whatever the kernel's speed
 * (a debug kernel under TCG makes fewer). Returns 0 once the second is seen
 * waiting, -1 if it never is (RTNL not held long enough);
 * rtnl_hold_end() reaps both.
 */
int rtnl_hold_begin(struct rtnl_hold *h, int create_ms)
{
	static char *del[] = { "ip", "link", "del", "rtnl_hold0", NULL };
	static char *add[] = { "ip", "link", "add", "rtnl_wait0", "type",
			       "dummy", NULL };
	long long t;
	int i, end;
	FILE *ip;

	memset(h, 0, sizeof(*h));
	if (run("ip link add rtnl_hold0 type dummy"))
		return -1;
	t = now_ms();
	for (i = 1; i < 4000 && (i <= 400 || now_ms() - t < create_ms);) {
		ip = popen("ip -batch -", "w");
		if (!ip)
			return -1;
		for (end = i + 50; i < end; i++)
			fprintf(ip, "link add link rtnl_hold0 name rh%d type vlan id %d\n",
				i, i);
		if (pclose(ip))
			return -1;
	}
	h->holder = spawn(del);
	for (t = now_ms(); proc_net_dev_has("rtnl_hold0"); usleep(5000))
		if (now_ms() - t > 30000)
			return -1;
	h->waiter = spawn(add);
	for (t = now_ms(); !rtnl_waits(h->waiter); usleep(5000))
		if (now_ms() - t > 30000)
			return -1;
	return 0;
}

/* Both tasks of rtnl_hold_begin() gone: 0 if both succeeded. */
int rtnl_hold_end(struct rtnl_hold *h)
{
	int st, err = 0;

	if (h->holder > 0 &&
	    (waitpid(h->holder, &st, 0) < 0 || !WIFEXITED(st) ||
	     WEXITSTATUS(st)))
		err = -1;
	if (h->waiter > 0 &&
	    (waitpid(h->waiter, &st, 0) < 0 || !WIFEXITED(st) ||
	     WEXITSTATUS(st)))
		err = -1;
	return err;
}

/*
 * Run @requests while RTNL is held by another task and a third waits for
 * it (rtnl_hold_begin(), RTNL_HOLD_CREATE_MS); fill @res. Returns -1,
 * without running them, if RTNL was not held long enough to see a task
 * wait for it (the caller skips).
 */
int rtnl_held_run(void (*requests)(void *arg), void *arg,
		  struct rtnl_held *res)
{
	struct rtnl_hold h;
	long long t0, t1;

	if (rtnl_hold_begin(&h, RTNL_HOLD_CREATE_MS)) {
		rtnl_hold_end(&h);
		return -1;
	}
	t0 = now_ms();
	requests(arg);
	t1 = now_ms();
	res->ms = t1 - t0;
	res->waiting = rtnl_waits(h.waiter);
	res->ended = rtnl_hold_end(&h);
	res->free_ms = now_ms() - t1;
	return 0;
}

/*
 * Wait up to 10 s (carrier changes come from linkwatch, slow under
 * emulation) until trunk @name has @active active members.
 */
int wait_active(struct nl *nl, const char *name, __u32 active)
{
	long long end = now_ms() + 10000;
	struct trunk t;
	struct reply r;

	do {
		int err = get_trunk(nl, name, 0, &t, &r);

		reply_free(&r);
		if (err)
			return err;
		if (t.active_members == active)
			return 0;
		usleep(50000);
	} while (now_ms() < end);
	return -ETIMEDOUT;
}

/* Set CAP_NET_ADMIN in the effective set on or off (it stays permitted). */
int cap_net_admin(bool on)
{
	struct __user_cap_header_struct h = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3];

	if (syscall(SYS_capget, &h, d))
		return -errno;
	if (on)
		d[CAP_TO_INDEX(CAP_NET_ADMIN)].effective |= CAP_TO_MASK(CAP_NET_ADMIN);
	else
		d[CAP_TO_INDEX(CAP_NET_ADMIN)].effective &= ~CAP_TO_MASK(CAP_NET_ADMIN);
	if (syscall(SYS_capset, &h, d))
		return -errno;
	return 0;
}

int events_join(struct nl *nl)
{
	int grp = (int)nl->events_grp;

	if (!nl->have_events_grp)
		return -ENOENT;
	if (mnl_socket_setsockopt(nl->sk, NETLINK_ADD_MEMBERSHIP, &grp,
				  sizeof(grp)) < 0)
		return -errno;
	return 0;
}

/* Read events for up to @ms milliseconds, or until @until(log) holds. */
int events_read(struct nl *nl, struct evlog *log, int ms,
		bool (*until)(const struct evlog *log, const void *arg),
		const void *arg)
{
	long long end = now_ms() + ms;
	struct pollfd p = { .fd = mnl_socket_get_fd(nl->sk), .events = POLLIN };

	while (!(until && until(log, arg))) {
		long long left = end - now_ms();
		const struct nlmsghdr *m;
		ssize_t len;
		int rc;

		if (left <= 0)
			break;
		rc = poll(&p, 1, (int)left);
		if (rc < 0)
			return -errno;
		if (rc == 0)
			break;
		len = recv(p.fd, nl->rx, sizeof(nl->rx), 0);
		if (len < 0)
			return -errno;
		m = (const struct nlmsghdr *)nl->rx;
		for (; mnl_nlmsg_ok(m, (int)len); m = mnl_nlmsg_next(m, (int *)&len)) {
			if (m->nlmsg_type != nl->family)
				continue;
			if (log->n == MAX_EVENTS)
				return -ENOSPC;
			parse_trunk(m, &log->ev[log->n++]);
		}
	}
	return 0;
}

/* The index of the first event @type at or after @from (for member events:
 * of member @member), or -1.
 */
int ev_find(const struct evlog *log, int from, __u8 type,
	    const char *member)
{
	int i;

	for (i = from; i < log->n; i++) {
		const struct trunk *e = &log->ev[i];

		if (e->event != type)
			continue;
		if (member && strcmp(e->member.ifname, member))
			continue;
		return i;
	}
	return -1;
}

const __u8 sys1[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
const __u8 peer4[4] = { 192, 0, 2, 2 }, src4[4] = { 192, 0, 2, 1 };
const __u8 peer6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };
const __u8 key1[8] = { 'k', 'e', 'y', 'S', 'e', 'c', 'r', '1' };
