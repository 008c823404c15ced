"""Visit notes mode with 2,000 notes on one review, against a bare SQL insert.

Times, in the same run: opening notes mode (push the screen until it has listed the notes;
the first open of a review's notes builds the screen, later ones reuse it),
saving one note as the autosave does (the screen's save: the update, its fsync, the list
refresh), and a bare sqlite3 INSERT of one note with commit on a database with the same
settings. Goals: median open <= 100 ms, median save <= 20 ms.

    python bench/notes.py [--notes 2000] [--runs 15]
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from store import Store
from store.demo.builder import DEMO_PROFILE, load_demo
from store.demo.ids import review_id
from store.models import EvidenceNote
from store.schema import EVIDENCE_NOTES
from tui.app import SchoolnetApp
from tui.screens.review.notes import NotesScreen

GOAL_OPEN_MS, GOAL_SAVE_MS = 100.0, 20.0
REVIEW = review_id("hunts-2026-st-johns")


def fill(store: Store, count: int) -> None:
    """A long visit day: `count` notes on one review."""
    focus = store.peer_reviews.get(REVIEW).focus_areas
    start = datetime(2026, 11, 11, 8, 0, tzinfo=UTC)
    notes = [
        EvidenceNote(
            review_id=REVIEW,
            noted_at=start + timedelta(seconds=15 * n),
            focus_area=focus[n % len(focus)],
            evidence_type="lesson_visit",
            text=f"Observation {n}: pupils explained their reasoning; work matched the plan.",
        )
        for n in range(count)
    ]
    columns = list(EVIDENCE_NOTES.columns)
    marks = ", ".join("?" * len(columns))
    with store.db.atomic():
        store.db.conn.executemany(
            f"INSERT INTO evidence_notes ({', '.join(columns)}) VALUES ({marks})",
            [[row[c] for c in columns] for row in EVIDENCE_NOTES.to_rows(notes)],
        )


async def screen_times(store: Store, runs: int) -> tuple[list[float], list[float], list[float]]:
    """Milliseconds to open notes mode the first time, to come back to it, and to save."""
    app = SchoolnetApp(store, ask_profile=False)
    firsts: list[float] = []
    opens: list[float] = []
    saves: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        for run in range(runs):
            # The first open of each review's notes builds the screen; later ones reuse it,
            # as the review page does (it installs one notes screen per review).
            name = f"notes-{run % 3}"
            first = not app.is_screen_installed(name)
            start = time.perf_counter()
            if first:
                app.install_screen(NotesScreen(REVIEW), name)
            await app.push_screen(name)
            await pilot.pause()  # until the screen has handled its mount or resume
            (firsts if first else opens).append((time.perf_counter() - start) * 1000)
            screen = app.screen
            assert isinstance(screen, NotesScreen)
            await pilot.pause()
            editor = screen.query_one("#editor")
            editor.load_text(f"Run {run}: Year 5 pupils debated the fairest way to share.")  # type: ignore[attr-defined]
            await pilot.pause()
            start = time.perf_counter()
            screen.save()
            saves.append((time.perf_counter() - start) * 1000)
            app.pop_screen()
            await pilot.pause()
    return firsts, opens, saves


def bare_insert_ms(path: Path, runs: int) -> list[float]:
    """Milliseconds for one INSERT and commit, synchronous=FULL as the store runs."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = FULL")
    times = []
    for run in range(runs):
        now = datetime.now(UTC).isoformat()
        start = time.perf_counter()
        conn.execute(
            "INSERT INTO evidence_notes (id, created_at, updated_at, review_id, noted_at,"
            " evidence_type, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [str(uuid.uuid4()), now, now, REVIEW, now, "other", f"bare {run}"],
        )
        conn.commit()
        times.append((time.perf_counter() - start) * 1000)
    conn.close()
    return times


def main() -> int:
    """Measure and print medians, the baseline and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notes.db"
        store = Store.open(path)
        load_demo(store)
        store.save_profile(DEMO_PROFILE)
        fill(store, args.notes)
        firsts, opens, saves = asyncio.run(screen_times(store, args.runs))
        store.close()
        bare = bare_insert_ms(path, args.runs)
    first_ms, open_ms, save_ms, bare_ms = (
        statistics.median(x) for x in (firsts, opens, saves, bare)
    )
    print(f"notes on the review:           {args.notes}")
    print(f"bare INSERT + commit, median:  {bare_ms:7.1f} ms")
    print(f"first open of notes mode:      {first_ms:7.1f} ms  (builds the screen)")
    print(f"open notes mode again, median: {open_ms:7.1f} ms  (goal <= {GOAL_OPEN_MS:.0f} ms)")
    print(f"save one note, median:         {save_ms:7.1f} ms  (goal <= {GOAL_SAVE_MS:.0f} ms,"
          f" {save_ms / bare_ms:.1f}x the bare insert)")  # fmt: skip
    return 0 if max(first_ms, open_ms) <= GOAL_OPEN_MS and save_ms <= GOAL_SAVE_MS else 1


if __name__ == "__main__":
    sys.exit(main())
