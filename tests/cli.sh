#!/usr/bin/env bash
# The command line as staff and installers use it: --check on good and
# broken content, usage errors, and headless screenshots.
. "$(dirname "$0")/lib.sh"
unset DISPLAY WAYLAND_DISPLAY

expect_status "--help exits 0" 0 "$TH" --help
expect_output "--help shows usage" '^Usage: twinhall \[OPTIONS\] \[CONTENT_DIR\]'
expect_status "--version exits 0" 0 "$TH" --version
expect_output "--version names the version" '^twinhall [0-9]+\.[0-9]+\.[0-9]+$'
expect_status "an unknown option exits 2" 2 "$TH" --frobnicate
expect_output "an unknown option gets one line" "^twinhall: unknown option '--frobnicate'"
[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 1 ] && pass "usage errors are one line" || fail "usage errors are one line" "$OUT"
expect_status "a bad --size exits 2" 2 "$TH" --screenshot x.png --size 12by7
expect_output "a bad --size says what it wants" "--size wants WIDTHxHEIGHT"
expect_status "a missing value exits 2" 2 "$TH" --window
expect_status "an unknown --lang exits 2" 2 "$TH" --screenshot "$TMP/x.png" --lang de "$FIX"
expect_output "an unknown --lang lists the languages" "languages are ru en"
expect_status "an unknown --at exits 2" 2 "$TH" --screenshot "$TMP/x.png" --at nowhere "$FIX"

expect_status "--check passes on the sample content" 0 "$TH" --check content
expect_output "--check sums up what it found" '^content: ok: 6 cities, [0-9]+ photos'

expect_status "--check on a missing directory exits 1" 1 "$TH" --check "$TMP/nothing-here"
expect_output "a missing directory is named" "nothing-here cannot be opened"

# A broken copy: each mistake must come back with its exact file, line and
# column, and all of them in one run.
b=$TMP/broken
copy_content "$b"
ox=$b/cities/oxford/city.yaml
line=$(grep -n '^ *caption:' "$ox" | head -1 | cut -d: -f1)
col=$(sed -n "${line}p" "$ox" | awk '{ match($0, /[^ -]/); print RSTART }')
sed -i "${line}s/caption:/captoin:/" "$ox"
fl=$(grep -n '^flag:' "$b/cities/duisburg/city.yaml" | cut -d: -f1)
sed -i "${fl}s/^flag:.*/flag: ..\/..\/..\/etc\/passwd/" "$b/cities/duisburg/city.yaml"
ln -sf /etc/passwd "$b/cities/qingdao/flag.png"
expect_status "--check on broken content exits 1" 1 "$TH" --check "$b"
expect_output "an unknown field is located exactly" \
	"^$b/cities/oxford/city.yaml:$line:$col: error: unknown field \"captoin\".*did you mean \"caption\""
expect_output "a path leaving the folder is located" \
	"^$b/cities/duisburg/city.yaml:$fl:7: error: .*\\.\\."
expect_output "a symlink out of the folder is refused" \
	"^$b/cities/qingdao/city.yaml:[0-9]+:[0-9]+: error: .*(outside|leads out)"
expect_output "the caption the misspelling lost is missed too" \
	"^$b/cities/oxford/city.yaml:[0-9]+:[0-9]+: error: this photo has no \"caption\""
expect_output "every error is reported in one run" ": 4 errors, 0 warnings"

# Text the screen cannot draw: a character no font has is an error at its
# exact column; a caption longer than its room is a warning (still exit 0).
g=$TMP/glyphs
copy_content "$g"
gl=$(grep -n '^      en:' "$g/cities/duisburg/city.yaml" | head -1 | cut -d: -f1)
sed -i "${gl}s/^      en: /      en: ё🙂 /" "$g/cities/duisburg/city.yaml"
expect_status "a character no font has fails the check" 1 "$TH" --check "$g"
expect_output "it is named with its code point at its column" \
	"^$g/cities/duisburg/city.yaml:$gl:12: error: no font has U\\+1F642 '🙂'"
