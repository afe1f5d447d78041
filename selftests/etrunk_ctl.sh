#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# etrunkctl over the generic netlink family: every command round-trips
# (and agrees with what rtnetlink shows), invalid values are refused with
# the kernel's message, changes need CAP_NET_ADMIN and reads do not, a
# trunk is invisible from another namespace, the monitor sees member and
# active-set events numbered without gaps, -j carries the facts of the
# plain output, admin down takes a member out of the traffic, and
# max_links leaves the lower-priority members standby. Mode backup: every
# option round-trips through ip and etrunkctl (text and JSON) and is
# refused out of range, switchovers show in show and monitor, members
# show the reasons backup and probe, and flush-receive is switched on,
# changed, shown and off on bridge ports, where it counts the flush
# frames of the trunk's switchovers.

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

# snap [TRUNK]: read trunk TRUNK (default et0) of NS_A once with show and
# once with show -j (each process costs much under emulation), into
#   PLAIN, JSON  the outputs
#   P[line1], P[line2], ...  the lines before the member table: the trunk,
#                members and counters lines, then those of mode backup
#   P[M.COLUMN]  a member's column in the table (P[a0.state])
#   J[KEY], J[stats.KEY], J[flush_stats.KEY], J[M.KEY], J[members]  the
#                JSON fields (J[a0.state]); J[probe_targets] joined by ","
declare -A P J
snap()
{
	local k v

	PLAIN=$(ctl show "${1:-et0}")
	JSON=$(ctl -j show "${1:-et0}")
	P=() J=()
	while IFS='=' read -r k v; do
		P[$k]=$v
	done <<<"$(awk '$1 == "member" { for (i = 1; i <= NF; i++) col[i] = $i; t = 1; next }
		!t { print "line" NR "=" $0 }
		t { for (i = 2; i <= NF; i++) print $1 "." col[i] "=" $i }' <<<"$PLAIN")"
	while IFS='=' read -r k v; do
		J[$k]=$v
	done <<<"$(jq -r '.[0] | (to_entries[] | select(.value | type != "object" and type != "array") | "\(.key)=\(.value)"),
		"members=\(.members | length)",
		"probe_targets=\(.probe_targets // [] | join(","))",
		(.stats | to_entries[] | "stats.\(.key)=\(.value)"),
		(.flush_stats // {} | to_entries[] | "flush_stats.\(.key)=\(.value)"),
		(.members[] as $m | $m | to_entries[] | "\($m.ifname).\(.key)=\(.value)")' <<<"$JSON")"
}

# ctl_error DESC MESSAGE STATUS ARGS...: etrunkctl exits with STATUS
# ("nonzero" for any failure) and writes exactly one line on stderr,
# "etrunkctl: ..." containing MESSAGE, and nothing on stdout. It runs in
# NS_A, or as $CTL says (ctl_usage: outside, for errors found before
# the kernel is asked). Builtins only: every process costs under TCG.
ctl_error()
{
	local desc="$1" msg="$2" want="$3" rc lines err

	shift 3
	"${CTL:-ctl}" "$@" >"$TMP/stdout" 2>"$TMP/stderr"
	rc=$?
	mapfile -t err <"$TMP/stderr"
	lines=${#err[@]}
	if { [ "$want" = nonzero ] && [ $rc = 0 ]; } ||
	   { [ "$want" != nonzero ] && [ $rc != "$want" ]; }; then
		fail "$desc (exit status $rc)"
	elif [ "$lines" != 1 ] || [ -s "$TMP/stdout" ]; then
		fail "$desc ($lines lines on stderr, stdout not empty: $([ -s "$TMP/stdout" ] && echo yes || echo no))"
	elif [[ ${err[0]} != "etrunkctl: "*"$msg"* ]]; then
		fail "$desc (message not '$msg')"
	else
		pass "$desc"
		return
	fi
	sed 's/^/    /' "$TMP/stderr" "$TMP/stdout"
}
ctl_direct() { "$ETRUNKCTL" "$@"; }
ctl_usage() { CTL=ctl_direct ctl_error "$@"; }

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
ctl_error "mode 3 is refused by the kernel" "out of range" nonzero \
	set et0 mode 3
ctl_error "mode backup is refused while the trunk has members" \
	"cannot change while the trunk has members" nonzero set et0 mode backup
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

# Without CAP_NET_ADMIN everything is refused, reads too (as wg show):
# ip -d link show is the unprivileged view.
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
check_refused "without CAP_NET_ADMIN: show is refused" "Operation not permitted" \
	noadmin show et0
check_refused "without CAP_NET_ADMIN: show -j is refused" "Operation not permitted" \
	noadmin -j show
check_refused "without CAP_NET_ADMIN: member show is refused" "Operation not permitted" \
	noadmin member show a0
check_refused "without CAP_NET_ADMIN: monitor is refused" "Operation not permitted" \
	timeout 10 ip netns exec "$NS_A" setpriv --inh-caps=-net_admin \
	--bounding-set=-net_admin "$ETRUNKCTL" monitor
check "without CAP_NET_ADMIN: ip -d link show shows the trunk" \
	ip netns exec "$NS_A" setpriv --inh-caps=-net_admin --bounding-set=-net_admin \
	ip -d link show et0

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

# --- mode backup: ip link add with every option, ip -d link show ------------

echo "# mode backup from ${SECONDS}s on"

# jq costs much more to start than anything else under TCG: the checks
# below read text where they can, and JSON once per state.

# ip_d NS DEV KEY...: the values after KEYs on the etrunk (or etrunk_slave)
# line of `ip -d link show`, "?" for a missing key, in one read.
ip_d()
{
	local ns=$1 dev=$2

	shift 2
	ip -n "$ns" -d link show dev "$dev" | awk -v keys="$*" '
		$1 == "etrunk" || $1 == "etrunk_slave" {
			for (i = 2; i < NF; i++) if (!($i in v)) v[$i] = $(i + 1)
			n = split(keys, k, " ")
			for (j = 1; j <= n; j++)
				printf "%s%s", (j > 1 ? " " : ""), (k[j] in v ? v[k[j]] : "?")
			print ""
		}'
}

# info_data NS DEV [JQ]: the trunk's attributes from ip -j -d link show,
# through the jq filter JQ.
info_data()
{
	ip -n "$1" -j -d link show dev "$2" |
		jq -c ".[0].linkinfo.info_data${3:+ | $3}"
}

# until_ok TENTHS COMMAND...: until the command succeeds, TENTHS tries.
until_ok()
{
	local tries=0 max=$1

	shift
	until "$@" >/dev/null 2>&1; do
		[ $tries -lt "$max" ] || return 1
		sleep 0.1
		tries=$((tries + 1))
	done
}

# active_is NAME: et1's active member, from the text of show.
active_is() { [[ $(ctl show et1) == *"  backup: active $1,"* ]]; }

onoff() { if [ "$1" = true ]; then echo on; else echo off; fi; }

# check_re DESCRIPTION ERE STRING
check_re()
{
	if [[ $3 =~ $2 ]]; then
		pass "$1"
	else
		fail "$1 ('$3' does not match)"
	fi
}

KEY=00112233445566778899aabbccddeeff
check "ip link add et1 mode backup with every option" \
	ip -n "$NS_A" link add et1 type etrunk mode backup revertive off \
	revert_delay 500 grat_arp 2 flush_count 5 flush_interval 20 \
	flush_key "$KEY" flush_rx off probe_interval 0 probe_missed 4 \
	probe_target 192.0.2.2,2001:db8::2
check_eq "ip -d link: every mode-backup attribute, no member yet" \
	"backup off 500 2 5 20 set off 0 4 192.0.2.2,2001:db8::2 none 0 none ?" \
	"$(ip_d "$NS_A" et1 mode revertive revert_delay grat_arp flush_count \
		flush_interval flush_key flush_rx probe_interval probe_missed \
		probe_target active_member switchovers switchover_reason \
		switchover_age)"
check_eq "ip -j -d link: the same in JSON (booleans, a target array, null)" \
	'{"mode":"backup","hash_policy":"layer2","min_links":0,"max_links":0,"members":0,"active_members":0,"revertive":false,"revert_delay":500,"grat_arp":2,"flush_count":5,"flush_interval":20,"flush_key":"set","flush_rx":false,"probe_interval":0,"probe_missed":4,"probe_target":["192.0.2.2","2001:db8::2"],"active_member":null,"switchovers":0,"switchover_reason":"none"}' \
	"$(info_data "$NS_A" et1)"

# Members m0 and m1; their peers n0 and n1 are ports of bridge br1 in NS_B.
ip -n "$NS_B" link add br1 type bridge
ip -n "$NS_B" link set br1 up
for i in 0 1; do
	ip -n "$NS_A" link add "m$i" type veth peer name "n$i" netns "$NS_B"
	ip -n "$NS_B" link set "n$i" master br1
	ip -n "$NS_B" link set "n$i" up
done
ip -n "$NS_A" link set m0 master et1
ip -n "$NS_A" link set m1 master et1
ip -n "$NS_A" link set et1 up

check "et1 elects m0, the first usable member" until_ok 50 active_is m0
snap et1
sed 's/^/# /' <<<"$PLAIN"
check_eq "show: the trunk line of mode backup" \
	"et1: mode backup, hash layer2, up, carrier on" "${P[line1]-}"
check_eq "show: one active member of two" \
	"  members: 1 active of 2 (min-links 0, max-links none)" "${P[line2]-}"
check_eq "show: active member, revertive, revert delay, grat-arp" \
	"  backup: active m0, revertive off, revert-delay 500 ms, grat-arp 2" \
	"${P[line4]-}"
re='^  switchovers 1, last: up, [0-9]+\.[0-9]{3} s ago$'
check_re "show: one switchover, by up, with its age" "$re" "${P[line5]-}"
check_eq "show: the flush settings" \
	"  flush: count 5, interval 20 ms, key set, rx off" "${P[line6]-}"
re='^  flush frames: sent [0-9]+, accepted [0-9]+; dropped: rate [0-9]+, malformed [0-9]+, version [0-9]+, auth [0-9]+, replay [0-9]+$'
check_re "show: the flush counters" "$re" "${P[line7]-}"
check_eq "show: probing off, missed, the targets" \
	"  probe: off, missed 4, targets 192.0.2.2,2001:db8::2" "${P[line8]-}"
check_eq "show: m0 active, m1 standby with reason backup" \
	"active - standby backup" \
	"${P[m0.state]-} ${P[m0.reason]-} ${P[m1.state]-} ${P[m1.reason]-}"
check_eq "show -j: every mode-backup field" \
	"backup false 500 2 5 20 set false 0 4 192.0.2.2,2001:db8::2 m0 1 up" \
	"${J[mode]-} ${J[revertive]-} ${J[revert_delay]-} ${J[grat_arp]-} ${J[flush_count]-} ${J[flush_interval]-} ${J[flush_key]-} ${J[flush_rx]-} ${J[probe_interval]-} ${J[probe_missed]-} ${J[probe_targets]-} ${J[active_member]-} ${J[switchovers]-} ${J[switchover_reason]-}"
check_re "show -j: the switchover age in ms" '^[0-9]+$' "${J[switchover_age_ms]-}"
check_eq "show -j: the flush counters" "tx rx_accepted rx_rate rx_malformed rx_version rx_auth rx_replay" \
	"$(for k in tx rx_accepted rx_rate rx_malformed rx_version rx_auth rx_replay; do
		[ -z "${J[flush_stats.$k]-}" ] || printf '%s ' "$k"; done | sed 's/ $//')"
check_eq "show -j: the reason backup" "standby backup" \
	"${J[m1.state]-} ${J[m1.reason]-}"
# The plain lines as the JSON says they should be (the age moves on
# between the two reads; the flush counters do not once the election's
# frames are out: read until both agree).
for tries in 1 2 3 4 5; do
	expected="  backup: active ${J[active_member]-}, revertive $(onoff "${J[revertive]-}"), revert-delay ${J[revert_delay]-} ms, grat-arp ${J[grat_arp]-}
  switchovers ${J[switchovers]-}, last: ${J[switchover_reason]-}
  flush: count ${J[flush_count]-}, interval ${J[flush_interval]-} ms, key ${J[flush_key]-}, rx $(onoff "${J[flush_rx]-}")
  flush frames: sent ${J[flush_stats.tx]-}, accepted ${J[flush_stats.rx_accepted]-}; dropped: rate ${J[flush_stats.rx_rate]-}, malformed ${J[flush_stats.rx_malformed]-}, version ${J[flush_stats.rx_version]-}, auth ${J[flush_stats.rx_auth]-}, replay ${J[flush_stats.rx_replay]-}
  probe: off, missed ${J[probe_missed]-}, targets ${J[probe_targets]-}"
	actual="${P[line4]-}
${P[line5]%%, [0-9]*.[0-9]* s ago}
${P[line6]-}
${P[line7]-}
${P[line8]-}"
	[ "$expected" != "$actual" ] || break
	snap et1
done
check_eq "-j and plain: the mode-backup lines" "$expected" "$actual"
check_eq "ip -d link: active member, switchovers, reason; m1 standby backup" \
	"m0 1 up standby backup" \
	"$(ip_d "$NS_A" et1 active_member switchovers switchover_reason) $(ip_d "$NS_A" m1 state reason)"
check_eq "ip -j -d link: active member, switchovers, reason, age" \
	'["m0",1,"up","number"]' \
	"$(info_data "$NS_A" et1 '[.active_member, .switchovers, .switchover_reason, (.switchover_age | type)]')"

# --- mode backup: etrunkctl set round-trips ----------------------------------

check "set every mode-backup option at once" ctl set et1 revertive on \
	revert_delay 0 grat_arp 1 flush_count 3 flush_interval 10 \
	flush_key none flush_rx on probe_missed 3 probe_target none
snap et1
check_eq "show -j: the new values" "true 0 1 3 10 none true 0 3  m0" \
	"${J[revertive]-} ${J[revert_delay]-} ${J[grat_arp]-} ${J[flush_count]-} ${J[flush_interval]-} ${J[flush_key]-} ${J[flush_rx]-} ${J[probe_interval]-} ${J[probe_missed]-} ${J[probe_targets]-} ${J[active_member]-}"
check_eq "show: the new values" \
	"  backup: active m0, revertive on, revert-delay 0 ms, grat-arp 1|  flush: count 3, interval 10 ms, key none, rx on (unauthenticated)|  probe: off, missed 3, targets none" \
	"${P[line4]-}|${P[line6]-}|${P[line8]-}"
check_eq "ip -d link: the new values" "on 0 1 3 10 none on 3 none" \
	"$(ip_d "$NS_A" et1 revertive revert_delay grat_arp flush_count \
		flush_interval flush_key flush_rx probe_missed probe_target)"
check_eq "ip -j -d link: no targets is an empty array" '[true,"none",true,[]]' \
	"$(info_data "$NS_A" et1 '[.revertive, .flush_key, .flush_rx, .probe_target]')"
# Following flush frames without a key is allowed, but said: one forged
# frame from any host on the backup's segment moves the trunk.
WARN="Warning: flush_rx is on without a flush key: any host on the backup's segment can move the trunk."
check_eq "etrunkctl set flush_rx on without a key warns" "$WARN" \
	"$(ctl set et1 flush_rx on 2>&1 >/dev/null)"
check_eq "so does ip link set" "$WARN" \
	"$(ip -n "$NS_A" link set et1 type etrunk flush_rx on 2>&1 >/dev/null)"
check_eq "ip -d link says so" "flush_rx on (unauthenticated)" \
	"$(ip -n "$NS_A" -d link show dev et1 | grep -o 'flush_rx on (unauthenticated)')"
check_eq "with a key: no warning" "" \
	"$(ctl set et1 flush_key 0a0b flush_rx on 2>&1 >/dev/null)"
check "and ip -d link shows none" eval \
	'! ip -n "$NS_A" -d link show dev et1 | grep -q unauthenticated'
check_eq "nor etrunkctl show" "  flush: count 3, interval 10 ms, key set, rx on" \
	"$(ctl show et1 | grep '^  flush:')"
ctl set et1 flush_key none 2>/dev/null
ip -n "$NS_A" link add et7 type etrunk mode backup
check_eq "a new trunk does not follow flush frames (flush_rx off)" off \
	"$(ip_d "$NS_A" et7 flush_rx)"
ip -n "$NS_A" link del et7
check "set probe_interval 60000, flush_interval 1000, a 64-byte key, aliases" \
	ctl set et1 probe-target 198.51.100.7,2001:db8:1::7 probe_interval 60000 \
	flush-interval 1000 flush_key "$KEY$KEY$KEY$KEY" revert_delay 3600000
PLAIN=$(ctl show et1)
check_eq "show: the values at the top of their ranges" \
	"  backup: active m0, revertive on, revert-delay 3600000 ms, grat-arp 1|  flush: count 3, interval 1000 ms, key set, rx on|  probe: interval 60000 ms, missed 3, targets 198.51.100.7,2001:db8:1::7" \
	"$(awk 'NR == 4 || NR == 6 || NR == 8' <<<"$PLAIN" | paste -sd'|')"
check "ip link set: probe off, targets none, key none, mode backup again" \
	ip -n "$NS_A" link set et1 type etrunk probe_interval 0 probe_target none \
	flush_key none flush_interval 10 revert_delay 0 mode backup
check_eq "ip -d link: probing off, no targets, no key" "0 none none 10 0" \
	"$(ip_d "$NS_A" et1 probe_interval probe_target flush_key flush_interval revert_delay)"

# --- mode backup: refusals ----------------------------------------------------

# etrunkctl checks the ranges itself (exit 2, nothing sent) ...
ctl_usage "usage: flush_interval 0" "flush_interval: expected 1 to 1000 ms" 2 \
	set et1 flush_interval 0
ctl_usage "usage: flush_interval 1001" "flush_interval: expected 1 to 1000 ms" 2 \
	set et1 flush_interval 1001
ctl_usage "usage: flush_count 17" "flush_count: expected 0 to 16" 2 \
	set et1 flush_count 17
ctl_usage "usage: revert_delay 3600001" "revert_delay: expected 0 to 3600000 ms" 2 \
	set et1 revert_delay 3600001
ctl_usage "usage: grat_arp 256" "grat_arp: expected 0 to 255" 2 set et1 grat_arp 256
ctl_usage "usage: probe_interval 5" \
	"probe_interval: expected 0 (off) or 10 to 60000 ms" 2 set et1 probe_interval 5
ctl_usage "usage: probe_interval 60001" \
	"probe_interval: expected 0 (off) or 10 to 60000 ms" 2 set et1 probe_interval 60001
ctl_usage "usage: probe_missed 0" "probe_missed: expected 1 to 255" 2 \
	set et1 probe_missed 0
ctl_usage "usage: an odd number of hex digits" "flush_key: expected 1 to 64 bytes in hex" 2 \
	set et1 flush_key abc
ctl_usage "usage: a key of 65 bytes" "flush_key: expected 1 to 64 bytes in hex" 2 \
	set et1 flush_key "$KEY$KEY$KEY$KEY"00
ctl_usage "usage: a key that is not hex" "flush_key: expected 1 to 64 bytes in hex" 2 \
	set et1 flush_key 00zz
ctl_direct set et1 flush_key 0s3cr3t >"$TMP/key" 2>&1
rc=$?
check_eq "usage: a refused key is not echoed" "2 0" "$rc $(grep -c s3cr3t "$TMP/key")"
ctl_usage "usage: revertive yes" "revertive: 'yes' is neither on nor off" 2 \
	set et1 revertive yes
ctl_usage "usage: flush_rx 1" "flush_rx: '1' is neither on nor off" 2 set et1 flush_rx 1
ctl_usage "usage: a probe target that is no address" \
	"probe_target: '192.0.2' is not an IPv4 or IPv6 address" 2 \
	set et1 probe_target 192.0.2.1,192.0.2
ctl_usage "usage: 17 probe targets" "probe_target: at most 16" 2 \
	set et1 probe_target "$(seq -s, -f '192.0.2.%g' 1 17)"
ctl_usage "usage: an empty probe target" "probe_target: an empty value" 2 \
	set et1 probe_target 192.0.2.1,
ctl_usage "usage: an option given twice" "given twice" 2 \
	set et1 flush_key none flush-key none
# ... and the kernel judges what only it can.
ctl_error "probing needs a target" "Liveness probing needs a probe target" nonzero \
	set et1 probe_interval 100
ctl_error "probing is for mode backup only" "Liveness probing is for mode backup only" \
	nonzero set et0 probe_interval 100
ctl_error "a multicast IPv6 probe target" "must be a unicast IPv6 address" nonzero \
	set et1 probe_target 2001:db8::1,ff02::1
ctl_error "a duplicate probe target" "Duplicate probe target" nonzero \
	set et1 probe_target 192.0.2.9,192.0.2.9
ctl_error "max_links in mode backup" "max_links do not apply" nonzero \
	set et1 max_links 1
# ip passes the numbers on: the kernel's policy checks the ranges.
check_refused "ip: flush_interval 0 is refused by the kernel" "out of range" \
	ip -n "$NS_A" link set et1 type etrunk flush_interval 0
check_refused "ip: flush_count 17 is refused by the kernel" "out of range" \
	ip -n "$NS_A" link set et1 type etrunk flush_count 17
check_refused "ip: revert_delay 3600001 is refused by the kernel" "out of range" \
	ip -n "$NS_A" link set et1 type etrunk revert_delay 3600001
check_refused "ip: probe_missed 0 is refused by the kernel" "out of range" \
	ip -n "$NS_A" link set et1 type etrunk probe_missed 0
check_refused "ip: probe_interval 60001 is refused by the kernel" "out of range" \
	ip -n "$NS_A" link set et1 type etrunk probe_interval 60001
check_refused "ip: probe_interval 5 is refused by the kernel" "at least 10 ms" \
	ip -n "$NS_A" link set et1 type etrunk probe_target 192.0.2.9 probe_interval 5
check_refused "ip: a broadcast probe target" "must be a unicast IPv4 address" \
	ip -n "$NS_A" link set et1 type etrunk probe_target 255.255.255.255
check_refused "ip: a probe target that is no address" "probe_target" \
	ip -n "$NS_A" link set et1 type etrunk probe_target 192.0.2.300
check_refused "ip: an odd number of hex digits in the key" "flush_key" \
	ip -n "$NS_A" link set et1 type etrunk flush_key 001
check_refused "ip: revertive yes" "revertive" \
	ip -n "$NS_A" link set et1 type etrunk revertive yes
check_eq "refused sets change nothing" "on 0 1 3 10 none on 0 3 none m0" \
	"$(ip_d "$NS_A" et1 revertive revert_delay grat_arp flush_count \
		flush_interval flush_key flush_rx probe_interval probe_missed \
		probe_target active_member)"

# --- flush-receive on bridge ports ----------------------------------------------

ctlb() { ip netns exec "$NS_B" "$ETRUNKCTL" "$@"; }
# port_line DEV: the first line of flush-receive show DEV
port_line() { ctlb flush-receive show "$1" | head -n1; }

check_eq "flush-receive n0 on without a key warns" \
	"Warning: Flush-receive without a key: any host on the port's segment can flush the bridge." \
	"$(ctlb flush-receive n0 on 2>&1 >/dev/null)"
PLAIN=$(ctlb flush-receive show n0)
check_eq "flush-receive show n0: on, no key, all VLANs" \
	"n0: flush-receive on, key none (unauthenticated), vlans all" "$(head -n1 <<<"$PLAIN")"
re='^  flush frames: accepted [0-9]+; dropped: rate [0-9]+, malformed [0-9]+, version [0-9]+, auth [0-9]+, replay [0-9]+$'
check_re "flush-receive show n0: the counters" "$re" "$(sed -n 2p <<<"$PLAIN")"
check_eq "flush-receive show -j n0" \
	'["n0",true,"none",[],["tx","rx_accepted","rx_rate","rx_malformed","rx_version","rx_auth","rx_replay"]]' \
	"$(ctlb -j flush-receive show n0 | jq -c '.[0] | [.ifname, .flush_rx, .flush_key, .vlans, (.flush_stats | keys_unsorted)]')"
check "flush-receive n0 on key HEX vlans 10,20" \
	ctlb flush-receive n0 on key 0a0b vlans 10,20
check_eq "show: key set, vlans 10,20" "n0: flush-receive on, key set, vlans 10,20" \
	"$(port_line n0)"
check "flush-receive n0 on vlans all (the key stays)" ctlb flush-receive n0 on vlans all
check_eq "show: key set, vlans all" "n0: flush-receive on, key set, vlans all" \
	"$(port_line n0)"
check "flush-receive n0 on key none vlans 4094" \
	ctlb flush-receive n0 on key none vlans 4094
check "flush-receive n1 on" ctlb flush-receive n1 on
check_eq "flush-receive show -j: both ports, n0 with key none, vlans [4094]" \
	'[["n0","none",[4094]],["n1","none",[]]]' \
	"$(ctlb -j flush-receive show | jq -c 'map([.ifname, .flush_key, .vlans]) | sort')"
check_eq "flush-receive show: both ports" "n0 n1" \
	"$(ctlb flush-receive show | awk '/^[^ ]/ { sub(":", "", $1); print $1 }' | sort | paste -sd' ')"
check "flush-receive n1 off" ctlb flush-receive n1 off
check_eq "flush-receive show: only n0 left" \
	"n0: flush-receive on, key none (unauthenticated), vlans 4094" \
	"$(ctlb flush-receive show | grep -v '^ ')"
ctl_error "flush-receive show of a port without it" \
	"Flush-receive is not enabled on the device" nonzero flush-receive show m0
ctl_error "flush-receive on a device that is no bridge port" \
	"Flush-receive works on bridge ports" nonzero flush-receive x0 on
ctl_error "flush-receive on a trunk member" \
	"Flush-receive works on bridge ports" nonzero flush-receive m0 on key none
ctl_error "flush-receive on an unknown device" "No such device" nonzero \
	flush-receive nosuch0 on
ctl_usage "usage: flush-receive without on or off" "on or off" 2 flush-receive n0
ctl_usage "usage: flush-receive off with options" "takes no options" 2 \
	flush-receive n0 off vlans all
ctl_usage "usage: VLAN 0" "vlans: expected VLAN IDs from 1 to 4094" 2 \
	flush-receive n0 on vlans 0
ctl_usage "usage: VLAN 4095" "vlans: expected VLAN IDs from 1 to 4094" 2 \
	flush-receive n0 on vlans 10,4095
ctl_usage "usage: flush-receive unknown option" "unknown option" 2 \
	flush-receive n0 on bogus 1
ctl_usage "usage: flush-receive show of two devices" "at most one device" 2 \
	flush-receive show n0 n1
check_refused "without CAP_NET_ADMIN: flush-receive on is refused" \
	"Operation not permitted" ip netns exec "$NS_B" setpriv \
	--inh-caps=-net_admin --bounding-set=-net_admin "$ETRUNKCTL" \
	flush-receive n1 on
check_refused "without CAP_NET_ADMIN: flush-receive show is refused" \
	"Operation not permitted" ip netns exec "$NS_B" setpriv \
	--inh-caps=-net_admin --bounding-set=-net_admin "$ETRUNKCTL" \
	flush-receive show
check_eq "n1 still off" "n0: flush-receive on, key none (unauthenticated), vlans 4094" \
	"$(ip netns exec "$NS_B" "$ETRUNKCTL" flush-receive show | head -n1)"

# --- mode backup: switchovers in show and monitor, flush frames counted --------

# n1 takes frames with et1's key, n0 has another key: the switchover to
# m1 is accepted at n1, the one back to m0 fails authentication at n0.
check "set et1 flush_key" ctl set et1 flush_key "$KEY"
check "flush-receive n1 on with the trunk's key" ctlb flush-receive n1 on key "$KEY"
check "flush-receive n0 on with another key, all VLANs" \
	ctlb flush-receive n0 on key ffff vlans all
PLAIN=$(ctl show et1)
tx0=$(sed -n 's/^  flush frames: sent \([0-9]*\),.*/\1/p' <<<"$PLAIN")

timeout 600 ip netns exec "$NS_A" "$ETRUNKCTL" monitor >"$TMP/mon" 2>&1 &
MONITORS+=($!)
timeout 600 ip netns exec "$NS_A" "$ETRUNKCTL" -j monitor >"$TMP/monj" 2>&1 &
MONITORS+=($!)
tries=0
until grep -q 'trunk-changed trunk et1' "$TMP/mon" &&
      grep -q '"trunk-changed","ifname":"et1"' "$TMP/monj"; do
	[ $tries -lt 50 ] || break
	ctl set et1 grat_arp 1
	sleep 0.2
	tries=$((tries + 1))
done

# port_stat DEV COUNTER: a counter of flush-receive show DEV's text
port_stat()
{
	local out

	out=$(ctlb flush-receive show "$1") || return 1
	[[ $out =~ [\ ]$2\ ([0-9]+) ]] && echo "${BASH_REMATCH[1]}"
}
port_stat_ge() { [ "$(port_stat "$1" "$2")" -ge "$3" ]; }

check "member set m0 admin down" ctl member set m0 admin down
check "monitor: switchover to m1, reason admin" wait_for "$TMP/mon" \
	'^seq [0-9]+ switchover trunk et1 active-member m1 reason admin switchovers 2 active-members 1 carrier on$'
check "monitor -j: the same switchover" wait_for "$TMP/monj" \
	'"event":"switchover","ifname":"et1",.*"active_member":"m1","switchovers":2,"switchover_reason":"admin"'
PLAIN=$(ctl show et1)
re='^  switchovers 2, last: admin, [0-9]+\.[0-9]{3} s ago$'
check_re "show: two switchovers, the last by admin" \
	"$re" "$(sed -n 5p <<<"$PLAIN")"
check_eq "show: m1 active, m0 down by admin" \
	"  backup: active m1,|m0 down admin|m1 active -" \
	"$(sed -n 4p <<<"$PLAIN" | cut -d' ' -f1-5)|$(awk '$1 == "m0" || $1 == "m1" { print $1, $2, $3 }' <<<"$PLAIN" | paste -sd'|')"
check "n1 accepts the new master's flush frames" until_ok 50 port_stat_ge n1 accepted 1
check_eq "n1: none refused" "0 0 0" \
	"$(port_stat n1 malformed) $(port_stat n1 version) $(port_stat n1 auth)"
check "member set m0 admin up" ctl member set m0 admin up
check "member set m0 master on" ctl member set m0 master on
check "monitor: switchover to m0, reason manual" wait_for "$TMP/mon" \
	'^seq [0-9]+ switchover trunk et1 active-member m0 reason manual switchovers 3 active-members 1 carrier on$'
check "n0 refuses the frames: the key differs (auth)" until_ok 50 port_stat_ge n0 auth 1
check_eq "n0 accepted none" 0 "$(port_stat n0 accepted)"
sleep 0.3
snap et1
check_ge "et1 counts the flush frames it sent: 3 per switchover" \
	"${J[flush_stats.tx]-0}" $((tx0 + 6))
check_eq "show -j: m0 active again, 3 switchovers, the last manual" "m0 3 manual" \
	"${J[active_member]-} ${J[switchovers]-} ${J[switchover_reason]-}"
check_eq "ip -d link: the same" "m0 3 manual" \
	"$(ip_d "$NS_A" et1 active_member switchovers switchover_reason)"
for pid in "${MONITORS[@]}"; do
	kill "$pid"
	wait "$pid" 2>/dev/null
done
MONITORS=()
grep switchover "$TMP/mon" | sed 's/^/# monitor: /'
check_eq "monitor -j: every switchover event has member, reason and count" \
	'[["m1","admin",2],["m0","manual",3]]' \
	"$(jq -sc 'map(select(.event == "switchover" and .ifname == "et1") | [.active_member, .switchover_reason, .switchovers])' "$TMP/monj")"

# --- mode backup: a member down for probing shows reason probe -----------------

# Nobody answers 198.51.100.99: the master fails probing, then the other.
check "probe an address nobody answers" ctl set et1 probe_target 198.51.100.99 \
	probe_interval 100 probe_missed 2
probe_down()
{
	PLAIN=$(ctl show et1)
	[[ $PLAIN =~ m0\ +down\ +probe && $PLAIN =~ m1\ +down\ +probe ]]
}
check "both members go down with reason probe" until_ok 100 probe_down
sed 's/^/# /' <<<"$PLAIN"
re='^  switchovers [0-9]+, last: probe, '
check_re "show: the last switchover was by probe" "$re" "$(sed -n 5p <<<"$PLAIN")"
check_eq "ip -d link: m0 down, reason probe" "down probe" "$(ip_d "$NS_A" m0 state reason)"
check "probing off" ctl set et1 probe_interval 0
check "m0 is the master again once probing is off" until_ok 50 active_is m0
echo "# done after ${SECONDS}s"
finish
