#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Mode lacp (static LACP, IEEE 802.1AX): a trunk aggregates with Linux
# bonding in mode 802.3ad (lacp_rate fast, then slow), with teamd's lacp
# runner and with another trunk; traffic uses both links; tshark
# dissects our LACPDUs and marker responses without a warning; a member
# set down leaves the aggregator and comes back; a bad system ID is refused; crafted bad LACPDUs and a
# flood are dropped and counted without changing any state; a marker is
# answered. A trunk whose two members are cabled to each other sees
# itself as partner (loopback), and after 60 s its churn machines say
# so; a LACPDU of a later version (2) is read as version 1. With max_links
# and preemption, a member of better port priority takes over only after
# the preemption delay; without, it waits. Every selection and mux change
# is an event.

source "$(dirname "$0")/lib.sh"
require_etrunk
TEAMD_PID=
trap '[ -z "$TEAMD_PID" ] || kill "$TEAMD_PID" 2>/dev/null; cleanup' EXIT
[ -x "$UDP_FLOWS" ] || skip "udp_flows not built"
LACP_FRAME="$SELFTEST_DIR/lacp_frame"
[ -x "$LACP_FRAME" ] || skip "lacp_frame not built"
modprobe bonding 2>/dev/null
[ -d /sys/module/bonding ] || skip "bonding not available"

SYSID=02:00:00:00:00:aa

member() { link_detail "$1" "$2" "$3"; }
both_active() { [ "$(member "$1" "$2" state)" = active ] && [ "$(member "$1" "$3" state)" = active ]; }

# Host A: etrunk et0 over a0, a1; host B: whatever the test puts on b0, b1.
new_ns NS_A a
new_ns NS_B b
for i in 0 1; do
	ip -n "$NS_A" link add "a$i" type veth peer name "b$i" netns "$NS_B"
done

check_refused "an all-zero system ID is refused" "must be a unicast MAC address" \
	ip -n "$NS_A" link add et0 type etrunk mode lacp system_id 00:00:00:00:00:00
check_refused "a broadcast system ID is refused" "must be a unicast MAC address" \
	ip -n "$NS_A" link add et0 type etrunk mode lacp system_id ff:ff:ff:ff:ff:ff
check_refused "a multicast system ID is refused" "must be a unicast MAC address" \
	ip -n "$NS_A" link add et0 type etrunk mode lacp system_id 01:80:c2:00:00:02
check_refused "port_offset beyond the range is refused" "" \
	ip -n "$NS_A" link add et0 type etrunk mode lacp port_offset 65400

# Loopback: c0 and c1 are the two ends of one veth pair, both members of
# et1. Set up first: the churn machines need 60 s, the rest of the test
# runs meanwhile.
new_ns NS_C c
ip -n "$NS_C" link add c0 type veth peer name c1
ip -n "$NS_C" link add et1 type etrunk mode lacp lacp_rate fast
# Before the members can start their churn timers.
LOOP_T0=$(date +%s)
ip -n "$NS_C" link set c0 master et1
ip -n "$NS_C" link set c1 master et1
ip -n "$NS_C" link set et1 up
# et2 over c2, whose peer c3 is where lacp_frame speaks.
ip -n "$NS_C" link add c2 type veth peer name c3
ip -n "$NS_C" link add et2 type etrunk mode lacp lacp_rate fast
ip -n "$NS_C" link set c2 master et2
ip -n "$NS_C" link set et2 up
ip -n "$NS_C" link set c3 up
# et1's events, each stamped with the second it arrived.
ip netns exec "$NS_C" sh -c "echo \$\$ >$TMP/cmon.pid; exec $REPO_DIR/tools/etrunkctl/etrunkctl monitor" |
	while read -r line; do echo "$(date +%s) $line"; done >"$TMP/c_events" &

check "a trunk in mode lacp is created" \
	ip -n "$NS_A" link add et0 type etrunk mode lacp lacp_rate fast \
	system_id $SYSID system_priority 100 actor_key 7 port_offset 1000 \
	hash_policy layer3+4
