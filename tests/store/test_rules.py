"""Network health on the demo data and on networks built to break each rule."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from store import Store
from store.demo.builder import load_demo
from store.demo.ids import network_id
from store.membership.health import all_network_health, network_health
from store.membership.lead_criteria import lead_criteria_gaps
from store.models import LeadCriteria, Meeting, Membership, Network, Person, School

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo(store: Store) -> Store:
    load_demo(store)
    return store


def _rules(store: Store, key: str) -> list[str]:
    return [finding.rule for finding in network_health(store, network_id(key), TODAY)]


def test_hunts_partnership_breaks_no_rule(demo: Store) -> None:
    assert network_health(demo, network_id("hunts"), TODAY) == []


def test_four_school_network_is_too_small(demo: Store) -> None:
    findings = network_health(demo, network_id("cov-north"), TODAY)
    assert str(findings[0]) == (
        "Network size: 4 schools, below 5: too small to have the capacity to operate as a network."
    )
    assert _rules(demo, "cov-north") == ["Network size", "Meetings", "Lead criteria"]


def test_network_with_three_of_twelve_in_a_category_is_over_twenty_percent(demo: Store) -> None:
    findings = network_health(demo, network_id("cov-south"), TODAY)
    assert str(findings[0]) == (
        "Ofsted categories: 3 of 12 schools (25%) are judged requires improvement, serious"
        " weaknesses or special measures, more than 20%: the network must identify support"
        " capacity from beyond it."
    )


def test_trust_split_is_reported_on_both_sides(demo: Store) -> None:
    assert "Trust split" in _rules(demo, "cov-south")
    assert _rules(demo, "cov-east") == ["Network size", "Trust split", "Leadership"]


def test_alliance_and_partnership_follow_their_own_rules(demo: Store) -> None:
    assert _rules(demo, "eoe-alliance") == []
    assert _rules(demo, "ouse-valley") == []


def test_all_network_health_covers_every_network(demo: Store) -> None:
    assert len(all_network_health(demo, TODAY)) == demo.networks.count()


def _network_with(store: Store, count: int, *, kind: str = "network", **school: str) -> Network:
    network = store.networks.add(Network(name="Test network", kind=kind))
    for n in range(count):
        added = store.schools.add(School(name=f"School {n}", **school))
        store.memberships.add(
            Membership(network_id=network.id, school_id=added.id, status="active")
        )
    return network


@pytest.mark.parametrize(
    ("count", "expected"),
    [(4, "below 5"), (5, "below 8"), (7, "below 8"), (8, None)],
)
def test_size_thresholds(store: Store, count: int, expected: str | None) -> None:
    network = _network_with(store, count)
    sizes = [
        f.message for f in network_health(store, network.id, TODAY) if f.rule == "Network size"
    ]
    assert (expected in sizes[0]) if expected else sizes == []


@pytest.mark.parametrize(("count", "flagged"), [(4, True), (5, False), (15, False), (16, True)])
def test_alliance_group_size(store: Store, count: int, flagged: bool) -> None:
    network = _network_with(store, count, kind="alliance_group")
    rules = [f.rule for f in network_health(store, network.id, TODAY)]
    assert rules == (["Alliance group size"] if flagged else [])


def test_exactly_twenty_percent_is_not_over(store: Store) -> None:
    network = _network_with(store, 8)
    for n in range(2):
        school = store.schools.add(School(name=f"RI {n}", ofsted_judgement="requires_improvement"))
        store.memberships.add(
            Membership(network_id=network.id, school_id=school.id, status="active")
        )
    assert "Ofsted categories" not in [f.rule for f in network_health(store, network.id, TODAY)]


def test_six_meetings_in_the_year_satisfy_the_rule(store: Store) -> None:
    network = _network_with(store, 8)
    for month in (9, 10, 11, 12, 1, 2):
        year = 2026 if month >= 9 else 2027
        store.meetings.add(
            Meeting(network_id=network.id, title="SLG", starts_at=datetime(year, month, 5, 9))
        )
    rules = [f.rule for f in network_health(store, network.id, TODAY)]
    assert "Meetings" not in rules
    assert rules == ["Leadership", "Leadership"]


def test_lead_criteria_gaps() -> None:
    assert lead_criteria_gaps(LeadCriteria(nle_or_ele=True, governing_body_support=True)) == ""
    assert "governing body" in lead_criteria_gaps(LeadCriteria(nle_or_ele=True))
    gaps = lead_criteria_gaps(LeadCriteria(good_or_outstanding=True, governing_body_support=True))
    assert "2 years' headship" in gaps and "good or outstanding" not in gaps


def test_lead_who_meets_the_criteria_is_not_reported(store: Store) -> None:
    network = _network_with(store, 8)
    lead = store.people.add(
        Person(
            name="Lead",
            lead_criteria=LeadCriteria(inspection_trained=True, governing_body_support=True),
        )
    )
    deputy = store.people.add(Person(name="Deputy"))
    store.networks.update(
        network.model_copy(update={"lead_id": lead.id, "deputy_lead_id": deputy.id})
    )
    assert [f.rule for f in network_health(store, network.id, TODAY)] == ["Meetings"]
