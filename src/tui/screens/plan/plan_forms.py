"""Forms of the action plans area: each only validates and returns its data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from textual.app import ComposeResult
from textual.widgets import Checkbox, Select, TextArea

from store.dates import is_academic_year
from store.enums import OfstedJudgement
from store.models import FundedActivity, PlanStatus, SuccessCriterion
from store.plans.funding import FundingRefused, money
from tui.formatting import options
from tui.screens.dialogs.form import FormScreen
from tui.widgets.form_field import FormField

Options = list[tuple[str, str]]


@dataclass(frozen=True)
class NewPlan:
    """The network and year of a new plan."""

    network_id: str
    academic_year: str


@dataclass(frozen=True)
class PriorityData:
    """A priority as written in the form."""

    title: str
    partnership_priority_id: str | None
    expected_outcomes: str
    criteria: list[SuccessCriterion]


@dataclass(frozen=True)
class ActionData:
    """A plan action as written in the form."""

    priority_id: str
    description: str
    owner_id: str | None
    starts_on: date | None
    due_on: date | None
    cost: Decimal | None
    status: PlanStatus


@dataclass(frozen=True)
class SpendingData:
    """Money spent on an action."""

    action_id: str
    activity: FundedActivity
    amount: Decimal
    spent_on: date
    note: str


@dataclass(frozen=True)
class FundingData:
    """The rates kept with the plan."""

    base_per_school: Decimal
    weights: dict[OfstedJudgement, Decimal]
    lead_allowance: Decimal


@dataclass(frozen=True)
class ScrutinyData:
    """The board's word on the plan."""

    ratified: bool
    on: date
    comments: str


@dataclass(frozen=True)
class EvaluationData:
    """What changed, the evidence, next steps, and each criterion's result."""

    changed: str
    evidence: str
    next_steps: str
    results: list[str]


def _area(name: str, label: str, text: str = "") -> FormField:
    return FormField(label, TextArea(text, id=name, classes="short"), field_id=name)


class NewPlanScreen(FormScreen[NewPlan]):
    """Start a network's plan for a year."""

    TITLE_TEXT = "Start an action plan"

    def __init__(self, networks: Options, network: str | None, year: str) -> None:
        super().__init__()
        self.networks, self.network, self.year = networks, network, year

    def compose_fields(self) -> ComposeResult:
        """Network and year."""
        value = self.network if self.network else Select.NULL
        yield FormField(
            "Network", Select(options(self.networks), id="network", value=value), field_id="network"
        )
        yield self.text_input("year", "Academic year", self.year, "2025/26")

    def submit(self) -> NewPlan | None:
        """The network and year."""
        errors: dict[str, str] = {}
        network = self.query_one("#network", Select).value
        if network is Select.NULL:
            errors["network"] = "Choose the network."
        if not is_academic_year(self.text("year")):
            errors["year"] = "Write the year like 2025/26."
        if not self.show_errors(errors):
            return None
        return NewPlan(str(network), self.text("year"))


def _criteria_text(criteria: list[SuccessCriterion]) -> str:
    return "\n".join(f"{c.measure} | {c.baseline} | {c.target}" for c in criteria)


class PriorityScreen(FormScreen[PriorityData]):
    """A priority: title, the city-wide priority it answers, outcomes and success criteria."""

    TITLE_TEXT = "A priority"
    HINT = "Success criteria: one a line, as measure | baseline | target."

    def __init__(self, city: Options, data: PriorityData | None = None) -> None:
        super().__init__()
        self.city, self.data = city, data
        if data is not None:
            self.TITLE_TEXT = "Edit the priority"

    def compose_fields(self) -> ComposeResult:
        """Title, link, outcomes, criteria."""
        data = self.data
        yield self.text_input("title", "Priority", data.title if data else "")
        link = data.partnership_priority_id if data and data.partnership_priority_id else ""
        yield FormField(
            "Partnership priority it answers",
            Select(
                options([("A local priority", ""), *self.city]),
                id="city",
                value=link,
                allow_blank=False,
            ),
            field_id="city",
        )
        yield _area("outcomes", "Expected outcomes", data.expected_outcomes if data else "")
        yield _area("criteria", "Success criteria", _criteria_text(data.criteria) if data else "")

    def submit(self) -> PriorityData | None:
        """The priority, its criteria parsed."""
        errors: dict[str, str] = {}
        if not self.text("title"):
            errors["title"] = "Name the priority."
        criteria = []
        for line in self.query_one("#criteria", TextArea).text.splitlines():
            parts = [part.strip() for part in line.split("|")]
            if not parts[0]:
                continue
            if len(parts) != 3 or not parts[1] or not parts[2]:
                errors["criteria"] = f"Give a baseline and a target: {parts[0]} | baseline | target"
                break
            criteria.append(SuccessCriterion(measure=parts[0], baseline=parts[1], target=parts[2]))
        if not self.show_errors(errors):
            return None
        city = str(self.query_one("#city", Select).value)
        return PriorityData(
            self.text("title"),
            city or None,
            self.query_one("#outcomes", TextArea).text.strip(),
            criteria,
        )


