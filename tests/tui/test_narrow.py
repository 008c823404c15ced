"""Usable at 80x24: notes mode gives the note the width; every field of a long form is reachable."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, TextArea

from store.demo.ids import review_id
from tui.app import SchoolnetApp
from tui.screens.dialogs.form import FormScreen
from tui.screens.review.notes import NotesScreen


def _focused(app: SchoolnetApp) -> Widget | None:
    return app.focused


async def _notes_mode(app: SchoolnetApp, pilot: Pilot[None]) -> NotesScreen:
    await pilot.press("r")
    await pilot.pause()
    table = app.screen.query_one("#reviews", DataTable)
    table.move_cursor(row=table.get_row_index(review_id("hunts-2026-st-johns")))
    await pilot.press("enter", "v")
    await pilot.pause()
    assert isinstance(app.screen, NotesScreen)
    return app.screen


async def test_notes_mode_at_80x24_writes_across_the_screen_with_the_list_behind_ctrl_l(
    app: SchoolnetApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        notes = await _notes_mode(app, pilot)
        editor = notes.query_one("#editor", TextArea)
        listing = notes.query_one("#list", DataTable)
        assert _focused(app) is editor
        assert editor.region.width >= 70  # most of the 80 columns
        assert not listing.region  # the list is not on screen
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert _focused(app) is listing
        assert listing.region.width >= 70 and not editor.region
        await pilot.press("enter")  # the note under the cursor opens, to edit
        await pilot.pause()
        assert _focused(app) is editor and editor.text and editor.region.width >= 70
        await pilot.press("ctrl+l", "ctrl+l")  # there and back
        await pilot.pause()
        assert _focused(app) is editor and not listing.region


@pytest.mark.parametrize(
    ("keys", "last"),
    [
        (("r", "enter", "exclamation_mark"), "follow_up"),  # the concern form
        (("n", "a"), "coordinator_id"),  # creating a network
    ],
    ids=["concern", "network"],
)
async def test_every_field_of_a_long_form_comes_into_view_at_80x24(
    app: SchoolnetApp, keys: tuple[str, ...], last: str
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        seen = set()
        for _ in range(len(form.focus_chain)):
            focused = _focused(app)
            assert focused is not None
            seen.add(focused.id)
            assert form.region.contains_region(focused.region), (focused.id, focused.region)
            await pilot.press("tab")
            await pilot.pause()
        assert {last, "save", "cancel"} <= seen
