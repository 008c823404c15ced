"""Forms of the peer-review area: set-up, team, timetable, workshop, outcomes, amendments."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Checkbox, Select, TextArea

from store.enums import ReviewStyle
from store.models import OutcomeArea, PeerReview, Person, ReviewSlot, School
from tui.formatting import options
from tui.screens.dialogs.form import FormScreen
from tui.screens.review.form_data import Amendment, NewAction, ReviewSetup, TeamMember, Workshop
from tui.widgets.form_field import FormField


def _people_options(people: list[Person], schools: dict[str, str]) -> list[tuple[Text, str]]:
    return options(
        [(f"{p.name}, {schools.get(p.school_id or '', p.role.label)}", p.id) for p in people]
    )


class ReviewSetupScreen(FormScreen[ReviewSetup]):
    """Set up a review: host, dates, style, focus areas, hypotheses and the Lead Reviewer."""

    TITLE_TEXT = "Set up a peer review"
    HINT = (
        "Focus areas are lines of enquiry from the host's self-evaluation, one per line, often"
        ' "To what extent…" questions.'
    )
    SAVE_LABEL = "Set up"
    DEFAULT_CSS = """
    ReviewSetupScreen > #form { width: 96; max-width: 100%; }
    ReviewSetupScreen TextArea { height: 6; }
    """

    def __init__(
        self, network_id: str, schools: list[School], people: list[Person], today: date
    ) -> None:
        super().__init__()
        self.network_id = network_id
        self.schools = schools
        self.people = people
        self.today = today

    def compose_fields(self) -> ComposeResult:
        """The set-up fields."""
        names = {s.id: s.name for s in self.schools}
        yield FormField(
            "Host school",
            Select(options((s.name, s.id) for s in self.schools), id="host", prompt="Choose"),
            field_id="host",
        )
        yield self.date_input("starts_on", "First day of the visit", None)
        yield self.date_input("ends_on", "Last day (if more than one)", None)
        yield FormField(
            "Review style",
            Select(
                [(s.label, s.value) for s in ReviewStyle],
                id="style",
                allow_blank=False,
                value=ReviewStyle.ENQUIRY_LED.value,
            ),
            field_id="style",
        )
        yield FormField(
            "Focus areas, one per line", TextArea(id="focus", language=None), field_id="focus"
        )
        yield self.text_input("hypotheses", "Hypotheses from the pre-review analysis")
        yield FormField(
            "Lead Reviewer",
            Select(_people_options(self.people, names), id="lead", prompt="Choose"),
            field_id="lead",
        )

    def submit(self) -> ReviewSetup | None:
        """Check every field; the own-school rule is the store's."""
        errors: dict[str, str] = {}
        host = self.query_one("#host", Select).value
        if host is Select.NULL:
            errors["host"] = "Choose the host school."
        starts = self.date_field("starts_on", errors)
        ends = self.date_field("ends_on", errors, required=False)
        focus = [
            line for line in self.query_one("#focus", TextArea).text.splitlines() if line.strip()
        ]
        if not focus:
            errors["focus"] = "Give at least one focus area."
        lead = self.query_one("#lead", Select).value
        if not self.show_errors(errors) or starts is None:
            return None
        return ReviewSetup(
            host_school_id=str(host),
            starts_on=starts,
            ends_on=ends,
            style=ReviewStyle(str(self.query_one("#style", Select).value)),
            focus_areas=focus,
            hypotheses=self.text("hypotheses"),
            lead_reviewer_id=None if lead is Select.NULL else str(lead),
        )


