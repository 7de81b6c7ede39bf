#!/usr/bin/env python3
"""The Excel register (docs/register.md, Excel; decisions 027 and 028).

Usage: python3 xlsx_check.py PATH_TO_KNELPUNT

Opens the workbook `assess examples/dordrecht -o register.xlsx` writes with a
real reader (Python's zipfile and xml.etree, nothing else) and checks:

  bytes       two runs give the same bytes; the creation time is --date
  structure   the sheets, an Excel table on each (range, filter), the frozen
              header, the status drop-down list, the date rule
  cells       every listed entry id once; impact scores and figures are number
              cells; the level cell has its level's colour; a tracking date is
              a date serial with a date style; the due dates of
              vulnerabilities too; English with --lang en
  round trip  cells filled in by editing the sheet XML, `tracking import`,
              then `assess --tracking` shows those statuses; an existing
              output is kept without --force, replaced with it
  formats     -o register.xls (no writer) is refused, naming .xlsx

Reads the fixed feed cache tests/data/feed-cache; writes only below one
temporary directory, removed at the end.
"""

import json
import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from xlsx_workbooks import edit_cells  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODEL = ROOT / "examples" / "dordrecht"
CACHE = ROOT / "tests" / "data" / "feed-cache"
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
DATE_FORMATS = {14, 15, 16, 17, 22}  # Excel's built-in date formats
LEVEL_FILLS = {  # level id → fill, as register/level_colours.cpp for four levels
    "laag": "FFFEF0D9", "midden": "FFFDCC8A", "hoog": "FFE34A33", "zeer-hoog": "FFB30000"}
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def run(binary, *args, expect=0):
    proc = subprocess.run([binary, *map(str, args)], capture_output=True)
    if proc.returncode != expect:
        sys.exit(f"knelpunt {' '.join(map(str, args))}: exit {proc.returncode}, expected {expect}\n"
                 + proc.stderr.decode("utf-8", "replace"))
    return proc


def column_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def split_ref(ref):
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    return m.group(1), int(m.group(2))


