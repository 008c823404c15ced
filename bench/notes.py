"""Visit notes mode on the review holding 2,000 notes, on the large database.

On a copy of the large database (bench/make_large_db.py: the demo review of St John's
holds 2,000 of its 50,000 notes), schoolnet runs under Pilot at 120x40 with that review's
page open, and times, from the key press to the end of the repaint (bench/common.py):

- open, first: `v` on the review page when notes mode was never opened for the review
  (the page installs a NotesScreen: compose, mount, the latest 100 notes listed, painted);
  each run uninstalls the screen afterwards so the next `v` builds it again;
- open, again: `v` when the review's notes screen is already installed (resumed, list
  refreshed, painted);
- leave: `escape` in notes mode (save, pop, the review page resumes and refreshes);
- save: the autosave of a new note typed into the editor, from the moment the screen's
  pause timer calls its `save` to the end of the repaint that follows.

Baselines, in the same run and timed the same way, in a bare Textual app: `v` pushes a
fresh bare notes-like screen (Select, DataTable with the latest 100 notes read by bare
sqlite3, TextArea, Footer), `w` pushes an installed one again, and `escape` pops it back to
a Header/DataTable/Footer screen; the save baseline is one bare sqlite3 INSERT and commit
with synchronous=FULL, as the store runs.

Goals: open (first and again) <= 100 ms; leave <= 50 ms; save <= 20 ms.

    python bench/notes.py [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Select, TextArea

from bench.common import (
    Row,
    attach,
    call_to_paint,
    enough,
    key_to_paint,
    locate,
    median,
    report,
    settle,
)

GOAL_OPEN_MS, GOAL_LEAVE_MS, GOAL_SAVE_MS = 100.0, 50.0, 20.0
LATEST = "SELECT noted_at, evidence_type, text FROM evidence_notes WHERE review_id = ?"


def review() -> str:
    """The id of the review with 2,000 notes."""
    from bench.make_large_db import NOTES_REVIEW_KEY

    review_id = locate("review_id", "store.demo.ids", "store.demo_ids", "store.demo")
    return review_id(NOTES_REVIEW_KEY)


async def schoolnet_times(db: Path, runs: int) -> dict[str, list[float]]:
    """Milliseconds for each step, on schoolnet."""
    from store import Store
    from tui.app import SchoolnetApp

    notes_screen = locate("NotesScreen", "tui.screens.review.notes", "tui.screens.notes")
    review_screen = locate("ReviewScreen", "tui.screens.review.review", "tui.screens.review")
    target = review()
    store = Store.open(db)
    app = SchoolnetApp(store, ask_profile=False)
    attach(app)
    times: dict[str, list[float]] = {"first": [], "again": [], "leave": [], "save": []}
    name = f"notes-{target}"

    def in_notes() -> bool:
        return isinstance(app.screen, notes_screen) and app.screen.is_mounted

    def on_review() -> bool:
        return isinstance(app.screen, review_screen)

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, lambda: app.current_mode == "home")
        await app.push_screen(review_screen(target))  # set-up: the review's page
        await settle(app, on_review)
        for run in range(3 * runs):
            need = {
                "first": not enough(times["first"], GOAL_OPEN_MS, runs),
                "again": not enough(times["again"], GOAL_OPEN_MS, runs),
                "leave": not enough(times["leave"], GOAL_LEAVE_MS, runs),
                "save": not enough(times["save"], GOAL_SAVE_MS, runs),
            }
            if not any(need.values()):
                break
            want_first = need["first"] and (not need["again"] or run % 2 == 0)
            if want_first and app.is_screen_installed(name):
                app.uninstall_screen(name)  # so `v` builds the notes screen again
            kind = "again" if app.is_screen_installed(name) else "first"
            times[kind].append(await key_to_paint(pilot, "v", in_notes))
            screen = app.screen
            await pilot.press("ctrl+n")  # a fresh note
            await settle(app, in_notes)
            times["save"].append(
                await _autosave_ms(
                    app,
                    screen,
                    f"Run {run}: Year 5 pupils debated the fairest way to share.",
                    in_notes,
                )
            )
            times["leave"].append(await key_to_paint(pilot, "escape", on_review))
    store.close()
    return times


async def _autosave_ms(app: Any, screen: Any, text: str, ready: Any) -> float:
    """Milliseconds from the autosave's call of `save` to the end of its repaint.

    The text is put in the editor as typing would; the screen's own pause timer then calls
    `save` (looked up on the screen when typing starts, so a wrapper set on the screen
    notes when it began). Should the screen not save by itself within 3 s, `save` is
    called directly instead.
    """
    began: list[float] = []
    original = screen.save

    def save() -> None:
        began.append(time.perf_counter())
        original()

    screen.save = save
    try:
        screen.query_one(TextArea).load_text(text)
        try:
            frames = app._bench_probe.frames

            def saved_and_painted() -> bool:
                return bool(began) and frames[-1] >= began[0] and ready()

            await settle(app, saved_and_painted, len(frames), timeout=3.0)
        except TimeoutError:
            began.clear()
        if len(began) != 1:  # no autosave, or a second one: time a direct call instead
            screen.save = original
            return await call_to_paint(app, original, ready)
        after = [t for t in app._bench_probe.frames if t >= began[0]]
        if not after:
            raise RuntimeError("the autosave painted nothing")
        return (after[-1] - began[0]) * 1000
    finally:
        screen.save = original


class BareNotesScreen(Screen[None]):
    """What notes mode shows, on bare sqlite3: Select, latest 100 notes, TextArea, Footer."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, conn: sqlite3.Connection, review_id: str) -> None:
        super().__init__()
        self.conn = conn
        self.review_id = review_id

    def compose(self) -> ComposeResult:
        """Filter, list, editor, footer."""
        yield Select([("All focus areas", "all")], value="all", allow_blank=False)
        yield DataTable(cursor_type="row")
        yield TextArea()
        yield Footer()

    def on_mount(self) -> None:
        """The latest 100 notes."""
        table = self.query_one(DataTable)
        table.add_column("Time", width=5)
        table.add_column("Type", width=16)
        table.add_column("Note", width=60)
        rows = self.conn.execute(
            f"{LATEST} ORDER BY noted_at DESC, id LIMIT 100", [self.review_id]
        ).fetchall()
        self.conn.execute(
            "SELECT count(*) FROM evidence_notes WHERE review_id = ?", [self.review_id]
        ).fetchone()
        for noted_at, kind, text in rows:
            table.add_row(noted_at[11:16], kind, text[:60])
        self.query_one(TextArea).focus()


