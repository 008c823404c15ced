"""Peer reviews (seeds 001 and 002): set-up, stages and checklist, visit notes, concerns,
the improvement workshop and the outcomes, locked once agreed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from store import review_dates, review_visit
from store.dates import academic_year_of
from store.enums import ActionSource, ReviewStage, ReviewStyle
from store.errors import StoreError
from store.models import (
    Action,
    OutcomeArea,
    PeerReview,
    ReviewAmendment,
    ReviewSlot,
    ReviewTeamMember,
)
from store.schema import PEER_REVIEWS
from store.text import plural

if TYPE_CHECKING:
    from store.db import Store

STAGES = tuple(ReviewStage)
# Checklist items in the order they fall, each with the stage it must be done in.
CHECKLIST: tuple[tuple[str, str, ReviewStage], ...] = (
    ("mou_signed", "MoU signed by the host school", ReviewStage.PLANNED),
    ("scr_letter_sent", "SCR letter sent to the host", ReviewStage.PLANNED),
    ("concerns_protocol_shared", "Concerns protocol shared", ReviewStage.PLANNED),
    ("timetable_shared", "Visit timetable shared with staff", ReviewStage.PRE_MEET),
    ("pre_meet_held", "Pre-meet held", ReviewStage.PRE_MEET),
    ("workshop_held", "Improvement workshop held", ReviewStage.WORKSHOP),
    ("outcomes_agreed", "Outcomes agreed", ReviewStage.WORKSHOP),
)
LABELS = {key: label for key, label, _ in CHECKLIST}
STEP_STAGES = {key: stage for key, _, stage in CHECKLIST}


class ReviewRefused(StoreError):
    """A step the review process does not allow, said plainly."""


@dataclass(frozen=True)
class Progress:
    """Reviews done in a network's year against its target."""

    done: int  # distinct host schools whose outcomes are agreed this year
    target: int | None  # the network's own target; None if it has set none
    planned: int

    def __str__(self) -> str:
        if self.target is None:
            return f"{plural(self.done, 'review')} done"
        return f"{self.done} of {plural(self.target, 'review')} done"


def create(
    store: Store,
    *,
    network_id: str,
    host_school_id: str,
    starts_on: date,
    ends_on: date | None = None,
    style: ReviewStyle = ReviewStyle.ENQUIRY_LED,
    focus_areas: list[str] | None = None,
    hypotheses: str = "",
    lead_reviewer_id: str | None = None,
) -> PeerReview:
    """Set up a review in the academic year of its first day."""
    if ends_on is not None and ends_on < starts_on:
        raise ReviewRefused("The visit cannot end before it starts.")
    review = PeerReview(
        network_id=network_id,
        host_school_id=host_school_id,
        academic_year=academic_year_of(starts_on),
        style=style,
        starts_on=starts_on,
        ends_on=ends_on or starts_on,
        focus_areas=[area.strip() for area in focus_areas or [] if area.strip()],
        hypotheses=hypotheses,
    )
    with store.db.atomic():
        review = store.peer_reviews.add(review)
        if lead_reviewer_id:
            add_team_member(store, review.id, lead_reviewer_id, role="lead reviewer")
            review = store.peer_reviews.get(review.id)
    return review


def add_team_member(
    store: Store,
    review_id: str,
    person_id: str,
    *,
    role: str = "reviewer",
    dbs_confirmed: bool = False,
    dbs_confirmed_on: date | None = None,
) -> ReviewTeamMember:
    """Add a reviewer; never one from the host school (a reviewer never reviews their own)."""
    review = store.peer_reviews.get(review_id)
    _unlocked(review)
    person = store.people.get(person_id)
    if person.school_id and person.school_id == review.host_school_id:
        host = store.schools.get(review.host_school_id).name
        raise ReviewRefused(
            f"{person.name} works at {host}, the host school: a reviewer never reviews their"
            " own school."
        )
    if store.review_team_members.count(review_id=review_id, person_id=person_id):
        raise ReviewRefused(f"{person.name} is already on the review team.")
    with store.db.atomic():
        member = store.review_team_members.add(
            ReviewTeamMember(
                review_id=review_id,
                person_id=person_id,
                role=role,
                employing_school_id=person.school_id,
                dbs_confirmed=dbs_confirmed,
                dbs_confirmed_on=dbs_confirmed_on,
            )
        )
        if role == "lead reviewer":
            store.peer_reviews.update(review.model_copy(update={"lead_reviewer_id": person_id}))
    return member


def tick(store: Store, review_id: str, item: str, on: date) -> PeerReview:
    """Record the date a checklist item was done; ticking it again corrects (back-dates) it."""
    if item not in LABELS:
        raise ReviewRefused(f"There is no checklist item {item}.")
    if item == "outcomes_agreed":
        raise ReviewRefused("Outcomes are agreed with the agree step, which also locks the review.")
    review = editable(store, review_id)
    problem = review_dates.step_date_problem(review, LABELS[item], item, on, store.today())
    if problem:
        raise ReviewRefused(problem)
    return store.peer_reviews.update(
        review.model_copy(update={"checklist": review.checklist | {item: on}})
    )


