#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Remote backup service end to end: a customer edge CE dual-homed to PE1
# and PE2 (a bond in mode 802.3ad; each PE an etrunk in mode lacp bound to
# E-Trunk group 1, as in etrunk_etrunkd.sh), the trunk a port of bridge
# br0 on each PE, which routes for the hosts behind the CE; etrunkd on
# each PE runs the E-Trunk and a remote backup service (RBS "rbs1") with a
# profile (RBP "p1", backup id 10) on et0 over its own link.
#
#   H1 (h1 macvlan on CE's bond0) 192.0.2.11 2001:db8:1::11
#   H2 (h2 macvlan on CE's bond0) 192.0.2.12 2001:db8:1::12
#   CE: bond0 (c1 to PE1, c2 to PE2)
#   PE1/PE2: br0 (et0, GW_MAC) 192.0.2.2 2001:db8:1::2; core link
#            r1/r2 10.9.N.1 2001:db8:9:N::1; E-Trunk link l1/l2
#            198.51.100.N; RBS link b1/b2 198.51.100.(64+N)
#   CORE: r1 10.9.1.2, r2 10.9.2.2; routes to the hosts via PE1, later PE2
#   SRC: s2 192.0.2.250 on PE2's br0 (port ms): a multicast source
#
# Checked: the channel comes up and synchronises; ARP and ND entries
# PE1 learns appear on PE2 (installed extern_learn, proto 0xe7) within a
# bound; active-active: entries go both ways, an entry learned on both
# sides stays local on each; an IGMP join on PE1 becomes a permanent MDB
# entry on PE2; the channel cut in the middle of a bulk of a few thousand
# entries reconnects and the tables compare equal (and after restarts of
# either daemon, with entries deleted meanwhile); a wrong key: no session,
# counted; the reconnection's full sync read by our dissector
# (tools/wireshark/etrunk.lua: hello, bulk-start, entries adding up to
# bulk-end's count, sequence numbers); PE1 fails: the core's traffic through PE2 reaches the hosts
# with no ARP request nor neighbour solicitation from PE2 (tc counters
# zero), the multicast group keeps receiving with every report from the
# CE dropped at PE2; the hold time removes the entries once the channel
# is down.

source "$(dirname "$0")/lib.sh"
require_etrunk
modprobe bonding 2>/dev/null
modprobe macvlan 2>/dev/null
[ -d /sys/module/bonding ] || skip "bonding not available"
command -v jq >/dev/null || skip "jq not installed"
require_rbs

# The neighbour tables are shared by all namespaces: room for the bulk,
# and no periodic garbage collection of stale entries meanwhile.
GC_SAVED=()
for f in 4 6; do
	for t in 1 2 3; do
		k=net.ipv$f.neigh.default.gc_thresh$t
		GC_SAVED+=("$k=$(sysctl -n $k)")
		sysctl -qw "$k=$((t * 100000))"
	done
done

LACP_SYSID=02:00:00:00:00:aa
GW_MAC=02:00:00:00:02:02
KEY=6b65792d6f662d746865
BULK=${RBS_BULK:-2000}

new_edge
new_ns NS_CORE core
new_ns NS_H1 h1
new_ns NS_H2 h2
new_ns NS_SRC src

ip -n "$NS_PE1" link add l1 type veth peer name l2 netns "$NS_PE2"
ip -n "$NS_PE1" link add b1 type veth peer name b2 netns "$NS_PE2"
ip -n "$NS_CORE" link add r1 type veth peer name r1 netns "$NS_PE1"
ip -n "$NS_CORE" link add r2 type veth peer name r2 netns "$NS_PE2"
ip -n "$NS_SRC" link add s2 type veth peer name ms netns "$NS_PE2"

for i in 1 2; do
	ns=${PE[$i]}
	ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1 \
		net.ipv6.conf.all.forwarding=1
	ip -n "$ns" link add et0 type etrunk mode lacp \
		lacp_rate fast system_id $LACP_SYSID system_priority 100 \
		actor_key 7 port_offset $(((i - 1) * 100)) \
		hash_policy layer3+4 || exit $ksft_fail
	# PE1 only snoops, and keeps what it learns for an hour (no querier
	# refreshes it); PE2 is the querier (so that it forwards by its MDB),
	# with one startup query and then none for the whole test.
	ip -n "$ns" link add br0 address $GW_MAC type bridge \
		mcast_snooping 1 mcast_querier $((i - 1)) \
		mcast_membership_interval 360000 \
		mcast_startup_query_count 1 mcast_query_interval 60000 ||
		exit $ksft_fail
	ip -n "$ns" -batch - <<-EOF || exit $ksft_fail
		link set p$i master et0
		link set et0 master br0
		link set dev et0 type bridge_slave mcast_flood off
		link set et0 up
		link set br0 up
		addr add 192.0.2.2/24 dev br0
		addr add 2001:db8:1::2/64 dev br0 nodad
		addr add 198.51.100.$i/26 dev l$i
		link set l$i up
		addr add 198.51.100.$((64 + i))/26 dev b$i
		link set b$i up
		addr add 10.9.$i.1/24 dev r$i
		addr add 2001:db8:9:$i::1/64 dev r$i nodad
		link set r$i up
	EOF
