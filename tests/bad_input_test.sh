#!/usr/bin/env bash
# The bad-input matrix: every kind of broken input yields exactly one record
# (an error, or a warning where the text could still be read), the rest of
# the run is intact, and the exit status is 2 when any input failed.
#
#   tests/bad_input_test.sh path/to/lede
#
# Runs from the repository root; needs bash, jq and iconv (gzip and tar for
# the archive cases). Inputs are made at test time in a scratch directory.
set -uo pipefail

source "$(dirname "$0")/test_lib.sh" "$1"

sample=samples/oracle-zoom-ftc-block.txt
dct=2023-01-11
M=$WORK/m
mkdir -p "$M/dir"

# --- the inputs ------------------------------------------------------------------
echo "Nokia signed." >"$M/unreadable.txt"
chmod 000 "$M/unreadable.txt"
: >"$M/empty.txt"
head -c 4096 /dev/zero >"$M/nuls.txt"
printf 'Nokia \xff\xfe signed in 2021.' >"$M/invalid-utf8.txt"
printf 'Nokia signed in 2021.' | iconv -f UTF-8 -t UTF-16LE | { printf '\xff\xfe'; cat; } >"$M/utf16le.txt"
printf 'Nokia signed in 2021.' | iconv -f UTF-8 -t UTF-16BE | { printf '\xfe\xff'; cat; } >"$M/utf16be.txt"
echo '华为与诺基亚签署了专利许可协议。中国的公司在二零二二年扩大了合作。' | iconv -f UTF-8 -t GB18030 >"$M/gb18030.txt"
echo 'The café in Zürich signed a “deal” with Nokia – worth €5 million – on Monday. Señor García said the naïve rôle was über.' |
  iconv -f UTF-8 -t WINDOWS-1252 >"$M/windows-1252.txt"
printf '%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 8 /Filter /FlateDecode >>\nstream\nx\x9c\x03\x00\x00\x00\x00\x01\nendstream\nendobj\n' \
  >"$M/paper.pdf"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89' >"$M/image.png"
{
  echo '{"id":"j1","text":"Nokia signed in 2021."}'
  echo '{"id":"j2","text":"Nokia'          # cut short
  echo 'not json at all'
  echo ''                                   # blank lines are skipped, not records
  echo '{"id":"j4","body":"Nokia"}'         # no text field
  echo '{"id":"j5","text":5}'               # text is not a string
  echo '{"id":"j6","text":"Huawei signed."}'
} >"$M/lines.jsonl"

# Each file alone: "path<TAB>{error, warnings} of its record", as jq -c prints them.
files=$(
  cat <<EOF
$M/missing.txt	{"error":"cannot open: No such file or directory","warnings":[]}
$M/unreadable.txt	{"error":"cannot open: Permission denied","warnings":[]}
$M/empty.txt/	{"error":"cannot open: Not a directory","warnings":[]}
$M/empty.txt	{"error":null,"warnings":[{"code":"empty","message":"the input is empty"}]}
$M/nuls.txt	{"error":"binary data (NUL bytes), not text","warnings":[]}
$M/invalid-utf8.txt	{"error":null,"warnings":[{"code":"invalid-utf8","message":"2 invalid UTF-8 sequences replaced with U+FFFD, the first at byte 6"}]}
$M/utf16le.txt	{"error":null,"warnings":[{"code":"charset","message":"decoded from UTF-16LE (byte order mark)"}]}
$M/utf16be.txt	{"error":null,"warnings":[{"code":"charset","message":"decoded from UTF-16BE (byte order mark)"}]}
$M/gb18030.txt	{"error":null,"warnings":[{"code":"charset","message":"decoded from GB18030 (detected with confidence 100%)"}]}
$M/windows-1252.txt	{"error":null,"warnings":[{"code":"charset","message":"decoded from windows-1252 (detected with confidence 59%)"}]}
$M/paper.pdf	{"error":"binary data (NUL bytes), not text","warnings":[]}
$M/image.png	{"error":"binary data (NUL bytes), not text","warnings":[]}
EOF
)
# Root reads any file whatever its mode: then that case cannot be made here.
if [[ -r "$M/unreadable.txt" ]]; then
  skip "unreadable file" "running as root: mode 000 does not stop reading"
  files=$(grep -v unreadable.txt <<<"$files")
fi
# The records of lines.jsonl: "id<TAB>{error, warnings}".
lines=$(
  cat <<EOF
j1	{"error":null,"warnings":[]}
$M/lines.jsonl:2	{"error":"line 2: malformed JSON (A string is opened, but never closed)","warnings":[]}
$M/lines.jsonl:3	{"error":"line 3: malformed JSON (Problem while parsing an atom starting with the letter 'n')","warnings":[]}
$M/lines.jsonl:5	{"error":"line 5: no string field 'text'","warnings":[]}
$M/lines.jsonl:6	{"error":"line 6: no string field 'text'","warnings":[]}
j6	{"error":null,"warnings":[]}
EOF
)

