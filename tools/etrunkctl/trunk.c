// SPDX-License-Identifier: GPL-2.0
/*
 * trunk.c - etrunkctl: trunks: the trunk message (also the reply of
 * member show and flush-receive show, and events), "show" and "set".
 */
#include "etrunkctl.h"

static const enum mnl_attr_data_type trunk_attr_types[ETRUNK_A_MAX + 1] = {
	[ETRUNK_A_IFINDEX] = MNL_TYPE_U32,
	[ETRUNK_A_IFNAME] = MNL_TYPE_NUL_STRING,
	[ETRUNK_A_MODE] = MNL_TYPE_U8,
	[ETRUNK_A_HASH_POLICY] = MNL_TYPE_U8,
	[ETRUNK_A_MIN_LINKS] = MNL_TYPE_U32,
	[ETRUNK_A_MAX_LINKS] = MNL_TYPE_U32,
	[ETRUNK_A_UP] = MNL_TYPE_U8,
	[ETRUNK_A_CARRIER] = MNL_TYPE_U8,
	[ETRUNK_A_ACTIVE_MEMBERS] = MNL_TYPE_U32,
	[ETRUNK_A_STATS] = MNL_TYPE_NESTED,
	[ETRUNK_A_MEMBERS] = MNL_TYPE_NESTED,
	[ETRUNK_A_MEMBER] = MNL_TYPE_NESTED,
	[ETRUNK_A_EVENT] = MNL_TYPE_U8,
	[ETRUNK_A_EVENT_SEQ] = MNL_TYPE_U32,
	[ETRUNK_A_REVERTIVE] = MNL_TYPE_U8,
	[ETRUNK_A_REVERT_DELAY] = MNL_TYPE_U32,
	[ETRUNK_A_GRAT_ARP] = MNL_TYPE_U8,
	[ETRUNK_A_FLUSH_COUNT] = MNL_TYPE_U8,
	[ETRUNK_A_FLUSH_INTERVAL] = MNL_TYPE_U16,
	[ETRUNK_A_FLUSH_KEY] = MNL_TYPE_BINARY,	/* write-only */
	[ETRUNK_A_FLUSH_KEY_SET] = MNL_TYPE_U8,
	[ETRUNK_A_FLUSH_RX] = MNL_TYPE_U8,
	[ETRUNK_A_PROBE_INTERVAL] = MNL_TYPE_U32,
	[ETRUNK_A_PROBE_MISSED] = MNL_TYPE_U8,
	[ETRUNK_A_PROBE_TARGETS] = MNL_TYPE_NESTED,
	[ETRUNK_A_ACTIVE_MEMBER] = MNL_TYPE_U32,
	[ETRUNK_A_SWITCHOVERS] = MNL_TYPE_U32,
	[ETRUNK_A_SWITCHOVER_REASON] = MNL_TYPE_U8,
	[ETRUNK_A_SWITCHOVER_AGE] = MNL_TYPE_U64,
	[ETRUNK_A_FLUSH_STATS] = MNL_TYPE_NESTED,
	[ETRUNK_A_FLUSH_VLANS] = MNL_TYPE_NESTED,
	[ETRUNK_A_LACP_SYSTEM_PRIO] = MNL_TYPE_U16,
	[ETRUNK_A_LACP_SYSTEM] = MNL_TYPE_BINARY,	/* 6 bytes */
	[ETRUNK_A_LACP_KEY] = MNL_TYPE_U16,
	[ETRUNK_A_LACP_PORT_OFFSET] = MNL_TYPE_U16,
	[ETRUNK_A_LACP_RATE] = MNL_TYPE_U8,
	[ETRUNK_A_LACP_ROLE] = MNL_TYPE_U8,
	[ETRUNK_A_LACP_SELECT] = MNL_TYPE_U8,
	[ETRUNK_A_LACP_PREEMPT] = MNL_TYPE_U8,
	[ETRUNK_A_LACP_PREEMPT_DELAY] = MNL_TYPE_U32,
	[ETRUNK_A_BINDING] = MNL_TYPE_NESTED,
};
_Static_assert(ETRUNK_A_MAX < 64, "struct trunk's has is 64 bits");

