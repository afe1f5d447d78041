#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Enslaving and releasing members: what follows the trunk (MAC, MTU,
# state), what is restored on release, and every refused enslave with its
# message, leaving both devices as they were.

source "$(dirname "$0")/lib.sh"
require_etrunk

new_ns NS ensl
new_ns PEER peer
ipn() { ip -n "$NS" "$@"; }
addr() { link_attr "$NS" "$1" address; }
mtu() { link_attr "$NS" "$1" mtu; }
master() { ipn -o link show dev "$1" | grep -o 'master [^ ]*' | cut -d' ' -f2; }

ipn link add et0 type etrunk
for i in 0 1 2; do
	ipn link add "v$i" address "02:00:00:00:01:0$i" type veth peer name "p$i" netns "$PEER"
	ip -n "$PEER" link set "p$i" up
done
trunk_random=$(addr et0)

check "enslave a veth" ipn link set v0 master et0
check_eq "the member has the trunk as master" et0 "$(master v0)"
check_eq "the trunk takes its first member's MAC" 02:00:00:00:01:00 "$(addr et0)"
check_eq "the member is brought up" 1 "$(ipn link show v0 | grep -c '[<,]UP[,>]')"
check_eq "the member is flagged SLAVE" 1 "$(ipn link show v0 | grep -c 'SLAVE')"
check_eq "IPv6 does not configure the member as a host" "" \
	"$(ipn -6 addr show dev v0)"
check "enslave a second veth while it is up" \
	sh -c "ip -n $NS link set v1 up && ip -n $NS link set v1 master et0"
check_eq "the second member takes the trunk's MAC" "$(addr et0)" "$(addr v1)"
ipn link set et0 up
check_eq "a member with carrier is active" active "$(link_detail "$NS" v1 state)"
check_eq "its link failure count starts at 0" 0 "$(link_detail "$NS" v1 link_failures)"
check_eq "the trunk counts 2 members" 2 "$(link_detail "$NS" et0 members)"
check_eq "and 2 active members" 2 "$(link_detail "$NS" et0 active_members)"
check_eq "the trunk has carrier" 1 "$(link_attr "$NS" et0 carrier)"
check_eq "ethtool speed is the members' sum" "Speed: 20000Mb/s" \
	"$(ip netns exec "$NS" ethtool et0 | grep -o 'Speed: .*')"

# Offloads follow the members: a one-for-all feature such as
# scatter-gather stays while one member has it (the others fall back to
# software) and goes when none has.
sg() { ip netns exec "$NS" ethtool -k et0 | awk '$1 == "tx-scatter-gather:" { print $2 }'; }
check_eq "the trunk offers scatter-gather" on "$(sg)"
ip netns exec "$NS" ethtool -K v0 sg off
check_eq "still with one member offering it" on "$(sg)"
ip netns exec "$NS" ethtool -K v1 sg off
check_eq "not when no member offers it" off "$(sg)"
ip netns exec "$NS" ethtool -K v0 sg on
ip netns exec "$NS" ethtool -K v1 sg on
check_eq "back when the members offer it again" on "$(sg)"

check "change the trunk's MTU" ipn link set et0 mtu 9000
check_eq "member 0 follows the MTU" 9000 "$(mtu v0)"
check_eq "member 1 follows the MTU" 9000 "$(mtu v1)"
check "change the trunk's MAC" ipn link set et0 address 02:00:00:00:0e:01
check_eq "member 0 follows the MAC" 02:00:00:00:0e:01 "$(addr v0)"
check_eq "member 1 follows the MAC" 02:00:00:00:0e:01 "$(addr v1)"
check_refused "a member's own MAC cannot be changed" "MAC address is its trunk's" \
	ipn link set v0 address 02:00:00:00:0e:99
check_eq "and stays the trunk's" 02:00:00:00:0e:01 "$(addr v0)"

check "carrier loss on a member makes it down" ip -n "$PEER" link set p1 down
check_eq "the member is down" down "$(link_detail "$NS" v1 state)"
check_eq "its link failure is counted" 1 "$(link_detail "$NS" v1 link_failures)"
check_eq "one member stays active" 1 "$(link_detail "$NS" et0 active_members)"
check_eq "ethtool speed drops to one member's" "Speed: 10000Mb/s" \
	"$(ip netns exec "$NS" ethtool et0 | grep -o 'Speed: .*')"
check "min_links 2 with one active member" ipn link set et0 type etrunk min_links 2
check_eq "takes the trunk's carrier away" 0 "$(link_attr "$NS" et0 carrier)"
ip -n "$PEER" link set p1 up
check_eq "and the member's return brings it back" 1 "$(link_attr "$NS" et0 carrier)"
ipn link set et0 type etrunk min_links 0

