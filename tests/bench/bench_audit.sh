#!/usr/bin/env bash
# Does each piece of the performance machinery still pay? bench_photos with
# everything on, then with one piece off at a time (TWINHALL_PERF_OFF, see
# src/base/perf_switch.h), under the software renderer and OpenGL (Mesa in
# an Xvfb, as bench_opengl.sh); the runs of the variants alternate, RUNS
# rounds of them (default 3), so a slow minute of the machine falls on all
# alike. Prints, per renderer and variant, the medians over the rounds of
# the figures each piece was made for. Figures, not verdicts.
# Usage: bench_audit.sh BENCH_PHOTOS CONTENT_DIR
bench=$1 dir=$2 runs=${RUNS:-3}
tmp=$(mktemp -d /tmp/twinhall-audit.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
variants="all bigalloc pace"

# figure FILE PATTERN FIELD: the FIELDth number on the line matching PATTERN
figure() {
	grep -m1 -- "$2" "$1" | grep -oE '[0-9]+(\.[0-9]+)?' | sed -n "$3p"
}
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'; }

for rd in software opengl; do
	for r in $(seq "$runs"); do
		for v in $variants; do
			off=$v
			[ "$v" = all ] && off=
			out=$tmp/$rd-$v-$r
			if [ "$rd" = software ]; then
				env -u SDL_RENDER_DRIVER TWINHALL_PERF_OFF=$off "$bench" "$dir" >"$out" 2>/dev/null
			else
				TWINHALL_PERF_OFF=$off bash "$(dirname "$0")/bench_opengl.sh" "$bench" "$dir" >"$out" 2>/dev/null
			fi
		done
	done
	if grep -q "no table" "$tmp/$rd-all-1"; then
		grep -m1 "no table" "$tmp/$rd-all-1"
		continue
	fi
	printf '\nperformance machinery, %s renderer, median of %s runs each\n' "$rd" "$runs"
	printf '%-14s %10s %10s %12s %10s %10s %9s\n' "off" "jpeg cold" "png cold" "trans p99" "/bare" "max frame" "peak RSS"
	printf '%-14s %10s %10s %12s %10s %10s %9s\n' "" "ms" "ms" "ms" "x" "ms" "MB"
	for v in $variants; do
		row=""
		# PATTERN:N, the Nth number on its line ("24 MP" and "p99" count)
		for spec in "cold jump to an unseen 24 MP JPEG:2" "cold jump to an unseen 6 MP PNG:2" \
			"frame time in swipes/crossfades:4" "transition p99 / bare crossfade p99:3" \
			"frame time in swipes/crossfades:5" "peak RSS over both tours:1"; do
			pat=${spec%:*} n=${spec##*:}
			val=$(for r in $(seq "$runs"); do figure "$tmp/$rd-$v-$r" "$pat" "$n"; done | median)
			row="$row $val"
		done
		name=$v
		[ "$v" = all ] && name="(none)"
		printf '%-14s %10s %10s %12s %10s %10s %9s\n' "$name" $row
	done
done
