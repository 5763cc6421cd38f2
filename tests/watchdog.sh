#!/usr/bin/env bash
# systemd's watchdog, with a stand-in for systemd's end of sd_notify (a
# datagram socket, as NOTIFY_SOCKET names it): the real program in Xvfb
# says READY=1 with its status once it has drawn, pings WATCHDOG=1 twice
# per WatchdogSec while the screen stands still, and stops pinging when its
# main loop hangs (SIGUSR2 hangs it on purpose), which is what makes
# systemd restart it. SIGTERM still ends it cleanly.
. "$(dirname "$0")/lib.sh"
export TWINHALL_TEST_HOOKS=1 # the test hooks this test uses
sock=$TMP/notify.sock
log=$TMP/notify.log
start_xvfb 1280 720
"$BUILD/tools/notify_listen" "$sock" 20 >"$log" &
listener=$!
trap 'kill $pid $listener $xvfb 2>/dev/null' EXIT
for _ in $(seq 50); do [ -S "$sock" ] && break; sleep 0.1; done

NOTIFY_SOCKET=$sock WATCHDOG_USEC=1000000 "$TH" --kiosk --state-dir "$TMP/watchdog-state" "$FIX" \
	2>"$TMP/watchdog.err" &
pid=$!
for _ in $(seq 100); do grep -q READY=1 "$log" && break; sleep 0.1; done
sleep 2.5 # the hall at rest: nothing moves, only the watchdog's frames

first=$(head -1 "$log")
case $first in
*" READY=1|STATUS=content current;"*) pass "READY=1 first, with the status, after the first frame" ;;
*) fail "READY=1 first, with the status, after the first frame" "first message: $first" ;;
esac
ready_ms=$(awk '/READY=1/ { print $1; exit }' "$log")
pings=$(awk -v t="$ready_ms" '/WATCHDOG=1/ && $1 > t + 200 && $1 <= t + 2200' "$log" | wc -l)
if [ "$pings" -ge 3 ] && [ "$pings" -le 6 ]; then
	pass "WATCHDOG=1 every half WatchdogSec on a still screen ($pings in 2 s)"
else
	fail "WATCHDOG=1 every half WatchdogSec on a still screen" "$pings pings in 2 s" "$(cat "$log")"
fi
if grep -q 'WATCHDOG=1|STATUS=content current; [0-9]* fps; [0-9]* images ([0-9]* MB); RSS [0-9]* MB' "$log"; then
	pass "each ping carries a one-line STATUS="
else
	fail "each ping carries a one-line STATUS=" "$(tail -3 "$log")"
fi

kill -USR2 "$pid"
sleep 0.6 # a ping already under way may still land
before=$(grep -c WATCHDOG=1 "$log")
sleep 3
after=$(grep -c WATCHDOG=1 "$log")
if [ "$after" -eq "$before" ]; then
	pass "a hung main loop sends no more pings (none in 3 s)"
else
	fail "a hung main loop sends no more pings" "$((after - before)) pings while hung"
fi
if grep -q '^<4>twinhall: the main loop stops on SIGUSR2' "$TMP/watchdog.err"; then
	pass "the hang on purpose is in the journal"
else
	fail "the hang on purpose is in the journal" "$(cat "$TMP/watchdog.err")"
fi

kill -TERM "$pid"
for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
	fail "SIGTERM ends even a hung loop" "still running after 3 s"
else
	wait "$pid"
	rc=$?
	if [ "$rc" -eq 0 ] && grep -q STOPPING=1 "$log"; then
		pass "SIGTERM ends even a hung loop, exit 0, STOPPING=1 sent"
	else
		fail "SIGTERM ends even a hung loop, exit 0, STOPPING=1 sent" "exit $rc" "$(tail -2 "$log")"
	fi
fi

