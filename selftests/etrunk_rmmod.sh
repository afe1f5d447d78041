#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Unloading the module while trunks exist in several namespaces, stacked
# under VLANs and a bridge, and carry traffic: every trunk goes, every
# member is released, the kernel reports nothing (the VM harness fails the
# run on any WARNING, BUG or Oops). The module is loaded again at the end.

source "$(dirname "$0")/lib.sh"
require_etrunk
[ -n "${ETRUNK_KO:-}" ] || skip "ETRUNK_KO (the module to load again) not set"
[ -x "$UDP_FLOWS" ] || skip "udp_flows not built"

make_trunk_pair 2 hash_policy layer3+4 || { fail "set up two hosts"; finish; }
ip -n "$NS_A" link add link et0 name et0.10 type vlan id 10
ip -n "$NS_B" link add br0 type bridge vlan_filtering 1
ip -n "$NS_B" link add et1 type etrunk
ip -n "$NS_B" link set et1 master br0
new_ns NS_D d
ip -n "$NS_D" link add et0 type etrunk
ip -n "$NS_D" link add d0 type dummy
ip -n "$NS_D" link set d0 master et0

ip netns exec "$NS_A" "$UDP_FLOWS" 192.0.2.2 16 1000000 >/dev/null 2>&1 &
udp=$!
ip netns exec "$NS_B" ping -f -W 1 192.0.2.1 >/dev/null 2>&1 &
flood=$!
sleep 1
check_ge "traffic flows before the unload" "$(tx_packets "$NS_A" a1)" 100

check "rmmod under traffic" rmmod etrunk
kill $udp $flood 2>/dev/null
wait 2>/dev/null
for ns in "$NS_A" "$NS_B" "$NS_D"; do
	check_eq "no trunk is left in ${ns%%-*}" 0 "$(ip -n "$ns" -o link show type etrunk | wc -l)"
done
check_eq "member a0 is released" 0 "$(ip -n "$NS_A" -o link show a0 | grep -c master)"
check_eq "member b1 is released" 0 "$(ip -n "$NS_B" -o link show b1 | grep -c master)"
check_eq "the VLAN on the trunk went with it" 1 \
	"$(ip -n "$NS_A" link show et0.10 >/dev/null 2>&1; echo $?)"

check "the module loads again" insmod "$ETRUNK_KO"
# A namespace deleted with a trunk and traffic inside is also clean.
make_trunk_pair 2 || { fail "set up two hosts again"; finish; }
ip netns exec "$NS_B" ping -f -W 1 192.0.2.1 >/dev/null 2>&1 &
flood=$!
sleep 0.5
check "delete a namespace with a busy trunk" ip netns del "$NS_A"
kill $flood 2>/dev/null
wait 2>/dev/null
check_eq "the far trunk lost its carrier" 0 "$(link_attr "$NS_B" et0 carrier)"

finish
