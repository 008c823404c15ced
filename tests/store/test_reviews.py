"""Peer reviews: set-up, the own-school rule, stages, notes, concerns, outcomes and locking."""

from __future__ import annotations

from datetime import date

import pytest

from store import Store, review_visit, reviews
from store.demo.builder import load_demo
from store.demo.ids import head_id, network_id, review_id, school_id
from store.documents.review_papers import outcomes, scr_letter, to_html, to_markdown
from store.enums import ReviewStage
from store.errors import RecordIsFinal
from store.models import Concern


@pytest.fixture
def demo(store: Store) -> Store:
    load_demo(store)
    return store


def _review(store: Store, starts_on: date = date(2027, 3, 10)) -> str:
    review = reviews.create(
        store,
        network_id=network_id("hunts"),
        host_school_id=school_id("houghton"),
        starts_on=starts_on,
        focus_areas=[
            "To what extent is writing taught well?",
            " ",
            "To what extent is maths fluent?",
        ],
        lead_reviewer_id=head_id("wyton"),
    )
    return review.id


def test_set_up_puts_the_review_in_its_academic_year_with_its_lead(demo: Store) -> None:
    review = demo.peer_reviews.get(_review(demo))
    assert review.academic_year == "2026/27"
    assert review.focus_areas == [
        "To what extent is writing taught well?",
        "To what extent is maths fluent?",
    ]
    assert review.lead_reviewer_id == head_id("wyton")
    [member] = demo.review_team_members.where(review_id=review.id)
    assert (member.role, member.employing_school_id) == ("lead reviewer", school_id("wyton"))


def test_a_reviewer_from_the_host_school_is_refused(demo: Store) -> None:
    rid = _review(demo)
    with pytest.raises(
        reviews.ReviewRefused,
        match="Tom Ashworth works at Houghton Primary School, the host school",
    ):
        reviews.add_team_member(demo, rid, head_id("houghton"))
    with pytest.raises(reviews.ReviewRefused, match="the host school"):
        reviews.create(
            demo, network_id=network_id("hunts"), host_school_id=school_id("houghton"),
            starts_on=date(2027, 3, 10), lead_reviewer_id=head_id("houghton"),
        )  # fmt: skip
    assert demo.review_team_members.count(review_id=rid) == 1


def test_stages_follow_the_checklist(demo: Store) -> None:
    rid = _review(demo, date(2026, 11, 10))  # the tests' today is 23 Nov 2026
    review = demo.peer_reviews.get(rid)
    assert reviews.next_step(review) == "Next: MoU signed by the host school."
    with pytest.raises(
        reviews.ReviewRefused, match="First: MoU signed by the host school; SCR letter"
    ):
        reviews.advance(demo, rid)
    for item in ("mou_signed", "scr_letter_sent", "concerns_protocol_shared"):
        reviews.tick(demo, rid, item, date(2026, 10, 1))
    assert reviews.next_step(demo.peer_reviews.get(rid)) == "Next: move on to the pre-meet stage."
    assert reviews.advance(demo, rid).stage == ReviewStage.PRE_MEET
    reviews.tick(demo, rid, "timetable_shared", date(2026, 11, 1))
    reviews.tick(demo, rid, "pre_meet_held", date(2026, 11, 2))
    assert reviews.advance(demo, rid).stage == ReviewStage.VISIT
    assert reviews.advance(demo, rid).stage == ReviewStage.WORKSHOP
    with pytest.raises(reviews.ReviewRefused, match="Improvement workshop held"):
        reviews.agree_outcomes(demo, rid, date(2026, 11, 20))
    reviews.tick(demo, rid, "workshop_held", date(2026, 11, 12))
    for area in reviews.draft_outcomes(demo, rid):
        reviews.save_outcome_area(demo, area.model_copy(update={"went_well": "Clear sequences"}))
    agreed = reviews.agree_outcomes(demo, rid, date(2026, 11, 20))
    assert (agreed.stage, agreed.locked_on) == (ReviewStage.OUTCOMES_AGREED, date(2026, 11, 20))
    assert agreed.checklist["outcomes_agreed"] == date(2026, 11, 20)
    assert reviews.next_step(agreed) == "Done: outcomes agreed and the review is locked."


def test_a_locked_review_changes_only_by_dated_amendment(demo: Store) -> None:
    rid = review_id("hunts-2026-abbots-ripton")
    with pytest.raises(reviews.ReviewRefused, match="locked: record a change as a dated amendment"):
        reviews.save_findings(demo, rid, strengths="Rewritten later")
    area = reviews.outcome_areas(demo, rid)[0]
    with pytest.raises(reviews.ReviewRefused, match="locked"):
        reviews.save_outcome_area(demo, area.model_copy(update={"went_well": "x"}))
    reviews.amend_review(
        demo, rid, "Estimate for reading changed after the Ofsted visit.", by="Fiona Grant"
    )
    markdown = to_markdown(outcomes(demo, rid))
    assert "## Amendments after agreement" in markdown
    assert "Fiona Grant: Estimate for reading changed after the Ofsted visit." in markdown


