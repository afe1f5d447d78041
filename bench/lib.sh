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
