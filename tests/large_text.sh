#!/usr/bin/env bash
# Large text, live: the real program in Xvfb, driven with xdotool. A tap on
# the "Aa" button of a city's photo and of home ends on the frame the
# headless render draws of the same place with --text large (the way
# final_frame.sh compares live frames); a second tap brings normal text
# back; and once the hall has gone back to its loop, the next visitor
# finds home in normal text. The button is found where the headless
# renders of the place in normal and in large text differ among the
# bar's buttons (Qingdao has no status line under them; home's title is
# left of them): only its fill changes there.
. "$(dirname "$0")/lib.sh"
W=1280 H=720
start_xvfb $W $H
trap 'kill $xvfb 2>/dev/null; kill $pid 2>/dev/null' EXIT
live=$TMP/large-content
copy_content "$live"
sed -i 's/^idle_timeout: .*/idle_timeout: 10/' "$live/hall.yaml"

# render NAME PLACE TEXT: the headless frame of PLACE in TEXT size.
render() {
	"$TH" --screenshot "$TMP/large-$1.png" --size ${W}x$H --at "$2" --text "$3" "$live" >/dev/null 2>&1
}

# button PLACE CROP: the centre "X Y" and the size "W H" of the "Aa"
# button on PLACE, from where its normal and large renders differ within
# CROP (an ImageMagick geometry WxH+X+0).
button() {
	render n "$1" normal
	render l "$1" large
	compare "$TMP/large-n.png" "$TMP/large-l.png" -compose src -highlight-color white \
		-lowlight-color black "$TMP/large-mask.png" 2>/dev/null
	local x0=${2#*+}
	x0=${x0%+*}
	convert "$TMP/large-mask.png" -crop "$2" +repage -trim \
		-format "%[fx:int($x0+page.x+w/2)] %[fx:int(page.y+h/2)] %w %h" info: 2>/dev/null
}

# same NAME PLACE TEXT TAG [MAX]: the screen ends on PLACE's headless
# render in TEXT (within MAX s, settles_on's).
same() {
	local name=$1 place=$2 text=$3
	render want "$place" "$text"
	if settles_on "$TMP/large-want.png" "$TMP/large-diff-$4.png" "${5:-6}"; then
		pass "$name ends on $place in $text text as drawn headless ($settled)"
	else
		fail "$name ends on $place in $text text as drawn headless" "$settled" "$(tail -3 "$TMP/large.log")"
	fi
}

for place in city/qingdao/photos/1 home; do
	crop=${W}x200+0+0
	[ "$place" = home ] && crop=$((W / 2))x82+$((W / 2))+0
	read -r bx by bw bh <<<"$(button "$place" "$crop")"
	# The button is a pill at least 80 design px (53 px at 720) a side.
	if [ "${bw:-0}" -ge 53 ] && [ "${bh:-0}" -ge 50 ] && [ "${bh:-0}" -le 60 ]; then
		pass "$place: the \"Aa\" button is found among the bar's (${bw}x$bh at $bx,$by)"
	else
		fail "$place: the \"Aa\" button is found among the bar's" "found: '$bx $by $bw $bh'"
		continue
	fi
	"$TH" --window ${W}x$H --trace --at "$place" "$live" >"$TMP/large.trace" 2>"$TMP/large.log" &
	pid=$!
	win=$(timeout 10 xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -1)
	xdotool windowmove "$win" 0 0
	same "the start" "$place" normal start 10
	xdotool mousemove "$bx" "$by" click 1
	same "a tap on \"Aa\"" "$place" large on
	xdotool mousemove "$bx" "$by" click 1
	same "a second tap" "$place" normal off
	if [ "$place" = home ]; then
		# Large again, then nobody: the loop after 10 s; the next visitor's
		# touch wakes home, in normal text.
		loops=$(grep -c '"state":"attract"' "$TMP/large.trace")
		xdotool mousemove "$bx" "$by" click 1
		lines_in "$TMP/large.trace" '"state":"attract"' $((loops + 1)) 20
		sleep 3 # the loop's first slide in
		xdotool mousemove 640 600 click 1
		same "the next visitor" home normal next
	fi
	kill "$pid"
	wait "$pid" 2>/dev/null
done
exit 0
