"""The action plans area driven as a network lead would: write a plan, record spending,
move actions through the statuses, record the board's ratification, evaluate the impact,
and start next year's plan from this one."""

from __future__ import annotations

from decimal import Decimal

from textual.widgets import DataTable, Input, Select, Static, TextArea

from store import Store
from store.demo.ids import demo_id, network_id
from store.models import ActionPlan, PlanStatus, SuccessCriterion
from store.plans import funding, partnership, planning, progress
from store.plans.partnership import add_partnership_priority
from tui.app import SchoolnetApp
from tui.screens.meeting.actions import ActionsScreen
from tui.screens.plan.leads_form import LeadsScreen
from tui.screens.plan.partnership import CityPriorityScreen, PartnershipScreen
from tui.screens.plan.plan import PlanScreen
from tui.screens.plan.plan_forms import (
    EvaluationScreen,
    PlanActionScreen,
    PriorityScreen,
    ScrutinyScreen,
    SpendingScreen,
)
from tui.screens.plan.plans import PlansScreen

from .conftest import type_text

HUNTS = network_id("hunts")


async def _plan_page(pilot, plan_id: str) -> PlanScreen:  # type: ignore[no-untyped-def]
    pilot.app.push_screen(PlanScreen(plan_id))
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PlanScreen)
    return screen


async def _save(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+s")
    await pilot.pause()


def _new_plan(store: Store) -> ActionPlan:
    """A 2027/28 plan for the Hunts cluster, empty."""
    return planning.create_plan(store, HUNTS, "2027/28")


async def test_the_plans_list_shows_progress_funding_and_ratification(app: SchoolnetApp) -> None:
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlansScreen)
        screen.query_one("#year", Select).value = "2025/26"
        await pilot.pause()
        table = screen.query_one("#plans", DataTable)
        assert table.row_count == 6
        row = table.get_row(demo_id("plan", "hunts", "2025/26"))
        assert [str(cell) for cell in row] == [
            "Hunts Area Primary Partnership", "0", "2", "0", "4", "███████░░░  67%",
            "£7,500.00", "£5,300.00", "£3,680.00", "Ratified",
        ]  # fmt: skip
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)


async def test_write_a_plan_with_two_priorities_and_actions(app: SchoolnetApp) -> None:
    plan = _new_plan(app.store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _plan_page(pilot, plan.id)
        for title in ("Writing at greater depth", "Attendance of disadvantaged pupils"):
            await pilot.press("a")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, PriorityScreen)
            await type_text(pilot, title)
            form.query_one("#city", Select).value = ""  # a local priority
            form.query_one("#outcomes", TextArea).load_text("More pupils reach the standard.")
            form.query_one("#criteria", TextArea).load_text("Pupils at greater depth | 12% | 18%")
            await _save(pilot)
            assert app.screen is screen
        for number, description in enumerate(("Moderate writing", "Track attendance weekly")):
            screen.query_one("#priorities", DataTable).move_cursor(row=number)
            await pilot.press("c")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, PlanActionScreen)
            await type_text(pilot, description)
            form.query_one("#cost", Input).value = "1250.50"
            form.query_one("#due_on", Input).value = "31/03/2028"
            await _save(pilot)
        rows = progress.progress_by_priority(app.store, plan.id)
        assert [row.priority.title for row in rows] == [
            "Writing at greater depth", "Attendance of disadvantaged pupils",
        ]  # fmt: skip
        assert rows[0].priority.criteria[0].baseline == "12%"
        assert [[a.description for a in row.actions] for row in rows] == [
            ["Moderate writing"], ["Track attendance weekly"],
        ]  # fmt: skip
        assert rows[1].actions[0].cost == Decimal("1250.50")
        assert screen.query_one("#actions", DataTable).row_count == 2


