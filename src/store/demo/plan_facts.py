"""Words for the demo's action plans: city-wide priorities, network priorities with measurable
success criteria, their actions, spending and the end-of-year evaluations."""

from __future__ import annotations

from dataclasses import dataclass

from store.models import FundedActivity

# The Coventry Education Partnership's priorities (seed 003), the same both years.
CITY_PRIORITIES = (
    ("Raise attainment in writing", "Writing at the expected standard at the end of KS2."),
    ("Inclusion", "Pupils with SEND and disadvantaged pupils achieve as well as their peers."),
    ("Leadership capacity", "Grow leaders who can support other schools."),
    ("Attendance", "Every pupil in school, every day."),
)


@dataclass(frozen=True)
class DemoCriterion:
    """A measurable success criterion, and what it came to by July 2026."""

    measure: str
    baseline: str
    target: str
    result: str


@dataclass(frozen=True)
class DemoPriority:
    """A network priority, the city-wide one it answers (None: local), and its actions."""

    title: str
    city: int | None
    outcomes: str
    criteria: tuple[DemoCriterion, ...]
    actions: tuple[tuple[str, int], ...]  # description, cost in whole pounds
    changed: str
    evidence: str
    next_steps: str


PRIORITIES = (
    DemoPriority(
        "Improve writing outcomes at the end of Key Stage 2",
        0,
        "More pupils write at the expected standard, and teachers agree what that looks like.",
        (
            DemoCriterion("KS2 writing at the expected standard", "68%", "73%", "71%"),
            DemoCriterion("Moderated judgements agreed across schools", "80%", "95%", "96%"),
        ),
        (("Cross-school writing moderation each term", 1200), ("Year 6 writing network", 600)),
        "Writing rose three points; moderation now agrees across the network.",
        "KS2 results July 2026; moderation records from three terms.",
        "Keep termly moderation; focus on greater depth writing.",
    ),
    DemoPriority(
        "Strengthen provision for pupils with SEND",
        1,
        "SENDCos share one assessment toolkit and support each other's schools.",
        (
            DemoCriterion(
                "Schools that have audited their SEND provision", "2", "all", "all but one"
            ),
        ),
        (("SEND provision audit in every school", 900), ("Support from a specialist SENDCo", 1500)),
        "Every school but one completed the audit; two schools received support.",
        "Audit reports; support logs.",
        "Complete the last audit; share the toolkit with the board.",
    ),
    DemoPriority(
        "Develop middle leaders through peer review",
        2,
        "Each middle leader takes part in one review and grows in confidence.",
        (DemoCriterion("Middle leaders who took part in a review", "4", "12", "10"),),
        (("Middle leader review training day", 800), ("Pair middle leaders across schools", 300)),
        "Ten middle leaders reviewed a subject in another school.",
        "Review rosters; leaders' survey (confidence up from 2.8 to 3.9 of 5).",
        "Train two more Lead Reviewers.",
    ),
)

# Spending in 2025/26: (priority, action, activity, pounds, month). The one activity from
# seed 003's second list shows the warning in the demo.
SPENDING_2025 = (
    (0, 0, FundedActivity.STATUTORY_MODERATION, 1150, 11),
    (1, 1, FundedActivity.SCHOOL_SUPPORT, 1400, 2),
    (2, 0, FundedActivity.ACTION_PLAN, 780, 3),
    (0, 1, FundedActivity.ROLE_NETWORKING, 350, 5),
)

PLAN_EVALUATION = (
    "The network met two of its three priorities in full. Writing rose three points and"
    " moderation agrees; SEND audits are nearly complete; middle leaders' reviews grew.",
    "KS2 results, moderation records, SEND audits and the middle leaders' survey.",
    "Carry the SEND audit and middle leader pairing into 2026/27; bring the report to the board.",
)
