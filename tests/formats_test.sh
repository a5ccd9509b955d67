#!/usr/bin/env bash
# End-to-end tests of the output formats (--format tsv|text|html|json),
# --color, --count, --fail-if, `lede explain` and `lede --generate`: exact
# outputs, messages and exit codes.
#
#   tests/formats_test.sh path/to/lede
#
# Runs from the repository root; needs bash and jq.
set -uo pipefail

source "$(dirname "$0")/test_lib.sh" "$1"

# run ARGS...: as test_lib.sh's, with $WORK/in as standard input. NO_COLOR
# and TERM come from the caller.
run() {
  "$LEDE" "$@" <"$WORK/in" >"$WORK/out" 2>"$WORK/err"
  status=$?
}

esc=$'\e'
printf 'Nokia rose 5%% on Monday, Nokia said.\n' >"$WORK/in"
printf 'Huawei [and] Nokia\\ signed.\n' >"$WORK/b.txt"

# --- tsv: a header, then one row per mention in text order -------------------
run --dct 2023-05-16 --format tsv - "$WORK/b.txt"
expect_eq "tsv: exit" 0 "$status"
expect_eq "tsv: rows" "id	entity	type	text	canonical	value	code	start	end	sentence
-	E1	ORG	Nokia	Nokia			0	5	0
-	E2	PERCENT	5%		5		11	13	0
-	E3	DATE	Monday		2023-05-15		17	23	0
-	E1	ORG	Nokia	Nokia			25	30	0
$WORK/b.txt	E1	ORG	Huawei	Huawei			0	6	0
$WORK/b.txt	E2	ORG	Nokia	Nokia			13	18	0" "$(cat "$WORK/out")"
run --format tsv --offsets bytes -t percent
expect_eq "tsv: --types and --offsets apply" "-	E1	PERCENT	5%		5		11	13	0" "$(tail -n +2 "$WORK/out")"

# --- text: brackets in a pipe, colors when asked -----------------------------
run --dct 2023-05-16 --format text - "$WORK/b.txt"
expect_eq "text: marked" "==> - <==
[Nokia]{ORG} rose [5%]{PERCENT} on [Monday]{DATE}, [Nokia]{ORG} said.

==> $WORK/b.txt <==
[Huawei]{ORG} \\[and\\] [Nokia]{ORG}\\\\ signed." "$(cat "$WORK/out")"
run --format text --color never
expect_eq "text: --color never is plain" "[Nokia]{ORG} rose [5%]{PERCENT} on [Monday]{DATE}, [Nokia]{ORG} said." \
  "$(sed -n 2p "$WORK/out")"
NO_COLOR=1 run --format text --color always
expect_eq "text: --color always, even with NO_COLOR" \
  "${esc}[1m==> - <==${esc}[0m
