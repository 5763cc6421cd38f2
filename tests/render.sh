#!/usr/bin/env bash
# Render tests: headless screenshots against the golden PNGs in
# tests/golden (at most 0.5% of pixels may differ by more than 32/255 in a
# channel: room for rounding, none for a moved or missing element), and
# legibility and robustness checks on rendered frames.
# `tests/render.sh --update` rewrites the golden images (look at them first).
. "$(dirname "$0")/lib.sh"
PNGDIFF=$BUILD/tools/pngdiff
PROBE=$BUILD/tools/pngprobe
unset DISPLAY WAYLAND_DISPLAY

while read -r name size lang at text; do
	case $name in ''|'#'*) continue ;; esac
	out=$TMP/$name.png
	if ! "$TH" --screenshot "$out" --size "$size" --lang "$lang" --at "$at" --text "${text:-normal}" "$FIX" >"$TMP/log" 2>&1; then
		fail "render $name" "$(cat "$TMP/log")"
		continue
	fi
	if [ "${1:-}" = --update ]; then
		cp "$out" "tests/golden/$name.png" && echo "updated tests/golden/$name.png"
		continue
	fi
	if res=$("$PNGDIFF" "tests/golden/$name.png" "$out" 0.5 "$TMP/$name-diff.png"); then
		pass "render $name matches golden ($res)"
	else
		fail "render $name matches golden" "$res" "diff image: $TMP/$name-diff.png"
	fi
done <tests/golden/cases.txt

# The notice shown while the content has errors: for staff, one Russian
# line with the number of errors and no file path (visitors read it too).
copy_content "$TMP/broken"
sed -i '0,/caption:/s/caption:/captoin:/' "$TMP/broken/cities/oxford/city.yaml"
(cd "$TMP" && "$OLDPWD/$TH" --screenshot notice.png --at notice --size 1920x1080 broken >/dev/null 2>&1)

# The staff panel in Russian, as staff read it: with an error (a Windows
# path) and with a warning (a city folder not listed), at a fixed time.
copy_content "$TMP/panel-error"
sed -i 's|file: photos/01-town-hall-declaration.jpg|file: photos\\01-town-hall-declaration.jpg|' "$TMP/panel-error/cities/oxford/city.yaml"
copy_content "$TMP/panel-warning"
mkdir "$TMP/panel-warning/cities/paris"
# The error case on a PC that syncs with git, its last sync rejected.
mkdir -p "$TMP/panel-state/state" "$TMP/panel-state/sync"
printf '%s\n' "# twinhall-sync" result=rejected time=1764586800 ok_time=1764500400 branch=main \
	"detail=cities/oxford/city.yaml:31:11: error: photos\\01-town-hall-declaration.jpg contains \\" \
	>"$TMP/panel-state/sync/status"
for v in error warning; do
	(cd "$TMP" && LANG=ru_RU.UTF-8 LANGUAGE= LC_ALL= TZ=UTC "$OLDPWD/$TH" --screenshot "panel-$v.png" \
		--at panel --size 1920x1080 --state-dir "$TMP/panel-state/state" "panel-$v" >/dev/null 2>&1)
	rm -f "$TMP/panel-state/sync/status" # the warning case: a PC without git
done
shots="notice:notice-1920x1080 panel-error:panel-error-1920x1080-ru panel-warning:panel-warning-1920x1080-ru"
if [ "${1:-}" = --update ]; then
	for s in $shots; do
		cp "$TMP/${s%%:*}.png" "tests/golden/${s#*:}.png" && echo "updated tests/golden/${s#*:}.png"
	done
	exit 0
fi
for s in $shots; do
	if res=$("$PNGDIFF" "tests/golden/${s#*:}.png" "$TMP/${s%%:*}.png" 0.5); then
		pass "render ${s#*:} matches golden ($res)"
	else
		fail "render ${s#*:} matches golden" "$res"
	fi
done

# Text stays legible whatever the photo: with every photo pure white, the
# background under the caption panel still gives white text 4.5:1 or more.
copy_content "$TMP/white"
for f in "$TMP"/white/cities/*/photos/*; do
	convert -size 1920x1280 xc:white "JPG:$f"
done
for size in 1920x1080 1080x1920; do
	"$TH" --screenshot "$TMP/white.png" --size "$size" "$TMP/white" >/dev/null 2>&1
	w=${size%x*} h=${size#*x}
	if [ "$w" -gt "$h" ]; then region="96 $((h * 75 / 100)) $((w * 55 / 100)) $((h * 18 / 100))"
	else region="72 $((h * 62 / 100)) $((w - 144)) $((h * 25 / 100))"; fi
	probe=$("$PROBE" "$TMP/white.png" $region)
	c=$(echo "$probe" | awk '{print $4}')
	if awk -v c="$c" 'BEGIN { exit !(c >= 4.5) }'; then
		pass "caption contrast over a white photo at $size is $c:1 (>= 4.5)"
	else
		fail "caption contrast over a white photo at $size" "$probe"
	fi
done

# A camera photo stored sideways with EXIF orientation 6 is shown upright:
# red on the left half, blue on the right (stored: blue on top).
copy_content "$TMP/rot"
cp tests/fixtures/rotated-6.jpg "$(ls "$TMP"/rot/cities/amneville/photos/* | head -1)"
"$TH" --screenshot "$TMP/rot.png" --at city/amneville/photos/1 --size 1920x1080 "$TMP/rot" >/dev/null 2>&1
left=$("$PROBE" "$TMP/rot.png" 400 300 300 300 | awk '{print $8, $9, $10}')
right=$("$PROBE" "$TMP/rot.png" 1220 300 300 300 | awk '{print $8, $9, $10}')
if awk -v l="$left" -v r="$right" 'BEGIN { split(l, a, " "); split(r, b, " ");
	exit !(a[1] > 180 && a[3] < 80 && b[3] > 180 && b[1] < 80) }'; then
	pass "an EXIF-rotated photo is shown upright (left $left, right $right)"
else
	fail "an EXIF-rotated photo is shown upright" "left half mean RGB $left, right half $right"
fi

# A photo damaged inside still renders: a placeholder, no crash. (Its ends
# look whole, so the loader takes it; a photo cut short is a located error,
# see attack.sh.)

copy_content "$TMP/cut"
photo=$(ls "$TMP"/cut/cities/amneville/photos/* | head -1)
{ head -c 2000 "$photo" && printf '\xff\xd9'; } >"$TMP/part" && mv "$TMP/part" "$photo"
expect_status "a photo damaged inside renders without crashing" 0 \
	"$TH" --screenshot "$TMP/cut.png" --size 1280x720 "$TMP/cut"
probe=$("$PROBE" "$TMP/cut.png" 0 0 1280 720)
sd=$(echo "$probe" | awk '{print $6}')
if awk -v s="$sd" 'BEGIN { exit !(s > 5) }'; then pass "the frame with a damaged photo is not blank (stddev $sd)"
else fail "the frame with a damaged photo is not blank" "$probe"; fi
exit 0
