// SPDX-License-Identifier: GPL-2.0
/*
 * bfd.c - etrunkctl: BFD sessions: "bfd ...".
 */
#include "etrunkctl.h"

static const char *const bfd_type_names[] = {
	[ETRUNK_BFD_SINGLE_HOP] = "single-hop",
	[ETRUNK_BFD_MULTIHOP] = "multihop",
	[ETRUNK_BFD_MICRO] = "micro",
};

static const char *const bfd_state_names[] = {
	[ETRUNK_BFD_STATE_ADMIN_DOWN] = "admin-down",
	[ETRUNK_BFD_STATE_DOWN] = "down",
	[ETRUNK_BFD_STATE_INIT] = "init",
	[ETRUNK_BFD_STATE_UP] = "up",
};

/* RFC 5880 section 4.1's diagnostics, named as FRR's bfdd names them. */
static const char *const bfd_diag_names[] = {
	[ETRUNK_BFD_DIAG_NONE] = "none",
	[ETRUNK_BFD_DIAG_DETECT_EXPIRED] = "control-detection-time-expired",
	[ETRUNK_BFD_DIAG_ECHO_FAILED] = "echo-function-failed",
	[ETRUNK_BFD_DIAG_NEIGHBOR_DOWN] = "neighbor-signaled-session-down",
	[ETRUNK_BFD_DIAG_FWD_RESET] = "forwarding-plane-reset",
	[ETRUNK_BFD_DIAG_PATH_DOWN] = "path-down",
	[ETRUNK_BFD_DIAG_CONCAT_DOWN] = "concatenated-path-down",
	[ETRUNK_BFD_DIAG_ADMIN_DOWN] = "administratively-down",
	[ETRUNK_BFD_DIAG_REV_CONCAT_DOWN] = "reverse-concatenated-path-down",
};

static const char *const bfd_auth_names[] = {
	[ETRUNK_BFD_AUTH_NONE] = "none",
	[ETRUNK_BFD_AUTH_SIMPLE] = "simple",
	[ETRUNK_BFD_AUTH_KEYED_MD5] = "keyed-md5",
	[ETRUNK_BFD_AUTH_METICULOUS_MD5] = "meticulous-md5",
	[ETRUNK_BFD_AUTH_KEYED_SHA1] = "keyed-sha1",
	[ETRUNK_BFD_AUTH_METICULOUS_SHA1] = "meticulous-sha1",
};

static const char *const bfd_event_names[] = {
	[ETRUNK_EVENT_BFD_ADDED - ETRUNK_EVENT_BFD_ADDED] = "bfd-added",
	[ETRUNK_EVENT_BFD_CHANGED - ETRUNK_EVENT_BFD_ADDED] = "bfd-changed",
	[ETRUNK_EVENT_BFD_REMOVED - ETRUNK_EVENT_BFD_ADDED] = "bfd-removed",
	[ETRUNK_EVENT_BFD_STATE - ETRUNK_EVENT_BFD_ADDED] = "bfd-state",
};

struct bfd_link {
	uint32_t ifindex, local_discr, peer_discr;
	char ifname[IFNAMSIZ];
	uint8_t state, remote_state, diag;
	uint64_t ups, downs;
};

struct bfd {
	uint64_t has;	/* bit ETRUNK_BFD_A_x */
	char name[ETRUNK_BFD_NAME_MAX + 1];
	char ifname[IFNAMSIZ];
	struct addr peer, source;
	uint8_t type, mult, admin_down, auth_type, auth_key_id, key_set;
	uint8_t state, remote_state, diag, remote_diag, remote_mult;
	uint32_t ifindex, local_discr, remote_discr, min_tx, min_rx, group;
	uint32_t peer_discr, tx_interval, detect_time, remote_min_tx;
	uint32_t remote_min_rx;
	uint64_t change_age;
	uint64_t counters[ETRUNK_BFD_A_MAX + 1];
	unsigned int n_links;
	struct bfd_link *links;
};

