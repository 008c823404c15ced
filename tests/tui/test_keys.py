"""Keys that always work: coming back to a screen never leaves the cursor in a text box."""

from __future__ import annotations

import html
import importlib
import re
from pathlib import Path

from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea
from textual.widgets._footer import FooterKey

import tui.screens
from store.demo.ids import review_id
from tui.app import SchoolnetApp
from tui.areas import AREAS
from tui.screens.base import AreaScreen
from tui.screens.help import HelpScreen, help_text
from tui.screens.review.notes import NotesScreen
from tui.screens.review.review import ReviewScreen
from tui.widgets.footer import key_width


def _in_text_box(app: SchoolnetApp) -> bool:
    return isinstance(app.focused, Input | TextArea)


async def _away_and_back(pilot: Pilot[None], mode: str, key: str) -> None:
    """Leave for another area as the command palette does (from inside a text box too)."""
    app = pilot.app
    assert isinstance(app, SchoolnetApp)
    app.action_go("schools" if mode == "home" else "home")
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    assert app.current_mode == mode


async def test_every_area_comes_back_with_area_keys_working(app: SchoolnetApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        for area in AREAS:
            await pilot.press(area.key)
            await pilot.pause()
            assert app.current_mode == area.mode
            boxes = [w for w in app.screen.query("Input, TextArea") if w.focusable]
            if boxes:
                # The user moves into a text box, where letters type ...
                boxes[0].focus()
                await pilot.pause()
                await pilot.press("h", "n")
                assert app.current_mode == area.mode
                await _away_and_back(pilot, area.mode, area.key)
                assert not _in_text_box(app), f"{area.title}: {app.focused!r}"
                # ... and back out of it with escape: coming back still finds no text box.
                boxes[0].focus()
                await pilot.press("escape")
            await _away_and_back(pilot, area.mode, area.key)
            assert not _in_text_box(app), f"{area.title}: {app.focused!r}"
            assert app.focused is not None, f"{area.title}: nothing focused"
            other = AREAS[(AREAS.index(area) + 3) % len(AREAS)]
            await pilot.press(other.key)
            await pilot.pause()
            assert app.current_mode == other.mode, f"{other.key} did nothing on {area.title}"


async def test_notes_mode_types_when_opened_and_not_when_come_back_to(app: SchoolnetApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        table = app.screen.query_one("#reviews", DataTable)
        table.move_cursor(row=table.get_row_index(review_id("hunts-2026-st-johns")))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("v")
        await pilot.pause()
        notes = app.screen
        assert isinstance(notes, NotesScreen)
        assert app.focused is notes.query_one("#editor")  # v is for typing
        await _away_and_back(pilot, "reviews", "r")
        assert app.screen is notes
        assert app.focused is notes.query_one("#list")
        await pilot.press("escape")  # back to the review page; v opens notes to type again
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("v")
        await pilot.pause()
        assert app.focused is notes.query_one("#editor")
        await pilot.press("ctrl+l", "h")  # from the list an area key works
        await pilot.pause()
        assert app.current_mode == "home"


async def test_the_actions_list_leaves_area_keys_alone(app: SchoolnetApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "t")
        await pilot.pause()
        assert app.screen.sub_title == "Actions"
        await pilot.press("x")
        await pilot.pause()
        assert app.current_mode == "sharing"


async def test_help_lists_the_keys_of_the_screen_in_front_then_the_rest(app: SchoolnetApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        schools = help_text(app.screen)
        assert "This screen: Schools" in schools
        assert "Import register" in schools  # a key only Schools has
        assert schools.index("Import register") < schools.index("Everywhere")
        assert "Reviews: Peer reviews" in schools
        await pilot.press("escape", "r", "enter", "question_mark")
        await pilot.pause()
        review = help_text(app.screen)
        assert "This screen: Review of" in review
        assert "Next stage" in review and "! or f2" in review
        assert "Import register" not in review
        assert "Reviews: Peer reviews" in review


def _assert_footer_whole(app: SchoolnetApp, where: str) -> list[str]:
    """Every key in the footer is drawn whole, clear of the palette key; returns their labels."""
    keys = list(app.screen.query(FooterKey))
    palette = [key for key in keys if key.has_class("-command-palette")]
    edge = palette[0].region.x if palette else app.size.width
    for key in keys:
        label = f"{key.key_display} {key.description}"
        assert key.region.width == key_width(key), f"{where}: {label!r} is cut"
        if key not in palette:
            assert key.region.right <= edge, f"{where}: {label!r} runs under the palette key"
    return [key.description for key in keys]


async def test_the_footer_shows_whole_keys_most_important_first(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        wide = _assert_footer_whole(app, "Schools at 120")
        assert "Import register" in wide and "Networks" in wide
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        narrow = _assert_footer_whole(app, "Schools at 80")
        assert narrow[:5] == ["Search", "Add", "Edit", "Delete", "Sort"]  # the screen's own
        assert "Networks" not in narrow and "Help" in narrow  # ? lists what is left out
        await pilot.press("r", "enter")
        await pilot.pause()
        review = _assert_footer_whole(app, "a review at 80")
        assert review[:2] == ["Back", "Next stage"]
        await pilot.press("v")
        await pilot.pause()
        _assert_footer_whole(app, "notes mode at 80")
        await pilot.press("escape", "escape", "h")
        await pilot.pause()
        _assert_footer_whole(app, "Home at 80")


def _on_screen(app: SchoolnetApp) -> str:
    """The text the terminal shows now, as painted (not as the widgets hold it)."""
    painted = html.unescape(re.sub(r"<[^>]*>", "", app.export_screenshot()))
    return painted.replace("\xa0", " ")


async def test_one_press_of_next_stage_shows_the_new_stage_and_says_so(app: SchoolnetApp) -> None:
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("r")
        await pilot.pause()
        table = app.screen.query_one("#reviews", DataTable)
        table.move_cursor(row=table.get_row_index(review_id("hunts-2026-hartford-junior")))
        await pilot.press("enter", "greater_than_sign")  # at once, as a quick reviewer does
        await pilot.pause()
        shown = _on_screen(app)
        assert "Stage: Workshop." in shown
        assert "Now at the workshop stage." in shown
        await pilot.press("greater_than_sign")  # refused: the answer is on screen at once too
        await pilot.pause()
        assert "Not possible" in _on_screen(app)


def _screen_classes() -> list[type[AreaScreen]]:
    """Every area screen and page, once their modules are imported."""
    for package in ("home", "network", "schools", "meeting", "plan", "review", "sharing"):
        folder = Path(tui.screens.__file__).parent / package
        for module in folder.glob("*.py"):
            importlib.import_module(f"tui.screens.{package}.{module.stem}")
    found: list[type[AreaScreen]] = []
    todo: list[type[AreaScreen]] = [AreaScreen]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_no_screen_takes_an_area_key_for_itself() -> None:
    area_keys = {area.key for area in AREAS} | {"u", "q"}
    # Home on an empty database: n creates a network, in Networks, so n still goes there.
    allowed = {("DashboardScreen", "n")}
    taken = {
        (cls.__name__, key)
        for cls in _screen_classes()
        for binding in cls.BINDINGS
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
        if key in area_keys
    }
    assert taken <= allowed
