"""The peer-review area driven as a lead reviewer would, from set-up to the outcomes document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Checkbox, DataTable, Input, Select, Static, TextArea

from store import Store, reviews
from store.demo.builder import DEMO_PROFILE
from store.demo.ids import head_id, review_id, school_id
from store.enums import ReviewStage
from tui.app import SchoolnetApp
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.dialogs.export_path import ExportPathScreen
from tui.screens.review.concern_form import ConcernFormScreen
from tui.screens.review.concerns import ConcernsScreen
from tui.screens.review.notes import NotesScreen
from tui.screens.review.review import ReviewScreen
from tui.screens.review.review_forms import ActionScreen, ReviewSetupScreen, TeamMemberScreen
from tui.screens.review.reviews import ReviewsScreen

from ..conftest import TickingClock
from .conftest import QUICK_AUTOSAVE, type_text


async def _pause_typing(pilot) -> None:
    """Stop typing for longer than the (shortened) autosave pause, so the note is saved."""
    # The save timer started at the last key, before this pause: asyncio wakes it first.
    await pilot.pause(QUICK_AUTOSAVE * 1.5)


async def _open_review(pilot, key: str) -> ReviewScreen:
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReviewsScreen)
    table = screen.query_one("#reviews", DataTable)
    table.move_cursor(row=table.get_row_index(review_id(key)))
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReviewScreen)
    return pilot.app.screen


def _rendered(screen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query(Static))


async def test_reviews_list_shows_progress_against_the_target(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        progress = str(app.screen.query_one("#progress", Static).render())
        assert progress.startswith("1 of 8 reviews done in 2026/27")


async def test_set_up_a_review_with_a_team_refusing_an_own_school_reviewer(
    app: SchoolnetApp,
) -> None:
    store = app.store
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ReviewSetupScreen)
        form.query_one("#host", Select).value = school_id("houghton")
        form.query_one("#starts_on", Input).value = "10/03/2027"
        form.query_one("#focus", TextArea).load_text("To what extent is writing taught well?")
        form.query_one("#lead", Select).value = head_id("houghton")
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = app.screen  # opened again as the user left it, with the store's sentence
        assert isinstance(form, ReviewSetupScreen)
        assert form.query_one("#starts_on", Input).value == "10/03/2027"
        assert "works at Houghton Primary School, the host school" in str(
            form.query_one("#form-error", Static).render()
        )
        form.query_one("#lead", Select).value = head_id("wyton")
        await pilot.press("ctrl+s")
        await pilot.pause()
        page = app.screen
        assert isinstance(page, ReviewScreen)
        review = store.peer_reviews.get(page.review_id)
        assert (review.academic_year, review.lead_reviewer_id) == ("2026/27", head_id("wyton"))

        page.show_tab("tab-team")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        team = app.screen
        assert isinstance(team, TeamMemberScreen)
        team.query_one("#person", Select).value = head_id("houghton")
        await pilot.press("ctrl+s")
        await pilot.pause()
        team = app.screen
        assert isinstance(team, TeamMemberScreen)
        assert "a reviewer never reviews their own school" in str(
            team.query_one("#form-error", Static).render()
        )
        team.query_one("#person", Select).value = head_id("st-annes")
        team.query_one("#dbs", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is page
        assert page.query_one("#team", DataTable).row_count == 2


async def test_walk_a_review_through_every_stage(app: SchoolnetApp) -> None:
    store = app.store
    rid = review_id("hunts-2026-st-annes")  # planned
    # Its visit moved to today (23 Nov 2026), so every step can be ticked today in order.
    planned = store.peer_reviews.get(rid)
    store.peer_reviews.update(planned.model_copy(update={"starts_on": date(2026, 11, 23)}))
    async with app.run_test(size=(120, 50)) as pilot:
        page = await _open_review(pilot, "hunts-2026-st-annes")
        checklist = page.query_one("#checklist", DataTable)
        checklist.focus()

        async def tick(key: str) -> None:
            checklist.move_cursor(row=checklist.get_row_index(key))
            await pilot.press("enter")
            await pilot.pause()

        await pilot.press("greater_than_sign")  # refused: the SCR letter is not sent
        await pilot.pause()
        assert store.peer_reviews.get(rid).stage == ReviewStage.PLANNED
        await pilot.press("enter")  # closes the refusal dialog
        await pilot.pause()
        for key in ("scr_letter_sent", "concerns_protocol_shared"):
            await tick(key)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert store.peer_reviews.get(rid).stage == ReviewStage.PRE_MEET
        for key in ("timetable_shared", "pre_meet_held"):
            await tick(key)
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        assert store.peer_reviews.get(rid).stage == ReviewStage.WORKSHOP
        await tick("workshop_held")
        await pilot.press("g", "y")  # refused: no focus area has its outcomes written yet
        await pilot.pause()
        assert "Write the outcomes of every focus area first" in app.screen.message  # type: ignore[attr-defined]
        await pilot.press("enter")
        for area in reviews.draft_outcomes(store, rid):
            reviews.save_outcome_area(store, area.model_copy(update={"went_well": "Clear"}))
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        review = store.peer_reviews.get(rid)
        assert review.stage == ReviewStage.OUTCOMES_AGREED and review.locked_on is not None
        assert "Done: outcomes agreed" in str(page.query_one("#stage-line", Static).render())


async def test_notes_typed_in_notes_mode_survive_a_restart(demo_store: Store) -> None:
    rid = review_id("hunts-2026-hartford-junior")
    app = SchoolnetApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_review(pilot, "hunts-2026-hartford-junior")
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        await type_text(pilot, "Year 4 maths: strong reasoning")
        await _pause_typing(pilot)  # the reviewer pauses; no save key is pressed
        await pilot.press("ctrl+n")
        await type_text(pilot, "Pupil voice: likes the library")
        await _pause_typing(pilot)
    path = demo_store.path
    demo_store.close()
    reopened = Store.open(path, clock=TickingClock())
    again = SchoolnetApp(reopened)
    async with again.run_test(size=(120, 40)) as pilot:
        await _open_review(pilot, "hunts-2026-hartford-junior")
        await pilot.press("v")
        await pilot.pause()
        table = again.screen.query_one("#list", DataTable)
        texts = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert texts == ["Pupil voice: likes the library", "Year 4 maths: strong reasoning"]
    assert [n.text for n in reopened.evidence_notes.where(review_id=rid, order_by="noted_at")] == [
        "Year 4 maths: strong reasoning",
        "Pupil voice: likes the library",
    ]
    reopened.close()


async def test_notes_can_be_filtered_and_edited_later(app: SchoolnetApp) -> None:
    rid = review_id("hunts-2026-st-johns")
    store = app.store
    focus = store.peer_reviews.get(rid).focus_areas[1]
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_review(pilot, "hunts-2026-st-johns")
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#filter", Select).value = focus
        await pilot.pause()
        table = screen.query_one("#list", DataTable)
        assert table.row_count == 3
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        # Opening a note is not typing it: the screen says which note, and saves nothing.
        opened = screen.query_one("#editor", TextArea).text
        [before] = [n for n in store.evidence_notes.where(review_id=rid) if n.text == opened]
        await _pause_typing(pilot)
        assert str(screen.query_one("#saved", Static).render()).startswith("Editing the note")
        assert store.evidence_notes.get(before.id).updated_at == before.updated_at
        await type_text(pilot, " (checked with SENDCo)")
        await _pause_typing(pilot)
        edited = [
            n
            for n in store.evidence_notes.where(review_id=rid)
            if n.text.endswith("(checked with SENDCo)")
        ]
        assert len(edited) == 1 and edited[0].focus_area == focus


async def test_a_concern_is_on_the_concerns_screen_and_nowhere_else(
    app: SchoolnetApp, tmp_path: Path
) -> None:
    store = app.store
    rid = review_id("hunts-2026-hartford-junior")
    async with app.run_test(size=(120, 50)) as pilot:
        page = await _open_review(pilot, "hunts-2026-hartford-junior")
        await pilot.press("exclamation_mark")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ConcernFormScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.field("facts").error == "Write what you saw and heard."
        form.query_one("#about", Select).value = "staff"
        await pilot.pause()
        assert "the head teacher of the host school" in str(
            form.query_one("#pass-to", Static).render()
        )
        form.query_one("#facts", TextArea).load_text(
            'A pupil said: "Miss Grey locks us in the cupboard."'
        )
        form.query_one("#time", Input).value = "10:40"
        form.query_one("#place", Input).value = "Year 3 corridor"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is page
        assert store.concerns.count(review_id=rid) == 1
        for tab in ("tab-overview", "tab-notes", "tab-workshop", "tab-outcomes"):
            page.show_tab(tab)
            await pilot.pause()
            assert "cupboard" not in _rendered(page)
        await pilot.press("c")
        await pilot.pause()
        concerns = app.screen
        assert isinstance(concerns, ConcernsScreen)
        assert "cupboard" in str(concerns.query_one("#detail", Static).render())
        assert "Confidential" in str(concerns.query_one("#confidential", Static).render())
        await pilot.press("escape", "v")
        await pilot.pause()
        notes = app.screen.query_one("#list", DataTable)
        assert all("cupboard" not in str(notes.get_row_at(i)[2]) for i in range(notes.row_count))
        await pilot.press("escape", "o")
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportPathScreen)
        target = tmp_path / "outcomes.html"
        export.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "cupboard" not in target.read_text() and "Year 3 corridor" not in target.read_text()


async def test_workshop_actions_join_the_action_list(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 50)) as pilot:
        page = await _open_review(pilot, "hunts-2026-st-johns")
        page.show_tab("tab-workshop")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionScreen)
        form.query_one("#description", Input).value = "Share the phonics tracker with the cluster"
        form.query_one("#owner", Select).value = DEMO_PROFILE.person_id
        form.query_one("#due_on", Input).value = "31 Jan 2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        actions = page.query_one("#actions", DataTable)
        assert "Share the phonics tracker with the cluster" in [
            str(actions.get_row_at(i)[0]) for i in range(actions.row_count)
        ]
        await pilot.press("h")
        await pilot.pause()
        mine = app.screen.query_one("#my-actions", DataTable)
        assert "Share the phonics tracker with the cluster" in [
            str(mine.get_row_at(i)[1]) for i in range(mine.row_count)
        ]


async def test_produce_the_outcomes_document(app: SchoolnetApp, tmp_path: Path) -> None:
    async with app.run_test(size=(120, 50)) as pilot:
        page = await _open_review(pilot, "hunts-2026-st-johns")
        page.show_tab("tab-outcomes")
        await pilot.pause()
        assert page.query_one("#areas", DataTable).row_count == 3
        await pilot.press("o")
        await pilot.pause()
        target = tmp_path / "st-johns.md"
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
    text = target.read_text()
    assert text.startswith("# Peer review outcomes: St John's CE Primary School")
    assert "## Strengths" in text and "shouting" not in text


async def test_pre_meet_and_findings_are_edited_until_the_review_is_locked(
    app: SchoolnetApp,
) -> None:
    from tui.screens.review.review_forms import TextFieldsScreen

    store = app.store
    async with app.run_test(size=(120, 50)) as pilot:
        page = await _open_review(pilot, "hunts-2026-wyton")
        page.show_tab("tab-timetable")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, TextFieldsScreen)
        form.query_one("#premeet_logistics", TextArea).load_text(
            "Park at the village hall; start 08:30"
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.peer_reviews.get(review_id("hunts-2026-wyton")).premeet_logistics.startswith(
            "Park"
        )
        assert "Park at the village hall" in str(page.query_one("#premeet", Static).render())

        await pilot.press("escape")
        await pilot.pause()
        locked = await _open_review(pilot, "hunts-2026-abbots-ripton")
        await pilot.press("f")  # refused before anything is typed
        await pilot.pause()
        assert "is locked" in app.screen.message  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is locked