done
ip -n "$NS_PE2" link set ms master br0 || exit $ksft_fail
ip -n "$NS_PE2" link set ms up

ip -n "$NS_CE" -batch - <<-EOF || exit $ksft_fail
	link add bond0 type bond mode 802.3ad lacp_rate fast miimon 100
	link set c1 master bond0
	link set c2 master bond0
	link set bond0 up
	link add link bond0 name h1 address 02:00:00:00:11:11 type macvlan mode bridge
	link add link bond0 name h2 address 02:00:00:00:12:12 type macvlan mode bridge
	link set h1 netns $NS_H1
	link set h2 netns $NS_H2
EOF
for h in 1 2; do
	ns=NS_H$h
	ip -n "${!ns}" -batch - <<-EOF || exit $ksft_fail
		link set h$h up
		addr add 192.0.2.1$h/24 dev h$h
		addr add 2001:db8:1::1$h/64 dev h$h nodad
		route add default via 192.0.2.2
		route add default via 2001:db8:1::2
		neigh replace 192.0.2.2 lladdr $GW_MAC dev h$h nud permanent
		neigh replace 2001:db8:1::2 lladdr $GW_MAC dev h$h nud permanent
	EOF
done
ip -n "$NS_CORE" -batch - <<-EOF || exit $ksft_fail
	link set r1 up
	link set r2 up
	addr add 10.9.1.2/24 dev r1
	addr add 10.9.2.2/24 dev r2
	addr add 2001:db8:9:1::2/64 dev r1 nodad
	addr add 2001:db8:9:2::2/64 dev r2 nodad
	route add 192.0.2.0/24 via 10.9.1.1
	route add 2001:db8:1::/64 via 2001:db8:9:1::1
EOF
ip -n "$NS_SRC" -batch - <<-EOF || exit $ksft_fail
	link set s2 up
	addr add 192.0.2.250/24 dev s2
	route add 239.0.0.0/8 dev s2
EOF

ctl() { local n=$1; shift; ip netns exec "${PE[$n]}" "$ETRUNKCTL" "$@"; }

for i in 1 2; do
	ctl $i e-trunk add 1 system-id 02:00:00:00:0e:0$i \
		source 198.51.100.$i peer 198.51.100.$((3 - i)) \
		priority $((i * 100)) hello 100 hold-multiplier 3 \
		revert-delay 2 || exit $ksft_fail
	ctl $i e-trunk bind et0 group 1 id 10 || exit $ksft_fail
	ctl $i rbs add rbs1 source 198.51.100.$((64 + i)) \
		peer 198.51.100.$((67 - i)) keepalive 250 hold-time 60 ||
		exit $ksft_fail
	ctl $i rbp add p1 service rbs1 backup-id 10 dev et0 || exit $ksft_fail
done

DPID=()
start_daemon()	# PE
{
	ip netns exec "${PE[$1]}" "$ETRUNKD" -f -d -s "$TMP/epoch$1" \
		>>"$TMP/etrunkd$1.log" 2>&1 &
	DPID[$1]=$!
}
trap 'cleanup_daemons; sysctl -qw "${GC_SAVED[@]}"; cleanup' EXIT