class BareReviewApp(App[None]):
    """A Header/DataTable/Footer page: `v` pushes a fresh bare notes screen, `w` the same
    installed one again."""

    BINDINGS = [Binding("v", "notes", "Notes"), Binding("w", "notes_again", "Notes again")]

    def __init__(self, db: Path, review_id: str) -> None:
        super().__init__()
        self.conn = sqlite3.connect(db)
        self.review_id = review_id

    def compose(self) -> ComposeResult:
        """The page."""
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        """A few rows."""
        table = self.query_one(DataTable)
        table.add_columns("Step", "Done")
        for n in range(7):
            table.add_row(f"Step {n}", "yes")

    def action_notes(self) -> None:
        """Push a fresh bare notes screen."""
        self.push_screen(BareNotesScreen(self.conn, self.review_id))

    def action_notes_again(self) -> None:
        """Push the installed bare notes screen (built on its first push)."""
        if not self.is_screen_installed("notes"):
            self.install_screen(BareNotesScreen(self.conn, self.review_id), "notes")
        self.push_screen("notes")


async def bare_times(db: Path, runs: int) -> dict[str, list[float]]:
    """Milliseconds to push and pop the bare notes screen."""
    app = BareReviewApp(db, review())
    attach(app)
    times: dict[str, list[float]] = {"open": [], "again": [], "leave": []}

    def in_notes() -> bool:
        return isinstance(app.screen, BareNotesScreen)

    def back() -> bool:
        return len(app.screen_stack) == 1

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await key_to_paint(pilot, "w", in_notes)  # builds the installed one
        await key_to_paint(pilot, "escape", back)
        for _ in range(runs):
            times["open"].append(await key_to_paint(pilot, "v", in_notes))
            times["leave"].append(await key_to_paint(pilot, "escape", back))
            times["again"].append(await key_to_paint(pilot, "w", in_notes))
            await key_to_paint(pilot, "escape", back)
    app.conn.close()
    return times


def bare_insert_ms(db: Path, runs: int) -> list[float]:
    """Milliseconds for one INSERT and commit, synchronous=FULL as the store runs."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    target = review()
    times = []
    for run in range(runs):
        now = datetime.now(UTC).isoformat()
        start = time.perf_counter()
        conn.execute(
            "INSERT INTO evidence_notes (id, created_at, updated_at, review_id, noted_at,"
            " evidence_type, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [str(uuid.uuid4()), now, now, target, now, "other", f"bare {run}"],
        )
        conn.commit()
        times.append((time.perf_counter() - start) * 1000)
    conn.close()
    return times


def run(quick: bool = False) -> list[Row]:
    """The notes-mode rows of the results table."""
    from bench.make_large_db import working_copy

    runs = 5 if quick else 10
    with tempfile.TemporaryDirectory() as folder:
        db = working_copy(Path(folder))
        notes = (
            sqlite3.connect(db)
            .execute("SELECT count(*) FROM evidence_notes WHERE review_id = ?", [review()])
            .fetchone()[0]
        )
        ours = asyncio.run(schoolnet_times(db, runs))
        bare = asyncio.run(bare_times(db, runs))
        insert = bare_insert_ms(db, runs)
    push = "bare app: push a fresh notes-like screen (Select, 100 notes, TextArea, Footer)"

    def row(what: str, key: str, goal: float, base: float, base_what: str) -> Row:
        figure = median(ours[key])
        return Row(what, f"<= {goal:.0f} ms", figure, "ms", base, figure <= goal,
                   len(ours[key]), base_what)  # fmt: skip

    return [
        row(f"notes mode open, first ({notes:,} notes)", "first", GOAL_OPEN_MS,
            median(bare["open"]), push),
        row("notes mode open, again", "again", GOAL_OPEN_MS, median(bare["again"]),
            "bare app: push the notes-like screen again (installed, not rebuilt)"),
        row("notes mode leave (escape)", "leave", GOAL_LEAVE_MS, median(bare["leave"]),
            "bare app: pop the notes-like screen back to a Header/DataTable/Footer page"),
        row("notes autosave, one note", "save", GOAL_SAVE_MS, median(insert),
            "one bare sqlite3 INSERT + commit, synchronous=FULL (no repaint)"),
    ]  # fmt: skip


def main() -> int:
    """Measure and print the rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 runs instead of 10")
    args = parser.parse_args()
    return report(run(args.quick))


if __name__ == "__main__":
    sys.exit(main())
