// SPDX-License-Identifier: GPL-2.0
/*
 * rbs.c - etrunkctl: remote backup services and profiles: "rbs ..." and
 * "rbp ...".
 */
#include "etrunkctl.h"

static const char *const rbs_state_names[] = {
	[ETRUNK_RBS_DOWN] = "down",
	[ETRUNK_RBS_CONNECTING] = "connecting",
	[ETRUNK_RBS_SYNCING] = "syncing",
	[ETRUNK_RBS_UP] = "up",
};

static const char *const rbp_type_names[] = {
	[ETRUNK_RBP_HOT] = "hot",
};

/* By bit index (enum etrunk_rbp_kind). */
static const char *const rbp_kind_names[] = {
	[ETRUNK_RBP_ARP] = "arp",
	[ETRUNK_RBP_ND] = "nd",
	[ETRUNK_RBP_IGMP] = "igmp",
	[ETRUNK_RBP_MLD] = "mld",
};

static const char *const rbs_event_names[] = {
	[ETRUNK_EVENT_RBS_ADDED - ETRUNK_EVENT_RBS_ADDED] = "rbs-added",
	[ETRUNK_EVENT_RBS_CHANGED - ETRUNK_EVENT_RBS_ADDED] = "rbs-changed",
	[ETRUNK_EVENT_RBS_REMOVED - ETRUNK_EVENT_RBS_ADDED] = "rbs-removed",
	[ETRUNK_EVENT_RBS_STATE - ETRUNK_EVENT_RBS_ADDED] = "rbs-state",
	[ETRUNK_EVENT_RBP_ADDED - ETRUNK_EVENT_RBS_ADDED] = "rbp-added",
	[ETRUNK_EVENT_RBP_CHANGED - ETRUNK_EVENT_RBS_ADDED] = "rbp-changed",
	[ETRUNK_EVENT_RBP_REMOVED - ETRUNK_EVENT_RBS_ADDED] = "rbp-removed",
	[ETRUNK_EVENT_RBP_STATE - ETRUNK_EVENT_RBS_ADDED] = "rbp-state",
};

/* The per-kind counters, in ETRUNK_RBP_KS_A_SENT ... _FAILED order. */
static const char *const rbp_counter_names[] = {
	"sent", "received", "installed", "removed", "entries", "failed",
};

#define RBP_N_COUNTERS ARRAY_SIZE(rbp_counter_names)

_Static_assert(ETRUNK_RBP_KS_A_FAILED - ETRUNK_RBP_KS_A_SENT + 1 ==
	       ARRAY_SIZE(rbp_counter_names), "one name per counter");
_Static_assert(ETRUNK_RBS_A_MAX < 64 && ETRUNK_RBP_A_MAX < 64,
	       "struct rbs's and rbp's has are 64 bits");

struct rbs {
	uint64_t has;	/* bit ETRUNK_RBS_A_x */
	char name[ETRUNK_RBS_NAME_MAX + 1];
	char descr[ETRUNK_RBS_DESCR_MAX + 1];
	struct addr peer, source;
	uint16_t port;
	uint8_t key_set, state;
	uint32_t hold_time, keepalive, max_entries, sync_duration;
	uint64_t state_age, connects, auth_failures, errors, sync_age;
};

struct rbp {
	uint64_t has;	/* bit ETRUNK_RBP_A_x */
	char name[ETRUNK_RBS_NAME_MAX + 1];
	char service[ETRUNK_RBS_NAME_MAX + 1];
	char ifname[IFNAMSIZ];
	uint8_t type;
	uint32_t backup_id, kinds, ifindex, group, trunk_id;
	uint32_t stats_kinds;	/* the kinds ETRUNK_RBP_A_STATS reported */
	uint64_t stats[ETRUNK_RBP_KIND_MAX + 1][RBP_N_COUNTERS];
};

