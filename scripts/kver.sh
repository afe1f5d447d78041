#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Print the ABI version of the Debian kernel the tests run on (e.g.
# 6.1.0-56-amd64): the one the linux-image-amd64 metapackage currently
# points at, so it follows Debian's updates. $KVER overrides it.
set -eu

if [ -n "${KVER:-}" ]; then
	echo "$KVER"
	exit 0
fi

abi() {
	apt-cache depends linux-image-amd64 2>/dev/null |
		sed -n 's/^ *Depends: linux-image-\([0-9][^ ]*\)$/\1/p' | head -n1
}

v=$(abi)
if [ -z "$v" ]; then
	# Fresh machine: the package lists have not been fetched yet.
	apt-get update -qq >&2
	v=$(abi)
fi
[ -n "$v" ] || { echo "kver.sh: linux-image-amd64 has no kernel dependency" >&2; exit 1; }
echo "$v"
