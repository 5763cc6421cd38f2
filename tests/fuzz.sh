#!/usr/bin/env bash
# Fuzzing: each libFuzzer target in build/fuzz runs SECONDS (default 10)
# from the seeds (tests/fuzz/make_seeds.sh), the corpus it grew before
# (build/fuzz/corpus/<target>) and the inputs of past findings
# (tests/fuzz/regressions/<target>). Every past finding is first replayed
# on its own. A finding fails the test and is kept in build/fuzz/findings/
# with the promise it broke; make it a regression input (and a unit test)
# once fixed. Targets run side by side, one a core. Prints each target's
# figures: runs, runs a second, coverage.
# Usage: tests/fuzz.sh [SECONDS]   (FUZZ_ONLY="content exif": those targets)
. "$(dirname "$0")/lib.sh"
secs=${1:-10}
F=$BUILD/fuzz
seeds=$F/seeds
bash tests/fuzz/make_seeds.sh "$seeds" >/dev/null # from the content as it is now
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
targets=""
for bin in "$F"/fuzz_*; do
	[ -x "$bin" ] || continue
	t=${bin##*/fuzz_}
	case " ${FUZZ_ONLY:-$t} " in *" $t "*) ;; *) continue ;; esac
	targets="$targets $t"
	reg=tests/fuzz/regressions/$t
	mkdir -p "$F/corpus/$t" "$F/findings/$t" "$reg"
	# Past findings, each run once.
	[ -n "$(ls -A "$reg")" ] || continue
	if out=$("$bin" -rss_limit_mb=2048 "$reg"/* 2>&1); then
		pass "fuzz $t: the $(ls "$reg" | wc -l) past findings stay fixed"
	else
		fail "fuzz $t: the past findings stay fixed" "$(printf '%s\n' "$out" | grep -E 'promise|ERROR|SUMMARY|Running' | tail -6)"
	fi
done

# fuzz_one T: target T for $secs, its exit status in $TMP/fuzz-T.rc. An
# input taking 10 s is a hang (-timeout), a finding like a crash.
fuzz_one() {
	local t=$1
	"$F/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$F/findings/$t/" "$F/corpus/$t" "$seeds/$t" "tests/fuzz/regressions/$t" \
		>"$TMP/fuzz-$t.log" 2>&1
	echo $? >"$TMP/fuzz-$t.rc"
}
# As many targets at once as there are cores: each is one thread.
cores=$(nproc 2>/dev/null || echo 1)
for t in $targets; do
	while [ "$(jobs -rp | wc -l)" -ge "$cores" ]; do wait -n; done
	fuzz_one "$t" &
done
wait
for t in $targets; do
	log=$TMP/fuzz-$t.log rc=$(cat "$TMP/fuzz-$t.rc" 2>/dev/null || echo 1)
	runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
	speed=$(awk '/stat::average_exec_per_sec/ {print $2}' "$log")
	cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
	size=$(ls "$F/corpus/$t" | wc -l)
	if [ "$rc" -eq 0 ] && [ -n "$runs" ] && [ "$runs" -gt 0 ]; then
		pass "fuzz $t: ${secs} s, no finding (${runs} runs, ${speed}/s, coverage ${cov}, corpus ${size})"
	else
		fail "fuzz $t: ${secs} s with no finding (exit $rc)" \
			"$(grep -E 'promise|ERROR|SUMMARY|Test unit written' "$log" | head -6)"
	fi
done
exit 0
