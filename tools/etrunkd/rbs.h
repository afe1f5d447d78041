/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rbs.h - etrunkd's remote backup service: per service of the kernel a
 * TCP channel to the peer, the local ARP/ND neighbours and bridge MDB
 * entries of each profile's trunk watched through rtnetlink and sent,
 * the peer's installed here (rbs.c, rbs_channel.c, rbs_install.c,
 * rbs_monitor.c; their shared internals in rbs_int.h). etrunkd.c calls
 * these from its epoll loop.
 */
#ifndef ETKD_RBS_H
#define ETKD_RBS_H

#include <stdint.h>

#include "../etrunkctl/nl.h"

/* The epoll tag of the remote backup's descriptors (daemon.h's are
 * 1 to 4 and BFD's may follow; 'R').
 */
#define EP_RBS		(0x52ULL << 32)

/* Open the rtnetlink sockets and register them with @epfd. */
int rbs_init(int epfd, struct nl *req);
/* Read the services and profiles from the kernel and act on changes. */
void rbs_sync(uint64_t now);
/* An epoll event with the EP_RBS tag. */
void rbs_event(uint32_t idx, uint32_t events, uint64_t now);
/* Timers due at @now; returns the next deadline. */
uint64_t rbs_tick(uint64_t now);
/* Write the state back and close everything (entries stay installed: a
 * restarted daemon adopts them).
 */
void rbs_stop(void);

#endif /* ETKD_RBS_H */