def untick(store: Store, review_id: str, item: str) -> PeerReview:
    """Take a step ticked by mistake off the checklist, while the review is at its stage."""
    if item not in LABELS:
        raise ReviewRefused(f"There is no checklist item {item}.")
    review = editable(store, review_id)
    stage = STEP_STAGES[item]
    if STAGES.index(stage) < STAGES.index(review.stage):
        raise ReviewRefused(
            f"The review has moved on from the {stage.label.lower()} stage, so"
            f" {LABELS[item]} stays done; correct its date instead."
        )
    if item not in review.checklist:
        raise ReviewRefused(f"{LABELS[item]} is not ticked.")
    left = {key: day for key, day in review.checklist.items() if key != item}
    return store.peer_reviews.update(review.model_copy(update={"checklist": left}))


def missing(review: PeerReview) -> list[str]:
    """Checklist items of the current stage not yet done."""
    return [
        key for key, _, stage in CHECKLIST if stage == review.stage and key not in review.checklist
    ]


def next_step(review: PeerReview) -> str:
    """What to do next, in words."""
    if review.stage == ReviewStage.OUTCOMES_AGREED:
        return "Done: outcomes agreed and the review is locked."
    gaps = missing(review)
    if gaps:
        return f"Next: {LABELS[gaps[0]]}."
    following = STAGES[STAGES.index(review.stage) + 1]
    if following == ReviewStage.OUTCOMES_AGREED:
        return "Next: agree the outcomes."
    return f"Next: move on to the {following.label.lower()} stage."


def advance(store: Store, review_id: str) -> PeerReview:
    """Move to the next stage once this stage's checklist is done."""
    review = store.peer_reviews.get(review_id)
    _unlocked(review)
    gaps = missing(review)
    if gaps:
        raise ReviewRefused(f"First: {'; '.join(LABELS[g] for g in gaps)}.")
    following = STAGES[STAGES.index(review.stage) + 1]
    if following == ReviewStage.OUTCOMES_AGREED:
        raise ReviewRefused("Agree the outcomes to finish the review.")
    return store.peer_reviews.update(review.model_copy(update={"stage": following}))


def progress(store: Store, network_id: str, year: str) -> Progress:
    """Schools reviewed in a network's year (outcomes agreed), against its own target.

    Seed 002 counts schools that undertake a review, so a school reviewed twice counts once.
    """
    network = store.networks.get(network_id)
    found = store.peer_reviews.where(network_id=network_id, academic_year=year)
    done = {r.host_school_id for r in found if r.stage == ReviewStage.OUTCOMES_AGREED}
    return Progress(len(done), network.review_target, len(found))


@dataclass(frozen=True)
class ReviewRow:
    """One line of the reviews list: the review and the names it shows."""

    review: PeerReview
    host: str
    lead_reviewer: str


def listing(store: Store, network_id: str, year: str) -> list[ReviewRow]:
    """A network's reviews in a year, by visit date, with host and Lead Reviewer names."""
    sql = (
        "SELECT r.*, s.name AS _host, p.name AS _lead FROM peer_reviews r"
        " JOIN schools s ON s.id = r.host_school_id"
        " LEFT JOIN people p ON p.id = r.lead_reviewer_id"
        " WHERE r.network_id = ? AND r.academic_year = ? ORDER BY r.starts_on, r.id"
    )
    rows = []
    for row in store.db.query(sql, [network_id, year]):
        host, lead = row.pop("_host"), row.pop("_lead")
        rows.append(ReviewRow(PEER_REVIEWS.from_row(row), host, lead or ""))
    return rows


def years(store: Store) -> list[str]:
    """Academic years that have reviews, newest first."""
    sql = "SELECT DISTINCT academic_year FROM peer_reviews ORDER BY academic_year DESC"
    return [row[0] for row in store.db.execute(sql).fetchall()]


def add_slot(store: Store, slot: ReviewSlot) -> ReviewSlot:
    """Add a slot to the visit timetable, while the review is not locked."""
    _unlocked(store.peer_reviews.get(slot.review_id))
    return store.review_slots.add(slot)


# Workshop and outcomes ------------------------------------------------------------------


def record_workshop(
    store: Store,
    review_id: str,
    *,
    champion_id: str | None,
    participants: str,
    went_well: str,
    even_better_if: str,
) -> PeerReview:
    """Record the improvement workshop."""
    review = store.peer_reviews.get(review_id)
    _unlocked(review)
    return store.peer_reviews.update(
        review.model_copy(
            update={
                "improvement_champion_id": champion_id,
                "workshop_participants": participants,
                "workshop_went_well": went_well,
                "workshop_even_better_if": even_better_if,
            }
        )
    )


