#!/usr/bin/env bash
# Opening hours, end to end in Xvfb: the real program on a fast clock
# (--clock-speed 20, starting a minute before a lunch break) goes dark at
# closing, ignores touches while dark except the staff corner, uses no CPU
# meanwhile, and brings the attract loop back at opening; the journal and
# --trace say so once each. The PC's clock zone is UTC, as on a fresh
# Debian, and the hours are Perm's (time_zone: Asia/Yekaterinburg, UTC+5):
# the hall keeps Perm's hours, and says its times in Perm's.
. "$(dirname "$0")/lib.sh"
export TWINHALL_TEST_HOOKS=1 # the test hooks this test uses
PROBE=$BUILD/tools/pngprobe

start_xvfb 1280 720
trap 'kill $xvfb 2>/dev/null; kill $pid 2>/dev/null' EXIT
shot() { import -display "$DISPLAY" -window root "$1" 2>/dev/null; }
# mean_rgb FILE: "R G B" of the whole screen; sd FILE: its grey stddev.
mean_rgb() { "$PROBE" "$1" 0 0 1280 720 | awk '{print $8, $9, $10}'; }
sd() { "$PROBE" "$1" 0 0 1280 720 | awk '{print $6}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
places() { grep -c '"state"' "$TMP/hours.trace"; }
turns() { # turns STATE SECONDS NAME LOG: --trace says STATE in time, the journal LOG
	for _ in $(seq $(($2 * 10))); do grep -q "\"hours\":\"$1\"" "$TMP/hours.trace" && break; sleep 0.1; done
	grep -q "\"hours\":\"$1\"" "$TMP/hours.trace" && pass "$3 (--trace)" || fail "$3 (--trace)" "$(cat "$TMP/hours.trace")"
	grep -qF "<6>twinhall: $4" "$TMP/hours.log" && pass "$3: one journal line saying until when" \
		|| fail "$3: one journal line saying until when" "$(cat "$TMP/hours.log")"
}
shows_loop() { # shows_loop NAME SECONDS: within SECONDS the screen shows pictures, not a flat colour
	local s i
	for i in $(seq $(($2 * 5))); do
		shot "$TMP/loop.png"
		s=$(sd "$TMP/loop.png")
		awk -v s="$s" 'BEGIN { exit !(s > 10) }' && break
		sleep 0.2
	done
	awk -v s="$s" 'BEGIN { exit !(s > 10) }' && pass "$1 (stddev $s)" || fail "$1" "stddev $s" "$(cat "$TMP/hours.log")"
}

c=$TMP/hours
copy_content "$c"
cat >>"$c/hall.yaml" <<'EOF'

time_zone: Asia/Yekaterinburg
opening_hours:
  monday: 09:00-13:00, 13:03-18:00
  tuesday: 09:00-13:00, 13:03-18:00
  wednesday: 09:00-13:00, 13:03-18:00
  thursday: 09:00-13:00, 13:03-18:00
  friday: 09:00-13:00, 13:03-18:00
  saturday: closed
  sunday: closed
EOF
expect_status "content with opening hours passes --check" 0 "$TH" --check "$c"
expect_output "--check says how the panel would be switched off here" \
	"^screen power: (DPMS through the X server $DISPLAY|none found here \(the X server $DISPLAY has no DPMS)"

# The panel's DPMS state as the X server reports it (xset q): "On", "Off",
# or "none" when this X server has no DPMS extension (Debian 12's Xvfb has
# none, so the journal's line is what can be checked there; nor has any X
# server of Debian 12 that runs without a GPU, Xorg's dummy driver
# included: docs/testing.md says what was tried).
nodpms="this X server has no DPMS extension, nor has any X server of Debian 12 without a GPU: docs/testing.md"
monitor() { xset q 2>/dev/null | sed -n 's/^ *Monitor is \([A-Za-z]*\).*/\1/p' | grep . || echo none; }

# 12:59:00 in Perm on a Monday (07:59:00 UTC, the PC's zone) at 20x:
# closed 3 s from now, open again 9 s later.
TZ=UTC "$TH" --window 1280x720 --trace --clock-speed 20 --clock-start "2026-11-23 07:59:00" \
	--state-dir "$TMP/hours-state" "$c" >"$TMP/hours.trace" 2>"$TMP/hours.log" &
pid=$!
shows_loop "open: the attract loop shows" 2
if grep -qF "<6>twinhall: screen power: DPMS through the X server $DISPLAY" "$TMP/hours.log" ||
	grep -qF "<6>twinhall: screen power: none (the X server $DISPLAY has no DPMS extension" "$TMP/hours.log"; then
	pass "the journal says how the panel is switched off ($(monitor) DPMS here)"
else
	fail "the journal says how the panel is switched off" "$(cat "$TMP/hours.log")"
fi
turns closed 6 "at 13:00 the hall closes" \
	'closed (opening hours): the screen is dark until Mon 2026-11-23 13:03 (Asia/Yekaterinburg)'
sleep 0.5
shot "$TMP/dark.png"
rgb=$(mean_rgb "$TMP/dark.png")
[ "$rgb" = "0 0 0" ] && awk -v s="$(sd "$TMP/dark.png")" 'BEGIN { exit !(s == 0) }' && pass "closed: the screen is black" \
	|| fail "closed: the screen is black" "mean rgb $rgb, stddev $(sd "$TMP/dark.png")"
case $(monitor) in
Off) pass "closed: the X server's DPMS says the monitor is off" ;;
none) echo "SKIP closed: the monitor is off by DPMS ($nodpms)" ;;
*) fail "closed: the X server's DPMS says the monitor is off" "$(xset q | sed -n '/DPMS/,$p')" ;;
esac

