#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# BFD in etrunkd, end to end:
#
# (a) etrunkd and FRR's bfdd (/usr/lib/frr/bfdd, standalone, no zebra):
#     single-hop sessions over IPv4 and IPv6 between PE1 and R come Up on
#     both sides, with the negotiated intervals etrunkctl shows; a new
#     interval is taken without leaving Up (Poll); bfdd gone: Down by
#     detection-time expiry.
#
#       PE1 l1 198.51.100.1, 2001:db8::1 ---- r1 198.51.100.9, 2001:db8::9 R
#
# (b) E-Trunk bound to BFD: a CE (bond, 802.3ad) dual-homed to PE1 and
#     PE2 (etrunk mode lacp, group 1 with its own BFD session at BFD_MS ms
#     x 3, hellos every 500 ms x 6, hold 3 s); PE1 master. PE1 fails (its
#     daemon killed, its peer link and link to the CE down): PE2's session
#     goes Down in about 3 x BFD_MS, its peer is down-bfd and it takes
#     master long before the hold time; PE1 back: the peer comes back
#     through hellos once the session is Up.
#
#       CE bond0 c1 ---- p1 PE1 et0   l1 === l2   PE2 et0 p2 ---- c2 CE
#
# (c) micro-BFD: PE and CE joined by a trunk of two members (etrunk mode
#     loadbalance at both ends) through a bridge namespace BR (one bridge
#     per member); both run etrunkd with a micro-BFD session. The far side
#     of member 1 is cut behind the bridge (PE's p1 keeps its carrier): its
#     micro-BFD session goes Down and PE takes p1 out of the trunk (reason
#     admin); healed: back in.
#
#       PE et0 p0 ---- x0 [br0] y0 ---- c0 et0 CE
#              p1 ---- x1 [br1] y1 ---- c1
#
# BFD_MS (default 50: under emulation, TCG on a shared host, 20 ms x 3
# flapped: the guest itself runs tens of ms late) sets (b)'s interval;
# the measured detection and takeover times are printed. (a) uses
# bfdd's default 300 ms, which holds under emulation with a bfdd that is
# not real-time.

source "$(dirname "$0")/lib.sh"
require_etrunk
command -v jq >/dev/null || skip "jq not installed"
require_etrunkd
BFDD=/usr/lib/frr/bfdd
"$ETRUNKCTL" bfd show >/dev/null 2>&1 || skip "etrunkctl without bfd"
modprobe bonding 2>/dev/null
BFD_MS=${BFD_MS:-50}

# ---- daemons ---------------------------------------------------------------
declare -A DPID=()
start_daemon()	# KEY NS
{
	ip netns exec "$2" "$ETRUNKD" -f -d -r -s "$TMP/epoch-$1" \
		>>"$TMP/etrunkd-$1.log" 2>&1 &
	DPID[$1]=$!
}
FRR_PID=
stop_frr()
{
	[ -n "$FRR_PID" ] || return 0
	kill "$FRR_PID" 2>/dev/null
	wait "$FRR_PID" 2>/dev/null
	FRR_PID=
}
cleanup_all()
{
	local k

	stop_frr
	for k in "${!DPID[@]}"; do
		stop_daemon "$k"
	done
	cleanup
}
trap cleanup_all EXIT
dump_logs()
{
	local f

	[ "$FAILED" != 0 ] || return 0
	for f in "$TMP"/etrunkd-*.log "$TMP"/bfdd.log; do
		[ -f "$f" ] || continue
		grep -vE "hello dropped|packet dropped" "$f" | tail -n 80 |
			sed "s|^|# $(basename "$f"): |"
	done
}

# The daemon's monotonic clock (its log's timestamps), ms; /proc/uptime is
# the same clock in the guest (no suspend), to 10 ms.
uptime_ms() { awk '{ printf "%d", $1 * 1000 }' /proc/uptime; }
# log_ms KEY REGEX: the time of the last log line matching REGEX, ms.
log_ms()
{
	awk -F'[][]' -v re="$2" '$0 ~ re { t = $2 } END { printf "%d", t * 1000 }' \
		"$TMP/etrunkd-$1.log"
}

