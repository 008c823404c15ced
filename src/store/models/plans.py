"""Annual action plans and their priorities."""

from __future__ import annotations

from pydantic import Field

from store.enums import (
    Rag,
)
from store.models.base import (
    AcademicYear,
    Name,
    Record,
    RecordId,
)


class ActionPlan(Record):
    """A network's annual action plan."""

    network_id: RecordId
    academic_year: AcademicYear
    funding_allocated: float | None = Field(default=None, ge=0)
    funding_spent: float | None = Field(default=None, ge=0)
    impact_evaluation: str = ""


class PlanPriority(Record):
    """A priority in an action plan, with what success looks like."""

    plan_id: RecordId
    position: int = 0
    title: Name
    partnership_priority: str = ""
    expected_outcomes: str = ""
    success_criteria: str = ""
    funding_allocated: float | None = Field(default=None, ge=0)
    rag: Rag | None = None
