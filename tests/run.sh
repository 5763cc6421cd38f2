#!/usr/bin/env bash
# Runs every test: unit tests, the command line, renders against golden
# images, and the real program under Xvfb. Ends with "N passed, N failed".
# `tests/run.sh fast` (make test-fast) runs the unit tests and the renders
# against golden images only.
set -u
mode=${1:-all}
case $mode in
all | fast) ;;
*)
	echo "usage: tests/run.sh [fast]" >&2
	exit 2
	;;
esac
cd "$(dirname "$0")/.."
export BUILD=${BUILD:-build}
export TMP=$(mktemp -d /tmp/twinhall-test.XXXXXX)
# The last good content the program keeps goes here, not to ~/.local/state.
export STATE_DIRECTORY=$TMP/state
# The derivative cache too: never the developer's own ~/.cache.
export CACHE_DIRECTORY=$TMP/cache
trap 'rm -rf "$TMP"' EXIT
log=$TMP/all.log
: >"$log"

# Keeps a finished part's verdict lines and shows its failures. A part
# that exited non-zero without saying FAIL crashed: that is a failure.
report_part() { # report_part NAME OUTPUT STATUS
	printf '%s\n' "$2" >>"$log"
	printf '%s\n' "$2" | grep -v '^PASS ' | grep -v '^$'
	if [ "$3" -ne 0 ] && ! printf '%s\n' "$2" | grep -q '^FAIL '; then
		echo "FAIL $1 crashed (exit $3)" | tee -a "$log"
	fi
}

# Runs one part and reports it as it ends.
run_part() {
	local name=$1 out rc
	shift
	echo "== $name"
	local t0=$SECONDS
	out=$("$@" 2>&1)
	rc=$?
	[ $((SECONDS - t0)) -ge 5 ] && echo "   ($((SECONDS - t0)) s)"
	report_part "$name" "$out" "$rc"
}

# The unit tests (each in its own temporary folders, none timed), JOBS
# at a time; reported in name order by report_units.
units=$TMP/units
mkdir -p "$units"
run_units() { # run_units JOBS
	ls "$BUILD"/tests/test_* | xargs -P "$1" -I{} sh -c \
		'"$1" >"$2/${1##*/}.out" 2>&1; echo $? >"$2/${1##*/}.rc"' _ {} "$units"
}
report_units() {
	local t n
	for t in "$BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		n=${t##*/}
		report_part "$n" "$(cat "$units/$n.out")" "$(cat "$units/$n.rc" 2>/dev/null || echo 1)"
	done
}
if [ "$mode" = fast ]; then # nothing else runs: one per core
	t0=$SECONDS
	run_units "$(nproc)"
	echo "== unit tests ($((SECONDS - t0)) s)"
	report_units
fi
scripts="tests/e2e.sh tests/e2e_touch.sh tests/e2e_photos.sh tests/reload.sh tests/derivs.sh tests/staff.sh tests/hours.sh tests/cec.sh tests/screen_change.sh tests/final_frame.sh tests/large_text.sh tests/storm.sh tests/watchdog.sh"
# Beside them, on the other core, one at a time: the unit tests, then the
# parts with no X display (the renders against the goldens, the command
# line, the Windows share, the sanitized build, the soak, headless, the
# corpus of attacks, the fuzzers, the catalogue, the install and the
# sync), each in temporary and state folders of its own; their verdicts
# are shown after the others'. A stop stays prompt with a neighbour busy
# (e2e.sh checks it under a busy loop on every core).
beside="tests/render.sh tests/cli.sh tests/share.sh tests/sanitize.sh tests/soak.sh tests/attack.sh tests/fuzz.sh tests/po.sh tests/install.sh tests/sync.sh"
[ "$mode" = fast ] && scripts=tests/render.sh beside=
lane=$TMP/beside
mkdir -p "$lane"
(
	# In the idle class, as the hall's own background threads (decoders,
	# text, the content watcher) are: a busy neighbour of normal class
	# starved them, so a reload under test waited for seconds.
	chrt --idle --pid 0 "$BASHPID" 2>/dev/null
	if [ "$mode" = all ]; then
		t0=$SECONDS
		run_units 1
		echo $((SECONDS - t0)) >"$lane/units.s"
	fi
	for s in $beside; do
		n=${s##*/}
		mkdir -p "$lane/$n.tmp"
		t0=$SECONDS
		TMP=$lane/$n.tmp STATE_DIRECTORY=$lane/$n.tmp/state CACHE_DIRECTORY=$lane/$n.tmp/cache \
			bash "$s" >"$lane/$n.out" 2>&1
		echo $? >"$lane/$n.rc"
		echo $((SECONDS - t0)) >"$lane/$n.s"
	done
) &
beside_pid=$!
for s in $scripts; do
	run_part "$s" bash "$s"
done
wait "$beside_pid"
if [ "$mode" = all ]; then
	echo "== unit tests (beside the others, $(cat "$lane/units.s" 2>/dev/null || echo ?) s)"
	report_units
fi
for s in $beside; do
	n=${s##*/}
	echo "== $s (beside the others, $(cat "$lane/$n.s" 2>/dev/null || echo ?) s)"
	report_part "$s" "$(cat "$lane/$n.out" 2>/dev/null)" "$(cat "$lane/$n.rc" 2>/dev/null || echo 1)"
done
[ "$mode" = fast ] || run_part lint bash -c 'if make -s lint >/dev/null 2>&1; then echo "PASS format is clean (make lint)";
	else echo "FAIL format is clean (make lint)"; make -s lint 2>&1 | head -5; fi'

passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
if [ "$failed" -gt 0 ]; then
	echo "Failed:"
	grep '^FAIL ' "$log" | sed 's/^/  /'
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
