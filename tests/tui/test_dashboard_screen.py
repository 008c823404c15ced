"""The home dashboard shows real figures from the store, and text as data."""

from __future__ import annotations

from textual.widgets import DataTable

from store import Store
from store.demo.ids import network_id
from store.models import Network
from tui.app import SchoolnetApp


def _rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_dashboard_lists_every_network_with_its_figures(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        rows = {row[0]: row for row in _rows(app.screen.query_one("#networks", DataTable))}
        assert len(rows) == 7  # six networks and the improvement board
        hunts = rows["Hunts Area Primary Partnership"]
        open_actions = sum(
            app.store.actions.count(network_id=network_id("hunts"), status=status)
            for status in ("open", "in_progress")
        )
        assert open_actions > 0
        assert hunts[1:] == ["Cluster", "8", "20 Jan 2027", str(open_actions), "4", "✓"]
        assert rows["Coventry North Primary Network"][-1] == "⚠ 3"


async def test_dashboard_shows_my_open_actions(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#my-actions", DataTable)
        person = app.store.profile.person_id
        assert table.row_count == len(app.store.dashboard.open_actions_for(person)) > 0
        assert table.display


async def test_markup_in_a_network_name_is_shown_literally(demo_store: Store) -> None:
    hunts = demo_store.networks.get(network_id("hunts"))
    demo_store.networks.update(
        hunts.model_copy(update={"name": "[bold red]x[/] [link=https://example.org]y[/link]"})
    )
    demo_store.networks.add(Network(name="[/]"))
    app = SchoolnetApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        names = [row[0] for row in _rows(app.screen.query_one("#networks", DataTable))]
        assert "[bold red]x[/] [link=https://example.org]y[/link]" in names
        assert "[/]" in names


async def test_dashboard_refreshes_when_coming_back(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.store.networks.add(Network(name="Zeta Network"))
        await pilot.press("h")
        await pilot.pause()
        assert app.screen.query_one("#networks", DataTable).row_count == 8
