#!/usr/bin/env python3
"""The HTML report (`assess -o report.html`, docs/report.md): its structure,
read with Python's html.parser.

Usage: python3 html_report_check.py PATH_TO_KNELPUNT

Reads the fixed feed cache tests/data/feed-cache; writes only below one
temporary directory, removed at the end.

  parse       Dordrecht's report parses, every end tag closes the element
              that is open (void elements aside), one <html lang="nl">
  entries     every register entry id (from the JSON register of the same run)
              has its section (id=…), its appendix (id=a-…) and one row of the
              register table, in register order; every link to '#x' has an
              element with id x; every entry with an impact class has a dot in
              the diagram linked to it; every entry with people affected over
              time has its people chart, every entry with services lost
              over time its services chart (an entry whose timeline ends at
              t+0 has its table only)
  counts      the counts per level, the status counts and the diagram's cells
              are the JSON register's (one number per thing)
  graph       one dependency graph, whose asset nodes are those of
              `knelpunt graph --format json` (the collapsed view), with every
              asset of a single point or a common-cause pair marked
  offline     no external URL: every href/src/action is '#…' (or data:), no
              <link>, <img>, <iframe>, <object>, <embed>, no <script src>; the
              only 'http' in the file is the SVG namespace; the CSP meta tag
              forbids loads (default-src 'none') and names the SHA-256 of the
              one inline script, recomputed here
  formats     `--format html` to stdout gives the same bytes as `-o report.html`
              and as `-o REPORT.HTM`; `-o report.pdf` is an error (exit 2)
  dutch       the Dutch report's text (not in <code>, <script> or <style>)
              passes dutch_words_check's scan: no English words, durations as
              "72 uur", numbers as 1.234
  english     `--lang en` gives <html lang="en"> with English headings and none
              of the Dutch ones
  previous    `--previous OLD.json` with a variant of Dordrecht: the changes
              section exists and is in the contents, its counts are those of
              `knelpunt diff OLD NEW --format json` (added and changed the
              same, and so are merged, resolved and no longer listed: the new
              register lists hoog and above only, so some entries are no longer
              listed and none is resolved),
              every entry it links to has its section, its text passes the
              Dutch scan, and `-o OLD.json` onto the --previous file is refused
  hostile     a model whose names, operator, region and scenario title, and
              a tracking file whose key and owners hold markup (<script>,
              <img onerror>, quotes, '</style>') give a report with
              exactly one <script> (ours), no element or attribute from the
              model, and the hostile texts back as plain text
"""