static const enum mnl_attr_data_type bfd_attr_types[ETRUNK_BFD_A_MAX + 1] = {
	[ETRUNK_BFD_A_NAME] = MNL_TYPE_NUL_STRING,
	[ETRUNK_BFD_A_IFNAME] = MNL_TYPE_NUL_STRING,
	[ETRUNK_BFD_A_TYPE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_MULT] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_ADMIN_DOWN] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_AUTH_TYPE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_AUTH_KEY_ID] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_AUTH_KEY_SET] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_STATE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_REMOTE_STATE] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_DIAG] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_REMOTE_DIAG] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_REMOTE_MULT] = MNL_TYPE_U8,
	[ETRUNK_BFD_A_IFINDEX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_LOCAL_DISCR] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_REMOTE_DISCR] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_MIN_TX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_MIN_RX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_GROUP] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_PEER_DISCR] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_TX_INTERVAL] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_DETECT_TIME] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_REMOTE_MIN_TX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_REMOTE_MIN_RX] = MNL_TYPE_U32,
	[ETRUNK_BFD_A_CHANGE_AGE] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_PKTS_TX] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_PKTS_RX] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_DROPS] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_AUTH_FAILURES] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_UPS] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_DOWNS] = MNL_TYPE_U64,
	[ETRUNK_BFD_A_LINKS] = MNL_TYPE_NESTED,
};

static void parse_bfd_link(const struct nlattr *nest, struct bfd_link *l)
{
	const struct nlattr *a;

	memset(l, 0, sizeof(*l));
	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type == ETRUNK_BFD_LINK_A_IFNAME) {
			if (!mnl_attr_validate(a, MNL_TYPE_NUL_STRING))
				copy_name(l->ifname, a);
		} else if (type == ETRUNK_BFD_LINK_A_STATE ||
			   type == ETRUNK_BFD_LINK_A_REMOTE_STATE ||
			   type == ETRUNK_BFD_LINK_A_DIAG) {
			if (mnl_attr_validate(a, MNL_TYPE_U8))
				continue;
			if (type == ETRUNK_BFD_LINK_A_STATE)
				l->state = mnl_attr_get_u8(a);
			else if (type == ETRUNK_BFD_LINK_A_REMOTE_STATE)
				l->remote_state = mnl_attr_get_u8(a);
			else
				l->diag = mnl_attr_get_u8(a);
		} else if (type == ETRUNK_BFD_LINK_A_IFINDEX ||
			   type == ETRUNK_BFD_LINK_A_LOCAL_DISCR ||
			   type == ETRUNK_BFD_LINK_A_PEER_DISCR) {
			if (mnl_attr_validate(a, MNL_TYPE_U32))
				continue;
			if (type == ETRUNK_BFD_LINK_A_IFINDEX)
				l->ifindex = mnl_attr_get_u32(a);
			else if (type == ETRUNK_BFD_LINK_A_LOCAL_DISCR)
				l->local_discr = mnl_attr_get_u32(a);
			else
				l->peer_discr = mnl_attr_get_u32(a);
		} else if (type == ETRUNK_BFD_LINK_A_UPS ||
			   type == ETRUNK_BFD_LINK_A_DOWNS) {
			if (mnl_attr_validate(a, MNL_TYPE_U64))
				continue;
			if (type == ETRUNK_BFD_LINK_A_UPS)
				l->ups = mnl_attr_get_u64(a);
			else
				l->downs = mnl_attr_get_u64(a);
		}
	}
}

