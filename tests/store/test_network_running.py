"""Running a network: archiving, funding per year, answered health findings, and leaders
whose school has left."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from store import Store, StoreError
from store.enums import CapacityFinding, MembershipStatus, MoveKind
from store.membership import joining, networks, running
from store.membership.health import all_network_health, network_health, open_findings
from store.membership.health_answers import answer_finding
from store.models import Membership, Network, Person, School

TODAY = date(2026, 11, 23)  # the tests' frozen clock: academic year 2026/27


def _network(store: Store, count: int, name: str = "Fenland Cluster", **school: str) -> Network:
    network = networks.create_network(store, Network(name=name))
    for n in range(count):
        added = store.schools.add(School.model_validate({"name": f"{name} school {n}", **school}))
        store.memberships.add(
            Membership(network_id=network.id, school_id=added.id, status=MembershipStatus.ACTIVE)
        )
    return network


def test_an_archived_network_leaves_home_lists_and_health_and_comes_back(store: Store) -> None:
    kept, gone = _network(store, 8, "Kept"), _network(store, 3, "Gone")
    running.archive_network(store, gone.id)
    assert [s.name for s in store.dashboard.networks()] == ["Kept"]
    assert set(all_network_health(store, TODAY)) == {kept.id}
    assert [s.name for s in store.dashboard.networks(archived=True)] == ["Gone", "Kept"]
    assert network_health(store, gone.id, TODAY)  # asked for by name, it is still checked
    assert store.networks.get(gone.id).archived_on == TODAY
    with pytest.raises(StoreError, match="already archived"):
        running.archive_network(store, gone.id)
    running.unarchive_network(store, gone.id)
    assert set(all_network_health(store, TODAY)) == {kept.id, gone.id}
    assert store.networks.get(gone.id).archived_on is None


def test_an_archived_network_no_longer_splits_a_trust(store: Store) -> None:
    live = _network(store, 8, "Live", trust="Ouse Trust")
    old = _network(store, 8, "Old", trust="Ouse Trust")
    assert "Trust split" in [f.rule for f in network_health(store, live.id, TODAY)]
    running.archive_network(store, old.id)
    assert "Trust split" not in [f.rule for f in network_health(store, live.id, TODAY)]
    assert "Trust split" not in [f.rule for f in all_network_health(store, TODAY)[live.id]]


def test_funding_is_kept_per_academic_year_and_can_be_changed_or_taken_away(
    store: Store,
) -> None:
    network = networks.create_network(store, Network(name="Fenland"), funding=Decimal("12000"))
    funding = running.funding_for(store, network.id, "2026/27")
    assert funding is not None and funding.amount == Decimal("12000.00")
    assert running.funding_for(store, network.id, "2025/26") is None
    networks.update_network(store, network, funding=Decimal("12500.50"))
    networks.update_network(store, network)  # funding not given: left as it is
    [funding] = store.network_funding.all()  # one record per year, changed in place
    assert (funding.academic_year, funding.amount) == ("2026/27", Decimal("12500.50"))
    networks.update_network(store, network, funding=None)
    assert store.network_funding.count() == 0


def test_people_added_on_the_spot_become_the_leaders_in_one_call(store: Store) -> None:
    lead, deputy = Person(name="Asha Lead"), Person(name="Ben Deputy")
    network = networks.create_network(
        store,
        Network(name="Fenland", lead_id=lead.id, deputy_lead_id=deputy.id),
        people=[lead, deputy],
    )
    assert store.people.get(network.lead_id or "").name == "Asha Lead"
    # Leaders at no member school are still among the people the form offers.
    assert [p.name for p in running.people_of(store, network)] == ["Asha Lead", "Ben Deputy"]


def test_an_outside_capacity_finding_is_answered_for_the_year(store: Store) -> None:
    network = _network(store, 6, ofsted_judgement="requires_improvement")
    capacity = {f.capacity: f for f in network_health(store, network.id, TODAY) if f.capacity}
    assert set(capacity) == {CapacityFinding.SIZE, CapacityFinding.OFSTED_CATEGORIES}
    assert all(f.open for f in capacity.values())
    before = len(open_findings(network_health(store, network.id, TODAY)))
    with pytest.raises(StoreError):
        answer_finding(store, network.id, CapacityFinding.SIZE, "  ")
    answer_finding(store, network.id, CapacityFinding.SIZE, "Support from the Ouse hub")
    answer_finding(store, network.id, CapacityFinding.SIZE, "Support from Ely Teaching Hub")
    found = {f.capacity: f for f in network_health(store, network.id, TODAY)}
    size = found[CapacityFinding.SIZE]
    assert size.answer is not None and size.answer.note == "Support from Ely Teaching Hub"
    assert "answered 23/11/2026" in str(size)
    assert found[CapacityFinding.OFSTED_CATEGORIES].open
    assert len(open_findings(network_health(store, network.id, TODAY))) == before - 1
    assert store.health_answers.count() == 1  # answering again replaces the year's note
    assert all_network_health(store, TODAY)[network.id] == network_health(store, network.id, TODAY)
    # Next academic year the membership is reviewed again: the finding asks once more.
    next_year = {f.capacity: f for f in network_health(store, network.id, date(2027, 9, 1))}
    assert next_year[CapacityFinding.SIZE].open


def test_a_lead_or_deputy_whose_school_left_is_flagged(store: Store) -> None:
    network = _network(store, 8)
    members = store.networks.members(network.id)
    leaving, staying = members[0].school, members[1].school
    lead = store.people.add(Person(name="Lee Lead", school_id=leaving.id))
    deputy = store.people.add(Person(name="Dee Deputy", school_id=staying.id))
    network = networks.update_network(
        store,
        network.model_copy(
            update={"lead_id": lead.id, "deputy_lead_id": deputy.id, "lead_school_id": leaving.id}
        ),
    )

    def left() -> list[str]:
        return [
            f.message for f in network_health(store, network.id, TODAY) if "has left" in f.message
        ]

    assert left() == []
    move = joining.propose_move(
        store, network.id, leaving.id, MoveKind.LEAVE, reason="Moving to a trust", on=TODAY
    )
    joining.ratify_move(store, move.id, by="Leads group", on=TODAY)
    assert left() == [
        f"Lee Lead, the lead, is at {leaving.name}, which has left the network: choose who"
        " leads from a member school.",
        f"{leaving.name}, the lead school, has left the network.",
    ]
    assert all_network_health(store, TODAY)[network.id] == network_health(store, network.id, TODAY)