static void parse_rbs(const struct nlattr *nest, struct rbs *s)
{
	const struct nlattr *a;

	memset(s, 0, sizeof(*s));
	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);
		enum mnl_attr_data_type dt = MNL_TYPE_UNSPEC;

		switch (type) {
		case ETRUNK_RBS_A_NAME:
		case ETRUNK_RBS_A_DESCRIPTION:
			dt = MNL_TYPE_NUL_STRING;
			break;
		case ETRUNK_RBS_A_PORT:
			dt = MNL_TYPE_U16;
			break;
		case ETRUNK_RBS_A_KEY_SET:
		case ETRUNK_RBS_A_STATE:
			dt = MNL_TYPE_U8;
			break;
		case ETRUNK_RBS_A_HOLD_TIME:
		case ETRUNK_RBS_A_KEEPALIVE:
		case ETRUNK_RBS_A_MAX_ENTRIES:
		case ETRUNK_RBS_A_LAST_SYNC_DURATION:
			dt = MNL_TYPE_U32;
			break;
		case ETRUNK_RBS_A_STATE_AGE:
		case ETRUNK_RBS_A_CONNECTS:
		case ETRUNK_RBS_A_AUTH_FAILURES:
		case ETRUNK_RBS_A_ERRORS:
		case ETRUNK_RBS_A_LAST_SYNC_AGE:
			dt = MNL_TYPE_U64;
			break;
		case ETRUNK_RBS_A_PEER_ADDR:
			get_addr(a, &s->peer);
			break;
		case ETRUNK_RBS_A_SOURCE_ADDR:
			get_addr(a, &s->source);
			break;
		default:
			continue;
		}
		if (dt != MNL_TYPE_UNSPEC && mnl_attr_validate(a, dt) < 0)
			continue;
		switch (type) {
		case ETRUNK_RBS_A_NAME:
			snprintf(s->name, sizeof(s->name), "%s", mnl_attr_get_str(a));
			break;
		case ETRUNK_RBS_A_DESCRIPTION:
			snprintf(s->descr, sizeof(s->descr), "%s", mnl_attr_get_str(a));
			break;
		case ETRUNK_RBS_A_PORT: s->port = mnl_attr_get_u16(a); break;
		case ETRUNK_RBS_A_KEY_SET: s->key_set = mnl_attr_get_u8(a); break;
		case ETRUNK_RBS_A_STATE: s->state = mnl_attr_get_u8(a); break;
		case ETRUNK_RBS_A_HOLD_TIME: s->hold_time = mnl_attr_get_u32(a); break;
		case ETRUNK_RBS_A_KEEPALIVE: s->keepalive = mnl_attr_get_u32(a); break;
		case ETRUNK_RBS_A_MAX_ENTRIES:
			s->max_entries = mnl_attr_get_u32(a);
			break;
		case ETRUNK_RBS_A_LAST_SYNC_DURATION:
			s->sync_duration = mnl_attr_get_u32(a);
			break;
		case ETRUNK_RBS_A_STATE_AGE: s->state_age = mnl_attr_get_u64(a); break;
		case ETRUNK_RBS_A_CONNECTS: s->connects = mnl_attr_get_u64(a); break;
		case ETRUNK_RBS_A_AUTH_FAILURES:
			s->auth_failures = mnl_attr_get_u64(a);
			break;
		case ETRUNK_RBS_A_ERRORS: s->errors = mnl_attr_get_u64(a); break;
		case ETRUNK_RBS_A_LAST_SYNC_AGE: s->sync_age = mnl_attr_get_u64(a); break;
		}
		s->has |= BIT64(type);
	}
}

static void parse_rbp_kind_stats(const struct nlattr *nest, struct rbp *p)
{
	uint64_t v[RBP_N_COUNTERS] = { 0 };
	const struct nlattr *a;
	int kind = -1;

	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type == ETRUNK_RBP_KS_A_KIND) {
			if (!mnl_attr_validate(a, MNL_TYPE_U8))
				kind = mnl_attr_get_u8(a);
		} else if (type >= ETRUNK_RBP_KS_A_SENT &&
			   type <= ETRUNK_RBP_KS_A_FAILED &&
			   !mnl_attr_validate(a, MNL_TYPE_U64)) {
			v[type - ETRUNK_RBP_KS_A_SENT] = mnl_attr_get_u64(a);
		}
	}
	if (kind < 0 || kind > ETRUNK_RBP_KIND_MAX)
		return;
	memcpy(p->stats[kind], v, sizeof(v));
	p->stats_kinds |= 1u << kind;
}

