#!/usr/bin/env bash
# Every change of place ends on the right frame, live: the real program in
# Xvfb under the software renderer and under OpenGL (Mesa), driven with
# xdotool. Once each change has come to rest the screen must match the
# headless render (--screenshot) of the place it is at: no ghost of the
# place left, no fade stopped half way, the photo's caption in. Every wait
# looks for what it waits for (the screen at rest, a reload in the trace),
# with a generous limit, rather than sleeping a fixed time. Naming a
# renderer turns SDL's batching off; the hall names none, so the test
# turns it back on (SDL_RENDER_BATCHING=1) to draw as the hall does.
. "$(dirname "$0")/lib.sh"
W=1280 H=720
start_xvfb $W $H
trap 'kill $xvfb 2>/dev/null; kill $pid 2>/dev/null' EXIT
shot() { import -display "$DISPLAY" -window root "$1" 2>/dev/null; }
live=$TMP/final-content
copy_content "$live"

# same NAME PLACE TAG: the screen ends on the headless render of PLACE.
same() {
	local name=$1 place=$2
	"$TH" --screenshot "$TMP/final-want.png" --size ${W}x$H --at "$place" "$live" >/dev/null 2>&1
	if settles_on "$TMP/final-want.png" "$TMP/final-diff-$rd-$3.png"; then
		pass "$rd: $name ends on $place as drawn headless ($settled)"
	else
		fail "$rd: $name ends on $place as drawn headless" "$settled" "$(tail -3 "$TMP/final.log")"
	fi
}

# reloaded N: waits for the Nth reload in the trace, then a second (a
# reload may hold the last frame that long while images decode), then for
# the screen to come to rest; the screen in $TMP/final-live.png.
reloaded() {
	lines_in "$TMP/final.trace" '"reload":' "$1"
	sleep 1
	at_rest "$TMP/final-live.png"
}

for rd in software opengl; do
	"$TH" --screenshot "$TMP/final-top.png" --size ${W}x$H --at city/oxford/history "$live" >/dev/null 2>&1
	SDL_RENDER_DRIVER=$rd SDL_RENDER_BATCHING=1 STATE_DIRECTORY=$TMP/final-state-$rd \
		"$TH" --window ${W}x$H --trace --at city/oxford/history "$live" >"$TMP/final.trace" 2>"$TMP/final.log" &
	pid=$!
	hall_window "$pid"
	settles_on "$TMP/final-top.png" "$TMP/final-diff-$rd-top.png" # up and at rest
	# A visitor scrolls Oxford's history down and reads; staff save another
	# city's file: the visitor stays where they were, on a clean frame.
	drag 640 600 640 200
	at_rest "$TMP/final-before.png" # a fling coasts for up to 2-3 s
	if "$BUILD/tools/pngdiff" "$TMP/final-top.png" "$TMP/final-before.png" 0.5 >/dev/null; then
		fail "$rd: the drag scrolled the history" "the screen is still at its top"
	fi
	echo "# saved" >>"$live/cities/qingdao/city.yaml"
	reloaded 1
	if r=$("$BUILD/tools/pngdiff" "$TMP/final-before.png" "$TMP/final-live.png" 0.5 "$TMP/final-diff-$rd-kept.png"); then
		pass "$rd: a reload keeps the visitor's place in a scrolled history ($r)"
	else
		fail "$rd: a reload keeps the visitor's place in a scrolled history" "$r" "$(tail -3 "$TMP/final.log")"
	fi
	# And a save while the timeline still coasts ends on a clean frame: the
	# same as a moment later, with no blend of two positions.
	drag 640 600 640 300
	sleep 0.1
	echo "# saved again" >>"$live/cities/qingdao/city.yaml"
	lines_in "$TMP/final.trace" '"reload":' 2
	at_rest "$TMP/final-before.png"
	sleep 1.5
	shot "$TMP/final-live.png"
	if r=$("$BUILD/tools/pngdiff" "$TMP/final-before.png" "$TMP/final-live.png" 0.5 "$TMP/final-diff-$rd-coast.png"); then
		pass "$rd: a reload while the history coasts comes to rest ($r)"
	else
		fail "$rd: a reload while the history coasts comes to rest" "$r"
	fi
	# A city's photos: the next photo by a swipe, twice; each must end at
	# rest with its caption and counter.
	kill "$pid"
	wait "$pid" 2>/dev/null
	"$TH" --screenshot "$TMP/final-want.png" --size ${W}x$H --at city/oxford/photos/1 "$live" >/dev/null 2>&1
	SDL_RENDER_DRIVER=$rd SDL_RENDER_BATCHING=1 STATE_DIRECTORY=$TMP/final-state-$rd \
		"$TH" --window ${W}x$H --at city/oxford/photos/1 "$live" >"$TMP/final.log" 2>&1 &
	pid=$!
	hall_window "$pid"
	settles_on "$TMP/final-want.png" "$TMP/final-diff-$rd-photo1.png" # up and at rest
	drag 1000 360 300 360
	same "a swipe to the next photo" city/oxford/photos/2 swipe
	drag 1000 360 300 360
	same "another swipe" city/oxford/photos/3 swipe2
	kill "$pid"
	wait "$pid" 2>/dev/null
	# A visitor wakes the slideshow (no slide may show through the home
	# cards), then opens the city under the finger, Louisville's card below
	# the map (the crossfade must reach its last frame).
	SDL_RENDER_DRIVER=$rd SDL_RENDER_BATCHING=1 STATE_DIRECTORY=$TMP/final-state-$rd \
		"$TH" --window ${W}x$H --trace "$live" >"$TMP/final.trace" 2>"$TMP/final.log" &
	pid=$!
	hall_window "$pid"
	sleep 3
	xdotool mousemove 640 400 click 1
	same "a wake" home wake
	xdotool click 1
	sleep 0.5
	at=$(grep -o '"state":"[^"]*"' "$TMP/final.trace" | tail -1 | cut -d'"' -f4)
	case $at in
	city/*) same "opening a city" "$at" open ;;
	*) fail "$rd: a tap on home opens a city" "the trace says $at" ;;
	esac
	kill "$pid"
	wait "$pid" 2>/dev/null
done

# Staff add a seventh city, then five more, while the hall shows home: each
# reload ends on home as drawn headless, every card and badge whole.
rd=software
"$TH" --screenshot "$TMP/final-want.png" --size ${W}x$H --at home "$live" >/dev/null 2>&1
"$TH" --window ${W}x$H --at home "$live" >"$TMP/final.log" 2>&1 &
pid=$!
hall_window "$pid"
settles_on "$TMP/final-want.png" "$TMP/final-diff-home.png" # up and at rest
add_cities() { # add_cities FROM TO: copies of Oxford (a suspended link) as cities FROM..TO
	local list=""
	for i in $(seq "$1" "$2"); do
		cp -r "$live/cities/oxford" "$TMP/oxford$i"
		mv "$TMP/oxford$i" "$live/cities/oxford$i"
		list="$list  - oxford$i\n"
	done
	sed -i "s/^  - duisburg$/  - duisburg\n$list/" "$live/hall.yaml"
	sed -i '/^$/N;/^\n$/D' "$live/hall.yaml"
}
add_cities 7 7
same "a seventh city" home seven
add_cities 8 12
same "twelve cities" home twelve
kill "$pid"
wait "$pid" 2>/dev/null
exit 0
