// SPDX-License-Identifier: GPL-2.0
/*
 * genl_group - E-Trunk group messages of the etrunk family, parsed and
 * checked, and the requests that make, get, dump and bind groups.
 */

#include "genl_util.h"

static const enum mnl_attr_data_type group_attr_types[ETRUNK_GROUP_A_MAX + 1] = {
	[ETRUNK_GROUP_A_ID] = MNL_TYPE_U32,
	[ETRUNK_GROUP_A_PAD] = MNL_TYPE_FLAG,
	[ETRUNK_GROUP_A_PRIORITY] = MNL_TYPE_U8,
	[ETRUNK_GROUP_A_SYSTEM] = MNL_TYPE_BINARY,
	[ETRUNK_GROUP_A_PEER_ADDR] = MNL_TYPE_BINARY,
	[ETRUNK_GROUP_A_SOURCE_ADDR] = MNL_TYPE_BINARY,
	[ETRUNK_GROUP_A_LIVENESS_ADDR] = MNL_TYPE_BINARY,
	[ETRUNK_GROUP_A_PORT] = MNL_TYPE_U16,
	[ETRUNK_GROUP_A_KEY_SET] = MNL_TYPE_U8,
	[ETRUNK_GROUP_A_HELLO_INTERVAL] = MNL_TYPE_U32,
	[ETRUNK_GROUP_A_HOLD_MULT] = MNL_TYPE_U8,
	[ETRUNK_GROUP_A_REVERT_DELAY] = MNL_TYPE_U32,
	[ETRUNK_GROUP_A_DESCRIPTION] = MNL_TYPE_NUL_STRING,
	[ETRUNK_GROUP_A_PEER_STATE] = MNL_TYPE_U8,
	[ETRUNK_GROUP_A_HELLOS_TX] = MNL_TYPE_U64,
	[ETRUNK_GROUP_A_HELLOS_RX] = MNL_TYPE_U64,
	[ETRUNK_GROUP_A_AUTH_FAILURES] = MNL_TYPE_U64,
	[ETRUNK_GROUP_A_REPLAYS] = MNL_TYPE_U64,
	[ETRUNK_GROUP_A_ROLE_CHANGES] = MNL_TYPE_U64,
	[ETRUNK_GROUP_A_DROPS] = MNL_TYPE_U64,
	[ETRUNK_GROUP_A_TRUNKS] = MNL_TYPE_NESTED,
	[ETRUNK_GROUP_A_BFD_SESSION] = MNL_TYPE_NUL_STRING,
	[ETRUNK_GROUP_A_BFD] = MNL_TYPE_U8,
	[ETRUNK_GROUP_A_BFD_MIN_TX] = MNL_TYPE_U32,
	[ETRUNK_GROUP_A_BFD_MIN_RX] = MNL_TYPE_U32,
	[ETRUNK_GROUP_A_BFD_MULT] = MNL_TYPE_U8,
	/* never: ETRUNK_GROUP_A_KEY (write-only), ETRUNK_GROUP_A_TRUNK here */
};

static void parse_binding(const struct nlattr *nest, struct binding *b,
			  struct group *g)
{
	const struct nlattr *a;