static void parse_rbp(const struct nlattr *nest, struct rbp *p)
{
	const struct nlattr *a, *b;

	memset(p, 0, sizeof(*p));
	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);
		enum mnl_attr_data_type dt;

		switch (type) {
		case ETRUNK_RBP_A_NAME:
		case ETRUNK_RBP_A_SERVICE:
		case ETRUNK_RBP_A_IFNAME:
			dt = MNL_TYPE_NUL_STRING;
			break;
		case ETRUNK_RBP_A_TYPE:
			dt = MNL_TYPE_U8;
			break;
		case ETRUNK_RBP_A_BACKUP_ID:
		case ETRUNK_RBP_A_KINDS:
		case ETRUNK_RBP_A_IFINDEX:
		case ETRUNK_RBP_A_GROUP:
		case ETRUNK_RBP_A_TRUNK_ID:
			dt = MNL_TYPE_U32;
			break;
		case ETRUNK_RBP_A_STATS:
			dt = MNL_TYPE_NESTED;
			break;
		default:
			continue;
		}
		if (mnl_attr_validate(a, dt) < 0)
			continue;
		switch (type) {
		case ETRUNK_RBP_A_NAME:
			snprintf(p->name, sizeof(p->name), "%s", mnl_attr_get_str(a));
			break;
		case ETRUNK_RBP_A_SERVICE:
			snprintf(p->service, sizeof(p->service), "%s",
				 mnl_attr_get_str(a));
			break;
		case ETRUNK_RBP_A_IFNAME:
			copy_name(p->ifname, a);
			break;
		case ETRUNK_RBP_A_TYPE: p->type = mnl_attr_get_u8(a); break;
		case ETRUNK_RBP_A_BACKUP_ID: p->backup_id = mnl_attr_get_u32(a); break;
		case ETRUNK_RBP_A_KINDS: p->kinds = mnl_attr_get_u32(a); break;
		case ETRUNK_RBP_A_IFINDEX: p->ifindex = mnl_attr_get_u32(a); break;
		case ETRUNK_RBP_A_GROUP: p->group = mnl_attr_get_u32(a); break;
		case ETRUNK_RBP_A_TRUNK_ID: p->trunk_id = mnl_attr_get_u32(a); break;
		case ETRUNK_RBP_A_STATS:
			mnl_attr_for_each_nested(b, a)
				if (mnl_attr_get_type(b) == ETRUNK_RBP_A_KIND_STATS)
					parse_rbp_kind_stats(b, p);
			break;
		}
		p->has |= BIT64(type);
	}
}

/* Services or profiles of a reply or dump, by their nest @attr. */
/*
 *   rbs pe2: up for 5.2 s, peer 192.0.2.2, source 192.0.2.1, port 6787
 *     key set, hold-time 60 s, keepalive 1000 ms, max-entries 65536
 *     description "to PE2"
 *     connects 3, errors 0, auth-failures 0
 *     last full sync 12.3 s ago, took 0.41 s
 */
static void print_rbs_plain(const struct rbs *s)
{
	char a[INET6_ADDRSTRLEN], b[40];

	printf("rbs %s: %s", s->name,
	       enum_str(NAMES(rbs_state_names), s->state, b, sizeof(b)));
	if (HAS(s, ETRUNK_RBS_A_STATE_AGE))
		printf(" for %s s", secs_str(s->state_age, b, sizeof(b)));
	printf(", peer %s", addr_str(&s->peer, a, sizeof(a)));
	printf(", source %s, port %u\n", addr_str(&s->source, a, sizeof(a)),
	       s->port);
	printf("  key %s, hold-time %" PRIu32 " s, keepalive %" PRIu32 " ms",
	       s->key_set ? "set" : "unset", s->hold_time, s->keepalive);
	if (HAS(s, ETRUNK_RBS_A_MAX_ENTRIES))
		printf(", max-entries %" PRIu32, s->max_entries);
	putchar('\n');
	if (s->descr[0])
		printf("  description \"%s\"\n", s->descr);
	printf("  connects %" PRIu64 ", errors %" PRIu64 ", auth-failures %" PRIu64
	       "\n", s->connects, s->errors, s->auth_failures);
	if (HAS(s, ETRUNK_RBS_A_LAST_SYNC_AGE)) {
		char c[40];

		printf("  last full sync %s s ago, took %s s\n",
		       secs_str(s->sync_age, b, sizeof(b)),
		       secs2_str(s->sync_duration, c, sizeof(c)));
	} else {
		puts("  no full sync yet");
	}
}

