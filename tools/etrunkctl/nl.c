// SPDX-License-Identifier: GPL-2.0
/*
 * nl.c - generic netlink plumbing of etrunkctl (see nl.h).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include <linux/etrunk.h>

#include "nl.h"

struct talk {
	struct nl *nl;
	mnl_cb_t cb;
	void *data;
	int err;
};

/* The extack attributes that follow an error code (ack or NLMSG_DONE). */
static void parse_extack(struct nl *nl, const struct nlmsghdr *nlh,
			 size_t offset)
{
	const struct nlattr *attr;
	int miss = -1;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) ||
	    MNL_ALIGN(offset) > mnl_nlmsg_get_payload_len(nlh))
		return;
	mnl_attr_for_each(attr, nlh, offset) {
		switch (mnl_attr_get_type(attr)) {
		case NLMSGERR_ATTR_MSG:
			if (mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) >= 0)
				snprintf(nl->errmsg, sizeof(nl->errmsg), "%s",
					 mnl_attr_get_str(attr));
			break;
		case NLMSGERR_ATTR_MISS_TYPE:
			if (mnl_attr_validate(attr, MNL_TYPE_U32) >= 0)
				miss = (int)mnl_attr_get_u32(attr);
			break;
		}
	}
	if (!nl->errmsg[0] && miss >= 0)
		snprintf(nl->errmsg, sizeof(nl->errmsg),
			 "missing attribute %d in the request", miss);
}

static int talk_error(const struct nlmsghdr *nlh, void *data)
{
	struct talk *t = data;
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	size_t offset = sizeof(*e);

	if (mnl_nlmsg_get_payload_len(nlh) < sizeof(*e)) {
		t->err = -EBADMSG;
		return MNL_CB_STOP;
	}
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		offset += e->msg.nlmsg_len - sizeof(struct nlmsghdr);
	parse_extack(t->nl, nlh, offset);
	if (e->error == 0) {
		/* The ack; a message with it is a warning, as ip prints it. */
		size_t len = strlen(t->nl->errmsg);

		if (len)
			fprintf(stderr, "Warning: %s%s\n", t->nl->errmsg,
				t->nl->errmsg[len - 1] == '.' ? "" : ".");
		t->nl->errmsg[0] = '\0';
		return MNL_CB_STOP;
	}
	t->err = e->error < 0 ? e->error : -e->error;
	return MNL_CB_STOP;
}

static int talk_done(const struct nlmsghdr *nlh, void *data)
{
	struct talk *t = data;
	const int *err = mnl_nlmsg_get_payload(nlh);

	if (mnl_nlmsg_get_payload_len(nlh) >= sizeof(*err) && *err < 0) {
		t->err = *err;
		parse_extack(t->nl, nlh, sizeof(*err));
	}
	return MNL_CB_STOP;
}

static int talk_noop(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	(void)data;
	return MNL_CB_OK;
}

static int talk_overrun(const struct nlmsghdr *nlh, void *data)
{
	struct talk *t = data;

	(void)nlh;
	t->err = -ENOBUFS;
	return MNL_CB_STOP;
}

static int talk_data(const struct nlmsghdr *nlh, void *data)
{
	struct talk *t = data;
	int ret;

	if (!t->cb)
		return MNL_CB_OK;
	ret = t->cb(nlh, t->data);
	if (ret == MNL_CB_ERROR)
		t->err = errno ? -errno : -EINVAL;
	return ret;
}

/* Not const: mnl_cb_run2() takes a plain pointer. */
static mnl_cb_t talk_ctl[NLMSG_MIN_TYPE] = {
	[NLMSG_NOOP] = talk_noop,
	[NLMSG_ERROR] = talk_error,
	[NLMSG_DONE] = talk_done,
	[NLMSG_OVERRUN] = talk_overrun,
};

bool nl_dry_run;

/* A request that changes nothing: a GET or a dump of the etrunk family,
 * anything to another family (the controller), or on an rtnetlink
 * socket an RTM_GET*.
 */
static bool nl_is_read(const struct nl *nl, const struct nlmsghdr *nlh)
{
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);

	if (nlh->nlmsg_flags & NLM_F_DUMP)
		return true;
	if (nl->route)
		return nlh->nlmsg_type >= RTM_BASE && nlh->nlmsg_type % 4 == 2;
	if (nlh->nlmsg_type != nl->family)
		return true;
	switch (g->cmd) {
	case ETRUNK_CMD_GET_TRUNK:
	case ETRUNK_CMD_GET_MEMBER:
	case ETRUNK_CMD_GET_FLUSH_RX:
	case ETRUNK_CMD_GET_GROUP:
	case ETRUNK_CMD_GET_GROUP_KEY:
	case ETRUNK_CMD_GET_BFD:
	case ETRUNK_CMD_GET_BFD_KEY:
	case ETRUNK_CMD_GET_RBS:
	case ETRUNK_CMD_GET_RBS_KEY:
	case ETRUNK_CMD_GET_RBP:
		return true;
	}
	return false;
}

