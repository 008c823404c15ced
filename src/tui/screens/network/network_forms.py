"""The small forms of a network's page: sign-offs, nomination, moves, terms, lead criteria."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Select, TextArea

from store.enums import TERMS_OF_REFERENCE_SECTIONS, MoveKind
from store.models import LeadCriteria, School
from tui.formatting import options
from tui.screens.dialogs.form import FormScreen
from tui.widgets.form_field import FormField


@dataclass(frozen=True)
class SignOff:
    """Who signed, and when."""

    who: str
    on: date


class SignOffScreen(FormScreen[SignOff]):
    """Record who signed a step, and the date."""

    def __init__(self, title: str, who_label: str, who: str, on: date) -> None:
        super().__init__()
        self.TITLE_TEXT = title
        self.who_label = who_label
        self.who = who
        self.on = on

    def compose_fields(self) -> ComposeResult:
        """Name and date."""
        yield self.text_input("who", self.who_label, self.who)
        yield self.date_input("on", "Date", self.on)

    def submit(self) -> SignOff | None:
        """Check both fields."""
        errors: dict[str, str] = {}
        who = self.text("who")
        if not who:
            errors["who"] = "Say who signed."
        on = self.date_field("on", errors)
        if not self.show_errors(errors) or on is None:
            return None
        signed = SignOff(who, on)
        return signed


@dataclass(frozen=True)
class Nomination:
    """A school put forward for a network, with its contact."""

    school_id: str
    nominated_by: str
    on: date
    contact_name: str
    contact_email: str
    phone: str


class NominateScreen(FormScreen[Nomination]):
    """Seed 000's nomination form: the school, the co-ordinator, the proposed contact."""

    TITLE_TEXT = "Nominate a school"
    HINT = (
        "The school joins once its head accepts and the chair approves. Contact details"
        " given here are saved on the school."
    )
    SAVE_LABEL = "Nominate"

    def __init__(
        self,
        schools: list[School],
        coordinator: str,
        today: date,
    ) -> None:
        super().__init__()
        self.schools = schools
        self.coordinator = coordinator
        self.today = today

    def compose_fields(self) -> ComposeResult:
        """School, date, co-ordinator and contact."""
        yield FormField(
            "School",
            Select(
                options((s.name, s.id) for s in self.schools), id="school", prompt="Choose a school"
            ),
            field_id="school",
        )
        yield self.date_input("on", "Date", self.today)
        yield self.text_input("nominated_by", "Co-ordinator nominating", self.coordinator)
        yield self.text_input("contact_name", "Proposed contact, if not the head")
        yield self.text_input("contact_email", "Contact email")
        yield self.text_input("phone", "Contact phone")

    def submit(self) -> Nomination | None:
        """Check the fields, then nominate."""
        errors: dict[str, str] = {}
        school = self.query_one("#school", Select).value
        if school is Select.NULL:
            errors["school"] = "Choose the school to nominate."
        on = self.date_field("on", errors)
        if not self.text("nominated_by"):
            errors["nominated_by"] = "Say who is nominating the school."
        email = self.text("contact_email")
        try:
            School(name="x", contact_email=email)
        except ValueError:
            errors["contact_email"] = "An email address looks like name@school.org.uk."
        if not self.show_errors(errors) or on is None:
            return None
        nomination = Nomination(
            school_id=str(school),
            nominated_by=self.text("nominated_by"),
            on=on,
            contact_name=self.text("contact_name"),
            contact_email=email,
            phone=self.text("phone"),
        )
        return nomination


@dataclass(frozen=True)
class MoveRequest:
    """A proposal to change a network's membership."""

    kind: MoveKind
    school_id: str
    reason: str
    evidence: str
    on: date
    proposed_by: str


