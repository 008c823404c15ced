"""Peer reviews: the review, its team, notes, concerns, timetable and outcomes."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from store.enums import (
    ConcernAbout,
    ConcernCategory,
    EvidenceType,
    ReviewStage,
    ReviewStyle,
)
from store.models.base import (
    AcademicYear,
    Name,
    Record,
    RecordId,
    UtcDateTime,
)


class PeerReview(Record):
    """A school-to-school peer review of one host school."""

    network_id: RecordId
    host_school_id: RecordId
    academic_year: AcademicYear
    style: ReviewStyle = ReviewStyle.ENQUIRY_LED
    stage: ReviewStage = ReviewStage.PLANNED
    starts_on: date | None = None
    ends_on: date | None = None
    lead_reviewer_id: RecordId | None = None
    improvement_champion_id: RecordId | None = None
    focus_areas: list[str] = Field(default_factory=list)
    hypotheses: str = ""
    strengths: str = ""
    areas_for_development: str = ""
    checklist: dict[str, date] = Field(default_factory=dict)
    premeet_context: str = ""
    premeet_evidence: str = ""
    premeet_logistics: str = ""
    workshop_participants: str = ""
    workshop_went_well: str = ""
    workshop_even_better_if: str = ""
    area_of_excellence: str = ""
    next_steps: str = ""
    locked_on: date | None = None


class ReviewTeamMember(Record):
    """A reviewer, with what the host needs for its Single Central Record."""

    review_id: RecordId
    person_id: RecordId
    role: str = "reviewer"
    employing_school_id: RecordId | None = None
    dbs_confirmed: bool = False
    dbs_confirmed_on: date | None = None


class EvidenceNote(Record):
    """A note typed during a visit, tagged to a focus area."""

    review_id: RecordId
    noted_at: UtcDateTime
    focus_area: str = ""
    evidence_type: EvidenceType = EvidenceType.OTHER
    text: str = ""


class Concern(Record):
    """A confidential concern raised under the concerns protocol."""

    review_id: RecordId
    category: ConcernCategory
    about: ConcernAbout = ConcernAbout.CHILD
    facts: str = Field(min_length=1)
    occurred_at: datetime | None = None
    place: str = ""
    raised_by: str = ""
    reported_to: str = ""
    reported_at: datetime | None = None
    follow_up: str = ""
    outcome: str = ""


class ConcernAmendment(Record):
    """A dated addition to a concern: a recorded concern is never silently edited."""

    concern_id: RecordId
    amended_on: UtcDateTime
    amended_by: str = ""
    text: str = Field(min_length=1)


class ReviewSlot(Record):
    """A slot of a visit timetable."""

    review_id: RecordId
    day: date
    starts_at: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    activity: Name
    who: str = ""
    location: str = ""


class OutcomeArea(Record):
    """The outcomes for one focus area of a review."""

    review_id: RecordId
    position: int = 0
    focus_area: str
    went_well: str = ""
    even_better_if: str = ""
    areas_for_development: str = ""
    estimate: str = ""


class ReviewAmendment(Record):
    """A dated change to a review after its outcomes were agreed and it was locked."""

    review_id: RecordId
    amended_on: UtcDateTime
    amended_by: str = ""
    text: str = Field(min_length=1)