static void parse_stats(const struct nlattr *nest, struct trunk *t)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type == ETRUNK_STATS_A_PAD || type > ETRUNK_STATS_A_MAX ||
		    mnl_attr_validate(a, MNL_TYPE_U64) < 0)
			continue;
		t->stats_has |= 1u << type;
		t->stats[type] = mnl_attr_get_u64(a);
	}
}

static void parse_flush_stats(const struct nlattr *nest, struct trunk *t)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type == ETRUNK_FLUSH_STATS_A_PAD ||
		    type > ETRUNK_FLUSH_STATS_A_MAX ||
		    mnl_attr_validate(a, MNL_TYPE_U64) < 0)
			continue;
		t->flush_stats_has |= 1u << type;
		t->flush_stats[type] = mnl_attr_get_u64(a);
	}
}

/* A list of 4- or 16-byte addresses; more than this tool holds are left out. */
static void parse_probe_targets(const struct nlattr *nest, struct trunk *t)
{
	const struct nlattr *a;

	t->n_probe_targets = 0;
	mnl_attr_for_each_nested(a, nest) {
		uint16_t len = mnl_attr_get_payload_len(a);
		struct addr *p;

		if (mnl_attr_get_type(a) != ETRUNK_A_PROBE_TARGET ||
		    (len != 4 && len != 16) ||
		    t->n_probe_targets == ARRAY_SIZE(t->probe_targets))
			continue;
		p = &t->probe_targets[t->n_probe_targets++];
		p->len = (uint8_t)len;
		memcpy(p->a, mnl_attr_get_payload(a), len);
	}
}

static void parse_vlans(const struct nlattr *nest, struct trunk *t)
{
	const struct nlattr *a;

	t->n_vlans = 0;
	mnl_attr_for_each_nested(a, nest) {
		if (mnl_attr_get_type(a) != ETRUNK_VLAN_A_VID ||
		    mnl_attr_validate(a, MNL_TYPE_U16) < 0 ||
		    t->n_vlans == ARRAY_SIZE(t->vlans))
			continue;
		t->vlans[t->n_vlans++] = mnl_attr_get_u16(a);
	}
}

/* Members are appended: a dump may continue a trunk in a next message. */
static void parse_members(const struct nlattr *nest, struct trunk *t)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		if (mnl_attr_get_type(a) != ETRUNK_A_MEMBER ||
		    mnl_attr_validate(a, MNL_TYPE_NESTED) < 0)
			continue;
		t->members = grow(t->members, t->n_members, &t->cap_members, 8,
				  sizeof(*t->members));
		parse_member(a, &t->members[t->n_members++]);
	}
}

void parse_trunk(const struct nlmsghdr *nlh, struct trunk *t)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct genlmsghdr)) {
		unsigned int type = attr_known(a, trunk_attr_types, ETRUNK_A_MAX);

		if (!type)
			continue;
		t->has |= BIT64(type);
		switch (type) {
		case ETRUNK_A_IFINDEX:
			t->ifindex = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_IFNAME:
			copy_name(t->ifname, a);
			break;
		case ETRUNK_A_MODE:
			t->mode = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_HASH_POLICY:
			t->hash_policy = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_MIN_LINKS:
			t->min_links = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_MAX_LINKS:
			t->max_links = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_UP:
			t->up = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_CARRIER:
			t->carrier = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_ACTIVE_MEMBERS:
			t->active_members = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_STATS:
			parse_stats(a, t);
			break;
		case ETRUNK_A_MEMBERS:
			parse_members(a, t);
			break;
		case ETRUNK_A_MEMBER:
			parse_member(a, &t->member);
			break;
		case ETRUNK_A_EVENT:
			t->event = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_EVENT_SEQ:
			t->event_seq = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_REVERTIVE:
			t->revertive = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_REVERT_DELAY:
			t->revert_delay = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_GRAT_ARP:
			t->grat_arp = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_FLUSH_COUNT:
			t->flush_count = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_FLUSH_INTERVAL:
			t->flush_interval = mnl_attr_get_u16(a);
			break;
		case ETRUNK_A_FLUSH_KEY_SET:
			t->flush_key_set = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_FLUSH_RX:
			t->flush_rx = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_PROBE_INTERVAL:
			t->probe_interval = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_PROBE_MISSED:
			t->probe_missed = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_PROBE_TARGETS:
			parse_probe_targets(a, t);
			break;
		case ETRUNK_A_ACTIVE_MEMBER:
			t->active_member = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_SWITCHOVERS:
			t->switchovers = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_SWITCHOVER_REASON:
			t->switchover_reason = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_SWITCHOVER_AGE:
			t->switchover_age = mnl_attr_get_u64(a);
			break;
		case ETRUNK_A_FLUSH_STATS:
			parse_flush_stats(a, t);
			break;
		case ETRUNK_A_FLUSH_VLANS:
			parse_vlans(a, t);
			break;
		case ETRUNK_A_LACP_SYSTEM_PRIO:
			t->lacp_system_prio = mnl_attr_get_u16(a);
			break;
		case ETRUNK_A_LACP_SYSTEM:
			get_mac(a, t->lacp_system);
			break;
		case ETRUNK_A_LACP_KEY:
			t->lacp_key = mnl_attr_get_u16(a);
			break;
		case ETRUNK_A_LACP_PORT_OFFSET:
			t->lacp_port_offset = mnl_attr_get_u16(a);
			break;
		case ETRUNK_A_LACP_RATE:
			t->lacp_rate = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_LACP_ROLE:
			t->lacp_role = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_LACP_SELECT:
			t->lacp_select = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_LACP_PREEMPT:
			t->lacp_preempt = mnl_attr_get_u8(a);
			break;
		case ETRUNK_A_LACP_PREEMPT_DELAY:
			t->lacp_preempt_delay = mnl_attr_get_u32(a);
			break;
		case ETRUNK_A_BINDING:
			parse_ebinding(a, &t->binding);
			break;
		}
	}
}

