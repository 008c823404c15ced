"""A form opened before another window (or an import) changed its record, saved after;
a save made while an import runs in a worker."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from store import Store
from store.demo.ids import school_id
from store.membership.schools import update_school
from store.models import School
from store.sharing import exchange
from tui.app import SchoolnetApp
from tui.screens.network.network_form import NetworkFormScreen
from tui.screens.schools import schools as schools_screen
from tui.screens.schools.import_register import RegisterFile

from ..conftest import TickingClock

HOUGHTON = school_id("houghton")


async def test_a_network_form_saves_only_what_was_typed_and_logs_a_clash(
    app: SchoolnetApp, demo_store: Store
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        table = app.screen.query_one("#networks", DataTable)
        network_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NetworkFormScreen)
        shown_area = form.query_one("#area", Input).value

        # A second window on the same database saves two fields while the form is open.
        other = Store.open(demo_store.path or "", clock=TickingClock())
        network = other.networks.get(network_id)
        other.networks.update(
            network.model_copy(update={"area": "Fenland", "description": "From window two"})
        )
        other.close()

        description = form.query_one("#description", Input)
        description.value = "Typed here"
        assert form.query_one("#area", Input).value == shown_area  # the form shows the old area
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, NetworkFormScreen)

    saved = demo_store.networks.get(network_id)
    assert (saved.area, saved.description) == ("Fenland", "Typed here")
    assert [(c.field, c.kept_value, c.lost_value) for c in exchange.conflicts(demo_store)] == [
        ("description", "Typed here", "From window two")
    ]


async def test_a_save_made_during_a_register_import_that_fails_is_kept(
    app: SchoolnetApp, demo_store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The register import runs in a worker on its own connection: a save the app makes
    meanwhile waits for it, and is not rolled back when the import is refused."""
    importing = threading.Event()

    def failing_import(store: Store, path: Path, **_: object) -> None:
        with store.db.atomic():
            store.schools.add(School(name="Half-imported school"))
            importing.set()
            threading.Event().wait(0.2)  # the app saves now
            raise OSError("the file went away")

    monkeypatch.setattr(schools_screen, "import_gias", failing_import)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, schools_screen.SchoolsScreen)
        screen.run_import(RegisterFile(tmp_path / "register.csv", include_closed=False))
        assert await asyncio.to_thread(importing.wait, 5)
        update_school(demo_store, demo_store.schools.get(HOUGHTON).model_copy(
            update={"phone": "01480 123456"}))  # fmt: skip
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert demo_store.schools.get(HOUGHTON).phone == "01480 123456"
    assert demo_store.schools.count(name="Half-imported school") == 0
