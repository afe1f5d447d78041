// SPDX-License-Identifier: GPL-2.0
/*
 * etrunkctl - show and configure etrunk trunks and their members, and
 * follow their events, through the "etrunk" generic netlink family (see
 * uapi/linux/etrunk.h and etrunkctl(8)).
 *
 *   etrunkctl [-j [-p]] show [DEV]
 *   etrunkctl set DEV [mode M] [hash_policy P] [min_links N] [max_links N]
 *                     [revertive on|off] [revert_delay MS] [grat_arp N]
 *                     [flush_count N] [flush_interval MS]
 *                     [flush_key HEX|none] [flush_rx on|off]
 *                     [probe_interval MS] [probe_missed N]
 *                     [probe_target ADDR[,ADDR...]|none]
 *   etrunkctl [-j [-p]] member show DEV
 *   etrunkctl member set DEV [priority N] [master on|off] [admin up|down]
 *   etrunkctl flush-receive DEV on [key HEX|none] [vlans VID[,VID...]|all]
 *   etrunkctl flush-receive DEV off
 *   etrunkctl [-j [-p]] flush-receive show [DEV]
 *   etrunkctl [-j [-p]] e-trunk show [ID]
 *   etrunkctl e-trunk add|set ID [system-id MAC] [source ADDR] [peer ADDR]
 *                     [priority N] [liveness ADDR|none] [port N]
 *                     [key HEX|none] [hello MS] [hold-multiplier N]
 *                     [revert-delay S] [description TEXT]
 *   etrunkctl e-trunk del ID
 *   etrunkctl e-trunk bind TRUNK group ID id N
 *                     [mode auto|force-master|force-backup]
 *                     [remote-id N|none] [basis priority|links|bandwidth]
 *   etrunkctl e-trunk bind-set TRUNK [id N] [mode M] [remote-id N|none]
 *                     [basis B]
 *   etrunkctl e-trunk unbind TRUNK
 *   etrunkctl e-trunk role TRUNK master|backup [reason R]
 *   etrunkctl [-j [-p]] rbs show [NAME]
 *   etrunkctl rbs add|set NAME [peer ADDR] [source ADDR] [port N]
 *                     [key STRING|none] [hold-time S] [keepalive MS]
 *                     [max-entries N] [description TEXT]
 *   etrunkctl rbs del NAME
 *   etrunkctl [-j [-p]] rbp show [NAME]
 *   etrunkctl rbp add|set NAME [service SVC] [backup-id N] [dev TRUNK]
 *                     [kinds arp,nd,igmp,mld|all] [type hot]
 *   etrunkctl rbp del NAME
 *   etrunkctl [-j] monitor
 *
 * Exit status: 0 on success, 1 if the kernel (or the system) refused, with
 * one line on stderr (the kernel's extack message when it gave one), 2 on
 * a usage error.
 */
#include <getopt.h>
#include <sys/wait.h>

#include "etrunkctl.h"

#ifndef ETRUNKCTL_VERSION
#define ETRUNKCTL_VERSION "0.1"
#endif

bool json;
bool pretty;