# rbs PE JQ: a field of service rbs1 as PE's etrunkctl shows it.
rbs() { ctl "$1" -j rbs show rbs1 | jq -r "(if type == \"array\" then .[0] else . end) | $2"; }
rbs_state() { rbs "$1" .state; }
# The entries installed from the peer on PE's br0 (proto 231 and
# extern_learn) / local ones (the others with a link-layer address, in a
# state etrunkd sends), sorted: "ADDRESS LLADDR" per line.
# (awk on ip's text: jq on thousands of entries is slow under TCG)
peer_neigh()	# PE [4|6]
{
	ip -n "${PE[$1]}" -"${2:-4}" neigh show dev br0 |
		awk '$2 == "lladdr" && / extern_learn / && / proto 231 / { print $1, $3 }' |
		sort
}
local_neigh()	# PE [4|6]
{
	ip -n "${PE[$1]}" -"${2:-4}" neigh show dev br0 |
		awk '$2 == "lladdr" && !(/ extern_learn / && / proto 231 /) &&
			!/ (FAILED|INCOMPLETE|NOARP|NONE) / { print $1, $3 }' |
		sort
}
has_peer()	# PE ADDR LLADDR
{
	local f=4

	[[ $2 == *:* ]] && f=6
	peer_neigh "$1" $f | grep -qx "$2 $3"
}
tables_equal()	# the local entries of each PE are the other's peer entries
{
	local f

	for f in 4 6; do
		[ "$(local_neigh 1 $f)" = "$(peer_neigh 2 $f)" ] || return 1
		[ "$(local_neigh 2 $f)" = "$(peer_neigh 1 $f)" ] || return 1
	done
}
show_tables()
{
	local f

	for f in 4 6; do
		echo "# IPv$f PE1 local $(local_neigh 1 $f | wc -l), PE2 from peer $(peer_neigh 2 $f | wc -l);" \
			"PE2 local $(local_neigh 2 $f | wc -l), PE1 from peer $(peer_neigh 1 $f | wc -l)"
	done
}
ms_now() { echo $(($(date +%s%N) / 1000000)); }

start_daemon 1
start_daemon 2
check "the E-Trunk comes up: PE1 master" \
	wait_until 15 eval '[ "$(ctl 1 -j e-trunk show 1 | jq -r ".[0].trunks[0].role")" = master ]'
check "the remote backup channel comes up on PE1" \
	wait_until 15 eval '[ "$(rbs_state 1)" = up ]'
check "and on PE2" wait_until 5 eval '[ "$(rbs_state 2)" = up ]'
check_ge "PE1 counts a connect" "$(rbs 1 .connects)" 1

# ---------------------------------------------------------------------
# PE1 learns ARP and ND entries for the hosts: on PE2 within a bound.
# ---------------------------------------------------------------------
# The bond sends on the links of the PE that is master only.
bond_on()	# c1|c2 -> 0 or 1: the bond distributes on it
{
	local s

	s=$(ip -n "$NS_CE" -j -d link show dev "$1" |
		jq -r '.[0].linkinfo.info_slave_data.ad_actor_oper_port_state // 0')
	echo $(((s & 0x30) == 0x30))
}
check "the bond distributes on PE1's link" \
	wait_until 15 eval '[ "$(bond_on c1)" = 1 ]'
for h in 1 2; do
	ip netns exec "$NS_CORE" ping -q -c 1 -W 2 192.0.2.1$h >/dev/null
	ip netns exec "$NS_CORE" ping -q -c 1 -W 2 2001:db8:1::1$h >/dev/null
done
T0=$(ms_now)
check "PE2 has H1's ARP entry from the peer within 2 s" \
	wait_until 2 has_peer 2 192.0.2.11 02:00:00:00:11:11
echo "# on PE2 at most $(($(ms_now) - T0)) ms after PE1's pings returned (polled)"
check "PE1 resolved the hosts (ARP)" \
	eval 'ip -n "$NS_PE1" neigh show 192.0.2.11 dev br0 | grep -q 02:00:00:00:11:11'
check "and H2's" wait_until 2 has_peer 2 192.0.2.12 02:00:00:00:12:12
check "and their ND entries" \
	wait_until 2 eval 'has_peer 2 2001:db8:1::11 02:00:00:00:11:11 && has_peer 2 2001:db8:1::12 02:00:00:00:12:12'
check "installed extern_learn, proto 231 (0xe7)" \
	eval 'ip -n "$NS_PE2" neigh show 192.0.2.11 dev br0 | grep -q "extern_learn.*proto 231"'

# ---------------------------------------------------------------------
# Active-active: both directions; an entry on both sides stays local.
# ---------------------------------------------------------------------
ip -n "$NS_PE2" neigh replace 192.0.2.66 lladdr 02:00:00:00:66:66 dev br0 nud stale
ip -n "$NS_PE2" neigh replace 2001:db8:1::66 lladdr 02:00:00:00:66:66 dev br0 nud stale
check "PE2's own entry reaches PE1 (IPv4)" \
	wait_until 2 has_peer 1 192.0.2.66 02:00:00:00:66:66
