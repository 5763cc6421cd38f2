#!/usr/bin/env bash
# make-samples.sh: generates every image of the sample content in content/.
#
#   assets/samples/make-samples.sh          (from anywhere; it finds the repo)
#
# What it makes, from scratch, each time it runs (re-runnable; the output is
# checked in next to this script's source):
#   content/cities/<id>/flag.png             320x240, the country's flag
#   content/cities/<id>/photos/NN-name.jpg   1920x1280 sample "photos"
#   content/cities/<id>/gifts/NN-name.jpg    1600x1200 sample gift posters
#
# There are no openly licensed photographs of the twin cities here, so the
# "photos" are typographic posters: a calm gradient in muted tones of the
# country's flag, soft light, fine grain, the year, one line about a fact
# from docs/sources.md (the same fact the photo's caption in
# city.yaml states) and the city's name. Every image says on itself that it is
# a sample. Staff replace them with real photographs (see content/README.md).
#
# Layout rule: the program covers the bottom ~35% of a photo with its caption
# panel and, on portrait screens, shows only the central ~60% of its width.
# So all text drawn here stays inside the central 60% of the width and the top
# 60% of the height; the script checks this for every image and fails if not.
#
# Tools (Debian 12 packages only):
#   rsvg-convert  (librsvg2-bin)   renders the SVG posters and the flags
#   convert       (imagemagick)    grain, JPEG encoding, the layout check
#   fonts         (fonts-noto-core) Noto Sans / Noto Serif, Latin + Cyrillic.
#                 No CJK font is assumed: no Chinese characters in the images.
# Flags: Debian package iso-flags-svg, /usr/share/iso-flags-svg/country-4x3/,
#   public domain (see /usr/share/doc/iso-flags-svg/copyright).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CONTENT="$ROOT/content"
FLAGS=/usr/share/iso-flags-svg/country-4x3
FONTDIR=/usr/share/fonts/truetype/noto

for tool in rsvg-convert convert; do
	command -v "$tool" >/dev/null || {
		echo "make-samples: $tool is missing (apt-get install librsvg2-bin imagemagick)" >&2
		exit 1
	}
done
for f in NotoSans-Regular NotoSans-Bold NotoSerif-Regular NotoSerif-Italic; do
	[ -f "$FONTDIR/$f.ttf" ] || {
		echo "make-samples: $FONTDIR/$f.ttf is missing (apt-get install fonts-noto-core)" >&2
		exit 1
	}
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

SERIF="'Noto Serif', serif"
SANS="'Noto Sans', sans-serif"
LABEL_EN="SAMPLE IMAGE · ОБРАЗЕЦ — replace with a real photograph"
LABEL_GIFT="SAMPLE IMAGE · ОБРАЗЕЦ — not a photograph of the gift"
INK="#f4efe4"   # the text colour: warm off-white

# xml TEXT: TEXT escaped for SVG character data.
xml() {
	local s=$1
	s=${s//&/&amp;}
	s=${s//</&lt;}
	s=${s//>/&gt;}
	printf '%s' "$s"
}

# lines X Y STEP TEXT: one <tspan> per "|"-separated line of TEXT.
lines() {
	local x=$1 y=$2 step=$3 text=$4 line
	local IFS='|'
	for line in $text; do
		printf '<tspan x="%s" y="%s">%s</tspan>' "$x" "$y" "$(xml "$line")"
		y=$((y + step))
	done
}

# Palettes, muted from each flag: DARK1 DARK2 GLOW ACCENT STRIPE1 STRIPE2 STRIPE3
palette() {
	case $1 in
	fr) echo "#141f38 #3b1b27 #56709e #d9b98a #33569a #ece7dc #c04a4f" ;;
	us) echo "#1a1c33 #421e25 #8a5a55 #e0c08f #3c3b6e #ece7dc #b23a45" ;;
	gb) echo "#0f1d33 #24364a #5f86a8 #d7c9a7 #27407e #ece7dc #c23646" ;;
	cn) echo "#2b100e #3f2a0f #b56a34 #e7c76a #c8372d #e2bf4a #c8372d" ;;
	it) echo "#0f2a21 #33181e #5b8d6c #e2c58f #2f8a5a #ece7dc #c23a46" ;;
	de) echo "#161618 #3b1a12 #a5782c #e5c15a #4a4a4a #c33b2f #dcb23c" ;;
	*) echo "make-samples: no palette for $1" >&2; exit 1 ;;
	esac
}

