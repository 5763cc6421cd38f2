#!/usr/bin/env bash
# A visitor swipes through every photo of a city, live: the real program
# in Xvfb (software renderer, batching on as in the hall), driven with
# xdotool. After each swipe, and after swiping past the last photo (the
# rubber band), the screen must match the headless render (--screenshot)
# of the photo it is at: the photo at rest in its place, its caption and
# its counter in. Then back to the first by the left arrow.
. "$(dirname "$0")/lib.sh"
W=1280 H=720
start_xvfb $W $H
trap 'kill $xvfb 2>/dev/null; kill $pid 2>/dev/null' EXIT
live=$TMP/photos-content
copy_content "$live"
city=${CITY:-louisville}
n=$(grep -c '^  - file: photos/' "$live/cities/$city/city.yaml")

# same NAME N: the screen ends on the headless render of photo N.
same() {
	local name=$1 place=city/$city/photos/$2
	"$TH" --screenshot "$TMP/photos-want.png" --size ${W}x$H --at "$place" "$live" >/dev/null 2>&1
	if settles_on "$TMP/photos-want.png" "$TMP/photos-diff-$2.png"; then
		pass "$name ends on $place with its caption, as drawn headless ($settled)"
	else
		fail "$name ends on $place with its caption, as drawn headless" "$settled" "$(tail -3 "$TMP/photos.log")"
	fi
}
swipe() { drag "$1" 360 "$2" 360; } # swipe X0 X1: across the middle

SDL_RENDER_DRIVER=software SDL_RENDER_BATCHING=1 STATE_DIRECTORY=$TMP/photos-state \
	"$TH" --window ${W}x$H --at city/$city/photos/1 "$live" >"$TMP/photos.log" 2>&1 &
pid=$!
hall_window "$pid"
sleep 2
same "the city's first photo" 1
for i in $(seq 2 "$n"); do
	swipe 1000 300
	same "a swipe to photo $i of $n" "$i"
done
swipe 1000 300
same "a swipe past the last photo" "$n"
for i in $(seq $((n - 1)) -1 1); do
	xdotool mousemove 30 360 click 1
	same "a tap on the left arrow to photo $i" "$i"
done
kill "$pid"
wait "$pid" 2>/dev/null
exit 0
