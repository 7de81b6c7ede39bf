#!/usr/bin/env python3
"""examples/scale (reach and simulate beyond one machine) runs as documented:

- shard.sh as concurrent processes, then merge.sh, gives the bytes of one
  unsharded `reach` and `simulate` (JSON and text);
- the Slurm scripts with Slurm's variables, the Kubernetes containers'
  commands with JOB_COMPLETION_INDEX, and the GitHub Actions and GitLab shard
  and merge steps for every matrix entry, give the same bytes;
- the shard count agrees within each scheduler's files;
- a bad index and a missing part are refused (exit 2, naming the part);
- the image (Containerfile) installs the package of every shared library the
  binary needs, and the CI examples install knelpunt's build packages through
  scripts/install-deps.sh --build-only, whose list covers every pkg-config
  module CMakeLists.txt requires (with dpkg only; skipped elsewhere).

Monte Carlo runs are lowered to RUNS_IN_TEST so that the check stays quick
under the sanitizers; everything else is what the files say.

usage: scale_examples_check.py KNELPUNT
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCALE = ROOT / "examples" / "scale"
MODEL = HERE.parent / "data" / "models" / "simulate-region"
RUNS_IN_TEST = "3000"
SEED_IN_TEST = "5"
RESULTS = ("reach.json", "reach.txt", "simulate.json", "simulate.txt")


def fail(message):
    sys.exit(f"FAIL: {message}")


def run(args, env=None, cwd=None, expect_rc=0):
    proc = subprocess.run(args, capture_output=True, env=env, cwd=cwd, timeout=600)
    if proc.returncode != expect_rc:
        fail(f"{' '.join(map(str, args))} exited {proc.returncode}, expected {expect_rc}: {proc.stderr.decode()}")
    return proc


def run_all(commands):
    """Runs (args, env, cwd) triples as concurrent processes; all must exit 0."""
    procs = [(args, subprocess.Popen(args, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
             for args, env, cwd in commands]
    for args, proc in procs:
        _, err = proc.communicate(timeout=600)
        if proc.returncode != 0:
            fail(f"{' '.join(map(str, args))} exited {proc.returncode}: {err.decode()}")


def reference(knelpunt, tmp):
    """The four results of one unsharded run, as bytes."""
    env = dict(os.environ)
    base = [str(MODEL), "-q"]
    simulate = ["--runs", RUNS_IN_TEST, "--seed", SEED_IN_TEST]
    return {
        "reach.json": run([knelpunt, "reach", *base, "--format", "json"], env).stdout,
        "reach.txt": run([knelpunt, "reach", *base, "--format", "text", "--lang", "nl"], env).stdout,
        "simulate.json": run([knelpunt, "simulate", *base, *simulate, "--format", "json"], env).stdout,
        "simulate.txt": run([knelpunt, "simulate", *base, *simulate, "--format", "text", "--lang", "nl"], env).stdout,
    }


def check_results(out, expected, what):
    for name in RESULTS:
        path = pathlib.Path(out) / name
        if not path.is_file():
            fail(f"{what}: {name} was not written in {out}")
        if path.read_bytes() != expected[name]:
            fail(f"{what}: {name} differs from one unsharded run")
    print(f"{what}: the merged reach and simulate results equal one unsharded run")


def tool_dir(knelpunt, tmp):
    """A directory for the PATH with knelpunt and the scripts under the image's names."""
    bin_dir = pathlib.Path(tmp) / "bin"
    bin_dir.mkdir()
    (bin_dir / "knelpunt").symlink_to(pathlib.Path(knelpunt).resolve())
    (bin_dir / "knelpunt-shard").symlink_to(SCALE / "shard.sh")
    (bin_dir / "knelpunt-merge-shards").symlink_to(SCALE / "merge.sh")
    return bin_dir


def base_env(bin_dir, **extra):
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}:{env.get('PATH', '/usr/bin:/bin')}"
    env.update({"MODEL": str(MODEL), "RUNS": RUNS_IN_TEST, "SEED": SEED_IN_TEST})
    for key in ("HORIZON", "THREADS", "OUT", "KNELPUNT", "SHARDS", "LANG_OUTPUT"):
        env.pop(key, None)
    env.update(extra)
    return env


