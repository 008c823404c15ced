"""After an action reloads a page, the cursor stays on the record it was on."""

from __future__ import annotations

from textual.widgets import DataTable

from store import Store
from tui.app import SchoolnetApp

from .test_network_page import _open


async def test_a_reload_keeps_the_cursor_on_the_same_member(
    app: SchoolnetApp, demo_store: Store
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        page = await _open(pilot, "Hunts Area Primary Partnership")
        table = page.query_one("#members", DataTable)
        table.move_cursor(row=3)
        await pilot.pause()
        chosen = page.selected_key("members")
        demo_store.touch("memberships")
        app.announce_changes()  # as after any action on the page
        await pilot.pause()
        await pilot.pause()
        assert table.cursor_row == 3
        assert page.selected_key("members") == chosen
