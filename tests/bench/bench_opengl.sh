#!/usr/bin/env bash
# bench_photos on OpenGL, the renderer the hall draws with: Mesa in an Xvfb
# of its own (on a free display, which Xvfb picks itself and tells when it
# is ready, so runs side by side never take the same one), the bench on a
# hidden window of SDL's opengl renderer, of SIZE (1920x1080 when not
# given). When OpenGL cannot be had, one line says so and the script ends
# with status 0, so make bench goes on. BENCH_CACHE goes through to the
# bench. Usage: bench_opengl.sh BENCH_PHOTOS CONTENT_DIR [SIZE]
bench=$1 dir=$2 size=${3:-1920x1080}
tmp=$(mktemp -d /tmp/twinhall-bench-gl.XXXXXX)
xvfb=
trap '[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; rm -rf "$tmp"' EXIT
no_gl() {
	echo "bench_photos: no opengl renderer here ($1): no table for it"
	exit 0
}

command -v Xvfb >/dev/null || no_gl "Xvfb is not installed"
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb=$!
for _ in $(seq 100); do
	[ -s "$tmp/display" ] && break
	kill -0 "$xvfb" 2>/dev/null || break
	sleep 0.1
done
[ -s "$tmp/display" ] || no_gl "Xvfb did not start: $(tail -1 "$tmp/xvfb.log")"

DISPLAY=:$(cat "$tmp/display") SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=opengl "$bench" "$dir" "$size"
rc=$?
[ $rc -eq 2 ] && exit 0 # no OpenGL renderer: bench_photos said so in one line
exit $rc
