#!/usr/bin/env bash
# Staff read Russian: every message they can see (the program's and the
# scripts' of tools/) is in po/ru.po, translated
# (a message added to the code without its translation fails here: run
# `make po`, translate, commit); the catalogue compiles with its formats
# checked; --check speaks Russian under LANG=ru_RU.UTF-8 (even where that
# locale was never generated) and English under LANG=C, with path:line:col
# kept; the hall's journal follows hall.yaml's staff_language (default ru).
. "$(dirname "$0")/lib.sh"

xgettext $(cat po/xgettext.args) -o "$TMP/twinhall.pot" $(ls src/*/*.c | sort) 2>"$TMP/xgettext.log"
xgettext $(cat po/xgettext-sh.args) -j -o "$TMP/twinhall.pot" $(sed -n 's/^SH_I18N *:= *//p' Makefile) 2>>"$TMP/xgettext.log"
if out=$(msgcmp po/ru.po "$TMP/twinhall.pot" 2>&1); then
	pass "po/ru.po translates every message of the code ($(grep -c '^msgid ' "$TMP/twinhall.pot") of them)"
else
	fail "po/ru.po translates every message of the code" "$(printf '%s\n' "$out" | head -20)"
fi
if out=$(msgfmt --check --statistics -o /dev/null po/ru.po 2>&1) && ! printf '%s' "$out" | grep -qE 'fuzzy|untranslated'; then
	pass "po/ru.po compiles, its formats match the code's ($out)"
else
	fail "po/ru.po compiles, its formats match the code's, nothing fuzzy" "$out"
fi

# --check in the language of whoever runs it.
b=$TMP/po-broken
copy_content "$b"
sed -i 's|file: photos/01-town-hall-declaration.jpg|file: photos\\01-town-hall-declaration.jpg|' "$b/cities/oxford/city.yaml"
l=$(grep -n 'photos\\01-town' "$b/cities/oxford/city.yaml" | cut -d: -f1)
OUT=$(LANG=ru_RU.UTF-8 LANGUAGE= LC_ALL= "$TH" --check "$b" 2>&1)
expect_output "--check under LANG=ru_RU.UTF-8 speaks Russian at path:line:col" \
	"^$b/cities/oxford/city.yaml:$l:11: ошибка: photos.01-town-hall-declaration.jpg содержит"
expect_output "--check's verdict is Russian, with Russian plurals" "^$b: 1 ошибка, 0 предупреждений: зал не может"
OUT=$(LANG=C LANGUAGE= LC_ALL= "$TH" --check "$b" 2>&1)
expect_output "--check under LANG=C speaks English" "^$b/cities/oxford/city.yaml:$l:11: error: photos.01-town-hall-declaration.jpg contains"
OUT=$(LANG=ru_RU.UTF-8 LANGUAGE= LC_ALL= "$TH" --help 2>&1)
expect_output "--help under a Russian locale is Russian" "^Использование: twinhall"

# The hall's journal: hall.yaml's staff_language, Russian when it is not set.
hall_log() { # hall_log DIR: the journal of the hall started on DIR for 2 s (no display)
	SDL_VIDEODRIVER=dummy LANG=C LANGUAGE= LC_ALL= STATE_DIRECTORY=$TMP/po-state "$TH" "$1" >/dev/null 2>"$TMP/po-hall.log" &
	local p=$!
	sleep 2
	kill -TERM $p
	wait $p 2>/dev/null
	OUT=$(cat "$TMP/po-hall.log")
}
sed -i '/^staff_language:/d' "$b/hall.yaml"
hall_log "$b"
expect_output "with no staff_language the hall's journal is Russian" \
	"^<3>$b/cities/oxford/city.yaml:$l:11: ошибка: "
printf 'staff_language: en\n' >>"$b/hall.yaml"
hall_log "$b"
expect_output "staff_language: en makes it English" "^<3>$b/cities/oxford/city.yaml:$l:11: error: "
sed -i 's/^staff_language: en$/staff_language: fr/' "$b/hall.yaml"
OUT=$("$TH" --check "$b" 2>&1)
expect_output "an unknown staff_language is a located error" "hall.yaml:[0-9]+:[0-9]+: error: .staff_language. is the language"
exit 0
