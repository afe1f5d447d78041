#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# etrunkctl over the generic netlink family: every command round-trips
# (and agrees with what rtnetlink shows), invalid values are refused with
# the kernel's message, changes need CAP_NET_ADMIN and reads do not, a
# trunk is invisible from another namespace, the monitor sees member and
# active-set events numbered without gaps, -j carries the facts of the
# plain output, admin down takes a member out of the traffic, and
# max_links leaves the lower-priority members standby.

source "$(dirname "$0")/lib.sh"
require_etrunk
ETRUNKCTL="$REPO_DIR/tools/etrunkctl/etrunkctl"
[ -x "$ETRUNKCTL" ] || skip "etrunkctl not built (make -C tools/etrunkctl)"
command -v jq >/dev/null || skip "jq not installed"
command -v setpriv >/dev/null || skip "setpriv (util-linux) not installed"
[ -x "$UDP_FLOWS" ] || skip "udp_flows not built"

MONITORS=()
ctl_cleanup()
{
	local pid

	for pid in "${MONITORS[@]}"; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	cleanup
}
trap ctl_cleanup EXIT

make_trunk_pair 2 hash_policy layer3+4 || { fail "set up two hosts"; finish; }

ctl() { ip netns exec "$NS_A" "$ETRUNKCTL" "$@"; }

# snap: read trunk et0 of NS_A once with show and
# once with show -j (each process costs much under emulation), into
#   PLAIN, JSON  the outputs
#   P[line1], P[line2], P[line3]  the trunk, members and counters lines
#   P[M.COLUMN]  a member's column in the table (P[a0.state])
#   J[KEY], J[stats.KEY], J[M.KEY], J[members]  the JSON fields (J[a0.state])
declare -A P J
snap()
{
	local k v

	PLAIN=$(ctl show et0)
	JSON=$(ctl -j show et0)
	P=() J=()
	while IFS='=' read -r k v; do
		P[$k]=$v
	done <<<"$(awk 'NR <= 3 { print "line" NR "=" $0 }
		$1 == "member" { for (i = 1; i <= NF; i++) col[i] = $i; t = 1; next }
		t { for (i = 2; i <= NF; i++) print $1 "." col[i] "=" $i }' <<<"$PLAIN")"
	while IFS='=' read -r k v; do
		J[$k]=$v
	done <<<"$(jq -r '.[0] | (to_entries[] | select(.value | type != "object" and type != "array") | "\(.key)=\(.value)"),
		"members=\(.members | length)",
		(.stats | to_entries[] | "stats.\(.key)=\(.value)"),
		(.members[] as $m | $m | to_entries[] | "\($m.ifname).\(.key)=\(.value)")' <<<"$JSON")"
}

# ctl_error DESC MESSAGE STATUS ARGS...: etrunkctl exits with STATUS
# ("nonzero" for any failure) and writes exactly one line on stderr,
# "etrunkctl: ..." containing MESSAGE, and nothing on stdout.
ctl_error()
{
	local desc="$1" msg="$2" want="$3" rc lines

	shift 3
	ctl "$@" >"$TMP/stdout" 2>"$TMP/stderr"
	rc=$?
	lines=$(wc -l <"$TMP/stderr")
	if { [ "$want" = nonzero ] && [ $rc = 0 ]; } ||
	   { [ "$want" != nonzero ] && [ $rc != "$want" ]; }; then
		fail "$desc (exit status $rc)"
	elif [ "$lines" != 1 ] || [ -s "$TMP/stdout" ]; then
		fail "$desc ($lines lines on stderr, $(wc -c <"$TMP/stdout") bytes on stdout)"
	elif ! grep -q "^etrunkctl: .*$msg" "$TMP/stderr"; then
		fail "$desc (message not '$msg')"
	else
		pass "$desc"
		return
	fi
	sed 's/^/    /' "$TMP/stderr" "$TMP/stdout"
}

# --- show ----------------------------------------------------------------

snap
check_eq "show: the trunk line" \
	"et0: mode loadbalance, hash layer3+4, up, carrier on" "${P[line1]-}"
