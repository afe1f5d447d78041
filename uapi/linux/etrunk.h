/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * etrunk: Linux link aggregation with device-level redundancy.
 *
 * This header is the contract between the etrunk kernel module and user
 * space. It is self-contained and may be copied into user-space programs.
 *
 * Link kind
 * ---------
 *
 * A trunk is a netdevice of the rtnetlink link kind "etrunk":
 *
 *     ip link add et0 type etrunk [ mode MODE ] [ hash_policy POLICY ]
 *                                 [ min_links N ]
 *     ip link set eth0 master et0
 *     ip link set eth0 nomaster
 *     ip link del et0
 *
 * Its parameters are carried in IFLA_LINKINFO / IFLA_INFO_DATA as the
 * IFLA_ETRUNK_* attributes below, and the state of each member in
 * IFLA_LINKINFO / IFLA_INFO_SLAVE_DATA as the IFLA_ETRUNK_MEMBER_*
 * attributes. RTM_NEWLINK and RTM_SETLINK accept the attributes marked
 * "rw"; attributes marked "ro" are only reported by RTM_GETLINK, and a
 * request carrying one is refused with -EINVAL and an extack message.
 * Unknown attributes are refused (strict validation).
 *
 * IFLA_INFO_DATA (trunk):
 *
 *    IFLA_ETRUNK_MODE: NLA_U8, rw, one of enum etrunk_mode. Default
 *        ETRUNK_MODE_LOADBALANCE. It can only be changed while the trunk
 *        has no members.
 *    IFLA_ETRUNK_HASH_POLICY: NLA_U8, rw, one of enum etrunk_hash_policy.
 *        Default ETRUNK_HASH_LAYER2. Takes effect at once, also with
 *        members and traffic.
 *    IFLA_ETRUNK_MIN_LINKS: NLA_U32, rw, 0 to ETRUNK_MAX_MEMBERS. The
 *        trunk has carrier only while at least max(1, min_links) members
 *        are active. Default 0.
 *    IFLA_ETRUNK_MAX_LINKS: NLA_U32, rw, 0 to ETRUNK_MAX_MEMBERS. At most
 *        this many members are active; the others that could be wait as
 *        ETRUNK_MEMBER_STANDBY, chosen by member priority (lower value
 *        first, then enslave order). 0, the default, means no limit.
 *    IFLA_ETRUNK_MEMBERS: NLA_U32, ro, the number of members.
 *    IFLA_ETRUNK_ACTIVE_MEMBERS: NLA_U32, ro, the number of members that
 *        currently carry traffic.
 *
 * IFLA_INFO_SLAVE_DATA (member):
 *
 *    IFLA_ETRUNK_MEMBER_STATE: NLA_U8, ro, one of enum etrunk_member_state.
 *    IFLA_ETRUNK_MEMBER_LINK_FAILURES: NLA_U32, ro, how many times the
 *        member's link failed (device down or carrier lost) since it was
 *        enslaved, whatever the member was doing then.
 *    IFLA_ETRUNK_MEMBER_PRIORITY: NLA_U16, rw, lower is preferred; default
 *        ETRUNK_DEFAULT_PRIORITY. Set with RTM_NEWLINK on the member.
 *    IFLA_ETRUNK_MEMBER_REASON: NLA_U8, ro, one of enum
 *        etrunk_member_reason: why the member is not active.
 *
 * IFLA_INFO_SLAVE_DATA is validated as strictly as IFLA_INFO_DATA.
 *
 * Generic netlink family "etrunk", version ETRUNK_GENL_VERSION
 * ------------------------------------------------------------
 *
 * Everything of a trunk, and the channel through which the control plane
 * (etrunkd) drives it. A request names a trunk by ETRUNK_A_IFINDEX or
 * ETRUNK_A_IFNAME, a member inside an ETRUNK_A_MEMBER nest by
 * ETRUNK_MEMBER_A_IFINDEX or ETRUNK_MEMBER_A_IFNAME (the nest must carry
 * NLA_F_NESTED, as strict validation wants); names and indexes are
 * those of the requesting socket's network namespace, and nothing of
 * another namespace is visible or changeable. Requests are validated
 * strictly: an unknown attribute, a wrong type or a value out of range
 * fails with -EINVAL (-ERANGE for ranges) and an extack message pointing
 * at the attribute. Reading needs no privilege; the SET commands need
 * CAP_NET_ADMIN in the user namespace owning the network namespace
 * (-EPERM otherwise).
 *
 * A trunk is named by ETRUNK_A_IFINDEX, ETRUNK_A_IFNAME or both (then they
 * must name the same device, else -EINVAL). No such device: -ENODEV, "No
 * such device"; a device that is not a trunk: -ENODEV, "The device is not
 * a trunk". Members likewise, with "The device is not a trunk member".
 * Range errors are -ERANGE with the kernel's generic text and
 * NLMSGERR_ATTR_OFFS pointing at the attribute; -EPERM carries no text.
 *
 * ETRUNK_CMD_GET_TRUNK
 *    Without NLM_F_DUMP: the request has ETRUNK_A_IFINDEX or
 *    ETRUNK_A_IFNAME; the reply is one trunk message, which for a trunk of
 *    ETRUNK_MAX_MEMBERS members is about 24 KiB: receive it with a buffer
 *    of at least 32 KiB. With NLM_F_DUMP: the request has no attributes;
 *    one trunk message per trunk of the namespace, except that a trunk
 *    whose members do not fit one message continues in the next ones,
 *    each naming the trunk again and carrying the next members in
 *    ETRUNK_A_MEMBERS: a reader joins consecutive messages of the same
 *    ETRUNK_A_IFINDEX. A trunk message holds:
 *
 *    ETRUNK_A_IFINDEX: NLA_U32
 *    ETRUNK_A_IFNAME: NLA_NUL_STRING
 *    ETRUNK_A_MODE: NLA_U8, enum etrunk_mode
 *    ETRUNK_A_HASH_POLICY: NLA_U8, enum etrunk_hash_policy
 *    ETRUNK_A_MIN_LINKS: NLA_U32
 *    ETRUNK_A_MAX_LINKS: NLA_U32, 0 = no limit
 *    ETRUNK_A_UP: NLA_U8, 1 if the trunk is administratively up
 *    ETRUNK_A_CARRIER: NLA_U8, 1 if it has carrier (enough active members)
 *    ETRUNK_A_ACTIVE_MEMBERS: NLA_U32
 *    ETRUNK_A_STATS: NLA_NESTED, its counters, ETRUNK_STATS_A_*, each
 *        NLA_U64 (ETRUNK_STATS_A_PAD for alignment)
 *    ETRUNK_A_MEMBERS: NLA_NESTED, one ETRUNK_A_MEMBER per member, in
 *        enslave order, each a member nest:
 *
 *        ETRUNK_MEMBER_A_IFINDEX: NLA_U32
 *        ETRUNK_MEMBER_A_IFNAME: NLA_NUL_STRING
 *        ETRUNK_MEMBER_A_STATE: NLA_U8, enum etrunk_member_state
 *        ETRUNK_MEMBER_A_REASON: NLA_U8, enum etrunk_member_reason
 *        ETRUNK_MEMBER_A_PRIORITY: NLA_U16
 *        ETRUNK_MEMBER_A_MASTER: NLA_U8, 1 if designated master
 *        ETRUNK_MEMBER_A_ADMIN_UP: NLA_U8, 0 if taken out by SET_MEMBER
 *        ETRUNK_MEMBER_A_LINK_FAILURES: NLA_U32
 *        ETRUNK_MEMBER_A_SPEED: NLA_U32, Mb/s as ethtool reports it,
 *            absent if unknown
 *
 * ETRUNK_CMD_SET_TRUNK
 *    ETRUNK_A_IFINDEX or ETRUNK_A_IFNAME, and any of: ETRUNK_A_MODE (only
 *    while the trunk has no members), ETRUNK_A_HASH_POLICY,
 *    ETRUNK_A_MIN_LINKS, ETRUNK_A_MAX_LINKS (0 to ETRUNK_MAX_MEMBERS). All
 *    are applied or none. No reply payload.
 *
 * ETRUNK_CMD_GET_MEMBER
 *    ETRUNK_A_MEMBER with ETRUNK_MEMBER_A_IFINDEX or ETRUNK_MEMBER_A_IFNAME.
 *    The reply has the trunk's ETRUNK_A_IFINDEX and ETRUNK_A_IFNAME and
 *    the member nest, as in a trunk message. -ENODEV if the device is not
 *    a trunk member.
 *
 * ETRUNK_CMD_SET_MEMBER
 *    ETRUNK_A_MEMBER with ETRUNK_MEMBER_A_IFINDEX or ETRUNK_MEMBER_A_IFNAME
 *    and any of:
 *
 *    ETRUNK_MEMBER_A_PRIORITY: NLA_U16, lower is preferred (max-links
 *        selection; the master choice of later modes)
 *    ETRUNK_MEMBER_A_MASTER: NLA_U8, 0 or 1: designate the member as the
 *        master (for master/backup modes; at most one per trunk, so
 *        designating one clears the others)
 *    ETRUNK_MEMBER_A_ADMIN_UP: NLA_U8, 0 or 1: 0 takes the member out of
 *        the trunk (state down, reason admin) while its device stays up;
 *        this is how a control plane (e.g. BFD) reports a failure that
 *        carrier does not show. 1 lets it back.
 *
 *    All are applied or none. No reply payload.
 *
 * ETRUNK_CMD_EVENT
 *    Not a request: sent to the multicast group ETRUNK_MCGRP_EVENTS
 *    ("events") of the trunk's namespace. Every event has ETRUNK_A_EVENT
 *    (NLA_U8, enum etrunk_event), ETRUNK_A_EVENT_SEQ (NLA_U32, counts the
 *    events of the namespace from 1 up, so a listener can tell it missed
 *    some), and the trunk's ETRUNK_A_IFINDEX and ETRUNK_A_IFNAME. Member
 *    events add the member nest (ETRUNK_A_MEMBER); ETRUNK_EVENT_ACTIVE
 *    and ETRUNK_EVENT_TRUNK_CHANGED add ETRUNK_A_ACTIVE_MEMBERS and
 *    ETRUNK_A_CARRIER, and ETRUNK_EVENT_TRUNK_CHANGED also the parameters
 *    ETRUNK_A_MODE, ETRUNK_A_HASH_POLICY, ETRUNK_A_MIN_LINKS and
 *    ETRUNK_A_MAX_LINKS.
 *
 * A trunk holds at most ETRUNK_MAX_MEMBERS members. A member must be an
 * Ethernet device (ARPHRD_ETHER), not a loopback, not another trunk, not
 * already enslaved, not a device stacked above the trunk, and must be able
 * to take the trunk's MTU and MAC address; otherwise RTM_NEWLINK with
 * IFLA_MASTER fails with an extack message naming the reason and leaves
 * both devices as they were.
 */

