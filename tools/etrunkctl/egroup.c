// SPDX-License-Identifier: GPL-2.0
/*
 * egroup.c - etrunkctl: E-Trunk groups and trunk bindings: "e-trunk ...".
 */
#include "etrunkctl.h"

/* The reason, with the revert wait's time left: "revert-wait (1.5 s left)". */
static const char *ereason_str(const struct ebinding *b, char *buf,
			       size_t size)
{
	char num[16];
	const char *name;

	name = enum_str(NAMES(etrunk_ereason_names), b->reason, num, sizeof(num));
	if (b->has & (1u << ETRUNK_BIND_A_REVERT_MS))
		snprintf(buf, size, "%s (%u.%u s left)", name,
			 b->revert_ms / 1000, b->revert_ms % 1000 / 100);
	else
		snprintf(buf, size, "%s", name);
	return buf;
}

/*   e-trunk 1 id 10 mode auto basis priority role master (higher-priority) */
void print_binding_plain(const struct ebinding *b)
{
	char buf[64];

	printf("  e-trunk %u id %u mode %s", b->group, b->id,
	       enum_str(NAMES(etrunk_egroup_mode_names), b->mode, buf,
			sizeof(buf)));
	if (b->has & (1u << ETRUNK_BIND_A_REMOTE_ID))
		printf(" remote-id %u", b->remote_id);
	printf(" basis %s", enum_str(NAMES(etrunk_egroup_basis_names), b->basis,
				     buf, sizeof(buf)));
	printf(" role %s", enum_str(NAMES(etrunk_erole_names), b->role, buf,
				    sizeof(buf)));
	if (b->reason != ETRUNK_EREASON_NONE)
		printf(" (%s)", ereason_str(b, buf, sizeof(buf)));
	putchar('\n');
}

#define EGROUP_MAX_TRUNKS ETRUNK_GROUP_MAX_TRUNKS

struct egroup {
	uint32_t has;	/* bit ETRUNK_GROUP_A_x */
	uint32_t id, hello_interval, revert_delay;
	uint8_t priority, system[6], key_set, hold_mult, peer_state;
	struct addr peer, source, liveness;
	uint16_t port;
	char descr[ETRUNK_GROUP_DESCR_MAX + 1];
	uint64_t counters[ETRUNK_GROUP_A_MAX + 1];
	char bfd_session[ETRUNK_BFD_NAME_MAX + 1];
	uint8_t bfd, bfd_mult;
	uint32_t bfd_min_tx, bfd_min_rx;
	unsigned int n_trunks;
	struct ebinding trunks[EGROUP_MAX_TRUNKS];
};

void parse_ebinding(const struct nlattr *nest, struct ebinding *b)
{
	const struct nlattr *a;

	memset(b, 0, sizeof(*b));
	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);
		enum mnl_attr_data_type want;

		switch (type) {
		case ETRUNK_BIND_A_IFNAME:
			want = MNL_TYPE_NUL_STRING;
			break;
		case ETRUNK_BIND_A_IFINDEX:
		case ETRUNK_BIND_A_GROUP:
		case ETRUNK_BIND_A_ID:
		case ETRUNK_BIND_A_REMOTE_ID:
		case ETRUNK_BIND_A_REVERT_MS:
			want = MNL_TYPE_U32;
			break;
		case ETRUNK_BIND_A_MODE:
		case ETRUNK_BIND_A_BASIS:
		case ETRUNK_BIND_A_ROLE:
		case ETRUNK_BIND_A_REASON:
			want = MNL_TYPE_U8;
			break;
		default:
			continue;
		}
		if (mnl_attr_validate(a, want) < 0)
			continue;
		b->has |= 1u << type;
		switch (type) {
		case ETRUNK_BIND_A_IFNAME:
			copy_name(b->ifname, a);
			break;
		case ETRUNK_BIND_A_IFINDEX:
			b->ifindex = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_GROUP:
			b->group = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_ID:
			b->id = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_REMOTE_ID:
			b->remote_id = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_REVERT_MS:
			b->revert_ms = mnl_attr_get_u32(a);
			break;
		case ETRUNK_BIND_A_MODE:
			b->mode = mnl_attr_get_u8(a);
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
		}
	}
}

