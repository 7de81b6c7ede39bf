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
import json
import math
import random
import time

from region_graph import Region


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
    region = Region(args.model)
    graph, virtual, p = region.graph, region.virtual, region.p
    load_s = time.perf_counter() - start

    start = time.perf_counter()
    rng = random.Random(args.seed)
    candidates = sorted(a for a in graph.nodes if not virtual[a] and p[a] > 0)
    failed_runs = {a: 0 for a in graph.nodes}
    for _ in range(args.runs):
        for a in region.cascade([a for a in candidates if rng.random() < p[a]], horizon):
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