def check_scripts(bin_dir, tmp, expected):
    out = pathlib.Path(tmp) / "scripts-parts"
    env = base_env(bin_dir, OUT=str(out))
    count = 3
    run_all([([str(SCALE / "shard.sh"), str(i), str(count)], dict(env, THREADS=str(1 + i % 2)), tmp)
             for i in range(count)])
    run([str(SCALE / "merge.sh"), str(count)], env)
    check_results(out, expected, "shard.sh × 3 and merge.sh")

    for args in (["3", "3"], ["x", "3"], ["1"]):
        proc = run([str(SCALE / "shard.sh"), *args], env, expect_rc=2)
        if not proc.stderr:
            fail(f"shard.sh {' '.join(args)} was refused without a message")
    (out / "simulate-1.json").unlink()
    proc = run([str(SCALE / "merge.sh"), str(count)], env, expect_rc=2)
    if b"simulate-1.json" not in proc.stderr:
        fail(f"merge.sh with simulate-1.json missing did not name it: {proc.stderr.decode()}")
    print("a bad shard index and a missing part are refused, naming what is wrong")


def sbatch_array_count(text):
    match = re.search(r"^#SBATCH --array=0-(\d+)\s*$", text, re.M)
    if not match:
        fail("slurm-shards.sbatch has no '#SBATCH --array=0-N' line")
    return int(match.group(1)) + 1


def check_slurm(bin_dir, tmp, expected):
    shards = (SCALE / "slurm-shards.sbatch").read_text(encoding="utf-8")
    merge = (SCALE / "slurm-merge.sbatch").read_text(encoding="utf-8")
    count = sbatch_array_count(shards)
    match = re.search(r'merge\.sh" "\$\{SHARDS:-(\d+)\}"', merge)
    if not match or int(match.group(1)) != count:
        fail(f"slurm-merge.sbatch's default SHARDS does not equal the array's {count} tasks")
    out = pathlib.Path(tmp) / "slurm-parts"
    env = base_env(bin_dir, OUT=str(out), SCALE_DIR=str(SCALE), SLURM_ARRAY_TASK_COUNT=str(count),
                   SLURM_CPUS_PER_TASK="1")
    run_all([(["bash", str(SCALE / "slurm-shards.sbatch")], dict(env, SLURM_ARRAY_TASK_ID=str(i)), tmp)
             for i in range(count)])
    run(["bash", str(SCALE / "slurm-merge.sbatch")], env)
    check_results(out, expected, f"Slurm array of {count} tasks and merge")


def container(job):
    containers = job["spec"]["template"]["spec"]["containers"]
    if len(containers) != 1:
        fail(f"Job {job['metadata']['name']} should have one container")
    return containers[0], {item["name"]: item["value"] for item in containers[0].get("env", [])}


def check_kubernetes(bin_dir, tmp, expected):
    shards_job = yaml.safe_load((SCALE / "kubernetes-shards.yaml").read_text(encoding="utf-8"))
    merge_job = yaml.safe_load((SCALE / "kubernetes-merge.yaml").read_text(encoding="utf-8"))
    spec = shards_job["spec"]
    if shards_job["kind"] != "Job" or spec.get("completionMode") != "Indexed":
        fail("kubernetes-shards.yaml is not an Indexed Job")
    shard_container, shard_env = container(shards_job)
    merge_container, merge_env = container(merge_job)
    count = int(shard_env["SHARDS"])
    if spec["completions"] != count or spec["parallelism"] != count or int(merge_env["SHARDS"]) != count:
        fail("completions, parallelism and SHARDS of the Kubernetes jobs disagree")
    # The volume claim mounted at /data is a directory here.
    data = pathlib.Path(tmp) / "volume"
    (data / "model").parent.mkdir(parents=True)
    shutil.copytree(MODEL, data / "model")

    def pod_env(declared):
        values = {k: v.replace("/data", str(data)) for k, v in declared.items()}
        values["RUNS"] = RUNS_IN_TEST
        values["SEED"] = SEED_IN_TEST
        return base_env(bin_dir, **values)

    run_all([(shard_container["command"], dict(pod_env(shard_env), JOB_COMPLETION_INDEX=str(i)), tmp)
             for i in range(count)])
    run(merge_container["command"], pod_env(merge_env))
    expected_here = dict(expected)
    check_results(data / "parts", expected_here, f"Kubernetes Indexed Job of {count} pods and merge Job")