async def test_record_spending_and_see_totals_and_the_overspend(app: SchoolnetApp) -> None:
    plan = _new_plan(app.store)
    priority = planning.add_priority(app.store, plan.id, title="Writing")
    planning.add_action(app.store, priority.id, description="Moderate", cost=Decimal("100"))
    allocated = funding.summary(app.store, plan.id).allocated
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _plan_page(pilot, plan.id)
        for activity, amount in (
            ("statutory_moderation", "1000.00"),
            ("joint_projects", f"{allocated}"),
        ):
            await pilot.press("e")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, SpendingScreen)
            form.query_one("#activity", Select).value = activity
            form.query_one("#amount", Input).value = amount
            await _save(pilot)
            assert app.screen is screen
        assert screen.active_tab == "funding-tab"
        shown = str(screen.query_one("#funding", Static).render())
        spent = allocated + Decimal("1000.00")
        assert f"Spent {funding.pounds(spent)}" in shown
        assert "Overspent:" in shown
        assert "must not pay for" in shown
        assert screen.query_one("#spending", DataTable).row_count == 2


async def test_move_actions_through_the_statuses_and_the_bar_changes(app: SchoolnetApp) -> None:
    plan = _new_plan(app.store)
    priority = planning.add_priority(app.store, plan.id, title="Writing")
    for name in ("One", "Two"):
        planning.add_action(app.store, priority.id, description=name)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _plan_page(pilot, plan.id)
        screen.show_tab("actions-tab")
        await pilot.pause()
        assert "░░░░░░░░░░   0%" in str(screen.query_one("#heading", Static).render())
        table = screen.query_one("#actions", DataTable)
        table.focus()
        seen = []
        for _ in range(3):  # green -> amber -> red -> done
            await pilot.press("enter")
            await pilot.pause()
            [first, _second] = progress.progress_by_priority(app.store, plan.id)[0].actions
            seen.append(planning.plan_status(first))
        assert seen == [PlanStatus.AMBER, PlanStatus.RED, PlanStatus.DONE]
        heading = str(screen.query_one("#heading", Static).render())
        assert "█████░░░░░  50%" in heading
        assert "0 red, 0 amber, 1 green, 1 done" in heading
        list_row = progress.listing(app.store, "2027/28")[0]
        assert list_row.progress.share == 0.5


async def test_record_the_boards_ratification(app: SchoolnetApp) -> None:
    plan = _new_plan(app.store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _plan_page(pilot, plan.id)
        await pilot.press("b")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ScrutinyScreen)
        form.query_one("#on", Input).value = "14/10/2027"
        form.query_one("#comments", TextArea).load_text("Clear and measurable.")
        await _save(pilot)
        scrutiny = progress.latest_scrutiny(app.store, plan.id)
        assert scrutiny is not None
        assert (scrutiny.ratified, scrutiny.scrutinised_on.isoformat(), scrutiny.comments) == (
            True, "2027-10-14", "Clear and measurable.",
        )  # fmt: skip
        assert screen.active_tab == "board-tab"
        assert screen.query_one("#board", DataTable).row_count == 1
        assert "ratified by the board 14 Oct 2027" in str(
            screen.query_one("#heading", Static).render()
        )


async def test_write_the_impact_evaluation(app: SchoolnetApp) -> None:
    plan_id = demo_id("plan", "cov-south", "2025/26")  # the demo's one not yet evaluated
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _plan_page(pilot, plan_id)
        await pilot.press("i")  # the first priority, under the cursor
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EvaluationScreen)
        form.query_one("#result-0", Input).value = "72%"
        form.query_one("#changed", TextArea).load_text("Writing rose four points.")
        form.query_one("#evidence", TextArea).load_text("KS2 results.")
        await _save(pilot)
        await pilot.press("w")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EvaluationScreen)
        form.query_one("#changed", TextArea).load_text("Two priorities met in full.")
        await _save(pilot)
        priority = progress.progress_by_priority(app.store, plan_id)[0].priority
        assert (priority.criteria[0].result, priority.impact_changed) == (
            "72%", "Writing rose four points.",
        )  # fmt: skip
        plan = app.store.action_plans.get(plan_id)
        assert plan.impact_evaluation == "Two priorities met in full."
        assert plan.evaluated_on == app.store.today()
        assert "Two priorities met in full." in str(screen.query_one("#impact", Static).render())
        assert progress.unevaluated(app.store, app.store.today()) == {}


