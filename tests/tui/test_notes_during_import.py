"""Typing visit notes while `schoolnet import` merges a bundle of many notes into the same
database: no crash, no lost words, and the database passes SQLite's integrity check.

The suite imports 5,000 notes to stay quick; the issue's 50,000 run the same test:

    SCHOOLNET_IMPORT_NOTES=50000 python -m pytest -n 0 tests/tui/test_notes_during_import.py

(bench/notes_during_import.py runs exactly that and times it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from store import Store, review_visit
from store.demo.ids import review_id
from store.models import EvidenceNote
from store.schema import EVIDENCE_NOTES
from store.sharing import exchange
from tui.app import SchoolnetApp
from tui.screens.review.notes import NotesScreen

from ..conftest import FROZEN_NOW
from .conftest import type_text

NOTES = int(os.environ.get("SCHOOLNET_IMPORT_NOTES", "5000"))
REVIEW = review_id("hunts-2026-st-johns")
WORDS = "pupils in year five explained fractions to each other with real confidence".split()


@pytest.fixture(scope="session")
def notes_bundle(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A colleague's bundle of the review holding NOTES more visit notes, made once."""
    folder = tmp_path_factory.mktemp("notes-bundle")
    store = Store.open(shutil.copy(demo_template, folder / "colleague.db"))
    day = FROZEN_NOW - timedelta(days=1)
    notes = [
        EvidenceNote(
            review_id=REVIEW, noted_at=day + timedelta(seconds=n), text=f"Imported note {n}",
            created_at=day, updated_at=day,
        )
        for n in range(NOTES)
    ]  # fmt: skip
    columns = list(EVIDENCE_NOTES.columns)
    with store.db.atomic():
        store.db.conn.executemany(
            f"INSERT INTO evidence_notes ({', '.join(columns)})"
            f" VALUES ({', '.join('?' * len(columns))})",
            [[row[c] for c in columns] for row in EVIDENCE_NOTES.to_rows(notes)],
        )
    path = folder / "notes.schoolnet.json"
    exchange.export(store, path, exchange.scope_for(store, "review", REVIEW))
    store.close()
    return path


def _count(store: Store) -> int:
    return review_visit.recent_notes(store, REVIEW, limit=1)[1]


async def test_typing_notes_while_the_cli_imports_a_large_bundle_loses_nothing(
    app: SchoolnetApp, demo_store: Store, notes_bundle: Path
) -> None:
    before = _count(demo_store)
    typed: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        typist: Pilot[Any] = pilot
        screen = NotesScreen(REVIEW)
        await app.push_screen(screen)
        await pilot.pause()
        command = [sys.executable, "-m", "cli", "--db", str(demo_store.path), "import"]
        importing = subprocess.Popen(
            [*command, str(notes_bundle)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            while importing.poll() is None and len(typed) < 200:
                word = WORDS[len(typed) % len(WORDS)]
                await type_text(typist, f"{word} ")
                typed.append(f"{word} ")
                await pilot.pause(0.1)
            out, err = importing.communicate(timeout=60)
        finally:
            importing.kill()
        assert importing.returncode == 0, err.decode()
        await type_text(typist, "done")
        typed.append("done")
        for _ in range(30):  # the autosave, retried while the import held the lock
            await pilot.pause(0.2)
            if str(screen.query_one("#saved", Static).render()).startswith("Saved at"):
                break
        text = "".join(typed)
        assert screen.query_one("#editor", TextArea).text == text
    assert _count(demo_store) == before + NOTES + 1
    assert review_visit.recent_notes(demo_store, REVIEW, limit=1)[0][0].text == text
    assert demo_store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