def step_script(job, name):
    for step in job["steps"]:
        if step.get("name") == name:
            return step["run"]
    fail(f"GitHub job has no step '{name}'")


def check_github(knelpunt, bin_dir, tmp, expected):
    workflow = yaml.safe_load((SCALE / "github-actions.yml").read_text(encoding="utf-8"))
    env_declared = {k: str(v) for k, v in workflow["env"].items()}
    jobs = workflow["jobs"]
    count = int(env_declared["SHARDS"])
    if jobs["shard"]["strategy"]["matrix"]["shard"] != list(range(count)):
        fail(f"GitHub matrix.shard is not 0 … {count - 1} (SHARDS)")
    if jobs["merge"].get("needs") != "shard":
        fail("the GitHub merge job does not wait for the shard jobs")
    work = pathlib.Path(tmp) / "github"
    work.mkdir()
    shutil.copytree(MODEL, work / env_declared["MODEL"])
    env = base_env(bin_dir, **dict(env_declared, RUNS=RUNS_IN_TEST, SEED=SEED_IN_TEST))

    def local(script):  # where the build steps put knelpunt and its sources
        return (script.replace("/opt/knelpunt/build/cli/knelpunt", str(pathlib.Path(knelpunt).resolve()))
                .replace("/opt/knelpunt/src", str(ROOT)))

    shard = local(step_script(jobs["shard"], "Run the shard"))
    run_all([(["bash", "-euo", "pipefail", "-c", shard.replace("${{ matrix.shard }}", str(i))], env, work)
             for i in range(count)])
    run(["bash", "-euo", "pipefail", "-c", local(step_script(jobs["merge"], "Merge"))], env, cwd=work)
    check_results(work / env_declared["OUT"], expected, f"GitHub Actions matrix of {count} jobs and merge")


def check_gitlab(knelpunt, bin_dir, tmp, expected):
    pipeline = yaml.safe_load((SCALE / "gitlab-ci.yml").read_text(encoding="utf-8"))
    variables = {k: str(v) for k, v in pipeline["variables"].items()}
    count = int(pipeline["shard"]["parallel"])
    if int(pipeline["merge"]["variables"]["SHARDS"]) != count:
        fail("the GitLab merge job's SHARDS is not the shard job's parallel")
    if pipeline["merge"].get("needs") != ["shard"]:
        fail("the GitLab merge job does not need the shard jobs")
    # The project directory as the jobs see it after before_script's build.
    work = pathlib.Path(tmp) / "gitlab"
    (work / ".knelpunt" / "build" / "cli").mkdir(parents=True)
    (work / ".knelpunt" / "src").symlink_to(ROOT)
    (work / ".knelpunt" / "build" / "cli" / "knelpunt").symlink_to(pathlib.Path(knelpunt).resolve())
    shutil.copytree(MODEL, work / variables["MODEL"])
    setup = pipeline[".knelpunt"]["before_script"][-1]  # the export after the build
    if not setup.startswith("export KNELPUNT="):
        fail("the last before_script line of .knelpunt should export KNELPUNT")
    env = base_env(bin_dir, **dict(variables, RUNS=RUNS_IN_TEST, SEED=SEED_IN_TEST, CI_PROJECT_DIR=str(work),
                                   CI_NODE_TOTAL=str(count)))

    def job(lines):
        return ["bash", "-euo", "pipefail", "-c", "\n".join([setup, *lines])]

    run_all([(job(pipeline["shard"]["script"]), dict(env, CI_NODE_INDEX=str(i + 1)), work) for i in range(count)])
    run(job(pipeline["merge"]["script"]), dict(env, SHARDS=str(count)), cwd=work)
    check_results(work / variables["OUT"], expected, f"GitLab parallel of {count} jobs and merge")


