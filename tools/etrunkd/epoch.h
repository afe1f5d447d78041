/* SPDX-License-Identifier: GPL-2.0 */
/*
 * epoch.h - the epoch of a daemon start, the first half of a hello's
 * (epoch, sequence) pair (replay.h). Every start must use an epoch greater
 * than all earlier ones, or the peer drops its hellos as replays until
 * the peer itself restarts.
 *
 * The choice: the larger of CLOCK_REALTIME in nanoseconds and the last
 * epoch stored in a state file plus one, stored (written, fsynced,
 * renamed) before the first hello goes out. Either alone fails in a way
 * the other covers:
 *
 * - the clock alone repeats or goes back when it is stepped backwards, or
 *   on a box without a battery-backed clock that boots at 1970 and starts
 *   etrunkd before NTP has synchronised;
 * - a counter alone starts over when its file is lost (reinstall, a
 *   tmpfs /var), and then stays below what the peer remembers.
 *
 * Why a u64 of nanoseconds: two starts within one second (a crash loop
 * under systemd's Restart=) would share a u32 of seconds; 2^64 ns since
 * 1970 lasts until the year 2554, and +1 per start never catches up.
 */
#ifndef ETKD_EPOCH_H
#define ETKD_EPOCH_H

#include <stdint.h>

/* The epoch for a start at @now_ns (CLOCK_REALTIME) after the stored epoch
 * @last (0: none): max(@now_ns, @last + 1), never 0.
 */
uint64_t etkd_epoch_next(uint64_t now_ns, uint64_t last);

/* CLOCK_REALTIME in nanoseconds. */
uint64_t etkd_epoch_clock(void);

/*
 * Choose the epoch of this start into @epoch from @now_ns and the state
 * file @path (absent or unreadable: none stored), and store it there
 * durably. Returns 0, or a negative errno if it could not be stored; the
 * epoch is set either way, and the daemon may run on it (the clock alone
 * protects it) after warning.
 */
int etkd_epoch_start(const char *path, uint64_t now_ns, uint64_t *epoch);

/* Store @line as the whole of the file @path durably (a temporary file,
 * fsync, rename, fsync of the directory). 0 or a negative errno.
 */
int etkd_state_store(const char *path, const char *line);

#endif /* ETKD_EPOCH_H */
