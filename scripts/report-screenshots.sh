#!/usr/bin/env bash
# Regenerates the screenshots of the HTML report in docs/images/ (docs/report.md)
# from the shipped Dordrecht example, with headless Chromium (Debian's
# chromium-headless-shell, installed by scripts/install-deps.sh, or chromium;
# decision 025). Uses the
# fixed feed cache of the tests and a fixed date, so the pictures change only
# when the report does.
#
#   bash scripts/report-screenshots.sh [PATH_TO_KNELPUNT]   (default: build/cli/knelpunt)
set -euo pipefail
cd "$(dirname "$0")/.."
knelpunt=${1:-build/cli/knelpunt}
chromium=$(command -v chromium-headless-shell || command -v chromium || true)
if [ -z "$chromium" ]; then
  echo "report-screenshots: chromium is not installed; expected Debian's chromium-headless-shell or chromium (bash scripts/install-deps.sh)" >&2
  exit 2
fi
if [ ! -x "$knelpunt" ]; then
  echo "report-screenshots: $knelpunt is not an executable; expected a built knelpunt (see the README) or its path as argument" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p docs/images
for lang in nl en; do
  "$knelpunt" assess examples/dordrecht --cache tests/data/feed-cache --date 2026-12-01 --lang "$lang" -q \
    -o "$work/report-$lang.html"
done
shoot() {  # shoot OUTPUT.png URL WIDTH,HEIGHT
  DBUS_SESSION_BUS_ADDRESS=disabled: "$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --user-data-dir="$work/profile" --no-first-run --disable-extensions --hide-scrollbars \
    --screenshot="$1" --window-size="$3" "$2" 2>/dev/null
}
# The board's screen (summary, highest risks, risk diagram), Dutch and English;
# the register table with its filter bar.
shoot docs/images/report-board.png "file://$work/report-nl.html" 1280,900
shoot docs/images/report-board-en.png "file://$work/report-en.html" 1280,900
# Headless Chromium does not scroll to a #fragment before its screenshot: the
# table is shown through a page that frames the report at its #overzicht.
printf '<!DOCTYPE html><body style="margin:0"><iframe src="report-nl.html#overzicht" style="width:1280px;height:900px;border:0"></iframe>' \
  > "$work/table.html"
shoot docs/images/report-table.png "file://$work/table.html" 1280,900
# The dependency graph of the vital assets, with the register's knelpunten marked.
printf '<!DOCTYPE html><body style="margin:0"><iframe src="report-nl.html#afhankelijkheden" style="width:1280px;height:1400px;border:0"></iframe>' \
  > "$work/graph.html"
shoot docs/images/report-graph.png "file://$work/graph.html" 1280,1400
ls -l docs/images/report-*.png
