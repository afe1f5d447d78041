// SPDX-License-Identifier: GPL-2.0
/*
 * kernel.c - reading the E-Trunk configuration and the trunks' state from
 * the kernel, writing roles and peer state back (kernel.h).
 */
#include <errno.h>
#include <stdio.h>
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
	bool bfd_own = false;

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
		case ETRUNK_GROUP_A_BFD_SESSION:
			if (!bfd_own)
				copy_str(g->bfd, sizeof(g->bfd), a);
			break;
		case ETRUNK_GROUP_A_BFD:
			bfd_own = attr_ok(a, MNL_TYPE_U8) && mnl_attr_get_u8(a);
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
	/* Its own session (the kernel's, named after it) comes first. */
	if (bfd_own)
		snprintf(g->bfd, sizeof(g->bfd), "e-trunk-%u", g->id);
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

/* ---- BFD sessions ------------------------------------------------------ */

static uint32_t get_u32(const struct nlattr *a)
{
	return attr_ok(a, MNL_TYPE_U32) ? mnl_attr_get_u32(a) : 0;
}

static uint8_t get_u8(const struct nlattr *a)
{
	return attr_ok(a, MNL_TYPE_U8) ? mnl_attr_get_u8(a) : 0;
}

static int bfd_cb(const struct nlmsghdr *nlh, void *data)
{
	struct kstate *ks = data;
	const struct nlattr *nest = attr_nest(nlh, ETRUNK_A_BFD), *a;
	uint8_t plen = 0, slen = 0;
	struct kbfd *b;

	if (!nest || ks->n_bfd >= ETRUNK_BFD_MAX_SESSIONS)
		return MNL_CB_OK;
	b = &ks->bfd[ks->n_bfd];
	memset(b, 0, sizeof(*b));
	b->state = ETRUNK_BFD_STATE_DOWN;
	mnl_attr_for_each_nested(a, nest) {
		switch (mnl_attr_get_type(a)) {
		case ETRUNK_BFD_A_NAME:
			copy_str(b->name, sizeof(b->name), a);
			break;
		case ETRUNK_BFD_A_TYPE:
			b->type = get_u8(a);
			break;
		case ETRUNK_BFD_A_PEER_ADDR:
			copy_addr(b->peer, &plen, a);
			break;
		case ETRUNK_BFD_A_SOURCE_ADDR:
			copy_addr(b->source, &slen, a);
			break;
		case ETRUNK_BFD_A_IFINDEX:
			b->ifindex = get_u32(a);
			break;
		case ETRUNK_BFD_A_IFNAME:
			copy_str(b->ifname, sizeof(b->ifname), a);
			break;
		case ETRUNK_BFD_A_LOCAL_DISCR:
			b->local_discr = get_u32(a);
			break;
		case ETRUNK_BFD_A_REMOTE_DISCR:
			b->remote_discr = get_u32(a);
			break;
		case ETRUNK_BFD_A_MIN_TX:
			b->min_tx = get_u32(a);
			break;
		case ETRUNK_BFD_A_MIN_RX:
			b->min_rx = get_u32(a);
			break;
		case ETRUNK_BFD_A_MULT:
			b->mult = get_u8(a);
			break;
		case ETRUNK_BFD_A_ADMIN_DOWN:
			b->admin_down = get_u8(a);
			break;
		case ETRUNK_BFD_A_AUTH_TYPE:
			b->auth_type = get_u8(a);
			break;
		case ETRUNK_BFD_A_AUTH_KEY_ID:
			b->auth_key_id = get_u8(a);
			break;
		case ETRUNK_BFD_A_GROUP:
			b->group = get_u32(a);
			break;
		case ETRUNK_BFD_A_STATE:
			b->state = get_u8(a);
			break;
		}
	}
	b->addr_len = plen;
	b->has_source = slen != 0;
	if (!b->name[0] || !plen || (slen && slen != plen) ||
	    b->type > ETRUNK_BFD_TYPE_MAX)
		return MNL_CB_OK;
	if (!b->min_tx)
		b->min_tx = ETRUNK_BFD_DEFAULT_INTERVAL;
	if (!b->min_rx)
		b->min_rx = ETRUNK_BFD_DEFAULT_INTERVAL;
	if (!b->mult)
		b->mult = ETRUNK_BFD_DEFAULT_MULT;
	ks->n_bfd++;
	return MNL_CB_OK;
}

