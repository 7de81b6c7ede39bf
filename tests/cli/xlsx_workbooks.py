#!/usr/bin/env python3
"""Small hand-built Excel workbooks for the `tracking import` tests.

Imported by tests/cli/xlsx_check.py (round trip: edit_cells), and run as
    python3 tests/cli/xlsx_workbooks.py tests/data/workbooks
to write the fixtures of the golden cases (tests/cli/tracking/) and the unit
tests (tests/register/tracking_workbook_test.cpp). Python's zipfile and
strings only; the same script gives the same bytes.
"""
import io
import os
import re
import struct
import sys
import zipfile
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def column_letters(column):
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_xml(rows, shared):
    """rows: lists of cell values: str (shared string), ('inline', str), number, None (empty)."""
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>']
    for r, row in enumerate(rows, start=1):
        out.append(f'<row r="{r}">')
        for c, value in enumerate(row, start=1):
            ref = f"{column_letters(c)}{r}"
            if value is None:
                continue
            if isinstance(value, tuple) and value[0] == "inline":
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value[1])}</t></is></c>')
            elif isinstance(value, str):
                if value not in shared:
                    shared.append(value)
                out.append(f'<c r="{ref}" t="s"><v>{shared.index(value)}</v></c>')
            else:
                out.append(f'<c r="{ref}"><v>{value}</v></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def workbook_bytes(sheets, workbook_xml=None, extra=None):
    """sheets: [(name, rows)]. Returns the bytes of an .xlsx zip."""
    shared = []
    parts = {}
    sheet_entries = []
    rels = []
    for i, (name, rows) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = sheet_xml(rows, shared)
        sheet_entries.append(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>')
    n = len(sheets) + 1
    rels.append(f'<Relationship Id="rId{n}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
    parts["xl/workbook.xml"] = workbook_xml or (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
        + "".join(sheet_entries) + "</sheets></workbook>")
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels) + "</Relationships>")
    parts["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{MAIN}" count="{len(shared)}" uniqueCount="{len(shared)}">'
        + "".join(f"<si><t>{escape(s)}</t></si>" for s in shared) + "</sst>")
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    parts.update(extra or {})
    return zip_bytes(parts)


def zip_bytes(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(parts):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            data = parts[name]
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


def edit_cells(xlsx, sheet_part, cells):
    """Returns `xlsx` with cells of `sheet_part` replaced or added: {"V3": value},
    value a str (inline string) or a number. Everything else is kept."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        parts = {info.filename: z.read(info.filename) for info in z.infolist()}
    xml = parts[sheet_part].decode("utf-8")
    for ref, value in cells.items():
        row = re.match(r"[A-Z]+(\d+)", ref).group(1)
        if isinstance(value, str):
            new = f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
        else:
            new = f'<c r="{ref}"><v>{value}</v></c>'
        pattern = re.compile(rf'<c r="{ref}"(?: [^>/]*)?(?:/>|>.*?</c>)', re.S)
        if pattern.search(xml):
            xml = pattern.sub(lambda _: new, xml, count=1)
        else:
            # A cell written blank by nobody: put it in its row, after the others (readers sort).
            xml = re.sub(rf'(<row r="{row}"[^>]*>.*?)(</row>)', lambda m: m.group(1) + new + m.group(2), xml,
                         count=1, flags=re.S)
    parts[sheet_part] = xml.encode("utf-8")
    return zip_bytes(parts)


HEADER_NL = ["id", "risiconiveau", "status", "eigenaar", "toelichting", "datum", "gecontroleerd door"]


def fixtures():
    """name → bytes of every fixture workbook."""
    ok_rows = [
        # Columns reordered and one added: found by their header names.
        ["eigenaar", "notitie", "id", "status", "datum", "toelichting", "gecontroleerd door"],
        [("inline", "Netbeheerder"), "eigen kolom", "KP-SPOF-3f2a9c", "geaccepteerd", 46327,
         ("inline", 'Noodstroom besteld; "fase 2"\nzie memo'), "J. de Vries"],
        [None, None, "KP-CTRL-2268fd", "in-treatment", ("inline", "2026-11-01"), None, None],
        [None, None, "KP-SCEN-a1b2c3", None, None, None, None],
        [None, ("inline", "een notitie zonder id"), None, None, None, None, None],
    ]
    header = HEADER_NL
    fixtures = {
        "ok.xlsx": workbook_bytes([("Register", ok_rows), ("Over dit register", [["gegeven", "waarde"]])]),
        "unknown-status.xlsx": workbook_bytes([("Register", [header, ["KP-SPOF-3f2a9c", "hoog", "acepted"]])]),
        "invalid-date.xlsx": workbook_bytes([("Register", [
            header,
            ["KP-SPOF-3f2a9c", "hoog", "accepted", None, "ok", ("inline", "2026-02-30")],
            ["KP-CTRL-2268fd", "hoog", "accepted", None, "ok", 60],
            ["KP-SCEN-a1b2c3", "hoog", "accepted", None, "ok", -5],
            ["KP-CCP-0e2689", "hoog", "accepted", None, "ok", ("inline", "1 november")],
        ])]),
        "wrong-header.xlsx": workbook_bytes([("Register", [
            ["id", "risiconiveau", "toestand", "eigenaar", "toelichting", "datum", "gecontroleerd door"],
            ["KP-SPOF-3f2a9c", "hoog", "accepted"]])]),
        "missing-sheet.xlsx": workbook_bytes([("Blad1", [header])]),
        "duplicate-id.xlsx": workbook_bytes([("Register", [
            header, ["KP-SPOF-3f2a9c", "hoog", "accepted", None, "a"], ["KP-SPOF-3f2a9c", "hoog", "mitigated"],
            [None, None, "mitigated"]])]),
        "bad-zip.xlsx": b"id,status\nKP-SPOF-3f2a9c,accepted\n",
        "doctype.xlsx": workbook_bytes([("Register", [header])], workbook_xml=(
            '<?xml version="1.0"?>\n<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="&b;" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>")),
        "huge-declared-size.xlsx": declared_size(workbook_bytes([("Register", [header])]), "xl/worksheets/sheet1.xml",
                                                 0xFFFFFFF0),
    }
    return fixtures


def declared_size(xlsx, name, size):
    """`xlsx` with the uncompressed size of entry `name` in the central directory set to `size`."""
    data = bytearray(xlsx)
    encoded = name.encode()
    at = 0
    while True:
        at = data.find(b"PK\x01\x02", at)
        if at < 0:
            raise ValueError(name)
        length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46:at + 46 + length]) == encoded:
            struct.pack_into("<I", data, at + 24, size)
            return bytes(data)
        at += 4


def main():
    target = sys.argv[1]
    os.makedirs(target, exist_ok=True)
    for name, data in fixtures().items():
        with open(os.path.join(target, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
