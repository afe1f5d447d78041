// SPDX-License-Identifier: GPL-2.0
/*
 * monitor.c - etrunkctl: "monitor": the events of the etrunk "events" group.
 */
#include "etrunkctl.h"

static void print_event_plain(const struct trunk *t)
{
	char buf[IFNAMSIZ + 8];

	printf("seq %u %s trunk %s", t->event_seq,
	       enum_str(NAMES(etrunk_event_names), t->event, buf, sizeof(buf)),
	       t->ifname);
	if (HAS(t, ETRUNK_A_MEMBER)) {
		const struct member *m = &t->member;

		printf(" member %s", member_name(m, buf, sizeof(buf)));
		if (HAS(m, ETRUNK_MEMBER_A_STATE))
			printf(" state %s", enum_str(NAMES(etrunk_state_names),
						     m->state, buf, sizeof(buf)));
		if (HAS(m, ETRUNK_MEMBER_A_REASON))
			printf(" reason %s", m->reason == ETRUNK_REASON_NONE ?
			       "-" : enum_str(NAMES(etrunk_reason_names), m->reason,
					      buf, sizeof(buf)));
		if (HAS(m, ETRUNK_MEMBER_A_LINK_FAILURES))
			printf(" link-failures %u", m->link_failures);
		if (t->event == ETRUNK_EVENT_LACP &&
		    HAS(m, ETRUNK_MEMBER_A_LACP))
			print_lacp_event(&m->lacp);
	}
	if (HAS(t, ETRUNK_A_MODE))
		printf(" mode %s", enum_str(NAMES(etrunk_mode_names), t->mode, buf,
					    sizeof(buf)));
	if (HAS(t, ETRUNK_A_HASH_POLICY))
		printf(" hash %s", enum_str(NAMES(etrunk_hash_names), t->hash_policy,
					    buf, sizeof(buf)));
	if (HAS(t, ETRUNK_A_MIN_LINKS))
		printf(" min-links %u", t->min_links);
	if (HAS(t, ETRUNK_A_MAX_LINKS))
		printf(" max-links %u", t->max_links);
	/* switchover: active-member a1 reason link switchovers 3 */
	if (HAS(t, ETRUNK_A_ACTIVE_MEMBER))
		printf(" active-member %s", t->active_member ?
		       active_name(t, buf, sizeof(buf)) : "none");
	if (HAS(t, ETRUNK_A_SWITCHOVER_REASON))
		printf(" reason %s", enum_str(NAMES(etrunk_switch_names),
					      t->switchover_reason, buf,
					      sizeof(buf)));
	if (HAS(t, ETRUNK_A_SWITCHOVERS))
		printf(" switchovers %u", t->switchovers);
	if (HAS(t, ETRUNK_A_ACTIVE_MEMBERS))
		printf(" active-members %u", t->active_members);
	if (HAS(t, ETRUNK_A_CARRIER))
		printf(" carrier %s", t->carrier ? "on" : "off");
	putchar('\n');
}

static void print_event_json(const struct trunk *t)
{
	json_open_object(NULL);
	if (HAS(t, ETRUNK_A_EVENT_SEQ))
		json_uint("seq", t->event_seq);
	if (HAS(t, ETRUNK_A_EVENT))
		json_enum("event", NAMES(etrunk_event_names), t->event);
	json_trunk_fields(t);
	if (HAS(t, ETRUNK_A_MEMBER))
		json_member("member", &t->member, NULL);
	json_close_object();
}

static int event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nl *nl = data;
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	struct trunk t = { 0 };

	if (!genl_msg_ok(nlh, nl->family) || genl->cmd != ETRUNK_CMD_EVENT)
		return MNL_CB_OK;
	parse_trunk(nlh, &t);
	if (t.event >= ETRUNK_EVENT_BFD_ADDED && t.event <= ETRUNK_EVENT_BFD_STATE)
		print_bfd_event(nlh, &t);
	else if (t.event >= ETRUNK_EVENT_RBS_ADDED && t.event <= ETRUNK_EVENT_RBP_STATE)
		print_rb_event(nlh, &t);
	else if (t.event >= ETRUNK_EVENT_GROUP_ADDED)
		print_egroup_event(nlh, &t);
	else if (json)
		print_event_json(&t);
	else
		print_event_plain(&t);
	free(t.members);
	/* One event, one line, at once: readers follow the output live. */
	fflush(stdout);
	return MNL_CB_OK;
}

int cmd_monitor(int argc, char **argv)
{
	int rcvbuf = 1 << 20;
	struct nl nl;
	int err;

	if (argc)
		usage_error("monitor takes no arguments, not '%s'", argv[0]);
	nl_start(&nl);
	err = nl_join_events(&nl);
	if (err == -ENOENT) {
		fputs("etrunkctl: the etrunk family has no \"" ETRUNK_MCGRP_EVENTS
		      "\" group\n", stderr);
		return EXIT_FAIL;
	}
	if (err)
		nl_fail(&nl, err);
	/* Room for bursts (a trunk deleted with all its members); the
	 * kernel caps it at net.core.rmem_max.
	 */
	setsockopt(mnl_socket_get_fd(nl.sock), SOL_SOCKET, SO_RCVBUF, &rcvbuf,
		   sizeof(rcvbuf));
	json_init(stdout, false);
	for (;;) {
		ssize_t n = mnl_socket_recvfrom(nl.sock, nl.rbuf, NL_RECV_SIZE);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				/* The sequence numbers show how many. */
				fputs("etrunkctl: events lost: receive buffer full\n",
				      stderr);
				continue;
			}
			fprintf(stderr, "etrunkctl: %s\n", strerror(errno));
			return EXIT_FAIL;
		}
		mnl_cb_run(nl.rbuf, n, 0, 0, event_cb, &nl);
	}
}