# The start never waits on the content: a folder that takes many seconds
# to read (26 more cities of 1 MiB of junk each) still gets READY=1 and a
# first frame (the notice) within 5 s, and the watchdog's pings while the
# read goes on behind them; then the hall shows what it read (the good
# cities; the junk ones are left out). SIGTERM ends it during the read.
slow=$TMP/slow
copy_content "$slow"
python3 -c 'import os, sys
d = sys.argv[1]; names = ["junk%02d" % i for i in range(14)]
hall = open(d + "/hall.yaml").read().replace("  - duisburg\n", "  - duisburg\n" + "".join("  - %s\n" % n for n in names))
open(d + "/hall.yaml", "w").write(hall)
for n in names:
	os.makedirs(d + "/cities/" + n)
	out, size, i = [], 0, 0
	while size < (1 << 20) - 16:
		line = "k%d: v\n" % i; i += 1; out.append(line); size += len(line)
	open(d + "/cities/" + n + "/city.yaml", "w").write("".join(out))' "$slow"
slow_start() { # slow_start NAME SECONDS: the hall on the slow folder for SECONDS, told to $TMP/slow-NAME.*
	local sock=$TMP/slow-$1.sock # a listener of its own
	"$BUILD/tools/notify_listen" "$sock" "$2" >"$TMP/slow-$1.notify" &
	listener=$!
	for _ in $(seq 50); do [ -S "$sock" ] && break; sleep 0.1; done
	NOTIFY_SOCKET=$sock WATCHDOG_USEC=1000000 "$TH" --kiosk --state-dir "$TMP/slow-$1-state" "$slow" 2>"$TMP/slow-$1.err" &
	pid=$!
}
slow_start read 90
sleep 7
ready=$(awk '/READY=1/ { print int($1); exit }' "$TMP/slow-read.notify")
pings=$(awk -v t="${ready:-0}" '/WATCHDOG=1/ && $1 > t + 1000 && $1 <= t + 3000' "$TMP/slow-read.notify" | wc -l)
if [ -n "$ready" ] && [ "$ready" -lt 5000 ] && [ "$pings" -ge 3 ]; then
	pass "a folder slow to read: READY=1 at $ready ms, the pings go on ($pings in 2 s)"
else
	fail "a folder slow to read: READY=1 within 5 s, the pings go on" "READY=1 at ${ready:-never} ms, $pings pings" "$(head -3 "$TMP/slow-read.notify")" "$(tail -3 "$TMP/slow-read.err")"
fi
grep -q 'READY=1|STATUS=notice' "$TMP/slow-read.notify" && grep -q 'is taking long to read' "$TMP/slow-read.err" \
	&& pass "a folder slow to read: the notice meanwhile, and the journal says why" \
	|| fail "a folder slow to read: the notice meanwhile, and the journal says why" "$(head -1 "$TMP/slow-read.notify")" "$(cat "$TMP/slow-read.err")"
for _ in $(seq 80); do grep -q 'STATUS=content current but cities with errors' "$TMP/slow-read.notify" && break; sleep 1; done
grep -q 'STATUS=content current but cities with errors' "$TMP/slow-read.notify" \
	&& pass "a folder slow to read: once read, the hall shows it (its good cities)" \
	|| fail "a folder slow to read: once read, the hall shows it (its good cities)" "$(tail -2 "$TMP/slow-read.notify")" "$(grep -v '^<[345]>/' "$TMP/slow-read.err" | tail -5)"
kill -TERM "$pid"
wait "$pid"
kill "$listener" 2>/dev/null
slow_start stop 10
sleep 4
t0=$(date +%s%N)
kill -TERM "$pid"
wait "$pid"
rc=$?
ms=$((($(date +%s%N) - t0) / 1000000))
[ "$rc" -eq 0 ] && [ "$ms" -lt 3000 ] && pass "a folder slow to read: SIGTERM ends the hall during the read ($ms ms, status 0)" \
	|| fail "a folder slow to read: SIGTERM ends the hall during the read" "status $rc after $ms ms" "$(tail -3 "$TMP/slow-stop.err")"
kill "$listener" 2>/dev/null
