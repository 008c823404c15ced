"""Switching areas on the large database, and peak memory, each against a bare Textual app.

Each run is a fresh process (so a first visit really is the first: it includes importing
the area's screen module, building the screen, reading its data and painting it) that
opens schoolnet on a copy of the large database (bench/make_large_db.py) under Pilot at
120x40, waits for Home, then presses each area's key once (first visits: n s m p r x),
then goes round the areas twice more (coming back: h n s m p r x). Each press is timed
from the key press to the end of the repaint (bench/common.py: the last frame written
before the app settles with that area showing). The process then reports its peak
resident set size (bench/common.py `peak_rss_mb`): the app open on the large database,
every area visited. The first three processes visit every area; later ones only the
areas that still need runs (an area already five times over its goal after three runs is
not visited ten times: bench/common.py `enough`).

Baseline, in separate fresh processes measured in the same run: bench/bare_app.py's
BareAreasApp (two modes, each Header, a ten-row DataTable and Footer): its first switch
to the second mode (first visit), its switches back and forth (coming back), and its
peak RSS.

Goals: coming back to any area <= 50 ms; first visit <= 150 ms; peak RSS < 200 MB.

    python bench/areas.py [--runs 10]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Row, attach, dumps, key_to_paint, median, peak_rss_mb, report, run_child

GOAL_AGAIN_MS, GOAL_FIRST_MS, GOAL_RSS_MB = 50.0, 150.0, 200.0
ROUNDS = 2


async def _schoolnet(db: Path, first_modes: list[str], again_modes: list[str], rounds: int
                     ) -> dict[str, Any]:  # fmt: skip
    from bench.common import locate, settle
    from store import Store
    from tui.app import SchoolnetApp

    areas = {area.mode: area for area in locate("AREAS", "tui.areas")}
    store = Store.open(db)
    app = SchoolnetApp(store, ask_profile=False)
    attach(app)
    first: dict[str, float] = {}
    again: dict[str, list[float]] = {mode: [] for mode in again_modes}
    every = [mode for mode in areas if mode != "home"]
    async with app.run_test(size=(120, 40)) as pilot:

        def showing(mode: str) -> Any:
            return lambda: app.current_mode == mode and app.screen.is_mounted

        await settle(app, showing("home"))
        for mode in every:  # first visits, in the order of the keys
            if mode in first_modes or mode in again_modes:
                first[mode] = await key_to_paint(pilot, areas[mode].key, showing(mode))
        for _ in range(rounds):
            for mode in again_modes:
                again[mode].append(await key_to_paint(pilot, areas[mode].key, showing(mode)))
    store.close()
    return {
        "first": {mode: first[mode] for mode in first_modes},
        "again": again,
        "rss_mb": peak_rss_mb(),
        "every_area": all(mode in first for mode in every),
        "titles": {mode: f"{area.title} ({area.key})" for mode, area in areas.items()},
    }


async def _bare() -> dict[str, Any]:
    from bench.bare_app import BareAreasApp
    from bench.common import settle

    app = BareAreasApp()
    attach(app)
    again: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, lambda: app.current_mode == "a" and app.screen.is_mounted)
        first = await key_to_paint(pilot, "b", lambda: app.current_mode == "b")
        for _ in range(ROUNDS):
            again.append(await key_to_paint(pilot, "a", lambda: app.current_mode == "a"))
            again.append(await key_to_paint(pilot, "b", lambda: app.current_mode == "b"))
    return {"first": first, "again": again, "rss_mb": peak_rss_mb()}


def child(kind: str, first: str = "", again: str = "", rounds: int = ROUNDS) -> dict[str, Any]:
    """One fresh-process measurement: 'app' (schoolnet on the large db) or 'bare'."""
    if kind == "bare":
        return asyncio.run(_bare())
    from bench.make_large_db import working_copy

    with tempfile.TemporaryDirectory() as folder:
        db = working_copy(Path(folder))
        return asyncio.run(_schoolnet(db, _split(first), _split(again), rounds))


def _split(modes: str) -> list[str]:
    return [mode for mode in modes.split(",") if mode]


def run(quick: bool = False, runs: int | None = None) -> list[Row]:
    """The area-switching and memory rows of the results table.

    The first FEWEST_RUNS processes visit every area; later ones only the areas that still
    need runs (bench/common.py `enough`: 10, or 3 when already over five times the goal).
    """
    from bench.common import FEWEST_RUNS, enough, locate
    from bench.make_large_db import large_db

    large_db()  # build it once, before the children race to
    wanted = runs or (4 if quick else 10)
    modes = [area.mode for area in locate("AREAS", "tui.areas")]
    first: dict[str, list[float]] = {mode: [] for mode in modes if mode != "home"}
    again: dict[str, list[float]] = {mode: [] for mode in modes}
    rss: list[float] = []
    bares: list[dict[str, Any]] = []
    titles: dict[str, str] = {}
    for number in range(wanted):
        need_first = [m for m in first if not enough(first[m], GOAL_FIRST_MS, wanted)]
        need_again = [m for m in again if not enough(again[m], GOAL_AGAIN_MS, wanted)]
        if number >= FEWEST_RUNS and not need_first and not need_again:
            break
        if number < FEWEST_RUNS:
            need_first, need_again = list(first), list(again)
        bares.append(run_child("areas", "bare"))
        result = run_child("areas", "app", ",".join(need_first), ",".join(need_again))
        titles = result["titles"]
        for mode, ms in result["first"].items():
            first[mode].append(ms)
        for mode, samples in result["again"].items():
            again[mode] += samples
        if result["every_area"]:
            rss.append(result["rss_mb"])
    bare_first = median(b["first"] for b in bares)
    bare_again = median(t for b in bares for t in b["again"])
    rows = []
    for mode, samples in first.items():
        figure = median(samples)
        rows.append(
            Row(f"first visit: {titles[mode]}", f"<= {GOAL_FIRST_MS:.0f} ms", figure, "ms",
                bare_first, figure <= GOAL_FIRST_MS, len(samples),
                "bare app, first switch to a new mode (Header, 10-row DataTable, Footer)")
        )  # fmt: skip
    for mode, samples in again.items():
        figure = median(samples)
        rows.append(
            Row(f"come back: {titles[mode]}", f"<= {GOAL_AGAIN_MS:.0f} ms", figure, "ms",
                bare_again, figure <= GOAL_AGAIN_MS, len(samples),
                "bare app, switch back to a mode already built")
        )  # fmt: skip
    rows.append(
        Row("peak RSS, large db, every area", f"< {GOAL_RSS_MB:.0f} MB", median(rss), "MB",
            median(b["rss_mb"] for b in bares), max(rss) < GOAL_RSS_MB, len(rss),
            "bare app (two modes) under Pilot, peak RSS")
    )  # fmt: skip
    return rows


def main() -> int:
    """Measure and print the rows (or, with --child, one process's figures as JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=None, help="fresh processes (default 10)")
    parser.add_argument("--quick", action="store_true", help="4 processes of each")
    parser.add_argument("--child", choices=("app", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("child_args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(dumps(child(args.child, *args.child_args)))
        return 0
    return report(run(args.quick, args.runs))


if __name__ == "__main__":
    sys.exit(main())
