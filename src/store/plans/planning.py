"""Writing a plan: the plan itself, its lead and deputy, priorities, actions, next year's plan."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from store.dates import is_academic_year
from store.enums import ActionSource, ActionStatus, Rag
from store.errors import StoreError
from store.models import Action, ActionPlan, PlanPriority, PlanStatus, SuccessCriterion
from store.plans import funding
from store.schema import ACTIONS

if TYPE_CHECKING:
    from store.db import Store


class PlanRefused(StoreError):
    """A change to a plan the rules do not allow, said plainly."""


def next_year(year: str) -> str:
    """The academic year after `2025/26`: `2026/27`."""
    start = int(year[:4]) + 1
    return f"{start}/{(start + 1) % 100:02d}"


def plan_for(store: Store, network_id: str, academic_year: str) -> ActionPlan | None:
    """The network's plan for the year, if it has one."""
    found = store.action_plans.where(network_id=network_id, academic_year=academic_year)
    return found[0] if found else None


def create_plan(store: Store, network_id: str, academic_year: str) -> ActionPlan:
    """Start a network's plan for a year, with its lead and deputy and the default rates."""
    if not is_academic_year(academic_year):
        raise PlanRefused("Write the academic year like 2025/26.")
    network = store.networks.get(network_id)
    if plan_for(store, network_id, academic_year) is not None:
        raise PlanRefused(f"{network.name} already has an action plan for {academic_year}.")
    return store.action_plans.add(
        ActionPlan(
            network_id=network_id,
            academic_year=academic_year,
            lead_id=network.lead_id,
            deputy_id=network.deputy_lead_id,
            base_per_school=funding.DEFAULT_BASE_PER_SCHOOL,
            category_weights={j: w for j, w in funding.DEFAULT_WEIGHTS.items() if w},
            school_counts=funding.school_counts(store, network_id),
            lead_allowance=funding.DEFAULT_LEAD_ALLOWANCE,
        )
    )


def set_leads(store: Store, plan_id: str, lead_id: str | None, deputy_id: str | None) -> ActionPlan:
    """Name the lead and deputy who own the plan."""
    if lead_id is not None and lead_id == deputy_id:
        raise PlanRefused("The deputy must be someone other than the lead.")
    plan = store.action_plans.get(plan_id)
    return store.action_plans.update(
        plan.model_copy(update={"lead_id": lead_id, "deputy_id": deputy_id})
    )


def add_priority(
    store: Store,
    plan_id: str,
    *,
    title: str,
    partnership_priority_id: str | None = None,
    expected_outcomes: str = "",
    criteria: list[SuccessCriterion] | None = None,
) -> PlanPriority:
    """Add a priority after the plan's others; None for partnership_priority_id means local."""
    store.action_plans.get(plan_id)
    return store.plan_priorities.add(
        PlanPriority(
            plan_id=plan_id,
            position=store.plan_priorities.count(plan_id=plan_id),
            title=title,
            partnership_priority_id=partnership_priority_id,
            expected_outcomes=expected_outcomes,
            criteria=criteria or [],
        )
    )


def edit_priority(
    store: Store,
    priority_id: str,
    *,
    title: str,
    partnership_priority_id: str | None,
    expected_outcomes: str,
    criteria: list[SuccessCriterion],
) -> PlanPriority:
    """Change a priority's words, its city-wide link, outcomes and success criteria."""
    priority = store.plan_priorities.get(priority_id)
    kept = {c.measure: c.result for c in priority.criteria}
    criteria = [
        c.model_copy(update={"result": c.result or kept.get(c.measure, "")}) for c in criteria
    ]
    return store.plan_priorities.update(
        priority.model_copy(
            update={
                "title": title,
                "partnership_priority_id": partnership_priority_id,
                "expected_outcomes": expected_outcomes,
                "criteria": criteria,
            }
        )
    )


def add_action(
    store: Store,
    priority_id: str,
    *,
    description: str,
    owner_id: str | None = None,
    starts_on: date | None = None,
    due_on: date | None = None,
    cost: Decimal | None = None,
    status: PlanStatus = PlanStatus.GREEN,
) -> Action:
    """Add an action to a priority; it is on the shared actions list and its owner's Home."""
    priority = store.plan_priorities.get(priority_id)
    plan = store.action_plans.get(priority.plan_id)
    _check_dates(starts_on, due_on)
    return store.actions.add(
        Action(
            description=description,
            owner_id=owner_id,
            starts_on=starts_on,
            due_on=due_on,
            cost=cost,
            source=ActionSource.PLAN,
            network_id=plan.network_id,
            priority_id=priority_id,
            status=_status_fields(status)[0],
            rag=_status_fields(status)[1],
        )
    )


