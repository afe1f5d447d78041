#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Remote backup service beyond etrunk_rbs.sh: entries on a VLAN
# sub-interface of the trunk and on a VLAN interface of a vlan_filtering
# bridge over it, MLD snooping, and a service over IPv6. Host H is wired
# to a trunk et0 on each PE (one veth each, default mode, no E-Trunk
# group: a profile does not need one); only PE1 hears from H, and what
# PE1 learns must appear on PE2 on the corresponding interface.
#
#   H: h1 (to PE1) with VLANs h1.100 and h1.200; h2 (to PE2), up only
#   PE1/PE2: et0 (member pN), a tagged port (vid 200) of br0
#            (vlan_filtering, mcast_snooping); et0.100 192.0.2.N/26
#            2001:db8:100::N; br0.200 198.51.100.N/26 2001:db8:200::N;
#            RBS link bN 2001:db8:ff::N (the service over IPv6)
#   H: h1.100 192.0.2.10 2001:db8:100::10; h1.200 198.51.100.10
#      2001:db8:200::10
#
# One trunk carries both cases: a tagged frame reaches a VLAN device of
# the port (vlan_do_receive()) before the bridge's rx_handler, so VID 100
# goes to et0.100 and VID 200 to the bridge, and from there to br0.200.
#
# Checked: the channel comes up over IPv6; the ARP and ND entries PE1
# learns on et0.100 and on br0.200 from H's pings appear on PE2's
# et0.100 and br0.200 (extern_learn, proto 231, H's MAC) within a bound
# and nowhere else; deleted on PE1: gone from PE2; an MLD (and IGMP)
# join on VLAN 200 snooped on PE1 becomes a permanent MDB entry on PE2's
# et0 in VID 200, and goes when H leaves; groups of VID 1, where the
# bridges have no interface, go over as well; the profile's per-kind
# counters agree between the sides and with the tables; an MLD entry
# PE2's kernel refuses (per-VLAN snooping, a VLAN PE2's bridge has not)
# is counted failed, not installed, and goes in once the bridge has the
# VLAN. PE2's max-entries: lowered below what it holds, nothing goes; a
# new full sync past it installs exactly the limit, counts the rest
# failed and logs it once; raised, a new full sync brings the rest.

source "$(dirname "$0")/lib.sh"
require_etrunk
command -v jq >/dev/null || skip "jq not installed"
modprobe 8021q 2>/dev/null
require_rbs

H_MAC=02:00:00:00:11:11
# Bounds for an entry to reach the peer (TCG is slow) and for a leave.
BOUND=5

new_ns NS_H h
new_ns NS_PE1 pe1
new_ns NS_PE2 pe2
PE[1]=$NS_PE1
PE[2]=$NS_PE2

# No DAD anywhere: addresses (and H's link-local MLD source) usable at once.
for ns in "$NS_H" "$NS_PE1" "$NS_PE2"; do
	ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 \
		net.ipv6.conf.default.accept_dad=0
done

ip -n "$NS_H" link add h1 address $H_MAC type veth peer name p1 netns "$NS_PE1"
ip -n "$NS_H" link add h2 type veth peer name p2 netns "$NS_PE2"
ip -n "$NS_PE1" link add b1 type veth peer name b2 netns "$NS_PE2"

for i in 1 2; do
	ns=${PE[$i]}
	ip -n "$ns" link add et0 type etrunk || exit $ksft_fail
	# Snooping without a querier; what is snooped stays an hour (nothing
	# refreshes it; a slow run must not see it expire).
	ip -n "$ns" link add br0 type bridge vlan_filtering 1 \
		mcast_snooping 1 mcast_querier 0 \
		mcast_membership_interval 360000 || exit $ksft_fail
	ip -n "$ns" -batch - <<-EOF || exit $ksft_fail
		link set p$i master et0
		link set et0 master br0
		link add link et0 name et0.100 type vlan id 100
		link add link br0 name br0.200 type vlan id 200
		link set et0 up
		link set br0 up
		link set et0.100 up
		link set br0.200 up
		addr add 192.0.2.$i/26 dev et0.100
		addr add 2001:db8:100::$i/64 dev et0.100 nodad
		addr add 198.51.100.$i/26 dev br0.200
		addr add 2001:db8:200::$i/64 dev br0.200 nodad
		addr add 2001:db8:ff::$i/64 dev b$i nodad
		link set b$i up
	EOF
	bridge -n "$ns" vlan add dev et0 vid 200 || exit $ksft_fail
	bridge -n "$ns" vlan add dev br0 vid 200 self || exit $ksft_fail