/*
 * One reply message: a new trunk, or the continuation of the last one
 * (same ifindex) when a dump split its members over messages.
 */
int trunk_list_cb(const struct nlmsghdr *nlh, void *data)
{
	struct trunk_list *l = data;
	struct trunk tmp = { 0 }, *t;

	if (!genl_msg_ok(nlh, l->family))
		return MNL_CB_OK;
	parse_trunk(nlh, &tmp);
	if (l->n && HAS(&tmp, ETRUNK_A_IFINDEX) &&
	    l->v[l->n - 1].ifindex == tmp.ifindex) {
		t = &l->v[l->n - 1];
		if (t->n_members + tmp.n_members > t->cap_members) {
			unsigned int cap = t->n_members + tmp.n_members;
			struct member *v = realloc(t->members, cap * sizeof(*v));

			if (!v)
				out_of_memory();
			t->members = v;
			t->cap_members = cap;
		}
		if (tmp.n_members)
			memcpy(&t->members[t->n_members], tmp.members,
			       tmp.n_members * sizeof(*tmp.members));
		t->n_members += tmp.n_members;
		free(tmp.members);
		return MNL_CB_OK;
	}
	l->v = grow(l->v, l->n, &l->cap, 4, sizeof(*l->v));
	l->v[l->n++] = tmp;
	return MNL_CB_OK;
}

void trunk_list_free(struct trunk_list *l)
{
	unsigned int i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].members);
	free(l->v);
}

/*
 * The name of the active member (ifindex t->active_member, not 0): as a
 * member of the message, else as a device of this namespace, else "ifN".
 */
const char *active_name(const struct trunk *t, char *buf, size_t len)
{
	char name[IF_NAMESIZE];
	unsigned int i;

	for (i = 0; i < t->n_members; i++) {
		const struct member *m = &t->members[i];

		if (HAS(m, ETRUNK_MEMBER_A_IFINDEX) &&
		    HAS(m, ETRUNK_MEMBER_A_IFNAME) &&
		    m->ifindex == t->active_member)
			return m->ifname;
	}
	if (if_indextoname(t->active_member, name))
		snprintf(buf, len, "%s", name);
	else
		snprintf(buf, len, "if%u", t->active_member);
	return buf;
}

/*
 * Mode backup:
 *   backup: active a0, revertive on, revert-delay 0 ms, grat-arp 1
 *   switchovers 3, last: link, 1.234 s ago
 *   flush: count 3, interval 10 ms, key none, rx on
 *   flush frames: sent 6, accepted 0; dropped: rate 0, ...
 *   probe: interval 100 ms, missed 3, targets 192.0.2.2,2001:db8::2
 * Each field only if the kernel reported it.
 */
