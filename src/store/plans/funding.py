"""A plan's funding by seed 003's rules, in Decimal pounds and pence, never floats.

The allocation is a base amount per school, plus a weighting for each school in each
Ofsted category, plus the lead's allowance. The rates are kept with the plan, so the
arithmetic can be shown and checked later. Spending is recorded against actions, each with
an activity type; only the activities every network does may be paid for.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from store.enums import ActionStatus, OfstedJudgement
from store.errors import StoreError
from store.models import ActionPlan, FundedActivity, PlanSpending

if TYPE_CHECKING:
    from store.db import Store

PENNY = Decimal("0.01")
ZERO = Decimal("0.00")
# What a new plan starts with; the network and the local authority edit them per plan.
DEFAULT_BASE_PER_SCHOOL = Decimal("500.00")
DEFAULT_LEAD_ALLOWANCE = Decimal("2000.00")
DEFAULT_WEIGHTS: dict[OfstedJudgement, Decimal] = {
    OfstedJudgement.OUTSTANDING: ZERO,
    OfstedJudgement.GOOD: ZERO,
    OfstedJudgement.REQUIRES_IMPROVEMENT: Decimal("1500.00"),
    OfstedJudgement.SERIOUS_WEAKNESSES: Decimal("2500.00"),
    OfstedJudgement.SPECIAL_MEASURES: Decimal("3000.00"),
    OfstedJudgement.NOT_YET_INSPECTED: Decimal("500.00"),
}


class FundingRefused(StoreError):
    """A funding change the rules do not allow, said plainly."""


def pounds(amount: Decimal) -> str:
    """`£12,345.60`."""
    return f"£{amount.quantize(PENNY, ROUND_HALF_UP):,.2f}"


def money(text: str) -> Decimal:
    """Pounds and pence typed by a person (`£1,250.5`), or FundingRefused saying why not."""
    cleaned = text.strip().removeprefix("£").replace(",", "").strip()
    try:
        amount = Decimal(cleaned or "0")
    except ArithmeticError:
        raise FundingRefused(f"{text!r} is not an amount of money, e.g. 1250.00.") from None
    if not amount.is_finite() or amount < 0:
        raise FundingRefused(f"{text!r} is not an amount of money, e.g. 1250.00.")
    if amount != amount.quantize(PENNY):
        raise FundingRefused(f"{text!r} has parts of a penny; amounts are pounds and pence.")
    return amount.quantize(PENNY)


@dataclass(frozen=True)
class AllocationLine:
    """One line of the sum: what, how many schools, at what rate, and the amount."""

    label: str
    count: int
    rate: Decimal
    amount: Decimal


@dataclass(frozen=True)
class Allocation:
    """The allocation worked out line by line, and its total."""

    lines: list[AllocationLine]
    total: Decimal


def allocation(
    base_per_school: Decimal,
    weights: dict[OfstedJudgement, Decimal],
    counts: dict[OfstedJudgement, int],
    lead_allowance: Decimal,
) -> Allocation:
    """The allocation: base per school + weighting per school in each category + allowance."""
    schools = sum(counts.values())
    lines = [AllocationLine("Base per school", schools, base_per_school, base_per_school * schools)]
    for judgement in OfstedJudgement:
        count = counts.get(judgement, 0)
        rate = weights.get(judgement, ZERO)
        if count and rate:
            lines.append(AllocationLine(judgement.label, count, rate, rate * count))
    lines.append(AllocationLine("Lead's allowance", 1, lead_allowance, lead_allowance))
    total = sum((line.amount for line in lines), ZERO).quantize(PENNY, ROUND_HALF_UP)
    return Allocation(lines, total)


def plan_allocation(plan: ActionPlan) -> Allocation:
    """The allocation of a plan, from the rates and counts kept with it."""
    return allocation(
        plan.base_per_school, plan.category_weights, plan.school_counts, plan.lead_allowance
    )


def school_counts(store: Store, network_id: str) -> dict[OfstedJudgement, int]:
    """The network's active member schools, counted by latest Ofsted judgement."""
    counted = Counter(
        member.school.ofsted_judgement for member in store.networks.members(network_id)
    )
    return {judgement: counted[judgement] for judgement in OfstedJudgement if counted[judgement]}


