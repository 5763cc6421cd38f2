#!/usr/bin/env bash
# The content sync (tools/twinhall-sync) against a bare repository on disk,
# as the timer runs it: setup over the sample content, a good commit, a
# force-push, edits made on the display PC, a commit the hall rejects (the
# folder keeps the last good commit, exit 1, the status file says so), the
# good commit after it, a remote that cannot be reached, a lock left by a
# killed git, and a folder owned by another user.
. "$(dirname "$0")/lib.sh"
export TWINHALL=$PWD/$TH TEXTDOMAINDIR=$PWD/$BUILD/locale LANG=C LANGUAGE= LC_ALL=
export STATE_DIRECTORY=$TMP/sync-state TWINHALL_CONTENT=$TMP/sync-content
export GIT_AUTHOR_NAME=staff GIT_AUTHOR_EMAIL=staff@example.org
export GIT_COMMITTER_NAME=staff GIT_COMMITTER_EMAIL=staff@example.org
sync=$PWD/tools/twinhall-sync
c=$TWINHALL_CONTENT
remote=$TMP/sync-remote.git
work=$TMP/sync-work # where staff commit
rm -rf "$remote" "$work" "$c" "$STATE_DIRECTORY"
mkdir -p "$STATE_DIRECTORY"

git init -q --bare -b main "$remote"
git init -q -b main "$work"
cp -r "$FIX"/. "$work"/
git -C "$work" add -A && git -C "$work" commit -qm "the hall's content"
git -C "$work" remote add origin "$remote" && git -C "$work" push -q origin main

# commit_caption TEXT: staff change Oxford's first photo's caption and push.
oxford=cities/oxford/city.yaml
commit_caption() {
	sed -i "0,/^\(      en: \).*/s//\1$1/" "$work/$oxford"
	git -C "$work" commit -qam "caption: $1" && git -C "$work" push -q "${2:---quiet}" origin main
}
# The test's own look at the folder, whoever owns it.
g() { git -c safe.directory='*' -C "$c" "$@"; }
head_is() { [ "$(g rev-parse HEAD)" = "$(git -C "$work" rev-parse HEAD)" ]; }
clean() { [ -z "$(g status --porcelain --untracked-files=all)" ]; }
field() { sed -n "s/^$1=//p" "$STATE_DIRECTORY/status"; }
run() { # run: one sync as the timer runs it; $OUT its journal, $rc its status
	OUT=$(JOURNAL_STREAM=1:1 "$sync" run 2>&1)
	rc=$?
}

# Setup over the sample content that the package put there: it is kept
# aside, and the folder becomes the repository's branch.
copy_content "$c"
echo "# staff's edit before git" >>"$c/hall.yaml"
if [ "$(id -u)" -eq 0 ]; then
	OUT=$(TWINHALL_USER=root "$sync" setup "$remote" 2>&1)
	rc=$?
else
	git -C "$c" init -q && git -C "$c" remote add origin "$remote" && git -C "$c" config twinhall.branch main
	run
fi
if [ $rc -eq 0 ] && head_is && clean && [ "$(field result)" = ok ]; then
	pass "setup makes the content folder the repository's branch"
else
	fail "setup makes the content folder the repository's branch" "exit $rc" "$OUT"
fi
if git -C "$c" for-each-ref refs/heads/local-edits | grep -q . &&
	git -C "$c" show "$(git -C "$c" for-each-ref --format='%(refname)' refs/heads/local-edits | head -1)":hall.yaml |
	grep -q "staff's edit before git"; then
	pass "what the folder held before is kept aside as a branch"
else
	fail "what the folder held before is kept aside as a branch" "$OUT"
fi

commit_caption "A caption from git"
run
if [ $rc -eq 0 ] && head_is && grep -q "A caption from git" "$c/$oxford" && [ "$(field result)" = ok ] &&
	printf '%s' "$OUT" | grep -q '^<6>the content folder is now commit'; then
	pass "a good commit reaches the folder, exit 0, status ok"
else
	fail "a good commit reaches the folder, exit 0, status ok" "exit $rc" "$OUT" "$(cat "$STATE_DIRECTORY/status")"
fi
run
[ $rc -eq 0 ] && [ -z "$OUT" ] && pass "nothing new: exit 0 and no journal line" ||
	fail "nothing new: exit 0 and no journal line" "exit $rc" "$OUT"

# A force-push: history rewritten on the remote.
sed -i "s/A caption from git/A caption rewritten/" "$work/$oxford"
git -C "$work" commit -q --amend -am "caption rewritten" && git -C "$work" push -q --force origin main
run
if [ $rc -eq 0 ] && head_is && grep -q "A caption rewritten" "$c/$oxford"; then
	pass "a force-push is followed"
else
	fail "a force-push is followed" "exit $rc" "$OUT"
fi

# Edits on the display PC: a changed file, a new one, a commit of its own.
sed -i "s/A caption rewritten/Edited on the PC/" "$c/$oxford"
echo "note" >"$c/cities/oxford/note.txt"
git -C "$c" commit -qam "a commit on the PC"
echo "# more" >>"$c/hall.yaml"
commit_caption "After the PC's edit"
run
patch=$(field kept)
if [ $rc -eq 0 ] && head_is && clean && grep -q "After the PC's edit" "$c/$oxford" && [ ! -e "$c/cities/oxford/note.txt" ]; then
	pass "edits made on the PC do not block the sync"
