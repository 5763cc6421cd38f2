#!/usr/bin/env bash
# HDMI-CEC for a TV (hall.yaml display_power: cec), without a TV: a fake
# libcec (tests/fakes/fake_libcec.c, loaded with the test hook
# --cec-library) writes down each call the hall makes. In Xvfb on a fast
# clock the hall puts the TV in standby at closing and switches it on (and
# to its input) at opening, from a thread of its own: a libcec that hangs
# never stops the hall drawing or ending. A missing library or adapter is
# one clear journal line and the screen is only drawn black; --check says
# which it is, with the fake, without a library, and with Debian's real
# libcec6 on this PC (no adapter here), and with it hidden.
. "$(dirname "$0")/lib.sh"
export TWINHALL_TEST_HOOKS=1
PROBE=$BUILD/tools/pngprobe
FAKE=$TMP/fake-libcec.so
export FAKE_CEC_LOG=$TMP/cec-calls.log

cc -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -shared -fPIC -o "$FAKE" tests/fakes/fake_libcec.c \
	&& pass "the fake libcec builds against libcec-dev's cecc.h" || fail "the fake libcec builds"

c=$TMP/cec
copy_content "$c"
cat >>"$c/hall.yaml" <<'EOF2'

time_zone: Asia/Yekaterinburg
display_power: cec
opening_hours:
  monday: 09:00-13:00, 13:01-18:00
  tuesday: closed
  wednesday: closed
  thursday: closed
  friday: closed
  saturday: closed
  sunday: closed
EOF2

# --check: which way this PC would switch the TV, without opening the adapter.
: >"$FAKE_CEC_LOG"
expect_status "--check passes with display_power: cec" 0 "$TH" --check --cec-library "$FAKE" "$c"
expect_output "--check names the adapter the fake libcec finds" \
	'^screen power: HDMI-CEC through the adapter /dev/ttyFAKE0$'
grep -q '^open' "$FAKE_CEC_LOG" && fail "--check leaves the adapter to the running hall" "$(cat "$FAKE_CEC_LOG")" \
	|| pass "--check leaves the adapter to the running hall (no libcec_open)"
expect_status "--check without the library still passes" 0 "$TH" --check --cec-library "$TMP/none/libcec.so.6" "$c"
expect_output "--check says the library is missing" \
	"^screen power: none found here \(HDMI-CEC: the library $TMP/none/libcec.so.6 cannot be loaded\)"
if [ -e /usr/lib/x86_64-linux-gnu/libcec.so.6 ] || ldconfig -p | grep -q 'libcec\.so\.6 '; then
	expect_status "--check with Debian's libcec6 passes" 0 env -u TWINHALL_TEST_HOOKS "$TH" --check "$c"
	expect_output "--check with Debian's libcec6 says no adapter is plugged in here" \
		"^screen power: none found here \(HDMI-CEC: no USB-CEC adapter found\)"
	# The same PC without libcec6: its file hidden in a mount namespace.
	real=$(readlink -f "$(ldconfig -p | awk '/libcec\.so\.6 / {print $NF; exit}')")
	if [ -n "$real" ] && unshare -m true 2>/dev/null; then
		OUT=$(unshare -m sh -c 'mount --bind /dev/null "$1" && shift && "$@"' sh "$real" \
			env -u TWINHALL_TEST_HOOKS "$TH" --check "$c" 2>&1)
		expect_output "--check without libcec6 installed says so" \
			'^screen power: none found here \(HDMI-CEC: libcec6 is not installed\)'
	else
		echo "SKIP --check without libcec6 (no mount namespace here to hide it)"
	fi
else
	echo "SKIP --check with Debian's libcec6 (libcec6 is not installed here)"
fi
expect_status "--cec-library is refused without TWINHALL_TEST_HOOKS=1" 2 \
	env -u TWINHALL_TEST_HOOKS "$TH" --check --cec-library "$FAKE" "$c"

