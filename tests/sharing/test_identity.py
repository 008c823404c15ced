"""A school is one record across laptops, whoever created it: its identity is its URN."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli.main import main
from store import Store
from store.models import Membership, Network, Person, School

from ..conftest import TickingClock
from .helpers import bundle_bytes, receive

SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _gias(store: Store, urns: list[str], town: str = "") -> dict[str, str]:
    """Import the same register extract: the same URNs, each laptop its own ids."""
    made = {urn: School(name=f"School {urn}", urn=urn, town=town) for urn in urns}
    return {urn: store.schools.add(school).id for urn, school in made.items()}


def test_a_school_both_laptops_imported_from_the_register_is_merged_by_urn() -> None:
    head, lead = Store.memory(clock=TickingClock()), Store.memory(clock=TickingClock())
    mine = _gias(head, ["110001", "110002"])
    theirs = _gias(lead, ["110001", "110002", "110003"])
    network = lead.networks.add(Network(name="Hunts"))
    lead.memberships.add(Membership(network_id=network.id, school_id=theirs["110001"]))
    lead.people.add(Person(name="Claire Whitfield", school_id=theirs["110002"]))
    plan = receive(head, bundle_bytes(lead))
    assert plan.counts()["schools"]["matched"] == 2
    assert plan.counts()["schools"]["new"] == 1
    assert head.schools.count() == 3
    urns = sorted(s.urn or "" for s in head.schools.all())
    assert urns == ["110001", "110002", "110003"]
    # Both laptops end with the same id for the same school: the smaller of the two.
    for urn in ("110001", "110002"):
        assert head.schools.where(urn=urn)[0].id == min(mine[urn], theirs[urn])
    [membership] = head.memberships.all()
    assert membership.school_id == head.schools.where(urn="110001")[0].id
    [person] = head.people.all()
    assert person.school_id == head.schools.where(urn="110002")[0].id


def test_a_school_matched_by_urn_keeps_the_local_records_that_point_at_it() -> None:
    head, lead = Store.memory(clock=TickingClock()), Store.memory(clock=TickingClock())
    mine = _gias(head, ["110001"])
    head.people.add(Person(name="Sam Head", school_id=mine["110001"]))
    _gias(lead, ["110001"], town="Huntingdon")
    receive(head, bundle_bytes(lead))
    [school] = head.schools.all()
    [person] = head.people.all()
    assert person.school_id == school.id
    assert head.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_dry_run_says_how_many_schools_matched_by_urn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lead = Store.memory(clock=TickingClock())
    _gias(lead, ["110001", "110002"])
    path = tmp_path / "lead.schoolnet.json"
    path.write_bytes(bundle_bytes(lead))
    db = tmp_path / "head.db"
    head = Store.open(db)
    _gias(head, ["110001", "110002"])
    head.close()
    assert main(["--db", str(db), "import", str(path), "--dry-run"]) == 0
    assert "2 matched by URN" in capsys.readouterr().out
    assert main(["--db", str(db), "import", str(path)]) == 0
    assert "2 matched by URN" in capsys.readouterr().out
    head = Store.open(db)
    assert head.schools.count() == 2
    head.close()


def test_a_bundle_that_cannot_be_applied_is_one_sentence_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bundle moving a URN onto a school that holds it here cannot be applied as it is."""
    lead = Store.memory(clock=TickingClock())
    first = lead.schools.add(School(name="One", urn="110001"))
    second = lead.schools.add(School(name="Two", urn="110002"))
    db = tmp_path / "head.db"
    head = Store.open(db)
    receive(head, bundle_bytes(lead))
    head.close()
    lead.schools.update(second.model_copy(update={"urn": "110003"}))
    lead.schools.update(first.model_copy(update={"urn": "110002"}))
    path = tmp_path / "swap.schoolnet.json"
    path.write_bytes(bundle_bytes(lead))
    # Make the local copy hold 110003 under the first school, so the swap collides.
    head = Store.open(db)
    head.schools.update(head.schools.get(first.id).model_copy(update={"urn": "110003"}))
    head.schools.update(head.schools.get(second.id).model_copy(update={"urn": "110004"}))
    head.schools.add(School(name="Three", urn="110002"))
    head.close()
    before = _dump(db)
    code = main(["--db", str(db), "import", str(path)])
    err = capsys.readouterr().err
    if code == 0:
        return  # merged cleanly: nothing to refuse
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith("schoolnet: ") and "IntegrityError" not in line
    assert _dump(db) == before


def _dump(path: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return "\n".join(line for line in conn.iterdump() if "bundle_ledger" not in line)
    finally:
        conn.close()


POOL = [f"1100{n:02d}" for n in range(12)]


@SETTINGS
@given(
    st.lists(st.sets(st.sampled_from(POOL), max_size=8), min_size=2, max_size=4),
    st.lists(st.tuples(st.integers(0, 3), st.sampled_from(POOL)), max_size=6),
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=14),
)
def test_laptops_that_import_overlapping_registers_and_exchange_converge(
    extracts: list[set[str]], by_hand: list[tuple[int, str]], sends: list[tuple[int, int]]
) -> None:
    stores = [Store.memory(clock=TickingClock()) for _ in extracts]
    for store, urns in zip(stores, extracts, strict=True):
        _gias(store, sorted(urns))
    for who, urn in by_hand:
        store = stores[who % len(stores)]
        if not store.schools.where(urn=urn):
            store.schools.add(School(name=f"Typed {urn}", urn=urn, town="by hand"))
    for source, target in sends:
        source, target = source % len(stores), target % len(stores)
        if source != target:
            receive(stores[target], bundle_bytes(stores[source]))
    # Then everyone sends to everyone, twice round, so every change has reached every laptop.
    for _ in range(2):
        for source in stores:
            raw = bundle_bytes(source)
            for target in stores:
                if target is not source:
                    receive(target, raw)
    first = _schools(stores[0])
    for store in stores:
        schools = _schools(store)
        assert schools == first
        urns = [urn for urn, *_ in schools if urn]
        assert len(urns) == len(set(urns))


def _schools(store: Store) -> list[tuple[str | None, str, str, str]]:
    return sorted((s.urn, s.id, s.name, s.town) for s in store.schools.all())
