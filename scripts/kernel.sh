#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Prepare the Debian kernel the tests boot, of series $KERNEL (series.sh;
# default 6.1, the host's release), and print its cache directory,
# ${ETRUNK_CACHE:-/var/cache/etrunk}/kernel/$KVER/:
#   root/           the kernel's packages unpacked with dpkg -x (never
#                   installed on the host) and depmod'ed
#   boot            the kernel QEMU boots: for 6.1 the uncompressed
#                   vmlinux (through its PVH entry, skipping
#                   decompression), for the others their bzImage
#   modules         its lib/modules/$KVER tree (under /usr on sid)
#   initramfs.cpio  busybox, /init and the 9p modules (initramfs.sh)
# KVER is, for 6.1, what kver.sh says; for the others, the kernel the
# release chroot's linux-headers metapackage points at (chroot.sh), whose
# apt downloads the image packages. Each piece is made once; when all are
# there this needs no network. The cache is outside the checkout: kbuild's
# "make clean" (M= the checkout) deletes every *.ko and modules.order
# below it, and fresh clones (CI) share one copy.
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
read -r suite flavour <<<"$("$here/series.sh" "${KERNEL:-6.1}")"
if [ "$suite" = bookworm ]; then
	kver=$("$here/kver.sh")
else
	kver=$("$here/chroot.sh" "$suite" dpkg-query -W -f='${Depends}' \
		"linux-headers-$flavour" | tr , '\n' | sed -n 's/^ *linux-headers-\([^ ]*\).*/\1/p')
	[ -n "$kver" ] || { echo "kernel.sh: no linux-headers-$flavour in the $suite chroot" >&2; exit 1; }
fi
cache=${ETRUNK_CACHE:-/var/cache/etrunk}/kernel
dir=$cache/$kver
mkdir -p "$dir"
cd "$dir"
exec 9>.lock
flock 9 # concurrent runs wait for the first to finish the cache

# The image package and the packages of the same kernel it depends on
# (sid splits one into linux-image-, linux-binary-, linux-modules- and
# linux-base-KVER), downloaded by the chroot's apt into dl/.
chroot_download() {
	local c pkgs dl
	c() { "$here/chroot.sh" "$suite" "$@"; }
	[ -n "$(ls "$(c)/var/lib/apt/lists/"*_Packages 2>/dev/null)" ] ||
		c apt-get update -qq -o Acquire::Check-Valid-Until=false >&2
	pkgs="linux-image-$kver"
	for _ in 1 2; do
		pkgs=$(for p in $pkgs; do
			echo "$p"
			c apt-cache depends "$p" | sed -n "s/^ *Depends: \(linux-[a-z]*-$kver\)\$/\1/p"
		done | sort -u)
	done
	dl=$(c mktemp -d)
	c sh -c 'cd "$1" && shift && apt-get download -qq "$@"' sh "$dl" $pkgs >&2
	mv "$(c)$dl"/*.deb dl/
	rm -rf "$(c)$dl"
}

if [ ! -d root ]; then
	echo "kernel.sh: fetching linux-image-$kver" >&2
	rm -rf dl root.tmp
	mkdir dl
	if [ "$suite" = bookworm ]; then
		fetch() { (cd dl && apt-get download -qq "linux-image-$kver" 2>/dev/null); }
		# Stale package lists may name a .deb the mirror no longer has.
		fetch || { apt-get update -qq && fetch; }
	else
		chroot_download
	fi
	for deb in dl/*.deb; do
		dpkg -x "$deb" root.tmp
	done
	m=root.tmp
	[ -d root.tmp/lib/modules/$kver ] || m=root.tmp/usr
	depmod -b "$m" "$kver"
	rm -r dl
	mv root.tmp root
fi
moddir=$dir/root/lib/modules/$kver
[ -d "$moddir" ] || moddir=$dir/root/usr/lib/modules/$kver
ln -sfn "$moddir" modules

if [ "$suite" != bookworm ]; then
	# Newer kernels boot as bzImage through QEMU's loader.
	for k in "$dir/root/boot/vmlinuz-$kver" "$moddir/vmlinuz"; do
		[ ! -f "$k" ] || ln -sfn "$k" boot
	done
	[ -e boot ] || { echo "kernel.sh: no vmlinuz in the $kver packages" >&2; exit 1; }
elif [ ! -f vmlinux ]; then
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
[ "$suite" != bookworm ] || ln -sfn "$dir/vmlinux" boot

# Rebuilt when the scripts that make it change (by content: clones of the
# checkout at other versions share this cache).
stamp=$(cat "$here/vm-init.sh" "$here/initramfs.sh" | sha256sum)
if [ "$(cat initramfs.stamp 2>/dev/null)" != "$stamp" ]; then
	"$here/initramfs.sh" "$moddir" initramfs.cpio
	echo "$stamp" >initramfs.stamp
fi
echo "$dir"
