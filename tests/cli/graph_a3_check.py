#!/usr/bin/env python3
"""Dordrecht's default graph picture is readable on one A3 page (issue #15).

Usage: graph_a3_check.py KNELPUNT_BINARY

Reads `knelpunt graph examples/dordrecht --format svg` (the default,
collapsed view, legend included) and scales the whole picture to fit an A3
page with 10 mm margins, portrait or landscape, whichever gives the larger
scale. The smallest text in it must then print at 7 pt or more: scale times
the smallest font-size of any <text>, its own or inherited from a <g>. A
<text> without any font-size fails (a browser would pick its own). The
picture's size, the counts and the printed size are printed, so that the
figures in docs/graph.md can be checked against them.
"""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

SVG = "{http://www.w3.org/2000/svg}"
DORDRECHT = Path(__file__).resolve().parent.parent.parent / "examples" / "dordrecht"
MM = 72 / 25.4
A3_SHORT, A3_LONG = 297 * MM, 420 * MM
PAGE_MARGIN = 10 * MM
SMALLEST_PRINTED_PT = 7.0


def points(length):
    """An SVG length of the root in points; the writer gives pt, a bare number is px (0.75 pt)."""
    if length.endswith("pt"):
        return float(length[:-2])
    if length.endswith("px"):
        return float(length[:-2]) * 0.75
    return float(length) * 0.75


def text_font_sizes(element, inherited=None):
    """(font-size, text) of every <text> below element; None when neither it nor an ancestor sets one."""
    size = element.get("font-size", inherited)
    if element.tag == SVG + "text":
        yield size, "".join(element.itertext())
    for child in element:
        yield from text_font_sizes(child, size)


def a3_scale(width, height):
    """The largest scale at which width x height fits an A3 page inside its margins, either way round."""
    short, long = A3_SHORT - 2 * PAGE_MARGIN, A3_LONG - 2 * PAGE_MARGIN
    return max(min(short / width, long / height), min(long / width, short / height))


def main():
    binary = sys.argv[1]
    done = subprocess.run([binary, "graph", str(DORDRECHT), "--format", "svg"], capture_output=True, text=True,
                          timeout=120)
    if done.returncode != 0:
        print(f"FAIL graph --format svg exited {done.returncode}: {done.stderr}")
        return 1
    root = ET.fromstring(done.stdout)
    width, height = points(root.get("width")), points(root.get("height"))
    # The viewBox is in the same units as width and height (the writer gives both in points), so a
    # font-size in user units is a size in points on the unscaled picture.
    view_box = [float(v) for v in root.get("viewBox").split()]
    unit = width / view_box[2]
    sizes = list(text_font_sizes(root))
    unsized = [text for size, text in sizes if size is None]
    if unsized:
        print(f"FAIL {len(unsized)} texts without a font-size, the first: {unsized[0]!r}")
        return 1
    smallest_size, smallest_text = min(((float(size) * unit, text) for size, text in sizes), key=lambda s: s[0])
    groups = [g.get("class", "").split() for g in root.iter(SVG + "g")]
    assets = sum("node" in c for c in groups)
    junctions = sum("junction" in c for c in groups)
    edges = sum("edge" in c for c in groups)
    scale = a3_scale(width, height)
    printed = scale * smallest_size
    print(f"picture {width:.1f} x {height:.1f} pt; {assets} assets, {junctions} junctions, {edges} edges")
    print(f"smallest font-size {smallest_size:g} pt ({smallest_text!r}); A3 scale {scale:.3f}; "
          f"prints at {printed:.2f} pt")
    ok = printed >= SMALLEST_PRINTED_PT
    print(("ok   " if ok else "FAIL ") + f"the smallest text prints at {SMALLEST_PRINTED_PT:g} pt or more on A3"
          + ("" if ok else f": {printed:.2f} pt"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