static void print_backup_plain(const struct trunk *t)
{
	struct line l = { .sep = "  backup: " };
	char buf[INET6_ADDRSTRLEN];

	if (HAS(t, ETRUNK_A_ACTIVE_MEMBER))
		line_add(&l, "active %s", t->active_member ?
			 active_name(t, buf, sizeof(buf)) : "none");
	if (HAS(t, ETRUNK_A_REVERTIVE))
		line_add(&l, "revertive %s", t->revertive ? "on" : "off");
	if (HAS(t, ETRUNK_A_REVERT_DELAY))
		line_add(&l, "revert-delay %u ms", t->revert_delay);
	if (HAS(t, ETRUNK_A_GRAT_ARP))
		line_add(&l, "grat-arp %u", t->grat_arp);
	line_end(&l);

	if (HAS(t, ETRUNK_A_SWITCHOVERS)) {
		printf("  switchovers %u", t->switchovers);
		if (t->switchovers && HAS(t, ETRUNK_A_SWITCHOVER_REASON))
			printf(", last: %s",
			       enum_str(NAMES(etrunk_switch_names),
					t->switchover_reason, buf, sizeof(buf)));
		if (HAS(t, ETRUNK_A_SWITCHOVER_AGE))
			printf(", %" PRIu64 ".%03" PRIu64 " s ago",
			       t->switchover_age / 1000,
			       t->switchover_age % 1000);
		putchar('\n');
	}

	l.sep = "  flush: ";
	if (HAS(t, ETRUNK_A_FLUSH_COUNT))
		line_add(&l, "count %u", t->flush_count);
	if (HAS(t, ETRUNK_A_FLUSH_INTERVAL))
		line_add(&l, "interval %u ms", t->flush_interval);
	if (HAS(t, ETRUNK_A_FLUSH_KEY_SET))
		line_add(&l, "key %s", t->flush_key_set ? "set" : "none");
	if (HAS(t, ETRUNK_A_FLUSH_RX))
		line_add(&l, "rx %s%s", t->flush_rx ? "on" : "off",
			 t->flush_rx && HAS(t, ETRUNK_A_FLUSH_KEY_SET) &&
			 !t->flush_key_set ? " (unauthenticated)" : "");
	line_end(&l);
	print_flush_stats_plain(t, true);

	l.sep = "  probe: ";
	if (HAS(t, ETRUNK_A_PROBE_INTERVAL)) {
		if (t->probe_interval)
			line_add(&l, "interval %u ms", t->probe_interval);
		else
			line_add(&l, "off");
	}
	if (HAS(t, ETRUNK_A_PROBE_MISSED))
		line_add(&l, "missed %u", t->probe_missed);
	if (HAS(t, ETRUNK_A_PROBE_TARGETS)) {
		unsigned int i;

		line_add(&l, "targets %s", t->n_probe_targets ? "" : "none");
		for (i = 0; i < t->n_probe_targets; i++)
			printf("%s%s", i ? "," : "",
			       addr_str(&t->probe_targets[i], buf, sizeof(buf)));
	}
	line_end(&l);
}

