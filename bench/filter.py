"""Search-as-you-type on the Schools screen over 25,000 schools, key press to repaint.

On a copy of the large database (bench/make_large_db.py: 25,039 schools), schoolnet runs
under Pilot at 120x40 on the Schools screen with the search box focused; each character of
a few typical searches is pressed as a key and timed from the key press to the end of the
repaint (bench/common.py: the last frame written once the app has settled with the box
holding the typed text), which covers the Input's change, the screen's queries, building
the School models, refilling the table and painting it.

Baseline, measured in the same run, the same way: a bare Textual app (Header, Input,
count line, DataTable, Footer) whose Input.Changed runs the same two SQL statements on a
plain sqlite3 connection and refills the table with the raw tuples.

A second row splits out the store's share: `refresh_rows`'s three store calls (search,
count, count_matching) for each typed prefix, against the same SQL on bare sqlite3.

Goal: median keystroke to repaint <= 50 ms.

    python bench/filter.py [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textual import on
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, Input, Static

from bench.common import Row, attach, key_to_paint, median, report, settle

GOAL_MS = 50.0
SEARCHES = ("hart", "st m", "1402", "leeds", "oakf", "catholic")
SHOWN = 300
COLUMNS = ("name", "urn", "town", "phase", "sector", "ofsted_judgement", "trust")


def _key(char: str) -> str:
    return "space" if char == " " else char


def _pattern(text: str) -> str:
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


WHERE = " WHERE " + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in ("name", "urn", "town", "trust"))


def bare_query(conn: sqlite3.Connection, text: str) -> tuple[list[tuple[Any, ...]], int]:
    """The page of rows and the count the Schools screen asks for, on bare sqlite3."""
    where, params = (WHERE, [_pattern(text)] * 4) if text.strip() else ("", [])
    rows = conn.execute(
        f"SELECT {', '.join(COLUMNS)} FROM schools{where}"
        f" ORDER BY name IS NULL, name COLLATE NOCASE ASC, name, id LIMIT {SHOWN}",
        params,
    ).fetchall()
    count = conn.execute(f"SELECT count(*) FROM schools{where}", params).fetchone()[0]
    return rows, count


class BareFilterApp(App[None]):
    """Input, count line and table over bare SQL: the floor for a search keystroke."""

    def __init__(self, db: Path) -> None:
        super().__init__()
        self.conn = sqlite3.connect(db)

    def compose(self) -> ComposeResult:
        """Header, search box, count line, table, Footer."""
        yield Header()
        yield Input(id="search")
        yield Static(id="count")
        yield DataTable(id="table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Columns, all rows, focus in the box."""
        self.query_one(DataTable).add_columns(*COLUMNS)
        self.refill("")
        self.query_one(Input).focus()

    @on(Input.Changed)
    def changed(self, event: Input.Changed) -> None:
        """Refill on every keystroke."""
        self.refill(event.value)

    def refill(self, text: str) -> None:
        """Bare query, raw tuples into the table."""
        rows, count = bare_query(self.conn, text)
        table = self.query_one(DataTable)
        table.clear()
        for row in rows:
            table.add_row(*(value or "" for value in row))
        self.query_one("#count", Static).update(f"{count} schools")


async def _type_all(app: Any, pilot: Any, search: Any) -> list[float]:
    times = []
    for text in SEARCHES:
        for end in range(1, len(text) + 1):
            wanted = text[:end]
            times.append(
                await key_to_paint(pilot, _key(text[end - 1]), lambda w=wanted: search.value == w)
            )
        search.value = ""
        await settle(app)
    return times


async def schoolnet_times(db: Path) -> list[float]:
    """Keystroke-to-repaint times on schoolnet's Schools screen."""
    from store import Store
    from tui.app import SchoolnetApp

    store = Store.open(db)
    app = SchoolnetApp(store, ask_profile=False)
    attach(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, lambda: app.current_mode == "home")
        await key_to_paint(pilot, "s", lambda: app.current_mode == "schools")
        search = app.screen.query_one("#search", Input)
        await pilot.press("slash")  # the screen's own key for the search box
        await settle(app, lambda: search.has_focus)
        times = await _type_all(app, pilot, search)
    store.close()
    return times


async def bare_times(db: Path) -> list[float]:
    """Keystroke-to-repaint times on the bare app."""
    app = BareFilterApp(db)
    attach(app)
    async with app.run_test(size=(120, 40)) as pilot:
        search = app.query_one(Input)
        await settle(app, lambda: search.has_focus)
        times = await _type_all(app, pilot, search)
    app.conn.close()
    return times


def store_query_times(db: Path) -> tuple[list[float], list[float]]:
    """Per prefix: ms for the screen's three store calls, and for the same SQL on sqlite3."""
    from store import Store

    store = Store.open(db)
    conn = sqlite3.connect(db)
    ours, bare = [], []
    for text in SEARCHES:
        for end in range(1, len(text) + 1):
            prefix = text[:end]
            start = time.perf_counter()
            store.schools.search(prefix, order_by="name", limit=SHOWN)
            store.schools.count()
            store.schools.count_matching(prefix)
            ours.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            conn.execute(
                f"SELECT * FROM schools{WHERE} ORDER BY name IS NULL, name COLLATE NOCASE ASC,"
                f" name, id LIMIT {SHOWN}",
                [_pattern(prefix)] * 4,
            ).fetchall()
            conn.execute("SELECT count(*) FROM schools").fetchone()
            conn.execute(f"SELECT count(*) FROM schools{WHERE}", [_pattern(prefix)] * 4).fetchone()
            bare.append((time.perf_counter() - start) * 1000)
    conn.close()
    store.close()
    return ours, bare


def run(quick: bool = False) -> list[Row]:
    """The filter rows of the results table."""
    from bench.make_large_db import working_copy

    with tempfile.TemporaryDirectory() as folder:
        db = working_copy(Path(folder))
        schools = sqlite3.connect(db).execute("SELECT count(*) FROM schools").fetchone()[0]
        ours = asyncio.run(schoolnet_times(db))
        bare = asyncio.run(bare_times(db))
        store_ms, sql_ms = store_query_times(db)
    return [
        Row(f"Schools filter keystroke ({schools:,} schools)", f"<= {GOAL_MS:.0f} ms",
            median(ours), "ms", median(bare), median(ours) <= GOAL_MS, len(ours),
            "bare Textual app: same SQL on sqlite3, raw tuples into a DataTable, key to repaint"),
        Row("Schools filter: store queries only", "-", median(store_ms), "ms", median(sql_ms),
            None, len(store_ms), "the same SQL on bare sqlite3 (rows, total, matching count)"),
    ]  # fmt: skip


def main() -> int:
    """Measure and print the rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="(same as a full run)")
    args = parser.parse_args()
    return report(run(args.quick))


if __name__ == "__main__":
    sys.exit(main())
