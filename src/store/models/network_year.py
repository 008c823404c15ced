"""What a network records per academic year beside its plan: its funding, and its answers
to the health findings that ask for support capacity from beyond it (seed 003)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from store.enums import CapacityFinding
from store.models.base import AcademicYear, Record, RecordId
from store.models.plans import Money


class NetworkFunding(Record):
    """The school improvement funding a network has for one academic year, in pounds."""

    network_id: RecordId
    academic_year: AcademicYear
    amount: Money
    note: str = ""


class HealthAnswer(Record):
    """How a network will find support capacity from beyond it, recorded for one year."""

    network_id: RecordId
    finding: CapacityFinding
    academic_year: AcademicYear
    note: str = Field(min_length=1, max_length=2000)
    answered_on: date
    answered_by: str = ""