static void print_trunk_plain(const struct trunk *t)
{
	char buf[24];

	/* et0: mode loadbalance, hash layer3+4, up, carrier on */
	printf("%s:", t->ifname);
	if (HAS(t, ETRUNK_A_MODE))
		printf(" mode %s,", enum_str(NAMES(etrunk_mode_names), t->mode, buf,
					     sizeof(buf)));
	if (HAS(t, ETRUNK_A_HASH_POLICY))
		printf(" hash %s,", enum_str(NAMES(etrunk_hash_names), t->hash_policy,
					     buf, sizeof(buf)));
	printf(" %s, carrier %s\n", t->up ? "up" : "down",
	       t->carrier ? "on" : "off");

	/*   members: 2 active of 3 (min-links 1, max-links none)
	 *   rx: 10 packets, 1200 bytes, 0 dropped; tx: ...
	 */
	printf("  members: %u active of %u (min-links %u, max-links ",
	       t->active_members, t->n_members, t->min_links);
	if (t->max_links)
		printf("%u)\n", t->max_links);
	else
		printf("none)\n");

	if (t->stats_has)
		printf("  rx: %" PRIu64 " packets, %" PRIu64 " bytes, %" PRIu64
		       " dropped; tx: %" PRIu64 " packets, %" PRIu64 " bytes, %"
		       PRIu64 " dropped\n",
		       t->stats[ETRUNK_STATS_A_RX_PACKETS],
		       t->stats[ETRUNK_STATS_A_RX_BYTES],
		       t->stats[ETRUNK_STATS_A_RX_DROPPED],
		       t->stats[ETRUNK_STATS_A_TX_PACKETS],
		       t->stats[ETRUNK_STATS_A_TX_BYTES],
		       t->stats[ETRUNK_STATS_A_TX_DROPPED]);

	/* The backup lines: what the JSON has in any mode, the text shows
	 * where it means something.
	 */
	if (HAS(t, ETRUNK_A_MODE) && t->mode == ETRUNK_MODE_BACKUP)
		print_backup_plain(t);
	if (HAS(t, ETRUNK_A_MODE) && t->mode == ETRUNK_MODE_LACP)
		print_lacp_plain(t);
	if (HAS(t, ETRUNK_A_BINDING))
		print_binding_plain(&t->binding);

	if (t->n_members)
		print_members_plain(t);
}

static const char *const stats_keys[ETRUNK_STATS_A_MAX + 1] = {
	[ETRUNK_STATS_A_RX_PACKETS] = "rx_packets",
	[ETRUNK_STATS_A_RX_BYTES] = "rx_bytes",
	[ETRUNK_STATS_A_RX_DROPPED] = "rx_dropped",
	[ETRUNK_STATS_A_TX_PACKETS] = "tx_packets",
	[ETRUNK_STATS_A_TX_BYTES] = "tx_bytes",
	[ETRUNK_STATS_A_TX_DROPPED] = "tx_dropped",
};

/* The mode-backup attributes that are present, into the open object. */
static void json_backup_fields(const struct trunk *t)
{
	char buf[INET6_ADDRSTRLEN];

	if (HAS(t, ETRUNK_A_REVERTIVE))
		json_bool("revertive", t->revertive);
	if (HAS(t, ETRUNK_A_REVERT_DELAY))
		json_uint("revert_delay", t->revert_delay);
	if (HAS(t, ETRUNK_A_GRAT_ARP))
		json_uint("grat_arp", t->grat_arp);
	if (HAS(t, ETRUNK_A_FLUSH_COUNT))
		json_uint("flush_count", t->flush_count);
	if (HAS(t, ETRUNK_A_FLUSH_INTERVAL))
		json_uint("flush_interval", t->flush_interval);
	if (HAS(t, ETRUNK_A_FLUSH_KEY_SET))
		json_string("flush_key", t->flush_key_set ? "set" : "none");
	if (HAS(t, ETRUNK_A_FLUSH_RX))
		json_bool("flush_rx", t->flush_rx);
	if (HAS(t, ETRUNK_A_PROBE_INTERVAL))
		json_uint("probe_interval", t->probe_interval);
	if (HAS(t, ETRUNK_A_PROBE_MISSED))
		json_uint("probe_missed", t->probe_missed);
	if (HAS(t, ETRUNK_A_PROBE_TARGETS)) {
		unsigned int i;

		json_open_array("probe_targets");
		for (i = 0; i < t->n_probe_targets; i++)
			json_string(NULL, addr_str(&t->probe_targets[i], buf,
						   sizeof(buf)));
		json_close_array();
	}
	if (HAS(t, ETRUNK_A_ACTIVE_MEMBER)) {
		if (t->active_member)
			json_string("active_member",
				    active_name(t, buf, sizeof(buf)));
		else
			json_null("active_member");
	}
	if (HAS(t, ETRUNK_A_SWITCHOVERS))
		json_uint("switchovers", t->switchovers);
	if (HAS(t, ETRUNK_A_SWITCHOVER_REASON))
		json_enum("switchover_reason", NAMES(etrunk_switch_names),
			  t->switchover_reason);
	if (HAS(t, ETRUNK_A_SWITCHOVER_AGE))
		json_uint("switchover_age_ms", t->switchover_age);
	json_flush_stats(t);
}