static void parse_bfd(const struct nlattr *nest, struct bfd *s)
{
	const struct nlattr *a, *b;
	unsigned int n;

	memset(s, 0, sizeof(*s));
	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type > ETRUNK_BFD_A_MAX)
			continue;
		if (type == ETRUNK_BFD_A_PEER_ADDR) {
			get_addr(a, &s->peer);
		} else if (type == ETRUNK_BFD_A_SOURCE_ADDR) {
			get_addr(a, &s->source);
		} else if (!bfd_attr_types[type] ||
			   mnl_attr_validate(a, bfd_attr_types[type]) < 0) {
			continue;
		}
		switch (type) {
		case ETRUNK_BFD_A_NAME:
			snprintf(s->name, sizeof(s->name), "%s", mnl_attr_get_str(a));
			break;
		case ETRUNK_BFD_A_IFNAME:
			copy_name(s->ifname, a);
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
		case ETRUNK_BFD_A_PKTS_TX:
		case ETRUNK_BFD_A_PKTS_RX:
		case ETRUNK_BFD_A_DROPS:
		case ETRUNK_BFD_A_AUTH_FAILURES:
		case ETRUNK_BFD_A_UPS:
		case ETRUNK_BFD_A_DOWNS:
			s->counters[type] = mnl_attr_get_u64(a);
			break;
		case ETRUNK_BFD_A_LINKS:
			n = 0;
			mnl_attr_for_each_nested(b, a)
				n++;
			free(s->links);
			s->links = calloc(n + 1, sizeof(*s->links));
			if (!s->links)
				out_of_memory();
			s->n_links = 0;
			mnl_attr_for_each_nested(b, a)
				if (mnl_attr_get_type(b) == ETRUNK_BFD_A_LINK)
					parse_bfd_link(b, &s->links[s->n_links++]);
			break;
		}
		s->has |= BIT64(type);
	}
}

static const char *const bfd_link_head[] = {
	"member", "state", "remote", "diagnostic", "local-discr", "peer-discr",
	"ups", "downs",
};

static void print_bfd_links_plain(const struct bfd *s)
{
	char buf[40];
	struct table tb;
	unsigned int i;

	if (!s->n_links) {
		puts("  no member sessions yet");
		return;
	}
	table_init(&tb, s->n_links, bfd_link_head, ARRAY_SIZE(bfd_link_head));
	for (i = 0; i < s->n_links; i++) {
		const struct bfd_link *l = &s->links[i];

		if (l->ifname[0])
			table_set(&tb, i, 0, l->ifname);
		else {
			snprintf(buf, sizeof(buf), "ifindex %u", l->ifindex);
			table_set(&tb, i, 0, buf);
		}
		table_set(&tb, i, 1, enum_str(NAMES(bfd_state_names), l->state,
					      buf, sizeof(buf)));
		table_set(&tb, i, 2, enum_str(NAMES(bfd_state_names),
					      l->remote_state, buf, sizeof(buf)));
		table_set(&tb, i, 3, enum_str(NAMES(bfd_diag_names), l->diag,
					      buf, sizeof(buf)));
		snprintf(buf, sizeof(buf), "%u", l->local_discr);
		table_set(&tb, i, 4, buf);
		snprintf(buf, sizeof(buf), "%u", l->peer_discr);
		table_set(&tb, i, 5, buf);
		snprintf(buf, sizeof(buf), "%" PRIu64, l->ups);
		table_set(&tb, i, 6, buf);
		snprintf(buf, sizeof(buf), "%" PRIu64, l->downs);
		table_set(&tb, i, 7, buf);
	}
	table_print(&tb, "  ");
}

