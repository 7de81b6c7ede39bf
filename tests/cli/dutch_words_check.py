#!/usr/bin/env python3
"""Dutch output is written in Dutch: no English words in its prose.

Usage: python3 dutch_words_check.py [PATH_TO_KNELPUNT]   (the binary is not used)

Scans the golden outputs (tests/cli/<command>/<case>/expected.out) of the
commands that write for readers (COMMANDS: the register, and the analyses
whatif, reach, merge, cutsets, compare and simulate) in Dutch, that is every case whose
`cmd` has no `--lang en`:

  Markdown, CSV, text  every line, without `backtick code` and without a
                       required action that CISA's KEV feed gives for a CVE
                       where the register quotes it as English ("…" (CISA,
                       in het Engels)); its standard texts are translated
  JSON                 the prose fields (PROSE_KEYS); ids stay as they are

`diff` is not scanned: it quotes the titles of the registers it is given.
Error messages (stderr) are not scanned: they stay English (decision 016).

and fails when a word of ENGLISH_WORDS, a duration in the compact notation
(72h, 1h30m), a wrong Dutch form of WRONG_DUTCH or a number of five or more
digits without the Dutch thousands dot appears outside an id. An id is a
token with a hyphen, dot, underscore or digit in it (asset, risk, control
and catalogue ids), unless the token itself is in ENGLISH_WORDS
("single-point", "people-hours": those were shown as words to readers).

With --self-test it also checks that it finds the English of a sample text,
so the check cannot pass by reading nothing.
"""

import json
import pathlib
import re
import sys

COMMANDS = {"assess", "merge", "whatif", "reach", "cutsets", "compare", "simulate"}

ENGLISH_WORDS = {
    "people", "people-hours", "hours", "hour", "single-point", "spof", "common-cause", "cascade-reach",
    "cyber-exposure", "missing-controls", "geographic", "co-located-redundancy", "exposure", "reach",
    "unchecked", "affected", "failure", "failures", "fails", "fail", "within", "risk", "risks",
    "asset", "assets", "assessor", "the", "and", "with", "from", "class", "loss",
    "far-reaching", "common", "cause", "people-served", "served", "down", "back", "weight", "missing",
    "network", "baseline", "unknown", "mixed", "vital", "days", "euros", "hectares", "square-kilometre-days", "expert-score",
    "clamped", "threat", "likelihood", "steps", "catalogue", "year", "years", "independent",
    # the analyses (whatif, reach, cutsets, compare)
    "initial", "suppliers", "lost", "virtual", "population", "probability", "order", "sets", "cost", "removed",
    "reduced", "raised", "added", "stay", "inf", "any", "bounds",
    # the resource-kind ids that are English words: readers get the catalogue's names
    "power", "heating", "fuel", "raw-water", "sewage", "process-chemicals", "cooling", "medical-supplies",
    "staff", "road-access", "flood-protection", "dispatch", "acute-care", "emergency-response",
    "public-services",
    # the model's remote-access values, which readers get in words
    "vendor-vpn",
    # the scoring catalogue's likelihood step keys, which readers get in words
    "internet_exposed", "direct_remote_access", "vendor_remote_access", "remote_access", "mixed_network",
    "kev_product", "kev_ransomware", "epss_above_threshold",
    # not "default": it is the id of the shipped profile
}

# Dutch that is wrong: the singular of "vitale objecten", the compound.
WRONG_DUTCH = [
    (re.compile(r"\b1 vitale object\b"), "'1 vitale object' (expected '1 vitaal object')"),
    (re.compile(r"\bVer reikende\b", re.IGNORECASE), "'Ver reikende' (expected 'Verreikende')"),
    (re.compile(r"Gemeenschappelijke oorzaak"), "'Gemeenschappelijke oorzaak' (the pairs are critical pairs, not a common cause)"),
    (re.compile(r"(?<![\d.,])0 (?:andere |vitale |virtuele |uitgevallen |getroffen )?(?:objecten|gebieden|maatregelen|verzamelingen)\b"),
     "'0 ... objecten' (expected 'geen ... objecten')"),
    (re.compile(r"(?<![\d.,])1 (?:andere |vitale |virtuele |uitgevallen )?(?:objecten|gebieden|maatregelen|verzamelingen)\b"),
     "a plural after 1 (expected '1 object', '1 vitaal object')"),
    (re.compile(r"\bbinnen onbeperkt\b"), "'binnen onbeperkt' (expected 'zonder tijdsgrens')"),
    (re.compile(r"\(zeer-hoog\b|\bzeer-hoog\)|→ zeer-hoog\b"), "the level id 'zeer-hoog' in prose (expected 'zeer hoog')"),
]

