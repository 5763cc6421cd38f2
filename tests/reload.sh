#!/usr/bin/env bash
# Live reload of the real program in Xvfb: staff edit content while it
# runs, and the screen follows - edits in place and by rename, a city added
# and the one on screen removed - while what is half-written, broken or
# still being copied never reaches it. Each outcome is checked on screen:
# a screenshot of the running program against a headless render of the
# content it should show. Then a start with broken content and a last good
# snapshot.
. "$(dirname "$0")/lib.sh"
PNGDIFF=$BUILD/tools/pngdiff
export STATE_DIRECTORY=$TMP/reload-state
c=$TMP/live
copy_content "$c"
oxford=$c/cities/oxford/city.yaml

start_xvfb 1280 720
trap 'kill $pid 2>/dev/null; kill $xvfb 2>/dev/null' EXIT

start() { # start PLACE: the program on $c, full screen, its trace in $TMP/trace
	: >"$TMP/trace"
	"$TH" --kiosk --trace --at "$1" "$c" >"$TMP/trace" 2>"$TMP/log" &
	pid=$!
	timeout 10 xdotool search --sync --onlyvisible --pid "$pid" >/dev/null 2>&1
	lines_in "$TMP/trace" '"state"' 1 # up, its folder watched
}
reloads() { grep -c '"reload":"' "$TMP/trace"; }
# wait_reload N: until the trace has N reload lines (10 s at most); the
# last line is in $last. A change that must show is then looked for by
# screen_is; where nothing must change, the crossfade's time (0.8 s) is
# waited first (unchanged_after_reload), so a change would be seen.
wait_reload() {
	for _ in $(seq 100); do [ "$(reloads)" -ge "$1" ] && break; sleep 0.1; done
	last=$(grep '"reload":"' "$TMP/trace" | tail -1)
}
unchanged_after_reload() { sleep 0.8; }
render() { # render NAME PLACE [DIR]: what the screen should show, headless
	SDL_VIDEODRIVER=dummy "$TH" --screenshot "$TMP/$1.png" --at "$2" --size 1280x720 "${3:-$c}" >/dev/null 2>&1
}
# screen_is NAME CHECK: the running program's screen comes to match render
# NAME within 6 s (a reload may hold the last frame up to a second while
# the new place's images decode, then crossfade).
screen_is() {
	local out
	for _ in $(seq 24); do
		import -display "$DISPLAY" -window root "$TMP/screen.png" 2>/dev/null
		out=$("$PNGDIFF" "$TMP/$1.png" "$TMP/screen.png" 0.5) && break
		sleep 0.25
	done
	if "$PNGDIFF" "$TMP/$1.png" "$TMP/screen.png" 0.5 >/dev/null; then pass "$2"; else
		fail "$2" "the screen is not $1: $out" "$(tail -3 "$TMP/log")"; fi
}

expect_reload() { # expect_reload N WANT CHECK: the Nth reload line says WANT
	wait_reload "$1"
	if printf '%s' "$last" | grep -q "$2"; then pass "$3"; else
		fail "$3" "reload $1: ${last:-none}, expected $2" "$(tail -3 "$TMP/log")"; fi
}

place=city/oxford/photos/2
start "$place"
render before "$place"
screen_is before "the program shows $place"

# 1. In place, as nano or sed -i do.
sed -i 's/приехала в Пермь/приехала в Пермь (правка 1)/' "$oxford"
render edit1 "$place"
expect_reload 1 '"reload":"ok"' "an edit in place is reloaded"
screen_is edit1 "an edit in place shows within a second, on the same photo"
"$PNGDIFF" "$TMP/before.png" "$TMP/edit1.png" 0.01 >/dev/null \
	&& fail "the edit changes the picture" "renders before and after are the same" || pass "the edit changes the picture"

# 2. By rename, as gedit, LibreOffice and most editors do: a scratch
# file first (ignored), then one rename.
sed 's/(правка 1)/(правка 2)/' "$oxford" >"$c/cities/oxford/.city.yaml.swp"
cp "$c/cities/oxford/.city.yaml.swp" "$c/cities/oxford/city.yaml.tmp"
sleep 1.5
[ "$(reloads)" -eq 1 ] && pass "editors' scratch files are not read" || fail "editors' scratch files are not read" "$(cat "$TMP/trace")"
mv "$c/cities/oxford/city.yaml.tmp" "$oxford"
rm "$c/cities/oxford/.city.yaml.swp"
render edit2 "$place"
expect_reload 2 '"reload":"ok"' "a save by rename is reloaded"
screen_is edit2 "a save by rename shows"
sleep 1.5
[ "$(reloads)" -eq 2 ] && pass "one save, one reload" || fail "one save, one reload" "$(cat "$TMP/trace")"

