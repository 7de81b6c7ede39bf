#!/usr/bin/env python3
"""Generates a large synthetic region as a knelpunt model directory.

Layered like a real grid: 150 kV stations -> substations (mostly fed from two
stations, 1 of 2 needed; SCADA with an 8h buffer) -> distribution stations
(mostly a single substation, no buffer: hard dependencies) -> consumers (power
from a distribution station, telecom from 1 of 2 masts with a battery buffer,
sometimes drinking water). Telecom (cores on substations with 4h batteries,
masts on distribution with 2h), water (treatment, pumping on distribution power
plus process control through telecom), health (hospitals on 1 of [substation,
generator], generators on a fuel depot with 24h) and virtual aggregates
(neighbourhoods that fail when 2 of 3 distribution stations are lost).

--variant meshed builds the distribution stations as medium-voltage rings of
eight (each fed from either ring neighbour; the two ends also from a
substation): same-kind power cycles, where supply must trace back to a source
(docs/model.md, Supply from sources).

--variant chains adds deep single-supplier chains: every distribution feeder is
a series of ring-main units, each fed only by the previous one (depth --depth),
with consumers hanging off every unit.

--areas adds population areas (docs/model.md, Areas) to any variant, without
changing the graph: one area per distribution station, ring-main unit and
neighbourhood aggregate, holding its own population and that of the consumers
fed only by it, which then count through the area; the station supplies it
power, the masts it powers telecom, the pumping stations it powers water. Then
people are counted by areas with several suppliers each, as in a real region,
instead of one population per asset.

Writes DIR/model.yaml and the CSV tables DIR/data/assets.csv and
DIR/data/dependencies.csv (with --areas also data/areas.csv and
data/supplies.csv; docs/model.md). Deterministic for a given --seed.

  bench/generate_region.py --assets 200000 --out /tmp/region-200k
  bench/generate_region.py --assets 1000000 --variant chains --out /tmp/chains-1m
"""
import argparse
import csv
import os
import random


class Region:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.assets = []   # rows of assets.csv
        self.groups = []   # rows of dependencies.csv

    def add(self, asset_id, name, asset_type, process="", population=0, virtual=False, p=""):
        lat = 51.5 + self.rng.random()
        lon = 4.0 + self.rng.random()
        zone = f"dijkring-{self.rng.randrange(1, 60)}"
        self.assets.append([asset_id, name, asset_type, process, "", "true" if virtual else "", p,
                            f"{lat:.5f}", f"{lon:.5f}", zone, population or ""])
        return asset_id

    def depend(self, asset, kind, suppliers, need=1, dep_type="physical", time_to_impact="0"):
        self.groups.append([asset, kind, "|".join(suppliers), need, dep_type, time_to_impact])

    def pick(self, pool, k=1):
        if k == 1:
            return [pool[self.rng.randrange(len(pool))]]
        return self.rng.sample(pool, min(k, len(pool)))


