// SPDX-License-Identifier: GPL-2.0
/*
 * genl_bfd - BFD session messages of the etrunk family, parsed and
 * checked, and the requests that make, get, dump and set sessions.
 */

#include "genl_util.h"

static const enum mnl_attr_data_type bfd_attr_types[ETRUNK_BFD_A_MAX + 1] = {
	[ETRUNK_BFD_A_PAD] = MNL_TYPE_FLAG,
	[ETRUNK_BFD_A_NAME] = MNL_TYPE_NUL_STRING,
	[ETRUNK_BFD_A_TYPE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_PEER_ADDR] = MNL_TYPE_BINARY,
	[ETRUNK_BFD_A_SOURCE_ADDR] = MNL_TYPE_BINARY,
	[ETRUNK_BFD_A_IFINDEX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_IFNAME] = MNL_TYPE_NUL_STRING,
	[ETRUNK_BFD_A_LOCAL_DISCR] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_REMOTE_DISCR] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_MIN_TX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_MIN_RX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_MULT] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_ADMIN_DOWN] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_AUTH_TYPE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_AUTH_KEY_ID] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_AUTH_KEY_SET] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_GROUP] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_STATE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_REMOTE_STATE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_CHANGE_AGE] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_DIAG] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_REMOTE_DIAG] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_PEER_DISCR] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_TX_INTERVAL] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_DETECT_TIME] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_REMOTE_MIN_TX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_REMOTE_MIN_RX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_REMOTE_MULT] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_PKTS_TX] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_PKTS_RX] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_DROPS] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_AUTH_FAILURES] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_UPS] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_DOWNS] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_LINKS] = MNL_TYPE_NESTED,
	/* never: ETRUNK_BFD_A_AUTH_KEY (but GET_BFD_KEY's), _LINK here */
};

