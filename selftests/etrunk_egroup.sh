#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# etrunkctl e-trunk end to end: a group is added with its defaults shown
# (plain and -j), set field by field and read back, its key reported only
# as set, refused values carry the tool's or the kernel's message; trunks
# in mode lacp and backup are bound with id, mode, remote id and basis and
# listed under the group and in the trunk's own view, a missing id, an id
# taken in the group, a loadbalance trunk, a veth, a missing group and a
# second binding are refused, a group with trunks is not deleted, a
# deleted trunk leaves its group, the monitor sees the e-trunk events,
# changes need CAP_NET_ADMIN, and a group is invisible from another
# namespace. With real packets: a trunk in mode backup set to role backup
# (etrunkctl e-trunk role, what etrunkd writes) sends nothing on either
# member, drops what comes in, has no carrier and stays so when a link
# comes back; role master and unbinding bring traffic back, each a
# switchover for reason e-trunk.

source "$(dirname "$0")/lib.sh"
require_etrunk
ETRUNKCTL="$REPO_DIR/tools/etrunkctl/etrunkctl"
[ -x "$ETRUNKCTL" ] || skip "etrunkctl not built (make -C tools/etrunkctl)"
command -v jq >/dev/null || skip "jq not installed"
[ -x "$UDP_FLOWS" ] || skip "udp_flows not built"
command -v setpriv >/dev/null || skip "setpriv (util-linux) not installed"

new_ns NS e-trunk
new_ns NS2 e-trunk
ctl() { ip netns exec "$NS" "$ETRUNKCTL" "$@"; }
# jf ID FILTER: a jq filter over `e-trunk show ID -j`'s one group.
jf() { ctl -j e-trunk show "$1" | jq -r ".[0] | $2"; }

ip -n "$NS" link add et0 type etrunk mode lacp
ip -n "$NS" link add et1 type etrunk mode backup
ip -n "$NS" link add et2 type etrunk
ip -n "$NS" link add et3 type etrunk mode lacp
ip -n "$NS" link add d0 type veth peer name d1

# ---- groups --------------------------------------------------------------

check "add a group" ctl e-trunk add 1 system-id 02:00:5e:00:00:01 \
	source 192.0.2.1 peer 192.0.2.2
check_eq "shown in plain" "e-trunk 1" "$(ctl e-trunk show 1 | head -1)"
out=$(ctl e-trunk show 1)
check "plain: priority and system id" grep -q \
	"priority 100, system-id 02:00:5e:00:00:01" <<<"$out"
check "plain: source, peer, port" grep -q \
	"source 192.0.2.1, peer 192.0.2.2, port 61000" <<<"$out"
check "plain: defaults" grep -q \
	"peer state unknown, hello 1000 ms, hold-multiplier 3, revert-delay 120 s, key unset" <<<"$out"
check "plain: counters" grep -q \
	"hellos: sent 0, received 0; auth-failures 0, replays 0, other drops 0, role-changes 0" <<<"$out"
check "plain: no member trunks" grep -q "no member trunks" <<<"$out"
check_eq "json: id" 1 "$(jf 1 .id)"
check_eq "json: priority" 100 "$(jf 1 .priority)"
check_eq "json: port" 61000 "$(jf 1 .port)"
check_eq "json: revert delay" 120 "$(jf 1 .revert_delay_s)"
check_eq "json: key unset" false "$(jf 1 .key_set)"
check_eq "json: peer state" unknown "$(jf 1 .peer_state)"
check_eq "json: no liveness" null "$(jf 1 .liveness)"
check_eq "json: no trunks" 0 "$(jf 1 '.trunks | length')"

check "set every option" ctl e-trunk set 1 priority 10 \
	source 2001:db8::1 peer 2001:db8::2 liveness 2001:db8::3 port 4000 \
	key 00112233445566778899 hello 100 hold-multiplier 5 \
	revert-delay 30 description "to PE2"