check_eq "show: the members line" \
	"  members: 2 active of 2 (min-links 0, max-links none)" "${P[line2]-}"
check_eq "show: the counters line" 1 \
	"$(grep -cE '^  rx: [0-9]+ packets, [0-9]+ bytes, [0-9]+ dropped; tx: [0-9]+ packets, [0-9]+ bytes, [0-9]+ dropped$' <<<"${P[line3]-}")"
check_eq "show: members a0 and a1 are active" "active active" \
	"${P[a0.state]-} ${P[a1.state]-}"
check_eq "show: reason '-' when active" - "${P[a0.reason]-}"
check_eq "show: the default priority, not master, admin up" "32768 no up" \
	"${P[a0.priority]-} ${P[a0.master]-} ${P[a0.admin]-}"
check_eq "show: the speed and link failures" "10000Mb/s 0" \
	"${P[a0.speed]-} ${P[a0.link-failures]-}"
check_eq "show -j: the trunk's ifindex" "$(link_attr "$NS_A" et0 ifindex)" \
	"${J[ifindex]-}"
check_eq "show -j: mode, hash_policy, up, carrier, active_members" \
	"loadbalance layer3+4 true true 2" \
	"${J[mode]-} ${J[hash_policy]-} ${J[up]-} ${J[carrier]-} ${J[active_members]-}"
check_eq "show -j: members a0 and a1" "2 a0 a1" \
	"${J[members]-} ${J[a0.ifname]-} ${J[a1.ifname]-}"
check_eq "show -j: a member's fields" "active none 32768 false true 0 10000" \
	"${J[a0.state]-} ${J[a0.reason]-} ${J[a0.priority]-} ${J[a0.master]-} ${J[a0.admin_up]-} ${J[a0.link_failures]-} ${J[a0.speed]-}"
check_eq "show -j: the counters" "$(link_attr "$NS_A" et0 statistics/rx_dropped)" \
	"${J[stats.rx_dropped]-}"
check_eq "show: dumping all trunks lists et0" et0 \
	"$(ctl show | awk '/^[^ ]/ { sub(":", "", $1); print $1 }')"
check_eq "member show: a0 is an active member of et0" "a0 et0 active" \
	"$(ctl member show a0 | awk 'NR == 2 { print $1, $2, $3 }')"
check_eq "member show -j: the trunk and the state" "et0 active 32768" \
	"$(ctl -j member show a0 | jq -r '.[0] | "\(.trunk) \(.state) \(.priority)"')"

# --- set: every option round-trips -----------------------------------------

for p in layer2 layer2+3 encap2+3 encap3+4 layer3+4; do
	check "set hash_policy $p" ctl set et0 hash_policy "$p"
	snap
	check_eq "show -j and show have hash_policy $p" "$p et0: mode loadbalance, hash $p, up, carrier on" \
		"${J[hash_policy]-} ${P[line1]-}"
done
check_eq "ip -d link shows the same hash_policy" layer3+4 \
	"$(link_detail "$NS_A" et0 hash_policy)"
check "set min_links 1 max_links 2 together" ctl set et0 min_links 1 max_links 2
snap
check_eq "show -j has min_links 1, max_links 2" "1 2" "${J[min_links]-} ${J[max_links]-}"
check_eq "show has min-links 1, max-links 2" \
	"  members: 2 active of 2 (min-links 1, max-links 2)" "${P[line2]-}"
check_eq "ip -d link shows min_links 1" 1 "$(link_detail "$NS_A" et0 min_links)"
check "set mode loadbalance (unchanged, with members)" ctl set et0 mode loadbalance
check "set min_links 0 max_links 0" ctl set et0 min_links 0 max_links 0
snap
check_eq "show -j has mode loadbalance, min_links 0, max_links 0" \
	"loadbalance 0 0" "${J[mode]-} ${J[min_links]-} ${J[max_links]-}"
check_eq "max_links 0 shows as none" \
	"  members: 2 active of 2 (min-links 0, max-links none)" "${P[line2]-}"

