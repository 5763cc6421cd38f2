#!/usr/bin/env bash
# A reload storm under AddressSanitizer and UBSan: the sanitized program
# in Xvfb while a visitor taps and swipes and staff rewrite a city 200
# times in bursts, each rewrite followed by SIGHUP (so loads also land on
# half-written and broken files). No crash, no sanitizer report, no leak
# at exit, and the last content wins on screen.
. "$(dirname "$0")/lib.sh"
DBG=$BUILD/debug/twinhall
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Leaks are judged at the end (end_sanitized), by whose code allocated them: SDL's X11 backend
# loads and unloads libraries whose few allocations at exit show up as
# "<unknown module>", which no suppression can name.
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0:exitcode=0
export SDL_RENDER_DRIVER=software # as on the display PC without a GPU; no GL driver's own leaks
export STATE_DIRECTORY=$TMP/storm-state
c=$TMP/storm
copy_content "$c"
oxford=$c/cities/oxford/city.yaml
cp "$oxford" "$TMP/oxford.yaml"

start_xvfb 1280 720
trap 'kill $pid $visitor 2>/dev/null; kill $xvfb 2>/dev/null' EXIT
"$DBG" --kiosk --trace --at city/oxford/photos/1 "$c" >"$TMP/storm.trace" 2>"$TMP/storm.log" &
pid=$!
timeout 20 xdotool search --sync --onlyvisible --pid "$pid" >/dev/null 2>&1

# The visitor: taps all over (cards, buttons, photos) and swipes.
(
	RANDOM=7
	while :; do
		xdotool mousemove $((RANDOM % 1280)) $((RANDOM % 720)) click 1 2>/dev/null
		if [ $((RANDOM % 4)) -eq 0 ]; then
			xdotool mousemove 1000 400 mousedown 1 mousemove 700 400 mousemove 300 400 mouseup 1 2>/dev/null
		fi
		sleep 0.05
	done
) &
visitor=$!

for burst in $(seq 20); do
	for k in $(seq 10); do
		n=$(((burst - 1) * 10 + k))
		if [ $((n % 7)) -eq 0 ]; then # a mistake now and then
			sed "0,/caption:/s/caption:/captoin:/" "$TMP/oxford.yaml" >"$oxford"
		else
			sed "s/приехала в Пермь/приехала в Пермь (вариант $n)/" "$TMP/oxford.yaml" >"$oxford"
		fi
		kill -HUP "$pid" 2>/dev/null
		sleep 0.02
	done
	sleep 0.6
done
kill "$visitor" 2>/dev/null
wait "$visitor" 2>/dev/null
kill -0 "$pid" 2>/dev/null && pass "storm: the sanitized program survives 200 rewrites while navigating" \
	|| fail "storm: the sanitized program survives 200 rewrites while navigating" "$(tail -20 "$TMP/storm.log")"

# The last content wins: the final save shows where the visitor is.
sed "s/приехала в Пермь/приехала в Пермь (последний вариант)/" "$TMP/oxford.yaml" >"$oxford"
before=$(grep -c '"reload":"ok"' "$TMP/storm.trace")
for _ in $(seq 150); do [ "$(grep -c '"reload":"ok"' "$TMP/storm.trace")" -gt "$before" ] && break; sleep 0.1; done
sleep 1.5
loads=$(grep -c '"reload":"' "$TMP/storm.trace")
rejected=$(grep -cE '"reload":"(rejected|partial)"' "$TMP/storm.trace")
[ "$loads" -ge 20 ] && [ "$rejected" -ge 1 ] && pass "storm: $loads loads, $rejected of them rejected" \
	|| fail "storm: many loads, some rejected" "loads $loads, rejected $rejected"
place=$(grep '"state"' "$TMP/storm.trace" | tail -1 | sed -E 's/.*"state":"([^"]*)".*"lang":"([^"]*)".*/\1 \2/')
read -r at lang <<<"$place"
if [ "${at%%/*}" = attract ]; then at=home; fi # the loop moves on; judge by a still screen
SDL_VIDEODRIVER=dummy "$TH" --screenshot "$TMP/final.png" --at "$at" --lang "$lang" --size 1280x720 "$c" >/dev/null 2>&1
import -display "$DISPLAY" -window root "$TMP/storm.png" 2>/dev/null
if [ "${place%% *}" = attract ]; then
	pass "storm: the last content wins (the visitor left for the loop)"
elif out=$("$BUILD/tools/pngdiff" "$TMP/final.png" "$TMP/storm.png" 0.5); then
	pass "storm: the last content wins on screen ($at)"
else
	fail "storm: the last content wins on screen ($at)" "$out"
fi

end_sanitized storm "$TMP/storm.log"
exit 0
