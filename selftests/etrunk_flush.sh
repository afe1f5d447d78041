#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Flush frames (Documentation/flush-frame.md, struct etrunk_flush_hdr in
# uapi/linux/etrunk.h).
#
# The bridge role: a bridge port with flush-receive that accepts a flush
# frame makes the bridge forget the dynamic FDB entries of every
# flush-receive port (static and local ones stay, other ports keep
# theirs), only in the VLANs the frame lists and the port allows; frames
# with a wrong or missing HMAC, replayed, truncated, of another version,
# with a bad magic or beyond the token bucket are dropped, each counted
# under its reason, and flush nothing.
#
# The trunk role: two trunks in mode backup joined over two bridged paths.
# When one switches, its new master sends flush_count frames untagged and
# as many on its VLAN; the far trunk's backup on that path accepts them and
# becomes the master (reason flush), so traffic flows again. With flush_rx
# off it does not switch; with a key, only frames with the right HMAC count.
# Our Lua dissector (tools/wireshark/etrunk.lua) reads the frames tshark
# captured of the switchover.

source "$(dirname "$0")/lib.sh"
require_etrunk
command -v jq >/dev/null || skip "jq not installed"
FLUSH_FRAME="$SELFTEST_DIR/flush_frame"
ETRUNKCTL="$REPO_DIR/tools/etrunkctl/etrunkctl"
[ -x "$FLUSH_FRAME" ] || skip "flush_frame not built"
[ -x "$ETRUNKCTL" ] || skip "etrunkctl not built"

KEY=000102030405060708090a0b0c0d0e0f
KEY2=ffeeddccbbaa99887766554433221100
STATIC_MAC=02:00:00:00:00:aa

ctl() { local ns=$1; shift; ip netns exec "$ns" "$ETRUNKCTL" "$@"; }
# send NS IFACE [flush_frame options]
send() { local ns=$1 dev=$2; shift 2; "$FLUSH_FRAME" -n "$ns" -i "$dev" "$@"; }
# stats NS [PORT]: the flush counters of a flush-receive PORT, or of et0
# without, into S_tx, S_rx_accepted, S_rx_rate, S_rx_malformed,
# S_rx_version, S_rx_auth and S_rx_replay (one call: processes are slow
# in the emulated test VM).
stats()
{
	local json

	if [ $# -gt 1 ]; then
		json=$(ctl "$1" -j flush-receive show "$2")
	else
		json=$(ctl "$1" -j show et0)
	fi
	S_tx=missing S_rx_accepted=missing S_rx_rate=missing S_rx_malformed=missing
	S_rx_version=missing S_rx_auth=missing S_rx_replay=missing
	eval "$(jq -r '.[0].flush_stats | to_entries[] |
		select(.key | test("^[a-z_]+$")) |
		"S_\(.key)=\(.value | tonumber)"' <<<"$json")"
}
trunk_json() { ctl "$1" -j show et0 | jq -r ".[0].$2"; }
mac_of() { link_attr "$1" "$2" address; }
# A host that sends only what the test makes it send: no IPv6 start-up
# chatter (DAD, MLD, RS) relearning the entries a flush removed.
quiet_ns()
{
	new_ns "$1" "$2"
	ip netns exec "${!1}" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1
}

# fdb NS BRIDGE MAC DEV [VID]: how many entries of MAC on DEV (in VID)
fdb()
{
	bridge -n "$1" fdb show br "$2" |
		awk -v m="$3" -v d="$4" -v v="${5:-}" '
			$1 == m && $2 == "dev" && $3 == d {
				if (v == "") n++
				else for (i = 4; i < NF; i++)
					if ($i == "vlan" && $(i + 1) == v) n++
			}
			END { print n + 0 }'
}

# gone NS BRIDGE MAC DEV [VID]: the entry disappears within 5 s (the
# flush is a work item: on the debug kernel with other guests beside it,
# 1 s was missed)
gone()
{
	local tries=0

	while [ "$(fdb "$@")" != 0 ]; do
		[ $tries -lt 100 ] || return 1
		sleep 0.05
		tries=$((tries + 1))
	done
}

# ---- the bridge role -------------------------------------------------

# Hosts h1, h2, h3 on ports pA, pB, pC of br0; flush-receive on pA, pB.
quiet_ns NS_BR br
quiet_ns NS_H1 h1
quiet_ns NS_H2 h2
quiet_ns NS_H3 h3
ip -n "$NS_BR" link add br0 type bridge
ip -n "$NS_BR" link set br0 up
i=1
for p in A B C; do
	ns_var=NS_H$i
	ip -n "$NS_BR" link add "p$p" type veth peer name "h$i" netns "${!ns_var}"
	ip -n "$NS_BR" link set "p$p" master br0
	ip -n "$NS_BR" link set "p$p" up
	ip -n "${!ns_var}" addr add "198.51.100.$i/24" dev "h$i"
	ip -n "${!ns_var}" link set "h$i" up
	i=$((i + 1))
done
ip -n "$NS_BR" link add d0 type dummy
H1=$(mac_of "$NS_H1" h1)
H3=$(mac_of "$NS_H3" h3)
learn() { ip netns exec "$NS_H1" ping -c 1 -W 2 198.51.100.2 >/dev/null 2>&1; }

check "flush-receive on a bridge port" ctl "$NS_BR" flush-receive pA on
check "flush-receive on another port, VLANs all" \
	ctl "$NS_BR" flush-receive pB on key none vlans all
check_eq "both are listed, no key, all VLANs" "pA none 0 pB none 0" \
	"$(ctl "$NS_BR" -j flush-receive show |
		jq -r '[.[] | "\(.ifname) \(.flush_key) \(.vlans | length)"] | join(" ")')"
