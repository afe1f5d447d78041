#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Make (once) and print the build chroot of a Debian release:
# ${ETRUNK_CACHE:-/var/cache/etrunk}/chroot/$SUITE, made by mmdebstrap with
# that release's gcc, make, kernel headers (generic and PREEMPT_RT; perl
# and python3 for W=1's kernel-doc) and iproute2. The mirror is the one
# the host's apt already uses. Usage:
#   chroot.sh SUITE            print the chroot's directory
#   chroot.sh SUITE CMD...     run CMD in it (with /proc, in a mount
#                              namespace of its own)
set -eu
suite=$1
shift
cache=${ETRUNK_CACHE:-/var/cache/etrunk}/chroot
dir=$cache/$suite
mkdir -p "$cache"
exec 9>"$cache/.$suite.lock"
flock 9
run() {
	exec 9>&-
	if [ $# -eq 0 ]; then
		echo "$dir"
		exit 0
	fi
	exec unshare --mount sh -c 'mount -t proc proc "$0/proc" && exec chroot "$0" "$@"' \
		"$dir" "$@"
}
[ ! -x "$dir/usr/bin/gcc" ] || run "$@"

mirror=$("$(dirname "$0")/mirror.sh")
command -v mmdebstrap >/dev/null ||
	apt-get install -y --no-install-recommends mmdebstrap >&2

echo "chroot.sh: making the $suite chroot (about 2 min)" >&2
rm -rf --one-file-system "$dir.tmp"
# trixie's headers depend on the kernel image: installing it there would
# build initramfs images nobody boots (minutes), so its hooks are left out.
mmdebstrap --quiet --variant=apt --skip=cleanup/apt/lists \
	--aptopt='Acquire::Check-Valid-Until "false"' \
	--dpkgopt='path-exclude=/etc/kernel/postinst.d/*' \
	--include=make,gcc,libc6-dev,perl,python3,linux-headers-amd64,linux-headers-rt-amd64,kmod,iproute2 \
	"$suite" "$dir.tmp" "$mirror" >&2
mv "$dir.tmp" "$dir"
run "$@"