def add_action(
    store: Store, review_id: str, description: str, *, owner_id: str | None, due_on: date | None
) -> Action:
    """An action agreed at the workshop, on the same action list as meetings and plans."""
    review = store.peer_reviews.get(review_id)
    return store.actions.add(
        Action(
            description=description,
            owner_id=owner_id,
            due_on=due_on,
            source=ActionSource.REVIEW,
            network_id=review.network_id,
            review_id=review_id,
        )
    )


def draft_outcomes(store: Store, review_id: str) -> list[OutcomeArea]:
    """One outcome area per focus area, drafted from the notes tagged to it."""
    review = store.peer_reviews.get(review_id)
    _unlocked(review)
    existing = {area.focus_area: area for area in outcome_areas(store, review_id)}
    with store.db.atomic():
        for position, focus in enumerate(review.focus_areas):
            evidence = "\n".join(
                f"- {note.text}"
                for note in review_visit.notes(store, review_id, focus)
                if note.text
            )
            if focus in existing:
                area = existing[focus]
                if not area.went_well and evidence:
                    store.outcome_areas.update(area.model_copy(update={"went_well": evidence}))
                continue
            store.outcome_areas.add(
                OutcomeArea(
                    review_id=review_id, position=position, focus_area=focus, went_well=evidence
                )
            )
    return outcome_areas(store, review_id)


def outcome_areas(store: Store, review_id: str) -> list[OutcomeArea]:
    """A review's outcome areas in focus-area order."""
    return store.outcome_areas.where(review_id=review_id, order_by="position")


def save_outcome_area(store: Store, area: OutcomeArea) -> OutcomeArea:
    """Save the lead reviewer's wording, while the review is not locked."""
    _unlocked(store.peer_reviews.get(area.review_id))
    return store.outcome_areas.update(area)


def save_findings(store: Store, review_id: str, **fields: str) -> PeerReview:
    """Save strengths, areas for development, area of excellence or next steps."""
    allowed = {
        "strengths", "areas_for_development", "area_of_excellence", "next_steps",
        "premeet_context", "premeet_evidence", "premeet_logistics", "hypotheses",
    }  # fmt: skip
    if set(fields) - allowed:
        raise ValueError(f"not a findings field: {sorted(set(fields) - allowed)}")
    review = store.peer_reviews.get(review_id)
    _unlocked(review)
    return store.peer_reviews.update(review.model_copy(update=fields))


def agree_outcomes(store: Store, review_id: str, on: date) -> PeerReview:
    """Agree the outcomes: the review reaches its last stage and is locked."""
    review = editable(store, review_id)
    if review.stage != ReviewStage.WORKSHOP:
        raise ReviewRefused("Outcomes are agreed after the improvement workshop.")
    workshop = review.checklist.get("workshop_held")
    if workshop is None:
        raise ReviewRefused("First: Improvement workshop held.")
    problem = review_dates.agreement_date_problem(workshop, on, store.today())
    if problem:
        raise ReviewRefused(problem)
    empty = empty_focus_areas(store, review)
    if empty:
        raise ReviewRefused(
            "Write the outcomes of every focus area first; nothing is written for:"
            f" {'; '.join(empty)}."
        )
    return store.peer_reviews.update(
        review.model_copy(
            update={
                "stage": ReviewStage.OUTCOMES_AGREED,
                "locked_on": on,
                "checklist": review.checklist | {"outcomes_agreed": on},
            }
        )
    )


def empty_focus_areas(store: Store, review: PeerReview) -> list[str]:
    """Focus areas with no outcome written yet (nothing went well, nothing even better if)."""
    written = {
        area.focus_area
        for area in outcome_areas(store, review.id)
        if (area.went_well + area.even_better_if + area.areas_for_development).strip()
    }
    return [focus for focus in review.focus_areas if focus not in written]


def amend_review(store: Store, review_id: str, text: str, *, by: str) -> ReviewAmendment:
    """A dated amendment to a locked review."""
    store.peer_reviews.get(review_id)
    return store.review_amendments.add(
        ReviewAmendment(review_id=review_id, amended_on=store.clock(), amended_by=by, text=text)
    )


def editable(store: Store, review_id: str) -> PeerReview:
    """The review, if it may still be edited; a locked one is refused with why and what to do.

    Screens ask this before opening a form, so nobody types into a form that cannot be saved.
    """
    review = store.peer_reviews.get(review_id)
    _unlocked(review)
    return review


def _unlocked(review: PeerReview) -> None:
    if review.locked_on is not None:
        raise ReviewRefused(
            f"The outcomes were agreed on {review.locked_on:%d %b %Y} and the review is locked:"
            " record a change as a dated amendment."
        )