class MoveScreen(FormScreen[MoveRequest]):
    """Propose that a school joins, leaves or is removed (seed 003)."""

    TITLE_TEXT = "Propose a change of membership"
    HINT = "It takes effect when the network leads group ratifies it (History tab, key t)."
    SAVE_LABEL = "Propose"

    def __init__(
        self,
        members: list[School],
        others: list[School],
        proposed_by: str,
        today: date,
    ) -> None:
        super().__init__()
        self.members = members
        self.others = others
        self.proposed_by = proposed_by
        self.today = today

    def compose_fields(self) -> ComposeResult:
        """Kind, school, reason, evidence, date, proposer."""
        yield FormField(
            "Change",
            Select(
                [("Join this network", "join"), ("Leave this network", "leave"),
                 ("Be removed for not engaging", "remove")],
                id="kind",
                allow_blank=False,
                value="leave",
            ),
            field_id="kind",
        )  # fmt: skip
        yield FormField("School", Select(self._options("leave"), id="school"), field_id="school")
        yield self.text_input("reason", "Reason")
        yield self.text_input("evidence", "Evidence (needed to remove a school)")
        yield self.date_input("on", "Proposed on", self.today)
        yield self.text_input("proposed_by", "Proposed by", self.proposed_by)

    def _options(self, kind: str) -> list[tuple[Text, str]]:
        schools = self.others if kind == "join" else self.members
        return options((school.name, school.id) for school in schools)

    @on(Select.Changed, "#kind")
    def kind_changed(self, event: Select.Changed) -> None:
        """Joining offers other schools; leaving and removal offer members."""
        self.query_one("#school", Select).set_options(self._options(str(event.value)))

    def submit(self) -> MoveRequest | None:
        """Check the fields, then propose."""
        errors: dict[str, str] = {}
        kind = MoveKind(str(self.query_one("#kind", Select).value))
        school = self.query_one("#school", Select).value
        if school is Select.NULL:
            errors["school"] = "Choose the school."
        if not self.text("reason"):
            errors["reason"] = "Give the reason the network leads group will consider."
        if kind == MoveKind.REMOVE and not self.text("evidence"):
            errors["evidence"] = "Removing a school needs evidence that it is not engaging."
        on = self.date_field("on", errors)
        if not self.show_errors(errors) or on is None:
            return None
        request = MoveRequest(
            kind,
            str(school),
            self.text("reason"),
            self.text("evidence"),
            on,
            self.text("proposed_by"),
        )
        return request


class TermsScreen(FormScreen[dict[str, str]]):
    """Edit the terms of reference, one section at a time, in Markdown."""

    TITLE_TEXT = "Terms of reference"
    HINT = "Markdown: # headings, - lists, **bold**. Choose a section to edit it."
    DEFAULT_CSS = """
    TermsScreen > #form { width: 100; max-width: 100%; }
    TermsScreen TextArea { height: 16; }
    """

    def __init__(self, terms: dict[str, str]) -> None:
        super().__init__()
        self.terms = dict(terms)
        self.section = TERMS_OF_REFERENCE_SECTIONS[0][0]

    def compose_fields(self) -> ComposeResult:
        """Section chooser and the text of that section."""
        yield FormField(
            "Section",
            Select(
                [(label, key) for key, label in TERMS_OF_REFERENCE_SECTIONS],
                id="section",
                allow_blank=False,
                value=self.section,
            ),
            field_id="section",
        )
        yield TextArea(self.terms.get(self.section, ""), id="text", language=None)

    @on(Select.Changed, "#section")
    def section_changed(self, event: Select.Changed) -> None:
        """Keep what was typed and show the chosen section."""
        self.terms[self.section] = self.query_one("#text", TextArea).text
        self.section = str(event.value)
        self.query_one("#text", TextArea).load_text(self.terms.get(self.section, ""))

    def submit(self) -> dict[str, str] | None:
        """Save every section, dropping empty ones."""
        self.terms[self.section] = self.query_one("#text", TextArea).text
        kept = {key: text.strip() for key, text in self.terms.items() if text.strip()}
        return kept


CRITERIA_LABELS: tuple[tuple[str, str], ...] = (
    ("nle_or_ele", "Current NLE or ELE status"),
    ("inspection_trained", "Current Ofsted inspection training"),
    ("good_or_outstanding", "Good or outstanding Ofsted across the board"),
    ("two_years_headship", "2 years' headship"),
    ("two_years_in_school", "2 years minimum in the current school"),
    ("outreach_evidence", "Evidence of staff supporting other schools"),
    ("governing_body_support", "Full support of the school's governing body"),
)


class LeadCriteriaScreen(FormScreen[LeadCriteria]):
    """The network lead criteria checklist for one person (seed 003)."""

    HINT = (
        "A lead needs NLE/ELE status or inspection training, or else all four of the track"
        " record; and always the governing body's support."
    )

    def __init__(self, name: str, criteria: LeadCriteria) -> None:
        super().__init__()
        self.TITLE_TEXT = f"Lead criteria: {name}"
        self.criteria = criteria

    def compose_fields(self) -> ComposeResult:
        """One checkbox per criterion."""
        for key, label in CRITERIA_LABELS:
            yield Checkbox(Text(label), getattr(self.criteria, key), id=key)

    def submit(self) -> LeadCriteria | None:
        """Save the ticks."""
        criteria = LeadCriteria(
            **{key: self.query_one(f"#{key}", Checkbox).value for key, _ in CRITERIA_LABELS}
        )
        return criteria
