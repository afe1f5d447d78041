// SPDX-License-Identifier: GPL-2.0
/*
 * flush.c - etrunkctl: flush-receive ports and the flush counters.
 */
#include "etrunkctl.h"

/*
 *   flush frames: sent 6, accepted 0; dropped: rate 0, malformed 0, ...
 * (no "sent" for a flush-receive port: it sends none)
 */
void print_flush_stats_plain(const struct trunk *t, bool with_tx)
{
	const uint64_t *s = t->flush_stats;

	if (!t->flush_stats_has)
		return;
	fputs("  flush frames: ", stdout);
	if (with_tx)
		printf("sent %" PRIu64 ", ", s[ETRUNK_FLUSH_STATS_A_TX]);
	printf("accepted %" PRIu64 "; dropped: rate %" PRIu64 ", malformed %"
	       PRIu64 ", version %" PRIu64 ", auth %" PRIu64 ", replay %"
	       PRIu64 "\n",
	       s[ETRUNK_FLUSH_STATS_A_RX_ACCEPTED],
	       s[ETRUNK_FLUSH_STATS_A_RX_RATE],
	       s[ETRUNK_FLUSH_STATS_A_RX_MALFORMED],
	       s[ETRUNK_FLUSH_STATS_A_RX_VERSION],
	       s[ETRUNK_FLUSH_STATS_A_RX_AUTH],
	       s[ETRUNK_FLUSH_STATS_A_RX_REPLAY]);
}

static const char *const flush_stats_keys[ETRUNK_FLUSH_STATS_A_MAX + 1] = {
	[ETRUNK_FLUSH_STATS_A_TX] = "tx",
	[ETRUNK_FLUSH_STATS_A_RX_ACCEPTED] = "rx_accepted",
	[ETRUNK_FLUSH_STATS_A_RX_RATE] = "rx_rate",
	[ETRUNK_FLUSH_STATS_A_RX_MALFORMED] = "rx_malformed",
	[ETRUNK_FLUSH_STATS_A_RX_VERSION] = "rx_version",
	[ETRUNK_FLUSH_STATS_A_RX_AUTH] = "rx_auth",
	[ETRUNK_FLUSH_STATS_A_RX_REPLAY] = "rx_replay",
};

void json_flush_stats(const struct trunk *t)
{
	unsigned int i;

	if (!HAS(t, ETRUNK_A_FLUSH_STATS))
		return;
	json_open_object("flush_stats");
	for (i = 0; i <= ETRUNK_FLUSH_STATS_A_MAX; i++)
		if (flush_stats_keys[i] && (t->flush_stats_has >> i) & 1u)
			json_uint(flush_stats_keys[i], t->flush_stats[i]);
	json_close_object();
}

/*
 * p1: flush-receive on, key none, vlans all
 *   flush frames: accepted 2; dropped: rate 0, malformed 0, ...
 */
static void print_port_plain(const struct trunk *t)
{
	unsigned int i;

	printf("%s: flush-receive %s", t->ifname,
	       !HAS(t, ETRUNK_A_FLUSH_RX) || t->flush_rx ? "on" : "off");
	if (HAS(t, ETRUNK_A_FLUSH_KEY_SET))
		printf(", key %s", t->flush_key_set ? "set" :
		       "none (unauthenticated)");
	fputs(", vlans ", stdout);
	if (!t->n_vlans)
		fputs("all", stdout);
	for (i = 0; i < t->n_vlans; i++)
		printf("%s%u", i ? "," : "", t->vlans[i]);
	putchar('\n');
	print_flush_stats_plain(t, false);
}

static void json_port(const struct trunk *t)
{
	unsigned int i;

	json_open_object(NULL);
	if (HAS(t, ETRUNK_A_IFNAME))
		json_string("ifname", t->ifname);
	if (HAS(t, ETRUNK_A_IFINDEX))
		json_uint("ifindex", t->ifindex);
	if (HAS(t, ETRUNK_A_FLUSH_RX))
		json_bool("flush_rx", t->flush_rx);
	if (HAS(t, ETRUNK_A_FLUSH_KEY_SET))
		json_string("flush_key", t->flush_key_set ? "set" : "none");
	/* Empty: all VLANs. */
	json_open_array("vlans");
	for (i = 0; i < t->n_vlans; i++)
		json_uint(NULL, t->vlans[i]);
	json_close_array();
	json_flush_stats(t);
	json_close_object();
}

static int cmd_flush_show(int argc, char **argv)
{
	struct trunk_list l = { 0 };
	unsigned int i;

	if (argc > 1)
		usage_error("flush-receive show takes at most one device, not '%s'",
			    argv[1]);
	fetch_list(ETRUNK_CMD_GET_FLUSH_RX, argc, argv, &l);

	if (json) {
		json_init(stdout, pretty);
		json_open_array(NULL);
		for (i = 0; i < l.n; i++)
			json_port(&l.v[i]);
		json_close_array();
	} else {
		for (i = 0; i < l.n; i++)
			print_port_plain(&l.v[i]);
	}
	trunk_list_free(&l);
	return 0;
}

/*
 * flush-receive DEV on [key HEX|none] [vlans VID[,VID...]|all]
 * flush-receive DEV off
 * flush-receive show [DEV]
 */
int cmd_flush_receive(int argc, char **argv)
{
	struct set_args a = { 0 };
	struct nlmsghdr *nlh;
	struct nl nl;
	bool on;
	int i, err;

	if (argc < 1)
		usage_error("flush-receive needs a device and on or off, or show");
	if (!strcmp(argv[0], "show"))
		return cmd_flush_show(argc - 1, argv + 1);
	if (argc < 2)
		usage_error("flush-receive %s: on or off?", argv[0]);
	on = parse_bool("flush-receive", argv[1], "on", "off");
	if (!on && argc > 2)
		usage_error("flush-receive off takes no options, not '%s'",
			    argv[2]);
	for (i = 2; i < argc; i += 2) {
		const char *key = argv[i], *val = value_of(argc, argv, i);

		if (matches(key, "key", "flush_key")) {
			set_key(&a, key, val);
		} else if (matches(key, "vlans", "vlan")) {
			once(&a, ETRUNK_A_FLUSH_VLANS, key);
			a.n_vlans = parse_list(key, val, "all",
					       ETRUNK_FLUSH_MAX_VLANS,
					       parse_vid, a.vlans);
		} else {
			usage_error("flush-receive: unknown option '%s'", key);
		}
	}
	nl_start(&nl);
	nlh = nl_request(&nl, ETRUNK_CMD_SET_FLUSH_RX, NLM_F_ACK);
	put_name(nlh, ETRUNK_A_IFNAME, argv[0]);
	mnl_attr_put_u8(nlh, ETRUNK_A_FLUSH_RX, on);
	put_set_extra(nlh, &a);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_fail(&nl, err);
	nl_close(&nl);
	return 0;
}