/* The trunk's attributes that are present, into the open object. */
void json_trunk_fields(const struct trunk *t)
{
	unsigned int i;

	if (HAS(t, ETRUNK_A_IFNAME))
		json_string("ifname", t->ifname);
	if (HAS(t, ETRUNK_A_IFINDEX))
		json_uint("ifindex", t->ifindex);
	if (HAS(t, ETRUNK_A_MODE))
		json_enum("mode", NAMES(etrunk_mode_names), t->mode);
	if (HAS(t, ETRUNK_A_HASH_POLICY))
		json_enum("hash_policy", NAMES(etrunk_hash_names), t->hash_policy);
	if (HAS(t, ETRUNK_A_MIN_LINKS))
		json_uint("min_links", t->min_links);
	if (HAS(t, ETRUNK_A_MAX_LINKS))
		json_uint("max_links", t->max_links);
	if (HAS(t, ETRUNK_A_UP))
		json_bool("up", t->up);
	if (HAS(t, ETRUNK_A_CARRIER))
		json_bool("carrier", t->carrier);
	if (HAS(t, ETRUNK_A_ACTIVE_MEMBERS))
		json_uint("active_members", t->active_members);
	if (HAS(t, ETRUNK_A_STATS)) {
		json_open_object("stats");
		for (i = 0; i <= ETRUNK_STATS_A_MAX; i++)
			if (stats_keys[i] && (t->stats_has >> i) & 1u)
				json_uint(stats_keys[i], t->stats[i]);
		json_close_object();
	}
	json_backup_fields(t);
	json_lacp_fields(t);
	if (HAS(t, ETRUNK_A_BINDING)) {
		json_open_object("e_trunk");
		json_ebinding_fields(&t->binding, false);
		json_close_object();
	}
	if (HAS(t, ETRUNK_A_MEMBERS)) {
		json_open_array("members");
		for (i = 0; i < t->n_members; i++)
			json_member(NULL, &t->members[i], NULL);
		json_close_array();
	}
}

/* The GET @cmd reply for the one device in @argv, or the dump of all
 * when there is none, into @l.
 */
void fetch_list(uint8_t cmd, int argc, char **argv,
		struct trunk_list *l)
{
	struct nlmsghdr *nlh;
	struct nl nl;
	int err;

	nl_start(&nl);
	l->family = nl.family;
	if (argc == 1) {
		nlh = nl_request(&nl, cmd, NLM_F_ACK);
		put_name(nlh, ETRUNK_A_IFNAME, argv[0]);
	} else {
		nlh = nl_request(&nl, cmd, NLM_F_DUMP);
	}
	err = nl_talk(&nl, nlh, trunk_list_cb, l);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
}

int cmd_show(int argc, char **argv)
{
	struct trunk_list l = { 0 };
	unsigned int i;

	if (argc > 1)
		usage_error("show takes at most one device, not '%s'", argv[1]);
	fetch_list(ETRUNK_CMD_GET_TRUNK, argc, argv, &l);

	if (json) {
		json_init(stdout, pretty);
		json_open_array(NULL);
		for (i = 0; i < l.n; i++) {
			json_open_object(NULL);
			json_trunk_fields(&l.v[i]);
			/* Unbound: null, so scripts need not test for it. */
			if (!HAS(&l.v[i], ETRUNK_A_BINDING))
				json_null("e_trunk");
			json_close_object();
		}
		json_close_array();
	} else {
		for (i = 0; i < l.n; i++) {
			if (i)
				putchar('\n');
			print_trunk_plain(&l.v[i]);
		}
	}
	trunk_list_free(&l);
	return 0;
}

/* 0 or ETRUNK_MIN_PROBE_INTERVAL to ETRUNK_MAX_PROBE_INTERVAL, else UINT32_MAX. */
static uint32_t probe_interval(const char *s)
{
	unsigned long long v;
	char *end;

	errno = 0;
	if (*s < '0' || *s > '9')
		return UINT32_MAX;
	v = strtoull(s, &end, 10);
	if (*end || errno || (v && v < ETRUNK_MIN_PROBE_INTERVAL) ||
	    v > ETRUNK_MAX_PROBE_INTERVAL)
		return UINT32_MAX;
	return (uint32_t)v;
}

