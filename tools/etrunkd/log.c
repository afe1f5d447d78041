// SPDX-License-Identifier: GPL-2.0
/*
 * log.c - etrunkd's messages (log.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "log.h"

static bool log_syslog;
static bool log_debug_on;

void log_init(bool to_syslog, bool debug)
{
	log_syslog = to_syslog;
	log_debug_on = debug;
	if (to_syslog)
		openlog("etrunkd", LOG_PID | LOG_NDELAY, LOG_DAEMON);
}

void log_msg(int prio, const char *fmt, ...)
{
	struct timespec ts;
	va_list ap;

	if (prio == LOG_DEBUG && !log_debug_on)
		return;
	va_start(ap, fmt);
	if (log_syslog) {
		vsyslog(prio, fmt, ap);
	} else {
		/* Monotonic, in ms: what the tests compare event times by. */
		clock_gettime(CLOCK_MONOTONIC, &ts);
		fprintf(stderr, "[%lld.%03ld] ", (long long)ts.tv_sec,
			ts.tv_nsec / 1000000);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
	}
	va_end(ap);
}