def edit_action(
    store: Store,
    action_id: str,
    *,
    description: str,
    owner_id: str | None,
    starts_on: date | None,
    due_on: date | None,
    cost: Decimal | None,
) -> Action:
    """Change a plan action's words, owner, dates or cost."""
    _check_dates(starts_on, due_on)
    action = store.actions.get(action_id)
    update = {
        "description": description,
        "owner_id": owner_id,
        "starts_on": starts_on,
        "due_on": due_on,
        "cost": cost,
    }
    return store.actions.update(action.model_copy(update=update))


def set_action_status(store: Store, action_id: str, status: PlanStatus) -> Action:
    """Rate an action red, amber or green, or mark it done."""
    action = store.actions.get(action_id)
    new_status, rag = _status_fields(status, action.rag)
    return store.actions.update(action.model_copy(update={"status": new_status, "rag": rag}))


def plan_status(action: Action) -> PlanStatus:
    """Where a plan's action stands (an unrated one under way counts as green)."""
    if action.status == ActionStatus.DONE:
        return PlanStatus.DONE
    return PlanStatus(action.rag.value) if action.rag else PlanStatus.GREEN


def _status_fields(status: PlanStatus, rag: Rag | None = None) -> tuple[ActionStatus, Rag | None]:
    if status == PlanStatus.DONE:
        return ActionStatus.DONE, rag
    return ActionStatus.IN_PROGRESS, Rag(status.value)


def _check_dates(starts_on: date | None, due_on: date | None) -> None:
    if starts_on and due_on and due_on < starts_on:
        raise PlanRefused("The due date is before the start date.")


def priorities(store: Store, plan_id: str) -> list[PlanPriority]:
    """A plan's priorities in order."""
    return store.plan_priorities.where(plan_id=plan_id, order_by="position, created_at")


def actions_of(store: Store, plan_id: str) -> dict[str, list[Action]]:
    """A plan's actions by priority id (dropped ones left out), each in the order added."""
    by_priority: dict[str, list[Action]] = {p.id: [] for p in priorities(store, plan_id)}
    sql = (
        "SELECT a.* FROM actions a JOIN plan_priorities p ON p.id = a.priority_id"
        " WHERE p.plan_id = ? AND a.status != ? ORDER BY a.created_at, a.id"
    )
    for row in store.db.query(sql, [plan_id, ActionStatus.DROPPED.value]):
        action = ACTIONS.from_row(row)
        by_priority[action.priority_id or ""].append(action)
    return by_priority


def _a_year_on(day: date | None) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def roll_forward(store: Store, plan_id: str) -> ActionPlan:
    """Start next year's plan from this one: its priorities, rates and leads, and every
    unfinished action carried over (marked with the action it continues), in one write."""
    plan = store.action_plans.get(plan_id)
    year = next_year(plan.academic_year)
    network = store.networks.get(plan.network_id)
    if plan_for(store, plan.network_id, year) is not None:
        raise PlanRefused(f"{network.name} already has an action plan for {year}.")
    city = {p.title: p.id for p in store.partnership_priorities.where(academic_year=year)}
    linked = store.partnership_priorities.by_ids(
        p.partnership_priority_id for p in priorities(store, plan_id) if p.partnership_priority_id
    )
    actions = actions_of(store, plan_id)
    with store.db.atomic():
        new_plan = store.action_plans.add(
            ActionPlan(
                network_id=plan.network_id,
                academic_year=year,
                lead_id=plan.lead_id,
                deputy_id=plan.deputy_id,
                base_per_school=plan.base_per_school,
                category_weights=plan.category_weights,
                school_counts=funding.school_counts(store, plan.network_id),
                lead_allowance=plan.lead_allowance,
                rolled_from_id=plan.id,
            )
        )
        for old in priorities(store, plan_id):
            link = linked.get(old.partnership_priority_id or "")
            # Where a measure ended the year becomes next year's baseline.
            criteria = [
                c.model_copy(update={"baseline": c.result or c.baseline, "result": ""})
                for c in old.criteria
            ]
            priority = store.plan_priorities.add(
                PlanPriority(
                    plan_id=new_plan.id,
                    position=old.position,
                    title=old.title,
                    partnership_priority_id=city.get(link.title) if link else None,
                    expected_outcomes=old.expected_outcomes,
                    criteria=criteria,
                )
            )
            for action in actions.get(old.id, []):
                if action.status == ActionStatus.DONE:
                    continue
                store.actions.add(
                    Action(
                        description=action.description,
                        owner_id=action.owner_id,
                        due_on=_a_year_on(action.due_on),
                        status=ActionStatus.IN_PROGRESS,
                        source=ActionSource.PLAN,
                        network_id=action.network_id,
                        priority_id=priority.id,
                        rag=action.rag,
                        cost=action.cost,
                        carried_from_id=action.id,
                    )
                )
    return new_plan