out=$(ctl e-trunk show 1)
check_eq "plain: description" "e-trunk 1: to PE2" "$(head -1 <<<"$out")"
check "plain: IPv6 and liveness" grep -q \
	"source 2001:db8::1, peer 2001:db8::2, port 4000, liveness 2001:db8::3" <<<"$out"
check "plain: timers and key" grep -q \
	"hello 100 ms, hold-multiplier 5, revert-delay 30 s, key set" <<<"$out"
check_eq "json: priority 10" 10 "$(jf 1 .priority)"
check_eq "json: source" 2001:db8::1 "$(jf 1 .source)"
check_eq "json: liveness" 2001:db8::3 "$(jf 1 .liveness)"
check_eq "json: hello" 100 "$(jf 1 .hello_interval_ms)"
check_eq "json: hold" 5 "$(jf 1 .hold_multiplier)"
check_eq "json: description" "to PE2" "$(jf 1 .description)"
check_eq "json: key set" true "$(jf 1 .key_set)"
check "the key is never shown" bash -c \
	"! ip netns exec $NS $ETRUNKCTL -j e-trunk show 1 | grep -qi 0011223344"
check "key none clears it" ctl e-trunk set 1 key none
check_eq "key unset again" false "$(jf 1 .key_set)"
check "liveness none" ctl e-trunk set 1 liveness none
check_eq "liveness removed" null "$(jf 1 .liveness)"

check_refused "priority 0 (tool)" "expected 1 to 254" ctl e-trunk set 1 priority 0
check_refused "hello 5 ms (tool)" "expected 10 to 60000 ms" ctl e-trunk set 1 hello 5
check_refused "hold 2 (tool)" "expected 3 to 255" ctl e-trunk set 1 hold-multiplier 2
check_refused "id 17 (tool)" "expected 1 to 16" ctl e-trunk show 17
check_refused "mixed families (kernel)" \
	"The addresses of a group must be of one family" \
	ctl e-trunk set 1 source 192.0.2.1
check_refused "multicast system ID (kernel)" "unicast MAC address" \
	ctl e-trunk set 1 system-id 01:00:5e:00:00:01
check_refused "a taken id (kernel)" "The E-Trunk group exists" \
	ctl e-trunk add 1 system-id 02:00:5e:00:00:01 source 192.0.2.1 peer 192.0.2.2
check_refused "no such group (kernel)" "No such E-Trunk group" ctl e-trunk show 2
check_refused "add without peer (kernel)" "A new group needs" \
	ctl e-trunk add 2 system-id 02:00:5e:00:00:01 source 192.0.2.1

check "add group 3" ctl e-trunk add 3 system-id 02:00:5e:00:00:03 \
	source 198.51.100.1 peer 198.51.100.2
check_eq "dump: two groups, in order" "1 3" \
	"$(ctl -j e-trunk show | jq -r '[.[].id] | join(" ")')"

# ---- member trunks -------------------------------------------------------

check_refused "bind without an id (tool)" "which member trunk id?" \
	ctl e-trunk bind et0 group 1
check_refused "id 0 (tool)" "expected 1 to 4294967295" \
	ctl e-trunk bind et0 group 1 id 0
check_eq "an unbound trunk: json e_trunk null" null \
	"$(ctl -j show et0 | jq -r '.[0].e_trunk')"
check "an unbound trunk: no e-trunk line" bash -c \
	"! ip netns exec $NS $ETRUNKCTL show et0 | grep -q e-trunk"
check "bind et0 (lacp)" ctl e-trunk bind et0 group 1 id 10 mode force-master \
	remote-id 42 basis links
check "bind et1 (backup)" ctl e-trunk bind et1 group 1 id 11
check_refused "an id taken in the group (kernel)" \
	"Another member trunk of the group has this id" \
	ctl e-trunk bind et3 group 1 id 10