done
ip -n "$NS_H" -batch - <<-EOF || exit $ksft_fail
	link set h1 up
	link set h2 up
	link add link h1 name h1.100 type vlan id 100
	link add link h1 name h1.200 type vlan id 200
	link set h1.100 up
	link set h1.200 up
	addr add 192.0.2.10/26 dev h1.100
	addr add 2001:db8:100::10/64 dev h1.100 nodad
	addr add 198.51.100.10/26 dev h1.200
	addr add 2001:db8:200::10/64 dev h1.200 nodad
EOF

ctl() { local n=$1; shift; ip netns exec "${PE[$n]}" "$ETRUNKCTL" "$@"; }

# Keepalive 1 s: the channel is dead after 3 s without a message. (Under
# TCG on a loaded host the guest stalls for most of a second at times;
# 250 ms, dead after 750 ms, made the channel flap and send bulks.)
for i in 1 2; do
	ctl $i rbs add rbs6 source 2001:db8:ff::$i peer 2001:db8:ff::$((3 - i)) \
		keepalive 1000 hold-time 60 || exit $ksft_fail
	ctl $i rbp add p1 service rbs6 backup-id 20 dev et0 \
		kinds arp,nd,igmp,mld || exit $ksft_fail
done

DPID=()
for i in 1 2; do
	ip netns exec "${PE[$i]}" "$ETRUNKD" -f -d -s "$TMP/epoch$i" \
		>>"$TMP/etrunkd$i.log" 2>&1 &
	DPID[$i]=$!
done
trap 'cleanup_daemons; cleanup' EXIT

# JSON of a service or profile (one object, array or not).
one() { jq -r "(if type == \"array\" then .[0] else . end) | $1"; }
rbs_state() { ctl "$1" -j rbs show rbs6 | one .state; }
# A per-kind counter of profile p1: counter PE KIND COUNTER
counter() { ctl "$1" -j rbp show p1 | one ".stats.$2.$3 // 0"; }
# Several at once (one read of the kernel): counters PE KIND COUNTER...
counters()
{
	local pe=$1 kind=$2 f

	shift 2
	f=$(printf '.%s // 0, ' "$@")
	ctl "$pe" -j rbp show p1 | one ".stats.$kind | [${f%, }] | @tsv"
}

# The entries on PE's DEV installed from the peer (extern_learn, proto
# 231) / the others with a link-layer address: "ADDRESS LLADDR" lines.
peer_neigh()	# PE DEV
{
	ip -n "${PE[$1]}" neigh show dev "$2" |
		awk '$2 == "lladdr" && / extern_learn / && / proto 231 / { print $1, $3 }' |
		sort
}
local_neigh()	# PE DEV
{
	ip -n "${PE[$1]}" neigh show dev "$2" |
		awk '$2 == "lladdr" && !(/ extern_learn / && / proto 231 /) &&
			!/ (FAILED|INCOMPLETE|NOARP|NONE) / { print $1, $3 }' |
		sort
}
has_peer() { peer_neigh "$1" "$2" | grep -qx "$3 $H_MAC"; }
has_local() { local_neigh "$1" "$2" | grep -qx "$3 $H_MAC"; }
# Where PE has a neighbour entry for ADDR: its devices, sorted.
neigh_devs()	# PE ADDR
{
	ip -n "${PE[$1]}" neigh show to "$2" |
		awk '{ for (i = 1; i < NF; i++) if ($i == "dev") print $(i + 1) }' |
		sort | tr '\n' ' '
}
# The MDB entries on br0: "PORT GROUP VID STATE" lines.
mdb()	# PE
{
	bridge -n "${PE[$1]}" -j mdb show dev br0 |
		jq -r '.[].mdb[]? | "\(.port) \(.grp) \(.vid // 0) \(.state)"' |
		sort
}
has_mdb() { mdb "$1" | grep -qx "$2"; }