	memset(b, 0, sizeof(*b));
	mnl_attr_for_each_nested(a, nest) {
		switch (mnl_attr_get_type(a)) {
		case ETRUNK_BIND_A_IFINDEX:
			b->ifindex = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_IFNAME:
			snprintf(b->ifname, sizeof(b->ifname), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_BIND_A_GROUP:
			b->group = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_ID:
			b->id = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_MODE:
			b->mode = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BIND_A_REMOTE_ID:
			b->remote_id = mnl_attr_get_u32(a);
			b->has_remote_id = true;
			break;
		case ETRUNK_BIND_A_BASIS:
			b->basis = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BIND_A_ROLE:
			b->role = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BIND_A_REASON:
			b->reason = mnl_attr_get_u8(a);
			break;
		case ETRUNK_BIND_A_REVERT_MS:
			b->revert_ms = mnl_attr_get_u32(a);
			b->has_revert_ms = true;
			break;
		default:
			snprintf(g->bad, sizeof(g->bad),
				 "binding attribute %u not in the contract",
				 mnl_attr_get_type(a));
		}
	}
}

static void parse_group(const struct nlattr *nest, struct group *g)
{
	const struct nlattr *a, *b;

	memset(g, 0, sizeof(*g));
	mnl_attr_for_each_nested(a, nest) {
		__u16 type = mnl_attr_get_type(a);

		if (type > ETRUNK_GROUP_A_MAX || !group_attr_types[type] ||
		    mnl_attr_validate(a, group_attr_types[type]) < 0) {
			snprintf(g->bad, sizeof(g->bad),
				 "group attribute %u not in the contract", type);
			continue;
		}
		g->seen[type] = true;
		switch (type) {
		case ETRUNK_GROUP_A_ID:
			g->id = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_PRIORITY:
			g->priority = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_SYSTEM:
			memcpy(g->system, mnl_attr_get_payload(a), 6);
			break;
		case ETRUNK_GROUP_A_PEER_ADDR:
			g->peer_len = mnl_attr_get_payload_len(a);
			memcpy(g->peer, mnl_attr_get_payload(a), g->peer_len);
			break;
		case ETRUNK_GROUP_A_SOURCE_ADDR:
			g->source_len = mnl_attr_get_payload_len(a);
			memcpy(g->source, mnl_attr_get_payload(a), g->source_len);
			break;
		case ETRUNK_GROUP_A_LIVENESS_ADDR:
			g->liveness_len = mnl_attr_get_payload_len(a);
			memcpy(g->liveness, mnl_attr_get_payload(a),
			       g->liveness_len);
			break;
		case ETRUNK_GROUP_A_PORT:
			g->port = mnl_attr_get_u16(a);
			break;
		case ETRUNK_GROUP_A_KEY_SET:
			g->key_set = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_HELLO_INTERVAL:
			g->hello_interval = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_HOLD_MULT:
			g->hold_mult = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_REVERT_DELAY:
			g->revert_delay = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_DESCRIPTION:
			snprintf(g->descr, sizeof(g->descr), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_GROUP_A_PEER_STATE:
			g->peer_state = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_BFD_SESSION:
			snprintf(g->bfd_session, sizeof(g->bfd_session), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_GROUP_A_BFD:
			g->bfd = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_BFD_MIN_TX:
			g->bfd_min_tx = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_BFD_MIN_RX:
			g->bfd_min_rx = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_BFD_MULT:
			g->bfd_mult = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_TRUNKS:
			mnl_attr_for_each_nested(b, a) {
				if (mnl_attr_get_type(b) != ETRUNK_GROUP_A_TRUNK ||
				    g->n_trunks == 8)
					continue;
				parse_binding(b, &g->trunks[g->n_trunks++], g);
			}
			break;
		case ETRUNK_GROUP_A_PAD:
			break;
		default:	/* the counters */
			g->counters[type] = mnl_attr_get_u64(a);
		}
	}
}

/* A request with ETRUNK_A_GROUP open; the caller ends the nest. */
struct nlattr *group_req(struct nl *nl, char *buf, __u8 cmd, __u32 id,
			 struct nlmsghdr **nlhp)
{
	struct nlattr *nest;

	*nlhp = req_new(nl, buf, cmd, 0);
	nest = nest_start(*nlhp, ETRUNK_A_GROUP);
	if (id)
		mnl_attr_put_u32(*nlhp, ETRUNK_GROUP_A_ID, id);
	return nest;
}

/* NEW_GROUP @id with the required attributes (IPv4). */
int new_group(struct nl *nl, __u32 id)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = group_req(nl, buf, ETRUNK_CMD_NEW_GROUP, id, &nlh);
	struct reply r;
	int err;

	mnl_attr_put(nlh, ETRUNK_GROUP_A_SYSTEM, 6, sys1);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_PEER_ADDR, 4, peer4);
	mnl_attr_put(nlh, ETRUNK_GROUP_A_SOURCE_ADDR, 4, src4);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(nl, nlh, &r);
	if (err)
		fprintf(stderr, "# NEW_GROUP %u: %d %s\n", id, err, r.msg);
	reply_free(&r);
	return err;
}

static void group_from_msg(const struct nlmsghdr *m, struct group *g)
{
	const struct nlattr *a;

	memset(g, 0, sizeof(*g));
	mnl_attr_for_each(a, m, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == ETRUNK_A_GROUP)
			parse_group(a, g);
		else
			snprintf(g->bad, sizeof(g->bad),
				 "attribute %u beside the group",
				 mnl_attr_get_type(a));
	if (memmem(m, m->nlmsg_len, key1, sizeof(key1)))
		g->raw_has_key = true;
}

int get_group(struct nl *nl, __u32 id, struct group *g, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest = group_req(nl, buf, ETRUNK_CMD_GET_GROUP, id, &nlh);
	int err;

	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(nl, nlh, r);
	memset(g, 0, sizeof(*g));
	if (!err && r->n == 1)
		group_from_msg(r->msgs[0], g);
	else if (!err)
		snprintf(g->bad, sizeof(g->bad), "%d replies", r->n);
	return err;
}

int dump_groups(struct nl *nl, struct group *g, int max, int *n)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_GET_GROUP, NLM_F_DUMP);
	struct reply r;
	int err, i;

	err = nl_talk(nl, nlh, &r);
	*n = 0;
	for (i = 0; !err && i < r.n && i < max; i++)
		group_from_msg(r.msgs[i], &g[(*n)++]);
	reply_free(&r);
	return err;
}

