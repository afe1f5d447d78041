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
 *    Mode ETRUNK_MODE_BACKUP (1:1 master/backup) adds, each also an
 *    ETRUNK_A_* attribute of the same name in generic netlink:
 *
 *    IFLA_ETRUNK_REVERTIVE: NLA_U8, rw, 0 or 1, default 1. When 1, traffic
 *        returns to the designated master member (ETRUNK_MEMBER_A_MASTER)
 *        once it has been usable again for the revert delay.
 *    IFLA_ETRUNK_REVERT_DELAY: NLA_U32, rw, milliseconds, 0 to
 *        ETRUNK_MAX_REVERT_DELAY, default 0.
 *    IFLA_ETRUNK_GRAT_ARP: NLA_U8, rw, 0 to 255, default 1: after every
 *        switchover, this many rounds of gratuitous ARP and unsolicited
 *        neighbour advertisements for the trunk's addresses (and those of
 *        VLAN devices on it) and of IGMP/MLD membership reports, one
 *        round every flush interval.
 *    IFLA_ETRUNK_FLUSH_COUNT: NLA_U8, rw, 0 to ETRUNK_MAX_FLUSH_COUNT,
 *        default 3: flush frames the new master sends after a switchover,
 *        untagged and on each VLAN the trunk carries (see "Flush frames").
 *        0: none.
 *    IFLA_ETRUNK_FLUSH_INTERVAL: NLA_U16, rw, milliseconds between two
 *        flush frames (and two gratuitous ARP rounds), 1 to 1000,
 *        default 10.
 *    IFLA_ETRUNK_FLUSH_KEY: NLA_BINARY, write-only, 0 to
 *        ETRUNK_FLUSH_KEY_MAX bytes: the HMAC-SHA256 key of flush frames,
 *        for those the trunk sends and those it accepts; empty: no key.
 *        Never reported; IFLA_ETRUNK_FLUSH_KEY_SET says whether one is set.
 *    IFLA_ETRUNK_FLUSH_KEY_SET: NLA_U8, ro.
 *    IFLA_ETRUNK_FLUSH_RX: NLA_U8, rw, 0 or 1, default 1: a valid flush
 *        frame received on the backup member makes it the master, so both
 *        ends of a 1:1 path converge at once.
 *    IFLA_ETRUNK_PROBE_INTERVAL: NLA_U32, rw, milliseconds, 0 (no probing,
 *        the default) or ETRUNK_MIN_PROBE_INTERVAL to
 *        ETRUNK_MAX_PROBE_INTERVAL. Liveness probing beyond carrier, like
 *        bonding's arp_ip_target: every interval the master sends an ARP
 *        request (IPv4 target) or a neighbour solicitation (IPv6 target)
 *        to each probe target, from the trunk's MAC and address. The
 *        master is usable while a reply from any target arrived within
 *        the last probe_missed intervals; otherwise it goes down with
 *        ETRUNK_REASON_PROBE and the backup takes over. A member down
 *        for that reason keeps probing from its own MAC address (with an
 *        unspecified sender, as an ARP probe does) and comes back with
 *        the first reply. Only in mode backup; setting it in another mode
 *        is refused, and so is leaving mode backup while it is set.
 *    IFLA_ETRUNK_PROBE_MISSED: NLA_U8, rw, 1 to 255, default 3.
 *    IFLA_ETRUNK_PROBE_TARGETS: NLA_NESTED, rw: up to
 *        ETRUNK_MAX_PROBE_TARGETS IFLA_ETRUNK_PROBE_TARGET (ETRUNK_A_
 *        PROBE_TARGET in generic netlink) attributes, each NLA_BINARY of
 *        4 bytes (IPv4) or 16 bytes (IPv6, not multicast), network order.
 *        Given, it replaces the list; an empty nest clears it. Probing
 *        needs at least one target.
 *    IFLA_ETRUNK_ACTIVE_MEMBER: NLA_U32, ro, mode backup: the ifindex of
 *        the master member, 0 if none.
 *    IFLA_ETRUNK_SWITCHOVERS: NLA_U32, ro, how many times the master
 *        changed to a member (including the first election).
 *    IFLA_ETRUNK_SWITCHOVER_REASON: NLA_U8, ro, enum etrunk_switch_reason
 *        of the last switchover.
 *    IFLA_ETRUNK_SWITCHOVER_AGE: NLA_U64, ro, milliseconds since the last
 *        switchover; absent before the first one.
 *    IFLA_ETRUNK_PAD: alignment of 64-bit attributes.
 *
 *    Mode ETRUNK_MODE_LACP (static LACP, IEEE 802.1AX, see "LACP" below)
 *    adds, each also an ETRUNK_A_* attribute of the same name in generic
 *    netlink (which reports them in every mode):
 *
 *    IFLA_ETRUNK_LACP_SYSTEM_PRIO: NLA_U16, rw, 1 to 65535, default
 *        ETRUNK_LACP_DEFAULT_SYSTEM_PRIO; lower is preferred.
 *    IFLA_ETRUNK_LACP_SYSTEM: NLA_BINARY of exactly 6 bytes, rw: the
 *        system ID, a unicast MAC address (all zeros, broadcast and
 *        multicast addresses are refused with -EINVAL and an extack
 *        message). Until one is set it is the trunk's MAC address and
 *        follows it; reported is the one in use.
 *    IFLA_ETRUNK_LACP_KEY: NLA_U16, rw, 1 to 65535, default
 *        ETRUNK_LACP_DEFAULT_KEY: the actor (operational) key of every
 *        member.
 *    IFLA_ETRUNK_LACP_PORT_OFFSET: NLA_U16, rw, 0 to
 *        ETRUNK_LACP_MAX_PORT_OFFSET, default 0: a member's port number
 *        is the offset plus its index (1 to ETRUNK_MAX_MEMBERS, the
 *        lowest free one when it is enslaved), so two chassis sharing a
 *        system ID give disjoint offsets and never advertise the same
 *        port number.
 *    IFLA_ETRUNK_LACP_RATE: NLA_U8, rw, enum etrunk_lacp_rate, default
 *        ETRUNK_LACP_RATE_SLOW: the timeout the members advertise, which
 *        makes the partner send every second (fast) or 30 s (slow);
 *        partner information expires after 3 s or 90 s.
 *    IFLA_ETRUNK_LACP_ROLE: NLA_U8, rw, enum etrunk_lacp_role, default
 *        ETRUNK_LACP_ROLE_MASTER: the hook for two chassis acting as one.
 *        In role backup the members attach but advertise themselves out
 *        of synchronization, so the partner distributes nothing to them,
 *        and they carry no traffic (reason ETRUNK_REASON_LACP_ROLE).
 *        Frames the partner still distributes to such a member (its
 *        LACPDUs say distributing) are still received, so a role change
 *        loses nothing while the partner catches up.
 *    IFLA_ETRUNK_LACP_SELECT: NLA_U8, rw, enum etrunk_lacp_select, default
 *        ETRUNK_LACP_SELECT_COUNT: which aggregator the trunk joins when
 *        its members see different partners.
 *    IFLA_ETRUNK_LACP_PREEMPT: NLA_U8, rw, 0 or 1, default 0: with
 *        max_links, a member of better port priority that becomes able to
 *        aggregate takes the place of an aggregated one of worse priority
 *        (after IFLA_ETRUNK_LACP_PREEMPT_DELAY); without preemption it
 *        waits as standby until a place is free.
 *    IFLA_ETRUNK_LACP_PREEMPT_DELAY: NLA_U32, rw, milliseconds, 0 to
 *        ETRUNK_MAX_LACP_PREEMPT_DELAY, default
 *        ETRUNK_DEFAULT_LACP_PREEMPT_DELAY: how long the better member
 *        must have been able to aggregate before it preempts, so a
 *        flapping link does not move traffic back and forth.
 *
 *    In mode lacp IFLA_ETRUNK_MAX_LINKS counts the members of the
 *    aggregator: the others of it wait (state standby, reason max-links),
 *    chosen by LACP port priority (lower first) and then port number,
 *    members already aggregated first unless IFLA_ETRUNK_LACP_PREEMPT.
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
 *    IFLA_ETRUNK_MEMBER_LACP_PORT_PRIO: NLA_U16, rw, mode lacp: the LACP
 *        port priority, 1 to 65535, lower is preferred; default
 *        ETRUNK_LACP_DEFAULT_PORT_PRIO. Reported in mode lacp.
 *    IFLA_ETRUNK_MEMBER_LACP_ACTIVE: NLA_U8, rw, 0 or 1, default 1: LACP
 *        activity. An active member sends LACPDUs whatever its partner
 *        does; a passive one (0) only while its partner is active.
 *    IFLA_ETRUNK_MEMBER_LACP: NLA_NESTED, ro, mode lacp: the member's
 *        protocol state, enum etrunk_lacp_attr (ETRUNK_LACP_A_*).
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
 *    ETRUNK_A_REVERTIVE, ETRUNK_A_REVERT_DELAY, ETRUNK_A_GRAT_ARP,
 *    ETRUNK_A_FLUSH_COUNT, ETRUNK_A_FLUSH_INTERVAL, ETRUNK_A_FLUSH_KEY_SET,
 *    ETRUNK_A_FLUSH_RX, ETRUNK_A_PROBE_INTERVAL, ETRUNK_A_PROBE_MISSED,
 *    ETRUNK_A_PROBE_TARGETS, ETRUNK_A_ACTIVE_MEMBER, ETRUNK_A_SWITCHOVERS,
 *    ETRUNK_A_SWITCHOVER_REASON, ETRUNK_A_SWITCHOVER_AGE: as the
 *        IFLA_ETRUNK_* attributes of the same names (ETRUNK_A_PAD aligns),
 *        in every mode (rtnetlink reports them in mode backup only)
 *    ETRUNK_A_LACP_SYSTEM_PRIO, ETRUNK_A_LACP_SYSTEM, ETRUNK_A_LACP_KEY,
 *    ETRUNK_A_LACP_PORT_OFFSET, ETRUNK_A_LACP_RATE, ETRUNK_A_LACP_ROLE,
 *    ETRUNK_A_LACP_SELECT, ETRUNK_A_LACP_PREEMPT,
 *    ETRUNK_A_LACP_PREEMPT_DELAY:
 *        as the IFLA_ETRUNK_LACP_* attributes, in every mode (rtnetlink
 *        reports them in mode lacp only)
 *    ETRUNK_A_FLUSH_STATS: NLA_NESTED, the flush frames the trunk sent
 *        and received, ETRUNK_FLUSH_STATS_A_*, each NLA_U64
 *    ETRUNK_A_BINDING: NLA_NESTED, only while the trunk is bound to an
 *        E-Trunk group: its binding (see "E-Trunk groups")
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
 *        ETRUNK_MEMBER_A_LACP_PORT_PRIO, ETRUNK_MEMBER_A_LACP_ACTIVE,
 *        ETRUNK_MEMBER_A_LACP: as the IFLA_ETRUNK_MEMBER_* attributes of
 *            the same names, in mode lacp only
 *
 * ETRUNK_CMD_SET_TRUNK
 *    ETRUNK_A_IFINDEX or ETRUNK_A_IFNAME, and any of: ETRUNK_A_MODE (only
 *    while the trunk has no members), ETRUNK_A_HASH_POLICY,
 *    ETRUNK_A_MIN_LINKS, ETRUNK_A_MAX_LINKS (0 to ETRUNK_MAX_MEMBERS), and
 *    the rw attributes of mode backup above (ETRUNK_A_FLUSH_KEY: NLA_BINARY,
 *    write-only) and of mode lacp. All are applied or none. No reply
 *    payload.
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
 *        carrier does not show. 1 lets it back. In mode backup, taking
 *        the master out switches to the backup at once.
 *
 *    ETRUNK_MEMBER_A_LACP_PORT_PRIO, ETRUNK_MEMBER_A_LACP_ACTIVE: NLA_U16
 *        (1 to 65535) and NLA_U8 (0 or 1), as in rtnetlink
 *
 *    All are applied or none. No reply payload. In mode backup,
 *    designating a usable member as master makes it the master at once
 *    (switchover reason ETRUNK_SWITCH_MANUAL).
 *
 * ETRUNK_CMD_GET_FLUSH_RX
 *    The flush-receive settings of a bridge port (the intermediate-device
 *    role, see "Flush frames"). Without NLM_F_DUMP: ETRUNK_A_IFINDEX or
 *    ETRUNK_A_IFNAME names the port; -ENOENT ("Flush-receive is not
 *    enabled on the device") if it is not enabled. With NLM_F_DUMP: one
 *    message per port of the namespace with flush-receive enabled. A
 *    message holds ETRUNK_A_IFINDEX, ETRUNK_A_IFNAME, ETRUNK_A_FLUSH_RX
 *    (1), ETRUNK_A_FLUSH_KEY_SET, ETRUNK_A_FLUSH_VLANS (absent: all VLANs)
 *    and ETRUNK_A_FLUSH_STATS.
 *
 * ETRUNK_CMD_SET_FLUSH_RX
 *    ETRUNK_A_IFINDEX or ETRUNK_A_IFNAME: a bridge port (else -EOPNOTSUPP,
 *    "Flush-receive works on bridge ports"); ETRUNK_A_FLUSH_RX: 1 enables
 *    (or changes) it, 0 disables it and forgets its settings and counters;
 *    with 1, optionally ETRUNK_A_FLUSH_KEY (as for a trunk) and
 *    ETRUNK_A_FLUSH_VLANS: NLA_NESTED of ETRUNK_VLAN_A_VID (NLA_U16, 1 to
 *    4094), up to ETRUNK_FLUSH_MAX_VLANS, the VLANs this port acts on;
 *    an empty nest: all VLANs. Settings not given keep their values. It
 *    is forgotten when the device leaves its bridge. No reply payload.
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
 *    ETRUNK_A_MAX_LINKS. The events of E-Trunk groups are described under
 *    "E-Trunk groups" below; they do not name a trunk unless they are
 *    about a member trunk.
 *
 * E-Trunk groups
 * --------------
 *
 * The configuration of the E-Trunk peer protocol (etrunkd; its hellos
 * are below, "E-Trunk hellos"): two devices (e.g. two PEs) back each other
 * up for the member trunks bound to a group; etrunkd reads the groups
 * here, exchanges hellos with the peer and writes back each member
 * trunk's role and the peer's state. Groups live in a network namespace
 * (ids 1 to ETRUNK_GROUP_MAX, each id once per namespace), are only
 * visible from it, and go with it. The kernel stores and checks the
 * configuration and applies roles (ETRUNK_CMD_SET_ROLE); it sends no
 * hellos itself.
 *
 * A group is carried in an ETRUNK_A_GROUP nest (NLA_F_NESTED) of
 * ETRUNK_GROUP_A_* attributes:
 *
 *    ETRUNK_GROUP_A_ID: NLA_U32, 1 to ETRUNK_GROUP_MAX: names the group
 *        in every group command.
 *    ETRUNK_GROUP_A_PRIORITY: NLA_U8, rw, 1 to 254, lower wins the
 *        election; default ETRUNK_GROUP_DEFAULT_PRIORITY.
 *    ETRUNK_GROUP_A_SYSTEM: NLA_BINARY of exactly 6 bytes, rw, required
 *        at creation: the device's system ID, a unicast MAC address (all
 *        zeros, broadcast and multicast are refused with -EINVAL and an
 *        extack message, as ETRUNK_A_LACP_SYSTEM).
 *    ETRUNK_GROUP_A_PEER_ADDR, ETRUNK_GROUP_A_SOURCE_ADDR: NLA_BINARY of
 *        4 (IPv4) or 16 (IPv6) bytes, network order, rw, both required at
 *        creation: the peer's address and ours for the hellos. Both (and
 *        the liveness address, if any) must be of one family, also after
 *        a change, else -EINVAL "The addresses of a group must be of one
 *        family".
 *    ETRUNK_GROUP_A_LIVENESS_ADDR: NLA_BINARY of 0, 4 or 16 bytes, rw,
 *        optional: the backup-liveness address; 0 bytes removes it.
 *    ETRUNK_GROUP_A_PORT: NLA_U16, rw, 1 to 65535, the UDP port of the
 *        hellos; default ETRUNK_GROUP_DEFAULT_PORT.
 *    ETRUNK_GROUP_A_KEY: NLA_BINARY, write-only, 0 to ETRUNK_GROUP_KEY_MAX
 *        bytes: the HMAC-SHA256 key of the hellos; 0 bytes removes it.
 *        Never reported; ETRUNK_GROUP_A_KEY_SET says whether one is set.
 *    ETRUNK_GROUP_A_KEY_SET: NLA_U8, ro.
 *    ETRUNK_GROUP_A_HELLO_INTERVAL: NLA_U32, rw, milliseconds,
 *        ETRUNK_GROUP_MIN_HELLO_INTERVAL to ETRUNK_GROUP_MAX_HELLO_INTERVAL,
 *        default ETRUNK_GROUP_DEFAULT_HELLO_INTERVAL.
 *    ETRUNK_GROUP_A_HOLD_MULT: NLA_U8, rw, ETRUNK_GROUP_MIN_HOLD_MULT to
 *        255, default ETRUNK_GROUP_DEFAULT_HOLD_MULT: the peer is down
 *        after this many hello intervals without a valid hello.
 *    ETRUNK_GROUP_A_REVERT_DELAY: NLA_U32, rw, seconds, 0 to
 *        ETRUNK_GROUP_MAX_REVERT_DELAY, default
 *        ETRUNK_GROUP_DEFAULT_REVERT_DELAY.
 *    ETRUNK_GROUP_A_DESCRIPTION: NLA_NUL_STRING, rw, up to
 *        ETRUNK_GROUP_DESCR_MAX bytes before the NUL; "" removes it.
 *    ETRUNK_GROUP_A_PEER_STATE: NLA_U8, written by the daemon with
 *        ETRUNK_CMD_SET_GROUP_STATE only, enum etrunk_peer_state; a new
 *        group's is ETRUNK_PEER_UNKNOWN.
 *    ETRUNK_GROUP_A_HELLOS_TX, ETRUNK_GROUP_A_HELLOS_RX,
 *    ETRUNK_GROUP_A_AUTH_FAILURES, ETRUNK_GROUP_A_REPLAYS,
 *    ETRUNK_GROUP_A_DROPS, ETRUNK_GROUP_A_ROLE_CHANGES: NLA_U64
 *        (ETRUNK_GROUP_A_PAD aligns), the daemon's counters: hellos sent
 *        and accepted, dropped for a missing or wrong HMAC, dropped as
 *        replays, dropped for any other reason (not from the peer
 *        address, beyond the rate limit, malformed, another version or
 *        group, our own sent back), and role changes. Written with
 *        ETRUNK_CMD_SET_GROUP_STATE only (the kernel stores what it is
 *        given); 0 in a new group.
 *    ETRUNK_GROUP_A_TRUNKS: NLA_NESTED, ro: one ETRUNK_GROUP_A_TRUNK per
 *        bound member trunk, in bind order, each an ETRUNK_BIND_A_* nest
 *        as below.
 *
 * A member trunk's binding is an ETRUNK_A_BINDING nest (NLA_F_NESTED) of
 * ETRUNK_BIND_A_* attributes:
 *
 *    ETRUNK_BIND_A_IFINDEX: NLA_U32, ro: the trunk.
 *    ETRUNK_BIND_A_IFNAME: NLA_NUL_STRING, ro.
 *    ETRUNK_BIND_A_GROUP: NLA_U32, 1 to ETRUNK_GROUP_MAX: the group.
 *    ETRUNK_BIND_A_ID: NLA_U32, rw, 1 to 0xffffffff (0 is refused),
 *        required at binding: the member trunk's E-Trunk id, as the
 *        number of a vendor's "Eth-Trunk 10", by which the two devices
 *        name the trunk to each other (its ifindex differs between them).
 *        Unique within the group: a second member trunk with the same id
 *        is refused with -EEXIST, "Another member trunk of the group has
 *        this id".
 *    ETRUNK_BIND_A_MODE: NLA_U8, rw, enum etrunk_egroup_mode, default
 *        ETRUNK_EGROUP_MODE_AUTO.
 *    ETRUNK_BIND_A_REMOTE_ID: NLA_U32, rw, optional: the id of the peer's
 *        member trunk this one pairs with; absent: the same as ours
 *        (ETRUNK_BIND_A_ID). The hellos name the peer's trunk by the
 *        remote id if one is set, else by the id.
 *        ETRUNK_BIND_A_CLEAR_REMOTE_ID (NLA_FLAG) removes it.
 *    ETRUNK_BIND_A_BASIS: NLA_U8, rw, enum etrunk_egroup_basis, default
 *        ETRUNK_EGROUP_BASIS_PRIORITY.
 *    ETRUNK_BIND_A_ROLE: NLA_U8, enum etrunk_egroup_role, written with
 *        ETRUNK_CMD_SET_ROLE only (ETRUNK_EROLE_MASTER or _BACKUP); a new
 *        binding's is ETRUNK_EROLE_NONE.
 *    ETRUNK_BIND_A_REASON: NLA_U8, enum etrunk_egroup_reason, written
 *        with ETRUNK_BIND_A_ROLE: why the daemon chose the role.
 *    ETRUNK_BIND_A_REVERT_MS: NLA_U32, 0 to ETRUNK_GROUP_MAX_REVERT_DELAY
 *        * 1000, written with ETRUNK_BIND_A_ROLE and reason
 *        ETRUNK_EREASON_REVERT_WAIT only: in how many ms the revert delay
 *        runs out. Reported (counting down) while the reason is still
 *        ETRUNK_EREASON_REVERT_WAIT and the time has not run out.
 *
 * A group or binding attribute a command does not take (one that is ro,
 * or written by another command) is refused with -EINVAL and an extack
 * message naming the command that writes it, pointing at the attribute.
 * No such group: -ENOENT, "No such E-Trunk group".
 *
 * ETRUNK_CMD_NEW_GROUP
 *    ETRUNK_A_GROUP with ETRUNK_GROUP_A_ID, ETRUNK_GROUP_A_SYSTEM,
 *    ETRUNK_GROUP_A_PEER_ADDR and ETRUNK_GROUP_A_SOURCE_ADDR, and any of
 *    the other rw attributes (the others take their defaults). -EEXIST if
 *    the id is taken. No reply payload. Event ETRUNK_EVENT_GROUP_ADDED.
 *
 * ETRUNK_CMD_SET_GROUP
 *    ETRUNK_A_GROUP with ETRUNK_GROUP_A_ID and any rw attributes; all are
 *    applied or none. Event ETRUNK_EVENT_GROUP_CHANGED.
 *
 * ETRUNK_CMD_DEL_GROUP
 *    ETRUNK_A_GROUP with ETRUNK_GROUP_A_ID. A group with bound member
 *    trunks is not deleted: -EBUSY, "The group has member trunks; unbind
 *    them first" (so deleting a group never changes a trunk's role
 *    behind the daemon's back). Event ETRUNK_EVENT_GROUP_REMOVED.
 *
 * ETRUNK_CMD_GET_GROUP
 *    Without NLM_F_DUMP: ETRUNK_A_GROUP with ETRUNK_GROUP_A_ID; the reply
 *    is one group message. With NLM_F_DUMP: no attributes; one message
 *    per group of the namespace, in id order. A group message holds
 *    ETRUNK_A_GROUP with every attribute above but the key (the liveness
 *    address and the description only when set), up to
 *    ETRUNK_GROUP_MAX_TRUNKS bindings in ETRUNK_GROUP_A_TRUNKS.
 *
 * ETRUNK_CMD_BIND_TRUNK
 *    ETRUNK_A_IFINDEX or ETRUNK_A_IFNAME names a trunk in mode lacp or
 *    backup (a device that is not a trunk: -ENODEV, "The device is not a
 *    trunk"; mode loadbalance: -EINVAL, "E-Trunk member trunks are in
 *    mode lacp or backup"); ETRUNK_A_BINDING with ETRUNK_BIND_A_GROUP and
 *    ETRUNK_BIND_A_ID (without it: -EINVAL, "ETRUNK_BIND_A_ID is
 *    required: ...", pointing at the nest) and optionally
 *    ETRUNK_BIND_A_MODE, _REMOTE_ID and _BASIS. A trunk is
 *    bound to one group at most: -EBUSY, "The trunk is already bound to
 *    an E-Trunk group"; a full group: -ENOSPC. While bound, the trunk
 *    cannot leave modes lacp and backup. The binding goes when the trunk
 *    is deleted (NETDEV_UNREGISTER), with an ETRUNK_EVENT_TRUNK_UNBOUND.
 *    Event ETRUNK_EVENT_TRUNK_BOUND.
 *
 * ETRUNK_CMD_SET_BINDING
 *    The trunk, and ETRUNK_A_BINDING with any of ETRUNK_BIND_A_ID (unique
 *    in the group as at binding), _MODE, _REMOTE_ID, _CLEAR_REMOTE_ID and
 *    _BASIS (ETRUNK_BIND_A_GROUP, if
 *    given, must be the trunk's group, else -EBUSY: moving takes an
 *    unbind). -ENOENT,
 *    "The trunk is not bound to an E-Trunk group", if it is not. Event
 *    ETRUNK_EVENT_TRUNK_BINDING.
 *
 * ETRUNK_CMD_UNBIND_TRUNK
 *    The trunk; -ENOENT if it is not bound. A trunk in mode lacp keeps
 *    its ETRUNK_A_LACP_ROLE; a trunk in mode backup that was in role
 *    backup chooses its master again (see ETRUNK_CMD_SET_ROLE); a trunk
 *    deleted while bound just releases its members. Event
 *    ETRUNK_EVENT_TRUNK_UNBOUND.
 *
 * ETRUNK_CMD_SET_ROLE
 *    The daemon's verdict: the trunk (bound; -ENOENT otherwise) and
 *    ETRUNK_A_BINDING with ETRUNK_BIND_A_ROLE (master or backup) and
 *    optionally ETRUNK_BIND_A_REASON (default ETRUNK_EREASON_NONE). A
 *    trunk in mode lacp takes it as its LACP role (ETRUNK_A_LACP_ROLE,
 *    with the ETRUNK_EVENT_TRUNK_CHANGED that follows a change). A trunk
 *    in mode backup stands by as a whole in role backup: both members
 *    are in standby with reason ETRUNK_REASON_EROLE_BACKUP (unless a
 *    failed link, admin or probing comes first), there is no master
 *    (ETRUNK_A_ACTIVE_MEMBER 0), the trunk sends nothing (no flush
 *    frames or gratuitous ARP either) and has no carrier, and frames
 *    received on either member are dropped and counted as on a backup
 *    member (flush frames are checked and counted, but make no member
 *    master). A member that gets its carrier back stays in standby.
 *    Role master, or unbinding, lets the trunk choose its master as an
 *    unbound one does (the designated master if usable, else the member
 *    usable the longest): a switchover with ETRUNK_SWITCH_EROLE, with the
 *    flush frames and gratuitous ARP of any switchover. Role none (a new
 *    binding) is an unbound trunk's behaviour. Event
 *    ETRUNK_EVENT_TRUNK_ROLE when the role or the reason changed.
 *
 * ETRUNK_CMD_SET_GROUP_STATE
 *    The daemon's view of the peer: ETRUNK_A_GROUP with ETRUNK_GROUP_A_ID
 *    and any of ETRUNK_GROUP_A_PEER_STATE and the counters. Event
 *    ETRUNK_EVENT_GROUP_STATE (so a daemon should write counters at a
 *    modest rate, e.g. with a peer state change or every few seconds).
 *
 * ETRUNK_CMD_GET_GROUP_KEY
 *    For the daemon, which signs and checks hellos with the key: the
 *    request is ETRUNK_A_GROUP with ETRUNK_GROUP_A_ID only; the reply is
 *    ETRUNK_A_GROUP with ETRUNK_GROUP_A_ID and ETRUNK_GROUP_A_KEY (0
 *    bytes: none). Needs CAP_NET_ADMIN, as every command that changes
 *    something; GET_GROUP, which anyone may send, never carries the key.
 *
 * Group events (see ETRUNK_CMD_EVENT) carry ETRUNK_A_EVENT,
 * ETRUNK_A_EVENT_SEQ and ETRUNK_A_GROUP as in a group message, without
 * ETRUNK_GROUP_A_TRUNKS; member-trunk events (ETRUNK_EVENT_TRUNK_*) the
 * trunk's ETRUNK_A_IFINDEX and ETRUNK_A_IFNAME and ETRUNK_A_BINDING.
 * Changes made by the daemon are sent as any other, so several
 * listeners see one state.
 *
 * E-Trunk hellos
 * --------------
 *
 * The daemons of a group's two devices send each other a hello over UDP,
 * from the group's source address to its peer address, to its port
 * (ETRUNK_GROUP_DEFAULT_PORT unless configured), every hello interval and
 * at once when a member trunk's state or role changes; the kernel never
 * sees them. Version 1, every field big-endian:
 *
 *    offset size field
 *     0     4    magic "ETKP" (0x45544b50)
 *     4     1    version, 1 (others are dropped)
 *     5     1    type, 1 = hello
 *     6     2    flags: bit 0, an HMAC follows the records; others zero
 *     8     2    length of the packet, 40 + 24 * n (+ 32 with the HMAC),
 *                equal to the UDP payload's
 *    10     1    group id, 1 to ETRUNK_GROUP_MAX
 *    11     1    the sender's group priority, 1 to 254, lower wins
 *    12     6    the sender's system ID (ETRUNK_GROUP_A_SYSTEM)
 *    18     1    hold multiplier: the receiver declares the sender down
 *                after interval * multiplier without a valid hello
 *    19     1    n, member-trunk records, 0 to 48
 *    20     4    hello interval, ms
 *    24     8    epoch: chosen per daemon start, greater than every
 *                earlier one, not zero
 *    32     8    sequence number, from 1 per epoch, +1 per hello; a hello
 *                whose (epoch, sequence) is not above the last accepted
 *                is a replay and dropped
 *    40  24*n    records, each: trunk id (4, ETRUNK_BIND_A_ID), peer trunk
 *                id (4, the remote id if set, else the id), mode (1, enum
 *                etrunk_egroup_mode), basis (1, enum etrunk_egroup_basis),
 *                state (1: 0 no available link, 1 up, 2 administratively
 *                down), role (1, enum etrunk_egroup_role), available links
 *                (2), reserved (2, zero), available bandwidth in Mb/s (8)
 *  40+24n  32    HMAC-SHA256 with the group's key over everything before
 *                it, when flag bit 0 is set (required when a key is set)
 *
 * 48 records at most: 1224 bytes, so that a hello fits IPv6's minimum
 * MTU and is never fragmented. The README ("E-Trunk hellos, byte by
 * byte") gives the receiver's checks in order, the election and the
 * revert delay.
 *
 * BFD sessions
 * ------------
 *
 * The configuration of etrunkd's BFD (RFC 5880 asynchronous mode, RFC
 * 5881 single hop, RFC 5883 multihop, RFC 7130 micro-BFD on each member
 * of a trunk). As for groups, the kernel stores and checks it and the
 * state etrunkd writes back; etrunkd runs the sessions. Sessions live in
 * a network namespace, named (unique per namespace), only visible from
 * it, and go with it; at most ETRUNK_BFD_MAX_SESSIONS per namespace.
 *
 * A session is carried in an ETRUNK_A_BFD nest (NLA_F_NESTED) of
 * ETRUNK_BFD_A_* attributes:
 *
 *    ETRUNK_BFD_A_NAME: NLA_NUL_STRING, 1 to ETRUNK_BFD_NAME_MAX bytes
 *        before the NUL, letters, digits, '-', '_' and '.': names the
 *        session in every BFD command.
 *    ETRUNK_BFD_A_TYPE: NLA_U8, enum etrunk_bfd_type, set at creation
 *        only, default ETRUNK_BFD_SINGLE_HOP.
 *    ETRUNK_BFD_A_PEER_ADDR, ETRUNK_BFD_A_SOURCE_ADDR: NLA_BINARY of 4 or
 *        16 bytes, network order, rw: the peer's address (required at
 *        creation) and ours (required for multihop and micro-BFD; single
 *        hop: optional, 0 bytes removes it). One family, else -EINVAL
 *        "The addresses of a session must be of one family".
 *    ETRUNK_BFD_A_IFINDEX / ETRUNK_BFD_A_IFNAME: NLA_U32 / NLA_NUL_STRING,
 *        rw (a request may give either; a reply has both): the interface
 *        of a single-hop session (optional, 0 removes it) or the trunk of
 *        a micro-BFD session (required: a trunk, else -ENODEV "The device
 *        is not a trunk"). Multihop takes none (-EINVAL). The session is
 *        deleted with the device (event ETRUNK_EVENT_BFD_REMOVED).
 *    ETRUNK_BFD_A_LOCAL_DISCR: NLA_U32, rw: 1 to ETRUNK_BFD_STATIC_DISCR_MAX
 *        for a static session (unique per namespace: -EEXIST "Another
 *        session has this local discriminator"); absent at creation, the
 *        kernel picks one above ETRUNK_BFD_STATIC_DISCR_MAX (a dynamic
 *        discriminator). Micro-BFD sessions take none: etrunkd picks
 *        each member's (see ETRUNK_BFD_A_LINKS).
 *    ETRUNK_BFD_A_REMOTE_DISCR: NLA_U32, rw (not micro-BFD), 0 to
 *        ETRUNK_BFD_STATIC_DISCR_MAX: a static session's expected peer
 *        discriminator (its "your discriminator" must mirror our local one
 *        and its "my discriminator" this one, else the packet is dropped
 *        and counted); 0 (default): learned from the peer's packets, as
 *        a dynamic session does.
 *    ETRUNK_BFD_A_MIN_TX, ETRUNK_BFD_A_MIN_RX: NLA_U32, rw, microseconds,
 *        ETRUNK_BFD_MIN_INTERVAL to ETRUNK_BFD_MAX_INTERVAL, default
 *        ETRUNK_BFD_DEFAULT_INTERVAL: Desired Min TX Interval and Required
 *        Min RX Interval.
 *    ETRUNK_BFD_A_MULT: NLA_U8, rw, 1 to 255, default
 *        ETRUNK_BFD_DEFAULT_MULT: Detect Mult.
 *    ETRUNK_BFD_A_ADMIN_DOWN: NLA_U8, rw, 0 or 1: 1 holds the session in
 *        AdminDown (it tells the peer so with diagnostic 7).
 *    ETRUNK_BFD_A_AUTH_TYPE: NLA_U8, rw, enum etrunk_bfd_auth, default
 *        none; ETRUNK_BFD_A_AUTH_KEY_ID: NLA_U8, rw, the Auth Key ID;
 *        ETRUNK_BFD_A_AUTH_KEY: NLA_BINARY, write-only, 1 to 16 bytes
 *        (simple password, RFC 5880 4.2, and MD5 types) or 1 to 20 (SHA1
 *        types), else -EINVAL; required with a type other than none
 *        (-EINVAL "The authentication type needs a key"); 0 bytes removes
 *        it;
 *        ETRUNK_BFD_A_AUTH_KEY_SET: NLA_U8, ro. ETRUNK_CMD_GET_BFD_KEY
 *        reads the key (admin only), as ETRUNK_CMD_GET_GROUP_KEY.
 *    ETRUNK_BFD_A_GROUP: NLA_U32, ro: the E-Trunk group that owns a
 *        dynamic session (see ETRUNK_GROUP_A_BFD), 0 for a configured one.
 *        An owned session is changed and deleted through its group only:
 *        -EBUSY "The session belongs to E-Trunk group N".
 *
 *    Written by etrunkd with ETRUNK_CMD_SET_BFD_STATE only (a new
 *    session's are all 0 but ETRUNK_BFD_A_STATE, ETRUNK_BFD_STATE_DOWN,
 *    or ADMIN_DOWN when so configured, and ETRUNK_BFD_A_REMOTE_STATE,
 *    ETRUNK_BFD_STATE_DOWN as RFC 5880 section 6.8.1 starts it: 0 would
 *    read as a peer in AdminDown):
 *    ETRUNK_BFD_A_STATE, ETRUNK_BFD_A_REMOTE_STATE: NLA_U8, enum
 *        etrunk_bfd_state (RFC 5880 values). The kernel notes when the
 *        state last changed: ETRUNK_BFD_A_CHANGE_AGE, NLA_U64, ro, ms ago.
 *    ETRUNK_BFD_A_DIAG, ETRUNK_BFD_A_REMOTE_DIAG: NLA_U8, enum
 *        etrunk_bfd_diag: ours (why the session last went down) and the
 *        peer's.
 *    ETRUNK_BFD_A_PEER_DISCR: NLA_U32: the peer's discriminator in use.
 *    ETRUNK_BFD_A_TX_INTERVAL, ETRUNK_BFD_A_DETECT_TIME: NLA_U32, us: the
 *        negotiated transmit interval and detection time (0 until the
 *        peer is heard).
 *    ETRUNK_BFD_A_REMOTE_MIN_TX, ETRUNK_BFD_A_REMOTE_MIN_RX: NLA_U32, us;
 *        ETRUNK_BFD_A_REMOTE_MULT: NLA_U8: what the peer last sent.
 *    ETRUNK_BFD_A_PKTS_TX, ETRUNK_BFD_A_PKTS_RX, ETRUNK_BFD_A_DROPS,
 *    ETRUNK_BFD_A_AUTH_FAILURES, ETRUNK_BFD_A_UPS, ETRUNK_BFD_A_DOWNS:
 *        NLA_U64 (ETRUNK_BFD_A_PAD aligns): packets sent and accepted,
 *        dropped for another reason than authentication (short, version,
 *        length, discriminators, TTL, demand), dropped by authentication,
 *        transitions to Up and from Up to Down.
 *    ETRUNK_BFD_A_LINKS: NLA_NESTED, micro-BFD only: one ETRUNK_BFD_A_LINK
 *        per member of the trunk, each an ETRUNK_BFD_LINK_A_* nest: the
 *        member (ETRUNK_BFD_LINK_A_IFINDEX, _IFNAME), its session's
 *        ETRUNK_BFD_LINK_A_STATE, _REMOTE_STATE, _DIAG (NLA_U8),
 *        _LOCAL_DISCR, _PEER_DISCR (NLA_U32), _UPS and _DOWNS (NLA_U64).
 *        The session-level attributes above then sum (counters) or
 *        summarise (state: Up when every member's session is Up) them:
 *        etrunkd writes both, the kernel stores them as written.
 *        Written whole by each ETRUNK_CMD_SET_BFD_STATE that has it, up
 *        to ETRUNK_MAX_MEMBERS links.
 *
 * ETRUNK_CMD_NEW_BFD
 *    ETRUNK_A_BFD with ETRUNK_BFD_A_NAME, ETRUNK_BFD_A_PEER_ADDR, what the
 *    type requires and any rw attribute. -EEXIST if the name is taken.
 *    Event ETRUNK_EVENT_BFD_ADDED.
 * ETRUNK_CMD_SET_BFD
 *    ETRUNK_A_BFD with ETRUNK_BFD_A_NAME and any rw attributes; all are
 *    applied or none. Event ETRUNK_EVENT_BFD_CHANGED (etrunkd then runs a
 *    Poll sequence for new intervals, RFC 5880 section 6.8.3).
 * ETRUNK_CMD_DEL_BFD
 *    ETRUNK_A_BFD with ETRUNK_BFD_A_NAME. A session a group is bound to
 *    (ETRUNK_GROUP_A_BFD_SESSION) is not deleted: -EBUSY "E-Trunk group N
 *    is bound to the session". Event ETRUNK_EVENT_BFD_REMOVED.
 * ETRUNK_CMD_GET_BFD
 *    ETRUNK_A_BFD with ETRUNK_BFD_A_NAME, or NLM_F_DUMP for every session
 *    of the namespace in creation order; every attribute but the key.
 * ETRUNK_CMD_SET_BFD_STATE
 *    etrunkd: ETRUNK_A_BFD with ETRUNK_BFD_A_NAME and any of the written
 *    attributes. Event ETRUNK_EVENT_BFD_STATE when the state (or a link's)
 *    changed, not for counters alone.
 * ETRUNK_CMD_GET_BFD_KEY
 *    As ETRUNK_CMD_GET_GROUP_KEY: ETRUNK_A_BFD with the name; the reply
 *    has the name and ETRUNK_BFD_A_AUTH_KEY (0 bytes: none). Admin only.
 *
 * E-Trunk groups and BFD: ETRUNK_GROUP_A_BFD_SESSION (NLA_NUL_STRING, rw,
 * "" unbinds) binds the group to a configured session (no such session:
 * -ENOENT "No such BFD session"); ETRUNK_GROUP_A_BFD (NLA_U8, rw, 0 or 1)
 * instead makes the kernel keep a dynamic single-hop session named
 * "e-trunk-<id>" from the group's source to its peer address, with
 * ETRUNK_GROUP_A_BFD_MIN_TX, _MIN_RX (NLA_U32, us) and _BFD_MULT (NLA_U8)
 * (defaults as a session's), owned by the group (ETRUNK_BFD_A_GROUP) and
 * deleted with it or with ETRUNK_GROUP_A_BFD 0. A bound group's peer is
 * down the moment its session leaves Up (etrunkd, peer state
 * ETRUNK_PEER_DOWN_BFD) instead of after the hold time; the hellos still
 * decide when it is up.
 *
 * Micro-BFD (RFC 7130): etrunkd runs one session per member over UDP
 * port 6784 to the MAC address 01:00:5e:90:00:01, from the session's
 * source to its peer address, and takes a member out of the trunk
 * (ETRUNK_CMD_SET_MEMBER, ETRUNK_MEMBER_A_ADMIN_UP 0, reason
 * ETRUNK_REASON_ADMIN) when its session goes from Up to Down, or has not
 * come Up within ETRUNK_BFD_MICRO_START_MS of etrunkd starting; back in
 * (admin up) when it comes Up.
 *
 * Remote backup (RBS and RBP)
 * ---------------------------
 *
 * The configuration of etrunkd's remote backup: over one TCP connection
 * per remote backup service (RBS) the two devices of an E-Trunk hot-back
 * up each other's ARP/ND and IGMP/MLD snooping entries, so that after a
 * switchover the new master forwards at once. Remote backup profiles
 * (RBP) say what is backed up: the entry kinds of one trunk, over one
 * service. As for groups, the kernel stores and checks the configuration
 * and the state etrunkd writes back; etrunkd runs the channel and
 * installs the entries. Services and profiles live in a network
 * namespace, each named (unique per namespace among its kind), only
 * visible from it, and go with it; at most ETRUNK_RBS_MAX_SERVICES
 * services and ETRUNK_RBP_MAX_PROFILES profiles per namespace (-ENOSPC).
 *
 * A service is carried in an ETRUNK_A_RBS nest (NLA_F_NESTED) of
 * ETRUNK_RBS_A_* attributes:
 *
 *    ETRUNK_RBS_A_NAME: NLA_NUL_STRING, 1 to ETRUNK_RBS_NAME_MAX bytes
 *        before the NUL, letters, digits, '-', '_' and '.' (else -EINVAL
 *        "Names are letters, digits, '-', '_' and '.'"): names the
 *        service in every RBS command.
 *    ETRUNK_RBS_A_PEER_ADDR, ETRUNK_RBS_A_SOURCE_ADDR: NLA_BINARY of 4
 *        (IPv4) or 16 (IPv6) bytes, network order, rw, both required at
 *        creation: the peer's address and ours. One family, also after a
 *        change, else -EINVAL "The addresses of a service must be of one
 *        family". Unique with the port: another service with the same
 *        peer address and port is refused with -EEXIST "Another service
 *        has this peer address and port" (etrunkd tells the connections
 *        apart by the peer's address and the port).
 *    ETRUNK_RBS_A_PORT: NLA_U16, rw, 1 to 65535, default
 *        ETRUNK_RBS_DEFAULT_PORT: the TCP port, the same on both sides.
 *    ETRUNK_RBS_A_KEY: NLA_BINARY, write-only, 0 to ETRUNK_RBS_KEY_MAX
 *        bytes: the HMAC-SHA256 key of the channel's messages; 0 bytes
 *        removes it. Never reported; ETRUNK_RBS_A_KEY_SET says whether one
 *        is set, ETRUNK_CMD_GET_RBS_KEY reads it (admin only).
 *    ETRUNK_RBS_A_KEY_SET: NLA_U8, ro.
 *    ETRUNK_RBS_A_HOLD_TIME: NLA_U32, rw, seconds, 0 to
 *        ETRUNK_RBS_MAX_HOLD_TIME, default ETRUNK_RBS_DEFAULT_HOLD_TIME:
 *        how long the entries installed from the peer stay after the
 *        channel went down (0: removed at once).
 *    ETRUNK_RBS_A_KEEPALIVE: NLA_U32, rw, milliseconds,
 *        ETRUNK_RBS_MIN_KEEPALIVE to ETRUNK_RBS_MAX_KEEPALIVE, default
 *        ETRUNK_RBS_DEFAULT_KEEPALIVE: a keepalive goes every interval
 *        without other traffic; the channel is dead after
 *        ETRUNK_RBS_KEEPALIVE_MULT intervals without a valid message.
 *    ETRUNK_RBS_A_DESCRIPTION: NLA_NUL_STRING, rw, up to
 *        ETRUNK_RBS_DESCR_MAX bytes before the NUL; "" removes it.
 *
 *    Written by etrunkd with ETRUNK_CMD_SET_RBS_STATE only (a new
 *    service's are all 0: ETRUNK_RBS_DOWN, no counts, no sync):
 *    ETRUNK_RBS_A_STATE: NLA_U8, enum etrunk_rbs_state. The kernel notes
 *        when it last changed: ETRUNK_RBS_A_STATE_AGE, NLA_U64, ro, ms
 *        ago (absent before the first change).
 *    ETRUNK_RBS_A_CONNECTS: NLA_U64: how many times the channel came up
 *        (authenticated, when a key is set).
 *    ETRUNK_RBS_A_AUTH_FAILURES: NLA_U64: connections or messages refused
 *        for a missing or wrong HMAC.
 *    ETRUNK_RBS_A_ERRORS: NLA_U64: connections dropped for another error
 *        (malformed message, other version, sequence number out of
 *        order, reset by the peer, keepalive timeout).
 *    ETRUNK_RBS_A_LAST_SYNC_DURATION: NLA_U32, ms: how long the last full
 *        (bulk) sync took, from the connection coming up to the peer's
 *        end-of-sync. Writing it marks the time the sync ended: the kernel
 *        reports ETRUNK_RBS_A_LAST_SYNC_AGE, NLA_U64, ro, ms since then;
 *        both are absent before the first full sync.
 *    ETRUNK_RBS_A_PAD: alignment of the NLA_U64 attributes.
 *
 * A profile is carried in an ETRUNK_A_RBP nest (NLA_F_NESTED) of
 * ETRUNK_RBP_A_* attributes:
 *
 *    ETRUNK_RBP_A_NAME: NLA_NUL_STRING, as ETRUNK_RBS_A_NAME (profiles
 *        and services have separate names).
 *    ETRUNK_RBP_A_SERVICE: NLA_NUL_STRING, rw, required at creation: the
 *        name of an existing service, else -ENOENT "No such remote backup
 *        service". A service in use by profiles is not deleted (see
 *        ETRUNK_CMD_DEL_RBS).
 *    ETRUNK_RBP_A_BACKUP_ID: NLA_U32, rw, 1 to 0xffffffff, required at
 *        creation: names the profile to the peer, equal on both sides;
 *        unique per service: -EEXIST "Another profile of the service has
 *        this backup id" (also when a change of service or id would make
 *        two).
 *    ETRUNK_RBP_A_TYPE: NLA_U8, rw, enum etrunk_rbp_type, default
 *        ETRUNK_RBP_HOT (the only type).
 *    ETRUNK_RBP_A_KINDS: NLA_U32, rw, a mask of ETRUNK_RBP_KIND_* bits, 1
 *        to ETRUNK_RBP_KINDS_ALL, default ETRUNK_RBP_KINDS_ALL: the entry
 *        kinds the profile carries.
 *    ETRUNK_RBP_A_IFINDEX / ETRUNK_RBP_A_IFNAME: NLA_U32 / NLA_NUL_STRING,
 *        rw, required at creation (a request may give either, or both
 *        naming the same device; a reply has both): the trunk the profile
 *        is bound to (no such device: -ENODEV "No such device"; not a
 *        trunk: -ENODEV "The device is not a trunk"). The profile is
 *        deleted with the trunk (event ETRUNK_EVENT_RBP_REMOVED).
 *    ETRUNK_RBP_A_GROUP, ETRUNK_RBP_A_TRUNK_ID: NLA_U32, ro: the E-Trunk
 *        group and the member-trunk id (ETRUNK_BIND_A_ID) of the trunk's
 *        binding at the time of the reply, 0 while the trunk is not bound:
 *        the profile follows its trunk's binding, there is nothing to set.
 *
 *    Written by etrunkd with ETRUNK_CMD_SET_RBP_STATE only (0 in a new
 *    profile):
 *    ETRUNK_RBP_A_STATS: NLA_NESTED of ETRUNK_RBP_A_KIND_STATS nests, one
 *        per kind, each of ETRUNK_RBP_KS_A_*: ETRUNK_RBP_KS_A_KIND
 *        (NLA_U8, enum etrunk_rbp_kind, the bit index; required in each
 *        nest, each kind once), and NLA_U64 counters (ETRUNK_RBP_KS_A_PAD
 *        aligns): _SENT (entries and deletions sent to the peer),
 *        _RECEIVED (received from it), _INSTALLED (entries installed from
 *        the peer), _REMOVED (installed entries removed: deleted by the
 *        peer, after the hold time, or replaced by a local one),
 *        _ENTRIES (the entries installed from the peer now) and _FAILED
 *        (installs of the peer's entries the kernel refused, e.g. an MDB
 *        entry of a VLAN the bridge has not configured, with per-VLAN
 *        snooping; a neighbour on an interface that just went: such an
 *        entry is not counted in _INSTALLED nor _ENTRIES, and is tried
 *        again, counted again if refused again, when etrunkd reads the
 *        tables again after a link change, when the trunk's bridge port
 *        or the bridge changes (VLANs: RTM_NEWLINK of family AF_BRIDGE),
 *        when a local entry with its key goes, or when the peer sends it
 *        again). A write sets the counters it carries of the kinds it
 *        names; the others keep their values. Reported: one nest per
 *        kind the profile carries, in bit order.
 *
 * A service or profile attribute a command does not take (one that is
 * ro, or written by another command) is refused with -EINVAL and an
 * extack message naming the command that writes it, pointing at the
 * attribute. No such service: -ENOENT "No such remote backup service";
 * no such profile: -ENOENT "No such remote backup profile".
 *
 * ETRUNK_CMD_NEW_RBS
 *    ETRUNK_A_RBS with ETRUNK_RBS_A_NAME, ETRUNK_RBS_A_PEER_ADDR and
 *    ETRUNK_RBS_A_SOURCE_ADDR, and any of the other rw attributes. -EEXIST
 *    if the name is taken. Event ETRUNK_EVENT_RBS_ADDED.
 * ETRUNK_CMD_SET_RBS
 *    ETRUNK_A_RBS with ETRUNK_RBS_A_NAME and any rw attributes; all are
 *    applied or none. Event ETRUNK_EVENT_RBS_CHANGED (etrunkd then
 *    reconnects if the addresses, the port or the key changed).
 * ETRUNK_CMD_DEL_RBS
 *    ETRUNK_A_RBS with ETRUNK_RBS_A_NAME. A service profiles use is not
 *    deleted: -EBUSY "Profiles use the service; delete them first". Event
 *    ETRUNK_EVENT_RBS_REMOVED.
 * ETRUNK_CMD_GET_RBS
 *    ETRUNK_A_RBS with ETRUNK_RBS_A_NAME, or NLM_F_DUMP (no attributes)
 *    for every service of the namespace in creation order; every
 *    attribute but the key (the description only when set).
 * ETRUNK_CMD_SET_RBS_STATE
 *    etrunkd: ETRUNK_A_RBS with ETRUNK_RBS_A_NAME and any of the written
 *    attributes. Event ETRUNK_EVENT_RBS_STATE when the state changed or
 *    a sync duration was written, not for counters alone.
 * ETRUNK_CMD_GET_RBS_KEY
 *    As ETRUNK_CMD_GET_GROUP_KEY: ETRUNK_A_RBS with the name only; the
 *    reply has the name and ETRUNK_RBS_A_KEY (0 bytes: none). Admin only.
 * ETRUNK_CMD_NEW_RBP
 *    ETRUNK_A_RBP with ETRUNK_RBP_A_NAME, ETRUNK_RBP_A_SERVICE,
 *    ETRUNK_RBP_A_BACKUP_ID and the trunk, and any of the other rw
 *    attributes. -EEXIST if the name is taken. Event
 *    ETRUNK_EVENT_RBP_ADDED.
 * ETRUNK_CMD_SET_RBP
 *    ETRUNK_A_RBP with ETRUNK_RBP_A_NAME and any rw attributes; all are
 *    applied or none. Event ETRUNK_EVENT_RBP_CHANGED.
 * ETRUNK_CMD_DEL_RBP
 *    ETRUNK_A_RBP with ETRUNK_RBP_A_NAME. Event ETRUNK_EVENT_RBP_REMOVED
 *    (etrunkd then removes the entries it installed for the profile).
 * ETRUNK_CMD_GET_RBP
 *    ETRUNK_A_RBP with ETRUNK_RBP_A_NAME, or NLM_F_DUMP (no attributes)
 *    for every profile of the namespace in creation order.
 * ETRUNK_CMD_SET_RBP_STATE
 *    etrunkd: ETRUNK_A_RBP with ETRUNK_RBP_A_NAME and ETRUNK_RBP_A_STATS.
 *    Event ETRUNK_EVENT_RBP_STATE for every write (so a daemon writes
 *    counters at a modest rate, e.g. every few seconds and at the end of
 *    a full sync).
 *
 * Events carry ETRUNK_A_EVENT, ETRUNK_A_EVENT_SEQ and ETRUNK_A_RBS or
 * ETRUNK_A_RBP as in a reply (a removal event has the last state).
 *
 * What the channel carries (etrunkd; the README gives the message format
 * byte by byte): each side sends its local entries (not those it
 * installed from the peer) of each profile's kinds on the profile's trunk
 * (the trunk, its VLAN sub-interfaces and the bridge VLAN interfaces over
 * it; for IGMP and MLD the bridge MDB entries whose port is the trunk),
 * whatever its E-Trunk role: a full sync whenever the channel comes up,
 * then each change. The receiver finds its profile by (service, backup
 * id), the interface by its relation to its trunk (the trunk itself, the
 * VLAN id of a sub-interface, the bridge and VLAN), and installs
 * neighbours with NTF_EXT_LEARNED (so the neighbour garbage collector
 * leaves them) and NDA_PROTOCOL ETRUNK_RBS_RTPROT, which tells them apart
 * from local ones. It never replaces a local entry (one without
 * NTF_EXT_LEARNED or of another protocol): an entry learned on both sides
 * stays local on each, which is deterministic in active-active set-ups.
 * MDB entries are installed permanent (with ETRUNK_RBS_RTPROT where the
 * kernel takes MDBE_ATTR_RTPROT, Linux 6.3 and later; etrunkd keeps its own
 * list of what it installed either way). Installed entries go when the
 * peer deletes them, when the profile goes, or ETRUNK_RBS_A_HOLD_TIME
 * after the channel went down.
 *
 * Flush frames
 * ------------
 *
 * After a switchover the new master of a trunk in mode backup sends
 * IFLA_ETRUNK_FLUSH_COUNT flush frames, IFLA_ETRUNK_FLUSH_INTERVAL apart,
 * once untagged and once on each 802.1Q VLAN the trunk carries (VLAN
 * devices on it, bridge VLANs of it as a bridge port). They tell every
 * device on the path that the MAC addresses behind the trunk moved:
 *
 *    Destination MAC   ETRUNK_FLUSH_DEST, 03:45:54:52:4b:46, a locally
 *                      administered group address: bridges flood it like
 *                      any multicast, so it reaches every device on the
 *                      path (an 01:80:c2 address would stop at the first
 *                      bridge)
 *    Source MAC        the trunk's MAC address
 *    [802.1Q tag]      on the copies sent on a VLAN
 *    EtherType         ETRUNK_FLUSH_ETHERTYPE, 0x88b5 (IEEE 802 Local
 *                      Experimental EtherType 1)
 *
 * followed by the PDU, struct etrunk_flush_hdr, all fields big-endian:
 *
 *    offset size field
 *     0     4    magic, ETRUNK_FLUSH_MAGIC, "ETRK"
 *     4     1    version, ETRUNK_FLUSH_VERSION (1)
 *     5     1    type, ETRUNK_FLUSH_TYPE_FLUSH (1)
 *     6     2    flags: ETRUNK_FLUSH_F_HMAC (bit 0), the others zero
 *     8     2    length of the PDU in bytes, offset 0 up to the end of the
 *                HMAC: 32 + 2 * n (+ 32 with the HMAC). Ethernet padding
 *                after it is ignored.
 *    10     6    system: the MAC address of the sending trunk
 *    16     4    trunk id: the sending trunk's ifindex
 *    20     2    reserved, zero
 *    22     2    n, the number of VLAN IDs that follow; 0: all VLANs
 *    24     8    sequence number: starts at the sender's CLOCK_REALTIME in
 *                nanoseconds when the trunk is created and grows by one
 *                with every frame, so it keeps growing across restarts
 *    32   2*n    VLAN IDs, 1 to 4094, n at most ETRUNK_FLUSH_MAX_VLANS
 *  32+2n   32    HMAC-SHA256 of bytes 0 to 32+2n-1 with the key, present
 *                when ETRUNK_FLUSH_F_HMAC is set
 *
 * An untagged copy lists no VLAN (all); a copy on VLAN v lists v.
 *
 * A receiver (a trunk member or a bridge port with flush-receive) drops
 * and counts, in this order of checks: frames beyond its token bucket
 * (ETRUNK_FLUSH_RX_BURST frames, refilled at ETRUNK_FLUSH_RX_RATE per
 * second: rate), frames shorter than their header or length field, with
 * a bad magic, type or length, or non-zero reserved bits (malformed), of
 * another version (version), without a valid HMAC when a key is set
 * (auth), and with a sequence number not above the last one accepted from
 * the same system and trunk id (replay; the receiver remembers the last
 * ETRUNK_FLUSH_RX_SENDERS senders). Without a key, an HMAC in the frame is
 * not checked. A bridge port that accepts a frame removes, for the VLANs
 * the frame lists and the port's setting allows (or all), the dynamic FDB
 * entries learned on every flush-receive port of its bridge, so the stale
 * entries of the old path (another port) go as well as those of the port
 * the frame came in on. A bridge floods the frame on as any multicast.
 *
 * LACP
 * ----
 *
 * In mode lacp every member runs the Link Aggregation Control Protocol
 * of IEEE 802.1AX (version 1 LACPDUs, EtherType 0x8809 "slow protocols",
 * subtype 1, to 01:80:c2:00:00:02 from the member's own MAC address) in
 * the module: the receive machine (partner information current, expired
 * after the short or long timeout it advertised for itself, or
 * defaulted when none came), periodic transmission (every second while
 * the partner asks for the short timeout, else every 30 s; none when
 * both ends are passive), one aggregator per trunk and the mux machine
 * with coupled control (detached, waiting for the other members of the
 * aggregator, attached, collecting and distributing), and churn
 * detection (the actor or the partner out of synchronization for
 * ETRUNK_LACP_CHURN_TIME seconds while the link is up; not the actor in
 * role backup, which is out of synchronization on purpose). The wait is
 * 802.1AX's aggregate wait time (2 s) at most: it ends as soon as every
 * member with carrier has heard from its partner since the link came up
 * (none is still expired), since no other member can then join. A change the
 * partner must learn (the actor's state, a new or lost partner, a
 * configuration change, a partner with a wrong view of us) sends a
 * LACPDU at once, at most three per second per member as 802.1AX
 * allows, besides the periodic ones. A marker PDU (subtype 2) is
 * answered with a marker response.
 *
 * The aggregator: of the members whose partner information is current
 * (or expired, for its timeout), those with the same partner system,
 * system priority and key form a group (a partner that says it is
 * individual forms a group of one member); IFLA_ETRUNK_LACP_SELECT says
 * which group is chosen: the most members (count), the most bandwidth
 * (the sum of the members' ethtool speeds), or the member of the best
 * port priority (priority, lower port priority then lower port number);
 * on a tie the one already chosen, else the one with the member enslaved
 * first. A member with defaulted partner information never aggregates:
 * this is static LACP, without a fall-back to manual aggregation. Nor
 * does a member whose partner is this trunk itself (its own system, key
 * and system priority: a loop, reason ETRUNK_REASON_LACP_LOOPBACK).
 *
 * Only members in the mux state collecting-distributing are active (in
 * the transmit set; min_links and the carrier follow them); frames other
 * members receive are dropped and counted (rx_dropped). LACPDUs and
 * markers received on members are consumed by the module, never
 * delivered to the trunk: frames beyond a per-member token bucket
 * (ETRUNK_LACP_RX_BURST, refilled at ETRUNK_LACP_RX_RATE per second)
 * are dropped and counted as rate; so are, as malformed, those of
 * version 0, or whose TLVs (actor 1/20, partner 2/20, collector 3/16,
 * terminator 0/0; marker information or response 1 or 2/16, terminator
 * 0/0) do not have these types and lengths, or whose PDU is not exactly
 * ETRUNK_LACP_PDU_LEN bytes. A LACPDU of a later version (802.1AX-2014's
 * version 2 adds TLVs after the collector) is read as version 1 asks:
 * it may be longer (up to ETRUNK_LACP_PDU_MAX_LEN bytes), and only its
 * actor, partner and collector TLVs are checked and used. None of these
 * changes any state.
 *
 * A trunk holds at most ETRUNK_MAX_MEMBERS members. A member must be an
 * Ethernet device (ARPHRD_ETHER), not a loopback, not another trunk, not
 * a bonding device (bonding would take it for one of its own slaves), not
 * already enslaved, not a device stacked above the trunk, and must be able
 * to take the trunk's MTU and MAC address; otherwise RTM_NEWLINK with
 * IFLA_MASTER fails with an extack message naming the reason and leaves
 * both devices as they were.
 */

#ifndef _UAPI_LINUX_ETRUNK_H
#define _UAPI_LINUX_ETRUNK_H

#include <linux/types.h>

#define ETRUNK_GENL_NAME "etrunk"
#define ETRUNK_GENL_VERSION 1
#define ETRUNK_MCGRP_EVENTS "events"
#define ETRUNK_LINK_KIND "etrunk"

/* The most members one trunk may have. */
#define ETRUNK_MAX_MEMBERS 256
/* Mode backup: exactly two members. */
#define ETRUNK_BACKUP_MEMBERS 2
#define ETRUNK_MAX_REVERT_DELAY 3600000		/* ms */
#define ETRUNK_MAX_FLUSH_COUNT 16
#define ETRUNK_FLUSH_KEY_MAX 64			/* bytes */
#define ETRUNK_MIN_PROBE_INTERVAL 10		/* ms */
#define ETRUNK_MAX_PROBE_INTERVAL 60000		/* ms */
#define ETRUNK_MAX_PROBE_TARGETS 16

/* BFD sessions: see "BFD sessions" above. */
#define ETRUNK_BFD_NAME_MAX 31			/* bytes before the NUL */
#define ETRUNK_BFD_MAX_SESSIONS 1024		/* per namespace */
#define ETRUNK_BFD_STATIC_DISCR_MAX 8191
#define ETRUNK_BFD_MIN_INTERVAL 1000		/* us */
#define ETRUNK_BFD_MAX_INTERVAL 60000000	/* us */
#define ETRUNK_BFD_DEFAULT_INTERVAL 300000	/* us */
#define ETRUNK_BFD_DEFAULT_MULT 3
#define ETRUNK_BFD_KEY_MAX 20			/* bytes, SHA1 types; MD5 16 */
#define ETRUNK_BFD_MICRO_START_MS 3000
#define ETRUNK_BFD_PORT_SINGLE_HOP 3784		/* RFC 5881 */
#define ETRUNK_BFD_PORT_MULTIHOP 4784		/* RFC 5883 */
#define ETRUNK_BFD_PORT_MICRO 6784		/* RFC 7130 */
#define ETRUNK_BFD_MICRO_MAC { 0x01, 0x00, 0x5e, 0x90, 0x00, 0x01 }

/* Remote backup: see "Remote backup (RBS and RBP)" above. */
#define ETRUNK_RBS_NAME_MAX 31			/* bytes before the NUL */
#define ETRUNK_RBS_MAX_SERVICES 64		/* per namespace */
#define ETRUNK_RBP_MAX_PROFILES 256		/* per namespace */
#define ETRUNK_RBS_DEFAULT_PORT 6787		/* TCP */
#define ETRUNK_RBS_KEY_MAX 64			/* bytes, HMAC-SHA256 */
#define ETRUNK_RBS_MAX_HOLD_TIME 3600		/* s */
#define ETRUNK_RBS_DEFAULT_HOLD_TIME 60		/* s */
#define ETRUNK_RBS_MIN_KEEPALIVE 100		/* ms */
#define ETRUNK_RBS_MAX_KEEPALIVE 60000		/* ms */
#define ETRUNK_RBS_DEFAULT_KEEPALIVE 1000	/* ms */
#define ETRUNK_RBS_KEEPALIVE_MULT 3
#define ETRUNK_RBS_DESCR_MAX 64			/* bytes, without the NUL */
/* NDA_PROTOCOL (and MDBE_ATTR_RTPROT) of entries installed from the peer */
#define ETRUNK_RBS_RTPROT 0xe7

/* Flush frames: see "Flush frames" above. */
#define ETRUNK_FLUSH_ETHERTYPE 0x88b5
#define ETRUNK_FLUSH_DEST { 0x03, 0x45, 0x54, 0x52, 0x4b, 0x46 }
#define ETRUNK_FLUSH_MAGIC 0x4554524b		/* "ETRK" */
#define ETRUNK_FLUSH_VERSION 1
#define ETRUNK_FLUSH_TYPE_FLUSH 1
#define ETRUNK_FLUSH_F_HMAC 0x0001
#define ETRUNK_FLUSH_HMAC_LEN 32
#define ETRUNK_FLUSH_MAX_VLANS 512
#define ETRUNK_FLUSH_RX_BURST 64
#define ETRUNK_FLUSH_RX_RATE 32			/* frames per second */
#define ETRUNK_FLUSH_RX_SENDERS 16

/**
 * struct etrunk_flush_hdr - the PDU of a flush frame, after the EtherType
 *     (and followed by n VLAN IDs and the optional HMAC). Its fields fall on
 *     their natural alignment within it (32 bytes, no padding); in a frame
 *     the PDU itself is only 2-byte aligned, so read it unaligned-safely.
 */
struct etrunk_flush_hdr {
	__be32 magic;
	__u8 version;
	__u8 type;
	__be16 flags;
	__be16 length;
	__u8 system[6];
	__be32 trunk_id;
	__be16 reserved;
	__be16 n_vlans;
	__be64 seq;
	__be16 vlans[];
};

/* Mode lacp: see "LACP" above. */
#define ETRUNK_LACP_DEFAULT_SYSTEM_PRIO 32768
#define ETRUNK_LACP_DEFAULT_KEY 1
#define ETRUNK_LACP_DEFAULT_PORT_PRIO 255
#define ETRUNK_LACP_MAX_PORT_OFFSET (65535 - ETRUNK_MAX_MEMBERS)
#define ETRUNK_LACP_PDU_LEN 110			/* bytes after the EtherType */
#define ETRUNK_LACP_RX_BURST 16
#define ETRUNK_LACP_RX_RATE 8			/* PDUs per second */
#define ETRUNK_LACP_PDU_MAX_LEN 1486		/* later versions: bytes after the EtherType */
#define ETRUNK_LACP_CHURN_TIME 60		/* seconds */
#define ETRUNK_DEFAULT_LACP_PREEMPT_DELAY 30000	/* ms */
#define ETRUNK_MAX_LACP_PREEMPT_DELAY 180000	/* ms */

/* The state octet of an actor or partner in a LACPDU (ETRUNK_LACP_A_*_
 * STATE): IEEE 802.1AX Actor_State / Partner_State bits.
 */
#define ETRUNK_LACP_STATE_ACTIVITY	0x01	/* active, not passive */
#define ETRUNK_LACP_STATE_TIMEOUT	0x02	/* short (fast) timeout */
#define ETRUNK_LACP_STATE_AGGREGATION	0x04	/* aggregatable */
#define ETRUNK_LACP_STATE_SYNC		0x08	/* in synchronization */
#define ETRUNK_LACP_STATE_COLLECTING	0x10
#define ETRUNK_LACP_STATE_DISTRIBUTING	0x20
#define ETRUNK_LACP_STATE_DEFAULTED	0x40
#define ETRUNK_LACP_STATE_EXPIRED	0x80

/* E-Trunk groups: see "E-Trunk groups" above; the values are
 * tools/etrunkd/proto.h's.
 */
#define ETRUNK_GROUP_MAX 16			/* ids 1 to 16 */
#define ETRUNK_GROUP_DEFAULT_PRIORITY 100
#define ETRUNK_GROUP_DEFAULT_PORT 61000		/* UDP */
#define ETRUNK_GROUP_KEY_MAX 64			/* bytes */
#define ETRUNK_GROUP_MIN_HELLO_INTERVAL 10	/* ms */
#define ETRUNK_GROUP_MAX_HELLO_INTERVAL 60000	/* ms */
#define ETRUNK_GROUP_DEFAULT_HELLO_INTERVAL 1000	/* ms */
#define ETRUNK_GROUP_MIN_HOLD_MULT 3
#define ETRUNK_GROUP_DEFAULT_HOLD_MULT 3
#define ETRUNK_GROUP_MAX_REVERT_DELAY 3600	/* s */
#define ETRUNK_GROUP_DEFAULT_REVERT_DELAY 120	/* s */
#define ETRUNK_GROUP_DESCR_MAX 64		/* bytes, without the NUL */
#define ETRUNK_GROUP_MAX_TRUNKS 48		/* bound to one group: one hello */

/* A member's priority until one is set; lower is preferred. */
#define ETRUNK_DEFAULT_PRIORITY 32768

/**
 * enum etrunk_mode - how a trunk uses its members
 * @ETRUNK_MODE_LOADBALANCE: manual load balancing: every member that is up
 *     is active; each packet goes to the member chosen by the hash of its
 *     flow (see enum etrunk_hash_policy), so a flow stays on one member.
 * @ETRUNK_MODE_BACKUP: 1:1 master/backup: exactly two members (a third is
 *     refused). The master, the only active member, is the designated
 *     master (ETRUNK_MEMBER_A_MASTER) if it is usable, otherwise the
 *     member usable the longest; it transmits and receives alone. Frames
 *     received on the backup are dropped and counted (rx_dropped), except
 *     flush frames. The master changes at once when it loses its link
 *     (netdevice notifier), is taken out with ETRUNK_MEMBER_A_ADMIN_UP 0,
 *     fails liveness probing, or when the backup receives a flush frame;
 *     then come gratuitous ARP and flush frames. Bound to an E-Trunk
 *     group in role backup, the trunk has no master: both members stand
 *     by (see ETRUNK_CMD_SET_ROLE).
 * @ETRUNK_MODE_LACP: static LACP (IEEE 802.1AX, see "LACP"): members the
 *     protocol aggregates with the partner are active; each packet goes
 *     to one of them by its flow hash, as in loadbalance.
 */
enum etrunk_mode {
	ETRUNK_MODE_LOADBALANCE = 0,
	ETRUNK_MODE_BACKUP = 1,
	ETRUNK_MODE_LACP = 2,
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
 *     trunk already has max-links active members of higher priority, or,
 *     in mode backup, because it is the backup or the trunk is in E-Trunk
 *     role backup, or, in mode lacp, because of role backup.
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
 * @ETRUNK_REASON_PROBE: liveness probing (IFLA_ETRUNK_PROBE_*) got no
 *     reply from any target for probe_missed intervals.
 * @ETRUNK_REASON_BACKUP: standby: mode backup, the other member is the
 *     master.
 * @ETRUNK_REASON_LACP_DEFAULTED: mode lacp: no LACPDU has come from a
 *     partner (receive machine defaulted).
 * @ETRUNK_REASON_LACP_EXPIRED: mode lacp: the partner fell silent for
 *     its timeout (receive machine expired).
 * @ETRUNK_REASON_LACP_AGGREGATOR: mode lacp: its partner (system,
 *     priority, key) is not the chosen aggregator's, or the partner says
 *     it is individual while others aggregate.
 * @ETRUNK_REASON_LACP_WAITING: mode lacp: selected, waiting for the other
 *     members of the aggregator (mux detached or waiting).
 * @ETRUNK_REASON_LACP_PARTNER: mode lacp: attached, but the partner is
 *     not in synchronization with us (it has not attached us yet).
 * @ETRUNK_REASON_LACP_ROLE: standby: mode lacp in role backup.
 * @ETRUNK_REASON_LACP_LOOPBACK: mode lacp: its partner is this trunk (its
 *     LACPDUs come back: a loop, or two members cabled to each other).
 * @ETRUNK_REASON_EROLE_BACKUP: standby: mode backup, the trunk is bound
 *     to an E-Trunk group in role backup (ETRUNK_CMD_SET_ROLE): both
 *     members stand by, the trunk has no master.
 */
enum etrunk_member_reason {
	ETRUNK_REASON_NONE = 0,
	ETRUNK_REASON_DEV_DOWN = 1,
	ETRUNK_REASON_NO_CARRIER = 2,
	ETRUNK_REASON_ADMIN = 3,
	ETRUNK_REASON_MAX_LINKS = 4,
	ETRUNK_REASON_PROBE = 5,
	ETRUNK_REASON_BACKUP = 6,
	ETRUNK_REASON_LACP_DEFAULTED = 7,
	ETRUNK_REASON_LACP_EXPIRED = 8,
	ETRUNK_REASON_LACP_AGGREGATOR = 9,
	ETRUNK_REASON_LACP_WAITING = 10,
	ETRUNK_REASON_LACP_PARTNER = 11,
	ETRUNK_REASON_LACP_ROLE = 12,
	ETRUNK_REASON_LACP_LOOPBACK = 13,
	ETRUNK_REASON_EROLE_BACKUP = 14,
	__ETRUNK_REASON_MAX
};

/**
 * enum etrunk_lacp_rate - the LACP timeout the members advertise
 * @ETRUNK_LACP_RATE_SLOW: long timeout: the partner sends every 30 s and
 *     its information expires after 90 s.
 * @ETRUNK_LACP_RATE_FAST: short timeout: every second, expiring after 3 s.
 */
enum etrunk_lacp_rate {
	ETRUNK_LACP_RATE_SLOW = 0,
	ETRUNK_LACP_RATE_FAST = 1,
	__ETRUNK_LACP_RATE_MAX
};

#define ETRUNK_LACP_RATE_MAX (__ETRUNK_LACP_RATE_MAX - 1)

/**
 * enum etrunk_lacp_role - mode lacp: the trunk's part in a pair of chassis
 * @ETRUNK_LACP_ROLE_MASTER: members aggregate and carry traffic.
 * @ETRUNK_LACP_ROLE_BACKUP: members attach but advertise themselves out
 *     of synchronization and carry nothing; switching to master puts them
 *     in synchronization and tells the partner at once.
 */
enum etrunk_lacp_role {
	ETRUNK_LACP_ROLE_MASTER = 0,
	ETRUNK_LACP_ROLE_BACKUP = 1,
	__ETRUNK_LACP_ROLE_MAX
};

#define ETRUNK_LACP_ROLE_MAX (__ETRUNK_LACP_ROLE_MAX - 1)

/**
 * enum etrunk_lacp_select - the aggregator of a trunk in mode lacp whose
 *     members see different partners
 * @ETRUNK_LACP_SELECT_COUNT: the partner with the most members.
 * @ETRUNK_LACP_SELECT_BANDWIDTH: the partner whose members' speeds add up
 *     to the most.
 * @ETRUNK_LACP_SELECT_PRIORITY: the partner of the member with the best
 *     (lowest) port priority, then the lowest port number.
 */
enum etrunk_lacp_select {
	ETRUNK_LACP_SELECT_COUNT = 0,
	ETRUNK_LACP_SELECT_BANDWIDTH = 1,
	ETRUNK_LACP_SELECT_PRIORITY = 2,
	__ETRUNK_LACP_SELECT_MAX
};

#define ETRUNK_LACP_SELECT_MAX (__ETRUNK_LACP_SELECT_MAX - 1)

/**
 * enum etrunk_lacp_selected - a member's selection (802.1AX Selected)
 * @ETRUNK_LACP_UNSELECTED: not selected for the trunk's aggregator.
 * @ETRUNK_LACP_SELECTED: selected.
 * @ETRUNK_LACP_STANDBY: selected but waiting: max_links members of it
 *     are aggregated.
 */
enum etrunk_lacp_selected {
	ETRUNK_LACP_UNSELECTED = 0,
	ETRUNK_LACP_SELECTED = 1,
	ETRUNK_LACP_STANDBY = 2,
	__ETRUNK_LACP_SELECTED_MAX
};

/**
 * enum etrunk_lacp_rx_state - a member's LACP receive machine
 * @ETRUNK_LACP_RX_DISABLED: its device is down or has no carrier.
 * @ETRUNK_LACP_RX_EXPIRED: the partner's information timed out once; it
 *     is kept, out of synchronization, for one more short timeout.
 * @ETRUNK_LACP_RX_DEFAULTED: no partner information.
 * @ETRUNK_LACP_RX_CURRENT: the partner's information is current.
 */
enum etrunk_lacp_rx_state {
	ETRUNK_LACP_RX_DISABLED = 0,
	ETRUNK_LACP_RX_EXPIRED = 1,
	ETRUNK_LACP_RX_DEFAULTED = 2,
	ETRUNK_LACP_RX_CURRENT = 3,
	__ETRUNK_LACP_RX_MAX
};

/**
 * enum etrunk_lacp_mux_state - a member's LACP mux machine
 * @ETRUNK_LACP_MUX_DETACHED: not attached to the aggregator.
 * @ETRUNK_LACP_MUX_WAITING: selected, waiting (at most the aggregate wait
 *     time, 2 s) so that the members of an aggregator attach together.
 * @ETRUNK_LACP_MUX_ATTACHED: attached, in synchronization (unless in
 *     role backup), waiting for the partner's synchronization.
 * @ETRUNK_LACP_MUX_COLLECTING_DISTRIBUTING: carries traffic.
 */
enum etrunk_lacp_mux_state {
	ETRUNK_LACP_MUX_DETACHED = 0,
	ETRUNK_LACP_MUX_WAITING = 1,
	ETRUNK_LACP_MUX_ATTACHED = 2,
	ETRUNK_LACP_MUX_COLLECTING_DISTRIBUTING = 3,
	__ETRUNK_LACP_MUX_MAX
};

/**
 * enum etrunk_switch_reason - why the master of a trunk in mode backup
 *     changed
 * @ETRUNK_SWITCH_NONE: no switchover yet.
 * @ETRUNK_SWITCH_UP: there was no master; the first usable member became
 *     it.
 * @ETRUNK_SWITCH_LINK: the master's device went down or lost carrier.
 * @ETRUNK_SWITCH_ADMIN: the master was taken out with
 *     ETRUNK_MEMBER_A_ADMIN_UP 0 (the control plane's hook).
 * @ETRUNK_SWITCH_PROBE: the master failed liveness probing.
 * @ETRUNK_SWITCH_REVERT: the designated master took over again after the
 *     revert delay.
 * @ETRUNK_SWITCH_FLUSH: a valid flush frame arrived on the backup.
 * @ETRUNK_SWITCH_MANUAL: a member was designated master.
 * @ETRUNK_SWITCH_REMOVED: the master was released from the trunk.
 * @ETRUNK_SWITCH_EROLE: the trunk left E-Trunk role backup (role master,
 *     unbinding) and chose its master again.
 */
enum etrunk_switch_reason {
	ETRUNK_SWITCH_NONE = 0,
	ETRUNK_SWITCH_UP = 1,
	ETRUNK_SWITCH_LINK = 2,
	ETRUNK_SWITCH_ADMIN = 3,
	ETRUNK_SWITCH_PROBE = 4,
	ETRUNK_SWITCH_REVERT = 5,
	ETRUNK_SWITCH_FLUSH = 6,
	ETRUNK_SWITCH_MANUAL = 7,
	ETRUNK_SWITCH_REMOVED = 8,
	ETRUNK_SWITCH_EROLE = 9,
	__ETRUNK_SWITCH_MAX
};

/**
 * enum etrunk_egroup_mode - a member trunk's working mode (etkd_mode)
 * @ETRUNK_EGROUP_MODE_AUTO: the election basis decides.
 * @ETRUNK_EGROUP_MODE_FORCE_MASTER: master whenever it has a link.
 * @ETRUNK_EGROUP_MODE_FORCE_BACKUP: backup while the peer can carry it.
 */
enum etrunk_egroup_mode {
	ETRUNK_EGROUP_MODE_AUTO = 0,
	ETRUNK_EGROUP_MODE_FORCE_MASTER = 1,
	ETRUNK_EGROUP_MODE_FORCE_BACKUP = 2,
	__ETRUNK_EGROUP_MODE_MAX
};

#define ETRUNK_EGROUP_MODE_MAX (__ETRUNK_EGROUP_MODE_MAX - 1)

/**
 * enum etrunk_egroup_basis - what decides in mode auto (etkd_basis)
 * @ETRUNK_EGROUP_BASIS_PRIORITY: the group priority, then the system ID.
 * @ETRUNK_EGROUP_BASIS_LINKS: more available links, then priority.
 * @ETRUNK_EGROUP_BASIS_BANDWIDTH: more available bandwidth, then priority.
 */
enum etrunk_egroup_basis {
	ETRUNK_EGROUP_BASIS_PRIORITY = 0,
	ETRUNK_EGROUP_BASIS_LINKS = 1,
	ETRUNK_EGROUP_BASIS_BANDWIDTH = 2,
	__ETRUNK_EGROUP_BASIS_MAX
};

#define ETRUNK_EGROUP_BASIS_MAX (__ETRUNK_EGROUP_BASIS_MAX - 1)

/**
 * enum etrunk_egroup_role - a member trunk's role (etkd_role)
 * @ETRUNK_EROLE_NONE: the daemon has not written one.
 * @ETRUNK_EROLE_MASTER: carries the traffic.
 * @ETRUNK_EROLE_BACKUP: stands by.
 */
enum etrunk_egroup_role {
	ETRUNK_EROLE_NONE = 0,
	ETRUNK_EROLE_MASTER = 1,
	ETRUNK_EROLE_BACKUP = 2,
	__ETRUNK_EROLE_MAX
};

#define ETRUNK_EROLE_MAX (__ETRUNK_EROLE_MAX - 1)

/**
 * enum etrunk_egroup_reason - why the daemon chose a role: the values of
 *     enum etkd_reason in tools/etrunkd/election.h, which explains each
 */
enum etrunk_egroup_reason {
	ETRUNK_EREASON_NONE = 0,
	ETRUNK_EREASON_STARTING = 1,
	ETRUNK_EREASON_NO_LINKS = 2,
	ETRUNK_EREASON_PEER_DOWN = 3,
	ETRUNK_EREASON_LIVENESS = 4,
	ETRUNK_EREASON_PEER_NO_LINKS = 5,
	ETRUNK_EREASON_FORCE_MASTER = 6,
	ETRUNK_EREASON_FORCE_BACKUP = 7,
	ETRUNK_EREASON_PEER_FORCE_MASTER = 8,
	ETRUNK_EREASON_PEER_FORCE_BACKUP = 9,
	ETRUNK_EREASON_HIGHER_PRIORITY = 10,
	ETRUNK_EREASON_LOWER_PRIORITY = 11,
	ETRUNK_EREASON_SYSID_TIEBREAK = 12,
	ETRUNK_EREASON_ADDR_TIEBREAK = 13,
	ETRUNK_EREASON_MORE_LINKS = 14,
	ETRUNK_EREASON_FEWER_LINKS = 15,
	ETRUNK_EREASON_MORE_BANDWIDTH = 16,
	ETRUNK_EREASON_LESS_BANDWIDTH = 17,
	ETRUNK_EREASON_REVERT_WAIT = 18,
	ETRUNK_EREASON_HANDOVER = 19,
	__ETRUNK_EREASON_MAX
};

#define ETRUNK_EREASON_MAX (__ETRUNK_EREASON_MAX - 1)

/**
 * enum etrunk_peer_state - the peer of a group, as the daemon sees it
 * @ETRUNK_PEER_UNKNOWN: not written yet (no daemon, or just started).
 * @ETRUNK_PEER_UP: a valid hello arrived within the hold time.
 * @ETRUNK_PEER_DOWN: none did.
 * @ETRUNK_PEER_DOWN_ALIVE: none did, but the backup-liveness address
 *     answers: the peer link is lost and the peer is alive, so the roles
 *     are kept as they were (no dual master).
 * @ETRUNK_PEER_DOWN_BFD: the group's BFD session left Up (see "BFD
 *     sessions"); down until a hello arrives after the session is Up again.
 */
enum etrunk_peer_state {
	ETRUNK_PEER_UNKNOWN = 0,
	ETRUNK_PEER_UP = 1,
	ETRUNK_PEER_DOWN = 2,
	ETRUNK_PEER_DOWN_ALIVE = 3,
	ETRUNK_PEER_DOWN_BFD = 4,
	__ETRUNK_PEER_MAX
};

#define ETRUNK_PEER_MAX (__ETRUNK_PEER_MAX - 1)

/**
 * enum etrunk_event - what an ETRUNK_CMD_EVENT reports
 * @ETRUNK_EVENT_MEMBER_ADDED: a device was enslaved.
 * @ETRUNK_EVENT_MEMBER_REMOVED: a member was released.
 * @ETRUNK_EVENT_MEMBER_STATE: a member's state or reason changed (it went
 *     up, down or to standby).
 * @ETRUNK_EVENT_ACTIVE: the set of active members changed: their number
 *     and the trunk's carrier are in the event.
 * @ETRUNK_EVENT_TRUNK_CHANGED: a trunk parameter was set.
 * @ETRUNK_EVENT_SWITCHOVER: mode backup: the master changed; the event
 *     has ETRUNK_A_ACTIVE_MEMBER, ETRUNK_A_SWITCHOVER_REASON and
 *     ETRUNK_A_SWITCHOVERS, and ETRUNK_A_ACTIVE_MEMBERS and
 *     ETRUNK_A_CARRIER as ETRUNK_EVENT_ACTIVE.
 * @ETRUNK_EVENT_LACP: mode lacp: a member's selection, mux state, churn
 *     or partner changed; the event has the member nest (with
 *     ETRUNK_MEMBER_A_LACP).
 * @ETRUNK_EVENT_GROUP_ADDED: an E-Trunk group was created.
 * @ETRUNK_EVENT_GROUP_CHANGED: a group's configuration was set.
 * @ETRUNK_EVENT_GROUP_REMOVED: a group was deleted (the event has its id).
 * @ETRUNK_EVENT_GROUP_STATE: the daemon wrote a group's peer state or
 *     counters.
 * @ETRUNK_EVENT_TRUNK_BOUND: a trunk was bound to a group.
 * @ETRUNK_EVENT_TRUNK_BINDING: a binding's id, mode, remote id or basis
 *     was set.
 * @ETRUNK_EVENT_TRUNK_UNBOUND: a binding went (unbind, or the trunk was
 *     deleted).
 * @ETRUNK_EVENT_TRUNK_ROLE: the daemon wrote a member trunk's role or
 *     reason.
 * @ETRUNK_EVENT_BFD_ADDED, @ETRUNK_EVENT_BFD_CHANGED,
 * @ETRUNK_EVENT_BFD_REMOVED: a BFD session was created, its configuration
 *     set, or it was deleted; the event has ETRUNK_A_BFD (without the
 *     links).
 * @ETRUNK_EVENT_BFD_STATE: etrunkd wrote a session's state (or a link's)
 *     and it changed.
 * @ETRUNK_EVENT_RBS_ADDED, @ETRUNK_EVENT_RBS_CHANGED,
 * @ETRUNK_EVENT_RBS_REMOVED: a remote backup service was created, its
 *     configuration set, or it was deleted; the event has ETRUNK_A_RBS.
 * @ETRUNK_EVENT_RBS_STATE: etrunkd wrote a service's state and it changed,
 *     or the duration of a full sync.
 * @ETRUNK_EVENT_RBP_ADDED, @ETRUNK_EVENT_RBP_CHANGED,
 * @ETRUNK_EVENT_RBP_REMOVED: a remote backup profile was created, its
 *     configuration set, or it was deleted (also with its trunk); the
 *     event has ETRUNK_A_RBP.
 * @ETRUNK_EVENT_RBP_STATE: etrunkd wrote a profile's counters.
 */
enum etrunk_event {
	ETRUNK_EVENT_UNSPEC,
	ETRUNK_EVENT_MEMBER_ADDED,
	ETRUNK_EVENT_MEMBER_REMOVED,
	ETRUNK_EVENT_MEMBER_STATE,
	ETRUNK_EVENT_ACTIVE,
	ETRUNK_EVENT_TRUNK_CHANGED,
	ETRUNK_EVENT_SWITCHOVER,
	ETRUNK_EVENT_LACP,
	ETRUNK_EVENT_GROUP_ADDED,
	ETRUNK_EVENT_GROUP_CHANGED,
	ETRUNK_EVENT_GROUP_REMOVED,
	ETRUNK_EVENT_GROUP_STATE,
	ETRUNK_EVENT_TRUNK_BOUND,
	ETRUNK_EVENT_TRUNK_BINDING,
	ETRUNK_EVENT_TRUNK_UNBOUND,
	ETRUNK_EVENT_TRUNK_ROLE,
	ETRUNK_EVENT_BFD_ADDED,
	ETRUNK_EVENT_BFD_CHANGED,
	ETRUNK_EVENT_BFD_REMOVED,
	ETRUNK_EVENT_BFD_STATE,
	ETRUNK_EVENT_RBS_ADDED,
	ETRUNK_EVENT_RBS_CHANGED,
	ETRUNK_EVENT_RBS_REMOVED,
	ETRUNK_EVENT_RBS_STATE,
	ETRUNK_EVENT_RBP_ADDED,
	ETRUNK_EVENT_RBP_CHANGED,
	ETRUNK_EVENT_RBP_REMOVED,
	ETRUNK_EVENT_RBP_STATE,
	__ETRUNK_EVENT_MAX
};

enum etrunk_cmd {
	ETRUNK_CMD_UNSPEC,
	ETRUNK_CMD_GET_TRUNK,
	ETRUNK_CMD_SET_TRUNK,
	ETRUNK_CMD_GET_MEMBER,
	ETRUNK_CMD_SET_MEMBER,
	ETRUNK_CMD_EVENT,
	ETRUNK_CMD_GET_FLUSH_RX,
	ETRUNK_CMD_SET_FLUSH_RX,
	ETRUNK_CMD_NEW_GROUP,
	ETRUNK_CMD_SET_GROUP,
	ETRUNK_CMD_DEL_GROUP,
	ETRUNK_CMD_GET_GROUP,
	ETRUNK_CMD_BIND_TRUNK,
	ETRUNK_CMD_SET_BINDING,
	ETRUNK_CMD_UNBIND_TRUNK,
	ETRUNK_CMD_SET_ROLE,
	ETRUNK_CMD_SET_GROUP_STATE,
	ETRUNK_CMD_GET_GROUP_KEY,
	ETRUNK_CMD_NEW_BFD,
	ETRUNK_CMD_SET_BFD,
	ETRUNK_CMD_DEL_BFD,
	ETRUNK_CMD_GET_BFD,
	ETRUNK_CMD_SET_BFD_STATE,
	ETRUNK_CMD_GET_BFD_KEY,
	ETRUNK_CMD_NEW_RBS,
	ETRUNK_CMD_SET_RBS,
	ETRUNK_CMD_DEL_RBS,
	ETRUNK_CMD_GET_RBS,
	ETRUNK_CMD_SET_RBS_STATE,
	ETRUNK_CMD_GET_RBS_KEY,
	ETRUNK_CMD_NEW_RBP,
	ETRUNK_CMD_SET_RBP,
	ETRUNK_CMD_DEL_RBP,
	ETRUNK_CMD_GET_RBP,
	ETRUNK_CMD_SET_RBP_STATE,
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
	ETRUNK_A_PAD,
	ETRUNK_A_REVERTIVE,
	ETRUNK_A_REVERT_DELAY,
	ETRUNK_A_GRAT_ARP,
	ETRUNK_A_FLUSH_COUNT,
	ETRUNK_A_FLUSH_INTERVAL,
	ETRUNK_A_FLUSH_KEY,
	ETRUNK_A_FLUSH_KEY_SET,
	ETRUNK_A_FLUSH_RX,
	ETRUNK_A_PROBE_INTERVAL,
	ETRUNK_A_PROBE_MISSED,
	ETRUNK_A_PROBE_TARGETS,
	ETRUNK_A_PROBE_TARGET,
	ETRUNK_A_ACTIVE_MEMBER,
	ETRUNK_A_SWITCHOVERS,
	ETRUNK_A_SWITCHOVER_REASON,
	ETRUNK_A_SWITCHOVER_AGE,
	ETRUNK_A_FLUSH_STATS,
	ETRUNK_A_FLUSH_VLANS,
	ETRUNK_A_LACP_SYSTEM_PRIO,
	ETRUNK_A_LACP_SYSTEM,
	ETRUNK_A_LACP_KEY,
	ETRUNK_A_LACP_PORT_OFFSET,
	ETRUNK_A_LACP_RATE,
	ETRUNK_A_LACP_ROLE,
	ETRUNK_A_LACP_SELECT,
	ETRUNK_A_LACP_PREEMPT,
	ETRUNK_A_LACP_PREEMPT_DELAY,
	ETRUNK_A_GROUP,
	ETRUNK_A_BINDING,
	ETRUNK_A_BFD,
	ETRUNK_A_RBS,
	ETRUNK_A_RBP,
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
	ETRUNK_MEMBER_A_LACP_PORT_PRIO,
	ETRUNK_MEMBER_A_LACP_ACTIVE,
	ETRUNK_MEMBER_A_LACP,
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

/* In ETRUNK_A_GROUP: see "E-Trunk groups". */
enum etrunk_group_attr {
	ETRUNK_GROUP_A_UNSPEC,
	ETRUNK_GROUP_A_PAD,
	ETRUNK_GROUP_A_ID,
	ETRUNK_GROUP_A_PRIORITY,
	ETRUNK_GROUP_A_SYSTEM,
	ETRUNK_GROUP_A_PEER_ADDR,
	ETRUNK_GROUP_A_SOURCE_ADDR,
	ETRUNK_GROUP_A_LIVENESS_ADDR,
	ETRUNK_GROUP_A_PORT,
	ETRUNK_GROUP_A_KEY,
	ETRUNK_GROUP_A_KEY_SET,
	ETRUNK_GROUP_A_HELLO_INTERVAL,
	ETRUNK_GROUP_A_HOLD_MULT,
	ETRUNK_GROUP_A_REVERT_DELAY,
	ETRUNK_GROUP_A_DESCRIPTION,
	ETRUNK_GROUP_A_PEER_STATE,
	ETRUNK_GROUP_A_HELLOS_TX,
	ETRUNK_GROUP_A_HELLOS_RX,
	ETRUNK_GROUP_A_AUTH_FAILURES,
	ETRUNK_GROUP_A_REPLAYS,
	ETRUNK_GROUP_A_ROLE_CHANGES,
	ETRUNK_GROUP_A_TRUNKS,
	ETRUNK_GROUP_A_TRUNK,
	ETRUNK_GROUP_A_DROPS,
	ETRUNK_GROUP_A_BFD_SESSION,
	ETRUNK_GROUP_A_BFD,
	ETRUNK_GROUP_A_BFD_MIN_TX,
	ETRUNK_GROUP_A_BFD_MIN_RX,
	ETRUNK_GROUP_A_BFD_MULT,
	__ETRUNK_GROUP_A_MAX
};

#define ETRUNK_GROUP_A_MAX (__ETRUNK_GROUP_A_MAX - 1)

/* In ETRUNK_A_BINDING and ETRUNK_GROUP_A_TRUNK: see "E-Trunk groups". */
enum etrunk_bind_attr {
	ETRUNK_BIND_A_UNSPEC,
	ETRUNK_BIND_A_IFINDEX,
	ETRUNK_BIND_A_IFNAME,
	ETRUNK_BIND_A_GROUP,
	ETRUNK_BIND_A_MODE,
	ETRUNK_BIND_A_REMOTE_ID,
	ETRUNK_BIND_A_CLEAR_REMOTE_ID,
	ETRUNK_BIND_A_BASIS,
	ETRUNK_BIND_A_ROLE,
	ETRUNK_BIND_A_REASON,
	ETRUNK_BIND_A_ID,
	ETRUNK_BIND_A_REVERT_MS,
	__ETRUNK_BIND_A_MAX
};

#define ETRUNK_BIND_A_MAX (__ETRUNK_BIND_A_MAX - 1)

/* In ETRUNK_A_FLUSH_STATS, each NLA_U64: frames sent; frames accepted;
 * frames dropped, by the reasons of "Flush frames".
 */
enum etrunk_flush_stats_attr {
	ETRUNK_FLUSH_STATS_A_UNSPEC,
	ETRUNK_FLUSH_STATS_A_PAD,
	ETRUNK_FLUSH_STATS_A_TX,
	ETRUNK_FLUSH_STATS_A_RX_ACCEPTED,
	ETRUNK_FLUSH_STATS_A_RX_RATE,
	ETRUNK_FLUSH_STATS_A_RX_MALFORMED,
	ETRUNK_FLUSH_STATS_A_RX_VERSION,
	ETRUNK_FLUSH_STATS_A_RX_AUTH,
	ETRUNK_FLUSH_STATS_A_RX_REPLAY,
	__ETRUNK_FLUSH_STATS_A_MAX
};

#define ETRUNK_FLUSH_STATS_A_MAX (__ETRUNK_FLUSH_STATS_A_MAX - 1)

/* In ETRUNK_A_FLUSH_VLANS. */
enum etrunk_vlan_attr {
	ETRUNK_VLAN_A_UNSPEC,
	ETRUNK_VLAN_A_VID,
	__ETRUNK_VLAN_A_MAX
};

#define ETRUNK_VLAN_A_MAX (__ETRUNK_VLAN_A_MAX - 1)

/* In IFLA_ETRUNK_MEMBER_LACP and ETRUNK_MEMBER_A_LACP, mode lacp: the
 * receive and mux machines' states (NLA_U8, enum etrunk_lacp_rx_state and
 * enum etrunk_lacp_mux_state); the actor's (this member's) and the
 * partner's information as the LACPDUs carry it: system priority
 * (NLA_U16), system (NLA_BINARY, 6 bytes), key, port priority and port
 * number (NLA_U16) and state (NLA_U8, ETRUNK_LACP_STATE_* bits); the
 * partner's is all zeros while defaulted. Then counters, each NLA_U64:
 * LACPDUs received (valid) and sent, markers received and responses
 * sent, PDUs dropped as malformed and by the token bucket (rate). Then
 * the selection (NLA_U8, enum etrunk_lacp_selected), whether the actor's
 * and the partner's churn machines say churned (NLA_U8, 0 or 1), and
 * how many times each did since the member was enslaved (NLA_U32).
 */
enum etrunk_lacp_attr {
	ETRUNK_LACP_A_UNSPEC,
	ETRUNK_LACP_A_PAD,
	ETRUNK_LACP_A_RX_STATE,
	ETRUNK_LACP_A_MUX_STATE,
	ETRUNK_LACP_A_ACTOR_SYSTEM_PRIO,
	ETRUNK_LACP_A_ACTOR_SYSTEM,
	ETRUNK_LACP_A_ACTOR_KEY,
	ETRUNK_LACP_A_ACTOR_PORT_PRIO,
	ETRUNK_LACP_A_ACTOR_PORT,
	ETRUNK_LACP_A_ACTOR_STATE,
	ETRUNK_LACP_A_PARTNER_SYSTEM_PRIO,
	ETRUNK_LACP_A_PARTNER_SYSTEM,
	ETRUNK_LACP_A_PARTNER_KEY,
	ETRUNK_LACP_A_PARTNER_PORT_PRIO,
	ETRUNK_LACP_A_PARTNER_PORT,
	ETRUNK_LACP_A_PARTNER_STATE,
	ETRUNK_LACP_A_LACPDU_RX,
	ETRUNK_LACP_A_LACPDU_TX,
	ETRUNK_LACP_A_MARKER_RX,
	ETRUNK_LACP_A_MARKER_TX,
	ETRUNK_LACP_A_RX_MALFORMED,
	ETRUNK_LACP_A_RX_RATE,
	ETRUNK_LACP_A_SELECTED,
	ETRUNK_LACP_A_ACTOR_CHURN,
	ETRUNK_LACP_A_PARTNER_CHURN,
	ETRUNK_LACP_A_ACTOR_CHURNS,
	ETRUNK_LACP_A_PARTNER_CHURNS,
	__ETRUNK_LACP_A_MAX
};

#define ETRUNK_LACP_A_MAX (__ETRUNK_LACP_A_MAX - 1)

/**
 * enum etrunk_bfd_type - what a BFD session runs over
 * @ETRUNK_BFD_SINGLE_HOP: RFC 5881, UDP port 3784, TTL 255 sent and
 *     required.
 * @ETRUNK_BFD_MULTIHOP: RFC 5883, UDP port 4784.
 * @ETRUNK_BFD_MICRO: RFC 7130, one session per member of a trunk, UDP
 *     port 6784.
 */
enum etrunk_bfd_type {
	ETRUNK_BFD_SINGLE_HOP = 0,
	ETRUNK_BFD_MULTIHOP = 1,
	ETRUNK_BFD_MICRO = 2,
	__ETRUNK_BFD_TYPE_MAX
};

#define ETRUNK_BFD_TYPE_MAX (__ETRUNK_BFD_TYPE_MAX - 1)

/* RFC 5880 section 4.1: the State field. */
enum etrunk_bfd_state {
	ETRUNK_BFD_STATE_ADMIN_DOWN = 0,
	ETRUNK_BFD_STATE_DOWN = 1,
	ETRUNK_BFD_STATE_INIT = 2,
	ETRUNK_BFD_STATE_UP = 3,
	__ETRUNK_BFD_STATE_MAX
};

#define ETRUNK_BFD_STATE_MAX (__ETRUNK_BFD_STATE_MAX - 1)

/* RFC 5880 section 4.1: the Diagnostic field. */
enum etrunk_bfd_diag {
	ETRUNK_BFD_DIAG_NONE = 0,
	ETRUNK_BFD_DIAG_DETECT_EXPIRED = 1,
	ETRUNK_BFD_DIAG_ECHO_FAILED = 2,
	ETRUNK_BFD_DIAG_NEIGHBOR_DOWN = 3,
	ETRUNK_BFD_DIAG_FWD_RESET = 4,
	ETRUNK_BFD_DIAG_PATH_DOWN = 5,
	ETRUNK_BFD_DIAG_CONCAT_DOWN = 6,
	ETRUNK_BFD_DIAG_ADMIN_DOWN = 7,
	ETRUNK_BFD_DIAG_REV_CONCAT_DOWN = 8,
	__ETRUNK_BFD_DIAG_MAX
};

#define ETRUNK_BFD_DIAG_MAX (__ETRUNK_BFD_DIAG_MAX - 1)

/* RFC 5880 section 4.1: the Auth Type field (section 6.7). */
enum etrunk_bfd_auth {
	ETRUNK_BFD_AUTH_NONE = 0,
	ETRUNK_BFD_AUTH_SIMPLE = 1,
	ETRUNK_BFD_AUTH_KEYED_MD5 = 2,
	ETRUNK_BFD_AUTH_METICULOUS_MD5 = 3,
	ETRUNK_BFD_AUTH_KEYED_SHA1 = 4,
	ETRUNK_BFD_AUTH_METICULOUS_SHA1 = 5,
	__ETRUNK_BFD_AUTH_MAX
};

#define ETRUNK_BFD_AUTH_MAX (__ETRUNK_BFD_AUTH_MAX - 1)

/* In ETRUNK_A_BFD: see "BFD sessions". */
enum etrunk_bfd_attr {
	ETRUNK_BFD_A_UNSPEC,
	ETRUNK_BFD_A_PAD,
	ETRUNK_BFD_A_NAME,
	ETRUNK_BFD_A_TYPE,
	ETRUNK_BFD_A_PEER_ADDR,
	ETRUNK_BFD_A_SOURCE_ADDR,
	ETRUNK_BFD_A_IFINDEX,
	ETRUNK_BFD_A_IFNAME,
	ETRUNK_BFD_A_LOCAL_DISCR,
	ETRUNK_BFD_A_REMOTE_DISCR,
	ETRUNK_BFD_A_MIN_TX,
	ETRUNK_BFD_A_MIN_RX,
	ETRUNK_BFD_A_MULT,
	ETRUNK_BFD_A_ADMIN_DOWN,
	ETRUNK_BFD_A_AUTH_TYPE,
	ETRUNK_BFD_A_AUTH_KEY_ID,
	ETRUNK_BFD_A_AUTH_KEY,
	ETRUNK_BFD_A_AUTH_KEY_SET,
	ETRUNK_BFD_A_GROUP,
	ETRUNK_BFD_A_STATE,
	ETRUNK_BFD_A_REMOTE_STATE,
	ETRUNK_BFD_A_CHANGE_AGE,
	ETRUNK_BFD_A_DIAG,
	ETRUNK_BFD_A_REMOTE_DIAG,
	ETRUNK_BFD_A_PEER_DISCR,
	ETRUNK_BFD_A_TX_INTERVAL,
	ETRUNK_BFD_A_DETECT_TIME,
	ETRUNK_BFD_A_REMOTE_MIN_TX,
	ETRUNK_BFD_A_REMOTE_MIN_RX,
	ETRUNK_BFD_A_REMOTE_MULT,
	ETRUNK_BFD_A_PKTS_TX,
	ETRUNK_BFD_A_PKTS_RX,
	ETRUNK_BFD_A_DROPS,
	ETRUNK_BFD_A_AUTH_FAILURES,
	ETRUNK_BFD_A_UPS,
	ETRUNK_BFD_A_DOWNS,
	ETRUNK_BFD_A_LINKS,
	ETRUNK_BFD_A_LINK,
	__ETRUNK_BFD_A_MAX
};

#define ETRUNK_BFD_A_MAX (__ETRUNK_BFD_A_MAX - 1)

/* In ETRUNK_BFD_A_LINK: see ETRUNK_BFD_A_LINKS. */
enum etrunk_bfd_link_attr {
	ETRUNK_BFD_LINK_A_UNSPEC,
	ETRUNK_BFD_LINK_A_PAD,
	ETRUNK_BFD_LINK_A_IFINDEX,
	ETRUNK_BFD_LINK_A_IFNAME,
	ETRUNK_BFD_LINK_A_STATE,
	ETRUNK_BFD_LINK_A_REMOTE_STATE,
	ETRUNK_BFD_LINK_A_DIAG,
	ETRUNK_BFD_LINK_A_LOCAL_DISCR,
	ETRUNK_BFD_LINK_A_PEER_DISCR,
	ETRUNK_BFD_LINK_A_UPS,
	ETRUNK_BFD_LINK_A_DOWNS,
	__ETRUNK_BFD_LINK_A_MAX
};

#define ETRUNK_BFD_LINK_A_MAX (__ETRUNK_BFD_LINK_A_MAX - 1)

/**
 * enum etrunk_rbs_state - a remote backup service's channel, as etrunkd
 *     writes it
 * @ETRUNK_RBS_DOWN: no connection (no daemon yet, or it is waiting to
 *     reconnect after a failure, with backoff).
 * @ETRUNK_RBS_CONNECTING: connecting or accepting, and authenticating
 *     when a key is set.
 * @ETRUNK_RBS_SYNCING: up, the full (bulk) sync is in progress.
 * @ETRUNK_RBS_UP: up, full sync done in both directions, incremental
 *     updates.
 */
enum etrunk_rbs_state {
	ETRUNK_RBS_DOWN = 0,
	ETRUNK_RBS_CONNECTING = 1,
	ETRUNK_RBS_SYNCING = 2,
	ETRUNK_RBS_UP = 3,
	__ETRUNK_RBS_STATE_MAX
};

#define ETRUNK_RBS_STATE_MAX (__ETRUNK_RBS_STATE_MAX - 1)

/**
 * enum etrunk_rbp_type - how a profile backs up
 * @ETRUNK_RBP_HOT: hot backup: entries are installed on the peer as they
 *     are learned.
 */
enum etrunk_rbp_type {
	ETRUNK_RBP_TYPE_UNSPEC = 0,
	ETRUNK_RBP_HOT = 1,
	__ETRUNK_RBP_TYPE_MAX
};

#define ETRUNK_RBP_TYPE_MAX (__ETRUNK_RBP_TYPE_MAX - 1)

/**
 * enum etrunk_rbp_kind - the entry kinds a profile carries: bit indexes
 *     of ETRUNK_RBP_A_KINDS and the values of ETRUNK_RBP_KS_A_KIND
 * @ETRUNK_RBP_ARP: IPv4 neighbours (ARP).
 * @ETRUNK_RBP_ND: IPv6 neighbours (ND).
 * @ETRUNK_RBP_IGMP: IPv4 bridge MDB entries (IGMP snooping).
 * @ETRUNK_RBP_MLD: IPv6 bridge MDB entries (MLD snooping).
 */
enum etrunk_rbp_kind {
	ETRUNK_RBP_ARP = 0,
	ETRUNK_RBP_ND = 1,
	ETRUNK_RBP_IGMP = 2,
	ETRUNK_RBP_MLD = 3,
	__ETRUNK_RBP_KIND_MAX
};

#define ETRUNK_RBP_KIND_MAX (__ETRUNK_RBP_KIND_MAX - 1)
/* ETRUNK_RBP_A_KINDS bits: 1 << the kind. */
#define ETRUNK_RBP_KIND_ARP 0x1U
#define ETRUNK_RBP_KIND_ND 0x2U
#define ETRUNK_RBP_KIND_IGMP 0x4U
#define ETRUNK_RBP_KIND_MLD 0x8U
#define ETRUNK_RBP_KINDS_ALL 0xfU

/* In ETRUNK_A_RBS: see "Remote backup (RBS and RBP)". */
enum etrunk_rbs_attr {
	ETRUNK_RBS_A_UNSPEC,
	ETRUNK_RBS_A_PAD,
	ETRUNK_RBS_A_NAME,
	ETRUNK_RBS_A_PEER_ADDR,
	ETRUNK_RBS_A_SOURCE_ADDR,
	ETRUNK_RBS_A_PORT,
	ETRUNK_RBS_A_KEY,
	ETRUNK_RBS_A_KEY_SET,
	ETRUNK_RBS_A_HOLD_TIME,
	ETRUNK_RBS_A_KEEPALIVE,
	ETRUNK_RBS_A_DESCRIPTION,
	ETRUNK_RBS_A_STATE,
	ETRUNK_RBS_A_STATE_AGE,
	ETRUNK_RBS_A_CONNECTS,
	ETRUNK_RBS_A_AUTH_FAILURES,
	ETRUNK_RBS_A_ERRORS,
	ETRUNK_RBS_A_LAST_SYNC_DURATION,
	ETRUNK_RBS_A_LAST_SYNC_AGE,
	__ETRUNK_RBS_A_MAX
};

#define ETRUNK_RBS_A_MAX (__ETRUNK_RBS_A_MAX - 1)

/* In ETRUNK_A_RBP: see "Remote backup (RBS and RBP)". */
enum etrunk_rbp_attr {
	ETRUNK_RBP_A_UNSPEC,
	ETRUNK_RBP_A_PAD,
	ETRUNK_RBP_A_NAME,
	ETRUNK_RBP_A_SERVICE,
	ETRUNK_RBP_A_BACKUP_ID,
	ETRUNK_RBP_A_TYPE,
	ETRUNK_RBP_A_KINDS,
	ETRUNK_RBP_A_IFINDEX,
	ETRUNK_RBP_A_IFNAME,
	ETRUNK_RBP_A_GROUP,
	ETRUNK_RBP_A_TRUNK_ID,
	ETRUNK_RBP_A_STATS,
	ETRUNK_RBP_A_KIND_STATS,
	__ETRUNK_RBP_A_MAX
};

#define ETRUNK_RBP_A_MAX (__ETRUNK_RBP_A_MAX - 1)

/* In ETRUNK_RBP_A_KIND_STATS: see ETRUNK_RBP_A_STATS. */
enum etrunk_rbp_kind_stats_attr {
	ETRUNK_RBP_KS_A_UNSPEC,
	ETRUNK_RBP_KS_A_PAD,
	ETRUNK_RBP_KS_A_KIND,
	ETRUNK_RBP_KS_A_SENT,
	ETRUNK_RBP_KS_A_RECEIVED,
	ETRUNK_RBP_KS_A_INSTALLED,
	ETRUNK_RBP_KS_A_REMOVED,
	ETRUNK_RBP_KS_A_ENTRIES,
	ETRUNK_RBP_KS_A_FAILED,
	__ETRUNK_RBP_KS_A_MAX
};

#define ETRUNK_RBP_KS_A_MAX (__ETRUNK_RBP_KS_A_MAX - 1)

enum {
	IFLA_ETRUNK_UNSPEC,
	IFLA_ETRUNK_MODE,
	IFLA_ETRUNK_HASH_POLICY,
	IFLA_ETRUNK_MIN_LINKS,
	IFLA_ETRUNK_MEMBERS,
	IFLA_ETRUNK_ACTIVE_MEMBERS,
	IFLA_ETRUNK_MAX_LINKS,
	IFLA_ETRUNK_PAD,
	IFLA_ETRUNK_REVERTIVE,
	IFLA_ETRUNK_REVERT_DELAY,
	IFLA_ETRUNK_GRAT_ARP,
	IFLA_ETRUNK_FLUSH_COUNT,
	IFLA_ETRUNK_FLUSH_INTERVAL,
	IFLA_ETRUNK_FLUSH_KEY,
	IFLA_ETRUNK_FLUSH_KEY_SET,
	IFLA_ETRUNK_FLUSH_RX,
	IFLA_ETRUNK_PROBE_INTERVAL,
	IFLA_ETRUNK_PROBE_MISSED,
	IFLA_ETRUNK_PROBE_TARGETS,
	IFLA_ETRUNK_PROBE_TARGET,
	IFLA_ETRUNK_ACTIVE_MEMBER,
	IFLA_ETRUNK_SWITCHOVERS,
	IFLA_ETRUNK_SWITCHOVER_REASON,
	IFLA_ETRUNK_SWITCHOVER_AGE,
	IFLA_ETRUNK_LACP_SYSTEM_PRIO,
	IFLA_ETRUNK_LACP_SYSTEM,
	IFLA_ETRUNK_LACP_KEY,
	IFLA_ETRUNK_LACP_PORT_OFFSET,
	IFLA_ETRUNK_LACP_RATE,
	IFLA_ETRUNK_LACP_ROLE,
	IFLA_ETRUNK_LACP_SELECT,
	IFLA_ETRUNK_LACP_PREEMPT,
	IFLA_ETRUNK_LACP_PREEMPT_DELAY,
	__IFLA_ETRUNK_MAX
};

#define IFLA_ETRUNK_MAX (__IFLA_ETRUNK_MAX - 1)

enum {
	IFLA_ETRUNK_MEMBER_UNSPEC,
	IFLA_ETRUNK_MEMBER_STATE,
	IFLA_ETRUNK_MEMBER_LINK_FAILURES,
	IFLA_ETRUNK_MEMBER_PRIORITY,
	IFLA_ETRUNK_MEMBER_REASON,
	IFLA_ETRUNK_MEMBER_LACP_PORT_PRIO,
	IFLA_ETRUNK_MEMBER_LACP_ACTIVE,
	IFLA_ETRUNK_MEMBER_LACP,
	__IFLA_ETRUNK_MEMBER_MAX
};

#define IFLA_ETRUNK_MEMBER_MAX (__IFLA_ETRUNK_MEMBER_MAX - 1)

#endif /* _UAPI_LINUX_ETRUNK_H */