ctl() { local ns=$1; shift; ip netns exec "$ns" "$ETRUNKCTL" "$@"; }
# bfd NS NAME JQ: a field of a session as etrunkctl shows it.
bfd() { ctl "$1" -j bfd show "$2" | jq -r ".[0] | $3"; }
bfd_state() { bfd "$1" "$2" .state; }
bfd_is() { [ "$(bfd_state "$1" "$2")" = "$3" ]; }

# A QEMU guest without KVM (TCG): the whole guest stalls now and then.
emulated()
{
	grep -qi qemu /sys/class/dmi/id/sys_vendor 2>/dev/null &&
		! dmesg | grep -q "Hypervisor detected: KVM"
}

# =====================================================================
# (a) etrunkd <-> FRR bfdd, single hop, IPv4 and IPv6
# =====================================================================
new_ns NS_PE1 pe1
new_ns NS_R r
ip -n "$NS_PE1" link add l1 type veth peer name r1 netns "$NS_R"
ip -n "$NS_PE1" addr add 198.51.100.1/24 dev l1
ip -n "$NS_PE1" addr add 2001:db8::1/64 dev l1 nodad
ip -n "$NS_R" addr add 198.51.100.9/24 dev r1
ip -n "$NS_R" addr add 2001:db8::9/64 dev r1 nodad
ip -n "$NS_PE1" link set l1 up
ip -n "$NS_R" link set r1 up

vtysh_bfd()	# JQ over bfdd's "show bfd peers json"
{
	ip netns exec "$NS_R" vtysh --vty_socket "$TMP/frr" -d bfdd \
		-c "show bfd peers json" 2>/dev/null | jq -r "$1"
}
frr_state() { vtysh_bfd ".[] | select(.peer == \"$1\") | .status"; }

if [ ! -x "$BFDD" ]; then
	echo "# $BFDD not installed: (a) skipped"
else
	mkdir -p "$TMP/frr"
	chmod 777 "$TMP" "$TMP/frr"
	cat >"$TMP/frr/bfdd.conf" <<-EOF
		bfd
		 peer 198.51.100.1 local-address 198.51.100.9
		  receive-interval 300
		  transmit-interval 300
		  detect-multiplier 3
		 !
		 peer 2001:db8::1 local-address 2001:db8::9
		  receive-interval 300
		  transmit-interval 300
		  detect-multiplier 3
		 !
		!
	EOF
	chmod 644 "$TMP/frr/bfdd.conf"
	ip netns exec "$NS_R" "$BFDD" -f "$TMP/frr/bfdd.conf" \
		--vty_socket "$TMP/frr" -i "$TMP/frr/bfdd.pid" \
		--bfdctl "$TMP/frr/bfdd.sock" -z "$TMP/frr/zserv.api" \
		-A 127.0.0.1 --log file:"$TMP/bfdd.log" >/dev/null 2>&1 &
	FRR_PID=$!

	ctl "$NS_PE1" bfd add frr4 peer 198.51.100.9 source 198.51.100.1 \
		dev l1 min-tx 300 min-rx 300 multiplier 3 ||
		fail "bfd add frr4"
	ctl "$NS_PE1" bfd add frr6 peer 2001:db8::9 source 2001:db8::1 \
		dev l1 min-tx 300 min-rx 300 multiplier 3 ||
		fail "bfd add frr6"
	start_daemon pe1 "$NS_PE1"
	for s in frr4 frr6; do
		check "$s: etrunkd's session with bfdd is up" \
			wait_until 20 bfd_is "$NS_PE1" $s up
	done
	check "IPv4: bfdd's side is up" \
		wait_until 10 eval '[ "$(frr_state 198.51.100.1)" = up ]'
	check "IPv6: bfdd's side is up" \
		wait_until 10 eval '[ "$(frr_state 2001:db8::1)" = up ]'
	# The negotiated values are written as soon as they change.
	for s in frr4 frr6; do
		check "$s: negotiated tx interval 300 ms" wait_until 5 \
			eval "[ \"\$(bfd $NS_PE1 $s .tx_interval_us)\" = 300000 ]"
		check_eq "$s: detection time 900 ms" 900000 \
			"$(bfd "$NS_PE1" $s .detect_time_us)"
		check_eq "$s: the peer's multiplier" 3 \
			"$(bfd "$NS_PE1" $s .remote_multiplier)"
	done
	# A new interval: a Poll sequence, the session stays up.
	downs=$(bfd "$NS_PE1" frr4 .counters.downs)
	ctl "$NS_PE1" bfd set frr4 min-tx 600
	check "frr4: tx interval 600 ms after the Poll" wait_until 5 \
		eval "[ \"\$(bfd $NS_PE1 frr4 .tx_interval_us)\" = 600000 ]"
	sleep 2.1	# counters are written every 2 s
	check_eq "frr4: still up, no down counted" "up $downs" \
		"$(bfd_state "$NS_PE1" frr4) $(bfd "$NS_PE1" frr4 .counters.downs)"
	check_eq "bfdd sees our new interval" 600 \
		"$(vtysh_bfd '.[] | select(.peer == "198.51.100.1") | ."remote-transmit-interval"')"
	stop_frr
	check "bfdd gone: frr4 down" wait_until 5 eval \
		"! bfd_is $NS_PE1 frr4 up"
	check "bfdd gone: frr6 down" wait_until 5 eval \
		"! bfd_is $NS_PE1 frr6 up"
	stop_daemon pe1
	ctl "$NS_PE1" bfd del frr4
	ctl "$NS_PE1" bfd del frr6
