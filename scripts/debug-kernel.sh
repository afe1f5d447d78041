#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the debug kernel `make check-debug` boots (KASAN, lockdep,
# kmemleak: scripts/debug.config) from Debian's linux-source-6.1, once,
# and print its directory:
#   ${ETRUNK_CACHE:-/var/cache/etrunk}/debug-kernel/KEY/
# KEY is the linux-source-6.1 version and a hash of the config fragments,
# so a change to either builds anew. The cache is outside the checkout:
# every clone on the machine shares one build. It holds
#   linux/     the configured, built source tree, to build modules against
#   bzImage    the kernel (no PVH entry: QEMU boots it with its loader)
#   modules    -> root/lib/modules/VERSION, its modules, depmod'ed
#   build.log  the build's output
# A build is made in KEY.tmp and renamed only once complete, so an
# interrupted build is never taken for a finished one. About 15 minutes
# on 2 cores.
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
fragments=("$here/debug.config" "${here%/scripts}/selftests/config")

"$here/deps.sh" bc flex bison libelf-dev libssl-dev >&2
version=$(dpkg-query -W -f='${Version}' linux-source-6.1)
key=$version-$(cat "${fragments[@]}" | sha256sum | cut -c1-16)
cache=${ETRUNK_CACHE:-/var/cache/etrunk}/debug-kernel
dir=$cache/$key
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9 # concurrent runs wait for the first to finish the build
if [ -d "$dir" ]; then
	echo "$dir"
	exit 0
fi

tmp=$dir.tmp
rm -rf "$tmp"
mkdir -p "$tmp/linux"
log=$tmp/build.log
echo "debug-kernel.sh: building the debug kernel $key (log: $log)" >&2
start=$(date +%s)
fail() {
	tail -n 40 "$log" >&2
	echo "debug-kernel.sh: $*" >&2
	exit 1
}
tar -xJf /usr/src/linux-source-6.1.tar.xz -C "$tmp/linux" --strip-components=1
cd "$tmp/linux"
{
	make defconfig &&
	scripts/kconfig/merge_config.sh -m .config kernel/configs/kvm_guest.config "${fragments[@]}" &&
	make olddefconfig
} >"$log" 2>&1 || fail "configuration failed"
# merge_config.sh only warns when a dependency drops a value.
if lost=$(grep -hE '^(CONFIG_|# CONFIG_.* is not set)' "${fragments[@]}" | grep -vxFf .config); then
	printf '%s\n' "$lost" >>"$log"
	fail "these config values did not survive olddefconfig: $lost"
fi
make -j"$(nproc)" bzImage modules >>"$log" 2>&1 || fail "build failed"
make modules_install INSTALL_MOD_PATH="$tmp/root" >>"$log" 2>&1 || fail "modules_install failed"
release=$(make -s kernelrelease)
# They point at KEY.tmp: linux/ is the build tree.
rm -f "$tmp/root/lib/modules/$release/build" "$tmp/root/lib/modules/$release/source"
cp arch/x86/boot/bzImage "$tmp/"
ln -s "root/lib/modules/$release" "$tmp/modules"
mv "$tmp" "$dir"
echo "debug-kernel.sh: built in $(($(date +%s) - start)) s" >&2
echo "$dir"
