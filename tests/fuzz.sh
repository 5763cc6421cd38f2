#!/usr/bin/env bash
# Fuzzing: each libFuzzer target in build/fuzz runs SECONDS (default 20)
# from the seeds (tests/fuzz/make_seeds.sh), the corpus it grew before
# (build/fuzz/corpus/<target>) and the inputs of past findings
# (tests/fuzz/regressions/<target>). Every past finding is first replayed
# on its own. A finding fails the test and is kept in build/fuzz/findings/
# with the promise it broke; make it a regression input (and a unit test)
# once fixed. Prints each target's figures: runs, runs a second, coverage.
# Usage: tests/fuzz.sh [SECONDS]   (FUZZ_ONLY="content exif": those targets)
. "$(dirname "$0")/lib.sh"
secs=${1:-20}
F=$BUILD/fuzz
seeds=$F/seeds
bash tests/fuzz/make_seeds.sh "$seeds" >/dev/null # from the content as it is now
for bin in "$F"/fuzz_*; do
	[ -x "$bin" ] || continue
	t=${bin##*/fuzz_}
	case " ${FUZZ_ONLY:-$t} " in *" $t "*) ;; *) continue ;; esac
	reg=tests/fuzz/regressions/$t corpus=$F/corpus/$t found=$F/findings/$t
	mkdir -p "$corpus" "$found" "$reg"
	export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	# Past findings, each run once.
	if [ -n "$(ls -A "$reg")" ]; then
		if out=$("$bin" -rss_limit_mb=2048 "$reg"/* 2>&1); then
			pass "fuzz $t: the $(ls "$reg" | wc -l) past findings stay fixed"
		else
			fail "fuzz $t: the past findings stay fixed" "$(printf '%s\n' "$out" | grep -E 'promise|ERROR|SUMMARY|Running' | tail -6)"
		fi
	fi
	log=$TMP/fuzz-$t.log
	# -timeout: an input taking 10 s is a hang, a finding like a crash.
	"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$found/" "$corpus" "$seeds/$t" "$reg" >"$log" 2>&1
	rc=$?
	runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
	speed=$(awk '/stat::average_exec_per_sec/ {print $2}' "$log")
	cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
	size=$(ls "$corpus" | wc -l)
	if [ "$rc" -eq 0 ] && [ -n "$runs" ] && [ "$runs" -gt 0 ]; then
		pass "fuzz $t: ${secs} s, no finding (${runs} runs, ${speed}/s, coverage ${cov}, corpus ${size})"
	else
		fail "fuzz $t: ${secs} s with no finding (exit $rc)" \
			"$(grep -E 'promise|ERROR|SUMMARY|Test unit written' "$log" | head -6)"
	fi
done
exit 0