class Workbook:
    """The parts of an .xlsx a check needs, read with zipfile and ElementTree."""

    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        self.shared = [("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
                       for si in self.xml("xl/sharedStrings.xml").findall("m:si", NS)]
        rels = {r.get("Id"): r.get("Target") for r in self.xml("xl/_rels/workbook.xml.rels")}
        self.sheets = {s.get("name"): "xl/" + rels[s.get(REL_ID)]
                       for s in self.xml("xl/workbook.xml").find("m:sheets", NS)}
        styles = self.xml("xl/styles.xml")
        self.xfs = styles.find("m:cellXfs", NS).findall("m:xf", NS)
        self.fills = styles.find("m:fills", NS).findall("m:fill", NS)
        self.custom_formats = {int(f.get("numFmtId")): f.get("formatCode")
                               for f in styles.find("m:numFmts", NS) or []}

    def xml(self, part):
        return ET.fromstring(self.zip.read(part))

    def cells(self, sheet):
        """ref → (type, value, style index) of every cell with a value."""
        out = {}
        for c in self.xml(self.sheets[sheet]).iter(f"{{{NS['m']}}}c"):
            t = c.get("t", "n")
            v = c.find("m:v", NS)
            if t == "s":
                value = self.shared[int(v.text)]
            elif t == "inlineStr":
                value = "".join(x.text or "" for x in c.iter(f"{{{NS['m']}}}t"))
            elif v is not None:
                value = v.text
            else:
                continue
            out[c.get("r")] = (t, value, int(c.get("s", "0")))
        return out

    def is_date_style(self, style):
        fmt = int(self.xfs[style].get("numFmtId", "0"))
        code = self.custom_formats.get(fmt, "")
        return fmt in DATE_FORMATS or ("y" in code and "d" in code)

    def fill(self, style):
        fill = self.fills[int(self.xfs[style].get("fillId", "0"))]
        fg = fill.find("m:patternFill/m:fgColor", NS)
        return fg.get("rgb") if fg is not None else None

    def table_of(self, sheet):
        rels_part = self.sheets[sheet].replace("worksheets/", "worksheets/_rels/") + ".rels"
        target = next(iter(self.xml(rels_part))).get("Target")
        return self.xml("xl/" + target.replace("../", ""))


def rows_by_header(cells):
    """header text → column letters (row 1), and the rows below as {row: {header: cell}}."""
    header = {value: split_ref(ref)[0] for ref, (_, value, _) in cells.items() if split_ref(ref)[1] == 1}
    by_column = {col: name for name, col in header.items()}
    rows = {}
    for ref, cell in cells.items():
        col, row = split_ref(ref)
        if row > 1 and col in by_column:
            rows.setdefault(row, {})[by_column[col]] = cell
    return header, rows


def check_structure(book, listed, lang):
    nl = lang == "nl"
    names = (["Register", "Impact", "Keten", "Onderbouwing", "Kwetsbaarheden", "Tijdlijn", "Maatregelen",
              "Objecten", "Over dit register"] if nl else
             ["Register", "Impact", "Chain", "Evidence", "Vulnerabilities", "Timeline", "Measures", "Assets",
              "About this register"])
    check(list(book.sheets) == names, f"{lang}: sheets {list(book.sheets)}, expected {names}")
    sheet = book.xml(book.sheets["Register"])
    pane = sheet.find("m:sheetViews/m:sheetView/m:pane", NS)
    check(pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1",
          f"{lang}: the register's header row is not frozen")
    dimension = sheet.find("m:dimension", NS).get("ref")
    table = book.table_of("Register")
    check(table.get("ref") == dimension, f"{lang}: table range {table.get('ref')}, sheet {dimension}")
    check(table.find("m:autoFilter", NS) is not None, f"{lang}: the register table has no filter")
    last_row = split_ref(dimension.split(":")[1])[1]
    check(last_row == len(listed) + 1, f"{lang}: table ends at row {last_row}, expected {len(listed) + 1}")
    columns = [c.get("name") for c in table.find("m:tableColumns", NS)]
    status_header = "status"
    status_col = next(i for i, name in enumerate(columns, start=1) if name == status_header)
    date_col = columns.index("datum" if nl else "date") + 1
    rules = sheet.find("m:dataValidations", NS)
    check(rules is not None, f"{lang}: no data validation")
    if rules is not None:
        by_type = {r.get("type"): r for r in rules}
        lst = by_type.get("list")
        statuses = (["niet beoordeeld", "in behandeling", "geaccepteerd", "beheerst", "vals-positief"] if nl else
                    ["unchecked", "in treatment", "accepted", "mitigated", "false positive"])
        check(lst is not None and lst.find("m:formula1", NS).text == '"' + ",".join(statuses) + '"',
              f"{lang}: status list {lst.find('m:formula1', NS).text if lst is not None else None}")
        check(lst is not None and lst.get("sqref", "").startswith(f"{column_letters(status_col)}2:"),
              f"{lang}: the status list is not on column {status_col}")
        date_rule = by_type.get("date")
        check(date_rule is not None and date_rule.get("sqref", "").startswith(f"{column_letters(date_col)}2:"),
              f"{lang}: no date rule on the date column")
    for name in names:
        t = book.table_of(name)
        check(t.find("m:autoFilter", NS) is not None, f"{lang}: sheet {name} has no table with a filter")
    return columns


def column_letters(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def check_cells(book, listed, tracked_id, lang):
    cells = book.cells("Register")
    header, rows = rows_by_header(cells)
    nl = lang == "nl"
    ids = [r["id"][1] for r in rows.values() if "id" in r]
    check(sorted(ids) == sorted(r["id"] for r in listed) and len(ids) == len(set(ids)),
          f"{lang}: the register sheet's ids differ from the JSON register's")
    by_id = {r["id"][1]: r for r in rows.values()}
    score = "impactscore" if nl else "impact score"
    level = "risiconiveau" if nl else "risk level"
    for risk in listed:
        row = by_id.get(risk["id"], {})
        cell = row.get(score)
        if not check(cell is not None and cell[0] == "n", f"{lang}: {risk['id']} impact score is not a number"):
            break
        check(abs(float(cell[1]) - risk["impact"]["score"]) < 1e-9,
              f"{lang}: {risk['id']} impact score {cell[1]}, JSON {risk['impact']['score']}")
        level_cell = row.get(level)
        expected_fill = LEVEL_FILLS.get(risk["level"]["id"])
        if not check(level_cell is not None and book.fill(level_cell[2]) == expected_fill,
                     f"{lang}: {risk['id']} level cell fill {book.fill(level_cell[2]) if level_cell else None}, "
                     f"expected {expected_fill}"):
            break
    # Vital processes by name (as in the Markdown and HTML registers), never by id.
    processes = "vitale processen" if nl else "vital processes"
    named = 0
    for risk in listed:
        cell = by_id.get(risk["id"], {}).get(processes)
        if not risk["vital_processes"]:
            continue
        text = cell[1] if cell else ""
        parts = text.split(" | ")
        check(len(parts) == len(risk["vital_processes"]) and not set(parts) & set(risk["vital_processes"]),
              f"{lang}: {risk['id']} vital processes {text!r}, expected the names of {risk['vital_processes']}")
        named += 1
    check(named > 10, f"{lang}: only {named} entries with vital processes")
    tracked = by_id[tracked_id]
    date_cell = tracked.get("datum" if nl else "date")
    check(date_cell is not None and date_cell[0] == "n" and date_cell[1] == "46327"
          and book.is_date_style(date_cell[2]), f"{lang}: tracking date cell {date_cell}, expected serial 46327 as a date")
    check(tracked["status"][1] == ("geaccepteerd" if nl else "accepted"), f"{lang}: status {tracked['status']}")
    check(tracked[("eigenaar" if nl else "owner")][1] == "Netbeheerder", f"{lang}: owner not filled in")

    # Vulnerabilities: due dates are date cells.
    vulnerability_cells = book.cells("Kwetsbaarheden" if nl else "Vulnerabilities")
    header, rows = rows_by_header(vulnerability_cells)
    due = "uiterlijk" if nl else "due"
    for row in rows.values():
        if due in row:
            check(row[due][0] == "n" and book.is_date_style(row[due][2]), f"{lang}: due date {row[due]} is not a date")
    # Assets: every asset's figures are numbers.
    asset_cells = book.cells("Objecten" if nl else "Assets")
    header, rows = rows_by_header(asset_cells)
    people = "mensuren" if nl else "people-hours"
    check(len(rows) > 100, f"{lang}: the asset sheet has {len(rows)} rows")
    numbers = [r[people][0] == "n" for r in rows.values() if people in r]
    check(numbers and all(numbers), f"{lang}: people-hours are not number cells")


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        common = ["--cache", CACHE, "--date", "2026-12-01", "-q"]
        first = json.loads(run(binary, "assess", MODEL, "--format", "json", *common).stdout)
        listed = first["risks"]
        tracked_id, other_id = listed[0]["id"], listed[1]["id"]
        tracking = tmp / "tracking.yaml"
        tracking.write_text(f"tracking: 1\nrisks:\n  {tracked_id}: {{status: accepted, owner: Netbeheerder, "
                            f"justification: Noodstroom besteld, date: 2026-11-01}}\n", encoding="utf-8")
        a, b, en = tmp / "a.xlsx", tmp / "b.xlsx", tmp / "en.xlsx"
        run(binary, "assess", MODEL, "--tracking", tracking, "-o", a, *common)
        run(binary, "assess", MODEL, "--tracking", tracking, "--format", "xlsx", "-o", b, *common)
        check(a.read_bytes() == b.read_bytes(), "bytes: two runs differ")
        run(binary, "assess", MODEL, "--tracking", tracking, "--lang", "en", "-o", en, *common)
        book = Workbook(a)
        core = book.zip.read("docProps/core.xml").decode()
        check("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-12-01T00:00:00Z" in core,
              "bytes: the creation time is not --date")
        columns = check_structure(book, listed, "nl")
        check_cells(book, listed, tracked_id, "nl")
        check_structure(Workbook(en), listed, "en")
        check_cells(Workbook(en), listed, tracked_id, "en")

        # Round trip: fill in two rows as a person would, import, assess.
        cells = book.cells("Register")
        col = {name: column_letters(i) for i, name in enumerate(columns, start=1)}
        row_of = {value: split_ref(ref)[1] for ref, (_, value, _) in cells.items() if split_ref(ref)[0] == "A"}
        filled = edit_cells(a.read_bytes(), book.sheets["Register"], {
            f"{col['status']}{row_of[other_id]}": "beheerst",
            f"{col['eigenaar']}{row_of[other_id]}": "Team OT",
            f"{col['toelichting']}{row_of[other_id]}": "Segmentatie getest",
            f"{col['datum']}{row_of[other_id]}": 46357,  # 2026-12-01
            f"{col['status']}{row_of[tracked_id]}": "in-treatment",
        })
        filled_path, imported = tmp / "filled.xlsx", tmp / "imported.yaml"
        filled_path.write_bytes(filled)
        run(binary, "tracking", "import", filled_path, "-o", imported)
        after = json.loads(run(binary, "assess", MODEL, "--format", "json", "--tracking", imported, *common).stdout)
        by_id = {r["id"]: r["tracking"] for r in after["risks"]}
        check(by_id[other_id]["status"] == "mitigated" and by_id[other_id]["owner"] == "Team OT"
              and by_id[other_id]["date"] == "2026-12-01", f"round trip: {other_id} has {by_id[other_id]}")
        check(by_id[tracked_id]["status"] == "in-treatment" and by_id[tracked_id]["owner"] == "Netbeheerder"
              and by_id[tracked_id]["date"] == "2026-11-01", f"round trip: {tracked_id} has {by_id[tracked_id]}")
        check(not after["unmatched_tracking"], f"round trip: unmatched {after['unmatched_tracking']}")
        # Create-only without --force; replaced with it (merged with itself: unchanged).
        before = imported.read_bytes()
        run(binary, "tracking", "import", filled_path, "-o", imported, expect=2)
        check(imported.read_bytes() == before, "round trip: an existing output changed without --force")
        proc = run(binary, "tracking", "import", filled_path, "-o", imported, "--force")
        entries = lambda text: text.split(b"tracking: 1\n", 1)[1]
        check(entries(imported.read_bytes()) == entries(before), "round trip: --force over the same tracking changed it")
        check(b"; 0 differ from" in proc.stderr, f"round trip: differences reported against itself: {proc.stderr}")
        # The English workbook reads back too.
        run(binary, "tracking", "import", en, "-o", tmp / "en.yaml")
        check("status: \"accepted\"" in (tmp / "en.yaml").read_text(encoding="utf-8"), "round trip: English import")

        proc = run(binary, "assess", MODEL, "-o", tmp / "register.xls", *common, expect=2)
        check(b"'.xlsx' (xlsx)" in proc.stderr, "formats: -o register.xls does not name .xlsx")
    if failures:
        print("\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