static void parse_egroup(const struct nlattr *nest, struct egroup *g)
{
	const struct nlattr *a, *b;

	memset(g, 0, sizeof(*g));
	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type > ETRUNK_GROUP_A_MAX)
			continue;
		switch (type) {
		case ETRUNK_GROUP_A_ID:
		case ETRUNK_GROUP_A_HELLO_INTERVAL:
		case ETRUNK_GROUP_A_REVERT_DELAY:
			if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
				continue;
			if (type == ETRUNK_GROUP_A_ID)
				g->id = mnl_attr_get_u32(a);
			else if (type == ETRUNK_GROUP_A_HELLO_INTERVAL)
				g->hello_interval = mnl_attr_get_u32(a);
			else
				g->revert_delay = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_PRIORITY:
		case ETRUNK_GROUP_A_KEY_SET:
		case ETRUNK_GROUP_A_HOLD_MULT:
		case ETRUNK_GROUP_A_PEER_STATE:
			if (mnl_attr_validate(a, MNL_TYPE_U8) < 0)
				continue;
			if (type == ETRUNK_GROUP_A_PRIORITY)
				g->priority = mnl_attr_get_u8(a);
			else if (type == ETRUNK_GROUP_A_KEY_SET)
				g->key_set = mnl_attr_get_u8(a);
			else if (type == ETRUNK_GROUP_A_HOLD_MULT)
				g->hold_mult = mnl_attr_get_u8(a);
			else
				g->peer_state = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_PORT:
			if (mnl_attr_validate(a, MNL_TYPE_U16) < 0)
				continue;
			g->port = mnl_attr_get_u16(a);
			break;
		case ETRUNK_GROUP_A_SYSTEM:
			if (!get_mac(a, g->system))
				continue;
			break;
		case ETRUNK_GROUP_A_PEER_ADDR:
			get_addr(a, &g->peer);
			break;
		case ETRUNK_GROUP_A_SOURCE_ADDR:
			get_addr(a, &g->source);
			break;
		case ETRUNK_GROUP_A_LIVENESS_ADDR:
			get_addr(a, &g->liveness);
			break;
		case ETRUNK_GROUP_A_DESCRIPTION:
			if (mnl_attr_validate(a, MNL_TYPE_NUL_STRING) < 0)
				continue;
			snprintf(g->descr, sizeof(g->descr), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_GROUP_A_BFD_SESSION:
			if (mnl_attr_validate(a, MNL_TYPE_NUL_STRING) < 0)
				continue;
			snprintf(g->bfd_session, sizeof(g->bfd_session), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_GROUP_A_BFD:
		case ETRUNK_GROUP_A_BFD_MULT:
			if (mnl_attr_validate(a, MNL_TYPE_U8) < 0)
				continue;
			if (type == ETRUNK_GROUP_A_BFD)
				g->bfd = mnl_attr_get_u8(a);
			else
				g->bfd_mult = mnl_attr_get_u8(a);
			break;
		case ETRUNK_GROUP_A_BFD_MIN_TX:
		case ETRUNK_GROUP_A_BFD_MIN_RX:
			if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
				continue;
			if (type == ETRUNK_GROUP_A_BFD_MIN_TX)
				g->bfd_min_tx = mnl_attr_get_u32(a);
			else
				g->bfd_min_rx = mnl_attr_get_u32(a);
			break;
		case ETRUNK_GROUP_A_HELLOS_TX:
		case ETRUNK_GROUP_A_HELLOS_RX:
		case ETRUNK_GROUP_A_AUTH_FAILURES:
		case ETRUNK_GROUP_A_REPLAYS:
		case ETRUNK_GROUP_A_ROLE_CHANGES:
		case ETRUNK_GROUP_A_DROPS:
			if (mnl_attr_validate(a, MNL_TYPE_U64) < 0)
				continue;
			g->counters[type] = mnl_attr_get_u64(a);
			break;
		case ETRUNK_GROUP_A_TRUNKS:
			mnl_attr_for_each_nested(b, a) {
				if (mnl_attr_get_type(b) != ETRUNK_GROUP_A_TRUNK ||
				    g->n_trunks == EGROUP_MAX_TRUNKS)
					continue;
				parse_ebinding(b, &g->trunks[g->n_trunks++]);
			}
			break;
		default:
			continue;
		}
		g->has |= 1u << type;
	}
}

