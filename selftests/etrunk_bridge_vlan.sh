#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The access cases: 802.1Q sub-interfaces on a trunk, and a trunk as a
# tagged port of a VLAN-aware bridge.

source "$(dirname "$0")/lib.sh"
require_etrunk

# 802.1Q sub-interfaces on both ends.
make_trunk_pair 2 hash_policy layer2+3 || { fail "set up two hosts"; finish; }
for ns in "$NS_A" "$NS_B"; do
	ip -n "$ns" link add link et0 name et0.10 type vlan id 10
	ip -n "$ns" link set et0.10 up
done
ip -n "$NS_A" addr add 198.51.100.1/24 dev et0.10
ip -n "$NS_B" addr add 198.51.100.2/24 dev et0.10
check "ping over VLAN 10 sub-interfaces of the trunks" \
	ip netns exec "$NS_A" ping -c 3 -i 0.2 -W 2 198.51.100.2
ip -n "$NS_B" link del et0.10
ip -n "$NS_B" link add link et0 name et0.11 type vlan id 11
ip -n "$NS_B" link set et0.11 up
ip -n "$NS_B" addr add 198.51.100.2/24 dev et0.11
check_refused "VLANs are kept apart (10 does not reach 11)" "100% packet loss" \
	ip netns exec "$NS_A" ping -c 2 -i 0.2 -W 1 198.51.100.2
check "untagged traffic still flows beside the VLANs" \
	ip netns exec "$NS_A" ping -c 2 -i 0.2 -W 2 192.0.2.2

# A trunk as a port of a VLAN-aware bridge. Host C sits untagged in VLAN
# 10 on the bridge in A; B reaches it through the trunk, tagged 10.
make_trunk_pair 2 hash_policy layer2 || { fail "set up two hosts"; finish; }
new_ns NS_C c
ip -n "$NS_A" addr flush dev et0
ip -n "$NS_A" link add br0 type bridge vlan_filtering 1
check "the trunk joins a VLAN-aware bridge" ip -n "$NS_A" link set et0 master br0
check "VLAN 10 tagged on the trunk port" bridge -n "$NS_A" vlan add vid 10 dev et0
ip -n "$NS_A" link add h0 type veth peer name c0 netns "$NS_C"
ip -n "$NS_A" link set h0 master br0
bridge -n "$NS_A" vlan add vid 10 dev h0 pvid untagged
bridge -n "$NS_A" vlan del vid 1 dev h0
ip -n "$NS_A" link set h0 up
ip -n "$NS_A" link set br0 up
ip -n "$NS_C" addr add 198.51.100.3/24 dev c0
ip -n "$NS_C" link set c0 up
ip -n "$NS_B" link add link et0 name et0.10 type vlan id 10
ip -n "$NS_B" addr add 198.51.100.2/24 dev et0.10
ip -n "$NS_B" link set et0.10 up
check "host behind the bridge reaches the far end over the trunk" \
	ip netns exec "$NS_C" ping -c 3 -i 0.2 -W 2 198.51.100.2
check_eq "the bridge learned the far end's MAC on the trunk port" 1 \
	"$(bridge -n "$NS_A" fdb show br br0 vlan 10 |
		grep -c "$(link_attr "$NS_B" et0 address) dev et0 vlan 10")"
bridge -n "$NS_A" vlan del vid 10 dev et0
check_refused "without VLAN 10 on the trunk port nothing passes" "100% packet loss" \
	ip netns exec "$NS_C" ping -c 2 -i 0.2 -W 1 198.51.100.2

finish