start_xvfb 640 360
trap 'kill $xvfb 2>/dev/null; kill $pid 2>/dev/null' EXIT
shot() { import -display "$DISPLAY" -window root "$1" 2>/dev/null; }
mean_rgb() { "$PROBE" "$1" 0 0 640 360 | awk '{print $8, $9, $10}'; }
# hall NAME ARGS...: the hall on $c from 12:59:30 in Perm on a Monday at 20x
# (closed 1.5 s from now, open again 3 s later); journal in $TMP/NAME.log.
hall() {
	local name=$1
	shift
	TZ=UTC "$TH" --window 640x360 --trace --clock-speed 20 --clock-start "2026-11-23 07:59:30" \
		--state-dir "$TMP/$name-state" "$@" "$c" >"$TMP/$name.trace" 2>"$TMP/$name.log" &
	pid=$!
}
# waits_for FILE PATTERN SECONDS: FILE has a line matching PATTERN in time.
waits_for() {
	for _ in $(seq $(($3 * 10))); do grep -qE -- "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
	return 1
}
ends() { # ends NAME: SIGTERM ends the hall with status 0
	kill -TERM "$pid"
	wait "$pid"
	local rc=$?
	[ $rc -eq 0 ] && pass "$1: SIGTERM ends it with status 0" || fail "$1: SIGTERM ends it with status 0" "exit $rc" "$(tail -5 "$TMP/$1.log")"
}

# The TV in standby at closing, on again at opening.
: >"$FAKE_CEC_LOG"
hall tv --cec-library "$FAKE"
waits_for "$TMP/tv.log" 'screen power: HDMI-CEC through the adapter /dev/ttyFAKE0$' 5 \
	&& pass "the journal names the HDMI-CEC adapter" || fail "the journal names the HDMI-CEC adapter" "$(cat "$TMP/tv.log")"
grep -q '^initialise twinhall type 4$' "$FAKE_CEC_LOG" && grep -q '^open /dev/ttyFAKE0' "$FAKE_CEC_LOG" \
	&& pass "libcec starts as the playback device twinhall and opens the adapter" \
	|| fail "libcec starts as the playback device twinhall and opens the adapter" "$(cat "$FAKE_CEC_LOG")"
grep -qE '^(standby|power_on)' "$FAKE_CEC_LOG" && fail "open: the TV is left alone" "$(cat "$FAKE_CEC_LOG")" \
	|| pass "open: the TV is left alone"
waits_for "$TMP/tv.trace" '"hours":"closed"' 5 && waits_for "$FAKE_CEC_LOG" '^standby 0$' 5 \
	&& pass "at closing the TV (logical address 0) is put in standby" \
	|| fail "at closing the TV is put in standby" "$(cat "$FAKE_CEC_LOG")" "$(tail -3 "$TMP/tv.trace")"
grep -qF '<6>twinhall: screen power: the panel is off (HDMI-CEC through the adapter /dev/ttyFAKE0)' "$TMP/tv.log" \
	&& pass "the journal says the panel is off by HDMI-CEC" || fail "the journal says the panel is off by HDMI-CEC" "$(cat "$TMP/tv.log")"
grep -q '^power_on' "$FAKE_CEC_LOG" && fail "closed: the TV stays in standby" "$(cat "$FAKE_CEC_LOG")" \
	|| pass "closed: the TV stays in standby"
waits_for "$TMP/tv.trace" '"hours":"open"' 8 && waits_for "$FAKE_CEC_LOG" '^set_active_source 4$' 5 \
	&& [ "$(grep -E '^(standby|power_on|set_active)' "$FAKE_CEC_LOG" | tr '\n' ' ')" = "standby 0 power_on 0 set_active_source 4 " ] \
	&& pass "at opening the TV is switched on and shows this PC" \
	|| fail "at opening the TV is switched on and shows this PC" "$(cat "$FAKE_CEC_LOG")"
ends tv
[ "$(tail -2 "$FAKE_CEC_LOG" | tr '\n' ' ')" = "close destroy " ] && pass "at exit the adapter is closed and libcec stopped" \
	|| fail "at exit the adapter is closed and libcec stopped" "$(cat "$FAKE_CEC_LOG")"

# No library: one clear line, the screen only drawn black, no crash.
hall nolib --cec-library "$TMP/none/libcec.so.6"
waits_for "$TMP/nolib.trace" '"hours":"closed"' 5
sleep 0.5
shot "$TMP/nolib.png"
[ "$(mean_rgb "$TMP/nolib.png")" = "0 0 0" ] && pass "no libcec: closed, the screen is drawn black" \
	|| fail "no libcec: closed, the screen is drawn black" "$(mean_rgb "$TMP/nolib.png")"