check_refused "not on a device outside a bridge" "Flush-receive works on bridge ports" \
	ctl "$NS_BR" flush-receive d0 on
check_refused "show of a port without it" "Flush-receive is not enabled on the device" \
	ctl "$NS_BR" flush-receive show pC

bridge -n "$NS_BR" fdb add "$STATIC_MAC" dev pA master static
static=$(fdb "$NS_BR" br0 "$STATIC_MAC" pA)
ip netns exec "$NS_H3" ping -c 1 -W 2 198.51.100.2 >/dev/null 2>&1
check "h1 reaches h2 across the bridge" learn
check_eq "h1's MAC learned on pA" 1 "$(fdb "$NS_BR" br0 "$H1" pA)"
check_eq "h3's MAC learned on pC" 1 "$(fdb "$NS_BR" br0 "$H3" pC)"
check_ge "a static entry on pA" "$static" 1
perm=$(bridge -n "$NS_BR" fdb show br br0 | grep -c ' dev pA .*permanent')
check_ge "pA has local entries" "$perm" 1

send "$NS_H2" h2
check "a flush frame into pB removes the entry learned on pA" gone "$NS_BR" br0 "$H1" pA
check_eq "the static entries on pA stay" "$static" "$(fdb "$NS_BR" br0 "$STATIC_MAC" pA)"
check_eq "the local entries of pA stay" "$perm" \
	"$(bridge -n "$NS_BR" fdb show br br0 | grep -c ' dev pA .*permanent')"
check_eq "pC, without flush-receive, keeps its entry" 1 "$(fdb "$NS_BR" br0 "$H3" pC)"
stats "$NS_BR" pB
check_eq "pB counted the frame as accepted" 1 "$S_rx_accepted"
stats "$NS_BR" pA
check_eq "pA, which sent it on, saw nothing" 0 "$S_rx_accepted"

# Bad frames into pB: each dropped and counted, none flushes.
check "pB takes a key" ctl "$NS_BR" flush-receive pB on key "$KEY"
check_eq "the key shows as set" set \
	"$(ctl "$NS_BR" -j flush-receive show pB | jq -r '.[0].flush_key')"
check_eq "and the VLANs kept their value" 0 \
	"$(ctl "$NS_BR" -j flush-receive show pB | jq -r '.[0].vlans | length')"
