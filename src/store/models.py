"""Pydantic models of every record schoolnet keeps; the store takes and returns these."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from .dates import is_academic_year, utc_now
from .enums import (
    ActionSource,
    ActionStatus,
    AttendanceStatus,
    CaseStudyFormat,
    CaseStudyStatus,
    ConcernAbout,
    ConcernCategory,
    EvidenceType,
    MeetingKind,
    MemberRole,
    MembershipStatus,
    MoveKind,
    MoveStatus,
    NetworkKind,
    OfstedJudgement,
    PersonRole,
    Phase,
    Rag,
    ReviewStage,
    ReviewStyle,
    Sector,
)

_CANONICAL_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _canonical_uuid(value: str) -> str:
    # Ids are nearly always canonical already; checking that is far cheaper than parsing.
    if _CANONICAL_UUID.match(value):
        return value
    return str(uuid.UUID(value))


def _as_utc(value: datetime) -> datetime:
    # Naive timestamps are taken to be UTC already: the store only writes UTC.
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _academic_year(value: str) -> str:
    if not is_academic_year(value):
        raise ValueError("an academic year is written like 2025/26")
    return value


_URN = re.compile(r"^\d{6}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_WEBSITE = re.compile(r"^(https?://)?([a-z0-9-]+\.)+[a-z]{2,}(:\d+)?(/\S*)?$", re.IGNORECASE)


def _email(value: str) -> str:
    if value and not _EMAIL.match(value):
        raise ValueError("an email address looks like name@school.org.uk")
    return value


def _website(value: str) -> str:
    if not value:
        return value
    if not _WEBSITE.match(value):
        raise ValueError("a website looks like https://www.school.org.uk")
    return value if value.lower().startswith(("http://", "https://")) else f"https://{value}"


def _urn(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not _URN.match(value):
        raise ValueError("a URN is six digits")
    return value


RecordId = Annotated[str, AfterValidator(_canonical_uuid)]
UtcDateTime = Annotated[datetime, AfterValidator(_as_utc)]
AcademicYear = Annotated[str, AfterValidator(_academic_year)]
Urn = Annotated[str | None, AfterValidator(_urn)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Email = Annotated[str, AfterValidator(_email)]
Website = Annotated[str, AfterValidator(_website)]


def new_id() -> str:
    """A fresh random record id."""
    return str(uuid.uuid4())


class Record(BaseModel):
    """Fields every stored record has, so bundles can merge records by id and time."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        validate_assignment=True,
        # Build validators on first use, not at import: halves the store's share of startup.
        defer_build=True,
    )

    id: RecordId = Field(default_factory=new_id)
    created_at: UtcDateTime = Field(default_factory=utc_now)
    updated_at: UtcDateTime = Field(default_factory=utc_now)
    created_by: str = ""
    # When each field last changed, as [changed_at, the changed_at it replaced]; a field not
    # listed has not changed since the record was created. Bundles merge field by field on it.
    field_clock: dict[str, tuple[str, str]] = Field(default_factory=dict)


class School(Record):
    """A school, state or independent."""

    name: Name
    urn: Urn = None
    phase: Phase | None = None
    sector: Sector = Sector.STATE
    street: str = ""
    locality: str = ""
    town: str = ""
    postcode: str = ""
    website: Website = ""
    phone: str = ""
    head_teacher: str = ""
    contact_name: str = ""
    contact_email: Email = ""
    trust: str = ""
    federation: str = ""
    religious_character: str = ""
    local_authority: str = ""
    ofsted_judgement: OfstedJudgement = OfstedJudgement.NOT_YET_INSPECTED
    ofsted_date: date | None = None