async def test_roll_the_plan_forward_to_next_year(app: SchoolnetApp) -> None:
    plan_id = demo_id("plan", "hunts", "2026/27")
    unfinished = [
        a for row in progress.progress_by_priority(app.store, plan_id) for a in row.actions
        if planning.plan_status(a) != PlanStatus.DONE
    ]  # fmt: skip
    async with app.run_test(size=(120, 40)) as pilot:
        await _plan_page(pilot, plan_id)
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("enter")  # yes
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        new = screen.plan
        assert (new.academic_year, new.rolled_from_id) == ("2027/28", plan_id)
        carried = [
            a for row in progress.progress_by_priority(app.store, new.id) for a in row.actions
        ]
        assert sorted(a.carried_from_id or "" for a in carried) == sorted(a.id for a in unfinished)
        assert "carried over" in str(screen.query_one("#actions", DataTable).get_row_at(0)[1])
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert planning.plan_for(app.store, HUNTS, "2028/29") is not None


async def test_change_the_lead_and_deputy_who_own_the_plan(app: SchoolnetApp) -> None:
    plan = _new_plan(app.store)
    members = app.store.networks.members(HUNTS)
    people = app.store.people.at_schools({m.school.id for m in members})
    lead, deputy = [p for p in people if p.id not in (plan.lead_id, plan.deputy_id)][:2]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _plan_page(pilot, plan.id)
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LeadsScreen)
        assert form.query_one("#lead", Select).value == plan.lead_id
        form.query_one("#lead", Select).value = lead.id
        form.query_one("#deputy", Select).value = lead.id
        await _save(pilot)
        assert app.screen is form  # the same person twice is refused in the form
        form.query_one("#deputy", Select).value = deputy.id
        await _save(pilot)
        assert app.screen is screen
        changed = app.store.action_plans.get(plan.id)
        assert (changed.lead_id, changed.deputy_id) == (lead.id, deputy.id)
        heading = str(screen.query_one("#heading", Static).render())
        assert f"Lead {lead.name}, deputy {deputy.name}" in heading
        await pilot.press("l")
        await pilot.pause()
        app.screen.query_one("#deputy", Select).value = ""  # nobody
        await _save(pilot)
        assert app.store.action_plans.get(plan.id).deputy_id is None
        assert "deputy not named" in str(screen.query_one("#heading", Static).render())


async def test_edit_a_priority_and_an_action(app: SchoolnetApp) -> None:
    plan = _new_plan(app.store)
    city = add_partnership_priority(app.store, "2027/28", title="Reading for pleasure")
    criteria = [SuccessCriterion(measure="Pupils at greater depth", baseline="12%", target="18%")]
    priority = planning.add_priority(app.store, plan.id, title="Writng", criteria=criteria)
    action = planning.add_action(app.store, priority.id, description="Moderate writng")
    members = app.store.networks.members(HUNTS)
    owner = app.store.people.at_schools({m.school.id for m in members})[0]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _plan_page(pilot, plan.id)
        assert "E" in {key.key for key in screen.query("FooterKey")}
        await pilot.press("E")  # the priority under the cursor
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PriorityScreen)
        title = form.query_one("#title", Input)
        assert title.value == "Writng"
        title.value = "Writing at greater depth"
        form.query_one("#city", Select).value = city.id
        form.query_one("#outcomes", TextArea).load_text("More pupils write at depth.")
        form.query_one("#criteria", TextArea).load_text("Pupils at greater depth | 12% | 20%")
        await _save(pilot)
        assert app.screen is screen
        changed = app.store.plan_priorities.get(priority.id)
        assert (changed.title, changed.partnership_priority_id, changed.expected_outcomes) == (
            "Writing at greater depth", city.id, "More pupils write at depth.",
        )  # fmt: skip
        assert changed.criteria[0].target == "20%"
        row = screen.query_one("#priorities", DataTable).get_row(priority.id)
        assert str(row[2]) == "Reading for pleasure"

        screen.show_tab("actions-tab")
        await pilot.pause()
        await pilot.press("E")  # the action under the cursor
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PlanActionScreen)
        assert form.query_one("#description", Input).value == "Moderate writng"
        form.query_one("#description", Input).value = "Moderate writing across schools"
        form.query_one("#owner", Select).value = owner.id
        form.query_one("#starts_on", Input).value = "01/10/2027"
        form.query_one("#due_on", Input).value = "01/09/2027"  # before the start: refused
        form.query_one("#cost", Input).value = "300"
        await _save(pilot)
        form = app.screen
        assert isinstance(form, PlanActionScreen)  # open again, as left, with the reason
        assert form.query_one("#due_on", Input).value == "01/09/2027"
        form.query_one("#due_on", Input).value = "31/03/2028"
        await _save(pilot)
        assert app.screen is screen
        edited = app.store.actions.get(action.id)
        assert (
            edited.description, edited.owner_id, edited.starts_on.isoformat() if edited.starts_on
            else "", edited.due_on.isoformat() if edited.due_on else "", edited.cost,
        ) == (
            "Moderate writing across schools", owner.id, "2027-10-01", "2028-03-31",
            Decimal("300.00"),
        )  # fmt: skip
        row = screen.query_one("#actions", DataTable).get_row(action.id)
        assert str(row[2]) == owner.name


