#!/usr/bin/env python3
"""`knelpunt simulate` (docs/simulate.md), end to end:

- the same bytes for --threads 1 and 3 (blocks of runs handed out differently);
- `--shard I/N` run as N concurrent processes, then `knelpunt merge`, gives
  the bytes of one unsharded run (JSON and text, N = 1, 2, 3, 7, with and
  without people-hours);
- every asset's fraction agrees with the exact `cutsets --probability
  --target` within a 99.9 % Wilson interval (recomputed here) for two
  seeds and two horizons, and the reported ci95 is Wilson's 95 % interval;
  the model's scenario with a frequency is replaced, for cutsets, by an
  equivalent asset that fails with 1 - e^(-f) and groups with its initial
  failures' times, and the scenario occurs in runs as often as 1 - e^(-f);
- a sampler with a deliberate bias (every p and frequency raised by 20 %)
  disagrees with the exact values for most assets, so the agreement check
  has power;
- `assess` with `likelihood: {source: simulate}` quotes simulate's failed
  runs (and for critical pairs `simulate --joint`'s) for the same runs, seed
  and horizon, and the class of that fraction;
  for a critical pair it quotes the runs in which both assets failed, which
  agree with the exact probability that both fail (cutsets on an asset that
  needs one of the two) within a 99.9 % Wilson interval for several seeds,
  while the product of their p, which the register gives without a
  simulation, lies outside it;
- `assess` with `likelihood: {source: simulate}` quotes, for geographic's
  zones and co-located groups, `simulate --joint`'s count for the assets
  lost together when a flood scenario has a frequency, and says why it keeps
  the threat's class when none has (decision 040);
- the progress bar appears on a terminal only, never with -q or on a pipe;
- shards that do not fit together, or were altered, are refused (exit 2).

usage: simulate_check.py KNELPUNT
"""
import json
import math
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

from terminal_capture import run_on_terminal

HERE = pathlib.Path(__file__).resolve().parent
MODEL = HERE.parent / "data" / "models" / "simulate-region"
Z999 = 3.290526731491926
Z95 = 1.959963984540054
# --joint sets of the test region for the shard checks: a pair and a triple.
JOINT = ["--joint", "onderstation+aggregaat", "--joint", "hs-a+hs-b+mast"]


def run(args, expect_rc=0):
    proc = subprocess.run(args, capture_output=True, timeout=300)
    if proc.returncode != expect_rc:
        sys.exit(f"FAIL: {' '.join(map(str, args))} exited {proc.returncode}, expected {expect_rc}: "
                 f"{proc.stderr.decode()}")
    return proc


def wilson(k, n, z):
    phat = k / n
    centre = phat + z * z / (2 * n)
    spread = z * math.sqrt(phat * (1 - phat) / n + z * z / (4 * n * n))
    denominator = 1 + z * z / n
    return (centre - spread) / denominator, (centre + spread) / denominator


def check_threads(knelpunt):
    for fmt in ("json", "text"):
        outputs = {run([knelpunt, "simulate", MODEL, "--runs", "3000", "--seed", "9", "--threads", t,
                        "--format", fmt]).stdout for t in ("1", "3")}
        if len(outputs) != 1:
            sys.exit(f"FAIL: --threads 1 and 3 give different {fmt} output")
    print("thread counts 1 and 3 give the same bytes")


