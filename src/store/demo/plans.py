"""The demo's annual action plans and their priorities."""

from __future__ import annotations

from datetime import date

from store import models
from store.demo import facts
from store.demo.ids import (
    Loader,
    demo_id,
    head_id,
    network_id,
)
from store.enums import ActionSource, ActionStatus, Rag


def add_plan(loader: Loader, network: facts.DemoNetwork) -> None:
    store = loader.store
    plan_id = demo_id("plan", network.key, "2026/27")
    loader.put(
        store.action_plans,
        models.ActionPlan(
            id=plan_id,
            network_id=network_id(network.key),
            academic_year="2026/27",
            funding_allocated=6000 + 1000 * len(network.schools),
            funding_spent=1850,
        ),
    )
    for position in range(3):
        title, partnership, outcomes, criteria = facts.PRIORITIES[
            (position + network.weekday_offset) % 4
        ]
        priority_id = demo_id("priority", plan_id, str(position))
        loader.put(
            store.plan_priorities,
            models.PlanPriority(
                id=priority_id,
                plan_id=plan_id,
                position=position,
                title=title,
                partnership_priority=partnership,
                expected_outcomes=outcomes,
                success_criteria=criteria,
                funding_allocated=2000,
                rag=(Rag.GREEN, Rag.AMBER, Rag.RED)[(position + len(network.schools)) % 3],
            ),
        )
        loader.put(
            store.actions,
            models.Action(
                id=demo_id("action", priority_id),
                description=f"Lead the priority: {title}",
                owner_id=head_id(network.schools[position % len(network.schools)]),
                due_on=date(2027, 3, 31),
                status=ActionStatus.IN_PROGRESS if position else ActionStatus.OPEN,
                source=ActionSource.PLAN,
                network_id=network_id(network.key),
                priority_id=priority_id,
            ),
        )
