#!/usr/bin/env bash
# The attack corpus: content that people or a broken copy could leave in the
# content folder. Each case is made here (nothing large is committed) in a
# copy of the sample content, then:
#   - `twinhall --check` exits 1 with the error at its file, line and
#     column, in words for staff, and its peak memory stays small (the 50 MB
#     scalar and the 4 GB file are refused before they are read);
#   - images the hall can show after all (CMYK, 16-bit, a PNG named .jpg)
#     pass the check and look the same on screen as the original;
#   - the running program, given each case by a live reload, keeps the last
#     good content, logs the located error, takes the fix, and its memory
#     stays bounded.
. "$(dirname "$0")/lib.sh"
unset DISPLAY WAYLAND_DISPLAY
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software
ox=cities/oxford/city.yaml
photo=cities/oxford/photos/01-town-hall-declaration.jpg
pline=$(grep -n '^ *- file: photos/01-town-hall-declaration.jpg' "$FIX/$ox" | cut -d: -f1)
fline=$(grep -n '^flag: flag.png' "$FIX/$ox" | cut -d: -f1)
CHECK_MAX_KB=$((64 * 1024)) # --check reads headers only: about 15 MB here

# Each attack changes the content folder $1 in place. The second column of
# the table below is the file and position its error must name.
laughs() { # billion laughs: aliases of aliases
	printf 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' >>"$1/hall.yaml"
	printf 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n' >>"$1/hall.yaml"
}
deep_flow() { { printf 'extra: '; head -c 10000 /dev/zero | tr '\0' '['; head -c 10000 /dev/zero | tr '\0' ']'; echo; } >>"$1/$ox"; }
deep_block() { { printf 'extra:\n  '; for _ in $(seq 10000); do printf -- '- '; done; echo x; } >>"$1/$ox"; }
big_scalar() { { printf 'extra: "'; head -c 50000000 /dev/zero | tr '\0' x; echo '"'; } >>"$1/$ox"; }
nul_byte() { sed -i '0,/en: /s/en: /en: a\x00b /' "$1/$ox"; }
bad_utf8() { sed -i '0,/en: /s/en: /en: a\xc3\x28b /' "$1/$ox"; }
huge_jpeg() { # a JPEG header declaring 20000 x 20000
	printf '\xff\xd8\xff\xc0\x00\x11\x08\x4e\x20\x4e\x20\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xff\xd9' >"$1/$photo"
}
huge_png() { # a PNG header declaring 100000 x 100000
	printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00IEND\xae\x42\x60\x82' >"$1/$photo"
}
# A legal progressive JPEG whose coefficients take 205 MB to decode (a
# 64-megapixel one peaked at 455 MB), and one of 100 scans (499 cost 13 s
# of the only decode worker each time it was shown).
progressive_huge() { "$BUILD/tools/jpeg_make" "$1/$photo" 6000 6000 progressive 444; }
many_scans() { "$BUILD/tools/jpeg_make" "$1/$photo" 2000 1500 scans:100; }
# Kinds of image the check took and the screen could not show: the check
# now refuses them, located. The frame header says 12 bits a sample, or
# lossless; a WebP's header says it is animated.
sof_kind() { # sof_kind DIR MARKER PRECISION: the photo's frame header changed
	python3 -c 'import sys
p, m, bits = sys.argv[1], int(sys.argv[2], 16), int(sys.argv[3])
b = bytearray(open(p, "rb").read()); i = 2
while b[i + 1] not in (0xc0, 0xc1, 0xc2): i += 2 + (b[i + 2] << 8 | b[i + 3])
b[i + 1] = m; b[i + 4] = bits
open(p, "wb").write(b)' "$1/$photo" "$2" "$3"
}
twelve_bit() { sof_kind "$1" c1 12; }
lossless() { sof_kind "$1" c3 8; }
animated_webp() { printf 'RIFF\x16\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x02\x00\x00\x00\x7f\x07\x00\x37\x04\x00' >"$1/$photo"; }
# A caption with a control character written as a YAML escape.
escape_control() {
	python3 -c 'import sys; p = sys.argv[1]; s = open(p).read()
s = s.replace("en: On 22 December 2001", "en: \"On 22 December\\x07 2001", 1)
i = s.index("\\x07"); j = s.index("\n", i)
open(p, "w").write(s[:j] + "\"" + s[j:])' "$1/$ox"
}
cut_jpeg() { head -c $(($(stat -c %s "$FIX/$photo") / 2)) "$FIX/$photo" >"$1/$photo"; }
cut_png() { head -c $(($(stat -c %s $FIX/cities/oxford/flag.png) / 2)) $FIX/cities/oxford/flag.png >"$1/cities/oxford/flag.png"; }
cut_header() { head -c 100 "$FIX/$photo" >"$1/$photo"; }
empty_image() { : >"$1/$photo"; }
text_as_jpg() { echo "not a photo, just text" >"$1/$photo"; }
dotdot() { sed -i "${pline}s|file: .*|file: ../../../etc/passwd|" "$1/$ox"; }
absolute() { sed -i "${pline}s|file: .*|file: /etc/passwd|" "$1/$ox"; }
symlink_out() { ln -sf /etc/passwd "$1/$photo"; }
dir_as_image() { rm "$1/$photo" && mkdir "$1/$photo"; }
dir_as_yaml() { rm "$1/$ox" && mkdir "$1/$ox"; }
sparse_image() { truncate -s 4G "$1/$photo"; }
sparse_yaml() { truncate -s 4G "$1/$ox"; }
font_dir_long() { { printf 'font_dirs: ["'; head -c 500000 /dev/zero | tr '\0' a; echo '"]'; } >>"$1/hall.yaml"; }
fline_hall=$(($(wc -l <$FIX/hall.yaml) + 1))
cline=$(grep -n '^ *en: On 22 December 2001' "$FIX/$ox" | cut -d: -f1)

