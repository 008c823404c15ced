"""The demo data set: realistic, complete and loaded only once."""

from __future__ import annotations

from collections import Counter

from store import Store
from store.demo.builder import load_demo
from store.demo.ids import network_id
from store.enums import OfstedJudgement, ReviewStage


def test_loading_twice_adds_nothing_the_second_time(store: Store) -> None:
    added = load_demo(store)
    counts = store.counts()
    assert added == sum(counts.values())
    assert load_demo(store) == 0
    assert store.counts() == counts


def test_hunts_partnership_has_its_eight_schools(store: Store) -> None:
    load_demo(store)
    hunts = store.networks.by_name("Hunts Area Primary Partnership")
    assert hunts is not None and hunts.review_target == 8
    names = [member.school.name for member in store.networks.members(hunts.id)]
    assert names == [
        "Abbots Ripton CE Primary School",
        "Hartford Infant School",
        "Hartford Junior School",
        "Houghton Primary School",
        "St Anne's CE Primary School",
        "St John's CE Primary School",
        "Stukeley Meadows Primary School",
        "Wyton on the Hill Primary School",
    ]


def test_city_networks_have_the_shapes_the_rules_need(store: Store) -> None:
    load_demo(store)
    north = store.networks.members(network_id("cov-north"))
    south = store.networks.members(network_id("cov-south"))
    concern = {
        OfstedJudgement.REQUIRES_IMPROVEMENT,
        OfstedJudgement.SERIOUS_WEAKNESSES,
        OfstedJudgement.SPECIAL_MEASURES,
    }
    assert len(north) == 4
    assert (len(south), sum(m.school.ofsted_judgement in concern for m in south)) == (12, 3)
    trusts = {
        m.school.trust
        for key in ("cov-south", "cov-east")
        for m in store.networks.members(network_id(key))
        if m.school.trust
    }
    assert trusts == {"Three Spires Learning Trust"}


def test_every_kind_of_network_and_every_review_stage_is_present(store: Store) -> None:
    load_demo(store)
    kinds = {network.kind.value for network in store.networks.all()}
    assert kinds == {
        "cluster", "network", "alliance_group", "cross_sector_partnership", "improvement_board"
    }  # fmt: skip
    stages = Counter(review.stage for review in store.peer_reviews.all())
    assert set(stages) == set(ReviewStage)
    assert store.concerns.count() == 1
    [concern] = store.concerns.all()
    assert concern.category == "safeguarding"
    assert store.evidence_notes.count(review_id=concern.review_id) >= 10


def test_meetings_span_2025_26_with_agendas_attendance_and_actions(store: Store) -> None:
    load_demo(store)
    hunts = network_id("hunts")
    meetings = store.meetings.where(network_id=hunts, order_by="starts_at")
    in_2025_26 = [
        m for m in meetings if "2025-09-01" <= m.starts_at.date().isoformat() <= "2026-08-31"
    ]
    assert len(in_2025_26) == 6
    first = in_2025_26[0]
    assert store.agenda_items.count(meeting_id=first.id) == 5
    assert store.attendances.count(meeting_id=first.id) == 8
    assert store.actions.count(meeting_id=first.id) == 1
    assert store.action_plans.count(network_id=hunts) == 2