def build(total, variant, depth, seed):
    r = Region(seed)
    rng = r.rng
    n_stations = max(2, total // 2000)
    n_substations = max(2, total // 200)
    n_distribution = max(2, total // 25)
    n_cores = max(2, total // 5000)
    n_masts = max(2, total // 100)
    n_scada = max(1, total // 100000)
    n_water_ctrl = max(1, total // 200000)
    n_treatment = max(1, total // 20000)
    n_pumping = max(2, total // 1000)
    n_hospitals = max(1, total // 20000)
    n_fuel = max(1, total // 100000)
    n_aggregates = max(1, total // 200)

    stations = [r.add(f"hs-{i:06d}", f"Hoogspanningsstation {i}", "power.station-hv", "elektriciteit.landelijk", p="0.001")
                for i in range(n_stations)]
    cores = [r.add(f"kpn-core-{i:05d}", f"Telecom kern {i}", "telecom.core", "telecom.spraak", p="0.002")
             for i in range(n_cores)]
    scada = [r.add(f"scada-{i:04d}", f"Bedrijfsvoeringscentrum {i}", "power.control", "elektriciteit.regionaal", p="0.01")
             for i in range(n_scada)]
    for s in scada:
        r.depend(s, "telecom", r.pick(cores, 2), need=1, dep_type="cyber", time_to_impact="30m")
    substations = []
    for i in range(n_substations):
        s = r.add(f"ss-{i:06d}", f"Onderstation {i}", "power.substation", "elektriciteit.regionaal",
                  population=rng.randrange(0, 2000), p="0.002")
        feeds = r.pick(stations, 2) if rng.random() < 0.8 else r.pick(stations)
        r.depend(s, "power", feeds, need=1)
        r.depend(s, "control", r.pick(scada), dep_type="cyber", time_to_impact="8h")
        substations.append(s)
    for c in cores:
        r.depend(c, "power", r.pick(substations, 2), need=1, time_to_impact="4h")
    distribution = []
    if variant == "meshed":
        ring = 8
        for i in range(n_distribution):
            distribution.append(r.add(f"ms-{i:07d}", f"Middenspanningsruimte {i}", "power.distribution",
                                      "elektriciteit.regionaal", population=rng.randrange(50, 400)))
        for start in range(0, n_distribution, ring):
            members = distribution[start:start + ring]
            for k, d in enumerate(members):
                feeds = [members[j] for j in (k - 1, k + 1) if 0 <= j < len(members)]
                if k == 0 or k == len(members) - 1:
                    feeds = r.pick(substations) + feeds
                r.depend(d, "power", list(dict.fromkeys(feeds)), need=1)
    for i in range(n_distribution if variant != "meshed" else 0):
        d = r.add(f"ms-{i:07d}", f"Middenspanningsruimte {i}", "power.distribution", "elektriciteit.regionaal",
                  population=rng.randrange(50, 400))
        if rng.random() < 0.8:
            r.depend(d, "power", r.pick(substations))  # hard dependency: no buffer, one supplier
        else:
            r.depend(d, "power", r.pick(substations, 2), need=1)
        distribution.append(d)
    if variant == "chains":
        # Feeders in series: each ring-main unit fed only by the previous one.
        units = max(depth, total // 4)
        previous = None
        for i in range(units):
            u = r.add(f"rmu-{i:07d}", f"Ringkabelunit {i}", "power.distribution", "elektriciteit.regionaal",
                      population=rng.randrange(10, 100))
            r.depend(u, "power", [previous] if previous and i % depth else r.pick(substations))
            distribution.append(u)
            previous = u
    masts = []
    for i in range(n_masts):
        m = r.add(f"mast-{i:06d}", f"Antennemast {i}", "telecom.mobile-mast", "telecom.spraak")
        r.depend(m, "power", r.pick(distribution), time_to_impact="2h")
        r.depend(m, "telecom", r.pick(cores, 2), need=1, time_to_impact="0")
        masts.append(m)
    water_ctrl = [r.add(f"wctrl-{i:03d}", f"Procesautomatisering {i}", "water.control", "drinkwater", p="0.01")
                  for i in range(n_water_ctrl)]
    for w in water_ctrl:
        r.depend(w, "telecom", r.pick(cores, 2), need=1, dep_type="cyber", time_to_impact="1h")
    treatment = []
    for i in range(n_treatment):
        t = r.add(f"wtp-{i:04d}", f"Drinkwaterproductie {i}", "water.treatment", "drinkwater")
        r.depend(t, "power", r.pick(substations, 3), need=2)
        r.depend(t, "control", r.pick(water_ctrl), dep_type="cyber", time_to_impact="4h")
        treatment.append(t)
    pumping = []
    for i in range(n_pumping):
        pmp = r.add(f"pomp-{i:05d}", f"Pompstation {i}", "water.pumping", "drinkwater")
        r.depend(pmp, "power", r.pick(distribution), time_to_impact="1h")
        r.depend(pmp, "water", r.pick(treatment, 2), need=1, time_to_impact="12h")
        pumping.append(pmp)
    fuel = [r.add(f"fuel-{i:03d}", f"Brandstofdepot {i}", "fuel.depot") for i in range(n_fuel)]
    for i in range(n_hospitals):
        g = r.add(f"aggr-zh-{i:04d}", f"Noodstroom ziekenhuis {i}", "power.generator")
        r.depend(g, "fuel", r.pick(fuel), time_to_impact="24h")
        h = r.add(f"zh-{i:04d}", f"Ziekenhuis {i}", "health.hospital", "zorg.acuut", population=rng.randrange(50000, 200000))
        r.depend(h, "power", r.pick(substations) + [g], need=1)
        r.depend(h, "telecom", r.pick(cores, 2), need=1, time_to_impact="2h")
        r.depend(h, "water", r.pick(pumping, 2), need=1, time_to_impact="8h")
    aggregates = []
    for i in range(n_aggregates):
        a = r.add(f"wijk-{i:05d}", f"Wijk {i}", "logical.aggregate", "elektriciteit.regionaal",
                  population=rng.randrange(1000, 5000), virtual=True)
        r.depend(a, "power", r.pick(distribution, 3), need=2, dep_type="logical")
        aggregates.append(a)
    consumer_types = [("health.gp-post", "zorg.acuut"), ("health.pharmacy", "zorg.acuut"),
                      ("emergency.fire-station", "noodcommunicatie"), ("emergency.police", "politie.inzet"),
                      ("flood.pumping", "waterkering"), ("transport.bridge.movable", "vervoer.hoofdweg"),
                      ("government.office", "overheid.digitaal"), ("telecom.datacenter", "internet.toegang")]
    i = 0
    while len(r.assets) < total:
        asset_type, process = consumer_types[i % len(consumer_types)]
        c = r.add(f"obj-{i:07d}", f"Object {i}", asset_type, process, population=rng.randrange(0, 300))
        roll = rng.random()
        if roll < 0.15:  # fed only by one distribution station: a follower
            r.depend(c, "power", r.pick(distribution))
        elif roll < 0.25:  # fed through a neighbourhood aggregate
            r.depend(c, "power", r.pick(aggregates), dep_type="logical")
            r.depend(c, "telecom", r.pick(masts, 2), need=1, time_to_impact="4h")
        else:
            r.depend(c, "power", r.pick(distribution), time_to_impact=rng.choice(["0", "0", "30m", "2h"]))
            r.depend(c, "telecom", r.pick(masts, 2), need=1, time_to_impact="4h")
            if rng.random() < 0.3:
                r.depend(c, "water", r.pick(pumping), time_to_impact="24h")
        i += 1
    return r


def add_areas(region):
    """Moves populations into areas (see --areas); returns (areas, supplies) rows."""
    columns = {"id": 0, "type": 2, "virtual": 5, "population": 10}
    by_id = {row[0]: row for row in region.assets}
    feeders = [row[0] for row in region.assets
               if row[columns["type"]] in ("power.distribution", "logical.aggregate")]
    population = {f: int(by_id[f][columns["population"]] or 0) for f in feeders}
    for f in feeders:
        by_id[f][columns["population"]] = ""
    served_by = {f: {"power": [f]} for f in feeders}
    for asset, kind, suppliers, *_ in region.groups:
        if kind != "power" or "|" in suppliers or suppliers not in served_by:
            continue
        row = by_id[asset]
        if row[0].startswith("obj-"):
            population[suppliers] += int(row[columns["population"]] or 0)
            row[columns["population"]] = ""
        elif row[0].startswith("mast-"):
            served_by[suppliers].setdefault("telecom", []).append(asset)
        elif row[0].startswith("pomp-"):
            served_by[suppliers].setdefault("water", []).append(asset)
    areas = [[f"wk-{f}", f"Gebied {f}", population[f]] for f in feeders]
    supplies = {}
    for f in feeders:
        for service, assets in served_by[f].items():
            for asset in assets:
                supplies.setdefault((asset, service), []).append(f"wk-{f}")
    return areas, [[asset, service, "|".join(names)] for (asset, service), names in sorted(supplies.items())]


def write(region, out, name, areas=None):
    os.makedirs(os.path.join(out, "data"), exist_ok=True)
    with open(os.path.join(out, "model.yaml"), "w", encoding="utf-8") as f:
        f.write(f"# Synthetic region generated by bench/generate_region.py\n"
                f"knelpunt: 1\nregion:\n  name: {name}\n  authority: Synthetische veiligheidsregio\n"
                f"  horizon: 72h\n"
                # What the synthetic grid does not model asset by asset: said
                # once, so that validate does not warn for every asset.
                f"  not_modelled: [control, cooling, data, dispatch, fuel, heating, medical-supplies, power,\n"
                f"                 process-chemicals, raw-water, road-access, staff, telecom]\ntables:\n  assets: data/assets.csv\n  dependencies: data/dependencies.csv\n")
        if areas:
            f.write("  areas: data/areas.csv\n  supplies: data/supplies.csv\n")
    if areas:
        area_rows, supply_rows = areas
        with open(os.path.join(out, "data", "areas.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "name", "population"])
            w.writerows(area_rows)
        with open(os.path.join(out, "data", "supplies.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["asset", "service", "areas"])
            w.writerows(supply_rows)
    with open(os.path.join(out, "data", "assets.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "type", "process", "operator", "virtual", "p", "lat", "lon", "zones", "population"])
        w.writerows(region.assets)
    with open(os.path.join(out, "data", "dependencies.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["asset", "kind", "from", "need", "type", "time_to_impact"])
        w.writerows(region.groups)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--assets", type=int, default=200000, help="number of assets (at least 100)")
    parser.add_argument("--variant", choices=["layered", "chains", "meshed"], default="layered")
    parser.add_argument("--depth", type=int, default=500, help="chain depth for --variant chains")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--areas", action="store_true", help="count people through population areas (see above)")
    parser.add_argument("--out", required=True, help="model directory to write")
    args = parser.parse_args()
    if args.assets < 100:
        parser.error("--assets must be at least 100")
    region = build(args.assets, args.variant, args.depth, args.seed)
    areas = add_areas(region) if args.areas else None
    write(region, args.out, f"Synthetische regio ({args.variant}, {len(region.assets)} objecten)", areas)
    print(f"{args.out}: {len(region.assets)} assets, {len(region.groups)} dependency groups")


if __name__ == "__main__":
    main()
