"""A head ticks off their own actions from Home, by keyboard, and the cursor stays put."""

from __future__ import annotations

from textual.widgets import DataTable

from store.enums import ActionStatus
from tui.app import SchoolnetApp


async def test_a_head_moves_an_action_on_and_ticks_it_off_from_home(app: SchoolnetApp) -> None:
    store = app.store
    person = store.profile.person_id if store.profile else None
    assert person is not None
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one("#my-actions", DataTable)
        first, second = [a.id for a in store.dashboard.open_actions_for(person)]
        assert list(table.rows) == [first, second]
        table.focus()
        await pilot.press("space")
        await pilot.pause()
        assert store.actions.get(first).status == ActionStatus.IN_PROGRESS
        assert str(table.get_row(first)[2]) == "In progress"
        assert table.cursor_row == 0  # still on the action just changed
        await pilot.press("space")  # done: off the list, and the cursor on the next one
        await pilot.pause()
        assert store.actions.get(first).status == ActionStatus.DONE
        assert list(table.rows) == [second] and table.cursor_row == 0
        await pilot.press("d")
        await pilot.pause()
        assert store.actions.get(second).status == ActionStatus.DONE
        assert "No open actions are yours." in str(app.screen.query_one("#no-actions").render())