check "member set a1 priority 100" ctl member set a1 priority 100
check "member set a0 master on" ctl member set a0 master on
snap
check_eq "show -j and show have priority 100" "100 100" "${J[a1.priority]-} ${P[a1.priority]-}"
check_eq "ip -d link shows priority 100" 100 "$(link_detail "$NS_A" a1 priority)"
check_eq "show -j: a0 is master, a1 not" "true false" "${J[a0.master]-} ${J[a1.master]-}"
check_eq "show: a0 is master, a1 not" "yes no" "${P[a0.master]-} ${P[a1.master]-}"
check "member set a1 master on" ctl member set a1 master on
snap
check_eq "designating a1 clears a0" "false true" "${J[a0.master]-} ${J[a1.master]-}"
check "member set a1 master off" ctl member set a1 master off
check "member set a1 admin down" ctl member set a1 admin down
snap
check_eq "master off: no master left" "false false" "${J[a0.master]-} ${J[a1.master]-}"
check_eq "admin down: show -j has state down, reason admin" "down admin false" \
	"${J[a1.state]-} ${J[a1.reason]-} ${J[a1.admin_up]-}"
check_eq "admin down: show has state down, reason admin" "down admin down" \
	"${P[a1.state]-} ${P[a1.reason]-} ${P[a1.admin]-}"
check_eq "admin down: one active member" "1 1" \
	"${J[active_members]-} $(cut -d' ' -f4 <<<"${P[line2]-}")"
check_eq "admin down: ip -d link shows state down" down \
	"$(link_detail "$NS_A" a1 state)"
check "member set a1 admin up priority 32768" ctl member set a1 admin up priority 32768
snap
check_eq "admin up: active again" "active none true 32768" \
	"${J[a1.state]-} ${J[a1.reason]-} ${J[a1.admin_up]-} ${J[a1.priority]-}"

# --- refusals --------------------------------------------------------------

ctl_error "min_links 300 is refused by the kernel" "out of range" nonzero \
	set et0 min_links 300
ctl_error "max_links 257 is refused by the kernel" "out of range" nonzero \
	set et0 max_links 257
ctl_error "hash_policy 9 is refused by the kernel" "out of range" nonzero \
	set et0 hash_policy 9
ctl_error "mode 1 is refused by the kernel" "out of range" nonzero \
	set et0 mode 1
snap
check_eq "refused sets change nothing" "layer3+4 0 0" \
	"${J[hash_policy]-} ${J[min_links]-} ${J[max_links]-}"
ctl_error "show of an unknown device" "No such device" nonzero show nosuch0
ctl_error "set of an unknown device" "No such device" nonzero \
	set nosuch0 min_links 1
ctl_error "show of a member (not a trunk)" "not a trunk" nonzero show a0
ip -n "$NS_A" link add x0 type veth peer name y0
ctl_error "admin down on a non-member" "not a trunk member" nonzero \
	member set x0 admin down
ctl_error "member show of a trunk" "not a trunk member" nonzero member show et0
ctl_error "usage: unknown option (exit 2)" "unknown option" 2 set et0 bogus 1
ctl_error "usage: priority beyond 16 bits (exit 2)" "priority" 2 \
	member set a0 priority 65536
ctl_error "usage: no command (exit 2)" "no command" 2

# Without CAP_NET_ADMIN: reads work, changes are refused.
noadmin()
{
	ip netns exec "$NS_A" setpriv --inh-caps=-net_admin \
		--bounding-set=-net_admin "$ETRUNKCTL" "$@"
}
check_refused "without CAP_NET_ADMIN: set is refused" "Operation not permitted" \
	noadmin set et0 min_links 2
check_refused "without CAP_NET_ADMIN: member set is refused" "Operation not permitted" \
	noadmin member set a0 admin down
snap
check_eq "and nothing changed" "0 active" "${J[min_links]-} ${J[a0.state]-}"
check "without CAP_NET_ADMIN: show works" noadmin show et0
check "without CAP_NET_ADMIN: show -j works" noadmin -j show
check "without CAP_NET_ADMIN: member show works" noadmin member show a0