static int bfd_key_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *nest = attr_nest(nlh, ETRUNK_A_BFD), *a;
	struct kbfd *b = data;

	if (!nest)
		return MNL_CB_OK;
	mnl_attr_for_each_nested(a, nest) {
		uint16_t n = mnl_attr_get_payload_len(a);

		if (mnl_attr_get_type(a) != ETRUNK_BFD_A_AUTH_KEY ||
		    n > sizeof(b->key))
			continue;
		memcpy(b->key, mnl_attr_get_payload(a), n);
		b->key_len = n;
	}
	return MNL_CB_OK;
}

static int read_bfd_key(struct nl *req, struct kbfd *b)
{
	struct nlmsghdr *nlh = nl_request(req, ETRUNK_CMD_GET_BFD_KEY, NLM_F_ACK);
	struct nlattr *nest;

	b->key_len = 0;
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_BFD);
	mnl_attr_put_strz(nlh, ETRUNK_BFD_A_NAME, b->name);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(req, nlh, bfd_key_cb, b);
}

struct members_arg {
	struct kstate *ks;
	struct kbfd *b;
};

/* A micro-BFD session's trunk: its members (one session each). */
static int members_cb(const struct nlmsghdr *nlh, void *data)
{
	struct members_arg *m = data;
	const struct nlattr *a, *mem, *f;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) != ETRUNK_A_MEMBERS)
			continue;
		mnl_attr_for_each_nested(mem, a) {
			struct kbfd_member *km;

			if (m->ks->n_members >= KBFD_MEMBERS_MAX ||
			    m->b->n_members >= ETRUNK_MAX_MEMBERS)
				return MNL_CB_OK;
			km = &m->ks->members[m->ks->n_members];
			memset(km, 0, sizeof(*km));
			km->admin_up = true;
			mnl_attr_for_each_nested(f, mem) {
				switch (mnl_attr_get_type(f)) {
				case ETRUNK_MEMBER_A_IFINDEX:
					km->ifindex = get_u32(f);
					break;
				case ETRUNK_MEMBER_A_IFNAME:
					copy_str(km->ifname,
						 sizeof(km->ifname), f);
					break;
				case ETRUNK_MEMBER_A_ADMIN_UP:
					km->admin_up = get_u8(f);
					break;
				}
			}
			if (!km->ifindex)
				continue;
			m->ks->n_members++;
			m->b->n_members++;
		}
	}
	return MNL_CB_OK;
}

static int read_members(struct nl *req, struct kstate *ks, struct kbfd *b)
{
	struct nlmsghdr *nlh = nl_request(req, ETRUNK_CMD_GET_TRUNK, NLM_F_ACK);
	struct members_arg m = { ks, b };

	b->first_member = ks->n_members;
	b->n_members = 0;
	mnl_attr_put_u32(nlh, ETRUNK_A_IFINDEX, b->ifindex);
	return nl_talk(req, nlh, members_cb, &m);
}

static int read_bfd(struct nl *req, struct kstate *ks)
{
	struct nlmsghdr *nlh;
	unsigned int i;
	int err;

	ks->n_bfd = 0;
	ks->n_members = 0;
	nlh = nl_request(req, ETRUNK_CMD_GET_BFD, NLM_F_DUMP);
	err = nl_talk(req, nlh, bfd_cb, ks);
	/* A kernel without BFD sessions: none. */
	if (err == -EOPNOTSUPP || err == -EINVAL)
		return 0;
	if (err)
		return err;
	for (i = 0; i < ks->n_bfd; i++) {
		struct kbfd *b = &ks->bfd[i];

		/* Deleted meanwhile: the next event rereads. */
		if (b->auth_type != ETRUNK_BFD_AUTH_NONE) {
			err = read_bfd_key(req, b);
			if (err && err != -ENOENT)
				return err;
		}
		if (b->type == ETRUNK_BFD_MICRO && b->ifindex) {
			err = read_members(req, ks, b);
			if (err && err != -ENODEV)
				return err;
		}
	}
	return 0;
}