class PlanActionScreen(FormScreen[ActionData]):
    """An action under a priority: what, who, when, status and cost; given `data`, an edit."""

    TITLE_TEXT = "Add an action"

    def __init__(
        self,
        priorities: Options,
        priority: str | None,
        people: Options,
        data: ActionData | None = None,
    ) -> None:
        super().__init__()
        self.priorities, self.priority, self.people, self.data = priorities, priority, people, data
        if data is not None:
            self.TITLE_TEXT = "Edit the action"

    def compose_fields(self) -> ComposeResult:
        """The action's fields; an edit keeps its priority and status (enter moves those)."""
        data = self.data
        yield self.text_input("description", "Action", data.description if data else "")
        yield FormField(
            "Priority",
            Select(
                options(self.priorities), id="priority", value=self.priority or Select.NULL,
                disabled=data is not None,
            ),
            field_id="priority",
        )  # fmt: skip
        owner = data.owner_id if data and data.owner_id else Select.NULL
        yield FormField(
            "Owner", Select(options(self.people), id="owner", value=owner), field_id="owner"
        )
        yield self.date_input("starts_on", "Start", data.starts_on if data else None)
        yield self.date_input("due_on", "Due", data.due_on if data else None)
        cost = f"{data.cost}" if data and data.cost is not None else ""
        yield self.text_input("cost", "Cost (£)", cost, "0.00")
        statuses = [(s.label, s.value) for s in PlanStatus]
        status = data.status if data else PlanStatus.GREEN
        yield FormField(
            "Status",
            Select(
                statuses, id="status", value=status.value, allow_blank=False,
                disabled=data is not None,
            ),
            field_id="status",
        )  # fmt: skip

    def submit(self) -> ActionData | None:
        """The action."""
        errors: dict[str, str] = {}
        if not self.text("description"):
            errors["description"] = "Say what is to be done."
        priority = self.query_one("#priority", Select).value
        if priority is Select.NULL:
            errors["priority"] = "Choose the priority it serves."
        starts = self.date_field("starts_on", errors, required=False)
        due = self.date_field("due_on", errors, required=False)
        cost = None
        if self.text("cost"):
            try:
                cost = money(self.text("cost"))
            except FundingRefused as refusal:
                errors["cost"] = str(refusal)
        if not self.show_errors(errors):
            return None
        owner = self.query_one("#owner", Select).value
        return ActionData(
            str(priority), self.text("description"),
            None if owner is Select.NULL else str(owner), starts, due, cost,
            PlanStatus(str(self.query_one("#status", Select).value)),
        )  # fmt: skip


class SpendingScreen(FormScreen[SpendingData]):
    """Money spent on an action, with the activity it paid for."""

    TITLE_TEXT = "Record spending"
    HINT = "The funding pays for what every network does; the second list is marked 'not funded'."

    def __init__(self, actions: Options, action: str | None, today: date) -> None:
        super().__init__()
        self.actions, self.action, self.today = actions, action, today

    def compose_fields(self) -> ComposeResult:
        """Action, activity, amount, date and note."""
        yield FormField(
            "Action",
            Select(options(self.actions), id="action", value=self.action or Select.NULL),
            field_id="action",
        )
        activities = [
            (a.label if a.fundable else f"{a.label} (not funded)", a.value) for a in FundedActivity
        ]
        yield FormField("Activity", Select(activities, id="activity"), field_id="activity")
        yield self.text_input("amount", "Amount (£)", "", "0.00")
        yield self.date_input("spent_on", "Spent on", self.today)
        yield self.text_input("note", "Note")

    def submit(self) -> SpendingData | None:
        """The spending."""
        errors: dict[str, str] = {}
        action = self.query_one("#action", Select).value
        if action is Select.NULL:
            errors["action"] = "Choose the action it paid for."
        activity = self.query_one("#activity", Select).value
        if activity is Select.NULL:
            errors["activity"] = "Choose the activity."
        amount = Decimal(0)
        try:
            amount = money(self.text("amount"))
        except FundingRefused as refusal:
            errors["amount"] = str(refusal)
        spent_on = self.date_field("spent_on", errors)
        if not self.show_errors(errors) or spent_on is None:
            return None
        return SpendingData(
            str(action), FundedActivity(str(activity)), amount, spent_on, self.text("note")
        )


