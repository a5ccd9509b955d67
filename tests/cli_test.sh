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
printf '{"id":"a","text":"Nokia rose 5%%.","dct":"2022-11-28"}\n{"id":"b","text":"In 2021."}\n{"text":"c"}\n' |
  "$LEDE" --jsonl - >"$WORK/out"
expect_eq "jsonl on stdin: one record per line, in order" '["a","2022-11-28","input"]|["b",null,null]|["-:3",null,null]' \
  "$(jq -c '[.id,.dct,.dct_source]' "$WORK/out" | paste -sd'|')"

# --- archives, binary files in directories, kept fields ------------------------
mkdir -p "$WORK/arc/news"
printf 'Nokia rose 5%% in 2021.' >"$WORK/arc/news/a.txt"
printf '{"id":"j1","text":"Huawei in 2022.","source":"wire","tags":["x"]}\n' >"$WORK/arc/news/b.jsonl"
(cd "$WORK/arc" && tar --sort=name -czf news.tar.gz news && gzip -k news/a.txt && head -c 30 news/a.txt.gz >cut.txt.gz)
printf 'GIF89a\0\0\1' >"$WORK/arc/news/logo.gif"
(cd "$WORK/arc" && "$LEDE" news.tar.gz news/a.txt.gz >"$WORK/out" 2>"$WORK/err")
expect_eq "archive: exit status" 0 "$?"
expect_eq "archive: ids and texts" \
  '["news.tar.gz:news/a.txt",3]|["j1",2]|["news/a.txt.gz",3]' \
  "$(jq -c '[.id, (.entities | length)]' "$WORK/out" | paste -sd'|')"
(cd "$WORK/arc" && "$LEDE" cut.txt.gz news/a.txt >"$WORK/out" 2>"$WORK/err")
expect_eq "truncated gzip: exit status" 2 "$?"
expect_eq "truncated gzip: its error record, then the next input" \
  '{"schema":"lede/1","id":"cut.txt.gz","error":"cannot open: truncated gzip input","entities":[],"agreements":[],"warnings":[]}|news/a.txt' \
  "$(head -1 "$WORK/out")|$(sed -n 2p "$WORK/out" | jq -r .id)"
(cd "$WORK/arc" && "$LEDE" news >"$WORK/out" 2>"$WORK/err")
expect_eq "binary file in a directory: exit status" 0 "$?"
expect_eq "binary file in a directory: a record with a warning" \
  '{"schema":"lede/1","id":"news/logo.gif","entities":[],"agreements":[],"warnings":[{"code":"binary","message":"binary file (a NUL byte in the first 8 KiB), skipped"}]}' \
  "$(grep logo.gif "$WORK/out")"
expect_eq "binary file in a directory: quiet" "" "$(cat "$WORK/err")"
run --keep-fields "$WORK/arc/news/b.jsonl"
expect_eq "keep-fields: meta after the id" '["j1",{"source":"wire","tags":["x"]}]' "$(jq -c '[.id, .meta]' "$WORK/out")"
run "$WORK/arc/news/b.jsonl"
expect_eq "no keep-fields: no meta" 'false' "$(jq -c 'has("meta")' "$WORK/out")"