fi

# =====================================================================
# (b) E-Trunk bound to BFD
# =====================================================================
if [ ! -d /sys/module/bonding ]; then
	echo "# bonding not available: (b) skipped"
else
	new_ns NS_CE ce
	new_ns NS_PE2 pe2
	PE[1]=$NS_PE1
	PE[2]=$NS_PE2
	ip -n "$NS_CE" link add c1 type veth peer name p1 netns "$NS_PE1"
	ip -n "$NS_CE" link add c2 type veth peer name p2 netns "$NS_PE2"
	ip -n "$NS_PE2" link add l2 type veth peer name l1b netns "$NS_PE1"
	for i in 1 2; do
		ns=${PE[$i]}
		ip -n "$ns" link add et0 type etrunk mode lacp lacp_rate fast \
			system_id 02:00:00:00:00:aa system_priority 100 \
			actor_key 7 port_offset $(((i - 1) * 100)) || exit $ksft_fail
		ip -n "$ns" link set p$i master et0
		ip -n "$ns" link set et0 up
	done
	ip -n "$NS_PE1" addr add 192.0.2.1/24 dev l1b
	ip -n "$NS_PE2" addr add 192.0.2.2/24 dev l2
	ip -n "$NS_PE1" link set l1b up
	ip -n "$NS_PE2" link set l2 up
	ip -n "$NS_CE" -batch - <<-EOF || exit $ksft_fail
		link add bond0 type bond mode 802.3ad lacp_rate fast miimon 100
		link set c1 master bond0
		link set c2 master bond0
		link set bond0 up
	EOF
	for i in 1 2; do
		ctl "${PE[$i]}" e-trunk add 1 system-id 02:00:00:00:0e:0$i \
			source 192.0.2.$i peer 192.0.2.$((3 - i)) \
			priority $((i * 100)) hello 500 hold-multiplier 6 ||
			fail "PE$i: e-trunk add"
		ctl "${PE[$i]}" e-trunk set 1 bfd on \
			bfd-min-tx "$BFD_MS" bfd-min-rx "$BFD_MS" \
			bfd-multiplier 3 ||
			fail "PE$i: e-trunk set 1 bfd on"
		ctl "${PE[$i]}" e-trunk bind et0 group 1 id 10
		start_daemon pe$i "${PE[$i]}"
	done
	group() { ctl "$1" -j e-trunk show 1 | jq -r ".[0] | $2"; }
	role() { group "${PE[$1]}" '.trunks[0].role'; }
	peer_state() { group "${PE[$1]}" .peer_state; }
	roles_are() { [ "$(role 1) $(role 2)" = "$1 $2" ]; }

	check "E-Trunk: PE1 master, PE2 backup" wait_until 20 roles_are master backup
	check "E-Trunk: PE1's session e-trunk-1 up" \
		wait_until 20 bfd_is "$NS_PE1" e-trunk-1 up
	check "E-Trunk: PE2's session e-trunk-1 up" \
		wait_until 20 bfd_is "$NS_PE2" e-trunk-1 up
	# Once both ends' Poll sequences are through (slow 1 s until then).
	check "E-Trunk: PE2's detection time $((BFD_MS * 3)) ms" wait_until 10 \
		eval "[ \"\$(bfd $NS_PE2 e-trunk-1 .detect_time_us)\" = $((BFD_MS * 3000)) ]"
	# Stable for 5 s. Under TCG on a loaded host the whole guest stalls
	# (the daemons, at SCHED_FIFO, logged timers up to 1.7 s late), so
	# there the flaps are reported, not failed; elsewhere there must be
	# none.
	d0=$(bfd "$NS_PE2" e-trunk-1 .counters.downs)
	sleep 5
	d=$(($(bfd "$NS_PE2" e-trunk-1 .counters.downs) - d0))
	late=$(grep -ho 'e-trunk-1: timer [0-9]* us late' "$TMP"/etrunkd-pe[12].log |
		awk '$3 > m { m = $3 } END { printf "%d", m / 1000 }')
	echo "# E-Trunk: $d flap(s) in 5 s at $BFD_MS ms x 3; the daemons' timers late by up to $late ms"
	if emulated; then
		check "E-Trunk: session up after 5 s (TCG: flaps reported)" \
			wait_until 10 bfd_is "$NS_PE2" e-trunk-1 up
	else
		check_eq "E-Trunk: no flap in 5 s at $BFD_MS ms x 3" "up 0" \
			"$(bfd_state "$NS_PE2" e-trunk-1) $d"
	fi

	# PE1 fails: daemon killed, peer link and CE link down.
	T0=$(uptime_ms)
	stop_daemon pe1 KILL
	ip -n "$NS_PE1" link set l1b down
	ip -n "$NS_PE1" link set p1 down
	check "PE1 gone: PE2 master" wait_until 5 eval '[ "$(role 2)" = master ]'
	check_eq "PE2's peer state" down-bfd "$(peer_state 2)"
	TD=$(log_ms pe2 'bfd e-trunk-1: Up -> Down')
	TM=$(log_ms pe2 'backup -> master')
	echo "# PE2: session down $((TD - T0)) ms, master $((TM - T0)) ms after PE1 went (BFD ${BFD_MS} ms x 3 = $((BFD_MS * 3)) ms; hold 3000 ms)"
	check_le "session down within 3 x $BFD_MS ms and a little (ms)" \
		$((TD - T0)) $((BFD_MS * 3 + 250))
	check_le "PE2 master right after (ms), long before the 3 s hold" \
		$((TM - T0)) $((BFD_MS * 3 + 300))
	grep -q "peer 192.0.2.1 down (BFD session e-trunk-1" "$TMP/etrunkd-pe2.log"
	check_eq "PE2's log: peer down by BFD" 0 $?

	# PE1 back: the session comes up, then a hello brings the peer up.
	ip -n "$NS_PE1" link set l1b up
	ip -n "$NS_PE1" link set p1 up
	start_daemon pe1 "$NS_PE1"
	check "PE1 back: PE2's session up" \
		wait_until 20 bfd_is "$NS_PE2" e-trunk-1 up
	check "PE1 back: PE2's peer up" wait_until 10 \
		eval '[ "$(peer_state 2)" = up ]'
	stop_daemon pe1
	stop_daemon pe2
