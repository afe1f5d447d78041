/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the frame-crafting selftest helpers (flush_frame, lacp_frame)
 * share: dying with a message, entering a namespace, parsing a MAC.
 * Include after <errno.h> with _GNU_SOURCE defined.
 */
#ifndef ETRUNK_FRAME_UTIL_H
#define ETRUNK_FRAME_UTIL_H

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void die(const char *what)
{
	fprintf(stderr, "%s: %s\n", program_invocation_short_name, what);
	exit(1);
}

/* Enter the namespace `ip netns add NAME` made: cheaper than running
 * under `ip netns exec`, which matters in the emulated test VM.
 */
static void enter_netns(const char *name)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "/run/netns/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || setns(fd, CLONE_NEWNET) < 0)
		die("cannot enter the network namespace");
	close(fd);
}

static void parse_mac(const char *s, uint8_t *mac)
{
	unsigned int b[6];
	int i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4],
		   &b[5]) != 6)
		die("bad MAC address");
	for (i = 0; i < 6; i++) {
		if (b[i] > 0xff)
			die("bad MAC address");
		mac[i] = (uint8_t)b[i];
	}
}

#endif /* ETRUNK_FRAME_UTIL_H */
