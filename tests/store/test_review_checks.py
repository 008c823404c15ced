"""Checks a reviewer expects: steps unticked and back-dated, stage dates that hold together,
no outcomes agreed with an empty focus area, a locked review and its notes left as agreed."""

from __future__ import annotations

from datetime import date

import pytest

from store import Store, review_visit, reviews
from store.demo.builder import load_demo
from store.demo.ids import review_id

WORKSHOP = review_id("hunts-2026-st-johns")  # at the workshop stage; visit from 11 Nov 2026
LOCKED = review_id("hunts-2026-abbots-ripton")
VISIT = review_id("hunts-2026-hartford-junior")  # at the visit stage; visit from 25 Nov 2026


@pytest.fixture
def demo(store: Store) -> Store:
    load_demo(store)
    return store


def _tombstoned(store: Store, table: str, record_id: str) -> bool:
    sql = "SELECT count(*) FROM tombstones WHERE table_name = ? AND record_id = ?"
    return bool(store.db.execute(sql, [table, record_id]).fetchone()[0])


def test_the_demo_dates_its_steps_in_order(demo: Store) -> None:
    for review in demo.peer_reviews.all():
        assert all(day <= date(2026, 11, 23) for day in review.checklist.values()), review.id
        if "workshop_held" in review.checklist:
            assert review.starts_on and review.checklist["workshop_held"] >= review.starts_on


def test_a_step_is_unticked_and_back_dated(demo: Store) -> None:
    reviews.tick(demo, WORKSHOP, "workshop_held", date(2026, 11, 20))
    back = reviews.tick(demo, WORKSHOP, "workshop_held", date(2026, 11, 18))
    assert back.checklist["workshop_held"] == date(2026, 11, 18)
    assert "workshop_held" not in reviews.untick(demo, WORKSHOP, "workshop_held").checklist
    with pytest.raises(reviews.ReviewRefused, match="Improvement workshop held is not ticked"):
        reviews.untick(demo, WORKSHOP, "workshop_held")
    with pytest.raises(reviews.ReviewRefused, match="moved on from the pre-meet stage"):
        reviews.untick(demo, WORKSHOP, "pre_meet_held")
    with pytest.raises(reviews.ReviewRefused, match="locked"):
        reviews.untick(demo, LOCKED, "workshop_held")


@pytest.mark.parametrize(
    ("review", "item", "on", "refusal"),
    [
        (WORKSHOP, "workshop_held", date(2026, 11, 24), "cannot be dated in the future"),
        (WORKSHOP, "workshop_held", date(2026, 11, 10), "workshop follows the visit"),
        (WORKSHOP, "pre_meet_held", date(2026, 11, 12), "Pre-meet held comes before the visit"),
    ],
)
def test_stage_dates_hold_together(
    demo: Store, review: str, item: str, on: date, refusal: str
) -> None:
    with pytest.raises(reviews.ReviewRefused, match=refusal):
        reviews.tick(demo, review, item, on)


def test_outcomes_wait_for_every_focus_area_and_follow_the_workshop(demo: Store) -> None:
    reviews.tick(demo, WORKSHOP, "workshop_held", date(2026, 11, 18))
    first = reviews.outcome_areas(demo, WORKSHOP)[0]
    emptied = first.model_copy(
        update={"went_well": "", "even_better_if": " ", "areas_for_development": ""}
    )
    reviews.save_outcome_area(demo, emptied)
    with pytest.raises(reviews.ReviewRefused) as refused:
        reviews.agree_outcomes(demo, WORKSHOP, date(2026, 11, 20))
    assert str(refused.value) == (
        f"Write the outcomes of every focus area first; nothing is written for: {first.focus_area}."
    )
    reviews.save_outcome_area(demo, emptied.model_copy(update={"even_better_if": "Wider reading"}))
    with pytest.raises(reviews.ReviewRefused, match="after the workshop of 18 Nov 2026"):
        reviews.agree_outcomes(demo, WORKSHOP, date(2026, 11, 17))
    with pytest.raises(reviews.ReviewRefused, match="day still to come"):
        reviews.agree_outcomes(demo, WORKSHOP, date(2026, 11, 30))
    assert reviews.agree_outcomes(demo, WORKSHOP, date(2026, 11, 20)).locked_on == date(
        2026, 11, 20
    )


def test_a_locked_review_is_refused_before_any_form_opens(demo: Store) -> None:
    assert reviews.editable(demo, WORKSHOP).id == WORKSHOP
    with pytest.raises(reviews.ReviewRefused, match="locked: record a change as a dated amendment"):
        reviews.editable(demo, LOCKED)


def test_notes_are_deleted_with_a_tombstone_but_not_once_locked(demo: Store) -> None:
    note = review_visit.new_note(demo, VISIT, text="Year 4 reading")
    kept = review_visit.new_note(demo, VISIT, text="Year 5 maths")
    review_visit.delete_note(demo, note.id)
    assert demo.evidence_notes.find(note.id) is None
    assert _tombstoned(demo, "evidence_notes", note.id)
    review = demo.peer_reviews.get(VISIT)
    demo.peer_reviews.update(review.model_copy(update={"locked_on": date(2026, 11, 23)}))
    for attempt in (
        lambda: review_visit.new_note(demo, VISIT, text="Late thought"),
        lambda: review_visit.update_note(
            demo, kept.id, text="x", focus_area="", evidence_type=kept.evidence_type
        ),
        lambda: review_visit.delete_note(demo, kept.id),
    ):
        with pytest.raises(review_visit.NotesLocked, match="can be read, not changed"):
            attempt()
    assert demo.evidence_notes.get(kept.id).text == "Year 5 maths"


def test_the_next_note_starts_in_the_focus_area_last_used(demo: Store) -> None:
    review = demo.peer_reviews.get(VISIT)
    assert review_visit.last_focus_area(demo, VISIT) == ""
    first = review_visit.new_note(demo, VISIT, text="a", focus_area=review.focus_areas[0])
    review_visit.new_note(demo, VISIT, text="b", focus_area=review.focus_areas[2])
    assert review_visit.last_focus_area(demo, VISIT) == review.focus_areas[2]
    review_visit.update_note(
        demo,
        first.id,
        text="a, more",
        focus_area=review.focus_areas[1],
        evidence_type=first.evidence_type,
    )
    assert review_visit.last_focus_area(demo, VISIT) == review.focus_areas[1]
