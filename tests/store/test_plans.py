"""Plans in the store: writing, statuses, roll-forward, ratification, evaluation and health."""

from __future__ import annotations

from datetime import date

import pytest

from store import Store
from store.demo.builder import load_demo
from store.demo.ids import demo_id, network_id
from store.documents.paper import to_markdown
from store.documents.plan_papers import impact_paper, plan_paper
from store.enums import ActionStatus, NetworkKind
from store.membership.health import network_health
from store.models import Network, PlanStatus, SuccessCriterion
from store.plans import partnership, planning, progress
from store.plans.planning import PlanRefused


def _plan(store: Store) -> str:
    network = store.networks.add(Network(name="Test Network", kind=NetworkKind.NETWORK))
    return planning.create_plan(store, network.id, "2025/26").id


def test_one_plan_per_network_and_year(store: Store) -> None:
    plan = store.action_plans.get(_plan(store))
    with pytest.raises(PlanRefused, match="already has an action plan for 2025/26"):
        planning.create_plan(store, plan.network_id, "2025/26")


def test_statuses_red_amber_green_done(store: Store) -> None:
    priority = planning.add_priority(store, _plan(store), title="Writing")
    action = planning.add_action(store, priority.id, description="Moderate")
    assert planning.plan_status(action) == PlanStatus.GREEN
    for status in (PlanStatus.RED, PlanStatus.AMBER, PlanStatus.DONE, PlanStatus.GREEN):
        action = planning.set_action_status(store, action.id, status)
        assert planning.plan_status(action) == status
    assert action.status == ActionStatus.IN_PROGRESS  # open again, on the shared list


def test_rolling_forward_carries_unfinished_actions_and_results_as_baselines(store: Store) -> None:
    plan_id = _plan(store)
    city = partnership.add_partnership_priority(store, "2025/26", title="Writing")
    partnership.add_partnership_priority(store, "2026/27", title="Writing")
    criterion = SuccessCriterion(measure="KS2 writing", baseline="68%", target="73%")
    priority = planning.add_priority(
        store, plan_id, title="Writing", partnership_priority_id=city.id, criteria=[criterion]
    )
    done = planning.add_action(store, priority.id, description="Done", status=PlanStatus.DONE)
    late = planning.add_action(
        store, priority.id, description="Late", status=PlanStatus.RED, due_on=date(2026, 7, 1)
    )
    progress.evaluate_priority(
        store, priority.id, changed="Up", evidence="", next_steps="", results=["71%"]
    )
    new = planning.roll_forward(store, plan_id)
    assert (new.academic_year, new.rolled_from_id) == ("2026/27", plan_id)
    [row] = progress.progress_by_priority(store, new.id)
    assert row.priority.criteria[0].baseline == "71%"
    linked = store.partnership_priorities.get(row.priority.partnership_priority_id or "")
    assert (linked.academic_year, linked.title) == ("2026/27", "Writing")
    [carried] = row.actions
    assert (carried.description, carried.carried_from_id, carried.due_on) == (
        "Late", late.id, date(2027, 7, 1),
    )  # fmt: skip
    assert planning.plan_status(carried) == PlanStatus.RED
    assert done.id not in {a.carried_from_id for a in row.actions}
    with pytest.raises(PlanRefused, match="already has an action plan for 2026/27"):
        planning.roll_forward(store, plan_id)


def test_not_ratified_needs_a_reason(store: Store) -> None:
    plan_id = _plan(store)
    with pytest.raises(PlanRefused, match="Say why"):
        progress.record_ratification(store, plan_id, ratified=False, on=date(2025, 10, 1))
    progress.record_ratification(store, plan_id, ratified=True, on=date(2025, 10, 1))
    latest = progress.latest_scrutiny(store, plan_id)
    assert latest is not None and latest.ratified


def test_a_year_ended_with_no_evaluation_is_a_health_finding(store: Store) -> None:
    load_demo(store)
    south = network_health(store, network_id("cov-south"), date(2026, 11, 23))
    assert str(south[-1]) == (
        "Impact evaluation: The 2025/26 action plan has no impact evaluation, though the year"
        " ended on 31 Aug 2026; evaluate it and share it with the network and the board."
    )
    assert progress.unevaluated(store, date(2026, 8, 31)) == {}  # the year has not ended
    plan_id = demo_id("plan", "cov-south", "2025/26")
    progress.evaluate_plan(
        store, plan_id, evaluation="Met.", evidence="", next_steps="", on=date(2026, 11, 23)
    )
    assert progress.unevaluated(store, date(2026, 11, 23)) == {}


def test_the_papers_show_the_plan_and_its_impact(store: Store) -> None:
    load_demo(store)
    plan_id = demo_id("plan", "hunts", "2025/26")
    plan = to_markdown(plan_paper(store, plan_id))
    assert plan.startswith("# Hunts Area Primary Partnership: action plan 2025/26\n")
    assert "| KS2 writing at the expected standard | 68% | 73% |" in plan
    assert "| Allocated |  |  | £7,500.00 |" in plan
    assert "must not pay for" in plan
    impact = to_markdown(impact_paper(store, plan_id))
    assert "| KS2 writing at the expected standard | 68% | 73% | 71% |" in impact
    assert "Impact (evaluated 15 Jul 2026): The network met two" in impact


def test_a_city_wide_priority_is_edited_and_stays_linked(store: Store) -> None:
    first = partnership.add_partnership_priority(store, "2030/31", title="Readng")
    second = partnership.add_partnership_priority(store, "2030/31", title="Attendance")
    partnership.edit_partnership_priority(
        store, first.id, title="Reading", description="For pleasure."
    )
    found = partnership.partnership_priorities(store, "2030/31")
    assert [(p.title, p.description) for p in found] == [
        ("Reading", "For pleasure."), ("Attendance", ""),
    ]  # fmt: skip
    assert found[1].id == second.id
