"""Forms that add or change a network's other records: case studies, support, projects, people.

Given an existing record, a form opens filled in and returns the record as changed; the page
saves only the fields that differ (store.editing.changed_fields).
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Select, SelectionList

from store.dates import is_academic_year
from store.enums import CaseStudyFormat, CaseStudyStatus, Choice, PersonRole
from store.models import CaseStudy, PartnershipProject, Person, Record, School, SupportExchange
from tui.formatting import options
from tui.screens.dialogs.form import FormScreen
from tui.widgets.form_field import FormField

R = TypeVar("R", bound=Record)


def _built(model: type[R], existing: R | None, **fields: Any) -> R:
    """A new record from the fields, or the existing one with them changed (checked)."""
    if existing is None:
        return model(**fields)
    return model.model_validate({**existing.model_dump(), **fields})


def _school_select(
    widget_id: str, schools: list[School], value: str | None, prompt: str
) -> Select[str]:
    known = {s.id for s in schools}
    return Select(
        options((s.name, s.id) for s in schools),
        id=widget_id,
        prompt=prompt,
        value=value if value in known else Select.NULL,
    )


class CaseStudyScreen(FormScreen[CaseStudy]):
    """A member school's case study for a year (seed 000: one per school per year)."""

    TITLE_TEXT = "Add a case study"

    def __init__(self, schools: list[School], year: str, existing: CaseStudy | None = None) -> None:
        super().__init__()
        self.schools = schools
        self.year = year
        self.existing = existing
        if existing is not None:
            self.TITLE_TEXT = "Change the case study"

    def compose_fields(self) -> ComposeResult:
        """School, year, title, aspect, impact, format, status."""
        study = self.existing
        yield FormField(
            "School",
            _school_select("school", self.schools, study.school_id if study else None,
                           "Choose a school"),
            field_id="school",
        )  # fmt: skip
        yield self.text_input(
            "academic_year", "Academic year", study.academic_year if study else self.year, "2026/27"
        )
        yield self.text_input("title", "Title", study.title if study else "")
        yield self.text_input("aspect", "Aspect of practice", study.aspect if study else "")
        yield self.text_input(
            "impact", "Impact on children's education", study.impact if study else ""
        )
        yield FormField(
            "Format", _choices("format", CaseStudyFormat, study.format if study else None),
            field_id="format",
        )  # fmt: skip
        yield FormField(
            "Status (it moves through the year: space on the list steps it on)",
            _choices("status", CaseStudyStatus, study.status if study else None),
            field_id="status",
        )

    def submit(self) -> CaseStudy | None:
        """Validate."""
        errors: dict[str, str] = {}
        school = self.query_one("#school", Select).value
        if school is Select.NULL:
            errors["school"] = "Choose the school."
        if not is_academic_year(self.text("academic_year")):
            errors["academic_year"] = "Write the year like 2026/27."
        if not self.text("title"):
            errors["title"] = "Give the case study a title."
        if not self.show_errors(errors):
            return None
        return _built(
            CaseStudy,
            self.existing,
            school_id=str(school),
            academic_year=self.text("academic_year"),
            title=self.text("title"),
            aspect=self.text("aspect"),
            impact=self.text("impact"),
            format=CaseStudyFormat(str(self.query_one("#format", Select).value)),
            status=CaseStudyStatus(str(self.query_one("#status", Select).value)),
        )


class SupportScreen(FormScreen[SupportExchange]):
    """Support one member school gave another, in hours (seed 003's balance of support)."""

    TITLE_TEXT = "Record support given"

    def __init__(
        self, schools: list[School], today: date, existing: SupportExchange | None = None
    ) -> None:
        super().__init__()
        self.schools = schools
        self.today = today
        self.existing = existing
        if existing is not None:
            self.TITLE_TEXT = "Change the support recorded"

    def compose_fields(self) -> ComposeResult:
        """Giver, receiver, what, hours, when."""
        given = self.existing
        yield FormField(
            "Given by",
            _school_select("giver", self.schools, given.giver_school_id if given else None,
                           "Choose"),
            field_id="giver",
        )  # fmt: skip
        yield FormField(
            "Received by",
            _school_select("receiver", self.schools, given.receiver_school_id if given else None,
                           "Choose"),
            field_id="receiver",
        )  # fmt: skip
        yield self.text_input(
            "description", "What the support was", given.description if given else ""
        )
        yield self.text_input(
            "hours", "Hours", f"{given.hours:g}" if given else "", placeholder="e.g. 6 or 2.5"
        )
        yield self.date_input("occurred_on", "Date", given.occurred_on if given else self.today)

    def submit(self) -> SupportExchange | None:
        """Validate."""
        errors: dict[str, str] = {}
        giver = self.query_one("#giver", Select).value
        receiver = self.query_one("#receiver", Select).value
        if giver is Select.NULL:
            errors["giver"] = "Choose the school that gave the support."
        if receiver is Select.NULL:
            errors["receiver"] = "Choose the school that received it."
        elif receiver == giver:
            errors["receiver"] = "A school cannot support itself."
        try:
            hours = float(self.text("hours"))
            if hours <= 0:
                raise ValueError
        except ValueError:
            errors["hours"] = "Give the hours as a number above 0, e.g. 6 or 2.5."
            hours = 0
        on = self.date_field("occurred_on", errors)
        if not self.show_errors(errors) or on is None:
            return None
        return _built(
            SupportExchange,
            self.existing,
            giver_school_id=str(giver),
            receiver_school_id=str(receiver),
            description=self.text("description"),
            hours=hours,
            occurred_on=on,
        )


