"""Names that look like markup are shown as typed on every screen, and never run as links."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.text import Text
from textual.widgets import DataTable, Input, Select, TabbedContent
from textual.widgets._data_table import default_cell_formatter

from store import Store
from store.demo.ids import head_id, network_id, review_id, school_id
from store.membership import networks
from store.models import Network, Person, School
from tui.app import SchoolnetApp
from tui.screens.network.network import NetworkScreen
from tui.screens.review.concerns import ConcernsScreen
from tui.screens.review.notes import NotesScreen
from tui.screens.review.review import ReviewScreen

NETWORK = "Hunts [@click=app.quit]go[/] x[/]"
SCHOOL = "St John's x[/]"
PERSON = "[bold red]Head[/] x[/]"
FOCUS = "[@click=app.quit]Reading[/] x[/]"
NEW_NETWORK = "[bold red]New[/] x[/]"
NEW_SCHOOL = "[@click=app.quit]"
NEW_PERSON = "x[/]"


def _rename(store: Store) -> None:
    """The demo's Hunts network, one of its schools, a head and a review, named like markup."""
    nets, schools, people, reviews = (
        store.networks,
        store.schools,
        store.people,
        store.peer_reviews,
    )
    nets.update(nets.get(network_id("hunts")).model_copy(update={"name": NETWORK}))
    schools.update(schools.get(school_id("st-johns")).model_copy(update={"name": SCHOOL}))
    people.update(people.get(head_id("st-johns")).model_copy(update={"name": PERSON}))
    review = reviews.get(review_id("hunts-2026-st-johns"))
    reviews.update(review.model_copy(update={"focus_areas": [FOCUS, *review.focus_areas]}))
    networks.create_network(store, Network(name=NEW_NETWORK))
    store.schools.add(School(name=NEW_SCHOOL))
    networks.add_person(store, Person(name=NEW_PERSON))


def _shown(app: SchoolnetApp) -> str:
    """The text on the screen now, as a user reads it."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


def _options(app: SchoolnetApp) -> list[str]:
    """Every option label of every Select on the screen."""
    return [
        str(prompt)
        for select in app.screen.query(Select)
        for prompt, _ in select._options  # noqa: SLF001 - the labels as Textual holds them
    ]


def _as_shown(cell: object) -> str:
    """A cell's text as DataTable renders it (a str cell is read as markup)."""
    shown = default_cell_formatter(cell)
    return shown.plain if isinstance(shown, Text) else str(shown)


def _cells(app: SchoolnetApp) -> list[str]:
    """Every cell of every table on the screen, as the table shows it."""
    return [
        _as_shown(cell)
        for table in app.screen.query(DataTable)
        for row in range(table.row_count)
        for cell in table.get_row_at(row)
    ]


async def _still_running(pilot, app: SchoolnetApp) -> str:
    await pilot.pause()
    assert app.is_running and app.return_code is None, "the app quit"
    return _shown(app)


async def _tabs(pilot, app: SchoolnetApp) -> str:
    """Visit each tab of the page's TabbedContent and return all the text seen."""
    seen = [_shown(app)]
    tabs = app.screen.query_one(TabbedContent)
    for pane in tabs.query("TabPane"):
        assert pane.id
        tabs.active = pane.id
        seen.append(await _still_running(pilot, app))
        seen.extend(_cells(app))
    return "\n".join(seen)


async def _walk(pilot, app: SchoolnetApp, keys: tuple[str, ...]) -> str:
    """Press each area's key, open each of its choosers, and return all the text seen."""
    seen: list[str] = []
    for key in keys:
        await pilot.press(key)
        seen.append(await _still_running(pilot, app))
        seen.extend(_cells(app))
        seen.extend(_options(app))
        # Open every chooser: its list renders each option's label.
        for select in app.screen.query(Select):
            select.expanded = True
            seen.append(await _still_running(pilot, app))
            select.expanded = False
        if key in ("u", "question_mark"):
            await pilot.press("escape")
            await _still_running(pilot, app)
    return "\n".join(seen)


async def test_meetings_and_plans_show_markup_like_names_as_typed(demo_store: Store) -> None:
    _rename(demo_store)
    app = SchoolnetApp(demo_store)
    async with app.run_test(size=(160, 50)) as pilot:
        text = await _walk(pilot, app, ("m", "p"))
        assert NETWORK in text
    assert app.return_code in (None, 0)


async def test_every_screen_shows_markup_like_names_as_typed(demo_store: Store) -> None:
    _rename(demo_store)
    app = SchoolnetApp(demo_store)
    async with app.run_test(size=(160, 50)) as pilot:
        keys = ("h", "n", "s", "r", "x", "u", "question_mark")
        text = await _walk(pilot, app, keys)
        for name in (NETWORK, SCHOOL, NEW_NETWORK, NEW_SCHOOL):
            assert name in text, name

        # The network's page and each of its tabs.
        await pilot.press("n")
        await pilot.pause()
        table = app.screen.query_one("#networks", DataTable)
        table.move_cursor(row=table.get_row_index(network_id("hunts")))
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
        text = await _tabs(pilot, app)
        assert NETWORK in text and SCHOOL in text and PERSON in text

        # The review's page, its tabs, notes mode and concerns.
        await pilot.press("r")
        await pilot.pause()
        table = app.screen.query_one("#reviews", DataTable)
        table.move_cursor(row=table.get_row_index(review_id("hunts-2026-st-johns")))
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        text = await _tabs(pilot, app)
        assert SCHOOL in text and FOCUS in text
        await pilot.press("v")
        text = await _still_running(pilot, app)
        assert isinstance(app.screen, NotesScreen)
        for select in app.screen.query(Select):
            select.expanded = True
            text += await _still_running(pilot, app)
            select.expanded = False
        assert FOCUS in text + "\n".join(_options(app))
        await pilot.press("escape")
        await _still_running(pilot, app)
        await pilot.press("c")
        await _still_running(pilot, app)
        assert isinstance(app.screen, ConcernsScreen)
        await pilot.press("escape")
        await _still_running(pilot, app)

        # Sharing's choosers offer each network, school and review by name.
        await pilot.press("x")
        await pilot.pause()
        kind = app.screen.query_one("#kind", Select)
        expected = {"network": NETWORK, "review": SCHOOL}
        for value, name in expected.items():
            kind.value = value
            await _still_running(pilot, app)
            item = app.screen.query_one("#item", Select)
            item.expanded = True
            await _still_running(pilot, app)
            item.expanded = False
            assert name in "\n".join(_options(app)), value

        # The profile form's school chooser lists the schools found by name.
        await pilot.press("h", "u")
        await _still_running(pilot, app)
        app.screen.query_one("#school-search", Input).value = "click=app"
        text = await _still_running(pilot, app)
        assert NEW_SCHOOL in text
    assert app.return_code in (None, 0)


@pytest.mark.parametrize("name", ["x[/]", "[bold red]x[/]", "[@click=app.quit]"])
def test_select_labels_are_text_not_markup(name: str) -> None:
    from tui.formatting import options

    [(label, value)] = options([(name, "id")])
    assert str(label) == name and value == "id"