learn
seq=$(($(date +%s%N) + 1000000000))
send "$NS_H2" h2 -k "$KEY" -q "$seq"
check "a frame with the right HMAC flushes" gone "$NS_BR" br0 "$H1" pA
learn
check_eq "h1's MAC learned again" 1 "$(fdb "$NS_BR" br0 "$H1" pA)"
stats "$NS_BR" pB
acc=$S_rx_accepted auth=$S_rx_auth replay=$S_rx_replay bad=$S_rx_malformed ver=$S_rx_version
send "$NS_H2" h2 -k "$KEY2"			# wrong key
send "$NS_H2" h2				# no HMAC
send "$NS_H2" h2 -k "$KEY" -q "$seq"		# again
send "$NS_H2" h2 -k "$KEY" -q $((seq - 1))	# older
send "$NS_H2" h2 -k "$KEY" -T 20		# shorter than the header
send "$NS_H2" h2 -k "$KEY" -T 40		# than the length field
send "$NS_H2" h2 -k "$KEY" -m			# bad magic
send "$NS_H2" h2 -k "$KEY" -v 10,4095		# VLAN 4095
send "$NS_H2" h2 -k "$KEY" -V 2			# version 2
sleep 0.3
stats "$NS_BR" pB
check_eq "a wrong key and no HMAC while a key is set: auth" $((auth + 2)) "$S_rx_auth"
check_eq "a repeated and an older sequence number: replay" $((replay + 2)) "$S_rx_replay"
check_eq "truncated twice, a bad magic, VLAN 4095: malformed" $((bad + 4)) "$S_rx_malformed"
check_eq "version 2: version" $((ver + 1)) "$S_rx_version"
check_eq "none of them was accepted" "$acc" "$S_rx_accepted"
check_eq "none of them flushed" 1 "$(fdb "$NS_BR" br0 "$H1" pA)"

# Forged frames do not take from the bucket: the HMAC is checked first.
acc=$S_rx_accepted auth=$S_rx_auth rate=$S_rx_rate
send "$NS_H2" h2 -k "$KEY2" -c 200
sleep 0.3
stats "$NS_BR" pB
check_eq "200 forged frames: dropped as auth, none as rate" \
	"$((auth + 200)) $rate" "$S_rx_auth $S_rx_rate"
send "$NS_H2" h2 -k "$KEY" -q $((seq + 10))
check "the real sender's next frame still flushes" gone "$NS_BR" br0 "$H1" pA
stats "$NS_BR" pB
check_eq "accepted, not dropped for rate" "$((acc + 1)) $rate" "$S_rx_accepted $S_rx_rate"

# With a key, 64 senders are remembered and none is forgotten: a
# forgotten sender's old frames would be fresh again. h2 (trunk id 1)
# and 63 more (trunk ids 100 to 162, sent in two halves that the bucket
# holds) fill the table; a 65th sender is refused as a replay. Only
# another key empties it: the same key again would let old frames in.
acc=$S_rx_accepted replay=$S_rx_replay rate=$S_rx_rate
seq=$(($(date +%s%N) + 2000000000))
send "$NS_H2" h2 -k "$KEY" -t 100 -q "$seq" -c 32 -d
sleep 1.1
send "$NS_H2" h2 -k "$KEY" -t 132 -q "$seq" -c 31 -d
sleep 0.3
stats "$NS_BR" pB
check_eq "63 more senders are accepted" "$((acc + 63)) $rate" "$S_rx_accepted $S_rx_rate"
send "$NS_H2" h2 -k "$KEY" -t 200
send "$NS_H2" h2 -k "$KEY" -t 100 -q "$seq"
send "$NS_H2" h2 -k "$KEY" -t 100 -q $((seq + 1))
sleep 0.3
stats "$NS_BR" pB
check_eq "a 65th sender and the first one's old frame: replay" \
	$((replay + 2)) "$S_rx_replay"
check_eq "a known sender's new frame is accepted" $((acc + 64)) "$S_rx_accepted"
check "setting the same key again" ctl "$NS_BR" flush-receive pB on key "$KEY"
send "$NS_H2" h2 -k "$KEY" -t 100 -q "$seq"
sleep 0.3
stats "$NS_BR" pB
check_eq "forgets nothing: the first sender's old frame is still a replay" \
	$((replay + 3)) "$S_rx_replay"
check "another key, then the first again" eval \
	'ctl "$NS_BR" flush-receive pB on key "$KEY2" && ctl "$NS_BR" flush-receive pB on key "$KEY"'
send "$NS_H2" h2 -k "$KEY" -t 200
sleep 0.3
stats "$NS_BR" pB
check_eq "empties the table: the 65th sender is accepted" \
	"$((acc + 65)) $((replay + 3))" "$S_rx_accepted $S_rx_replay"