static const char *const egroup_trunk_head[] = {
	"trunk", "id", "mode", "remote-id", "basis", "role", "reason",
};

static void print_egroup_plain(const struct egroup *g)
{
	char a[INET6_ADDRSTRLEN + 8], b[INET6_ADDRSTRLEN + 8], buf[40];
	struct table tb;
	unsigned int i;

	printf("e-trunk %u", g->id);
	if (g->descr[0])
		printf(": %s", g->descr);
	putchar('\n');
	printf("  priority %u, system-id %s\n", g->priority,
	       mac_str(g->system, buf, sizeof(buf)));
	printf("  source %s, peer %s, port %u", addr_str(&g->source, a, sizeof(a)),
	       addr_str(&g->peer, b, sizeof(b)), g->port);
	if (g->liveness.len)
		printf(", liveness %s", addr_str(&g->liveness, a, sizeof(a)));
	putchar('\n');
	printf("  peer state %s, hello %u ms, hold-multiplier %u, revert-delay %u s, key %s\n",
	       enum_str(NAMES(etrunk_peer_state_names), g->peer_state, buf,
			sizeof(buf)),
	       g->hello_interval, g->hold_mult, g->revert_delay,
	       g->key_set ? "set" : "unset");
	printf("  hellos: sent %" PRIu64 ", received %" PRIu64
	       "; auth-failures %" PRIu64 ", replays %" PRIu64
	       ", other drops %" PRIu64 ", role-changes %" PRIu64 "\n",
	       g->counters[ETRUNK_GROUP_A_HELLOS_TX],
	       g->counters[ETRUNK_GROUP_A_HELLOS_RX],
	       g->counters[ETRUNK_GROUP_A_AUTH_FAILURES],
	       g->counters[ETRUNK_GROUP_A_REPLAYS],
	       g->counters[ETRUNK_GROUP_A_DROPS],
	       g->counters[ETRUNK_GROUP_A_ROLE_CHANGES]);
	if (g->bfd_session[0])
		printf("  bfd session %s\n", g->bfd_session);
	else if (g->bfd)
		printf("  bfd on (session e-trunk-%u), min-tx %s ms, min-rx %s ms, multiplier %u\n",
		       g->id, ms_str(g->bfd_min_tx, a, sizeof(a)),
		       ms_str(g->bfd_min_rx, b, sizeof(b)), g->bfd_mult);
	else if (HAS(g, ETRUNK_GROUP_A_BFD))
		puts("  bfd off");
	if (!g->n_trunks) {
		puts("  no member trunks");
		return;
	}
	table_init(&tb, g->n_trunks, egroup_trunk_head,
		   ARRAY_SIZE(egroup_trunk_head));
	for (i = 0; i < g->n_trunks; i++) {
		const struct ebinding *t = &g->trunks[i];

		table_set(&tb, i, 0, t->ifname);
		snprintf(buf, sizeof(buf), "%u", t->id);
		table_set(&tb, i, 1, buf);
		table_set(&tb, i, 2, enum_str(NAMES(etrunk_egroup_mode_names),
					      t->mode, buf, sizeof(buf)));
		if (t->has & (1u << ETRUNK_BIND_A_REMOTE_ID))
			snprintf(buf, sizeof(buf), "%u", t->remote_id);
		else
			snprintf(buf, sizeof(buf), "-");
		table_set(&tb, i, 3, buf);
		table_set(&tb, i, 4, enum_str(NAMES(etrunk_egroup_basis_names),
					      t->basis, buf, sizeof(buf)));
		table_set(&tb, i, 5, enum_str(NAMES(etrunk_erole_names),
					      t->role, buf, sizeof(buf)));
		table_set(&tb, i, 6, t->reason == ETRUNK_EREASON_NONE ? "-" :
			  ereason_str(t, buf, sizeof(buf)));
	}
	table_print(&tb, "  ");
}

