"""Profile one benchmark step with pyinstrument and list where its time goes.

    python bench/profiling.py SCENARIO [--tree]

Scenarios, each on a copy of the large database under Pilot at 120x40, profiled from the
key press to the end of the repaint (as bench/common.py times them):

    startup              import the app, open the database, run until Home has painted
    first:MODE           first visit of an area (home networks schools meetings plans
                         reviews sharing), in a fresh process so the import counts
    again:MODE           coming back to an area
    filter               typing "leeds" in the Schools search box (five keystrokes)
    notes-open           `v` on the review with 2,000 notes (first open)
    notes-leave          `escape` in notes mode back to the review page
    notes-save           the autosave of one new note
    health               all_network_health on 500 networks (ten calls)

Prints the wall time, then schoolnet's own functions (src/) by inclusive time, then every
function by self time (where the CPU actually went), then with --tree pyinstrument's tree.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pyinstrument import Profiler

from bench.common import SRC, attach, key_to_paint, locate, settle

INTERVAL = 0.0005


def _flat(root: Any) -> tuple[dict[str, float], dict[str, float]]:
    """(inclusive time of src/ functions, self time of every function), in seconds."""
    inclusive: dict[str, float] = defaultdict(float)
    own: dict[str, float] = defaultdict(float)

    def name(frame: Any) -> str:
        path = frame.file_path or ""
        short = path.split("site-packages/")[-1].split("lib/python3.11/")[-1]
        short = short.replace(str(SRC) + "/", "")
        return f"{frame.function}  ({short}:{frame.line_no})"

    def walk(frame: Any, above: frozenset[str], parent: str) -> None:
        if frame.is_synthetic:  # pyinstrument's "[self]" and the like: the parent's own time
            own[parent] += frame.time
            return
        key = name(frame)
        in_src = str(SRC) in (frame.file_path or "")
        if in_src and key not in above:
            inclusive[key] += frame.time
        if not frame.children:
            own[key] += frame.time
        for child in frame.children:
            walk(child, above | {key} if in_src else above, key)

    walk(root, frozenset(), "(root)")
    return inclusive, own


def show(
    profiler: Profiler,
    wall_ms: float,
    tree: bool,
    top: int = 25,
    label: str = "wall time, key press to end of repaint",
) -> None:
    """Print the figures."""
    session = profiler.last_session
    root = session.root_frame()
    print(f"{label}: {wall_ms:.1f} ms")
    if root is None:
        return
    inclusive, own = _flat(root)
    print("\nschoolnet functions (src/), inclusive ms:")
    for key, seconds in sorted(inclusive.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {seconds * 1000:8.1f}  {key}")
    print("\nall functions, self ms (epoll.poll is the event loop idle: the benchmark's quiet")
    print("window of bench/common.py QUIET_S, and Textual's own waits such as a mode switch's")
    print("50 ms delay_update and the 1/60 s screen update timer):")
    for key, seconds in sorted(own.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {seconds * 1000:8.1f}  {key}")
    if tree:
        print(profiler.output_text(unicode=False, color=False))


async def _app_step(db: Path, scenario: str, tree: bool) -> None:
    from store import Store
    from tui.app import SchoolnetApp

    areas = {area.mode: area for area in locate("AREAS", "tui.areas")}
    store = Store.open(db)
    app = SchoolnetApp(store, ask_profile=False)
    attach(app)
    profiler = Profiler(interval=INTERVAL, async_mode="disabled")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, lambda: app.current_mode == "home")

        async def press(key: str, ready: Any) -> float:
            profiler.start()
            try:
                return await key_to_paint(pilot, key, ready)
            finally:
                profiler.stop()

        def showing(mode: str) -> Any:
            return lambda: app.current_mode == mode and app.screen.is_mounted

        kind, _, mode = scenario.partition(":")
        if kind == "first":
            if mode == "home":
                await key_to_paint(pilot, areas["plans"].key, showing("plans"))
                await app.remove_mode("home")
                app.add_mode("home", SchoolnetApp.MODES["home"])
            wall = await press(areas[mode].key, showing(mode))
        elif kind == "again":
            if app.current_mode != mode:
                await key_to_paint(pilot, areas[mode].key, showing(mode))
            other = "plans" if mode != "plans" else "meetings"
            await key_to_paint(pilot, areas[other].key, showing(other))
            wall = await press(areas[mode].key, showing(mode))
        elif scenario == "filter":
            await key_to_paint(pilot, "s", showing("schools"))
            await pilot.press("slash")
            search = app.screen.query_one("#search")
            await settle(app, lambda: search.has_focus)
            wall = 0.0
            for end, char in enumerate("leeds", 1):
                wall += await press(char, lambda e=end: search.value == "leeds"[:e])
            wall /= 5
            print("(five keystrokes profiled; wall time is their mean)")
        else:
            wall = await _notes_step(app, pilot, scenario, press, profiler)
    store.close()
    show(profiler, wall, tree)


async def _notes_step(app: Any, pilot: Any, scenario: str, press: Any, profiler: Profiler
                      ) -> float:  # fmt: skip
    from textual.widgets import TextArea

    from bench.common import call_to_paint
    from bench.notes import review

    notes_screen = locate("NotesScreen", "tui.screens.review.notes", "tui.screens.notes")
    review_screen = locate("ReviewScreen", "tui.screens.review.review", "tui.screens.review")
    await app.push_screen(review_screen(review()))
    await settle(app, lambda: isinstance(app.screen, review_screen))

    def in_notes() -> bool:
        return isinstance(app.screen, notes_screen) and app.screen.is_mounted

    if scenario == "notes-open":
        return await press("v", in_notes)
    await key_to_paint(pilot, "v", in_notes)
    if scenario == "notes-leave":
        return await press("escape", lambda: isinstance(app.screen, review_screen))
    screen = app.screen
    await pilot.press("ctrl+n")
    screen.query_one(TextArea).load_text("Year 5 pupils debated the fairest way to share.")
    await settle(app, in_notes)
    profiler.start()
    try:
        return await call_to_paint(app, screen.save, in_notes)
    finally:
        profiler.stop()


async def _startup(db: Path, tree: bool) -> None:
    profiler = Profiler(interval=INTERVAL, async_mode="disabled")
    profiler.start()
    start = time.perf_counter()
    from store import Store
    from tui.app import SchoolnetApp

    store = Store.open(db)
    app = SchoolnetApp(store, ask_profile=False)
    attach(app)
    async with app.run_test(size=(120, 40)):
        await settle(app, lambda: app.current_mode == "home" and app.screen.is_mounted)
        wall = (app._bench_probe.frames[-1] - start) * 1000
        profiler.stop()
    store.close()
    show(profiler, wall, tree)


def _health(folder: Path, tree: bool) -> None:
    import sqlite3

    from bench.health import TODAY
    from bench.make_large_db import NETWORKS, large_db, working_copy
    from store import Store

    conn = sqlite3.connect(f"file:{large_db()}?mode=ro", uri=True)
    demo = conn.execute("SELECT count(*) FROM networks").fetchone()[0] - NETWORKS
    conn.close()
    store = Store.open(working_copy(folder, 500 - demo))
    health = locate("all_network_health", "store.membership.health", "store.rules")
    health(store, TODAY)
    profiler = Profiler(interval=INTERVAL, async_mode="disabled")
    profiler.start()
    start = time.perf_counter()
    for _ in range(10):
        health(store, TODAY)
    wall = (time.perf_counter() - start) * 100
    profiler.stop()
    store.close()
    print("(ten calls profiled; the times listed are for all ten)")
    show(profiler, wall, tree, label="wall time of one call")


def main() -> int:
    """Profile the chosen scenario."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario")
    parser.add_argument("--tree", action="store_true", help="also print pyinstrument's tree")
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.db:  # the startup child: nothing of schoolnet imported yet
        asyncio.run(_startup(args.db, args.tree))
        return 0
    from bench.make_large_db import working_copy

    with tempfile.TemporaryDirectory() as folder:
        db = working_copy(Path(folder))
        if args.scenario == "health":
            _health(Path(folder), args.tree)
            return 0
        if args.scenario == "startup":  # in a fresh process, so every import is profiled
            tree = ["--tree"] if args.tree else []
            command = [sys.executable, __file__, "startup", "--db", str(db), *tree]
            return subprocess.run(command, check=False).returncode
        asyncio.run(_app_step(db, args.scenario, args.tree))
    return 0


if __name__ == "__main__":
    sys.exit(main())
