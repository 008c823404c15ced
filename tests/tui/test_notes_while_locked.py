"""Visit notes keep every word while another window or an import holds the write lock."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from store import Store, review_visit
from store.demo.ids import demo_id, review_id
from store.meetings import agenda
from tui.app import SchoolnetApp
from tui.screens.meeting import meeting_page
from tui.screens.meeting.meeting import MeetingScreen
from tui.screens.review import notes
from tui.screens.review.notes import NotesScreen

from .conftest import QUICK_AUTOSAVE, type_text

REVIEW = review_id("hunts-2026-st-johns")
WORDS = "Pupils explained their reasoning"


def _texts(store: Store) -> list[str]:
    found, _ = review_visit.recent_notes(store, REVIEW, limit=500)
    return [note.text for note in found]


async def test_an_autosave_under_a_held_write_lock_says_saving_and_saves_once_released(
    app: SchoolnetApp, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notes, "BUSY_WAIT", 0.02)
    monkeypatch.setattr(notes, "RETRY_AFTER", 0.1)
    with closing(sqlite3.connect(demo_store.path or "", check_same_thread=False)) as other:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = NotesScreen(REVIEW)
            await app.push_screen(screen)
            await pilot.pause()
            other.execute("BEGIN IMMEDIATE")  # another window starts a long write
            typist: Pilot[Any] = pilot
            await type_text(typist, WORDS)
            await pilot.pause(QUICK_AUTOSAVE + 0.1)
            status = str(screen.query_one("#saved", Static).render())
            assert status.lower().startswith("saving…")
            await pilot.press("ctrl+n")  # a new note is refused until this one is saved
            await pilot.pause()
            assert screen.query_one("#editor", TextArea).text == WORDS
            assert WORDS not in _texts(demo_store)

            other.rollback()  # the other window is done
            await pilot.pause(0.3)
            assert str(screen.query_one("#saved", Static).render()).startswith("Saved at")
            assert screen.query_one("#editor", TextArea).text == WORDS
            assert _texts(demo_store).count(WORDS) == 1
    check = demo_store.db.execute("PRAGMA integrity_check").fetchone()[0]
    assert check == "ok"


async def test_meeting_notes_under_a_held_write_lock_say_saving_and_save_once_released(
    app: SchoolnetApp, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(meeting_page, "SAVE_AFTER_PAUSE", 0.05)
    monkeypatch.setattr(meeting_page, "BUSY_WAIT", 0.02)
    monkeypatch.setattr(meeting_page, "RETRY_AFTER", 0.1)
    meeting = demo_id("meeting", "cov-north", "2027-01-21")
    item = agenda.items(demo_store, meeting)[0]
    with closing(sqlite3.connect(demo_store.path or "", check_same_thread=False)) as other:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = MeetingScreen(meeting)
            await app.push_screen(screen)
            screen.show_tab("tab-notes")
            await pilot.pause()
            editor = screen.query_one("#note-editor", TextArea)
            editor.focus()
            other.execute("BEGIN IMMEDIATE")
            typist: Pilot[Any] = pilot
            await type_text(typist, WORDS)
            await pilot.pause(0.2)
            assert str(screen.query_one("#note-saved", Static).render()) == "Saving…"
            await pilot.press("escape")  # leaving the box waits for the save
            await pilot.pause()
            assert editor.text == WORDS
            assert demo_store.agenda_items.get(item.id).notes != WORDS

            other.rollback()
            await pilot.pause(0.3)
            assert str(screen.query_one("#note-saved", Static).render()).startswith("Saved at")
    assert demo_store.agenda_items.get(item.id).notes == WORDS