check "and IPv6" wait_until 2 has_peer 1 2001:db8:1::66 02:00:00:00:66:66
ip -n "$NS_PE1" neigh replace 192.0.2.88 lladdr 02:00:00:00:88:01 dev br0 nud stale
ip -n "$NS_PE2" neigh replace 192.0.2.88 lladdr 02:00:00:00:88:02 dev br0 nud stale
sleep 0.5
# (Whichever came first was installed from the peer on the other side;
# the admin's replace made it local there.)
check "an entry learned on both sides stays PE1's own on PE1" \
	eval 'local_neigh 1 | grep -qx "192.0.2.88 02:00:00:00:88:01"'
check "and PE2's own on PE2" \
	eval 'local_neigh 2 | grep -qx "192.0.2.88 02:00:00:00:88:02"'
ip -n "$NS_PE2" neigh del 192.0.2.88 dev br0
check "PE2's own gone: PE1's entry is installed on PE2" \
	wait_until 2 has_peer 2 192.0.2.88 02:00:00:00:88:01
ip -n "$NS_PE1" neigh del 192.0.2.88 dev br0
check "PE1 deletes it: gone from PE2" \
	wait_until 2 eval '! ip -n "$NS_PE2" neigh show 192.0.2.88 dev br0 | grep -q lladdr'
check "the tables compare equal" wait_until 3 tables_equal

# ---------------------------------------------------------------------
# IGMP snooping: a host joins, PE2 gets a permanent MDB entry on et0.
# ---------------------------------------------------------------------
ip -n "$NS_H1" addr add 239.1.1.1/32 dev h1 autojoin
check "PE1 snoops H1's report" \
	wait_until 5 eval 'bridge -n "$NS_PE1" mdb show dev br0 | grep -q "port et0 grp 239.1.1.1 temp"'
check "PE2 has the group on et0 from the peer, permanent" \
	wait_until 2 eval 'bridge -n "$NS_PE2" mdb show dev br0 | grep -q "port et0 grp 239.1.1.1 permanent"'

# ---------------------------------------------------------------------
# The channel cut in the middle of a bulk of $BULK entries.
# ---------------------------------------------------------------------
ip -n "$NS_PE1" neigh replace 192.0.2.77 lladdr 02:00:00:00:77:77 dev br0 nud stale
check "PE1's 192.0.2.77 on PE2" wait_until 2 has_peer 2 192.0.2.77 02:00:00:00:77:77
ip -n "$NS_PE1" link set b1 down
check "RBS link down: the channel goes down (3 keepalives)" \
	wait_until 5 eval '[ "$(rbs_state 1)" != up ] && [ "$(rbs_state 2)" != up ]'
{
	for ((n = 0; n < BULK; n++)); do
		printf 'neigh replace 10.%d.%d.%d lladdr 02:00:0a:%02x:%02x:%02x dev br0 nud stale\n' \
			$((n >> 16 & 255)) $((n >> 8 & 255)) $((n & 255)) \
			$((n >> 16 & 255)) $((n >> 8 & 255)) $((n & 255))
	done
} | ip -n "$NS_PE1" -batch -
# Changed while the channel is down: right on the peer after the bulk.
ip -n "$NS_PE1" neigh del 192.0.2.77 dev br0
ip -n "$NS_PE2" neigh del 192.0.2.66 dev br0
ip -n "$NS_PE2" neigh replace 192.0.2.67 lladdr 02:00:00:00:67:67 dev br0 nud stale
# A slow RBS link (100 kbit/s: the bulk takes 5 s), to cut into it.
tbf=0
tc -n "$NS_PE1" qdisc add dev b1 root tbf rate 100kbit burst 4k latency 10s 2>/dev/null &&
	tbf=1
ip -n "$NS_PE1" link set b1 up
bulk_got() { ip -n "$NS_PE2" -4 neigh show to 10.0.0.0/8 dev br0 | grep -c 'proto 231'; }
bulk_started() { [ "$(bulk_got)" -gt 0 ]; }
wait_until 20 bulk_started
ip -n "$NS_PE1" link set b1 down
got=$(bulk_got)
echo "# cut with $got of $BULK bulk entries on PE2 (tbf $tbf)"
sleep 0.6
[ $tbf = 1 ] && tc -n "$NS_PE1" qdisc del dev b1 root
# The reconnection's full sync, captured for tshark and our dissector.
capture=
if command -v tshark >/dev/null; then
	ip netns exec "$NS_PE2" tcpdump -i b2 -U -w "$TMP/rbs.pcap" tcp port 6787 \
		>/dev/null 2>&1 &
	capture=$!
	wait_until 20 test -s "$TMP/rbs.pcap"
	sleep 0.5
