# Shared helpers for the shell tests: each check prints "PASS name" or
# "FAIL name" with the reason indented below it; tests/run.sh counts them.
BUILD=${BUILD:-build}
TH=${TH:-$BUILD/twinhall}
TMP=${TMP:-$(mktemp -d)}

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; shift; printf '  %s\n' "$@"; }

# expect NAME WANT_STATUS CMD...: runs CMD, keeps its output in $OUT.
expect_status() {
	local name=$1 want=$2
	shift 2
	OUT=$("$@" 2>&1)
	local got=$?
	if [ "$got" -eq "$want" ]; then pass "$name"; else fail "$name" "exit $got, expected $want" "$OUT"; fi
}

# expect_output NAME PATTERN: the last command's output matches grep -E PATTERN.
expect_output() {
	if printf '%s\n' "$OUT" | grep -qE -- "$2"; then pass "$1"; else fail "$1" "no line matching: $2" "$OUT"; fi
}

# A copy of the sample content to break on purpose.
copy_content() {
	rm -rf "$1"
	cp -r content "$1"
}