static void json_rbs_fields(const struct rbs *s)
{
	char a[INET6_ADDRSTRLEN];

	json_string("name", s->name);
	json_enum("state", NAMES(rbs_state_names), s->state);
	if (HAS(s, ETRUNK_RBS_A_STATE_AGE))
		json_uint("state_age_ms", s->state_age);
	else
		json_null("state_age_ms");
	json_string("peer", addr_str(&s->peer, a, sizeof(a)));
	json_string("source", addr_str(&s->source, a, sizeof(a)));
	json_uint("port", s->port);
	json_bool("key_set", s->key_set);
	json_uint("hold_time_s", s->hold_time);
	json_uint("keepalive_ms", s->keepalive);
	if (HAS(s, ETRUNK_RBS_A_MAX_ENTRIES))
		json_uint("max_entries", s->max_entries);
	else
		json_null("max_entries");
	if (s->descr[0])
		json_string("description", s->descr);
	else
		json_null("description");
	json_uint("connects", s->connects);
	json_uint("errors", s->errors);
	json_uint("auth_failures", s->auth_failures);
	if (HAS(s, ETRUNK_RBS_A_LAST_SYNC_AGE)) {
		json_uint("last_sync_age_ms", s->sync_age);
		json_uint("last_sync_duration_ms", s->sync_duration);
	} else {
		json_null("last_sync_age_ms");
		json_null("last_sync_duration_ms");
	}
}

/* "arp,nd,igmp,mld" of ETRUNK_RBP_KIND_* bits. */
static const char *kinds_str(uint32_t kinds, char *buf, size_t len)
{
	size_t n = 0;
	unsigned int k;

	buf[0] = '\0';
	for (k = 0; k < ARRAY_SIZE(rbp_kind_names); k++) {
		if (!(kinds & (1u << k)))
			continue;
		n += (size_t)snprintf(buf + n, n < len ? len - n : 0, "%s%s",
				      n ? "," : "", rbp_kind_names[k]);
	}
	if (!n)
		snprintf(buf, len, "none");
	return buf;
}

static const char *const rbp_stats_head[] = {
	"kind", "sent", "received", "installed", "removed", "entries",
	"failed",
};

/*
 *   rbp arp10: service pe2, backup-id 10, hot, kinds arp,nd,igmp,mld
 *     trunk et0, e-trunk 1, trunk id 10
 *     kind  sent  received  installed  removed  entries  failed
 *     arp   12    8         8          0        8        0
 */
static void print_rbp_plain(const struct rbp *p)
{
	char b[64];
	struct table tb;
	unsigned int k, i, row = 0;

	printf("rbp %s: service %s, backup-id %" PRIu32 ", %s, kinds %s\n",
	       p->name, p->service, p->backup_id,
	       enum_str(NAMES(rbp_type_names), p->type, b, sizeof(b)),
	       kinds_str(p->kinds, b, sizeof(b)));
	if (p->ifname[0])
		printf("  trunk %s", p->ifname);
	else
		printf("  trunk if%" PRIu32, p->ifindex);
	if (p->group)
		printf(", e-trunk %" PRIu32 ", trunk id %" PRIu32 "\n", p->group,
		       p->trunk_id);
	else
		puts(", not bound to an e-trunk");
	table_init(&tb, ETRUNK_RBP_KIND_MAX + 1, rbp_stats_head,
		   ARRAY_SIZE(rbp_stats_head));
	for (k = 0; k <= ETRUNK_RBP_KIND_MAX; k++) {
		if (!(p->stats_kinds & (1u << k)))
			continue;
		table_set(&tb, row, 0, rbp_kind_names[k]);
		for (i = 0; i < RBP_N_COUNTERS; i++) {
			snprintf(b, sizeof(b), "%" PRIu64, p->stats[k][i]);
			table_set(&tb, row, 1 + i, b);
		}
		row++;
	}
	table_print(&tb, "  ");
}

