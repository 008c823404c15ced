"""Run every benchmark and print one table: what, goal, figure, baseline, ratio, runs, met.

    python -m bench [--quick] [--only startup areas filter notes health bundles meetings]

Every figure is a median (of 10 runs unless the `runs` column says otherwise: a figure
already more than five times over its goal after 3 runs is not repeated 10 times, see
bench/common.py `enough`), against a baseline measured in the same run. What each row
times is in the docstring of its module:

- startup: first paint in tmux, demo and large database, against a bare Textual app;
- areas: first visit and coming back to each area, and peak memory, on the large database;
- filter: a Schools search keystroke over 25,000 schools, key press to repaint;
- notes: opening and leaving visit notes mode on a review with 2,000 notes, and autosave;
- health: network health for 250 and 500 networks, and its growth;
- bundles: export and import of 10,000 records (100,000: `python bench/bundles.py`);
- meetings: the Meetings area and a large meeting's page (bench/meetings.py).

The large database is built once by bench/make_large_db.py into the benchmark cache
($SCHOOLNET_BENCH_CACHE, else ~/.cache/schoolnet-bench) and reused while current.
`--quick` takes fewer runs (5, or 4 fresh processes for the areas). Exit status 1 if any
goal is missed.
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import time
import traceback

from bench.common import Row, cache_dir, report

BENCHMARKS = ("startup", "areas", "filter", "notes", "health", "bundles", "meetings")


def main() -> int:
    """Run the chosen benchmarks in turn and print their rows as one table."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, default=list(BENCHMARKS))
    args = parser.parse_args()
    began = time.perf_counter()
    load_before = os.getloadavg()[0]
    from bench.make_large_db import large_db

    print(f"large database: {large_db(quiet=False)}", file=sys.stderr)
    rows: list[Row] = []
    for name in args.only:
        start = time.perf_counter()
        print(f"running {name}...", file=sys.stderr, flush=True)
        try:
            rows += importlib.import_module(f"bench.{name}").run(args.quick)
        except Exception as error:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            rows.append(Row(f"{name}: FAILED ({type(error).__name__})", "-", 0, "s", None,
                            False, 0, str(error).splitlines()[0][:100]))  # fmt: skip
        print(f"  {name} took {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    status = report(rows)
    print(f"\nmeasured: {_revision()}")
    load_after = os.getloadavg()[0]
    print(
        f"\n{len(rows)} rows in {time.perf_counter() - began:.0f} s on {os.cpu_count()} CPUs"
        f" (load average {load_before:.1f} before, {load_after:.1f} after: above about 1,"
        f" other work was competing and the figures are noisier); cache: {cache_dir()}"
    )
    return status


def _revision() -> str:
    """The commit measured, and whether src/ had changes not yet committed."""
    from bench.common import ROOT

    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return result.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown commit"
    dirty = git("status", "--porcelain", "--", "src")
    return f"commit {commit}" + (" with uncommitted changes in src/" if dirty else "")


if __name__ == "__main__":
    sys.exit(main())