# name | where (file:line:col, a regex) | words the error must have
cases="
laughs|hall.yaml:[0-9]+:[0-9]+|marks a value to reuse elsewhere
deep_flow|$ox:[0-9]+:[0-9]+|nested more than 32 levels
deep_block|$ox:[0-9]+:[0-9]+|nested more than 32 levels
big_scalar|$ox:1:1|larger than 1 MiB
nul_byte|$ox:[0-9]+:[0-9]+|zero byte
bad_utf8|$ox:[0-9]+:[0-9]+|not UTF-8
huge_jpeg|$ox:$pline:11|too large \\(20000 x 20000 pixels\\)
huge_png|$ox:$pline:11|too large \\(100000 x 100000 pixels\\)
progressive_huge|$ox:$pline:11|progressive JPEG of 6000 x 6000 pixels, which needs [0-9]+ MB of memory to show
many_scans|$ox:$pline:11|more than 64 scans
twelve_bit|$ox:$pline:11|is a 12-bit JPEG, which cannot be shown
lossless|$ox:$pline:11|is a lossless JPEG, which cannot be shown
animated_webp|$ox:$pline:11|is an animated WebP, which cannot be shown
escape_control|$ox:$cline:11|invisible control character \\(U\\+0007\\)
cut_jpeg|$ox:$pline:11|cut short
cut_header|$ox:$pline:11|cut short
cut_png|$ox:$fline:7|flag.png is cut short
empty_image|$ox:$pline:11|empty file
text_as_jpg|$ox:$pline:11|not a JPEG, PNG, WebP or HEIC
dotdot|$ox:$pline:11|contains \"\\.\\.\"
absolute|$ox:$pline:11|starts with /
symlink_out|$ox:$pline:11|outside the content folder
dir_as_image|$ox:$pline:11|folder where a file should be
dir_as_yaml|$ox:1:1|folder where a file should be
sparse_image|$ox:$pline:11|file of 4\\.3 GB
sparse_yaml|$ox:1:1|larger than 1 MiB
font_dir_long|hall.yaml:$fline_hall:[0-9]+|font folder path is 500000 bytes long
"

# 1. --check on each case.
while IFS='|' read -r name where words; do
	[ -n "$name" ] || continue
	d=$TMP/attack-$name
	copy_content "$d" && "$name" "$d"
	OUT=$(/usr/bin/time -f 'peak %M' -o "$TMP/time" "$TH" --check "$d" 2>&1)
	st=$?
	kb=$(awk '/^peak/ {print $2}' "$TMP/time")
	first=$(printf '%s\n' "$OUT" | head -1)
	if [ "$st" -eq 1 ] && printf '%s\n' "$first" | grep -qE "^$d/$where: error: .*$words" &&
		[ "${kb:-999999}" -lt "$CHECK_MAX_KB" ]; then
		pass "attack $name: --check exits 1, located, $((kb / 1024)) MB peak: ${first#"$d/"}"
	else
		fail "attack $name: --check exits 1 with a located error and small memory" \
			"exit $st, peak ${kb} KB, want $where ... $words" "$OUT"
	fi
done <<<"$cases"

