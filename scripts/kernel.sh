#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Prepare the Debian kernel the tests boot and print its cache directory,
# ${ETRUNK_CACHE:-/var/cache/etrunk}/kernel/$KVER/ (KVER from kver.sh):
#   root/           linux-image-$KVER unpacked with dpkg -x (never
#                   installed on the host) and depmod'ed
#   vmlinux         the uncompressed kernel: QEMU boots it through its
#                   PVH entry, skipping decompression
#   initramfs.cpio  busybox, /init and the 9p modules (initramfs.sh)
# Each piece is made once; when all are there this needs no network. The
# cache is outside the checkout: kbuild's "make clean" (M= the checkout)
# deletes every *.ko and modules.order below it, and fresh clones (CI)
# share one copy.
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
kver=$("$here/kver.sh")
cache=${ETRUNK_CACHE:-/var/cache/etrunk}/kernel
dir=$cache/$kver
mkdir -p "$dir"
cd "$dir"
exec 9>.lock
flock 9 # concurrent runs wait for the first to finish the cache

if [ ! -d root ]; then
	echo "kernel.sh: fetching linux-image-$kver" >&2
	rm -rf dl root.tmp
	mkdir dl
	fetch() { (cd dl && apt-get download -qq "linux-image-$kver" 2>/dev/null); }
	# Stale package lists may name a .deb the mirror no longer has.
	fetch || { apt-get update -qq && fetch; }
	dpkg -x dl/*.deb root.tmp
	depmod -b root.tmp "$kver"
	rm -r dl
	mv root.tmp root
fi

if [ ! -f vmlinux ]; then
	# The kernel's own extractor: from the headers if they ship it, else
	# from the linux-source tarball (slow, so it is kept for next time).
	x=$(ls /usr/src/linux-headers-*/scripts/extract-vmlinux 2>/dev/null | head -n1)
	if [ -z "$x" ]; then
		x=$cache/extract-vmlinux
		if [ ! -f "$x" ]; then
			tar -xJOf "$(ls /usr/src/linux-source-*.tar.xz | head -n1)" \
				--wildcards '*/scripts/extract-vmlinux' >"$x.tmp"
			mv "$x.tmp" "$x"
		fi
	fi
	sh "$x" "root/boot/vmlinuz-$kver" >vmlinux.tmp
	mv vmlinux.tmp vmlinux
fi

# Rebuilt when the scripts that make it change (by content: clones of the
# checkout at other versions share this cache).
stamp=$(cat "$here/vm-init.sh" "$here/initramfs.sh" | sha256sum)
if [ "$(cat initramfs.stamp 2>/dev/null)" != "$stamp" ]; then
	"$here/initramfs.sh" "root/lib/modules/$kver" initramfs.cpio
	echo "$stamp" >initramfs.stamp
fi
echo "$dir"