#ifndef _UAPI_LINUX_ETRUNK_H
#define _UAPI_LINUX_ETRUNK_H

#define ETRUNK_GENL_NAME "etrunk"
#define ETRUNK_GENL_VERSION 1
#define ETRUNK_MCGRP_EVENTS "events"
#define ETRUNK_LINK_KIND "etrunk"

/* The most members one trunk may have. */
#define ETRUNK_MAX_MEMBERS 256
/* A member's priority until one is set; lower is preferred. */
#define ETRUNK_DEFAULT_PRIORITY 32768

/**
 * enum etrunk_mode - how a trunk uses its members
 * @ETRUNK_MODE_LOADBALANCE: manual load balancing: every member that is up
 *     is active; each packet goes to the member chosen by the hash of its
 *     flow (see enum etrunk_hash_policy), so a flow stays on one member.
 */
enum etrunk_mode {
	ETRUNK_MODE_LOADBALANCE = 0,
	__ETRUNK_MODE_MAX
};

#define ETRUNK_MODE_MAX (__ETRUNK_MODE_MAX - 1)

/**
 * enum etrunk_hash_policy - which headers choose the member of a packet
 * @ETRUNK_HASH_LAYER2: source and destination MAC and EtherType.
 * @ETRUNK_HASH_LAYER23: layer 2 plus IPv4/IPv6 source and destination
 *     addresses (and the IPv6 flow label).
 * @ETRUNK_HASH_LAYER34: IP addresses plus TCP/UDP/SCTP ports (first
 *     fragments only; other fragments and other protocols use the
 *     addresses alone), so the flows of one host pair spread out.
 * @ETRUNK_HASH_ENCAP23: like LAYER23 but on the innermost headers of
 *     tunnelled packets (GRE, IPIP, ...), as the flow dissector finds them.
 * @ETRUNK_HASH_ENCAP34: like LAYER34 on the innermost headers.
 *
 * Non-IP packets fall back to layer 2 under every policy.
 */