check_eq "mode reads back" lacp "$(link_detail "$NS_A" et0 mode)"
check_eq "lacp_rate reads back" fast "$(link_detail "$NS_A" et0 lacp_rate)"
check_eq "system_id reads back" $SYSID "$(link_detail "$NS_A" et0 system_id)"
check_eq "system_priority reads back" 100 "$(link_detail "$NS_A" et0 system_priority)"
check_eq "actor_key reads back" 7 "$(link_detail "$NS_A" et0 actor_key)"
check_eq "port_offset reads back" 1000 "$(link_detail "$NS_A" et0 port_offset)"
check_refused "a bad system ID is refused on a trunk too, and nothing changes" \
	"must be a unicast MAC address" \
	ip -n "$NS_A" link set et0 type etrunk system_id 00:00:00:00:00:00 actor_key 9
check_eq "the key stayed" 7 "$(link_detail "$NS_A" et0 actor_key)"

ip -n "$NS_A" link set a0 master et0
ip -n "$NS_A" link set a1 master et0
# .3 and .4 too: bonding's and teamd's layer3+4 hashes put udp_flows'
# flows to one address on one link; to .1, .3 and .4 they spread.
ip -n "$NS_A" addr add 192.0.2.1/24 dev et0
ip -n "$NS_A" addr add 192.0.2.3/24 dev et0
ip -n "$NS_A" addr add 192.0.2.4/24 dev et0
ip -n "$NS_A" link set et0 up
ip -n "$NS_B" link set b0 up
ip -n "$NS_B" link set b1 up
wait_defaulted() { [ "$(member "$NS_A" a0 reason)" = lacp-defaulted ]; }
check "without a partner a member is not active" wait_until 5 wait_defaulted
check_eq "port numbers start at the offset plus 1" 1001 "$(member "$NS_A" a0 actor_port)"
check_eq "and go on" 1002 "$(member "$NS_A" a1 actor_port)"

# bond_up RATE: bond0 in mode 802.3ad over b0, b1 in B.
bond_up()
{
	ip -n "$NS_B" link del bond0 2>/dev/null
	ip -n "$NS_B" link add bond0 type bond mode 802.3ad lacp_rate "$1" \
		xmit_hash_policy layer3+4 miimon 100
	# bonding enslaves only devices that are down
	ip -n "$NS_B" link set b0 down
	ip -n "$NS_B" link set b1 down
	ip -n "$NS_B" link set b0 master bond0
	ip -n "$NS_B" link set b1 master bond0
	ip -n "$NS_B" addr add 192.0.2.2/24 dev bond0
	ip -n "$NS_B" link set bond0 up
}

bond_proc() { ip netns exec "$NS_B" cat /proc/net/bonding/bond0; }

# The aggregator IDs of bond0's slaves, one line each.
bond_aggs() { bond_proc | awk '/^Slave Interface/ { s = 1 } s && /Aggregator ID:/ { print $3 }'; }

bond_partner_ok()
{
	local aggs

	bond_proc | grep -qi "Partner Mac Address: $SYSID" || return 1
	aggs=$(bond_aggs | sort -u)
	[ "$(bond_aggs | wc -l)" = 2 ] && [ "$(echo "$aggs" | wc -l)" = 1 ]
}

# traffic_both: 16 layer3+4 flows each way use both links.
traffic_both()
{
	local t0 t1 r0 r1

	t0=$(tx_packets "$NS_A" a0); t1=$(tx_packets "$NS_A" a1)
	r0=$(rx_packets "$NS_A" a0); r1=$(rx_packets "$NS_A" a1)
	ip netns exec "$NS_A" "$UDP_FLOWS" 192.0.2.2 16 20 >/dev/null
	for dst in 192.0.2.1 192.0.2.3 192.0.2.4; do
		ip netns exec "$NS_B" "$UDP_FLOWS" $dst 16 20 >/dev/null
	done
	check_ge "$1: A sends on a0" $(($(tx_packets "$NS_A" a0) - t0)) 20
	check_ge "$1: A sends on a1" $(($(tx_packets "$NS_A" a1) - t1)) 20
	check_ge "$1: B sends on b0" $(($(rx_packets "$NS_A" a0) - r0)) 20
	check_ge "$1: B sends on b1" $(($(rx_packets "$NS_A" a1) - r1)) 20
}

ping_b() { ip netns exec "$NS_A" ping -c 2 -i 0.2 -W 1 192.0.2.2 >/dev/null 2>&1; }