/* The mode-backup options of set; false if @key is none of them. */
static bool set_backup_option(struct set_args *a, const char *key,
			      const char *val)
{
	uint32_t v;

	if (ctl_opt(key, ETRUNK_OPT_REVERTIVE)) {
		once(a, ETRUNK_A_REVERTIVE, key);
		a->u8[ETRUNK_A_REVERTIVE] = parse_bool(key, val, "on", "off");
	} else if (ctl_opt(key, ETRUNK_OPT_REVERT_DELAY)) {
		once(a, ETRUNK_A_REVERT_DELAY, key);
		a->u32[ETRUNK_A_REVERT_DELAY] =
			parse_range(key, val, 0, ETRUNK_MAX_REVERT_DELAY, " ms");
	} else if (ctl_opt(key, ETRUNK_OPT_GRAT_ARP)) {
		once(a, ETRUNK_A_GRAT_ARP, key);
		a->u8[ETRUNK_A_GRAT_ARP] =
			(uint8_t)parse_range(key, val, 0, UINT8_MAX, "");
	} else if (ctl_opt(key, ETRUNK_OPT_FLUSH_COUNT)) {
		once(a, ETRUNK_A_FLUSH_COUNT, key);
		a->u8[ETRUNK_A_FLUSH_COUNT] =
			(uint8_t)parse_range(key, val, 0, ETRUNK_MAX_FLUSH_COUNT, "");
	} else if (ctl_opt(key, ETRUNK_OPT_FLUSH_INTERVAL)) {
		once(a, ETRUNK_A_FLUSH_INTERVAL, key);
		a->u16[ETRUNK_A_FLUSH_INTERVAL] =
			(uint16_t)parse_range(key, val, 1, 1000, " ms");
	} else if (ctl_opt(key, ETRUNK_OPT_FLUSH_KEY)) {
		set_key(a, key, val);
	} else if (ctl_opt(key, ETRUNK_OPT_FLUSH_RX)) {
		once(a, ETRUNK_A_FLUSH_RX, key);
		a->u8[ETRUNK_A_FLUSH_RX] = parse_bool(key, val, "on", "off");
	} else if (ctl_opt(key, ETRUNK_OPT_PROBE_INTERVAL)) {
		once(a, ETRUNK_A_PROBE_INTERVAL, key);
		v = probe_interval(val);
		if (v == UINT32_MAX)
			usage_error("%s: expected 0 (off) or %d to %d ms, not '%s'",
				    key, ETRUNK_MIN_PROBE_INTERVAL,
				    ETRUNK_MAX_PROBE_INTERVAL, val);
		a->u32[ETRUNK_A_PROBE_INTERVAL] = v;
	} else if (ctl_opt(key, ETRUNK_OPT_PROBE_MISSED)) {
		once(a, ETRUNK_A_PROBE_MISSED, key);
		a->u8[ETRUNK_A_PROBE_MISSED] =
			(uint8_t)parse_range(key, val, 1, UINT8_MAX, "");
	} else if (ctl_opt(key, ETRUNK_OPT_PROBE_TARGET) ||
		   matches(key, "probe_targets", NULL)) {
		once(a, ETRUNK_A_PROBE_TARGETS, key);
		a->n_targets = parse_list(key, val, "none",
					  ETRUNK_MAX_PROBE_TARGETS,
					  parse_target, a->targets);
	} else {
		return false;
	}
	return true;
}