class TeamMemberScreen(FormScreen[TeamMember]):
    """Add a reviewer, with what the host's Single Central Record needs."""

    TITLE_TEXT = "Add to the review team"
    HINT = "A reviewer never reviews their own school."
    SAVE_LABEL = "Add"

    def __init__(
        self, review_id: str, people: list[Person], schools: dict[str, str], today: date
    ) -> None:
        super().__init__()
        self.review_id = review_id
        self.people = people
        self.schools = schools
        self.today = today

    def compose_fields(self) -> ComposeResult:
        """Person, role and DBS confirmation."""
        yield FormField(
            "Person",
            Select(_people_options(self.people, self.schools), id="person", prompt="Choose"),
            field_id="person",
        )
        yield FormField(
            "Role",
            Select(
                [("Reviewer", "reviewer"), ("Lead reviewer", "lead reviewer")],
                id="role",
                allow_blank=False,
                value="reviewer",
            ),
            field_id="role",
        )
        yield Checkbox("Their employer confirms it holds a DBS check", id="dbs")
        yield self.date_input("dbs_on", "Date confirmed", self.today)

    def submit(self) -> TeamMember | None:
        """The member; a refusal (own school, already on the team) is the store's."""
        errors: dict[str, str] = {}
        person = self.query_one("#person", Select).value
        if person is Select.NULL:
            errors["person"] = "Choose the person."
        confirmed = self.query_one("#dbs", Checkbox).value
        on = self.date_field("dbs_on", errors, required=False)
        if not self.show_errors(errors):
            return None
        return TeamMember(
            person_id=str(person),
            role=str(self.query_one("#role", Select).value),
            dbs_confirmed=confirmed,
            dbs_confirmed_on=on if confirmed else None,
        )


class SlotScreen(FormScreen[ReviewSlot]):
    """A slot of the visit timetable."""

    TITLE_TEXT = "Add a timetable slot"

    def __init__(self, review_id: str, day: date | None) -> None:
        super().__init__()
        self.review_id = review_id
        self.day = day

    def compose_fields(self) -> ComposeResult:
        """Day, time, activity, who, where."""
        yield self.date_input("day", "Day", self.day)
        yield self.text_input("starts_at", "Time", "", "09:00")
        yield self.text_input("activity", "Activity", "", "Lesson visits: early reading")
        yield self.text_input("who", "Who")
        yield self.text_input("location", "Where")

    def submit(self) -> ReviewSlot | None:
        """The slot, once day, time and activity are right."""
        errors: dict[str, str] = {}
        day = self.date_field("day", errors)
        time = self.text("starts_at").replace(".", ":")
        if len(time) == 4 and time[1] == ":":
            time = "0" + time
        if not (len(time) == 5 and time[2] == ":" and time.replace(":", "").isdigit()
                and int(time[:2]) < 24 and int(time[3:]) < 60):  # fmt: skip
            errors["starts_at"] = "Write the time like 09:00."
        if not self.text("activity"):
            errors["activity"] = "Say what happens."
        if not self.show_errors(errors) or day is None:
            return None
        return ReviewSlot(
            review_id=self.review_id,
            day=day,
            starts_at=time,
            activity=self.text("activity"),
            who=self.text("who"),
            location=self.text("location"),
        )


class WorkshopScreen(FormScreen[Workshop]):
    """The improvement workshop: champion, who took part, what went well, even better if."""

    TITLE_TEXT = "Improvement workshop"

    def __init__(self, review: PeerReview, people: list[Person], schools: dict[str, str]) -> None:
        super().__init__()
        self.review = review
        self.people = people
        self.schools = schools

    def compose_fields(self) -> ComposeResult:
        """The workshop's fields, filled with what is recorded."""
        review = self.review
        yield FormField(
            "Improvement Champion",
            Select(_people_options(self.people, self.schools), id="champion", prompt="Choose",
                   value=review.improvement_champion_id or Select.NULL),
            field_id="champion",
        )  # fmt: skip
        yield self.text_input("participants", "Who took part", review.workshop_participants)
        yield self.text_input("went_well", "What went well", review.workshop_went_well)
        yield self.text_input("even_better_if", "Even better if", review.workshop_even_better_if)

    def submit(self) -> Workshop | None:
        """The workshop as now written."""
        champion = self.query_one("#champion", Select).value
        return Workshop(
            champion_id=None if champion is Select.NULL else str(champion),
            participants=self.text("participants"),
            went_well=self.text("went_well"),
            even_better_if=self.text("even_better_if"),
        )