for rate in fast slow; do
	ip -n "$NS_A" link set et0 type etrunk lacp_rate $rate
	bond_up $rate
	check "bonding ($rate): both members aggregate" wait_until 15 both_active "$NS_A" a0 a1
	check "bonding ($rate): the bond sees our system ID, both ports in one aggregator" \
		wait_until 5 bond_partner_ok
	check_eq "bonding ($rate): mux collecting-distributing" collecting-distributing \
		"$(member "$NS_A" a0 lacp_mux)"
	bond_mac=$(ip -n "$NS_B" -j link show bond0 | jq -r '.[0].address')
	check_eq "bonding ($rate): our partner is the bond" "$bond_mac" \
		"$(member "$NS_A" a0 partner_system)"
	if [ $rate = fast ]; then
		check_eq "bonding (fast): we ask for the short timeout" \
			active,short-timeout,aggregation,sync,collecting,distributing \
			"$(member "$NS_A" a0 actor_state)"
	else
		check_eq "bonding (slow): we ask for the long timeout" \
			active,aggregation,sync,collecting,distributing \
			"$(member "$NS_A" a0 actor_state)"
	fi
	check_eq "bonding ($rate): the trunk has carrier" 1 "$(link_attr "$NS_A" et0 carrier)"
	check "bonding ($rate): ping" ping_b
	traffic_both "bonding ($rate)"
done

# What bond0 last heard from us on SLAVE: the partner port state.
bond_partner_state()
{
	bond_proc | awk -v s="$1" '/^Slave Interface:/ { in_s = ($3 == s); p = 0 }
		in_s && /details partner lacp pdu:/ { p = 1 }
		in_s && p && /port state:/ { print $3; exit }'
}
bond_b1_out_of_sync() { [ $(($(bond_partner_state b1) & 8)) = 0 ]; }
bond_b1_in_sync() { [ $(($(bond_partner_state b1) & 8)) = 8 ]; }

# A member set down leaves the aggregator; up again, it returns.
ip -n "$NS_A" link set a1 down
check_eq "a member set down is down" down "$(member "$NS_A" a1 state)"
check "ping over the other member" ping_b
ip -n "$NS_A" link set a1 up
check "it comes back into the aggregator" wait_until 15 both_active "$NS_A" a0 a1
check "the bond has it in sync again" wait_until 5 bond_b1_in_sync
traffic_both "after a member came back"

# Taken out by the control plane (its device stays up): the partner
# learns at once that it is out of sync and stops sending on it.
ctl() { ip netns exec "$NS_A" "$REPO_DIR/tools/etrunkctl/etrunkctl" "$@"; }
ctl member set a1 admin down
check_eq "admin down: the member is down" admin "$(member "$NS_A" a1 reason)"
check "admin down: the bond hears within a second that it is out of sync" \
	wait_until 1 bond_b1_out_of_sync
sleep 0.3
r1=$(rx_packets "$NS_A" a1)
ip netns exec "$NS_B" "$UDP_FLOWS" 192.0.2.1 16 10 >/dev/null
ip netns exec "$NS_B" "$UDP_FLOWS" 192.0.2.3 16 10 >/dev/null
check_le "admin down: the bond sends nothing on b1" $(($(rx_packets "$NS_A" a1) - r1)) 2
ctl member set a1 admin up
check "admin up: it comes back" wait_until 15 both_active "$NS_A" a0 a1
traffic_both "after admin up"

# etrunkctl shows the protocol: the trunk's settings, each member's
# machines, actor and partner; plain and JSON.
check "etrunkctl show: the LACP settings" sh -c \
	"ip netns exec $NS_A $REPO_DIR/tools/etrunkctl/etrunkctl show et0 |
	grep -q 'lacp: system $SYSID, priority 100, key 7, port-offset 1000, rate slow, role master'"
check "etrunkctl show: a0 collecting-distributing, partner the bond, in sync" sh -c \
	"ip netns exec $NS_A $REPO_DIR/tools/etrunkctl/etrunkctl show et0 |
	grep -E '^ +a0 +current +selected +collecting-distributing +1001 +255 +active +AGYCD +$bond_mac '"
check_eq "etrunkctl -j: the partner's state" '["active","aggregation","sync","collecting","distributing"]' \
	"$(ctl -j member show a0 | jq -c '.[0].lacp.partner.state')"