/* @trunk: with the trunk's name and ifindex (not in a trunk's view). */
void json_ebinding_fields(const struct ebinding *t, bool trunk)
{
	if (trunk) {
		json_string("trunk", t->ifname);
		json_uint("ifindex", t->ifindex);
	}
	json_uint("group", t->group);
	json_uint("id", t->id);
	json_enum("mode", NAMES(etrunk_egroup_mode_names), t->mode);
	if (t->has & (1u << ETRUNK_BIND_A_REMOTE_ID))
		json_uint("remote_id", t->remote_id);
	else
		json_null("remote_id");
	json_enum("basis", NAMES(etrunk_egroup_basis_names), t->basis);
	json_enum("role", NAMES(etrunk_erole_names), t->role);
	json_enum("reason", NAMES(etrunk_ereason_names), t->reason);
	if (t->has & (1u << ETRUNK_BIND_A_REVERT_MS))
		json_uint("revert_in_ms", t->revert_ms);
	else
		json_null("revert_in_ms");
}

static void json_egroup_fields(const struct egroup *g, bool trunks)
{
	char a[INET6_ADDRSTRLEN + 8], buf[32];
	unsigned int i;

	json_uint("id", g->id);
	json_uint("priority", g->priority);
	json_string("system_id", mac_str(g->system, buf, sizeof(buf)));
	json_string("source", addr_str(&g->source, a, sizeof(a)));
	json_string("peer", addr_str(&g->peer, a, sizeof(a)));
	if (g->liveness.len)
		json_string("liveness", addr_str(&g->liveness, a, sizeof(a)));
	else
		json_null("liveness");
	json_uint("port", g->port);
	json_bool("key_set", g->key_set);
	json_uint("hello_interval_ms", g->hello_interval);
	json_uint("hold_multiplier", g->hold_mult);
	json_uint("revert_delay_s", g->revert_delay);
	json_string("description", g->descr);
	json_enum("peer_state", NAMES(etrunk_peer_state_names), g->peer_state);
	json_open_object("counters");
	json_uint("hellos_tx", g->counters[ETRUNK_GROUP_A_HELLOS_TX]);
	json_uint("hellos_rx", g->counters[ETRUNK_GROUP_A_HELLOS_RX]);
	json_uint("auth_failures", g->counters[ETRUNK_GROUP_A_AUTH_FAILURES]);
	json_uint("replays", g->counters[ETRUNK_GROUP_A_REPLAYS]);
	json_uint("drops", g->counters[ETRUNK_GROUP_A_DROPS]);
	json_uint("role_changes", g->counters[ETRUNK_GROUP_A_ROLE_CHANGES]);
	json_close_object();
	if (g->bfd_session[0])
		json_string("bfd_session", g->bfd_session);
	else
		json_null("bfd_session");
	json_bool("bfd", g->bfd);
	json_uint("bfd_min_tx_us", g->bfd_min_tx);
	json_uint("bfd_min_rx_us", g->bfd_min_rx);
	json_uint("bfd_multiplier", g->bfd_mult);
	if (!trunks)
		return;
	json_open_array("trunks");
	for (i = 0; i < g->n_trunks; i++) {
		json_open_object(NULL);
		json_ebinding_fields(&g->trunks[i], true);
		json_close_object();
	}
	json_close_array();
}

static uint32_t parse_egroup_id(const char *s)
{
	return parse_range("e-trunk ID", s, 1, ETRUNK_GROUP_MAX, "");
}

static void put_egroup_id(struct nlmsghdr *nlh, const char *id)
{
	mnl_attr_put_u32(nlh, ETRUNK_GROUP_A_ID, parse_egroup_id(id));
}

static void egroup_parse(const struct nlattr *nest, void *obj)
{
	parse_egroup(nest, obj);
}

static void egroup_print(const void *obj)
{
	print_egroup_plain(obj);
}

static void egroup_json(const void *obj)
{
	json_egroup_fields(obj, true);
}

