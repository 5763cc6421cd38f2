#!/usr/bin/env bash
# The command line as staff and installers use it: --check on good and
# broken content, usage errors, and headless screenshots.
. "$(dirname "$0")/lib.sh"
unset DISPLAY WAYLAND_DISPLAY

expect_status "--help exits 0" 0 "$TH" --help
expect_output "--help shows usage" '^Usage: twinhall \[OPTIONS\] \[CONTENT_DIR\]'
# README's command line section is --help word for word.
if d=$(diff <(sed -n '/^    Usage: twinhall/,/^    Without it those options/p' README.md | sed 's/^    //') \
	<(LANG=C LANGUAGE= LC_ALL= "$TH" --help 2>&1)); then
	pass "README's command line is --help's, word for word"
else
	fail "README's command line is --help's, word for word" "$d"
fi
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
expect_status "a bad --text exits 2" 2 "$TH" --screenshot "$TMP/x.png" --text huge "$FIX"
expect_output "a bad --text says what it wants" "--text wants normal or large, not 'huge'"
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

# A caption that fits its three lines but not the five of large text (long
# words one a line there) is a warning of its own, naming large text.
lt=$TMP/long-large
copy_content "$lt"
ll=$(grep -n '^      en:' "$lt/cities/oxford/city.yaml" | head -1 | cut -d: -f1)
sed -i "${ll}s/^      en: .*/      en: $(printf 'Partnerschaftsurkunden %.0s' $(seq 6))/" "$lt/cities/oxford/city.yaml"
expect_status "a caption too long only in large text only warns" 0 "$TH" --check "$lt"
expect_output "the warning says it is large text, where and how many lines" \
	"^$lt/cities/oxford/city.yaml:$ll:11: warning: this caption needs 6 lines at 1920x1080 in large text .* room for 5"
printf "%s\n" "$OUT" | grep -q "caption needs [0-9]* lines at 1920x1080 but" &&
	fail "it fits normal text: no warning for that" "$OUT" || pass "it fits normal text: no warning for that"

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

# Rules the staff guide states, checked: photos big enough for the screen,
# history oldest first; a name in another letter case is found and named.
lr=$TMP/rules
copy_content "$lr"
ph=$(ls "$lr"/cities/oxford/photos/02-*.jpg)
convert "$ph" -resize 640x427 "$ph"
pl=$(grep -n "file: photos/02-" "$lr/cities/oxford/city.yaml" | cut -d: -f1)
hl=$(grep -n "^  - year: 2001" "$lr/cities/oxford/city.yaml" | cut -d: -f1)
sed -i "${hl}s/year: 2001/year: 1990/" "$lr/cities/oxford/city.yaml"
sed -i "s|file: photos/01-town-hall-declaration.jpg|file: photos/01-Town-Hall-Declaration.JPG|" "$lr/cities/oxford/city.yaml"
cl=$(grep -n "01-Town-Hall" "$lr/cities/oxford/city.yaml" | cut -d: -f1)
expect_status "a small photo, history out of order and a name's case only warn" 0 "$TH" --check "$lr"
expect_output "a photo far below the screen's size is a warning with its size" \
	"^$lr/cities/oxford/city.yaml:$pl:11: warning: this photo is only 640 x 427 pixels"
expect_output "history out of order is a warning at the year" \
	"^$lr/cities/oxford/city.yaml:$hl:11: warning: 1990 comes after 1995"
expect_output "a name in another case is found and named" \
	"^$lr/cities/oxford/city.yaml:$cl:11: warning: photos/01-Town-Hall-Declaration.JPG is not in the folder as written, but 01-town-hall-declaration.jpg is"