check "the same id in another group" ctl e-trunk bind et3 group 3 id 10
out=$(ctl e-trunk show 1)
check "plain: trunk table" grep -Eq \
	"^  trunk +id +mode +remote-id +basis +role +reason$" <<<"$out"
check "plain: et0's row" grep -Eq \
	"^  et0 +10 +force-master +42 +links +none +-$" <<<"$out"
check "plain: et1's row" grep -Eq \
	"^  et1 +11 +auto +- +priority +none +-$" <<<"$out"
check_eq "json: two trunks" "et0 et1" "$(jf 1 '[.trunks[].trunk] | join(" ")')"
check_eq "json: et0 id" 10 "$(jf 1 .trunks[0].id)"
check_eq "json: et0 mode" force-master "$(jf 1 .trunks[0].mode)"
check_eq "json: et0 remote id" 42 "$(jf 1 .trunks[0].remote_id)"
check_eq "json: et0 basis" links "$(jf 1 .trunks[0].basis)"
check_eq "json: et1 id" 11 "$(jf 1 .trunks[1].id)"
check_eq "json: et1 remote id" null "$(jf 1 .trunks[1].remote_id)"
check_eq "json: et3 in group 3, id 10" "et3 10" \
	"$(jf 3 '.trunks[0] | "\(.trunk) \(.id)"')"
# The trunk's own view shows its binding.
check_eq "show et0: the e-trunk line" \
	"  e-trunk 1 id 10 mode force-master remote-id 42 basis links role none" \
	"$(ctl show et0 | grep e-trunk)"
check_eq "show et0 -j: e_trunk" "1 10 force-master 42 links none none" \
	"$(ctl -j show et0 | jq -r '.[0].e_trunk |
		"\(.group) \(.id) \(.mode) \(.remote_id) \(.basis) \(.role) \(.reason)"')"
check_refused "bind-set to a taken id (kernel)" \
	"Another member trunk of the group has this id" \
	ctl e-trunk bind-set et1 id 10
check "bind-set et0" ctl e-trunk bind-set et0 id 12 mode force-backup \
	remote-id none basis bandwidth
check_eq "json: et0 changed" "12 force-backup null bandwidth" \
	"$(jf 1 '.trunks[0] | "\(.id) \(.mode) \(.remote_id) \(.basis)"')"
check_eq "show et0: changed" \
	"  e-trunk 1 id 12 mode force-backup basis bandwidth role none" \
	"$(ctl show et0 | grep e-trunk)"
check "bind-set et1 to et0's old id" ctl e-trunk bind-set et1 id 10
check_eq "json: et1 id 10" 10 "$(jf 1 .trunks[1].id)"
check "unbind et3" ctl e-trunk unbind et3

check_refused "bind twice" "The trunk is already bound to an E-Trunk group" \
	ctl e-trunk bind et0 group 3 id 1
check_refused "bind a loadbalance trunk" \
	"E-Trunk member trunks are in mode lacp or backup" \
	ctl e-trunk bind et2 group 1 id 1
check_refused "bind a veth" "The device is not a trunk" \
	ctl e-trunk bind d0 group 1 id 1
check_refused "bind to a missing group" "No such E-Trunk group" \
	ctl e-trunk bind et3 group 5 id 1
check_refused "bind without a group (tool)" "which group?" \
	ctl e-trunk bind et2 id 1
check_refused "unknown mode (tool)" "unknown value" \
	ctl e-trunk bind et2 group 1 id 1 mode sometimes
check_refused "delete a group with trunks" \
	"The group has member trunks; unbind them first" ctl e-trunk del 1
check_refused "a bound trunk keeps its mode" \
	"A trunk bound to an E-Trunk group stays in mode lacp or backup" \
	ctl set et0 mode loadbalance