printf "%s\n" "$OUT" | grep -q "U+0451" && fail "ё (which Noto has) is not reported" "$OUT" || pass "ё (which Noto has) is not reported"
long=$TMP/long
copy_content "$long"
cl=$(grep -n '^      en:' "$long/cities/oxford/city.yaml" | head -1 | cut -d: -f1)
sed -i "${cl}s/\$/ $(printf 'And a very long sentence that goes on. %.0s' $(seq 12))/" "$long/cities/oxford/city.yaml"
expect_status "a caption too long for its room only warns" 0 "$TH" --check "$long"
expect_output "the warning says where and how many lines" \
	"^$long/cities/oxford/city.yaml:$cl:11: warning: this caption needs [0-9]+ lines at 1920x1080 but the screen has room for 3"

# The home screen: a city whose name and country will not fit its card,
# and more cities than the screen has room for, are warnings (exit 0).
hn=$TMP/home-name
copy_content "$hn"
nl=$(grep -n '^  ru: Циндао' "$hn/cities/qingdao/city.yaml" | cut -d: -f1)
sed -i "${nl}s/Циндао/Циндао $(printf 'Великая Гавань %.0s' $(seq 6))/" "$hn/cities/qingdao/city.yaml"
expect_status "a name too long for its home card only warns" 0 "$TH" --check "$hn"
expect_output "the warning names the city's line and the screen" \
	"^$hn/cities/qingdao/city.yaml:$nl:7: warning: on the home screen at 1920x1080, this city's card has no room"
hm=$TMP/home-many
copy_content "$hm"
for i in $(seq 7 13); do cp -r "$hm/cities/oxford" "$hm/cities/oxford$i"; done
sed -i "s/^  - duisburg$/  - duisburg\n$(for i in $(seq 7 13); do printf '  - oxford%s\\n' $i; done)/" "$hm/hall.yaml"
expect_status "13 cities only warn" 0 "$TH" --check "$hm"
expect_output "the home screen's room is stated" \
	"^$hm/hall.yaml:.*warning: the home screen has room for 12 cities and there are 13"

# Staff's classic YAML mistake: a tab for indentation.

t=$TMP/tab
copy_content "$t"
tl=$(grep -n '^  en:' "$t/hall.yaml" | head -1 | cut -d: -f1)
sed -i "${tl}s/^  en:/\ten:/" "$t/hall.yaml"
expect_status "a tab in the indentation fails the check" 1 "$TH" --check "$t"
expect_output "a tab is located and explained" "^$t/hall.yaml:$tl:[0-9]+: error: .*[Tt]ab"

# The hall's time zone: a tzdata name; a misspelt one is refused where it
# is written, and opening hours without one are a warning.
z=$TMP/zone
copy_content "$z"
printf '\ntime_zone: Asia/Yekaterinburg\n' >>"$z/hall.yaml"
expect_status "time_zone: Asia/Yekaterinburg passes --check" 0 "$TH" --check "$z"
sed -i 's|^time_zone: .*|time_zone: Asia/Ekaterinburg|' "$z/hall.yaml"
zl=$(grep -n '^time_zone:' "$z/hall.yaml" | cut -d: -f1)
expect_status "an unknown time zone fails the check" 1 "$TH" --check "$z"
expect_output "the unknown zone is located and a right one named" \
	"^$z/hall.yaml:$zl:12: error: \"Asia/Ekaterinburg\" is not a time zone this PC knows.*Asia/Yekaterinburg"
sed -i 's|^time_zone: .*|time_zone: ../../../etc/passwd|' "$z/hall.yaml"
expect_status "a path for a time zone fails the check" 1 "$TH" --check "$z"
sed -i '/^time_zone:/d' "$z/hall.yaml"
printf 'opening_hours:\n  monday: 09:00-18:00\n' >>"$z/hall.yaml"
expect_status "opening hours without a time zone only warn" 0 "$TH" --check "$z"
expect_output "the warning says the hours follow the PC's zone" \
	"^$z/hall.yaml:[0-9]+:[0-9]+: warning: \"opening_hours\" without \"time_zone\""

expect_status "the program refuses broken content with exit 1" 1 "$TH" --screenshot "$TMP/b.png" "$b"
expect_output "and says how to check it" "run twinhall --check"

