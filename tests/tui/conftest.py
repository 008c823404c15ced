"""Fixtures for driving the app: a demo database in tmp_path, frozen in time, cursors still."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual import constants, events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from store import Store
from store.demo.builder import DEMO_PROFILE, load_demo
from tui import opener
from tui.app import SchoolnetApp
from tui.screens.review import notes

from ..conftest import TickingClock

# Visit notes save this long after typing stops in tests (0.5 s in use): long enough that
# a burst of typed keys is saved once, short enough not to wait for.
QUICK_AUTOSAVE = 0.2


@pytest.fixture(autouse=True)
def still_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cursors do not blink, so a snapshot never catches one half way through a blink."""
    # Set the reactive's default rather than each widget: snap_compare builds its own app.
    for widget in (Input, TextArea):
        monkeypatch.setattr(widget.cursor_blink, "_default", False)


@pytest.fixture(autouse=True)
def no_mail_program(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """No test starts a mail program: the drafts it would have opened are listed instead."""
    opened: list[Path] = []

    def record(path: Path) -> bool:
        opened.append(path)
        return False

    monkeypatch.setattr(opener, "open_with_system", record)
    return opened


@pytest.fixture(autouse=True)
def no_animations(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing animates: a tab's underline or a scroll would paint a dozen frames that no
    test looks at, about a tenth of the suite's time. The screens they end on are the same."""
    monkeypatch.setattr(constants, "TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(autouse=True)
def quick_autosave(monkeypatch: pytest.MonkeyPatch) -> float:
    """Visit notes save moments after typing stops, so tests wait for it without sleeping."""
    monkeypatch.setattr(notes, "SAVE_AFTER_PAUSE", QUICK_AUTOSAVE)
    return QUICK_AUTOSAVE


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type text as a quick typist does: the keys arrive together, then the app catches up.

    `pilot.press(*text)` waits for the app to fall idle after every key (about 0.1 s each),
    which is most of a typing test's time and more than any typist leaves.
    """
    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        pilot.app.post_message(events.Key(key, char))
    await pilot.pause()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, made once per test run and copied by each test."""
    path = tmp_path_factory.mktemp("template") / "demo.db"
    store = Store.open(path, clock=TickingClock())
    load_demo(store)
    store.save_profile(DEMO_PROFILE)
    store.close()
    return path


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    """A file database holding the demo data, signed in as the demo head."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    store = Store.open(path, clock=TickingClock())
    yield store
    store.close()


@pytest.fixture
def app(demo_store: Store) -> SchoolnetApp:
    """The app on the demo database."""
    return SchoolnetApp(demo_store)