# The token bucket: 64 at once, 32 a second after that, so of a flood
# at most 64 plus what the sending time refilled is accepted.
rate=$S_rx_rate acc=$S_rx_accepted
t0=${EPOCHREALTIME/./}
send "$NS_H2" h2 -k "$KEY" -c 200
t1=${EPOCHREALTIME/./}
bound=$((64 + (t1 - t0) * 32 / 1000000 + 1))
stats "$NS_BR" pB
check_eq "a flood of 200: each frame accepted or dropped for rate" 200 \
	$((S_rx_accepted - acc + S_rx_rate - rate))
check_le "at most a burst (64, and what $(((t1 - t0) / 1000)) ms refilled) accepted" \
	$((S_rx_accepted - acc)) "$bound"
check_ge "the rest dropped for rate" $((S_rx_rate - rate)) $((200 - bound))

check "flush-receive off" ctl "$NS_BR" flush-receive pB off
check_refused "and forgotten" "Flush-receive is not enabled on the device" \
	ctl "$NS_BR" flush-receive show pB
learn
send "$NS_H2" h2 -q $((seq + 1000))
sleep 0.3
check_eq "a flush frame into pB without it flushes nothing" 1 "$(fdb "$NS_BR" br0 "$H1" pA)"
ip -n "$NS_BR" link set pA nomaster
check_refused "a port that leaves its bridge forgets its setting" \
	"Flush-receive is not enabled on the device" ctl "$NS_BR" flush-receive show pA

# ---- VLANs: a VLAN-aware bridge, h1 and h2 in VLANs 10 and 20 ---------

NS_VB=$NS_BR NS_V1=$NS_H1 NS_V2=$NS_H2
ip -n "$NS_VB" link add br1 type bridge vlan_filtering 1
ip -n "$NS_VB" link set br1 up
for i in 1 2; do
	ns_var=NS_V$i
	ip -n "$NS_VB" link add "q$i" type veth peer name "g$i" netns "${!ns_var}"
	ip -n "$NS_VB" link set "q$i" master br1
	ip -n "$NS_VB" link set "q$i" up
	ip -n "${!ns_var}" link set "g$i" up
	for v in 10 20; do
		bridge -n "$NS_VB" vlan add vid "$v" dev "q$i"
		ip -n "${!ns_var}" link add link "g$i" name "g$i.$v" type vlan id "$v"
		ip -n "${!ns_var}" addr add "10.$v.0.$i/24" dev "g$i.$v"
		ip -n "${!ns_var}" link set "g$i.$v" up
	done
done
V1=$(mac_of "$NS_V1" g1)
vlearn()
{
	ip netns exec "$NS_V1" ping -c 1 -W 2 10.10.0.2 >/dev/null 2>&1 &&
		ip netns exec "$NS_V1" ping -c 1 -W 2 10.20.0.2 >/dev/null 2>&1
}
ctl "$NS_VB" flush-receive q1 on
ctl "$NS_VB" flush-receive q2 on
check "h1 reaches h2 in VLANs 10 and 20" vlearn
check_eq "h1's MAC learned on q1 in VLAN 10" 1 "$(fdb "$NS_VB" br1 "$V1" q1 10)"
check_eq "h1's MAC learned on q1 in VLAN 20" 1 "$(fdb "$NS_VB" br1 "$V1" q1 20)"
send "$NS_V2" g2 -v 10 -8 10
check "a frame listing VLAN 10 removes the entry in VLAN 10" gone "$NS_VB" br1 "$V1" q1 10
check_eq "not the one in VLAN 20" 1 "$(fdb "$NS_VB" br1 "$V1" q1 20)"

check "q2 acts on VLAN 20 only" ctl "$NS_VB" flush-receive q2 on vlans 20
check_eq "its VLANs read back" 20 \
	"$(ctl "$NS_VB" -j flush-receive show q2 | jq -r '.[0].vlans | join(",")')"
vlearn
stats "$NS_VB" q2
acc=$S_rx_accepted
send "$NS_V2" g2 -v 10
sleep 0.3
stats "$NS_VB" q2
check_eq "a frame listing VLAN 10 is accepted" $((acc + 1)) "$S_rx_accepted"
check_eq "but flushes nothing in VLAN 10" 1 "$(fdb "$NS_VB" br1 "$V1" q1 10)"
check_eq "nor in VLAN 20" 1 "$(fdb "$NS_VB" br1 "$V1" q1 20)"
send "$NS_V2" g2
check "a frame for all VLANs removes the entry in VLAN 20" gone "$NS_VB" br1 "$V1" q1 20
check_eq "and keeps the one in VLAN 10" 1 "$(fdb "$NS_VB" br1 "$V1" q1 10)"

