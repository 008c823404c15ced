"""Pydantic models of every record schoolnet keeps; the store takes and returns these.

Split by domain area; import them from here.
"""

from __future__ import annotations

from store.models.base import (
    AcademicYear,
    Email,
    Name,
    Record,
    RecordId,
    Urn,
    UtcDateTime,
    Website,
    new_id,
)
from store.models.meetings import (
    Action,
    AgendaItem,
    Attendance,
    Meeting,
    PlanScrutiny,
)
from store.models.membership import (
    CaseStudy,
    LeadCriteria,
    Membership,
    MembershipEvent,
    MembershipMove,
    Network,
    PartnershipProject,
    Person,
    ProjectPartner,
    School,
    SupportExchange,
    UserProfile,
)
from store.models.network_year import HealthAnswer, NetworkFunding
from store.models.plans import (
    ActionPlan,
    FundedActivity,
    Money,
    PartnershipPriority,
    PlanPriority,
    PlanSpending,
    PlanStatus,
    SuccessCriterion,
)
from store.models.reviews import (
    Concern,
    ConcernAmendment,
    EvidenceNote,
    OutcomeArea,
    PeerReview,
    ReviewAmendment,
    ReviewSlot,
    ReviewTeamMember,
)

__all__ = [
    "AcademicYear",
    "Action",
    "ActionPlan",
    "AgendaItem",
    "Attendance",
    "CaseStudy",
    "Concern",
    "ConcernAmendment",
    "Email",
    "EvidenceNote",
    "HealthAnswer",
    "LeadCriteria",
    "Meeting",
    "Membership",
    "MembershipEvent",
    "MembershipMove",
    "Name",
    "Network",
    "NetworkFunding",
    "OutcomeArea",
    "PartnershipProject",
    "PeerReview",
    "Person",
    "PlanPriority",
    "PlanSpending",
    "PlanStatus",
    "PartnershipPriority",
    "FundedActivity",
    "Money",
    "SuccessCriterion",
    "PlanScrutiny",
    "ProjectPartner",
    "Record",
    "RecordId",
    "ReviewAmendment",
    "ReviewSlot",
    "ReviewTeamMember",
    "School",
    "SupportExchange",
    "Urn",
    "UserProfile",
    "UtcDateTime",
    "Website",
    "new_id",
]
