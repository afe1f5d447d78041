#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Print the Debian mirror the host's apt already uses (deb822 or one-line
# sources, not the security archive), for the chroots of other releases
# (chroot.sh, deb-test.sh). Read at run time: no mirror is written down.
set -eu
mirror=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p; s/^deb  *\(\[[^]]*\] *\)\{0,1\}\([^ ]*\).*/\2/p' \
	/etc/apt/sources.list.d/* /etc/apt/sources.list 2>/dev/null |
	grep -v -- '-security' | head -n1)
[ -n "$mirror" ] || { echo "mirror.sh: no Debian mirror in the host's apt sources" >&2; exit 1; }
echo "$mirror"
