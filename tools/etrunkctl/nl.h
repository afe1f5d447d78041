/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nl.h - etrunkctl's generic netlink plumbing: a socket with extended
 * acks, the "etrunk" family and its "events" group resolved through the
 * generic netlink controller, and request/response exchanges that keep the
 * kernel's extack message of a failure.
 */
#ifndef ETRUNKCTL_NL_H
#define ETRUNKCTL_NL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <libmnl/libmnl.h>

/*
 * Big enough for a trunk of ETRUNK_MAX_MEMBERS members in one message
 * (a GET reply is never split; a dump may split a trunk's members).
 */
#ifndef NL_RECV_SIZE
#define NL_RECV_SIZE 65536
#endif
/* Room for ETRUNK_FLUSH_MAX_VLANS VLAN IDs (8 bytes each) and more. */
#define NL_SEND_SIZE 8192

struct nl {
	struct mnl_socket *sock;
	unsigned int portid;
	unsigned int seq;
	uint16_t family;	/* id of the "etrunk" family */
	bool route;		/* an rtnetlink socket (nl_open_route) */
	uint32_t events_group;	/* id of its "events" group, 0 if none */
	char errmsg[256];	/* the kernel's message of the last failure */
	char *rbuf;
	char sbuf[NL_SEND_SIZE];
};

/*
 * Open a generic netlink socket and resolve the etrunk family. Returns 0,
 * or a negative errno with nl->errmsg set if the kernel gave a message.
 * -ENOENT: the family is not registered (module not loaded).
 */
int nl_open(struct nl *nl);
void nl_close(struct nl *nl);

/* Start an etrunk request in nl->sbuf: NLM_F_REQUEST | flags, next seq. */
struct nlmsghdr *nl_request(struct nl *nl, uint8_t cmd, uint16_t flags);

/*
 * Send the request and read replies until the ack (or NLMSG_DONE of a
 * dump), passing each data message to cb (may be NULL). Returns 0, a
 * negative errno from the kernel (nl->errmsg holds its extack message, or
 * is empty), or a negative errno of the socket. cb may return MNL_CB_ERROR
 * with errno set to stop with -errno.
 */
int nl_talk(struct nl *nl, struct nlmsghdr *nlh, mnl_cb_t cb, void *data);

/* apply --check: nl_talk() sends the etrunk family's reads (GET_x, dumps)
 * and answers every other request of the family with success, unsent.
 */
extern bool nl_dry_run;

/* An rtnetlink socket in @nl (no family); nl_talk() works on it. */
int nl_open_route(struct nl *nl);
/* An RTM_x link request with an ifinfomsg, NLM_F_ACK set. */
struct nlmsghdr *nl_link_request(struct nl *nl, uint16_t type,
				 uint16_t flags);

/* Join the etrunk "events" multicast group. */
int nl_join_events(struct nl *nl);

#endif