# background W H VARIANT PALETTE...: the SVG <defs> and shapes behind the text.
background() {
	local w=$1 h=$2 v=$3 d1=$4 d2=$5 glow=$6 acc=$7
	case $v in
	1)  # vertical dusk, a soft glow behind the centred text
		cat <<EOF
<defs>
 <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
  <stop offset="0" stop-color="$d1"/><stop offset="1" stop-color="$d2"/></linearGradient>
 <radialGradient id="glow" cx="0.5" cy="0.36" r="0.5">
  <stop offset="0" stop-color="$glow" stop-opacity="0.55"/>
  <stop offset="0.6" stop-color="$glow" stop-opacity="0.12"/>
  <stop offset="1" stop-color="$glow" stop-opacity="0"/></radialGradient>
 <radialGradient id="vig" cx="0.5" cy="0.45" r="0.75">
  <stop offset="0.55" stop-color="#000" stop-opacity="0"/>
  <stop offset="1" stop-color="#000" stop-opacity="0.45"/></radialGradient>
</defs>
<rect width="$w" height="$h" fill="url(#bg)"/>
<ellipse cx="$((w / 2))" cy="$((h * 36 / 100))" rx="$((w * 55 / 100))" ry="$((h * 60 / 100))" fill="url(#glow)"/>
<rect width="$w" height="$h" fill="url(#vig)"/>
EOF
		;;
	2)  # diagonal, a large soft disc to the right, light from the upper left
		cat <<EOF
<defs>
 <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
  <stop offset="0" stop-color="$d2"/><stop offset="1" stop-color="$d1"/></linearGradient>
 <radialGradient id="disc" cx="0.5" cy="0.5" r="0.5">
  <stop offset="0" stop-color="$glow" stop-opacity="0.42"/>
  <stop offset="0.7" stop-color="$glow" stop-opacity="0.16"/>
  <stop offset="1" stop-color="$glow" stop-opacity="0"/></radialGradient>
 <radialGradient id="light" cx="0.5" cy="0.5" r="0.5">
  <stop offset="0" stop-color="$acc" stop-opacity="0.16"/>
  <stop offset="1" stop-color="$acc" stop-opacity="0"/></radialGradient>
</defs>
<rect width="$w" height="$h" fill="url(#bg)"/>
<circle cx="$((w * 80 / 100))" cy="$((h * 42 / 100))" r="$((h * 62 / 100))" fill="url(#disc)"/>
<circle cx="$((w * 18 / 100))" cy="$((h * 8 / 100))" r="$((h * 55 / 100))" fill="url(#light)"/>
EOF
		;;
	3)  # deep, with faint concentric rings to the side
		local cx=$((w * 22 / 100)) cy=$((h * 70 / 100)) r i rings=""
		for i in 1 2 3 4 5 6 7 8; do
			r=$((h * (14 + 11 * i) / 100))
			rings+="<circle cx=\"$cx\" cy=\"$cy\" r=\"$r\" fill=\"none\" stroke=\"$acc\" stroke-opacity=\"0.0$((9 - i))\" stroke-width=\"2\"/>"
		done
		cat <<EOF
<defs>
 <radialGradient id="bg" cx="0.5" cy="0.3" r="0.9">
  <stop offset="0" stop-color="$d2"/><stop offset="1" stop-color="$d1"/></radialGradient>
 <radialGradient id="glow" cx="0.5" cy="0.5" r="0.5">
  <stop offset="0" stop-color="$glow" stop-opacity="0.30"/>
  <stop offset="1" stop-color="$glow" stop-opacity="0"/></radialGradient>
