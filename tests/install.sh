#!/usr/bin/env bash
# make install and make uninstall into a DESTDIR, as a package build does:
# the program, the units and the sysusers.d entry land under PREFIX, the
# sample content once (never over staff's content), the twinhall user is
# made from the sysusers.d entry alone, and uninstall takes back everything
# but the content.
. "$(dirname "$0")/lib.sh"
root=$TMP/root
rm -rf "$root"
make -s install DESTDIR="$root" >"$TMP/install.log" 2>&1
missing=
for f in usr/local/bin/twinhall usr/local/lib/sysusers.d/twinhall.conf usr/local/lib/tmpfiles.d/twinhall.conf \
	usr/local/sbin/twinhall-sync usr/local/share/man/man8/twinhall-sync.8 \
	usr/local/sbin/twinhall-share usr/local/share/man/man8/twinhall-share.8 usr/local/share/twinhall/twinhall-share.conf \
	usr/local/share/locale/ru/LC_MESSAGES/twinhall.mo usr/local/share/man/man1/twinhall.1 \
	usr/local/share/twinhall/assets/map/land.txt \
	usr/local/lib/systemd/system/getty@tty1.service.d/twinhall.conf \
	usr/local/lib/systemd/system/twinhall.service \
	usr/local/lib/systemd/system/twinhall-content-sync.service \
	usr/local/lib/systemd/system/twinhall-content-sync.timer var/lib/twinhall/content/hall.yaml; do
	[ -e "$root/$f" ] || missing="$missing $f"
done
if [ -z "$missing" ] && [ -x "$root/usr/local/bin/twinhall" ]; then
	pass "make install DESTDIR=... puts the program, sync, units, sysusers.d and tmpfiles.d entries and content in place"
else
	fail "make install DESTDIR=... puts the program, sync, units, sysusers.d and tmpfiles.d entries and content in place" "missing:$missing" "$(cat "$TMP/install.log")"
fi
expect_status "the installed program checks the installed content" 0 \
	"$root/usr/local/bin/twinhall" --check "$root/var/lib/twinhall/content"

# The installed unit, with its ExecStart pointed into DESTDIR, verifies.
sed "s|ExecStart=/usr/local/bin/twinhall|ExecStart=$root/usr/local/bin/twinhall|" \
	"$root/usr/local/lib/systemd/system/twinhall.service" >"$TMP/twinhall.service"
expect_status "systemd-analyze verify passes the installed twinhall.service" 0 \
	systemd-analyze verify "$TMP/twinhall.service"

score=$(systemd-analyze security --offline=yes "$TMP/twinhall.service" 2>&1 |
	sed -n 's/.*Overall exposure level for twinhall.service: \([0-9.]*\).*/\1/p')
if [ -n "$score" ] && awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }'; then
	pass "systemd-analyze security scores the installed unit $score (2.0 or better)"
else
	fail "systemd-analyze security scores the installed unit 2.0 or better" "score: ${score:-none}"
fi
if grep -q '^ReadOnlyPaths=/var/lib/twinhall/content$' "$TMP/twinhall.service" &&
	grep -q '^ProtectSystem=strict$' "$TMP/twinhall.service"; then
	pass "the content is read-only to the service"
else
	fail "the content is read-only to the service" "$(grep -E 'ReadOnlyPaths|ProtectSystem' "$TMP/twinhall.service")"
fi

# The installed sync unit verifies, scores 2.0 or better, and runs the
# installed sync script, which runs the installed program.
sed -e "s|ExecStart=/usr/local/sbin/twinhall-sync|ExecStart=$root/usr/local/sbin/twinhall-sync|" \
	"$root/usr/local/lib/systemd/system/twinhall-content-sync.service" >"$TMP/twinhall-content-sync.service"
expect_status "systemd-analyze verify passes the installed twinhall-content-sync.service" 0 \
	systemd-analyze verify "$TMP/twinhall-content-sync.service"
score=$(systemd-analyze security --offline=yes "$TMP/twinhall-content-sync.service" 2>&1 |
	sed -n 's/.*Overall exposure level for twinhall-content-sync.service: \([0-9.]*\).*/\1/p')
if [ -n "$score" ] && awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }'; then
	pass "systemd-analyze security scores the installed sync unit $score (2.0 or better)"
else
	fail "systemd-analyze security scores the installed sync unit 2.0 or better" "score: ${score:-none}"
fi
if grep -q '^BINDIR=/usr/local/bin$' "$root/usr/local/sbin/twinhall-sync" &&
	grep -q '^LOCALEDIR=/usr/local/share/locale$' "$root/usr/local/sbin/twinhall-sync"; then
	pass "the installed sync checks with the installed program and speaks through its messages"
else
	fail "the installed sync checks with the installed program and speaks through its messages" \
		"$(grep -E '^(BINDIR|LOCALEDIR)=' "$root/usr/local/sbin/twinhall-sync")"
