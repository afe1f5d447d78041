#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Print the etrunk.ko the guest loads for the kernel series $KERNEL
# (series.sh, default 6.1): the checkout's kmod/etrunk.ko on 6.1 (the
# host's headers; `make module` builds it), else the module built in that
# release's chroot (chroot-build.sh) into .cache/module-$KERNEL, built
# again only when its sources changed. ETRUNK_KO, if set, wins.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=${here%/scripts}
cd "$top" || exit 1

if [ -n "${ETRUNK_KO:-}" ]; then
	echo "$ETRUNK_KO"
	exit 0
fi
if [ "${KERNEL:-6.1}" = 6.1 ]; then
	echo "$top/kmod/etrunk.ko"
	exit 0
fi
read -r suite _ <<<"$("$here/series.sh" "$KERNEL")" || exit 1
k=$("$here/kernel.sh") || exit 1
out=$top/.cache/module-$KERNEL
# The sources (not kbuild's generated *.mod.c).
stamp=$(cat Kbuild kmod/Kbuild $(ls kmod/*.[ch] | grep -v '\.mod\.c$') uapi/linux/*.h |
	sha256sum)
stamp="${k##*/} $stamp"
if [ ! -f "$out/kmod/etrunk.ko" ] || [ "$(cat "$out/stamp" 2>/dev/null)" != "$stamp" ]; then
	echo "# building etrunk.ko for ${k##*/} in the $suite chroot" >&2
	rm -rf "$out"
	"$here/chroot-build.sh" "$suite" "${k##*/}" "$out" >&2 || exit 1
	echo "$stamp" >"$out/stamp"
fi
echo "$out/kmod/etrunk.ko"
