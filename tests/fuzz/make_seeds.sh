#!/usr/bin/env bash
# Writes the fuzz targets' seeds into DIR/<target>/ from the project's own
# content and test files: the sample content as one archive (its YAML as it
# is, each image as a tiny one of the same format), image headers of every
# kind the hall meets, EXIF blocks, and touch streams of the usual gestures.
# Usage: tests/fuzz/make_seeds.sh DIR   (needs ImageMagick's convert)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$1
rm -rf "$out" && mkdir -p "$out"/{content,image_info,exif,gesture}
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

# Small images of each kind, made once.
convert -size 8x6 gradient:red-blue "$tmp/tiny.png"
convert -size 16x8 gradient:white-green -quality 80 "$tmp/tiny.jpg"
convert -size 16x8 gradient:white-green -interlace JPEG "$tmp/progressive.jpg"
convert -size 16x8 xc:red -colorspace CMYK "$tmp/cmyk.jpg"
convert -size 8x8 gradient:black-white -depth 16 "$tmp/deep.png"
convert -size 8x8 xc:gray50 -colorspace Gray "$tmp/gray.png"
convert -size 8x8 xc:red -alpha set -channel A -evaluate set 50% "$tmp/alpha.png"
convert -size 8x8 xc:blue -colors 4 "PNG8:$tmp/palette.png"
cp "$tmp"/*.png "$tmp"/*.jpg tests/fixtures/rotated-6.jpg "$out/image_info/"
# WebP has no writer here: its three header kinds by hand (VP8X, VP8L, VP8).
printf 'RIFF\x1e\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x10\x00\x00\x00\x0f\x00\x00\x07\x00\x00' \
	>"$out/image_info/vp8x.webp"
printf 'RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x0f\xc0\x01\x00\x00\x00\x00' \
	>"$out/image_info/vp8l.webp"
printf 'RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00\x30\x01\x00\x9d\x01\x2a\x10\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00' \
	>"$out/image_info/vp8.webp"
# HEIC: a phone photo's boxes (ftyp, meta with its sizes and turns, mdat).
heif-enc -q 50 "$tmp/tiny.jpg" -o "$out/image_info/tiny.heic" >/dev/null
printf 'GIF89a\x10\x00\x08\x00' >"$out/image_info/gif"
printf 'BM\x3a\x00\x00\x00' >"$out/image_info/bmp"
for f in content/cities/*/photos/*.jpg; do head -c 4096 "$f" >"$out/image_info/head-${f//\//-}"; done

# EXIF: the rotated fixture and its APP1 alone, little and big endian.
cp tests/fixtures/rotated-6.jpg "$out/exif/"
head -c 60 tests/fixtures/rotated-6.jpg | tail -c +3 >"$out/exif/app1-ii"
printf '\xff\xe1\x00\x22Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x08\x00\x00\x00\x00\x00\x00' \
	>"$out/exif/app1-mm"

# The sample content as one archive, each image a tiny one of its kind.
city() {
	printf '\n#@ %s\n' "${1#content/}/city.yaml"
	cat "$1/city.yaml"
	find "$1" -type f \( -name '*.png' -o -name '*.jpg' -o -name '*.jpeg' \) | sort | while read -r img; do
		printf '\n#@ %s\n' "${img#content/}"
		case $img in *.png) cat "$tmp/tiny.png" ;; *) cat "$tmp/tiny.jpg" ;; esac
	done
}
{
	cat content/hall.yaml
	for c in content/cities/*/; do city "${c%/}"; done
} >"$out/content/sample"
# And hall.yaml with one city only, a smaller start.
one=$(ls -d content/cities/*/ | head -1) && one=${one%/} && id=${one##*/}
{
	sed "/^cities:/,/^[a-z_]*:/{/^ *- /d}" content/hall.yaml | sed "s/^cities:.*/cities: [$id]/"
	city "$one"
} >"$out/content/one-city"

# Touch streams: a dpi byte, then steps of 6 bytes: what and finger, x, y
# (little endian, +1000), and milliseconds since the last step.
step() { printf "\\x$1\\x$(printf %02x $(($2 & 255)))\\x$(printf %02x $(($2 >> 8)))\\x$(printf %02x $(($3 & 255)))\\x$(printf %02x $(($3 >> 8)))\\x$4"; }
{ printf '\x5c'; step 00 1500 1400 10; step 03 1500 1400 50; } >"$out/gesture/tap"
{ printf '\x5c'; step 00 1500 1400 10; step 03 1500 1400 50; step 00 1502 1401 80; step 03 1502 1401 40; } >"$out/gesture/double-tap"
{ printf '\x5c'; step 00 1500 1400 10; step 87 0 0 20; step 03 1500 1400 10; } >"$out/gesture/long-press"
{ printf '\x5c'; step 00 2500 1400 10; for x in 2400 2250 2050 1800 1500; do step 01 $x 1400 10; done; step 03 1500 1400 8; } >"$out/gesture/swipe"
{ printf '\x5c'; step 00 1800 1400 10; step 08 2200 1400 30; for d in 20 60 120; do step 01 $((1800 - d)) 1400 16; step 09 $((2200 + d)) 1400 16; done
	step 0b 2320 1400 10; step 03 1680 1400 30; } >"$out/gesture/pinch"
{ printf '\x5c'; step 00 1500 1400 10; step 08 1600 1400 5; step 10 1700 1400 5; step 03 1500 1400 5; step 0b 1 1 5; step 13 1 1 5; } >"$out/gesture/palm"
echo "seeds in $out: $(find "$out" -type f | wc -l) files"