static void print_bfd_plain(const struct bfd *s)
{
	char a[INET6_ADDRSTRLEN + 8], b[40], c[40], d[40];
	struct line l = { "  " };

	printf("bfd %s: %s, remote %s, %s\n", s->name,
	       enum_str(NAMES(bfd_state_names), s->state, b, sizeof(b)),
	       enum_str(NAMES(bfd_state_names), s->remote_state, c, sizeof(c)),
	       enum_str(NAMES(bfd_type_names), s->type, d, sizeof(d)));
	line_add(&l, "peer %s", addr_str(&s->peer, a, sizeof(a)));
	if (s->source.len)
		line_add(&l, "source %s", addr_str(&s->source, a, sizeof(a)));
	if (HAS(s, ETRUNK_BFD_A_IFNAME))
		line_add(&l, "%s %s", s->type == ETRUNK_BFD_MICRO ? "trunk" : "dev",
			 s->ifname);
	if (s->admin_down)
		line_add(&l, "shutdown");
	if (s->group)
		line_add(&l, "e-trunk %u's own", s->group);
	line_end(&l);
	l.sep = "  ";
	if (HAS(s, ETRUNK_BFD_A_LOCAL_DISCR))
		line_add(&l, "local-discr %u", s->local_discr);
	line_add(&l, "peer-discr %u", s->peer_discr);
	if (HAS(s, ETRUNK_BFD_A_REMOTE_DISCR))
		line_add(&l, s->remote_discr ? "remote-discr %u" :
			 "remote-discr learned", s->remote_discr);
	line_end(&l);
	printf("  configured: min-tx %s ms, min-rx %s ms, multiplier %u\n",
	       ms_str(s->min_tx, b, sizeof(b)), ms_str(s->min_rx, c, sizeof(c)),
	       s->mult);
	printf("  negotiated: tx %s ms, detection time %s ms\n",
	       ms_str(s->tx_interval, b, sizeof(b)),
	       ms_str(s->detect_time, c, sizeof(c)));
	printf("  peer sends: min-tx %s ms, min-rx %s ms, multiplier %u\n",
	       ms_str(s->remote_min_tx, b, sizeof(b)),
	       ms_str(s->remote_min_rx, c, sizeof(c)), s->remote_mult);
	printf("  diagnostic %s, remote %s\n",
	       enum_str(NAMES(bfd_diag_names), s->diag, b, sizeof(b)),
	       enum_str(NAMES(bfd_diag_names), s->remote_diag, c, sizeof(c)));
	printf("  authentication %s", enum_str(NAMES(bfd_auth_names),
					       s->auth_type, b, sizeof(b)));
	if (s->auth_type != ETRUNK_BFD_AUTH_NONE)
		printf(" key-id %u", s->auth_key_id);
	printf(", key %s\n", s->key_set ? "set" : "unset");
	printf("  last change %" PRIu64 ".%" PRIu64 " s ago\n",
	       s->change_age / 1000, s->change_age % 1000 / 100);
	printf("  packets: sent %" PRIu64 ", received %" PRIu64 "; drops %" PRIu64
	       ", auth-failures %" PRIu64 "; ups %" PRIu64 ", downs %" PRIu64 "\n",
	       s->counters[ETRUNK_BFD_A_PKTS_TX], s->counters[ETRUNK_BFD_A_PKTS_RX],
	       s->counters[ETRUNK_BFD_A_DROPS],
	       s->counters[ETRUNK_BFD_A_AUTH_FAILURES],
	       s->counters[ETRUNK_BFD_A_UPS], s->counters[ETRUNK_BFD_A_DOWNS]);
	if (s->type == ETRUNK_BFD_MICRO)
		print_bfd_links_plain(s);
}