/* e-trunk add ID ...: one group, then its trunks' bindings. */
static void egroup_save(const void *obj)
{
	const struct egroup *g = obj;
	char buf[24];
	unsigned int i;

	printf("e-trunk add %" PRIu32, g->id);
	save_str("system-id", mac_str(g->system, buf, sizeof(buf)));
	save_addr("source", &g->source);
	save_addr("peer", &g->peer);
	save_uint("priority", g->priority);
	save_addr("liveness", &g->liveness);
	save_uint("port", g->port);
	save_uint("hello", g->hello_interval);
	save_uint("hold-multiplier", g->hold_mult);
	save_uint("revert-delay", g->revert_delay);
	if (g->descr[0])
		save_str("description", g->descr);
	save_str("bfd-session", g->bfd_session[0] ? g->bfd_session : "none");
	save_str("bfd", g->bfd ? "on" : "off");
	save_str("bfd-min-tx", ms_str(g->bfd_min_tx, buf, sizeof(buf)));
	save_str("bfd-min-rx", ms_str(g->bfd_min_rx, buf, sizeof(buf)));
	save_uint("bfd-multiplier", g->bfd_mult);
	if (g->key_set && save_keys) {
		uint8_t key[ETRUNK_GROUP_KEY_MAX];
		char id[12];
		size_t n, k;

		snprintf(id, sizeof(id), "%" PRIu32, g->id);
		n = obj_key(&egroup_type, ETRUNK_CMD_GET_GROUP_KEY, id,
			    ETRUNK_GROUP_A_KEY, key, sizeof(key));
		if (n)
			fputs(" key ", stdout);
		for (k = 0; k < n; k++)
			printf("%02x", key[k]);
	}
	putchar('\n');
	if (g->key_set && !save_keys)
		printf("# e-trunk %" PRIu32 ": a key is set (save -o FILE writes keys)\n",
		       g->id);
	for (i = 0; i < g->n_trunks; i++) {
		const struct ebinding *b = &g->trunks[i];

		printf("e-trunk bind %s group %" PRIu32, b->ifname, g->id);
		save_uint("id", b->id);
		save_str("mode", enum_str(NAMES(etrunk_egroup_mode_names),
					  b->mode, buf, sizeof(buf)));
		if (b->has & (1u << ETRUNK_BIND_A_REMOTE_ID))
			save_uint("remote-id", b->remote_id);
		save_str("basis", enum_str(NAMES(etrunk_egroup_basis_names),
					   b->basis, buf, sizeof(buf)));
		putchar('\n');
	}
}

const struct obj_type egroup_type = {
	.attr = ETRUNK_A_GROUP,
	.get_cmd = ETRUNK_CMD_GET_GROUP,
	.size = sizeof(struct egroup),
	.put_name = put_egroup_id,
	.parse = egroup_parse,
	.print = egroup_print,
	.json = egroup_json,
	.save = egroup_save,
};

static int cmd_egroup_show(int argc, char **argv)
{
	if (argc > 1)
		usage_error("e-trunk show takes at most one ID, not '%s'", argv[1]);
	return obj_show(&egroup_type, argc == 1 ? argv[0] : NULL);
}

static void put_egroup_addr(struct nlmsghdr *nlh, uint16_t type,
			    const char *key, const char *val)
{
	struct addr a = { 0 };

	if (type == ETRUNK_GROUP_A_LIVENESS_ADDR && !strcmp(val, "none")) {
		mnl_attr_put(nlh, type, 0, NULL);
		return;
	}
	parse_target(key, val, 0, &a);
	mnl_attr_put(nlh, type, a.len, a.a);
}

