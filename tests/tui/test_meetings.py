"""The meetings area driven as a network lead would: plan, agenda, attendance, notes, actions,
papers, the actions list, Home, and the improvement board's ratification of a plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, DataTable, Input, Select, Static, TextArea

from store.demo.ids import demo_id, head_id, network_id
from store.enums import ActionStatus, AttendanceStatus
from store.meetings import agenda
from store.models import Network
from tui.app import SchoolnetApp
from tui.screens.dialogs.export_path import ExportPathScreen
from tui.screens.meeting import meeting_page
from tui.screens.meeting.actions import ActionsScreen
from tui.screens.meeting.meeting import MeetingScreen
from tui.screens.meeting.meeting_forms import (
    ActionFormScreen,
    AgendaItemScreen,
    DeputyScreen,
    MeetingFormScreen,
    ScrutinyScreen,
)
from tui.screens.meeting.meetings import MeetingsScreen

from .conftest import type_text

QUICK = 0.05


@pytest.fixture(autouse=True)
def quick_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Agenda notes save moments after typing stops, so the tests need not wait long."""
    monkeypatch.setattr(meeting_page, "SAVE_AFTER_PAUSE", QUICK)


async def _meetings(pilot, network: str, year: str = "2026/27") -> MeetingsScreen:
    await pilot.press("m")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MeetingsScreen)
    screen.query_one("#network", Select).value = network
    screen.query_one("#year", Select).value = year
    await pilot.pause()
    return screen


async def _open(pilot, network: str, meeting: str, year: str = "2026/27") -> MeetingScreen:
    screen = await _meetings(pilot, network, year)
    table = screen.query_one("#meetings", DataTable)
    table.move_cursor(row=table.get_row_index(meeting))
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MeetingScreen)
    return pilot.app.screen


def _cadence(screen) -> str:
    return str(screen.query_one("#cadence", Static).render())


async def test_plan_a_year_of_six_meetings_and_see_the_cadence_reach_six(
    app: SchoolnetApp,
) -> None:
    store = app.store
    network = store.networks.add(Network(name="Aardvark Primary Network")).id
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meetings(pilot, network)
        assert _cadence(screen).startswith("0 of 6 held or planned in 2026/27")
        for number, day in enumerate(
            ["23/09/2026", "18 Nov 2026", "2027-01-20", "17/03/2027", "12/05/2027", "7/7/2027"]
        ):
            await pilot.press("a")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, MeetingFormScreen)
            form.query_one("#day", Input).value = day
            form.query_one("#starts", Input).value = "9:30"
            form.query_one("#ends", Input).value = "11.30am"
            form.query_one("#place", Input).value = f"School {number}"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is screen
        assert _cadence(screen) == "6 of 6 held or planned in 2026/27"
        assert screen.query_one("#meetings", DataTable).row_count == 6
    times = [(m.starts_at.hour, m.ends_at and m.ends_at.hour) for m in store.meetings.where(
        network_id=network)]  # fmt: skip
    assert times == [(9, 11)] * 6


async def test_a_year_that_cannot_reach_six_is_warned_of(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meetings(pilot, network_id("cov-north"), "2025/26")
        assert "5 of 6 held or planned in 2025/26" in _cadence(screen)
        assert "⚠ 2025/26 can no longer reach 6" in _cadence(screen)


async def test_build_an_agenda_and_reorder_it(app: SchoolnetApp) -> None:
    store = app.store
    meeting = demo_id("meeting", "cov-north", "2027-01-21")
    before = [item.title for item in agenda.items(store, meeting)]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot, network_id("cov-north"), meeting)
        await pilot.press("plus")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AgendaItemScreen)
        form.query_one("#title", Input).value = "Spring conference"
        form.query_one("#lead", Select).value = head_id("holbrook-lane")
        form.query_one("#minutes", Input).value = "15"
        await pilot.press("ctrl+s")
        await pilot.pause()
        table = screen.query_one("#agenda", DataTable)
        table.focus()
        table.move_cursor(row=table.row_count - 1)
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        table.move_cursor(row=0)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
    after = agenda.items(store, meeting)
    titles = [item.title for item in after]
    assert titles[-3:] == ["Spring conference", before[-2], before[-1]]
    assert titles[0] == before[1] and len(titles) == len(before)
    moved = next(item for item in after if item.title == "Spring conference")
    assert (moved.lead_id, moved.minutes) == (head_id("holbrook-lane"), 15)
    assert [item.position for item in after] == list(range(len(after)))