ctl member set a0 lacp_port_priority 300
check_eq "etrunkctl member set: the port priority" 300 "$(member "$NS_A" a0 lacp_port_priority)"
check_eq "it is what we advertise" 300 "$(member "$NS_A" a0 actor_port_priority)"
check "the bond hears it" wait_until 2 sh -c \
	"ip netns exec $NS_B cat /proc/net/bonding/bond0 | grep -q 'port priority: 300'"

# max_links 1: the member of the better port priority (a1, 255 < 300)
# aggregates, the other stands by.
ip -n "$NS_A" link set et0 type etrunk max_links 1
check_eq "max_links 1: a1 stays active" active "$(member "$NS_A" a1 state)"
check_eq "max_links 1: a0 stands by" standby "$(member "$NS_A" a0 state)"
check_eq "for reason max-links" max-links "$(member "$NS_A" a0 reason)"
check "max_links 1: the bond hears a0 out of sync" wait_until 2 sh -c \
	"[ \$(( \$(ip netns exec $NS_B cat /proc/net/bonding/bond0 | awk '/^Slave Interface:/ { s = (\$3 == \"b0\"); p = 0 } s && /details partner lacp pdu:/ { p = 1 } s && p && /port state:/ { print \$3; exit }') & 8 )) = 0 ]"
ip -n "$NS_A" link set et0 type etrunk max_links 0
check "max_links 0: both aggregate again" wait_until 15 both_active "$NS_A" a0 a1

# Bad LACPDUs on a1, from B's end: dropped, counted, nothing changes.
# They claim another system (lacp_frame's): were one taken, that would
# be a1's partner until the bond's next LACPDU (30 s at lacp_rate slow).
partner=$(member "$NS_A" a1 partner_system)
mal=$(member "$NS_A" a1 lacp_rx_malformed)
send() { "$LACP_FRAME" -n "$NS_B" -i b1 "$@"; }
send -T 60
send -T 120
send -V 0
send -L 19
send -m -L 15
send -T 40 -m
check_eq "six malformed PDUs are counted" $((mal + 6)) "$(member "$NS_A" a1 lacp_rx_malformed)"
check_eq "the partner stays" "$partner" "$(member "$NS_A" a1 partner_system)"
check_eq "the member stays active" active "$(member "$NS_A" a1 state)"

# A marker is answered.
mrx=$(member "$NS_A" a1 marker_rx)
mtx=$(member "$NS_A" a1 marker_tx)
send -m
check_eq "a marker is received" $((mrx + 1)) "$(member "$NS_A" a1 marker_rx)"
check_eq "and answered" $((mtx + 1)) "$(member "$NS_A" a1 marker_tx)"

# A flood beyond the token bucket is dropped by rate.
rate=$(member "$NS_A" a1 lacp_rx_rate)
send -V 0 -c 200
check_ge "a flood is dropped by the token bucket" \
	$(($(member "$NS_A" a1 lacp_rx_rate) - rate)) 150
check_eq "and changes nothing" active "$(member "$NS_A" a1 state)"
check "the trunk still carries traffic" ping_b

# teamd's lacp runner (libteam): the same aggregation with a third
# implementation.
ip -n "$NS_B" link del bond0
if command -v teamd >/dev/null && command -v teamdctl >/dev/null; then
	ip -n "$NS_B" link set b0 down
	ip -n "$NS_B" link set b1 down
	mkdir -p /run/teamd
	# -U: teamdctl talks to it over its UNIX socket in /run/teamd
	ip netns exec "$NS_B" teamd -d -U -p "$TMP/teamd.pid" -t team0 -c \
		'{"device": "team0", "runner": {"name": "lacp", "active": true,
		  "fast_rate": true, "tx_hash": ["l3", "l4"]},
		  "link_watch": {"name": "ethtool"},
		  "ports": {"b0": {}, "b1": {}}}' >"$TMP/teamd.log" 2>&1
	TEAMD_PID=$(cat "$TMP/teamd.pid" 2>/dev/null)
	ip -n "$NS_B" addr add 192.0.2.2/24 dev team0
	ip -n "$NS_B" link set team0 up
	# teamdctl fails to connect now and then: try again
	team_state()
	{
		local i

		for i in 1 2 3 4 5; do
			ip netns exec "$NS_B" teamdctl team0 state dump 2>/dev/null &&
				return 0
			sleep 0.2
		done
		return 1
	}
	team_partner_ok()
	{
		local state

		state=$(team_state) || return 1
		echo "$state" | jq -e --arg s "$SYSID" '[.ports[] |
			select(.runner.selected and
			       .runner.partner_lacpdu_info.system == $s)] |
			length == 2' >/dev/null
	}
	check "teamd: both members aggregate" wait_until 15 both_active "$NS_A" a0 a1
	check "teamd: both its ports selected, with our system ID as partner" \
		wait_until 5 team_partner_ok
	check_eq "teamd: one aggregator for both ports" 1 \
		"$(team_state | jq '[.ports[].runner.aggregator.id] | unique | length')"
	check "teamd: ping" ping_b
	traffic_both "teamd"
	[ -n "$TEAMD_PID" ] && kill "$TEAMD_PID"
	sleep 0.5
	ip -n "$NS_B" link del team0 2>/dev/null
