#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Usage: initramfs.sh MODDIR OUT
# Build the test guest's initramfs OUT, an uncompressed cpio archive (it
# loads faster so under emulation): static busybox, scripts/vm-init.sh as
# /init, and the modules needed to mount the 9p shares, taken with their
# dependencies from MODDIR, a depmod'ed .../lib/modules/<version> tree.
# Modules built into that kernel are left out; compressed ones are stored
# unpacked for busybox's insmod.
set -eu
[ $# = 2 ] || { echo "usage: $0 MODDIR OUT" >&2; exit 2; }
here=$(dirname "$0")
moddir=$(realpath "$1")
base=${moddir%/lib/modules/*}
[ "$base" != "$moddir" ] || { echo "initramfs.sh: $1 is not a lib/modules/<version> tree" >&2; exit 1; }

# modprobe prints the load order ("insmod FILE", dependencies first, each
# possibly repeated) or "builtin NAME"; -C /dev/null ignores host config.
mods=$(modprobe -C /dev/null -d "$base" -S "${moddir##*/}" -a --show-depends \
	virtio_pci 9pnet_virtio 9p | awk '$1 == "insmod" && !seen[$2]++ { print $2 }')

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage"/bin "$stage"/mods "$stage"/dev "$stage"/proc "$stage"/sys "$stage"/newroot
cp /bin/busybox "$stage"/bin/
cp "$here"/vm-init.sh "$stage"/init
n=10 # /init loads /mods/*.ko in name order
for ko in $mods; do
	name=${ko##*/}
	case $ko in
	*.xz) xz -dc ;;
	*.gz) gzip -dc ;;
	*.zst) zstd -dc ;;
	*) cat ;;
	esac <"$ko" >"$stage/mods/$n-${name%.ko*}.ko"
	n=$((n + 1))
done
(cd "$stage" && find . | cpio -o -H newc --quiet) >"$2.tmp"
mv "$2.tmp" "$2"