static void parse_bfd_link(const struct nlattr *nest, struct bfd_link *l)
{
	const struct nlattr *a;

	memset(l, 0, sizeof(*l));
	mnl_attr_for_each_nested(a, nest) {
		switch (mnl_attr_get_type(a)) {
		case ETRUNK_BFD_LINK_A_IFINDEX:
			l->ifindex = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BFD_LINK_A_IFNAME:
			snprintf(l->ifname, sizeof(l->ifname), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_BFD_LINK_A_STATE:
			l->state = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BFD_LINK_A_REMOTE_STATE:
			l->remote_state = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BFD_LINK_A_DIAG:
			l->diag = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BFD_LINK_A_LOCAL_DISCR:
			l->local_discr = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BFD_LINK_A_PEER_DISCR:
			l->peer_discr = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BFD_LINK_A_UPS:
			l->ups = mnl_attr_get_u64(a);
			break;
		case ETRUNK_BFD_LINK_A_DOWNS:
			l->downs = mnl_attr_get_u64(a);
			break;
		}
	}
}

static void parse_bfd(const struct nlattr *nest, struct bfd *s)
{
	const struct nlattr *a, *b;

	memset(s, 0, sizeof(*s));
	mnl_attr_for_each_nested(a, nest) {
		__u16 type = mnl_attr_get_type(a);

		if (type > ETRUNK_BFD_A_MAX || !bfd_attr_types[type] ||
		    mnl_attr_validate(a, bfd_attr_types[type]) < 0) {
			snprintf(s->bad, sizeof(s->bad),
				 "BFD attribute %u not in the contract", type);
			continue;
		}
		if (s->seen[type] && type != ETRUNK_BFD_A_PAD)
			snprintf(s->bad, sizeof(s->bad),
				 "BFD attribute %u twice", type);
		s->seen[type] = true;
		switch (type) {
		case ETRUNK_BFD_A_NAME:
			snprintf(s->name, sizeof(s->name), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_BFD_A_IFNAME:
			snprintf(s->ifname, sizeof(s->ifname), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_BFD_A_PEER_ADDR:
			s->peer_len = mnl_attr_get_payload_len(a);
			if (s->peer_len <= 16)
				memcpy(s->peer, mnl_attr_get_payload(a), s->peer_len);
			break;
		case ETRUNK_BFD_A_SOURCE_ADDR:
			s->source_len = mnl_attr_get_payload_len(a);
			if (s->source_len <= 16)
				memcpy(s->source, mnl_attr_get_payload(a),
				       s->source_len);
			break;
		case ETRUNK_BFD_A_TYPE: s->type = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_MULT: s->mult = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_ADMIN_DOWN: s->admin_down = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_AUTH_TYPE: s->auth_type = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_AUTH_KEY_ID: s->auth_key_id = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_AUTH_KEY_SET: s->key_set = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_STATE: s->state = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_REMOTE_STATE: s->remote_state = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_DIAG: s->diag = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_REMOTE_DIAG: s->remote_diag = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_REMOTE_MULT: s->remote_mult = mnl_attr_get_u8(a); break;
		case ETRUNK_BFD_A_IFINDEX: s->ifindex = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_LOCAL_DISCR: s->local_discr = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_REMOTE_DISCR: s->remote_discr = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_MIN_TX: s->min_tx = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_MIN_RX: s->min_rx = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_GROUP: s->group = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_PEER_DISCR: s->peer_discr = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_TX_INTERVAL: s->tx_interval = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_DETECT_TIME: s->detect_time = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_REMOTE_MIN_TX: s->remote_min_tx = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_REMOTE_MIN_RX: s->remote_min_rx = mnl_attr_get_u32(a); break;
		case ETRUNK_BFD_A_CHANGE_AGE: s->change_age = mnl_attr_get_u64(a); break;
		case ETRUNK_BFD_A_LINKS:
			mnl_attr_for_each_nested(b, a) {
				if (mnl_attr_get_type(b) != ETRUNK_BFD_A_LINK) {
					snprintf(s->bad, sizeof(s->bad),
						 "ETRUNK_BFD_A_LINKS holds %u",
						 mnl_attr_get_type(b));
					continue;
				}
				if (s->n_links < 8)
					parse_bfd_link(b, &s->links[s->n_links]);
				s->n_links++;
			}
			break;
		case ETRUNK_BFD_A_PAD:
			break;
		default:	/* the counters */
			s->counters[type] = mnl_attr_get_u64(a);
		}
	}
}

static void bfd_from_msg(const struct nlmsghdr *m, struct bfd *s)
{
	const struct nlattr *a;

	memset(s, 0, sizeof(*s));
	mnl_attr_for_each(a, m, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == ETRUNK_A_BFD)
			parse_bfd(a, s);
		else
			snprintf(s->bad, sizeof(s->bad),
				 "attribute %u beside the session",
				 mnl_attr_get_type(a));
	if (memmem(m, m->nlmsg_len, key1, sizeof(key1)))
		s->raw_has_key = true;
}

/* A request with ETRUNK_A_BFD open (and the name, if any); the caller
 * ends the nest.
 */
struct nlattr *bfd_req(struct nl *nl, char *buf, __u8 cmd,
		       const char *name, struct nlmsghdr **nlhp)
{
	struct nlattr *nest;

	*nlhp = req_new(nl, buf, cmd, 0);
	nest = nest_start(*nlhp, ETRUNK_A_BFD);
	if (name)
		mnl_attr_put_strz(*nlhp, ETRUNK_BFD_A_NAME, name);
	return nest;
}

/* NEW_BFD @name: single hop to peer4 (the source if @source). */
int new_bfd(struct nl *nl, const char *name, bool source)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = bfd_req(nl, buf, ETRUNK_CMD_NEW_BFD, name, &nlh);
	struct reply r;
	int err;

	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	if (source)
		mnl_attr_put(nlh, ETRUNK_BFD_A_SOURCE_ADDR, 4, src4);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(nl, nlh, &r);
	if (err)
		fprintf(stderr, "# NEW_BFD %s: %d %s\n", name, err, r.msg);
	reply_free(&r);
	return err;
}

/* NEW_BFD @name: single hop to peer4 on device @ifname. */
int new_bfd_dev(struct nl *nl, const char *name, const char *ifname)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = bfd_req(nl, buf, ETRUNK_CMD_NEW_BFD, name, &nlh);
	struct reply r;
	int err;

	mnl_attr_put(nlh, ETRUNK_BFD_A_PEER_ADDR, 4, peer4);
	mnl_attr_put_strz(nlh, ETRUNK_BFD_A_IFNAME, ifname);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(nl, nlh, &r);
	if (err)
		fprintf(stderr, "# NEW_BFD %s: %d %s\n", name, err, r.msg);
	reply_free(&r);
	return err;
}

/* A request of @cmd on @name, with nothing else. */
int bfd_name_req(struct nl *nl, __u8 cmd, const char *name,
		 struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = bfd_req(nl, buf, cmd, name, &nlh);

	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}

int get_bfd(struct nl *nl, const char *name, struct bfd *s,
	    struct reply *r)
{
	int err = bfd_name_req(nl, ETRUNK_CMD_GET_BFD, name, r);

	memset(s, 0, sizeof(*s));
	if (!err && r->n == 1)
		bfd_from_msg(r->msgs[0], s);
	else if (!err)
		snprintf(s->bad, sizeof(s->bad), "%d replies", r->n);
	return err;
}

int dump_bfd(struct nl *nl, struct bfd *s, int max, int *n)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_GET_BFD, NLM_F_DUMP);
	struct reply r;
	int err, i;

	err = nl_talk(nl, nlh, &r);
	*n = r.n;
	for (i = 0; !err && i < r.n && i < max; i++)
		bfd_from_msg(r.msgs[i], &s[i]);
	reply_free(&r);
	return err;
}

/* SET_BFD of one u8 (@size 1) or u32 (4) attribute. */
int set_bfd_attr(struct nl *nl, const char *name, __u16 type, int size,
		 __u32 v, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = bfd_req(nl, buf, ETRUNK_CMD_SET_BFD, name, &nlh);

	if (size == 1)
		mnl_attr_put_u8(nlh, type, (__u8)v);
	else
		mnl_attr_put_u32(nlh, type, v);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}
