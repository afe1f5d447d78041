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

# A trunk in one namespace is invisible in another.
new_ns NS2 link2
check_eq "trunks are per network namespace" 0 \
	"$(ip -n "$NS2" -o link show type etrunk | wc -l)"

finish