/* e-trunk add|set ID [ option value ]... */
static int cmd_egroup_change(uint8_t cmd, int argc, char **argv)
{
	uint32_t seen = 0;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int i;

	if (argc < 1)
		usage_error("e-trunk %s needs an ID",
			    cmd == ETRUNK_CMD_NEW_GROUP ? "add" : "set");
	parse_egroup_id(argv[0]);	/* checked before anything else */
	if (cmd == ETRUNK_CMD_SET_GROUP && argc < 2)
		usage_error("e-trunk set %s: nothing to set", argv[0]);
	nl_start(&nl);
	nest = obj_request(&nl, &nlh, &egroup_type, cmd, NLM_F_ACK, argv[0]);
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);
		unsigned int type;
		uint8_t mac[6];
		char end;

		if (!strcmp(key, "priority")) {
			type = ETRUNK_GROUP_A_PRIORITY;
			mnl_attr_put_u8(nlh, type, (uint8_t)parse_range(key, val, 1, 254, ""));
		} else if (matches(key, "system-id", "system_id")) {
			type = ETRUNK_GROUP_A_SYSTEM;
			if (sscanf(val, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx%c", &mac[0],
				   &mac[1], &mac[2], &mac[3], &mac[4], &mac[5],
				   &end) != 6)
				usage_error("%s: '%s' is not a MAC address", key, val);
			mnl_attr_put(nlh, type, 6, mac);
		} else if (!strcmp(key, "peer")) {
			type = ETRUNK_GROUP_A_PEER_ADDR;
			put_egroup_addr(nlh, type, key, val);
		} else if (!strcmp(key, "source")) {
			type = ETRUNK_GROUP_A_SOURCE_ADDR;
			put_egroup_addr(nlh, type, key, val);
		} else if (!strcmp(key, "liveness")) {
			type = ETRUNK_GROUP_A_LIVENESS_ADDR;
			put_egroup_addr(nlh, type, key, val);
		} else if (!strcmp(key, "port")) {
			type = ETRUNK_GROUP_A_PORT;
			mnl_attr_put_u16(nlh, type, (uint16_t)parse_range(key, val, 1, 65535, ""));
		} else if (!strcmp(key, "key")) {
			uint8_t k[ETRUNK_GROUP_KEY_MAX];

			type = ETRUNK_GROUP_A_KEY;
			mnl_attr_put(nlh, type, parse_key(key, val, k), k);
		} else if (matches(key, "hello", "hello-interval")) {
			type = ETRUNK_GROUP_A_HELLO_INTERVAL;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, ETRUNK_GROUP_MIN_HELLO_INTERVAL,
						     ETRUNK_GROUP_MAX_HELLO_INTERVAL, " ms"));
		} else if (matches(key, "hold-multiplier", "hold")) {
			type = ETRUNK_GROUP_A_HOLD_MULT;
			mnl_attr_put_u8(nlh, type,
					(uint8_t)parse_range(key, val, ETRUNK_GROUP_MIN_HOLD_MULT,
							     255, ""));
		} else if (matches(key, "revert-delay", "revert_delay")) {
			type = ETRUNK_GROUP_A_REVERT_DELAY;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, 0, ETRUNK_GROUP_MAX_REVERT_DELAY,
						     " s"));
		} else if (matches(key, "description", "descr")) {
			type = ETRUNK_GROUP_A_DESCRIPTION;
			if (strlen(val) > ETRUNK_GROUP_DESCR_MAX)
				usage_error("%s: at most %d bytes", key,
					    ETRUNK_GROUP_DESCR_MAX);
			mnl_attr_put_strz(nlh, type, val);
		} else if (matches(key, "bfd-session", "bfd_session")) {
			type = ETRUNK_GROUP_A_BFD_SESSION;
			if (strlen(val) > ETRUNK_BFD_NAME_MAX)
				usage_error("%s: at most %d bytes", key,
					    ETRUNK_BFD_NAME_MAX);
			mnl_attr_put_strz(nlh, type, strcmp(val, "none") ? val : "");
		} else if (!strcmp(key, "bfd")) {
			type = ETRUNK_GROUP_A_BFD;
			mnl_attr_put_u8(nlh, type, parse_bool(key, val, "on", "off"));
		} else if (matches(key, "bfd-min-tx", "bfd_min_tx")) {
			type = ETRUNK_GROUP_A_BFD_MIN_TX;
			mnl_attr_put_u32(nlh, type,
					 parse_ms(key, val, ETRUNK_BFD_MIN_INTERVAL,
						  ETRUNK_BFD_MAX_INTERVAL));
		} else if (matches(key, "bfd-min-rx", "bfd_min_rx")) {
			type = ETRUNK_GROUP_A_BFD_MIN_RX;
			mnl_attr_put_u32(nlh, type,
					 parse_ms(key, val, ETRUNK_BFD_MIN_INTERVAL,
						  ETRUNK_BFD_MAX_INTERVAL));
		} else if (matches(key, "bfd-multiplier", "bfd_multiplier")) {
			type = ETRUNK_GROUP_A_BFD_MULT;
			mnl_attr_put_u8(nlh, type,
					(uint8_t)parse_range(key, val, 1, 255, ""));
		} else {
			usage_error("e-trunk: unknown option '%s'", key);
		}
		if (seen & (1u << type))
			usage_error("%s given twice", key);
		seen |= 1u << type;
	}
	return obj_send(&nl, nlh, nest);
}

