"""A read-only database or a full disk met while saving: the app says so and keeps running.

The tests run as root, which ignores file permissions, so the database is opened the way
SQLite opens a file it may not write (`?mode=ro`), or kept from growing (`max_page_count`,
SQLite's own "database or disk is full").
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any, cast

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from store import Store
from tui.app import SchoolnetApp
from tui.screens.profile import ProfileScreen
from tui.screens.schools.school_form import SchoolFormScreen
from tui.screens.schools.schools import SchoolsScreen

from ..conftest import TickingClock
from .conftest import type_text

_real_connect = sqlite3.connect


def _limit(monkeypatch: pytest.MonkeyPatch, path: Path, how: str) -> None:
    def connect(target: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if str(target) != str(path):
            plain: sqlite3.Connection = _real_connect(target, *args, **kwargs)
            return plain
        if how == "read-only":
            ro = f"{path.as_uri()}?mode=ro"
            conn: sqlite3.Connection = _real_connect(ro, *args, uri=True, **kwargs)
        else:
            conn = _real_connect(target, *args, **kwargs)
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


# The full disk takes the same way to the same form (tests/store/test_storage_failures.py
# checks its sentence); one run of the app is enough.
@pytest.mark.parametrize(
    ("how", "says"),
    [("read-only", "it is read-only (the file, or the folder it is in, cannot be written)")],
)
async def test_a_save_that_cannot_be_written_is_one_sentence_and_the_app_runs_on(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str, says: str
) -> None:
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    _limit(monkeypatch, path, how)
    store = Store.open(path, clock=TickingClock())
    before = store.schools.count()
    app = SchoolnetApp(store)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, SchoolsScreen)
            await pilot.press("a")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, SchoolFormScreen)
            await type_text(cast("Pilot[object]", pilot), "Fenstanton Primary School")
            await pilot.press("ctrl+s")
            await pilot.pause()

            form = app.screen  # the form again, as it was left, with the sentence under it
            assert isinstance(form, SchoolFormScreen)
            shown = str(form.query_one("#form-error", Static).render())
            assert shown.startswith(f"Nothing was saved to the database at {path}")
            assert says in shown.replace("\n", " ")
            assert form.query_one("#name", Input).value.startswith("Fenstanton Primary School")

            await pilot.press("escape", "y")  # leave it, throwing away what was typed
            await pilot.pause()
            assert isinstance(app.screen, SchoolsScreen)  # still running, still reading

            # The profile too: the sentence is shown, and the app runs on.
            await pilot.press("u")
            await pilot.pause()
            assert isinstance(app.screen, ProfileScreen)
            await type_text(cast("Pilot[object]", pilot), " Jr")
            await pilot.press("ctrl+s")
            await pilot.pause()
            [told] = [n.message for n in app._notifications if n.severity == "error"]
            assert told.startswith("Nothing was saved to the database") and says in told
            assert app.is_running and isinstance(app.screen, SchoolsScreen)
    finally:
        store.close()
    reopened = Store.open(path)
    assert reopened.schools.count() == before
    reopened.close()