# ---- the trunk role ---------------------------------------------------

# A and B each have a trunk of a1/a2 resp. b1/b2: path 1 through bridge
# sw1, path 2 through bridge sw2 (ports s1a, s1b, s2a, s2b in NS_S).
# VLAN 10 on both trunks.
new_ns NS_A a
new_ns NS_B b
quiet_ns NS_S s
for ns in "$NS_A" "$NS_B"; do
	ip -n "$ns" link add et0 type etrunk mode backup revertive off flush_rx off ||
		{ fail "create a trunk in mode backup"; finish; }
done
for s in 1 2; do
	ip -n "$NS_S" link add "sw$s" type bridge
	ip -n "$NS_S" link set "sw$s" up
	for h in a b; do
		ns_h=NS_${h^^}
		ip -n "$NS_S" link add "s$s$h" type veth peer name "$h$s" netns "${!ns_h}"
		ip -n "$NS_S" link set "s$s$h" master "sw$s"
		ip -n "$NS_S" link set "s$s$h" up
		ip -n "${!ns_h}" link set "$h$s" master et0
	done
done
for ns in "$NS_A" "$NS_B"; do
	ip -n "$ns" link add link et0 name et0.10 type vlan id 10
	ip -n "$ns" link set et0 up
	ip -n "$ns" link set et0.10 up
done
ip -n "$NS_A" addr add 192.0.2.1/24 dev et0
ip -n "$NS_B" addr add 192.0.2.2/24 dev et0
ctl "$NS_A" member set a1 master on
ctl "$NS_B" member set b1 master on

# wait_master NS MEMBER: until MEMBER is the master (5 s at most)
wait_master()
{
	local tries=0

	while [ "$(link_detail "$1" et0 active_member)" != "$2" ]; do
		[ $tries -lt 50 ] || return 1
		sleep 0.1
		tries=$((tries + 1))
	done
}
# stays_master NS MEMBER: MEMBER is still the master a second later
stays_master() { sleep 1; [ "$(link_detail "$1" et0 active_member)" = "$2" ]; }
ping_b() { ip netns exec "$NS_A" ping -c 2 -i 0.2 -W 1 192.0.2.2 >/dev/null 2>&1; }

check "A's master is a1" wait_master "$NS_A" a1
check "B's master is b1" wait_master "$NS_B" b1
check "A reaches B over path 1" ping_b

# Members listen to the flush address as to LACP's: a NIC that filters
# multicast drops the frames otherwise (veth does not, so read the list).
DEST=03:45:54:52:4b:46
listens() { ip -n "$1" maddr show dev "$2" | grep -qw "link *$DEST"; }
check "the members of a trunk in mode backup join the flush address" \
	eval 'listens "$NS_A" a1 && listens "$NS_A" a2'
ip -n "$NS_A" link add a9 type dummy
ip -n "$NS_A" link add et8 type etrunk mode backup
ip -n "$NS_A" link set a9 master et8
check "a member that joins later does too" listens "$NS_A" a9
ip -n "$NS_A" link set a9 nomaster
check "and leaves it when released" eval '! listens "$NS_A" a9'
ip -n "$NS_A" link add et9 type etrunk mode loadbalance
ip -n "$NS_A" link set a9 master et9
check "not in another mode" eval '! listens "$NS_A" a9'
ip -n "$NS_A" link del et9
ip -n "$NS_A" link del et8
ip -n "$NS_A" link del a9

# Count what A sends into s2: untagged and on VLAN 10.
tc -n "$NS_S" qdisc add dev s2a clsact
tc -n "$NS_S" filter add dev s2a ingress pref 1 handle 1 protocol 0x88b5 \
	flower dst_mac $DEST action pass
tc -n "$NS_S" filter add dev s2a ingress pref 2 handle 2 protocol 802.1Q \
	flower vlan_id 10 vlan_ethtype 0x88b5 dst_mac $DEST action pass
# hits: the packets of filters 1 and 2
hits()
{
	tc -n "$NS_S" -s -j filter show dev s2a ingress |
		jq -r '. as $f | [1, 2] | map(. as $h | [$f[] |
			select(.options.handle == $h) |
			.options.actions[0].stats.packets] | add // 0) | join(" ")'
}