/* @links: with the micro-BFD links (not in events, which have none). */
static void json_bfd_fields(const struct bfd *s, bool links)
{
	char a[INET6_ADDRSTRLEN + 8];
	unsigned int i;

	json_string("name", s->name);
	json_enum("type", NAMES(bfd_type_names), s->type);
	json_enum("state", NAMES(bfd_state_names), s->state);
	json_enum("remote_state", NAMES(bfd_state_names), s->remote_state);
	json_string("peer", addr_str(&s->peer, a, sizeof(a)));
	if (s->source.len)
		json_string("source", addr_str(&s->source, a, sizeof(a)));
	else
		json_null("source");
	if (HAS(s, ETRUNK_BFD_A_IFNAME)) {
		json_string("dev", s->ifname);
		json_uint("ifindex", s->ifindex);
	} else {
		json_null("dev");
		json_null("ifindex");
	}
	if (HAS(s, ETRUNK_BFD_A_LOCAL_DISCR))
		json_uint("local_discr", s->local_discr);
	else
		json_null("local_discr");
	if (HAS(s, ETRUNK_BFD_A_REMOTE_DISCR))
		json_uint("remote_discr", s->remote_discr);
	else
		json_null("remote_discr");
	json_uint("peer_discr", s->peer_discr);
	json_uint("min_tx_us", s->min_tx);
	json_uint("min_rx_us", s->min_rx);
	json_uint("multiplier", s->mult);
	json_bool("shutdown", s->admin_down);
	json_enum("auth", NAMES(bfd_auth_names), s->auth_type);
	json_uint("auth_key_id", s->auth_key_id);
	json_bool("key_set", s->key_set);
	if (s->group)
		json_uint("e_trunk", s->group);
	else
		json_null("e_trunk");
	json_uint("tx_interval_us", s->tx_interval);
	json_uint("detect_time_us", s->detect_time);
	json_uint("remote_min_tx_us", s->remote_min_tx);
	json_uint("remote_min_rx_us", s->remote_min_rx);
	json_uint("remote_multiplier", s->remote_mult);
	json_enum("diag", NAMES(bfd_diag_names), s->diag);
	json_enum("remote_diag", NAMES(bfd_diag_names), s->remote_diag);
	json_uint("last_change_ms", s->change_age);
	json_open_object("counters");
	json_uint("pkts_tx", s->counters[ETRUNK_BFD_A_PKTS_TX]);
	json_uint("pkts_rx", s->counters[ETRUNK_BFD_A_PKTS_RX]);
	json_uint("drops", s->counters[ETRUNK_BFD_A_DROPS]);
	json_uint("auth_failures", s->counters[ETRUNK_BFD_A_AUTH_FAILURES]);
	json_uint("ups", s->counters[ETRUNK_BFD_A_UPS]);
	json_uint("downs", s->counters[ETRUNK_BFD_A_DOWNS]);
	json_close_object();
	if (!links)
		return;
	if (s->type != ETRUNK_BFD_MICRO) {
		json_null("links");
		return;
	}
	json_open_array("links");
	for (i = 0; i < s->n_links; i++) {
		const struct bfd_link *l = &s->links[i];

		json_open_object(NULL);
		json_string("dev", l->ifname);
		json_uint("ifindex", l->ifindex);
		json_enum("state", NAMES(bfd_state_names), l->state);
		json_enum("remote_state", NAMES(bfd_state_names), l->remote_state);
		json_enum("diag", NAMES(bfd_diag_names), l->diag);
		json_uint("local_discr", l->local_discr);
		json_uint("peer_discr", l->peer_discr);
		json_uint("ups", l->ups);
		json_uint("downs", l->downs);
		json_close_object();
	}
	json_close_array();
}

static void put_bfd_name(struct nlmsghdr *nlh, const char *name)
{
	if (strlen(name) > ETRUNK_BFD_NAME_MAX)
		usage_error("bfd: a session name is at most %d bytes, not '%s'",
			    ETRUNK_BFD_NAME_MAX, name);
	mnl_attr_put_strz(nlh, ETRUNK_BFD_A_NAME, name);
}

static void bfd_parse(const struct nlattr *nest, void *obj)
{
	parse_bfd(nest, obj);
}

static void bfd_print(const void *obj)
{
	print_bfd_plain(obj);
}

static void bfd_json(const void *obj)
{
	json_bfd_fields(obj, true);
}

static void bfd_release(void *obj)
{
	free(((struct bfd *)obj)->links);
}

/* bfd add NAME ...: the configuration of one session. */
static void bfd_save(const void *obj)
{
	const struct bfd *s = obj;
	char buf[24];

	printf("bfd add %s", s->name);
	save_addr("peer", &s->peer);
	if (s->source.len)
		save_addr("source", &s->source);
	if (HAS(s, ETRUNK_BFD_A_IFNAME))
		save_str("dev", s->ifname);
	save_str("type", enum_str(NAMES(bfd_type_names), s->type, buf,
				  sizeof(buf)));
	if (HAS(s, ETRUNK_BFD_A_LOCAL_DISCR) && s->local_discr <= 8191)
		save_uint("local-discr", s->local_discr);
	if (HAS(s, ETRUNK_BFD_A_REMOTE_DISCR))
		save_uint("remote-discr", s->remote_discr);
	save_str("min-tx", ms_str(s->min_tx, buf, sizeof(buf)));
	save_str("min-rx", ms_str(s->min_rx, buf, sizeof(buf)));
	save_uint("multiplier", s->mult);
	if (s->auth_type) {
		save_str("auth", enum_str(NAMES(bfd_auth_names), s->auth_type,
					  buf, sizeof(buf)));
		save_uint("key-id", s->auth_key_id);
	}
	if (s->key_set && save_keys) {
		char key[ETRUNK_BFD_KEY_MAX + 1];
		size_t n;

		n = obj_key(&bfd_type, ETRUNK_CMD_GET_BFD_KEY, s->name,
			    ETRUNK_BFD_A_AUTH_KEY, (uint8_t *)key,
			    ETRUNK_BFD_KEY_MAX);
		key[n] = '\0';
		if (n)
			save_str("key", key);
	}
	if (s->admin_down)
		fputs(" shutdown", stdout);
	putchar('\n');
	if (s->key_set && !save_keys)
		printf("# bfd %s: a key is set (save -o FILE writes keys)\n",
		       s->name);
}

