#!/usr/bin/env python3
"""The HTML report (docs/report.md) as a browser shows it: headless Chromium.

Usage: python3 html_browser_check.py PATH_TO_KNELPUNT

Renders Dordrecht's report (`assess -o report.html`) with Debian's headless
Chromium — chromium-headless-shell, which scripts/install-deps.sh installs
and which starts in a fraction of the full browser's time, else chromium
itself — (`--headless --no-sandbox --disable-gpu`, a throw-away profile;
decision 025) and checks:

  dom         the DOM after the page's script ran (--dump-dom) holds the
              register table with one row per entry of the JSON register, in
              register order, and the inline script ran under the report's
              Content-Security-Policy (the filter bar is shown and counts
              "120 van 120 risico's getoond")
  screenshot  --screenshot writes a PNG of the board's screen (1280×900)
  print       --print-to-pdf of the small test town's report writes A4 pages
              (the print style sheet's @page; Dordrecht's report, about 290
              pages, would take the test too long)
  print layout Dordrecht's report laid out with its print style sheet at the
              width of an A4 page's text (186 mm, 703 CSS px; a copy with the
              print rules made unconditional and a measuring script in place
              of the CSP): nothing is wider than the page, or Chromium shrinks
              every printed page to fit the widest element (the register
              table once printed all text at 58 %); the board's summary with
              its top 10 ends on the first page (263 mm high); the dependency
              graph fits one page

Without chromium the check is skipped (exit 77, which CTest reports as
skipped) with a message saying how to install it; under CI (CI set) a
missing chromium is a failure, since scripts/install-deps.sh installs it.
Reads the fixed feed cache tests/data/feed-cache; writes only below one
temporary directory, removed at the end.
"""

import html.parser
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODEL = ROOT / "examples" / "dordrecht"
CACHE = ROOT / "tests" / "data" / "feed-cache"
SMALL_TOWN = ROOT / "tests" / "data" / "models" / "small-town"
SKIP = 77