def set_funding(
    store: Store,
    plan_id: str,
    *,
    base_per_school: Decimal,
    weights: dict[OfstedJudgement, Decimal],
    lead_allowance: Decimal,
    recount: bool = True,
) -> ActionPlan:
    """Keep these rates with the plan (and count the network's schools again, unless not)."""
    plan = store.action_plans.get(plan_id)
    update: dict[str, object] = {
        "base_per_school": base_per_school,
        "category_weights": {j: w for j, w in weights.items() if w},
        "lead_allowance": lead_allowance,
    }
    if recount:
        update["school_counts"] = school_counts(store, plan.network_id)
    return store.action_plans.update(plan.model_copy(update=update))


def record_spending(
    store: Store,
    action_id: str,
    *,
    activity: FundedActivity,
    amount: Decimal,
    spent_on: date,
    note: str = "",
) -> PlanSpending:
    """Record money spent on a plan's action; a type the rules exclude is kept, and warned of."""
    action = store.actions.get(action_id)
    if action.priority_id is None:
        raise FundingRefused("Spending is recorded against an action in an action plan.")
    if amount <= 0:
        raise FundingRefused("Enter the amount spent, more than £0.00.")
    priority = store.plan_priorities.get(action.priority_id)
    return store.plan_spending.add(
        PlanSpending(
            plan_id=priority.plan_id,
            action_id=action_id,
            activity=activity,
            amount=amount,
            spent_on=spent_on,
            note=note.strip(),
        )
    )


@dataclass(frozen=True)
class FundingSummary:
    """Allocated, committed (the cost of the plan's actions) and spent, with any warnings."""

    allocation: Allocation
    committed: Decimal
    spent: Decimal
    spending: list[PlanSpending] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def allocated(self) -> Decimal:
        """The allocation's total."""
        return self.allocation.total

    @property
    def remaining(self) -> Decimal:
        """What is left to spend (negative when overspent)."""
        return self.allocated - self.spent


def summary(store: Store, plan_id: str) -> FundingSummary:
    """A plan's funding: the allocation, what its actions cost, what was spent, and warnings."""
    plan = store.action_plans.get(plan_id)
    costs = store.db.execute(
        "SELECT a.cost FROM actions a JOIN plan_priorities p ON p.id = a.priority_id"
        " WHERE p.plan_id = ? AND a.cost IS NOT NULL AND a.status != ?",
        [plan_id, ActionStatus.DROPPED.value],
    ).fetchall()
    committed = sum((Decimal(cost) for (cost,) in costs), ZERO)
    spending = store.plan_spending.where(plan_id=plan_id, order_by="spent_on, created_at")
    return build_summary(plan_allocation(plan), committed, spending)


def build_summary(
    allocated: Allocation, committed: Decimal, spending: list[PlanSpending]
) -> FundingSummary:
    """The totals and the warnings they call for."""
    spent = sum((item.amount for item in spending), ZERO)
    warnings = []
    if spent > allocated.total:
        warnings.append(
            f"Overspent: {pounds(spent)} spent against {pounds(allocated.total)} allocated,"
            f" {pounds(spent - allocated.total)} over."
        )
    if committed > allocated.total:
        warnings.append(
            f"The actions cost {pounds(committed)}, {pounds(committed - allocated.total)} more"
            " than the allocation."
        )
    excluded: dict[FundedActivity, Decimal] = {}
    for item in spending:
        if not item.activity.fundable:
            excluded[item.activity] = excluded.get(item.activity, ZERO) + item.amount
    for activity, amount in excluded.items():
        warnings.append(
            f"{pounds(amount)} was spent on {activity.label.lower()}, which the school"
            " improvement funding must not pay for."
        )
    return FundingSummary(allocated, committed, spent, spending, warnings)
