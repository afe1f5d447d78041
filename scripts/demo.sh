#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The main job of etrunk, shown (run in the test VM by `make demo`): two
# hosts joined by a trunk of two members carry traffic; one member fails;
# traffic carries on over the other; the trunk's state is printed at each
# step.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
export IP_LIB_DIR=$top/tools/ip
[ -d /sys/module/etrunk ] || insmod "$top/kmod/etrunk.ko"

say() { printf '\n=== %s\n' "$*"; }
run() { echo "\$ $*"; "$@"; }
a() { ip netns exec demo-a "$@"; }
members() {
	local d
	for d in a0 a1; do
		printf '%s: %-7s tx_packets %s\n' "$d" \
			"$(ip -n demo-a -d link show $d | awk '$1 == "etrunk_slave" { print $3 }')" \
			"$(a cat /sys/class/net/$d/statistics/tx_packets)"
	done
}
trap 'ip netns del demo-a 2>/dev/null; ip netns del demo-b 2>/dev/null' EXIT

say "Two hosts, A and B, joined by two links (veth a0-b0 and a1-b1)"
ip netns add demo-a
ip netns add demo-b
for i in 0 1; do
	ip -n demo-a link add a$i type veth peer name b$i netns demo-b
done
for h in a b; do
	run ip -n demo-$h link add et0 type etrunk hash_policy layer3+4
	run ip -n demo-$h link set ${h}0 master et0
	run ip -n demo-$h link set ${h}1 master et0
	run ip -n demo-$h link set et0 up
done
run ip -n demo-a addr add 192.0.2.1/24 dev et0
run ip -n demo-b addr add 192.0.2.2/24 dev et0

say "The trunk on A"
run ip -n demo-a -d link show et0
run ip netns exec demo-a ethtool et0 | grep -E 'Speed|Duplex'
run ip netns exec demo-a "$top/tools/etrunkctl/etrunkctl" show et0

say "16 UDP flows from A to B spread over both members"
run ip netns exec demo-a "$top/selftests/udp_flows" 192.0.2.2 16 100 >/dev/null
members

say "A ping runs (10 per second) while member a0's far end fails"
a ping -i 0.1 -c 30 192.0.2.2 >/tmp/demo-ping &
sleep 1
run ip -n demo-b link set b0 down
wait
tail -n 2 /tmp/demo-ping

say "After the failure: a0 is down, a1 carries everything"
run ip netns exec demo-a "$top/tools/etrunkctl/etrunkctl" show et0
run ip netns exec demo-a "$top/selftests/udp_flows" 192.0.2.2 16 100 >/dev/null
members
run ip netns exec demo-a ethtool et0 | grep -E 'Speed'

say "The link returns: both members carry traffic again"
run ip -n demo-b link set b0 up
sleep 0.2
run ip netns exec demo-a "$top/selftests/udp_flows" 192.0.2.2 16 100 >/dev/null
members