enum etrunk_hash_policy {
	ETRUNK_HASH_LAYER2 = 0,
	ETRUNK_HASH_LAYER23 = 1,
	ETRUNK_HASH_LAYER34 = 2,
	ETRUNK_HASH_ENCAP23 = 3,
	ETRUNK_HASH_ENCAP34 = 4,
	__ETRUNK_HASH_MAX
};

#define ETRUNK_HASH_MAX (__ETRUNK_HASH_MAX - 1)

/**
 * enum etrunk_member_state - what a member is doing
 * @ETRUNK_MEMBER_DOWN: carries no traffic; the reason says why.
 * @ETRUNK_MEMBER_ACTIVE: up, with carrier, and in the transmit set.
 * @ETRUNK_MEMBER_STANDBY: could carry traffic but waits, because the
 *     trunk already has max-links active members of higher priority.
 */
enum etrunk_member_state {
	ETRUNK_MEMBER_DOWN = 0,
	ETRUNK_MEMBER_ACTIVE = 1,
	ETRUNK_MEMBER_STANDBY = 2,
	__ETRUNK_MEMBER_STATE_MAX
};

/**
 * enum etrunk_member_reason - why a member is not active: the first of
 *     these that applies, in this order (a failed link before admin)
 * @ETRUNK_REASON_NONE: it is active.
 * @ETRUNK_REASON_DEV_DOWN: its device is administratively down.
 * @ETRUNK_REASON_NO_CARRIER: its device has no carrier.
 * @ETRUNK_REASON_ADMIN: taken out with ETRUNK_MEMBER_A_ADMIN_UP 0.
 * @ETRUNK_REASON_MAX_LINKS: standby: max-links members of higher
 *     priority are active.
 */