static void json_rbp_fields(const struct rbp *p)
{
	char b[40];
	unsigned int k, i;

	json_string("name", p->name);
	json_string("service", p->service);
	json_uint("backup_id", p->backup_id);
	json_enum("type", NAMES(rbp_type_names), p->type);
	json_open_array("kinds");
	for (k = 0; k < ARRAY_SIZE(rbp_kind_names); k++)
		if (p->kinds & (1u << k))
			json_string(NULL, rbp_kind_names[k]);
	json_close_array();
	if (p->ifname[0])
		json_string("dev", p->ifname);
	else
		json_null("dev");
	json_uint("ifindex", p->ifindex);
	if (p->group) {
		json_uint("e_trunk", p->group);
		json_uint("trunk_id", p->trunk_id);
	} else {
		json_null("e_trunk");
		json_null("trunk_id");
	}
	json_open_object("stats");
	for (k = 0; k <= ETRUNK_RBP_KIND_MAX; k++) {
		if (!(p->stats_kinds & (1u << k)))
			continue;
		json_open_object(enum_str(NAMES(rbp_kind_names), k, b, sizeof(b)));
		for (i = 0; i < RBP_N_COUNTERS; i++)
			json_uint(rbp_counter_names[i], p->stats[k][i]);
		json_close_object();
	}
	json_close_object();
}

/* The name of a service or profile into its nest. */
static void put_rb_name(struct nlmsghdr *nlh, const char *name)
{
	if (strlen(name) > ETRUNK_RBS_NAME_MAX)
		usage_error("a name is at most %d bytes, not '%s'",
			    ETRUNK_RBS_NAME_MAX, name);
	/* ETRUNK_RBS_A_NAME and ETRUNK_RBP_A_NAME are the same number. */
	mnl_attr_put_strz(nlh, ETRUNK_RBS_A_NAME, name);
}

static void rbs_parse(const struct nlattr *nest, void *obj)
{
	parse_rbs(nest, obj);
}

static void rbs_print(const void *obj)
{
	print_rbs_plain(obj);
}

static void rbs_json(const void *obj)
{
	json_rbs_fields(obj);
}

static void rbp_parse(const struct nlattr *nest, void *obj)
{
	parse_rbp(nest, obj);
}

static void rbp_print(const void *obj)
{
	print_rbp_plain(obj);
}

static void rbp_json(const void *obj)
{
	json_rbp_fields(obj);
}

/* rbs add NAME ... */
static void rbs_save(const void *obj)
{
	const struct rbs *s = obj;

	printf("rbs add %s", s->name);
	save_addr("peer", &s->peer);
	save_addr("source", &s->source);
	save_uint("port", s->port);
	save_uint("hold-time", s->hold_time);
	save_uint("keepalive", s->keepalive);
	if (HAS(s, ETRUNK_RBS_A_MAX_ENTRIES))
		save_uint("max-entries", s->max_entries);
	if (s->descr[0])
		save_str("description", s->descr);
	if (s->key_set && save_keys) {
		char key[ETRUNK_RBS_KEY_MAX + 1];
		size_t n;

		n = obj_key(&rbs_type, ETRUNK_CMD_GET_RBS_KEY, s->name,
			    ETRUNK_RBS_A_KEY, (uint8_t *)key, ETRUNK_RBS_KEY_MAX);
		key[n] = '\0';
		if (n)
			save_str("key", key);
	}
	putchar('\n');
	if (s->key_set && !save_keys)
		printf("# rbs %s: a key is set (save -o FILE writes keys)\n",
		       s->name);
}

