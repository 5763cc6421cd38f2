#!/usr/bin/env bash
# The content folder as staff reach it from Windows: saves as Windows
# programs make them (Word's: a temporary name, the old file renamed away,
# the new one renamed in; Notepad's: in place, UTF-8 with a byte order
# mark and CRLF line ends) reach the running hall once each, and right (a
# render of the saved folder is the render of the same text saved the
# Linux way). Then the Samba drop-in: testparm accepts it, twinhall-share
# enable and disable add and take out its one include line, and, where
# smbd and smbclient are installed, the same Word-style save made through
# a real smbd on a port of its own reaches the hall.
. "$(dirname "$0")/lib.sh"
PNGDIFF=$BUILD/tools/pngdiff
export LANG=C LANGUAGE= LC_ALL= STATE_DIRECTORY=$TMP/share-state
c=$TMP/share-content
copy_content "$c"
mkdir -p "$c/.git" && echo "[core]" >"$c/.git/config" # as on a PC that syncs too
oxford=cities/oxford/city.yaml
place=city/oxford/photos/1

export SDL_VIDEODRIVER=dummy
"$TH" --trace --at "$place" "$c" >"$TMP/share-trace" 2>"$TMP/share-log" &
pid=$!
trap 'kill $pid 2>/dev/null; [ -n "${smbd:-}" ] && kill $smbd 2>/dev/null' EXIT
for _ in $(seq 50); do grep -q '"state"' "$TMP/share-trace" 2>/dev/null && break; sleep 0.1; done

