"""The demo's peer reviews: every stage, and one with visit notes and a safeguarding concern."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from store import models
from store.demo import review_facts
from store.demo.ids import ANCHOR, Loader, demo_id, head_id, network_id, review_id, school_id
from store.enums import ActionSource, ActionStatus, ConcernCategory, EvidenceType, ReviewStage

_CHECKLIST_BY_STAGE = {
    ReviewStage.PLANNED: ("mou_signed",),
    ReviewStage.PRE_MEET: ("mou_signed", "scr_letter_sent", "concerns_protocol_shared"),
    ReviewStage.VISIT: (
        "mou_signed",
        "scr_letter_sent",
        "concerns_protocol_shared",
        "timetable_shared",
        "pre_meet_held",
    ),
    ReviewStage.WORKSHOP: (
        "mou_signed",
        "scr_letter_sent",
        "concerns_protocol_shared",
        "timetable_shared",
        "pre_meet_held",
    ),
    ReviewStage.OUTCOMES_AGREED: (
        "mou_signed",
        "scr_letter_sent",
        "concerns_protocol_shared",
        "timetable_shared",
        "pre_meet_held",
        "workshop_held",
        "outcomes_agreed",
    ),
}


@dataclass(frozen=True)
class DemoReview:
    """A peer review in the demo."""

    key: str
    network: str
    host: str
    year: str
    stage: ReviewStage
    starts_on: date
    lead: str
    team: tuple[str, ...]
    champion: str | None = None


REVIEWS = (
    DemoReview(
        "hunts-2025-hartford-infant",
        "hunts",
        "hartford-infant",
        "2025/26",
        ReviewStage.OUTCOMES_AGREED,
        date(2025, 11, 12),
        "stukeley-meadows",
        ("houghton",),
        "st-annes",
    ),
    DemoReview(
        "hunts-2025-houghton",
        "hunts",
        "houghton",
        "2025/26",
        ReviewStage.OUTCOMES_AGREED,
        date(2026, 2, 4),
        "abbots-ripton",
        ("wyton",),
        "hartford-junior",
    ),
    DemoReview(
        "hunts-2025-stukeley",
        "hunts",
        "stukeley-meadows",
        "2025/26",
        ReviewStage.OUTCOMES_AGREED,
        date(2026, 5, 6),
        "hartford-junior",
        ("st-johns",),
        "abbots-ripton",
    ),
    DemoReview(
        "hunts-2026-abbots-ripton",
        "hunts",
        "abbots-ripton",
        "2026/27",
        ReviewStage.OUTCOMES_AGREED,
        date(2026, 10, 7),
        "stukeley-meadows",
        ("st-annes",),
        "houghton",
    ),
    DemoReview(
        "hunts-2026-st-johns",
        "hunts",
        "st-johns",
        "2026/27",
        ReviewStage.WORKSHOP,
        date(2026, 11, 11),
        "abbots-ripton",
        ("hartford-infant", "wyton"),
        "stukeley-meadows",
    ),
    DemoReview(
        "hunts-2026-hartford-junior",
        "hunts",
        "hartford-junior",
        "2026/27",
        ReviewStage.VISIT,
        date(2026, 11, 25),
        "houghton",
        ("st-annes",),
    ),
    DemoReview(
        "hunts-2026-wyton",
        "hunts",
        "wyton",
        "2026/27",
        ReviewStage.PRE_MEET,
        date(2027, 1, 13),
        "hartford-infant",
        ("stukeley-meadows",),
    ),
    DemoReview(
        "hunts-2026-st-annes",
        "hunts",
        "st-annes",
        "2026/27",
        ReviewStage.PLANNED,
        date(2027, 2, 10),
        "wyton",
        (),
    ),
    DemoReview(
        "south-2026-binley-park",
        "cov-south",
        "binley-park",
        "2026/27",
        ReviewStage.PLANNED,
        date(2027, 3, 3),
        "earlsdon-vale",
        ("finham-brook",),
    ),
)
CONCERN_REVIEW = "hunts-2026-st-johns"


def _done_on(visit: date, n: int, item: str) -> date:
    """When the demo did a step: the workshop a week after the visit and the agreement a week
    later; the steps before a visit a few days apart, none after the day the demo stands on."""
    if item == "workshop_held":
        return visit + timedelta(days=7)
    if item == "outcomes_agreed":
        return visit + timedelta(days=14)
    return min(visit - timedelta(days=30 - 4 * n), ANCHOR - timedelta(days=10 - 2 * n))


def add_review(loader: Loader, review: DemoReview) -> None:
    store = loader.store
    rid = review_id(review.key)
    done = _CHECKLIST_BY_STAGE[review.stage]
    has_findings = review.stage in (ReviewStage.WORKSHOP, ReviewStage.OUTCOMES_AGREED)
    loader.put(
        store.peer_reviews,
        models.PeerReview(
            id=rid,
            network_id=network_id(review.network),
            host_school_id=school_id(review.host),
            academic_year=review.year,
            stage=review.stage,
            starts_on=review.starts_on,
            ends_on=review.starts_on + timedelta(days=1),
            lead_reviewer_id=head_id(review.lead),
            improvement_champion_id=head_id(review.champion) if review.champion else None,
            focus_areas=list(review_facts.FOCUS_AREAS),
            hypotheses="Self-evaluation suggests early reading is a strength and subject"
            " leadership beyond English and maths is still developing.",
            strengths=review_facts.STRENGTHS if has_findings else "",
            areas_for_development=review_facts.AREAS_FOR_DEVELOPMENT if has_findings else "",
            checklist={item: _done_on(review.starts_on, n, item) for n, item in enumerate(done)},
            premeet_context=(
                "A one-form-entry school with a new leadership team and a rising roll."
                if review.stage != ReviewStage.PLANNED
                else ""
            ),
            workshop_participants=(
                "Head, deputy head, English and SEND leads, two governors" if has_findings else ""
            ),
            workshop_went_well=(
                "Leaders recognised the evidence and owned the actions." if has_findings else ""
            ),
            workshop_even_better_if=(
                "More middle leaders had joined the workshop." if has_findings else ""
            ),
            area_of_excellence="Early reading"
            if review.stage == ReviewStage.OUTCOMES_AGREED
            else "",
            next_steps=(
                "Middle leaders visit lessons each half term\nShare the reading approach with the"
                " cluster"
                if has_findings
                else ""
            ),
            locked_on=(
                review.starts_on + timedelta(days=14)
                if review.stage == ReviewStage.OUTCOMES_AGREED
                else None
            ),
        ),
    )
    if has_findings:
        for position, focus in enumerate(review_facts.FOCUS_AREAS):
            went_well, even_better_if, development = review_facts.OUTCOMES[position]
            loader.put(
                store.outcome_areas,
                models.OutcomeArea(
                    id=demo_id("outcome", review.key, str(position)),
                    review_id=rid,
                    position=position,
                    focus_area=focus,
                    went_well=went_well,
                    even_better_if=even_better_if,
                    areas_for_development=development,
                ),
            )
    if review.stage == ReviewStage.VISIT:
        for number, (clock, activity, who, where) in enumerate(review_facts.TIMETABLE):
            loader.put(
                store.review_slots,
                models.ReviewSlot(
                    id=demo_id("slot", review.key, str(number)),
                    review_id=rid,
                    day=review.starts_on,
                    starts_at=clock,
                    activity=activity,
                    who=who,
                    location=where,
                ),
            )
    for role, key in [("lead reviewer", review.lead), *(("reviewer", k) for k in review.team)]:
        loader.put(
            store.review_team_members,
            models.ReviewTeamMember(
                id=demo_id("team", review.key, key),
                review_id=rid,
                person_id=head_id(key),
                role=role,
                employing_school_id=school_id(key),
                dbs_confirmed=True,
                dbs_confirmed_on=review.starts_on - timedelta(days=21),
            ),
        )
    if review.key == CONCERN_REVIEW:
        start = datetime.combine(review.starts_on, time(9, 10), tzinfo=UTC)
        for number, (area, kind, text) in enumerate(review_facts.VISIT_NOTES):
            loader.put(
                store.evidence_notes,
                models.EvidenceNote(
                    id=demo_id("note", review.key, str(number)),
                    review_id=rid,
                    noted_at=start + timedelta(minutes=25 * number),
                    focus_area=review_facts.FOCUS_AREAS[area],
                    evidence_type=EvidenceType(kind),
                    text=text,
                ),
            )
    if has_findings:
        loader.put(
            store.actions,
            models.Action(
                id=demo_id("action", review.key),
                description="Plan a cycle of lesson visits for"
                " each middle leader, with a reviewer from a partner school",
                owner_id=head_id(review.host),
                due_on=review.starts_on + timedelta(days=60),
                status=ActionStatus.DONE if review.year == "2025/26" else ActionStatus.OPEN,
                source=ActionSource.REVIEW,
                network_id=network_id(review.network),
                review_id=rid,
            ),
        )


def add_concern(loader: Loader) -> None:
    day = next(r.starts_on for r in REVIEWS if r.key == CONCERN_REVIEW)
    loader.put(
        loader.store.concerns,
        models.Concern(
            id=demo_id("concern", CONCERN_REVIEW),
            review_id=review_id(CONCERN_REVIEW),
            category=ConcernCategory.SAFEGUARDING,
            facts="During pupil voice a Year 5 pupil said, in their own words: \"I don't like going"
            ' home on Fridays because of the shouting." The pupil looked anxious and went quiet.',
            occurred_at=datetime.combine(day, time(13, 40)),
            place="Year 5 classroom",
            raised_by="Claire Whitfield (Lead Reviewer)",
            reported_to="Designated safeguarding lead of the host school",
            reported_at=datetime.combine(day, time(13, 55)),
            follow_up="The DSL logged the disclosure and is following the school's procedures.",
        ),
    )