check "the channel comes up over IPv6 on PE1" \
	wait_until 20 eval '[ "$(rbs_state 1)" = up ]'
check "and on PE2" wait_until 5 eval '[ "$(rbs_state 2)" = up ]'
check_eq "PE1 reports the IPv6 peer" 2001:db8:ff::2 \
	"$(ctl 1 -j rbs show rbs6 | one .peer)"

# H pings PE1 over DEV's VLAN (from H's address A4/A6 to PE1's G4/G6):
# PE1 learns H's ARP and ND entries on DEV, PE2 gets them on its DEV, on
# that interface only, stale, extern_learn, proto 231, with H's MAC.
learned_and_synced()	# DEV WHAT G4 G6 A4 A6
{
	local dev=$1 what=$2 g4=$3 g6=$4 a4=$5 a6=$6

	check "H reaches PE1 over $what (IPv4)" \
		ip netns exec "$NS_H" ping -q -c 2 -i 0.2 -W 2 "$g4"
	check "and IPv6" \
		ip netns exec "$NS_H" ping -q -c 2 -i 0.2 -W 2 "$g6"
	check "PE1 learned H's ARP entry on $dev" has_local 1 "$dev" "$a4"
	check "and its ND entry" has_local 1 "$dev" "$a6"
	check "PE2 has H's ARP entry on $dev from the peer within ${BOUND} s" \
		wait_until $BOUND has_peer 2 "$dev" "$a4"
	check "and its ND entry" wait_until $BOUND has_peer 2 "$dev" "$a6"
	check_eq "PE2 has $a4 on $dev only" "$dev " "$(neigh_devs 2 "$a4")"
	check_eq "and $a6" "$dev " "$(neigh_devs 2 "$a6")"
	check "installed stale, extern_learn, proto 231" \
		eval 'ip -n "$NS_PE2" neigh show "$a4" dev "$dev" |
			grep -q "lladdr $H_MAC extern_learn .*STALE"'
}

# ---------------------------------------------------------------------
# A VLAN sub-interface of the trunk: et0.100.
# ---------------------------------------------------------------------
echo "# ${SECONDS} s"
learned_and_synced et0.100 "VLAN 100" 192.0.2.1 2001:db8:100::1 \
	192.0.2.10 2001:db8:100::10

# ---------------------------------------------------------------------
# A VLAN interface of the bridge over the trunk: br0.200.
# ---------------------------------------------------------------------
echo "# ${SECONDS} s"
learned_and_synced br0.200 "VLAN 200 through the bridge" 198.51.100.1 \
	2001:db8:200::1 198.51.100.10 2001:db8:200::10
check_eq "nothing from the peer on PE1" "" \
	"$(peer_neigh 1 et0.100)$(peer_neigh 1 br0.200)"

# ---------------------------------------------------------------------
# Counters: what PE1 sent PE2 received, and installed what it shows.
# ---------------------------------------------------------------------
echo "# ${SECONDS} s"
counters_agree()	# KIND: PE1's sent = PE2's received; PE2's installed
{		# = entries + removed, and at least 2
	local s r n e d

	s=$(counter 1 "$1" sent)
	read -r r n e d <<<"$(counters 2 "$1" received installed entries removed)"
	echo "$1: PE1 sent $s, PE2 received $r, installed $n, entries $e, removed $d"
	[ "$s" = "$r" ] && [ "$n" = $((e + d)) ] && [ "$n" -ge 2 ]
}
# Peer entries of KIND (arp|nd) on PE2's two interfaces.
peer_count()	# arp|nd
{
	local f=4

	[ "$1" = nd ] && f=6
	{ peer_neigh 2 et0.100; peer_neigh 2 br0.200; } |
		awk -v f=$f '(f == 6) == ($1 ~ /:/)' | wc -l
}
# (etrunkd writes its counters every 2 s.)
check "ARP: PE1's sent is PE2's received, PE2's installed its entries and removed (at least 2)" \
	wait_until 5 counters_agree arp