check "release a member" ipn link set v1 nomaster
check_eq "the released member has no master" "" "$(master v1)"
check_eq "gets its own MAC back" 02:00:00:00:01:01 "$(addr v1)"
check_eq "gets its own MTU back" 1500 "$(mtu v1)"
check_eq "is not flagged SLAVE" 0 "$(ipn link show v1 | grep -c 'SLAVE')"
check_eq "the trunk counts 1 member" 1 "$(link_detail "$NS" et0 members)"
check "release the last member" ipn link set v0 nomaster
check_eq "the trunk gives up a member's MAC it took" 1 \
	"$( [ "$(addr et0)" != 02:00:00:00:01:00 ] && echo 1 || echo 0)"
check_eq "the trunk has no carrier without members" 0 "$(link_attr "$NS" et0 carrier)"
ipn link set et0 address "$trunk_random"
ipn link set et0 mtu 1500

# Refused enslaves: each leaves both devices as they were.
# (Flags and operstate are left out: linkwatch updates them later.)
shown() { ipn -d link show et0 | sed 's/<[^>]*>//; s/ state [A-Z]*//'; }
before=$(shown)
check_refused "loopback is refused" "loopback device cannot be a trunk member" \
	ipn link set lo master et0
check_refused "the trunk itself is refused" "cannot be a member of itself" \
	ipn link set et0 master et0
ipn link add et1 type etrunk
check_refused "another trunk is refused" "member of another trunk" \
	ipn link set et1 master et0
if modprobe bonding 2>/dev/null; then
	ipn link add bond9 type bond mode balance-xor
	check_refused "a bonding device is refused" "A bonding device cannot be a trunk member" \
		ipn link set bond9 master et0
	ipn link del bond9
fi
ipn link add tun0 type ipip local 192.0.2.1 remote 192.0.2.2
check_refused "a non-Ethernet device is refused" "Only Ethernet devices" \
	ipn link set tun0 master et0
ipn link add link et0 name et0.10 type vlan id 10
check_refused "a VLAN device on the trunk is refused (loop)" "would make a loop" \
	ipn link set et0.10 master et0
ipn link add link et0.10 name et0.10.20 type vlan id 20
check_refused "a device stacked deeper on the trunk is refused" "would make a loop" \
	ipn link set et0.10.20 master et0
ipn link add mv0 link v2 type macvlan
check_refused "a device with a macvlan on top is refused" "receive handler" \
	ipn link set v2 master et0
check_eq "the refused device keeps its MAC" 02:00:00:00:01:02 "$(addr v2)"
check_eq "the refused device has no master" "" "$(master v2)"
ipn link del mv0
ipn link set et0 mtu 9000
ipn link add d0 type dummy
ipn link add link d0 name d0.5 address 02:00:00:00:05:05 type vlan id 5
check_refused "a device that cannot take the trunk's MTU is refused" "cannot take the trunk's MTU" \
	ipn link set d0.5 master et0
check_eq "it keeps its MTU" 1500 "$(mtu d0.5)"
check_eq "it keeps its MAC" 02:00:00:00:05:05 "$(addr d0.5)"
check_eq "it has no master" "" "$(master d0.5)"
check_eq "it stays down" 0 "$(ipn link show d0.5 | grep -c '[<,]UP[,>]')"
ipn link set et0 mtu 1500
after=$(shown)
check_eq "the trunk is as it was after all refusals" "$before" "$after"

# Deleting a member device releases it; deleting the trunk releases all.
ipn link set v0 master et0
ipn link set v2 master et0
check "delete a member device" ipn link del v2
check_eq "the trunk counts 1 member" 1 "$(link_detail "$NS" et0 members)"
check "delete a trunk with members" ipn link del et0
check_eq "its member has no master" "" "$(master v0)"
check_eq "and its own MAC back" 02:00:00:00:01:00 "$(addr v0)"

# Moving a member from one trunk to another in one command.
ipn link add et2 type etrunk
ipn link set v0 master et1
check "a member moves to another trunk" ipn link set v0 master et2
check_eq "and belongs to the new one" et2 "$(master v0)"
check_eq "the old trunk has no members" 0 "$(link_detail "$NS" et1 members)"

# A member moved to another namespace is released in NETDEV_UNREGISTER,
# after IPv4 and IPv6 let go of it: getting its MTU back there must not
# make them take it again (a reference nothing drops: the new namespace's
# addresses then fail with ENOBUFS and its deletion hangs).
new_ns OTHER other
ipn link set et2 mtu 9000
ipn link add m0 type veth peer name m1
ipn link set m0 master et2
check_eq "the member takes the trunk's MTU" 9000 "$(mtu m0)"
check "a member moved to another namespace" ipn link set m0 netns "$OTHER"
check_eq "has left the trunk (its other member stays)" 1 "$(link_detail "$NS" et2 members)"
check_eq "and has its own MTU back" 1500 "$(link_attr "$OTHER" m0 mtu)"
check "an IPv4 address on it in its new namespace" \
	ip -n "$OTHER" addr add 192.0.2.1/24 dev m0
check "an IPv6 address too" ip -n "$OTHER" addr add 2001:db8::1/64 dev m0 nodad
check "its namespace is deleted" ip netns del "$OTHER"

finish