class ActionScreen(FormScreen[NewAction]):
    """An action agreed at the workshop, with owner and due date."""

    TITLE_TEXT = "Add a workshop action"

    def __init__(self, people: list[Person], schools: dict[str, str]) -> None:
        super().__init__()
        self.people = people
        self.schools = schools

    def compose_fields(self) -> ComposeResult:
        """What, who and when."""
        yield self.text_input("description", "Action")
        yield FormField(
            "Owner",
            Select(_people_options(self.people, self.schools), id="owner", prompt="Choose"),
            field_id="owner",
        )
        yield self.date_input("due_on", "Due", None)

    def submit(self) -> NewAction | None:
        """The action, with its owner."""
        errors: dict[str, str] = {}
        if not self.text("description"):
            errors["description"] = "Say what is to be done."
        owner = self.query_one("#owner", Select).value
        if owner is Select.NULL:
            errors["owner"] = "Every action has an owner."
        due = self.date_field("due_on", errors)
        if not self.show_errors(errors):
            return None
        return NewAction(self.text("description"), str(owner), due)


class OutcomeAreaScreen(FormScreen[OutcomeArea]):
    """The Lead Reviewer's wording for one focus area."""

    DEFAULT_CSS = """
    OutcomeAreaScreen > #form { width: 100; max-width: 100%; }
    OutcomeAreaScreen TextArea { height: 5; }
    """

    def __init__(self, area: OutcomeArea, with_estimate: bool) -> None:
        super().__init__()
        self.TITLE_TEXT = area.focus_area
        self.area = area
        self.with_estimate = with_estimate

    def compose_fields(self) -> ComposeResult:
        """What went well, even better if, areas for development, and any estimate."""
        for name, label in (("went_well", "What went well"), ("even_better_if", "Even better if"),
                            ("areas_for_development", "Areas for development")):  # fmt: skip
            yield FormField(
                label, TextArea(getattr(self.area, name), id=name, language=None), field_id=name
            )
        if self.with_estimate:
            yield self.text_input("estimate", "Estimate", self.area.estimate)

    def submit(self) -> OutcomeArea | None:
        """The area with the words as now written."""
        update = {name: self.query_one(f"#{name}", TextArea).text.strip()
                  for name in ("went_well", "even_better_if", "areas_for_development")}  # fmt: skip
        if self.with_estimate:
            update["estimate"] = self.text("estimate")
        return self.area.model_copy(update=update)


class ReviewAmendmentScreen(FormScreen[Amendment]):
    """A dated amendment to a locked review."""

    TITLE_TEXT = "Amend the agreed outcomes"
    HINT = "The outcomes are locked; the amendment is added, dated, to the outcomes document."
    SAVE_LABEL = "Add"

    def __init__(self, user_name: str) -> None:
        super().__init__()
        self.user_name = user_name

    def compose_fields(self) -> ComposeResult:
        """The amendment and who makes it."""
        yield self.text_input("text", "Amendment")
        yield self.text_input("by", "By", self.user_name)

    def submit(self) -> Amendment | None:
        """The amendment, if there are words in it."""
        if not self.show_errors({} if self.text("text") else {"text": "Write the amendment."}):
            return None
        return Amendment(self.text("text"), self.text("by"))


class TextFieldsScreen(FormScreen[dict[str, str]]):
    """Edit a few free-text fields of a review: the pre-meet record, or its findings."""

    DEFAULT_CSS = """
    TextFieldsScreen > #form { width: 100; max-width: 100%; }
    TextFieldsScreen TextArea { height: 5; }
    """

    def __init__(self, review: PeerReview, title: str, fields: tuple[tuple[str, str], ...]) -> None:
        super().__init__()
        self.TITLE_TEXT = title
        self.review = review
        self.fields = fields

    def compose_fields(self) -> ComposeResult:
        """One text box per field, filled with what is recorded."""
        for name, label in self.fields:
            yield FormField(
                label, TextArea(getattr(self.review, name), id=name, language=None), field_id=name
            )

    def submit(self) -> dict[str, str] | None:
        """The fields as now written."""
        return {name: self.query_one(f"#{name}", TextArea).text.strip() for name, _ in self.fields}


PREMEET_FIELDS = (
    ("premeet_context", "Context"),
    ("premeet_evidence", "Evidence to gather"),
    ("premeet_logistics", "Logistics"),
)
FINDINGS_FIELDS = (
    ("strengths", "Strengths (one per line)"),
    ("areas_for_development", "Areas for development (one per line)"),
    ("area_of_excellence", "Area of excellence"),
    ("next_steps", "Next steps (one per line)"),
)