# The id and {error, warnings} of each record of the last run, tab-separated.
records() {
  jq -r '"\(.id)\t\({error, warnings} | tojson)"' "$WORK/out"
}

# --- each input alone: its one record, and its exit status ------------------------
while IFS=$'\t' read -r path record; do
  run --dct "$dct" "$path"
  expect_eq "$path alone: its one record" "$path"$'\t'"$record" "$(records)"
  [[ $record == '{"error":null'* ]] && want=0 || want=2
  expect_eq "$path alone: exit status" "$want" "$status"
done <<<"$files"
# Converted text reads right: its names are found.
for case in 'utf16le.txt:["Nokia"]' 'utf16be.txt:["Nokia"]' 'windows-1252.txt:["Zürich","Nokia","García"]'; do
  run "$M/${case%%:*}"
  expect_eq "${case%%:*}: names in the converted text" true \
    "$(jq --argjson names "${case#*:}" '[.entities[].mentions[].text] | contains($names)' "$WORK/out")"
done
run "$M/gb18030.txt"
expect_eq "gb18030.txt: two sentences" 2 "$(jq .stats.sentences "$WORK/out")"
run --dct "$dct" "$M/lines.jsonl"
expect_eq "JSON Lines: one record per line that is not blank" "$lines" "$(records)"
expect_eq "JSON Lines: exit status" 2 "$status"
run "$M/missing.txt"
expect_eq "an error record: the whole record" \
  "{\"schema\":\"lede/1\",\"id\":\"$M/missing.txt\",\"error\":\"cannot open: No such file or directory\",\"entities\":[],\"agreements\":[],\"warnings\":[]}" \
  "$(cat "$WORK/out")"
run --quiet "$M/missing.txt"
expect_eq "--quiet: no summary on stderr" "" "$(cat "$WORK/err")"
run "$M/dir"
expect_eq "an empty directory holds no input: no record, exit 0" " 0" "$(cat "$WORK/out") $status"

# --- all of them in one run: one record each, in order, the rest intact ------------
mapfile -t paths < <(cut -f1 <<<"$files")
run --dct "$dct" "${paths[@]}" "$M/lines.jsonl" "$M/dir" "$sample"
expected=$(printf '%s\n%s\n%s\t%s' "$files" "$lines" "$sample" '{"error":null,"warnings":[]}')
expect_eq "one run: one record per input, in order, each saying what went wrong" "$expected" "$(records)"
expect_eq "one run: exit status" 2 "$status"
expect_eq "one run: summary on stderr" \
  "lede: $(grep -c '"error":"' <<<"$expected") of $(wc -l <<<"$expected") inputs could not be processed; their records carry \"error\"" \
  "$(cat "$WORK/err")"
expect_eq "one run: the good file's record is as in a run of its own" \
  "$("$LEDE" --dct "$dct" "$sample")" "$(tail -1 "$WORK/out")"
expect_eq "one run: the good lines' records are as in a run of their own" \
  "$(grep '"j[16]"' "$M/lines.jsonl" | "$LEDE" --dct "$dct" --jsonl -)" "$(grep '"id":"j[16]"' "$WORK/out")"

# --- standard input that is a directory -------------------------------------------
run - <"$M/dir"
expect_eq "stdin is a directory" '"read error: Is a directory" 2' "$(jq -c .error "$WORK/out") $status"
run --jsonl - <"$M/dir"
expect_eq "stdin is a directory, as JSON Lines: one record" \
  '"read error after line 0: Is a directory" 2' "$(jq -c .error "$WORK/out") $status"

# --- a 1 GiB line: an error record, read through in flat memory --------------------
# Streamed, never on disk; lede's resident size is sampled while it reads.
{
  printf '{"id":"huge","text":"'
  head -c 1G /dev/zero | tr '\0' a
  printf '"}\n{"id":"after","text":"Nokia"}\n'
} | "$LEDE" --jsonl --max-doc-bytes 1M - >"$WORK/out" 2>"$WORK/err" &
pid=$!
peak=0
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null)
  ((${rss:-0} > peak)) && peak=$rss
  sleep 0.1
done
wait "$pid"
expect_eq "1 GiB line: exit status" 2 "$?"
expect_eq "1 GiB line: an error record, then the next line" \
  '["-:1","line 1: larger than the limit of 1048576 bytes (--max-doc-bytes)"]|["after",null]' \
  "$(jq -c '[.id, .error]' "$WORK/out" | paste -sd'|')"
