"""Importing bundles: equal data, idempotence, field-by-field merges, conflicts, deletions."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from store import Store
from store.demo.builder import load_demo
from store.demo.ids import review_id
from store.models import Membership, Network, School
from store.sharing import exchange
from store.sharing.backups import KEEP, list_backups, restore
from store.sharing.bundle import BundleRefused, Scope

from ..conftest import TickingClock
from .helpers import bundle_bytes, data, receive


@pytest.fixture
def pair() -> tuple[Store, Store]:
    return Store.memory(clock=TickingClock()), Store.memory(clock=TickingClock())


def test_export_then_import_into_an_empty_database_gives_equal_data(pair) -> None:
    source, target = pair
    load_demo(source)
    plan = receive(target, bundle_bytes(source, include_confidential=True))
    assert data(target) == data(source)
    assert plan.counts()["schools"]["new"] == source.schools.count()


def test_importing_the_same_bundle_twice_changes_nothing(pair) -> None:
    source, target = pair
    load_demo(source)
    raw = bundle_bytes(source)
    receive(target, raw)
    before = data(target)
    plan = receive(target, raw)
    assert not plan.changes_anything
    assert data(target) == before
    assert all(c["new"] == c["updated"] == c["deleted"] == 0 for c in plan.counts().values())


def test_edits_to_different_fields_on_two_laptops_both_survive(pair) -> None:
    reviewer, head = pair
    load_demo(reviewer)
    receive(head, bundle_bytes(reviewer))
    rid = review_id("hunts-2026-st-johns")
    review = reviewer.peer_reviews.get(rid)
    reviewer.peer_reviews.update(review.model_copy(update={"strengths": "Reading is a strength."}))
    theirs = head.peer_reviews.get(rid)
    head.peer_reviews.update(theirs.model_copy(update={"starts_on": date(2026, 11, 12)}))
    from_reviewer, from_head = bundle_bytes(reviewer), bundle_bytes(head)
    head_plan = receive(head, from_reviewer)
    reviewer_plan = receive(reviewer, from_head)
    for store in pair:
        merged = store.peer_reviews.get(rid)
        assert (merged.strengths, merged.starts_on) == (
            "Reading is a strength.",
            date(2026, 11, 12),
        )
    assert head_plan.conflicts == [] and reviewer_plan.conflicts == []
    assert data(reviewer, confidential=False) == data(head, confidential=False)


def test_same_field_edited_on_both_sides_newer_wins_and_loser_is_logged(pair) -> None:
    first, second = pair
    school = first.schools.add(School(name="Houghton"))
    receive(second, bundle_bytes(first))
    first.schools.update(first.schools.get(school.id).model_copy(update={"town": "St Ives"}))
    second.clock.now = first.clock.now + timedelta(seconds=1)  # type: ignore[attr-defined]
    second.schools.update(
        second.schools.get(school.id).model_copy(update={"town": "Houghton village"})
    )
    receive(first, bundle_bytes(second))
    receive(second, bundle_bytes(first))
    assert (
        first.schools.get(school.id).town
        == second.schools.get(school.id).town
        == "Houghton village"
    )
    [logged] = exchange.conflicts(first)
    assert (logged.field, logged.kept_value, logged.lost_value) == (
        "town",
        "Houghton village",
        "St Ives",
    )
    exchange.restore_conflict(first, logged.id)
    assert first.schools.get(school.id).town == "St Ives"
    assert exchange.conflicts(first)[0].restored_at is not None
    receive(second, bundle_bytes(first))  # the restored value is a new edit and travels
    assert second.schools.get(school.id).town == "St Ives"


def test_an_older_bundle_does_not_overwrite_newer_local_edits(pair) -> None:
    first, second = pair
    school = first.schools.add(School(name="Houghton", town="Old"))
    stale = bundle_bytes(first)
    receive(second, stale)
    second.schools.update(second.schools.get(school.id).model_copy(update={"town": "New"}))
    plan = receive(second, stale)
    assert second.schools.get(school.id).town == "New"
    assert plan.counts()["schools"] == {
        "new": 0,
        "updated": 0,
        "unchanged": 0,
        "older": 1,
        "deleted": 0,
    }
    assert plan.conflicts == []


def test_tombstones_delete_records_not_newer_than_the_deletion(pair) -> None:
    first, second = pair
    gone = first.schools.add(School(name="Closing School"))
    kept = first.schools.add(School(name="Edited School"))
    receive(second, bundle_bytes(first))
    first.schools.delete(gone.id)
    first.schools.delete(kept.id)
    second.clock.now = first.clock.now + timedelta(seconds=1)  # type: ignore[attr-defined]
    second.schools.update(second.schools.get(kept.id).model_copy(update={"town": "Edited later"}))
    plan = receive(second, bundle_bytes(first))
    assert second.schools.find(gone.id) is None
    assert second.schools.find(kept.id) is not None
    assert plan.counts()["schools"]["deleted"] == 1
    receive(first, bundle_bytes(second))
    assert data(first) == data(second)


def test_deleted_record_is_not_brought_back_by_an_old_bundle(pair) -> None:
    first, second = pair
    school = first.schools.add(School(name="Closing School"))
    old = bundle_bytes(first)
    receive(second, old)
    second.schools.delete(school.id)
    receive(second, old)
    assert second.schools.find(school.id) is None


def test_deletion_of_a_record_still_in_use_here_keeps_it(pair) -> None:
    first, second = pair
    school = first.schools.add(School(name="Shared"))
    receive(second, bundle_bytes(first))
    network = second.networks.add(Network(name="Local"))
    second.memberships.add(Membership(network_id=network.id, school_id=school.id))
    first.schools.delete(school.id)
    plan = receive(second, bundle_bytes(first))
    assert plan.kept_in_use == 1
    assert second.schools.find(school.id) is not None


def test_dangling_reference_is_refused_and_nothing_changes(pair) -> None:
    first, second = pair
    school = first.schools.add(School(name="A"))
    network = first.networks.add(Network(name="N"))
    first.memberships.add(Membership(network_id=network.id, school_id=school.id))
    from store.sharing.bundle import build, check, encode

    bundle = build(first, Scope("everything"))
    del bundle["records"]["schools"]
    from store.sharing.bundle import checksum

    bundle["checksum"] = checksum(bundle)
    import json

    with pytest.raises(BundleRefused, match="neither in the bundle nor in this database"):
        receive(second, encode(check(json.loads(encode(bundle)), "x")))
    assert second.networks.count() == 0


def test_import_backs_up_first_and_keeps_ten(tmp_path: Path) -> None:
    source = Store.open(tmp_path / "source.db", clock=TickingClock())
    target = Store.open(tmp_path / "target.db", clock=TickingClock())
    source.schools.add(School(name="A"))
    path = tmp_path / "a.schoolnet.json"
    exchange.export(source, path, Scope("everything"))
    for _ in range(KEEP + 2):
        exchange.import_file(target, path)
    assert len(list_backups(target)) == KEEP
    [first_backup] = list_backups(target)[-1:]
    assert first_backup.path.stat().st_mode & 0o777 == 0o600
    received = [e for e in exchange.ledger(target) if e.direction == "received"]
    assert len(received) == KEEP + 2


def test_restore_puts_a_backup_back(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.db", clock=TickingClock())
    store.schools.add(School(name="Before"))
    from store.sharing.backups import backup

    saved = backup(store)
    store.schools.add(School(name="After"))
    restore(store, saved)
    assert [s.name for s in store.schools.all()] == ["Before"]
