"""A network's page, driven as a co-ordinator would: nominate, accept, approve, move, edit."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Select, Static, TabbedContent, TextArea

from store.demo.ids import network_id, school_id
from store.enums import MembershipStatus
from tui.app import SchoolnetApp
from tui.screens.dialogs.export_path import ExportPathScreen
from tui.screens.network.network import NetworkScreen
from tui.screens.network.network_forms import (
    LeadCriteriaScreen,
    MoveScreen,
    NominateScreen,
    SignOffScreen,
    TermsScreen,
)
from tui.screens.network.networks import NetworksScreen


async def _open(pilot, name: str) -> NetworkScreen:
    await pilot.press("n")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, NetworksScreen)
    table = screen.query_one("#networks", DataTable)
    row = [str(table.get_row_at(i)[0]) for i in range(table.row_count)].index(name)
    table.move_cursor(row=row)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NetworkScreen)
    return pilot.app.screen


def _select_row(screen: NetworkScreen, table_id: str, key: str) -> None:
    table = screen.query_one(f"#{table_id}", DataTable)
    table.move_cursor(row=table.get_row_index(key))


async def test_networks_list_shows_health_badges(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        table = app.screen.query_one("#networks", DataTable)
        rows = {
            str(table.get_row_at(i)[0]): str(table.get_row_at(i)[5]) for i in range(table.row_count)
        }
        assert rows["Hunts Area Primary Partnership"] == "✓ meets the rules"
        assert rows["Coventry North Primary Network"] == "⚠ 3 findings"


async def test_network_page_shows_members_health_and_terms(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot, "Coventry North Primary Network")
        members = screen.query_one("#members", DataTable)
        statuses = [str(members.get_row_at(i)[2]) for i in range(members.row_count)]
        assert statuses.count("Active") == 4 and "Left" in statuses
        findings = str(screen.query_one("#findings", Static).render())
        assert "4 schools, below 5" in findings
        assert "Janet Hughes, the lead, does not meet" in findings
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, NetworksScreen)


async def test_nominate_accept_approve_makes_a_member(app: SchoolnetApp) -> None:
    store = app.store
    wimblington = school_id("wimblington-fen")
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _open(pilot, "Hunts Area Primary Partnership")
        await pilot.press("o")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NominateScreen)
        form.query_one("#school", Select).value = wimblington
        form.query_one("#contact_email", Input).value = "bad email"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.field("contact_email").error.startswith("An email address looks like")
        form.query_one("#contact_email", Input).value = "office@wimblington.example.org.uk"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        [membership] = store.memberships.where(
            network_id=network_id("hunts"), school_id=wimblington
        )
        assert membership.status == MembershipStatus.NOMINATED
        assert store.schools.get(wimblington).contact_email == "office@wimblington.example.org.uk"
        assert len(store.networks.members(network_id("hunts"))) == 8

        _select_row(screen, "members", membership.id)
        await pilot.press("v")  # approving before acceptance is refused
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("a")
        await pilot.pause()
        sign = app.screen
        assert isinstance(sign, SignOffScreen)
        assert sign.query_one("#who", Input).value == "George Lane"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.memberships.get(membership.id).status == MembershipStatus.ACCEPTED

        _select_row(screen, "members", membership.id)
        await pilot.press("v")
        await pilot.pause()
        sign = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert sign.field("who").error == "Say who signed."
        sign.query_one("#who", Input).value = "Chair of the partnership"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.memberships.get(membership.id).status == MembershipStatus.ACTIVE
        assert len(store.networks.members(network_id("hunts"))) == 9


async def test_propose_and_ratify_a_move(app: SchoolnetApp) -> None:
    store = app.store
    houghton = school_id("houghton")
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _open(pilot, "Hunts Area Primary Partnership")
        await pilot.press("j")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MoveScreen)
        form.query_one("#school", Select).value = houghton
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.field("reason").error.startswith("Give the reason")
        form.query_one("#reason", Input).value = "Joining a network nearer St Ives"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#tabs", TabbedContent).active == "tab-history"
        [move] = store.membership_moves.where(school_id=houghton)
        assert move.status == "proposed"
        assert len(store.networks.members(network_id("hunts"))) == 8

        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, SignOffScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.membership_moves.get(move.id).status == "ratified"
        assert houghton not in {m.school.id for m in store.networks.members(network_id("hunts"))}
        events = screen.query_one("#events", DataTable)
        assert str(events.get_row_at(0)[2]) == "Left"


async def test_edit_terms_of_reference(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 50)) as pilot:
        await _open(pilot, "Hunts Area Primary Partnership")
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, TermsScreen)
        form.query_one("#section", Select).value = "finance"
        await pilot.pause()
        form.query_one("#text", TextArea).load_text("- £8,000 from the LA\n- [bold]not markup[/]")
        await pilot.press("ctrl+s")
        await pilot.pause()
    terms = app.store.networks.get(network_id("hunts")).terms_of_reference
    assert terms["finance"] == "- £8,000 from the LA\n- [bold]not markup[/]"
    assert terms["meetings"].startswith("At least six")


async def test_lead_criteria_checklist(app: SchoolnetApp) -> None:
    store = app.store
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _open(pilot, "Coventry North Primary Network")
        lead = store.networks.get(network_id("cov-north")).lead_id
        screen.show_tab("tab-people")
        await pilot.pause()
        _select_row(screen, "people", lead)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LeadCriteriaScreen)
        await pilot.click("#governing_body_support")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.people.get(lead).lead_criteria.governing_body_support
        assert "Lead criteria" not in str(screen.query_one("#findings", Static).render())


async def test_export_nomination_form(app: SchoolnetApp, tmp_path: Path) -> None:
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _open(pilot, "East of England Schools Alliance Group")
        pending = app.store.memberships.where(school_id=school_id("wimblington-fen"))[0]
        _select_row(screen, "members", pending.id)
        await pilot.press("f")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ExportPathScreen)
        target = tmp_path / "wimblington.html"
        form.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
    html = target.read_text()
    assert "Wimblington Fen Primary" in html and "George Lane" in html


async def test_add_case_study_support_project_and_person(app: SchoolnetApp) -> None:
    from textual.widgets import SelectionList

    from tui.screens.network.record_forms import (
        CaseStudyScreen,
        PersonScreen,
        ProjectScreen,
        SupportScreen,
    )

    store = app.store
    hunts = network_id("hunts")
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _open(pilot, "Hunts Area Primary Partnership")

        screen.show_tab("tab-case-studies")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CaseStudyScreen)
        form.query_one("#school", Select).value = school_id("houghton")
        form.query_one("#academic_year", Input).value = "2026-27"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.field("academic_year").error == "Write the year like 2026/27."
        assert form.field("title").error == "Give the case study a title."
        form.query_one("#academic_year", Input).value = "2026/27"
        form.query_one("#title", Input).value = "Outdoor maths"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [c.title for c in store.case_studies.where(school_id=school_id("houghton"))] == [
            "Outdoor maths"
        ]

        screen.show_tab("tab-support")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SupportScreen)
        form.query_one("#giver", Select).value = school_id("wyton")
        form.query_one("#receiver", Select).value = school_id("wyton")
        form.query_one("#hours", Input).value = "lots"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.field("receiver").error == "A school cannot support itself."
        assert form.field("hours").error.startswith("Give the hours as a number")
        form.query_one("#receiver", Select).value = school_id("houghton")
        form.query_one("#hours", Input).value = "2.5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        balance = {b.school.name: b for b in store.networks.support_balance(hunts)}
        assert balance["Wyton on the Hill Primary School"].given == 2.5
        assert balance["Houghton Primary School"].received == 2.5

        screen.show_tab("tab-projects")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProjectScreen)
        form.query_one("#title", Input).value = "Shared music teacher"
        form.query_one("#partners", SelectionList).select(school_id("wyton"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        [project] = store.partnership_projects.where(network_id=hunts)
        assert [p.school_id for p in store.project_partners.where(project_id=project.id)] == [
            school_id("wyton")
        ]

        screen.show_tab("tab-people")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PersonScreen)
        form.query_one("#name", Input).value = "Ruth Okafor"
        form.query_one("#school", Select).value = school_id("wyton")
        await pilot.press("ctrl+s")
        await pilot.pause()
        people = screen.query_one("#people", DataTable)
        assert "Ruth Okafor" in [str(people.get_row_at(i)[0]) for i in range(people.row_count)]
