// SPDX-License-Identifier: GPL-2.0
/*
 * genl_rb - remote backup service (RBS) and profile (RBP) messages of the
 * etrunk family, parsed, and the requests and events on them.
 */

#include "genl_util.h"

static void rb_parse_nest(const struct nlattr *nest, struct rbmsg *m)
{
	const struct nlattr *a, *b, *c;

	memset(m, 0, sizeof(*m));
	mnl_attr_for_each_nested(a, nest) {
		__u16 type = mnl_attr_get_type(a);
		__u16 len = mnl_attr_get_payload_len(a);

		if (type >= 32)
			continue;
		m->seen[type] = true;
		m->len[type] = len;
		if (type == ETRUNK_RBP_A_STATS && nest->nla_type ==
		    (NLA_F_NESTED | ETRUNK_A_RBP)) {
			mnl_attr_for_each_nested(b, a) {
				__u64 v[ETRUNK_RBP_KS_A_MAX + 1] = { 0 };
				int kind = -1;

				mnl_attr_for_each_nested(c, b) {
					__u16 t = mnl_attr_get_type(c);

					if (t == ETRUNK_RBP_KS_A_KIND)
						kind = mnl_attr_get_u8(c);
					else if (t <= ETRUNK_RBP_KS_A_MAX &&
						 mnl_attr_get_payload_len(c) == 8)
						v[t] = mnl_attr_get_u64(c);
				}
				if (kind >= 0 && kind <= ETRUNK_RBP_KIND_MAX) {
					m->stats_kinds |= 1u << kind;
					memcpy(m->stats[kind], v, sizeof(v));
				}
			}
			continue;
		}
		switch (len) {
		case 1: m->val[type] = mnl_attr_get_u8(a); break;
		case 2: m->val[type] = mnl_attr_get_u16(a); break;
		case 4: m->val[type] = mnl_attr_get_u32(a); break;
		case 8: m->val[type] = mnl_attr_get_u64(a); break;
		}
		if (len <= 16)
			memcpy(m->bin[type], mnl_attr_get_payload(a), len);
		if (len && len <= sizeof(m->str[0]) &&
		    ((const char *)mnl_attr_get_payload(a))[len - 1] == '\0')
			memcpy(m->str[type], mnl_attr_get_payload(a), len);
	}
}

/* The nest @attr of a reply message into @m; false if it has none. */
bool rb_from_msg(const struct nlmsghdr *nlh, __u16 attr,
		 struct rbmsg *m)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) == attr) {
			rb_parse_nest(a, m);
			return true;
		}
	}
	return false;
}

/* A request @cmd with the nest @attr and, unless NULL, the name. */
struct nlattr *rb_req(struct nl *nl, char *buf, __u8 cmd, __u16 attr,
		      const char *name, struct nlmsghdr **nlhp)
{
	struct nlattr *nest;

	*nlhp = req_new(nl, buf, cmd, 0);
	nest = nest_start(*nlhp, attr);
	if (name)
		mnl_attr_put_strz(*nlhp, ETRUNK_RBS_A_NAME, name);
	return nest;
}

/* NEW_RBS @name to the IPv4 peer 192.0.2.@peer, port @port (0: default). */
int new_rbs(struct nl *nl, const char *name, __u8 peer, __u16 port,
	    struct reply *r)
{
	__u8 p[4] = { 192, 0, 2, peer };
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = rb_req(nl, buf, ETRUNK_CMD_NEW_RBS, ETRUNK_A_RBS,
				     name, &nlh);

	mnl_attr_put(nlh, ETRUNK_RBS_A_PEER_ADDR, 4, p);
	mnl_attr_put(nlh, ETRUNK_RBS_A_SOURCE_ADDR, 4, src4);
	if (port)
		mnl_attr_put_u16(nlh, ETRUNK_RBS_A_PORT, port);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}

/* NEW_RBP @name on @trunk over @service with @id. */
int new_rbp(struct nl *nl, const char *name, const char *service,
	    __u32 id, const char *trunk, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = rb_req(nl, buf, ETRUNK_CMD_NEW_RBP, ETRUNK_A_RBP,
				     name, &nlh);

	if (service)
		mnl_attr_put_strz(nlh, ETRUNK_RBP_A_SERVICE, service);
	if (id)
		mnl_attr_put_u32(nlh, ETRUNK_RBP_A_BACKUP_ID, id);
	if (trunk)
		mnl_attr_put_strz(nlh, ETRUNK_RBP_A_IFNAME, trunk);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}

/* A request naming @name alone: DEL_*, GET_RBS_KEY, GET_* (one reply). */
int rb_name_req(struct nl *nl, __u8 cmd, const char *name,
		struct reply *r)
{
	__u16 attr = cmd >= ETRUNK_CMD_NEW_RBP ? ETRUNK_A_RBP : ETRUNK_A_RBS;
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = rb_req(nl, buf, cmd, attr, name, &nlh);

	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}

/* GET_RBS / GET_RBP of @name into @m. */
int rb_get(struct nl *nl, __u8 cmd, const char *name, struct rbmsg *m)
{
	struct reply r;
	int err = rb_name_req(nl, cmd, name, &r);

	if (!err && (r.n != 1 ||
		     !rb_from_msg(r.msgs[0], cmd == ETRUNK_CMD_GET_RBS ?
				  ETRUNK_A_RBS : ETRUNK_A_RBP, m)))
		err = -EPROTO;
	reply_free(&r);
	return err;
}

/* Read the RBS and RBP events that come within @ms into @ev (up to @max). */
int rb_events_read(struct nl *nl, struct rbevent *ev, int max, int ms)
{
	struct pollfd p = { .fd = mnl_socket_get_fd(nl->sk), .events = POLLIN };
	long long end = now_ms() + ms;
	int n = 0;

	for (;;) {
		long long left = end - now_ms();
		const struct nlmsghdr *m;
		ssize_t len;

		if (left <= 0 || poll(&p, 1, (int)left) <= 0)
			return n;
		len = recv(p.fd, nl->rx, sizeof(nl->rx), 0);
		if (len < 0)
			return -errno;
		m = (const struct nlmsghdr *)nl->rx;
		for (; mnl_nlmsg_ok(m, (int)len); m = mnl_nlmsg_next(m, (int *)&len)) {
			const struct nlattr *a;
			struct rbevent e = { 0 };

			if (m->nlmsg_type != nl->family)
				continue;
			mnl_attr_for_each(a, m, sizeof(struct genlmsghdr)) {
				__u16 type = mnl_attr_get_type(a);
				struct rbmsg rb;

				if (type == ETRUNK_A_EVENT)
					e.event = mnl_attr_get_u8(a);
				else if (type == ETRUNK_A_EVENT_SEQ)
					e.seq = mnl_attr_get_u32(a);
				else if (type == ETRUNK_A_RBS || type == ETRUNK_A_RBP) {
					e.nest = type;
					rb_parse_nest(a, &rb);
					snprintf(e.name, sizeof(e.name), "%s",
						 rb.str[ETRUNK_RBS_A_NAME]);
				}
			}
			if (e.nest && n < max)
				ev[n++] = e;
		}
	}
}
