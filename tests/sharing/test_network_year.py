"""A network's phase, archiving, funding and answered health findings travel in bundles."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from store import Store
from store.enums import CapacityFinding, MembershipStatus, NetworkPhase
from store.membership import networks, running
from store.membership.health import network_health
from store.membership.health_answers import answer_finding
from store.models import Membership, Network, School
from store.sharing.bundle import Scope

from ..conftest import TickingClock
from .helpers import bundle_bytes, data, receive

TODAY = date(2026, 11, 23)


def _six_school_network(store: Store, name: str) -> Network:
    network = networks.create_network(
        store, Network(name=name, phase=NetworkPhase.PRIMARY), funding=Decimal("9000.50")
    )
    for n in range(6):
        school = store.schools.add(School(name=f"{name} {n}"))
        store.memberships.add(
            Membership(network_id=network.id, school_id=school.id, status=MembershipStatus.ACTIVE)
        )
    answer_finding(store, network.id, CapacityFinding.SIZE, "Ely Teaching School Hub")
    return network


def test_a_network_bundle_carries_funding_answers_phase_and_archiving() -> None:
    source, target = Store.memory(clock=TickingClock()), Store.memory(clock=TickingClock())
    sent = _six_school_network(source, "Fenland")
    other = _six_school_network(source, "Other")
    running.archive_network(source, sent.id)
    receive(target, bundle_bytes(source, Scope("network", sent.id, "Fenland")))
    arrived = target.networks.get(sent.id)
    assert (arrived.phase, arrived.archived_on) == (NetworkPhase.PRIMARY, TODAY)
    funding = running.funding_for(target, sent.id, "2026/27")
    assert funding is not None and funding.amount == Decimal("9000.50")
    [size] = [f for f in network_health(target, sent.id, TODAY) if f.capacity]
    assert size.answer is not None and size.answer.note == "Ely Teaching School Hub"
    # Only the network sent: the other network's funding and answer stay at home.
    assert target.networks.find(other.id) is None
    assert target.network_funding.count() == target.health_answers.count() == 1


def test_everything_round_trips_and_a_changed_answer_follows() -> None:
    source, target = Store.memory(clock=TickingClock()), Store.memory(clock=TickingClock())
    network = _six_school_network(source, "Fenland")
    receive(target, bundle_bytes(source))
    assert data(target) == data(source)
    answer_finding(source, network.id, CapacityFinding.SIZE, "Now the Ouse trust helps")
    networks.update_network(source, network, funding=None)
    receive(target, bundle_bytes(source))
    assert data(target) == data(source)
    [answer] = target.health_answers.all()
    assert answer.note == "Now the Ouse trust helps"
    assert target.network_funding.count() == 0
