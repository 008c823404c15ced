"""A head on an empty database creates a network, then changes it, by keyboard only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from store import Store
from tui.app import SchoolnetApp
from tui.screens.network.network import NetworkScreen
from tui.screens.network.network_form import NetworkFormScreen
from tui.screens.network.networks import NetworksScreen

from ..conftest import TickingClock
from .conftest import type_text


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    """A database with nothing in it, as on a head's first day."""
    store = Store.open(tmp_path / "empty.db", clock=TickingClock())
    yield store
    store.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_create_a_network_on_an_empty_database_then_edit_it(
    empty_store: Store, size: tuple[int, int]
) -> None:
    app = SchoolnetApp(empty_store, ask_profile=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n", "a")
        await pilot.pause()
        assert isinstance(app.screen, NetworkFormScreen)
        await type_text(pilot, "Fenland Cluster")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Fenland")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
        [network] = empty_store.networks.all()
        assert (network.name, network.area, network.review_target) == (
            "Fenland Cluster",
            "Fenland",
            None,  # no target is imposed on a network that has not set one
        )

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, NetworksScreen)
        assert app.screen.query_one("#networks", DataTable).row_count == 1
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NetworkFormScreen)
        form.query_one("#review_target", Input).value = "6"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert empty_store.networks.get(network.id).review_target == 6


async def test_a_second_network_of_the_same_name_is_refused_and_kept(empty_store: Store) -> None:
    app = SchoolnetApp(empty_store, ask_profile=False)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(2):
            await pilot.press("n", "a")
            await pilot.pause()
            await type_text(pilot, "Fenland Cluster")
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.pause()
            if isinstance(app.screen, NetworkScreen):
                await pilot.press("escape")
                await pilot.pause()
        form = app.screen
        assert isinstance(form, NetworkFormScreen)
        assert form.query_one("#name", Input).value == "Fenland Cluster"
        error = str(form.query_one("#form-error", Static).render())
        assert error == "There is already a network called Fenland Cluster."
        assert empty_store.networks.count() == 1
