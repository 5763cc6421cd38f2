# Shared helpers for the shell tests: each check prints "PASS name" or
# "FAIL name" with the reason indented below it; tests/run.sh counts them.
BUILD=${BUILD:-build}
TH=${TH:-$BUILD/twinhall}
TMP=${TMP:-$(mktemp -d)}
# The content the tests run on: a frozen copy of the sample content, so the
# product's content/ can change freely without moving the goldens.
FIX=${FIX:-tests/fixtures/content}

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; shift; printf '  %s\n' "$@"; }

# expect NAME WANT_STATUS CMD...: runs CMD, keeps its output in $OUT.
expect_status() {
	local name=$1 want=$2
	shift 2
	OUT=$("$@" 2>&1)
	local got=$?
	if [ "$got" -eq "$want" ]; then pass "$name"; else fail "$name" "exit $got, expected $want" "$OUT"; fi
}

# expect_output NAME PATTERN: the last command's output matches grep -E PATTERN.
expect_output() {
	if printf '%s\n' "$OUT" | grep -qE -- "$2"; then pass "$1"; else fail "$1" "no line matching: $2" "$OUT"; fi
}

# start_xvfb W H: an X server of our own on a free display, for the rest of
# the script (DISPLAY set, its pid in $xvfb), ready when this returns.
start_xvfb() {
	local n
	for n in $(seq 91 160); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || break; done
	export DISPLAY=:$n
	Xvfb "$DISPLAY" -screen 0 "$1x$2x24" -nolisten tcp >"$TMP/xvfb-$n.log" 2>&1 &
	xvfb=$!
	for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
}

# hall_window PID: waits (up to 10 s) for the visible window of the program
# PID and moves it to 0,0, so the pointer's and a screenshot's coordinates
# are the window's; its id in $win.
hall_window() {
	win=$(timeout 10 xdotool search --sync --onlyvisible --pid "$1" 2>/dev/null | head -1)
	[ -n "$win" ] && xdotool windowmove "$win" 0 0
}

# settles_on WANT DIFF [MAX]: the X screen ends on WANT (a PNG of the same
# size; pngdiff at 0.5%): looked at every 0.3 s until it matches and still
# does 0.5 s later, for at most MAX s (default 6; more where a program has
# just started and waits a fixed time no more), so a place that takes its usual 1-3 s
# to come to rest is not waited for longer, and a frame frozen half way
# never passes. pngdiff's last line in $settled (its diff image in DIFF);
# status 0 when the screen settled on WANT.
settles_on() {
	local live=$TMP/settles-live.png t0=$SECONDS
	while :; do
		import -display "$DISPLAY" -window root "$live" 2>/dev/null
		if settled=$("$BUILD/tools/pngdiff" "$1" "$live" 0.5 "$2"); then
			sleep 0.5
			import -display "$DISPLAY" -window root "$live" 2>/dev/null
			settled=$("$BUILD/tools/pngdiff" "$1" "$live" 0.5 "$2") && return 0
		fi
		[ $((SECONDS - t0)) -ge "${3:-6}" ] && return 1
		sleep 0.3
	done
}

# at_rest OUT [MAX]: waits until the X screen is still (two screenshots
# 0.5 s apart the same, pixel for pixel at pngdiff's tolerance: a history
# still coasting by one pixel moves every line's edges), for at most MAX s
# (default 8); the last screenshot in OUT. Status 0 when it came to rest.
at_rest() {
	local prev=$TMP/at-rest-prev.png t0=$SECONDS
	import -display "$DISPLAY" -window root "$prev" 2>/dev/null
	while :; do
		sleep 0.5
		import -display "$DISPLAY" -window root "$1" 2>/dev/null
		"$BUILD/tools/pngdiff" "$prev" "$1" 0 >/dev/null && return 0
		[ $((SECONDS - t0)) -ge "${2:-8}" ] && return 1
		cp "$1" "$prev"
	done
}

# lines_in FILE PATTERN N [MAX]: waits until FILE has N lines matching grep
# -E PATTERN, for at most MAX s (default 10). Status 0 when it has them.
lines_in() {
	local i n
	for i in $(seq $((${4:-10} * 10))); do
		n=$(grep -cE -- "$2" "$1" 2>/dev/null) # nothing while FILE is not there yet
		[ "${n:-0}" -ge "$3" ] && return 0
		sleep 0.1
	done
	return 1
}

# drag X0 Y0 X1 Y1: a finger (the mouse) pressed at X0,Y0, moved there in
# 10 steps of 20 ms, lifted at X1,Y1.
drag() {
	local i
	xdotool mousemove "$1" "$2" mousedown 1
	for i in $(seq 1 10); do
		xdotool mousemove $(($1 + ($3 - $1) * i / 10)) $(($2 + ($4 - $2) * i / 10))
		sleep 0.02
	done
	xdotool mouseup 1
}

# A copy of the sample content to break on purpose.

copy_content() {
	rm -rf "$1"
	cp -r "$FIX" "$1"
}

# end_sanitized NAME LOG: stops the sanitized program $pid with SIGTERM and
# judges its end: status 0, no ASan or UBSan report in LOG, and no leak at
# exit from our code (a leak counts when a frame of its stack is in a file
# of src/<folder>/; SDL's X11 backend leaves a few from libraries it
# unloads, which no suppression can name).
end_sanitized() {
	local name=$1 log=$2 rc ours
	kill -TERM "$pid"
	wait "$pid"
	rc=$?
	[ $rc -eq 0 ] && pass "$name: SIGTERM ends it with status 0" || fail "$name: SIGTERM ends it with status 0" "exit $rc" "$(tail -20 "$log")"
	if grep -qE 'ERROR: AddressSanitizer|runtime error:' "$log"; then
		fail "$name: no memory error, no undefined behaviour" "$(grep -E -A8 'Sanitizer|runtime error' "$log" | head -20)"
	else
		pass "$name: no memory error, no undefined behaviour"
	fi
	ours=$(awk 'BEGIN { RS = "" } /leak of/ && /src\/[a-z_]+\/[a-z_]+\.c/' "$log")
	[ -z "$ours" ] && pass "$name: no leak from twinhall's code at exit" || fail "$name: no leak from twinhall's code at exit" "$ours"
}
