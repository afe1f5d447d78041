#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The link kind: create, configure, show and delete trunks; attribute
# validation; ethtool driver info.

source "$(dirname "$0")/lib.sh"
require_etrunk

new_ns NS link
ipn() { ip -n "$NS" "$@"; }

check "create a trunk with defaults" ipn link add et0 type etrunk
check_eq "default mode is loadbalance" loadbalance "$(link_detail "$NS" et0 mode)"
check_eq "default hash policy is layer2" layer2 "$(link_detail "$NS" et0 hash_policy)"
check_eq "default min_links is 0" 0 "$(link_detail "$NS" et0 min_links)"
check_eq "a new trunk has no carrier" 0 "$(ipn link set et0 up; link_attr "$NS" et0 carrier)"
check_eq "kind is etrunk in JSON" 1 \
	"$(ipn -d -j link show et0 | grep -c '"info_kind":"etrunk"')"

check "create with hash policy and min_links" \
	ipn link add et1 type etrunk hash_policy layer3+4 min_links 2
check_eq "hash policy layer3+4 is set" layer3+4 "$(link_detail "$NS" et1 hash_policy)"
check_eq "min_links 2 is set" 2 "$(link_detail "$NS" et1 min_links)"
for p in layer2 layer2+3 layer3+4 encap2+3 encap3+4; do
	ipn link set et1 type etrunk hash_policy "$p"
	check_eq "hash policy changes to $p" "$p" "$(link_detail "$NS" et1 hash_policy)"
done
check "min_links changes" ipn link set et1 type etrunk min_links 0
check_eq "min_links reads back" 0 "$(link_detail "$NS" et1 min_links)"

check_refused "min_links above the member limit is refused" "out of range" \
	ipn link add et2 type etrunk min_links 257
check_eq "the refused trunk does not exist" 1 "$(ipn link show et2 >/dev/null 2>&1; echo $?)"
check_refused "an unknown hash policy is refused by ip" "hash_policy" \
	ipn link add et2 type etrunk hash_policy layer5

check_eq "ethtool reports the etrunk driver" "driver: etrunk" \
	"$(ip netns exec "$NS" ethtool -i et0 | head -n1)"
check "a MAC address can be given at creation" \
	ipn link add et3 address 02:00:00:00:00:33 type etrunk
check_eq "the given MAC address is used" 02:00:00:00:00:33 "$(link_attr "$NS" et3 address)"
check_refused "a multicast MAC address is refused" "Invalid" \
	ipn link add et4 address 03:00:00:00:00:44 type etrunk

# ip without the plugin still creates a plain trunk (and shows its kind).
check "ip without the plugin creates a trunk" \
	env IP_LIB_DIR=/nonexistent ip -n "$NS" link add etp type etrunk
check_eq "and it is an etrunk with the defaults" "loadbalance layer2" \
	"$(link_detail "$NS" etp mode) $(link_detail "$NS" etp hash_policy)"
check_eq "ip without the plugin shows the kind" 1 \
	"$(env IP_LIB_DIR=/nonexistent ip -n "$NS" -d link show etp | grep -c '^ *etrunk ')"
ipn link del etp

check "delete a trunk" ipn link del et0
check_eq "the deleted trunk is gone" 1 "$(ipn link show et0 >/dev/null 2>&1; echo $?)"

# Many trunks at once, created and deleted in a loop.
for i in $(seq 1 32); do
	ipn link add "m$i" type etrunk || break
done
check_eq "32 trunks exist" 32 "$(ipn -o link show type etrunk | grep -c ': m[0-9]*@\?[^:]*:')"
for i in $(seq 1 32); do
	ipn link del "m$i" || break
done
check_eq "and are gone" 0 "$(ipn -o link show type etrunk | grep -c ': m[0-9]')"

# max_links, and the issue's spellings: hash, min-links, max-links.
check_eq "default max_links is 0 (no limit)" 0 "$(link_detail "$NS" et1 max_links)"
check "create with mode, hash, min-links and max-links" \
	ipn link add et5 type etrunk mode loadbalance hash layer3+4 min-links 1 max-links 2