/* rbp add NAME ... */
static void rbp_save(const void *obj)
{
	const struct rbp *p = obj;
	char buf[64];

	printf("rbp add %s", p->name);
	save_str("service", p->service);
	save_uint("backup-id", p->backup_id);
	save_str("dev", p->ifname);
	save_str("kinds", kinds_str(p->kinds, buf, sizeof(buf)));
	save_str("type", enum_str(NAMES(rbp_type_names), p->type, buf,
				  sizeof(buf)));
	putchar('\n');
}

const struct obj_type rbs_type = {
	.attr = ETRUNK_A_RBS,
	.get_cmd = ETRUNK_CMD_GET_RBS,
	.size = sizeof(struct rbs),
	.put_name = put_rb_name,
	.parse = rbs_parse,
	.print = rbs_print,
	.json = rbs_json,
	.save = rbs_save,
};

const struct obj_type rbp_type = {
	.attr = ETRUNK_A_RBP,
	.get_cmd = ETRUNK_CMD_GET_RBP,
	.size = sizeof(struct rbp),
	.put_name = put_rb_name,
	.parse = rbp_parse,
	.print = rbp_print,
	.json = rbp_json,
	.save = rbp_save,
};

/* rbs show [NAME] and rbp show [NAME] */
static int cmd_rb_show(bool rbs, int argc, char **argv)
{
	if (argc > 1)
		usage_error("%s show takes at most one name, not '%s'",
			    rbs ? "rbs" : "rbp", argv[1]);
	return obj_show(rbs ? &rbs_type : &rbp_type,
			argc == 1 ? argv[0] : NULL);
}

static void put_rbs_addr(struct nlmsghdr *nlh, uint16_t type, const char *key,
			 const char *val)
{
	struct addr a = { 0 };

	parse_target(key, val, 0, &a);
	mnl_attr_put(nlh, type, a.len, a.a);
}

/* rbs add|set NAME [ option value ]... */
static int cmd_rbs_change(uint8_t cmd, int argc, char **argv)
{
	const char *what = cmd == ETRUNK_CMD_NEW_RBS ? "add" : "set";
	uint64_t seen = 0;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int i;

	if (argc < 1)
		usage_error("rbs %s needs a service name", what);
	if (cmd == ETRUNK_CMD_SET_RBS && argc < 2)
		usage_error("rbs set %s: nothing to set", argv[0]);
	nl_start(&nl);
	nest = obj_request(&nl, &nlh, &rbs_type, cmd, NLM_F_ACK, argv[0]);
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);
		unsigned int type;

		if (!strcmp(key, "peer")) {
			type = ETRUNK_RBS_A_PEER_ADDR;
			put_rbs_addr(nlh, type, key, val);
		} else if (!strcmp(key, "source")) {
			type = ETRUNK_RBS_A_SOURCE_ADDR;
			put_rbs_addr(nlh, type, key, val);
		} else if (!strcmp(key, "port")) {
			type = ETRUNK_RBS_A_PORT;
			mnl_attr_put_u16(nlh, type,
					 (uint16_t)parse_range(key, val, 1, 65535, ""));
		} else if (!strcmp(key, "key")) {
			/* The message does not repeat the value: a secret. */
			type = ETRUNK_RBS_A_KEY;
			if (!strcmp(val, "none"))
				mnl_attr_put(nlh, type, 0, NULL);
			else if (!*val || strlen(val) > ETRUNK_RBS_KEY_MAX)
				usage_error("%s: 1 to %d bytes, or none", key,
					    ETRUNK_RBS_KEY_MAX);
			else
				mnl_attr_put(nlh, type, strlen(val), val);
		} else if (matches(key, "hold-time", "hold_time")) {
			type = ETRUNK_RBS_A_HOLD_TIME;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, 0,
						     ETRUNK_RBS_MAX_HOLD_TIME, " s"));
		} else if (!strcmp(key, "keepalive")) {
			type = ETRUNK_RBS_A_KEEPALIVE;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, ETRUNK_RBS_MIN_KEEPALIVE,
						     ETRUNK_RBS_MAX_KEEPALIVE, " ms"));
		} else if (matches(key, "max-entries", "max_entries")) {
			type = ETRUNK_RBS_A_MAX_ENTRIES;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, 1,
						     ETRUNK_RBS_MAX_MAX_ENTRIES, ""));
		} else if (matches(key, "description", "descr")) {
			type = ETRUNK_RBS_A_DESCRIPTION;
			if (strlen(val) > ETRUNK_RBS_DESCR_MAX)
				usage_error("%s: at most %d bytes", key,
					    ETRUNK_RBS_DESCR_MAX);
			mnl_attr_put_strz(nlh, type, val);
		} else {
			usage_error("rbs %s: unknown option '%s'", what, key);
		}
		if (seen & BIT64(type))
			usage_error("%s given twice", key);
		seen |= BIT64(type);
	}
	if (cmd == ETRUNK_CMD_NEW_RBS &&
	    !(seen & BIT64(ETRUNK_RBS_A_PEER_ADDR)))
		usage_error("rbs add %s: which peer? (peer ADDR)", argv[0]);
	if (cmd == ETRUNK_CMD_NEW_RBS &&
	    !(seen & BIT64(ETRUNK_RBS_A_SOURCE_ADDR)))
		usage_error("rbs add %s: which source? (source ADDR)", argv[0]);
	return obj_send(&nl, nlh, nest);
}