static int cmd_egroup_del(int argc, char **argv)
{
	if (argc != 1)
		usage_error("e-trunk del needs one ID");
	return obj_del(&egroup_type, ETRUNK_CMD_DEL_GROUP, argv[0]);
}

/*
 * e-trunk bind TRUNK group ID id N [mode M] [remote-id N|none] [basis B]
 * (BIND_TRUNK), or with @cmd SET_BINDING without "group ID" and "id N"
 * needed.
 */
static int cmd_egroup_bind(uint8_t cmd, int argc, char **argv)
{
	const char *what = cmd == ETRUNK_CMD_BIND_TRUNK ? "bind" : "bind-set";
	bool have_group = false;
	uint32_t seen = 0;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int i, err;

	if (argc < 1)
		usage_error("e-trunk %s needs a trunk device", what);
	nl_start(&nl);
	nlh = nl_request(&nl, cmd, NLM_F_ACK);
	put_name(nlh, ETRUNK_A_IFNAME, argv[0]);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_BINDING);
	nest->nla_type |= NLA_F_NESTED;
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);
		unsigned int type;

		if (!strcmp(key, "group")) {
			type = ETRUNK_BIND_A_GROUP;
			mnl_attr_put_u32(nlh, type, parse_egroup_id(val));
			have_group = true;
		} else if (!strcmp(key, "id")) {
			type = ETRUNK_BIND_A_ID;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, 1, UINT32_MAX, ""));
		} else if (!strcmp(key, "mode")) {
			type = ETRUNK_BIND_A_MODE;
			mnl_attr_put_u8(nlh, type,
					parse_enum(key, val, NAMES(etrunk_egroup_mode_names)));
		} else if (matches(key, "remote-id", "remote_id")) {
			type = ETRUNK_BIND_A_REMOTE_ID;
			if (!strcmp(val, "none"))
				mnl_attr_put(nlh, ETRUNK_BIND_A_CLEAR_REMOTE_ID, 0, NULL);
			else
				mnl_attr_put_u32(nlh, type,
						 parse_uint(key, val, UINT32_MAX));
		} else if (!strcmp(key, "basis")) {
			type = ETRUNK_BIND_A_BASIS;
			mnl_attr_put_u8(nlh, type,
					parse_enum(key, val, NAMES(etrunk_egroup_basis_names)));
		} else {
			usage_error("e-trunk %s: unknown option '%s'", what, key);
		}
		if (seen & (1u << type))
			usage_error("%s given twice", key);
		seen |= 1u << type;
	}
	if (cmd == ETRUNK_CMD_BIND_TRUNK && !have_group)
		usage_error("e-trunk bind %s: which group? (group ID)", argv[0]);
	if (cmd == ETRUNK_CMD_BIND_TRUNK && !(seen & (1u << ETRUNK_BIND_A_ID)))
		usage_error("e-trunk bind %s: which member trunk id? (id N, the same on both devices unless remote-id is set)",
			    argv[0]);
	if (cmd == ETRUNK_CMD_SET_BINDING && !seen)
		usage_error("e-trunk bind-set %s: nothing to set", argv[0]);
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

