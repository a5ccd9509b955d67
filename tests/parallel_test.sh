#!/usr/bin/env bash
# The scale-out recipe of docs/scale-out.md, run locally: GNU parallel splits
# JSON Lines on stdin into blocks, runs `lede --jsonl -` on each, and keeps
# their order. Its records must be exactly those of one lede run.
#
#   tests/parallel_test.sh path/to/lede
#
# Skips (exit 77, which ctest counts as skipped) where GNU parallel is not
# installed.
set -uo pipefail

LEDE=$(realpath "$1")
cd "$(dirname "$0")/.."
if ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
  echo "SKIP: GNU parallel is not installed (Debian package parallel)"
  exit 77
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# 150 articles with ids, made of one to three samples each, so that records
# are rich and jobs uneven in length; blocks of 100 KB give GNU parallel
# eight jobs to run two at a time and put back in order (not more: each job
# starts a lede, which compiles its rule packs).
for sample in samples/*.txt; do jq -cRs '{text: .}' "$sample"; done >"$WORK/samples.jsonl"
jq -cn --slurpfile s "$WORK/samples.jsonl" '($s | length) as $n | range(0; 150) as $i |
  {id: "doc-\($i)", text: ([range(0; $i % 3 + 1) as $k | $s[($i + $k) % $n].text] | join("\n\n"))}' >"$WORK/in.jsonl"
lines=$(wc -l <"$WORK/in.jsonl")

"$LEDE" --jsonl - <"$WORK/in.jsonl" >"$WORK/single.jsonl"
single_status=$?
parallel --will-cite --pipe --block 100k -j 2 --keep-order "$LEDE" --jsonl - <"$WORK/in.jsonl" >"$WORK/parallel.jsonl"
parallel_status=$?

failures=0
check() {  # check NAME EXPECTED ACTUAL
  if [[ "$2" != "$3" ]]; then
    echo "FAIL: $1: expected $2, got $3" >&2
    failures=$((failures + 1))
  fi
}
check "single run exit status" 0 "$single_status"
check "parallel exit status" 0 "$parallel_status"
check "single run: one record per line" "$lines" "$(wc -l <"$WORK/single.jsonl")"
check "parallel: one record per line" "$lines" "$(wc -l <"$WORK/parallel.jsonl")"
check "ids in input order" "$(jq -r .id "$WORK/in.jsonl" | md5sum)" "$(jq -r .id "$WORK/parallel.jsonl" | md5sum)"
if ! cmp -s "$WORK/single.jsonl" "$WORK/parallel.jsonl"; then
  echo "FAIL: parallel records differ from the single run's" >&2
  failures=$((failures + 1))
fi
echo "$((6 - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