async def test_add_and_edit_the_years_city_wide_priorities_from_the_plans_list(
    app: SchoolnetApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        plans = app.screen
        assert isinstance(plans, PlansScreen)
        plans.query_one("#year", Select).value = "2025/26"
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PartnershipScreen)
        table = screen.query_one("#city", DataTable)
        before = partnership.partnership_priorities(app.store, "2025/26")
        assert table.row_count == len(before) > 0
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CityPriorityScreen)
        await type_text(pilot, "Oracy in every classroom")
        form.query_one("#description", TextArea).load_text("Talk for learning.")
        await _save(pilot)
        assert app.screen is screen
        assert table.row_count == len(before) + 1
        table.move_cursor(row=len(before))
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CityPriorityScreen)
        assert form.query_one("#title", Input).value == "Oracy in every classroom"
        form.query_one("#title", Input).value = "Oracy and vocabulary"
        await _save(pilot)
        found = partnership.partnership_priorities(app.store, "2025/26")
        assert [(p.title, p.description) for p in found[len(before) :]] == [
            ("Oracy and vocabulary", "Talk for learning."),
        ]  # fmt: skip
        assert str(table.get_row_at(len(before))[1]) == "Oracy and vocabulary"
        # A network priority may now answer it.
        plan_id = demo_id("plan", "hunts", "2025/26")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is plans
        page = await _plan_page(pilot, plan_id)
        await pilot.press("a")
        await pilot.pause()
        choices = app.screen.query_one("#city", Select)
        assert found[-1].id in [value for _label, value in choices._options]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is page


async def test_plan_actions_are_in_the_shared_list_and_on_my_home(app: SchoolnetApp) -> None:
    plan = _new_plan(app.store)
    planning.add_priority(app.store, plan.id, title="Writing at greater depth")
    me = app.store.profile.person_id if app.store.profile else None
    assert me is not None
    async with app.run_test(size=(160, 50)) as pilot:
        await _plan_page(pilot, plan.id)
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PlanActionScreen)
        await type_text(pilot, "Moderate writing")
        form.query_one("#owner", Select).value = me
        form.query_one("#due_on", Input).value = "31/03/2028"
        await _save(pilot)
        [action] = progress.progress_by_priority(app.store, plan.id)[0].actions
        assert action.owner_id == me

        await pilot.press("m")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        actions = app.screen
        assert isinstance(actions, ActionsScreen)
        row = actions.query_one("#actions", DataTable).get_row(action.id)
        assert [str(cell) for cell in row[1:5]] == [
            "Moderate writing", app.store.people.get(me).name,
            "Hunts Area Primary Partnership", "Plan: Writing at greater depth",
        ]  # fmt: skip
        await pilot.press("y")  # only mine
        await pilot.pause()
        assert action.id in {
            str(key.value) for key in actions.query_one("#actions", DataTable).rows
        }

        await pilot.press("h")
        await pilot.pause()
        await pilot.press("escape")  # back from the plan to Home
        await pilot.pause()
        mine = app.screen.query_one("#my-actions", DataTable)
        assert str(mine.get_row(action.id)[1]) == "Moderate writing"