# 2. Images that look odd but can be shown: the check passes and the photo
# looks like the original (CMYK without a colour profile: close, not exact).
cmyk() { convert "$FIX/$photo" -colorspace CMYK "$1/$photo"; }
png_as_jpg() { convert "$FIX/$photo" "png:$1/$photo"; }
deep_png() { convert "$FIX/$photo" -depth 16 "png48:$1/$photo"; }
# Valid JPEGs the check refused as "cut short" and the screen could show:
# data after the end marker (a motion photo's video, Samsung's trailer),
# and over 1 MB of metadata before the frame header (two 1 MB APP2
# blocks, as a phone's depth map or a big colour profile); and a photo
# whose path is over 511 bytes long, which the screen lost (a placeholder,
# no log line) while the check took it.
motion_photo() { { printf '\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom'; head -c 300000 /dev/zero | tr '\0' v; } >>"$1/$photo"; }
samsung_trailer() { printf 'MotionPhoto_Data\x00\x00SEFHxxxxSEFT' >>"$1/$photo"; }
big_metadata() {
	python3 -c 'import sys
p = sys.argv[1]; b = open(p, "rb").read()
seg = b"\xff\xe2\xff\xff" + b"m" * 65533
open(p, "wb").write(b[:2] + seg * 33 + b[2:])' "$1/$photo"
}
long_path() {
	local deep=cities/oxford/photos/$(printf 'a%.0s' $(seq 200))/$(printf 'b%.0s' $(seq 200))/$(printf 'c%.0s' $(seq 150))
	mkdir -p "$1/$deep" && mv "$1/$photo" "$1/$deep/photo.jpg"
	sed -i "${pline}s|file: .*|file: ${deep#cities/oxford/}/photo.jpg|" "$1/$ox"
}
"$TH" --screenshot "$TMP/attack-orig.png" --size 960x540 --at city/oxford/photos/1 "$FIX" >/dev/null 2>&1
for name in cmyk png_as_jpg deep_png motion_photo samsung_trailer big_metadata long_path; do
	d=$TMP/attack-$name
	copy_content "$d" && "$name" "$d"
	expect_status "attack $name: --check accepts it" 0 "$TH" --check "$d"
	"$TH" --screenshot "$TMP/attack-$name.png" --size 960x540 --at city/oxford/photos/1 "$d" >/dev/null 2>&1
	if r=$("$BUILD/tools/pngdiff" "$TMP/attack-orig.png" "$TMP/attack-$name.png" 2); then
		pass "attack $name: shown as the original ($r)"
	else
		fail "attack $name: shown as the original" "$r"
	fi
done

# 2b. hall.yaml's font_dirs is used (its strings outlived the parse: they
# pointed into freed memory, and the fonts were looked for in garbage), and
# a FIFO named like a font is passed over, not waited on.
d=$TMP/attack-font-dirs
copy_content "$d" && mkdir "$d/fonts" && echo 'font_dirs: [fonts]' >>"$d/hall.yaml"
# Noto Serif under Noto Sans's names: the same letters, drawn otherwise.
noto=/usr/share/fonts/truetype/noto
cp "$noto/NotoSerif-Regular.ttf" "$d/fonts/NotoSans-Regular.ttf"
cp "$noto/NotoSerif-Bold.ttf" "$d/fonts/NotoSans-Bold.ttf"
"$TH" --screenshot "$TMP/font-default.png" --size 960x540 --at city/oxford "$FIX" >/dev/null 2>&1
"$TH" --screenshot "$TMP/font-dirs.png" --size 960x540 --at city/oxford "$d" >/dev/null 2>&1
if [ -s "$TMP/font-dirs.png" ] && ! r=$("$BUILD/tools/pngdiff" "$TMP/font-default.png" "$TMP/font-dirs.png" 0.5); then
	pass "attack font_dirs: the fonts of hall.yaml's font_dirs are used ($r)"
else
	fail "attack font_dirs: the fonts of hall.yaml's font_dirs are used" "the screen looks as with the system's fonts: ${r:-no screenshot}"
