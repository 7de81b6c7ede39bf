#!/usr/bin/env python3
"""The loader's peer (docs/performance.md, "Loading at national scale"):
Python's csv module merely reading every CSV table of a model directory,
row by row, keeping nothing (the issue's peer: the least any script that
reads the inventory must do). Prints the rows read per file.

    python3 bench/peers/python_csv_read.py MODEL_DIR
"""
import csv
import pathlib
import sys


def main() -> None:
    root = pathlib.Path(sys.argv[1])
    for path in sorted(root.rglob("*.csv")):
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = sum(1 for _ in csv.reader(handle))
        print(f"{path.relative_to(root)}: {rows} rows")


if __name__ == "__main__":
    main()