line="<4>twinhall: screen power: HDMI-CEC is not available (the library $TMP/none/libcec.so.6 cannot be loaded): when the hall is closed the screen is only drawn black"
[ "$(grep -c 'HDMI-CEC' "$TMP/nolib.log")" -eq 2 ] && grep -qxF "$line" "$TMP/nolib.log" \
	&& pass "no libcec: one clear journal line (after the start's)" || fail "no libcec: one clear journal line" "$(cat "$TMP/nolib.log")"
ends nolib

# No adapter: the same, and libcec never told to open one.
: >"$FAKE_CEC_LOG"
FAKE_CEC_ADAPTERS=0 hall noadapter --cec-library "$FAKE"
waits_for "$TMP/noadapter.trace" '"hours":"closed"' 5
sleep 0.5
grep -qF '<4>twinhall: screen power: HDMI-CEC is not available (no USB-CEC adapter found)' "$TMP/noadapter.log" \
	&& [ "$(grep -c 'HDMI-CEC' "$TMP/noadapter.log")" -eq 2 ] \
	&& pass "no adapter: one clear journal line" || fail "no adapter: one clear journal line" "$(cat "$TMP/noadapter.log")"
grep -qE '^(open|standby)' "$FAKE_CEC_LOG" && fail "no adapter: nothing opened or sent" "$(cat "$FAKE_CEC_LOG")" \
	|| pass "no adapter: nothing opened or sent"
ends noadapter

# A TV that never answers: libcec_open takes 60 s; the hall still closes
# on time, draws black, and ends on SIGTERM without waiting for libcec.
FAKE_CEC_OPEN_S=60 hall hang --cec-library "$FAKE"
waits_for "$TMP/hang.trace" '"hours":"closed"' 5 && pass "libcec hanging: the hall still closes on time" \
	|| fail "libcec hanging: the hall still closes on time" "$(cat "$TMP/hang.trace")"
sleep 0.5
shot "$TMP/hang.png"
[ "$(mean_rgb "$TMP/hang.png")" = "0 0 0" ] && pass "libcec hanging: the screen is drawn black" \
	|| fail "libcec hanging: the screen is drawn black" "$(mean_rgb "$TMP/hang.png")"
t0=$SECONDS
ends hang
[ $((SECONDS - t0)) -lt 30 ] && grep -qF 'HDMI-CEC did not finish within 5 s' "$TMP/hang.log" \
	&& pass "libcec hanging: the hall ends without waiting for it ($((SECONDS - t0)) s)" \
	|| fail "libcec hanging: the hall ends without waiting for it" "$((SECONDS - t0)) s" "$(cat "$TMP/hang.log")"

# hall.yaml moved from cec to dpms while libcec hangs: the hall takes DPMS
# at once and goes on (closing 6 s after the start), leaving the libcec
# thread to end by itself instead of waiting for it.
s=$TMP/cec-switch
rm -rf "$s"
cp -r "$c" "$s"
FAKE_CEC_OPEN_S=60 TZ=UTC "$TH" --window 640x360 --trace --clock-speed 20 \
	--clock-start "2026-11-23 07:58:00" --state-dir "$TMP/switch-state" --cec-library "$FAKE" "$s" \
	>"$TMP/switch.trace" 2>"$TMP/switch.log" &
pid=$!
waits_for "$TMP/switch.log" 'screen power: HDMI-CEC \(looking for the adapter\)' 5
sed -i 's/^display_power: cec$/display_power: dpms/' "$s/hall.yaml"
waits_for "$TMP/switch.log" 'screen power: (DPMS through the X server|none \(the X server)' 5 \
	&& pass "a reload to display_power: dpms switches to DPMS while libcec hangs" \
	|| fail "a reload to display_power: dpms switches to DPMS while libcec hangs" "$(cat "$TMP/switch.log")"
waits_for "$TMP/switch.trace" '"hours":"closed"' 10 && ! grep -q 'did not finish' "$TMP/switch.log" \
	&& pass "after the switch the hall closes on time, not waiting for libcec" \
	|| fail "after the switch the hall closes on time, not waiting for libcec" "$(cat "$TMP/switch.log")"
ends switch
