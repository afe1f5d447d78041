// SPDX-License-Identifier: GPL-2.0
/*
 * kernel.c - reading the E-Trunk configuration and the trunks' state from
 * the kernel, writing roles and peer state back (kernel.h).
 */
#include <errno.h>
#include <string.h>
#include <linux/genetlink.h>

#include "kernel.h"

static const struct nlattr *attr_nest(const struct nlmsghdr *nlh, int type)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == type)
			return a;
	return NULL;
}

static void copy_str(char *dst, size_t size, const struct nlattr *a)
{
	size_t n = mnl_attr_get_payload_len(a);

	if (n >= size)
		n = size - 1;
	memcpy(dst, mnl_attr_get_payload(a), n);
	dst[n] = '\0';
}

static bool attr_ok(const struct nlattr *a, enum mnl_attr_data_type t)
{
	return mnl_attr_validate(a, t) >= 0;
}

static void parse_binding(const struct nlattr *nest, struct kbinding *b)
{
	const struct nlattr *a;
	bool has_remote = false;
	uint32_t remote = 0;

	memset(b, 0, sizeof(*b));
	mnl_attr_for_each_nested(a, nest) {
		switch (mnl_attr_get_type(a)) {
		case ETRUNK_BIND_A_IFINDEX:
			if (attr_ok(a, MNL_TYPE_U32))
				b->ifindex = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_IFNAME:
			copy_str(b->ifname, sizeof(b->ifname), a);
			break;
		case ETRUNK_BIND_A_ID:
			if (attr_ok(a, MNL_TYPE_U32))
				b->id = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_REMOTE_ID:
			if (attr_ok(a, MNL_TYPE_U32)) {
				remote = mnl_attr_get_u32(a);
				has_remote = true;
			}
			break;
		case ETRUNK_BIND_A_MODE:
			if (attr_ok(a, MNL_TYPE_U8))
				b->mode = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BIND_A_BASIS:
			if (attr_ok(a, MNL_TYPE_U8))
				b->basis = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BIND_A_ROLE:
			if (attr_ok(a, MNL_TYPE_U8))
				b->role = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BIND_A_REASON:
			if (attr_ok(a, MNL_TYPE_U8))
				b->reason = mnl_attr_get_u8(a);
			break;
		}
	}
	b->peer_id = has_remote ? remote : b->id;
}

static void copy_addr(uint8_t *dst, uint8_t *len, const struct nlattr *a)
{
	uint16_t n = mnl_attr_get_payload_len(a);

	if (n != 4 && n != 16)
		return;
	memcpy(dst, mnl_attr_get_payload(a), n);
	*len = n;
}

static int group_cb(const struct nlmsghdr *nlh, void *data)
{
	struct kstate *ks = data;
	const struct nlattr *nest = attr_nest(nlh, ETRUNK_A_GROUP), *a, *t;
	struct kgroup *g;
	uint8_t len = 0, llen = 0;

	if (!nest || ks->n_groups >= ETRUNK_GROUP_MAX)
		return MNL_CB_OK;
	g = &ks->groups[ks->n_groups];
	memset(g, 0, sizeof(*g));
	mnl_attr_for_each_nested(a, nest) {
		switch (mnl_attr_get_type(a)) {
		case ETRUNK_GROUP_A_ID:
			if (attr_ok(a, MNL_TYPE_U32))
				g->id = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_PRIORITY:
			if (attr_ok(a, MNL_TYPE_U8))
				g->priority = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_SYSTEM:
			if (mnl_attr_get_payload_len(a) == sizeof(g->system))
				memcpy(g->system, mnl_attr_get_payload(a),
				       sizeof(g->system));
			break;
		case ETRUNK_GROUP_A_PEER_ADDR:
			copy_addr(g->peer, &g->addr_len, a);
			break;
		case ETRUNK_GROUP_A_SOURCE_ADDR:
			copy_addr(g->source, &len, a);
			break;
		case ETRUNK_GROUP_A_LIVENESS_ADDR:
			copy_addr(g->liveness, &llen, a);
			g->has_liveness = llen != 0;
			break;
		case ETRUNK_GROUP_A_PORT:
			if (attr_ok(a, MNL_TYPE_U16))
				g->port = mnl_attr_get_u16(a);
			break;
		case ETRUNK_GROUP_A_HELLO_INTERVAL:
			if (attr_ok(a, MNL_TYPE_U32))
				g->hello_interval = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_HOLD_MULT:
			if (attr_ok(a, MNL_TYPE_U8))
				g->hold_mult = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_REVERT_DELAY:
			if (attr_ok(a, MNL_TYPE_U32))
				g->revert_delay = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_DESCRIPTION:
			copy_str(g->descr, sizeof(g->descr), a);
			break;
		case ETRUNK_GROUP_A_TRUNKS:
			mnl_attr_for_each_nested(t, a) {
				if (g->n_trunks >= ETRUNK_GROUP_MAX_TRUNKS)
					break;
				parse_binding(t, &g->trunks[g->n_trunks++]);
			}
			break;
		}
	}
	/* The kernel refuses mixed families; be as strict reading. */
	if (!g->id || !g->addr_len || len != g->addr_len ||
	    (g->has_liveness && llen != g->addr_len))
		return MNL_CB_OK;
	ks->n_groups++;
	return MNL_CB_OK;
}