const struct obj_type bfd_type = {
	.attr = ETRUNK_A_BFD,
	.get_cmd = ETRUNK_CMD_GET_BFD,
	.size = sizeof(struct bfd),
	.put_name = put_bfd_name,
	.parse = bfd_parse,
	.print = bfd_print,
	.json = bfd_json,
	.release = bfd_release,
	.save = bfd_save,
};

static int cmd_bfd_show(int argc, char **argv)
{
	if (argc > 1)
		usage_error("bfd show takes at most one session name, not '%s'",
			    argv[1]);
	return obj_show(&bfd_type, argc == 1 ? argv[0] : NULL);
}

/* bfd add|set NAME [ option value | shutdown | no-shutdown ]... */
static int cmd_bfd_change(uint8_t cmd, int argc, char **argv)
{
	const char *what = cmd == ETRUNK_CMD_NEW_BFD ? "add" : "set";
	uint64_t seen = 0;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int i;

	if (argc < 1)
		usage_error("bfd %s needs a session name", what);
	if (cmd == ETRUNK_CMD_SET_BFD && argc < 2)
		usage_error("bfd set %s: nothing to set", argv[0]);
	nl_start(&nl);
	nest = obj_request(&nl, &nlh, &bfd_type, cmd, NLM_F_ACK, argv[0]);
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val;
		unsigned int type;
		struct addr ad = { 0 };

		if (!strcmp(key, "shutdown") || !strcmp(key, "no-shutdown")) {
			type = ETRUNK_BFD_A_ADMIN_DOWN;
			mnl_attr_put_u8(nlh, type, !strcmp(key, "shutdown"));
			i--;
			goto next;
		}
		val = value_of(argc, argv, i);
		if (!strcmp(key, "peer") || !strcmp(key, "source")) {
			type = !strcmp(key, "peer") ? ETRUNK_BFD_A_PEER_ADDR :
						      ETRUNK_BFD_A_SOURCE_ADDR;
			if (type == ETRUNK_BFD_A_SOURCE_ADDR && !strcmp(val, "none"))
				mnl_attr_put(nlh, type, 0, NULL);
			else {
				parse_target(key, val, 0, &ad);
				mnl_attr_put(nlh, type, ad.len, ad.a);
			}
		} else if (!strcmp(key, "dev")) {
			type = ETRUNK_BFD_A_IFNAME;
			if (!strcmp(val, "none"))
				mnl_attr_put_u32(nlh, ETRUNK_BFD_A_IFINDEX, 0);
			else
				put_name(nlh, type, val);
		} else if (!strcmp(key, "type")) {
			type = ETRUNK_BFD_A_TYPE;
			mnl_attr_put_u8(nlh, type,
					parse_enum(key, val, NAMES(bfd_type_names)));
		} else if (matches(key, "local-discr", "local_discr")) {
			type = ETRUNK_BFD_A_LOCAL_DISCR;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, 1,
						     ETRUNK_BFD_STATIC_DISCR_MAX, ""));
		} else if (matches(key, "remote-discr", "remote_discr")) {
			type = ETRUNK_BFD_A_REMOTE_DISCR;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, 0,
						     ETRUNK_BFD_STATIC_DISCR_MAX, ""));
		} else if (matches(key, "min-tx", "min_tx")) {
			type = ETRUNK_BFD_A_MIN_TX;
			mnl_attr_put_u32(nlh, type,
					 parse_ms(key, val, ETRUNK_BFD_MIN_INTERVAL,
						  ETRUNK_BFD_MAX_INTERVAL));
		} else if (matches(key, "min-rx", "min_rx")) {
			type = ETRUNK_BFD_A_MIN_RX;
			mnl_attr_put_u32(nlh, type,
					 parse_ms(key, val, ETRUNK_BFD_MIN_INTERVAL,
						  ETRUNK_BFD_MAX_INTERVAL));
		} else if (matches(key, "multiplier", "mult")) {
			type = ETRUNK_BFD_A_MULT;
			mnl_attr_put_u8(nlh, type,
					(uint8_t)parse_range(key, val, 1, 255, ""));
		} else if (!strcmp(key, "auth")) {
			type = ETRUNK_BFD_A_AUTH_TYPE;
			mnl_attr_put_u8(nlh, type,
					parse_enum(key, val, NAMES(bfd_auth_names)));
		} else if (matches(key, "key-id", "key_id")) {
			type = ETRUNK_BFD_A_AUTH_KEY_ID;
			mnl_attr_put_u8(nlh, type,
					(uint8_t)parse_range(key, val, 0, 255, ""));
		} else if (!strcmp(key, "key")) {
			/* The message does not repeat the value: a secret. */
			type = ETRUNK_BFD_A_AUTH_KEY;
			if (strlen(val) > ETRUNK_BFD_KEY_MAX)
				usage_error("%s: at most %d bytes", key,
					    ETRUNK_BFD_KEY_MAX);
			mnl_attr_put(nlh, type, strlen(val), val);
		} else {
			usage_error("bfd %s: unknown option '%s'", what, key);
		}