ip -n "$NS_B" link set et0 type etrunk flush_rx on flush_count 3
check_eq "B listens to flush frames" on "$(link_detail "$NS_B" et0 flush_rx)"
# B ignores flush frames on its backup for a second after its master got
# one (both in one L2 domain then): let the start-up frames age.
sleep 1.2
read -r u0 t0 <<<"$(hits)"
stats "$NS_A"
tx0=$S_tx
stats "$NS_B"
acc0=$S_rx_accepted
# A's frames on path 2, captured for tshark and our dissector.
LUA="$REPO_DIR/tools/wireshark/etrunk.lua"
capture=
if command -v tshark >/dev/null && command -v tcpdump >/dev/null; then
	ip netns exec "$NS_S" tcpdump -i s2a -Q in -U -w "$TMP/flush.pcap" \
		"ether proto 0x88b5 or (vlan and ether proto 0x88b5)" >/dev/null 2>&1 &
	capture=$!
	wait_until 20 test -s "$TMP/flush.pcap"
	sleep 0.5
fi

ctl "$NS_A" member set a1 admin down
check "A switches to a2" wait_master "$NS_A" a2
check "B's backup b2 hears A's flush frames and becomes the master" wait_master "$NS_B" b2
check_eq "for the reason flush" flush "$(trunk_json "$NS_B" switchover_reason)"
check "A reaches B over path 2" ping_b
sleep 0.5
read -r u1 t1 <<<"$(hits)"
check_eq "A sent 3 untagged flush frames on path 2" 3 $((u1 - u0))
check_eq "and 3 on VLAN 10" 3 $((t1 - t0))
stats "$NS_A"
check_eq "A counts them as sent" 6 $((S_tx - tx0))
stats "$NS_B"
check_eq "B accepted them" 6 $((S_rx_accepted - acc0))
if [ -n "$capture" ]; then
	sleep 0.5
	kill -INT "$capture"
	wait "$capture"
	tshark -n -r "$TMP/flush.pcap" -X "lua_script:$LUA" -Y etrunk.flush -T fields \
		-E separator=' ' -e etrunk.flush.system -e etrunk.flush.trunk_id \
		-e etrunk.flush.vlans -e etrunk.flush.vid -e etrunk.flush.seq \
		>"$TMP/dissected" 2>"$TMP/tshark.err"
	check_eq "etrunk.lua: 6 flush frames, from A's system and trunk id" \
		"6 $(mac_of "$NS_A" et0) $(link_attr "$NS_A" et0 ifindex)" \
		"$(wc -l <"$TMP/dissected") $(awk '{ print $1, $2 }' "$TMP/dissected" | sort -u)"
	check_eq "etrunk.lua: 3 for all VLANs, 3 listing VLAN 10" "3 3" \
		"$(awk '$3 == 0' "$TMP/dissected" | wc -l) $(awk '$3 == 1 && $4 == 10' "$TMP/dissected" | wc -l)"
	# (64-bit numbers: bash's arithmetic, not awk's doubles)
	# shellcheck disable=SC2207 # numbers, one a line
	seqs=($(awk '{ print $NF }' "$TMP/dissected" | sort -n))
	check_eq "etrunk.lua: sequence numbers growing by one" 5 \
		"$((${seqs[-1]:-0} - ${seqs[0]:-0}))"
	tshark -n -r "$TMP/flush.pcap" -X "lua_script:$LUA" \
		-Y '_ws.malformed || _ws.expert.severity >= "Warning"' \
		-T fields -e frame.number >"$TMP/bad" 2>>"$TMP/tshark.err"
	check_eq "etrunk.lua: no malformed frame, no expert warning, no Lua error" "" \
		"$(cat "$TMP/bad"; grep -i 'lua' "$TMP/tshark.err")"
fi

# flush_rx off: frames on B's backup are accepted but do not move B.
ip -n "$NS_B" link set et0 type etrunk flush_rx off
ctl "$NS_A" member set a1 admin up
stats "$NS_B"
acc0=$S_rx_accepted
ctl "$NS_A" member set a2 admin down
check "A switches back to a1" wait_master "$NS_A" a1
check "with flush_rx off, B stays on b2" stays_master "$NS_B" b2
stats "$NS_B"
check_eq "though it accepted A's frames on b1" 6 $((S_rx_accepted - acc0))
ctl "$NS_A" member set a2 admin up

