// SPDX-License-Identifier: GPL-2.0
/*
 * config.c - etrunkctl: "save" prints the etrunk configuration of the
 * namespace as etrunkctl command lines, one a line, that "etrunkctl -b
 * FILE" runs again: the options of every trunk and member, flush-receive
 * ports, BFD sessions, E-Trunk groups and their trunk bindings, RBS
 * services and RBP profiles, in an order where every object comes after
 * the ones it names: first each trunk (add, which makes it if it is not
 * there) with its options (set), each member (member add) with its
 * options (member set). Keys are write-only: save never prints one, it
 * writes a comment where a key is set; save -o FILE reads them with the
 * admin-only GET_x_KEY commands into FILE.
 */
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include "etrunkctl.h"

bool save_keys;

/*
 * The flush keys the kernel never shows: save -o FILE keeps the ones the
 * FILE it replaces had for a trunk (set TRUNK ... flush_key HEX) or a
 * flush-receive port (flush-receive PORT on ... key HEX) that still has
 * a key.
 */
#define SAVE_OLD_KEYS 256

static struct old_key {
	bool port;
	char name[IFNAMSIZ];
	char hex[2 * ETRUNK_FLUSH_KEY_MAX + 1];
} old_keys[SAVE_OLD_KEYS];
static unsigned int n_old_keys;

static void read_old_keys(const char *file)
{
	char *line = NULL, *words[BATCH_WORDS];
	size_t size = 0;
	FILE *f = fopen(file, "r");

	while (f && getline(&line, &size, f) > 0 && n_old_keys < SAVE_OLD_KEYS) {
		int n = split_line(line, words), i;
		bool port = n >= 3 && !strcmp(words[0], "flush-receive") &&
			    !strcmp(words[2], "on");

		if (!port && (n < 2 || strcmp(words[0], "set")))
			continue;
		for (i = 2; i + 1 < n; i++) {
			if (strcmp(words[i], port ? "key" : "flush_key") ||
			    !strcmp(words[i + 1], "none") ||
			    strlen(words[1]) >= IFNAMSIZ ||
			    strlen(words[i + 1]) >= sizeof(old_keys[0].hex))
				continue;
			old_keys[n_old_keys].port = port;
			strcpy(old_keys[n_old_keys].name, words[1]);
			strcpy(old_keys[n_old_keys].hex, words[i + 1]);
			n_old_keys++;
			break;
		}
	}
	free(line);
	if (f)
		fclose(f);
}

static const char *old_key(bool port, const char *name)
{
	unsigned int i;

	for (i = 0; i < n_old_keys; i++)
		if (old_keys[i].port == port && !strcmp(old_keys[i].name, name))
			return old_keys[i].hex;
	return NULL;
}

static const char *on_off(uint8_t v)
{
	return v ? "on" : "off";
}

static void save_enum(const char *key, const char *const *tbl, size_t n,
		      unsigned int v)
{
	char num[12];

	save_str(key, enum_str(tbl, n, v, num, sizeof(num)));
}

static void save_backup(const struct trunk *t)
{
	char list[ETRUNK_MAX_PROBE_TARGETS * (INET6_ADDRSTRLEN + 1) + 1];
	char buf[INET6_ADDRSTRLEN];
	unsigned int i;

	if (HAS(t, ETRUNK_A_REVERTIVE))
		save_str("revertive", on_off(t->revertive));
	if (HAS(t, ETRUNK_A_REVERT_DELAY))
		save_uint("revert_delay", t->revert_delay);
	if (HAS(t, ETRUNK_A_GRAT_ARP))
		save_uint("grat_arp", t->grat_arp);
	if (HAS(t, ETRUNK_A_FLUSH_COUNT))
		save_uint("flush_count", t->flush_count);
	if (HAS(t, ETRUNK_A_FLUSH_INTERVAL))
		save_uint("flush_interval", t->flush_interval);
	if (HAS(t, ETRUNK_A_FLUSH_RX))
		save_str("flush_rx", on_off(t->flush_rx));
	if (HAS(t, ETRUNK_A_PROBE_INTERVAL))
		save_uint("probe_interval", t->probe_interval);
	if (HAS(t, ETRUNK_A_PROBE_MISSED))
		save_uint("probe_missed", t->probe_missed);
	if (!HAS(t, ETRUNK_A_PROBE_TARGETS))
		return;
	list[0] = '\0';
	for (i = 0; i < t->n_probe_targets; i++) {
		if (i)
			strcat(list, ",");
		strcat(list, addr_str(&t->probe_targets[i], buf, sizeof(buf)));
	}
	save_str("probe_target", t->n_probe_targets ? list : "none");
}

static void save_lacp(const struct trunk *t)
{
	if (HAS(t, ETRUNK_A_LACP_RATE))
		save_enum("lacp_rate", NAMES(etrunk_lacp_rate_names), t->lacp_rate);
	if (HAS(t, ETRUNK_A_LACP_ROLE))
		save_enum("lacp_role", NAMES(etrunk_lacp_role_names), t->lacp_role);
	if (HAS(t, ETRUNK_A_LACP_SELECT))
		save_enum("lacp_select", NAMES(etrunk_lacp_select_names),
			  t->lacp_select);
	if (HAS(t, ETRUNK_A_LACP_PREEMPT))
		save_str("lacp_preempt", on_off(t->lacp_preempt));
	if (HAS(t, ETRUNK_A_LACP_PREEMPT_DELAY))
		save_uint("lacp_preempt_delay", t->lacp_preempt_delay);
	if (HAS(t, ETRUNK_A_LACP_SYSTEM_PRIO) && t->lacp_system_prio)
		save_uint("system_priority", t->lacp_system_prio);
	if (HAS(t, ETRUNK_A_LACP_SYSTEM)) {
		char buf[24];

		save_str("system_id", mac_str(t->lacp_system, buf, sizeof(buf)));
	}
	if (HAS(t, ETRUNK_A_LACP_KEY) && t->lacp_key)
		save_uint("actor_key", t->lacp_key);
	if (HAS(t, ETRUNK_A_LACP_PORT_OFFSET))
		save_uint("port_offset", t->lacp_port_offset);
}