def test_progress_against_the_target(demo: Store) -> None:
    assert str(reviews.progress(demo, network_id("hunts"), "2026/27")) == "1 of 8 reviews done"
    assert str(reviews.progress(demo, network_id("hunts"), "2025/26")) == "3 of 8 reviews done"


def test_concerns_are_never_edited_only_amended(demo: Store) -> None:
    rid = review_id("hunts-2026-st-johns")
    concern = review_visit.raise_concern(
        demo, Concern(review_id=rid, category="health_and_safety", facts="Fire door propped open")
    )
    with pytest.raises(RecordIsFinal, match="not edited: add a dated amendment"):
        demo.concerns.update(concern.model_copy(update={"facts": "nothing"}))
    review_visit.amend_concern(
        demo, concern.id, "Site manager closed the door at 11:20.", by="Claire Whitfield"
    )
    assert demo.concerns.get(concern.id).facts == "Fire door propped open"
    [amendment] = demo.concern_amendments.where(concern_id=concern.id)
    assert amendment.amended_by == "Claire Whitfield"


def test_notes_are_timestamped_and_filtered_by_focus_area(demo: Store) -> None:
    rid = review_id("hunts-2026-st-johns")
    focus = demo.peer_reviews.get(rid).focus_areas[1]
    note = review_visit.new_note(
        demo, rid, text="Year 3 maths: same task for all", focus_area=focus
    )
    assert note.noted_at is not None
    assert note in review_visit.notes(demo, rid, focus)
    assert all(n.focus_area == focus for n in review_visit.notes(demo, rid, focus))
    assert len(review_visit.notes(demo, rid)) == 11


def test_draft_outcomes_from_tagged_notes(demo: Store) -> None:
    rid = _review(demo)
    focus = demo.peer_reviews.get(rid).focus_areas[0]
    review_visit.new_note(demo, rid, text="Year 6 writing: strong editing", focus_area=focus)
    areas = reviews.draft_outcomes(demo, rid)
    assert [a.focus_area for a in areas] == demo.peer_reviews.get(rid).focus_areas
    assert areas[0].went_well == "- Year 6 writing: strong editing"
    assert len(reviews.draft_outcomes(demo, rid)) == 2  # drafting again adds nothing


def test_workshop_actions_join_the_action_list(demo: Store) -> None:
    rid = _review(demo)
    action = reviews.add_action(
        demo,
        rid,
        "Run a writing moderation twilight",
        owner_id=head_id("houghton"),
        due_on=date(2027, 5, 1),
    )
    assert action.source == "review" and action.network_id == network_id("hunts")
    assert action in demo.dashboard.open_actions_for(head_id("houghton"))


def test_outcomes_of_the_review_with_a_concern_hold_its_strengths_and_not_a_word_of_it(
    demo: Store,
) -> None:
    rid = review_id("hunts-2026-st-johns")
    page = to_html(outcomes(demo, rid))
    assert "Early reading is taught systematically" in page
    [concern] = demo.concerns.where(review_id=rid)
    for word in ("Fridays", "shouting", "safeguarding", "Year 5 classroom", "DSL", "disclosure"):
        assert word not in page
    assert concern.facts not in page


def test_scr_letter_lists_the_team_with_their_employers(demo: Store) -> None:
    text = to_markdown(scr_letter(demo, review_id("hunts-2026-st-johns")))
    assert (
        "| Marcus Bell | Reviewer (Head teacher) | Hartford Infant School | Yes | 21 Oct 2026 |"
        in text
    )


def test_progress_counts_distinct_schools_and_imposes_no_target(demo: Store) -> None:
    from store.enums import ReviewStage
    from store.models import Network

    hunts = network_id("hunts")
    done = [
        r
        for r in demo.peer_reviews.where(network_id=hunts, academic_year="2025/26")
        if r.stage == ReviewStage.OUTCOMES_AGREED
    ]
    again = done[0].model_copy(update={"id": "00000000-0000-4000-8000-0000000000aa"})
    demo.peer_reviews.add(again)  # the same school reviewed twice in a year counts once
    assert str(reviews.progress(demo, hunts, "2025/26")) == "3 of 8 reviews done"
    plain = demo.networks.add(Network(name="No Target Network"))
    assert reviews.progress(demo, plain.id, "2025/26").target is None
    assert str(reviews.progress(demo, plain.id, "2025/26")) == "0 reviews done"
