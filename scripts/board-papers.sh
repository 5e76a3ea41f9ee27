#!/bin/sh
# Renders every report of an ISMS repository as a board paper, for a person to look at:
# HTML (isms report --format html), PDF (printed by headless Chromium) and one PNG per page
# (pdftoppm), in OUTDIR/<report>.html, .pdf and <report>-<page>.png.
#
#   scripts/board-papers.sh REPO OUTDIR [OPTIONS FOR isms report...]
#   scripts/board-papers.sh examples/sjobacka /tmp/papers --as-of 2026-11-28
#
# Environment: ISMS (default `isms`, else target/debug/isms), CHROMIUM (default the first of
# chromium, chromium-browser, google-chrome found), DPI of the PNG pages (default 60).
set -eu

if [ $# -lt 2 ]; then
    echo "usage: $0 REPO OUTDIR [OPTIONS FOR isms report...]" >&2
    exit 2
fi
repo=$1
outdir=$2
shift 2

here=$(cd "$(dirname "$0")/.." && pwd)
isms=${ISMS:-}
if [ -z "$isms" ]; then
    if command -v isms >/dev/null 2>&1; then
        isms=isms
    else
        isms=$here/target/debug/isms
    fi
fi
chromium=${CHROMIUM:-}
if [ -z "$chromium" ]; then
    for c in chromium chromium-browser google-chrome; do
        if command -v "$c" >/dev/null 2>&1; then
            chromium=$c
            break
        fi
    done
fi
if [ -z "$chromium" ]; then
    echo "$0: no chromium found (set CHROMIUM)" >&2
    exit 2
fi
for tool in pdftoppm pdfinfo; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$0: $tool not found (poppler-utils)" >&2; exit 2; }
done

mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# print NAME: OUTDIR/NAME.html to NAME.pdf and NAME-<page>.png.
print() {
    rm -f "$outdir/$1"-*.png
    "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --no-pdf-header-footer \
        --print-to-pdf="$outdir/$1.pdf" "file://$outdir/$1.html" 2>/dev/null
    pdftoppm -r "${DPI:-60}" -png "$outdir/$1.pdf" "$outdir/$1"
    pages=$(pdfinfo "$outdir/$1.pdf" | sed -n 's/^Pages: *//p')
    echo "$1: $pages pages"
}

# render NAME ARGS...: isms report ARGS as OUTDIR/NAME.html, then printed.
render() {
    name=$1
    shift
    "$isms" report "$@" --repo "$repo" --format html -o "$outdir/$name.html"
    print "$name"
}

for report in management audit plan soa nis2; do
    render "$report" "$report" "$@"
done
# Every unit's page: the ids of the records in units/.
for file in "$repo"/units/*.yaml; do
    [ -f "$file" ] || continue
    id=$(sed -n 's/^id: *//p' "$file" | head -n 1 | tr -d "\"'")
    [ -n "$id" ] && render "unit-$id" unit "$id" "$@"
done
