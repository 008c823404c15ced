"""Import schools from a CSV downloaded from the DfE register, Get Information about Schools.

The register's files come in UTF-8 or Windows-1252 and use column names such as
`EstablishmentName` and `PhaseOfEducation (name)`. Schools are matched by URN, so a
second import updates rather than duplicates; a row without a usable URN or name is refused
with its row number and the good rows still go in. A row with one unreadable optional field
(an inspection date that is not a date, say) goes in without that field, and the summary
says which.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from store.dates import parse_uk_date
from store.enums import OfstedJudgement, Phase, Sector
from store.models import School
from store.text import plural

if TYPE_CHECKING:
    from store.db import Store

Progress = Callable[[int, int], None]

# Fields the register owns; contact names and emails typed into schoolnet are left alone.
REGISTER_FIELDS = (
    "name", "phase", "sector", "street", "locality", "town", "postcode", "website", "phone",
    "head_teacher", "trust", "federation", "religious_character", "local_authority",
    "ofsted_judgement", "ofsted_date",
)  # fmt: skip

_PHASES = {
    "nursery": Phase.NURSERY,
    "primary": Phase.PRIMARY,
    "middle deemed primary": Phase.MIDDLE,
    "middle deemed secondary": Phase.MIDDLE,
    "secondary": Phase.SECONDARY,
    "16 plus": Phase.POST_16,
    "all-through": Phase.ALL_THROUGH,
}
# The register writes "Inadequate" for both categories of concern; either counts the same
# in the network health rules.
_OFSTED = {
    "outstanding": OfstedJudgement.OUTSTANDING,
    "good": OfstedJudgement.GOOD,
    "requires improvement": OfstedJudgement.REQUIRES_IMPROVEMENT,
    "serious weaknesses": OfstedJudgement.SERIOUS_WEAKNESSES,
    "special measures": OfstedJudgement.SPECIAL_MEASURES,
    "inadequate": OfstedJudgement.SERIOUS_WEAKNESSES,
}
_NOT_APPLICABLE = {"", "does not apply", "none", "not applicable", "n/a"}
_CLOSED = "closed"


@dataclass(frozen=True)
class RefusedRow:
    """A row that could not be imported, and why."""

    row: int
    reason: str


@dataclass
class ImportSummary:
    """What an import did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    refused: list[RefusedRow] = field(default_factory=list)
    # Register column -> the rows (numbered as in the file) whose value there was unreadable.
    blanked: dict[str, list[int]] = field(default_factory=dict)

    def __str__(self) -> str:
        counts = (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged,"
            f" {self.skipped} skipped (closed), {len(self.refused)} refused"
        )
        return f"{counts}; {self.blanked_sentence}" if self.blanked else counts

    @property
    def blanked_sentence(self) -> str:
        """`2 rows had a field we could not read (left blank): OfstedLastInsp (rows 4, 9)`."""
        rows = {number for numbers in self.blanked.values() for number in numbers}
        where = ", ".join(
            f"{column} ({'row' if len(numbers) == 1 else 'rows'} {_listed(numbers)})"
            for column, numbers in self.blanked.items()
        )
        return f"{plural(len(rows), 'row')} had a field we could not read (left blank): {where}"


def _listed(numbers: list[int], most: int = 5) -> str:
    shown = ", ".join(str(n) for n in numbers[:most])
    return shown + (f" and {len(numbers) - most} more" if len(numbers) > most else "")


class NotARegisterFile(ValueError):
    """The file is not a CSV from the register."""


def read_text(path: Path) -> str:
    """The file's text, decoded as UTF-8 if it is, else as Windows-1252."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def import_gias(
    store: Store,
    path: Path,
    *,
    include_closed: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Add or update schools from a register CSV file, in one transaction."""
    try:
        rows = list(csv.DictReader(io.StringIO(read_text(path), newline="")))
    except csv.Error as error:
        raise NotARegisterFile(
            f"{path.name} is not a CSV file schoolnet can read ({error})."
        ) from error
    if not rows:
        raise NotARegisterFile(f"{path.name} has no rows, so it is not a register file.")
    if "URN" not in rows[0] or "EstablishmentName" not in rows[0]:
        raise NotARegisterFile(
            f"{path.name} has no URN and EstablishmentName columns, so it is not a register file."
        )
    summary = ImportSummary()
    by_urn = {school.urn: school for school in store.schools.all() if school.urn}
    with store.db.atomic():
        for number, row in enumerate(rows, start=2):  # row 1 is the header
            if progress and number % 250 == 0:
                progress(number - 1, len(rows))
            if not include_closed and _cell(row, "EstablishmentStatus (name)").lower() == _CLOSED:
                summary.skipped += 1
                continue
            try:
                incoming, unreadable = read_row(row)
            except ValueError as error:
                summary.refused.append(RefusedRow(number, str(error)))
                continue
            for column in unreadable:
                summary.blanked.setdefault(column, []).append(number)
            urn = incoming.urn
            assert urn is not None  # school_from_row refuses a row without one
            existing = by_urn.get(urn)
            if existing is None:
                by_urn[urn] = store.schools.add(incoming)
                summary.added += 1
                continue
            changes = {
                name: getattr(incoming, name)
                for name in REGISTER_FIELDS
                if getattr(incoming, name) != getattr(existing, name)
            }
            if not changes:
                summary.unchanged += 1
                continue
            by_urn[urn] = store.schools.update(existing.model_copy(update=changes))
            summary.updated += 1
    if progress:
        progress(len(rows), len(rows))
    return summary


