#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Smoke test of an installed etrunk package, run in the test VM by
# scripts/deb-test.sh: ROOT is the chroot of a Debian release where
# `apt-get install ./etrunk*.deb` ran, KO the module DKMS built there for
# the kernel this guest booted. The module is loaded, and the release's
# own ip (with the packaged plugin) and the packaged etrunkctl, run in
# ROOT, see a two-member trunk that carries traffic.
#
#   deb_smoke.sh ROOT KO
source "$(dirname "$0")/lib.sh"

[ $# = 2 ] || { echo "usage: $0 ROOT KO" >&2; exit 2; }
root=$1 ko=$2
# The packaged plugin, not the checkout's.
unset IP_LIB_DIR
# The release's programs, in their chroot, in namespace NS.
in_root() { local ns=$1; shift; ip netns exec "$ns" chroot "$root" "$@"; }

check "insmod the module DKMS built ($(basename "$ko"))" insmod "$ko"
check_eq "its vermagic is this kernel's" "$(uname -r)" \
	"$(modinfo -F vermagic "$ko" | cut -d' ' -f1)"

new_ns a pa
new_ns b pb
for i in 0 1; do
	ip link add "a$i" netns "$a" type veth peer name "b$i" netns "$b"
done
for ns in "$a" "$b"; do
	x=${ns:1:1}
	check "$x: the release's ip creates a trunk with the packaged plugin" \
		in_root "$ns" ip link add et0 type etrunk hash_policy layer3+4 min_links 1
	for i in 0 1; do
		ip -n "$ns" link set "$x$i" master et0
	done
	ip -n "$ns" link set et0 up
done
ip -n "$a" addr add 192.0.2.1/24 dev et0
ip -n "$b" addr add 192.0.2.2/24 dev et0

check "the trunk carries traffic" wait_until 10 ip netns exec "$a" ping -c1 -W1 -q 192.0.2.2
check "and more: 20 pings, none lost" ip netns exec "$a" ping -c20 -i0.05 -W1 -q 192.0.2.2

out=$(in_root "$a" ip -d link show et0)
check "ip -d link show: mode and hash policy from the plugin" \
	grep -q 'etrunk mode loadbalance hash_policy layer3+4' <<<"$out"
out=$(in_root "$a" ip -d link show a0)
check "ip -d link show: a member's state from the plugin" \
	grep -q 'etrunk_slave state active' <<<"$out"
out=$(in_root "$a" etrunkctl show et0)
check "etrunkctl show: both members active" grep -q 'members: 2 active of 2' <<<"$out"
check "etrunkctl -j show is JSON with both members" \
	test "$(in_root "$a" etrunkctl -j show et0 | jq '.[0].members | length')" = 2

for ns in "$a" "$b"; do
	ip -n "$ns" link del et0
done
check "rmmod" rmmod etrunk

echo "# $CHECKS checks, $FAILED failed"
[ "$FAILED" -eq 0 ]
