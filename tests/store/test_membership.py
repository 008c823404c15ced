"""Nomination, acceptance, approval and moves between networks, with their history."""

from __future__ import annotations

from datetime import date

import pytest

from store import Store
from store.enums import MembershipStatus, MoveKind
from store.membership.joining import (
    MembershipStepRefused,
    accept,
    approve,
    history,
    nominate,
    propose_move,
    ratify_move,
    record_mou_signed,
    reject_move,
)
from store.models import Network, School


@pytest.fixture
def pair(store: Store) -> tuple[Network, School]:
    return store.networks.add(Network(name="Hunts")), store.schools.add(School(name="Houghton"))


def test_school_becomes_a_member_only_when_approved(store: Store, pair) -> None:
    network, school = pair
    membership = nominate(
        store, network.id, school.id, nominated_by="Dr Helen Marsh", on=date(2026, 9, 1)
    )
    assert store.networks.members(network.id) == []
    accept(store, membership.id, head="Tom Ashworth", on=date(2026, 9, 8))
    assert store.networks.members(network.id) == []
    active = approve(store, membership.id, chair="Chair", on=date(2026, 9, 15))
    assert (active.status, active.joined_on) == (MembershipStatus.ACTIVE, date(2026, 9, 15))
    assert [m.school.name for m in store.networks.members(network.id)] == ["Houghton"]
    steps = [(e.status.value, e.signed_by, e.occurred_on) for e in history(store, membership.id)]
    assert steps == [
        ("nominated", "Dr Helen Marsh", date(2026, 9, 1)),
        ("accepted", "Tom Ashworth", date(2026, 9, 8)),
        ("approved", "Chair", date(2026, 9, 15)),
        ("active", "", date(2026, 9, 15)),
    ]


def test_steps_out_of_order_are_refused(store: Store, pair) -> None:
    network, school = pair
    membership = nominate(
        store, network.id, school.id, nominated_by="Co-ordinator", on=date(2026, 9, 1)
    )
    with pytest.raises(MembershipStepRefused, match="must be accepted to be approved"):
        approve(store, membership.id, chair="Chair", on=date(2026, 9, 2))
    with pytest.raises(MembershipStepRefused, match="already nominated"):
        nominate(store, network.id, school.id, nominated_by="Co-ordinator", on=date(2026, 9, 1))
    with pytest.raises(MembershipStepRefused, match="Say who signed"):
        accept(store, membership.id, head=" ", on=date(2026, 9, 2))
    assert store.memberships.get(membership.id).status == MembershipStatus.NOMINATED


def test_mou_signed_date_is_recorded(store: Store, pair) -> None:
    network, school = pair
    membership = nominate(store, network.id, school.id, nominated_by="C", on=date(2026, 9, 1))
    assert record_mou_signed(store, membership.id, date(2026, 9, 20)).mou_signed_on == date(
        2026, 9, 20
    )


def _member(store: Store, network: Network, school: School) -> None:
    membership = nominate(store, network.id, school.id, nominated_by="C", on=date(2025, 9, 1))
    accept(store, membership.id, head="H", on=date(2025, 9, 2))
    approve(store, membership.id, chair="Ch", on=date(2025, 9, 3))


def test_move_takes_effect_only_when_ratified_and_history_stays(store: Store, pair) -> None:
    north, school = pair
    east = store.networks.add(Network(name="East"))
    _member(store, north, school)
    leave = propose_move(
        store,
        north.id,
        school.id,
        MoveKind.LEAVE,
        reason="Closer partners in East",
        on=date(2026, 10, 1),
    )
    join = propose_move(
        store, east.id, school.id, MoveKind.JOIN, reason="Closer partners", on=date(2026, 10, 1)
    )
    assert len(store.networks.members(north.id)) == 1 and store.networks.members(east.id) == []
    ratify_move(store, leave.id, by="Network leads group", on=date(2026, 10, 15))
    ratify_move(store, join.id, by="Network leads group", on=date(2026, 10, 15))
    assert store.networks.members(north.id) == []
    assert [m.school.name for m in store.networks.members(east.id)] == ["Houghton"]
    [old] = store.networks.members(north.id, active_only=False)
    assert (old.membership.status, old.membership.left_on) == (
        MembershipStatus.LEFT,
        date(2026, 10, 15),
    )
    last = history(store, old.membership.id)[-1]
    assert (last.status, last.reason, last.ratified_on) == (
        MembershipStatus.LEFT,
        "Closer partners in East",
        date(2026, 10, 15),
    )
    assert store.membership_moves.get(leave.id).status == "ratified"


def test_removal_needs_evidence(store: Store, pair) -> None:
    network, school = pair
    _member(store, network, school)
    with pytest.raises(MembershipStepRefused, match="evidence"):
        propose_move(
            store,
            network.id,
            school.id,
            MoveKind.REMOVE,
            reason="Not engaging",
            on=date(2026, 10, 1),
        )
    move = propose_move(
        store,
        network.id,
        school.id,
        MoveKind.REMOVE,
        reason="Not engaging",
        evidence="Missed five of six meetings",
        on=date(2026, 10, 1),
    )
    assert (
        ratify_move(store, move.id, by="Leads", on=date(2026, 11, 1)).status
        == MembershipStatus.REMOVED
    )


def test_rejected_move_changes_nothing_and_cannot_be_ratified(store: Store, pair) -> None:
    network, school = pair
    _member(store, network, school)
    move = propose_move(
        store, network.id, school.id, MoveKind.LEAVE, reason="r", on=date(2026, 10, 1)
    )
    reject_move(store, move.id, by="Leads", on=date(2026, 10, 2))
    assert len(store.networks.members(network.id)) == 1
    with pytest.raises(MembershipStepRefused, match="already rejected"):
        ratify_move(store, move.id, by="Leads", on=date(2026, 10, 3))


def test_joining_a_network_already_joined_is_refused(store: Store, pair) -> None:
    network, school = pair
    _member(store, network, school)
    with pytest.raises(MembershipStepRefused, match="already a member"):
        propose_move(store, network.id, school.id, MoveKind.JOIN, reason="r", on=date(2026, 10, 1))
