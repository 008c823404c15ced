"""Scoped bundles carry every record under their root, derived from the table registry."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, get_args

import pytest

from store import Store, schema
from store.demo.builder import load_demo
from store.documents.paper import to_markdown
from store.documents.review_papers import outcomes, timetable
from store.sharing.bundle import Scope, ScopeKind, build, encode

from ..conftest import TickingClock
from .helpers import receive

WHEN = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
# Tables the demo leaves empty: one row of each, so that every table has rows.
# A table added later with no demo rows fails test_every_table_has_rows until it is added here.
MakeRow = Callable[[Callable[[str], str]], dict[str, Any]]
MISSING: dict[str, MakeRow] = {
    "membership_moves": lambda first: {
        "network_id": first("networks"),
        "school_id": first("schools"),
        "kind": "join",
        "reason": "Wants to join",
        "proposed_on": "2026-11-01",
    },
    "concern_amendments": lambda first: {
        "concern_id": first("concerns"),
        "amended_on": WHEN,
        "text": "Followed up with the DSL",
    },
    "review_amendments": lambda first: {
        "review_id": first("peer_reviews"),
        "amended_on": WHEN,
        "text": "Estimate changed",
    },
    "network_funding": lambda first: {
        "network_id": first("networks"),
        "academic_year": "2026/27",
        "amount": "1000.00",
    },
    "health_answers": lambda first: {
        "network_id": first("networks"),
        "finding": "size",
        "academic_year": "2026/27",
        "note": "Support from the next town's network",
        "answered_on": "2026-11-01",
    },
}


def _first(store: Store, table: str) -> str:
    return str(next(iter(store.db.query(f"SELECT id FROM {table} ORDER BY id LIMIT 1")))["id"])


@pytest.fixture
def full() -> Store:
    """The demo, plus a row of each table the demo leaves empty."""
    store = Store.memory(clock=TickingClock())
    load_demo(store)
    for spec in schema.TABLES:
        if spec.name in MISSING and not store.db[spec.name].count:
            data = MISSING[spec.name](lambda table: _first(store, table))
            store.db.table(spec.name).insert(spec.to_row(spec.model.model_validate(data)))
    return store


def test_every_table_has_rows(full: Store) -> None:
    empty = [spec.name for spec in schema.TABLES if not full.db[spec.name].count]
    assert empty == [], "add a row of each to MISSING (or to the demo)"


def _hang_chain(store: Store, root_table: str, root: str) -> dict[str, str]:
    """For every table under `root_table`, a new record that belongs to `root` through a
    chain of references: a copy of one of its rows, re-pointed at the chain above it."""
    linked = {root_table: root}
    under = schema.dependents(root_table)
    for spec in schema.TABLES:  # parents first, so the chain above is already made
        if spec.name not in under:
            continue
        column, target = next((c, t) for c, t in spec.references.items() if t in linked)
        row = dict(next(iter(store.db.query(f"SELECT * FROM {spec.name} LIMIT 1"))))
        row.update(id=str(uuid.uuid4()), **{column: linked[target]})
        store.db.table(spec.name).insert(row)
        linked[spec.name] = row["id"]
    return linked


def test_every_scope_kind_has_a_root_table() -> None:
    assert set(get_args(ScopeKind)) == set(schema.SCOPE_ROOTS) | {"everything"}


def _ids(bundle: dict[str, Any]) -> dict[str, set[str]]:
    return {table: {r["id"] for r in rows} for table, rows in bundle["records"].items()}


@pytest.mark.parametrize("kind", sorted(schema.SCOPE_ROOTS))
def test_a_scoped_bundle_carries_every_table_under_its_root(full: Store, kind: ScopeKind) -> None:
    root_table = schema.SCOPE_ROOTS[kind]
    root = _first(full, root_table)
    linked = _hang_chain(full, root_table, root)
    assert set(linked) == {root_table} | schema.dependents(root_table)
    carried = _ids(build(full, Scope(kind, root), include_confidential=True))
    missing = [t for t, record in linked.items() if record not in carried.get(t, set())]
    assert missing == []
    plain = _ids(build(full, Scope(kind, root)))
    for spec in schema.TABLES:
        if spec.confidential:
            assert spec.name not in plain
        else:
            assert plain.get(spec.name, set()) == carried.get(spec.name, set())


@pytest.mark.parametrize("kind", sorted(schema.SCOPE_ROOTS))
def test_a_scoped_bundle_holds_everything_its_records_refer_to(
    full: Store, kind: ScopeKind
) -> None:
    root = _first(full, schema.SCOPE_ROOTS[kind])
    bundle = build(full, Scope(kind, root), include_confidential=True)
    carried = _ids(bundle)
    for table, rows in bundle["records"].items():
        for column, target in schema.BY_NAME[table].references.items():
            for row in rows:
                assert not row[column] or row[column] in carried.get(target, set())
    # So a colleague with an empty database can take it in as it is (without its concerns).
    colleague = Store.memory(clock=TickingClock())
    receive(colleague, encode(build(full, Scope(kind, root))))
    plain = {t: ids for t, ids in carried.items() if not schema.BY_NAME[t].confidential}
    assert _ids(build(colleague, Scope("everything"))) == plain


def test_a_shared_school_does_not_pull_in_another_networks_work(full: Store) -> None:
    shared = full.db.execute(
        "SELECT school_id FROM memberships GROUP BY school_id HAVING count(*) > 1 LIMIT 1"
    ).fetchone()[0]
    mine, other = sorted(
        row[0]
        for row in full.db.execute(
            "SELECT network_id FROM memberships WHERE school_id = ?", [shared]
        ).fetchall()
    )
    other_review = _hang_chain(full, "networks", other)["peer_reviews"]
    full.db.table("peer_reviews").update(other_review, {"host_school_id": shared})
    carried = _ids(build(full, Scope("network", mine), include_confidential=True))
    assert shared in carried["schools"]
    # The member school's own records come along...
    people = {row["id"] for row in full.db["people"].rows_where("school_id = ?", [shared])}
    assert people and people <= carried["people"]
    # ...but not another network's review there, its memberships elsewhere or their meetings.
    assert other_review not in carried["peer_reviews"]
    for table in ("memberships", "peer_reviews"):
        for record in carried[table]:
            assert full.db.table(table).get(record)["network_id"] == mine


def test_a_review_bundle_gives_the_colleague_its_outcomes_paper() -> None:
    sender = Store.memory(clock=TickingClock())
    load_demo(sender)
    review = str(sender.db.execute("SELECT review_id FROM outcome_areas LIMIT 1").fetchone()[0])
    slots = str(sender.db.execute("SELECT review_id FROM review_slots LIMIT 1").fetchone()[0])
    colleague = Store.memory(clock=TickingClock())
    for rid in (review, slots):
        receive(colleague, encode(build(sender, Scope("review", rid))))
    paper = to_markdown(outcomes(colleague, review))
    assert paper == to_markdown(outcomes(sender, review))
    areas = list(sender.db["outcome_areas"].rows_where("review_id = ?", [review]))
    assert areas and all(f"## {area['focus_area']}" in paper for area in areas)
    assert "What went well" in paper
    assert to_markdown(timetable(colleague, slots)) == to_markdown(timetable(sender, slots))
    assert len(list(colleague.db["review_slots"].rows)) >= 1
