#!/usr/bin/env bash
# The soak: the real program under AddressSanitizer and UBSan, headless
# (SDL's dummy video driver, the software renderer), with the monkey's
# random taps, swipes, pinches and long presses (20 a second, 18 on average
# with its pauses), staff
# rewriting a city every 10 s (every second save broken), and a clock 60
# times fast from just before a lunch break, so an hour of idle timeouts
# passes every real minute and the hall closes for ten minutes of lunch
# every 24 (the dark frees its caches, so longer closures would make the
# memory curve a saw).
# Usage: tests/soak.sh [SECONDS] (default 30). Fails on a crash, any
# sanitizer report, a leak from our code at exit, or, in a soak of more
# than 2 minutes, RSS growing: the median RSS of the last quarter more than
# 2 MB over that of the quarter after the warm-up (the first third, so the
# text and image caches are full; the medians look past the megabytes a
# decode holds for a moment). Prints the RSS curve; SOAK_CURVE=FILE also
# writes it there.
. "$(dirname "$0")/lib.sh"
export TWINHALL_TEST_HOOKS=1 # the test hooks this test uses
secs=${1:-30}
DBG=${SOAK_BIN:-$BUILD/debug/twinhall} # SOAK_BIN: another build, to compare
# A small quarantine: freed memory is still checked for a while, without
# ASan's default 256 MB of it looking like growth.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:quarantine_size_mb=4:malloc_context_size=8
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0:exitcode=0
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software
unset DISPLAY WAYLAND_DISPLAY

c=$TMP/soak
copy_content "$c"
cat >>"$c/hall.yaml" <<'EOF'

opening_hours:
  monday: 00:00-13:00, 13:10-24:00
  tuesday: 00:00-13:00, 13:10-24:00
  wednesday: 00:00-13:00, 13:10-24:00
  thursday: 00:00-13:00, 13:10-24:00
  friday: 00:00-13:00, 13:10-24:00
  saturday: 00:00-13:00, 13:10-24:00
  sunday: 00:00-13:00, 13:10-24:00
EOF
oxford=$c/cities/oxford/city.yaml
cp "$oxford" "$TMP/soak-oxford.yaml"

"$DBG" --trace --monkey 1 --clock-speed 60 --clock-start "2026-11-23 12:50" \
	--state-dir "$TMP/soak-state" "$c" >"$TMP/soak.trace" 2>"$TMP/soak.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null; }
curve="" saves=0 alive=1
: >"$TMP/soak.rss"
for t in $(seq 0 5 "$secs"); do
	[ "$t" -gt 0 ] && sleep 5
	if ! kill -0 "$pid" 2>/dev/null; then alive=0; break; fi
	if [ "$t" -gt 0 ] && [ $((t % 10)) -eq 0 ]; then # staff save
		saves=$((saves + 1))
		if [ $((saves % 2)) -eq 0 ]; then
			sed "0,/caption:/s/caption:/captoin:/" "$TMP/soak-oxford.yaml" >"$oxford"
		else
			sed "s/приехала в Пермь/приехала в Пермь (правка $saves)/" "$TMP/soak-oxford.yaml" >"$oxford"
		fi
	fi
	r=$(rss_kb)
	[ -n "$r" ] || continue
	curve="$curve $t:$((r / 1024))"
	echo "$t $r" >>"$TMP/soak.rss"
done
[ -n "${SOAK_CURVE:-}" ] && printf '%s\n' $curve >"$SOAK_CURVE"
[ "$alive" -eq 1 ] && pass "soak: the sanitized program ran ${secs} s of the monkey and staff saves" \
	|| fail "soak: the sanitized program ran ${secs} s" "$(tail -20 "$TMP/soak.log")"

gestures=$(grep -c '"state"' "$TMP/soak.trace")
loads=$(grep -c '"reload":"ok"' "$TMP/soak.trace")
rejected=$(grep -cE '"reload":"(rejected|partial)"' "$TMP/soak.trace")
[ "$gestures" -ge 10 ] && [ "$loads" -ge 1 ] && [ "$rejected" -ge 1 ] \
	&& pass "soak: $gestures changes of place, $loads reloads, $rejected rejected" \
	|| fail "soak: the monkey moves around and the saves are read" "places $gestures, loads $loads, rejected $rejected"
grep -q '"hours":"closed"' "$TMP/soak.trace" && grep -q '"hours":"open"' "$TMP/soak.trace" \
	&& pass "soak: the hall closed and opened on the fast clock" \
	|| fail "soak: the hall closed and opened on the fast clock" "$(grep hours "$TMP/soak.trace")"

# median_kb FROM TO: the median RSS of the samples taken from FROM s to TO s.
median_kb() { awk -v a="$1" -v b="$2" '$1 >= a && $1 <= b { print $2 }' "$TMP/soak.rss" | sort -n |
	awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : 0 }'; }
if [ "$secs" -gt 120 ]; then
	third=$((secs / 3)) quarter=$((secs / 4))
	early=$(median_kb "$third" $((third + quarter))) late=$(median_kb $((secs - quarter)) "$secs")
	if [ $((late - early)) -le 2048 ]; then
		pass "soak: RSS flat (median $((early / 1024)) MB after ${third} s, $((late / 1024)) MB at the end; MB at s:$curve)"
	else
		fail "soak: RSS flat (at most +2 MB)" "median $((early / 1024)) MB after ${third} s, $((late / 1024)) MB at the end" "MB at s:$curve"
	fi
else
	echo "soak: RSS not judged in a soak this short (the caches are still filling); MB at s:$curve"
fi

end_sanitized soak "$TMP/soak.log"
exit 0