fi

# =====================================================================
# (c) micro-BFD through a bridge
# =====================================================================
new_ns NS_PE pe
new_ns NS_BR br
new_ns NS_C c
for m in 0 1; do
	ip -n "$NS_PE" link add p$m type veth peer name x$m netns "$NS_BR"
	ip -n "$NS_C" link add c$m type veth peer name y$m netns "$NS_BR"
	ip -n "$NS_BR" link add br$m type bridge mcast_snooping 0
	ip -n "$NS_BR" link set x$m master br$m
	ip -n "$NS_BR" link set y$m master br$m
	ip -n "$NS_BR" link set x$m up
	ip -n "$NS_BR" link set y$m up
	ip -n "$NS_BR" link set br$m up
done
for ns in "$NS_PE" "$NS_C"; do
	ip -n "$ns" link add et0 type etrunk mode loadbalance || exit $ksft_fail
done
for m in 0 1; do
	ip -n "$NS_PE" link set p$m master et0
	ip -n "$NS_C" link set c$m master et0
done
ip -n "$NS_PE" addr add 192.0.2.1/24 dev et0
ip -n "$NS_C" addr add 192.0.2.2/24 dev et0
ip -n "$NS_PE" link set et0 up
ip -n "$NS_C" link set et0 up
ctl "$NS_PE" bfd add ubfd type micro dev et0 source 192.0.2.1 peer 192.0.2.2 \
	min-tx 50 min-rx 50 multiplier 3 || fail "PE: micro-BFD session"
