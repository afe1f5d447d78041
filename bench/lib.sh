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
