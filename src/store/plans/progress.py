"""How plans stand: statuses and progress, the plans list, the board's ratification, and the
end-of-year impact evaluation (and which ended years still lack one)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from store.dates import academic_year_bounds, uk_date
from store.enums import ActionStatus
from store.models import (
    Action,
    ActionPlan,
    PlanPriority,
    PlanScrutiny,
    PlanSpending,
    PlanStatus,
)
from store.plans import funding
from store.plans.planning import PlanRefused, actions_of, plan_status, priorities
from store.schema import ACTION_PLANS, ACTIONS, PLAN_SPENDING

if TYPE_CHECKING:
    from store.db import Store


@dataclass(frozen=True)
class Progress:
    """Counts of actions per status, and the share done."""

    counts: dict[PlanStatus, int]

    @classmethod
    def of(cls, actions: list[Action]) -> Progress:
        """The progress of these actions."""
        counted = Counter(plan_status(action) for action in actions)
        return cls({status: counted[status] for status in PlanStatus})

    @property
    def total(self) -> int:
        """Every action counted."""
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        """Actions done."""
        return self.counts[PlanStatus.DONE]

    @property
    def share(self) -> float:
        """Done as a share of all, 0 to 1 (for a progress bar; money is never a float)."""
        return self.done / self.total if self.total else 0.0

    def __str__(self) -> str:
        """`2 red, 1 amber, 3 green, 4 done`."""
        return ", ".join(f"{self.counts[s]} {s.value}" for s in PlanStatus)


@dataclass(frozen=True)
class PriorityProgress:
    """A priority with its actions and their progress."""

    priority: PlanPriority
    actions: list[Action]
    progress: Progress


def progress_by_priority(store: Store, plan_id: str) -> list[PriorityProgress]:
    """Each priority of a plan, with its actions and progress."""
    actions = actions_of(store, plan_id)
    return [
        PriorityProgress(priority, actions[priority.id], Progress.of(actions[priority.id]))
        for priority in priorities(store, plan_id)
    ]


@dataclass(frozen=True)
class PlanRow:
    """One line of the plans list."""

    plan: ActionPlan
    network: str
    progress: Progress
    allocated: Decimal
    committed: Decimal
    spent: Decimal
    ratified: PlanScrutiny | None
    warnings: int


def listing(store: Store, academic_year: str) -> list[PlanRow]:
    """Every network's plan for a year, by network name: progress, money and ratification."""
    plans = []
    for row in store.db.query(
        "SELECT p.*, n.name AS _network FROM action_plans p"
        " JOIN networks n ON n.id = p.network_id WHERE p.academic_year = ?"
        " ORDER BY n.name, p.id",
        [academic_year],
    ):
        network = row.pop("_network")
        plans.append((ACTION_PLANS.from_row(row), network))
    ids = [plan.id for plan, _ in plans]
    marks = ", ".join("?" * len(ids))
    actions: dict[str, list[Action]] = {plan_id: [] for plan_id in ids}
    for row in store.db.query(
        f"SELECT a.*, p.plan_id AS _plan FROM actions a JOIN plan_priorities p"
        f" ON p.id = a.priority_id WHERE p.plan_id IN ({marks}) AND a.status != ?",
        [*ids, ActionStatus.DROPPED.value],
    ):
        plan_id = row.pop("_plan")
        actions[plan_id].append(ACTIONS.from_row(row))
    spending: dict[str, list[PlanSpending]] = {plan_id: [] for plan_id in ids}
    for row in store.db.query(f"SELECT * FROM plan_spending WHERE plan_id IN ({marks})", ids):
        spending[row["plan_id"]].append(PLAN_SPENDING.from_row(row))
    rows = []
    for plan, network in plans:
        committed = sum((a.cost for a in actions[plan.id] if a.cost), funding.ZERO)
        money = funding.build_summary(funding.plan_allocation(plan), committed, spending[plan.id])
        rows.append(
            PlanRow(
                plan=plan,
                network=network,
                progress=Progress.of(actions[plan.id]),
                allocated=money.allocated,
                committed=money.committed,
                spent=money.spent,
                ratified=latest_scrutiny(store, plan.id),
                warnings=len(money.warnings),
            )
        )
    return rows


