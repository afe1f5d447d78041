#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install the Debian packages needed to build etrunk and run its tests in
# the QEMU guest (which uses the host's root filesystem, so the guest's
# tools come from here too). Extra package names may be given as
# arguments. Idempotent: does nothing when everything is installed.
# shellcheck disable=SC2086 # $todo is split into package names on purpose
set -eu
here=$(dirname "$0")

wanted() {
	echo build-essential "linux-headers-$("$here/kver.sh")" linux-source-6.1 \
		sparse libmnl-dev qemu-system-x86 busybox-static cpio xz-utils kmod \
		iproute2 iputils-ping ethtool tcpdump libteam-utils tshark procps \
		jq util-linux libssl-dev frr python3 clang "$@"
}

missing() {
	local p
	for p in $(wanted "$@"); do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
			grep -qx 'install ok installed' || echo "$p"
	done
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT
install() {
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends "$@" >>"$log" 2>&1
}

todo=$(missing "$@")
if [ -z "$todo" ]; then
	echo "deps: all installed"
	exit 0
fi
echo "deps: installing" $todo
# Stale or empty package lists are the usual reason an install fails:
# refresh them once, recompute (the kernel ABI may have moved on), retry.
if ! install $todo; then
	apt-get update -q >>"$log" 2>&1 && todo=$(missing "$@") &&
		install $todo || { cat "$log" >&2; echo "deps: FAILED" >&2; exit 1; }
fi