reloads() { grep -c '"reload":"' "$TMP/share-trace"; }
# settled N: waits until the trace has N reloads (10 s at most), then 2 s
# more, in which no other may come.
settled() {
	for _ in $(seq 100); do [ "$(reloads)" -ge "$1" ] && break; sleep 0.1; done
	sleep 2
}
windows() { # windows FILE: FILE as Notepad saves it, with a BOM and CRLF
	printf '\357\273\277'
	sed 's/$/\r/' "$1"
}
render() { # render PNG DIR
	"$TH" --screenshot "$1" --at "$place" --lang en --size 960x540 "$2" >/dev/null 2>&1
}
# same_as_linux NAME: the hall's folder renders as a copy saved without
# BOM and CRLF does.
same_as_linux() {
	rm -rf "$TMP/share-linux" && cp -r "$c" "$TMP/share-linux"
	for f in "$TMP"/share-linux/hall.yaml "$TMP"/share-linux/cities/*/city.yaml; do
		sed -i '1s/^\xEF\xBB\xBF//; s/\r$//' "$f"
	done
	render "$TMP/share-win.png" "$c"
	render "$TMP/share-lin.png" "$TMP/share-linux"
	# ... and shows the new caption: not the render of the content before.
	if "$PNGDIFF" "$TMP/share-lin.png" "$TMP/share-win.png" 0 >/dev/null && "$TH" --check "$c" >/dev/null 2>&1 &&
		! "$PNGDIFF" "$TMP/share-before.png" "$TMP/share-win.png" 0.1 >/dev/null; then
		pass "$1"
	else
		fail "$1" "$("$TH" --check "$c" 2>&1 | tail -3)"
	fi
}

render "$TMP/share-before.png" "$FIX"

# Word: ~WRL0001.tmp written, the old file renamed to ~WRL0002.tmp, the new
# one renamed to city.yaml, the old deleted.
sed 's/^\(      en: \).*/\1Saved from Windows (Word)/' "$FIX/$oxford" >"$TMP/share-new.yaml"
windows "$TMP/share-new.yaml" >"$c/cities/oxford/~WRL0001.tmp"
mv "$c/$oxford" "$c/cities/oxford/~WRL0002.tmp"
mv "$c/cities/oxford/~WRL0001.tmp" "$c/$oxford"
rm "$c/cities/oxford/~WRL0002.tmp"
settled 1
if [ "$(reloads)" -eq 1 ] && grep -q '"reload":"ok"' "$TMP/share-trace"; then
	pass "a Word-style save (temporary name, renames) is one reload, accepted"
else
	fail "a Word-style save (temporary name, renames) is one reload, accepted" "$(cat "$TMP/share-trace")" "$(tail -3 "$TMP/share-log")"
fi
same_as_linux "a city.yaml with a BOM and CRLF shows as the same text saved the Linux way"

# Notepad: in place, BOM and CRLF, here hall.yaml too.
sed 's/Saved from Windows (Word)/Saved from Windows (Notepad)/' "$TMP/share-new.yaml" >"$TMP/share-new2.yaml"
windows "$TMP/share-new2.yaml" >"$c/$oxford"
windows "$FIX/hall.yaml" >"$c/hall.yaml"
settled 2
if [ "$(reloads)" -eq 2 ] && [ "$(grep -c '"reload":"ok"' "$TMP/share-trace")" -eq 2 ]; then
	pass "a Notepad save in place of two files is one more reload, accepted"
else
	fail "a Notepad save in place of two files is one more reload, accepted" "$(cat "$TMP/share-trace")" "$(tail -3 "$TMP/share-log")"
fi
same_as_linux "hall.yaml and city.yaml with a BOM and CRLF show as saved the Linux way"
grep -q '<[34]>' "$TMP/share-log" && fail "no error or warning in the journal" "$(grep '<[34]>' "$TMP/share-log")" ||
	pass "no error or warning in the journal"

# The drop-in, as Samba reads it.
conf=tools/twinhall-share.conf
OUT=$(LANG=ru_RU.UTF-8 TEXTDOMAINDIR=$BUILD/locale TWINHALL_SMB_CONF=$TMP/none tools/twinhall-share status 2>&1)
expect_output "twinhall-share speaks Russian under a Russian locale" "папка содержимого не открыта"
if command -v testparm >/dev/null; then
	out=$(testparm -s "$conf" 2>&1)
	if printf '%s' "$out" | grep -q 'path = /var/lib/twinhall/content' &&
		printf '%s' "$out" | grep -q 'valid users = @twinhall-staff' &&
		printf '%s' "$out" | grep -q 'force user = twinhall'; then
		pass "testparm reads the drop-in: the content folder, for twinhall-staff, written as twinhall"
	else
		fail "testparm reads the drop-in" "$out"
	fi
	# enable and disable against a copy of Debian's smb.conf (as root: it
	# makes the group; the test takes it out again if it made it).
	if [ "$(id -u)" -eq 0 ]; then
		had_group=$(getent group twinhall-staff)
		smb=$TMP/share-smb.conf
		printf '[global]\n   workgroup = WORKGROUP\n' >"$smb"
		cp "$smb" "$TMP/share-smb.orig"
		OUT=$(TWINHALL_SMB_CONF=$smb tools/twinhall-share enable 2>&1)
		TWINHALL_SMB_CONF=$smb tools/twinhall-share enable >/dev/null 2>&1
		n=$(grep -c '^include = /usr/local/share/twinhall/twinhall-share.conf$' "$smb")
		[ "$n" -eq 1 ] && getent group twinhall-staff >/dev/null && printf '%s' "$OUT" | grep -q 'content folder is shared as \\\\.*\\content' &&
			pass "twinhall-share enable (twice) adds one include line and the staff group" ||
			fail "twinhall-share enable (twice) adds one include line and the staff group" "$OUT" "$(cat "$smb")"
		TWINHALL_SMB_CONF=$smb tools/twinhall-share disable >/dev/null 2>&1
		cmp -s "$smb" "$TMP/share-smb.orig" && pass "twinhall-share disable gives smb.conf back as it was" ||
			fail "twinhall-share disable gives smb.conf back as it was" "$(diff "$TMP/share-smb.orig" "$smb")"
		[ -z "$had_group" ] && groupdel twinhall-staff 2>/dev/null
	fi
fi

# A real smbd on its own port, its own folders, the drop-in with this
# test's folder and user; smbclient saves as Word does.
if command -v smbd >/dev/null && command -v smbclient >/dev/null && [ "$(id -u)" -eq 0 ]; then
	s=$TMP/samba
	mkdir -p "$s/private" "$s/lock" "$s/state" "$s/cache" "$s/pid" "$s/log"
	port=$((20000 + RANDOM % 20000))
	sed -e "s|/var/lib/twinhall/content|$c|" -e "s|@twinhall-staff|root|" -e "s|= twinhall$|= root|" \
		"$conf" >"$s/share.conf"
	cat >"$s/smb.conf" <<-EOF
		[global]
		   smb ports = $port
		   interfaces = lo
		   bind interfaces only = yes
		   private dir = $s/private
		   lock directory = $s/lock
		   state directory = $s/state
		   cache directory = $s/cache
		   pid directory = $s/pid
		   log file = $s/log/%m.log
		   passdb backend = tdbsam:$s/private/passdb.tdb
		   disable spoolss = yes
		   load printers = no
		include = $s/share.conf
	EOF
	printf 'pw0\npw0\n' | smbpasswd -c "$s/smb.conf" -s -a root >/dev/null 2>&1
	# A session of its own: smbd ends its whole process group when it stops.
	setsid smbd --foreground --no-process-group --debug-stdout -s "$s/smb.conf" >"$s/log/smbd.out" 2>&1 &
	smbd=$!
	smb() { smbclient -s "$s/smb.conf" -p "$port" -U root%pw0 //127.0.0.1/content -c "$1" 2>&1; }
	for _ in $(seq 50); do smb 'ls' >/dev/null && break; sleep 0.2; done
	sed 's/^\(      en: \).*/\1Saved through the share/' "$FIX/$oxford" >"$TMP/share-new3.yaml"
	windows "$TMP/share-new3.yaml" >"$TMP/share-up.yaml"
	OUT=$(smb "cd cities\\oxford; put $TMP/share-up.yaml ~WRL0003.tmp; rename city.yaml ~WRL0004.tmp; rename ~WRL0003.tmp city.yaml; del ~WRL0004.tmp; ls")
	settled 3
	if [ "$(reloads)" -eq 3 ] && [ "$(grep -c '"reload":"ok"' "$TMP/share-trace")" -eq 3 ] &&
		grep -q "Saved through the share" "$c/$oxford" && [ ! -e "$c/cities/oxford/~WRL0004.tmp" ]; then
		pass "a Word-style save through smbd (smbclient) is one reload, accepted"
	else
		fail "a Word-style save through smbd (smbclient) is one reload, accepted" "$OUT" "$(cat "$TMP/share-trace")" "$(tail -5 "$s/log/smbd.out")"
	fi
	same_as_linux "what came through the share shows as saved the Linux way"
	OUT=$(smb 'ls .git\*')
	printf '%s' "$OUT" | grep -q 'NT_STATUS_OBJECT_NAME_NOT_FOUND\|NT_STATUS_NO_SUCH_FILE\|NT_STATUS_OBJECT_PATH_NOT_FOUND' &&
		pass "git's folder is not reachable through the share" || fail "git's folder is not reachable through the share" "$OUT"
	kill $smbd
	wait $smbd 2>/dev/null
	smbd=
else
	echo "note: smbd and smbclient are not installed (or not root): the share itself was not tried"
fi
kill -TERM $pid
wait $pid 2>/dev/null
exit 0