class LeadCriteria(BaseModel):
    """The network lead criteria of seed 003, recorded per person."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    nle_or_ele: bool = False
    inspection_trained: bool = False
    good_or_outstanding: bool = False
    two_years_headship: bool = False
    two_years_in_school: bool = False
    outreach_evidence: bool = False
    governing_body_support: bool = False

    @property
    def met(self) -> bool:
        """True when the person may lead a network."""
        designated = self.nle_or_ele or self.inspection_trained
        track_record = (
            self.good_or_outstanding
            and self.two_years_headship
            and self.two_years_in_school
            and self.outreach_evidence
        )
        return (designated or track_record) and self.governing_body_support


class Person(Record):
    """Someone who takes part: a head, a reviewer, a co-ordinator, an LA officer."""

    name: Name
    role: PersonRole = PersonRole.HEAD_TEACHER
    school_id: RecordId | None = None
    email: Email = ""
    phone: str = ""
    lead_criteria: LeadCriteria = Field(default_factory=LeadCriteria)


class Network(Record):
    """A network, cluster, alliance group or partnership of schools."""

    name: Name
    kind: NetworkKind = NetworkKind.NETWORK
    area: str = ""
    description: str = ""
    lead_school_id: RecordId | None = None
    lead_id: RecordId | None = None
    deputy_lead_id: RecordId | None = None
    coordinator_id: RecordId | None = None
    review_target: int | None = Field(default=None, ge=0)
    terms_of_reference: dict[str, str] = Field(default_factory=dict)


class Membership(Record):
    """A school's place in a network."""

    network_id: RecordId
    school_id: RecordId
    role: MemberRole = MemberRole.MEMBER
    status: MembershipStatus = MembershipStatus.NOMINATED
    joined_on: date | None = None
    left_on: date | None = None
    mou_signed_on: date | None = None


class MembershipEvent(Record):
    """One step in a membership's history: who signed or ratified what, and when."""

    membership_id: RecordId
    status: MembershipStatus
    occurred_on: date
    signed_by: str = ""
    reason: str = ""
    evidence: str = ""
    ratified_on: date | None = None


class MembershipMove(Record):
    """A proposal that a school joins, leaves or is removed from a network, and its ratification."""

    network_id: RecordId
    school_id: RecordId
    kind: MoveKind
    reason: str = Field(min_length=1)
    evidence: str = ""
    proposed_on: date
    proposed_by: str = ""
    status: MoveStatus = MoveStatus.PROPOSED
    ratified_on: date | None = None
    ratified_by: str = ""


class Meeting(Record):
    """A meeting of a network's leadership group, the improvement board or a subject network."""

    network_id: RecordId | None = None
    title: Name
    kind: MeetingKind = MeetingKind.SLG
    starts_at: datetime
    place: str = ""
    notes: str = ""
    decisions: str = ""


class AgendaItem(Record):
    """An item on a meeting's agenda."""

    meeting_id: RecordId
    position: int = 0
    title: Name
    lead: str = ""
    notes: str = ""


class Attendance(Record):
    """Whether a person came to a meeting."""

    meeting_id: RecordId
    person_id: RecordId
    status: AttendanceStatus = AttendanceStatus.PRESENT
    note: str = ""


class Action(Record):
    """Something someone agreed to do, from a meeting, a plan or a review."""

    description: Name
    owner_id: RecordId | None = None
    due_on: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    source: ActionSource = ActionSource.OTHER
    network_id: RecordId | None = None
    meeting_id: RecordId | None = None
    priority_id: RecordId | None = None
    review_id: RecordId | None = None


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


class CaseStudy(Record):
    """A school's case study for the year."""

    school_id: RecordId
    academic_year: AcademicYear
    title: Name
    aspect: str = ""
    impact: str = ""
    format: CaseStudyFormat = CaseStudyFormat.WRITTEN
    status: CaseStudyStatus = CaseStudyStatus.PLANNED


class SupportExchange(Record):
    """Support one school gave another, so giving and receiving can be balanced."""

    network_id: RecordId | None = None
    giver_school_id: RecordId
    receiver_school_id: RecordId
    description: str = ""
    hours: float = Field(default=0, ge=0)
    occurred_on: date


class PartnershipProject(Record):
    """A project of a (often cross-sector) partnership, with its goal and impact."""

    network_id: RecordId
    title: Name
    goal: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    impact_evidence: str = ""


class ProjectPartner(Record):
    """A school taking part in a partnership project."""

    project_id: RecordId
    school_id: RecordId
    contribution: str = ""


class UserProfile(BaseModel):
    """Who is using this installation, so records can say who made them."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)

    name: Name
    role: PersonRole = PersonRole.HEAD_TEACHER
    school_id: RecordId | None = None
    person_id: RecordId | None = None
