"""A network's records changed by keyboard: a person edited (and a lead not deleted), a case
study moved on and deleted after asking, support deleted, and a project's pupils reached."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from store.demo.ids import head_id, network_id
from store.enums import CaseStudyStatus
from tui.app import SchoolnetApp
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.dialogs.message import MessageScreen
from tui.screens.network.network import NetworkScreen
from tui.screens.network.record_forms import PersonScreen, ProjectScreen

from .conftest import type_text


async def _type(pilot: Pilot[Any], text: str) -> None:
    await type_text(pilot, text)


async def _page(pilot: Pilot[None], key: str, tab: str) -> NetworkScreen:
    page = NetworkScreen(network_id(key))
    await pilot.app.push_screen(page)
    await pilot.pause()
    page.show_tab(tab)
    await pilot.pause()
    return page


def _cursor_to(page: NetworkScreen, table_id: str, key: str) -> DataTable[object]:
    table = page.query_one(f"#{table_id}", DataTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(key))
    return table


def _tombstoned(app: SchoolnetApp, table: str, record_id: str) -> bool:
    sql = "SELECT count(*) FROM tombstones WHERE table_name = ? AND record_id = ?"
    return bool(app.store.db.execute(sql, [table, record_id]).fetchone()[0])


async def test_a_person_is_edited_and_a_lead_is_refused_before_asking(app: SchoolnetApp) -> None:
    store = app.store
    head = head_id("wyton")
    before = store.people.get(head)
    async with app.run_test(size=(120, 40)) as pilot:
        page = await _page(pilot, "hunts", "tab-people")
        table = _cursor_to(page, "people", head)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PersonScreen)
        assert pilot.app.screen.query_one("#name", Input).value == before.name
        await pilot.press("ctrl+u")
        await _type(pilot, "Dr Amy Fielding")
        await pilot.press("ctrl+s")
        await pilot.pause()
        after = store.people.get(head)
        assert (after.name, after.email, after.school_id) == (
            "Dr Amy Fielding", before.email, before.school_id
        )  # fmt: skip
        assert set(after.field_clock) - set(before.field_clock) == {"name"}
        assert str(table.get_row(head)[0]) == "Dr Amy Fielding"
        assert page.selected_key("people") == head  # the cursor stays on the row

        lead = store.networks.get(network_id("hunts")).lead_id
        assert lead is not None
        _cursor_to(page, "people", lead)
        await pilot.press("d")
        await pilot.pause()
        refusal = pilot.app.screen
        assert isinstance(refusal, MessageScreen)  # no "Delete?" first
        assert "leads Hunts Area Primary Partnership" in refusal.message
        await pilot.press("escape")
        await pilot.pause()
        assert store.people.find(lead) is not None


async def test_a_case_study_moves_on_and_is_deleted_after_asking(app: SchoolnetApp) -> None:
    store = app.store
    async with app.run_test(size=(120, 40)) as pilot:
        page = await _page(pilot, "eoe-alliance", "tab-case-studies")
        table = page.query_one("#case-studies", DataTable)
        table.focus()
        study = store.case_studies.get(str(page.selected_key("case-studies")))
        order = list(CaseStudyStatus)
        await pilot.press("space")
        await pilot.pause()
        moved = store.case_studies.get(study.id).status
        assert moved == order[(order.index(study.status) + 1) % len(order)]
        assert str(table.get_row(study.id)[4]) == moved.label
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert store.case_studies.find(study.id) is not None
        await pilot.press("d", "y")
        await pilot.pause()
        assert store.case_studies.find(study.id) is None
        assert _tombstoned(app, "case_studies", study.id)
        assert study.id not in table.rows

        await pilot.press("escape")
        page = await _page(pilot, "hunts", "tab-support")
        exchanges = page.query_one("#exchanges", DataTable)
        assert exchanges.row_count == 4
        exchanges.focus()
        gone = str(page.selected_key("exchanges"))
        await pilot.press("d", "y")
        await pilot.pause()
        assert store.support_exchanges.find(gone) is None and exchanges.row_count == 3


async def test_a_project_records_the_pupils_it_reached(app: SchoolnetApp) -> None:
    store = app.store
    async with app.run_test(size=(120, 40)) as pilot:
        page = await _page(pilot, "ouse-valley", "tab-projects")
        table = page.query_one("#projects", DataTable)
        table.focus()
        project_id = str(page.selected_key("projects"))
        partners = store.project_partners.count(project_id=project_id)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ProjectScreen)
        await pilot.press("tab", "tab", "tab", "tab")  # title, goal, starts, ends: pupils
        await _type(pilot, "40")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.partnership_projects.get(project_id).pupils_reached == 40
        assert store.project_partners.count(project_id=project_id) == partners
        assert str(table.get_row(project_id)[4]) == "40"


async def test_a_proposed_move_is_withdrawn(app: SchoolnetApp) -> None:
    from datetime import date

    from store.demo.ids import school_id
    from store.enums import MoveKind, MoveStatus
    from store.membership import joining
    from tui.screens.network.move_forms import MoveDecisionScreen

    store = app.store
    move = joining.propose_move(
        store, network_id("hunts"), school_id("wyton"), MoveKind.LEAVE,
        reason="Joining a trust in Ely", on=date(2026, 11, 2),
    )  # fmt: skip
    async with app.run_test(size=(120, 40)) as pilot:
        page = await _page(pilot, "hunts", "tab-history")
        _cursor_to(page, "moves", move.id)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MoveDecisionScreen)
        await pilot.press("enter", "down", "enter")  # the proposer withdrew it
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.membership_moves.get(move.id).status == MoveStatus.WITHDRAWN
        assert str(page.query_one("#moves", DataTable).get_row(move.id)[4]) == "Withdrawn"
        await pilot.press("w")  # decided: nothing more to record
        await pilot.pause()
        assert isinstance(pilot.app.screen, MessageScreen)