enum etrunk_member_reason {
	ETRUNK_REASON_NONE = 0,
	ETRUNK_REASON_DEV_DOWN = 1,
	ETRUNK_REASON_NO_CARRIER = 2,
	ETRUNK_REASON_ADMIN = 3,
	ETRUNK_REASON_MAX_LINKS = 4,
	__ETRUNK_REASON_MAX
};

/**
 * enum etrunk_event - what an ETRUNK_CMD_EVENT reports
 * @ETRUNK_EVENT_MEMBER_ADDED: a device was enslaved.
 * @ETRUNK_EVENT_MEMBER_REMOVED: a member was released.
 * @ETRUNK_EVENT_MEMBER_STATE: a member's state or reason changed (it went
 *     up, down or to standby).
 * @ETRUNK_EVENT_ACTIVE: the set of active members changed: their number
 *     and the trunk's carrier are in the event.
 * @ETRUNK_EVENT_TRUNK_CHANGED: a trunk parameter was set.
 */
enum etrunk_event {
	ETRUNK_EVENT_UNSPEC,
	ETRUNK_EVENT_MEMBER_ADDED,
	ETRUNK_EVENT_MEMBER_REMOVED,
	ETRUNK_EVENT_MEMBER_STATE,
	ETRUNK_EVENT_ACTIVE,
	ETRUNK_EVENT_TRUNK_CHANGED,
	__ETRUNK_EVENT_MAX
};

