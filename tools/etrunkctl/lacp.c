// SPDX-License-Identifier: GPL-2.0
/*
 * lacp.c - etrunkctl: mode lacp: the LACP state of a trunk and its
 * members, in text and JSON, and the LACP part of an event.
 */
#include "etrunkctl.h"

/* An actor or partner attribute; @field counts from *_SYSTEM_PRIO. */
static void parse_lacp_port(const struct nlattr *a, unsigned int field,
			    struct lacp_port *p)
{
	uint16_t *dst;

	/* The partner's attributes are in the same order as the actor's. */
	switch (field + ETRUNK_LACP_A_ACTOR_SYSTEM_PRIO) {
	case ETRUNK_LACP_A_ACTOR_SYSTEM_PRIO:
		dst = &p->system_prio;
		break;
	case ETRUNK_LACP_A_ACTOR_SYSTEM:
		get_mac(a, p->system);
		return;
	case ETRUNK_LACP_A_ACTOR_KEY:
		dst = &p->key;
		break;
	case ETRUNK_LACP_A_ACTOR_PORT_PRIO:
		dst = &p->port_prio;
		break;
	case ETRUNK_LACP_A_ACTOR_PORT:
		dst = &p->port;
		break;
	case ETRUNK_LACP_A_ACTOR_STATE:
		if (mnl_attr_validate(a, MNL_TYPE_U8) >= 0)
			p->state = mnl_attr_get_u8(a);
		return;
	default:
		return;
	}
	if (mnl_attr_validate(a, MNL_TYPE_U16) >= 0)
		*dst = mnl_attr_get_u16(a);
}

/* The selection and the churn machines (ETRUNK_LACP_A_SELECTED on). */
static void parse_lacp_selection(const struct nlattr *a, unsigned int type,
				 struct lacp_member *l)
{
	bool is32 = type == ETRUNK_LACP_A_ACTOR_CHURNS ||
		    type == ETRUNK_LACP_A_PARTNER_CHURNS;

	if (mnl_attr_validate(a, is32 ? MNL_TYPE_U32 : MNL_TYPE_U8) < 0)
		return;
	switch (type) {
	case ETRUNK_LACP_A_SELECTED:
		l->selected = mnl_attr_get_u8(a);
		break;
	case ETRUNK_LACP_A_ACTOR_CHURN:
		l->actor_churn = mnl_attr_get_u8(a);
		break;
	case ETRUNK_LACP_A_PARTNER_CHURN:
		l->partner_churn = mnl_attr_get_u8(a);
		break;
	case ETRUNK_LACP_A_ACTOR_CHURNS:
		l->actor_churns = mnl_attr_get_u32(a);
		break;
	case ETRUNK_LACP_A_PARTNER_CHURNS:
		l->partner_churns = mnl_attr_get_u32(a);
		break;
	}
}

/* ETRUNK_MEMBER_A_LACP: malformed or unknown attributes are skipped. */
void parse_lacp_member(const struct nlattr *nest, struct lacp_member *l)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		unsigned int type = mnl_attr_get_type(a);

		if (type > ETRUNK_LACP_A_MAX) {
			continue;
		} else if (type >= ETRUNK_LACP_A_SELECTED) {
			parse_lacp_selection(a, type, l);
		} else if (type >= ETRUNK_LACP_A_LACPDU_RX) {
			if (mnl_attr_validate(a, MNL_TYPE_U64) < 0)
				continue;
			l->stats_has |= 1u << type;
			l->stats[type] = mnl_attr_get_u64(a);
		} else if (type >= ETRUNK_LACP_A_PARTNER_SYSTEM_PRIO) {
			parse_lacp_port(a, type - ETRUNK_LACP_A_PARTNER_SYSTEM_PRIO,
					&l->partner);
		} else if (type >= ETRUNK_LACP_A_ACTOR_SYSTEM_PRIO) {
			parse_lacp_port(a, type - ETRUNK_LACP_A_ACTOR_SYSTEM_PRIO,
					&l->actor);
		} else if ((type == ETRUNK_LACP_A_RX_STATE ||
			    type == ETRUNK_LACP_A_MUX_STATE) &&
			   mnl_attr_validate(a, MNL_TYPE_U8) >= 0) {
			if (type == ETRUNK_LACP_A_RX_STATE)
				l->rx_state = mnl_attr_get_u8(a);
			else
				l->mux_state = mnl_attr_get_u8(a);
		}
	}
}

/* The LACP state bits as letters, lowest first: A(ctive) S(hort timeout)
 * G (aggregatable) Y (in sync) C(ollecting) D(istributing) F (defaulted)
 * E(xpired); "-" for none.
 */
static const char *lacp_state_str(uint8_t state, char *buf)
{
	static const char letters[] = "ASGYCDFE";
	unsigned int i, n = 0;

	for (i = 0; i < 8; i++)
		if (state & (1u << i))
			buf[n++] = letters[i];
	if (!n)
		buf[n++] = '-';
	buf[n] = '\0';
	return buf;
}