async def test_take_attendance_including_a_deputy(app: SchoolnetApp) -> None:
    store = app.store
    meeting = demo_id("meeting", "cov-north", "2027-01-21")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot, network_id("cov-north"), meeting)
        screen.show_tab("tab-attendance")
        await pilot.pause()
        table = screen.query_one("#attendance", DataTable)
        table.focus()
        await pilot.press("1", "down", "2")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DeputyScreen)
        await pilot.press("ctrl+s")  # no name: refused beside the field
        await pilot.pause()
        assert app.screen is form
        form.query_one("#deputy", Input).value = "Sam Patel, deputy head"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("down", "3", "down", "4")
        await pilot.pause()
        shown = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert shown == ["Present", "Deputy: Sam Patel, deputy head", "Apologies", "Absent"]
    recorded = {a.person_id: a for a in store.attendances.where(meeting_id=meeting)}
    deputy = recorded[head_id("holbrook-lane")]
    assert (deputy.status, deputy.deputy_name) == (
        AttendanceStatus.DEPUTY,
        "Sam Patel, deputy head",
    )
    assert recorded[head_id("foleshill-brook")].status == AttendanceStatus.PRESENT


async def test_write_notes_that_save_themselves_and_actions(app: SchoolnetApp) -> None:
    store = app.store
    meeting = demo_id("meeting", "cov-north", "2027-01-21")
    first = agenda.items(store, meeting)[0]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot, network_id("cov-north"), meeting)
        screen.show_tab("tab-notes")
        await pilot.pause()
        screen.query_one("#note-editor", TextArea).focus()
        await type_text(pilot, "Minutes agreed.")
        await pilot.pause(QUICK * 4)
        assert store.agenda_items.get(first.id).notes == "Minutes agreed."
        assert "Saved at" in str(screen.query_one("#note-saved", Static).render())
        await pilot.press("escape")
        screen.show_tab("tab-actions")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionFormScreen)
        form.query_one("#description", Input).value = "Book the spring conference venue"
        form.query_one("#owner", Select).value = head_id("radford-park")
        form.query_one("#due", Input).value = "14/02/2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.query_one("#actions", DataTable).row_count == 1
        await pilot.press("space")  # under way
        await pilot.pause()
    (action,) = store.actions.where(meeting_id=meeting)
    assert (action.description, action.owner_id, action.network_id) == (
        "Book the spring conference venue", head_id("radford-park"), network_id("cov-north")
    )  # fmt: skip
    assert action.status == "in_progress"


async def test_tick_an_action_off_from_the_actions_list(app: SchoolnetApp) -> None:
    store = app.store
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        screen.query_one("#network", Select).value = Select.NULL  # every network
        screen.query_one("#overdue", Checkbox).value = True
        await pilot.pause()
        table = screen.query_one("#actions", DataTable)
        before = table.row_count
        assert before > 0
        action_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        await pilot.press("d")
        await pilot.pause()
        assert table.row_count == before - 1
    assert store.actions.get(action_id).status == ActionStatus.DONE


async def test_tick_an_action_off_on_home(app: SchoolnetApp) -> None:
    store = app.store
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#my-actions", DataTable)
        before = table.row_count
        action_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        table.focus()
        await pilot.press("d")
        await pilot.pause()
        assert table.row_count == before - 1
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        assert str(app.screen.query_one("#owner", Select).value) == "__me__"
    assert store.actions.get(action_id).status == ActionStatus.DONE


@pytest.mark.parametrize(
    ("key", "paper", "heading"),
    [("g", "agenda", "# Agenda:"), ("w", "minutes", "# Notes and actions:")],
)
async def test_export_the_agenda_and_the_minutes(
    app: SchoolnetApp, tmp_path: Path, key: str, paper: str, heading: str
) -> None:
    store = app.store
    meeting = demo_id("meeting", "cov-north", "2026-11-19")
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, network_id("cov-north"), meeting)
        await pilot.press(key)
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ExportPathScreen)
        form.query_one("#path", Input).value = str(tmp_path / f"{paper}.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
    text = (tmp_path / f"{paper}.md").read_text()
    assert text.startswith(heading)
    saved = store.meetings.get(meeting)
    shared = saved.agenda_shared_on if paper == "agenda" else saved.notes_shared_on
    assert shared == store.today()


async def test_record_the_boards_ratification_of_a_plan(app: SchoolnetApp) -> None:
    store = app.store
    meeting = demo_id("meeting", "improvement-board", "2027-01-28")
    plan = demo_id("plan", "cov-north", "2026/27")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot, network_id("improvement-board"), meeting)
        screen.show_tab("tab-plans")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ScrutinyScreen)
        form.query_one("#plan", Select).value = plan
        form.query_one("#comments", TextArea).load_text("Targets now measurable.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        rows = screen.query_one("#scrutinies", DataTable)
        assert [str(c) for c in rows.get_row_at(0)][:3] == [
            "Coventry North Primary Network, 2026/27", "Yes", "28 Jan 2027"
        ]  # fmt: skip
    (latest, earlier) = [(s.ratified, s.comments) for s in store.plan_scrutinies.where(
        plan_id=plan, order_by="scrutinised_on DESC")]  # fmt: skip
    assert latest == (True, "Targets now measurable.") and earlier[0] is False
