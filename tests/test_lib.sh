# Helpers for the end-to-end tests, sourced by tests/*_test.sh:
#
#   source "$(dirname "$0")/test_lib.sh" path/to/lede
#
# Sets LEDE (the binary, absolute), WORK (a scratch directory removed on exit)
# and moves to the repository root. Tests call expect_eq and run, then end
# with `finish`.
LEDE=$(realpath "$1")
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0
checks=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
  checks=$((checks + 1))
  [[ "$2" == "$3" ]] || fail "$1"$'\n'"  expected: $2"$'\n'"  actual:   $3"
}

# run ARGS...: runs lede, keeping stdout, stderr and the exit status.
run() {
  "$LEDE" "$@" >"$WORK/out" 2>"$WORK/err"
  status=$?
}

# skip WHAT WHY: says which checks did not run, so a skip is never silent.
skip() {
  echo "SKIP: $1 ($2)"
}

finish() {
  echo "$checks checks, $failures failed"
  [[ $failures -eq 0 ]]
}
