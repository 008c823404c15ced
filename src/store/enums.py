"""The choice lists of the domain, each value stored as a lower-case word."""

from __future__ import annotations

from enum import StrEnum


class Choice(StrEnum):
    """A stored choice with a human label derived from its value."""

    @property
    def label(self) -> str:
        """The value as a person would write it, e.g. `Requires improvement`."""
        return _LABELS.get(self.value, self.value.replace("_", " ").capitalize())


_LABELS = {
    "post_16": "Post-16",
    "all_through": "All-through",
    "alternative_provision": "Alternative provision",
    "nle_ele": "NLE/ELE",
    "la_officer": "LA officer",
    "slg": "Strategic leadership group",
    "subject_network": "Role network",
    "pre_meet": "Pre-meet",
    "outcomes_agreed": "Outcomes agreed",
    "in_progress": "In progress",
    "health_and_safety": "Health and safety",
    "deputy": "Deputy with decision authority",
    "enquiry_led": "Enquiry-led (no grades)",
    "with_estimates": "With an estimate per focus area",
    "child": "A child or children",
    "staff": "A member of staff",
    "head": "The head teacher",
    "cross_sector_partnership": "Cross-sector partnership",
    "mixed": "Mixed phases",
    "ofsted_categories": "Ofsted categories",
    "size": "Network size",
}


class Phase(Choice):
    """Phase of education."""

    NURSERY = "nursery"
    PRIMARY = "primary"
    INFANT = "infant"
    JUNIOR = "junior"
    MIDDLE = "middle"
    SECONDARY = "secondary"
    ALL_THROUGH = "all_through"
    SPECIAL = "special"
    ALTERNATIVE_PROVISION = "alternative_provision"
    POST_16 = "post_16"


class NetworkPhase(Choice):
    """The phase a network's schools are in; mixed when they span phases (seed 004)."""

    NURSERY = "nursery"
    PRIMARY = "primary"
    SECONDARY = "secondary"
    ALL_THROUGH = "all_through"
    SPECIAL = "special"
    ALTERNATIVE_PROVISION = "alternative_provision"
    POST_16 = "post_16"
    MIXED = "mixed"


class CapacityFinding(Choice):
    """The health findings that ask a network to name support capacity from beyond it."""

    SIZE = "size"
    OFSTED_CATEGORIES = "ofsted_categories"


class Sector(Choice):
    """State-funded or independent."""

    STATE = "state"
    INDEPENDENT = "independent"


class OfstedJudgement(Choice):
    """The latest Ofsted judgement of a school."""

    OUTSTANDING = "outstanding"
    GOOD = "good"
    REQUIRES_IMPROVEMENT = "requires_improvement"
    SERIOUS_WEAKNESSES = "serious_weaknesses"
    SPECIAL_MEASURES = "special_measures"
    NOT_YET_INSPECTED = "not_yet_inspected"


class NetworkKind(Choice):
    """What sort of group of schools a network is."""

    NETWORK = "network"
    CLUSTER = "cluster"
    ALLIANCE_GROUP = "alliance_group"
    CROSS_SECTOR_PARTNERSHIP = "cross_sector_partnership"
    IMPROVEMENT_BOARD = "improvement_board"


class MemberRole(Choice):
    """A school's role in a network."""

    LEAD = "lead"
    DEPUTY_LEAD = "deputy_lead"
    MEMBER = "member"


class MembershipStatus(Choice):
    """Where a school stands in joining or leaving a network."""

    NOMINATED = "nominated"
    ACCEPTED = "accepted"
    APPROVED = "approved"
    ACTIVE = "active"
    LEFT = "left"
    REMOVED = "removed"


class PersonRole(Choice):
    """What a person does."""

    HEAD_TEACHER = "head_teacher"
    DEPUTY_HEAD = "deputy_head"
    NETWORK_LEAD = "network_lead"
    REVIEWER = "reviewer"
    COORDINATOR = "coordinator"
    LA_OFFICER = "la_officer"
    TEACHER = "teacher"
    OTHER = "other"