# --- namespaces ------------------------------------------------------------

new_ns NS2 ctl2
ctl2() { ip netns exec "$NS2" "$ETRUNKCTL" "$@"; }
check_eq "another namespace: show lists nothing" "" "$(ctl2 show)"
check_eq "another namespace: show -j is empty" "[]" "$(ctl2 -j show)"
check_refused "another namespace: show et0 fails" "No such device" ctl2 show et0
check_refused "another namespace: member show a0 fails" "No such device" \
	ctl2 member show a0
check_refused "another namespace: set et0 fails" "No such device" \
	ctl2 set et0 min_links 2
ip -n "$NS2" link add et0 type etrunk hash_policy encap3+4
check_eq "another namespace's et0 is its own" "encap3+4 0" \
	"$(ctl2 -j show et0 | jq -r '.[0] | "\(.hash_policy) \(.members | length)"')"
check "set on the other namespace's et0" ctl2 set et0 min_links 3
snap
check_eq "leaves this namespace's et0 alone" "layer3+4 0" \
	"${J[hash_policy]-} ${J[min_links]-}"

# --- monitor ---------------------------------------------------------------

timeout 600 ip netns exec "$NS_A" "$ETRUNKCTL" monitor >"$TMP/mon" 2>&1 &
MONITORS+=($!)
timeout 600 ip netns exec "$NS_A" "$ETRUNKCTL" -j monitor >"$TMP/monj" 2>&1 &
MONITORS+=($!)

# wait_for FILE ERE: until a line of FILE matches (10 s at most).
wait_for()
{
	local tries=0

	until grep -Eq -- "$2" "$1"; do
		[ $tries -lt 100 ] || return 1
		sleep 0.1
		tries=$((tries + 1))
	done
}

# Every set sends trunk-changed: repeat one until both monitors have
# subscribed and seen it.
tries=0
until grep -q trunk-changed "$TMP/mon" && grep -q trunk-changed "$TMP/monj"; do
	[ $tries -lt 50 ] || break
	ctl set et0 hash_policy layer3+4
	sleep 0.2
	tries=$((tries + 1))
done
check "monitor: trunk-changed after a set" \
	grep -q '^seq [0-9]* trunk-changed trunk et0 ' "$TMP/mon"

ip -n "$NS_B" link set b1 down
check "monitor: a1 loses carrier: member-state down no-carrier" wait_for "$TMP/mon" \
	'^seq [0-9]+ member-state trunk et0 member a1 state down reason no-carrier '
check "monitor: the active set shrinks to 1" wait_for "$TMP/mon" \
	'^seq [0-9]+ active trunk et0 active-members 1 carrier on$'
check "monitor -j: the same member-state event" wait_for "$TMP/monj" \
	'"event":"member-state".*"member":\{"ifname":"a1",.*"state":"down","reason":"no-carrier"'
ip -n "$NS_B" link set b1 up
check "monitor: a1 comes back" wait_for "$TMP/mon" \
	'^seq [0-9]+ member-state trunk et0 member a1 state active reason - '
check "monitor: the active set grows to 2" wait_for "$TMP/mon" \
	'^seq [0-9]+ active trunk et0 active-members 2 carrier on$'
ip -n "$NS_A" link add a9 type veth peer name b9
ip -n "$NS_A" link set a9 master et0
check "monitor: member-added" wait_for "$TMP/mon" \
	'^seq [0-9]+ member-added trunk et0 member a9 '
ip -n "$NS_A" link set a9 nomaster
check "monitor: member-removed" wait_for "$TMP/mon" \
	'^seq [0-9]+ member-removed trunk et0 member a9 '
ip -n "$NS_A" link del a9
ctl member set a0 admin down
ctl member set a0 admin up
check "monitor: admin down and up" wait_for "$TMP/mon" \
	'^seq [0-9]+ member-state trunk et0 member a0 state active reason - '
for pid in "${MONITORS[@]}"; do
	kill "$pid"
	wait "$pid" 2>/dev/null
done
MONITORS=()
sed 's/^/# monitor: /' "$TMP/mon"

