#!/usr/bin/env bash
# The Debian package on a booted Debian 12 (make deb-boot-test): a
# minimal Debian 12 root (made once by mmdebstrap, cached in BOOT_CACHE)
# is copied and booted with systemd-nspawn -b, systemd as its PID 1; in it
# the package goes through what the IT person does: `apt install
# ./twinhall_*.deb` (apt brings the dependencies), an upgrade to a newer
# build, `apt remove`, `apt purge`, and an install on a machine with no
# console. Each step is judged by what the container's systemd says
# (systemctl show, the journal), not by what the scripts meant to do.
#
# The container has no graphics (no /dev/dri) and no virtual consoles.
# For the main round a pseudo-terminal stands in for /dev/tty1, the
# console the unit puts the hall on, so systemd starts the program for
# real: it finds no screen and backs off. Needs root, systemd-container,
# mmdebstrap and the network to the Debian archive (for the root and for
# the package's dependencies, kept in BOOT_CACHE/archives for next time).
. "$(dirname "$0")/lib.sh"
# Counted here, as tests/run.sh counts: the last line is the verdict.
npass=0 nfail=0
pass() { echo "PASS $1"; npass=$((npass + 1)); }
fail() {
	echo "FAIL $1"
	shift
	printf '  %s\n' "$@"
	nfail=$((nfail + 1))
}
BOOT_CACHE=${BOOT_CACHE:-/var/cache/twinhall-deb-boot}
BOOT_MIRROR=${BOOT_MIRROR:-http://deb.debian.org/debian}
base=$BOOT_CACHE/bookworm
arch=$(dpkg --print-architecture)
version=$(sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' debian/changelog)
deb=$BUILD/deb/twinhall_${version}_$arch.deb
[ -f "$deb" ] || { fail "a package was built" "no $deb: run make deb"; exit 1; }
[ "$(id -u)" -eq 0 ] || { fail "the boot test runs as root" "run it as root (it boots a container)"; exit 1; }
for t in systemd-nspawn mmdebstrap nsenter; do
	command -v $t >/dev/null || { fail "the boot test has its tools" "no $t (make deb-boot-test installs them)"; exit 1; }
done

# The base root: a fresh Debian 12 with systemd as init and nothing of
# ours; made once (a couple of minutes), atomically, then only copied.
if [ ! -f "$base/.twinhall-base" ]; then
	echo "note: making the Debian 12 root in $base (once; a few minutes)"
	rm -rf "$base.new" && mkdir -p "$BOOT_CACHE"
	if ! mmdebstrap --variant=minbase --include=systemd,systemd-sysv,dbus --skip=cleanup/apt/lists \
		bookworm "$base.new" "deb $BOOT_MIRROR bookworm main" "deb $BOOT_MIRROR bookworm-updates main" \
		"deb ${BOOT_MIRROR%/debian}/debian-security bookworm-security main" >"$TMP/mmdebstrap.log" 2>&1; then
		# The machine, not the package: no archive to make a root from.
		echo "SKIP the package under a real systemd: no Debian 12 root could be made here (no way to the archive?)"
		tail -5 "$TMP/mmdebstrap.log"
		exit 0
	fi
	touch "$base.new/.twinhall-base" && rm -rf "$base" && mv "$base.new" "$base"
fi

# The newer build the upgrade installs: the same package, a higher version.
up_version=$version+boot1
debs=$TMP/debs
mkdir -p "$debs" "$BOOT_CACHE/archives"
cp "$deb" "$debs/"
dpkg-deb -R "$deb" "$TMP/up"
sed -i "s/^Version: .*/Version: $up_version/" "$TMP/up/DEBIAN/control"
dpkg-deb -b "$TMP/up" "$debs/twinhall_${up_version}_$arch.deb" >/dev/null

root=$TMP/root
cp -a --reflink=auto "$base" "$root"
rm -f "$root/.twinhall-base"
# The only change to the fresh root: apt keeps what it downloads, in the
# cache bound below, so the next run does not fetch it again.
echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' >"$root/etc/apt/apt.conf.d/99twinhall-test-keep-debs"
systemd-nspawn --quiet -D "$root" -M twinhall-boot --register=no --keep-unit -b --console=pipe \
	--bind-ro="$debs:/root/debs" --bind="$BOOT_CACHE/archives:/var/cache/apt/archives" \
	</dev/null >"$TMP/nspawn.log" 2>&1 &
nspawn=$!
leader=
stop_container() {
	kill -TERM "$nspawn" 2>/dev/null # nspawn asks the container's systemd to halt
	for _ in $(seq 300); do kill -0 "$nspawn" 2>/dev/null || break; sleep 0.1; done
	kill -KILL "$nspawn" 2>/dev/null
	wait "$nspawn" 2>/dev/null
	rm -rf "$root" "$TMP/up" "$debs" # the logs stay in $TMP
	echo "$npass passed, $nfail failed"
	[ "$nfail" -eq 0 ] || exit 1
}
trap stop_container EXIT

# ct CMD...: runs CMD inside the container (its namespaces, its root), as
# root with a clean environment, as an SSH login would.
ct() {
	nsenter -t "$leader" -a env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
		DEBIAN_FRONTEND=noninteractive "$@"
}
# prop NAME: one property of twinhall.service as the container's systemd has it.
prop() { ct systemctl show twinhall.service -P "$1"; }
# mark FILE: now, on the clock the container shares; journal_after FILE:
# the unit's journal lines of this boot after that (all of them when FILE
# is empty). By time, not by cursor: here --after-cursor with a cursor from
# `journalctl -n 1 --show-cursor` missed lines written after it.
mark() { date +%s.%N >"$1"; }
journal_after() {
	ct journalctl -q --no-pager -o short-unix -u twinhall.service -b |
		awk -v t="$(cat "$1")" 't == "" || $1 + 0 > t + 0' | cut -d' ' -f3-
}
# wait_for SECONDS CMD...: until CMD succeeds (a bound, not a measure).
wait_for() {
	local n=$(($1 * 10))
	shift
	for _ in $(seq "$n"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
	return 1
}

for _ in $(seq 200); do
	leader=$(ps -o pid= --ppid "$nspawn" | tr -d ' ' | head -1)
	[ -n "$leader" ] && [ "$(cat /proc/"$leader"/comm 2>/dev/null)" = systemd ] && break
	leader=
	sleep 0.1
done
[ -n "$leader" ] && wait_for 30 ct test -S /run/systemd/private
state=$([ -n "$leader" ] && ct timeout 60 systemctl is-system-running --wait 2>&1)
if [ "$state" = running ]; then
	pass "a Debian 12 root boots under systemd-nspawn, systemd $(ct systemctl --version | sed -n '1s/^systemd \([0-9]*\).*/\1/p') as PID 1, all units up"
else
	# The machine, not the package (nothing of ours is in the root yet):
	# said plainly, and the rest cannot run.
	echo "SKIP the package under a real systemd: a Debian 12 root does not boot under systemd-nspawn here (state: ${state:-no container})"
	tail -5 "$TMP/nspawn.log"
	exit 0
fi

# A pseudo-terminal stands in for the console: perl (Essential, so in any
# Debian root) holds its master end; its slave is bound on /dev/tty1.
ct setsid perl -e 'open(my $m, "+<", "/dev/ptmx") or die "ptmx: $!";
	my $u = pack("i", 0); ioctl($m, 0x40045431, $u) or die "unlockpt: $!"; my $n = pack("i", 0);
	ioctl($m, 0x80045430, $n) or die "ptsname: $!"; print unpack("i", $n), "\n";
	close STDOUT; $SIG{HUP} = "IGNORE"; sleep while 1' </dev/null >"$TMP/pty" 2>&1 &
wait_for 5 grep -q '^[0-9]' "$TMP/pty"
pts=$(cat "$TMP/pty")
ct sh -c "touch /dev/tty1 && mount --bind /dev/pts/$pts /dev/tty1" ||
	fail "a pseudo-terminal stands in for /dev/tty1" "$(cat "$TMP/pty")"

# Install, as docs/install.md says: apt brings the dependencies.
if ! ct apt-get update -q >"$TMP/update.log" 2>&1; then
	echo "SKIP the package under a real systemd: the container cannot reach the Debian archive for the dependencies"
	tail -5 "$TMP/update.log"
	exit 0
fi
ct sh -c "cd /root/debs && apt install -y ./twinhall_${version}_$arch.deb" >"$TMP/install.log" 2>&1
rc=$?
[ $rc -eq 0 ] && pass "apt install ./twinhall_${version}_$arch.deb succeeds on a fresh Debian 12, its dependencies from the archive" ||
	fail "apt install ./twinhall_${version}_$arch.deb succeeds on a fresh Debian 12" "exit $rc" "$(tail -20 "$TMP/install.log")"

pw=$(ct getent passwd twinhall)
groups=" $(ct id -nG twinhall 2>/dev/null) "
if [ "$(printf '%s' "$pw" | cut -d: -f6,7)" = /var/lib/twinhall:/usr/sbin/nologin ] &&
	[ "$(printf '%s' "$pw" | cut -d: -f3)" -lt 1000 ] && [[ $groups == *" video "* ]] &&
	[[ $groups == *" render "* ]] && [[ $groups == *" input "* ]]; then
	pass "the twinhall system user exists, home /var/lib/twinhall, no login, in video, render and input"
else
	fail "the twinhall system user exists, in video, render and input" "passwd: $pw" "groups:$groups"
fi

en=$(ct systemctl is-enabled twinhall.service twinhall-content-sync.timer 2>&1 | tr '\n' ' ')
[ "$en" = "enabled disabled " ] && pass "twinhall.service is enabled, the sync timer is not (staff enable it)" ||
	fail "twinhall.service is enabled, the sync timer is not" "is-enabled: $en"

owner=$(ct stat -c %U /var/lib/twinhall/content/hall.yaml 2>&1)
[ "$owner" = twinhall ] && pass "the sample content is in /var/lib/twinhall/content, owned by twinhall" ||
	fail "the sample content is in /var/lib/twinhall/content, owned by twinhall" "$owner"
expect_status "twinhall --check passes on the installed content, as the twinhall user" 0 \
	ct runuser -u twinhall -- twinhall --check /var/lib/twinhall/content

# Started by systemd at install, and with no screen it backs off: the
# program says why and waits longer after each failed start, its count kept
# in the StateDirectory systemd gives it, across systemd's restarts.
backoff_line() { journal_after "$TMP/c0" | grep -E "(failed start|неудачный запуск) $1 (in a row|подряд)"; }
: >"$TMP/c0"
if wait_for 60 backoff_line 3; then
	pass "systemd started the hall, which finds no screen and backs off: $(backoff_line 3 | head -1)"
else
	fail "systemd started the hall, which finds no screen and backs off" "$(ct systemctl status --no-pager -n 20 twinhall.service)"
fi
if journal_after "$TMP/c0" | grep -q '/dev/dri'; then
	pass "the journal says plainly what is missing (no /dev/dri device)"
else
	fail "the journal says plainly what is missing (no /dev/dri device)" "$(journal_after "$TMP/c0" | tail -8)"
fi

# Upgrade while the hall waits for a screen (in its 16 s wait after the
# 5th failed start). The maintainer scripts restart it: systemd stops the
# waiting process with SIGTERM, and it says so ("stopping on signal 15");
# nothing else in this test stops the hall, and a wait that runs out ends
# with no such line.
wait_for 60 backoff_line 5
old_id=$(prop InvocationID)
mark "$TMP/c1"
ct sh -c "cd /root/debs && apt install -y ./twinhall_${up_version}_$arch.deb" >"$TMP/upgrade.log" 2>&1
rc=$?
got=$(ct dpkg-query -W -f '${Version}' twinhall)
[ $rc -eq 0 ] && [ "$got" = "$up_version" ] && pass "apt install of a newer build upgrades it ($version to $up_version)" ||
	fail "apt install of a newer build upgrades it" "exit $rc, version $got" "$(tail -20 "$TMP/upgrade.log")"
stopped=$(journal_after "$TMP/c1" | grep -E '(stopping on signal|останавливаюсь по сигналу) 15')
if [ -n "$stopped" ] && [ "$(prop InvocationID)" != "$old_id" ]; then
	pass "the upgrade restarted the hall: stopped in its wait by systemd ($stopped), a new invocation runs"
else
	fail "the upgrade restarted the hall" "no line \"stopping on signal 15\"; InvocationID $old_id -> $(prop InvocationID)" \
		"$(ct journalctl -q --no-pager -o short-unix -u twinhall.service -b | tail -12)"
fi

# Remove: stopped, no longer started at boot; staff's content and the user stay.
ct sh -c 'echo "# edited by staff" >>/var/lib/twinhall/content/hall.yaml'
ct apt-get remove -y twinhall >"$TMP/remove.log" 2>&1 || fail "apt remove twinhall" "$(tail -20 "$TMP/remove.log")"
left=$(ct sh -c 'for p in /proc/[0-9]*; do [ "$(cat $p/comm 2>/dev/null)" = twinhall ] && echo ${p#/proc/}; done')
st="$(prop ActiveState) $(prop LoadState)"
if [ -z "$left" ] && case $st in "inactive masked" | "inactive not-found") true ;; *) false ;; esac; then
	pass "apt remove stops the hall and it can no longer start ($st)"
else
	fail "apt remove stops the hall and it can no longer start" "state: $st" "processes: $left"
fi
if ct grep -q 'edited by staff' /var/lib/twinhall/content/hall.yaml && ct getent passwd twinhall >/dev/null; then
	pass "apt remove keeps staff's content and the twinhall user"
else
	fail "apt remove keeps staff's content and the twinhall user"
fi

# Purge: the user, the state, the cache and every trace in systemd's config go.
ct apt-get purge -y twinhall >"$TMP/purge.log" 2>&1 || fail "apt purge twinhall" "$(tail -20 "$TMP/purge.log")"
traces=$(ct sh -c 'getent passwd twinhall; getent group twinhall; ls -d /var/lib/twinhall /var/cache/twinhall 2>/dev/null;
	find /etc/systemd /lib/systemd/system /usr/lib/sysusers.d /usr/lib/tmpfiles.d -name "*twinhall*" 2>/dev/null;
	dpkg-query -W -f "\${db:Status-Status}" twinhall 2>/dev/null | grep -v "^not-installed$"')
[ -z "$traces" ] && pass "apt purge removes the user, its group, /var/lib/twinhall, /var/cache/twinhall and the units" ||
	fail "apt purge removes the user, its group, the state, the cache and the units" "left:" "$traces"

# A machine with no console (a container, a server without virtual
# terminals): there is nowhere to show the hall. The unit says so once
# and stays down; it does not fail before the program runs every 2 s.
ct umount /dev/tty1 && ct rm -f /dev/tty1
mark "$TMP/c2"
ct sh -c "cd /root/debs && apt install -y ./twinhall_${up_version}_$arch.deb" >"$TMP/install2.log" 2>&1 ||
	fail "apt install after a purge" "$(tail -20 "$TMP/install2.log")"
sleep 3 # longer than RestartSec=2: a unit that failed would have been restarted by now
st="$(prop ActiveState) $(prop ConditionResult) $(prop NRestarts)"
if [ "$st" = "inactive no 0" ] && journal_after "$TMP/c2" | grep -q 'skipped.*ConditionPathExists=/dev/tty1'; then
	pass "with no console (/dev/tty1) the hall is skipped with one journal line, not restarted"
else
	fail "with no console (/dev/tty1) the hall is skipped with one journal line, not restarted" \
		"ActiveState ConditionResult NRestarts: $st" "$(journal_after "$TMP/c2" | tail -6)"
fi
