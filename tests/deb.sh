#!/usr/bin/env bash
# The Debian package (make deb-test builds it first): its contents and
# dependencies (dpkg-deb), its units as systemd sees them (verify and the
# sandbox score), and its first install and an upgrade unpacked into a
# root of their own: systemd-sysusers makes the user, systemd-tmpfiles
# copies the sample content once and never over staff's content, and the
# packaged program checks the installed content.
. "$(dirname "$0")/lib.sh"
deb=$(ls "$BUILD"/deb/twinhall_*_"$(dpkg --print-architecture)".deb 2>/dev/null | tail -1)
[ -n "$deb" ] || { fail "a package was built" "no $BUILD/deb/twinhall_*.deb: run make deb"; exit 1; }
version=$(sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' debian/changelog)

files=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
missing=
for f in ./usr/bin/twinhall ./lib/systemd/system/twinhall.service \
	./lib/systemd/system/twinhall-content-sync.service ./lib/systemd/system/twinhall-content-sync.timer \
	./usr/lib/sysusers.d/twinhall.conf ./usr/lib/tmpfiles.d/twinhall.conf \
	./usr/share/twinhall/content/hall.yaml ./usr/share/locale/ru/LC_MESSAGES/twinhall.mo \
	./usr/share/twinhall/assets/map/land.txt \
	./usr/sbin/twinhall-sync ./usr/share/man/man8/twinhall-sync.8.gz \
	./usr/sbin/twinhall-share ./usr/share/man/man8/twinhall-share.8.gz ./usr/share/twinhall/twinhall-share.conf \
	./usr/share/man/man1/twinhall.1.gz ./lib/systemd/system/getty@tty1.service.d/twinhall.conf; do
	printf '%s\n' "$files" | grep -qxF "$f" || missing="$missing $f"
done
[ -z "$missing" ] && pass "the package holds the program, its messages, the sync, the share, units, user, folders and sample content" \
	|| fail "the package holds the program, its messages, the sync, the share, units, user, folders and sample content" "missing:$missing"
printf '%s\n' "$files" | grep -q '^\./var/' && fail "the package ships nothing in /var (tmpfiles.d makes it)" \
	|| pass "the package ships nothing in /var (tmpfiles.d makes it)"
depends=$(dpkg-deb -f "$deb" Depends)
if printf '%s' "$depends" | grep -q 'libsdl2-2.0-0' && ! printf '%s' "$depends" | grep -qE -- '-dev|gcc|make'; then
	pass "runtime dependencies only"
else
	fail "runtime dependencies only" "$depends"
fi
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] && pass "the package's version is debian/changelog's ($version)" \
	|| fail "the package's version is debian/changelog's" "$(dpkg-deb -f "$deb" Version) vs $version"

root=$TMP/root
rm -rf "$root" && mkdir -p "$root/etc"
dpkg-deb -x "$deb" "$root"
expect_status "the packaged program says its version" 0 "$root/usr/bin/twinhall" --version
expect_output "--version is the package's" "^twinhall $version\$"

# The units with their ExecStart pointed into the unpacked root.
for u in twinhall.service twinhall-content-sync.service; do
	sed -e "s|/usr/bin/twinhall|$root/usr/bin/twinhall|g" -e "s|/usr/sbin/twinhall-sync|$root/usr/sbin/twinhall-sync|g" \
		"$root/lib/systemd/system/$u" >"$TMP/$u"
	expect_status "systemd-analyze verify passes the packaged $u" 0 systemd-analyze verify "$TMP/$u"
	score=$(systemd-analyze security --offline=yes "$TMP/$u" 2>&1 |
		sed -n "s/.*Overall exposure level for $u: \([0-9.]*\).*/\1/p")
	if [ -n "$score" ] && awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }'; then
		pass "systemd-analyze security scores the packaged $u $score (2.0 or better)"
	else
		fail "systemd-analyze security scores the packaged $u 2.0 or better" "score: ${score:-none}"
	fi
done

# First install: the user, then the folders and the content (postinst's order).
systemd-sysusers --root="$root" "$root/usr/lib/sysusers.d/twinhall.conf" >"$TMP/sysusers.log" 2>&1
grep -q '^twinhall:' "$root/etc/passwd" && pass "postinst's systemd-sysusers makes the twinhall user" \
	|| fail "postinst's systemd-sysusers makes the twinhall user" "$(cat "$TMP/sysusers.log")"
systemd-tmpfiles --root="$root" --create "$root/usr/lib/tmpfiles.d/twinhall.conf" >"$TMP/tmpfiles.log" 2>&1
if [ -f "$root/var/lib/twinhall/content/hall.yaml" ] &&
	[ "$(stat -c %U "$root/var/lib/twinhall/content/hall.yaml" 2>/dev/null)" != root ]; then
	pass "the first install copies the sample content, owned by the hall's user"
else
	fail "the first install copies the sample content, owned by the hall's user" "$(cat "$TMP/tmpfiles.log")" \
		"$(ls -ln "$root/var/lib/twinhall/content" 2>&1 | head -3)"
fi
expect_status "the packaged program checks the installed content" 0 \
	"$root/usr/bin/twinhall" --check "$root/var/lib/twinhall/content"
if grep -q '^BINDIR=/usr/bin$' "$root/usr/sbin/twinhall-sync" && grep -q '^LOCALEDIR=/usr/share/locale$' "$root/usr/sbin/twinhall-sync" &&
	grep -q '^ExecStart=/usr/sbin/twinhall-sync run$' "$root/lib/systemd/system/twinhall-content-sync.service"; then
	pass "the packaged sync runs the packaged program, with its messages"
	grep -q '^SHARE_CONF=/usr/share/twinhall/twinhall-share.conf$' "$root/usr/sbin/twinhall-share" &&
		pass "the packaged share script includes the packaged share" ||
		fail "the packaged share script includes the packaged share" "$(grep '^SHARE_CONF=' "$root/usr/sbin/twinhall-share")"
	printf '%s' "$(dpkg-deb -f "$deb" Suggests)" | grep -q samba && ! printf '%s' "$depends" | grep -q samba &&
		pass "Samba is suggested, not required" || fail "Samba is suggested, not required" "$depends"
else
	fail "the packaged sync runs the packaged program, with its messages" "$(grep -E '^(BINDIR|LOCALEDIR)=' "$root/usr/sbin/twinhall-sync")"
fi

# An upgrade (the same postinst again) keeps staff's content.
echo "# edited by staff" >>"$root/var/lib/twinhall/content/hall.yaml"
rm "$root/var/lib/twinhall/content/cities/oxford/flag.png"
dpkg-deb -x "$deb" "$root"
systemd-tmpfiles --root="$root" --create "$root/usr/lib/tmpfiles.d/twinhall.conf" >/dev/null 2>&1
if tail -1 "$root/var/lib/twinhall/content/hall.yaml" | grep -q "edited by staff" &&
	[ ! -e "$root/var/lib/twinhall/content/cities/oxford/flag.png" ]; then
	pass "an upgrade never writes over staff's content"
else
	fail "an upgrade never writes over staff's content"
fi

if command -v lintian >/dev/null; then
	lintian --tag-display-limit 0 "$deb" >"$TMP/lintian.log" 2>&1
	n=$(grep -cE '^[EW]: ' "$TMP/lintian.log")
	[ "$n" -eq 0 ] && pass "lintian finds no error or warning" \
		|| fail "lintian finds no error or warning" "$(grep -E '^[EW]: ' "$TMP/lintian.log")"
fi
