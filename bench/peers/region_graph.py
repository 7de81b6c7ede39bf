"""What the NetworkX peers share, as an analyst would factor it: the CSV
tables of a model written by bench/generate_region.py read into a DiGraph
(supplier -> dependent) with its dependency groups, and the event-driven
cascade (heapq) with the k-of-n and buffer rules of docs/model.md."""
import csv
import heapq
import os
import re

import networkx as nx


def hours(text):
    text = (text or "0").strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([smhdw]?)", text)
    if not m:
        raise ValueError(f"unsupported duration {text!r}")
    scale = {"s": 1 / 3600, "m": 1 / 60, "h": 1, "d": 24, "w": 168, "": 1}[m.group(2)]
    return float(m.group(1)) * scale


class Region:
    """graph: a DiGraph supplier -> dependent; virtual and p per asset id;
    groups: (asset, suppliers, need, time_to_impact) per dependency group;
    supplied: supplier -> the indices of its groups (a DiGraph keeps one edge
    per pair, so the groups are kept beside it)."""

    def __init__(self, model):
        self.graph = nx.DiGraph()
        self.virtual = {}
        self.p = {}
        with open(os.path.join(model, "data", "assets.csv"), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                self.virtual[row["id"]] = row["virtual"] == "true"
                self.p[row["id"]] = float(row["p"]) if row["p"] else 0.0
                self.graph.add_node(row["id"])
        self.groups = []
        with open(os.path.join(model, "data", "dependencies.csv"), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                suppliers = row["from"].split("|")
                self.groups.append((row["asset"], suppliers, int(row["need"] or 1), hours(row["time_to_impact"])))
        self.supplied = {}
        for g, (asset, suppliers, _, _) in enumerate(self.groups):
            for s in suppliers:
                self.graph.add_edge(s, asset)
                self.supplied.setdefault(s, []).append(g)

    def cascade(self, initial, horizon):
        """The failure time of every asset that fails within `horizon` when
        the assets of `initial` fail at 0: a group is lost once more than
        len(suppliers) - need of them failed, its asset fails its
        time_to_impact later."""
        heap = [(0.0, a) for a in initial]
        heapq.heapify(heap)
        failed_at = {}
        losses = {}
        while heap:
            t, a = heapq.heappop(heap)
            if a in failed_at:
                continue
            failed_at[a] = t
            for g in self.supplied.get(a, ()):
                asset, suppliers, need, buffer = self.groups[g]
                losses[g] = losses.get(g, 0) + 1
                if losses[g] == len(suppliers) - need + 1 and asset not in failed_at and t + buffer <= horizon:
                    heapq.heappush(heap, (t + buffer, asset))
        return failed_at
