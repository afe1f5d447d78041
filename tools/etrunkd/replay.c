// SPDX-License-Identifier: GPL-2.0
/*
 * replay.c - (epoch, sequence) replay protection (see replay.h).
 */
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "epoch.h"
#include "replay.h"

void etkd_replay_init(struct etkd_replay *r)
{
	r->epoch = 0;
	r->seq = 0;
	r->seen = false;
}

enum etkd_replay_verdict etkd_replay_check(const struct etkd_replay *r,
					   uint64_t epoch, uint64_t seq)
{
	if (!r->seen)
		return ETKD_REPLAY_FIRST;
	if (epoch > r->epoch)
		return ETKD_REPLAY_RESTART;
	if (epoch == r->epoch && seq > r->seq)
		return ETKD_REPLAY_NEXT;
	return ETKD_REPLAY_OLD;
}

enum etkd_replay_verdict etkd_replay_accept(struct etkd_replay *r,
					    uint64_t epoch, uint64_t seq)
{
	enum etkd_replay_verdict v = etkd_replay_check(r, epoch, seq);

	if (v != ETKD_REPLAY_OLD) {
		r->epoch = epoch;
		r->seq = seq;
		r->seen = true;
	}
	return v;
}

int etkd_replay_save(const struct etkd_replay *r, const char *path)
{
	char line[48];

	if (!r->seen)
		return 0;
	snprintf(line, sizeof(line), "%" PRIu64 " %" PRIu64 "\n", r->epoch,
		 r->seq);
	return etkd_state_store(path, line);
}

int etkd_replay_load(struct etkd_replay *r, const char *path)
{
	uint64_t epoch, seq;
	char buf[64];
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	if (sscanf(buf, "%" SCNu64 " %" SCNu64, &epoch, &seq) != 2)
		return -1;
	r->epoch = epoch;
	r->seq = seq;
	r->seen = true;
	return 0;
}
