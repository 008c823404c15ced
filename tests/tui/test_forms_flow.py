"""Forms that hand their data to the page, and pages that reload when what they show changes.

Driven as a user would: the DfE register imported from the Schools page in a worker, a
taken URN refused with what was typed kept, and Schools showing schools added elsewhere.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, ProgressBar, Static

from store import Store
from store.membership import schools
from store.models import School
from tui.app import SchoolnetApp
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.dialogs.message import MessageScreen
from tui.screens.schools.import_register import ImportRegisterScreen
from tui.screens.schools.school_form import SchoolFormScreen
from tui.screens.schools.schools import SchoolsScreen

from .conftest import type_text

REGISTER_COLUMNS = [
    "URN", "EstablishmentName", "TypeOfEstablishment (name)", "EstablishmentStatus (name)",
    "PhaseOfEducation (name)", "Town", "LA (name)", "OfstedRating (name)", "OfstedLastInsp",
]  # fmt: skip


def _register(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """A small CSV shaped like the DfE register: (URN, name, town) per school."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=REGISTER_COLUMNS)
        writer.writeheader()
        for urn, name, town in rows:
            writer.writerow(
                {
                    "URN": urn,
                    "EstablishmentName": name,
                    "TypeOfEstablishment (name)": "Community school",
                    "EstablishmentStatus (name)": "Open",
                    "PhaseOfEducation (name)": "Primary",
                    "Town": town,
                    "LA (name)": "Cambridgeshire",
                    "OfstedRating (name)": "Good",
                    "OfstedLastInsp": "15-03-2023",
                }
            )
    return path


def _names(app: SchoolnetApp) -> list[str]:
    table = app.screen.query_one("#table", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def _count_line(app: SchoolnetApp) -> str:
    return str(app.screen.query_one("#count", Static).render())


def _selected_name(app: SchoolnetApp) -> str:
    table = app.screen.query_one("#table", DataTable)
    return str(table.get_row_at(table.cursor_row)[0])


async def _open_schools(pilot: Pilot[None]) -> SchoolsScreen:
    await pilot.press("s")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SchoolsScreen)
    return screen


async def _type_into(pilot: Pilot[None], selector: str, text: str) -> None:
    """Move to a field (as Tab would, scrolling it into view) and type into it, key by key."""
    pilot.app.screen.query_one(selector, Input).focus()
    await pilot.pause()
    await type_text(pilot, text)


# Importing the DfE register from the Schools page ------------------------------------------


