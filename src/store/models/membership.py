"""Schools, people, networks and membership, and what schools share within a network."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from store.enums import (
    CaseStudyFormat,
    CaseStudyStatus,
    MemberRole,
    MembershipStatus,
    MoveKind,
    MoveStatus,
    NetworkKind,
    NetworkPhase,
    OfstedJudgement,
    PersonRole,
    Phase,
    Sector,
)
from store.models.base import (
    AcademicYear,
    Email,
    Name,
    Record,
    RecordId,
    Urn,
    Website,
)


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
    phase: NetworkPhase | None = None
    area: str = ""
    description: str = ""
    lead_school_id: RecordId | None = None
    lead_id: RecordId | None = None
    deputy_lead_id: RecordId | None = None
    coordinator_id: RecordId | None = None
    review_target: int | None = Field(default=None, ge=0)
    terms_of_reference: dict[str, str] = Field(default_factory=dict)
    # An archived network has stopped meeting: it leaves Home, the lists and the health check,
    # and keeps every record, so it can be brought back.
    archived_on: date | None = None


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
    # How many pupils the project reached, the figure partnerships report (seed 004).
    pupils_reached: int | None = Field(default=None, ge=0)


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