# One rule book: the hall running on a folder writes to its journal the
# problems --check prints for that folder, the same words at the same
# places, after a save and at its start: warnings (a caption cut with "…",
# a city folder not listed) and an error (a character no font has, which
# the hall then refuses as --check does).
same_as_check() { # same_as_check NAME DIR LOG: LOG's located lines are --check's for DIR
	local want got
	want=$("$TH" --check "$2" | grep -F "$2/")
	got=$(sed -n "s|^<[345]>\($2/\)|\1|p" "$3")
	if [ -n "$want" ] && [ "$want" = "$got" ]; then pass "$1"; else
		fail "$1" "--check says:" "$want" "the hall says:" "$got"; fi
}
hall_start() { # hall_start DIR: the hall on DIR without a display; its trace and journal in $TMP
	SDL_VIDEODRIVER=dummy "$TH" --trace --state-dir "$TMP/rb-state" "$1" >"$TMP/rb.trace" 2>"$TMP/rb.log" &
	hall=$!
	lines_in "$TMP/rb.trace" '"state"' 1 # up, its folder watched
}
reloaded() { # reloaded N WANT: waits (10 s at most) for the trace's Nth reload; it says WANT
	for _ in $(seq 100); do [ "$(grep -c '"reload":' "$TMP/rb.trace")" -ge "$1" ] && break; sleep 0.1; done
	grep '"reload":' "$TMP/rb.trace" | sed -n "${1}p" | grep -q "$2"
}
rb=$TMP/rulebook
copy_content "$rb"
hall_start "$rb"
rl=$(grep -n '^      en:' "$rb/cities/oxford/city.yaml" | head -1 | cut -d: -f1)
sed -i "${rl}s/\$/ $(printf 'And a very long sentence that goes on. %.0s' $(seq 12))/" "$rb/cities/oxford/city.yaml"
mkdir "$rb/cities/paris"
reloaded 1 '"reload":"ok"' && pass "the hall shows content with warnings only" || fail "the hall shows content with warnings only" "$(cat "$TMP/rb.trace")"
same_as_check "the hall logs the warnings of a save as --check gives them" "$rb" "$TMP/rb.log"
seen=$(wc -l <"$TMP/rb.log")
el=$(grep -n '^      en:' "$rb/cities/duisburg/city.yaml" | head -1 | cut -d: -f1)
sed -i "${el}s/^      en: /      en: 🙂 /" "$rb/cities/duisburg/city.yaml"
# Refused for its city alone (issue 20): Duisburg stays as it was, the load
# is "partial" with the error.
reloaded 2 '"reload":"partial",.*"errors":1' && pass "the hall refuses a character no font has, as --check does" ||
	fail "the hall refuses a character no font has, as --check does" "$(cat "$TMP/rb.trace")"
tail -n +$((seen + 1)) "$TMP/rb.log" >"$TMP/rb-refused.log"
same_as_check "the hall logs the refused save's errors and warnings as --check gives them" "$rb" "$TMP/rb-refused.log"
kill -TERM "$hall"
wait "$hall"
hall_start "$rb"
kill -TERM "$hall"
wait "$hall"
same_as_check "at its start the hall logs what --check gives" "$rb" "$TMP/rb.log"

# Staff's classic YAML mistake: a tab for indentation.

t=$TMP/tab
copy_content "$t"
tl=$(grep -n '^  en:' "$t/hall.yaml" | head -1 | cut -d: -f1)
sed -i "${tl}s/^  en:/\ten:/" "$t/hall.yaml"
expect_status "a tab in the indentation fails the check" 1 "$TH" --check "$t"
expect_output "a tab is located and explained" "^$t/hall.yaml:$tl:[0-9]+: error: .*[Tt]ab"

# Quotes and colons as staff type them: a quote left open is reported
# where it opened, not where YAML gave up, lines below in a comment that
# has a quote mark; a plain caption with ": " in it is taken as its text,
# and where that is not clear the message says how to write it.
q=$TMP/quote
copy_content "$q"
qf=$q/cities/oxford/city.yaml
ql=$(grep -n '^      ru: 22 декабря' "$qf" | head -1 | cut -d: -f1)
sed -i "${ql}s/ru: 22/ru: \"22/" "$qf"
expect_status "a quote never closed fails the check" 1 "$TH" --check "$q"
expect_output "it is reported where the quote opened" \
	"^$qf:$ql:11: error: this quoted text is not closed on its line, so it runs on to line [0-9]+: add the closing \" at the end of the text on line $ql\$"
k=$TMP/colon
copy_content "$k"
kf=$k/cities/oxford/city.yaml
sed -i "${ql}s/ru: 22 декабря/ru: Оксфорд: 22 декабря/" "$kf"
expect_status "a plain caption with \": \" in it passes the check" 0 "$TH" --check "$k"
"$TH" --screenshot "$TMP/colon.png" --size 640x360 --lang ru --at city/oxford/photos/1 "$k" >/dev/null 2>&1
"$TH" --screenshot "$TMP/no-colon.png" --size 640x360 --lang ru --at city/oxford/photos/1 "$FIX" >/dev/null 2>&1
if [ -s "$TMP/colon.png" ] && ! "$BUILD/tools/pngdiff" "$TMP/colon.png" "$TMP/no-colon.png" 0.01 >/dev/null; then
	pass "and the hall shows it as its caption"
else
	fail "and the hall shows it as its caption" "no screenshot, or the photo looks as before"
fi
sed -i "${ql}s/\$/\n        и ещё строка/" "$kf"
expect_status "such a caption going on over two lines fails the check" 1 "$TH" --check "$k"
expect_output "it is located at its colon and says what to do" \
	"^$kf:$ql:18: error: a value contains \": \" or the indentation is off; put the value in quotes"

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
lines_in "$TMP/hooks.log" 'showing ' 1 # up, its signals taken
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