async def test_importing_the_register_runs_in_a_worker_and_shows_the_schools(
    app: SchoolnetApp, tmp_path: Path
) -> None:
    store = app.store
    before = store.schools.count()
    path = _register(
        tmp_path / "edubase.csv",
        [
            ("120001", "Alder Brook Primary", "Huntingdon"),
            ("120002", "Birch Hill Infant School", "St Ives"),
            ("12x003", "Broken URN School", "Huntingdon"),
        ],
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schools(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportRegisterScreen)
        await _type_into(pilot, "#path", str(path))
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()

        # The worker's summary, row by row where a row was refused.
        dialog = app.screen
        assert isinstance(dialog, MessageScreen)
        said = str(dialog.query_one("#text", Static).render())
        assert said.startswith("Done: 2 added, 0 updated")
        assert "Row 4 refused: its URN '12x003' is not six digits" in said
        await pilot.press("enter")
        await pilot.pause()

        assert isinstance(app.screen, SchoolsScreen)
        alder, birch = store.schools.by_urn("120001"), store.schools.by_urn("120002")
        assert alder is not None and alder.name == "Alder Brook Primary"
        assert birch is not None and birch.town == "St Ives"
        assert store.schools.count() == before + 2
        names = _names(app)
        assert "Alder Brook Primary" in names and "Birch Hill Infant School" in names
        assert "Broken URN School" not in names
        assert _count_line(app).startswith(f"{before + 2} schools")
        assert not app.screen.query_one("#import-progress", ProgressBar).display


async def test_a_file_that_is_not_a_register_is_refused_in_one_sentence(
    app: SchoolnetApp, tmp_path: Path
) -> None:
    before = app.store.schools.count()
    path = tmp_path / "contacts.csv"
    path.write_text("name,town\nSomeone,Somewhere\n", encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schools(pilot)
        await pilot.press("i")
        await pilot.pause()
        await _type_into(pilot, "#path", str(path))
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MessageScreen)
        assert "not a register file" in str(dialog.query_one("#text", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.schools.count() == before
        assert len(_names(app)) == before


# A taken URN -------------------------------------------------------------------------------


async def test_a_taken_urn_is_refused_and_the_form_keeps_what_was_typed(
    app: SchoolnetApp,
) -> None:
    store = app.store
    before = store.schools.count()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schools(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SchoolFormScreen)
        await _type_into(pilot, "#name", "Fenstanton Primary School")
        await _type_into(pilot, "#urn", "900101")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.screen is form  # still open, nothing lost
        assert form.field("urn").error == "Radford Park Primary already has URN 900101."
        assert form.query_one("#name", Input).value == "Fenstanton Primary School"
        assert form.query_one("#urn", Input).value == "900101"
        assert store.schools.count() == before
        assert store.schools.search("Fenstanton") == []

        # Correcting the URN is enough: the school is saved and listed.
        urn = form.query_one("#urn", Input)
        urn.value = ""
        await _type_into(pilot, "#urn", "110999")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SchoolsScreen)
        saved = store.schools.by_urn("110999")
        assert saved is not None and saved.name == "Fenstanton Primary School"
        assert "Fenstanton Primary School" in _names(app)


async def test_a_urn_the_store_refuses_reopens_the_form_as_it_was_left(
    app: SchoolnetApp, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The URN was free when the form checked it, but not when the store wrote it."""
    # The form asks by_urn at Save; answering "free" leaves the store's own rule to refuse.
    monkeypatch.setattr(demo_store.schools, "by_urn", lambda urn: None)
    before = demo_store.schools.count()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schools(pilot)
        await pilot.press("a")
        await pilot.pause()
        first = app.screen
        await _type_into(pilot, "#name", "Fenstanton Primary School")
        await _type_into(pilot, "#urn", "900101")
        await _type_into(pilot, "#town", "Fenstanton")
        await pilot.press("ctrl+s")
        await pilot.pause()

        again = app.screen
        assert isinstance(again, SchoolFormScreen) and again is not first
        assert str(again.query_one("#form-error", Static).render()) == (
            "Another school already has urn 900101."
        )
        assert again.query_one("#name", Input).value == "Fenstanton Primary School"
        assert again.query_one("#urn", Input).value == "900101"
        assert again.query_one("#town", Input).value == "Fenstanton"
        assert demo_store.schools.count() == before

        await pilot.press("escape")  # the reopened form holds typed words: it asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SchoolsScreen)
        assert demo_store.schools.count() == before


# Coming back to Schools ----------------------------------------------------------------------


async def test_an_announced_change_reloads_schools_at_once_keeping_the_cursor(
    app: SchoolnetApp,
) -> None:
    store = app.store
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schools(pilot)
        table = app.screen.query_one("#table", DataTable)
        for _ in range(_names(app).index("Houghton Primary School")):
            await pilot.press("down")
        assert _selected_name(app) == "Houghton Primary School"
        before = table.cursor_row

        # Added by something other than this page (a worker, another screen).
        schools.add_school(store, School(name="Aardvark Academy", urn="123456"))
        app.announce_changes()
        await pilot.pause()

        assert _names(app)[0] == "Aardvark Academy"
        assert _selected_name(app) == "Houghton Primary School"
        assert table.cursor_row == before + 1


async def test_an_announced_change_made_while_away_shows_on_coming_back(
    app: SchoolnetApp,
) -> None:
    store = app.store
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schools(pilot)
        total = store.schools.count()
        await pilot.press("h")
        await pilot.pause()
        schools.add_school(store, School(name="Aardvark Academy", urn="123456"))
        app.announce_changes()
        await pilot.pause()
        await _open_schools(pilot)
        assert "Aardvark Academy" in _names(app)
        assert _count_line(app).startswith(f"{total + 1} schools")


async def test_a_change_nobody_announced_shows_on_coming_back(app: SchoolnetApp) -> None:
    """No DataChanged: the page compares the store's write counts when it comes back."""
    store = app.store
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schools(pilot)
        doomed = store.schools.by_urn("900101")
        assert doomed is not None and doomed.name in _names(app)
        await pilot.press("n")
        await pilot.pause()
        schools.add_school(store, School(name="Aardvark Academy", urn="123456"))
        renamed = store.schools.by_urn("900102")
        assert renamed is not None
        schools.update_school(store, renamed.model_copy(update={"name": "Holbrook Renamed"}))
        await pilot.pause()
        await _open_schools(pilot)
        names = _names(app)
        assert "Aardvark Academy" in names
        assert "Holbrook Renamed" in names and "Holbrook Lane Primary" not in names


async def test_a_commit_from_another_window_shows_on_coming_back(
    app: SchoolnetApp, demo_store: Store
) -> None:
    """A second connection (another window, the command line) writes the same file."""
    assert demo_store.path is not None
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schools(pilot)
        await pilot.press("h")
        await pilot.pause()
        other = Store.open(demo_store.path)
        try:
            schools.add_school(other, School(name="Aardvark Academy", urn="123456"))
        finally:
            other.close()
        await _open_schools(pilot)
        assert "Aardvark Academy" in _names(app)


async def test_coming_back_with_nothing_changed_does_not_reload(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_schools(pilot)
        loads: list[str | None] = []
        original = screen.refresh_rows

        def counting(keep: str | None = None) -> None:
            loads.append(keep)
            original(keep)

        screen.refresh_rows = counting  # type: ignore[method-assign]
        await pilot.press("h")
        await pilot.pause()
        await _open_schools(pilot)
        assert loads == []
        # A change to a table Schools does not show is no reason to reload either.
        app.store.touch("meetings")
        app.announce_changes()
        await pilot.press("h")
        await pilot.pause()
        await _open_schools(pilot)
        assert loads == []