else
	echo "# teamd or teamdctl missing: skipping the teamd checks"
fi

# etrunk <-> etrunk
ip -n "$NS_B" link add et0 type etrunk mode lacp lacp_rate fast hash_policy layer3+4
ip -n "$NS_B" link set b0 master et0
ip -n "$NS_B" link set b1 master et0
ip -n "$NS_B" addr add 192.0.2.2/24 dev et0
ip -n "$NS_B" link set et0 up
check "etrunk: both ends aggregate both members" wait_until 15 both_active "$NS_A" a0 a1
check "etrunk: the far end too" wait_until 5 both_active "$NS_B" b0 b1
check_eq "etrunk: the far end's partner is our system ID" $SYSID "$(member "$NS_B" b0 partner_system)"
check_eq "etrunk: and our port number" 1001 "$(member "$NS_B" b0 partner_port)"
check "etrunk: ping" ping_b
traffic_both "etrunk"

# max_links 1: a0, of better port priority, aggregates. Without
# preemption, once a0's link failed and a1 took its place, a0 back waits
# as standby; with preemption it takes over again, but only once it has
# been able to aggregate for the delay. Every selection and mux change is
# an event.
ip netns exec "$NS_A" "$REPO_DIR/tools/etrunkctl/etrunkctl" monitor >"$TMP/events" 2>&1 &
monitor=$!
ctl member set a0 lacp_port_priority 100
ctl member set a1 lacp_port_priority 200
ip -n "$NS_A" link set et0 type etrunk max_links 1 lacp_preempt off
check_eq "max_links 1: a0 (priority 100) aggregates" active "$(member "$NS_A" a0 state)"
check_eq "max_links 1: a1 (priority 200) stands by" standby "$(member "$NS_A" a1 state)"
check_eq "a1's selection says standby" standby "$(member "$NS_A" a1 lacp_selected)"
check "etrunkctl show: a1 standby in the LACP table" sh -c \
	"ip netns exec $NS_A $REPO_DIR/tools/etrunkctl/etrunkctl show et0 | grep -Eq '^ +a1 +current +standby +'"
a1_active() { [ "$(member "$NS_A" a1 state)" = active ]; }
a0_active() { [ "$(member "$NS_A" a0 state)" = active ]; }
ip -n "$NS_B" link set b0 down
check "a0's link down: a1 aggregates" wait_until 5 a1_active
ip -n "$NS_B" link set b0 up
a0_standby() { [ "$(member "$NS_A" a0 reason)" = max-links ]; }
check "preempt off: a0 back waits as standby" wait_until 10 a0_standby
sleep 1
check_eq "preempt off: a1 keeps its place" active "$(member "$NS_A" a1 state)"
ip -n "$NS_A" link set et0 type etrunk lacp_preempt on lacp_preempt_delay 2500
check_eq "lacp_preempt reads back" on "$(link_detail "$NS_A" et0 lacp_preempt)"
check_eq "lacp_preempt_delay reads back" 2500 "$(link_detail "$NS_A" et0 lacp_preempt_delay)"
check "preempt on: a0 takes over" wait_until 10 a0_active
ip -n "$NS_B" link set b0 down
check "a0's link down again: a1 aggregates" wait_until 5 a1_active
ip -n "$NS_B" link set b0 up
t0=$(date +%s%N)
check "a0 back: it preempts a1" wait_until 15 a0_active
elapsed=$((($(date +%s%N) - t0) / 1000000))
check_ge "but not before the preemption delay (${elapsed} ms)" $elapsed 2400
check_eq "a1 stands by again" standby "$(member "$NS_A" a1 state)"
check "etrunk: the far end has b0 in collecting-distributing again" \
	wait_until 5 sh -c "ip -n $NS_B -d link show b0 | grep -q 'lacp_mux collecting-distributing'"
