"""The demo's action plans: the city-wide priorities, each network's 2025/26 plan (spent,
ratified and, for all but one network, evaluated) and its 2026/27 plan rolled forward."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from store import models
from store.demo import facts, plan_facts
from store.demo.ids import Loader, demo_id, head_id, network_id
from store.enums import ActionSource, ActionStatus, Rag
from store.plans import funding

YEARS = ("2025/26", "2026/27")
# This network's 2025/26 plan has no evaluation yet, so the health finding shows in the demo.
UNEVALUATED = "cov-south"


def add_city_priorities(loader: Loader) -> None:
    """The partnership's priorities for both years."""
    for year in YEARS:
        for position, (title, description) in enumerate(plan_facts.CITY_PRIORITIES):
            loader.put(
                loader.store.partnership_priorities,
                models.PartnershipPriority(
                    id=demo_id("city-priority", year, str(position)),
                    academic_year=year,
                    position=position,
                    title=title,
                    description=description,
                ),
            )


def add_plan(loader: Loader, network: facts.DemoNetwork) -> None:
    """A network's plans for 2025/26 and 2026/27."""
    add_city_priorities(loader)
    last = _plan_2025(loader, network)
    _plan_2026(loader, network, last)


def _plan(loader: Loader, network: facts.DemoNetwork, year: str, **extra: object) -> str:
    store = loader.store
    plan_id = demo_id("plan", network.key, year)
    loader.put(
        store.action_plans,
        models.ActionPlan(
            id=plan_id,
            network_id=network_id(network.key),
            academic_year=year,
            lead_id=head_id(network.lead_school),
            deputy_id=head_id(network.deputy_school) if network.deputy_school else None,
            base_per_school=funding.DEFAULT_BASE_PER_SCHOOL,
            category_weights={j: w for j, w in funding.DEFAULT_WEIGHTS.items() if w},
            school_counts=funding.school_counts(store, network_id(network.key)),
            lead_allowance=funding.DEFAULT_LEAD_ALLOWANCE,
        ).model_copy(update=extra),
    )
    return plan_id


def _priority(loader: Loader, plan_id: str, year: str, position: int, evaluated: bool) -> str:
    fact = plan_facts.PRIORITIES[position]
    priority_id = demo_id("priority", plan_id, str(position))
    loader.put(
        loader.store.plan_priorities,
        models.PlanPriority(
            id=priority_id,
            plan_id=plan_id,
            position=position,
            title=fact.title,
            partnership_priority_id=(
                None if fact.city is None else demo_id("city-priority", year, str(fact.city))
            ),
            expected_outcomes=fact.outcomes,
            criteria=[
                models.SuccessCriterion(
                    measure=c.measure,
                    baseline=c.result if year == YEARS[1] else c.baseline,
                    target=c.target,
                    result=c.result if evaluated else "",
                )
                for c in fact.criteria
            ],
            impact_changed=fact.changed if evaluated else "",
            impact_evidence=fact.evidence if evaluated else "",
            impact_next_steps=fact.next_steps if evaluated else "",
        ),
    )
    return priority_id


def _plan_2025(loader: Loader, network: facts.DemoNetwork) -> dict[str, models.Action]:
    """The 2025/26 plan; returns its unfinished actions, by id, to carry over."""
    store = loader.store
    evaluated = network.key != UNEVALUATED
    text = plan_facts.PLAN_EVALUATION if evaluated else ("", "", "")
    plan_id = _plan(
        loader, network, YEARS[0], impact_evaluation=text[0], impact_evidence=text[1],
        impact_next_steps=text[2], evaluated_on=date(2026, 7, 15) if evaluated else None,
    )  # fmt: skip
    unfinished: dict[str, models.Action] = {}
    action_ids: dict[tuple[int, int], str] = {}
    for position, fact in enumerate(plan_facts.PRIORITIES):
        priority_id = _priority(loader, plan_id, YEARS[0], position, evaluated)
        for number, (description, cost) in enumerate(fact.actions):
            # The second action of the last two priorities is still under way in July.
            done = number == 0 or position == 0
            action = models.Action(
                id=demo_id("action", priority_id, str(number)),
                description=description,
                owner_id=head_id(network.schools[(position + number) % len(network.schools)]),
                starts_on=date(2025, 9, 15),
                due_on=date(2026, 7, 17),
                status=ActionStatus.DONE if done else ActionStatus.IN_PROGRESS,
                rag=Rag.GREEN if done else Rag.AMBER,
                cost=Decimal(cost),
                source=ActionSource.PLAN,
                network_id=network_id(network.key),
                priority_id=priority_id,
            )
            loader.put(store.actions, action)
            action_ids[(position, number)] = action.id
            if not done:
                unfinished[action.id] = action
    for index, (position, number, activity, amount, month) in enumerate(plan_facts.SPENDING_2025):
        loader.put(
            store.plan_spending,
            models.PlanSpending(
                id=demo_id("spending", plan_id, str(index)),
                plan_id=plan_id,
                action_id=action_ids[(position, number)],
                activity=activity,
                amount=Decimal(amount),
                spent_on=date(2025 if month >= 9 else 2026, month, 14),
            ),
        )
    loader.put(
        store.plan_scrutinies,
        models.PlanScrutiny(
            id=demo_id("scrutiny", plan_id),
            plan_id=plan_id,
            scrutinised_on=date(2025, 10, 15),
            ratified=True,
            comments="Ratified: clear priorities with measurable targets.",
        ),
    )
    return unfinished


def _plan_2026(
    loader: Loader, network: facts.DemoNetwork, carried: dict[str, models.Action]
) -> None:
    """The 2026/27 plan, rolled forward: the same priorities, last year's results as
    baselines, the unfinished actions carried over, and a new action for each priority."""
    store = loader.store
    old_plan = demo_id("plan", network.key, YEARS[0])
    plan_id = _plan(loader, network, YEARS[1], rolled_from_id=old_plan)
    statuses = (
        (ActionStatus.IN_PROGRESS, Rag.GREEN),
        (ActionStatus.IN_PROGRESS, Rag.AMBER),
        (ActionStatus.IN_PROGRESS, Rag.RED),
        (ActionStatus.DONE, Rag.GREEN),
    )
    for position in range(len(plan_facts.PRIORITIES)):
        priority_id = _priority(loader, plan_id, YEARS[1], position, False)
        old_priority = demo_id("priority", old_plan, str(position))
        for old in carried.values():
            if old.priority_id == old_priority:
                loader.put(
                    store.actions,
                    old.model_copy(
                        update={
                            "id": demo_id("action", "carried", old.id),
                            "priority_id": priority_id,
                            "due_on": date(2027, 7, 16),
                            "starts_on": None,
                            "carried_from_id": old.id,
                        }
                    ),
                )
        status, rag = statuses[(position + len(network.schools)) % len(statuses)]
        loader.put(
            store.actions,
            models.Action(
                id=demo_id("action", priority_id, "new"),
                description=f"Lead the priority: {plan_facts.PRIORITIES[position].title.lower()}",
                owner_id=head_id(network.schools[position % len(network.schools)]),
                starts_on=date(2026, 9, 14),
                due_on=date(2027, 3, 31),
                status=status,
                rag=rag,
                cost=Decimal(1000),
                source=ActionSource.PLAN,
                network_id=network_id(network.key),
                priority_id=priority_id,
            ),
        )
