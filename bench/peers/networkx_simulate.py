#!/usr/bin/env python3
"""Monte Carlo over random initial failures as an analyst would write it with
NetworkX: read the CSV tables of a model written by bench/generate_region.py,
build a DiGraph (supplier -> dependent), and in each run fail every
non-virtual asset with its p (Python's random, seeded), then run one
event-driven cascade (heapq) from all of them with the k-of-n and buffer rules
of docs/model.md up to the horizon, counting per asset the runs in which it
failed. The same runs `knelpunt simulate` makes (docs/simulate.md), with
another random stream, so the two agree only within their sampling error.

  bench/peers/networkx_simulate.py MODEL_DIR --runs N [--seed S] [--horizon HOURS|inf] [-o FILE]

Prints (or writes to FILE) one JSON object: in-process seconds (load, runs) and per asset its
failed runs, so bench/simulate_scale.sh can time it and check agreement.
"""
import argparse
import csv
import heapq
import json
import math
import os
import random
import re
import time

import networkx as nx


def hours(text):
    text = (text or "0").strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([smhdw]?)", text)
    if not m:
        raise ValueError(f"unsupported duration {text!r}")
    scale = {"s": 1 / 3600, "m": 1 / 60, "h": 1, "d": 24, "w": 168, "": 1}[m.group(2)]
    return float(m.group(1)) * scale


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--horizon", default="72")
    parser.add_argument("-o", "--output", help="write the JSON here instead of stdout")
    args = parser.parse_args()
    horizon = math.inf if args.horizon == "inf" else float(args.horizon)

    start = time.perf_counter()
    graph = nx.DiGraph()
    virtual = {}
    p = {}
    with open(os.path.join(args.model, "data", "assets.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            virtual[row["id"]] = row["virtual"] == "true"
            p[row["id"]] = float(row["p"]) if row["p"] else 0.0
            graph.add_node(row["id"])
    groups = []  # (asset, suppliers, need, time_to_impact)
    with open(os.path.join(args.model, "data", "dependencies.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            suppliers = row["from"].split("|")
            groups.append((row["asset"], suppliers, int(row["need"] or 1), hours(row["time_to_impact"])))
    supplied = {}  # supplier -> [group index]  (a DiGraph keeps one edge per pair)
    for g, (asset, suppliers, _, _) in enumerate(groups):
        for s in suppliers:
            graph.add_edge(s, asset)
            supplied.setdefault(s, []).append(g)
    load_s = time.perf_counter() - start

    start = time.perf_counter()
    rng = random.Random(args.seed)
    candidates = sorted(a for a in graph.nodes if not virtual[a] and p[a] > 0)
    failed_runs = {a: 0 for a in graph.nodes}
    for _ in range(args.runs):
        heap = [(0.0, a) for a in candidates if rng.random() < p[a]]
        heapq.heapify(heap)
        failed_at = {}
        losses = {}
        while heap:
            t, a = heapq.heappop(heap)
            if a in failed_at:
                continue
            failed_at[a] = t
            for g in supplied.get(a, ()):
                asset, suppliers, need, buffer = groups[g]
                losses[g] = losses.get(g, 0) + 1
                if losses[g] == len(suppliers) - need + 1 and asset not in failed_at and t + buffer <= horizon:
                    heapq.heappush(heap, (t + buffer, asset))
        for a in failed_at:
            failed_runs[a] += 1
    runs_s = time.perf_counter() - start
    result = json.dumps({"load_s": load_s, "runs_s": runs_s, "runs": args.runs, "failed_runs": failed_runs})
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(result + "\n")
    else:
        print(result)


if __name__ == "__main__":
    main()
