/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mode backup (1:1 master/backup): the choice of the master, switchovers,
 * revert, and what follows a switchover (gratuitous ARP, flush frames).
 */
#ifndef _ETRUNK_BACKUP_H
#define _ETRUNK_BACKUP_H

struct etrunk;
struct etrunk_member;

/* Any context (receive): ask for @m to become master, for @reason; acted
 * on under the trunk's lock shortly after.
 */
void etrunk_request_master(struct etrunk_member *m);

#endif /* _ETRUNK_BACKUP_H */
