"""A plan's page with its keys: each opens a form or asks, then makes one store call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.binding import Binding
from textual.widgets import DataTable

from store import StoreError
from store.documents.plan_papers import write_plan_paper
from store.models import PlanStatus
from store.plans import funding, planning, progress
from store.sharing.file_names import paper_file_name
from store.text import os_error_reason
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.dialogs.export_path import ExportPathScreen
from tui.screens.dialogs.form import ask
from tui.screens.dialogs.message import MessageScreen
from tui.screens.plan.leads_form import LeadsData, LeadsScreen
from tui.screens.plan.plan_forms import (
    ActionData,
    EvaluationData,
    EvaluationScreen,
    FundingData,
    FundingScreen,
    PlanActionScreen,
    PriorityData,
    PriorityScreen,
    ScrutinyData,
    ScrutinyScreen,
    SpendingData,
    SpendingScreen,
)
from tui.screens.plan.plan_page import PlanPage

# Enter on an action moves it on: green -> amber -> red -> done -> green.
NEXT_STATUS = {
    PlanStatus.GREEN: PlanStatus.AMBER,
    PlanStatus.AMBER: PlanStatus.RED,
    PlanStatus.RED: PlanStatus.DONE,
    PlanStatus.DONE: PlanStatus.GREEN,
}


class PlanScreen(PlanPage):
    """What a user can do on a plan's page."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("a", "add_priority", "Priority"),
        Binding("c", "add_action", "Action"),
        Binding("e", "spend", "Spending"),
        Binding("f", "funding", "Funding rates"),
        Binding("b", "board", "Board"),
        Binding("E", "edit", "Edit", key_display="E"),
        Binding("l", "leads", "Lead & deputy"),
        Binding("i", "evaluate_priority", "Evaluate priority"),
        Binding("w", "evaluate_plan", "Evaluate plan"),
        Binding("y", "roll_forward", "Next year"),
        Binding("o", "export_plan", "Write plan"),
        Binding("k", "export_impact", "Impact report"),
    ]

    def action_back(self) -> None:
        """Back to where the plan was opened from."""
        self.app.pop_screen()

    def _do(self, call: Callable[[], object], done: str) -> None:
        try:
            call()
        except StoreError as error:
            self.app.push_screen(MessageScreen("Not possible", str(error)))
            return
        self.notify(done, markup=False)
        self.announce_changes()

    def _city(self) -> list[tuple[str, str]]:
        from store.plans.partnership import partnership_priorities

        year = self.plan.academic_year
        return [(p.title, p.id) for p in partnership_priorities(self.store, year)]

    def _priority_options(self) -> list[tuple[str, str]]:
        return [
            (f"{n}. {p.title}", p.id)
            for n, p in enumerate(planning.priorities(self.store, self.plan_id), start=1)
        ]

    def _people(self, also: list[str | None] | None = None) -> list[tuple[str, str]]:
        """The people at the network's schools (and anyone in `also`), by name."""
        members = self.store.networks.members(self.plan.network_id)
        people = {p.id: p for p in self.store.people.at_schools({m.school.id for m in members})}
        people.update(self.store.people.by_ids([i for i in also or [] if i]))
        return sorted(((p.name, p.id) for p in people.values()), key=lambda pair: pair[0])

    def action_leads(self) -> None:
        """Change the lead and deputy who own the plan."""
        plan = self.plan
        people = self._people([plan.lead_id, plan.deputy_id])
        data = LeadsData(plan.lead_id, plan.deputy_id)

        def save(data: LeadsData) -> None:
            planning.set_leads(self.store, self.plan_id, data.lead_id, data.deputy_id)

        ask(
            self, lambda: LeadsScreen(people, data), save, "Lead and deputy changed.", based_on=plan
        )

    def action_add_priority(self) -> None:
        """Add a priority with its outcomes and success criteria."""
        city = self._city()

        def save(data: PriorityData) -> None:
            planning.add_priority(
                self.store, self.plan_id, title=data.title,
                partnership_priority_id=data.partnership_priority_id,
                expected_outcomes=data.expected_outcomes, criteria=data.criteria,
            )  # fmt: skip

        ask(self, lambda: PriorityScreen(city), save, "Priority added.")

    def action_add_action(self) -> None:
        """Add an action to a priority."""
        options = self._priority_options()
        if not options:
            self.notify("Add a priority first (a).")
            return
        chosen = self.selected_key("priorities") if self.active_tab == "priorities-tab" else None
        owners = self._people()

        def save(data: ActionData) -> None:
            planning.add_action(
                self.store, data.priority_id, description=data.description,
                owner_id=data.owner_id, starts_on=data.starts_on, due_on=data.due_on,
                cost=data.cost, status=data.status,
            )  # fmt: skip

        form = lambda: PlanActionScreen(options, chosen or options[0][1], owners)  # noqa: E731
        ask(self, form, save, "Action added.")

    def action_edit(self) -> None:
        """Edit the priority or the action under the cursor, by the tab in front."""
        if self.active_tab == "actions-tab" and (action_id := self.selected_key("actions")):
            self._edit_action(action_id)
        elif self.active_tab == "priorities-tab" and (chosen := self.selected_key("priorities")):
            self._edit_priority(chosen)
        else:
            self.notify("Choose a priority (Priorities tab) or an action (Actions tab) to edit.")

    def _edit_priority(self, priority_id: str) -> None:
        priority = self.store.plan_priorities.get(priority_id)
        city = self._city()
        data = PriorityData(
            priority.title, priority.partnership_priority_id, priority.expected_outcomes,
            priority.criteria,
        )  # fmt: skip

        def save(data: PriorityData) -> None:
            planning.edit_priority(
                self.store, priority_id, title=data.title,
                partnership_priority_id=data.partnership_priority_id,
                expected_outcomes=data.expected_outcomes, criteria=data.criteria,
            )  # fmt: skip

        ask(self, lambda: PriorityScreen(city, data), save, "Priority changed.", based_on=priority)

    def _edit_action(self, action_id: str) -> None:
        action = self.store.actions.get(action_id)
        options = self._priority_options()
        owners = self._people([action.owner_id])
        data = ActionData(
            action.priority_id or "", action.description, action.owner_id, action.starts_on,
            action.due_on, action.cost, planning.plan_status(action),
        )  # fmt: skip

        def save(data: ActionData) -> None:
            planning.edit_action(
                self.store, action_id, description=data.description, owner_id=data.owner_id,
                starts_on=data.starts_on, due_on=data.due_on, cost=data.cost,
            )  # fmt: skip

        form = lambda: PlanActionScreen(options, data.priority_id, owners, data)  # noqa: E731
        ask(self, form, save, "Action changed.", based_on=action)

    @on(DataTable.RowSelected, "#actions")
    def next_status(self, event: DataTable.RowSelected) -> None:
        """Enter on an action moves its status on: green, amber, red, done."""
        action = self.store.actions.get(str(event.row_key.value))
        status = NEXT_STATUS[planning.plan_status(action)]
        self._do(
            lambda: planning.set_action_status(self.store, action.id, status),
            f"Now {status.label.lower()}.",
        )

    def action_spend(self) -> None:
        """Record spending against an action."""
        groups = progress.progress_by_priority(self.store, self.plan_id)
        actions = [(a.description, a.id) for row in groups for a in row.actions]
        if not actions:
            self.notify("Add an action first (c): spending is recorded against actions.")
            return
        chosen = self.selected_key("actions") if self.active_tab == "actions-tab" else None
        today = self.store.today()

        def save(data: SpendingData) -> None:
            funding.record_spending(
                self.store, data.action_id, activity=data.activity, amount=data.amount,
                spent_on=data.spent_on, note=data.note,
            )  # fmt: skip
            self.show_tab("funding-tab")

        form = lambda: SpendingScreen(actions, chosen or actions[0][1], today)  # noqa: E731
        ask(self, form, save, "Spending recorded.")

    def action_funding(self) -> None:
        """Edit the rates the allocation is worked out from."""
        plan = self.plan
        data = FundingData(plan.base_per_school, dict(plan.category_weights), plan.lead_allowance)

        def save(data: FundingData) -> None:
            funding.set_funding(
                self.store, self.plan_id, base_per_school=data.base_per_school,
                weights=data.weights, lead_allowance=data.lead_allowance,
            )  # fmt: skip
            self.show_tab("funding-tab")

        done = "Funding rates kept with the plan."
        ask(self, lambda: FundingScreen(data), save, done, based_on=plan)

    def action_board(self) -> None:
        """Record the improvement board's scrutiny of the plan."""
        today = self.store.today()

        def save(data: ScrutinyData) -> None:
            progress.record_ratification(
                self.store, self.plan_id, ratified=data.ratified, on=data.on,
                comments=data.comments,
            )  # fmt: skip
            self.show_tab("board-tab")

        ask(self, lambda: ScrutinyScreen(today), save, "The board's scrutiny recorded.")

    def action_evaluate_priority(self) -> None:
        """Evaluate the impact of the priority under the cursor."""
        priority_id = self.selected_key("priorities")
        if priority_id is None:
            self.notify("Add a priority first (a).")
            return
        priority = self.store.plan_priorities.get(priority_id)
        data = EvaluationData(
            priority.impact_changed, priority.impact_evidence, priority.impact_next_steps,
            [c.result for c in priority.criteria],
        )  # fmt: skip

        def save(data: EvaluationData) -> None:
            progress.evaluate_priority(
                self.store, priority_id, changed=data.changed, evidence=data.evidence,
                next_steps=data.next_steps, results=data.results,
            )  # fmt: skip
            self.show_tab("impact-tab")

        title = f"Impact: {priority.title}"
        form = lambda: EvaluationScreen(title, priority.criteria, data)  # noqa: E731
        ask(self, form, save, "Priority evaluated.", based_on=priority)

    def action_evaluate_plan(self) -> None:
        """Evaluate the impact of the whole plan."""
        plan = self.plan
        data = EvaluationData(
            plan.impact_evaluation, plan.impact_evidence, plan.impact_next_steps, []
        )
        today = self.store.today()

        def save(data: EvaluationData) -> None:
            progress.evaluate_plan(
                self.store, self.plan_id, evaluation=data.changed, evidence=data.evidence,
                next_steps=data.next_steps, on=today,
            )  # fmt: skip
            self.show_tab("impact-tab")

        form = lambda: EvaluationScreen("Impact of the whole plan", [], data)  # noqa: E731
        ask(self, form, save, "Plan evaluated.", based_on=plan)

    def action_roll_forward(self) -> None:
        """Start next year's plan from this one, after asking."""
        year = planning.next_year(self.plan.academic_year)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                new = planning.roll_forward(self.store, self.plan_id)
            except StoreError as error:
                self.app.push_screen(MessageScreen("Not possible", str(error)))
                return
            self.announce_changes()
            self.notify(f"The {year} plan is started; unfinished actions carried over.")
            self.app.switch_screen(PlanScreen(new.id))

        question = (
            f"Start the {year} plan from this one? Its priorities, rates, lead and deputy come"
            " across, and every unfinished action is carried over and marked so."
        )
        self.app.push_screen(ConfirmScreen(question), answered)

    def _export(self, kind: str, title: str) -> None:
        plan = self.plan
        network = self.store.networks.get(plan.network_id).name
        label = "Impact report" if kind == "impact" else "Action plan"
        year = plan.academic_year.replace("/", "-")
        suggested = Path.home() / paper_file_name(label, network, year, suffix=".html")

        def write(path: Path) -> None:
            try:
                write_plan_paper(self.store, self.plan_id, kind, path)
            except OSError as error:
                raise StoreError(f"Cannot write there: {os_error_reason(error)}.") from error

        ask(self, lambda: ExportPathScreen(suggested, title), write, lambda p: f"Wrote {p}.")

    def action_export_plan(self) -> None:
        """Write the action plan as HTML to print, or Markdown."""
        self._export("plan", "Write the action plan")

    def action_export_impact(self) -> None:
        """Write the year's impact report for the board."""
        self._export("impact", "Write the impact report")