next:
		if (seen & BIT64(type))
			usage_error("%s given twice", key);
		seen |= BIT64(type);
	}
	if (cmd == ETRUNK_CMD_NEW_BFD && !(seen & BIT64(ETRUNK_BFD_A_PEER_ADDR)))
		usage_error("bfd add %s: which peer? (peer ADDR)", argv[0]);
	return obj_send(&nl, nlh, nest);
}

static int cmd_bfd_del(int argc, char **argv)
{
	if (argc != 1)
		usage_error("bfd del needs one session name");
	return obj_del(&bfd_type, ETRUNK_CMD_DEL_BFD, argv[0]);
}

int cmd_bfd(int argc, char **argv)
{
	if (argc < 1)
		usage_error("bfd needs add, set, del or show");
	if (!strcmp(argv[0], "show"))
		return cmd_bfd_show(argc - 1, argv + 1);
	if (!strcmp(argv[0], "add"))
		return cmd_bfd_change(ETRUNK_CMD_NEW_BFD, argc - 1, argv + 1);
	if (!strcmp(argv[0], "set"))
		return cmd_bfd_change(ETRUNK_CMD_SET_BFD, argc - 1, argv + 1);
	if (matches(argv[0], "del", "delete"))
		return cmd_bfd_del(argc - 1, argv + 1);
	usage_error("unknown bfd command '%s'", argv[0]);
}

/* Events of BFD sessions: the session, without its links. */
void print_bfd_event(const struct nlmsghdr *nlh, const struct trunk *t)
{
	const char *ev = bfd_event_names[t->event - ETRUNK_EVENT_BFD_ADDED];
	const struct nlattr *a;
	struct bfd s = { 0 };

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(a) == ETRUNK_A_BFD)
			parse_bfd(a, &s);
	if (json) {
		json_open_object(NULL);
		json_uint("seq", t->event_seq);
		json_string("event", ev);
		json_open_object("bfd");
		json_bfd_fields(&s, false);
		json_close_object();
		json_close_object();
	} else {
		char b[40], c[40], d[40];

		printf("seq %u %s bfd %s state %s remote %s diagnostic %s\n",
		       t->event_seq, ev, s.name,
		       enum_str(NAMES(bfd_state_names), s.state, b, sizeof(b)),
		       enum_str(NAMES(bfd_state_names), s.remote_state, c,
				sizeof(c)),
		       enum_str(NAMES(bfd_diag_names), s.diag, d, sizeof(d)));
	}
	free(s.links);
}