static int key_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *nest = attr_nest(nlh, ETRUNK_A_GROUP), *a;
	struct kgroup *g = data;

	if (!nest)
		return MNL_CB_OK;
	mnl_attr_for_each_nested(a, nest) {
		uint16_t n = mnl_attr_get_payload_len(a);

		if (mnl_attr_get_type(a) != ETRUNK_GROUP_A_KEY ||
		    n > sizeof(g->key))
			continue;
		memcpy(g->key, mnl_attr_get_payload(a), n);
		g->key_len = n;
	}
	return MNL_CB_OK;
}

/*
 * A member can carry if it is active, or stands by only because of a role
 * or of 1:1 (the backup of a pair), or is attached to its LACP partner and
 * only waiting for the two ends to synchronise: it carries the moment it
 * is asked, and its state passes through these while a role changes (not
 * counting them would take the new master's links away at once, and the
 * role back). A member without a link, without an LACP partner or beyond
 * max-links cannot.
 */
static bool member_available(uint8_t state, uint8_t reason)
{
	switch (reason) {
	case ETRUNK_REASON_NONE:
		return state == ETRUNK_MEMBER_ACTIVE;
	case ETRUNK_REASON_BACKUP:
	case ETRUNK_REASON_LACP_ROLE:
	case ETRUNK_REASON_EROLE_BACKUP:
	case ETRUNK_REASON_LACP_WAITING:
	case ETRUNK_REASON_LACP_PARTNER:
		return true;
	}
	return false;
}

static int trunk_cb(const struct nlmsghdr *nlh, void *data)
{
	struct kbinding *b = data;
	const struct nlattr *a, *m, *f;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		switch (mnl_attr_get_type(a)) {
		case ETRUNK_A_UP:
			if (attr_ok(a, MNL_TYPE_U8))
				b->up = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_MEMBERS:
			mnl_attr_for_each_nested(m, a) {
				uint8_t state = 0, reason = 0;
				uint32_t speed = 0;

				mnl_attr_for_each_nested(f, m) {
					int t = mnl_attr_get_type(f);

					if (t == ETRUNK_MEMBER_A_STATE &&
					    attr_ok(f, MNL_TYPE_U8))
						state = mnl_attr_get_u8(f);
					else if (t == ETRUNK_MEMBER_A_REASON &&
						 attr_ok(f, MNL_TYPE_U8))
						reason = mnl_attr_get_u8(f);
					else if (t == ETRUNK_MEMBER_A_SPEED &&
						 attr_ok(f, MNL_TYPE_U32))
						speed = mnl_attr_get_u32(f);
				}
				if (!member_available(state, reason))
					continue;
				b->links++;
				b->bandwidth += speed;
			}
			break;
		}
	}
	return MNL_CB_OK;
}

static int read_trunk(struct nl *req, struct kbinding *b)
{
	struct nlmsghdr *nlh = nl_request(req, ETRUNK_CMD_GET_TRUNK, NLM_F_ACK);

	b->up = false;
	b->links = 0;
	b->bandwidth = 0;
	mnl_attr_put_u32(nlh, ETRUNK_A_IFINDEX, b->ifindex);
	return nl_talk(req, nlh, trunk_cb, b);
}

static int read_key(struct nl *req, struct kgroup *g)
{
	struct nlmsghdr *nlh = nl_request(req, ETRUNK_CMD_GET_GROUP_KEY, NLM_F_ACK);
	struct nlattr *nest;

	nest = mnl_attr_nest_start(nlh, ETRUNK_A_GROUP);
	mnl_attr_put_u32(nlh, ETRUNK_GROUP_A_ID, g->id);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(req, nlh, key_cb, g);
}