enum etrunk_cmd {
	ETRUNK_CMD_UNSPEC,
	ETRUNK_CMD_GET_TRUNK,
	ETRUNK_CMD_SET_TRUNK,
	ETRUNK_CMD_GET_MEMBER,
	ETRUNK_CMD_SET_MEMBER,
	ETRUNK_CMD_EVENT,
	__ETRUNK_CMD_MAX
};

#define ETRUNK_CMD_MAX (__ETRUNK_CMD_MAX - 1)

enum etrunk_attr {
	ETRUNK_A_UNSPEC,
	ETRUNK_A_IFINDEX,
	ETRUNK_A_IFNAME,
	ETRUNK_A_MODE,
	ETRUNK_A_HASH_POLICY,
	ETRUNK_A_MIN_LINKS,
	ETRUNK_A_MAX_LINKS,
	ETRUNK_A_UP,
	ETRUNK_A_CARRIER,
	ETRUNK_A_ACTIVE_MEMBERS,
	ETRUNK_A_STATS,
	ETRUNK_A_MEMBERS,
	ETRUNK_A_MEMBER,
	ETRUNK_A_EVENT,
	ETRUNK_A_EVENT_SEQ,
	__ETRUNK_A_MAX
};

#define ETRUNK_A_MAX (__ETRUNK_A_MAX - 1)

enum etrunk_member_attr {
	ETRUNK_MEMBER_A_UNSPEC,
	ETRUNK_MEMBER_A_IFINDEX,
	ETRUNK_MEMBER_A_IFNAME,
	ETRUNK_MEMBER_A_STATE,
	ETRUNK_MEMBER_A_REASON,
	ETRUNK_MEMBER_A_PRIORITY,
	ETRUNK_MEMBER_A_MASTER,
	ETRUNK_MEMBER_A_ADMIN_UP,
	ETRUNK_MEMBER_A_LINK_FAILURES,
	ETRUNK_MEMBER_A_SPEED,
	__ETRUNK_MEMBER_A_MAX
};

#define ETRUNK_MEMBER_A_MAX (__ETRUNK_MEMBER_A_MAX - 1)

enum etrunk_stats_attr {
	ETRUNK_STATS_A_UNSPEC,
	ETRUNK_STATS_A_PAD,
	ETRUNK_STATS_A_RX_PACKETS,
	ETRUNK_STATS_A_RX_BYTES,
	ETRUNK_STATS_A_RX_DROPPED,
	ETRUNK_STATS_A_TX_PACKETS,
	ETRUNK_STATS_A_TX_BYTES,
	ETRUNK_STATS_A_TX_DROPPED,
	__ETRUNK_STATS_A_MAX
};

#define ETRUNK_STATS_A_MAX (__ETRUNK_STATS_A_MAX - 1)

enum {
	IFLA_ETRUNK_UNSPEC,
	IFLA_ETRUNK_MODE,
	IFLA_ETRUNK_HASH_POLICY,
	IFLA_ETRUNK_MIN_LINKS,
	IFLA_ETRUNK_MEMBERS,
	IFLA_ETRUNK_ACTIVE_MEMBERS,
	IFLA_ETRUNK_MAX_LINKS,
	__IFLA_ETRUNK_MAX
};

#define IFLA_ETRUNK_MAX (__IFLA_ETRUNK_MAX - 1)

enum {
	IFLA_ETRUNK_MEMBER_UNSPEC,
	IFLA_ETRUNK_MEMBER_STATE,
	IFLA_ETRUNK_MEMBER_LINK_FAILURES,
	IFLA_ETRUNK_MEMBER_PRIORITY,
	IFLA_ETRUNK_MEMBER_REASON,
	__IFLA_ETRUNK_MEMBER_MAX
};

#define IFLA_ETRUNK_MEMBER_MAX (__IFLA_ETRUNK_MEMBER_MAX - 1)

#endif /* _UAPI_LINUX_ETRUNK_H */
