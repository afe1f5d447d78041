# SPDX-License-Identifier: GPL-2.0
# Helpers the benchmarks share; sourced, after they set BENCH_NAME.

die()
{
	echo "$BENCH_NAME: $*" >&2
	exit 1
}

ms()		# MICROSECONDS: as milliseconds, one decimal
{
	awk -v u="$1" 'BEGIN { printf "%.1f", u / 1000 }'
}

median()	# NUMBERS...
{
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 }
		END { if (NR % 2) print v[(NR + 1) / 2];
		      else printf "%d\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

minmax()	# NUMBERS...: "MIN MAX"
{
	printf '%s\n' "$@" | sort -n | sed -n '1p;$p' | tr '\n' ' '
}

# wait_until SECONDS COMMAND...: run COMMAND every 0.1 s until it succeeds
# or SECONDS have passed.
wait_until()
{
	local end=$((SECONDS + $1))

	shift
	until "$@"; do
		[ $SECONDS -lt $end ] || return 1
		sleep 0.1
	done
}

# no_ipv6_in_new_ns: new namespaces without IPv6, taken from the initial
# one (devconf_inherit_init_net 1); the old values are added to
# OLD_SYSCTLS for the caller's cleanup to restore.
no_ipv6_in_new_ns()
{
	local k sysctls="net.core.devconf_inherit_init_net net.ipv6.conf.all.disable_ipv6 net.ipv6.conf.default.disable_ipv6"

	for k in $sysctls; do
		OLD_SYSCTLS+="$k=$(sysctl -n "$k") "
	done
	sysctl -qw net.core.devconf_inherit_init_net=1 \
		net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 ||
		die "cannot disable IPv6 for new namespaces"
}

# new_ns VAR TAG: a namespace NS_PREFIX-TAG-PID-N with lo up and no IPv6,
# added to NAMESPACES, its name in VAR.
NS_COUNT=0
new_ns()
{
	local ns="$NS_PREFIX-$2-$$-$NS_COUNT"

	NS_COUNT=$((NS_COUNT + 1))
	ip netns add "$ns" || return 1
	NAMESPACES+=("$ns")
	ip -n "$ns" link set lo up
	# A kernel that does not copy them: set them in each namespace.
	[ "$(ip netns exec "$ns" sysctl -n net.ipv6.conf.default.disable_ipv6)" = 1 ] ||
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
			net.ipv6.conf.default.disable_ipv6=1
	printf -v "$1" %s "$ns"
}