def find_chromium():
    for name in (os.environ.get("KNELPUNT_CHROMIUM"), "chromium-headless-shell", "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def chromium(binary, profile, *args):
    """Runs headless Chromium once; returns its stdout (bytes)."""
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check",
               "--disable-extensions", "--disable-background-networking", "--disable-sync",
               "--disable-component-update", "--hide-scrollbars", *args]
    proc = subprocess.run(command, capture_output=True, timeout=120,
                          env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": "disabled:"})
    if proc.returncode != 0:
        sys.exit(f"chromium {' '.join(args)}: exit {proc.returncode}\n{proc.stderr.decode('utf-8', 'replace')[-2000:]}")
    return proc.stdout


class Dom(html.parser.HTMLParser):
    """The register table's body rows (their entry links), the filter bar's state."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_table = False
        self.in_body = False
        self.row_links = []
        self.html_attrs = {}
        self.filters_hidden = None
        self.in_count = False
        self.count_text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_attrs = a
        if tag == "table" and a.get("id") == "register-table":
            self.in_table = True
        if self.in_table and tag == "tbody":
            self.in_body = True
        if self.in_body and tag == "a" and "href" in a and a["href"].startswith("#"):
            self.row_links.append(a["href"][1:])
        if a.get("id") == "filters":
            self.filters_hidden = "hidden" in a
        if a.get("id") == "filter-count":
            self.in_count = True

    def handle_endtag(self, tag):
        if tag == "tbody":
            self.in_body = False
        if tag == "table":
            self.in_table = False
        if tag == "output":
            self.in_count = False

    def handle_data(self, data):
        if self.in_count:
            self.count_text += data


# An A4 page's text area under the report's @page margins (16 mm 12 mm 18 mm), in CSS px (96 per inch).
PAGE_WIDTH_PX = round((210 - 24) / 25.4 * 96)
PAGE_HEIGHT_PX = round((297 - 34) / 25.4 * 96)
MEASURE = """<script>
window.addEventListener('load', () => {
  const width = document.documentElement.clientWidth, wide = [];
  for (const e of document.querySelectorAll('body *')) {
    const right = e.getBoundingClientRect().right;
    if (right > width + 1) wide.push(e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(right));
  }
  const bottom = s => { const e = document.querySelector(s); return e ? Math.round(e.getBoundingClientRect().bottom) : -1; };
  const graph = document.querySelector('svg.depgraph');
  const out = {width, wide: wide.slice(0, 5), top_bottom: bottom('ol.top'),
               graph_height: graph ? Math.round(graph.getBoundingClientRect().height) : -1};
  const pre = document.createElement('pre'); pre.id = 'measured'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""


def check_print_layout(browser, profile, report, tmp, check):
    """The report as printed on A4, measured in a copy laid out with its print rules."""
    text = report.read_text(encoding="utf-8")
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    text = text.replace("@media print{", "@media all{").replace("</body>", MEASURE + "</body>")
    copy = tmp / "print-layout.html"
    copy.write_text(text, encoding="utf-8")
    dom = chromium(browser, profile, "--dump-dom", f"--window-size={PAGE_WIDTH_PX},{PAGE_HEIGHT_PX}",
                   copy.as_uri()).decode("utf-8")
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    if not found:
        check("print layout: measured", False, "the measuring script left nothing")
        return
    measured = json.loads(html.unescape(found.group(1)))
    check("print layout: nothing is wider than an A4 page's text", not measured["wide"], measured)
    check("print layout: the board's top 10 ends on the first page",
          0 < measured["top_bottom"] <= PAGE_HEIGHT_PX, measured)
    check("print layout: the dependency graph fits one page", 0 < measured["graph_height"] <= PAGE_HEIGHT_PX,
          measured)


def main():
    binary = sys.argv[1]
    browser = find_chromium()
    if browser is None:
        message = ("chromium is not installed: the HTML report's browser check needs Debian's "
                   "chromium-headless-shell or chromium (bash scripts/install-deps.sh installs the first)")
        if os.environ.get("CI"):
            sys.exit(f"FAIL {message}")
        print(f"SKIP {message}")
        sys.exit(SKIP)
    failures = []

    def check(name, condition, detail=""):
        print(f"{'ok  ' if condition else 'FAIL'} {name}{'' if condition else ': ' + str(detail)}")
        if not condition:
            failures.append(name)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        report = tmp / "report.html"
        for model, out in ((MODEL, report), (MODEL, tmp / "register.json"), (SMALL_TOWN, tmp / "small-town.html")):
            proc = subprocess.run([binary, "assess", str(model), "--cache", str(CACHE), "-q", "-o", str(out)],
                                  capture_output=True, timeout=240)
            if proc.returncode != 0:
                sys.exit(f"assess -o {out.name}: exit {proc.returncode}\n{proc.stderr.decode('utf-8', 'replace')}")
        ids = [risk["id"] for risk in json.loads((tmp / "register.json").read_text(encoding="utf-8"))["risks"]]
        url = report.as_uri()
        profile = tmp / "profile"

        dom = Dom()
        dom.feed(chromium(browser, profile, "--dump-dom", url).decode("utf-8"))
        check("dom: the register table has one row per entry, in register order", dom.row_links == ids,
              f"{len(dom.row_links)} rows for {len(ids)} entries")
        check("dom: the inline script ran under the CSP", dom.html_attrs.get("data-script") == "on",
              dom.html_attrs)
        check("dom: the filter bar is shown", dom.filters_hidden is False, dom.filters_hidden)
        expected = f"{len(ids)} van {len(ids)} risico's getoond"
        check("dom: the filter bar counts the rows", dom.count_text == expected, repr(dom.count_text))

        shot = tmp / "board.png"
        chromium(browser, profile, f"--screenshot={shot}", "--window-size=1280,900", url)
        png = shot.read_bytes() if shot.exists() else b""
        check("screenshot: a PNG is written", png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000,
              f"{len(png)} bytes")
        if png.startswith(b"\x89PNG"):
            width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
            check("screenshot: 1280×900", (width, height) == (1280, 900), (width, height))

        pdf_path = tmp / "report.pdf"
        chromium(browser, profile, f"--print-to-pdf={pdf_path}", "--no-pdf-header-footer",
                 (tmp / "small-town.html").as_uri())
        pdf = pdf_path.read_bytes() if pdf_path.exists() else b""
        boxes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf))
        a4 = {(w, h) for w, h in boxes if abs(float(w) - 595.3) < 1.5 and abs(float(h) - 841.9) < 1.5}
        check("print: the PDF's pages are A4", pdf.startswith(b"%PDF") and boxes and a4 == boxes, boxes)
        check_print_layout(browser, profile, report, tmp, check)
    if failures:
        sys.exit(f"{len(failures)} check(s) failed: {', '.join(failures)}")
    print("all browser checks passed")


if __name__ == "__main__":
    main()
