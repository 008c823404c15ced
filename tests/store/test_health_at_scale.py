"""Network health over 500 generated networks: a few queries, the same findings one by one."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from store import Store
from store.enums import MeetingKind, MembershipStatus, NetworkKind, OfstedJudgement
from store.membership.health import all_network_health, network_health
from store.models import LeadCriteria, Meeting, Membership, Network, Person, Record, School
from store.schema import MEETINGS, MEMBERSHIPS, NETWORKS, PEOPLE, SCHOOLS, TableSpec

TODAY = date(2026, 11, 23)
NETWORKS_MADE = 500
TRUSTS = [f"Trust {n}" for n in range(40)]
FEDERATIONS = [f"Federation {n}" for n in range(30)]
KINDS = [
    (NetworkKind.NETWORK, 50),
    (NetworkKind.CLUSTER, 25),
    (NetworkKind.ALLIANCE_GROUP, 15),
    (NetworkKind.CROSS_SECTOR_PARTNERSHIP, 5),
    (NetworkKind.IMPROVEMENT_BOARD, 5),
]
STATUSES = [
    (MembershipStatus.ACTIVE, 85),
    (MembershipStatus.LEFT, 10),
    (MembershipStatus.NOMINATED, 5),
]


def _pick(rng: random.Random, weighted: list[tuple[Any, int]]) -> Any:
    return rng.choices([value for value, _ in weighted], [weight for _, weight in weighted])[0]


def _insert(store: Store, spec: TableSpec[Any], records: list[Record]) -> None:
    store.db.table(spec.name).insert_all(spec.to_rows(records))


def _build(store: Store, seed: int = 8) -> list[str]:
    """500 networks of 2 to 16 schools sharing 40 trusts and 30 federations; their ids."""
    rng = random.Random(seed)
    schools = [
        School(
            name=f"School {n}",
            trust=rng.choice(TRUSTS) if rng.random() < 0.4 else "",
            federation=rng.choice(FEDERATIONS) if rng.random() < 0.15 else "",
            ofsted_judgement=rng.choice(list(OfstedJudgement)),
        )
        for n in range(5_000)
    ]
    people = [
        Person(
            name=f"Person {n}",
            lead_criteria=LeadCriteria(
                **{field: rng.random() < 0.8 for field in LeadCriteria.model_fields}
            ),
        )
        for n in range(1_000)
    ]
    networks = [
        Network(
            # Some names repeat, so two networks of one name share a trust now and then.
            name=f"Network {n % 470}",
            kind=_pick(rng, KINDS),
            lead_id=rng.choice(people).id if rng.random() < 0.9 else None,
            deputy_lead_id=rng.choice(people).id if rng.random() < 0.9 else None,
        )
        for n in range(NETWORKS_MADE)
    ]
    memberships = [
        Membership(network_id=network.id, school_id=school.id, status=_pick(rng, STATUSES))
        for network in networks
        for school in rng.sample(schools, rng.randint(2, 16))
    ]
    start = datetime(2025, 9, 1, 9, tzinfo=UTC)
    meetings = [
        Meeting(
            network_id=network.id,
            title="Meeting",
            kind=rng.choice([MeetingKind.SLG, MeetingKind.SLG, *MeetingKind]),
            starts_at=start + timedelta(days=rng.randrange(730)),
        )
        for network in networks
        for _ in range(rng.randint(0, 12))
    ]
    with store.db.atomic():
        _insert(store, SCHOOLS, schools)
        _insert(store, PEOPLE, people)
        _insert(store, NETWORKS, networks)
        _insert(store, MEMBERSHIPS, memberships)
        _insert(store, MEETINGS, meetings)
    return [network.id for network in networks]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, list[str]]]:
    """A store holding the 500 generated networks, made once for this file's tests."""
    store = Store.open(tmp_path_factory.mktemp("health") / "networks.db")
    ids = _build(store)
    yield store, ids
    store.close()


def test_every_network_has_the_findings_it_has_on_its_own(
    generated: tuple[Store, list[str]],
) -> None:
    store, ids = generated
    everything = all_network_health(store, TODAY)
    assert list(everything) == [n.id for n in store.networks.all()]
    names = [n.name for n in store.networks.all()]
    same_name = [n.id for n in store.networks.all() if names.count(n.name) > 1]
    sample = ids[::10] + same_name
    for network_id in sample:
        assert network_health(store, network_id, TODAY) == everything[network_id], network_id
    found = {finding.rule for network_id in sample for finding in everything[network_id]}
    assert found == {
        "Alliance group size",
        "Network size",
        "Ofsted categories",
        "Trust split",
        "Federation split",
        "Meetings",
        "Leadership",
        "Lead criteria",
    }


def _queries(store: Store) -> list[str]:
    """The SELECT statements checking every network's health sends."""
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        all_network_health(store, TODAY)
    finally:
        store.db.conn.set_trace_callback(None)
    return [sql for sql in statements if sql.lstrip().startswith("SELECT")]


def test_all_networks_are_checked_in_a_few_queries(
    generated: tuple[Store, list[str]], store: Store
) -> None:
    many, _ids = generated
    _build_few(store)
    # As many queries for 500 networks as for 3: each rule reads all networks at once.
    assert len(_queries(many)) == len(_queries(store)) <= 4, _queries(many)


def _build_few(store: Store) -> None:
    for name in ("North", "South", "East"):
        network = store.networks.add(Network(name=name))
        school = store.schools.add(School(name=f"{name} School", trust="Ouse Trust"))
        store.memberships.add(
            Membership(network_id=network.id, school_id=school.id, status="active")
        )


def test_networks_of_one_name_are_listed_together_except_the_one_checked(store: Store) -> None:
    def network(name: str, *schools: str) -> str:
        added = store.networks.add(Network(name=name))
        for school in schools:
            found = store.schools.add(School(name=school, trust="Ouse Trust"))
            store.memberships.add(
                Membership(network_id=added.id, school_id=found.id, status="active")
            )
        return added.id

    first, second, south = (
        network("North", "Abbey"),
        network("North", "Brook"),
        network("South", "Cedar"),
    )

    def splits(network_id: str) -> list[str]:
        findings = network_health(store, network_id, TODAY)
        return [f.message for f in findings if f.rule == "Trust split"]

    tail = "; schools in one trust should stay in the same network."
    assert splits(south) == [f"Ouse Trust has schools here and in North (Abbey, Brook){tail}"]
    assert splits(first) == [
        f"Ouse Trust has schools here and in North (Brook){tail}",
        f"Ouse Trust has schools here and in South (Cedar){tail}",
    ]
    assert splits(second)[0] == f"Ouse Trust has schools here and in North (Abbey){tail}"
    assert all_network_health(store, TODAY)[first] == network_health(store, first, TODAY)