check_eq "hash sets the hash policy" layer3+4 "$(link_detail "$NS" et5 hash_policy)"
check_eq "min-links sets min_links" 1 "$(link_detail "$NS" et5 min_links)"
check_eq "max-links sets max_links" 2 "$(link_detail "$NS" et5 max_links)"
check "max_links changes" ipn link set et5 type etrunk max_links 3
check_eq "max_links reads back" 3 "$(link_detail "$NS" et5 max_links)"
check_eq "max_links in JSON" 1 \
	"$(ipn -d -j link show et5 | grep -c '"max_links":3')"
check_refused "max_links above the member limit is refused" "out of range" \
	ipn link set et5 type etrunk max_links 257
check_eq "the refused max_links changed nothing" 3 "$(link_detail "$NS" et5 max_links)"
check_refused "a max_links that is no number is refused by ip" "max_links" \
	ipn link set et5 type etrunk max_links many
check_refused "an unknown option is refused by ip" "unknown option" \
	ipn link set et5 type etrunk colour blue
check_eq "ip link help etrunk shows max_links" 1 \
	"$(ip link help etrunk 2>&1 | grep -c 'max_links MAX_LINKS')"

# The member side: kind etrunk_slave, priority settable, state, reason.
ipn link add m0 type veth peer name p0
ipn link add m1 type veth peer name p1
ipn link set p0 up
ipn link set p1 up
ipn link set m0 master et5
ipn link set m1 master et5
ipn link set m0 up
ipn link set m1 up
check "a member becomes active" wait_state "$NS" m0 active
check_eq "an active member's reason is - in text" - "$(link_detail "$NS" m0 reason)"
check_eq "the default priority is 32768" 32768 "$(link_detail "$NS" m0 priority)"
check_eq "member details in order" "state active reason - priority 32768 link_failures 0" \
	"$(ipn -d link show m0 | sed -n 's/^ *etrunk_slave \(.*\) *$/\1/p' | awk '{ print $1, $2, $3, $4, $5, $6, $7, $8 }')"
check_eq "member details in JSON" 1 \
	"$(ipn -d -j link show m0 | grep -c '"info_slave_data":{"state":"active","reason":"none","priority":32768,"link_failures":0}')"
check "priority is set with type etrunk_slave" \
	ipn link set m1 type etrunk_slave priority 5
check_eq "priority reads back" 5 "$(link_detail "$NS" m1 priority)"
check_eq "the other member keeps its priority" 32768 "$(link_detail "$NS" m0 priority)"
check "max_links 1 leaves one member active" ipn link set et5 type etrunk max_links 1
check_eq "the preferred member (lower priority value) is active" active \
	"$(link_detail "$NS" m1 state)"
check_eq "the other waits on standby" standby "$(link_detail "$NS" m0 state)"
check_eq "reason max-links" max-links "$(link_detail "$NS" m0 reason)"
check_eq "standby and max-links in JSON" 1 \
	"$(ipn -d -j link show m0 | grep -c '"state":"standby","reason":"max-links"')"
check "a lower priority value takes over" \
	ipn link set m0 type etrunk_slave priority 1
check_eq "m0 is now active" active "$(link_detail "$NS" m0 state)"
check_eq "m1 is now on standby" standby "$(link_detail "$NS" m1 state)"
ipn link set et5 type etrunk max_links 0
ipn link set p1 down
check "a member without carrier goes down" wait_state "$NS" m1 down
check_eq "reason no-carrier" no-carrier "$(link_detail "$NS" m1 reason)"
ipn link set m1 down
check_eq "reason dev-down" dev-down "$(link_detail "$NS" m1 reason)"
check_refused "a priority above 65535 is refused by ip" "priority" \
	ipn link set m0 type etrunk_slave priority 65536
check_refused "an unknown member option is refused by ip" "unknown option" \
	ipn link set m0 type etrunk_slave weight 3
check_eq "ip link help etrunk_slave shows priority" 1 \
	"$(ip link help etrunk_slave 2>&1 | grep -c 'priority PRIORITY')"

# A trunk in one namespace is invisible in another.
new_ns NS2 link2
check_eq "trunks are per network namespace" 0 \
	"$(ip -n "$NS2" -o link show type etrunk | wc -l)"

finish
