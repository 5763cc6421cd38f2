#!/usr/bin/env bash
# A visitor's walk through the hall, end to end: the real program in Xvfb,
# real pointer input from xdotool, and both its --trace lines and
# screenshots checked: wake, open a city, swipe to the next photo, switch
# language, go back, and leave it alone until it returns to the loop.
. "$(dirname "$0")/lib.sh"
PROBE=$BUILD/tools/pngprobe
W=1600 H=900

start_xvfb "$W" "$H"
trap 'kill $xvfb 2>/dev/null; kill $pid 2>/dev/null' EXIT


c=$TMP/visit
copy_content "$c"
sed -i -E 's/^idle_timeout: .*/idle_timeout: 10/' "$c/hall.yaml"
"$TH" --kiosk --trace "$c" >"$TMP/trace" 2>"$TMP/visit.log" &
pid=$!
timeout 10 xdotool search --sync --onlyvisible --pid "$pid" >/dev/null 2>&1
sleep 1

last_state() { tail -1 "$TMP/trace"; }
# wait_state NAME PATTERN: the newest trace line matches within 3 s
wait_state() {
	for _ in $(seq 30); do last_state | grep -qE -- "$2" && break; sleep 0.1; done
	if last_state | grep -qE -- "$2"; then pass "$1"; else fail "$1" "last trace line: $(last_state)" "$(cat "$TMP/visit.log" | tail -5)"; fi
}
tap() { xdotool mousemove "$1" "$2" click 1; }
shot() { import -display "$DISPLAY" -window root "$1" 2>/dev/null; }
# Screen positions at 1600x900 (u = 900/1080): the map of the links above
# one row of six city cards (Oxford the third, its centre at 678 across,
# 792 design px down, as the headless render shows), the back button at
# the top left, the language switch at the top right.
u() { echo $(( $1 * 900 / 1080 )); }

wait_state "the trace starts on the attract loop in Russian" '^\{"t":[0-9]+,"state":"attract","lang":"ru"\}$'
tap $(u 700) $(u 520)
wait_state "a touch wakes the hall to the home screen" '"state":"home"'
sleep 0.5
[ "$(grep -c . "$TMP/trace")" -eq 2 ] && pass "the waking touch does nothing else" \
	|| fail "the waking touch does nothing else" "$(cat "$TMP/trace")"
shot "$TMP/home.png"

tap 678 $(u 792)
wait_state "touching Oxford's card opens its first photo" '"state":"city/oxford/photos/1"'
sleep 0.6
shot "$TMP/oxford.png"
"$BUILD/tools/pngdiff" "$TMP/home.png" "$TMP/oxford.png" 5 >/dev/null \
	&& fail "the screen shows the city, not home" || pass "the screen shows the city, not home"

xdotool mousemove 1200 500 mousedown 1
for x in 1100 950 800 650 500; do xdotool mousemove $x 500; sleep 0.02; done
xdotool mouseup 1
wait_state "a swipe to the left shows the next photo" '"state":"city/oxford/photos/2"'

tap $(( W - $(u 96) - $(u 52) )) $(( $(u 40) + $(u 40) ))
wait_state "EN switches the language and stays on the photo" '"state":"city/oxford/photos/2","lang":"en"'
sleep 0.6
shot "$TMP/en.png"
"$BUILD/tools/pngdiff" "$TMP/oxford.png" "$TMP/en.png" 1 >/dev/null \
	&& fail "the texts change with the language" || pass "the texts change with the language"

tap $(( $(u 96) + $(u 60) )) $(( $(u 40) + $(u 40) ))
wait_state "Back returns to the home screen" '"state":"home","lang":"en"'

sleep 9
for _ in $(seq 40); do last_state | grep -q '"attract"' && break; sleep 0.1; done
wait_state "left alone, the hall returns to the loop in Russian" '"state":"attract","lang":"ru"'
kill -0 "$pid" 2>/dev/null && pass "the program is still running after the visit" || fail "the program is still running after the visit"
grep -q 'runtime error\|ERROR' "$TMP/visit.log" && fail "no errors in the log" "$(cat "$TMP/visit.log")" || pass "no errors in the log"
kill -TERM "$pid"
exit 0