static void usage(FILE *f)
{
	fputs("Usage: etrunkctl [OPTIONS] COMMAND\n"
	      "\n"
	      "       etrunkctl [-j [-p]] show [TRUNK]\n"
	      "       etrunkctl set TRUNK [ mode MODE ] [ hash_policy POLICY ]\n"
	      "                           [ min_links N ] [ max_links N ]\n"
	      "                           [ revertive { on | off } ] [ revert_delay MS ]\n"
	      "                           [ grat_arp N ] [ flush_count N ]\n"
	      "                           [ flush_interval MS ] [ flush_key { HEX | none } ]\n"
	      "                           [ flush_rx { on | off } ] [ probe_interval MS ]\n"
	      "                           [ probe_missed N ]\n"
	      "                           [ probe_target { ADDR[,ADDR...] | none } ]\n"
	      "                           [ lacp_rate { slow | fast } ]\n"
	      "                           [ lacp_role { master | backup } ]\n"
	      "                           [ lacp_select { count | bandwidth | priority } ]\n"
	      "                           [ lacp_preempt { on | off } ] [ lacp_preempt_delay MS ]\n"
	      "                           [ system_priority N ] [ system_id MAC ]\n"
	      "                           [ actor_key N ] [ port_offset N ]\n"
	      "       etrunkctl add TRUNK [ mode MODE ]\n"
	      "       etrunkctl del TRUNK\n"
	      "       etrunkctl [-j [-p]] member show MEMBER\n"
	      "       etrunkctl member add DEV trunk TRUNK\n"
	      "       etrunkctl member del MEMBER\n"
	      "       etrunkctl member set MEMBER [ priority N ] [ master { on | off } ]\n"
	      "                                   [ admin { up | down } ]\n"
	      "                                   [ lacp_port_priority N ]\n"
	      "                                   [ lacp_active { on | off } ]\n"
	      "       etrunkctl flush-receive PORT on [ key { HEX | none } ]\n"
	      "                                       [ vlans { VID[,VID...] | all } ]\n"
	      "       etrunkctl flush-receive PORT off\n"
	      "       etrunkctl [-j [-p]] flush-receive show [PORT]\n"
	      "       etrunkctl [-j [-p]] e-trunk show [ID]\n"
	      "       etrunkctl e-trunk add ID system-id MAC source ADDR peer ADDR\n"
	      "                            [ priority N ] [ liveness { ADDR | none } ]\n"
	      "                            [ port N ] [ key { HEX | none } ]\n"
	      "                            [ hello MS ] [ hold-multiplier N ]\n"
	      "                            [ revert-delay S ] [ description TEXT ]\n"
	      "                            [ bfd-session { BFDNAME | none } ]\n"
	      "                            [ bfd { on | off } ] [ bfd-min-tx BFDMS ]\n"
	      "                            [ bfd-min-rx BFDMS ] [ bfd-multiplier N ]\n"
	      "       etrunkctl e-trunk set ID [ the options of add ]\n"
	      "       etrunkctl e-trunk del ID\n"
	      "       etrunkctl e-trunk bind TRUNK group ID id N [ mode EMODE ]\n"
	      "                              [ remote-id { N | none } ] [ basis BASIS ]\n"
	      "       etrunkctl e-trunk bind-set TRUNK [ id N ] [ mode EMODE ]\n"
	      "                                  [ remote-id { N | none } ] [ basis BASIS ]\n"
	      "       etrunkctl e-trunk unbind TRUNK\n"
	      "       etrunkctl e-trunk role TRUNK { master | backup } [ reason EREASON ]\n"
	      "       etrunkctl [-j [-p]] bfd show [BFDNAME]\n"
	      "       etrunkctl bfd add BFDNAME peer ADDR [ source { ADDR | none } ]\n"
	      "                             [ dev { IFNAME | none } ] [ type BFDTYPE ]\n"
	      "                             [ local-discr N ] [ remote-discr N ]\n"
	      "                             [ min-tx BFDMS ] [ min-rx BFDMS ]\n"
	      "                             [ multiplier N ] [ auth BFDAUTH ]\n"
	      "                             [ key-id N ] [ key TEXT ]\n"
	      "                             [ shutdown | no-shutdown ]\n"
	      "       etrunkctl bfd set BFDNAME [ the options of add ]\n"
	      "       etrunkctl bfd del BFDNAME\n"
	      "       etrunkctl [-j [-p]] rbs show [NAME]\n"
	      "       etrunkctl rbs add NAME peer ADDR source ADDR [ port N ]\n"
	      "                          [ key { STRING | none } ] [ hold-time S ]\n"
	      "                          [ keepalive MS ] [ max-entries N ]\n"
	      "                          [ description TEXT ]\n"
	      "       etrunkctl rbs set NAME [ the options of add ]\n"
	      "       etrunkctl rbs del NAME\n"
	      "       etrunkctl [-j [-p]] rbp show [NAME]\n"
	      "       etrunkctl rbp add NAME service SVC backup-id N dev TRUNK\n"
	      "                          [ kinds { KIND[,KIND...] | all } ] [ type hot ]\n"
	      "       etrunkctl rbp set NAME [ the options of add ]\n"
	      "       etrunkctl rbp del NAME\n"
	      "       etrunkctl [-j] monitor\n"
	      "       etrunkctl save [ -o FILE ]\n"
	      "       etrunkctl apply [ --check ] FILE\n"
	      "       etrunkctl [-j] -b FILE\n"
	      "       etrunkctl help\n"
	      "\n"
	      "OPTIONS := { -j[son] | -p[retty] | -b[atch] FILE | -V[ersion] | -h[elp] }\n"
	      "MODE := { loadbalance | backup | lacp }\n"
	      "POLICY := { layer2 | layer2+3 | layer3+4 | encap2+3 | encap3+4 }\n"
	      "N: min_links, max_links 0 to 256 (max_links 0: no limit);\n"
	      "   priority 0 to 65535, lower is preferred;\n"
	      "   grat_arp 0 to 255; flush_count 0 to 16; probe_missed 1 to 255;\n"
	      "   system_priority, actor_key, lacp_port_priority 1 to 65535;\n"
	      "   port_offset 0 to 65279\n"
	      "MAC: a unicast MAC address, the LACP system ID\n"
	      "MS: revert_delay 0 to 3600000; flush_interval 1 to 1000;\n"
	      "    probe_interval 0 (off) or 10 to 60000; lacp_preempt_delay\n"
	      "    0 to 180000\n"
	      "HEX: a key of 1 to 64 bytes as hex digits; none: no key\n"
	      "ADDR: an IPv4 or IPv6 address, at most 16; none: no targets\n"
	      "VID: 1 to 4094, at most 512; all: every VLAN\n"
	      "PORT: a bridge port\n"
	      "E-Trunk: ID 1 to 16; priority 1 to 254 (lower wins, default 100);\n"
	      "   port 1 to 65535 (default 61000); hello 10 to 60000 ms (default\n"
	      "   1000); hold-multiplier 3 to 255 (default 3); revert-delay 0 to\n"
	      "   3600 s (default 120); description up to 64 bytes; key as above;\n"
	      "   source, peer and liveness of one family; a member trunk's id 1 to\n"
	      "   4294967295, unique in its group\n"
	      "EMODE := { auto | force-master | force-backup }\n"
	      "EREASON: a reason of etrunkd's election (e.g. higher-priority)\n"
	      "BASIS := { priority | links | bandwidth }\n"
	      "BFD: BFDNAME 1 to 31 letters, digits, '-', '_', '.'; BFDTYPE := {\n"
	      "   single-hop | multihop | micro } (multihop and micro need a source;\n"
	      "   micro: dev is the trunk); local-discr 1 to 8191 (default: one\n"
	      "   above 8191 picked by the kernel); remote-discr 0 (learned) to 8191;\n"
	      "   BFDMS 1 to 60000 ms, decimals allowed (default 300); multiplier\n"
	      "   1 to 255 (default 3); BFDAUTH := { none | simple | keyed-md5 |\n"
	      "   meticulous-md5 | keyed-sha1 | meticulous-sha1 }, key 1 to 16\n"
	      "   bytes (20 for SHA1)\n"
	      "Remote backup: NAME 1 to 31 letters, digits, '-', '_', '.'; port 1\n"
	      "   to 65535 (default 6787); key up to 64 bytes; hold-time 0 to 3600 s\n"
	      "   (default 60); keepalive 100 to 60000 ms (default 1000);\n"
	      "   max-entries 1 to 1048576 (default 65536);\n"
	      "   backup-id 1 to 4294967295, unique per service\n"
	      "KIND := { arp | nd | igmp | mld }\n"
	      "\n"
	      "Member states: down, active, standby. Reasons: - (none), dev-down,\n"
	      "no-carrier, admin, max-links, probe, backup, lacp-defaulted,\n"
	      "lacp-expired, lacp-aggregator, lacp-waiting, lacp-partner, lacp-role,\n"
	      "lacp-loopback, e-trunk-backup. Events: member-added, member-removed,\n"
	      "member-state, active, trunk-changed, switchover, lacp, e-trunk-added,\n"
	      "e-trunk-changed, e-trunk-removed, e-trunk-state, e-trunk-bound,\n"
	      "e-trunk-binding, e-trunk-unbound, e-trunk-role, bfd-added,\n"
	      "bfd-changed, bfd-removed, bfd-state, rbs-added, rbs-changed,\n"
	      "rbs-removed, rbs-state, rbp-added, rbp-changed, rbp-removed,\n"
	      "rbp-state.\n"
	      "Switchover reasons: up, link, admin, probe, revert, flush, manual,\n"
	      "removed, e-trunk. See etrunkctl(8).\n", f);
}

