#!/usr/bin/env bash
# End-to-end tests of the lede command line: exit codes, messages, records.
#
#   tests/cli_test.sh path/to/lede            run
#   LEDE_BLESS=1 tests/cli_test.sh path/lede  rewrite samples/*.expected.jsonl
#
# Runs from the repository root; needs bash and jq.
set -uo pipefail

source "$(dirname "$0")/test_lib.sh" "$1"

# --- samples: each article against its expected records ---------------------
while IFS=$'\t' read -r file dct; do
  [[ "$file" == \#* || "$file" == file ]] && continue
  expected="samples/${file%.txt}.expected.jsonl"
  run --dct "$dct" "samples/$file"
  expect_eq "sample $file exits 0" 0 "$status"
  if [[ -n "${LEDE_BLESS:-}" ]]; then
    cp "$WORK/out" "$expected"
    continue
  fi
  checks=$((checks + 1))
  diff -u "$expected" "$WORK/out" >"$WORK/diff" || fail "sample $file differs from $expected:"$'\n'"$(head -40 "$WORK/diff")"
  # Every mention's offsets select exactly its text.
  mismatches=$(jq -r --rawfile text "samples/$file" \
    '[.entities[].mentions[] | select($text[.start:.end] != .text)] | length' "$WORK/out")
  expect_eq "sample $file: offsets select the mention text" 0 "$mismatches"
done <samples/dct.tsv
[[ -n "${LEDE_BLESS:-}" ]] && { echo "blessed samples/*.expected.jsonl"; exit 0; }

sample=samples/oracle-zoom-ftc-block.txt

# --- invalid UTF-8 on stdin: one record with a warning, exit 0 ---------------
printf 'Nokia \xff\xfe signed in 2021.' | "$LEDE" - >"$WORK/out" 2>"$WORK/err"
expect_eq "invalid utf-8: exit status" 0 "$?"
expect_eq "invalid utf-8: warning" \
  '[{"code":"invalid-utf8","message":"2 invalid UTF-8 sequences replaced with U+FFFD, the first at byte 6"}]' \
  "$(jq -c .warnings "$WORK/out")"
expect_eq "invalid utf-8: entities after the bad bytes keep code point offsets" \
  '[["Nokia",0,5],["2021",19,23]]' "$(jq -c '[.entities[].mentions[] | [.text,.start,.end]]' "$WORK/out")"

# --- offsets in every unit ------------------------------------------------------
printf '\xf0\x9f\x93\x88 Nokia' >"$WORK/emoji.txt"
for unit in codepoints:2 utf16:3 bytes:5; do
  run --offsets "${unit%%:*}" "$WORK/emoji.txt"
  expect_eq "offsets ${unit%%:*}" "${unit##*:}" "$(jq '.entities[0].mentions[0].start' "$WORK/out")"
done

# --- rule packs: self-test, lint, a broken pack refused with file:line -------
run rules test
expect_eq "rules test: exit status" 0 "$status"
expect_eq "rules test: all pass" "0 failed" "$(tail -1 "$WORK/out" | grep -o '[0-9]* failed')"
run rules check
expect_eq "rules check: exit status" 0 "$status"
run rules list
expect_eq "rules list: types" "types: CARDINAL DATE GPE LOC MONEY NORP ORDINAL ORG PERCENT PERSON QUANTITY TIME" "$(tail -1 "$WORK/out")"
mkdir -p "$WORK/packs"
printf '[pack]\nname = "broken"\nversion = "1"\n\n[[rule]]\nid = "broken.x"\ntype = "ORG"\npattern = "Acme("\n' \
  >"$WORK/packs/broken.toml"
run --patterns "$WORK/packs" "$sample"
expect_eq "broken pack: exit status" 2 "$status"
expect_eq "broken pack: message" "lede: $WORK/packs/broken.toml:8: rule broken.x: missing ): Acme(" "$(cat "$WORK/err")"
expect_eq "broken pack: no output" "" "$(cat "$WORK/out")"
printf '[pack]\nname = "failing"\nversion = "1"\n[[rule]]\nid = "failing.x"\ntype = "ORG"\npattern = "Acme"\nexamples = ["Zenith"]\n' \
  >"$WORK/packs/broken.toml"
run rules test failing --patterns "$WORK/packs"
expect_eq "failing example: exit status" 1 "$status"
expect_eq "failing example: report" "1 examples, 1 failed" "$(tail -1 "$WORK/out")"

# --- usage errors: one line, the usage hint, exit 2 ----------------------------
run --no-such-flag
expect_eq "unknown flag: exit status" 2 "$status"
expect_eq "unknown flag: message" \
  $'lede: unrecognised option \'--no-such-flag\'\nUsage: lede [OPTIONS] [PATH|-]...  (see lede --help)' \
  "$(cat "$WORK/err")"
run --format xml "$sample"
expect_eq "bad format: message" "lede: invalid --format 'xml': expected one of jsonl, json, tsv, text, html" "$(head -1 "$WORK/err")"
run --dct 28/11/2022 "$sample"
expect_eq "bad dct: exit status" 2 "$status"
expect_eq "bad dct: message" "lede: invalid document date '28/11/2022': expected YYYY-MM-DD" "$(cat "$WORK/err")"
run -t ORG,WIDGET "$sample"
expect_eq "bad type: exit status" 2 "$status"
run --help
expect_eq "help: exit status" 0 "$status"
expect_eq "help: first line" "lede" "$(head -1 "$WORK/out" | cut -d' ' -f1)"
run --version
expect_eq "version" "lede" "$(cut -d' ' -f1 "$WORK/out")"

# --- formats, type filter, directories, JSON Lines on stdin -------------------
mkdir -p "$WORK/dir/b" "$WORK/dir/.hidden"
cp samples/*.txt "$WORK/dir/b/"
echo "Nokia" >"$WORK/dir/a.txt"
echo "Nokia" >"$WORK/dir/.hidden/x.txt"
(cd "$WORK" && "$LEDE" --format json dir >out)
expect_eq "json array of every file" 7 "$(jq length "$WORK/out")"
expect_eq "directory order" \
  '["dir/a.txt","dir/b/byd-scg-thailand-battery-jv.txt","dir/b/oracle-zoom-ftc-block.txt","dir/b/rolls-royce-air-india-settlement.txt","dir/b/samsung-tsmc-patent-licence.txt","dir/b/siemens-energy-acwa-hydrogen.txt","dir/b/vestas-orsted-offshore-turbine-supply.txt"]' \
  "$(jq -c '[.[].id]' "$WORK/out")"
run -t gpe "$sample"
expect_eq "type filter" '["GPE"]' "$(jq -c '[.entities[].type] | unique' "$WORK/out")"
printf '{"id":"a","text":"Nokia rose 5%%.","dct":"2022-11-28"}\n{"id":"b","text":"In 2021."}\n' |
  "$LEDE" --jsonl - >"$WORK/out"
expect_eq "jsonl on stdin" '["a","2022-11-28","input"]|["b",null,null]' \
  "$(jq -c '[.id,.dct,.dct_source]' "$WORK/out" | paste -sd'|')"

# --- output: a closed pipe is quiet success; a full disk is an error ----------
for i in $(seq 1 2000); do printf '{"id":"%s","text":"Nokia and Huawei in 2021."}\n' "$i"; done >"$WORK/many.jsonl"
"$LEDE" "$WORK/many.jsonl" 2>"$WORK/err" | head -1 >/dev/null
expect_eq "closed pipe: exit status" 0 "${PIPESTATUS[0]}"
expect_eq "closed pipe: quiet" "" "$(cat "$WORK/err")"
if [[ -w /dev/full ]]; then
  "$LEDE" "$WORK/many.jsonl" >/dev/full 2>"$WORK/err"
  expect_eq "full disk: exit status" 2 "$?"
  expect_eq "full disk: message" "lede: cannot write the output: No space left on device" "$(cat "$WORK/err")"
else
  skip "full disk" "/dev/full is not writable"
fi

# --- SIGINT: no more input is read, the records begun are finished ------------
# The writer below finishes its first 200 lines only once lede has read most
# of them (a pipe holds 64 KiB), so lede is extracting when it is
# interrupted; the last 100 lines come after that and are not read, except
# one if lede was waiting for input.
sentence=$(printf 'Nokia and Huawei signed a deal in 2021. %.0s' $(seq 40))
for i in $(seq 1 300); do printf '{"id":"%s","text":"%s"}\n' "$i" "$sentence"; done >"$WORK/slow.jsonl"
set -m  # a background job of a script otherwise ignores SIGINT, and so does lede
{
  head -200 "$WORK/slow.jsonl"
  touch "$WORK/written"
  until [[ -e "$WORK/go-on" ]]; do sleep 0.1; done
  tail -100 "$WORK/slow.jsonl"
} | "$LEDE" --jsonl - >"$WORK/out" 2>"$WORK/err" &
pid=$!
set +m
for _ in $(seq 600); do [[ -e "$WORK/written" ]] && break; sleep 0.1; done
kill -INT "$pid"
touch "$WORK/go-on"
wait "$pid"
expect_eq "SIGINT: dies of the signal (status 130)" 130 "$?"
records=$(wc -l <"$WORK/out")
expect_eq "SIGINT: says so" "lede: interrupted after $records records" "$(cat "$WORK/err")"
expect_eq "SIGINT: whole records, in order" "$(seq 1 "$records")" "$(jq -r .id "$WORK/out")"
((records > 0 && records < 300)) || fail "SIGINT: $records records, expected some but not all"
checks=$((checks + 1))

# --- eval on a small gold file ---------------------------------------------------
printf '%s\n' '{"id":"g","text":"Up 5% in 2021.","dct":null,"entities":[{"start":3,"end":5,"type":"PERCENT","text":"5%","value":"5"},{"start":9,"end":13,"type":"DATE","text":"2021","value":"2021"}]}' >"$WORK/gold.jsonl"
run eval --gold "$WORK/gold.jsonl" --json
expect_eq "eval: exit status" 0 "$status"
expect_eq "eval: perfect scores" '[1,1,1]' "$(jq -c '[.total.strict_f1, .total.relaxed_f1, .total.value_accuracy]' "$WORK/out")"
run eval
expect_eq "eval without gold" "lede: eval needs --gold FILE" "$(head -1 "$WORK/err")"

finish