static void save_member(const struct member *m, const char *trunk)
{
	printf("member add %s trunk %s\n", m->ifname, trunk);
	printf("member set %s", m->ifname);
	if (HAS(m, ETRUNK_MEMBER_A_PRIORITY))
		save_uint("priority", m->priority);
	if (HAS(m, ETRUNK_MEMBER_A_MASTER))
		save_str("master", on_off(m->master));
	if (HAS(m, ETRUNK_MEMBER_A_ADMIN_UP))
		save_str("admin", m->admin_up ? "up" : "down");
	if (HAS(m, ETRUNK_MEMBER_A_LACP_PORT_PRIO) && m->lacp_port_prio)
		save_uint("lacp_port_priority", m->lacp_port_prio);
	if (HAS(m, ETRUNK_MEMBER_A_LACP_ACTIVE))
		save_str("lacp_active", on_off(m->lacp_active));
	putchar('\n');
}

/* add TRUNK mode M, set TRUNK ...: the options of its mode; then its
 * members.
 */
static void save_trunk(const struct trunk *t)
{
	unsigned int i;

	if (HAS(t, ETRUNK_A_MODE)) {
		printf("add %s", t->ifname);
		save_enum("mode", NAMES(etrunk_mode_names), t->mode);
		putchar('\n');
	}
	printf("set %s", t->ifname);
	if (HAS(t, ETRUNK_A_MODE))
		save_enum("mode", NAMES(etrunk_mode_names), t->mode);
	if (HAS(t, ETRUNK_A_HASH_POLICY))
		save_enum("hash_policy", NAMES(etrunk_hash_names), t->hash_policy);
	if (HAS(t, ETRUNK_A_MIN_LINKS))
		save_uint("min_links", t->min_links);
	if (HAS(t, ETRUNK_A_MAX_LINKS))
		save_uint("max_links", t->max_links);
	if (t->mode == ETRUNK_MODE_BACKUP)
		save_backup(t);
	if (t->mode == ETRUNK_MODE_LACP)
		save_lacp(t);
	if (t->flush_key_set && old_key(false, t->ifname))
		save_str("flush_key", old_key(false, t->ifname));
	putchar('\n');
	if (t->flush_key_set && !old_key(false, t->ifname))
		printf("# %s: a flush_key is set (not readable: add it by hand)\n",
		       t->ifname);
	for (i = 0; i < t->n_members; i++)
		save_member(&t->members[i], t->ifname);
}

/* flush-receive PORT on [vlans ...] */
static void save_flush_port(const struct trunk *t)
{
	char list[ETRUNK_FLUSH_MAX_VLANS * 5 + 1];
	unsigned int i, n = 0;

	if (HAS(t, ETRUNK_A_FLUSH_RX) && !t->flush_rx)
		return;
	printf("flush-receive %s on", t->ifname);
	for (i = 0; i < t->n_vlans; i++)
		n += snprintf(list + n, sizeof(list) - n, "%s%u", i ? "," : "",
			      t->vlans[i]);
	if (t->n_vlans)
		save_str("vlans", list);
	if (t->flush_key_set && old_key(true, t->ifname))
		save_str("key", old_key(true, t->ifname));
	putchar('\n');
	if (t->flush_key_set && !old_key(true, t->ifname))
		printf("# %s: a flush-receive key is set (not readable: add it by hand)\n",
		       t->ifname);
}

static void save_trunks(uint8_t cmd, void (*save)(const struct trunk *t))
{
	struct trunk_list l = { 0 };
	unsigned int i;

	fetch_list(cmd, 0, NULL, &l);
	for (i = 0; i < l.n; i++)
		save(&l.v[i]);
	trunk_list_free(&l);
}

/*
 * save -o FILE: the keys too, read with the admin-only GET_x_KEY
 * commands, into FILE, created (or truncated) with mode 0600; the flush
 * keys from what FILE held.
 */
static void save_to(const char *file)
{
	int fd;

	read_old_keys(file);
	fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0 || fchmod(fd, 0600) || dup2(fd, STDOUT_FILENO) < 0) {
		fprintf(stderr, "etrunkctl: %s: %s\n", file, strerror(errno));
		exit(EXIT_FAIL);
	}
	close(fd);
	save_keys = true;
}

/* save [-o FILE] */
int cmd_save(int argc, char **argv)
{
	if (argc >= 1 && !strcmp(argv[0], "-o")) {
		if (argc < 2)
			usage_error("save -o needs a FILE");
		save_to(argv[1]);
		argc -= 2;
		argv += 2;
	}
	if (argc)
		usage_error("save takes -o FILE only, not '%s'", argv[0]);
	puts("# etrunk configuration: etrunkctl save; run it with etrunkctl -b FILE");
	save_trunks(ETRUNK_CMD_GET_TRUNK, save_trunk);
	save_trunks(ETRUNK_CMD_GET_FLUSH_RX, save_flush_port);
	obj_save(&bfd_type);
	obj_save(&egroup_type);
	obj_save(&rbs_type);
	obj_save(&rbp_type);
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "etrunkctl: save: %s\n", strerror(errno));
		return EXIT_FAIL;
	}
	return 0;
}
