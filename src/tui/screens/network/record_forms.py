"""Forms that add a network's other records: case studies, support, projects, people."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Select, SelectionList

from store.dates import is_academic_year
from store.enums import CaseStudyFormat, CaseStudyStatus, Choice, PersonRole
from store.models import CaseStudy, PartnershipProject, Person, School, SupportExchange
from tui.formatting import options
from tui.screens.dialogs.form import FormScreen
from tui.widgets.form_field import FormField


class CaseStudyScreen(FormScreen[CaseStudy]):
    """A member school's case study for a year (seed 000: one per school per year)."""

    TITLE_TEXT = "Add a case study"

    def __init__(self, schools: list[School], year: str) -> None:
        super().__init__()
        self.schools = schools
        self.year = year

    def compose_fields(self) -> ComposeResult:
        """School, year, title, aspect, impact, format, status."""
        yield FormField(
            "School",
            Select(
                options((s.name, s.id) for s in self.schools), id="school", prompt="Choose a school"
            ),
            field_id="school",
        )
        yield self.text_input("academic_year", "Academic year", self.year, "2026/27")
        yield self.text_input("title", "Title")
        yield self.text_input("aspect", "Aspect of practice")
        yield self.text_input("impact", "Impact on children's education")
        yield FormField("Format", _choices("format", CaseStudyFormat), field_id="format")
        yield FormField("Status", _choices("status", CaseStudyStatus), field_id="status")

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
        study = CaseStudy(
            school_id=str(school),
            academic_year=self.text("academic_year"),
            title=self.text("title"),
            aspect=self.text("aspect"),
            impact=self.text("impact"),
            format=CaseStudyFormat(str(self.query_one("#format", Select).value)),
            status=CaseStudyStatus(str(self.query_one("#status", Select).value)),
        )
        return study


class SupportScreen(FormScreen[SupportExchange]):
    """Support one member school gave another, in hours (seed 003's balance of support)."""

    TITLE_TEXT = "Record support given"

    def __init__(self, schools: list[School], today: date) -> None:
        super().__init__()
        self.schools = schools
        self.today = today

    def compose_fields(self) -> ComposeResult:
        """Giver, receiver, what, hours, when."""
        schools = options((s.name, s.id) for s in self.schools)
        yield FormField("Given by", Select(schools, id="giver", prompt="Choose"), field_id="giver")
        yield FormField(
            "Received by", Select(schools, id="receiver", prompt="Choose"), field_id="receiver"
        )
        yield self.text_input("description", "What the support was")
        yield self.text_input("hours", "Hours", placeholder="e.g. 6 or 2.5")
        yield self.date_input("occurred_on", "Date", self.today)

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
        exchange = SupportExchange(
            giver_school_id=str(giver),
            receiver_school_id=str(receiver),
            description=self.text("description"),
            hours=hours,
            occurred_on=on,
        )
        return exchange


class ProjectScreen(FormScreen[tuple[PartnershipProject, list[str]]]):
    """A partnership project with its partner schools (seed 004)."""

    TITLE_TEXT = "Add a partnership project"
    DEFAULT_CSS = """
    ProjectScreen SelectionList { height: 8; }
    """

    def __init__(self, network_id: str, schools: list[School]) -> None:
        super().__init__()
        self.network_id = network_id
        self.schools = schools

    def compose_fields(self) -> ComposeResult:
        """Title, goal, dates, partners, impact evidence."""
        yield self.text_input("title", "Title")
        yield self.text_input("goal", "Goal")
        yield self.date_input("starts_on", "Starts", None)
        yield self.date_input("ends_on", "Ends", None)
        partners = SelectionList[str](
            *((Text(f"{s.name} ({s.sector.label.lower()})"), s.id) for s in self.schools),
            id="partners",
        )
        yield FormField("Partner schools (space to tick)", partners, field_id="partners")
        yield self.text_input("impact_evidence", "Impact evidence")

    def submit(self) -> tuple[PartnershipProject, list[str]] | None:
        """Validate the project and its partners."""
        errors: dict[str, str] = {}
        if not self.text("title"):
            errors["title"] = "Give the project a title."
        starts = self.date_field("starts_on", errors, required=False)
        ends = self.date_field("ends_on", errors, required=False)
        if starts and ends and ends < starts:
            errors["ends_on"] = "The project cannot end before it starts."
        partners = list(self.query_one("#partners", SelectionList).selected)
        if not partners:
            errors["partners"] = "Tick at least one partner school."
        if not self.show_errors(errors):
            return None
        project = PartnershipProject(
            network_id=self.network_id,
            title=self.text("title"),
            goal=self.text("goal"),
            starts_on=starts,
            ends_on=ends,
            impact_evidence=self.text("impact_evidence"),
        )
        return project, partners


class PersonScreen(FormScreen[Person]):
    """Add a person: a head, deputy, reviewer, co-ordinator or LA officer."""

    TITLE_TEXT = "Add a person"

    def __init__(self, schools: list[School]) -> None:
        super().__init__()
        self.schools = schools

    def compose_fields(self) -> ComposeResult:
        """Name, role, school, email, phone."""
        yield self.text_input("name", "Name")
        yield FormField("Role", _choices("role", PersonRole), field_id="role")
        yield FormField(
            "School",
            Select(options((s.name, s.id) for s in self.schools), id="school", prompt="No school"),
            field_id="school",
        )
        yield self.text_input("email", "Email")
        yield self.text_input("phone", "Phone")

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
        person = Person(
            name=self.text("name"),
            role=PersonRole(str(self.query_one("#role", Select).value)),
            school_id=None if school is Select.NULL else str(school),
            email=self.text("email"),
            phone=self.text("phone"),
        )
        return person


def _choices(name: str, choices: type[Choice]) -> Select[str]:
    return Select(
        [(choice.label, choice.value) for choice in choices],
        id=name,
        allow_blank=False,
        value=next(iter(choices)).value,
    )