class FundingScreen(FormScreen[FundingData]):
    """The rates the allocation is worked out from, kept with the plan."""

    TITLE_TEXT = "Funding rates"
    HINT = "Base per school + a weighting per school in each Ofsted category + lead's allowance."

    def __init__(self, data: FundingData) -> None:
        super().__init__()
        self.data = data

    def compose_fields(self) -> ComposeResult:
        """One amount per line of the sum."""
        yield self.text_input("base", "Base per school (£)", f"{self.data.base_per_school}")
        for judgement in OfstedJudgement:
            rate = self.data.weights.get(judgement, Decimal("0.00"))
            yield self.text_input(
                f"w-{judgement.value}", f"{judgement.label} (£ a school)", f"{rate}"
            )
        yield self.text_input("allowance", "Lead's allowance (£)", f"{self.data.lead_allowance}")

    def submit(self) -> FundingData | None:
        """The rates, as pounds and pence."""
        errors: dict[str, str] = {}
        values: dict[str, Decimal] = {}
        names = ["base", "allowance", *(f"w-{j.value}" for j in OfstedJudgement)]
        for name in names:
            try:
                values[name] = money(self.text(name))
            except FundingRefused as refusal:
                errors[name] = str(refusal)
        if not self.show_errors(errors):
            return None
        weights = {j: values[f"w-{j.value}"] for j in OfstedJudgement}
        return FundingData(values["base"], weights, values["allowance"])


class ScrutinyScreen(FormScreen[ScrutinyData]):
    """The improvement board's scrutiny: ratified or not, when, and its comments."""

    TITLE_TEXT = "The board's scrutiny of this plan"

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today

    def compose_fields(self) -> ComposeResult:
        """Ratified, date, comments."""
        yield FormField("", Checkbox("Ratified", True, id="ratified"), field_id="ratified")
        yield self.date_input("on", "Scrutinised on", self.today)
        yield _area("comments", "Comments")

    def submit(self) -> ScrutinyData | None:
        """The board's word."""
        errors: dict[str, str] = {}
        on = self.date_field("on", errors)
        if not self.show_errors(errors) or on is None:
            return None
        return ScrutinyData(
            self.query_one("#ratified", Checkbox).value,
            on,
            self.query_one("#comments", TextArea).text.strip(),
        )


class EvaluationScreen(FormScreen[EvaluationData]):
    """The impact evaluation of a priority (with each criterion's result) or the whole plan."""

    def __init__(self, title: str, criteria: list[SuccessCriterion], data: EvaluationData) -> None:
        super().__init__()
        self.TITLE_TEXT = title
        self.criteria, self.data = criteria, data

    def compose_fields(self) -> ComposeResult:
        """One result per criterion, then what changed, evidence and next steps."""
        for number, criterion in enumerate(self.criteria):
            result = self.data.results[number] if number < len(self.data.results) else ""
            label = f"{criterion.measure}: from {criterion.baseline}, target {criterion.target}"
            yield self.text_input(f"result-{number}", label, result, "what it came to")
        yield _area("changed", "What changed", self.data.changed)
        yield _area("evidence", "Evidence", self.data.evidence)
        yield _area("next_steps", "Next steps", self.data.next_steps)

    def submit(self) -> EvaluationData | None:
        """The evaluation."""
        changed = self.query_one("#changed", TextArea).text.strip()
        if not self.show_errors({} if changed else {"changed": "Say what changed."}):
            return None
        return EvaluationData(
            changed,
            self.query_one("#evidence", TextArea).text.strip(),
            self.query_one("#next_steps", TextArea).text.strip(),
            [self.text(f"result-{n}") for n in range(len(self.criteria))],
        )
