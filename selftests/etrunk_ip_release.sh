#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The ip plugin, built once on Debian 12, in the ip of the other releases:
# each release chroot the harness made for its kernels (scripts/chroot.sh:
# Debian 13's iproute2 6.15, sid's 7.x) runs its own ip, with the
# checkout's link_etrunk.so, against the loaded module. It creates a
# trunk and a member with every kind of option, shows them (text and
# JSON) and refuses bad values with the plugin's messages. Skipped when
# no release chroot exists yet (make check KERNEL=6.12 or 7.2 makes them).

source "$(dirname "$0")/lib.sh"
require_etrunk

CHROOTS=${ETRUNK_CACHE:-/var/cache/etrunk}/chroot
releases=()
for r in trixie sid; do
	[ -x "$CHROOTS/$r/usr/bin/ip" ] && releases+=("$r")
done
[ ${#releases[@]} -gt 0 ] || skip "no release chroot in $CHROOTS"

new_ns NS iprel
# rip RELEASE ARGS...: that release's ip, in NS, with the checkout's plugin
# bound on the chroot's /mnt (the chroot itself is read-only here).
rip()
{
	local root=$CHROOTS/$1

	shift
	ip netns exec "$NS" sh -c 'mount --bind "$1" "$2/mnt" &&
		shift 2 && exec chroot "$0" env IP_LIB_DIR=/mnt ip "$@"' \
		"$root" "$IP_LIB_DIR" "$root" "$@"
}

for r in "${releases[@]}"; do
	ver=$(rip "$r" -V)
	echo "# $r: $ver"
	check "$r: ip creates a lacp trunk with options" rip "$r" link add et0 type etrunk \
		mode lacp min_links 1 revertive on revert_delay 500 lacp_rate fast
	check "$r: ip creates a veth pair" rip "$r" link add v0 type veth peer name v1
	check "$r: ip enslaves it" rip "$r" link set v0 master et0
	check "$r: member options through the slave plugin" rip "$r" link set v0 \
		type etrunk_slave priority 7 lacp_port_priority 9
	rip "$r" -d link show et0 >"$TMP/show" 2>&1
	check "$r: ip -d link show: mode and options" \
		grep -Eq "etrunk mode lacp .*min_links 1" "$TMP/show"
	rip "$r" -d link show v0 >"$TMP/show" 2>&1
	check "$r: ip -d link show: the member's priority" \
		grep -Eq "etrunk_slave .*priority 7" "$TMP/show"
	check_eq "$r: ip -j -d: the mode in JSON" lacp \
		"$(rip "$r" -j -d link show et0 | jq -r '.[0].linkinfo.info_data.mode')"
	check_eq "$r: ip -j -d: the member's lacp port priority" 9 \
		"$(rip "$r" -j -d link show v0 |
			jq -r '.[0].linkinfo.info_slave_data.lacp_port_priority')"
	rip "$r" link add et1 type etrunk mode bogus >"$TMP/err" 2>&1
	check_eq "$r: a bad mode is refused (invarg exits 255)" 255 $?
	check "$r: with the plugin's message" grep -q "invalid mode, expected" "$TMP/err"
	check "$r: ip deletes the trunk" rip "$r" link del et0
	ip -n "$NS" link del v0 2>/dev/null
done
finish