ip -n "$NS_A" link set et0 type etrunk max_links 0 lacp_preempt off
check "max_links 0: both aggregate again" wait_until 15 both_active "$NS_A" a0 a1
kill $monitor
wait $monitor 2>/dev/null
check "an event says a0 went standby" \
	grep -Eq '^seq [0-9]+ lacp trunk et0 member a0 .* selected standby mux ' "$TMP/events"
check "an event says a0 is collecting-distributing again" \
	grep -Eq '^seq [0-9]+ lacp trunk et0 member a0 .* selected selected mux collecting-distributing partner ' "$TMP/events"
check "an event says a0 lost its partner's port" \
	grep -Eq '^seq [0-9]+ lacp trunk et0 member a0 .* mux detached ' "$TMP/events"

# tshark dissects what we send, LACPDUs and a marker response, with no
# malformed-packet or expert warning.
if command -v tshark >/dev/null && command -v tcpdump >/dev/null; then
	ip netns exec "$NS_A" tcpdump -i a0 -U -w "$TMP/lacp.pcap" \
		ether proto 0x8809 >/dev/null 2>&1 &
	capture=$!
	# tcpdump writes the file's header once it captures
	wait_until 20 test -s "$TMP/lacp.pcap"
	sleep 0.5
	ip -n "$NS_A" link set et0 type etrunk lacp_rate slow
	ip -n "$NS_A" link set et0 type etrunk lacp_rate fast
	"$LACP_FRAME" -n "$NS_B" -i b0 -m
	sleep 1
	kill -INT $capture
	wait $capture
	tshark -r "$TMP/lacp.pcap" -T fields -e slow.subtype -e lacp.version \
		-e marker.tlvType >"$TMP/dissected" 2>/dev/null
	check_ge "tshark: LACPDUs of version 1 captured" \
		"$(awk '$1 == "0x01" && $2 == "0x01"' "$TMP/dissected" | wc -l)" 3
	check_eq "tshark: our marker response captured" 1 \
		"$(awk '$1 == "0x02" && $2 ~ /^0x02,/' "$TMP/dissected" | wc -l)"
	tshark -r "$TMP/lacp.pcap" -Y '_ws.malformed || _ws.expert.severity >= "Warning"' \
		-T fields -e frame.number >"$TMP/bad" 2>/dev/null
	check_eq "tshark: no malformed packet or expert warning" "" "$(cat "$TMP/bad")"
else
	echo "# tshark or tcpdump missing: skipping the dissection checks"
fi

# Role backup: members attach out of sync, the far end stops using them.
ip -n "$NS_A" link set et0 type etrunk lacp_role backup
check_eq "role backup: our members stand by" standby "$(member "$NS_A" a0 state)"
check_eq "for reason lacp-role" lacp-role "$(member "$NS_A" a0 reason)"
check "role backup: the far end takes them out at once" \
	wait_until 2 sh -c "[ \"\$(ip -n $NS_B -d link show b0 | grep -o 'reason [a-z-]*')\" = 'reason lacp-partner' ]"
ip -n "$NS_A" link set et0 type etrunk lacp_role master
check "role master: aggregated again" wait_until 5 both_active "$NS_A" a0 a1
check "role master: the far end too" wait_until 5 both_active "$NS_B" b0 b1

check "the trunk can be deleted" ip -n "$NS_A" link del et0
check "the far end loses its partner" wait_until 5 sh -c "ip -n $NS_B -d link show b0 | grep -q 'state down'"

# The aggregator when members see different partners. In C, et3 has
# three members: x0 to et4 in D, and e0, e1 to et5 in E (veths, 10 Gb/s
# each). By count et5's pair wins; by priority the partner of the member
# of the best port priority; by bandwidth et5's pair again (20 Gb/s
# against 10), whatever the priorities.
new_ns NS_D d
new_ns NS_E e
ip -n "$NS_C" link add x0 type veth peer name y0 netns "$NS_D"
for i in 0 1; do
	ip -n "$NS_C" link add "e$i" type veth peer name "f$i" netns "$NS_E"