static const char *const lacp_head[] = {
	"member", "rx", "selected", "mux", "port", "port-prio", "activity",
	"actor", "partner-system", "key", "port", "partner", "churn",
	"pdus-rx", "pdus-tx", "dropped",
};

/* Which churn machines say churned: -, actor, partner or both. */
static const char *lacp_churn_str(const struct lacp_member *l)
{
	if (l->actor_churn && l->partner_churn)
		return "both";
	if (l->actor_churn)
		return "actor";
	return l->partner_churn ? "partner" : "-";
}

/*
 * Mode lacp:
 *   lacp: system 02:00:00:00:00:aa, priority 100, key 7, port-offset 0, ...
 *   member  rx       mux   port  ...  actor   partner-system  ...
 * then one row per member: its machines, actor and partner.
 */
void print_lacp_plain(const struct trunk *t)
{
	struct line l = { .sep = "  lacp: " };
	char buf[24], num[12];
	struct table tb;
	unsigned int i;

	if (HAS(t, ETRUNK_A_LACP_SYSTEM))
		line_add(&l, "system %s", mac_str(t->lacp_system, buf, sizeof(buf)));
	if (HAS(t, ETRUNK_A_LACP_SYSTEM_PRIO))
		line_add(&l, "priority %u", t->lacp_system_prio);
	if (HAS(t, ETRUNK_A_LACP_KEY))
		line_add(&l, "key %u", t->lacp_key);
	if (HAS(t, ETRUNK_A_LACP_PORT_OFFSET))
		line_add(&l, "port-offset %u", t->lacp_port_offset);
	if (HAS(t, ETRUNK_A_LACP_RATE))
		line_add(&l, "rate %s", enum_str(NAMES(etrunk_lacp_rate_names),
						 t->lacp_rate, num, sizeof(num)));
	if (HAS(t, ETRUNK_A_LACP_ROLE))
		line_add(&l, "role %s", enum_str(NAMES(etrunk_lacp_role_names),
						 t->lacp_role, num, sizeof(num)));
	if (HAS(t, ETRUNK_A_LACP_SELECT))
		line_add(&l, "select %s", enum_str(NAMES(etrunk_lacp_select_names),
						   t->lacp_select, num, sizeof(num)));
	if (HAS(t, ETRUNK_A_LACP_PREEMPT))
		line_add(&l, "preempt %s", t->lacp_preempt ? "on" : "off");
	if (HAS(t, ETRUNK_A_LACP_PREEMPT_DELAY))
		line_add(&l, "preempt-delay %u ms", t->lacp_preempt_delay);
	line_end(&l);
	if (!t->n_members)
		return;

	table_init(&tb, t->n_members, lacp_head, ARRAY_SIZE(lacp_head));
	for (i = 0; i < t->n_members; i++) {
		const struct member *m = &t->members[i];
		const struct lacp_member *lm = &m->lacp;
		unsigned int c = 0;

		table_set(&tb, i, c++, member_name(m, buf, sizeof(buf)));
		if (!HAS(m, ETRUNK_MEMBER_A_LACP)) {
			while (c < ARRAY_SIZE(lacp_head))
				table_set(&tb, i, c++, "?");
			continue;
		}
		table_set(&tb, i, c++, enum_str(NAMES(etrunk_lacp_rx_names),
						lm->rx_state, num, sizeof(num)));
		table_set(&tb, i, c++, enum_str(NAMES(etrunk_lacp_selected_names),
						lm->selected, num, sizeof(num)));
		table_set(&tb, i, c++, enum_str(NAMES(etrunk_lacp_mux_names),
						lm->mux_state, num, sizeof(num)));
		snprintf(buf, sizeof(buf), "%u", lm->actor.port);
		table_set(&tb, i, c++, buf);
		snprintf(buf, sizeof(buf), "%u", lm->actor.port_prio);
		table_set(&tb, i, c++, buf);
		table_set(&tb, i, c++, m->lacp_active ? "active" : "passive");
		table_set(&tb, i, c++, lacp_state_str(lm->actor.state, buf));
		table_set(&tb, i, c++, mac_str(lm->partner.system, buf, sizeof(buf)));
		snprintf(buf, sizeof(buf), "%u", lm->partner.key);
		table_set(&tb, i, c++, buf);
		snprintf(buf, sizeof(buf), "%u", lm->partner.port);
		table_set(&tb, i, c++, buf);
		table_set(&tb, i, c++, lacp_state_str(lm->partner.state, buf));
		table_set(&tb, i, c++, lacp_churn_str(lm));
		snprintf(buf, sizeof(buf), "%" PRIu64, lm->stats[ETRUNK_LACP_A_LACPDU_RX]);
		table_set(&tb, i, c++, buf);
		snprintf(buf, sizeof(buf), "%" PRIu64, lm->stats[ETRUNK_LACP_A_LACPDU_TX]);
		table_set(&tb, i, c++, buf);
		snprintf(buf, sizeof(buf), "%" PRIu64,
			 lm->stats[ETRUNK_LACP_A_RX_MALFORMED] +
			 lm->stats[ETRUNK_LACP_A_RX_RATE]);
		table_set(&tb, i, c++, buf);
	}
	table_print(&tb, "  ");
}

