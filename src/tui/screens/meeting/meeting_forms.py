"""Forms of the meetings area; each validates and returns its data, the page makes the call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Checkbox, Select, TextArea

from store.enums import ActionStatus, MeetingKind
from store.meetings.board import PlanChoice
from store.meetings.planning import MeetingRefused, MeetingTimes, parse_time
from store.models import Action, AgendaItem, Meeting
from tui.formatting import options
from tui.screens.dialogs.form import FormScreen
from tui.widgets.form_field import FormField

People = list[tuple[str, str]]  # (label, person id) for a chooser


@dataclass(frozen=True)
class MeetingDetails:
    """What the meeting form gathers for `planning.plan_meeting` or `update_meeting`."""

    title: str
    kind: MeetingKind
    times: MeetingTimes
    place: str


@dataclass(frozen=True)
class ItemDetails:
    """An agenda item's title, lead and time allowed."""

    title: str
    lead_id: str | None
    minutes: int | None


@dataclass(frozen=True)
class ActionDetails:
    """An action's words, owner, due date and status."""

    description: str
    owner_id: str | None
    due_on: date | None
    status: ActionStatus


@dataclass(frozen=True)
class Scrutiny:
    """The board's verdict on a plan."""

    plan_id: str
    ratified: bool
    on: date
    comments: str


class MeetingFormScreen(FormScreen[MeetingDetails]):
    """Plan a meeting, or change one: title, kind, date, start and end, place."""

    TITLE_TEXT = "Plan a meeting"
    HINT = "Dates like 15/01/2026 or 15 Jan 2026; times like 09:30 or 2.30pm (UK time)."

    def __init__(self, meeting: Meeting | None, kind: MeetingKind, title: str = "") -> None:
        super().__init__()
        self.meeting = meeting
        self.kind = meeting.kind if meeting else kind
        self.title_text = meeting.title if meeting else title
        if meeting is not None:
            self.TITLE_TEXT = "Change the meeting"

    def compose_fields(self) -> ComposeResult:
        """Title, kind, date, times and place."""
        meeting = self.meeting
        yield self.text_input("title", "Title", self.title_text)
        kinds = [(kind.label, kind.value) for kind in MeetingKind]
        yield FormField(
            "Kind",
            Select(kinds, id="kind", allow_blank=False, value=self.kind.value),
            field_id="kind",
        )
        yield self.date_input("day", "Date", meeting.starts_at.date() if meeting else None)
        yield self.text_input("starts", "Starts", f"{meeting.starts_at:%H:%M}" if meeting else "")
        ends = f"{meeting.ends_at:%H:%M}" if meeting and meeting.ends_at else ""
        yield self.text_input("ends", "Ends (optional)", ends)
        yield self.text_input("place", "Place", meeting.place if meeting else "")

    def submit(self) -> MeetingDetails | None:
        """The details, once the title, date and times read correctly."""
        errors: dict[str, str] = {}
        title = self.text("title")
        if not title:
            errors["title"] = "Give the meeting a title."
        day = self.date_field("day", errors)
        for name in ("starts", "ends"):
            text = self.text(name)
            if not text and name == "starts":
                errors[name] = "Enter a start time, e.g. 09:30."
            elif text:
                try:
                    parse_time(text)
                except MeetingRefused as refusal:
                    errors[name] = str(refusal)
        if not self.show_errors(errors) or day is None:
            return None
        kind = MeetingKind(str(self.query_one("#kind", Select).value))
        times = MeetingTimes(day, self.text("starts"), self.text("ends"))
        return MeetingDetails(title, kind, times, self.text("place"))


class AgendaItemScreen(FormScreen[ItemDetails]):
    """Add or change an agenda item."""

    TITLE_TEXT = "Agenda item"

    def __init__(self, item: AgendaItem | None, people: People) -> None:
        super().__init__()
        self.item = item
        self.people = people

    def compose_fields(self) -> ComposeResult:
        """Title, lead and minutes."""
        item = self.item
        yield self.text_input("title", "Item", item.title if item else "")
        lead = item.lead_id if item and item.lead_id else Select.NULL
        yield FormField(
            "Lead", Select(options(self.people), id="lead", prompt="No one named", value=lead),
            field_id="lead",
        )  # fmt: skip
        minutes = str(item.minutes) if item and item.minutes else ""
        yield self.text_input("minutes", "Time allowed (minutes)", minutes, "e.g. 20")

    def submit(self) -> ItemDetails | None:
        """The item, once its title and minutes read correctly."""
        errors: dict[str, str] = {}
        title = self.text("title")
        if not title:
            errors["title"] = "Say what the item is."
        raw = self.text("minutes")
        minutes = int(raw) if raw.isdigit() and 0 < int(raw) <= 600 else None
        if raw and minutes is None:
            errors["minutes"] = "Minutes are a whole number from 1 to 600."
        if not self.show_errors(errors):
            return None
        lead = self.query_one("#lead", Select).value
        return ItemDetails(title, None if lead is Select.NULL else str(lead), minutes)


