// SPDX-License-Identifier: GPL-2.0
/*
 * epoch.c - a per-start epoch greater than every earlier one (epoch.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "epoch.h"

uint64_t etkd_epoch_next(uint64_t now_ns, uint64_t last)
{
	/* At UINT64_MAX there is no greater epoch; 2554 is far enough. */
	if (last == UINT64_MAX)
		return UINT64_MAX;
	if (now_ns > last)
		return now_ns;
	return last + 1;
}

uint64_t etkd_epoch_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* The stored epoch, 0 if there is none or it cannot be read: the clock
 * then stands alone.
 */
static uint64_t epoch_load(const char *path)
{
	char buf[32], *end;
	unsigned long long v;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	errno = 0;
	v = strtoull(buf, &end, 10);
	if (errno || end == buf || (*end && *end != '\n'))
		return 0;
	return v;
}

/* Write to a temporary file, fsync it, rename it over @path and fsync the
 * directory, so that a crash leaves the old epoch or the new one, never a
 * torn file, and the new one is on disk before any hello carries it.
 */
int etkd_state_store(const char *path, const char *line)
{
	char tmp[PATH_MAX], dir[PATH_MAX];
	int fd, len = (int)strlen(line), err = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp) ||
	    snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir))
		return -ENAMETOOLONG;

	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -errno;
	errno = 0;	/* a short write sets none */
	if (write(fd, line, len) != len || fsync(fd))
		err = errno ? -errno : -EIO;
	if (close(fd) && !err)
		err = -errno;
	if (!err && rename(tmp, path))
		err = -errno;
	if (err) {
		unlink(tmp);
		return err;
	}

	fd = open(dirname(dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fsync(fd))
		err = -errno;
	close(fd);
	return err;
}

int etkd_epoch_start(const char *path, uint64_t now_ns, uint64_t *epoch)
{
	char line[32];

	*epoch = etkd_epoch_next(now_ns, epoch_load(path));
	snprintf(line, sizeof(line), "%" PRIu64 "\n", *epoch);
	return etkd_state_store(path, line);
}