fi
ip -n "$NS_PE1" link set b1 up
check "the channel comes back up" \
	wait_until 20 eval '[ "$(rbs_state 1)" = up ] && [ "$(rbs_state 2)" = up ]'
check "the tables converge and compare equal" wait_until 10 tables_equal
if [ -n "$capture" ]; then
	sleep 0.5
	kill -INT "$capture"
	wait "$capture"
	LUA="$REPO_DIR/tools/wireshark/etrunk.lua"
	# Per message from PE1: its type, and for entries its count.
	tshark -n -r "$TMP/rbs.pcap" -X "lua_script:$LUA" -o tcp.desegment_tcp_streams:TRUE \
		-Y "ip.src == 198.51.100.65 && etrunk.rbs" -T fields -E occurrence=a \
		-E aggregator=' ' -E separator='|' -e etrunk.rbs.type -e etrunk.rbs.seq \
		-e etrunk.rbs.entries -e etrunk.rbs.bulk_end.count -e tcp.stream \
		>"$TMP/rbs1" 2>"$TMP/rbs.err"
	check_eq "etrunk.lua: PE1's hello, bulk-start and bulk-end in the capture" "1 2 4" \
		"$(cut -d'|' -f1 "$TMP/rbs1" | tr ' ' '\n' | grep -xE '1|2|4' | sort -u | xargs)"
	sent=$(cut -d'|' -f4 "$TMP/rbs1" | tr ' ' '\n' | grep -m1 .)
	check_ge "etrunk.lua: PE1's bulk-end counts at least the $BULK bulk entries" \
		"${sent:-0}" "$BULK"
	check_ge "etrunk.lua: the entries messages carry them all" \
		"$(cut -d'|' -f3 "$TMP/rbs1" | tr ' ' '\n' | awk '{ s += $1 } END { print s + 0 }')" \
		"${sent:-1}"
	# Stream and sequence number of each message, in the capture's order,
	# for the connections whose start is in the capture (the one cut may
	# show segments sent again, from the middle of its stream). Any number
	# but the one before plus one fails, printed (stream, before, after).
	opened=$(tshark -n -r "$TMP/rbs.pcap" -Y 'tcp.flags.syn == 1 && tcp.flags.ack == 0' \
		-T fields -e tcp.stream 2>/dev/null | sort -u | xargs)
	echo "# connections opened in the capture (tcp.stream): ${opened:-none}"
	awk -F'|' '{ n = split($2, q, " "); for (i = 1; i <= n; i++) print $5, q[i] }' \
		"$TMP/rbs1" >"$TMP/rbs1.seq"
	seq_report=$(awk -v opened="$opened" '
			BEGIN { n = split(opened, o, " "); for (i = 1; i <= n; i++) ok[o[i]] = 1 }
			!($1 in ok) { next }
			($1 in p) && $2 != p[$1] + 1 { print "stream " $1 ": " p[$1] " then " $2 }
			{ p[$1] = $2 }' "$TMP/rbs1.seq")
	check_eq "etrunk.lua: PE1's sequence numbers grow by one on each connection" "" \
		"$seq_report"
	# (TCP's own expert info about the cut connection is not ours)
	check_eq "etrunk.lua: no malformed message, none of its faults, no Lua error" "" \
		"$(tshark -n -r "$TMP/rbs.pcap" -X "lua_script:$LUA" \
			-Y '_ws.malformed || etrunk.rbs.length.bad || etrunk.rbs.reserved.set ||
			    etrunk.rbs.version.unknown || etrunk.rbs.type.unknown ||
			    etrunk.rbs.magic.bad' \
			-T fields -e frame.number 2>>"$TMP/rbs.err"; grep -i lua "$TMP/rbs.err")"
fi
show_tables
check_eq "PE2 holds all $BULK bulk entries from PE1" "$BULK" \
	"$(peer_neigh 2 | grep -c '^10\.')"
check "the entry PE1 deleted meanwhile is gone from PE2" \
	eval '! peer_neigh 2 | grep -q "^192.0.2.77 "'
check "the entry PE2 deleted meanwhile is gone from PE1" \
	eval '! peer_neigh 1 | grep -q "^192.0.2.66 "'
check "PE2's new one is on PE1" has_peer 1 192.0.2.67 02:00:00:00:67:67
check_ge "PE2 counts the dropped connection as an error" "$(rbs 2 .errors)" 1
sync_ms=$(rbs 2 '.last_sync_duration // .last_sync_duration_ms // empty')
echo "# last full sync on PE2: $sync_ms ms"

# ---------------------------------------------------------------------
# Daemon restarts: nothing duplicated nor stale.
# ---------------------------------------------------------------------
stop_daemon 2
start_daemon 2
check "PE2's daemon restarted: the channel comes back up" \
	wait_until 20 eval '[ "$(rbs_state 2)" = up ]'
check "the tables compare equal" wait_until 10 tables_equal
stop_daemon 1
ip -n "$NS_PE1" neigh del 10.0.0.5 dev br0
ip -n "$NS_PE1" neigh replace 10.0.0.6 lladdr 02:00:00:00:06:06 dev br0 nud stale
start_daemon 1
check "PE1's daemon stopped and restarted: up again" \
	wait_until 20 eval '[ "$(rbs_state 1)" = up ] && [ "$(rbs_state 2)" = up ]'
check "the tables compare equal (a deletion and a change made meanwhile)" \
	wait_until 10 tables_equal
check "10.0.0.6 has its new address on PE2" has_peer 2 10.0.0.6 02:00:00:00:06:06
show_tables

# ---------------------------------------------------------------------
# A wrong key: no session, counted.
# ---------------------------------------------------------------------
a1=$(rbs 1 .auth_failures)
ctl 1 rbs set rbs1 key $KEY
check "a key on PE1 only: the channel does not come up" \
	eval 'sleep 2; [ "$(rbs_state 1)" != up ] && [ "$(rbs_state 2)" != up ]'
check "PE1 counts authentication failures" \
	wait_until 5 eval '[ "$(rbs 1 .auth_failures)" -gt "$a1" ]'
check "PE2 too" wait_until 5 eval '[ "$(rbs 2 .auth_failures)" -gt 0 ]'
check "PE2's entries from PE1 stay meanwhile (hold time 60 s)" \
	has_peer 2 192.0.2.11 02:00:00:00:11:11
ctl 2 rbs set rbs1 key $KEY
check "the same key on both: up again" \
	wait_until 20 eval '[ "$(rbs_state 1)" = up ] && [ "$(rbs_state 2)" = up ]'
check "the tables compare equal" wait_until 10 tables_equal

# ---------------------------------------------------------------------
# A hostile connection from PE1's address (PE2 listens: the higher
# address): one that echoes every byte PE2 sends back to it. It must not
# replace the working channel (it never shows the key), and with no
# channel it must not pass as PE1: PE2's own messages, reflected, do not
# verify as the peer's, so its echoed bulk-end cannot remove PE1's
# entries.
# ---------------------------------------------------------------------
reflect()	# run from PE1's address until PE2 closes (10 s at most)
{
	ip netns exec "$NS_PE1" python3 -c '
import socket
s = socket.create_connection(("198.51.100.66", 6787), timeout=10,
                             source_address=("198.51.100.65", 0))
n = 0
try:
    while True:
        d = s.recv(65536)
        if not d:
            break
        s.sendall(d)
        n += len(d)
except OSError:
    pass
print(n)'
}
# reflect_once: PE2's connects and auth failures before (C2, A2), the
# bytes echoed (N), and time for etrunkd to write its counters (2 s).
reflect_once()
{
	c2=$(rbs 2 .connects)
	a2=$(rbs 2 .auth_failures)
	n=$(reflect)
	echo "# the reflector echoed $n bytes"
	sleep 2.5
}
reflect_once
check_ge "a reflecting connection from PE1's address got PE2's hello" "${n:-0}" 88
check "it did not replace the working channel: up on both" \
	eval '[ "$(rbs_state 1)" = up ] && [ "$(rbs_state 2)" = up ]'
check_eq "PE2's channel did not come up again" "$c2" "$(rbs 2 .connects)"
check "PE2 counts it as an authentication failure" \
	wait_until 5 eval '[ "$(rbs 2 .auth_failures)" -gt "$a2" ]'
check "PE2 says so" grep -q "new connection from the peer is closed: authentication failed; the channel stays" \
	"$TMP/etrunkd2.log"
check "the tables still compare equal" tables_equal

stop_daemon 1
check "PE1's daemon stopped: PE2's channel goes down" \
	wait_until 10 eval '[ "$(rbs_state 2)" != up ]'
reflect_once
check_ge "with no channel, the reflector got PE2's hello" "${n:-0}" 88
check_eq "its echo does not bring PE2's channel up" "$c2" "$(rbs 2 .connects)"
check "PE2 counts an authentication failure" \
	wait_until 5 eval '[ "$(rbs 2 .auth_failures)" -gt "$a2" ]'
check "PE2 keeps PE1's entries (no echoed bulk removed them)" \
	has_peer 2 192.0.2.11 02:00:00:00:11:11

# PE1 restarts and PE2 misses the end of the old connection (its FIN and
# RST are dropped): the new connection shows the key and replaces the
# channel PE2 still holds up (9 s dead time at a keepalive of 3 s).
ctl 2 rbs set rbs1 keepalive 3000
start_daemon 1
check "PE1's daemon back: up on both" \
	wait_until 20 eval '[ "$(rbs_state 1)" = up ] && [ "$(rbs_state 2)" = up ]'
check "tc: PE2 drops FIN and RST to its RBS port" \
	eval 'tc -n "$NS_PE2" qdisc add dev b2 clsact &&
	tc -n "$NS_PE2" filter add dev b2 ingress pref 1 protocol ip flower \
		ip_proto tcp dst_port 6787 tcp_flags 0x1/0x1 action drop &&
	tc -n "$NS_PE2" filter add dev b2 ingress pref 2 protocol ip flower \
		ip_proto tcp dst_port 6787 tcp_flags 0x4/0x4 action drop'
stop_daemon 1 KILL
start_daemon 1
check "PE1 restarted unseen: its new connection replaces PE2's channel once it shows the key" \
	wait_until 8 grep -q "new connection from the peer showed the key; it replaces the channel" \
		"$TMP/etrunkd2.log"
check "up on both" \
	wait_until 10 eval '[ "$(rbs_state 1)" = up ] && [ "$(rbs_state 2)" = up ]'
check "the tables compare equal" wait_until 10 tables_equal
tc -n "$NS_PE2" qdisc del dev b2 clsact
ctl 2 rbs set rbs1 keepalive 250

# ---------------------------------------------------------------------
# PE1 fails: the core's traffic through PE2 needs no resolution, and the
# multicast group keeps receiving without a new report.
# ---------------------------------------------------------------------
# PE2's ARP requests and NS are counted as its stack sends them into br0
# (the bridge keeps NS to groups nobody joined from et0: mcast_flood off).
# IGMP and MLD reports from the CE are counted and dropped at PE2: its
# MDB can only come from PE1 (as the new master, PE2 queries et0 when it
# comes up, and the hosts answer).
check "tc counters: ARP requests and NS PE2 sends, IGMP/MLD reports from the CE, the group at H1" \
	eval 'tc -n "$NS_PE2" qdisc add dev br0 clsact &&
	tc -n "$NS_PE2" qdisc add dev p2 clsact &&
	tc -n "$NS_H1" qdisc add dev h1 clsact &&
	tc -n "$NS_PE2" filter add dev br0 egress pref 1 protocol arp flower \
		dst_mac ff:ff:ff:ff:ff:ff arp_op request action pass &&
	tc -n "$NS_PE2" filter add dev br0 egress pref 2 protocol ipv6 flower \
		dst_mac 33:33:ff:00:00:00/ff:ff:ff:00:00:00 \
		ip_proto icmpv6 type 135 action pass &&
	tc -n "$NS_PE2" filter add dev p2 ingress pref 1 protocol ip flower \
		ip_proto 2 action drop &&
	tc -n "$NS_PE2" filter add dev p2 ingress pref 2 protocol ipv6 flower \
		ip_proto icmpv6 type 143 action drop &&
	tc -n "$NS_H1" filter add dev h1 ingress pref 1 protocol ip flower \
		dst_ip 239.1.1.1 action pass'
tc_count()	# NS DEV PREF [ingress|egress]
{
	tc -n "$1" -s -j filter show dev "$2" "${4:-ingress}" pref "$3" |
		jq '[.[] | select(.options.actions) | .options.actions[0].stats.packets] | add // 0'
}

stop_daemon 1 KILL
ip -n "$NS_PE1" link set l1 down
ip -n "$NS_PE1" link set b1 down
ip -n "$NS_PE1" link set p1 down
check "PE1 gone: PE2 master" \
	wait_until 10 eval '[ "$(ctl 2 -j e-trunk show 1 | jq -r ".[0].trunks[0].role")" = master ]'
check "the bond moves to its link to PE2" \
	wait_until 10 eval '[ "$(bond_on c2)" = 1 ]'
ip -n "$NS_CORE" route replace 192.0.2.0/24 via 10.9.2.1
ip -n "$NS_CORE" route replace 2001:db8:1::/64 via 2001:db8:9:2::1
arp0=$(tc_count "$NS_PE2" br0 1 egress)
ns0=$(tc_count "$NS_PE2" br0 2 egress)
check "the core reaches H1 through PE2 (IPv4)" \
	ip netns exec "$NS_CORE" ping -q -c 3 -i 0.2 -W 2 192.0.2.11
check "and H2" ip netns exec "$NS_CORE" ping -q -c 3 -i 0.2 -W 2 192.0.2.12
check "and over IPv6" \
	ip netns exec "$NS_CORE" ping -q -c 3 -i 0.2 -W 2 2001:db8:1::11
check_eq "PE2 sent no ARP request to the hosts" 0 \
	"$(($(tc_count "$NS_PE2" br0 1 egress) - arp0))"
check_eq "PE2 sent no neighbour solicitation" 0 \
	"$(($(tc_count "$NS_PE2" br0 2 egress) - ns0))"
rep0=$(($(tc_count "$NS_PE2" p2 1) + $(tc_count "$NS_PE2" p2 2)))
mc0=$(tc_count "$NS_H1" h1 1)
ip netns exec "$NS_SRC" ping -q -c 10 -i 0.1 -t 2 -I s2 239.1.1.1 >/dev/null 2>&1
mc=$(($(tc_count "$NS_H1" h1 1) - mc0))
echo "# H1 received $mc of 10 datagrams to 239.1.1.1 through PE2;" \
	"$(($(tc_count "$NS_PE2" p2 1) + $(tc_count "$NS_PE2" p2 2))) reports from the CE dropped at PE2"
[ "$mc" -ge 8 ] || bridge -n "$NS_PE2" -d mdb show | sed 's/^/# PE2 mdb: /'
check_ge "the group keeps receiving through PE2, no report reaching PE2 (its MDB entry from PE1)" "$mc" 8
check "PE2's entry for the group is still the permanent one from PE1" \
	eval 'bridge -n "$NS_PE2" mdb show dev br0 | grep -q "port et0 grp 239.1.1.1 permanent"'
# The counters count: an unknown host makes PE2 resolve, a join reports.
ip netns exec "$NS_CORE" ping -q -c 1 -W 1 192.0.2.99 >/dev/null 2>&1
ip netns exec "$NS_CORE" ping -q -c 1 -W 1 2001:db8:1::99 >/dev/null 2>&1
check_ge "(the ARP request counter works: a ping to an unknown host)" \
	"$(($(tc_count "$NS_PE2" br0 1 egress) - arp0))" 1
check_ge "(the neighbour solicitation counter too)" \
	"$(($(tc_count "$NS_PE2" br0 2 egress) - ns0))" 1
ip -n "$NS_H2" addr add 239.2.2.2/32 dev h2 autojoin
check "(the report counter works: H2 joins another group)" \
	wait_until 5 eval '[ "$(($(tc_count "$NS_PE2" p2 1) + $(tc_count "$NS_PE2" p2 2)))" -gt "$rep0" ]'
check "(and the drop works: PE2 did not learn that group)" \
	eval '! bridge -n "$NS_PE2" mdb show | grep -q 239.2.2.2'

# ---------------------------------------------------------------------
# The hold time: the channel is down; 2 s later the entries go.
# ---------------------------------------------------------------------
ctl 2 rbs set rbs1 hold-time 2
check "hold time over: PE2 removes the entries from PE1" \
	wait_until 10 eval '[ -z "$(peer_neigh 2)$(peer_neigh 2 6)" ]'
check "and the MDB entry" \
	wait_until 5 eval '! bridge -n "$NS_PE2" mdb show dev br0 | grep -q "239.1.1.1 permanent"'
check_eq "PE2's profile counts no entry from the peer" 0 \
	"$(ctl 2 -j rbp show p1 | jq '[(if type == "array" then .[0] else . end) | .. | objects | .entries? // empty] | add // 0')"

stop_daemon 2
if [ "$FAILED" != 0 ]; then
	for i in 1 2; do
		sed "s/^/# etrunkd PE$i: /" "$TMP/etrunkd$i.log" | tail -n 80
	done
fi
finish