int kernel_set_bfd_state(struct nl *req, const char *name,
			 const struct kbfd_state *s,
			 const struct kbfd_link *links, unsigned int n_links)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;

	nlh = nl_request(req, ETRUNK_CMD_SET_BFD_STATE, NLM_F_ACK);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_BFD);
	mnl_attr_put_strz(nlh, ETRUNK_BFD_A_NAME, name);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_STATE, s->state);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_REMOTE_STATE, s->remote_state);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_DIAG, s->diag);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_REMOTE_DIAG, s->remote_diag);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_PEER_DISCR, s->peer_discr);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_TX_INTERVAL, s->tx_interval);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_DETECT_TIME, s->detect_time);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_REMOTE_MIN_TX, s->remote_min_tx);
	mnl_attr_put_u32(nlh, ETRUNK_BFD_A_REMOTE_MIN_RX, s->remote_min_rx);
	mnl_attr_put_u8(nlh, ETRUNK_BFD_A_REMOTE_MULT, s->remote_mult);
	mnl_attr_put_u64(nlh, ETRUNK_BFD_A_PKTS_TX, s->pkts_tx);
	mnl_attr_put_u64(nlh, ETRUNK_BFD_A_PKTS_RX, s->pkts_rx);
	mnl_attr_put_u64(nlh, ETRUNK_BFD_A_DROPS, s->drops);
	mnl_attr_put_u64(nlh, ETRUNK_BFD_A_AUTH_FAILURES, s->auth_failures);
	mnl_attr_put_u64(nlh, ETRUNK_BFD_A_UPS, s->ups);
	mnl_attr_put_u64(nlh, ETRUNK_BFD_A_DOWNS, s->downs);
	if (links) {
		struct nlattr *ln = mnl_attr_nest_start(nlh, ETRUNK_BFD_A_LINKS);
		unsigned int i;

		for (i = 0; i < n_links; i++) {
			const struct kbfd_link *k = &links[i];
			struct nlattr *l;

			/* A link takes under 112 bytes; the rest stays out. */
			if (nlh->nlmsg_len + 112 + 64 > NL_SEND_SIZE)
				break;
			l = mnl_attr_nest_start(nlh, ETRUNK_BFD_A_LINK);
			mnl_attr_put_u32(nlh, ETRUNK_BFD_LINK_A_IFINDEX,
					 k->ifindex);
			if (k->ifname[0])
				mnl_attr_put_strz(nlh, ETRUNK_BFD_LINK_A_IFNAME,
						  k->ifname);
			mnl_attr_put_u8(nlh, ETRUNK_BFD_LINK_A_STATE, k->state);
			mnl_attr_put_u8(nlh, ETRUNK_BFD_LINK_A_REMOTE_STATE,
					k->remote_state);
			mnl_attr_put_u8(nlh, ETRUNK_BFD_LINK_A_DIAG, k->diag);
			mnl_attr_put_u32(nlh, ETRUNK_BFD_LINK_A_LOCAL_DISCR,
					 k->local_discr);
			mnl_attr_put_u32(nlh, ETRUNK_BFD_LINK_A_PEER_DISCR,
					 k->peer_discr);
			mnl_attr_put_u64(nlh, ETRUNK_BFD_LINK_A_UPS, k->ups);
			mnl_attr_put_u64(nlh, ETRUNK_BFD_LINK_A_DOWNS, k->downs);
			mnl_attr_nest_end(nlh, l);
		}
		mnl_attr_nest_end(nlh, ln);
	}
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(req, nlh, NULL, NULL);
}

int kernel_set_member_admin(struct nl *req, uint32_t ifindex, bool up)
{
	struct nlmsghdr *nlh = nl_request(req, ETRUNK_CMD_SET_MEMBER, NLM_F_ACK);
	struct nlattr *nest;

	nest = mnl_attr_nest_start(nlh, ETRUNK_A_MEMBER);
	mnl_attr_put_u32(nlh, ETRUNK_MEMBER_A_IFINDEX, ifindex);
	mnl_attr_put_u8(nlh, ETRUNK_MEMBER_A_ADMIN_UP, up);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(req, nlh, NULL, NULL);
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
	return read_bfd(req, ks);
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
	case ETRUNK_EVENT_BFD_STATE:
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