def owning_package(path):
    proc = subprocess.run(["dpkg", "-S", os.path.realpath(path)], capture_output=True, text=True)
    if proc.returncode != 0:
        proc = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
    if proc.returncode != 0:
        return None
    return proc.stdout.split(":")[0].split(",")[0].strip()


def check_packages(knelpunt):
    for path in (ROOT / "examples" / "ci").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"\blib[\w.+-]*-dev\b", text) or "install-deps.sh --build-only" not in text:
            fail(f"{path.relative_to(ROOT)} should install knelpunt's packages through "
                 "scripts/install-deps.sh --build-only, not a list of its own")
    for path in (SCALE / "github-actions.yml", SCALE / "gitlab-ci.yml", SCALE / "Containerfile"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"\blib[\w.+-]*-dev\b", text) or "install-deps.sh --build-only" not in text:
            fail(f"{path.relative_to(ROOT)} should build with scripts/install-deps.sh --build-only")
    if shutil.which("dpkg") is None or shutil.which("readelf") is None:
        print("no dpkg or readelf here: the package lists are not checked")
        return
    build_packages = set(run(["bash", str(ROOT / "scripts" / "install-deps.sh"), "--build-only", "--list"])
                         .stdout.decode().split())
    cmake = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    modules = [m for line in re.findall(r"pkg_check_modules\(\w+ REQUIRED IMPORTED_TARGET ([^)]*)\)", cmake)
               for m in line.split()]
    if not modules:
        fail("found no pkg_check_modules(… REQUIRED …) in CMakeLists.txt")
    for module in modules:
        directory = run(["pkg-config", "--variable=pcfiledir", module]).stdout.decode().strip()
        package = owning_package(os.path.join(directory, module + ".pc"))
        if package not in build_packages:
            fail(f"pkg-config module {module} (package {package}) is not in install-deps.sh --build-only")

    # The runtime stage of the image: the last FROM and its apt-get install.
    containerfile = (SCALE / "Containerfile").read_text(encoding="utf-8")
    runtime = containerfile[containerfile.rindex("\nFROM "):]
    install = re.search(r"apt-get install ([^&]*)&&", runtime.replace("\\\n", " "))
    if not install:
        fail("the Containerfile's runtime stage has no apt-get install")
    runtime_packages = {w for w in install.group(1).split() if not w.startswith("-")}
    in_base_image = {"libc6", "libgcc-s1", "libstdc++6"}  # debian:12 has them (apt needs them)
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]",
                        run(["readelf", "-d", knelpunt]).stdout.decode())
    paths = dict(re.findall(r"^\s*(\S+) => (\S+)", run(["ldd", knelpunt]).stdout.decode(), re.M))
    checked = 0
    for soname in needed:
        if soname.startswith(("libasan", "libubsan", "libtsan", "liblsan")):
            continue  # a sanitizer build's own runtime
        package = owning_package(paths.get(soname, soname))
        if package is None:
            fail(f"no Debian package owns {soname}, which knelpunt needs")
        package = package.split(":")[0]
        if package not in runtime_packages | in_base_image:
            fail(f"the Containerfile's runtime stage does not install {package}, which provides {soname}")
        checked += 1
    print(f"install-deps.sh --build-only covers {len(modules)} pkg-config modules; "
          f"the image installs the packages of all {checked} shared libraries knelpunt needs")


def main():
    knelpunt = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        expected = reference(knelpunt, tmp)
        bin_dir = tool_dir(knelpunt, tmp)
        check_scripts(bin_dir, tmp, expected)
        check_slurm(bin_dir, tmp, expected)
        check_kubernetes(bin_dir, tmp, expected)
        check_github(knelpunt, bin_dir, tmp, expected)
        check_gitlab(knelpunt, bin_dir, tmp, expected)
    check_packages(knelpunt)
    return 0


if __name__ == "__main__":
    sys.exit(main())