class ProjectScreen(FormScreen[tuple[PartnershipProject, list[str]]]):
    """A partnership project with its partner schools and the pupils it reached (seed 004)."""

    TITLE_TEXT = "Add a partnership project"
    DEFAULT_CSS = """
    ProjectScreen SelectionList { height: 8; }
    """

    def __init__(
        self,
        network_id: str,
        schools: list[School],
        existing: PartnershipProject | None = None,
        partners: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.network_id = network_id
        self.schools = schools
        self.existing = existing
        self.partners = set(partners or [])
        if existing is not None:
            self.TITLE_TEXT = "Change the partnership project"

    def compose_fields(self) -> ComposeResult:
        """Title, goal, dates, pupils reached, partners, impact evidence."""
        project = self.existing
        yield self.text_input("title", "Title", project.title if project else "")
        yield self.text_input("goal", "Goal", project.goal if project else "")
        yield self.date_input("starts_on", "Starts", project.starts_on if project else None)
        yield self.date_input("ends_on", "Ends", project.ends_on if project else None)
        reached = project.pupils_reached if project else None
        yield self.text_input(
            "pupils_reached", "Pupils reached", "" if reached is None else str(reached), "e.g. 40"
        )
        partners = SelectionList[str](
            *(
                (Text(f"{s.name} ({s.sector.label.lower()})"), s.id, s.id in self.partners)
                for s in self.schools
            ),
            id="partners",
        )
        yield FormField("Partner schools (space to tick)", partners, field_id="partners")
        yield self.text_input(
            "impact_evidence", "Impact evidence", project.impact_evidence if project else ""
        )

    def submit(self) -> tuple[PartnershipProject, list[str]] | None:
        """Validate the project and its partners."""
        errors: dict[str, str] = {}
        if not self.text("title"):
            errors["title"] = "Give the project a title."
        starts = self.date_field("starts_on", errors, required=False)
        ends = self.date_field("ends_on", errors, required=False)
        if starts and ends and ends < starts:
            errors["ends_on"] = "The project cannot end before it starts."
        reached: int | None = None
        if self.text("pupils_reached"):
            try:
                reached = int(self.text("pupils_reached").replace(",", ""))
                if reached < 0:
                    raise ValueError
            except ValueError:
                errors["pupils_reached"] = (
                    "Give a whole number of pupils, e.g. 40, or leave it blank."
                )
        partners = list(self.query_one("#partners", SelectionList).selected)
        if not partners:
            errors["partners"] = "Tick at least one partner school."
        if not self.show_errors(errors):
            return None
        project = _built(
            PartnershipProject,
            self.existing,
            network_id=self.network_id,
            title=self.text("title"),
            goal=self.text("goal"),
            starts_on=starts,
            ends_on=ends,
            pupils_reached=reached,
            impact_evidence=self.text("impact_evidence"),
        )
        return project, partners


class PersonScreen(FormScreen[Person]):
    """Add or change a person: a head, deputy, reviewer, co-ordinator or LA officer."""

    TITLE_TEXT = "Add a person"

    def __init__(self, schools: list[School], existing: Person | None = None) -> None:
        super().__init__()
        self.schools = schools
        self.existing = existing
        if existing is not None:
            self.TITLE_TEXT = f"Change {existing.name}'s details"

    def compose_fields(self) -> ComposeResult:
        """Name, role, school, email, phone."""
        person = self.existing
        yield self.text_input("name", "Name", person.name if person else "")
        yield FormField(
            "Role", _choices("role", PersonRole, person.role if person else None), field_id="role"
        )
        yield FormField(
            "School",
            _school_select("school", self.schools, person.school_id if person else None,
                           "No school"),
            field_id="school",
        )  # fmt: skip
        yield self.text_input("email", "Email", person.email if person else "")
        yield self.text_input("phone", "Phone", person.phone if person else "")

    def submit(self) -> Person | None:
        """Validate."""
        errors: dict[str, str] = {}
        if not self.text("name"):
            errors["name"] = "Enter the person's name."
        try:
            Person(name="x", email=self.text("email"))
        except ValueError:
            errors["email"] = "An email address looks like name@school.org.uk."
        if not self.show_errors(errors):
            return None
        school = self.query_one("#school", Select).value
        return _built(
            Person,
            self.existing,
            name=self.text("name"),
            role=PersonRole(str(self.query_one("#role", Select).value)),
            school_id=None if school is Select.NULL else str(school),
            email=self.text("email"),
            phone=self.text("phone"),
        )


def _choices(name: str, choices: type[Choice], value: Choice | None = None) -> Select[str]:
    return Select(
        [(choice.label, choice.value) for choice in choices],
        id=name,
        allow_blank=False,
        value=(value or next(iter(choices))).value,
    )