# 3. Half-written: the first half of the file, then the rest 0.4 s later
# (a slow writer). The half is never read.
sed 's/(правка 2)/(правка 3)/' "$oxford" >"$TMP/whole.yaml"
head -c $(($(stat -c %s "$TMP/whole.yaml") / 2)) "$TMP/whole.yaml" >"$oxford"
sleep 0.4
cat "$TMP/whole.yaml" >"$oxford"
render edit3 "$place"
expect_reload 3 '"reload":"ok"' "a half-written file is read only once it is whole"
screen_is edit3 "the whole file shows"
sleep 1.5
[ "$(reloads)" -eq 3 ] && pass "the half-written file was never read" || fail "the half-written file was never read" "$(cat "$TMP/trace")"

# 4. A mistake, twice, then its fix: the city keeps its last good
# version (the load is "partial"), the journal gets the located error once.
sed -i '0,/caption:/s/caption:/captoin:/' "$oxford"
expect_reload 4 '"reload":"partial",.*"cities":6,.*"errors":2' "a YAML error is not taken: its city stays as it was"
unchanged_after_reload
screen_is edit3 "a YAML error never reaches the screen"
grep -q "^<3>$c/cities/oxford/city.yaml:[0-9]*:[0-9]*: error: unknown field \"captoin\"" "$TMP/log" \
	&& pass "the error goes to the journal, located, with its level" || fail "the error goes to the journal, located" "$(cat "$TMP/log")"
kill -HUP "$pid"
expect_reload 5 '"partial"' "SIGHUP reads the content again: the same mistake is not taken again"
unchanged_after_reload # time for a second log line, which must not come
n=$(grep -c 'unknown field "captoin"' "$TMP/log")
[ "$n" -eq 1 ] && pass "the same error is logged once, not on every reload" || fail "the same error is logged once" "logged $n times"
# The staff panel: held 5 s in the bottom-right corner it opens over the
# hall (without staff_pin set: no folders, errors as file:line only), reads the content again on its button,
# and closes on its other button.
xdotool mousemove 1270 710 mousedown 1
sleep 4
grep -q '"panel":"open"' "$TMP/trace" && fail "the panel needs the whole 5 s hold" "open after 4 s" || pass "the panel needs the whole 5 s hold"
sleep 1.5
xdotool mouseup 1
sleep 0.5
panel=$(grep '"panel":"open"' "$TMP/trace" | tail -1)
[ -n "$panel" ] && pass "holding the corner 5 s opens the staff panel" || fail "holding the corner 5 s opens the staff panel" "$(cat "$TMP/trace")"
printf '%s' "$panel" | grep -q '"full":false' && pass "without staff_pin the panel opens without folders and error texts" \
	|| fail "without staff_pin the panel opens without folders and error texts" "$panel"
import -display "$DISPLAY" -window root "$TMP/panel.png" 2>/dev/null
"$PNGDIFF" "$TMP/edit3.png" "$TMP/panel.png" 5 >/dev/null && fail "the panel covers the screen" "the screen still shows the photo" || pass "the panel covers the screen"
center() { # center NAME: the middle of the panel's button NAME from the trace line
	printf '%s' "$panel" | sed -E "s/.*\"$1\":\[([0-9]+),([0-9]+),([0-9]+),([0-9]+)\].*/\1 \2 \3 \4/" |
		awk '{ print int($1 + $3 / 2), int($2 + $4 / 2) }'
}
read -r rx ry < <(center reload)
xdotool mousemove "$rx" "$ry" click 1
expect_reload 6 '"partial"' "the panel's button reads the content again"
lines_in "$TMP/log" 'reading .* again \(staff panel\)' 1 5
grep -q 'reading .* again (staff panel)' "$TMP/log" && pass "the panel's reload is logged" || fail "the panel's reload is logged" "$(cat "$TMP/log")"
read -r cx cy < <(center close)
xdotool mousemove "$cx" "$cy" click 1
sleep 0.5
grep -q '"panel":"closed"' "$TMP/trace" && pass "the panel's close button closes it" || fail "the panel's close button closes it" "$(tail -3 "$TMP/trace")"
screen_is edit3 "after the panel the hall is as it was"
grep -q '"state":"home"' "$TMP/trace" && fail "touches on the panel do not reach the hall" "$(cat "$TMP/trace")" || pass "touches on the panel do not reach the hall"

sed -i 's/captoin:/caption:/' "$oxford"
expect_reload 7 '"reload":"ok"' "the fix is reloaded"
unchanged_after_reload
screen_is edit3 "after the fix the hall shows the content"
lines_in "$TMP/log" 'is valid again' 1 5
grep -q 'is valid again' "$TMP/log" && pass "the fix is said in the journal" || fail "the fix is said in the journal" "$(cat "$TMP/log")"

