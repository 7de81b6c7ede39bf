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
import json
import math
import time

from region_graph import Region


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--horizon", default="72")
    args = parser.parse_args()
    horizon = math.inf if args.horizon == "inf" else float(args.horizon)

    start = time.perf_counter()
    region = Region(args.model)
    graph, virtual = region.graph, region.virtual
    load_s = time.perf_counter() - start

    start = time.perf_counter()
    candidates = sorted(a for a in graph.nodes if not virtual[a])
    handled = candidates if args.limit == 0 else candidates[: args.limit]
    reach = {}
    for x in handled:
        failed_at = region.cascade([x], horizon)
        reach[x] = sum(1 for a in failed_at if a != x and not virtual[a])
    reach_s = time.perf_counter() - start
    per_asset = reach_s / max(1, len(handled))
    print(json.dumps({"assets": graph.number_of_nodes(), "nonvirtual": len(candidates), "load_s": round(load_s, 4),
                      "peer_assets": len(handled), "peer_s": round(reach_s, 4),
                      "peer_extrapolated_s": round(per_asset * len(candidates), 2), "reach": reach}))


if __name__ == "__main__":
    main()