else
	fail "edits made on the PC do not block the sync" "exit $rc" "$OUT" "$(git -C "$c" status --short)"
fi
if [ -f "$patch" ] && grep -q "Edited on the PC" "$patch" && grep -q "note.txt" "$patch" &&
	printf '%s' "$OUT" | grep -q "^<4>.*had edits made on this PC.*local-edits/.*$patch"; then
	pass "they are kept aside (a branch and a patch) and named in the journal"
else
	fail "they are kept aside (a branch and a patch) and named in the journal" "$OUT" "patch: $patch"
fi

# A commit the hall rejects never reaches the folder.
good=$(git -C "$c" rev-parse HEAD)
sed -i "0,/caption:/s//captoin:/" "$work/$oxford"
git -C "$work" commit -qam "a typo" && git -C "$work" push -q origin main
run
if [ $rc -eq 1 ] && [ "$(git -C "$c" rev-parse HEAD)" = "$good" ] && clean && ! grep -q captoin "$c/$oxford"; then
	pass "a rejected commit: exit 1, the folder keeps the last good commit"
else
	fail "a rejected commit: exit 1, the folder keeps the last good commit" "exit $rc" "$OUT"
fi
if printf '%s\n' "$OUT" | grep -q "^<3>commit .* was not taken: the hall cannot show it" &&
	printf '%s\n' "$OUT" | grep -qE "^<3>$oxford:[0-9]+:[0-9]+: error: unknown field \"captoin\"" &&
	[ "$(field result)" = rejected ] && field detail | grep -qE "^$oxford:[0-9]+:[0-9]+: error:" &&
	[ "$(field fetched)" = "$(git -C "$work" rev-parse HEAD)" ] && [ "$(field shown)" = "$good" ]; then
	pass "the journal and the status file say why, at path:line:col"
else
	fail "the journal and the status file say why, at path:line:col" "$OUT" "$(cat "$STATE_DIRECTORY/status")"
fi
OUT=$(LANG=ru_RU.UTF-8 JOURNAL_STREAM=1:1 "$sync" run 2>&1)
if [ $? -eq 1 ] && [ "$(printf '%s\n' "$OUT" | wc -l)" -eq 1 ] && printf '%s' "$OUT" | grep -q "^<4>коммит"; then
	pass "the same rejected commit again: exit 1, one line, in the language of LANG"
else
	fail "the same rejected commit again: exit 1, one line, in the language of LANG" "$OUT"
fi
OUT=$(LANG=ru_RU.UTF-8 INVOCATION_ID=1 JOURNAL_STREAM=1:1 "$sync" run 2>&1)
printf '%s' "$OUT" | grep -q "^<4>commit .* is still the one the hall rejected" &&
	pass "started by systemd it speaks hall.yaml's staff_language (en here)" ||
	fail "started by systemd it speaks hall.yaml's staff_language (en here)" "$OUT"
# ... and an edit on the PC meanwhile is kept aside, the last good commit put back.
echo "# edit while rejected" >>"$c/hall.yaml"
run
[ $rc -eq 1 ] && [ "$(git -C "$c" rev-parse HEAD)" = "$good" ] && clean &&
	pass "an edit on the PC while a commit is rejected: kept aside, the last good commit back" ||
	fail "an edit on the PC while a commit is rejected: kept aside, the last good commit back" "$OUT"

sed -i "0,/captoin:/s//caption:/" "$work/$oxford"
commit_caption "Fixed"
run
if [ $rc -eq 0 ] && head_is && grep -q "Fixed" "$c/$oxford" && [ "$(field result)" = ok ] &&
	[ "$(field ok_time)" = "$(field time)" ]; then
	pass "the good commit after a bad one reaches the folder, status ok"
else
	fail "the good commit after a bad one reaches the folder, status ok" "exit $rc" "$OUT"
fi

# The remote out of reach: a failed sync, nothing changed.
git -C "$c" remote set-url origin "$TMP/no-such-repository.git"
before=$(field ok_time)
run
if [ $rc -eq 1 ] && head_is && [ "$(field result)" = failed ] && [ "$(field ok_time)" = "$before" ] &&
	printf '%s' "$OUT" | grep -q "^<3>could not fetch branch main from"; then
	pass "an unreachable repository: exit 1, status failed, the folder unchanged"
else
	fail "an unreachable repository: exit 1, status failed, the folder unchanged" "exit $rc" "$OUT"
fi
git -C "$c" remote set-url origin "$remote"

# A git killed half-way left its lock.
: >"$c/.git/index.lock"
commit_caption "After a lock"
run
[ $rc -eq 0 ] && head_is && [ ! -e "$c/.git/index.lock" ] && pass "a lock left by a stopped git does not block it" ||
	fail "a lock left by a stopped git does not block it" "exit $rc" "$OUT"

# A folder owned by another user (a clone made by root, seen by the hall's
# user): git's "dubious ownership" does not stop the sync.
if [ "$(id -u)" -eq 0 ]; then
	chown -R 65534:65534 "$c"
	commit_caption "Another owner"
	run
	[ $rc -eq 0 ] && head_is && pass "a folder owned by another user is synced (no dubious ownership)" ||
		fail "a folder owned by another user is synced (no dubious ownership)" "exit $rc" "$OUT"
fi
exit 0
