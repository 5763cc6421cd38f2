#!/usr/bin/env bash
# The AddressSanitizer + UBSan build (make debug) on good and hostile
# content: each hostile file gets its located error and exit 1, and no
# sanitizer report (memory error, undefined behaviour or leak) appears.
. "$(dirname "$0")/lib.sh"
DBG=$BUILD/debug/twinhall
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
unset DISPLAY WAYLAND_DISPLAY

clean() { # clean NAME: the last run printed no sanitizer report
	if printf '%s\n' "$OUT" | grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:'; then
		fail "$1: no sanitizer report" "$(printf '%s\n' "$OUT" | grep -E -A5 'Sanitizer|runtime error' | head -12)"
	else
		pass "$1: no sanitizer report"
	fi
}

expect_status "sanitized --check passes the sample content" 0 "$DBG" --check "$FIX"
clean "sanitized --check"
expect_status "sanitized screenshot of a gift" 0 "$DBG" --screenshot "$TMP/s.png" --at attract/22 --size 1280x720 "$FIX"
clean "sanitized screenshot"

# hall.yaml's font_dirs: its strings must outlive the parse (they pointed
# into the parse's freed memory, read at every start and every --check).
d=$TMP/font-dirs
copy_content "$d" && mkdir "$d/fonts" && cp /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf "$d/fonts/"
echo 'font_dirs: [fonts, /usr/share/fonts/truetype/noto]' >>"$d/hall.yaml"
expect_status "sanitized --check with font_dirs" 0 "$DBG" --check "$d"
clean "sanitized --check with font_dirs"
expect_status "sanitized screenshot with font_dirs" 0 "$DBG" --screenshot "$TMP/f.png" --at home --size 960x540 "$d"
clean "sanitized screenshot with font_dirs"

# hostile NAME LINE:COL PATTERN: hall.yaml of a content copy is replaced by
# $TMP/hostile.yaml; --check must locate the error and stay clean.
hostile() {
	local name=$1 where=$2 pattern=$3 d=$TMP/h-$1
	copy_content "$d"
	cp "$TMP/hostile.yaml" "$d/hall.yaml"
	expect_status "$name: exit 1" 1 timeout 20 "$DBG" --check "$d"
	expect_output "$name: located error" "^$d/hall.yaml:$where: error: .*$pattern"
	clean "$name"
}

{ echo 'a: &x [1, 2]'; echo 'b: *x'; } >"$TMP/hostile.yaml"
hostile anchors 1:4 "reuse elsewhere"
{ printf 'title: '; for _ in $(seq 40); do printf '['; done; echo; } >"$TMP/hostile.yaml"
hostile deep-nesting "1:[0-9]+" "more than 32 levels"
python3 -c 'print("title:\n  ru: \"" + "x" * (2 << 20) + "\"")' >"$TMP/hostile.yaml"
hostile over-1MiB "1:1" "larger than 1 MiB"
printf 'title:\n  ru: a\0b\n' >"$TMP/hostile.yaml"
hostile nul-byte 2:8 "zero byte"
printf 'title:\n  ru: caf\xe9\n' >"$TMP/hostile.yaml"
hostile invalid-utf8 2:10 "UTF-8"
{ echo 'x: &a ["lol","lol"]'; for i in b c d e f g h i; do echo "$i: &$i [*a,*a,*a,*a,*a,*a,*a,*a,*a]"; done; } >"$TMP/hostile.yaml"
hostile billion-laughs 1:4 "reuse elsewhere"
exit 0
