"""A review's page corrected as a lead reviewer would: a checklist step unticked and back-dated,
a visit note read and deleted, a workshop action moved on, and a locked review that refuses
before anything is typed."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Select, Static, TextArea

from store.demo.ids import review_id
from store.enums import ActionStatus
from tui.app import SchoolnetApp
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.dialogs.date_form import DateScreen
from tui.screens.dialogs.message import MessageScreen
from tui.screens.review.notes import NotesScreen
from tui.screens.review.review import ReviewScreen

from .conftest import type_text

WORKSHOP = review_id("hunts-2026-st-johns")  # visit from 11 Nov 2026; tests' today 23 Nov


async def _type(pilot: Pilot[Any], text: str) -> None:
    await type_text(pilot, text)


async def _open(pilot: Pilot[None], rid: str) -> ReviewScreen:
    page = ReviewScreen(rid)
    await pilot.app.push_screen(page)
    await pilot.pause()
    return page


def _cursor_to(page: ReviewScreen, table_id: str, key: str) -> DataTable[object]:
    table = page.query_one(f"#{table_id}", DataTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(key))
    return table


async def test_a_step_is_ticked_back_dated_and_unticked(app: SchoolnetApp) -> None:
    store = app.store
    async with app.run_test(size=(120, 40)) as pilot:
        page = await _open(pilot, WORKSHOP)
        table = _cursor_to(page, "checklist", "workshop_held")
        await pilot.press("enter")  # done today
        await pilot.pause()
        assert store.peer_reviews.get(WORKSHOP).checklist["workshop_held"] == date(2026, 11, 23)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, DateScreen)
        await pilot.press("ctrl+u")
        await _type(pilot, "10/11/2026")  # before the visit: refused, the form stays
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DateScreen)
        error = str(app.screen.query_one("#form-error", Static).render())
        assert "The workshop follows the visit, which starts on 11 Nov 2026" in error
        await pilot.press("ctrl+u")
        await _type(pilot, "18/11/2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is page
        assert store.peer_reviews.get(WORKSHOP).checklist["workshop_held"] == date(2026, 11, 18)
        assert str(table.get_row(("workshop_held"))[2]) == "18 Nov 2026"
        await pilot.press("delete")
        await pilot.pause()
        assert "workshop_held" not in store.peer_reviews.get(WORKSHOP).checklist
        assert page.selected_key("checklist") == "workshop_held"  # the cursor stays on its row


async def test_a_note_is_read_in_the_notes_tab_and_deleted_after_asking(
    app: SchoolnetApp,
) -> None:
    store = app.store
    async with app.run_test(size=(120, 40)) as pilot:
        page = await _open(pilot, WORKSHOP)
        page.show_tab("tab-notes")
        await pilot.pause()
        table = page.query_one("#notes", DataTable)
        assert table.row_count == 10
        table.focus()
        await pilot.press("down")
        await pilot.pause()
        note = store.evidence_notes.get(str(page.selected_key("notes")))
        assert note.text in str(page.query_one("#note-text", Static).render())
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # thought better of it
        await pilot.pause()
        assert store.evidence_notes.find(note.id) is not None
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert store.evidence_notes.find(note.id) is None
        assert table.row_count == 9


async def test_space_moves_a_workshop_action_on(app: SchoolnetApp) -> None:
    store = app.store
    async with app.run_test(size=(120, 40)) as pilot:
        page = await _open(pilot, WORKSHOP)
        page.show_tab("tab-workshop")
        await pilot.pause()
        [action, *_] = store.actions.where(review_id=WORKSHOP, order_by="due_on")
        _cursor_to(page, "actions", action.id)
        before = action.status
        await pilot.press("space")
        await pilot.pause()
        after = store.actions.get(action.id).status
        assert after != before
        assert after in (ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.OPEN)


async def test_a_locked_review_refuses_before_a_form_opens(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        page = await _open(pilot, review_id("hunts-2026-abbots-ripton"))
        for key in ("e", "f", "plus", "v"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, MessageScreen), key
            assert "locked: record a change as a dated amendment" in app.screen.message
            await pilot.press("escape")
            await pilot.pause()
            assert pilot.app.screen is page


async def test_notes_start_in_the_focus_area_last_used(app: SchoolnetApp) -> None:
    from store import review_visit

    store = app.store
    rid = review_id("hunts-2026-hartford-junior")
    areas = store.peer_reviews.get(rid).focus_areas
    review_visit.new_note(store, rid, text="From the pre-meet", focus_area=areas[2])
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, rid)
        await pilot.press("v")
        await pilot.pause()
        notes = app.screen
        assert isinstance(notes, NotesScreen)
        assert notes.query_one("#focus", Select).value == areas[2]
        await _type(pilot, "Year 2 phonics")
        await pilot.press("ctrl+n")  # saved; the next note keeps the area
        await pilot.pause()
        assert notes.query_one("#focus", Select).value == areas[2]
        assert notes.query_one("#editor", TextArea).text == ""
        assert any(n.text == "Year 2 phonics" and n.focus_area == areas[2]
                   for n in review_visit.notes(store, rid))  # fmt: skip