import base64
import hashlib
import html.parser
import json
import pathlib
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from dutch_words_check import problems_in_text  # noqa: E402  (the one list of English words)

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODEL = ROOT / "examples" / "dordrecht"
CACHE = ROOT / "tests" / "data" / "feed-cache"

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements HTML closes implicitly when their parent closes (we never omit end
# tags, so only these may be left open by the parser's view).
SVG_NS = "http://www.w3.org/2000/svg"


class Report(html.parser.HTMLParser):
    """Collects what the checks look at: tags with attributes, ids, links, the
    text, inline scripts, nesting problems."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.problems = []
        self.tags = []  # (tag, attrs dict, path of open tags)
        self.ids = []
        self.links = []
        self.text = []
        self.text_outside_code = []
        self.scripts = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes, tuple(self.stack)))
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "a" and "href" in attributes:
            self.links.append((attributes["href"], tuple(self.stack)))
        if tag == "script":
            self._script = []
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        # <circle … /> in SVG: opened and closed at once.
        attributes = dict(attrs)
        self.tags.append((tag, attributes, tuple(self.stack)))
        if "id" in attributes:
            self.ids.append(attributes["id"])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        elif "style" not in self.stack:
            self.text.append(data)
            if "code" not in self.stack:
                self.text_outside_code.append(data)

    def close(self):
        super().close()
        if self.stack:
            self.problems.append(f"left open: {self.stack}")


def parse(text):
    report = Report()
    report.feed(text)
    report.close()
    return report


class Checker:
    def __init__(self, binary, tmp):
        self.binary = binary
        self.tmp = tmp
        self.failures = []

    def check(self, name, condition, detail=""):
        print(f"{'ok  ' if condition else 'FAIL'} {name}{'' if condition else ': ' + str(detail)}")
        if not condition:
            self.failures.append(name)
        return condition

    def run(self, *args, expect=0):
        proc = subprocess.run([self.binary, *map(str, args)], capture_output=True, timeout=240)
        if proc.returncode != expect:
            self.check(f"knelpunt {' '.join(map(str, args))} exits {expect}", False,
                       f"exit {proc.returncode}: {proc.stderr.decode('utf-8', 'replace')}")
        return proc

    def offline(self, name, text, report):
        """No external load and a CSP that forbids them, with the script's hash."""
        bad = []
        for tag, attributes, _ in report.tags:
            if tag in {"link", "img", "iframe", "object", "embed", "frame", "base", "audio", "video", "source"}:
                bad.append(f"<{tag}>")
            if tag == "script" and "src" in attributes:
                bad.append("<script src>")
            for key, value in attributes.items():
                if key in {"href", "src", "action", "xlink:href", "poster", "data", "formaction"}:
                    if not (value or "").startswith(("#", "data:")):
                        bad.append(f"<{tag} {key}={value!r}>")
                if key.startswith("on"):
                    bad.append(f"<{tag} {key}>")
        self.check(f"{name}: no external resource or link", not bad, bad[:5])
        rest = text.replace(f'xmlns="{SVG_NS}"', "")
        http = [m.start() for m in re.finditer(r"(?i)https?:|//[a-z0-9]", rest)]
        self.check(f"{name}: no URL but the SVG namespace", not http, [rest[i - 20:i + 40] for i in http[:3]])
        self.check(f"{name}: no url() or @import in the style sheet",
                   "url(" not in text and "@import" not in text)
        csp = [a.get("content", "") for t, a, _ in report.tags
               if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
        if not self.check(f"{name}: one Content-Security-Policy meta tag", len(csp) == 1, csp):
            return
        policy = csp[0]
        self.check(f"{name}: CSP forbids every load (default-src 'none')", "default-src 'none'" in policy, policy)
        self.check(f"{name}: one inline script", len(report.scripts) == 1, len(report.scripts))
        for script in report.scripts:
            digest = "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
            self.check(f"{name}: CSP names the script's hash", f"script-src '{digest}'" in policy,
                       f"{policy}; the script hashes to {digest} (register_html_writer.cpp kScriptHash)")

    def dordrecht(self):
        out = self.tmp / "report.html"
        self.run("assess", MODEL, "--cache", CACHE, "-q", "--date", "2026-12-01", "-o", out, "--format", "html")
        self.run("assess", MODEL, "--cache", CACHE, "-q", "--date", "2026-12-01", "-o", self.tmp / "register.json")
        reg = json.loads((self.tmp / "register.json").read_text(encoding="utf-8"))
        text = out.read_text(encoding="utf-8")
        report = parse(text)
        self.check("parse: every end tag closes the open element", not report.problems, report.problems[:5])
        htmls = [a for t, a, _ in report.tags if t == "html"]
        self.check("parse: one <html lang=\"nl\">", len(htmls) == 1 and htmls[0].get("lang") == "nl", htmls)
        self.check("parse: ids are unique", len(report.ids) == len(set(report.ids)),
                   sorted({i for i in report.ids if report.ids.count(i) > 1})[:5])

        ids = [risk["id"] for risk in reg["risks"]]
        present = set(report.ids)
        self.check("entries: the register has entries", len(ids) > 50, len(ids))
        missing = [i for i in ids if i not in present or f"a-{i}" not in present]
        self.check("entries: every entry has its section and its appendix", not missing, missing[:5])
        rows = [a for t, a, path in report.tags if t == "tr" and "data-level" in a]
        row_links = [href[1:] for href, path in report.links if "tbody" in path and "table" in path]
        self.check("entries: one table row per entry, in register order", row_links == ids,
                   f"{len(row_links)} rows for {len(ids)} entries")
        self.check("entries: each row's level is the entry's",
                   [r["data-level"] for r in rows] == [risk["level"]["id"] for risk in reg["risks"]])
        dangling = sorted({href for href, _ in report.links if href[1:] not in present})
        self.check("entries: every '#' link has its target", not dangling, dangling[:5])
        dots = {href[1:] for href, path in report.links if "svg" in path}
        placed = [risk["id"] for risk in reg["risks"] if risk["impact"]["class"] is not None]
        self.check("entries: every entry with an impact class has a dot in the diagram",
                   set(placed) <= dots and dots <= set(placed), sorted(set(placed) ^ dots)[:5])

        # A chart where something changes over time (a timeline that ends at t+0 is its table).
        def over_time(risk):
            return any(p["t_h"] is not None and p["t_h"] > 0 for p in risk["timeline"] or [])
        charted = [risk["id"] for risk in reg["risks"]
                   if over_time(risk) and any(p["people"] > 0 for p in risk["timeline"])]
        charts = [path for t, a, path in report.tags if t == "svg" and a.get("class") == "timeline"]
        self.check("entries: a people chart for every entry with people affected over time",
                   len(charts) == len(charted) and len(charted) > 0, f"{len(charts)} charts, {len(charted)} timelines")
        served = [risk["id"] for risk in reg["risks"]
                  if over_time(risk) and any(p["services_lost"] for p in risk["timeline"])]
        service_charts = [path for t, a, path in report.tags if t == "svg" and a.get("class") == "services"]
        self.check("entries: a services chart for every entry with services lost over time",
                   len(service_charts) == len(served) and len(served) > 0,
                   f"{len(service_charts)} charts, {len(served)} timelines")
        level_text = re.findall(r'<li data-level="([^"]+)"[^>]*>([\d.]+) ', text)
        counted = {level: int(n.replace(".", "")) for level, n in level_text}
        self.check("counts: per level as the JSON summary", counted == reg["summary"]["by_level"],
                   f"{counted} vs {reg['summary']['by_level']}")
        cells = {}
        for risk in reg["risks"]:
            if risk["impact"]["class"] is not None:
                key = (risk["likelihood"]["class"], risk["impact"]["class"])
                cells[key] = cells.get(key, 0) + 1
        shown = {(a["data-likelihood"], a["data-impact"]): int(a["data-count"])
                 for t, a, _ in report.tags if t == "g" and "data-count" in a}
        self.check("counts: the diagram's cells as the JSON entries",
                   {k: v for k, v in shown.items() if v} == cells and len(shown) == 25, f"{shown} vs {cells}")
        self.graph(text, reg)
        self.offline("offline", text, report)
        english = []
        for node in report.text_outside_code:
            english += [(node.strip()[:60], reason) for reason in problems_in_text(node)]
        self.check("dutch: no English words, durations or ungrouped numbers in the text", not english, english[:8])
        self.check("parse: the date and the tool version in the header",
                   "2026-12-01" in text and f"knelpunt {reg['tool']['version']}" in text)
        return text

    def graph(self, text, reg):
        """The dependency graph: the collapsed view of `knelpunt graph`, its knelpunten marked."""
        self.check("graph: one dependency graph", text.count('class="depgraph"') == 1, text.count('class="depgraph"'))
        # Printed, the header repeated on every page shows data-label: Chromium
        # leaves the sort buttons' text out of a repeated header.
        table_heads = re.findall(r'<table id="register-table"><thead><tr>(.*?)</tr>', text)
        labelled = re.findall(r'<th scope="col"[^>]* data-label="([^"]+)"><button type="button">([^<]+)</button></th>',
                              table_heads[0] if table_heads else "")
        self.check("print: every register column names itself for the printed header (data-label = button)",
                   len(labelled) == 9 and all(label == button for label, button in labelled), labelled or table_heads[:1])
        drawn = set(re.findall(r'<g class="node[^"]*" data-asset="([^"]+)"', text))
        marked = set(re.findall(r'<g class="node marked" data-asset="([^"]+)"', text))
        listed = json.loads(self.run("graph", MODEL, "--format", "json", "-q").stdout)
        expected = {asset["id"] for asset in listed["assets"]}
        self.check(f"graph: one node per asset of `graph --format json` ({len(expected)})", drawn == expected,
                   f"only drawn {sorted(drawn - expected)[:5]}, only listed {sorted(expected - drawn)[:5]}")
        structural = {asset for risk in reg["risks"] for asset in risk["assets"]
                      if risk["kind"] == "common-cause" or "single-point" in (risk["analyses"] or [])}
        self.check(f"graph: every single point and pair of the register marked ({len(structural)})",
                   structural and structural & drawn <= marked, sorted((structural & drawn) - marked)[:5])

    def formats(self, dordrecht_html):
        stdout = self.run("assess", MODEL, "--cache", CACHE, "-q", "--date", "2026-12-01", "--format", "html").stdout
        self.check("formats: --format html on stdout is the -o report", stdout.decode("utf-8") == dordrecht_html)
        upper = self.tmp / "REPORT.HTM"
        self.run("assess", MODEL, "--cache", CACHE, "-q", "--date", "2026-12-01", "-o", upper)
        self.check("formats: -o REPORT.HTM writes the same report",
                   upper.exists() and upper.read_text(encoding="utf-8") == dordrecht_html)
        proc = self.run("assess", MODEL, "--cache", CACHE, "-q", "-o", self.tmp / "report.pdf", expect=2)
        self.check("formats: -o report.pdf names the formats there are",
                   "'.html' or '.htm' (html)" in proc.stderr.decode("utf-8", "replace"))

    def english(self):
        out = self.tmp / "report-en.html"
        self.run("assess", MODEL, "--cache", CACHE, "-q", "--lang", "en", "-o", out)
        text = out.read_text(encoding="utf-8")
        report = parse(text)
        htmls = [a for t, a, _ in report.tags if t == "html"]
        self.check("english: <html lang=\"en\">", htmls and htmls[0].get("lang") == "en")
        headings = []
        for tag in ("h1", "h2"):
            headings += re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", text)
        expected = {"Summary", "Risk diagram", "Overview", "Risks", "Per sector and per operator"}
        self.check("english: English headings", expected <= set(headings), headings)
        dutch = [w for w in ("Samenvatting", "Risicodiagram", "Overzicht", "Bijlage", "Per beheerder", "niet beoordeeld",
                             "Onderbouwing", "Opvolging")
                 if w in text]
        self.check("english: no Dutch label", not dutch, dutch)
        self.offline("english", text, report)

    def previous(self):
        old, new = self.tmp / "old.json", self.tmp / "new.json"
        out = self.tmp / "changes.html"
        # The new register lists only hoog and above: the rest is "no longer listed", not resolved.
        profile = self.tmp / "listing.yaml"
        default = (ROOT / "profiles" / "default.yaml").read_text(encoding="utf-8")
        profile.write_text(default.replace("min_level: laag", "min_level: hoog"), encoding="utf-8")
        variant = ("--measures", MODEL / "measures.yaml", "--variant", "noodstroom-gemaal-kilweg", "-p", profile)
        self.run("assess", MODEL, "--cache", CACHE, "-q", "--date", "2026-11-01", "-o", old)
        self.run("assess", MODEL, "--cache", CACHE, "-q", *variant, "-o", new)
        self.run("assess", MODEL, "--cache", CACHE, "-q", *variant, "--previous", old, "-o", out)
        diff = json.loads(self.run("diff", old, new, "--format", "json").stdout)["summary"]
        text = out.read_text(encoding="utf-8")
        report = parse(text)
        self.check("previous: the report parses", not report.problems, report.problems[:5])
        self.check("previous: the changes section and its link in the contents",
                   "wijzigingen" in report.ids and any(href == "#wijzigingen" for href, _ in report.links))
        counts = re.search(r"(\d+) nieuw, (\d+) hoger, (\d+) lager, (\d+) anders gewijzigd, (\d+) opgegaan in een "
                           r"andere vermelding, (\d+) vervallen, (\d+) niet meer vermeld, (\d+) ongewijzigd", text)
        self.check("previous: the headline has its counts", counts is not None)
        if counts:
            added, raised, lowered, other, merged, resolved, not_listed, unchanged = map(int, counts.groups())
            self.check("previous: the counts are diff's",
                       added == diff["added"] and raised + lowered + other == diff["changed"]
                       and merged == diff["merged"] and resolved == diff["resolved"]
                       and not_listed == diff["not_listed"] and unchanged == diff["unchanged"],
                       f"{counts.group(0)} vs {diff}")
            self.check("previous: entries below the listing are no longer listed, not resolved",
                       not_listed > 0 and resolved == 0, counts.group(0))
            self.check("previous: the variant changes something", added + raised + lowered + other > 0)
        present = set(report.ids)
        dangling = sorted({href for href, _ in report.links if href[1:] not in present})
        self.check("previous: every '#' link has its target", not dangling, dangling[:5])
        section = re.search(r'<section class="part" id="wijzigingen">(.*?)</section>', text, re.S)
        english = []
        if section:
            for node in parse(section.group(1)).text_outside_code:
                english += [(node.strip()[:60], reason) for reason in problems_in_text(node)]
        self.check("previous: the section passes the Dutch scan", section is not None and not english, english[:8])
        proc = self.run("assess", MODEL, "--cache", CACHE, "-q", "--previous", old, "-o", old, expect=2)
        self.check("previous: -o onto the --previous register is refused",
                   "--previous" in proc.stderr.decode("utf-8", "replace"))

    def hostile(self):
        model = self.tmp / "hostile"
        model.mkdir()
        (model / "model.yaml").write_text("""knelpunt: 1
region:
  name: "</title><script>alert('region')</script>"
  authority: "Regio \\"quoted\\" & <b>bold</b>"
  horizon: 72h
assets:
  - id: hs-a
    name: "<script>alert(1)</script>"
    type: power.station-hv
    process: elektriciteit.landelijk
    operator: "Netbeheer\\"><svg onload=alert(4)>"
    p: 0.01
  - id: ss-b
    name: "Onderstation '</style><script>alert(3)</script>"
    type: power.substation
    process: elektriciteit.regionaal
    serves: {population: 20000}
    p: 0.01
    depends_on:
      - kind: power
        from: [hs-a]
scenarios:
  - id: s1
    title: "<img src=x onerror=alert(2)> '</style>"
    threat: ransomware
    initial: [hs-a]
    likelihood: C
""", encoding="utf-8")
        # Ids in the model are checked ([a-z0-9._-]); a tracking key is any
        # text, and one that matches no risk is listed in the report.
        (model / "tracking.yaml").write_text("""tracking: 1
risks:
  "<script>alert(1)</script>":
    status: accepted
    owner: "<i>eigenaar</i>"
    justification: "x"
  "KP-*":
    status: in-treatment
    owner: "Owner \\"><script>alert(7)</script>"
""", encoding="utf-8")
        out = self.tmp / "hostile.html"
        proc = self.run("assess", model, "--cache", CACHE, "-q", "-o", out)
        if proc.returncode != 0:
            return
        text = out.read_text(encoding="utf-8")
        report = parse(text)
        self.check("hostile: the report parses", not report.problems, report.problems[:5])
        scripts = [t for t, _, _ in report.tags if t == "script"]
        self.check("hostile: exactly one <script>", len(scripts) == 1, len(scripts))
        foreign = sorted({t for t, _, _ in report.tags if t in {"img", "b", "i"}})
        svgs = [a for t, a, _ in report.tags if t == "svg"]
        self.check("hostile: no element from the model", not foreign and all("onload" not in a for a in svgs),
                   foreign)
        self.offline("hostile", text, report)
        plain = "".join(report.text)
        for needle in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)> '</style>",
                       "Netbeheer\"><svg onload=alert(4)>", "</title><script>alert('region')</script>",
                       'Regio "quoted" & <b>bold</b>', 'Owner "><script>alert(7)</script>'):
            self.check(f"hostile: {needle!r} comes back as text", needle in plain)
        style = re.search(r"<style>(.*?)</style>", text, re.S)
        self.check("hostile: the model's texts cannot end the style sheet",
                   style is not None and "<" not in style.group(1))


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        checker = Checker(binary, pathlib.Path(tmp))
        text = checker.dordrecht()
        checker.formats(text)
        checker.english()
        checker.previous()
        checker.hostile()
    if checker.failures:
        sys.exit(f"{len(checker.failures)} check(s) failed: {', '.join(checker.failures)}")
    print("all HTML report checks passed")


if __name__ == "__main__":
    main()