# The monitor sees binding changes and the unbinding of a deleted trunk.
ip netns exec "$NS" "$ETRUNKCTL" -j monitor >"$TMP/mon" 2>&1 &
MON=$!
sleep 0.5
check "unbind et1" ctl e-trunk unbind et1
check_refused "unbind again" "The trunk is not bound to an E-Trunk group" \
	ctl e-trunk unbind et1
ip -n "$NS" link del et0
check_eq "a deleted trunk leaves its group" 0 "$(jf 1 '.trunks | length')"
check "set group 3" ctl e-trunk set 3 priority 7
check "del group 1" ctl e-trunk del 1
sleep 0.5
kill "$MON"
wait "$MON" 2>/dev/null
check_eq "monitor: the e-trunk events in order" \
	"e-trunk-unbound:et1 e-trunk-unbound:et0 e-trunk-changed:3 e-trunk-removed:1" \
	"$(jq -r 'select(.event | startswith("e-trunk")) |
		"\(.event):\(.binding.trunk // .e_trunk.id)"' "$TMP/mon" | xargs)"
check_eq "group 1 is gone" 3 "$(ctl -j e-trunk show | jq -r '[.[].id] | join(" ")')"

# ---- permissions and namespaces ------------------------------------------

check_refused "add needs CAP_NET_ADMIN" "Operation not permitted" \
	ip netns exec "$NS" setpriv --inh-caps=-net_admin --bounding-set=-net_admin \
	"$ETRUNKCTL" e-trunk add 4 system-id 02:00:5e:00:00:04 source 192.0.2.1 peer 192.0.2.2
check_refused "show needs it too" "Operation not permitted" \
	ip netns exec "$NS" setpriv --inh-caps=-net_admin \
	--bounding-set=-net_admin "$ETRUNKCTL" e-trunk show 3
check_eq "another namespace sees no group" 0 \
	"$(ip netns exec "$NS2" "$ETRUNKCTL" -j e-trunk show | jq length)"
check_refused "nor group 3" "No such E-Trunk group" \
	ip netns exec "$NS2" "$ETRUNKCTL" e-trunk show 3

# ---- role backup of a trunk in mode backup, with real packets -----------

make_trunk_pair 2 mode backup flush_rx on || { fail "set up two hosts"; finish; }
actl() { ip netns exec "$NS_A" "$ETRUNKCTL" "$@"; }
ping_b() { ip netns exec "$NS_A" ping -c 1 -W 1 192.0.2.2 >/dev/null 2>&1; }
# wait_ping: traffic resumed (the peer follows the flush frames).
wait_ping()
{
	local tries=0

	until ping_b; do
		[ $tries -lt 10 ] || return 1
		tries=$((tries + 1))
	done
}
# frames B received on both links from A's members
b_rx() { echo $(($(rx_packets "$NS_B" b0) + $(rx_packets "$NS_B" b1))); }
a_trunk() { link_detail "$NS_A" et0 "$1"; }

check "A: a master" wait_state "$NS_A" a0 active
check "traffic in role none" wait_ping
check "A: group" actl e-trunk add 1 system-id 02:00:5e:00:00:01 \
	source 192.0.2.1 peer 192.0.2.2
check "A: bind et0" actl e-trunk bind et0 group 1 id 10
ip -n "$NS_A" link add et1 type etrunk mode backup
check_refused "role of an unbound trunk" \
	"The trunk is not bound to an E-Trunk group" actl e-trunk role et1 master
check_refused "role: master or backup (tool)" "master or backup" \
	actl e-trunk role et0 none
check "A: role master" actl e-trunk role et0 master reason higher-priority
check_eq "show: the role and its reason" \
	"  e-trunk 1 id 10 mode auto basis priority role master (higher-priority)" \
	"$(actl show et0 | grep e-trunk)"
check "traffic in role master" wait_ping
sw=$(a_trunk switchovers)

check "A: role backup" actl e-trunk role et0 backup reason lower-priority
check_eq "json: role backup" "backup lower-priority" \
	"$(actl -j show et0 | jq -r '.[0].e_trunk | "\(.role) \(.reason)"')"
