"""Funding arithmetic: base per school + weighting per Ofsted category + lead's allowance,
in Decimal pounds and pence; spending, totals and warnings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from store import Store
from store.enums import MembershipStatus, NetworkKind, OfstedJudgement
from store.models import FundedActivity, Membership, Network, School
from store.plans import funding, planning
from store.plans.funding import FundingRefused, allocation, money, pounds

J = OfstedJudgement
WEIGHTS = {
    J.OUTSTANDING: Decimal("0.00"),
    J.GOOD: Decimal("100.10"),
    J.REQUIRES_IMPROVEMENT: Decimal("1500.00"),
    J.SERIOUS_WEAKNESSES: Decimal("2500.00"),
    J.SPECIAL_MEASURES: Decimal("3000.01"),
    J.NOT_YET_INSPECTED: Decimal("500.00"),
}


def test_a_network_with_schools_in_every_category() -> None:
    counts = {J.OUTSTANDING: 1, J.GOOD: 3, J.REQUIRES_IMPROVEMENT: 2,
              J.SERIOUS_WEAKNESSES: 1, J.SPECIAL_MEASURES: 1, J.NOT_YET_INSPECTED: 2}  # fmt: skip
    result = allocation(Decimal("500.00"), WEIGHTS, counts, Decimal("2000.00"))
    assert [(line.label, line.count, line.amount) for line in result.lines] == [
        ("Base per school", 10, Decimal("5000.00")),
        ("Good", 3, Decimal("300.30")),
        ("Requires improvement", 2, Decimal("3000.00")),
        ("Serious weaknesses", 1, Decimal("2500.00")),
        ("Special measures", 1, Decimal("3000.01")),
        ("Not yet inspected", 2, Decimal("1000.00")),
        ("Lead's allowance", 1, Decimal("2000.00")),
    ]
    # 5000 + 300.30 + 3000 + 2500 + 3000.01 + 1000 + 2000, exactly.
    assert result.total == Decimal("16800.31")
    assert isinstance(result.total, Decimal)


def test_a_network_with_no_categorised_schools_gets_base_and_allowance_only() -> None:
    result = allocation(Decimal("750.50"), WEIGHTS, {}, Decimal("1999.99"))
    assert result.total == Decimal("1999.99")
    # Four schools, none yet inspected: no category's weighting applies, only the base.
    weights = {j: w for j, w in WEIGHTS.items() if j != J.NOT_YET_INSPECTED}
    result = allocation(Decimal("750.50"), weights, {J.NOT_YET_INSPECTED: 4}, Decimal("1999.99"))
    assert [line.label for line in result.lines] == ["Base per school", "Lead's allowance"]
    assert result.total == Decimal("5001.99")


def test_pennies_add_up_exactly_where_floats_would_not() -> None:
    result = allocation(Decimal("0.10"), {}, {J.GOOD: 3}, Decimal("0.20"))
    assert result.total == Decimal("0.50")  # 0.1 * 3 + 0.2 as floats is 0.5000000000000001


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1250", "1250.00"), ("£1,250.5", "1250.50"), (" 0.07 ", "0.07"), ("", "0.00")],
)
def test_money_is_read_as_people_type_it(text: str, expected: str) -> None:
    assert money(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["ten", "-5", "1.005", "nan", "inf"])
def test_what_is_not_money_is_refused(text: str) -> None:
    with pytest.raises(FundingRefused):
        money(text)


def test_pounds_are_written_with_commas_and_pence() -> None:
    assert pounds(Decimal("12345.6")) == "£12,345.60"


def _network_with(store: Store, judgements: list[OfstedJudgement]) -> str:
    network = store.networks.add(Network(name="Test Network", kind=NetworkKind.NETWORK))
    for number, judgement in enumerate(judgements):
        school = store.schools.add(School(name=f"School {number}", ofsted_judgement=judgement))
        store.memberships.add(
            Membership(network_id=network.id, school_id=school.id, status=MembershipStatus.ACTIVE)
        )
    return network.id


def test_a_plan_keeps_its_rates_and_counts(store: Store) -> None:
    network = _network_with(store, list(J))
    plan = planning.create_plan(store, network, "2025/26")
    assert plan.school_counts == {judgement: 1 for judgement in J}
    plan = funding.set_funding(
        store, plan.id, base_per_school=Decimal("100.00"), weights=WEIGHTS,
        lead_allowance=Decimal("1000.00"),
    )  # fmt: skip
    again = store.action_plans.get(plan.id)
    assert again.base_per_school == Decimal("100.00")
    assert again.category_weights[J.SPECIAL_MEASURES] == Decimal("3000.01")
    # 600 + 100.10 + 1500 + 2500 + 3000.01 + 500 + 1000
    assert funding.plan_allocation(again).total == Decimal("9200.11")


def test_a_plan_of_a_network_with_no_categorised_schools(store: Store) -> None:
    network = _network_with(store, [])
    plan = planning.create_plan(store, network, "2025/26")
    assert plan.school_counts == {}
    assert funding.plan_allocation(plan).total == funding.DEFAULT_LEAD_ALLOWANCE


def test_spending_totals_and_warnings(store: Store) -> None:
    network = _network_with(store, [J.GOOD])
    plan = planning.create_plan(store, network, "2025/26")  # 500 + 2000 = 2500.00
    priority = planning.add_priority(store, plan.id, title="Writing")
    action = planning.add_action(store, priority.id, description="Moderate", cost=Decimal("2000"))
    funding.record_spending(
        store, action.id, activity=FundedActivity.STATUTORY_MODERATION,
        amount=Decimal("1500.25"), spent_on=date(2025, 11, 1),
    )  # fmt: skip
    found = funding.summary(store, plan.id)
    assert (found.allocated, found.committed, found.spent) == (
        Decimal("2500.00"), Decimal("2000.00"), Decimal("1500.25"),
    )  # fmt: skip
    assert found.warnings == []
    funding.record_spending(
        store, action.id, activity=FundedActivity.JOINT_PROJECTS,
        amount=Decimal("1000.00"), spent_on=date(2025, 12, 1),
    )  # fmt: skip
    found = funding.summary(store, plan.id)
    assert found.spent == Decimal("2500.25")
    assert found.warnings == [
        "Overspent: £2,500.25 spent against £2,500.00 allocated, £0.25 over.",
        "£1,000.00 was spent on joint projects not focused on school improvement, which the"
        " school improvement funding must not pay for.",
    ]


def test_spending_must_be_on_a_plan_action_and_more_than_nothing(store: Store) -> None:
    network = _network_with(store, [J.GOOD])
    plan = planning.create_plan(store, network, "2025/26")
    action = planning.add_action(
        store, planning.add_priority(store, plan.id, title="P").id, description="A"
    )
    with pytest.raises(FundingRefused, match="more than"):
        funding.record_spending(
            store, action.id, activity=FundedActivity.ACTION_PLAN, amount=Decimal("0"),
            spent_on=date(2025, 11, 1),
        )  # fmt: skip