static int cmd_egroup_unbind(int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nl nl;
	int err;

	if (argc != 1)
		usage_error("e-trunk unbind needs one trunk device");
	nl_start(&nl);
	nlh = nl_request(&nl, ETRUNK_CMD_UNBIND_TRUNK, NLM_F_ACK);
	put_name(nlh, ETRUNK_A_IFNAME, argv[0]);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

/*
 * e-trunk role TRUNK master|backup [reason R]: what etrunkd writes
 * (SET_ROLE), for tests and for running without etrunkd.
 */
static int cmd_egroup_role(int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	uint8_t role;
	struct nl nl;
	int err;

	if (argc != 2 && argc != 4)
		usage_error("e-trunk role needs a trunk device and master or backup [reason R]");
	if (!strcmp(argv[1], "master"))
		role = ETRUNK_EROLE_MASTER;
	else if (!strcmp(argv[1], "backup"))
		role = ETRUNK_EROLE_BACKUP;
	else
		usage_error("e-trunk role: master or backup, not '%s'", argv[1]);
	if (argc == 4 && strcmp(argv[2], "reason"))
		usage_error("e-trunk role: unknown option '%s'", argv[2]);
	nl_start(&nl);
	nlh = nl_request(&nl, ETRUNK_CMD_SET_ROLE, NLM_F_ACK);
	put_name(nlh, ETRUNK_A_IFNAME, argv[0]);
	nest = mnl_attr_nest_start(nlh, ETRUNK_A_BINDING);
	nest->nla_type |= NLA_F_NESTED;
	mnl_attr_put_u8(nlh, ETRUNK_BIND_A_ROLE, role);
	if (argc == 4)
		mnl_attr_put_u8(nlh, ETRUNK_BIND_A_REASON,
				parse_enum("reason", argv[3],
					   NAMES(etrunk_ereason_names)));
	mnl_attr_nest_end(nlh, nest);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}

int cmd_egroup(int argc, char **argv)
{
	if (argc < 1)
		usage_error("e-trunk needs add, set, del, show, bind, bind-set, unbind or role");
	if (!strcmp(argv[0], "show"))
		return cmd_egroup_show(argc - 1, argv + 1);
	if (!strcmp(argv[0], "add"))
		return cmd_egroup_change(ETRUNK_CMD_NEW_GROUP, argc - 1, argv + 1);
	if (!strcmp(argv[0], "set"))
		return cmd_egroup_change(ETRUNK_CMD_SET_GROUP, argc - 1, argv + 1);
	if (matches(argv[0], "del", "delete"))
		return cmd_egroup_del(argc - 1, argv + 1);
	if (!strcmp(argv[0], "bind"))
		return cmd_egroup_bind(ETRUNK_CMD_BIND_TRUNK, argc - 1, argv + 1);
	if (!strcmp(argv[0], "bind-set"))
		return cmd_egroup_bind(ETRUNK_CMD_SET_BINDING, argc - 1, argv + 1);
	if (!strcmp(argv[0], "unbind"))
		return cmd_egroup_unbind(argc - 1, argv + 1);
	if (!strcmp(argv[0], "role"))
		return cmd_egroup_role(argc - 1, argv + 1);
	usage_error("unknown e-trunk command '%s'", argv[0]);
}

/* Events of E-Trunk groups: the group, or the trunk and its binding. */
void print_egroup_event(const struct nlmsghdr *nlh,
			const struct trunk *t)
{
	const struct nlattr *a;
	struct ebinding b = { 0 };
	struct egroup *g = calloc(1, sizeof(*g));
	bool has_g = false, has_b = false;

	if (!g)
		out_of_memory();
	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) == ETRUNK_A_GROUP) {
			parse_egroup(a, g);
			has_g = true;
		} else if (mnl_attr_get_type(a) == ETRUNK_A_BINDING) {
			parse_ebinding(a, &b);
			has_b = true;
		}
	}
	if (json) {
		json_open_object(NULL);
		json_uint("seq", t->event_seq);
		json_enum("event", NAMES(etrunk_event_names), t->event);
		if (has_g) {
			json_open_object("e_trunk");
			json_egroup_fields(g, false);
			json_close_object();
		}
		if (has_b) {
			json_open_object("binding");
			json_ebinding_fields(&b, true);
			json_close_object();
		}
		json_close_object();
	} else {
		char buf[32];

		printf("seq %u %s", t->event_seq,
		       enum_str(NAMES(etrunk_event_names), t->event, buf,
				sizeof(buf)));
		if (has_g)
			printf(" e-trunk %u priority %u peer-state %s", g->id,
			       g->priority,
			       enum_str(NAMES(etrunk_peer_state_names),
					g->peer_state, buf, sizeof(buf)));
		if (has_b) {
			printf(" trunk %s e-trunk %u mode %s", b.ifname, b.group,
			       enum_str(NAMES(etrunk_egroup_mode_names), b.mode,
					buf, sizeof(buf)));
			printf(" role %s", enum_str(NAMES(etrunk_erole_names),
						    b.role, buf, sizeof(buf)));
			printf(" reason %s\n", enum_str(NAMES(etrunk_ereason_names),
							b.reason, buf,
							sizeof(buf)));
		} else {
			putchar('\n');
		}
	}
	free(g);
}