/* The mode-lacp options of set; false if @key is none of them. */
static bool set_lacp_option(struct set_args *a, const char *key,
			    const char *val)
{
	if (ctl_opt(key, ETRUNK_OPT_LACP_RATE)) {
		once(a, ETRUNK_A_LACP_RATE, key);
		a->u8[ETRUNK_A_LACP_RATE] =
			parse_enum(key, val, NAMES(etrunk_lacp_rate_names));
	} else if (ctl_opt(key, ETRUNK_OPT_LACP_ROLE)) {
		once(a, ETRUNK_A_LACP_ROLE, key);
		a->u8[ETRUNK_A_LACP_ROLE] =
			parse_enum(key, val, NAMES(etrunk_lacp_role_names));
	} else if (ctl_opt(key, ETRUNK_OPT_LACP_SELECT)) {
		once(a, ETRUNK_A_LACP_SELECT, key);
		a->u8[ETRUNK_A_LACP_SELECT] =
			parse_enum(key, val, NAMES(etrunk_lacp_select_names));
	} else if (ctl_opt(key, ETRUNK_OPT_LACP_PREEMPT)) {
		once(a, ETRUNK_A_LACP_PREEMPT, key);
		a->u8[ETRUNK_A_LACP_PREEMPT] = parse_bool(key, val, "on", "off");
	} else if (ctl_opt(key, ETRUNK_OPT_LACP_PREEMPT_DELAY)) {
		once(a, ETRUNK_A_LACP_PREEMPT_DELAY, key);
		a->u32[ETRUNK_A_LACP_PREEMPT_DELAY] =
			parse_range(key, val, 0, ETRUNK_MAX_LACP_PREEMPT_DELAY, " ms");
	} else if (ctl_opt(key, ETRUNK_OPT_SYSTEM_PRIORITY)) {
		once(a, ETRUNK_A_LACP_SYSTEM_PRIO, key);
		a->u16[ETRUNK_A_LACP_SYSTEM_PRIO] =
			(uint16_t)parse_range(key, val, 1, UINT16_MAX, "");
	} else if (ctl_opt(key, ETRUNK_OPT_SYSTEM_ID)) {
		once(a, ETRUNK_A_LACP_SYSTEM, key);
		if (sscanf(val, "%2hhx:%2hhx:%2hhx:%2hhx:%2hhx:%2hhx%c",
			   &a->mac[0], &a->mac[1], &a->mac[2], &a->mac[3],
			   &a->mac[4], &a->mac[5], &a->mac_end) != 6)
			usage_error("%s: '%s' is not a MAC address", key, val);
	} else if (ctl_opt(key, ETRUNK_OPT_ACTOR_KEY)) {
		once(a, ETRUNK_A_LACP_KEY, key);
		a->u16[ETRUNK_A_LACP_KEY] =
			(uint16_t)parse_range(key, val, 1, UINT16_MAX, "");
	} else if (ctl_opt(key, ETRUNK_OPT_PORT_OFFSET)) {
		once(a, ETRUNK_A_LACP_PORT_OFFSET, key);
		a->u16[ETRUNK_A_LACP_PORT_OFFSET] =
			(uint16_t)parse_range(key, val, 0,
					      ETRUNK_LACP_MAX_PORT_OFFSET, "");
	} else {
		return false;
	}
	return true;
}

int cmd_set(int argc, char **argv)
{
	struct set_args a = { 0 };
	struct nlmsghdr *nlh;
	struct nl nl;
	int i, err;

	if (argc < 1)
		usage_error("set needs a trunk device");
	if (argc < 2)
		usage_error("set %s: nothing to set", argv[0]);
	for (i = 1; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);

		if (ctl_opt(key, ETRUNK_OPT_MODE)) {
			once(&a, ETRUNK_A_MODE, key);
			a.u8[ETRUNK_A_MODE] = parse_enum(key, val,
							 NAMES(etrunk_mode_names));
		} else if (ctl_opt(key, ETRUNK_OPT_HASH_POLICY)) {
			once(&a, ETRUNK_A_HASH_POLICY, key);
			a.u8[ETRUNK_A_HASH_POLICY] =
				parse_enum(key, val, NAMES(etrunk_hash_names));
		} else if (ctl_opt(key, ETRUNK_OPT_MIN_LINKS)) {
			once(&a, ETRUNK_A_MIN_LINKS, key);
			a.u32[ETRUNK_A_MIN_LINKS] = parse_uint(key, val,
							       UINT32_MAX);
		} else if (ctl_opt(key, ETRUNK_OPT_MAX_LINKS)) {
			once(&a, ETRUNK_A_MAX_LINKS, key);
			a.u32[ETRUNK_A_MAX_LINKS] = parse_uint(key, val,
							       UINT32_MAX);
		} else if (!set_backup_option(&a, key, val) &&
			   !set_lacp_option(&a, key, val)) {
			usage_error("set: unknown option '%s'", key);
		}
	}
	nl_start(&nl);
	nlh = nl_request(&nl, ETRUNK_CMD_SET_TRUNK, NLM_F_ACK);
	put_name(nlh, ETRUNK_A_IFNAME, argv[0]);
	put_set_args(nlh, &a, trunk_attr_types, ETRUNK_A_MAX);
	put_set_extra(nlh, &a);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}
