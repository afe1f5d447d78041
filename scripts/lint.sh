#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# lint.sh - the project's style gate.
#
#   1. checkpatch.pl, as an upstream netdev reviewer runs it, over the
#      kernel code and the uapi header: kmod/**/*.[ch] and uapi/linux/*.h.
#   2. cppcheck over our user-space code in tools/.
#
# Exits non-zero if checkpatch reports anything at all (ERROR, WARNING or
# --strict CHECK), or cppcheck any finding.
#
# checkpatch.pl and the files it reads come from Debian's linux-source-6.1
# package (/usr/src/linux-source-6.1.tar.xz). They are extracted once into
# .cache/linux-source/ of this checkout; re-runs reuse them, and a new
# tarball (other size or date) is extracted afresh. Nothing is installed
# here except through scripts/deps.sh, when it exists.
#
# Environment:
#   LINUX_SOURCE_TARBALL  the kernel source tarball
#                         (default /usr/src/linux-source-6.1.tar.xz)
set -eu
set -o pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tarball=${LINUX_SOURCE_TARBALL:-/usr/src/linux-source-6.1.tar.xz}
cache=$root/.cache/linux-source
deps=$root/scripts/deps.sh

# Every file checkpatch.pl reads besides the files it checks, relative to
# the top of the kernel tree: the script, its typo list and its list of
# structs that should be const. checkpatch.rst is read only for
# --verbose; it is small, so it is there for a manual run with -v.
# Everything else it can read (MAINTAINERS, get_maintainer.pl,
# spdxcheck.py, include/) is used only in tree mode, not with --no-tree.
members="scripts/checkpatch.pl scripts/spelling.txt
	scripts/const_structs.checkpatch
	Documentation/dev-tools/checkpatch.rst"

# Checks to ignore. None: with -f and --no-tree, checkpatch skips the
# checks that only make sense in a kernel tree or in a patch on its own
# (spdxcheck.py license validation, MAINTAINERS and FILE_PATH_CHANGES,
# absolute file paths, <asm/...> includes), and nothing else misfires
# on these files. Add a type here only with a comment saying why.
ignores=""

die() {
	echo "lint: $*" >&2
	exit 1
}

# --- checkpatch.pl from the kernel source package -----------------------

if [ ! -f "$tarball" ] && [ -x "$deps" ]; then
	# deps.sh installs linux-source-6.1 among the project's packages.
	"$deps"
fi
[ -f "$tarball" ] ||
	die "$tarball not found (Debian package linux-source-6.1)"

# The tarball's top directory is its name without .tar.xz.
top=$(basename "$tarball")
top=${top%.tar.xz}
stamp="$tarball $(stat -L -c '%s %Y' "$tarball")"

if [ ! -f "$cache/.stamp" ] || [ "$(cat "$cache/.stamp")" != "$stamp" ]; then
	echo "lint: extracting checkpatch.pl from $tarball (once)"
	mkdir -p "$root/.cache"
	tmp=$(mktemp -d "$root/.cache/linux-source.tmp.XXXXXX")
	chmod 755 "$tmp"
	paths=""
	for m in $members; do
		paths="$paths $top/$m"
	done
	# shellcheck disable=SC2086 # word splitting of $paths is wanted
	if ! tar -xJf "$tarball" -C "$tmp" --strip-components=1 \
		--occurrence=1 $paths; then
		rm -rf "$tmp"
		die "could not extract checkpatch.pl from $tarball"
	fi
	# With --strict, checkpatch seeds its CamelCase list from
	# $root/include (empty here: our code is not in a kernel tree).
	mkdir -p "$tmp/include"
	echo "$stamp" >"$tmp/.stamp"
	rm -rf "$cache"
	mv "$tmp" "$cache"
fi

# --- checkpatch over kmod/ and uapi/ ------------------------------------

dirs=""
for d in kmod uapi/linux; do
	[ ! -d "$root/$d" ] || dirs="$dirs $d"
done
# Kbuild generates *.mod.c next to the sources: not ours to check.
# shellcheck disable=SC2086 # word splitting of $dirs is wanted
files=$(cd "$root" && find $dirs -type f \( -name '*.c' -o -name '*.h' \) \
	! -name '*.mod.c' | LC_ALL=C sort)
[ -n "$files" ] || die "no kmod/ or uapi/linux/ sources found"

# --strict, with checkpatch's own line limit (100 columns).
# --no-tree and -f: we check files, outside a kernel tree.
opts="--strict --no-tree --terse --show-types --no-summary --color=never"
opts="$opts --root=$cache"
[ -z "$ignores" ] || opts="$opts --ignore=$ignores"

abs_files=""
for f in $files; do
	abs_files="$abs_files $root/$f"
done

# Run from the cache: checkpatch writes its CamelCase cache file into the
# current directory. HOME and GIT_DIR point into the cache so that no
# ~/.checkpatch.conf and no git state of the checkout change the result.
rc=0
# shellcheck disable=SC2086 # word splitting of $opts, $abs_files is wanted
out=$(cd "$cache" && HOME=$cache GIT_DIR=$cache/.no-git \
	perl "$cache/scripts/checkpatch.pl" $opts -f $abs_files 2>&1) || rc=$?
out=$(printf '%s\n' "$out" | sed "s|$root/||g")
# kmod/compat.h is the one file that tests the kernel version, in the
# usual "#if LINUX_VERSION_CODE >= KERNEL_VERSION(...)" form: the two
# types checkpatch reports for that line are expected there, nowhere else.
expected='^kmod/compat\.h:[0-9]+: WARNING:(LINUX_VERSION_CODE|CONSTANT_COMPARISON):'
if printf '%s\n' "$out" | grep -qE "$expected"; then
	out=$(printf '%s\n' "$out" | grep -vE "$expected" || true)
	[ "$rc" -ne 1 ] || rc=0 # its exit status for findings, all expected
fi

errors=$(printf '%s\n' "$out" | grep -c ': ERROR:' || true)
warnings=$(printf '%s\n' "$out" | grep -c ': WARNING:' || true)
checks=$(printf '%s\n' "$out" | grep -c ': CHECK:' || true)

[ -z "$out" ] || printf '%s\n' "$out"
echo "checkpatch: $(echo "$files" | wc -l) files," \
	"$errors errors, $warnings warnings, $checks checks"

status=0
if [ "$rc" -ne 0 ] && [ $((errors + warnings + checks)) -eq 0 ]; then
	echo "lint: checkpatch.pl failed (exit $rc) without findings" >&2
	status=1
fi
[ $((errors + warnings)) -eq 0 ] || status=1
[ "$checks" -eq 0 ] || status=1

# --- cppcheck over tools/ -------------------------------------------------

if ! command -v cppcheck >/dev/null 2>&1; then
	[ -x "$deps" ] || die "cppcheck not found and no scripts/deps.sh"
	"$deps" cppcheck
fi

if [ -d "$root/tools" ]; then
	if (cd "$root" && cppcheck --enable=warning,style --error-exitcode=1 \
		--quiet --inline-suppr -I uapi tools); then
		echo "cppcheck: clean"
	else
		echo "cppcheck: findings above"
		status=1
	fi
fi

if [ "$status" -eq 0 ]; then
	echo "lint: OK"
else
	echo "lint: FAILED"
fi
exit "$status"