fi

if grep -q '^SHARE_CONF=/usr/local/share/twinhall/twinhall-share.conf$' "$root/usr/local/sbin/twinhall-share" &&
	grep -q '^   path = /var/lib/twinhall/content$' "$root/usr/local/share/twinhall/twinhall-share.conf"; then
	pass "the installed share script includes the installed share of the content folder"
else
	fail "the installed share script includes the installed share of the content folder" \
		"$(grep '^SHARE_CONF=' "$root/usr/local/sbin/twinhall-share")"
fi

# getty stays off tty1 exactly while the hall is enabled: the drop-in's
# condition is the link `systemctl enable twinhall` makes.
want=$(sed -n 's/^WantedBy=//p' "$root/usr/local/lib/systemd/system/twinhall.service")
if grep -qx "ConditionPathExists=!/etc/systemd/system/$want.wants/twinhall.service" \
	"$root/usr/local/lib/systemd/system/getty@tty1.service.d/twinhall.conf"; then
	pass "the getty@tty1 drop-in keeps the login off tty1 while twinhall is enabled ($want)"
else
	fail "the getty@tty1 drop-in keeps the login off tty1 while twinhall is enabled" "WantedBy=$want"
fi

# The folders and the content as systemd-tmpfiles makes them from the
# installed entry (the sample content copied where there is none).
mkdir -p "$root/etc"
systemd-sysusers --root="$root" >/dev/null 2>&1
rm -rf "$TMP/tmpfiles-root" && mkdir -p "$TMP/tmpfiles-root/etc" && cp "$root/etc/passwd" "$root/etc/group" "$TMP/tmpfiles-root/etc/" &&
	cp -R "$root/usr" "$TMP/tmpfiles-root/"
systemd-tmpfiles --root="$TMP/tmpfiles-root" --create "$TMP/tmpfiles-root/usr/local/lib/tmpfiles.d/twinhall.conf" \
	>"$TMP/tmpfiles.log" 2>&1
[ -f "$TMP/tmpfiles-root/var/lib/twinhall/content/hall.yaml" ] &&
	pass "the installed tmpfiles.d entry makes the content folder from the installed sample content" ||
	fail "the installed tmpfiles.d entry makes the content folder from the installed sample content" "$(cat "$TMP/tmpfiles.log")"

# The user, made by systemd-sysusers from the installed entry alone.
mkdir -p "$root/etc"
systemd-sysusers --root="$root" >"$TMP/sysusers.log" 2>&1
groups=$(awk -F: '$4 ~ /(^|,)twinhall(,|$)/ { print $1 }' "$root/etc/group" | sort | tr '\n' ' ')
if grep -q '^twinhall:x:[0-9]*:[0-9]*:.*:/var/lib/twinhall:/usr/sbin/nologin$' "$root/etc/passwd" &&
	[ "$groups" = "input render video " ]; then
	pass "systemd-sysusers makes the twinhall user, in video, render and input only"
else
	fail "systemd-sysusers makes the twinhall user, in video, render and input only" "groups: $groups" "$(cat "$TMP/sysusers.log")"
fi

# Staff's content survives a second install and the uninstall.
echo "# edited by staff" >>"$root/var/lib/twinhall/content/hall.yaml"
make -s install DESTDIR="$root" >"$TMP/install2.log" 2>&1
if tail -1 "$root/var/lib/twinhall/content/hall.yaml" | grep -q "edited by staff" &&
	grep -q "kept the content" "$TMP/install2.log"; then
	pass "a second make install keeps the content that is there"
else
	fail "a second make install keeps the content that is there" "$(cat "$TMP/install2.log")"
fi
make -s uninstall DESTDIR="$root" >"$TMP/uninstall.log" 2>&1
left=$(cd "$root" && find usr -type f)
if [ -z "$left" ] && tail -1 "$root/var/lib/twinhall/content/hall.yaml" | grep -q "edited by staff"; then
	pass "make uninstall removes what it installed and leaves the content"
else
	fail "make uninstall removes what it installed and leaves the content" "left: $left"
fi

# Another PREFIX and content directory reach the unit's command line.
make -s install DESTDIR="$root" PREFIX=/opt/twinhall CONTENTDIR=/srv/twinhall >/dev/null 2>&1
if grep -q '^ExecStart=/opt/twinhall/bin/twinhall --kiosk /srv/twinhall$' \
	"$root/opt/twinhall/lib/systemd/system/twinhall.service" &&
	[ -e "$root/srv/twinhall/hall.yaml" ]; then
	pass "PREFIX and CONTENTDIR reach the installed unit"
else
	fail "PREFIX and CONTENTDIR reach the installed unit" "$(grep ExecStart "$root"/opt/twinhall/lib/systemd/system/twinhall.service 2>&1)"
fi
