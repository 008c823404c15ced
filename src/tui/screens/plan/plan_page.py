"""A plan's page: its tabs (priorities, actions, funding, board, impact), read from the store."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from store.dates import uk_date
from store.models import ActionPlan, PartnershipPriority, Person
from store.plans import funding, progress
from store.plans.funding import pounds
from store.plans.planning import plan_status
from tui.formatting import plain
from tui.screens.tabbed import TabbedPage

STATUS_STYLE = {"red": "bold red", "amber": "bold yellow", "green": "bold green", "done": "dim"}


def bar(share: float, width: int = 10) -> Text:
    """A progress bar of the share done."""
    filled = round(share * width)
    return Text.assemble(
        ("█" * filled, "green"), ("░" * (width - filled), "dim"), f" {round(share * 100):>3}%"
    )


class PlanPage(TabbedPage):
    """What a plan's page shows; PlanScreen adds what a user can do."""

    SHOWS = frozenset(
        {"action_plans", "plan_priorities", "actions", "plan_spending", "plan_scrutinies",
         "partnership_priorities", "people", "networks"}
    )  # fmt: skip

    def __init__(self, plan_id: str) -> None:
        super().__init__()
        self.plan_id = plan_id

    @property
    def plan(self) -> ActionPlan:
        """The plan, read afresh."""
        return self.store.action_plans.get(self.plan_id)

    def compose_body(self) -> ComposeResult:
        """The heading, then a tab per part of the plan."""
        yield Static(id="heading")
        with TabbedContent(id="tabs"):
            with TabPane("Priorities", id="priorities-tab"):
                yield DataTable(id="priorities", cursor_type="row")
            with TabPane("Actions", id="actions-tab"):
                yield DataTable(id="actions", cursor_type="row", zebra_stripes=True)
            with TabPane("Funding", id="funding-tab"):
                with VerticalScroll():
                    yield Static(id="funding")
                    yield DataTable(id="spending", cursor_type="row")
            with TabPane("Board", id="board-tab"):
                yield Static(id="board-note")
                yield DataTable(id="board", cursor_type="row")
            with TabPane("Impact", id="impact-tab"):
                with VerticalScroll():
                    yield Static(id="impact")

    def on_mount(self) -> None:
        """Columns, then the plan."""
        self.query_one("#priorities", DataTable).add_columns(
            "#", "Priority", "Answers", "Success criteria", "Progress", "Actions"
        )
        self.query_one("#actions", DataTable).add_columns(
            "#", "Action", "Owner", "Start", "Due", "Status", "Cost"
        )
        self.query_one("#spending", DataTable).add_columns(
            "Spent on", "Action", "Activity", "Amount"
        )
        self.query_one("#board", DataTable).add_columns("Date", "Board's word", "Comments")
        self.refresh_data()

    def refresh_data(self) -> None:
        """Read the plan and fill every tab."""
        store = self.store
        plan = self.plan
        network = store.networks.get(plan.network_id)
        self.sub_title = f"{network.name}, {plan.academic_year}"
        rows = progress.progress_by_priority(store, self.plan_id)
        city = store.partnership_priorities.by_ids(
            row.priority.partnership_priority_id or "" for row in rows
        )
        people = store.people.by_ids(
            [a.owner_id or "" for row in rows for a in row.actions]
            + [plan.lead_id or "", plan.deputy_id or ""]
        )
        everything = progress.Progress.of([a for row in rows for a in row.actions])
        scrutiny = progress.latest_scrutiny(store, self.plan_id)
        board = "not yet scrutinised by the board"
        if scrutiny is not None:
            word = "ratified" if scrutiny.ratified else "not ratified"
            board = f"{word} by the board {uk_date(scrutiny.scrutinised_on)}"
        lead = people.get(plan.lead_id or "")
        deputy = people.get(plan.deputy_id or "")
        self.query_one("#heading", Static).update(
            Text.assemble(
                (f"{network.name}: action plan {plan.academic_year}", "bold"),
                f"\nLead {lead.name if lead else 'not named'}, deputy"
                f" {deputy.name if deputy else 'not named'}; {board}.\n",
                bar(everything.share),
                f"  {everything}",
            )
        )
        self._fill_priorities(rows, city)
        self._fill_actions(rows, people)
        self._fill_funding(plan)
        self._fill_board()
        self._fill_impact(plan, rows)

    def _fill_priorities(
        self, rows: list[progress.PriorityProgress], city: dict[str, PartnershipPriority]
    ) -> None:
        table = self.reset_table("priorities")
        for number, row in enumerate(rows, start=1):
            priority = row.priority
            link = city.get(priority.partnership_priority_id or "")
            criteria = "; ".join(f"{c.measure} {c.baseline}→{c.target}" for c in priority.criteria)
            table.add_row(
                str(number), plain(priority.title), plain(link.title if link else "Local"),
                plain(criteria or "-"), bar(row.progress.share), str(row.progress.total),
                key=priority.id,
            )  # fmt: skip

    def _fill_actions(
        self, rows: list[progress.PriorityProgress], people: dict[str, Person]
    ) -> None:
        table = self.reset_table("actions")
        for number, row in enumerate(rows, start=1):
            for action in row.actions:
                status = plan_status(action)
                owner = people.get(action.owner_id or "")
                carried = " ↻ carried over" if action.carried_from_id else ""
                table.add_row(
                    str(number), plain(action.description + carried),
                    plain(owner.name if owner else ""), uk_date(action.starts_on),
                    uk_date(action.due_on), Text(status.label, style=STATUS_STYLE[status.value]),
                    pounds(action.cost) if action.cost is not None else "", key=action.id,
                )  # fmt: skip

    def _fill_funding(self, plan: ActionPlan) -> None:
        money = funding.summary(self.store, plan.id)
        lines = [
            f"{line.label}: {line.count} × {pounds(line.rate)} = {pounds(line.amount)}"
            if line.label != "Lead's allowance"
            else f"{line.label}: {pounds(line.amount)}"
            for line in money.allocation.lines
        ]
        text = Text("\n".join(lines) + "\n")
        text.append(
            f"Allocated {pounds(money.allocated)}   Committed {pounds(money.committed)}"
            f"   Spent {pounds(money.spent)}   Remaining {pounds(money.remaining)}\n",
            style="bold",
        )
        for warning in money.warnings:
            text.append(f"⚠ {warning}\n", style="bold red")
        self.query_one("#funding", Static).update(text)
        table = self.reset_table("spending")
        actions = self.store.actions.by_ids(item.action_id for item in money.spending)
        for item in money.spending:
            action = actions.get(item.action_id)
            style = "" if item.activity.fundable else "bold red"
            table.add_row(
                uk_date(item.spent_on), plain(action.description if action else ""),
                Text(item.activity.label, style=style), pounds(item.amount), key=item.id,
            )  # fmt: skip

    def _fill_board(self) -> None:
        from store.meetings.board import scrutinies_of

        table = self.reset_table("board")
        found = scrutinies_of(self.store, self.plan_id)
        for scrutiny in found:
            word = "Ratified" if scrutiny.ratified else "Not ratified"
            table.add_row(
                uk_date(scrutiny.scrutinised_on), word, plain(scrutiny.comments), key=scrutiny.id
            )
        note = "The improvement board scrutinises, ratifies and reviews the plan; b records it."
        self.query_one("#board-note", Static).update(note if not found else "")

    def _fill_impact(self, plan: ActionPlan, rows: list[progress.PriorityProgress]) -> None:
        text = Text()
        for number, row in enumerate(rows, start=1):
            priority = row.priority
            text.append(f"{number}. {priority.title}\n", style="bold")
            for c in priority.criteria:
                result = c.result or "not yet evaluated"
                text.append(f"   {c.measure}: {c.baseline} → target {c.target}; came to {result}\n")
            text.append(f"   What changed: {priority.impact_changed or '-'}\n")
            text.append(f"   Evidence: {priority.impact_evidence or '-'}\n")
            text.append(f"   Next steps: {priority.impact_next_steps or '-'}\n\n")
        text.append("The whole plan", style="bold")
        if plan.evaluated_on:
            text.append(f" (evaluated {uk_date(plan.evaluated_on)})")
        text.append(
            f"\n   {plan.impact_evaluation or 'Not yet evaluated: w writes it.'}\n"
            f"   Evidence: {plan.impact_evidence or '-'}\n"
            f"   Next steps: {plan.impact_next_steps or '-'}\n"
        )
        self.query_one("#impact", Static).update(text)
