"""Add or edit a school, with every refusal shown beside its field and nothing saved until valid."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.widgets import Input, Select

from store.dates import parse_uk_date, uk_date
from store.enums import RELIGIOUS_CHARACTERS, OfstedJudgement, Phase, Sector
from store.models import School
from tui.screens.dialogs.form import FormScreen
from tui.widgets.form_field import FormField

TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Name", "e.g. Houghton Primary School"),
    ("urn", "URN (six digits, optional)", "e.g. 110643"),
    ("head_teacher", "Head teacher", ""),
    ("contact_name", "Contact, if not the head", ""),
    # example.org is reserved for examples: a placeholder never looks like a real address.
    ("contact_email", "Contact email", "e.g. name@example.org"),
    ("phone", "Phone", ""),
    ("website", "Website", "e.g. https://www.example.org"),
    ("street", "Street", ""),
    ("locality", "Locality", ""),
    ("town", "Town", ""),
    ("postcode", "Postcode", ""),
    ("trust", "Multi-academy trust", ""),
    ("federation", "Federation", ""),
    ("local_authority", "Local authority", ""),
)
FRIENDLY = {
    "name": "Enter the school's name.",
}


class SchoolFormScreen(FormScreen[School]):
    """The school form; dismisses with the saved school, or None if cancelled."""

    DEFAULT_CSS = """
    SchoolFormScreen > #form { height: 90%; max-height: 90%; }
    SchoolFormScreen #fields { height: 1fr; max-height: 100%; }
    """

    def __init__(
        self, by_urn: Callable[[str], School | None], school: School | None = None
    ) -> None:
        super().__init__()
        self.by_urn = by_urn  # a read, to say at once that a URN is taken
        self.school = school
        self.TITLE_TEXT = f"Edit {school.name}" if school else "Add a school"

    def compose_fields(self) -> ComposeResult:
        """Every field of a school."""
        school = self.school
        for name, label, placeholder in TEXT_FIELDS[:2]:
            yield self._text(name, label, placeholder)
        yield FormField("Phase", self._select("phase", Phase), field_id="phase")
        yield FormField("Sector", self._select("sector", Sector, blank=False), field_id="sector")
        yield FormField(
            "Latest Ofsted judgement",
            self._select("ofsted_judgement", OfstedJudgement, blank=False),
            field_id="ofsted_judgement",
        )
        yield self._text(
            "ofsted_date",
            "Date of that judgement",
            "15/01/2026, 2026-01-15 or 15 Jan 2026",
            value=uk_date(school.ofsted_date) if school else "",
        )
        yield FormField("Religious character", self._religion(), field_id="religious_character")
        for name, label, placeholder in TEXT_FIELDS[2:]:
            yield self._text(name, label, placeholder)

    def _text(self, name: str, label: str, placeholder: str, value: str | None = None) -> FormField:
        if value is None:
            value = str(getattr(self.school, name) or "") if self.school else ""
        control = Input(value=value, placeholder=placeholder, id=name)
        return FormField(label, control, field_id=name)

    def _select(self, name: str, choices: Any, *, blank: bool = True) -> Select[str]:
        current = getattr(self.school, name) if self.school else School.model_fields[name].default
        return Select(
            [(choice.label, choice.value) for choice in choices],
            id=name,
            prompt="Not recorded",
            allow_blank=blank,
            value=current.value if current is not None else Select.NULL,
        )

    def _religion(self) -> Select[str]:
        current = self.school.religious_character if self.school else ""
        options = list(RELIGIOUS_CHARACTERS)
        if current not in options:
            options.append(current)
        return Select(
            [(value or "Does not apply", value) for value in options],
            id="religious_character",
            allow_blank=False,
            value=current,
        )

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for field in self.query(FormField):
            control = field.control
            if isinstance(control, Input):
                values[field.field_id] = control.value
            elif isinstance(control, Select):
                values[field.field_id] = None if control.value is Select.NULL else control.value
        return values

    def _validated(self) -> School | None:
        """The school the form describes, or None after showing what is wrong."""
        values = self._values()
        errors: dict[str, str] = {}
        try:
            values["ofsted_date"] = parse_uk_date(values["ofsted_date"])
        except ValueError as error:
            errors["ofsted_date"] = f"Not a date: {error}."
        base = self.school.model_dump() if self.school else {}
        try:
            school = School.model_validate(base | values)
        except ValidationError as error:
            school = None
            for problem in error.errors():
                field = str(problem["loc"][0])
                message = FRIENDLY.get(field) or problem["msg"].removeprefix("Value error, ")
                message = message[:1].upper() + message[1:]
                errors.setdefault(field, message if message.endswith(".") else f"{message}.")
        if school and school.urn:
            other = self.by_urn(school.urn)
            if other and other.id != school.id:
                errors["urn"] = f"{other.name} already has URN {school.urn}."
        if not self.show_errors(errors):
            return None
        return school

    def submit(self) -> School | None:
        """The school, if every field is valid; a taken URN shows beside its field."""
        return self._validated()