int kernel_read(struct nl *req, struct kstate *ks)
{
	struct nlmsghdr *nlh;
	unsigned int i, j;
	int err;

	ks->n_groups = 0;
	nlh = nl_request(req, ETRUNK_CMD_GET_GROUP, NLM_F_DUMP);
	err = nl_talk(req, nlh, group_cb, ks);
	if (err)
		return err;
	for (i = 0; i < ks->n_groups; i++) {
		struct kgroup *g = &ks->groups[i];

		/* A group deleted meanwhile: the next event rereads. */
		err = read_key(req, g);
		if (err && err != -ENOENT)
			return err;
		for (j = 0; j < g->n_trunks; j++) {
			err = read_trunk(req, &g->trunks[j]);
			if (err && err != -ENODEV)
				return err;
		}
	}
	return 0;
}

int kernel_set_role(struct nl *req, uint32_t ifindex, uint8_t role,
		    uint8_t reason, uint32_t revert_ms)
{
	struct nlmsghdr *nlh = nl_request(req, ETRUNK_CMD_SET_ROLE, NLM_F_ACK);
	struct nlattr *nest;

	mnl_attr_put_u32(nlh, ETRUNK_A_IFINDEX, ifindex);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_BINDING);
	mnl_attr_put_u8(nlh, ETRUNK_BIND_A_ROLE, role);
	mnl_attr_put_u8(nlh, ETRUNK_BIND_A_REASON, reason);
	if (reason == ETRUNK_EREASON_REVERT_WAIT)
		mnl_attr_put_u32(nlh, ETRUNK_BIND_A_REVERT_MS, revert_ms);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(req, nlh, NULL, NULL);
}

int kernel_set_group_state(struct nl *req, uint32_t id, uint8_t peer_state,
			   const struct kcounters *c)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;

	nlh = nl_request(req, ETRUNK_CMD_SET_GROUP_STATE, NLM_F_ACK);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_GROUP);
	mnl_attr_put_u32(nlh, ETRUNK_GROUP_A_ID, id);
	mnl_attr_put_u8(nlh, ETRUNK_GROUP_A_PEER_STATE, peer_state);
	mnl_attr_put_u64(nlh, ETRUNK_GROUP_A_HELLOS_TX, c->hellos_tx);
	mnl_attr_put_u64(nlh, ETRUNK_GROUP_A_HELLOS_RX, c->hellos_rx);
	mnl_attr_put_u64(nlh, ETRUNK_GROUP_A_AUTH_FAILURES, c->auth_failures);
	mnl_attr_put_u64(nlh, ETRUNK_GROUP_A_REPLAYS, c->replays);
	mnl_attr_put_u64(nlh, ETRUNK_GROUP_A_ROLE_CHANGES, c->role_changes);
	mnl_attr_put_u64(nlh, ETRUNK_GROUP_A_DROPS, c->drops);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(req, nlh, NULL, NULL);
}

int kernel_open(struct nl *req, struct nl *ev)
{
	int err = nl_open(req);

	if (err)
		return err;
	err = nl_open(ev);
	if (err) {
		nl_close(req);
		return err;
	}
	err = nl_join_events(ev);
	if (err) {
		nl_close(ev);
		nl_close(req);
	}
	return err;
}

/*
 * Which events call for a reread: all of ours but those the daemon causes
 * itself (a role it wrote, the state it wrote), which would otherwise
 * bring a reread per write.
 */
static int event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *a = attr_nest(nlh, ETRUNK_A_EVENT);
	int *reread = data;

	if (!a || !attr_ok(a, MNL_TYPE_U8)) {
		*reread = 1;
		return MNL_CB_OK;
	}
	switch (mnl_attr_get_u8(a)) {
	case ETRUNK_EVENT_GROUP_STATE:
	case ETRUNK_EVENT_TRUNK_ROLE:
	case ETRUNK_EVENT_RBS_STATE:
	case ETRUNK_EVENT_RBP_STATE:
		break;
	default:
		*reread = 1;
	}
	return MNL_CB_OK;
}

int kernel_events(struct nl *ev)
{
	int reread = 0;

	for (;;) {
		ssize_t n = recv(mnl_socket_get_fd(ev->sock), ev->rbuf,
				 NL_RECV_SIZE, MSG_DONTWAIT);

		if (n < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return reread;
			if (errno == ENOBUFS)	/* events lost */
				reread = 1;
			else if (errno != EINTR)
				return -errno;
			continue;
		}
		if (mnl_cb_run(ev->rbuf, n, 0, 0, event_cb, &reread) < 0)
			reread = 1;
	}
}