# Durations in words, as every output writes them (decisions 047 and 051):
# from three days on in days (then the hours and minutes left), minutes as
# "minuten", never the abbreviation. Only after the words the tool writes
# before a duration: a measure may be named "72 uur brandstof" by its author.
HOURS_AS_DAYS = re.compile(r"(?:\b(?:binnen|na|buffer|gedurende|duur)\s|[tT]\+)(\d{1,3}(?:\.\d{3})+|\d+) uur\b")
MINUTES_ABBREVIATED = re.compile(r"(?<![\w-])\d+ min\b")
DURATION = re.compile(r"(?<![\w-])t?\+?\d+(?:\.\d+)?h(?:\d+m)?(?![\w-])|(?<![\w-])\d+m(?![\w-])")
# Five digits or more: a year (2027) is written without a dot.
UNGROUPED = re.compile(r"^\d{5,}$")
# A comma between digits is a decimal comma, not a separator.
TOKEN_SPLIT = re.compile(r"(?:[\s|()\[\]{};\"'`*:!?…—–→×=<>/\\]|,(?!\d)|(?<!\d),)+")
ID_LIKE = re.compile(r"[-._0-9]")

PROSE_KEYS = {"title", "description", "evidence", "basis", "rationale", "score_explanation", "explanation",
              "assessor_name", "kind_name", "status_label", "name"}


def strip_code(line):
    line = re.sub(r"`[^`]*`", " ", line)
    # A product as the model names it (vendor, product, version) is a proper name.
    line = re.sub(r"^(\s*- )?product .*$", " ", line)
    return re.sub(r'vereiste actie: "[^"]*" \(CISA, in het Engels\)', " ", line)


def problems_in_text(text):
    """(word, reason) for every offending token of `text`."""
    found = []
    text = strip_code(text)
    for pattern, reason in WRONG_DUTCH:
        if pattern.search(text):
            found.append(reason)
    for match in HOURS_AS_DAYS.finditer(text):
        hours = int(match.group(1).replace(".", ""))
        if hours >= 72:
            days = f"{hours // 24} dagen" + (f" en {hours % 24} uur" if hours % 24 else "")
            found.append(f"duration '{match.group(1)} uur' (expected '{days}')")
    for match in MINUTES_ABBREVIATED.finditer(text):
        found.append(f"duration '{match.group(0)}' (expected 'minuten')")
    for match in DURATION.finditer(text):
        found.append(f"duration '{match.group(0)}' (expected '48 uur', '3 dagen')")
    for raw in TOKEN_SPLIT.split(text):
        token = raw.strip(".")
        if not token:
            continue
        if token.lower() in ENGLISH_WORDS:
            found.append(f"English word '{token}'")
        elif UNGROUPED.match(token):
            found.append(f"number '{token}' without the thousands dot (expected e.g. 1.234)")
        elif ID_LIKE.search(token):
            continue
    return found