def years(store: Store) -> list[str]:
    """Every academic year with a plan or city-wide priorities, latest first."""
    found = {
        row["academic_year"]
        for row in store.db.query(
            "SELECT academic_year FROM action_plans UNION"
            " SELECT academic_year FROM partnership_priorities"
        )
    }
    return sorted(found, reverse=True)


# The board's scrutiny ------------------------------------------------------------------------


def latest_scrutiny(store: Store, plan_id: str) -> PlanScrutiny | None:
    """The board's latest word on a plan, if it has scrutinised it."""
    found = store.plan_scrutinies.where(
        plan_id=plan_id, order_by="scrutinised_on DESC, created_at DESC"
    )
    return found[0] if found else None


def record_ratification(
    store: Store,
    plan_id: str,
    *,
    ratified: bool,
    on: date,
    comments: str = "",
    meeting_id: str | None = None,
) -> PlanScrutiny:
    """Record the improvement board's scrutiny of a plan, from the plan's page.

    At a board meeting, the meetings area records it (store.meetings.board.record_scrutiny);
    both land in the same record, so the plan and the meeting show the same word.
    """
    store.action_plans.get(plan_id)
    if meeting_id is not None:
        from store.meetings.board import record_scrutiny

        return record_scrutiny(
            store, meeting_id, plan_id, ratified=ratified, on=on, comments=comments
        )
    if not ratified and not comments.strip():
        raise PlanRefused("Say why the plan is not ratified, so the network can act on it.")
    return store.plan_scrutinies.add(
        PlanScrutiny(plan_id=plan_id, scrutinised_on=on, ratified=ratified, comments=comments)
    )


# Impact evaluation ---------------------------------------------------------------------------


def evaluate_priority(
    store: Store,
    priority_id: str,
    *,
    changed: str,
    evidence: str,
    next_steps: str,
    results: list[str] | None = None,
) -> PlanPriority:
    """What changed for a priority against each success criterion, the evidence, next steps."""
    priority = store.plan_priorities.get(priority_id)
    results = results or []
    criteria = [
        c.model_copy(update={"result": results[i] if i < len(results) else c.result})
        for i, c in enumerate(priority.criteria)
    ]
    update = {
        "impact_changed": changed,
        "impact_evidence": evidence,
        "impact_next_steps": next_steps,
        "criteria": criteria,
    }
    return store.plan_priorities.update(priority.model_copy(update=update))


def evaluate_plan(
    store: Store, plan_id: str, *, evaluation: str, evidence: str, next_steps: str, on: date
) -> ActionPlan:
    """The impact evaluation of the whole plan, to share with the network and the board."""
    if not evaluation.strip():
        raise PlanRefused("Write what the plan changed; evidence and next steps may follow.")
    plan = store.action_plans.get(plan_id)
    update = {
        "impact_evaluation": evaluation,
        "impact_evidence": evidence,
        "impact_next_steps": next_steps,
        "evaluated_on": on,
    }
    return store.action_plans.update(plan.model_copy(update=update))


def unevaluated(store: Store, today: date, network_id: str | None = None) -> dict[str, list[str]]:
    """Per network, the years whose plan has ended with no impact evaluation (for health)."""
    sql = "SELECT network_id, academic_year FROM action_plans WHERE impact_evaluation = ''"
    params: list[str] = []
    if network_id is not None:
        sql += " AND network_id = ?"
        params.append(network_id)
    found: dict[str, list[str]] = {}
    for row in store.db.query(sql + " ORDER BY academic_year", params):
        if academic_year_bounds(row["academic_year"])[1] < today:
            found.setdefault(row["network_id"], []).append(row["academic_year"])
    return found


def unevaluated_sentence(year: str) -> str:
    """The health finding's sentence for a year that ended with no evaluation."""
    ended = uk_date(academic_year_bounds(year)[1])
    return (
        f"The {year} action plan has no impact evaluation, though the year ended on {ended};"
        " evaluate it and share it with the network and the board."
    )