check_eq "a0 stands by" "standby e-trunk-backup" \
	"$(link_detail "$NS_A" a0 state) $(link_detail "$NS_A" a0 reason)"
check_eq "a1 stands by" "standby e-trunk-backup" \
	"$(link_detail "$NS_A" a1 state) $(link_detail "$NS_A" a1 reason)"
check_eq "no master" none "$(a_trunk active_member)"
check_eq "no active member" 0 "$(a_trunk active_members)"
check_eq "json: the reasons" "e-trunk-backup e-trunk-backup" \
	"$(actl -j show et0 | jq -r '[.[0].members[].reason] | join(" ")')"
check_eq "json: no active member" null \
	"$(actl -j show et0 | jq -r '.[0].active_member')"
check_eq "no carrier" 0 "$(link_attr "$NS_A" et0 carrier)"
check_eq "standing by is no switchover" "$sw" "$(a_trunk switchovers)"
sleep 0.3
rx0=$(b_rx)
drop0=$(link_attr "$NS_A" et0 statistics/rx_dropped)
ip netns exec "$NS_A" "$UDP_FLOWS" 192.0.2.2 16 20 >/dev/null 2>&1
check "no ping in role backup" bash -c \
	"! ip netns exec $NS_A ping -c 2 -i 0.2 -W 1 192.0.2.2"
# B pings A: its frames arrive on A's members and are dropped there. B's
# entry for A is pinned: else, gone stale without replies and failed on a
# slow guest, B would send its ARP requests (one a second) instead.
ip -n "$NS_B" neigh replace 192.0.2.1 dev et0 nud permanent \
	lladdr "$(link_attr "$NS_A" et0 address)"
ip netns exec "$NS_B" ping -c 3 -i 0.2 -W 1 192.0.2.1 >/dev/null 2>&1
check_eq "no frame left A's members" 0 $(($(b_rx) - rx0))
check_ge "A dropped what it received" \
	$(($(link_attr "$NS_A" et0 statistics/rx_dropped) - drop0)) 3
ip -n "$NS_B" neigh del 192.0.2.1 dev et0
# A link that comes back does not bring a member in.
ip -n "$NS_B" link set b0 down
check "a0 loses its link" wait_state "$NS_A" a0 down
ip -n "$NS_B" link set b0 up
check "a0 back: standby" wait_state "$NS_A" a0 standby
check_eq "a0: for the role" e-trunk-backup "$(link_detail "$NS_A" a0 reason)"
check_eq "still no master" none "$(a_trunk active_member)"
rx0=$(b_rx)
ip netns exec "$NS_A" "$UDP_FLOWS" 192.0.2.2 16 20 >/dev/null 2>&1
sleep 0.3
check_eq "still nothing sent" 0 $(($(b_rx) - rx0))

check "A: role master again" actl e-trunk role et0 master
check "traffic resumes" wait_ping
check_eq "a switchover" $((sw + 1)) "$(a_trunk switchovers)"
check_eq "for e-trunk" e-trunk "$(a_trunk switchover_reason)"
check_eq "etrunkctl: last switchover e-trunk" 1 \
	"$(actl show et0 | grep -c 'last: e-trunk')"
rx0=$(b_rx)
ip netns exec "$NS_A" "$UDP_FLOWS" 192.0.2.2 16 20 >/dev/null 2>&1
check_ge "frames leave A again" $(($(b_rx) - rx0)) 20

check "A: role backup once more" actl e-trunk role et0 backup
check "no traffic" bash -c "! ip netns exec $NS_A ping -c 1 -W 1 192.0.2.2"
check "A: unbind" actl e-trunk unbind et0
check "traffic after unbinding" wait_ping
check_eq "a switchover for e-trunk" "$((sw + 2)) e-trunk" \
	"$(a_trunk switchovers) $(a_trunk switchover_reason)"

finish