check "ND: the same" wait_until 5 counters_agree nd
# The table can gain an entry (a late ND) between two counter writes:
# the counter catches up within one write.
table_is_counter() { [ "$(peer_count "$1")" = "$(counter 2 "$1" entries)" ]; }
check "PE2's ND entries counter is its table's" wait_until 5 table_is_counter nd
check "and ARP" wait_until 5 table_is_counter arp

# ---------------------------------------------------------------------
# Deleted on PE1: gone from PE2.
# ---------------------------------------------------------------------
echo "# ${SECONDS} s"
ip -n "$NS_PE1" neigh del 192.0.2.10 dev et0.100
ip -n "$NS_PE1" neigh del 2001:db8:200::10 dev br0.200
check "PE1 deletes 192.0.2.10 on et0.100: gone from PE2" \
	wait_until $BOUND eval '[ -z "$(neigh_devs 2 192.0.2.10)" ]'
check "and 2001:db8:200::10 on br0.200" \
	wait_until $BOUND eval '[ -z "$(neigh_devs 2 2001:db8:200::10)" ]'
check "the others stay" \
	eval 'has_peer 2 et0.100 2001:db8:100::10 && has_peer 2 br0.200 198.51.100.10'
check "PE2 counts the ND removal" \
	wait_until 5 eval '[ "$(counter 2 nd removed)" = 1 ]'

# ---------------------------------------------------------------------
# MLD and IGMP snooping in VLAN 200: PE2 gets permanent entries on et0.
# ---------------------------------------------------------------------
echo "# ${SECONDS} s"
# (The bridges also snoop H's reports for its solicited-node groups, on
# VID 200 from h1.200 and on VID 1 from h1 and h2: they go over too, VID
# 1 with no interface of the bridge in it.)
# The groups of PE's et0 in STATE: "GROUP VID" lines.
mdb_groups()	# PE temp|permanent
{
	mdb "$1" | awk -v s="$2" '$1 == "et0" && $4 == s { print $2, $3 }'
}
mdb_equal()	# each PE's snooped groups are the other's permanent ones
{
	local i

	for i in 1 2; do
		echo "PE$i temp: $(mdb_groups $i temp | tr '\n' ' ')"
		echo "PE$i permanent: $(mdb_groups $i permanent | tr '\n' ' ')"
	done
	[ "$(mdb_groups 1 temp)" = "$(mdb_groups 2 permanent)" ] &&
		[ "$(mdb_groups 2 temp)" = "$(mdb_groups 1 permanent)" ]
}
# MLD: what PE1 sent PE2 received; PE2's entries counter is its table's.
mld_agree()
{
	local s r e n

	s=$(counter 1 mld sent)
	read -r r e <<<"$(counters 2 mld received entries)"
	n=$(mdb_groups 2 permanent | grep -c :)
	echo "mld: PE1 sent $s, PE2 received $r, entries $e, MDB $n"
	[ "$s" = "$r" ] && [ "$e" = "$n" ]
}
# H's link-local fe80::ff:fe00:1111 (from its MAC) on h1, untagged: VID 1,
# where the bridges have no VLAN interface.
check "PE2 has H's solicited-node group in VID 1 from the peer (no br0.1)" \
	wait_until $BOUND has_mdb 2 "et0 ff02::1:ff00:1111 1 permanent"
check "the snooped groups so far compare equal" wait_until $BOUND mdb_equal
ip -n "$NS_H" addr add ff0e::1:2/128 dev h1.200 autojoin
ip -n "$NS_H" addr add 239.1.2.3/32 dev h1.200 autojoin
check "PE1 snoops H's MLD report on et0, VID 200" \
	wait_until $BOUND has_mdb 1 "et0 ff0e::1:2 200 temp"
