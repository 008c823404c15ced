"""Annual action plans (seed 003): city-wide priorities, a network's plan and its priorities,
the funding rules kept with each plan, and spending recorded against the plan's actions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from store.enums import Choice, OfstedJudgement
from store.models.base import (
    AcademicYear,
    Name,
    Record,
    RecordId,
)

# Pounds and pence, never a float: two decimal places, up to a billion pounds.
Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]


class FundedActivity(Choice):
    """What spending paid for, in seed 003's two lists of network activity."""

    # What all networks will do: the school improvement funding pays for these.
    LEADERSHIP_GROUP = "leadership_group"
    ACTION_PLAN = "action_plan"
    SCHOOL_SUPPORT = "school_support"
    PARTNERSHIP_FORUMS = "partnership_forums"
    STATUTORY_MODERATION = "statutory_moderation"
    # What networks can also do: the funding must not pay for these.
    ROLE_NETWORKING = "role_networking"
    JOINT_PROJECTS = "joint_projects"
    SHARED_RESOURCES = "shared_resources"
    WIDER_MODERATION = "wider_moderation"

    @property
    def label(self) -> str:
        """The activity as seed 003 words it."""
        return _ACTIVITY_LABELS[self]

    @property
    def fundable(self) -> bool:
        """True for the activities every network does, which the funding may pay for."""
        return self in FUNDABLE


FUNDABLE = frozenset(
    {
        FundedActivity.LEADERSHIP_GROUP,
        FundedActivity.ACTION_PLAN,
        FundedActivity.SCHOOL_SUPPORT,
        FundedActivity.PARTNERSHIP_FORUMS,
        FundedActivity.STATUTORY_MODERATION,
    }
)
_ACTIVITY_LABELS = {
    FundedActivity.LEADERSHIP_GROUP: "Strategic leadership group meetings",
    FundedActivity.ACTION_PLAN: "The annual action plan",
    FundedActivity.SCHOOL_SUPPORT: "Specific support for a school in need",
    FundedActivity.PARTNERSHIP_FORUMS: "Representing the network at partnership forums",
    FundedActivity.STATUTORY_MODERATION: "Statutory moderation and standardisation",
    FundedActivity.ROLE_NETWORKING: "Networking for colleagues in similar roles",
    FundedActivity.JOINT_PROJECTS: "Joint projects not focused on school improvement",
    FundedActivity.SHARED_RESOURCES: "Joint approaches to use resources efficiently",
    FundedActivity.WIDER_MODERATION: "Moderation beyond statutory expectations",
}


class PlanStatus(Choice):
    """Where a plan's action stands: red, amber or green while under way, or done."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    DONE = "done"


class PartnershipPriority(Record):
    """A city-wide priority the partnership agrees for a year; network priorities answer it."""

    academic_year: AcademicYear
    position: int = 0
    title: Name
    description: str = ""


class ActionPlan(Record):
    """A network's annual action plan, with the funding rules that set its allocation."""

    network_id: RecordId
    academic_year: AcademicYear
    lead_id: RecordId | None = None
    deputy_id: RecordId | None = None
    # The allocation: a base per school, a weighting per school in each Ofsted category, and
    # the lead's allowance; the counts are the network's schools when the funding was set.
    base_per_school: Money = Decimal("0.00")
    category_weights: dict[OfstedJudgement, Money] = Field(default_factory=dict)
    school_counts: dict[OfstedJudgement, int] = Field(default_factory=dict)
    lead_allowance: Money = Decimal("0.00")
    # The plan this one was started from, a year before.
    rolled_from_id: RecordId | None = None
    # The end-of-year impact evaluation of the whole plan.
    impact_evaluation: str = ""
    impact_evidence: str = ""
    impact_next_steps: str = ""
    evaluated_on: date | None = None


class SuccessCriterion(BaseModel):
    """A measurable sign of success: what is measured, where it starts and where it should be."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    measure: str = Field(min_length=1, max_length=200)
    baseline: str = ""
    target: str = ""
    # Written at the end of the year: what the measure came to.
    result: str = ""


class PlanPriority(Record):
    """A priority in an action plan, with what success looks like and what came of it."""

    plan_id: RecordId
    position: int = 0
    title: Name
    # The city-wide priority it answers; None when the priority is the network's own.
    partnership_priority_id: RecordId | None = None
    expected_outcomes: str = ""
    criteria: list[SuccessCriterion] = Field(default_factory=list)
    # The end-of-year impact evaluation of this priority.
    impact_changed: str = ""
    impact_evidence: str = ""
    impact_next_steps: str = ""


class PlanSpending(Record):
    """Money spent from a plan's funding on one of its actions."""

    plan_id: RecordId
    action_id: RecordId
    activity: FundedActivity
    amount: Money
    spent_on: date
    note: str = ""