check_eq "monitor: event numbers increase by 1" 0 \
	"$(awk '$1 == "seq" { if (n && $2 != last + 1) bad++; last = $2; n++ }
		END { print n < 8 ? "only " n " events" : bad + 0 }' "$TMP/mon")"
check "monitor -j: every line parses with jq" jq -e . "$TMP/monj"
check_eq "monitor -j: event numbers increase by 1" 0 \
	"$(jq -s '[range(1; length) as $i | select(.[$i].seq != .[$i - 1].seq + 1)] | length' "$TMP/monj")"
# One monitor may have subscribed a little before the other.
first=$(awk '$1 == "seq" { print $2; exit }' "$TMP/mon")
first_j=$(jq -s '.[0].seq // 0' "$TMP/monj")
[ "${first:-0}" -ge "$first_j" ] || first=$first_j
check_eq "monitor -j: the same events as the plain monitor" \
	"$(awk -v s="$first" '$1 == "seq" && $2 >= s { print $2, $3 }' "$TMP/mon")" \
	"$(jq -r --argjson s "$first" 'select(.seq >= $s) | "\(.seq) \(.event)"' "$TMP/monj")"
check_eq "monitor -j: the active event carries the count and carrier" "1 true" \
	"$(jq -r 'select(.event == "active") | "\(.active_members) \(.carrier)"' "$TMP/monj" | head -n1)"

# --- -j and the plain output agree -------------------------------------------

# Three members in three states: a0 active, a1 down (no carrier), a2
# standby (max_links 1, a2's priority value the highest).
ip -n "$NS_A" link add a2 type veth peer name b2
ip -n "$NS_A" link set b2 up
ip -n "$NS_A" link set a2 master et0
ctl member set a1 priority 7 master on
ctl member set a2 priority 40000
ip -n "$NS_B" link set b1 down
wait_state "$NS_A" a1 down
ctl set et0 min_links 1 max_links 1
# Counters can move between two reads (neighbour discovery): read until
# a plain and a JSON read agree on them, as they do when nothing moves.
for tries in 1 2 3 4 5; do
	snap
	[ "$(tr -cs '0-9' ' ' <<<"${P[line3]-}")" != \
	  " ${J[stats.rx_packets]-} ${J[stats.rx_bytes]-} ${J[stats.rx_dropped]-} ${J[stats.tx_packets]-} ${J[stats.tx_bytes]-} ${J[stats.tx_dropped]-} " ] || break