</defs>
<rect width="$w" height="$h" fill="url(#bg)"/>
<circle cx="$cx" cy="$cy" r="$((h * 45 / 100))" fill="url(#glow)"/>
$rings
EOF
		;;
	esac
}

# stripes X Y ANCHOR S1 S2 S3: a small bar in the flag's colours.
stripes() {
	local x=$1 y=$2 anchor=$3 s1=$4 s2=$5 s3=$6 seg=64
	[ "$anchor" = middle ] && x=$((x - 3 * seg / 2))
	printf '<rect x="%s" y="%s" width="%s" height="6" fill="%s"/>' "$x" "$y" "$seg" "$s1"
	printf '<rect x="%s" y="%s" width="%s" height="6" fill="%s"/>' "$((x + seg))" "$y" "$seg" "$s2"
	printf '<rect x="%s" y="%s" width="%s" height="6" fill="%s"/>' "$((x + 2 * seg))" "$y" "$seg" "$s3"
}

# photo_text VARIANT YEAR RU EN CITY PALETTE...: the poster's text, 1920x1280.
# Safe area: x 384..1536, y 140..768 (all text is kept inside it): a 16:9
# screen crops 100 px off the top, a portrait one keeps the central 60%.
photo_text() {
	local v=$1 year=$2 ru=$3 en=$4 city=$5 acc=$9 s1=${10} s2=${11} s3=${12}
	local c=960
	case $v in
	1)
		cat <<EOF
<g font-family="$SANS" font-size="26" letter-spacing="2" fill="$INK" fill-opacity="0.82" text-anchor="middle">
 <text x="$c" y="178">$(xml "$LABEL_EN")</text></g>
<rect x="$((c - 40))" y="200" width="80" height="2" fill="$INK" fill-opacity="0.5"/>
<text x="$c" y="392" font-family="$SERIF" font-size="220" fill="$INK" text-anchor="middle">$year</text>
$(stripes $c 438 middle "$s1" "$s2" "$s3")
<text font-family="$SERIF" font-size="50" fill="$INK" text-anchor="middle">$(lines $c 528 62 "$ru")</text>
<text font-family="$SERIF" font-style="italic" font-size="40" fill="$INK" fill-opacity="0.78" text-anchor="middle">$(lines $c $((528 + 62 * $(nlines "$ru"))) 52 "$en")</text>
<text x="$c" y="722" font-family="$SANS" font-weight="bold" font-size="28" letter-spacing="8" fill="$acc" text-anchor="middle">$(xml "$city")</text>
EOF
		;;
	2)
		local x=450
		cat <<EOF
<g font-family="$SANS" font-size="26" letter-spacing="2" fill="$INK" fill-opacity="0.82">
 <text x="$x" y="172">$(xml "$LABEL_EN")</text></g>
<text x="$x" y="240" font-family="$SANS" font-weight="bold" font-size="30" letter-spacing="8" fill="$acc">$(xml "$city")</text>
<text x="$((x - 12))" y="458" font-family="$SERIF" font-size="250" fill="$INK">$year</text>
$(stripes $x 500 start "$s1" "$s2" "$s3")
<text font-family="$SERIF" font-size="50" fill="$INK">$(lines $x 590 62 "$ru")</text>
<text font-family="$SERIF" font-style="italic" font-size="40" fill="$INK" fill-opacity="0.78">$(lines $x $((590 + 62 * $(nlines "$ru"))) 52 "$en")</text>
EOF
		;;
	3)
		local ghost="" small=""
		if [ -n "$year" ]; then
			ghost="<text x=\"$c\" y=\"690\" font-family=\"$SERIF\" font-size=\"400\" fill=\"$INK\" fill-opacity=\"0.08\" text-anchor=\"middle\">$year</text>"
			small="<text x=\"$c\" y=\"708\" font-family=\"$SANS\" font-size=\"34\" letter-spacing=\"10\" fill=\"$INK\" fill-opacity=\"0.9\" text-anchor=\"middle\">$year</text>"
		fi
		cat <<EOF
