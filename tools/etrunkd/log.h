/* SPDX-License-Identifier: GPL-2.0 */
/*
 * log.h - etrunkd's messages: to stderr with a monotonic timestamp (in
 * the foreground, the default with -f) or to syslog (facility daemon).
 */
#ifndef ETKD_LOG_H
#define ETKD_LOG_H

#include <stdbool.h>
#include <syslog.h>

void log_init(bool to_syslog, bool debug);
void log_msg(int prio, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define log_err(...)	log_msg(LOG_ERR, __VA_ARGS__)
#define log_warn(...)	log_msg(LOG_WARNING, __VA_ARGS__)
#define log_notice(...)	log_msg(LOG_NOTICE, __VA_ARGS__)
#define log_info(...)	log_msg(LOG_INFO, __VA_ARGS__)
#define log_debug(...)	log_msg(LOG_DEBUG, __VA_ARGS__)

#endif /* ETKD_LOG_H */