def check_shards(knelpunt, tmp):
    checked = 0
    # An infinite horizon (no people-hours) and a finite one with repairs
    # (people-hours) and --joint sets (a pair and a triple).
    for horizon, splits in (("inf", (2, 7)), ("24h", (1, 3))):
        base = [knelpunt, "simulate", MODEL, "--runs", "2500", "--seed", "12345678901234567890", "--horizon", horizon]
        if horizon != "inf":
            base += JOINT
        single = {fmt: run(base + ["--format", fmt, "--threads", "1"]).stdout for fmt in ("json", "text")}
        for n in splits:
            parts = [os.path.join(tmp, f"sim-{horizon}-{n}-{i}.json") for i in range(n)]
            processes = [subprocess.Popen(base + ["--shard", f"{i}/{n}", "-o", parts[i], "--threads", str(1 + i % 2)],
                                          stderr=subprocess.PIPE) for i in range(n)]
            for i, process in enumerate(processes):
                _, err = process.communicate(timeout=300)
                if process.returncode != 0:
                    sys.exit(f"FAIL: shard {i}/{n} exited {process.returncode}: {err.decode()}")
            for fmt in ("json", "text"):
                merged = run([knelpunt, "merge", *reversed(parts), "--format", fmt]).stdout
                if merged != single[fmt]:
                    sys.exit(f"FAIL: merge of {n} simulate shards ({fmt}, horizon {horizon}) differs from one run")
                checked += 1
        english = run([knelpunt, "merge", *parts, "--lang", "en", "--top", "3"]).stdout
        if english != run(base + ["--lang", "en", "--top", "3"]).stdout:
            sys.exit("FAIL: merge --lang en --top 3 differs from one run")
    print(f"{checked} shard/merge combinations equal one run")
    return parts


def exact_probabilities(knelpunt, model, horizon, assets):
    exact = {}
    for asset in assets:
        out = run([knelpunt, "cutsets", model, "--target", asset, "--probability", "--max-order", "0",
                   "--horizon", horizon, "--format", "json"]).stdout
        probability = json.loads(out)["probability"]
        if probability["method"] != "exact":
            sys.exit(f"FAIL: cutsets gave no exact probability for {asset}")
        exact[asset] = probability["value"]
    return exact


def hours(text):
    return float(text[:-1]) if text.endswith("h") else float(text)