def school_from_row(row: dict[str, str | None]) -> School:
    """A school from one register row; ValueError says plainly what is wrong."""
    return read_row(row)[0]


# The register's column for each field a row may go in without.
_COLUMNS = {
    "street": "Street", "locality": "Locality", "town": "Town", "postcode": "Postcode",
    "website": "SchoolWebsite", "phone": "TelephoneNum", "head_teacher": "HeadLastName",
    "trust": "Trusts (name)", "federation": "Federations (name)",
    "religious_character": "ReligiousCharacter (name)", "local_authority": "LA (name)",
    "ofsted_date": "OfstedLastInsp",
}  # fmt: skip


def read_row(row: dict[str, str | None]) -> tuple[School, list[str]]:
    """A school from one register row, and the register columns left blank as unreadable.

    ValueError says plainly why a row cannot be imported at all (no usable URN or name).
    """
    urn = _cell(row, "URN")
    name = _cell(row, "EstablishmentName")
    if not name:
        raise ValueError("it has no EstablishmentName")
    if not (urn.isdigit() and len(urn) == 6):
        raise ValueError(f"its URN {urn!r} is not six digits" if urn else "it has no URN")
    kind = _cell(row, "TypeOfEstablishment (name)").lower()
    unreadable: list[str] = []
    try:
        ofsted_date = parse_uk_date(_cell(row, "OfstedLastInsp"))
    except ValueError:
        ofsted_date = None
        unreadable.append(_COLUMNS["ofsted_date"])
    head = " ".join(
        part
        for part in (
            _cell(row, "HeadTitle (name)"), _cell(row, "HeadFirstName"), _cell(row, "HeadLastName")
        )
        if part.lower() not in _NOT_APPLICABLE
    )  # fmt: skip
    try:
        website = School(name=name, website=_cell(row, "SchoolWebsite")).website
    except ValidationError:
        website = ""  # the register holds some placeholders and typos
        unreadable.append(_COLUMNS["website"])
    values: dict[str, object] = dict(
        urn=urn,
        name=name,
        phase=_phase(_cell(row, "PhaseOfEducation (name)"), kind, name),
        sector=Sector.INDEPENDENT if "independent" in kind else Sector.STATE,
        street=_cell(row, "Street"),
        locality=_cell(row, "Locality"),
        town=_cell(row, "Town"),
        postcode=_cell(row, "Postcode"),
        website=website,
        phone=_cell(row, "TelephoneNum"),
        head_teacher=head,
        trust=_optional(_cell(row, "Trusts (name)")),
        federation=_optional(_cell(row, "Federations (name)")),
        religious_character=_optional(_cell(row, "ReligiousCharacter (name)")),
        local_authority=_cell(row, "LA (name)"),
        ofsted_judgement=_OFSTED.get(
            _cell(row, "OfstedRating (name)").lower(), OfstedJudgement.NOT_YET_INSPECTED
        ),
        ofsted_date=ofsted_date,
    )
    try:
        return School.model_validate(values), unreadable
    except ValidationError as error:
        problems = error.errors()
    bad = {str(problem["loc"][0]) for problem in problems}
    if not bad <= set(_COLUMNS):  # the URN or the name itself
        first = problems[0]
        raise ValueError(f"its {first['loc'][0]} is not valid ({first['msg']})")
    unreadable += [_COLUMNS[name] for name in _COLUMNS if name in bad]
    kept = {name: value for name, value in values.items() if name not in bad}
    return School.model_validate(kept), unreadable


def _cell(row: dict[str, str | None], column: str) -> str:
    return (row.get(column) or "").strip()


def _optional(value: str) -> str:
    return "" if value.lower() in _NOT_APPLICABLE else value


def _phase(phase: str, kind: str, name: str) -> Phase | None:
    found = _PHASES.get(phase.lower())
    if found == Phase.PRIMARY:
        lowered = name.lower()
        if "infant" in lowered:
            return Phase.INFANT
        if "junior" in lowered:
            return Phase.JUNIOR
    if found is not None:
        return found
    if "special" in kind:
        return Phase.SPECIAL
    if "pupil referral" in kind or "alternative provision" in kind:
        return Phase.ALTERNATIVE_PROVISION
    return None