$ghost
<g font-family="$SANS" font-size="26" letter-spacing="2" fill="$INK" fill-opacity="0.82" text-anchor="middle">
 <text x="$c" y="172">$(xml "$LABEL_EN")</text></g>
<text x="$c" y="270" font-family="$SANS" font-weight="bold" font-size="30" letter-spacing="8" fill="$acc" text-anchor="middle">$(xml "$city")</text>
<text font-family="$SERIF" font-size="56" fill="$INK" text-anchor="middle">$(lines $c 400 70 "$ru")</text>
<text font-family="$SERIF" font-style="italic" font-size="42" fill="$INK" fill-opacity="0.78" text-anchor="middle">$(lines $c $((400 + 70 * $(nlines "$ru"))) 56 "$en")</text>
$(stripes $c 640 middle "$s1" "$s2" "$s3")
$small
EOF
		;;
	esac
}

# nlines TEXT: how many "|"-separated lines TEXT has.
nlines() {
	local t=${1//[^|]/}
	echo $((${#t} + 1))
}

# gift_text TITLE_RU TITLE_EN FROM PALETTE...: a gift poster's text, 1600x1200.
# Safe area: x 320..1280, y 0..720.
gift_text() {
	local ru=$1 en=$2 from=$3 acc=$7 s1=$8 s2=$9 s3=${10}
	local c=800 n m y
	n=$(nlines "$ru")
	m=$(nlines "$en")
	y=$((330 + 72 * n + 56 * (m - 1)))  # the last title line's baseline
	cat <<EOF
<g font-family="$SANS" font-size="24" letter-spacing="2" fill="$INK" fill-opacity="0.82" text-anchor="middle">
 <text x="$c" y="100">$(xml "$LABEL_GIFT")</text></g>
<rect x="$((c - 40))" y="122" width="80" height="2" fill="$INK" fill-opacity="0.5"/>
<text x="$c" y="222" font-family="$SANS" font-weight="bold" font-size="28" letter-spacing="10" fill="$acc" text-anchor="middle">ПОДАРОК · GIFT</text>
<text font-family="$SERIF" font-size="60" fill="$INK" text-anchor="middle">$(lines $c 330 72 "$ru")</text>
<text font-family="$SERIF" font-style="italic" font-size="44" fill="$INK" fill-opacity="0.8" text-anchor="middle">$(lines $c $((330 + 72 * n)) 56 "$en")</text>
$(stripes $c $((y + 62)) middle "$s1" "$s2" "$s3")
<text font-family="$SANS" font-size="28" letter-spacing="3" fill="$INK" fill-opacity="0.88" text-anchor="middle">$(lines $c $((y + 134)) 40 "$from")</text>
EOF
}

# render OUT W H SAFE_W SAFE_H SEED BACKGROUND_SVG TEXT_SVG
# Renders the poster, checks that its text stays in the safe area (central
# SAFE_W x top SAFE_H), adds fine grain and writes a JPEG.
render() {
	local out=$1 w=$2 h=$3 sw=$4 sh=$5 seed=$6 bg=$7 text=$8
	local head="<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"$w\" height=\"$h\" viewBox=\"0 0 $w $h\">"
	printf '%s\n%s\n%s\n</svg>\n' "$head" "$bg" "$text" >"$TMP/full.svg"
	printf '%s\n%s\n</svg>\n' "$head" "$text" >"$TMP/text.svg"
	rsvg-convert -w "$w" -h "$h" "$TMP/full.svg" -o "$TMP/full.png"
	rsvg-convert -w "$w" -h "$h" "$TMP/text.svg" -o "$TMP/text.png"

	# The layout check: the bounding box of everything drawn as text.
	local bb bw bh bx by x0=$(((w - sw) / 2)) x1=$(((w + sw) / 2))
	bb=$(convert "$TMP/text.png" -alpha extract -threshold 1% -format '%@' info:)
	IFS='x+' read -r bw bh bx by <<<"$bb"
	if [ "$bx" -lt "$x0" ] || [ $((bx + bw)) -gt "$x1" ] || [ $((by + bh)) -gt "$sh" ]; then
		echo "make-samples: ${out#"$ROOT"/}: text box ${bw}x${bh}+${bx}+${by}" \
			"leaves the safe area x $x0..$x1, y 0..$sh" >&2
		exit 1
	fi

	# Fine monochrome grain, soft-light blended: calm, and it hides banding.
	mkdir -p "$(dirname "$out")"
	convert "$TMP/full.png" \
		\( -size "${w}x${h}" xc:gray50 -seed "$seed" -attenuate 0.5 +noise Gaussian \
		-colorspace Gray -blur 0x0.7 \) \
		-compose SoftLight -composite \
		-strip -interlace Plane -sampling-factor 4:2:0 -quality 85 "$out"
	printf '  %-52s %6s bytes  text %s\n' "${out#"$ROOT"/}" "$(stat -c %s "$out")" "$bb"
}

SEED=1
# photo CITY_ID COUNTRY FILE VARIANT YEAR RU EN CITY_LABEL
photo() {
	local id=$1 cc=$2 file=$3 v=$4 year=$5 ru=$6 en=$7 city=$8
	local -a p
	read -r -a p <<<"$(palette "$cc")"
	SEED=$((SEED + 1))
	render "$CONTENT/cities/$id/photos/$file" 1920 1280 1152 768 "$SEED" \
		"$(background 1920 1280 "$v" "${p[@]}")" \
		"$(photo_text "$v" "$year" "$ru" "$en" "$city" "${p[@]}")"
}

# gift CITY_ID COUNTRY FILE VARIANT TITLE_RU TITLE_EN FROM
gift() {
	local id=$1 cc=$2 file=$3 v=$4 ru=$5 en=$6 from=$7
	local -a p
	read -r -a p <<<"$(palette "$cc")"
	SEED=$((SEED + 1))
	render "$CONTENT/cities/$id/gifts/$file" 1600 1200 960 720 "$SEED" \
		"$(background 1600 1200 "$v" "${p[@]}")" \
		"$(gift_text "$ru" "$en" "$from" "${p[@]}")"
}

# flag CITY_ID COUNTRY: the flag from iso-flags-svg (public domain), 320x240.
flag() {
	mkdir -p "$CONTENT/cities/$1"
	rsvg-convert -w 320 -h 240 "$FLAGS/$2.svg" -o "$CONTENT/cities/$1/flag.png"
	printf '  %-52s %6s bytes\n' "content/cities/$1/flag.png" "$(stat -c %s "$CONTENT/cities/$1/flag.png")"
}

# Start from scratch: remove the images this script made before.
for id in amneville louisville oxford qingdao agrigento duisburg; do
	rm -f "$CONTENT/cities/$id/flag.png" "$CONTENT/cities/$id"/photos/*.jpg "$CONTENT/cities/$id"/gifts/*.jpg
done

echo "make-samples: flags"
flag amneville fr
flag louisville us
flag oxford gb
flag qingdao cn
flag agrigento it
flag duisburg de

# Each photo's lines state the fact its caption in city.yaml states; a "|"
# breaks a line. Keep the facts in step with content/cities/*/city.yaml.
echo "make-samples: photos"
photo amneville fr 01-first-twin-city.jpg 1 1992 \
	"Первый город-побратим Перми" "Perm’s first twin city" "AMNÉVILLE · АМНЕВИЛЬ"
photo amneville fr 02-zoo-delegation.jpg 2 2012 \
	"Делегация Амневиля|в Пермском зоопарке" "Amnéville’s delegation at Perm Zoo" "AMNÉVILLE · АМНЕВИЛЬ"
photo amneville fr 03-perm-zoo-in-amneville.jpg 3 2013 \
	"Амневиль принимает|делегацию Пермского зоопарка" "Amnéville hosts a Perm Zoo delegation" "AMNÉVILLE · АМНЕВИЛЬ"

photo louisville us 01-sister-cities.jpg 1 1994 \
	"Пермь и Луисвилль —|города-побратимы" "Perm and Louisville become sister cities" "LOUISVILLE · ЛУИСВИЛЛЬ"
photo louisville us 02-festival.jpg 2 2018 \
	"Артисты из Луисвилля|на фестивале «Come together!»" "Louisville performers at “Come together!”" "LOUISVILLE · ЛУИСВИЛЛЬ"
photo louisville us 03-extreme-park.jpg 3 "" \
	"Экстрим-парк в Перми|устроен по модели Луисвилля" "Perm’s Extreme Park follows Louisville’s model" "LOUISVILLE · ЛУИСВИЛЛЬ"

photo oxford gb 01-town-hall-declaration.jpg 1 2001 \
	"Декларация подписана|в ратуше Оксфорда" "Declaration signed at Oxford Town Hall" "OXFORD · ОКСФОРД"
photo oxford gb 02-twentieth-anniversary.jpg 2 2015 \
	"Лорд-мэр Оксфорда|на 20-летии побратимства" "The Lord Mayor’s visit for the 20th anniversary" "OXFORD · ОКСФОРД"
photo oxford gb 03-football-cup.jpg 3 2018 \
	"Юные футболисты Перми выиграли|кубок городов-побратимов" "Young Perm footballers win the twinned cities cup" "OXFORD · ОКСФОРД"

photo qingdao cn 01-partnership-agreement.jpg 1 2006 \
	"Соглашение|о дружественном партнёрстве" "Friendly partnership agreement signed" "QINGDAO · ЦИНДАО"
photo qingdao cn 02-young-footballers.jpg 2 2018 \
	"Юные футболисты Перми|играют в Циндао" "Young Perm footballers play in Qingdao" "QINGDAO · ЦИНДАО"
photo qingdao cn 03-school-delegation.jpg 3 2019 \
	"Школьная делегация|из Циндао в Перми" "A school delegation from Qingdao visits Perm" "QINGDAO · ЦИНДАО"

photo agrigento it 01-mutual-understanding.jpg 1 2005 \
	"Акт о взаимопонимании" "An act of mutual understanding" "AGRIGENTO · АГРИДЖЕНТО"
photo agrigento it 02-twinning.jpg 2 2012 \
	"Подписан документ|об официальном побратимстве" "Official twinning signed" "AGRIGENTO · АГРИДЖЕНТО"
photo agrigento it 03-italian-day.jpg 3 2013 \
	"«Итальянский день»|в Перми" "“Italian Day” in Perm" "AGRIGENTO · АГРИДЖЕНТО"

photo duisburg de 01-signed-in-wiesbaden.jpg 1 2007 \
	"Документ о партнёрстве|подписан в Висбадене" "Partnership signed in Wiesbaden" "DUISBURG · ДУЙСБУРГ"
photo duisburg de 02-tenth-anniversary.jpg 2 2017 \
	"10 лет партнёрства|Перми и Дуйсбурга" "Ten years of partnership" "DUISBURG · ДУЙСБУРГ"
photo duisburg de 03-certificate-of-merit.jpg 3 2018 \
	"Почётная грамота|МИД России и Германии" "Certificate of Merit from the Russian|and German foreign ministries" "DUISBURG · ДУЙСБУРГ"

echo "make-samples: gifts"
gift agrigento it 01-sicilian-ceramics.jpg 1 \
	"Сицилийская|художественная керамика" "Sicilian art ceramics" "Агридженто → Пермь · Agrigento → Perm · 2018"
gift agrigento it 02-panorama-of-perm.jpg 2 \
	"Репродукция|панорамы Перми" "A reproduction of a panorama of Perm" "Пермь → Агридженто · Perm → Agrigento · 2018"
gift qingdao cn 01-exchange-of-gifts.jpg 3 \
	"Обмен подарками" "Exchange of gifts" "Делегация начальной школы на улице Тайханшань|Taihangshan Road Elementary School delegation · 2019"

total=$(find "$CONTENT" -type f \( -name '*.jpg' -o -name '*.png' \) -printf '%s\n' | awk '{s += $1} END {print s}')
echo "make-samples: done; all images: $total bytes"