ctl "$NS_C" bfd add ubfd type micro dev et0 source 192.0.2.2 peer 192.0.2.1 \
	min-tx 50 min-rx 50 multiplier 3 || fail "CE: micro-BFD session"
start_daemon pe "$NS_PE"
start_daemon c "$NS_C"

member() { ctl "$1" -j show et0 | jq -r ".[0].members[] | select(.ifname == \"$2\") | .$3"; }
link_state() { bfd "$1" ubfd ".links[] | select(.dev == \"$2\") | .state"; }
check "micro-BFD: PE's session up (both members)" \
	wait_until 20 bfd_is "$NS_PE" ubfd up
check "micro-BFD: CE's session up" wait_until 20 bfd_is "$NS_C" ubfd up
check_eq "micro-BFD: PE's links" "up up" \
	"$(link_state "$NS_PE" p0) $(link_state "$NS_PE" p1)"
check_eq "micro-BFD: PE's p1 in the trunk" true "$(member "$NS_PE" p1 admin_up)"

# Cut member 1 behind the bridge: PE's p1 keeps its carrier.
ip -n "$NS_BR" link set y1 down
check "cut: PE's p1 session down" wait_until 10 \
	eval "[ \"\$(link_state $NS_PE p1)\" = down ]"
check_eq "cut: PE's p1 still has carrier" 1 "$(link_attr "$NS_PE" p1 carrier)"
check "cut: PE's p1 out of the trunk (reason admin)" wait_until 5 \
	eval "[ \"\$(member $NS_PE p1 reason)\" = admin ]"
check_eq "cut: PE's p0 stays up" up "$(link_state "$NS_PE" p0)"
check_eq "cut: PE's p0 in the trunk" true "$(member "$NS_PE" p0 admin_up)"
grep -q "bfd ubfd: member p1 out of the trunk" "$TMP/etrunkd-pe.log"
check_eq "PE's log: p1 out" 0 $?

ip -n "$NS_BR" link set y1 up
check "healed: PE's p1 session up" wait_until 20 \
	eval "[ \"\$(link_state $NS_PE p1)\" = up ]"
check "healed: PE's p1 back in the trunk" wait_until 5 \
	eval "[ \"\$(member $NS_PE p1 admin_up)\" = true ]"
check "healed: CE's c1 back in the trunk" wait_until 10 \
	eval "[ \"\$(member $NS_C c1 admin_up)\" = true ]"
stop_daemon pe
stop_daemon c

dump_logs
finish
