#!/usr/bin/env python3
"""N-1 reach as an analyst would write it with NetworkX: read the CSV tables
of a model written by bench/generate_region.py, build a DiGraph (supplier ->
dependent, each edge carrying its group), and for every asset run an
event-driven cascade (heapq) with the k-of-n and buffer rules of docs/model.md.

  bench/peers/networkx_reach.py MODEL_DIR [--limit K] [--horizon HOURS|inf]

--limit K handles the first K non-virtual assets (by id) and extrapolates.
Prints one JSON object: in-process seconds and, per asset handled, its reach,
so bench/run.sh can check the peer agrees with `knelpunt reach`.
"""
import argparse
import csv
import heapq
import json
import math
import os
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
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--horizon", default="72")
    args = parser.parse_args()
    horizon = math.inf if args.horizon == "inf" else float(args.horizon)

    start = time.perf_counter()
    graph = nx.DiGraph()
    virtual = {}
    with open(os.path.join(args.model, "data", "assets.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            virtual[row["id"]] = row["virtual"] == "true"
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
    candidates = sorted(a for a in graph.nodes if not virtual[a])
    handled = candidates if args.limit == 0 else candidates[: args.limit]
    reach = {}
    for x in handled:
        failed_at = {}
        losses = {}
        heap = [(0.0, x)]
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
        reach[x] = sum(1 for a in failed_at if a != x and not virtual[a])
    reach_s = time.perf_counter() - start
    per_asset = reach_s / max(1, len(handled))
    print(json.dumps({"assets": graph.number_of_nodes(), "nonvirtual": len(candidates), "load_s": round(load_s, 4),
                      "peer_assets": len(handled), "peer_s": round(reach_s, 4),
                      "peer_extrapolated_s": round(per_asset * len(candidates), 2), "reach": reach}))


if __name__ == "__main__":
    main()