# --at takes every place of the hall; a place the content lacks is a usage error.
for at in attract attract/5 home city/duisburg/photos/3 city/duisburg/history city/qingdao/gifts \
	city/qingdao/gifts/1 city/oxford; do
	expect_status "--at $at renders" 0 "$TH" --screenshot "$TMP/at.png" --size 640x360 --at "$at" "$FIX"
done
for at in city/oxford/gifts city/duisburg/photos/4 city/paris/photos/1 city/duisburg/photos/0 \
	home/ "city/duisburg/photos/1x"; do
	expect_status "--at $at is refused with exit 2" 2 "$TH" --screenshot "$TMP/at.png" --at "$at" "$FIX"
done
expect_output "a refused --at says what would work" "not a place in this content"

# The test hooks are no part of the hall: refused without the switch, and
# SIGUSR1/SIGUSR2 neither end nor hang a hall started without it.
expect_status "--monkey without TWINHALL_TEST_HOOKS=1 is refused" 2 "$TH" --monkey 1 --check "$FIX"
expect_output "the refusal names the switch" "test hook: it works only with TWINHALL_TEST_HOOKS=1"
expect_status "--monkey with TWINHALL_TEST_HOOKS=1 is taken" 0 env TWINHALL_TEST_HOOKS=1 "$TH" --monkey 1 --check "$FIX"
SDL_VIDEODRIVER=dummy "$TH" --state-dir "$TMP/hooks-state" "$FIX" >"$TMP/hooks.log" 2>&1 &
hpid=$!
sleep 1.5
kill -USR2 "$hpid" 2>/dev/null
kill -USR1 "$hpid" 2>/dev/null
sleep 0.5
if kill -0 "$hpid" 2>/dev/null && ! grep -qE "SIGUSR2|was reset" "$TMP/hooks.log"; then
	pass "without the switch SIGUSR1 and SIGUSR2 are ignored"
else
	fail "without the switch SIGUSR1 and SIGUSR2 are ignored" "$(tail -3 "$TMP/hooks.log")"
fi
kill -TERM "$hpid" 2>/dev/null
wait "$hpid"
[ $? -eq 0 ] && pass "then SIGTERM ends it with status 0" || fail "then SIGTERM ends it with status 0" "$(tail -3 "$TMP/hooks.log")"

# --kiosk on SDL's drivers that show nothing is refused, saying why.
expect_status "--kiosk refuses SDL's dummy driver" 1 env SDL_VIDEODRIVER=dummy "$TH" --kiosk \
	--state-dir "$TMP/kiosk-state" "$FIX"
expect_output "the refusal says the hall needs a screen" '--kiosk needs a screen, but SDL found none and chose its "dummy" driver'
expect_status "--kiosk refuses SDL's offscreen driver" 1 env SDL_VIDEODRIVER=offscreen "$TH" --kiosk \
	--state-dir "$TMP/kiosk-state" "$FIX"

# Headless screenshots need no display at all.

expect_status "--screenshot works with no display" 0 \
	"$TH" --screenshot "$TMP/shot.png" --size 800x600 --lang en "$FIX"
if "$BUILD/tools/pngprobe" "$TMP/shot.png" 0 0 800 600 >/dev/null 2>&1 &&
	! "$BUILD/tools/pngprobe" "$TMP/shot.png" 0 0 801 600 >/dev/null 2>&1; then
	pass "--screenshot writes a PNG of the asked size"
else
	fail "--screenshot writes a PNG of the asked size"
fi

# The pre-commit hook staff install in the content repository: it checks
# what is staged, refuses broken content with the located error, and lets
# good content through.
repo=$TMP/content-repo
rm -rf "$repo" && cp -r content "$repo" # the staff's own folder, its tools/ with it
git -C "$repo" init -q
git -C "$repo" add -A
th=$(realpath "$TH")
hook() { (cd "$repo" && TWINHALL=$th sh tools/pre-commit); }
expect_status "pre-commit hook: good content may be committed" 0 hook
sed -i 's/^title:/titel:/' "$repo/hall.yaml"
expect_status "pre-commit hook: an unstaged mistake is not what is checked" 0 hook
git -C "$repo" add hall.yaml
expect_status "pre-commit hook: staged broken content is refused" 1 hook
expect_output "pre-commit hook: the error is located in the repository" '^hall.yaml:6:1: error: unknown field "titel"'
exit 0