/* "arp,nd" or "all" as ETRUNK_RBP_KIND_* bits. */
static uint32_t parse_kinds(const char *key, const char *s)
{
	uint32_t kinds = 0;
	const char *p = s;

	if (!strcmp(s, "all"))
		return ETRUNK_RBP_KINDS_ALL;
	while (*p) {
		size_t len = strcspn(p, ",");
		unsigned int k;

		for (k = 0; k < ARRAY_SIZE(rbp_kind_names); k++)
			if (strlen(rbp_kind_names[k]) == len &&
			    !strncmp(p, rbp_kind_names[k], len))
				break;
		if (k == ARRAY_SIZE(rbp_kind_names))
			usage_error("%s: expected arp, nd, igmp and mld separated by commas, or all, not '%s'",
				    key, s);
		kinds |= 1u << k;
		p += len;
		if (*p == ',' && *++p == '\0')
			usage_error("%s: an empty value in the list", key);
	}
	if (!kinds)
		usage_error("%s: which kinds?", key);
	return kinds;
}

/* rbp add|set NAME [ option value ]... */
static int cmd_rbp_change(uint8_t cmd, int argc, char **argv)
{
	const char *what = cmd == ETRUNK_CMD_NEW_RBP ? "add" : "set";
	uint64_t seen = 0;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	struct nl nl;
	int i;

	if (argc < 1)
		usage_error("rbp %s needs a profile name", what);
	if (cmd == ETRUNK_CMD_SET_RBP && argc < 2)
		usage_error("rbp set %s: nothing to set", argv[0]);
	nl_start(&nl);
	nest = obj_request(&nl, &nlh, &rbp_type, cmd, NLM_F_ACK, argv[0]);
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);
		unsigned int type;

		if (!strcmp(key, "service")) {
			type = ETRUNK_RBP_A_SERVICE;
			if (strlen(val) > ETRUNK_RBS_NAME_MAX)
				usage_error("%s: a name is at most %d bytes", key,
					    ETRUNK_RBS_NAME_MAX);
			mnl_attr_put_strz(nlh, type, val);
		} else if (matches(key, "backup-id", "backup_id")) {
			type = ETRUNK_RBP_A_BACKUP_ID;
			mnl_attr_put_u32(nlh, type,
					 parse_range(key, val, 1, UINT32_MAX, ""));
		} else if (matches(key, "dev", "trunk")) {
			type = ETRUNK_RBP_A_IFNAME;
			put_name(nlh, type, val);
		} else if (!strcmp(key, "kinds")) {
			type = ETRUNK_RBP_A_KINDS;
			mnl_attr_put_u32(nlh, type, parse_kinds(key, val));
		} else if (!strcmp(key, "type")) {
			type = ETRUNK_RBP_A_TYPE;
			mnl_attr_put_u8(nlh, type,
					parse_enum(key, val, NAMES(rbp_type_names)));
		} else {
			usage_error("rbp %s: unknown option '%s'", what, key);
		}
		if (seen & BIT64(type))
			usage_error("%s given twice", key);
		seen |= BIT64(type);
	}
	if (cmd == ETRUNK_CMD_NEW_RBP) {
		if (!(seen & BIT64(ETRUNK_RBP_A_SERVICE)))
			usage_error("rbp add %s: which service? (service NAME)",
				    argv[0]);
		if (!(seen & BIT64(ETRUNK_RBP_A_BACKUP_ID)))
			usage_error("rbp add %s: which backup id? (backup-id N)",
				    argv[0]);
		if (!(seen & BIT64(ETRUNK_RBP_A_IFNAME)))
			usage_error("rbp add %s: which trunk? (dev TRUNK)", argv[0]);
	}
	return obj_send(&nl, nlh, nest);
}