/* help: the usage on stdout. */
static int cmd_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage(stdout);
	return 0;
}

/* The objects, as ip's: etrunkctl OBJECT [COMMAND] ARGS... */
static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
} commands[] = {
	{ "show", cmd_show },		/* trunk.c */
	{ "set", cmd_set },		/* trunk.c */
	{ "add", cmd_add },		/* link.c */
	{ "del", cmd_del },		/* link.c */
	{ "member", cmd_member },	/* member.c */
	{ "flush-receive", cmd_flush_receive },	/* flush.c */
	{ "e-trunk", cmd_egroup },	/* egroup.c */
	{ "bfd", cmd_bfd },		/* bfd.c */
	{ "rbs", cmd_rbs },		/* rbs.c */
	{ "rbp", cmd_rbp },		/* rbs.c */
	{ "monitor", cmd_monitor },	/* monitor.c */
	{ "save", cmd_save },		/* config.c */
	{ "apply", cmd_apply },		/* apply.c */
	{ "help", cmd_help },
};

/* One command line: OBJECT [COMMAND] ARGS... */
int run(int argc, char **argv)
{
	const char *cmd = argv[0];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(cmd, commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	usage_error("unknown command '%s'", cmd);
}

/*
 * The words of a batch line into @argv: separated by blanks, "..." quotes
 * one (\" and \\ inside), # outside quotes starts a comment. Returns the
 * number of words, or -1 on an unterminated quote or too many words.
 */
int split_line(char *line, char **argv)
{
	char *r = line, *w = line;
	int n = 0;

	for (;;) {
		while (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r')
			r++;
		if (!*r || *r == '#')
			return n;
		if (n == BATCH_WORDS)
			return -1;
		argv[n++] = w;
		while (*r && *r != ' ' && *r != '\t' && *r != '\n' &&
		       *r != '\r') {
			if (*r != '"') {
				*w++ = *r++;
				continue;
			}
			for (r++; *r != '"'; r++) {
				if (!*r)
					return -1;
				if (*r == '\\' && r[1])
					r++;
				*w++ = *r;
			}
			r++;
		}
		if (*r)
			r++;
		*w++ = '\0';
	}
}

/*
 * -b FILE: each line an etrunkctl command, run in order as if given on
 * the command line (with the global options), in a child each so that
 * one failing stops the batch there: its message, then FILE:LINE, and
 * the exit status of the line.
 */
static int batch(const char *file)
{
	char *text = NULL, *line, *next, *words[BATCH_WORDS];
	unsigned int lineno = 0;
	size_t size = 0;
	FILE *f;

	/* All of it first: a child's exit() may move a shared offset. */
	f = strcmp(file, "-") ? fopen(file, "r") : stdin;
	if (!f || getdelim(&text, &size, '\0', f) < 0) {
		if (!f || ferror(f)) {
			fprintf(stderr, "etrunkctl: %s: %s\n", file,
				strerror(errno));
			return EXIT_FAIL;
		}
	}
	if (f != stdin)
		fclose(f);
	for (line = text; line && *line; line = next) {
		int n, status;
		pid_t pid;

		lineno++;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		n = split_line(line, words);
		if (n < 0) {
			fprintf(stderr, "etrunkctl: %s:%u: unterminated quote or too many words\n",
				file, lineno);
			return EXIT_USAGE;
		}
		if (!n)
			continue;
		fflush(stdout);
		pid = fork();
		if (pid < 0) {
			fprintf(stderr, "etrunkctl: %s\n", strerror(errno));
			return EXIT_FAIL;
		}
		if (!pid)
			exit(run(n, words));
		if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status)) {
			fprintf(stderr, "etrunkctl: %s:%u: command failed\n",
				file, lineno);
			return WIFEXITED(status) && WEXITSTATUS(status) ?
			       WEXITSTATUS(status) : EXIT_FAIL;
		}
	}
	free(text);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "pretty", no_argument, NULL, 'p' },
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ "batch", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	const char *file = NULL;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+jpVhb:", options, NULL)) != -1) {
		switch (c) {
		case 'j':
			json = true;
			break;
		case 'p':
			json = true;
			pretty = true;
			break;
		case 'V':
			printf("etrunkctl %s (generic netlink family \"%s\" version %d)\n",
			       ETRUNKCTL_VERSION, ETRUNK_GENL_NAME,
			       ETRUNK_GENL_VERSION);
			return 0;
		case 'h':
			usage(stdout);
			return 0;
		case 'b':
			file = optarg;
			break;
		default:
			if (optopt == 'b')
				usage_error("-b needs a FILE");
			if (optopt)
				usage_error("unknown option '-%c'", optopt);
			usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	argc -= optind;
	argv += optind;
	if (file) {
		if (argc)
			usage_error("-b takes no command, not '%s'", argv[0]);
		return batch(file);
	}
	if (argc < 1)
		usage_error("no command");
	return run(argc, argv);
}