done
ip -n "$NS_C" link add et3 type etrunk mode lacp lacp_rate fast
ip -n "$NS_D" link add et4 type etrunk mode lacp lacp_rate fast
ip -n "$NS_E" link add et5 type etrunk mode lacp lacp_rate fast
for m in x0 e0 e1; do ip -n "$NS_C" link set $m master et3; done
ip -n "$NS_D" link set y0 master et4
for m in f0 f1; do ip -n "$NS_E" link set $m master et5; done
ip -n "$NS_C" link set et3 up
ip -n "$NS_D" link set et4 up
ip -n "$NS_E" link set et5 up
reason_c() { link_detail "$NS_C" "$1" reason; }
selected_are()	# MEMBER... : exactly these of x0 e0 e1 are active
{
	local m

	for m in x0 e0 e1; do
		case " $* " in
		*" $m "*) [ "$(link_detail "$NS_C" $m state)" = active ] || return 1 ;;
		*) [ "$(reason_c $m)" = lacp-aggregator ] || return 1 ;;
		esac
	done
}
check "lacp_select count: e0 and e1 (two members) aggregate" wait_until 15 selected_are e0 e1
check_eq "x0 waits for reason lacp-aggregator" lacp-aggregator "$(reason_c x0)"
ip -n "$NS_C" link set x0 type etrunk_slave lacp_port_priority 5
ip -n "$NS_C" link set et3 type etrunk lacp_select priority
check_eq "lacp_select reads back" priority "$(link_detail "$NS_C" et3 lacp_select)"
check "lacp_select priority: x0's partner (port priority 5) wins" wait_until 15 selected_are x0
ip -n "$NS_C" link set et3 type etrunk lacp_select bandwidth
check "lacp_select bandwidth: e0 and e1 (20 Gb/s against 10) win" wait_until 15 selected_are e0 e1
check_refused "an unknown lacp_select is refused" "" \
	ip -n "$NS_C" link set et3 type etrunk lacp_select 7

# A LACPDU of version 2, longer, is read as version 1 asks.
rx=$(link_detail "$NS_C" c2 lacpdu_rx)
mal=$(link_detail "$NS_C" c2 lacp_rx_malformed)
"$LACP_FRAME" -n "$NS_C" -i c3 -V 2 -T 130
c2_is() { [ "$(link_detail "$NS_C" c2 "$1")" = "$2" ]; }
# Receive counts at once; the machines take the PDU in a work item.
check "version 2: received" wait_until 5 c2_is lacpdu_rx $((rx + 1))
check_eq "version 2: not malformed" "$mal" "$(link_detail "$NS_C" c2 lacp_rx_malformed)"
check "version 2: its actor is our partner" wait_until 5 c2_is partner_system 02:00:00:00:00:99
"$LACP_FRAME" -n "$NS_C" -i c3 -T 130
check "version 1 of 130 bytes: malformed" wait_until 5 c2_is lacp_rx_malformed $((mal + 1))

# Loopback and churn on et1 (its members cabled to each other).
check_eq "loopback: c0 sees itself as partner" lacp-loopback "$(link_detail "$NS_C" c0 reason)"
check_eq "loopback: c1 too" lacp-loopback "$(link_detail "$NS_C" c1 reason)"
check_eq "loopback: the trunk has no carrier" 0 "$(link_attr "$NS_C" et1 carrier)"
churned() { [ "$(link_detail "$NS_C" c0 actor_churn)" = on ]; }
left=$((LOOP_T0 + 75 - $(date +%s)))
check "actor churn within 75 s of the loop" wait_until $((left > 1 ? left : 1)) churned
check_eq "partner churn too" on "$(link_detail "$NS_C" c0 partner_churn)"
check_eq "counted once" 1 "$(link_detail "$NS_C" c0 actor_churns)"
sleep 0.5
kill "$(cat "$TMP/cmon.pid")" 2>/dev/null
churn_at=$(awk '/ lacp trunk et1 member c0 .* churn both$/ { print $1; exit }' "$TMP/c_events")
check "an event reported the churn" test -n "$churn_at"
check_ge "the churn machines ran their 60 s first" $((${churn_at:-0} - LOOP_T0)) 59
finish
