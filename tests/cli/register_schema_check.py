#!/usr/bin/env python3
"""Registers that `knelpunt assess --format json` writes hold to docs/register.schema.json.

Usage: python3 register_schema_check.py PATH_TO_KNELPUNT

The unit test in tests/register holds the schema's required keys to the
writer's on a hand-built register; this check validates whole registers of
real runs: the Dordrecht example, and the small test town with --date and
--lang en. It reads the fixed feed cache tests/data/feed-cache.

Validation is by a small validator of the keywords the schema uses (type,
required, properties, additionalProperties, items, $ref, enum, const,
minimum, maximum, minItems, maxItems, minLength, pattern, oneOf), so the
check needs nothing beyond Python; when the jsonschema package is installed
(Debian: python3-jsonschema) the registers are validated with it as well.
"""

import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "register.schema.json").read_text(encoding="utf-8"))
CACHE = ROOT / "tests" / "data" / "feed-cache"

TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
KNOWN = {"$schema", "$defs", "$ref", "title", "description", "examples", "type", "required", "properties",
         "additionalProperties", "items", "enum", "const", "minimum", "maximum", "minItems", "maxItems",
         "minLength", "pattern", "oneOf"}


def resolve(node):
    while "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/$defs/"), ref
        node = SCHEMA["$defs"][ref[len("#/$defs/"):]]
    return node


def validate(value, node, path, errors):
    node = resolve(node)
    unknown = set(node) - KNOWN
    if unknown:
        errors.append(f"{path}: the schema uses {sorted(unknown)}, which this check does not know; extend it")
    if "oneOf" in node:
        matches = sum(1 for option in node["oneOf"] if not validate(value, option, path, []))
        if matches != 1:
            errors.append(f"{path}: matches {matches} of the oneOf alternatives; expected exactly 1")
    if "type" in node:
        types = node["type"] if isinstance(node["type"], list) else [node["type"]]
        if not any(TYPES[t](value) for t in types):
            errors.append(f"{path}: {json.dumps(value)[:60]} is not of type {types}")
            return errors
    if "const" in node and value != node["const"]:
        errors.append(f"{path}: {value!r} is not {node['const']!r}")
    if "enum" in node and value not in node["enum"]:
        errors.append(f"{path}: {value!r} is not one of {node['enum']}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in node and value < node["minimum"]:
            errors.append(f"{path}: {value} is below {node['minimum']}")
        if "maximum" in node and value > node["maximum"]:
            errors.append(f"{path}: {value} is above {node['maximum']}")
    if isinstance(value, str):
        if len(value) < node.get("minLength", 0):
            errors.append(f"{path}: {value!r} is shorter than {node['minLength']}")
        if "pattern" in node and not re.search(node["pattern"], value):
            errors.append(f"{path}: {value!r} does not match {node['pattern']}")
    if isinstance(value, dict):
        for key in node.get("required", []):
            if key not in value:
                errors.append(f"{path}: lacks required key {key!r}")
        properties = node.get("properties", {})
        for key, item in value.items():
            if key in properties:
                validate(item, properties[key], f"{path}/{key}", errors)
            elif node.get("additionalProperties") is False:
                errors.append(f"{path}: key {key!r} is not in the schema")
            elif isinstance(node.get("additionalProperties"), dict):
                validate(item, node["additionalProperties"], f"{path}/{key}", errors)
    if isinstance(value, list):
        if len(value) < node.get("minItems", 0):
            errors.append(f"{path}: fewer than {node['minItems']} items")
        if "maxItems" in node and len(value) > node["maxItems"]:
            errors.append(f"{path}: more than {node['maxItems']} items")
        if "items" in node:
            for i, item in enumerate(value):
                validate(item, node["items"], f"{path}/{i}", errors)
    return errors


def assess(binary, args):
    out = subprocess.run([binary, "assess", *args, "--cache", str(CACHE), "--format", "json", "-q"],
                         capture_output=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"assess {' '.join(args)} exited {out.returncode}: {out.stderr.decode()}")
    return json.loads(out.stdout)


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    binary = sys.argv[1]
    failures = []
    registers = {
        "dordrecht": assess(binary, [str(ROOT / "examples" / "dordrecht")]),
        "small-town dated, en": assess(binary, [str(ROOT / "tests" / "data" / "models" / "small-town"),
                                                "--date", "2026-12-01", "--lang", "en"]),
    }
    for name, register in registers.items():
        errors = validate(register, SCHEMA, "", [])
        failures += [f"{name}: {e}" for e in errors[:20]]
        if not register["risks"]:
            failures.append(f"{name}: no risks; the check would not test the risk schema")
    # The metadata of decision 014, beyond what the schema can say.
    dordrecht = registers["dordrecht"]
    if "date" in dordrecht:
        failures.append("dordrecht: a date without --date")
    if [c["id"] for c in dordrecht["catalogs"]] != ["vital-processes", "asset-types", "resource-kinds", "threats",
                                                    "controls", "scoring"]:
        failures.append(f"dordrecht: catalogs {dordrecht['catalogs']}; expected the six in catalog-list order")
    scoring = next(c for c in dordrecht["catalogs"] if c["id"] == "scoring")
    if not scoring["defaults"]:
        failures.append("dordrecht: the shipped scoring catalogue is not marked as knelpunt defaults")
    version = subprocess.run([binary, "--version"], capture_output=True, check=True).stdout.decode().split()[-1]
    if dordrecht["tool"]["version"] != version:
        failures.append(f"dordrecht: tool version {dordrecht['tool']['version']}; --version says {version}")
    if registers["small-town dated, en"].get("date") != "2026-12-01":
        failures.append("small-town: --date 2026-12-01 is not the register's date")
    try:
        import jsonschema  # optional: Debian's python3-jsonschema
    except ImportError:
        jsonschema = None
    if jsonschema:
        for name, register in registers.items():
            try:
                jsonschema.validate(register, SCHEMA)
            except jsonschema.ValidationError as error:
                failures.append(f"{name}: jsonschema: {error.message} at {list(error.absolute_path)}")
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"{len(registers)} registers checked against docs/register.schema.json"
          f"{' (also with jsonschema)' if jsonschema else ''}: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