int nl_talk(struct nl *nl, struct nlmsghdr *nlh, mnl_cb_t cb, void *data)
{
	struct talk t = { .nl = nl, .cb = cb, .data = data };
	unsigned int seq = nlh->nlmsg_seq;

	nl->errmsg[0] = '\0';
	if (nl_dry_run && !nl_is_read(nl, nlh))
		return 0;
	if (mnl_socket_sendto(nl->sock, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	for (;;) {
		ssize_t n = mnl_socket_recvfrom(nl->sock, nl->rbuf, NL_RECV_SIZE);
		int ret;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		errno = 0;
		ret = mnl_cb_run2(nl->rbuf, n, seq, nl->portid, talk_data, &t,
				  talk_ctl, NLMSG_MIN_TYPE);
		if (t.err)
			return t.err;
		if (ret == MNL_CB_ERROR)
			return errno ? -errno : -EPROTO;
		if (ret == MNL_CB_STOP)
			return 0;
	}
}

static struct nlmsghdr *genl_header(struct nl *nl, uint16_t type, uint8_t cmd,
				    uint8_t version, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(nl->sbuf);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = ++nl->seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = version;
	return nlh;
}

struct nlmsghdr *nl_request(struct nl *nl, uint8_t cmd, uint16_t flags)
{
	return genl_header(nl, nl->family, cmd, ETRUNK_GENL_VERSION, flags);
}

static void parse_groups(struct nl *nl, const struct nlattr *groups)
{
	const struct nlattr *group, *attr;

	mnl_attr_for_each_nested(group, groups) {
		const char *name = NULL;
		uint32_t id = 0;

		mnl_attr_for_each_nested(attr, group) {
			switch (mnl_attr_get_type(attr)) {
			case CTRL_ATTR_MCAST_GRP_NAME:
				if (mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) >= 0)
					name = mnl_attr_get_str(attr);
				break;
			case CTRL_ATTR_MCAST_GRP_ID:
				if (mnl_attr_validate(attr, MNL_TYPE_U32) >= 0)
					id = mnl_attr_get_u32(attr);
				break;
			}
		}
		if (name && !strcmp(name, ETRUNK_MCGRP_EVENTS))
			nl->events_group = id;
	}
}

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl *nl = data;
	const struct nlattr *attr;

	mnl_attr_for_each(attr, nlh, sizeof(struct genlmsghdr)) {
		switch (mnl_attr_get_type(attr)) {
		case CTRL_ATTR_FAMILY_ID:
			if (mnl_attr_validate(attr, MNL_TYPE_U16) >= 0)
				nl->family = mnl_attr_get_u16(attr);
			break;
		case CTRL_ATTR_MCAST_GROUPS:
			if (mnl_attr_validate(attr, MNL_TYPE_NESTED) >= 0)
				parse_groups(nl, attr);
			break;
		}
	}
	return MNL_CB_OK;
}

/* A socket of netlink @bus in @nl, bound, with extended acks. */
static int nl_socket(struct nl *nl, int bus)
{
	int one = 1;

	memset(nl, 0, sizeof(*nl));
	nl->rbuf = malloc(NL_RECV_SIZE);
	if (!nl->rbuf)
		return -ENOMEM;
	nl->sock = mnl_socket_open(bus);
	if (!nl->sock)
		return -errno;
	/* Both only make errors more useful: not fatal if refused. */
	mnl_socket_setsockopt(nl->sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sock, NETLINK_CAP_ACK, &one, sizeof(one));
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0)
		return -errno;
	nl->portid = mnl_socket_get_portid(nl->sock);
	return 0;
}

int nl_open(struct nl *nl)
{
	struct nlmsghdr *nlh;
	int err;

	err = nl_socket(nl, NETLINK_GENERIC);
	if (err)
		return err;
	nlh = genl_header(nl, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, NLM_F_ACK);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, ETRUNK_GENL_NAME);
	err = nl_talk(nl, nlh, family_cb, nl);
	if (!err && !nl->family)
		err = -ENOENT;
	return err;
}

int nl_join_events(struct nl *nl)
{
	int group = (int)nl->events_group;

	if (!group)
		return -ENOENT;
	if (mnl_socket_setsockopt(nl->sock, NETLINK_ADD_MEMBERSHIP, &group,
				  sizeof(group)) < 0)
		return -errno;
	return 0;
}

int nl_open_route(struct nl *nl)
{
	int err = nl_socket(nl, NETLINK_ROUTE);

	if (!err)
		nl->route = true;
	return err;
}

struct nlmsghdr *nl_link_request(struct nl *nl, uint16_t type,
				 uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(nl->sbuf);

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	nlh->nlmsg_seq = ++nl->seq;
	mnl_nlmsg_put_extra_header(nlh, sizeof(struct ifinfomsg));
	return nlh;
}

void nl_close(struct nl *nl)
{
	if (nl->sock)
		mnl_socket_close(nl->sock);
	free(nl->rbuf);
	nl->sock = NULL;
	nl->rbuf = NULL;
}