# The line is 1024 MiB; memory that grew with it would be far above this.
((peak < 512 * 1024)) || fail "1 GiB line: resident size reached $((peak / 1024)) MiB"
checks=$((checks + 1))

# --- a mixed directory: 1,000 good and 100 bad files --------------------------------
# Every eleventh file is bad: JSON Lines whose one line is cut short, or a
# text over --max-doc-bytes. The good ones must come out exactly as in a run
# over them alone, all 1,100 in path order.
mkdir -p "$WORK/mixed" "$WORK/good"
long=$(printf 'Nokia signed. %.0s' $(seq 100))
for i in $(seq -w 0 1099); do
  if ((10#$i % 22 == 10)); then
    printf '{"id":"%s","text":"Nokia\n' "$i" >"$WORK/mixed/$i.jsonl"
  elif ((10#$i % 22 == 21)); then
    echo "$long" >"$WORK/mixed/$i.txt"
  else
    printf 'Nokia and Huawei signed deal %s on %s March 2021 in Helsinki.\n' "$i" "$((10#$i % 28 + 1))" |
      tee "$WORK/good/$i.txt" >"$WORK/mixed/$i.txt"
  fi
done
(cd "$WORK/mixed" && "$LEDE" --max-doc-bytes 1K --dct 2021-06-01 . >"$WORK/mixed.jsonl" 2>/dev/null)
expect_eq "mixed directory: exit status" 2 "$?"
expect_eq "mixed directory: 1,100 records" 1100 "$(wc -l <"$WORK/mixed.jsonl")"
expect_eq "mixed directory: in path order" "$(cd "$WORK/mixed" && printf './%s\n' *)" \
  "$(jq -r '.id | sub(":1$"; "")' "$WORK/mixed.jsonl")"
expect_eq "mixed directory: 100 errors" 100 "$(grep -c '"error":' "$WORK/mixed.jsonl")"
(cd "$WORK/good" && "$LEDE" --max-doc-bytes 1K --dct 2021-06-01 . >"$WORK/good.jsonl")
checks=$((checks + 1))
grep -v '"error":' "$WORK/mixed.jsonl" | cmp -s - "$WORK/good.jsonl" ||
  fail "mixed directory: the good records differ from a run without the bad files"

# --- archives (they need archive reading in the Source) -----------------------------
# A damaged or hostile archive yields one error record and the run goes on.
# Run only once lede reads archives: a tar of two files is then two records.
printf 'Nokia' >"$WORK/a.txt"
printf 'Huawei' >"$WORK/b.txt"
tar -C "$WORK" -czf "$WORK/probe.tar.gz" a.txt b.txt
if [[ $("$LEDE" "$WORK/probe.tar.gz" 2>/dev/null | wc -l) -ne 2 ]]; then
  skip "archives: truncated gzip, corrupt zip, zip bomb, tar with symlink loop and device file" \
    "this lede does not read archives"
else
  A=$WORK/archives
  mkdir -p "$A/tree"
  gzip -c "$sample" | head -c 200 >"$A/truncated.txt.gz"
  printf 'PK\x03\x04\x14\x00\x00\x00\x08\x00garbage that is no deflate stream' >"$A/corrupt.zip"
  head -c 100M /dev/zero | gzip -c >"$A/bomb.txt.gz"
  ln -s loop "$A/tree/loop"
  tar -C "$A/tree" -cf "$A/symlink-loop.tar" loop
  # A device node in a tar needs no privileges to write: tar stores a header.
  tar -C / -cf "$A/device.tar" --no-recursion dev/null
  cases=(truncated.txt.gz corrupt.zip bomb.txt.gz symlink-loop.tar device.tar)
  if command -v zip >/dev/null; then
    # Spaces, not NULs: a member of NULs is skipped as binary after its first
    # 8 KiB, with a warning and no error (docs/reliability.md).
    head -c 100M /dev/zero | tr '\0' ' ' >"$A/spaces.txt"
    (cd "$A" && zip -q bomb.zip spaces.txt && rm spaces.txt)
    cases+=(bomb.zip)
  else
    skip "archives: zip bomb" "no zip program"
  fi
  for name in "${cases[@]}"; do
    run --max-doc-bytes 1M "$A/$name" "$sample"
    expect_eq "$name: exit status" 2 "$status"
    expect_eq "$name: one error record, then the sample" "1 $sample" \
      "$(jq -r 'select(.error) | .id' "$WORK/out" | wc -l) $(tail -1 "$WORK/out" | jq -r .id)"
    expect_eq "$name: two records" 2 "$(wc -l <"$WORK/out")"
  done
fi

finish