# Keys. A signs, B has another key: dropped as auth, no switch.
ip -n "$NS_A" link set et0 type etrunk flush_key "$KEY"
ip -n "$NS_B" link set et0 type etrunk flush_key "$KEY2" flush_rx on
check_eq "B's key shows as set" set "$(trunk_json "$NS_B" flush_key)"
ctl "$NS_A" member set a1 admin down
check "A switches to a2" wait_master "$NS_A" a2
ctl "$NS_A" member set a1 admin up
sleep 1.2
stats "$NS_B"
auth0=$S_rx_auth acc0=$S_rx_accepted
ctl "$NS_A" member set a2 admin down
check "A switches to a1" wait_master "$NS_A" a1
check "frames with a wrong HMAC on B's backup do not move B" stays_master "$NS_B" b2
stats "$NS_B"
check_eq "they are counted as auth" 6 $((S_rx_auth - auth0))
check_eq "and not accepted" "$acc0" "$S_rx_accepted"

# The same key: A's HMAC is accepted, B follows.
ip -n "$NS_B" link set et0 type etrunk flush_key "$KEY"
ctl "$NS_A" member set a2 admin up
ctl "$NS_A" member set a1 admin down
check "A switches to a2" wait_master "$NS_A" a2
ctl "$NS_A" member set a1 admin up
sleep 1.2
stats "$NS_B"
acc0=$S_rx_accepted
ctl "$NS_A" member set a2 admin down
check "A switches to a1" wait_master "$NS_A" a1
check "with the right key B follows to b1" wait_master "$NS_B" b1
stats "$NS_B"
check_eq "having accepted A's signed frames" 6 $((S_rx_accepted - acc0))
check "A reaches B over path 1" ping_b

# Crafted frames on B's backup b2: a wrong key does nothing, the right
# one from a sender B never heard switches it.
sleep 1.2
send "$NS_S" s2b -k "$KEY2" -S 02:00:00:00:00:01
check "a crafted frame with a wrong key does not move B" stays_master "$NS_B" b1
send "$NS_S" s2b -k "$KEY" -S 02:00:00:00:00:01
check "the same frame with the right key does" wait_master "$NS_B" b2

# A dropped flush frame is freed as a drop, so the drop monitor (the
# skb:kfree_skb tracepoint) sees it where the module dropped it.
# drop_sites TRACE: the function of each kfree_skb location in TRACE
# (a symbol from 6.2 on, an address before: looked up in kallsyms).
drop_sites()
{
	python3 - "$1" <<'EOF'
import bisect, re, sys
syms = []
for line in open('/proc/kallsyms'):
    a, t, n = line.split()[:3]
    if t in 'tT':
        syms.append((int(a, 16), n))
syms.sort()
addrs = [a for a, _ in syms]
for line in open(sys.argv[1]):
    m = re.search(r'location=(\S+)', line)
    if not m:
        continue
    loc = m.group(1)
    if re.fullmatch(r'(0x)?[0-9a-f]+', loc):
        i = bisect.bisect_right(addrs, int(loc, 16)) - 1
        print(syms[i][1] if i >= 0 else loc)
    else:
        print(loc.split('+')[0])
EOF
}
tr=/sys/kernel/debug/tracing
if [ -w "$tr/events/skb/kfree_skb/enable" ]; then
	echo >"$tr/trace"
	# Real addresses in the trace, not hashed ones (6.1 prints an address).
	[ ! -w "$tr/options/hash-ptr" ] || echo 0 >"$tr/options/hash-ptr"
	echo 1 >"$tr/events/skb/kfree_skb/enable"
	send "$NS_S" s1b -k "$KEY2" -S 02:00:00:00:00:01
	sleep 0.2
	echo 0 >"$tr/events/skb/kfree_skb/enable"
	sites=$(drop_sites "$tr/trace")
	check "a frame with a wrong key on B's backup is a drop for the drop monitor" \
		grep -qx etrunk_flush_rx_member <<<"$sites"
	[ "$FAILED" = 0 ] || { grep -m5 location "$tr/trace"; sort <<<"$sites" | uniq -c; } | sed 's/^/    /'
fi

finish
