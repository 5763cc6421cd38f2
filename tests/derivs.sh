#!/usr/bin/env bash
# The derivative cache in the real program (Xvfb): after a first start has
# written a photo at the screen's size, a second start shows that photo
# read from the cache (the journal's count at exit, with every other
# derivative deleted), looking as the decoded original does; a photo whose
# bytes changed under the same name is shown as its new bytes, although
# the old bytes' derivative is still there; a damaged derivative is never
# shown.
. "$(dirname "$0")/lib.sh"
PNGDIFF=$BUILD/tools/pngdiff
export STATE_DIRECTORY=$TMP/derivs-state
export CACHE_DIRECTORY=$TMP/derivs-cache
pics=$CACHE_DIRECTORY/pictures
c=$TMP/derivs
copy_content "$c"
place=city/oxford/photos/2
photo=$c/cities/oxford/photos/02-twentieth-anniversary.jpg

start_xvfb 1280 720
trap 'kill $pid 2>/dev/null; kill $xvfb 2>/dev/null' EXIT

start() { # the program on $c at $place, full screen; its journal in $TMP/derivs.log
	"$TH" --kiosk --at "$place" "$c" >/dev/null 2>"$TMP/derivs.log" &
	pid=$!
	timeout 10 xdotool search --sync --onlyvisible --pid "$pid" >/dev/null 2>&1
	sleep 1
}
stop() { # SIGTERM; the cache's line of the journal in $line
	kill -TERM "$pid"
	wait "$pid"
	line=$(grep "pictures at the screen's size:" "$TMP/derivs.log")
}
count() { # count WHAT: the number before WHAT in $line
	printf '%s' "$line" | grep -oE "[0-9]+ $1" | grep -oE '^[0-9]+'
}
render() { # render NAME: what the screen should show, decoded from the originals
	SDL_VIDEODRIVER=dummy "$TH" --screenshot "$TMP/$1.png" --at "$place" --size 1280x720 "$c" >/dev/null 2>&1
}
screen_is() { # screen_is NAME CHECK: the screen comes to match render NAME within 3 s
	local out
	for _ in $(seq 12); do
		import -display "$DISPLAY" -window root "$TMP/screen.png" 2>/dev/null
		out=$("$PNGDIFF" "$TMP/$1.png" "$TMP/screen.png" 0.5) && break
		sleep 0.25
	done
	if "$PNGDIFF" "$TMP/$1.png" "$TMP/screen.png" 0.5 >/dev/null; then pass "$2"; else
		fail "$2" "the screen is not $1: $out" "$(tail -3 "$TMP/derivs.log")"; fi
}
# derivs_of FILE: the derivatives at the photo screen's size of the store's
# copy of FILE (named by its bytes' hash and, in hex, their size).
derivs_of() {
	ls "$pics" 2>/dev/null | grep -E -- "-$(printf '%x' "$(stat -c %s "$1")")-1280x720-f\$"
}
wait_deriv() { # wait_deriv FILE: until FILE has a derivative (10 s at most)
	for _ in $(seq 100); do [ -n "$(derivs_of "$1")" ] && return; sleep 0.1; done
}

render old
start
screen_is old "a first start with an empty cache shows the photo"
wait_deriv "$photo"
stop
[ -n "$(derivs_of "$photo")" ] && [ "$(count written)" -ge 1 ] \
	&& pass "the photo on screen is kept at the screen's size ($(count written) written)" \
	|| fail "the photo on screen is kept at the screen's size" "$line" "$(ls "$pics")"

# Only the shown photo's derivative is left, its time set back: a read of
# it sets its time to the read's (the cache's order of use).
keep=$(derivs_of "$photo")
for f in "$pics"/*; do [ "$(basename "$f")" = "$keep" ] || rm -f "$f"; done
touch -d 2000-01-01 "$pics/$keep"
start
screen_is old "a second start shows the photo as the original looks"
stop
[ "$(count read)" -ge 1 ] && [ "$(stat -c %Y "$pics/$keep")" -gt 946771200 ] \
	&& pass "the second start read the photo from the cache ($(count read) read)" \
	|| fail "the second start read the photo from the cache" "$line" "$(ls -l --full-time "$pics")"

# The same name, other bytes: the old bytes' derivative stays in the cache.
convert "$photo" -negate "$photo.new.jpg" && mv "$photo.new.jpg" "$photo"
render new
"$PNGDIFF" "$TMP/old.png" "$TMP/new.png" 5 >/dev/null \
	&& fail "the changed photo looks different" "renders before and after are the same" \
	|| pass "the changed photo looks different"
start
screen_is new "a changed photo is shown as its new bytes, not from the old derivative"
wait_deriv "$photo"
stop
[ -e "$pics/$keep" ] && pass "the old bytes' derivative was there all along" \
	|| fail "the old bytes' derivative was there all along" "$(ls "$pics")"

# Every derivative damaged: a band of pixels zeroed, the checksums left.
for f in "$pics"/*; do
	dd if=/dev/zero of="$f" bs=4096 seek=200 count=100 conv=notrunc status=none
done
start
screen_is new "a damaged derivative is not shown"
stop
[ "$(count 'found damaged')" -ge 1 ] && pass "the damaged derivative was found ($(count 'found damaged'))" \
	|| fail "the damaged derivative was found" "$line"