check "PE2 has the group on et0 in VID 200 from the peer, permanent" \
	wait_until $BOUND has_mdb 2 "et0 ff0e::1:2 200 permanent"
check "and the IGMP one" \
	wait_until $BOUND has_mdb 2 "et0 239.1.2.3 200 permanent"
check "the snooped groups compare equal" wait_until $BOUND mdb_equal
check "MLD counters: PE1's sent, PE2's received agree, PE2's entries its MDB's" \
	wait_until 5 mld_agree
check_ge "PE2 installed MLD entries (the join and solicited-node groups)" \
	"$(counter 2 mld installed)" 2
removed0=$(counter 2 mld removed)
ip -n "$NS_H" addr del ff0e::1:2/128 dev h1.200
check "H leaves the MLD group: it goes from PE1's MDB" \
	wait_until 10 eval '! mdb 1 | grep -q " ff0e::1:2 "'
check "and from PE2's" \
	wait_until $BOUND eval '! mdb 2 | grep -q " ff0e::1:2 "'
check "the IGMP group stays on PE2" has_mdb 2 "et0 239.1.2.3 200 permanent"
check "MLD counters: PE2 counts the removal, the sides agree" \
	wait_until 5 eval '[ "$(counter 2 mld removed)" -gt "$removed0" ] && mld_agree'
bridge -n "$NS_PE1" mdb del dev br0 port et0 grp 239.1.2.3 vid 200
check "the IGMP entry deleted on PE1: gone from PE2" \
	wait_until $BOUND eval '! mdb 2 | grep -q " 239.1.2.3 "'
check "the snooped groups compare equal" wait_until $BOUND mdb_equal

# ---------------------------------------------------------------------
# An install the kernel refuses: counted failed, not installed, retried.
# ---------------------------------------------------------------------
echo "# ${SECONDS} s"
# With per-VLAN snooping the bridge takes an MDB entry only in a VLAN it
# has itself (Linux 6.1 does not check the port's VLANs): PE2's br0 has
# no VID 300, PE1's et0 and H's h1 have. H's join in VID 300, snooped on
# PE1, is refused by PE2's kernel (EINVAL, "Vlan is not configured").
ip -n "$NS_PE2" link set br0 type bridge mcast_vlan_snooping 1 ||
	exit $ksft_fail
bridge -n "$NS_PE1" vlan add dev et0 vid 300 || exit $ksft_fail
ip -n "$NS_H" link add link h1 name h1.300 type vlan id 300 &&
	ip -n "$NS_H" link set h1.300 up || exit $ksft_fail
failed0=$(counter 2 mld failed)
ip -n "$NS_H" addr add ff0e::3:3/128 dev h1.300 autojoin
check "PE1 snoops H's MLD report on et0, VID 300" \
	wait_until $BOUND has_mdb 1 "et0 ff0e::3:3 300 temp"
check "PE2 counts the refused MLD install (failed)" \
	wait_until 5 eval '[ "$(counter 2 mld failed)" -gt "$failed0" ]'
check "the group is not in PE2's MDB" \
	eval '! mdb 2 | grep -q " ff0e::3:3 "'
check "MLD counters: PE2's entries are still its MDB's" wait_until 5 mld_agree
echo "# PE2: $(ctl 2 rbp show p1 | grep -E '^  (kind|mld) ' | tr '\n' ' ')"
# The bridge's VLANs change (an AF_BRIDGE RTM_NEWLINK): PE2 tries again.
bridge -n "$NS_PE2" vlan add dev br0 vid 300 self || exit $ksft_fail
check "PE2 gets VID 300 on br0: the group goes in within ${BOUND} s" \
	wait_until $BOUND has_mdb 2 "et0 ff0e::3:3 300 permanent"
check "MLD counters: PE2's entries its MDB's again" wait_until 5 mld_agree

