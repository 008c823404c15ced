"""First run: on an empty database Home says what to do first, each choice one key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static, TabbedContent

from store import Store
from store.models import UserProfile
from tui.app import SchoolnetApp
from tui.screens.home.dashboard import DashboardScreen
from tui.screens.network.network import NetworkScreen
from tui.screens.network.network_form import NetworkFormScreen
from tui.screens.network.networks import NetworksScreen
from tui.screens.schools.import_register import ImportRegisterScreen
from tui.screens.sharing.sharing import SharingScreen

from ..conftest import TickingClock
from .conftest import type_text


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    """A database with nothing in it."""
    store = Store.open(tmp_path / "empty.db", clock=TickingClock())
    yield store
    store.close()


async def test_each_first_step_is_one_key_from_an_empty_home(empty_store: Store) -> None:
    me = empty_store.sign_in(UserProfile(name="Jo Head"))  # the profile form, answered
    app = SchoolnetApp(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, DashboardScreen)
        steps = str(home.query_one("#first-run", Static).render())
        for words in ("Create a network", "GIAS file", "bundle", "schoolnet --demo"):
            assert words in steps
        assert not home.query_one("#networks").display

        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportRegisterScreen)
        await pilot.press("escape", "h", "b")
        await pilot.pause()
        assert isinstance(app.screen, SharingScreen)
        assert app.screen.query_one("#tabs", TabbedContent).active == "tab-receive"
        assert app.screen.focused is app.screen.query_one("#in", Input)

        await pilot.press("escape", "h", "n")
        await pilot.pause()
        assert isinstance(app.screen, NetworkFormScreen)
        await type_text(pilot, "Fenland Cluster")
        # Who creates a network often leads it: the user is offered as its lead.
        app.screen.query_one("#lead_id", Select).value = me.person_id or ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
        assert empty_store.networks.all()[0].lead_id == me.person_id

        await pilot.press("h")
        await pilot.pause()
        assert not home.query_one("#first-run").display
        assert home.query_one("#networks").display
        await pilot.press("n")  # with a network, n is the Networks area again
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen | NetworksScreen)
