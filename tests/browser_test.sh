#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium renders the report of
# a sample article, takes a screenshot, and dumps the DOM it built, which
# must hold every mention as a colored span, the right counts in the legend
# and the tables, and, for a hostile input (<script>, <img onerror> in its
# id and text), nothing that ran or loaded.
#
#   tests/browser_test.sh path/to/lede             run (exit 77: no Chromium)
#   LEDE_BLESS=1 tests/browser_test.sh path/lede   also keep docs/html-report.png
set -uo pipefail

source "$(dirname "$0")/test_lib.sh" "$1"
CHROMIUM=$(command -v chromium || command -v chromium-browser) || {
  echo "chromium not found: skipped (scripts/install-deps installs it)"
  exit 77
}

# chromium ARGS... PAGE: headless, without a sandbox (CI runs as root), with
# its own profile; stderr (GPU and D-Bus chatter) is kept apart.
chromium() {
  timeout 120 "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$WORK/profile" \
    "$@" 2>>"$WORK/chromium.log"
}

# --- a sample article: its spans, counts and a screenshot ---------------------
sample=samples/vestas-orsted-offshore-turbine-supply.txt
"$LEDE" --dct 2023-05-16 --format html "$sample" >"$WORK/report.html"
"$LEDE" --dct 2023-05-16 "$sample" >"$WORK/record.json"
chromium --dump-dom "file://$WORK/report.html" >"$WORK/dom.html"

# Every mention of the record is one <mark> in the text, with its type.
expect_eq "mention spans" "$(jq '[.entities[].mentions[]] | length' "$WORK/record.json")" \
  "$(grep -o '<mark class="e ' "$WORK/dom.html" | wc -l)"
for type in $(jq -r '.entities[].type' "$WORK/record.json" | sort -u); do
  mentions=$(jq --arg t "$type" '[.entities[] | select(.type == $t) | .mentions[]] | length' "$WORK/record.json")
  entities=$(jq --arg t "$type" '[.entities[] | select(.type == $t)] | length' "$WORK/record.json")
  expect_eq "$type: marks in the text" "$mentions" "$(grep -o "<mark class=\"e t[0-9]*\" data-type=\"$type\"" "$WORK/dom.html" | wc -l)"
  expect_eq "$type: legend count" "$mentions" \
    "$(grep -o "<li data-type=\"$type\"><span class=\"chip t[0-9]*\">$type</span> [0-9]*</li>" "$WORK/dom.html" | grep -o '[0-9]*</li>' | tr -d '</li>')"
  expect_eq "$type: table rows" "$entities" \
    "$(sed -n "/<tbody data-type=\"$type\">/,/<\/tbody>/p" "$WORK/dom.html" | grep -c '<tr data-entity=')"
done
expect_eq "agreement rows" "$(jq '.agreements | length' "$WORK/record.json")" \
  "$(grep -c '<tr data-agreement=' "$WORK/dom.html")"
# Each entity's row counts its mentions.
while read -r id mentions; do
  expect_eq "$id: mentions in its row" "$mentions" \
    "$(grep -o "<tr data-entity=\"$id\">.*</tr>" "$WORK/dom.html" | grep -o '<td class="n">[0-9]*</td>' | tr -dc 0-9)"
done < <(jq -r '.entities[] | "\(.id) \(.mentions | length)"' "$WORK/record.json")

chromium --screenshot="$WORK/report.png" --window-size=1000,1500 "file://$WORK/report.html" >/dev/null
checks=$((checks + 1))
[[ "$(head -c 8 "$WORK/report.png" | od -An -tx1 | tr -d ' \n')" == 89504e470d0a1a0a ]] ||
  fail "no PNG screenshot"$'\n'"$(tail -5 "$WORK/chromium.log")"
[[ -n "${LEDE_BLESS:-}" ]] && cp "$WORK/report.png" docs/html-report.png

# --- a hostile input: escaped, nothing runs, nothing loads -------------------
# Had any of it run, it would have changed the title or added elements.
hostile='Nokia said <script>document.title="pwned"</script> and <img src=x onerror="document.title=\"pwned\""> 5% "quoted" & more.'
jq -nc --arg text "$hostile" '{id: "<script>document.title=\"pwned\"</script>", text: $text}' >"$WORK/hostile.jsonl"
"$LEDE" --format html "$WORK/hostile.jsonl" >"$WORK/hostile.html"
chromium --dump-dom "file://$WORK/hostile.html" >"$WORK/hostile-dom.html"
expect_eq "hostile: title unchanged" "<title>lede report</title>" "$(grep -o '<title>[^<]*</title>' "$WORK/hostile-dom.html")"
expect_eq "hostile: no script element" 0 "$(grep -c '<script' "$WORK/hostile-dom.html")"
expect_eq "hostile: no img element" 0 "$(grep -c '<img' "$WORK/hostile-dom.html")"
expect_eq "hostile: the text shown as text" 2 "$(grep -c '&lt;script&gt;document.title="pwned"&lt;/script&gt;' "$WORK/hostile-dom.html")"
expect_eq "hostile: still marked" 2 "$(grep -o '<mark class="e ' "$WORK/hostile-dom.html" | wc -l)"

finish