def prose_strings(value, key=None):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from prose_strings(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from prose_strings(item, key)
    elif isinstance(value, str) and key in PROSE_KEYS:
        yield value


def dutch_cases(cli_dir):
    for cmd_file in sorted(cli_dir.glob("*/*/cmd")):
        args = cmd_file.read_text(encoding="utf-8").split()
        if not args or args[0] not in COMMANDS:
            continue
        if "--lang" in args and args[args.index("--lang") + 1] == "en":
            continue
        out = cmd_file.parent / "expected.out"
        if out.exists() and out.stat().st_size > 0:
            yield cmd_file.parent, args, out


def scan(cli_dir):
    """{(case, line, reason)} over every Dutch golden output."""
    problems = []
    scanned = 0
    for case, args, out in dutch_cases(cli_dir):
        scanned += 1
        text = out.read_text(encoding="utf-8-sig")
        name = case.relative_to(cli_dir)
        # A shard (--shard I/N) is JSON whatever --format says.
        if "json" in args or "--shard" in args:
            document = json.loads(text)
            if document.get("lang") not in (None, "nl"):
                continue
            for string in prose_strings(document):
                for reason in problems_in_text(string):
                    problems.append((name, string[:80], reason))
            continue
        for number, line in enumerate(text.splitlines(), 1):
            for reason in problems_in_text(line):
                problems.append((name, number, reason))
    return scanned, problems


def self_test():
    sample = ("Soort: spof; 1 vitale object; 918 people-hours binnen 72h; 12345 inwoners; `people` mag; treft 0 vitale "
              "objecten; 1 objecten vallen uit binnen onbeperkt; T+2h  pomp-1  Pomp 1  initial failure; KP-1 (zeer-hoog → hoog); binnen 168 uur; buffer 30 min; T+96 uur; t+122 uur en 15 minuten; binnen 1.440 uur")
    found = problems_in_text(sample)
    expected = ["English word 'spof'", "English word 'people-hours'", "duration '72h' (expected '48 uur', '3 dagen')",
                "number '12345' without the thousands dot (expected e.g. 1.234)",
                "'1 vitale object' (expected '1 vitaal object')",
                "'0 ... objecten' (expected 'geen ... objecten')",
                "a plural after 1 (expected '1 object', '1 vitaal object')",
                "'binnen onbeperkt' (expected 'zonder tijdsgrens')",
                "duration '2h' (expected '48 uur', '3 dagen')", "English word 'initial'",
                "the level id 'zeer-hoog' in prose (expected 'zeer hoog')",
                "duration '168 uur' (expected '7 dagen')", "duration '30 min' (expected 'minuten')",
                "duration '96 uur' (expected '4 dagen')", "duration '122 uur' (expected '5 dagen en 2 uur')",
                "duration '1.440 uur' (expected '60 dagen')"]
    # A resource kind's id in prose (whatif's "via ss-1 (power)") is English.
    if "English word 'power'" not in problems_in_text("T+0 uur  ss-1  Onderstation  via hs-1 (power, buffer 2 uur)"):
        print("self-test failed: a resource kind's id in Dutch prose was not flagged")
        return False
    missing = [e for e in expected if e not in found]
    if missing or any("'people'" in f for f in found):
        print(f"self-test failed: found {found}, expected {expected} and nothing about `people` in backticks")
        return False
    if problems_in_text("Enkelvoudig faalpunt: Gemaal (gemaal-kilweg) treft 1 vitaal object binnen 3 dagen; 12.345 "
                        "inwoners; KP-SPOF-841eb9; bio.12.6; treft geen vitale objecten; 10 objecten vallen uit "
                        "zonder tijdsgrens; T+2 uur  pomp-1  Pomp 1  beginuitval; 48 uur; binnen 71 uur en 30 minuten; "
                        "t+3 dagen en 30 minuten; binnen 60 dagen; 3 dagen; 72 uur brandstof"):
        print("self-test failed: correct Dutch was flagged")
        return False
    if problems_in_text("  - product siemens spectrum power 7.1"):
        print("self-test failed: a product's name (a proper name) was flagged")
        return False
    return True


def main():
    cli_dir = pathlib.Path(__file__).resolve().parent
    if not self_test():
        return 1
    scanned, problems = scan(cli_dir)
    if scanned == 0:
        print("no Dutch golden outputs found; expected tests/cli/assess/*/expected.out")
        return 1
    for case, where, reason in problems:
        print(f"{case}: {where}: {reason}")
    if problems:
        print(f"{len(problems)} problems in the Dutch golden outputs ({scanned} scanned); expected correct Dutch "
              "(words from the text tables, durations as '48 uur' or '3 dagen', numbers as 1.234,5)")
        return 1
    print(f"{scanned} Dutch golden outputs scanned: no English words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