/* An actor or partner: its state as an array of flag names. */
static void json_lacp_port(const char *key, const struct lacp_port *p)
{
	char buf[24];
	unsigned int i;

	json_open_object(key);
	json_uint("system_priority", p->system_prio);
	json_string("system", mac_str(p->system, buf, sizeof(buf)));
	json_uint("key", p->key);
	json_uint("port_priority", p->port_prio);
	json_uint("port", p->port);
	json_open_array("state");
	for (i = 0; i < ARRAY_SIZE(etrunk_lacp_state_names); i++)
		if (p->state & (1u << i))
			json_string(NULL, etrunk_lacp_state_names[i]);
	json_close_array();
	json_close_object();
}

static const char *const lacp_stats_keys[ETRUNK_LACP_A_MAX + 1] = {
	[ETRUNK_LACP_A_LACPDU_RX] = "lacpdu_rx",
	[ETRUNK_LACP_A_LACPDU_TX] = "lacpdu_tx",
	[ETRUNK_LACP_A_MARKER_RX] = "marker_rx",
	[ETRUNK_LACP_A_MARKER_TX] = "marker_tx",
	[ETRUNK_LACP_A_RX_MALFORMED] = "rx_malformed",
	[ETRUNK_LACP_A_RX_RATE] = "rx_rate",
};

void json_lacp_member(const struct lacp_member *l)
{
	unsigned int i;

	json_open_object("lacp");
	json_enum("rx", NAMES(etrunk_lacp_rx_names), l->rx_state);
	json_enum("selected", NAMES(etrunk_lacp_selected_names), l->selected);
	json_enum("mux", NAMES(etrunk_lacp_mux_names), l->mux_state);
	json_lacp_port("actor", &l->actor);
	json_lacp_port("partner", &l->partner);
	json_bool("actor_churn", l->actor_churn);
	json_bool("partner_churn", l->partner_churn);
	json_uint("actor_churns", l->actor_churns);
	json_uint("partner_churns", l->partner_churns);
	json_open_object("stats");
	for (i = 0; i <= ETRUNK_LACP_A_MAX; i++)
		if (lacp_stats_keys[i] && (l->stats_has >> i) & 1u)
			json_uint(lacp_stats_keys[i], l->stats[i]);
	json_close_object();
	json_close_object();
}

/* The mode-lacp attributes that are present, into the open object. */
void json_lacp_fields(const struct trunk *t)
{
	if (HAS(t, ETRUNK_A_LACP_SYSTEM_PRIO))
		json_uint("lacp_system_priority", t->lacp_system_prio);
	if (HAS(t, ETRUNK_A_LACP_SYSTEM)) {
		char buf[24];

		json_string("lacp_system", mac_str(t->lacp_system, buf, sizeof(buf)));
	}
	if (HAS(t, ETRUNK_A_LACP_KEY))
		json_uint("lacp_key", t->lacp_key);
	if (HAS(t, ETRUNK_A_LACP_PORT_OFFSET))
		json_uint("lacp_port_offset", t->lacp_port_offset);
	if (HAS(t, ETRUNK_A_LACP_RATE))
		json_enum("lacp_rate", NAMES(etrunk_lacp_rate_names), t->lacp_rate);
	if (HAS(t, ETRUNK_A_LACP_ROLE))
		json_enum("lacp_role", NAMES(etrunk_lacp_role_names), t->lacp_role);
	if (HAS(t, ETRUNK_A_LACP_SELECT))
		json_enum("lacp_select", NAMES(etrunk_lacp_select_names),
			  t->lacp_select);
	if (HAS(t, ETRUNK_A_LACP_PREEMPT))
		json_bool("lacp_preempt", t->lacp_preempt);
	if (HAS(t, ETRUNK_A_LACP_PREEMPT_DELAY))
		json_uint("lacp_preempt_delay", t->lacp_preempt_delay);
}

/*
 * seq 7 member-state trunk et0 member a1 state down reason no-carrier ...
 * seq 9 switchover trunk et0 active-member a1 reason link switchovers 2
 *     active-members 1 carrier on
 */
/* lacp: selected selected mux attached partner 02:..:aa port 101 churn - */
void print_lacp_event(const struct lacp_member *l)
{
	char buf[24];

	printf(" selected %s", enum_str(NAMES(etrunk_lacp_selected_names),
					 l->selected, buf, sizeof(buf)));
	printf(" mux %s", enum_str(NAMES(etrunk_lacp_mux_names), l->mux_state,
				   buf, sizeof(buf)));
	printf(" partner %s", mac_str(l->partner.system, buf, sizeof(buf)));
	printf(" port %u churn %s", l->partner.port, lacp_churn_str(l));
}