# Dark: no CPU (no animation, no attract loop).
t0=$(cpu_ticks)
sleep 2
t1=$(cpu_ticks)
[ $((t1 - t0)) -le 10 ] && pass "closed: no CPU used ($((t1 - t0)) ticks of 10 ms in 2 s)" \
	|| fail "closed: no CPU used" "$((t1 - t0)) ticks of 10 ms in 2 s"

# A visitor's tap does nothing while dark.
n=$(places)
xdotool mousemove 640 360 click 1
sleep 0.4
shot "$TMP/dark2.png"
[ "$(places)" -eq "$n" ] && [ "$(mean_rgb "$TMP/dark2.png")" = "0 0 0" ] \
	&& pass "closed: a tap does nothing" || fail "closed: a tap does nothing" "$(tail -3 "$TMP/hours.trace")"

# The staff corner still opens the panel (5 s of the fast clock: 0.25 s).
xdotool mousemove 1270 710 mousedown 1
sleep 0.8
xdotool mouseup 1
sleep 0.3
grep -q '"panel":"open"' "$TMP/hours.trace" && pass "closed: the staff corner opens the panel" \
	|| fail "closed: the staff corner opens the panel" "$(cat "$TMP/hours.trace")"
shot "$TMP/panel.png"
s=$(sd "$TMP/panel.png")
awk -v s="$s" 'BEGIN { exit !(s > 5) }' && pass "closed: the panel is drawn over the dark screen" \
	|| fail "closed: the panel is drawn over the dark screen" "stddev $s"

# 13:03: open again, the attract loop from its start.
turns open 12 "at 13:03 the hall opens again" \
	'open (opening hours) until Mon 2026-11-23 18:00 (Asia/Yekaterinburg): the slideshow runs'
shows_loop "open again: the attract loop shows" 3
case $(monitor) in
On | none) [ "$(monitor)" = none ] && echo "SKIP open again: the monitor is on by DPMS ($nodpms)" \
	|| pass "open again: the X server's DPMS says the monitor is on" ;;
*) fail "open again: the X server's DPMS says the monitor is on" "$(xset q | sed -n '/DPMS/,$p')" ;;
esac
n=$(grep -c 'opening hours' "$TMP/hours.log")
[ "$n" -eq 2 ] && pass "one journal line per change, not per frame" || fail "one journal line per change" "$n lines"
kill -TERM "$pid"
wait "$pid"
[ $? -eq 0 ] && pass "SIGTERM ends it with status 0" || fail "SIGTERM ends it with status 0"