# --- every input kind: one record per document, in input order -----------------
# The archives are made by the tools people use (tar, gzip, zstd, zip; all in
# scripts/install-deps); the unit tests make the odd ones with libarchive.
mkdir -p "$WORK/kinds/docs"
for k in 1 2 3 4 5; do printf 'Nokia rose %d%% in 2021.' "$k" >"$WORK/kinds/docs/d$k.txt"; done
for k in 1 2 3 4 5; do jq -cRs --arg id "j$k" '{id: $id, text: .}' "$WORK/kinds/docs/d$k.txt"; done >"$WORK/kinds/all.jsonl"
(cd "$WORK/kinds" && tar --sort=name -cf docs.tar docs && tar --sort=name -czf docs.tar.gz docs &&
  tar --sort=name --zstd -cf docs.tar.zst docs && zip -q docs.zip docs/*.txt && gzip -k all.jsonl &&
  zstd -q -k all.jsonl && gzip -c docs/d3.txt >one.txt.gz && zstd -q -c docs/d3.txt >one.txt.zst)
# "id percent" per record, '|' between records.
records() { jq -r '"\(.id) \([.entities[] | select(.type == "PERCENT") | .value] | join(","))"' "$WORK/out" | paste -sd'|'; }
# The five documents under ids PREFIX1..PREFIX5 (SUFFIX after each number).
five() { for k in 1 2 3 4 5; do printf '%s%s%s %s\n' "$1" "$k" "$2" "$k"; done | paste -sd'|'; }
# INPUT ID-PREFIX [ID-SUFFIX] per kind.
for kind in "docs docs/d .txt" "docs.tar docs.tar:docs/d .txt" "docs.tar.gz docs.tar.gz:docs/d .txt" \
  "docs.tar.zst docs.tar.zst:docs/d .txt" "docs.zip docs.zip:docs/d .txt" "all.jsonl j" "all.jsonl.gz j" \
  "all.jsonl.zst j"; do
  read -r input prefix suffix <<<"$kind"
  (cd "$WORK/kinds" && "$LEDE" "$input" >"$WORK/out" 2>"$WORK/err")
  expect_eq "input kind $input: exit status" 0 "$?"
  expect_eq "input kind $input: records in order" "$(five "$prefix" "$suffix")" "$(records)"
done
(cd "$WORK/kinds" && "$LEDE" one.txt.gz one.txt.zst >"$WORK/out")
expect_eq "input kind .gz and .zst: the file they hold" "one.txt.gz 3|one.txt.zst 3" "$(records)"
"$LEDE" - <"$WORK/kinds/docs/d3.txt" >"$WORK/out"
expect_eq "input kind stdin: one document" "- 3" "$(records)"
"$LEDE" --jsonl - <"$WORK/kinds/all.jsonl" >"$WORK/out"
expect_eq "input kind stdin --jsonl: one document per line" "$(five j "")" "$(records)"
jq -c '{article: {body: .text, meta: {key: .id, day: "2021-03-04"}}, source: "wire"}' "$WORK/kinds/all.jsonl" |
  "$LEDE" --jsonl --text-field article.body --id-field article.meta.key --date-field article.meta.day --keep-fields - \
    >"$WORK/out"
expect_eq "dotted fields and meta" "$(five j "")" "$(records)"
expect_eq "dotted fields and meta: dct and meta" '["2021-03-04","input",{"source":"wire"}]' \
  "$(head -1 "$WORK/out" | jq -c '[.dct, .dct_source, .meta]')"

# --- --max-doc-bytes: an error record, the rest goes on ----------------------------
head -c 5000 /dev/zero | tr '\0' x | "$LEDE" --max-doc-bytes 1K - >"$WORK/out" 2>"$WORK/err"
expect_eq "max-doc-bytes on stdin: exit status" 2 "$?"
expect_eq "max-doc-bytes on stdin: the error record" \
  '{"schema":"lede/1","id":"-","error":"larger than the limit of 1024 bytes (--max-doc-bytes)","entities":[],"agreements":[],"warnings":[]}' \
  "$(cat "$WORK/out")"
{ jq -cn '{id: "long", text: ("x" * 5000)}'; head -2 "$WORK/kinds/all.jsonl"; } |
  "$LEDE" --jsonl --max-doc-bytes 1K - >"$WORK/out" 2>"$WORK/err"
expect_eq "max-doc-bytes in JSON Lines: exit status" 2 "$?"
expect_eq "max-doc-bytes in JSON Lines: an error record for the long line, then the others" \
  '["-:1","line 1: larger than the limit of 1024 bytes (--max-doc-bytes)"]|["j1",null]|["j2",null]' \
  "$(jq -c '[.id, .error]' "$WORK/out" | paste -sd'|')"

# --- progress and profile on stderr ----------------------------------------------
run "$sample"
expect_eq "no progress in a pipe" "" "$(cat "$WORK/err")"
run --progress "$sample"
expect_eq "forced progress: final line" "lede: 1 document, 0.0 MB in" "$(grep -o '^lede: 1 document, 0.0 MB in' "$WORK/err")"
expect_eq "forced progress: records unchanged" "$sample" "$(jq -r .id "$WORK/out")"
# On a terminal (script(1) gives one), progress shows once a run has lasted a
# second, redrawn in place, and ends with the totals; --quiet hides it. The
# input comes late, so that the run lasts long enough even on a fast machine.
if command -v script >/dev/null; then
  slow_run="(sleep 3; cat $sample) | '$LEDE' - >'$WORK/out'"
  script -qec "$slow_run" /dev/null >"$WORK/tty"
  expect_eq "terminal: the line is redrawn in place" "\\rlede: " "$(head -c 7 "$WORK/tty" | sed 's/\r/\\r/')"
  expect_eq "terminal: the totals at the end" "lede: 1 document, 0.0 MB in" \
    "$(tr '\r' '\n' <"$WORK/tty" | grep -o '^lede: 1 document, 0.0 MB in')"
  expect_eq "terminal: records unchanged" "-" "$(jq -r .id "$WORK/out")"
  script -qec "$slow_run --quiet" /dev/null >"$WORK/tty"
  expect_eq "terminal --quiet: nothing" "" "$(cat "$WORK/tty")"
fi
run --progress --quiet "$sample"
expect_eq "progress and quiet: usage error" "lede: --progress and --quiet exclude each other" "$(head -1 "$WORK/err")"
run --profile "$sample"
expect_eq "profile: every stage" "read decode segment match resolve normalize link agreements write" \
  "$(tail -n +2 "$WORK/err" | awk '{print $1}' | paste -sd' ')"

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
