#!/usr/bin/env python3
"""An installed knelpunt runs without the source tree and without KNELPUNT_HOME.

Usage: python3 install_test.py CMAKE BUILD_DIR SOURCE_DIR

Installs the build into a temporary prefix, moves the prefix elsewhere (a
tarball or a CI cache does that), and checks from there, with KNELPUNT_HOME
unset and the working directory outside both trees, that:
  - share/knelpunt holds every shipped catalogue and profile, byte for byte;
  - `catalog list` and `assess` on the default model work and the register is
    the one the build tree writes for examples/dordrecht;
  - the data is read from the moved prefix (breaking a catalogue there breaks
    the run), not from the source tree the build was configured in;
  - a KNELPUNT_HOME that is set still wins over the installed data.
Everything is written below one temporary directory, removed at the end.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile


def main() -> int:
    cmake, build, source = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    failures = []

    def check(name, condition, detail=""):
        print(("ok   " if condition else "FAIL ") + name + (f": {detail}" if detail and not condition else ""))
        if not condition:
            failures.append(name)
        return condition

    with tempfile.TemporaryDirectory(prefix="knelpunt-install-") as tmp:
        tmp = pathlib.Path(tmp)
        installed = subprocess.run([cmake, "--install", str(build), "--prefix", str(tmp / "prefix")],
                                   capture_output=True, text=True)
        if not check("cmake --install exits 0", installed.returncode == 0, installed.stderr[-2000:]):
            return 1
        shutil.move(str(tmp / "prefix"), str(tmp / "moved"))
        prefix = tmp / "moved"
        binary = prefix / "bin" / "knelpunt"
        data = prefix / "share" / "knelpunt"
        check("the binary is installed", binary.is_file())
        for folder in ("catalogs", "profiles"):
            shipped = sorted(p.relative_to(source) for p in (source / folder).rglob("*") if p.is_file())
            present = sorted(p.relative_to(data) for p in (data / folder).rglob("*") if p.is_file())
            check(f"share/knelpunt/{folder} holds the shipped files", shipped == present and len(shipped) > 0,
                  f"{[str(p) for p in shipped]} vs {[str(p) for p in present]}")
            check(f"share/knelpunt/{folder} files are byte-identical",
                  all((source / p).read_bytes() == (data / p).read_bytes() for p in present))
        check("the Dordrecht example is installed", (data / "examples" / "dordrecht" / "model.yaml").is_file())

        work = tmp / "work"
        work.mkdir()
        env = {k: v for k, v in os.environ.items() if k != "KNELPUNT_HOME"}
        env["XDG_CACHE_HOME"] = str(tmp / "xdg-cache")  # never the user's cache
        cache = str(source / "tests" / "data" / "feed-cache")

        listed = subprocess.run([str(binary), "catalog", "list"], cwd=work, env=env, capture_output=True, text=True)
        check("installed `catalog list` exits 0", listed.returncode == 0, listed.stderr)
        check("installed `catalog list` names the shipped catalogues", "vital-processes" in listed.stdout, listed.stdout)

        assess = [str(binary), "assess", "-q", "--cache", cache, "--format", "json"]
        got = subprocess.run(assess, cwd=work, env=env, capture_output=True)
        check("installed `assess` (default model) exits 0", got.returncode == 0, got.stderr.decode()[-2000:])
        reference = subprocess.run([str(build / "cli" / "knelpunt"), "assess", str(source / "examples" / "dordrecht"),
                                    "-q", "--cache", cache, "--format", "json"],
                                   cwd=work, env=dict(env, KNELPUNT_HOME=str(source)), capture_output=True)
        check("the build tree's `assess examples/dordrecht` exits 0", reference.returncode == 0)
        check("the installed register equals the build tree's", got.stdout == reference.stdout and len(got.stdout) > 1000)

        # The data really comes from the moved prefix, not from the source tree
        # the build was configured in (which also exists on this machine).
        broken = sorted((data / "catalogs").glob("*.yaml"))[0]
        broken.write_text("catalog: [this is not\n", encoding="utf-8")
        failed = subprocess.run([str(binary), "catalog", "list"], cwd=work, env=env, capture_output=True, text=True)
        check("the installed binary reads the moved prefix's catalogues (a broken one there fails it)",
              failed.returncode != 0 and str(data) in failed.stderr, f"exit {failed.returncode}: {failed.stderr}")

        # KNELPUNT_HOME still wins: an empty home has no catalogues, so the run must fail and say where it looked.
        empty = tmp / "empty-home"
        empty.mkdir()
        overridden = subprocess.run([str(binary), "catalog", "list"], cwd=work, env=dict(env, KNELPUNT_HOME=str(empty)),
                                    capture_output=True, text=True)
        check("KNELPUNT_HOME overrides the installed data", overridden.returncode != 0 and str(empty) in overridden.stderr,
              f"exit {overridden.returncode}: {overridden.stderr}")

    print(f"\n{len(failures)} check(s) failed" if failures else "\nall checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
