#!/bin/sh
# The HTML report: `qpl report` on the demonstration data for the three
# bundled policies, then each page opened in headless Chromium.
# usage: tests/report/run.sh QPL        (from the repository root; QPL is ./qpl or build/qpl-san)
#
# Checks: the reports are written and the case database is unchanged; a
# report is refused over the case database and a failed run leaves no file;
# the pages are self-contained (no scripts, nothing fetched); Chromium
# renders them without a console message (the pages have no scripts, so any
# message is a fault: Chromium logs every console message as INFO:CONSOLE,
# whatever its level, and an uncaught exception as "Uncaught ..."); the
# Somerset page reads as it should. Reports and screenshots go to
# build/report-NAME.html and build/report-NAME.png.
QPL=$1
[ -n "$QPL" ] || { echo "usage: tests/report/run.sh QPL" >&2; exit 2; }
case $QPL in */*) ;; *) QPL=./$QPL ;; esac
QPL_PATH=stdlib
export QPL_PATH
T=$(mktemp -d "${TMPDIR:-/tmp}/qpl-report.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
mkdir -p build
n=0
failed=0

# check NAME COMMAND...: count a check and say whether the command succeeded.
check() {
    name=$1
    shift
    n=$((n + 1))
    if "$@"; then
        echo "  ok   $name"
    else
        echo "  FAIL $name"
        failed=$((failed + 1))
    fi
}

# fail NAME: count a check that cannot succeed.
fail() {
    n=$((n + 1))
    failed=$((failed + 1))
    echo "  FAIL $1"
}

# absent PATTERN FILE: the file has no line matching the extended regular expression (any case).
absent() {
    ! grep -Eiq "$1" "$2"
}

# has TEXT FILE: the file contains the text as it is.
has() {
    grep -Fq -- "$1" "$2"
}

# The text of a dumped page: without its style sheet and tags, entities decoded.
page_text() {
    sed -e '/<style>/,/<\/style>/d' -e 's/<[^>]*>//g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' \
        -e "s/&#39;/'/g" -e 's/&nbsp;/ /g' -e 's/&amp;/\&/g' "$1"
}

DB=$T/cases.db
sqlite3 "$DB" < stdlib/schema.sql && sqlite3 "$DB" < examples/demo.sql || { echo "  FAIL cannot build the demo database"; exit 1; }
sum_before=$(sha256sum < "$DB")

for policy in somerset lambeth lewisham; do
    out=build/report-$policy.html
    rm -f "$out"
    "$QPL" report "policies/$policy.qpl" --db "$DB" --as-of 2025-01-31 -o "$out" 2> "$T/$policy.err"
    check "$policy: qpl report exits 0 and writes $out" test $? -eq 0 -a -s "$out" -a ! -s "$T/$policy.err"
    check "$policy: no script" absent '<script' "$out"
    check "$policy: no remote src or href" absent '(src|href)[[:space:]]*=[[:space:]]*["'"'"']?[[:space:]]*(https?:)?//' "$out"
    check "$policy: no style sheet or font fetched" absent '<link|@import|url\(' "$out"
    check "$policy: UTF-8 declared" has '<meta charset="utf-8">' "$out"
done
check "the case database is unchanged" test "$(sha256sum < "$DB")" = "$sum_before"

"$QPL" report policies/somerset.qpl --db "$DB" --as-of 2025-01-31 -o "$DB" 2> "$T/same.err"
check "a report over the case database is refused (exit 2)" test $? -eq 2 -a "$(sha256sum < "$DB")" = "$sum_before"
mkdir "$T/out"
"$QPL" report policies/somerset.qpl --db "$DB" --param no_such_param=1 -o "$T/out/r.html" 2> "$T/bad.err"
check "a failed run (exit 2) leaves no file behind" test $? -eq 2 -a -z "$(ls -A "$T/out")"
"$QPL" report policies/somerset.qpl --db "$DB" --as-of 2025-01-31 -o "$T/out" 2> "$T/dir.err"
check "a report into a directory is refused (exit 2)" test $? -eq 2 -a -z "$(ls -A "$T/out")"

# Text from the data is escaped: a provider named like markup, on the Memo.
cp "$DB" "$T/markup.db"
sqlite3 "$T/markup.db" <<'SQL'
INSERT INTO providers (id, name, commissioner, service_type, cqc_registered, market_risk, chc_funded, area, address)
VALUES ('SOM99', '<script>alert("x")</script> & ''Co''', 'somerset', 'nursing', 1, 0, 0, '<b>Area</b>', 'A & B');
INSERT INTO placements (provider_id, status, decided, contact) VALUES ('SOM99', 'restricted', '2024-12-01', '<i>Jo</i>');
SQL
"$QPL" report policies/somerset.qpl --db "$T/markup.db" --as-of 2025-01-31 -o "$T/markup.html" 2> "$T/markup.err"
check "a report of data that looks like markup is made" test $? -eq 0 -a ! -s "$T/markup.err"
check "markup in the data is escaped" grep -Fq '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;' "$T/markup.html"
check "markup in the Memo is escaped" grep -Fq '<th colspan="4">&lt;b&gt;Area&lt;/b&gt;</th>' "$T/markup.html"
check "no markup from the data survives" absent '<script|<b>|<i>' "$T/markup.html"

# chrome POLICY OUT OPTION...: open the policy's report in headless Chromium,
# its output to OUT and its log added to $T/POLICY.log; Chromium's exit status.
chrome() {
    page=$PWD/build/report-$1.html
    log=$T/$1.log
    out=$2
    shift 2
    HOME=$T/home XDG_CONFIG_HOME=$T/home XDG_CACHE_HOME=$T/home timeout 60 "$CHROMIUM" --headless \
        --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --user-data-dir="$T/profile" \
        --host-resolver-rules='MAP * ~NOTFOUND' --enable-logging=stderr --v=0 "$@" "file://$page" \
        > "$out" 2>> "$log"
}

CHROMIUM=$(command -v chromium || command -v chromium-browser)
if [ -z "$CHROMIUM" ]; then
    fail "chromium is not installed: apt-get install chromium"
else
    mkdir -p "$T/home"
    for policy in somerset lambeth lewisham; do
        png=build/report-$policy.png
        rm -f "$png"
        chrome "$policy" "$T/$policy.shot" --screenshot="$png" --window-size=1240,1754
        check "$policy: chromium makes a screenshot, $png" test $? -eq 0 -a -s "$png"
        chrome "$policy" "$T/$policy.dom" --dump-dom
        check "$policy: chromium dumps the page" test $? -eq 0 -a -s "$T/$policy.dom"
        check "$policy: no console message or uncaught exception" absent 'CONSOLE|Uncaught' "$T/$policy.log"
        page_text "$T/$policy.dom" > "$T/$policy.txt"
        check "$policy: the page says its as-of date" has "as of 31 Jan 2025" "$T/$policy.txt"
    done
    for text in "Managed Placements" "Alder House" "RED" "AMBER" "GREEN" "Taunton" "RAG" "as of" \
        "recent_sqf_concerns = 3 >= sqf_concern_threshold = 3"; do
        check "somerset: the page says \"$text\"" has "$text" "$T/somerset.txt"
    done
fi

echo "  $n report checks, $failed failed"
[ "$failed" -eq 0 ]