def scenario_free_copy(tmp):
    """The model with each scenario of a frequency f replaced by what cutsets
    can compute exactly: an asset that fails initially with 1 - e^(-f), and
    for each of the scenario's initial failures (asset, at) a group of the
    asset on it alone with time_to_impact `at` (the asset then fails at `at`
    when the scenario occurs, as in a simulate run). Returns its directory
    and the scenarios with their probability per run."""
    model = yaml.safe_load((MODEL / "model.yaml").read_text(encoding="utf-8"))
    by_id = {asset["id"]: asset for asset in model["assets"]}
    chances = {}
    for scenario in model.pop("scenarios", []):
        if "frequency" not in scenario:
            continue
        event = f"scenario-{scenario['id']}"
        chances[scenario["id"]] = -math.expm1(-scenario["frequency"])
        model["assets"].append({"id": event, "p": chances[scenario["id"]]})
        for failure in scenario["initial"]:
            asset, _, at = (failure if isinstance(failure, str) else f"{failure['asset']}@{failure['at']}").partition("@")
            by_id[asset].setdefault("depends_on", []).append(
                {"kind": "control", "from": [event], "time_to_impact": f"{hours(at or '0h')}h"})
    if not chances:
        sys.exit("FAIL: the test model has no scenario with a frequency")
    directory = pathlib.Path(tmp) / "scenario-free"
    directory.mkdir()
    (directory / "model.yaml").write_text(yaml.safe_dump(model, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return directory, chances


def check_agreement(knelpunt, tmp):
    runs = 4000
    checks = 0
    biased_model = pathlib.Path(tmp) / "biased"
    biased_model.mkdir()
    text = (MODEL / "model.yaml").read_text(encoding="utf-8")
    # Every p and scenario frequency raised by 20 %: what a sampler that fails
    # assets or lets scenarios occur too often would estimate.
    biased_text = re.sub(r"\b(p|frequency): ([0-9.]+)", lambda m: f"{m.group(1)}: {float(m.group(2)) * 1.2:.6g}", text)
    if biased_text == text:
        sys.exit("FAIL: the biased copy of the model changed nothing")
    (biased_model / "model.yaml").write_text(biased_text, encoding="utf-8")
    # The exact values come from an equivalent model without scenarios (cutsets knows none).
    exact_model, chances = scenario_free_copy(tmp)
    caught = total = 0
    for horizon in ("6h", "inf"):
        exact = None
        for seed in ("1", "2"):
            result = json.loads(run([knelpunt, "simulate", MODEL, "--runs", str(runs), "--seed", seed,
                                     "--horizon", horizon, "--format", "json"]).stdout)
            if exact is None:
                exact = exact_probabilities(knelpunt, exact_model, horizon, [a["asset"] for a in result["assets"]])
            if [s["scenario"] for s in result["scenarios"]] != sorted(chances):
                sys.exit(f"FAIL: simulate sampled the scenarios {result['scenarios']}, expected {sorted(chances)}")
            for row in result["scenarios"]:
                k, q = row["occurred_runs"], chances[row["scenario"]]
                lo, hi = wilson(k, runs, Z999)
                if not (lo <= q <= hi and math.isclose(row["probability_per_run"], q, rel_tol=1e-12)):
                    sys.exit(f"FAIL: scenario {row['scenario']} occurred in {k}/{runs} runs, 99.9 % interval "
                             f"[{lo:.5f}, {hi:.5f}], expected 1 - e^(-f) = {q:.5f}")
                checks += 1
            if result["runs"] != runs or str(result["seed"]) != seed:
                sys.exit(f"FAIL: runs/seed not echoed: {result['runs']}, {result['seed']}")
            for row in result["assets"]:
                k = row["failed_runs"]
                lo, hi = wilson(k, runs, Z999)
                p = exact[row["asset"]]
                if not lo <= p <= hi:
                    sys.exit(f"FAIL: {row['asset']} (horizon {horizon}, seed {seed}): {k}/{runs} runs, 99.9 % "
                             f"interval [{lo:.5f}, {hi:.5f}] misses the exact {p:.5f}")
                lo95, hi95 = wilson(k, runs, Z95)
                if not (math.isclose(row["ci95"][0], max(lo95, 0.0), abs_tol=1e-12)
                        and math.isclose(row["ci95"][1], min(hi95, 1.0), abs_tol=1e-12)):
                    sys.exit(f"FAIL: {row['asset']}: ci95 {row['ci95']} is not Wilson's [{lo95}, {hi95}]")
                checks += 1
        biased = json.loads(run([knelpunt, "simulate", biased_model, "--runs", str(runs), "--seed", "1",
                                 "--horizon", horizon, "--format", "json"]).stdout)
        for row in biased["assets"]:
            lo, hi = wilson(row["failed_runs"], runs, Z999)
            total += 1
            if not lo <= exact[row["asset"]] <= hi:
                caught += 1
    if caught * 2 <= total:
        sys.exit(f"FAIL: a sampler biased by 20 % disagreed on only {caught} of {total} assets")
    print(f"{checks} fractions agree with cutsets --probability; the biased sampler disagreed on {caught} of {total}")


def check_register_likelihood(knelpunt, tmp):
    """assess with `likelihood: {source: simulate}` quotes, for every asset
    whose likelihood it takes from the simulation, exactly the failed runs
    `simulate` gives with the same runs, seed and horizon (one number per
    thing), and derives the class from that fraction: on the test region and
    on Dordrecht with the shipped profile's assessors."""
    default_profile = (HERE.parent.parent / "profiles" / "default.yaml").read_text(encoding="utf-8")
    dordrecht = HERE.parent.parent / "examples" / "dordrecht"
    limits = [0.0005, 0.005, 0.05, 0.5]  # catalogs/scoring.yaml, likelihood classes A-D, over 5 years
    for name, model, horizon, profile_text in (
            ("test region", MODEL, "24h", "profile: 1\nassessors:\n  single-point: {max_order: 1}\n"
                                          "  cascade-reach: {top: 20}\n"),
            ("Dordrecht", dordrecht, "72h", default_profile)):
        profile = pathlib.Path(tmp) / "simulated-likelihood.yaml"
        profile.write_text(profile_text + "likelihood: {source: simulate, runs: 6000, seed: 5}\n", encoding="utf-8")
        register = json.loads(run([knelpunt, "assess", model, "-p", profile, "--lang", "en", "--format", "json",
                                   "-q", "--cache", os.path.join(tmp, "no-cache")]).stdout)
        simulated = json.loads(run([knelpunt, "simulate", model, "--runs", "6000", "--seed", "5", "--horizon", horizon,
                                    "--format", "json"]).stdout)
        failed = {row["asset"]: row["failed_runs"] for row in simulated["assets"]}
        quoted = 0
        # Critical pairs quote how often both failed: simulate --joint for the same runs.
        pairs = {}
        for risk in register["risks"]:
            # English numbers group thousands with commas (6,000).
            for first, second, k, n in re.findall(rf"^(\S+) and (\S+) fail together within {horizon} in ([\d,]+) of ([\d,]+) runs",
                                                  risk["likelihood"]["rationale"]):
                pairs[(first, second)] = (int(k.replace(",", "")), int(n.replace(",", "")))
        if pairs:
            joint_args = [arg for pair in sorted(pairs) for arg in ("--joint", "+".join(pair))]
            joint = json.loads(run([knelpunt, "simulate", model, "--runs", "6000", "--seed", "5", "--horizon", horizon,
                                    "--format", "json", *joint_args]).stdout)["joint"]
            for row in joint:
                k, n = pairs[tuple(row["assets"])]
                if n != 6000 or k != row["failed_runs"]:
                    sys.exit(f"FAIL: {name}: the register quotes {row['assets']} failing together in {k} of {n} runs, "
                             f"simulate --joint gives {row['failed_runs']} of 6000")
                quoted += 1
        for risk in register["risks"]:
            rationale = risk["likelihood"]["rationale"]
            for asset, k, n in re.findall(rf"(\S+) fails within {horizon} in ([\d,]+) of ([\d,]+) runs", rationale):
                k, n = k.replace(",", ""), n.replace(",", "")
                if int(n) != 6000 or int(k) != failed[asset]:
                    sys.exit(f"FAIL: {name}: the register quotes {asset} failing in {k} of {n} runs, simulate "
                             f"gives {failed[asset]} of 6000")
                period = 1 - (1 - int(k) / 6000) ** 5
                expected = "ABCDE"[sum(period >= limit for limit in limits)]
                if f"class {expected}" not in rationale:
                    sys.exit(f"FAIL: {name}: {asset}: {period:.4f} in 5 years is class {expected}, the register "
                             f"says {rationale}")
                quoted += 1
        if quoted == 0:
            sys.exit(f"FAIL: {name}: no likelihood in the register came from the simulation")
        print(f"{name}: {quoted} register likelihoods quote simulate's failed runs and their class")


def check_register_joint_likelihood(knelpunt, tmp):
    """A critical pair's likelihood from simulation is the number of runs in
    which both assets failed within the horizon: it agrees with the exact
    probability of that (cutsets --probability on the scenario-free copy of
    the model with an asset that is lost only when both are, a group over
    the pair with need 1) for several seeds, and the class follows from it."""
    runs, horizon = 4000, "24h"
    limits = [0.0005, 0.005, 0.05, 0.5]  # catalogs/scoring.yaml, likelihood classes A-D, over 5 years
    directory = pathlib.Path(tmp) / "joint"
    directory.mkdir()
    exact_cache = {}
    checked = 0
    product_outside = 0
    for seed in ("1", "2", "3"):
        profile = directory / f"profile-{seed}.yaml"
        profile.write_text("profile: 1\nassessors:\n  single-point: {max_order: 2}\n"
                           f"likelihood: {{source: simulate, runs: {runs}, seed: {seed}}}\n", encoding="utf-8")
        register = json.loads(run([knelpunt, "assess", MODEL, "-p", profile, "--lang", "en", "--format", "json",
                                   "-q", "--cache", os.path.join(tmp, "no-cache")]).stdout)
        for risk in register["risks"]:
            rationale = risk["likelihood"]["rationale"]
            for first, second, k, n in re.findall(
                    rf"^(\S+) and (\S+) fail together within {horizon} in ([\d,]+) of ([\d,]+) runs", rationale):
                k, n = k.replace(",", ""), n.replace(",", "")  # English groups thousands: 4,000
                if int(n) != runs:
                    sys.exit(f"FAIL: the register quotes {n} runs for {first} and {second}, expected {runs}")
                pair = (first, second)
                if pair not in exact_cache:
                    exact_cache[pair] = joint_probability(knelpunt, tmp, pair, horizon)
                exact, product = exact_cache[pair]
                lo, hi = wilson(int(k), runs, Z999)
                if not lo <= exact <= hi:
                    sys.exit(f"FAIL: {first} and {second} (seed {seed}): both failed in {k}/{runs} runs, 99.9 % "
                             f"interval [{lo:.5f}, {hi:.5f}] misses the exact {exact:.5f}")
                if not lo <= product <= hi:
                    product_outside += 1
                period = 1 - (1 - int(k) / runs) ** 5
                expected = "ABCDE"[sum(period >= limit for limit in limits)]
                if f"class {expected}" not in rationale:
                    sys.exit(f"FAIL: {first} and {second}: {period:.4f} in 5 years is class {expected}, the "
                             f"register says {rationale}")
                checked += 1
    if checked < 3:
        sys.exit(f"FAIL: only {checked} pair likelihoods in the registers came from the simulation")
    if product_outside < checked:
        sys.exit(f"FAIL: the product of p lay inside the interval of {checked - product_outside} of {checked} "
                 "joint counts: the check cannot tell a joint count from the product")
    print(f"{checked} pair likelihoods quote joint failures that agree with cutsets --probability")


def check_register_zone_likelihood(knelpunt, tmp):
    """geographic with `likelihood: {source: simulate}` (decision 040) on
    Dordrecht: without a flood scenario with a frequency, its entries keep
    the threat's class and say why; with one (the dike breach at 0.5 a year),
    a zone quotes the runs in which all its non-virtual assets failed and a
    co-located group those in which its cluster did: exactly `simulate
    --joint` on the same sets, runs, seed and horizon."""
    dordrecht = HERE.parent.parent / "examples" / "dordrecht"
    profile = pathlib.Path(tmp) / "zone-likelihood.yaml"
    profile.write_text((HERE.parent.parent / "profiles" / "default.yaml").read_text(encoding="utf-8")
                       + "likelihood: {source: simulate, runs: 6000, seed: 5}\n", encoding="utf-8")

    def geographic_rationales(model):
        register = json.loads(run([knelpunt, "assess", model, "-p", profile, "--lang", "en", "--format", "json",
                                   "-q", "--cache", os.path.join(tmp, "no-cache")]).stdout)
        return [(risk, risk["likelihood"]["rationale"]) for risk in register["risks"]
                if risk["id"].startswith(("KP-GEO-", "KP-ZONE-"))]

    unmodelled = geographic_rationales(dordrecht)
    if not unmodelled or any("the simulation has no scenario of threat flood with a frequency" not in rationale
                             for _, rationale in unmodelled):
        sys.exit("FAIL: Dordrecht has no flood scenario with a frequency, yet a geographic entry does not say so")

    flooded = pathlib.Path(tmp) / "dordrecht-flood"
    shutil.copytree(dordrecht, flooded)
    scenarios = (flooded / "scenarios.yaml").read_text(encoding="utf-8")
    breach = "      - {asset: hs-alblasserdam, at: 6h}\n    likelihood: A\n"
    if breach not in scenarios:
        sys.exit("FAIL: examples/dordrecht/scenarios.yaml no longer has the dike breach this check changes")
    (flooded / "scenarios.yaml").write_text(
        scenarios.replace(breach, "      - {asset: hs-alblasserdam, at: 6h}\n    frequency: 0.5\n"), encoding="utf-8")
    graph = json.loads(run([knelpunt, "graph", flooded, "--all", "--format", "json"]).stdout)
    members = {}
    for asset in graph["assets"]:
        for zone in asset["zones"]:
            if not asset["virtual"]:
                members.setdefault(zone, []).append(asset["id"])
    quoted = {}  # sorted asset set -> (runs quoted, by which entry)
    for risk, rationale in geographic_rationales(flooded):
        # English groups thousands with commas (6,000).
        rationale = re.sub(r"(?<=\d),(?=\d{3})", "", rationale)
        zone = re.match(r"all (\d+) assets of zone (\S+) fail together within 72h in (\d+) of (\d+) runs", rationale)
        cluster = re.match(r"(.+?) fail together within 72h in (\d+) of (\d+) runs", rationale)
        if zone:
            count, name, k, n = int(zone[1]), zone[2], int(zone[3]), int(zone[4])
            if count != len(members[name]):
                sys.exit(f"FAIL: {risk['id']} counts {count} assets in zone {name}, the model has {len(members[name])}")
            assets = tuple(sorted(members[name]))
        elif cluster:
            assets, k, n = tuple(sorted(re.split(r", | and ", cluster[1]))), int(cluster[2]), int(cluster[3])
        elif " fails within 72h in " in rationale:
            continue  # a zone of one asset: check_register_likelihood checks these counts
        else:
            sys.exit(f"FAIL: {risk['id']}: its likelihood does not come from the simulation: {rationale}")
        if n != 6000:
            sys.exit(f"FAIL: {risk['id']} quotes {n} runs, expected 6000")
        quoted.setdefault(assets, set()).add((k, risk["id"]))
    zones = sum(1 for assets in quoted if any(m for m in members.values() if tuple(sorted(m)) == assets))
    if zones == 0 or len(quoted) == zones:
        sys.exit(f"FAIL: expected zone and co-located entries quoting the simulation, got {len(quoted)} sets, "
                 f"{zones} of them zones")
    joint_args = [arg for assets in sorted(quoted) for arg in ("--joint", "+".join(assets))]
    joint = json.loads(run([knelpunt, "simulate", flooded, "--runs", "6000", "--seed", "5", "--horizon", "72h",
                            "--format", "json", *joint_args]).stdout)["joint"]
    failing = 0
    for row in joint:
        assets = tuple(sorted(row["assets"]))
        for k, risk_id in quoted[assets]:
            if k != row["failed_runs"]:
                sys.exit(f"FAIL: {risk_id} quotes {len(assets)} assets failing together in {k} of 6000 runs, "
                         f"simulate --joint gives {row['failed_runs']}")
        failing += row["failed_runs"] > 0
    if failing == 0 or failing == len(joint):
        sys.exit(f"FAIL: {failing} of {len(joint)} sets failed together in some run: the check cannot tell a "
                 "count from a constant")
    print(f"{len(joint)} zone and co-located sets quote simulate --joint ({zones} zones, {failing} failing in "
          "some run); without a flood frequency the entries say why they keep the threat's class")


def joint_probability(knelpunt, tmp, pair, horizon):
    """The exact probability that both assets of `pair` fail within
    `horizon` (cutsets on a copy of the scenario-free model with an asset
    that needs one of the two), and the product of their p."""
    directory = pathlib.Path(tmp) / ("joint-" + "-".join(pair))
    directory.mkdir()
    source, _ = scenario_free_copy(directory)
    model = yaml.safe_load((source / "model.yaml").read_text(encoding="utf-8"))
    p = {asset["id"]: asset.get("p", 0.0) for asset in model["assets"]}
    model["assets"].append({"id": "both-fail", "virtual": True,
                            "depends_on": [{"kind": "control", "from": list(pair), "need": 1}]})
    (source / "model.yaml").write_text(yaml.safe_dump(model, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return exact_probabilities(knelpunt, source, horizon, ["both-fail"])["both-fail"], p[pair[0]] * p[pair[1]]


def check_progress(knelpunt, tmp):
    # A file of its own: /dev/null is a character device, which -o refuses (docs/security.md).
    args = [knelpunt, "simulate", MODEL, "--runs", "2000", "--seed", "1", "-o", os.path.join(tmp, "progress.json")]
    if run(args).stderr:
        sys.exit("FAIL: simulate wrote to stderr that is not a terminal")
    for quiet in (False, True):
        returncode, seen = run_on_terminal(args + (["-q"] if quiet else []), timeout=300)
        if returncode != 0:
            sys.exit(f"FAIL: simulate on a terminal exited {returncode}")
        if quiet and seen:
            sys.exit(f"FAIL: simulate -q drew on the terminal: {seen!r}")
        if not quiet and not (b"simulate [" in seen and b"ETA" in seen):
            sys.exit(f"FAIL: no progress bar on a terminal: {seen!r}")
    print("progress bar on a terminal only, not with -q")


def check_refusals(knelpunt, tmp, parts):
    run([knelpunt, "simulate", MODEL, "--runs", "10", "--shard", "2/2"], expect_rc=2)
    run([knelpunt, "simulate", MODEL, "--runs", "0"], expect_rc=2)
    # Missing shard; one altered beyond its run range; a reach shard among simulate shards.
    run([knelpunt, "merge", *parts[:-1]], expect_rc=2)
    altered = json.loads(pathlib.Path(parts[0]).read_text(encoding="utf-8"))
    altered["assets"][0]["failed_runs"] = altered["run_range"][1] - altered["run_range"][0] + 1
    bad = pathlib.Path(tmp) / "altered.json"
    bad.write_text(json.dumps(altered), encoding="utf-8")
    err = run([knelpunt, "merge", bad, *parts[1:]], expect_rc=2).stderr.decode()
    if "/assets/0/failed_runs" not in err:
        sys.exit(f"FAIL: an altered count is not located: {err}")
    # A scenario count beyond the run range, and a part whose scenario differs from the others'.
    altered = json.loads(pathlib.Path(parts[0]).read_text(encoding="utf-8"))
    altered["scenarios"][0]["occurred_runs"] = altered["run_range"][1] - altered["run_range"][0] + 1
    bad.write_text(json.dumps(altered), encoding="utf-8")
    err = run([knelpunt, "merge", bad, *parts[1:]], expect_rc=2).stderr.decode()
    if "/scenarios/0/occurred_runs" not in err:
        sys.exit(f"FAIL: an altered scenario count is not located: {err}")
    altered = json.loads(pathlib.Path(parts[0]).read_text(encoding="utf-8"))
    altered["scenarios"][0]["frequency_per_year"] *= 2
    bad.write_text(json.dumps(altered), encoding="utf-8")
    err = run([knelpunt, "merge", bad, *parts[1:]], expect_rc=2).stderr.decode()
    if "does not belong with" not in err:
        sys.exit(f"FAIL: a part with another scenario frequency is not refused: {err}")
    # A joint count beyond the run range; a part that counted other sets.
    altered = json.loads(pathlib.Path(parts[0]).read_text(encoding="utf-8"))
    altered["joint"][1]["failed_runs"] = altered["run_range"][1] - altered["run_range"][0] + 1
    bad.write_text(json.dumps(altered), encoding="utf-8")
    err = run([knelpunt, "merge", bad, *parts[1:]], expect_rc=2).stderr.decode()
    if "/joint/1/failed_runs" not in err:
        sys.exit(f"FAIL: an altered joint count is not located: {err}")
    other_sets = pathlib.Path(tmp) / "other-sets.json"
    run([knelpunt, "simulate", MODEL, "--runs", "2500", "--seed", "12345678901234567890", "--horizon", "24h",
         "--shard", f"0/{len(parts)}", "--joint", "onderstation+aggregaat", "-o", other_sets])
    err = run([knelpunt, "merge", other_sets, *parts[1:]], expect_rc=2).stderr.decode()
    if "does not belong with" not in err:
        sys.exit(f"FAIL: a part that counted other --joint sets is not refused: {err}")
    reach = pathlib.Path(tmp) / "reach.json"
    run([knelpunt, "reach", MODEL, "--shard", "0/1", "-o", reach])
    run([knelpunt, "merge", parts[0], reach], expect_rc=2)
    # The same shard of the same model and horizon, another seed: the only difference.
    other_seed = pathlib.Path(tmp) / "other-seed.json"
    run([knelpunt, "simulate", MODEL, "--runs", "2500", "--seed", "4", "--horizon", "24h", "--shard", f"0/{len(parts)}",
         *JOINT, "-o", other_seed])
    run([knelpunt, "merge", other_seed, *parts[1:]], expect_rc=2)
    print("mismatched, incomplete and altered shards are refused")


def main() -> int:
    knelpunt = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        check_threads(knelpunt)
        parts = check_shards(knelpunt, tmp)
        check_agreement(knelpunt, tmp)
        check_register_likelihood(knelpunt, tmp)
        check_register_joint_likelihood(knelpunt, tmp)
        check_register_zone_likelihood(knelpunt, tmp)
        check_progress(knelpunt, tmp)
        check_refusals(knelpunt, tmp, parts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