${esc}[1;34mNokia${esc}[0m rose ${esc}[1;36m5%${esc}[0m on ${esc}[33mMonday${esc}[0m, ${esc}[1;34mNokia${esc}[0m said.
${esc}[1;34mORG${esc}[0m  ${esc}[1;36mPERCENT${esc}[0m  ${esc}[33mDATE${esc}[0m" "$(cat "$WORK/out")"
run --format text --color sometimes
expect_eq "text: bad --color exits 2" 2 "$status"
expect_eq "text: bad --color message" "lede: invalid --color 'sometimes': expected one of auto, always, never" \
  "$(head -1 "$WORK/err")"
# On a terminal, auto means color (script(1) gives lede one).
if command -v script >/dev/null; then
  script -qec "'$LEDE' --format text '$WORK/b.txt'" /dev/null </dev/null >"$WORK/tty" 2>&1
  checks=$((checks + 1))
  grep -q "${esc}\[1;34mHuawei" "$WORK/tty" || fail "text: no color on a terminal: $(cat -v "$WORK/tty")"
  NO_COLOR=1 script -qec "'$LEDE' --format text '$WORK/b.txt'" /dev/null </dev/null >"$WORK/tty" 2>&1
  checks=$((checks + 1))
  grep -q "${esc}" "$WORK/tty" && fail "text: color on a terminal despite NO_COLOR: $(cat -v "$WORK/tty")"
fi

# --- json: one array, records as in jsonl --------------------------------------
run --format json - "$WORK/b.txt"
expect_eq "json: one array of two records" 2 "$(jq length "$WORK/out")"
expect_eq "json: the records of jsonl" "$("$LEDE" - "$WORK/b.txt" <"$WORK/in" | jq -c .)" "$(jq -c '.[]' "$WORK/out")"

# --- html: one page; escaped; nothing loaded ----------------------------------
printf '<b>Nokia</b> & "Huawei" <script>x()</script>\n' >"$WORK/evil<1>.txt"
"$LEDE" --format html "$WORK/in" "$WORK/evil<1>.txt" missing.txt >"$WORK/out" 2>"$WORK/err"
expect_eq "html: exit 2 for the missing input" 2 "$?"
expect_eq "html: one page" "<!DOCTYPE html>|</html>|1" \
  "$(head -1 "$WORK/out")|$(tail -1 "$WORK/out")|$(grep -c '<html' "$WORK/out")"
expect_eq "html: a section per input" 3 "$(grep -c '<section class="doc">' "$WORK/out")"
expect_eq "html: the id escaped" "<h2>$WORK/evil&lt;1&gt;.txt</h2>" "$(grep -o '<h2>[^<]*evil[^<]*</h2>' "$WORK/out")"
expect_eq "html: the text escaped" \
  '<div class="text">&lt;b&gt;<mark class="e t1" data-type="ORG" data-entity="E1" title="E1 ORG: Nokia">Nokia</mark>&lt;/b&gt; &amp; &quot;<mark class="e t1" data-type="ORG" data-entity="E2" title="E2 ORG: Huawei">Huawei</mark>&quot; &lt;script&gt;x()&lt;/script&gt;' \
  "$(grep -o '<div class="text">&lt;b&gt;.*' "$WORK/out")"
expect_eq "html: the error shown" '<p class="error">error: cannot open: No such file or directory</p>' \
  "$(grep -o '<p class="error">.*</p>' "$WORK/out")"
expect_eq "html: no script, no resource" 0 "$(grep -ciE '<script|src=|href=|url\(|@import' "$WORK/out")"

# --- --count and --fail-if ------------------------------------------------------
run --count
expect_eq "count: exit" 0 "$status"
expect_eq "count: table" "type	entities	mentions
DATE	1	1
ORG	1	2
PERCENT	1	1" "$(cat "$WORK/out")"
run --count -e type=org -e TYPE=percent
expect_eq "fail-if: bad condition exits 2" 2 "$status"
expect_eq "fail-if: bad condition message" "lede: invalid --fail-if 'TYPE=percent': expected type=TYPE" "$(head -1 "$WORK/err")"
run -e type=org --fail-if type=percent --quiet
expect_eq "fail-if: all found, exit 0" "0|1" "$status|$(wc -l <"$WORK/out")"
run -e type=ORG -e type=PERSON -e type=MONEY --count
expect_eq "fail-if: one missing, exit 1" 1 "$status"
expect_eq "fail-if: the unmet ones named" "lede: --fail-if type=PERSON: none found
lede: --fail-if type=MONEY: none found" "$(cat "$WORK/err")"
run -e type=PERSON -q
expect_eq "fail-if: --quiet says nothing" "1|" "$status|$(cat "$WORK/err")"
run -e type=SHIP
expect_eq "fail-if: unknown type" "2|lede: --fail-if: no rule finds type 'SHIP'" "$status|$(cat "$WORK/err")"
"$LEDE" -e type=ORG "$WORK/b.txt" missing.txt >/dev/null 2>&1
expect_eq "fail-if: a failed input wins over a met condition" 2 "$?"

# --- explain ------------------------------------------------------------------
run explain --dct 2023-05-16
expect_eq "explain: exit" 0 "$status"
expect_eq "explain: stdin" '==> - <==
0-5 "Nokia" ORG orgs.company priority 30
  kept: E1 {"subtype":"company","canonical":"Nokia","country":"FI","ticker":"HEL:NOKIA"}
11-13 "5%" PERCENT numbers.percent priority 20
  kept: E2 {"value":5}
11-12 "5" CARDINAL numbers.cardinal priority 12
  beaten by PERCENT numbers.percent 11-13 "5%": higher priority (20 > 12)
17-23 "Monday" DATE dates.weekday priority 20
  kept: E3 {"value":"2023-05-15","timex_type":"DATE"}
25-30 "Nokia" ORG orgs.company priority 30
  kept: E1 {"subtype":"company","canonical":"Nokia","country":"FI","ticker":"HEL:NOKIA"}
5 candidates: 4 kept, 1 beaten, 0 blocking, 0 refused; 0 from the linker; document date 2023-05-16 (option)' \
  "$(cat "$WORK/out")"
"$LEDE" explain --dct 2023-05-16 Nokia rose 5% on Monday, Nokia said. >"$WORK/words"
expect_eq "explain: the words are the text" "==> text <==
$(tail -n +2 "$WORK/out")" "$(cat "$WORK/words")"
"$LEDE" explain --dct 2023-05-16 "$WORK/in" >"$WORK/file"
expect_eq "explain: a file" "==> $WORK/in <==
$(tail -n +2 "$WORK/out")" "$(cat "$WORK/file")"
"$LEDE" explain --color always 'Nokia rose 5%' >"$WORK/out"
expect_eq "explain: in color" "${esc}[2m0-5${esc}[0m ${esc}[1;34m\"Nokia\"${esc}[0m ${esc}[1;34mORG${esc}[0m orgs.company ${esc}[2mpriority 30${esc}[0m" \
  "$(sed -n 2p "$WORK/out")"
"$LEDE" explain -t percent 'Nokia rose 5%' >"$WORK/out"
expect_eq "explain: filtered types" '  filtered: not of the types asked for' "$(sed -n 3p "$WORK/out")"
"$LEDE" explain no/such.txt >"$WORK/out" 2>"$WORK/err"
expect_eq "explain: a missing file" "2|lede: no/such.txt: cannot open: No such file or directory|" \
  "$?|$(cat "$WORK/err")|$(cat "$WORK/out")"

# --- help, man page and completions come from the flag table --------------------
"$LEDE" --help >"$WORK/out"
checks=$((checks + 1))
grep -q '^  lede explain ' "$WORK/out" && grep -q '^Examples:' "$WORK/out" || fail "help: no explain, no examples"
expect_eq "help: lines fit 80 columns" 0 "$(awk 'length > 80' "$WORK/out" | grep -vc '^  lede ')"
expect_eq "generate: man" '.TH LEDE 1 "" "lede '"$("$LEDE" --version | cut -d' ' -f2)"'" "User Commands"' \
  "$("$LEDE" --generate man | head -1)"
"$LEDE" --generate csh >/dev/null 2>"$WORK/err"
expect_eq "generate: unknown kind" "2|lede: invalid --generate 'csh': expected one of man, bash, zsh, fish" \
  "$?|$(head -1 "$WORK/err")"
# Every value the completions offer is one the parser takes.
for format in $("$LEDE" --generate fish | sed -n "s/.* -l format -x -a '\([^']*\)'.*/\1/p"); do
  "$LEDE" --format "$format" </dev/null >/dev/null 2>&1
  expect_eq "completion --format $format is accepted" 0 "$?"
done

finish
