"""Search-as-you-type on the Schools screen with 5,000 schools, against the bare SQL it runs.

For each keystroke of a few typical searches, times the screen's update (its queries,
the models and the table refill: everything from the Input's change to the table holding
the new rows) and, in the same run, the same SQL run straight on sqlite3. Prints medians
and the ratio. Goal: median keystroke-to-table time <= 50 ms.

    python bench/filter.py [--schools 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from store import Store
from store.models import School
from tui.app import SchoolnetApp
from tui.screens.schools.schools import SHOWN_AT_MOST, SchoolsScreen

GOAL_MS = 50.0
SEARCHES = ("hart", "primary", "1102", "coventry", "three spires", "st j")
WORDS = (
    "Hartford",
    "Meadow",
    "Brook",
    "Green",
    "Park",
    "Vale",
    "Fields",
    "Grange",
    "Heath",
    "Croft",
)
TOWNS = (
    "Coventry",
    "Huntingdon",
    "St Ives",
    "Ely",
    "March",
    "Wisbech",
    "Peterborough",
    "Cambridge",
)


def make_schools(store: Store, count: int) -> None:
    """Add `count` plausible schools, deterministically."""
    rng = random.Random(7)
    with store.db.atomic():
        for n in range(count):
            kind = "Primary" if n % 4 else "Academy"
            store.schools.add(
                School(
                    name=f"{rng.choice(WORDS)} {rng.choice(WORDS)} {kind} {n}",
                    urn=f"{110000 + n}",
                    town=rng.choice(TOWNS),
                    trust="Three Spires Learning Trust" if n % 50 == 0 else "",
                )
            )


def bare_sql_ms(path: Path, text: str) -> float:
    """Milliseconds for the screen's two queries (the page of rows, the count), on bare sqlite3."""
    conn = sqlite3.connect(path)
    pattern = f"%{text}%"
    start = time.perf_counter()
    where = " WHERE name LIKE ? OR urn LIKE ? OR town LIKE ? OR trust LIKE ?"
    conn.execute(
        f"SELECT * FROM schools{where} ORDER BY name IS NULL, name COLLATE NOCASE ASC, name, id"
        f" LIMIT {SHOWN_AT_MOST}",
        [pattern] * 4,
    ).fetchall()
    conn.execute(f"SELECT count(*) FROM schools{where}", [pattern] * 4).fetchone()
    elapsed = (time.perf_counter() - start) * 1000
    conn.close()
    return elapsed


async def screen_ms(store: Store) -> list[float]:
    """Milliseconds from each keystroke's change to the table holding the new rows."""
    app = SchoolnetApp(store, ask_profile=False)
    times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SchoolsScreen)
        search = screen.query_one("#search")
        for text in SEARCHES:
            for end in range(1, len(text) + 1):
                search.value = text[:end]  # what a keystroke does to the Input
                start = time.perf_counter()
                screen.refresh_rows()
                times.append((time.perf_counter() - start) * 1000)
                await pilot.pause()
            search.value = ""
            await pilot.pause()
    return times


def main() -> int:
    """Run both measurements and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        store = Store.open(path)
        make_schools(store, args.schools)
        ours = asyncio.run(screen_ms(store))
        bare = [
            bare_sql_ms(path, text[:end]) for text in SEARCHES for end in range(1, len(text) + 1)
        ]
        store.close()
    ours_median, bare_median = statistics.median(ours), statistics.median(bare)
    print(f"schools:                         {args.schools}")
    print(f"keystrokes:                      {len(ours)}")
    print(f"bare SQL query, median:          {bare_median:7.1f} ms")
    print(f"keystroke to table, median:      {ours_median:7.1f} ms  (goal <= {GOAL_MS:.0f} ms)")
    print(f"keystroke to table, worst:       {max(ours):7.1f} ms")
    print(f"ratio to the bare query:         {ours_median / bare_median:7.1f}x")
    return 0 if ours_median <= GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
