"""A form opened before another window (or an import) changed its record, saved after."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from store import Store
from store.sharing import exchange
from tui.app import SchoolnetApp
from tui.screens.network.network_form import NetworkFormScreen

from ..conftest import TickingClock


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
