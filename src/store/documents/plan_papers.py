"""A network's action plan and its end-of-year impact report, through the shared renderer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from store.dates import uk_date
from store.documents.paper import Block, Bullets, Heading, Paragraph, Table, write
from store.errors import StoreError
from store.ids import find_network
from store.models import ActionPlan
from store.plans import funding, progress
from store.plans.funding import pounds
from store.plans.planning import plan_for, plan_status

if TYPE_CHECKING:
    from store.db import Store


def find_plan(store: Store, network: str, academic_year: str) -> ActionPlan:
    """The plan of a network (by name or id) for a year, or a sentence saying what is missing."""
    found = find_network(store, network)
    plan = plan_for(store, found.id, academic_year)
    if plan is None:
        raise StoreError(f"{found.name} has no action plan for {academic_year}.")
    return plan


def _names(store: Store, ids: list[str | None]) -> dict[str, str]:
    return {key: p.name for key, p in store.people.by_ids(i for i in ids if i).items()}


def _head(store: Store, plan: ActionPlan, what: str) -> list[Block]:
    network = store.networks.get(plan.network_id)
    names = _names(store, [plan.lead_id, plan.deputy_id])
    lead = names.get(plan.lead_id or "", "not named")
    deputy = names.get(plan.deputy_id or "", "not named")
    scrutiny = progress.latest_scrutiny(store, plan.id)
    if scrutiny is None:
        board = "Not yet scrutinised by the improvement board."
    else:
        word = "Ratified" if scrutiny.ratified else "Not ratified"
        board = f"{word} by the improvement board on {uk_date(scrutiny.scrutinised_on)}."
        if scrutiny.comments:
            board += f" {scrutiny.comments}"
    return [
        Heading(1, f"{network.name}: {what} {plan.academic_year}"),
        Paragraph(f"Network lead: {lead}. Deputy: {deputy}.\n{board}"),
    ]


def plan_paper(store: Store, plan_id: str) -> list[Block]:
    """The action plan: priorities, success criteria, actions and funding."""
    plan = store.action_plans.get(plan_id)
    blocks = _head(store, plan, "action plan")
    city = store.partnership_priorities.by_ids(
        p.priority.partnership_priority_id or ""
        for p in progress.progress_by_priority(store, plan_id)
    )
    rows = progress.progress_by_priority(store, plan_id)
    owners = _names(store, [a.owner_id for row in rows for a in row.actions])
    for number, row in enumerate(rows, start=1):
        priority = row.priority
        link = city.get(priority.partnership_priority_id or "")
        blocks.append(Heading(2, f"Priority {number}: {priority.title}"))
        answers = f"Partnership priority: {link.title}." if link else "A local priority."
        blocks.append(
            Paragraph(f"{answers}\nExpected outcomes: {priority.expected_outcomes or '-'}")
        )
        if priority.criteria:
            blocks.append(
                Table(
                    [["Success criterion", "Baseline", "Target"]]
                    + [[c.measure, c.baseline, c.target] for c in priority.criteria]
                )
            )
        if row.actions:
            table = [["Action", "Owner", "Start", "Due", "Status", "Cost"]]
            for action in row.actions:
                carried = " (carried over)" if action.carried_from_id else ""
                table.append([
                    action.description + carried, owners.get(action.owner_id or "", ""),
                    uk_date(action.starts_on), uk_date(action.due_on),
                    plan_status(action).label, pounds(action.cost) if action.cost else "",
                ])  # fmt: skip
            blocks.append(Table(table))
        blocks.append(Paragraph(f"Progress: {row.progress}."))
    blocks += funding_blocks(store, plan)
    return blocks


def funding_blocks(store: Store, plan: ActionPlan) -> list[Block]:
    """The allocation worked out, the totals and any warnings."""
    money = funding.summary(store, plan.id)
    table = [["", "Schools", "Rate", "Amount"]]
    for line in money.allocation.lines:
        table.append([line.label, str(line.count), pounds(line.rate), pounds(line.amount)])
    table.append(["Allocated", "", "", pounds(money.allocated)])
    blocks: list[Block] = [Heading(2, "Funding"), Table(table)]
    blocks.append(
        Paragraph(
            f"Allocated {pounds(money.allocated)}; committed to actions {pounds(money.committed)};"
            f" spent {pounds(money.spent)}; remaining {pounds(money.remaining)}."
        )
    )
    if money.warnings:
        blocks.append(Bullets(money.warnings))
    return blocks


def impact_paper(store: Store, plan_id: str) -> list[Block]:
    """The year's impact report for the board: per priority, then for the whole plan."""
    plan = store.action_plans.get(plan_id)
    blocks = _head(store, plan, "impact evaluation")
    if not plan.impact_evaluation:
        blocks.append(Paragraph("The network has not yet evaluated this plan's impact."))
    for number, row in enumerate(progress.progress_by_priority(store, plan_id), start=1):
        priority = row.priority
        blocks.append(Heading(2, f"Priority {number}: {priority.title}"))
        if priority.criteria:
            blocks.append(
                Table(
                    [["Success criterion", "Baseline", "Target", "Result"]]
                    + [[c.measure, c.baseline, c.target, c.result] for c in priority.criteria]
                )
            )
        blocks.append(
            Paragraph(
                f"What changed: {priority.impact_changed or '-'}\n"
                f"Evidence: {priority.impact_evidence or '-'}\n"
                f"Next steps: {priority.impact_next_steps or '-'}\n"
                f"Actions: {row.progress}."
            )
        )
    blocks.append(Heading(2, "The plan as a whole"))
    when = f" (evaluated {uk_date(plan.evaluated_on)})" if plan.evaluated_on else ""
    blocks.append(
        Paragraph(
            f"Impact{when}: {plan.impact_evaluation or '-'}\n"
            f"Evidence: {plan.impact_evidence or '-'}\n"
            f"Next steps: {plan.impact_next_steps or '-'}"
        )
    )
    blocks += funding_blocks(store, plan)
    return blocks


def write_plan_paper(store: Store, plan_id: str, kind: str, path: Path) -> Path:
    """Write the plan ("plan") or its impact report ("impact"): HTML for .html, else Markdown."""
    build = plan_paper if kind == "plan" else impact_paper
    return write(build(store, plan_id), path)