# A hall that cannot open a screen (an SDL driver that does not exist)
# backs off under --kiosk: with three failed starts already counted it
# says it waits 8 s. SIGTERM (systemctl stop, an upgrade, shutdown) ends
# the wait with status 0, so systemd does not count the stop as a failure.
mkdir -p "$TMP/bo-state" && echo 3 >"$TMP/bo-state/failed-starts"
LANG=C LANGUAGE= LC_ALL= SDL_VIDEODRIVER=no-such-driver "$TH" --kiosk --state-dir "$TMP/bo-state" "$FIX" 2>"$TMP/bo.log" &
bpid=$!
for _ in $(seq 100); do grep -qE 'failed start 4 in a row|неудачный запуск 4 подряд' "$TMP/bo.log" && break; sleep 0.1; done
if grep -qE '(failed start 4 in a row|неудачный запуск 4 подряд)' "$TMP/bo.log" && kill -0 "$bpid" 2>/dev/null; then
	pass "with no screen --kiosk backs off: failed start 4 in a row, waiting"
else
	fail "with no screen --kiosk backs off: failed start 4 in a row, waiting" "$(cat "$TMP/bo.log")"
fi
kill -TERM "$bpid" 2>/dev/null
wait "$bpid"
rc=$?
[ $rc -eq 0 ] && pass "SIGTERM during the back-off ends it with status 0 (a stop, not a failure)" ||
	fail "SIGTERM during the back-off ends it with status 0 (a stop, not a failure)" "exit $rc" "$(tail -3 "$TMP/bo.log")"

# hall.yaml's staff_pin: 4 to 8 digits, checked where it is written.
pin=$TMP/pin
copy_content "$pin"
echo 'staff_pin: "0481"' >>"$pin/hall.yaml"
expect_status "--check takes a staff_pin of 4 to 8 digits" 0 "$TH" --check "$pin"
for bad in 12a4 123 123456789 '[1, 2]'; do
	copy_content "$pin"
	echo "staff_pin: $bad" >>"$pin/hall.yaml"
	pl=$(wc -l <"$pin/hall.yaml")
	expect_status "--check refuses staff_pin: $bad" 1 "$TH" --check "$pin"
	expect_output "the bad staff_pin $bad is located" "^$pin/hall.yaml:$pl:12: error: \"staff_pin\" must be 4 to 8 digits"
done

# With neither STATE_DIRECTORY nor HOME set (a bare service), the hall
# still keeps a last good copy, in a private folder under TMPDIR, and says
# so in the journal: it never runs without one in silence.
bare_tmp=$TMP/bare-tmp
mkdir -p "$bare_tmp"
env -u STATE_DIRECTORY -u HOME -u XDG_STATE_HOME TMPDIR="$bare_tmp" SDL_VIDEODRIVER=dummy \
	"$TH" "$FIX" >"$TMP/bare.log" 2>&1 &
hpid=$!
for _ in $(seq 60); do [ -e "$bare_tmp/twinhall-$(id -u)/last-good/hall.yaml" ] && break; sleep 0.1; done
grep -q "^<[34]>twinhall: neither STATE_DIRECTORY nor HOME is set: the last good copy of the content is kept in $bare_tmp/twinhall-$(id -u)" "$TMP/bare.log" \
	&& pass "no STATE_DIRECTORY nor HOME: the journal says where the last good copy goes" \
	|| fail "no STATE_DIRECTORY nor HOME: the journal says where the last good copy goes" "$(cat "$TMP/bare.log")"
[ -e "$bare_tmp/twinhall-$(id -u)/last-good/hall.yaml" ] \
	&& pass "no STATE_DIRECTORY nor HOME: a last good copy is still kept" \
	|| fail "no STATE_DIRECTORY nor HOME: a last good copy is still kept" "$(ls -lR "$bare_tmp")"
kill -TERM "$hpid" 2>/dev/null
wait "$hpid"

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
# As git runs it, on a PC without twinhall (staff's Windows PC): the
# commit goes through, saying plainly that the display PCs check it.
cp "$repo/tools/pre-commit" "$repo/.git/hooks/pre-commit" && chmod +x "$repo/.git/hooks/pre-commit"
commit() { git -C "$repo" -c user.name=staff -c user.email=staff@example.org commit -qm "$1"; }
expect_status "pre-commit hook without twinhall: the commit goes through" 0 \
	env TWINHALL=/nonexistent/twinhall LANG=C LANGUAGE= LC_ALL= bash -c "$(declare -f commit); repo=$repo; commit 'no twinhall here'"
expect_output "... saying that the display PC checks it" "^pre-commit: twinhall is not installed on this PC.*each display PC checks it"
sed -i 's/^titel:/title:/' "$repo/hall.yaml"
sed -i '0,/caption:/s//captoin:/' "$repo/cities/oxford/city.yaml"
git -C "$repo" add -A
expect_status "pre-commit hook with twinhall, run by git commit: broken content is refused" 1 \
	env TWINHALL="$th" bash -c "$(declare -f commit); repo=$repo; commit 'a typo'"
expect_output "... with its located error" '^cities/oxford/city.yaml:[0-9]+:[0-9]+: error: unknown field "captoin"'
exit 0
