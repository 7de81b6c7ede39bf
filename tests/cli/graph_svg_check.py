#!/usr/bin/env python3
"""`knelpunt graph --format svg` as an XML document (docs/graph.md).

Usage: graph_svg_check.py KNELPUNT_BINARY

For the small test town and for Dordrecht, with the default (collapsed)
view, --all, --vital-only and a --focus view:
  nodes       the SVG parses with a real XML parser (xml.etree) and has one
              <g class="node" data-asset=ID> per asset that `--format json`
              with the same options lists, and no other
  edges       as many edge groups as the collapsed JSON has edges
  same bytes  a second run gives the same bytes, with the model's path spelt
              otherwise (absolute, with `.` and `..`) and glibc's malloc
              told to mmap every block: the layout must not depend on the
              heap (decision 026, "Determinism")
  no links    no href, no <script>, no http(s):// other than the SVG namespace
  too large   a generated region of 600 assets: --format svg refuses it
              (exit 2) and names --focus; --format json still lists it
  hostile     a model whose names and region hold markup, quotes and Graphviz
              escapes: the SVG parses, holds no element from the model and
              gives the names back as text
"""

import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

SVG = "{http://www.w3.org/2000/svg}"
HERE = Path(__file__).resolve().parent
SMALL = HERE.parent / "data" / "models" / "small-town"
DORDRECHT = HERE.parent.parent / "examples" / "dordrecht"


class Check:
    def __init__(self, binary):
        self.binary = binary
        self.failures = 0

    def check(self, name, condition, detail=""):
        print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"))
        if not condition:
            self.failures += 1

    def run(self, *args, env=None):
        done = subprocess.run([self.binary, "graph", *map(str, args)], capture_output=True, text=True, timeout=120,
                              env=env)
        if done.returncode != 0:
            raise SystemExit(f"graph {' '.join(map(str, args))} failed ({done.returncode}): {done.stderr}")
        return done.stdout

    def view(self, name, model, *options):
        svg_text = self.run(model, "--format", "svg", *options)
        listed = json.loads(self.run(model, "--format", "json", *options))
        try:
            root = ET.fromstring(svg_text)
        except ET.ParseError as error:
            self.check(f"{name}: the SVG parses", False, error)
            return
        self.check(f"{name}: the SVG parses", root.tag == SVG + "svg", root.tag)
        drawn = [g.get("data-asset") for g in root.iter(SVG + "g") if "node" in g.get("class", "").split()]
        expected = [a["id"] for a in listed["assets"]]
        self.check(f"{name}: one node per listed asset ({len(expected)})", sorted(drawn) == sorted(expected),
                   f"drawn {len(drawn)}, listed {len(expected)}; only drawn {sorted(set(drawn) - set(expected))[:5]}, "
                   f"only listed {sorted(set(expected) - set(drawn))[:5]}")
        if "edges" in listed:
            edges = [g for g in root.iter(SVG + "g") if "edge" in g.get("class", "").split()]
            self.check(f"{name}: one edge per listed edge ({len(listed['edges'])})", len(edges) == len(listed["edges"]),
                       f"drawn {len(edges)}")
        respelt = Path(model).resolve().parent / "." / ".." / Path(model).resolve().parent.name / Path(model).name
        other_heap = dict(os.environ, GLIBC_TUNABLES="glibc.malloc.mmap_threshold=0:glibc.malloc.tcache_count=0")
        again = self.run(respelt, "--format", "svg", *options, env=other_heap)
        self.check(f"{name}: same bytes with another path and heap", svg_text == again,
                   next((f"line {i + 1}: {a[:80]} | {b[:80]}" for i, (a, b) in
                         enumerate(zip(svg_text.splitlines(), again.splitlines())) if a != b), "lengths differ"))
        without_namespace = svg_text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        self.check(f"{name}: no links or scripts",
                   "href" not in without_namespace and "<script" not in without_namespace
                   and "http://" not in without_namespace and "https://" not in without_namespace)

    def hostile(self, tmp):
        model = Path(tmp) / "hostile"
        model.mkdir()
        (model / "model.yaml").write_text("""knelpunt: 1
region:
  name: "</title><script>alert('region')</script>"
  authority: "Regio"
  horizon: 72h
assets:
  - id: hs-a
    name: "<script>alert(1)</script> \\\\N \\\\G \\" & ]]>"
    type: power.station-hv
    process: elektriciteit.landelijk
    p: 0.01
  - id: ss-b
    name: "Onderstation '</text><svg onload=alert(3)>"
    type: power.substation
    process: elektriciteit.regionaal
    p: 0.01
    depends_on:
      - kind: "power"
        from: [hs-a]
""", encoding="utf-8")
        for options in ([], ["--all"]):
            svg_text = self.run(model, "--format", "svg", *options)
            try:
                root = ET.fromstring(svg_text)
            except ET.ParseError as error:
                self.check("hostile: the SVG parses", False, error)
                continue
            tags = {element.tag for element in root.iter()}
            self.check("hostile: no element from the model",
                       tags <= {SVG + t for t in ("svg", "title", "rect", "g", "text", "path", "polygon", "circle")},
                       sorted(tags))
            texts = "".join(root.itertext())
            self.check("hostile: the region's name back as text", "</title><script>alert('region')</script>" in texts)
            titles = {g.get("data-asset"): g.find(SVG + "title").text for g in root.iter(SVG + "g")
                      if "node" in g.get("class", "").split()}
            self.check("hostile: each node's title gives its name back in full",
                       titles.get("hs-a") == "hs-a — <script>alert(1)</script> \\N \\G \" & ]]>"
                       and titles.get("ss-b") == "ss-b — Onderstation '</text><svg onload=alert(3)>", titles)


def too_large(check, tmp):
    region = Path(tmp) / "region"
    subprocess.run([sys.executable, str(HERE.parent.parent / "bench" / "generate_region.py"), "--assets", "600",
                    "--out", str(region)], check=True, capture_output=True, timeout=120)
    done = subprocess.run([check.binary, "graph", str(region), "--format", "svg", "-q"], capture_output=True, text=True,
                          timeout=120)
    check.check("too large: --format svg refuses with exit 2", done.returncode == 2 and not done.stdout,
                f"exit {done.returncode}")
    check.check("too large: the message names --focus", "--focus" in done.stderr, done.stderr[:300])
    listed = json.loads(check.run(region, "--format", "json", "-q"))
    check.check("too large: --format json lists it", len(listed["assets"]) > 500, len(listed["assets"]))


def main():
    check = Check(sys.argv[1])
    check.view("small town, collapsed", SMALL)
    check.view("small town, --all", SMALL, "--all")
    check.view("small town, --vital-only", SMALL, "--vital-only")
    check.view("small town, --focus --upstream", SMALL, "--focus", "pomp-2", "--upstream")
    check.view("Dordrecht, collapsed", DORDRECHT)
    check.view("Dordrecht, --all", DORDRECHT, "--all")
    with tempfile.TemporaryDirectory() as tmp:
        check.hostile(tmp)
        too_large(check, tmp)
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main())