fi
rm "$d"/fonts/* && mkfifo "$d/fonts/NotoSans-Regular.ttf"
expect_status "attack font_dirs: a FIFO named like a font is passed over, not waited on" 0 \
	timeout 20 "$TH" --check "$d"

# 2c. A caption of one letter and 20,000 combining accents (47 kB): drawing
# it cost time quadratic in its length on the render thread (38 s at
# 8,000). The marks past a few on one letter are left out, with a located
# warning, so the photo with that caption draws at once.
d=$TMP/attack-marks
copy_content "$d"
cline=$(grep -n '^ *en: On 22 December 2001' "$d/$ox" | cut -d: -f1)
python3 -c 'import sys; p = sys.argv[1]; s = open(p).read()
s = s.replace("en: On 22 December", "en: O" + "\u0301" * 20000 + " 22 December", 1)
open(p, "w").write(s)' "$d/$ox"
expect_status "attack marks: --check takes a caption of 20,000 accents on a letter" 0 "$TH" --check "$d"
expect_output "attack marks: --check warns where the caption is" \
	"^$d/$ox:$cline:[0-9]+: warning: .*20000 accents .* only the first 4"
expect_status "attack marks: the photo with that caption is drawn (not minutes of shaping)" 0 \
	timeout 20 "$TH" --screenshot "$TMP/marks.png" --lang en --size 960x540 --at city/oxford/photos/1 "$d"

# 2d. A 1 MiB file of junk of any shape is judged in well under a second:
# checking names and keeping repeats out scanned everything before each
# one (30 s for 100,000 unknown names; two such files kept the hall from
# starting within systemd's 60 s). A shape fills a file with copies of a
# line up to just under 1 MiB.
fill() { # fill FILE LINE-FORMAT: lines of LINE-FORMAT (%d: their number)
	python3 -c 'import sys
path, fmt = sys.argv[1], sys.argv[2].replace("\\n", "\n")
s = open(path).read(); n = len(s.encode()); out = [s]; i = 0
while True:
	line = fmt.replace("%d", str(i)); i += 1
	if n + len(line.encode()) >= 1 << 20: break
	out.append(line); n += len(line.encode())
open(path, "w").write("".join(out))' "$@"
}
shapes="
unknown_names|$ox|k%d: v\\n|unknown field \"k0\"
repeated_names|$ox|k: v\\n|\"k\" is given twice
hall_names|hall.yaml|k%d: v\\n|unknown field \"k0\"
"
while IFS='|' read -r name file line words; do
	[ -n "$name" ] || continue
	d=$TMP/attack-$name
	copy_content "$d" && fill "$d/$file" "$line"
	OUT=$(timeout 10 "$TH" --check "$d" 2>&1)
	st=$?
	if [ "$st" -eq 1 ] && printf '%s\n' "$OUT" | grep -qE "^$d/$file:[0-9]+:[0-9]+: error: .*$words"; then
		pass "attack $name: a 1 MiB file of them is judged at once, located"
	else
		fail "attack $name: a 1 MiB file of them is judged at once, located" "exit $st (124: over 10 s)" "$(printf '%s\n' "$OUT" | head -3)"
	fi
done <<<"$shapes"

# 2e. A city with 2000 gifts: the grid drew, and so decoded, every card,
# on screen or not (RSS rose to 1.6 GB in 80 s), and gift 7 and later were
# out of reach. Now only the cards on screen and the rows next to them are
# decoded: the hall showing that grid stays within its usual memory. (That
# every gift can be scrolled to and opened is test_gift_grid's.)
d=$TMP/attack-gifts
copy_content "$d"
gift=$d/cities/agrigento/gifts/01-sicilian-ceramics.jpg
python3 -c 'import os, sys
d, src = sys.argv[1], sys.argv[2]
with open(os.path.join(d, "cities/agrigento/city.yaml"), "a") as f:
	for i in range(3, 2001):
		name = "gifts/g%04d.jpg" % i
		os.link(src, os.path.join(d, "cities/agrigento", name))
		f.write("  - file: %s\n    title:\n      ru: Подарок %d\n      en: Gift %d\n"
		        "    description:\n      ru: Подарок.\n      en: A gift.\n"
		        "    given_by:\n      ru: Пермь\n      en: Perm\n    year: 2018\n" % (name, i, i))' "$d" "$gift"
expect_status "attack 2000 gifts: --check takes a city with 2000 gifts" 0 "$TH" --check "$d"
"$TH" --trace --window 1920x1080 --at city/agrigento/gifts --state-dir "$TMP/gifts-state" "$d" >"$TMP/gifts.trace" 2>"$TMP/gifts.log" &
gpid=$!
for _ in $(seq 100); do grep -q '"state":"city/agrigento/gifts"' "$TMP/gifts.trace" 2>/dev/null && break; sleep 0.1; done
sleep 8 # time for decodes: every card's took gigabytes within a minute
hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$gpid/status")
[ -n "$hwm" ] && [ "$hwm" -lt $((200 * 1024)) ] &&
	pass "attack 2000 gifts: the grid decodes only what is on screen ($((hwm / 1024)) MB peak)" ||
	fail "attack 2000 gifts: the grid decodes only what is on screen (under 200 MB peak)" "VmHWM ${hwm:-gone} KB" "$(grep -v '"state"' "$TMP/gifts.trace" | tail -3)"
kill -TERM "$gpid"
wait "$gpid"

# 3. The running program: each case arrives by a live reload (SIGHUP), is
# not taken (the load is rejected, or "partial": its city stays as it
# was) with its located error in the journal, and the fix is taken. The
# watcher looks only once an hour here (--poll), so every reload is one of
# ours and comes in order; reload.sh tests the watcher itself.
live=$TMP/attack-live
copy_content "$live"
"$TH" --trace --poll 3600 --state-dir "$TMP/attack-state" "$live" >"$TMP/attack.trace" 2>"$TMP/attack.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 100); do grep -q '"state"' "$TMP/attack.trace" 2>/dev/null && break; sleep 0.1; done
reloads() { grep -c '"reload":"' "$TMP/attack.trace"; }
# reload_then WANT: SIGHUP, then the next reload line must say WANT.
reload_then() {
	local n
	n=$(reloads)
	sleep 0.05
	kill -HUP "$pid"
	for _ in $(seq 100); do [ "$(reloads)" -gt "$n" ] && break; sleep 0.1; done
	grep '"reload":"' "$TMP/attack.trace" | sed -n "$((n + 1))p" | grep -q "$1"
}
restore() { rm -rf "$live/cities/oxford" && cp -r $FIX/cities/oxford "$live/cities/" && cp $FIX/hall.yaml "$live/"; }
while IFS='|' read -r name where words; do
	[ -n "$name" ] || continue
	"$name" "$live"
	if reload_then '"reload":"\(rejected\|partial\)"' && kill -0 "$pid" 2>/dev/null &&
		grep -qE "^<3>$live/$where: error: .*$words" "$TMP/attack.log"; then
		restore
		if reload_then '"reload":"ok"'; then
			pass "attack $name: live reload rejects it with the located error, then takes the fix"
		else
			fail "attack $name: the fix is taken" "$(tail -3 "$TMP/attack.trace")"
		fi
	else
		fail "attack $name: live reload rejects it with the located error" \
			"alive: $(kill -0 "$pid" 2>/dev/null && echo yes || echo no)" "$(tail -3 "$TMP/attack.trace")" "$(tail -3 "$TMP/attack.log")"
		restore
		reload_then '"reload":"ok"'
	fi
done <<<"$cases"
hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")
# The hall itself holds about 90 MB (screen, layers, image cache); a case
# read whole (50 MB scalar, 4 GB file) would show on top of that.
[ -n "$hwm" ] && [ "$hwm" -lt $((160 * 1024)) ] &&
	pass "attack: the live program's peak memory stayed bounded ($((hwm / 1024)) MB)" ||
	fail "attack: the live program's peak memory stayed bounded (under 160 MB)" "VmHWM ${hwm:-gone} KB"
kill -TERM "$pid"
wait "$pid"
st=$?
[ "$st" -eq 0 ] && pass "attack: SIGTERM after the corpus ends with status 0" || fail "attack: SIGTERM after the corpus ends with status 0" "exit $st" "$(tail -5 "$TMP/attack.log")"

# Issue 25, items 5 and 6: the last good copy is kept whatever else the
# folder holds (temporary and hidden files, a link out, an unreadable
# file, a FIFO named like a photo that nothing names): it copies only what
# the content names, each file opened without blocking.
junk=$TMP/attack-junk
copy_content "$junk"
touch "$junk/x.tmp" "$junk/notes~" "$junk/.hidden"
ln -s /etc/passwd "$junk/link"
echo secret >"$junk/unreadable" && chmod 000 "$junk/unreadable"
mkfifo "$junk/cities/oxford/photos/pipe.jpg"
SDL_VIDEODRIVER=dummy STATE_DIRECTORY=$TMP/attack-junk-state timeout 10 "$TH" "$junk" >/dev/null 2>"$TMP/attack-junk.log" &
jp=$!
for _ in $(seq 50); do [ -f "$TMP/attack-junk-state/last-good/hall.yaml" ] && break; sleep 0.1; done
if [ -f "$TMP/attack-junk-state/last-good/hall.yaml" ] && kill -0 "$jp" 2>/dev/null; then
	pass "attack: the last good copy is saved beside junk, links, FIFOs and unreadable files"
else
	fail "attack: the last good copy is saved beside junk, links, FIFOs and unreadable files" "$(tail -3 "$TMP/attack-junk.log")"
fi
kill -TERM "$jp" 2>/dev/null
wait "$jp"
[ $? -eq 0 ] && pass "attack: and SIGTERM still ends the hall at once" || fail "attack: and SIGTERM still ends the hall at once" "$(tail -3 "$TMP/attack-junk.log")"
chmod 600 "$junk/unreadable"
exit 0