done
sed 's/^/# /' <<<"$PLAIN"
# The plain output as the JSON says it should be, rendered by jq.
expected=$(jq -r '.[0] |
	"\(.ifname): mode \(.mode), hash \(.hash_policy), \(if .up then "up" else "down" end), carrier \(if .carrier then "on" else "off" end)",
	"  members: \(.active_members) active of \(.members | length) (min-links \(.min_links), max-links \(if .max_links == 0 then "none" else .max_links end))",
	(.stats | "  rx: \(.rx_packets) packets, \(.rx_bytes) bytes, \(.rx_dropped) dropped; tx: \(.tx_packets) packets, \(.tx_bytes) bytes, \(.tx_dropped) dropped"),
	(.members[] | [.ifname, .state,
		(if .reason == "none" then "-" else .reason end), .priority,
		(if .master then "yes" else "no" end),
		(if .admin_up then "up" else "down" end),
		(if .speed then "\(.speed)Mb/s" else "-" end),
		.link_failures] | map(tostring) | join(" "))' <<<"$JSON")
check_eq "-j and plain: the trunk line" "${P[line1]-}" "$(sed -n 1p <<<"$expected")"
check_eq "-j and plain: the members line" "${P[line2]-}" "$(sed -n 2p <<<"$expected")"
check_eq "-j and plain: the counters" "${P[line3]-}" "$(sed -n 3p <<<"$expected")"
check_eq "-j and plain: the member table" \
	"$(awk 'f { $1 = $1; print } $1 == "member" { f = 1 }' <<<"$PLAIN")" \
	"$(sed -n '4,$p' <<<"$expected")"
check_eq "the members' states as set up" "active down standby" \
	"${J[a0.state]-} ${J[a1.state]-} ${J[a2.state]-}"
pretty=$(ctl -p show et0)
check_eq "-p output is indented" "        \"ifname\": \"et0\"," "$(sed -n 3p <<<"$pretty")"
check_eq "-p is the same JSON as -j" true \
	"$(printf '%s\n%s\n' "$JSON" "$pretty" | jq -s 'map(del(.[].stats)) | .[0] == .[1]')"
ip -n "$NS_A" link del a2
ip -n "$NS_B" link set b1 up
wait_state "$NS_A" a1 active
ctl member set a1 priority 32768 master off
ctl set et0 min_links 0 max_links 0

# --- admin down takes a member out of the traffic ---------------------------

# send FAMILY DST FLOWS ROUNDS: sets GOT (datagrams B received) and D0, D1
# (tx packets of A's members a0 and a1).
send()
{
	local fam=$1 t0 t1 rx

	shift
	t0=$(tx_packets "$NS_A" a0)
	t1=$(tx_packets "$NS_A" a1)
	rx=$(udp_noports "$NS_B" "$fam")
	ip netns exec "$NS_A" "$UDP_FLOWS" "$@" >/dev/null
	GOT=$(($(udp_noports_settled "$NS_B" "$fam") - rx))
	D0=$(($(tx_packets "$NS_A" a0) - t0))
	D1=$(($(tx_packets "$NS_A" a1) - t1))
}

send 4 192.0.2.2 16 50
check_ge "both members carry flows: a0" "$D0" 50
check_ge "both members carry flows: a1" "$D1" 50
check "admin down a0" ctl member set a0 admin down
check_eq "ip -d link shows a0 down, reason admin" "down admin" \
	"$(link_detail "$NS_A" a0 state) $(link_detail "$NS_A" a0 reason)"
check_eq "a0's device stays up" 1 "$(ip -n "$NS_A" link show a0 | grep -c '[<,]UP[,>]')"
send 4 192.0.2.2 16 50
check_eq "admin down: all 800 datagrams arrive" 800 "$GOT"
check_eq "admin down: nothing goes out of a0" 0 "$D0"
check_ge "admin down: a1 carries all" "$D1" 800
check "admin up a0" ctl member set a0 admin up
check "a0 is active again" wait_state "$NS_A" a0 active
send 4 192.0.2.2 16 50
check_ge "admin up: a0 carries flows again" "$D0" 50
check_eq "admin up: all 800 datagrams arrive" 800 "$GOT"

# --- max_links: the lower priority value is active, the other standby -------

ctl member set a1 priority 10
check "set max_links 1" ctl set et0 max_links 1
snap
check_eq "max_links 1: a1 (priority 10) is active" "active none" \
	"${J[a1.state]-} ${J[a1.reason]-}"
check_eq "max_links 1: a0 (priority 32768) is standby, reason max-links" \
	"standby max-links" "${J[a0.state]-} ${J[a0.reason]-}"
check_eq "show: a0 standby max-links" "standby max-links" \
	"${P[a0.state]-} ${P[a0.reason]-}"
check_eq "max_links 1: one active member, carrier on" "1 true" \
	"${J[active_members]-} ${J[carrier]-}"
check_eq "ip -d link shows a0 standby" standby "$(link_detail "$NS_A" a0 state)"
send 4 192.0.2.2 16 50
check_eq "max_links 1: all 800 datagrams arrive" 800 "$GOT"
check_eq "max_links 1: nothing goes out of the standby member" 0 "$D0"
check "member set a0 priority 5" ctl member set a0 priority 5
snap
check_eq "priority 5 makes a0 the active one" "active standby max-links" \
	"${J[a0.state]-} ${J[a1.state]-} ${J[a1.reason]-}"
check "set max_links 0" ctl set et0 max_links 0
snap
check_eq "max_links 0: both active" "active active 2" \
	"${J[a0.state]-} ${J[a1.state]-} ${J[active_members]-}"

finish