static int cmd_rb_del(bool rbs, int argc, char **argv)
{
	if (argc != 1)
		usage_error("%s del needs one name", rbs ? "rbs" : "rbp");
	return obj_del(rbs ? &rbs_type : &rbp_type,
		       rbs ? ETRUNK_CMD_DEL_RBS : ETRUNK_CMD_DEL_RBP, argv[0]);
}

/* rbs ... and rbp ... */
static int cmd_rb(bool rbs, int argc, char **argv)
{
	const char *what = rbs ? "rbs" : "rbp";

	if (argc < 1)
		usage_error("%s needs add, set, del or show", what);
	if (!strcmp(argv[0], "show"))
		return cmd_rb_show(rbs, argc - 1, argv + 1);
	if (!strcmp(argv[0], "add"))
		return rbs ? cmd_rbs_change(ETRUNK_CMD_NEW_RBS, argc - 1, argv + 1) :
			     cmd_rbp_change(ETRUNK_CMD_NEW_RBP, argc - 1, argv + 1);
	if (!strcmp(argv[0], "set"))
		return rbs ? cmd_rbs_change(ETRUNK_CMD_SET_RBS, argc - 1, argv + 1) :
			     cmd_rbp_change(ETRUNK_CMD_SET_RBP, argc - 1, argv + 1);
	if (matches(argv[0], "del", "delete"))
		return cmd_rb_del(rbs, argc - 1, argv + 1);
	usage_error("unknown %s command '%s'", what, argv[0]);
}

/* Events of services and profiles. */
void print_rb_event(const struct nlmsghdr *nlh, const struct trunk *t)
{
	const char *ev = rbs_event_names[t->event - ETRUNK_EVENT_RBS_ADDED];
	bool has_s = false, has_p = false;
	const struct nlattr *a;
	struct rbs s = { 0 };
	struct rbp p = { 0 };

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(a) == ETRUNK_A_RBS) {
			parse_rbs(a, &s);
			has_s = true;
		} else if (mnl_attr_get_type(a) == ETRUNK_A_RBP) {
			parse_rbp(a, &p);
			has_p = true;
		}
	}
	if (json) {
		json_open_object(NULL);
		json_uint("seq", t->event_seq);
		json_string("event", ev);
		if (has_s) {
			json_open_object("rbs");
			json_rbs_fields(&s);
			json_close_object();
		}
		if (has_p) {
			json_open_object("rbp");
			json_rbp_fields(&p);
			json_close_object();
		}
		json_close_object();
		return;
	}
	printf("seq %u %s", t->event_seq, ev);
	if (has_s) {
		char b[40];

		printf(" rbs %s state %s", s.name,
		       enum_str(NAMES(rbs_state_names), s.state, b, sizeof(b)));
	}
	if (has_p)
		printf(" rbp %s service %s backup-id %" PRIu32 " trunk %s", p.name,
		       p.service, p.backup_id, p.ifname);
	putchar('\n');
}

int cmd_rbs(int argc, char **argv)
{
	return cmd_rb(true, argc, argv);
}

int cmd_rbp(int argc, char **argv)
{
	return cmd_rb(false, argc, argv);
}