class DeputyScreen(FormScreen[str]):
    """Who came instead of the head."""

    TITLE_TEXT = "A deputy came"
    HINT = "Name the deputy who came with decision-making authority."

    def __init__(self, school: str, name: str = "") -> None:
        super().__init__()
        self.school = school
        self.name_text = name

    def compose_fields(self) -> ComposeResult:
        """The deputy's name."""
        yield self.text_input("deputy", f"Deputy for {self.school}", self.name_text)

    def submit(self) -> str | None:
        """The name, if one is given."""
        name = self.text("deputy")
        if not name:
            self.show_errors({"deputy": "Name the deputy."})
            return None
        return name


class DecisionsScreen(FormScreen[str]):
    """The decisions the meeting took, one a line."""

    TITLE_TEXT = "Decisions"
    HINT = "One decision a line."

    def __init__(self, decisions: str) -> None:
        super().__init__()
        self.decisions = decisions

    def compose_fields(self) -> ComposeResult:
        """A text area."""
        yield TextArea(self.decisions, id="decisions", soft_wrap=True)

    def submit(self) -> str | None:
        """The decisions as typed (an empty text clears them)."""
        return self.query_one("#decisions", TextArea).text


class ActionFormScreen(FormScreen[ActionDetails]):
    """Add or change an action: description, owner, due date and status."""

    TITLE_TEXT = "Action"

    def __init__(self, action: Action | None, people: People) -> None:
        super().__init__()
        self.action = action
        self.people = people

    def compose_fields(self) -> ComposeResult:
        """Description, owner, due date, status."""
        action = self.action
        yield self.text_input("description", "Action", action.description if action else "")
        owner = action.owner_id if action and action.owner_id else Select.NULL
        yield FormField(
            "Owner", Select(options(self.people), id="owner", prompt="No owner yet", value=owner),
            field_id="owner",
        )  # fmt: skip
        yield self.date_input("due", "Due (optional)", action.due_on if action else None)
        status = (action.status if action else ActionStatus.OPEN).value
        statuses = [(s.label, s.value) for s in ActionStatus]
        yield FormField(
            "Status", Select(statuses, id="status", allow_blank=False, value=status),
            field_id="status",
        )  # fmt: skip

    def submit(self) -> ActionDetails | None:
        """The action, once its words and date read correctly."""
        errors: dict[str, str] = {}
        description = self.text("description")
        if not description:
            errors["description"] = "Say what is to be done."
        due = self.date_field("due", errors, required=False)
        if not self.show_errors(errors):
            return None
        owner = self.query_one("#owner", Select).value
        status = ActionStatus(str(self.query_one("#status", Select).value))
        return ActionDetails(description, None if owner is Select.NULL else str(owner), due, status)


class ScrutinyScreen(FormScreen[Scrutiny]):
    """The board's scrutiny of a network's action plan."""

    TITLE_TEXT = "Scrutiny of an action plan"
    HINT = "Ratified or not, the date, and comments (needed when not ratified)."

    def __init__(self, plans: list[PlanChoice], on: date) -> None:
        super().__init__()
        self.plans = plans
        self.on = on

    def compose_fields(self) -> ComposeResult:
        """Plan, verdict, date and comments."""
        plans = options((choice.label, choice.plan.id) for choice in self.plans)
        yield FormField(
            "Action plan", Select(plans, id="plan", prompt="Choose a plan"), field_id="plan"
        )
        yield Checkbox("Ratified", value=True, id="ratified")
        yield self.date_input("on", "Date", self.on)
        yield FormField("Comments", TextArea(id="comments", soft_wrap=True), field_id="comments")

    def submit(self) -> Scrutiny | None:
        """The verdict, once a plan and date are given."""
        errors: dict[str, str] = {}
        plan = self.query_one("#plan", Select).value
        if plan is Select.NULL:
            errors["plan"] = "Choose the plan scrutinised."
        on = self.date_field("on", errors)
        if not self.show_errors(errors) or on is None:
            return None
        ratified = self.query_one("#ratified", Checkbox).value
        comments = self.query_one("#comments", TextArea).text
        return Scrutiny(str(plan), ratified, on, comments)