class MeetingKind(Choice):
    """Which body is meeting."""

    SLG = "slg"
    IMPROVEMENT_BOARD = "improvement_board"
    SUBJECT_NETWORK = "subject_network"  # a role network: SENDCos, subject leads
    PARTNERSHIP = "partnership"
    OTHER = "other"


class AttendanceStatus(Choice):
    """How a person attended a meeting."""

    PRESENT = "present"
    DEPUTY = "deputy"
    APOLOGIES = "apologies"
    ABSENT = "absent"


class ActionStatus(Choice):
    """Progress of an action."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class ActionSource(Choice):
    """Where an action came from."""

    MEETING = "meeting"
    PLAN = "plan"
    REVIEW = "review"
    OTHER = "other"


class Rag(Choice):
    """Red, amber, green progress rating."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"


class ReviewStyle(Choice):
    """How a peer review records its findings."""

    ENQUIRY_LED = "enquiry_led"
    WITH_ESTIMATES = "with_estimates"


class ReviewStage(Choice):
    """The stages of a peer review, in order."""

    PLANNED = "planned"
    PRE_MEET = "pre_meet"
    VISIT = "visit"
    WORKSHOP = "workshop"
    OUTCOMES_AGREED = "outcomes_agreed"


class EvidenceType(Choice):
    """What kind of evidence a visit note records."""

    LESSON_VISIT = "lesson_visit"
    PUPIL_VOICE = "pupil_voice"
    WORK_SCRUTINY = "work_scrutiny"
    STAFF_DISCUSSION = "staff_discussion"
    DATA = "data"
    DOCUMENTATION = "documentation"
    OTHER = "other"


class ConcernCategory(Choice):
    """What a concern is about."""

    SAFEGUARDING = "safeguarding"
    HEALTH_AND_SAFETY = "health_and_safety"
    OTHER = "other"


class ConcernAbout(Choice):
    """Whom a concern is about, which decides to whom it is passed (the concerns protocol)."""

    CHILD = "child"
    STAFF = "staff"
    HEAD = "head"

    @property
    def pass_to(self) -> str:
        """Who the protocol says must be told."""
        return {
            "child": "the host school's designated safeguarding lead (DSL)",
            "staff": "the head teacher of the host school",
            "head": "the chair of governors, or the local authority designated officer (LADO)",
        }[self.value]


class CaseStudyFormat(Choice):
    """How a case study is presented."""

    WRITTEN = "written"
    AUDIOVISUAL = "audiovisual"


class CaseStudyStatus(Choice):
    """Progress of a case study."""

    PLANNED = "planned"
    DRAFTING = "drafting"
    SUBMITTED = "submitted"
    PUBLISHED = "published"


class MoveKind(Choice):
    """A proposed change to a network's membership (seed 003, movement between networks)."""

    JOIN = "join"
    LEAVE = "leave"
    REMOVE = "remove"


class MoveStatus(Choice):
    """Whether the network leads group has ratified a move."""

    PROPOSED = "proposed"
    RATIFIED = "ratified"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


# Religious characters as the DfE register names them; "" stands for "Does not apply".
RELIGIOUS_CHARACTERS: tuple[str, ...] = (
    "",
    "Church of England",
    "Roman Catholic",
    "Catholic",
    "Church of England/Methodist",
    "Methodist",
    "Christian",
    "Jewish",
    "Muslim",
    "Sikh",
    "Hindu",
    "Multi-faith",
    "Other",
)

# The sections of a network's terms of reference (seed 003), in the order they are shown.
TERMS_OF_REFERENCE_SECTIONS: tuple[tuple[str, str], ...] = (
    ("purpose_and_principles", "Purpose and principles"),
    ("roles", "Roles and responsibilities"),
    ("membership", "Membership"),
    ("information_sharing", "Information sharing"),
    ("finance", "Finance"),
    ("meetings", "Meetings"),
    ("network_activity", "Network activity"),
)
