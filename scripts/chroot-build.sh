#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the module for a kernel of another Debian release, inside that
# release's chroot (chroot.sh), with its compiler and headers, from a copy
# of the checkout's module sources (kmod/etrunk.ko stays the host build):
#   chroot-build.sh SUITE KVER OUT [KBUILD ARGS...]
# leaves OUT/kmod/etrunk.ko. With W=1 in the arguments, a warning fails
# the build (as make lint does for the default series).
set -eu
[ $# -ge 3 ] || { echo "usage: $0 SUITE KVER OUT [KBUILD ARGS...]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd -P)
top=${here%/scripts}
suite=$1 kver=$2 out=$3
shift 3
root=$("$here/chroot.sh" "$suite")
[ -d "$root/usr/src/linux-headers-$kver" ] ||
	{ echo "chroot-build.sh: no headers for $kver in $root" >&2; exit 1; }

build=$(mktemp -d "$root/tmp/etrunk.XXXXXX")
trap 'rm -rf "$build"' EXIT
cp -r "$top/Kbuild" "$top/kmod" "$top/uapi" "$build/"
find "$build" \( -name '*.o' -o -name '*.ko' -o -name '.*.cmd' -o -name '*.mod*' \
	-o -name modules.order -o -name Module.symvers \) -delete
log=$build.log
"$here/chroot.sh" "$suite" make -j2 -C "/usr/src/linux-headers-$kver" M="${build#"$root"}" "$@" modules \
	>"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; exit 1; }
if [[ " $* " == *" W=1 "* ]] && grep -E '(warning|error):' "$log" >&2; then
	rm -f "$log"
	echo "chroot-build.sh: the $kver build has warnings" >&2
	exit 1
fi
rm -f "$log"
mkdir -p "$out/kmod"
cp "$build/kmod/etrunk.ko" "$out/kmod/"
