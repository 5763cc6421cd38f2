#!/usr/bin/env bash
# The screen changes under the hall, end to end in Xvfb: the window is made
# portrait (a resolution change), then the graphics device is "reset"
# (SIGUSR1 makes the program handle SDL_RENDER_DEVICE_RESET as SDL reports
# it). Each time: one journal line, the hall laid out and drawn again, still
# running and answering touches.
. "$(dirname "$0")/lib.sh"
export TWINHALL_TEST_HOOKS=1 # the test hooks this test uses
PROBE=$BUILD/tools/pngprobe

start_xvfb 1400 1400
trap 'kill $xvfb 2>/dev/null; kill $pid 2>/dev/null' EXIT
shot() { import -display "$DISPLAY" -window root "$1" 2>/dev/null; }
# sd_of FILE X Y W H: the grey stddev of a region (0: flat, nothing drawn)
sd_of() { "$PROBE" "$@" | awk '{print $6}'; }
drawn() { # drawn NAME X Y W H: the region has a picture in it
	shot "$TMP/sc.png"
	local s
	s=$(sd_of "$TMP/sc.png" "${@:2}")
	awk -v s="$s" 'BEGIN { exit !(s > 8) }' && pass "$1 (stddev $s)" || fail "$1" "stddev $s" "$(cat "$TMP/sc.log")"
}

"$TH" --window 1280x720 --at home --trace "$FIX" >"$TMP/sc.trace" 2>"$TMP/sc.log" &
pid=$!
win=$(timeout 10 xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -1)
xdotool windowmove "$win" 0 0
sleep 1.5
drawn "the home screen at 1280x720" 0 0 1280 720

xdotool windowsize "$win" 720 1280
sleep 1.5
grep -q '<6>twinhall: the screen is now 720x1280: laid out again' "$TMP/sc.log" \
	&& pass "a resolution change is one journal line" || fail "a resolution change is one journal line" "$(cat "$TMP/sc.log")"
drawn "portrait: the lower half is laid out too" 0 700 720 560

kill -USR1 "$pid"
sleep 1.5
grep -q '<4>twinhall: the graphics device was reset (720x1280): making every texture again' "$TMP/sc.log" \
	&& pass "a device reset is one journal line" || fail "a device reset is one journal line" "$(cat "$TMP/sc.log")"
kill -0 "$pid" 2>/dev/null && pass "the hall runs on after the reset" || fail "the hall runs on after the reset"
drawn "after the reset the screen is drawn again" 0 0 720 1280
n=$(grep -c '"state"' "$TMP/sc.trace")
xdotool mousemove 200 700 click 1 # Oxford's card
sleep 1
[ "$(grep -c '"state"' "$TMP/sc.trace")" -gt "$n" ] && pass "after the reset a tap still works" \
	|| fail "after the reset a tap still works" "$(tail -2 "$TMP/sc.trace")"
kill -TERM "$pid"
wait "$pid"
[ $? -eq 0 ] && pass "SIGTERM ends it with status 0" || fail "SIGTERM ends it with status 0"