# 5. A photo replaced over a slow link: half the JPEG, a stall longer than
# the quiet time, then the rest. The half photo is a located error (staff
# see it is cut short) and never shown; the old picture stays until the new
# one is whole.
photo=$c/cities/oxford/photos/02-twentieth-anniversary.jpg
new=$c/cities/oxford/photos/03-football-cup.jpg
size=$(stat -c %s "$new")
head -c $((size / 2)) "$new" >"$photo"
expect_reload 8 '"reload":"partial"' "a photo cut short by a stalled copy is not taken"
grep -qE '^<3>.*city.yaml:[0-9]+:[0-9]+: error: photos/02-twentieth-anniversary.jpg is cut short' "$TMP/log" \
	&& pass "the cut photo is a located error in the journal" || fail "the cut photo is a located error in the journal" "$(tail -3 "$TMP/log")"
unchanged_after_reload
sleep 0.5
screen_is edit3 "a photo still being copied is not shown; the old one stays"
cat "$new" >"$photo"
render photo "$place"
expect_reload 9 '"reload":"ok"' "the finished copy is reloaded"
sleep 0.5
screen_is photo "the finished photo shows"

# 6. The city on screen is removed from the list: home. 7. A city added.
sed -i '/^  - oxford$/d' "$c/hall.yaml"
render home5 home
expect_reload 10 '"cities":5' "removing a city is reloaded"
lines_in "$TMP/trace" '"state":"home"' 1 5
grep -q '"state":"home"' "$TMP/trace" && pass "the visitor on the removed city goes home" || fail "the visitor on the removed city goes home" "$(cat "$TMP/trace")"
screen_is home5 "home shows five cities"
cp -r "$c/cities/duisburg" "$c/cities/testville"
sed -i 's/en: Duisburg/en: Testville/; s/ru: Дуйсбург/ru: Тествиль/' "$c/cities/testville/city.yaml"
sed -i 's/^  - oxford$//; s/^  - duisburg$/  - duisburg\n  - testville/' "$c/hall.yaml"
render home6 home
expect_reload 11 '"cities":6' "adding a city is reloaded"
screen_is home6 "home shows the added city"

# The snapshot: saved after the last good load (once 2 s have been quiet),
# of this directory.
for _ in $(seq 100); do grep -q "testville" "$STATE_DIRECTORY/last-good/hall.yaml" 2>/dev/null && break; sleep 0.1; done
grep -q "^from=$(realpath "$c")$" "$STATE_DIRECTORY/last-good.info" 2>/dev/null &&
	grep -q "testville" "$STATE_DIRECTORY/last-good/hall.yaml" 2>/dev/null \
	&& pass "the last good content is kept in the state directory" || fail "the last good content is kept in the state directory" "$(ls -la "$STATE_DIRECTORY" 2>&1)"
kill -TERM "$pid"
wait "$pid"
[ $? -eq 0 ] && pass "SIGTERM after reloads ends with status 0" || fail "SIGTERM after reloads ends with status 0"

# 8. A restart with broken content on disk: the last good content shows.
sed -i 's/^title:/titel:/' "$c/hall.yaml"
render snapshot home "$STATE_DIRECTORY/last-good"
start home
lines_in "$TMP/log" '^<4>twinhall: showing the last good content' 1 5
grep -q '^<4>twinhall: showing the last good content, saved' "$TMP/log" \
	&& pass "broken at start: the journal says the last good content is shown" || fail "broken at start: the journal says so" "$(cat "$TMP/log")"
screen_is snapshot "broken at start: the last good content is on screen, not a notice"
sed -i 's/^titel:/title:/' "$c/hall.yaml"
expect_reload 1 '"reload":"ok"' "broken at start, then fixed: reloaded"
screen_is home6 "then the fixed content shows"
kill -TERM "$pid"
wait "$pid"

# 9. A restart with one city broken: the hall.yaml is good, so the folder
# is shown, and the broken city is the last good copy's (a first read that
# skipped the copy would leave it out: five cities).
for _ in $(seq 100); do grep -q "testville" "$STATE_DIRECTORY/last-good/hall.yaml" 2>/dev/null && break; sleep 0.1; done
sed -i '0,/^  en: Testville$/{/^  en: Testville$/d}' "$c/cities/testville/city.yaml"
start home
lines_in "$TMP/log" '^<3>twinhall: .* has 1 error' 1 5
grep -q '^<3>twinhall: .* has 1 error; the hall shows the rest' "$TMP/log" \
	&& pass "one city broken at start: the journal says the rest is shown" || fail "one city broken at start: the journal says the rest is shown" "$(cat "$TMP/log")"
screen_is home6 "one city broken at start: it is the last good copy's, not left out"
kill -TERM "$pid"
wait "$pid"
exit 0