# ---------------------------------------------------------------------
# max-entries: the most of the peer's entries PE2 holds for the service.
# ---------------------------------------------------------------------
echo "# ${SECONDS} s"
# PE1 gets 10 ARP entries on et0.100 (10.9.0.1 to .10); under the default
# limit all reach PE2.
for n in $(seq 1 10); do
	printf 'neigh replace 10.9.0.%d lladdr 02:00:0a:09:00:%02x dev et0.100 nud stale\n' \
		"$n" "$n"
done | ip -n "$NS_PE1" -batch - || exit $ksft_fail
# PE2's peer ARP entries: all of them / the 10.9.0.x ones.
peer_arp()
{
	ip -n "$NS_PE2" -4 neigh show |
		awk '/ extern_learn / && / proto 231 /' | wc -l
}
peer_10() { peer_neigh 2 et0.100 | grep -c "^10\.9\.0\."; }
check "the default limit: PE2 gets PE1's 10 new entries" \
	wait_until $BOUND eval '[ "$(peer_10)" = 10 ]'
# Lowered below what PE2 holds: nothing goes.
check "rbs set max-entries 3 on PE2" ctl 2 rbs set rbs6 max-entries 3
check_eq "PE2's service reports it" 3 "$(ctl 2 -j rbs show rbs6 | one .max_entries)"
sleep 2
check_eq "lowering the limit removes none of PE2's entries" 10 "$(peer_10)"
# PE2's profile changes (ARP only): its entries go and a full sync comes,
# of which PE2 takes 3 (PE1 has more ARP entries: the 10 and H's) and
# refuses the rest, counting them failed and logging it once.
limit_msg="rbs rbs6: the peer's entries reached the limit of 3; more are refused"
check "PE2's profile takes ARP only" ctl 2 rbp set p1 kinds arp
check "PE2 holds exactly 3 of the peer's entries after the new sync" \
	wait_until 20 eval '[ "$(peer_arp)" = 3 ] && [ "$(rbs_state 2)" = up ]'
check "PE2 counts the refused entries failed" \
	wait_until 5 eval '[ "$(counter 2 arp failed)" -ge 8 ]'
sleep 2
check_eq "and still holds 3" 3 "$(peer_arp)"
check "PE2's arp entries counter says 3" \
	wait_until 5 eval '[ "$(counter 2 arp entries)" = 3 ]'
check_eq "PE2 logged the limit once" 1 \
	"$(grep -cF "$limit_msg" "$TMP/etrunkd2.log")"
# Raised: PE2 synchronises again and gets the rest.
connects0=$(ctl 2 -j rbs show rbs6 | one .connects)
check "rbs set max-entries 100 on PE2" ctl 2 rbs set rbs6 max-entries 100
check "PE2 gets all 10 entries once the limit is raised" \
	wait_until 20 eval '[ "$(peer_10)" = 10 ]'
check "H's entry too" has_peer 2 br0.200 198.51.100.10
check "over a new connection (a full sync)" \
	eval '[ "$(ctl 2 -j rbs show rbs6 | one .connects)" -gt "$connects0" ]'
check "PE2 logged why" grep -q \
	"rbs rbs6: the limit of the peer's entries raised to 100, synchronising again" \
	"$TMP/etrunkd2.log"
check_eq "and logged the limit no more" 1 \
	"$(grep -cF "$limit_msg" "$TMP/etrunkd2.log")"

echo "# ${SECONDS} s; connects: PE1 $(ctl 1 -j rbs show rbs6 | one .connects), PE2 $(ctl 2 -j rbs show rbs6 | one .connects)"
kill "${DPID[1]}" "${DPID[2]}" 2>/dev/null
wait
DPID=()
if [ "$FAILED" != 0 ]; then
	for i in 1 2; do
		echo "# PE$i: $(ctl $i rbp show p1 | tr '\n' ' ')"
		mdb $i | sed "s/^/# PE$i mdb: /"
		ip -n "${PE[$i]}" neigh show | sed "s/^/# PE$i neigh: /"
		sed "s/^/# etrunkd PE$i: /" "$TMP/etrunkd$i.log" | tail -n 60
	done
fi
finish