/* The member trunk id bind_req() gives @trunk: unique, from its ifindex. */
__u32 default_bind_id(const char *trunk)
{
	return 1000 + ifindex_of(trunk);
}

/* BIND_TRUNK / SET_BINDING / SET_ROLE: @trunk and a binding nest of
 * u32 @group (0: none), and u8 attributes @a1 = @v1, @a2 = @v2 (0: none).
 * BIND_TRUNK also gets the id default_bind_id() (a1 ETRUNK_BIND_A_ID
 * instead: @v1 as the u32 id; 0: no id).
 */
int bind_req(struct nl *nl, __u8 cmd, const char *trunk, __u32 group,
	     __u16 a1, __u8 v1, __u16 a2, __u8 v2, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh = req_new(nl, buf, cmd, 0);
	struct nlattr *nest;

	put_trunk(nlh, trunk, 0);
	nest = nest_start(nlh, ETRUNK_A_BINDING);
	if (group)
		mnl_attr_put_u32(nlh, ETRUNK_BIND_A_GROUP, group);
	if (a1 == ETRUNK_BIND_A_ID) {
		if (v1)
			mnl_attr_put_u32(nlh, a1, v1);
		a1 = 0;
	} else if (cmd == ETRUNK_CMD_BIND_TRUNK) {
		mnl_attr_put_u32(nlh, ETRUNK_BIND_A_ID, default_bind_id(trunk));
	}
	if (a1)
		mnl_attr_put_u8(nlh, a1, v1);
	if (a2)
		mnl_attr_put_u8(nlh, a2, v2);
	mnl_attr_nest_end(nlh, nest);
	return nl_talk(nl, nlh, r);
}

int unbind(struct nl *nl, const char *trunk, struct reply *r)
{
	char buf[TXBUF_SIZE];
	struct nlmsghdr *nlh = req_new(nl, buf, ETRUNK_CMD_UNBIND_TRUNK, 0);

	put_trunk(nlh, trunk, 0);
	return nl_talk(nl, nlh, r);
}
